//! What reaches `App::update`: semantic actions (what the user asked for,
//! whichever key asked), raw input (typed characters, clicks, sizes, pastes)
//! and the results of work done outside (a reloaded file, a lesson to
//! present). Each action means one thing wherever it is bound.

use super::presenter::Presenter;
use crate::timeline::model::Timeline;

/// Every action the app performs. Keys map to these through the key table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    CloseHelp,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    /// Move the cursor (or scroll) one line, a page, or to an end.
    Up,
    Down,
    PageUp,
    PageDown,
    /// Half a page (Ctrl-u / Ctrl-d, as in less and vi).
    HalfPageUp,
    HalfPageDown,
    Top,
    Bottom,
    /// The next / previous listed event matching the search words.
    NextMatch,
    PrevMatch,
    /// The legend: what the markers, the tier track and the era rows mean.
    Legend,
    /// The figures of the events in view as a chart by year.
    Figures,
    Tiers,
    /// The glossary: the selected event's terms first (from the legend: the tiers).
    Glossary,
    /// Enter while browsing: act on what the cursor is on (open the event,
    /// follow its first link, toggle the filter value).
    Activate,
    /// Space: in the filter pane toggle the value under the cursor; in the
    /// timeline and detail panes, where there is nothing to toggle, page down.
    Toggle,
    /// Esc while browsing: dismiss the message or the data problems panel.
    Dismiss,
    Search,
    EditQuery,
    FilterYear,
    PickActor,
    PickKind,
    ToggleFilterPane,
    ClearFilters,
    /// Follow the n-th related link of the shown event (1-based).
    FollowRelated(u8),
    /// Select the shown event's next / previous source.
    NextSource,
    PrevSource,
    /// Open the selected source's web address in the browser.
    OpenSource,
    /// Choose what to copy: citation, quote, the event, the command line.
    CopyMenu,
    Back,
    // Prompts.
    /// Keep what was typed or chosen.
    Accept,
    /// Close the prompt, undoing its live filter.
    Cancel,
    /// Erase the character before the caret.
    Erase,
    /// Erase the character at the caret.
    EraseForward,
    /// Erase the word before the caret.
    EraseWord,
    /// Erase from the start of the line to the caret.
    EraseToStart,
    /// Erase from the caret to the end of the line.
    EraseToEnd,
    /// Move the caret a character left or right, or to either end.
    CaretLeft,
    CaretRight,
    CaretStart,
    CaretEnd,
    PrevYear,
    NextYear,
    // Presenting.
    Present,
    Reveal,
    NextStop,
    PrevStop,
    /// Go to the stop whose number was typed, or the next one.
    GoToTyped,
    /// Go to the stop whose number was typed, or the last one.
    LastStop,
    FirstStop,
    Overview,
    /// Back to browsing at the event on screen (closing the overview first).
    EndPresenting,
    /// Blank the room's screen to black, or bring it back.
    BlankBlack,
    /// Blank the room's screen to white, or bring it back.
    BlankWhite,
    /// Ctrl-Z: give the terminal back to the shell until `fg`.
    Suspend,
    /// Any key not bound while the room's screen is blank: it comes back.
    /// Never bound, so not in the config's names.
    Unblank,
    // The notes view.
    /// Pause the notes view's clock, or run it on.
    PauseTimer,
    /// Start the notes view's clock again from zero.
    ResetTimer,
    // Quizzes.
    /// Pick up or put down the item under the cursor.
    Grab,
    Submit,
    /// Pick the n-th option of a question (0 is A).
    Choose(u8),
}

