//! The notes view as a teacher's console: what shows and what comes on
//! this stop, the next stop, the clock with pause and reset, and with a
//! lesson's planned minutes a countdown and a pace bar.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipline::app::keymap::Keymap;
use tipline::app::notes::{draw_console, draw_console_for, Console, Found, Timer};
use tipline::app::presenter::{Blank, Presenter};
use tipline::app::room::Command;
use tipline::teach::lesson;

fn figures_lesson_at(stop: usize, revealed: usize) -> tipline::app::presenter::Published {
    let t = crate::common::world();
    let (lessons, _) = lesson::load(&crate::common::world_lesson_files(), &t);
    let l = lessons.iter().find(|l| l.id == "reading-2022-figures").unwrap();
    let mut p = Presenter::from_lesson(l, &t).started_at(1_000_000);
    for _ in 0..stop {
        p.next();
    }
    for _ in 0..revealed {
        p.reveal();
    }
    p.published(&t)
}

fn text(
    w: u16,
    h: u16,
    state: &tipline::app::presenter::Published,
    timer: &Timer,
    now: u64,
) -> (String, Terminal<TestBackend>) {
    let found = Found {
        state: Some(state.clone()),
        skipped: Vec::new(),
    };
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal
        .draw(|f| draw_console(f, &found, &Keymap::default(), timer, now))
        .unwrap();
    let buf = terminal.backend().buffer();
    let rows: Vec<String> = (0..h)
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect();
    (rows.join("\n"), terminal)
}

#[test]
fn the_lesson_plans_minutes_per_stop_and_the_console_counts_down() {
    // Stop 3 of the figures lesson: stops of 10, 12 and 14 minutes, 60 in all.
    let state = figures_lesson_at(2, 1);
    assert_eq!(state.minutes, Some(60));
    assert_eq!(state.plan, Some((22 * 60, 36 * 60)));
    assert_eq!(state.revealed, ["date"]);
    assert_eq!(state.coming, ["figures", "quote", "facts"]);
    let now = 1_000_000 + 25 * 60 + 5;
    for (w, h) in [(80, 24), (120, 40)] {
        let (all, terminal) = text(w, h, &state, &Timer::default(), now);
        assert!(all.contains("34:55 left"), "{all}");
        assert!(all.contains("25:05 of 60:00"), "{all}");
        assert!(all.contains("on pace · this stop 22:00–36:00"), "{all}");
        assert!(all.contains("Showing: date"), "{all}");
        assert!(
            all.contains("Coming on this stop: figures, quote, facts"),
            "{all}"
        );
        assert!(all.contains("Next stop: Chou Bun Eng's figures"), "{all}");
        insta::assert_snapshot!(format!("notes_console_{w}x{h}"), terminal.backend());
    }
    // Forty minutes in, this stop is behind its plan.
    let (all, _) = text(120, 40, &state, &Timer::default(), 1_000_000 + 40 * 60);
    assert!(all.contains("behind · this stop 22:00–36:00"), "{all}");
}

#[test]
fn the_clock_pauses_and_resets() {
    let started = 500;
    let mut timer = Timer::default();
    assert_eq!(timer.elapsed(started, 560), 60);
    timer.toggle_pause(560);
    assert!(timer.is_paused());
    assert_eq!(timer.elapsed(started, 700), 60, "paused: the clock stands");
    timer.toggle_pause(700);
    assert_eq!(
        timer.elapsed(started, 730),
        90,
        "run on: the pause is not counted"
    );
    timer.reset(800);
    assert_eq!(timer.elapsed(started, 805), 5);
    // The figures lesson's room saw its first stop at 1,000,000.
    let state = figures_lesson_at(0, 0);
    let mut timer = Timer::default();
    timer.reset(1_000_800);
    timer.toggle_pause(1_000_805);
    let (all, _) = text(120, 40, &state, &timer, 1_000_900);
    assert!(all.contains("(paused)"), "{all}");
    assert!(all.contains("00:05 of 60:00"), "{all}");
    assert!(
        all.contains("p pauses the clock · r sets it to 0:00 · q quits"),
        "{all}"
    );
}

