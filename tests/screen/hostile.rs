//! Hostile input: escape sequences in every field and sink, odd sizes, odd
//! scripts, odd files, empty states. Nothing may panic, nothing may reach
//! the terminal as a live control, and every pane keeps its borders.

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::Terminal;
use std::path::Path;
use tipline::app::{draw as ui, Action, App, Input, Msg, Pane};
use tipline::load::{load, DataFile};
use tipline::synth::hostile_timeline;
use tipline::Query;

/// The escape corpus: terminal controls a downloaded file might carry.
const CORPUS: &[(&str, &str)] = &[
    ("CSI clear screen", "\u{1b}[2J\u{1b}[H"),
    ("CSI colour", "\u{1b}[31;1mred\u{1b}[0m"),
    ("OSC 0 title", "\u{1b}]0;pwned\u{7}"),
    ("OSC 2 title", "\u{1b}]2;pwned\u{1b}\\"),
    ("OSC 52 clipboard", "\u{1b}]52;c;ZXZpbA==\u{7}"),
    (
        "OSC 8 link",
        "\u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\",
    ),
    ("DCS", "\u{1b}Pq#0;2;0;0;0\u{1b}\\"),
    ("APC", "\u{1b}_payload\u{1b}\\"),
    ("cursor report", "\u{1b}[6n"),
    ("reset", "\u{1b}c"),
    ("8-bit CSI", "\u{9b}31m"),
    ("8-bit OSC", "\u{9d}0;pwned\u{7}"),
    ("BEL", "ding\u{7}"),
    ("CR", "over\rwrite"),
    ("BS", "back\u{8}\u{8}"),
    ("NUL", "nul\u{0}byte"),
    ("DEL", "del\u{7f}"),
    ("RLO", "txt.\u{202e}exe"),
    ("isolates", "\u{2066}a\u{2067}b\u{2068}c\u{2069}"),
    ("zero width", "in\u{200b}visible\u{2060}"),
    ("BOM", "\u{feff}mark"),
];

fn is_live_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200b}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
}

fn render(app: &mut App, w: u16, h: u16) -> Buffer {
    app.update(Input::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

fn assert_clean_buffer(buf: &Buffer, what: &str) {
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(is_live_control),
            "{what}: cell {:?}",
            cell.symbol()
        );
    }
}

