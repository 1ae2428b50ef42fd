//! One key as the key table and the config file write it: a code and its
//! modifiers, read from `Ctrl-f`, `PgDn`, `Shift-Tab`, and labelled back.

use compact_str::CompactString;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    /// Ctrl-C, which quits in every context and cannot be rebound.
    pub const CTRL_C: Key = Key {
        code: KeyCode::Char('c'),
        modifiers: KeyModifiers::CONTROL,
    };

    pub(super) const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    pub(super) const fn shift(code: KeyCode) -> Key {
        Key {
            code,
            modifiers: KeyModifiers::SHIFT,
        }
    }

    pub(super) const fn ch(c: char) -> Key {
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
            "delete" | "del" => KeyCode::Delete,
            "space" => KeyCode::Char(' '),
            f if f.len() >= 2
                && f.starts_with('f')
                && f[1..].parse::<u8>().is_ok_and(|n| (1..=12).contains(&n)) =>
            {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
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
    pub fn from_event(e: KeyEvent) -> Key {
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

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        self.label_inline().into_string()
    }

    /// [`Key::label`], kept inline with no allocation: the hints are read
    /// out of the key table for every frame.
    pub fn label_inline(&self) -> CompactString {
        use std::fmt::Write;
        let mut label = CompactString::default();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl-");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            label.push_str("Alt-");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) && !matches!(self.code, KeyCode::Char(_)) {
            label.push_str("Shift-");
        }
        let name = match self.code {
            KeyCode::Up => "↑",
            KeyCode::Down => "↓",
            KeyCode::Left => "←",
            KeyCode::Right => "→",
            KeyCode::PageUp => "PgUp",
            KeyCode::PageDown => "PgDn",
            KeyCode::Home => "Home",
            KeyCode::End => "End",
            KeyCode::Enter => "Enter",
            KeyCode::Esc => "Esc",
            KeyCode::Tab => "Tab",
            KeyCode::BackTab => "Shift-Tab",
            KeyCode::Backspace => "Backspace",
            KeyCode::Delete => "Delete",
            KeyCode::Char(' ') => "Space",
            KeyCode::Char(c) => {
                label.push(c);
                return label;
            }
            other => {
                // Writing to a string cannot fail.
                let _ = match other {
                    KeyCode::F(n) => write!(label, "F{n}"),
                    other => write!(label, "{other:?}"),
                };
                return label;
            }
        };
        label.push_str(name);
        label
    }
}
