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
    presenting_with(lesson_index, tipline::app::Settings::default())
}

/// Presenting with the settings a teacher started with (projector, theme).
fn presenting_with(lesson_index: usize, settings: tipline::app::Settings) -> App {
    let t = crate::common::world();
    let (lessons, _) = lesson::load(&crate::common::world_lesson_files(), &t);
    let p = Presenter::from_lesson(&lessons[lesson_index], &t);
    let mut app = App::with_settings(t, Query::default(), settings);
    app.update(Input::Resize(120, 40));
    app.update(Msg::Present(Box::new(p)));
    app
}

fn presenter(app: &App) -> &Presenter {
    match &app.mode() {
        Mode::Present(p) => p,
        other => panic!("not presenting: {other:?}"),
    }
}

#[test]
fn space_reveals_parts_in_order_then_moves_on() {
    let mut app = presenting(1);
    assert_eq!(presenter(&app).position(), "1 / 5");
    assert_eq!(presenter(&app).revealed(), 0);
    // Stop 1 reveals date, facts, quote (the default order; its event has no figures).
    let first = presenter(&app).slides()[0].events[0];
    assert!(app.timeline().events[first].figures.is_empty());
    assert_eq!(presenter(&app).slides()[0].reveal, ["date", "facts", "quote"]);
    for n in 1..=3 {
        app.update(Action::Reveal);
        assert_eq!(presenter(&app).revealed(), n);
    }
    assert!(presenter(&app).shows("quote"));
    app.update(Action::Reveal);
    assert_eq!(presenter(&app).position(), "2 / 5", "all shown: Space moves on");
    assert_eq!(presenter(&app).revealed(), 0);
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
    assert_eq!(
        presenter(&app).position(),
        "end / 5",
        "after the last: the end screen"
    );
    app.update(Action::PrevStop);
    assert_eq!(presenter(&app).position(), "5 / 5", "← goes back from the end");
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
    assert!(presenter(&app).overview());
    app.update(Action::NextStop);
    app.update(Action::NextStop);
    app.update(Action::GoToTyped);
    assert!(!presenter(&app).overview());
    assert_eq!(presenter(&app).position(), "3 / 5");
}

#[test]
fn escape_returns_to_browsing_at_the_event_on_screen() {
    let mut app = presenting(1);
    app.update(Action::NextStop);
    app.update(Action::EndPresenting);
    assert_eq!(*app.mode(), Mode::Browse);
    assert_eq!(
        app.selected_event().unwrap().id,
        "ninety-five-percent-finding-2022"
    );
}

#[test]
fn presenting_the_filtered_view_makes_a_stop_per_event() {
    let mut app = App::new(crate::common::world(), Query::parse("kind:ranking").unwrap());
    app.update(Input::Resize(120, 40));
    app.update(Action::Down);
    app.update(Action::Present);
    let p = presenter(&app);
    let rankings = app
        .timeline()
        .events
        .iter()
        .filter(|e| e.kind == tipline::timeline::model::EventKind::Ranking)
        .count();
    assert_eq!(p.slides().len(), rankings);
    assert_eq!(
        p.position(),
        format!("2 / {rankings}"),
        "starts at the selected event"
    );
    assert!(p.slides().iter().all(|s| s.prompt.is_none()));
}