fn text_of(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

#[test]
fn escape_corpus_in_every_field_is_neutralised_in_model_and_screen() {
    for (name, seq) in CORPUS {
        let t = hostile_timeline(seq).unwrap_or_else(|| panic!("{name}: the file should load"));
        let e = &t.events[0];
        let fields = [
            &e.title,
            &e.summary,
            e.details.as_ref().unwrap(),
            e.location.as_ref().unwrap(),
            &e.tags[0],
        ];
        for f in fields {
            assert!(
                !f.chars().any(|c| is_live_control(c) && c != '\n'),
                "{name}: {f:?}"
            );
        }
        assert!(!t.actors[0].name.chars().any(is_live_control), "{name}");
        assert!(!t.sources[0].title.chars().any(is_live_control), "{name}");
        assert!(!e.sources[0].quote.chars().any(is_live_control), "{name}");
        let mut app = App::new(t, Query::default());
        app.update(Action::FocusRight);
        for (w, h) in [(80, 24), (200, 50)] {
            let buf = render(&mut app, w, h);
            assert_clean_buffer(&buf, name);
        }
    }
}

#[test]
fn escapes_stay_visible_so_spoofing_shows() {
    let t = hostile_timeline("\u{1b}]0;pwned\u{7} \u{202e}exe \u{9b}1m").unwrap();
    let title = &t.events[0].title;
    assert!(title.contains("^[]0;pwned^G"), "{title}");
    assert!(title.contains("\\u{202e}exe"), "{title}");
    assert!(title.contains("\\u{9b}1m"), "{title}");
}

/// The same sequence delivered the ways TOML allows: `\e`, `\x1b`,
/// `\u001b`, and raw bytes (raw ESC is not valid TOML; raw C1 is).
#[test]
fn every_way_of_writing_an_escape_is_caught() {
    let deliveries = [
        ("\\e", "\\e[2J"),
        ("\\x1b", "\\x1b[2J"),
        ("\\u001b", "\\u001b[2J"),
        ("raw ESC", "\u{1b}[2J"),
        ("raw C1", "\u{9b}2J"),
        ("raw BEL", "\u{7}"),
    ];
    let base =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid.toml")).unwrap();
    for (name, written) in deliveries {
        let text = base.replacen(
            "title = \"T\"\nkind",
            &format!("title = \"T {written}\"\nkind"),
            1,
        );
        let loaded = load(vec![DataFile {
            name: format!("file-{name}.toml"),
            text,
        }]);
        for d in &loaded.diagnostics {
            let shown = d.to_string();
            assert!(
                !shown.chars().any(|c| is_live_control(c) && c != '\n'),
                "{name}: {shown:?}"
            );
        }
        if let Some(t) = loaded.timeline {
            let title = &t.events[0].title;
            assert!(!title.chars().any(is_live_control), "{name}: {title:?}");
            assert!(
                title.contains("[2J") || title.contains("\\u{9b}2J") || title.contains("^G"),
                "{name}: {title:?}"
            );
        }
    }
}

#[test]
fn pasted_escapes_and_huge_pastes_are_cut_and_made_visible() {
    let mut app = App::new(crate::common::world(), Query::default());
    app.update(Action::Search);
    app.update(Input::Paste("\u{1b}]0;pwned\u{7}".into()));
    let tipline::app::Mode::Search { input } = &app.mode() else {
        panic!()
    };
    assert_eq!(input.as_str(), "^[]0;pwned^G");
    app.update(Action::Cancel);
    app.update(Action::Search);
    app.update(Input::Paste(String::from(&"x".repeat(1_000_000))));
    let tipline::app::Mode::Search { input } = &app.mode() else {
        panic!()
    };
    assert_eq!(input.as_str().chars().count(), tipline::query::MAX_QUERY_CHARS);
    assert_clean_buffer(&render(&mut app, 80, 24), "huge paste");
}

#[test]
fn every_tiny_size_and_a_sweep_draw_without_panic() {
    let mut app = App::new(crate::common::world(), Query::default());
    let mut sizes: Vec<(u16, u16)> = Vec::new();
    for w in 0..=3 {
        for h in 0..=3 {
            sizes.push((w, h));
        }
    }
    sizes.extend([(1, 100), (100, 1)]);
    for w in 20..=32 {
        for h in 3..=9 {
            sizes.push((w, h));
        }
    }
    for (w, h) in sizes {
        let buf = render(&mut app, w, h);
        let text = text_of(&buf);
        if w < tipline::app::layout::MIN_WIDTH || h < tipline::app::layout::MIN_HEIGHT {
            let squeezed: String = text.split_whitespace().collect();
            if w * h >= 40 {
                assert!(squeezed.starts_with("terminaltoo"), "{w}x{h}: {text:?}");
            }
        }
    }
}

/// Scripts and sequences that break naive width and case handling.
const SCRIPTS: &[&str] = &[
    "人口贩卖会议报告警察人口贩卖会议报告警察人口贩卖",
    "👨‍👩‍👧‍👦 family 🇰🇭🇹🇭 flags 👍🏽 tone",
    "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}\u{309}\u{30a}\u{30b}\u{30c}\u{30d}\u{30e}\u{30f}\u{310}\u{311}\u{312}\u{313}\u{314}\u{315}\u{316}\u{317}\u{318}\u{319}\u{31a}\u{31b}\u{31c}\u{31d}\u{31e}\u{31f}\u{320}\u{321}\u{322}\u{323}\u{324}\u{325}\u{326}\u{327}\u{328}\u{329}\u{32a}\u{32b}\u{32c}\u{32d}\u{32e}\u{32f}\u{330}\u{331}\u{332}x",
    "\u{1112}\u{1161}\u{11ab}\u{1100}\u{1173}\u{11af} NFD Korean",
    "ការជួញដូរមនុស្ស កម្ពុជា",
    "मानव तस्करी के खिलाफ",
    "การค้ามนุษย์",
    "الاتجار بالبشر",
    "סחר בבני אדם",
    "İSTANBUL ẞ ΣΊΣΥΦΟΣ ﬁ",
];

/// Every pane's border is whole: corners in place and every row of the
/// side borders a border character, so nothing spilled across.
fn assert_borders_intact(buf: &Buffer, r: Rect, what: &str) {
    let vertical = ['│', '┃'];
    for y in r.y + 1..r.y + r.height.saturating_sub(1) {
        for x in [r.x, r.x + r.width - 1] {
            let s = buf[(x, y)].symbol();
            assert!(
                s.chars().all(|c| vertical.contains(&c)) && !s.is_empty(),
                "{what}: border at {x},{y} is {s:?}"
            );
        }
    }
    for (x, y) in [(r.x, r.y), (r.x + r.width - 1, r.y), (r.x, r.y + r.height - 1)] {
        let s = buf[(x, y)].symbol();
        assert!(
            matches!(s, "┌" | "┐" | "└" | "┘" | "┏" | "┓" | "┗" | "┛"),
            "{what}: corner at {x},{y} is {s:?}"
        );
    }
}

#[test]
fn hard_scripts_keep_panes_within_their_borders_with_search_highlights() {
    for script in SCRIPTS {
        let t = hostile_timeline(script).expect("loads");
        for (w, h) in [(80, 24), (121, 40), (200, 50), (57, 17)] {
            let mut app = App::new(t.clone(), Query::default());
            app.update(Input::Resize(w, h));
            app.update(Action::Search);
            // Search for a piece of the script, so highlights land inside it.
            let needle: String = script.chars().skip(2).take(3).collect();
            app.update(Input::Paste(String::from(&needle)));
            let buf = render(&mut app, w, h);
            assert_clean_buffer(&buf, script);
            let r = app.regions();
            for pane in [r.filter, r.timeline, r.detail].into_iter().flatten() {
                assert_borders_intact(&buf, pane, &format!("{script} at {w}x{h}"));
            }
            app.update(Action::Accept);
            app.update(Action::FocusRight);
            for _ in 0..3 {
                app.update(Action::PageDown);
            }
            let buf = render(&mut app, w, h);
            let r = app.regions();
            for pane in [r.filter, r.timeline, r.detail].into_iter().flatten() {
                assert_borders_intact(&buf, pane, &format!("{script} scrolled at {w}x{h}"));
            }
        }
    }
}

/// Joiners, selectors, tags, soft hyphens and blank look-alikes: each
/// between letters, twenty times over, in every field.
const LAYOUT_BREAKERS: &[char] = &[
    '\u{200C}',
    '\u{200D}',
    '\u{00AD}',
    '\u{034F}',
    '\u{180E}',
    '\u{206A}',
    '\u{206B}',
    '\u{206C}',
    '\u{206D}',
    '\u{206E}',
    '\u{206F}',
    '\u{E0000}',
    '\u{E0001}',
    '\u{E0020}',
    '\u{E0041}',
    '\u{E007F}',
    '\u{FE00}',
    '\u{FE0E}',
    '\u{FE0F}',
    '\u{E0100}',
    '\u{E01EF}',
    '\u{3164}',
    '\u{115F}',
    '\u{FFA0}',
    '\u{2800}',
];

#[test]
fn joiners_selectors_tags_and_fillers_keep_every_border() {
    for &c in LAYOUT_BREAKERS {
        let text: String = std::iter::repeat_n(format!("A{c}"), 20).collect();
        let t = hostile_timeline(&text).expect("loads");
        let what = format!("U+{:04X}", c as u32);
        for (w, h) in [(80, 24), (121, 40), (57, 17), (200, 50)] {
            let mut app = App::new(t.clone(), Query::default());
            let buf = render(&mut app, w, h);
            for cell in buf.content() {
                assert!(!cell.symbol().contains(c), "{what} reached the screen at {w}x{h}");
            }
            let r = app.regions();
            for pane in [r.filter, r.timeline, r.detail].into_iter().flatten() {
                assert_borders_intact(&buf, pane, &format!("{what} at {w}x{h}"));
            }
        }
    }
}

#[test]
fn no_events_at_all_and_every_key() {
    let text = "[[sources]]\nid = \"s\"\npublisher = \"p\"\ntitle = \"t\"\n";
    let t = load(vec![DataFile {
        name: "empty.toml".into(),
        text: text.into(),
    }])
    .timeline
    .unwrap();
    assert!(t.events.is_empty());
    let mut app = App::new(t, Query::default());
    // Wide enough that each pane can take the keyboard.
    app.update(Input::Resize(200, 50));
    for pane in [Pane::Filter, Pane::Timeline, Pane::Detail] {
        crate::common::focus_on(&mut app, pane);
        let script: Vec<Msg> = vec![
            Action::Up.into(),
            Action::Down.into(),
            Action::PageUp.into(),
            Action::PageDown.into(),
            Action::Top.into(),
            Action::Bottom.into(),
            Action::Activate.into(),
            Action::Toggle.into(),
            Action::FollowRelated(1).into(),
            Action::Back.into(),
            Input::Wheel {
                up: true,
                x: 40,
                y: 10,
            }
            .into(),
            Input::Click { x: 40, y: 10 }.into(),
            Action::FilterYear.into(),
            Action::NextYear.into(),
            Action::Accept.into(),
            Action::PickActor.into(),
            Action::Down.into(),
            Action::Accept.into(),
            Action::PickKind.into(),
            Action::Accept.into(),
            Action::Search.into(),
            Input::Char('x').into(),
            Action::Accept.into(),
            Action::ClearFilters.into(),
            Action::Help.into(),
            Action::Down.into(),
            Action::CloseHelp.into(),
        ];
        for a in script {
            app.update(a);
            render(&mut app, 120, 40);
        }
    }
    let text = text_of(&render(&mut app, 80, 24));
    assert!(text.contains("No events in the data."), "{text}");
}

#[test]
fn the_list_shrinking_under_the_selection_is_safe() {
    let mut app = App::new(crate::common::world(), Query::default());
    app.update(Input::Resize(120, 40));
    app.update(Action::Bottom);
    app.update(Action::Search);
    for c in "zzz".chars() {
        app.update(Input::Char(c));
        render(&mut app, 120, 40);
    }
    assert!(app.selected_event().is_none());
    app.update(Action::Erase);
    app.update(Action::Erase);
    app.update(Action::Erase);
    assert!(app.selected_event().is_some());
}

// ---------------------------------------------------------------- hostile files

fn load_text(name: &str, text: String) -> tipline::load::Loaded {
    load(vec![DataFile {
        name: name.into(),
        text,
    }])
}

fn first_error(loaded: &tipline::load::Loaded) -> String {
    loaded
        .diagnostics
        .iter()
        .find(|d| d.is_error())
        .map(|d| d.to_string())
        .unwrap_or_default()
}

#[test]
fn deep_nesting_is_refused_with_a_clear_error() {
    for (open, close) in [("[", "]"), ("{ a = ", " }")] {
        let text = format!("x = {}1{}\n", open.repeat(10_000), close.repeat(10_000));
        let loaded = load_text("deep.toml", text);
        let e = first_error(&loaded);
        assert!(e.starts_with("deep.toml:1:"), "{e}");
        assert!(e.contains("invalid TOML"), "{e}");
        assert!(e.contains("nest at most 80 levels deep"), "{e}");
        assert!(
            e.lines().all(|l| l.chars().count() < 300),
            "lines are capped: {e}"
        );
    }
}

#[test]
fn long_dotted_keys_and_runs_of_punctuation_fail_cleanly() {
    let dotted = format!("{} = 1\n", vec!["a"; 10_000].join("."));
    let e = first_error(&load_text("dotted.toml", dotted));
    assert!(e.starts_with("dotted.toml:1:1: error:"), "{e}");
    for run in ["=", "+", "-"] {
        let e = first_error(&load_text("run.toml", run.repeat(100_000)));
        assert!(e.starts_with("run.toml:1:"), "{run}: {e}");
        assert!(e.lines().all(|l| l.chars().count() < 300), "{e}");
    }
}

#[test]
fn many_events_and_a_table_with_many_keys_load_or_fail_whole() {
    let (s, a, e) = tipline::synth::generate(20_000, 3);
    let loaded = load_text("many.toml", tipline::load::write::to_toml(&s, &a, &e));
    assert_eq!(loaded.timeline.unwrap().events.len(), 20_000);
    let mut wide = String::from("[[events]]\n");
    for i in 0..200_000 {
        wide.push_str(&format!("k{i} = {i}\n"));
    }
    // 200,000 short keys in one table are denser than any data file: one
    // error where it grows so, rather than one per key.
    let loaded = load_text("wide.toml", wide);
    assert_eq!(loaded.errors(), 1);
    let e = first_error(&loaded);
    assert!(e.starts_with("wide.toml:"), "{e}");
    assert!(e.contains("a table of very many short keys; not read"), "{e}");
}

#[test]
fn odd_bytes_and_keys_get_positioned_errors() {
    let valid =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid.toml")).unwrap();
    // NUL inside the file.
    let e = first_error(&load_text(
        "nul.toml",
        valid.replacen("title = \"T\"", "title = \"T\u{0}\"", 1),
    ));
    assert!(e.starts_with("nul.toml:4:11: error: invalid TOML"), "{e}");
    assert!(!e.contains('\u{0}'));
    // A byte-order mark and CRLF line ends are fine.
    let loaded = load_text("bom.toml", format!("\u{feff}{}", valid.replace('\n', "\r\n")));
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    // Duplicate keys.
    let e = first_error(&load_text(
        "dup.toml",
        valid.replacen("title = \"T\"\n", "title = \"T\"\ntitle = \"U\"\n", 2),
    ));
    assert!(e.contains("invalid TOML") && e.contains("dup.toml:"), "{e}");
    // Integer overflow.
    let text = format!("{valid}[[events.figures]]\nlabel = \"x\"\nvalue = 99999999999999999999999\n");
    let e = first_error(&load_text("big.toml", text));
    assert!(e.starts_with("big.toml:23:"), "{e}");
    // A megabyte on one line, with a fault at its end: the shown line is cut.
    let text = format!("{valid}x = \"{}\" oops\n", "a".repeat(1_000_000));
    let e = first_error(&load_text("long.toml", text));
    assert!(e.lines().all(|l| l.chars().count() < 300), "lines are capped");
}

#[test]
fn files_over_the_size_cap_are_refused_unread() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.toml");
    let f = std::fs::File::create(&path).unwrap();
    // A sparse file: large on paper, no disk used, never read.
    f.set_len(tipline::load::MAX_FILE_BYTES + 1).unwrap();
    let e = DataFile::read(&path).unwrap_err();
    assert!(e.message.contains("larger than the"), "{e}");
}

