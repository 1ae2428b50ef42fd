//! `lessons`, `quiz` and `notes`: the subcommands for teaching with the timeline.
//! (`present` opens the app, as browsing does.)

use super::args::{FilterArgs, QuizType};
use super::data::{find_lesson, known_values, load_lessons, load_timeline, query_of};
use super::io::{emit, EXIT_USAGE};
use crate::teach::questions::Drawn;
use crate::teach::quiz::lesson_pool;
use crate::timeline::model::Timeline;
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

/// What a quiz asks about and how, on screen and on paper alike.
pub(super) struct QuizArgs {
    pub filter: FilterArgs,
    pub quiz_type: QuizType,
    pub count: Option<usize>,
    pub seed: Option<u64>,
    pub lesson: Option<String>,
}

/// A quiz drawn from the command's arguments: what `quiz` asks on screen
/// and `export quiz` prints.
struct DrawnQuiz {
    title: String,
    timeline: Timeline,
    drawn: Drawn,
    /// The command that prints these questions on paper.
    paper: String,
}

/// A quiz's title, drawn questions and seed, from the same arguments on
/// screen and on paper: the one drawing both ask.
fn draw_quiz(
    data: &[PathBuf],
    global: &FilterArgs,
    dir: Option<&Path>,
    args: &QuizArgs,
) -> Result<DrawnQuiz, u8> {
    let query = query_of(global)?.and(query_of(&args.filter)?);
    if args.count == Some(0) {
        errln!("tipline: --count 0 asks nothing; give 1 or more");
        return Err(EXIT_USAGE);
    }
    let timeline = load_timeline(data)?;
    known_values(&query, &timeline)?;
    let (title, lesson, pool) = match &args.lesson {
        Some(name) => {
            let lessons = load_lessons(dir, &timeline)?;
            let l = find_lesson(&lessons, name)?;
            (l.title.clone(), Some(l.id.clone()), lesson_pool(l, &timeline))
        }
        None => (
            "Cambodia's responses to human trafficking".to_string(),
            None,
            query.filter(&timeline),
        ),
    };
    let seed = args.seed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_secs())
    });
    let pick = args.quiz_type.pick();
    let count = args.count.unwrap_or(pick.default_count());
    let drawn = crate::teach::questions::draw(&timeline, &pool, pick, count, seed);
    if drawn.asked.is_empty() {
        let instead = if lesson.is_some() {
            "choose another type or lesson"
        } else {
            "widen the filter or choose another type"
        };
        match &drawn.shortfall {
            Some(why) => errln!("tipline: {}; {instead}", crate::text::sanitize_line(why)),
            None => {
                errln!("tipline: not enough events for a quiz; {instead}");
                say_what_is_missing(&drawn);
            }
        }
        return Err(EXIT_USAGE);
    }
    let paper = paper_command(data, dir, lesson.as_deref(), &query, &drawn);
    Ok(DrawnQuiz {
        title,
        timeline,
        drawn,
        paper,
    })
}

/// `tipline [--data FILE]... [--lessons DIR] export quiz [--lesson ID]
/// --type TYPE [--count N] --seed N [-- QUERY]`: the command that prints
/// the questions drawn, quoted for a POSIX shell. The query is every filter
/// given, before the subcommand or after it, in its canonical text.
fn paper_command(
    data: &[PathBuf],
    dir: Option<&Path>,
    lesson: Option<&str>,
    query: &crate::query::Query,
    drawn: &Drawn,
) -> String {
    let mut words: Vec<String> = vec!["tipline".into()];
    for f in data {
        words.push("--data".into());
        words.push(f.to_string_lossy().into_owned());
    }
    if let (Some(dir), Some(_)) = (dir, lesson) {
        words.push("--lessons".into());
        words.push(dir.to_string_lossy().into_owned());
    }
    words.extend(["export".to_string(), "quiz".to_string()]);
    if let Some(id) = lesson {
        words.push("--lesson".into());
        words.push(id.to_string());
    }
    words.extend(drawn.option_words());
    if !query.is_empty() {
        // After `--`, a query starting with `-` (a negation) is not a flag.
        words.push("--".into());
        words.push(query.to_string());
    }
    let quoted: Vec<String> = words.iter().map(|w| crate::app::sources::shell_word(w)).collect();
    quoted.join(" ")
}

/// What a quiz says on stderr before it begins: why it has fewer questions
/// than asked for, and the kinds a mixed quiz leaves out.
fn say_what_is_missing(drawn: &Drawn) {
    if let Some(why) = &drawn.shortfall {
        errln!("tipline: {}", crate::text::sanitize_line(why));
    }
    for l in &drawn.left_out {
        errln!("tipline: left out: {}", crate::text::sanitize_line(&l.line()));
    }
}

/// A quiz for paper (HTML, with its answer key) or Moodle (GIFT), from a
/// lesson's events or the filtered timeline.
pub(super) fn export_quiz(
    data: &[PathBuf],
    global: &FilterArgs,
    dir: Option<&Path>,
    args: QuizArgs,
    format: super::args::QuizFormat,
    output: Option<&Path>,
) -> Result<(), u8> {
    let DrawnQuiz { title, drawn, .. } = draw_quiz(data, global, dir, &args)?;
    say_what_is_missing(&drawn);
    let questions = drawn.questions();
    let text = match format {
        super::args::QuizFormat::Html => {
            crate::interop::quiz::html(&title, drawn.seed, &questions, &drawn.left_out)
        }
        super::args::QuizFormat::Gift => {
            crate::interop::quiz::gift(&title, drawn.seed, &questions, &drawn.left_out)
        }
    };
    let mut inputs = data.to_vec();
    if let Some(dir) = dir {
        if let Ok(entries) = std::fs::read_dir(dir) {
            inputs.extend(entries.filter_map(|e| e.ok().map(|e| e.path())));
        }
    }
    super::io::write_output(output, &text, &inputs)
}

pub(super) fn quiz(
    data: &[PathBuf],
    global: &FilterArgs,
    dir: Option<&Path>,
    args: QuizArgs,
    config: Option<&Path>,
) -> Result<(), u8> {
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        // Checked before anything is read, so a script learns at once.
        query_of(global)?.and(query_of(&args.filter)?);
        errln!("tipline: quiz needs a terminal");
        return Err(EXIT_USAGE);
    }
    let DrawnQuiz {
        timeline,
        drawn,
        paper,
        ..
    } = draw_quiz(data, global, dir, &args)?;
    say_what_is_missing(&drawn);
    let seed = drawn.seed;
    let keymap = super::launch::keymap(config)?;
    let state = crate::app::quizui::QuizState::with_keys(drawn, &keymap).with_paper(paper);
    let score = crate::app::quizui::run(&timeline, state, &keymap).map_err(super::launch::exit_status)?;
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
