//! The modes other than browsing: the prompts (search, query text, year,
//! the actor and kind pickers), each refreshing the filter live as text is
//! typed, and presenting a lesson.

use super::input::Action;
use super::line::{Edit, LineEditor};
use super::mode::{typed_years, year_line, Mode};
use super::panes::picker::Picker;
use super::presenter::{Blank, Presenter};
use super::state::App;
use crate::query::{Facet, Query, Term};

impl App {
    pub(super) fn presenting(&mut self, mut p: Presenter, action: Action) -> Mode {
        if p.fit_check.is_some() {
            // Any key starts the presentation once the fit check is read.
            p.begin();
            return Mode::Present(Box::new(p));
        }
        if p.blank.is_some() {
            // Any key brings the screen back (a clicker has few buttons);
            // the other blank key switches colour.
            p.quit_asked = false;
            p.blank = match (p.blank, action) {
                (Some(Blank::Black), Action::BlankWhite) => Some(Blank::White),
                (Some(Blank::White), Action::BlankBlack) => Some(Blank::Black),
                _ => None,
            };
            return Mode::Present(Box::new(p));
        }
        let (w, h) = self.size;
        let max_scroll =
            |p: &Presenter, t| super::panes::present::max_scroll(p, t, w, h, self.settings.projector);
        match action {
            Action::Down if p.overview => p.next(),
            Action::Up if p.overview => p.previous(),
            Action::Down => p.scroll = (p.scroll + 1).min(max_scroll(&p, &self.timeline)),
            // On the end screen, where no stop follows, the keys that move
            // on (a clicker's too) page down the sources, and End goes to
            // the last of them; digits typed before G still go to a stop.
            Action::NextStop | Action::Reveal | Action::GoToTyped if p.ended && p.jump.is_empty() => {
                let page = super::panes::present::end_page(w, h);
                p.scroll = (p.scroll + page).min(max_scroll(&p, &self.timeline));
            }
            Action::LastStop if p.ended && p.jump.is_empty() => p.scroll = max_scroll(&p, &self.timeline),
            Action::Up => p.scroll = p.scroll.min(max_scroll(&p, &self.timeline)).saturating_sub(1),
            Action::BlankBlack => p.blank = Some(Blank::Black),
            Action::BlankWhite => p.blank = Some(Blank::White),
            Action::Suspend => self.effects.push(super::effect::Effect::Suspend),
            Action::Reveal => p.reveal(),
            Action::NextStop => p.next(),
            Action::PrevStop => p.previous(),
            Action::GoToTyped if !p.jump.is_empty() => p.jump_to_typed(false),
            Action::GoToTyped if p.overview => p.overview = false,
            Action::GoToTyped => p.next(),
            Action::LastStop => p.jump_to_typed(true),
            Action::FirstStop => {
                p.jump = "1".into();
                p.jump_to_typed(false);
            }
            Action::Overview => p.overview = !p.overview,
            Action::EndPresenting if p.overview => p.overview = false,
            Action::EndPresenting => {
                self.stop_presenting(&p);
                // A lesson is kept, stop, reveal and timer, for one key to resume.
                if p.lesson_id.is_some() {
                    self.status.message = Some(format!(
                        "lesson kept at stop {}: {} resumes it",
                        p.position(),
                        self.settings.keymap.key_for(Action::Present)
                    ));
                    self.kept_lesson = Some(Box::new(p));
                }
                return std::mem::replace(&mut self.mode, Mode::Browse);
            }
            _ => {}
        }
        Mode::Present(Box::new(p))
    }

    /// Resumes the lesson left with Esc, where it was; false when none is kept.
    pub(super) fn resume_lesson(&mut self) -> bool {
        match self.kept_lesson.take() {
            Some(p) => {
                self.mode = Mode::Present(p);
                true
            }
            None => false,
        }
    }

    /// A move the notes console sent: applied as the presenter's own key
    /// for it would be, but only while the lesson is on screen; a lesson
    /// kept while browsing waits for the presenter. True when applied.
    pub fn from_console(&mut self, command: super::room::Command) -> bool {
        if !matches!(self.mode, Mode::Present(_)) {
            return false;
        }
        let _ = self.update(super::input::Msg::Action(command.action()));
        true
    }

    /// The presentation a notes terminal follows: the one on screen, or
    /// the lesson kept while browsing (said so).
    pub fn presentation(&self) -> Option<super::presenter::Published> {
        match &self.mode {
            Mode::Present(p) => Some(p.published(&self.timeline)),
            _ => self.kept_lesson.as_ref().map(|p| super::presenter::Published {
                browsing: true,
                ..p.published(&self.timeline)
            }),
        }
    }

    /// Ends a presentation, selecting the event that was on screen.
    fn stop_presenting(&mut self, p: &Presenter) {
        self.mode = Mode::Browse;
        if let Some(&position) = p.slide().and_then(|s| s.events.first()) {
            if !self.filtered.contains(&position) {
                self.query = Query::default();
                self.refresh();
            }
            self.select_position(position);
        }
    }

    /// A typed character: into the open prompt, or a digit of a stop number.
    pub(super) fn typed(&mut self, c: char) {
        match &mut self.mode {
            Mode::Present(p) => {
                if c.is_ascii_digit() && p.jump.len() < 4 && p.fit_check.is_none() {
                    p.jump.push(c);
                } else if p.fit_check.is_some() {
                    p.begin();
                }
            }
            Mode::Copy(_) => self.copy_typed(c),
            _ => {
                if self
                    .prompt_line()
                    .is_some_and(|line| line.insert(c.encode_utf8(&mut [0; 4])))
                {
                    self.prompt_changed();
                }
            }
        }
    }

