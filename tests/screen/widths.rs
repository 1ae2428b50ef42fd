//! Rows that can be read at every size: whole dates, titles shortened by
//! one rule, the selected title whole on two lines, a timeline that gets
//! the width, and a filter pane that names its values whole.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipline::app::{draw as ui, Action, App, Input, Msg, Pane};
use tipline::query::Query;

fn app_at(w: u16, h: u16) -> App {
    let mut app = App::new(crate::common::world(), Query::default());
    app.update(Input::Resize(w, h));
    app
}

fn rows(app: &App) -> Vec<String> {
    let (w, h) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// The timeline pane's event rows: (date, marker, title) as drawn.
fn event_rows(app: &App) -> Vec<(String, char, String)> {
    let t = app.regions().timeline.expect("a timeline pane");
    let markers: Vec<char> = app.timeline().events.iter().map(|e| e.kind.marker()).collect();
    let mut out = Vec::new();
    for row in rows(app)
        .iter()
        .skip(t.y as usize + 1)
        .take(t.height as usize - 2)
    {
        let inner: Vec<char> = row
            .chars()
            .skip(t.x as usize + 1)
            .take(t.width as usize - 2)
            .collect();
        if !matches!(inner.first(), Some(' ' | '▶')) || inner.get(1) != Some(&' ') {
            continue;
        }
        let Some(at) = (2..inner.len()).find(|&i| markers.contains(&inner[i]) && inner[i - 1] == ' ') else {
            continue;
        };
        let date: String = inner[2..at].iter().collect();
        let title: String = inner[at + 2..].iter().collect();
        out.push((date.trim().to_string(), inner[at], title.trim_end().to_string()));
    }
    out
}

#[test]
fn dates_are_whole_at_40_columns() {
    let mut app = app_at(40, 12);
    let mut seen = Vec::new();
    for _ in 0..30 {
        for (date, _, _) in event_rows(&app) {
            assert!(!date.contains('…'), "a date cut at 40x12: {date:?}");
            seen.push(date);
        }
        app.update(Action::PageDown);
    }
    // Under their year headings: "18 Aug–29 Sep", "8 Nov?", "Dec?".
    assert!(seen.iter().any(|d| d == "12 Dec"), "{seen:?}");
    assert!(seen.iter().any(|d| d.contains('–')), "{seen:?}");
    // The widest forms: uncertain ranges across months and across years,
    // a set of days, an open end.
    let mut text = String::from("[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n");
    for (i, (date, end)) in [
        ("2022-08-18?", Some("2022-11-29")),
        ("2022?", Some("2023")),
        ("[2015-11-21,2015-11-22]", None),
        ("2021-03-03", Some("..")),
        ("2004-08-25~", Some("2004-11-25")),
    ]
    .into_iter()
    .enumerate()
    {
        let end = end.map_or(String::new(), |e| format!("end = \"{e}\"\n"));
        text.push_str(&format!(
            "\n[[events]]\nid = \"e{i}\"\ndate = \"{date}\"\n{end}title = \"E{i}\"\nkind = \"law\"\nsummary = \"s\"\n[[events.sources]]\nsource = \"s\"\nquote = \"q\"\n"
        ));
    }
    let loaded = tipline::load::load(vec![tipline::DataFile {
        name: "dates.toml".into(),
        text,
    }]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    let mut app = App::new(loaded.timeline.unwrap(), Query::default());
    app.update(Input::Resize(40, 12));
    let dates: Vec<String> = event_rows(&app).into_iter().map(|(d, _, _)| d).collect();
    assert_eq!(dates, ["c. Aug–Nov", "Nov?", "from 3 Mar", "2022–2023?"]);
}

#[test]
fn the_selected_title_is_read_whole_on_a_second_line() {
    let mut app = app_at(40, 12);
    let id = "complaints-figures-aug-sep-2022";
    app.update(Msg::Goto(id.into()));
    let t = app.regions().timeline.unwrap();
    let shown = rows(&app);
    let at = shown
        .iter()
        .position(|r| r.contains('▶'))
        .expect("the selected row is in view");
    assert!(shown[at].contains("Sar Kheng's figures: 368"), "{}", shown[at]);
    let below = |n: usize| -> String {
        shown[at + n]
            .chars()
            .skip(t.x as usize + 1)
            .take(t.width as usize - 2)
            .collect::<String>()
            .trim()
            .to_string()
    };
    assert_eq!(below(1), "complaints, 361 rescued,");
    assert_eq!(below(2), "41 suspects arrested");
    // A click on those lines is a click on the selected event; one below
    // them, on the row they pushed down.
    let y = at as u16 + 2;
    app.update(Input::Click { x: t.x + 5, y });
    assert_eq!(app.selected_event().unwrap().id, id);
    app.update(Input::Click { x: t.x + 5, y: y + 1 });
    assert_ne!(app.selected_event().unwrap().id, id);
    assert_eq!(app.focus(), Pane::Timeline);
}

#[test]
fn titles_are_shortened_by_one_rule_at_every_size() {
    for (w, h) in [(40, 12), (80, 24), (120, 40), (200, 50)] {
        let mut app = app_at(w, h);
        let mut tip = (0, 0);
        for _ in 0..20 {
            for (_, _, title) in event_rows(&app) {
                let first = title.chars().next().unwrap_or('A');
                assert!(
                    !first.is_lowercase(),
                    "{w}x{h}: a title starts in lower case: {title:?}"
                );
                if title.starts_with("US TIP report: ") {
                    tip.0 += 1;
                } else if title.starts_with("Cambodia on Tier") {
                    tip.1 += 1;
                }
            }
            app.update(Action::PageDown);
        }
        // A series keeps its prefix on every row or on none.
        assert!(tip.0 == 0 || tip.1 == 0, "{w}x{h}: {tip:?}");
        assert!(tip.0 + tip.1 > 0, "{w}x{h}: TIP rows seen");
    }
}

#[test]
fn the_timeline_gets_the_width_at_120_and_the_filter_pane_names_whole_at_200() {
    let app = app_at(120, 40);
    let r = app.regions();
    assert_eq!(r.filter, None, "the filter pane waits for f at 120 columns");
    assert_eq!(r.timeline.map(|t| t.width), Some(68));
    assert_eq!(r.detail.map(|d| d.width), Some(52));
    // At 120x40 a title has 46 columns, not 34.
    let long = event_rows(&app)
        .into_iter()
        .map(|(_, _, title)| title.chars().count())
        .max()
        .unwrap();
    assert!(long >= 45, "{long}");

    let app = app_at(200, 50);
    let f = app.regions().filter.expect("the filter pane at 200 columns");
    assert_eq!(f.width, 40);
    let shown = rows(&app).join("\n");
    assert!(shown.contains("│ [ ] US Department of State "), "{shown}");
    assert!(shown.contains("│ [ ] Royal Government of Cambodia "), "{shown}");
    assert!(
        shown.contains("│ [ ] NCCT — National Committee for … "),
        "{shown}"
    );
}
