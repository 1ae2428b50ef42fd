//! The presenter's state files, which `tipline notes` follows: a private
//! folder, files written without following links, and a notes view that
//! reads only what a presenter of this user's wrote.
#![cfg(unix)]

use assert_cmd::Command;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;
use tipline::app::notes::{find_in, Found};
use tipline::app::presenter::{Published, StateDir, MAX_STATE_BYTES};

/// A folder only this user may enter, as a runtime folder is.
fn private_dir() -> tempfile::TempDir {
    tempfile::Builder::new()
        .permissions(std::fs::Permissions::from_mode(0o700))
        .tempdir()
        .unwrap()
}

fn mode(path: &Path) -> u32 {
    std::fs::symlink_metadata(path).unwrap().mode() & 0o7777
}

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// The user id files are given to, to be another user's.
const NOBODY: u32 = 65534;

fn state(pid: u32) -> Published {
    Published {
        pid,
        lesson: "Reading figures".into(),
        position: 2,
        total: 5,
        title: "A claim, attributed".into(),
        prompt: Some("Who said it?\nAnd when?".into()),
        notes: Some("First line of notes.\nSecond line of notes.".into()),
        next: Some("The last stop".into()),
        started_unix: 1_700_000_000,
        revealed: Vec::new(),
        coming: Vec::new(),
        browsing: false,
        minutes: None,
        plan: None,
        blank: None,
        fit_check: false,
    }
}

/// Processes that stay alive for the test, for file names with live ids.
struct Sleepers(Vec<std::process::Child>);

impl Sleepers {
    fn new(n: usize) -> Sleepers {
        Sleepers(
            (0..n)
                .map(|_| std::process::Command::new("sleep").arg("60").spawn().unwrap())
                .collect(),
        )
    }

    fn pid(&self, i: usize) -> u32 {
        self.0[i].id()
    }
}

impl Drop for Sleepers {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn dead_pid() -> u32 {
    let mut child = std::process::Command::new("true").spawn().unwrap();
    let pid = child.id();
    child.wait().unwrap();
    pid
}

fn find_soon(dir: StateDir, pid: Option<u32>) -> Found {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(find_in(&dir, pid));
    });
    rx.recv_timeout(Duration::from_secs(20))
        .expect("reading the states never waits")
}

#[test]
fn the_folder_is_made_0700_and_a_state_file_0600() {
    let tmp = private_dir();
    let root = tmp.path();
    let path = root.join("state");
    let dir = StateDir::at(&path).unwrap();
    assert_eq!(mode(&path), 0o700);
    let pid = std::process::id();
    dir.publish(&state(pid)).unwrap();
    let file = path.join(format!("present-{pid}.json"));
    assert_eq!(mode(&file), 0o600);
    let written: Published = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(written, state(pid));
    let mut names: Vec<_> = std::fs::read_dir(&path)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, [format!("present-{pid}.json")], "no temporary file left");
}

#[test]
fn a_folder_of_ours_left_open_is_closed_to_0700() {
    let tmp = private_dir();
    let root = tmp.path();
    let path = root.join("state");
    std::fs::create_dir(&path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o777)).unwrap();
    StateDir::at(&path).unwrap();
    assert_eq!(mode(&path), 0o700);
}

#[test]
fn a_symbolic_link_or_a_file_is_not_a_state_folder() {
    let tmp = private_dir();
    let root = tmp.path();
    let elsewhere = root.join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::set_permissions(&elsewhere, std::fs::Permissions::from_mode(0o755)).unwrap();
    let link = root.join("state");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let e = StateDir::at(&link).unwrap_err();
    assert_eq!(e, format!("{} is a symbolic link, not a folder", link.display()));
    assert_eq!(mode(&elsewhere), 0o755, "the link's target is left alone");
    let file = root.join("file");
    std::fs::write(&file, "").unwrap();
    let e = StateDir::at(&file).unwrap_err();
    assert_eq!(e, format!("{} is not a folder", file.display()));
}

#[test]
fn a_folder_of_another_user_is_refused() {
    if !is_root() {
        eprintln!("skipped: only root can give a folder to another user");
        return;
    }
    let tmp = private_dir();
    let root = tmp.path();
    let path = root.join("state");
    std::fs::create_dir(&path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o700)).unwrap();
    std::os::unix::fs::chown(&path, Some(NOBODY), Some(NOBODY)).unwrap();
    let e = StateDir::at(&path).unwrap_err();
    assert_eq!(e, format!("{} belongs to another user", path.display()));
}

