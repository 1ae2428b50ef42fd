//! Running on a real terminal. Set-up and restore live here and nowhere
//! else: the app, the presenter, the notes terminal and quizzes share one
//! `TerminalSession`, which restores the terminal on quit, on error, on a
//! panic and on SIGINT, SIGTERM and SIGHUP.

use super::input::{Input, Msg};
use super::state::App;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyEventKind, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::Terminal;
use std::io;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

/// Puts the terminal back as it was: raw mode off, main screen, cursor
/// shown, mouse and paste released. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        crossterm::cursor::Show
    );
}

/// Turns a terminal event into what it means to the app, if anything.
pub fn msg_for(app: &App, event: Event) -> Option<Msg> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            app.settings.keymap.msg_for(app.mode.context(), k)
        }
        Event::Mouse(m) => match m.kind {
            MouseEventKind::Down(_) => Some(
                Input::Click {
                    x: m.column,
                    y: m.row,
                }
                .into(),
            ),
            MouseEventKind::ScrollUp | MouseEventKind::ScrollDown => Some(
                Input::Wheel {
                    up: m.kind == MouseEventKind::ScrollUp,
                    x: m.column,
                    y: m.row,
                }
                .into(),
            ),
            _ => None,
        },
        Event::Resize(w, h) => Some(Input::Resize(w, h).into()),
        Event::Paste(text) => Some(Input::Paste(text).into()),
        _ => None,
    }
}

/// Signals that end the app cleanly: interrupt, terminate, hang-up.
#[cfg(unix)]
const STOP_SIGNALS: &[i32] = &[
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
];

/// Windows knows no hang-up; closing the console window ends the process.
#[cfg(not(unix))]
const STOP_SIGNALS: &[i32] = &[signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM];

/// How a run ended, when it was not the user quitting.
#[derive(Debug)]
pub enum Stop {
    Signal(i32),
    Error(io::Error),
}

/// The event loop, generic over the backend so tests can drive it.
/// `next_event` waits up to the given time and returns `None` when nothing
/// happened, so the loop can notice a signal or a finished search.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    mut next_event: impl FnMut(Duration) -> io::Result<Option<Event>>,
    signalled: impl Fn() -> Option<i32>,
    mut idle: impl FnMut(&mut App) -> bool,
) -> Result<(), Stop>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(|e| Stop::Error(io::Error::other(e)))?;
    app.update(Input::Resize(size.width, size.height));
    let mut dirty = true;
    let mut published: Option<super::presenter::Published> = None;
    while !app.quit {
        // Searches finish off this thread; their results arrive here.
        while let Some(found) = app.finished() {
            app.update(found);
            dirty = true;
        }
        publish_presenting(app, &mut published);
        if let Some(sig) = signalled() {
            return Err(Stop::Signal(sig));
        }
        if dirty {
            terminal
                .draw(|f| super::draw::draw(f, app))
                .map_err(|e| Stop::Error(io::Error::other(e)))?;
            // The frame is out: work the next key may need is done now,
            // while the reader looks at it.
            app.prepare();
        }
        // While a search runs, look for its result often; keys still come
        // first, each echoed in the next frame.
        let searching = app.searching();
        let wait = if searching { SEARCH_POLL } else { TICK };
        let Some(event) = next_event(wait).map_err(Stop::Error)? else {
            // Nothing typed for a moment: a chance to look at the data files.
            dirty = !searching && idle(app);
            continue;
        };
        injected_failure(&event)?;
        if let Some(msg) = msg_for(app, event) {
            app.update(msg);
        }
        super::sources::perform(app);
        dirty = true;
    }
    super::presenter::unpublish();
    Ok(())
}

/// Tells a notes terminal where the presentation is, when it moves.
fn publish_presenting(app: &App, last: &mut Option<super::presenter::Published>) {
    let Some(state) = app.presentation() else {
        if last.take().is_some() {
            super::presenter::unpublish();
        }
        return;
    };
    if last.as_ref() != Some(&state) {
        super::presenter::publish(&state);
        *last = Some(state);
    }
}

/// In debug builds only, `TIPLINE_FAIL_ON_KEY=panic|error` turns the key
/// `!` into a panic or an I/O error, so tests can check the terminal is
/// restored after both. Release builds carry no such hook.
fn injected_failure(event: &Event) -> Result<(), Stop> {
    if cfg!(debug_assertions) {
        if let Event::Key(k) = event {
            if k.code == crossterm::event::KeyCode::Char('!') {
                match std::env::var("TIPLINE_FAIL_ON_KEY").as_deref() {
                    Ok("panic") => panic!("injected panic for testing"),
                    Ok("error") => return Err(Stop::Error(io::Error::other("injected error for testing"))),
                    _ => {}
                }
            }
        }
    }
    Ok(())
}

/// Runs the app on the process's terminal until the user quits, a signal
/// arrives or something fails; the terminal is restored in every case.
pub fn run(app: &mut App, mouse: bool, idle: impl FnMut(&mut App) -> bool) -> Result<(), Stop> {
    let mut session = TerminalSession::start(mouse).map_err(Stop::Error)?;
    run_in(&mut session, app, idle)
}

/// [`run`] in a session already started (as for the loading screen).
pub fn run_in(
    session: &mut TerminalSession,
    app: &mut App,
    idle: impl FnMut(&mut App) -> bool,
) -> Result<(), Stop> {
    let input = &session.incoming;
    app.search_in_background(super::state::BACKGROUND_FROM);
    run_loop(
        &mut session.terminal,
        app,
        |wait| input.next(wait),
        || input.signalled(),
        idle,
    )
}

