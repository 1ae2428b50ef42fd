//! Finding words in the screens that are only read (the help, the figures
//! and tier charts, the glossary), as `/` finds them in less: the screen
//! scrolls to the first line holding them as they are typed, Enter keeps
//! them, `n` and `N` go to the next and previous line holding them, and
//! every place they are found is marked.

use super::input::Action;
use super::line::LineEditor;
use super::mode::{Found, Mode};
use super::state::App;
use crate::text::fold;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// The most characters the find prompt takes.
const FIND_CHARS: usize = 64;

/// How far a reading screen is scrolled.
fn scroll_of(mode: &Mode) -> u16 {
    match mode {
        Mode::Help { scroll }
        | Mode::Figures { scroll }
        | Mode::Tiers { scroll }
        | Mode::Glossary { scroll } => *scroll,
        _ => 0,
    }
}

/// A reading screen scrolled to `to`.
fn scrolled(mode: Mode, to: u16) -> Mode {
    match mode {
        Mode::Help { .. } => Mode::Help { scroll: to },
        Mode::Figures { .. } => Mode::Figures { scroll: to },
        Mode::Tiers { .. } => Mode::Tiers { scroll: to },
        Mode::Glossary { .. } => Mode::Glossary { scroll: to },
        other => other,
    }
}

/// The lines of `text` that hold `words` (folded: case and accents aside).
pub fn lines_holding(text: &[String], words: &str) -> Vec<usize> {
    let want = fold(words.trim());
    if want.is_empty() {
        return Vec::new();
    }
    text.iter()
        .enumerate()
        .filter(|(_, line)| fold(line).contains(&want))
        .map(|(i, _)| i)
        .collect()
}

impl App {
    /// `/` on a reading screen: the find prompt over it.
    pub(super) fn open_find(&mut self, within: Mode) -> Mode {
        let from = scroll_of(&within);
        Mode::Find {
            within: Box::new(within),
            input: LineEditor::new(FIND_CHARS),
            from,
        }
    }

    /// A key at the find prompt.
    pub(super) fn find(
        &mut self,
        within: Box<Mode>,
        mut input: LineEditor,
        from: u16,
        action: Action,
    ) -> Mode {
        match action {
            Action::Accept => {
                let words = input.as_str().trim().to_string();
                self.histories.find.keep(&words);
                let text = self.reading_text(&within);
                let held = lines_holding(&text, &words);
                let top = scroll_of(&within) as usize;
                self.found = None;
                if words.is_empty() {
                    return *within;
                }
                match held.iter().find(|&&l| l >= top).or(held.first()) {
                    Some(&line) => {
                        self.status.message = Some(self.found_note(&words, &held, line));
                        self.found = Some(Found { words, line });
                    }
                    None => self.status.message = Some(format!("no line holds “{words}”")),
                }
                *within
            }
            Action::Cancel => scrolled(*within, from),
            Action::Up | Action::Down => {
                if input.recall(&self.histories.find, action == Action::Up) {
                    let to = self.first_found(&within, input.as_str(), from);
                    return Mode::Find {
                        within: Box::new(scrolled(*within, to)),
                        input,
                        from,
                    };
                }
                Mode::Find { within, input, from }
            }
            _ => Mode::Find { within, input, from },
        }
    }

    /// The find prompt's words changed: the screen scrolls to the first
    /// line holding them, from where the prompt was opened.
    pub(super) fn find_typed(&mut self) {
        let to = match &self.mode {
            Mode::Find { within, input, from } => self.first_found(within, input.as_str(), *from),
            _ => return,
        };
        if let Mode::Find { within, .. } = &mut self.mode {
            let screen = std::mem::replace(within.as_mut(), Mode::Browse);
            **within = scrolled(screen, to);
        }
    }

    /// The scroll that puts the first line holding `words` at or after
    /// line `from` (else the first anywhere) at the top; `from` when no
    /// line holds them.
    fn first_found(&self, within: &Mode, words: &str, from: u16) -> u16 {
        let held = lines_holding(&self.reading_text(within), words);
        let line = held.iter().find(|&&l| l >= from as usize).or(held.first());
        match line {
            Some(&l) => (l.min(u16::MAX as usize) as u16).min(self.max_scroll_of(within)),
            None => from,
        }
    }