#[test]
fn the_fit_check_names_the_stops_a_small_terminal_cuts() {
    let t = crate::common::world();
    let (lessons, _) = lesson::load(&crate::common::world_lesson_files(), &t);
    let p = Presenter::from_lesson(&lessons[1], &t);
    let cut = fit_problems(&p, &t, 80, 24, false);
    assert!(!cut.is_empty(), "the figures stops need more than 24 rows");
    assert!(fit_problems(&p, &t, 200, 60, false).is_empty());
    // As `tipline present` hands over a presenter whose stops do not fit.
    let p = Presenter::from_lesson(&lessons[1], &t).with_fit_check(cut);
    let mut app = App::new(t, Query::default());
    app.update(Input::Resize(120, 40));
    app.update(Msg::Present(Box::new(p)));
    assert!(presenter(&app).fit_check().is_some());
    app.update(Action::Reveal);
    assert!(presenter(&app).fit_check().is_none(), "any key begins");
    assert_eq!(presenter(&app).revealed(), 0, "that key only dismissed the check");
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
fn the_projector_is_white_on_black_and_no_colour_leaves_the_terminals_own() {
    use ratatui::style::Color;
    for projector in [true, false] {
        // The projector is white on black and nothing else; NO_COLOR leaves
        // the terminal's own colours.
        let theme = if projector {
            Theme::projector(false)
        } else {
            Theme::new(ThemeName::Dark, true)
        };
        let mut app = presenting_with(
            1,
            tipline::app::Settings {
                projector,
                theme,
                ..Default::default()
            },
        );
        app.update(Action::Reveal);
        let terminal = screen(&mut app, 120, 40);
        let buf = terminal.backend().buffer();
        let expected = if projector {
            (Color::Indexed(231), Color::Indexed(16))
        } else {
            (Color::Reset, Color::Reset)
        };
        for cell in buf.content() {
            assert_eq!((cell.fg, cell.bg), expected);
        }
        let name = if projector {
            "present_projector_120x40"
        } else {
            "present_no_color_120x40"
        };
        insta::assert_snapshot!(name, terminal.backend());
    }
}

fn rows(terminal: &Terminal<TestBackend>) -> Vec<String> {
    let buf = terminal.backend().buffer();
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect()
}

/// The projector preset under `NO_COLOR`.
fn projector() -> tipline::app::Settings {
    tipline::app::Settings {
        projector: true,
        theme: Theme::new(ThemeName::HighContrast, true),
        ..Default::default()
    }
}

#[test]
fn without_colour_bars_are_glyphs_never_reverse_video() {
    let mut app = presenting_with(1, projector());
    app.update(Action::NextStop);
    for _ in 0..3 {
        app.update(Action::Reveal);
    }
    for (w, h) in [(80, 24), (120, 40)] {
        let terminal = screen(&mut app, w, h);
        let buf = terminal.backend().buffer();
        for cell in buf.content() {
            assert!(
                !cell.modifier.contains(ratatui::style::Modifier::REVERSED),
                "{w}x{h}: a reversed cell {:?}",
                cell.symbol()
            );
        }
        // The progress bar (row 1, inside the margins of 3) at stop 2 of 5:
        // two fifths solid, the rest light, no blank cell.
        let bar: Vec<String> = (3..w - 3).map(|x| buf[(x, 1)].symbol().to_string()).collect();
        let solid = bar.iter().filter(|c| *c == "█").count();
        let light = bar.iter().filter(|c| *c == "░").count();
        assert_eq!(solid + light, bar.len(), "{w}x{h}: {bar:?}");
        assert_eq!(solid, (2 * bar.len()).div_ceil(5), "{w}x{h}");
        // The figure bars are glyphs too: tests/screen/scales.rs.
    }
}

#[test]
fn the_year_strip_has_no_reverse_video_without_colour() {
    let settings = tipline::app::Settings {
        theme: Theme::new(ThemeName::Dark, true),
        ..Default::default()
    };
    let mut app = App::with_settings(
        crate::common::world(),
        Query::parse("year:2022").unwrap(),
        settings,
    );
    let terminal = screen(&mut app, 120, 40);
    let strip = app.regions().strip.expect("a strip at 120x40");
    let buf = terminal.backend().buffer();
    let mut glyphs = 0;
    for y in strip.y..strip.bottom() {
        for x in strip.x..strip.right() {
            let cell = &buf[(x, y)];
            assert!(
                !cell.modifier.contains(ratatui::style::Modifier::REVERSED),
                "({x},{y})"
            );
            glyphs += usize::from("▁▂▃▄▅▆▇█".contains(cell.symbol()));
        }
    }
    assert!(glyphs > 0, "the bars are drawn in glyphs");
}

#[test]
fn escape_keeps_the_lesson_and_one_key_resumes_it() {
    let mut app = presenting(1);
    app.update(Action::NextStop);
    app.update(Action::NextStop);
    app.update(Action::Reveal);
    app.update(Action::Reveal);
    let started = presenter(&app).started_unix();
    app.update(Action::EndPresenting);
    assert_eq!(*app.mode(), Mode::Browse);
    let followed = app.presentation().expect("the notes view keeps following");
    assert!(followed.browsing);
    assert_eq!((followed.position, followed.total), (3, 5));
    assert_eq!(followed.pid, std::process::id());
    app.update(Action::Down);
    app.update(Action::Present);
    let p = presenter(&app);
    assert_eq!(p.position(), "3 / 5", "the lesson, not the whole timeline");
    assert_eq!(p.revealed(), 2);
    assert_eq!(p.started_unix(), started, "the timer runs on");
    assert!(!app.presentation().unwrap().browsing);
}

#[test]
fn a_long_stop_scrolls_and_says_more() {
    let t = crate::common::world();
    let summary = t
        .events
        .iter()
        .find(|e| e.id == "complaints-figures-aug-sep-2022")
        .unwrap()
        .summary
        .clone();
    let last_word = summary.split_whitespace().last().unwrap().to_string();
    let mut app = presenting_with(1, projector());
    app.update(Input::Char('3'));
    app.update(Action::GoToTyped);
    for _ in 0..4 {
        app.update(Action::Reveal);
    }
    assert_eq!(presenter(&app).position(), "3 / 5");
    let text = rows(&screen(&mut app, 80, 24)).join("\n");
    assert!(text.contains("more ↓"), "{text}");
    assert!(!text.contains(&last_word), "{text}");
    for _ in 0..60 {
        app.update(Action::Down);
    }
    let text = rows(&screen(&mut app, 80, 24)).join("\n");
    assert!(!text.contains("more ↓"), "{text}");
    assert!(text.contains("more ↑"), "{text}");
    assert!(text.contains(&last_word), "the summary's end: {text}");
    app.update(Action::NextStop);
    assert_eq!(presenter(&app).scroll(), 0, "a new stop starts at its top");
}

#[test]
fn the_fit_check_agrees_with_what_is_drawn() {
    let t = crate::common::world();
    let (lessons, _) = lesson::load(&crate::common::world_lesson_files(), &t);
    for (l, lesson) in lessons.iter().enumerate() {
        for (w, h) in [(80, 24), (120, 40)] {
            let p = Presenter::from_lesson(lesson, &t);
            let cut = fit_problems(&p, &t, w, h, true);
            for stop in 0..p.slides().len() {
                let mut app = presenting_with(l, projector());
                app.update(Input::Resize(w, h));
                for _ in 0..stop {
                    app.update(Action::NextStop);
                }
                let parts = presenter(&app).slides()[stop].reveal.len();
                for _ in 0..parts {
                    app.update(Action::Reveal);
                }
                let text = rows(&screen(&mut app, w, h)).join("\n");
                assert_eq!(
                    text.contains("more ↓"),
                    cut.contains(&stop),
                    "{} stop {} at {w}x{h}: {text}",
                    lesson.id,
                    stop + 1
                );
            }
        }
    }
}

#[test]
fn every_reveal_changes_the_screen() {
    let t = crate::common::world();
    let (lessons, _) = lesson::load(&crate::common::world_lesson_files(), &t);
    for (l, lesson) in lessons.iter().enumerate() {
        for (stop, s) in lesson.stops.iter().enumerate() {
            let mut app = presenting(l);
            for _ in 0..stop {
                app.update(Action::NextStop);
            }
            let mut last = rows(&screen(&mut app, 120, 40));
            let mut reveals = 0;
            let parts = presenter(&app).slides()[stop].reveal.len();
            while reveals < parts {
                app.update(Action::Reveal);
                assert_eq!(presenter(&app).current(), stop);
                reveals += 1;
                let now = rows(&screen(&mut app, 120, 40));
                let body = |r: &[String]| r[2..r.len() - 2].to_vec();
                assert_ne!(
                    body(&now),
                    body(&last),
                    "{} stop {}: reveal {reveals} showed nothing",
                    lesson.id,
                    stop + 1
                );
                last = now;
            }
            if matches!(s.target, lesson::Target::Query(_)) {
                assert_eq!(reveals, 0, "a query stop shows its events at once");
            }
        }
    }
}

#[test]
fn a_query_stop_is_called_by_its_title_from_the_lesson() {
    let mut app = presenting(0);
    let stop = presenter(&app)
        .slides()
        .iter()
        .position(|s| s.events.len() > 1)
        .expect("a query stop");
    assert_eq!(
        presenter(&app).slides()[stop].title.as_deref(),
        Some("The US reports year by year: Cambodia's tier")
    );
    app.update(Action::Overview);
    let text = rows(&screen(&mut app, 80, 24)).join("\n");
    assert!(text.contains("The US reports year by year"), "{text}");
    app.update(Action::EndPresenting);
    for _ in 0..stop {
        app.update(Action::NextStop);
    }
    assert_eq!(
        app.presentation().unwrap().title,
        "The US reports year by year: Cambodia's tier"
    );
}

#[test]
fn the_title_is_drawn_once() {
    for (w, h) in [(80, 24), (120, 40), (160, 50)] {
        let mut app = presenting(0);
        let first = presenter(&app).slides()[0].events[0];
        let title = app.timeline().events[first].title.clone();
        let text = rows(&screen(&mut app, w, h)).join("\n");
        let plain = text.matches(title.as_str()).count();
        // Large letters are drawn in quadrant blocks.
        let big = text.chars().any(|c| "▘▝▖▗▚▞▙▛▜▟▀▄▌▐".contains(c));
        assert_eq!(plain + usize::from(big), 1, "{w}x{h}: {text}");
    }
}

#[test]
fn hints_come_from_the_key_table_and_fit() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = presenting_with(1, projector());
        let foot = |app: &mut App| rows(&screen(app, w, h))[h as usize - 2].trim_end().to_string();
        let hint = foot(&mut app);
        assert!(!hint.contains('…'), "{w}x{h}: cut: {hint}");
        assert!(hint.contains("Space reveal"), "{hint}");
        app.update(Action::Overview);
        let hint = foot(&mut app);
        assert!(!hint.contains("reveal"), "the overview reveals nothing: {hint}");
        assert!(
            hint.contains("Enter open") && hint.contains("Esc close"),
            "{hint}"
        );
        let text = rows(&screen(&mut app, w, h)).join("\n");
        assert!(!text.contains("Enter or Esc closes"), "{text}");
    }
}

