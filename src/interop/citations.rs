//! The sources the events in view cite, as a reference manager takes them:
//! CSL-JSON (Zotero, Mendeley, Pandoc), BibTeX, BibLaTeX and RIS.
//!
//! Each source is written once, keyed by its id. Nothing is invented: a
//! field the data does not hold is left out. Every item has a title: the
//! page's own, or the compilers' `label` in square brackets, the
//! cataloguers' (and Chicago's) mark for a supplied title, with the note
//! line [`SUPPLIED_TITLE_NOTE`] saying so, by which an import takes it back
//! as a label. The item's type comes from its site ([`ItemType::of`]).

use crate::timeline::date::PartialDate;
use crate::timeline::model::{Source, Timeline};

pub use super::item_type::ItemType;

/// One quote an event takes from the source.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteNote {
    pub event_id: String,
    /// The event's dates as a reader says them, never surer than stored.
    pub date: String,
    pub title: String,
    pub quote: String,
}

impl QuoteNote {
    pub fn text(&self) -> String {
        format!(
            "Quoted for {} ({}): \u{201c}{}\u{201d}",
            self.title, self.date, self.quote
        )
    }
}

/// A cited source and what cites it.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    pub source: &'a Source,
    pub kind: ItemType,
    pub quotes: Vec<QuoteNote>,
}

/// The note line of an item whose title the compilers supplied: its title
/// is their label in square brackets, and an import takes it back as the
/// label.
pub const SUPPLIED_TITLE_NOTE: &str = "Title supplied by the compilers";
/// The note line of an item whose date of publication was read from its
/// address (`/2025/10/14/`), not from the page's words; an import takes it
/// back as `published_from = "address"`.
pub const DATE_FROM_ADDRESS_NOTE: &str = "Publication date read from the address";
/// What a note line starts with, so that an import can read back what an
/// export wrote in notes. `LABEL_NOTE` is how earlier exports, whose items
/// had no title, gave the label; imports still read it.
pub const LABEL_NOTE: &str = "Title supplied by the compilers: ";
pub const TRANS_TITLE_NOTE: &str = "Title in English: ";
pub const LOCATOR_NOTE: &str = "Location: ";
pub const ARCHIVE_NOTE: &str = "Archived copy: ";
pub const ACCESSED_NOTE: &str = "Accessed: ";
pub const QUOTE_NOTE: &str = "Quoted for ";

/// The compilers' label as a supplied title written by [`Source::shown_title`]
/// (`[label]`), given back as the label; `None` for anything else.
pub fn supplied_title_label(title: &str) -> Option<&str> {
    let inner = title.strip_prefix('[')?.strip_suffix(']')?.trim();
    (!inner.is_empty()).then_some(inner)
}

impl Item<'_> {
    /// The title a bibliography prints: the page's own, or the compilers'
    /// label in square brackets, as every face of tipline shows it.
    pub fn title(&self) -> String {
        self.source.shown_title()
    }

    /// The note's lines about the source itself (a supplied title, a date
    /// read from the address, English title, locator), then one per quote.
    pub fn note_lines(&self, with_archive: bool, with_accessed: bool) -> Vec<String> {
        let s = self.source;
        let mut lines = Vec::new();
        if s.title_is_label {
            lines.push(SUPPLIED_TITLE_NOTE.to_string());
        }
        if s.published.is_some() && s.published_from_address {
            lines.push(DATE_FROM_ADDRESS_NOTE.to_string());
        }
        if let Some(t) = &s.trans_title {
            lines.push(format!("{TRANS_TITLE_NOTE}{t}"));
        }
        if let Some(l) = &s.locator {
            lines.push(format!("{LOCATOR_NOTE}{l}"));
        }
        if with_archive {
            if let Some(a) = &s.archive_url {
                lines.push(format!("{ARCHIVE_NOTE}{a}"));
            }
        }
        if with_accessed {
            if let Some(a) = &s.accessed {
                lines.push(format!("{ACCESSED_NOTE}{a}"));
            }
        }
        lines.extend(self.quotes.iter().map(QuoteNote::text));
        lines
    }
}

