//! How the CLI prints events: aligned tables for people, JSON and CSV for
//! scripts (their field names are a promise), Markdown for notes.

use super::args::{ListFormat, ShowFormat};
use crate::query::facets::FacetCounts;
use crate::text::width::Columns;
use crate::timeline::model::{Citation, Event, Timeline};
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct FigureJson<'a> {
    label: &'a str,
    value: f64,
    unit: Option<&'a str>,
    period: Option<&'a str>,
    according_to: Option<&'a str>,
    /// Source ids giving `value`; empty when the figure is not disputed and names none.
    sources: &'a [String],
    /// Other values other sources give: `{ "value": 84, "sources": [...] }`.
    alternatives: &'a [crate::timeline::model::Alternative],
}

#[derive(Serialize)]
struct SourceJson<'a> {
    source: &'a str,
    quote: &'a str,
    publisher: &'a str,
    title: &'a str,
    /// True when `title` is the compilers' description, not the page's title.
    title_is_label: bool,
    url: Option<&'a str>,
    locator: Option<&'a str>,
    archive_url: Option<&'a str>,
    published: Option<String>,
    /// Where `published` was found: "material" or "address" (the page's address).
    published_from: Option<&'static str>,
    accessed: Option<String>,
    language: Option<&'a str>,
}

#[derive(Serialize)]
struct RelatedJson<'a> {
    id: &'a str,
    relation: &'a str,
}

/// The JSON shape of an event. Scripts depend on these names.
#[derive(Serialize)]
struct EventJson<'a> {
    id: &'a str,
    date: String,
    end: Option<String>,
    precision: crate::timeline::date::Precision,
    title: &'a str,
    kind: &'a str,
    actors: Vec<&'a str>,
    actor_ids: &'a [String],
    location: Option<&'a str>,
    summary: &'a str,
    details: Option<&'a str>,
    /// The compilers' own reasoning, apart from the summary.
    note: Option<&'a str>,
    /// Each sentence of `summary` and `details`, with the ids of the sources
    /// its citation markers name.
    sentences: Vec<SentenceJson<'a>>,
    figures: Vec<FigureJson<'a>>,
    sources: Vec<SourceJson<'a>>,
    tags: &'a [String],
    related: Vec<RelatedJson<'a>>,
    corroboration: &'a str,
    ranking: Option<&'a str>,
    /// The dates in EDTF (ISO 8601-2): qualifiers, sets of days, open ends.
    edtf: String,
    /// exact, approximate, uncertain or disputed.
    certainty: &'a str,
    derived: Option<&'a str>,
    disputes: &'a [crate::timeline::model::Dispute],
}

fn actor_name<'a>(t: &'a Timeline, id: &'a str) -> &'a str {
    t.actor(id).map_or(id, |a| a.name.as_str())
}

#[derive(Serialize)]
struct SentenceJson<'a> {
    /// `summary` or `details`.
    field: &'static str,
    text: &'a str,
    /// The markers as written: places in the event's `sources`, from 1.
    cites: Vec<usize>,
    /// The ids of the sources those citations quote, each once.
    sources: Vec<&'a str>,
}

/// The sentences of an event's prose with the sources each cites.
fn sentences_json(e: &Event) -> Vec<SentenceJson<'_>> {
    let mut out = Vec::new();
    for (field, text) in [
        ("summary", Some(e.summary.as_str())),
        ("details", e.details.as_deref()),
    ] {
        for s in crate::load::provenance::sentences(text.unwrap_or_default()) {
            let mut sources: Vec<&str> = Vec::new();
            for c in s.cites.iter().filter_map(|&n| e.sources.get(n.wrapping_sub(1))) {
                if !sources.contains(&c.source.as_str()) {
                    sources.push(c.source.as_str());
                }
            }
            out.push(SentenceJson {
                field,
                text: s.text,
                cites: s.cites,
                sources,
            });
        }
    }
    out
}

