//! The real binary in a pseudo-terminal: keys typed as a user would, the
//! screen read back through a terminal emulator, and the terminal checked
//! after quitting.

use crate::session::{patience, private_dir, Session};
use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::time::{Duration, Instant};

/// The timeline pane's title when the events passing `test` are shown,
/// counted from the fixture world.
fn title_showing(test: impl Fn(&tipline::timeline::model::Event) -> bool) -> String {
    let events = crate::common::world().events;
    let shown = events.iter().filter(|e| test(e)).count();
    format!("Timeline — {shown} of {} events", events.len())
}

/// Whether the terminal is back in cooked mode (line editing and echo on).
fn cooked(s: &Session) -> bool {
    let fd = s.master.as_raw_fd().expect("a unix pty");
    // SAFETY: tcgetattr only writes into the zeroed struct we own.
    let mut t: libc::termios = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
    t.c_lflag & libc::ICANON != 0 && t.c_lflag & libc::ECHO != 0
}

/// Everything the app changed is undone: raw mode, alternate screen,
/// cursor, mouse capture, bracketed paste.
fn assert_restored(s: &Session) {
    assert_restored_from(s, true);
}

/// As `assert_restored`, for a screen that may never have captured the
/// mouse: capture is released after it was last enabled, if ever.
fn assert_restored_from(s: &Session, mouse_was_on: bool) {
    assert!(cooked(s), "raw mode is off");
    let screen = s.screen.lock().unwrap();
    assert!(!screen.screen().alternate_screen(), "left the alternate screen");
    assert!(!screen.screen().hide_cursor(), "cursor shown");
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    let on = raw.rfind("\x1b[?1000h");
    assert_eq!(
        on.is_some(),
        mouse_was_on,
        "mouse capture was on only if asked for"
    );
    let off = raw.rfind("\x1b[?1000l").expect("mouse capture released");
    assert!(on.is_none_or(|on| off > on), "released after it was last enabled");
    let paste_on = raw.rfind("\x1b[?2004h").expect("bracketed paste was on");
    let paste_off = raw.rfind("\x1b[?2004l").expect("bracketed paste released");
    assert!(paste_off > paste_on, "paste released after it was enabled");
    let alt_on = raw
        .rfind("\x1b[?1049h")
        .expect("the alternate screen was entered");
    let alt_off = raw.rfind("\x1b[?1049l").expect("the alternate screen was left");
    assert!(alt_off > alt_on, "left after it was entered");
}

/// Sends a signal by name to the session's process.
fn signal(s: &Session, name: &str) {
    let pid = s.child.process_id().unwrap().to_string();
    let sent = std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid])
        .status()
        .unwrap();
    assert!(sent.success(), "kill -{name} {pid}");
}

/// The stop signals, by name and number: the usual three, and signals
/// whose default also ends a process.
const STOP_SIGNALS: [(&str, u32); 6] = [
    ("INT", libc::SIGINT as u32),
    ("TERM", libc::SIGTERM as u32),
    ("HUP", libc::SIGHUP as u32),
    ("QUIT", libc::SIGQUIT as u32),
    ("USR1", libc::SIGUSR1 as u32),
    ("ALRM", libc::SIGALRM as u32),
];

