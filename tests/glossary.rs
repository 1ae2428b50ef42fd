//! The glossary: terms read and checked like events, found in text, listed
//! and shown by `tipline glossary`, and written into handouts.

use std::path::Path;
use tipline::load::diag::Severity;
use tipline::load::{load, DataFile};
use tipline::Timeline;

fn fixture_path(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> DataFile {
    let mut file = DataFile::read(Path::new(&fixture_path(name))).expect("fixture is readable");
    file.name = name.to_string();
    file
}

fn glossary_timeline() -> Timeline {
    let loaded = load(vec![fixture("glossary.toml")]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.timeline.unwrap()
}

#[test]
fn terms_load_with_their_sources_and_cross_references() {
    let t = glossary_timeline();
    let ids: Vec<&str> = t.terms().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["tip-report", "watch-list", "ncct", "commit"]);
    let tip = t.term("tip-report").unwrap();
    assert_eq!(tip.name, "Trafficking in Persons Report");
    assert_eq!(tip.short.as_deref(), Some("TIP report"));
    assert_eq!(tip.aliases, ["Trafficking in Persons Reports", "TIP reports"]);
    assert_eq!(tip.see, ["watch-list"]);
    assert_eq!(tip.sources.len(), 1);
    assert_eq!(
        (tip.sources[0].source.as_str(), tip.sources[0].quote.as_str()),
        ("report", "the annual report")
    );
    assert_eq!(
        tip.first_sentence(),
        "An annual report that ranks governments on tiers."
    );
}

#[test]
fn an_events_terms_come_from_its_title_summary_details_and_ranking() {
    let t = glossary_timeline();
    let names = |id: &str| -> Vec<String> {
        t.terms_of(t.event(id).unwrap())
            .iter()
            .map(|t| t.id.clone())
            .collect()
    };
    assert_eq!(names("watch-list-2019"), ["watch-list", "tip-report"]);
    // "committed" is no mention of COMMIT, nor is a quote a mention at all.
    assert_eq!(names("committee-meets-2020"), ["ncct"]);
}

#[test]
fn term_errors_have_positions() {
    let found: Vec<(usize, usize, String)> = load(vec![fixture("glossary_errors.toml")])
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.line, d.column, d.message))
        .collect();
    let expected: Vec<(usize, usize, String)> = vec![
        (20, 8, "unknown term `tier-2`".into()),
        (22, 10, "unknown source `no-such-source`".into()),
        (26, 6, "duplicate term id `tier-3`".into()),
        (31, 9, "`quote` is empty".into()),
        (33, 1, "term has no source".into()),
        (37, 8, "term `watch-list` lists itself in `see`".into()),
    ];
    assert_eq!(found, expected);
}

#[test]
fn hostile_text_in_terms_is_made_safe_as_it_is_read() {
    let text = "[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n\n[[terms]]\nid = \"x\"\nname = \"X\\u001b[2J\"\naliases = [\"Y\\u0007\"]\ndefinition = \"Clears\\u001b]0;pwned\\u0007 the screen.\"\n[[terms.sources]]\nsource = \"s\"\nquote = \"q\\u009b\"\n";
    let loaded = load(vec![DataFile {
        name: "hostile.toml".into(),
        text: text.into(),
    }]);
    let t = loaded.timeline.unwrap_or_else(|| panic!("{:?}", loaded.diagnostics));
    let term = t.term("x").unwrap();
    for s in [&term.name, &term.aliases[0], &term.definition, &term.sources[0].quote] {
        assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
    }
}

#[test]
fn terms_survive_writing_and_reading() {
    let original = glossary_timeline();
    let text = tipline::load::write::timeline(&original);
    let loaded = load(vec![DataFile {
        name: "written.toml".into(),
        text: text.clone(),
    }]);
    let back = loaded.timeline.unwrap_or_else(|| panic!("{:?}\n{text}", loaded.diagnostics));
    assert_eq!(back.terms(), original.terms());
}
