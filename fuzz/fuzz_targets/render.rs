//! Arbitrary text in every field, an arbitrary size and query, drawn into a
//! TestBackend, on the panes and on the figures chart, the glossary and the
//! copy menu: no panic, and no control character in any cell but the app's
//! own hyperlinks, which lead to web addresses only.
#![no_main]
use libfuzzer_sys::fuzz_target;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipline::app::{draw as ui, Action, App, Input, Msg};

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let (w, h) = (data[0] as u16 % 220, data[1] as u16 % 70);
    let keys = data[2];
    let Ok(rest) = std::str::from_utf8(&data[3..]) else { return };
    let (query, text) = rest.split_once('\0').unwrap_or(("", rest));
    let Some(timeline) = tipline::synth::hostile_timeline(text) else { return };
    let settings = tipline::app::Settings {
        hyperlinks: keys & 0x80 != 0,
        ..Default::default()
    };
    let mut app = App::with_settings(timeline, tipline::Query::parse(query).unwrap_or_default(), settings);
    app.update(Input::Resize(w, h));
    let script = || -> Vec<Msg> {
        vec![
            Action::Down.into(),
            Action::Search.into(),
            Input::Char('a').into(),
            Action::Accept.into(),
            Action::FocusNext.into(),
            Action::PickActor.into(),
        ]
    };
    for msg in script().into_iter().take(keys as usize % 7) {
        app.update(msg);
    }
    // Then one of the screens over the panes, with the second source chosen.
    app.update(Action::NextSource);
    match (keys >> 3) % 4 {
        1 => drop(app.update(Action::Figures)),
        2 => drop(app.update(Action::Glossary)),
        3 => drop(app.update(Action::CopyMenu)),
        _ => {}
    }
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    for cell in terminal.backend().buffer().content() {
        let symbol = cell.symbol();
        // The app's own OSC 8 link: ESC ] 8 ; ; target ESC \ text ESC ] 8 ; ; ESC \.
        let plain = match symbol.strip_prefix("\x1b]8;;") {
            Some(rest) => {
                let (target, rest) = rest.split_once("\x1b\\").expect("a link target ends");
                assert!(
                    target.starts_with("http://") || target.starts_with("https://"),
                    "link to {target:?}"
                );
                assert!(target.bytes().all(|b| (0x21..0x7f).contains(&b)), "{target:?}");
                rest.strip_suffix("\x1b]8;;\x1b\\").expect("the link is closed")
            }
            None => symbol,
        };
        assert!(!plain.chars().any(char::is_control), "{:?}", symbol);
    }
});