/// The sources the events at `hits` cite, each once, in order of id, with
/// every quote an event in view takes from them (in timeline order).
pub fn gather<'a>(t: &'a Timeline, hits: &[usize]) -> Vec<Item<'a>> {
    let mut items: Vec<Item<'a>> = Vec::new();
    let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &i in hits {
        let Some(e) = t.events.get(i) else { continue };
        for c in &e.sources {
            let Some(source) = t.source(&c.source) else {
                continue;
            };
            let n = *at.entry(source.id.as_str()).or_insert_with(|| {
                items.push(Item {
                    source,
                    kind: ItemType::of(source),
                    quotes: Vec::new(),
                });
                items.len() - 1
            });
            items[n].quotes.push(QuoteNote {
                event_id: e.id.clone(),
                date: e.date_text(),
                title: e.title.clone(),
                quote: c.quote.clone(),
            });
        }
    }
    items.sort_by(|a, b| a.source.id.cmp(&b.source.id));
    items
}

/// `[year, month, day]` as far as the date is known.
pub fn date_parts(d: &PartialDate) -> Vec<i64> {
    let mut parts = vec![d.year_number() as i64];
    parts.extend(d.month_number().map(|m| m as i64));
    parts.extend(d.day_number().map(|m| m as i64));
    parts
}

/// CSL-JSON: an array of items (CSL 1.0.2 data schema).
pub fn csl_json(items: &[Item<'_>]) -> String {
    use serde_json::{json, Map, Value};
    let date = |d: &PartialDate| json!({ "date-parts": [date_parts(d)] });
    let list: Vec<Value> = items
        .iter()
        .map(|item| {
            let s = item.source;
            let mut m = Map::new();
            m.insert("id".into(), json!(s.id));
            m.insert("type".into(), json!(item.kind.csl()));
            m.insert("title".into(), json!(item.title()));
            // A newspaper's or a blog's name is what holds the item; any
            // other publisher publishes it.
            let container = match item.kind {
                ItemType::News | ItemType::BlogPost => "container-title",
                _ => "publisher",
            };
            m.insert(container.into(), json!(s.publisher));
            if let Some(g) = item.kind.genre() {
                m.insert("genre".into(), json!(g));
            }
            if let Some(u) = &s.url {
                m.insert("URL".into(), json!(u));
            }
            if let Some(d) = &s.published {
                m.insert("issued".into(), date(d));
            }
            if let Some(d) = &s.accessed {
                m.insert("accessed".into(), date(d));
            }
            if let Some(a) = &s.archive_url {
                m.insert("archive_location".into(), json!(a));
            }
            if let Some(l) = &s.language {
                m.insert("language".into(), json!(l));
            }
            let note = item.note_lines(false, false);
            if !note.is_empty() {
                m.insert("note".into(), json!(note.join("\n")));
            }
            Value::Object(m)
        })
        .collect();
    format!(
        "{}\n",
        serde_json::to_string_pretty(&list).expect("plain data serialises")
    )
}

/// Which dialect of the `.bib` format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bib {
    /// Classic BibTeX: `@article`/`@techreport`/`@misc`, `year`/`month`,
    /// the accessed date and archived copy also said in `note`.
    Bibtex,
    /// BibLaTeX: `@article`/`@report`/`@legislation`/`@online`, `date` and
    /// `urldate` in EDTF (ISO 8601-2).
    Biblatex,
}

