//! What each exporter writes for sources of every kind, field by field, so
//! that a changed field name, entry type, date or note line is seen here as
//! well as by the reference tools the command tests run.

use super::*;

fn date(text: &str) -> Option<PartialDate> {
    Some(PartialDate::parse(text).expect("a valid date"))
}

/// A newspaper article dated from its address, read on a known day, with
/// an archived copy, a language and one quote.
fn article() -> Source {
    let mut s = Source::new(
        "post-2025".into(),
        "Phnom Penh Post".into(),
        "Raids continue".into(),
    );
    s.url = Some("https://www.phnompenhpost.com/national/raids".into());
    s.published = date("2025-10-14");
    s.published_from_address = true;
    s.accessed = date("2026-01-02");
    s.archive_url = Some("https://archive.example.org/raids".into());
    s.language = Some("en".into());
    s
}

/// A report whose title the compilers supplied, known to the month.
fn report() -> Source {
    let mut s = Source::new(
        "refworld-2003".into(),
        "Refworld".into(),
        "TIP report 2003".into(),
    );
    s.title_is_label = true;
    s.url = Some("https://www.refworld.org/docid/1.html".into());
    s.published = date("2003-06");
    s.trans_title = Some("Trafficking in Persons Report".into());
    s.locator = Some("Cambodia chapter".into());
    s
}

fn quote() -> QuoteNote {
    QuoteNote {
        event_id: "raids-2025".into(),
        date: "14 Oct 2025".into(),
        title: "Raids".into(),
        quote: "more than 1,000 arrested".into(),
    }
}

fn item(source: &Source, quotes: Vec<QuoteNote>) -> Item<'_> {
    Item {
        source,
        kind: ItemType::of(source),
        quotes,
    }
}

#[test]
fn a_quote_note_names_the_event_its_date_and_the_words() {
    assert_eq!(
        quote().text(),
        "Quoted for Raids (14 Oct 2025): \u{201c}more than 1,000 arrested\u{201d}"
    );
}

#[test]
fn note_lines_say_what_the_source_holds_then_each_quote() {
    let a = article();
    assert_eq!(
        item(&a, vec![quote()]).note_lines(true, true),
        [
            "Publication date read from the address",
            "Archived copy: https://archive.example.org/raids",
            "Accessed: 2026-01-02",
            "Quoted for Raids (14 Oct 2025): \u{201c}more than 1,000 arrested\u{201d}",
        ]
    );
    // The archive and the accessed date only when asked for.
    assert_eq!(
        item(&a, Vec::new()).note_lines(false, false),
        ["Publication date read from the address"]
    );
    let r = report();
    assert_eq!(
        item(&r, Vec::new()).note_lines(true, true),
        [
            "Title supplied by the compilers",
            "Title in English: Trafficking in Persons Report",
            "Location: Cambodia chapter",
        ]
    );
}

#[test]
fn a_date_from_the_address_is_noted_only_when_there_is_a_date() {
    let mut a = article();
    a.published = None;
    assert!(item(&a, Vec::new()).note_lines(false, false).is_empty());
    let mut a = article();
    a.published_from_address = false;
    assert!(item(&a, Vec::new()).note_lines(false, false).is_empty());
}

#[test]
fn gather_gives_each_cited_source_once_by_id_with_every_quote_in_view() {
    let t = crate::load::load(vec![crate::load::DataFile {
        name: "cites.toml".into(),
        text: r#"
[[sources]]
id = "zeta"
publisher = "Zeta News"
title = "Z"
[[sources]]
id = "alpha"
publisher = "Alpha Daily"
title = "A"
[[sources]]
id = "unused"
publisher = "Unused"
title = "U"

[[events]]
id = "first"
date = "2021-03-04"
title = "First"
kind = "law"
summary = "One."
[[events.sources]]
source = "zeta"
quote = "z one"

[[events]]
id = "second"
date = "2022"
title = "Second"
kind = "law"
summary = "Two."
[[events.sources]]
source = "alpha"
quote = "a two"
[[events.sources]]
source = "zeta"
quote = "z two"
"#
        .into(),
    }])
    .timeline
    .expect("the fixture loads");
    let all = gather(&t, &[0, 1, 99]);
    let ids: Vec<&str> = all.iter().map(|i| i.source.id.as_str()).collect();
    assert_eq!(ids, ["alpha", "zeta"]);
    let quotes = |i: &Item<'_>| -> Vec<(String, String, String)> {
        i.quotes
            .iter()
            .map(|q| (q.event_id.clone(), q.date.clone(), q.quote.clone()))
            .collect()
    };
    assert_eq!(
        quotes(&all[0]),
        [("second".into(), "2022".into(), "a two".into())]
    );
    assert_eq!(
        quotes(&all[1]),
        [
            ("first".into(), "4 Mar 2021".into(), "z one".into()),
            ("second".into(), "2022".into(), "z two".into()),
        ]
    );
    // Only the events in view.
    let one = gather(&t, &[1]);
    assert_eq!(one.len(), 2);
    assert_eq!(one[1].quotes.len(), 1);
}

