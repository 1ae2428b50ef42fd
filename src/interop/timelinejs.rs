//! Knight Lab's TimelineJS JSON format, in and out. Dates keep their
//! precision both ways; what tipline cannot hold is named, slide by slide.

use super::html;
use crate::load::diag::Diagnostic;
use crate::text::{sanitize_block, sanitize_line};
use crate::timeline::date::PartialDate;
use crate::timeline::model::*;
use serde_json::{json, Map, Value};
use std::collections::{HashMap, HashSet};

fn date_json(d: &PartialDate) -> Value {
    let mut m = Map::new();
    m.insert("year".into(), json!(d.year_number()));
    if let Some(month) = d.month_number() {
        m.insert("month".into(), json!(month));
    }
    if let Some(day) = d.day_number() {
        m.insert("day".into(), json!(day));
    }
    Value::Object(m)
}

/// The slide text: summary, figures, each source with its quote, tags.
fn slide_html(t: &Timeline, e: &Event) -> String {
    let mut out = format!("<p>{}</p>", html::escape(&e.summary));
    for line in t.disagreements(e) {
        out.push_str(&format!("<p>Sources disagree: {}</p>", html::escape(&line)));
    }
    if !e.figures.is_empty() {
        out.push_str("<ul>");
        for f in &e.figures {
            let mut line = format!("{}: {}", f.what(), t.figure_value_in_units(f));
            if let Some(p) = &f.period {
                line.push_str(&format!(" ({p})"));
            }
            if let Some(who) = t.figure_source(e, f) {
                line.push_str(&format!(", {who}"));
            }
            out.push_str(&format!("<li>{}</li>", html::escape(&line)));
        }
        out.push_str("</ul>");
    }
    for c in &e.sources {
        // One pair of quotation marks, as everywhere: inner ones become single.
        out.push_str(&format!("<blockquote>{}</blockquote>", html::escape(&c.quoted())));
        if let Some(s) = t.source(&c.source) {
            let title = s.shown_title();
            let cite = match (&s.url, &s.locator) {
                (Some(u), _) => html::link(u, &title),
                (None, Some(place)) => format!("{} (at {})", html::escape(&title), html::escape(place)),
                (None, None) => html::escape(&title),
            };
            out.push_str(&format!("<p>— {}, {cite}</p>", html::escape(&s.publisher)));
        }
    }
    if !e.tags.is_empty() {
        out.push_str(&format!(
            "<p>{TAGS_PREFIX}{}</p>",
            html::escape(&e.tags.join(", "))
        ));
    }
    out
}

/// Marks the paragraph that carries tags, so an import can take them back.
const TAGS_PREFIX: &str = "Tags: ";

/// A TimelineJS document of the given events, with the timeline's eras and
/// a title slide. TimelineJS inserts headlines, text, captions and credits
/// as HTML, so every one of them is escaped here, and only `http:`/`https:`
/// addresses become links or media.
pub fn export(t: &Timeline, hits: &[usize], headline: &str) -> Value {
    let events: Vec<Value> = hits
        .iter()
        .map(|&p| {
            let e = &t.events[p];
            let mut slide = json!({
                "start_date": date_json(&e.date),
                "text": { "headline": html::escape(&e.title), "text": slide_html(t, e) },
                "group": e.kind.as_str(),
                "unique_id": e.id,
            });
            if let Some(end) = &e.end {
                slide["end_date"] = date_json(end);
            }
            // TimelineJS has no mark for an uncertain date: its display_date
            // says it in words ("c. Dec 2007", "21 or 22 Nov 2015").
            if !e.dating.is_plain() {
                slide["start_date"]["display_date"] = json!(e.date_text());
                if let Some(end) = slide.get_mut("end_date") {
                    end["display_date"] = json!(e.date_text());
                }
            }
            if let Some((s, url)) = e
                .sources
                .iter()
                .filter_map(|c| t.source(&c.source))
                .find_map(|s| Some((s, html::web_url(s.url.as_deref()?)?)))
            {
                slide["media"] = json!({
                    "url": url,
                    "credit": html::escape(&s.publisher),
                    "caption": html::escape(&s.shown_title()),
                });
            }
            slide
        })
        .collect();
    let eras: Vec<Value> = t
        .eras
        .iter()
        .map(|era| {
            json!({
                "start_date": date_json(&era.start),
                "end_date": date_json(&era.end),
                "text": { "headline": html::escape(&era.title) },
            })
        })
        .collect();
    json!({
        "title": { "text": {
            "headline": html::escape(headline),
            "text": format!("<p>{} events, each quoted from its sources. Made with tipline.</p>", hits.len()),
        }},
        "events": events,
        "eras": eras,
    })
}