/// Escapes text for a braced `.bib` field so that no data character can end
/// the field or the entry. BibTeX and biber match braces without regard to
/// backslashes (`\}` still closes a group), so a literal brace is written
/// as a command with an empty group and every brace in a field is one the
/// exporter wrote. The other characters LaTeX gives a meaning are written
/// as commands; `@` is grouped so that no tool scanning for `@type{` or
/// `@type(` finds one in a value; line breaks of every kind become spaces,
/// so a value is one line. Everything else, non-ASCII included, stays
/// UTF-8 (for biber, or bibtex8/bibtexu with a UTF-8 document).
pub fn bib_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_hyphen = false;
    for c in text.chars() {
        // TeX joins `--` and `---` into dashes: a hyphen after a hyphen is
        // braced, so a run of them prints as written.
        let hyphen_run = c == '-' && after_hyphen;
        after_hyphen = c == '-';
        if hyphen_run {
            out.push_str("{-}");
            continue;
        }
        match c {
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("{@}"),
            c if breaks_line(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Control characters and the Unicode line and paragraph separators, which
/// some readers take as the end of a line.
fn breaks_line(c: char) -> bool {
    c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')
}

/// An address for a verbatim `url` field: the characters that would
/// unbalance braces, start a command or end the line are percent-encoded,
/// which names the same resource; control characters, never part of an
/// address, are dropped.
pub fn bib_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' | '}' | '\\' => percent_encode(c, &mut out),
            c if c.is_control() => {}
            c if c.is_whitespace() => percent_encode(c, &mut out),
            c => out.push(c),
        }
    }
    out
}

fn percent_encode(c: char, out: &mut String) {
    let mut buf = [0; 4];
    for b in c.encode_utf8(&mut buf).bytes() {
        out.push_str(&format!("%{b:02X}"));
    }
}

/// A citation key BibTeX and biber take whole: the loader holds source ids
/// to slugs, and anything else (a library caller's own `Source`) has each
/// character outside `A-Z a-z 0-9 - _ : . /` replaced by `-`, so that no
/// key can hold the comma, brace, parenthesis or space that would end it.
pub fn bib_key(id: &str) -> String {
    let key: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.' | '/') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if key.is_empty() {
        "-".into()
    } else {
        key
    }
}

