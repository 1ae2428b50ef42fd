//! Loading a synthetic file against `toml::from_str` of the same text, one
//! after the other in pairs, so both see the machine at the same speed:
//! `cargo run --release --example loadratio -- --events N [--seed S]`
//!
//! A shared machine's speed changes from minute to minute; criterion times
//! all samples of one side before the other's, so a change between them
//! shows as a difference between the two. Here each pair's ratio is taken
//! alone and the median of the pairs reported (`LOADRATIO_PAIRS` pairs,
//! 9 unless set). As in the criterion bench, neither side is timed freeing
//! what it made; the timeline's freeing is reported on its own.

#[path = "shared/args.rs"]
mod args;

use std::time::{Duration, Instant};
use tipline::load::{load, DataFile};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let (events, seed) = args::events_and_seed("loadratio", 100_000);
    let pairs: usize = std::env::var("LOADRATIO_PAIRS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(9);
    let (s, a, e) = tipline::synth::generate(events, seed);
    let text = tipline::load::write::to_toml(&s, &a, &e);
    let secs = |d: Duration| d.as_secs_f64();
    let (mut ratios, mut ours, mut theirs, mut frees) = (vec![], vec![], vec![], vec![]);
    for _ in 0..pairs {
        let files = vec![DataFile {
            name: "big.toml".into(),
            text: text.clone(),
        }];
        let start = Instant::now();
        let loaded = load(files);
        let took = secs(start.elapsed());
        assert!(loaded.timeline.is_some(), "the generated file loads");
        let start = Instant::now();
        drop(loaded);
        frees.push(secs(start.elapsed()));
        let start = Instant::now();
        let table = toml::from_str::<toml::Table>(&text);
        let toml_took = secs(start.elapsed());
        assert!(table.is_ok(), "toml reads the generated file");
        drop(table);
        ratios.push(took / toml_took);
        ours.push(took);
        theirs.push(toml_took);
    }
    println!("events={events} pairs={pairs} bytes={}", text.len());
    println!(
        "load_s={:.3} toml_s={:.3} free_s={:.3} (medians)",
        median(ours),
        median(theirs),
        median(frees)
    );
    let (low, high) = ratios
        .iter()
        .fold((f64::MAX, 0f64), |(l, h), &r| (l.min(r), h.max(r)));
    println!(
        "ratio_median={:.3} ratio_min={low:.3} ratio_max={high:.3}",
        median(ratios)
    );
}
