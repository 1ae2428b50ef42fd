//! The app's state, and `update`, the one place it changes. Input becomes a
//! [`Msg`] (keys through the key table), `update` applies it, and `draw`
//! renders the state. Nothing here touches a terminal or draws.

use super::input::{Action, Input, Msg};
use super::layout::{self, Regions};
use super::line::{Edit, Histories, LineEditor};
use super::mode::{Mode, Pane};
use super::panes::detail::DetailPane;
use super::panes::filter::{facet_values, FilterPane};
use super::panes::help;
use super::panes::picker::{Choices, PickerKind};
use super::panes::strip::Strip;
use super::panes::timeline::TimelinePane;
use super::presenter::Presenter;
pub use super::settings::Settings;
use crate::query::index::{Answer, WordIndex};
use crate::query::{Facet, Faceted, Query, Term, MAX_QUERY_CHARS};
use crate::text::fold;
use crate::timeline::model::{Event, Timeline};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc, OnceLock};
use std::time::Duration;

/// What the status line says while the data files have problems: the same
/// words while the problems are shown and after they are closed.
pub const STALE_DATA: &str = "the data has problems; the last good data is shown";
/// Timelines with at least this many events are searched off the input
/// thread when searching in the background is on: below it a search takes
/// well under a millisecond, less than handing it to a thread.
pub const BACKGROUND_FROM: usize = 20_000;

/// What the status line and the problems panel say.
#[derive(Debug, Clone, Default)]
pub struct Status {
    /// A one-line note (what just happened, or an error).
    pub message: Option<String>,
    /// Problems in a data file that changed on disk; the last good data
    /// stays on screen until they are fixed.
    pub data_problems: Vec<String>,
    /// How far the problems panel is scrolled.
    pub problems_scroll: u16,
    /// The data on screen is older than the data files, which have problems
    /// (whether or not the panel listing them is shown).
    pub stale: bool,
}

/// Where an event was shown, so Back can return to it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Visit {
    pub event: String,
    pub query: Query,
    pub detail_scroll: u16,
}

/// The result of the filter, and what the next refresh can reuse.
struct Searches {
    /// The query of the result on screen, and the events that could still
    /// count for it: typing more of a search word re-checks only those.
    last_query: Option<Query>,
    relevant: Arc<Vec<usize>>,
    /// The last faceted result; its buffers are reused on the next refresh.
    found: Option<Faceted>,
    spare: Vec<usize>,
    /// Timelines with at least this many events are searched on a worker
    /// thread; `None`: every search runs inside `update` (as in tests).
    background_from: Option<usize>,
    /// The number of the newest search asked for. A worker whose number is
    /// older stops, and its result, if it had one, is never shown.
    latest: Arc<AtomicU64>,
    /// The search whose result is awaited, and its query.
    pending: Option<(u64, Query)>,
    /// An event to select once the awaited result is shown.
    select_after: Option<usize>,
    sender: mpsc::Sender<(u64, Faceted)>,
    finished: mpsc::Receiver<(u64, Faceted)>,
    /// Called by a worker once its result is sent, so a loop waiting for
    /// input looks at it at once.
    wake: Option<Arc<dyn Fn() + Send + Sync>>,
    /// The word index, once built (in the background): searches for words
    /// alone use it, the others read the events.
    index: Arc<OnceLock<WordIndex>>,
}

impl Default for Searches {
    fn default() -> Self {
        let (sender, finished) = mpsc::channel();
        Searches {
            last_query: None,
            relevant: Arc::default(),
            found: None,
            spare: Vec::new(),
            background_from: None,
            latest: Arc::default(),
            pending: None,
            select_after: None,
            sender,
            finished,
            wake: None,
            index: Arc::default(),
        }
    }
}

