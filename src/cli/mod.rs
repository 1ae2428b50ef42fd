//! The command line: argument parsing, and one module per group of
//! subcommands; `dispatch` only says which runs.

/// Like `eprintln!`, but a closed or full stderr (`2>&-`, `2>&1 | head -1`)
/// is ignored instead of panicking: a message nobody can read is no reason
/// to crash.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::io::stderr_line(&format!($($arg)*))
    };
}

mod args;
mod check;
mod data;
mod exports;
mod glossary;
pub(crate) mod io;
mod launch;
mod list;
pub mod output;
mod plain;
mod progress;
mod tables;
mod teach;
mod watch;

pub use args::*;
pub use data::load_timeline;
pub use io::{EXIT_INVALID_DATA, EXIT_OK, EXIT_USAGE, MAX_REPORTED};

use clap::Parser;
use std::io::Write;
use std::process::ExitCode;

/// Parses the command line and runs it. Clap's own messages echo what was
/// typed, so they are printed through the same sanitiser as everything else.
pub fn main() -> ExitCode {
    match Cli::try_parse_from(negations_last(std::env::args_os().collect())) {
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

/// Query terms that start with `-` (`-hotline`, `-kind:ranking`) look like
/// flags to the argument parser. Any such word longer than one flag letter,
/// that is not the value of an option, is moved after a `--`, where the
/// parser reads it as query text; real flags still parse. Order does not
/// matter to a query: its terms all hold together.
pub fn negations_last(args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    use clap::CommandFactory;
    let command = Cli::command();
    // Options that take a value, in every subcommand: their next word is a value.
    let mut takes_value: Vec<String> = Vec::new();
    let mut all = vec![&command];
    all.extend(command.get_subcommands());
    for c in all
        .iter()
        .flat_map(|c| std::iter::once(*c).chain(c.get_subcommands()))
    {
        for a in c
            .get_arguments()
            .filter(|a| a.get_action().takes_values() && !a.is_positional())
        {
            takes_value.extend(a.get_long().map(|l| format!("--{l}")));
            takes_value.extend(a.get_short().map(|s| format!("-{s}")));
        }
    }
    let (mut kept, mut moved) = (Vec::new(), Vec::new());
    let mut after_separator = false;
    let mut value_next = false;
    for (i, arg) in args.into_iter().enumerate() {
        let text = arg.to_string_lossy().into_owned();
        let negation = i > 0
            && !after_separator
            && !value_next
            && text.starts_with('-')
            && !text.starts_with("--")
            && text.chars().count() > 2;
        value_next = !after_separator && takes_value.contains(&text);
        if text == "--" {
            after_separator = true;
        }
        if negation {
            moved.push(arg);
        } else {
            kept.push(arg);
        }
    }
    if !moved.is_empty() {
        if !after_separator {
            kept.push("--".into());
        }
        kept.extend(moved);
    }
    kept
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
        Some(Command::Glossary { term, format }) => glossary::glossary(data, term.as_deref(), format),
        Some(Command::Facets { filter, format }) => list::facets(data, &cli.filter, &filter, format),
        Some(Command::About { format }) => list::about(data, format),
        Some(Command::Completions { shell }) => {
            use clap::CommandFactory;
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut args::Cli::command(), "tipline", &mut out);
            io::emit(&String::from_utf8_lossy(&out))
        }
        Some(Command::Man) => {
            use clap::CommandFactory;
            let mut out = Vec::new();
            match clap_mangen::Man::new(args::Cli::command()).render(&mut out) {
                Ok(()) => io::emit(&String::from_utf8_lossy(&out)),
                Err(_) => Err(io::EXIT_USAGE),
            }
        }
        Some(Command::Figures { filter, format }) => tables::figures(data, &cli.filter, &filter, format),
        Some(Command::Rankings { filter, format }) => tables::rankings(data, &cli.filter, &filter, format),
        Some(Command::Check { files, strict }) => check::run(&files, data, lessons, check::Rules { strict }),
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
            what:
                Some(ExportWhat::Sources {
                    filter,
                    format,
                    output,
                }),
            ..
        }) => exports::sources(data, &cli.filter, &filter, format, output.as_deref()),
        Some(Command::Export {
            what:
                Some(ExportWhat::Quiz {
                    filter,
                    lesson,
                    quiz_type,
                    count,
                    seed,
                    format,
                    output,
                }),
            ..
        }) => teach::export_quiz(
            data,
            &cli.filter,
            lessons,
            teach::QuizArgs {
                filter: *filter,
                quiz_type,
                count,
                seed,
                lesson,
            },
            format,
            output.as_deref(),
        ),
        Some(Command::Export {
            what: None,
            filter,
            format,
            output,
        }) => exports::events(data, &cli.filter, &filter, format, output.as_deref()),
        Some(Command::Import {
            from: ImportFrom::Timelinejs { file, output },
        }) => exports::import_timelinejs(data, &file, output.as_deref()),
        Some(Command::Import {
            from: ImportFrom::CslJson { file, output },
        }) => exports::import_references(data, &file, exports::References::CslJson, output.as_deref()),
        Some(Command::Import {
            from: ImportFrom::Bibtex { file, output },
        }) => exports::import_references(data, &file, exports::References::Bibtex, output.as_deref()),
        Some(Command::Schema { of }) => exports::schema(of),
        Some(Command::Lessons { what: None }) => teach::lessons(data, lessons),
        Some(Command::Lessons {
            what: Some(args::LessonsWhat::Show { ref id }),
        }) => teach::show_lesson(data, lessons, id),
        Some(Command::Present {
            ref lesson,
            projector,
            ..
        }) => launch::open_app(&cli, Some((lesson.clone(), projector))),
        Some(Command::Quiz {
            filter,
            quiz_type,
            count,
            seed,
            lesson,
        }) => {
            let args = teach::QuizArgs {
                filter,
                quiz_type,
                count,
                seed,
                lesson,
            };
            teach::quiz(data, &cli.filter, lessons, args, cli.config.as_deref())
        }
        Some(Command::Notes { pid }) => teach::notes(pid, cli.config.as_deref()),
    }
}
