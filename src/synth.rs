//! Synthetic timelines for benchmarks and stress tests: realistic variety
//! (every date precision across 1900–2100, ranges, short and long texts,
//! aliases, figures, quotes, links, Khmer, CJK and accented Latin), fully
//! determined by a seed.

use crate::timeline::date::PartialDate;
use crate::timeline::model::*;

const WORDS: &[&str] = &[
    "ministry",
    "court",
    "border",
    "report",
    "victims",
    "workers",
    "province",
    "hotline",
    "police",
    "decree",
    "prosecutor",
    "survey",
    "campaign",
    "migration",
    "labour",
    "rescue",
    "network",
    "casino",
    "scam",
    "embassy",
    "convention",
    "treaty",
    "forum",
    "training",
    "shelter",
    "repatriation",
    "statistics",
    "complaint",
    "arrest",
    "agreement",
    "Réunion",
    "São Paulo",
    "Đà Nẵng",
    "Ñuñoa",
    "Kraków",
    "Zürich",
    "Malmö",
    "Ångström",
    "កម្ពុជា",
    "ការជួញដូរមនុស្ស",
    "ច្បាប់",
    "人口贩卖",
    "会议",
    "报告",
    "警察",
    "東京",
    "서울",
];
const TAGS: &[&str] = &[
    "law",
    "treaty",
    "asean",
    "china",
    "us",
    "tip-report",
    "crackdown",
    "figures",
    "claims",
    "migration",
    "online-scams",
    "gambling",
    "borders",
    "religion",
    "inter-faith",
    "national-day",
    "yearly",
    "survey",
    "courts",
    "police",
    "victims",
    "labour",
    "children",
    "women",
    "digital",
    "corruption",
    "ngo",
    "un",
    "training",
    "shelters",
    "repatriation",
    "prosecution",
    "casinos",
    "forced-labour",
    "marriage",
    "adoption",
    "surrogacy",
    "organ-trade",
    "debt",
    "education",
];

/// Text of a random number of words in the range.
fn text_in(rng: &mut fastrand::Rng, words: std::ops::Range<usize>) -> String {
    let n = rng.usize(words);
    text(rng, n)
}

/// Words joined into text of `n` words.
fn text(rng: &mut fastrand::Rng, n: usize) -> String {
    let mut out = String::new();
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(WORDS[rng.usize(..WORDS.len())]);
    }
    out
}

fn date(rng: &mut fastrand::Rng, year: i32) -> PartialDate {
    let month = rng.u32(1..=12);
    match rng.u8(0..10) {
        0..=1 => PartialDate::year(year),
        2..=4 => PartialDate::year_month(year, month).expect("valid month"),
        _ => PartialDate::ymd(year, month, rng.u32(1..=28)).expect("valid day"),
    }
}

