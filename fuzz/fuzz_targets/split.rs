//! The TOML splitter against `toml` itself: reading a text in pieces gives
//! exactly the top-level entries a parse of the whole text gives, and a
//! text is refused exactly when `toml` refuses it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::ops::Range;
use tipline::load::split::{read_documents, Reader};
use toml::de::DeTable;
use toml::Spanned;

type Entries = BTreeMap<String, Vec<toml::Value>>;

fn add(entries: &mut Entries, table: toml::Table) {
    for (key, value) in table {
        let list = entries.entry(key).or_default();
        match value {
            toml::Value::Array(items) => list.extend(items),
            other => list.push(other),
        }
    }
}

struct Collect<'t> {
    text: &'t str,
    entries: Entries,
}

impl Reader for Collect<'_> {
    fn read(&mut self, range: Range<usize>, _: &Spanned<DeTable<'_>>) {
        let piece: toml::Table = toml::from_str(&self.text[range]).expect("a piece read parses");
        add(&mut self.entries, piece);
    }
    fn reset(&mut self) {
        self.entries.clear();
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut c = Collect { text, entries: Entries::new() };
    let split = read_documents(text, &mut c).then_some(c.entries);
    let whole = toml::from_str::<toml::Table>(text).ok().map(|t| {
        let mut entries = Entries::new();
        add(&mut entries, t);
        entries
    });
    // NaN is not equal to itself: compare what the values print as.
    assert_eq!(format!("{split:?}"), format!("{whole:?}"), "{text:?}");
});
