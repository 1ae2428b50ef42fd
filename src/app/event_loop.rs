//! The one event loop. Browsing, the loading screen, a quiz and the notes
//! console differ in what they draw and what a key does, not in how they
//! wait: each is a [`Screen`], and [`drive`] runs any of them, generic over
//! ratatui's backend so tests run it on `TestBackend` with scripted input.

use super::input::Input;
use super::panes::loading::{self, Progress};
use super::state::App;
use super::terminal::{msg_for, Stop, TerminalSession, TICK};
use super::Settings;
use crossterm::event::{Event, KeyEventKind};
use ratatui::backend::Backend;
use ratatui::{Frame, Terminal};
use std::io;
use std::sync::mpsc;
use std::time::Duration;

/// What one full-screen loop does between frames. [`drive`] asks, in
/// order: has something arrived from elsewhere, is the loop done, has a stop
/// signal come; then it draws if anything changed and waits for input.
pub trait Screen {
    /// What the loop gives back when it ends on its own.
    type Outcome;

    /// Takes what arrived from elsewhere (a finished search, loaded data);
    /// true when the screen changed.
    fn arrived(&mut self) -> Result<bool, Stop> {
        Ok(false)
    }

    /// `Some` once the loop should end.
    fn outcome(&mut self) -> Option<Self::Outcome>;

    /// The whole screen.
    fn draw(&mut self, frame: &mut Frame);

    /// Called once a frame is out, while the reader looks at it.
    fn drawn(&mut self) {}

    /// How long to wait for input before looking around again.
    fn wait(&self) -> Duration {
        TICK
    }

    /// A terminal event; true when the screen changed.
    fn event(&mut self, event: Event) -> Result<bool, Stop>;

    /// Whether the terminal lost what was on it (a suspension), so the
    /// next frame is drawn whole.
    fn needs_clear(&mut self) -> bool {
        false
    }

    /// Nothing came within [`Screen::wait`]; true when the screen should be
    /// drawn again (a clock, a reloaded file).
    fn idle(&mut self) -> bool {
        false
    }
}

/// Runs `screen` until it ends, a stop signal arrives or drawing fails.
/// `next_event` waits up to the given time and returns `None` when nothing
/// happened, so the loop can notice a signal or a finished search.
pub fn drive<B: Backend, S: Screen>(
    terminal: &mut Terminal<B>,
    screen: &mut S,
    mut next_event: impl FnMut(Duration) -> io::Result<Option<Event>>,
    signalled: impl Fn() -> Option<i32>,
) -> Result<S::Outcome, Stop>
where
    B::Error: Send + Sync + 'static,
{
    let mut dirty = true;
    loop {
        dirty |= screen.arrived()?;
        if let Some(done) = screen.outcome() {
            return Ok(done);
        }
        if let Some(sig) = signalled() {
            return Err(Stop::Signal(sig));
        }
        if screen.needs_clear() {
            // An empty frame first: what ratatui last drew is then blank, as
            // the screen is, so the next frame is drawn whole. (Its `clear`
            // asks the terminal where the cursor is, and the key reader's
            // thread would take the answer.)
            terminal
                .draw(|_| {})
                .map_err(|e| Stop::Error(io::Error::other(e)))?;
            dirty = true;
        }
        if dirty {
            terminal
                .draw(|f| {
                    screen.draw(f);
                    // Every screen's text written whole agrees with what
                    // was drawn over it (the app's own frame does this too).
                    super::panes::runs::seal(f.buffer_mut());
                })
                .map_err(|e| Stop::Error(io::Error::other(e)))?;
            screen.drawn();
        }
        dirty = match next_event(screen.wait()).map_err(Stop::Error)? {
            Some(event) => screen.event(event)?,
            None => screen.idle(),
        };
    }
}

/// Browsing (and presenting, which is a mode of the app). The key-latency
/// harness wraps it to time the real loop.
pub struct Browse<'a, F> {
    app: &'a mut App,
    /// Looks at the data files when nothing is typed; true if they reloaded.
    look_at_files: F,
    /// What a notes terminal was last told, so it is told only of moves.
    published: Option<super::presenter::Published>,
    /// Back from a suspension: the terminal shows nothing of the app.
    cleared: bool,
}

impl<'a, F: FnMut(&mut App) -> bool> Browse<'a, F> {
    /// `look_at_files` is called when nothing is typed for a moment and
    /// says whether the data files reloaded.
    pub fn new(app: &'a mut App, look_at_files: F) -> Self {
        Browse {
            app,
            look_at_files,
            published: None,
            cleared: false,
        }
    }

    pub fn app(&self) -> &App {
        self.app
    }
}

impl<F: FnMut(&mut App) -> bool> Screen for Browse<'_, F> {
    type Outcome = ();

    fn arrived(&mut self) -> Result<bool, Stop> {
        // Searches finish off this thread; their results arrive here.
        let mut any = false;
        while let Some(found) = self.app.finished() {
            self.app.update(found);
            any = true;
        }
        any |= take_console_commands(self.app, self.published.is_some());
        publish_presenting(self.app, &mut self.published);
        Ok(any)
    }

    fn outcome(&mut self) -> Option<()> {
        self.app.quit.then_some(())
    }

    fn draw(&mut self, frame: &mut Frame) {
        super::draw::draw(frame, self.app);
    }

    fn event(&mut self, event: Event) -> Result<bool, Stop> {
        injected_failure(&event)?;
        if let Some(msg) = msg_for(self.app, event) {
            for effect in self.app.update(msg) {
                let note = match effect {
                    super::effect::Effect::Suspend => match super::terminal::suspend() {
                        Ok(()) => {
                            self.cleared = true;
                            continue;
                        }
                        Err(e) => crate::text::sanitize_line(&e.to_string()).into_owned(),
                    },
                    effect => super::sources::perform(effect),
                };
                self.app.update(super::Msg::Notice(note));
            }
        }
        Ok(true)
    }

    fn needs_clear(&mut self) -> bool {
        std::mem::take(&mut self.cleared)
    }

    fn idle(&mut self) -> bool {
        // Nothing typed for a moment: a chance to look at the data files.
        !self.app.searching() && (self.look_at_files)(self.app)
    }
}

