//! The timeline's domain: sources, actors, events and how they refer to each
//! other. Everything here has been validated by the loader; ids resolve.

use crate::timeline::date::PartialDate;
use crate::timeline::dating::{Certainty, Dating};
use chrono::Datelike;
use foldhash::HashMap;

/// Declares a closed vocabulary whose spelling in data files is part of the
/// format, with the list of names used in diagnostics and documentation.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            pub fn names() -> Vec<&'static str> {
                Self::ALL.iter().map(|v| v.as_str()).collect()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// What sort of thing happened.
    EventKind {
        Law = "law",
        Treaty = "treaty",
        Conference = "conference",
        Forum = "forum",
        NationalDay = "national-day",
        Observance = "observance",
        Announcement = "announcement",
        Report = "report",
        Ranking = "ranking",
        Crackdown = "crackdown",
        Operation = "operation",
        Statistics = "statistics",
        Survey = "survey",
        Statement = "statement",
        Meeting = "meeting",
        Other = "other", // what imports hold when their group names no kind
    }
}

vocabulary! {
    /// What an actor is.
    ActorKind {
        Person = "person",
        GovernmentBody = "government-body",
        Organisation = "organisation",
        ForeignGovernment = "foreign-government",
        InternationalBody = "international-body",
    }
}

vocabulary! {
    /// How one event stands to another.
    Relation {
        RespondsTo = "responds-to",
        Announces = "announces",
        AnnouncedBy = "announced-by",
        Follows = "follows",
        PartOf = "part-of",
        Reports = "reports",
        SeeAlso = "see-also",
    }
}

vocabulary! {
    /// How far independent sources confirm an event: worked out from its
    /// citations by the loader, never taken on trust.
    Corroboration {
        Corroborated = "corroborated",
        SingleSource = "single-source",
        Disputed = "disputed",
    }
}

impl EventKind {
    /// A one-character marker for the timeline, readable without colour.
    pub fn marker(self) -> char {
        match self {
            EventKind::Law | EventKind::Treaty => '§',
            EventKind::Conference | EventKind::Forum | EventKind::Meeting => '◆',
            EventKind::NationalDay | EventKind::Observance => '★',
            EventKind::Announcement | EventKind::Statement => '»',
            EventKind::Report | EventKind::Ranking => '▤',
            EventKind::Crackdown | EventKind::Operation => '!',
            EventKind::Statistics | EventKind::Survey => '#',
            EventKind::Other => '·',
        }
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Source {
    pub id: String,
    pub publisher: String,
    /// The page's own title, or (when `title_is_label`) a label the
    /// compilers wrote because the material gives no title.
    pub title: String,
    pub title_is_label: bool,
    /// An absolute http(s) address.
    pub url: Option<String>,
    /// Where the material places the text when it gives no web address
    /// ("scribd.com/doc/267558613"): shown as text, never as a link.
    pub locator: Option<String>,
    pub published: Option<PartialDate>,
    /// `published` was read from the page's address (`/2025/10/14/`), not
    /// from the material's own words.
    pub published_from_address: bool,
    pub accessed: Option<PartialDate>,
    pub archive_url: Option<String>,
    /// The page's language (a BCP 47 tag such as `km`), when not English.
    pub language: Option<String>,
    /// The title in English, when the page's is in another language.
    pub trans_title: Option<String>,
    /// The source this one reports (a wire copy, a transcript of the same
    /// speech): not an independent confirmation of it.
    pub reports: Option<String>,
    /// What the source ultimately rests on, shared by sources that are not
    /// independent of each other (one press conference, one statement).
    pub origin: Option<String>,
    /// The actor whose words the source is (a speech's speaker), so a figure
    /// it gives can be attributed to them.
    pub author: Option<String>,
}

impl Source {
    /// A source with a publisher and a title, and nothing else known.
    pub fn new(id: String, publisher: String, title: String) -> Source {
        Source {
            id,
            publisher,
            title,
            title_is_label: false,
            url: None,
            locator: None,
            published: None,
            published_from_address: false,
            accessed: None,
            archive_url: None,
            language: None,
            trans_title: None,
            reports: None,
            origin: None,
            author: None,
        }
    }

    /// How a reader sees the title: a compilers' label is marked as such.
    pub fn shown_title(&self) -> String {
        if self.title_is_label {
            format!("[{}]", self.title)
        } else {
            self.title.clone()
        }
    }
}

/// A position held for a period, e.g. Minister of Interior from 2023-08.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Role {
    pub title: String,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
}

impl Role {
    /// Whether the role was held at some time within the given period.
    pub fn held_during(&self, start: &PartialDate, end: Option<&PartialDate>) -> bool {
        let period_end = end.unwrap_or(start).last_day();
        let begun = self.from.is_none_or(|f| f.first_day() <= period_end);
        let not_over = self.to.is_none_or(|t| t.last_day() >= start.first_day());
        begun && not_over
    }
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub kind: ActorKind,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Figure {
    pub label: String,
    pub value: f64,
    pub unit: Option<String>,
    pub period: Option<String>,
    /// The actor who gave the figure: officials' numbers are their claims.
    pub according_to: Option<String>,
    /// The sources that give this value (ids of the event's citations); empty: all of them.
    pub sources: Vec<String>,
    /// Other values that other sources give for the same thing.
    pub alternatives: Vec<Alternative>,
}

/// A value some sources give where others give another.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Alternative {
    pub value: f64,
    pub sources: Vec<String>,
}

/// Sources that disagree about one thing: an ordinal, a date, a count.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Dispute {
    /// What they disagree about: "ordinal", "date of signing".
    pub about: String,
    /// Two or more values, each with the sources that give it.
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Claim {
    pub value: String,
    pub sources: Vec<String>,
}

impl Figure {
    /// The value without a trailing `.0` for counts.
    pub fn value_text(&self) -> String {
        number_text(self.value)
    }

