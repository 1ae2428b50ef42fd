//! What tipline exchanges with other tools: TimelineJS timelines (in and
//! out) and iCalendar files of dated events and yearly observances.

pub mod handout;
pub mod html;
pub mod ics;
pub mod markdown;
pub mod quiz;
pub mod timelinejs;
