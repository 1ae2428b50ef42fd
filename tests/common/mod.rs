//! What every group of tests shares: the fixture world they read instead of
//! the embedded dataset, so that adding to the dataset changes no test
//! outside its own (`tests/dataset.rs`).

// Each group of tests uses some of these, never all.
#![allow(dead_code)]

pub mod gift;
pub mod one_answer;
pub mod screen_text;

use std::path::{Path, PathBuf};
use tipline::load::{load, DataFile};
use tipline::timeline::model::Timeline;

/// The fixture world: a frozen subset of the dataset (real events, sources
/// and quotes), with claims, disputes, derived dates, figures, links, eras,
/// observances and the glossary.
pub const WORLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/world.toml");

/// The lessons written against the fixture world.
pub const WORLD_LESSONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/world-lessons");

/// A file under `tests/fixtures`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The fixture world's file, as the loader takes it.
pub fn world_files() -> Vec<DataFile> {
    vec![DataFile::read(Path::new(WORLD)).expect("the fixture world is readable")]
}

/// The fixture world, loaded; it loads with no problem at all.
pub fn world() -> Timeline {
    let loaded = load(world_files());
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.timeline.expect("the fixture world loads")
}

/// The fixture lessons' files, as `lesson::load` takes them.
pub fn world_lesson_files() -> Vec<DataFile> {
    tipline::teach::lesson::files(Some(Path::new(WORLD_LESSONS))).expect("the fixture lessons are readable")
}

/// The command line's arguments run on the fixture world and its lessons:
/// `args` with `--data` and `--lessons` put first, unless `args` name their own.
pub fn on_world<'a>(args: &[&'a str]) -> Vec<&'a str> {
    let mut all = Vec::new();
    if !args.contains(&"--data") {
        all.extend(["--data", WORLD]);
    }
    if !args.contains(&"--lessons") {
        all.extend(["--lessons", WORLD_LESSONS]);
    }
    all.extend(args);
    all
}

/// Moves the keyboard to `pane` the way a reader does, with Tab (and `f`
/// first for the filter pane where the screen's width puts it away).
pub fn focus_on(app: &mut tipline::app::App, pane: tipline::app::Pane) {
    if pane == tipline::app::Pane::Filter && !app.focusable().contains(&pane) {
        app.update(tipline::app::Action::ToggleFilterPane);
    }
    for _ in 0..4 {
        if app.focus() == pane {
            return;
        }
        app.update(tipline::app::Action::FocusNext);
    }
    assert_eq!(app.focus(), pane, "Tab never reaches the pane");
}

/// Moves the filter pane's cursor to entry `i` with the arrow keys.
pub fn filter_cursor_to(app: &mut tipline::app::App, i: usize) {
    focus_on(app, tipline::app::Pane::Filter);
    while app.filter().cursor > i {
        app.update(tipline::app::Action::Up);
    }
    while app.filter().cursor < i {
        app.update(tipline::app::Action::Down);
    }
    assert_eq!(app.filter().cursor, i);
}

/// A data file of `copies` events that each draw one warning from `check`
/// (a sentence with no citation marker), and one actor no event names: the
/// provenance fixture's first event, copied.
pub fn unmarked_copies(copies: usize) -> String {
    let text = std::fs::read_to_string(fixture("provenance.toml")).unwrap();
    let kept = "summary = \"Sar Kheng said 95 per cent of 1,153 complaints were true.[1] It was the twelfth such day, in September.[2]\"";
    let start = text.find("[[events]]").unwrap();
    let end = text.find("[[events]]\nid = \"unmarked\"").unwrap();
    let event = &text[start..end];
    let id = event.lines().nth(1).unwrap();
    assert!(id.starts_with("id = ") && event.contains(kept));
    let mut file = text[..start].to_string();
    for n in 0..copies {
        file.push_str(
            &event
                .replacen(id, &format!("id = \"copy-{n}\""), 1)
                .replace(kept, "summary = \"Sar Kheng said so.\""),
        );
    }
    file
}
