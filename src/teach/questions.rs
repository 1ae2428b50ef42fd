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
//!
//! What a question asks about is always among the events in view (a
//! lesson's stops, or the events a query matches): the events to order or
//! date, the figure, the quote, the event whose sourcing is asked, the
//! year's ranking. Wrong options come from elsewhere where the events in
//! view hold too few: the other tiers are every tier the timeline gives
//! and the four tiers there are, and the other publishers of a quote are
//! every publisher of the timeline; the other people a figure may be
//! given by are those who give figures in view. A mixed quiz says which
//! kinds the events in view cannot ask, and why.

use super::owners::{claims, quotes, Owned};
pub use super::owners::{figure_text, nested};
use super::quiz::{apart, counted, fewer, with_unique_titles, Quiz, QuizMode};
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

    /// What the kind asks, as the command line's help says it.
    pub fn asks(self) -> &'static str {
        match self {
            Kind::Order => "Put events in the order they happened",
            Kind::Year => "Type the year of an event",
            Kind::WhichFirst => "Which of two events came first",
            Kind::WhoSaidIt => "Who gave a figure",
            Kind::Corroborated => "Whether more than one independent source confirms an event",
            Kind::Tier => "The US TIP report's tier for Cambodia in a year",
            Kind::WhichSource => "Which publisher a quote comes from",
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

impl Owned {
    fn ground(&self) -> Ground {
        Ground {
            event: self.event,
            sources: self.sources.clone(),
        }
    }
}

/// A question with what its answer rests on, which the screen shows once
/// it is answered.
#[derive(Debug, Clone, PartialEq)]
pub struct Asked {
    pub question: Question,
    pub grounds: Vec<Ground>,
    /// Why the answer is what it is, where the sources listed could seem
    /// to say otherwise (one origin behind several publishers).
    pub reason: Option<String>,
}

impl Asked {
    fn new(question: Question, grounds: Vec<Ground>) -> Asked {
        Asked {
            question,
            grounds,
            reason: None,
        }
    }
}

/// A kind of question a mixed quiz asks none of, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeftOut {
    /// The kind as a student reads it: "the tier in a year".
    pub what: &'static str,
    pub why: String,
}

impl LeftOut {
    /// "the tier in a year (no event in view is a US TIP ranking)".
    pub fn line(&self) -> String {
        format!("{} ({})", self.what, self.why)
    }
}

/// What the matching round of a mixed quiz is called where it is left out.
pub const MATCHING: &str = "matching figures to who gave them";

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
    /// Every kind alone, then every kind mixed: what `--type` takes.
    pub const ALL: [Pick; Kind::ALL.len() + 1] = {
        let mut all = [Pick::Mixed; Kind::ALL.len() + 1];
        let mut i = 0;
        while i < Kind::ALL.len() {
            all[i] = Pick::Only(Kind::ALL[i]);
            i += 1;
        }
        all
    };

    /// Its name on the command line: a kind's own, or `mixed`.
    pub fn name(self) -> &'static str {
        match self {
            Pick::Only(kind) => kind.name(),
            Pick::Mixed => "mixed",
        }
    }

    /// What it asks, as the command line's help says it.
    pub fn asks(self) -> &'static str {
        match self {
            Pick::Only(kind) => kind.asks(),
            Pick::Mixed => "Every type, as the paper quiz mixes them",
        }
    }

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
    /// The kinds a mixed quiz asks none of, and why.
    pub left_out: Vec<LeftOut>,
}

impl Drawn {
    /// The options that draw these questions again, on screen or on paper,
    /// from the same events: `--type tier --seed 7`.
    pub fn options(&self) -> String {
        self.option_words().join(" ")
    }

