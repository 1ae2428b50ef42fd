//! `export` (events or a lesson handout, in other formats) and `import`
//! (a TimelineJS file as a tipline data file).

use super::args::{CitationFormat, ExportFormat, FilterArgs, HandoutFormat, ListFormat, SchemaOf};
use super::data::{find_lesson, known_values, load_lessons, load_timeline, query_of};
use super::io::{report, write_output, EXIT_INVALID_DATA, EXIT_USAGE};
use super::output;
use crate::interop::{handout, ics, timelinejs};
use crate::load::DataFile;
use std::path::{Path, PathBuf};

/// What exports are titled.
const HEADLINE: &str = "Cambodia's responses to human trafficking";

/// A lesson as a handout.
pub(super) fn lesson_handout(
    data: &[PathBuf],
    lessons_dir: Option<&Path>,
    lesson: &str,
    format: HandoutFormat,
    with_notes: bool,
    output: Option<&Path>,
) -> Result<(), u8> {
    let timeline = load_timeline(data)?;
    let lessons = load_lessons(lessons_dir, &timeline)?;
    let found = find_lesson(&lessons, lesson)?;
    let doc = handout::Document::lesson(found, &timeline, with_notes);
    let text = match format {
        HandoutFormat::Markdown => handout::markdown(&doc, &timeline),
        HandoutFormat::Html => handout::html(&doc, &timeline),
    };
    // Neither the data nor a lesson may be overwritten by its own handout.
    let mut inputs = data.to_vec();
    inputs.extend(lessons_dir.map(lesson_paths).unwrap_or_default());
    write_output(output, &text, &inputs)
}

/// The files a lessons folder holds, as the lesson reader picks them.
fn lesson_paths(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default()
}

/// The events a filter selects, in another format.
pub(super) fn events(
    data: &[PathBuf],
    global: &FilterArgs,
    filter: &FilterArgs,
    format: Option<ExportFormat>,
    output: Option<&Path>,
) -> Result<(), u8> {
    let Some(format) = format else {
        errln!("tipline: export needs --format json|csv|markdown|html|timelinejs|ics, or `export handout LESSON`");
        return Err(EXIT_USAGE);
    };
    let query = query_of(global)?.and(query_of(filter)?);
    let timeline = load_timeline(data)?;
    known_values(&query, &timeline)?;
    let hits = query.filter(&timeline);
    let document = || handout::Document::events(HEADLINE, &query.to_string(), &timeline, &hits);
    let text = match format {
        ExportFormat::Json => output::list(&timeline, &hits, ListFormat::Json),
        ExportFormat::Csv => output::list(&timeline, &hits, ListFormat::Csv),
        ExportFormat::Markdown => handout::markdown(&document(), &timeline),
        ExportFormat::Html => handout::html(&document(), &timeline),
        ExportFormat::Timelinejs => {
            let doc = timelinejs::export(&timeline, &hits, HEADLINE);
            format!(
                "{}\n",
                serde_json::to_string_pretty(&doc).expect("plain data serialises")
            )
        }
        ExportFormat::Ics => {
            let stamp = chrono_stamp();
            let calendar = ics::export(&timeline, &hits, HEADLINE, &stamp);
            if calendar.skipped > 0 {
                errln!(
                    "tipline: {} event(s) without one certain day (known only to the month or year, uncertain, or one of several days) left out of the calendar",
                    calendar.skipped
                );
            }
            if calendar.skipped_observances > 0 {
                errln!(
                    "tipline: {} observance(s) on a day no year up to 9999 has left out of the calendar",
                    calendar.skipped_observances
                );
            }
            calendar.text
        }
    };
    write_output(output, &text, data)
}

