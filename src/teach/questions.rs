//! Questions of seven kinds drawn from the timeline with a seed: the one
//! drawing that `tipline quiz` asks at the terminal and `tipline export
//! quiz` prints on paper or writes for a learning platform, so the same
//! seed, events and count give the same questions on screen and on paper.
//!
//! Every kind draws with a generator of its own, seeded from the quiz's
//! seed and the kind, and takes its questions in a shuffled order, so the
//! first questions of a kind are the same however many are asked: the
//! mixed quiz's two tier questions are the first two of `--type tier`.
//!
//! A question is asked only when its answer is the one right answer the
//! events in view allow: events are named only by titles no other event
//! of the pool has, put in order only when their dates cannot have begun
//! on the same day, a figure or a quote is asked about only when one
//! person or one publisher alone gives it, and a year's tier only when
//! every ranking of that year gives the same tier.

use super::quiz::{apart, with_unique_titles, Quiz, QuizMode};
use crate::timeline::model::{Corroboration, EventKind, Timeline};

/// The letters of the options of a multiple-choice question.
pub const LETTERS: [char; 4] = ['A', 'B', 'C', 'D'];

/// One question, whatever its kind, as a sheet prints it.
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

impl Kind {
    /// Every kind, in the order a mixed quiz asks them.
    pub const ALL: [Kind; 7] = [
        Kind::Order,
        Kind::Year,
        Kind::WhichFirst,
        Kind::WhoSaidIt,
        Kind::Corroborated,
        Kind::Tier,
        Kind::WhichSource,
    ];

    /// The kind's name on the command line (`--type which-first`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Order => "order",
            Kind::Year => "year",
            Kind::WhichFirst => "which-first",
            Kind::WhoSaidIt => "who-said-it",
            Kind::Corroborated => "corroborated",
            Kind::Tier => "tier",
            Kind::WhichSource => "which-source",
        }
    }

    /// The kind as a student reads it above a question.
    pub fn title(self) -> &'static str {
        match self {
            Kind::Order => "put in order",
            Kind::Year => "the year",
            Kind::WhichFirst => "which came first",
            Kind::WhoSaidIt => "who said it",
            Kind::Corroborated => "corroborated or single source",
            Kind::Tier => "the tier in a year",
            Kind::WhichSource => "which source says so",
        }
    }
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

    pub fn stem(&self) -> &str {
        match self {
            Question::Choice { stem, .. }
            | Question::TrueFalse { stem, .. }
            | Question::Year { stem, .. }
            | Question::Matching { stem, .. }
            | Question::Order { stem, .. } => stem,
        }
    }
}

/// A matching question's right-hand sides, each once, in a fixed order
/// (alphabetical): the sheet letters them so, and the screen offers them so.
pub fn right_sides(pairs: &[(String, String)]) -> Vec<&str> {
    let mut v: Vec<&str> = pairs.iter().map(|p| p.1.as_str()).collect();
    v.sort();
    v.dedup();
    v
}

/// What a question's answer rests on: an event, and the sources (ids)
/// that say it; none named means the event's first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ground {
    pub event: usize,
    pub sources: Vec<String>,
}

impl Ground {
    fn of(event: usize) -> Ground {
        Ground {
            event,
            sources: Vec::new(),
        }
    }
}

/// A question with what its answer rests on, which the screen shows once
/// it is answered.
#[derive(Debug, Clone, PartialEq)]
pub struct Asked {
    pub question: Question,
    pub grounds: Vec<Ground>,
}

/// Which questions a quiz asks: one kind, or every kind as a paper quiz mixes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Only(Kind),
    Mixed,
}

/// How many questions of each kind a mixed quiz asks, at most.
pub const PER_KIND: usize = 2;

/// How many events an ordering puts in order unless told, in a mixed quiz
/// always; and how many questions one kind asks unless told.
pub const SCREEN_COUNT: usize = 5;

