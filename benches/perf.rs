//! Speed at scale. `cargo bench` runs all; `cargo bench -- frame` one group.
//! Key latency and the first frame in a terminal are timed by the
//! `keylatency` and `startup` examples.
//! Numbers are reported in the README's Performance section.

use criterion::{criterion_group, criterion_main, BatchSize, BenchmarkId, Criterion};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::hint::black_box;
use std::time::{Duration, Instant};
use tipline::app::{draw as ui, Action, App, Input, Msg};
use tipline::load::{load, DataFile};
use tipline::Query;

fn toml_of(n: usize) -> String {
    let (s, a, e) = tipline::synth::generate(n, 1);
    tipline::load::write::to_toml(&s, &a, &e)
}

fn loading(c: &mut Criterion) {
    let mut g = c.benchmark_group("load");
    g.sample_size(10).warm_up_time(Duration::from_millis(500));
    // The embedded data's six files, as a start reads them.
    g.bench_function("embedded", |b| {
        b.iter_batched(
            DataFile::embedded,
            |files| black_box(load(files).timeline.is_some()),
            BatchSize::PerIteration,
        )
    });
    for n in [1_000, 10_000, 100_000] {
        let text = toml_of(n);
        let file = DataFile {
            name: "big.toml".into(),
            text: text.clone(),
        };
        // Neither side is timed freeing what it made: the app never waits
        // for that (it leaves a timeline to the system when it ends, and
        // frees one replaced by a reload on another thread). Freeing is
        // timed on its own below.
        g.bench_function(BenchmarkId::new("tipline", n), |b| {
            b.iter_batched(|| vec![file.clone()], load, BatchSize::PerIteration)
        });
        g.bench_function(BenchmarkId::new("toml_from_str", n), |b| {
            b.iter_with_large_drop(|| toml::from_str::<toml::Table>(&text))
        });
        g.bench_function(BenchmarkId::new("tipline_free", n), |b| {
            b.iter_batched(|| load(vec![file.clone()]), drop, BatchSize::PerIteration)
        });
    }
    g.finish();
}

fn querying(c: &mut Criterion) {
    let t = tipline::synth::timeline(100_000, 1);
    let mut g = c.benchmark_group("query_100k");
    g.sample_size(20);
    for (name, q) in [
        ("facets", "year:2050 kind:law actor:actor-7"),
        ("text", "ministry court"),
    ] {
        let q = Query::parse(q).unwrap();
        g.bench_function(name, |b| b.iter(|| black_box(q.faceted(&t, None).hits.len())));
    }
    // Typing "minist" one key at a time, each key reusing the last result.
    let word = "minist";
    let mut previous: Option<tipline::query::Faceted> = None;
    for k in 1..=word.len() {
        let q = Query::parse(&word[..k]).unwrap();
        let candidates = previous.as_ref().map(|p| p.relevant.clone());
        g.bench_function(BenchmarkId::new("typing", &word[..k]), |b| {
            b.iter(|| black_box(q.faceted(&t, candidates.as_deref()).hits.len()))
        });
        previous = Some(q.faceted(&t, candidates.as_deref()));
    }
    g.finish();
}

/// Time to draw one 200x50 frame after the selection moved (so the detail
/// pane is wrapped afresh), excluding the key handling itself.
fn frame_time(app: &mut App, b: &mut criterion::Bencher) {
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    app.update(Input::Resize(200, 50));
    let mut down = true;
    b.iter_custom(|iters| {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            app.update(if down { Action::Down } else { Action::Up });
            down = !down;
            let start = Instant::now();
            terminal.draw(|f| ui::draw(f, app)).unwrap();
            total += start.elapsed();
        }
        total
    });
}

/// Time from asking for a word's search, as the app does on a terminal
/// (in the background), to its complete result applied and drawn.
fn word_result(app: &mut App, b: &mut criterion::Bencher) {
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let words = [
        "court", "ministry", "victims", "hotline", "police", "decree", "survey", "border",
    ];
    let mut next = 0;
    b.iter_custom(|iters| {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            let word = Query::parse(words[next % words.len()]).unwrap();
            next += 1;
            let start = Instant::now();
            app.update(Msg::Filter(word));
            settle(app);
            terminal.draw(|f| ui::draw(f, app)).unwrap();
            total += start.elapsed();
        }
        total
    });
    app.update(Msg::Filter(Query::default()));
    settle(app);
}

/// Applies finished searches until the newest is shown.
fn settle(app: &mut App) {
    while app.searching() {
        if let Some(found) = app.wait_finished(Duration::from_secs(60)) {
            app.update(found);
        }
    }
}

fn frames(c: &mut Criterion) {
    for n in [1_000, 100_000, 1_000_000] {
        let mut app = App::new(tipline::synth::timeline(n, 1), Query::default());
        app.search_in_background(tipline::app::state::BACKGROUND_FROM);
        app.update(Input::Resize(200, 50));
        app.update(Action::PageDown);
        let mut g = c.benchmark_group("frame_200x50");
        g.sample_size(30);
        g.bench_function(BenchmarkId::from_parameter(n), |b| frame_time(&mut app, b));
        g.finish();
        let mut g = c.benchmark_group("word_result");
        g.sample_size(10);
        g.bench_function(BenchmarkId::from_parameter(n), |b| word_result(&mut app, b));
        g.finish();
    }
}

fn long_detail(c: &mut Criterion) {
    let (s, a, mut e) = tipline::synth::generate(2, 1);
    e[0].details = Some("a long description of the event ".repeat(32 * 1024));
    assert!(e[0].details.as_ref().unwrap().len() >= 1_000_000);
    let timeline = tipline::timeline::model::Timeline::new(s, a, e);
    let big = timeline
        .events
        .iter()
        .position(|e| e.details.as_ref().is_some_and(|d| d.len() > 1000))
        .unwrap();
    let mut app = App::new(timeline, Query::default());
    app.update(Input::Resize(200, 50));
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).unwrap();
    let mut g = c.benchmark_group("detail_1mb");
    g.sample_size(10);
    g.bench_function("first_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                // Select the other event, then the long one, so it is wrapped afresh.
                app.update(if big == 0 { Action::Bottom } else { Action::Top });
                terminal.draw(|f| ui::draw(f, &app)).unwrap();
                app.update(if big == 0 { Action::Top } else { Action::Bottom });
                let start = Instant::now();
                terminal.draw(|f| ui::draw(f, &app)).unwrap();
                total += start.elapsed();
            }
            total
        })
    });
    app.update(Action::FocusRight);
    g.bench_function("scrolled_frame", |b| {
        b.iter(|| {
            app.update(Action::PageDown);
            terminal.draw(|f| ui::draw(f, &app)).unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, loading, querying, frames, long_detail);
criterion_main!(benches);
