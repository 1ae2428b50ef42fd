//! Teaching from the timeline: lessons (stops checked against the data) and
//! quizzes built from events.

pub mod lesson;
mod owners;
pub mod questions;
pub mod quiz;
pub mod score;
pub mod sourcing;
