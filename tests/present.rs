//! Presenting: moving through stops, revealing parts, jumping, the
//! overview, the fit check, and what the screen shows at two sizes.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipline::app::panes::present::fit_problems;
use tipline::app::presenter::Presenter;
use tipline::app::theme::{Theme, ThemeName};
use tipline::app::{draw as ui, Action, App, Input, Mode, Msg};
use tipline::teach::lesson;
use tipline::Query;

fn presenting(lesson_index: usize) -> App {
    let t = tipline::load::load_embedded();
    let (lessons, _) = lesson::load(&lesson::files(None).unwrap(), &t);
    let p = Presenter::from_lesson(&lessons[lesson_index], &t);
    let mut app = App::new(t, Query::default());
    app.update(Input::Resize(120, 40));
    app.update(Msg::Present(Box::new(p)));
    app
}

fn presenter(app: &App) -> &Presenter {
    match &app.mode {
        Mode::Present(p) => p,
        other => panic!("not presenting: {other:?}"),
    }
}

#[test]
fn space_reveals_parts_in_order_then_moves_on() {
    let mut app = presenting(1);
    assert_eq!(presenter(&app).position(), "1 / 5");
    assert_eq!(presenter(&app).revealed, 0);
    // Stop 1 reveals date, facts, figures, quote (the default order).
    for n in 1..=4 {
        app.update(Action::Reveal);
        assert_eq!(presenter(&app).revealed, n);
    }
    assert!(presenter(&app).shows("quote"));
    app.update(Action::Reveal);
    assert_eq!(presenter(&app).position(), "2 / 5", "all shown: Space moves on");
    assert_eq!(presenter(&app).revealed, 0);
    // Stop 2's order is date, quote, figures.
    app.update(Action::Reveal);
    app.update(Action::Reveal);
    assert!(presenter(&app).shows("quote") && !presenter(&app).shows("figures"));
}

#[test]
fn arrows_numbers_and_g_move_between_stops() {
    let mut app = presenting(0);
    app.update(Action::NextStop);
    app.update(Action::NextStop);
    assert_eq!(presenter(&app).position(), "3 / 5");
    app.update(Action::PrevStop);
    assert_eq!(presenter(&app).position(), "2 / 5");
    app.update(Input::Char('5'));
    app.update(Action::GoToTyped);
    assert_eq!(presenter(&app).position(), "5 / 5");
    app.update(Action::NextStop);
    assert_eq!(presenter(&app).position(), "5 / 5", "no stop after the last");
    app.update(Action::FirstStop);
    assert_eq!(presenter(&app).position(), "1 / 5");
    app.update(Action::LastStop);
    assert_eq!(presenter(&app).position(), "5 / 5", "G alone goes to the last");
    app.update(Input::Char('2'));
    app.update(Action::LastStop);
    assert_eq!(presenter(&app).position(), "2 / 5", "2G goes to stop 2");
}

#[test]
fn overview_lists_and_moves_and_closes() {
    let mut app = presenting(0);
    app.update(Action::Overview);
    assert!(presenter(&app).overview);
    app.update(Action::NextStop);
    app.update(Action::NextStop);
    app.update(Action::GoToTyped);
    assert!(!presenter(&app).overview);
    assert_eq!(presenter(&app).position(), "3 / 5");
}

#[test]
fn escape_returns_to_browsing_at_the_event_on_screen() {
    let mut app = presenting(1);
    app.update(Action::NextStop);
    app.update(Action::EndPresenting);
    assert_eq!(app.mode, Mode::Browse);
    assert_eq!(
        app.selected_event().unwrap().id,
        "ninety-five-percent-finding-2022"
    );
}

#[test]
fn presenting_the_filtered_view_makes_a_stop_per_event() {
    let mut app = App::new(
        tipline::load::load_embedded(),
        Query::parse("kind:ranking").unwrap(),
    );
    app.update(Input::Resize(120, 40));
    app.update(Action::Down);
    app.update(Action::Present);
    let p = presenter(&app);
    let rankings = app
        .timeline
        .events
        .iter()
        .filter(|e| e.kind == tipline::timeline::model::EventKind::Ranking)
        .count();
    assert_eq!(p.slides.len(), rankings);
    assert_eq!(
        p.position(),
        format!("2 / {rankings}"),
        "starts at the selected event"
    );
    assert!(p.slides.iter().all(|s| s.prompt.is_none()));
}

#[test]
fn the_fit_check_names_the_stops_a_small_terminal_cuts() {
    let t = tipline::load::load_embedded();
    let (lessons, _) = lesson::load(&lesson::files(None).unwrap(), &t);
    let p = Presenter::from_lesson(&lessons[1], &t);
    let cut = fit_problems(&p, &t, 80, 24);
    assert!(!cut.is_empty(), "the figures stops need more than 24 rows");
    assert!(fit_problems(&p, &t, 200, 60).is_empty());
    let mut app = presenting(1);
    if let Mode::Present(p) = &mut app.mode {
        p.fit_check = Some(cut);
    }
    app.update(Action::Reveal);
    assert!(presenter(&app).fit_check.is_none(), "any key begins");
    assert_eq!(presenter(&app).revealed, 0, "that key only dismissed the check");
}

fn screen(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    app.update(Input::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    terminal
}

#[test]
fn presenter_snapshots() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = presenting(1);
        app.update(Action::NextStop);
        for _ in 0..3 {
            app.update(Action::Reveal);
        }
        insta::assert_snapshot!(format!("present_stop2_{w}x{h}"), screen(&mut app, w, h).backend());
    }
    let mut app = presenting(0);
    app.update(Action::Overview);
    insta::assert_snapshot!("present_overview_80x24", screen(&mut app, 80, 24).backend());
}

#[test]
fn projector_and_no_colour_rely_on_no_colour() {
    for projector in [true, false] {
        let mut app = presenting(1);
        app.settings.projector = projector;
        app.settings.theme = Theme::new(
            if projector {
                ThemeName::HighContrast
            } else {
                ThemeName::Dark
            },
            true,
        );
        app.update(Action::Reveal);
        let terminal = screen(&mut app, 120, 40);
        let buf = terminal.backend().buffer();
        for cell in buf.content() {
            assert_eq!(
                (cell.fg, cell.bg),
                (ratatui::style::Color::Reset, ratatui::style::Color::Reset)
            );
        }
        let name = if projector {
            "present_projector_120x40"
        } else {
            "present_no_color_120x40"
        };
        insta::assert_snapshot!(name, terminal.backend());
    }
}
