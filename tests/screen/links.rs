//! Links between events read both ways, sources chosen, opened and copied
//! from the detail pane.

use std::path::Path;
use tipline::app::{Action, App, Input, Msg};
use tipline::load::{load, DataFile};
use tipline::query::Query;
use tipline::timeline::model::Timeline;

fn fixture() -> Timeline {
    let file = DataFile::read(Path::new("tests/fixtures/links.toml")).unwrap();
    load(vec![file]).timeline.expect("the links fixture loads")
}

fn app() -> App {
    let mut app = App::new(fixture(), Query::default());
    app.update(Input::Resize(120, 40));
    app
}

fn selected_id(app: &App) -> String {
    app.selected_event().map(|e| e.id.clone()).unwrap_or_default()
}

/// (other event's id, words, inward) for each link of an event.
fn links_of(t: &Timeline, id: &str) -> Vec<(String, &'static str, bool)> {
    let at = t.event_position(id).unwrap();
    t.links(at)
        .into_iter()
        .map(|l| (t.events[l.position].id.clone(), l.words, l.inward))
        .collect()
}

#[test]
fn an_event_lists_the_events_that_point_at_it() {
    let t = fixture();
    assert_eq!(
        links_of(&t, "law-2020"),
        vec![
            ("plan-2021".to_string(), "followed by", true),
            ("reply-2022".to_string(), "answered by", true),
        ]
    );
    assert_eq!(
        links_of(&t, "plan-2021"),
        vec![
            ("law-2020".to_string(), "follows", false),
            ("reply-2022".to_string(), "see also", true),
        ]
    );
    assert_eq!(links_of(&t, "review-2023"), vec![]);
}

#[test]
fn a_link_stated_both_ways_is_listed_once() {
    let t = fixture();
    // reply-2022 states both of its links; neither comes back as inward.
    assert_eq!(
        links_of(&t, "reply-2022"),
        vec![
            ("law-2020".to_string(), "responds to", false),
            ("plan-2021".to_string(), "see also", false),
        ]
    );
}

#[test]
fn inward_links_are_followed_by_number_and_back_returns() {
    let mut app = app();
    app.update(Msg::Goto("law-2020".into()));
    app.update(Action::FollowRelated(2));
    assert_eq!(selected_id(&app), "reply-2022");
    app.update(Action::Back);
    assert_eq!(selected_id(&app), "law-2020");
    app.update(Action::FollowRelated(3));
    assert_eq!(
        app.status().message.as_deref(),
        Some("this event has no related event 3")
    );
    assert_eq!(selected_id(&app), "law-2020");
}

fn fixture_path() -> std::path::PathBuf {
    std::path::PathBuf::from("tests/fixtures/links.toml")
}

#[test]
fn sources_are_chosen_in_turn_and_a_new_event_starts_at_its_first() {
    let mut app = app();
    app.update(Msg::Goto("law-2020".into()));
    assert_eq!(app.detail().source, 0);
    app.update(Action::NextSource);
    assert_eq!(app.detail().source, 1);
    assert_eq!(app.status().message.as_deref(), Some("source 2 of 2: The Radio"));
    app.update(Action::NextSource);
    assert_eq!(app.detail().source, 0, "wraps round to the first");
    app.update(Action::PrevSource);
    assert_eq!(app.detail().source, 1, "and back to the last");
    app.update(Msg::Goto("plan-2021".into()));
    assert_eq!(app.detail().source, 0);
}

#[test]
fn open_asks_for_the_selected_source_only_when_it_has_a_web_address() {
    use tipline::app::sources::Effect;
    let mut app = app();
    app.update(Msg::Goto("law-2020".into()));
    assert_eq!(
        app.update(Action::OpenSource),
        vec![Effect::Open("https://example.org/report".into())]
    );
    app.update(Action::NextSource);
    assert_eq!(
        app.update(Action::OpenSource),
        vec![Effect::Open("http://example.net/broadcast?id=7".into())]
    );
}

