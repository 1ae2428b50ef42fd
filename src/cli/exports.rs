//! `export` (events or a lesson handout, in other formats) and `import`
//! (a TimelineJS file as a tipline data file).

use super::args::{ExportFormat, FilterArgs, HandoutFormat, ListFormat};
use super::data::{find_lesson, load_lessons, load_timeline, query_of};
use super::{output, report, write_output, EXIT_INVALID_DATA, EXIT_USAGE};
use crate::interop::{handout, ics, timelinejs};
use crate::load::DataFile;
use std::path::{Path, PathBuf};

/// What exports are titled.
const HEADLINE: &str = "Cambodia's responses to human trafficking";

/// A lesson as a handout.
pub(super) fn lesson_handout(
    data: &[PathBuf],
    lessons: Option<&Path>,
    lesson: &str,
    format: HandoutFormat,
    with_notes: bool,
    output: Option<&Path>,
) -> Result<(), u8> {
    let timeline = load_timeline(data)?;
    let lessons = load_lessons(lessons, &timeline)?;
    let found = find_lesson(&lessons, lesson)?;
    let doc = handout::Document::lesson(found, &timeline, with_notes);
    let text = match format {
        HandoutFormat::Markdown => handout::markdown(&doc, &timeline),
        HandoutFormat::Html => handout::html(&doc, &timeline),
    };
    write_output(output, &text, data)
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
        eprintln!("tipline: export needs --format json|csv|markdown|html|timelinejs|ics, or `export handout LESSON`");
        return Err(EXIT_USAGE);
    };
    let query = query_of(global)?.and(query_of(filter)?);
    let timeline = load_timeline(data)?;
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
            let (ics, skipped) = ics::export(&timeline, &hits, HEADLINE, &stamp);
            if skipped > 0 {
                eprintln!(
                    "tipline: {skipped} event(s) known only to the month or year left out of the calendar"
                );
            }
            ics
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
    let imported = timelinejs::import(&source.name, &source.text).map_err(|e| {
        eprintln!("{e}");
        EXIT_INVALID_DATA
    })?;
    for note in &imported.notes {
        eprintln!(
            "{}: {}",
            crate::text::sanitize_line(&source.name),
            crate::text::sanitize_line(note)
        );
    }
    eprintln!("{}", imported.summary(&source.name));
    write_output(output, &imported.to_toml(), data)
}

/// Now, as an iCalendar UTC time (DTSTAMP), or `SOURCE_DATE_EPOCH` when set
/// so that exports can be reproduced byte for byte.
fn chrono_stamp() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64)
        });
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}
