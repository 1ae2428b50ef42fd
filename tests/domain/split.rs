//! Splitting a file at its `[[events]]`-like headers only saves memory: for
//! any text, reading the pieces gives exactly what a parse of the whole text
//! gives, or the text is refused exactly when `toml` refuses it.

mod entries;

use entries::{whole, Collect, Entries};
use proptest::prelude::*;
use std::ops::Range;
use tipline::load::split::{read_documents, read_documents_using, Reader};
use toml::de::DeTable;
use toml::Spanned;

/// What reading the pieces gives, or None when the text was refused; the
/// same whether a second thread parses them ahead or not.
fn split_then_read(text: &str) -> Option<Entries> {
    let mut in_turn = Collect::default();
    let read = read_documents_using(text, &mut in_turn, false).then_some(in_turn.entries);
    let mut ahead = Collect::default();
    let read_ahead = read_documents_using(text, &mut ahead, true).then_some(ahead.entries);
    assert_eq!(read, read_ahead, "parsed ahead or in turn:\n{text}");
    read
}

/// Text that looks like structure: headers, brackets, quotes, comments.
fn tricky() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("[[events]]".to_string()),
            Just("[[sources]]".to_string()),
            Just("[[ \"actors\" ]]".to_string()),
            Just("# [[events]]".to_string()),
            Just("\n".to_string()),
            Just("\"\"\"".to_string()),
            Just("'''".to_string()),
            Just("\\".to_string()),
            "[a-z \\[\\]{}#=\"',]{0,6}",
        ],
        0..6,
    )
    .prop_map(|parts| parts.concat())
}

fn basic(s: &str, multi: bool) -> String {
    let escaped = s.replace('\\', "\\\\").replace('"', "\\\"");
    if multi {
        format!("\"\"\"\n{escaped}\"\"\"")
    } else {
        format!("\"{}\"", escaped.replace('\n', "\\n"))
    }
}

fn literal(s: &str, multi: bool) -> String {
    if multi {
        format!("'''\n{}'''", s.replace('\'', ""))
    } else {
        format!("'{}'", s.replace(['\'', '\n'], ""))
    }
}

/// One value of any of the kinds that can hide a header-like line.
fn value(s: &str, kind: u8) -> String {
    match kind % 8 {
        0 => basic(s, false),
        1 => basic(s, true),
        2 => literal(s, false),
        3 => literal(s, true),
        4 => format!("[\n  {},\n  [[\"events\"]],\n]", basic(s, false)),
        5 => format!("[\n[[\"sources\"]]\n, {}\n]", literal(s, true)),
        6 => format!("{{ x = {}, y = [1,\n 2] }}", basic(s, true)),
        _ => format!("1 # {}", s.replace('\n', " ")),
    }
}

const HEADERS: &[&str] = &[
    "[[events]]",
    "[[sources]]",
    "[[actors]]",
    "[[ \"events\" ]]",
    "[[events.sources]]",
    "[[eras]] # [[events]]",
];

