//! TOML syntax errors, reported the same way for data files, lessons and
//! the config: at most a screenful, then a line saying how many more.
//!
//! A hostile file can hold an error at every byte (a line of `=====`), so
//! errors are never all collected: a sink keeps the first few, folds a run
//! of the same complaint into one, and only counts the rest.

use super::diag::{Diagnostic, SourceText};
use std::ops::Range;
use toml::de::DeTable;
use toml_parser::decoder::Encoding;
use toml_parser::parser::{EventReceiver, RecursionGuard, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Source, Span};

/// How deep the toml parser lets arrays, tables and dotted keys nest.
pub const MAX_NESTING: u32 = 80;

/// After a syntax error the parser recovers as best it can, and a line of
/// `=====` yields one complaint per character: the first few say all there is.
pub const MAX_SYNTAX_ERRORS: usize = 20;

/// One kept complaint, and how many identical ones followed it.
struct Kept {
    span: Range<usize>,
    message: String,
    like: usize,
}

/// Keeps at most [`MAX_SYNTAX_ERRORS`] complaints; the same complaint again
/// right after itself is counted on the first; everything past the cap is
/// only counted. Memory stays constant however many errors a file holds.
#[derive(Default)]
struct Capped {
    kept: Vec<Kept>,
    more: usize,
}

impl Capped {
    fn push(&mut self, span: Option<Range<usize>>, message: &str) {
        if let Some(last) = self.kept.last_mut() {
            if last.message == message {
                last.like += 1;
                return;
            }
        }
        if self.kept.len() == MAX_SYNTAX_ERRORS {
            self.more += 1;
            return;
        }
        self.kept.push(Kept {
            span: span.unwrap_or(0..0),
            message: message.to_string(),
            like: 0,
        });
    }

    fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    fn diagnostics(self, src: &SourceText<'_>, base: usize) -> Vec<Diagnostic> {
        let mut out = Vec::with_capacity(self.kept.len() + 1);
        let mut last = base..base;
        for k in self.kept {
            last = k.span.start + base..k.span.end + base;
            let mut message = format!("invalid TOML: {}", k.message.trim());
            if k.like > 0 {
                message.push_str(&format!(" (and {} more like it)", k.like));
            }
            let d = src.error(last.clone(), message);
            out.push(
                if k.message.contains("recursion") || k.message.contains("recurse") {
                    // The toml crate stops at a fixed depth, and a hostile file
                    // should learn what it was.
                    d.with_help(format!(
                        "arrays, tables and dotted keys may nest at most {MAX_NESTING} levels deep"
                    ))
                } else {
                    d
                },
            );
        }
        if self.more > 0 {
            out.push(src.error(
                last,
                format!(
                    "{} more TOML syntax errors after this one are not shown",
                    self.more
                ),
            ));
        }
        out
    }
}

/// The parser's wording of an error, as `toml` words it.
fn message_of(error: &ParseError) -> String {
    let mut message = error.description().to_string();
    if let Some(expected) = error.expected() {
        message.push_str(", expected ");
        if expected.is_empty() {
            message.push_str("nothing");
        }
        for (i, e) in expected.iter().enumerate() {
            if i != 0 {
                message.push_str(", ");
            }
            match e {
                toml_parser::Expected::Literal("\n") => message.push_str("newline"),
                toml_parser::Expected::Literal("`") => message.push_str("'`'"),
                toml_parser::Expected::Literal(s) if s.chars().all(|c| c.is_ascii_control()) => {
                    message.push_str(&format!("`{}`", s.escape_debug()));
                }
                toml_parser::Expected::Literal(s) => message.push_str(&format!("`{s}`")),
                toml_parser::Expected::Description(d) => message.push_str(d),
                _ => message.push_str("etc"),
            }
        }
    }
    message
}

impl ErrorSink for Capped {
    fn report_error(&mut self, error: ParseError) {
        let span = error.unexpected().map(|s| s.start()..s.end());
        self.push(span, &message_of(&error));
    }
}

/// Checks what the parser's events carry: strings, numbers, keys and
/// comments are decoded (into nothing) so their errors are found too.
struct Decode<'s> {
    source: Source<'s>,
    /// Simple keys seen in the current key, for the dotted-key depth limit,
    /// and where that key starts.
    key_depth: u32,
    key_start: usize,
}

impl Decode<'_> {
    fn raw(&self, span: Span, kind: Option<Encoding>) -> Option<toml_parser::Raw<'_>> {
        let text = self.source.input().get(span.start()..span.end())?;
        Some(toml_parser::Raw::new_unchecked(text, kind, span))
    }
}

