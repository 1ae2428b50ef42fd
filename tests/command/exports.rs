//! Exports read by other programs: a browser (TimelineJS, HTML), a Markdown
//! renderer, a spreadsheet. Data text must reach each as text, never as
//! markup, script or a formula; and no export may overwrite what it reads.

use assert_cmd::Command;
use scraper::{Html, Selector};
use serde_json::Value;

fn tipline() -> Command {
    Command::cargo_bin("tipline").unwrap()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

const HOSTILE: &str = "hostile_exports.toml";

fn run(args: &[&str]) -> String {
    let out = tipline().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn export(format: &str) -> String {
    run(&["export", "--data", &fixture(HOSTILE), "--format", format])
}

/// Every element in a fragment of HTML as a browser parses it: its name and
/// its attributes.
fn elements(fragment: &str) -> Vec<(String, Vec<(String, String)>)> {
    let doc = Html::parse_fragment(fragment);
    let all = Selector::parse("*").unwrap();
    doc.select(&all)
        .filter(|e| e.value().name() != "html")
        .map(|e| {
            let attrs = e
                .value()
                .attrs()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
            (e.value().name().to_string(), attrs)
        })
        .collect()
}

fn text_of(fragment: &str) -> String {
    Html::parse_fragment(fragment).root_element().text().collect()
}

fn str_at<'a>(v: &'a Value, path: &[&str]) -> &'a str {
    let mut v = v;
    for p in path {
        v = &v[*p];
    }
    v.as_str().unwrap_or_else(|| panic!("{path:?} is a string"))
}

#[test]
fn timelinejs_fields_hold_no_markup_the_data_did_not_ask_for() {
    let doc: Value = serde_json::from_str(&export("timelinejs")).unwrap();
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    // Fields TimelineJS shows as HTML that tipline writes as plain text.
    let mut plain = vec![
        str_at(&doc, &["title", "text", "headline"]).to_string(),
        str_at(&doc["eras"][0], &["text", "headline"]).to_string(),
    ];
    for e in events {
        plain.push(str_at(e, &["text", "headline"]).to_string());
        if e.get("media").is_some() {
            plain.push(str_at(e, &["media", "caption"]).to_string());
            plain.push(str_at(e, &["media", "credit"]).to_string());
        }
    }
    for field in &plain {
        assert_eq!(elements(field), vec![], "no element in {field:?}");
    }
    assert_eq!(
        text_of(str_at(&events[0], &["text", "headline"])),
        "<img src=x onerror=alert(1)>"
    );
    assert_eq!(
        text_of(str_at(&doc["eras"][0], &["text", "headline"])),
        "<iframe src=javascript:alert(8)>"
    );
    // The slide text: paragraphs, quotes and links that tipline writes, and nothing else.
    let mut links = Vec::new();
    for e in events {
        let html = str_at(e, &["text", "text"]);
        for (name, attrs) in elements(html) {
            assert!(
                ["p", "ul", "li", "blockquote", "a"].contains(&name.as_str()),
                "unexpected <{name}> in {html}"
            );
            match name.as_str() {
                "a" => {
                    assert_eq!(attrs.len(), 1, "only href: {attrs:?}");
                    assert_eq!(attrs[0].0, "href");
                    links.push(attrs[0].1.clone());
                }
                _ => assert_eq!(attrs, vec![], "no attribute on <{name}>"),
            }
        }
    }
    assert_eq!(
        links,
        [
            "https://example.org/a%22onmouseover=%22alert(4)%3E%3Cb%3Ex%3C/b%3E",
            "https://example.org/ok?a=1&b=2"
        ],
        "links only to web addresses, attributes closed where they should be"
    );
    let first = str_at(&events[0], &["text", "text"]);
    assert!(
        text_of(first).contains("<img src=x onerror=alert(1)> (at javascript:alert(1))"),
        "a javascript: locator is shown as text: {first}"
    );
    // Media only for web addresses, with nothing that could end an attribute.
    assert_eq!(
        str_at(&events[0], &["media", "url"]),
        "https://example.org/a%22onmouseover=%22alert(4)%3E%3Cb%3Ex%3C/b%3E"
    );
    assert_eq!(
        str_at(&events[1], &["media", "url"]),
        "https://example.org/ok?a=1&b=2"
    );
}

