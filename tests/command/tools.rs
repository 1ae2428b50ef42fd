//! What the export tests share to run the programs that read the exports
//! (bibtex, biber, Python's pybtex, citeproc-py and rispy): whether one is
//! there, a scratch folder, and biber's reading of a `.bib` file.

use std::path::Path;
use std::process::{Command as Run, Output};

/// Whether the environment says this is a CI run, where a missing program
/// is a failure rather than a skip.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Whether `program args` runs and succeeds; when not, a note, or in CI a
/// failure.
pub fn have(program: &str, args: &[&str], what: &str) -> bool {
    let ok = Run::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            !in_ci(),
            "CI must have {what}: `{program} {}` failed",
            args.join(" ")
        );
        eprintln!("note: {what} is not installed; skipping this check");
    }
    ok
}

/// A folder of the test's own, removed when it ends, whether it passed or
/// not; it reads as the path it is.
pub struct Scratch(tempfile::TempDir);

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        self.0.path()
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        self.0.path()
    }
}

/// A scratch folder named after what it is for.
pub fn scratch(name: &str) -> Scratch {
    Scratch(
        tempfile::Builder::new()
            .prefix(&format!("tipline-{name}-"))
            .tempdir()
            .unwrap(),
    )
}

/// A Python that imports `modules`: `$TIPLINE_PYTHON`, the virtual
/// environment `.ci/run` makes at `target/py-refs`, `python3` on the path,
/// else Debian's, whose packages `.ci/run` installs.
pub fn python_with(modules: &str) -> Option<String> {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/py-refs/bin/python");
    let candidates = std::env::var("TIPLINE_PYTHON").into_iter().chain([
        venv.to_string_lossy().into_owned(),
        "python3".to_string(),
        "/usr/bin/python3".to_string(),
    ]);
    for python in candidates {
        let ok = Run::new(&python)
            .args(["-c", &format!("import {modules}")])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return Some(python);
        }
    }
    assert!(!in_ci(), "CI must have Python's {modules} (see .ci/run)");
    eprintln!("note: no Python with {modules}; skipping this check");
    None
}

/// biber's reading of `bib` (`--tool`, written back as BibTeX): how it
/// ended, what it said, and what it wrote.
pub fn biber_reads(dir: &Path, bib: &str) -> (Output, String, String) {
    std::fs::write(dir.join("in.bib"), bib).unwrap();
    let out = Run::new("biber")
        .args([
            "--tool",
            "--output-format=bibtex",
            "--output-file=out.bib",
            "in.bib",
        ])
        .current_dir(dir)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(dir.join("out.bib")).unwrap_or_default();
    (out, said, written)
}