/// The app's whole state. Only [`App::update`] changes it; everything
/// outside the app module reads it through the accessors below.
pub struct App {
    /// Shared with the searches running in the background.
    pub(crate) timeline: Arc<Timeline>,
    /// The committed filter: facets and kept search words.
    pub(crate) query: Query,
    pub(crate) mode: Mode,
    pub(crate) focus: Pane,
    /// Positions in the timeline of the events that pass the filter.
    pub(crate) filtered: Vec<usize>,
    pub(crate) list: TimelinePane,
    pub(crate) detail: DetailPane,
    pub(crate) filter: FilterPane,
    pub(crate) strip: Strip,
    /// The help's lines, kept for the screen width they were made for.
    pub(crate) help_page: help::Page,
    pub(crate) choices: Choices,
    pub(crate) settings: Settings,
    pub(crate) status: Status,
    pub(crate) size: (u16, u16),
    pub(crate) quit: bool,
    pub(super) history: Vec<Visit>,
    /// Earlier lines typed at the search, query and find prompts.
    pub(super) histories: Histories,
    /// The words found on the screen being read, kept for n and N.
    pub(crate) found: Option<super::mode::Found>,
    searches: Searches,
    /// A lesson left with Esc: browsing keeps it, and `p` resumes it.
    pub(crate) kept_lesson: Option<Box<Presenter>>,
    /// Work for the terminal loop that `update` cannot do itself (open a
    /// browser, put text on the clipboard), handed back when `update` ends.
    pub(super) effects: Vec<super::effect::Effect>,
}

impl App {
    pub fn new(timeline: Timeline, query: Query) -> App {
        App::with_settings(timeline, query, Settings::default())
    }

    pub fn with_settings(timeline: Timeline, query: Query, settings: Settings) -> App {
        let mut app = App {
            choices: Choices::new(&timeline),
            filter: FilterPane::new(facet_values(&timeline), timeline.events.len()),
            strip: Strip::new(&timeline),
            help_page: help::Page::about(timeline.horizon.as_ref().map(|h| h.sentence())),
            timeline: Arc::new(timeline),
            query,
            mode: Mode::Browse,
            focus: Pane::Timeline,
            filtered: Vec::new(),
            list: TimelinePane::default(),
            detail: DetailPane::default(),
            settings,
            status: Status::default(),
            size: (80, 24),
            quit: false,
            history: Vec::new(),
            histories: Histories::default(),
            found: None,
            searches: Searches::default(),
            kept_lesson: None,
            effects: Vec::new(),
        };
        app.refresh();
        app
    }

    /// Replaces the timeline with a newly loaded one, keeping the filter,
    /// the selected event (by id), the focus, the scroll and the prompt.
    fn reload(&mut self, timeline: Timeline) {
        let selected = self.selected_event().map(|e| e.id.clone());
        let old_position = self.selected_position().unwrap_or(0);
        let settings = std::mem::take(&mut self.settings);
        // Searches still running on the old timeline are not wanted.
        self.searches.latest.fetch_add(1, Ordering::Relaxed);
        let mut fresh = App::with_settings(timeline, self.query.clone(), settings);
        if let Some(from) = self.searches.background_from {
            fresh.search_in_background(from);
        }
        std::mem::swap(&mut fresh.history, &mut self.history);
        std::mem::swap(&mut fresh.histories, &mut self.histories);
        fresh.mode = std::mem::replace(&mut self.mode, Mode::Browse);
        fresh.kept_lesson = self.kept_lesson.take();
        // A presented lesson holds positions in the old timeline.
        if let Mode::Present(p) = &mut fresh.mode {
            p.rebind(&self.timeline, &fresh.timeline);
        }
        if let Some(p) = &mut fresh.kept_lesson {
            p.rebind(&self.timeline, &fresh.timeline);
        }
        fresh.focus = self.focus;
        fresh.filter.flipped = self.filter.flipped;
        fresh.filter.cursor = self
            .filter
            .cursor
            .min(fresh.filter.entries.len().saturating_sub(1));
        fresh.size = self.size;
        fresh.list.offset = self.list.offset;
        fresh.detail.scroll = self.detail.scroll;
        let old = std::mem::replace(self, fresh);
        // Freeing a large timeline event by event takes a while (about half
        // a second at 100k events): the reader's keys need not wait for it.
        // Were no thread to be had, the closure, and the old app with it,
        // would be dropped here as before.
        let _ = std::thread::Builder::new()
            .name("free".into())
            .spawn(move || drop(old));
        // Reading the file took far longer than this search: the selection
        // below needs its result now.
        self.refresh_here();
        match selected.and_then(|id| self.timeline.event_position(&id)) {
            Some(p) if self.filtered.contains(&p) => self.select_position(p),
            // The event is gone: stay near where it was.
            _ => self.select(old_position.min(self.filtered.len().saturating_sub(1))),
        }
        self.status.message = Some("data reloaded".into());
    }

