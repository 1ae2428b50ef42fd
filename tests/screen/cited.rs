//! A lesson's sources as the room reads them: the end screen scrolled to
//! its last source, and each stop's citation markers numbered as the end
//! screen and the handout number the sources. Read off the drawn buffer,
//! on a fixture of three events, two of them citing one source in common.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipline::app::presenter::Presenter;
use tipline::app::theme::{Theme, ThemeName};
use tipline::app::{draw as ui, Action, App, Input, Mode, Msg};
use tipline::load::{load, DataFile};
use tipline::teach::lesson;
use tipline::Query;

fn cited() -> tipline::Timeline {
    let file = DataFile::read(&crate::common::fixture("cited.toml")).unwrap();
    load(vec![file]).timeline.expect("the fixture loads")
}

fn cited_lesson(t: &tipline::Timeline) -> lesson::Lesson {
    let files = lesson::files(Some(&crate::common::fixture("cited-lessons"))).unwrap();
    let (lessons, problems) = lesson::load(&files, t);
    assert!(problems.is_empty(), "{problems:?}");
    lessons.into_iter().find(|l| l.id == "cited").unwrap()
}

/// The fixture lesson presented on the projector preset without colour, at 80×24.
fn presenting() -> App {
    let t = cited();
    let p = Presenter::from_lesson(&cited_lesson(&t), &t);
    let settings = tipline::app::Settings {
        projector: true,
        theme: Theme::new(ThemeName::HighContrast, true),
        ..Default::default()
    };
    let mut app = App::with_settings(t, Query::default(), settings);
    app.update(Input::Resize(80, 24));
    app.update(Msg::Present(Box::new(p)));
    app
}

fn presenter(app: &App) -> &Presenter {
    match app.mode() {
        Mode::Present(p) => p,
        other => panic!("not presenting: {other:?}"),
    }
}

fn reveal_all(app: &mut App) {
    while presenter(app).parts_left() > 0 {
        app.update(Action::Reveal);
    }
}

/// The rows drawn at 80×24.
fn drawn(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer();
    (0..24)
        .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}

fn at_the_end_screen() -> App {
    let mut app = presenting();
    for _ in 0..3 {
        app.update(Action::NextStop);
    }
    assert!(presenter(&app).ended());
    app
}

#[test]
fn down_pgdn_and_end_reach_the_last_source_of_the_end_screen() {
    let top = drawn(&at_the_end_screen()).join("\n");
    assert!(top.contains(" 1. The Post: Hotline opens"), "{top}");
    assert!(top.contains("more ↓") && !top.contains("more ↑"), "{top}");
    assert!(!top.contains("27. Report 24"), "{top}");
    // ↓ a row at a time, PgDn (→, a clicker's button) a page, End at once.
    for (action, presses) in [(Action::Down, 60), (Action::NextStop, 3), (Action::LastStop, 1)] {
        let mut app = at_the_end_screen();
        for _ in 0..presses {
            app.update(action);
        }
        assert!(presenter(&app).ended(), "{action:?} stays on the end screen");
        let rows = drawn(&app);
        let all = rows.join("\n");
        assert!(
            all.contains("27. Report 24: A long report title"),
            "{action:?}:\n{all}"
        );
        assert!(
            all.contains("https://example.org/reports/24"),
            "{action:?}:\n{all}"
        );
        // Nothing more below: the marker says only that there is more above.
        assert_eq!(rows[21].trim(), "more ↑", "{action:?}:\n{all}");
    }
}

#[test]
fn a_page_down_the_end_screen_moves_by_the_rows_shown() {
    let mut app = at_the_end_screen();
    let before = drawn(&app);
    app.update(Action::NextStop);
    let after = drawn(&app);
    // The body shows 19 rows (2 to 20) and the marker: a page on, the last
    // row read is the first, so the room keeps its place.
    assert_eq!(after[2], before[20], "{}", after.join("\n"));
    assert_eq!(after[21].trim(), "more ↑ ↓", "{}", after.join("\n"));
    // ← goes back to the last stop, at its top.
    app.update(Action::PrevStop);
    assert_eq!(presenter(&app).position(), "3 / 3");
    assert_eq!(presenter(&app).scroll(), 0);
    app.update(Action::NextStop);
    assert_eq!(presenter(&app).scroll(), 0, "the end screen opens at its top");
    // Typed digits and G still go to a stop from the end screen.
    app.update(Input::Char('2'));
    app.update(Action::LastStop);
    assert_eq!(presenter(&app).position(), "2 / 3");
    reveal_all(&mut app);
}

/// The end screen's number for a publisher: the row " 3. The Radio: …".
fn end_number(rows: &[String], publisher: &str) -> String {
    let row = rows
        .iter()
        .find(|r| r.contains(&format!(". {publisher}:")))
        .unwrap_or_else(|| panic!("no source of {publisher}:\n{}", rows.join("\n")));
    let before = &row[..row.find(&format!(". {publisher}:")).unwrap()];
    before.trim().to_string()
}

