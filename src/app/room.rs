//! The notes console driving the room: the few moves a teacher's console
//! may ask of the presenter it follows (reveal, next, back, blank), each
//! written as a file of its own in the private state folder and taken by
//! that presenter once. Nothing listens on a network: the folder is this
//! user's alone (0700), the files are 0600, written without following
//! links, and read only when they are regular files of this user's.

use super::input::Action;
use super::statedir::StateDir;
use std::time::{SystemTime, UNIX_EPOCH};

/// What the console may ask of the room: the presenter's own moves, no
/// others (it cannot quit the lesson or open anything).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    Reveal,
    Next,
    Back,
    BlankBlack,
    BlankWhite,
}

impl Command {
    pub const ALL: [Command; 5] = [
        Command::Reveal,
        Command::Next,
        Command::Back,
        Command::BlankBlack,
        Command::BlankWhite,
    ];

    /// The command an action of the notes console sends, if it sends one.
    pub fn of(action: Action) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.action() == action)
    }

    /// The presenter's action it stands for: the presenter applies it as
    /// if its own key for it had been pressed.
    pub fn action(self) -> Action {
        match self {
            Command::Reveal => Action::Reveal,
            Command::Next => Action::NextStop,
            Command::Back => Action::PrevStop,
            Command::BlankBlack => Action::BlankBlack,
            Command::BlankWhite => Action::BlankWhite,
        }
    }

    /// What the console says it sent.
    pub fn described(self) -> &'static str {
        match self {
            Command::Reveal => "reveal the next part",
            Command::Next => "next stop",
            Command::Back => "previous stop",
            Command::BlankBlack => "blank to black, or back",
            Command::BlankWhite => "blank to white, or back",
        }
    }
}

/// One command as written: to which presenter, from which console, its
/// number (unique for that console, and ordered), and what it asks.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
struct Sent {
    to: u32,
    from: u32,
    seq: u64,
    command: Command,
}

/// The largest command file a presenter reads.
const MAX_COMMAND_BYTES: u64 = 512;

/// A command older than this when the presenter looks is dropped unread:
/// a presenter back from a suspension should not race through the stops
/// the teacher asked for while it was stopped.
pub const STALE_NANOS: u64 = 10_000_000_000;

fn name(to: u32, from: u32, seq: u64) -> String {
    format!("command-{to}-{from}-{seq}.json")
}

fn temp_name(to: u32, from: u32, seq: u64) -> String {
    format!(".command-{to}-{from}-{seq}.tmp")
}

/// A command file's name read back: to, from, number, and whether it is
/// the temporary name.
pub(crate) fn parse_name(name: &str) -> Option<(u32, u32, u64, bool)> {
    let (rest, temporary) = match name.strip_prefix(".command-") {
        Some(rest) => (rest.strip_suffix(".tmp")?, true),
        None => (name.strip_prefix("command-")?.strip_suffix(".json")?, false),
    };
    let mut parts = rest.split('-');
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mut next = || parts.next().filter(|s| digits(s));
    let (to, from, seq) = (
        next()?.parse().ok()?,
        next()?.parse().ok()?,
        next()?.parse().ok()?,
    );
    parts.next().is_none().then_some((to, from, seq, temporary))
}

/// Nanoseconds since 1970: a console's commands are numbered with the
/// time they were sent, so a presenter can order the commands of several
/// consoles and tell an old one from a new one.
pub fn now_nanos() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// A console's side: numbers its commands, each above the last.
#[derive(Debug)]
pub struct Sender {
    from: u32,
    last: u64,
}

impl Default for Sender {
    fn default() -> Self {
        Sender::new()
    }
}

impl Sender {
    pub fn new() -> Sender {
        Sender {
            from: std::process::id(),
            last: 0,
        }
    }

    /// Writes `command` for the presenter in process `to`, under a name
    /// of its own (so a second command never replaces a first not yet
    /// taken), created new with mode 0600 and renamed into place whole.
    pub fn send(&mut self, dir: &StateDir, to: u32, command: Command) -> std::io::Result<()> {
        let seq = now_nanos().max(self.last.saturating_add(1));
        self.last = seq;
        let sent = Sent {
            to,
            from: self.from,
            seq,
            command,
        };
        let bytes = serde_json::to_vec(&sent).map_err(std::io::Error::other)?;
        dir.write(&temp_name(to, self.from, seq), &name(to, self.from, seq), &bytes)
    }
}

/// The presenter's side: the commands written for process `pid`, in the
/// order they were sent. Each is removed before it is returned, and
/// returned only when this process removed it, so it is applied once;
/// files that are not regular files of this user's, that say another
/// process or number than their name, or that are older than
/// [`STALE_NANOS`] at `now` (nanoseconds since 1970) are removed unread.
pub fn take(dir: &StateDir, pid: u32, now: u64) -> Vec<Command> {
    let mut found: Vec<(u64, u32, String)> = dir
        .names()
        .into_iter()
        .filter_map(|n| match parse_name(&n) {
            Some((to, from, seq, false)) if to == pid => Some((seq, from, n)),
            _ => None,
        })
        .collect();
    found.sort();
    let mut taken = Vec::new();
    for (seq, from, name) in found {
        let read = if now.saturating_sub(seq) > STALE_NANOS {
            None
        } else {
            dir.read_bytes(&name, MAX_COMMAND_BYTES)
                .ok()
                .and_then(|(_, bytes)| serde_json::from_slice::<Sent>(&bytes).ok())
                .filter(|s| (s.to, s.from, s.seq) == (pid, from, seq))
        };
        if dir.unlink(&name).is_ok() {
            taken.extend(read.map(|s| s.command));
        }
    }
    taken
}

/// Removes every command to process `to`, taken or not, temporary names
/// included: when that presenter stops, or is found no longer running.
pub fn discard(dir: &StateDir, to: u32) {
    for n in dir.names() {
        if parse_name(&n).is_some_and(|(t, ..)| t == to) {
            let _ = dir.unlink(&n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_as_written() {
        assert_eq!(parse_name(&name(12, 34, 56)), Some((12, 34, 56, false)));
        assert_eq!(parse_name(&temp_name(12, 34, 56)), Some((12, 34, 56, true)));
        for bad in [
            "command-12-34.json",
            "command-12-34-56-7.json",
            "command-12--56.json",
            "command-1a-34-56.json",
            "command-12-34-+5.json",
            "command-12-34-56.tmp",
            ".command-12-34-56.json",
            "present-12.json",
        ] {
            assert_eq!(parse_name(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_the_presenters_moves_are_commands() {
        assert_eq!(Command::of(Action::NextStop), Some(Command::Next));
        assert_eq!(Command::of(Action::PrevStop), Some(Command::Back));
        assert_eq!(Command::of(Action::Reveal), Some(Command::Reveal));
        assert_eq!(Command::of(Action::BlankWhite), Some(Command::BlankWhite));
        for other in [
            Action::Quit,
            Action::OpenSource,
            Action::EndPresenting,
            Action::PauseTimer,
        ] {
            assert_eq!(Command::of(other), None, "{other:?}");
        }
    }
}
