//! `tipline notes`: a second terminal that follows a presenting tipline on
//! the same machine and shows the teacher what the room does not see.

use super::event_loop::{drive, Screen};
use super::input::{Action, Msg};
use super::keymap::{Context, Keymap};
use super::presenter::{Blank, Published, StateDir};
use super::room::{self, Command, Sender};
use super::terminal::{Stop, TerminalSession};
use crate::text::{sanitize_block, sanitize_line};
use crossterm::event::{Event, KeyEventKind};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use ratatui::Frame;
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
        // Commands to a presenter no longer running would never be taken.
        if let Some((to, ..)) = room::parse_name(&name) {
            if !alive(to) {
                let _ = dir.unlink(&name);
            }
            continue;
        }
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

/// The teacher's clock: elapsed time since the presenter began, which the
/// teacher can pause and start again from zero. Kept in this terminal only.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Timer {
    /// When the clock was last set to zero (else: when presenting began).
    zero: Option<u64>,
    paused_at: Option<u64>,
    /// Seconds spent paused since the zero.
    paused: u64,
}

impl Timer {
    /// Seconds on the clock at `now` for a presenter whose room saw the
    /// first stop at `started`; a zero set before then counts from then.
    pub fn elapsed(&self, started: u64, now: u64) -> u64 {
        let zero = self.zero.map_or(started, |z| z.max(started));
        self.paused_at
            .unwrap_or(now)
            .saturating_sub(zero)
            .saturating_sub(self.paused)
    }

    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    pub fn toggle_pause(&mut self, now: u64) {
        match self.paused_at.take() {
            Some(at) => self.paused += now.saturating_sub(at),
            None => self.paused_at = Some(now),
        }
    }

    pub fn reset(&mut self, now: u64) {
        self.zero = Some(now);
        self.paused = 0;
        if self.paused_at.is_some() {
            self.paused_at = Some(now);
        }
    }
}

fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn clock(secs: u64) -> String {
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

/// A bar of `width` cells, `done` of `total` solid (█) and the rest light (░).
fn bar(done: u64, total: u64, width: usize) -> String {
    let solid = if total == 0 {
        0
    } else {
        ((done.min(total) as u128 * width as u128) / total as u128) as usize
    };
    "█".repeat(solid) + &"░".repeat(width - solid)
}

/// Draws the notes view as it is now, with a fresh clock.
pub fn draw(frame: &mut Frame, found: &Found, keymap: &Keymap) {
    draw_console(frame, found, keymap, &Timer::default(), now_unix());
}

/// What the console keeps of its own, besides the presenter's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Console {
    pub timer: Timer,
    /// The presenter's process id, when `--pid` asked for one.
    pub pid: Option<u32>,
    /// What the last room key sent, or why it sent nothing; kept until
    /// the room moves.
    pub sent: Option<String>,
}

/// The teacher's console: where the lesson is and what is showing, what
/// comes next on this stop and after it, the question and the notes, the
/// clock and, when the lesson plans minutes, a countdown and a pace bar.
pub fn draw_console(frame: &mut Frame, found: &Found, keymap: &Keymap, timer: &Timer, now: u64) {
    let console = Console {
        timer: *timer,
        ..Console::default()
    };
    draw_console_for(frame, found, keymap, &console, now);
}

