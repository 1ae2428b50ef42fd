//! Every validation rule, each with a fixture, its message and its position.

use std::path::Path;
use tipline::load::diag::{Diagnostic, Severity};
use tipline::load::{load, DataFile};

fn fixture(name: &str) -> DataFile {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let mut file = DataFile::read(&path).expect("fixture is readable");
    file.name = name.to_string();
    file
}

fn diagnostics(names: &[&str]) -> Vec<Diagnostic> {
    let files: Vec<DataFile> = names.iter().map(|n| fixture(n)).collect();
    load(files).diagnostics
}

/// (line, column, message fragment) of each error, in file order.
fn errors(name: &str) -> Vec<(usize, usize, String)> {
    diagnostics(&[name])
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.line, d.column, d.message))
        .collect()
}

fn assert_single_error(name: &str, line: usize, column: usize, fragment: &str) {
    let found = errors(name);
    assert_eq!(found.len(), 1, "{name}: {found:?}");
    assert_eq!((found[0].0, found[0].1), (line, column), "{name}: {found:?}");
    assert!(
        found[0].2.contains(fragment),
        "{name}: {:?} lacks {fragment:?}",
        found[0].2
    );
}

#[test]
fn valid_fixture_loads_cleanly() {
    let loaded = load(vec![fixture("valid.toml")]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let t = loaded.timeline.unwrap();
    assert_eq!(t.events.len(), 1);
    assert_eq!(t.events[0].date.to_string(), "2022-08-18");
}

#[test]
fn toml_syntax_error_has_position() {
    assert_single_error("syntax.toml", 4, 11, "invalid TOML");
}

#[test]
fn wrong_type_names_field_and_found_type() {
    assert_single_error(
        "wrong_type.toml",
        14,
        9,
        "`title` must be a string, found an integer",
    );
}

#[test]
fn unknown_field_suggests_the_nearest() {
    let ds = diagnostics(&["unknown_field.toml"]);
    let d = ds
        .iter()
        .find(|d| d.message.contains("unknown field `sumary`"))
        .expect("reported");
    assert_eq!((d.line, d.column), (17, 1));
    assert_eq!(d.help.as_deref(), Some("did you mean `summary`?"));
    // The required summary is also missing, and that is said too.
    assert!(ds
        .iter()
        .any(|d| d.message == "missing field `summary` in event" && d.line == 11));
}

#[test]
fn duplicate_id_names_both_places() {
    let ds = diagnostics(&["duplicate_id.toml"]);
    assert_eq!(ds.len(), 1);
    assert_eq!((ds[0].line, ds[0].column), (23, 6));
    assert_eq!(ds[0].message, "duplicate event id `e1`");
    assert_eq!(
        ds[0].help.as_deref(),
        Some("first defined at duplicate_id.toml:12:6")
    );
}

#[test]
fn duplicate_id_across_files_names_the_other_file() {
    let ds = diagnostics(&["merge_a.toml", "merge_b.toml"]);
    assert_eq!(ds.len(), 1, "{ds:?}");
    assert_eq!(ds[0].file, "merge_b.toml");
    assert_eq!((ds[0].line, ds[0].column), (2, 6));
    assert_eq!(ds[0].help.as_deref(), Some("first defined at merge_a.toml:12:6"));
}

#[test]
fn files_merge_into_one_timeline_with_cross_file_references() {
    let a = fixture("merge_a.toml");
    let mut b = fixture("merge_b.toml");
    b.text = b.text.replacen("id = \"e1\"", "id = \"e0\"", 1);
    let loaded = load(vec![a, b]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let ids: Vec<String> = loaded
        .timeline
        .unwrap()
        .events
        .iter()
        .map(|e| e.id.clone())
        .collect();
    assert_eq!(ids, ["e0", "e2", "e1"], "2019 events sort before the 2022 one");
}

/// A file padded at its end with a comment of `bytes`: it reads the same,
/// but is large enough to be read another way.
fn padded(mut file: DataFile, bytes: usize) -> DataFile {
    file.text.push_str(&format!("\n# {}\n", "-".repeat(bytes)));
    file
}

fn described(ds: &[Diagnostic]) -> Vec<String> {
    ds.iter()
        .map(|d| {
            format!(
                "{}:{}:{} {:?} {} / {:?}",
                d.file, d.line, d.column, d.severity, d.message, d.help
            )
        })
        .collect()
}

#[test]
fn small_files_parsed_whole_report_what_large_files_read_in_pieces_report() {
    // Under half a megabyte a file is parsed whole; over it, a table at a
    // time. Either way every problem is the same, at the same place.
    for name in [
        "many_errors.toml",
        "duplicate_id.toml",
        "syntax.toml",
        "wrong_type.toml",
        "claims_errors.toml",
        "header_in_array.toml",
        "unknown_reference.toml",
    ] {
        let small = load(vec![fixture(name)]).diagnostics;
        let large = load(vec![padded(fixture(name), 600 * 1024)]).diagnostics;
        assert!(!small.is_empty(), "{name} has problems to report");
        assert_eq!(described(&small), described(&large), "{name}");
        // A byte-order mark first moves nothing either way.
        let mut marked = fixture(name);
        marked.text.insert(0, '\u{feff}');
        let marked_large = padded(marked.clone(), 600 * 1024);
        assert_eq!(
            described(&load(vec![marked]).diagnostics),
            described(&small),
            "{name}"
        );
        assert_eq!(
            described(&load(vec![marked_large]).diagnostics),
            described(&small),
            "{name}"
        );
    }
}

#[test]
fn files_parsed_on_two_threads_report_in_file_order() {
    // Enough text in all that a second thread parses some of the files.
    let files = || {
        vec![
            padded(fixture("merge_a.toml"), 40 * 1024),
            padded(fixture("many_errors.toml"), 40 * 1024),
            padded(fixture("merge_b.toml"), 40 * 1024),
        ]
    };
    let together = load(files()).diagnostics;
    let mut one_by_one = Vec::new();
    for file in files() {
        one_by_one.extend(load(vec![file]).diagnostics);
    }
    let found = described(&together);
    assert!(
        found
            .iter()
            .any(|d| d.starts_with("merge_b.toml:2:6 Error duplicate")),
        "{found:?}"
    );
    assert!(
        found.iter().position(|d| d.starts_with("many_errors"))
            < found.iter().position(|d| d.starts_with("merge_b"))
    );
    // Each file alone reports its own problems the same way (apart from the
    // duplicate, which needs both files, and the references between them).
    let alone = described(&one_by_one);
    assert!(found.contains(
        &"many_errors.toml:2:6 Error duplicate source id `src` / Some(\"first defined at merge_a.toml:2:6\")"
            .to_string()
    ));
    for d in found
        .iter()
        .filter(|d| d.starts_with("many_errors") && !d.contains("merge_a"))
    {
        assert!(alone.contains(d), "{d}");
    }
}

#[test]
fn unknown_references_are_each_reported() {
    let found = errors("unknown_reference.toml");
    assert_eq!(
        found,
        vec![
            (16, 11, "unknown actor `b`".to_string()),
            (17, 22, "unknown event `e9`".to_string()),
            (20, 10, "unknown source `srcx`".to_string()),
        ]
    );
}

#[test]
fn impossible_date() {
    assert_single_error("impossible_date.toml", 13, 8, "no such day on the calendar");
}

#[test]
fn malformed_date() {
    assert_single_error(
        "malformed_date.toml",
        13,
        8,
        "expected a date as YYYY, YYYY-MM or YYYY-MM-DD",
    );
}

#[test]
fn end_before_start() {
    assert_single_error(
        "end_before_start.toml",
        14,
        7,
        "`end` (2022-07) is before `date` (2022-08-18)",
    );
}

#[test]
fn unknown_kind_suggests_and_lists_the_kinds() {
    assert_single_error("unknown_kind.toml", 15, 8, "unknown kind `lwa`");
    let ds = diagnostics(&["unknown_kind.toml"]);
    let help = ds[0].help.as_deref().unwrap();
    assert!(help.starts_with("did you mean `law`?"), "{help}");
    assert!(help.contains("national-day"));
}

#[test]
fn empty_title() {
    assert_single_error("empty_title.toml", 14, 9, "`title` is empty");
}

#[test]
fn event_without_source() {
    assert_single_error("no_source.toml", 11, 1, "event has no source");
}

#[test]
fn empty_quote() {
    assert_single_error("empty_quote.toml", 20, 9, "`quote` is empty");
}

#[test]
fn unused_actor_is_a_warning_not_an_error() {
    let loaded = load(vec![fixture("unused_actor.toml")]);
    assert_eq!(loaded.errors(), 0);
    assert_eq!(loaded.warnings(), 1);
    assert_eq!(
        loaded.diagnostics[0].message,
        "actor `nobody` is not named by any event"
    );
    assert_eq!(loaded.diagnostics[0].line, 23);
    assert!(loaded.timeline.is_some(), "warnings do not stop loading");
}

#[test]
fn every_problem_in_a_file_is_reported_at_once() {
    let found = errors("many_errors.toml");
    let lines: Vec<usize> = found.iter().map(|e| e.0).collect();
    assert_eq!(lines, [13, 14, 15, 16], "{found:?}");
}

#[test]
fn rendered_diagnostic_shows_file_line_column_and_the_line() {
    let ds = diagnostics(&["impossible_date.toml"]);
    let text = ds[0].to_string();
    assert!(text.starts_with("impossible_date.toml:13:8: error: "), "{text}");
    assert!(text.contains("13 | date = \"2023-02-30\""), "{text}");
}

#[test]
fn escape_sequences_in_text_are_made_visible_at_load() {
    let t = load(vec![fixture("escapes.toml")]).timeline.unwrap();
    let title = &t.events[0].title;
    assert!(!title.chars().any(|c| c.is_control()), "{title:?}");
    assert!(title.contains("^[]0;pwned^G"), "{title:?}");
    assert!(title.contains("\\u{202e}"), "{title:?}");
}

#[test]
fn missing_file_and_directory_are_named() {
    let missing = DataFile::read(Path::new("no/such/file.toml")).unwrap_err();
    assert_eq!(missing.to_string(), "no/such/file.toml: error: no such file");
    let dir = DataFile::read(Path::new(env!("CARGO_MANIFEST_DIR"))).unwrap_err();
    assert!(dir.to_string().contains("is a directory"), "{dir}");
}

#[test]
fn invalid_utf8_is_reported_at_its_position() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad-utf8.toml");
    std::fs::write(&path, b"[[events]]\nid = \"a\xffb\"\n").unwrap();
    let d = DataFile::read(&path).unwrap_err();
    assert_eq!((d.line, d.column), (2, 8));
    assert!(d.message.contains("invalid UTF-8"));
}

#[test]
fn eras_and_observances_are_validated_like_events() {
    let base =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid.toml"))
            .unwrap();
    let text = format!(
        "{base}
[[eras]]
id = \"e-1\"
title = \"Backwards\"
start = \"2022\"
end = \"2021\"
[[eras.sources]]
source = \"nowhere\"
quote = \"q\"

[[observances]]
id = \"o-1\"
title = \"A day\"
on = \"02-30\"
since = \"2023-05\"
[[observances.sources]]
source = \"src\"
quote = \"q\"

[[observances]]
id = \"o-2\"
title = \"No source\"
on = \"08-20\"
since = \"2023\"
"
    );
    let loaded = load(vec![DataFile {
        name: "cal.toml".into(),
        text,
    }]);
    let found: Vec<(usize, usize, String)> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.line, d.column, d.message.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            (26, 7, "`end` (2021) is before `start` (2022)".to_string()),
            (28, 10, "unknown source `nowhere`".to_string()),
            (
                34,
                6,
                "`on` = \"02-30\": expected a day of the year as MM-DD, like \"08-20\"".to_string()
            ),
            (
                35,
                9,
                "`since` = \"2023-05\": expected a year, like \"2023\"".to_string()
            ),
            (40, 1, "observance has no source".to_string()),
        ],
        "{found:#?}"
    );
}

