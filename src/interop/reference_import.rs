//! A reference manager's export (CSL-JSON, BibTeX or BibLaTeX, as Zotero
//! writes them) as tipline `[[sources]]` records, ready to be cited.
//!
//! What maps: title (or the compilers' label an export put in the note),
//! container or publisher, an absolute http(s) address (anything else
//! becomes a `locator`), issued and accessed dates, an archived address,
//! language. Everything else is named in a diagnostic with the item's
//! number and key; an item that has no title or no publisher is left out,
//! since tipline cannot cite it.

use super::citations::{ARCHIVE_NOTE, LABEL_NOTE, LOCATOR_NOTE, QUOTE_NOTE, TRANS_TITLE_NOTE};
use crate::load::diag::{Diagnostic, Severity};
use crate::text::sanitize_line;
use crate::timeline::date::PartialDate;
use crate::timeline::model::Source;
use std::collections::HashSet;

/// Most items one file may hold: a bound on the memory and the report.
pub const MAX_ITEMS: usize = 100_000;

/// The sources read, and what could not be mapped.
#[derive(Debug, Default)]
pub struct Imported {
    pub sources: Vec<Source>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Imported {
    pub fn to_toml(&self) -> String {
        crate::load::write::to_toml(&self.sources, &[], &[])
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }
}

/// One item's fields as read, before they become a source.
#[derive(Default)]
struct Draft {
    key: String,
    title: Option<String>,
    label: Option<String>,
    trans_title: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    locator: Option<String>,
    published: Option<PartialDate>,
    accessed: Option<PartialDate>,
    archive_url: Option<String>,
    language: Option<String>,
}

struct Report<'a> {
    file: &'a str,
    out: Vec<Diagnostic>,
}

impl Report<'_> {
    fn say(&mut self, severity: Severity, index: usize, key: &str, message: String) {
        let mut d = Diagnostic::file_error(
            self.file,
            format!("item {} (`{}`): {message}", index + 1, sanitize_line(key)),
        );
        d.severity = severity;
        self.out.push(d);
    }
}

