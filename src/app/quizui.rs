//! Taking a quiz at the terminal: reorder the events, or type the years,
//! then see the answers with their dates and sources.

use super::event_loop::{drive, Screen};
use super::input::{Action, Input, Msg};
use super::keymap::{Context, Keymap};
use super::terminal::{Stop, TerminalSession};
use crate::teach::quiz::{score_order, score_year, Quiz, QuizMode, YEAR_TOLERANCE};
use crate::timeline::model::Timeline;
use crossterm::event::{Event, KeyEventKind};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::Frame;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizKey {
    Up,
    Down,
    /// Space: pick up or put down the item under the cursor.
    Grab,
    Submit,
    Digit(char),
    Erase,
    Quit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizState {
    pub quiz: Quiz,
    /// Ordering: the player's arrangement of timeline positions.
    pub order: Vec<usize>,
    pub cursor: usize,
    pub holding: bool,
    /// Year mode: the guesses so far, and the one being typed.
    pub guesses: Vec<i32>,
    pub typing: String,
    pub done: bool,
    pub quit: bool,
    /// Key labels for the instructions, from the key table.
    keys: QuizKeys,
}

/// The keys the quiz screen names, as the key table binds them.
#[derive(Debug, Clone, PartialEq, Eq)]
struct QuizKeys {
    up: String,
    down: String,
    grab: String,
    submit: String,
    quit: String,
}

impl QuizKeys {
    fn from(keymap: &Keymap) -> QuizKeys {
        let key = |a| keymap.first_key(Context::Quiz, a);
        QuizKeys {
            up: key(Action::Up),
            down: key(Action::Down),
            grab: key(Action::Grab),
            submit: key(Action::Submit),
            quit: key(Action::Quit),
        }
    }
}

impl QuizState {
    pub fn new(quiz: Quiz) -> Self {
        QuizState::with_keys(quiz, &Keymap::default())
    }

    /// A quiz whose instructions name the keys of this key table.
    pub fn with_keys(quiz: Quiz, keymap: &Keymap) -> Self {
        let order = quiz.items.clone();
        QuizState {
            quiz,
            order,
            cursor: 0,
            holding: false,
            guesses: Vec::new(),
            typing: String::new(),
            done: false,
            quit: false,
            keys: QuizKeys::from(keymap),
        }
    }

    pub fn key(&mut self, k: QuizKey) {
        if k == QuizKey::Quit {
            self.quit = true;
            return;
        }
        if self.done {
            if k == QuizKey::Submit {
                self.quit = true;
            }
            return;
        }
        match (self.quiz.mode, k) {
            (QuizMode::Order, QuizKey::Up) if self.cursor > 0 => {
                if self.holding {
                    self.order.swap(self.cursor, self.cursor - 1);
                }
                self.cursor -= 1;
            }
            (QuizMode::Order, QuizKey::Down) if self.cursor + 1 < self.order.len() => {
                if self.holding {
                    self.order.swap(self.cursor, self.cursor + 1);
                }
                self.cursor += 1;
            }
            (QuizMode::Order, QuizKey::Grab) => self.holding = !self.holding,
            (QuizMode::Order, QuizKey::Submit) => self.done = true,
            (QuizMode::Year, QuizKey::Digit(c)) if self.typing.len() < 4 => self.typing.push(c),
            (QuizMode::Year, QuizKey::Erase) => {
                self.typing.pop();
            }
            (QuizMode::Year, QuizKey::Submit) => {
                if let Ok(y) = self.typing.parse::<i32>() {
                    self.guesses.push(y);
                    self.typing.clear();
                    self.done = self.guesses.len() == self.quiz.items.len();
                }
            }
            _ => {}
        }
    }

    /// The score line shown with the answers.
    pub fn score(&self, t: &Timeline) -> String {
        match self.quiz.mode {
            QuizMode::Order => {
                let s = score_order(&self.order);
                format!(
                    "{} of {} in the right place; {} of {} pairs in the right order",
                    s.in_place,
                    self.order.len(),
                    s.pairs_right,
                    s.pairs
                )
            }
            QuizMode::Year => {
                let points: u32 = self
                    .quiz
                    .items
                    .iter()
                    .zip(&self.guesses)
                    .map(|(&p, &g)| score_year(t, p, g))
                    .sum();
                format!(
                    "{points} of {} points (2 for the year, 1 within {YEAR_TOLERANCE} year)",
                    2 * self.quiz.items.len()
                )
            }
        }
    }

    pub fn draw(&self, frame: &mut Frame, t: &Timeline) {
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let reversed = Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD);
        let source = |p: usize| {
            t.events[p]
                .sources
                .first()
                .and_then(|c| t.source(&c.source))
                .map_or(String::new(), |s| s.publisher.clone())
        };
        let mut lines = Vec::new();
        // Where the terminal's cursor goes: (line, column) in `lines`.
        let mut cursor: Option<(usize, usize)> = None;
        match (self.quiz.mode, self.done) {
            (QuizMode::Order, false) => {
                lines.push(Line::styled(
                    "Put these events in the order they happened, earliest first.",
                    bold,
                ));
                lines.push(Line::raw(format!(
                    "{}/{} move · {} picks up and puts down · {} submits · {} quits",
                    self.keys.up, self.keys.down, self.keys.grab, self.keys.submit, self.keys.quit
                )));
                lines.push(Line::default());
                for (i, &p) in self.order.iter().enumerate() {
                    let mark = if i == self.cursor {
                        if self.holding {
                            "⇅ "
                        } else {
                            "▶ "
                        }
                    } else {
                        "  "
                    };
                    let style = if i == self.cursor {
                        cursor = Some((lines.len(), 0));
                        reversed
                    } else {
                        Style::default()
                    };
                    lines.push(Line::styled(
                        format!("{mark}{}. {}", i + 1, t.events[p].title),
                        style,
                    ));
                }
            }
            (QuizMode::Year, false) => {
                let i = self.guesses.len();
                let position = self.quiz.items[i];
                lines.push(Line::styled(
                    format!("Question {} of {}: in which year?", i + 1, self.quiz.items.len()),
                    bold,
                ));
                lines.push(Line::default());
                lines.push(Line::styled(t.events[position].title.clone(), bold));
                lines.push(Line::default());
                cursor = Some((lines.len(), "Year: ".len() + self.typing.chars().count()));
                lines.push(Line::raw(format!("Year: {}█", self.typing)));
                lines.push(Line::raw(format!(
                    "{} answers · 2 points for the year, 1 within {YEAR_TOLERANCE} year · {} quits",
                    self.keys.submit, self.keys.quit
                )));
            }
            (QuizMode::Order, true) => {
                lines.push(Line::styled(self.score(t), bold));
                lines.push(Line::default());
                lines.push(Line::styled("The answer:", bold));
                for (i, &p) in self.quiz.answer().iter().enumerate() {
                    let right = self.order.get(i) == Some(&p);
                    let e = &t.events[p];
                    lines.push(Line::raw(format!(
                        "{} {}. {} — {} ({})",
                        if right { "✓" } else { "✗" },
                        i + 1,
                        e.date_text(),
                        e.title,
                        source(p)
                    )));
                }
                lines.push(Line::default());
                lines.push(Line::raw(format!(
                    "{} or {} to finish",
                    self.keys.submit, self.keys.quit
                )));
            }
            (QuizMode::Year, true) => {
                lines.push(Line::styled(self.score(t), bold));
                lines.push(Line::default());
                for (&p, &g) in self.quiz.items.iter().zip(&self.guesses) {
                    let e = &t.events[p];
                    let points = score_year(t, p, g);
                    lines.push(Line::raw(format!(
                        "{points} pt  you said {g}, it was {} — {} ({})",
                        e.date_text(),
                        e.title,
                        source(p)
                    )));
                }
                lines.push(Line::default());
                lines.push(Line::raw(format!(
                    "{} or {} to finish",
                    self.keys.submit, self.keys.quit
                )));
            }
        }
        let mut head = vec![Line::styled(format!("seed {}", self.quiz.seed), Style::default())];
        if let Some(why) = self.quiz.shortfall() {
            head.push(Line::raw(why));
        }
        let width = frame.area().width as usize;
        let head: Vec<Line> = head.into_iter().flat_map(|l| hanging(l, width)).collect();
        let mut rows = head.len();
        let mut at = None;
        let mut body = Vec::new();
        for (i, l) in lines.into_iter().enumerate() {
            if let Some((line, col)) = cursor.filter(|c| c.0 == i) {
                at = Some((col.min(width.saturating_sub(1)), rows));
                let _ = line;
            }
            let wrapped = hanging(l, width);
            rows += wrapped.len();
            body.extend(wrapped);
        }
        let area = frame.area();
        let all: Vec<Line> = head.into_iter().chain(body).collect();
        frame.render_widget(super::panes::widgets::Lines(&all), area);
        // The terminal's cursor on the chosen item or the typed year, for
        // screen magnifiers and braille displays; top left otherwise.
        let (x, y) = at.unwrap_or((0, 0));
        let y = y.min(area.height.saturating_sub(1) as usize);
        frame.set_cursor_position((area.x + x as u16, area.y + y as u16));
    }
}

