//! Reading the records of a data file (sources, actors, events) and the
//! bookkeeping every record reader shares: ids defined, references to
//! settle, and the checks across files once everything is read.

use super::diag::{Diagnostic, SourceText};
use super::table::{Ctx, Fields};
use crate::timeline::model::*;
use std::collections::HashMap;
use std::ops::Range;
use toml::de::DeValue;

const SOURCE_FIELDS: &[&str] = &["id", "publisher", "title", "url", "published"];
const ACTOR_FIELDS: &[&str] = &["id", "name", "aliases", "kind", "roles"];
const ROLE_FIELDS: &[&str] = &["title", "from", "to"];
const EVENT_FIELDS: &[&str] = &[
    "id",
    "date",
    "end",
    "title",
    "kind",
    "actors",
    "location",
    "summary",
    "details",
    "figures",
    "sources",
    "tags",
    "related",
    "corroboration",
    "ranking",
];
const FIGURE_FIELDS: &[&str] = &["label", "value", "unit", "period", "according_to"];
const CITATION_FIELDS: &[&str] = &["source", "quote"];
const LINK_FIELDS: &[&str] = &["event", "relation"];

/// Where something was written: file index and byte span.
#[derive(Debug, Clone)]
struct Place {
    file: usize,
    span: Range<usize>,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Namespace {
    Source,
    Actor,
    Event,
    Era,
    Observance,
}

impl Namespace {
    fn noun(self) -> &'static str {
        match self {
            Namespace::Source => "source",
            Namespace::Actor => "actor",
            Namespace::Event => "event",
            Namespace::Era => "era",
            Namespace::Observance => "observance",
        }
    }
}

/// Everything read from all files, before cross-file checks.
#[derive(Default)]
pub(crate) struct Gathered {
    pub(super) sources: Vec<Source>,
    pub(super) actors: Vec<Actor>,
    pub(super) events: Vec<Event>,
    pub(crate) eras: Vec<Era>,
    pub(crate) observances: Vec<Observance>,
    /// Every id defined, where, and whether anything refers to it.
    defined: HashMap<(Namespace, String), (Place, bool)>,
    /// References to ids not yet defined when they were read.
    references: Vec<(Namespace, String, Place)>,
}

/// Suggestions compare against every id, so only the first few unknown
/// ids get one: a file with thousands of broken links, or a lesson with
/// hundreds of bad stops, must not take minutes.
pub(crate) const SUGGESTED: usize = 20;

/// How much had been gathered at some point, to go back to.
pub(crate) struct Mark {
    sources: usize,
    actors: usize,
    events: usize,
    eras: usize,
    observances: usize,
    references: usize,
}

impl Gathered {
    pub(crate) fn mark(&self) -> Mark {
        Mark {
            sources: self.sources.len(),
            actors: self.actors.len(),
            events: self.events.len(),
            eras: self.eras.len(),
            observances: self.observances.len(),
            references: self.references.len(),
        }
    }

    /// Forgets what was read from `file` since `mark`, when the file is
    /// read again from the start.
    pub(crate) fn rollback(&mut self, mark: &Mark, file: usize) {
        self.sources.truncate(mark.sources);
        self.actors.truncate(mark.actors);
        self.events.truncate(mark.events);
        self.eras.truncate(mark.eras);
        self.observances.truncate(mark.observances);
        self.references.truncate(mark.references);
        self.defined.retain(|_, (place, _)| place.file != file);
    }
}

/// The `sources` of an event (or era, or observance): source ids with
/// verbatim quotes. `required`: having none is an error.
pub(crate) fn citations(
    cx: &mut Ctx<'_>,
    f: &Fields<'_, '_>,
    all: &mut Gathered,
    required: bool,
) -> Vec<Citation> {
    let sources_key = f.table.get("sources").map(|v| v.span());
    let sources = f.tables(cx, "sources", "source citation", CITATION_FIELDS, |cx, c| {
        let source = c.line(cx, "source", true).map(|(s, span)| {
            refer(cx, all, Namespace::Source, s.clone(), span);
            s
        });
        let quote = c.block(cx, "quote", true);
        Some(Citation {
            source: source?,
            quote: quote?,
        })
    });
    let none_written = f
        .table
        .get("sources")
        .is_none_or(|v| v.get_ref().as_array().is_some_and(|a| a.is_empty()));
    if required && sources.is_empty() && none_written {
        let at = sources_key.unwrap_or(f.span.start..f.span.start + 1);
        let what = f.what;
        cx.error_with_help(
            at,
            format!("{what} has no source"),
            format!("every {what} cites at least one source with a verbatim quote"),
        );
    }
    sources
}

