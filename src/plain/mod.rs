//! The plain reading: the timeline a line at a time, for screen readers and
//! braille displays that cannot follow a full-screen application. Commands
//! come in as lines, answers go out as lines: no escape sequence, no cursor
//! movement, no box-drawing or block character, and marks said in words.
//!
//! It filters with the one query engine, so a filter it announces can be
//! typed back with `query`, or given to `tipline list`.

pub mod commands;
pub mod read;

use crate::query::{parse_term, Facet, Query, Term};
use crate::text::{fold, nearest, sanitize_line};
use crate::timeline::model::{EventKind, Timeline};
use commands::Action;
use std::io::{BufRead, Write};

/// How many events `list` and `more` read at a time.
pub const PAGE: usize = 10;

/// Longest line read, in bytes; a longer one is dropped whole. Room for
/// `query` and query text at its limit of characters, each up to four bytes.
pub const MAX_LINE_BYTES: usize = 8192;
const _: () = assert!(MAX_LINE_BYTES >= 4 * crate::query::MAX_QUERY_CHARS + "query ".len());

/// Where a reader is: the filter, the events it lets through, the event
/// being read and how far `list` has gone.
pub struct Session {
    timeline: Timeline,
    query: Query,
    hits: Vec<usize>,
    /// Index into `hits` of the current event.
    current: usize,
    /// Index into `hits` that `more` lists from.
    listed: usize,
}

/// What a command gives back: the lines to say, and whether to stop.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Reply {
    pub lines: Vec<String>,
    pub quit: bool,
}

impl Reply {
    /// Adds a line, made safe to print: control characters shown as
    /// escapes, and box-drawing and block characters written as their
    /// code points, which a screen reader can say and a braille display show.
    fn say(&mut self, text: impl AsRef<str>) {
        self.lines.push(spoken(text.as_ref()));
    }
}

