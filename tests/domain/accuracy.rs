//! Inputs at the edges: figures past 2^53, leap days and the last day of
//! year 9999 in calendars, odd `SOURCE_DATE_EPOCH`s, empty lessons, many
//! TimelineJS slides wanting one id, two TimelineJS files together, and
//! stderr that cannot be written.

use assert_cmd::Command;
use tipline::interop::{ics, timelinejs};
use tipline::load::{load, DataFile};

fn tipline() -> Command {
    Command::cargo_bin("tipline").unwrap()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

const SOURCE: &str = "[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n\n";

fn event(id: &str, date: &str, extra: &str) -> String {
    format!(
        "[[events]]\nid = \"{id}\"\ndate = \"{date}\"\ntitle = \"T\"\nkind = \"law\"\nsummary = \"S\"\n{extra}[[events.sources]]\nsource = \"s\"\nquote = \"q\"\n\n"
    )
}

#[test]
fn figures_past_two_to_the_53_are_refused_not_rounded() {
    let figure = |v: &str| format!("[[events.figures]]\nlabel = \"people\"\nvalue = {v}\n");
    let text = format!(
        "{SOURCE}{}{}{}",
        event("exact", "2022", &figure("9007199254740992")),
        event("over", "2022", &figure("9007199254740993")),
        event("negative", "2022", &figure("-9007199254740993")),
    );
    let loaded = load(vec![DataFile {
        name: "big.toml".into(),
        text: text.clone(),
    }]);
    let errors: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(errors.len(), 2, "{errors:#?}");
    let over_line = text
        .lines()
        .position(|l| l == "value = 9007199254740993")
        .unwrap()
        + 1;
    assert!(
        errors[0].starts_with(&format!(
            "big.toml:{over_line}:9: error: `value` is a whole number larger than tipline can keep exactly"
        )),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].contains("larger than tipline can keep exactly"),
        "{}",
        errors[1]
    );
    // 2^53 itself is exact, and kept.
    let just = load(vec![DataFile {
        name: "ok.toml".into(),
        text: format!("{SOURCE}{}", event("exact", "2022", &figure("9007199254740992"))),
    }]);
    assert_eq!(
        just.timeline.unwrap().events[0].figures[0].value,
        9_007_199_254_740_992.0
    );
}

fn prop<'a>(e: &'a ical::parser::ical::component::IcalEvent, name: &str) -> Option<&'a str> {
    e.properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

#[test]
fn leap_day_observances_and_the_last_day_of_9999_are_valid_calendar_entries() {
    let text = format!(
        "{SOURCE}{}[[observances]]\nid = \"leap\"\ntitle = \"Leap\"\non = \"02-29\"\nsince = \"2023\"\n[[observances.sources]]\nsource = \"s\"\nquote = \"q\"\n\n[[observances]]\nid = \"never\"\ntitle = \"Never\"\non = \"02-29\"\nsince = \"9997\"\n[[observances.sources]]\nsource = \"s\"\nquote = \"q\"\n",
        event("last", "9999-12-31", "")
    );
    let loaded = load(vec![DataFile {
        name: "cal.toml".into(),
        text,
    }]);
    let t = loaded
        .timeline
        .unwrap_or_else(|| panic!("{:#?}", loaded.diagnostics));
    let cal = ics::export(&t, &[0], "c", "20260101T000000Z");
    assert_eq!((cal.events, cal.skipped), (1, 0));
    assert_eq!(
        (cal.observances, cal.skipped_observances),
        (1, 1),
        "9997 to 9999 hold no 29 February: counted as left out, not as written"
    );
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(cal.text.as_bytes()));
    let parsed = parser.next().unwrap().unwrap();
    assert_eq!(parsed.events.len(), 2);
    let last = &parsed.events[0];
    assert_eq!(prop(last, "DTSTART"), Some("99991231"));
    assert_eq!(prop(last, "DTEND"), None, "10000-01-01 is no DATE value");
    assert_eq!(prop(last, "DURATION"), Some("P1D"));
    let leap = &parsed.events[1];
    assert_eq!(prop(leap, "UID"), Some("leap@tipline"));
    assert_eq!(
        prop(leap, "DTSTART"),
        Some("20240229"),
        "the first leap year from 2023"
    );
    assert_eq!(prop(leap, "DTEND"), Some("20240301"));
    assert_eq!(prop(leap, "RRULE"), Some("FREQ=YEARLY"));
    assert!(!cal.text.contains("never@tipline"));
}

