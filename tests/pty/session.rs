//! A pseudo-terminal running the real binary, its screen read back through
//! a terminal emulator (vt100), which lays text out a character at a time.

use portable_pty::{native_pty_system, CommandBuilder, PtySize};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a wait may last before the test fails: 20 s, or
/// `TIPLINE_TEST_WAIT_SECS` on a slow machine. Only a broken run reaches it.
pub fn patience() -> Duration {
    let secs = std::env::var("TIPLINE_TEST_WAIT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    Duration::from_secs(secs)
}

/// A folder only this user may enter, as a runtime folder is.
pub fn private_dir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    tempfile::Builder::new()
        .permissions(std::fs::Permissions::from_mode(0o700))
        .tempdir()
        .unwrap()
}

pub struct Session {
    pub screen: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    pub writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    pub master: Box<dyn portable_pty::MasterPty + Send>,
}

impl Session {
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Session {
        Session::start_with(args, &[], cols, rows)
    }

    pub fn start_with(args: &[&str], env: &[(&str, &str)], cols: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_tipline"));
        // The fixture world and its lessons unless the test names its own,
        // so the screens read here do not move with the dataset.
        if !args.contains(&"--data") {
            cmd.args(["--data", crate::common::WORLD]);
        }
        if !args.contains(&"--lessons") {
            cmd.args(["--lessons", crate::common::WORLD_LESSONS]);
        }
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("tipline starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().unwrap(),
            cols.try_into().unwrap(),
            0,
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (s, r) = (screen.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                s.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            screen,
            raw,
            writer,
            child,
            master: pair.master,
        }
    }

    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits for text to appear; the deadline only stops a broken run from hanging.
    pub fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + patience();
        loop {
            let shown = self.contents();
            if shown.contains(text) {
                return shown;
            }
            assert!(
                Instant::now() < deadline,
                "never showed {text:?}; screen:\n{shown}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for text to leave the screen, with the same deadline.
    pub fn wait_for_gone(&self, text: &str) -> String {
        let deadline = Instant::now() + patience();
        loop {
            let shown = self.contents();
            if !shown.contains(text) {
                return shown;
            }
            assert!(
                Instant::now() < deadline,
                "still showing {text:?}; screen:\n{shown}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + patience();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader drain what was written last.
                std::thread::sleep(Duration::from_millis(200));
                return status;
            }
            assert!(Instant::now() < deadline, "tipline did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