#[test]
fn unreadable_files_are_named() {
    // As root, permissions do not stop reading; this file refuses reads.
    if Path::new("/proc/self/mem").exists() {
        let e = DataFile::read(Path::new("/proc/self/mem")).unwrap_err();
        assert!(
            e.to_string().starts_with("/proc/self/mem: error: cannot read"),
            "{e}"
        );
    }
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// What the render fuzzer checks, in bounded form: any text in every
        /// field, any size, any query: no panic and no control in any cell.
        #[test]
        fn any_text_any_size_any_query_renders_clean(
            text in "\\PC{0,40}|[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e}a-z ]{0,40}",
            w in 0u16..220, h in 0u16..70, query in "\\PC{0,12}"
        ) {
            if let Some(t) = hostile_timeline(&text) {
                let mut app = App::new(t, Query::parse(&query).unwrap_or_default());
                let buf = render(&mut app, w, h);
                for cell in buf.content() {
                    prop_assert!(!cell.symbol().chars().any(char::is_control));
                }
            }
        }

        /// What the load fuzzer checks: any bytes load or fail without panic,
        /// and every diagnostic prints clean.
        #[test]
        fn any_text_loads_or_fails_cleanly(text in "\\PC{0,200}|[\\[\\]=\"'{}a-z0-9.,\\n\\x00-\\x1f-]{0,200}") {
            let loaded = load_text("p.toml", text);
            for d in &loaded.diagnostics {
                prop_assert!(!d.to_string().chars().any(|c| c.is_control() && c != '\n'));
            }
        }

        /// Random resize sequences keep the selection and never panic.
        #[test]
        fn random_resizes(sizes in prop::collection::vec((0u16..250, 0u16..80), 1..20)) {
            let mut app = App::new(crate::common::world(), Query::default());
            app.update(Action::Down);
            let id = app.selected_event().unwrap().id.clone();
            for (w, h) in sizes {
                render(&mut app, w, h);
                app.update(Action::Down);
                app.update(Action::Up);
            }
            prop_assert_eq!(app.selected_event().unwrap().id.clone(), id);
        }
    }
}
