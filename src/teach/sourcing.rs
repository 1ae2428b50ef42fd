//! Why an event rests on a single source when more than one publisher
//! carries it, in words: the part of the loader's rule that decided
//! (`load::checks::basis`), said with the words figures are given in
//! everywhere (`Timeline::figure_source`). A quiz's answer says it, so a
//! student who sees two publishers under a "single source" answer learns
//! why they are one.

use super::owners::figure_text;
use crate::load::checks::{basis, Basis};
use crate::timeline::model::{Source, Timeline};
use std::collections::HashMap;

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
    let sources: HashMap<&str, &Source> = t.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    let why = match basis(e, &sources) {
        Basis::Disputed | Basis::Corroborated => return None,
        Basis::Claim(i) => {
            let f = &e.figures[i];
            format!(
                "it gives {} {}, and a figure someone gave is their claim, one origin however many outlets repeat it",
                figure_text(f),
                t.figure_source(e, f)?
            )
        }
        Basis::FigureOneOrigin(i) => {
            let f = &e.figures[i];
            let by = t.figure_reported_by(e, f);
            let mut of: Vec<&str> = f
                .sources
                .iter()
                .filter_map(|id| t.source(id).map(|s| s.publisher.as_str()))
                .collect();
            of.sort();
            of.dedup();
            let alone = if of.len() > 1 {
                format!("{by}, which rest on one origin")
            } else {
                format!("{by} alone")
            };
            format!(
                "its figure {} is {alone}, and every figure must rest on two independent origins",
                figure_text(f)
            )
        }
        Basis::OneOrigin => {
            let ties: Vec<String> = cited
                .iter()
                .filter_map(|s| match (&s.reports, &s.origin) {
                    (Some(r), _) => {
                        let of = t.source(r).map_or(r.as_str(), |x| x.publisher.as_str());
                        Some(format!("{} reports {of}", s.publisher))
                    }
                    (None, Some(o)) => Some(format!("{} carries {o}", s.publisher)),
                    (None, None) => None,
                })
                .collect();
            format!("they rest on one origin ({})", ties.join("; "))
        }
    };
    Some(format!(
        "The event rests on a single source, though more than one publisher carries it: {why}."
    ))
}
