//! Handouts and printable exports: each event with its date, figures and
//! verbatim quotes marked [n], a lesson's glossary of the terms its text
//! uses, and a numbered bibliography of the sources.

use super::html::escape;
use super::markdown::{block, inline as md};
use crate::teach::lesson::{Chart, Lesson};
use crate::timeline::model::{Event, Term, Timeline};
use crate::timeline::tiers::TierTrack;
use std::fmt::Write;

/// One part of a document: a lesson stop, or a single event.
pub struct Section<'a> {
    pub heading: String,
    pub prompt: Option<&'a str>,
    pub notes: Option<&'a str>,
    pub events: Vec<&'a Event>,
    /// A chart of the events as plain lines, drawn before them.
    pub chart: Option<String>,
}

/// How wide a printed chart is: a page of monospaced text.
const PRINTED_WIDTH: usize = 72;

pub struct Document<'a> {
    pub title: String,
    pub summary: Option<String>,
    pub meta: Vec<(String, String)>,
    pub sections: Vec<Section<'a>>,
    /// Terms the document's text names, defined after the sections.
    pub terms: Vec<&'a Term>,
}

impl<'a> Document<'a> {
    /// A lesson's handout; teacher notes only when asked for.
    pub fn lesson(lesson: &'a Lesson, t: &'a Timeline, with_notes: bool) -> Self {
        let mut meta = Vec::new();
        meta.extend(lesson.audience.clone().map(|a| ("Audience".to_string(), a)));
        meta.extend(lesson.duration.clone().map(|d| ("Duration".to_string(), d)));
        let sections = lesson
            .stops
            .iter()
            .enumerate()
            .map(|(i, stop)| {
                let positions = lesson.events_of(stop, t);
                let chart = stop
                    .chart
                    .map(|Chart::Tiers| TierTrack::of(t, &positions).chart(PRINTED_WIDTH).text());
                let events: Vec<&Event> = positions.iter().map(|&p| &t.events[p]).collect();
                let heading = match (events.as_slice(), &stop.title) {
                    ([one], None) => format!("{}. {}", i + 1, one.title),
                    ([_], Some(title)) => format!("{}. {title}", i + 1),
                    (_, Some(title)) => format!("{}. {title} — {} events", i + 1, events.len()),
                    (_, None) => format!("{}. {} events", i + 1, events.len()),
                };
                Section {
                    heading,
                    prompt: Some(stop.prompt.as_str()),
                    notes: if with_notes { stop.notes.as_deref() } else { None },
                    events,
                    chart,
                }
            })
            .collect();
        let mut doc = Document {
            title: lesson.title.clone(),
            summary: Some(lesson.summary.clone()),
            meta,
            sections,
            terms: Vec::new(),
        };
        doc.terms = t.terms_in(&doc.text());
        doc
    }

    /// Everything a reader of the document reads, for finding its terms.
    fn text(&self) -> String {
        let mut text = format!("{}\n", self.title);
        let mut push = |s: &str| {
            text.push_str(s);
            text.push('\n');
        };
        push(self.summary.as_deref().unwrap_or(""));
        for s in &self.sections {
            push(&s.heading);
            push(s.prompt.unwrap_or(""));
            push(s.notes.unwrap_or(""));
            for e in &s.events {
                push(&e.title);
                push(&e.summary);
                push(e.details.as_deref().unwrap_or(""));
                push(e.ranking.as_deref().unwrap_or(""));
            }
        }
        text
    }

    /// A filtered view: one section per event.
    pub fn events(title: &str, query: &str, t: &'a Timeline, hits: &[usize]) -> Self {
        let mut meta = vec![("Events".to_string(), hits.len().to_string())];
        if !query.is_empty() {
            // Query text comes from the command line: as untrusted as data.
            meta.push((
                "Filter".to_string(),
                crate::text::sanitize_line(query).into_owned(),
            ));
        }
        let sections = hits
            .iter()
            .map(|&p| Section {
                heading: t.events[p].title.clone(),
                prompt: None,
                notes: None,
                events: vec![&t.events[p]],
                chart: None,
            })
            .collect();
        Document {
            title: crate::text::sanitize_line(title).into_owned(),
            summary: None,
            meta,
            sections,
            terms: Vec::new(),
        }
    }
}