/// The app's loop on `terminal`, from its current size until the reader
/// quits. `look_at_files` is called when nothing is typed for a moment and
/// says whether the data files reloaded.
pub fn run_loop<B: Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    next_event: impl FnMut(Duration) -> io::Result<Option<Event>>,
    signalled: impl Fn() -> Option<i32>,
    look_at_files: impl FnMut(&mut App) -> bool,
) -> Result<(), Stop>
where
    B::Error: Send + Sync + 'static,
{
    let size = terminal.size().map_err(|e| Stop::Error(io::Error::other(e)))?;
    app.update(Input::Resize(size.width, size.height));
    let mut browse = Browse::new(app, look_at_files);
    drive(terminal, &mut browse, next_event, signalled)?;
    unpublish();
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
    // A search's result wakes the loop; it never looks for one on a timer.
    app.wake_on_result(input.waker());
    run_loop(
        &mut session.terminal,
        app,
        |wait| input.next(wait),
        || input.signalled(),
        idle,
    )
}

/// Applies what a notes console sent this presenter since the loop last
/// came round (after a key, or a tick with nothing typed, as it looks for
/// signals: no timer of its own), each command once and in the order sent. Only a presentation a console
/// can follow, one already published, is looked for.
fn take_console_commands(app: &mut App, published: bool) -> bool {
    if !published {
        return false;
    }
    let Ok(dir) = super::presenter::StateDir::open() else {
        return false;
    };
    let mut any = false;
    for command in super::room::take(&dir, std::process::id(), super::room::now_nanos()) {
        any |= app.from_console(command);
    }
    any
}

/// Presenting has ended: the state is removed, and any command a notes
/// console sent that was not taken.
fn unpublish() {
    super::presenter::unpublish();
    if let Ok(dir) = super::presenter::StateDir::open() {
        super::room::discard(&dir, std::process::id());
    }
}

/// Tells a notes terminal where the presentation is, when it moves.
fn publish_presenting(app: &App, last: &mut Option<super::presenter::Published>) {
    let Some(state) = app.presentation() else {
        if last.take().is_some() {
            unpublish();
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

/// The loading screen of a large file.
struct Loading<'a, T> {
    name: &'a str,
    progress: &'a Progress,
    settings: &'a Settings,
    done: &'a mpsc::Receiver<T>,
    /// `Some(None)` when the reader left, `Some(Some(_))` once loaded.
    ended: Option<Option<T>>,
}

impl<T> Screen for Loading<'_, T> {
    type Outcome = Option<T>;

    fn arrived(&mut self) -> Result<bool, Stop> {
        if self.ended.is_some() {
            // The reader left first.
            return Ok(false);
        }
        match self.done.try_recv() {
            Ok(loaded) => self.ended = Some(Some(loaded)),
            Err(mpsc::TryRecvError::Disconnected) => {
                return Err(Stop::Error(io::Error::other("loading the data failed")))
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
        Ok(true)
    }

    fn outcome(&mut self) -> Option<Option<T>> {
        self.ended.take()
    }

    fn draw(&mut self, frame: &mut Frame) {
        let (bytes, total) = self.progress.get();
        let view = loading::Loading {
            name: self.name.to_string(),
            done: bytes,
            total,
            elapsed: self.progress.elapsed(),
        };
        loading::draw(frame, &view, &self.settings.keymap, &self.settings.theme);
    }

    fn wait(&self) -> Duration {
        LOADING_REDRAW
    }

    fn event(&mut self, event: Event) -> Result<bool, Stop> {
        if let Event::Key(k) = event {
            let context = super::keymap::Context::Loading;
            if k.kind != KeyEventKind::Release
                && matches!(
                    self.settings.keymap.msg_for(context, k),
                    Some(super::Msg::Action(super::Action::Quit))
                )
            {
                self.ended = Some(None);
            }
        }
        Ok(true)
    }
}

/// Shows the loading screen until `done` yields what was loaded, or the
/// reader leaves (a quit key: `Ok(None)`), or a stop signal comes. Keys go
/// through the key table's loading context; the screen is redrawn a few
/// times a second for the bar and the clock.
pub fn run_loading<B: Backend, T>(
    terminal: &mut Terminal<B>,
    name: &str,
    progress: &Progress,
    settings: &Settings,
    done: &mpsc::Receiver<T>,
    next_event: impl FnMut(Duration) -> io::Result<Option<Event>>,
    signalled: impl Fn() -> Option<i32>,
) -> Result<Option<T>, Stop>
where
    B::Error: Send + Sync + 'static,
{
    let mut screen = Loading {
        name,
        progress,
        settings,
        done,
        ended: None,
    };
    drive(terminal, &mut screen, next_event, signalled)
}

/// How often the loading screen is redrawn when no key comes.
const LOADING_REDRAW: Duration = Duration::from_millis(100);
