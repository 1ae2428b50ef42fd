//! `list`, `show` and `facets`: the timeline printed, filtered or counted.

use super::args::{FilterArgs, ListFormat, ShowFormat};
use super::data::{known_values, load_timeline, query_of};
use super::io::{emit, EXIT_USAGE};
use super::output;
use crate::query::facets::FacetCounts;
use std::path::PathBuf;

pub(super) fn list(
    data: &[PathBuf],
    global: &FilterArgs,
    filter: &FilterArgs,
    format: ListFormat,
) -> Result<(), u8> {
    let query = query_of(global)?.and(query_of(filter)?);
    let timeline = load_timeline(data)?;
    known_values(&query, &timeline)?;
    let hits = query.filter(&timeline);
    emit(&output::list(&timeline, &hits, format))
}

pub(super) fn show(data: &[PathBuf], id: &str, format: ShowFormat) -> Result<(), u8> {
    let timeline = load_timeline(data)?;
    let Some(event) = timeline.event(id) else {
        let ids: Vec<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
        let hint = crate::text::did_you_mean(id, &ids)
            .map(|h| format!(" ({h})"))
            .unwrap_or_default();
        errln!(
            "tipline: no event with id `{}`{hint}",
            crate::text::sanitize_line(id)
        );
        return Err(EXIT_USAGE);
    };
    emit(&output::show(&timeline, event, format))
}

/// What the data holds and how far its sources reach. The JSON is one
/// object, so `list --format json` keeps its array of events.
pub(super) fn about(data: &[PathBuf], format: ShowFormat) -> Result<(), u8> {
    let timeline = load_timeline(data)?;
    let files: Vec<String> = if data.is_empty() {
        crate::load::EMBEDDED
            .iter()
            .map(|(name, _)| name.to_string())
            .collect()
    } else {
        data.iter()
            .map(|p| crate::text::sanitize_line(&p.display().to_string()).into_owned())
            .collect()
    };
    let years = timeline.events.iter().map(|e| e.date.year_number());
    let (first, last) = (years.clone().min(), years.max());
    let h = timeline.horizon.as_ref();
    let text = match format {
        ShowFormat::Json => {
            let value = serde_json::json!({
                "program": env!("CARGO_PKG_VERSION"),
                "embedded": data.is_empty(),
                "files": files,
                "events": timeline.events.len(),
                "sources": timeline.sources.len(),
                "actors": timeline.actors.len(),
                "first_year": first,
                "last_year": last,
                "sources_checked_to": h.map(|h| h.iso),
                "excerpts_checked": h.map(|h| h.checked),
                "not_covered": h.map(|h| h.not_covered),
                "horizon": h.map(|h| h.sentence()),
            });
            format!("{}\n", serde_json::to_string_pretty(&value).unwrap_or_default())
        }
        ShowFormat::Text => {
            let span = match (first, last) {
                (Some(a), Some(b)) => format!(" from {a} to {b}"),
                _ => String::new(),
            };
            let mut out = format!(
                "tipline {}\n{} events{span}, {} sources, {} actors, in {}\n",
                env!("CARGO_PKG_VERSION"),
                timeline.events.len(),
                timeline.sources.len(),
                timeline.actors.len(),
                files.join(", ")
            );
            match h {
                Some(h) => out.push_str(&format!(
                    "{}\nExcerpts checked against their pages on {}.\n",
                    h.sentence(),
                    h.checked
                )),
                None => out.push_str("How far these files' sources reach is not recorded in them.\n"),
            }
            out
        }
    };
    emit(&text)
}

pub(super) fn facets(
    data: &[PathBuf],
    global: &FilterArgs,
    filter: &FilterArgs,
    format: ShowFormat,
) -> Result<(), u8> {
    let query = query_of(global)?.and(query_of(filter)?);
    let timeline = load_timeline(data)?;
    known_values(&query, &timeline)?;
    let counts = FacetCounts::of(&timeline, &query.filter(&timeline));
    emit(&output::facets(&timeline, &counts, format))
}
