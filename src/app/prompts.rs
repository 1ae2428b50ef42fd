//! The prompts: search, query text, year, and the actor and kind pickers.
//! Each takes typed text and, on every change, refreshes the filter live.

use super::{Action, App, Choice, Mode, Picker, PickerKind};
use crate::query::{Facet, Query, Term, MAX_QUERY_CHARS};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

impl App {
    pub(super) fn presenting(&mut self, mut p: super::present::Presenter, action: Action) -> Mode {
        if p.fit_check.is_some() {
            // Any key starts the presentation once the fit check is read.
            p.fit_check = None;
            return Mode::Present(Box::new(p));
        }
        match action {
            Action::Reveal => p.reveal(),
            Action::NextStop => p.next(),
            Action::PrevStop => p.previous(),
            Action::Input(c) if c.is_ascii_digit() && p.jump.len() < 4 => p.jump.push(c),
            Action::Confirm if !p.jump.is_empty() => p.jump_to_typed(false),
            Action::Confirm if p.overview => p.overview = false,
            Action::Confirm => p.next(),
            Action::Bottom => p.jump_to_typed(true),
            Action::Top => {
                p.jump = "1".into();
                p.jump_to_typed(false);
            }
            Action::Overview => p.overview = !p.overview,
            Action::Up if p.overview => p.previous(),
            Action::Down if p.overview => p.next(),
            Action::Cancel if p.overview => p.overview = false,
            Action::Cancel => {
                self.stop_presenting(&p);
                return std::mem::replace(&mut self.mode, Mode::Browse);
            }
            _ => {}
        }
        Mode::Present(Box::new(p))
    }

    /// Pasted text goes into the open prompt, sanitised and cut at the
    /// prompt's limit, and the filter is refreshed once, not per character.
    pub fn paste(&mut self, text: &str) {
        let limit = match &self.mode {
            Mode::Pick(_) => 64,
            Mode::Year { .. } => 4,
            _ => MAX_QUERY_CHARS,
        };
        let digits_only = matches!(self.mode, Mode::Year { .. });
        let chars = text.chars().filter(|c| !digits_only || c.is_ascii_digit());
        let input = match &mut self.mode {
            Mode::Search { input } | Mode::EditQuery { input, .. } | Mode::Year { input } => input,
            Mode::Pick(p) => &mut p.input,
            _ => return,
        };
        for c in chars.take(limit) {
            type_into(input, c, limit);
        }
        if let Mode::Pick(p) = &self.mode {
            let mut p = p.clone();
            self.rematch(&mut p);
            self.mode = Mode::Pick(p);
        }
        self.refresh();
    }

    pub(super) fn search(&mut self, mut input: String, action: Action) -> Mode {
        match action {
            Action::Input(c) => type_into(&mut input, c, MAX_QUERY_CHARS),
            Action::Erase => {
                input.pop();
            }
            Action::Confirm => {
                for w in input.split_whitespace() {
                    self.query.push(Term::Text(w.to_string()));
                }
                self.refresh();
                return Mode::Browse;
            }
            Action::Cancel => {
                self.mode = Mode::Browse;
                self.refresh();
                return Mode::Browse;
            }
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            _ => return Mode::Search { input },
        }
        self.mode = Mode::Search { input };
        self.refresh();
        std::mem::replace(&mut self.mode, Mode::Browse)
    }

    pub(super) fn edit_query(&mut self, mut input: String, error: Option<String>, action: Action) -> Mode {
        match action {
            Action::Input(c) => type_into(&mut input, c, MAX_QUERY_CHARS),
            Action::Erase => {
                input.pop();
            }
            Action::Confirm => match Query::parse(&input) {
                Ok(q) => {
                    self.query = q;
                    self.refresh();
                    return Mode::Browse;
                }
                Err(e) => {
                    return Mode::EditQuery {
                        input,
                        error: Some(e.to_string()),
                    }
                }
            },
            Action::Cancel => return Mode::Browse,
            _ => return Mode::EditQuery { input, error },
        }
        Mode::EditQuery { input, error: None }
    }

