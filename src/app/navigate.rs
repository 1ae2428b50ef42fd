//! Moving between events along their links, and back again.

use super::input::Action;
use super::state::{App, Visit};
use crate::query::Query;

impl App {
    /// Follows the n-th link (1-based) the detail pane lists for the shown
    /// event: those it states first, then those that point at it.
    pub(super) fn follow_related(&mut self, n: usize) {
        let Some(here) = self.selected_position() else {
            return;
        };
        let links = self.timeline.links(here);
        let Some(link) = n.checked_sub(1).and_then(|i| links.get(i)) else {
            self.status.message = Some(format!("this event has no related event {n}"));
            return;
        };
        let position = link.position;
        self.history.push(Visit {
            event: self.timeline.events[here].id.clone(),
            query: self.query.clone(),
            detail_scroll: self.detail.scroll,
        });
        if !self.filtered.contains(&position) {
            self.query = Query::default();
            self.refresh();
            let back = self.settings.keymap.key_for(Action::Back);
            self.status.message = Some(format!(
                "filters cleared to show the related event; {back} returns"
            ));
        }
        self.select_position(position);
        self.detail.scroll = 0;
    }

    pub(super) fn back(&mut self) {
        let Some(visit) = self.history.pop() else {
            self.status.message = Some("nothing to go back to".into());
            return;
        };
        if self.query != visit.query {
            self.query = visit.query;
            self.refresh();
        }
        if let Some(p) = self.timeline.event_position(&visit.event) {
            self.select_position(p);
        }
        // Back returns to where the reader was in that event.
        self.relayout_detail();
        self.detail.scroll = 0;
        self.detail.scroll_by(visit.detail_scroll as i32);
    }
}
