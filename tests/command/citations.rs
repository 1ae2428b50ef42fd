//! The cited sources out to reference managers and back: each export is
//! read by a parser that is not tipline's (the CSL data schema, the
//! `biblatex` crate, `biblib`'s RIS reader) and compared field by field
//! with the fixture's values, written out here by hand.

use crate::tools::scratch;
use assert_cmd::Command;
use serde_json::Value;

fn tipline() -> Command {
    Command::cargo_bin("tipline").unwrap()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn run(args: &[&str]) -> (String, String) {
    let out = tipline().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn export(format: &str) -> String {
    let data = fixture("citations.toml");
    run(&["--data", &data, "export", "sources", "--format", format]).0
}

const RAID_TITLE: &str =
    "Raid frees 84: {braces} \\ back % per & and $ dollar # hash _ under ~ tilde ^ caret";
const RAID_URL: &str = "https://english.cambodiadaily.com/raid?a=1&b=%20x";
const LAW_TITLE: &str = "ច្បាប់ស្តីពីការបង្ក្រាបការជួញដូរមនុស្ស";
const LABEL: &str = "Annual figures, as the compilers describe them";

/// The CSL data schema (draft 3) in the draft 4 a validator reads:
/// `"required": true` lifted into the object's `required` list, union
/// `type`s of schemas as `anyOf`, `$ref` by id as a reference into
/// `definitions`.
fn csl_schema() -> Value {
    fn convert(v: &mut Value, defs: &mut serde_json::Map<String, Value>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::Object(props)) = map.get_mut("properties") {
                    let mut required = Vec::new();
                    for (name, p) in props.iter_mut() {
                        if let Value::Object(pm) = p {
                            if pm.remove("required") == Some(Value::Bool(true)) {
                                required.push(Value::String(name.clone()));
                            }
                        }
                    }
                    if !required.is_empty() {
                        map.insert("required".into(), Value::Array(required));
                    }
                }
                if let Some(Value::Array(types)) = map.get("type") {
                    if types.iter().any(Value::is_object) {
                        let options = types
                            .iter()
                            .map(|t| match t {
                                Value::String(s) => serde_json::json!({ "type": s }),
                                other => other.clone(),
                            })
                            .collect();
                        map.remove("type");
                        map.insert("anyOf".into(), Value::Array(options));
                    }
                }
                if let Some(Value::String(id)) = map.get("id").cloned() {
                    if !id.starts_with("http") {
                        map.remove("id");
                        let mut copy = Value::Object(map.clone());
                        convert(&mut copy, defs);
                        defs.insert(id, copy);
                    }
                }
                if let Some(Value::String(r)) = map.get("$ref").cloned() {
                    map.insert("$ref".into(), Value::String(format!("#/definitions/{r}")));
                }
                for child in map.values_mut() {
                    convert(child, defs);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|i| convert(i, defs)),
            _ => {}
        }
    }
    let text = std::fs::read_to_string(fixture("csl/csl-data.json")).unwrap();
    let mut schema: Value = serde_json::from_str(&text).unwrap();
    let mut defs = serde_json::Map::new();
    convert(&mut schema, &mut defs);
    let map = schema.as_object_mut().unwrap();
    map.remove("id");
    map.insert("$schema".into(), "http://json-schema.org/draft-04/schema#".into());
    map.insert("definitions".into(), Value::Object(defs));
    schema
}

fn csl_valid(doc: &Value) {
    let schema = csl_schema();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(doc).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_csl_schema_is_strict_enough_to_catch_a_wrong_item() {
    let schema = csl_schema();
    let validator = jsonschema::draft4::new(&schema).unwrap();
    assert!(!validator.is_valid(&serde_json::json!([{ "id": "x", "type": "web-page" }])));
    assert!(!validator.is_valid(&serde_json::json!([{ "id": "x" }])));
    assert!(validator.is_valid(&serde_json::json!([{ "id": "x", "type": "webpage" }])));
}

fn item<'a>(doc: &'a Value, id: &str) -> &'a Value {
    doc.as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no item {id} in {doc:#}"))
}

