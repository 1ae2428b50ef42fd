//! The glossary screen and the way from the legend to it.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipline::app::{Action, App, Input, Mode, Msg};
use tipline::load::{load, DataFile};
use tipline::query::Query;

fn app(w: u16, h: u16) -> App {
    let file = DataFile::read(std::path::Path::new("tests/fixtures/glossary.toml")).unwrap();
    let t = load(vec![file]).timeline.expect("the glossary fixture loads");
    let mut app = App::new(t, Query::default());
    app.update(Input::Resize(w, h));
    app
}

fn screen(app: &App, w: u16, h: u16) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| tipline::app::draw::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}

/// The rows of the glossary box's inside, trimmed.
fn inside(rows: &[String]) -> Vec<String> {
    rows.iter()
        .filter_map(|r| {
            let (_, rest) = r.split_once('┃')?;
            let (text, _) = rest.rsplit_once('┃')?;
            Some(text.trim_end().to_string())
        })
        .collect()
}

#[test]
fn the_glossary_offers_the_selected_events_terms_first() {
    let mut app = app(100, 40);
    app.update(Msg::Goto("watch-list-2019".into()));
    app.update(Action::Glossary);
    assert_eq!(*app.mode(), Mode::Glossary { scroll: 0 });
    let rows = screen(&app, 100, 40);
    assert!(
        rows.iter().any(|r| r.contains("Glossary — Esc closes")),
        "{rows:#?}"
    );
    let text = inside(&rows);
    assert_eq!(
        text[..8],
        [
            "In the selected event",
            "",
            "Tier 2 Watch List",
            "  A warning placement one step above the lowest tier.",
            "  [1] “placed on the Watch List”",
            "      — Example Office, Annual report, https://example.org/report",
            "  See also: Trafficking in Persons Report",
            "",
        ],
        "{text:#?}"
    );
    // The event's own terms in order of mention: the title names the Watch
    // List before the summary names the TIP report.
    let headings: Vec<&String> = text
        .iter()
        .filter(|l| !l.starts_with(' ') && !l.is_empty())
        .collect();
    assert_eq!(
        headings,
        [
            "In the selected event",
            "Tier 2 Watch List",
            "Trafficking in Persons Report (TIP report)",
            "Every other term",
            "National Committee for Counter Trafficking (NCCT)",
            "Coordinated Mekong Ministerial Initiative against Trafficking (COMMIT)",
        ],
        "{text:#?}"
    );
    app.update(Action::CloseHelp);
    assert_eq!(*app.mode(), Mode::Browse);
}

#[test]
fn the_legend_leads_to_the_tier_definitions() {
    let mut app = app(100, 30);
    app.update(Action::Legend);
    let rows = screen(&app, 100, 30);
    assert!(
        rows.iter()
            .any(|r| r.contains("what each tier means, with its sources: press i for the")),
        "{rows:#?}"
    );
    // On a screen too short for the whole glossary, it opens scrolled to
    // the first tier's definition.
    app.update(Input::Resize(100, 14));
    app.update(Action::Glossary);
    assert!(matches!(app.mode(), Mode::Glossary { .. }), "{:?}", app.mode());
    let text = inside(&screen(&app, 100, 14));
    assert_eq!(text[0], "Tier 2 Watch List", "opened at the tiers: {text:#?}");
}

#[test]
fn the_glossary_scrolls_and_stops_at_its_end() {
    let mut app = app(100, 12);
    app.update(Action::Glossary);
    for _ in 0..200 {
        app.update(Action::Down);
    }
    let Mode::Glossary { scroll: end } = *app.mode() else {
        panic!()
    };
    app.update(Action::Down);
    assert_eq!(*app.mode(), Mode::Glossary { scroll: end });
    let text = inside(&screen(&app, 100, 12));
    assert!(
        text.iter().any(|l| l.contains("COMMIT is a process")),
        "the last term's quote at the end: {text:#?}"
    );
}

#[test]
fn the_help_scrolls_to_its_end_again_after_the_screen_narrows() {
    let mut app = app(100, 20);
    app.update(Action::Help);
    app.update(Action::Bottom);
    let Mode::Help { scroll: wide } = *app.mode() else {
        panic!("{:?}", app.mode())
    };
    let last = |app: &App, w| inside(&screen(app, w, 20)).last().cloned().unwrap();
    assert_eq!(last(&app, 100), "  turns it off).");
    // Narrower, the help wraps into more lines, so it scrolls further: the
    // lines made for the wider screen are not reused.
    app.update(Input::Resize(60, 20));
    app.update(Action::Bottom);
    let Mode::Help { scroll: narrow } = *app.mode() else {
        panic!("{:?}", app.mode())
    };
    assert!(narrow > wide, "{narrow} > {wide}");
    assert_eq!(last(&app, 60), "  pointer (--no-mouse turns it off).");
    app.update(Action::Down);
    assert_eq!(*app.mode(), Mode::Help { scroll: narrow });
}

/// The key a reader presses, through the app's key table.
fn press(app: &mut App, c: char) {
    let key = crossterm::event::KeyEvent::new(
        crossterm::event::KeyCode::Char(c),
        crossterm::event::KeyModifiers::NONE,
    );
    let msg = app
        .settings()
        .keymap
        .msg_for(app.mode().context(), key)
        .expect("a key that means something");
    app.update(msg);
}

