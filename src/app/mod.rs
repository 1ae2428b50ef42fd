//! The interactive timeline: state, and `update`, the one place it changes.
//! Input becomes an [`Action`] (see `keymap`), `update` applies it, and the
//! `ui` module draws the state. Nothing here touches a terminal.

pub mod action;
pub mod config;
pub mod keymap;
pub mod notes;
pub mod present;
mod prompts;
pub mod quizui;
pub mod terminal;
pub mod theme;
pub mod ui;

pub use action::{Action, Mode, Pane, Picker, PickerKind};

use crate::query::facets::Tally;
use crate::query::{Facet, Query, Term};
use crate::text::fold;
use crate::timeline::model::{EventKind, Timeline};
use prompts::{typed_year, without_years};
use std::cell::RefCell;

/// One line of the timeline pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Year(i32),
    /// Index into `App::visible`.
    Event(usize),
}

/// One value in the filter pane, with how many events choosing it would give.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetEntry {
    pub facet: Facet,
    pub term: Term,
    pub label: String,
    pub count: usize,
    pub active: bool,
    /// Where this value's count is in a facet tally.
    pub slot: usize,
}

/// A value offered by the actor or kind picker.
#[derive(Debug, Clone)]
pub struct Choice {
    pub term: Term,
    pub label: String,
    /// Name and aliases, matched against what is typed.
    pub haystack: String,
}

/// Where an event was shown, so Back can return to it.
#[derive(Debug, Clone, PartialEq)]
struct Visit {
    event: String,
    query: Query,
}

pub struct App {
    pub timeline: Timeline,
    /// The committed filter: facets and kept search words.
    pub query: Query,
    pub mode: Mode,
    pub focus: Pane,
    /// Whether the filter pane is shown on medium-width terminals.
    pub show_filter: bool,
    /// Positions in the timeline of the events that pass the filter.
    pub visible: Vec<usize>,
    pub rows: Vec<Row>,
    /// For each index into `visible`, its row in `rows`.
    row_of: Vec<usize>,
    /// Index into `visible` of the selected event.
    pub selected: usize,
    /// First row of the timeline pane on screen.
    pub timeline_offset: usize,
    pub detail_scroll: u16,
    pub facet_entries: Vec<FacetEntry>,
    pub filter_cursor: usize,
    /// Events per year over the whole timeline, and over the filtered set.
    /// Indexed by year from `first_year`; each year an event touches counts it.
    pub first_year: i32,
    pub year_counts: Vec<usize>,
    pub visible_years: Vec<usize>,
    /// Ranking (e.g. US TIP tier) by year, from ranking events.
    pub rankings: std::collections::BTreeMap<i32, String>,
    pub actor_choices: Vec<Choice>,
    pub kind_choices: Vec<Choice>,
    /// A one-line note for the status bar (what just happened, or an error).
    pub message: Option<String>,
    pub size: (u16, u16),
    pub quit: bool,
    /// Problems in a data file that changed on disk; the last good data
    /// stays on screen until they are fixed.
    pub data_problems: Vec<String>,
    /// The projector preset: no colour, high contrast, wider margins.
    pub projector: bool,
    pub theme: theme::Theme,
    pub keymap: keymap::Keymap,
    history: Vec<Visit>,
    /// The query the last refresh ran, and the events that could still
    /// count for it: typing more of a search word re-checks only those.
    last_query: Option<Query>,
    /// The last faceted result; its buffers are reused on the next refresh.
    found: Option<crate::query::Faceted>,
    spare: Vec<usize>,
    /// Wrapped detail text for the last event and width drawn.
    pub(crate) detail_cache: RefCell<Option<ui::detail::Cache>>,
}

