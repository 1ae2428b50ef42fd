//! A BibTeX export read back by the import gives the same sources, and
//! exported again the same file: note lines whose text holds the words
//! another line starts with stay one line.

use assert_cmd::Command;

/// A label and an English title whose text looks like the note's other
/// lines, and no locator or archived copy of their own.
const DATA: &str = r#"
[[sources]]
id = "tricky-label"
publisher = "Rights Watch Cambodia"
label = "Raid notes. Location: box 4. Archived copy: https://archive.example.org/x"
published = "2019"

[[sources]]
id = "tricky-title"
publisher = "Ministry of Justice"
title = "Decree"
trans_title = "Decree. Title supplied by the compilers: none. Accessed: 2020"
url = "https://moj.example.gov.kh/decree"
accessed = "2024-05-01"

[[events]]
id = "one"
date = "2019"
title = "One"
kind = "report"
summary = "One."
[[events.sources]]
source = "tricky-label"
quote = "a quote"
[[events.sources]]
source = "tricky-title"
quote = "another"
"#;

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).unwrap()
}

fn sources(text: &str) -> Vec<toml::Table> {
    let doc: toml::Table = toml::from_str(text).unwrap();
    doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_table().unwrap().clone())
        .collect()
}

#[test]
fn bibtex_export_import_export_keeps_every_field_and_invents_none() {
    for format in ["bibtex", "biblatex"] {
        let dir = tempfile::tempdir().unwrap();
        let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
        std::fs::write(path("data.toml"), DATA).unwrap();
        run(&[
            "--data",
            &path("data.toml"),
            "export",
            "sources",
            "--format",
            format,
            "-o",
            &path("one.bib"),
        ]);
        let stderr = run(&["import", "bibtex", &path("one.bib"), "-o", &path("back.toml")]);
        assert!(!stderr.contains("not mapped"), "{format}: {stderr}");
        let before = sources(DATA);
        let after = sources(&std::fs::read_to_string(path("back.toml")).unwrap());
        assert_eq!(after, before, "{format}");
        // Again from what was read back, with the same events.
        let events = &DATA[DATA.find("[[events]]").unwrap()..];
        let back = std::fs::read_to_string(path("back.toml")).unwrap();
        std::fs::write(path("again.toml"), format!("{back}\n{events}")).unwrap();
        run(&[
            "--data",
            &path("again.toml"),
            "export",
            "sources",
            "--format",
            format,
            "-o",
            &path("two.bib"),
        ]);
        assert_eq!(
            std::fs::read_to_string(path("two.bib")).unwrap(),
            std::fs::read_to_string(path("one.bib")).unwrap(),
            "{format}"
        );
    }
}

/// The fuzz target's check, on the kinds of input it starts from.
#[test]
fn the_fuzz_check_holds_for_seed_files() {
    for text in [
        "@misc{a, title = {T}, howpublished = {P}}",
        "@string{p = {Press}}\n@book{b, title = {Whole -- part}, publisher = p, year = 2020, month = mar}",
        "@online{c, title = {[Label]}, organization = {O}, note = {{Title supplied by the compilers: Label}. {Location: box 4}}}",
        "@online{e, title = {[Label]}, organization = {O}, note = {{Title supplied by the compilers}. {Location: box 4}}}",
        "@article{d, title = {Caf\\'e {UN}}, journal = {Post}, url = {https://x.example/a%20b}, urldate = {2024-01-02}}",
    ] {
        tipline::synth::bib_round_trip(text);
    }
}