pub(crate) fn define(
    cx: &mut Ctx<'_>,
    all: &mut Gathered,
    ns: Namespace,
    id: &str,
    span: Range<usize>,
) -> bool {
    let key = (ns, id.to_string());
    if let Some((first, _)) = all.defined.get(&key) {
        // The first definition may be in another file; its name is enough.
        let there = &cx.files[first.file];
        let (line, column, _) = there.locate(first.span.start);
        let help = format!("first defined at {}:{line}:{column}", there.name);
        cx.error_with_help(span, format!("duplicate {} id `{id}`", ns.noun()), help);
        return false;
    }
    all.defined.insert(
        key,
        (
            Place {
                file: cx.file,
                span: cx.at(span),
            },
            false,
        ),
    );
    true
}

fn refer(cx: &Ctx<'_>, all: &mut Gathered, ns: Namespace, id: String, span: Range<usize>) {
    // Most references point back to something already defined: settle them
    // now rather than keeping a copy of every one until the end.
    let key = (ns, id);
    match all.defined.get_mut(&key) {
        Some(entry) => entry.1 = true,
        None => all.references.push((
            key.0,
            key.1,
            Place {
                file: cx.file,
                span: cx.at(span),
            },
        )),
    }
}

pub(super) fn read_source(cx: &mut Ctx<'_>, value: &toml::Spanned<DeValue<'_>>, all: &mut Gathered) {
    let Some(f) = Fields::new(cx, value, "source", SOURCE_FIELDS) else {
        return;
    };
    let id = f.id(cx);
    let publisher = f.line(cx, "publisher", true);
    let title = f.line(cx, "title", true);
    let url = f.line(cx, "url", false).map(|u| u.0);
    let published = f.date(cx, "published", false).map(|d| d.0);
    let (Some((id, span)), Some((publisher, _)), Some((title, _))) = (id, publisher, title) else {
        return;
    };
    if define(cx, all, Namespace::Source, &id, span) {
        all.sources.push(Source {
            id,
            publisher,
            title,
            url,
            published,
        });
    }
}

pub(super) fn read_actor(cx: &mut Ctx<'_>, value: &toml::Spanned<DeValue<'_>>, all: &mut Gathered) {
    let Some(f) = Fields::new(cx, value, "actor", ACTOR_FIELDS) else {
        return;
    };
    let id = f.id(cx);
    let name = f.line(cx, "name", true);
    let aliases = f.lines(cx, "aliases").into_iter().map(|a| a.0).collect();
    let kind = f.vocabulary(cx, "kind", true, ActorKind::parse, &ActorKind::names());
    let roles = f.tables(cx, "roles", "role", ROLE_FIELDS, |cx, r| {
        let title = r.line(cx, "title", true);
        let from = r.date(cx, "from", false);
        let to = r.date(cx, "to", false);
        if let (Some((a, _)), Some((b, span))) = (&from, &to) {
            if b.last_day() < a.first_day() {
                cx.error(span.clone(), format!("role ends ({b}) before it starts ({a})"));
            }
        }
        Some(Role {
            title: title?.0,
            from: from.map(|d| d.0),
            to: to.map(|d| d.0),
        })
    });
    let (Some((id, span)), Some((name, _)), Some(kind)) = (id, name, kind) else {
        return;
    };
    if define(cx, all, Namespace::Actor, &id, span) {
        all.actors.push(Actor {
            id,
            name,
            aliases,
            kind,
            roles,
        });
    }
}