/// Sources in order of first citation, so quotes can say [n]: the events'
/// first, then the glossary's.
fn bibliography<'a>(d: &Document<'a>) -> Vec<&'a str> {
    let mut order: Vec<&str> = Vec::new();
    let events = d.sections.iter().flat_map(|s| &s.events).flat_map(|e| &e.sources);
    for c in events.chain(d.terms.iter().flat_map(|t| &t.sources)) {
        if !order.contains(&c.source.as_str()) {
            order.push(&c.source);
        }
    }
    order
}

/// A term as a glossary heads it: its name, and its abbreviation if the
/// name does not hold it.
fn term_name(t: &Term) -> String {
    match &t.short {
        Some(s) if !t.name.contains(s.as_str()) => format!("{} ({s})", t.name),
        _ => t.name.clone(),
    }
}

/// The numbers of a term's sources, in order, each once.
fn term_numbers(order: &[&str], t: &Term) -> Vec<usize> {
    let mut numbers: Vec<usize> = t.sources.iter().map(|c| number(order, &c.source)).collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
}

fn number(order: &[&str], source: &str) -> usize {
    order.iter().position(|s| *s == source).map_or(0, |i| i + 1)
}

/// An event's prose with each citation marker (`[2]`, the event's second
/// citation) renumbered as the document's bibliography numbers that source.
fn cited(text: &str, e: &Event, order: &[&str]) -> String {
    e.renumbered(text, |source| {
        order.iter().position(|s| *s == source).map(|i| i + 1)
    })
}

/// An event's longer text, given after its summary, when it has some.
fn details_of(e: &Event) -> Option<&str> {
    e.details.as_deref().filter(|d| !d.trim().is_empty())
}

