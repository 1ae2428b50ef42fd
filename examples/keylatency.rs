//! Drives the real app through a fixed script of key presses on a large
//! synthetic timeline, at a fast typist's pace, and reports the time from
//! key to drawn frame, then the time from the last key of a typed search
//! word to the frame that shows its complete result:
//! `cargo run --release --example keylatency -- --events N [--seed S]`

#[path = "shared/args.rs"]
mod args;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::time::{Duration, Instant};
use tipline::app::{draw as ui, terminal::msg_for, App, Input};

fn key(c: KeyCode) -> Event {
    Event::Key(KeyEvent::new(c, KeyModifiers::NONE))
}

fn chars(s: &str) -> Vec<Event> {
    s.chars().map(|c| key(KeyCode::Char(c))).collect()
}

/// At least 200 keys: scrolling, paging, typing and erasing a search,
/// toggling facets, pickers, following related events, help.
fn script() -> Vec<Event> {
    let mut k = Vec::new();
    k.extend((0..40).map(|_| key(KeyCode::Down)));
    k.extend((0..10).map(|_| key(KeyCode::PageDown)));
    k.extend((0..5).map(|_| key(KeyCode::PageUp)));
    k.extend(chars("Gg"));
    k.extend(chars("/minist"));
    k.extend((0..6).map(|_| key(KeyCode::Backspace)));
    k.extend(chars("court"));
    k.push(key(KeyCode::Enter));
    k.extend((0..10).map(|_| key(KeyCode::Down)));
    k.extend(chars("x"));
    k.push(key(KeyCode::Tab));
    k.push(key(KeyCode::Tab));
    for _ in 0..6 {
        k.extend((0..3).map(|_| key(KeyCode::Down)));
        k.push(key(KeyCode::Char(' ')));
    }
    k.extend(chars("x"));
    k.push(key(KeyCode::Tab));
    k.extend(chars("y2050"));
    k.push(key(KeyCode::Enter));
    k.extend((0..10).map(|_| key(KeyCode::Down)));
    k.extend(chars("yx"));
    k.push(key(KeyCode::Right));
    k.push(key(KeyCode::Right));
    k.push(key(KeyCode::Left));
    k.push(key(KeyCode::Enter));
    k.extend(chars("aact"));
    k.push(key(KeyCode::Down));
    k.push(key(KeyCode::Enter));
    k.extend(chars("tsta"));
    k.push(key(KeyCode::Enter));
    k.extend(chars("x"));
    for _ in 0..8 {
        k.extend((0..5).map(|_| key(KeyCode::Down)));
        k.extend(chars("1"));
        k.push(key(KeyCode::Backspace));
    }
    k.push(key(KeyCode::Tab));
    k.extend((0..20).map(|_| key(KeyCode::Down)));
    k.push(key(KeyCode::PageDown));
    k.push(key(KeyCode::BackTab));
    k.extend(chars("?"));
    k.extend((0..5).map(|_| key(KeyCode::Down)));
    k.push(key(KeyCode::Esc));
    k.extend(chars(":"));
    k.extend(chars(" kind:law"));
    k.push(key(KeyCode::Enter));
    k.extend((0..10).map(|_| key(KeyCode::Down)));
    k.extend(chars("x/ministry court"));
    k.push(key(KeyCode::Esc));
    k.extend(chars("G"));
    k.extend((0..10).map(|_| key(KeyCode::Up)));
    k
}

/// How long the simulated reader pauses between keys: a fast typist's pace
/// (`KEYLATENCY_PACE_MS` sets another; 0 sends keys back to back).
fn pace() -> Duration {
    let ms = std::env::var("KEYLATENCY_PACE_MS")
        .ok()
        .and_then(|v| v.parse().ok());
    Duration::from_millis(ms.unwrap_or(30))
}

/// Applies the searches that finished, as the app's loop does, drawing once
/// if any landed. Returns how long that held the input thread, if one did.
fn land(app: &mut App, terminal: &mut Terminal<TestBackend>) -> Option<Duration> {
    let start = Instant::now();
    let mut landed = false;
    while let Some(found) = app.finished() {
        app.update(found);
        landed = true;
    }
    if landed {
        terminal.draw(|f| ui::draw(f, app)).expect("draw");
        app.prepare();
    }
    landed.then(|| start.elapsed())
}

/// Waits until no search runs, landing results as they come.
fn settle(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    while app.searching() {
        if let Some(found) = app.wait_finished(Duration::from_secs(30)) {
            app.update(found);
            terminal.draw(|f| ui::draw(f, app)).expect("draw");
            app.prepare();
        }
    }
}