    /// Pasted text goes into the open prompt at the caret, sanitised and
    /// cut at the prompt's limit, and the filter is refreshed once, not per
    /// character.
    pub(super) fn paste(&mut self, text: &str) {
        if self.prompt_line().is_some_and(|line| line.insert(text)) {
            self.prompt_changed();
        }
    }

    /// An edit of the open prompt's line (moving the caret, erasing);
    /// false when no prompt with a line is open.
    pub(super) fn edit_prompt(&mut self, edit: Edit) -> bool {
        let Some(line) = self.prompt_line() else {
            return false;
        };
        if line.edit(edit) {
            self.prompt_changed();
        }
        true
    }

    /// The line of the open prompt, if one is open.
    fn prompt_line(&mut self) -> Option<&mut LineEditor> {
        match &mut self.mode {
            Mode::Search { input }
            | Mode::EditQuery { input, .. }
            | Mode::Year { input }
            | Mode::Find { input, .. } => Some(input),
            Mode::Pick(p) => Some(&mut p.input),
            _ => None,
        }
    }

    /// The prompt's text changed: the live filter, the picker's choices or
    /// the query's error follow it. Query text is applied on Enter, not as
    /// it is typed.
    fn prompt_changed(&mut self) {
        match &mut self.mode {
            Mode::EditQuery { error, .. } => *error = None,
            Mode::Find { .. } => self.find_typed(),
            Mode::Pick(p) => {
                p.cursor = 0;
                self.choices.rematch(p);
            }
            _ => self.refresh(),
        }
    }

    pub(super) fn search(&mut self, mut input: LineEditor, action: Action) -> Mode {
        match action {
            Action::Accept => {
                self.histories.search.keep(input.as_str());
                for w in input.as_str().split_whitespace() {
                    self.query.push(Term::Text(w.to_string()));
                }
                self.refresh();
                return Mode::Browse;
            }
            Action::Cancel => {
                self.mode = Mode::Browse;
                self.refresh();
                return Mode::Browse;
            }
            // Earlier searches of this session, searched again as they come.
            Action::Up | Action::Down => {
                if !input.recall(&self.histories.search, action == Action::Up) {
                    return Mode::Search { input };
                }
            }
            _ => return Mode::Search { input },
        }
        self.mode = Mode::Search { input };
        self.refresh();
        std::mem::replace(&mut self.mode, Mode::Browse)
    }

    pub(super) fn edit_query(
        &mut self,
        mut input: LineEditor,
        error: Option<String>,
        action: Action,
    ) -> Mode {
        match action {
            Action::Accept => match Query::parse(input.as_str()) {
                Ok(q) => {
                    self.histories.query.keep(input.as_str());
                    self.query = q;
                    self.refresh();
                    Mode::Browse
                }
                Err(e) => Mode::EditQuery {
                    input,
                    error: Some(e.to_string()),
                },
            },
            Action::Cancel => Mode::Browse,
            Action::Up | Action::Down => {
                let changed = input.recall(&self.histories.query, action == Action::Up);
                Mode::EditQuery {
                    input,
                    error: if changed { None } else { error },
                }
            }
            _ => Mode::EditQuery { input, error },
        }
    }

    pub(super) fn year(&mut self, mut input: LineEditor, action: Action) -> Mode {
        match action {
            Action::PrevYear | Action::NextYear | Action::Up | Action::Down => {
                let forward = matches!(action, Action::NextYear | Action::Down);
                // From the compact per-event years: a million events in a millisecond.
                let timeline = &self.timeline;
                let mut years: Vec<i32> = (0..timeline.events.len())
                    .map(|p| timeline.event_years(p).0)
                    .collect();
                years.dedup();
                // The first step lands on the selected event's year; from a
                // range, a step leaves it: after its end, or before its start.
                let next = match typed_years(input.as_str()) {
                    None => self
                        .selected_event()
                        .map(|e| e.date.year_number())
                        .or(years.first().copied()),
                    Some((_, to)) if forward => years.iter().find(|&&v| v > to).or(years.last()).copied(),
                    Some((from, _)) => years.iter().rev().find(|&&v| v < from).or(years.first()).copied(),
                };
                if let Some(y) = next {
                    input = year_line().with_text(&y.to_string());
                }
            }
            Action::Accept => {
                self.query = self.query.without(Facet::Year);
                if let Some((from, to)) = typed_years(input.as_str()) {
                    self.query.push(Term::Year { from, to });
                }
                self.refresh();
                return Mode::Browse;
            }
            Action::Cancel => {
                self.refresh();
                return Mode::Browse;
            }
            _ => return Mode::Year { input },
        }
        self.mode = Mode::Year { input };
        self.refresh();
        std::mem::replace(&mut self.mode, Mode::Browse)
    }

    pub(super) fn pick(&mut self, mut p: Picker, action: Action) -> Mode {
        match action {
            Action::Up => p.cursor = p.cursor.saturating_sub(1),
            Action::Down => p.cursor = (p.cursor + 1).min(p.matches.len().saturating_sub(1)),
            Action::PageUp => p.cursor = p.cursor.saturating_sub(10),
            Action::PageDown => p.cursor = (p.cursor + 10).min(p.matches.len().saturating_sub(1)),
            Action::Accept => {
                if let Some(&i) = p.matches.get(p.cursor) {
                    let term = self.choices.of(p.kind)[i].term.clone();
                    self.query.toggle(term);
                    self.refresh();
                }
                return Mode::Browse;
            }
            Action::Cancel => return Mode::Browse,
            _ => {}
        }
        Mode::Pick(p)
    }
}
