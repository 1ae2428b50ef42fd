//! Moving by what the reader looks for rather than by rows: to the next
//! or previous event holding the search words, and through the data
//! problems panel.

use super::input::Action;
use super::state::App;

impl App {
    /// Scrolls the data problems panel.
    pub(super) fn scroll_problems(&mut self, action: Action) {
        let lines: usize = self
            .status
            .data_problems
            .iter()
            .map(|p| p.lines().count().max(1))
            .sum();
        let last = lines.saturating_sub(1).min(u16::MAX as usize) as i32;
        let s = self.status.problems_scroll as i32;
        let to = match action {
            Action::Up => s - 1,
            Action::Down => s + 1,
            Action::PageUp => s - 5,
            Action::PageDown => s + 5,
            Action::HalfPageUp => s - 3,
            Action::HalfPageDown => s + 3,
            Action::Top => 0,
            _ => last,
        };
        self.status.problems_scroll = to.clamp(0, last) as u16;
    }

    /// Selects the next (`step` 1) or previous (-1) listed event that holds
    /// the search words, wrapping around: held as the search counts them
    /// (in the title, the text, the quotes, the tags, the actors' names),
    /// by the query engine's own test.
    pub(super) fn next_match(&mut self, step: isize) {
        let search = self.settings.keymap.key_for(Action::Search);
        if self.highlights().is_empty() {
            self.status.message = Some(format!("no search words: {search} searches"));
            return;
        }
        let n = self.filtered.len() as isize;
        let at = self.list.selected as isize;
        let found = {
            let holds = self.effective_query().text_clauses().matcher(&self.timeline);
            (1..=n)
                .map(|k| (at + step * k).rem_euclid(n.max(1)) as usize)
                .find(|&i| holds(self.filtered[i]))
        };
        match found {
            Some(i) => {
                if (step > 0 && (i as isize) <= at) || (step < 0 && (i as isize) >= at) {
                    self.status.message = Some("search wrapped around".into());
                }
                self.select(i);
            }
            None => self.status.message = Some("no listed event holds the search words".into()),
        }
    }
}
