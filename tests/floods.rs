//! Files built to flood the loader: an error at every byte, brackets by the
//! million, megabyte lines, a million tiny tables. Memory is measured by a
//! counting allocator: the peak stays a small multiple of the file's size,
//! and only a screenful of problems is kept.

#[path = "../examples/shared/counting.rs"]
mod counting;

use tipline::load::{load, DataFile};

/// Loads `text` and returns the diagnostics and the peak memory used by
/// the load beyond what was live before it (the text itself included).
fn load_measured(text: String) -> (tipline::load::Loaded, usize) {
    let before = counting::reset();
    let loaded = load(vec![DataFile {
        name: "flood.toml".into(),
        text,
    }]);
    (loaded, counting::peak_since(before))
}

const MB: usize = 1 << 20;

// One test, so no other test allocates while the peak is measured.
#[test]
fn floods_keep_a_screenful_of_problems_in_bounded_memory() {
    let cases: Vec<(&str, String)> = vec![
        ("a run of =", "=".repeat(2 * MB)),
        ("x = and a run of =", format!("x = {}", "=".repeat(2 * MB))),
        ("a run of [", "[".repeat(2 * MB)),
        ("a run of [ after a key", format!("x = {}", "[".repeat(2 * MB))),
        (
            "a long line of junk",
            format!("x = \"a\" {}\n", "b c ".repeat(MB / 2)),
        ),
        ("many tiny tables", "[a]\n".repeat(MB / 4)),
        ("many tiny broken tables", "[\n".repeat(MB)),
    ];
    for (what, text) in cases {
        let size = text.len();
        let (loaded, peak) = load_measured(text);
        assert!(loaded.timeline.is_none(), "{what}");
        assert!(
            loaded.errors() > 0 && loaded.diagnostics.len() <= 21,
            "{what}: {} diagnostics kept",
            loaded.diagnostics.len()
        );
        // A file of tokens is refused before the parser keeps one per
        // byte (24 bytes each); collecting every error once took 185 times
        // the file, and the parser alone 49 times.
        assert!(
            peak < 16 * size,
            "{what}: {} bytes at the peak for a {size} byte file ({}x)",
            peak,
            peak / size
        );
    }
    an_error_at_every_column_is_one_problem_with_a_count();
    a_valid_file_as_dense_is_refused_as_cheaply();
    a_timelinejs_file_of_numbers_is_refused_as_cheaply();
    bib_floods_stay_within_sixteen_times_the_file();
    repeated_keys_are_numbered_in_order();
}

/// Imports `text` as a `.bib` file; the peak is measured as for loads.
fn bib_measured(
    text: &str,
) -> (
    Result<tipline::interop::reference_import::Imported, Vec<tipline::load::diag::Diagnostic>>,
    usize,
) {
    let before = counting::reset();
    let read = tipline::interop::reference_import::bibtex("flood.bib", text);
    (read, counting::peak_since(before))
}

/// `.bib` files that took 54 times their size (one entry of four million
/// fields) or grew without bound (doubling strings) are refused, and the
/// files that import hold at most 16 times their size at the peak.
fn bib_floods_stay_within_sixteen_times_the_file() {
    let fields: String = (0..400_000).map(|i| format!("f{i}={{x}},")).collect();
    let mut laughs = String::from("@string{l0 = \"xxxxxxxxxx\"}\n");
    for i in 1..=30 {
        laughs.push_str(&format!("@string{{l{i} = l{} # l{}}}\n", i - 1, i - 1));
    }
    laughs.push_str("@misc{k, title = l30, publisher = {P}}\n");
    let refused = [
        ("one entry of 400k fields", format!("@misc{{k,\n{fields}}}\n")),
        ("thirty doubling strings", laughs),
        (
            "100k nested braces",
            format!(
                "@misc{{k, title = {{{}}}}}",
                "{".repeat(100_000) + &"}".repeat(100_000)
            ),
        ),
    ];
    for (what, text) in refused {
        let (read, peak) = bib_measured(&text);
        let problems = read.expect_err(what);
        assert!(!problems.is_empty() && problems.len() <= 21, "{what}");
        assert!(peak < 16 * text.len(), "{what}: {peak} bytes for {}", text.len());
    }
    let entry = |i: usize| {
        format!(
            "@misc{{key{i},\n  title = {{Report {i} on {{Cambodia}}}},\n  howpublished = {{Publisher}},\n  url = {{https://example.org/r/{i}}},\n  year = {{2019}},\n  month = mar,\n  note = {{{{Location: box {i}}}}},\n}}\n\n"
        )
    };
    let imported = [
        ("20k entries", (0..20_000).map(entry).collect::<String>()),
        (
            "100k empty entries",
            (0..100_000).map(|i| format!("@a{{k{i},}}")).collect(),
        ),
    ];
    for (what, text) in imported {
        let (read, peak) = bib_measured(&text);
        let read = read.unwrap_or_else(|e| panic!("{what}: {}", e[0]));
        assert!(read.diagnostics.len() <= 201, "{what}");
        assert!(
            peak < 16 * text.len(),
            "{what}: {peak} bytes for {} ({}x)",
            text.len(),
            peak / text.len()
        );
    }
}

