//! The loading screen: what the app shows while a large data file loads on
//! another thread, so the terminal answers from the first moment and the
//! reader can leave before the load ends.

use crate::app::keymap::{Context, Keymap};
use crate::app::theme::Theme;
use crate::app::Action;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use ratatui::Frame;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// How far a load has come, in bytes of its files: written by the thread
/// that loads, read by the one that draws.
#[derive(Debug)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
    started: std::time::Instant,
}

impl Default for Progress {
    /// Progress of a load starting now.
    fn default() -> Progress {
        Progress {
            done: AtomicU64::new(0),
            total: AtomicU64::new(0),
            started: std::time::Instant::now(),
        }
    }
}

impl Progress {
    /// Time since the load started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    pub fn set(&self, done: u64, total: u64) {
        self.total.store(total, Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
    }

    /// Bytes read and bytes in all.
    pub fn get(&self) -> (u64, u64) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// What one frame of the loading screen shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Loading {
    /// The files' names, already sanitised.
    pub name: String,
    pub done: u64,
    pub total: u64,
    pub elapsed: Duration,
}

/// Cells in the bar.
const BAR: usize = 30;

/// "q or Esc to quit": the keys that leave the loading screen, from the
/// key table (Ctrl-C quits everywhere and is not repeated here).
pub fn quit_keys(keymap: &Keymap) -> String {
    let keys: Vec<String> = keymap
        .bindings
        .iter()
        .filter(|b| b.context == Context::Loading && b.action == Action::Quit)
        .flat_map(|b| b.keys.iter())
        .filter(|k| **k != crate::app::keymap::Key::CTRL_C)
        .map(|k| k.label())
        .collect();
    if keys.is_empty() {
        "Ctrl-C to quit".into()
    } else {
        format!("{} to quit", keys.join(" or "))
    }
}

/// The lines of the screen: the name, the bar with its share and sizes,
/// the time so far, and how to leave.
pub fn lines(loading: &Loading, quit: &str) -> [String; 4] {
    let total = loading.total.max(1);
    let done = loading.done.min(total);
    let filled = (done as u128 * BAR as u128 / total as u128) as usize;
    let mb = |b: u64| b as f64 / 1_000_000.0;
    [
        format!("Loading {}", loading.name),
        format!(
            "{}{} {:>3}%  {:.0}/{:.0} MB",
            "█".repeat(filled),
            "░".repeat(BAR - filled),
            done * 100 / total,
            mb(done),
            mb(loading.total)
        ),
        if loading.total > 0 && loading.done >= loading.total {
            // Every byte read: the timeline's indices are being built.
            format!("{:.1} s, building the timeline", loading.elapsed.as_secs_f64())
        } else {
            format!("{:.1} s", loading.elapsed.as_secs_f64())
        },
        quit.to_string(),
    ]
}

pub fn draw(frame: &mut Frame, loading: &Loading, keymap: &Keymap, th: &Theme) {
    let area = frame.area();
    frame.render_widget(Block::default().style(th.base), area);
    let [name, bar, time, quit] = lines(loading, &quit_keys(keymap));
    let text = vec![
        Line::from(Span::styled(name, th.title)),
        Line::default(),
        Line::from(Span::styled(bar, th.bar)),
        Line::from(Span::styled(time, th.dim)),
        Line::default(),
        Line::from(Span::styled(quit, th.dim)),
    ];
    let height = text.len() as u16 + 2;
    let width = (BAR as u16 + 24).max(loading.name.chars().count().min(200) as u16 + 12);
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, centre, _] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width.min(area.width)),
        Constraint::Fill(1),
    ])
    .areas(middle);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(th.border)
        .title(Span::styled(" tipline ", th.title));
    let text: Vec<Line> = text.into_iter().map(Line::centered).collect();
    super::widgets::boxed(frame, centre, block, &text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    fn screen(loading: &Loading, width: u16, height: u16) -> Vec<String> {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        let theme = Theme::new(crate::app::theme::ThemeName::Dark, false);
        terminal
            .draw(|f| draw(f, loading, &Keymap::default(), &theme))
            .unwrap();
        let buffer = terminal.backend().buffer().clone();
        (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buffer[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn the_loading_screen_names_the_file_and_shows_how_far_it_has_come() {
        let loading = Loading {
            name: "big.toml".into(),
            done: 73_000_000,
            total: 146_000_000,
            elapsed: Duration::from_millis(3_240),
        };
        let rows = screen(&loading, 80, 12);
        let inner: Vec<&str> = rows
            .iter()
            .map(|r| r.trim_matches('│').trim())
            .filter(|r| !r.is_empty())
            .collect();
        assert_eq!(
            inner,
            [
                "┌ tipline ───────────────────────────────────────────┐",
                "Loading big.toml",
                "███████████████░░░░░░░░░░░░░░░  50%  73/146 MB",
                "3.2 s",
                "q or Esc to quit",
                "└────────────────────────────────────────────────────┘",
            ]
        );
    }

    #[test]
    fn the_bar_is_empty_at_the_start_and_full_at_the_end() {
        let at = |done, total| {
            lines(
                &Loading {
                    name: String::new(),
                    done,
                    total,
                    elapsed: Duration::ZERO,
                },
                "",
            )[1]
            .clone()
        };
        assert_eq!(at(0, 2_000_000), format!("{}   0%  0/2 MB", "░".repeat(30)));
        assert_eq!(at(5, 5), format!("{} 100%  0/0 MB", "█".repeat(30)));
        let read = Loading {
            name: String::new(),
            done: 5,
            total: 5,
            elapsed: Duration::from_millis(4_050),
        };
        assert_eq!(lines(&read, "")[2], "4.0 s, building the timeline");
        // Nothing to read yet: no division by zero, an empty bar.
        assert_eq!(at(0, 0), format!("{}   0%  0/0 MB", "░".repeat(30)));
    }
}