impl Pick {
    /// The count when none is given: five (events to order, or questions of
    /// the kind), or for a mixed quiz two of each kind.
    pub fn default_count(self) -> usize {
        match self {
            Pick::Mixed => PER_KIND,
            Pick::Only(_) => SCREEN_COUNT,
        }
    }
}

/// The questions of a quiz, with the seed they came from and, when there
/// are fewer than asked for, why.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    pub pick: Pick,
    pub count: usize,
    pub seed: u64,
    pub asked: Vec<Asked>,
    pub shortfall: Option<String>,
}

impl Drawn {
    /// The options that draw these questions again, on screen or on paper,
    /// from the same events: `--type tier --seed 7`.
    pub fn options(&self) -> String {
        let mut out = match self.pick {
            Pick::Only(kind) => format!("--type {} ", kind.name()),
            Pick::Mixed => "--type mixed ".into(),
        };
        if self.count != self.pick.default_count() {
            out.push_str(&format!("--count {} ", self.count));
        }
        out.push_str(&format!("--seed {}", self.seed));
        out
    }

    /// The questions alone, as a sheet prints them.
    pub fn questions(&self) -> Vec<Question> {
        self.asked.iter().map(|a| a.question.clone()).collect()
    }
}

/// The one drawing of a quiz, on screen and on paper. With one kind,
/// `count` questions of it (for an ordering, one question of `count`
/// events); mixed, an ordering of five events, then `count` questions of
/// each other kind, then a matching of figures to who gave them: every
/// kind the pool allows, in the order of [`Kind::ALL`].
pub fn draw(t: &Timeline, pool: &[usize], pick: Pick, count: usize, seed: u64) -> Drawn {
    let (asked, shortfall) = match pick {
        Pick::Only(kind) => of_kind(t, pool, kind, count, seed),
        Pick::Mixed => {
            let mut asked = Vec::new();
            for kind in Kind::ALL {
                let (mut more, _) = match kind {
                    Kind::Order => of_kind(t, pool, kind, SCREEN_COUNT, seed),
                    _ => of_kind(t, pool, kind, count, seed),
                };
                // Two events to order are a which-came-first question.
                more.retain(|a| !matches!(&a.question, Question::Order { items, .. } if items.len() < 3));
                asked.extend(more);
            }
            asked.extend(who_said_what(t, pool, seed));
            (asked, None)
        }
    };
    Drawn {
        pick,
        count,
        seed,
        asked,
        shortfall,
    }
}

/// The paper quiz's questions: the mixed drawing with two of each kind.
pub fn questions(t: &Timeline, pool: &[usize], seed: u64) -> Vec<Question> {
    draw(t, pool, Pick::Mixed, PER_KIND, seed).questions()
}

