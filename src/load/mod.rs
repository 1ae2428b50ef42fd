//! Reading data files into a validated [`Timeline`]. Every problem in every
//! file is collected, with its position, before anything is refused.

mod acting;
pub mod address_date;
pub mod checks;
mod claims;
pub mod diag;
mod eras;
mod gather;
pub mod provenance;
mod records;
mod terms;
mod whole;
pub(crate) use gather::SUGGESTED;
#[doc(hidden)]
pub mod schema;
pub mod split;
pub mod syntax;
pub use syntax::MAX_NESTING;
pub(crate) mod table;
pub mod write;

use crate::timeline::model::*;
use diag::{Diagnostic, FileOrder, LeftOut, SourceText};
use gather::{check_references, Gathered};
use std::ops::Range;
use std::path::Path;
use table::Ctx;
use toml::de::{DeTable, DeValue};

/// The dataset compiled into the binary, a file per theme; the files cite
/// each other's sources and actors freely. A new file needs a line here.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("data/events.toml", include_str!("../../data/events.toml")),
    ("data/rankings.toml", include_str!("../../data/rankings.toml")),
    (
        "data/institutions.toml",
        include_str!("../../data/institutions.toml"),
    ),
    (
        "data/enforcement.toml",
        include_str!("../../data/enforcement.toml"),
    ),
    (
        "data/crackdown-2025-26.toml",
        include_str!("../../data/crackdown-2025-26.toml"),
    ),
    ("data/glossary.toml", include_str!("../../data/glossary.toml")),
];

/// Files larger than this are refused: by their size before they are
/// opened, and by the read itself, which stops one byte past the limit (a
/// file can grow while it is read, and some report no size at all). The
/// largest real timelines are a few megabytes, and 100k synthetic events
/// about 60.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// A data file's name (as shown in messages) and its text.
#[derive(Debug, Clone)]
pub struct DataFile {
    pub name: String,
    pub text: String,
}

impl DataFile {
    /// The embedded dataset's files.
    pub fn embedded() -> Vec<DataFile> {
        EMBEDDED
            .iter()
            .map(|(name, text)| DataFile {
                name: name.to_string(),
                text: text.to_string(),
            })
            .collect()
    }

