//! What the app draws, as text snapshots at three sizes, and the styles
//! that carry meaning checked on the buffer (snapshots hold no styles).

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::Terminal;
use tipline::app::theme::{Theme, ThemeName};
use tipline::app::{draw as ui, Action, App, Input, Msg};
use tipline::query::Query;

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 40), (200, 50)];

fn app() -> App {
    App::new(crate::common::world(), Query::default())
}

/// An app that starts with `theme`, as the settings file or `NO_COLOR` sets it.
fn app_themed(theme: Theme) -> App {
    let settings = tipline::app::Settings {
        theme,
        ..Default::default()
    };
    App::with_settings(crate::common::world(), Query::default(), settings)
}

fn render(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Input::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    terminal
}

fn snapshot_at_sizes(name: &str, setup: impl Fn(&mut App)) {
    for (w, h) in SIZES {
        let mut app = app();
        app.update(Input::Resize(w, h));
        setup(&mut app);
        let terminal = render(&mut app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), terminal.backend());
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Input::Char(c));
    }
}

#[test]
fn start() {
    snapshot_at_sizes("start", |_| {});
}

#[test]
fn filtered_to_2022() {
    snapshot_at_sizes("year_2022", |app| {
        app.update(Action::FilterYear);
        type_text(app, "2022");
        app.update(Action::Accept);
    });
}

#[test]
fn filtered_to_an_actor() {
    snapshot_at_sizes("actor_sar_sokha", |app| {
        app.update(Action::PickActor);
        type_text(app, "sokha");
        app.update(Action::Accept);
    });
}

#[test]
fn search_active_with_matches() {
    snapshot_at_sizes("search_koh", |app| {
        app.update(Action::Search);
        type_text(app, "koh pich");
    });
}

#[test]
fn empty_result() {
    snapshot_at_sizes("empty", |app| {
        app.update(Action::Search);
        type_text(app, "zzzz");
        app.update(Action::Accept);
    });
}

#[test]
fn help_open() {
    snapshot_at_sizes("help", |app| {
        app.update(Action::Help);
    });
}

#[test]
fn actor_picker_open() {
    let mut app = app();
    app.update(Action::PickActor);
    type_text(&mut app, "hun");
    let terminal = render(&mut app, 80, 24);
    insta::assert_snapshot!("actor_picker_80x24", terminal.backend());
}

#[test]
fn too_small() {
    for (w, h) in [(29, 24), (80, 7), (20, 5)] {
        let mut app = app();
        let terminal = render(&mut app, w, h);
        insta::assert_snapshot!(format!("too_small_{w}x{h}"), terminal.backend());
    }
}

/// The row of the buffer whose text contains `needle`.
fn row_with(buf: &Buffer, needle: &str) -> u16 {
    (0..buf.area.height)
        .find(|&y| {
            let line: String = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
            line.contains(needle)
        })
        .unwrap_or_else(|| panic!("{needle} not on screen"))
}

#[test]
fn selection_is_visible_without_colour() {
    for (w, h) in SIZES {
        let mut app = app_themed(Theme::new(ThemeName::Dark, true));
        app.update(Msg::Goto(String::from("national-day-2022")));
        let terminal = render(&mut app, w, h);
        let buf = terminal.backend().buffer();
        let y = row_with(buf, "▶ 12 Dec 2022");
        let mut reversed = 0;
        for x in 0..w {
            let cell = &buf[(x, y)];
            assert_eq!(cell.fg, ratatui::style::Color::Reset, "no colour at {x},{y}");
            assert_eq!(cell.bg, ratatui::style::Color::Reset, "no colour at {x},{y}");
            if cell.modifier.contains(Modifier::REVERSED) {
                reversed += 1;
            }
        }
        assert!(reversed > 20, "selected row is in reverse video at {w}x{h}");
        // The focused pane has a thick border, the others a plain one.
        let top = row_with(buf, "Timeline —");
        let line: String = (0..w).map(|x| buf[(x, top)].symbol()).collect();
        assert!(line.contains("┏ ▸ Timeline"), "{line}");
        // No cell anywhere carries a colour.
        for cell in buf.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
            );
        }
    }
}

