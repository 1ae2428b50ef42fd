//! What a TOML text holds at its top level, written out so that reading it
//! in pieces and parsing it whole can be compared. Shared with the fuzz
//! target that makes the same comparison, so both judge by one rule.

use std::collections::BTreeMap;
use std::ops::Range;
use tipline::load::split::Reader;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// Every top-level key with its values (arrays of tables flattened), each
/// value written out without positions, as the parser read it.
pub type Entries = BTreeMap<String, Vec<String>>;

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

/// The entries of every piece read, forgotten when the reading starts over.
#[derive(Default)]
pub struct Collect {
    pub entries: Entries,
}

impl Reader for Collect {
    fn read(&mut self, _: Range<usize>, document: &Spanned<DeTable<'_>>) {
        add(&mut self.entries, document.get_ref());
    }
    fn reset(&mut self) {
        self.entries.clear();
    }
}

/// The entries of the text parsed whole by `toml`, or None when it refuses it.
pub fn whole(text: &str) -> Option<Entries> {
    let document = DeTable::parse(text).ok()?;
    let mut entries = Entries::new();
    add(&mut entries, document.get_ref());
    Some(entries)
}