fn dtstamp(epoch: &str) -> (String, String) {
    let out = tipline()
        .env("SOURCE_DATE_EPOCH", epoch)
        .args(["export", "--data", &fixture("valid.toml"), "--format", "ics"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let stamp = text
        .lines()
        .find_map(|l| l.strip_prefix("DTSTAMP:"))
        .unwrap()
        .to_string();
    (stamp, String::from_utf8(out.stderr).unwrap())
}

#[test]
fn source_date_epoch_out_of_range_is_named_and_the_clock_used() {
    assert_eq!(dtstamp("0"), ("19700101T000000Z".to_string(), String::new()));
    assert_eq!(
        dtstamp("253402300799"),
        ("99991231T235959Z".to_string(), String::new())
    );
    for bad in [
        "-1",
        "-99999999999999",
        "253402300800",
        "99999999999999999",
        "soon",
    ] {
        let (stamp, err) = dtstamp(bad);
        assert!(
            err.contains(&format!("SOURCE_DATE_EPOCH=`{bad}` is not a number of seconds")),
            "{bad}: {err}"
        );
        assert_eq!(stamp.len(), 16, "{bad}: {stamp}");
        assert!(
            stamp.ends_with('Z') && stamp.as_bytes()[8] == b'T',
            "{bad}: {stamp}"
        );
        let year: i32 = stamp[..4].parse().unwrap();
        assert!(
            year >= 2024,
            "{bad}: the current time, not 1970 or a negative year: {stamp}"
        );
    }
}

#[test]
fn a_lesson_with_no_stops_fails_check_with_its_position() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let text = "title = \"Empty\"\nsummary = \"Nothing\"\nstops = []\n";
    std::fs::write(dir.join("empty.toml"), text).unwrap();
    let out = tipline()
        .args(["check", "--lessons", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let file = dir.join("empty.toml").display().to_string();
    assert!(
        err.contains(&format!("{file}:3:9: error: a lesson needs at least one stop")),
        "{err}"
    );
}

fn slides(n: usize, slide: impl Fn(usize) -> String) -> String {
    let all: Vec<String> = (0..n).map(slide).collect();
    format!("{{\"events\": [{}]}}", all.join(","))
}

#[test]
fn forty_thousand_slides_wanting_one_id_get_distinct_ids_in_order() {
    const N: usize = 40_000;
    let same_id = slides(N, |_| {
        r#"{"start_date": {"year": 2022}, "text": {"headline": "H"}, "unique_id": "same"}"#.to_string()
    });
    let got = timelinejs::import("same.json", &same_id).unwrap();
    assert_eq!(got.events.len(), N);
    assert_eq!(got.events[0].id, "same");
    for (i, e) in got.events.iter().enumerate().skip(1) {
        assert_eq!(e.id, format!("same-{}", i + 1));
    }
    let same_title = slides(N, |_| {
        r#"{"start_date": {"year": 2022, "month": 3, "day": 1}, "text": {"headline": "Raid"}}"#.to_string()
    });
    let got = timelinejs::import("title.json", &same_title).unwrap();
    assert_eq!(got.events[0].id, "2022-03-01-raid");
    assert_eq!(got.events[1].id, "2022-03-01-raid-2");
    assert_eq!(got.events[N - 1].id, format!("2022-03-01-raid-{N}"));
    let distinct: std::collections::HashSet<&str> = got.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(distinct.len(), N);
    // An id already taken by an earlier slide's own choice is skipped over.
    let mixed = r#"{"events": [
        {"start_date": {"year": 2022}, "text": {"headline": "A"}, "unique_id": "x-2"},
        {"start_date": {"year": 2022}, "text": {"headline": "B"}, "unique_id": "x"},
        {"start_date": {"year": 2022}, "text": {"headline": "C"}, "unique_id": "x"}
    ]}"#;
    let got = timelinejs::import("mixed.json", mixed).unwrap();
    let ids: Vec<&str> = got.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids, ["x-2", "x", "x-3"]);
}