/// What an import produced, and what it could not keep.
#[derive(Debug, Default)]
pub struct Imported {
    pub sources: Vec<Source>,
    pub events: Vec<Event>,
    pub eras: Vec<Era>,
    /// One line per thing dropped or changed, naming the slide.
    pub notes: Notes,
    pub dropped_slides: usize,
    /// For each event, the number of the slide it came from (from 1).
    pub slide_numbers: Vec<usize>,
    /// For each era, its number in the file's `eras` (from 1).
    pub era_numbers: Vec<usize>,
}

/// Notes on what an import dropped or changed: the first few hundred kept
/// to show, the rest only counted, so a file of a million broken slides
/// cannot flood the terminal or memory.
#[derive(Debug, Default)]
pub struct Notes {
    kept: Vec<String>,
    total: usize,
}

impl Notes {
    /// As many notes as a run prints, like the loader's problems.
    pub const KEPT: usize = 200;

    pub fn push(&mut self, note: String) {
        self.total += 1;
        if self.kept.len() < Self::KEPT {
            self.kept.push(note);
        }
    }

    /// Every note made, shown or not.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Notes made but not kept.
    pub fn more(&self) -> usize {
        self.total - self.kept.len()
    }
}

impl std::ops::Deref for Notes {
    type Target = [String];
    fn deref(&self) -> &[String] {
        &self.kept
    }
}

/// A number as TimelineJS files in the wild write it: 2022 or "2022".
fn number(v: Option<&Value>) -> Result<Option<i64>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(n)) => n
            .as_i64()
            .map(Some)
            .ok_or_else(|| format!("`{n}` is not a whole number")),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => s
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| format!("`{}` is not a number", sanitize_line(s))),
        Some(other) => Err(format!("`{other}` is not a number")),
    }
}

/// A TimelineJS date as a date at its precision, with a note if a time of day was dropped.
fn date(v: &Value) -> Result<(PartialDate, bool), String> {
    let year = number(v.get("year"))?.ok_or("no year")?;
    let month = number(v.get("month"))?;
    let day = number(v.get("day"))?;
    if !(0..=9999).contains(&year) {
        return Err(format!(
            "year {year} is outside the years tipline can hold (0 to 9999)"
        ));
    }
    let fits = |n: i64| u32::try_from(n).map_err(|_| format!("`{n}` is not a month or day"));
    let d = match (month, day) {
        (None, _) => Some(PartialDate::year(year as i32)),
        (Some(m), None) => PartialDate::year_month(year as i32, fits(m)?),
        (Some(m), Some(d)) => PartialDate::ymd(year as i32, fits(m)?, fits(d)?),
    }
    .ok_or_else(|| {
        format!(
            "{year}-{}-{} is not a day on the calendar",
            month.unwrap_or(0),
            day.unwrap_or(0)
        )
    })?;
    let timed = ["hour", "minute", "second", "millisecond"]
        .iter()
        .any(|k| number(v.get(*k)).ok().flatten().is_some());
    Ok((d, timed))
}

