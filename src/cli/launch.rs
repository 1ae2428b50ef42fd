//! Opening the interactive app from the command line, and following the
//! data files it shows while it runs.

use super::{find_lesson, load_lessons, load_timeline, query_of, read_data, report, Cli, EXIT_USAGE};
use crate::load::load;
use notify_debouncer_mini::notify::{self, RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Opens the interactive timeline, which needs a terminal on both ends.
pub(super) fn open_app(cli: &Cli, present: Option<(String, bool)>) -> Result<(), u8> {
    let query = query_of(&cli.filter)?;
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        eprintln!("tipline: not a terminal; use `tipline list` to print the timeline (see `tipline --help`)");
        return Err(EXIT_USAGE);
    }
    let config = match cli.config.clone().or_else(crate::app::config::default_path) {
        Some(path) => crate::app::config::load(&path).map_err(|problems| {
            report(&problems);
            EXIT_USAGE
        })?,
        None => Default::default(),
    };
    let timeline = load_timeline(&cli.data)?;
    let mut app = crate::app::App::new(timeline, query);
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = cli
        .theme
        .as_deref()
        .and_then(crate::app::theme::ThemeName::parse)
        .or(config.theme);
    app.theme = crate::app::theme::Theme::new(theme.unwrap_or(crate::app::theme::ThemeName::Dark), no_color);
    if let Some(keymap) = config.keymap {
        app.keymap = keymap;
    }
    if let Some((lesson, projector)) = present {
        let lessons = load_lessons(cli.lessons.as_deref(), &app.timeline)?;
        let found = find_lesson(&lessons, &lesson)?;
        if projector {
            app.projector = true;
            app.theme = crate::app::theme::Theme::new(crate::app::theme::ThemeName::HighContrast, true);
        }
        let mut presenter = crate::app::present::Presenter::from_lesson(found, &app.timeline);
        let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
        presenter.fit_check = Some(crate::app::present::fit_problems(&presenter, &app.timeline, w, h));
        app.present(presenter);
    }
    let mouse = !cli.no_mouse && config.mouse.unwrap_or(true);
    if let Some(id) = &cli.goto {
        app.goto(id).map_err(|e| {
            eprintln!("tipline: --goto: {e}");
            EXIT_USAGE
        })?;
    }
    let (mut watcher, unwatched) = Watcher::new(if cli.no_watch { &[] } else { &cli.data });
    if unwatched.is_some() {
        app.message = unwatched;
    }
    let idle = |app: &mut crate::app::App| watcher.poll(app);
    crate::app::terminal::run(&mut app, mouse, idle).map_err(exit_status)
}

/// The exit status for a terminal run that did not end by the user quitting.
pub(super) fn exit_status(stop: crate::app::terminal::Stop) -> u8 {
    match stop {
        // The conventional status for death by a signal: 128 + its number.
        crate::app::terminal::Stop::Signal(sig) => 128u8.saturating_add(sig as u8),
        crate::app::terminal::Stop::Error(e) => {
            eprintln!(
                "tipline: terminal error: {}",
                crate::text::sanitize_line(&e.to_string())
            );
            EXIT_USAGE
        }
    }
}

/// Follows `--data` files while the app runs: when one changes on disk it
/// is loaded again; good data replaces the timeline, bad data is shown as
/// problems while the last good data stays. It only ever reads.
///
/// The operating system reports changes on a thread of its own, over a
/// channel the event loop only looks at between inputs, so a slow disk or
/// a burst of saves never holds up a key. Each file's directory is
/// watched rather than the file: editors often save by writing a new file
/// and renaming it over the old one, and a watch on the old file would be
/// left behind on a file no longer there.
struct Watcher {
    paths: Vec<PathBuf>,
    /// Each data file as its directory and name, to match changes against.
    watched: Vec<(PathBuf, OsString)>,
    changes: Option<mpsc::Receiver<DebounceEventResult>>,
    /// Each file's modification time and length when last loaded: the
    /// operating system also reports a file being opened, so our own
    /// reading would otherwise count as a change and reload for ever.
    seen: Vec<Option<(std::time::SystemTime, u64)>>,
    /// Kept alive for as long as the files are followed.
    _debouncer: Option<Debouncer<RecommendedWatcher>>,
}

