//! What subcommands read: data files (a TimelineJS file converted on the way
//! in), lessons and query flags, with every problem reported to stderr.

use super::args::FilterArgs;
use super::{report, EXIT_INVALID_DATA, EXIT_USAGE};
use crate::load::{DataFile, Loaded};
use crate::query::Query;
use crate::teach::lesson::Lesson;
use crate::timeline::model::Timeline;
use std::path::{Path, PathBuf};

/// Reads a data file; a TimelineJS `.json` file is converted on the way in.
pub(super) fn read_data(path: &Path) -> Result<DataFile, crate::load::diag::Diagnostic> {
    let file = DataFile::read(path)?;
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        let imported = crate::interop::timelinejs::import(&file.name, &file.text)
            .map_err(|e| crate::load::diag::Diagnostic::file_error(&file.name, e))?;
        if imported.dropped_slides > 0 {
            eprintln!(
                "{} (see `tipline import timelinejs` for details)",
                imported.summary(&file.name)
            );
        }
        return Ok(DataFile {
            name: format!("{} (converted from TimelineJS)", file.name),
            text: imported.to_toml(),
        });
    }
    Ok(file)
}

pub(super) fn read_files(paths: &[PathBuf]) -> Result<Vec<DataFile>, u8> {
    if paths.is_empty() {
        return Ok(vec![DataFile::embedded()]);
    }
    let mut files = Vec::new();
    let mut failed = Vec::new();
    for p in paths {
        match read_data(p) {
            Ok(f) => files.push(f),
            Err(d) => failed.push(d),
        }
    }
    if failed.is_empty() {
        Ok(files)
    } else {
        report(&failed);
        Err(EXIT_USAGE)
    }
}

/// Loads the named files (or the embedded data); warnings go to stderr.
pub fn load_timeline(paths: &[PathBuf]) -> Result<Timeline, u8> {
    let files = read_files(paths)?;
    let loaded: Loaded = super::progress::load(files);
    report(&loaded.diagnostics);
    match loaded.timeline {
        Some(t) => Ok(t),
        None => {
            eprintln!(
                "tipline: {} error(s) in the data; nothing loaded",
                loaded.errors()
            );
            Err(EXIT_INVALID_DATA)
        }
    }
}

pub(super) fn query_of(filter: &FilterArgs) -> Result<Query, u8> {
    filter.to_query().map_err(|e| {
        eprintln!("tipline: {}", crate::text::sanitize_line(&e));
        EXIT_USAGE
    })
}

/// The lesson with this id, or a usage error suggesting the nearest one.
pub(super) fn find_lesson<'a>(lessons: &'a [Lesson], id: &str) -> Result<&'a Lesson, u8> {
    lessons.iter().find(|l| l.id == id).ok_or_else(|| {
        let ids: Vec<&str> = lessons.iter().map(|l| l.id.as_str()).collect();
        let hint = crate::text::did_you_mean(id, &ids)
            .map(|h| format!(" ({h})"))
            .unwrap_or_default();
        eprintln!(
            "tipline: no lesson `{}`{hint}; see `tipline lessons`",
            crate::text::sanitize_line(id)
        );
        EXIT_USAGE
    })
}

/// Reads and checks the lessons against a timeline; problems go to stderr.
pub(super) fn load_lessons(dir: Option<&Path>, t: &Timeline) -> Result<Vec<Lesson>, u8> {
    let files = crate::teach::lesson::files(dir).map_err(|d| {
        report(&[d]);
        EXIT_USAGE
    })?;
    let (lessons, problems) = crate::teach::lesson::load(&files, t);
    report(&problems);
    if problems.iter().any(|d| d.is_error()) {
        Err(EXIT_INVALID_DATA)
    } else {
        Ok(lessons)
    }
}
