//! Whether a quiz question has one right answer, read from the data
//! afresh, not from what the drawing says: the titles a question names
//! belong to one event of the pool, events to order cannot have begun on
//! the same day, a year's rankings all give the tier keyed, a figure or a
//! quote belongs to the one person or publisher keyed and to no other
//! option. The command tests and the dataset's tests both use it.

// Each group of tests uses some of these, never all.
#![allow(dead_code)]

use tipline::teach::questions::{nested, Kind, Question};
use tipline::timeline::model::{Corroboration, EventKind, Timeline};

/// The event of the pool with this title; fails unless there is exactly one.
fn titled(t: &Timeline, pool: &[usize], title: &str, q: &Question) -> usize {
    let fold = tipline::text::fold;
    let with: Vec<usize> = pool
        .iter()
        .copied()
        .filter(|&p| fold(&t.events[p].title) == fold(title))
        .collect();
    assert_eq!(
        with.len(),
        1,
        "{title:?} names {} events of the pool: {q:?}",
        with.len()
    );
    with[0]
}

/// The days an event may have begun on.
fn starts(t: &Timeline, p: usize) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let e = &t.events[p];
    (e.date.first_day(), e.dating.latest_start(&e.date).last_day())
}

/// Whether `a` surely began before `b`.
fn before(t: &Timeline, a: usize, b: usize) -> bool {
    starts(t, a).1 < starts(t, b).0
}

fn distinct(options: &[String], q: &Question) {
    let mut v = options.to_vec();
    v.sort();
    v.dedup();
    assert_eq!(v.len(), options.len(), "two options alike: {q:?}");
}

/// Everyone the whole timeline says gave this figure text.
fn givers(t: &Timeline, what: &str) -> Vec<String> {
    let mut who = Vec::new();
    for e in &t.events {
        for (i, f) in e.figures.iter().enumerate() {
            // A part ("341 of them women") is asked with its whole before it.
            let alone = f.words().phrase();
            let after_whole = i
                .checked_sub(1)
                .map(|j| format!("{}, {alone}", e.figures[j].words().phrase()));
            if alone == what || after_whole.as_deref() == Some(what) {
                if let Some(a) = f.according_to.as_deref().and_then(|id| t.actor(id)) {
                    who.push(a.name.clone());
                }
            }
        }
    }
    who
}

/// Every publisher the whole timeline quotes saying this.
fn publishers(t: &Timeline, quote: &str) -> Vec<String> {
    let mut who = Vec::new();
    for e in &t.events {
        for c in &e.sources {
            if nested(&c.quote) == quote {
                if let Some(s) = t.source(&c.source) {
                    who.push(s.publisher.clone());
                }
            }
        }
    }
    who
}

/// Fails unless `q`, drawn from `pool`, has one right answer, and it is the one keyed.
pub fn assert_one_right_answer(t: &Timeline, pool: &[usize], q: &Question) {
    match q {
        Question::Order { items, answer, .. } => {
            let events: Vec<usize> = items.iter().map(|i| titled(t, pool, i, q)).collect();
            for w in answer.windows(2) {
                assert!(
                    before(t, events[w[0]], events[w[1]]),
                    "not surely in order: {q:?}"
                );
            }
        }
        Question::Year { stem, first, last } => {
            let title = stem
                .strip_prefix("In which year: ")
                .and_then(|s| s.strip_suffix('?'))
                .unwrap();
            let p = titled(t, pool, title, q);
            assert_eq!(t.event_years(p), (*first, *last), "{q:?}");
        }
        Question::Choice {
            kind: Kind::WhichFirst,
            options,
            answer,
            ..
        } => {
            assert_eq!(options.len(), 2, "{q:?}");
            let a = titled(t, pool, &options[*answer], q);
            let b = titled(t, pool, &options[1 - *answer], q);
            assert!(before(t, a, b), "not surely first: {q:?}");
        }
        Question::TrueFalse {
            kind: Kind::Corroborated,
            stem,
            answer,
        } => {
            let title = stem
                .strip_prefix("More than one independent source confirms this event: ")
                .and_then(|s| s.strip_suffix('.'))
                .unwrap();
            let p = titled(t, pool, title, q);
            assert_eq!(
                *answer,
                t.events[p].corroboration == Corroboration::Corroborated,
                "{q:?}"
            );
        }
        Question::Choice {
            kind: Kind::Tier,
            stem,
            options,
            answer,
        } => {
            distinct(options, q);
            let year: i32 = stem.split_whitespace().nth(2).unwrap().parse().unwrap();
            let tiers: Vec<&str> = t
                .events
                .iter()
                .filter(|e| e.kind == EventKind::Ranking && e.date.year_number() == year)
                .filter_map(|e| e.ranking.as_deref())
                .collect();
            assert!(!tiers.is_empty(), "no ranking in {year}: {q:?}");
            for tier in tiers {
                assert_eq!(tier, options[*answer], "{year} has another tier: {q:?}");
            }
        }
        Question::Choice {
            kind: Kind::WhoSaidIt,
            stem,
            options,
            answer,
        } => {
            distinct(options, q);
            let what = stem
                .strip_prefix("Who gave this figure: ")
                .and_then(|s| s.strip_suffix('?'))
                .unwrap();
            let who = givers(t, what);
            assert!(!who.is_empty(), "nobody gave {what:?}");
            for w in who {
                assert_eq!(w, options[*answer], "{what:?} given by two: {q:?}");
            }
        }
        Question::Choice {
            kind: Kind::WhichSource,
            stem,
            options,
            answer,
        } => {
            distinct(options, q);
            let quote = stem
                .strip_prefix("Which source says: “")
                .and_then(|s| s.strip_suffix('”'))
                .unwrap();
            let who = publishers(t, quote);
            assert!(!who.is_empty(), "nobody says {quote:?}");
            for w in who {
                assert_eq!(w, options[*answer], "{quote:?} in two publishers: {q:?}");
            }
        }
        Question::Matching { pairs, .. } => {
            let lefts: Vec<String> = pairs.iter().map(|p| p.0.clone()).collect();
            distinct(&lefts, q);
            for (what, owner) in pairs {
                for w in givers(t, what) {
                    assert_eq!(&w, owner, "{what:?} given by two: {q:?}");
                }
            }
        }
        q => panic!("a question of no known kind: {q:?}"),
    }
}
