//! What the key table says about itself: the help's rows, the README's
//! keys tables and the status bar's hints, all generated from it.

use super::hint::Prompt;
use super::input::Action;
use super::keymap::{Context, Key, Keymap, HINT_GAP};
use compact_str::CompactString;

impl Keymap {
    /// Rows of the help screen: context, keys, what they do. `contexts`
    /// picks which (the app's help shows its own, the README all).
    pub fn help_rows_in(&self, contexts: &[Context]) -> Vec<(Context, String, &'static str)> {
        let mut rows = Vec::new();
        for &context in contexts {
            // The nine follow-related keys, and the four that pick an
            // option, read better as one row each: "1…9", "a…d".
            let mut runs: Vec<(usize, Vec<String>)> = Vec::new();
            let run_of = |action: Action| match action {
                Action::FollowRelated(_) => Some(0),
                Action::Choose(_) => Some(1),
                _ => None,
            };
            for b in self.bindings.iter().filter(|b| b.context == context) {
                if let Some(run) = run_of(b.action) {
                    let labels = b.keys.iter().map(Key::label);
                    match runs.iter_mut().find(|r| r.0 == run) {
                        Some(r) => r.1.extend(labels),
                        None => runs.push((run, labels.collect())),
                    }
                    if b.help.is_empty() {
                        continue;
                    }
                }
                let keys = b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" ");
                rows.push((context, keys, b.help));
            }
            for (run, labels) in runs {
                let start = if run == 0 { "follow related" } else { "pick option" };
                if let (Some(row), Some(first), Some(last)) = (
                    rows.iter_mut().find(|r| r.0 == context && r.2.starts_with(start)),
                    labels.first(),
                    labels.last(),
                ) {
                    row.1 = format!("{first}…{last}");
                }
            }
        }
        rows
    }

    /// Every context's keys as Markdown tables, as the README shows them.
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for context in Context::ALL {
            out.push_str(&format!(
                "**{}** (`[keys.{}]`)\n\n| keys | what they do |\n|---|---|\n",
                context.title(),
                context.name()
            ));
            for (_, keys, help) in self.help_rows_in(&[context]) {
                out.push_str(&format!("| {} | {help} |\n", keys.replace('|', "\\|")));
            }
            out.push('\n');
        }
        out
    }

    /// The app's help: the contexts of the interactive timeline.
    pub fn help_rows(&self) -> Vec<(Context, String, &'static str)> {
        self.help_rows_in(&[Context::Browse, Context::Prompt, Context::Present, Context::Help])
    }

    /// The short key hints for a context's status bar; in a prompt,
    /// `prompt` says which is open.
    pub fn hints(&self, context: Context, prompt: Option<Prompt>) -> Vec<(CompactString, &'static str)> {
        self.bindings
            .iter()
            .filter(|b| b.context == context)
            .filter_map(|b| {
                let mut key = b.keys.first()?.label_inline();
                // Up and down read as one pair: "↑↓ scroll".
                if b.action == Action::Up {
                    if let Some(down) = self
                        .bindings
                        .iter()
                        .find(|d| d.context == context && d.action == Action::Down)
                    {
                        key.push_str(&down.keys.first().map(Key::label_inline).unwrap_or_default());
                    }
                }
                Some((key, b.hint?.words(prompt)))
            })
            .collect()
    }

    /// The short key hints for a context packed into at most `rows` rows
    /// of `width` columns, in the table's order, as many as fit: each
    /// `key words`, two spaces apart.
    pub fn hint_rows(
        &self,
        context: Context,
        prompt: Option<Prompt>,
        width: usize,
        rows: usize,
    ) -> Vec<Vec<(CompactString, &'static str)>> {
        use unicode_width::UnicodeWidthStr;
        let mut out: Vec<Vec<(CompactString, &'static str)>> = Vec::new();
        let mut used = 0;
        for (key, what) in self.hints(context, prompt) {
            let piece = key.width() + 1 + what.width();
            let fits = !out.is_empty() && used + HINT_GAP + piece <= width;
            if let (true, Some(row)) = (fits, out.last_mut()) {
                used += HINT_GAP + piece;
                row.push((key, what));
            } else if out.len() < rows && piece <= width {
                used = piece;
                out.push(vec![(key, what)]);
            } else {
                break;
            }
        }
        out
    }
}
