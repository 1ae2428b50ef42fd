//! Teaching from the timeline: lessons (stops checked against the data) and
//! quizzes built from events.

pub mod lesson;
pub mod questions;
pub mod quiz;
pub mod score;