/// A generator for one kind: the same seed gives each kind its own
/// sequence, so what one kind draws never moves another's questions.
fn rng_for(seed: u64, kind: Kind) -> fastrand::Rng {
    let salt = (kind as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    fastrand::Rng::with_seed(seed ^ salt)
}

/// `count` questions of one kind, and why there are fewer if there are.
fn of_kind(
    t: &Timeline,
    pool: &[usize],
    kind: Kind,
    count: usize,
    seed: u64,
) -> (Vec<Asked>, Option<String>) {
    let mut rng = rng_for(seed, kind);
    let (asked, available) = match kind {
        // Order and year draw the events of `Quiz::new` with the seed itself,
        // as `tipline quiz --seed N` always has.
        Kind::Order => {
            let quiz = Quiz::new(t, pool, QuizMode::Order, count, seed);
            let asked = ordering(t, &quiz.items).into_iter().collect();
            return (asked, quiz.shortfall());
        }
        Kind::Year => {
            let quiz = Quiz::new(t, pool, QuizMode::Year, count, seed);
            let asked = quiz.items.iter().map(|&p| year(t, p)).collect();
            return (asked, quiz.shortfall());
        }
        Kind::WhichFirst => which_first(t, pool, count, &mut rng),
        Kind::WhoSaidIt => {
            let claims = claims(t, pool);
            let names = claims.names.clone();
            let asked = attribution(&mut rng, count, &claims.pairs, names, Kind::WhoSaidIt, |what| {
                format!("Who gave this figure: {what}?")
            });
            (
                asked,
                format!(
                    "{} figures in view are given by one person alone",
                    claims.pairs.len()
                ),
            )
        }
        Kind::Corroborated => {
            let rated: Vec<usize> = with_unique_titles(t, pool)
                .into_iter()
                .filter(|&p| {
                    matches!(
                        t.events[p].corroboration,
                        Corroboration::Corroborated | Corroboration::SingleSource
                    )
                })
                .collect();
            let asked = pick(&mut rng, count, &rated)
                .into_iter()
                .map(|p| corroborated(t, p))
                .collect();
            (
                asked,
                format!(
                    "{} events in view are rated corroborated or single source under a title of their own",
                    rated.len()
                ),
            )
        }
        Kind::Tier => tier(t, pool, count, &mut rng),
        Kind::WhichSource => {
            let quotes = quotes(t, pool);
            let publishers: Vec<String> = t.sources.iter().map(|s| s.publisher.clone()).collect();
            let asked = attribution(&mut rng, count, &quotes, publishers, Kind::WhichSource, |quote| {
                format!("Which source says: “{quote}”")
            });
            (
                asked,
                format!("{} quotes in view are given by one publisher alone", quotes.len()),
            )
        }
    };
    let shortfall =
        (asked.len() < count).then(|| format!("{} questions, not {count}: {available}", asked.len()));
    (asked, shortfall)
}

/// An ordering of the events, shown in the order drawn.
fn ordering(t: &Timeline, items: &[usize]) -> Option<Asked> {
    if items.len() < 2 {
        return None;
    }
    let mut answer: Vec<usize> = (0..items.len()).collect();
    answer.sort_by_key(|&i| items[i]);
    Some(Asked {
        question: Question::Order {
            stem: "Put these events in the order they happened, earliest first.".into(),
            items: items.iter().map(|&p| t.events[p].title.clone()).collect(),
            answer,
        },
        grounds: items.iter().map(|&p| Ground::of(p)).collect(),
    })
}

fn year(t: &Timeline, p: usize) -> Asked {
    let (first, last) = t.event_years(p);
    Asked {
        question: Question::Year {
            stem: format!("In which year: {}?", t.events[p].title),
            first,
            last,
        },
        grounds: vec![Ground::of(p)],
    }
}

/// Which came first: pairs of events with titles of their own whose dates
/// cannot have begun on the same day.
fn which_first(t: &Timeline, pool: &[usize], count: usize, rng: &mut fastrand::Rng) -> (Vec<Asked>, String) {
    let titled = with_unique_titles(t, pool);
    let mut shuffled = titled.clone();
    rng.shuffle(&mut shuffled);
    let mut asked = Vec::new();
    while asked.len() < count && shuffled.len() >= 2 {
        let a = shuffled.remove(0);
        let Some(j) = shuffled.iter().position(|&b| apart(t, a, b)) else {
            continue;
        };
        let b = shuffled.remove(j);
        let answer = usize::from(t.events[b].date.first_day() < t.events[a].date.first_day());
        asked.push(Asked {
            question: Question::Choice {
                kind: Kind::WhichFirst,
                stem: "Which came first?".into(),
                options: vec![t.events[a].title.clone(), t.events[b].title.clone()],
                answer,
            },
            grounds: vec![Ground::of(a), Ground::of(b)],
        });
    }
    let why = format!(
        "each asks of two of the {} events in view with a title of their own, never two that may have begun on the same day",
        titled.len()
    );
    (asked, why)
}

fn corroborated(t: &Timeline, p: usize) -> Asked {
    let e = &t.events[p];
    let mut sources: Vec<String> = Vec::new();
    for c in &e.sources {
        if !sources.contains(&c.source) {
            sources.push(c.source.clone());
        }
    }
    Asked {
        question: Question::TrueFalse {
            kind: Kind::Corroborated,
            stem: format!(
                "More than one independent source confirms this event: {}.",
                e.title
            ),
            answer: e.corroboration == Corroboration::Corroborated,
        },
        grounds: vec![Ground { event: p, sources }],
    }
}

/// The US tier in a year, from the ranking events of the whole timeline:
/// the years the pool has a ranking of (every year, if it has none), and
/// only years whose rankings all give one tier.
fn tier(t: &Timeline, pool: &[usize], count: usize, rng: &mut fastrand::Rng) -> (Vec<Asked>, String) {
    let mut years: Vec<(i32, String, Vec<usize>)> = Vec::new();
    let mut split = Vec::new();
    for (p, e) in t.events.iter().enumerate() {
        let (EventKind::Ranking, Some(tier)) = (e.kind, &e.ranking) else {
            continue;
        };
        let year = e.date.year_number();
        match years.iter_mut().find(|y| y.0 == year) {
            Some(y) if &y.1 == tier => y.2.push(p),
            Some(_) => split.push(year),
            None => years.push((year, tier.clone(), vec![p])),
        }
    }
    years.retain(|y| !split.contains(&y.0));
    let mut tiers: Vec<String> = years.iter().map(|y| y.1.clone()).collect();
    for standard in ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"] {
        tiers.push(standard.to_string());
    }
    tiers.sort();
    tiers.dedup();
    let in_pool: Vec<usize> = (0..years.len())
        .filter(|&i| years[i].2.iter().any(|p| pool.contains(p)))
        .collect();
    let from = if in_pool.is_empty() {
        (0..years.len()).collect()
    } else {
        in_pool
    };
    let mut asked = Vec::new();
    for i in pick(rng, count, &from) {
        let (year, tier, events) = &years[i];
        let others: Vec<String> = tiers.iter().filter(|x| *x != tier).cloned().collect();
        let (options, answer) = options_with(rng, tier, &others);
        asked.push(Asked {
            question: Question::Choice {
                kind: Kind::Tier,
                stem: format!("In its {year} report, which tier did the US State Department give Cambodia?"),
                options,
                answer,
            },
            grounds: events.iter().map(|&p| Ground::of(p)).collect(),
        });
    }
    (
        asked,
        format!("{} years have a US TIP ranking to ask about", from.len()),
    )
}