/// One line of output, sanitised, with U+2500 to U+259F escaped.
pub fn spoken(text: &str) -> String {
    let safe = sanitize_line(text);
    if !safe.chars().any(is_box_or_block) {
        return safe.into_owned();
    }
    let mut out = String::with_capacity(safe.len() + 16);
    for c in safe.chars() {
        if is_box_or_block(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

fn is_box_or_block(c: char) -> bool {
    ('\u{2500}'..='\u{259F}').contains(&c)
}

/// The data files read again, or the problems that stop them loading.
pub type Reloaded = Result<Timeline, Vec<String>>;

impl Session {
    /// The data files changed: reads on in the new data, keeping the
    /// filter and, where it still passes, the event being read; with
    /// problems, reads on in the last good data and says why.
    pub fn reloaded(&mut self, got: Reloaded) -> Reply {
        let mut r = Reply::default();
        match got {
            Ok(timeline) => {
                let id = self
                    .hits
                    .get(self.current)
                    .map(|&p| self.timeline.events[p].id.clone());
                self.hits = self.query.filter(&timeline);
                self.timeline = timeline;
                self.current = 0;
                self.listed = 0;
                if let Some(id) = id {
                    self.goto(&id);
                }
                r.say("The data files changed and were read again");
                self.announce(&mut r);
            }
            Err(problems) => {
                r.say(format!(
                    "The data files changed but do not load, with {} problem(s); the last good data is read on",
                    problems.len()
                ));
                for line in problems.iter().flat_map(|p| p.lines()) {
                    r.say(line);
                }
            }
        }
        r
    }

    /// A session on a timeline, filtered by a query from the command line.
    pub fn new(timeline: Timeline, query: Query) -> Session {
        let hits = query.filter(&timeline);
        Session {
            timeline,
            query,
            hits,
            current: 0,
            listed: 0,
        }
    }

    /// Makes the event with this id current, if it is in view.
    pub fn goto(&mut self, id: &str) -> bool {
        let found = self
            .timeline
            .event_position(id)
            .and_then(|p| self.hits.iter().position(|&h| h == p));
        if let Some(i) = found {
            self.current = i;
        }
        found.is_some()
    }

    /// What is said first: what this is, how to get help, what is in view.
    pub fn opening(&self) -> Reply {
        let mut r = Reply::default();
        r.say("tipline, plain reading. Type help for the commands, quit to leave.");
        if let Some(h) = &self.timeline.horizon {
            r.say(h.sentence());
        }
        self.announce(&mut r);
        self.read_current(&mut r);
        r
    }

    /// `18 of 127 events, filter year:2022`: the filter as query text, to type back.
    fn announce(&self, r: &mut Reply) {
        let (shown, all) = (self.hits.len(), self.timeline.events.len());
        if self.query.is_empty() {
            r.say(format!("{shown} of {all} events, no filter"));
        } else {
            r.say(format!("{shown} of {all} events, filter {}", self.query));
        }
    }

    fn read_current(&self, r: &mut Reply) {
        match self.hits.get(self.current) {
            Some(&p) => r.say(read::short(
                self.current + 1,
                self.hits.len(),
                &self.timeline.events[p],
            )),
            None if self.timeline.events.is_empty() => r.say("The data holds no events"),
            None => r.say("No event passes the filter. Type clear to drop it"),
        }
    }

    /// Runs one typed line.
    pub fn command(&mut self, line: &str) -> Reply {
        let mut r = Reply::default();
        let line = line.trim();
        if line.is_empty() {
            return r;
        }
        let (word, rest) = line
            .split_once(char::is_whitespace)
            .map_or((line, ""), |(w, rest)| (w, rest.trim()));
        let Some(command) = commands::find(word) else {
            // The teaching commands of the full program are not lost on a
            // reader who knows them: they say where to run them.
            if let Some(elsewhere) = elsewhere(word) {
                r.say(elsewhere);
                return r;
            }
            let message = format!("Unknown command: {word} (type help)");
            r.say(with_hint(message, commands::nearest(word)));
            return r;
        };
        match command.action {
            Action::Help => {
                for line in commands::help_lines() {
                    r.say(line);
                }
            }
            Action::List => self.list(&mut r, rest, false),
            Action::More => self.list(&mut r, rest, true),
            Action::Next => self.step(&mut r, true),
            Action::Previous => self.step(&mut r, false),
            Action::Show => self.show(&mut r, rest),
            Action::Year => self.year(&mut r, rest),
            Action::Actor => self.actor(&mut r, rest),
            Action::Kind => self.kind(&mut r, rest),
            Action::Tag => self.tag(&mut r, rest),
            Action::Search => self.search(&mut r, rest),
            Action::Query => self.query_text(&mut r, rest),
            Action::Clear => self.refilter(&mut r, Query::default()),
            Action::Filter => self.announce(&mut r),
            Action::Quit => r.quit = true,
        }
        r
    }

    /// Applies a new filter, then says what it gives and reads the first event.
    fn refilter(&mut self, r: &mut Reply, query: Query) {
        self.hits = query.filter(&self.timeline);
        self.query = query;
        self.current = 0;
        self.listed = 0;
        self.announce(r);
        self.read_current(r);
    }

    fn list(&mut self, r: &mut Reply, rest: &str, more: bool) {
        let total = self.hits.len();
        if total == 0 {
            self.read_current(r);
            return;
        }
        let from = if more {
            if self.listed >= total {
                r.say("End of the list. Type list to hear it from the start");
                return;
            }
            self.listed
        } else if rest.is_empty() {
            0
        } else {
            match self.number(r, rest) {
                Some(n) => n,
                None => return,
            }
        };
        let to = (from + PAGE).min(total);
        for (i, &p) in self.hits[from..to].iter().enumerate() {
            r.say(read::list_line(from + i + 1, &self.timeline.events[p]));
        }
        self.listed = to;
        if to < total {
            r.say(format!("{} more. Type more for the next", total - to));
        } else if from > 0 {
            r.say("End of the list");
        }
    }

    /// Reads a number of the current list, saying what is wrong with it.
    fn number(&self, r: &mut Reply, text: &str) -> Option<usize> {
        let total = self.hits.len();
        match text.parse::<usize>() {
            Ok(n) if (1..=total).contains(&n) => Some(n - 1),
            Ok(_) | Err(_) if total == 0 => {
                self.read_current(r);
                None
            }
            Ok(n) => {
                r.say(format!("No event {n}: the list runs from 1 to {total}"));
                None
            }
            Err(_) => {
                r.say(format!("Expected a number from 1 to {total}, not {text}"));
                None
            }
        }
    }

    fn step(&mut self, r: &mut Reply, forward: bool) {
        let total = self.hits.len();
        if total == 0 {
            self.read_current(r);
            return;
        }
        if forward && self.current + 1 >= total {
            r.say(format!("No next event: {total} of {total} is the last"));
        } else if !forward && self.current == 0 {
            r.say("No previous event: this is the first");
        } else {
            self.current = if forward {
                self.current + 1
            } else {
                self.current - 1
            };
            self.read_current(r);
        }
    }

    fn show(&mut self, r: &mut Reply, rest: &str) {
        let total = self.hits.len();
        let found = if rest.is_empty() {
            (self.current < total).then_some(self.current)
        } else if rest.bytes().all(|b| b.is_ascii_digit()) {
            match self.number(r, rest) {
                Some(n) => Some(n),
                None => return,
            }
        } else {
            // An id, as related events outside the filter are named.
            match self.timeline.event_position(rest) {
                Some(p) => match self.hits.iter().position(|&h| h == p) {
                    Some(i) => Some(i),
                    None => {
                        let e = &self.timeline.events[p];
                        for line in
                            read::full(&self.timeline, "Outside the filter", e, |id| self.number_of(id))
                        {
                            r.say(line);
                        }
                        return;
                    }
                },
                None => {
                    let ids: Vec<&str> = self.timeline.events.iter().map(|e| e.id.as_str()).collect();
                    let message = format!("No event numbered or named {rest}");
                    r.say(with_hint(message, nearest(rest, &ids)));
                    return;
                }
            }
        };
        let Some(i) = found else {
            self.read_current(r);
            return;
        };
        self.current = i;
        let e = &self.timeline.events[self.hits[i]];
        let heading = format!("{} of {total}", i + 1);
        for line in read::full(&self.timeline, &heading, e, |id| self.number_of(id)) {
            r.say(line);
        }
    }

    /// An event's number in the current list, by id.
    fn number_of(&self, id: &str) -> Option<usize> {
        let position = self.timeline.event_position(id)?;
        self.hits.iter().position(|&h| h == position).map(|i| i + 1)
    }

    /// The filter with this facet's clauses replaced by one term.
    fn with(&self, facet: Facet, term: Term) -> Query {
        let mut q = self.query.without(facet);
        q.push(term);
        q
    }

    fn year(&mut self, r: &mut Reply, rest: &str) {
        if rest.is_empty() {
            r.say("Type a year after year, like year 2022 or year 2019..2022");
            return;
        }
        match parse_term("year", rest) {
            Ok(term) => {
                let q = self.with(Facet::Year, term);
                self.refilter(r, q);
            }
            Err(e) => r.say(format!("Cannot read the year: {e}")),
        }
    }

    fn actor(&mut self, r: &mut Reply, rest: &str) {
        if rest.is_empty() {
            r.say("Type a name after actor, like actor sar kheng");
            return;
        }
        let timeline = &self.timeline;
        let wanted = fold(rest);
        let found =
            timeline.actors.iter().enumerate().any(|(i, a)| {
                a.id == wanted || timeline.actor_keys_at(i).iter().any(|k| k.contains(&wanted))
            });
        if !found {
            // Suggest a name as written, found by its folded form or its id.
            let mut keys: Vec<(String, &str)> = Vec::new();
            for (i, a) in timeline.actors.iter().enumerate() {
                keys.push((a.id.clone(), &a.name));
                for k in timeline.actor_keys_at(i) {
                    keys.push((k.clone(), &a.name));
                }
            }
            let folded: Vec<&str> = keys.iter().map(|(k, _)| k.as_str()).collect();
            let name = nearest(&wanted, &folded)
                .and_then(|n| keys.iter().find(|(k, _)| k == n))
                .map(|(_, name)| *name);
            r.say(with_hint(format!("No actor matches {rest}"), name));
            return;
        }
        let q = self.with(Facet::Actor, Term::Actor(rest.to_string()));
        self.refilter(r, q);
    }

    fn kind(&mut self, r: &mut Reply, rest: &str) {
        let names = EventKind::names();
        let typed = rest
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("-");
        match EventKind::parse(&typed) {
            Some(k) => {
                let q = self.with(Facet::Kind, Term::Kind(k));
                self.refilter(r, q);
            }
            None => {
                let hint = nearest(&typed, &names).map(|n| n.replace('-', " "));
                if rest.is_empty() {
                    r.say("Type a kind after kind, like kind ranking");
                } else {
                    r.say(with_hint(format!("No kind {rest}"), hint.as_deref()));
                }
                // The choices, unless one near what was typed is offered.
                if hint.is_none() {
                    let spoken: Vec<String> = names.iter().map(|n| n.replace('-', " ")).collect();
                    r.say(format!("The kinds: {}", spoken.join(", ")));
                }
            }
        }
    }

    fn tag(&mut self, r: &mut Reply, rest: &str) {
        if rest.is_empty() {
            r.say("Type a tag after tag");
            return;
        }
        let wanted = fold(rest);
        let tags = self.timeline.tag_names();
        if !tags.iter().any(|n| fold(n) == wanted) {
            let names: Vec<&str> = tags.iter().map(String::as_str).collect();
            r.say(with_hint(
                format!("No event has the tag {rest}"),
                nearest(&wanted, &names),
            ));
            return;
        }
        let q = self.with(Facet::Tag, Term::Tag(rest.to_string()));
        self.refilter(r, q);
    }

    fn search(&mut self, r: &mut Reply, rest: &str) {
        if rest.is_empty() {
            r.say("Type words after search, like search hotline");
            return;
        }
        let mut q = self.query.without(Facet::Text);
        for word in rest.split_whitespace() {
            q.push(Term::Text(word.to_string()));
        }
        self.refilter(r, q);
    }

    fn query_text(&mut self, r: &mut Reply, rest: &str) {
        let limit = crate::query::MAX_QUERY_CHARS;
        if rest.chars().count() > limit {
            r.say(format!(
                "Query text is longer than the limit of {limit} characters"
            ));
            return;
        }
        match Query::parse(rest) {
            Ok(q) => {
                let unknown = crate::query::known::unknown_values(&q, &self.timeline);
                if unknown.is_empty() {
                    self.refilter(r, q);
                }
                for message in unknown {
                    r.say(capitalised(&message));
                }
            }
            Err(e) => r.say(format!(
                "Cannot read the query at column {}: {}",
                e.column, e.message
            )),
        }
    }
}

/// A message, and the nearest known word when there is one (found by
/// `text::nearest`, the one did-you-mean): said without quotation marks,
/// which a screen reader would read out.
fn with_hint(message: String, nearest: Option<&str>) -> String {
    match nearest {
        Some(n) => format!("{message}. Did you mean {n}?"),
        None => message,
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// One line read from the input.
#[derive(Debug, PartialEq, Eq)]
pub enum Line {
    Text(String),
    /// Longer than [`MAX_LINE_BYTES`]: read to its end and dropped.
    TooLong,
    /// The input ended.
    End,
}

/// Reads one line, keeping at most `max` bytes of it in memory.
pub fn read_line(input: &mut impl BufRead, max: usize) -> std::io::Result<Line> {
    let mut kept = Vec::new();
    let (mut too_long, mut any) = (false, false);
    loop {
        let chunk = match input.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let newline = memchr::memchr(b'\n', chunk);
        let part = &chunk[..newline.unwrap_or(chunk.len())];
        if !too_long {
            if kept.len() + part.len() > max {
                too_long = true;
                kept = Vec::new();
            } else {
                kept.extend_from_slice(part);
            }
        }
        let used = newline.map_or(chunk.len(), |i| i + 1);
        input.consume(used);
        if newline.is_some() {
            break;
        }
    }
    Ok(match (any, too_long) {
        (false, _) => Line::End,
        (true, true) => Line::TooLong,
        (true, false) => {
            if kept.last() == Some(&b'\r') {
                kept.pop();
            }
            Line::Text(String::from_utf8_lossy(&kept).into_owned())
        }
    })
}

/// Runs a session until `quit` or the end of the input. With `prompt`
/// (the input is a terminal) a `> ` is shown before each line is read.
pub fn run(
    session: &mut Session,
    input: impl BufRead,
    output: impl Write,
    prompt: bool,
) -> std::io::Result<()> {
    run_following(session, input, output, prompt, || None)
}

/// [`run`], asking `changed` before each command whether the data files
/// changed: when they did, it gives the data read again (or the problems
/// that stop it), and the reader hears so before the command's answer.
pub fn run_following(
    session: &mut Session,
    mut input: impl BufRead,
    mut output: impl Write,
    prompt: bool,
    mut changed: impl FnMut() -> Option<Reloaded>,
) -> std::io::Result<()> {
    let write = |out: &mut dyn Write, reply: &Reply| -> std::io::Result<()> {
        for line in &reply.lines {
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        out.flush()
    };
    write(&mut output, &session.opening())?;
    loop {
        if prompt {
            output.write_all(b"> ")?;
            output.flush()?;
        }
        let reply = match read_line(&mut input, MAX_LINE_BYTES)? {
            Line::End => {
                if prompt {
                    output.write_all(b"\n")?;
                    output.flush()?;
                }
                return Ok(());
            }
            Line::TooLong => {
                let mut r = Reply::default();
                r.say(format!(
                    "That line is longer than {MAX_LINE_BYTES} bytes and was ignored"
                ));
                r
            }
            Line::Text(text) => {
                if let Some(got) = changed() {
                    write(&mut output, &session.reloaded(got))?;
                }
                session.command(&text)
            }
        };
        write(&mut output, &reply)?;
        if reply.quit {
            return Ok(());
        }
    }
}

#[cfg(test)]
mod tests;

/// What a command of the full program that plain reading does not have
/// is for, and where to run it; `None` for other words.
fn elsewhere(word: &str) -> Option<String> {
    let (what, run) = match word.to_lowercase().as_str() {
        "present" => ("presenting a lesson fills the screen", "tipline present LESSON"),
        "quiz" => (
            "the quiz runs full-screen",
            "tipline quiz, or tipline export quiz for paper",
        ),
        "notes" => ("the notes console runs full-screen", "tipline notes"),
        "lessons" => ("the lessons are listed by the command line", "tipline lessons"),
        _ => return None,
    };
    Some(format!(
        "{word} is not a command of plain reading: {what}. Leave with quit, then run: {run}"
    ))
}