#[test]
fn the_copy_menu_offers_citation_quote_event_and_command() {
    use tipline::app::sources::Effect;
    use tipline::app::Mode;
    let mut app = app();
    app.update(Msg::Goto("law-2020".into()));
    app.update(Action::NextSource);
    app.update(Action::CopyMenu);
    let Mode::Copy(menu) = &app.mode() else {
        panic!("the copy menu is open: {:?}", app.mode())
    };
    let whats: Vec<&str> = menu.items.iter().map(|i| i.what.as_str()).collect();
    assert_eq!(
        whats,
        vec![
            "the citation of source 2",
            "quote 2 with its source",
            "the event as Markdown",
            "the command line that reopens this view",
        ]
    );
    assert_eq!(
        menu.items[0].text,
        "The Radio, [A broadcast], http://example.net/broadcast?id=7."
    );
    assert_eq!(
        menu.items[1].text,
        "\u{201c}A law was passed in March.\u{201d} \u{2014} The Radio, [A broadcast], http://example.net/broadcast?id=7."
    );
    assert!(
        menu.items[2]
            .text
            .starts_with("## A law is passed\n\n*1 Mar 2020 · law*\n"),
        "{}",
        menu.items[2].text
    );
    // A digit copies that item and closes the menu.
    let effects = app.update(Input::Char('2'));
    assert_eq!(*app.mode(), Mode::Browse);
    assert_eq!(
        effects,
        vec![Effect::Copy {
            what: "quote 2 with its source".into(),
            text: menu_text(&app, "law-2020", 1),
        }]
    );
}

/// The text of the copy menu's item `i` for an event, opened afresh.
fn menu_text(app: &App, id: &str, i: usize) -> String {
    let mut fresh = App::new(fixture(), Query::default());
    fresh.update(Input::Resize(120, 40));
    fresh.update(Msg::Goto(id.into()));
    for _ in 0..app.detail().source {
        fresh.update(Action::NextSource);
    }
    fresh.update(Action::CopyMenu);
    match &fresh.mode() {
        tipline::app::Mode::Copy(m) => m.items[i].text.clone(),
        other => panic!("no copy menu: {other:?}"),
    }
}

#[test]
fn esc_closes_the_copy_menu_without_copying() {
    let mut app = app();
    assert!(app.update(Action::CopyMenu).is_empty());
    assert!(app.update(Action::Cancel).is_empty(), "nothing copied");
    assert_eq!(*app.mode(), tipline::app::Mode::Browse);
}

/// Opens the app the way the launcher does from a command line: its data
/// files, its query, its `--goto`.
fn app_from_command(command: &str) -> App {
    use clap::Parser;
    let words = shlex::split(command).expect("the command splits as a shell would");
    let cli = tipline::cli::Cli::try_parse_from(&words).expect("the command parses");
    let files = cli.data.iter().map(|p| DataFile::read(p).unwrap()).collect();
    let timeline = load(files).timeline.unwrap();
    let mut app = App::new(timeline, cli.filter.to_query().unwrap());
    app.update(Input::Resize(120, 40));
    if let Some(id) = &cli.goto {
        app.update(Msg::Goto(id.clone()));
    }
    app
}

#[test]
fn the_copied_command_line_reopens_the_same_view() {
    let settings = tipline::app::Settings {
        data_files: vec![fixture_path()],
        ..Default::default()
    };
    let mut app = App::with_settings(fixture(), Query::default(), settings);
    app.update(Input::Resize(120, 40));
    // A filter with a negation, which must not be read as a flag.
    app.update(Msg::Filter(Query::parse("-kind:law year:2021..2022").unwrap()));
    app.update(Msg::Goto("reply-2022".into()));
    let command = app.reopen_command();
    assert_eq!(
        command,
        "tipline --data tests/fixtures/links.toml --goto reply-2022 -- '-kind:law year:2021..2022'"
    );
    let reopened = app_from_command(&command);
    assert_eq!(reopened.query(), app.query());
    assert_eq!(selected_id(&reopened), "reply-2022");
    assert_eq!(reopened.filtered(), app.filtered());
}

#[test]
fn the_command_line_quotes_what_a_shell_would_expand() {
    let settings = tipline::app::Settings {
        data_files: vec![fixture_path()],
        ..Default::default()
    };
    let mut app = App::with_settings(fixture(), Query::default(), settings);
    app.update(Input::Resize(120, 40));
    app.update(Msg::Filter(Query::parse("$(reboot) `x` it's").unwrap()));
    let command = app.reopen_command();
    let reopened = app_from_command(&command);
    assert_eq!(reopened.query(), app.query(), "{command}");
}

