//! tipline: a sourced timeline of Cambodia's responses to human trafficking.
//!
//! The domain (`timeline`, `load`, `query`, `teach`, `text`) knows nothing of
//! terminals; the CLI, the exports, the plain reading (`plain`) and the app
//! are built on it. See
//! ARCHITECTURE.md for the map.
//!
//! ```
//! use tipline::load::{load, DataFile};
//! let text = r#"
//! [[sources]]
//! id = "post"
//! publisher = "The Phnom Penh Post"
//! title = "A report"
//!
//! [[actors]]
//! id = "sar-kheng"
//! name = "Sar Kheng"
//! kind = "person"
//!
//! [[events]]
//! id = "day-2022"
//! date = "2022-12-12"
//! title = "National Day"
//! kind = "national-day"
//! actors = ["sar-kheng"]
//! summary = "A National Day."
//! [[events.sources]]
//! source = "post"
//! quote = "National Day"
//!
//! [[events]]
//! id = "law-2008"
//! date = "2008-02-15"
//! title = "A law"
//! kind = "law"
//! summary = "A law."
//! [[events.sources]]
//! source = "post"
//! quote = "A law"
//! "#;
//! let file = DataFile { name: "mine.toml".into(), text: text.into() };
//! let timeline = load(vec![file]).timeline.unwrap();
//! let query = tipline::Query::parse(r#"year:2022 actor:"sar kheng" kind:national-day"#).unwrap();
//! let hits = query.filter(&timeline);
//! assert_eq!(hits.len(), 1);
//! assert_eq!(timeline.events[hits[0]].date.human(), "12 Dec 2022");
//! ```

pub mod load;
pub mod query;
pub mod teach;
pub mod text;
pub mod timeline;

pub mod interop;
pub mod plain;

pub mod app;
pub mod cli;

#[cfg(feature = "synth")]
pub mod synth;

pub use load::{load, DataFile, Loaded};
pub use query::Query;
pub use timeline::date::{PartialDate, Precision};
pub use timeline::model::{Event, Timeline};
