//! iCalendar (RFC 5545): events dated to the day as all-day entries, and
//! the days observed every year as recurring ones.

use crate::timeline::model::{Event, Observance, Timeline};
use crate::Precision;
use chrono::{Datelike, NaiveDate};

/// Escapes TEXT values (RFC 5545 3.3.11).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes one content line, folded at 75 octets without splitting a
/// character, ended with CRLF (RFC 5545 3.1).
fn line(out: &mut String, content: &str) {
    let mut width = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

fn day(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The end of an all-day entry from `first` to `last`: DTEND, the day
/// after the last (RFC 5545 3.6.1), or a DURATION in days when that day
/// would be in year 10000, which a DATE value cannot hold.
fn end_line(out: &mut String, first: NaiveDate, last: NaiveDate) {
    match last.succ_opt().filter(|d| d.year() <= 9999) {
        Some(after) => line(out, &format!("DTEND;VALUE=DATE:{}", day(after))),
        None => {
            let days = (last - first).num_days() + 1;
            line(out, &format!("DURATION:P{days}D"));
        }
    }
}

fn sources_line(t: &Timeline, e: &[crate::timeline::model::Citation]) -> String {
    let mut seen = Vec::new();
    for c in e {
        if let Some(s) = t.source(&c.source) {
            let shown = match (&s.url, &s.locator) {
                (Some(u), _) => format!("{} ({u})", s.publisher),
                (None, Some(place)) => format!("{} (at {place})", s.publisher),
                (None, None) => s.publisher.clone(),
            };
            if !seen.contains(&shown) {
                seen.push(shown);
            }
        }
    }
    format!("Sources: {}", seen.join("; "))
}

fn vevent(out: &mut String, t: &Timeline, e: &Event, stamp: &str) {
    let (first, last) = e.span();
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}@tipline", e.id));
    line(out, &format!("DTSTAMP:{stamp}"));
    line(out, &format!("DTSTART;VALUE=DATE:{}", day(first)));
    end_line(out, first, last);
    line(out, &format!("SUMMARY:{}", text(&e.title)));
    let description = format!("{}\n\n{}", e.summary, sources_line(t, &e.sources));
    line(out, &format!("DESCRIPTION:{}", text(&description)));
    line(out, &format!("CATEGORIES:{}", e.kind));
    if let Some(url) = e
        .sources
        .iter()
        .filter_map(|c| t.source(&c.source)?.url.clone())
        .find(|u| u.starts_with("http"))
    {
        line(out, &format!("URL:{url}"));
    }
    line(out, "END:VEVENT");
}

/// The first day an observance falls on: `since`'s, or for 29 February
/// the first leap year from `since` on.
fn first_observed(o: &Observance) -> Option<NaiveDate> {
    (o.since..=9999)
        .take(9)
        .find_map(|year| NaiveDate::from_ymd_opt(year, o.month, o.day))
}

/// Writes an observance; false when it falls on no day a calendar can hold.
fn recurring(out: &mut String, t: &Timeline, o: &Observance, stamp: &str) -> bool {
    let Some(first) = first_observed(o) else {
        return false;
    };
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}@tipline", o.id));
    line(out, &format!("DTSTAMP:{stamp}"));
    line(out, &format!("DTSTART;VALUE=DATE:{}", day(first)));
    end_line(out, first, first);
    // A yearly rule from 29 February recurs in leap years only (RFC 5545
    // 3.3.10: a rule's invalid dates are ignored), as the day itself does.
    line(out, "RRULE:FREQ=YEARLY");
    line(out, &format!("SUMMARY:{}", text(&o.title)));
    let description = format!(
        "Observed every year since {}.\n\n{}",
        o.since,
        sources_line(t, &o.sources)
    );
    line(out, &format!("DESCRIPTION:{}", text(&description)));
    line(out, "CATEGORIES:observance");
    line(out, "END:VEVENT");
    true
}

/// A calendar and what went into it.
#[derive(Debug)]
pub struct Calendar {
    pub text: String,
    /// Events written, each dated to the day.
    pub events: usize,
    /// Events left out for being known only to the month or year.
    pub skipped: usize,
    /// Observances written.
    pub observances: usize,
    /// Observances left out for falling on no day from their first year
    /// to 9999.
    pub skipped_observances: usize,
}

/// The calendar of the given events and the timeline's observances.
pub fn export(t: &Timeline, hits: &[usize], name: &str, stamp: &str) -> Calendar {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//tipline//tipline//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    let (mut events, mut skipped) = (0, 0);
    for &p in hits {
        let e = &t.events[p];
        // A calendar entry is one day for certain: an event known only to the
        // month or year, one of several days, or an uncertain or approximate
        // day is left out rather than given a day it may not have had.
        if e.date.precision() == Precision::Day && e.dating.is_plain() {
            vevent(&mut out, t, e, stamp);
            events += 1;
        } else {
            skipped += 1;
        }
    }
    let (mut observances, mut skipped_observances) = (0, 0);
    for o in &t.observances {
        if recurring(&mut out, t, o, stamp) {
            observances += 1;
        } else {
            skipped_observances += 1;
        }
    }
    line(&mut out, "END:VCALENDAR");
    Calendar {
        text: out,
        events,
        skipped,
        observances,
        skipped_observances,
    }
}
