//! Presenting a lesson to a room: one stop per screen, parts revealed one
//! at a time, and the state published for a notes terminal to follow.

use crate::teach::lesson::{Chart, Lesson, Stop, PARTS};
use crate::timeline::model::Timeline;

/// One screen of a presentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    /// Timeline positions shown on this screen (several for a query stop).
    pub events: Vec<usize>,
    pub prompt: Option<String>,
    pub notes: Option<String>,
    /// The order parts appear in: only parts this stop has, so each
    /// reveal changes the screen.
    pub reveal: Vec<String>,
    /// The lesson's title for the stop (a query stop's "Eight reports, …").
    pub title: Option<String>,
    /// Minutes the lesson plans for this stop.
    pub minutes: Option<u32>,
    /// Ids of this stop's events that a reload of the data took away.
    pub gone: Vec<String>,
    /// A chart drawn of the stop's events instead of their list.
    pub chart: Option<Chart>,
}

/// The parts of `reveal` that event `position` has: a date always, facts
/// when there is a summary or actors, figures when there are some, a quote
/// when the first source gives one. Several events (a query stop) show
/// everything at once and reveal nothing.
pub fn existing_parts(reveal: &[String], events: &[usize], t: &Timeline) -> Vec<String> {
    let [one] = events else {
        return Vec::new();
    };
    let e = &t.events[*one];
    reveal
        .iter()
        .filter(|part| match part.as_str() {
            "date" => true,
            "facts" => !e.summary.trim().is_empty() || !e.actors.is_empty(),
            "figures" => !e.figures.is_empty(),
            "quote" => e.sources.first().is_some_and(|c| !c.quote.trim().is_empty()),
            _ => false,
        })
        .cloned()
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Presenter {
    pub(crate) title: String,
    pub(crate) slides: Vec<Slide>,
    pub(crate) current: usize,
    /// How many parts of the current slide are showing.
    pub(crate) revealed: usize,
    pub(crate) overview: bool,
    /// Digits typed before Enter or G, to jump to a stop.
    pub(crate) jump: String,
    /// When the room saw the first stop, as seconds since 1970, for the
    /// notes terminal's clock (while the fit check shows: when it opened).
    pub(crate) started_unix: u64,
    /// Before the first stop: which stops the terminal is too small for.
    pub(crate) fit_check: Option<Vec<usize>>,
    /// Rows the current stop is scrolled down by, when it does not fit.
    pub(crate) scroll: u16,
    /// The lesson's id, for a presented lesson (kept when browsing).
    pub(crate) lesson_id: Option<String>,
    /// After the last stop: the end screen with the sources.
    pub(crate) ended: bool,
    /// The screen blanked for the room (black or white), the stop kept.
    pub(crate) blank: Option<Blank>,
    /// `q` was pressed on the blank screen: a second `q` quits.
    pub(crate) quit_asked: bool,
    /// Minutes planned for the whole lesson.
    pub(crate) minutes: Option<u32>,
    /// How many parts each stop showed when it was left, so going back
    /// (to take a question again) does not hide what the room has seen.
    pub(crate) shown_at: Vec<usize>,
    /// The sources of every stop's events, in first-seen order, as the
    /// end screen numbers them: "Publisher: Title — URL".
    pub(crate) sources: Vec<String>,
    /// The ids of those sources, in the same order.
    pub(crate) source_ids: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Blank {
    Black,
    White,
}

/// The presenter's state as tests, the notes console and the command line
/// read it; only the app's `update` and the presenter's own moves change it.
impl Presenter {
    /// Starts the clock at `unix` seconds instead of now (a resumed lesson,
    /// a test that reads the clock).
    pub fn started_at(mut self, unix: u64) -> Presenter {
        self.started_unix = unix;
        self
    }

    /// Opens on the fit check, naming the stops the terminal would cut.
    pub fn with_fit_check(mut self, cut: Vec<usize>) -> Presenter {
        self.fit_check = Some(cut);
        self
    }

    /// The fit check read: the room sees the first stop, and the clock
    /// starts now, not when the fit check opened.
    pub fn begin(&mut self) {
        if self.fit_check.take().is_some() {
            self.started_unix = now_unix();
        }
    }

    pub fn title(&self) -> &str {
        &self.title
    }

    pub fn slides(&self) -> &[Slide] {
        &self.slides
    }

    /// The stop shown, from 0.
    pub fn current(&self) -> usize {
        self.current
    }

    /// How many of the stop's parts are shown.
    pub fn revealed(&self) -> usize {
        self.revealed
    }

    /// Whether the overview of every stop is open.
    pub fn overview(&self) -> bool {
        self.overview
    }

    pub fn started_unix(&self) -> u64 {
        self.started_unix
    }

    /// The stops a small terminal would cut, while the fit check shows.
    pub fn fit_check(&self) -> Option<&[usize]> {
        self.fit_check.as_deref()
    }

    /// How far the stop is scrolled.
    pub fn scroll(&self) -> u16 {
        self.scroll
    }

    /// Whether the end screen shows.
    pub fn ended(&self) -> bool {
        self.ended
    }

    pub fn blank(&self) -> Option<Blank> {
        self.blank
    }

    /// Whether quitting was asked on the blank screen, awaiting a second `q`.
    pub fn quit_asked(&self) -> bool {
        self.quit_asked
    }

    /// The lesson's sources, numbered as its stops cite them.
    pub fn sources(&self) -> &[String] {
        &self.sources
    }

    /// The number the end screen gives a source (from 1); `None` for a
    /// presentation with no end screen's list, whose stops keep each
    /// event's own numbers.
    pub fn source_number(&self, id: &str) -> Option<usize> {
        self.source_ids.iter().position(|s| s == id).map(|i| i + 1)
    }

    /// An event's prose as a stop shows it: its citation markers numbered
    /// as the end screen (and the lesson's handout) number the sources.
    pub fn cited(&self, e: &crate::timeline::model::Event, text: &str) -> String {
        if self.source_ids.is_empty() {
            return text.to_string();
        }
        e.renumbered(text, |id| self.source_number(id))
    }
}

impl Presenter {
    pub fn from_lesson(lesson: &Lesson, t: &Timeline) -> Presenter {
        let slide = |s: &Stop| {
            let events = lesson.events_of(s, t);
            Slide {
                reveal: existing_parts(&s.reveal, &events, t),
                events,
                prompt: Some(s.prompt.clone()),
                notes: s.notes.clone(),
                title: s.title.clone(),
                minutes: s.minutes,
                gone: Vec::new(),
                chart: s.chart,
            }
        };
        let mut p = Presenter::new(lesson.title.clone(), lesson.stops.iter().map(slide).collect());
        p.lesson_id = Some(lesson.id.clone());
        p.minutes = lesson.minutes();
        (p.source_ids, p.sources) = sources_of(&p.slides, t);
        p
    }

    /// After the data file changed on disk: every stop keeps its events by
    /// id (a reordered file moves their positions), and a stop whose event
    /// is gone says so instead of showing another event in its place.
    pub fn rebind(&mut self, old: &Timeline, new: &Timeline) {
        for slide in &mut self.slides {
            let mut events = Vec::new();
            for &position in &slide.events {
                let Some(id) = old.events.get(position).map(|e| e.id.as_str()) else {
                    continue;
                };
                match new.event_position(id) {
                    Some(now) => events.push(now),
                    None => slide.gone.push(id.to_string()),
                }
            }
            slide.events = events;
            slide.reveal = existing_parts(&slide.reveal, &slide.events, new);
        }
        let parts = self.slide().map_or(0, |s| s.reveal.len());
        self.revealed = self.revealed.min(parts);
        if !self.sources.is_empty() {
            (self.source_ids, self.sources) = sources_of(&self.slides, new);
        }
    }

    /// The events now in view, one stop each: presenting a filtered timeline.
    pub fn ad_hoc(title: String, positions: &[usize], t: &Timeline) -> Presenter {
        let all: Vec<String> = PARTS.iter().map(|p| p.to_string()).collect();
        let slides = positions
            .iter()
            .map(|&p| Slide {
                events: vec![p],
                prompt: None,
                notes: None,
                reveal: existing_parts(&all, &[p], t),
                title: None,
                minutes: None,
                gone: Vec::new(),
                chart: None,
            })
            .collect();
        Presenter::new(title, slides)
    }

    fn new(title: String, slides: Vec<Slide>) -> Presenter {
        let slides_len = slides.len();
        Presenter {
            title,
            slides,
            current: 0,
            revealed: 0,
            overview: false,
            jump: String::new(),
            started_unix: now_unix(),
            fit_check: None,
            scroll: 0,
            lesson_id: None,
            ended: false,
            blank: None,
            quit_asked: false,
            minutes: None,
            sources: Vec::new(),
            source_ids: Vec::new(),
            shown_at: vec![0; slides_len],
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
        self.ended = false;
        let index = index.min(self.slides.len().saturating_sub(1));
        if index != self.current {
            if let Some(left) = self.shown_at.get_mut(self.current) {
                *left = self.revealed;
            }
            self.current = index;
            self.revealed = self.shown_at.get(index).copied().unwrap_or(0);
            self.scroll = 0;
        }
    }

    /// The next stop; after the last, the end screen.
    pub fn next(&mut self) {
        if self.current + 1 >= self.slides.len() {
            if !self.ended {
                // The end screen opens at its top.
                self.scroll = 0;
            }
            self.ended = true;
        } else {
            self.go(self.current + 1);
        }
    }

    /// The previous stop; from the end screen, back to the last stop as it was.
    pub fn previous(&mut self) {
        if self.ended {
            self.ended = false;
            self.scroll = 0;
        } else {
            self.go(self.current.saturating_sub(1));
        }
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

    /// What a slide is called in the overview and the notes: the lesson's
    /// title for it, else the event's title, else how many events it shows.
    pub fn slide_title(&self, i: usize, t: &Timeline) -> String {
        let Some(s) = self.slides.get(i) else {
            return String::new();
        };
        if let Some(title) = &s.title {
            return title.clone();
        }
        match (s.events.as_slice(), s.gone.as_slice()) {
            ([one], _) => t.events.get(*one).map(|e| e.title.clone()).unwrap_or_default(),
            ([], [id, ..]) => format!("{id} (no longer in the data)"),
            (many, _) => format!("{} events", many.len()),
        }
    }

    /// Parts of the current stop still to come.
    pub fn parts_left(&self) -> usize {
        self.slide()
            .map_or(0, |s| s.reveal.len().saturating_sub(self.revealed))
    }

    /// "3 / 9", or "end" after the last stop.
    pub fn position(&self) -> String {
        if self.ended {
            return format!("end / {}", self.slides.len());
        }
        format!(
            "{} / {}",
            (self.current + 1).min(self.slides.len()),
            self.slides.len()
        )
    }
}

/// The sources of the slides' events, in first-seen order, as the end
/// screen numbers them: their ids, and each as "Publisher: Title — URL".
fn sources_of(slides: &[Slide], t: &Timeline) -> (Vec<String>, Vec<String>) {
    let mut seen: Vec<&str> = Vec::new();
    for slide in slides {
        for &e in &slide.events {
            for c in &t.events[e].sources {
                if !seen.contains(&c.source.as_str()) && t.source(&c.source).is_some() {
                    seen.push(&c.source);
                }
            }
        }
    }
    let lines = seen
        .iter()
        .filter_map(|id| t.source(id))
        .map(|s| {
            let mut line = format!("{}: {}", s.publisher, s.shown_title());
            if let Some(url) = &s.url {
                line.push_str(&format!(" — {url}"));
            }
            line
        })
        .collect();
    (seen.iter().map(|s| s.to_string()).collect(), lines)
}

pub use super::statedir::{state_dir, StateDir};

/// The largest state file the notes terminal reads.
pub const MAX_STATE_BYTES: u64 = 64 * 1024;

fn state_name(pid: u32) -> String {
    format!("present-{pid}.json")
}

fn temp_name(pid: u32) -> String {
    format!(".present-{pid}.tmp")
}

/// A presenter's state file in the folder.
impl StateDir {
    /// Writes a state: to a temporary name, created new with mode 0600 and
    /// never through a link, then renamed over the state file, so a reader
    /// sees the old state or the new one and nothing in between.
    pub fn publish(&self, state: &Published) -> std::io::Result<()> {
        let text = serde_json::to_vec(state).map_err(std::io::Error::other)?;
        self.write(&temp_name(state.pid), &state_name(state.pid), &text)
    }

    /// Removes a process's state and temporary file, if there.
    pub fn remove(&self, pid: u32) {
        for name in [state_name(pid), temp_name(pid)] {
            let _ = self.unlink(&name);
        }
    }

    /// Reads one state file: only a regular file of this user's, of at most
    /// [`MAX_STATE_BYTES`], never a pipe or device, never through a link
    /// (see [`StateDir::read_bytes`]). With its modification time; else why not.
    pub fn read(&self, name: &str) -> Result<(std::time::SystemTime, Published), String> {
        let (modified, bytes) = self.read_bytes(name, MAX_STATE_BYTES)?;
        let state = serde_json::from_slice(&bytes).map_err(|e| format!("not a presenter's state: {e}"))?;
        Ok((modified, state))
    }
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
    /// When the room saw the first stop (seconds since 1970).
    pub started_unix: u64,
    /// Parts of this stop showing, and those still to come, in order.
    #[serde(default)]
    pub revealed: Vec<String>,
    #[serde(default)]
    pub coming: Vec<String>,
    /// The presenter is browsing with the lesson kept, not showing it.
    #[serde(default)]
    pub browsing: bool,
    /// The room still sees the fit check: the clock has not started.
    #[serde(default)]
    pub fit_check: bool,
    /// Minutes planned for the lesson, and the seconds into it the
    /// current stop is planned to begin and end (from the stops' own
    /// durations when every stop has one, else an even share).
    #[serde(default)]
    pub minutes: Option<u32>,
    #[serde(default)]
    pub plan: Option<(u64, u64)>,
    /// The room's screen is blanked, to black or white.
    #[serde(default)]
    pub blank: Option<Blank>,
}

impl Presenter {
    pub fn published(&self, t: &Timeline) -> Published {
        let slide = self.slide();
        let reveal = slide.map_or(&[][..], |s| &s.reveal[..]);
        let shown = self.revealed.min(reveal.len());
        Published {
            pid: std::process::id(),
            lesson: self.title.clone(),
            position: self.current + 1,
            total: self.slides.len(),
            title: if self.ended {
                "(the end screen: sources)".into()
            } else {
                self.slide_title(self.current, t)
            },
            prompt: slide.and_then(|s| s.prompt.clone()),
            notes: slide.and_then(|s| s.notes.clone()),
            next: (self.current + 1 < self.slides.len()).then(|| self.slide_title(self.current + 1, t)),
            started_unix: self.started_unix,
            revealed: reveal[..shown].to_vec(),
            coming: reveal[shown..].to_vec(),
            browsing: false,
            minutes: self.minutes,
            plan: self.plan(),
            blank: self.blank,
            fit_check: self.fit_check.is_some(),
        }
    }
}

impl Presenter {
    /// When the current stop is planned to begin and end, in seconds from
    /// the start: from the stops' minutes when every stop has some, else
    /// the lesson's minutes shared evenly.
    pub fn plan(&self) -> Option<(u64, u64)> {
        let n = self.slides.len() as u64;
        let i = self.current as u64;
        let per_stop: Option<Vec<u64>> = self
            .slides
            .iter()
            .map(|s| s.minutes.map(|m| u64::from(m) * 60))
            .collect();
        match (per_stop, self.minutes) {
            (Some(each), _) if n > 0 => {
                let begin: u64 = each[..self.current].iter().sum();
                Some((begin, begin + each[self.current.min(each.len() - 1)]))
            }
            (_, Some(total)) if n > 0 => {
                let total = u64::from(total) * 60;
                Some((total * i / n, total * (i + 1) / n))
            }
            _ => None,
        }
    }
}

/// Writes the state where a notes terminal can read it, checking the
/// folder each time, never waiting on anyone. Errors are ignored:
/// presenting works without a notes terminal (and `tipline present`
/// refuses to start when there is no safe folder).
pub fn publish(state: &Published) {
    if let Ok(dir) = StateDir::open() {
        let _ = dir.publish(state);
    }
}

/// Removes this process's published state when presenting ends.
pub fn unpublish() {
    if let Ok(dir) = StateDir::open() {
        dir.remove(std::process::id());
    }
}

fn now_unix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
