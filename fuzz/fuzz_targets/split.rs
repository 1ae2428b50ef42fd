//! The TOML splitter against `toml` itself: reading a text in pieces gives
//! exactly the top-level entries a parse of the whole text gives (values as
//! the parser reads them; their types are checked later), and a
//! text is refused exactly when `toml` refuses it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tipline::load::split::read_documents;

#[path = "../../tests/domain/split/entries.rs"]
mod entries;

use entries::{whole, Collect};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut c = Collect::default();
    let split = read_documents(text, &mut c).then_some(c.entries);
    assert_eq!(split, whole(text), "{text:?}");
});
