//! Writing tipline data files: what the generator and the TimelineJS
//! importer produce, in the documented format.
//!
//! The text comes from `toml`'s serializer, so escaping and number syntax
//! are the parser's own rules rather than a copy of them. The shapes below
//! exist only to fix the order fields are written in (the order of the data
//! format) and their spelling; the model itself stays free of file concerns.

use crate::timeline::date::PartialDate;
use crate::timeline::model::*;
use serde::{Serialize, Serializer};

/// Writes sources, actors and events as a tipline data file.
pub fn to_toml(sources: &[Source], actors: &[Actor], events: &[Event]) -> String {
    data_file(sources, actors, events, &[])
}

/// Writes a whole tipline data file, eras included.
pub fn data_file(sources: &[Source], actors: &[Actor], events: &[Event], eras: &[Era]) -> String {
    document(sources, actors, events, eras, &[])
}

/// Writes everything a timeline holds, observances and terms included.
pub fn timeline(t: &Timeline) -> String {
    let mut file = file_out(&t.sources, &t.actors, &t.events, &t.eras, &t.observances);
    file.terms = t.terms().iter().map(TermOut::from).collect();
    serialize(&file)
}

fn document(
    sources: &[Source],
    actors: &[Actor],
    events: &[Event],
    eras: &[Era],
    observances: &[Observance],
) -> String {
    serialize(&file_out(sources, actors, events, eras, observances))
}

fn file_out<'a>(
    sources: &'a [Source],
    actors: &'a [Actor],
    events: &'a [Event],
    eras: &'a [Era],
    observances: &'a [Observance],
) -> FileOut<'a> {
    FileOut {
        sources: sources.iter().map(SourceOut::from).collect(),
        actors: actors.iter().map(ActorOut::from).collect(),
        events: events.iter().map(EventOut::from).collect(),
        eras: eras.iter().map(EraOut::from).collect(),
        observances: observances.iter().map(ObservanceOut::from).collect(),
        terms: Vec::new(),
    }
}

fn serialize(file: &FileOut<'_>) -> String {
    // Every key is a fixed name and every value a string, number or table,
    // so there is nothing the serializer could refuse.
    toml::to_string(file).expect("a data file always serializes")
}

/// A figure's value: a count is written as an integer, as people write it,
/// but only while a TOML integer holds it exactly; anything larger, such as
/// 1e20, is written as a float, which the loader reads back to the same value.
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
        if self.0.fract() == 0.0 && self.0.abs() <= EXACT {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

#[derive(Serialize)]
struct FileOut<'a> {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<SourceOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    actors: Vec<ActorOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    events: Vec<EventOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    eras: Vec<EraOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    observances: Vec<ObservanceOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    terms: Vec<TermOut<'a>>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    id: &'a str,
    publisher: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    locator: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published_from: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    accessed: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archive_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    trans_title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reports: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    origin: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
}

impl<'a> From<&'a Source> for SourceOut<'a> {
    fn from(s: &'a Source) -> Self {
        SourceOut {
            id: &s.id,
            publisher: &s.publisher,
            title: (!s.title_is_label).then_some(s.title.as_str()),
            label: s.title_is_label.then_some(s.title.as_str()),
            url: s.url.as_deref(),
            locator: s.locator.as_deref(),
            published: s.published,
            published_from: (s.published.is_some() && s.published_from_address).then_some("address"),
            accessed: s.accessed,
            archive_url: s.archive_url.as_deref(),
            language: s.language.as_deref(),
            trans_title: s.trans_title.as_deref(),
            reports: s.reports.as_deref(),
            origin: s.origin.as_deref(),
            author: s.author.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct ActorOut<'a> {
    id: &'a str,
    name: &'a str,
    aliases: &'a [String],
    kind: ActorKind,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    roles: Vec<RoleOut<'a>>,
}

#[derive(Serialize)]
struct RoleOut<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<PartialDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<PartialDate>,
}

