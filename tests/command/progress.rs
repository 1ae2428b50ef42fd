//! Long loads show a progress bar only on a terminal: a pipe gets the
//! report and nothing else.

use assert_cmd::Command;

#[test]
fn a_long_check_writes_no_bar_into_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.toml");
    // Large enough that loading takes well over half a second here.
    let (s, a, e) = tipline::synth::generate(20_000, 2);
    std::fs::write(&path, tipline::load::write::to_toml(&s, &a, &e)).unwrap();
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("20000 events, 0 error(s)"), "{stdout}");
    for text in [&stdout, &stderr] {
        assert!(!text.contains('\r') && !text.contains('\x1b'), "{text:?}");
        assert!(!text.contains("loading ["), "{text:?}");
    }
}