#[test]
fn filters_by_year_and_actor_then_quits_cleanly() {
    let mut s = Session::start(&[], 120, 40);
    s.wait_for(&title_showing(|_| true));
    assert!(
        s.screen.lock().unwrap().screen().alternate_screen(),
        "the app draws on the alternate screen"
    );

    s.keys("y");
    s.wait_for("year or range (↑↓ step):");
    s.keys("2022\r");
    let shown = s.wait_for(&title_showing(|e| e.years().contains(&2022)));
    assert!(shown.contains("filter: year:2022"), "{shown}");
    assert!(shown.contains("12 Dec 2022"), "{shown}");
    assert!(!shown.contains("Nov 2019"), "{shown}");

    s.keys("a");
    s.wait_for("Filter by actor");
    s.keys("kheng\r");
    let shown = s.wait_for(&title_showing(|e| {
        e.years().contains(&2022) && e.actors.iter().any(|a| a == "sar-kheng")
    }));
    assert!(shown.contains("filter: year:2022 actor:sar-kheng"), "{shown}");
    assert!(!shown.contains("Licadho: enforcement"), "{shown}");

    s.keys("?");
    s.wait_for("Keys — Esc closes");
    s.keys("\x1b");
    std::thread::sleep(Duration::from_millis(100));
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    let screen = s.screen.lock().unwrap();
    assert!(!screen.screen().alternate_screen(), "left the alternate screen");
    assert!(!screen.screen().hide_cursor(), "cursor shown again");
    let raw = s.raw.lock().unwrap();
    let text = String::from_utf8_lossy(&raw);
    assert!(text.contains("\x1b[?1049l"), "alternate screen left explicitly");
    assert!(
        text.contains("\x1b[?1000l") || text.contains("\x1b[?1006l"),
        "mouse capture released"
    );
}

#[test]
fn opens_prefiltered_and_on_an_event() {
    let mut s = Session::start(&["--goto", "tip-report-2022", "kind:ranking"], 100, 30);
    s.wait_for(&title_showing(|e| {
        e.kind == tipline::timeline::model::EventKind::Ranking
    }));
    // The status line is drawn last: wait for it rather than read half a frame.
    let shown = s.wait_for("filter: kind:ranking");
    assert!(shown.contains("▶ 19 Jul 2022"), "{shown}");
    s.keys("\x03");
    assert!(s.wait_exit().success(), "Ctrl-C quits");
}

#[test]
fn a_bad_config_is_reported_before_the_terminal_is_touched() {
    let config = format!("{}/tests/fixtures/config/bad.toml", env!("CARGO_MANIFEST_DIR"));
    let mut s = Session::start(&["--config", &config], 100, 30);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    let shown = s.contents();
    assert!(
        shown.contains("bad.toml:5:10: error: key `t` is bound to both `search` and `pick-kind`"),
        "{shown}"
    );
    let raw = s.raw.lock().unwrap();
    assert!(
        !String::from_utf8_lossy(&raw).contains("\x1b[?1049h"),
        "never entered the alternate screen"
    );
}