#[test]
fn csl_json_validates_and_keeps_every_field() {
    let doc: Value = serde_json::from_str(&export("csl-json")).unwrap();
    csl_valid(&doc);
    assert_eq!(doc.as_array().unwrap().len(), 3);
    let raid = item(&doc, "daily-raid");
    assert_eq!(raid["type"], "article-newspaper");
    assert_eq!(raid["title"], RAID_TITLE);
    assert_eq!(raid["container-title"], "The Cambodia Daily");
    assert_eq!(raid["URL"], RAID_URL);
    assert_eq!(raid["issued"]["date-parts"], serde_json::json!([[2004, 12, 10]]));
    assert_eq!(raid["accessed"]["date-parts"], serde_json::json!([[2024, 5, 1]]));
    assert_eq!(
        raid["archive_location"],
        "https://archive.example.org/web/2024/daily-raid"
    );
    assert_eq!(
        raid["note"],
        "Quoted for Karaoke bar raid (c. Dec 2004): \u{201c}84 women were freed\u{201d}"
    );
    let law = item(&doc, "km-law-text");
    // A copy of a law on a document site is that site's web page.
    assert_eq!(law["type"], "webpage");
    assert_eq!(law["title"], LAW_TITLE);
    assert_eq!(law["publisher"], "Ministry of Justice");
    assert_eq!(law["language"], "km");
    assert_eq!(law["issued"]["date-parts"], serde_json::json!([[2008, 2]]));
    assert!(law.get("URL").is_none(), "a locator is no address: {law}");
    let note = law["note"].as_str().unwrap();
    assert!(note.contains("Location: scribd.com/doc/267558613"), "{note}");
    assert!(
        note.contains("Title in English: Law on Suppression of Human Trafficking"),
        "{note}"
    );
    let ngo = item(&doc, "ngo-report");
    assert_eq!(ngo["type"], "report");
    assert_eq!(ngo["genre"], "Report");
    // A label is a title the compilers supplied, in brackets.
    assert_eq!(ngo["title"], format!("[{LABEL}]"));
    assert!(ngo["note"]
        .as_str()
        .unwrap()
        .starts_with("Title supplied by the compilers\n"));
    assert_eq!(ngo["issued"]["date-parts"], serde_json::json!([[2019]]));
}

#[test]
fn only_the_sources_of_events_in_view_each_once() {
    let data = fixture("citations.toml");
    let (out, _) = run(&[
        "--data", &data, "export", "sources", "kind:law", "--format", "csl-json",
    ]);
    let doc: Value = serde_json::from_str(&out).unwrap();
    let ids: Vec<&str> = doc
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["km-law-text"]);
}

#[test]
fn biblatex_reads_back_with_escapes_undone_and_edtf_dates() {
    use biblatex::{Bibliography, ChunksExt};
    let text = export("biblatex");
    let bib = Bibliography::parse(&text).unwrap();
    assert_eq!(bib.len(), 3);
    let field = |key: &str, name: &str| bib.get(key).unwrap().get(name).map(|c| c.format_verbatim());
    assert_eq!(field("daily-raid", "title").as_deref(), Some(RAID_TITLE));
    assert_eq!(
        field("daily-raid", "journaltitle").as_deref(),
        Some("The Cambodia Daily")
    );
    assert_eq!(field("daily-raid", "url").as_deref(), Some(RAID_URL));
    assert_eq!(field("daily-raid", "date").as_deref(), Some("2004-12-10"));
    assert_eq!(field("daily-raid", "urldate").as_deref(), Some("2024-05-01"));
    assert_eq!(field("km-law-text", "title").as_deref(), Some(LAW_TITLE));
    assert_eq!(
        field("km-law-text", "organization").as_deref(),
        Some("Ministry of Justice")
    );
    assert_eq!(field("km-law-text", "date").as_deref(), Some("2008-02"));
    assert_eq!(field("km-law-text", "language").as_deref(), Some("km"));
    assert_eq!(field("ngo-report", "title"), Some(format!("[{LABEL}]")));
    assert_eq!(
        field("ngo-report", "institution").as_deref(),
        Some("Rights Watch Cambodia")
    );
    assert_eq!(field("ngo-report", "date").as_deref(), Some("2019"));
    // The crate's own date reading agrees.
    let date = bib.get("km-law-text").unwrap().date().unwrap();
    let biblatex::PermissiveType::Typed(d) = date else {
        panic!("{date:?}")
    };
    let biblatex::DateValue::At(at) = d.value else {
        panic!("{d:?}")
    };
    assert_eq!((at.year, at.month), (2008, Some(1))); // months count from 0
}

