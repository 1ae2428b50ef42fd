//! Quizzes drawn from the timeline: the events an ordering or year
//! questions ask about, and how an ordering and a year guess score. A
//! seed makes a quiz repeatable, so a class can take the same one.

use crate::timeline::model::Timeline;

/// How close a year guess must be to earn a point (an exact guess earns two).
pub const YEAR_TOLERANCE: i32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizMode {
    Order,
    Year,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    pub mode: QuizMode,
    /// Timeline positions, in the order they are asked or shown.
    pub items: Vec<usize>,
    /// The seed it was drawn with: the same seed, the same quiz.
    pub seed: u64,
    /// How many items were asked for, how many events there were to
    /// draw from, and how many were left out for maybe beginning on the
    /// same day as one drawn.
    pub requested: usize,
    pub pool: usize,
    pub clashes: usize,
    /// Events left out because another shares their title.
    pub same_titles: usize,
}

impl Quiz {
    /// Picks `count` events from `pool` with a seeded shuffle. For ordering,
    /// events that may have begun on the same day as one already picked are
    /// skipped: there would be no one right answer.
    pub fn new(t: &Timeline, pool: &[usize], mode: QuizMode, count: usize, seed: u64) -> Quiz {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut candidates = with_unique_titles(t, pool);
        let same_titles = pool.len() - candidates.len();
        rng.shuffle(&mut candidates);
        let mut items: Vec<usize> = Vec::new();
        let mut clashes = 0;
        for p in candidates {
            if items.len() == count {
                break;
            }
            let clash = mode == QuizMode::Order && items.iter().any(|&q| !apart(t, p, q));
            if clash {
                clashes += 1;
            } else {
                items.push(p);
            }
        }
        Quiz {
            mode,
            items,
            seed,
            requested: count,
            pool: pool.len(),
            clashes,
            same_titles,
        }
    }

    /// Why there are fewer items than asked for, if there are.
    pub fn shortfall(&self) -> Option<String> {
        (self.items.len() < self.requested).then(|| {
            fewer(
                self.mode == QuizMode::Order,
                self.items.len(),
                self.requested,
                &self.available(),
            )
        })
    }

    /// What there was to draw from: the events, and those left out for a
    /// title another shares or, in an ordering, for maybe beginning on the
    /// same day as another.
    pub fn available(&self) -> String {
        let mut why = match self.pool {
            0 => "there are no events to ask about".to_string(),
            1 => "there is 1 event to ask about".to_string(),
            n => format!("there are {n} events to ask about"),
        };
        if self.same_titles > 0 {
            why.push_str(&match self.same_titles {
                1 => ", and 1 shares a title with another, so a question about it would have two right answers"
                    .to_string(),
                n => format!(
                    ", and {n} share a title with another, so a question about them would have two right answers"
                ),
            });
        }
        if self.clashes > 0 {
            why.push_str(&match self.clashes {
                1 => ", and 1 may have begun on the same day as another, so it cannot be put in order"
                    .to_string(),
                n => format!(
                    ", and {n} may have begun on the same day as another, so they cannot be put in order"
                ),
            });
        }
        why
    }

    /// The items in timeline order: the answer to an ordering quiz.
    pub fn answer(&self) -> Vec<usize> {
        let mut sorted = self.items.clone();
        sorted.sort();
        sorted
    }
}

/// `n` and the noun for one or for many: "1 question", "2 questions".
pub fn counted(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Why a quiz has fewer than asked for: "1 question, not 5: ...". An
/// ordering is one question of `n` events, so it counts events.
pub fn fewer(ordering: bool, n: usize, requested: usize, why: &str) -> String {
    let what = if ordering {
        counted(n, "event to put in order", "events to put in order")
    } else {
        counted(n, "question", "questions")
    };
    format!("{what}, not {requested}: {why}")
}

/// How an ordering was scored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderScore {
    /// Items in exactly the right place.
    pub in_place: usize,
    /// Pairs put in the right order relative to each other.
    pub pairs_right: usize,
    pub pairs: usize,
}

/// Scores an ordering (timeline positions, first to last as the player put them).
pub fn score_order(order: &[usize]) -> OrderScore {
    let mut sorted = order.to_vec();
    sorted.sort();
    let in_place = order.iter().zip(&sorted).filter(|(a, b)| a == b).count();
    let mut pairs_right = 0;
    let mut pairs = 0;
    for i in 0..order.len() {
        for j in i + 1..order.len() {
            pairs += 1;
            if order[i] < order[j] {
                pairs_right += 1;
            }
        }
    }
    OrderScore {
        in_place,
        pairs_right,
        pairs,
    }
}

/// Points for a year guess: 2 exact, 1 within the tolerance, else 0.
pub fn score_year(t: &Timeline, position: usize, guess: i32) -> u32 {
    let (first, last) = t.event_years(position);
    year_points(first, last, guess)
}

/// Points for a year guess of an event spanning `first` to `last`.
pub fn year_points(first: i32, last: i32, guess: i32) -> u32 {
    if (first..=last).contains(&guess) {
        2
    } else if guess >= first - YEAR_TOLERANCE && guess <= last + YEAR_TOLERANCE {
        1
    } else {
        0
    }
}

/// The events of `pool` whose title no other event of the pool has: a
/// question that names an event by a title two events share ("Cambodia on
/// Tier 2" of 2001 and 2003) has two right answers, so neither is asked.
pub fn with_unique_titles(t: &Timeline, pool: &[usize]) -> Vec<usize> {
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for &p in pool {
        *seen.entry(crate::text::fold(&t.events[p].title)).or_default() += 1;
    }
    pool.iter()
        .copied()
        .filter(|&p| seen.get(&crate::text::fold(&t.events[p].title)) == Some(&1))
        .collect()
}

/// The days an event may have begun on: from its date's first day to the
/// last day of its latest possible start (a date known to the month may
/// have begun on any day of it).
fn start_window(t: &Timeline, p: usize) -> (chrono::NaiveDate, chrono::NaiveDate) {
    let e = &t.events[p];
    (e.date.first_day(), e.dating.latest_start(&e.date).last_day())
}

/// Whether one of two events surely began before the other: their
/// possible first days do not overlap. "2011" and "June 2011" may have
/// begun on the same day; "May 2011" and "June 2011" cannot have.
pub fn apart(t: &Timeline, a: usize, b: usize) -> bool {
    let (a0, a1) = start_window(t, a);
    let (b0, b1) = start_window(t, b);
    a1 < b0 || b1 < a0
}

/// A lesson's events, each once, in timeline order: what a quiz on the
/// lesson draws from.
pub fn lesson_pool(l: &super::lesson::Lesson, t: &Timeline) -> Vec<usize> {
    let mut all: Vec<usize> = l.stops.iter().flat_map(|s| l.events_of(s, t)).collect();
    all.sort();
    all.dedup();
    all
}
