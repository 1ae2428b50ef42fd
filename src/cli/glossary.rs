//! `glossary`: the terms a reader may not know, listed, or one shown in
//! full with its sources.

use super::args::ShowFormat;
use super::data::load_timeline;
use super::io::{emit, EXIT_USAGE};
use crate::timeline::model::{Term, Timeline};
use std::fmt::Write;
use std::path::PathBuf;

pub(super) fn glossary(data: &[PathBuf], term: Option<&str>, format: ShowFormat) -> Result<(), u8> {
    let timeline = load_timeline(data)?;
    let Some(wanted) = term else {
        return emit(&list(&timeline, format));
    };
    let Some(found) = timeline.term_named(wanted) else {
        // Suggested from every way of naming a term, folded as matching is.
        let names: Vec<String> = timeline
            .terms()
            .iter()
            .flat_map(|t| std::iter::once(t.id.as_str()).chain(t.names()))
            .map(crate::text::fold)
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let hint = crate::text::did_you_mean(&crate::text::fold(wanted), &names)
            .map(|h| format!(" ({h})"))
            .unwrap_or_default();
        errln!(
            "tipline: no glossary term `{}`{hint}; `tipline glossary` lists them",
            crate::text::sanitize_line(wanted)
        );
        return Err(EXIT_USAGE);
    };
    emit(&show(&timeline, found, format))
}

/// Every term, one line each: its name and the definition's first sentence.
pub fn list(t: &Timeline, format: ShowFormat) -> String {
    if format == ShowFormat::Json {
        let terms: Vec<serde_json::Value> = t.terms().iter().map(|term| term_json(t, term)).collect();
        return json(&serde_json::Value::Array(terms));
    }
    let mut out = String::new();
    for term in t.terms() {
        let _ = writeln!(out, "{} — {}", title(term), term.first_sentence());
        let _ = writeln!(out, "  {}", term.id);
    }
    let _ = writeln!(
        out,
        "{} term(s); `tipline glossary TERM` shows one",
        t.terms().len()
    );
    out
}

/// The name with its abbreviation, as a heading says it.
fn title(term: &Term) -> String {
    match &term.short {
        Some(s) if !term.name.contains(s.as_str()) => format!("{} ({s})", term.name),
        _ => term.name.clone(),
    }
}

/// One term: its definition, sources with quotes, and related terms.
pub fn show(t: &Timeline, term: &Term, format: ShowFormat) -> String {
    if format == ShowFormat::Json {
        return json(&term_json(t, term));
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", title(term));
    let _ = writeln!(out, "  Id:       {}", term.id);
    if !term.aliases.is_empty() {
        let _ = writeln!(out, "  Also:     {}", term.aliases.join("; "));
    }
    let _ = writeln!(out, "\n{}", term.definition);
    super::output::write_sources(&mut out, t, &term.sources);
    if !term.see.is_empty() {
        let _ = writeln!(out, "\nSee also");
        for id in &term.see {
            let name = t.term(id).map_or(id.as_str(), |s| s.name.as_str());
            let _ = writeln!(out, "  {id} — {name}");
        }
    }
    out
}

fn term_json(t: &Timeline, term: &Term) -> serde_json::Value {
    let sources: Vec<serde_json::Value> = term
        .sources
        .iter()
        .map(|c| {
            let s = t.source(&c.source);
            serde_json::json!({
                "source": c.source,
                "quote": c.quote,
                "publisher": s.map(|s| s.publisher.as_str()),
                "title": s.map(|s| s.title.as_str()),
                "title_is_label": s.map(|s| s.title_is_label),
                "url": s.and_then(|s| s.url.as_deref()),
            })
        })
        .collect();
    serde_json::json!({
        "id": term.id,
        "name": term.name,
        "short": term.short,
        "aliases": term.aliases,
        "definition": term.definition,
        "sources": sources,
        "see": term.see,
    })
}

fn json(value: &serde_json::Value) -> String {
    // serde_json escapes every control character, so no escape sequence survives.
    let mut s = serde_json::to_string_pretty(value).expect("plain data serialises");
    s.push('\n');
    s
}
