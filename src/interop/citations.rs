//! The sources the events in view cite, as a reference manager takes them:
//! CSL-JSON (Zotero, Mendeley, Pandoc), BibTeX, BibLaTeX and RIS.
//!
//! Each source is written once, keyed by its id. Nothing is invented: a
//! field the data does not hold is left out. A compilers' `label` is not a
//! title: it goes to the note, and the item has no title (CSL-JSON, RIS) or
//! the label in square brackets, the cataloguers' mark for a supplied title
//! (BibTeX, BibLaTeX, whose styles require one).

use crate::timeline::date::PartialDate;
use crate::timeline::model::{EventKind, Source, Timeline};

/// What sort of item a source is, by a rule that reads only the data:
///
/// 1. every event citing it is a `law` or a `treaty`: **legislation**;
/// 2. every event citing it is a `report`, `ranking`, `statistics` or
///    `survey`: a **report**;
/// 3. its publisher's name has one of the words News, Post, Times, Daily,
///    Herald, Wire, VOA, VOD: a **newspaper article**;
/// 4. otherwise a **web page**.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemType {
    Legislation,
    Report,
    Newspaper,
    Webpage,
}

/// Words in a publisher's name that make its items newspaper articles.
pub const NEWS_WORDS: &[&str] = &["News", "Post", "Times", "Daily", "Herald", "Wire", "VOA", "VOD"];

impl ItemType {
    pub fn csl(self) -> &'static str {
        match self {
            ItemType::Legislation => "legislation",
            ItemType::Report => "report",
            ItemType::Newspaper => "article-newspaper",
            ItemType::Webpage => "webpage",
        }
    }

    fn decide(source: &Source, kinds: &[EventKind]) -> ItemType {
        use EventKind::*;
        let all = |set: &[EventKind]| !kinds.is_empty() && kinds.iter().all(|k| set.contains(k));
        if all(&[Law, Treaty]) {
            ItemType::Legislation
        } else if all(&[Report, Ranking, Statistics, Survey]) {
            ItemType::Report
        } else if source
            .publisher
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| NEWS_WORDS.contains(&w))
        {
            ItemType::Newspaper
        } else {
            ItemType::Webpage
        }
    }
}

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

/// What a note line starts with, so that an import can read back what an
/// export wrote in notes.
pub const LABEL_NOTE: &str = "Title supplied by the compilers: ";
pub const TRANS_TITLE_NOTE: &str = "Title in English: ";
pub const LOCATOR_NOTE: &str = "Location: ";
pub const ARCHIVE_NOTE: &str = "Archived copy: ";
pub const ACCESSED_NOTE: &str = "Accessed: ";
pub const QUOTE_NOTE: &str = "Quoted for ";

impl Item<'_> {
    /// The title a bibliography prints: the page's own, or none for a label.
    pub fn title(&self) -> Option<&str> {
        (!self.source.title_is_label).then_some(self.source.title.as_str())
    }

    /// The note's lines about the source itself (label, English title,
    /// locator), then one per quote.
    pub fn note_lines(&self, with_archive: bool, with_accessed: bool) -> Vec<String> {
        let s = self.source;
        let mut lines = Vec::new();
        if s.title_is_label {
            lines.push(format!("{LABEL_NOTE}{}", s.title));
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
    let mut items: Vec<(Item<'a>, Vec<EventKind>)> = Vec::new();
    let mut at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &i in hits {
        let Some(e) = t.events.get(i) else { continue };
        for c in &e.sources {
            let Some(source) = t.source(&c.source) else {
                continue;
            };
            let n = *at.entry(source.id.as_str()).or_insert_with(|| {
                items.push((
                    Item {
                        source,
                        kind: ItemType::Webpage,
                        quotes: Vec::new(),
                    },
                    Vec::new(),
                ));
                items.len() - 1
            });
            let (item, kinds) = &mut items[n];
            kinds.push(e.kind);
            item.quotes.push(QuoteNote {
                event_id: e.id.clone(),
                date: e.date_text(),
                title: e.title.clone(),
                quote: c.quote.clone(),
            });
        }
    }
    let mut out: Vec<Item<'a>> = items
        .into_iter()
        .map(|(mut item, kinds)| {
            item.kind = ItemType::decide(item.source, &kinds);
            item
        })
        .collect();
    out.sort_by(|a, b| a.source.id.cmp(&b.source.id));
    out
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
            if let Some(t) = item.title() {
                m.insert("title".into(), json!(t));
            }
            let container = if item.kind == ItemType::Newspaper {
                "container-title"
            } else {
                "publisher"
            };
            m.insert(container.into(), json!(s.publisher));
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
            (_, ItemType::Newspaper) => "article",
            (Bib::Bibtex, ItemType::Report) => "techreport",
            (Bib::Biblatex, ItemType::Report) => "report",
            (Bib::Bibtex, _) => "misc",
            (Bib::Biblatex, ItemType::Legislation) => "legislation",
            (Bib::Biblatex, ItemType::Webpage) => "online",
        };
        let mut fields: Vec<(&str, String)> = Vec::new();
        let title = if s.title_is_label {
            format!("[{}]", s.title)
        } else {
            s.title.clone()
        };
        fields.push(("title", format!("{{{}}}", bib_escape(&title))));
        let publisher_field = match (dialect, item.kind) {
            (Bib::Bibtex, ItemType::Newspaper) => "journal",
            (Bib::Biblatex, ItemType::Newspaper) => "journaltitle",
            (_, ItemType::Report) => "institution",
            (Bib::Bibtex, _) => "howpublished",
            (Bib::Biblatex, _) => "organization",
        };
        if dialect == Bib::Biblatex && item.kind == ItemType::Newspaper {
            fields.push(("entrysubtype", "{newspaper}".into()));
        }
        fields.push((publisher_field, format!("{{{}}}", bib_escape(&s.publisher))));
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
        let ty = match item.kind {
            ItemType::Legislation => "STAT",
            ItemType::Report => "RPRT",
            ItemType::Newspaper => "NEWS",
            ItemType::Webpage => "ELEC",
        };
        tag(&mut out, "TY", ty);
        tag(&mut out, "ID", &s.id);
        if let Some(t) = item.title() {
            tag(&mut out, "TI", t);
        }
        tag(&mut out, "PB", &s.publisher);
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
/// brackets, where to find it, and when it was published and read.
pub fn plain(s: &Source) -> String {
    let title = if s.title_is_label {
        format!("[{}]", s.title)
    } else {
        format!("\u{201c}{}\u{201d}", s.title)
    };
    let mut parts = vec![s.publisher.clone(), title];
    if let Some(d) = &s.published {
        parts.push(d.human());
    }
    if let Some(u) = &s.url {
        parts.push(u.clone());
    } else if let Some(place) = &s.locator {
        parts.push(format!("at {place}"));
    }
    let mut text = parts.join(", ");
    if let Some(d) = &s.accessed {
        text.push_str(&format!(" (accessed {})", d.human()));
    }
    text.push('.');
    text
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
    fn bib_keys_hold_nothing_that_ends_a_key() {
        assert_eq!(bib_key("km-law-2008"), "km-law-2008");
        assert_eq!(bib_key("a,b}c (d)=\"e\"@"), "a-b-c--d---e--");
        assert_eq!(bib_key(""), "-");
    }
}
