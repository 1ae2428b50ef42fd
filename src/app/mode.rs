//! What the keyboard is doing now, and which pane has it. Modes are an enum
//! rather than flags, so no two can be on at once.

use super::keymap::{Context, Prompt};
use super::line::LineEditor;
use super::panes::picker::Picker;
use super::presenter::Presenter;

/// The pane that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Filter,
    Timeline,
    Detail,
}

/// What the keyboard is doing now. Prompts take typed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// `/`: the list filters live as the text is typed.
    Search {
        input: LineEditor,
    },
    /// `:`: the whole filter as query text.
    EditQuery {
        input: LineEditor,
        error: Option<String>,
    },
    /// `y`: type a year or a range, or step through years with ↑/↓.
    Year {
        input: LineEditor,
    },
    /// `a` / `t`: choose an actor or a kind from a list narrowed by typing.
    Pick(Picker),
    Help {
        scroll: u16,
    },
    /// `#`: the figures of the events in view, as a chart by year.
    Figures {
        scroll: u16,
    },
    /// `T`: the US TIP report's tier over the years of the events in view.
    Tiers {
        scroll: u16,
    },
    /// `i`: the glossary, the selected event's terms first.
    Glossary {
        scroll: u16,
    },
    /// Presenting a lesson (or the filtered events) one stop per screen.
    Present(Box<Presenter>),
    /// `c`: what to copy from the shown event.
    Copy(super::effect::CopyMenu),
    /// `/` on a screen that is only read: words to find in it, typed over
    /// it; `from` is how far it was scrolled when the prompt opened.
    Find {
        within: Box<Mode>,
        input: LineEditor,
        from: u16,
    },
}

impl Mode {
    /// Which part of the key table applies in this mode.
    pub fn context(&self) -> Context {
        match self {
            // The help's keys read any long screen: scroll, close.
            Mode::Help { .. } | Mode::Figures { .. } | Mode::Tiers { .. } | Mode::Glossary { .. } => {
                Context::Help
            }
            Mode::Present(_) => Context::Present,
            m if m.takes_text() => Context::Prompt,
            _ => Context::Browse,
        }
    }

    /// A screen that is only read (the help, the charts, the glossary), or
    /// the find prompt over one: its last row gives the keys and notes.
    pub fn is_reading(&self) -> bool {
        matches!(
            self,
            Mode::Help { .. }
                | Mode::Figures { .. }
                | Mode::Tiers { .. }
                | Mode::Glossary { .. }
                | Mode::Find { .. }
        )
    }

    /// Which prompt is open, if one is.
    pub fn prompt(&self) -> Option<Prompt> {
        match self {
            Mode::Search { .. } | Mode::EditQuery { .. } | Mode::Find { .. } => Some(Prompt::Typed),
            Mode::Year { .. } => Some(Prompt::Year),
            Mode::Pick(_) => Some(Prompt::Pick),
            Mode::Copy(_) => Some(Prompt::Copy),
            _ => None,
        }
    }

    /// Whether printable keys are typed into a prompt rather than bound to actions.
    pub fn takes_text(&self) -> bool {
        matches!(
            self,
            Mode::Search { .. }
                | Mode::EditQuery { .. }
                | Mode::Year { .. }
                | Mode::Pick(_)
                | Mode::Copy(_)
                | Mode::Find { .. }
        )
    }
}

/// Words kept from the find prompt on a screen that is only read, and
/// the line last found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub words: String,
    pub line: usize,
}

/// The most characters a year prompt takes: a range, `2019..2022`.
const YEAR_CHARS: usize = 10;

/// The year prompt's empty line: digits, and dots or a hyphen between
/// two years, a range's worth.
pub(super) fn year_line() -> LineEditor {
    LineEditor::new(YEAR_CHARS).accepting(|c| c.is_ascii_digit() || c == '.' || c == '-')
}

/// The year typed into the year prompt, once it has four digits.
pub(super) fn typed_year(input: &str) -> Option<i32> {
    (input.len() == 4).then(|| input.parse().ok()).flatten()
}

/// The years typed at the year prompt: one (`2022`) or a range
/// (`2019..2022`, or `2019-2022` as a range is often written; either way
/// round); while the second year is still being typed, the first alone, so
/// the list does not jump back to everything.
pub(super) fn typed_years(input: &str) -> Option<(i32, i32)> {
    let (first, second) = input
        .split_once("..")
        .or_else(|| input.split_once('-'))
        .unwrap_or((input, ""));
    let from = typed_year(first)?;
    let to = typed_year(second).unwrap_or(from);
    Some((from.min(to), from.max(to)))
}
