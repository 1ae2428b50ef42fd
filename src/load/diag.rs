//! Diagnostics that point at a file, a line and a column, and show the line.

use crate::text::sanitize_line;
use crate::text::width::Columns;
use std::fmt;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    /// 1-based line; 0 when the problem is with the file as a whole.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    pub message: String,
    /// The offending line, already made safe to print.
    pub source_line: Option<String>,
    /// How many terminal columns of `source_line` come before the caret.
    pub caret: u16,
    pub help: Option<String>,
}

/// How many problems are kept whole once there are many: no command shows
/// more than a screenful, and a large file checked against its quotes can
/// draw hundreds of thousands (each with its line: a kilobyte apiece). The
/// rest are counted, by severity.
pub const KEPT: usize = 1_000;

/// The problems found beyond those kept, counted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct LeftOut {
    pub errors: usize,
    pub warnings: usize,
}

/// [`cut`], once there are twice [`KEPT`] problems: called as problems add
/// up, it sorts them only now and then. Whatever comes first in order among
/// all the problems found is among those kept at every thinning, so after a
/// last [`cut`] the problems kept are the same as with none left out.
pub fn thin<K: Ord>(
    diagnostics: &mut Vec<Diagnostic>,
    order: impl Fn(&Diagnostic) -> K,
    left_out: &mut LeftOut,
) {
    if diagnostics.len() > 2 * KEPT {
        cut(diagnostics, order, left_out);
    }
}

/// Sorts the problems in `order` and keeps the first [`KEPT`], counting the
/// rest into `left_out`.
pub fn cut<K: Ord>(
    diagnostics: &mut Vec<Diagnostic>,
    order: impl Fn(&Diagnostic) -> K,
    left_out: &mut LeftOut,
) {
    diagnostics.sort_by_key(order);
    if diagnostics.len() <= KEPT {
        return;
    }
    for d in diagnostics.drain(KEPT..) {
        if d.is_error() {
            left_out.errors += 1;
        } else {
            left_out.warnings += 1;
        }
    }
}

/// Problems in file order, then by line and column: each file's place in
/// the list found once by its name, not by a search of the list at every
/// comparison (thousands of files, millions of steps).
pub struct FileOrder<'a>(std::collections::HashMap<&'a str, usize>);

impl<'a> FileOrder<'a> {
    pub fn new(files: &[SourceText<'a>]) -> Self {
        let mut index = std::collections::HashMap::with_capacity(files.len());
        for (i, f) in files.iter().enumerate() {
            index.entry(f.name).or_insert(i);
        }
        FileOrder(index)
    }

    pub fn key(&self, d: &Diagnostic) -> (Option<usize>, usize, usize) {
        (self.0.get(d.file.as_str()).copied(), d.line, d.column)
    }
}

/// Longest part of an offending line shown under a diagnostic; a minified
/// or hostile file may have megabyte-long lines.
const MAX_SHOWN_LINE: usize = 160;

/// A data file's name and text, for turning byte offsets into positions.
pub struct SourceText<'a> {
    pub name: &'a str,
    pub text: &'a str,
    /// Where each line starts, found once on the first lookup: a file with
    /// 200k problems must not be rescanned from the top for each (and the
    /// events of a large file are checked on two threads).
    line_starts: std::sync::OnceLock<Vec<usize>>,
}

impl<'a> SourceText<'a> {
    pub fn new(name: &'a str, text: &'a str) -> Self {
        SourceText {
            name,
            text,
            line_starts: std::sync::OnceLock::new(),
        }
    }

    /// Line, column and the text of the line holding `offset`.
    pub fn locate(&self, offset: usize) -> (usize, usize, &str) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let starts = self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        });
        let line = starts.partition_point(|&s| s <= offset);
        let line_start = starts[line - 1];
        let line_end = starts.get(line).map_or(self.text.len(), |&next| next - 1);
        let column = self.text[line_start..offset].chars().count() + 1;
        (
            line,
            column,
            self.text[line_start..line_end].trim_end_matches('\r'),
        )
    }

    pub fn diagnostic(
        &self,
        severity: Severity,
        span: Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        let (line, column, text) = self.locate(span.start);
        let (shown, caret) = shown_excerpt(text, column);
        Diagnostic {
            severity,
            file: self.name.to_string(),
            line,
            column,
            message: message.into(),
            source_line: Some(shown),
            caret,
            help: None,
        }
    }

    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Severity::Error, span, message)
    }

    pub fn warning(&self, span: Range<usize>, message: impl Into<String>) -> Diagnostic {
        self.diagnostic(Severity::Warning, span, message)
    }
}