    pub fn is_disputed(&self) -> bool {
        !self.alternatives.is_empty()
    }
}

/// A number as written, one way everywhere (tables and text alike):
/// counts without a trailing `.0`, thousands grouped with commas (`1,122`).
pub fn number_text(value: f64) -> String {
    let text = if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    };
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text.as_str()),
    };
    let (whole, fraction) = rest.split_at(rest.find('.').unwrap_or(rest.len()));
    if whole.len() <= 3 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return text;
    }
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}{fraction}")
}

/// A verbatim quote from a source that supports the event.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Citation {
    pub source: String,
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Link {
    pub event: String,
    pub relation: Relation,
}

/// An actor an event's quotes name who does not act in it (the sender of a
/// letter answered, a country trafficked to), and why the compilers say so.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct NotActing {
    pub actor: String,
    pub why: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Event {
    pub id: String,
    pub date: PartialDate,
    pub end: Option<PartialDate>,
    pub title: String,
    pub kind: EventKind,
    pub actors: Vec<String>,
    /// Actors the quotes name who do not act in the event.
    pub not_acting: Vec<NotActing>,
    pub location: Option<String>,
    pub summary: String,
    pub details: Option<String>,
    /// The compilers' own reasoning (how a date was worked out, what the
    /// material does not settle), shown apart from the summary as theirs.
    pub note: Option<String>,
    pub figures: Vec<Figure>,
    pub sources: Vec<Citation>,
    pub tags: Vec<String>,
    pub related: Vec<Link>,
    /// Worked out by the loader from the citations and disputes.
    pub corroboration: Corroboration,
    /// A standing in a ranking, such as a US TIP report tier.
    pub ranking: Option<String>,
    /// How sure the dates are (EDTF qualifiers, sets of days, open ends).
    pub dating: Dating,
    /// Things the sources disagree about, other than figures.
    pub disputes: Vec<Dispute>,
}

impl Event {
    /// About how long the event's searchable text is, to make room for it.
    fn text_len(&self) -> usize {
        let opt = |s: &Option<String>| s.as_ref().map_or(0, String::len);
        self.id.len()
            + self.title.len()
            + self.summary.len()
            + opt(&self.details)
            + opt(&self.location)
            + opt(&self.ranking)
            + self.tags.iter().map(String::len).sum::<usize>()
            + self.sources.iter().map(|c| c.quote.len()).sum::<usize>()
            + 16 * (self.actors.len() + self.tags.len() + self.sources.len() + 6)
    }

    /// The first and last calendar days the event may cover: a set of
    /// possible days counts from its first to its last.
    pub fn span(&self) -> (chrono::NaiveDate, chrono::NaiveDate) {
        let latest = self.dating.latest_start(&self.date);
        let last = self.end.as_ref().unwrap_or(latest).last_day();
        (self.date.first_day(), last.max(latest.last_day()))
    }

    pub fn years(&self) -> std::ops::RangeInclusive<i32> {
        let (first, last) = self.span();
        chrono::Datelike::year(&first)..=chrono::Datelike::year(&last)
    }

    /// The dates as a reader says them, never surer than the sources.
    pub fn date_text(&self) -> String {
        self.dating.human(&self.date, self.end.as_ref())
    }

