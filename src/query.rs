//! The one query engine. The CLI's flags, its query text and (in the app) the
//! search box and filter pane all compile to a [`Query`].
//!
//! Syntax: whitespace-separated terms. `facet:value` filters on a facet
//! (`year`, `from`, `to`, `actor`, `kind`, `tag`); a bare word searches the
//! text. Terms on different facets AND together, repeated values of one
//! facet OR, bare words AND, and a leading `-` negates a term. Values with
//! spaces are quoted: `actor:"sar kheng"`. Years take ranges: `year:2019..2022`.

use crate::date::PartialDate;
use crate::model::{Event, EventKind, Timeline};
use crate::text::{fold, nearest};
use std::fmt;

/// Longest query text accepted; a pasted novel is cut to this.
pub const MAX_QUERY_CHARS: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// Events that touch any year in the inclusive range.
    Year {
        from: i32,
        to: i32,
    },
    /// Events that end on or after the first day of this date.
    From(PartialDate),
    /// Events that start on or before the last day of this date.
    To(PartialDate),
    /// An actor by id, name or alias, ignoring case and diacritics.
    Actor(String),
    Kind(EventKind),
    Tag(String),
    /// A word or phrase searched in titles, summaries, quotes, names...
    Text(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Year,
    From,
    To,
    Actor,
    Kind,
    Tag,
    Text,
}

impl Facet {
    pub const NAMED: &'static [&'static str] = &["year", "from", "to", "actor", "kind", "tag"];
}

impl Term {
    pub fn facet(&self) -> Facet {
        match self {
            Term::Year { .. } => Facet::Year,
            Term::From(_) => Facet::From,
            Term::To(_) => Facet::To,
            Term::Actor(_) => Facet::Actor,
            Term::Kind(_) => Facet::Kind,
            Term::Tag(_) => Facet::Tag,
            Term::Text(_) => Facet::Text,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub negated: bool,
    pub term: Term,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
}

/// Where and why query text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    /// 1-based character column in the query text.
    pub column: usize,
    pub message: String,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "column {}: {}",
            self.column,
            crate::text::sanitize_line(&self.message)
        )
    }
}

impl std::error::Error for QueryError {}

struct Cursor {
    chars: Vec<char>,
    pos: usize,
}

impl Cursor {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn error(&self, at: usize, message: impl Into<String>) -> QueryError {
        QueryError {
            column: at + 1,
            message: message.into(),
        }
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }

    /// A quoted value (with `\"` and `\\` escapes) or a bare run up to whitespace.
    /// Returns the value and whether it was quoted.
    fn value(&mut self) -> Result<(String, bool), QueryError> {
        if self.peek() == Some('"') {
            let open = self.pos;
            self.pos += 1;
            let mut out = String::new();
            loop {
                match self.peek() {
                    None => return Err(self.error(open, "unclosed quote: expected `\"`")),
                    Some('"') => {
                        self.pos += 1;
                        return Ok((out, true));
                    }
                    Some('\\') if matches!(self.chars.get(self.pos + 1), Some('"' | '\\')) => {
                        out.push(self.chars[self.pos + 1]);
                        self.pos += 2;
                    }
                    Some(c) => {
                        out.push(c);
                        self.pos += 1;
                    }
                }
            }
        }
        let start = self.pos;
        while self.peek().is_some_and(|c| !c.is_whitespace()) {
            self.pos += 1;
        }
        Ok((self.chars[start..self.pos].iter().collect(), false))
    }
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Reads query text. Errors name the column and what was expected.
    pub fn parse(text: &str) -> Result<Query, QueryError> {
        let mut c = Cursor {
            chars: text.chars().take(MAX_QUERY_CHARS).collect(),
            pos: 0,
        };
        let mut clauses = Vec::new();
        loop {
            c.skip_space();
            let Some(first) = c.peek() else { break };
            let start = c.pos;
            let negated = first == '-' && c.chars.get(c.pos + 1).is_some_and(|n| !n.is_whitespace());
            if negated {
                c.pos += 1;
            }
            let term = if c.peek() == Some('"') {
                let (phrase, _) = c.value()?;
                if phrase.is_empty() {
                    return Err(c.error(start, "empty quotes: expected text between them"));
                }
                Term::Text(phrase)
            } else {
                let head_start = c.pos;
                while c.peek().is_some_and(|ch| !ch.is_whitespace() && ch != ':') {
                    c.pos += 1;
                }
                if c.peek() == Some(':') {
                    let facet: String = c.chars[head_start..c.pos].iter().collect();
                    c.pos += 1;
                    let value_at = c.pos;
                    let (value, _) = c.value()?;
                    parse_term(&facet, &value).map_err(|m| c.error(value_at, m))?
                } else {
                    Term::Text(c.chars[head_start..c.pos].iter().collect())
                }
            };
            if c.peek().is_some_and(|ch| !ch.is_whitespace()) {
                return Err(c.error(c.pos, "expected a space after the quoted value"));
            }
            clauses.push(Clause { negated, term });
        }
        Ok(Query { clauses })
    }