/// Twenty thousand items of one id or one slug are numbered as before,
/// each after the last (the search for a free number took 25 s).
fn repeated_keys_are_numbered_in_order() {
    use tipline::interop::reference_import::{bibtex, csl_json};
    let item = r#"{"id": "same", "title": "T", "publisher": "P"}"#;
    let json = format!("[{}]", vec![item; 20_000].join(","));
    let read = csl_json("flood.json", &json).unwrap();
    let ids: Vec<&str> = read.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids[..3], ["same", "same-2", "same-3"]);
    assert_eq!(ids[19_999], "same-20000");
    // Keys that differ only in a character the slug turns into `-`.
    let bib: String = (0..20_000u32)
        .map(|i| {
            let c = char::from_u32(0x4E00 + i).unwrap();
            format!("@misc{{k{c}x, title = {{T}}, publisher = {{P}}}}\n")
        })
        .collect();
    let read = bibtex("flood.bib", &bib).unwrap();
    let ids: Vec<&str> = read.sources.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids[..3], ["k-x", "k-x-2", "k-x-3"]);
    assert_eq!(ids[19_999], "k-x-20000");
    assert_eq!(read.errors(), 0);
}

/// Valid TOML as dense (a huge inline array) once peaked at 75 times its
/// size; it is refused where the array outgrows what data files hold.
fn a_valid_file_as_dense_is_refused_as_cheaply() {
    let text = format!("[[events]]\nx = [{}]\n", "1,".repeat(4 * MB));
    let size = text.len();
    let (loaded, peak) = load_measured(text);
    let first = loaded.diagnostics[0].to_string();
    assert!(
        // The 10,000th comma: `x = [` and 9,999 `1,` before it.
        first.starts_with(
            "flood.toml:2:20005: error: an inline array or table with more than 10000 values; not read"
        ),
        "{first}"
    );
    assert!(peak < 16 * size, "{}x", peak / size);
}

/// A TimelineJS slide holding a vast array of numbers once peaked at 17
/// times its size as parsed JSON.
fn a_timelinejs_file_of_numbers_is_refused_as_cheaply() {
    let text = format!(
        "{{\"events\": [{{\"start_date\": {{\"year\": \"2019\"}}, \"media\": {{\"url\": [{}1]}}}}]}}",
        "1,".repeat(4 * MB)
    );
    let size = text.len();
    let before = counting::reset();
    let refused = tipline::interop::timelinejs::import("flood.json", &text).unwrap_err();
    let peak = counting::peak_since(before);
    assert_eq!((refused.line, refused.column), (1, 300_057));
    assert!(
        refused
            .message
            .starts_with("far more JSON values than a timeline holds"),
        "{refused:?}"
    );
    assert!(peak < 16 * size, "{}x", peak / size);
}

fn an_error_at_every_column_is_one_problem_with_a_count() {
    let (loaded, _) = load_measured(format!("x = {}", "=".repeat(100_000)));
    let first = loaded.diagnostics[0].to_string();
    assert!(
        first.starts_with(
            "flood.toml:1:5: error: invalid TOML: extra `=`, expected nothing (and 99999 more like it)"
        ),
        "{first}"
    );
}