/// [`cited`] for HTML: escaped, each marker a link to its bibliography entry.
fn cited_html(text: &str, e: &Event, order: &[&str]) -> String {
    let escaped = escape(&cited(text, e, order));
    let mut out = String::with_capacity(escaped.len());
    let mut rest = escaped.as_str();
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find(']')
            .filter(|&c| c > 0 && after[..c].bytes().all(|b| b.is_ascii_digit()))
        {
            Some(close) => {
                let k = &after[..close];
                out.push_str(&format!("<a href=\"#source-{k}\">[{k}]</a>"));
                rest = &after[close + 1..];
            }
            None => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn figure_line(
    t: &Timeline,
    e: &Event,
    f: &crate::timeline::model::Figure,
) -> (String, String, String, String) {
    // A number with its unit, never a bar (figures of unlike things
    // side by side have no scale in common); where sources disagree,
    // every value with its unit and who gives it. What qualifies the
    // number ("more than") is in the value's column, not the label's.
    let value = t.figure_value_in_units(f);
    let who = t.figure_source(e, f).unwrap_or_default();
    (f.what(), value, f.period.clone().unwrap_or_default(), who)
}

fn event_facts(e: &Event) -> String {
    let mut facts = vec![e.date_text(), e.kind.to_string()];
    facts.extend(e.location.clone());
    facts.join(" · ")
}

/// An event charted by its stop, in one line: its date, title, standing and
/// the numbers of the sources it quotes.
fn chart_entry(e: &Event, order: &[&str]) -> String {
    let mut numbers: Vec<usize> = e.sources.iter().map(|c| number(order, &c.source)).collect();
    numbers.dedup();
    let cites: String = numbers.iter().map(|n| format!("[{n}]")).collect();
    match &e.ranking {
        Some(r) => format!("{}: {} — {r} {cites}", e.date_text(), e.title),
        None => format!("{}: {} {cites}", e.date_text(), e.title),
    }
}

/// The longest run of one character in a text.
fn longest_run(text: &str, c: char) -> usize {
    text.split(|x| x != c)
        .map(|run| run.chars().count())
        .max()
        .unwrap_or(0)
}

pub fn markdown(d: &Document, t: &Timeline) -> String {
    let order = bibliography(d);
    let mut out = format!("# {}\n\n", md(&d.title));
    if let Some(s) = &d.summary {
        let _ = writeln!(out, "{}\n", block(s, ""));
    }
    if !d.meta.is_empty() {
        let meta: Vec<String> = d
            .meta
            .iter()
            .map(|(k, v)| format!("**{k}:** {}", md(v)))
            .collect();
        let _ = writeln!(out, "{}\n", meta.join(" · "));
    }
    // So that a printed page does not suggest the timeline goes further.
    if let Some(h) = &t.horizon {
        let _ = writeln!(out, "*{}*\n", md(&h.sentence()));
    }
    for s in &d.sections {
        let _ = writeln!(out, "## {}\n", md(&s.heading));
        if let Some(p) = s.prompt {
            let _ = writeln!(out, "> **Question:** {}\n", block(p, "> "));
        }
        if let Some(chart) = &s.chart {
            // Literal in a code block; its fence is longer than any run of
            // backquotes the data puts in it, so nothing can close it early.
            let fence = "`".repeat(longest_run(chart, '`').max(2) + 1);
            let _ = writeln!(out, "{fence}text\n{chart}{fence}\n");
            // The chart is the stop: its events a line each, with where
            // each is quoted, rather than in full a second time.
            for e in &s.events {
                let _ = writeln!(out, "- {}", md(&chart_entry(e, &order)));
            }
            out.push('\n');
        }
        for e in s.events.iter().filter(|_| s.chart.is_none()) {
            if s.events.len() > 1 {
                let _ = writeln!(out, "### {}\n", md(&e.title));
            }
            let _ = writeln!(out, "*{}*\n", md(&event_facts(e)));
            for line in t.disagreements(e) {
                let _ = writeln!(out, "Sources disagree: {}\n", md(&line));
            }
            let _ = writeln!(out, "{}\n", block(&cited(&e.summary, e, &order), ""));
            if let Some(details) = details_of(e) {
                let _ = writeln!(out, "{}\n", block(&cited(details, e, &order), ""));
            }
            if let Some(note) = &e.note {
                let _ = writeln!(out, "*Compilers' note:* {}\n", block(note, ""));
            }
            if !e.figures.is_empty() {
                out.push_str("| Figure | Value | Period | Given by |\n|---|---|---|---|\n");
                for f in &e.figures {
                    let (l, v, p, w) = figure_line(t, e, f);
                    let _ = writeln!(out, "| {} | {} | {} | {} |", md(&l), md(&v), md(&p), md(&w));
                }
                out.push('\n');
            }
            for c in &e.sources {
                let _ = writeln!(
                    out,
                    "> {} [{}]\n",
                    block(&c.quoted(), "> "),
                    number(&order, &c.source)
                );
            }
        }
        if let Some(n) = s.notes {
            let _ = writeln!(out, "*Teacher's notes:* {}\n", super::markdown::notes(n));
        }
    }
    if !d.terms.is_empty() {
        out.push_str("## Glossary\n\n");
        for term in &d.terms {
            let cites: Vec<String> = term_numbers(&order, term)
                .iter()
                .map(|n| format!("[{n}]"))
                .collect();
            let _ = writeln!(
                out,
                "**{}:** {} {}\n",
                md(&term_name(term)),
                block(&term.definition, ""),
                cites.join(" ")
            );
        }
    }
    out.push_str("## Sources\n\n");
    for (i, id) in order.iter().enumerate() {
        if let Some(src) = t.source(id) {
            // A page's own title in italics; the compilers' description in brackets.
            let title = if src.title_is_label {
                format!("\\[{}\\]", md(&src.title))
            } else {
                format!("*{}*", md(&src.title))
            };
            let _ = write!(out, "{}. {}, {title}", i + 1, md(&src.publisher));
            if let Some(u) = &src.url {
                let _ = write!(out, ". {}", super::markdown::url(u));
            } else if let Some(place) = &src.locator {
                let _ = write!(out, ". At {}", md(place));
            }
            out.push('\n');
        }
    }
    out
}

const STYLE: &str =
    "body{font-family:Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;line-height:1.5;color:#111}\
h1{font-size:1.8em}h2{border-top:1px solid #999;padding-top:.6em;margin-top:1.6em}\
blockquote{margin:.6em 0 .6em 1.2em;padding-left:.8em;border-left:3px solid #999}\
.question{font-weight:bold}.facts{color:#444;font-style:italic}.notes{background:#f3f3f3;padding:.5em}\
pre.chart{font-family:'DejaVu Sans Mono',Consolas,monospace;font-size:.85em;line-height:1.2;overflow-x:auto}\
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em;text-align:left}\
@media print{body{margin:0;max-width:none}h2{break-after:avoid}section{break-inside:avoid}a{color:#111}}";

/// One self-contained HTML file (inline style, no scripts) that prints cleanly.
pub fn html(d: &Document, t: &Timeline) -> String {
    let order = bibliography(d);
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        escape(&d.title),
        escape(&d.title)
    );
    if let Some(s) = &d.summary {
        let _ = writeln!(out, "<p>{}</p>", escape(s));
    }
    if !d.meta.is_empty() {
        let meta: Vec<String> = d
            .meta
            .iter()
            .map(|(k, v)| format!("<b>{}:</b> {}", escape(k), escape(v)))
            .collect();
        let _ = writeln!(out, "<p>{}</p>", meta.join(" · "));
    }
    if let Some(h) = &t.horizon {
        let _ = writeln!(out, "<p class=\"facts\">{}</p>", escape(&h.sentence()));
    }
    for s in &d.sections {
        let _ = writeln!(out, "<section>\n<h2>{}</h2>", escape(&s.heading));
        if let Some(p) = s.prompt {
            let _ = writeln!(out, "<p class=\"question\">Question: {}</p>", escape(p));
        }
        if let Some(chart) = &s.chart {
            let _ = writeln!(out, "<pre class=\"chart\">{}</pre>\n<ul>", escape(chart));
            for e in &s.events {
                let _ = writeln!(out, "<li>{}</li>", escape(&chart_entry(e, &order)));
            }
            out.push_str("</ul>\n");
        }
        for e in s.events.iter().filter(|_| s.chart.is_none()) {
            if s.events.len() > 1 {
                let _ = writeln!(out, "<h3>{}</h3>", escape(&e.title));
            }
            let _ = writeln!(
                out,
                "<p class=\"facts\">{}</p>\n<p>{}</p>",
                escape(&event_facts(e)),
                cited_html(&e.summary, e, &order)
            );
            if let Some(details) = details_of(e) {
                let _ = writeln!(out, "<p>{}</p>", cited_html(details, e, &order));
            }
            if let Some(note) = &e.note {
                let _ = writeln!(
                    out,
                    "<p class=\"facts\"><b>Compilers' note:</b> {}</p>",
                    escape(note)
                );
            }
            for line in t.disagreements(e) {
                let _ = writeln!(
                    out,
                    "<p class=\"disputed\">Sources disagree: {}</p>",
                    escape(&line)
                );
            }
            if !e.figures.is_empty() {
                out.push_str(
                    "<table><tr><th>Figure</th><th>Value</th><th>Period</th><th>Given by</th></tr>\n",
                );
                for f in &e.figures {
                    let (l, v, p, w) = figure_line(t, e, f);
                    let _ = writeln!(
                        out,
                        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                        escape(&l),
                        escape(&v),
                        escape(&p),
                        escape(&w)
                    );
                }
                out.push_str("</table>\n");
            }
            for c in &e.sources {
                let n = number(&order, &c.source);
                let _ = writeln!(
                    out,
                    "<blockquote>{} <a href=\"#source-{n}\">[{n}]</a></blockquote>",
                    escape(&c.quoted())
                );
            }
        }
        if let Some(n) = s.notes {
            let _ = writeln!(
                out,
                "<p class=\"notes\"><b>Teacher's notes:</b> {}</p>",
                escape(n)
            );
        }
        out.push_str("</section>\n");
    }
    if !d.terms.is_empty() {
        out.push_str("<h2>Glossary</h2>\n<dl>\n");
        for term in &d.terms {
            let cites: Vec<String> = term_numbers(&order, term)
                .iter()
                .map(|n| format!("<a href=\"#source-{n}\">[{n}]</a>"))
                .collect();
            let _ = writeln!(
                out,
                "<dt>{}</dt><dd>{} {}</dd>",
                escape(&term_name(term)),
                escape(&term.definition),
                cites.join(" ")
            );
        }
        out.push_str("</dl>\n");
    }
    out.push_str("<h2>Sources</h2>\n<ol>\n");
    for (i, id) in order.iter().enumerate() {
        if let Some(src) = t.source(id) {
            let title = if src.title_is_label {
                format!("[{}]", escape(&src.title))
            } else {
                format!("<i>{}</i>", escape(&src.title))
            };
            let _ = write!(
                out,
                "<li id=\"source-{}\">{}, {title}",
                i + 1,
                escape(&src.publisher),
            );
            if let Some(u) = &src.url {
                // A web address is a link, as in the Markdown handout.
                let shown = match super::html::web_url(u) {
                    Some(_) => super::html::link(u, u),
                    None => escape(u),
                };
                let _ = write!(out, ". {shown}");
            } else if let Some(place) = &src.locator {
                let _ = write!(out, ". At {}", escape(place));
            }
            out.push_str("</li>\n");
        }
    }
    out.push_str("</ol>\n</body>\n</html>\n");
    out
}