/// Shows the loading screen until `done` yields what was loaded, or the
/// reader leaves (a quit key: `Ok(None)`), or a stop signal comes. Keys go
/// through the key table's loading context; the screen is redrawn a few
/// times a second for the bar and the clock.
pub fn run_loading<B: Backend, T>(
    terminal: &mut Terminal<B>,
    name: &str,
    progress: &super::panes::loading::Progress,
    settings: &super::Settings,
    done: &mpsc::Receiver<T>,
    mut next_event: impl FnMut(Duration) -> io::Result<Option<Event>>,
    signalled: impl Fn() -> Option<i32>,
) -> Result<Option<T>, Stop>
where
    B::Error: Send + Sync + 'static,
{
    loop {
        match done.try_recv() {
            Ok(loaded) => return Ok(Some(loaded)),
            Err(mpsc::TryRecvError::Disconnected) => {
                return Err(Stop::Error(io::Error::other("loading the data failed")))
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
        if let Some(sig) = signalled() {
            return Err(Stop::Signal(sig));
        }
        let (bytes, total) = progress.get();
        let view = super::panes::loading::Loading {
            name: name.to_string(),
            done: bytes,
            total,
            elapsed: progress.elapsed(),
        };
        terminal
            .draw(|f| super::panes::loading::draw(f, &view, &settings.keymap, &settings.theme))
            .map_err(|e| Stop::Error(io::Error::other(e)))?;
        if let Some(Event::Key(k)) = next_event(LOADING_REDRAW).map_err(Stop::Error)? {
            let context = super::keymap::Context::Loading;
            if k.kind != KeyEventKind::Release
                && matches!(
                    settings.keymap.msg_for(context, k),
                    Some(Msg::Action(super::Action::Quit))
                )
            {
                return Ok(None);
            }
        }
    }
}

/// How often the loading screen is redrawn when no key comes.
const LOADING_REDRAW: Duration = Duration::from_millis(100);

/// How long a loop waits for input before it looks at signals and files.
pub const TICK: Duration = Duration::from_millis(100);

/// How long the app's loop waits for input while a search runs, before it
/// looks for the search's result.
const SEARCH_POLL: Duration = Duration::from_millis(1);

/// The process's terminal, taken over for as long as this value lives:
/// raw mode, the alternate screen, bracketed paste and, if asked, the
/// mouse. The app, the presenter, `tipline notes` and `tipline quiz` all
/// run inside one, so the terminal is given back the same way on every
/// exit path: when the session is dropped, from the panic hook, and after
/// SIGINT, SIGTERM or SIGHUP, which the loops notice through `signalled`.
pub struct TerminalSession {
    pub terminal: Terminal<CrosstermBackend<io::Stdout>>,
    pub incoming: Incoming,
    handlers: Vec<signal_hook::SigId>,
}

/// What reaches a session from outside: terminal events and stop signals.
pub struct Incoming {
    received: Arc<AtomicUsize>,
    events: mpsc::Receiver<io::Result<Event>>,
}

impl TerminalSession {
    pub fn start(mouse: bool) -> io::Result<TerminalSession> {
        restore_on_panic();
        let received = Arc::new(AtomicUsize::new(0));
        // The handler only stores the signal's number; the loop reads it.
        let handlers: Vec<_> = STOP_SIGNALS
            .iter()
            .filter_map(|&sig| signal_hook::flag::register_usize(sig, received.clone(), sig as usize).ok())
            .collect();
        let taken = enable_raw_mode().and_then(|()| {
            execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
            if mouse {
                execute!(io::stdout(), EnableMouseCapture)?;
            }
            Terminal::new(CrosstermBackend::new(io::stdout()))
        });
        let terminal = match taken {
            Ok(t) => t,
            Err(e) => {
                restore();
                unregister(&handlers);
                return Err(e);
            }
        };
        // Keys are read on their own thread: when a terminal goes away
        // without a hang-up signal, crossterm's reader can spin on end of
        // file and never return, so a loop must not wait on it directly.
        let (keys, events) = mpsc::channel();
        std::thread::spawn(move || loop {
            let read = event::read();
            let failed = read.is_err();
            if keys.send(read).is_err() || failed {
                break;
            }
        });
        Ok(TerminalSession {
            terminal,
            incoming: Incoming { received, events },
            handlers,
        })
    }
}

impl Drop for TerminalSession {
    fn drop(&mut self) {
        restore();
        unregister(&self.handlers);
    }
}

fn unregister(handlers: &[signal_hook::SigId]) {
    for &id in handlers {
        signal_hook::low_level::unregister(id);
    }
}

/// Installs, once per process, a panic hook that restores the terminal
/// before the panic message is printed, so the message is readable.
fn restore_on_panic() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

impl Incoming {
    /// The stop signal received, if any.
    pub fn signalled(&self) -> Option<i32> {
        match self.received.load(Ordering::Relaxed) {
            0 => None,
            n => Some(n as i32),
        }
    }

    /// The next terminal event, or `None` when nothing came within `wait`,
    /// so a loop never blocks and can look at signals in between.
    pub fn next(&self, wait: Duration) -> io::Result<Option<Event>> {
        match self.events.recv_timeout(wait) {
            Ok(read) => read.map(Some),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // A hung-up terminal is no longer a terminal.
                if io::IsTerminal::is_terminal(&io::stdin()) {
                    Ok(None)
                } else {
                    Err(io::Error::other("the terminal went away"))
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(io::Error::other("the terminal went away")),
        }
    }
}