    /// Shows one event, clearing the filter if it hides that event.
    fn goto(&mut self, id: &str) {
        let Some(position) = self.timeline.event_position(id) else {
            self.status.message = Some(format!("no event with id `{}`", crate::text::sanitize_line(id)));
            return;
        };
        if !self.filtered.contains(&position) {
            self.query = Query::default();
            self.refresh();
        }
        self.select_position(position);
    }

    /// The query in force now, including what is being typed in a prompt.
    pub fn effective_query(&self) -> Query {
        let mut q = self.query.clone();
        match &self.mode {
            Mode::Search { input } => {
                for w in input.as_str().split_whitespace() {
                    q.push(Term::Text(w.to_string()));
                }
            }
            Mode::Year { input } => {
                if let Some((from, to)) = super::mode::typed_years(input.as_str()) {
                    q = q.without(Facet::Year);
                    q.push(Term::Year { from, to });
                }
            }
            _ => {}
        }
        q
    }

    /// Folded words to highlight in titles and text: the search words.
    pub fn highlights(&self) -> Vec<String> {
        self.effective_query()
            .clauses
            .iter()
            .filter(|c| !c.negated)
            .filter_map(|c| match &c.term {
                Term::Text(t) => Some(fold(t)),
                _ => None,
            })
            .filter(|t| !t.is_empty())
            .collect()
    }

    /// Index into `visible` of the selected event.
    pub fn selected(&self) -> usize {
        self.list.selected
    }

    /// The timeline row of the selected event.
    pub fn selected_row(&self) -> Option<usize> {
        self.list.selected_row()
    }

    pub fn selected_position(&self) -> Option<usize> {
        self.filtered.get(self.list.selected).copied()
    }

    pub fn selected_event(&self) -> Option<&Event> {
        self.selected_position().map(|p| &self.timeline.events[p])
    }