#[test]
fn links_planted_at_the_temporary_and_final_names_are_not_followed() {
    let tmp = private_dir();
    let root = tmp.path();
    let path = root.join("state");
    let dir = StateDir::at(&path).unwrap();
    let pid = std::process::id();
    let victims = [root.join("victim-temp"), root.join("victim-final")];
    for v in &victims {
        std::fs::write(v, "precious").unwrap();
    }
    std::os::unix::fs::symlink(&victims[0], path.join(format!(".present-{pid}.tmp"))).unwrap();
    std::os::unix::fs::symlink(&victims[1], path.join(format!("present-{pid}.json"))).unwrap();
    dir.publish(&state(pid)).unwrap();
    dir.publish(&state(pid)).unwrap();
    for v in &victims {
        assert_eq!(std::fs::read_to_string(v).unwrap(), "precious");
    }
    let file = path.join(format!("present-{pid}.json"));
    let meta = std::fs::symlink_metadata(&file).unwrap();
    assert!(meta.file_type().is_file(), "the state replaced the link");
    assert_eq!(meta.mode() & 0o777, 0o600);
    assert!(!path.join(format!(".present-{pid}.tmp")).exists());
}

#[test]
fn the_notes_view_follows_a_live_presenter_and_keeps_line_breaks() {
    let tmp = private_dir();
    let root = tmp.path();
    let dir = StateDir::at(&root.join("state")).unwrap();
    let pid = std::process::id();
    dir.publish(&state(pid)).unwrap();
    let found = find_soon(dir, None);
    assert_eq!(found.skipped, Vec::<String>::new());
    assert_eq!(found.state, Some(state(pid)));

    let keymap = tipline::app::keymap::Keymap::default();
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(60, 16)).unwrap();
    terminal
        .draw(|f| tipline::app::notes::draw(f, &found, &keymap))
        .unwrap();
    let rows: Vec<String> = (0..16)
        .map(|y| {
            let buf = terminal.backend().buffer();
            (0..60)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .map(|r| r.trim_end().to_string())
        .collect();
    let at = |text: &str| {
        rows.iter()
            .position(|r| r == text)
            .unwrap_or_else(|| panic!("{text:?} in {rows:#?}"))
    };
    assert_eq!(at("And when?"), at("Question: Who said it?") + 1);
    assert_eq!(at("Second line of notes."), at("First line of notes.") + 1);
}

#[test]
fn a_state_of_a_process_no_longer_running_is_removed() {
    let tmp = private_dir();
    let root = tmp.path();
    let path = root.join("state");
    let dir = StateDir::at(&path).unwrap();
    let dead = dead_pid();
    dir.publish(&state(dead)).unwrap();
    std::fs::write(path.join(format!(".present-{dead}.tmp")), "{").unwrap();
    let found = find_soon(dir, None);
    assert_eq!(found, Found::default());
    assert_eq!(std::fs::read_dir(&path).unwrap().count(), 0, "both files removed");
}

#[test]
fn a_state_counts_only_when_its_name_and_its_text_agree() {
    let tmp = private_dir();
    let root = tmp.path();
    let path = root.join("state");
    let dir = StateDir::at(&path).unwrap();
    let live = Sleepers::new(2);
    let (named, claimed) = (live.pid(0), live.pid(1));
    // Written under one live process's name, claiming another's.
    let text = serde_json::to_string(&state(claimed)).unwrap();
    std::fs::write(path.join(format!("present-{named}.json")), text).unwrap();
    let found = find_in(&dir, None);
    assert_eq!(found.state, None);
    assert_eq!(
        found.skipped,
        [format!("present-{named}.json: written for process {claimed}")]
    );
    for pid in [named, claimed] {
        assert_eq!(find_in(&dir, Some(pid)).state, None, "--pid {pid}");
    }
    // A matching one is followed; --pid picks it by name.
    dir.publish(&state(claimed)).unwrap();
    assert_eq!(find_in(&dir, Some(claimed)).state, Some(state(claimed)));
    assert_eq!(find_in(&dir, Some(named)).state, None);
}

#[test]
fn pipes_links_oversized_and_foreign_files_are_skipped_with_a_note() {
    let tmp = private_dir();
    let root = tmp.path();
    let path = root.join("state");
    let dir = StateDir::at(&path).unwrap();
    let live = Sleepers::new(5);
    let name = |i: usize| format!("present-{}.json", live.pid(i));
    // A named pipe: opening it for reading would wait for a writer.
    let fifo = std::ffi::CString::new(path.join(name(0)).into_os_string().into_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only reads it.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    // A link to an endless device.
    std::os::unix::fs::symlink("/dev/zero", path.join(name(1))).unwrap();
    // One byte over the limit, and one exactly at it: valid JSON padded.
    let padded = |pid: u32, len: u64| {
        let mut text = serde_json::to_string(&state(pid)).unwrap();
        text.push_str(&" ".repeat(len as usize - text.len()));
        text
    };
    std::fs::write(path.join(name(2)), padded(live.pid(2), MAX_STATE_BYTES + 1)).unwrap();
    std::fs::write(path.join(name(3)), padded(live.pid(3), MAX_STATE_BYTES)).unwrap();
    let mut expected = vec![
        format!("{}: not a regular file", name(0)),
        format!("{}: not a regular file", name(1)),
        format!("{}: larger than 64 KiB", name(2)),
    ];
    if is_root() {
        std::fs::write(
            path.join(name(4)),
            serde_json::to_string(&state(live.pid(4))).unwrap(),
        )
        .unwrap();
        std::os::unix::fs::chown(path.join(name(4)), Some(NOBODY), Some(NOBODY)).unwrap();
        expected.push(format!("{}: owned by another user", name(4)));
    } else {
        eprintln!("skipped the foreign file: only root can give a file to another user");
    }
    expected.sort();
    let found = find_soon(dir, None);
    assert_eq!(found.skipped, expected);
    assert_eq!(
        found.state,
        Some(state(live.pid(3))),
        "the one at the limit is read"
    );
}

#[test]
fn state_text_is_made_safe_to_show() {
    let tmp = private_dir();
    let root = tmp.path();
    let dir = StateDir::at(&root.join("state")).unwrap();
    let pid = std::process::id();
    let mut hostile = state(pid);
    hostile.title = "\u{1b}]0;pwned\u{7}Title".into();
    hostile.notes = Some("one\u{1b}[2J\ntwo".into());
    dir.publish(&hostile).unwrap();
    let found = find_in(&dir, None).state.unwrap();
    assert_eq!(found.title, "^[]0;pwned^GTitle");
    assert_eq!(found.notes.as_deref(), Some("one^[[2J\ntwo"));
}

/// `tipline present` with no runtime folder: its state goes in a folder of
/// the user's own in the temporary folder, made before anything else.
#[test]
fn without_xdg_runtime_dir_the_folder_is_per_user_and_private() {
    let tmp = private_dir();
    let root = tmp.path();
    // SAFETY: geteuid has no preconditions.
    let uid = unsafe { libc::geteuid() };
    let own = root.join(format!("tipline-{uid}"));
    let run = |temp: &Path| {
        Command::cargo_bin("tipline")
            .unwrap()
            .args(["present", "reading-2022-figures"])
            .env_remove("XDG_RUNTIME_DIR")
            .env("TMPDIR", temp)
            .timeout(Duration::from_secs(60))
            .output()
            .unwrap()
    };
    // Without a terminal it stops, but only after making the folder.
    run(root);
    assert_eq!(mode(&own), 0o700);
    assert!(!root.join("tipline").exists(), "no shared folder");

    // A link where the folder should be: refused, saying why.
    std::fs::remove_dir(&own).unwrap();
    std::os::unix::fs::symlink("/", &own).unwrap();
    let out = run(root);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(
        stderr,
        format!(
            "tipline: present: no private folder for the notes terminal: {} is a symbolic link, \
             not a folder; set XDG_RUNTIME_DIR to a folder of your own\n",
            own.display()
        )
    );
}

fn names_in(path: &Path) -> Vec<String> {
    let mut names: Vec<_> = std::fs::read_dir(path)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
}

#[test]
fn a_command_from_the_console_is_a_private_file_taken_once_in_order() {
    use tipline::app::room::{now_nanos, take, Command, Sender};
    let tmp = private_dir();
    let path = tmp.path().join("state");
    let dir = StateDir::at(&path).unwrap();
    let presenter = Sleepers::new(1);
    let to = presenter.pid(0);
    let mut sender = Sender::new();
    for command in [Command::Next, Command::Reveal, Command::Back, Command::BlankBlack] {
        sender.send(&dir, to, command).unwrap();
    }
    let written = names_in(&path);
    assert_eq!(
        written.len(),
        4,
        "one file per command, none replaced: {written:?}"
    );
    for name in &written {
        assert!(
            name.starts_with(&format!("command-{to}-{}-", std::process::id())),
            "{name}"
        );
        assert_eq!(mode(&path.join(name)), 0o600, "{name}");
    }
    // Another presenter's commands are not this one's.
    assert_eq!(take(&dir, std::process::id(), now_nanos()), []);
    assert_eq!(
        take(&dir, to, now_nanos()),
        [Command::Next, Command::Reveal, Command::Back, Command::BlankBlack],
        "in the order sent"
    );
    assert_eq!(take(&dir, to, now_nanos()), [], "each taken once");
    assert_eq!(names_in(&path), Vec::<String>::new(), "and removed");
}

#[test]
fn stale_forged_and_hostile_commands_are_removed_unread() {
    use tipline::app::room::{now_nanos, take, Command, STALE_NANOS};
    let tmp = private_dir();
    let root = tmp.path();
    let path = root.join("state");
    let dir = StateDir::at(&path).unwrap();
    let live = Sleepers::new(1);
    let to = live.pid(0);
    let now = now_nanos();
    let write = |from: u32, seq: u64, text: String| {
        std::fs::write(path.join(format!("command-{to}-{from}-{seq}.json")), text).unwrap();
    };
    let json =
        |to: u32, from: u32, seq: u64| format!(r#"{{"to":{to},"from":{from},"seq":{seq},"command":"next"}}"#);
    // Sent longer ago than a presenter would act on.
    write(1, now - STALE_NANOS - 1, json(to, 1, now - STALE_NANOS - 1));
    // Its text names another presenter, or another number, than its name.
    write(2, now - 5, json(to + 1, 2, now - 5));
    write(3, now - 4, json(to, 3, now - 1));
    // Not a command at all, and a command to quit, which none may ask.
    write(4, now - 3, "{".into());
    write(
        5,
        now - 2,
        r#"{"to":TO,"from":5,"seq":SEQ,"command":"quit"}"#
            .replace("TO", &to.to_string())
            .replace("SEQ", &(now - 2).to_string()),
    );
    // A link to a file elsewhere, and a named pipe: never opened.
    let victim = root.join("victim");
    std::fs::write(&victim, json(to, 6, now - 1)).unwrap();
    std::os::unix::fs::symlink(&victim, path.join(format!("command-{to}-6-{}.json", now - 1))).unwrap();
    let fifo = path.join(format!("command-{to}-7-{now}.json"));
    let c = std::ffi::CString::new(fifo.into_os_string().into_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only reads it.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    // One good command among them.
    write(8, now, json(to, 8, now));
    let (tx, rx) = mpsc::channel();
    let moved = StateDir::at(&path).unwrap();
    std::thread::spawn(move || {
        let _ = tx.send(take(&moved, to, now));
    });
    let taken = rx
        .recv_timeout(Duration::from_secs(20))
        .expect("taking commands never waits");
    assert_eq!(taken, [Command::Next]);
    assert_eq!(names_in(&path), Vec::<String>::new(), "every one removed");
    assert_eq!(
        std::fs::read_to_string(&victim).unwrap(),
        json(to, 6, now - 1),
        "the link's target is left alone"
    );
    drop(dir);
}

#[test]
fn commands_to_a_presenter_no_longer_running_are_removed() {
    let tmp = private_dir();
    let path = tmp.path().join("state");
    let dir = StateDir::at(&path).unwrap();
    let dead = dead_pid();
    let live = Sleepers::new(1);
    let mut sender = tipline::app::room::Sender::new();
    sender
        .send(&dir, dead, tipline::app::room::Command::Next)
        .unwrap();
    sender
        .send(&dir, live.pid(0), tipline::app::room::Command::Next)
        .unwrap();
    std::fs::write(path.join(format!(".command-{dead}-1-2.tmp")), "{").unwrap();
    find_in(&dir, None);
    let left = names_in(&path);
    assert_eq!(left.len(), 1, "{left:?}");
    assert!(
        left[0].starts_with(&format!("command-{}-", live.pid(0))),
        "{left:?}"
    );
}