#[test]
fn a_header_line_inside_an_array_is_data_and_every_event_is_read() {
    // `[["events"]]` on its own line inside `tags = [...]` is an array in an
    // array, not a table header: the second event's tags are of the wrong
    // type and the third event repeats the first one's id.
    let found = errors("header_in_array.toml");
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (28, 1), "{found:?}");
    assert!(found[0].2.contains("tags"), "{found:?}");
    assert_eq!(found[1].0, 32, "{found:?}");
    assert!(found[1].2.contains("duplicate event id `e1`"), "{found:?}");
}

#[test]
fn a_file_the_splitter_cannot_cut_is_read_whole() {
    // Valid TOML whose pieces would each parse wrongly if cut at the
    // header-like lines: a multi-line array and inline table, and literal
    // and basic multi-line strings holding headers.
    let valid =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid.toml"))
            .unwrap();
    let second = valid
        .split("[[events]]")
        .nth(1)
        .unwrap()
        .replace("\"e1\"", "\"e2\"")
        .replace(
            "summary = \"S\"",
            "summary = '''\n[[events]]\n'''\ndetails = \"\"\"\n[[sources]]\n\"\"\"\ntags = [\n  \"x\",\n]",
        );
    let text = format!("{valid}\n[[events]]{second}");
    let loaded = load(vec![DataFile {
        name: "m.toml".into(),
        text,
    }]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let t = loaded.timeline.unwrap();
    assert_eq!(t.events.len(), 2);
    assert_eq!(t.events[1].summary, "[[events]]");
    assert_eq!(t.events[1].tags, vec!["x".to_string()]);
}

/// `n` events citing one source, each 11 lines long; the events numbered in
/// `claimed` wrongly claim to be corroborated.
fn many_events(n: usize, claimed: &[usize]) -> String {
    let mut text = String::from("[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n");
    for i in 0..n {
        let claim = if claimed.contains(&i) {
            "corroboration = \"corroborated\"\n"
        } else {
            "\n"
        };
        text.push_str(&format!(
            "[[events]]\nid = \"e{i}\"\ndate = \"2020\"\ntitle = \"E\"\nkind = \"law\"\nsummary = \"s\"\n{claim}[[events.sources]]\nsource = \"s\"\nquote = \"q\"\n\n"
        ));
    }
    text
}

#[test]
fn a_large_file_checked_in_two_halves_reports_every_problem_in_file_order() {
    // Enough events to be checked on two threads, with problems in both halves.
    let claimed = [1, 12_499, 12_500, 24_999];
    let loaded = load(vec![DataFile {
        name: "many.toml".into(),
        text: many_events(25_000, &claimed),
    }]);
    let got: Vec<(usize, usize, &str)> = loaded
        .diagnostics
        .iter()
        .map(|d| (d.line, d.column, d.message.as_str()))
        .collect();
    let said = "`corroboration` says corroborated, but the event is single-source";
    // Event i's claim is on line 5 + 11 i + 6, at the value's column.
    let expected: Vec<(usize, usize, &str)> = claimed.iter().map(|i| (11 + 11 * i, 17, said)).collect();
    assert_eq!(got, expected);
}

#[test]
fn not_acting_names_a_known_actor_once_with_a_reason() {
    assert_eq!(
        errors("not_acting_errors.toml"),
        [
            (38, 13, "unknown actor `hun-sem`".to_string()),
            (
                39,
                27,
                "`why` is empty: an actor not acting needs a reason".to_string()
            ),
            (
                40,
                13,
                "`sar-kheng` is in the event's `actors` and in `not_acting`".to_string()
            ),
            (42, 13, "`hun-sen` is in `not_acting` twice".to_string()),
            (43, 3, "missing field `why` in actor not acting".to_string()),
            (44, 3, "missing field `why` in actor not acting".to_string()),
            (44, 19, "unknown field `reason` in actor not acting".to_string()),
        ]
    );
    let unknown = diagnostics(&["not_acting_errors.toml"])
        .into_iter()
        .find(|d| d.message == "unknown actor `hun-sem`")
        .unwrap();
    assert_eq!(unknown.help.as_deref(), Some("did you mean `hun-sen`?"));
}

#[test]
fn not_acting_is_read_into_the_event() {
    let t = load(vec![fixture("acting.toml")]).timeline.expect("loads");
    let e = t.event("letter-answered").unwrap();
    assert_eq!(e.actors, ["sar-kheng"]);
    assert_eq!(
        e.not_acting,
        [tipline::timeline::model::NotActing {
            actor: "hun-sen".into(),
            why: "named as the sender of the letter the ministry answered".into(),
        }]
    );
}