#[test]
fn search_matches_are_highlighted_in_the_buffer() {
    let mut app = app_themed(Theme::new(ThemeName::Dark, true));
    app.update(Action::Search);
    type_text(&mut app, "koh");
    let terminal = render(&mut app, 120, 40);
    let buf = terminal.backend().buffer();
    let y = row_with(buf, "Koh Pich");
    let line: String = (0..120).map(|x| buf[(x, y)].symbol()).collect();
    let col = line.find("Koh Pich").unwrap();
    let x = line[..col].chars().count() as u16;
    assert!(
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "match is marked"
    );
    assert!(
        !buf[(x + 4, y)].modifier.contains(Modifier::UNDERLINED),
        "the rest is not"
    );
}

/// The runs of underlined (search-marked) text in the detail pane.
fn detail_marks(buf: &Buffer) -> Vec<String> {
    let title = row_with(buf, "Detail");
    let top: String = (0..buf.area.width).map(|x| buf[(x, title)].symbol()).collect();
    // From the pane's corner, two columns before its title.
    let left = (top[..top.find("Detail").unwrap()].chars().count() as u16).saturating_sub(2);
    let mut runs = Vec::new();
    for y in title + 1..buf.area.height {
        let mut run = String::new();
        for x in left..buf.area.width {
            let cell = &buf[(x, y)];
            if cell.modifier.contains(Modifier::UNDERLINED) {
                run.push_str(cell.symbol());
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        runs.extend((!run.is_empty()).then_some(run));
    }
    runs
}

#[test]
fn the_detail_pane_marks_the_search_words_as_they_are_typed() {
    let mut app = app_themed(Theme::new(ThemeName::Dark, true));
    app.update(Action::Search);
    type_text(&mut app, "koh");
    let terminal = render(&mut app, 120, 40);
    let marks = detail_marks(terminal.backend().buffer());
    assert!(!marks.is_empty(), "the selected event mentions Koh Pich");
    assert!(marks.iter().all(|m| m == "Koh"), "{marks:?}");
    // The same event, another word: the marks move with the typing.
    for _ in 0..3 {
        app.update(Action::Erase);
    }
    type_text(&mut app, "pich");
    let terminal = render(&mut app, 120, 40);
    let marks = detail_marks(terminal.backend().buffer());
    assert!(!marks.is_empty(), "the selected event mentions Koh Pich");
    assert!(marks.iter().all(|m| m == "Pich"), "{marks:?}");
    // Leaving the search unmarks the pane.
    app.update(Action::Cancel);
    let terminal = render(&mut app, 120, 40);
    assert_eq!(detail_marks(terminal.backend().buffer()), Vec::<String>::new());
}

/// The strip's bar cells (after its label): how many have a bar, and how
/// many of those are drawn as holding filtered events.
fn strip_bars(terminal: &Terminal<TestBackend>, theme: &Theme) -> (usize, usize) {
    let buf = terminal.backend().buffer();
    let y = row_with(buf, "events ");
    let bars: Vec<_> = (9..buf.area.width)
        .map(|x| &buf[(x, y)])
        .filter(|c| c.symbol() != " ")
        .collect();
    let active = bars
        .iter()
        .filter(|c| c.fg == theme.bar_active.fg.unwrap())
        .count();
    (bars.len(), active)
}

#[test]
fn the_strip_is_drawn_again_when_the_filter_changes() {
    let theme = Theme::new(ThemeName::Dark, false);
    let mut app = app_themed(theme.clone());
    app.update(Input::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    let (bars, active) = strip_bars(&terminal, &theme);
    assert!(bars > 5, "the embedded data spans many years");
    assert_eq!(active, bars, "every year holds shown events");
    app.update(Action::FilterYear);
    type_text(&mut app, "2022");
    app.update(Action::Accept);
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    // 2022, and the years of events that run into it.
    let (same, active) = strip_bars(&terminal, &theme);
    assert_eq!(same, bars);
    assert!(active > 0 && active < bars / 2, "{active} of {bars} active");
    app.update(Action::ClearFilters);
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    assert_eq!(strip_bars(&terminal, &theme), (bars, bars));
}

/// The rows of the screen that hold the selection marker.
fn marked_rows(terminal: &Terminal<TestBackend>) -> Vec<u16> {
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .filter(|&y| (0..buf.area.width).any(|x| buf[(x, y)].symbol() == "▶"))
        .collect()
}

#[test]
fn rows_kept_between_frames_follow_the_selection_and_the_search() {
    let mut app = app_themed(Theme::new(ThemeName::Dark, true));
    app.update(Input::Resize(120, 40));
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    let first = marked_rows(&terminal);
    assert_eq!(first.len(), 1);
    app.update(Action::Down);
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    let second = marked_rows(&terminal);
    assert_eq!(second.len(), 1, "the row left is drawn unselected again");
    assert!(second[0] > first[0]);
    app.update(Action::Up);
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    assert_eq!(marked_rows(&terminal), first);
    // The same rows, now with search words to mark.
    app.update(Action::Search);
    type_text(&mut app, "koh");
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    let buf = terminal.backend().buffer();
    let y = row_with(buf, "Koh Pich");
    let line: String = (0..120).map(|x| buf[(x, y)].symbol()).collect();
    let x = line[..line.find("Koh Pich").unwrap()].chars().count() as u16;
    assert!(buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
}

/// A timeline whose sources reach a known day says so at the right of the
/// status line at every size, and in full at the end of the help; one that
/// does not say, says nothing.
#[test]
fn the_sources_horizon_is_in_the_status_line_and_the_help() {
    let mut world = crate::common::world();
    world.horizon = Some(tipline::timeline::horizon::EMBEDDED);
    let mut app = App::new(world, Query::default());
    let line = |t: &Terminal<TestBackend>, y: u16| -> String {
        let w = t.backend().buffer().area.width;
        (0..w)
            .map(|x| t.backend().buffer()[(x, y)].symbol().to_string())
            .collect()
    };
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let terminal = render(&mut app, w, h);
        let status = line(&terminal, app.regions().status.y);
        assert!(status.starts_with("filter: none "), "{w}x{h}: {status}");
        assert!(status.ends_with(" sources to 23 Apr 2026"), "{w}x{h}: {status}");
    }
    // While typing, the line is the prompt's alone.
    app.update(Action::Search);
    let terminal = render(&mut app, 80, 24);
    assert!(
        !line(&terminal, 22).contains("sources to"),
        "{}",
        line(&terminal, 22)
    );
    app.update(Action::Cancel);
    app.update(Action::Help);
    app.update(Input::Resize(80, 24));
    for _ in 0..200 {
        app.update(Action::Down);
    }
    let terminal = render(&mut app, 80, 24);
    let text = (0..24).map(|y| line(&terminal, y)).collect::<Vec<_>>().join("\n");
    assert!(text.contains("┃About the data"), "{text}");
    assert!(
        text.contains("┃Sources checked up to 23 April 2026; not covered: the 2026 TIP report, the 20 ┃"),
        "{text}"
    );
    let mut plain = App::new(crate::common::world(), Query::default());
    let terminal = render(&mut plain, 80, 24);
    assert!(
        !line(&terminal, 22).contains("sources to"),
        "{}",
        line(&terminal, 22)
    );
}

/// The detail pane says why an event rests on a single source: here a wire
/// report of a speech, cited beside the speech.
#[test]
fn the_detail_says_why_an_event_rests_on_a_single_source() {
    let loaded = tipline::load::load(vec![tipline::DataFile::read(&crate::common::fixture(
        "claims.toml",
    ))
    .unwrap()]);
    let mut app = App::new(loaded.timeline.unwrap(), Query::default());
    app.update(Msg::Goto("speech-event".into()));
    let terminal = render(&mut app, 120, 40);
    let buffer = terminal.backend().buffer();
    let d = app.regions().detail.expect("a detail pane at 120x40");
    // The pane's words, read across its wrapped lines.
    let words: Vec<String> = (d.y + 1..d.y + d.height - 1)
        .map(|y| {
            (d.x + 1..d.x + d.width - 1)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let read = words.join(" ");
    assert!(
        read.contains(
            "○ rests on a single source (2 publishers, 1 independent origin: State News Agency \
             reports Office of the Council of Ministers) Actors"
        ),
        "{read}"
    );
}
