//! Files built to flood the loader: an error at every byte, brackets by the
//! million, megabyte lines, a million tiny tables. Memory is measured by a
//! counting allocator: the peak stays a small multiple of the file's size,
//! and only a screenful of problems is kept.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use tipline::load::{load, DataFile};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// Loads `text` and returns the diagnostics and the peak memory used by
/// the load beyond what was live before it (the text itself included).
fn load_measured(text: String) -> (tipline::load::Loaded, usize) {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let loaded = load(vec![DataFile {
        name: "flood.toml".into(),
        text,
    }]);
    (loaded, PEAK.load(Ordering::Relaxed) - before)
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
        // Parsing takes a token and an event per byte of such text, as
        // for a valid file as dense; collecting every error took 185 times
        // the file.
        assert!(
            peak < 128 * size,
            "{what}: {} bytes at the peak for a {size} byte file ({}x)",
            peak,
            peak / size
        );
    }
    an_error_at_every_column_is_one_problem_with_a_count();
    a_valid_file_as_dense_costs_as_much();
}

/// The bound above is what the parser needs for valid text as dense.
fn a_valid_file_as_dense_costs_as_much() {
    let text = format!("[[events]]\nx = [{}]\n", "1,".repeat(MB));
    let size = text.len();
    let (loaded, peak) = load_measured(text);
    assert!(loaded.errors() > 0, "the event lacks its fields");
    assert!(peak > 40 * size && peak < 128 * size, "{}x", peak / size);
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