/// The part of a line around `column`, capped in length and made
/// printable, and how many terminal columns of it come before `column`'s
/// character: escapes, wide characters and the cut all move the caret.
fn shown_excerpt(line: &str, column: usize) -> (String, u16) {
    let count = line.chars().count();
    let at = column.saturating_sub(1).min(count);
    let start = if count <= MAX_SHOWN_LINE {
        0
    } else {
        at.saturating_sub(MAX_SHOWN_LINE / 2).min(count - MAX_SHOWN_LINE)
    };
    let end = (start + MAX_SHOWN_LINE).min(count);
    let byte = |n: usize| line.char_indices().nth(n).map_or(line.len(), |(i, _)| i);
    let (from, to, caret_at) = (byte(start), byte(end), byte(at));
    let head = if start > 0 { "…" } else { "" };
    let tail = if end < count { "…" } else { "" };
    let before = sanitize_line(&line[from..caret_at]);
    // At most 160 characters, each escaped in at most ten columns.
    let caret = u16::try_from(head.columns() + before.columns()).unwrap_or(u16::MAX);
    (format!("{head}{}{tail}", sanitize_line(&line[from..to])), caret)
}

impl Diagnostic {
    /// A problem with a whole file (missing, unreadable, too large).
    pub fn file_error(file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.to_string(),
            line: 0,
            column: 0,
            message: message.into(),
            source_line: None,
            caret: 0,
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let file = sanitize_line(&self.file);
        let message = sanitize_line(&self.message);
        if self.line == 0 {
            write!(f, "{file}: {level}: {message}")?;
        } else {
            write!(f, "{file}:{}:{}: {level}: {message}", self.line, self.column)?;
        }
        if let Some(text) = &self.source_line {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            write!(
                f,
                "\n {gutter} | {text}\n {pad} | {}^",
                " ".repeat(usize::from(self.caret))
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n = help: {}", sanitize_line(help))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_lines_and_character_columns() {
        let src = SourceText::new("f.toml", "a = 1\nbé = \"x\"\n");
        assert_eq!(src.locate(0), (1, 1, "a = 1"));
        let offset = src.text.find('=').unwrap();
        assert_eq!(src.locate(offset).0, 1);
        let second = src.text.rfind('=').unwrap();
        assert_eq!(src.locate(second), (2, 4, "bé = \"x\""));
    }

    #[test]
    fn renders_position_line_and_caret() {
        let src = SourceText::new("f.toml", "[x]\ntitel = 1\n");
        let d = src
            .error(4..9, "unknown field `titel`")
            .with_help("did you mean `title`?");
        assert_eq!(
            d.to_string(),
            "f.toml:2:1: error: unknown field `titel`\n 2 | titel = 1\n   | ^\n = help: did you mean `title`?"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let text = format!("x = \"{}\"", "a".repeat(5000));
        let src = SourceText::new("f", &text);
        let d = src.error(3000..3001, "bad");
        let shown = d.source_line.unwrap();
        assert!(shown.chars().count() <= MAX_SHOWN_LINE + 2);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
    }

    /// The text of the shown line in the terminal columns the caret points at.
    fn under_caret(d: &Diagnostic) -> String {
        let out = d.to_string();
        let lines: Vec<&str> = out.lines().collect();
        let shown = lines[1].split_once(" | ").unwrap().1;
        let caret = lines[2].split_once(" | ").unwrap().1.columns() - 1;
        let mut col = 0;
        for (i, c) in shown.char_indices() {
            if col >= caret {
                return shown[i..].chars().take(3).collect();
            }
            col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        }
        String::new()
    }

    #[test]
    fn the_caret_is_under_the_offending_character() {
        // Near the end of a long line, in the middle, at the start; with
        // wide characters and escapes before it.
        for prefix in ["", "漢字漢字 ", "\u{1b}[2J ", "\u{200d}é\u{301} "] {
            for (before, after) in [(5000, 10), (2000, 3000), (3, 5000), (150, 5), (5, 5)] {
                let text = format!("x = \"{prefix}{}\" XYZ{}", "a".repeat(before), "b".repeat(after));
                let at = text.find("XYZ").unwrap();
                let src = SourceText::new("f", &text);
                let d = src.error(at..at + 1, "bad");
                assert_eq!(under_caret(&d), "XYZ", "{prefix:?} {before} {after}: {d}");
            }
        }
    }

    #[test]
    fn escapes_in_lines_and_names_are_neutralised() {
        let src = SourceText::new("evil\u{1b}]0;x\u{7}.toml", "t = \"\u{1b}[2J\"");
        let out = src.error(0..1, "bad").to_string();
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'));
        assert!(out.contains("^[[2J"));
    }
}
