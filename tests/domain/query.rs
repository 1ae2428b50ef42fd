//! The query engine: each facet, the parser's errors, and the algebra the
//! CLI and the app rely on (subset, intersection, complement, round trip).

use proptest::prelude::*;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use tipline::query::{Clause, Query, Term};
use tipline::timeline::model::{EventKind, Timeline};
use tipline::PartialDate;

fn timeline() -> &'static Timeline {
    static T: OnceLock<Timeline> = OnceLock::new();
    T.get_or_init(crate::common::world)
}

fn ids(text: &str) -> Vec<String> {
    let t = timeline();
    Query::parse(text)
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .filter(t)
        .into_iter()
        .map(|i| t.events[i].id.clone())
        .collect()
}

fn has(text: &str, id: &str) -> bool {
    ids(text).iter().any(|i| i == id)
}

#[test]
fn year_matches_events_touching_the_year() {
    let found = ids("year:2019");
    assert!(found.contains(&"asean-china-pgc-2019".to_string()));
    assert!(found.contains(&"tip-report-2019".to_string()));
    assert!(found
        .iter()
        .all(|id| timeline().event(id).unwrap().years().contains(&2019)));
}

#[test]
fn year_range_is_inclusive() {
    let found = ids("year:2018..2019");
    assert!(found.contains(&"tip-report-2018".to_string()));
    assert!(found.contains(&"tip-report-2019".to_string()));
    assert!(!found.contains(&"tip-report-2020".to_string()));
}

#[test]
fn date_bounds_match_overlapping_ranges_and_coarse_dates() {
    // A range that started before `from` but ends after it overlaps.
    assert!(has(
        "from:2022-09-01 to:2022-09-10",
        "complaints-figures-aug-sep-2022"
    ));
    // A year-precision event overlaps any window inside its year.
    assert!(has("from:2022-08 to:2022-10", "ncct-survey-causes-2022"));
    assert!(!has("from:2022-08 to:2022-10", "tip-report-2022"));
    assert!(has("to:2007", "first-national-day-2007"));
    assert!(!has("from:2008", "first-national-day-2007"));
}

#[test]
fn actor_ignores_case_and_diacritics_and_covers_aliases() {
    assert!(has("actor:\"SÁR KHENG\"", "national-day-2022"));
    assert!(has("actor:\"Samdech Techo Hun Sen\"", "interfaith-forum-2022"));
    assert!(has("actor:ncct", "national-day-2024"));
    assert!(has("actor:sar-sokha", "sar-sokha-no-crime-bosses-2024"));
    assert!(!has("actor:sar-sokha", "no-statistics-2024"));
    assert!(
        !has("actor:\"hun sen\"", "national-day-2024"),
        "Hun Manet is not Hun Sen"
    );
}

/// Ids of the events that pass a test written here, in timeline order.
fn ids_where(test: impl Fn(&tipline::timeline::model::Event) -> bool) -> Vec<String> {
    timeline()
        .events
        .iter()
        .filter(|e| test(e))
        .map(|e| e.id.clone())
        .collect()
}

#[test]
fn kind_and_tag_facets() {
    let days = ids("kind:national-day");
    assert!(days.contains(&"national-day-2022".to_string()), "{days:?}");
    assert_eq!(days, ids_where(|e| e.kind == EventKind::NationalDay));
    let reports = ids("tag:tip-report");
    assert!(reports.contains(&"tip-report-2018".to_string()), "{reports:?}");
    assert_eq!(reports, ids_where(|e| e.tags.iter().any(|g| g == "tip-report")));
    assert_eq!(ids("tag:TIP-REPORT"), reports, "tags ignore case");
}

#[test]
fn repeated_values_of_a_facet_or_and_different_facets_and() {
    let either = ids("year:2018 year:2025");
    assert!(
        either.contains(&"tip-report-2018".to_string()) && either.contains(&"tip-report-2025".to_string())
    );
    let both = ids("year:2022 kind:national-day");
    assert_eq!(both, ["national-day-2022"]);
}

