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