const MONTH_MACROS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A `.bib` file of the items.
pub fn bib(items: &[Item<'_>], dialect: Bib) -> String {
    let mut out = String::new();
    for item in items {
        let s = item.source;
        let entry_type = match (dialect, item.kind) {
            (_, ItemType::News) => "article",
            (Bib::Bibtex, ItemType::Report | ItemType::Government) => "techreport",
            (Bib::Biblatex, ItemType::Report | ItemType::Government) => "report",
            (Bib::Bibtex, _) => "misc",
            (Bib::Biblatex, ItemType::Legislation) => "legislation",
            (Bib::Biblatex, ItemType::BlogPost | ItemType::Webpage) => "online",
        };
        let mut fields: Vec<(&str, String)> = Vec::new();
        fields.push(("title", format!("{{{}}}", bib_escape(&item.title()))));
        let publisher_field = match (dialect, item.kind) {
            (Bib::Bibtex, ItemType::News) => "journal",
            (Bib::Biblatex, ItemType::News) => "journaltitle",
            (_, ItemType::Report | ItemType::Government) => "institution",
            (Bib::Bibtex, _) => "howpublished",
            (Bib::Biblatex, _) => "organization",
        };
        if dialect == Bib::Biblatex && item.kind == ItemType::News {
            fields.push(("entrysubtype", "{newspaper}".into()));
        }
        fields.push((publisher_field, format!("{{{}}}", bib_escape(&s.publisher))));
        if let Some(g) = item.kind.genre() {
            fields.push(("type", format!("{{{g}}}")));
        }
        if let Some(u) = &s.url {
            fields.push(("url", format!("{{{}}}", bib_url(u))));
        }
        match (dialect, &s.published) {
            (Bib::Biblatex, Some(d)) => fields.push(("date", format!("{{{d}}}"))),
            (Bib::Bibtex, Some(d)) => {
                fields.push(("year", format!("{{{}}}", d.year_number())));
                if let Some(m) = d.month_number() {
                    fields.push(("month", MONTH_MACROS[(m - 1) as usize].to_string()));
                }
                if let Some(day) = d.day_number() {
                    fields.push(("day", format!("{{{day}}}")));
                }
            }
            (_, None) => {}
        }
        if let Some(d) = &s.accessed {
            fields.push(("urldate", format!("{{{d}}}")));
        }
        if let Some(l) = &s.language {
            fields.push(("language", format!("{{{}}}", bib_escape(l))));
        }
        let classic = dialect == Bib::Bibtex;
        let mut note: Vec<String> = Vec::new();
        let mut annotation: Vec<String> = Vec::new();
        for line in item.note_lines(true, classic) {
            if line.starts_with(QUOTE_NOTE) {
                annotation.push(line);
            } else {
                note.push(line);
            }
        }
        if !note.is_empty() {
            // Each line in its own braces: a reader can tell the lines
            // apart whatever text they hold, and a printed note still
            // reads as sentences.
            let lines: Vec<String> = note.iter().map(|l| format!("{{{}}}", bib_escape(l))).collect();
            fields.push(("note", format!("{{{}}}", lines.join(". "))));
        }
        if !annotation.is_empty() {
            let name = if classic { "annote" } else { "annotation" };
            fields.push((name, format!("{{{}}}", bib_escape(&annotation.join(" ")))));
        }
        out.push_str(&format!("@{entry_type}{{{},\n", bib_key(&s.id)));
        for (name, value) in &fields {
            out.push_str(&format!("  {name} = {value},\n"));
        }
        out.push_str("}\n\n");
    }
    out
}

/// RIS, one line a tag, each value on one line.
pub fn ris(items: &[Item<'_>]) -> String {
    let mut out = String::new();
    let one_line = |s: &str| -> String { s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect() };
    let tag = |out: &mut String, tag: &str, value: &str| {
        out.push_str(tag);
        out.push_str("  - ");
        out.push_str(&one_line(value));
        out.push_str("\r\n");
    };
    for item in items {
        let s = item.source;
        tag(&mut out, "TY", item.kind.ris());
        tag(&mut out, "ID", &s.id);
        tag(&mut out, "TI", &item.title());
        // A newspaper's or a blog's name is the item's secondary title.
        match item.kind {
            ItemType::News | ItemType::BlogPost => tag(&mut out, "T2", &s.publisher),
            _ => tag(&mut out, "PB", &s.publisher),
        }
        if let Some(u) = &s.url {
            tag(&mut out, "UR", u);
        }
        if let Some(d) = &s.published {
            tag(&mut out, "PY", &d.year_number().to_string());
            tag(&mut out, "DA", &ris_date(d));
        }
        if let Some(d) = &s.accessed {
            tag(&mut out, "Y2", &ris_date(d));
        }
        if let Some(l) = &s.language {
            tag(&mut out, "LA", l);
        }
        for line in item.note_lines(true, false) {
            tag(&mut out, "N1", &line);
        }
        out.push_str("ER  - \r\n\r\n");
    }
    out
}

/// `YYYY/MM/DD`, `YYYY/MM` or `YYYY`, as far as known.
pub fn ris_date(d: &PartialDate) -> String {
    date_parts(d)
        .iter()
        .enumerate()
        .map(|(i, n)| {
            if i == 0 {
                format!("{n:04}")
            } else {
                format!("{n:02}")
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// A source as one line of plain text, the way a reader cites it: publisher,
/// the page's own title in quotation marks or the compilers' description in
/// brackets, when it was published (and whether that was read from the
/// address), where to find it, and when it was read.
pub fn plain(s: &Source) -> String {
    let title = if s.title_is_label {
        s.shown_title()
    } else {
        format!("\u{201c}{}\u{201d}", s.title)
    };
    let mut parts = vec![s.publisher.clone(), title];
    if let Some(d) = published_in_full(s) {
        parts.push(d);
    }
    if let Some(u) = &s.url {
        parts.push(u.clone());
    } else if let Some(place) = &s.locator {
        parts.push(format!("at {place}"));
    }
    let mut text = parts.join(", ");
    text.push('.');
    if let Some(d) = &s.accessed {
        text.push_str(&format!(" Accessed {}.", d.in_full()));
    }
    text
}

/// When a source was published, in full, with "(date from the address)"
/// when it was read from the page's address.
pub fn published_in_full(s: &Source) -> Option<String> {
    let d = s.published?;
    Some(if s.published_from_address {
        format!("{} (date from the address)", d.in_full())
    } else {
        d.in_full()
    })
}

/// A quote with the source it comes from: `“…” — Publisher, “Title”, address.`
pub fn quote_with_source(quoted: &str, s: &Source) -> String {
    format!("{quoted} \u{2014} {}", plain(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bib_escape_leaves_no_brace_of_the_data_and_no_bare_special_character() {
        assert_eq!(
            bib_escape("Nice post } @misc(k, title = \"x\""),
            "Nice post \\textbraceright{} {@}misc(k, title = \"x\""
        );
        assert_eq!(bib_escape("{open"), "\\textbraceleft{}open");
        assert_eq!(
            bib_escape("a\\b~c^d"),
            "a\\textbackslash{}b\\textasciitilde{}c\\textasciicircum{}d"
        );
        assert_eq!(bib_escape("50% & $1 #2 a_b"), "50\\% \\& \\$1 \\#2 a\\_b");
        assert_eq!(bib_escape("one\ntwo\r\n\u{2028}three"), "one two   three");
        assert_eq!(bib_escape("Phnom Penh Post, ខ្មែរ"), "Phnom Penh Post, ខ្មែរ");
        // TeX would print `--` as an en dash and `---` as an em dash.
        assert_eq!(
            bib_escape("2019-2023 a--b c---d -"),
            "2019-2023 a-{-}b c-{-}{-}d -"
        );
    }

    /// A run of hyphens comes back from the biblatex crate as written.
    #[test]
    fn hyphen_runs_survive_a_bib_round_trip() {
        crate::synth::bib_round_trip("@misc{k, title = {a-{-}b c-{-}{-}d}, publisher = {P}}");
        crate::synth::bib_round_trip("@misc{k, title = {x ----- y}, publisher = {P}}");
    }

    #[test]
    fn bib_url_encodes_what_would_end_the_field() {
        assert_eq!(
            bib_url("https://example.org/a}b{c\\d e\u{a0}f\ng"),
            "https://example.org/a%7Db%7Bc%5Cd%20e%C2%A0fg"
        );
        assert_eq!(
            bib_url("https://example.org/?a=1&b=%20#x"),
            "https://example.org/?a=1&b=%20#x"
        );
    }

    #[test]
    fn the_copied_citation_brackets_a_label_and_gives_both_dates() {
        let mut s = Source::new("s".into(), "Refworld".into(), "TIP report 2003".into());
        s.title_is_label = true;
        s.url = Some("https://www.refworld.org/docid/1.html".into());
        s.published = PartialDate::parse("2003-06-11").ok();
        s.accessed = PartialDate::parse("2026-11-21").ok();
        assert_eq!(
            plain(&s),
            "Refworld, [TIP report 2003], 11 June 2003, https://www.refworld.org/docid/1.html. \
             Accessed 21 November 2026."
        );
        s.published_from_address = true;
        assert_eq!(
            plain(&s),
            "Refworld, [TIP report 2003], 11 June 2003 (date from the address), \
             https://www.refworld.org/docid/1.html. Accessed 21 November 2026."
        );
        s.title_is_label = false;
        s.published = None;
        s.accessed = None;
        assert_eq!(
            plain(&s),
            "Refworld, \u{201c}TIP report 2003\u{201d}, https://www.refworld.org/docid/1.html."
        );
    }

    #[test]
    fn a_supplied_title_gives_back_its_label() {
        let mut s = Source::new("s".into(), "P".into(), "[a] b".into());
        s.title_is_label = true;
        assert_eq!(supplied_title_label(&s.shown_title()), Some("[a] b"));
        assert_eq!(supplied_title_label("Plain title"), None);
        assert_eq!(supplied_title_label("[ ]"), None);
    }

    #[test]
    fn bib_keys_hold_nothing_that_ends_a_key() {
        assert_eq!(bib_key("km-law-2008"), "km-law-2008");
        assert_eq!(bib_key("a,b}c (d)=\"e\"@"), "a-b-c--d---e--");
        assert_eq!(bib_key(""), "-");
    }
}

#[cfg(test)]
#[path = "citations_tests.rs"]
mod exported;
