//! Lessons: read, checked with positions, listed, previewed, and written as
//! handouts (golden files), on the fixture world and its lessons.

use assert_cmd::Command;
use tipline::interop::handout::{self, Document};
use tipline::teach::lesson;

/// The binary on the fixture world and its lessons.
fn tipline() -> Command {
    let mut cmd = Command::cargo_bin("tipline").unwrap();
    cmd.args([
        "--data",
        crate::common::WORLD,
        "--lessons",
        crate::common::WORLD_LESSONS,
    ]);
    cmd
}

fn world_lessons() -> (tipline::Timeline, Vec<lesson::Lesson>) {
    let t = crate::common::world();
    let (lessons, problems) = lesson::load(&crate::common::world_lesson_files(), &t);
    assert!(problems.is_empty(), "{problems:?}");
    (t, lessons)
}

#[test]
fn lessons_are_listed_with_their_stops_and_minutes() {
    let out = tipline().arg("lessons").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains(
        "reading-2022-figures\n  Reading official figures: the 2022 crackdown\n  5 stops · 60 minutes"
    ));
    assert!(text.ends_with("4 lesson(s)\n"), "{text}");
}

#[test]
fn check_reports_lesson_problems_with_positions() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lessons/bad");
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .args(["--data", crate::common::WORLD, "check", "--lessons", dir])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    for expected in [
        "broken.toml:3:1: error: unknown field `audeince` in lesson",
        "help: did you mean `audience`?",
        "broken.toml:6:9: error: unknown event `national-day-2030`",
        "broken.toml:10:9: error: `query`: column 6: unknown kind `lwa`",
        "broken.toml:16:19: error: unknown part `quotes`",
        "broken.toml:19:9: error: a stop names either an `event` or a `query`, not both",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .contains("checked 1 lesson(s): 5 error(s)"));
    let clean = tipline().arg("check").output().unwrap();
    assert!(String::from_utf8(clean.stdout)
        .unwrap()
        .contains("checked 4 lesson(s): 0 error(s)"));
}

#[test]
fn escapes_in_lesson_prompts_are_neutralised() {
    let t = crate::common::world();
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/lessons/bad"));
    let (lessons, _) = lesson::load(&lesson::files(Some(dir)).unwrap(), &t);
    let prompt = &lessons[0].stops.last().unwrap().prompt;
    assert_eq!(prompt, "Escape ^[]0;pwned^G in a prompt");
}

#[test]
fn handout_markdown_golden() {
    let (t, lessons) = world_lessons();
    let doc = Document::lesson(&lessons[1], &t, false);
    let text = handout::markdown(&doc, &t);
    assert!(!text.contains("Teacher's notes"), "notes only when asked for");
    insta::assert_snapshot!("handout_reading_2022_figures_md", text);
}

#[test]
fn handout_html_with_notes_golden() {
    let (t, lessons) = world_lessons();
    let doc = Document::lesson(&lessons[0], &t, true);
    let text = handout::html(&doc, &t);
    assert!(text.contains("Teacher's notes:"));
    assert!(
        !text.contains("<script") && !text.contains("<link"),
        "one self-contained file"
    );
    assert!(text.contains("@media print"));
    insta::assert_snapshot!("handout_from_law_to_digital_era_html", text);
}

#[test]
fn filtered_exports_carry_a_bibliography() {
    let out = tipline()
        .args(["export", "kind:ranking", "--format", "html"])
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("<h2>Sources</h2>"));
    // One section for each of the world's 12 rankings.
    assert_eq!(html.matches("<section>").count(), 12);
    let out = tipline()
        .args(["export", "kind:law", "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("## Sources\n\n1. "), "{md}");
    assert!(md.contains("[1]"));
    let out = tipline()
        .args([
            "export",
            "handout",
            "from-law-to-digital-era",
            "--format",
            "html",
            "--with-notes",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = tipline()
        .args(["export", "handout", "no-such-lesson"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn lessons_show_previews_stops_parts_and_notes() {
    let out = tipline()
        .args(["lessons", "show", "from-law-to-digital-era"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with("From the 2008 law to the digital era\n"),
        "{text}"
    );
    // The query stop is called by its title and reveals nothing one by one.
    assert!(
        text.contains("\n4. The US reports year by year: Cambodia's tier\n   "),
        "{text}"
    );
    assert!(
        text.contains("events at once\n   question: How did the US ranking change"),
        "{text}"
    );
    // Stop 5 reveals what the lesson file names, in its order.
    assert!(text.contains("   reveals: date, quote, facts\n"), "{text}");
    assert!(
        text.contains("   notes: Compare with Sar Kheng's 2022 list"),
        "{text}"
    );
    let out = tipline()
        .args(["lessons", "show", "no-such-lesson"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("no lesson `no-such-lesson`"));
}

#[test]
fn a_stop_title_is_read_and_checked_as_a_line() {
    let t = crate::common::world();
    let file = tipline::load::DataFile {
        name: "t.toml".into(),
        text: "title = \"T\"\nsummary = \"S\"\n[[stops]]\nquery = \"kind:ranking\"\ntitle = \"Tiers\"\nprompt = \"Q\"\n[[stops]]\nquery = \"kind:ranking\"\ntitle = 3\nprompt = \"Q\"\n".into(),
    };
    let (lessons, problems) = lesson::load(&[file], &t);
    assert_eq!(lessons[0].stops[0].title.as_deref(), Some("Tiers"));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].to_string().contains("title"), "{}", problems[0]);
}

/// Figures of unlike things are numbers in a handout, each with its unit
/// whole, and where sources disagree every value carries the unit.
#[test]
fn handouts_give_unlike_figures_as_numbers_with_their_units() {
    let data = crate::common::fixture("unlike_figures.toml");
    let lessons = crate::common::fixture("unlike-figures-lessons");
    let handout = |format: &str| {
        let out = Command::cargo_bin("tipline")
            .unwrap()
            .arg("--data")
            .arg(&data)
            .arg("--lessons")
            .arg(&lessons)
            .args(["export", "handout", "unlike-figures", "--format", format])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let md = handout("markdown");
    for row in [
        "| trafficking complaints | 368 | Aug - Sep 2022 | reported by The Post, The Wire |",
        "| trafficking complaints | 92 | Jul 2022 | reported by The Post, The Wire |",
        "| suspects arrested and sent to court | 41 people of three nationalities held in two provinces |  | reported by The Post, The Wire |",
        "| victims rescued | 361 people (The Post) or 300 people (The Wire) |  |  |",
        "| complaints found valid | 95 per cent |  | reported by The Post, The Wire |",
    ] {
        assert!(md.contains(&format!("\n{row}\n")), "{row} in\n{md}");
    }
    let html = handout("html");
    for cell in [
        "<td>41 people of three nationalities held in two provinces</td>",
        "<td>361 people (The Post) or 300 people (The Wire)</td>",
        "<td>95 per cent</td>",
    ] {
        assert!(html.contains(cell), "{cell} in\n{html}");
    }
    for text in [&md, &html] {
        assert!(!text.contains('█') && !text.contains('░'), "no bars: {text}");
    }
}
