//! Starting the plain reading (`--plain`, or TERM dumb or unset) where the
//! app would open.

use super::args::Cli;
use super::io::EXIT_USAGE;
use crate::query::Query;
use crate::timeline::model::Timeline;
use std::io::IsTerminal;

/// Whether the plain reading runs instead of the full-screen app: asked
/// for, or a terminal that says it cannot move the cursor (or says nothing).
pub(super) fn wanted(cli: &Cli) -> bool {
    cli.plain || term_is_dumb(std::env::var_os("TERM").as_deref())
}

fn term_is_dumb(term: Option<&std::ffi::OsStr>) -> bool {
    term.is_none_or(|t| t.is_empty() || t == "dumb")
}

/// Reads the timeline with commands from stdin until `quit` or the end of
/// the input. A lesson cannot be presented this way, and says so.
pub(super) fn read(cli: &Cli, timeline: Timeline, query: Query, presenting: bool) -> Result<(), u8> {
    if presenting {
        errln!(
            "tipline: present needs a full-screen terminal; without one (--plain, or TERM dumb or \
             unset) use `tipline lessons show LESSON` to read a lesson"
        );
        return Err(EXIT_USAGE);
    }
    let mut session = crate::plain::Session::new(timeline, query);
    if let Some(id) = &cli.goto {
        // A --goto outside the filter leaves the reader on the first event.
        session.goto(id);
    }
    let stdin = std::io::stdin();
    let prompt = stdin.is_terminal();
    // As the app follows its data files, the reading loads them again when
    // they changed since it last looked, before each command.
    let paths = cli.data.clone();
    let mut seen: Vec<_> = paths.iter().map(|p| super::watch::stamp(p)).collect();
    let changed = move || {
        let now: Vec<_> = paths.iter().map(|p| super::watch::stamp(p)).collect();
        if now == seen {
            return None;
        }
        seen = now;
        Some(super::watch::read_and_load(
            &paths,
            &std::sync::atomic::AtomicU64::new(0),
        ))
    };
    let (input, output) = (stdin.lock(), std::io::stdout().lock());
    match crate::plain::run_following(&mut session, input, output, prompt, changed) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            errln!(
                "tipline: plain reading stopped: {}",
                crate::text::sanitize_line(&e.to_string())
            );
            Err(EXIT_USAGE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dumb_or_unset_term_is_dumb() {
        assert!(term_is_dumb(None));
        assert!(term_is_dumb(Some("".as_ref())));
        assert!(term_is_dumb(Some("dumb".as_ref())));
        assert!(!term_is_dumb(Some("xterm-256color".as_ref())));
        assert!(!term_is_dumb(Some("linux".as_ref())));
    }
}
