//! How far an event's sources confirm it, worked out from its citations:
//! what each source ultimately rests on (its origin), whether two
//! independent origins cite the event and its figures, and, where they do
//! not, why, in words. The loader works out every event's corroboration
//! with this rule, and the detail pane, `show` and the plain reading say
//! the reason with it, so the two cannot differ.

use super::model::{Corroboration, Event, Figure, Source, Timeline};
use crate::text::fold;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// What a source ultimately rests on: its declared `origin`, else that of
/// the source it `reports`, else its publisher. Sources with one origin are
/// one source, however many copies there are.
pub fn origin_of<'s>(id: &str, source: impl Fn(&str) -> Option<&'s Source>) -> String {
    let mut at = id.to_string();
    // A chain of reports ends at an original; a loop (refused elsewhere) stops.
    for _ in 0..16 {
        let Some(s) = source(&at) else { break };
        // A declared origin and a publisher are named alike: a copy whose
        // origin is "Reuters" and Reuters' own report are one origin.
        if let Some(o) = &s.origin {
            return format!("origin:{}", fold(o.trim()));
        }
        match &s.reports {
            Some(next) if *next != at => at = next.clone(),
            _ => return format!("origin:{}", fold(s.publisher.trim())),
        }
    }
    format!("source:{at}")
}

/// What an event's corroboration rests on.
#[derive(Debug)]
pub struct Basis<'a> {
    /// The independent origins of the sources it cites.
    pub origins: BTreeSet<Cow<'a, str>>,
    /// Its figures that do not rest on two independent origins.
    pub unconfirmed: Vec<&'a Figure>,
    pub disputed: bool,
}

impl Basis<'_> {
    /// Disputed when sources disagree; else corroborated when two
    /// independent origins cite the event and every figure rests on two (a
    /// figure someone gave is their claim: one origin, however many outlets
    /// repeat it); else single-source.
    pub fn corroboration(&self) -> Corroboration {
        if self.disputed {
            Corroboration::Disputed
        } else if self.origins.len() >= 2 && self.unconfirmed.is_empty() {
            Corroboration::Corroborated
        } else {
            Corroboration::SingleSource
        }
    }
}

/// An event's basis, with each cited source's origin given by `origin`.
pub fn basis<'a>(event: &'a Event, origin: &dyn Fn(&'a str) -> Cow<'a, str>) -> Basis<'a> {
    let origins = |ids: &mut dyn Iterator<Item = &'a String>| -> BTreeSet<Cow<'a, str>> {
        ids.map(|id| origin(id.as_str())).collect()
    };
    let cited = origins(&mut event.sources.iter().map(|c| &c.source));
    let unconfirmed = event
        .figures
        .iter()
        .filter(|f| {
            if f.according_to.is_some() {
                true
            } else if f.sources.is_empty() {
                cited.len() < 2
            } else {
                origins(&mut f.sources.iter()).len() < 2
            }
        })
        .collect();
    Basis {
        origins: cited,
        unconfirmed,
        disputed: event.has_disputes(),
    }
}

/// "1 publisher", "2 publishers".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "A", "A and B", "A, B and C".
fn and_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

impl Timeline {
    /// How well an event is sourced, in words a reader can weigh, with the
    /// reason when it rests on a single source: "rests on a single source
    /// (2 publishers, 1 independent origin: EAC News reports The Phnom Penh
    /// Post)".
    pub fn sourcing_words(&self, e: &Event) -> String {
        match e.corroboration {
            Corroboration::Corroborated => "corroborated by a second source".into(),
            Corroboration::Disputed => "sources disagree".into(),
            Corroboration::SingleSource => match self.single_source_reason(e) {
                Some(why) => format!("rests on a single source ({why})"),
                None => "rests on a single source".into(),
            },
        }
    }