/// Sources, actors and `n` events, every reference valid and every source and actor used.
pub fn generate(n: usize, seed: u64) -> (Vec<Source>, Vec<Actor>, Vec<Event>) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let n_sources = (n / 10).clamp(5, 5000);
    let n_actors = (n / 20).clamp(10, 2000);
    let sources: Vec<Source> = (0..n_sources)
        .map(|i| Source {
            url: rng
                .bool()
                .then(|| format!("https://example.org/{i}/{}", rng.u32(..))),
            published: rng.bool().then(|| {
                let y = rng.i32(1900..=2100);
                date(&mut rng, y)
            }),
            ..Source::new(
                format!("src-{i}"),
                format!("Publisher {} {}", i % 97, text(&mut rng, 1)),
                text_in(&mut rng, 3..10),
            )
        })
        .collect();
    let kinds = [
        ActorKind::Person,
        ActorKind::GovernmentBody,
        ActorKind::Organisation,
        ActorKind::InternationalBody,
    ];
    let actors: Vec<Actor> = (0..n_actors)
        .map(|i| {
            // Roles span the generated years, so every event finds its actors in office.
            let from = 1900;
            Actor {
                id: format!("actor-{i}"),
                name: format!("{} {i}", text(&mut rng, 2)),
                aliases: (0..rng.usize(0..3))
                    .map(|a| format!("{} alias {a}", text(&mut rng, 2)))
                    .collect(),
                kind: kinds[i % kinds.len()],
                roles: (0..rng.usize(0..3))
                    .map(|_| Role {
                        title: text(&mut rng, 3),
                        from: Some(PartialDate::year(from)),
                        to: None,
                    })
                    .collect(),
            }
        })
        .collect();
    let mut events: Vec<Event> = Vec::with_capacity(n);
    for i in 0..n {
        let year = rng.i32(1900..=2100);
        let start = date(&mut rng, year);
        let end = (rng.u8(0..100) < 15).then(|| {
            let y = (year + rng.i32(0..=2)).min(2100);
            date(&mut rng, y)
        });
        let end = end.filter(|e| e.first_day() >= start.first_day());
        let kind = EventKind::ALL[rng.usize(..EventKind::ALL.len())];
        // Each actor and source is used at least once; the rest at random.
        let mut actor_ids = vec![format!("actor-{}", i % n_actors)];
        actor_ids.extend((0..rng.usize(0..3)).map(|_| format!("actor-{}", rng.usize(..n_actors))));
        actor_ids.dedup();
        let sources_cited = (0..rng.usize(1..=3))
            .map(|k| Citation {
                source: if k == 0 {
                    format!("src-{}", i % n_sources)
                } else {
                    format!("src-{}", rng.usize(..n_sources))
                },
                quote: text_in(&mut rng, 5..30),
            })
            .collect();
        // Drawn in the order the fields are written, so a seed gives the same timeline.
        let title = text_in(&mut rng, 3..12);
        let location = rng.bool().then(|| text(&mut rng, 2));
        let summary = text_in(&mut rng, 10..80);
        let details = (rng.u8(0..10) == 0).then(|| text_in(&mut rng, 50..300));
        let figures = (0..rng.usize(0..3))
            .map(|_| Figure {
                label: text(&mut rng, 3),
                value: rng.u32(0..100_000) as f64,
                unit: rng.bool().then(|| "people".to_string()),
                period: rng.bool().then(|| format!("{year}")),
                // Figures are attributed to one of the event's own actors.
                according_to: rng
                    .bool()
                    .then(|| actor_ids[rng.usize(..actor_ids.len())].clone()),
                sources: Vec::new(),
                alternatives: Vec::new(),
            })
            .collect();
        events.push(Event {
            id: format!("ev-{i}"),
            date: start,
            end,
            title,
            kind,
            actors: actor_ids,
            not_acting: Vec::new(),
            location,
            summary,
            details,
            note: None,
            figures,
            sources: sources_cited,
            tags: (0..rng.usize(0..4))
                .map(|_| TAGS[rng.usize(..TAGS.len())].to_string())
                .collect(),
            related: if i > 0 {
                (0..rng.usize(0..3))
                    .map(|_| {
                        let earlier = rng.usize(..i);
                        let mut relation = Relation::ALL[rng.usize(..Relation::ALL.len())];
                        // Only an earlier event can be followed or answered.
                        if matches!(relation, Relation::Follows | Relation::RespondsTo)
                            && events[earlier].date.first_day() > start.last_day()
                        {
                            relation = Relation::SeeAlso;
                        }
                        Link {
                            event: format!("ev-{earlier}"),
                            relation,
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            },
            corroboration: Corroboration::SingleSource,
            ranking: (kind == EventKind::Ranking).then(|| format!("Tier {}", rng.u8(1..=3))),
            dating: Default::default(),
            disputes: Vec::new(),
        });
    }
    (sources, actors, events)
}

/// A generated timeline, validated and indexed, without going through TOML.
pub fn timeline(n: usize, seed: u64) -> Timeline {
    let (s, a, e) = generate(n, seed);
    Timeline::new(s, a, e)
}

/// A small timeline whose every text field holds `text`, written as a data
/// file (escaped) and read back through the loader, exactly as a
/// downloaded file would be. `None` when the text makes the file invalid
/// (an empty title, say), which the loader reports.
pub fn hostile_timeline(text: &str) -> Option<Timeline> {
    let text: String = text.chars().take(2000).collect();
    let source = Source {
        // An address holds no spaces; the rest of the text stays as it came.
        url: Some(format!(
            "https://example.org/{}",
            text.replace(char::is_whitespace, "%20")
        )),
        ..Source::new("s".into(), format!("P {text}"), format!("T {text}"))
    };
    let actor = Actor {
        id: "a".into(),
        name: format!("A {text}"),
        aliases: vec![format!("alias {text}")],
        kind: ActorKind::Person,
        roles: vec![Role {
            title: format!("R {text}"),
            from: Some(PartialDate::year(2020)),
            to: None,
        }],
    };
    let events = [("e1", "2022-08-18", None), ("e2", "2023", Some("e1"))].map(|(id, date, related)| Event {
        id: id.into(),
        date: PartialDate::parse(date).expect("a valid date"),
        end: None,
        title: format!("{text} {text}"),
        kind: EventKind::Statement,
        actors: vec!["a".into()],
        not_acting: Vec::new(),
        location: Some(format!("L {text}")),
        summary: format!("S {text}\n{text}"),
        details: Some(format!("D {text}")),
        note: None,
        figures: vec![Figure {
            label: format!("F {text}"),
            value: 12.0,
            unit: Some(format!("U {text}")),
            period: Some(format!("P {text}")),
            according_to: None,
            sources: Vec::new(),
            alternatives: Vec::new(),
        }],
        sources: vec![Citation {
            source: "s".into(),
            quote: format!("Q {text}"),
        }],
        tags: vec![format!("t{text}")],
        related: related
            .map(|r: &str| Link {
                event: r.into(),
                relation: Relation::Follows,
            })
            .into_iter()
            .collect(),
        corroboration: Corroboration::SingleSource,
        ranking: Some(format!("Tier {text}")),
        dating: Default::default(),
        disputes: Vec::new(),
    });
    let out = crate::load::write::to_toml(&[source], &[actor], &events);
    crate::load::load(vec![crate::load::DataFile {
        name: "hostile.toml".into(),
        text: out,
    }])
    .timeline
}

/// Imports `text` as a `.bib` file and, if any source comes of it, checks
/// the export of those sources against the `biblatex` crate and against
/// the import: the export parses, holds one entry per source under its id,
/// and reads back as the same sources. Panics on a difference; shared by
/// the `bibtex_import` fuzz target and the tests.
pub fn bib_round_trip(text: &str) {
    use crate::interop::citations::{bib, Bib, Item, ItemType};
    use crate::interop::reference_import::bibtex;
    let Ok(first) = bibtex("fuzz.bib", text) else {
        return;
    };
    if first.sources.is_empty() {
        return;
    }
    for dialect in [Bib::Bibtex, Bib::Biblatex] {
        let items: Vec<Item<'_>> = first
            .sources
            .iter()
            .map(|source| Item {
                source,
                kind: ItemType::Webpage,
                quotes: Vec::new(),
            })
            .collect();
        let written = bib(&items, dialect);
        let parsed = biblatex::Bibliography::parse(&written)
            .unwrap_or_else(|e| panic!("the export does not parse: {e}\n{written}"));
        let keys: Vec<&str> = parsed.keys().collect();
        let ids: Vec<&str> = first.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(keys, ids, "{written}");
        let again = bibtex("export.bib", &written)
            .unwrap_or_else(|e| panic!("the export is refused: {}\n{written}", e[0]));
        assert_eq!(again.sources, first.sources, "{written}");
    }
}