/// A data file's name can hold ESC[201~ (the end of a bracketed paste),
/// Ctrl-U and CR: pasted raw into a shell, the copied command would run what
/// follows. Written as `$'...'` escapes, it reads back as the same name.
#[test]
fn the_copied_command_line_carries_no_control_character() {
    let name = "x\u{1b}[201~\u{15}touch pwned\r.toml";
    let settings = tipline::app::Settings {
        data_files: vec![std::path::PathBuf::from(name)],
        ..Default::default()
    };
    let mut app = App::with_settings(fixture(), Query::default(), settings);
    app.update(Input::Resize(120, 40));
    let command = app.reopen_command();
    assert!(
        command.starts_with("tipline --data $'x\\x1b[201~\\x15touch pwned\\x0d.toml' --goto "),
        "{command}"
    );
    assert!(!command.chars().any(char::is_control), "{command:?}");
    if cfg!(unix) {
        // bash, an independent reader, gives back the name byte for byte.
        let word = command
            .split(" --goto")
            .next()
            .unwrap()
            .trim_start_matches("tipline --data ");
        let out = std::process::Command::new("bash")
            .args(["-c", &format!("printf %s {word}")])
            .output()
            .unwrap();
        assert_eq!(String::from_utf8(out.stdout).unwrap(), name);
    }
}

/// A `$BROWSER` run through a shell (`sh -c 'firefox %s'`) gets an address
/// in which `$ ; & ( ) '` and spaces are percent-encoded, so none runs.
#[test]
fn addresses_reach_a_browser_command_with_shell_characters_encoded() {
    use tipline::app::sources::browser_command;
    let url = "https://example.org/a?b=$(touch x);c&d='e' f`g`|h";
    let words = browser_command(url, Some("sh -c 'firefox %s'"));
    assert_eq!(
        words,
        vec![
            "sh",
            "-c",
            "firefox https://example.org/a?b=%24%28touch%20x%29%3Bc%26d=%27e%27%20f%60g%60%7Ch"
        ]
    );
    assert_eq!(
        browser_command("https://example.org/ok?a=1", Some("firefox")),
        vec!["firefox", "https://example.org/ok?a=1"]
    );
}

/// `o` says when nothing opened: an opener that ends in failure (as
/// xdg-open does with no browser) is reported with its status, and one
/// that works is named.
#[cfg(unix)]
#[test]
fn opening_a_source_says_when_no_browser_opened_it() {
    use tipline::app::sources::open_with;
    let url = "https://example.org/a";
    assert_eq!(
        open_with(url, Some("false")),
        Err("no browser opened the source (false ended with status 1); press c to copy its address".into())
    );
    assert_eq!(open_with(url, Some("true")), Ok("true".into()));
    assert_eq!(
        open_with(url, Some("no-such-browser-here")),
        Err("could not start no-such-browser-here; set BROWSER to your browser".into())
    );
}

#[test]
fn a_browser_is_chosen_from_the_environment_as_a_shell_would() {
    use tipline::app::sources::browser_command;
    let url = "https://example.org/a?b=1";
    assert_eq!(browser_command(url, Some("firefox")), vec!["firefox", url]);
    assert_eq!(
        browser_command(url, Some("my-browser --new-tab '%s'")),
        vec!["my-browser", "--new-tab", url]
    );
    assert_eq!(browser_command(url, Some("lynx:w3m")), vec!["lynx", url]);
    if cfg!(target_os = "linux") {
        assert_eq!(browser_command(url, None), vec!["xdg-open", url]);
        assert_eq!(browser_command(url, Some("")), vec!["xdg-open", url]);
    }
}

#[test]
fn osc52_carries_the_text_in_base64() {
    assert_eq!(tipline::app::sources::osc52("hi"), "\x1b]52;c;aGk=\x1b\\");
    assert_eq!(
        tipline::app::sources::osc52("“q”"),
        "\x1b]52;c;4oCcceKAnQ==\x1b\\"
    );
}

#[test]
fn show_lists_the_events_that_point_at_an_event() {
    let out = assert_cmd::Command::cargo_bin("tipline")
        .unwrap()
        .args(["--data", "tests/fixtures/links.toml", "show", "law-2020"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.ends_with(
            "\nRelated\n  followed by plan-2021 — A plan follows the law\n  answered by reply-2022 — A reply to the law\n"
        ),
        "{text}"
    );
}

/// Copied text reaches a Windows clipboard with its lines ending in CR LF,
/// as programs there expect; elsewhere it goes as it is.
#[test]
fn copied_lines_end_as_the_platform_clipboard_keeps_them() {
    use tipline::app::sources::{clipboard_text, crlf};
    assert_eq!(crlf("a\nb\r\nc\n"), "a\r\nb\r\nc\r\n");
    assert_eq!(crlf("no break"), "no break");
    let expected = if cfg!(windows) { "one\r\ntwo" } else { "one\ntwo" };
    assert_eq!(clipboard_text("one\ntwo"), expected);
}
