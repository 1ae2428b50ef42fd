//! `figures` and `rankings`, the tables readers take into spreadsheets and
//! scripts, and the trust signals the CSV export carries. The expected text
//! here was read off `show` and the fixture files by hand.

use crate::common::on_world;
use assert_cmd::Command;
use serde_json::Value;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// What the command prints on the fixture world (or on the data `args` name).
fn stdout(args: &[&str]) -> String {
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .args(on_world(args))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn json(args: &[&str]) -> Vec<Value> {
    let text = stdout(args);
    serde_json::from_str::<Value>(&text)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn figures_csv_of_2025_is_one_row_per_figure_with_who_gave_it() {
    let out = stdout(&["figures", "year:2025", "--format", "csv"]);
    assert_eq!(
        out,
        "event,edtf,label,value,unit,period,given_by,sources,corroboration\n\
         scam-arrests-july-2025,2025-07-16?,suspects arrested this week (more than),1000,,week of 14 Jul 2025,according to Royal Government of Cambodia,dtnext-arrests-2025,single-source\n\
         scam-arrests-july-2025,2025-07-16?,foreign nationals detained to date,2767,,to c. late July 2025,reported by CamboJA News,cambojanews-scam-raids-2025,single-source\n\
         scam-arrests-july-2025,2025-07-16?,of whom women (more than),400,,,reported by CamboJA News,cambojanews-scam-raids-2025,single-source\n\
         prince-group-sanctions-2025,2025-10-14,bitcoin in the civil forfeiture complaint,127271,,,reported by Yogonet,yogonet-prince-group-2025,single-source\n"
    );
}

#[test]
fn figures_json_has_numbers_nulls_and_every_source_when_a_figure_names_none() {
    let out = stdout(&["figures", "--search", "dismayed", "--format", "json"]);
    let got: Value = serde_json::from_str(&out).unwrap();
    let expected = serde_json::json!([
        {
            "event": "ninety-five-percent-finding-2022",
            "edtf": "2022-09-19",
            "label": "complaints received",
            "value": 289.0,
            "unit": null,
            "period": "about one month to 19 Sep 2022",
            "given_by": "reported by Asia Casino News (asiacasino.org)",
            "sources": ["asiacasino-289-complaints"],
            "corroboration": "single-source"
        },
        {
            "event": "ninety-five-percent-finding-2022",
            "edtf": "2022-09-19",
            "label": "complaints found valid",
            "value": 95.0,
            "unit": "per cent",
            "period": null,
            "given_by": "according to Sar Kheng",
            "sources": ["asiacasino-289-complaints", "ppp-interfaith-day-set"],
            "corroboration": "single-source"
        }
    ]);
    assert_eq!(got, expected);
}

#[test]
fn a_disputed_figure_has_a_row_for_each_value_with_its_own_publishers() {
    let data = fixture("claims.toml");
    let out = stdout(&["--data", &data, "figures", "--format", "csv"]);
    assert_eq!(
        out,
        "event,edtf,label,value,unit,period,given_by,sources,corroboration\n\
         raid,2004-12,women and girls removed,83,,,reported by The Daily,daily,disputed\n\
         raid,2004-12,women and girls removed,84,,,reported by The Herald,herald,disputed\n\
         speech-event,2021-03-02,cases,300,,,according to The Minister,speech; wire,single-source\n"
    );
}

#[test]
fn rankings_csv_is_the_tier_track_with_how_each_date_is_known() {
    let out = stdout(&["rankings", "--format", "csv"]);
    assert_eq!(
        out,
        "year,tier,edtf,certainty,established,sources,event\n\
         2002,Tier 3,2002-06-05,exact,stated,refworld-tip-2002; ppp-sanctions-2002,tip-report-2002\n\
         2006,Tier 2 Watch List,2006-06-05,exact,stated,refworld-tip-2006; kimedia-upgrade-2006,tip-report-2006\n\
         2009,Tier 2 Watch List,2009-06-16,exact,stated,usembassy-tip-2009,tip-report-2009\n\
         2011,Tier 2,2011?,uncertain,derived,khmerization-tip-2012,tip-report-2011\n\
         2015,Tier 2 Watch List,2015?,uncertain,derived,odc-tip-2015; refworld-tip-2015; cnn-tip-2015,tip-report-2015\n\
         2018,Tier 2,2018,exact,stated,state-tip-2018; ppp-tip-2019-biased,tip-report-2018\n\
         2019,Tier 2 Watch List,2019,exact,stated,state-tip-2019; cambodiadaily-tip-2019; ppp-tip-2019-biased,tip-report-2019\n\
         2020,Tier 2 Watch List,2020-06,exact,stated,ecoi-tip-2020; craigslists-ncct-2020,tip-report-2020\n\
         2021,Tier 2 Watch List,2021,exact,stated,ecoi-tip-2021; voa-tip-2021; ppp-interfaith-day-set,tip-report-2021\n\
         2022,Tier 3,2022-07-19,exact,stated,allafrica-tip-2022-release; ecoi-tip-2022; ppp-interfaith-day-set; vbrokh-tip-2022,tip-report-2022\n\
         2023,Tier 3,2023,exact,stated,statenewswire-tip-2023; gvnet-tip-2023; cambojanews-tip-2025,tip-report-2023\n\
         2025,Tier 3,2025-09-30?,uncertain,derived,cambojanews-tip-2025; asianews-tip-2025,tip-report-2025\n"
    );
}

#[test]
fn rankings_json_of_the_derived_years() {
    let got = json(&["rankings", "year:2011..2015", "--format", "json"]);
    let expected = serde_json::json!([
        {
            "year": 2011,
            "tier": "Tier 2",
            "edtf": "2011?",
            "certainty": "uncertain",
            "established": "derived",
            "sources": ["khmerization-tip-2012"],
            "event": "tip-report-2011"
        },
        {
            "year": 2015,
            "tier": "Tier 2 Watch List",
            "edtf": "2015?",
            "certainty": "uncertain",
            "established": "derived",
            "sources": ["odc-tip-2015", "refworld-tip-2015", "cnn-tip-2015"],
            "event": "tip-report-2015"
        }
    ]);
    assert_eq!(Value::Array(got), expected);
}

#[test]
fn rankings_leave_out_events_of_other_kinds() {
    // 2022 holds the downgrade and Sar Kheng's answer to it, a statement.
    let rows = json(&["rankings", "year:2022", "--format", "json"]);
    let events: Vec<&str> = rows.iter().map(|r| r["event"].as_str().unwrap()).collect();
    assert_eq!(events, ["tip-report-2022"]);
}

/// Each value `list --format json` gives for each figure, in order: the
/// figure's own value, then its alternatives.
fn values_in_list(data: &[&str]) -> Vec<(String, String, f64)> {
    let mut args = data.to_vec();
    args.extend(["list", "--format", "json"]);
    let mut values = Vec::new();
    for e in json(&args) {
        for f in e["figures"].as_array().unwrap() {
            let key = |v: &Value| {
                (
                    e["id"].as_str().unwrap().to_string(),
                    f["label"].as_str().unwrap().to_string(),
                    v.as_f64().unwrap(),
                )
            };
            values.push(key(&f["value"]));
            for a in f["alternatives"].as_array().unwrap() {
                values.push(key(&a["value"]));
            }
        }
    }
    values
}

#[test]
fn the_figures_table_has_one_row_per_figure_value_in_every_format() {
    let claims = fixture("claims.toml");
    for data in [vec![], vec!["--data", claims.as_str()]] {
        let expected = values_in_list(&data);
        assert!(!expected.is_empty());
        let mut args = data.clone();
        args.extend(["figures", "--format", "json"]);
        let rows: Vec<(String, String, f64)> = json(&args)
            .iter()
            .map(|r| {
                (
                    r["event"].as_str().unwrap().to_string(),
                    r["label"].as_str().unwrap().to_string(),
                    r["value"].as_f64().unwrap(),
                )
            })
            .collect();
        assert_eq!(rows, expected, "{data:?}");
        // The table for people: a header, then a line per value.
        let mut args = data.clone();
        args.push("figures");
        assert_eq!(stdout(&args).lines().count(), expected.len() + 1, "{data:?}");
    }
    assert_eq!(values_in_list(&[]).len(), 18, "the fixture world's figure values");
}

#[test]
fn figures_csv_read_back_by_a_csv_reader_gives_the_json_rows() {
    let claims = fixture("claims.toml");
    for data in [vec![], vec!["--data", claims.as_str()]] {
        let mut args = data.clone();
        args.extend(["figures", "--format", "json"]);
        let rows = json(&args);
        let mut args = data.clone();
        args.extend(["figures", "--format", "csv"]);
        let text = stdout(&args);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert_eq!(records.len(), rows.len());
        for (record, row) in records.iter().zip(&rows) {
            assert_eq!(record.len(), header.len());
            for (name, cell) in header.iter().zip(record.iter()) {
                let field = &row[name.as_str()];
                match field {
                    Value::Number(n) => assert_eq!(cell.parse::<f64>().unwrap(), n.as_f64().unwrap()),
                    Value::Null => assert_eq!(cell, "", "{name}"),
                    Value::Array(ids) => {
                        let ids: Vec<&str> = ids.iter().map(|v| v.as_str().unwrap()).collect();
                        assert_eq!(cell, ids.join("; "), "{name}");
                    }
                    other => assert_eq!(cell, other.as_str().unwrap(), "{name}"),
                }
            }
        }
    }
}

#[test]
fn hostile_figure_text_is_escaped_for_terminals_and_guarded_for_spreadsheets() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("hostile.toml");
    std::fs::write(
        &data,
        r#"
[[sources]]
id = "paper"
publisher = "A paper"
title = "A count"
url = "https://example.org/paper"

[[events]]
id = "counted"
date = "2022-09-01"
title = "Counted"
kind = "statistics"
summary = "A count [1]."
[[events.figures]]
label = "=cmd|' /C calc'!A0"
value = 7
unit = "@SUM(A1)"
period = "-1+2"
[[events.figures]]
label = "red \u001b[31malert\u001b[0m here"
value = -3
[[events.sources]]
source = "paper"
quote = "7 counted"
"#,
    )
    .unwrap();
    let data = data.to_str().unwrap();
    let table = stdout(&["--data", data, "figures"]);
    assert!(!table.contains('\u{1b}'), "{table:?}");
    assert!(table.contains("red ^[[31malert^[[0m here"), "{table}");
    let csv_text = stdout(&["--data", data, "figures", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][2], "'=cmd|' /C calc'!A0");
    assert_eq!(&rows[0][4], "'@SUM(A1)");
    assert_eq!(&rows[0][5], "'-1+2");
    assert_eq!(&rows[1][2], "red ^[[31malert^[[0m here");
    // A negative number is a number, not a formula: it stays one.
    assert_eq!(&rows[1][3], "-3");
    let rows = json(&["--data", data, "figures", "--format", "json"]);
    assert_eq!(
        rows[0]["label"], "=cmd|' /C calc'!A0",
        "JSON keeps the text as it is"
    );
    assert_eq!(rows[1]["value"], -3.0);
}

#[test]
fn the_csv_export_carries_certainty_dates_ranking_and_source_count_after_its_columns() {
    for command in ["list", "export"] {
        let out = stdout(&[command, "year:2011..2015", "--format", "csv"]);
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(
            header,
            [
                "id",
                "date",
                "end",
                "title",
                "kind",
                "actors",
                "location",
                "summary",
                "tags",
                "sources",
                "corroboration",
                "certainty",
                "edtf",
                "ranking",
                "source_count"
            ]
        );
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        let row = |id: &str| rows.iter().find(|r| &r[0] == id).unwrap().clone();
        // `show` says: three sources that corroborate each other, a year worked out.
        let tier = row("tip-report-2015");
        assert_eq!(
            tier.iter().skip(10).collect::<Vec<_>>(),
            ["corroborated", "uncertain", "2015?", "Tier 2 Watch List", "3"],
            "{command}"
        );
        // One source, a year derived from the next year's report.
        let tier = row("tip-report-2011");
        assert_eq!(
            tier.iter().skip(10).collect::<Vec<_>>(),
            ["single-source", "uncertain", "2011?", "Tier 2", "1"],
            "{command}"
        );
    }
}

#[test]
fn rankings_as_a_chart_step_between_tiers_and_name_the_missing_year() {
    let out = stdout(&["--data", &fixture("tiers.toml"), "rankings", "--format", "chart"]);
    // Written to a pipe, the chart is 80 columns: 18 for the tier names,
    // four for each of the six years.
    assert_eq!(
        out,
        "US TIP report tier by year, best at the top\n\
         \n\
         Tier 2            ────┐   ┌───\n\
         Tier 2 Watch List     │   │       ────────\n\
         Tier 3                └───┘\n\
         \x20                 2001        2004    2006\n\
         No ranking in view for 2004.\n\
         \n\
         Each tier as the cited sources state it; `tipline rankings` lists them.\n"
    );
}

#[test]
fn a_chart_stop_prints_in_handouts_as_text_with_a_line_per_ranking() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("track.toml"),
        "title = \"Track\"\nsummary = \"The track.\"\n\n[[stops]]\nquery = \"kind:ranking year:2001..2003\"\nchart = \"tiers\"\ntitle = \"At a glance\"\nprompt = \"How many steps?\"\n",
    )
    .unwrap();
    let lessons = dir.path().to_str().unwrap();
    let data = fixture("tiers.toml");
    let md = stdout(&[
        "--data",
        &data,
        "--lessons",
        lessons,
        "export",
        "handout",
        "track",
    ]);
    assert!(
        md.contains(
            "## 1. At a glance — 3 events\n\n\
             > **Question:** How many steps?\n\n\
             ```text\n\
             Tier 2 ────┐   ┌───\n\
             Tier 3     └───┘\n\
             \x20      2001    2003\n\
             ```\n\n\
             - 12 Jul 2001: Ranked Tier 2 — Tier 2 \\[1\\]\n\
             - 5 Jun 2002: Ranked Tier 3 — Tier 3 \\[1\\]\n\
             - 11 Jun 2003: Back on Tier 2 — Tier 2 \\[1\\]\n"
        ),
        "{md}"
    );
    assert!(
        !md.contains("Tier 3 in 2002."),
        "the chart's events are not repeated in full"
    );
    let html = stdout(&[
        "--data",
        &data,
        "--lessons",
        lessons,
        "export",
        "handout",
        "track",
        "--format",
        "html",
    ]);
    assert!(
        html.contains(
            "<pre class=\"chart\">Tier 2 ────┐   ┌───\n\
             Tier 3     └───┘\n\
             \x20      2001    2003\n\
             </pre>\n<ul>\n<li>12 Jul 2001: Ranked Tier 2 — Tier 2 [1]</li>\n"
        ),
        "{html}"
    );
}