/// Trimmed, made safe, and absent when empty.
fn clean(text: &str) -> Option<String> {
    let cleaned = sanitize_line(text.trim()).trim().to_string();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// An absolute http(s) address, as the loader accepts it.
pub fn is_web_address(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or("");
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty() && host.contains('.') && !url.contains(char::is_whitespace)
}

/// A slug made from a citation key: lower case, runs of anything but
/// letters and digits as one `-`.
fn slug(key: &str) -> String {
    let mut out = String::new();
    for c in key.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

impl Draft {
    /// Reads a note line by line: lines an export wrote are taken back,
    /// anything else is reported.
    fn note(&mut self, note: &str, r: &mut Report<'_>, index: usize) {
        let mut others = 0;
        for line in note.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Some(l) = line.strip_prefix(LABEL_NOTE) {
                self.label = clean(l);
            } else if let Some(t) = line.strip_prefix(TRANS_TITLE_NOTE) {
                self.trans_title = clean(t);
            } else if let Some(l) = line.strip_prefix(LOCATOR_NOTE) {
                self.locator = clean(l);
            } else if let Some(a) = line.strip_prefix(ARCHIVE_NOTE) {
                self.archive(a, r, index);
            } else if line.starts_with(QUOTE_NOTE) {
                // A quote belongs to an event, not to the source.
            } else {
                others += 1;
            }
        }
        if others > 0 {
            r.say(
                Severity::Warning,
                index,
                &self.key.clone(),
                format!("{others} line(s) of the note not mapped (a source has no note)"),
            );
        }
    }

    fn address(&mut self, url: &str) {
        match clean(url) {
            Some(u) if is_web_address(&u) => self.url = Some(u),
            Some(u) => self.locator = Some(u),
            None => {}
        }
    }

    fn archive(&mut self, url: &str, r: &mut Report<'_>, index: usize) {
        match clean(url) {
            Some(u) if is_web_address(&u) => self.archive_url = Some(u),
            Some(u) => r.say(
                Severity::Warning,
                index,
                &self.key.clone(),
                format!("archive `{u}` is not an absolute http(s) address; not mapped"),
            ),
            None => {}
        }
    }

    /// The source, or why there is none.
    fn finish(self, r: &mut Report<'_>, index: usize, taken: &mut HashSet<String>) -> Option<Source> {
        let mut id = slug(&self.key);
        if id.is_empty() {
            id = format!("item-{}", index + 1);
        }
        if taken.contains(&id) {
            let base = id.clone();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            r.say(
                Severity::Warning,
                index,
                &self.key,
                format!("key already used; written as id `{id}`"),
            );
        }
        let (title, title_is_label) = match (self.title, self.label) {
            (Some(t), _) => (t, false),
            (None, Some(l)) => (l, true),
            (None, None) => {
                r.say(
                    Severity::Error,
                    index,
                    &self.key,
                    "no title: left out (a source needs a `title` or a `label`)".into(),
                );
                return None;
            }
        };
        let Some(publisher) = self.publisher else {
            r.say(
                Severity::Error,
                index,
                &self.key,
                "no container, publisher or institution: left out (a source needs a `publisher`)".into(),
            );
            return None;
        };
        taken.insert(id.clone());
        let mut s = Source::new(id, publisher, title);
        s.title_is_label = title_is_label;
        s.url = self.url;
        s.locator = self.locator;
        s.published = self.published;
        s.accessed = self.accessed;
        s.archive_url = self.archive_url;
        s.language = self.language;
        s.trans_title = self.trans_title;
        Some(s)
    }
}

/// A date as CSL-JSON gives it: `date-parts`, else `raw` or `literal` in
/// the data format's forms.
fn csl_date(value: &serde_json::Value) -> Option<PartialDate> {
    if let Some(parts) = value
        .get("date-parts")
        .and_then(|p| p.get(0))
        .and_then(|p| p.as_array())
    {
        let n = |i: usize| -> Option<i64> {
            parts.get(i).and_then(|v| {
                v.as_i64()
                    .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            })
        };
        let year = i32::try_from(n(0)?).ok().filter(|y| (0..=9999).contains(y))?;
        let month = n(1).and_then(|m| u32::try_from(m).ok());
        let day = n(2).and_then(|d| u32::try_from(d).ok());
        return match (month, day) {
            (None, _) => Some(PartialDate::year(year)),
            (Some(m), None) => PartialDate::year_month(year, m),
            (Some(m), Some(d)) => PartialDate::ymd(year, m, d),
        };
    }
    ["raw", "literal"]
        .iter()
        .find_map(|k| value.get(*k).and_then(|v| v.as_str()))
        .and_then(|s| PartialDate::parse(s.trim()).ok())
}

const CSL_MAPPED: &[&str] = &[
    "id",
    "type",
    "title",
    "container-title",
    "publisher",
    "URL",
    "issued",
    "accessed",
    "archive",
    "archive_location",
    "language",
    "note",
];

/// Reads a CSL-JSON file: an array of items (or one item).
pub fn csl_json(file: &str, text: &str) -> Result<Imported, Diagnostic> {
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let src = crate::load::diag::SourceText::new(file, text);
        let offset = text
            .split_inclusive('\n')
            .take(e.line().saturating_sub(1))
            .map(str::len)
            .sum::<usize>()
            + e.column().saturating_sub(1);
        src.error(offset..offset + 1, format!("not CSL-JSON: {e}"))
    })?;
    let items = match value {
        serde_json::Value::Array(items) => items,
        item @ serde_json::Value::Object(_) => vec![item],
        _ => {
            return Err(Diagnostic::file_error(
                file,
                "not CSL-JSON: expected an array of items",
            ))
        }
    };
    let mut r = Report {
        file,
        out: Vec::new(),
    };
    let mut taken = HashSet::new();
    let mut sources = Vec::new();
    for (index, item) in items.iter().enumerate().take(MAX_ITEMS) {
        let Some(map) = item.as_object() else {
            r.say(Severity::Error, index, "", "not an object: left out".into());
            continue;
        };
        let text_of = |k: &str| map.get(k).and_then(|v| v.as_str()).and_then(clean);
        let mut d = Draft {
            key: map
                .get("id")
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .unwrap_or_default(),
            ..Draft::default()
        };
        d.title = text_of("title");
        d.publisher = text_of("container-title").or_else(|| text_of("publisher"));
        if let Some(u) = text_of("URL") {
            d.address(&u);
        }
        for (field, slot) in [("issued", 0), ("accessed", 1)] {
            if let Some(v) = map.get(field) {
                match csl_date(v) {
                    Some(date) if slot == 0 => d.published = Some(date),
                    Some(date) => d.accessed = Some(date),
                    None => r.say(
                        Severity::Warning,
                        index,
                        &d.key.clone(),
                        format!("`{field}` is not a date tipline can hold (YYYY, YYYY-MM or YYYY-MM-DD); not mapped"),
                    ),
                }
            }
        }
        for k in ["archive_location", "archive"] {
            if let Some(a) = text_of(k) {
                d.archive(&a, &mut r, index);
            }
        }
        d.language = text_of("language");
        if let Some(n) = text_of_block(map.get("note")) {
            d.note(&n, &mut r, index);
        }
        let mut unmapped: Vec<&str> = map
            .keys()
            .map(String::as_str)
            .filter(|k| !CSL_MAPPED.contains(k))
            .collect();
        unmapped.sort_unstable();
        if !unmapped.is_empty() {
            let key = d.key.clone();
            r.say(
                Severity::Warning,
                index,
                &key,
                format!("field(s) not mapped: {}", unmapped.join(", ")),
            );
        }
        sources.extend(d.finish(&mut r, index, &mut taken));
    }
    if items.len() > MAX_ITEMS {
        r.out.push(Diagnostic::file_error(
            file,
            format!("more than {MAX_ITEMS} items: the rest left out"),
        ));
    }
    Ok(Imported {
        sources,
        diagnostics: r.out,
    })
}

