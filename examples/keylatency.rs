//! Drives the real app, through the app's own event loop, with a fixed
//! script of key presses on a large synthetic timeline at a fast typist's
//! pace, and reports the time from key to drawn frame, then the time from
//! the last key of a typed search word to the frame that shows its complete
//! result: `cargo run --release --example keylatency -- --events N [--seed S]`

#[path = "shared/args.rs"]
mod args;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::{Frame, Terminal};
use std::cell::RefCell;
use std::collections::VecDeque;
use std::time::{Duration, Instant};
use tipline::app::event_loop::{drive, Browse, Screen};
use tipline::app::terminal::{msg_for, Stop};
use tipline::app::App;

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

/// The screen's size (`KEYLATENCY_SIZE=80x24` sets another): every frame
/// is written and compared cell by cell, so the cost of a key grows with it.
fn size() -> (u16, u16) {
    std::env::var("KEYLATENCY_SIZE")
        .ok()
        .and_then(|v| {
            let (w, h) = v.split_once('x')?;
            Some((w.parse().ok()?, h.parse().ok()?))
        })
        .unwrap_or((200, 50))
}

/// The p-quantile of sorted times, in milliseconds.
fn quantile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

/// Words searched for the time until a complete result is on screen.
const WORDS: &[&str] = &[
    "court", "ministry", "victims", "hotline", "police", "decree", "survey", "border",
];

/// One step of the script the loop is fed.
enum Step {
    /// A key, typed `pace` after the one before; `timed` keys count toward
    /// the key-to-frame figures.
    Key { event: Event, timed: bool },
    /// Nothing typed until no search runs; `word` times the result from the
    /// last key typed to the frame that shows it.
    Settle { word: bool },
    /// Nothing typed until the word index is ready.
    IndexReady,
}

/// What the loop and the script tell each other.
#[derive(Default)]
struct Seen {
    /// When the last key was handed to the loop, and whether it is timed.
    key_at: Option<(Instant, bool)>,
    /// When the last frame was out.
    frame_at: Option<Instant>,
    searching: bool,
    index_ready: bool,
    /// When a result that landed started to be shown.
    landed_at: Option<Instant>,
    done: bool,
    times: Vec<Duration>,
    updates: Vec<Duration>,
    applying: Vec<Duration>,
    results: Vec<Duration>,
    index_wait: Duration,
}

/// The app's own screen, timed: each frame is stamped before the loop
/// prepares the next key's work, as a reader would see it.
struct Timed<'a, F> {
    browse: Browse<'a, F>,
    seen: &'a RefCell<Seen>,
}

impl<F: FnMut(&mut App) -> bool> Screen for Timed<'_, F> {
    type Outcome = ();

    fn arrived(&mut self) -> Result<bool, Stop> {
        let start = Instant::now();
        let landed = self.browse.arrived()?;
        let mut seen = self.seen.borrow_mut();
        if landed {
            seen.landed_at.get_or_insert(start);
        }
        seen.searching = self.browse.app().searching();
        seen.index_ready = self.browse.app().word_index_ready();
        Ok(landed)
    }

    fn outcome(&mut self) -> Option<()> {
        self.seen.borrow().done.then_some(())
    }

    fn draw(&mut self, frame: &mut Frame) {
        self.browse.draw(frame);
    }

    fn drawn(&mut self) {
        let now = Instant::now();
        {
            let mut seen = self.seen.borrow_mut();
            seen.frame_at = Some(now);
            if let Some((at, true)) = seen.key_at.take() {
                seen.times.push(now - at);
            }
            if let Some(at) = seen.landed_at.take() {
                seen.applying.push(now - at);
            }
        }
    }

    fn wait(&self) -> Duration {
        self.browse.wait()
    }

    fn event(&mut self, event: Event) -> Result<bool, Stop> {
        let start = Instant::now();
        let changed = self.browse.event(event)?;
        self.seen.borrow_mut().updates.push(start.elapsed());
        self.seen.borrow_mut().searching = self.browse.app().searching();
        Ok(changed)
    }

    fn idle(&mut self) -> bool {
        self.browse.idle()
    }
}