/// The `p`-quantile of sorted times, in milliseconds.
fn quantile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

/// Words searched for the time until a complete result is on screen.
const WORDS: &[&str] = &[
    "court", "ministry", "victims", "hotline", "police", "decree", "survey", "border",
];

fn main() {
    let (events, seed) = args::events_and_seed("keylatency", 100_000);
    let timeline = if events == 0 {
        tipline::load::load_embedded()
    } else {
        tipline::synth::timeline(events, seed)
    };
    let n = timeline.events.len();
    let mut app = App::new(timeline, tipline::Query::default());
    // As on a terminal: large timelines are searched off the input thread.
    app.search_in_background(tipline::app::state::BACKGROUND_FROM);
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test backend");
    app.update(Input::Resize(200, 50));
    terminal.draw(|f| ui::draw(f, &app)).expect("draw");

    let pace = pace();
    // Key to frame: each key of the script, at a typist's pace, with the
    // searches it starts landing in between as they finish.
    let mut times: Vec<Duration> = Vec::new();
    // Time the input thread spends showing a result that landed.
    let mut applying: Vec<Duration> = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for event in script() {
        let pause = Instant::now();
        while pause.elapsed() < pace {
            match land(&mut app, &mut terminal) {
                Some(took) => applying.push(took),
                None => std::thread::sleep(Duration::from_millis(1)),
            }
        }
        let start = Instant::now();
        let msg = msg_for(&app, event);
        let label = format!("#{} {msg:?}", times.len());
        if let Some(msg) = msg {
            app.update(msg);
        }
        let updated = start.elapsed();
        terminal.draw(|f| ui::draw(f, &app)).expect("draw");
        let took = start.elapsed();
        times.push(took);
        let split = format!("update {:.3} ms", updated.as_secs_f64() * 1000.0);
        slowest.push((took, format!("{label} ({split})")));
        // As the app's loop does once a frame is out.
        app.prepare();
    }
    settle(&mut app, &mut terminal);

    // Until the result is on screen: a word typed into the search box at a
    // typist's pace, from its last key to the frame that shows its result,
    // once the word index (built in the background from the start) is ready.
    let waited = Instant::now();
    while n >= tipline::app::state::BACKGROUND_FROM && !app.word_index_ready() {
        std::thread::sleep(Duration::from_millis(10));
    }
    let index_wait = waited.elapsed();
    let mut results: Vec<Duration> = Vec::new();
    for round in 0..4 {
        for word in WORDS {
            app.update(tipline::app::Action::ClearFilters);
            settle(&mut app, &mut terminal);
            app.update(tipline::app::Action::Search);
            let mut last = Instant::now();
            for c in word.chars() {
                let pause = Instant::now();
                while pause.elapsed() < pace {
                    match land(&mut app, &mut terminal) {
                        Some(took) => applying.push(took),
                        None => std::thread::sleep(Duration::from_millis(1)),
                    }
                }
                last = Instant::now();
                app.update(Input::Char(c));
                terminal.draw(|f| ui::draw(f, &app)).expect("draw");
            }
            settle(&mut app, &mut terminal);
            results.push(last.elapsed());
            if round == 0 && app.visible.is_empty() {
                eprintln!("keylatency: `{word}` finds nothing");
            }
            app.update(tipline::app::Action::Cancel);
        }
    }
    settle(&mut app, &mut terminal);

    if std::env::var_os("KEYLATENCY_SLOWEST").is_some() {
        slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
        for (d, a) in slowest.iter().take(12) {
            eprintln!("{:>8.3} ms  {a}", d.as_secs_f64() * 1000.0);
        }
    }
    times.sort();
    results.sort();
    // Never empty: a run where no result landed reports zero.
    applying.push(Duration::ZERO);
    applying.sort();
    println!("keys={} events={n}", times.len());
    println!("p50_ms={:.3}", quantile(&times, 0.50));
    println!("p99_ms={:.3}", quantile(&times, 0.99));
    println!("max_ms={:.3}", quantile(&times, 1.0));
    println!(
        "word_result_p50_ms={:.3} word_result_p99_ms={:.3} words={}",
        quantile(&results, 0.50),
        quantile(&results, 0.99),
        results.len()
    );
    println!(
        "index_ready_after_script_ms={:.0}",
        index_wait.as_secs_f64() * 1000.0
    );
    println!(
        "result_apply_p99_ms={:.3} results={}",
        quantile(&applying, 0.99),
        applying.len() - 1
    );
    println!(
        "p99_ms={:.3} max_ms={:.3} events={n}",
        quantile(&times, 0.99),
        quantile(&times, 1.0)
    );
}
