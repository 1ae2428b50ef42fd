//! The command line as scripts and people use it: exit codes, stdout, stderr.

use assert_cmd::Command;

fn tipline() -> Command {
    Command::cargo_bin("tipline").unwrap()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// What the command prints on the fixture world (or on the data `args` name).
fn stdout(args: &[&str]) -> String {
    let out = tipline().args(crate::common::on_world(args)).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The line `list` ends with: how many of the world's 39 events it shows.
fn shown_of_all(shown: usize) -> String {
    format!("{shown} of 39 events")
}

fn no_control_bytes(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() && c != '\n')
}

#[test]
fn list_table_is_chronological_with_a_count() {
    let out = stdout(&["list", "year:2022", "kind:national-day"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("DATE"));
    assert!(lines[1].starts_with("12 Dec 2022"));
    assert!(lines[1].contains("national-day-2022"));
    assert_eq!(lines.last().unwrap(), &shown_of_all(1));
}

#[test]
fn list_json_has_the_documented_fields() {
    let out = stdout(&["list", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let events = v.as_array().unwrap();
    assert_eq!(events.len(), 39);
    let first = &events[0];
    for key in [
        "id", "date", "end", "title", "kind", "actors", "location", "summary", "figures", "sources", "tags",
        "related",
    ] {
        assert!(first.get(key).is_some(), "missing {key}");
    }
    let figures = events
        .iter()
        .find(|e| e["id"] == "complaints-figures-aug-sep-2022")
        .unwrap();
    assert_eq!(figures["date"], "2022-08-18");
    assert_eq!(figures["end"], "2022-09-29");
    assert_eq!(figures["figures"][0]["label"], "trafficking complaints");
    assert_eq!(figures["figures"][0]["value"], 368.0);
    assert_eq!(figures["figures"][0]["according_to"], "Sar Kheng");
    assert_eq!(figures["actors"][0], "Sar Kheng");
    let src = &figures["sources"][0];
    for key in ["source", "quote", "publisher", "url"] {
        assert!(src.get(key).is_some(), "source lacks {key}");
    }
    let announced = events
        .iter()
        .find(|e| e["id"] == "interfaith-day-announced-2022")
        .unwrap();
    assert_eq!(announced["related"][1]["id"], "interfaith-day-2023");
    assert_eq!(announced["related"][1]["relation"], "announces");
}

#[test]
fn flags_and_query_text_compile_to_the_same_query() {
    let by_flags = stdout(&[
        "list",
        "--year",
        "2022",
        "--actor",
        "Sar Kheng",
        "--format",
        "json",
    ]);
    let by_text = stdout(&["list", "year:2022 actor:\"Sar Kheng\"", "--format", "json"]);
    assert_eq!(by_flags, by_text);
    let v: serde_json::Value = serde_json::from_str(&by_flags).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 6, "Sar Kheng's events of 2022");
    let searched = stdout(&["list", "--search", "hotline", "--kind", "operation"]);
    assert!(searched.contains("hotline-opened-2022"));
    assert!(searched.ends_with(&format!("{}\n", shown_of_all(1))));
}

#[test]
fn list_csv_parses_with_one_row_per_event() {
    let out = stdout(&["list", "tag:tip-report", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(&headers[0], "id");
    assert_eq!(&headers[3], "title");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 13, "the world's events tagged tip-report");
    assert_eq!(&rows[0][0], "tip-report-2002", "in date order");
}

#[test]
fn list_markdown_is_a_table() {
    let out = stdout(&["list", "kind:law", "--format", "markdown"]);
    assert!(out.starts_with("| Date | Kind | Title | Id |\n|---|---|---|---|\n"));
    assert!(out.contains("| 15 Feb 2008 | law | Law on Suppression of Human Trafficking and Sexual Exploitation promulgated | `anti-trafficking-law-2008` |"));
}

#[test]
fn show_prints_sources_quotes_and_attributed_figures() {
    let out = stdout(&["show", "complaints-figures-aug-sep-2022"]);
    assert!(out.contains("18 Aug – 29 Sep 2022"));
    assert!(out.contains(
        "Sar Kheng (Minister of Interior; Chairman of the National Committee for Counter Trafficking)"
    ));
    assert!(out.contains("368 trafficking complaints, 18 Aug - 29 Sep 2022 (according to Sar Kheng)"));
    // A unit in brackets shares them with who gave the figure.
    assert!(out.contains(
        " 41 suspects arrested and sent to court (people of three nationalities; according to Sar Kheng)\n"
    ));
    assert!(
        out.contains("[3] “From 18 August until now, the Royal Government has received 368 victim complain”")
    );
    assert!(out.contains("https://eacnews.asia/home/details/15590"));
    // Every count here is Sar Kheng's: reported by two outlets, still one claim.
    assert!(
        out.contains(
            "  Sources:  rests on a single source (2 publishers, 2 independent origins, but its 4 figures \
             are Sar Kheng's word, however many outlets repeat them)"
        ),
        "{out}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["show", "national-day-2024", "--format", "json"])).unwrap();
    assert_eq!(json["date"], "2024-12-12");
}

#[test]
fn a_figure_no_official_gave_names_who_reported_it_everywhere() {
    let show = stdout(&["show", "ninety-five-percent-finding-2022"]);
    assert!(
        show.contains(
            "289 complaints received, about one month to 19 Sep 2022 (reported by Asia Casino News (asiacasino.org))"
        ),
        "{show}"
    );
    assert!(
        show.contains("95 per cent of complaints found valid (according to Sar Kheng)"),
        "{show}"
    );
    let markdown = stdout(&["export", "\"95 per cent\"", "--format", "markdown"]);
    assert!(
        markdown.contains(
            "| complaints received | 289 | about one month to 19 Sep 2022 | reported by Asia Casino News (asiacasino.org) |"
        ),
        "{markdown}"
    );
}

#[test]
fn show_unknown_id_suggests_and_exits_2() {
    let out = tipline().args(["show", "national-day-2030"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no event with id `national-day-2030`"), "{err}");
    assert!(err.contains("did you mean"), "{err}");
}

#[test]
fn check_counts_events_problems_and_lessons() {
    // The world's prose predates citation markers, six of its quotes name
    // actors its events neither list nor explain, and eleven of its sources'
    // addresses give a date the source does not record: warnings, no errors.
    let out = stdout(&["check"]);
    assert_eq!(
        out,
        format!(
            "checked {}: 39 events, 0 error(s), 166 warning(s)\nchecked 4 lesson(s): 0 error(s)\n",
            crate::common::WORLD
        )
    );
}

#[test]
fn check_bad_file_exits_1_with_positions() {
    let path = fixture("many_errors.toml");
    let out = tipline().args(["check", &path]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(&format!("{path}:13:8: error: `date` = \"2023-2\"")),
        "{err}"
    );
    assert!(
        err.contains(&format!("{path}:16:1: error: unknown field `colour` in event")),
        "{err}"
    );
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(summary.contains("4 error(s)"), "{summary}");
}

#[test]
fn check_with_warnings_only_exits_0() {
    let out = tipline()
        .args(["check", &fixture("unused_actor.toml")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("warning: actor `nobody`"));
}

#[test]
fn check_strict_fails_on_warnings_alone() {
    let out = tipline()
        .args(["check", "--strict", &fixture("unused_actor.toml")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // The unused actor, and a summary and a date no quote supports.
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .ends_with(": 1 events, 0 error(s), 3 warning(s)\n"));
    let clean = tipline()
        .args(["check", "--strict", &fixture("note.toml")])
        .output()
        .unwrap();
    assert_eq!(clean.status.code(), Some(0));
}

#[test]
fn missing_file_is_an_io_error_naming_the_file() {
    let out = tipline()
        .args(["--data", "nowhere.toml", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "nowhere.toml: error: no such file\n"
    );
}

#[test]
fn invalid_data_for_list_exits_1() {
    let out = tipline()
        .args(["--data", &fixture("syntax.toml"), "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("syntax.toml:4:11: error: invalid TOML"));
}

#[test]
fn bad_query_is_a_usage_error_with_column() {
    let out = tipline().args(["list", "year:20x2"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("column 6: expected a year"), "{err}");
}

#[test]
fn facets_count_years_actors_kinds_and_tags() {
    let out = stdout(&["facets"]);
    for section in ["Years", "Actors", "Kinds", "Tags"] {
        assert!(out.contains(&format!("{section}\n")), "{section}");
    }
    // Each year of the world, with its count of events.
    assert!(
        out.starts_with(
            "Years\n  2002    1\n  2006    1\n  2007    1\n  2008    1\n  2009    2\n  2011    1\n  2015    1\n  2016    1\n  2018    1\n  2019    3\n  2020    1\n  2021    1\n  2022   11\n  2023    3\n  2024    5\n  2025    5\n\n"
        ),
        "{out}"
    );
    for actor in [
        "Hun Sen (hun-sen)",
        "Sar Kheng (sar-kheng)",
        "Sar Sokha (sar-sokha)",
        "Hun Manet (hun-manet)",
    ] {
        assert!(out.contains(actor), "{actor}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["facets", "year:2024", "--format", "json"])).unwrap();
    // The world's five events of 2024 all fall in 2024; Hun Manet, the
    // government and Sar Sokha are named by two of them each.
    assert_eq!(json["years"], serde_json::json!([{"year": 2024, "count": 5}]));
    assert_eq!(json["actors"][0]["count"], 2, "the most named actor first");
    assert_eq!(json["actors"][0]["id"], "hun-manet", "ties by name");
}

#[test]
fn bare_tipline_without_a_terminal_hints_and_exits_2() {
    // A TERM that can draw: a dumb or missing one reads plainly instead.
    let out = tipline()
        .env("TERM", "xterm-256color")
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("use `tipline list`"), "{err}");
    assert_eq!(err.lines().count(), 1);
    assert!(!err.contains('\u{1b}'));
}

#[test]
fn hostile_text_never_reaches_the_output_as_controls() {
    let data = fixture("escapes.toml");
    for format in ["table", "json", "csv", "markdown"] {
        let out = stdout(&["--data", &data, "list", "--format", format]);
        assert!(no_control_bytes(&out), "{format}: {out:?}");
        // Markdown escapes the brackets too; they render as `^[]0;pwned^G`.
        let shown = if format == "markdown" {
            r"^\[\]0;pwned^G"
        } else {
            "^[]0;pwned^G"
        };
        assert!(
            out.contains(shown),
            "{format}: the escape is shown, made harmless"
        );
    }
    let shown = stdout(&["--data", &data, "show", "e1"]);
    assert!(no_control_bytes(&shown));
}

#[test]
fn overlong_query_text_is_refused() {
    let long = "a".repeat(tipline::query::MAX_QUERY_CHARS + 1);
    let out = tipline().args(["list", &long]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("longer than the limit of 1024 characters"));
}

#[test]
fn no_controlling_terminal_or_stdin_from_dev_null_is_a_clear_refusal() {
    let bin = env!("CARGO_BIN_EXE_tipline");
    let runs: Vec<std::process::Output> = vec![
        // A terminal that can draw (a dumb or missing TERM reads plainly instead).
        std::process::Command::new(bin)
            .env("TERM", "xterm-256color")
            .stdin(std::fs::File::open("/dev/null").unwrap())
            .output()
            .unwrap(),
        std::process::Command::new("setsid")
            .args(["-w", bin])
            .env("TERM", "xterm-256color")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap(),
    ];
    for out in runs {
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("not a terminal; use `tipline list`"), "{err}");
        assert!(!err.contains('\u{1b}') && out.stdout.is_empty());
    }
}

#[test]
fn escapes_in_paths_and_arguments_are_shown_harmless() {
    let out = tipline()
        .args(["--data", "evil\u{1b}]0;pwned\u{7}.toml", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("evil^[]0;pwned^G.toml: error: no such file"),
        "{err}"
    );
    let out = tipline().args(["list", "kind:\u{1b}[2J"]).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("unknown kind `^[[2J`"), "{err}");
    let out = tipline().args(["--bogus\u{1b}[2J"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !out.stderr.contains(&0x1b),
        "{:?}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn negated_terms_work_without_a_separator_and_flags_still_parse() {
    let without = stdout(&["list", "-hotline", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&without).unwrap();
    let n = json
        .as_array()
        .map_or_else(|| json["events"].as_array().unwrap().len(), |a| a.len());
    assert_eq!(
        n, 37,
        "-hotline leaves out the two of 39 events that name the hotline"
    );
    let with_separator = stdout(&["list", "--format", "json", "--", "-hotline"]);
    assert_eq!(without, with_separator, "the same as the documented `--` form");
    // A negated facet, mixed with a flag before and after it.
    let out = stdout(&["list", "--year", "2007..2025", "-kind:ranking", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(reader.records().count(), 27, "{out}");
    // Help is still help.
    let help = stdout(&["list", "-h"]);
    assert!(help.contains("Usage: tipline list"), "{help}");
}

#[test]
fn the_compilers_note_is_shown_apart_and_labelled_as_theirs() {
    let data = fixture("note.toml");
    let show = stdout(&["--data", &data, "show", "day-2007"]);
    assert!(
        show.contains(
            "at Wat Phnom [1].\n\nCompilers' note: The day itself is not known: 12 December 2007 was a Wednesday.\n"
        ),
        "{show}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["--data", &data, "list", "--format", "json"])).unwrap();
    assert_eq!(
        json[0]["note"],
        "The day itself is not known: 12 December 2007 was a Wednesday."
    );
    assert_eq!(
        json[0]["summary"],
        "VOA Khmer reported that the day was celebrated at Wat Phnom [1]."
    );
    let markdown = stdout(&["--data", &data, "export", "--format", "markdown"]);
    assert!(
        markdown.contains("*Compilers' note:* The day itself is not known"),
        "{markdown}"
    );
}

#[test]
fn check_reads_prose_against_quotes_with_warnings_and_strict_makes_them_fail() {
    let data = fixture("provenance.toml");
    let out = tipline().args(["check", &data]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "warnings alone");
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .ends_with(": 8 events, 0 error(s), 8 warning(s)\n"));
    let strict = tipline().args(["check", "--strict", &data]).output().unwrap();
    assert_eq!(strict.status.code(), Some(1));
    let err = String::from_utf8(strict.stderr).unwrap();
    assert!(
        err.contains(
            "provenance.toml:74:12: warning: `368` is in none of the quotes this sentence cites ([1])"
        ),
        "{err}"
    );
    // Loading reads no prose against quotes: the file opens and lists.
    let listed = tipline().args(["--data", &data, "list"]).output().unwrap();
    assert_eq!(listed.status.code(), Some(0));
    assert!(
        listed.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&listed.stderr)
    );
}

#[test]
fn json_gives_each_sentence_with_the_sources_its_markers_name() {
    let data = fixture("provenance.toml");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["--data", &data, "show", "kept", "--format", "json"])).unwrap();
    assert_eq!(
        json["summary"],
        "Sar Kheng said 95 per cent of 1,153 complaints were true.[1] It was the twelfth such day, in September.[2]",
        "the markers stay as written"
    );
    assert_eq!(
        json["sentences"],
        serde_json::json!([
            {"field": "summary", "text": "Sar Kheng said 95 per cent of 1,153 complaints were true.", "cites": [1], "sources": ["post"]},
            {"field": "summary", "text": "It was the twelfth such day, in September.", "cites": [2], "sources": ["dated"]},
        ])
    );
}

#[test]
fn handouts_number_citation_markers_as_their_bibliography_does() {
    let data = fixture("provenance.toml");
    let html = stdout(&["--data", &data, "export", "--format", "html"]);
    // The first event cites The Phnom Penh Post and Khmer Times, which the
    // bibliography numbers 1 and 2; a later event's own [1] is Khmer Times.
    assert!(
        html.contains("were true.<a href=\"#source-1\">[1]</a> It was the twelfth such day, in September.<a href=\"#source-2\">[2]</a>"),
        "{html}"
    );
    assert!(
        html.contains("<p>The day was held yesterday.<a href=\"#source-2\">[2]</a></p>"),
        "{html}"
    );
    assert!(html.contains("<li id=\"source-2\">Khmer Times"), "{html}");
    let markdown = stdout(&["--data", &data, "export", "--format", "markdown"]);
    assert!(
        markdown.contains("The day was held yesterday.\\[2\\]"),
        "{markdown}"
    );
    assert!(
        markdown.contains("A sentence citing what is not there.\\[?\\]"),
        "{markdown}"
    );
}

/// Thousands of warnings: the first 200 shown, the rest counted, however
/// many of them the check kept whole.
#[test]
fn check_counts_every_problem_beyond_those_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.toml");
    std::fs::write(&path, crate::common::unmarked_copies(2_500)).unwrap();
    let out = tipline().arg("check").arg(&path).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "warnings alone pass without --strict");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.ends_with(": 2500 events, 0 error(s), 2501 warning(s)\n"),
        "{stdout}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("warning: actor `"), "{}", &stderr[..300]);
    assert_eq!(
        stderr
            .matches("warning: a sentence with no citation marker")
            .count(),
        199
    );
    assert!(
        stderr.ends_with("… and 2301 more problem(s) not shown (0 of them errors)\n"),
        "{}",
        &stderr[stderr.len().saturating_sub(300)..]
    );
}
