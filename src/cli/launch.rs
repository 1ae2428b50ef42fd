//! Opening the interactive app from the command line, and following the
//! data files it shows while it runs.

use super::{find_lesson, load_lessons, load_timeline, query_of, read_data, report, Cli, EXIT_USAGE};
use crate::load::load;
use std::io::IsTerminal;
use std::path::PathBuf;

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
    let mut watcher = Watcher::new(if cli.no_watch { &[] } else { &cli.data });
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
struct Watcher {
    paths: Vec<PathBuf>,
    seen: Vec<Option<(std::time::SystemTime, u64)>>,
    last_check: std::time::Instant,
}

impl Watcher {
    fn new(paths: &[PathBuf]) -> Self {
        let seen = paths.iter().map(|p| Self::stamp(p)).collect();
        Watcher {
            paths: paths.to_vec(),
            seen,
            last_check: std::time::Instant::now(),
        }
    }

    fn stamp(path: &std::path::Path) -> Option<(std::time::SystemTime, u64)> {
        let m = std::fs::metadata(path).ok()?;
        Some((m.modified().ok()?, m.len()))
    }

    /// Returns whether the screen needs drawing again.
    fn poll(&mut self, app: &mut crate::app::App) -> bool {
        if self.paths.is_empty() || self.last_check.elapsed() < std::time::Duration::from_millis(400) {
            return false;
        }
        self.last_check = std::time::Instant::now();
        let now: Vec<_> = self.paths.iter().map(|p| Self::stamp(p)).collect();
        if now == self.seen {
            return false;
        }
        self.seen = now;
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