fn text_of_block(v: Option<&serde_json::Value>) -> Option<String> {
    let s = v?.as_str()?;
    let cleaned = crate::text::sanitize_block(s).trim().to_string();
    (!cleaned.is_empty()).then_some(cleaned)
}

const BIB_MAPPED: &[&str] = &[
    "title",
    "journal",
    "journaltitle",
    "publisher",
    "institution",
    "organization",
    "howpublished",
    "url",
    "date",
    "year",
    "month",
    "day",
    "urldate",
    "language",
    "note",
    "annote",
    "annotation",
    "entrysubtype",
];

/// Reads a BibTeX or BibLaTeX file.
pub fn bibtex(file: &str, text: &str) -> Result<Imported, Diagnostic> {
    use biblatex::{Bibliography, ChunksExt};
    let bib = Bibliography::parse(text).map_err(|e| {
        let src = crate::load::diag::SourceText::new(file, text);
        src.error(e.span.clone(), format!("not BibTeX: {}", e.kind))
    })?;
    let mut r = Report {
        file,
        out: Vec::new(),
    };
    let mut taken = HashSet::new();
    let mut sources = Vec::new();
    for (index, entry) in bib.iter().enumerate().take(MAX_ITEMS) {
        let field = |k: &str| entry.get(k).map(|c| c.format_verbatim()).and_then(|s| clean(&s));
        let mut d = Draft {
            key: entry.key.clone(),
            ..Draft::default()
        };
        d.title = field("title").filter(|t| {
            !(t.starts_with('[') && t.ends_with(']') && field("note").is_some_and(|n| n.contains(LABEL_NOTE)))
        });
        d.publisher = [
            "journaltitle",
            "journal",
            "institution",
            "organization",
            "publisher",
            "howpublished",
        ]
        .iter()
        .find_map(|k| field(k));
        if let Some(u) = field("url") {
            d.address(&u);
        }
        d.published = bib_date(entry, &field, &mut r, index);
        if let Some(u) = field("urldate") {
            match PartialDate::parse(&u) {
                Ok(date) => d.accessed = Some(date),
                Err(_) => r.say(
                    Severity::Warning,
                    index,
                    &entry.key,
                    format!("`urldate` = `{u}` is not YYYY, YYYY-MM or YYYY-MM-DD; not mapped"),
                ),
            }
        }
        d.language = field("language");
        if let Some(n) = field("note") {
            // The export joins note lines with ". ".
            let lines = split_note(&n);
            d.note(&lines, &mut r, index);
        }
        let mut unmapped: Vec<&str> = entry
            .fields
            .keys()
            .map(String::as_str)
            .filter(|k| !BIB_MAPPED.contains(k))
            .collect();
        unmapped.sort_unstable();
        if !unmapped.is_empty() {
            r.say(
                Severity::Warning,
                index,
                &entry.key,
                format!("field(s) not mapped: {}", unmapped.join(", ")),
            );
        }
        sources.extend(d.finish(&mut r, index, &mut taken));
    }
    Ok(Imported {
        sources,
        diagnostics: r.out,
    })
}

