//! The optional config file: theme, mouse, and key bindings. Read once at
//! start-up; every problem is reported with file, line and column before
//! the terminal is touched.

use super::input::Action;
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
    /// Draw web addresses as terminal hyperlinks.
    pub hyperlinks: Option<bool>,
    pub keymap: Option<Keymap>,
}

/// Where the config file lives: `$XDG_CONFIG_HOME/tipline/config.toml`,
/// else `~/.config/tipline/config.toml` (on macOS too); on Windows, under
/// the roaming application data folder.
pub fn default_path() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().ok()?.config_dir();
    Some(base.join("tipline").join("config.toml"))
}

/// Actions that can be bound from the config file in a context, by name:
/// those the context's default table has.
fn bindable(context: Context) -> Vec<Action> {
    let mut seen = Vec::new();
    for b in Keymap::default().bindings.iter().filter(|b| b.context == context) {
        if !matches!(b.action, Action::FollowRelated(_) | Action::Choose(_)) && !seen.contains(&b.action) {
            seen.push(b.action);
        }
    }
    seen
}

/// The largest config file read: a full key table is a few kilobytes.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Reads the config file; a missing file is no config at all, and so is a
/// path through something that is not a folder (`XDG_CONFIG_HOME` set to a
/// file). Anything there that is not a regular file is refused unread.
pub fn load(path: &Path) -> Result<Config, Vec<Diagnostic>> {
    use crate::load::ReadFailure;
    use std::io::ErrorKind;
    let name = path.display().to_string();
    let bytes = match crate::load::read_bounded(path, MAX_CONFIG_BYTES) {
        Ok(b) => b,
        Err(ReadFailure::Io(e)) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => {
            return Ok(Config::default())
        }
        Err(f) => {
            return Err(vec![Diagnostic::file_error(
                &name,
                f.reason("a TOML config file"),
            )])
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => parse(&name, &text),
        Err(_) => Err(vec![Diagnostic::file_error(
            &name,
            "invalid UTF-8: the config file must be UTF-8 text".to_string(),
        )]),
    }
}

pub fn parse(name: &str, text: &str) -> Result<Config, Vec<Diagnostic>> {
    let src = SourceText::new(name, text);
    // The same bounded parse as data files: a config full of errors costs little.
    let doc = crate::load::syntax::parse_document(&src, 0, text)?;
    let mut problems = Vec::new();
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
            ("hyperlinks", DeValue::Boolean(b)) => config.hyperlinks = Some(*b),
            ("keys", DeValue::Table(t)) => match keys(&src, t) {
                Ok(k) => config.keymap = Some(k),
                Err(mut e) => problems.append(&mut e),
            },
            ("theme" | "mouse" | "hyperlinks" | "keys", _) => problems.push(src.error(
                value.span(),
                format!(
                    "`{}` has the wrong type: expected {}",
                    key.get_ref(),
                    match key.get_ref().as_ref() {
                        "theme" => "a string",
                        "mouse" | "hyperlinks" => "true or false",
                        _ => "a table of action = key",
                    }
                ),
            )),
            (other, _) => {
                let help = did_you_mean(other, &["theme", "mouse", "hyperlinks", "keys"])
                    .unwrap_or_else(|| "expected theme, mouse, hyperlinks or [keys]".to_string());
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

/// Applies `[keys]` (browsing) and `[keys.CONTEXT]` tables to the default
/// keymap, and reports every conflict, every context left without a way
/// out, and any attempt to rebind Ctrl-C.
fn keys(src: &SourceText, table: &DeTable) -> Result<Keymap, Vec<Diagnostic>> {
    let mut keymap = Keymap::default();
    let mut problems = Vec::new();
    let contexts: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
    let mut browse = Vec::new();
    for (name, value) in table {
        match value.get_ref() {
            DeValue::Table(t) => match Context::ALL.iter().find(|c| c.name() == name.get_ref().as_ref()) {
                Some(&context) => rebind(src, &mut keymap, context, t.iter().collect(), &mut problems),
                None => {
                    let help = did_you_mean(name.get_ref(), &contexts)
                        .unwrap_or_else(|| format!("expected a context: {}", contexts.join(", ")));
                    problems.push(
                        src.error(name.span(), format!("unknown key context `{}`", name.get_ref()))
                            .with_help(help),
                    );
                }
            },
            _ => browse.push((name, value)),
        }
    }
    rebind(src, &mut keymap, Context::Browse, browse, &mut problems);
    if problems.is_empty() {
        Ok(keymap)
    } else {
        Err(problems)
    }
}

type Entry<'a, 'b> = (
    &'a toml::Spanned<std::borrow::Cow<'b, str>>,
    &'a toml::Spanned<DeValue<'b>>,
);

/// Applies one context's `action = key` entries.
fn rebind(
    src: &SourceText,
    keymap: &mut Keymap,
    context: Context,
    entries: Vec<Entry>,
    problems: &mut Vec<Diagnostic>,
) {
    let actions = bindable(context);
    let names: Vec<&str> = actions.iter().map(|a| a.name()).collect();
    // Which config entry put each key where, to point at it on conflict.
    let mut placed: Vec<(Key, Action, std::ops::Range<usize>)> = Vec::new();
    for (name, value) in entries {
        let Some(&action) = actions.iter().find(|a| a.name() == name.get_ref().as_ref()) else {
            let help = did_you_mean(name.get_ref(), &names)
                .unwrap_or_else(|| format!("expected one of: {}", names.join(", ")));
            problems.push(
                src.error(
                    name.span(),
                    format!("unknown action `{}` for {}", name.get_ref(), context.name()),
                )
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
        if items.is_empty() && action == context.exit() {
            problems.push(
                src.error(
                    value.span(),
                    format!(
                        "`{}` needs a key: without one there is no way out of {}",
                        action.name(),
                        context.name()
                    ),
                )
                .with_help("Ctrl-C always quits, but a key of your own is needed too"),
            );
            continue;
        }
        let mut new_keys = Vec::new();
        for (text, span) in items {
            match Key::parse(&text) {
                Some(k) if k == Key::CTRL_C => problems.push(
                    src.error(span, "Ctrl-C always quits and cannot be rebound")
                        .with_help("choose another key"),
                ),
                Some(k) => {
                    new_keys.push(k);
                    placed.push((k, action, span));
                }
                None => problems.push(
                    src.error(span, format!("cannot read key `{text}`"))
                        .with_help("write a character (\"s\", \"G\"), a name (\"PgDn\", \"Enter\", \"Space\", \"F5\") or a chord (\"Ctrl-f\")"),
                ),
            }
        }
        // The action's first binding in the context takes the new keys;
        // its other bindings there are dropped. Ctrl-C's own row stays.
        let mut replaced = false;
        keymap.bindings.retain_mut(|b| {
            if b.context != context || b.action != action || b.keys == [Key::CTRL_C] {
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
            .find(|b| b.context == context && b.action != *action && b.keys.contains(key));
        if let Some(other) = clash {
            problems.push(src.error(
                span.clone(),
                format!(
                    "key `{}` is bound to both `{}` and `{}` in {}",
                    key.label(),
                    action.name(),
                    other.action.name(),
                    context.name()
                ),
            ));
        }
    }
}