fn keyed(app: &mut App, code: crossterm::event::KeyCode, mods: crossterm::event::KeyModifiers) {
    let event = crossterm::event::KeyEvent::new(code, mods);
    let msg = app
        .settings()
        .keymap
        .msg_for(app.mode().context(), event)
        .unwrap_or_else(|| panic!("{code:?} is bound while {:?}", app.mode().context()));
    app.update(msg);
}

#[test]
fn the_end_screen_lists_the_lessons_sources_and_how_to_leave() {
    let mut app = presenting(1);
    app.update(Action::LastStop);
    let parts = presenter(&app).slides()[4].reveal.len();
    for _ in 0..parts {
        app.update(Action::Reveal);
    }
    app.update(Action::Reveal);
    assert!(
        presenter(&app).ended(),
        "Space after the last part of the last stop"
    );
    // The sources of the lesson's events, each once, numbered in first-seen order.
    let t = &app.timeline();
    let mut ids: Vec<String> = Vec::new();
    for stop in presenter(&app).slides() {
        for &e in &stop.events {
            for c in &t.events[e].sources {
                if !ids.contains(&c.source) {
                    ids.push(c.source.clone());
                }
            }
        }
    }
    let first = t.source(&ids[0]).unwrap().publisher.clone();
    for (w, h) in [(80, 24), (120, 40)] {
        let text = rows(&screen(&mut app, w, h));
        let all = text.join("\n");
        assert!(all.contains("Sources"), "{all}");
        assert!(all.contains(&format!("1. {first}: ")), "{all}");
        assert_eq!(all.contains("more ↓"), h == 24, "{all}");
        assert!(text[h as usize - 2].contains("q quits · ← goes back"), "{all}");
        insta::assert_snapshot!(format!("present_end_{w}x{h}"), screen(&mut app, w, h).backend());
    }
    assert_eq!(presenter(&app).sources().len(), ids.len());
    keyed(
        &mut app,
        crossterm::event::KeyCode::Left,
        crossterm::event::KeyModifiers::NONE,
    );
    assert_eq!(presenter(&app).position(), "5 / 5");
    assert_eq!(
        presenter(&app).revealed(),
        parts,
        "back to the last stop as it was"
    );
}

