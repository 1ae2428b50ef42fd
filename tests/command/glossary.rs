//! The glossary: terms read and checked like events, found in text, listed
//! and shown by `tipline glossary`, and written into handouts.

use std::path::Path;
use tipline::load::diag::Severity;
use tipline::load::{load, DataFile};
use tipline::Timeline;

fn fixture_path(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> DataFile {
    let mut file = DataFile::read(Path::new(&fixture_path(name))).expect("fixture is readable");
    file.name = name.to_string();
    file
}

fn glossary_timeline() -> Timeline {
    let loaded = load(vec![fixture("glossary.toml")]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.timeline.unwrap()
}

#[test]
fn terms_load_with_their_sources_and_cross_references() {
    let t = glossary_timeline();
    let ids: Vec<&str> = t.terms().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["tip-report", "watch-list", "ncct", "commit"]);
    let tip = t.term("tip-report").unwrap();
    assert_eq!(tip.name, "Trafficking in Persons Report");
    assert_eq!(tip.short.as_deref(), Some("TIP report"));
    assert_eq!(tip.aliases, ["Trafficking in Persons Reports", "TIP reports"]);
    assert_eq!(tip.see, ["watch-list"]);
    assert_eq!(tip.sources.len(), 1);
    assert_eq!(
        (tip.sources[0].source.as_str(), tip.sources[0].quote.as_str()),
        ("report", "the annual report")
    );
    assert_eq!(
        tip.first_sentence(),
        "An annual report that ranks governments on tiers."
    );
}

#[test]
fn an_events_terms_come_from_its_title_summary_details_and_ranking() {
    let t = glossary_timeline();
    let names = |id: &str| -> Vec<String> {
        t.terms_of(t.event(id).unwrap())
            .iter()
            .map(|t| t.id.clone())
            .collect()
    };
    assert_eq!(names("watch-list-2019"), ["watch-list", "tip-report"]);
    // "committed" is no mention of COMMIT, nor is a quote a mention at all.
    assert_eq!(names("committee-meets-2020"), ["ncct"]);
}

#[test]
fn term_errors_have_positions() {
    let found: Vec<(usize, usize, String)> = load(vec![fixture("glossary_errors.toml")])
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.line, d.column, d.message))
        .collect();
    let expected: Vec<(usize, usize, String)> = vec![
        (20, 8, "unknown term `tier-2`".into()),
        (22, 10, "unknown source `no-such-source`".into()),
        (26, 6, "duplicate term id `tier-3`".into()),
        (31, 9, "`quote` is empty".into()),
        (33, 1, "term has no source".into()),
        (37, 8, "term `watch-list` lists itself in `see`".into()),
    ];
    assert_eq!(found, expected);
}

#[test]
fn hostile_text_in_terms_is_made_safe_as_it_is_read() {
    let text = "[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n\n[[terms]]\nid = \"x\"\nname = \"X\\u001b[2J\"\naliases = [\"Y\\u0007\"]\ndefinition = \"Clears\\u001b]0;pwned\\u0007 the screen.\"\n[[terms.sources]]\nsource = \"s\"\nquote = \"q\\u009b\"\n";
    let loaded = load(vec![DataFile {
        name: "hostile.toml".into(),
        text: text.into(),
    }]);
    let t = loaded
        .timeline
        .unwrap_or_else(|| panic!("{:?}", loaded.diagnostics));
    let term = t.term("x").unwrap();
    for s in [
        &term.name,
        &term.aliases[0],
        &term.definition,
        &term.sources[0].quote,
    ] {
        assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
    }
}

#[test]
fn terms_survive_writing_and_reading() {
    let original = glossary_timeline();
    let text = tipline::load::write::timeline(&original);
    let loaded = load(vec![DataFile {
        name: "written.toml".into(),
        text: text.clone(),
    }]);
    let back = loaded
        .timeline
        .unwrap_or_else(|| panic!("{:?}\n{text}", loaded.diagnostics));
    assert_eq!(back.terms(), original.terms());
}

fn tipline() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("tipline").unwrap()
}

