//! Texts and who they belong to, for the questions that ask it: figures
//! and who gave them, quotes and the publisher that prints them. Only a
//! text one owner alone has in the whole timeline is asked about, so the
//! question has one right answer.

use crate::timeline::model::{Figure, Timeline};

/// A text and whom it belongs to (a figure and who gave it, a quote and
/// its publisher), with what says so: the event and the sources (ids).
#[derive(Debug, Clone)]
pub(super) struct Owned {
    pub(super) text: String,
    pub(super) owner: String,
    pub(super) event: usize,
    pub(super) sources: Vec<String>,
}

/// The figures of the pool attributed to someone, and every name they are
/// attributed to.
pub(super) struct Claims {
    pub(super) pairs: Vec<Owned>,
    pub(super) names: Vec<String>,
}

pub(super) fn claims(t: &Timeline, pool: &[usize]) -> Claims {
    let all: Vec<usize> = (0..t.events.len()).collect();
    let pairs = figures_of(t, pool);
    let names = pairs.iter().map(|o| o.owner.clone()).collect();
    Claims {
        pairs: one_owner(pairs, &figures_of(t, &all)),
        names,
    }
}

/// The figures of some events that name who gave them.
fn figures_of(t: &Timeline, events: &[usize]) -> Vec<Owned> {
    let mut pairs = Vec::new();
    for &p in events {
        let e = &t.events[p];
        for (i, f) in e.figures.iter().enumerate() {
            let Some(who) = f.according_to.as_deref().and_then(|id| t.actor(id)) else {
                continue;
            };
            // A part read alone ("341 of them women") does not say of what:
            // the figure before it, the whole, comes first.
            let whole = i.checked_sub(1).map(|j| &e.figures[j]).filter(|_| f.is_part());
            let text = match whole {
                Some(w) => format!("{}, {}", figure_text(w), figure_text(f)),
                None => figure_text(f),
            };
            // A figure that names no source is given by all of them.
            let sources = if f.sources.is_empty() {
                let mut all: Vec<String> = e.sources.iter().map(|c| c.source.clone()).collect();
                all.dedup();
                all
            } else {
                f.sources.clone()
            };
            pairs.push(Owned {
                text,
                owner: who.name.clone(),
                event: p,
                sources,
            });
        }
    }
    pairs
}

/// A figure as a question names it, the phrase every face writes:
/// "368 trafficking complaints", "95 per cent of complaints found valid".
pub fn figure_text(f: &Figure) -> String {
    f.words().phrase()
}

/// The verbatim quotes of the pool with their publishers.
pub(super) fn quotes(t: &Timeline, pool: &[usize]) -> Vec<Owned> {
    let all: Vec<usize> = (0..t.events.len()).collect();
    one_owner(quotes_of(t, pool), &quotes_of(t, &all))
}

fn quotes_of(t: &Timeline, events: &[usize]) -> Vec<Owned> {
    let mut pairs = Vec::new();
    for &p in events {
        for c in &t.events[p].sources {
            if c.quote.trim().is_empty() {
                continue;
            }
            let Some(source) = t.source(&c.source) else {
                continue;
            };
            pairs.push(Owned {
                text: nested(&c.quote),
                owner: source.publisher.clone(),
                event: p,
                sources: vec![c.source.clone()],
            });
        }
    }
    pairs
}

/// The pairs whose text one owner alone has in `everywhere` (the whole
/// timeline), each text once: a figure two people gave, or a quote two
/// publishers print, would have two right answers.
fn one_owner(pairs: Vec<Owned>, everywhere: &[Owned]) -> Vec<Owned> {
    let key = |o: &Owned| crate::text::fold(&o.text);
    let mut owners: std::collections::HashMap<String, Vec<&str>> = std::collections::HashMap::new();
    for o in pairs.iter().chain(everywhere) {
        let v = owners.entry(key(o)).or_default();
        if !v.contains(&o.owner.as_str()) {
            v.push(&o.owner);
        }
    }
    let mut seen = std::collections::HashSet::new();
    pairs
        .iter()
        .filter(|o| owners[&key(o)].len() == 1 && seen.insert(key(o)))
        .cloned()
        .collect()
}

/// A quote to print inside double quotation marks: quotation marks that
/// enclose the whole of it are dropped, and those inside become single
/// ones, as nested quotations are written. Trimming marks off either end
/// alone would cut the closing mark of a quotation inside it
/// ("as a “Tier 2”" printed as `“as a “Tier 2”`).
pub fn nested(quote: &str) -> String {
    let q = quote.trim();
    let whole = q.len() >= 2
        && (q.starts_with('“') && q.ends_with('”') || q.starts_with('"') && q.ends_with('"'))
        && q.chars().count() >= 2;
    let first = q.chars().next().map_or(0, char::len_utf8);
    let last = q.chars().next_back().map_or(0, char::len_utf8);
    // `“A” and “B”` starts and ends with marks that are not a pair.
    let inner = if whole && !q[first..q.len() - last].contains(['“', '”', '"']) {
        &q[first..q.len() - last]
    } else {
        q
    };
    inner.replace('“', "‘").replace('”', "’")
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotations_inside_a_quote_become_single() {
        use super::nested;
        assert_eq!(
            nested("keeping the country as a “Tier 2” country"),
            "keeping the country as a ‘Tier 2’ country"
        );
        assert_eq!(nested("as a “Tier 2”"), "as a ‘Tier 2’");
        assert_eq!(nested("“All of it quoted”"), "All of it quoted");
        assert_eq!(nested("\"Plain marks\""), "Plain marks");
        assert_eq!(nested("“"), "‘");
        assert_eq!(nested("“A” and “B”"), "‘A’ and ‘B’");
    }
}
