//! Lessons: ordered stops through the timeline, each with a question for
//! the room and notes for the teacher. Read from TOML like data files and
//! checked against the timeline they walk through.

use crate::load::diag::{Diagnostic, SourceText};
use crate::load::table::{Ctx, Fields};
use crate::load::DataFile;
use crate::query::Query;
use crate::timeline::model::Timeline;
use toml::de::DeValue;

/// The lessons compiled into the binary: (file name, text).
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "data/lessons/from-law-to-digital-era.toml",
        include_str!("../../data/lessons/from-law-to-digital-era.toml"),
    ),
    (
        "data/lessons/from-sanctions-to-extradition.toml",
        include_str!("../../data/lessons/from-sanctions-to-extradition.toml"),
    ),
    (
        "data/lessons/reading-2022-figures.toml",
        include_str!("../../data/lessons/reading-2022-figures.toml"),
    ),
    (
        "data/lessons/twenty-five-years-of-rankings.toml",
        include_str!("../../data/lessons/twenty-five-years-of-rankings.toml"),
    ),
    (
        "data/lessons/scam-compound-era.toml",
        include_str!("../../data/lessons/scam-compound-era.toml"),
    ),
];

/// The parts of a stop a presenter reveals one at a time (the title is always shown).
pub const PARTS: &[&str] = &["date", "facts", "figures", "quote"];

#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    Event(String),
    Query(Query),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    pub target: Target,
    /// What the stop is called in the overview and the notes; a query
    /// stop shows it as its heading. An event stop defaults to the event's title.
    pub title: Option<String>,
    pub prompt: String,
    pub notes: Option<String>,
    /// The order in which parts are revealed; all of `PARTS` when not given.
    pub reveal: Vec<String>,
    /// Minutes planned for the stop (`duration = "8 minutes"`).
    pub minutes: Option<u32>,
    /// A chart the stop draws of its events instead of listing them.
    pub chart: Option<Chart>,
}

/// What a query stop can draw its events as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chart {
    /// The US TIP report's tier over the years, as a step chart.
    Tiers,
}

pub use crate::load::schema::CHARTS;

#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// The file's name without directory or extension: what `present` takes.
    pub id: String,
    pub file: String,
    pub title: String,
    pub summary: String,
    pub audience: Option<String>,
    pub duration: Option<String>,
    pub stops: Vec<Stop>,
}

/// Minutes in a duration as lessons write it: "60 minutes", "8 min", "1 minute".
pub fn minutes_in(text: &str) -> Option<u32> {
    let mut words = text.split_whitespace();
    let n: u32 = words.next()?.parse().ok()?;
    match (words.next(), words.next()) {
        (Some("minutes" | "minute" | "min"), None) if (1..=24 * 60).contains(&n) => Some(n),
        _ => None,
    }
}

impl Lesson {
    /// The lesson's planned minutes, when its `duration` reads as minutes.
    pub fn minutes(&self) -> Option<u32> {
        self.duration.as_deref().and_then(minutes_in)
    }

    /// The events a stop shows, in timeline order.
    pub fn events_of(&self, stop: &Stop, t: &Timeline) -> Vec<usize> {
        match &stop.target {
            Target::Event(id) => t.event_position(id).into_iter().collect(),
            Target::Query(q) => {
                let mut hits = q.filter(t);
                hits.truncate(MAX_STOP_EVENTS);
                hits
            }
        }
    }
}

/// The most stops a lesson may have: a class takes in about one a minute,
/// and a file of thousands would make handouts of gigabytes.
pub const MAX_STOPS: usize = 100;

/// The most events one query stop shows (the first, by date): more than a
/// screen can hold, and a bound on every stop's handout.
pub const MAX_STOP_EVENTS: usize = 100;

const LESSON_FIELDS: &[&str] = &["title", "summary", "audience", "duration", "stops"];
const STOP_FIELDS: &[&str] = &[
    "event", "query", "title", "prompt", "notes", "reveal", "duration", "chart",
];

fn lesson_id(file: &str) -> String {
    let name = file.rsplit('/').next().unwrap_or(file);
    name.strip_suffix(".toml").unwrap_or(name).to_string()
}