#[test]
fn two_timelinejs_files_load_together() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let one = r#"{"title": {"text": {"headline": "One"}}, "events": [
        {"start_date": {"year": 2020}, "text": {"headline": "First file"}, "unique_id": "one"}]}"#;
    let two = r#"{"title": {"text": {"headline": "Two"}}, "events": [
        {"start_date": {"year": 2021}, "text": {"headline": "Second file"}, "unique_id": "two"}]}"#;
    let (a, b) = (dir.join("a.json"), dir.join("b.json"));
    std::fs::write(&a, one).unwrap();
    std::fs::write(&b, two).unwrap();
    let out = tipline()
        .args([
            "list",
            "--data",
            a.to_str().unwrap(),
            "--data",
            b.to_str().unwrap(),
            "--format",
            "csv",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let ids: Vec<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, ["one", "two"]);
}

/// Runs tipline with stderr a pipe whose reading end is already closed, so
/// every write to stderr fails with EPIPE (as with `2>&1 | head -1` once
/// head has gone).
#[cfg(unix)]
fn with_broken_stderr(args: &[&str]) -> std::process::Output {
    use std::os::fd::FromRawFd;
    let mut fds = [0; 2];
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    unsafe { libc::close(fds[0]) };
    let write_end = unsafe { std::process::Stdio::from_raw_fd(fds[1]) };
    std::process::Command::new(assert_cmd::cargo::cargo_bin("tipline"))
        .args(args)
        .stderr(write_end)
        .stdout(std::process::Stdio::piped())
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn a_closed_stderr_never_makes_tipline_panic() {
    // Many problems, then "nothing loaded": every line fails to print.
    let out = with_broken_stderr(&["list", "--data", &fixture("many_errors.toml")]);
    assert_eq!(out.status.code(), Some(1), "invalid data, not a panic (101)");
    // An import prints its notes to stderr and the file to stdout.
    let wild = fixture("timelinejs/wild.json");
    let out = with_broken_stderr(&["import", "timelinejs", &wild]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("[[events]]"));
    // A usage error, printed by the argument parser.
    let out = with_broken_stderr(&["list", "--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn problems_in_a_timelinejs_file_name_the_file_and_slide() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let a = r#"{"events": [{"start_date": {"year": 2020}, "text": {"headline": "A"}, "unique_id": "dup"}]}"#;
    let b = r#"{"events": [
        {"start_date": {"year": 2021}, "text": {"headline": "B"}, "unique_id": "b"},
        {"start_date": {"year": 2021}, "text": {"headline": "C"}, "unique_id": "dup"}]}"#;
    let (pa, pb) = (dir.join("a.json"), dir.join("b.json"));
    std::fs::write(&pa, a).unwrap();
    std::fs::write(&pb, b).unwrap();
    let out = tipline()
        .args(["check", pa.to_str().unwrap(), pb.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let all = String::from_utf8(out.stderr).unwrap();
    // Each imported slide's text cites no quote: warnings, named by slide too.
    assert!(
        all.contains("a.json: warning: slide 1: a sentence with no citation marker: \"A\"\n"),
        "{all}"
    );
    let err: String = all
        .split_inclusive('\n')
        .filter(|l| !l.contains(": warning: "))
        .collect();
    assert_eq!(
        err,
        format!(
            "{}: error: slide 2: duplicate event id `dup`\n = help: first defined at {}, slide 1\n",
            pb.display(),
            pa.display()
        )
    );
}
