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
