//! What a timeline is: events with partial dates, the sources they cite and
//! the actors they name, eras, yearly observances and the glossary.

pub mod date;
pub mod dating;
pub mod figures;
pub mod glossary;
pub mod horizon;
pub mod model;
pub mod phrase;
pub mod sourcing;
pub mod tiers;
mod wording;
pub use wording::{Link, CIRCA_MEANS, QUESTION_MARK_MEANS};
