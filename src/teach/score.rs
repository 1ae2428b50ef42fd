//! How each kind of answer scores, and the score line at the end of a quiz.

use super::questions::{right_sides, Question};
use super::quiz::{score_order, year_points, OrderScore, YEAR_TOLERANCE};

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
            let s = order_score(answer, order);
            format!(
                "{} of {} in the right place; {} of {} pairs in the right order",
                s.in_place,
                order.len(),
                s.pairs_right,
                s.pairs
            )
        }
        _ if all(|q| matches!(q, Question::Year { .. })) => {
            format!("{got} of {of} points (2 for the year, 1 within {YEAR_TOLERANCE} year)")
        }
        _ if all(|q| matches!(q, Question::Choice { .. } | Question::TrueFalse { .. })) => {
            format!("{got} of {n} right")
        }
        _ => format!(
            "{got} of {of} points (1 for each right answer, each event in its place and each figure matched; \
             2 for a year, 1 within {YEAR_TOLERANCE} year)"
        ),
    }
}
