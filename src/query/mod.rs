//! The one query engine. The CLI's flags, its query text and (in the app) the
//! search box and filter pane all compile to a [`Query`].
//!
//! Syntax: whitespace-separated terms. `facet:value` filters on a facet
//! (`year`, `from`, `to`, `actor`, `kind`, `tag`); a bare word searches the
//! text. Terms on different facets AND together, repeated values of one
//! facet OR, bare words AND, and a leading `-` negates a term. Values with
//! spaces are quoted: `actor:"sar kheng"`. Years take ranges: `year:2019..2022`.

use crate::text::{did_you_mean, fold};
use crate::timeline::date::PartialDate;
use crate::timeline::dating::Certainty;
use crate::timeline::model::{EventKind, Timeline};

pub mod facets;
pub mod index;
pub mod known;
use std::fmt;

/// Longest query text the command line and the app's prompts accept
/// (parsing itself takes any length; the limit keeps input sane).
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
    /// How sure the event is: exact, approximate, uncertain or disputed.
    Certainty(Certainty),
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
    Certainty,
    Text,
}

impl Facet {
    pub const NAMED: &'static [&'static str] = &["year", "from", "to", "actor", "kind", "tag", "certainty"];
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
            Term::Certainty(_) => Facet::Certainty,
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
            chars: text.chars().collect(),
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
                    // An unknown facet is at the facet's name; a bad value at the value.
                    let at = if Facet::NAMED.contains(&facet.as_str()) {
                        value_at
                    } else {
                        head_start
                    };
                    parse_term(&facet, &value).map_err(|m| c.error(at, m))?
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
        let compiled = Compiled::new(self, timeline);
        (0..timeline.events.len())
            .filter(|&i| compiled.matches(timeline, i))
            .collect()
    }

    /// The clauses that search the text (words and phrases, kept or
    /// excluded), as a query of their own.
    pub fn text_clauses(&self) -> Query {
        Query {
            clauses: self
                .clauses
                .iter()
                .filter(|c| c.term.facet() == Facet::Text)
                .cloned()
                .collect(),
        }
    }

    /// Whether the event at a position passes, the query compiled once for
    /// the many events asked about: the same test the filter and its
    /// counts use.
    pub fn matcher<'a>(&self, timeline: &'a Timeline) -> impl Fn(usize) -> bool + 'a {
        let compiled = Compiled::new(self, timeline);
        move |position| compiled.matches(timeline, position)
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
        "certainty" => match Certainty::parse(&value.to_ascii_lowercase()) {
            Some(c) => Term::Certainty(c),
            None => {
                let names: Vec<&str> = Certainty::ALL.iter().map(|c| c.as_str()).collect();
                let hint = did_you_mean(value, &names).map(|h| h + " ").unwrap_or_default();
                return Err(format!(
                    "unknown certainty `{value}`: {hint}expected one of {}",
                    names.join(", ")
                ));
            }
        },
        "kind" => match EventKind::parse(&value.to_ascii_lowercase()) {
            Some(k) => Term::Kind(k),
            None => {
                let names = EventKind::names();
                let hint = did_you_mean(value, &names).map(|h| h + " ").unwrap_or_default();
                return Err(format!(
                    "unknown kind `{value}`: {hint}expected one of {}",
                    names.join(", ")
                ));
            }
        },
        _ => {
            let hint = did_you_mean(&name, Facet::NAMED)
                .map(|h| h + " ")
                .unwrap_or_default();
            return Err(format!(
                "unknown facet `{facet}`: {hint}expected one of {} (quote text that contains `:`)",
                Facet::NAMED.join(", ")
            ));
        }
    })
}

/// A test compiled against one timeline: text folded once, actors and tags
/// resolved to the indices that match, so each event is checked cheaply.
enum Test {
    Years(i32, i32),
    From(chrono::NaiveDate),
    To(chrono::NaiveDate),
    Actors(Vec<bool>),
    Kind(EventKind),
    Tags(Vec<bool>),
    Certainty(Certainty),
    /// A folded word, with a searcher built once for all events.
    Text(Box<memchr::memmem::Finder<'static>>),
}

impl Test {
    fn new(t: &Timeline, term: &Term) -> Test {
        match term {
            Term::Year { from, to } => Test::Years(*from, *to),
            Term::From(d) => Test::From(d.first_day()),
            Term::To(d) => Test::To(d.last_day()),
            Term::Actor(a) => {
                let a = fold(a);
                Test::Actors(
                    t.actors
                        .iter()
                        .enumerate()
                        .map(|(i, actor)| actor.id == a || t.actor_keys_at(i).iter().any(|k| k.contains(&a)))
                        .collect(),
                )
            }
            Term::Kind(k) => Test::Kind(*k),
            Term::Tag(g) => {
                let g = fold(g);
                Test::Tags(t.tag_names().iter().map(|n| fold(n) == g).collect())
            }
            Term::Certainty(c) => Test::Certainty(*c),
            Term::Text(w) => Test::Text(Box::new(memchr::memmem::Finder::new(&fold(w)).into_owned())),
        }
    }

