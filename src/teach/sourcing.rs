//! Why an event rests on a single source when more than one publisher
//! carries it, in words: the part of the loader's rule that decided
//! (`Timeline::single_source_reason`, the words the detail pane and `show`
//! give). A quiz's answer says it, so a
//! student who sees two publishers under a "single source" answer learns
//! why they are one.

use crate::timeline::model::{Source, Timeline};

/// The sentence an answer about the event at `p` gives: `None` unless the
/// event rests on a single source and its citations name more than one
/// publisher.
pub fn single_source_reason(t: &Timeline, p: usize) -> Option<String> {
    let e = t.events.get(p)?;
    let mut cited: Vec<&Source> = Vec::new();
    for c in &e.sources {
        if let Some(s) = t.source(&c.source) {
            if !cited.iter().any(|x| x.id == s.id) {
                cited.push(s);
            }
        }
    }
    let mut publishers: Vec<&str> = cited.iter().map(|s| s.publisher.as_str()).collect();
    publishers.sort();
    publishers.dedup();
    if publishers.len() < 2 {
        return None;
    }
    let why = t.single_source_reason(e)?;
    Some(format!(
        "The event rests on a single source, though more than one publisher carries it: {why}."
    ))
}