#[test]
fn a_lesson_without_minutes_shows_elapsed_time_only() {
    let t = crate::common::world();
    let p = Presenter::ad_hoc("The timeline".into(), &[0, 1], &t).started_at(100);
    let state = p.published(&t);
    assert_eq!((state.minutes, state.plan), (None, None));
    let (all, _) = text(80, 24, &state, &Timer::default(), 100 + 61);
    assert!(all.contains("Time  01:01 elapsed"), "{all}");
    assert!(!all.contains("left"), "{all}");
}

#[test]
fn a_stop_duration_must_read_as_minutes() {
    assert_eq!(lesson::minutes_in("8 minutes"), Some(8));
    assert_eq!(lesson::minutes_in("1 minute"), Some(1));
    assert_eq!(lesson::minutes_in("eight minutes"), None);
    assert_eq!(lesson::minutes_in("8 hours"), None);
    let t = crate::common::world();
    let file = tipline::load::DataFile {
        name: "d.toml".into(),
        text: "title = \"T\"\nsummary = \"S\"\n[[stops]]\nquery = \"kind:ranking\"\nprompt = \"Q\"\nduration = \"soon\"\n".into(),
    };
    let (_, problems) = lesson::load(&[file], &t);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].to_string().contains("cannot read `soon` as minutes"),
        "{}",
        problems[0]
    );
}

/// The lesson with minutes (the figures lesson) presented in an app.
fn presenting_figures() -> tipline::app::App {
    let t = crate::common::world();
    let (lessons, _) = lesson::load(&crate::common::world_lesson_files(), &t);
    let l = lessons.iter().find(|l| l.id == "reading-2022-figures").unwrap();
    let p = Presenter::from_lesson(l, &t);
    let mut app = tipline::app::App::new(t, tipline::Query::default());
    app.update(tipline::app::Input::Resize(80, 24));
    app.update(tipline::app::Msg::Present(Box::new(p)));
    app
}

fn shown(app: &tipline::app::App) -> (usize, usize, Option<Blank>) {
    let s = app.presentation().unwrap();
    (s.position, s.revealed.len(), s.blank)
}

#[test]
fn the_console_drives_the_room_with_the_presenters_keys() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use tipline::app::keymap::Context;
    use tipline::app::{Action, Msg};
    let map = Keymap::default();
    let action = |context, code| match map.msg_for(context, KeyEvent::new(code, KeyModifiers::NONE)) {
        Some(Msg::Action(a)) => Some(a),
        _ => None,
    };
    for (code, expected) in [
        (KeyCode::Right, Action::NextStop),
        (KeyCode::PageDown, Action::NextStop),
        (KeyCode::Char('n'), Action::NextStop),
        (KeyCode::Left, Action::PrevStop),
        (KeyCode::PageUp, Action::PrevStop),
        (KeyCode::Char(' '), Action::Reveal),
        (KeyCode::Char('b'), Action::BlankBlack),
        (KeyCode::Char('.'), Action::BlankBlack),
        (KeyCode::Char('w'), Action::BlankWhite),
    ] {
        assert_eq!(
            action(Context::Notes, code),
            Some(expected),
            "{code:?} in the console"
        );
        assert_eq!(
            action(Context::Present, code),
            Some(expected),
            "{code:?} in the room"
        );
        assert_eq!(Command::of(expected).map(Command::action), Some(expected));
    }
    // The clock keeps keys of its own.
    assert_eq!(
        action(Context::Notes, KeyCode::Char('p')),
        Some(Action::PauseTimer)
    );
    assert_eq!(
        action(Context::Notes, KeyCode::Char('r')),
        Some(Action::ResetTimer)
    );
}

#[test]
fn a_command_from_the_console_does_what_the_presenters_key_does() {
    let mut app = presenting_figures();
    assert_eq!(shown(&app), (1, 0, None));
    assert!(app.from_console(Command::Next));
    assert_eq!(shown(&app), (2, 0, None));
    assert!(app.from_console(Command::Reveal));
    assert!(app.from_console(Command::Reveal));
    assert_eq!(shown(&app), (2, 2, None));
    assert!(app.from_console(Command::BlankBlack));
    assert_eq!(shown(&app), (2, 2, Some(Blank::Black)));
    assert!(app.from_console(Command::BlankWhite));
    assert_eq!(
        shown(&app),
        (2, 2, Some(Blank::White)),
        "the other blank key switches colour"
    );
    // As any presenter key on a blank screen: it comes back, nothing else.
    assert!(app.from_console(Command::Back));
    assert_eq!(shown(&app), (2, 2, None));
    assert!(app.from_console(Command::Back));
    assert_eq!(shown(&app), (1, 0, None));
    assert!(app.from_console(Command::Next));
    assert_eq!(shown(&app), (2, 2, None), "stop 2 kept its reveals");
    // Browsing with the lesson kept, the console moves nothing.
    app.update(tipline::app::Action::EndPresenting);
    assert!(!app.from_console(Command::Next));
    let kept = app.presentation().unwrap();
    assert!(kept.browsing);
    assert_eq!((kept.position, kept.revealed.len()), (2, 2));
}

