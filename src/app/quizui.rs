//! Taking a quiz at the terminal: what it draws (the question being
//! answered, the question marked ✓ or ✗ with the right answer and the
//! sources it rests on, the score at the end) and the loop it runs in.
//! Marks are characters, not colours, so they read the same with
//! `NO_COLOR` and on a projector. The state is in `quizstate.rs`.

use super::event_loop::{drive, Screen};
use super::input::{Action, Input, Msg};
use super::keymap::{Context, Keymap};
pub use super::quizstate::{QuizKey, QuizState, Stage};
use super::terminal::{Stop, TerminalSession};
use crate::teach::questions::{right_sides, Asked, Ground, Kind, Question, LETTERS};
use crate::teach::score::{of_points, order_line, order_score, points, within, Response};
use crate::timeline::model::Timeline;
use crossterm::event::{Event, KeyEventKind};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::Frame;

/// Lines to draw: a head that stays at the top (the seed, the question's
/// number), a body that scrolls when it is taller than the screen, and a
/// footer of keys that stays in view below it.
#[derive(Default)]
struct Page {
    lines: Vec<Line<'static>>,
    /// How many of `lines` are the head.
    head: usize,
    footer: Vec<Line<'static>>,
    /// Which line of the footer is a command, wrapped only at spaces so
    /// that it can be copied as it is.
    command: Option<usize>,
    /// Where the terminal's cursor goes: (line, column) in `lines`.
    cursor: Option<(usize, usize)>,
}

impl Page {
    fn raw(&mut self, text: impl Into<String>) {
        self.lines.push(Line::raw(text.into()));
    }

    fn bold(&mut self, text: impl Into<String>) {
        self.lines.push(Line::styled(
            text.into(),
            Style::default().add_modifier(Modifier::BOLD),
        ));
    }

    fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    /// A line of the footer: the keys that go on.
    fn foot(&mut self, text: impl Into<String>) {
        self.footer.push(Line::raw(text.into()));
    }

    /// A command in the footer, on a line of its own.
    fn foot_command(&mut self, text: impl Into<String>) {
        self.command = Some(self.footer.len());
        self.foot(text);
    }

    /// A line under the cursor: reversed, and the terminal's cursor on it
    /// for screen magnifiers and braille displays.
    fn under_cursor(&mut self, text: String) {
        self.cursor = Some((self.lines.len(), 0));
        self.lines.push(Line::styled(
            text,
            Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        ));
    }
}

impl QuizState {
    pub fn draw(&self, frame: &mut Frame, t: &Timeline) {
        draw(self, frame, t);
    }
}

fn draw(s: &QuizState, frame: &mut Frame, t: &Timeline) {
    let area = frame.area();
    let (width, height) = (area.width as usize, area.height as usize);
    let mut page = Page::default();
    let total = s.drawn.asked.len();
    let mut head = format!("seed {}", s.drawn.seed);
    if let (Some(a), false) = (s.asked(), s.done()) {
        head.push_str(&format!(
            " · question {} of {total} · {}",
            s.at + 1,
            a.question.kind().title()
        ));
    }
    page.raw(head);
    if s.done() {
        // The score stays in view while the questions under it scroll.
        page.bold(s.score());
    }
    if let Some(why) = &s.drawn.shortfall {
        page.raw(why.clone());
    }
    page.blank();
    page.head = page.lines.len();
    match (s.stage, s.asked()) {
        (Stage::Asking, Some(a)) => asking(s, a, &mut page),
        (Stage::Answered, Some(a)) => {
            if let Some(r) = s.responses.last() {
                answered(s, a, r, t, &mut page);
            }
        }
        _ => finished(s, &mut page),
    }
    // Wrapped to the width: the head, the body (and the cursor's row in
    // it), the footer.
    let mut top = Vec::new();
    let mut body = Vec::new();
    let mut at = None;
    for (i, l) in page.lines.into_iter().enumerate() {
        if let Some((_, col)) = page.cursor.filter(|c| c.0 == i) {
            at = Some((col.min(width.saturating_sub(1)), body.len()));
        }
        if i < page.head {
            top.extend(hanging(l, width, true));
        } else {
            body.extend(hanging(l, width, true));
        }
    }
    let command = page.command;
    let mut foot: Vec<Line> = page
        .footer
        .into_iter()
        .enumerate()
        .flat_map(|(i, l)| hanging(l, width, command != Some(i)))
        .collect();
    let mut room = height.saturating_sub(top.len() + foot.len());
    if body.len() > room {
        // A line says what is out of view; it takes a row of its own.
        room = room.saturating_sub(1);
    }
    let hidden = body.len().saturating_sub(room);
    s.hidden.set(hidden);
    s.page.set(room);
    let offset = match s.stage {
        // The view follows the cursor while a question is answered.
        Stage::Asking => at.map_or(0, |(_, row)| (row + 1).saturating_sub(room)),
        _ => s.scroll,
    }
    .min(hidden);
    if hidden > 0 {
        let keys = if s.stage == Stage::Asking {
            String::new()
        } else {
            format!(" ({}/{} scroll)", s.keys.up, s.keys.down)
        };
        let more = match (offset > 0, offset < hidden) {
            (true, true) => "more above and below",
            (true, false) => "more above",
            _ => "more below",
        };
        let mark = match (offset > 0, offset < hidden) {
            (true, true) => "↕",
            (true, false) => "↑",
            _ => "↓",
        };
        foot.insert(0, Line::raw(format!("{mark} {more}{keys}")));
    }
    let cursor_row = at.and_then(|(x, row)| {
        let row = row.checked_sub(offset).filter(|r| *r < room)?;
        Some((x, top.len() + row))
    });
    let lines: Vec<Line> = top
        .into_iter()
        .chain(body.into_iter().skip(offset).take(room))
        .chain(foot)
        .collect();
    frame.render_widget(super::panes::widgets::Lines(&lines), area);
    // The terminal's cursor on the chosen option or the typed year; hidden
    // where there is nothing to point at.
    if let Some((x, y)) = cursor_row.filter(|a| a.1 < height) {
        frame.set_cursor_position((area.x + x as u16, area.y + y as u16));
    }
}

