//! Prose checked against its quotes: each rule with a fixture event and its
//! exact message at the sentence's line and column.

use tipline::load::provenance::{facts, sentences, Sentence};
use tipline::load::{load_checking, DataFile};

fn problems(file: &str) -> Vec<String> {
    let file = DataFile::read(&crate::common::fixture(file)).unwrap();
    let loaded = load_checking(vec![file], &mut |_, _| {}, true);
    assert!(
        loaded.timeline.is_some(),
        "provenance problems are warnings: the file loads"
    );
    loaded
        .diagnostics
        .iter()
        .map(|d| d.to_string().lines().next().unwrap().to_string())
        .collect()
}

#[test]
fn every_rule_is_reported_at_its_sentence_with_what_is_missing() {
    let f = "tests/fixtures/provenance.toml";
    let expected: Vec<String> = [
        "43:44: warning: a sentence with no citation marker: \"The second is not.\"",
        "53:12: warning: a sentence with no citation marker: \"This one has no marker.\"",
        "63:12: warning: marker [3] names no source cited here (there are 1)",
        "74:12: warning: `368` is in none of the quotes this sentence cites ([1])",
        "74:12: warning: `16th` is in none of the quotes this sentence cites ([1])",
        "74:12: warning: `August` is in none of the quotes this sentence cites ([1])",
        "74:12: warning: names Chou Bun Eng, whom none of the quotes this sentence cites ([1]) names",
        "81:8: warning: the date's day is in no quote and no cited source's published date: add `derived` to say how it was worked out",
    ]
    .iter()
    .map(|m| format!("{}/{f}:{m}", env!("CARGO_MANIFEST_DIR")))
    .collect();
    assert_eq!(problems("provenance.toml"), expected);
}

#[test]
fn without_the_check_the_same_file_loads_clean() {
    let file = DataFile::read(&crate::common::fixture("provenance.toml")).unwrap();
    let loaded = tipline::load::load(vec![file]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
}

/// The fixture's first event, which keeps every rule, with `summary`
/// replaced: what the check says of that sentence alone.
fn said_of(summary: &str) -> Vec<String> {
    let text = std::fs::read_to_string(crate::common::fixture("provenance.toml")).unwrap();
    let kept = "summary = \"Sar Kheng said 95 per cent of 1,153 complaints were true.[1] It was the twelfth such day, in September.[2]\"";
    assert!(text.contains(kept));
    let end = text.find("[[events]]\nid = \"unmarked\"").unwrap();
    let file = DataFile {
        name: "one.toml".into(),
        text: text[..end].replace(kept, &format!("summary = \"{summary}\"")),
    };
    let loaded = load_checking(vec![file], &mut |_, _| {}, true);
    loaded
        .diagnostics
        .iter()
        .map(|d| {
            d.to_string()
                .lines()
                .next()
                .unwrap()
                .split(" warning: ")
                .nth(1)
                .unwrap()
                .to_string()
        })
        // The cut file leaves an actor no event names; that is not this check.
        .filter(|m| !m.starts_with("actor `"))
        .collect()
}

#[test]
fn a_sentence_saying_more_than_its_quotes_fails_the_check() {
    assert_eq!(
        said_of("Sar Kheng said 95 per cent of 1,153 complaints were true.[1]"),
        Vec::<String>::new()
    );
    assert_eq!(
        said_of("Sar Kheng said 96 per cent were true.[1]"),
        ["`96` is in none of the quotes this sentence cites ([1])"]
    );
    assert_eq!(
        said_of("It was the 13th day.[2]"),
        ["`13th` is in none of the quotes this sentence cites ([2])"]
    );
    assert_eq!(
        said_of("It was the thirteenth day.[2]"),
        ["`thirteenth` is in none of the quotes this sentence cites ([2])"]
    );
    assert_eq!(
        said_of("It was held in October.[2]"),
        ["`October` is in none of the quotes this sentence cites ([2])"]
    );
    assert_eq!(
        said_of("Chou Bun Eng said so.[1]"),
        ["names Chou Bun Eng, whom none of the quotes this sentence cites ([1]) names"]
    );
    assert_eq!(
        said_of("Sar Kheng said so."),
        ["a sentence with no citation marker: \"Sar Kheng said so.\""]
    );
    // The same facts written another way are the same facts.
    assert_eq!(
        said_of("Sar Kheng said 95% of the 1153 complaints were true.[1]"),
        Vec::<String>::new()
    );
    assert_eq!(
        said_of("It was the 12th day, on 19 September.[2]"),
        Vec::<String>::new()
    );
    assert_eq!(said_of("Sar Kheng said so.[1][2]"), Vec::<String>::new());
    assert_eq!(said_of("Sar Kheng said so [1, 2]."), Vec::<String>::new());
}

#[test]
fn moving_a_date_off_its_sources_fails_the_check() {
    let text = std::fs::read_to_string(crate::common::fixture("provenance.toml")).unwrap();
    let end = text.find("[[events]]\nid = \"unmarked\"").unwrap();
    let moved = text[..end].replace(
        "date = \"2022-09-19\"\ntitle = \"Every",
        "date = \"2022-09-20\"\ntitle = \"Every",
    );
    assert_ne!(moved, text[..end]);
    let file = DataFile {
        name: "moved.toml".into(),
        text: moved,
    };
    let loaded = load_checking(vec![file], &mut |_, _| {}, true);
    let shown: Vec<String> = loaded
        .diagnostics
        .iter()
        .map(|d| d.to_string())
        .filter(|m| !m.contains("warning: actor `"))
        .collect();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].starts_with("moved.toml:26:8: warning: the date's day is in no quote"),
        "{}",
        shown[0]
    );
}

