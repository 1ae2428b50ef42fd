//! The mouse: a click selects and focuses what is under it, the wheel
//! scrolls the pane under the pointer, wherever the keyboard is.

use super::input::Action;
use super::layout::Regions;
use super::mode::{Mode, Pane};
use super::panes::timeline::Row;
use super::state::App;

impl App {
    pub(super) fn click(&mut self, x: u16, y: u16) {
        let r = self.regions();
        if let Some(t) = Regions::hit(r.timeline, x, y) {
            self.focus = Pane::Timeline;
            if y > t.y {
                if let Some(Row::Event(i)) = self.list.row_at((y - t.y - 1) as usize) {
                    self.select(i);
                }
            }
        } else if let Some(f) = Regions::hit(r.filter, x, y) {
            self.focus = Pane::Filter;
            if let Some(i) = self.filter.entry_at(f, y) {
                self.filter.cursor = i;
            }
        } else if let Some(d) = Regions::hit(r.detail, x, y) {
            self.focus = Pane::Detail;
            // A click on a citation marker goes to the quote it names.
            if y > d.y && x > d.x {
                if let Some(n) = self.detail.marker_at(y - d.y - 1, x - d.x - 1) {
                    self.select_source(n - 1);
                }
            }
        }
    }

    /// The wheel scrolls the pane under the pointer, wherever the keyboard is.
    pub(super) fn wheel(&mut self, up: bool, x: u16, y: u16) {
        let step = if up { -3 } else { 3 };
        match &mut self.mode {
            Mode::Help { .. } | Mode::Figures { .. } | Mode::Tiers { .. } | Mode::Glossary { .. } => {
                let action = if up { Action::Up } else { Action::Down };
                for _ in 0..3 {
                    self.act(action);
                }
                return;
            }
            Mode::Browse => {}
            _ => return,
        }
        let r = self.regions();
        if Regions::hit(r.detail, x, y).is_some() {
            self.scroll_detail(step);
        } else if Regions::hit(r.filter, x, y).is_some() {
            let last = self.filter.entries.len().saturating_sub(1) as isize;
            self.filter.cursor = (self.filter.cursor as isize + step as isize).clamp(0, last.max(0)) as usize;
        } else if Regions::hit(r.timeline, x, y).is_some() {
            self.move_selection(step as isize);
        }
    }
}
