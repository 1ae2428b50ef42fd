//! The actor and kind pickers: a list of choices narrowed by fuzzy matching
//! what is typed, drawn as a box over the panes.

use super::filter::FilterPane;
use super::widgets::{centered, fit, View};
use crate::query::Term;
use crate::timeline::model::{EventKind, Timeline};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};
use ratatui::Frame;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Actor,
    Kind,
}

impl PickerKind {
    /// What the status line says before the typed text.
    pub fn prompt(self) -> &'static str {
        match self {
            PickerKind::Actor => "actor: ",
            PickerKind::Kind => "kind: ",
        }
    }

    fn title(self) -> &'static str {
        match self {
            PickerKind::Actor => "Filter by actor",
            PickerKind::Kind => "Filter by kind",
        }
    }
}

/// The most characters a picker takes.
const PICKER_CHARS: usize = 64;

/// A list of choices narrowed by fuzzy matching on what is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    pub input: crate::app::line::LineEditor,
    /// Indices into the choices for this picker, best match first.
    pub matches: Vec<usize>,
    pub cursor: usize,
}

/// A value offered by the actor or kind picker.
#[derive(Debug, Clone)]
pub struct Choice {
    pub term: Term,
    pub label: String,
    /// Name and aliases, matched against what is typed.
    pub haystack: String,
    /// The folded words of the name, and of the aliases.
    name_words: Vec<String>,
    alias_words: Vec<String>,
}

/// Folded words: letters and digits, split at everything else.
fn words(text: &str) -> Vec<String> {
    crate::text::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

impl Choice {
    fn new(term: Term, label: String, aliases: &[String]) -> Choice {
        let haystack = std::iter::once(label.as_str())
            .chain(aliases.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" · ");
        Choice {
            term,
            name_words: words(&label),
            alias_words: aliases.iter().flat_map(|a| words(a)).collect(),
            label,
            haystack,
        }
    }

    /// How well typed words match whole words of the name or aliases, best
    /// first: they are words of the name, the name begins with them, they
    /// begin words of the name, words of an alias, begin words of an
    /// alias. `None` when some typed word begins no word at all.
    fn word_rank(&self, typed: &[String]) -> Option<u8> {
        let all = |words: &[String], whole: bool| {
            typed.iter().all(|t| {
                words
                    .iter()
                    .any(|w| if whole { w == t } else { w.starts_with(t.as_str()) })
            })
        };
        let starts = typed
            .iter()
            .zip(&self.name_words)
            .all(|(t, w)| w.starts_with(t.as_str()))
            && typed.len() <= self.name_words.len();
        if all(&self.name_words, true) {
            Some(0)
        } else if starts {
            Some(1)
        } else if all(&self.name_words, false) {
            Some(2)
        } else if all(&self.alias_words, true) {
            Some(3)
        } else if all(&self.alias_words, false) {
            Some(4)
        } else {
            None
        }
    }
}

/// What the pickers offer: every actor, and every kind some event has.
#[derive(Debug, Clone, Default)]
pub struct Choices {
    pub actors: Vec<Choice>,
    pub kinds: Vec<Choice>,
}

impl Choices {
    pub fn new(t: &Timeline) -> Choices {
        let actors = t
            .actors
            .iter()
            .map(|a| Choice::new(Term::Actor(a.id.clone()), a.name.clone(), &a.aliases))
            .collect();
        let kinds = EventKind::ALL
            .iter()
            .filter(|k| t.events.iter().any(|e| e.kind == **k))
            .map(|k| Choice::new(Term::Kind(*k), k.to_string(), &[]))
            .collect();
        Choices { actors, kinds }
    }

    pub fn of(&self, kind: PickerKind) -> &[Choice] {
        match kind {
            PickerKind::Actor => &self.actors,
            PickerKind::Kind => &self.kinds,
        }
    }

    /// A new picker showing every choice.
    pub fn picker(&self, kind: PickerKind) -> Picker {
        let mut p = Picker {
            kind,
            input: crate::app::line::LineEditor::new(PICKER_CHARS),
            matches: Vec::new(),
            cursor: 0,
        };
        self.rematch(&mut p);
        p
    }

    /// Narrows the picker's list: choices whose name or alias words begin
    /// with the typed words, whole words and names first; only when none
    /// does, fuzzy matching (for typos and run-together words).
    pub fn rematch(&self, p: &mut Picker) {
        let choices = self.of(p.kind);
        let typed = words(p.input.as_str());
        let mut ranked: Vec<(u8, usize)> = choices
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.word_rank(&typed).map(|r| (r, i)))
            .collect();
        if p.input.as_str().trim().is_empty() {
            p.matches = (0..choices.len()).collect();
        } else if !typed.is_empty() && !ranked.is_empty() {
            ranked.sort();
            p.matches = ranked.into_iter().map(|(_, i)| i).collect();
        } else {
            let pattern = Pattern::parse(p.input.as_str(), CaseMatching::Ignore, Normalization::Smart);
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
}

/// Draws the picker; where its typing caret is.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    p: &Picker,
    choices: &Choices,
    filter: &FilterPane,
    v: &View,
) -> Option<(u16, u16)> {
    let th = v.theme;
    let choices = choices.of(p.kind);
    let rect = centered(area, 60, (choices.len() as u16 + 4).min(20));
    super::widgets::clear(frame, rect, th);
    // The rows for choices: inside the frame, under the typed line.
    let rows = rect.height.saturating_sub(3) as usize;
    let start = p.cursor.saturating_sub(rows.saturating_sub(1));
    let (above, below) = (start, p.matches.len().saturating_sub(start + rows));
    // How many choices are out of view, on the frame's bottom edge.
    let more = match (above > 0, below > 0) {
        (true, true) => format!(" ↑ {above} above · ↓ {below} below "),
        (false, true) => format!(" ↓ {below} more below "),
        (true, false) => format!(" ↑ {above} more above "),
        (false, false) => String::new(),
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(th.focus_border)
        .title(Span::styled(format!(" {} ", p.kind.title()), th.title))
        .title_bottom(Line::styled(more, th.dim).right_aligned());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.height == 0 {
        return None;
    }
    let (mut typed, at) = super::widgets::caret_line(&p.input, inner.width.saturating_sub(2) as usize, th);
    let caret = (inner.x + 2 + at, inner.y);
    typed.insert(0, Span::styled("› ", th.label));
    let mut lines = vec![Line::from(typed)];
    if p.matches.is_empty() {
        lines.push(Line::styled("  no match", th.dim));
    }
    for (i, &ci) in p.matches.iter().enumerate().skip(start).take(rows) {
        let c = &choices[ci];
        let active = v.query.contains(&c.term);
        let mark = if active { "[x]" } else { "[ ]" };
        let count = filter
            .entries
            .iter()
            .find(|e| e.term == c.term)
            .map_or(String::new(), |e| format!(" ({})", e.count));
        let aliases = if c.haystack.len() > c.label.len() {
            format!("  {}", &c.haystack[c.label.len()..].trim_start_matches(" · "))
        } else {
            String::new()
        };
        let text = fit(
            &format!(" {mark} {}{count}{aliases}", c.label),
            inner.width.saturating_sub(2) as usize,
        );
        let (prefix, style) = if i == p.cursor {
            ("▶", th.selected)
        } else {
            (" ", Style::default())
        };
        lines.push(Line::from(vec![
            Span::styled(prefix, th.label),
            Span::styled(text, style),
        ]));
    }
    frame.render_widget(super::widgets::Lines(&lines), inner);
    Some(caret)
}
