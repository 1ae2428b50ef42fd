//! TimelineJS in and out, and the iCalendar export, checked with an
//! independent iCalendar parser.

use assert_cmd::Command;
use std::collections::HashMap;
use tipline::interop::{ics, timelinejs};
use tipline::load::{load, DataFile};

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/timelinejs/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn wild() -> timelinejs::Imported {
    let text = std::fs::read_to_string(fixture("wild.json")).unwrap();
    timelinejs::import("wild.json", &text).unwrap()
}

#[test]
fn real_world_timelinejs_is_converted_with_every_loss_named() {
    let got = wild();
    let by_title: HashMap<&str, &tipline::Event> = got.events.iter().map(|e| (e.title.as_str(), e)).collect();
    // Numbers as strings, a three-digit year, empty month and day.
    let old = by_title["Year as a string, 3 digits"];
    assert_eq!(old.date.to_string(), "0650");
    assert_eq!(old.summary, "Built & kept.");
    assert_eq!(old.tags, ["Antiquity"], "a group that is no kind becomes a tag");
    assert_eq!(old.kind.as_str(), "other");
    // HTML entities and links become text with the address kept.
    let hotline = by_title["Hotline “opens”"];
    assert_eq!(hotline.id, "hotline-opens");
    assert_eq!(
        hotline.summary,
        "See the report (https://example.org/a?b=1&c=2).\nSecond paragraph"
    );
    assert_eq!(hotline.date.to_string(), "2022-08-18");
    assert_eq!(
        hotline.end.unwrap().to_string(),
        "2022-09-29",
        "ranges stay ranges"
    );
    assert_eq!(
        hotline.kind.as_str(),
        "crackdown",
        "a group that names a kind becomes the kind"
    );
    assert_eq!(
        hotline.sources.len(),
        2,
        "media credit and address become a source"
    );
    // A clashing unique_id gets a suffix rather than colliding.
    assert_eq!(by_title["Empty end date"].id, "hotline-opens-2");
    assert!(by_title["Empty end date"].end.is_none());
    // Month precision is kept; an end before the start is dropped, with a note.
    let untitled = by_title["May 2023"];
    assert_eq!(untitled.date.to_string(), "2023-05");
    assert!(untitled.end.is_none());
    assert_eq!(got.events.len(), 4);
    assert_eq!(got.dropped_slides, 3);
    let notes = got.notes.join("\n");
    for expected in [
        "slide 2 (Before the common era): dropped: start_date: year -500 is outside the years tipline can hold",
        "slide 3 (Hotline “opens”): time of day dropped",
        "slide 3 (Hotline “opens”): background not kept",
        "slide 4: no headline; titled \"May 2023\"",
        "end_date 2022 is before start_date; end dropped",
        "slide 5 (Impossible day): dropped: start_date: 2024-2-30 is not a day on the calendar",
        "slide 6 (No date at all): dropped: no start_date",
        "era 2 (Backwards): dropped",
    ] {
        assert!(notes.contains(expected), "missing note {expected:?} in:\n{notes}");
    }
    assert_eq!(got.eras.len(), 1);
    assert_eq!(got.eras[0].start.to_string(), "2019");
}

#[test]
fn an_import_is_a_file_check_accepts() {
    let loaded = load(vec![DataFile {
        name: "wild.toml".into(),
        text: wild().to_toml(),
    }]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    assert_eq!(loaded.timeline.unwrap().events.len(), 4);
}

/// Slides whose media address the loader would refuse (no dot in the host,
/// a space) and whose caption, credit or group is only a zero-width joiner
/// still convert to a file that loads with no error.
#[test]
fn an_import_of_unusable_media_and_invisible_text_still_loads() {
    let json = r#"{"events": [
        {"start_date": {"year": "2019"}, "text": {"headline": "A", "text": "x"},
         "media": {"url": "https://localhost/x", "caption": "\u200d", "credit": "\u200d"}, "group": "\u200d"},
        {"start_date": {"year": "2020"}, "text": {"headline": "B", "text": "y"},
         "media": {"url": "https://exa mple.org/x y", "caption": "c"}}
    ]}"#;
    let imported = timelinejs::import("media.json", json).unwrap();
    let loaded = load(vec![DataFile {
        name: "media.toml".into(),
        text: imported.to_toml(),
    }]);
    let errors: Vec<_> = loaded.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    let t = loaded.timeline.unwrap();
    assert!(t.events[0].tags.is_empty());
    assert_eq!(t.events[0].sources.len(), 1, "no media source is left of slide 1");
    assert_eq!(
        t.events[1].sources.len(),
        2,
        "slide 2 keeps its caption, without the address"
    );
    assert_eq!(
        imported.notes.iter().map(String::as_str).collect::<Vec<_>>(),
        vec![
            "slide 1 (A): media address `https://localhost/x` is not a web address; not kept as a link",
            "slide 2 (B): media address `https://exa mple.org/x y` is not a web address; not kept as a link",
        ]
    );
}

