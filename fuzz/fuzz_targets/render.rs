//! Arbitrary text in every field, an arbitrary size and query, drawn into a
//! TestBackend: no panic, no control character in any cell.
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
    let mut app = App::new(timeline, tipline::Query::parse(query).unwrap_or_default());
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
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    for cell in terminal.backend().buffer().content() {
        assert!(!cell.symbol().chars().any(char::is_control), "{:?}", cell.symbol());
    }
});
