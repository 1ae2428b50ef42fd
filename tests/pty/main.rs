//! The real binary in a pseudo-terminal.

#[path = "../common/mod.rs"]
mod common;
mod pty;