/// [`draw_console`] with what the console keeps: for the presenter of one
/// process id, when one was asked for (the waiting screen says which), and
/// what its last room key sent.
pub fn draw_console_for(frame: &mut Frame, found: &Found, keymap: &Keymap, console: &Console, now: u64) {
    let (timer, pid) = (&console.timer, console.pid);
    let area: Rect = frame.area();
    let bold = Style::default().add_modifier(Modifier::BOLD);
    let dim = Style::default().add_modifier(Modifier::DIM);
    let key = |a| keymap.first_key(Context::Notes, a);
    let mut lines: Vec<Line> = match &found.state {
        None => vec![
            Line::styled(
                match pid {
                    Some(p) if alive(p) => format!("Waiting for the presenter in process {p}…"),
                    Some(p) => format!("Waiting for the presenter in process {p} (no such process is running)…"),
                    None => "Waiting for a presenter…".to_string(),
                },
                bold,
            ),
            Line::raw(match pid {
                Some(_) => "Start one in another terminal: tipline present LESSON; without --pid, the latest is followed",
                None => "Start one in another terminal: tipline present LESSON",
            }),
            Line::raw(format!("{} quits", key(Action::Quit))),
        ]
        .into_iter()
        .chain(console.sent.iter().map(|sent| Line::styled(sent.clone(), bold)))
        .collect(),
        Some(s) => {
            let secs = timer.elapsed(s.started_unix, now);
            let mut l = vec![Line::styled(
                format!("{} — stop {} / {}", s.lesson, s.position, s.total),
                bold,
            )];
            if s.browsing {
                l.push(Line::raw(
                    "The presenter is browsing; the lesson is kept where it was.",
                ));
            }
            if let Some(blank) = s.blank {
                l.push(Line::styled(
                    format!(
                        "The room's screen is blank ({}); a room key brings it back.",
                        match blank {
                            Blank::Black => "black",
                            Blank::White => "white",
                        }
                    ),
                    bold,
                ));
            }
            let paused = if timer.is_paused() { " (paused)" } else { "" };
            let width = (area.width as usize).saturating_sub(22).clamp(4, 40);
            match s.minutes {
                // The room still reads the fit check: no time has run.
                _ if s.fit_check => {
                    l.push(Line::styled(
                        format!("Time  00:00, not started: the room sees the fit check{paused}"),
                        bold,
                    ));
                    l.push(Line::raw(format!(
                        "{} here, or any key there, shows the first stop and starts the clock",
                        key(Action::NextStop)
                    )));
                }
                Some(m) => {
                    let total = u64::from(m) * 60;
                    let left = total.saturating_sub(secs);
                    let over = secs.saturating_sub(total);
                    let count = if over > 0 {
                        format!("{} over", clock(over))
                    } else {
                        format!("{} left", clock(left))
                    };
                    l.push(Line::styled(
                        format!("Time  {} {}{paused}", bar(secs, total, width), count),
                        bold,
                    ));
                    l.push(Line::raw(format!("      {} of {}", clock(secs), clock(total))));
                    if let Some((begin, end)) = s.plan {
                        let pace = if secs > end {
                            "behind"
                        } else if secs < begin {
                            "ahead"
                        } else {
                            "on pace"
                        };
                        let pace = format!("{pace} · this stop {}–{}", clock(begin), clock(end));
                        l.push(Line::raw(format!("Plan  {} {pace}", bar(end, total, width))));
                    }
                }
                None => l.push(Line::styled(
                    format!("Time  {} elapsed{paused}", clock(secs)),
                    bold,
                )),
            }
            l.push(Line::default());
            l.push(Line::styled(format!("Now: {}", s.title), bold));
            let list = |parts: &[String]| parts.join(", ");
            if !s.revealed.is_empty() || !s.coming.is_empty() {
                l.push(Line::raw(format!(
                    "Showing: {}",
                    if s.revealed.is_empty() {
                        "the title".into()
                    } else {
                        list(&s.revealed)
                    }
                )));
                l.push(Line::raw(format!(
                    "Coming on this stop: {}",
                    if s.coming.is_empty() {
                        "nothing; the next key moves on".into()
                    } else {
                        list(&s.coming)
                    }
                )));
            }
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
                "Next stop: {}",
                s.next.clone().unwrap_or_else(|| "(this is the last stop)".into())
            )));
            l.push(Line::default());
            if let Some(sent) = &console.sent {
                l.push(Line::styled(sent.clone(), bold));
            }
            l.push(Line::styled(
                if s.browsing {
                    format!(
                        "The room keys wait for the lesson: {} resumes it in the presenter",
                        keymap.key_for(Action::Present)
                    )
                } else {
                    format!(
                        "Room: {} next · {} back · {} reveals · {} blanks",
                        key(Action::NextStop),
                        key(Action::PrevStop),
                        key(Action::Reveal),
                        key(Action::BlankBlack),
                    )
                },
                dim,
            ));
            l.push(Line::styled(
                format!(
                    "{} pauses the clock · {} sets it to 0:00 · {} quits",
                    key(Action::PauseTimer),
                    key(Action::ResetTimer),
                    key(Action::Quit)
                ),
                dim,
            ));
            l
        }
    };
    if !found.skipped.is_empty() {
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
    let lines = super::panes::widgets::wrapped_lines(&lines, usize::from(area.width));
    frame.render_widget(super::panes::widgets::Lines(&lines), area);
}

