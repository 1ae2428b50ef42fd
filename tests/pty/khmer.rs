//! Khmer in the real binary on a terminal: the 2015 ranking's quote, from
//! the fixture world, on screen exactly as `tipline show` prints it.

use crate::common::screen_text::wrapped_text;
use crate::session::Session;

/// The quote as `tipline show` prints it, between its quotation marks.
fn quote_as_shown(id: &str) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tipline"))
        .args(["--data", crate::common::WORLD, "show", id])
        .output()
        .unwrap();
    assert!(out.status.success());
    let shown = String::from_utf8(out.stdout).unwrap();
    let line = shown
        .lines()
        .find(|l| l.contains("“ស"))
        .expect("show prints the Khmer quote");
    let start = line.find('“').unwrap();
    line[start..].trim_end().to_string()
}

/// Wide enough that the quote fits on one line of the detail pane: the
/// screen holds it, character for character, as `show` prints it.
#[test]
fn the_khmer_quote_is_on_screen_as_show_prints_it() {
    let quote = quote_as_shown("tip-report-2015");
    assert!(quote.contains("ឆ្នាំ") && quote.contains("កម្ពុជា"), "{quote}");
    let mut s = Session::start(&["--goto", "tip-report-2015"], 250, 50);
    s.wait_for("“ស");
    let shown = {
        let parser = s.screen.lock().unwrap();
        wrapped_text(parser.screen(), "“ស", '”').expect("the quote on screen")
    };
    assert_eq!(shown, quote);
    assert!(s.contents().lines().any(|l| l.contains(&quote)), "on one row");
    s.keys("q");
    assert!(s.wait_exit().success());
}