#[test]
fn bibtex_reads_back_with_year_month_day() {
    use biblatex::{Bibliography, ChunksExt};
    let text = export("bibtex");
    let bib = Bibliography::parse(&text).unwrap();
    let raid = bib.get("daily-raid").unwrap();
    assert_eq!(raid.entry_type, biblatex::EntryType::Article);
    let field = |name: &str| raid.get(name).map(|c| c.format_verbatim());
    assert_eq!(field("title").as_deref(), Some(RAID_TITLE));
    assert_eq!(field("url").as_deref(), Some(RAID_URL));
    assert_eq!(field("year").as_deref(), Some("2004"));
    assert_eq!(field("day").as_deref(), Some("10"));
    // `journal` is BibTeX's name for what BibLaTeX calls `journaltitle`.
    let journal = raid
        .get("journal")
        .or_else(|| raid.get("journaltitle"))
        .map(|c| c.format_verbatim());
    assert_eq!(journal.as_deref(), Some("The Cambodia Daily"));
    let biblatex::PermissiveType::Typed(d) = raid.date().unwrap() else {
        panic!()
    };
    let biblatex::DateValue::At(at) = d.value else {
        panic!("{d:?}")
    };
    assert_eq!((at.year, at.month, at.day), (2004, Some(11), Some(9))); // from 0
    let report = bib.get("ngo-report").unwrap();
    assert_eq!(report.entry_type, biblatex::EntryType::TechReport);
}

#[test]
fn ris_reads_back_in_an_independent_reader() {
    use biblib::{CitationParser, RisParser};
    let text = export("ris");
    let items = RisParser::new().parse(&text).unwrap();
    assert_eq!(items.len(), 3);
    let raid = &items[0];
    assert_eq!(raid.title, RAID_TITLE);
    // A newspaper is the article's secondary title (`T2`), as Zotero writes it.
    assert_eq!(raid.journal.as_deref(), Some("The Cambodia Daily"));
    assert_eq!(raid.publisher, None);
    assert_eq!(raid.urls, [RAID_URL]);
    let date = raid.date.as_ref().unwrap();
    assert_eq!((date.year, date.month, date.day), (2004, Some(12), Some(10)));
    assert!(text.contains("Y2  - 2024/05/01\r\n"), "{text}");
    let law = &items[1];
    assert_eq!(law.title, LAW_TITLE);
    assert_eq!(law.language.as_deref(), Some("km"));
    assert!(law.urls.is_empty(), "{:?}", law.urls);
    let ngo = &items[2];
    assert_eq!(ngo.title, format!("[{LABEL}]"), "a supplied title");
    assert_eq!(ngo.publisher.as_deref(), Some("Rights Watch Cambodia"));
    assert_eq!(ngo.date.as_ref().unwrap().year, 2019);
}

/// The source tables of a data file, by id, as plain TOML values.
fn sources_of(text: &str) -> std::collections::BTreeMap<String, toml::Table> {
    let doc: toml::Table = toml::from_str(text).unwrap();
    doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let t = s.as_table().unwrap().clone();
            (t["id"].as_str().unwrap().to_string(), t)
        })
        .collect()
}

const KEPT: &[&str] = &[
    "publisher",
    "title",
    "label",
    "url",
    "locator",
    "published",
    "accessed",
    "archive_url",
    "language",
    "trans_title",
];

fn round_trip(data: Option<&str>, format: &str, name: &str) -> (String, String) {
    let dir = scratch(name);
    let exported = dir.join(format!("out.{format}"));
    let written = dir.join("sources.toml");
    let mut args = vec![
        "export",
        "sources",
        "--format",
        format,
        "-o",
        exported.to_str().unwrap(),
    ];
    if let Some(d) = data {
        args.splice(0..0, ["--data", d]);
    }
    run(&args);
    let kind = if format == "csl-json" {
        "csl-json"
    } else {
        "bibtex"
    };
    let (_, stderr) = run(&[
        "import",
        kind,
        exported.to_str().unwrap(),
        "-o",
        written.to_str().unwrap(),
    ]);
    // The written file passes `check` (unused sources are only warnings).
    run(&["check", written.to_str().unwrap()]);
    (std::fs::read_to_string(&written).unwrap(), stderr)
}

#[test]
fn csl_json_round_trip_keeps_every_source_field() {
    let data = fixture("citations.toml");
    let (written, _) = round_trip(Some(&data), "csl-json", "csl");
    let before = sources_of(&std::fs::read_to_string(&data).unwrap());
    let after = sources_of(&written);
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    for (id, b) in &before {
        for k in KEPT {
            assert_eq!(b.get(*k), after[id].get(*k), "{id}.{k}");
        }
    }
}