#[test]
fn date_parts_go_as_far_as_the_date_is_known() {
    assert_eq!(date_parts(&date("2025-10-14").unwrap()), [2025, 10, 14]);
    assert_eq!(date_parts(&date("2003-06").unwrap()), [2003, 6]);
    assert_eq!(date_parts(&date("1999").unwrap()), [1999]);
}

#[test]
fn ris_dates_are_padded_slashed_and_as_long_as_known() {
    assert_eq!(ris_date(&date("2025-03-04").unwrap()), "2025/03/04");
    assert_eq!(ris_date(&date("2003-06").unwrap()), "2003/06");
    assert_eq!(ris_date(&date("0987").unwrap()), "0987");
}

#[test]
fn csl_json_puts_a_newspaper_in_its_container_and_a_report_with_its_publisher() {
    let (a, r) = (article(), report());
    let mut plain_page = Source::new("page".into(), "Someone".into(), "A page".into());
    plain_page.url = Some("https://example.org/page".into());
    let text = csl_json(&[
        item(&a, vec![quote()]),
        item(&r, Vec::new()),
        item(&plain_page, Vec::new()),
    ]);
    let v: serde_json::Value = serde_json::from_str(&text).expect("CSL-JSON is JSON");
    assert_eq!(
        v[0],
        serde_json::json!({
            "id": "post-2025",
            "type": "article-newspaper",
            "title": "Raids continue",
            "container-title": "Phnom Penh Post",
            "URL": "https://www.phnompenhpost.com/national/raids",
            "issued": { "date-parts": [[2025, 10, 14]] },
            "accessed": { "date-parts": [[2026, 1, 2]] },
            "archive_location": "https://archive.example.org/raids",
            "language": "en",
            "note": "Publication date read from the address\nQuoted for Raids (14 Oct 2025): \u{201c}more than 1,000 arrested\u{201d}",
        })
    );
    assert_eq!(
        v[1],
        serde_json::json!({
            "id": "refworld-2003",
            "type": "report",
            "title": "[TIP report 2003]",
            "publisher": "Refworld",
            "genre": "Report",
            "URL": "https://www.refworld.org/docid/1.html",
            "issued": { "date-parts": [[2003, 6]] },
            "note": "Title supplied by the compilers\nTitle in English: Trafficking in Persons Report\nLocation: Cambodia chapter",
        })
    );
    // Nothing to note: no note at all.
    assert_eq!(
        v[2],
        serde_json::json!({
            "id": "page",
            "type": "webpage",
            "title": "A page",
            "publisher": "Someone",
            "URL": "https://example.org/page",
        })
    );
}

#[test]
fn biblatex_writes_a_newspaper_article_with_its_subtype_date_and_annotation() {
    let a = article();
    assert_eq!(
        bib(&[item(&a, vec![quote()])], Bib::Biblatex),
        "@article{post-2025,\n\
         \x20 title = {Raids continue},\n\
         \x20 entrysubtype = {newspaper},\n\
         \x20 journaltitle = {Phnom Penh Post},\n\
         \x20 url = {https://www.phnompenhpost.com/national/raids},\n\
         \x20 date = {2025-10-14},\n\
         \x20 urldate = {2026-01-02},\n\
         \x20 language = {en},\n\
         \x20 note = {{Publication date read from the address}. {Archived copy: https://archive.example.org/raids}},\n\
         \x20 annotation = {Quoted for Raids (14 Oct 2025): \u{201c}more than 1,000 arrested\u{201d}},\n\
         }\n\n"
    );
}

