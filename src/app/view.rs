//! The app's state as everything outside the app module reads it: the
//! command line, exports, tests, examples. Nothing here changes it; only
//! [`App::update`] does.

use super::mode::{Mode, Pane};
use super::panes::detail::DetailPane;
use super::panes::filter::FilterPane;
use super::panes::picker::Choices;
use super::panes::strip::Strip;
use super::panes::timeline::TimelinePane;
use super::settings::Settings;
use super::state::{App, Status};
use crate::query::Query;
use crate::timeline::model::Timeline;

impl App {
    /// The timeline shown, shared with the searches in the background.
    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    /// The committed filter: facets and kept search words.
    pub fn query(&self) -> &Query {
        &self.query
    }

    /// What the keyboard is doing: browsing, a prompt, a picker, presenting...
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The pane the keyboard is in.
    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// Positions in the timeline of the events that pass the filter, in
    /// the order the list shows them.
    pub fn filtered(&self) -> &[usize] {
        &self.filtered
    }

    pub fn list(&self) -> &TimelinePane {
        &self.list
    }

    pub fn detail(&self) -> &DetailPane {
        &self.detail
    }

    pub fn filter(&self) -> &FilterPane {
        &self.filter
    }

    pub fn strip(&self) -> &Strip {
        &self.strip
    }

    /// The values an open picker offers.
    pub fn choices(&self) -> &Choices {
        &self.choices
    }

    /// What was fixed at start-up: keys, theme, projector, links.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// The status line's message and the data's problems.
    pub fn status(&self) -> &Status {
        &self.status
    }

    /// Whether the reader has asked to quit.
    pub fn has_quit(&self) -> bool {
        self.quit
    }

    /// How many rows of key hints the status line has: two where the
    /// screen is 24 rows or taller and one row holds too few, else one.
    pub fn hint_rows(&self) -> u16 {
        let rows = if self.size.1 >= 24 { 2 } else { 1 };
        let browse = super::keymap::Context::Browse;
        self.settings
            .keymap
            .hint_rows(browse, None, self.size.0 as usize, rows)
            .len()
            .max(1) as u16
    }

    /// The screen's size, as last told.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }
}
