//! `tipline notes`: a second terminal that follows a presenting tipline on
//! the same machine and shows the teacher what the room does not see.

use super::input::{Action, Msg};
use super::keymap::{Context, Keymap};
use super::presenter::{state_dir, Published};
use super::terminal::{Stop, TerminalSession};
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

/// The presenter to follow: the one asked for, else the most recent one still running.
pub fn find(pid: Option<u32>) -> Option<Published> {
    let mut found: Vec<(SystemTime, Published)> = std::fs::read_dir(state_dir())
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with("present-"))
        .filter_map(|e| {
            let modified = e.metadata().ok()?.modified().ok()?;
            let state: Published = serde_json::from_str(&std::fs::read_to_string(e.path()).ok()?).ok()?;
            Some((modified, state))
        })
        .filter(|(_, s)| pid.is_none_or(|p| p == s.pid) && alive(s.pid))
        .collect();
    found.sort_by_key(|(m, _)| *m);
    found.pop().map(|(_, s)| s)
}

pub fn draw(frame: &mut Frame, state: Option<&Published>, keymap: &Keymap) {
    let area: Rect = frame.area();
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let lines: Vec<Line> = match state {
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
                l.push(Line::raw(format!("Question: {q}")));
            }
            l.push(Line::default());
            l.push(Line::styled("Notes", bold));
            l.push(Line::raw(
                s.notes.clone().unwrap_or_else(|| "(none for this stop)".into()),
            ));
            l.push(Line::default());
            l.push(Line::raw(format!(
                "Next: {}",
                s.next.clone().unwrap_or_else(|| "(last stop)".into())
            )));
            l
        }
    };
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
        let state = find(pid);
        terminal
            .draw(|f| draw(f, state.as_ref(), keymap))
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
