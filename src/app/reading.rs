//! The screens that are only read — the help, the figures chart, the
//! glossary: scrolling them, closing them, and moving from the legend to
//! the glossary's tier definitions.

use super::input::Action;
use super::mode::Mode;
use super::panes::{figures, glossary, tiers};
use super::state::App;
use crate::timeline::model::Term;

impl App {
    pub(super) fn reading(&mut self, mode: Mode, action: Action) -> Mode {
        let was = std::mem::discriminant(&mode);
        let next = match action {
            Action::Search => return self.open_find(mode),
            Action::NextMatch => return self.find_next(mode, 1),
            Action::PrevMatch => return self.find_next(mode, -1),
            _ => self.read(mode, action),
        };
        // Words found on one screen are not looked for on the next.
        if std::mem::discriminant(&next) != was {
            self.found = None;
        }
        next
    }

    /// A key that scrolls, closes or leaves a reading screen.
    fn read(&mut self, mode: Mode, action: Action) -> Mode {
        let th = &self.settings.theme;
        let page = super::panes::help::page_rows(self.size);
        match mode {
            Mode::Help { .. } if action == Action::Glossary => {
                // The legend's tier rows lead to the first tier's definition.
                let tier = self
                    .timeline
                    .terms()
                    .iter()
                    .find(|t| t.name.starts_with("Tier "))
                    .map(|t| t.id.clone());
                self.open_glossary(tier.as_deref());
                std::mem::replace(&mut self.mode, Mode::Browse)
            }
            Mode::Help { scroll } => {
                let max = self.help_page.max_scroll(&self.settings.keymap, th, self.size);
                read_on(action, scroll, max, page).map_or(Mode::Browse, |scroll| Mode::Help { scroll })
            }
            Mode::Figures { scroll } => {
                let max = figures::max_scroll(&self.timeline, &self.filtered, th, self.size);
                read_on(action, scroll, max, page).map_or(Mode::Browse, |scroll| Mode::Figures { scroll })
            }
            Mode::Tiers { scroll } => {
                let max = tiers::max_scroll(&self.timeline, &self.filtered, th, self.size);
                read_on(action, scroll, max, page).map_or(Mode::Browse, |scroll| Mode::Tiers { scroll })
            }
            Mode::Glossary { scroll } => {
                let first = self.glossary_first();
                let max = glossary::max_scroll(&self.timeline, &first, th, self.size);
                read_on(action, scroll, max, page).map_or(Mode::Browse, |scroll| Mode::Glossary { scroll })
            }
            other => other,
        }
    }

    /// How far a reading screen can scroll at the current size.
    pub(super) fn max_scroll_of(&self, mode: &Mode) -> u16 {
        let th = &self.settings.theme;
        match mode {
            Mode::Help { .. } => self.help_page.max_scroll(&self.settings.keymap, th, self.size),
            Mode::Figures { .. } => figures::max_scroll(&self.timeline, &self.filtered, th, self.size),
            Mode::Tiers { .. } => tiers::max_scroll(&self.timeline, &self.filtered, th, self.size),
            Mode::Glossary { .. } => {
                let first = self.glossary_first();
                glossary::max_scroll(&self.timeline, &first, th, self.size)
            }
            _ => 0,
        }
    }

    /// The terms the glossary shows first: those the selected event uses.
    pub fn glossary_first(&self) -> Vec<&Term> {
        self.selected_event()
            .map(|e| self.timeline.terms_of(e))
            .unwrap_or_default()
    }

    /// Opens the glossary at the top, or at a term.
    pub(super) fn open_glossary(&mut self, at: Option<&str>) {
        let scroll = at.map_or(0, |id| {
            let first = self.glossary_first();
            glossary::scroll_to(&self.timeline, &first, &self.settings.theme, self.size, id)
        });
        self.mode = Mode::Glossary { scroll };
    }
}

/// A key on a screen that is only read (the help, the figures chart, the glossary): the
/// new scroll, or `None` when the key closes it. A page is what the frame
/// shows (`page` rows) but one line, kept for context; half a page, half that.
pub(super) fn read_on(action: Action, scroll: u16, max: u16, page: u16) -> Option<u16> {
    let s = scroll.min(max) as i32;
    let to = |s: i32| Some(s.clamp(0, max as i32) as u16);
    let whole = (page as i32 - 1).max(1);
    let half = (page as i32 / 2).max(1);
    match action {
        Action::Up => to(s - 1),
        Action::Down => to(s + 1),
        Action::PageUp => to(s - whole),
        Action::PageDown => to(s + whole),
        Action::HalfPageUp => to(s - half),
        Action::HalfPageDown => to(s + half),
        Action::Top => to(0),
        Action::Bottom => to(max as i32),
        Action::CloseHelp | Action::Help => None,
        _ => Some(scroll),
    }
}
