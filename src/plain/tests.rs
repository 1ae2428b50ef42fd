use super::*;

fn fixture() -> Timeline {
    crate::load::load(vec![crate::load::DataFile {
        name: "plain.toml".into(),
        text: include_str!("../../tests/fixtures/plain.toml").into(),
    }])
    .timeline
    .expect("the fixture loads")
}

fn session() -> Session {
    Session::new(fixture(), Query::default())
}

/// The lines a command says, as one string per line.
fn says(s: &mut Session, line: &str) -> Vec<String> {
    s.command(line).lines
}

#[test]
fn opening_says_what_this_is_then_the_view_and_the_first_event() {
    assert_eq!(
        session().opening().lines,
        [
            "tipline, plain reading. Type help for the commands, quit to leave.",
            "5 of 5 events, no filter",
            "1 of 5: March 2021 · Plan adopted · law · single source",
        ]
    );
    let filtered = Session::new(fixture(), Query::parse("kind:report").unwrap());
    assert_eq!(
        filtered.opening().lines[1..],
        [
            "1 of 5 events, filter kind:report",
            "1 of 1: 15 June 2023 · Report published · report · corroborated",
        ]
    );
}

#[test]
fn a_filter_is_announced_as_query_text_then_the_first_event_read() {
    let mut s = session();
    assert_eq!(
        says(&mut s, "year 2022"),
        [
            "3 of 5 events, filter year:2022",
            "1 of 3: 18 August 2022 · Hotline opens · crackdown · single source",
        ]
    );
    // Another facet narrows; the same facet replaces.
    assert_eq!(
        says(&mut s, "actor SAR KHENG")[0],
        "2 of 5 events, filter year:2022 actor:\"SAR KHENG\""
    );
    assert_eq!(
        says(&mut s, "y 2021..2023")[0],
        "2 of 5 events, filter actor:\"SAR KHENG\" year:2021..2023"
    );
    assert_eq!(
        says(&mut s, "clear"),
        [
            "5 of 5 events, no filter",
            "1 of 5: March 2021 · Plan adopted · law · single source"
        ]
    );
    assert_eq!(
        says(&mut s, "kind national day"),
        [
            "1 of 5 events, filter kind:national-day",
            "1 of 1: 12 December 2022 · National day · national day · single source",
        ]
    );
    assert_eq!(
        says(&mut s, "tag Hotline")[0],
        "0 of 5 events, filter kind:national-day tag:Hotline"
    );
    assert_eq!(
        says(&mut s, "next"),
        ["No event passes the filter. Type clear to drop it"]
    );
    assert_eq!(
        says(&mut s, "filter"),
        ["0 of 5 events, filter kind:national-day tag:Hotline"]
    );
    assert_eq!(
        says(&mut s, "query tag:hotline hotline"),
        [
            "1 of 5 events, filter tag:hotline hotline",
            "1 of 1: 18 August 2022 · Hotline opens · crackdown · single source",
        ]
    );
    assert_eq!(
        says(&mut s, "search freed")[0],
        "0 of 5 events, filter tag:hotline freed"
    );
}

#[test]
fn actors_are_found_by_alias_ignoring_case_and_accents() {
    let mut s = session();
    assert_eq!(
        says(&mut s, "actor kralahom")[0],
        "2 of 5 events, filter actor:kralahom"
    );
    assert_eq!(
        says(&mut s, "actor sar khang"),
        ["No actor matches sar khang. Did you mean Sár Kheng?"]
    );
    assert_eq!(says(&mut s, "actor zzzzzz"), ["No actor matches zzzzzz"]);
    assert_eq!(
        says(&mut s, "filter"),
        ["2 of 5 events, filter actor:kralahom"],
        "unchanged"
    );
}

#[test]
fn the_full_programs_teaching_commands_say_where_to_run_them() {
    let mut s = session();
    assert_eq!(
        says(&mut s, "present"),
        ["present is not a command of plain reading: presenting a lesson fills the screen. Leave with quit, then run: tipline present LESSON"]
    );
    assert_eq!(
        says(&mut s, "quiz"),
        ["quiz is not a command of plain reading: the quiz runs full-screen. Leave with quit, then run: tipline quiz, or tipline export quiz for paper"]
    );
}