/// The notes console as one of the loops [`drive`] runs: it reads the
/// presenter's state again each time the loop comes round, and writes
/// the room keys as commands for that presenter.
struct Following<'a> {
    keymap: &'a Keymap,
    console: Console,
    found: Found,
    sender: Sender,
    quit: bool,
}

impl Following<'_> {
    /// Sends a room key to the presenter followed, or says why not.
    fn send(&mut self, command: Command) {
        let said = match &self.found.state {
            None => format!("No presenter to send to: {} was not sent", command.described()),
            Some(s) if s.browsing => format!(
                "The presenter is browsing: {} resumes the lesson there; nothing was sent",
                self.keymap.key_for(Action::Present)
            ),
            Some(s) => match StateDir::open()
                .and_then(|dir| self.sender.send(&dir, s.pid, command).map_err(|e| e.to_string()))
            {
                Ok(()) => format!("Sent to the room: {}", command.described()),
                Err(why) => format!("Not sent: {}", sanitize_line(&why)),
            },
        };
        self.console.sent = Some(said);
    }
}

impl Screen for Following<'_> {
    type Outcome = ();

    fn arrived(&mut self) -> Result<bool, Stop> {
        let found = find(self.console.pid);
        if found == self.found {
            return Ok(false);
        }
        if found.state != self.found.state {
            // The room moved: what was sent has been seen to.
            self.console.sent = None;
        }
        if let (Some(was), Some(is)) = (&self.found.state, &found.state) {
            if was.pid == is.pid && was.fit_check && !is.fit_check {
                // The room sees the first stop: the clock starts from there,
                // paused if it was paused while the fit check showed.
                self.console.timer.reset(is.started_unix);
            }
        }
        self.found = found;
        Ok(true)
    }

    fn outcome(&mut self) -> Option<()> {
        self.quit.then_some(())
    }

    fn draw(&mut self, frame: &mut Frame) {
        draw_console_for(frame, &self.found, self.keymap, &self.console, now_unix());
    }

    fn wait(&self) -> Duration {
        // Often enough for the clock and the presenter's moves.
        Duration::from_millis(250)
    }

    fn event(&mut self, event: Event) -> Result<bool, Stop> {
        if let Event::Key(k) = event {
            if k.kind != KeyEventKind::Release {
                match self.keymap.msg_for(Context::Notes, k) {
                    Some(Msg::Action(Action::Quit)) => self.quit = true,
                    Some(Msg::Action(Action::PauseTimer)) => self.console.timer.toggle_pause(now_unix()),
                    Some(Msg::Action(Action::ResetTimer)) => self.console.timer.reset(now_unix()),
                    Some(Msg::Action(action)) => {
                        if let Some(command) = Command::of(action) {
                            self.send(command);
                        }
                    }
                    _ => {}
                }
            }
        }
        Ok(true)
    }

    fn idle(&mut self) -> bool {
        true
    }
}

/// Follows a presenter until the user quits or a signal arrives; the
/// terminal is restored after, whichever it was.
pub fn run(pid: Option<u32>, keymap: &Keymap) -> Result<(), Stop> {
    let mut session = TerminalSession::start(false).map_err(Stop::Error)?;
    let input = &session.incoming;
    let mut following = Following {
        keymap,
        console: Console {
            pid,
            ..Console::default()
        },
        found: Found::default(),
        sender: Sender::new(),
        quit: false,
    };
    drive(
        &mut session.terminal,
        &mut following,
        |wait| input.next(wait),
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
