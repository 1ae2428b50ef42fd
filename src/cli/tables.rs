//! `figures` and `rankings`: the timeline's numbers and the US TIP ranking
//! track as rows, aligned for a terminal, or as CSV and JSON for the
//! spreadsheets and scripts readers take them into.

use super::args::{FilterArgs, RankingFormat, TableFormat};
use super::data::{known_values, load_timeline, query_of};
use super::io::emit;
use super::output::not_a_formula;
use crate::text::width::Columns;
use crate::timeline::model::{Event, EventKind, Figure, Timeline};
use serde::Serialize;
use std::fmt::Write;
use std::path::PathBuf;

pub(super) fn figures(
    data: &[PathBuf],
    global: &FilterArgs,
    filter: &FilterArgs,
    format: TableFormat,
) -> Result<(), u8> {
    let query = query_of(global)?.and(query_of(filter)?);
    let timeline = load_timeline(data)?;
    known_values(&query, &timeline)?;
    emit(&figures_text(&timeline, &query.filter(&timeline), format))
}

pub(super) fn rankings(
    data: &[PathBuf],
    global: &FilterArgs,
    filter: &FilterArgs,
    format: RankingFormat,
) -> Result<(), u8> {
    let query = query_of(global)?.and(query_of(filter)?);
    let timeline = load_timeline(data)?;
    known_values(&query, &timeline)?;
    let hits = query.filter(&timeline);
    let table = match format {
        RankingFormat::Table => TableFormat::Table,
        RankingFormat::Csv => TableFormat::Csv,
        RankingFormat::Json => TableFormat::Json,
        RankingFormat::Chart => {
            use std::io::IsTerminal;
            let width = match crossterm::terminal::size() {
                Ok((columns, _)) if std::io::stdout().is_terminal() => usize::from(columns),
                _ => 80,
            };
            return emit(&tiers_chart_text(&timeline, &hits, width));
        }
    };
    emit(&rankings_text(&timeline, &hits, table))
}

/// The tier over the years as a step chart of `width` columns, with what
/// it shows and where its tiers come from.
pub fn tiers_chart_text(t: &Timeline, hits: &[usize], width: usize) -> String {
    let track = crate::timeline::tiers::TierTrack::of(t, hits);
    let mut out = String::from("US TIP report tier by year, best at the top\n\n");
    out.push_str(&track.chart(width).text());
    if !track.years.is_empty() {
        out.push_str("\nEach tier as the cited sources state it; `tipline rankings` lists them.\n");
    }
    out
}

/// One value of one figure: the figure's own value, or another value other
/// sources give for the same thing. Its field names are the CSV's header
/// and the JSON's keys, and scripts depend on them.
#[derive(Serialize)]
struct FigureRow<'a> {
    event: &'a str,
    edtf: String,
    label: &'a str,
    value: f64,
    unit: Option<&'a str>,
    period: Option<&'a str>,
    /// "according to Sar Kheng" or "reported by The Phnom Penh Post", the
    /// words `show`, the app and the handouts use.
    given_by: String,
    sources: Vec<&'a str>,
    corroboration: &'a str,
}

/// The sources a value rests on: those the figure names, or, when it names
/// none, every source the event cites (the rule `figure_reported_by` follows).
fn value_sources<'a>(e: &'a Event, named: &'a [String]) -> Vec<&'a str> {
    let all: Vec<&str> = if named.is_empty() {
        e.sources.iter().map(|c| c.source.as_str()).collect()
    } else {
        named.iter().map(String::as_str).collect()
    };
    let mut once: Vec<&str> = Vec::new();
    for id in all {
        if !once.contains(&id) {
            once.push(id);
        }
    }
    once
}

fn figure_rows<'a>(t: &'a Timeline, hits: &[usize]) -> Vec<FigureRow<'a>> {
    let mut rows = Vec::new();
    for e in hits.iter().map(|&i| &t.events[i]) {
        for f in &e.figures {
            let row = |value: f64, given_by: String, sources: Vec<&'a str>| FigureRow {
                event: &e.id,
                edtf: e.edtf(),
                label: &f.label,
                value,
                unit: f.unit.as_deref(),
                period: f.period.as_deref(),
                given_by,
                sources,
                corroboration: e.corroboration.as_str(),
            };
            // A disputed figure no official gave has no one voice for all
            // its values; each value is then said by its own publishers.
            let given_by = t
                .figure_source(e, f)
                .unwrap_or_else(|| t.figure_reported_by(e, f));
            rows.push(row(f.value, given_by, value_sources(e, &f.sources)));
            for a in &f.alternatives {
                // Another value comes from other sources, never from the
                // official the figure's own value is attributed to.
                let other = Figure {
                    value: a.value,
                    according_to: None,
                    sources: a.sources.clone(),
                    alternatives: Vec::new(),
                    ..f.clone()
                };
                let given_by = t.figure_reported_by(e, &other);
                rows.push(row(a.value, given_by, value_sources(e, &a.sources)));
            }
        }
    }
    rows
}

/// A number as data: no thousands separators, no trailing `.0` on counts.
fn plain_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

