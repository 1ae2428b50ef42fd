//! Diagnostics that point at a file, a line and a column, and show the line.

use crate::text::sanitize_line;
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
    pub help: Option<String>,
}

/// Longest part of an offending line shown under a diagnostic; a minified
/// or hostile file may have megabyte-long lines.
const MAX_SHOWN_LINE: usize = 160;

/// A data file's name and text, for turning byte offsets into positions.
pub struct SourceText<'a> {
    pub name: &'a str,
    pub text: &'a str,
    /// Where each line starts, found once on the first lookup: a file with
    /// 200k problems must not be rescanned from the top for each.
    line_starts: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> SourceText<'a> {
    pub fn new(name: &'a str, text: &'a str) -> Self {
        SourceText {
            name,
            text,
            line_starts: std::cell::OnceCell::new(),
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
        Diagnostic {
            severity,
            file: self.name.to_string(),
            line,
            column,
            message: message.into(),
            source_line: Some(shown_excerpt(text, column)),
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

/// The part of a line around `column`, capped in length and made printable.
fn shown_excerpt(line: &str, column: usize) -> String {
    let count = line.chars().count();
    if count <= MAX_SHOWN_LINE {
        return sanitize_line(line).into_owned();
    }
    let start = column
        .saturating_sub(MAX_SHOWN_LINE / 2)
        .min(count - MAX_SHOWN_LINE);
    let piece: String = line.chars().skip(start).take(MAX_SHOWN_LINE).collect();
    let head = if start > 0 { "…" } else { "" };
    let tail = if start + MAX_SHOWN_LINE < count { "…" } else { "" };
    format!("{head}{}{tail}", sanitize_line(&piece))
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
            // The caret sits under the column unless the line was cut around it.
            let caret_col = if text.starts_with('…') {
                MAX_SHOWN_LINE / 2 + 1
            } else {
                self.column
            };
            write!(
                f,
                "\n {gutter} | {text}\n {pad} | {}^",
                " ".repeat(caret_col.saturating_sub(1))
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

    #[test]
    fn escapes_in_lines_and_names_are_neutralised() {
        let src = SourceText::new("evil\u{1b}]0;x\u{7}.toml", "t = \"\u{1b}[2J\"");
        let out = src.error(0..1, "bad").to_string();
        assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'));
        assert!(out.contains("^[[2J"));
    }
}
