//! Events as plain lines for a screen reader or a braille display: a list
//! line, a short reading and a full one. Marks are words, never glyphs, and
//! a line says one thing.

use crate::timeline::date::PartialDate;
use crate::timeline::dating::Certainty;
use crate::timeline::model::{Corroboration, Event, Timeline};

/// A date with its month named in full: `18 August 2022`, `December 2007`, `2019`.
pub fn date_in_words(d: &PartialDate) -> String {
    d.in_full()
}

/// An event's dates in words, every date whole so none has to be pieced
/// together: `from 18 August 2022 to 29 September 2022`, `21 November 2015
/// or 22 November 2015`. How sure they are is said apart, by [`Event::date_words`].
pub fn dates_in_words(e: &Event) -> String {
    if !e.dating.one_of.is_empty() {
        let all: Vec<String> = e.dating.one_of.iter().map(date_in_words).collect();
        return all.join(" or ");
    }
    match (&e.end, e.dating.open_end) {
        (Some(end), _) => format!("from {} to {}", date_in_words(&e.date), date_in_words(end)),
        (None, true) => format!("from {}", date_in_words(&e.date)),
        (None, false) => date_in_words(&e.date),
    }
}

/// An event's dates said short, in words, as a list line says them: `18
/// August to 29 September 2022`, `from 18 August 2022`, `21 November 2015
/// or 22 November 2015`; never digits and dashes a screen reader spells.
pub fn dates_spoken(e: &Event) -> String {
    if !e.dating.one_of.is_empty() {
        return dates_in_words(e);
    }
    match (&e.end, e.dating.open_end) {
        (Some(end), _) => PartialDate::range_in_full(&e.date, Some(end)),
        (None, true) => format!("from {}", date_in_words(&e.date)),
        (None, false) => date_in_words(&e.date),
    }
}

/// A kind as it is said: `national day`, not `national-day`.
pub fn kind_words(e: &Event) -> String {
    e.kind.as_str().replace('-', " ")
}

/// How far the sources confirm the event, in a word or two.
pub fn corroboration_mark(e: &Event) -> &'static str {
    match e.corroboration {
        Corroboration::Corroborated => "corroborated",
        Corroboration::SingleSource => "single source",
        Corroboration::Disputed => "sources disagree",
    }
}

/// How sure the date is, when it is not exact.
pub fn date_mark(e: &Event) -> Option<&'static str> {
    match e.dating.certainty() {
        Certainty::Exact | Certainty::Disputed => None,
        Certainty::Approximate => Some("date approximate"),
        Certainty::Uncertain => Some("date uncertain"),
    }
}

/// The line `list` gives an event: `1. 20 August 2022 · Title`, and a
/// word when the date is not sure.
pub fn list_line(number: usize, e: &Event) -> String {
    let mut line = format!("{number}. {} · {}", dates_spoken(e), e.title);
    if let Some(mark) = date_mark(e) {
        line.push_str(" · ");
        line.push_str(mark);
    }
    line
}

/// The short reading when moving: where it is in the list, the date, the
/// title, its kind and how well it is sourced.
pub fn short(number: usize, of: usize, e: &Event) -> String {
    let mut line = format!(
        "{number} of {of}: {} · {} · {}",
        dates_spoken(e),
        e.title,
        kind_words(e)
    );
    if let Some(mark) = date_mark(e) {
        line.push_str(" · ");
        line.push_str(mark);
    }
    line.push_str(" · ");
    line.push_str(corroboration_mark(e));
    line
}

/// Text that may hold line breaks, as lines, the first with a label.
fn paragraphs(out: &mut Vec<String>, label: &str, text: &str) {
    let mut first = true;
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if first {
            out.push(format!("{label}: {line}"));
            first = false;
        } else {
            out.push(line.to_string());
        }
    }
}