/// The script: the keys, then each word typed into the search box once the
/// word index is ready, four times over.
fn steps() -> VecDeque<Step> {
    let mut steps: VecDeque<Step> = script()
        .into_iter()
        .map(|event| Step::Key { event, timed: true })
        .collect();
    steps.push_back(Step::Settle { word: false });
    steps.push_back(Step::IndexReady);
    let untimed = |c: KeyCode| Step::Key {
        event: key(c),
        timed: false,
    };
    for _ in 0..4 {
        for word in WORDS {
            steps.push_back(untimed(KeyCode::Esc));
            steps.push_back(untimed(KeyCode::Char('x')));
            steps.push_back(Step::Settle { word: false });
            steps.push_back(untimed(KeyCode::Char('/')));
            steps.extend(word.chars().map(|c| untimed(KeyCode::Char(c))));
            steps.push_back(Step::Settle { word: true });
        }
    }
    steps.push_back(untimed(KeyCode::Esc));
    steps.push_back(Step::Settle { word: false });
    steps
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
    // As on a terminal: large timelines are searched off the input thread.
    app.search_in_background(tipline::app::state::BACKGROUND_FROM);
    let (width, height) = size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    app.update(tipline::app::Input::Resize(width, height));
    let labels: Vec<String> = script()
        .into_iter()
        .enumerate()
        .map(|(i, e)| format!("#{i} {:?}", msg_for(&app, e)))
        .collect();

    let pace = pace();
    // `KEYLATENCY_SPIN=1` keeps the core busy between keys instead of
    // letting it sleep, to tell an idle core's cost from the rest.
    let spin = std::env::var_os("KEYLATENCY_SPIN").is_some();
    let seen = RefCell::new(Seen::default());
    let mut steps = steps();
    let mut last_key = Instant::now();
    let mut waiting_since: Option<Instant> = None;
    let next_event = |_wait: Duration| -> std::io::Result<Option<Event>> {
        let mut seen = seen.borrow_mut();
        let Some(step) = steps.front() else {
            seen.done = true;
            return Ok(None);
        };
        match step {
            Step::Key { event, timed } => {
                // A typist's pace; the loop lands results in between.
                if last_key.elapsed() < pace {
                    if spin {
                        while last_key.elapsed() < pace {
                            std::hint::spin_loop();
                        }
                    } else {
                        drop(seen);
                        std::thread::sleep(Duration::from_millis(1));
                        return Ok(None);
                    }
                }
                let (event, timed) = (event.clone(), *timed);
                steps.pop_front();
                last_key = Instant::now();
                seen.key_at = Some((last_key, timed));
                Ok(Some(event))
            }
            Step::Settle { word } => {
                if seen.searching {
                    drop(seen);
                    std::thread::sleep(Duration::from_millis(1));
                    return Ok(None);
                }
                if *word {
                    let shown = seen.frame_at.unwrap_or(last_key);
                    seen.results.push(shown.saturating_duration_since(last_key));
                }
                steps.pop_front();
                Ok(None)
            }
            Step::IndexReady => {
                let since = *waiting_since.get_or_insert_with(Instant::now);
                if n >= tipline::app::state::BACKGROUND_FROM && !seen.index_ready {
                    drop(seen);
                    std::thread::sleep(Duration::from_millis(10));
                    return Ok(None);
                }
                seen.index_wait = since.elapsed();
                steps.pop_front();
                Ok(None)
            }
        }
    };
    let mut timed = Timed {
        browse: Browse::new(&mut app, |_: &mut App| false),
        seen: &seen,
    };
    drive(&mut terminal, &mut timed, next_event, || None).expect("the loop runs to the end");
    let mut seen = seen.into_inner();

    if std::env::var_os("KEYLATENCY_SLOWEST").is_some() {
        let mut slowest: Vec<(Duration, String)> = seen
            .times
            .iter()
            .zip(&labels)
            .zip(&seen.updates)
            .map(|((t, l), u)| (*t, format!("{l} (update {:.3} ms)", u.as_secs_f64() * 1000.0)))
            .collect();
        slowest.sort_by_key(|s| std::cmp::Reverse(s.0));
        for (d, a) in slowest.iter().take(12) {
            eprintln!("{:>8.3} ms  {a}", d.as_secs_f64() * 1000.0);
        }
    }
    let times = &mut seen.times;
    times.sort();
    seen.results.sort();
    // Never empty: a run where no result landed reports zero.
    seen.applying.push(Duration::ZERO);
    seen.applying.sort();
    println!("keys={} events={n} size={width}x{height}", times.len());
    println!("p50_ms={:.3}", quantile(times, 0.50));
    println!("p99_ms={:.3}", quantile(times, 0.99));
    println!("max_ms={:.3}", quantile(times, 1.0));
    println!(
        "word_result_p50_ms={:.3} word_result_p99_ms={:.3} words={}",
        quantile(&seen.results, 0.50),
        quantile(&seen.results, 0.99),
        seen.results.len()
    );
    println!(
        "index_ready_after_script_ms={:.0}",
        seen.index_wait.as_secs_f64() * 1000.0
    );
    println!(
        "result_apply_p99_ms={:.3} results={}",
        quantile(&seen.applying, 0.99),
        seen.applying.len() - 1
    );
    println!(
        "p99_ms={:.3} max_ms={:.3} events={n}",
        quantile(times, 0.99),
        quantile(times, 1.0)
    );
}