/// A TimelineJS file as a tipline data file; what was dropped goes to stderr.
pub(super) fn import_timelinejs(data: &[PathBuf], file: &Path, output: Option<&Path>) -> Result<(), u8> {
    let source = DataFile::read(file).map_err(|d| {
        report(&[d]);
        EXIT_USAGE
    })?;
    let imported = timelinejs::import(&source.name, &source.text).map_err(|d| {
        report(&[d]);
        EXIT_INVALID_DATA
    })?;
    for note in imported.notes.iter() {
        errln!(
            "{}: {}",
            crate::text::sanitize_line(&source.name),
            crate::text::sanitize_line(note)
        );
    }
    if imported.notes.more() > 0 {
        errln!(
            "{}: … and {} more note(s) not shown",
            crate::text::sanitize_line(&source.name),
            imported.notes.more()
        );
    }
    errln!("{}", imported.summary(&source.name));
    let mut inputs = data.to_vec();
    inputs.push(file.to_path_buf());
    write_output(output, &imported.to_toml(), &inputs)
}

/// The sources the events a filter selects cite, for a reference manager.
pub(super) fn sources(
    data: &[PathBuf],
    global: &FilterArgs,
    filter: &FilterArgs,
    format: CitationFormat,
    output: Option<&Path>,
) -> Result<(), u8> {
    use crate::interop::citations;
    let query = query_of(global)?.and(query_of(filter)?);
    let timeline = load_timeline(data)?;
    let hits = query.filter(&timeline);
    let items = citations::gather(&timeline, &hits);
    let text = match format {
        CitationFormat::CslJson => citations::csl_json(&items),
        CitationFormat::Bibtex => citations::bib(&items, citations::Bib::Bibtex),
        CitationFormat::Biblatex => citations::bib(&items, citations::Bib::Biblatex),
        CitationFormat::Ris => citations::ris(&items),
    };
    write_output(output, &text, data)
}

/// Which reference manager's format an import reads.
pub(super) enum References {
    CslJson,
    Bibtex,
}

/// A reference manager's export as `[[sources]]`; what could not be mapped
/// goes to stderr as diagnostics naming the item.
pub(super) fn import_references(
    data: &[PathBuf],
    file: &Path,
    format: References,
    output: Option<&Path>,
) -> Result<(), u8> {
    use crate::interop::reference_import;
    let source = DataFile::read(file).map_err(|d| {
        report(&[d]);
        EXIT_USAGE
    })?;
    let read = match format {
        References::CslJson => reference_import::csl_json(&source.name, &source.text).map_err(|d| vec![d]),
        References::Bibtex => reference_import::bibtex(&source.name, &source.text),
    };
    let imported = read.map_err(|d| {
        report(&d);
        EXIT_INVALID_DATA
    })?;
    report(&imported.diagnostics);
    errln!(
        "{}: {} source(s) written, {} item(s) left out",
        crate::text::sanitize_line(&source.name),
        imported.sources.len(),
        imported.errors()
    );
    let mut inputs = data.to_vec();
    inputs.push(file.to_path_buf());
    write_output(output, &imported.to_toml(), &inputs)
}

/// A JSON Schema, as committed under `schema/`.
pub(super) fn schema(of: SchemaOf) -> Result<(), u8> {
    use crate::load::schema;
    let text = match of {
        SchemaOf::Data => schema::data_json(),
        SchemaOf::Lesson => schema::lesson_json(),
        SchemaOf::Config => schema::config_json(),
    };
    write_output(None, &text, &[])
}

/// Latest time a DTSTAMP can hold: 9999-12-31T23:59:59Z.
const LAST_STAMP: i64 = 253_402_300_799;

/// Now, as an iCalendar UTC time (DTSTAMP), or `SOURCE_DATE_EPOCH` when set
/// so that exports can be reproduced byte for byte. A value that is not a
/// whole number of seconds from 1970 to 9999 is named and the current time
/// used instead.
fn chrono_stamp() -> String {
    let now = || {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    };
    let secs = match std::env::var_os("SOURCE_DATE_EPOCH") {
        None => now(),
        Some(raw) => {
            let text = raw.to_string_lossy();
            match text.trim().parse::<i64>() {
                Ok(s) if (0..=LAST_STAMP).contains(&s) => s,
                _ => {
                    errln!(
                        "tipline: warning: SOURCE_DATE_EPOCH=`{}` is not a number of seconds from 1970 to the year 9999; using the current time",
                        crate::text::sanitize_line(&text)
                    );
                    now()
                }
            }
        }
    };
    let secs = secs.clamp(0, LAST_STAMP);
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}