/// A text and whom it belongs to (a figure and who gave it, a quote and
/// its publisher), with what says so.
#[derive(Debug, Clone)]
struct Owned {
    text: String,
    owner: String,
    ground: Ground,
}

/// The figures of the pool attributed to someone, and every name they are
/// attributed to.
struct Claims {
    pairs: Vec<Owned>,
    names: Vec<String>,
}

fn claims(t: &Timeline, pool: &[usize]) -> Claims {
    let all: Vec<usize> = (0..t.events.len()).collect();
    let pairs = figures_of(t, pool);
    let names = pairs.iter().map(|o| o.owner.clone()).collect();
    Claims {
        pairs: one_owner(pairs, &figures_of(t, &all)),
        names,
    }
}

/// The figures of some events that name who gave them.
fn figures_of(t: &Timeline, events: &[usize]) -> Vec<Owned> {
    let mut pairs = Vec::new();
    for &p in events {
        let e = &t.events[p];
        for f in &e.figures {
            let Some(who) = f.according_to.as_deref().and_then(|id| t.actor(id)) else {
                continue;
            };
            let text = f.words().phrase();
            // A figure that names no source is given by all of them.
            let sources = if f.sources.is_empty() {
                let mut all: Vec<String> = e.sources.iter().map(|c| c.source.clone()).collect();
                all.dedup();
                all
            } else {
                f.sources.clone()
            };
            pairs.push(Owned {
                text,
                owner: who.name.clone(),
                ground: Ground { event: p, sources },
            });
        }
    }
    pairs
}

/// The verbatim quotes of the pool with their publishers.
fn quotes(t: &Timeline, pool: &[usize]) -> Vec<Owned> {
    let all: Vec<usize> = (0..t.events.len()).collect();
    one_owner(quotes_of(t, pool), &quotes_of(t, &all))
}

