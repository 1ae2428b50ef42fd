//! The one table from keys to actions, for every context: browsing, the
//! prompts, help, presenting, the notes view and quizzes. The help screens,
//! the key hints, the README's keys table and the config file's names all
//! come from it, so they cannot drift apart.

use super::input::{Action, Input, Msg};
pub use super::key::Key;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Browse,
    /// Any prompt: search, query, year, actor, kind or find.
    Prompt,
    Help,
    Present,
    /// `tipline notes`: the presenter's notes on a second terminal.
    Notes,
    /// `tipline quiz`.
    Quiz,
    /// The screen shown while a large data file loads.
    Loading,
}

impl Context {
    pub const ALL: [Context; 7] = [
        Context::Browse,
        Context::Prompt,
        Context::Help,
        Context::Present,
        Context::Notes,
        Context::Quiz,
        Context::Loading,
    ];

    /// The context's name in the config file's `[keys.NAME]` tables.
    pub fn name(self) -> &'static str {
        match self {
            Context::Browse => "browse",
            Context::Prompt => "prompt",
            Context::Help => "help",
            Context::Present => "present",
            Context::Notes => "notes",
            Context::Quiz => "quiz",
            Context::Loading => "loading",
        }
    }

    /// The action that leaves this context: every context must keep a key for it.
    pub fn exit(self) -> Action {
        match self {
            Context::Prompt => Action::Cancel,
            Context::Help => Action::CloseHelp,
            _ => Action::Quit,
        }
    }

    /// Unbound printable keys are typed: any character in a prompt, digits
    /// (a stop number, a year) while presenting and in quizzes.
    fn types(self, c: char) -> bool {
        match self {
            Context::Prompt => true,
            Context::Present | Context::Quiz => c.is_ascii_digit(),
            _ => false,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Browse => "Browsing",
            Context::Prompt => "In a prompt (search, query, year, actor, kind, find) or the copy menu",
            Context::Help => "In the help, the figures chart and the glossary",
            Context::Present => "Presenting",
            Context::Notes => "The notes view (tipline notes)",
            Context::Quiz => "Taking a quiz (tipline quiz)",
            Context::Loading => "While a large data file loads",
        }
    }
}

/// The columns between two key hints.
pub const HINT_GAP: usize = 2;

pub use super::hint::{Hint, Prompt};

#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    pub help: &'static str,
    /// Shown in the one-line key hints of the status bar.
    pub hint: Option<Hint>,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

use KeyCode::*;

fn b(
    context: Context,
    keys: &[Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys: keys.to_vec(),
        action,
        help,
        hint: hint.map(Hint::Words),
    }
}

