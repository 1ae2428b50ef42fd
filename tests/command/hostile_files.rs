//! Files and folders that someone else made: lesson packs with links out of
//! their folder, names holding terminal escapes, JSON from Windows editors,
//! and a folder named like a subcommand.

use assert_cmd::Command;
use std::path::Path;

fn tipline_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tipline").unwrap();
    cmd.current_dir(dir).env_remove("CI_SECRET_FOR_TEST");
    cmd
}

/// A folder named `lessons` (the most natural name) is a folder, not the subcommand.
#[test]
fn a_lessons_folder_named_lessons_is_read_as_a_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("lessons");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(
        Path::new(crate::common::WORLD_LESSONS).join("reading-2022-figures.toml"),
        folder.join("reading-2022-figures.toml"),
    )
    .unwrap();
    let out = tipline_in(tmp.path())
        .args(["--data", crate::common::WORLD, "--lessons", "lessons", "lessons"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(text.ends_with("1 lesson(s)\n"), "{text}");
    let out = tipline_in(tmp.path())
        .args(["--data", crate::common::WORLD, "--lessons", "lessons"])
        .args(["lessons", "show", "reading-2022-figures"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8(out.stdout)
        .unwrap()
        .starts_with("Reading official figures"));
}

/// A lesson's id is its file name, which may hold an OSC 52 (clipboard) or
/// OSC 2 (window title) sequence; the listing shows it escaped.
#[cfg(unix)]
#[test]
fn lesson_file_names_are_listed_without_their_escapes() {
    let tmp = tempfile::tempdir().unwrap();
    let lesson =
        std::fs::read_to_string(Path::new(crate::common::WORLD_LESSONS).join("reading-2022-figures.toml"))
            .unwrap();
    let name = "x\u{1b}]52;c;ZWNobyBwd25lZA==\u{7}\u{1b}]2;owned\u{7}.toml";
    std::fs::write(tmp.path().join(name), lesson).unwrap();
    let out = tipline_in(tmp.path())
        .args(["--data", crate::common::WORLD, "--lessons", ".", "lessons"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}') && !text.contains('\u{7}'), "{text:?}");
    assert!(
        text.starts_with("x^[]52;c;ZWNobyBwd25lZA==^G^[]2;owned^G\n  Reading official figures"),
        "{text:?}"
    );
}

/// A contributed lesson pack whose `x.toml` links to a secret outside it:
/// `check` refuses the link and prints none of the secret.
#[cfg(unix)]
#[test]
fn links_out_of_a_lessons_folder_are_refused_and_never_quoted() {
    let tmp = tempfile::tempdir().unwrap();
    let secret = tmp.path().join("credentials");
    std::fs::write(&secret, "aws_secret_access_key = \"hunter2-very-secret\"\n").unwrap();
    let pack = tmp.path().join("pack");
    std::fs::create_dir(&pack).unwrap();
    std::os::unix::fs::symlink(&secret, pack.join("x.toml")).unwrap();
    let out = tipline_in(tmp.path())
        .args(["--data", crate::common::WORLD, "--lessons", "pack", "check"])
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!out.status.success());
    assert!(!all.contains("hunter2"), "{all}");
    assert!(all.contains("pack/x.toml: error: is a link to "), "{all}");
    assert!(
        all.contains("credentials, outside its folder; not read (name that file itself to read it)"),
        "{all}"
    );
}

/// A link inside its own folder is as safe as the file itself.
#[cfg(unix)]
#[test]
fn a_link_within_its_folder_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(crate::common::WORLD, tmp.path().join("world.toml")).unwrap();
    std::os::unix::fs::symlink("world.toml", tmp.path().join("alias.toml")).unwrap();
    let out = tipline_in(tmp.path())
        .args(["--data", "alias.toml", "list", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The same for a data file named by a shell glob, and for /proc files,
/// which call themselves regular and empty and then read as the environment.
#[cfg(target_os = "linux")]
#[test]
fn proc_files_and_links_out_of_a_data_folder_are_never_quoted() {
    let tmp = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", tmp.path().join("x.toml")).unwrap();
    let out = tipline_in(tmp.path())
        .env("CI_SECRET_FOR_TEST", "hunter2-token")
        .args(["--data", "x.toml", "check"])
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("hunter2"), "{all}");
    assert!(all.starts_with("x.toml: error: is a link to /proc/"), "{all}");
    let out = tipline_in(tmp.path())
        .env("CI_SECRET_FOR_TEST", "hunter2-token")
        .args(["--data", "/proc/self/environ", "check"])
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!all.contains("hunter2"), "{all}");
    assert!(
        all.contains("/proc/self/environ: error: is a special file that reports no size (like those under /proc), expected a TOML data file"),
        "{all}"
    );
}

/// JSON saved by a Windows editor starts with a byte-order mark; it loads,
/// and a JSON error names its file once.
#[test]
fn timelinejs_with_a_byte_order_mark_loads_and_errors_name_the_file_once() {
    let tmp = tempfile::tempdir().unwrap();
    let json = "\u{feff}{\"events\": [{\"start_date\": {\"year\": \"2019\"}, \"text\": {\"headline\": \"A meeting\"}}]}";
    std::fs::write(tmp.path().join("bom.json"), json).unwrap();
    let out = tipline_in(tmp.path())
        .args(["--data", "bom.json", "list", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert_eq!(csv.lines().count(), 2, "a header and the one event: {csv}");
    assert!(csv.contains(",A meeting,"), "{csv}");
    std::fs::write(tmp.path().join("bad.json"), "{\n").unwrap();
    let out = tipline_in(tmp.path())
        .args(["--data", "bad.json", "list"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("bad.json:2:1: error: not valid JSON: EOF while parsing an object\n"),
        "{err}"
    );
}

/// A lesson of thousands of stops (a few hundred KB) once made a handout of
/// a gigabyte; a lesson has at most 100 stops, and says so where they start.
#[test]
fn a_lesson_of_more_than_a_hundred_stops_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let mut text = String::from("title = \"Big\"\nsummary = \"Many stops.\"\n");
    for _ in 0..101 {
        text.push_str("[[stops]]\nquery = \"year:2022\"\nprompt = \"What?\"\n");
    }
    std::fs::write(tmp.path().join("big.toml"), text).unwrap();
    let out = tipline_in(tmp.path())
        .args([
            "--data",
            crate::common::WORLD,
            "--lessons",
            ".",
            "export",
            "handout",
            "big",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("./big.toml:3:1: error: a lesson has 101 stops; at most 100\n"),
        "{err}"
    );
}