    /// Reads a file, refusing directories, devices, named pipes, sockets,
    /// oversized files and invalid UTF-8 with a message that names the file
    /// (and the position of a bad byte).
    pub fn read(path: &Path) -> Result<Self, Diagnostic> {
        let name = path.display().to_string();
        if let Some(target) = link_out_of_its_folder(path) {
            return Err(Diagnostic::file_error(
                &name,
                format!(
                    "is a link to {}, outside its folder; not read (name that file itself to read it)",
                    target.display()
                ),
            ));
        }
        let bytes = read_bounded(path, MAX_FILE_BYTES)
            .map_err(|f| Diagnostic::file_error(&name, f.reason("a TOML data file")))?;
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

/// Why [`read_bounded`] gave up on a file.
#[derive(Debug)]
pub enum ReadFailure {
    /// Missing, unreadable, or failing to read.
    Io(std::io::Error),
    /// Not a regular file: what it is instead ("a directory", "a named pipe (FIFO)").
    NotRegular(&'static str),
    /// Over the limit: by its size when known before reading, else by the read.
    TooLarge { size: Option<u64>, limit: u64 },
}

impl ReadFailure {
    /// One line for a diagnostic about the file; `expected` is what it should
    /// have been ("a TOML data file").
    pub fn reason(&self, expected: &str) -> String {
        match self {
            ReadFailure::Io(e) => io_reason(e),
            ReadFailure::NotRegular(what) => format!("is {what}, expected {expected}"),
            ReadFailure::TooLarge {
                size: Some(size),
                limit,
            } => {
                format!("file is {size} bytes, larger than the {limit} byte limit")
            }
            ReadFailure::TooLarge { size: None, limit } => {
                format!("file is larger than the {limit} byte limit (it grew while being read)")
            }
        }
    }
}

/// What a file is when it is not a regular file, by its metadata.
fn not_regular(meta: &std::fs::Metadata) -> Option<&'static str> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if kind.is_char_device() {
            return Some("a character device");
        }
        if kind.is_block_device() {
            return Some("a block device");
        }
        if kind.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Where `path` leads when it is a symbolic link to a file outside the
/// folder that holds it. A shell glob or a contributed lesson pack can name
/// such a link (`x.toml -> ~/.aws/credentials`), and a message about a bad
/// line would then print the target's lines into a terminal or a public CI
/// log; a link within its folder is as safe as the file itself.
pub fn link_out_of_its_folder(path: &Path) -> Option<std::path::PathBuf> {
    if !std::fs::symlink_metadata(path).ok()?.file_type().is_symlink() {
        return None;
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let folder = std::fs::canonicalize(parent).ok()?;
    // A dangling link or a loop: outside, as far as anyone can tell.
    let Ok(target) = std::fs::canonicalize(path) else {
        return Some(std::fs::read_link(path).unwrap_or_default());
    };
    (!target.starts_with(&folder)).then_some(target)
}

/// Reads a regular file of at most `limit` bytes, and never waits on one
/// that is not: the type is checked before opening (following symbolic
/// links, as a user naming a file expects), the file is opened without
/// blocking (a named pipe swapped in after the check opens at once rather
/// than waiting for a writer) and checked again as opened, and the read
/// stops at `limit + 1` bytes whatever the size said.
pub fn read_bounded(path: &Path, limit: u64) -> Result<Vec<u8>, ReadFailure> {
    use std::io::Read;
    let check = |meta: &std::fs::Metadata| {
        if let Some(what) = not_regular(meta) {
            return Err(ReadFailure::NotRegular(what));
        }
        if meta.len() > limit {
            return Err(ReadFailure::TooLarge {
                size: Some(meta.len()),
                limit,
            });
        }
        Ok(())
    };
    check(&std::fs::metadata(path).map_err(ReadFailure::Io)?)?;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32);
    }
    let file = options.open(path).map_err(ReadFailure::Io)?;
    let meta = file.metadata().map_err(ReadFailure::Io)?;
    check(&meta)?;
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadFailure::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadFailure::TooLarge { size: None, limit });
    }
    // Files under /proc and /sys call themselves regular and empty, then
    // read as the process's environment or the kernel's state: never text
    // a user wrote, and not to be quoted back.
    if meta.len() == 0 && !bytes.is_empty() {
        return Err(ReadFailure::NotRegular(
            "a special file that reports no size (like those under /proc)",
        ));
    }
    Ok(bytes)
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
    /// The problems found, in file order: all of them, or the first
    /// [`diag::KEPT`] when there were many more.
    pub diagnostics: Vec<Diagnostic>,
    /// The problems found beyond those kept, counted.
    pub left_out: LeftOut,
}

impl Loaded {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count() + self.left_out.errors
    }

    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| !d.is_error()).count() + self.left_out.warnings
    }
}

const TOP: &[&str] = &["sources", "actors", "events", "eras", "observances", "terms"];
/// Loads and validates several files into one timeline.
pub fn load(files: Vec<DataFile>) -> Loaded {
    load_with_progress(files, &mut |_, _| {})
}

/// [`load`], telling `progress` now and then how many bytes of the files'
/// text have been read, out of how many.
pub fn load_with_progress(files: Vec<DataFile>, progress: &mut dyn FnMut(u64, u64)) -> Loaded {
    load_checking(files, progress, false)
}

