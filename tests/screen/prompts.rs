//! The prompts' lines, edited as a shell edits its own: keys through the
//! key table, into `App::update`, and the line and caret as drawn.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipline::app::line::LineEditor;
use tipline::app::{draw as ui, Action, App, Input, Mode, Msg};
use tipline::query::Query;

fn app() -> App {
    let mut app = App::new(crate::common::world(), Query::default());
    app.update(Input::Resize(80, 24));
    app
}

/// A key as the terminal sends it, through the app's key table.
fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) {
    let msg = app
        .settings()
        .keymap
        .msg_for(app.mode().context(), KeyEvent::new(code, modifiers));
    match msg {
        Some(m) => drop(app.update(m)),
        None => panic!("{code:?} {modifiers:?} means nothing in {:?}", app.mode()),
    }
}

fn key(app: &mut App, code: KeyCode) {
    press(app, code, KeyModifiers::NONE);
}

fn ctrl(app: &mut App, c: char) {
    press(app, KeyCode::Char(c), KeyModifiers::CONTROL);
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// The open prompt's line and where its caret is.
fn line(app: &App) -> (String, usize) {
    let l: &LineEditor = match app.mode() {
        Mode::Search { input } | Mode::EditQuery { input, .. } | Mode::Year { input } => input,
        Mode::Pick(p) => &p.input,
        other => panic!("no prompt open: {other:?}"),
    };
    (l.as_str().to_string(), l.caret())
}

#[test]
fn the_query_prompt_edits_at_the_caret() {
    let mut app = app();
    app.update(Msg::Filter(Query::parse("kind:law").unwrap()));
    type_text(&mut app, ":");
    assert_eq!(line(&app), ("kind:law".into(), 8));
    key(&mut app, KeyCode::Home);
    type_text(&mut app, "year:2022 ");
    assert_eq!(line(&app), ("year:2022 kind:law".into(), 10));
    ctrl(&mut app, 'e');
    ctrl(&mut app, 'w');
    assert_eq!(line(&app), ("year:2022 ".into(), 10), "Ctrl-W erases a word");
    type_text(&mut app, "kind:lwa");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Right);
    type_text(&mut app, "w");
    assert_eq!(line(&app), ("year:2022 kind:law".into(), 18));
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Delete);
    assert_eq!(
        line(&app),
        ("year:2022 kind:la".into(), 17),
        "Delete erases at the caret"
    );
    type_text(&mut app, "w");
    ctrl(&mut app, 'a');
    key(&mut app, KeyCode::Delete);
    type_text(&mut app, "y");
    key(&mut app, KeyCode::End);
    assert_eq!(line(&app), ("year:2022 kind:law".into(), 18));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.query().to_string(), "year:2022 kind:law");
    // Ctrl-U and Ctrl-K erase up to either end of the line.
    type_text(&mut app, ":");
    for _ in 0..8 {
        key(&mut app, KeyCode::Left);
    }
    ctrl(&mut app, 'k');
    assert_eq!(line(&app), ("year:2022 ".into(), 10));
    key(&mut app, KeyCode::Left);
    ctrl(&mut app, 'u');
    assert_eq!(line(&app), (" ".into(), 0));
}

#[test]
fn the_query_prompt_calls_back_the_sessions_queries() {
    let mut app = app();
    for q in ["kind:law", "year:2022"] {
        type_text(&mut app, ":");
        ctrl(&mut app, 'u');
        type_text(&mut app, q);
        key(&mut app, KeyCode::Enter);
    }
    type_text(&mut app, ":");
    assert_eq!(line(&app).0, "year:2022", "the prompt opens on the filter");
    key(&mut app, KeyCode::Up);
    assert_eq!(
        line(&app),
        ("kind:law".into(), 8),
        "the line shown is passed over"
    );
    key(&mut app, KeyCode::Up);
    assert_eq!(line(&app).0, "kind:law", "the oldest stays");
    key(&mut app, KeyCode::Down);
    assert_eq!(line(&app).0, "year:2022", "back to the line that was open");
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.query().to_string(), "kind:law");
}

#[test]
fn the_search_prompt_edits_and_calls_back_earlier_searches_live() {
    let mut app = app();
    type_text(&mut app, "/hotline");
    let hotline = app.filtered().to_vec();
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('x'));
    type_text(&mut app, "/koh pich");
    ctrl(&mut app, 'w');
    assert_eq!(line(&app), ("koh ".into(), 4));
    ctrl(&mut app, 'u');
    assert_eq!(
        app.filtered().len(),
        app.timeline().events.len(),
        "the empty line filters nothing"
    );
    key(&mut app, KeyCode::Up);
    assert_eq!(line(&app).0, "hotline");
    assert_eq!(app.filtered(), hotline, "a called-back search filters at once");
    key(&mut app, KeyCode::Home);
    type_text(&mut app, "zzz ");
    assert!(app.filtered().is_empty());
    key(&mut app, KeyCode::Esc);
    assert!(app.query().is_empty());
}

#[test]
fn the_year_prompt_edits_like_the_others() {
    let mut app = app();
    type_text(&mut app, "y2022");
    key(&mut app, KeyCode::Home);
    type_text(&mut app, "2019..");
    assert_eq!(line(&app), ("2019..2022".into(), 6));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.query().to_string(), "year:2019..2022");
    type_text(&mut app, "y2019..2022");
    ctrl(&mut app, 'a');
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Delete);
    key(&mut app, KeyCode::Delete);
    type_text(&mut app, "21");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.query().to_string(), "year:2021..2022"); // A range as it is often written, with a hyphen, either way round.
    type_text(&mut app, "y2010-2005");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.query().to_string(), "year:2005..2010");
}