#[test]
fn the_embedded_datas_csv_ends_with_how_far_its_sources_reach_as_a_comment_line() {
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .args(["list", "kind:ranking", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("id,date,end,title,"),
        "the header stays first"
    );
    let last = lines.last().unwrap();
    assert!(last.starts_with("# Sources checked up to "), "{last}");
    assert!(!last.contains([',', '"']), "one cell to a CSV reader: {last}");
    // Python's csv module, an independent reader: every row but the notice
    // has the header's 15 cells, and the notice is one cell.
    let python = r##"
import csv, sys
rows = list(csv.reader(sys.stdin))
assert all(len(r) == 15 for r in rows[:-1]), [len(r) for r in rows]
assert len(rows[-1]) == 1 and rows[-1][0].startswith("# "), rows[-1]
print(len(rows) - 2)
"##;
    if let Some(py) = crate::tools::python_with("csv") {
        let read = Command::new(py)
            .args(["-c", python])
            .write_stdin(text.clone())
            .output()
            .unwrap();
        assert!(read.status.success(), "{}", String::from_utf8_lossy(&read.stderr));
        let events: usize = String::from_utf8(read.stdout).unwrap().trim().parse().unwrap();
        assert_eq!(events, lines.len() - 2);
    }
    // Data of the reader's own carries no horizon, and no notice.
    let own = stdout(&["list", "--format", "csv"]);
    assert!(!own.contains("\n#"), "{own}");
}

#[test]
fn a_source_cited_twice_is_one_address_in_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("twice.toml");
    std::fs::write(
        &data,
        "[[sources]]\nid = \"a\"\npublisher = \"A\"\ntitle = \"T\"\nurl = \"https://a.example/story\"\n\n\
         [[sources]]\nid = \"b\"\npublisher = \"B\"\ntitle = \"U\"\n\n\
         [[events]]\nid = \"e\"\ndate = \"2020\"\ntitle = \"E\"\nkind = \"law\"\nsummary = \"S.\"\n\
         [[events.sources]]\nsource = \"a\"\nquote = \"one\"\n\
         [[events.sources]]\nsource = \"b\"\nquote = \"two\"\n\
         [[events.sources]]\nsource = \"a\"\nquote = \"three\"\n",
    )
    .unwrap();
    let out = stdout(&["--data", data.to_str().unwrap(), "list", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[9], "https://a.example/story; B");
    assert_eq!(&row[14], "2");
}
