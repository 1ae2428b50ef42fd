//! The actors an event's quotes name, against the actors it lists. A
//! person or body a quote names (by name or alias, as whole words, case and
//! accents ignored) either acts in the event, and is among its `actors`, so
//! the actor filter finds it; or the event says in `not_acting` why not.
//! `check` warns of a name that is neither, and of a `not_acting` entry
//! that no quote of the event bears out; loading for the app does not look.

use super::diag::{Diagnostic, SourceText};
use super::gather::Gathered;
use crate::text::Names;
use std::collections::HashMap;
use std::ops::Range;

/// Checks every event's quotes for actors it neither lists nor explains.
pub(super) fn check(files: &[SourceText], all: &Gathered, diagnostics: &mut Vec<Diagnostic>) {
    let names = Names::new(all.actors.iter().enumerate().flat_map(|(i, a)| {
        std::iter::once(a.name.as_str())
            .chain(a.aliases.iter().map(String::as_str))
            .map(move |n| (i, n))
    }));
    let index: HashMap<&str, usize> = all
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    for (e, places) in all.events.iter().zip(&all.event_places) {
        let src = &files[places.file];
        // Each actor once, at the first quote that names them.
        let mut named: Vec<usize> = Vec::new();
        for (c, at) in e.sources.iter().zip(&places.prose().quotes) {
            for m in names.mentions(&c.quote) {
                if named.contains(&m.owner) {
                    continue;
                }
                named.push(m.owner);
                let actor = &all.actors[m.owner];
                let id = actor.id.as_str();
                if e.actors.iter().any(|a| a == id) || e.not_acting.iter().any(|n| n.actor == id) {
                    continue;
                }
                let words = &c.quote[m.at.clone()];
                let name = &actor.name;
                let called = if crate::text::fold_words(words) == crate::text::fold_words(name) {
                    String::new()
                } else {
                    format!(" as \"{words}\"")
                };
                diagnostics.push(
                    src.warning(
                        within(src, at, &c.quote, m.at),
                        format!(
                            "the quote of `{}` names {name} (`{id}`){called}, whom the event does not list in `actors`",
                            c.source
                        ),
                    )
                    .with_help(format!(
                        "if {name} acts in the event (speaks, signs, leads, is sanctioned ...), add \"{id}\" to its `actors`; if not, say why: not_acting = [{{ actor = \"{id}\", why = \"...\" }}]"
                    )),
                );
            }
        }
        for (n, span) in e.not_acting.iter().zip(&places.prose().not_acting) {
            if index.get(n.actor.as_str()).is_some_and(|i| !named.contains(i)) {
                diagnostics.push(
                    src.warning(
                        span.clone(),
                        format!("`not_acting` names `{}`, whom none of the event's quotes names", n.actor),
                    )
                    .with_help("`not_acting` says why a name in a quote is not an actor of the event: remove the entry"),
                );
            }
        }
    }
}

/// Where `quote[at]` stands in the file, given where the quote's string is
/// written (`written`): the written text holds the words as they are unless
/// an escape or a line ending inside them differs, and then the string's
/// start is as near as can be told.
fn within(src: &SourceText, written: &Range<usize>, quote: &str, at: Range<usize>) -> Range<usize> {
    let raw = src.text.get(written.clone()).unwrap_or("");
    let words = &quote[at.clone()];
    // The occurrence nearest to where the words are in the quote: the
    // string's opening and any trimmed space only move them a little.
    raw.match_indices(words)
        .map(|(i, _)| i)
        .min_by_key(|&i| i.abs_diff(at.start))
        .map_or(written.start..written.start + 1, |i| {
            written.start + i..written.start + i + words.len()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_placed_where_it_is_written_in_the_file() {
        let text = "quote = \"\"\"\nThe minister, Sar Kheng, said Sar Kheng.\"\"\"\n";
        let src = SourceText::new("f.toml", text);
        let written = 8..text.len() - 1;
        let quote = "The minister, Sar Kheng, said Sar Kheng.";
        let at = 14..23;
        assert_eq!(&quote[at.clone()], "Sar Kheng");
        let found = within(&src, &written, quote, at);
        assert_eq!(&text[found.clone()], "Sar Kheng");
        assert_eq!(
            src.locate(found.start),
            (2, 15, "The minister, Sar Kheng, said Sar Kheng.\"\"\"")
        );
    }

    #[test]
    fn words_an_escape_changed_fall_back_to_the_string_start() {
        let text = "quote = \"Sar\\u0020Kheng\"";
        let src = SourceText::new("f.toml", text);
        let found = within(&src, &(8..text.len()), "Sar Kheng", 0..9);
        assert_eq!(found, 8..9);
    }
}
