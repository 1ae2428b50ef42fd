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
