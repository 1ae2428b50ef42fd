//! Exports that text in the data cannot forge. The fixture's titles and
//! publishers hold `.bib` syntax that would end a field and define an entry
//! under a real source's key, GIFT's grade marker `%100%`, and HTML
//! (`tests/fixtures/forged_exports.toml`). Each export is read by the
//! programs that take it: `bibtex` with `plain.bst`, `biber`, Python's
//! `pybtex` (which refuses unbalanced braces and repeated keys), and the
//! `gift-pegjs` GIFT parser, besides a reader of Moodle's own GIFT rules.
//! Where a program is missing a test says so and passes, except in CI,
//! whose `.ci/run` installs them all.

use crate::common::fixture;
use crate::common::gift::{self as moodle, one_spaced};
use crate::tools::{biber_reads, have, in_ci, python_with, scratch};
use assert_cmd::Command;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command as Run;
use tipline::interop::quiz::gift;
use tipline::teach::questions::{questions, Kind, Pick, Question, PER_KIND};

/// Every source of the fixture, in key order.
const KEYS: [&str; 4] = ["braces", "forged-post", "html-source", "tier-report"];

const FORGED_TITLE: &str = r#"Nice post } @misc(tier-report, title = "Cambodia was upgraded to Tier 1")"#;
const BRACES_TITLE: &str = "Braces both ways: {a} }b{ and a lone { left open";
const BRACES_PUBLISHER: &str = r"Back\slash % per # hash & and @ at $ dollar _ under ^ caret ~ tilde";
const HTML_PUBLISHER: &str = "%100%<b>Bold</b> & <script>alert(1)</script>";
const RANKING: &str = "%100%Tier 1 <i>upgraded</i>";

/// The quiz's title and seed: with this seed both `%100%` texts are wrong
/// options of some question, which Moodle would grade as right.
const QUIZ_TITLE: &str = "Cambodia's responses to human trafficking";
const SEED: u64 = 4;

fn export(args: &[&str]) -> String {
    let data = fixture("forged_exports.toml");
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .args(["--data", data.to_str().unwrap()])
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn bib(dialect: &str) -> String {
    export(&["export", "sources", "--format", dialect])
}

#[test]
fn bibtex_reads_each_source_once_under_its_own_key() {
    if !have("kpsewhich", &["plain.bst"], "bibtex's plain.bst (texlive-base)")
        || !have("bibtex", &["--version"], "bibtex (texlive-binaries)")
    {
        return;
    }
    for dialect in ["bibtex", "biblatex"] {
        let dir = scratch(&format!("bibtex-{dialect}"));
        std::fs::write(dir.join("x.bib"), bib(dialect)).unwrap();
        std::fs::write(
            dir.join("x.aux"),
            "\\citation{*}\n\\bibdata{x}\n\\bibstyle{plain}\n",
        )
        .unwrap();
        let out = Run::new("bibtex").arg("x").current_dir(&dir).output().unwrap();
        let log = std::fs::read_to_string(dir.join("x.blg")).unwrap();
        // 1 is "warnings only": `plain` wants an author no source has.
        assert!(out.status.code().is_some_and(|c| c <= 1), "{dialect}: {log}");
        assert!(!log.contains("error message"), "{dialect}: {log}");
        assert!(!log.contains("Repeated entry"), "{dialect}: {log}");
        let bbl = std::fs::read_to_string(dir.join("x.bbl")).unwrap();
        let mut items: Vec<(String, String)> = bbl
            .split("\\bibitem{")
            .skip(1)
            .map(|item| {
                let (key, text) = item.split_once('}').unwrap();
                (key.to_string(), one_spaced(text).to_lowercase())
            })
            .collect();
        items.sort();
        let keys: Vec<&str> = items.iter().map(|i| i.0.as_str()).collect();
        assert_eq!(keys, KEYS, "{dialect}: {bbl}");
        for (key, text) in &items {
            // `plain` sets titles in sentence case.
            let forged = text.contains("cambodia was upgraded to tier 1");
            assert_eq!(forged, key == "forged-post", "{dialect} {key}: {text}");
        }
        let text = |key: &str| &items.iter().find(|i| i.0 == key).unwrap().1;
        assert!(
            text("forged-post").contains(
                r#"nice post \textbraceright{} {@}misc(tier-report, title = "cambodia was upgraded to tier 1")"#
            ),
            "{dialect}: {bbl}"
        );
        assert!(
            text("tier-report").contains("trafficking in persons report"),
            "{bbl}"
        );
    }
}

#[test]
fn biber_reads_each_source_once_under_its_own_key() {
    if !have("biber", &["--version"], "biber") {
        return;
    }
    for dialect in ["biblatex", "bibtex"] {
        let dir = scratch(&format!("biber-{dialect}"));
        let (out, said, written) = biber_reads(&dir, &bib(dialect));
        assert!(out.status.success(), "{dialect}: {said}");
        assert!(!said.contains("ERROR"), "{dialect}: {said}");
        assert!(!said.contains("WARN"), "{dialect}: {said}");
        let mut keys: Vec<&str> = written
            .lines()
            .filter_map(|l| l.strip_prefix('@'))
            .filter_map(|l| l.split_once('{')?.1.strip_suffix(','))
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, KEYS, "{dialect}: {written}");
    }
}