impl Action {
    /// Every action with a name, for the config file and its did-you-mean.
    pub const NAMED: &'static [Action] = &[
        Action::Quit,
        Action::Help,
        Action::CloseHelp,
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusLeft,
        Action::FocusRight,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::HalfPageUp,
        Action::HalfPageDown,
        Action::Top,
        Action::Bottom,
        Action::NextMatch,
        Action::PrevMatch,
        Action::Legend,
        Action::Figures,
        Action::Tiers,
        Action::Glossary,
        Action::Activate,
        Action::Toggle,
        Action::Dismiss,
        Action::Search,
        Action::EditQuery,
        Action::FilterYear,
        Action::PickActor,
        Action::PickKind,
        Action::ToggleFilterPane,
        Action::ClearFilters,
        Action::Back,
        Action::NextSource,
        Action::PrevSource,
        Action::OpenSource,
        Action::CopyMenu,
        Action::Accept,
        Action::Cancel,
        Action::Erase,
        Action::EraseForward,
        Action::EraseWord,
        Action::EraseToStart,
        Action::EraseToEnd,
        Action::CaretLeft,
        Action::CaretRight,
        Action::CaretStart,
        Action::CaretEnd,
        Action::PrevYear,
        Action::NextYear,
        Action::Present,
        Action::Reveal,
        Action::NextStop,
        Action::PrevStop,
        Action::GoToTyped,
        Action::LastStop,
        Action::FirstStop,
        Action::Overview,
        Action::EndPresenting,
        Action::BlankBlack,
        Action::BlankWhite,
        Action::Suspend,
        Action::PauseTimer,
        Action::ResetTimer,
        Action::Grab,
        Action::Submit,
    ];

    /// The name used for this action in the keys config file.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::CloseHelp => "close-help",
            Action::FocusNext => "focus-next",
            Action::FocusPrev => "focus-prev",
            Action::FocusLeft => "focus-left",
            Action::FocusRight => "focus-right",
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page-up",
            Action::PageDown => "page-down",
            Action::HalfPageUp => "half-page-up",
            Action::HalfPageDown => "half-page-down",
            Action::NextMatch => "next-match",
            Action::PrevMatch => "previous-match",
            Action::Legend => "legend",
            Action::Figures => "figures",
            Action::Tiers => "tiers",
            Action::Glossary => "glossary",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Activate => "activate",
            Action::Toggle => "toggle",
            Action::Dismiss => "dismiss",
            Action::Search => "search",
            Action::EditQuery => "edit-query",
            Action::FilterYear => "filter-year",
            Action::PickActor => "pick-actor",
            Action::PickKind => "pick-kind",
            Action::ToggleFilterPane => "toggle-filter-pane",
            Action::ClearFilters => "clear-filters",
            Action::FollowRelated(_) => "follow-related",
            Action::Back => "back",
            Action::NextSource => "next-source",
            Action::PrevSource => "previous-source",
            Action::OpenSource => "open-source",
            Action::CopyMenu => "copy",
            Action::Accept => "accept",
            Action::Cancel => "cancel",
            Action::Erase => "erase",
            Action::EraseForward => "erase-forward",
            Action::EraseWord => "erase-word",
            Action::EraseToStart => "erase-to-start",
            Action::EraseToEnd => "erase-to-end",
            Action::CaretLeft => "caret-left",
            Action::CaretRight => "caret-right",
            Action::CaretStart => "caret-start",
            Action::CaretEnd => "caret-end",
            Action::PrevYear => "previous-year",
            Action::NextYear => "next-year",
            Action::Present => "present",
            Action::Reveal => "reveal",
            Action::NextStop => "next-stop",
            Action::PrevStop => "previous-stop",
            Action::GoToTyped => "go-to-typed-stop",
            Action::LastStop => "last-stop",
            Action::FirstStop => "first-stop",
            Action::Overview => "overview",
            Action::EndPresenting => "end-presenting",
            Action::BlankBlack => "blank-black",
            Action::BlankWhite => "blank-white",
            Action::Unblank => "unblank",
            Action::Suspend => "suspend",
            Action::PauseTimer => "pause-timer",
            Action::ResetTimer => "reset-timer",
            Action::Grab => "grab",
            Action::Submit => "submit",
            Action::Choose(_) => "choose",
        }
    }
}

/// Raw input: not a choice of the user's but what they typed, clicked or
/// resized. Kept apart from actions so that no key table can bind them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A character typed into a prompt (or a digit to choose a stop).
    Char(char),
    Click {
        x: u16,
        y: u16,
    },
    /// The mouse wheel, over the cell (x, y).
    Wheel {
        up: bool,
        x: u16,
        y: u16,
    },
    Resize(u16, u16),
    Paste(String),
}

/// Everything that changes the app, through `App::update`.
#[derive(Debug)]
pub enum Msg {
    Action(Action),
    Input(Input),
    /// A watched data file loaded again: show it, keeping the view.
    Reloaded(Box<Timeline>),
    /// A watched data file no longer loads: these are its problems.
    DataProblems(Vec<String>),
    /// Present a lesson (or any presenter built outside).
    Present(Box<Presenter>),
    /// Show this event (the launcher's `--goto`), clearing a filter that hides it.
    Goto(String),
    /// A note for the status line from outside (a file that cannot be watched).
    Notice(String),
    /// Filter by this query, in place of the current one.
    Filter(crate::query::Query),
    /// A search started in the background finished. Shown only if no newer
    /// search was asked for since.
    Found {
        /// The search's number: each search asked for takes the next one.
        search: u64,
        result: Box<crate::query::Faceted>,
    },
}

impl From<Action> for Msg {
    fn from(a: Action) -> Msg {
        Msg::Action(a)
    }
}

impl From<Input> for Msg {
    fn from(i: Input) -> Msg {
        Msg::Input(i)
    }
}