/// What a terminal event means to a quiz, through the key table.
fn key_of(keymap: &Keymap, e: Event) -> Option<QuizKey> {
    let Event::Key(k) = e else { return None };
    if k.kind == KeyEventKind::Release {
        return None;
    }
    Some(match keymap.msg_for(Context::Quiz, k)? {
        Msg::Action(Action::Quit) => QuizKey::Quit,
        Msg::Action(Action::Up) => QuizKey::Up,
        Msg::Action(Action::Down) => QuizKey::Down,
        Msg::Action(Action::Grab) => QuizKey::Grab,
        Msg::Action(Action::Submit) => QuizKey::Submit,
        Msg::Action(Action::Erase) => QuizKey::Erase,
        Msg::Input(Input::Char(c)) => QuizKey::Digit(c),
        _ => return None,
    })
}

/// A quiz as one of the loops [`drive`] runs.
struct Taking<'a> {
    keymap: &'a Keymap,
    state: &'a mut QuizState,
    t: &'a Timeline,
}

impl Screen for Taking<'_> {
    type Outcome = ();

    fn outcome(&mut self) -> Option<()> {
        self.state.quit.then_some(())
    }

    fn draw(&mut self, frame: &mut Frame) {
        self.state.draw(frame, self.t);
    }

    fn event(&mut self, event: Event) -> Result<bool, Stop> {
        if let Some(k) = key_of(self.keymap, event) {
            self.state.key(k);
        }
        Ok(true)
    }
}