fn event_json<'a>(t: &'a Timeline, e: &'a Event) -> EventJson<'a> {
    EventJson {
        id: &e.id,
        date: e.date.to_string(),
        end: e.end.map(|d| d.to_string()),
        precision: e.date.precision(),
        title: &e.title,
        kind: e.kind.as_str(),
        actors: e.actors.iter().map(|a| actor_name(t, a)).collect(),
        actor_ids: &e.actors,
        location: e.location.as_deref(),
        summary: &e.summary,
        details: e.details.as_deref(),
        note: e.note.as_deref(),
        sentences: sentences_json(e),
        figures: e
            .figures
            .iter()
            .map(|f| FigureJson {
                label: &f.label,
                value: f.value,
                unit: f.unit.as_deref(),
                period: f.period.as_deref(),
                according_to: f.according_to.as_deref().map(|a| actor_name(t, a)),
                sources: &f.sources,
                alternatives: &f.alternatives,
            })
            .collect(),
        sources: e
            .sources
            .iter()
            .map(|c| {
                let s = t.source(&c.source);
                SourceJson {
                    source: &c.source,
                    quote: &c.quote,
                    publisher: s.map_or("", |s| s.publisher.as_str()),
                    title: s.map_or("", |s| s.title.as_str()),
                    title_is_label: s.is_some_and(|s| s.title_is_label),
                    url: s.and_then(|s| s.url.as_deref()),
                    locator: s.and_then(|s| s.locator.as_deref()),
                    archive_url: s.and_then(|s| s.archive_url.as_deref()),
                    published: s.and_then(|s| s.published).map(|d| d.to_string()),
                    published_from: s.filter(|s| s.published.is_some()).map(|s| {
                        if s.published_from_address {
                            "address"
                        } else {
                            "material"
                        }
                    }),
                    accessed: s.and_then(|s| s.accessed).map(|d| d.to_string()),
                    language: s.and_then(|s| s.language.as_deref()),
                }
            })
            .collect(),
        tags: &e.tags,
        related: e
            .related
            .iter()
            .map(|l| RelatedJson {
                id: &l.event,
                relation: l.relation.as_str(),
            })
            .collect(),
        corroboration: e.corroboration.as_str(),
        ranking: e.ranking.as_deref(),
        edtf: e.edtf(),
        certainty: e.certainty().as_str(),
        derived: e.dating.derived.as_deref(),
        disputes: &e.disputes,
    }
}

fn json<T: Serialize>(value: &T) -> String {
    // serde_json escapes every control character, so no escape sequence survives.
    let mut s = serde_json::to_string_pretty(value).expect("plain data serialises");
    s.push('\n');
    s
}

fn pad(text: &str, width: usize) -> String {
    let w = text.columns();
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

pub fn list(t: &Timeline, hits: &[usize], format: ListFormat) -> String {
    let events = hits.iter().map(|&i| &t.events[i]);
    match format {
        ListFormat::Json => json(&events.map(|e| event_json(t, e)).collect::<Vec<_>>()),
        ListFormat::Csv => csv(t, events),
        ListFormat::Markdown => {
            let mut out = String::from("| Date | Kind | Title | Id |\n|---|---|---|---|\n");
            let cell = crate::interop::markdown::inline;
            for e in events {
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | `{}` |",
                    cell(&e.date_text()),
                    e.kind,
                    cell(&e.title),
                    e.id
                );
            }
            let _ = writeln!(out, "\n{} of {} events", hits.len(), t.events.len());
            out
        }
        ListFormat::Table => {
            let rows: Vec<[String; 4]> = events
                .map(|e| [e.date_text(), e.kind.to_string(), e.id.clone(), e.title.clone()])
                .collect();
            let mut widths = [4usize, 4, 2];
            for r in &rows {
                for (w, cell) in widths.iter_mut().zip(r.iter()) {
                    *w = (*w).max(cell.columns());
                }
            }
            let mut out = String::new();
            let header = ["DATE", "KIND", "ID", "TITLE"];
            let line = |out: &mut String, r: [&str; 4]| {
                let _ = writeln!(
                    out,
                    "{}  {}  {}  {}",
                    pad(r[0], widths[0]),
                    pad(r[1], widths[1]),
                    pad(r[2], widths[2]),
                    r[3]
                );
            };
            line(&mut out, header);
            for r in &rows {
                line(&mut out, [&r[0], &r[1], &r[2], &r[3]]);
            }
            let _ = writeln!(out, "{} of {} events", rows.len(), t.events.len());
            out
        }
    }
}

/// A cell a spreadsheet would run as a formula (starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return) gets a leading `'`, the OWASP rule
/// for CSV injection; every other cell is written as it is.
pub(super) fn not_a_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

