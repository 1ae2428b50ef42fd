//! The published JSON Schemas (`schema/*.json`): generated, committed as
//! generated, and in step with what `tipline check` accepts and refuses.

use serde_json::Value;
use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn validator(schema: &str) -> jsonschema::Validator {
    let value: Value = serde_json::from_str(schema).unwrap();
    jsonschema::draft202012::new(&value).unwrap()
}

/// A TOML file as the JSON value a schema validates.
fn as_json(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path).unwrap();
    toml::from_str::<Value>(&text).ok()
}

fn problems(v: &jsonschema::Validator, path: &Path) -> Vec<String> {
    match as_json(path) {
        Some(doc) => v
            .iter_errors(&doc)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect(),
        None => vec!["not TOML".into()],
    }
}

fn toml_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_committed_schemas_are_the_generated_ones() {
    for (name, generated) in [
        ("data", tipline::load::schema::data_json()),
        ("lesson", tipline::load::schema::lesson_json()),
        ("config", tipline::load::schema::config_json()),
    ] {
        let committed = std::fs::read_to_string(Path::new(ROOT).join(format!("schema/{name}.json"))).unwrap();
        assert!(
            committed == generated,
            "schema/{name}.json is stale: run `tipline schema {name} > schema/{name}.json`"
        );
    }
}

