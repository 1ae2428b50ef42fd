//! iCalendar (RFC 5545): events dated to the day as all-day entries, and
//! the days observed every year as recurring ones.

use crate::timeline::model::{Event, Observance, Timeline};
use crate::Precision;
use chrono::NaiveDate;

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

fn sources_line(t: &Timeline, e: &[crate::timeline::model::Citation]) -> String {
    let mut seen = Vec::new();
    for c in e {
        if let Some(s) = t.source(&c.source) {
            let shown = match &s.url {
                Some(u) => format!("{} ({u})", s.publisher),
                None => s.publisher.clone(),
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
    // DTEND of an all-day entry is the day after the last.
    line(
        out,
        &format!("DTEND;VALUE=DATE:{}", day(last.succ_opt().unwrap_or(last))),
    );
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

fn recurring(out: &mut String, t: &Timeline, o: &Observance, stamp: &str) {
    let Some(first) = NaiveDate::from_ymd_opt(o.since, o.month, o.day) else {
        return;
    };
    line(out, "BEGIN:VEVENT");
    line(out, &format!("UID:{}@tipline", o.id));
    line(out, &format!("DTSTAMP:{stamp}"));
    line(out, &format!("DTSTART;VALUE=DATE:{}", day(first)));
    line(
        out,
        &format!("DTEND;VALUE=DATE:{}", day(first.succ_opt().unwrap_or(first))),
    );
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
}

/// The calendar, and how many events were left out for lacking a day.
pub fn export(t: &Timeline, hits: &[usize], name: &str, stamp: &str) -> (String, usize) {
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//tipline//tipline//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    let mut skipped = 0;
    for &p in hits {
        let e = &t.events[p];
        if e.date.precision() == Precision::Day {
            vevent(&mut out, t, e, stamp);
        } else {
            skipped += 1;
        }
    }
    for o in &t.observances {
        recurring(&mut out, t, o, stamp);
    }
    line(&mut out, "END:VCALENDAR");
    (out, skipped)
}
