//! The command line: argument parsing, and one module per group of
//! subcommands; `dispatch` only says which runs.

/// Like `eprintln!`, but a closed or full stderr (`2>&-`, `2>&1 | head -1`)
/// is ignored instead of panicking: a message nobody can read is no reason
/// to crash.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::stderr_line(&format!($($arg)*))
    };
}

mod args;
mod check;
mod data;
mod exports;
mod launch;
mod list;
mod output;
mod teach;

pub use args::*;
pub use data::load_timeline;

// The app launcher reads data, lessons and filters as the subcommands do.
use clap::Parser;
use data::{find_lesson, load_lessons, query_of, read_data};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit statuses, documented in the README.
pub const EXIT_OK: u8 = 0;
pub const EXIT_INVALID_DATA: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// One line to stderr; errors writing it are ignored (see `errln!`).
pub(crate) fn stderr_line(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(text.as_bytes())
        .and_then(|_| err.write_all(b"\n"))
        .and_then(|_| err.flush());
}

/// Writes to stdout, treating a closed pipe (`tipline list | head`) as success.
fn emit(text: &str) -> Result<(), u8> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            errln!("tipline: cannot write output: {e}");
            Err(EXIT_USAGE)
        }
    }
}

/// Most problems printed in one run; a broken generator can produce
/// hundreds of thousands, and the first ones are what needs fixing.
pub const MAX_REPORTED: usize = 200;

fn report(diagnostics: &[crate::load::diag::Diagnostic]) {
    let mut err = std::io::stderr().lock();
    for d in diagnostics.iter().take(MAX_REPORTED) {
        let _ = writeln!(err, "{d}");
    }
    if diagnostics.len() > MAX_REPORTED {
        let errors = diagnostics[MAX_REPORTED..]
            .iter()
            .filter(|d| d.is_error())
            .count();
        let rest = diagnostics.len() - MAX_REPORTED;
        let _ = writeln!(
            err,
            "… and {rest} more problem(s) not shown ({errors} of them errors)"
        );
    }
}

/// Whether two paths name the same file: the same device and inode on unix,
/// so a hard link, a symbolic link or another spelling of the path is caught;
/// the same canonical path elsewhere. A path that does not exist is no file.
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

/// Writes output to a file or stdout; never over a file being read (data
/// files, the file being imported, lessons).
fn write_output(path: Option<&std::path::Path>, text: &str, inputs: &[PathBuf]) -> Result<(), u8> {
    let Some(path) = path else { return emit(text) };
    if inputs.iter().any(|d| same_file(d, path)) {
        errln!(
            "tipline: will not write over {}, which this command reads",
            crate::text::sanitize_line(&path.display().to_string())
        );
        return Err(EXIT_USAGE);
    }
    std::fs::write(path, text).map_err(|e| {
        errln!(
            "tipline: cannot write {}: {e}",
            crate::text::sanitize_line(&path.display().to_string())
        );
        EXIT_USAGE
    })
}

/// Parses the command line and runs it. Clap's own messages echo what was
/// typed, so they are printed through the same sanitiser as everything else.
pub fn main() -> ExitCode {
    match Cli::try_parse() {
        Ok(cli) => run(cli),
        Err(e) => {
            let text = e.render().to_string();
            let safe = crate::text::sanitize_block(&text);
            if e.use_stderr() {
                let _ = std::io::stderr().lock().write_all(safe.as_bytes());
            } else {
                let _ = std::io::stdout().lock().write_all(safe.as_bytes());
            }
            ExitCode::from(e.exit_code().clamp(0, 255) as u8)
        }
    }
}

/// Runs the command line and returns the process's exit status.
pub fn run(cli: Cli) -> ExitCode {
    let status = match dispatch(cli) {
        Ok(()) => EXIT_OK,
        Err(code) => code,
    };
    ExitCode::from(status)
}

fn dispatch(cli: Cli) -> Result<(), u8> {
    let data = &cli.data;
    let lessons = cli.lessons.as_deref();
    match cli.command {
        None => launch::open_app(&cli, None),
        Some(Command::List { filter, format }) => list::list(data, &cli.filter, &filter, format),
        Some(Command::Show { id, format }) => list::show(data, &id, format),
        Some(Command::Facets { filter, format }) => list::facets(data, &cli.filter, &filter, format),
        Some(Command::Check { files }) => check::run(&files, data, lessons),
        Some(Command::Export {
            what:
                Some(ExportWhat::Handout {
                    lesson,
                    format,
                    with_notes,
                    output,
                }),
            ..
        }) => exports::lesson_handout(data, lessons, &lesson, format, with_notes, output.as_deref()),
        Some(Command::Export {
            what: None,
            filter,
            format,
            output,
        }) => exports::events(data, &cli.filter, &filter, format, output.as_deref()),
        Some(Command::Import {
            from: ImportFrom::Timelinejs { file, output },
        }) => exports::import_timelinejs(data, &file, output.as_deref()),
        Some(Command::Lessons) => teach::lessons(data, lessons),
        Some(Command::Present {
            ref lesson,
            projector,
        }) => launch::open_app(&cli, Some((lesson.clone(), projector))),
        Some(Command::Quiz {
            filter,
            mode,
            count,
            seed,
            lesson,
        }) => {
            let args = teach::QuizArgs {
                filter,
                mode,
                count,
                seed,
                lesson,
            };
            teach::quiz(data, &cli.filter, lessons, args, cli.config.as_deref())
        }
        Some(Command::Notes { pid }) => teach::notes(pid, cli.config.as_deref()),
    }
}
