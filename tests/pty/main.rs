//! The real binary in a pseudo-terminal: Unix terminals only, read
//! through termios; Windows consoles are not pseudo-terminals.
#![cfg(unix)]

#[path = "../common/mod.rs"]
mod common;
mod khmer;
mod pty;
mod quiz;
mod room;
mod session;