fn run(args: &[&str]) -> (i32, String, String) {
    let data = fixture_path("glossary.toml");
    let out = tipline().arg("--data").arg(&data).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn glossary_lists_every_term_with_its_first_sentence() {
    let (code, out, err) = run(&["glossary"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "Trafficking in Persons Report (TIP report) — An annual report that ranks governments on tiers.\n  tip-report\n\
         Tier 2 Watch List — A warning placement one step above the lowest tier.\n  watch-list\n\
         National Committee for Counter Trafficking (NCCT) — The country's national anti-trafficking committee.\n  ncct\n\
         Coordinated Mekong Ministerial Initiative against Trafficking (COMMIT) — A regional process of six governments.\n  commit\n\
         4 term(s); `tipline glossary TERM` shows one\n"
    );
}

#[test]
fn glossary_shows_a_term_by_id_name_or_alias_with_sources_and_see_also() {
    let expected = "Trafficking in Persons Report (TIP report)\n\n  Id:       tip-report\n  Also:     Trafficking in Persons Reports; TIP reports\n\n\
        An annual report that ranks governments on tiers. It is used in talks with them.\n\n\
        Sources\n  [1] “the annual report”\n      — Example Office, Annual report\n      https://example.org/report\n\n\
        See also\n  watch-list — Tier 2 Watch List\n";
    for name in ["tip-report", "TIP Report", "trafficking in persons reports"] {
        let (code, out, err) = run(&["glossary", name]);
        assert_eq!((code, out.as_str(), err.as_str()), (0, expected, ""), "{name}");
    }
    let (_, out, _) = run(&["glossary", "ncct"]);
    assert!(out.contains("  [1] “the NCCT, which is chaired by the minister”\n      — Example Paper, [A news story about the committee]\n"), "{out}");
}

#[test]
fn glossary_json_carries_quotes_publishers_and_addresses() {
    let (code, out, _) = run(&["glossary", "watch list", "--format", "json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["id"], "watch-list");
    assert_eq!(v["short"], serde_json::Value::Null);
    assert_eq!(v["see"], serde_json::json!(["tip-report"]));
    assert_eq!(v["sources"][0]["quote"], "placed on the Watch List");
    assert_eq!(v["sources"][0]["publisher"], "Example Office");
    assert_eq!(v["sources"][0]["url"], "https://example.org/report");
    let (_, all, _) = run(&["glossary", "--format", "json"]);
    let list: serde_json::Value = serde_json::from_str(&all).unwrap();
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["tip-report", "watch-list", "ncct", "commit"]);
}

#[test]
fn an_unknown_term_is_a_usage_error_with_a_suggestion() {
    let (code, out, err) = run(&["glossary", "NCTT"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "tipline: no glossary term `NCTT` (did you mean `ncct`?); `tipline glossary` lists them\n"
    );
    let (code, _, err) = run(&["glossary", "\u{1b}[2Jnothing"]);
    assert_eq!(code, 2);
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn show_ends_with_the_terms_an_event_names() {
    let (code, out, _) = run(&["show", "watch-list-2019"]);
    assert_eq!(code, 0);
    assert!(
        out.ends_with("\nTerms: Tier 2 Watch List, TIP report (see `tipline glossary`)\n"),
        "{out}"
    );
    let (_, out, _) = run(&["show", "committee-meets-2020"]);
    assert!(out.ends_with("\nTerms: NCCT (see `tipline glossary`)\n"), "{out}");
}

fn fixture_lesson(t: &Timeline) -> tipline::teach::lesson::Lesson {
    use tipline::teach::lesson;
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/glossary");
    let (mut lessons, problems) = lesson::load(&lesson::files(Some(&dir)).unwrap(), t);
    assert!(problems.is_empty(), "{problems:?}");
    lessons.remove(0)
}

#[test]
fn a_lesson_handout_defines_the_terms_its_text_uses() {
    use tipline::interop::handout::{self, Document};
    let t = glossary_timeline();
    let lesson = fixture_lesson(&t);
    let doc = Document::lesson(&lesson, &t, false);
    let names: Vec<&str> = doc.terms.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(
        names,
        ["watch-list", "tip-report", "ncct"],
        "COMMIT is not in `committed`"
    );
    let md = handout::markdown(&doc, &t);
    let glossary = &md[md.find("## Glossary").unwrap()..];
    assert_eq!(
        glossary,
        "## Glossary\n\n\
         **Tier 2 Watch List:** A warning placement one step above the lowest tier. [1]\n\n\
         **Trafficking in Persons Report (TIP report):** An annual report that ranks governments on tiers. It is used in talks with them. [1]\n\n\
         **National Committee for Counter Trafficking (NCCT):** The country's national anti-trafficking committee. [2]\n\n\
         ## Sources\n\n\
         1. Example Office, *Annual report*. <https://example.org/report>\n\
         2. Example Paper, \\[A news story about the committee\\]\n"
    );
    let html = handout::html(&doc, &t);
    assert!(html.contains(
        "<h2>Glossary</h2>\n<dl>\n<dt>Tier 2 Watch List</dt><dd>A warning placement one step above the lowest tier. <a href=\"#source-1\">[1]</a></dd>\n"
    ), "{html}");
    assert!(
        html.contains("<p>What a &lt;placement&gt; on the Watch List means.</p>"),
        "{html}"
    );
}

#[test]
fn glossary_text_in_a_handout_is_escaped() {
    use tipline::interop::handout::{self, Document};
    let mut text = std::fs::read_to_string(fixture_path("glossary.toml")).unwrap();
    text = text.replace(
        "A warning placement one step above the lowest tier.",
        "A <script>x</script> *warning* placement.",
    );
    let t = load(vec![DataFile {
        name: "g.toml".into(),
        text,
    }])
    .timeline
    .unwrap();
    let lesson = fixture_lesson(&t);
    let doc = Document::lesson(&lesson, &t, false);
    let html = handout::html(&doc, &t);
    assert!(
        html.contains("<dd>A &lt;script&gt;x&lt;/script&gt; *warning* placement."),
        "{html}"
    );
    let md = handout::markdown(&doc, &t);
    assert!(
        md.contains("**Tier 2 Watch List:** A \\<script\\>x\\</script\\> \\*warning\\* placement."),
        "{md}"
    );
}
