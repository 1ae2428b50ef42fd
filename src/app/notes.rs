//! `tipline notes`: a second terminal that follows a presenting tipline on
//! the same machine and shows the teacher what the room does not see.

use super::input::{Action, Msg};
use super::keymap::{Context, Keymap};
use super::presenter::{Published, StateDir};
use super::terminal::{Stop, TerminalSession};
use crate::text::{sanitize_block, sanitize_line};
use crossterm::event::{Event, KeyEventKind};
use ratatui::backend::Backend;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::{Frame, Terminal};
use std::io;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Whether the process that wrote a state file is still running: asked of
/// the kernel with `kill(pid, 0)`, which sends nothing. A process of
/// another user answers "not permitted", which still means it is there.
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid).ok().and_then(rustix::process::Pid::from_raw) else {
        return false;
    };
    match rustix::process::test_kill_process(pid) {
        Ok(()) => true,
        Err(e) => e == rustix::io::Errno::PERM,
    }
}

/// Elsewhere there is no such call without a heavier dependency, so every
/// presenter whose file is there counts as running; a presenter removes
/// its file when it stops, so only one that crashed is followed wrongly.
#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    true
}

/// What the notes terminal found in the state folder: the presenter to
/// follow, if any, and the files it would not read, each with why.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    pub state: Option<Published>,
    pub skipped: Vec<String>,
}

/// The presenter to follow: the one asked for, else the most recent one
/// still running, from the state folder (see [`find_in`]).
pub fn find(pid: Option<u32>) -> Found {
    match StateDir::open() {
        Ok(dir) => find_in(&dir, pid),
        Err(why) => Found {
            state: None,
            skipped: vec![why],
        },
    }
}

/// The process id a state file's name is for, and whether it is a
/// temporary file: `present-PID.json` or `.present-PID.tmp`.
fn named_pid(name: &str) -> Option<(u32, bool)> {
    let parse = |digits: &str| {
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    if let Some(pid) = name
        .strip_prefix("present-")
        .and_then(|n| n.strip_suffix(".json"))
    {
        return parse(pid).map(|p| (p, false));
    }
    let pid = name.strip_prefix(".present-")?.strip_suffix(".tmp")?;
    parse(pid).map(|p| (p, true))
}

/// Reads the states in `dir`. Files of presenters no longer running are
/// removed; anything that is not a regular file of this user's of at most
/// 64 KiB is skipped with a note and never opened in a way that could
/// wait; a state counts only when the process id in its name and in its
/// text agree (and, with `pid`, are that one). The text is made safe to
/// show, keeping the line breaks of notes and prompts.
pub fn find_in(dir: &StateDir, pid: Option<u32>) -> Found {
    let mut found: Vec<(SystemTime, Published)> = Vec::new();
    let mut skipped = Vec::new();
    for name in dir.names() {
        let Some((named, temporary)) = named_pid(&name) else {
            continue;
        };
        if !alive(named) {
            dir.remove(named);
            continue;
        }
        if temporary || pid.is_some_and(|p| p != named) {
            continue;
        }
        match dir.read(&name) {
            Ok((_, state)) if state.pid != named => {
                skipped.push(format!("{name}: written for process {}", state.pid));
            }
            Ok((modified, state)) => found.push((modified, cleaned(state))),
            Err(why) => skipped.push(format!("{name}: {why}")),
        }
    }
    found.sort_by_key(|(m, _)| *m);
    skipped.sort();
    Found {
        state: found.pop().map(|(_, s)| s),
        skipped: skipped.iter().map(|s| sanitize_line(s).into_owned()).collect(),
    }
}

/// A state's text made safe to draw: control characters visible, line
/// breaks kept where the lesson has them.
fn cleaned(s: Published) -> Published {
    let line = |t: String| sanitize_line(&t).into_owned();
    let block = |t: String| sanitize_block(&t).into_owned();
    Published {
        lesson: line(s.lesson),
        title: line(s.title),
        prompt: s.prompt.map(block),
        notes: s.notes.map(block),
        next: s.next.map(line),
        ..s
    }
}

/// How many skipped files the notes view lists.
const SKIPPED_SHOWN: usize = 5;

pub fn draw(frame: &mut Frame, found: &Found, keymap: &Keymap) {
    let area: Rect = frame.area();
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let mut lines: Vec<Line> = match &found.state {
        None => vec![
            Line::styled("Waiting for a presenter…", bold),
            Line::raw("Start one in another terminal: tipline present LESSON"),
            Line::raw(format!(
                "{} quits",
                keymap.first_key(Context::Notes, Action::Quit)
            )),
        ],
        Some(s) => {
            let now = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            let secs = now.saturating_sub(s.started_unix);
            let mut l = vec![
                Line::styled(
                    format!(
                        "{} — stop {} / {} — {:02}:{:02} elapsed",
                        s.lesson,
                        s.position,
                        s.total,
                        secs / 60,
                        secs % 60
                    ),
                    bold,
                ),
                Line::default(),
                Line::styled(format!("Now: {}", s.title), bold),
            ];
            if let Some(q) = &s.prompt {
                // Each line of the prompt on a line of its own.
                for (i, text) in q.lines().enumerate() {
                    l.push(Line::raw(if i == 0 {
                        format!("Question: {text}")
                    } else {
                        text.to_string()
                    }));
                }
            }
            l.push(Line::default());
            l.push(Line::styled("Notes", bold));
            match &s.notes {
                Some(notes) => l.extend(notes.lines().map(|t| Line::raw(t.to_string()))),
                None => l.push(Line::raw("(none for this stop)")),
            }
            l.push(Line::default());
            l.push(Line::raw(format!(
                "Next: {}",
                s.next.clone().unwrap_or_else(|| "(last stop)".into())
            )));
            l
        }
    };
    if !found.skipped.is_empty() {
        let dim = Style::default().add_modifier(Modifier::DIM);
        lines.push(Line::default());
        for note in found.skipped.iter().take(SKIPPED_SHOWN) {
            lines.push(Line::styled(format!("Ignored {note}"), dim));
        }
        if found.skipped.len() > SKIPPED_SHOWN {
            lines.push(Line::styled(
                format!("and {} more", found.skipped.len() - SKIPPED_SHOWN),
                dim,
            ));
        }
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), area);
}

