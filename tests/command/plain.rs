//! The plain reading (`--plain`, or TERM dumb or unset) as a screen-reader
//! user drives it: commands piped in a line at a time, plain lines out.

use assert_cmd::Command;
use std::time::Duration;

fn fixture() -> String {
    format!("{}/tests/fixtures/plain.toml", env!("CARGO_MANIFEST_DIR"))
}

/// tipline on the plain fixture, with TERM set to a real terminal so only
/// `--plain` (or the env given) chooses the plain reading. The timeout only
/// stops a run that hangs on the end of its input.
fn tipline(args: &[&str], stdin: &str) -> std::process::Output {
    let data = fixture();
    let mut cmd = Command::cargo_bin("tipline").unwrap();
    cmd.args(["--data", &data])
        .args(args)
        .env("TERM", "xterm-256color")
        .timeout(Duration::from_secs(60))
        .write_stdin(stdin);
    cmd.output().unwrap()
}

fn lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn a_year_is_announced_and_an_event_read_in_full() {
    let out = tipline(&["--plain"], "year 2022\nshow 1\n");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    let said = lines(&out);
    assert_eq!(
        said[..6],
        [
            "tipline, plain reading. Type help for the commands, quit to leave.",
            "5 of 5 events, no filter",
            "1 of 5: March 2021 · Plan adopted · law · single source",
            "3 of 5 events, filter year:2022",
            "1 of 3: 18 August 2022 · Hotline opens · crackdown · single source",
            "1 of 3: Hotline opens",
        ]
    );
    // Every line of a full reading is checked in the module's own tests;
    // here, that the binary reads one from piped input, from date to tags.
    assert_eq!(said[6], "Date: 18 August 2022; known to the day");
    assert!(
        said.contains(&"Quote: “opened a hotline”".to_string()),
        "{said:#?}"
    );
    assert_eq!(said.last().map(String::as_str), Some("Tags: hotline"));
}

#[test]
fn an_unknown_command_says_so_and_the_session_goes_on() {
    let out = tipline(&["--plain"], "nxet\nnext\n");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        lines(&out)[3..],
        [
            "Unknown command: nxet (type help). Did you mean next?",
            "2 of 5: 18 August 2022 · Hotline opens · crackdown · single source",
        ]
    );
}

#[test]
fn the_end_of_the_input_ends_the_session_with_status_0() {
    for input in ["", "next", "next\n", "list\n\n\n"] {
        let out = tipline(&["--plain"], input);
        assert_eq!(out.status.code(), Some(0), "{input:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{input:?}");
    }
    // Nothing after quit is read.
    let out = tipline(&["--plain"], "quit\nyear 2022\n");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(lines(&out).len(), 3);
}

#[test]
fn nothing_written_holds_an_escape_or_a_box_drawing_character() {
    let out = tipline(&["--plain"], "help\nlist\nshow 3\nnext\nyear 2022\nshow 2\n");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("3. October 2022 · Raid ^[[31mon a compound \\u{2503}\\u{2588} · date approximate"));
    assert!(text.contains("Summary: A raid \\u{2554}\\u{2550}\\u{2557}."));
    for c in text.chars() {
        assert!(
            c == '\n' || !(c.is_control() || ('\u{2500}'..='\u{259f}').contains(&c)),
            "{:x} in {text}",
            c as u32
        );
    }
}

#[test]
fn command_line_filters_and_goto_start_the_reading() {
    let out = tipline(&["--plain", "--goto", "tier-2022", "--year", "2022"], "");
    assert_eq!(
        lines(&out)[1..],
        [
            "3 of 5 events, filter year:2022",
            "3 of 3: 12 December 2022 · National day · national day · single source",
        ]
    );
    let out = tipline(&["--plain", "--actor", "nobody"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no actor matches `nobody`"));
}

#[test]
fn a_dumb_or_missing_term_takes_the_plain_path() {
    let data = fixture();
    for term in [Some("dumb"), Some(""), None] {
        let mut cmd = Command::cargo_bin("tipline").unwrap();
        cmd.args(["--data", &data]).timeout(Duration::from_secs(60));
        match term {
            Some(t) => cmd.env("TERM", t),
            None => cmd.env_remove("TERM"),
        };
        let out = cmd.write_stdin("year 2023\n").output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{term:?}");
        assert_eq!(
            lines(&out)[3..],
            [
                "1 of 5 events, filter year:2023",
                "1 of 1: 15 June 2023 · Report published · report · corroborated",
            ],
            "{term:?}"
        );
    }
    // A terminal that can draw, with no terminal attached, still refuses.
    let out = tipline(&[], "year 2023\n");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn presenting_needs_the_full_screen() {
    // The embedded data, which the embedded lessons are checked against.
    for (term, plain) in [("dumb", false), ("xterm-256color", true)] {
        let mut cmd = Command::cargo_bin("tipline").unwrap();
        if plain {
            cmd.arg("--plain");
        }
        let out = cmd
            .env("TERM", term)
            .args(["present", "twenty-five-years-of-rankings"])
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{term}");
        assert!(out.stdout.is_empty());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("present needs a full-screen terminal"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn readme_commands_table_is_the_command_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("<!-- plain-commands:start -->\n")
        .expect("README has a plain-commands:start marker")
        + "<!-- plain-commands:start -->\n".len();
    let end = readme
        .find("<!-- plain-commands:end -->")
        .expect("README has a plain-commands:end marker");
    let generated = tipline::plain::commands::markdown();
    if readme[start..end] != generated {
        println!("{generated}");
        panic!("README's plain commands table differs from the command table; the expected text is printed above");
    }
}

#[test]
fn an_event_is_read_with_the_events_that_point_at_it() {
    let data = format!("{}/tests/fixtures/links.toml", env!("CARGO_MANIFEST_DIR"));
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .args(["--plain", "--data", &data])
        .env("TERM", "xterm-256color")
        .timeout(Duration::from_secs(60))
        .write_stdin("show law-2020\nshow plan-2021\n")
        .output()
        .unwrap();
    let related: Vec<String> = lines(&out)
        .into_iter()
        .filter(|l| l.starts_with("Related: "))
        .collect();
    assert_eq!(
        related,
        [
            "Related: followed by, A plan follows the law, number 2",
            "Related: answered by, A reply to the law, number 3",
            "Related: follows, A law is passed, number 1",
            "Related: see also, A reply to the law, number 3",
        ]
    );
}