pub(super) fn read_event(cx: &mut Ctx<'_>, value: &toml::Spanned<DeValue<'_>>, all: &mut Gathered) {
    let Some(f) = Fields::new(cx, value, "event", EVENT_FIELDS) else {
        return;
    };
    let id = f.id(cx);
    let date = f.date(cx, "date", true);
    let end = f.date(cx, "end", false);
    if let (Some((start, _)), Some((end, span))) = (&date, &end) {
        if end.first_day() < start.first_day() {
            cx.error(span.clone(), format!("`end` ({end}) is before `date` ({start})"));
        }
    }
    let title = f.line(cx, "title", true);
    let kind = f.vocabulary(cx, "kind", true, EventKind::parse, &EventKind::names());
    let mut actors = Vec::new();
    for (actor, span) in f.lines(cx, "actors") {
        refer(cx, all, Namespace::Actor, actor.clone(), span);
        actors.push(actor);
    }
    let location = f.line(cx, "location", false).map(|l| l.0);
    let summary = f.block(cx, "summary", true);
    let details = f.block(cx, "details", false);
    let figures = f.tables(cx, "figures", "figure", FIGURE_FIELDS, |cx, g| {
        let label = g.line(cx, "label", true);
        let value = g.number(cx, "value", true);
        let unit = g.line(cx, "unit", false).map(|u| u.0);
        let period = g.line(cx, "period", false).map(|p| p.0);
        let according_to = g.line(cx, "according_to", false).map(|(a, span)| {
            refer(cx, all, Namespace::Actor, a.clone(), span);
            a
        });
        Some(Figure {
            label: label?.0,
            value: value?,
            unit,
            period,
            according_to,
        })
    });
    let sources = citations(cx, &f, all, true);
    let tags = f.lines(cx, "tags").into_iter().map(|t| t.0).collect();
    let related = f.tables(cx, "related", "related link", LINK_FIELDS, |cx, l| {
        let event = l.line(cx, "event", true).map(|(e, span)| {
            refer(cx, all, Namespace::Event, e.clone(), span);
            e
        });
        let relation = l.vocabulary(cx, "relation", true, Relation::parse, &Relation::names());
        Some(Link {
            event: event?,
            relation: relation?,
        })
    });
    let corroboration = f
        .vocabulary(
            cx,
            "corroboration",
            false,
            Corroboration::parse,
            &Corroboration::names(),
        )
        .unwrap_or(Corroboration::SingleSource);
    let ranking = f.line(cx, "ranking", false).map(|r| r.0);
    let (Some((id, span)), Some((date, _)), Some((title, _)), Some(kind), Some(summary)) =
        (id, date, title, kind, summary)
    else {
        return;
    };
    if related.iter().any(|l| l.event == id) {
        cx.error(span.clone(), format!("event `{id}` is related to itself"));
    }
    if define(cx, all, Namespace::Event, &id, span) {
        let end = end.map(|e| e.0);
        all.events.push(Event {
            id,
            date,
            end,
            title,
            kind,
            actors,
            location,
            summary,
            details,
            figures,
            sources,
            tags,
            related,
            corroboration,
            ranking,
        });
    }
}

/// Unknown references are errors; sources and actors nothing refers to are warnings.
pub(super) fn check_references(files: &[SourceText], all: &mut Gathered, diagnostics: &mut Vec<Diagnostic>) {
    let mut unknown = Vec::new();
    for (ns, id, place) in std::mem::take(&mut all.references) {
        let key = (ns, id);
        match all.defined.get_mut(&key) {
            Some(entry) => entry.1 = true,
            None => unknown.push((key.0, key.1, place)),
        }
    }
    for (n, (ns, id, place)) in unknown.into_iter().enumerate() {
        let mut d = files[place.file].error(place.span.clone(), format!("unknown {} `{id}`", ns.noun()));
        if n < SUGGESTED {
            let known: Vec<&str> = all
                .defined
                .keys()
                .filter(|(k, _)| *k == ns)
                .map(|(_, id)| id.as_str())
                .collect();
            if let Some(hint) = crate::text::did_you_mean(&id, &known) {
                d = d.with_help(hint);
            }
        }
        diagnostics.push(d);
    }
    let mut unused: Vec<(&(Namespace, String), &Place)> = all
        .defined
        .iter()
        .filter(|((ns, _), (_, used))| matches!(ns, Namespace::Source | Namespace::Actor) && !used)
        .map(|(k, (place, _))| (k, place))
        .collect();
    unused.sort_by_key(|(_, p)| (p.file, p.span.start));
    for ((ns, id), place) in unused {
        let what = if *ns == Namespace::Actor {
            "is not named by any event"
        } else {
            "is not cited by any event"
        };
        diagnostics
            .push(files[place.file].warning(place.span.clone(), format!("{} `{id}` {what}", ns.noun())));
    }
    // In file order: each file's index found once, not by a search of the
    // file list at every comparison (thousands of files, millions of steps).
    let mut index: HashMap<&str, usize> = HashMap::with_capacity(files.len());
    for (i, f) in files.iter().enumerate() {
        index.entry(f.name).or_insert(i);
    }
    diagnostics.sort_by_key(|d| (index.get(d.file.as_str()).copied(), d.line, d.column));
}
