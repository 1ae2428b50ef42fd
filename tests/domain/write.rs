//! Whatever the loader accepts, the writer writes so that the loader reads
//! it back unchanged: titles with quotes, newlines and any script, figures
//! from small counts to 1e20, dates at each precision, optional fields set
//! or left out.

use proptest::prelude::*;
use tipline::load::{load, write, DataFile};
use tipline::text::{sanitize_block, sanitize_line};
use tipline::timeline::date::PartialDate;
use tipline::timeline::model::*;

/// Raw text with the characters a writer must take care over.
fn raw() -> impl Strategy<Value = String> {
    let tricky = prop::sample::select(vec![
        '"', '\'', '\\', '\n', '\r', '\t', ' ', '#', '=', '[', ']', '{', '}', 'é', 'ក', '人', '\u{1b}',
        '\u{7f}', '\u{85}', '\u{9b}', '\u{feff}', '\u{202e}', '\u{2028}', '\u{a0}',
    ]);
    prop::collection::vec(
        prop_oneof![3 => any::<char>(), 2 => tricky, 3 => prop::char::range('a', 'z')],
        0..24,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// Text as the loader keeps a one-line field: sanitised, trimmed, never blank.
fn line() -> impl Strategy<Value = String> {
    raw().prop_map(|s| match sanitize_line(s.trim()).trim() {
        "" => "x".to_string(),
        clean => clean.to_string(),
    })
}

/// Text as the loader keeps a field that may run over several lines.
fn block() -> impl Strategy<Value = String> {
    raw().prop_map(|s| match sanitize_block(s.trim()).trim() {
        "" => "x".to_string(),
        clean => clean.to_string(),
    })
}

fn date() -> impl Strategy<Value = PartialDate> {
    (0..=9999i32, 0..=12u32, 0..=31u32).prop_map(|(y, m, d)| match (m, d) {
        (0, _) => PartialDate::year(y),
        (m, 0) => PartialDate::year_month(y, m).expect("months 1 to 12 exist"),
        (m, d) => PartialDate::ymd(y, m, d).unwrap_or_else(|| PartialDate::year_month(y, m).unwrap()),
    })
}

/// Two dates, the later second, as the loader requires of spans.
fn span() -> impl Strategy<Value = (PartialDate, PartialDate)> {
    (date(), date()).prop_map(|(a, b)| {
        if b.first_day() < a.first_day() {
            (b, a)
        } else {
            (a, b)
        }
    })
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<i64>().prop_map(|n| n as f64),
        (0..100_000u32).prop_map(f64::from),
        Just(1e20),
        Just(-0.0),
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
    ]
}

fn one_of(ids: &[String]) -> impl Strategy<Value = String> {
    prop::sample::select(ids.to_vec())
}

/// Sources, actors and the ids they are known by; the rest refer to them.
fn parts() -> impl Strategy<Value = (Vec<Source>, Vec<Actor>)> {
    let source = (
        (line(), line(), any::<bool>(), prop::option::of(line())),
        (
            prop::option::of(date()),
            prop::option::of(date()),
            prop::option::of(line()),
        ),
        (prop::option::of(line()), prop::option::of(line()), any::<u8>()),
    );
    let role = (line(), prop::option::of(span()), any::<u8>());
    let actor = (
        line(),
        prop::collection::vec(line(), 0..3),
        prop::sample::select(ActorKind::ALL),
        prop::collection::vec(role, 0..3),
    );
    (
        prop::collection::vec(source, 1..4),
        prop::collection::vec(actor, 1..4),
    )
        .prop_map(|(sources, actors)| {
            let sources = sources
                .into_iter()
                .enumerate()
                .map(
                    |(
                        i,
                        ((publisher, title, title_is_label, path), (published, accessed, archive), rest),
                    )| {
                        let (language, trans_title, links) = rest;
                        Source {
                            id: format!("s{i}"),
                            publisher,
                            title,
                            title_is_label,
                            // Addresses are absolute http(s) addresses, or none.
                            url: path.map(|p| {
                                format!("https://example.org/{}", p.replace(char::is_whitespace, "-"))
                            }),
                            locator: (links & 4 == 4).then(|| "example.org/page 12".to_string()),
                            // Said to be read from the address only with a date to say it of.
                            published_from_address: published.is_some() && links & 8 == 8,
                            published,
                            accessed,
                            archive_url: archive.map(|p| {
                                format!("http://archive.example/{}", p.replace(char::is_whitespace, "_"))
                            }),
                            language,
                            trans_title,
                            // An earlier source only, so reports never loop.
                            reports: (i > 0 && links & 1 == 1).then(|| format!("s{}", i - 1)),
                            origin: (links & 2 == 2).then(|| "one press conference".to_string()),
                            author: None,
                        }
                    },
                )
                .collect();
            let actors = actors
                .into_iter()
                .enumerate()
                .map(|(i, (name, aliases, kind, roles))| Actor {
                    id: format!("a-{i}"),
                    name,
                    aliases,
                    kind,
                    roles: roles
                        .into_iter()
                        .map(|(title, span, open)| Role {
                            title,
                            // Either end may be missing.
                            from: span.filter(|_| open & 1 == 0).map(|s| s.0),
                            to: span.filter(|_| open & 2 == 0).map(|s| s.1),
                        })
                        .collect(),
                })
                .collect();
            (sources, actors)
        })
}

fn citations(sources: &[String], least: usize) -> impl Strategy<Value = Vec<Citation>> {
    prop::collection::vec((one_of(sources), block()), least..3).prop_map(|c| {
        c.into_iter()
            .map(|(source, quote)| Citation { source, quote })
            .collect()
    })
}

fn timeline() -> impl Strategy<Value = Timeline> {
    parts().prop_flat_map(|(sources, actors)| {
        let source_ids: Vec<String> = sources.iter().map(|s| s.id.clone()).collect();
        let actor_ids: Vec<String> = actors.iter().map(|a| a.id.clone()).collect();
        let figure = (
            line(),
            number(),
            prop::option::of(line()),
            prop::option::of(line()),
            prop::option::of(one_of(&actor_ids)),
        )
            .prop_map(|(label, value, unit, period, according_to)| Figure {
                label,
                value,
                unit,
                period,
                according_to,
                sources: Vec::new(),
                alternatives: Vec::new(),
            });
        let event = (
            (
                span(),
                any::<bool>(),
                line(),
                prop::sample::select(EventKind::ALL),
            ),
            (
                prop::collection::vec(one_of(&actor_ids), 0..3),
                prop::option::of(line()),
                block(),
                (prop::option::of(block()), prop::option::of(block())),
            ),
            (
                prop::collection::vec(figure, 0..3),
                citations(&source_ids, 1),
                prop::collection::vec(line(), 0..3),
                prop::collection::vec((0..6usize, prop::sample::select(Relation::ALL)), 0..3),
            ),
            (
                prop::option::of(line()),
                (any::<u8>(), prop::option::of(line())),
                prop::collection::vec((line(), line(), line()), 0..2),
                prop::collection::vec((one_of(&actor_ids), line()), 0..3),
            ),
        );
        let era = (line(), span(), citations(&source_ids, 0));
        let observance = (
            line(),
            1..=12u32,
            1..=31u32,
            1000..=9999i32,
            citations(&source_ids, 1),
        );
        (
            Just((sources, actors)),
            prop::collection::vec(event, 0..6),
            prop::collection::vec(era, 0..3),
            prop::collection::vec(observance, 0..3),
        )
            .prop_map(|((sources, actors), events, eras, observances)| {
                let count = events.len();
                let events = events
                    .into_iter()
                    .enumerate()
                    .map(|(i, (head, people, rest, tail))| {
                        let ((date, end), ranged, title, kind) = head;
                        let (actors, location, summary, (details, note)) = people;
                        let (figures, sources, tags, links) = rest;
                        let (ranking, (flags, derived), disputes, not_acting) = tail;
                        let mut actors = actors;
                        actors.dedup();
                        // Who gave a figure is one of the event's actors.
                        for f in &figures {
                            if let Some(who) = &f.according_to {
                                if !actors.contains(who) {
                                    actors.push(who.clone());
                                }
                            }
                        }
                        // Not acting: actors the event does not list, each once.
                        let mut not_acting: Vec<NotActing> = not_acting
                            .into_iter()
                            .filter(|(actor, _)| !actors.contains(actor))
                            .map(|(actor, why)| NotActing { actor, why })
                            .collect();
                        not_acting.sort_by(|a, b| a.actor.cmp(&b.actor));
                        not_acting.dedup_by(|a, b| a.actor == b.actor);
                        let mut figures = figures;
                        // One figure may be disputed between the first two cited sources.
                        if flags & 16 == 16 && sources.len() >= 2 {
                            if let Some(f) = figures.first_mut() {
                                f.sources = vec![sources[0].source.clone()];
                                f.alternatives = vec![Alternative {
                                    value: f.value + 1.0,
                                    sources: vec![sources[1].source.clone()],
                                }];
                                if f.alternatives[0].value == f.value {
                                    f.alternatives.clear();
                                    f.sources.clear();
                                }
                            }
                        }
                        let disputes = if sources.is_empty() {
                            Vec::new()
                        } else {
                            disputes
                                .into_iter()
                                .map(|(about, a, b)| Dispute {
                                    about,
                                    claims: vec![
                                        Claim {
                                            value: a,
                                            sources: vec![sources[0].source.clone()],
                                        },
                                        Claim {
                                            value: b,
                                            sources: vec![sources[sources.len() - 1].source.clone()],
                                        },
                                    ],
                                })
                                .collect()
                        };
                        let qualifier = |bits: u8| tipline::timeline::dating::Qualifier {
                            approximate: bits & 1 == 1,
                            uncertain: bits & 2 == 2,
                        };
                        let mut dating = tipline::timeline::dating::Dating {
                            start: qualifier(flags),
                            end: if ranged {
                                qualifier(flags >> 2)
                            } else {
                                Default::default()
                            },
                            open_end: !ranged && flags & 32 == 32,
                            derived,
                            ..Default::default()
                        };
                        // A set of two days, when the date is a day and the next one exists.
                        let next = date.day_number().and_then(|_| {
                            let d = date.first_day().succ_opt()?;
                            PartialDate::ymd(
                                chrono::Datelike::year(&d),
                                chrono::Datelike::month(&d),
                                chrono::Datelike::day(&d),
                            )
                        });
                        if let (true, Some(next), false) = (flags & 64 == 64, next, ranged) {
                            if next.year_number() <= 9999 {
                                dating.one_of = vec![date, next];
                                dating.start = Default::default();
                            }
                        }
                        Event {
                            id: format!("e{i}"),
                            date,
                            end: ranged.then_some(end),
                            title,
                            kind,
                            actors,
                            not_acting,
                            location,
                            summary,
                            details,
                            note,
                            figures,
                            sources,
                            tags,
                            // Only to other events that exist; whether a follow
                            // points back in time is settled below, once all dates are known.
                            related: links
                                .into_iter()
                                .filter(|(to, _)| *to < count && *to != i)
                                .map(|(to, relation)| Link {
                                    event: format!("e{to}"),
                                    relation,
                                })
                                .collect(),
                            corroboration: Corroboration::SingleSource,
                            ranking,
                            dating,
                            disputes,
                        }
                    })
                    .collect();
                let eras = eras
                    .into_iter()
                    .enumerate()
                    .map(|(i, (title, (start, end), sources))| Era {
                        id: format!("era-{i}"),
                        title,
                        start,
                        end,
                        sources,
                    })
                    .collect();
                let observances = observances
                    .into_iter()
                    .enumerate()
                    // Checked against a leap year, as the loader does.
                    .filter(|(_, (_, m, d, _, _))| PartialDate::ymd(2000, *m, *d).is_some())
                    .map(|(i, (title, month, day, since, sources))| Observance {
                        id: format!("o{i}"),
                        title,
                        month,
                        day,
                        since,
                        sources,
                    })
                    .collect();
                let mut events: Vec<Event> = events;
                // A follow or an answer points at an earlier event; others become see-also.
                let starts: Vec<chrono::NaiveDate> = events.iter().map(|e| e.date.first_day()).collect();
                for e in &mut events {
                    let latest = e.dating.latest_start(&e.date).last_day();
                    for l in &mut e.related {
                        let to: usize = l.event[1..].parse().unwrap();
                        if matches!(l.relation, Relation::Follows | Relation::RespondsTo)
                            && starts[to] > latest
                        {
                            l.relation = Relation::SeeAlso;
                        }
                    }
                }
                let by_id: std::collections::HashMap<&str, &Source> =
                    sources.iter().map(|s| (s.id.as_str(), s)).collect();
                let status: Vec<Corroboration> = events
                    .iter()
                    .map(|e| tipline::load::checks::corroboration(e, &by_id))
                    .collect();
                for (e, c) in events.iter_mut().zip(status) {
                    e.corroboration = c;
                }
                Timeline::new(sources, actors, events).with_calendar(eras, observances)
            })
    })
}

proptest! {
    #[test]
    fn what_the_loader_accepts_survives_writing_and_reading(original in timeline()) {
        let text = write::timeline(&original);
        let loaded = load(vec![DataFile { name: "written.toml".into(), text: text.clone() }]);
        let errors: Vec<String> =
            loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.to_string()).collect();
        prop_assert!(errors.is_empty(), "{}\n{text}", errors.join("\n"));
        let back = loaded.timeline.expect("no errors, so a timeline");
        prop_assert_eq!(&back.sources, &original.sources, "{}", text);
        prop_assert_eq!(&back.actors, &original.actors, "{}", text);
        prop_assert_eq!(&back.events, &original.events, "{}", text);
        prop_assert_eq!(&back.eras, &original.eras, "{}", text);
        prop_assert_eq!(&back.observances, &original.observances, "{}", text);
    }
}

#[test]
fn a_figure_of_1e20_is_written_so_it_loads() {
    let (s, a, mut e) = tipline::synth::generate(20, 1);
    let event = e.iter_mut().find(|e| !e.figures.is_empty()).expect("a figure");
    event.figures[0].value = 1e20;
    let id = event.id.clone();
    let loaded = load(vec![DataFile {
        name: "big.toml".into(),
        text: write::to_toml(&s, &a, &e),
    }]);
    let t = loaded.timeline.expect("loads");
    assert_eq!(t.event(&id).unwrap().figures[0].value, 1e20);
}

#[test]
fn a_title_behind_a_byte_order_mark_reads_back_the_same() {
    // Sanitising drops a leading mark; what it leaves must not start with a
    // space, or writing the title and reading it again would change it.
    let text = "[[sources]]\nid = \"s\"\npublisher = \"p\"\ntitle = \"\\uFEFF  Report\"\n";
    let loaded = load(vec![DataFile {
        name: "bom.toml".into(),
        text: text.into(),
    }]);
    assert_eq!(loaded.timeline.expect("loads").sources[0].title, "Report");
}