    /// [`Drawn::options`] a word at a time, as a command line takes them.
    pub fn option_words(&self) -> Vec<String> {
        let mut out = vec!["--type".to_string(), self.pick.name().to_string()];
        if self.count != self.pick.default_count() {
            out.extend(["--count".to_string(), self.count.to_string()]);
        }
        out.extend(["--seed".to_string(), self.seed.to_string()]);
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
    let mut left_out = Vec::new();
    let (asked, shortfall) = match pick {
        Pick::Only(kind) => {
            let (asked, why) = of_kind(t, pool, kind, count, seed);
            let shortfall = (asked_count(&asked, kind) < count)
                .then(|| fewer(kind == Kind::Order, asked_count(&asked, kind), count, &why));
            (asked, shortfall)
        }
        Pick::Mixed => {
            let mut asked = Vec::new();
            for kind in Kind::ALL {
                let (mut more, mut why) = match kind {
                    Kind::Order => of_kind(t, pool, kind, SCREEN_COUNT, seed),
                    _ => of_kind(t, pool, kind, count, seed),
                };
                // Two events to order are a which-came-first question.
                if let Some(Asked {
                    question: Question::Order { items, .. },
                    ..
                }) = more.first()
                {
                    if items.len() < 3 {
                        why = format!(
                            "only {} can be put in order, and an ordering needs three: {why}",
                            counted(items.len(), "event", "events")
                        );
                        more.clear();
                    }
                }
                if more.is_empty() {
                    left_out.push(LeftOut {
                        what: kind.title(),
                        why,
                    });
                }
                asked.extend(more);
            }
            match who_said_what(t, pool, seed) {
                Ok(matching) => asked.push(matching),
                Err(why) => left_out.push(LeftOut { what: MATCHING, why }),
            }
            (asked, None)
        }
    };
    Drawn {
        pick,
        count,
        seed,
        asked,
        shortfall,
        left_out,
    }
}

/// How many of what `--count` counts were drawn: the events of an
/// ordering, else the questions.
fn asked_count(asked: &[Asked], kind: Kind) -> usize {
    match (kind, asked.first()) {
        (
            Kind::Order,
            Some(Asked {
                question: Question::Order { items, .. },
                ..
            }),
        ) => items.len(),
        (Kind::Order, _) => 0,
        _ => asked.len(),
    }
}

/// "no figure in view is", "1 figure in view is", "3 figures in view are".
fn in_view(n: usize, one: &str, many: &str, is: &str, are: &str) -> String {
    match n {
        0 => format!("no {one} in view {is}"),
        1 => format!("1 {one} in view {is}"),
        n => format!("{n} {many} in view {are}"),
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

/// `count` questions of one kind, and what the events in view allow: why
/// there are fewer, if there are.
fn of_kind(t: &Timeline, pool: &[usize], kind: Kind, count: usize, seed: u64) -> (Vec<Asked>, String) {
    let mut rng = rng_for(seed, kind);
    match kind {
        // Order and year draw the events of `Quiz::new` with the seed itself,
        // as `tipline quiz --seed N` always has.
        Kind::Order => {
            let quiz = Quiz::new(t, pool, QuizMode::Order, count, seed);
            (ordering(t, &quiz.items).into_iter().collect(), quiz.available())
        }
        Kind::Year => {
            let quiz = Quiz::new(t, pool, QuizMode::Year, count, seed);
            let asked = quiz.items.iter().map(|&p| year(t, p)).collect();
            (asked, quiz.available())
        }
        Kind::WhichFirst => which_first(t, pool, count, &mut rng),
        Kind::WhoSaidIt => {
            let claims = claims(t, pool);
            let names = claims.names.clone();
            let asked = attribution(&mut rng, count, &claims.pairs, names, Kind::WhoSaidIt, |what| {
                format!("Who gave this figure: {what}?")
            });
            let mut why = format!(
                "{} given by one person alone",
                in_view(claims.pairs.len(), "figure", "figures", "is", "are")
            );
            if let ([name], false) = (distinct(&claims.names).as_slice(), claims.pairs.is_empty()) {
                why.push_str(&format!(
                    ", and every figure in view is {name}'s, so there is no one else to choose"
                ));
            }
            (asked, why)
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
            let why = format!(
                "{} rated corroborated or single source under a title of {}",
                in_view(rated.len(), "event", "events", "is", "are"),
                if rated.len() == 1 { "its own" } else { "their own" }
            );
            (asked, why)
        }
        Kind::Tier => tier(t, pool, count, &mut rng),
        Kind::WhichSource => {
            let quotes = quotes(t, pool);
            let publishers: Vec<String> = t.sources.iter().map(|s| s.publisher.clone()).collect();
            let one_publisher = distinct(&publishers).len() < 2;
            let asked = attribution(&mut rng, count, &quotes, publishers, Kind::WhichSource, |quote| {
                format!("Which source says: “{quote}”")
            });
            let mut why = format!(
                "{} printed by one publisher alone",
                in_view(quotes.len(), "quote", "quotes", "is", "are")
            );
            if one_publisher && !quotes.is_empty() {
                why.push_str(", and every source has one publisher, so there is no other to choose");
            }
            (asked, why)
        }
    }
}

/// The names, each once, in order.
fn distinct(names: &[String]) -> Vec<&str> {
    let mut v: Vec<&str> = names.iter().map(String::as_str).collect();
    v.sort();
    v.dedup();
    v
}

/// An ordering of the events, shown in the order drawn.
fn ordering(t: &Timeline, items: &[usize]) -> Option<Asked> {
    if items.len() < 2 {
        return None;
    }
    let mut answer: Vec<usize> = (0..items.len()).collect();
    answer.sort_by_key(|&i| items[i]);
    Some(Asked::new(
        Question::Order {
            stem: "Put these events in the order they happened, earliest first.".into(),
            items: items.iter().map(|&p| t.events[p].title.clone()).collect(),
            answer,
        },
        items.iter().map(|&p| Ground::of(p)).collect(),
    ))
}

fn year(t: &Timeline, p: usize) -> Asked {
    let (first, last) = t.event_years(p);
    Asked::new(
        Question::Year {
            stem: format!("In which year: {}?", t.events[p].title),
            first,
            last,
        },
        vec![Ground::of(p)],
    )
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
        asked.push(Asked::new(
            Question::Choice {
                kind: Kind::WhichFirst,
                stem: "Which came first?".into(),
                options: vec![t.events[a].title.clone(), t.events[b].title.clone()],
                answer,
            },
            vec![Ground::of(a), Ground::of(b)],
        ));
    }
    let why = match titled.len() {
        0 => "each asks of two events, and no event in view has a title of its own".to_string(),
        1 => "each asks of two events, and only 1 event in view has a title of its own".to_string(),
        n => format!(
            "each asks of two of the {n} events in view with a title of their own, never two that may have begun on the same day"
        ),
    };
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
    let mut asked = Asked::new(
        Question::TrueFalse {
            kind: Kind::Corroborated,
            stem: format!(
                "More than one independent source confirms this event: {}.",
                e.title
            ),
            answer: e.corroboration == Corroboration::Corroborated,
        },
        vec![Ground { event: p, sources }],
    );
    asked.reason = super::sourcing::single_source_reason(t, p);
    asked
}

/// The US tier in a year, from the ranking events of the pool: only years
/// whose rankings, in the whole timeline, all give one tier (one that
/// another ranking of the year contradicts has two right answers).
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
    let mut tiers: Vec<String> = years.iter().map(|y| y.1.clone()).collect();
    for standard in ["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"] {
        tiers.push(standard.to_string());
    }
    tiers.sort();
    tiers.dedup();
    // The years in view, each with its rankings in view.
    let of_pool =
        |events: &[usize]| -> Vec<usize> { events.iter().copied().filter(|p| pool.contains(p)).collect() };
    let mut split_in_view = 0;
    years.retain_mut(|y| {
        y.2 = of_pool(&y.2);
        let whole = !split.contains(&y.0);
        if !whole && !y.2.is_empty() {
            split_in_view += 1;
        }
        whole && !y.2.is_empty()
    });
    let mut asked = Vec::new();
    for i in pick(rng, count, &(0..years.len()).collect::<Vec<_>>()) {
        let (year, tier, events) = &years[i];
        let others: Vec<String> = tiers.iter().filter(|x| *x != tier).cloned().collect();
        let (options, answer) = options_with(rng, tier, &others);
        asked.push(Asked::new(
            Question::Choice {
                kind: Kind::Tier,
                stem: format!("In its {year} report, which tier did the US State Department give Cambodia?"),
                options,
                answer,
            },
            events.iter().map(|&p| Ground::of(p)).collect(),
        ));
    }
    let mut why = format!(
        "{} a US TIP ranking to ask about",
        in_view(years.len(), "year", "years", "has", "have")
    );
    if split_in_view > 0 {
        why.push_str(&format!(
            ", and {} rankings that give different tiers",
            counted(split_in_view, "more has", "more have")
        ));
    }
    (asked, why)
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
            Asked::new(
                Question::Choice {
                    kind,
                    stem: stem(&o.text),
                    options,
                    answer,
                },
                vec![o.ground()],
            )
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
/// seed; asked when there are three figures and two names to match, and
/// otherwise why not.
fn who_said_what(t: &Timeline, pool: &[usize], seed: u64) -> Result<Asked, String> {
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x5eed);
    let mut pairs = claims(t, pool).pairs;
    let all = pairs.len();
    let owners: Vec<String> = pairs.iter().map(|p| p.owner.clone()).collect();
    rng.shuffle(&mut pairs);
    pairs.truncate(4);
    let drawn: Vec<String> = pairs.iter().map(|p| p.owner.clone()).collect();
    if all < 3 {
        let given = in_view(all, "figure", "figures", "is", "are");
        return Err(match all {
            0 => format!("{given} given by one person alone"),
            _ => format!("only {given} given by one person alone, and a matching needs three"),
        });
    }
    if let [name] = distinct(&drawn).as_slice() {
        let why = if distinct(&owners).len() < 2 {
            format!("every figure in view given by one person alone is {name}'s")
        } else {
            format!("the {} figures drawn are all {name}'s", pairs.len())
        };
        return Err(format!("{why}, so there is no one else to match"));
    }
    Ok(Asked::new(
        Question::Matching {
            kind: Kind::WhoSaidIt,
            stem: "Match each figure to the one who gave it.".into(),
            pairs: pairs.iter().map(|o| (o.text.clone(), o.owner.clone())).collect(),
        },
        pairs.iter().map(|o| o.ground()).collect(),
    ))
}