#[test]
fn a_stops_markers_are_the_numbers_the_end_screen_and_handout_give() {
    // Stop 2's event cites The Wire and The Radio as its [1] and [2]; the
    // lesson cites The Post, The Wire, then The Radio.
    let mut app = presenting();
    app.update(Action::NextStop);
    reveal_all(&mut app);
    let stop = drawn(&app).join("\n");
    assert!(stop.contains("The Wire counted 368 complaints.[2]"), "{stop}");
    assert!(stop.contains("The Radio reported 361 rescued.[3]"), "{stop}");
    // The quote names its source by the same number.
    assert!(stop.contains("— The Wire [2]"), "{stop}");
    for _ in 0..2 {
        app.update(Action::NextStop);
    }
    let end = drawn(&app);
    assert_eq!(end_number(&end, "The Wire"), "2");
    assert_eq!(end_number(&end, "The Radio"), "3");
    // The handout numbers its sources the same way.
    let t = cited();
    let lesson = cited_lesson(&t);
    let doc = tipline::interop::handout::Document::lesson(&lesson, &t, false);
    let md = tipline::interop::handout::markdown(&doc, &t);
    // (Markdown's brackets escaped, so the marker is never read as a link.)
    assert!(md.contains(r"The Radio reported 361 rescued.\[3\]"), "{md}");
    assert!(md.contains("\n3. The Radio, *Rescues reported*"), "{md}");
    let html = tipline::interop::handout::html(&doc, &t);
    assert!(
        html.contains("The Radio reported 361 rescued.<a href=\"#source-3\">[3]</a>"),
        "{html}"
    );
    assert!(
        html.contains("<li id=\"source-3\">The Radio, <i>Rescues reported</i>"),
        "{html}"
    );
}

#[test]
fn a_stop_presented_from_the_timeline_keeps_the_events_own_markers() {
    // Presenting the filtered view has no end screen: the markers are the
    // event's own, as the detail pane numbers its sources.
    let mut app = App::new(cited(), Query::parse("kind:statistics").unwrap());
    app.update(Input::Resize(80, 24));
    app.update(Action::Down);
    app.update(Action::Present);
    reveal_all(&mut app);
    let stop = drawn(&app).join("\n");
    assert!(stop.contains("The Radio reported 361 rescued.[2]"), "{stop}");
}

/// The rows drawn at a size.
fn drawn_at(app: &mut App, w: u16, h: u16) -> Vec<String> {
    app.update(Input::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}

#[test]
fn a_stop_shows_the_events_later_paragraph_or_says_where_it_is() {
    let mut app = presenting();
    app.update(Action::NextStop);
    reveal_all(&mut app);
    // Room for it: the details follow the summary, markers numbered for the lesson.
    let rows = drawn_at(&mut app, 80, 24);
    let all = rows.join("\n");
    assert!(all.contains("The Radio reported 361 rescued.[3]"), "{all}");
    assert!(
        all.contains("A later paragraph: The Radio added that more were rescued.[3]"),
        "{all}"
    );
    assert!(!all.contains("more in the event"), "{all}");
    // No room: the stop says there is more and where, whatever is revealed.
    let mut app = presenting();
    app.update(Action::NextStop);
    app.update(Action::Reveal);
    app.update(Action::Reveal);
    assert!(presenter(&app).shows("facts"));
    let rows = drawn_at(&mut app, 80, 15);
    let all = rows.join("\n");
    assert!(!all.contains("A later paragraph"), "{all}");
    assert!(
        all.contains("… more in the event: tipline show complaints-counted"),
        "{all}"
    );
    // The handout has the room: it gives the paragraph, numbered as its sources.
    let t = cited();
    let lesson = cited_lesson(&t);
    let doc = tipline::interop::handout::Document::lesson(&lesson, &t, false);
    let md = tipline::interop::handout::markdown(&doc, &t);
    assert!(
        md.contains(r"A later paragraph: The Radio added that more were rescued.\[3\]"),
        "{md}"
    );
    let html = tipline::interop::handout::html(&doc, &t);
    assert!(
        html.contains(
            "<p>A later paragraph: The Radio added that more were rescued.<a href=\"#source-3\">[3]</a></p>"
        ),
        "{html}"
    );
}

#[test]
fn a_date_with_a_mark_says_what_the_mark_means() {
    let mut app = presenting();
    app.update(Action::Reveal);
    // Stop 1: a date the sources leave in doubt, explained beside it.
    let rows = drawn(&app);
    assert!(
        rows.iter()
            .any(|r| r.trim() == "18 Aug 2022?  (? the sources leave this date in doubt)"),
        "{}",
        rows.join("\n")
    );
    // Stop 2: an approximate date, its place taking the room beside it:
    // explained under it.
    app.update(Action::NextStop);
    app.update(Action::Reveal);
    let rows = drawn(&app);
    let date = rows
        .iter()
        .position(|r| r.trim() == "c. Sep 2022 · Phnom Penh, Sihanoukville and Siem Reap provinces")
        .unwrap_or_else(|| panic!("{}", rows.join("\n")));
    assert_eq!(
        rows[date + 1].trim(),
        "c. about (the sources give it roughly)",
        "{}",
        rows.join("\n")
    );
    // Stop 3: a date the compilers worked out.
    app.update(Action::NextStop);
    app.update(Action::Reveal);
    let rows = drawn(&app);
    assert!(
        rows.iter()
            .any(|r| r.trim() == "1 Oct 2022?  (? worked out by the compilers)"),
        "{}",
        rows.join("\n")
    );
}