#[test]
fn timelinejs_export_imports_back_as_the_same_text() {
    let json = export("timelinejs");
    let got = tipline::interop::timelinejs::import("hostile.json", &json).unwrap();
    let titles: Vec<&str> = got.events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "<img src=x onerror=alert(1)>",
            "-2+3 {#evil .cls onclick=x} $x$ ~~del~~"
        ]
    );
    assert_eq!(got.events[0].tags, ["<b>tag</b>"]);
    assert_eq!(got.eras[0].title, "<iframe src=javascript:alert(8)>");
    let media = got.sources.iter().find(|s| s.id == "media-img").unwrap();
    assert_eq!(media.title, "T' onfocus='alert(3)");
    assert_eq!(media.publisher, "Pub\" onmouseover=\"alert(2)");
}

/// The HTML CommonMark (with GitHub's and every other extension
/// pulldown-cmark knows) makes of a Markdown document.
fn rendered(markdown: &str) -> String {
    // Every extension but smart punctuation, which only changes quote marks.
    let options = pulldown_cmark::Options::all() - pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION;
    let parser = pulldown_cmark::Parser::new_ext(markdown, options);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

#[test]
fn markdown_export_renders_only_its_own_structure() {
    let md = export("markdown");
    let html = rendered(&md);
    let found = elements(&html);
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    for name in &names {
        assert!(
            ["h1", "h2", "p", "strong", "em", "blockquote", "ol", "li", "a"].contains(name),
            "unexpected <{name}> in\n{html}"
        );
    }
    assert_eq!(
        names.iter().filter(|n| **n == "h2").count(),
        3,
        "two events and Sources: {html}"
    );
    assert_eq!(names.iter().filter(|n| **n == "blockquote").count(), 3, "{html}");
    let hrefs: Vec<&str> = found
        .iter()
        .filter(|(n, _)| n == "a")
        .map(|(_, a)| {
            assert_eq!(a.len(), 1, "{a:?}");
            a[0].1.as_str()
        })
        .collect();
    assert_eq!(
        hrefs,
        [
            "https://example.org/a%22onmouseover=%22alert(4)%3E%3Cb%3Ex%3C/b%3E",
            "https://example.org/ok?a=1&b=2"
        ]
    );
    // The text is all there, as text, and the Sources list survives the fences.
    let doc = Html::parse_fragment(&html);
    let h2: Vec<String> = doc
        .select(&Selector::parse("h2").unwrap())
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(
        h2,
        [
            "<img src=x onerror=alert(1)>",
            "-2+3 {#evil .cls onclick=x} $x$ ~~del~~",
            "Sources"
        ]
    );
    let sources: Vec<String> = doc
        .select(&Selector::parse("ol > li").unwrap())
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(sources.len(), 3, "{html}");
    assert_eq!(
        sources[0],
        "<script>alert(1)</script>, <img src=x onerror=alert(1)>. At javascript:alert(1)"
    );
    let body: String = doc.root_element().text().collect();
    assert!(
        body.contains("```\nfenced?\n~~~\n<div onclick=\"alert(6)\">html block</div>"),
        "{body}"
    );
    assert!(
        body.contains("&lt;entity&gt; <https://auto.example/> [ref]"),
        "{body}"
    );
    assert!(
        body.contains("“q\n\n# not a heading” [2]") || body.contains("“q\n# not a heading” [2]"),
        "{body}"
    );
}

#[test]
fn markdown_list_is_a_table_of_text() {
    let md = run(&["list", "--data", &fixture(HOSTILE), "--format", "markdown"]);
    let html = rendered(&md);
    for (name, attrs) in elements(&html) {
        assert!(
            ["table", "thead", "tbody", "tr", "th", "td", "code", "p"].contains(&name.as_str()),
            "unexpected <{name}> in\n{html}"
        );
        assert_eq!(attrs, vec![], "no attribute on <{name}>: {html}");
    }
    let doc = Html::parse_fragment(&html);
    let cells: Vec<String> = doc
        .select(&Selector::parse("td").unwrap())
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(
        cells,
        [
            "18 Aug 2022",
            "law",
            "<img src=x onerror=alert(1)>",
            "img",
            "1 Sep 2022",
            "law",
            "-2+3 {#evil .cls onclick=x} $x$ ~~del~~",
            "formula"
        ]
    );
}

#[test]
fn csv_cells_that_spreadsheets_would_run_start_with_a_quote() {
    let text = run(&["list", "--data", &fixture(HOSTILE), "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    let img = &rows[0];
    assert_eq!(&img[0], "img");
    assert_eq!(
        &img[3], "<img src=x onerror=alert(1)>",
        "not a formula: unchanged"
    );
    assert!(img[7].starts_with("'=1+1 *emphasis*"), "{}", &img[7]);
    let formula = &rows[1];
    assert_eq!(&formula[0], "formula");
    assert_eq!(&formula[1], "2022-09-01");
    assert_eq!(&formula[3], "'-2+3 {#evil .cls onclick=x} $x$ ~~del~~");
    assert_eq!(&formula[6], "'@home");
    assert_eq!(&formula[7], "'+cmd|' /C calc'!A0");
    assert_eq!(&formula[9], "https://example.org/ok?a=1&b=2");
}

#[test]
fn query_text_reaches_markdown_and_html_sanitised() {
    // ESC, BEL and a right-to-left override inside a quoted search term.
    let query = "\"x\u{1b}[2J\u{7}\u{202e}y\"";
    for format in ["markdown", "html"] {
        let out = tipline()
            .args(["export", "--data", &fixture(HOSTILE), "--format", format, query])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "{format}: {text:?}"
        );
        let shown = match format {
            "markdown" => text_of(&rendered(&text)),
            _ => text_of(&text),
        };
        assert!(
            shown.contains("Filter: x^[[2J^G\\u{202e}y"),
            "{format}: the controls are shown as visible escapes: {shown}"
        );
    }
}

#[cfg(unix)]
fn refused(args: &[&str], kept: &std::path::Path, before: &[u8]) {
    let out = tipline().args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("will not write over"), "{err}");
    assert_eq!(
        std::fs::read(kept).unwrap(),
        before,
        "{} unchanged",
        kept.display()
    );
}

#[cfg(unix)]
#[test]
fn no_export_overwrites_a_file_it_reads_under_another_name() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = dir.join("data.toml");
    std::fs::copy(fixture(HOSTILE), &data).unwrap();
    let before = std::fs::read(&data).unwrap();
    // A hard link is the same file by another name.
    let link = dir.join("x.toml");
    std::fs::hard_link(&data, &link).unwrap();
    refused(
        &[
            "export",
            "--data",
            data.to_str().unwrap(),
            "--format",
            "json",
            "-o",
            link.to_str().unwrap(),
        ],
        &data,
        &before,
    );
    // An import onto the file it imports.
    let json = dir.join("t.json");
    std::fs::copy(fixture("timelinejs/wild.json"), &json).unwrap();
    let json_before = std::fs::read(&json).unwrap();
    let j = json.to_str().unwrap();
    refused(&["import", "timelinejs", j, "-o", j], &json, &json_before);
    // A handout onto the lesson it is made from.
    let lessons = dir.join("lessons");
    std::fs::create_dir(&lessons).unwrap();
    let lesson_src = format!(
        "{}/data/lessons/reading-2022-figures.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let lesson = lessons.join("reading-2022-figures.toml");
    std::fs::copy(&lesson_src, &lesson).unwrap();
    let lesson_before = std::fs::read(&lesson).unwrap();
    refused(
        &[
            "export",
            "handout",
            "reading-2022-figures",
            "--lessons",
            lessons.to_str().unwrap(),
            "-o",
            lesson.to_str().unwrap(),
        ],
        &lesson,
        &lesson_before,
    );
    // A new file is written as asked.
    let fresh = dir.join("handout.md");
    run(&[
        "export",
        "handout",
        "reading-2022-figures",
        "--lessons",
        lessons.to_str().unwrap(),
        "-o",
        fresh.to_str().unwrap(),
    ]);
    assert!(std::fs::read_to_string(&fresh).unwrap().starts_with("# "));
}

#[test]
fn timelinejs_quotes_are_wrapped_in_one_pair_of_marks() {
    // A quote that opens with its own quotation mark is not given a second.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let data = dir.join("quotes.toml");
    std::fs::write(
        &data,
        "[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n\n\
         [[events]]\nid = \"e\"\ndate = \"2022\"\ntitle = \"E\"\nkind = \"statement\"\nsummary = \"S\"\n\
         [[events.sources]]\nsource = \"s\"\nquote = \"\u{201c}Of the 1,122 cases\u{201d}, he said.\"\n",
    )
    .unwrap();
    let json = run(&[
        "export",
        "--data",
        data.to_str().unwrap(),
        "--format",
        "timelinejs",
    ]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let text = str_at(&v["events"][0], &["text", "text"]).to_string();
    assert!(
        text.contains(
            "<blockquote>\u{201c}\u{2018}Of the 1,122 cases\u{2019}, he said.\u{201d}</blockquote>"
        ),
        "{text}"
    );
    assert!(!text.contains("\u{201c}\u{201c}"), "{text}");
}
