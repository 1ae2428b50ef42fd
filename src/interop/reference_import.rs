//! A reference manager's export (CSL-JSON, BibTeX or BibLaTeX, as Zotero
//! writes them) as tipline `[[sources]]` records, ready to be cited.
//!
//! What maps: title (a title in square brackets whose note says the
//! compilers supplied it, as tipline's exports write a label, comes back
//! as the label; so does the label an earlier export put in the note),
//! container or publisher, an absolute http(s) address (anything else
//! becomes a `locator`), issued and accessed dates (an issued date whose
//! note line says it was read from the address comes back as such), an
//! archived address, language. Everything else is named in a diagnostic with the item's
//! number and key; an item that has no title or no publisher is left out,
//! since tipline cannot cite it.

use super::citations::{
    supplied_title_label, ARCHIVE_NOTE, DATE_FROM_ADDRESS_NOTE, LABEL_NOTE, LOCATOR_NOTE, QUOTE_NOTE,
    SUPPLIED_TITLE_NOTE, TRANS_TITLE_NOTE,
};
use crate::load::diag::{Diagnostic, Severity};
use crate::text::sanitize_line;
use crate::timeline::date::PartialDate;
use crate::timeline::model::Source;
use std::collections::{HashMap, HashSet};

/// Most items one file may hold: a bound on the memory and the report.
pub const MAX_ITEMS: usize = 100_000;

/// Diagnostics kept about items; past them only their number is told, as
/// a file of 100k untitled entries would otherwise report more than it
/// holds.
pub const MAX_REPORTED: usize = 200;

/// The sources read, and what could not be mapped.
#[derive(Debug, Default)]
pub struct Imported {
    pub sources: Vec<Source>,
    pub diagnostics: Vec<Diagnostic>,
    /// Errors counted but not kept in `diagnostics`.
    pub errors_not_shown: usize,
}

impl Imported {
    pub fn to_toml(&self) -> String {
        crate::load::write::to_toml(&self.sources, &[], &[])
    }

    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count() + self.errors_not_shown
    }
}

/// One item's fields as read, before they become a source.
#[derive(Default)]
struct Draft {
    key: String,
    title: Option<String>,
    label: Option<String>,
    /// The note says the title was supplied by the compilers.
    supplied: bool,
    /// The note says the date of publication was read from the address.
    date_from_address: bool,
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
    errors_not_shown: usize,
    warnings_not_shown: usize,
}

impl<'a> Report<'a> {
    fn new(file: &'a str) -> Self {
        Report {
            file,
            out: Vec::new(),
            errors_not_shown: 0,
            warnings_not_shown: 0,
        }
    }

    fn say(&mut self, severity: Severity, index: usize, key: &str, message: String) {
        if self.out.len() >= MAX_REPORTED {
            match severity {
                Severity::Error => self.errors_not_shown += 1,
                Severity::Warning => self.warnings_not_shown += 1,
            }
            return;
        }
        let mut d = Diagnostic::file_error(
            self.file,
            format!("item {} (`{}`): {message}", index + 1, sanitize_line(key)),
        );
        d.severity = severity;
        self.out.push(d);
    }

    fn finish(mut self, sources: Vec<Source>) -> Imported {
        let hidden = self.errors_not_shown + self.warnings_not_shown;
        if hidden > 0 {
            let mut d = Diagnostic::file_error(
                self.file,
                format!(
                    "… and {} more error(s) and {} more warning(s) about items not shown",
                    self.errors_not_shown, self.warnings_not_shown
                ),
            );
            d.severity = Severity::Warning;
            self.out.push(d);
        }
        Imported {
            sources,
            diagnostics: self.out,
            errors_not_shown: self.errors_not_shown,
        }
    }
}