fn scroll(app: &App) -> u16 {
    match app.mode() {
        Mode::Help { scroll } | Mode::Glossary { scroll } => *scroll,
        Mode::Find { within, .. } => match **within {
            Mode::Help { scroll } | Mode::Glossary { scroll } => scroll,
            _ => panic!("{within:?}"),
        },
        other => panic!("{other:?}"),
    }
}

/// `/` in the help finds words as they are typed, Enter keeps them, n and
/// N go through the lines holding them, and the places are marked.
#[test]
fn the_help_finds_words_as_less_does() {
    let mut app = app(80, 24);
    press(&mut app, '?');
    assert_eq!(scroll(&app), 0);
    press(&mut app, '/');
    for c in "glossary".chars() {
        press(&mut app, c);
    }
    let first = scroll(&app);
    assert!(first > 0, "the help scrolled to the first line holding the word");
    let rows = screen(&app, 80, 24);
    // The prompt at the left, its keys at the right of the last row.
    assert_eq!(
        rows[23],
        format!(
            "find: glossary█{}Enter keep  Esc drop  ↑↓ history",
            " ".repeat(33)
        )
    );
    // The frame's top is row 1; the first line inside it holds the word.
    assert!(rows[2].contains("glossary"), "{}", rows[2]);
    app.update(Action::Accept);
    assert!(matches!(app.mode(), Mode::Help { .. }));
    let note = app.status().message.clone().unwrap();
    assert!(note.starts_with("“glossary”: line 1 of "), "{note}");
    press(&mut app, 'n');
    assert!(scroll(&app) > first);
    assert!(app
        .status()
        .message
        .as_deref()
        .unwrap()
        .starts_with("“glossary”: line 2 of "));
    press(&mut app, 'N');
    assert_eq!(scroll(&app), first);
    // Where the word is on screen, it is marked.
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| tipline::app::draw::draw(f, &app)).unwrap();
    let buf = terminal.backend().buffer();
    let marked: String = (0..80)
        .map(|x| &buf[(x, 2)])
        .filter(|c| c.modifier.contains(ratatui::style::Modifier::UNDERLINED))
        .map(|c| c.symbol())
        .collect();
    assert_eq!(marked.to_lowercase(), "glossary");
    // Esc at the prompt puts the screen back where it was.
    press(&mut app, '/');
    for c in "zzz".chars() {
        press(&mut app, c);
    }
    assert_eq!(scroll(&app), first, "nothing holds it: the screen stays");
    app.update(Action::Cancel);
    assert_eq!(scroll(&app), first);
}

#[test]
fn the_glossary_finds_words_too() {
    let mut app = app(80, 24);
    app.update(Action::Glossary);
    press(&mut app, '/');
    for c in "mekong".chars() {
        press(&mut app, c);
    }
    app.update(Action::Accept);
    assert_eq!(
        app.status().message.as_deref(),
        Some("“mekong”: line 1 of 1; n next, N back")
    );
    let rows = inside(&screen(&app, 80, 24));
    assert!(rows.iter().any(|r| r.contains("Coordinated Mekong")), "{rows:?}");
    // Closing forgets the words: n in the next screen has none.
    app.update(Action::CloseHelp);
    press(&mut app, '?');
    press(&mut app, 'n');
    assert_eq!(
        app.status().message.as_deref(),
        Some("nothing to find yet: / finds words here")
    );
}

/// At 80x24 the key hints name every key the table gives a hint, on two
/// rows: the filter pane, the figures, the glossary, presenting, copying
/// and clearing among them.
#[test]
fn the_hints_at_80_columns_name_the_keys_the_help_alone_named() {
    let app = app(80, 24);
    let rows = screen(&app, 80, 24);
    assert_eq!(
        rows[22].trim_end(),
        "? help  q quit  / search  y year  a actor  t kind  : query  f filters  # figures"
    );
    assert_eq!(
        rows[23].trim_end(),
        "i glossary  c copy  p present  x clear  T tiers  L legend  o open"
    );
    // At 40x12 one row, the first keys.
    let mut small = app;
    small.update(Input::Resize(40, 12));
    assert_eq!(
        screen(&small, 40, 12)[11].trim_end(),
        "? help  q quit  / search  y year"
    );
}

/// Under a reading screen taller than the help box, the find prompt, its
/// keys and the note Enter leaves are on the last row alone, never also on
/// the status rows beside the box.
#[test]
fn find_under_the_help_says_its_prompt_keys_and_note_once() {
    let mut app = app(120, 40);
    press(&mut app, '?');
    let rows = screen(&app, 120, 40);
    let keys: Vec<usize> = (0..40).filter(|&y| rows[y].contains("↑↓ scroll")).collect();
    assert_eq!(keys, vec![39], "{rows:#?}");
    press(&mut app, '/');
    for c in "glossary".chars() {
        press(&mut app, c);
    }
    let rows = screen(&app, 120, 40);
    let prompts: Vec<usize> = (0..40).filter(|&y| rows[y].contains("find:")).collect();
    assert_eq!(prompts, vec![39], "{rows:#?}");
    assert!(rows[39].starts_with("find: glossary█ "), "{}", rows[39]);
    assert!(
        rows[39].ends_with("Enter keep  Esc drop  ↑↓ history"),
        "{}",
        rows[39]
    );
    assert!(!rows[38].contains("Enter keep"), "{}", rows[38]);
    app.update(Action::Accept);
    let rows = screen(&app, 120, 40);
    let notes: Vec<usize> = (0..40)
        .filter(|&y| rows[y].contains("“glossary”: line"))
        .collect();
    assert_eq!(notes, vec![39], "{rows:#?}");
}