    pub(super) fn year(&mut self, mut input: String, action: Action) -> Mode {
        let years: Vec<i32> = {
            let mut ys: Vec<i32> = self
                .timeline
                .events
                .iter()
                .map(|e| e.date.year_number())
                .collect();
            ys.dedup();
            ys
        };
        match action {
            Action::Input(c) if c.is_ascii_digit() && input.len() < 4 => input.push(c),
            Action::Input(_) => {}
            Action::Erase => {
                input.pop();
            }
            Action::FocusLeft | Action::FocusRight | Action::Up | Action::Down => {
                let forward = matches!(action, Action::FocusRight | Action::Down);
                // The first step lands on the selected event's year.
                let next = match typed_year(&input) {
                    None => self
                        .selected_event()
                        .map(|e| e.date.year_number())
                        .or(years.first().copied()),
                    Some(y) if forward => years.iter().find(|&&v| v > y).or(years.last()).copied(),
                    Some(y) => years.iter().rev().find(|&&v| v < y).or(years.first()).copied(),
                };
                if let Some(y) = next {
                    input = y.to_string();
                }
            }
            Action::Confirm => {
                if let Some(y) = typed_year(&input) {
                    self.query = without_years(&self.query);
                    self.query.push(Term::Year { from: y, to: y });
                } else if input.is_empty() {
                    self.query = without_years(&self.query);
                }
                self.refresh();
                return Mode::Browse;
            }
            Action::Cancel => {
                self.refresh();
                return Mode::Browse;
            }
            _ => return Mode::Year { input },
        }
        self.mode = Mode::Year { input };
        self.refresh();
        std::mem::replace(&mut self.mode, Mode::Browse)
    }

    fn choices(&self, kind: PickerKind) -> &[Choice] {
        match kind {
            PickerKind::Actor => &self.actor_choices,
            PickerKind::Kind => &self.kind_choices,
        }
    }

    pub(super) fn new_picker(&self, kind: PickerKind) -> Picker {
        let mut p = Picker {
            kind,
            input: String::new(),
            matches: Vec::new(),
            cursor: 0,
        };
        self.rematch(&mut p);
        p
    }

    /// Narrows the picker's list by fuzzy matching names and aliases.
    fn rematch(&self, p: &mut Picker) {
        let choices = self.choices(p.kind);
        if p.input.trim().is_empty() {
            p.matches = (0..choices.len()).collect();
        } else {
            let pattern = Pattern::parse(&p.input, CaseMatching::Ignore, Normalization::Smart);
            let mut matcher = Matcher::new(Config::DEFAULT);
            let mut buf = Vec::new();
            let mut scored: Vec<(u32, usize)> = choices
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    pattern
                        .score(Utf32Str::new(&c.haystack, &mut buf), &mut matcher)
                        .map(|s| (s, i))
                })
                .collect();
            scored.sort_by_key(|&(s, i)| (std::cmp::Reverse(s), i));
            p.matches = scored.into_iter().map(|(_, i)| i).collect();
        }
        p.cursor = p.cursor.min(p.matches.len().saturating_sub(1));
    }

    pub(super) fn pick(&mut self, mut p: Picker, action: Action) -> Mode {
        match action {
            Action::Input(c) => {
                type_into(&mut p.input, c, 64);
                p.cursor = 0;
                self.rematch(&mut p);
            }
            Action::Erase => {
                p.input.pop();
                self.rematch(&mut p);
            }
            Action::Up => p.cursor = p.cursor.saturating_sub(1),
            Action::Down => p.cursor = (p.cursor + 1).min(p.matches.len().saturating_sub(1)),
            Action::PageUp => p.cursor = p.cursor.saturating_sub(10),
            Action::PageDown => p.cursor = (p.cursor + 10).min(p.matches.len().saturating_sub(1)),
            Action::Confirm | Action::Toggle => {
                if let Some(&i) = p.matches.get(p.cursor) {
                    let term = self.choices(p.kind)[i].term.clone();
                    self.query.toggle(term);
                    self.refresh();
                }
                return Mode::Browse;
            }
            Action::Cancel => return Mode::Browse,
            _ => {}
        }
        Mode::Pick(p)
    }
}

/// Adds a typed or pasted character to a prompt, up to its limit. A
/// control character (from a paste) is shown as its visible escape.
fn type_into(input: &mut String, c: char, limit: usize) {
    let shown = crate::text::sanitize_line(c.encode_utf8(&mut [0; 4])).into_owned();
    if input.chars().count() + shown.chars().count() <= limit {
        input.push_str(&shown);
    }
}

pub(super) fn typed_year(input: &str) -> Option<i32> {
    (input.len() == 4).then(|| input.parse().ok()).flatten()
}

pub(super) fn without_years(q: &Query) -> Query {
    q.without(Facet::Year)
}
