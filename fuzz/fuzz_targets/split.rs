//! The TOML splitter against `toml` itself: reading a text in pieces gives
//! exactly the top-level entries a parse of the whole text gives (values as
//! the parser reads them; their types are checked later), and a
//! text is refused exactly when `toml` refuses it.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::collections::BTreeMap;
use std::ops::Range;
use tipline::load::split::{read_documents, Reader};
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// Every top-level key with its values (arrays of tables flattened), each
/// value written out without positions, as the parser read it.
type Entries = BTreeMap<String, Vec<String>>;

fn show(v: &DeValue<'_>) -> String {
    match v {
        DeValue::String(s) => format!("{s:?}"),
        DeValue::Integer(i) => format!("int({},{})", i.as_str(), i.radix()),
        DeValue::Float(f) => format!("float({})", f.as_str()),
        DeValue::Boolean(b) => b.to_string(),
        DeValue::Datetime(d) => format!("date({d})"),
        DeValue::Array(items) => {
            let items: Vec<String> = items.iter().map(|i| show(i.get_ref())).collect();
            format!("[{}]", items.join(","))
        }
        DeValue::Table(t) => {
            let fields: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{:?}={}", k.get_ref(), show(v.get_ref())))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
    }
}

fn add(entries: &mut Entries, table: &DeTable<'_>) {
    for (key, value) in table.iter() {
        let list = entries.entry(key.get_ref().to_string()).or_default();
        match value.get_ref() {
            DeValue::Array(items) => list.extend(items.iter().map(|i| show(i.get_ref()))),
            other => list.push(show(other)),
        }
    }
}

#[derive(Default)]
struct Collect {
    entries: Entries,
}

impl Reader for Collect {
    fn read(&mut self, _: Range<usize>, document: &Spanned<DeTable<'_>>) {
        add(&mut self.entries, document.get_ref());
    }
    fn reset(&mut self) {
        self.entries.clear();
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut c = Collect::default();
    let split = read_documents(text, &mut c).then_some(c.entries);
    let whole = DeTable::parse(text).ok().map(|document| {
        let mut entries = Entries::new();
        add(&mut entries, document.get_ref());
        entries
    });
    assert_eq!(split, whole, "{text:?}");
});
