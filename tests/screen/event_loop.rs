//! The app's event loop itself, on ratatui's `TestBackend` with scripted
//! input: keys in, frames out, the loop ending when the reader quits or a
//! stop signal arrives.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::collections::VecDeque;
use tipline::app::event_loop::run_loop;
use tipline::app::terminal::Stop;
use tipline::app::App;
use tipline::Query;

fn key(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn enter() -> Event {
    Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE))
}

fn screen(terminal: &Terminal<TestBackend>) -> String {
    let buffer = terminal.backend().buffer();
    let width = buffer.area.width as usize;
    buffer
        .content
        .chunks(width)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn typed_keys_filter_the_timeline_and_q_ends_the_loop() {
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut app = App::new(crate::common::world(), Query::default());
    let mut script: VecDeque<Event> = "y2022".chars().map(key).collect();
    script.push_back(enter());
    script.push_back(key('j'));
    let mut frames_before_quit = None;
    let mut waits = 0;
    let ended = run_loop(
        &mut terminal,
        &mut app,
        |_| {
            waits += 1;
            Ok(script.pop_front().or_else(|| {
                // Once the script is typed, the frame it left is read, then q.
                frames_before_quit.get_or_insert(waits);
                Some(key('q'))
            }))
        },
        || None,
        |_| false,
    );
    assert!(ended.is_ok(), "{ended:?}");
    assert!(app.has_quit());
    let shown = screen(&terminal);
    assert!(shown.contains("Timeline — 11 of 39 events"), "{shown}");
    assert!(shown.contains("filter: year:2022"), "{shown}");
    // j moved the selection from the first event of 2022 to the second.
    assert!(
        shown.contains("┃▶ 2022                   # NCCT survey"),
        "{shown}"
    );
    assert_eq!(
        frames_before_quit,
        Some(8),
        "each of the 7 scripted keys was read"
    );
}

#[test]
fn a_stop_signal_ends_the_loop_with_its_number() {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut app = App::new(crate::common::world(), Query::default());
    let idle_calls = std::cell::Cell::new(0);
    let ended = run_loop(
        &mut terminal,
        &mut app,
        |_| Ok(None),
        || (idle_calls.get() >= 2).then_some(15),
        |_| {
            idle_calls.set(idle_calls.get() + 1);
            false
        },
    );
    assert!(matches!(ended, Err(Stop::Signal(15))), "{ended:?}");
    assert!(!app.has_quit());
    assert!(screen(&terminal).contains("Timeline — 39 of 39 events"));
    assert_eq!(
        idle_calls.get(),
        2,
        "the loop looked at the signal after each quiet wait"
    );
}