/// Saves within this time of each other are one change.
const SETTLE: Duration = Duration::from_millis(200);

impl Watcher {
    /// Follows `paths`; with the reason, when the files cannot be followed.
    fn new(paths: &[PathBuf]) -> (Self, Option<String>) {
        let mut watcher = Watcher {
            paths: paths.to_vec(),
            watched: Vec::new(),
            changes: None,
            seen: paths.iter().map(|p| stamp(p)).collect(),
            _debouncer: None,
        };
        if paths.is_empty() {
            return (watcher, None);
        }
        match watcher.start() {
            Ok(()) => (watcher, None),
            Err(e) => (
                watcher,
                Some(format!(
                    "not following the data files: {}",
                    crate::text::sanitize_line(&e.to_string())
                )),
            ),
        }
    }

    fn start(&mut self) -> Result<(), notify::Error> {
        for path in &self.paths {
            let dir = match path.parent() {
                Some(d) if !d.as_os_str().is_empty() => d,
                _ => Path::new("."),
            };
            let name = path.file_name().unwrap_or_default().to_os_string();
            self.watched.push((dir.canonicalize()?, name));
        }
        let (tx, rx) = mpsc::channel();
        let mut debouncer = new_debouncer(SETTLE, tx)?;
        let mut dirs: Vec<&PathBuf> = self.watched.iter().map(|(d, _)| d).collect();
        dirs.sort();
        dirs.dedup();
        for dir in dirs {
            debouncer.watcher().watch(dir, RecursiveMode::NonRecursive)?;
        }
        self.changes = Some(rx);
        self._debouncer = Some(debouncer);
        Ok(())
    }

    /// Whether a changed path is one of the data files.
    fn is_data_file(&self, changed: &Path) -> bool {
        let (Some(dir), Some(name)) = (changed.parent(), changed.file_name()) else {
            return false;
        };
        self.watched.iter().any(|(d, n)| d == dir && n == name)
    }

    /// Takes what changed since last time without waiting; loads the data
    /// again if a data file did. Returns whether the screen needs drawing.
    fn poll(&mut self, app: &mut crate::app::App) -> bool {
        let Some(changes) = &self.changes else {
            return false;
        };
        let (mut changed, mut failed) = (false, false);
        loop {
            match changes.try_recv() {
                Ok(Ok(events)) => changed |= events.iter().any(|e| self.is_data_file(&e.path)),
                Ok(Err(e)) => {
                    app.message = Some(format!(
                        "following the data files: {}",
                        crate::text::sanitize_line(&e.to_string())
                    ));
                    failed = true;
                }
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    self.changes = None;
                    break;
                }
            }
        }
        if !changed {
            return failed;
        }
        let now: Vec<_> = self.paths.iter().map(|p| stamp(p)).collect();
        if now == self.seen {
            return failed;
        }
        self.seen = now;
        self.reload(app)
    }

    fn reload(&mut self, app: &mut crate::app::App) -> bool {
        let mut problems = Vec::new();
        let mut files = Vec::new();
        for p in &self.paths {
            match read_data(p) {
                Ok(f) => files.push(f),
                Err(d) => problems.push(d.to_string()),
            }
        }
        if problems.is_empty() {
            let loaded = load(files);
            match loaded.timeline {
                Some(t) => {
                    app.data_problems.clear();
                    app.reload(t);
                    return true;
                }
                None => problems.extend(
                    loaded
                        .diagnostics
                        .iter()
                        .filter(|d| d.is_error())
                        .map(|d| d.to_string()),
                ),
            }
        }
        app.data_problems = problems;
        true
    }
}

fn stamp(path: &Path) -> Option<(std::time::SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}
