//! A progress bar on stderr for long loads: shown only when stderr is a
//! terminal and the work has taken longer than [`SHOW_AFTER`], so pipes,
//! logs and quick loads never see it.

use crate::load::{DataFile, Loaded};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Work quicker than this shows no bar.
pub(super) const SHOW_AFTER: Duration = Duration::from_millis(500);
/// The bar is redrawn at most this often.
const REDRAW_EVERY: Duration = Duration::from_millis(100);
const WIDTH: usize = 30;

/// Draws `[#####.....]  42%  61/146 MB` on one line of stderr.
pub(super) struct Bar {
    what: &'static str,
    started: Instant,
    drawn: Option<Instant>,
    shown: bool,
}

impl Bar {
    /// A bar for this work, or `None` when stderr is not a terminal.
    pub(super) fn new(what: &'static str) -> Option<Bar> {
        std::io::stderr().is_terminal().then(|| Bar {
            what,
            started: Instant::now(),
            drawn: None,
            shown: false,
        })
    }

    pub(super) fn update(&mut self, done: u64, total: u64) {
        let now = Instant::now();
        if now.duration_since(self.started) < SHOW_AFTER
            || self.drawn.is_some_and(|d| now.duration_since(d) < REDRAW_EVERY)
        {
            return;
        }
        self.drawn = Some(now);
        self.shown = true;
        let _ = std::io::stderr().write_all(line(self.what, done, total).as_bytes());
    }

    /// Clears the bar's line, if it was drawn.
    pub(super) fn finish(self) {
        if self.shown {
            let _ = std::io::stderr().write_all(b"\r\x1b[2K");
        }
    }
}

/// The bar's text, from the start of the line.
fn line(what: &str, done: u64, total: u64) -> String {
    let total = total.max(1);
    let done = done.min(total);
    let filled = (done as usize * WIDTH) / total as usize;
    let mb = |b: u64| b as f64 / 1_000_000.0;
    format!(
        "\r\x1b[2K{what} [{}{}] {:>3}%  {:.0}/{:.0} MB",
        "#".repeat(filled),
        ".".repeat(WIDTH - filled),
        done * 100 / total,
        mb(done),
        mb(total)
    )
}

/// [`crate::load::load`] with a bar on stderr while it runs, if that is a terminal.
pub(super) fn load(files: Vec<DataFile>) -> Loaded {
    load_checking(files, false)
}

/// [`load`], checking the prose against its quotes too when `provenance`.
pub(super) fn load_checking(files: Vec<DataFile>, provenance: bool) -> Loaded {
    let Some(mut bar) = Bar::new("loading") else {
        return crate::load::load_checking(files, &mut |_, _| {}, provenance);
    };
    let loaded = crate::load::load_checking(files, &mut |done, total| bar.update(done, total), provenance);
    bar.finish();
    loaded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_work() {
        assert_eq!(
            line("loading", 0, 146_000_000),
            "\r\x1b[2Kloading [..............................]   0%  0/146 MB"
        );
        assert_eq!(
            line("loading", 73_000_000, 146_000_000),
            "\r\x1b[2Kloading [###############...............]  50%  73/146 MB"
        );
        assert_eq!(
            line("loading", 200, 100),
            "\r\x1b[2Kloading [##############################] 100%  0/0 MB"
        );
    }
}