#[test]
fn blanking_to_black_and_white_and_back_keeps_the_stop() {
    use crossterm::event::{KeyCode, KeyModifiers};
    let mut app = presenting_with(1, projector());
    app.update(Action::NextStop);
    app.update(Action::Reveal);
    for (key, name) in [
        (KeyCode::Char('b'), "black"),
        (KeyCode::Char('.'), "black"),
        (KeyCode::Char('w'), "white"),
    ] {
        keyed(&mut app, key, KeyModifiers::NONE);
        assert!(presenter(&app).blank().is_some(), "{key:?}");
        for (w, h) in [(80, 24), (120, 40)] {
            let terminal = screen(&mut app, w, h);
            for cell in terminal.backend().buffer().content() {
                assert_eq!(cell.symbol(), " ", "{name} {w}x{h}: every cell blank");
            }
            if key != KeyCode::Char('.') {
                insta::assert_snapshot!(format!("present_blank_{name}_{w}x{h}"), terminal.backend());
            }
        }
        // Any key brings the screen back, and does nothing else.
        keyed(&mut app, KeyCode::PageDown, KeyModifiers::NONE);
        assert_eq!(presenter(&app).blank(), None);
        assert_eq!(
            (presenter(&app).position(), presenter(&app).revealed()),
            ("2 / 5".to_string(), 1)
        );
    }
    // Without colour, white is reverse video of blank cells.
    keyed(&mut app, KeyCode::Char('w'), KeyModifiers::NONE);
    let terminal = screen(&mut app, 80, 24);
    assert!(terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .all(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED)));
}

