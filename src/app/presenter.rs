//! Presenting a lesson to a room: one stop per screen, parts revealed one
//! at a time, and the state published for a notes terminal to follow.

use crate::teach::lesson::{Lesson, Stop, PARTS};
use crate::timeline::model::Timeline;

/// One screen of a presentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    /// Timeline positions shown on this screen (several for a query stop).
    pub events: Vec<usize>,
    pub prompt: Option<String>,
    pub notes: Option<String>,
    /// The order parts appear in.
    pub reveal: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presenter {
    pub title: String,
    pub slides: Vec<Slide>,
    pub current: usize,
    /// How many parts of the current slide are showing.
    pub revealed: usize,
    pub overview: bool,
    /// Digits typed before Enter or G, to jump to a stop.
    pub jump: String,
    /// When presenting began, as seconds since 1970, for the notes terminal.
    pub started_unix: u64,
    /// Before the first stop: which stops the terminal is too small for.
    pub fit_check: Option<Vec<usize>>,
}

impl Presenter {
    pub fn from_lesson(lesson: &Lesson, t: &Timeline) -> Presenter {
        let slide = |s: &Stop| Slide {
            events: lesson.events_of(s, t),
            prompt: Some(s.prompt.clone()),
            notes: s.notes.clone(),
            reveal: s.reveal.clone(),
        };
        Presenter::new(lesson.title.clone(), lesson.stops.iter().map(slide).collect())
    }

    /// The events now in view, one stop each: presenting a filtered timeline.
    pub fn ad_hoc(title: String, positions: &[usize]) -> Presenter {
        let slides = positions
            .iter()
            .map(|&p| Slide {
                events: vec![p],
                prompt: None,
                notes: None,
                reveal: PARTS.iter().map(|p| p.to_string()).collect(),
            })
            .collect();
        Presenter::new(title, slides)
    }

    fn new(title: String, slides: Vec<Slide>) -> Presenter {
        Presenter {
            title,
            slides,
            current: 0,
            revealed: 0,
            overview: false,
            jump: String::new(),
            started_unix: now_unix(),
            fit_check: None,
        }
    }

    pub fn slide(&self) -> Option<&Slide> {
        self.slides.get(self.current)
    }

    /// Whether a part of the current slide is showing.
    pub fn shows(&self, part: &str) -> bool {
        self.slide()
            .is_some_and(|s| s.reveal.iter().take(self.revealed).any(|p| p == part))
    }

    fn go(&mut self, index: usize) {
        let index = index.min(self.slides.len().saturating_sub(1));
        if index != self.current {
            self.current = index;
            self.revealed = 0;
        }
    }

    pub fn next(&mut self) {
        self.go(self.current + 1);
    }

    pub fn previous(&mut self) {
        self.go(self.current.saturating_sub(1));
    }

    /// Space: the next part, or the next stop when all are showing.
    pub fn reveal(&mut self) {
        let parts = self.slide().map_or(0, |s| s.reveal.len());
        if self.revealed < parts {
            self.revealed += 1;
        } else {
            self.next();
        }
    }

    /// Enter or G after digits: jump to that stop (1-based); G alone: the last.
    pub fn jump_to_typed(&mut self, or_last: bool) {
        match self.jump.parse::<usize>() {
            Ok(n) if n >= 1 => self.go(n - 1),
            _ if or_last => self.go(self.slides.len().saturating_sub(1)),
            _ => {}
        }
        self.jump.clear();
    }

    /// "3 / 9"
    pub fn position(&self) -> String {
        format!(
            "{} / {}",
            (self.current + 1).min(self.slides.len()),
            self.slides.len()
        )
    }
}

/// Where a presenting instance publishes its state for `tipline notes`:
/// one file per process, so several presenters on one machine don't cross.
/// It is `$XDG_RUNTIME_DIR/tipline`, else `tipline` in the temporary folder.
pub fn state_dir() -> std::path::PathBuf {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy()
        .ok()
        .and_then(|base| base.runtime_dir())
        .unwrap_or_else(std::env::temp_dir)
        .join("tipline")
}

/// What the notes terminal shows, as the presenter last wrote it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, PartialEq)]
pub struct Published {
    pub pid: u32,
    pub lesson: String,
    pub position: usize,
    pub total: usize,
    pub title: String,
    pub prompt: Option<String>,
    pub notes: Option<String>,
    pub next: Option<String>,
    pub started_unix: u64,
}

impl Presenter {
    pub fn published(&self, t: &Timeline) -> Published {
        let title_of = |s: &Slide| match s.events.as_slice() {
            [one] => t.events[*one].title.clone(),
            many => format!("{} events", many.len()),
        };
        let slide = self.slide();
        Published {
            pid: std::process::id(),
            lesson: self.title.clone(),
            position: self.current + 1,
            total: self.slides.len(),
            title: slide.map(title_of).unwrap_or_default(),
            prompt: slide.and_then(|s| s.prompt.clone()),
            notes: slide.and_then(|s| s.notes.clone()),
            next: self.slides.get(self.current + 1).map(title_of),
            started_unix: self.started_unix,
        }
    }
}

/// Writes the state where a notes terminal can read it, atomically (write
/// then rename), never waiting on anyone. Errors are ignored: presenting
/// works without a notes terminal.
pub fn publish(state: &Published) {
    let dir = state_dir();
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    let path = dir.join(format!("present-{}.json", state.pid));
    let tmp = dir.join(format!(".present-{}.tmp", state.pid));
    if let Ok(text) = serde_json::to_string(state) {
        if std::fs::write(&tmp, text).is_ok() {
            let _ = std::fs::rename(&tmp, &path);
        }
    }
}

/// Removes this process's published state when presenting ends.
pub fn unpublish() {
    let _ = std::fs::remove_file(state_dir().join(format!("present-{}.json", std::process::id())));
}

fn now_unix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