#[test]
fn negation_excludes() {
    let found = ids("year:2022 -tag:crackdown-2022");
    assert!(!found.is_empty());
    for id in &found {
        assert!(!timeline()
            .event(id)
            .unwrap()
            .tags
            .contains(&"crackdown-2022".to_string()));
    }
}

#[test]
fn bare_words_all_must_match_folded_text() {
    assert!(has("hotline", "hotline-opened-2022"));
    assert!(has("HOTLINE interior", "hotline-opened-2022"));
    assert!(!has("hotline koh", "hotline-opened-2022"));
    assert!(has("\"preah sihanouk\"", "complaints-figures-aug-sep-2022"));
    assert!(has("tier", "tip-report-2020"));
}

#[test]
fn empty_query_is_everything() {
    assert_eq!(ids("").len(), timeline().events.len());
    assert_eq!(ids("   ").len(), timeline().events.len());
}

fn parse_error(text: &str) -> (usize, String) {
    let e = Query::parse(text).expect_err(text);
    (e.column, e.message)
}

#[test]
fn parse_errors_name_column_and_expectation() {
    let (col, msg) = parse_error("kind:law year:20x2");
    assert_eq!(col, 15);
    assert!(msg.contains("expected a year"), "{msg}");

    let (col, msg) = parse_error("kind:lwa");
    assert_eq!(col, 6);
    assert!(msg.contains("did you mean `law`?"), "{msg}");

    let (col, msg) = parse_error("actor:\"sar kheng");
    assert_eq!(col, 7);
    assert!(msg.contains("unclosed quote"), "{msg}");

    let (col, msg) = parse_error("yaer:2022");
    assert_eq!(col, 1, "an unknown facet is reported at its name");
    assert!(
        msg.contains("unknown facet `yaer`: did you mean `year`?"),
        "{msg}"
    );

    let (_, msg) = parse_error("year:2022..2019");
    assert!(msg.contains("ends before it starts"), "{msg}");

    let (col, msg) = parse_error("from:2022-13");
    assert_eq!(col, 6);
    assert!(msg.contains("no such month: months run from 01 to 12"), "{msg}");

    let (col, msg) = parse_error("year:");
    assert_eq!(col, 6);
    assert!(msg.contains("expected a value"), "{msg}");

    let (col, _) = parse_error("\"a\"b");
    assert_eq!(col, 4);
}

#[test]
fn parses_the_documented_example() {
    let q = Query::parse("year:2022 actor:\"sar kheng\" kind:crackdown -tag:statistics tier").unwrap();
    assert_eq!(
        q.clauses,
        vec![
            Clause {
                negated: false,
                term: Term::Year { from: 2022, to: 2022 }
            },
            Clause {
                negated: false,
                term: Term::Actor("sar kheng".into())
            },
            Clause {
                negated: false,
                term: Term::Kind(EventKind::Crackdown)
            },
            Clause {
                negated: true,
                term: Term::Tag("statistics".into())
            },
            Clause {
                negated: false,
                term: Term::Text("tier".into())
            },
        ]
    );
    assert_eq!(
        q.to_string(),
        "year:2022 actor:\"sar kheng\" kind:crackdown -tag:statistics tier"
    );
}

#[test]
fn long_query_text_parses_in_full_and_prints_back() {
    // Found by fuzzing: printing may add quotes and escapes, so parsing
    // must not cut text; the command line and the app cap what is typed.
    let long = format!("\"{}\\\"\"", "a ".repeat(600));
    let q = Query::parse(&long).unwrap();
    assert_eq!(Query::parse(&q.to_string()).unwrap(), q);
    let huge = "a".repeat(100_000);
    assert!(matches!(&Query::parse(&huge).unwrap().clauses[0].term, Term::Text(t) if t.len() == 100_000));
}

// ---------------------------------------------------------------- properties

fn date() -> impl Strategy<Value = PartialDate> {
    (2005i32..2027, 0u32..13, 0u32..29).prop_map(|(y, m, d)| match (m, d) {
        (0, _) => PartialDate::year(y),
        (m, 0) => PartialDate::year_month(y, m).unwrap(),
        (m, d) => PartialDate::ymd(y, m, d).unwrap(),
    })
}

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "sar kheng",
            "Hun Sen",
            "NCCT",
            "sár",
            "tier",
            "koh pich",
            "2022",
            "hotline"
        ])
        .prop_map(String::from),
        "[a-zA-Z0-9 :\"\\\\é-]{1,10}",
    ]
}