fn follow<B: Backend>(
    keymap: &Keymap,
    terminal: &mut Terminal<B>,
    pid: Option<u32>,
    mut next_event: impl FnMut() -> io::Result<Option<Event>>,
    signalled: impl Fn() -> Option<i32>,
) -> Result<(), Stop>
where
    B::Error: Send + Sync + 'static,
{
    loop {
        if let Some(sig) = signalled() {
            return Err(Stop::Signal(sig));
        }
        let found = find(pid);
        terminal
            .draw(|f| draw(f, &found, keymap))
            .map_err(|e| Stop::Error(io::Error::other(e)))?;
        if let Some(Event::Key(k)) = next_event().map_err(Stop::Error)? {
            let quit = matches!(keymap.msg_for(Context::Notes, k), Some(Msg::Action(Action::Quit)));
            if quit && k.kind != KeyEventKind::Release {
                return Ok(());
            }
        }
    }
}

/// Follows a presenter until the user quits or a signal arrives; the
/// terminal is restored after, whichever it was.
pub fn run(pid: Option<u32>, keymap: &Keymap) -> Result<(), Stop> {
    let mut session = TerminalSession::start(false).map_err(Stop::Error)?;
    let input = &session.incoming;
    follow(
        keymap,
        &mut session.terminal,
        pid,
        || input.next(Duration::from_millis(250)),
        || input.signalled(),
    )
}

#[cfg(all(test, unix))]
mod tests {
    use super::alive;

    #[test]
    fn a_running_process_is_alive_and_a_finished_one_is_not() {
        assert!(alive(std::process::id()));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let pid = child.id();
        child.wait().unwrap();
        assert!(!alive(pid), "a reaped child is gone");
        assert!(!alive(0), "no process has id 0");
        assert!(!alive(u32::MAX), "beyond any process id");
    }
}
