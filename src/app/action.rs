//! What the user can ask for, independent of which key asked.

/// Every action the app performs. Keys map to these through the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    Help,
    FocusNext,
    FocusPrev,
    FocusLeft,
    FocusRight,
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    /// Enter: open, follow or keep, depending on the pane or prompt.
    Confirm,
    /// Space: toggle the value under the cursor in the filter pane.
    Toggle,
    /// Esc: close a prompt or overlay, dropping what it changed.
    Cancel,
    Search,
    EditQuery,
    FilterYear,
    PickActor,
    PickKind,
    ToggleFilterPane,
    ClearFilters,
    /// Follow the n-th related link of the shown event (1-based).
    FollowRelated(u8),
    Back,
    // Text entry in prompts.
    Input(char),
    Erase,
    // Mouse.
    ClickAt(u16, u16),
    ScrollUp,
    ScrollDown,
    Resize(u16, u16),
    // Presenting.
    Present,
    Reveal,
    NextStop,
    PrevStop,
    Overview,
}

impl Action {
    /// The name used for this action in the keys config file.
    pub fn name(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::FocusNext => "focus-next",
            Action::FocusPrev => "focus-prev",
            Action::FocusLeft => "focus-left",
            Action::FocusRight => "focus-right",
            Action::Up => "up",
            Action::Down => "down",
            Action::PageUp => "page-up",
            Action::PageDown => "page-down",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Confirm => "confirm",
            Action::Toggle => "toggle",
            Action::Cancel => "cancel",
            Action::Search => "search",
            Action::EditQuery => "edit-query",
            Action::FilterYear => "filter-year",
            Action::PickActor => "pick-actor",
            Action::PickKind => "pick-kind",
            Action::ToggleFilterPane => "toggle-filter-pane",
            Action::ClearFilters => "clear-filters",
            Action::FollowRelated(_) => "follow-related",
            Action::Back => "back",
            Action::Input(_) => "input",
            Action::Erase => "erase",
            Action::ClickAt(..) => "click",
            Action::ScrollUp => "scroll-up",
            Action::ScrollDown => "scroll-down",
            Action::Resize(..) => "resize",
            Action::Present => "present",
            Action::Reveal => "reveal",
            Action::NextStop => "next-stop",
            Action::PrevStop => "previous-stop",
            Action::Overview => "overview",
        }
    }
}

/// The pane that has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Filter,
    Timeline,
    Detail,
}

/// What the keyboard is doing now. Prompts take typed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Browse,
    /// `/`: the list filters live as the text is typed.
    Search {
        input: String,
    },
    /// `:`: the whole filter as query text.
    EditQuery {
        input: String,
        error: Option<String>,
    },
    /// `y`: type a year or step through years with ←/→.
    Year {
        input: String,
    },
    /// `a` / `t`: choose an actor or a kind from a list narrowed by typing.
    Pick(Picker),
    Help {
        scroll: u16,
    },
    /// Presenting a lesson (or the filtered events) one stop per screen.
    Present(Box<super::present::Presenter>),
}

impl Mode {
    /// Whether printable keys are typed into a prompt rather than bound to actions.
    pub fn takes_text(&self) -> bool {
        matches!(
            self,
            Mode::Search { .. } | Mode::EditQuery { .. } | Mode::Year { .. } | Mode::Pick(_)
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Actor,
    Kind,
}

/// A list of choices narrowed by fuzzy matching on what is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    pub input: String,
    /// Indices into the app's choices for this picker, best match first.
    pub matches: Vec<usize>,
    pub cursor: usize,
}