impl Default for Keymap {
    fn default() -> Self {
        use Context::{Browse as B, Help as H, Notes as N, Present as S, Prompt as P, Quiz as Q};
        let k = Key::ch;
        let p = Key::plain;
        let ctrl = |c: char| Key {
            code: Char(c),
            modifiers: KeyModifiers::CONTROL,
        };
        let mut bindings = vec![
            b(B, &[k('?')], Action::Help, "show this help", Some("help")),
            b(B, &[k('q'), p(F(10))], Action::Quit, "quit", Some("quit")),
            b(
                B,
                &[k('/')],
                Action::Search,
                "search: the list filters as you type",
                Some("search"),
            ),
            b(
                B,
                &[k('y')],
                Action::FilterYear,
                "filter by year: type one (2022) or a range (2019..2022 or 2019-2022), or step with ↑/↓",
                Some("year"),
            ),
            b(
                B,
                &[k('a')],
                Action::PickActor,
                "filter by actor (fuzzy names and aliases)",
                Some("actor"),
            ),
            b(B, &[k('t')], Action::PickKind, "filter by kind", Some("kind")),
            b(
                B,
                &[k(':')],
                Action::EditQuery,
                "edit the filter as query text",
                Some("query"),
            ),
            b(
                B,
                &[k('f')],
                Action::ToggleFilterPane,
                "show or hide the filter pane (put away below 160 columns until asked for)",
                Some("filters"),
            ),
            b(
                B,
                &[k('#')],
                Action::Figures,
                "the figures of the events in view as a chart by year, each naming who gave it",
                Some("figures"),
            ),
            b(
                B,
                &[k('i')],
                Action::Glossary,
                "the glossary: what the terms mean, with their sources; the selected event's terms first",
                Some("glossary"),
            ),
            b(
                B,
                &[k('c')],
                Action::CopyMenu,
                "copy: the source's citation, its quote, the event as Markdown, or the command line that reopens this view",
                Some("copy"),
            ),
            b(
                B,
                &[k('p'), p(F(5)), Key::shift(F(5))],
                Action::Present,
                "present: resume the lesson left with Esc, else the events in view, one per screen",
                Some("present"),
            ),
            b(
                B,
                &[k('x')],
                Action::ClearFilters,
                "clear every filter",
                Some("clear"),
            ),
            b(
                B,
                &[k('T')],
                Action::Tiers,
                "the US TIP report's tier for the years in view, as a step chart",
                Some("tiers"),
            ),
            b(
                B,
                &[k('L')],
                Action::Legend,
                "the legend: what the markers, the tier track and the era rows mean",
                Some("legend"),
            ),
            b(B, &[p(Tab)], Action::FocusNext, "focus the next pane", None),
            b(
                B,
                &[p(BackTab)],
                Action::FocusPrev,
                "focus the previous pane",
                None,
            ),
            b(
                B,
                &[p(Left), k('h')],
                Action::FocusLeft,
                "focus the pane to the left",
                None,
            ),
            b(
                B,
                &[p(Right), k('l')],
                Action::FocusRight,
                "focus the pane to the right",
                None,
            ),
            b(
                B,
                &[p(Up), k('k')],
                Action::Up,
                "previous event / scroll up / previous value",
                None,
            ),
            b(
                B,
                &[p(Down), k('j')],
                Action::Down,
                "next event / scroll down / next value",
                None,
            ),
            b(B, &[p(PageUp), ctrl('b')], Action::PageUp, "page up", None),
            b(B, &[p(PageDown), ctrl('f')], Action::PageDown, "page down", None),
            b(B, &[ctrl('u')], Action::HalfPageUp, "half a page up", None),
            b(B, &[ctrl('d')], Action::HalfPageDown, "half a page down", None),
            b(
                B,
                &[k('n')],
                Action::NextMatch,
                "next event matching the search words",
                None,
            ),
            b(
                B,
                &[k('N')],
                Action::PrevMatch,
                "previous event matching the search words",
                None,
            ),
            b(B, &[p(Home), k('g')], Action::Top, "first event / top", None),
            b(B, &[p(End), k('G')], Action::Bottom, "last event / bottom", None),
            b(
                B,
                &[p(Enter)],
                Action::Activate,
                "act on the cursor: open the event, follow its first link, toggle the value",
                None,
            ),
            b(
                B,
                &[k(' ')],
                Action::Toggle,
                "toggle the filter value under the cursor; in the timeline and detail, page down",
                None,
            ),
            b(
                B,
                &[p(Backspace), k('b')],
                Action::Back,
                "back to the event you came from",
                None,
            ),
            b(
                B,
                &[k(']')],
                Action::NextSource,
                "select the shown event's next source (▸ marks it)",
                None,
            ),
            b(
                B,
                &[k('[')],
                Action::PrevSource,
                "select the previous source",
                None,
            ),
            b(
                B,
                &[k('o')],
                Action::OpenSource,
                "open the selected source's web address in the browser ($BROWSER, else the system's)",
                Some("open"),
            ),
            b(
                B,
                &[p(Esc)],
                Action::Dismiss,
                "hide the data problems panel",
                None,
            ),
            Binding {
                hint: Some(Hint::ByPrompt {
                    typed: "keep",
                    year: "keep",
                    pick: "keep",
                    copy: "copy",
                }),
                ..b(
                    P,
                    &[p(Enter)],
                    Action::Accept,
                    "keep: apply what was typed or chosen (in the copy menu: copy the marked item)",
                    None,
                )
            },
            b(
                P,
                &[p(Esc)],
                Action::Cancel,
                "drop: close the prompt, undoing its filter",
                Some("drop"),
            ),
            b(
                P,
                &[p(Left), ctrl('b')],
                Action::CaretLeft,
                "move the caret a character left",
                None,
            ),
            b(
                P,
                &[p(Right), ctrl('f')],
                Action::CaretRight,
                "move the caret a character right",
                None,
            ),
            b(
                P,
                &[p(Home), ctrl('a')],
                Action::CaretStart,
                "move the caret to the start of the line",
                None,
            ),
            b(
                P,
                &[p(End), ctrl('e')],
                Action::CaretEnd,
                "move the caret to the end of the line",
                None,
            ),
            b(
                P,
                &[p(Backspace), ctrl('h')],
                Action::Erase,
                "erase the character before the caret",
                None,
            ),
            b(
                P,
                &[p(Delete), ctrl('d')],
                Action::EraseForward,
                "erase the character at the caret",
                None,
            ),
            b(
                P,
                &[ctrl('w')],
                Action::EraseWord,
                "erase the word before the caret",
                None,
            ),
            b(
                P,
                &[ctrl('u')],
                Action::EraseToStart,
                "erase from the start of the line to the caret",
                None,
            ),
            b(
                P,
                &[ctrl('k')],
                Action::EraseToEnd,
                "erase from the caret to the end of the line",
                None,
            ),
            Binding {
                hint: Some(Hint::ByPrompt {
                    typed: "history",
                    year: "step",
                    pick: "choose",
                    copy: "choose",
                }),
                ..b(
                    P,
                    &[p(Up)],
                    Action::Up,
                    "the query, search or find before, from this session; the year before with events; the choice above",
                    None,
                )
            },
            b(
                P,
                &[p(Down)],
                Action::Down,
                "the query, search or find after (at the end, the line being typed); the next year with events; the choice below",
                None,
            ),
            b(P, &[p(PageUp)], Action::PageUp, "choices: page up", None),
            b(P, &[p(PageDown)], Action::PageDown, "choices: page down", None),
            b(
                S,
                &[k(' ')],
                Action::Reveal,
                "reveal the next part (then the next stop)",
                Some("reveal"),
            ),
            b(
                S,
                &[p(Right), p(PageDown), k('l'), k('n')],
                Action::NextStop,
                "next stop (on the end screen: a page further down the sources)",
                Some("next"),
            ),
            b(
                S,
                &[p(Left), p(PageUp), k('h')],
                Action::PrevStop,
                "previous stop",
                Some("back"),
            ),
            b(
                S,
                &[p(Up), k('k')],
                Action::Up,
                "scroll a long stop up (in the overview: the previous stop)",
                Some("scroll"),
            ),
            b(
                S,
                &[p(Down), k('j')],
                Action::Down,
                "scroll a long stop down (in the overview: the next stop)",
                None,
            ),
            b(
                S,
                &[p(Enter)],
                Action::GoToTyped,
                "go to the stop whose number was typed (or the next)",
                Some("go to typed stop"),
            ),
            b(
                S,
                &[k('G'), p(End)],
                Action::LastStop,
                "go to the typed stop, or the last (on the end screen: its last source)",
                None,
            ),
            b(
                S,
                &[k('g'), p(Home), p(F(5))],
                Action::FirstStop,
                "first stop",
                None,
            ),
            b(
                S,
                &[k('b'), k('.')],
                Action::BlankBlack,
                "blank the screen to black, and back (any key brings it back)",
                Some("blank"),
            ),
            b(
                S,
                &[k('w')],
                Action::BlankWhite,
                "blank the screen to white, and back",
                None,
            ),
            b(
                S,
                &[k('o')],
                Action::Overview,
                "overview of all stops",
                Some("overview"),
            ),
            b(
                S,
                &[p(Esc)],
                Action::EndPresenting,
                "close the overview, else browse at this event, keeping the lesson for p to resume",
                Some("browse"),
            ),
            b(
                S,
                &[k('q'), p(F(10))],
                Action::Quit,
                "quit (from the end screen too)",
                None,
            ),
            b(
                H,
                &[p(Esc), k('q'), k('?'), p(Enter)],
                Action::CloseHelp,
                "close the help, the figures or the glossary",
                Some("close"),
            ),
            b(H, &[p(Up), k('k')], Action::Up, "scroll up", Some("scroll")),
            b(
                H,
                &[k('/')],
                Action::Search,
                "find words on this screen: it scrolls to the first line holding them as they are typed",
                Some("find"),
            ),
            b(
                H,
                &[k('n')],
                Action::NextMatch,
                "the next line holding the words found",
                Some("next"),
            ),
            b(
                H,
                &[k('N')],
                Action::PrevMatch,
                "the previous line holding the words found",
                None,
            ),
            b(H, &[p(Down), k('j')], Action::Down, "scroll down", None),
            b(H, &[p(PageUp), ctrl('b')], Action::PageUp, "page up", None),
            b(
                H,
                &[p(PageDown), ctrl('f'), k(' ')],
                Action::PageDown,
                "page down",
                None,
            ),
            b(H, &[ctrl('u')], Action::HalfPageUp, "half a page up", None),
            b(H, &[ctrl('d')], Action::HalfPageDown, "half a page down", None),
            b(H, &[p(F(10))], Action::Quit, "quit", None),
            b(
                H,
                &[k('i')],
                Action::Glossary,
                "from the help or legend: the glossary at the tier definitions",
                None,
            ),
            b(H, &[p(Home), k('g')], Action::Top, "top", None),
            b(H, &[p(End), k('G')], Action::Bottom, "bottom", None),
            b(
                N,
                &[k('q'), p(Esc), p(F(10))],
                Action::Quit,
                "quit the notes view",
                Some("quit"),
            ),
            b(
                N,
                &[k('p')],
                Action::PauseTimer,
                "pause the clock, or run it on",
                Some("pause"),
            ),
            b(
                N,
                &[k('r')],
                Action::ResetTimer,
                "start the clock again from 0:00",
                Some("reset"),
            ),
            b(
                Q,
                &[p(Up), k('k')],
                Action::Up,
                "move up (carrying an ordering's held item)",
                Some("move"),
            ),
            b(
                Q,
                &[p(Down), k('j')],
                Action::Down,
                "move down (carrying an ordering's held item)",
                None,
            ),
            b(
                Q,
                &[p(PageUp)],
                Action::PageUp,
                "a page up (a marked answer, the score)",
                None,
            ),
            b(
                Q,
                &[p(PageDown)],
                Action::PageDown,
                "a page down (a marked answer, the score)",
                None,
            ),
            b(
                Q,
                &[p(Home)],
                Action::Top,
                "to the top (a marked answer, the score)",
                None,
            ),
            b(
                Q,
                &[p(End)],
                Action::Bottom,
                "to the end (a marked answer, the score)",
                None,
            ),
            b(
                Q,
                &[k(' ')],
                Action::Grab,
                "ordering: pick up or put down the item",
                Some("grab"),
            ),
            b(
                Q,
                &[p(Enter)],
                Action::Submit,
                "submit the answer, then go on to the next question",
                Some("submit"),
            ),
            b(
                Q,
                &[p(Backspace)],
                Action::Erase,
                "year question: erase a digit",
                None,
            ),
            b(
                Q,
                &[k('q'), p(Esc), p(F(10))],
                Action::Quit,
                "quit the quiz",
                Some("quit"),
            ),
            b(
                Context::Loading,
                &[k('q'), p(Esc)],
                Action::Quit,
                "quit before the data has loaded",
                None,
            ),
        ];
        // The console drives the room with the presenter's own keys for
        // its moves, so a clicker or a hand that knows them works on both.
        let room = [
            (
                Action::Reveal,
                "the room: reveal the next part (then the next stop)",
                Some("reveal"),
            ),
            (Action::NextStop, "the room: next stop", Some("next")),
            (Action::PrevStop, "the room: previous stop", Some("back")),
            (
                Action::BlankBlack,
                "the room: blank the screen to black, and back",
                Some("blank"),
            ),
            (
                Action::BlankWhite,
                "the room: blank the screen to white, and back",
                None,
            ),
        ]
        .map(|(action, help, hint)| {
            let keys: Vec<Key> = bindings
                .iter()
                .filter(|b| b.context == S && b.action == action)
                .flat_map(|b| b.keys.iter().copied())
                .collect();
            b(N, &keys, action, help, hint)
        });
        let first_notes = bindings
            .iter()
            .position(|b| b.context == N)
            .unwrap_or(bindings.len());
        bindings.splice(first_notes..first_notes, room);
        for n in 1..=9u8 {
            let help = if n == 1 {
                "follow related event 1-9 shown in the detail pane"
            } else {
                ""
            };
            bindings.push(b(
                B,
                &[k((b'0' + n) as char)],
                Action::FollowRelated(n),
                help,
                None,
            ));
        }
        for (n, c) in ['a', 'b', 'c', 'd'].into_iter().enumerate() {
            let help = if n == 0 {
                "pick option A, B, C or D of a question"
            } else {
                ""
            };
            bindings.push(b(Q, &[k(c)], Action::Choose(n as u8), help, None));
        }
        for context in [B, S] {
            bindings.push(b(
                context,
                &[ctrl('z')],
                Action::Suspend,
                "suspend to the shell (fg comes back)",
                None,
            ));
        }
        for context in Context::ALL {
            bindings.push(b(context, &[Key::CTRL_C], Action::Quit, "quit, always", None));
        }
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action a key means in a context, if the table binds it.
    pub fn action_in(&self, context: Context, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.keys.contains(&key))
            .map(|b| b.action)
    }

    /// What a key press means in a context: a bound action, else a typed
    /// character where the context takes text.
    pub fn msg_for(&self, context: Context, event: KeyEvent) -> Option<Msg> {
        let key = Key::from_event(event);
        if let Some(action) = self.action_in(context, key) {
            return Some(Msg::Action(action));
        }
        match key.code {
            KeyCode::Char(c)
                if context.types(c)
                    && !key
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Msg::Input(Input::Char(c)))
            }
            _ => None,
        }
    }

    /// The first key bound to an action in a context, for messages.
    pub fn first_key(&self, context: Context, action: Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.context == context && b.action == action)
            .and_then(|b| b.keys.first())
            .map_or_else(|| "?".into(), Key::label)
    }

    /// The first key bound to an action while browsing, for messages.
    pub fn key_for(&self, action: Action) -> String {
        self.first_key(Context::Browse, action)
    }
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