#[test]
fn clicker_keys_work_out_of_the_box() {
    use crossterm::event::{KeyCode, KeyModifiers};
    let none = KeyModifiers::NONE;
    let mut app = presenting(1);
    keyed(&mut app, KeyCode::PageDown, none);
    keyed(&mut app, KeyCode::PageDown, none);
    assert_eq!(presenter(&app).position(), "3 / 5");
    keyed(&mut app, KeyCode::PageUp, none);
    assert_eq!(presenter(&app).position(), "2 / 5");
    keyed(&mut app, KeyCode::Char('b'), none);
    keyed(&mut app, KeyCode::Char('b'), none);
    assert_eq!(presenter(&app).blank(), None);
    keyed(&mut app, KeyCode::Esc, none);
    assert_eq!(*app.mode(), Mode::Browse);
    keyed(&mut app, KeyCode::F(5), KeyModifiers::SHIFT);
    assert_eq!(
        presenter(&app).position(),
        "2 / 5",
        "Shift-F5 resumes where it was"
    );
    keyed(&mut app, KeyCode::Esc, none);
    keyed(&mut app, KeyCode::F(5), none);
    assert_eq!(presenter(&app).position(), "2 / 5", "F5 resumes the kept lesson");
    keyed(&mut app, KeyCode::F(5), none);
    assert_eq!(
        presenter(&app).position(),
        "1 / 5",
        "F5 while presenting: from the start"
    );
}

