//! Quizzes for paper and for a learning platform: questions of several
//! kinds drawn from the timeline with a seed, so the same seed gives the
//! same quiz on screen (the order and year items are those of
//! [`Quiz::new`]) and on paper.

use super::quiz::{Quiz, QuizMode};
use crate::timeline::model::{number_text, Corroboration, EventKind, Timeline};

/// The letters of the options of a multiple-choice question.
pub const LETTERS: [char; 4] = ['A', 'B', 'C', 'D'];

/// One question, whatever its kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Question {
    /// Pick one of two to four options; `answer` is the right one's index.
    Choice {
        kind: Kind,
        stem: String,
        options: Vec<String>,
        answer: usize,
    },
    /// True or false.
    TrueFalse { kind: Kind, stem: String, answer: bool },
    /// A year, right anywhere from `first` to `last` (the years an event spans).
    Year { stem: String, first: i32, last: i32 },
    /// Match each left side to its right side (the pairs in their right matching).
    Matching {
        kind: Kind,
        stem: String,
        pairs: Vec<(String, String)>,
    },
    /// Put the items in order; `answer` lists the item indices, earliest first.
    Order {
        stem: String,
        items: Vec<String>,
        answer: Vec<usize>,
    },
}

/// The kinds of question, each drawn from a different part of the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Order,
    Year,
    WhichFirst,
    WhoSaidIt,
    Corroborated,
    Tier,
    WhichSource,
}

impl Question {
    pub fn kind(&self) -> Kind {
        match self {
            Question::Choice { kind, .. }
            | Question::TrueFalse { kind, .. }
            | Question::Matching { kind, .. } => *kind,
            Question::Year { .. } => Kind::Year,
            Question::Order { .. } => Kind::Order,
        }
    }
}

/// How many questions of each kind a paper quiz asks, at most.
const PER_KIND: usize = 2;

/// `tipline quiz`'s default count: the paper ordering asks the same events
/// as `tipline quiz --seed N`, and its year questions are the first two of
/// `tipline quiz --mode year --seed N`.
pub const SCREEN_COUNT: usize = 5;