#[test]
fn biblatex_round_trip_keeps_every_source_field() {
    let data = fixture("citations.toml");
    let (written, _) = round_trip(Some(&data), "biblatex", "biblatex");
    let before = sources_of(&std::fs::read_to_string(&data).unwrap());
    let after = sources_of(&written);
    for (id, b) in &before {
        for k in KEPT {
            assert_eq!(b.get(*k), after[id].get(*k), "{id}.{k}");
        }
    }
}

#[test]
fn the_embedded_sources_export_whole_and_come_back_unchanged() {
    // Every source some embedded event cites, found without the exporter.
    let timeline = tipline::cli::load_timeline(&[]).unwrap();
    let mut cited: Vec<&str> = timeline
        .events
        .iter()
        .flat_map(|e| e.sources.iter().map(|c| c.source.as_str()))
        .collect();
    cited.sort_unstable();
    cited.dedup();
    for format in ["bibtex", "biblatex", "ris"] {
        let out = tipline()
            .args(["export", "sources", "--format", format])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.stderr.is_empty(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let (csl, _) = run(&["export", "sources", "--format", "csl-json"]);
    let doc: Value = serde_json::from_str(&csl).unwrap();
    csl_valid(&doc);
    let ids: Vec<&str> = doc
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, cited);
    let (written, _) = round_trip(None, "csl-json", "embedded");
    let after = sources_of(&written);
    assert_eq!(after.keys().map(String::as_str).collect::<Vec<_>>(), cited);
    for id in &cited {
        let s = timeline.sources.iter().find(|s| s.id == *id).unwrap();
        let a = &after[*id];
        let text = |k: &str| a.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let key = if s.title_is_label { "label" } else { "title" };
        assert_eq!(text(key).as_deref(), Some(s.title.as_str()), "{id}");
        assert_eq!(text("publisher").as_deref(), Some(s.publisher.as_str()), "{id}");
        assert_eq!(text("url"), s.url, "{id}");
        assert_eq!(text("locator"), s.locator, "{id}");
        assert_eq!(text("archive_url"), s.archive_url, "{id}");
        assert_eq!(text("language"), s.language, "{id}");
        assert_eq!(text("trans_title"), s.trans_title, "{id}");
        assert_eq!(text("published"), s.published.map(|d| d.to_string()), "{id}");
        assert_eq!(text("accessed"), s.accessed.map(|d| d.to_string()), "{id}");
    }
}

#[test]
fn a_zotero_bibtex_file_maps_what_it_can_and_names_the_rest() {
    let dir = scratch("zotero");
    let bib = dir.join("library.bib");
    std::fs::write(
        &bib,
        "@article{smith_2019,\n  title = {Trafficking \\& labour},\n  journal = {Phnom Penh Post},\n  url = {https://ppp.example.com/a},\n  year = {2019},\n  month = mar,\n  author = {Smith, Jane},\n  urldate = {2024-01-02},\n}\n\n@misc{no_title,\n  publisher = {Somebody},\n}\n\n@online{relative,\n  title = {On paper},\n  organization = {Archive},\n  url = {box 4, folder 2},\n}\n",
    )
    .unwrap();
    let written = dir.join("sources.toml");
    let out = tipline()
        .args([
            "import",
            "bibtex",
            bib.to_str().unwrap(),
            "-o",
            written.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let name = bib.display().to_string();
    assert!(
        stderr.contains(&format!(
            "{name}: warning: item 1 (`smith_2019`): field(s) not mapped: author"
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!("{name}: error: item 2 (`no_title`): no title: left out")),
        "{stderr}"
    );
    let s = sources_of(&std::fs::read_to_string(&written).unwrap());
    assert_eq!(s.keys().collect::<Vec<_>>(), ["relative", "smith-2019"]);
    let smith = &s["smith-2019"];
    assert_eq!(smith["title"].as_str(), Some("Trafficking & labour"));
    assert_eq!(smith["publisher"].as_str(), Some("Phnom Penh Post"));
    assert_eq!(smith["published"].as_str(), Some("2019-03"));
    assert_eq!(smith["accessed"].as_str(), Some("2024-01-02"));
    assert_eq!(s["relative"]["locator"].as_str(), Some("box 4, folder 2"));
    assert!(s["relative"].get("url").is_none());
    run(&["check", written.to_str().unwrap()]);
}

#[test]
fn a_file_that_is_not_csl_json_is_refused_with_its_position() {
    let dir = scratch("broken");
    let file = dir.join("broken.json");
    std::fs::write(&file, "[\n  {\"id\": \"a\",,}\n]").unwrap();
    let out = tipline()
        .args(["import", "csl-json", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with(&format!("{}:2:", file.display())), "{stderr}");
}

/// The `.bib` entry keyed `key` as written: its type, and each field's
/// name and value (braces and all), in order. The writer puts one field on
/// a line; a reader such as the `biblatex` crate takes BibTeX's names for
/// BibLaTeX's (`journal` for `journaltitle`), so which was written shows
/// only in the text.
fn bib_entry(text: &str, key: &str) -> (String, Vec<(String, String)>) {
    let opening = format!("{{{key},");
    let mut lines = text
        .lines()
        .skip_while(|l| !(l.starts_with('@') && l.ends_with(&opening)));
    let head = lines.next().unwrap_or_else(|| panic!("no entry {key} in {text}"));
    let kind = head[1..head.len() - opening.len()].to_string();
    let fields = lines
        .take_while(|l| *l != "}")
        .map(|l| {
            let field = l.strip_prefix("  ").and_then(|f| f.strip_suffix(','));
            let (name, value) = field
                .and_then(|f| f.split_once(" = "))
                .unwrap_or_else(|| panic!("not a field line: {l:?}"));
            (name.to_string(), value.to_string())
        })
        .collect();
    (kind, fields)
}

fn value<'a>(fields: &'a [(String, String)], name: &str) -> Option<&'a str> {
    fields.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

fn names(fields: &[(String, String)]) -> Vec<&str> {
    fields.iter().map(|(n, _)| n.as_str()).collect()
}

#[test]
fn biblatex_marks_a_newspaper_article_with_its_entrysubtype_and_bibtex_does_not() {
    use biblatex::{Bibliography, ChunksExt};
    let text = export("biblatex");
    let (kind, raid) = bib_entry(&text, "daily-raid");
    assert_eq!(kind, "article");
    assert_eq!(value(&raid, "entrysubtype"), Some("{newspaper}"));
    // Only the newspaper article is one: a law and a report are not.
    for key in ["km-law-text", "ngo-report"] {
        assert_eq!(value(&bib_entry(&text, key).1, "entrysubtype"), None, "{key}");
    }
    let bib = Bibliography::parse(&text).unwrap();
    let subtype = bib.get("daily-raid").unwrap().get("entrysubtype");
    assert_eq!(subtype.map(|c| c.format_verbatim()).as_deref(), Some("newspaper"));
    // BibTeX has no such field: its styles would print it or choke on it.
    let (kind, raid) = bib_entry(&export("bibtex"), "daily-raid");
    assert_eq!(kind, "article");
    assert_eq!(value(&raid, "entrysubtype"), None);
}

#[test]
fn bibtex_and_biblatex_name_dates_publishers_and_notes_each_its_own_way() {
    let bibtex = export("bibtex");
    let biblatex = export("biblatex");
    let archived = "Archived copy: https://archive.example.org/web/2024/daily-raid";
    let quoted = "{Quoted for Karaoke bar raid (c. Dec 2004): \u{201c}84 women were freed\u{201d}}";

    // The newspaper article: `journal` or `journaltitle`; the date in
    // parts or in EDTF; the accessed date in `urldate`, and for BibTeX,
    // whose styles mostly ignore that field, in the note too.
    let (kind, raid) = bib_entry(&bibtex, "daily-raid");
    assert_eq!(kind, "article");
    assert_eq!(
        names(&raid),
        ["title", "journal", "url", "year", "month", "day", "urldate", "note", "annote"]
    );
    assert_eq!(value(&raid, "journal"), Some("{The Cambodia Daily}"));
    assert_eq!(value(&raid, "year"), Some("{2004}"));
    assert_eq!(value(&raid, "month"), Some("dec"));
    assert_eq!(value(&raid, "day"), Some("{10}"));
    assert_eq!(value(&raid, "urldate"), Some("{2024-05-01}"));
    let note = format!("{{{{{archived}}}. {{Accessed: 2024-05-01}}}}");
    assert_eq!(value(&raid, "note"), Some(note.as_str()));
    assert_eq!(value(&raid, "annote"), Some(quoted));
    let (kind, raid) = bib_entry(&biblatex, "daily-raid");
    assert_eq!(kind, "article");
    assert_eq!(
        names(&raid),
        [
            "title",
            "entrysubtype",
            "journaltitle",
            "url",
            "date",
            "urldate",
            "note",
            "annotation"
        ]
    );
    assert_eq!(value(&raid, "journaltitle"), Some("{The Cambodia Daily}"));
    assert_eq!(value(&raid, "date"), Some("{2004-12-10}"));
    assert_eq!(value(&raid, "urldate"), Some("{2024-05-01}"));
    let note = format!("{{{{{archived}}}}}");
    assert_eq!(value(&raid, "note"), Some(note.as_str()));
    assert_eq!(value(&raid, "annotation"), Some(quoted));

    // The law's copy on a document site: a `misc` published by someone,
    // or BibLaTeX's `online` by an organization; a month without a day.
    let (kind, law) = bib_entry(&bibtex, "km-law-text");
    assert_eq!(kind, "misc");
    assert_eq!(
        names(&law),
        [
            "title",
            "howpublished",
            "year",
            "month",
            "language",
            "note",
            "annote"
        ]
    );
    assert_eq!(value(&law, "howpublished"), Some("{Ministry of Justice}"));
    assert_eq!(value(&law, "year"), Some("{2008}"));
    assert_eq!(value(&law, "month"), Some("feb"));
    let (kind, law) = bib_entry(&biblatex, "km-law-text");
    assert_eq!(kind, "online");
    assert_eq!(
        names(&law),
        ["title", "organization", "date", "language", "note", "annotation"]
    );
    assert_eq!(value(&law, "organization"), Some("{Ministry of Justice}"));
    assert_eq!(value(&law, "date"), Some("{2008-02}"));

    // The report: `techreport` or `report`, by an institution either way;
    // a year alone.
    let (kind, report) = bib_entry(&bibtex, "ngo-report");
    assert_eq!(kind, "techreport");
    assert_eq!(
        names(&report),
        ["title", "institution", "type", "url", "year", "note", "annote"]
    );
    assert_eq!(value(&report, "year"), Some("{2019}"));
    let (kind, report) = bib_entry(&biblatex, "ngo-report");
    assert_eq!(kind, "report");
    assert_eq!(
        names(&report),
        [
            "title",
            "institution",
            "type",
            "url",
            "date",
            "note",
            "annotation"
        ]
    );
    assert_eq!(value(&report, "institution"), Some("{Rights Watch Cambodia}"));
    assert_eq!(value(&report, "date"), Some("{2019}"));
}

#[test]
fn double_quotes_in_a_title_and_an_annotation_are_written_as_they_are() {
    use biblatex::{Bibliography, ChunksExt};
    let data = fixture("citations_quoted.toml");
    let title = "Minister: \"We will not back down\"";
    let annotation = "Quoted for Minister says \"no retreat\" (3 Jun 2021): \
                      \u{201c}He said \"we will not back down\" and \"the law stands\"\u{201d}";
    for (format, note_field) in [("bibtex", "annote"), ("biblatex", "annotation")] {
        let (text, _) = run(&["--data", &data, "export", "sources", "--format", format]);
        // In a braced value a double quote is only a character: nothing
        // is escaped, and the value still ends where it should.
        let (kind, fields) = bib_entry(&text, "post-interview");
        assert_eq!(kind, "article", "{format}");
        assert_eq!(
            value(&fields, "title"),
            Some(format!("{{{title}}}").as_str()),
            "{format}"
        );
        assert_eq!(
            value(&fields, note_field),
            Some(format!("{{{annotation}}}").as_str()),
            "{format}"
        );
        let bib = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{format}: {e:?}\n{text}"));
        assert_eq!(bib.len(), 1, "{format}");
        let entry = bib.get("post-interview").unwrap();
        let read = |name: &str| entry.get(name).map(|c| c.format_verbatim());
        assert_eq!(read("title").as_deref(), Some(title), "{format}");
        // The crate files BibTeX's `annote` under BibLaTeX's name.
        let note = read(note_field).or_else(|| read("annotation"));
        assert_eq!(note.as_deref(), Some(annotation), "{format}");
        assert_eq!(
            read("url").as_deref(),
            Some("https://www.phnompenhpost.com/interview")
        );
    }
}
