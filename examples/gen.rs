//! Writes a synthetic tipline data file to stdout:
//! `cargo run --release --example gen -- --events N [--seed S] > big.toml`

use std::io::Write;

fn main() {
    let mut events = 1000usize;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let value = args.next().and_then(|v| v.parse::<u64>().ok());
        match (a.as_str(), value) {
            ("--events", Some(v)) => events = v as usize,
            ("--seed", Some(v)) => seed = v,
            _ => {
                eprintln!("usage: gen --events N [--seed S]");
                std::process::exit(2);
            }
        }
    }
    let (s, a, e) = tipline::synth::generate(events, seed);
    let text = tipline::write::to_toml(&s, &a, &e);
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
