//! Following `--data` files while the app runs, and loading them again
//! off the input thread when they change.

use super::data::read_data;
use crate::load::load_with_progress;
use crate::timeline::model::Timeline;
use notify_debouncer_mini::notify::{self, RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{new_debouncer, DebounceEventResult, Debouncer};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use std::time::Duration;

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
pub(super) struct Watcher {
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
    reloading: Option<Reloading>,
    /// The files changed again while a reload was under way.
    again: bool,
}

/// Saves within this time of each other are one change.
const SETTLE: Duration = Duration::from_millis(200);

impl Watcher {
    /// Follows `paths`; with the reason, when the files cannot be followed.
    pub(super) fn new(paths: &[PathBuf]) -> (Self, Option<String>) {
        let mut watcher = Watcher {
            paths: paths.to_vec(),
            watched: Vec::new(),
            changes: None,
            seen: paths.iter().map(|p| stamp(p)).collect(),
            _debouncer: None,
            reloading: None,
            again: false,
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
    pub(super) fn poll(&mut self, app: &mut crate::app::App) -> bool {
        let finished = self.reloaded(app);
        let Some(changes) = &self.changes else {
            return finished;
        };
        let (mut changed, mut failed) = (false, false);
        loop {
            match changes.try_recv() {
                Ok(Ok(events)) => changed |= events.iter().any(|e| self.is_data_file(&e.path)),
                Ok(Err(e)) => {
                    app.update(crate::app::Msg::Notice(format!(
                        "following the data files: {}",
                        crate::text::sanitize_line(&e.to_string())
                    )));
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
            return failed || finished;
        }
        let now: Vec<_> = self.paths.iter().map(|p| stamp(p)).collect();
        if now == self.seen {
            return failed || finished;
        }
        self.seen = now;
        self.reload(app) || finished
    }

    /// Loads the files again on a thread of its own, as the first load
    /// does: a large file takes seconds, and keys, drawing and Ctrl-C must
    /// not wait for it. The result arrives through `poll`.
    fn reload(&mut self, app: &mut crate::app::App) -> bool {
        if self.reloading.is_some() {
            self.again = true;
            return false;
        }
        let paths = self.paths.clone();
        let progress = Arc::new(AtomicU64::new(0));
        let (done, result) = mpsc::channel();
        let counted = progress.clone();
        let started = std::thread::Builder::new().name("reload".into()).spawn(move || {
            let _ = done.send(read_and_load(&paths, &counted));
        });
        match started {
            Ok(_) => {
                self.reloading = Some(Reloading {
                    result,
                    progress,
                    shown: None,
                });
                app.update(crate::app::Msg::Notice("data files changed: reloading".into()));
            }
            // No thread to be had: load here, as before.
            Err(_) => {
                let got = read_and_load(&self.paths, &AtomicU64::new(0));
                apply(app, got);
            }
        }
        true
    }

    /// A finished reload applied, or its progress shown; true when the
    /// screen changed.
    fn reloaded(&mut self, app: &mut crate::app::App) -> bool {
        let Some(r) = &mut self.reloading else {
            return false;
        };
        match r.result.try_recv() {
            Ok(got) => {
                self.reloading = None;
                apply(app, got);
                if std::mem::take(&mut self.again) {
                    self.reload(app);
                }
                true
            }
            Err(mpsc::TryRecvError::Empty) => {
                let percent = r.progress.load(Ordering::Relaxed) / 10;
                if r.shown == Some(percent) {
                    return false;
                }
                r.shown = Some(percent);
                app.update(crate::app::Msg::Notice(format!(
                    "data files changed: reloading, {percent}%"
                )));
                true
            }
            Err(mpsc::TryRecvError::Disconnected) => {
                self.reloading = None;
                app.update(crate::app::Msg::DataProblems(vec![
                    "the data files could not be reloaded".into(),
                ]));
                true
            }
        }
    }
}

/// A reload under way on its own thread.
struct Reloading {
    result: mpsc::Receiver<Result<Timeline, Vec<String>>>,
    /// Per mille of the text read so far.
    progress: Arc<AtomicU64>,
    /// The percentage last shown, so the status changes only when it does.
    shown: Option<u64>,
}

/// Reads and loads the files; the problems that stop them, otherwise.
pub(super) fn read_and_load(paths: &[PathBuf], progress: &AtomicU64) -> Result<Timeline, Vec<String>> {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for p in paths {
        match read_data(p) {
            Ok(f) => files.push(f),
            Err(d) => problems.push(d.to_string()),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let loaded = load_with_progress(files, &mut |done, total| {
        progress.store(done.saturating_mul(1000) / total.max(1), Ordering::Relaxed)
    });
    match loaded.timeline {
        Some(t) => Ok(t),
        None => Err(loaded
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.to_string())
            .collect()),
    }
}

fn apply(app: &mut crate::app::App, got: Result<Timeline, Vec<String>>) {
    match got {
        Ok(t) => {
            app.update(crate::app::Msg::Reloaded(Box::new(t)));
        }
        Err(problems) => {
            app.update(crate::app::Msg::DataProblems(problems));
        }
    }
}

/// A file's modification time and length, to tell when it changed.
pub(super) fn stamp(path: &Path) -> Option<(std::time::SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}
