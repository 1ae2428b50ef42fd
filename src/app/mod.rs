//! The interactive timeline. A key becomes an [`Action`] through the key
//! table, `App::update` applies it (the one place state changes), and
//! `draw` renders the state; `terminal` runs that loop on a real terminal.

pub mod config;
pub mod draw;
pub mod effect;
pub mod event_loop;
pub mod find;
pub mod hint;
pub mod input;
pub mod key;
mod keyhelp;
pub mod keymap;
pub mod layout;
pub mod line;
mod modal;
pub mod mode;
mod moves;
mod navigate;
pub mod notes;
pub mod panes;
mod pointer;
pub mod presenter;
pub mod quizstate;
pub mod quizui;
mod reading;
pub mod room;
mod seek;
pub mod settings;
pub mod sources;
pub mod state;
pub mod statedir;
pub mod terminal;
pub mod theme;
mod view;

pub use input::{Action, Input, Msg};
pub use mode::{Mode, Pane};
pub use state::{App, Settings};