    /// The dates in EDTF (ISO 8601-2), for exports.
    pub fn edtf(&self) -> String {
        self.dating.edtf(&self.date, self.end.as_ref())
    }

    /// How sure the event is: disputed facts first, then the dates.
    pub fn certainty(&self) -> Certainty {
        if self.corroboration == Corroboration::Disputed {
            Certainty::Disputed
        } else {
            self.dating.certainty()
        }
    }

    /// Whether any source disagrees with another about this event.
    pub fn has_disputes(&self) -> bool {
        !self.disputes.is_empty() || self.figures.iter().any(Figure::is_disputed)
    }
}

/// A named span of time, such as the years Cambodia stood on Tier 3.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Era {
    pub id: String,
    pub title: String,
    pub start: PartialDate,
    pub end: PartialDate,
    pub sources: Vec<Citation>,
}

/// A day observed every year from a first year on, such as the National
/// Inter-Faith Day on 20 August since 2023.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Observance {
    pub id: String,
    pub title: String,
    pub month: u32,
    pub day: u32,
    pub since: i32,
    pub sources: Vec<Citation>,
}

/// A term of the subject (the TIP report's tiers, the TVPA, NCCT ...),
/// defined in the project's words and sourced like an event; see
/// `timeline::glossary` for how texts are matched against it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Term {
    /// A slug, unique among terms.
    pub id: String,
    /// The name shown.
    pub name: String,
    /// An abbreviation (`NCCT`), when the texts use one.
    pub short: Option<String>,
    /// Other words that name the term in the texts (`Watch List`).
    pub aliases: Vec<String>,
    /// A few neutral sentences in the project's own words.
    pub definition: String,
    /// Verbatim quotes that support the definition.
    pub sources: Vec<Citation>,
    /// Ids of related terms.
    pub see: Vec<String>,
}

/// The terms with their index and the names that find them in text.
#[derive(Debug, Clone, Default)]
pub(crate) struct Glossary {
    pub(crate) terms: Vec<Term>,
    pub(crate) index: HashMap<String, usize>,
    pub(crate) names: crate::text::Names,
}

/// Every event's folded text in one string, event after event in timeline
/// order, so a search reads memory front to back instead of chasing 100k
/// pointers; `start[i]..start[i + 1]` is event i's.
#[derive(Debug, Clone, Default)]
struct SearchText {
    text: String,
    start: Vec<usize>,
}

/// A validated, chronologically ordered timeline with its lookup tables.
#[derive(Debug, Clone, Default)]
pub struct Timeline {
    pub sources: Vec<Source>,
    pub actors: Vec<Actor>,
    pub events: Vec<Event>,
    /// In order of start.
    pub eras: Vec<Era>,
    pub observances: Vec<Observance>,
    /// How far the sources reach, when the data says (the embedded data does).
    pub horizon: Option<crate::timeline::horizon::Horizon>,
    /// The terms defined for readers; see [`Timeline::terms`].
    pub(crate) glossary: Glossary,
    source_index: HashMap<String, usize>,
    actor_index: HashMap<String, usize>,
    event_index: HashMap<String, usize>,
    /// Case- and diacritic-folded text of each event, for search, made on
    /// first use: checking, listing by facets and drawing never need it.
    search: std::sync::OnceLock<SearchText>,
    /// Folded names and aliases of each actor, for actor facets.
    actor_keys: Vec<Vec<String>>,
    /// Each event's actors and tags as small numbers (flattened: event i's
    /// are `ix[start[i]..start[i + 1]]`), so facets count without hashing.
    actor_ix: Vec<u32>,
    actor_ix_start: Vec<u32>,
    tag_names: Vec<String>,
    tag_ix: Vec<u32>,
    tag_ix_start: Vec<u32>,
    years: (i32, i32),
    /// Each event's years, days and kind side by side, so filtering reads
    /// a few bytes per event rather than whole events.
    event_years: Vec<(i32, i32)>,
    event_days: Vec<(chrono::NaiveDate, chrono::NaiveDate)>,
    event_kinds: Vec<EventKind>,
    /// Who links to each event, and how (flattened: event i's are
    /// `backlinks[backlink_start[i]..backlink_start[i + 1]]`), so an event can
    /// show what followed or answered it without scanning the timeline.
    backlinks: Vec<(u32, Relation)>,
    backlink_start: Vec<u32>,
}