/// A paper quiz: questions of every kind the pool allows, at most two of
/// each (an ordering of up to five events, year questions, which came first,
/// who said it, corroborated or single source, the US tier in a year,
/// which source says so), in that order, all from `seed`.
pub fn questions(t: &Timeline, pool: &[usize], seed: u64) -> Vec<Question> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut out = Vec::new();
    // Order: the same events, in the same shown order, as the screen quiz.
    let order = Quiz::new(t, pool, QuizMode::Order, SCREEN_COUNT, seed);
    if order.items.len() >= 3 {
        let mut answer: Vec<usize> = (0..order.items.len()).collect();
        answer.sort_by_key(|&i| order.items[i]);
        out.push(Question::Order {
            stem: "Put these events in the order they happened, earliest first.".into(),
            items: order.items.iter().map(|&p| t.events[p].title.clone()).collect(),
            answer,
        });
    }
    // Year: the screen's year quiz items.
    for p in Quiz::new(t, pool, QuizMode::Year, PER_KIND, seed).items {
        let (first, last) = t.event_years(p);
        out.push(Question::Year {
            stem: format!("In which year: {}?", t.events[p].title),
            first,
            last,
        });
    }
    // Which came first: two events that do not start on the same day.
    // Questions that name events by title ask only of titles no other
    // event of the pool shares.
    let titled = super::quiz::with_unique_titles(t, pool);
    let mut shuffled = pick(&mut rng, titled.len(), &titled);
    let mut firsts = 0;
    while firsts < PER_KIND && shuffled.len() >= 2 {
        let a = shuffled.remove(0);
        let Some(j) = shuffled
            .iter()
            .position(|&b| t.events[b].date.first_day() != t.events[a].date.first_day())
        else {
            break;
        };
        let b = shuffled.remove(j);
        let answer = usize::from(t.events[b].date.first_day() < t.events[a].date.first_day());
        out.push(Question::Choice {
            kind: Kind::WhichFirst,
            stem: "Which came first?".into(),
            options: vec![t.events[a].title.clone(), t.events[b].title.clone()],
            answer,
        });
        firsts += 1;
    }
    // Who said it: a figure to the one it is attributed to.
    let claims: Vec<(String, String)> = pool
        .iter()
        .flat_map(|&p| t.events[p].figures.iter())
        .filter_map(|f| {
            let who = t.actor(f.according_to.as_deref()?)?.name.clone();
            let mut what = format!("{} {}", number_text(f.value), f.label);
            if let Some(u) = &f.unit {
                what.push_str(&format!(" ({u})"));
            }
            Some((what, who))
        })
        .collect();
    let claimants: Vec<String> = claims.iter().map(|c| c.1.clone()).collect();
    attribution(&mut rng, &claims, claimants, Kind::WhoSaidIt, &mut out, |what| {
        format!("Who gave this figure: {what}?")
    });
    // Corroborated or single source.
    let rated: Vec<usize> = titled
        .iter()
        .copied()
        .filter(|&p| {
            matches!(
                t.events[p].corroboration,
                Corroboration::Corroborated | Corroboration::SingleSource
            )
        })
        .collect();
    for p in pick(&mut rng, PER_KIND, &rated) {
        out.push(Question::TrueFalse {
            kind: Kind::Corroborated,
            stem: format!(
                "More than one independent source confirms this event: {}.",
                t.events[p].title
            ),
            answer: t.events[p].corroboration == Corroboration::Corroborated,
        });
    }
    // The US tier in a year, from the ranking events of the whole timeline.
    let ranked: Vec<(i32, String)> = t
        .events
        .iter()
        .filter(|e| e.kind == EventKind::Ranking)
        .filter_map(|e| Some((e.date.year_number(), e.ranking.clone()?)))
        .collect();
    let mut tiers: Vec<String> = ranked.iter().map(|r| r.1.clone()).collect();
    for standard in ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"] {
        tiers.push(standard.to_string());
    }
    tiers.sort();
    tiers.dedup();
    let in_pool: Vec<usize> = (0..ranked.len())
        .filter(|&i| {
            pool.iter().any(|&p| {
                t.events[p].kind == EventKind::Ranking && t.events[p].date.year_number() == ranked[i].0
            })
        })
        .collect();
    let from = if in_pool.is_empty() {
        (0..ranked.len()).collect()
    } else {
        in_pool
    };
    for i in pick(&mut rng, PER_KIND, &from) {
        let (year, tier) = &ranked[i];
        let others: Vec<String> = tiers.iter().filter(|x| *x != tier).cloned().collect();
        let (options, answer) = options_with(&mut rng, tier, &others);
        out.push(Question::Choice {
            kind: Kind::Tier,
            stem: format!("In its {year} report, which tier did the US State Department give Cambodia?"),
            options,
            answer,
        });
    }
    // Which source says so: a verbatim quote to its publisher.
    let quotes: Vec<(String, String)> = pool
        .iter()
        .flat_map(|&p| t.events[p].sources.iter())
        .filter(|c| !c.quote.trim().is_empty())
        .filter_map(|c| {
            let quote = nested(&c.quote);
            Some((quote, t.source(&c.source)?.publisher.clone()))
        })
        .collect();
    let publishers: Vec<String> = t.sources.iter().map(|s| s.publisher.clone()).collect();
    attribution(
        &mut rng,
        &quotes,
        publishers,
        Kind::WhichSource,
        &mut out,
        |quote| format!("Which source says: “{quote}”"),
    );
    out
}

/// The right option among up to three others, shuffled: the options and
/// where the right one went.
/// `n` of `from`, in a random order.
fn pick(rng: &mut fastrand::Rng, n: usize, from: &[usize]) -> Vec<usize> {
    let mut v = from.to_vec();
    rng.shuffle(&mut v);
    v.truncate(n);
    v
}

