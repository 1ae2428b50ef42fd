//! What every record reader shares: the records read so far, the ids
//! defined and where, references still to settle, citations, and the check
//! of references once every file is read.

use super::diag::{Diagnostic, SourceText};
use super::table::{Ctx, Fields};
use crate::timeline::model::*;
use compact_str::CompactString;
use std::ops::Range;

const CITATION_FIELDS: &[&str] = &["source", "quote"];

/// Where something was written: file index and byte span.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub(crate) file: usize,
    pub(crate) span: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Namespace {
    Source,
    Actor,
    Event,
    Era,
    Observance,
    Term,
}

impl Namespace {
    fn noun(self) -> &'static str {
        match self {
            Namespace::Source => "source",
            Namespace::Actor => "actor",
            Namespace::Event => "event",
            Namespace::Era => "era",
            Namespace::Observance => "observance",
            Namespace::Term => "term",
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
    pub(crate) terms: Vec<Term>,
    /// Every id defined, where, and whether anything refers to it.
    defined: Defined,
    /// References to ids not yet defined when they were read.
    references: Vec<(Namespace, String, Place)>,
    /// For each event read, where its parts were written, for the checks
    /// that need the whole timeline.
    pub(super) event_places: Vec<EventPlaces>,
    /// Per term: its file and where its definition stands.
    pub(super) term_places: Vec<(usize, Range<usize>)>,
    /// Per source: where it and its address stand, for the checks of the
    /// date the address gives.
    pub(super) source_places: Vec<SourcePlaces>,
    /// Whether the checks of prose against quotes will run, which need
    /// where each event's date, prose, quotes and `not_acting` stand.
    pub(super) checking_prose: bool,
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
    terms: usize,
    references: usize,
    event_places: usize,
}

impl Gathered {
    pub(crate) fn mark(&self) -> Mark {
        Mark {
            sources: self.sources.len(),
            actors: self.actors.len(),
            events: self.events.len(),
            eras: self.eras.len(),
            observances: self.observances.len(),
            terms: self.terms.len(),
            references: self.references.len(),
            event_places: self.event_places.len(),
        }
    }

    /// Forgets what was read from `file` since `mark`, when the file is
    /// read again from the start.
    pub(crate) fn rollback(&mut self, mark: &Mark, file: usize) {
        self.sources.truncate(mark.sources);
        self.source_places.truncate(mark.sources);
        self.actors.truncate(mark.actors);
        self.events.truncate(mark.events);
        self.eras.truncate(mark.eras);
        self.observances.truncate(mark.observances);
        self.terms.truncate(mark.terms);
        self.term_places.truncate(mark.terms);
        self.references.truncate(mark.references);
        self.event_places.truncate(mark.event_places);
        for ids in &mut self.defined.0 {
            ids.retain(|_, (place, _)| place.file != file);
        }
    }
}

/// The ids defined, one map for each namespace, so a reference is looked
/// up by the text it borrows from its record, with no copy of it made.
/// Ids come from untrusted files: foldhash is seeded per process, so
/// nobody can write a file of ids that all land in one bucket. An id of up
/// to 24 bytes is kept in the map's own slot (`CompactString`), so a
/// lookup compares it there instead of reaching for a string elsewhere in
/// memory: at 100k events that reach was a tenth of reading them.
#[derive(Default)]
struct Defined([IdMap; 6]);

type IdMap = foldhash::HashMap<CompactString, (Place, bool)>;

impl Defined {
    fn of(&self, ns: Namespace) -> &IdMap {
        &self.0[ns as usize]
    }

    fn of_mut(&mut self, ns: Namespace) -> &mut IdMap {
        &mut self.0[ns as usize]
    }