/// A `.bib` note as lines: each line an export wrote starts with one of the
/// known beginnings after ". ".
fn split_note(note: &str) -> String {
    let mut out = note.to_string();
    for start in [
        LABEL_NOTE,
        TRANS_TITLE_NOTE,
        LOCATOR_NOTE,
        ARCHIVE_NOTE,
        super::citations::ACCESSED_NOTE,
    ] {
        out = out.replace(&format!(". {start}"), &format!("\n{start}"));
    }
    out
}

/// `date` (EDTF as far as tipline holds dates), else `year`/`month`/`day`.
fn bib_date(
    entry: &biblatex::Entry,
    field: &dyn Fn(&str) -> Option<String>,
    r: &mut Report<'_>,
    index: usize,
) -> Option<PartialDate> {
    if let Some(d) = field("date") {
        return match PartialDate::parse(&d) {
            Ok(date) => Some(date),
            Err(_) => {
                r.say(
                    Severity::Warning,
                    index,
                    &entry.key,
                    format!("`date` = `{d}` is not YYYY, YYYY-MM or YYYY-MM-DD; not mapped"),
                );
                None
            }
        };
    }
    let year: i32 = field("year")?.parse().ok().filter(|y| (0..=9999).contains(y))?;
    let month = field("month").and_then(|m| month_number(&m));
    let day = field("day").and_then(|d| d.parse::<u32>().ok());
    match (month, day) {
        (None, _) => Some(PartialDate::year(year)),
        (Some(m), None) => PartialDate::year_month(year, m),
        (Some(m), Some(d)) => PartialDate::ymd(year, m, d),
    }
}

fn month_number(m: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = m.trim().to_lowercase();
    lower
        .parse::<u32>()
        .ok()
        .filter(|n| (1..=12).contains(n))
        .or_else(|| {
            NAMES
                .iter()
                .position(|n| lower.starts_with(n))
                .map(|i| i as u32 + 1)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_become_slugs() {
        assert_eq!(slug("Smith_2019:Trafficking"), "smith-2019-trafficking");
        assert_eq!(slug("--"), "");
    }

    #[test]
    fn months_by_number_or_name() {
        assert_eq!(month_number("mar"), Some(3));
        assert_eq!(month_number("11"), Some(11));
        assert_eq!(month_number("13"), None);
    }
}