/// [`load_with_progress`]; with `provenance`, also checks every sentence of
/// the events' prose against the quotes it cites (see [`provenance`]),
/// that every actor a quote names is listed or said not to act, and the
/// sources' dates against the dates their addresses give ([`address_date`]).
pub fn load_checking(files: Vec<DataFile>, progress: &mut dyn FnMut(u64, u64), provenance: bool) -> Loaded {
    let total: u64 = files.iter().map(|f| f.text.len() as u64).sum();
    let mut before = 0u64;
    let mut diagnostics = Vec::new();
    let mut all = Gathered::default();
    all.checking_prose = provenance;
    let texts: Vec<SourceText> = files.iter().map(|f| SourceText::new(&f.name, &f.text)).collect();
    let bare: Vec<&str> = files.iter().map(|f| whole::without_bom(&f.text).1).collect();
    whole::parsing(&bare, |trees| {
        for file in 0..files.len() {
            let mut cx = Ctx {
                files: &texts,
                file,
                base: 0,
                diagnostics: &mut diagnostics,
            };
            read_file(&mut cx, &mut all, trees.take(file), &mut |done| {
                progress(before + done as u64, total)
            });
            before += texts[file].text.len() as u64;
        }
    });
    // Many problems are thinned as they are found, so they never all
    // sit in memory at once.
    let order = FileOrder::new(&texts);
    let mut left_out = LeftOut::default();
    let mut thin = |d: &mut Vec<Diagnostic>| diag::thin(d, |x| order.key(x), &mut left_out);
    thin(&mut diagnostics);
    checks::check_events(&texts, &mut all, &mut diagnostics);
    thin(&mut diagnostics);
    if provenance {
        provenance::check(&texts, &all, &mut diagnostics, &mut thin);
        acting::check(&texts, &all, &mut diagnostics);
        thin(&mut diagnostics);
        address_date::check(&texts, &all, &mut diagnostics);
        thin(&mut diagnostics);
    }
    check_references(&texts, &mut all, &mut diagnostics);
    if left_out == LeftOut::default() {
        diagnostics.sort_by_key(|d| order.key(d));
    } else {
        // Beyond the first kept, those found after the last thinning are
        // not the next in order: only the first are kept.
        diag::cut(&mut diagnostics, |d| order.key(d), &mut left_out);
    }
    drop(order);
    // The texts are no longer needed: free them before the timeline builds
    // its indices, so a large file is not held twice at the peak.
    drop(texts);
    // The embedded data's horizon is known; other files' is not.
    let embedded = files.len() == EMBEDDED.len()
        && files
            .iter()
            .zip(EMBEDDED)
            .all(|(f, (name, text))| f.name == *name && f.text == *text);
    drop(files);
    let timeline = if left_out.errors > 0 || diagnostics.iter().any(|d| d.is_error()) {
        None
    } else {
        let mut t = Timeline::new(all.sources, all.actors, all.events)
            .with_calendar(all.eras, all.observances)
            .with_glossary(all.terms);
        t.horizon = embedded.then_some(crate::timeline::horizon::EMBEDDED);
        Some(t)
    };
    Loaded {
        timeline,
        diagnostics,
        left_out,
    }
}

/// Loads the embedded dataset, which the test suite keeps valid.
pub fn load_embedded() -> Timeline {
    load(DataFile::embedded())
        .timeline
        .expect("the embedded dataset is checked by the test suite")
}

/// Reads one file: from its syntax tree `whole`, when it was small enough
/// to be parsed whole, else a top-level table at a time. Parsing each
/// `[[events]]` entry of a large file on its own keeps only one entry's
/// syntax tree in memory, so the file costs little more than its text and
/// the timeline it holds.
fn read_file(
    cx: &mut Ctx<'_>,
    all: &mut Gathered,
    whole: Option<whole::Tree<'_>>,
    progress: &mut dyn FnMut(usize),
) {
    let text = cx.src().text;
    // A byte-order mark, as some editors write, is not part of the TOML.
    let (bom, bare) = whole::without_bom(text);
    let mark = all.mark();
    let reported_before = cx.diagnostics.len();
    let mut reader = FileReader {
        cx,
        all,
        bom,
        mark,
        reported_before,
        progress,
    };
    let read = match whole {
        Some(Some(document)) => {
            split::Reader::read(&mut reader, 0..bare.len(), &document);
            true
        }
        Some(None) => false,
        None => split::read_documents(bare, &mut reader),
    };
    if !read {
        // Report syntax errors as a parse of the whole file sees them, and
        // nothing else: a table cut short would only add follow-on complaints.
        let FileReader { cx, .. } = reader;
        cx.diagnostics.truncate(reported_before);
        cx.base = 0;
        let reported = match syntax::too_dense(cx.src(), bom, bare) {
            Some(dense) => vec![dense],
            None => syntax::syntax_errors_in(cx.src(), bom, bare),
        };
        cx.diagnostics.extend(reported);
    }
}

/// Reads the documents of one file into what is gathered from all files.
struct FileReader<'c, 'a, 'g, 'p> {
    cx: &'c mut Ctx<'a>,
    all: &'g mut Gathered,
    bom: usize,
    mark: gather::Mark,
    reported_before: usize,
    /// Told how far into the file reading has come, for a progress bar.
    progress: &'p mut dyn FnMut(usize),
}

impl split::Reader for FileReader<'_, '_, '_, '_> {
    fn read(&mut self, range: Range<usize>, document: &toml::Spanned<DeTable<'_>>) {
        self.cx.base = range.start + self.bom;
        read_root(self.cx, document, self.all);
        self.cx.base = 0;
        (self.progress)(range.end + self.bom);
    }

    fn reset(&mut self) {
        self.cx.diagnostics.truncate(self.reported_before);
        self.all.rollback(&self.mark, self.cx.file);
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
        ("terms", terms::read_term),
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