    fn passes(&self, t: &Timeline, position: usize) -> bool {
        match self {
            Test::Years(from, to) => {
                let (first, last) = t.event_years(position);
                first <= *to && last >= *from
            }
            Test::From(d) => t.event_days(position).1 >= *d,
            Test::To(d) => t.event_days(position).0 <= *d,
            Test::Actors(set) => t.event_actor_ix(position).iter().any(|&a| set[a as usize]),
            Test::Kind(k) => t.event_kind(position) == *k,
            Test::Tags(set) => t.event_tag_ix(position).iter().any(|&g| set[g as usize]),
            Test::Certainty(c) => t.events[position].certainty() == *c,
            Test::Text(w) => w.find(t.search_key(position).as_bytes()).is_some(),
        }
    }
}

/// The facets the filter pane counts, as bits.
fn counted_bit(f: Facet) -> u8 {
    match f {
        Facet::Year => 1,
        Facet::Actor => 2,
        Facet::Kind => 4,
        Facet::Tag => 8,
        _ => 0,
    }
}

/// A query compiled for one timeline. Positive clauses are grouped by facet
/// (any in a group, every group); negated clauses each exclude.
struct Compiled {
    /// (bit of a counted facet, or 0; the group's tests; negated)
    groups: Vec<(u8, Vec<Test>, bool)>,
}

impl Compiled {
    fn new(q: &Query, t: &Timeline) -> Self {
        let mut groups: Vec<(Facet, Vec<Test>, bool)> = Vec::new();
        for c in &q.clauses {
            let test = Test::new(t, &c.term);
            let facet = c.term.facet();
            // Every bare word and every negation stands alone; other values of one facet OR.
            let joinable = !c.negated && facet != Facet::Text;
            match groups
                .iter_mut()
                .find(|(f, _, neg)| joinable && !neg && *f == facet)
            {
                Some(g) => g.1.push(test),
                None => groups.push((facet, vec![test], c.negated)),
            }
        }
        // Cheap counted facets first, text last: most events are settled
        // before their text is searched.
        groups.sort_by_key(|(f, _, _)| *f == Facet::Text);
        Compiled {
            groups: groups
                .into_iter()
                .map(|(f, tests, neg)| (counted_bit(f), tests, neg))
                .collect(),
        }
    }

    /// Which counted facets the event fails, or None if it fails a clause
    /// that is not counted (text, dates) or two counted facets.
    fn failures(&self, t: &Timeline, position: usize) -> Option<u8> {
        let mut failed = 0u8;
        for (bit, tests, negated) in &self.groups {
            let hit = tests.iter().any(|x| x.passes(t, position));
            if hit == *negated {
                if *bit == 0 || (failed != 0 && failed != *bit) {
                    return None;
                }
                failed |= bit;
            }
        }
        Some(failed)
    }

    fn matches(&self, t: &Timeline, position: usize) -> bool {
        self.failures(t, position) == Some(0)
    }

    /// Adds the events at `positions` to a faceted result. Every
    /// [`CHECK_EVERY`] events it asks `stop` whether the result is still
    /// wanted, and returns false (leaving `out` partial) once it is not.
    fn scan(
        &self,
        t: &Timeline,
        positions: impl Iterator<Item = usize>,
        out: &mut Faceted,
        stop: &Stop<'_>,
    ) -> bool {
        for (n, p) in positions.enumerate() {
            if n % CHECK_EVERY == CHECK_EVERY - 1 && stop() {
                return false;
            }
            let Some(failed) = self.failures(t, p) else {
                continue;
            };
            out.relevant.push(p);
            if failed == 0 {
                out.hits.push(p);
            }
            if failed & !1 == 0 {
                out.years.add_year(t, p);
            }
            if failed & !2 == 0 {
                out.actors.add_actors(t, p);
            }
            if failed & !4 == 0 {
                out.kinds.add_kind(t, p);
            }
            if failed & !8 == 0 {
                out.tags.add_tags(t, p);
            }
        }
        true
    }
}

/// Asked now and then by a long search: true when its result is no longer
/// wanted (a newer query superseded it), so it stops early.
pub type Stop<'a> = dyn Fn() -> bool + Sync + 'a;

/// How many events a search checks between two looks at its [`Stop`].
const CHECK_EVERY: usize = 4096;

/// Below this many events one core searches alone: starting threads would cost more.
const PARALLEL_FROM: usize = 20_000;

/// What the filter pane shows: the events that pass, and for each counted
/// facet the counts the other facets allow (faceted search).
#[derive(Debug, Clone)]
pub struct Faceted {
    pub hits: Vec<usize>,
    /// Counts by facet: choosing a value of that facet would give this many.
    pub years: crate::query::facets::Tally,
    pub actors: crate::query::facets::Tally,
    pub kinds: crate::query::facets::Tally,
    pub tags: crate::query::facets::Tally,
    /// Events that can still count toward something; a query that only
    /// narrows this one need look at no others.
    pub relevant: Vec<usize>,
}

impl Faceted {
    pub fn empty(t: &Timeline) -> Faceted {
        use crate::query::facets::Tally;
        Faceted {
            hits: Vec::new(),
            years: Tally::new(t),
            actors: Tally::new(t),
            kinds: Tally::new(t),
            tags: Tally::new(t),
            relevant: Vec::new(),
        }
    }
}

impl Query {
    /// Filters and counts facets in one pass. `candidates`, when given, must
    /// hold every event that can pass or count (see [`Query::narrows`]).
    pub fn faceted(&self, t: &Timeline, candidates: Option<&[usize]>) -> Faceted {
        let mut out = Faceted::empty(t);
        self.faceted_into(t, candidates, &mut out);
        out
    }

