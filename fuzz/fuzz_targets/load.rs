//! Bytes -> validated model: never panics; every diagnostic prints without
//! control characters; a loaded timeline holds none in its text.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tipline::load::{load, DataFile};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let loaded = load(vec![DataFile { name: "fuzz.toml".into(), text: text.to_string() }]);
    for d in &loaded.diagnostics {
        let shown = d.to_string();
        assert!(!shown.chars().any(|c| c.is_control() && c != '\n'), "{shown:?}");
    }
    if let Some(t) = loaded.timeline {
        for e in &t.events {
            assert!(!e.title.chars().any(char::is_control));
            assert!(!e.summary.chars().any(|c| c.is_control() && c != '\n'));
        }
    }
});