/// The keys that pick the first `n` options: "a/b/c".
fn choose_keys(s: &QuizState, n: usize) -> String {
    s.keys
        .choose
        .iter()
        .take(n)
        .cloned()
        .collect::<Vec<_>>()
        .join("/")
}

/// A question's options as the screen letters them.
fn options_of(q: &Question) -> Vec<String> {
    match q {
        Question::Choice { options, .. } => options.clone(),
        Question::TrueFalse { .. } => vec!["True".into(), "False".into()],
        Question::Matching { pairs, .. } => right_sides(pairs).iter().map(|s| s.to_string()).collect(),
        Question::Year { .. } | Question::Order { .. } => Vec::new(),
    }
}

fn letter(i: usize) -> char {
    LETTERS.get(i).copied().unwrap_or('?')
}

/// The kinds a mixed quiz leaves out, and why: said before its first
/// question and at the end.
fn left_out(s: &QuizState, page: &mut Page) {
    if s.drawn.left_out.is_empty() {
        return;
    }
    page.raw("Left out, as the events in view cannot ask them:");
    for l in &s.drawn.left_out {
        page.raw(format!("  {}", l.line()));
    }
    page.blank();
}

fn asking(s: &QuizState, a: &Asked, page: &mut Page) {
    let k = &s.keys;
    if s.at == 0 {
        left_out(s, page);
    }
    match &a.question {
        Question::Order { stem, items, .. } => {
            page.bold(stem.clone());
            page.raw(format!(
                "{}/{} move · {} picks up and puts down · {} submits · {} quits",
                k.up, k.down, k.grab, k.submit, k.quit
            ));
            page.blank();
            for (i, &item) in s.order.iter().enumerate() {
                let title = items.get(item).map_or("", String::as_str);
                if i == s.cursor {
                    let mark = if s.holding { "⇅" } else { "▶" };
                    page.under_cursor(format!("{mark} {}. {title}", i + 1));
                } else {
                    page.raw(format!("  {}. {title}", i + 1));
                }
            }
        }
        Question::Year { stem, .. } => {
            page.bold(stem.clone());
            page.blank();
            page.cursor = Some((page.lines.len(), "Year: ".len() + s.typing.chars().count()));
            page.raw(format!("Year: {}█", s.typing));
            page.raw(format!("2 points for the year, 1 {}", within()));
            page.blank();
            page.foot(format!(
                "{} answers · {} erases · {} quits",
                k.submit, k.erase, k.quit
            ));
        }
        q => {
            let options = options_of(q);
            page.bold(q.stem().to_string());
            if let Question::Matching { pairs, .. } = q {
                let i = s.matched.len();
                for (j, (figure, _)) in pairs.iter().enumerate().take(i) {
                    let who = s.matched.get(j).and_then(|&c| options.get(c));
                    page.raw(format!(
                        "  {}. {figure}: {}",
                        j + 1,
                        who.map_or("", String::as_str)
                    ));
                }
                if let Some((figure, _)) = pairs.get(i) {
                    page.bold(format!("  {}. {figure}: who gave it?", i + 1));
                }
            }
            page.blank();
            for (i, o) in options.iter().enumerate() {
                if i == s.cursor {
                    page.under_cursor(format!("▶ {}. {o}", letter(i)));
                } else {
                    page.raw(format!("  {}. {o}", letter(i)));
                }
            }
            page.blank();
            page.foot(format!(
                "{} picks · {}/{} and {} pick the marked one · {} quits",
                choose_keys(s, options.len()),
                k.up,
                k.down,
                k.submit,
                k.quit
            ));
        }
    }
}