    /// Like [`Query::faceted`], reusing the buffers of a previous result
    /// (on every key press, fresh megabyte-sized buffers cost more than the work).
    pub fn faceted_into(&self, t: &Timeline, candidates: Option<&[usize]>, out: &mut Faceted) {
        self.faceted_until(t, candidates, out, &|| false, 0);
    }

    /// Like [`Query::faceted_into`], giving up as soon as `stop` says the
    /// result is no longer wanted: returns false then, with `out` partial.
    /// A search that runs to the end gives exactly what `faceted_into` gives.
    /// `spare` cores are left to other work (a search in the background
    /// leaves one to the thread that reads keys and draws).
    pub fn faceted_until(
        &self,
        t: &Timeline,
        candidates: Option<&[usize]>,
        out: &mut Faceted,
        stop: &Stop<'_>,
        spare: usize,
    ) -> bool {
        let total = candidates.map_or(t.events.len(), <[usize]>::len);
        // Searching text reads every event's words: on large timelines the
        // cores share the reading, each over one stretch of the timeline.
        let threads = if total < PARALLEL_FROM {
            1
        } else {
            let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
            cores.saturating_sub(spare).clamp(1, 8)
        };
        self.faceted_in_stretches(t, candidates, threads, out, stop)
    }

    /// [`Query::faceted_into`] with the events cut into `threads` stretches,
    /// each searched on its own thread (one: all on this thread).
    fn faceted_in_stretches(
        &self,
        t: &Timeline,
        candidates: Option<&[usize]>,
        threads: usize,
        out: &mut Faceted,
        stop: &Stop<'_>,
    ) -> bool {
        let compiled = Compiled::new(self, t);
        out.hits.clear();
        out.relevant.clear();
        for tally in [&mut out.years, &mut out.actors, &mut out.kinds, &mut out.tags] {
            tally.clear();
        }
        let total = candidates.map_or(t.events.len(), <[usize]>::len);
        if threads < 2 {
            return match candidates {
                Some(c) => compiled.scan(t, c.iter().copied(), out, stop),
                None => compiled.scan(t, 0..t.events.len(), out, stop),
            };
        }
        let size = total.div_ceil(threads);
        let parts: Vec<Option<Faceted>> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..threads)
                .map(|k| {
                    let compiled = &compiled;
                    let range = (k * size).min(total)..((k + 1) * size).min(total);
                    scope.spawn(move || {
                        let mut part = Faceted::empty(t);
                        let whole = match candidates {
                            Some(c) => compiled.scan(t, c[range].iter().copied(), &mut part, stop),
                            None => compiled.scan(t, range, &mut part, stop),
                        };
                        whole.then_some(part)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("a search thread does not panic"))
                .collect()
        });
        for part in parts {
            let Some(part) = part else { return false };
            out.hits.extend_from_slice(&part.hits);
            out.relevant.extend_from_slice(&part.relevant);
            out.years.merge(&part.years);
            out.actors.merge(&part.actors);
            out.kinds.merge(&part.kinds);
            out.tags.merge(&part.tags);
        }
        true
    }

    /// Whether every event this query can pass or count was relevant to
    /// `previous`: the same clauses, with search words only grown longer or
    /// added, as when typing into the search box.
    pub fn narrows(&self, previous: &Query) -> bool {
        let words = |q: &Query| -> Vec<String> {
            q.clauses
                .iter()
                .filter_map(|c| match (&c.term, c.negated) {
                    (Term::Text(w), false) => Some(fold(w)),
                    _ => None,
                })
                .collect()
        };
        let others = |q: &Query| -> Vec<Clause> {
            q.clauses
                .iter()
                .filter(|c| c.term.facet() != Facet::Text || c.negated)
                .cloned()
                .collect()
        };
        let (old, new) = (words(previous), words(self));
        others(self) == others(previous)
            && new.len() >= old.len()
            && old.iter().zip(&new).all(|(o, n)| n.contains(o.as_str()))
    }
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
            Term::Certainty(c) => write!(f, "certainty:{c}"),
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

#[cfg(all(test, feature = "synth"))]
mod tests;