impl<'a> From<&'a Actor> for ActorOut<'a> {
    fn from(a: &'a Actor) -> Self {
        ActorOut {
            id: &a.id,
            name: &a.name,
            aliases: &a.aliases,
            kind: a.kind,
            roles: a
                .roles
                .iter()
                .map(|r| RoleOut {
                    title: &r.title,
                    from: r.from,
                    to: r.to,
                })
                .collect(),
        }
    }
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: &'a str,
    /// The start in EDTF: a qualifier or a set of days is part of it.
    date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    derived: Option<&'a str>,
    title: &'a str,
    kind: EventKind,
    actors: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not_acting: Vec<NotActingOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location: Option<&'a str>,
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    details: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
    tags: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    ranking: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<LinkOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    figures: Vec<FigureOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    disputes: Vec<DisputeOut<'a>>,
    sources: Vec<CitationOut<'a>>,
}

#[derive(Serialize)]
struct DisputeOut<'a> {
    about: &'a str,
    claims: Vec<ClaimOut<'a>>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    value: &'a str,
    sources: &'a [String],
}

#[derive(Serialize)]
struct AlternativeOut<'a> {
    value: Number,
    sources: &'a [String],
}

#[derive(Serialize)]
struct NotActingOut<'a> {
    actor: &'a str,
    why: &'a str,
}

#[derive(Serialize)]
struct LinkOut<'a> {
    event: &'a str,
    relation: Relation,
}

#[derive(Serialize)]
struct FigureOut<'a> {
    label: &'a str,
    value: Number,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    period: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    according_to: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    sources: &'a [String],
    #[serde(skip_serializing_if = "Vec::is_empty")]
    alternatives: Vec<AlternativeOut<'a>>,
}

#[derive(Serialize)]
struct CitationOut<'a> {
    source: &'a str,
    quote: &'a str,
}

fn citations(cited: &[Citation]) -> Vec<CitationOut<'_>> {
    cited
        .iter()
        .map(|c| CitationOut {
            source: &c.source,
            quote: &c.quote,
        })
        .collect()
}

impl<'a> From<&'a Event> for EventOut<'a> {
    fn from(e: &'a Event) -> Self {
        let d = &e.dating;
        let start = if d.one_of.is_empty() {
            format!("{}{}", e.date, d.start.suffix())
        } else {
            let all: Vec<String> = d.one_of.iter().map(|x| x.to_string()).collect();
            format!("[{}]", all.join(","))
        };
        let end = match (&e.end, d.open_end) {
            (Some(x), _) => Some(format!("{x}{}", d.end.suffix())),
            (None, true) => Some("..".to_string()),
            (None, false) => None,
        };
        EventOut {
            id: &e.id,
            date: start,
            end,
            derived: d.derived.as_deref(),
            title: &e.title,
            kind: e.kind,
            actors: &e.actors,
            not_acting: e
                .not_acting
                .iter()
                .map(|n| NotActingOut {
                    actor: &n.actor,
                    why: &n.why,
                })
                .collect(),
            location: e.location.as_deref(),
            summary: &e.summary,
            details: e.details.as_deref(),
            note: e.note.as_deref(),
            tags: &e.tags,
            ranking: e.ranking.as_deref(),
            related: e
                .related
                .iter()
                .map(|l| LinkOut {
                    event: &l.event,
                    relation: l.relation,
                })
                .collect(),
            figures: e
                .figures
                .iter()
                .map(|f| FigureOut {
                    label: &f.label,
                    value: Number(f.value),
                    unit: f.unit.as_deref(),
                    period: f.period.as_deref(),
                    according_to: f.according_to.as_deref(),
                    sources: &f.sources,
                    alternatives: f
                        .alternatives
                        .iter()
                        .map(|a| AlternativeOut {
                            value: Number(a.value),
                            sources: &a.sources,
                        })
                        .collect(),
                })
                .collect(),
            disputes: e
                .disputes
                .iter()
                .map(|x| DisputeOut {
                    about: &x.about,
                    claims: x
                        .claims
                        .iter()
                        .map(|c| ClaimOut {
                            value: &c.value,
                            sources: &c.sources,
                        })
                        .collect(),
                })
                .collect(),
            sources: citations(&e.sources),
        }
    }
}

#[derive(Serialize)]
struct EraOut<'a> {
    id: &'a str,
    title: &'a str,
    start: PartialDate,
    end: PartialDate,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    sources: Vec<CitationOut<'a>>,
}

