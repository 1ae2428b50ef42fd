//! What installing the program gives a shell: completions and the manual
//! page, made from the argument grammar and read by bash and man.

use assert_cmd::Command;

fn tipline(args: &[&str]) -> String {
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Whether the environment says this is a CI run, where a missing program
/// is a failure rather than a skip.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

fn have(program: &str) -> bool {
    let found = std::process::Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(found || !in_ci(), "CI needs {program}");
    if !found {
        eprintln!("note: {program} is not installed; not checked here");
    }
    found
}

/// bash sources the script and knows how to complete `tipline`, and the
/// completions offer the subcommands.
#[test]
fn bash_completes_tipline_after_sourcing_the_script() {
    if !have("bash") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("tipline.bash");
    std::fs::write(&script, tipline(&["completions", "bash"])).unwrap();
    let probe = format!(
        "source {}; complete -p tipline; COMP_WORDS=(tipline ab); COMP_CWORD=1; _tipline tipline ab tipline; echo \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &probe])
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        said.starts_with("complete -o bashdefault -o default -o nosort -F _tipline tipline\n"),
        "{said}"
    );
    assert!(
        said.trim_end().ends_with("about"),
        "`ab` completes to about: {said}"
    );
    for shell in ["zsh", "fish", "powershell"] {
        assert!(tipline(&["completions", shell]).contains("tipline"), "{shell}");
    }
}

/// man renders the page: its name line and the subcommands.
#[test]
fn man_renders_the_manual_page() {
    let page = tipline(&["man"]);
    assert!(page.contains(".TH tipline 1"), "{page}");
    if !have("man") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tipline.1");
    std::fs::write(&file, page).unwrap();
    let out = std::process::Command::new("man")
        .arg("-l")
        .arg(&file)
        .env("MANPAGER", "cat")
        .env("MANWIDTH", "80")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        shown.contains("tipline - A sourced timeline of Cambodia"),
        "{shown}"
    );
    assert!(shown.contains("SYNOPSIS"), "{shown}");
}