#[test]
fn the_config_file_is_found_under_the_xdg_config_dir_else_home() {
    let bad = std::fs::read_to_string(format!(
        "{}/tests/fixtures/config/bad.toml",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let xdg = root.join("xdg");
    let home = root.join("home");
    for base in [xdg.clone(), home.join(".config")] {
        std::fs::create_dir_all(base.join("tipline")).unwrap();
        std::fs::write(base.join("tipline/config.toml"), &bad).unwrap();
    }
    let (xdg, home) = (xdg.display().to_string(), home.display().to_string());
    // A home with no config in it (it must exist: the pty starts there).
    let nowhere = root.join("nowhere");
    std::fs::create_dir_all(&nowhere).unwrap();
    let nowhere = nowhere.display().to_string();
    for (config_home, home, found) in [
        (
            xdg.as_str(),
            nowhere.as_str(),
            format!("{xdg}/tipline/config.toml"),
        ),
        ("", home.as_str(), format!("{home}/.config/tipline/config.toml")),
    ] {
        let env = [("XDG_CONFIG_HOME", config_home), ("HOME", home)];
        let mut s = Session::start_with(&[], &env, 200, 30);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 2);
        let shown = s.contents().replace('\n', "");
        assert!(shown.contains(&format!("{found}:5:10: error")), "{shown}");
    }
}

#[test]
fn the_terminal_is_restored_after_a_panic() {
    // Whatever the caller's RUST_BACKTRACE, a long backtrace must not be
    // what decides whether the message is still on the screen.
    let env = [("TIPLINE_FAIL_ON_KEY", "panic"), ("RUST_BACKTRACE", "0")];
    let mut s = Session::start_with(&[], &env, 100, 30);
    s.wait_for(&title_showing(|_| true));
    assert!(!cooked(&s), "raw mode while running");
    s.keys("!");
    let status = s.wait_exit();
    assert!(!status.success());
    assert_restored(&s);
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    // Restoring runs again when the session is dropped; the message must
    // follow the first time the screen was left.
    let entered = raw
        .rfind("\x1b[?1049h")
        .expect("the alternate screen was entered");
    let left = entered + raw[entered..].find("\x1b[?1049l").expect("and left");
    assert!(
        raw[left..].contains("injected panic for testing"),
        "the panic message is written after restoring"
    );
    assert!(
        s.contents().contains("injected panic for testing"),
        "and it is on the screen"
    );
}

#[test]
fn the_terminal_is_restored_after_an_error() {
    let mut s = Session::start_with(&[], &[("TIPLINE_FAIL_ON_KEY", "error")], 100, 30);
    s.wait_for(&title_showing(|_| true));
    s.keys("!");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    assert_restored(&s);
    assert!(s
        .contents()
        .contains("tipline: terminal error: injected error for testing"));
}

#[test]
fn the_terminal_is_restored_after_signals() {
    for (name, number) in STOP_SIGNALS {
        let mut s = Session::start(&[], 100, 30);
        s.wait_for(&title_showing(|_| true));
        signal(&s, name);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{name}");
        assert_restored(&s);
    }
}

#[test]
fn a_notes_terminal_restores_the_terminal_after_signals() {
    for (name, number) in STOP_SIGNALS {
        // A runtime directory of its own, so no other presenter is found.
        let runtime = private_dir();
        let dir = runtime.path().display().to_string();
        let mut s = Session::start_with(&["notes"], &[("XDG_RUNTIME_DIR", dir.as_str())], 100, 20);
        s.wait_for("Waiting for a presenter");
        assert!(!cooked(&s), "raw mode while running");
        assert!(s.screen.lock().unwrap().screen().alternate_screen());
        signal(&s, name);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{name}");
        assert_restored_from(&s, false);
    }
}

#[test]
fn a_quiz_restores_the_terminal_after_signals() {
    for (name, number) in STOP_SIGNALS {
        let mut s = Session::start(&["quiz", "--seed", "7"], 100, 30);
        s.wait_for("Put these events in the order they happened");
        assert!(!cooked(&s), "raw mode while running");
        assert!(s.screen.lock().unwrap().screen().alternate_screen());
        signal(&s, name);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 128 + number, "SIG{name}");
        assert_restored_from(&s, false);
        assert!(
            !s.contents().contains("(seed 7)"),
            "a stopped quiz prints no score: {}",
            s.contents()
        );
    }
}

#[test]
fn a_finished_quiz_restores_the_terminal_and_prints_its_score() {
    let mut s = Session::start(&["quiz", "--seed", "7", "--count", "2"], 100, 30);
    s.wait_for("Put these events in the order they happened");
    s.keys("\r");
    s.wait_for("The answer:");
    s.keys("\r");
    s.wait_for("Enter or q to finish");
    s.keys("\r");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_restored_from(&s, false);
    let shown = s.contents();
    assert!(shown.contains("of 2 in the right place"), "{shown}");
    assert!(shown.contains("(seed 7)"), "{shown}");
}