#[test]
fn sentences_end_at_their_markers_and_abbreviations_do_not_end_them() {
    let s =
        sentences("Hun Sen met U.S. officials on 5 Jan. 2020.[1] Then Dr. Smith spoke [2][3]. Then none.");
    assert_eq!(
        s,
        [
            Sentence {
                at: 0,
                text: "Hun Sen met U.S. officials on 5 Jan. 2020.",
                cites: vec![1]
            },
            Sentence {
                at: 46,
                text: "Then Dr. Smith spoke",
                cites: vec![2, 3]
            },
            Sentence {
                at: 75,
                text: "Then none.",
                cites: vec![]
            },
        ]
    );
}

#[test]
fn facts_read_numbers_ordinals_and_months_as_their_values() {
    let f = facts(
        "The 12th day: 1,153 complaints, ninety-five? no: twenty-five on 19 September",
        false,
    );
    assert_eq!(
        f.numbers.iter().copied().collect::<Vec<_>>(),
        [5, 12, 19, 20, 1153]
    );
    assert_eq!(f.months.iter().copied().collect::<Vec<_>>(), [9]);
    // In a sentence "may" and "second" are words; in a quote, dates count too.
    assert!(facts("Officials may meet for a second time", false)
        .numbers
        .is_empty());
    assert!(facts("Officials may meet", false).months.is_empty());
    let q = facts("released on 2022-09-19 and Sept. 20", true);
    assert!(
        q.months.contains(&9)
            && q.numbers.contains(&19)
            && q.numbers.contains(&2022)
            && q.numbers.contains(&20)
    );
    // Quotes in other languages: Khmer digits, "2.137" and "27 Juni".
    let q = facts("លេខ ២ · sebanyak 2.137 orang sejak 27 Juni", true);
    assert!(
        q.numbers.contains(&2) && q.numbers.contains(&2137) && q.numbers.contains(&27),
        "{q:?}"
    );
    assert_eq!(q.months.iter().copied().collect::<Vec<_>>(), [6]);
}

/// A file with thousands of problems: the first are kept whole, in file
/// order, and the rest counted, so memory does not grow with them.
#[test]
fn many_problems_keep_the_first_whole_and_count_the_rest() {
    let copies = 2_500;
    let file = crate::common::unmarked_copies(copies);
    let summary_lines: Vec<usize> = file
        .lines()
        .enumerate()
        .filter(|(_, l)| l.starts_with("summary = \"Sar Kheng said so.\""))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(summary_lines.len(), copies);
    let file = DataFile {
        name: "many.toml".into(),
        text: file,
    };
    let loaded = load_checking(vec![file], &mut |_, _| {}, true);
    let kept = tipline::load::diag::KEPT;
    // The cut file also leaves one actor that no event names.
    assert_eq!(loaded.warnings(), copies + 1);
    assert_eq!(loaded.errors(), 0);
    assert!(loaded.timeline.is_some());
    assert_eq!(loaded.diagnostics.len(), kept);
    assert_eq!(loaded.left_out.warnings, copies + 1 - kept);
    // Those kept are the first in the file, in order: the actor's, above
    // the events, then the first copies' sentences.
    let (actor, sentences) = loaded.diagnostics.split_first().unwrap();
    assert!(actor.message.starts_with("actor `"), "{}", actor.message);
    assert!(actor.line < summary_lines[0]);
    let lines: Vec<usize> = sentences.iter().map(|d| d.line).collect();
    assert!(lines == summary_lines[..kept - 1], "not the first sentences");
    assert!(sentences
        .iter()
        .all(|d| d.message.starts_with("a sentence with no citation marker")));
}
