//! The optional config file: theme, mouse, and key bindings. Read once at
//! start-up; every problem is reported with file, line and column before
//! the terminal is touched.

use super::action::Action;
use super::keymap::{Context, Key, Keymap};
use super::theme::ThemeName;
use crate::load::diag::{Diagnostic, SourceText};
use crate::text::did_you_mean;
use std::path::{Path, PathBuf};
use toml::de::{DeTable, DeValue};

#[derive(Debug, Clone, Default)]
pub struct Config {
    pub theme: Option<ThemeName>,
    pub mouse: Option<bool>,
    pub keymap: Option<Keymap>,
}

/// Where the config file lives: `$XDG_CONFIG_HOME/tipline/config.toml`,
/// else `~/.config/tipline/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("tipline").join("config.toml"))
}

/// Actions that can be bound from the config file, by name.
fn bindable() -> Vec<Action> {
    let mut seen = Vec::new();
    for b in Keymap::default()
        .bindings
        .iter()
        .filter(|b| b.context == Context::Browse)
    {
        if !matches!(b.action, Action::FollowRelated(_) | Action::Quit) && !seen.contains(&b.action) {
            seen.push(b.action);
        }
    }
    seen.push(Action::Quit);
    seen
}

/// Reads the config file; a missing file is no config at all.
pub fn load(path: &Path) -> Result<Config, Vec<Diagnostic>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => {
            return Err(vec![Diagnostic::file_error(
                &path.display().to_string(),
                format!("cannot read: {e}"),
            )])
        }
    };
    parse(&path.display().to_string(), &text)
}

pub fn parse(name: &str, text: &str) -> Result<Config, Vec<Diagnostic>> {
    let src = SourceText::new(name, text);
    let (doc, errors) = DeTable::parse_recoverable(text);
    let mut problems = crate::load::syntax::syntax_errors(&src, 0, errors);
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut config = Config::default();
    for (key, value) in doc.get_ref() {
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("theme", DeValue::String(s)) => match ThemeName::parse(s) {
                Some(t) => config.theme = Some(t),
                None => problems.push(
                    src.error(value.span(), format!("unknown theme `{s}`"))
                        .with_help("expected dark, light or high-contrast"),
                ),
            },
            ("mouse", DeValue::Boolean(b)) => config.mouse = Some(*b),
            ("keys", DeValue::Table(t)) => match keys(&src, t) {
                Ok(k) => config.keymap = Some(k),
                Err(mut e) => problems.append(&mut e),
            },
            ("theme" | "mouse" | "keys", _) => problems.push(src.error(
                value.span(),
                format!(
                    "`{}` has the wrong type: expected {}",
                    key.get_ref(),
                    match key.get_ref().as_ref() {
                        "theme" => "a string",
                        "mouse" => "true or false",
                        _ => "a table of action = key",
                    }
                ),
            )),
            (other, _) => {
                let help = did_you_mean(other, &["theme", "mouse", "keys"])
                    .unwrap_or_else(|| "expected theme, mouse or [keys]".to_string());
                problems.push(
                    src.error(key.span(), format!("unknown setting `{other}`"))
                        .with_help(help),
                );
            }
        }
    }
    if problems.is_empty() {
        Ok(config)
    } else {
        problems.sort_by_key(|d| (d.line, d.column));
        Err(problems)
    }
}

/// Applies `[keys]` to the default keymap and reports every conflict.
fn keys(src: &SourceText, table: &DeTable) -> Result<Keymap, Vec<Diagnostic>> {
    let actions = bindable();
    let names: Vec<&str> = actions.iter().map(|a| a.name()).collect();
    let mut keymap = Keymap::default();
    let mut problems = Vec::new();
    // Which config entry put each key where, to point at it on conflict.
    let mut placed: Vec<(Key, Action, std::ops::Range<usize>)> = Vec::new();
    for (name, value) in table {
        let Some(&action) = actions.iter().find(|a| a.name() == name.get_ref().as_ref()) else {
            let help = did_you_mean(name.get_ref(), &names)
                .unwrap_or_else(|| format!("expected one of: {}", names.join(", ")));
            problems.push(
                src.error(name.span(), format!("unknown action `{}`", name.get_ref()))
                    .with_help(help),
            );
            continue;
        };
        let items: Vec<(String, std::ops::Range<usize>)> = match value.get_ref() {
            DeValue::String(s) => vec![(s.to_string(), value.span())],
            DeValue::Array(a) => a
                .iter()
                .filter_map(|v| v.get_ref().as_str().map(|s| (s.to_string(), v.span())))
                .collect(),
            _ => {
                problems.push(src.error(
                    value.span(),
                    "expected a key like \"s\" or a list like [\"s\", \"Ctrl-f\"]",
                ));
                continue;
            }
        };
        let mut new_keys = Vec::new();
        for (text, span) in items {
            match Key::parse(&text) {
                Some(k) => {
                    new_keys.push(k);
                    placed.push((k, action, span));
                }
                None => problems.push(
                    src.error(span, format!("cannot read key `{text}`"))
                        .with_help("write a character (\"s\", \"G\"), a name (\"PgDn\", \"Enter\", \"Space\") or a chord (\"Ctrl-f\")"),
                ),
            }
        }
        // The action's first browsing binding takes the new keys; others for it are dropped.
        let mut replaced = false;
        keymap.bindings.retain_mut(|b| {
            if b.context != Context::Browse || b.action != action {
                return true;
            }
            if replaced {
                return false;
            }
            b.keys = new_keys.clone();
            replaced = true;
            true
        });
    }
    for (key, action, span) in &placed {
        let clash = keymap
            .bindings
            .iter()
            .find(|b| b.context == Context::Browse && b.action != *action && b.keys.contains(key));
        if let Some(other) = clash {
            problems.push(src.error(
                span.clone(),
                format!(
                    "key `{}` is bound to both `{}` and `{}`",
                    key.label(),
                    action.name(),
                    other.action.name()
                ),
            ));
        }
    }
    if problems.is_empty() {
        Ok(keymap)
    } else {
        Err(problems)
    }
}
