//! The app without a terminal: `update` driven action by action, and what it draws on ratatui's `TestBackend` (snapshots and styles), for browsing, presenting, quizzes and the notes console.

mod app;
mod async_query;
mod browse;
mod cited;
#[path = "../common/mod.rs"]
mod common;
mod contrast;
mod event_loop;
mod figures;
mod hostile;
mod khmer;
mod links;
mod notes_console;
mod present;
mod prompts;
mod quiz;
mod reading;
mod scales;
mod screens;
mod strip;
mod tiers;
mod widths;