fn console_text(state: Option<&tipline::app::presenter::Published>, console: &Console) -> String {
    let found = Found {
        state: state.cloned(),
        skipped: Vec::new(),
    };
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal
        .draw(|f| draw_console_for(f, &found, &Keymap::default(), console, 1_000_000))
        .unwrap();
    let buf = terminal.backend().buffer();
    (0..24)
        .map(|y| {
            (0..80)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
                + "\n"
        })
        .collect()
}

#[test]
fn the_console_says_what_it_sent_and_what_the_room_sees() {
    let mut app = presenting_figures();
    let console = Console {
        sent: Some("Sent to the room: blank to black, or back".into()),
        ..Console::default()
    };
    app.from_console(Command::BlankBlack);
    let all = console_text(app.presentation().as_ref(), &console);
    assert!(
        all.contains("The room's screen is blank (black); a room key brings it back."),
        "{all}"
    );
    assert!(
        all.contains("\nSent to the room: blank to black, or back\n"),
        "{all}"
    );
    assert!(
        all.contains("\nRoom: → next · ← back · Space reveals · b blanks\n"),
        "{all}"
    );
    assert!(
        all.contains("\np pauses the clock · r sets it to 0:00 · q quits\n"),
        "{all}"
    );
    // Browsing, the room keys wait and the console says how to resume
    // (Esc brings the blank screen back first, as any key does).
    app.update(tipline::app::Action::EndPresenting);
    app.update(tipline::app::Action::EndPresenting);
    let all = console_text(app.presentation().as_ref(), &Console::default());
    assert!(!all.contains("Room: →"), "{all}");
    assert!(
        all.contains("\nThe room keys wait for the lesson: p resumes it in the presenter\n"),
        "{all}"
    );
}

fn now_unix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

#[test]
fn the_clock_starts_when_the_room_sees_the_first_stop() {
    let t = crate::common::world();
    let (lessons, _) = lesson::load(&crate::common::world_lesson_files(), &t);
    let l = lessons.iter().find(|l| l.id == "reading-2022-figures").unwrap();
    let p = Presenter::from_lesson(l, &t)
        .started_at(1_000)
        .with_fit_check(vec![2]);
    let mut app = tipline::app::App::new(t, tipline::Query::default());
    app.update(tipline::app::Input::Resize(80, 24));
    app.update(tipline::app::Msg::Present(Box::new(p)));
    // While the room reads the fit check, the console's clock stands at 0.
    let waiting = app.presentation().unwrap();
    assert!(waiting.fit_check);
    let (all, _) = text(80, 24, &waiting, &Timer::default(), 1_000 + 300);
    assert!(
        all.contains("Time  00:00, not started: the room sees the fit check"),
        "{all}"
    );
    assert!(
        all.contains("→ here, or any key there, shows the first stop and starts the clock"),
        "{all}"
    );
    assert!(!all.contains("60:00"), "no countdown yet: {all}");
    // A key (here the console's next) starts the lesson and the clock.
    let before = now_unix();
    assert!(app.from_console(Command::Next));
    let started = app.presentation().unwrap();
    assert!(!started.fit_check);
    assert_eq!(started.position, 1, "the first key only leaves the fit check");
    assert!(
        started.started_unix >= before && started.started_unix <= now_unix(),
        "the clock starts at the first stop, not when the fit check opened: {}",
        started.started_unix
    );
    let (all, _) = text(80, 24, &started, &Timer::default(), started.started_unix + 65);
    assert!(all.contains("58:55 left"), "{all}");
    assert!(all.contains("01:05 of 60:00"), "{all}");
    assert!(!all.contains("not started"), "{all}");
    // A clock set to zero before the start counts from the start.
    let mut timer = Timer::default();
    timer.reset(900);
    assert_eq!(timer.elapsed(1_000, 1_060), 60);
}
