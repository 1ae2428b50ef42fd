//! How numbers and quotes read in handouts, `show` and the detail pane: one
//! way of writing a number everywhere, and no doubled quotation marks.

use tipline::interop::handout;
use tipline::load::{load, DataFile};

const DATA: &str = r#"
[[sources]]
id = "src"
publisher = "Pub"
title = "T"

[[actors]]
id = "a"
name = "A"
kind = "person"

[[events]]
id = "e1"
date = "2022-08-18"
title = "Figures given"
kind = "statement"
actors = ["a"]
summary = "She said 1,122 people sought rescue."
[[events.figures]]
label = "sought rescue"
value = 1122
according_to = "a"
sources = ["src"]
[[events.figures]]
label = "identified"
value = 153
according_to = "a"
sources = ["src"]
[[events.sources]]
source = "src"
quote = "“Of the 1,122 interventions, 153 were identified,” she said."
"#;

fn timeline() -> tipline::timeline::model::Timeline {
    let loaded = load(vec![DataFile {
        name: "numbers.toml".into(),
        text: DATA.into(),
    }]);
    loaded.timeline.expect("the fixture loads")
}

#[test]
fn number_text_groups_thousands() {
    use tipline::timeline::model::number_text;
    assert_eq!(number_text(1122.0), "1,122");
    assert_eq!(number_text(153.0), "153");
    assert_eq!(number_text(1_234_567.0), "1,234,567");
    assert_eq!(number_text(-4500.0), "-4,500");
    assert_eq!(number_text(2.5), "2.5");
    assert_eq!(number_text(12345.5), "12,345.5");
}

#[test]
fn handouts_write_numbers_one_way_and_never_double_a_quote() {
    let t = timeline();
    let hits: Vec<usize> = (0..t.events.len()).collect();
    let doc = handout::Document::events("Handout", "", &t, &hits);
    for out in [handout::markdown(&doc, &t), handout::html(&doc, &t)] {
        assert!(!out.contains("““"), "{out}");
        assert!(!out.contains("1122"), "one way of writing 1,122: {out}");
        assert!(out.contains("| 1,122 |") || out.contains(">1,122<"), "{out}");
        assert!(
            out.contains("“‘Of the 1,122 interventions, 153 were identified,’ she said.”"),
            "{out}"
        );
    }
}

/// `tipline show` on a fixture file.
fn show(fixture: &str, id: &str) -> String {
    let data = crate::common::fixture(fixture);
    let out = assert_cmd::Command::cargo_bin("tipline")
        .unwrap()
        .args(["--data", data.to_str().unwrap(), "show", id])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_figure_reads_with_its_qualifier_before_its_number_and_its_unit_in_place() {
    // `show` writes each figure as a phrase, numbers aligned.
    let out = show("qualified_figures.toml", "arrests-this-week");
    let figures: Vec<&str> = out
        .lines()
        .skip_while(|l| *l != "Figures")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(
        figures,
        [
            "  more than 1,000 suspects arrested this week (according to The Minister)",
            "    more than 400 of them women (according to The Minister)",
            "               95 per cent of complaints found valid (according to The Minister)",
            "              153 identified as victims of trafficking or forced labour (according to The Minister)",
        ],
        "{out}"
    );
    // A handout's table: what is counted, and the value in words beside it.
    let file = DataFile::read(&crate::common::fixture("qualified_figures.toml")).unwrap();
    let t = load(vec![file]).timeline.unwrap();
    let doc = handout::Document::events("Handout", "", &t, &[0]);
    let md = handout::markdown(&doc, &t);
    for row in [
        "| suspects arrested this week | more than 1,000 |  | according to The Minister |",
        "| of whom women | more than 400 |  | according to The Minister |",
        "| complaints found valid | 95 per cent |  | according to The Minister |",
        "| identified as victims of trafficking or forced labour | 153 |  | according to The Minister |",
    ] {
        assert!(md.contains(row), "{row}\n{md}");
    }
    assert!(!md.contains("(more than)"), "{md}");
    let html = handout::html(&doc, &t);
    assert!(
        html.contains("<tr><td>suspects arrested this week</td><td>more than 1,000</td>"),
        "{html}"
    );
}
