//! Moving inside each pane: the timeline's selection, the detail's
//! scroll and the filter pane's cursor, by line, page, half page or to
//! either end.

use super::input::Action;
use super::mode::Pane;
use super::state::App;

impl App {
    pub(super) fn timeline_keys(&mut self, action: Action) {
        let page = self.timeline_height().saturating_sub(1).max(1) as isize;
        match action {
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::PageUp => self.move_selection(-page),
            // Nothing to toggle here: Space pages down, as in less.
            Action::PageDown | Action::Toggle => self.move_selection(page),
            Action::HalfPageUp => self.move_selection(-(page / 2).max(1)),
            Action::HalfPageDown => self.move_selection((page / 2).max(1)),
            Action::Top => self.select(0),
            Action::Bottom => self.select(self.filtered.len().saturating_sub(1)),
            Action::Activate if self.focusable().contains(&Pane::Detail) => self.focus = Pane::Detail,
            _ => {}
        }
    }

    pub(super) fn scroll_detail(&mut self, delta: i32) {
        self.relayout_detail();
        self.detail.scroll_by(delta);
    }

    pub(super) fn detail_keys(&mut self, action: Action) {
        let page = self
            .regions()
            .detail
            .map_or(1, |r| r.height.saturating_sub(3).max(1)) as i32;
        match action {
            Action::Up => self.scroll_detail(-1),
            Action::Down => self.scroll_detail(1),
            Action::PageUp => self.scroll_detail(-page),
            Action::PageDown | Action::Toggle => self.scroll_detail(page),
            Action::HalfPageUp => self.scroll_detail(-(page / 2).max(1)),
            Action::HalfPageDown => self.scroll_detail((page / 2).max(1)),
            Action::Top => self.detail.scroll = 0,
            Action::Bottom => self.scroll_detail(i32::MAX / 2),
            Action::Activate => self.follow_related(1),
            _ => {}
        }
    }

    pub(super) fn filter_keys(&mut self, action: Action) {
        let last = self.filter.entries.len().saturating_sub(1);
        let cursor = &mut self.filter.cursor;
        match action {
            Action::Up => *cursor = cursor.saturating_sub(1),
            Action::Down => *cursor = (*cursor + 1).min(last),
            Action::PageUp => *cursor = cursor.saturating_sub(10),
            Action::PageDown => *cursor = (*cursor + 10).min(last),
            Action::HalfPageUp => *cursor = cursor.saturating_sub(5),
            Action::HalfPageDown => *cursor = (*cursor + 5).min(last),
            Action::Top => *cursor = 0,
            Action::Bottom => *cursor = last,
            Action::Toggle | Action::Activate => {
                if let Some(entry) = self.filter.entries.get(self.filter.cursor) {
                    self.query.toggle(entry.term.clone());
                    self.refresh();
                }
            }
            _ => {}
        }
    }
}