fn term() -> impl Strategy<Value = Term> {
    prop_oneof![
        (2005i32..2027, 0i32..4).prop_map(|(y, n)| Term::Year { from: y, to: y + n }),
        date().prop_map(Term::From),
        date().prop_map(Term::To),
        word().prop_map(Term::Actor),
        prop::sample::select(EventKind::ALL.to_vec()).prop_map(Term::Kind),
        prop::sample::select(vec![
            "tip-report",
            "crackdown-2022",
            "national-day",
            "Yearly",
            "none"
        ])
        .prop_map(|t| Term::Tag(t.into())),
        word().prop_map(Term::Text),
    ]
}

fn query() -> impl Strategy<Value = Query> {
    prop::collection::vec((any::<bool>(), term()), 0..5).prop_map(|cs| Query {
        clauses: cs
            .into_iter()
            .map(|(negated, term)| Clause { negated, term })
            .collect(),
    })
}

fn set(q: &Query) -> BTreeSet<usize> {
    q.filter(timeline()).into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn filtering_returns_an_ordered_subset(q in query()) {
        let hits = q.filter(timeline());
        prop_assert!(hits.windows(2).all(|w| w[0] < w[1]));
        prop_assert!(hits.iter().all(|&i| i < timeline().events.len()));
    }

    #[test]
    fn and_of_different_facets_is_intersection(a in term(), b in term(), na: bool, nb: bool) {
        prop_assume!(a.facet() != b.facet() || a.facet() == tipline::query::Facet::Text || na || nb);
        let qa = Query { clauses: vec![Clause { negated: na, term: a }] };
        let qb = Query { clauses: vec![Clause { negated: nb, term: b }] };
        let both = set(&qa.clone().and(qb.clone()));
        let inter: BTreeSet<usize> = set(&qa).intersection(&set(&qb)).copied().collect();
        prop_assert_eq!(both, inter);
    }

    #[test]
    fn negation_is_complement(t in term()) {
        let pos = set(&Query { clauses: vec![Clause { negated: false, term: t.clone() }] });
        let neg = set(&Query { clauses: vec![Clause { negated: true, term: t }] });
        let all: BTreeSet<usize> = (0..timeline().events.len()).collect();
        prop_assert_eq!(neg, all.difference(&pos).copied().collect::<BTreeSet<_>>());
    }

    #[test]
    fn text_round_trips(q in query()) {
        let text = q.to_string();
        let back = Query::parse(&text);
        prop_assert_eq!(back.as_ref(), Ok(&q), "text was {}", text);
    }

    #[test]
    fn parser_never_panics(s in "\\PC{0,40}") {
        let _ = Query::parse(&s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// One pass gives what filtering once per facet and counting would.
    #[test]
    fn faceted_counts_equal_counting_without_each_facet(q in query()) {
        use tipline::query::facets::FacetCounts;
        use tipline::query::Facet;
        let t = timeline();
        let f = q.faceted(t, None);
        prop_assert_eq!(&f.hits, &q.filter(t));
        // Counted here from the events' own fields, not with a tally.
        let counted = |facet, keys: &dyn Fn(&tipline::timeline::model::Event) -> Vec<String>| {
            let mut n = std::collections::BTreeMap::new();
            for p in q.without(facet).filter(t) {
                for k in keys(&t.events[p]) {
                    *n.entry(k).or_insert(0usize) += 1;
                }
            }
            n
        };
        let named = |tally| FacetCounts::from_tally(t, tally);
        let as_map = |v: Vec<(String, usize)>| v.into_iter().collect::<std::collections::BTreeMap<_, _>>();
        let years = named(&f.years).years.into_iter().map(|(y, n)| (y.to_string(), n)).collect::<std::collections::BTreeMap<_, _>>();
        prop_assert_eq!(years, counted(Facet::Year, &|e| e.years().map(|y| y.to_string()).collect()));
        prop_assert_eq!(as_map(named(&f.actors).actors), counted(Facet::Actor, &|e| e.actors.clone()));
        let kinds = named(&f.kinds).kinds.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
        prop_assert_eq!(as_map(kinds), counted(Facet::Kind, &|e| vec![e.kind.to_string()]));
        prop_assert_eq!(as_map(named(&f.tags).tags), counted(Facet::Tag, &|e| e.tags.clone()));
    }

    /// Typing more of a word, or another word, may reuse the last result.
    #[test]
    fn narrowing_reuses_the_previous_result_exactly(q in query(), w in "[a-z]{1,3}", more in "[a-z]{1,2}") {
        let t = timeline();
        let mut before = q.clone();
        before.push(Term::Text(w.clone()));
        let mut after = q.clone();
        after.push(Term::Text(format!("{w}{more}")));
        prop_assert!(after.narrows(&before));
        let previous = before.faceted(t, None);
        let reused = after.faceted(t, Some(&previous.relevant));
        let fresh = after.faceted(t, None);
        prop_assert_eq!(reused.hits, fresh.hits);
        prop_assert_eq!(reused.actors, fresh.actors);
        prop_assert_eq!(reused.years, fresh.years);
    }
}

#[test]
fn changing_a_facet_is_not_narrowing() {
    let a = Query::parse("year:2022 sar").unwrap();
    assert!(Query::parse("year:2022 sark").unwrap().narrows(&a));
    assert!(Query::parse("year:2022 sar kheng").unwrap().narrows(&a));
    assert!(!Query::parse("year:2023 sark").unwrap().narrows(&a));
    assert!(
        !Query::parse("year:2022 sa").unwrap().narrows(&a),
        "a shorter word widens"
    );
    assert!(!Query::parse("year:2022 kheng").unwrap().narrows(&a));
}

#[test]
fn is_empty_only_without_clauses() {
    assert!(Query::default().is_empty());
    assert!(Query::parse("").unwrap().is_empty());
    assert!(Query::parse(" \t ").unwrap().is_empty());
    assert!(!Query::parse("year:2022").unwrap().is_empty());
    assert!(!Query::parse("-hotline").unwrap().is_empty());
    let mut q = Query::default();
    q.push(Term::Tag("law".into()));
    assert!(!q.is_empty());
}

#[test]
fn a_lone_dash_is_a_word_not_a_negation() {
    let dash = Clause {
        negated: false,
        term: Term::Text("-".into()),
    };
    assert_eq!(Query::parse("-").unwrap().clauses, vec![dash.clone()]);
    assert_eq!(
        Query::parse("- hotline").unwrap().clauses,
        [
            dash.clone(),
            Clause {
                negated: false,
                term: Term::Text("hotline".into())
            }
        ]
    );
    // Printed quoted, so it is not read back as the start of a negation.
    let q = Query { clauses: vec![dash] };
    assert_eq!(q.to_string(), "\"-\"");
    assert_eq!(Query::parse("\"-\"").unwrap(), q);
    // Ids hold dashes, and the search text holds the id.
    assert!(has("-", "hotline-opened-2022"));
}

#[test]
fn years_are_four_digits_at_most_and_never_signed() {
    for bad in [
        "year:+2022",
        "year:10000",
        "year:-1",
        "year:2019..+2022",
        "year:2019..10000",
    ] {
        let (col, msg) = parse_error(bad);
        assert_eq!(col, 6, "{bad}: the value's column");
        assert!(msg.starts_with("expected a year like 2022"), "{bad}: {msg}");
    }
    let year = |text: &str| Query::parse(text).unwrap().clauses[0].term.clone();
    assert_eq!(year("year:2022..2022"), Term::Year { from: 2022, to: 2022 });
    assert_eq!(Query::parse("year:2022..2022").unwrap().to_string(), "year:2022");
    assert_eq!(year("year:0"), Term::Year { from: 0, to: 0 });
    assert_eq!(year("year:9999"), Term::Year { from: 9999, to: 9999 });
    assert_eq!(year("year:0..9999"), Term::Year { from: 0, to: 9999 });
}
