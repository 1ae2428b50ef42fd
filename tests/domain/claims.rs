//! Claims kept apart from facts: corroboration worked out from the sources,
//! disputed values with who gives which, dates never shown surer than the
//! sources make them, and the checks that keep the data consistent.

use proptest::prelude::*;
use std::collections::HashMap;
use tipline::load::checks::{corroboration, origin_of};
use tipline::load::{load, DataFile};
use tipline::timeline::dating::{Certainty, Dating, Qualifier};
use tipline::timeline::model::{Corroboration, Source, Timeline};
use tipline::{PartialDate, Query};

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn claims() -> Timeline {
    let loaded = load(vec![DataFile {
        name: "claims.toml".into(),
        text: fixture("claims.toml"),
    }]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.timeline.unwrap()
}

#[test]
fn corroboration_follows_from_independent_origins() {
    let t = claims();
    let status = |id: &str| t.event(id).unwrap().corroboration;
    // 83 (The Daily) or 84 (The Herald).
    assert_eq!(status("raid"), Corroboration::Disputed);
    assert_eq!(status("signing"), Corroboration::Disputed);
    // A speech and the wire report of it are one source; the figure is the minister's claim.
    assert_eq!(status("speech-event"), Corroboration::SingleSource);
    // Two articles of one paper are one source.
    assert_eq!(status("two-papers"), Corroboration::SingleSource);
    assert_eq!(status("confirmed"), Corroboration::Corroborated);
    assert_eq!(status("first-day"), Corroboration::SingleSource);
}

#[test]
fn a_wire_copy_rests_on_what_it_reports() {
    let t = claims();
    let sources: HashMap<&str, &Source> = t.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    assert_eq!(origin_of("wire", &sources), origin_of("speech", &sources));
    assert_eq!(origin_of("daily", &sources), origin_of("daily-2", &sources));
    assert_ne!(origin_of("daily", &sources), origin_of("herald", &sources));
}

/// A paper's copy of a wire story, declaring the agency as its origin, and
/// the agency's own story are one origin: the event stays single-source.
#[test]
fn a_declared_origin_and_the_same_publisher_are_one_origin() {
    let mut text = fixture("claims.toml");
    text.push_str(
        r#"
[[sources]]
id = "agency-own"
publisher = "Wire Service"
title = "The agency's story"

[[sources]]
id = "paper-copy"
publisher = "The Gazette"
title = "The Gazette runs the agency's story"
origin = "wire service"

[[events]]
id = "wired"
date = "2021-03-07"
title = "Wired"
kind = "statement"
summary = "Wired."
[[events.sources]]
source = "agency-own"
quote = "the agency"
[[events.sources]]
source = "paper-copy"
quote = "the copy"
"#,
    );
    let loaded = load(vec![DataFile {
        name: "claims.toml".into(),
        text,
    }]);
    let t = loaded.timeline.expect("loads");
    let sources: HashMap<&str, &Source> = t.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    assert_eq!(
        origin_of("agency-own", &sources),
        origin_of("paper-copy", &sources)
    );
    let e = t.event("wired").unwrap();
    assert_eq!(e.corroboration, Corroboration::SingleSource);
    assert_eq!(
        t.single_source_reason(e).as_deref(),
        Some("2 publishers, 1 independent origin: The Gazette rests on wire service")
    );
}

/// A single-source event says why, from the same working-out that found it
/// single-source: a copy of another source, one publisher, figures that
/// are someone's word or one outlet's.
#[test]
fn a_single_source_says_why() {
    let t = claims();
    let why = |id: &str| t.single_source_reason(t.event(id).unwrap());
    assert_eq!(
        why("speech-event").as_deref(),
        Some("2 publishers, 1 independent origin: State News Agency reports Office of the Council of Ministers")
    );
    assert_eq!(why("two-papers").as_deref(), Some("1 publisher: The Daily"));
    assert_eq!(why("first-day").as_deref(), Some("1 publisher: Research notes"));
    assert_eq!(why("confirmed"), None, "corroborated");
    assert_eq!(why("raid"), None, "disputed");
    assert_eq!(
        t.sourcing_words(t.event("two-papers").unwrap()),
        "rests on a single source (1 publisher: The Daily)"
    );
    // Two independent origins, but the figures are not confirmed by two.
    let mut text = fixture("claims.toml");
    text.push_str(
        r#"
[[sources]]
id = "relay"
publisher = "Relay"
title = "Relay of the speech"
origin = "The forum's live stream"

[[sources]]
id = "stream"
publisher = "Stream"
title = "The stream"
origin = "the forum's live stream"

[[events]]
id = "counts"
date = "2021-03-05"
title = "Counts"
kind = "statistics"
actors = ["minister"]
summary = "Counts."
[[events.figures]]
label = "cases"
value = 300
according_to = "minister"
[[events.figures]]
label = "victims"
value = 12
sources = ["herald"]
[[events.figures]]
label = "raids"
value = 3
sources = ["herald"]
[[events.sources]]
source = "daily"
quote = "300 cases"
[[events.sources]]
source = "herald"
quote = "12 victims in 3 raids"

[[events]]
id = "streamed"
date = "2021-03-06"
title = "Streamed"
kind = "statement"
summary = "Streamed."
[[events.sources]]
source = "relay"
quote = "streamed"
[[events.sources]]
source = "stream"
quote = "streamed"
"#,
    );
    let t = load(vec![DataFile {
        name: "claims.toml".into(),
        text,
    }])
    .timeline
    .unwrap();
    let why = |id: &str| t.single_source_reason(t.event(id).unwrap());
    assert_eq!(
        why("counts").as_deref(),
        Some(
            "2 publishers, 2 independent origins, but 1 of its figures is The Minister's word, however many \
             outlets repeat it; 2 of its figures rest on The Herald alone"
        )
    );
    assert_eq!(
        why("streamed").as_deref(),
        Some("2 publishers, 1 independent origin: Relay and Stream rest on The forum's live stream")
    );
}

proptest! {
    #[test]
    fn corroboration_does_not_depend_on_the_order_of_citations(seed in any::<u64>()) {
        let t = claims();
        let sources: HashMap<&str, &Source> = t.sources.iter().map(|s| (s.id.as_str(), s)).collect();
        let mut rng = seed;
        for e in &t.events {
            let mut shuffled = e.clone();
            // A small deterministic shuffle of the citations.
            for i in (1..shuffled.sources.len()).rev() {
                rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let j = (rng >> 33) as usize % (i + 1);
                shuffled.sources.swap(i, j);
            }
            shuffled.sources.reverse();
            prop_assert_eq!(corroboration(&shuffled, &sources), e.corroboration, "{}", e.id);
        }
    }
}

#[test]
fn disputed_values_are_said_with_who_gives_them() {
    let t = claims();
    let raid = t.event("raid").unwrap();
    assert_eq!(
        t.figure_value_text(&raid.figures[0]),
        "83 (The Daily) or 84 (The Herald)"
    );
    assert_eq!(
        t.disagreements(t.event("signing").unwrap()),
        ["day of signing: 21 Nov 2015 (The Daily) or 22 Nov 2015 (The Herald)"]
    );
    let out = assert_cmd::Command::cargo_bin("tipline")
        .unwrap()
        .args(["show", "raid", "--data"])
        .arg(format!(
            "{}/tests/fixtures/claims.toml",
            env!("CARGO_MANIFEST_DIR")
        ))
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Sources:  sources disagree"), "{text}");
    assert!(
        text.contains("≠ women and girls removed: 83 (The Daily) or 84 (The Herald)"),
        "{text}"
    );
}

#[test]
fn dates_say_how_sure_they_are() {
    let t = claims();
    let text = |id: &str| t.event(id).unwrap().date_text();
    assert_eq!(text("signing"), "21 or 22 Nov 2015");
    // Worked out by the compilers: never shown as surely known.
    assert_eq!(text("first-day"), "c. Dec 2007?");
    assert_eq!(text("two-papers"), "from 3 Mar 2021");
    assert_eq!(text("confirmed"), "4 Mar 2021?");
    assert_eq!(
        t.event("first-day").unwrap().date_words(),
        "approximate, known to the month; worked out by the compilers: the report of 18 Dec 2007 says Tuesday; the day is not known"
    );
    let edtf = |id: &str| t.event(id).unwrap().edtf();
    assert_eq!(edtf("signing"), "[2015-11-21,2015-11-22]");
    assert_eq!(edtf("two-papers"), "2021-03-03/..");
    assert_eq!(edtf("confirmed"), "2021-03-04?");
    assert_eq!(
        edtf("first-day"),
        "2007-12%",
        "approximate, and uncertain as worked out"
    );
}

#[test]
fn certainty_is_a_facet() {
    let t = claims();
    let ids = |q: &str| -> Vec<String> {
        Query::parse(q)
            .unwrap()
            .filter(&t)
            .into_iter()
            .map(|p| t.events[p].id.clone())
            .collect()
    };
    assert_eq!(ids("certainty:disputed"), ["raid", "signing"]);
    assert_eq!(ids("certainty:approximate"), Vec::<String>::new());
    // A derived date is uncertain even when only approximate is written.
    assert_eq!(ids("certainty:uncertain"), ["first-day", "confirmed"]);
    assert_eq!(ids("certainty:exact"), ["speech-event", "two-papers"]);
    let err = Query::parse("certainty:sure").unwrap_err().to_string();
    assert!(err.contains("unknown certainty `sure`"), "{err}");
}

fn date() -> impl Strategy<Value = PartialDate> {
    (1900..=2100i32, 0..=12u32, 0..=28u32).prop_map(|(y, m, d)| match (m, d) {
        (0, _) => PartialDate::year(y),
        (m, 0) => PartialDate::year_month(y, m).unwrap(),
        (m, d) => PartialDate::ymd(y, m, d).unwrap(),
    })
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

proptest! {
    /// What is shown is never more precise or more certain than what is stored.
    #[test]
    fn display_is_never_surer_than_the_data(
        d in date(),
        approximate in any::<bool>(),
        uncertain in any::<bool>(),
        derived in any::<bool>(),
    ) {
        let dating = Dating {
            start: Qualifier { approximate, uncertain },
            derived: derived.then(|| "weekday arithmetic".to_string()),
            ..Dating::default()
        };
        let shown = dating.human(&d, None);
        prop_assert_eq!(shown.starts_with("c. "), approximate, "{}", shown);
        // A date worked out is shown as uncertain as one the sources doubt.
        prop_assert_eq!(shown.ends_with('?'), uncertain || derived, "{}", shown);
        let words: Vec<&str> = shown.trim_start_matches("c. ").trim_end_matches('?').split(' ').collect();
        // Year: one word; month: a month name and the year; day: the day first.
        let expected_words = match d.precision() {
            tipline::Precision::Year => 1,
            tipline::Precision::Month => 2,
            tipline::Precision::Day => 3,
        };
        prop_assert_eq!(words.len(), expected_words, "{}", shown);
        let year = d.year_number().to_string();
        prop_assert_eq!(words.last().copied(), Some(year.as_str()));
        if d.precision() != tipline::Precision::Year {
            prop_assert!(MONTHS.contains(&words[words.len() - 2]), "{}", shown);
        }
    }

    /// A year query finds an event whose possible days touch that year.
    #[test]
    fn a_year_query_finds_every_year_a_set_of_days_may_fall_in(y in 1990..2030i32, approximate in any::<bool>()) {
        let date = if approximate { format!("{y}-12-31~") } else { format!("[{y}-12-31,{}-01-01]", y + 1) };
        let text = format!(
            "[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n\n[[events]]\nid = \"e\"\ndate = \"{date}\"\ntitle = \"E\"\nkind = \"law\"\nsummary = \"s\"\n[[events.sources]]\nsource = \"s\"\nquote = \"q\"\n"
        );
        let t = load(vec![DataFile { name: "y.toml".into(), text }]).timeline.unwrap();
        prop_assert_eq!(Query::parse(&format!("year:{y}")).unwrap().filter(&t).len(), 1);
        let next = Query::parse(&format!("year:{}", y + 1)).unwrap().filter(&t).len();
        prop_assert_eq!(next, usize::from(!approximate), "a set reaches into the next year");
        prop_assert_eq!(t.events[0].certainty(), if approximate { Certainty::Approximate } else { Certainty::Uncertain });
    }
}

#[test]
fn every_new_rule_is_reported_with_its_position() {
    let loaded = load(vec![DataFile {
        name: "claims_errors.toml".into(),
        text: fixture("claims_errors.toml"),
    }]);
    let got: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect();
    assert_eq!(
        got,
        [
            "5:7: `url` must be an absolute http(s) address",
            // A source with errors still claims its id, so a duplicate would be caught.
            "8:6: source `b` is not cited by any event",
            "11:9: a source has a `title` or a `label`, not both",
            "13:1: source has no `title` or `label`",
            "14:6: source `c` is not cited by any event",
            "21:7: `url` must be an absolute http(s) address",
            "40:17: `corroboration` says corroborated, but the event is single-source",
            "41:22: `follows` points at a later event: `late` (1 Jan 2022) is after this one (1 Jan 2020)",
            "51:11: no role of `p` in the data covers 1 Jan 2022",
            "53:11: `derived` is empty",
            "57:16: `according_to` names `q`, who is neither an actor of this event nor the author of a source it cites",
            "58:1: figure names no source",
            "63:12: source `d` gives this value but the event does not cite it",
            "64:1: a dispute needs two or more claims",
            "75:8: `date` = \"[2015-11-22,2015-11-21]\": a set of possible dates lists at least two dates, earliest first, such as [2015-11-21,2015-11-22]",
            "76:7: `end` cannot be a set of dates",
        ]
    );
    let warnings: Vec<usize> = loaded
        .diagnostics
        .iter()
        .filter(|d| !d.is_error())
        .map(|d| d.line)
        .collect();
    assert_eq!(
        warnings,
        [8, 14, 51],
        "the uncited sources and the role are warnings"
    );
}

#[test]
fn exports_carry_the_uncertainty() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let data = format!("{dir}/tests/fixtures/claims.toml");
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("tipline")
            .unwrap()
            .args(args)
            .args(["--data", &data])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run(&["list", "--format", "json"])).unwrap();
    let events = json.as_array().or_else(|| json["events"].as_array()).unwrap();
    let signing = events.iter().find(|e| e["id"] == "signing").unwrap();
    assert_eq!(signing["edtf"], "[2015-11-21,2015-11-22]");
    assert_eq!(signing["certainty"], "disputed");
    assert_eq!(
        signing["date"], "2015-11-21",
        "the existing key keeps its meaning: the earliest day"
    );
    let raid = events.iter().find(|e| e["id"] == "raid").unwrap();
    assert_eq!(raid["figures"][0]["alternatives"][0]["value"], 84.0);
    let tl: serde_json::Value = serde_json::from_str(&run(&["export", "--format", "timelinejs"])).unwrap();
    let slide = tl["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["unique_id"] == "signing")
        .unwrap();
    assert_eq!(slide["start_date"]["display_date"], "21 or 22 Nov 2015");
    let md = run(&["export", "--format", "markdown"]);
    assert!(
        md.contains("Sources disagree: women and girls removed: 83 (The Daily) or 84 (The Herald)"),
        "{md}"
    );
    assert!(
        md.contains("Sources disagree: day of signing: 21 Nov 2015 (The Daily) or 22 Nov 2015 (The Herald)"),
        "{md}"
    );
    let html = run(&["export", "--format", "html"]);
    assert!(html.contains("<p class=\"disputed\">Sources disagree: women and girls removed: 83 (The Daily) or 84 (The Herald)</p>"), "{html}");
    let ics = run(&["export", "--format", "ics"]);
    // Only the plain day is a calendar entry; an uncertain day is left out.
    assert!(ics.contains("DTSTART;VALUE=DATE:20210302"), "{ics}");
    assert!(!ics.contains("20210304"), "{ics}");
    assert!(!ics.contains("20151121"), "{ics}");
}

#[test]
fn the_filter_pane_offers_how_sure_with_counts() {
    use tipline::app::{Action, App, Pane};
    let mut app = App::new(claims(), Query::default());
    app.update(tipline::app::Input::Resize(120, 40));
    let entry = |app: &App, label: &str| {
        let i = app
            .filter()
            .entries
            .iter()
            .position(|e| e.label == label)
            .unwrap();
        (i, app.filter().entries[i].count)
    };
    assert_eq!(entry(&app, "disputed").1, 2);
    assert_eq!(entry(&app, "exact").1, 2);
    assert_eq!(entry(&app, "uncertain").1, 2);
    let disputed = entry(&app, "disputed").0;
    crate::common::filter_cursor_to(&mut app, disputed);
    assert_eq!(app.focus(), Pane::Filter);
    app.update(Action::Toggle);
    assert_eq!(app.query().to_string(), "certainty:disputed");
    assert_eq!(app.filtered().len(), 2);
    // Choosing another certainty would add its events: its count stays.
    assert_eq!(entry(&app, "exact").1, 2);
}
