//! How each kind of answer scores, and the score line at the end of a quiz.

use super::questions::{right_sides, Question};
use super::quiz::{counted, score_order, year_points, OrderScore, YEAR_TOLERANCE};

/// An answer to one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Response {
    /// The option chosen, by index.
    Choice(usize),
    TrueFalse(bool),
    Year(i32),
    /// The items (by index) in the order the student put them, first to last.
    Order(Vec<usize>),
    /// For each pair, the index of the right side chosen among
    /// [`right_sides`].
    Matching(Vec<usize>),
}

/// Points earned and points possible: 1 for a right choice or true/false;
/// 2 for a year (1 within the tolerance); 1 for each event of an ordering
/// in its place; 1 for each figure matched to who gave it. An answer of
/// the wrong form earns nothing.
pub fn points(q: &Question, r: &Response) -> (u32, u32) {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    match (q, r) {
        (Question::Choice { answer, .. }, Response::Choice(c)) => (u32::from(c == answer), 1),
        (Question::TrueFalse { answer, .. }, Response::TrueFalse(b)) => (u32::from(b == answer), 1),
        (Question::Year { first, last, .. }, Response::Year(y)) => (year_points(*first, *last, *y), 2),
        (Question::Order { answer, .. }, Response::Order(order)) => {
            (count(order_score(answer, order).in_place), count(answer.len()))
        }
        (Question::Matching { pairs, .. }, Response::Matching(chosen)) => {
            let sides = right_sides(pairs);
            let right = pairs
                .iter()
                .zip(chosen)
                .filter(|((_, owner), &c)| sides.get(c) == Some(&owner.as_str()))
                .count();
            (count(right), count(pairs.len()))
        }
        (q, _) => (0, possible(q)),
    }
}

/// The points a question is worth.
pub fn possible(q: &Question) -> u32 {
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    match q {
        Question::Choice { .. } | Question::TrueFalse { .. } => 1,
        Question::Year { .. } => 2,
        Question::Order { answer, .. } => count(answer.len()),
        Question::Matching { pairs, .. } => count(pairs.len()),
    }
}

/// An ordering's score: `answer` lists the items earliest first, `order`
/// as the student put them.
pub fn order_score(answer: &[usize], order: &[usize]) -> OrderScore {
    // Each item's place in time, in the student's order.
    let places: Vec<usize> = order
        .iter()
        .map(|i| answer.iter().position(|a| a == i).unwrap_or(usize::MAX))
        .collect();
    score_order(&places)
}

/// The score line at the end of a quiz: one kind's own words when the
/// quiz asks one kind, points otherwise.
pub fn score_line(questions: &[Question], responses: &[Response]) -> String {
    let (got, of) = questions
        .iter()
        .zip(responses)
        .map(|(q, r)| points(q, r))
        .fold((0, 0), |(a, b), (c, d)| (a + c, b + d));
    let n = questions.len();
    let all = |f: fn(&Question) -> bool| questions.iter().all(f);
    match (questions, responses) {
        ([Question::Order { answer, .. }], [Response::Order(order)]) => {
            order_line(&order_score(answer, order), order.len())
        }
        _ if all(|q| matches!(q, Question::Year { .. })) => {
            format!("{} (2 for the year, 1 {})", of_points(got, of), within())
        }
        _ if all(|q| matches!(q, Question::Choice { .. } | Question::TrueFalse { .. })) => {
            format!("{got} of {n} right")
        }
        _ => format!(
            "{} (1 for each right answer, each event in its place and each figure matched; \
             2 for a year, 1 {})",
            of_points(got, of),
            within()
        ),
    }
}

/// An ordering's score in words: "3 of 5 in the right place; 7 of 10
/// pairs in the right order".
pub fn order_line(s: &OrderScore, items: usize) -> String {
    format!(
        "{} of {items} in the right place; {} of {} in the right order",
        s.in_place,
        s.pairs_right,
        counted(s.pairs, "pair", "pairs")
    )
}

/// "1 of 2 points", "0 of 1 point".
pub fn of_points(got: u32, of: u32) -> String {
    format!("{got} of {}", counted(of as usize, "point", "points"))
}

/// How close a year guess earns a point: "within 1 year".
pub fn within() -> String {
    format!(
        "within {}",
        counted(YEAR_TOLERANCE.unsigned_abs() as usize, "year", "years")
    )
}
