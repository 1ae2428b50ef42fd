//! Typed reading of one TOML table with every problem recorded, not just the
//! first: each accessor checks the type, reports a mismatch at the value's
//! position and carries on, so a file shows all its faults in one run.

use crate::load::diag::{Diagnostic, SourceText};
use crate::text::{did_you_mean, sanitize_block, sanitize_line};
use crate::timeline::date::PartialDate;
use crate::timeline::dating::Written;
use std::ops::Range;
use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// The file being read and the problems found so far.
pub struct Ctx<'a> {
    /// Every file being loaded, so a duplicate can name its first place.
    pub files: &'a [SourceText<'a>],
    /// The file being read now.
    pub file: usize,
    /// Where in the file the text being parsed starts; spans are relative to it.
    pub base: usize,
    pub diagnostics: &'a mut Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    pub fn src(&self) -> &'a SourceText<'a> {
        &self.files[self.file]
    }

    /// A span of the text being parsed, as a span of the whole file.
    pub fn at(&self, span: Range<usize>) -> Range<usize> {
        span.start + self.base..span.end + self.base
    }

    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        let d = self.src().error(self.at(span), message);
        self.diagnostics.push(d);
    }

    pub fn error_with_help(
        &mut self,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        let d = self.src().error(self.at(span), message).with_help(help);
        self.diagnostics.push(d);
    }
}

/// 2^53: every whole number up to it is exact as an f64.
const MAX_EXACT: u64 = 9_007_199_254_740_992;

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// Ids are stable slugs so they can be typed, linked and kept in URLs.
pub fn is_slug(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// One table of a data file, e.g. one `[[events]]` entry.
pub struct Fields<'d, 'i> {
    pub table: &'d DeTable<'i>,
    pub span: Range<usize>,
    /// What the table is, for messages: "event", "source", ...
    pub what: &'static str,
    allowed: &'static [&'static str],
}

