//! Checks that need the whole timeline: each event's corroboration, worked
//! out from its citations (and compared with any the file asserts), and the
//! consistency of links, roles, attributions and the sources claims name.

use super::diag::{Diagnostic, SourceText};
use super::gather::Gathered;
use crate::timeline::model::{Corroboration, Event, Relation, Source};
use crate::timeline::sourcing;
use foldhash::HashMap;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::hash::BuildHasher;

/// What a source ultimately rests on (see [`sourcing::origin_of`]).
pub fn origin_of<S: BuildHasher>(id: &str, sources: &std::collections::HashMap<&str, &Source, S>) -> String {
    sourcing::origin_of(id, |id| sources.get(id).copied())
}

/// How far an event is confirmed, by the rule of [`sourcing::Basis`].
pub fn corroboration<S: BuildHasher>(
    event: &Event,
    sources: &std::collections::HashMap<&str, &Source, S>,
) -> Corroboration {
    corroboration_by(event, &|id: &str| Cow::Owned(origin_of(id, sources)))
}

/// [`corroboration`], with each cited source's origin given by `origin`.
fn corroboration_by<'a>(event: &'a Event, origin: &dyn Fn(&'a str) -> Cow<'a, str>) -> Corroboration {
    sourcing::basis(event, origin).corroboration()
}

/// From this many events on, the events are checked in two halves on two
/// threads; fewer are checked sooner than a thread starts.
const CHECK_IN_TWO_FROM: usize = 20_000;

/// Works out every event's corroboration and reports what does not hold together.
pub(super) fn check_events(files: &[SourceText], all: &mut Gathered, diagnostics: &mut Vec<Diagnostic>) {
    let sources: HashMap<&str, &Source> = all.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    // Each source's origin once, not once for every citation of it.
    let origins: HashMap<&str, String> = sources.keys().map(|&id| (id, origin_of(id, &sources))).collect();
    let origin = |id: &str| -> Cow<'_, str> {
        match origins.get(id) {
            Some(o) => Cow::Borrowed(o.as_str()),
            None => Cow::Owned(origin_of(id, &sources)),
        }
    };
    let explain = |e: &Event| -> String {
        let publishers: BTreeSet<String> = e
            .sources
            .iter()
            .filter_map(|c| sources.get(c.source.as_str()))
            .map(|s| s.publisher.clone())
            .collect();
        let list: Vec<String> = publishers.into_iter().collect();
        format!("worked out from its citations ({}) and figures", list.join("; "))
    };
    let position: HashMap<&str, usize> = all
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let actors: HashMap<&str, &crate::timeline::model::Actor> =
        all.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    // The events in `range`: their corroboration and their problems.
    let check = |range: std::ops::Range<usize>| -> (Vec<Corroboration>, Vec<Diagnostic>) {
        let mut computed = Vec::with_capacity(range.len());
        let mut diagnostics = Vec::new();
        for (event, places) in all.events[range.clone()].iter().zip(&all.event_places[range]) {
            let c = corroboration_by(event, &origin);
            check_event(
                event,
                places,
                c,
                files,
                &sources,
                &actors,
                &position,
                &all.events,
                &explain,
                &mut diagnostics,
            );
            computed.push(c);
        }
        (computed, diagnostics)
    };
    let n = all.events.len();
    let (computed, found) = if n >= CHECK_IN_TWO_FROM {
        std::thread::scope(|scope| {
            let second = scope.spawn(|| check(n / 2..n));
            let (mut computed, mut found) = check(0..n / 2);
            let (more, more_found) = second.join().expect("checking never panics");
            computed.extend(more);
            found.extend(more_found);
            (computed, found)
        })
    } else {
        check(0..n)
    };
    diagnostics.extend(found);
    for (event, c) in all.events.iter_mut().zip(computed) {
        event.corroboration = c;
    }
}

/// One event's problems: a corroboration the file asserts that is not the
/// one worked out, sources named but not cited, figures attributed to
/// someone the event does not involve, links pointing the wrong way in
/// time, and actors with no role at the time.
#[allow(clippy::too_many_arguments)]
fn check_event(
    event: &Event,
    places: &super::gather::EventPlaces,
    computed: Corroboration,
    files: &[SourceText],
    sources: &HashMap<&str, &Source>,
    actors: &HashMap<&str, &crate::timeline::model::Actor>,
    position: &HashMap<&str, usize>,
    events: &[Event],
    explain: &dyn Fn(&Event) -> String,
    diagnostics: &mut Vec<Diagnostic>,
) {
    {
        let file = &files[places.file];
        if let Some((asserted, span)) = places.corroboration.as_deref() {
            if *asserted != computed {
                diagnostics.push(
                    file.error(
                        span.clone(),
                        format!("`corroboration` says {asserted}, but the event is {}", computed),
                    )
                    .with_help(format!("{}; remove the line, or fix the sources", explain(event))),
                );
            }
        }
        // A claim names its sources among the event's own citations.
        let cited: BTreeSet<&str> = event.sources.iter().map(|c| c.source.as_str()).collect();
        for (id, span) in &places.named_sources {
            if sources.contains_key(id.as_str()) && !cited.contains(id.as_str()) {
                diagnostics.push(
                    file.error(
                        span.clone(),
                        format!("source `{id}` gives this value but the event does not cite it"),
                    )
                    .with_help("add a citation of it with a verbatim quote under [[events.sources]]"),
                );
            }
        }
        // Who gave a figure is one of the event's actors, or the author of a source it cites.
        let authors: BTreeSet<&str> = event
            .sources
            .iter()
            .filter_map(|c| sources.get(c.source.as_str())?.author.as_deref())
            .collect();
        for (figure, span) in event.figures.iter().zip(&places.according_to) {
            if let (Some(who), Some(span)) = (&figure.according_to, span) {
                if actors.contains_key(who.as_str())
                    && !event.actors.contains(who)
                    && !authors.contains(who.as_str())
                {
                    diagnostics.push(
                        file.error(
                            span.clone(),
                            format!("`according_to` names `{who}`, who is neither an actor of this event nor the author of a source it cites"),
                        )
                        .with_help(format!("add \"{who}\" to the event's `actors`, or give the cited source `author = \"{who}\"`")),
                    );
                }
            }
        }
        // A link that answers or follows another points back in time.
        for (link, span) in event.related.iter().zip(&places.related) {
            if !matches!(link.relation, Relation::Follows | Relation::RespondsTo) {
                continue;
            }
            let Some(&t) = position.get(link.event.as_str()) else {
                continue;
            };
            let target = &events[t];
            if target.date.first_day() > event.dating.latest_start(&event.date).last_day() {
                diagnostics.push(
                    file.error(
                        span.clone(),
                        format!(
                            "`{}` points at a later event: `{}` ({}) is after this one ({})",
                            link.relation,
                            link.event,
                            target.date_text(),
                            event.date_text()
                        ),
                    )
                    .with_help("an event follows or responds to an earlier one; the other way round is `announces` or `see-also`"),
                );
            }
        }
        // An actor with dated roles held one of them at the time.
        for (id, span) in event.actors.iter().zip(&places.actors) {
            let Some(actor) = actors.get(id.as_str()) else {
                continue;
            };
            let dated = actor.roles.iter().any(|r| r.from.is_some() || r.to.is_some());
            let held = actor
                .roles
                .iter()
                .any(|r| r.held_during(&event.date, event.end.as_ref()));
            if dated && !held {
                diagnostics.push(file.warning(
                    span.clone(),
                    format!("no role of `{id}` in the data covers {}", event.date_text()),
                ));
            }
        }
    }
}