/// A slug: lower-case letters, digits and single hyphens.
pub fn slug(text: &str) -> String {
    let folded = crate::text::fold(text);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// Ids handed out so far, and for each base the next suffix to try, so that
/// many slides wanting the same id cost linear time, not quadratic.
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    fn with(first: &str) -> Self {
        let mut ids = Ids::default();
        ids.taken.insert(first.to_string());
        ids
    }

    /// `base`, or `base-2`, `base-3`, ... : the first one not yet taken.
    fn unique(&mut self, base: String) -> String {
        let base = if base.is_empty() {
            "slide".to_string()
        } else {
            base
        };
        if self.taken.insert(base.clone()) {
            return base;
        }
        let n = self.next.entry(base.clone()).or_insert(2);
        loop {
            let id = format!("{base}-{n}");
            *n += 1;
            if self.taken.insert(id.clone()) {
                return id;
            }
        }
    }
}

fn text_of(v: &Value, key: &str) -> String {
    v.get("text")
        .and_then(|t| t.get(key))
        .and_then(Value::as_str)
        .map(html::to_text)
        .unwrap_or_default()
}

/// The slide or era each line of a converted file came from.
#[derive(Debug, Clone, Default)]
pub struct Origins {
    /// Per line (from 0), an index into `names` plus one; 0 for none.
    of_line: Vec<u32>,
    names: Vec<String>,
}

impl Origins {
    /// "slide 3" for line `line` (from 1), past the end the last line's.
    pub fn at(&self, line: usize) -> Option<&str> {
        let at = line.checked_sub(1)?.min(self.of_line.len().checked_sub(1)?);
        let number = *self.of_line.get(at)? as usize;
        self.names.get(number.checked_sub(1)?).map(String::as_str)
    }
}