impl App {
    pub fn new(timeline: Timeline, query: Query) -> App {
        let actor_choices = timeline
            .actors
            .iter()
            .map(|a| Choice {
                term: Term::Actor(a.id.clone()),
                label: a.name.clone(),
                haystack: std::iter::once(a.name.as_str())
                    .chain(a.aliases.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(" · "),
            })
            .collect();
        let kind_choices = EventKind::ALL
            .iter()
            .filter(|k| timeline.events.iter().any(|e| e.kind == **k))
            .map(|k| Choice {
                term: Term::Kind(*k),
                label: k.to_string(),
                haystack: k.to_string(),
            })
            .collect();
        let facet_entries = facet_values(&timeline);
        let all_years = Tally::new(&timeline);
        let first_year = all_years.first_year;
        let mut year_counts = all_years.years;
        for p in 0..timeline.events.len() {
            for y in timeline.events[p].years() {
                year_counts[(y - first_year) as usize] += 1;
            }
        }
        let rankings = timeline
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Ranking)
            .filter_map(|e| Some((e.date.year_number(), e.ranking.clone()?)))
            .collect();
        let mut app = App {
            timeline,
            query,
            mode: Mode::Browse,
            focus: Pane::Timeline,
            show_filter: false,
            visible: Vec::new(),
            rows: Vec::new(),
            row_of: Vec::new(),
            selected: 0,
            timeline_offset: 0,
            detail_scroll: 0,
            facet_entries,
            filter_cursor: 0,
            first_year,
            visible_years: vec![0; year_counts.len()],
            year_counts,
            rankings,
            actor_choices,
            kind_choices,
            message: None,
            size: (80, 24),
            quit: false,
            data_problems: Vec::new(),
            projector: false,
            theme: theme::Theme::new(theme::ThemeName::Dark, false),
            keymap: keymap::Keymap::default(),
            history: Vec::new(),
            last_query: None,
            found: None,
            spare: Vec::new(),
            detail_cache: RefCell::new(None),
        };
        app.refresh();
        app
    }

    /// Replaces the timeline with a newly loaded one, keeping the filter,
    /// the selected event (by id), the focus, the scroll and the prompt.
    pub fn reload(&mut self, timeline: Timeline) {
        let selected = self.selected_event().map(|e| e.id.clone());
        let old_position = self.selected_position().unwrap_or(0);
        let mut fresh = App::new(timeline, self.query.clone());
        std::mem::swap(&mut fresh.theme, &mut self.theme);
        std::mem::swap(&mut fresh.keymap, &mut self.keymap);
        std::mem::swap(&mut fresh.history, &mut self.history);
        fresh.mode = std::mem::replace(&mut self.mode, Mode::Browse);
        fresh.focus = self.focus;
        fresh.show_filter = self.show_filter;
        fresh.size = self.size;
        fresh.timeline_offset = self.timeline_offset;
        fresh.detail_scroll = self.detail_scroll;
        fresh.filter_cursor = self
            .filter_cursor
            .min(fresh.facet_entries.len().saturating_sub(1));
        *self = fresh;
        self.refresh();
        match selected.and_then(|id| self.timeline.event_position(&id)) {
            Some(p) if self.visible.contains(&p) => self.select_position(p),
            // The event is gone: stay near where it was.
            _ => self.select(old_position.min(self.visible.len().saturating_sub(1))),
        }
        self.message = Some("data reloaded".into());
    }

    /// Opens on one event, clearing the filter if it hides that event.
    pub fn goto(&mut self, id: &str) -> Result<(), String> {
        let Some(position) = self.timeline.event_position(id) else {
            return Err(format!("no event with id `{}`", crate::text::sanitize_line(id)));
        };
        if !self.visible.contains(&position) {
            self.query = Query::default();
            self.refresh();
        }
        self.select_position(position);
        Ok(())
    }

