//! Opening the interactive app from the command line, and following the
//! data files it shows while it runs.

use super::args::Cli;
use super::data::{
    find_lesson, known_values, load_lessons, load_timeline, query_of, read_files_converting, restate,
};
use super::io::{report, report_loaded, EXIT_INVALID_DATA, EXIT_USAGE};
use super::progress::SHOW_AFTER;
use super::watch::Watcher;
use crate::load::load_with_progress;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc;

/// Opens the interactive timeline, which needs a terminal on both ends.
pub(super) fn open_app(cli: &Cli, present: Option<(String, bool)>) -> Result<(), u8> {
    let query = query_of(&cli.filter)?;
    if present.is_some() {
        // The notes terminal's state must have a private place to go.
        if let Err(why) = crate::app::presenter::StateDir::open() {
            let hint = if cfg!(windows) {
                "set LOCALAPPDATA to a folder of your own"
            } else {
                "set XDG_RUNTIME_DIR to a folder of your own"
            };
            eprintln!("tipline: present: no private folder for the notes terminal: {why}; {hint}");
            return Err(EXIT_USAGE);
        }
    }
    // What can be checked without a terminal is checked first, so a
    // misspelt lesson or id says so rather than "not a terminal".
    let config = config(cli.config.as_deref())?;
    let on_terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    // The plain reading is line by line: no loading screen, whatever the size.
    if present.is_none() && !cli.data.is_empty() && on_terminal && !super::plain::wanted(cli) {
        return open_loading(cli, query, &config);
    }
    let timeline = load_timeline(&cli.data)?;
    known_values(&query, &timeline)?;
    if let Some((lesson, _)) = &present {
        let lessons = load_lessons(cli.lessons.as_deref(), &timeline)?;
        find_lesson(&lessons, lesson)?;
    }
    if let Some(problem) = goto_problem(cli, &timeline) {
        errln!("{problem}");
        return Err(EXIT_USAGE);
    }
    if super::plain::wanted(cli) {
        return super::plain::read(cli, timeline, query, present.is_some());
    }
    if !(std::io::stdin().is_terminal() && std::io::stdout().is_terminal()) {
        errln!("tipline: not a terminal; use `tipline list` to print the timeline (see `tipline --help`)");
        return Err(EXIT_USAGE);
    }
    let mut settings = settings_of(cli, &config);
    let mut presenter = None;
    if let Some((lesson, projector)) = present {
        let lessons = load_lessons(cli.lessons.as_deref(), &timeline)?;
        let found = find_lesson(&lessons, &lesson)?;
        if projector {
            settings.projector = true;
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            settings.theme = crate::app::theme::Theme::projector(no_color);
        }
        let mut p = crate::app::presenter::Presenter::from_lesson(found, &timeline);
        let (w, h) = crossterm::terminal::size().unwrap_or((80, 24));
        if let Some(super::args::Command::Present { from: Some(n), .. }) = &cli.command {
            if *n == 0 || *n > p.slides.len() {
                errln!(
                    "tipline: --from {n}: the lesson has stops 1 to {}",
                    p.slides.len()
                );
                return Err(EXIT_USAGE);
            }
            p.current = n - 1;
        }
        p.fit_check = Some(crate::app::panes::present::fit_problems(
            &p, &timeline, w, h, projector,
        ));
        presenter = Some(Box::new(p));
    }
    if let Some(id) = &cli.goto {
        if timeline.event_position(id).is_none() {
            errln!(
                "tipline: --goto: no event with id `{}`",
                crate::text::sanitize_line(id)
            );
            return Err(EXIT_USAGE);
        }
    }
    let mut app = crate::app::App::with_settings(timeline, query, settings);
    if let Some(p) = presenter {
        app.update(crate::app::Msg::Present(p));
    }
    browse(cli, &config, app, None)
}