    /// Why an event rests on a single source, in words; `None` for an
    /// event that is corroborated or disputed. "2 publishers, 1 independent
    /// origin: EAC News reports The Phnom Penh Post".
    pub fn single_source_reason(&self, e: &Event) -> Option<String> {
        let origin = |id: &str| Cow::Owned(origin_of(id, |id| self.source(id)));
        let basis = basis(e, &origin);
        if basis.corroboration() != Corroboration::SingleSource {
            return None;
        }
        let mut cited: Vec<&Source> = Vec::new();
        for c in &e.sources {
            if let Some(s) = self.source(&c.source) {
                if !cited.iter().any(|k| k.id == s.id) {
                    cited.push(s);
                }
            }
        }
        let mut publishers: Vec<&str> = Vec::new();
        for s in &cited {
            if !publishers.contains(&s.publisher.as_str()) {
                publishers.push(&s.publisher);
            }
        }
        if cited.is_empty() {
            return Some("no source is cited".into());
        }
        let mut reason = if publishers.len() == 1 && basis.origins.len() == 1 {
            format!("1 publisher: {}", publishers[0])
        } else {
            format!(
                "{}, {}",
                count(publishers.len(), "publisher", "publishers"),
                count(basis.origins.len(), "independent origin", "independent origins")
            )
        };
        if basis.origins.len() < 2 {
            let copies = self.copies(&cited);
            if publishers.len() > 1 && !copies.is_empty() {
                reason.push_str(": ");
                reason.push_str(&copies.join("; "));
            }
            return Some(reason);
        }
        reason.push_str(", but ");
        reason.push_str(&self.figures_reason(e, &basis));
        Some(reason)
    }

    /// Which cited sources are not independent of the others, and why:
    /// "EAC News reports The Phnom Penh Post", "Refworld and ecoi.net rest
    /// on the US TIP report".
    fn copies(&self, cited: &[&Source]) -> Vec<String> {
        let mut out = Vec::new();
        for s in cited {
            if let (None, Some(r)) = (&s.origin, &s.reports) {
                let original = self.source(r).map_or(r.as_str(), |o| o.publisher.as_str());
                out.push(format!("{} reports {original}", s.publisher));
            }
        }
        let mut origins: Vec<&str> = Vec::new();
        for s in cited {
            if let Some(o) = &s.origin {
                if !origins.iter().any(|k| fold(k) == fold(o)) {
                    origins.push(o);
                }
            }
        }
        for o in origins {
            let mut names: Vec<&str> = Vec::new();
            for s in cited
                .iter()
                .filter(|s| s.origin.as_deref().is_some_and(|x| fold(x) == fold(o)))
            {
                if !names.contains(&s.publisher.as_str()) {
                    names.push(&s.publisher);
                }
            }
            let verb = if names.len() == 1 { "rests" } else { "rest" };
            out.push(format!("{} {verb} on {o}", and_list(&names)));
        }
        out
    }

    /// Why an event's figures do not rest on two independent origins:
    /// whose word they are, and which rest on one publisher alone.
    fn figures_reason(&self, e: &Event, basis: &Basis) -> String {
        let all = e.figures.len();
        let share = |n: usize, what: &str| match (n == all, n) {
            (true, 1) => format!("its figure {what}"),
            (true, n) => format!("its {n} figures {what}"),
            (false, n) => format!("{n} of its figures {what}"),
        };
        let mut people: Vec<&str> = Vec::new();
        let mut alone: Vec<(String, Vec<&str>)> = Vec::new();
        for f in &basis.unconfirmed {
            match &f.according_to {
                Some(who) if !people.contains(&who.as_str()) => people.push(who),
                Some(_) => {}
                None => {
                    let ids: Vec<String> = if f.sources.is_empty() {
                        e.sources.iter().map(|c| c.source.clone()).collect()
                    } else {
                        f.sources.clone()
                    };
                    let by = self.publishers_of(&ids);
                    match alone.iter_mut().find(|(p, _)| *p == by) {
                        Some((_, labels)) => labels.push(&f.label),
                        None => alone.push((by, vec![&f.label])),
                    }
                }
            }
        }
        let mut parts = Vec::new();
        let mut claimed = 0;
        let words: Vec<String> = people
            .iter()
            .map(|&who| {
                let name = self.actor(who).map_or(who, |a| a.name.as_str());
                let n = basis
                    .unconfirmed
                    .iter()
                    .filter(|f| f.according_to.as_deref() == Some(who))
                    .count();
                claimed += n;
                let whose = if name.ends_with('s') {
                    format!("{name}'")
                } else {
                    format!("{name}'s")
                };
                share(n, &format!("{} {whose} word", if n == 1 { "is" } else { "are" }))
            })
            .collect();
        if !words.is_empty() {
            let them = if claimed == 1 { "it" } else { "them" };
            parts.push(format!(
                "{}, however many outlets repeat {them}",
                words.join(" and ")
            ));
        }
        for (by, labels) in alone {
            parts.push(match labels.as_slice() {
                [one] => format!("“{one}” rests on {by} alone"),
                _ => share(labels.len(), &format!("rest on {by} alone")),
            });
        }
        parts.join("; ")
    }
}
