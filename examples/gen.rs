//! Writes a synthetic tipline data file to stdout:
//! `cargo run --release --example gen -- --events N [--seed S] > big.toml`

#[path = "shared/args.rs"]
mod args;

use std::io::Write;

fn main() {
    let (events, seed) = args::events_and_seed("gen", 1000);
    let (s, a, e) = tipline::synth::generate(events, seed);
    let text = tipline::load::write::to_toml(&s, &a, &e);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
