//! What the command line prints: exit statuses, output that survives a
//! closed pipe, problems capped at a screenful, and files never written over
//! what a command reads.

use std::io::Write;
use std::path::PathBuf;

/// Exit statuses, documented in the README.
pub const EXIT_OK: u8 = 0;
pub const EXIT_INVALID_DATA: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// One line to stderr; errors writing it are ignored (see `errln!`).
pub(crate) fn stderr_line(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err
        .write_all(text.as_bytes())
        .and_then(|_| err.write_all(b"\n"))
        .and_then(|_| err.flush());
}

/// Writes to stdout, treating a closed pipe (`tipline list | head`) as success.
pub(crate) fn emit(text: &str) -> Result<(), u8> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => {
            errln!("tipline: cannot write output: {e}");
            Err(EXIT_USAGE)
        }
    }
}

/// Most problems printed in one run; a broken generator can produce
/// hundreds of thousands, and the first ones are what needs fixing.
pub const MAX_REPORTED: usize = 200;

pub(crate) fn report(diagnostics: &[crate::load::diag::Diagnostic]) {
    report_counted(diagnostics, crate::load::diag::LeftOut::default());
}

/// [`report`] of a load's problems: those kept whole, and the count of
/// those beyond them.
pub(crate) fn report_loaded(loaded: &crate::load::Loaded) {
    report_counted(&loaded.diagnostics, loaded.left_out);
}

fn report_counted(diagnostics: &[crate::load::diag::Diagnostic], left_out: crate::load::diag::LeftOut) {
    let mut err = std::io::stderr().lock();
    for d in diagnostics.iter().take(MAX_REPORTED) {
        let _ = writeln!(err, "{d}");
    }
    let unshown = left_out.errors + left_out.warnings;
    if diagnostics.len() > MAX_REPORTED || unshown > 0 {
        let errors = diagnostics
            .iter()
            .skip(MAX_REPORTED)
            .filter(|d| d.is_error())
            .count()
            + left_out.errors;
        let rest = diagnostics.len().saturating_sub(MAX_REPORTED) + unshown;
        let _ = writeln!(
            err,
            "… and {rest} more problem(s) not shown ({errors} of them errors)"
        );
    }
}

/// Whether two paths name the same file: the same device and inode on unix,
/// so a hard link, a symbolic link or another spelling of the path is caught;
/// the same canonical path elsewhere. A path that does not exist is no file.
fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => x == y,
            _ => false,
        }
    }
}

/// Writes output to a file or stdout; never over a file being read (data
/// files, the file being imported, lessons).
pub(crate) fn write_output(path: Option<&std::path::Path>, text: &str, inputs: &[PathBuf]) -> Result<(), u8> {
    let Some(path) = path else { return emit(text) };
    if inputs.iter().any(|d| same_file(d, path)) {
        errln!(
            "tipline: will not write over {}, which this command reads",
            crate::text::sanitize_line(&path.display().to_string())
        );
        return Err(EXIT_USAGE);
    }
    std::fs::write(path, text).map_err(|e| {
        errln!(
            "tipline: cannot write {}: {e}",
            crate::text::sanitize_line(&path.display().to_string())
        );
        EXIT_USAGE
    })
}
