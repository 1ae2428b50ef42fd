//! Figures on honest scales: bars share a scale only when they count the
//! same thing in the same unit (one label, one unit, or one figure and the
//! values other sources give for it); any other figure is its number, and
//! units are never cut. Read off the drawn buffer of the presenter and the
//! detail pane, on a fixture of unlike figures and the fixture world.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipline::app::presenter::Presenter;
use tipline::app::theme::{Theme, ThemeName};
use tipline::app::{draw as ui, Action, App, Input, Msg};
use tipline::load::{load, DataFile};
use tipline::teach::lesson;
use tipline::Query;

fn unlike() -> tipline::Timeline {
    let file = DataFile::read(&crate::common::fixture("unlike_figures.toml")).unwrap();
    load(vec![file]).timeline.expect("the fixture loads")
}

/// Presents the stop of `lesson_id` in `lessons` at `stop` (from 0), with
/// every part revealed, on the projector preset without colour.
fn presenting(t: tipline::Timeline, files: &[DataFile], lesson_id: &str, stop: usize) -> App {
    let (lessons, problems) = lesson::load(files, &t);
    assert!(problems.is_empty(), "{problems:?}");
    let l = lessons.iter().find(|l| l.id == lesson_id).unwrap();
    let p = Presenter::from_lesson(l, &t);
    let settings = tipline::app::Settings {
        projector: true,
        theme: Theme::new(ThemeName::HighContrast, true),
        ..Default::default()
    };
    let mut app = App::with_settings(t, Query::default(), settings);
    app.update(Input::Resize(120, 40));
    app.update(Msg::Present(Box::new(p)));
    for _ in 0..stop {
        app.update(Action::NextStop);
    }
    reveal_all(&mut app);
    app
}

fn reveal_all(app: &mut App) {
    while matches!(app.mode(), tipline::app::Mode::Present(p) if p.parts_left() > 0) {
        app.update(Action::Reveal);
    }
}

/// The rows drawn at a size.
fn drawn(app: &mut App, w: u16, h: u16) -> Vec<String> {
    drawn_checked(app, w, h, false)
}

/// The rows drawn at a size; `glyphs`: no cell in reverse video (without
/// colour, bars are glyphs).
fn drawn_checked(app: &mut App, w: u16, h: u16, glyphs: bool) -> Vec<String> {
    app.update(Input::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer();
    assert!(
        !glyphs
            || !buf
                .content()
                .iter()
                .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED)),
        "no reverse video without colour"
    );
    (0..h)
        .map(|y| (0..w).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect()
}

/// The row whose text, trimmed, begins with `start`.
fn row<'a>(rows: &'a [String], start: &str) -> &'a str {
    rows.iter()
        .find(|r| r.trim_start().starts_with(start))
        .unwrap_or_else(|| panic!("no row begins {start:?}:\n{}", rows.join("\n")))
}

fn solid(row: &str) -> usize {
    row.matches('█').count()
}

fn light(row: &str) -> usize {
    row.matches('░').count()
}

fn unlike_lesson() -> Vec<DataFile> {
    lesson::files(Some(&crate::common::fixture("unlike-figures-lessons"))).unwrap()
}

