//! Files that are not regular files (devices, named pipes), files larger
//! than they say, and config paths through things that are not folders:
//! each is refused with a message naming it, or read without waiting, and
//! never read past its cap.
#![cfg(unix)]

use assert_cmd::Command;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;
use tipline::load::{read_bounded, DataFile, ReadFailure};

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only reads it.
    assert_eq!(
        unsafe { libc::mkfifo(c.as_ptr(), 0o600) },
        0,
        "mkfifo {}",
        path.display()
    );
}

/// Runs `f` on a thread and gives its result, failing the test (rather
/// than hanging it) if it has not returned after a generous while.
fn within<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(20))
        .expect("returned instead of waiting for ever")
}

fn tipline() -> Command {
    let mut cmd = Command::cargo_bin("tipline").unwrap();
    cmd.timeout(Duration::from_secs(60));
    cmd
}

#[test]
fn check_refuses_devices_by_name() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let out = tipline().args(["check", device]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{device}: {stderr}");
        assert!(out.status.code().is_some(), "exited, not killed: {device}");
        assert!(
            stderr.contains(&format!(
                "{device}: error: is a character device, expected a TOML data file"
            )),
            "{stderr}"
        );
    }
}

#[test]
fn check_refuses_a_named_pipe_without_waiting_for_a_writer() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let fifo = dir.join("pipe.toml");
    mkfifo(&fifo);
    let path = fifo.display().to_string();
    let out = tipline().args(["check", &path]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code().is_some_and(|c| c != 0), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{path}: error: is a named pipe (FIFO), expected a TOML data file"
        )),
        "{stderr}"
    );
}

#[test]
fn data_file_read_returns_at_once_on_a_named_pipe() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let fifo = dir.join("pipe.toml");
    mkfifo(&fifo);
    let e = within({
        let fifo = fifo.clone();
        move || DataFile::read(&fifo).unwrap_err()
    });
    assert!(e.message.contains("is a named pipe (FIFO)"), "{e}");
}

#[test]
fn a_lesson_folder_with_a_named_pipe_names_it() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let fifo = dir.join("stuck.toml");
    mkfifo(&fifo);
    let out = tipline()
        .args(["lessons", "--lessons", &dir.display().to_string()])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code().is_some_and(|c| c != 0), "{stderr}");
    assert!(
        stderr.contains("stuck.toml: error: is a named pipe (FIFO), expected a TOML data file"),
        "{stderr}"
    );
}

#[test]
fn the_read_itself_stops_one_byte_past_the_cap() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let file = dir.join("sixteen.toml");
    std::fs::write(&file, "0123456789abcdef").unwrap();
    assert_eq!(read_bounded(&file, 16).unwrap(), b"0123456789abcdef");
    match read_bounded(&file, 15) {
        Err(ReadFailure::TooLarge {
            size: Some(16),
            limit: 15,
        }) => {}
        other => panic!("refused by its size: {other:?}"),
    }
    // A file that says it is empty but is not (as one growing while read
    // would): /proc files report a size of 0. Only the read can catch it.
    let status = Path::new("/proc/self/status");
    if status.exists() {
        assert_eq!(std::fs::metadata(status).unwrap().len(), 0);
        match read_bounded(status, 16) {
            Err(ReadFailure::TooLarge {
                size: None,
                limit: 16,
            }) => {}
            other => panic!("stopped by the read: {other:?}"),
        }
    }
}

#[test]
fn the_config_refuses_devices_and_pipes_by_name() {
    let e = tipline::app::config::load(Path::new("/dev/zero")).unwrap_err();
    assert_eq!(
        e[0].to_string(),
        "/dev/zero: error: is a character device, expected a TOML config file"
    );
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let fifo = dir.join("config.toml");
    mkfifo(&fifo);
    let e = within({
        let fifo = fifo.clone();
        move || tipline::app::config::load(&fifo).unwrap_err()
    });
    assert!(
        e[0].to_string()
            .ends_with("is a named pipe (FIFO), expected a TOML config file"),
        "{}",
        e[0]
    );
}

#[test]
fn a_config_path_through_a_file_is_no_config() {
    // XDG_CONFIG_HOME set to a file: the config path goes through it.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let home = dir.join("not-a-folder");
    std::fs::write(&home, "").unwrap();
    let config = tipline::app::config::load(&home.join("tipline").join("config.toml"));
    let config = config.expect("runs without a config");
    assert!(config.theme.is_none() && config.mouse.is_none() && config.keymap.is_none());
}
