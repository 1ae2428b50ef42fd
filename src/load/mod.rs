//! Reading data files into a validated [`Timeline`]. Every problem in every
//! file is collected, with its position, before anything is refused.

pub mod diag;
mod eras;
mod records;
mod split;
pub mod syntax;
pub use syntax::MAX_NESTING;
pub(crate) mod table;
pub mod write;

use crate::timeline::model::*;
use diag::{Diagnostic, SourceText};
use records::{check_references, Gathered};
use std::ops::Range;
use std::path::Path;
use table::Ctx;
use toml::de::{DeTable, DeValue};

/// The dataset compiled into the binary.
pub const EMBEDDED_NAME: &str = "data/events.toml";
pub const EMBEDDED_TEXT: &str = include_str!("../../data/events.toml");

/// Files larger than this are refused before being read whole: the largest
/// real timelines are a few megabytes, and 100k synthetic events about 60.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A data file's name (as shown in messages) and its text.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub name: String,
    pub text: String,
}

impl DataFile {
    pub fn embedded() -> Self {
        DataFile {
            name: EMBEDDED_NAME.to_string(),
            text: EMBEDDED_TEXT.to_string(),
        }
    }

    /// Reads a file, refusing directories, oversized files and invalid UTF-8
    /// with a message that names the file (and the position of a bad byte).
    pub fn read(path: &Path) -> Result<Self, Diagnostic> {
        let name = path.display().to_string();
        let fail = |m: String| Diagnostic::file_error(&name, m);
        let meta = std::fs::metadata(path).map_err(|e| fail(io_reason(&e)))?;
        if meta.is_dir() {
            return Err(fail("is a directory, expected a TOML data file".into()));
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(fail(format!(
                "file is {} bytes, larger than the {} byte limit",
                meta.len(),
                MAX_FILE_BYTES
            )));
        }
        let bytes = std::fs::read(path).map_err(|e| fail(io_reason(&e)))?;
        match String::from_utf8(bytes) {
            Ok(text) => Ok(DataFile { name, text }),
            Err(e) => {
                let good = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                let src = SourceText::new(&name, &text);
                Err(src.error(good..good + 1, "invalid UTF-8: data files must be UTF-8 text"))
            }
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied: cannot read the file".into(),
        _ => format!("cannot read: {e}"),
    }
}

/// What loading produced: a timeline when there were no errors, and every
/// diagnostic (errors and warnings) in file order.
#[derive(Debug)]
pub struct Loaded {
    pub timeline: Option<Timeline>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

const TOP: &[&str] = &["sources", "actors", "events", "eras", "observances"];
/// Loads and validates several files into one timeline.
pub fn load(files: Vec<DataFile>) -> Loaded {
    load_with_progress(files, &mut |_, _| {})
}

/// [`load`], telling `progress` now and then how many bytes of the files'
/// text have been read, out of how many.
pub fn load_with_progress(files: Vec<DataFile>, progress: &mut dyn FnMut(u64, u64)) -> Loaded {
    let total: u64 = files.iter().map(|f| f.text.len() as u64).sum();
    let mut before = 0u64;
    let mut diagnostics = Vec::new();
    let mut all = Gathered::default();
    let texts: Vec<SourceText> = files.iter().map(|f| SourceText::new(&f.name, &f.text)).collect();
    for file in 0..files.len() {
        let mut cx = Ctx {
            files: &texts,
            file,
            base: 0,
            diagnostics: &mut diagnostics,
        };
        read_file(&mut cx, &mut all, &mut |done| {
            progress(before + done as u64, total)
        });
        before += texts[file].text.len() as u64;
    }
    check_references(&texts, &mut all, &mut diagnostics);
    // The texts are no longer needed: free them before the timeline builds
    // its indices, so a large file is not held twice at the peak.
    drop(texts);
    drop(files);
    let timeline = if diagnostics.iter().any(|d| d.is_error()) {
        None
    } else {
        Some(Timeline::new(all.sources, all.actors, all.events).with_calendar(all.eras, all.observances))
    };
    Loaded {
        timeline,
        diagnostics,
    }
}

/// Loads the embedded dataset, which the test suite keeps valid.
pub fn load_embedded() -> Timeline {
    load(vec![DataFile::embedded()])
        .timeline
        .expect("the embedded dataset is checked by the test suite")
}

/// Reads one file a top-level table at a time. Parsing each `[[events]]`
/// entry on its own keeps only one entry's syntax tree in memory, so a
/// large file costs little more than its text and the timeline it holds.
fn read_file(cx: &mut Ctx<'_>, all: &mut Gathered, progress: &mut dyn FnMut(usize)) {
    let text = cx.src().text;
    let reported_before = cx.diagnostics.len();
    // A byte-order mark, as some editors write, is not part of the TOML.
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let pieces: Vec<Range<usize>> = split::split(&text[bom..])
        .into_iter()
        .map(|r| r.start + bom..r.end + bom)
        .collect();
    let mut syntax_errors = false;
    for piece in &pieces {
        cx.base = piece.start;
        let (document, errors) = DeTable::parse_recoverable(&text[piece.clone()]);
        if !errors.is_empty() {
            syntax_errors = true;
            break;
        }
        read_root(cx, &document, all);
        progress(piece.end);
    }
    cx.base = 0;
    if syntax_errors {
        // Report syntax errors as a parse of the whole file sees them, and
        // nothing else: a table cut short would only add follow-on complaints.
        cx.diagnostics.truncate(reported_before);
        let (_, errors) = DeTable::parse_recoverable(&text[bom..]);
        let reported = syntax::syntax_errors(cx.src(), bom, errors);
        cx.diagnostics.extend(reported);
    }
}

fn read_root(cx: &mut Ctx<'_>, document: &toml::Spanned<DeTable<'_>>, all: &mut Gathered) {
    let root = document.get_ref();
    for key in root.keys() {
        if !TOP.contains(&key.get_ref().as_ref()) {
            let message = format!("unknown top-level table `{}`", key.get_ref());
            let help = crate::text::did_you_mean_as(key.get_ref(), TOP, |n| format!("[[{n}]]"))
                .unwrap_or_else(|| "expected [[sources]], [[actors]] or [[events]]".into());
            cx.error_with_help(key.span(), message, help);
        }
    }
    for (name, read) in [
        ("sources", records::read_source as Reader),
        ("actors", records::read_actor),
        ("events", records::read_event),
        ("eras", eras::read_era),
        ("observances", eras::read_observance),
    ] {
        let Some(value) = root.get(name) else { continue };
        match value.get_ref() {
            DeValue::Array(items) => {
                for item in items.iter() {
                    read(cx, item, all);
                }
            }
            _ => cx.error(
                value.span(),
                format!("`{name}` must be an array of tables: write each entry under [[{name}]]"),
            ),
        }
    }
}

type Reader = fn(&mut Ctx<'_>, &toml::Spanned<DeValue<'_>>, &mut Gathered);
