//! The command line: argument parsing and the subcommands that print.

mod launch;
mod output;

use crate::load::{load, DataFile, Loaded};
use crate::query::facets::FacetCounts;
use crate::query::{parse_term, Query, Term};
use crate::timeline::model::Timeline;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit statuses, documented in the README.
pub const EXIT_OK: u8 = 0;
pub const EXIT_INVALID_DATA: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "tipline",
    version,
    about = "A sourced timeline of Cambodia's responses to human trafficking",
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    /// Load these data files instead of the embedded dataset (repeatable; they merge).
    #[arg(long = "data", value_name = "FILE", global = true)]
    pub data: Vec<PathBuf>,

    /// Read lessons from this folder (`*.toml`) instead of the embedded ones.
    #[arg(long, value_name = "DIR", global = true)]
    pub lessons: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// Open the app on this event.
    #[arg(long, value_name = "ID")]
    pub goto: Option<String>,

    /// Colour theme of the app: dark, light or high-contrast (NO_COLOR turns colour off).
    #[arg(long, value_name = "THEME", value_parser = ["dark", "light", "high-contrast"])]
    pub theme: Option<String>,

    /// Do not capture the mouse (lets the terminal select text).
    #[arg(long)]
    pub no_mouse: bool,

    /// Do not reload --data files when they change on disk.
    #[arg(long)]
    pub no_watch: bool,

    /// Settings file for the app [default: $XDG_CONFIG_HOME/tipline/config.toml].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List events in date order, filtered by a query and flags.
    List {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Print one event in full, with its sources and quotes.
    Show {
        /// The event's id (see `tipline list`).
        id: String,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Validate data files (the embedded dataset when none is named).
    Check {
        /// Files to check together, as one timeline.
        files: Vec<PathBuf>,
    },
    /// Write the (filtered) timeline as JSON, CSV, Markdown, HTML, TimelineJS or
    /// iCalendar, or a lesson's handout (`export handout LESSON`).
    #[command(args_conflicts_with_subcommands = true)]
    Export {
        #[command(subcommand)]
        what: Option<ExportWhat>,
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// List the lessons (embedded, or from --lessons DIR).
    Lessons,
    /// Present a lesson to a room, one stop per screen.
    Present {
        /// The lesson (see `tipline lessons`).
        lesson: String,
        /// High contrast, no colour, wider margins: for projectors.
        #[arg(long)]
        projector: bool,
    },
    /// A quiz from the (filtered) timeline or a lesson: put events in order, or guess the year.
    Quiz {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = QuizModeArg::Order)]
        mode: QuizModeArg,
        /// How many events.
        #[arg(long, default_value_t = 5)]
        count: usize,
        /// The same seed gives the same quiz (printed at the end when not given).
        #[arg(long)]
        seed: Option<u64>,
        /// Draw the events from this lesson's stops.
        #[arg(long, value_name = "LESSON")]
        lesson: Option<String>,
    },
    /// Follow a presenting tipline from a second terminal: notes, question, next stop, time.
    Notes {
        /// Follow this presenter's process id (the most recent one otherwise).
        #[arg(long)]
        pid: Option<u32>,
    },
    /// Convert another tool's timeline into a tipline data file.
    Import {
        #[command(subcommand)]
        from: ImportFrom,
    },
    /// Count events per year, actor, kind and tag.
    Facets {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
}

#[derive(Subcommand, Debug)]
pub enum ImportFrom {
    /// A TimelineJS JSON file.
    Timelinejs {
        file: PathBuf,
        /// Write the tipline file here instead of standard output.
        #[arg(short = 'o', long, value_name = "OUT.toml")]
        output: Option<PathBuf>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    Json,
    Csv,
    Markdown,
    Html,
    Timelinejs,
    Ics,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizModeArg {
    Order,
    Year,
}

#[derive(Subcommand, Debug)]
pub enum ExportWhat {
    /// A lesson's handout: each stop's events, question, figures and quotes, and the sources.
    Handout {
        /// The lesson (see `tipline lessons`).
        lesson: String,
        #[arg(long, value_enum, default_value_t = HandoutFormat::Markdown)]
        format: HandoutFormat,
        /// Include the teacher's notes.
        #[arg(long)]
        with_notes: bool,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandoutFormat {
    Markdown,
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShowFormat {
    Text,
    Json,
}

/// Filters shared by `list`, `facets` and the app; they compile to one [`Query`].
#[derive(Args, Debug, Default, Clone)]
pub struct FilterArgs {
    /// Query text, e.g. `year:2022 actor:"sar kheng" -tag:statistics hotline`.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,
    /// A year or a range of years: 2022, 2019..2022 (repeatable).
    #[arg(long, value_name = "YEAR")]
    pub year: Vec<String>,
    /// Events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Events on or before this date.
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// An actor by id, name or alias (repeatable).
    #[arg(long, value_name = "NAME")]
    pub actor: Vec<String>,
    /// An event kind, e.g. law, national-day (repeatable).
    #[arg(long, value_name = "KIND")]
    pub kind: Vec<String>,
    /// A tag (repeatable).
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// Words to find in titles, summaries, quotes and names.
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
}

impl FilterArgs {
    /// The query these flags and this text mean, or a message saying what is wrong.
    pub fn to_query(&self) -> Result<Query, String> {
        let text = self.query.join(" ");
        let limit = crate::query::MAX_QUERY_CHARS;
        if text.chars().count() > limit {
            return Err(format!(
                "query text is longer than the limit of {limit} characters"
            ));
        }
        let mut query = Query::parse(&text).map_err(|e| format!("in query `{text}`: {e}"))?;
        let flags: [(&str, Vec<&String>); 6] = [
            ("year", self.year.iter().collect()),
            ("from", self.from.iter().collect()),
            ("to", self.to.iter().collect()),
            ("actor", self.actor.iter().collect()),
            ("kind", self.kind.iter().collect()),
            ("tag", self.tag.iter().collect()),
        ];
        for (facet, values) in flags {
            for v in values {
                query.push(parse_term(facet, v).map_err(|e| format!("--{facet}: {e}"))?);
            }
        }
        if let Some(words) = &self.search {
            for w in words.split_whitespace() {
                query.push(Term::Text(w.to_string()));
            }
        }
        Ok(query)
    }
}

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

/// Reads a data file; a TimelineJS `.json` file is converted on the way in.
fn read_data(path: &std::path::Path) -> Result<DataFile, crate::load::diag::Diagnostic> {
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

fn read_files(paths: &[PathBuf]) -> Result<Vec<DataFile>, u8> {
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
    let loaded: Loaded = load(files);
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

fn query_of(filter: &FilterArgs) -> Result<Query, u8> {
    filter.to_query().map_err(|e| {
        eprintln!("tipline: {}", crate::text::sanitize_line(&e));
        EXIT_USAGE
    })
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
    match cli.command {
        Some(Command::List { filter, format }) => {
            let query = query_of(&cli.filter)?.and(query_of(&filter)?);
            let timeline = load_timeline(&cli.data)?;
            let hits = query.filter(&timeline);
            emit(&output::list(&timeline, &hits, format))
        }
        Some(Command::Show { id, format }) => {
            let timeline = load_timeline(&cli.data)?;
            let Some(event) = timeline.event(&id) else {
                let ids: Vec<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
                let hint = crate::text::did_you_mean(&id, &ids)
                    .map(|h| format!(" ({h})"))
                    .unwrap_or_default();
                eprintln!(
                    "tipline: no event with id `{}`{hint}",
                    crate::text::sanitize_line(&id)
                );
                return Err(EXIT_USAGE);
            };
            emit(&output::show(&timeline, event, format))
        }
        Some(Command::Export {
            what:
                Some(ExportWhat::Handout {
                    lesson,
                    format,
                    with_notes,
                    output,
                }),
            ..
        }) => {
            let timeline = load_timeline(&cli.data)?;
            let lessons = load_lessons(cli.lessons.as_deref(), &timeline)?;
            let found = find_lesson(&lessons, &lesson)?;
            let doc = crate::interop::handout::Document::lesson(found, &timeline, with_notes);
            let text = match format {
                HandoutFormat::Markdown => crate::interop::handout::markdown(&doc, &timeline),
                HandoutFormat::Html => crate::interop::handout::html(&doc, &timeline),
            };
            write_output(output.as_deref(), &text, &cli.data)
        }
        Some(Command::Export {
            what: None,
            filter,
            format,
            output,
        }) => {
            let Some(format) = format else {
                eprintln!("tipline: export needs --format json|csv|markdown|html|timelinejs|ics, or `export handout LESSON`");
                return Err(EXIT_USAGE);
            };
            let query = query_of(&cli.filter)?.and(query_of(&filter)?);
            let timeline = load_timeline(&cli.data)?;
            let hits = query.filter(&timeline);
            let headline = "Cambodia's responses to human trafficking";
            let document =
                || crate::interop::handout::Document::events(headline, &query.to_string(), &timeline, &hits);
            let text = match format {
                ExportFormat::Json => output::list(&timeline, &hits, ListFormat::Json),
                ExportFormat::Csv => output::list(&timeline, &hits, ListFormat::Csv),
                ExportFormat::Markdown => crate::interop::handout::markdown(&document(), &timeline),
                ExportFormat::Html => crate::interop::handout::html(&document(), &timeline),
                ExportFormat::Timelinejs => {
                    let doc = crate::interop::timelinejs::export(&timeline, &hits, headline);
                    format!(
                        "{}\n",
                        serde_json::to_string_pretty(&doc).expect("plain data serialises")
                    )
                }
                ExportFormat::Ics => {
                    let stamp = chrono_stamp();
                    let (ics, skipped) = crate::interop::ics::export(&timeline, &hits, headline, &stamp);
                    if skipped > 0 {
                        eprintln!("tipline: {skipped} event(s) known only to the month or year left out of the calendar");
                    }
                    ics
                }
            };
            write_output(output.as_deref(), &text, &cli.data)
        }
        Some(Command::Import {
            from: ImportFrom::Timelinejs { file, output },
        }) => {
            let source = DataFile::read(&file).map_err(|d| {
                report(&[d]);
                EXIT_USAGE
            })?;
            let imported = crate::interop::timelinejs::import(&source.name, &source.text).map_err(|e| {
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
            write_output(output.as_deref(), &imported.to_toml(), &cli.data)
        }
        Some(Command::Lessons) => {
            let timeline = load_timeline(&cli.data)?;
            let lessons = load_lessons(cli.lessons.as_deref(), &timeline)?;
            let mut out = String::new();
            for l in &lessons {
                let mut meta = vec![format!("{} stops", l.stops.len())];
                meta.extend(l.duration.clone());
                meta.extend(l.audience.clone());
                out.push_str(&format!("{}\n  {}\n  {}\n", l.id, l.title, meta.join(" · ")));
            }
            out.push_str(&format!("{} lesson(s)\n", lessons.len()));
            emit(&out)
        }
        Some(Command::Check { files })
            if files.is_empty() && cli.data.is_empty() || cli.lessons.is_some() =>
        {
            check_with_lessons(
                if files.is_empty() { &cli.data } else { &files },
                cli.lessons.as_deref(),
            )
        }
        Some(Command::Check { files }) => check(if files.is_empty() { &cli.data } else { &files }),
        Some(Command::Facets { filter, format }) => {
            let query = query_of(&cli.filter)?.and(query_of(&filter)?);
            let timeline = load_timeline(&cli.data)?;
            let counts = FacetCounts::of(&timeline, &query.filter(&timeline));
            emit(&output::facets(&timeline, &counts, format))
        }
        None => launch::open_app(&cli, None),
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
            let query = query_of(&cli.filter)?.and(query_of(&filter)?);
            if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
                eprintln!("tipline: quiz needs a terminal");
                return Err(EXIT_USAGE);
            }
            let timeline = load_timeline(&cli.data)?;
            let pool: Vec<usize> = match lesson {
                Some(name) => {
                    let lessons = load_lessons(cli.lessons.as_deref(), &timeline)?;
                    let l = find_lesson(&lessons, &name)?;
                    let mut all: Vec<usize> =
                        l.stops.iter().flat_map(|s| l.events_of(s, &timeline)).collect();
                    all.sort();
                    all.dedup();
                    all
                }
                None => query.filter(&timeline),
            };
            let seed = seed.unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_secs())
            });
            let mode = if mode == QuizModeArg::Year {
                crate::teach::quiz::QuizMode::Year
            } else {
                crate::teach::quiz::QuizMode::Order
            };
            let quiz = crate::teach::quiz::Quiz::new(&timeline, &pool, mode, count, seed);
            if quiz.items.len() < 2 {
                eprintln!("tipline: not enough events for a quiz; widen the filter");
                return Err(EXIT_USAGE);
            }
            let score = crate::app::quizui::run(&timeline, quiz).map_err(|e| {
                eprintln!(
                    "tipline: terminal error: {}",
                    crate::text::sanitize_line(&e.to_string())
                );
                EXIT_USAGE
            })?;
            emit(&format!("{score} (seed {seed})\n"))
        }
        Some(Command::Notes { pid }) => {
            if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
                eprintln!("tipline: notes needs a terminal");
                return Err(EXIT_USAGE);
            }
            crate::app::notes::run(pid).map_err(|e| {
                eprintln!(
                    "tipline: terminal error: {}",
                    crate::text::sanitize_line(&e.to_string())
                );
                EXIT_USAGE
            })
        }
    }
}

/// The lesson with this id, or a usage error suggesting the nearest one.
fn find_lesson<'a>(
    lessons: &'a [crate::teach::lesson::Lesson],
    id: &str,
) -> Result<&'a crate::teach::lesson::Lesson, u8> {
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
fn load_lessons(
    dir: Option<&std::path::Path>,
    t: &Timeline,
) -> Result<Vec<crate::teach::lesson::Lesson>, u8> {
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

/// `check` of the data and of the lessons that walk through it.
fn check_with_lessons(paths: &[PathBuf], lessons_dir: Option<&std::path::Path>) -> Result<(), u8> {
    let data = check(paths);
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
    emit(&format!(
        "checked {} lesson(s): {errors} error(s)\n",
        lessons.len().max(lesson_files.len())
    ))?;
    match (data, errors) {
        (Err(code), _) => Err(code),
        (Ok(()), 0) => Ok(()),
        _ => Err(EXIT_INVALID_DATA),
    }
}

fn check(paths: &[PathBuf]) -> Result<(), u8> {
    let files = read_files(paths)?;
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let loaded = load(files);
    report(&loaded.diagnostics);
    let events = loaded.timeline.as_ref().map_or(0, |t| t.events.len());
    let summary = format!(
        "checked {}: {} events, {} error(s), {} warning(s)\n",
        crate::text::sanitize_line(&names.join(", ")),
        events,
        loaded.errors(),
        loaded.warnings()
    );
    emit(&summary)?;
    if loaded.errors() > 0 {
        Err(EXIT_INVALID_DATA)
    } else {
        Ok(())
    }
}
