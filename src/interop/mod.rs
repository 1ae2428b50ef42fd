//! What tipline exchanges with other tools: TimelineJS timelines (in and
//! out), iCalendar files of dated events and yearly observances, and the
//! cited sources for reference managers (CSL-JSON, BibTeX, RIS; in and out).

pub mod bib_guard;
pub mod bib_scan;
pub mod citations;
pub mod handout;
pub mod html;
pub mod ics;
pub mod item_type;
pub mod markdown;
pub mod quiz;
pub mod reference_import;
pub mod timelinejs;
