//! Khmer on screen: every character of a line reaches the terminal, in
//! order, however its clusters of consonants, subscripts and vowel signs
//! are measured, and the screen a terminal shows after the diff of one frame
//! to the next is the one it shows when the frame is drawn whole.

use crate::common::screen_text::{unspaced, wrapped_text};
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::rc::Rc;
use tipline::app::panes::runs::Erasing;
use tipline::app::theme::{Theme, ThemeName};
use tipline::app::{draw as ui, Action, App, Input, Settings};
use tipline::load::{load, DataFile};
use tipline::query::Query;
use tipline::text::width::columns;

/// The first event's summary and quote in `tests/fixtures/khmer.toml`.
const SUMMARY: &str = "រាជរដ្ឋាភិបាលកម្ពុជា បានប្រកាសពីផែនការជាតិ ដើម្បីប្រយុទ្ធប្រឆាំងនឹងការជួញដូរមនុស្ស។ ក្រសួងមហាផ្ទៃ និងក្រសួងយុត្តិធម៌ នឹងសហការគ្នា ក្នុងការស៊ើបអង្កេតករណីនានា។";
const QUOTE: &str = "សម្រាប់រយៈពេលបីឆ្នាំបន្តបន្ទាប់ ប្រទេសកម្ពុជា ត្រូវបានគេឃើញថាស្ថិតនៅលើលំដាប់ថ្នាក់លេខ ២ ក្នុងបញ្ជីតាមដាន";

fn app_on(id: &str, w: u16, h: u16) -> App {
    let file = DataFile::read(&crate::common::fixture("khmer.toml")).unwrap();
    let timeline = load(vec![file]).timeline.expect("the Khmer fixture loads");
    let settings = Settings {
        theme: Theme::new(ThemeName::Dark, false),
        ..Default::default()
    };
    let mut app = App::with_settings(timeline, Query::default(), settings);
    app.update(Input::Resize(w, h));
    select(&mut app, id);
    app
}

/// Moves the selection to the event `id` with the arrow keys.
fn select(app: &mut App, id: &str) {
    for key in [Action::Up, Action::Down] {
        for _ in 0..4 {
            if app.selected_event().is_some_and(|e| e.id == id) {
                return;
            }
            app.update(key);
        }
    }
    panic!("{id} is never selected");
}

/// Row `y` of what ratatui sent a `TestBackend`, as a terminal receives it:
/// each cell's text, then the cells it covers skipped.
fn sent_row(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let cell = &buf[(x, y)];
        out.push_str(cell.symbol());
        x += cell.cell_width().max(1);
    }
    out
}

/// On `TestBackend`: the summary's lines and the quote's are sent whole,
/// each stretch of Khmer in one cell counted as wide as a terminal makes
/// it, and read together they are the text.
#[test]
fn khmer_lines_are_sent_whole_on_the_test_backend() {
    let (w, h) = (120, 40);
    let app = app_on("watch-list", w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, &app)).unwrap();
    let buf = terminal.backend().buffer();
    let rows: Vec<String> = (0..h).map(|y| sent_row(buf, y)).collect();
    let detail: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.rsplit('│').nth(1))
        .map(str::trim)
        .filter(|r| r.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)))
        .collect();
    let summary_rows: Vec<&str> = detail
        .iter()
        .copied()
        .skip_while(|r| !r.starts_with("រាជរដ្ឋាភិបាល"))
        .take_while(|r| !r.contains("[1]"))
        .collect();
    assert!(
        summary_rows.len() >= 3,
        "the summary takes several lines: {summary_rows:#?}"
    );
    assert_eq!(unspaced(&summary_rows.concat()), unspaced(SUMMARY));
    for row in &summary_rows {
        assert!(SUMMARY.contains(row), "{row} is a piece of the summary");
    }
    let quote: String = detail
        .iter()
        .skip_while(|r| !r.contains("[1] “"))
        .map(|r| r.trim_start_matches(['▸', ' ']).trim_start_matches("[1] "))
        .collect::<Vec<_>>()
        .join(" ");
    let quote = &quote[..quote.find('”').expect("the quote's end") + '”'.len_utf8()];
    assert_eq!(unspaced(quote), unspaced(&format!("“{QUOTE}”")));
    // Each cell sent is counted as wide as a terminal makes its text, so
    // the cursor is where ratatui thinks after it: ឆ្នាំ is 3 columns,
    // not the 2 unicode-width gives the cluster.
    for y in 0..h {
        for x in 0..w {
            let cell = &buf[(x, y)];
            assert_eq!(
                usize::from(cell.cell_width()),
                columns(cell.symbol()).max(1),
                "at {x},{y}: {:?}",
                cell.symbol()
            );
            if let CellDiffOption::ForcedWidth(n) = cell.diff_option {
                assert_eq!(columns(cell.symbol()), usize::from(n.get()), "at {x},{y}");
            }
        }
    }
    // The list's title column holds the Khmer titles whole too.
    assert!(rows.iter().any(|r| r.contains("ថ្ងៃជាតិប្រឆាំងការជួញដូរមនុស្ស")));
}