impl<'d, 'i> Fields<'d, 'i> {
    /// Reads a table, reporting at once every key it does not know.
    pub fn new(
        cx: &mut Ctx<'_>,
        value: &'d Spanned<DeValue<'i>>,
        what: &'static str,
        allowed: &'static [&'static str],
    ) -> Option<Self> {
        let DeValue::Table(table) = value.get_ref() else {
            cx.error(
                value.span(),
                format!("expected {what} as a table, found {}", type_name(value.get_ref())),
            );
            return None;
        };
        for key in table.keys() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                let name = key.get_ref();
                let message = format!("unknown field `{name}` in {what}");
                let help = did_you_mean(name, allowed)
                    .unwrap_or_else(|| format!("expected one of: {}", allowed.join(", ")));
                cx.error_with_help(key.span(), message, help);
            }
        }
        Some(Fields {
            table,
            span: value.span(),
            what,
            allowed,
        })
    }

    pub(crate) fn get(&self, key: &str) -> Option<&'d Spanned<DeValue<'i>>> {
        debug_assert!(
            self.allowed.contains(&key),
            "{key} not declared for {}",
            self.what
        );
        self.table.get(key)
    }

    fn missing(&self, cx: &mut Ctx<'_>, key: &str) {
        // Point at the table's header so the reader finds which entry lacks it.
        let at = self.span.start..self.span.start + 1;
        cx.error(at, format!("missing field `{key}` in {}", self.what));
    }

    fn raw_str(&self, cx: &mut Ctx<'_>, key: &str, required: bool) -> Option<(&'d str, Range<usize>)> {
        let Some(v) = self.get(key) else {
            if required {
                self.missing(cx, key);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::String(s) => Some((s.as_ref(), v.span())),
            other => {
                cx.error(
                    v.span(),
                    format!("`{key}` must be a string, found {}", type_name(other)),
                );
                None
            }
        }
    }

    /// A one-line string. Required strings must not be blank.
    /// Trimmed again once sanitised: dropping a leading byte-order mark can
    /// bare a space, and what is read must read back the same once written.
    pub fn line(&self, cx: &mut Ctx<'_>, key: &str, required: bool) -> Option<(String, Range<usize>)> {
        let (s, span) = self.raw_str(cx, key, required)?;
        let clean = sanitize_line(s.trim());
        if clean.trim().is_empty() {
            cx.error(span, format!("`{key}` is empty"));
            return None;
        }
        Some((clean.trim().to_string(), span))
    }

    /// A string that may run over several lines.
    pub fn block(&self, cx: &mut Ctx<'_>, key: &str, required: bool) -> Option<String> {
        let (s, span) = self.raw_str(cx, key, required)?;
        let clean = sanitize_block(s.trim());
        if clean.trim().is_empty() {
            cx.error(span, format!("`{key}` is empty"));
            return None;
        }
        Some(clean.trim().to_string())
    }

    /// [`Table::block`], with where its string stands in the file.
    pub fn block_at(&self, cx: &mut Ctx<'_>, key: &str, required: bool) -> Option<(String, Range<usize>)> {
        let text = self.block(cx, key, required)?;
        let span = self.get(key).map(|v| v.span())?;
        Some((text, cx.at(span)))
    }

    /// An id: a slug unique within its kind.
    pub fn id(&self, cx: &mut Ctx<'_>) -> Option<(String, Range<usize>)> {
        let (id, span) = self.line(cx, "id", true)?;
        if !is_slug(&id) {
            cx.error(
                span,
                format!("id `{id}` is not a slug: expected lower-case letters, digits and hyphens"),
            );
            return None;
        }
        Some((id, span))
    }

    pub fn array(&self, cx: &mut Ctx<'_>, key: &str) -> &'d [Spanned<DeValue<'i>>] {
        let Some(v) = self.get(key) else { return &[] };
        match v.get_ref() {
            DeValue::Array(items) => items,
            other => {
                cx.error(
                    v.span(),
                    format!("`{key}` must be an array, found {}", type_name(other)),
                );
                &[]
            }
        }
    }

    /// An array of one-line strings.
    pub fn lines(&self, cx: &mut Ctx<'_>, key: &str) -> Vec<(String, Range<usize>)> {
        let mut out = Vec::new();
        for item in self.array(cx, key) {
            match item.get_ref() {
                DeValue::String(s) => match sanitize_line(s.trim()).trim() {
                    "" => cx.error(item.span(), format!("empty string in `{key}`")),
                    clean => out.push((clean.to_string(), item.span())),
                },
                other => cx.error(
                    item.span(),
                    format!("`{key}` must hold strings, found {}", type_name(other)),
                ),
            }
        }
        out
    }

    /// A number; integers and floats are both accepted.
    pub fn number(&self, cx: &mut Ctx<'_>, key: &str, required: bool) -> Option<f64> {
        let Some(v) = self.get(key) else {
            if required {
                self.missing(cx, key);
            }
            return None;
        };
        let mut inexact = false;
        let parsed = match v.get_ref() {
            DeValue::Integer(i) => {
                let digits = i.as_str().replace('_', "");
                let digits = digits
                    .trim_start_matches("0x")
                    .trim_start_matches("0o")
                    .trim_start_matches("0b");
                let n = i64::from_str_radix(digits, i.radix()).ok();
                // Past 2^53 the f64 would be a neighbour, not the whole
                // number written. (A float is approximate by definition.)
                inexact = n.is_some_and(|n| n.unsigned_abs() > MAX_EXACT);
                n.map(|n| n as f64)
            }
            DeValue::Float(x) => x
                .as_str()
                .replace('_', "")
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite()),
            other => {
                cx.error(
                    v.span(),
                    format!("`{key}` must be a number, found {}", type_name(other)),
                );
                return None;
            }
        };
        match parsed {
            None => cx.error(
                v.span(),
                format!("`{key}` is not a number tipline can hold (too large, or not finite)"),
            ),
            // Beyond 2^53 a number is kept only approximately; a figure that
            // changed on the way in would be misquoted, so it is refused.
            Some(_) if inexact => {
                cx.error_with_help(
                    v.span(),
                    format!("`{key}` is a whole number larger than tipline can keep exactly"),
                    "numbers up to 9007199254740992 (2^53) are kept exactly",
                );
                return None;
            }
            Some(_) => {}
        }
        parsed
    }

    /// A date at year, month or day precision. Quoted strings are the
    /// documented form; a bare TOML date (2022-08-18) or year (2022) is
    /// accepted too, since that is what people type.
    pub fn date(&self, cx: &mut Ctx<'_>, key: &str, required: bool) -> Option<(PartialDate, Range<usize>)> {
        let (text, span) = self.date_text(cx, key, required)?;
        match PartialDate::parse(&text) {
            Ok(d) => Some((d, span)),
            Err(e) => {
                cx.error(span, format!("`{key}` = \"{}\": {e}", sanitize_line(&text)));
                None
            }
        }
    }

    /// A date field's text: a quoted string, or a bare TOML date or year.
    fn date_text(&self, cx: &mut Ctx<'_>, key: &str, required: bool) -> Option<(String, Range<usize>)> {
        let Some(v) = self.get(key) else {
            if required {
                self.missing(cx, key);
            }
            return None;
        };
        let text = match v.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Integer(i) => format!("{:0>4}", i.as_str()),
            DeValue::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.to_string(),
            other => {
                cx.error(v.span(), format!("`{key}` must be a date string like \"2022\", \"2022-08\" or \"2022-08-18\", found {}", type_name(other)));
                return None;
            }
        };
        Some((text, v.span()))
    }

    /// A date with EDTF qualifiers (`2007-12~`, `2007-12-12?`, a set
    /// `[2015-11-21,2015-11-22]`), or with `open_end`, `..` for an end the
    /// sources leave open (returned as `None`).
    pub fn qualified_date(
        &self,
        cx: &mut Ctx<'_>,
        key: &str,
        required: bool,
        open_end: bool,
    ) -> Option<(Option<Written>, Range<usize>)> {
        let (text, span) = self.date_text(cx, key, required)?;
        if open_end && text == ".." {
            return Some((None, span));
        }
        match Written::parse(&text) {
            Ok(w) => Some((Some(w), span)),
            Err(e) => {
                let help = if open_end {
                    "an end the sources leave open is written \"..\""
                } else {
                    "a date known only to the month or year is written \"2007-12\" or \"2007\""
                };
                cx.error_with_help(span, format!("`{key}` = \"{}\": {e}", sanitize_line(&text)), help);
                None
            }
        }
    }

    /// A word from a closed vocabulary.
    pub fn vocabulary<T>(
        &self,
        cx: &mut Ctx<'_>,
        key: &str,
        required: bool,
        parse: fn(&str) -> Option<T>,
        names: &[&str],
    ) -> Option<T> {
        let (word, span) = self.line(cx, key, required)?;
        if let Some(v) = parse(&word) {
            return Some(v);
        }
        let message = format!("unknown {key} `{word}`");
        let expected = format!("expected one of: {}", names.join(", "));
        let help = match did_you_mean(&word, names) {
            Some(hint) => format!("{hint} {expected}"),
            None => expected,
        };
        cx.error_with_help(span, message, help);
        None
    }

    /// An array of tables, each read by `read`.
    pub fn tables<T>(
        &self,
        cx: &mut Ctx<'_>,
        key: &str,
        what: &'static str,
        allowed: &'static [&'static str],
        mut read: impl FnMut(&mut Ctx<'_>, &Fields<'d, 'i>) -> Option<T>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        for item in self.array(cx, key) {
            if let Some(f) = Fields::new(cx, item, what, allowed) {
                out.extend(read(cx, &f));
            }
        }
        out
    }
}