    pub fn and(mut self, other: Query) -> Query {
        self.clauses.extend(other.clauses);
        self
    }

    pub fn push(&mut self, term: Term) {
        self.clauses.push(Clause { negated: false, term });
    }

    /// Adds the clause if absent, removes it if present: how the filter pane toggles values.
    pub fn toggle(&mut self, term: Term) {
        let clause = Clause { negated: false, term };
        if let Some(i) = self.clauses.iter().position(|c| *c == clause) {
            self.clauses.remove(i);
        } else {
            self.clauses.push(clause);
        }
    }

    pub fn contains(&self, term: &Term) -> bool {
        self.clauses.iter().any(|c| !c.negated && c.term == *term)
    }

    /// A copy without any clause on the given facet (for facet counts that
    /// show what choosing another value of that facet would give).
    pub fn without(&self, facet: Facet) -> Query {
        Query {
            clauses: self
                .clauses
                .iter()
                .filter(|c| c.term.facet() != facet)
                .cloned()
                .collect(),
        }
    }

    /// Positions (in timeline order) of the events that match.
    pub fn filter(&self, timeline: &Timeline) -> Vec<usize> {
        let compiled = Compiled::new(self);
        (0..timeline.events.len())
            .filter(|&i| compiled.matches(timeline, i))
            .collect()
    }

    /// Whether one event matches.
    pub fn matches(&self, timeline: &Timeline, position: usize) -> bool {
        Compiled::new(self).matches(timeline, position)
    }
}

/// Builds a term from a facet name and its value.
pub fn parse_term(facet: &str, value: &str) -> Result<Term, String> {
    let name = facet.to_ascii_lowercase();
    if value.is_empty() {
        return Err(format!("expected a value after `{facet}:`"));
    }
    let date = |v: &str| PartialDate::parse(v).map_err(|e| format!("{e}, found `{v}`"));
    Ok(match name.as_str() {
        "year" => {
            let year = |v: &str| {
                v.parse::<i32>()
                    .ok()
                    .filter(|y| (0..=9999).contains(y) && !v.starts_with('+'))
                    .ok_or_else(|| {
                        format!("expected a year like 2022 or a range like 2019..2022, found `{v}`")
                    })
            };
            match value.split_once("..") {
                Some((a, b)) => {
                    let (from, to) = (year(a)?, year(b)?);
                    if to < from {
                        return Err(format!("year range {from}..{to} ends before it starts"));
                    }
                    Term::Year { from, to }
                }
                None => {
                    let y = year(value)?;
                    Term::Year { from: y, to: y }
                }
            }
        }
        "from" => Term::From(date(value)?),
        "to" => Term::To(date(value)?),
        "actor" => Term::Actor(value.to_string()),
        "tag" => Term::Tag(value.to_string()),
        "kind" => match EventKind::parse(&value.to_ascii_lowercase()) {
            Some(k) => Term::Kind(k),
            None => {
                let names = EventKind::names();
                let hint = nearest(value, &names)
                    .map(|n| format!("did you mean `{n}`? "))
                    .unwrap_or_default();
                return Err(format!(
                    "unknown kind `{value}`: {hint}expected one of {}",
                    names.join(", ")
                ));
            }
        },
        _ => {
            let hint = nearest(&name, Facet::NAMED)
                .map(|n| format!("did you mean `{n}`? "))
                .unwrap_or_default();
            return Err(format!(
                "unknown facet `{facet}`: {hint}expected one of {} (quote text that contains `:`)",
                Facet::NAMED.join(", ")
            ));
        }
    })
}

