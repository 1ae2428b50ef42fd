//! `lessons`, `quiz` and `notes`: the subcommands for teaching with the timeline.
//! (`present` opens the app, as browsing does.)

use super::args::{FilterArgs, QuizModeArg};
use super::data::{find_lesson, known_values, load_lessons, load_timeline, query_of};
use super::io::{emit, EXIT_USAGE};
use crate::teach::quiz::{Quiz, QuizMode};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// The lessons, one paragraph each.
pub(super) fn lessons(data: &[PathBuf], dir: Option<&Path>) -> Result<(), u8> {
    let timeline = load_timeline(data)?;
    let lessons = load_lessons(dir, &timeline)?;
    // Ids come from file names, which can hold any byte but `/`.
    let line = |s: &str| crate::text::sanitize_line(s).into_owned();
    let mut out = String::new();
    for l in &lessons {
        let mut meta = vec![format!("{} stops", l.stops.len())];
        meta.extend(l.duration.as_deref().map(line));
        meta.extend(l.audience.as_deref().map(line));
        out.push_str(&format!(
            "{}\n  {}\n  {}\n",
            line(&l.id),
            line(&l.title),
            meta.join(" · ")
        ));
    }
    out.push_str(&format!("{} lesson(s)\n", lessons.len()));
    emit(&out)
}

/// A lesson's preview: each stop with its title, the parts it reveals in
/// order (only those its event has), its question and the notes.
pub(super) fn show_lesson(data: &[PathBuf], dir: Option<&Path>, id: &str) -> Result<(), u8> {
    let timeline = load_timeline(data)?;
    let lessons = load_lessons(dir, &timeline)?;
    let l = find_lesson(&lessons, id)?;
    let presenter = crate::app::presenter::Presenter::from_lesson(l, &timeline);
    let line = |s: &str| crate::text::sanitize_line(s).into_owned();
    let mut out = format!("{}\n{}\n", line(&l.title), line(&l.summary));
    let mut meta = vec![format!("{} stops", l.stops.len())];
    meta.extend(l.duration.as_deref().map(line));
    meta.extend(l.audience.as_deref().map(line));
    out.push_str(&format!("{}\n", meta.join(" · ")));
    for (i, slide) in presenter.slides.iter().enumerate() {
        out.push_str(&format!(
            "\n{}. {}\n",
            i + 1,
            line(&presenter.slide_title(i, &timeline))
        ));
        match slide.events.as_slice() {
            [one] => out.push_str(&format!("   event: {}\n", line(&timeline.events[*one].id))),
            many => out.push_str(&format!("   {} events at once\n", many.len())),
        }
        if !slide.reveal.is_empty() {
            out.push_str(&format!("   reveals: {}\n", slide.reveal.join(", ")));
        }
        if let Some(q) = &slide.prompt {
            out.push_str(&format!("   question: {}\n", line(q)));
        }
        if let Some(n) = &slide.notes {
            // Line breaks in notes are kept, each line indented.
            for (j, l) in n.lines().enumerate() {
                let lead = if j == 0 { "   notes: " } else { "          " };
                out.push_str(&format!("{lead}{}\n", line(l)));
            }
        }
    }
    emit(&out)
}

/// A quiz for paper (HTML, with its answer key) or Moodle (GIFT), from a
/// lesson's events or the filtered timeline.
#[allow(clippy::too_many_arguments)]
pub(super) fn export_quiz(
    data: &[PathBuf],
    global: &FilterArgs,
    filter: &FilterArgs,
    dir: Option<&Path>,
    lesson: Option<String>,
    seed: Option<u64>,
    format: super::args::QuizFormat,
    output: Option<&Path>,
) -> Result<(), u8> {
    let query = query_of(global)?.and(query_of(filter)?);
    let timeline = load_timeline(data)?;
    let (title, pool) = match lesson {
        Some(name) => {
            let lessons = load_lessons(dir, &timeline)?;
            let l = find_lesson(&lessons, &name)?;
            (l.title.clone(), lesson_pool(l, &timeline))
        }
        None => (
            "Cambodia's responses to human trafficking".to_string(),
            query.filter(&timeline),
        ),
    };
    let seed = seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs())
    });
    let mut questions = crate::teach::paper::questions(&timeline, &pool, seed);
    questions.extend(crate::teach::paper::who_said_what(&timeline, &pool, seed));
    if questions.is_empty() {
        errln!("tipline: not enough events for a quiz; widen the filter");
        return Err(EXIT_USAGE);
    }
    let text = match format {
        super::args::QuizFormat::Html => crate::interop::quiz::html(&title, seed, &questions),
        super::args::QuizFormat::Gift => crate::interop::quiz::gift(&title, seed, &questions),
    };
    let mut inputs = data.to_vec();
    if let Some(dir) = dir {
        if let Ok(entries) = std::fs::read_dir(dir) {
            inputs.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
        }
    }
    super::io::write_output(output, &text, &inputs)
}

/// A lesson's events, each once, in timeline order.
fn lesson_pool(l: &crate::teach::lesson::Lesson, t: &crate::timeline::model::Timeline) -> Vec<usize> {
    let mut all: Vec<usize> = l.stops.iter().flat_map(|s| l.events_of(s, t)).collect();
    all.sort();
    all.dedup();
    all
}

/// What a quiz asks about and how.
pub(super) struct QuizArgs {
    pub filter: FilterArgs,
    pub mode: QuizModeArg,
    pub count: usize,
    pub seed: Option<u64>,
    pub lesson: Option<String>,
}

pub(super) fn quiz(
    data: &[PathBuf],
    global: &FilterArgs,
    dir: Option<&Path>,
    args: QuizArgs,
    config: Option<&Path>,
) -> Result<(), u8> {
    let query = query_of(global)?.and(query_of(&args.filter)?);
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        errln!("tipline: quiz needs a terminal");
        return Err(EXIT_USAGE);
    }
    let timeline = load_timeline(data)?;
    known_values(&query, &timeline)?;
    let pool: Vec<usize> = match args.lesson {
        Some(name) => {
            let lessons = load_lessons(dir, &timeline)?;
            let l = find_lesson(&lessons, &name)?;
            lesson_pool(l, &timeline)
        }
        None => query.filter(&timeline),
    };
    let seed = args.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs())
    });
    let mode = if args.mode == QuizModeArg::Year {
        QuizMode::Year
    } else {
        QuizMode::Order
    };
    let quiz = Quiz::new(&timeline, &pool, mode, args.count, seed);
    if quiz.items.len() < 2 {
        errln!("tipline: not enough events for a quiz; widen the filter");
        return Err(EXIT_USAGE);
    }
    if let Some(why) = quiz.shortfall() {
        errln!("tipline: {why}");
    }
    let keymap = super::launch::keymap(config)?;
    let score = crate::app::quizui::run(&timeline, quiz, &keymap).map_err(super::launch::exit_status)?;
    emit(&format!("{score} (seed {seed})\n"))
}

/// The speaker's notes window for a running presentation.
pub(super) fn notes(pid: Option<u32>, config: Option<&std::path::Path>) -> Result<(), u8> {
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        errln!("tipline: notes needs a terminal");
        return Err(EXIT_USAGE);
    }
    let keymap = super::launch::keymap(config)?;
    crate::app::notes::run(pid, &keymap).map_err(super::launch::exit_status)
}