/// The publishers a ground names (the event's first source when it names none).
fn publishers(t: &Timeline, g: &Ground) -> String {
    let e = &t.events[g.event];
    let ids: Vec<&str> = if g.sources.is_empty() {
        e.sources.iter().take(1).map(|c| c.source.as_str()).collect()
    } else {
        g.sources.iter().map(String::as_str).collect()
    };
    let mut names: Vec<&str> = Vec::new();
    for id in ids {
        if let Some(s) = t.source(id) {
            if !names.contains(&s.publisher.as_str()) {
                names.push(&s.publisher);
            }
        }
    }
    names.join("; ")
}

/// One event an answer rests on: its date, title and who says so.
fn ground_line(t: &Timeline, g: &Ground) -> String {
    let e = &t.events[g.event];
    format!("{} — {} ({})", e.date_text(), e.title, publishers(t, g))
}

fn answered(s: &QuizState, a: &Asked, r: &Response, t: &Timeline, page: &mut Page) {
    let (got, of) = points(&a.question, r);
    let verdict = if got == of {
        "✓ Right.".to_string()
    } else if got == 0 {
        "✗ Wrong.".to_string()
    } else if matches!(a.question, Question::Order { .. }) {
        // The line below says how many are in place.
        "✗ Partly right.".to_string()
    } else {
        format!("✗ Partly right: {}.", of_points(got, of))
    };
    page.bold(verdict);
    page.blank();
    let mut sources = true;
    match (&a.question, r) {
        (Question::Order { answer, .. }, Response::Order(order)) => {
            page.raw(order_line(&order_score(answer, order), order.len()));
            page.bold("The answer:");
            for (place, &item) in answer.iter().enumerate() {
                let mark = if order.get(place) == Some(&item) {
                    '✓'
                } else {
                    '✗'
                };
                if let Some(g) = a.grounds.get(item) {
                    page.raw(format!("{mark} {}. {}", place + 1, ground_line(t, g)));
                }
            }
            sources = false;
        }
        (Question::Year { stem, first, last }, Response::Year(guess)) => {
            page.bold(stem.clone());
            let years = if first == last {
                first.to_string()
            } else {
                format!("any year from {first} to {last}")
            };
            page.raw(format!("You said {guess}; the answer is {years}."));
        }
        (Question::Matching { pairs, .. }, Response::Matching(chosen)) => {
            page.bold(a.question.stem().to_string());
            let sides = right_sides(pairs);
            for (i, ((figure, who), &c)) in pairs.iter().zip(chosen).enumerate() {
                let said = sides.get(c).copied().unwrap_or("");
                if said == who {
                    page.raw(format!("✓ {}. {figure}: {who}", i + 1));
                } else {
                    page.raw(format!("✗ {}. {figure}: {who} (you said {said})", i + 1));
                }
            }
        }
        (q, r) => {
            page.bold(q.stem().to_string());
            let right = match q {
                Question::Choice { answer, .. } => *answer,
                Question::TrueFalse { answer, .. } => usize::from(!answer),
                _ => usize::MAX,
            };
            let picked = match r {
                Response::Choice(c) => *c,
                Response::TrueFalse(b) => usize::from(!b),
                _ => usize::MAX,
            };
            for (i, o) in options_of(q).iter().enumerate() {
                let mark = if i == right {
                    '✓'
                } else if i == picked {
                    '✗'
                } else {
                    ' '
                };
                let yours = if i == picked { " ← your answer" } else { "" };
                page.raw(format!("{mark} {}. {o}{yours}", letter(i)));
            }
            if let (Question::TrueFalse { answer, .. }, Kind::Corroborated) = (q, q.kind()) {
                page.raw(match (&a.reason, answer) {
                    (Some(why), _) => why.as_str(),
                    (None, true) => "The event is corroborated by a second, independent source.",
                    (None, false) => "The event rests on a single source.",
                });
            }
        }
    }
    if sources {
        page.blank();
        page.bold("From the sources:");
        // An event once, with every source the answer cites from it.
        let mut merged: Vec<Ground> = Vec::new();
        for g in &a.grounds {
            match merged.iter_mut().find(|m| m.event == g.event) {
                Some(m) => m.sources.extend(g.sources.iter().cloned()),
                None => merged.push(g.clone()),
            }
        }
        for g in &merged {
            page.raw(format!("  {}", ground_line(t, g)));
        }
    }
    page.blank();
    let next = if s.at + 1 < s.drawn.asked.len() {
        "next question"
    } else {
        "the score"
    };
    page.foot(format!("{}: {next} · {} quits", s.keys.submit, s.keys.quit));
}