/// Questions that ask who a text belongs to: for up to `PER_KIND` of the
/// `(text, owner)` pairs, the owner among other names from `names`. Asked
/// only when there are two names to choose between.
fn attribution(
    rng: &mut fastrand::Rng,
    pairs: &[(String, String)],
    mut names: Vec<String>,
    kind: Kind,
    out: &mut Vec<Question>,
    stem: impl Fn(&str) -> String,
) {
    names.sort();
    names.dedup();
    if names.len() < 2 {
        return;
    }
    for i in pick(
        rng,
        PER_KIND.min(pairs.len()),
        &(0..pairs.len()).collect::<Vec<_>>(),
    ) {
        let (text, owner) = &pairs[i];
        let others: Vec<String> = names.iter().filter(|n| *n != owner).cloned().collect();
        let (options, answer) = options_with(rng, owner, &others);
        out.push(Question::Choice {
            kind,
            stem: stem(text),
            options,
            answer,
        });
    }
}

fn options_with(rng: &mut fastrand::Rng, right: &str, others: &[String]) -> (Vec<String>, usize) {
    let mut wrong = others.to_vec();
    rng.shuffle(&mut wrong);
    wrong.truncate(LETTERS.len() - 1);
    let at = rng.usize(..=wrong.len());
    wrong.insert(at, right.to_string());
    (wrong, at)
}

/// Every figure attributed to someone in the pool, for a matching question
/// ("who said it?"): at most four pairs, figure to claimant, from the seed.
pub fn who_said_what(t: &Timeline, pool: &[usize], seed: u64) -> Option<Question> {
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed);
    let mut pairs: Vec<(String, String)> = pool
        .iter()
        .flat_map(|&p| t.events[p].figures.iter())
        .filter_map(|f| {
            let who = t.actor(f.according_to.as_deref()?)?.name.clone();
            let mut what = format!("{} {}", number_text(f.value), f.label);
            if let Some(u) = &f.unit {
                what.push_str(&format!(" ({u})"));
            }
            Some((what, who))
        })
        .collect();
    rng.shuffle(&mut pairs);
    pairs.truncate(4);
    let mut who: Vec<&String> = pairs.iter().map(|p| &p.1).collect();
    who.sort();
    who.dedup();
    (pairs.len() >= 3 && who.len() >= 2).then(|| Question::Matching {
        kind: Kind::WhoSaidIt,
        stem: "Match each figure to the one who gave it.".into(),
        pairs,
    })
}

/// A quote to print inside double quotation marks: quotation marks that
/// enclose the whole of it are dropped, and those inside become single
/// ones, as nested quotations are written. Trimming marks off either end
/// alone would cut the closing mark of a quotation inside it
/// ("as a “Tier 2”" printed as `“as a “Tier 2”`).
pub fn nested(quote: &str) -> String {
    let q = quote.trim();
    let whole = q.len() >= 2
        && (q.starts_with('“') && q.ends_with('”') || q.starts_with('"') && q.ends_with('"'))
        && q.chars().count() >= 2;
    let first = q.chars().next().map_or(0, char::len_utf8);
    let last = q.chars().next_back().map_or(0, char::len_utf8);
    // `“A” and “B”` starts and ends with marks that are not a pair.
    let inner = if whole && !q[first..q.len() - last].contains(['“', '”', '"']) {
        &q[first..q.len() - last]
    } else {
        q
    };
    inner.replace('“', "‘").replace('”', "’")
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotations_inside_a_quote_become_single() {
        use super::nested;
        assert_eq!(
            nested("keeping the country as a “Tier 2” country"),
            "keeping the country as a ‘Tier 2’ country"
        );
        assert_eq!(nested("as a “Tier 2”"), "as a ‘Tier 2’");
        assert_eq!(nested("“All of it quoted”"), "All of it quoted");
        assert_eq!(nested("\"Plain marks\""), "Plain marks");
        assert_eq!(nested("“"), "‘");
        assert_eq!(nested("“A” and “B”"), "‘A’ and ‘B’");
    }
}
