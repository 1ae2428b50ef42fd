//! The panes, each with its state next to its drawing code. Drawing is a
//! pure function of the state; only visible rows are built, so drawing costs
//! the same for forty events or a million.

pub mod copy;
pub mod detail;
pub mod figures;
pub mod filter;
pub mod glossary;
pub mod help;
pub mod loading;
pub mod picker;
pub mod present;
pub mod runs;
pub mod strip;
pub mod tiers;
pub mod timeline;
pub mod widgets;