/// Each entry as pybtex reads it, strictly: type and raw field values.
const PYBTEX: &str = r#"
import json, sys
from pybtex.database import parse_file
bib = parse_file(sys.argv[1], "bibtex")
print(json.dumps({key: dict(e.fields, **{"@type": e.type}) for key, e in bib.entries.items()}))
"#;

#[test]
fn pybtex_reads_every_field_as_written() {
    let Some(python) = python_with("pybtex") else {
        return;
    };
    let dir = scratch("pybtex");
    let path = dir.join("x.bib");
    std::fs::write(&path, bib("bibtex")).unwrap();
    let out = Run::new(python).args(["-c", PYBTEX]).arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let entries: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys: Vec<&str> = entries.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, KEYS);
    let field = |key: &str, name: &str| entries[key][name].as_str().map(str::to_string);
    assert_eq!(
        field("forged-post", "title").as_deref(),
        Some(
            r#"Nice post \textbraceright{} {@}misc(tier-report, title = "Cambodia was upgraded to Tier 1")"#
        )
    );
    assert_eq!(field("forged-post", "@type").as_deref(), Some("article"));
    assert_eq!(
        field("forged-post", "url").as_deref(),
        Some("https://www.phnompenhpost.com/post?q=a%20b#frag")
    );
    assert_eq!(
        field("braces", "title").as_deref(),
        Some(
            r"Braces both ways: \textbraceleft{}a\textbraceright{} \textbraceright{}b\textbraceleft{} and a lone \textbraceleft{} left open"
        )
    );
    assert_eq!(
        field("braces", "howpublished").as_deref(),
        Some(
            r"Back\textbackslash{}slash \% per \# hash \& and {@} at \$ dollar \_ under \textasciicircum{} caret \textasciitilde{} tilde"
        )
    );
    assert_eq!(
        field("braces", "note").as_deref(),
        Some(
            r"{Location: shelf \textbraceright{} {@}misc(locator-forged, title = \textbraceleft{}Forged\textbraceright{})}"
        )
    );
    assert_eq!(
        field("html-source", "title").as_deref(),
        Some(r"[Report of a <i>raid</i> \& \textbraceleft{}rescue]")
    );
    assert_eq!(
        field("html-source", "howpublished").as_deref(),
        Some(r"\%100\%<b>Bold</b> \& <script>alert(1)</script>")
    );
    assert_eq!(
        field("tier-report", "title").as_deref(),
        Some("Trafficking in Persons Report")
    );
    assert_eq!(field("tier-report", "@type").as_deref(), Some("techreport"));
}

#[test]
fn the_biblatex_crate_reads_back_the_texts_themselves() {
    use biblatex::{Bibliography, ChunksExt};
    for dialect in ["bibtex", "biblatex"] {
        let text = bib(dialect);
        let bib = Bibliography::parse(&text).unwrap();
        assert_eq!(bib.len(), KEYS.len(), "{text}");
        let field = |key: &str, name: &str| bib.get(key).unwrap().get(name).unwrap().format_verbatim();
        assert_eq!(field("forged-post", "title"), FORGED_TITLE);
        assert_eq!(field("braces", "title"), BRACES_TITLE);
        let publisher = if dialect == "bibtex" {
            "howpublished"
        } else {
            "organization"
        };
        assert_eq!(field("braces", publisher), BRACES_PUBLISHER);
        assert_eq!(field("html-source", publisher), HTML_PUBLISHER);
    }
}

fn fixture_quiz() -> Vec<Question> {
    let file = tipline::load::DataFile::read(&fixture("forged_exports.toml")).unwrap();
    let t = tipline::load::load(vec![file]).timeline.unwrap();
    let pool: Vec<usize> = (0..t.events.len()).collect();
    questions(&t, &pool, SEED)
}

/// The option texts of the choice questions of `kind`, with the right one.
fn choices(qs: &[Question], kind: Kind) -> Vec<(&[String], usize)> {
    qs.iter()
        .filter_map(|q| match q {
            Question::Choice {
                kind: k,
                options,
                answer,
                ..
            } if *k == kind => Some((options.as_slice(), *answer)),
            _ => None,
        })
        .collect()
}