#[test]
fn misspellings_get_the_nearest_word_and_change_nothing() {
    let mut s = session();
    assert_eq!(
        says(&mut s, "nxet"),
        ["Unknown command: nxet (type help). Did you mean next?"]
    );
    assert_eq!(
        says(&mut s, "frobnicate"),
        ["Unknown command: frobnicate (type help)"]
    );
    assert_eq!(
        says(&mut s, "tag hotlin"),
        ["No event has the tag hotlin. Did you mean hotline?"]
    );
    assert_eq!(
        says(&mut s, "kind rnking"),
        ["No kind rnking. Did you mean ranking?"]
    );
    let kind = says(&mut s, "kind zzzzzzzz");
    assert_eq!(kind[0], "No kind zzzzzzzz");
    assert!(kind[1].starts_with("The kinds: law, treaty, conference, forum, national day,"));
    assert_eq!(
        says(&mut s, "year 20x2"),
        ["Cannot read the year: expected a year like 2022 or a range like 2019..2022, found `20x2`"]
    );
    assert_eq!(
        says(&mut s, "query year:2022 kind:rnking"),
        ["Cannot read the query at column 16: unknown kind `rnking`: did you mean `ranking`? expected one of law, treaty, conference, forum, national-day, observance, announcement, report, ranking, crackdown, operation, statistics, survey, statement, meeting, other"]
    );
    assert_eq!(says(&mut s, "query actor:nobody"), ["No actor matches `nobody`"]);
    assert_eq!(
        says(&mut s, "show plan-2012"),
        ["No event numbered or named plan-2012. Did you mean plan-2021?"]
    );
    assert_eq!(says(&mut s, "filter"), ["5 of 5 events, no filter"]);
}

#[test]
fn show_reads_everything_one_thing_a_line() {
    let mut s = session();
    says(&mut s, "year 2022");
    assert_eq!(
        says(&mut s, "show 1"),
        [
            "1 of 3: Hotline opens",
            "Date: 18 August 2022; known to the day",
            "Kind: crackdown",
            "Place: Phnom Penh",
            "Sources: rests on a single source (2 publishers, 2 independent origins, but its figure is Sár Kheng's word, however many outlets repeat it)",
            "Actor: Sár Kheng, Minister of Interior",
            "Summary: The ministry opens a hotline.",
            "Details: First paragraph.",
            "Second paragraph.",
            "Figure: complaints: 1,122 calls, first month, according to Sár Kheng",
            "Source 1 of 2: Ministry of Interior, Hotline opened",
            "Quote: “a hotline for \"complaints\"”",
            "Address: https://example.gov.kh/hotline",
            "Source 2 of 2: The Daily, A hotline for complaints",
            "Quote: “opened a hotline”",
            "Address: https://daily.example.com/hotline",
            "Archived: https://archive.example.org/daily-hotline",
            "Related: follows, Plan adopted, id plan-2021",
            "Related: followed by, National day, number 3",
            "Tags: hotline",
        ]
    );
    // Showing makes the event current; a related event in view is named by number.
    assert_eq!(says(&mut s, "next")[0], "2 of 3: October 2022 · Raid ^[[31mon a compound \\u{2503}\\u{2588} · operation · date approximate · sources disagree");
    let raid = says(&mut s, "show");
    assert_eq!(raid[1], "Date: October 2022; approximate, known to the month");
    assert_eq!(raid[3], "Sources: sources disagree");
    assert_eq!(raid[5], "Figure: people freed: 83 (The Daily) or 84 (The Herald)");
    assert_eq!(
        raid[10..],
        [
            "Source 2 of 2: The Herald, Report on the raid (the compilers' description, not the page's title)",
            "Quote: “84 freed”",
            "Found at: Herald archive, box 12 (no web address)",
        ]
    );
    let day = says(&mut s, "show 3");
    assert_eq!(
        day[day.len() - 2..],
        ["Related: follows, Hotline opens, number 1", "Tags: national-day"]
    );
    assert_eq!(says(&mut s, "show 4"), ["No event 4: the list runs from 1 to 3"]);
    let plan = says(&mut s, "show plan-2021");
    assert_eq!(plan[0], "Outside the filter: Plan adopted");
    assert_eq!(
        plan[6..],
        [
            "Source 1 of 2: Ministry of Interior, Hotline opened",
            "Quote: “the plan”",
            "Address: https://example.gov.kh/hotline",
            "Source 2 of 2: the same as source 1",
            "Quote: “adopted in March”",
            "Related: followed by, Hotline opens, number 1",
            "Tags: legal-framework",
        ],
        "a source quoted twice is named once"
    );
}

#[test]
fn next_and_prev_stop_at_the_ends() {
    let mut s = session();
    assert_eq!(says(&mut s, "prev"), ["No previous event: this is the first"]);
    for _ in 0..4 {
        says(&mut s, "n");
    }
    assert_eq!(says(&mut s, "next"), ["No next event: 5 of 5 is the last"]);
    assert_eq!(
        says(&mut s, "p"),
        ["4 of 5: 12 December 2022 · National day · national day · single source"]
    );
}