fn finished(s: &QuizState, page: &mut Page) {
    for (i, (a, r)) in s.drawn.asked.iter().zip(&s.responses).enumerate() {
        let (got, of) = points(&a.question, r);
        let mark = if got == of { '✓' } else { '✗' };
        let tail = if of > 1 {
            format!(" ({got} of {of})")
        } else {
            String::new()
        };
        // Whole, wrapped under the stem: a question cut short could not
        // be told from the next one that starts alike.
        page.raw(format!("{mark} {}. {}{tail}", i + 1, a.question.stem()));
    }
    page.blank();
    left_out(s, page);
    page.foot("On paper, from the same events:");
    page.foot_command(s.paper.clone());
    page.foot(format!("{} or {} to finish", s.keys.submit, s.keys.quit));
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
        Msg::Action(Action::Choose(n)) => QuizKey::Choose(n),
        Msg::Action(Action::PageUp) => QuizKey::PageUp,
        Msg::Action(Action::PageDown) => QuizKey::PageDown,
        Msg::Action(Action::Top) => QuizKey::Top,
        Msg::Action(Action::Bottom) => QuizKey::Bottom,
        Msg::Input(Input::Char(c)) => QuizKey::Digit(c),
        _ => return None,
    })
}

/// A quiz as one of the loops [`drive`] runs.
pub struct Taking<'a> {
    keymap: &'a Keymap,
    state: &'a mut QuizState,
    t: &'a Timeline,
}

impl<'a> Taking<'a> {
    pub fn new(keymap: &'a Keymap, state: &'a mut QuizState, t: &'a Timeline) -> Self {
        Taking { keymap, state, t }
    }
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
pub fn run(t: &Timeline, mut state: QuizState, keymap: &Keymap) -> Result<String, Stop> {
    {
        let mut session = TerminalSession::start(false).map_err(Stop::Error)?;
        let input = &session.incoming;
        let mut taking = Taking::new(keymap, &mut state, t);
        drive(
            &mut session.terminal,
            &mut taking,
            |wait| input.next(wait),
            || input.signalled(),
        )?;
    }
    Ok(if state.done() {
        state.score()
    } else {
        "quiz left unfinished".into()
    })
}

/// Wraps a one-style line to the width, continuation lines indented under
/// the text after its mark ("✓ 3. ", "▶ B. ", "  "), not at column 0;
/// at hyphens too unless told not to (a command's `reading-2022-figures`
/// stays whole).
fn hanging(line: Line<'_>, width: usize, at_hyphens: bool) -> Vec<Line<'static>> {
    // The line's style, with its first span's over it.
    let style = line
        .spans
        .first()
        .map_or(line.style, |s| line.style.patch(s.style));
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    if crate::text::width::columns(&text) <= width || width < 12 {
        return vec![Line::styled(text, style)];
    }
    // The indent: up to and including the first ". " within the first
    // dozen columns, else the first "  ", else none.
    let head: String = text.chars().take(12).collect();
    let indent = [". ", "  "]
        .iter()
        .find_map(|m| head.find(m).map(|i| i + m.len()))
        .map_or(0, |i| crate::text::width::columns(&text[..i]));
    let pad = " ".repeat(indent);
    let opts = textwrap::Options::new(width)
        .subsequent_indent(&pad)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let opts = if at_hyphens {
        opts
    } else {
        opts.word_splitter(textwrap::WordSplitter::NoHyphenation)
    };
    crate::text::wrap::wrap(&text, &opts)
        .into_iter()
        .map(|l| Line::styled(l.into_owned(), style))
        .collect()
}
