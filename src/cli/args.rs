//! The command line's grammar: what clap parses into.

use crate::query::{parse_term, Query, Term};
use crate::teach::questions::{Kind, Pick};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "tipline",
    version = concat!(
        env!("CARGO_PKG_VERSION"),
        " (data: sources checked up to ",
        crate::embedded_horizon_day!(),
        ")"
    ),
    about = "A sourced timeline of Cambodia's responses to human trafficking"
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

    /// Read the timeline a line at a time, for screen readers and braille
    /// displays, instead of opening the full-screen app (also when TERM is dumb or unset).
    #[arg(long, global = true)]
    pub plain: bool,

    /// Do not capture the mouse (lets the terminal select text).
    #[arg(long)]
    pub no_mouse: bool,

    /// Do not reload --data files when they change on disk.
    #[arg(long)]
    pub no_watch: bool,

    /// Settings file for the app [default: $XDG_CONFIG_HOME/tipline/config.toml; on Windows %APPDATA%\tipline\config.toml].
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
// Parsed once per run, so the size of its largest variant costs nothing;
// Windows' wider paths push it past clippy's threshold.
#[allow(clippy::large_enum_variant)]
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
    /// The glossary: every term with its first sentence, or one term in full with its sources.
    Glossary {
        /// A term's id, name or abbreviation (`ncct`, "Tier 2 Watch List"); none lists them all.
        term: Option<String>,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Validate data files (the embedded dataset when none is named).
    Check {
        /// Files to check together, as one timeline.
        files: Vec<PathBuf>,
        /// Fail on warnings too (exit 1): a sentence that cites no quote or
        /// says more than its quotes, as well as the other warnings.
        #[arg(long)]
        strict: bool,
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
    /// List the lessons (embedded, or from --lessons DIR); `lessons show ID` previews one.
    Lessons {
        #[command(subcommand)]
        what: Option<LessonsWhat>,
    },
    /// Present a lesson to a room, one stop per screen.
    Present {
        /// The lesson (see `tipline lessons`).
        lesson: String,
        /// High contrast, no colour, wider margins: for projectors.
        #[arg(long)]
        projector: bool,
        /// Begin at this stop (1 is the first).
        #[arg(long, value_name = "N")]
        from: Option<usize>,
    },
    /// A quiz at the terminal from the (filtered) timeline or a lesson: the
    /// same questions as `export quiz` with the same type, count and seed.
    Quiz {
        #[command(flatten)]
        filter: FilterArgs,
        /// What the quiz asks (`--mode` is another name for it).
        #[arg(long = "type", alias = "mode", value_name = "TYPE", value_enum, default_value_t = QuizType::ORDER)]
        quiz_type: QuizType,
        /// How many questions (events to put in order; of each type when mixed).
        /// [default: 5; mixed: 2]
        #[arg(long)]
        count: Option<usize>,
        /// The same seed gives the same quiz, on screen and on paper (printed
        /// at the end when not given).
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
    /// Print the JSON Schema of data files, lesson files or the config file.
    Schema {
        #[arg(value_enum)]
        of: SchemaOf,
    },
    /// A completion script for a shell (bash, zsh, fish, powershell, elvish).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// The manual page, in roff (`tipline man | man -l -`).
    Man,
    /// What the data holds and how far its sources reach (the embedded data's
    /// horizon, the files read, the counts).
    About {
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Count events per year, actor, kind and tag.
    Facets {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = ShowFormat::Text)]
        format: ShowFormat,
    },
    /// Every figure of the matching events, a row per value (a disputed
    /// figure has one per value its sources give), with who gave it and its sources.
    Figures {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// The US TIP report's rankings of Cambodia, a row per report: year, tier,
    /// release date and how sure it is, and the sources.
    Rankings {
        #[command(flatten)]
        filter: FilterArgs,
        /// `chart` draws the tier over the years as a step chart, as wide as
        /// the terminal (80 columns when written to a file or a pipe).
        #[arg(long, value_enum, default_value_t = RankingFormat::Table)]
        format: RankingFormat,
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
    /// A CSL-JSON file (Zotero, Mendeley) as `[[sources]]` records.
    CslJson {
        file: PathBuf,
        /// Write the sources here instead of standard output.
        #[arg(short = 'o', long, value_name = "OUT.toml")]
        output: Option<PathBuf>,
    },
    /// A BibTeX or BibLaTeX file as `[[sources]]` records.
    Bibtex {
        file: PathBuf,
        /// Write the sources here instead of standard output.
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

/// What a quiz asks: one kind of question, or every kind mixed. Its names
/// and help on the command line are the kinds' own, so the quiz screen's
/// `export quiz` command and `--type` never disagree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuizType(pub Pick);

impl QuizType {
    pub const ORDER: QuizType = QuizType(Pick::Only(Kind::Order));
    pub const MIXED: QuizType = QuizType(Pick::Mixed);
    const ALL: [QuizType; Pick::ALL.len()] = {
        let mut all = [QuizType::MIXED; Pick::ALL.len()];
        let mut i = 0;
        while i < Pick::ALL.len() {
            all[i] = QuizType(Pick::ALL[i]);
            i += 1;
        }
        all
    };

    pub fn pick(self) -> Pick {
        self.0
    }
}

impl ValueEnum for QuizType {
    fn value_variants<'a>() -> &'a [Self] {
        &QuizType::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.0.name()).help(self.0.asks()))
    }
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
    /// The sources the events in view cite, each once, for a reference manager.
    Sources {
        #[command(flatten)]
        filter: FilterArgs,
        #[arg(long, value_enum)]
        format: CitationFormat,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A quiz on paper (HTML: the sheet and an answer key) or for Moodle (GIFT):
    /// ordering, years, which came first, who said it, corroborated or single
    /// source, the US tier in a year, which source says so.
    Quiz {
        #[command(flatten)]
        filter: Box<FilterArgs>,
        /// Draw the events from this lesson's stops.
        #[arg(long, value_name = "LESSON")]
        lesson: Option<String>,
        /// What the quiz asks: every type unless told.
        #[arg(long = "type", value_name = "TYPE", value_enum, default_value_t = QuizType::MIXED)]
        quiz_type: QuizType,
        /// How many questions (events to put in order; of each type when mixed).
        /// [default: 5; mixed: 2]
        #[arg(long)]
        count: Option<usize>,
        /// The same seed gives the same quiz, on paper and with `tipline quiz`.
        #[arg(long)]
        seed: Option<u64>,
        #[arg(long, value_enum, default_value_t = QuizFormat::Html)]
        format: QuizFormat,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CitationFormat {
    CslJson,
    Bibtex,
    Biblatex,
    Ris,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchemaOf {
    Data,
    Lesson,
    Config,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizFormat {
    /// A sheet to print, and the answer key on a page of its own.
    Html,
    /// Moodle's GIFT question format.
    Gift,
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

/// Rows for a terminal, a spreadsheet or a script.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFormat {
    Table,
    Csv,
    Json,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RankingFormat {
    Table,
    Csv,
    Json,
    Chart,
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

#[derive(Debug, Subcommand)]
pub enum LessonsWhat {
    /// Preview a lesson: each stop, the parts it reveals, its question and notes.
    Show {
        /// The lesson (see `tipline lessons`).
        id: String,
    },
}

#[cfg(test)]
mod tests {
    use super::QuizType;
    use clap::ValueEnum;

    /// The quiz screen names the command that prints its questions on
    /// paper with each type's name: it is the one `--type` takes.
    #[test]
    fn each_quiz_type_is_named_as_the_command_line_takes_it() {
        use crate::teach::questions::Pick;
        for t in QuizType::value_variants() {
            let name = t.to_possible_value().unwrap().get_name().to_string();
            let drawn = crate::teach::questions::Drawn {
                pick: t.pick(),
                count: t.pick().default_count(),
                seed: 1,
                asked: Vec::new(),
                shortfall: None,
                left_out: Vec::new(),
            };
            assert_eq!(drawn.options(), format!("--type {name} --seed 1"));
            assert_eq!(t.pick() == Pick::Mixed, name == "mixed");
        }
    }
}