/// Where the bytes for the terminal go, kept to be read.
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes the app's terminal would be sent for each frame (through the
/// backend the app uses), read by a terminal emulator that lays text out a
/// character at a time.
struct Emulated {
    terminal: Terminal<Erasing<CrosstermBackend<Sink>>>,
    sink: Sink,
    parser: vt100::Parser,
}

impl Emulated {
    fn new(w: u16, h: u16) -> Emulated {
        let sink = Sink::default();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, w, h)),
        };
        Emulated {
            terminal: Terminal::with_options(Erasing(CrosstermBackend::new(sink.clone())), options).unwrap(),
            sink,
            parser: vt100::Parser::new(h.try_into().unwrap(), w.try_into().unwrap(), 0),
        }
    }

    fn draw(&mut self, app: &App) -> &vt100::Screen {
        self.terminal.draw(|f| ui::draw(f, app)).unwrap();
        let bytes = std::mem::take(&mut *self.sink.0.borrow_mut());
        self.parser.process(&bytes);
        self.parser.screen()
    }
}

/// Through a terminal emulator: the summary and quote read back exactly,
/// and moving from a Khmer event to another and to an English one leaves
/// the screen as a fresh draw of the same frame does: nothing of the
/// Khmer text is left behind where the diff skipped cells.
#[test]
fn khmer_reaches_a_terminal_whole_and_the_diff_leaves_nothing_behind() {
    let (w, h) = (120, 40);
    let mut app = app_on("watch-list", w, h);
    let mut term = Emulated::new(w, h);
    let screen = term.draw(&app);
    let summary = wrapped_text(screen, "រាជរដ្ឋាភិបាលកម្ពុជា", '។').expect("the summary on screen");
    assert_eq!(summary, &SUMMARY[..SUMMARY.find('។').unwrap() + '។'.len_utf8()]);
    let quote = wrapped_text(screen, "“ស", '”').expect("the quote on screen");
    assert_eq!(unspaced(&quote), unspaced(&format!("“{QUOTE}”")));
    for piece in quote.split(' ') {
        assert!(QUOTE.contains(piece.trim_matches(['“', '”'])), "{piece}");
    }
    for id in ["national-day", "plain", "watch-list", "national-day"] {
        select(&mut app, id);
        let drawn = term.draw(&app).contents();
        let mut fresh = Emulated::new(w, h);
        assert_eq!(drawn, fresh.draw(&app).contents(), "after moving to {id}");
    }
    // A popup over part of the Khmer: the help over the detail pane.
    app.update(Action::Help);
    let drawn = term.draw(&app).contents();
    assert_eq!(drawn, Emulated::new(w, h).draw(&app).contents(), "under the help");
    app.update(Action::CloseHelp);
    let drawn = term.draw(&app).contents();
    assert_eq!(
        drawn,
        Emulated::new(w, h).draw(&app).contents(),
        "the help closed"
    );
}
