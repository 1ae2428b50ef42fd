//! The figures chart: what it groups, what each bar says, and the screen.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipline::app::{Action, App, Input, Mode, Msg};
use tipline::load::{load, DataFile};
use tipline::query::Query;
use tipline::timeline::figures::Counted;

const DATA: &str = r#"
[[sources]]
id = "paper"
publisher = "The Paper"
title = "Report"

[[sources]]
id = "radio"
publisher = "The Radio"
title = "Broadcast"

[[actors]]
id = "minister"
name = "The Minister"
kind = "person"

[[events]]
id = "raids-2021"
date = "2021-03-01"
title = "Raids"
kind = "operation"
actors = ["minister"]
summary = "Raids."
[[events.sources]]
source = "paper"
quote = "40 arrested, 12 rescued."
[[events.sources]]
source = "radio"
quote = "41 arrested."
[[events.figures]]
label = "people arrested"
value = 40
sources = ["paper"]
[[events.figures.alternatives]]
value = 41
sources = ["radio"]
[[events.figures]]
label = "victims rescued"
value = 12
according_to = "minister"

[[events]]
id = "cases-2022"
date = "2022"
title = "Cases counted"
kind = "statistics"
actors = ["minister"]
summary = "Cases."
[[events.sources]]
source = "paper"
quote = "359 cases."
[[events.figures]]
label = "trafficking cases"
value = 359
period = "2021"
according_to = "minister"
"#;

fn app() -> App {
    let file = DataFile {
        name: "figures.toml".into(),
        text: DATA.into(),
    };
    let t = load(vec![file]).timeline.expect("the fixture loads");
    let mut app = App::new(t, Query::default());
    app.update(Input::Resize(100, 30));
    app
}

#[test]
fn figures_are_grouped_by_what_they_count_with_who_gave_them() {
    let app = app();
    let all: Vec<usize> = (0..app.timeline().events.len()).collect();
    let (groups, more) = app.timeline().figures_by_year(&all, 100);
    assert!(!more);
    let kinds: Vec<Counted> = groups.iter().map(|g| g.0).collect();
    assert_eq!(kinds, vec![Counted::Cases, Counted::Arrests, Counted::Rescues]);
    let arrests = &groups[1].1[0];
    assert_eq!(arrests.year, 2021);
    assert_eq!(arrests.figure.value, 40.0);
    assert_eq!(arrests.who, "reported by The Paper");
    assert_eq!(arrests.others, vec![(41.0, "The Radio".to_string())]);
    assert_eq!(groups[2].1[0].who, "according to The Minister");
    // A figure for one year is charted in that year, not when it was told.
    assert_eq!(groups[0].1[0].year, 2021);
}

#[test]
fn labels_are_sorted_into_groups_by_their_words() {
    assert_eq!(
        Counted::of("suspects arrested and sent to court"),
        Counted::Arrests
    );
    assert_eq!(Counted::of("cases that led to convictions"), Counted::Convictions);
    assert_eq!(Counted::of("trafficking complaints"), Counted::Complaints);
    assert_eq!(Counted::of("foreigners rescued (more than)"), Counted::Rescues);
    assert_eq!(
        Counted::of("suspected trafficking cases investigated"),
        Counted::Arrests
    );
    assert_eq!(Counted::of("companies shut down"), Counted::Other);
    assert_eq!(
        Counted::of("bitcoin in the civil forfeiture complaint"),
        Counted::Other
    );
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    terminal.draw(|f| tipline::app::draw::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer();
    (0..30)
        .map(|y| (0..100).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_chart_names_who_gave_each_bar_and_shows_the_other_value() {
    let mut app = app();
    app.update(Action::Figures);
    assert_eq!(*app.mode(), Mode::Figures { scroll: 0 });
    let text = screen(&app);
    assert!(text.contains("Figures of the 2 events in view"), "{text}");
    assert!(text.contains("Arrests, charges and detentions (1)"), "{text}");
    assert!(text.contains("2021  40 ████"), "{text}");
    assert!(text.contains("people arrested · reported by The Paper"), "{text}");
    assert!(text.contains("event: 1 Mar 2021 · Raids"), "{text}");
    assert!(text.contains("≠  41 ░░░░"), "{text}");
    assert!(text.contains("other sources give 41: The Radio"), "{text}");
    assert!(
        text.contains("victims rescued · according to The Minister"),
        "{text}"
    );
    app.update(Action::CloseHelp);
    assert_eq!(*app.mode(), Mode::Browse);
}

#[test]
fn the_chart_follows_the_filter() {
    let mut app = app();
    app.update(Msg::Filter(Query::parse("year:2022").unwrap()));
    app.update(Action::Figures);
    let text = screen(&app);
    assert!(text.contains("Figures of the 1 event in view"), "{text}");
    assert!(text.contains("2021  359 ████"), "{text}");
    assert!(
        text.contains("trafficking cases · 2021 · according to The Minister"),
        "{text}"
    );
    assert!(!text.contains("people arrested"), "{text}");
}

#[test]
fn other_figures_share_a_scale_only_with_the_same_label() {
    let data = r#"
[[sources]]
id = "s"
publisher = "P"
title = "T"

[[events]]
id = "seized-2025"
date = "2025"
title = "Seizures"
kind = "operation"
summary = "Seizures."
[[events.sources]]
source = "s"
quote = "q"
[[events.figures]]
label = "sites closed"
value = 5
[[events.figures]]
label = "bitcoin in the complaint"
value = 127271
"#;
    let file = DataFile {
        name: "other.toml".into(),
        text: data.into(),
    };
    let t = load(vec![file]).timeline.expect("loads");
    let mut app = App::new(t, Query::default());
    app.update(Input::Resize(100, 30));
    app.update(Action::Figures);
    let text = screen(&app);
    let full = "█".repeat(40);
    assert!(text.contains(&format!("2025        5 {full}")), "{text}");
    assert!(text.contains(&format!("2025  127,271 {full}")), "{text}");
}

#[test]
fn the_chart_takes_the_earliest_figures_up_to_its_limit() {
    let app = app();
    let all: Vec<usize> = (0..app.timeline().events.len()).collect();
    let (groups, more) = app.timeline().figures_by_year(&all, 2);
    assert!(more, "a third figure was left out");
    let labels: Vec<&str> = groups
        .iter()
        .flat_map(|g| g.1.iter().map(|c| c.figure.label.as_str()))
        .collect();
    assert_eq!(labels, ["people arrested", "victims rescued"]);
}

/// A page down moves a screen's worth (less one line kept for context),
/// not half of one; half a page is half that; the help reads the same.
#[test]
fn page_keys_move_a_page_in_the_chart_and_the_help() {
    use tipline::app::{Action, App, Input, Mode};
    let mut app = App::new(crate::common::world(), tipline::Query::default());
    app.update(Input::Resize(80, 24));
    app.update(Action::Help);
    app.update(Action::PageDown);
    // At 80×24 the frame shows 20 rows.
    assert_eq!(*app.mode(), Mode::Help { scroll: 19 });
    app.update(Action::HalfPageDown);
    assert_eq!(*app.mode(), Mode::Help { scroll: 29 });
    app.update(Action::PageUp);
    assert_eq!(*app.mode(), Mode::Help { scroll: 10 });
    app.update(Action::CloseHelp);
    app.update(Action::Figures);
    app.update(Action::PageDown);
    assert!(
        matches!(app.mode(), Mode::Figures { scroll: 19 }),
        "{:?}",
        app.mode()
    );
}