/// The ids given so far, and for each id asked for more than once the
/// next number to try after it, so that a thousand items of one key cost
/// a thousand steps rather than half a million.
#[derive(Default)]
struct Taken {
    ids: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Taken {
    /// `id`, or the first `id-N` (N from 2) not given yet.
    fn free(&self, id: String) -> String {
        if !self.ids.contains(&id) {
            return id;
        }
        let mut n = self.next.get(&id).copied().unwrap_or(2);
        loop {
            let candidate = format!("{id}-{n}");
            if !self.ids.contains(&candidate) {
                return candidate;
            }
            n += 1;
        }
    }

    /// Marks `id` given; `base` is the id it was asked for as.
    fn give(&mut self, base: &str, id: &str) {
        if base != id {
            let n: usize = id[base.len() + 1..].parse().unwrap_or(2);
            self.next.insert(base.to_string(), n + 1);
        }
        self.ids.insert(id.to_string());
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
            } else if line.trim_end_matches('.') == SUPPLIED_TITLE_NOTE {
                self.supplied = true;
            } else if line.trim_end_matches('.') == DATE_FROM_ADDRESS_NOTE {
                self.date_from_address = true;
            } else if let Some(t) = line.strip_prefix(TRANS_TITLE_NOTE) {
                self.trans_title = clean(t);
            } else if let Some(l) = line.strip_prefix(LOCATOR_NOTE) {
                self.locator = clean(l);
            } else if let Some(a) = line.strip_prefix(ARCHIVE_NOTE) {
                self.archive(a, r, index);
            } else if line.starts_with(QUOTE_NOTE) {
                // A quote belongs to an event, not to the source.
            } else if line.starts_with(super::citations::ACCESSED_NOTE) {
                // Said again for classic BibTeX styles; `urldate` holds it.
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
    fn finish(self, r: &mut Report<'_>, index: usize, taken: &mut Taken) -> Option<Source> {
        let mut base = slug(&self.key);
        if base.is_empty() {
            base = format!("item-{}", index + 1);
        }
        let id = taken.free(base.clone());
        if id != base {
            r.say(
                Severity::Warning,
                index,
                &self.key,
                format!("key already used; written as id `{id}`"),
            );
        }
        let (title, title_is_label) = match (self.title, self.label) {
            (Some(t), label) if self.supplied || label.is_some() => match supplied_title_label(&t) {
                Some(l) => (l.to_string(), true),
                None => (t, false),
            },
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
        taken.give(&base, &id);
        let mut s = Source::new(id, publisher, title);
        s.title_is_label = title_is_label;
        s.url = self.url;
        s.locator = self.locator;
        s.published = self.published;
        s.published_from_address = self.date_from_address && self.published.is_some();
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
    "genre",
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
    let mut r = Report::new(file);
    let mut taken = Taken::default();
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
    Ok(r.finish(sources))
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
    "type",
];

/// Reads a BibTeX or BibLaTeX file; a file that is not BibTeX, or whose
/// strings and links loop or grow past bounds, is refused with every
/// problem found (see [`super::bib_guard`]).
pub fn bibtex(file: &str, text: &str) -> Result<Imported, Vec<Diagnostic>> {
    use biblatex::ChunksExt;
    let src = crate::load::diag::SourceText::new(file, text);
    let refuse = |problems: super::bib_guard::Problems| {
        let mut out: Vec<Diagnostic> = problems
            .kept
            .into_iter()
            .map(|p| src.error(p.at, p.message))
            .collect();
        if problems.more > 0 {
            out.push(Diagnostic::file_error(
                file,
                format!("… and {} more problem(s) not shown", problems.more),
            ));
        }
        out
    };
    let checked = super::bib_guard::check(text, MAX_ITEMS).map_err(refuse)?;
    let mut r = Report::new(file);
    let mut taken = Taken::default();
    let mut sources = Vec::new();
    let mut broken = super::bib_guard::Problems::default();
    for index in 0..checked.len() {
        let (entry, had_ids) = match checked.entry(index) {
            Ok(e) => e,
            Err(p) => {
                broken.kept.push(p);
                if broken.kept.len() > super::bib_guard::MAX_PROBLEMS {
                    break;
                }
                continue;
            }
        };
        let entry = &entry;
        let field = |k: &str| entry.get(k).and_then(|c| clean(&one_space(&c.format_verbatim())));
        let mut d = Draft {
            key: entry.key.clone(),
            ..Draft::default()
        };
        d.title = field("title");
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
        if let Some(chunks) = entry.get("note") {
            if let Some(lines) = note_lines(chunks) {
                d.note(&lines, &mut r, index);
            }
        }
        let mut unmapped: Vec<&str> = entry
            .fields
            .keys()
            .map(String::as_str)
            .chain(had_ids.then_some("ids"))
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
    if !broken.is_empty() {
        broken.kept.truncate(super::bib_guard::MAX_PROBLEMS);
        return Err(refuse(broken));
    }
    if checked.truncated {
        r.out.push(Diagnostic::file_error(
            file,
            format!("more than {MAX_ITEMS} items: the rest left out"),
        ));
    }
    Ok(r.finish(sources))
}

/// A `.bib` note as lines. The export braces each line and joins them with
/// ". ", so a line is a braced group whatever text it holds; a note written
/// otherwise is split where ". " comes before one of the beginnings the
/// export writes.
fn note_lines(chunks: biblatex::ChunksRef<'_>) -> Option<String> {
    use biblatex::{Chunk, ChunksExt};
    let grouped = chunks.iter().any(|c| matches!(c.v, Chunk::Verbatim(_)))
        && chunks.iter().all(|c| match &c.v {
            Chunk::Verbatim(_) => true,
            Chunk::Normal(t) => matches!(t.trim(), "" | "."),
            Chunk::Math(_) => false,
        });
    if grouped {
        let lines: Vec<String> = chunks
            .iter()
            .filter_map(|c| match &c.v {
                Chunk::Verbatim(t) => Some(one_space(t)),
                _ => None,
            })
            .collect();
        return Some(lines.join("\n"));
    }
    clean(&one_space(&chunks.format_verbatim())).map(|n| split_note(&n))
}

/// Runs of spaces as one, as TeX reads them: a command the crate leaves
/// as written (`\foo `) can put two side by side, which an export would
/// write and the next reading make one.
fn one_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A note written without braced lines, split before each known beginning
/// that follows ". ".
fn split_note(note: &str) -> String {
    let mut out = note.to_string();
    for start in [
        LABEL_NOTE,
        SUPPLIED_TITLE_NOTE,
        DATE_FROM_ADDRESS_NOTE,
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