    /// The query in force now, including what is being typed in a prompt.
    pub fn effective_query(&self) -> Query {
        let mut q = self.query.clone();
        match &self.mode {
            Mode::Search { input } => {
                for w in input.split_whitespace() {
                    q.push(Term::Text(w.to_string()));
                }
            }
            Mode::Year { input } => {
                if let Some(y) = typed_year(input) {
                    q = without_years(&q);
                    q.push(Term::Year { from: y, to: y });
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

    pub fn selected_position(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    pub fn selected_event(&self) -> Option<&crate::timeline::model::Event> {
        self.selected_position().map(|p| &self.timeline.events[p])
    }

    /// Recomputes what passes the filter, keeping the selected event if it
    /// still passes and otherwise the nearest one after it.
    pub fn refresh(&mut self) {
        let previous = self.selected_position();
        let query = self.effective_query();
        let reuse = self.last_query.as_ref().is_some_and(|last| query.narrows(last));
        let mut found = self
            .found
            .take()
            .unwrap_or_else(|| crate::query::Faceted::empty(&self.timeline));
        let candidates = std::mem::replace(&mut found.relevant, std::mem::take(&mut self.spare));
        std::mem::swap(&mut found.hits, &mut self.visible);
        query.faceted_into(&self.timeline, reuse.then_some(candidates.as_slice()), &mut found);
        std::mem::swap(&mut found.hits, &mut self.visible);
        self.spare = candidates;
        self.last_query = Some(query);
        self.rows.clear();
        self.row_of.clear();
        let mut year = None;
        for (i, &p) in self.visible.iter().enumerate() {
            let y = self.timeline.event_years(p).0;
            if year != Some(y) {
                self.rows.push(Row::Year(y));
                year = Some(y);
            }
            self.row_of.push(self.rows.len());
            self.rows.push(Row::Event(i));
        }
        self.selected = match previous {
            Some(p) => self
                .visible
                .partition_point(|&v| v < p)
                .min(self.visible.len().saturating_sub(1)),
            None => 0,
        };
        self.visible_years.iter_mut().for_each(|n| *n = 0);
        for &p in &self.visible {
            let (first, last) = self.timeline.event_years(p);
            for y in first..=last {
                self.visible_years[(y - self.first_year) as usize] += 1;
            }
        }
        for entry in &mut self.facet_entries {
            entry.count = match entry.facet {
                Facet::Year => found.years.years[entry.slot],
                Facet::Actor => found.actors.actors[entry.slot],
                Facet::Kind => found.kinds.kinds[entry.slot],
                _ => found.tags.tags[entry.slot],
            };
            entry.active = self.query.contains(&entry.term);
        }
        self.found = Some(found);
        self.scroll_to_selection();
    }

    fn select_position(&mut self, position: usize) {
        if let Some(i) = self.visible.iter().position(|&p| p == position) {
            self.select(i);
        }
    }

    fn select(&mut self, index: usize) {
        let index = index.min(self.visible.len().saturating_sub(1));
        if index != self.selected {
            self.detail_scroll = 0;
        }
        self.selected = index;
        self.scroll_to_selection();
    }

    /// The row of the selected event, for scrolling and drawing.
    pub fn selected_row(&self) -> Option<usize> {
        self.row_of.get(self.selected).copied()
    }

    fn timeline_height(&self) -> usize {
        let regions = ui::regions(ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1), self);
        regions
            .timeline
            .map_or(10, |r| r.height.saturating_sub(2) as usize)
            .max(1)
    }

    fn scroll_to_selection(&mut self) {
        let height = self.timeline_height();
        let Some(row) = self.selected_row() else {
            self.timeline_offset = 0;
            return;
        };
        // Keep the year heading above the first event of a year in view.
        let top = if row > 0 && matches!(self.rows[row - 1], Row::Year(_)) {
            row - 1
        } else {
            row
        };
        if top < self.timeline_offset {
            self.timeline_offset = top;
        } else if row >= self.timeline_offset + height {
            self.timeline_offset = row + 1 - height;
        }
        let max_offset = self.rows.len().saturating_sub(height);
        self.timeline_offset = self.timeline_offset.min(max_offset);
    }

    /// The panes that can take focus in the current layout, left to right.
    pub fn focusable(&self) -> Vec<Pane> {
        let r = ui::regions(ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1), self);
        if r.single {
            return vec![Pane::Filter, Pane::Timeline, Pane::Detail];
        }
        [
            (Pane::Filter, r.filter),
            (Pane::Timeline, r.timeline),
            (Pane::Detail, r.detail),
        ]
        .into_iter()
        .filter(|(_, rect)| rect.is_some())
        .map(|(p, _)| p)
        .collect()
    }

    fn cycle_focus(&mut self, step: isize) {
        let panes = self.focusable();
        let at = panes.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        let next = (at + step).rem_euclid(panes.len() as isize) as usize;
        self.focus = panes[next];
    }

    fn move_focus(&mut self, step: isize) {
        let panes = self.focusable();
        let at = panes.iter().position(|p| *p == self.focus).unwrap_or(0) as isize;
        let next = (at + step).clamp(0, panes.len() as isize - 1) as usize;
        self.focus = panes[next];
    }

    /// Applies one action. Every change of state goes through here.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Resize(..) | Action::Input(_) | Action::Erase) {
            self.message = None;
        }
        if let Action::Resize(w, h) = action {
            self.size = (w, h);
            if !self.focusable().contains(&self.focus) {
                self.focus = Pane::Timeline;
            }
            self.scroll_to_selection();
            return;
        }
        if action == Action::Quit {
            self.quit = true;
            return;
        }
        let mode = std::mem::replace(&mut self.mode, Mode::Browse);
        self.mode = match mode {
            Mode::Browse => {
                self.browse(action);
                std::mem::replace(&mut self.mode, Mode::Browse)
            }
            Mode::Help { scroll } => match action {
                Action::Up | Action::ScrollUp => Mode::Help {
                    scroll: scroll.saturating_sub(1),
                },
                Action::Down | Action::ScrollDown => Mode::Help {
                    scroll: scroll.saturating_add(1),
                },
                Action::PageUp => Mode::Help {
                    scroll: scroll.saturating_sub(10),
                },
                Action::PageDown => Mode::Help {
                    scroll: scroll.saturating_add(10),
                },
                Action::Top => Mode::Help { scroll: 0 },
                Action::Cancel | Action::Help | Action::Confirm => Mode::Browse,
                _ => Mode::Help { scroll },
            },
            Mode::Search { input } => self.search(input, action),
            Mode::EditQuery { input, error } => self.edit_query(input, error, action),
            Mode::Year { input } => self.year(input, action),
            Mode::Pick(picker) => self.pick(picker, action),
            Mode::Present(p) => self.presenting(*p, action),
        };
    }

    fn browse(&mut self, action: Action) {
        match action {
            Action::Help => self.mode = Mode::Help { scroll: 0 },
            Action::FocusNext => self.cycle_focus(1),
            Action::FocusPrev => self.cycle_focus(-1),
            Action::FocusLeft => self.move_focus(-1),
            Action::FocusRight => self.move_focus(1),
            Action::Search => {
                self.mode = Mode::Search { input: String::new() };
            }
            Action::EditQuery => {
                self.mode = Mode::EditQuery {
                    input: self.query.to_string(),
                    error: None,
                };
            }
            Action::FilterYear => self.mode = Mode::Year { input: String::new() },
            Action::PickActor => self.mode = Mode::Pick(self.new_picker(PickerKind::Actor)),
            Action::PickKind => self.mode = Mode::Pick(self.new_picker(PickerKind::Kind)),
            Action::ToggleFilterPane => {
                self.show_filter = !self.show_filter;
                self.focus = if self.show_filter {
                    Pane::Filter
                } else {
                    Pane::Timeline
                };
                if !self.focusable().contains(&self.focus) {
                    self.focus = Pane::Timeline;
                }
            }
            Action::Present => {
                let title = if self.query.is_empty() {
                    "The timeline".to_string()
                } else {
                    format!("Filtered: {}", self.query)
                };
                let mut p = present::Presenter::ad_hoc(title, &self.visible);
                p.current = self.selected.min(self.visible.len().saturating_sub(1));
                if p.slides.is_empty() {
                    self.message = Some("no events in view to present".into());
                } else {
                    self.present(p);
                }
            }
            Action::ClearFilters => {
                self.query = Query::default();
                self.refresh();
                self.message = Some("filters cleared".into());
            }
            Action::FollowRelated(n) => self.follow_related(n as usize),
            Action::Back => self.back(),
            Action::ClickAt(x, y) => self.click(x, y),
            Action::ScrollUp | Action::ScrollDown => {
                let up = action == Action::ScrollUp;
                match self.focus {
                    Pane::Detail => self.scroll_detail(if up { -3 } else { 3 }),
                    _ => self.move_selection(if up { -3 } else { 3 }),
                }
            }
            _ => match self.focus {
                Pane::Timeline => self.timeline_keys(action),
                Pane::Detail => self.detail_keys(action),
                Pane::Filter => self.filter_keys(action),
            },
        }
    }

    fn move_selection(&mut self, delta: isize) {
        if self.visible.is_empty() {
            return;
        }
        let next = (self.selected as isize + delta).clamp(0, self.visible.len() as isize - 1);
        self.select(next as usize);
    }

    fn timeline_keys(&mut self, action: Action) {
        let page = self.timeline_height().saturating_sub(1).max(1) as isize;
        match action {
            Action::Up => self.move_selection(-1),
            Action::Down => self.move_selection(1),
            Action::PageUp => self.move_selection(-page),
            Action::PageDown => self.move_selection(page),
            Action::Top => self.select(0),
            Action::Bottom => self.select(self.visible.len().saturating_sub(1)),
            Action::Confirm if self.focusable().contains(&Pane::Detail) => self.focus = Pane::Detail,
            _ => {}
        }
    }

    /// Lines the detail pane can scroll, known once it has been drawn.
    fn detail_max_scroll(&self) -> u16 {
        self.detail_cache
            .borrow()
            .as_ref()
            .map_or(u16::MAX, |c| c.max_scroll)
    }

    fn scroll_detail(&mut self, delta: i32) {
        let next = (self.detail_scroll as i32 + delta).clamp(0, self.detail_max_scroll() as i32);
        self.detail_scroll = next as u16;
    }

    fn detail_keys(&mut self, action: Action) {
        let page = self.size.1.saturating_sub(8).max(1) as i32;
        match action {
            Action::Up => self.scroll_detail(-1),
            Action::Down => self.scroll_detail(1),
            Action::PageUp => self.scroll_detail(-page),
            Action::PageDown => self.scroll_detail(page),
            Action::Top => self.detail_scroll = 0,
            Action::Bottom => self.detail_scroll = self.detail_max_scroll().min(u16::MAX / 2),
            Action::Confirm => self.follow_related(1),
            _ => {}
        }
    }

    fn filter_keys(&mut self, action: Action) {
        let last = self.facet_entries.len().saturating_sub(1);
        match action {
            Action::Up => self.filter_cursor = self.filter_cursor.saturating_sub(1),
            Action::Down => self.filter_cursor = (self.filter_cursor + 1).min(last),
            Action::PageUp => self.filter_cursor = self.filter_cursor.saturating_sub(10),
            Action::PageDown => self.filter_cursor = (self.filter_cursor + 10).min(last),
            Action::Top => self.filter_cursor = 0,
            Action::Bottom => self.filter_cursor = last,
            Action::Toggle | Action::Confirm => {
                if let Some(entry) = self.facet_entries.get(self.filter_cursor) {
                    self.query.toggle(entry.term.clone());
                    self.refresh();
                }
            }
            _ => {}
        }
    }

    fn follow_related(&mut self, n: usize) {
        let Some(event) = self.selected_event() else {
            return;
        };
        let Some(link) = n.checked_sub(1).and_then(|i| event.related.get(i)) else {
            self.message = Some(format!("this event has no related event {n}"));
            return;
        };
        let target = link.event.clone();
        let from = Visit {
            event: event.id.clone(),
            query: self.query.clone(),
        };
        let Some(position) = self.timeline.event_position(&target) else {
            return;
        };
        self.history.push(from);
        if !self.visible.contains(&position) {
            self.query = Query::default();
            self.refresh();
            self.message = Some("filters cleared to show the related event; Backspace returns".into());
        }
        self.select_position(position);
        self.detail_scroll = 0;
    }

    fn back(&mut self) {
        let Some(visit) = self.history.pop() else {
            self.message = Some("nothing to go back to".into());
            return;
        };
        if self.query != visit.query {
            self.query = visit.query;
            self.refresh();
        }
        if let Some(p) = self.timeline.event_position(&visit.event) {
            self.select_position(p);
        }
        self.detail_scroll = 0;
    }

    fn click(&mut self, x: u16, y: u16) {
        let r = ui::regions(ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1), self);
        let inside = |rect: Option<ratatui::layout::Rect>| {
            rect.filter(|r| x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height)
        };
        if let Some(t) = inside(r.timeline) {
            self.focus = Pane::Timeline;
            let row = self.timeline_offset + y.saturating_sub(t.y + 1) as usize;
            if y > t.y {
                if let Some(Row::Event(i)) = self.rows.get(row) {
                    self.select(*i);
                }
            }
        } else if let Some(f) = inside(r.filter) {
            self.focus = Pane::Filter;
            if let Some(i) = ui::filter::entry_at(self, f, y) {
                self.filter_cursor = i;
            }
        } else if inside(r.detail).is_some() {
            self.focus = Pane::Detail;
        }
    }
}