#[test]
fn list_reads_ten_at_a_time() {
    let mut text = String::from("[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n");
    for i in 1..=12 {
        text.push_str(&format!(
            "\n[[events]]\nid = \"e{i}\"\ndate = \"2000-01-{i:02}\"\ntitle = \"E{i}\"\nkind = \"law\"\nsummary = \"S\"\n[[events.sources]]\nsource = \"s\"\nquote = \"q\"\n"
        ));
    }
    let t = crate::load::load(vec![crate::load::DataFile {
        name: "twelve.toml".into(),
        text,
    }])
    .timeline
    .unwrap();
    let mut s = Session::new(t, Query::default());
    let first = says(&mut s, "list");
    assert_eq!(first.len(), 11);
    assert_eq!(first[0], "1. 1 January 2000 · E1");
    assert_eq!(first[9], "10. 10 January 2000 · E10");
    assert_eq!(first[10], "2 more. Type more for the next");
    assert_eq!(
        says(&mut s, "more"),
        [
            "11. 11 January 2000 · E11",
            "12. 12 January 2000 · E12",
            "End of the list"
        ]
    );
    assert_eq!(
        says(&mut s, "more"),
        ["End of the list. Type list to hear it from the start"]
    );
    assert_eq!(
        says(&mut s, "list 12"),
        ["12. 12 January 2000 · E12", "End of the list"]
    );
    assert_eq!(
        says(&mut s, "list 13"),
        ["No event 13: the list runs from 1 to 12"]
    );
    assert_eq!(says(&mut s, "list x"), ["Expected a number from 1 to 12, not x"]);
}

#[test]
fn help_is_the_command_table() {
    let help = says(&mut session(), "help");
    assert_eq!(help.len(), commands::COMMANDS.len());
    assert_eq!(help[0], "help: say these commands (also h or ?)");
    assert!(help.contains(&"quit: leave (also exit or q)".to_string()));
    assert!(help.contains(
        &"year YEAR: only events touching a year or a range, like year 2022 or year 2019..2022 (also y)"
            .to_string()
    ));
}

#[test]
fn output_escapes_controls_and_box_drawing() {
    assert_eq!(spoken("a\u{1b}[2J┃█▀b"), "a^[[2J\\u{2503}\\u{2588}\\u{2580}b");
    assert_eq!(spoken("plain – “text” · ok"), "plain – “text” · ok");
    let mut s = session();
    let said = says(&mut s, "tag \u{1b}]0;x\u{7}");
    assert_eq!(said, ["No event has the tag ^[]0;x^G"]);
}

#[test]
fn lines_are_read_bounded_and_the_end_is_the_end() {
    let input = format!("one\r\n{}\ntwo\nlast", "x".repeat(50));
    let mut r = std::io::BufReader::with_capacity(8, input.as_bytes());
    assert_eq!(read_line(&mut r, 20).unwrap(), Line::Text("one".into()));
    assert_eq!(read_line(&mut r, 20).unwrap(), Line::TooLong);
    assert_eq!(read_line(&mut r, 20).unwrap(), Line::Text("two".into()));
    assert_eq!(read_line(&mut r, 20).unwrap(), Line::Text("last".into()));
    assert_eq!(read_line(&mut r, 20).unwrap(), Line::End);
    assert_eq!(read_line(&mut r, 20).unwrap(), Line::End);
}

#[test]
fn a_session_ends_at_quit_or_at_the_end_of_the_input() {
    let mut out = Vec::new();
    let input = "year 2023\nquit\nyear 2022\n";
    run(&mut session(), input.as_bytes(), &mut out, false).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.ends_with("1 of 5 events, filter year:2023\n1 of 1: 15 June 2023 · Report published · report · corroborated\n"), "{text}");
    let mut out = Vec::new();
    let long = format!("{}\n", "y".repeat(MAX_LINE_BYTES + 1));
    run(&mut session(), long.as_bytes(), &mut out, true).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.ends_with(&format!(
            "> That line is longer than {MAX_LINE_BYTES} bytes and was ignored\n> \n"
        )),
        "{text}"
    );
}

#[test]
fn data_read_again_keeps_the_filter_and_the_event_being_read() {
    let mut s = session();
    says(&mut s, "year 2022");
    says(&mut s, "next");
    // The hotline moves to 2021: the filter keeps two, the raid still read.
    let text = include_str!("../../tests/fixtures/plain.toml").replace("2022-08-18", "2021-08-18");
    let changed = crate::load::load(vec![crate::load::DataFile {
        name: "plain.toml".into(),
        text,
    }]);
    let reply = s.reloaded(Ok(changed.timeline.unwrap())).lines;
    assert_eq!(
        reply,
        [
            "The data files changed and were read again",
            "2 of 5 events, filter year:2022"
        ]
    );
    assert_eq!(
        says(&mut s, "show")[0],
        "1 of 2: Raid ^[[31mon a compound \\u{2503}\\u{2588}"
    );
    let reply = s
        .reloaded(Err(vec!["plain.toml:3:1: error: unknown kind `lwa`".into()]))
        .lines;
    assert_eq!(
        reply,
        [
            "The data files changed but do not load, with 1 problem(s); the last good data is read on",
            "plain.toml:3:1: error: unknown kind `lwa`"
        ]
    );
    assert_eq!(says(&mut s, "filter"), ["2 of 5 events, filter year:2022"]);
}