#[test]
fn only_figures_of_one_label_and_unit_share_a_bar_scale() {
    let mut app = presenting(unlike(), &unlike_lesson(), "unlike-figures", 0);
    for (w, h) in [(80, 24), (120, 40)] {
        let rows = drawn_checked(&mut app, w, h, true);
        // Two counts of one label: one scale, 368 the full 40 cells.
        assert_eq!(solid(row(&rows, "368 ")), 40, "{w}x{h}");
        assert_eq!(solid(row(&rows, "92 ")), 10, "92/368 of 40, {w}x{h}");
        // A count two sources give differently: its own scale.
        assert_eq!(solid(row(&rows, "361 ")), 40, "{w}x{h}");
        assert_eq!(light(row(&rows, "300 ")), 33, "300/361 of 40, {w}x{h}");
        // 41 suspects beside 368 complaints, and a share: numbers, no bars.
        for number in ["41 suspects arrested", "95 per cent of complaints found valid"] {
            let r = row(&rows, number);
            assert_eq!((solid(r), light(r)), (0, 0), "{number}: {r}");
        }
        // The periods tell the two bars of one label apart.
        let all = rows.join("\n");
        assert!(all.contains("trafficking complaints, Aug - Sep 2022,"), "{all}");
        assert!(all.contains("trafficking complaints, Jul 2022,"), "{all}");
        // The long unit is wrapped whole, never cut at the border.
        let words: Vec<&str> = all.split_whitespace().collect();
        let unit = "(people of three nationalities held in two provinces),";
        assert!(
            words.windows(8).any(|w| w.join(" ") == unit),
            "{unit} whole at {w}x{h}:\n{all}"
        );
        assert!(!all.contains('…'), "nothing cut at {w}x{h}:\n{all}");
    }
}

#[test]
fn forty_one_suspects_are_not_drawn_as_long_as_368_complaints() {
    // The world's figures lesson, stop 3: 368 complaints, 249 of them from
    // one province, 361 rescued, 41 suspects: four labels, four numbers.
    let mut app = presenting(
        crate::common::world(),
        &crate::common::world_lesson_files(),
        "reading-2022-figures",
        2,
    );
    let rows = drawn(&mut app, 120, 40);
    for number in ["368 trafficking", "249 complaints", "361 victims", "41 suspects"] {
        let r = row(&rows, number);
        assert_eq!((solid(r), light(r)), (0, 0), "{number}: {r}");
    }
    // Stop 2: 289 complaints and 95 per cent share no scale either.
    app.update(Action::PrevStop);
    reveal_all(&mut app);
    let rows = drawn(&mut app, 120, 40);
    for number in ["289 complaints received", "95 per cent of complaints found valid"] {
        let r = row(&rows, number);
        assert_eq!((solid(r), light(r)), (0, 0), "{number}: {r}");
    }
}

#[test]
fn the_detail_pane_draws_the_same_scales() {
    let mut app = App::new(unlike(), Query::default());
    app.update(Input::Resize(160, 50));
    let rows = drawn(&mut app, 160, 50);
    let at = |start: &str| {
        rows.iter()
            .find(|r| r.contains(start))
            .unwrap_or_else(|| panic!("no row with {start:?}:\n{}", rows.join("\n")))
            .clone()
    };
    let (complaints, july) = (at("368 ██"), at(" 92 ██"));
    assert!(solid(&complaints) > solid(&july), "{complaints}\n{july}");
    for number in [" 41 suspects arrested", " 95 per cent of complaints found valid"] {
        let r = at(number);
        assert_eq!((solid(&r), light(&r)), (0, 0), "{number}: {r}");
    }
}

#[test]
fn the_figures_chart_never_cuts_a_unit_at_the_border() {
    let mut app = App::new(unlike(), Query::default());
    app.update(Input::Resize(100, 40));
    app.update(Action::Figures);
    // The chart's own rows, inside its frame.
    let rows: Vec<String> = drawn(&mut app, 100, 40)
        .iter()
        .filter_map(|r| {
            let inner = r.split('┃').nth(1)?;
            Some(inner.to_string())
        })
        .collect();
    let all = rows.join("\n");
    let words: Vec<&str> = all.split_whitespace().collect();
    // Too long to stand beside its bar: it goes with the label, whole.
    let unit = "suspects arrested and sent to court (people of three nationalities held in two provinces)";
    let n = unit.split_whitespace().count();
    assert!(
        words.windows(n).any(|w| w.join(" ") == unit),
        "{unit} whole in\n{all}"
    );
    let bar = row(&rows, "2022  41 ");
    assert!(!bar.contains("people"), "{bar}");
    // A short unit still stands beside its bar.
    assert!(
        row(&rows, "2022   95 ").trim_end().ends_with("█ per cent"),
        "{all}"
    );
    assert!(!all.contains('…'), "{all}");
}