fn csv<'a>(t: &Timeline, events: impl Iterator<Item = &'a Event>) -> String {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let header = [
        "id",
        "date",
        "end",
        "title",
        "kind",
        "actors",
        "location",
        "summary",
        "tags",
        "sources",
        "corroboration",
        // Added after the first columns, so scripts that read by position
        // keep working; `corroboration` was already there.
        "certainty",
        "edtf",
        "ranking",
        "source_count",
    ];
    let _ = w.write_record(header);
    for e in events {
        let actors: Vec<&str> = e.actors.iter().map(|a| actor_name(t, a)).collect();
        // Each source once, in the order the event first cites it.
        let mut sources: Vec<String> = Vec::new();
        for s in e.sources.iter().filter_map(|c| t.source(&c.source)) {
            let at = s.url.clone().unwrap_or_else(|| s.publisher.clone());
            if !sources.contains(&at) {
                sources.push(at);
            }
        }
        let mut cited: Vec<&str> = e.sources.iter().map(|c| c.source.as_str()).collect();
        cited.sort_unstable();
        cited.dedup();
        let _ = w.write_record(
            [
                e.id.as_str(),
                &e.date.to_string(),
                &e.end.map(|d| d.to_string()).unwrap_or_default(),
                &e.title,
                e.kind.as_str(),
                &actors.join("; "),
                e.location.as_deref().unwrap_or(""),
                &e.summary,
                &e.tags.join("; "),
                &sources.join("; "),
                e.corroboration.as_str(),
                e.certainty().as_str(),
                &e.edtf(),
                e.ranking.as_deref().unwrap_or(""),
                &cited.len().to_string(),
            ]
            .map(|c| not_a_formula(c).into_owned()),
        );
    }
    let mut out = String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default();
    // How far the sources reach, after the rows, so the first line stays the
    // header: a comment line (pandas' `comment="#"` skips it) with no comma
    // or quote, so a CSV reader that keeps it sees one cell starting with
    // `#`, which no event id does.
    if let Some(h) = &t.horizon {
        let said: String = h
            .sentence()
            .chars()
            .map(|c| match c {
                ',' => ';',
                '"' => '\'',
                c => c,
            })
            .collect();
        out.push_str(&format!("# {said}\n"));
    }
    out
}