#[test]
fn bibtex_writes_the_date_in_parts_with_a_month_macro_and_notes_the_accessed_day() {
    let a = article();
    assert_eq!(
        bib(&[item(&a, vec![quote()])], Bib::Bibtex),
        "@article{post-2025,\n\
         \x20 title = {Raids continue},\n\
         \x20 journal = {Phnom Penh Post},\n\
         \x20 url = {https://www.phnompenhpost.com/national/raids},\n\
         \x20 year = {2025},\n\
         \x20 month = oct,\n\
         \x20 day = {14},\n\
         \x20 urldate = {2026-01-02},\n\
         \x20 language = {en},\n\
         \x20 note = {{Publication date read from the address}. {Archived copy: https://archive.example.org/raids}. {Accessed: 2026-01-02}},\n\
         \x20 annote = {Quoted for Raids (14 Oct 2025): \u{201c}more than 1,000 arrested\u{201d}},\n\
         }\n\n"
    );
}

#[test]
fn a_bib_report_has_no_newspaper_subtype_and_an_entry_with_nothing_to_say_no_note() {
    let (r, mut w) = (report(), Source::new("w".into(), "W".into(), "Web".into()));
    w.published = date("2024-01");
    let biblatex = bib(&[item(&r, Vec::new()), item(&w, Vec::new())], Bib::Biblatex);
    assert_eq!(
        biblatex,
        "@report{refworld-2003,\n\
         \x20 title = {[TIP report 2003]},\n\
         \x20 institution = {Refworld},\n\
         \x20 type = {Report},\n\
         \x20 url = {https://www.refworld.org/docid/1.html},\n\
         \x20 date = {2003-06},\n\
         \x20 note = {{Title supplied by the compilers}. {Title in English: Trafficking in Persons Report}. {Location: Cambodia chapter}},\n\
         }\n\n\
         @online{w,\n\
         \x20 title = {Web},\n\
         \x20 organization = {W},\n\
         \x20 date = {2024-01},\n\
         }\n\n"
    );
    let bibtex = bib(&[item(&w, Vec::new())], Bib::Bibtex);
    assert_eq!(
        bibtex,
        "@misc{w,\n  title = {Web},\n  howpublished = {W},\n  year = {2024},\n  month = jan,\n}\n\n"
    );
}

#[test]
fn ris_puts_a_newspaper_as_secondary_title_and_a_report_under_its_publisher() {
    let (a, r) = (article(), report());
    assert_eq!(
        ris(&[item(&a, vec![quote()]), item(&r, Vec::new())]),
        "TY  - NEWS\r\n\
         ID  - post-2025\r\n\
         TI  - Raids continue\r\n\
         T2  - Phnom Penh Post\r\n\
         UR  - https://www.phnompenhpost.com/national/raids\r\n\
         PY  - 2025\r\n\
         DA  - 2025/10/14\r\n\
         Y2  - 2026/01/02\r\n\
         LA  - en\r\n\
         N1  - Publication date read from the address\r\n\
         N1  - Archived copy: https://archive.example.org/raids\r\n\
         N1  - Quoted for Raids (14 Oct 2025): \u{201c}more than 1,000 arrested\u{201d}\r\n\
         ER  - \r\n\r\n\
         TY  - RPRT\r\n\
         ID  - refworld-2003\r\n\
         TI  - [TIP report 2003]\r\n\
         PB  - Refworld\r\n\
         UR  - https://www.refworld.org/docid/1.html\r\n\
         PY  - 2003\r\n\
         DA  - 2003/06\r\n\
         N1  - Title supplied by the compilers\r\n\
         N1  - Title in English: Trafficking in Persons Report\r\n\
         N1  - Location: Cambodia chapter\r\n\
         ER  - \r\n\r\n"
    );
}

#[test]
fn a_quote_is_followed_by_its_source_as_a_reader_cites_it() {
    assert_eq!(
        quote_with_source("\u{201c}more than 1,000 arrested\u{201d}", &article()),
        "\u{201c}more than 1,000 arrested\u{201d} \u{2014} Phnom Penh Post, \u{201c}Raids continue\u{201d}, \
         14 October 2025 (date from the address), https://www.phnompenhpost.com/national/raids. \
         Accessed 2 January 2026."
    );
}