/// Reads and checks lessons against a timeline, reporting every problem
/// with its position.
pub fn load(files: &[DataFile], t: &Timeline) -> (Vec<Lesson>, Vec<Diagnostic>) {
    let texts: Vec<SourceText> = files.iter().map(|f| SourceText::new(&f.name, &f.text)).collect();
    let mut diagnostics = Vec::new();
    let mut lessons = Vec::new();
    let mut suggested = 0;
    let mut ids: Option<Vec<&str>> = None;
    for (i, f) in files.iter().enumerate() {
        let mut cx = Ctx {
            files: &texts,
            file: i,
            base: 0,
            diagnostics: &mut diagnostics,
        };
        let doc = match crate::load::syntax::parse_document(cx.src(), 0, &f.text) {
            Ok(doc) => doc,
            Err(reported) => {
                cx.diagnostics.extend(reported);
                continue;
            }
        };
        let whole = toml::Spanned::new(doc.span(), DeValue::Table(doc.into_inner()));
        let Some(fields) = Fields::new(&mut cx, &whole, "lesson", LESSON_FIELDS) else {
            continue;
        };
        let title = fields.line(&mut cx, "title", true);
        let summary = fields.block(&mut cx, "summary", true);
        let audience = fields.line(&mut cx, "audience", false).map(|a| a.0);
        let duration = fields.line(&mut cx, "duration", false).map(|d| d.0);
        let stops = fields.tables(&mut cx, "stops", "stop", STOP_FIELDS, |cx, s| {
            let event = s.line(cx, "event", false);
            let query = s.line(cx, "query", false);
            let target = match (event, query) {
                (Some((id, span)), None) => {
                    if t.event(&id).is_none() {
                        // Only the first few get a suggestion, as in data files.
                        let hint = (suggested < crate::load::SUGGESTED)
                            .then(|| {
                                suggested += 1;
                                let ids = ids.get_or_insert_with(|| {
                                    t.events.iter().map(|e| e.id.as_str()).collect::<Vec<_>>()
                                });
                                crate::text::did_you_mean(&id, ids)
                            })
                            .flatten();
                        match hint {
                            Some(hint) => cx.error_with_help(span, format!("unknown event `{id}`"), hint),
                            None => cx.error(span, format!("unknown event `{id}`")),
                        }
                        return None;
                    }
                    Target::Event(id)
                }
                (None, Some((text, span))) => match Query::parse(&text) {
                    Ok(q) => Target::Query(q),
                    Err(e) => {
                        cx.error(span, format!("`query`: {e}"));
                        return None;
                    }
                },
                (Some((_, span)), Some(_)) => {
                    cx.error(span, "a stop names either an `event` or a `query`, not both");
                    return None;
                }
                (None, None) => {
                    cx.error(
                        s.span.start..s.span.start + 1,
                        "a stop needs an `event` id or a `query`",
                    );
                    return None;
                }
            };
            let title = s.line(cx, "title", false).map(|t| t.0);
            let minutes = match s.line(cx, "duration", false) {
                None => None,
                Some((text, span)) => match minutes_in(&text) {
                    Some(m) => Some(m),
                    None => {
                        cx.error_with_help(
                            span,
                            format!("`duration`: cannot read `{text}` as minutes"),
                            "write it as \"8 minutes\"",
                        );
                        None
                    }
                },
            };
            let chart = match s.line(cx, "chart", false) {
                None => None,
                Some((name, span)) => match (name.as_str(), &target) {
                    ("tiers", Target::Query(_)) => Some(Chart::Tiers),
                    ("tiers", Target::Event(_)) => {
                        cx.error_with_help(
                            span,
                            "a chart draws a query's events, and this stop names one event",
                            "write `query = \"kind:ranking\"` instead of `event`",
                        );
                        None
                    }
                    _ => {
                        cx.error_with_help(
                            span,
                            format!("unknown chart `{name}`"),
                            format!("expected one of: {}", CHARTS.join(", ")),
                        );
                        None
                    }
                },
            };
            let prompt = s.block(cx, "prompt", true)?;
            let notes = s.block(cx, "notes", false);
            let mut reveal = Vec::new();
            for (part, span) in s.lines(cx, "reveal") {
                if PARTS.contains(&part.as_str()) {
                    reveal.push(part);
                } else {
                    cx.error_with_help(
                        span,
                        format!("unknown part `{part}`"),
                        format!("expected one of: {}", PARTS.join(", ")),
                    );
                }
            }
            if reveal.is_empty() {
                reveal = PARTS.iter().map(|p| p.to_string()).collect();
            }
            Some(Stop {
                target,
                title,
                prompt,
                notes,
                reveal,
                minutes,
                chart,
            })
        });
        match fields.table.get("stops") {
            Some(v) if stops.len() > MAX_STOPS => cx.error(
                v.span(),
                format!("a lesson has {} stops; at most {MAX_STOPS}", stops.len()),
            ),
            None if stops.is_empty() => cx.error(0..0, "a lesson needs at least one [[stops]]"),
            // `stops = []` is a lesson with nothing to present.
            Some(v) if v.get_ref().as_array().is_some_and(|a| a.is_empty()) => {
                cx.error(v.span(), "a lesson needs at least one stop; `stops` is empty")
            }
            _ => {}
        }
        if let (Some((title, _)), Some(summary)) = (title, summary) {
            lessons.push(Lesson {
                id: lesson_id(&f.name),
                file: f.name.clone(),
                title,
                summary,
                audience,
                duration,
                stops,
            });
        }
    }
    (lessons, diagnostics)
}

/// The embedded lessons, or those in a directory (`*.toml`, by name).
pub fn files(dir: Option<&std::path::Path>) -> Result<Vec<DataFile>, Diagnostic> {
    let Some(dir) = dir else {
        return Ok(EMBEDDED
            .iter()
            .map(|(n, t)| DataFile {
                name: n.to_string(),
                text: t.to_string(),
            })
            .collect());
    };
    let shown = dir.display().to_string();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Diagnostic::file_error(&shown, format!("cannot read the folder: {e}")))?;
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths.iter().map(|p| DataFile::read(p)).collect()
}