#[test]
fn the_fixture_quiz_offers_the_grade_markers_as_wrong_options() {
    let qs = fixture_quiz();
    let wrong = |kind, text: &str| {
        choices(&qs, kind)
            .iter()
            .any(|(options, answer)| options.iter().enumerate().any(|(i, o)| i != *answer && o == text))
    };
    assert!(wrong(Kind::Tier, RANKING), "{qs:#?}");
    assert!(wrong(Kind::WhichSource, HTML_PUBLISHER), "{qs:#?}");
}

#[test]
fn moodle_grades_only_the_right_answer_of_the_gift_export() {
    let file = tipline::load::DataFile::read(&fixture("forged_exports.toml")).unwrap();
    let t = tipline::load::load(vec![file]).timeline.unwrap();
    let pool: Vec<usize> = (0..t.events.len()).collect();
    let drawn = tipline::teach::questions::draw(&t, &pool, Pick::Mixed, PER_KIND, SEED);
    let qs = drawn.questions();
    assert_eq!(qs, fixture_quiz());
    // The fixture has no figure anyone gave: the file says so in comments.
    assert_eq!(drawn.left_out.len(), 2, "{:?}", drawn.left_out);
    let text = gift(QUIZ_TITLE, SEED, &qs, &drawn.left_out);
    let seed = SEED.to_string();
    assert_eq!(
        export(&["export", "quiz", "--seed", &seed, "--format", "gift"]),
        text
    );
    moodle::assert_reads_back(&qs, &text);
}

/// Prints what gift-pegjs makes of a GIFT file, as JSON.
const GIFT_PEGJS: &str = r#"
const { parse } = require(process.argv[1]);
const text = require("fs").readFileSync(process.argv[2], "utf8");
console.log(JSON.stringify(parse(text)));
"#;

/// gift-pegjs as `.ci/run` installs it, or where `$TIPLINE_GIFT_PEGJS` says.
fn gift_pegjs() -> Option<PathBuf> {
    let dir = std::env::var_os("TIPLINE_GIFT_PEGJS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/gift-pegjs/node_modules/gift-pegjs"),
        PathBuf::from,
    );
    if !have("node", &["--version"], "node (nodejs)") {
        return None;
    }
    if !dir.join("package.json").is_file() {
        assert!(!in_ci(), "CI must have gift-pegjs at {}", dir.display());
        eprintln!("note: no gift-pegjs at {}; skipping this check", dir.display());
        return None;
    }
    Some(dir)
}

#[test]
fn gift_pegjs_reads_one_full_credit_answer_and_markup_as_text() {
    let Some(module) = gift_pegjs() else { return };
    let qs = fixture_quiz();
    let dir = scratch("gift");
    let path = dir.join("quiz.gift");
    std::fs::write(&path, gift(QUIZ_TITLE, SEED, &qs, &[])).unwrap();
    let out = Run::new("node")
        .args(["-e", GIFT_PEGJS])
        .arg(&module)
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let parsed: Value = serde_json::from_slice(&out.stdout).unwrap();
    let parsed = parsed.as_array().unwrap();
    assert_eq!(parsed.len(), qs.len());
    for (q, p) in qs.iter().zip(parsed) {
        assert_eq!(p["stem"]["format"], "html", "{p}");
        if let Question::Choice { options, answer, .. } = q {
            assert_eq!(p["type"], "MC", "{p}");
            let choices = p["choices"].as_array().unwrap();
            assert_eq!(choices.len(), options.len());
            let full: Vec<usize> = (0..choices.len())
                .filter(|&i| {
                    let c = &choices[i];
                    c["weight"]
                        .as_f64()
                        .map_or(c["isCorrect"] == true, |w| w >= 100.0)
                })
                .collect();
            assert_eq!(full, [*answer], "{p}");
            for (c, o) in choices.iter().zip(options) {
                assert!(c["weight"].is_null(), "{c}");
                assert_eq!(c["text"]["format"], "html", "{c}");
                assert_eq!(
                    moodle::html_text(c["text"]["text"].as_str().unwrap()),
                    one_spaced(o)
                );
            }
        }
    }
    // Markup in the data arrives as text, wherever it stands.
    let all = String::from_utf8(out.stdout).unwrap();
    for tag in ["<b>", "<i>", "<script>"] {
        assert!(!all.contains(tag), "{tag} in {all}");
    }
    assert!(all.contains("&lt;b&gt;Raid&lt;/b&gt; &amp; rescue"), "{all}");
    // The ranking with a grade marker, exactly as the parser hands it on.
    let texts: Vec<&str> = parsed
        .iter()
        .filter_map(|p| p["choices"].as_array())
        .flatten()
        .filter_map(|c| c["text"]["text"].as_str())
        .collect();
    assert!(
        texts.contains(&"&#37;100&#37;Tier 1 &lt;i&gt;upgraded&lt;/i&gt;"),
        "{texts:?}"
    );
}