#[test]
fn snapshots_of_a_projector_stop_without_colour_and_a_scrolled_long_stop() {
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = presenting_with(1, projector());
        app.update(Action::NextStop);
        for _ in 0..3 {
            app.update(Action::Reveal);
        }
        insta::assert_snapshot!(
            format!("present_projector_figures_{w}x{h}"),
            screen(&mut app, w, h).backend()
        );
    }
    let mut app = presenting_with(1, projector());
    app.update(Input::Resize(80, 24));
    app.update(Input::Char('3'));
    app.update(Action::GoToTyped);
    for _ in 0..4 {
        app.update(Action::Reveal);
    }
    for _ in 0..3 {
        app.update(Action::Down);
    }
    let text = rows(&screen(&mut app, 80, 24)).join("\n");
    assert!(text.contains("more ↑ ↓"), "{text}");
    insta::assert_snapshot!("present_scrolled_80x24", screen(&mut app, 80, 24).backend());
    // At 120x40 the longest stop fits, its title in large letters; ↓ moves nothing.
    let mut app = presenting_with(1, projector());
    app.update(Input::Resize(120, 40));
    app.update(Input::Char('4'));
    app.update(Action::GoToTyped);
    for _ in 0..4 {
        app.update(Action::Reveal);
    }
    app.update(Action::Down);
    assert_eq!(presenter(&app).scroll(), 0);
    insta::assert_snapshot!(
        "present_long_stop_fits_120x40",
        screen(&mut app, 120, 40).backend()
    );
}

/// The fixture world without one event, as a teacher's edited file reloads.
fn world_without(id: &str) -> tipline::Timeline {
    let text = std::fs::read_to_string(crate::common::WORLD).unwrap();
    let kept: Vec<&str> = text
        .split("\n[[events]]\n")
        .filter(|block| !block.contains(&format!("id = \"{id}\"\n")))
        .collect();
    let text = kept.join("\n[[events]]\n").replace(
        &format!("related = [{{ event = \"{id}\", relation = \"follows\" }}]\n"),
        "",
    );
    let loaded = tipline::load::load(vec![tipline::load::DataFile {
        name: "world.toml".into(),
        text,
    }]);
    assert!(
        loaded.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        loaded.diagnostics
    );
    loaded.timeline.unwrap()
}

/// The data file changes while a lesson is presented: every stop keeps its
/// own event (positions moved), the stop whose event was taken out says so,
/// and nothing panics drawing any stop.
#[test]
fn a_reload_while_presenting_keeps_each_stop_on_its_own_event() {
    let mut app = presenting(1);
    app.update(Action::NextStop);
    app.update(Action::Reveal);
    let before = presenter(&app).slide_title(1, app.timeline());
    assert_eq!(presenter(&app).current(), 1);
    app.update(Msg::Reloaded(Box::new(world_without("hotline-opened-2022"))));
    let p = presenter(&app);
    assert_eq!(p.current(), 1);
    assert_eq!(p.revealed(), 1, "the part shown stays shown");
    assert_eq!(p.slide_title(1, app.timeline()), before);
    let shown = &app.timeline().events[p.slides()[1].events[0]];
    assert_eq!(shown.id, "ninety-five-percent-finding-2022");
    assert_eq!(
        p.slide_title(0, app.timeline()),
        "hotline-opened-2022 (no longer in the data)"
    );
    app.update(Action::PrevStop);
    let terminal = screen(&mut app, 80, 24);
    let text = rows(&terminal).join("\n");
    assert!(
        text.contains("No longer in the data (the file changed while presenting):"),
        "{text}"
    );
    for _ in 0..8 {
        app.update(Action::NextStop);
        screen(&mut app, 80, 24);
    }
}

/// Going back to a stop (to take a question again) shows what the room had
/// already seen there; a stop not yet visited starts with nothing shown.
#[test]
fn a_stop_revisited_keeps_its_reveals() {
    let mut app = presenting(1);
    app.update(Action::Reveal);
    app.update(Action::Reveal);
    assert_eq!(presenter(&app).revealed(), 2);
    app.update(Action::NextStop);
    assert_eq!(presenter(&app).revealed(), 0, "a new stop starts hidden");
    app.update(Action::Reveal);
    app.update(Action::PrevStop);
    assert_eq!(presenter(&app).revealed(), 2);
    app.update(Action::NextStop);
    assert_eq!(presenter(&app).revealed(), 1);
}