/// `tipline quiz --type tier --seed 7` on the fixture world, at 80×24:
/// a question answered right with `a`, one wrong with `b`, each marked;
/// `q` at the third leaves it unfinished, with no score printed.
#[test]
fn a_tier_quiz_marks_each_answer_at_80_by_24() {
    let mut s = Session::start(&["quiz", "--type", "tier", "--seed", "7"], 80, 24);
    s.wait_for("seed 7 · question 1 of 5 · the tier in a year");
    s.wait_for("In its 2011 report, which tier did the US State Department give Cambodia?");
    s.keys("a");
    let shown = s.wait_for("✓ Right.");
    assert!(shown.contains("✓ A. Tier 2 ← your answer"), "{shown}");
    assert!(
        shown.contains("US TIP report: Cambodia on Tier 2 (derived)"),
        "{shown}"
    );
    s.keys("\r");
    s.wait_for("In its 2009 report");
    s.keys("b");
    let shown = s.wait_for("✗ Wrong.");
    assert!(shown.contains("✗ B. Tier 3 ← your answer"), "{shown}");
    assert!(shown.contains("✓ D. Tier 2 Watch List"), "{shown}");
    s.keys("\r");
    s.wait_for("question 3 of 5");
    s.keys("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    assert_restored_from(&s, false);
    let shown = s.contents();
    assert!(shown.contains("quiz left unfinished (seed 7)"), "{shown}");
}

/// The whole tier quiz through to its score, which the command prints with the seed.
#[test]
fn a_finished_tier_quiz_prints_its_score_and_seed() {
    let mut s = Session::start(&["quiz", "--type", "tier", "--seed", "7"], 200, 24);
    for (n, key) in ["a", "d", "a", "d", "c"].iter().enumerate() {
        s.wait_for(&format!("question {} of 5", n + 1));
        s.keys(key);
        s.wait_for("✓ Right.");
        s.keys("\r");
    }
    let shown = s.wait_for("5 of 5 right");
    // Rows as read, without the blanks a row keeps from the frame before.
    let rows: Vec<&str> = shown.lines().map(str::trim_end).collect();
    let command = format!(
        "tipline --data {} export quiz --type tier --seed 7",
        crate::common::WORLD
    );
    assert!(
        rows.windows(2)
            .any(|w| w == ["On paper, from the same events:", command.as_str()]),
        "{shown}"
    );
    s.keys("\r");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    let shown = s.contents();
    assert!(shown.contains("5 of 5 right (seed 7)"), "{shown}");
}

#[test]
fn output_to_a_file_is_refused_without_touching_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out.txt");
    let script = format!(
        "\"{}\" > \"{}\"; echo \"status=$?\"",
        env!("CARGO_BIN_EXE_tipline"),
        out.display()
    );
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new("sh");
    cmd.args(["-c", &script]);
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut shown = Vec::new();
    let _ = child.wait();
    drop(pair.master);
    let _ = reader.read_to_end(&mut shown);
    let shown = String::from_utf8_lossy(&shown).into_owned();
    let written = std::fs::read(&out).unwrap_or_default();
    assert!(shown.contains("status=2"), "{shown:?}");
    assert!(shown.contains("use `tipline list`"), "{shown:?}");
    assert!(!shown.contains('\u{1b}'), "no escape sequences: {shown:?}");
    assert!(written.is_empty(), "nothing written to the file");
}

#[test]
fn a_changed_data_file_is_reloaded_and_a_broken_one_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let file = dir.join("live.toml");
    let valid =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid.toml")).unwrap();
    let with_title = |t: &str| valid.replacen("title = \"T\"\nkind", &format!("title = \"{t}\"\nkind"), 1);
    std::fs::write(&file, with_title("First title")).unwrap();
    let path = file.display().to_string();
    let mut s = Session::start(&["--data", &path], 100, 30);
    s.wait_for("First title");
    std::fs::write(&file, with_title("Second title")).unwrap();
    s.wait_for("Second title");
    // Broken on disk: the last good data stays, and the problem is shown.
    std::fs::write(
        &file,
        with_title("Third title").replace("kind = \"law\"", "kind = \"lwa\""),
    )
    .unwrap();
    let shown = s.wait_for("data file has 1 problem(s)");
    assert!(shown.contains("Second title"), "{shown}");
    assert!(shown.contains("unknown kind `lwa`"), "{shown}");
    std::fs::write(&file, with_title("Fourth title")).unwrap();
    let shown = s.wait_for("Fourth title");
    assert!(!shown.contains("problem(s)"), "{shown}");
    s.keys("q");
    assert!(s.wait_exit().success());
    // The viewer only read the file.
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        with_title("Fourth title")
    );
}