    /// Marks the id as referred to; false if it is not defined (yet).
    fn settle(&mut self, ns: Namespace, id: &str) -> bool {
        match self.of_mut(ns).get_mut(id) {
            Some(entry) => {
                entry.1 = true;
                true
            }
            None => false,
        }
    }
}

/// Where a source's checked parts are, by file and span.
#[derive(Debug, Clone)]
pub(crate) struct SourcePlaces {
    pub(super) file: usize,
    /// The whole `[[sources]]` table.
    pub(super) span: Range<usize>,
    pub(super) url: Option<Range<usize>>,
    pub(super) published_from: Option<Range<usize>>,
}

/// Where an event's checked parts are, by file and span.
#[derive(Debug, Clone)]
pub(crate) struct EventPlaces {
    pub(super) file: usize,
    /// A status the file asserts, to compare with the computed one.
    /// (Boxed, as the lists below are boxed slices: a large timeline holds
    /// one of these per event at the peak of its load.)
    pub(super) corroboration: Option<Box<(Corroboration, Range<usize>)>>,
    pub(super) actors: Box<[Range<usize>]>,
    pub(super) related: Box<[Range<usize>]>,
    /// Per figure: its `according_to` and the sources it names.
    pub(super) according_to: Box<[Option<Range<usize>>]>,
    pub(super) named_sources: Box<[(String, Range<usize>)]>,
    /// Kept only when the prose is to be checked against the quotes: a
    /// timeline loaded to be read has no use for them, and a large one
    /// would hold a twentieth more memory at its peak.
    pub(super) prose: Option<Box<ProsePlaces>>,
}

/// Where an event's prose and quotes stand, for the checks of what they say.
#[derive(Debug, Clone, Default)]
pub(crate) struct ProsePlaces {
    /// Where the event's date, summary and details stand, for the check of
    /// what each sentence says against the quotes it cites.
    pub(super) date: Option<Range<usize>>,
    pub(super) prose: Vec<Range<usize>>,
    /// Where each citation's quote stands, and each `not_acting` actor, for
    /// the check of the actors the quotes name.
    pub(super) quotes: Vec<Range<usize>>,
    pub(super) not_acting: Vec<Range<usize>>,
}

impl EventPlaces {
    /// The places of the event's prose: none unless they were kept.
    pub(super) fn prose(&self) -> &ProsePlaces {
        static NONE: ProsePlaces = ProsePlaces {
            date: None,
            prose: Vec::new(),
            quotes: Vec::new(),
            not_acting: Vec::new(),
        };
        self.prose.as_deref().unwrap_or(&NONE)
    }
}

/// The `sources` of an event (or era, observance or term): source ids with
/// verbatim quotes. `required`: having none is an error.
pub(crate) fn citations(
    cx: &mut Ctx<'_>,
    f: &Fields<'_, '_>,
    all: &mut Gathered,
    required: bool,
) -> Vec<Citation> {
    citations_at(cx, f, all, required)
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// [`citations`], each with where its quote's string stands in the file.
pub(crate) fn citations_at(
    cx: &mut Ctx<'_>,
    f: &Fields<'_, '_>,
    all: &mut Gathered,
    required: bool,
) -> Vec<(Citation, Range<usize>)> {
    let sources_key = f.table.get("sources").map(|v| v.span());
    let sources = f.tables(cx, "sources", "source citation", CITATION_FIELDS, |cx, c| {
        let source = c.line(cx, "source", true).map(|(s, span)| {
            refer(cx, all, Namespace::Source, &s, span);
            s
        });
        let (quote, at) = c.block_at(cx, "quote", true)?;
        Some((
            Citation {
                source: source?,
                quote,
            },
            at,
        ))
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
    if let Some((first, _)) = all.defined.of(ns).get(id) {
        // The first definition may be in another file; its name is enough.
        let there = &cx.files[first.file];
        let (line, column, _) = there.locate(first.span.start);
        let help = format!("first defined at {}:{line}:{column}", there.name);
        cx.error_with_help(span, format!("duplicate {} id `{id}`", ns.noun()), help);
        return false;
    }
    all.defined.of_mut(ns).insert(
        CompactString::from(id),
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

pub(crate) fn refer(cx: &Ctx<'_>, all: &mut Gathered, ns: Namespace, id: &str, span: Range<usize>) {
    // Most references point back to something already defined: settle them
    // now rather than keeping a copy of every one until the end.
    if !all.defined.settle(ns, id) {
        all.references.push((
            ns,
            id.to_string(),
            Place {
                file: cx.file,
                span: cx.at(span),
            },
        ));
    }
}

/// Unknown references are errors; sources and actors nothing refers to are warnings.
pub(crate) fn check_references(files: &[SourceText], all: &mut Gathered, diagnostics: &mut Vec<Diagnostic>) {
    let mut unknown = Vec::new();
    for (ns, id, place) in std::mem::take(&mut all.references) {
        if !all.defined.settle(ns, &id) {
            unknown.push((ns, id, place));
        }
    }
    for (n, (ns, id, place)) in unknown.into_iter().enumerate() {
        let mut d = files[place.file].error(place.span.clone(), format!("unknown {} `{id}`", ns.noun()));
        if n < SUGGESTED {
            let known: Vec<&str> = all.defined.of(ns).keys().map(CompactString::as_str).collect();
            if let Some(hint) = crate::text::did_you_mean(&id, &known) {
                d = d.with_help(hint);
            }
        }
        diagnostics.push(d);
    }
    let mut unused: Vec<(Namespace, &str, &Place)> = [Namespace::Source, Namespace::Actor]
        .into_iter()
        .flat_map(|ns| {
            all.defined
                .of(ns)
                .iter()
                .filter(|(_, (_, used))| !used)
                .map(move |(id, (place, _))| (ns, id.as_str(), place))
        })
        .collect();
    unused.sort_by_key(|(_, _, p)| (p.file, p.span.start));
    for (ns, id, place) in unused {
        let what = if ns == Namespace::Actor {
            "is not named by any event"
        } else {
            "is not cited by any event"
        };
        diagnostics
            .push(files[place.file].warning(place.span.clone(), format!("{} `{id}` {what}", ns.noun())));
    }
}