/// A query with its values folded once, so matching many events is cheap.
struct Compiled {
    /// Positive clauses grouped by facet: any in a group, every group.
    groups: Vec<Vec<Term>>,
    negated: Vec<Term>,
}

impl Compiled {
    fn new(q: &Query) -> Self {
        let fold_term = |t: &Term| match t {
            Term::Actor(a) => Term::Actor(fold(a)),
            Term::Tag(a) => Term::Tag(fold(a)),
            Term::Text(a) => Term::Text(fold(a)),
            other => other.clone(),
        };
        let mut groups: Vec<(Facet, Vec<Term>)> = Vec::new();
        let mut negated = Vec::new();
        for c in &q.clauses {
            let term = fold_term(&c.term);
            if c.negated {
                negated.push(term);
            } else if term.facet() == Facet::Text {
                // Every bare word must be found.
                groups.push((Facet::Text, vec![term]));
            } else if let Some((_, g)) = groups.iter_mut().find(|(f, _)| *f == term.facet()) {
                g.push(term);
            } else {
                groups.push((term.facet(), vec![term]));
            }
        }
        Compiled {
            groups: groups.into_iter().map(|(_, g)| g).collect(),
            negated,
        }
    }

    fn matches(&self, timeline: &Timeline, position: usize) -> bool {
        let event = &timeline.events[position];
        self.groups
            .iter()
            .all(|g| g.iter().any(|t| term_matches(timeline, position, event, t)))
            && !self
                .negated
                .iter()
                .any(|t| term_matches(timeline, position, event, t))
    }
}

/// `term` has its text values folded already.
fn term_matches(timeline: &Timeline, position: usize, event: &Event, term: &Term) -> bool {
    match term {
        Term::Year { from, to } => {
            let years = event.years();
            *years.start() <= *to && *years.end() >= *from
        }
        Term::From(d) => event.span().1 >= d.first_day(),
        Term::To(d) => event.span().0 <= d.last_day(),
        Term::Actor(name) => event.actors.iter().any(|id| actor_matches(timeline, id, name)),
        Term::Kind(k) => event.kind == *k,
        Term::Tag(t) => event.tags.iter().any(|tag| fold(tag) == *t),
        Term::Text(w) => timeline.search_key(position).contains(w.as_str()),
    }
}

/// An actor matches its id exactly, or any part of its name or an alias.
pub fn actor_matches(timeline: &Timeline, id: &str, folded: &str) -> bool {
    id == folded || timeline.actor_keys(id).iter().any(|k| k.contains(folded))
}

fn write_value(f: &mut fmt::Formatter<'_>, v: &str) -> fmt::Result {
    let plain = !v.is_empty()
        && !v.starts_with('-')
        && !v
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == ':' || c == '\\');
    if plain {
        return f.write_str(v);
    }
    f.write_str("\"")?;
    for c in v.chars() {
        if c == '"' || c == '\\' {
            f.write_str("\\")?;
        }
        write!(f, "{c}")?;
    }
    f.write_str("\"")
}

impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Year { from, to } if from == to => write!(f, "year:{from}"),
            Term::Year { from, to } => write!(f, "year:{from}..{to}"),
            Term::From(d) => write!(f, "from:{d}"),
            Term::To(d) => write!(f, "to:{d}"),
            Term::Actor(a) => {
                f.write_str("actor:")?;
                write_value(f, a)
            }
            Term::Kind(k) => write!(f, "kind:{k}"),
            Term::Tag(t) => {
                f.write_str("tag:")?;
                write_value(f, t)
            }
            Term::Text(t) => write_value(f, t),
        }
    }
}

impl fmt::Display for Query {
    /// The canonical text of the query; parsing it gives the same query back.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, c) in self.clauses.iter().enumerate() {
            if i > 0 {
                f.write_str(" ")?;
            }
            if c.negated {
                f.write_str("-")?;
            }
            write!(f, "{}", c.term)?;
        }
        Ok(())
    }
}