/// A valid file: entries under split headers (and sub-tables), with quoted
/// keys and values that hide header-like lines.
fn valid_file() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (
            0..HEADERS.len(),
            prop::collection::vec((tricky(), any::<u8>(), any::<bool>()), 0..4),
        ),
        0..6,
    )
    .prop_map(|tables| {
        let mut text = String::from("# [[events]] in a comment\n");
        for (h, fields) in tables {
            // A sub-table needs its parent first.
            if HEADERS[h] == "[[events.sources]]" {
                text.push_str("[[events]]\n");
            }
            text.push_str(HEADERS[h]);
            text.push('\n');
            for (i, (s, kind, quoted)) in fields.into_iter().enumerate() {
                let key = if quoted {
                    format!("\"[[events]] {i}\"")
                } else {
                    format!("k{i}")
                };
                text.push_str(&format!("{key} = {}\n", value(&s, kind)));
            }
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn valid_files_read_in_pieces_as_whole(text in valid_file()) {
        let expected = whole(&text);
        prop_assert!(expected.is_some(), "the generator writes valid TOML:\n{}", text);
        prop_assert_eq!(split_then_read(&text), expected, "{}", text);
    }

    #[test]
    fn any_text_is_read_as_whole_or_refused_as_whole(
        parts in prop::collection::vec(prop_oneof![tricky(), valid_file()], 0..4)
    ) {
        let text = parts.concat();
        prop_assert_eq!(split_then_read(&text), whole(&text), "{}", text);
    }
}

#[test]
fn clashes_between_pieces_are_judged_whole() {
    for text in [
        // A static array, then a header appending to it: refused by toml.
        "events = []\n[[events]]\nid = 1\n",
        // The same table in two pieces.
        "[a]\nx = 1\n[[events]]\n[a]\ny = 2\n",
        // A table, then an array of tables of the same name.
        "[[events]]\n[sources]\nx = 1\n[[sources]]\n",
    ] {
        assert_eq!(whole(text), None, "{text}");
        assert_eq!(split_then_read(text), None, "{text}");
    }
    // Appending under a quoted header that is not split at is fine.
    let text = "[[sources]]\nid = 1\n[[events]]\n[['sources']]\nid = 2\n";
    let entries = split_then_read(text).expect("valid");
    assert_eq!(entries["sources"].len(), 2);
    assert_eq!(Some(entries), whole(text));
}

/// Counts the documents a file is read as.
#[derive(Default)]
struct Count(usize);

impl tipline::load::split::Reader for Count {
    fn read(&mut self, _: std::ops::Range<usize>, _: &toml::Spanned<DeTable<'_>>) {
        self.0 += 1;
    }
    fn reset(&mut self) {
        self.0 = 0;
    }
}

#[test]
fn entries_under_repeated_headers_are_read_one_at_a_time() {
    // Each entry a document of its own, so only one syntax tree is alive
    // and a progress bar moves with the reading: not one parse of the whole.
    let entries =
        "[[sources]]\nid = \"a\"\n[[sources]]\nid = \"b\"\n[[events]]\nid = \"c\"\n[[events]]\nid = \"d\"\n";
    for (text, documents) in [
        (entries.to_string(), 4),
        (format!("# a comment first\n{entries}"), 5),
    ] {
        let mut count = Count::default();
        assert!(read_documents(&text, &mut count));
        assert_eq!(count.0, documents, "{text}");
    }
}

/// Records the start of every document read, in order.
#[derive(Default)]
struct Starts(Vec<usize>);

impl Reader for Starts {
    fn read(&mut self, range: Range<usize>, _: &Spanned<DeTable<'_>>) {
        self.0.push(range.start);
    }
    fn reset(&mut self) {
        self.0.clear();
    }
}

/// `n` events, each `[[events]]\nid = N\n`, with a bad line in place of
/// event `bad`'s id, if any.
fn many_events(n: usize, bad: Option<usize>) -> String {
    (0..n)
        .map(|i| match bad {
            Some(b) if b == i => "[[events]]\nid = = 1\n".to_string(),
            _ => format!("[[events]]\nid = {i}\n"),
        })
        .collect()
}

#[test]
fn pieces_parsed_ahead_are_read_in_order_on_the_calling_thread() {
    // More pieces than the parser may queue, so it waits for the reader.
    let text = many_events(5_000, None);
    let mut starts = Starts::default();
    assert!(read_documents_using(&text, &mut starts, true));
    let expected: Vec<usize> = (0..5_000)
        .map(|i| text.match_indices("[[events]]").nth(i).unwrap().0)
        .collect();
    assert_eq!(starts.0, expected);
}

#[test]
fn a_late_piece_that_does_not_parse_stops_the_parser_and_refuses_the_file() {
    for bad in [0, 63, 64, 4_999] {
        let text = many_events(5_000, Some(bad));
        let mut starts = Starts::default();
        assert!(!read_documents_using(&text, &mut starts, true), "bad at {bad}");
        assert!(starts.0.is_empty(), "what was read is forgotten (bad at {bad})");
    }
}

#[test]
fn a_late_clash_is_read_whole_when_parsed_ahead() {
    // A table that two pieces far apart both write to: valid, but only a
    // parse of the whole file can tell.
    let text = format!("[a]\nx = 1\n{}[a.b]\ny = 2\n", many_events(3_000, None));
    let mut c = Collect::default();
    assert!(read_documents_using(&text, &mut c, true));
    assert_eq!(c.entries["events"].len(), 3_000);
    assert_eq!(c.entries["a"], vec!["{\"b\"={\"y\"=int(2,10)},\"x\"=int(1,10)}"]);
    assert_eq!(Some(c.entries), whole(&text));
}
