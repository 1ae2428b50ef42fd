//! Teaching from the timeline: lessons (stops checked against the data) and
//! quizzes built from events.

pub mod lesson;
pub mod paper;
pub mod quiz;