impl EventReceiver for Decode<'_> {
    fn simple_key(&mut self, span: Span, kind: Option<Encoding>, error: &mut dyn ErrorSink) {
        if self.key_depth == 0 {
            self.key_start = span.start();
        }
        self.key_depth += 1;
        if self.key_depth == MAX_NESTING {
            let start = Span::new_unchecked(self.key_start, self.key_start);
            error.report_error(ParseError::new("recursion limit").with_unexpected(start));
        }
        if let Some(raw) = self.raw(span, kind) {
            raw.decode_key(&mut (), error);
        }
    }
    fn key_val_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.key_depth = 0;
    }
    fn std_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.key_depth = 0;
    }
    fn array_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.key_depth = 0;
    }
    fn newline(&mut self, span: Span, error: &mut dyn ErrorSink) {
        self.key_depth = 0;
        if let Some(raw) = self.raw(span, None) {
            raw.decode_newline(error);
        }
    }
    fn scalar(&mut self, span: Span, kind: Option<Encoding>, error: &mut dyn ErrorSink) {
        if let Some(raw) = self.raw(span, kind) {
            let mut decoded = std::borrow::Cow::Borrowed("");
            if let toml_parser::decoder::ScalarKind::DateTime = raw.decode_scalar(&mut decoded, error) {
                if let Err(e) = decoded.parse::<toml::value::Datetime>() {
                    error.report_error(ParseError::new(e.to_string()).with_unexpected(span));
                }
            }
        }
    }
    fn comment(&mut self, span: Span, error: &mut dyn ErrorSink) {
        if let Some(raw) = self.raw(span, None) {
            raw.decode_comment(error);
        }
    }
}

/// The syntax errors of `text` (which starts at `base` in `src`), found in
/// one pass that keeps only the first few. A file whose only faults are
/// structural (a key defined twice, a table redefined) has none here; it
/// is parsed again by `toml` for those, which take a whole key each.
pub fn syntax_errors_in(src: &SourceText<'_>, base: usize, text: &str) -> Vec<Diagnostic> {
    let source = Source::new(text);
    let tokens = source.lex().into_vec();
    let mut sink = Capped::default();
    let mut decode = Decode {
        source,
        key_depth: 0,
        key_start: 0,
    };
    let mut whitespace = ValidateWhitespace::new(&mut decode, source);
    let mut guard = RecursionGuard::new(&mut whitespace, MAX_NESTING);
    toml_parser::parser::parse_document(&tokens, &mut guard, &mut sink);
    drop(tokens);
    if sink.is_empty() {
        let (_, errors) = DeTable::parse_recoverable(text);
        for e in errors {
            sink.push(e.span(), e.message());
        }
    }
    sink.diagnostics(src, base)
}

/// Parses a whole document, or reports its syntax errors (bounded).
pub fn parse_document<'t>(
    src: &SourceText<'_>,
    base: usize,
    text: &'t str,
) -> Result<toml::Spanned<DeTable<'t>>, Vec<Diagnostic>> {
    if let Some(too_dense) = too_dense(src, base, text) {
        return Err(vec![too_dense]);
    }
    DeTable::parse(text).map_err(|_| syntax_errors_in(src, base, text))
}

/// Files smaller than this are parsed whatever they hold: their tokens
/// cost at most a few megabytes.
const DENSE_FROM_BYTES: usize = 64 << 10;

/// The parser keeps every token (24 bytes each) before it builds anything,
/// so a file that is all tokens (`=====`, `[1,1,1,...]`) costs 24 bytes and
/// more per byte. Data files hold about one token per 8 to 10 bytes (quoted
/// prose); one per 6, with slack for a dense stretch, bounds the parse at a
/// small multiple of the file.
const BYTES_PER_TOKEN: usize = 6;
const TOKEN_SLACK: usize = 100_000;

/// The most values one inline array (or fields one inline table) may hold
/// in a large file: a term's aliases or an event's tags are a handful, and
/// each value costs the parser far more than its few bytes.
pub const MAX_ARRAY_VALUES: usize = 10_000;

/// What makes a large text cost the parser too much, and at which byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dense {
    /// More tokens than one per [`BYTES_PER_TOKEN`] bytes (and the slack).
    Tokens { count: usize, at: usize },
    /// An inline array or table with more than [`MAX_ARRAY_VALUES`] values.
    Values { at: usize },
}

