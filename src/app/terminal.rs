//! Running the app on a real terminal. Set-up and restore live here and
//! nowhere else; the terminal is restored on quit, on error and on panic.

use super::{Action, App};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind};
use crossterm::execute;
use crossterm::terminal::{disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::Terminal;
use std::io;

/// Puts the terminal back as it was: raw mode off, main screen, cursor
/// shown, mouse released. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Turns a terminal event into an action, if it means one.
pub fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => app.keymap.action_for(&app.mode, k),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => Some(Action::ClickAt(m.column, m.row)),
            MouseEventKind::ScrollUp => Some(Action::ScrollUp),
            MouseEventKind::ScrollDown => Some(Action::ScrollDown),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        // A paste arrives as text: type it into the prompt, if one is open.
        Event::Paste(text) if app.mode.takes_text() => {
            text.chars().find(|c| !c.is_control()).map(Action::Input)
        }
        _ => None,
    }
}

/// The event loop, generic over the backend so tests can drive it.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next_event: impl FnMut() -> io::Result<Event>,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(io::Error::other)?;
    app.update(Action::Resize(size.width, size.height));
    while !app.quit {
        terminal
            .draw(|f| super::ui::draw(f, app))
            .map_err(io::Error::other)?;
        let event = next_event()?;
        if let Some(action) = action_for(app, event) {
            app.update(action);
        }
    }
    Ok(())
}

/// Runs the app on the process's terminal until the user quits.
pub fn run(app: &mut App, mouse: bool) -> io::Result<()> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
    enable_raw_mode()?;
    let result = (|| {
        execute!(io::stdout(), EnterAlternateScreen)?;
        if mouse {
            execute!(io::stdout(), EnableMouseCapture)?;
        }
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        run_loop(&mut terminal, app, event::read)
    })();
    restore();
    result
}