    /// `n` (`step` 1) or `N` (-1) on a reading screen: to the next or
    /// previous line holding the kept words, wrapping around.
    pub(super) fn find_next(&mut self, mode: Mode, step: isize) -> Mode {
        let Some(found) = self.found.clone() else {
            let find = self
                .settings
                .keymap
                .first_key(super::keymap::Context::Help, Action::Search);
            self.status.message = Some(format!("nothing to find yet: {find} finds words here"));
            return mode;
        };
        let held = lines_holding(&self.reading_text(&mode), &found.words);
        if held.is_empty() {
            self.status.message = Some(format!("no line holds “{}”", found.words));
            return mode;
        }
        let at = held.iter().position(|&l| l == found.line);
        let next = match (at, step > 0) {
            (Some(i), true) => (i + 1) % held.len(),
            (Some(i), false) => (i + held.len() - 1) % held.len(),
            (None, true) => held.iter().position(|&l| l > found.line).unwrap_or(0),
            (None, false) => held
                .iter()
                .rposition(|&l| l < found.line)
                .unwrap_or(held.len() - 1),
        };
        let line = held[next];
        self.status.message = Some(self.found_note(&found.words, &held, line));
        self.found = Some(Found {
            words: found.words,
            line,
        });
        let to = (line.min(u16::MAX as usize) as u16).min(self.max_scroll_of(&mode));
        scrolled(mode, to)
    }

    /// "“page”: line 2 of 5; n next, N back", with the keys as bound.
    fn found_note(&self, words: &str, held: &[usize], line: usize) -> String {
        let at = held.iter().position(|&l| l == line).map_or(1, |i| i + 1);
        let keys = &self.settings.keymap;
        let help = super::keymap::Context::Help;
        format!(
            "“{words}”: line {at} of {}; {} next, {} back",
            held.len(),
            keys.first_key(help, Action::NextMatch),
            keys.first_key(help, Action::PrevMatch)
        )
    }

    /// The text of a reading screen's lines at the current size.
    fn reading_text(&self, mode: &Mode) -> Vec<String> {
        let th = &self.settings.theme;
        let width = super::panes::help::inner_width(self.size);
        let text = |lines: Vec<ratatui::text::Line>| -> Vec<String> {
            lines
                .iter()
                .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
                .collect()
        };
        match mode {
            Mode::Help { .. } => self.help_page.text(&self.settings.keymap, th, width),
            Mode::Figures { .. } => text(super::panes::figures::lines(
                &self.timeline,
                &self.filtered,
                th,
                width,
            )),
            Mode::Tiers { .. } => text(super::panes::tiers::lines(
                &self.timeline,
                &self.filtered,
                th,
                width,
            )),
            Mode::Glossary { .. } => {
                let first = self.glossary_first();
                text(super::panes::glossary::lines(&self.timeline, &first, th, width).0)
            }
            _ => Vec::new(),
        }
    }
}

/// Marks every place `words` appear in the rows of `area` (as drawn),
/// folded as the finding folds them.
pub fn mark(buf: &mut Buffer, area: Rect, words: &str, style: Style) {
    let want = fold(words.trim());
    if want.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        // The row folded, with the cell each folded byte came from.
        let mut folded = String::new();
        let mut cell_of = Vec::new();
        for x in area.left()..area.right() {
            let before = folded.len();
            crate::text::fold_into(&mut folded, buf[(x, y)].symbol());
            cell_of.extend(std::iter::repeat_n(x, folded.len() - before));
        }
        for (start, m) in folded.match_indices(want.as_str()) {
            let (Some(&a), Some(&b)) = (cell_of.get(start), cell_of.get(start + m.len() - 1)) else {
                continue;
            };
            for x in a..=b {
                let cell = &mut buf[(x, y)];
                cell.set_style(cell.style().patch(style));
            }
        }
    }
}