/// Where a large text becomes denser in tokens than any data file, or an
/// inline array longer than any data file's; `None` when it never does (or
/// is small). Counting streams the lexer, and keeps nothing.
pub fn dense_at(text: &str) -> Option<Dense> {
    use toml_parser::lexer::TokenKind;
    if text.len() < DENSE_FROM_BYTES {
        return None;
    }
    // Brackets only open arrays and inline tables after a key's `=`; at a
    // line's start they open table headers.
    let mut in_value = false;
    let mut values: Vec<usize> = Vec::new();
    for (count, token) in Source::new(text).lex().enumerate() {
        let at = token.span().start();
        if count > at / BYTES_PER_TOKEN + TOKEN_SLACK {
            return Some(Dense::Tokens { count, at });
        }
        match token.kind() {
            TokenKind::Equals if values.is_empty() => in_value = true,
            TokenKind::Newline if values.is_empty() => in_value = false,
            TokenKind::LeftSquareBracket | TokenKind::LeftCurlyBracket if in_value => values.push(0),
            TokenKind::RightSquareBracket | TokenKind::RightCurlyBracket if in_value => {
                values.pop();
            }
            TokenKind::Comma => {
                if let Some(n) = values.last_mut() {
                    *n += 1;
                    if *n >= MAX_ARRAY_VALUES {
                        return Some(Dense::Values { at });
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// Refuses a large file denser in tokens than any data file, or with an
/// inline array longer than any, before the parser allocates for them,
/// naming where.
pub fn too_dense(src: &SourceText<'_>, base: usize, text: &str) -> Option<Diagnostic> {
    Some(match dense_at(text)? {
        Dense::Tokens { count, at } => src.error(
            base + at..base + at + 1,
            format!(
                "more than {count} TOML tokens in the first {at} bytes: far denser than a data \
                 file (at most one per {BYTES_PER_TOKEN} bytes), such as a long run of `=`, a \
                 huge inline array or a table of very many short keys; not read"
            ),
        ),
        Dense::Values { at } => src.error(
            base + at..base + at + 1,
            format!("an inline array or table with more than {MAX_ARRAY_VALUES} values; not read"),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors_of(text: &str) -> Vec<Diagnostic> {
        syntax_errors_in(&SourceText::new("f.toml", text), 0, text)
    }

    #[test]
    fn caps_distinct_errors_and_says_how_many_are_left_out() {
        // Alternating faults are not alike, so the cap is what stops them.
        let text: String = (0..200)
            .map(|i| format!("k{i} = ={}\n", "]".repeat(i % 2 + 1)))
            .collect();
        let shown = errors_of(&text);
        assert_eq!(shown.len(), MAX_SYNTAX_ERRORS + 1, "{shown:#?}");
        let last = &shown.last().unwrap().message;
        assert!(
            last.ends_with("more TOML syntax errors after this one are not shown"),
            "{last}"
        );
        let more: usize = last.split(' ').next().unwrap().parse().unwrap();
        assert!(more > 100, "{last}");
    }

    #[test]
    fn the_same_error_at_every_column_is_reported_once() {
        let text = "x = ".to_string() + &"=".repeat(200);
        let shown = errors_of(&text);
        // The run, then the parser's one complaint about what it recovered.
        assert_eq!(shown.len(), 2, "{shown:#?}");
        assert_eq!((shown[0].line, shown[0].column), (1, 5));
        assert!(
            shown[0].message.ends_with("(and 199 more like it)"),
            "{}",
            shown[0].message
        );
    }

    #[test]
    fn errors_match_the_wording_of_toml() {
        for text in [
            "a = \n",
            "a = \"\\q\"\n",
            "a = 1x\n",
            "a = 1979-13-01\n",
            "[a\n",
            "a = 1\na = 2\n",
        ] {
            let (_, errors) = DeTable::parse_recoverable(text);
            let first = errors.first().expect("an error");
            let shown = errors_of(text);
            assert_eq!(
                shown[0].message,
                format!("invalid TOML: {}", first.message().trim()),
                "{text:?}"
            );
            let span = first.span().unwrap_or(0..0);
            let src = SourceText::new("f.toml", text);
            let (line, column, _) = src.locate(span.start);
            assert_eq!((shown[0].line, shown[0].column), (line, column), "{text:?}");
        }
    }

    /// A megabyte of `=` is refused where the run has outgrown the slack,
    /// before the parser keeps a token per byte; a data file as large is not.
    #[test]
    fn a_large_file_of_tokens_is_refused_where_it_grows_too_dense() {
        let text = "title = \"x\"\n".to_string() + &"=".repeat(2 << 20);
        let src = SourceText::new("f.toml", &text);
        let d = too_dense(&src, 0, &text).expect("refused");
        assert_eq!((d.line, d.column), (2, 119_997));
        assert!(
            d.message
                .starts_with("more than 120002 TOML tokens in the first 120008 bytes"),
            "{}",
            d.message
        );
        let aliases = format!(
            "aliases = [{}\"a\"]\n",
            "\"alias\", ".repeat(MAX_ARRAY_VALUES + 200_000)
        );
        let d = too_dense(&SourceText::new("f.toml", &aliases), 0, &aliases).expect("refused");
        // The 10,000th comma: 11 bytes to the first value, 9 per value.
        assert_eq!((d.line, d.column), (1, 11 + 9 * (MAX_ARRAY_VALUES - 1) + 7 + 1));
        assert_eq!(
            d.message,
            "an inline array or table with more than 10000 values; not read"
        );
        let prose =
            "[[events]]\nsummary = \"Words of an ordinary summary, as data files hold.\"\n".repeat(30_000);
        assert!(prose.len() > DENSE_FROM_BYTES);
        assert!(too_dense(&SourceText::new("f.toml", &prose), 0, &prose).is_none());
    }

    #[test]
    fn positions_count_from_the_base() {
        let text = "\u{feff}a = \n";
        let shown = syntax_errors_in(&SourceText::new("f.toml", text), 3, &text[3..]);
        assert_eq!(shown[0].line, 1);
        assert!(shown[0].column > 1, "{:?}", shown[0]);
    }
}