/// Runs the app, in the session of a loading screen if there was one.
fn browse(
    cli: &Cli,
    config: &crate::app::config::Config,
    mut app: crate::app::App,
    session: Option<crate::app::terminal::TerminalSession>,
) -> Result<(), u8> {
    if let Some(id) = &cli.goto {
        app.update(crate::app::Msg::Goto(id.clone()));
    }
    let mouse = !cli.no_mouse && config.mouse.unwrap_or(true);
    let (mut watcher, unwatched) = Watcher::new(if cli.no_watch { &[] } else { &cli.data });
    if let Some(note) = unwatched {
        app.update(crate::app::Msg::Notice(note));
    }
    let idle = |app: &mut crate::app::App| watcher.poll(app);
    let ended = match session {
        Some(mut session) => crate::app::event_loop::run_in(&mut session, &mut app, idle),
        None => crate::app::event_loop::run(&mut app, mouse, idle),
    };
    // The terminal is given back by now. The process ends next, and its
    // memory with it: freeing a large timeline event by event first would
    // hold the shell's prompt back (half a second at 100k events). Nothing
    // the app holds writes anything when dropped.
    std::mem::forget(app);
    ended.map_err(exit_status)
}

/// The look and keys the settings file and the flags ask for.
fn settings_of(cli: &Cli, config: &crate::app::config::Config) -> crate::app::Settings {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = cli
        .theme
        .as_deref()
        .and_then(crate::app::theme::ThemeName::parse)
        .or(config.theme);
    crate::app::Settings {
        theme: crate::app::theme::Theme::new(theme.unwrap_or(crate::app::theme::ThemeName::Dark), no_color),
        keymap: config.keymap.clone().unwrap_or_default(),
        projector: false,
        hyperlinks: hyperlinks_wanted(config.hyperlinks),
        data_files: cli.data.clone(),
    }
}

/// Why `--goto` cannot be followed, if it names no event.
fn goto_problem(cli: &Cli, timeline: &crate::timeline::model::Timeline) -> Option<String> {
    let id = cli
        .goto
        .as_deref()
        .filter(|id| timeline.event_position(id).is_none())?;
    let ids: Vec<&str> = timeline.events.iter().map(|e| e.id.as_str()).collect();
    let hint = crate::text::did_you_mean(id, &ids)
        .map(|h| format!(" ({h})"))
        .unwrap_or_default();
    Some(format!(
        "tipline: --goto: no event with id `{}`{hint}",
        crate::text::sanitize_line(id)
    ))
}