/// A large file reloads on a thread of its own: the status says so with
/// how far it has come, and keys (here, quitting) are answered meanwhile.
#[test]
fn a_large_data_file_reloads_while_keys_are_answered() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("large.toml");
    let (sources, actors, events) = tipline::synth::generate(20_000, 3);
    let text = tipline::load::write::to_toml(&sources, &actors, &events);
    std::fs::write(&file, &text).unwrap();
    let path = file.display().to_string();
    let mut s = Session::start(&["--data", &path], 100, 30);
    s.wait_for("of 20000 events");
    std::fs::write(&file, format!("{text}\n")).unwrap();
    s.wait_for("data files changed: reloading");
    s.keys("q");
    assert!(s.wait_exit().success());
}

/// Ctrl-Z hands the terminal back (raw mode and the alternate screen left,
/// as a shell needs) and takes it again when the job goes on, drawing the
/// whole screen anew with the selection kept. A terminal with no job
/// control, as here, does not stop the process, so the round trip is at once.
#[test]
fn ctrl_z_gives_the_terminal_back_and_takes_it_again() {
    let mut s = Session::start(&[], 100, 30);
    s.wait_for(&title_showing(|_| true));
    s.keys("j");
    let before = s.raw.lock().unwrap().len();
    s.keys("\u{1a}");
    // Until the terminal has been taken again (or the wait runs out).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let raw = loop {
        let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()[before..]).into_owned();
        let done = raw
            .find("\x1b[?1049l")
            .is_some_and(|left| raw[left..].contains("\x1b[?1049h"));
        if done || std::time::Instant::now() > deadline {
            break raw;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    s.wait_for(&title_showing(|_| true));
    let left = raw.find("\x1b[?1049l").expect("the alternate screen was left");
    let back = raw.rfind("\x1b[?1049h").expect("and entered again");
    assert!(back > left, "{raw:?}");
    assert!(
        s.screen.lock().unwrap().screen().alternate_screen(),
        "the app is on its screen again"
    );
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_data_file_replaced_by_rename_is_still_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let file = dir.join("saved.toml");
    let valid =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid.toml")).unwrap();
    let with_title = |t: &str| valid.replacen("title = \"T\"\nkind", &format!("title = \"{t}\"\nkind"), 1);
    std::fs::write(&file, with_title("Before any save")).unwrap();
    let path = file.display().to_string();
    let mut s = Session::start(&["--data", &path], 100, 30);
    s.wait_for("Before any save");
    // Saved as editors do: a new file written beside it, renamed over it.
    // Twice, so following goes on after the first file is gone.
    for title in ["After one save", "After two saves"] {
        let fresh = dir.join(".saved.toml.tmp");
        std::fs::write(&fresh, with_title(title)).unwrap();
        std::fs::rename(&fresh, &file).unwrap();
        let shown = s.wait_for(title);
        assert!(!shown.contains("problem(s)"), "{shown}");
    }
    s.keys("q");
    assert!(s.wait_exit().success());
}

#[test]
fn no_watch_keeps_the_data_as_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("still.toml");
    let valid =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid.toml")).unwrap();
    std::fs::write(
        &file,
        valid.replacen("title = \"T\"\nkind", "title = \"Kept title\"\nkind", 1),
    )
    .unwrap();
    let path = file.display().to_string();
    let mut still = Session::start(&["--no-watch", "--data", &path], 100, 30);
    let mut watching = Session::start(&["--data", &path], 100, 30);
    still.wait_for("Kept title");
    watching.wait_for("Kept title");
    std::fs::write(
        &file,
        valid.replacen("title = \"T\"\nkind", "title = \"Changed title\"\nkind", 1),
    )
    .unwrap();
    // Once a watching app has seen the change, the other has had as long.
    watching.wait_for("Changed title");
    still.keys("j");
    assert!(still.contents().contains("Kept title"), "{}", still.contents());
    for s in [&mut still, &mut watching] {
        s.keys("q");
        s.wait_exit();
    }
}

