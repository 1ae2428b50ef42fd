//! tipline: a sourced timeline of Cambodia's responses to human trafficking.
//!
//! The domain (`date`, `model`, `load`, `query`, `facets`, `text`) knows
//! nothing of terminals; the CLI and the app are built on it.
//!
//! ```
//! let timeline = tipline::load::load_embedded();
//! let query = tipline::Query::parse(r#"year:2022 actor:"sar kheng" kind:national-day"#).unwrap();
//! let hits = query.filter(&timeline);
//! assert_eq!(hits.len(), 1);
//! assert_eq!(timeline.events[hits[0]].date.human(), "12 Dec 2022");
//! ```

mod calendar;
mod chunks;
pub mod date;
pub mod diag;
pub mod facets;
mod fields;
pub mod interop;
pub mod lesson;
pub mod load;
pub mod model;
pub mod query;
pub mod quiz;
pub mod synth;
pub mod text;
pub mod write;

pub use date::{PartialDate, Precision};
pub use load::{load, DataFile, Loaded};
pub use model::{Event, Timeline};
pub use query::Query;
pub mod app;
pub mod cli;
