//! What subcommands read: data files (a TimelineJS file converted on the way
//! in), lessons and query flags, with every problem reported to stderr.

use super::args::FilterArgs;
use super::io::{report, report_loaded, EXIT_INVALID_DATA, EXIT_USAGE};
use crate::load::{DataFile, Loaded};
use crate::query::Query;
use crate::teach::lesson::Lesson;
use crate::timeline::model::Timeline;
use std::path::{Path, PathBuf};

/// Reads a data file; a TimelineJS `.json` file is converted on the way in.
pub(super) fn read_data(path: &Path) -> Result<DataFile, crate::load::diag::Diagnostic> {
    read_converting(path).map(|(file, _)| file)
}

/// A TimelineJS file as converted: its own name, and the import that made
/// the data file, to say which slide a problem in it came from.
pub(super) struct Converted {
    name: String,
    json_name: String,
    /// The slide or era each line of the converted file came from.
    origins: crate::interop::timelinejs::Origins,
}

impl Converted {
    /// Problems found in the converted file, told in terms of the JSON file:
    /// its name and the slide, not a line of a file the user never saw.
    fn restate(&self, d: &mut crate::load::diag::Diagnostic) {
        // A help line may point into the converted file ("first defined at ...").
        if let Some(help) = &d.help {
            let marker = format!("{}:", self.name);
            if let Some(at) = help.find(&marker) {
                let rest = &help[at + marker.len()..];
                let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
                let after = rest[digits.len()..]
                    .strip_prefix(':')
                    .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
                    .unwrap_or(&rest[digits.len()..]);
                let place = digits
                    .parse()
                    .ok()
                    .and_then(|line| self.origin(line))
                    .map(|p| format!(", {p}"))
                    .unwrap_or_default();
                d.help = Some(format!("{}{}{place}{after}", &help[..at], self.json_name));
            }
        }
        if d.file != self.name {
            return;
        }
        let place = self.origin(d.line);
        d.file = self.json_name.clone();
        d.message = match place {
            Some(p) => format!("{p}: {}", d.message),
            None => d.message.clone(),
        };
        d.line = 0;
        d.column = 0;
        d.source_line = None;
    }

    /// Where line `line` (from 1) of the converted file came from.
    fn origin(&self, line: usize) -> Option<String> {
        self.origins.at(line).map(str::to_string)
    }
}

/// Puts every problem found in converted TimelineJS files in terms of the JSON.
pub(super) fn restate(diagnostics: &mut [crate::load::diag::Diagnostic], converted: &[Converted]) {
    for c in converted {
        for d in diagnostics.iter_mut() {
            c.restate(d);
        }
    }
}

fn read_converting(path: &Path) -> Result<(DataFile, Option<Converted>), crate::load::diag::Diagnostic> {
    let file = DataFile::read(path)?;
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
        let imported = crate::interop::timelinejs::import(&file.name, &file.text)?;
        if imported.dropped_slides > 0 {
            errln!(
                "{} (see `tipline import timelinejs` for details)",
                imported.summary(&file.name)
            );
        }
        let name = format!("{} (converted from TimelineJS)", file.name);
        let text = imported.to_toml();
        let converted = Converted {
            name: name.clone(),
            json_name: file.name,
            origins: imported.origins(&text),
        };
        return Ok((DataFile { name, text }, Some(converted)));
    }
    Ok((file, None))
}

pub(super) fn read_files(paths: &[PathBuf]) -> Result<Vec<DataFile>, u8> {
    read_files_converting(paths).map(|(files, _)| files)
}

/// The files, and how each TimelineJS file among them was converted.
pub(super) fn read_files_converting(paths: &[PathBuf]) -> Result<(Vec<DataFile>, Vec<Converted>), u8> {
    if paths.is_empty() {
        return Ok((DataFile::embedded(), Vec::new()));
    }
    let mut files = Vec::new();
    let mut converted = Vec::new();
    let mut failed = Vec::new();
    for p in paths {
        match read_converting(p) {
            Ok((f, c)) => {
                files.push(f);
                converted.extend(c);
            }
            Err(d) => failed.push(d),
        }
    }
    if failed.is_empty() {
        Ok((files, converted))
    } else {
        report(&failed);
        Err(EXIT_USAGE)
    }
}

/// Loads the named files (or the embedded data); warnings go to stderr.
pub fn load_timeline(paths: &[PathBuf]) -> Result<Timeline, u8> {
    let (files, converted) = read_files_converting(paths)?;
    let mut loaded: Loaded = super::progress::load(files);
    restate(&mut loaded.diagnostics, &converted);
    report_loaded(&loaded);
    match loaded.timeline {
        Some(t) => Ok(t),
        None => {
            errln!(
                "tipline: {} error(s) in the data; nothing loaded",
                loaded.errors()
            );
            Err(EXIT_INVALID_DATA)
        }
    }
}

pub(super) fn query_of(filter: &FilterArgs) -> Result<Query, u8> {
    filter.to_query().map_err(|e| {
        errln!("tipline: {}", crate::text::sanitize_line(&e));
        EXIT_USAGE
    })
}

/// The lesson with this id, or a usage error suggesting the nearest one.
pub(super) fn find_lesson<'a>(lessons: &'a [Lesson], id: &str) -> Result<&'a Lesson, u8> {
    lessons.iter().find(|l| l.id == id).ok_or_else(|| {
        let ids: Vec<&str> = lessons.iter().map(|l| l.id.as_str()).collect();
        let hint = crate::text::did_you_mean(id, &ids)
            .map(|h| format!(" ({})", crate::text::sanitize_line(&h)))
            .unwrap_or_default();
        errln!(
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

/// Refuses a query whose actors or tags name nothing in the timeline (a
/// misspelling would otherwise print an empty list and succeed).
pub(super) fn known_values(
    query: &crate::query::Query,
    timeline: &crate::timeline::model::Timeline,
) -> Result<(), u8> {
    let unknown = crate::query::known::unknown_values(query, timeline);
    for message in &unknown {
        errln!("tipline: {}", crate::text::sanitize_line(message));
    }
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(EXIT_USAGE)
    }
}
