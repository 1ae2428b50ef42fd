//! Time from starting `tipline` in a pseudo-terminal to its first complete
//! frame on the embedded data, over many starts:
//! `cargo build --release && cargo run --release --example startup -- [--runs N]`
//!
//! A frame is complete when both its first and last rows have been drawn
//! (the app draws a frame top to bottom in one write).

use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const COLS: u16 = 120;
const ROWS: u16 = 40;

/// One start: the time to the first complete frame.
fn one_start(binary: &std::path::Path) -> Duration {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(binary);
    cmd.env("TERM", "xterm-256color");
    // No config file or watched files to read: the data alone.
    cmd.args(["--no-watch"]);
    let mut reader = pair.master.try_clone_reader().expect("a reader");
    let mut writer = pair.master.take_writer().expect("a writer");
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("tipline starts");
    drop(pair.slave);
    let (done, drawn) = mpsc::channel();
    std::thread::spawn(move || {
        let mut screen = vt100::Parser::new(ROWS.try_into().unwrap(), COLS.try_into().unwrap(), 0);
        let mut buf = [0u8; 16384];
        let mut told = false;
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            screen.process(&buf[..n]);
            if !told {
                let rows: Vec<String> = screen.screen().rows(0, COLS).collect();
                let drawn = |r: &String| !r.trim().is_empty();
                if rows.first().is_some_and(drawn) && rows.last().is_some_and(drawn) {
                    told = done.send(start.elapsed()).is_ok();
                }
            }
        }
    });
    let took = drawn
        .recv_timeout(Duration::from_secs(20))
        .expect("a first frame within 20 s");
    let _ = writer.write_all(b"q");
    let _ = writer.flush();
    let deadline = Instant::now() + Duration::from_secs(5);
    while child.try_wait().ok().flatten().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    took
}

fn main() {
    let mut runs = 40usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match (a.as_str(), args.next().and_then(|v| v.parse().ok())) {
            ("--runs", Some(n)) if n > 0 => runs = n,
            _ => {
                eprintln!("usage: startup [--runs N]");
                std::process::exit(2);
            }
        }
    }
    // The examples are built next to the binary: target/<profile>/examples/.
    let exe = std::env::current_exe().expect("own path");
    let binary = exe
        .parent()
        .and_then(|d| d.parent())
        .map(|d| d.join("tipline"))
        .filter(|b| b.exists())
        .unwrap_or_else(|| {
            eprintln!("startup: build the binary first: cargo build --release");
            std::process::exit(2);
        });
    let mut times: Vec<Duration> = (0..runs).map(|_| one_start(&binary)).collect();
    times.sort();
    let ms = |p: f64| {
        let i = ((times.len() as f64 * p).ceil() as usize).clamp(1, times.len()) - 1;
        times[i].as_secs_f64() * 1000.0
    };
    println!("runs={runs}");
    println!("first_frame_p50_ms={:.3}", ms(0.50));
    println!("first_frame_p95_ms={:.3}", ms(0.95));
    println!("first_frame_max_ms={:.3}", ms(1.0));
}