fn quotes_of(t: &Timeline, events: &[usize]) -> Vec<Owned> {
    let mut pairs = Vec::new();
    for &p in events {
        for c in &t.events[p].sources {
            if c.quote.trim().is_empty() {
                continue;
            }
            let Some(source) = t.source(&c.source) else {
                continue;
            };
            pairs.push(Owned {
                text: nested(&c.quote),
                owner: source.publisher.clone(),
                ground: Ground {
                    event: p,
                    sources: vec![c.source.clone()],
                },
            });
        }
    }
    pairs
}

/// The pairs whose text one owner alone has in `everywhere` (the whole
/// timeline), each text once: a figure two people gave, or a quote two
/// publishers print, would have two right answers.
fn one_owner(pairs: Vec<Owned>, everywhere: &[Owned]) -> Vec<Owned> {
    let key = |o: &Owned| crate::text::fold(&o.text);
    let mut owners: std::collections::HashMap<String, Vec<&str>> = std::collections::HashMap::new();
    for o in pairs.iter().chain(everywhere) {
        let v = owners.entry(key(o)).or_default();
        if !v.contains(&o.owner.as_str()) {
            v.push(&o.owner);
        }
    }
    let mut seen = std::collections::HashSet::new();
    pairs
        .iter()
        .filter(|o| owners[&key(o)].len() == 1 && seen.insert(key(o)))
        .cloned()
        .collect()
}

/// `n` of `from`, in a random order.
fn pick(rng: &mut fastrand::Rng, n: usize, from: &[usize]) -> Vec<usize> {
    let mut v = from.to_vec();
    rng.shuffle(&mut v);
    v.truncate(n);
    v
}

/// Questions that ask who a text belongs to: for up to `count` of the
/// pairs, the owner among other names from `names`. Asked only when there
/// are two names to choose between.
fn attribution(
    rng: &mut fastrand::Rng,
    count: usize,
    pairs: &[Owned],
    mut names: Vec<String>,
    kind: Kind,
    stem: impl Fn(&str) -> String,
) -> Vec<Asked> {
    names.sort();
    names.dedup();
    if names.len() < 2 {
        return Vec::new();
    }
    pick(rng, count, &(0..pairs.len()).collect::<Vec<_>>())
        .into_iter()
        .map(|i| {
            let o = &pairs[i];
            let others: Vec<String> = names.iter().filter(|n| **n != o.owner).cloned().collect();
            let (options, answer) = options_with(rng, &o.owner, &others);
            Asked {
                question: Question::Choice {
                    kind,
                    stem: stem(&o.text),
                    options,
                    answer,
                },
                grounds: vec![o.ground.clone()],
            }
        })
        .collect()
}

/// The right option among up to three others, shuffled: the options and
/// where the right one went.
fn options_with(rng: &mut fastrand::Rng, right: &str, others: &[String]) -> (Vec<String>, usize) {
    let mut wrong = others.to_vec();
    rng.shuffle(&mut wrong);
    wrong.truncate(LETTERS.len() - 1);
    let at = rng.usize(..=wrong.len());
    wrong.insert(at, right.to_string());
    (wrong, at)
}

/// A matching question of up to four figures to who gave them, from the
/// seed; asked when there are three figures and two names to match.
fn who_said_what(t: &Timeline, pool: &[usize], seed: u64) -> Option<Asked> {
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed);
    let mut pairs = claims(t, pool).pairs;
    rng.shuffle(&mut pairs);
    pairs.truncate(4);
    let mut who: Vec<&String> = pairs.iter().map(|p| &p.owner).collect();
    who.sort();
    who.dedup();
    (pairs.len() >= 3 && who.len() >= 2).then(|| Asked {
        question: Question::Matching {
            kind: Kind::WhoSaidIt,
            stem: "Match each figure to the one who gave it.".into(),
            pairs: pairs.iter().map(|o| (o.text.clone(), o.owner.clone())).collect(),
        },
        grounds: pairs.iter().map(|o| o.ground.clone()).collect(),
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