/// The fit check names the terminal's own size, which the teacher knows,
/// and how wide the stops are inside the projector's margins.
#[test]
fn the_fit_check_names_the_terminals_size() {
    let t = crate::common::world();
    let (lessons, _) = lesson::load(&crate::common::world_lesson_files(), &t);
    let p = Presenter::from_lesson(&lessons[1], &t).with_fit_check(Vec::new());
    let mut app = App::with_settings(t, Query::default(), projector());
    app.update(Msg::Present(Box::new(p)));
    // Read as one run of words: the heading wraps at 80 columns.
    let words = |rows: Vec<String>| rows.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    let text = words(rows(&screen(&mut app, 80, 24)));
    assert!(
        text.contains("5 stops at 80×24 (74 columns inside the margins)"),
        "{text}"
    );
    let text = words(rows(&screen(&mut app, 100, 30)));
    assert!(text.contains("5 stops at 100×30 ("), "{text}");
}

/// The blank screen comes back on any key, bound or not (a letter no
/// presenting key uses), and `q` on it asks before ending the lesson.
#[test]
fn a_blank_screen_comes_back_on_any_key_and_q_asks_first() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use tipline::app::terminal::msg_for;
    let mut app = presenting_with(1, projector());
    app.update(Action::NextStop);
    keyed(&mut app, KeyCode::Char('b'), KeyModifiers::NONE);
    let x = Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE));
    let msg = msg_for(&app, x.clone()).expect("an unbound key means something on a blank screen");
    app.update(msg);
    assert_eq!(presenter(&app).blank(), None);
    assert_eq!(presenter(&app).position(), "2 / 5", "and does nothing else");
    assert!(msg_for(&app, x).is_none(), "not blank: an unbound key is nothing");
    keyed(&mut app, KeyCode::Char('b'), KeyModifiers::NONE);
    keyed(&mut app, KeyCode::Char('q'), KeyModifiers::NONE);
    assert!(!app.has_quit(), "the first q asks");
    assert!(presenter(&app).quit_asked());
    let terminal = screen(&mut app, 80, 24);
    let last: String = (0..80)
        .map(|x| terminal.backend().buffer()[(x, 23)].symbol().to_string())
        .collect();
    assert!(
        last.starts_with("q again ends the lesson; any other key brings the screen back"),
        "{last}"
    );
    // Any other key: the screen comes back, the question is forgotten.
    let msg = msg_for(
        &app,
        Event::Key(KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE)),
    )
    .unwrap();
    app.update(msg);
    assert_eq!(presenter(&app).blank(), None);
    assert!(!presenter(&app).quit_asked() && !app.has_quit());
    keyed(&mut app, KeyCode::Char('b'), KeyModifiers::NONE);
    keyed(&mut app, KeyCode::Char('q'), KeyModifiers::NONE);
    keyed(&mut app, KeyCode::Char('q'), KeyModifiers::NONE);
    assert!(app.has_quit(), "q twice ends it");
}

/// The overview gives each stop's years, and says how many stops lie
/// beyond its frame, above and below.
#[test]
fn the_overview_gives_years_and_says_what_is_beyond_the_frame() {
    let mut app = presenting(3);
    app.update(Action::Overview);
    let words = |rows: Vec<String>| rows.join("\n");
    let text = words(rows(&screen(&mut app, 80, 10)));
    assert!(text.contains(" 2. 2002  "), "{text}");
    assert!(text.contains(" more ↓"), "{text}");
    assert!(!text.contains("more ↑"), "{text}");
    for _ in 0..9 {
        app.update(Action::Down);
    }
    let text = words(rows(&screen(&mut app, 80, 10)));
    assert!(
        text.contains("Overview (") && text.contains(" more ↑) "),
        "{text}"
    );
    assert!(text.contains("▶ 10. "), "the current stop stays in view: {text}");
}
