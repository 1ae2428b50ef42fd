//! The one table from keys to actions. The help screen and the key hints
//! in the status bar are generated from it, so they cannot drift apart.

use super::action::{Action, Mode};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Browse,
    /// Any prompt: search, query, year, actor or kind.
    Prompt,
    Help,
    Present,
}

impl Context {
    pub fn of(mode: &Mode) -> Context {
        match mode {
            Mode::Help { .. } => Context::Help,
            Mode::Present(_) => Context::Present,
            m if m.takes_text() => Context::Prompt,
            _ => Context::Browse,
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Browse => "Browsing",
            Context::Prompt => "In a prompt (search, query, year, actor, kind)",
            Context::Help => "In this help",
            Context::Present => "Presenting",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    /// Reads a key as written in the config file: `q`, `G`, `Ctrl-f`, `PgDn`, `Shift-Tab`.
    pub fn parse(text: &str) -> Option<Key> {
        let (mods, name) = match text
            .rsplit_once('-')
            .filter(|(m, n)| !m.is_empty() && !n.is_empty())
        {
            Some((m, n)) => (m, n),
            None => ("", text),
        };
        let mut modifiers = KeyModifiers::NONE;
        for m in mods.split('-').filter(|m| !m.is_empty()) {
            modifiers |= match m.to_ascii_lowercase().as_str() {
                "ctrl" => KeyModifiers::CONTROL,
                "alt" => KeyModifiers::ALT,
                "shift" => KeyModifiers::SHIFT,
                _ => return None,
            };
        }
        let code = match name.to_ascii_lowercase().as_str() {
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "space" => KeyCode::Char(' '),
            _ => {
                let mut chars = name.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                KeyCode::Char(c)
            }
        };
        Some(Key { code, modifiers })
    }

    /// Normalises what the terminal sends: Shift is part of an upper-case
    /// letter already, and some terminals report it, others do not.
    fn from_event(e: KeyEvent) -> Key {
        let mut modifiers = e.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(e.code, KeyCode::Char(_) | KeyCode::BackTab) {
            modifiers.remove(KeyModifiers::SHIFT);
        }
        let code = match e.code {
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Key { code, modifiers }
    }

    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        let mut prefix = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            prefix.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            prefix.push_str("Alt-");
        }
        format!("{prefix}{name}")
    }
}

#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    pub help: &'static str,
    /// Shown in the one-line key hints of the status bar.
    pub hint: Option<&'static str>,
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
        hint,
    }
}