#[test]
fn the_actor_picker_takes_the_same_keys() {
    let mut app = app();
    type_text(&mut app, "asar kheng");
    ctrl(&mut app, 'w');
    assert_eq!(line(&app), ("sar ".into(), 4));
    ctrl(&mut app, 'u');
    assert_eq!(line(&app), (String::new(), 0));
    match app.mode() {
        Mode::Pick(p) => assert_eq!(p.matches.len(), app.timeline().actors.len(), "every actor again"),
        other => panic!("{other:?}"),
    }
}

/// The caret is drawn where it is, on the character it stands on, and the
/// terminal's cursor is put there for magnifiers and braille displays.
#[test]
fn the_caret_is_drawn_inside_the_line() {
    let mut app = app();
    app.update(Msg::Filter(Query::parse("kind:law year:2022").unwrap()));
    type_text(&mut app, ":");
    for _ in 0..9 {
        key(&mut app, KeyCode::Left);
    }
    // The status line's first row, above the key hints.
    let y = app.regions().status.y;
    assert_eq!(y, 21);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let row: String = (0..80).map(|x| buffer[(x, y)].symbol().to_string()).collect();
    assert!(row.starts_with("query: kind:law year:2022 "), "{row}");
    let caret = "query: kind:law ".len() as u16;
    assert_eq!(buffer[(caret, y)].symbol(), "y");
    assert!(buffer[(caret, y)]
        .modifier
        .contains(ratatui::style::Modifier::REVERSED));
    assert!(!buffer[(caret + 1, y)]
        .modifier
        .contains(ratatui::style::Modifier::REVERSED));
    terminal.backend_mut().assert_cursor_position((caret, y));
    // A line longer than the status line shows the part around the caret.
    let long = format!("kind:law {}", "year:2022 ".repeat(12));
    app.update(Action::Cancel);
    type_text(&mut app, ":");
    ctrl(&mut app, 'u');
    type_text(&mut app, &long);
    ctrl(&mut app, 'a');
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let row: String = (0..80).map(|x| buffer[(x, y)].symbol().to_string()).collect();
    assert!(row.starts_with("query: kind:law year:2022"), "{row}");
    assert!(row.ends_with('…'), "{row}");
    terminal.backend_mut().assert_cursor_position((7, y));
}

/// The hint rows under a prompt, as drawn at 80x24.
fn hint_rows(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    (22..24)
        .map(|y| {
            (0..80)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Each prompt's hints name what its keys do there: ↑ and ↓ step through
/// the lines typed before, the years, or the choices; Enter keeps what was
/// typed or chosen, or copies in the copy menu.
#[test]
fn each_prompt_hints_what_its_keys_do_there() {
    for (keys, says) in [
        ("/", "Enter keep  Esc drop  ↑↓ history"),
        (":", "Enter keep  Esc drop  ↑↓ history"),
        ("y", "Enter keep  Esc drop  ↑↓ step"),
        ("a", "Enter keep  Esc drop  ↑↓ choose"),
        ("t", "Enter keep  Esc drop  ↑↓ choose"),
        ("c", "Enter copy  Esc drop  ↑↓ choose"),
    ] {
        let mut app = app();
        type_text(&mut app, keys);
        let rows = hint_rows(&app);
        assert_eq!(
            rows.lines().next().map(str::trim_end),
            Some(says),
            "{keys}: {rows}"
        );
    }
}

/// A picker whose choices do not all fit says on its frame's bottom edge
/// how many are out of view, above and below.
#[test]
fn a_picker_counts_the_choices_out_of_view() {
    let mut text = String::from("[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n");
    for i in 1..=30 {
        text.push_str(&format!(
            "\n[[actors]]\nid = \"a{i:02}\"\nname = \"Actor {i:02}\"\nkind = \"person\"\n"
        ));
        text.push_str(&format!(
            "\n[[events]]\nid = \"e{i}\"\ndate = \"2001\"\ntitle = \"E{i}\"\nkind = \"law\"\nactors = [\"a{i:02}\"]\nsummary = \"s\"\n[[events.sources]]\nsource = \"s\"\nquote = \"q\"\n"
        ));
    }
    let t = tipline::load::load(vec![tipline::DataFile {
        name: "actors.toml".into(),
        text,
    }])
    .timeline
    .unwrap();
    let mut app = App::new(t, Query::default());
    app.update(Input::Resize(80, 24));
    // The frame's bottom edge: 20 rows tall, from row 2 to row 21.
    let edge = |app: &App| {
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        terminal.draw(|f| ui::draw(f, app)).unwrap();
        let buffer = terminal.backend().buffer().clone();
        (0..80)
            .map(|x| buffer[(x, 21)].symbol().to_string())
            .collect::<String>()
    };
    type_text(&mut app, "a");
    // Seventeen rows of choices under the typed line.
    assert!(
        edge(&app).ends_with(" ↓ 13 more below ┛          "),
        "{}",
        edge(&app)
    );
    for _ in 0..20 {
        key(&mut app, KeyCode::Down);
    }
    assert!(
        edge(&app).ends_with(" ↑ 4 above · ↓ 9 below ┛          "),
        "{}",
        edge(&app)
    );
    for _ in 0..9 {
        key(&mut app, KeyCode::Down);
    }
    assert!(
        edge(&app).ends_with(" ↑ 13 more above ┛          "),
        "{}",
        edge(&app)
    );
}