impl<'a> From<&'a Era> for EraOut<'a> {
    fn from(e: &'a Era) -> Self {
        EraOut {
            id: &e.id,
            title: &e.title,
            start: e.start,
            end: e.end,
            sources: citations(&e.sources),
        }
    }
}

#[derive(Serialize)]
struct ObservanceOut<'a> {
    id: &'a str,
    title: &'a str,
    /// The day of the year, as `MM-DD`.
    on: String,
    /// The first year, as a date string like every other year in the format.
    since: PartialDate,
    sources: Vec<CitationOut<'a>>,
}

impl<'a> From<&'a Observance> for ObservanceOut<'a> {
    fn from(o: &'a Observance) -> Self {
        ObservanceOut {
            id: &o.id,
            title: &o.title,
            on: format!("{:02}-{:02}", o.month, o.day),
            since: PartialDate::year(o.since),
            sources: citations(&o.sources),
        }
    }
}

#[derive(Serialize)]
struct TermOut<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    short: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    aliases: &'a [String],
    definition: &'a str,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    see: &'a [String],
    sources: Vec<CitationOut<'a>>,
}

impl<'a> From<&'a Term> for TermOut<'a> {
    fn from(t: &'a Term) -> Self {
        TermOut {
            id: &t.id,
            name: &t.name,
            short: t.short.as_deref(),
            aliases: &t.aliases,
            definition: &t.definition,
            see: &t.see,
            sources: citations(&t.sources),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(figures: Vec<Figure>) -> Event {
        Event {
            id: "e".into(),
            date: PartialDate::parse("2022-08").unwrap(),
            end: None,
            title: "Say \"no\"\\ to it".into(),
            kind: EventKind::Law,
            actors: vec![],
            not_acting: vec![],
            location: None,
            summary: "one\ntwo".into(),
            details: None,
            note: None,
            figures,
            sources: vec![Citation {
                source: "s".into(),
                quote: "q".into(),
            }],
            tags: vec![],
            related: vec![],
            corroboration: Corroboration::SingleSource,
            ranking: None,
            dating: Default::default(),
            disputes: vec![],
        }
    }

    fn figure(value: f64) -> Figure {
        Figure {
            label: "people".into(),
            value,
            unit: None,
            period: None,
            according_to: None,
            sources: vec![],
            alternatives: vec![],
        }
    }

    #[test]
    fn counts_are_integers_and_huge_values_floats() {
        let text = data_file(
            &[],
            &[],
            &[event(vec![figure(1200.0), figure(1e20), figure(0.5)])],
            &[],
        );
        assert!(text.contains("value = 1200\n"), "{text}");
        assert!(text.contains("value = 100000000000000000000.0\n"), "{text}");
        assert!(text.contains("value = 0.5\n"), "{text}");
    }

    #[test]
    fn an_actor_not_acting_is_written_with_its_reason() {
        let mut e = event(vec![]);
        e.actors = vec!["sar-kheng".into()];
        e.not_acting = vec![NotActing {
            actor: "hun-sen".into(),
            why: "named as the sender of the letter".into(),
        }];
        let text = data_file(&[], &[], &[e], &[]);
        assert!(text.contains("actors = [\"sar-kheng\"]\n"), "{text}");
        assert!(
            text.contains(
                "[[events.not_acting]]\nactor = \"hun-sen\"\nwhy = \"named as the sender of the letter\"\n"
            ),
            "{text}"
        );
        assert!(
            !data_file(&[], &[], &[event(vec![])], &[]).contains("not_acting"),
            "none, none written"
        );
    }

    #[test]
    fn reads_as_the_documented_format() {
        let text = data_file(&[], &[], &[event(vec![figure(3.0)])], &[]);
        assert!(
            text.starts_with("[[events]]\nid = \"e\"\ndate = \"2022-08\"\n"),
            "{text}"
        );
        assert!(text.contains("[[events.figures]]"), "{text}");
        assert!(text.contains("[[events.sources]]"), "{text}");
        assert!(!text.contains("end ="), "absent optionals are left out: {text}");
    }
}
