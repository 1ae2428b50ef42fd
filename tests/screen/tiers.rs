//! The tier chart: the US TIP report's tier by year among the events in
//! view, in the app (`T`) and on a lesson's chart stop.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipline::app::presenter::Presenter;
use tipline::app::theme::{Theme, ThemeName};
use tipline::app::{draw as ui, Action, App, Input, Mode, Msg};
use tipline::load::{load, DataFile};
use tipline::teach::lesson;
use tipline::Query;

fn timeline() -> tipline::timeline::model::Timeline {
    let file = DataFile {
        name: "tiers.toml".into(),
        text: std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiers.toml"))
            .unwrap(),
    };
    load(vec![file]).timeline.expect("the fixture loads")
}

fn drawn(app: &App, w: u16, h: u16) -> (Vec<String>, ratatui::buffer::Buffer) {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let rows = (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect();
    (rows, buf)
}

fn row_with<'a>(rows: &'a [String], text: &str) -> (usize, &'a String) {
    rows.iter()
        .enumerate()
        .find(|(_, r)| r.contains(text))
        .unwrap_or_else(|| panic!("no row holds {text:?}:\n{}", rows.join("\n")))
}

#[test]
fn t_charts_the_tiers_of_the_years_in_view_at_80x24() {
    let mut app = App::new(timeline(), Query::default());
    app.update(Input::Resize(80, 24));
    app.update(Action::Tiers);
    assert_eq!(*app.mode(), Mode::Tiers { scroll: 0 });
    let (rows, buf) = drawn(&app, 80, 24);
    // The frame is 80 wide: 78 inside, 18 for the labels, 60 for six
    // years, so each year has four columns; 2004 has no ranking.
    let (y2, tier2) = row_with(&rows, "Tier 2            ");
    assert_eq!(
        tier2.trim_end_matches([' ', '┃']),
        "┃Tier 2            ────┐   ┌───"
    );
    let (_, watch) = row_with(&rows, "Tier 2 Watch List ");
    assert_eq!(
        watch.trim_end_matches([' ', '┃']),
        "┃Tier 2 Watch List     │   │       ────────"
    );
    let (_, tier3) = row_with(&rows, "Tier 3            ");
    assert_eq!(tier3.trim_end_matches([' ', '┃']), "┃Tier 3                └───┘");
    let (_, years) = row_with(&rows, "2001");
    assert_eq!(
        years.trim_end_matches([' ', '┃']),
        "┃                  2001        2004    2006"
    );
    row_with(&rows, "No ranking in view for 2004.");
    row_with(&rows, "US TIP report tier, years in view — Esc closes");
    // The line stands out from its label: the title style, not the label's.
    let th = Theme::new(ThemeName::Dark, false);
    let line_x = 1 + 18;
    assert_eq!(buf[(line_x, y2 as u16)].symbol(), "─");
    assert_eq!(buf[(line_x, y2 as u16)].fg, th.title.fg.unwrap());
    assert_ne!(buf[(1, y2 as u16)].fg, th.title.fg.unwrap());
    assert!(buf[(1, y2 as u16)]
        .modifier
        .contains(ratatui::style::Modifier::BOLD));
    app.update(Action::CloseHelp);
    assert_eq!(*app.mode(), Mode::Browse);
}

#[test]
fn a_filter_narrows_the_chart_and_a_view_with_no_ranking_says_so() {
    let mut app = App::new(timeline(), Query::parse("year:2003..2006").unwrap());
    app.update(Input::Resize(120, 40));
    app.update(Action::Tiers);
    let (rows, _) = drawn(&app, 120, 40);
    let (_, years) = row_with(&rows, "2003");
    assert!(!years.contains("2001"), "{years}");
    let mut app = App::new(timeline(), Query::parse("kind:law").unwrap());
    app.update(Input::Resize(80, 24));
    app.update(Action::Tiers);
    let (rows, _) = drawn(&app, 80, 24);
    row_with(&rows, "None of the events in view is a ranking.");
    row_with(
        &rows,
        "Clear or change the filter (kind:ranking) to see the rankings.",
    );
}

const LESSON: &str = r#"
title = "Tiers"
summary = "The track."

[[stops]]
event = "tier-2001"
prompt = "First?"

[[stops]]
query = "kind:ranking"
chart = "tiers"
title = "At a glance"
prompt = "How many steps?"
"#;

fn lesson_file(text: &str) -> Vec<DataFile> {
    vec![DataFile {
        name: "tiers-lesson.toml".into(),
        text: text.into(),
    }]
}

#[test]
fn a_chart_stop_draws_its_events_as_the_tier_chart_on_a_projector() {
    let t = timeline();
    let (lessons, problems) = lesson::load(&lesson_file(LESSON), &t);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(lessons[0].stops[1].chart, Some(lesson::Chart::Tiers));
    let p = Presenter::from_lesson(&lessons[0], &t);
    let mut app = App::with_settings(
        t,
        Query::default(),
        tipline::app::Settings {
            projector: true,
            ..Default::default()
        },
    );
    app.update(Input::Resize(80, 24));
    app.update(Msg::Present(Box::new(p)));
    app.update(Action::NextStop);
    let (rows, _) = drawn(&app, 80, 24);
    row_with(&rows, "At a glance");
    let (_, tier3) = row_with(&rows, "Tier 3 ");
    // 74 columns inside the projector's margins: 56 for six years, 4 each.
    assert_eq!(tier3.trim_end(), "   Tier 3                └───┘");
    row_with(&rows, "No ranking in view for 2004.");
    assert!(
        !rows.iter().any(|r| r.contains("Ranked Tier 3")),
        "the chart replaces the list"
    );
}

#[test]
fn a_chart_is_checked_where_the_lesson_names_it() {
    let t = timeline();
    let on_event = LESSON.replace("query = \"kind:ranking\"", "event = \"tier-2002\"");
    let (_, problems) = lesson::load(&lesson_file(&on_event), &t);
    let said: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("tiers-lesson.toml:11:9")
            && said[0].contains("a chart draws a query's events, and this stop names one event"),
        "{said:?}"
    );
    let unknown = LESSON.replace("chart = \"tiers\"", "chart = \"pie\"");
    let (_, problems) = lesson::load(&lesson_file(&unknown), &t);
    let said: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
    assert!(
        said.len() == 1
            && said[0].contains("unknown chart `pie`")
            && said[0].contains("expected one of: tiers"),
        "{said:?}"
    );
}