#[test]
fn not_json_is_an_error_with_a_position() {
    let e = timelinejs::import("bad.json", "{\n  \"events\": [,]\n}").unwrap_err();
    assert_eq!((e.file.as_str(), e.line, e.column), ("bad.json", 2, 14));
    assert!(e.message.starts_with("not valid JSON"), "{e:?}");
    let e = timelinejs::import("bad.json", "{\"slides\": []}").unwrap_err();
    assert_eq!(e.message, "expected a TimelineJS file with an `events` array");
}

#[test]
fn export_then_import_round_trips_ids_dates_titles_and_tags() {
    let t = crate::common::world();
    let all: Vec<usize> = (0..t.events.len()).collect();
    let json = serde_json::to_string(&timelinejs::export(&t, &all, "tipline")).unwrap();
    let back = timelinejs::import("export.json", &json).unwrap();
    assert!(back.notes.is_empty(), "{:?}", back.notes);
    assert_eq!(back.events.len(), t.events.len());
    for e in &back.events {
        let original = t
            .event(&e.id)
            .unwrap_or_else(|| panic!("{} came back under another id", e.id));
        assert_eq!(e.date, original.date, "{}", e.id);
        assert_eq!(e.end, original.end, "{}", e.id);
        assert_eq!(e.title, original.title, "{}", e.id);
        assert_eq!(e.tags, original.tags, "{}", e.id);
        assert_eq!(e.kind, original.kind, "{}", e.id);
    }
    assert_eq!(back.eras.len(), t.eras.len());
}

#[test]
fn export_has_a_title_slide_groups_and_eras() {
    let t = crate::common::world();
    let hits = tipline::Query::parse("kind:ranking").unwrap().filter(&t);
    let doc = timelinejs::export(&t, &hits, "TIP rankings");
    assert_eq!(doc["title"]["text"]["headline"], "TIP rankings");
    let rankings = t
        .events
        .iter()
        .filter(|e| e.kind == tipline::timeline::model::EventKind::Ranking)
        .count();
    assert_eq!(doc["events"].as_array().unwrap().len(), rankings);
    // The first ranking known only to its year: written with a year and no more.
    let year_only = t
        .events
        .iter()
        .find(|e| {
            e.kind == tipline::timeline::model::EventKind::Ranking
                && e.date.precision() == tipline::Precision::Year
                && e.dating.is_plain()
        })
        .unwrap();
    let first = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unique_id"] == year_only.id.as_str())
        .unwrap();
    assert_eq!(first["group"], "ranking");
    assert_eq!(
        first["start_date"],
        serde_json::json!({"year": year_only.date.year_number()}),
        "year precision: no month or day"
    );
    let quote = &year_only.sources[0].quote;
    let text = first["text"]["text"].as_str().unwrap();
    assert!(
        text.contains(&format!(
            "<blockquote>“{}”</blockquote>",
            tipline::interop::html::escape(quote)
        )),
        "the first quote, escaped: {text}"
    );
    assert_eq!(doc["eras"][1]["text"]["headline"], "US TIP: Tier 3");
}

fn parsed_calendar(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    parser.next().expect("one calendar").expect("parses")
}

fn prop<'a>(e: &'a ical::parser::ical::component::IcalEvent, name: &str) -> Option<&'a str> {
    e.properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