#[test]
fn a_notes_terminal_follows_the_presenter_through_two_stops() {
    let runtime = private_dir();
    let dir = runtime.path().display().to_string();
    let env = [("XDG_RUNTIME_DIR", dir.as_str())];
    let mut notes = Session::start_with(&["notes"], &env, 100, 20);
    notes.wait_for("Waiting for a presenter");
    let mut presenter = Session::start_with(&["present", "reading-2022-figures"], &env, 120, 40);
    presenter.wait_for("Fit check");
    presenter.keys(" ");
    presenter.wait_for("1 / 5");
    assert!(
        presenter.screen.lock().unwrap().screen().hide_cursor(),
        "no cursor block over a presented stop"
    );
    notes.wait_for("stop 1 / 5");
    // The last thing the console writes, so the whole screen has come.
    let shown = notes.wait_for("Next stop: Sar Kheng: 95 per cent");
    assert!(
        shown.contains("Now: Interior ministry opens a hotline"),
        "{shown}"
    );
    assert!(
        shown.contains("The hotline date comes from a second outlet"),
        "teacher notes: {shown}"
    );
    assert!(shown.contains("Next stop: Sar Kheng: 95 per cent"), "{shown}");
    presenter.keys("n");
    notes.wait_for("stop 2 / 5");
    let shown = notes.wait_for("A claim, attributed.");
    assert!(shown.contains("Question: Sar Kheng said 95 per cent"), "{shown}");
    // Esc comes back to browsing at that event, the lesson kept: the
    // notes view keeps following it, and p resumes it at the same stop.
    presenter.keys(" ");
    presenter.keys("\u{1b}");
    presenter.wait_for(&title_showing(|_| true));
    assert!(
        !presenter.screen.lock().unwrap().screen().hide_cursor(),
        "browsing, the cursor follows the selection again"
    );
    let shown = notes.wait_for("The presenter is browsing");
    assert!(shown.contains("stop 2 / 5"), "{shown}");
    presenter.keys("p");
    presenter.wait_for("2 / 5");
    notes.wait_for_gone("The presenter is browsing");
    presenter.keys("\u{1b}");
    presenter.wait_for(&title_showing(|_| true));
    presenter.keys("q");
    assert!(presenter.wait_exit().success());
    notes.wait_for("Waiting for a presenter");
    notes.keys("q");
    assert!(notes.wait_exit().success());
}

#[test]
fn a_data_file_replaced_by_a_named_pipe_is_reported_and_never_waited_on() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let file = dir.join("live.toml");
    let valid =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid.toml")).unwrap();
    std::fs::write(
        &file,
        valid.replacen("title = \"T\"\nkind", "title = \"Before the pipe\"\nkind", 1),
    )
    .unwrap();
    let path = file.display().to_string();
    let mut s = Session::start(&["--data", &path], 160, 30);
    s.wait_for("Before the pipe");
    std::fs::remove_file(&file).unwrap();
    let fifo = std::ffi::CString::new(path.as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only reads it.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let shown = s.wait_for("data file has 1 problem(s)");
    assert!(
        shown.contains("Before the pipe"),
        "the last good data stays: {shown}"
    );
    assert!(shown.contains("is a named pipe (FIFO)"), "{shown}");
    // Still listening: the key is read and the app quits.
    s.keys("q");
    assert!(s.wait_exit().success());
    assert_restored(&s);
}

#[test]
fn a_config_home_that_is_a_file_runs_without_a_config() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let not_a_folder = root.join("config-home");
    std::fs::write(&not_a_folder, "").unwrap();
    let home = root.display().to_string();
    let config_home = not_a_folder.display().to_string();
    let env = [("XDG_CONFIG_HOME", config_home.as_str()), ("HOME", home.as_str())];
    let mut s = Session::start_with(&[], &env, 100, 30);
    s.wait_for(&title_showing(|_| true));
    s.keys("q");
    assert!(s.wait_exit().success());
}

const LINKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/links.toml");

/// The cursor's (row, column) and the character under it.
fn cursor_on(s: &Session) -> (u16, u16, String) {
    let parser = s.screen.lock().unwrap();
    let screen = parser.screen();
    let (row, col) = screen.cursor_position();
    let under = screen.cell(row, col).map(|c| c.contents()).unwrap_or_default();
    (row, col, under.to_string())
}

/// The text of one screen row.
fn row_text(s: &Session, row: u16) -> String {
    s.contents().lines().nth(row as usize).unwrap_or("").to_string()
}

/// Waits until the cursor sits on a row showing `text`.
fn wait_cursor_on(s: &Session, text: &str) -> (u16, u16, String) {
    let deadline = Instant::now() + patience();
    loop {
        let at = cursor_on(s);
        if row_text(s, at.0).contains(text) {
            return at;
        }
        assert!(
            Instant::now() < deadline,
            "the cursor never reached a row showing {text:?}: at {at:?}; screen:\n{}",
            s.contents()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_terminal_cursor_follows_the_selection_and_the_prompt_caret() {
    let mut s = Session::start(&["--data", LINKS], 120, 40);
    s.wait_for("A law is passed");
    let (_, _, under) = wait_cursor_on(&s, "A law is passed");
    assert_eq!(under, "▶", "on the selection marker");
    s.keys("j");
    let (_, _, under) = wait_cursor_on(&s, "A plan follows the law");
    assert_eq!(under, "▶");
    s.keys("G");
    wait_cursor_on(&s, "A review");
    // In a prompt the cursor is the caret, after what was typed.
    s.keys("/");
    s.wait_for("search: ");
    s.keys("law");
    let (row, col, _) = wait_cursor_on(&s, "search: law");
    assert_eq!(row, 37, "the status line, above two rows of key hints");
    assert_eq!(col, "search: law".len() as u16);
    s.keys("\x1b");
    s.keys("q");
    assert!(s.wait_exit().success());
    assert_restored(&s);
}

#[test]
fn web_addresses_are_hyperlinks_to_web_addresses_only() {
    let mut s = Session::start(&["--data", LINKS], 120, 40);
    s.wait_for("https://example.org/report");
    s.keys("q");
    assert!(s.wait_exit().success());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(
        raw.contains("\x1b]8;;https://example.org/report\x1b\\https://example.org/report\x1b]8;;\x1b\\"),
        "the address is a link to itself"
    );
    let targets: Vec<&str> = raw
        .split("\x1b]8;;")
        .skip(1)
        .map(|rest| rest.split('\x1b').next().unwrap_or(""))
        .filter(|target| !target.is_empty())
        .collect();
    assert!(!targets.is_empty());
    for t in targets {
        assert!(
            t.starts_with("https://") || t.starts_with("http://"),
            "a link to {t:?}"
        );
    }
}

#[test]
fn hyperlinks_can_be_turned_off_in_the_config() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let config = dir.join("config.toml");
    std::fs::write(&config, "hyperlinks = false\n").unwrap();
    let mut s = Session::start(&["--config", config.to_str().unwrap(), "--data", LINKS], 120, 40);
    s.wait_for("https://example.org/report");
    s.keys("q");
    assert!(s.wait_exit().success());
    let raw = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
    assert!(!raw.contains("\x1b]8;"), "no hyperlink sequence at all");
}

/// Waits for text in what the program wrote (and the terminal echoed), not
/// only what is left on the screen.
fn wait_for_written(s: &Session, text: &str) -> String {
    let deadline = Instant::now() + patience();
    loop {
        let written = String::from_utf8_lossy(&s.raw.lock().unwrap()).into_owned();
        if written.contains(text) {
            return written;
        }
        assert!(
            Instant::now() < deadline,
            "never wrote {text:?}; written:\n{written}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_plain_reading_writes_lines_and_nothing_else() {
    let data = format!("{}/tests/fixtures/plain.toml", env!("CARGO_MANIFEST_DIR"));
    let mut s = Session::start(&["--plain", "--data", &data], 100, 30);
    wait_for_written(&s, "5 of 5 events, no filter");
    wait_for_written(&s, "> ");
    assert!(cooked(&s), "the terminal stays in line mode, echoing");
    s.keys("year 2022\r");
    wait_for_written(&s, "3 of 5 events, filter year:2022\r\n");
    s.keys("next\r");
    wait_for_written(&s, "2 of 3: October 2022 · Raid");
    s.keys("show 1\r");
    wait_for_written(&s, "Date: 18 August 2022; known to the day\r\n");
    s.keys("quit\r");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    let raw = s.raw.lock().unwrap().clone();
    // The terminal echoes what was typed (none of it escapes); the rest is the program's.
    assert!(!raw.contains(&0x1b), "{}", String::from_utf8_lossy(&raw));
    let written = String::from_utf8(raw).unwrap();
    assert!(
        !written.chars().any(|c| ('\u{2500}'..='\u{259f}').contains(&c)),
        "{written}"
    );
    for line in [
        "1 of 3: 18 August 2022 · Hotline opens · crackdown · single source",
        "> next\r\n2 of 3: October 2022 · Raid ^[[31mon a compound \\u{2503}\\u{2588} · operation · date approximate · sources disagree",
        "> show 1\r\n1 of 3: Hotline opens\r\n",
        "Figure: complaints: 1,122 calls, first month, according to Sár Kheng\r\n",
    ] {
        assert!(written.contains(line), "{line:?} in {written}");
    }
    assert!(!s.screen.lock().unwrap().screen().alternate_screen());
}

#[test]
fn a_large_data_file_loads_behind_a_loading_screen_that_quits_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // Large enough that a debug build reads it for well over half a second;
    // the name carries an escape sequence, which must be shown as text.
    let file = dir.join("big\x1b[31m.toml");
    let (sources, actors, events) = tipline::synth::generate(12_000, 7);
    std::fs::write(&file, tipline::load::write::to_toml(&sources, &actors, &events)).unwrap();
    let path = file.display().to_string();
    for quit in ["q", "\x1b", "\x03"] {
        let mut s = Session::start(&["--data", &path], 100, 30);
        let shown = s.wait_for("q or Esc to quit");
        assert!(shown.contains("Loading "), "{shown}");
        assert!(shown.contains("big^[[31m.toml"), "the name is sanitised: {shown}");
        assert!(shown.contains(" MB"), "{shown}");
        assert!(!cooked(&s), "raw mode while loading");
        s.keys(quit);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), 0, "quit with {quit:?}");
        assert_restored(&s);
        assert!(!s.contents().contains("Loading "), "the loading screen is gone");
    }
}

#[test]
fn problems_in_a_large_data_file_are_printed_once_the_terminal_is_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let file = dir.join("big.toml");
    let (sources, actors, events) = tipline::synth::generate(12_000, 8);
    let mut text = tipline::load::write::to_toml(&sources, &actors, &events);
    text.push_str("\n[[events]]\nid = \"bad-one\"\ndate = \"2020\"\ntitle = \"T\"\nkind = \"lwa\"\n");
    std::fs::write(&file, text).unwrap();
    let path = file.display().to_string();
    let mut s = Session::start(&["--data", &path], 100, 30);
    s.wait_for("q or Esc to quit");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 1);
    assert_restored(&s);
    let shown = s.contents();
    assert!(shown.contains("unknown kind `lwa`"), "{shown}");
    assert!(shown.contains("error(s) in the data; nothing loaded"), "{shown}");
}

#[path = "plain.rs"]
mod plain;
