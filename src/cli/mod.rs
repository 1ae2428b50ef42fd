//! The command line: argument parsing, and one module per group of
//! subcommands; `dispatch` only says which runs.

mod args;
mod check;
mod data;
mod exports;
mod launch;
mod list;
mod output;
mod progress;
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

/// Writes to stdout, treating a closed pipe (`tipline list | head`) as success.
fn emit(text: &str) -> Result<(), u8> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            eprintln!("tipline: cannot write output: {e}");
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

/// Writes output to a file or stdout; never over a data file being read.
fn write_output(path: Option<&std::path::Path>, text: &str, data: &[PathBuf]) -> Result<(), u8> {
    let Some(path) = path else { return emit(text) };
    let same = |d: &PathBuf| match (std::fs::canonicalize(d), std::fs::canonicalize(path)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if data.iter().any(same) {
        eprintln!(
            "tipline: will not write over the data file {}",
            crate::text::sanitize_line(&path.display().to_string())
        );
        return Err(EXIT_USAGE);
    }
    std::fs::write(path, text).map_err(|e| {
        eprintln!(
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
                eprint!("{safe}");
            } else {
                print!("{safe}");
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
