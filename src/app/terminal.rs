//! Running on a real terminal. Set-up and restore live here and nowhere
//! else: the app, the presenter, the notes terminal and quizzes share one
//! `TerminalSession`, which restores the terminal on quit, on error, on a
//! panic and on SIGINT, SIGTERM, SIGHUP and every other catchable signal
//! that would end the process.

use super::input::{Action, Input, Msg};
use super::panes::runs::Erasing;
use super::state::App;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    KeyEventKind, MouseEventKind,
};
use crossterm::execute;
use crossterm::terminal::{disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen};
use ratatui::backend::CrosstermBackend;
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

/// Whether the running session captures the mouse, to capture it again
/// after a suspension.
static MOUSE: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Ctrl-Z: the terminal as the shell left it, the process stopped as the
/// shell's job control expects (SIGTSTP), and, once `fg` continues it, the
/// app's terminal set up again. The caller draws the whole screen anew.
#[cfg(unix)]
pub fn suspend() -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    if MOUSE.load(Ordering::Relaxed) {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Windows consoles have no job control to suspend to.
#[cfg(not(unix))]
pub fn suspend() -> io::Result<()> {
    Err(io::Error::other("suspending needs a terminal with job control"))
}

/// Turns a terminal event into what it means to the app, if anything.
pub fn msg_for(app: &App, event: Event) -> Option<Msg> {
    match event {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            let msg = app.settings.keymap.msg_for(app.mode.context(), k);
            // A blanked room comes back on any key, as the screen says,
            // not only on the presenter's own.
            let blank = matches!(&app.mode, super::mode::Mode::Present(p) if p.blank.is_some());
            match msg {
                None if blank => Some(Msg::Action(Action::Unblank)),
                msg => msg,
            }
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

/// Signals that end the app cleanly: interrupt, terminate, hang-up, and
/// every other signal whose default is to end the process and that a
/// program may catch (quit, the user signals, timers, resource limits);
/// left to their default, they would leave the terminal raw and on the
/// alternate screen.
#[cfg(unix)]
const STOP_SIGNALS: &[i32] = &[
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGQUIT,
    signal_hook::consts::SIGUSR1,
    signal_hook::consts::SIGUSR2,
    signal_hook::consts::SIGALRM,
    signal_hook::consts::SIGVTALRM,
    signal_hook::consts::SIGPROF,
    signal_hook::consts::SIGXCPU,
    signal_hook::consts::SIGXFSZ,
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

/// How long a loop waits for input before it looks at signals and files.
pub const TICK: Duration = Duration::from_millis(100);

/// The process's terminal, taken over for as long as this value lives:
/// raw mode, the alternate screen, bracketed paste and, if asked, the
/// mouse. The app, the presenter, `tipline notes` and `tipline quiz` all
/// run inside one, so the terminal is given back the same way on every
/// exit path: when the session is dropped, from the panic hook, and after
/// SIGINT, SIGTERM or SIGHUP, which the loops notice through `signalled`.
pub struct TerminalSession {
    pub terminal: Terminal<Erasing<CrosstermBackend<io::Stdout>>>,
    pub incoming: Incoming,
    handlers: Vec<signal_hook::SigId>,
}

/// What reaches a session from outside: terminal events and stop signals.
pub struct Incoming {
    received: Arc<AtomicUsize>,
    events: mpsc::Receiver<Arrival>,
    /// Lets another thread wake a loop waiting in [`Incoming::next`].
    wakes: mpsc::Sender<Arrival>,
}

/// What the key reader's channel carries.
enum Arrival {
    Read(io::Result<Event>),
    /// Work from another thread is ready (a search's result).
    Woken,
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
        MOUSE.store(mouse, Ordering::Relaxed);
        let taken = enable_raw_mode().and_then(|()| {
            execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
            if mouse {
                execute!(io::stdout(), EnableMouseCapture)?;
            }
            Terminal::new(Erasing(CrosstermBackend::new(io::stdout())))
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
        let wakes = keys.clone();
        std::thread::spawn(move || loop {
            let read = event::read();
            let failed = read.is_err();
            if keys.send(Arrival::Read(read)).is_err() || failed {
                break;
            }
        });
        Ok(TerminalSession {
            terminal,
            incoming: Incoming {
                received,
                events,
                wakes,
            },
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

    /// Something another thread calls when it has work for the loop, so
    /// that [`Incoming::next`] returns at once instead of at its timeout.
    pub fn waker(&self) -> impl Fn() + Send + Sync + 'static {
        let wakes = self.wakes.clone();
        move || {
            let _ = wakes.send(Arrival::Woken);
        }
    }

    /// The next terminal event, or `None` when nothing came within `wait`
    /// or another thread woke the loop, so a loop never blocks and can look
    /// at signals and results in between.
    pub fn next(&self, wait: Duration) -> io::Result<Option<Event>> {
        match self.events.recv_timeout(wait) {
            Ok(Arrival::Read(read)) => read.map(Some),
            Ok(Arrival::Woken) => Ok(None),
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