pub fn figures_text(t: &Timeline, hits: &[usize], format: TableFormat) -> String {
    let rows = figure_rows(t, hits);
    let cells = |r: &FigureRow, value: String, sep: &str| {
        vec![
            r.event.to_string(),
            r.edtf.clone(),
            r.label.to_string(),
            value,
            r.unit.unwrap_or_default().to_string(),
            r.period.unwrap_or_default().to_string(),
            r.given_by.clone(),
            r.sources.join(sep),
            r.corroboration.to_string(),
        ]
    };
    match format {
        TableFormat::Json => json(&rows),
        TableFormat::Csv => {
            let header = [
                "event",
                "edtf",
                "label",
                "value",
                "unit",
                "period",
                "given_by",
                "sources",
                "corroboration",
            ];
            let body = rows.iter().map(|r| cells(r, plain_number(r.value), "; "));
            csv(&header, &[3], body)
        }
        TableFormat::Table => {
            let header = [
                "EVENT",
                "DATE",
                "LABEL",
                "VALUE",
                "UNIT",
                "PERIOD",
                "GIVEN BY",
                "SOURCES",
                "CORROBORATION",
            ];
            let body = rows.iter().map(|r| cells(r, r.value_text(), ", "));
            aligned(&header, &[3], body)
        }
    }
}

impl FigureRow<'_> {
    /// The value as `show` writes it (`1,122`), for people.
    fn value_text(&self) -> String {
        crate::timeline::model::number_text(self.value)
    }
}

/// One year of the US TIP report's ranking of Cambodia.
#[derive(Serialize)]
struct RankingRow<'a> {
    year: i32,
    tier: Option<&'a str>,
    /// The release date in EDTF, never surer than the sources.
    edtf: String,
    /// exact, approximate, uncertain or disputed, as `list --format json`.
    certainty: &'a str,
    /// "stated" when a quote gives the date, "derived" when the compilers
    /// worked it out (the event's `derived` note says how).
    established: &'a str,
    sources: Vec<&'a str>,
    event: &'a str,
}

fn ranking_rows<'a>(t: &'a Timeline, hits: &[usize]) -> Vec<RankingRow<'a>> {
    hits.iter()
        .map(|&i| &t.events[i])
        .filter(|e| e.kind == EventKind::Ranking)
        .map(|e| RankingRow {
            year: e.date.year_number(),
            tier: e.ranking.as_deref(),
            edtf: e.edtf(),
            certainty: e.certainty().as_str(),
            established: if e.dating.derived.is_some() {
                "derived"
            } else {
                "stated"
            },
            sources: value_sources(e, &[]),
            event: &e.id,
        })
        .collect()
}

pub fn rankings_text(t: &Timeline, hits: &[usize], format: TableFormat) -> String {
    let rows = ranking_rows(t, hits);
    let cells = |r: &RankingRow, sep: &str| {
        vec![
            r.year.to_string(),
            r.tier.unwrap_or_default().to_string(),
            r.edtf.clone(),
            r.certainty.to_string(),
            r.established.to_string(),
            r.sources.join(sep),
            r.event.to_string(),
        ]
    };
    match format {
        TableFormat::Json => json(&rows),
        TableFormat::Csv => {
            let header = [
                "year",
                "tier",
                "edtf",
                "certainty",
                "established",
                "sources",
                "event",
            ];
            csv(&header, &[0], rows.iter().map(|r| cells(r, "; ")))
        }
        TableFormat::Table => {
            let header = [
                "YEAR",
                "TIER",
                "RELEASED",
                "CERTAINTY",
                "ESTABLISHED",
                "SOURCES",
                "EVENT",
            ];
            aligned(&header, &[], rows.iter().map(|r| cells(r, ", ")))
        }
    }
}

fn json<T: Serialize>(value: &T) -> String {
    // serde_json escapes every control character, so no escape sequence survives.
    let mut s = serde_json::to_string_pretty(value).expect("plain data serialises");
    s.push('\n');
    s
}

/// RFC 4180 through the `csv` crate, a header row first. Every text cell is
/// kept from running as a spreadsheet formula; the `numbers` columns are
/// written as numbers, since a leading `'` would make `-3` text and a
/// number is no formula.
fn csv(header: &[&str], numbers: &[usize], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(header);
    for row in rows {
        let guarded = row.iter().enumerate().map(|(i, cell)| {
            if numbers.contains(&i) {
                cell.clone()
            } else {
                not_a_formula(cell).into_owned()
            }
        });
        let _ = w.write_record(guarded);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Columns padded to their widest cell (the last one left ragged), the
/// `right` ones aligned right as numbers are. Every cell is sanitised here,
/// where the text meets the terminal.
fn aligned(header: &[&str], right: &[usize], rows: impl Iterator<Item = Vec<String>>) -> String {
    let rows: Vec<Vec<String>> = rows
        .map(|r| {
            r.iter()
                .map(|c| crate::text::sanitize_line(c).into_owned())
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.columns()).collect();
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.columns());
        }
    }
    let mut out = String::new();
    let last = header.len().saturating_sub(1);
    let mut line = |cells: Vec<&str>| {
        let mut text = String::new();
        for (i, cell) in cells.into_iter().enumerate() {
            let gap = " ".repeat(widths[i].saturating_sub(cell.columns()));
            if i > 0 {
                text.push_str("  ");
            }
            if right.contains(&i) {
                text.push_str(&gap);
                text.push_str(cell);
            } else if i < last {
                text.push_str(cell);
                text.push_str(&gap);
            } else {
                text.push_str(cell);
            }
        }
        let _ = writeln!(out, "{}", text.trim_end());
    };
    line(header.to_vec());
    for r in &rows {
        line(r.iter().map(String::as_str).collect());
    }
    out
}
