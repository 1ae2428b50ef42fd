//! Where the time of a word query goes on a large synthetic timeline: the
//! word index's build, the index lookup and counting (on the worker), and
//! putting the result on screen (on the input thread), each word and each
//! prefix typed on the way to it:
//! `cargo run --release --example wordquery -- --events N [--seed S]`

#[path = "shared/args.rs"]
mod args;

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::time::{Duration, Instant};
use tipline::app::{draw as ui, App, Input, Msg};
use tipline::query::index::WordIndex;
use tipline::query::Faceted;
use tipline::Query;

const WORDS: &[&str] = &[
    "court", "ministry", "victims", "hotline", "police", "decree", "survey", "border",
];

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The median and the slowest of `runs` timings of `f`.
fn timed(runs: usize, mut f: impl FnMut()) -> (f64, f64) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (ms(times[runs / 2]), ms(times[runs - 1]))
}

fn main() {
    let (events, seed) = args::events_and_seed("wordquery", 1_000_000);
    let start = Instant::now();
    let timeline = tipline::synth::timeline(events, seed);
    println!("timeline of {events} events: {:.0} ms", ms(start.elapsed()));
    let start = Instant::now();
    let index = WordIndex::new(&timeline);
    println!("index: {:.0} ms", ms(start.elapsed()));
    println!("index: {}", index.size());

    println!("{:<10} {:>8} {:>10} {:>10}", "query", "hits", "p50 ms", "max ms");
    let mut out = Faceted::empty(&timeline);
    for word in WORDS {
        for k in 1..=word.len() {
            let q = Query::parse(&word[..k]).expect("a word");
            let (p50, max) = timed(5, || {
                assert!(q.faceted_by_index(&timeline, &index, &mut out));
            });
            println!("{:<10} {:>8} {p50:>10.2} {max:>10.2}", &word[..k], out.hits.len());
        }
    }

    // Queries the index does not answer, searched as the app does in the
    // background (all cores but one): toggling facet values, a word with one.
    println!("{:<22} {:>8} {:>10} {:>10}", "query", "hits", "p50 ms", "max ms");
    for text in [
        "kind:law",
        "kind:law kind:report",
        "tag:law",
        "year:2050",
        "court kind:law",
    ] {
        let q = Query::parse(text).expect("a query");
        let (p50, max) = timed(5, || {
            if !q.faceted_by_index(&timeline, &index, &mut out) {
                assert!(q.faceted_until(&timeline, None, &mut out, &|| false, 1));
            }
        });
        println!("{text:<22} {:>8} {p50:>10.2} {max:>10.2}", out.hits.len());
    }

    // On the input thread: a finished result put on screen and drawn.
    let mut app = App::new(timeline, Query::default());
    app.search_in_background(tipline::app::state::BACKGROUND_FROM);
    app.update(Input::Resize(200, 50));
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test backend");
    while !app.word_index_ready() {
        std::thread::sleep(Duration::from_millis(10));
    }
    println!(
        "{:<10} {:>10} {:>10} {:>10}",
        "word", "search ms", "show ms", "draw ms"
    );
    for word in WORDS {
        for q in [Query::default(), Query::parse(word).expect("a word")] {
            let asked = Instant::now();
            app.update(Msg::Filter(q));
            let found = loop {
                if let Some(found) = app.wait_finished(Duration::from_secs(60)) {
                    break found;
                }
            };
            let landed = Instant::now();
            app.update(found);
            let shown = Instant::now();
            terminal.draw(|f| ui::draw(f, &app)).expect("draw");
            println!(
                "{:<10} {:>10.2} {:>10.2} {:>10.2}",
                if app.query().is_empty() { "(none)" } else { word },
                ms(landed - asked),
                ms(shown - landed),
                ms(shown.elapsed())
            );
        }
    }
    // What showing a result costs, part by part, for the last word's result.
    let (t, visible, query) = (
        app.timeline().clone(),
        app.filtered().to_vec(),
        app.query().clone(),
    );
    let found = query.faceted(&t, None);
    // Copies of the panes, so the app's own are measured without being changed.
    let (mut list, mut strip, mut filter) = (app.list().clone(), app.strip().clone(), app.filter().clone());
    let (p50, max) = timed(5, || list.rebuild(&t, &visible));
    println!("list rebuild: {p50:.2} ms (max {max:.2})");
    let (p50, max) = timed(5, || strip.count_visible(&t, &visible, Some(&query)));
    println!("strip counts: {p50:.2} ms (max {max:.2})");
    let (p50, max) = timed(5, || filter.count(&found, &query, &t, &visible));
    println!("filter counts: {p50:.2} ms (max {max:.2})");
}