pub fn show(t: &Timeline, e: &Event, format: ShowFormat) -> String {
    if format == ShowFormat::Json {
        return json(&event_json(t, e));
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", e.title);
    let _ = writeln!(out, "  Date:     {} ({})", e.date_text(), e.date_words());
    let _ = writeln!(out, "  Kind:     {}", e.kind);
    let _ = writeln!(out, "  Id:       {}", e.id);
    if let Some(l) = &e.location {
        let _ = writeln!(out, "  Location: {l}");
    }
    if let Some(r) = &e.ranking {
        let _ = writeln!(out, "  Ranking:  {r}");
    }
    let _ = writeln!(out, "  Sources:  {}", t.sourcing_words(e));
    for line in t.disagreements(e) {
        let _ = writeln!(out, "            ≠ {line}");
    }
    if !e.actors.is_empty() {
        let _ = writeln!(out, "\nActors");
        for id in &e.actors {
            match t.actor(id) {
                Some(a) => {
                    let roles: Vec<&str> = t.roles_at(a, e).map(|r| r.title.as_str()).collect();
                    if roles.is_empty() {
                        let _ = writeln!(out, "  {}", a.name);
                    } else {
                        let _ = writeln!(out, "  {} ({})", a.name, roles.join("; "));
                    }
                }
                None => {
                    let _ = writeln!(out, "  {id}");
                }
            }
        }
    }
    let _ = writeln!(out, "\n{}", e.summary);
    if let Some(d) = &e.details {
        let _ = writeln!(out, "\n{d}");
    }
    if let Some(note) = &e.note {
        let _ = writeln!(out, "\nCompilers' note: {note}");
    }
    if !e.figures.is_empty() {
        let _ = writeln!(out, "\nFigures");
        // Each a phrase, its number (and what qualifies it) first, the
        // numbers aligned: "more than 1,000 suspects arrested this week".
        let words: Vec<_> = e.figures.iter().map(|f| f.words()).collect();
        let vw = words.iter().map(|w| w.number.columns()).max().unwrap_or(0);
        for (f, w) in e.figures.iter().zip(words) {
            let mut line = format!("  {:>vw$} {}", w.number, w.counts);
            if let Some(p) = &f.period {
                let _ = write!(line, ", {p}");
            }
            if let Some(who) = t.figure_source(e, f) {
                // A phrase ending in its own parenthesis (a unit that
                // qualifies the count) takes who gave it inside: one pair
                // of brackets, not two side by side.
                match line.strip_suffix(')') {
                    Some(open) => line = format!("{open}; {who})"),
                    None => {
                        let _ = write!(line, " ({who})");
                    }
                }
            }
            let _ = writeln!(out, "{line}");
        }
    }
    write_sources(&mut out, t, &e.sources);
    // The links the event states, then those other events state about it.
    let links = t.event_position(&e.id).map(|p| t.links(p)).unwrap_or_default();
    if !links.is_empty() {
        let _ = writeln!(out, "\nRelated");
        for l in links {
            let other = &t.events[l.position];
            let _ = writeln!(out, "  {} {} — {}", l.words, other.id, other.title);
        }
    }
    if !e.tags.is_empty() {
        let _ = writeln!(out, "\nTags: {}", e.tags.join(", "));
    }
    let terms = t.terms_of(e);
    if !terms.is_empty() {
        // Abbreviations where there are any: a line, not a second glossary.
        let names: Vec<&str> = terms
            .iter()
            .map(|x| x.short.as_deref().unwrap_or(&x.name))
            .collect();
        let _ = writeln!(out, "\nTerms: {} (see `tipline glossary`)", names.join(", "));
    }
    out
}

pub fn facets(t: &Timeline, c: &FacetCounts, format: ShowFormat) -> String {
    if format == ShowFormat::Json {
        let value = serde_json::json!({
            "years": c.years.iter().map(|(y, n)| serde_json::json!({"year": y, "count": n})).collect::<Vec<_>>(),
            "actors": c.actors.iter()
                .map(|(id, n)| serde_json::json!({"id": id, "name": actor_name(t, id), "count": n}))
                .collect::<Vec<_>>(),
            "kinds": c.kinds.iter().map(|(k, n)| serde_json::json!({"kind": k, "count": n})).collect::<Vec<_>>(),
            "tags": c.tags.iter().map(|(k, n)| serde_json::json!({"tag": k, "count": n})).collect::<Vec<_>>(),
        });
        return json(&value);
    }
    let mut out = String::new();
    let section = |out: &mut String, title: &str, rows: Vec<(String, usize)>| {
        let _ = writeln!(out, "{title}");
        let w = rows.iter().map(|r| r.0.columns()).max().unwrap_or(0);
        for (label, n) in rows {
            let _ = writeln!(out, "  {}  {n:>3}", pad(&label, w));
        }
        out.push('\n');
    };
    section(
        &mut out,
        "Years",
        c.years.iter().map(|(y, n)| (y.to_string(), *n)).collect(),
    );
    section(
        &mut out,
        "Actors",
        c.actors
            .iter()
            .map(|(id, n)| (format!("{} ({id})", actor_name(t, id)), *n))
            .collect(),
    );
    section(
        &mut out,
        "Kinds",
        c.kinds.iter().map(|(k, n)| (k.to_string(), *n)).collect(),
    );
    section(
        &mut out,
        "Tags",
        c.tags.iter().map(|(k, n)| (k.clone(), *n)).collect(),
    );
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

/// Each citation's quote with its source, numbered, as `show` and
/// `glossary` print them.
pub(super) fn write_sources(out: &mut String, t: &Timeline, sources: &[Citation]) {
    let _ = writeln!(out, "\nSources");
    for (n, c) in sources.iter().enumerate() {
        let _ = writeln!(out, "  [{}] {}", n + 1, c.quoted());
        if let Some(s) = t.source(&c.source) {
            let mut cited = format!("{}, {}", s.publisher, s.shown_title());
            if let Some(d) = crate::interop::citations::published_in_full(s) {
                let _ = write!(cited, ", {d}");
            }
            let _ = writeln!(out, "      — {cited}");
            if let Some(u) = &s.url {
                let _ = writeln!(out, "      {u}");
            } else if let Some(place) = &s.locator {
                let _ = writeln!(out, "      at {place} (no web address in the material)");
            }
            if let Some(a) = &s.archive_url {
                let _ = writeln!(out, "      archived: {a}");
            }
        }
    }
}