impl Default for Keymap {
    fn default() -> Self {
        use Context::{Browse as B, Help as H, Present as S, Prompt as P};
        let ctrl = |c| Key {
            code: Char(c),
            modifiers: KeyModifiers::CONTROL,
        };
        let k = Key::ch;
        let p = Key::plain;
        let mut bindings = vec![
            b(B, &[k('?')], Action::Help, "show this help", Some("help")),
            b(B, &[k('q')], Action::Quit, "quit", Some("quit")),
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
                "filter by year (type it, or ←/→ to step)",
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
                &[k('x')],
                Action::ClearFilters,
                "clear every filter",
                Some("clear"),
            ),
            b(
                B,
                &[k('f')],
                Action::ToggleFilterPane,
                "show or hide the filter pane",
                None,
            ),
            b(
                B,
                &[k('p')],
                Action::Present,
                "present the events in view, one per screen",
                Some("present"),
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
            b(B, &[p(PageUp)], Action::PageUp, "page up", None),
            b(B, &[p(PageDown)], Action::PageDown, "page down", None),
            b(B, &[p(Home), k('g')], Action::Top, "first event / top", None),
            b(B, &[p(End), k('G')], Action::Bottom, "last event / bottom", None),
            b(
                B,
                &[p(Enter)],
                Action::Confirm,
                "open the event; in detail, follow related 1; in filter, toggle",
                None,
            ),
            b(
                B,
                &[k(' ')],
                Action::Toggle,
                "toggle the filter value under the cursor",
                None,
            ),
            b(
                B,
                &[p(Backspace), k('b')],
                Action::Back,
                "back to the event you came from",
                None,
            ),
            b(B, &[p(Esc)], Action::Cancel, "dismiss", None),
            b(
                P,
                &[p(Enter)],
                Action::Confirm,
                "keep: apply what was typed or chosen",
                None,
            ),
            b(
                P,
                &[p(Esc)],
                Action::Cancel,
                "drop: close the prompt, undoing its filter",
                None,
            ),
            b(P, &[p(Backspace)], Action::Erase, "erase a character", None),
            b(P, &[p(Up)], Action::Up, "previous choice (or event)", None),
            b(P, &[p(Down)], Action::Down, "next choice (or event)", None),
            b(
                P,
                &[p(Left)],
                Action::FocusLeft,
                "year prompt: previous year with events",
                None,
            ),
            b(
                P,
                &[p(Right)],
                Action::FocusRight,
                "year prompt: next year with events",
                None,
            ),
            b(P, &[p(PageUp)], Action::PageUp, "choices: page up", None),
            b(P, &[p(PageDown)], Action::PageDown, "choices: page down", None),
            b(
                S,
                &[k(' ')],
                Action::Reveal,
                "reveal the next part (then the next stop)",
                None,
            ),
            b(
                S,
                &[p(Right), p(PageDown), k('l'), k('n')],
                Action::NextStop,
                "next stop",
                None,
            ),
            b(
                S,
                &[p(Left), p(PageUp), k('h')],
                Action::PrevStop,
                "previous stop",
                None,
            ),
            b(
                S,
                &[p(Enter)],
                Action::Confirm,
                "go to the stop whose number was typed (or the next)",
                None,
            ),
            b(
                S,
                &[k('G'), p(End)],
                Action::Bottom,
                "go to the typed stop, or the last",
                None,
            ),
            b(S, &[k('g'), p(Home)], Action::Top, "first stop", None),
            b(S, &[k('o')], Action::Overview, "overview of all stops", None),
            b(S, &[p(Up), k('k')], Action::Up, "overview: previous stop", None),
            b(S, &[p(Down), k('j')], Action::Down, "overview: next stop", None),
            b(
                S,
                &[p(Esc)],
                Action::Cancel,
                "back to browsing, at this event",
                None,
            ),
            b(S, &[k('q')], Action::Quit, "quit", None),
            b(
                H,
                &[p(Esc), k('q'), k('?'), p(Enter)],
                Action::Cancel,
                "close the help",
                None,
            ),
            b(H, &[p(Up), k('k')], Action::Up, "scroll up", None),
            b(H, &[p(Down), k('j')], Action::Down, "scroll down", None),
            b(H, &[p(PageUp)], Action::PageUp, "page up", None),
            b(H, &[p(PageDown)], Action::PageDown, "page down", None),
            b(H, &[p(Home), k('g')], Action::Top, "top", None),
        ];
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
        for context in [B, P, H, S] {
            bindings.push(b(context, &[ctrl('c')], Action::Quit, "quit, always", None));
        }
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action a key press means in the current mode. In prompts,
    /// printable characters are typed unless the table binds them.
    pub fn action_for(&self, mode: &Mode, event: KeyEvent) -> Option<Action> {
        let context = Context::of(mode);
        let key = Key::from_event(event);
        let bound = self
            .bindings
            .iter()
            .find(|b| b.context == context && b.keys.contains(&key))
            .map(|b| b.action);
        if bound.is_some() {
            return bound;
        }
        match (context, key.code) {
            // Digits typed while presenting choose a stop to jump to.
            (Context::Present, KeyCode::Char(c)) if c.is_ascii_digit() => Some(Action::Input(c)),
            (Context::Prompt, KeyCode::Char(c))
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Input(c))
            }
            _ => None,
        }
    }

    /// Rows of the help screen: context title, keys, what they do.
    pub fn help_rows(&self) -> Vec<(Context, String, &'static str)> {
        let mut rows = Vec::new();
        for context in [Context::Browse, Context::Prompt, Context::Present, Context::Help] {
            let mut digits = Vec::new();
            for b in self.bindings.iter().filter(|b| b.context == context) {
                if let Action::FollowRelated(_) = b.action {
                    digits.extend(b.keys.iter().map(Key::label));
                    if b.help.is_empty() {
                        continue;
                    }
                }
                let keys = b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" ");
                rows.push((context, keys, b.help));
            }
            // The nine follow-related keys read better as one row.
            if let Some(row) = rows.iter_mut().find(|r| r.2.starts_with("follow related")) {
                if let (Some(first), Some(last)) = (digits.first(), digits.last()) {
                    row.1 = format!("{first}…{last}");
                }
            }
        }
        rows
    }

    /// The short key hints for the status bar.
    pub fn hints(&self) -> Vec<(String, &'static str)> {
        self.bindings
            .iter()
            .filter_map(|b| Some((b.keys.first()?.label(), b.hint?)))
            .collect()
    }

    /// The first key bound to an action while browsing, for messages.
    pub fn key_for(&self, action: Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.context == Context::Browse && b.action == action)
            .and_then(|b| b.keys.first())
            .map_or_else(|| "?".into(), Key::label)
    }
}
