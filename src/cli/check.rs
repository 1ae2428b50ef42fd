//! `tipline check`: validate data files, and the lessons that walk through them.

use super::data::{read_files, read_files_converting, restate};
use super::io::{emit, report, report_loaded, EXIT_INVALID_DATA, EXIT_USAGE};
use crate::load::load;
use std::path::{Path, PathBuf};

/// How hard `check` looks.
#[derive(Debug, Clone, Copy)]
pub(super) struct Rules {
    /// Warnings fail the check as errors do.
    pub strict: bool,
}

/// `check` of the named files, or of the embedded data and its lessons when
/// no file is named or a lessons folder is given.
pub(super) fn run(
    files: &[PathBuf],
    data: &[PathBuf],
    lessons: Option<&Path>,
    rules: Rules,
) -> Result<(), u8> {
    let paths = if files.is_empty() { data } else { files };
    if files.is_empty() && data.is_empty() || lessons.is_some() {
        check_with_lessons(paths, lessons, rules)
    } else {
        check(paths, rules)
    }
}

/// `check` of the data and of the lessons that walk through it.
fn check_with_lessons(paths: &[PathBuf], lessons_dir: Option<&Path>, rules: Rules) -> Result<(), u8> {
    let data = check(paths, rules);
    let files = read_files(paths)?;
    let Some(timeline) = load(files).timeline else {
        return data;
    };
    let lesson_files = crate::teach::lesson::files(lessons_dir).map_err(|d| {
        report(&[d]);
        EXIT_USAGE
    })?;
    let (lessons, problems) = crate::teach::lesson::load(&lesson_files, &timeline);
    report(&problems);
    let errors = problems.iter().filter(|d| d.is_error()).count();
    let warnings = problems.len() - errors;
    let counted = lessons.len().max(lesson_files.len());
    if warnings > 0 {
        emit(&format!(
            "checked {counted} lesson(s): {errors} error(s), {warnings} warning(s)\n"
        ))?;
    } else {
        emit(&format!("checked {counted} lesson(s): {errors} error(s)\n"))?;
    }
    let failing = if rules.strict { problems.len() } else { errors };
    match (data, failing) {
        (Err(code), _) => Err(code),
        (Ok(()), 0) => Ok(()),
        _ => Err(EXIT_INVALID_DATA),
    }
}

fn check(paths: &[PathBuf], rules: Rules) -> Result<(), u8> {
    let (files, converted) = read_files_converting(paths)?;
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    // A file's prose is always read against its quotes here: a teacher's
    // unmarked file still loads, and check says what it cites loosely.
    let mut loaded = super::progress::load_checking(files, true);
    restate(&mut loaded.diagnostics, &converted);
    report_loaded(&loaded);
    let events = loaded.timeline.as_ref().map_or(0, |t| t.events.len());
    let summary = format!(
        "checked {}: {} events, {} error(s), {} warning(s)\n",
        crate::text::sanitize_line(&names.join(", ")),
        events,
        loaded.errors(),
        loaded.warnings()
    );
    emit(&summary)?;
    if loaded.errors() > 0 || rules.strict && loaded.warnings() > 0 {
        Err(EXIT_INVALID_DATA)
    } else {
        Ok(())
    }
}