/// Runs a quiz on the terminal, which is restored afterwards whether the
/// quiz ended, failed or was stopped by a signal. Returns the score line.
pub fn run(t: &Timeline, quiz: Quiz, keymap: &Keymap) -> Result<String, Stop> {
    let mut state = QuizState::with_keys(quiz, keymap);
    {
        let mut session = TerminalSession::start(false).map_err(Stop::Error)?;
        let input = &session.incoming;
        let mut taking = Taking {
            keymap,
            state: &mut state,
            t,
        };
        drive(
            &mut session.terminal,
            &mut taking,
            |wait| input.next(wait),
            || input.signalled(),
        )?;
    }
    Ok(if state.done {
        state.score(t)
    } else {
        "quiz left unfinished".into()
    })
}

/// Wraps a one-style line to the width, continuation lines indented under
/// the text after its mark ("✓ 3. ", "▶ 2. ", "1 pt  "), not at column 0.
fn hanging(line: Line<'_>, width: usize) -> Vec<Line<'static>> {
    let style = line.spans.first().map_or(line.style, |s| s.style);
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if crate::text::width::columns(&text) <= width || width < 12 {
        return vec![Line::styled(text, style)];
    }
    // The indent: up to and including the first ". " or "  " within the
    // first dozen columns, else none.
    let head: String = text.chars().take(12).collect();
    let indent = [". ", "  "]
        .iter()
        .filter_map(|m| head.find(m).map(|i| i + m.len()))
        .min()
        .map_or(0, |i| crate::text::width::columns(&text[..i]));
    let pad = " ".repeat(indent);
    let opts = textwrap::Options::new(width)
        .subsequent_indent(&pad)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    crate::text::wrap::wrap(&text, &opts)
        .into_iter()
        .map(|l| Line::styled(l.into_owned(), style))
        .collect()
}