/// Opens the app on data files, loading them on another thread. A load
/// that ends within [`SHOW_AFTER`] opens the app as usual; a longer one
/// takes the terminal at once and shows the loading screen, from which
/// the reader can quit (exit status 0) before the data is in. Problems
/// with the data, the query or `--goto` are printed once the terminal is
/// given back; warnings too, when the app ends.
fn open_loading(
    cli: &Cli,
    query: crate::query::Query,
    config: &crate::app::config::Config,
) -> Result<(), u8> {
    // Unreadable files are reported before any terminal is touched.
    let (files, converted) = read_files_converting(&cli.data)?;
    let name = crate::text::sanitize_line(
        &files
            .iter()
            .map(|f| f.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    )
    .to_string();
    let settings = settings_of(cli, config);
    let progress = std::sync::Arc::new(crate::app::panes::loading::Progress::default());
    let (sender, loaded) = mpsc::channel();
    let (counter, for_app) = (progress.clone(), settings.clone());
    let query_for_app = query.clone();
    let load = move || {
        let mut loaded = load_with_progress(files, &mut |done, total| counter.set(done, total));
        restate(&mut loaded.diagnostics, &converted);
        // The app is built here too: at a million events that takes a while.
        let app = (loaded.timeline.take()).map(|t| crate::app::App::with_settings(t, query_for_app, for_app));
        let _ = sender.send((loaded, app));
    };
    if std::thread::Builder::new()
        .name("load".into())
        .spawn(load)
        .is_err()
    {
        errln!("tipline: no thread to load the data on");
        return Err(EXIT_USAGE);
    }
    let mut session = None;
    let (loaded, app) = match loaded.recv_timeout(SHOW_AFTER) {
        Ok(done) => done,
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            errln!("tipline: loading the data failed");
            return Err(EXIT_USAGE);
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            let mouse = !cli.no_mouse && config.mouse.unwrap_or(true);
            let mut taken = crate::app::terminal::TerminalSession::start(mouse)
                .map_err(|e| exit_status(crate::app::terminal::Stop::Error(e)))?;
            let input = &taken.incoming;
            let waited = crate::app::event_loop::run_loading(
                &mut taken.terminal,
                &name,
                &progress,
                &settings,
                &loaded,
                |wait| input.next(wait),
                || input.signalled(),
            );
            match waited {
                Ok(Some(done)) => {
                    session = Some(taken);
                    done
                }
                // The reader left: the terminal is given back as the session ends.
                Ok(None) => return Ok(()),
                Err(stop) => {
                    drop(taken);
                    return Err(exit_status(stop));
                }
            }
        }
    };
    let Some(app) = app else {
        drop(session);
        report_loaded(&loaded);
        errln!(
            "tipline: {} error(s) in the data; nothing loaded",
            loaded.errors()
        );
        return Err(EXIT_INVALID_DATA);
    };
    let mut problems: Vec<String> = crate::query::known::unknown_values(&query, app.timeline())
        .iter()
        .map(|m| format!("tipline: {}", crate::text::sanitize_line(m)))
        .collect();
    problems.extend(goto_problem(cli, app.timeline()));
    if session.is_none() || !problems.is_empty() {
        // Warnings come before the app, as with any load, or after the terminal is back.
        drop(session.take());
        report_loaded(&loaded);
    }
    if !problems.is_empty() {
        problems.iter().for_each(|p| errln!("{p}"));
        return Err(EXIT_USAGE);
    }
    let shown_later = session.is_some();
    let result = browse(cli, config, app, session);
    if shown_later {
        report_loaded(&loaded);
    }
    result
}

/// Whether to draw web addresses as OSC 8 hyperlinks: as the config says,
/// else wherever the terminal is not one known to print them as garbage
/// (the Linux console, dumb terminals). Terminals without hyperlinks
/// ignore the sequence.
fn hyperlinks_wanted(config: Option<bool>) -> bool {
    config.unwrap_or_else(|| {
        let term = std::env::var("TERM").unwrap_or_default();
        !matches!(term.as_str(), "linux" | "dumb" | "")
    })
}

/// The config file (`--config`, else the default place), its problems
/// reported before any terminal is touched.
fn config(given: Option<&std::path::Path>) -> Result<crate::app::config::Config, u8> {
    match given.map(PathBuf::from).or_else(crate::app::config::default_path) {
        Some(path) => crate::app::config::load(&path).map_err(|problems| {
            report(&problems);
            EXIT_USAGE
        }),
        None => Ok(Default::default()),
    }
}

/// The key table, with the config file's bindings, for the notes view and quizzes.
pub(super) fn keymap(given: Option<&std::path::Path>) -> Result<crate::app::keymap::Keymap, u8> {
    Ok(config(given)?.keymap.unwrap_or_default())
}

/// The exit status for a terminal run that did not end by the user quitting.
pub(super) fn exit_status(stop: crate::app::terminal::Stop) -> u8 {
    match stop {
        // The conventional status for death by a signal: 128 + its number.
        crate::app::terminal::Stop::Signal(sig) => 128u8.saturating_add(sig as u8),
        crate::app::terminal::Stop::Error(e) => {
            errln!(
                "tipline: terminal error: {}",
                crate::text::sanitize_line(&e.to_string())
            );
            EXIT_USAGE
        }
    }
}