/// Every value the filter pane offers, in a stable order so the cursor
/// does not jump as counts change.
fn facet_values(t: &Timeline) -> Vec<FacetEntry> {
    let mut all = Tally::new(t);
    for p in 0..t.events.len() {
        all.add(t, p);
    }
    let entry = |facet, term, label, slot| FacetEntry {
        facet,
        term,
        label,
        count: 0,
        active: false,
        slot,
    };
    // Most used first; ties in alphabetical order.
    let by_count = |counts: &[usize], name: &dyn Fn(usize) -> String| {
        let mut order: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] > 0).collect();
        order.sort_by_cached_key(|&i| (std::cmp::Reverse(counts[i]), crate::text::fold(&name(i))));
        order
    };
    let mut out: Vec<FacetEntry> = Vec::new();
    for (slot, n) in all.years.iter().enumerate() {
        if *n > 0 {
            let y = all.first_year + slot as i32;
            out.push(entry(
                Facet::Year,
                Term::Year { from: y, to: y },
                y.to_string(),
                slot,
            ));
        }
    }
    for i in by_count(&all.actors, &|i| t.actors[i].name.clone()) {
        let a = &t.actors[i];
        out.push(entry(Facet::Actor, Term::Actor(a.id.clone()), a.name.clone(), i));
    }
    for (i, k) in EventKind::ALL.iter().enumerate() {
        if all.kinds[i] > 0 {
            out.push(entry(Facet::Kind, Term::Kind(*k), k.to_string(), i));
        }
    }
    for i in by_count(&all.tags, &|i| t.tag_names()[i].clone()) {
        let tag = &t.tag_names()[i];
        out.push(entry(Facet::Tag, Term::Tag(tag.clone()), tag.clone(), i));
    }
    out
}