/// Where a large JSON text becomes denser in values than any timeline: a
/// parsed value costs 32 bytes and more, so `[1,1,1,...]` would cost 16
/// times its size and then some. Counts commas, colons and brackets outside
/// strings, in one pass that keeps nothing; `None` for small or wordy texts.
fn json_dense_at(text: &str) -> Option<usize> {
    const FROM_BYTES: usize = 1 << 20;
    const BYTES_PER_VALUE: usize = 6;
    const SLACK: usize = 100_000;
    if text.len() < FROM_BYTES {
        return None;
    }
    let (mut in_string, mut escaped, mut count) = (false, false, 0usize);
    for (at, b) in text.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b',' | b':' | b'[' | b']' | b'{' | b'}' => {
                count += 1;
                if count > at / BYTES_PER_VALUE + SLACK {
                    return Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

/// The id of the source standing for the imported file itself: one per file,
/// so that two TimelineJS files load together. The file's name, as a slug,
/// with a short hash of the whole name so that two files of the same name in
/// different folders differ too.
fn file_source_id(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    // FNV-1a: stable across runs and platforms, unlike the std hasher.
    let hash = name.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let stem = slug(base);
    let stem = if stem.is_empty() { "file".to_string() } else { stem };
    format!("timelinejs-{stem}-{:08x}", hash as u32)
}

/// Reads a TimelineJS JSON file. Fails only when the file is not JSON or
/// holds no `events` array; anything else it cannot keep is noted. A
/// byte-order mark, which Windows editors write, is read as nothing.
pub fn import(name: &str, json_text: &str) -> Result<Imported, Diagnostic> {
    let json_text = json_text.strip_prefix('\u{feff}').unwrap_or(json_text);
    if let Some(at) = json_dense_at(json_text) {
        let src = crate::load::diag::SourceText::new(name, json_text);
        return Err(src.error(
            at..at + 1,
            "far more JSON values than a timeline holds (more than one per 6 bytes, such as a \
             huge array of numbers); not read",
        ));
    }
    let doc: Value = serde_json::from_str(json_text).map_err(|e| {
        // The position goes where every diagnostic has it, not again in words.
        let said = e.to_string();
        let what = said.rfind(" at line ").map_or(said.as_str(), |i| &said[..i]);
        Diagnostic {
            line: e.line(),
            column: e.column().max(1),
            ..Diagnostic::file_error(name, format!("not valid JSON: {what}"))
        }
    })?;
    let slides = doc
        .get("events")
        .and_then(Value::as_array)
        .ok_or_else(|| Diagnostic::file_error(name, "expected a TimelineJS file with an `events` array"))?;
    let mut out = Imported::default();
    let file_source = file_source_id(name);
    let headline = doc
        .get("title")
        .map(|t| text_of(t, "headline"))
        .filter(|h| !h.is_empty());
    out.sources.push(Source {
        title_is_label: true,
        ..Source::new(
            file_source.clone(),
            sanitize_line(headline.as_deref().unwrap_or("TimelineJS timeline")).into_owned(),
            sanitize_line(&format!("Imported from {name}")).into_owned(),
        )
    });
    let mut taken = Ids::default();
    let mut source_ids = Ids::with(&file_source);
    for (i, slide) in slides.iter().enumerate() {
        let mut headline = sanitize_line(&text_of(slide, "headline")).into_owned();
        let label = |h: &str| {
            format!(
                "slide {} ({})",
                i + 1,
                if h.is_empty() { "no headline" } else { h }
            )
        };
        let start = match slide.get("start_date").map(date) {
            Some(Ok((d, timed))) => {
                if timed {
                    out.notes.push(format!(
                        "{}: time of day dropped; tipline keeps dates only",
                        label(&headline)
                    ));
                }
                d
            }
            Some(Err(e)) => {
                out.notes
                    .push(format!("{}: dropped: start_date: {e}", label(&headline)));
                out.dropped_slides += 1;
                continue;
            }
            None => {
                out.notes
                    .push(format!("{}: dropped: no start_date", label(&headline)));
                out.dropped_slides += 1;
                continue;
            }
        };
        let end = match slide.get("end_date").filter(|v| !v.is_null()).map(date) {
            Some(Ok((d, _))) if d.first_day() < start.first_day() => {
                out.notes.push(format!(
                    "{}: end_date {d} is before start_date; end dropped",
                    label(&headline)
                ));
                None
            }
            Some(Ok((d, _))) => Some(d),
            Some(Err(e))
                if slide["end_date"]
                    .as_object()
                    .is_some_and(|o| o.values().all(|v| v.as_str() == Some(""))) =>
            {
                let _ = e;
                None
            }
            Some(Err(e)) => {
                out.notes
                    .push(format!("{}: end_date dropped: {e}", label(&headline)));
                None
            }
            None => None,
        };
        let body = sanitize_block(&text_of(slide, "text")).into_owned();
        // Tags written by tipline's own export come back as tags.
        let mut tags = Vec::new();
        let mut summary_lines = Vec::new();
        for line in body.lines() {
            match line.strip_prefix(TAGS_PREFIX) {
                Some(list) if summary_lines.iter().all(|l: &&str| !l.starts_with(TAGS_PREFIX)) => tags
                    .extend(
                        list.split(',')
                            .map(|t| t.trim().to_string())
                            .filter(|t| !t.is_empty()),
                    ),
                _ => summary_lines.push(line),
            }
        }
        if headline.is_empty() {
            headline = slide
                .get("display_date")
                .and_then(Value::as_str)
                .map(|d| sanitize_line(d).into_owned())
                .filter(|d| !d.trim().is_empty())
                .unwrap_or_else(|| format!("Untitled slide {}", i + 1));
            out.notes
                .push(format!("slide {}: no headline; titled \"{headline}\"", i + 1));
        }
        let summary = if summary_lines.is_empty() {
            headline.clone()
        } else {
            summary_lines.join("\n")
        };
        let group = slide
            .get("group")
            .and_then(Value::as_str)
            .map(|g| sanitize_line(g).trim().to_string())
            .filter(|g| !g.is_empty());
        let group = group.as_deref();
        let kind = group
            .and_then(|g| EventKind::parse(&g.to_ascii_lowercase()))
            .unwrap_or(EventKind::Other);
        if let Some(g) = group {
            // A group that names a kind has become the kind; any other is a tag.
            if EventKind::parse(&g.to_ascii_lowercase()).is_none() && !tags.iter().any(|t| t == g) {
                tags.push(g.to_string());
            }
        }
        let wanted = slide
            .get("unique_id")
            .and_then(Value::as_str)
            .map(slug)
            .filter(|s| !s.is_empty());
        let id = taken.unique(wanted.unwrap_or_else(|| slug(&format!("{start} {headline}"))));
        let mut sources = vec![Citation {
            source: file_source.clone(),
            quote: summary.clone(),
        }];
        if let Some(media) = slide.get("media").filter(|m| m.is_object()) {
            // Blank is judged after making safe: a caption of only U+200D
            // is empty to the loader, which drops joiners.
            let field = |k: &str| {
                media
                    .get(k)
                    .and_then(Value::as_str)
                    .map(|s| sanitize_line(&html::to_text(s)).trim().to_string())
                    .filter(|s| !s.is_empty())
            };
            // An address is not HTML: `&copy=1` in a query string stays as written.
            let url = media
                .get("url")
                .and_then(Value::as_str)
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(str::to_string);
            let (credit, caption) = (field("credit"), field("caption"));
            // Only an address the loader takes is kept as a link: an image
            // path, `https://localhost/x` or one with a space is not.
            let web = url.clone().filter(|u| super::reference_import::is_web_address(u));
            if let (Some(u), None) = (&url, &web) {
                out.notes.push(format!(
                    "{}: media address `{}` is not a web address; not kept as a link",
                    label(&headline),
                    sanitize_line(u)
                ));
            }
            if web.is_some() || credit.is_some() || caption.is_some() {
                let sid = source_ids.unique(format!("media-{id}"));
                let quote = caption
                    .clone()
                    .or(credit.clone())
                    .or(web.clone())
                    .unwrap_or_default();
                out.sources.push(Source {
                    url: web.map(|u| sanitize_line(&u).into_owned()),
                    title_is_label: caption.is_none(),
                    ..Source::new(
                        sid.clone(),
                        sanitize_line(credit.as_deref().unwrap_or("Media")).into_owned(),
                        sanitize_line(caption.as_deref().unwrap_or(&headline)).into_owned(),
                    )
                });
                sources.push(Citation {
                    source: sid,
                    quote: sanitize_block(&quote).into_owned(),
                });
            }
        }
        if slide.get("background").is_some_and(|b| !b.is_null()) {
            out.notes
                .push(format!("{}: background not kept", label(&headline)));
        }
        out.slide_numbers.push(i + 1);
        out.events.push(Event {
            id,
            date: start,
            end,
            title: headline,
            kind,
            actors: Vec::new(),
            not_acting: Vec::new(),
            location: None,
            summary: summary.clone(),
            details: None,
            note: None,
            figures: Vec::new(),
            sources,
            tags,
            related: Vec::new(),
            corroboration: Corroboration::SingleSource,
            ranking: None,
            dating: Default::default(),
            disputes: Vec::new(),
        });
    }
    for (i, era) in doc
        .get("eras")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let title = sanitize_line(&text_of(era, "headline")).into_owned();
        let title = if title.is_empty() {
            format!("Era {}", i + 1)
        } else {
            title
        };
        let start = era.get("start_date").map(date);
        let end = era.get("end_date").map(date);
        match (start, end) {
            (Some(Ok((s, _))), Some(Ok((e, _)))) if e.first_day() >= s.first_day() => {
                let id = taken.unique(format!("era-{}", slug(&title)));
                let sources = vec![Citation {
                    source: file_source.clone(),
                    quote: title.clone(),
                }];
                out.era_numbers.push(i + 1);
                out.eras.push(Era {
                    id,
                    title,
                    start: s,
                    end: e,
                    sources,
                });
            }
            _ => out.notes.push(format!(
                "era {} ({title}): dropped: needs a start_date and a later end_date",
                i + 1
            )),
        }
    }
    Ok(out)
}

impl Imported {
    /// The import as a tipline data file.
    pub fn to_toml(&self) -> String {
        let cited: HashSet<&str> = self
            .events
            .iter()
            .flat_map(|e| e.sources.iter().map(|c| c.source.as_str()))
            .chain(
                self.eras
                    .iter()
                    .flat_map(|e| e.sources.iter().map(|c| c.source.as_str())),
            )
            .collect();
        // A source nothing cites (an empty timeline) is left out, so the file checks clean.
        let sources: Vec<Source> = self
            .sources
            .iter()
            .filter(|s| cited.contains(s.id.as_str()))
            .cloned()
            .collect();
        crate::load::write::data_file(&sources, &[], &self.events, &self.eras)
    }

    /// Where in the TimelineJS file each line of `to_toml`'s output came
    /// from: "slide 3" or "era 1", found from the id of the top-level table
    /// the line is in. Worked out once for all lines, so that restating many
    /// problems costs one pass, not one per problem.
    pub fn origins(&self, toml: &str) -> Origins {
        let slides: HashMap<&str, usize> = self
            .events
            .iter()
            .zip(&self.slide_numbers)
            .map(|(e, &n)| (e.id.as_str(), n))
            .collect();
        let eras: HashMap<&str, usize> = self
            .eras
            .iter()
            .zip(&self.era_numbers)
            .map(|(e, &n)| (e.id.as_str(), n))
            .collect();
        let lines: Vec<&str> = toml.lines().collect();
        let top_level = |l: &str| {
            let l = l.trim();
            l.starts_with("[[") && !l.contains('.')
        };
        let mut out = Origins {
            of_line: vec![0; lines.len()],
            names: Vec::new(),
        };
        let mut i = 0;
        while i < lines.len() {
            if !top_level(lines[i]) {
                i += 1;
                continue;
            }
            // The table runs to the next top-level header.
            let end = (i + 1..lines.len())
                .find(|&j| top_level(lines[j]))
                .unwrap_or(lines.len());
            let id = lines[i + 1..end]
                .iter()
                .take_while(|l| !l.trim().starts_with('['))
                .find_map(|l| l.trim().strip_prefix("id = "))
                .and_then(|id| toml::from_str::<toml::Value>(&format!("v = {id}")).ok())
                .and_then(|v| v.get("v").and_then(|v| v.as_str()).map(str::to_string));
            let name = id.and_then(|id| match lines[i].trim() {
                "[[events]]" => slides.get(id.as_str()).map(|n| format!("slide {n}")),
                "[[eras]]" => eras.get(id.as_str()).map(|n| format!("era {n}")),
                _ => None,
            });
            if let Some(name) = name {
                out.names.push(name);
                let number = out.names.len() as u32;
                out.of_line[i..end].fill(number);
            }
            i = end;
        }
        out
    }

    /// Where the entry written at `line` (from 1) of `to_toml`'s output
    /// came from; see [`Imported::origins`] for many lines.
    pub fn origin(&self, toml: &str, line: usize) -> Option<String> {
        self.origins(toml).at(line).map(str::to_string)
    }

    /// One line saying what was converted and what was dropped.
    pub fn summary(&self, name: &str) -> String {
        format!(
            "{}: converted {} slide(s) and {} era(s); dropped {} slide(s); {} note(s)",
            sanitize_line(name),
            self.events.len(),
            self.eras.len(),
            self.dropped_slides,
            self.notes.total()
        )
    }
}
