//! Drives the real app through a fixed script of key presses on a large
//! synthetic timeline and reports the time from key to drawn frame:
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

fn main() {
    let (events, seed) = args::events_and_seed("keylatency", 100_000);
    let timeline = if events == 0 {
        tipline::load::load_embedded()
    } else {
        tipline::synth::timeline(events, seed)
    };
    let n = timeline.events.len();
    let mut app = App::new(timeline, tipline::Query::default());
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test backend");
    app.update(Input::Resize(200, 50));
    terminal.draw(|f| ui::draw(f, &app)).expect("draw");
    let mut times: Vec<Duration> = Vec::new();
    let mut slowest: Vec<(Duration, String)> = Vec::new();
    for event in script() {
        let start = Instant::now();
        let msg = msg_for(&app, event);
        let label = format!("{msg:?}");
        if let Some(msg) = msg {
            app.update(msg);
        }
        terminal.draw(|f| ui::draw(f, &app)).expect("draw");
        let took = start.elapsed();
        times.push(took);
        slowest.push((took, label));
    }
    if std::env::var_os("KEYLATENCY_SLOWEST").is_some() {
        slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
        for (d, a) in slowest.iter().take(12) {
            eprintln!("{:>8.3} ms  {a}", d.as_secs_f64() * 1000.0);
        }
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).min(times.len()) - 1];
    println!("keys={} events={n}", times.len());
    println!("p50_ms={:.3}", ms(at(0.50)));
    println!("p99_ms={:.3}", ms(at(0.99)));
    println!("max_ms={:.3}", ms(*times.last().unwrap()));
    println!(
        "p99_ms={:.3} max_ms={:.3} events={n}",
        ms(at(0.99)),
        ms(*times.last().unwrap())
    );
}