    /// Where each part of the screen is at the current size.
    pub fn regions(&self) -> Regions {
        layout::regions(
            ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1),
            self.focus,
            self.filter.flipped,
            self.filter.wanted_width(),
            self.strip.height(&self.timeline),
            1 + self.hint_rows(),
        )
    }

    /// Searches from now on run on worker threads when the timeline has at
    /// least `from` events: `update` then never waits for a search, and the
    /// result arrives later as [`Msg::Found`] (see [`App::finished`]).
    /// Such a timeline's word index is built then, on a thread of its own.
    pub fn search_in_background(&mut self, from: usize) {
        self.searches.background_from = Some(from);
        if self.timeline.events.len() >= from && self.searches.index.get().is_none() {
            let (timeline, index) = (self.timeline.clone(), self.searches.index.clone());
            let build = move || {
                index.get_or_init(|| WordIndex::in_background(&timeline));
            };
            // Without a thread, searches read the events as before.
            let _ = std::thread::Builder::new().name("word index".into()).spawn(build);
        }
    }

    /// `wake` is called from the worker each time a background search's
    /// result is ready, so the loop need not look for results on a timer.
    pub fn wake_on_result(&mut self, wake: impl Fn() + Send + Sync + 'static) {
        self.searches.wake = Some(Arc::new(wake));
    }

    /// Whether the word index is built (searches for words alone use it).
    pub fn word_index_ready(&self) -> bool {
        self.searches.index.get().is_some()
    }

    /// Whether a search is running whose result is not yet on screen.
    pub fn searching(&self) -> bool {
        self.searches.pending.is_some()
    }

    /// The number of the newest search asked for.
    pub fn search_generation(&self) -> u64 {
        self.searches.latest.load(Ordering::Relaxed)
    }

    /// A search that finished in the background, as the message that shows
    /// it; `None` when none has finished since the last call.
    pub fn finished(&self) -> Option<Msg> {
        self.searches.finished.try_recv().ok().map(found_msg)
    }

    /// Like [`App::finished`], waiting up to `wait` for one.
    pub fn wait_finished(&self, wait: Duration) -> Option<Msg> {
        self.searches.finished.recv_timeout(wait).ok().map(found_msg)
    }

    /// Recomputes what passes the filter, keeping the selected event if it
    /// still passes and otherwise the nearest one after it. On a large
    /// timeline, when searching in the background, this only starts the
    /// search: the previous result stays on screen until the new one lands.
    pub(super) fn refresh(&mut self) {
        let background = self
            .searches
            .background_from
            .is_some_and(|from| self.timeline.events.len() >= from);
        if !background {
            return self.refresh_here();
        }
        let query = self.effective_query();
        let r = &mut self.searches;
        let generation = r.latest.fetch_add(1, Ordering::Relaxed) + 1;
        let candidates = r
            .last_query
            .as_ref()
            .is_some_and(|last| query.narrows(last))
            .then(|| r.relevant.clone());
        r.pending = Some((generation, query.clone()));
        let (timeline, latest, sender) = (self.timeline.clone(), r.latest.clone(), r.sender.clone());
        let index = r.index.clone();
        let wake = r.wake.clone();
        let send = move |found| {
            // The app may be gone; then nobody wants the result.
            if sender.send((generation, found)).is_ok() {
                if let Some(wake) = &wake {
                    wake();
                }
            }
        };
        let work = move || {
            let stale = || latest.load(Ordering::Relaxed) != generation;
            let mut found = Faceted::empty(&timeline);
            if let Some(index) = index.get() {
                match query.faceted_by_index_until(&timeline, index, &mut found, &stale) {
                    Answer::Found => return send(found),
                    // Only a newer search makes this result unwanted; the
                    // app waits for it otherwise, so the events are read.
                    Answer::Stopped if stale() => return,
                    Answer::Stopped | Answer::Unanswerable => {}
                }
            }
            let candidates = candidates.as_deref().map(Vec::as_slice);
            // One core stays free to read keys and draw.
            if query.faceted_until(&timeline, candidates, &mut found, &stale, 1) {
                send(found);
            }
        };
        if std::thread::Builder::new()
            .name("search".into())
            .spawn(work)
            .is_err()
        {
            // No thread to be had: search here rather than never.
            self.refresh_here();
        }
    }

    /// [`App::refresh`] on this thread, now; supersedes any search running.
    fn refresh_here(&mut self) {
        let query = self.effective_query();
        let r = &mut self.searches;
        r.latest.fetch_add(1, Ordering::Relaxed);
        r.pending = None;
        let reuse = r.last_query.as_ref().is_some_and(|last| query.narrows(last));
        let mut found = r.found.take().unwrap_or_else(|| Faceted::empty(&self.timeline));
        let candidates = std::mem::take(&mut r.relevant);
        found.relevant = std::mem::take(&mut r.spare);
        query.faceted_into(&self.timeline, reuse.then_some(candidates.as_slice()), &mut found);
        // A buffer no search holds any more is reused next time.
        self.searches.spare = Arc::try_unwrap(candidates).unwrap_or_default();
        self.show(query, found);
    }

    /// A search finished: shows it if it is the newest asked for; an older
    /// one was superseded and is dropped.
    fn found(&mut self, generation: u64, found: Faceted) {
        match self.searches.pending.take() {
            Some((awaited, query)) if awaited == generation => self.show(query, found),
            other => self.searches.pending = other,
        }
    }

    /// Puts a result on screen: the list, the strip's and the filter pane's
    /// counts, and the selection.
    fn show(&mut self, query: Query, mut found: Faceted) {
        let previous = self.selected_position();
        std::mem::swap(&mut found.hits, &mut self.filtered);
        self.searches.relevant = Arc::new(std::mem::take(&mut found.relevant));
        self.searches.last_query = Some(query);
        self.list.rebuild(&self.timeline, &self.filtered);
        self.list.selected = match previous {
            Some(p) => self
                .filtered
                .partition_point(|&v| v < p)
                .min(self.filtered.len().saturating_sub(1)),
            None => 0,
        };
        if self.selected_position() != previous {
            // A new event opens at its top.
            self.detail.scroll = 0;
        }
        let shown = self.searches.last_query.as_ref();
        self.strip.count_visible(&self.timeline, &self.filtered, shown);
        self.filter
            .count(&found, &self.query, &self.timeline, &self.filtered);
        self.searches.found = Some(found);
        self.scroll_to_selection();
        if let Some(p) = self.searches.select_after.take() {
            self.select_position(p);
        }
    }

    /// Selects the event at this position if it is in view; while a search
    /// is running, once its result is shown.
    pub(super) fn select_position(&mut self, position: usize) {
        if self.searching() {
            self.searches.select_after = Some(position);
        }
        if let Some(i) = self.filtered.iter().position(|&p| p == position) {
            self.select(i);
        }
    }

    pub(super) fn select(&mut self, index: usize) {
        let index = index.min(self.filtered.len().saturating_sub(1));
        if index != self.list.selected {
            self.detail.scroll = 0;
        }
        self.list.selected = index;
        self.scroll_to_selection();
    }

    pub(super) fn timeline_height(&self) -> usize {
        self.regions()
            .timeline
            .map_or(10, |r| r.height.saturating_sub(2) as usize)
            .max(1)
    }

    fn scroll_to_selection(&mut self) {
        let height = self.timeline_height();
        let width = self
            .regions()
            .timeline
            .map_or(0, |r| r.width.saturating_sub(2) as usize);
        self.list.continued = self.list.continues(&self.timeline, &self.filtered, width);
        self.list.keep_selection_in_view(height);
    }

    /// The panes that can take focus in the current layout, left to right.
    pub fn focusable(&self) -> Vec<Pane> {
        self.regions().focusable()
    }

    fn cycle_focus(&mut self, step: isize) {
        let panes = self.focusable();
        // Too small a screen shows no pane to move to.
        if panes.is_empty() {
            return;
        }
        let at = panes.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(panes.len() as isize) as usize;
        self.focus = panes[next];
    }

    fn move_focus(&mut self, step: isize) {
        let panes = self.focusable();
        if panes.is_empty() {
            return;
        }
        let at = panes.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        let next = (at + step).clamp(0, panes.len() as isize - 1) as usize;
        self.focus = panes[next];
    }

    /// Applies one message. Every change of state goes through here.
    /// Returns the work only the terminal loop can do (open a browser, set
    /// the clipboard); the loop reports how it went as [`Msg::Notice`].
    pub fn update(&mut self, msg: impl Into<Msg>) -> Vec<super::effect::Effect> {
        let msg = msg.into();
        if matches!(
            msg,
            Msg::Action(_) | Msg::Input(Input::Click { .. } | Input::Wheel { .. })
        ) {
            self.status.message = None;
        }
        match msg {
            // On a blank screen a stray `q` would end the lesson in front
            // of the room: it asks first.
            Msg::Action(Action::Quit) => match &mut self.mode {
                Mode::Present(p) if p.blank.is_some() && !p.quit_asked => p.quit_asked = true,
                _ => self.quit = true,
            },
            Msg::Action(action) => self.act(action),
            Msg::Input(Input::Resize(w, h)) => {
                self.size = (w, h);
                if !self.focusable().contains(&self.focus) {
                    self.focus = Pane::Timeline;
                }
                self.scroll_to_selection();
            }
            Msg::Input(Input::Paste(text)) => self.paste(&text),
            Msg::Input(Input::Char(c)) => self.typed(c),
            Msg::Input(Input::Click { x, y }) => {
                if matches!(self.mode, Mode::Browse) {
                    self.click(x, y);
                }
            }
            Msg::Input(Input::Wheel { up, x, y }) => self.wheel(up, x, y),
            Msg::Reloaded(timeline) => {
                self.status.data_problems.clear();
                self.status.stale = false;
                self.reload(*timeline);
            }
            Msg::DataProblems(problems) => {
                self.status.data_problems = problems;
                self.status.problems_scroll = 0;
                self.status.stale = true;
                self.status.message = Some(STALE_DATA.into());
            }
            Msg::Present(p) => self.mode = Mode::Present(p),
            Msg::Goto(id) => self.goto(&id),
            Msg::Notice(note) => self.status.message = Some(crate::text::sanitize_line(&note).into_owned()),
            Msg::Found { search, result } => self.found(search, *result),
            Msg::Filter(query) => {
                self.query = query;
                self.refresh();
            }
        }
        // The panes' widths may have changed (a pane shown or hidden).
        self.scroll_to_selection();
        self.relayout_detail();
        std::mem::take(&mut self.effects)
    }

    /// Keeps the detail pane's wrapped text in step with the selection, the
    /// width and the search words, so scrolling knows how far it can go.
    pub(super) fn relayout_detail(&mut self) {
        let width = self.regions().detail.map_or(0, |r| r.width.saturating_sub(2));
        let height = self.regions().detail.map_or(0, |r| r.height.saturating_sub(2));
        let position = self.selected_position();
        self.detail
            .relayout(&self.timeline, &self.settings.theme, position, width, height);
    }

    pub(super) fn act(&mut self, action: Action) {
        if Edit::of(action).is_some_and(|edit| self.edit_prompt(edit)) {
            return;
        }
        let mode = std::mem::replace(&mut self.mode, Mode::Browse);
        self.mode = match mode {
            Mode::Browse => {
                self.browse(action);
                std::mem::replace(&mut self.mode, Mode::Browse)
            }
            Mode::Help { .. } | Mode::Figures { .. } | Mode::Tiers { .. } | Mode::Glossary { .. } => {
                self.reading(mode, action)
            }
            Mode::Search { input } => self.search(input, action),
            Mode::EditQuery { input, error } => self.edit_query(input, error, action),
            Mode::Year { input } => self.year(input, action),
            Mode::Pick(picker) => self.pick(picker, action),
            Mode::Present(p) => self.presenting(*p, action),
            Mode::Copy(menu) => self.copy_menu(menu, action),
            Mode::Find { within, input, from } => self.find(within, input, from, action),
        };
    }

    fn browse(&mut self, action: Action) {
        match action {
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::Figures => self.mode = Mode::Figures { scroll: 0 },
            Action::Tiers => self.mode = Mode::Tiers { scroll: 0 },
            Action::Glossary => self.open_glossary(None),
            Action::Legend => {
                let at = self
                    .help_page
                    .legend_start(&self.settings.keymap, &self.settings.theme, self.size);
                self.mode = Mode::Help { scroll: at };
            }
            Action::NextMatch => self.next_match(1),
            Action::PrevMatch => self.next_match(-1),
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::FocusLeft => self.move_focus(-1),
            Action::FocusRight => self.move_focus(1),
            Action::Search => {
                self.mode = Mode::Search {
                    input: LineEditor::new(MAX_QUERY_CHARS),
                }
            }
            Action::EditQuery => {
                self.mode = Mode::EditQuery {
                    input: LineEditor::new(MAX_QUERY_CHARS).with_text(&self.query.to_string()),
                    error: None,
                };
            }
            Action::FilterYear => {
                self.mode = Mode::Year {
                    input: super::mode::year_line(),
                }
            }
            Action::PickActor => self.mode = Mode::Pick(self.choices.picker(PickerKind::Actor)),
            Action::PickKind => self.mode = Mode::Pick(self.choices.picker(PickerKind::Kind)),
            Action::ToggleFilterPane => {
                self.filter.flipped = !self.filter.flipped;
                // One pane at a time: the filter pane, or back from it.
                let single = self.regions().single;
                self.focus = if single && self.focus == Pane::Filter {
                    Pane::Timeline
                } else if single || self.regions().filter.is_some() {
                    Pane::Filter
                } else {
                    Pane::Timeline
                };
                if !self.focusable().contains(&self.focus) {
                    self.focus = Pane::Timeline;
                }
            }
            Action::Present => self.present_view(),
            Action::ClearFilters => {
                self.query = Query::default();
                self.refresh();
                self.status.message = Some("filters cleared".into());
            }
            Action::FollowRelated(n) => self.follow_related(n as usize),
            Action::Back => self.back(),
            Action::NextSource => self.step_source(1),
            Action::PrevSource => self.step_source(-1),
            Action::OpenSource => self.open_source(),
            Action::Suspend => self.effects.push(super::effect::Effect::Suspend),
            Action::CopyMenu => self.open_copy_menu(),
            Action::Dismiss => {
                self.status.data_problems.clear();
            }
            // While the problems panel is up, the moving keys scroll it.
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
            | Action::Top
            | Action::Bottom
                if !self.status.data_problems.is_empty() =>
            {
                self.scroll_problems(action)
            }
            _ => match self.focus {
                Pane::Timeline => self.timeline_keys(action),
                Pane::Detail => self.detail_keys(action),
                Pane::Filter => self.filter_keys(action),
            },
        }
    }

    /// Presents the events in view, starting at the selected one.
    fn present_view(&mut self) {
        if self.resume_lesson() {
            return;
        }
        let title = if self.query.is_empty() {
            "The timeline".to_string()
        } else {
            format!("Filtered: {}", self.query)
        };
        let mut p = Presenter::ad_hoc(title, &self.filtered, &self.timeline);
        p.current = self.list.selected.min(self.filtered.len().saturating_sub(1));
        if p.slides.is_empty() {
            self.status.message = Some("no events in view to present".into());
        } else {
            self.mode = Mode::Present(Box::new(p));
        }
    }

    pub(super) fn move_selection(&mut self, delta: isize) {
        if self.filtered.is_empty() {
            return;
        }
        let next = (self.list.selected as isize + delta).clamp(0, self.filtered.len() as isize - 1);
        self.select(next as usize);
    }
}

fn found_msg((generation, found): (u64, Faceted)) -> Msg {
    Msg::Found {
        search: generation,
        result: Box::new(found),
    }
}