impl Timeline {
    /// Orders the events chronologically and builds the indices. Ids must be unique.
    pub fn new(sources: Vec<Source>, actors: Vec<Actor>, events: Vec<Event>) -> Self {
        // On one day, a conference comes before the speeches that are part of it.
        let key = |e: &Event| {
            let is_part = e.related.iter().any(|l| l.relation == Relation::PartOf);
            (e.date.first_day(), e.date.precision(), is_part, e.span().1)
        };
        // Sorted by position, ties broken by id, without copying every id.
        let mut order: Vec<_> = events.iter().enumerate().map(|(i, e)| (key(e), i)).collect();
        order.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| events[a.1].id.cmp(&events[b.1].id)));
        let mut slots: Vec<Option<Event>> = events.into_iter().map(Some).collect();
        let events: Vec<Event> = order
            .into_iter()
            .map(|(_, i)| slots[i].take().expect("each position once"))
            .collect();
        drop(slots);
        let index = |ids: Vec<&String>| -> HashMap<String, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        let source_index = index(sources.iter().map(|s| &s.id).collect());
        let actor_index = index(actors.iter().map(|a| &a.id).collect());
        let event_index = index(events.iter().map(|e| &e.id).collect());
        let actor_keys = actors
            .iter()
            .map(|a| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .map(|n| crate::text::fold(n))
                    .collect()
            })
            .collect();
        let mut timeline = Timeline {
            sources,
            actors,
            events,
            eras: Vec::new(),
            observances: Vec::new(),
            horizon: None,
            glossary: Default::default(),
            source_index,
            actor_index,
            event_index,
            search: std::sync::OnceLock::new(),
            actor_keys,
            actor_ix: Vec::new(),
            actor_ix_start: vec![0],
            tag_names: Vec::new(),
            tag_ix: Vec::new(),
            tag_ix_start: vec![0],
            years: (0, 0),
            event_years: Vec::new(),
            event_days: Vec::new(),
            event_kinds: Vec::new(),
            backlinks: Vec::new(),
            backlink_start: Vec::new(),
        };
        timeline.index_facets();
        timeline.index_backlinks();
        timeline
    }

    /// The folded search text, made the first time it is asked for (a
    /// search on another thread may be the one to make it; the others wait).
    fn search_text(&self) -> &SearchText {
        self.search.get_or_init(|| {
            // Room for all of it at once: grown by doubling, a 100 MB text
            // would be copied several times over.
            let room: usize = self.events.iter().map(Event::text_len).sum();
            let mut text = String::with_capacity(room);
            let mut start = Vec::with_capacity(self.events.len() + 1);
            start.push(0);
            for e in &self.events {
                self.fold_event_into(&mut text, e);
                start.push(text.len());
            }
            text.shrink_to_fit();
            SearchText { text, start }
        })
    }

    fn index_facets(&mut self) {
        let mut tag_numbers: HashMap<String, u32> = HashMap::default();
        let mut first = i32::MAX;
        let mut last = i32::MIN;
        for e in &self.events {
            for a in &e.actors {
                if let Some(&i) = self.actor_index.get(a) {
                    self.actor_ix.push(i as u32);
                }
            }
            self.actor_ix_start.push(self.actor_ix.len() as u32);
            for t in &e.tags {
                let n = match tag_numbers.get(t.as_str()) {
                    Some(&n) => n,
                    None => {
                        let n = tag_numbers.len() as u32;
                        tag_numbers.insert(t.clone(), n);
                        self.tag_names.push(t.clone());
                        n
                    }
                };
                self.tag_ix.push(n);
            }
            self.tag_ix_start.push(self.tag_ix.len() as u32);
            let days = e.span();
            let years = (days.0.year(), days.1.year());
            first = first.min(years.0);
            last = last.max(years.1);
            self.event_years.push(years);
            self.event_days.push(days);
            self.event_kinds.push(e.kind);
        }
        self.years = if first <= last { (first, last) } else { (0, -1) };
    }

    /// A counting sort of every link by its target: two passes, no per-event
    /// allocation, so a million events cost two flat arrays.
    fn index_backlinks(&mut self) {
        let n = self.events.len();
        let mut start = vec![0u32; n + 1];
        // Each link's target looked up once, for both passes.
        let mut targets: Vec<Option<u32>> = Vec::new();
        for e in &self.events {
            for l in &e.related {
                let to = self.event_index.get(&l.event).map(|&to| to as u32);
                if let Some(to) = to {
                    start[to as usize + 1] += 1;
                }
                targets.push(to);
            }
        }
        for i in 0..n {
            start[i + 1] += start[i];
        }
        let mut next = start.clone();
        let mut links = vec![(0u32, Relation::SeeAlso); start[n] as usize];
        let mut target = targets.into_iter();
        for (from, e) in self.events.iter().enumerate() {
            for l in &e.related {
                if let Some(to) = target.next().flatten() {
                    links[next[to as usize] as usize] = (from as u32, l.relation);
                    next[to as usize] += 1;
                }
            }
        }
        (self.backlinks, self.backlink_start) = (links, start);
    }

    /// The events that link to the event at `position`, in timeline order,
    /// with the relation they state.
    pub fn linked_from(&self, position: usize) -> &[(u32, Relation)] {
        match (
            self.backlink_start.get(position),
            self.backlink_start.get(position + 1),
        ) {
            (Some(&a), Some(&b)) => &self.backlinks[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Adds eras and yearly observances, keeping eras in order of start.
    pub fn with_calendar(mut self, mut eras: Vec<Era>, observances: Vec<Observance>) -> Self {
        eras.sort_by_key(|e| (e.start.first_day(), e.end.last_day()));
        self.eras = eras;
        self.observances = observances;
        self
    }

    /// The eras an event falls within: wholly, so that an event known only
    /// to the year is not placed in an era that began mid-year.
    pub fn eras_of<'a>(&'a self, event: &'a Event) -> impl Iterator<Item = &'a Era> {
        let (first, last) = event.span();
        self.eras
            .iter()
            .filter(move |e| e.start.first_day() <= first && last <= e.end.last_day())
    }

    /// First and last year an event touches.
    pub fn event_years(&self, position: usize) -> (i32, i32) {
        self.event_years[position]
    }

    /// First and last calendar day an event may cover.
    pub fn event_days(&self, position: usize) -> (chrono::NaiveDate, chrono::NaiveDate) {
        self.event_days[position]
    }

    pub fn event_kind(&self, position: usize) -> EventKind {
        self.event_kinds[position]
    }

    /// Indices (into `actors`) of the actors an event names.
    pub fn event_actor_ix(&self, position: usize) -> &[u32] {
        &self.actor_ix[self.actor_ix_start[position] as usize..self.actor_ix_start[position + 1] as usize]
    }

    /// Indices (into `tag_names`) of an event's tags.
    pub fn event_tag_ix(&self, position: usize) -> &[u32] {
        &self.tag_ix[self.tag_ix_start[position] as usize..self.tag_ix_start[position + 1] as usize]
    }

    /// Every tag used, in order of first use.
    pub fn tag_names(&self) -> &[String] {
        &self.tag_names
    }

    /// The first and last year any event touches (first > last when empty).
    pub fn year_range(&self) -> (i32, i32) {
        self.years
    }

    /// Folded name and aliases of the actor at an index.
    pub fn actor_keys_at(&self, index: usize) -> &[String] {
        &self.actor_keys[index]
    }

    /// Appends an event's searchable text, folded, a piece a line.
    fn fold_event_into(&self, text: &mut String, e: &Event) {
        let mut push = |s: &str| {
            crate::text::fold_into(text, s);
            text.push('\n');
        };
        push(&e.id);
        push(&e.title);
        push(&e.summary);
        push(e.details.as_deref().unwrap_or(""));
        push(e.location.as_deref().unwrap_or(""));
        push(e.ranking.as_deref().unwrap_or(""));
        for t in &e.tags {
            push(t);
        }
        for a in e.actors.iter().filter_map(|id| self.actor(id)) {
            push(&a.name);
            for alias in &a.aliases {
                push(alias);
            }
        }
        for c in &e.sources {
            push(&c.quote);
        }
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.source_index.get(id).map(|&i| &self.sources[i])
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actor_index.get(id).map(|&i| &self.actors[i])
    }

    pub fn event_position(&self, id: &str) -> Option<usize> {
        self.event_index.get(id).copied()
    }

    pub fn event(&self, id: &str) -> Option<&Event> {
        self.event_position(id).map(|i| &self.events[i])
    }

    pub fn search_key(&self, position: usize) -> &str {
        let s = self.search_text();
        &s.text[s.start[position]..s.start[position + 1]]
    }

    /// Folded name and aliases of an actor, for matching typed names.
    pub fn actor_keys(&self, id: &str) -> &[String] {
        self.actor_index
            .get(id)
            .map_or(&[], |&i| self.actor_keys[i].as_slice())
    }

    /// The roles an actor held during an event.
    pub fn roles_at<'a>(&'a self, actor: &'a Actor, event: &'a Event) -> impl Iterator<Item = &'a Role> {
        actor
            .roles
            .iter()
            .filter(move |r| r.held_during(&event.date, event.end.as_ref()))
    }
}