#[test]
fn the_schema_command_prints_them() {
    let out = assert_cmd::Command::cargo_bin("tipline")
        .unwrap()
        .args(["schema", "lesson"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["title"], "tipline lesson");
    assert_eq!(doc["required"], serde_json::json!(["title", "summary", "stops"]));
}

/// Fixtures `tipline check` accepts (warnings allowed).
const VALID: &[&str] = &[
    "valid.toml",
    "claims.toml",
    "escapes.toml",
    "merge_a.toml",
    "merge_b.toml",
    "hostile_exports.toml",
    "unused_actor.toml",
    "citations.toml",
    "glossary.toml",
    "acting.toml",
    "address_dates.toml",
];

#[test]
fn every_valid_fixture_and_the_embedded_data_validate() {
    let data = validator(&tipline::load::schema::data_json());
    let mut files: Vec<_> = VALID
        .iter()
        .map(|f| Path::new(ROOT).join("tests/fixtures").join(f))
        .collect();
    files.extend(toml_files(&Path::new(ROOT).join("data")));
    assert!(files.len() > VALID.len(), "the embedded data files were found");
    for f in files {
        let p = problems(&data, &f);
        assert!(p.is_empty(), "{}: {p:#?}", f.display());
    }
    let lesson = validator(&tipline::load::schema::lesson_json());
    let lessons = toml_files(&Path::new(ROOT).join("data/lessons"));
    assert!(!lessons.is_empty());
    for f in lessons {
        let p = problems(&lesson, &f);
        assert!(p.is_empty(), "{}: {p:#?}", f.display());
    }
    let config = validator(&tipline::load::schema::config_json());
    let good = Path::new(ROOT).join("tests/fixtures/config/good.toml");
    assert_eq!(problems(&config, &good), Vec::<String>::new());
}

/// Fixtures `tipline check` refuses, and whether the schema can see why.
/// What it cannot: references to other records (an unknown source, actor
/// or event), a duplicate id, a day off the calendar, an end before the
/// start; rules across fields (a written corroboration, figures' sources).
const INVALID: &[(&str, bool)] = &[
    ("empty_quote.toml", true),
    ("empty_title.toml", true),
    ("malformed_date.toml", true),
    ("no_source.toml", true),
    ("unknown_field.toml", true),
    ("unknown_kind.toml", true),
    ("wrong_type.toml", true),
    ("many_errors.toml", true),
    ("header_in_array.toml", true),
    ("claims_errors.toml", true),
    ("not_acting_errors.toml", true), // a blank or missing `why`, an unknown field
    ("glossary_errors.toml", true),   // an empty quote, a term with no sources
    ("syntax.toml", true),            // not TOML at all
    ("published_from_errors.toml", true), // no `published`, an unknown word
    ("impossible_date.toml", false),
    ("duplicate_id.toml", false),
    ("unknown_reference.toml", false),
    ("end_before_start.toml", false),
];

#[test]
fn the_schema_rejects_most_invalid_fixtures() {
    let data = validator(&tipline::load::schema::data_json());
    let mut caught = 0;
    for (name, expected) in INVALID {
        let path = Path::new(ROOT).join("tests/fixtures").join(name);
        let check = assert_cmd::Command::cargo_bin("tipline")
            .unwrap()
            .args(["check", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(!check.status.success(), "{name}: check accepts it");
        let rejected = !problems(&data, &path).is_empty();
        assert_eq!(rejected, *expected, "{name}: {:?}", problems(&data, &path));
        caught += usize::from(rejected);
    }
    assert!(caught * 3 >= INVALID.len() * 2, "{caught} of {}", INVALID.len());
    let lesson = validator(&tipline::load::schema::lesson_json());
    let broken = Path::new(ROOT).join("tests/fixtures/lessons/bad/broken.toml");
    assert!(!problems(&lesson, &broken).is_empty());
    let config = validator(&tipline::load::schema::config_json());
    let bad = Path::new(ROOT).join("tests/fixtures/config/bad.toml");
    let p = problems(&config, &bad);
    assert!(p.iter().any(|e| e.starts_with("/theme")), "{p:?}");
    assert!(p.iter().any(|e| e.starts_with("/mouse")), "{p:?}");
}

#[test]
fn the_schema_names_what_the_app_knows() {
    // Lesson parts and themes are written in the schema module; they must
    // be the ones the lesson reader and the app accept.
    assert_eq!(tipline::load::schema::REVEAL_PARTS, tipline::teach::lesson::PARTS);
    for name in tipline::load::schema::THEMES {
        assert!(tipline::app::theme::ThemeName::parse(name).is_some(), "{name}");
    }
}

#[test]
fn single_rules_are_caught() {
    let data = validator(&tipline::load::schema::data_json());
    let base = r#"
[[sources]]
id = "s"
publisher = "P"
title = "T"
[[events]]
id = "e"
date = "2020"
title = "T"
kind = "law"
summary = "S"
[[events.sources]]
source = "s"
quote = "q"
"#;
    let ok: Value = toml::from_str(base).unwrap();
    assert!(data.is_valid(&ok));
    for (from, to) in [
        (
            "title = \"T\"\n[[events]]",
            "label = \"L\"\ntitle = \"T\"\n[[events]]",
        ), // both
        ("title = \"T\"\n[[events]]", "[[events]]"), // neither
        ("date = \"2020\"", "date = \"2020-13\""),
        ("date = \"2020\"", "date = \"[2020-01-01]\""),
        ("kind = \"law\"", "kind = \"lwa\""),
        ("id = \"e\"", "id = \"E\""),
        ("publisher = \"P\"", "publisher = \"P\"\nurl = \"example.org/x\""),
        (
            "kind = \"law\"",
            "kind = \"law\"\nnot_acting = [{ actor = \"a\", why = \" \" }]",
        ),
        (
            "kind = \"law\"",
            "kind = \"law\"\nnot_acting = [{ actor = \"a\" }]",
        ),
    ] {
        let text = base.replacen(from, to, 1);
        assert_ne!(text, base);
        let doc: Value = toml::from_str(&text).unwrap();
        assert!(!data.is_valid(&doc), "{to}");
    }
    for (from, to) in [
        ("date = \"2020\"", "date = \"2020-12-01~\""),
        (
            "date = \"2020\"",
            "date = \"[2020-01-01,2020-01-02]\"\nend = \"..\"",
        ),
        ("title = \"T\"\n[[events]]", "label = \"L\"\n[[events]]"),
        (
            "kind = \"law\"",
            "kind = \"law\"\nnot_acting = [{ actor = \"a\", why = \"named as the sender\" }]",
        ),
    ] {
        let doc: Value = toml::from_str(&base.replacen(from, to, 1)).unwrap();
        assert!(data.is_valid(&doc), "{to}");
    }
}