#[test]
fn ics_export_parses_and_holds_day_dated_events_and_yearly_observances() {
    let t = crate::common::world();
    let all: Vec<usize> = (0..t.events.len()).collect();
    let cal = ics::export(&t, &all, "tipline", "20260101T000000Z");
    let (text, skipped) = (cal.text, cal.skipped);
    // A calendar entry is a day for certain: day precision and nothing uncertain.
    let day_dated = t
        .events
        .iter()
        .filter(|e| e.date.precision() == tipline::Precision::Day && e.dating.is_plain())
        .count();
    assert_eq!(skipped, t.events.len() - day_dated);
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "lines folded at 75 octets"
    );
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF line ends only");
    let cal = parsed_calendar(&text);
    assert_eq!(cal.events.len(), day_dated + t.observances.len());
    let mut uids = std::collections::HashSet::new();
    for e in &cal.events {
        assert!(
            uids.insert(prop(e, "UID").unwrap().to_string()),
            "UIDs are unique"
        );
        assert!(prop(e, "DTSTAMP").is_some());
    }
    let find = |uid: &str| cal.events.iter().find(|e| prop(e, "UID") == Some(uid)).unwrap();
    let range = find("complaints-figures-aug-sep-2022@tipline");
    assert_eq!(prop(range, "DTSTART"), Some("20220818"));
    assert_eq!(prop(range, "DTEND"), Some("20220930"), "the day after the last");
    let desc = prop(range, "DESCRIPTION").unwrap();
    assert!(
        desc.contains("https://eacnews.asia/home/details/15590"),
        "source addresses: {desc}"
    );
    assert!(
        desc.contains("\\,") && desc.contains("\\n"),
        "commas and new lines escaped: {desc}"
    );
    let day = find("national-day-against-human-trafficking@tipline");
    assert_eq!(prop(day, "DTSTART"), Some("20071212"));
    assert_eq!(prop(day, "RRULE"), Some("FREQ=YEARLY"));
    let faith = find("national-inter-faith-day@tipline");
    assert_eq!(prop(faith, "DTSTART"), Some("20230820"));
    assert_eq!(prop(faith, "RRULE"), Some("FREQ=YEARLY"));
}

#[test]
fn cli_exports_imports_and_loads_timelinejs() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let json = dir.join("t.json");
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .args(["--data", crate::common::WORLD])
        .args(["export", "year:2022", "--format", "timelinejs", "-o"])
        .arg(&json)
        .output()
        .unwrap();
    assert!(out.status.success());
    let listed = Command::cargo_bin("tipline")
        .unwrap()
        .arg("--data")
        .arg(&json)
        .args(["list"])
        .output()
        .unwrap();
    // The world has 11 events in 2022, and 3 eras.
    assert!(String::from_utf8(listed.stdout)
        .unwrap()
        .ends_with("11 of 11 events\n"));
    let toml = dir.join("t.toml");
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .args(["import", "timelinejs"])
        .arg(&json)
        .arg("-o")
        .arg(&toml)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("converted 11 slide(s) and 3 era(s); dropped 0 slide(s)"));
    let check = Command::cargo_bin("tipline")
        .unwrap()
        .arg("check")
        .arg(&toml)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    // The viewer never writes over a data file it reads.
    let refuse = Command::cargo_bin("tipline")
        .unwrap()
        .arg("--data")
        .arg(&toml)
        .args(["export", "--format", "json", "-o"])
        .arg(&toml)
        .output()
        .unwrap();
    assert_eq!(refuse.status.code(), Some(2));
    assert!(String::from_utf8(refuse.stderr)
        .unwrap()
        .contains("will not write over"));
    let ics = Command::cargo_bin("tipline")
        .unwrap()
        .env("SOURCE_DATE_EPOCH", "0")
        .args(["--data", crate::common::WORLD, "export", "--format", "ics"])
        .output()
        .unwrap();
    assert!(String::from_utf8(ics.stderr)
        .unwrap()
        .contains("event(s) without one certain day (known only to the month or year, uncertain, or one of several days) left out"));
    assert!(String::from_utf8(ics.stdout)
        .unwrap()
        .contains("DTSTAMP:19700101T000000Z\r\n"));
}

#[test]
fn import_notes_are_capped_and_the_rest_counted() {
    // 300 slides with no date, each dropped with a note, and one good slide.
    let mut slides: Vec<String> = (0..300)
        .map(|i| format!("{{\"text\": {{\"headline\": \"s{i}\"}}}}"))
        .collect();
    slides.push(r#"{"start_date": {"year": 2022}, "text": {"headline": "kept"}}"#.to_string());
    let json = format!("{{\"events\": [{}]}}", slides.join(","));
    let imported = timelinejs::import("many.json", &json).unwrap();
    assert_eq!(imported.notes.total(), 300);
    assert_eq!(imported.notes.len(), timelinejs::Notes::KEPT);
    assert_eq!(imported.notes.more(), 100);
    assert!(imported
        .summary("many.json")
        .ends_with("dropped 300 slide(s); 300 note(s)"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("many.json");
    std::fs::write(&file, &json).unwrap();
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .args(["import", "timelinejs"])
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err.lines()
            .filter(|l| l.contains(": dropped: no start_date"))
            .count(),
        200
    );
    assert!(
        err.contains("many.json: … and 100 more note(s) not shown"),
        "{err}"
    );
}