/// Everything about an event, a line for each thing, after a heading that
/// says where it is (`3 of 18`). `number_of` gives an event's number in the
/// current list, to name related events by it.
pub fn full(
    t: &Timeline,
    heading: &str,
    e: &Event,
    number_of: impl Fn(&str) -> Option<usize>,
) -> Vec<String> {
    let mut out = vec![format!("{heading}: {}", e.title)];
    out.push(format!("Date: {}; {}", dates_in_words(e), e.date_words()));
    out.push(format!("Kind: {}", kind_words(e)));
    if let Some(place) = &e.location {
        out.push(format!("Place: {place}"));
    }
    if let Some(r) = &e.ranking {
        out.push(format!("Ranking: {r}"));
    }
    out.push(format!("Sources: {}", t.sourcing_words(e)));
    // Figures sources disagree on are said once, with the figures.
    for d in &e.disputes {
        out.push(format!("Disagreement: {}", t.dispute_text(d)));
    }
    for id in &e.actors {
        match t.actor(id) {
            Some(a) => {
                let roles: Vec<&str> = t.roles_at(a, e).map(|r| r.title.as_str()).collect();
                if roles.is_empty() {
                    out.push(format!("Actor: {}", a.name));
                } else {
                    out.push(format!("Actor: {}, {}", a.name, roles.join("; ")));
                }
            }
            None => out.push(format!("Actor: {id}")),
        }
    }
    paragraphs(&mut out, "Summary", &e.summary);
    if let Some(d) = &e.details {
        paragraphs(&mut out, "Details", d);
    }
    if let Some(note) = &e.note {
        paragraphs(&mut out, "Compilers' note", note);
    }
    for f in &e.figures {
        let mut line = format!("Figure: {}: {}", f.what(), t.figure_value_in_units(f));
        if let Some(p) = &f.period {
            line.push_str(", ");
            line.push_str(p);
        }
        if let Some(who) = t.figure_source(e, f) {
            line.push_str(", ");
            line.push_str(&who);
        }
        if !f.is_disputed() && !f.sources.is_empty() {
            line.push_str(", given by ");
            line.push_str(&t.publishers_of(&f.sources));
        }
        out.push(line);
    }
    let count = e.sources.len();
    for (n, c) in e.sources.iter().enumerate() {
        // A source quoted twice is named once; the second time only its quote.
        if let Some(first) = e.sources[..n].iter().position(|o| o.source == c.source) {
            out.push(format!(
                "Source {} of {count}: the same as source {}",
                n + 1,
                first + 1
            ));
            out.push(format!("Quote: {}", c.quoted()));
            continue;
        }
        let n = n + 1;
        match t.source(&c.source) {
            Some(s) if s.title_is_label => out.push(format!(
                "Source {n} of {count}: {}, {} (the compilers' description, not the page's title)",
                s.publisher, s.title
            )),
            Some(s) => out.push(format!("Source {n} of {count}: {}, {}", s.publisher, s.title)),
            None => out.push(format!("Source {n} of {count}: {}", c.source)),
        }
        out.push(format!("Quote: {}", c.quoted()));
        if let Some(s) = t.source(&c.source) {
            if let Some(u) = &s.url {
                out.push(format!("Address: {u}"));
            } else if let Some(place) = &s.locator {
                out.push(format!("Found at: {place} (no web address)"));
            }
            if let Some(a) = &s.archive_url {
                out.push(format!("Archived: {a}"));
            }
        }
    }
    // The links the event states, then those other events state about it,
    // in words read from this event, as the app lists them.
    let links = t.event_position(&e.id).map(|p| t.links(p)).unwrap_or_default();
    for l in links {
        let other = &t.events[l.position];
        let place = match number_of(&other.id) {
            Some(n) => format!("number {n}"),
            None => format!("id {}", other.id),
        };
        out.push(format!("Related: {}, {}, {place}", l.words, other.title));
    }
    if !e.tags.is_empty() {
        out.push(format!("Tags: {}", e.tags.join(", ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_whole() {
        let d = |s: &str| PartialDate::parse(s).unwrap();
        assert_eq!(date_in_words(&d("2022-08-18")), "18 August 2022");
        assert_eq!(date_in_words(&d("2007-12")), "December 2007");
        assert_eq!(date_in_words(&d("2019")), "2019");
    }
}
