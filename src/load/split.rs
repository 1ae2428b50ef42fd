//! Splits a data file at its top-level `[[events]]`, `[[sources]]` and
//! `[[actors]]` headers, so each entry can be parsed on its own. A small
//! lexer tracks strings, comments and open arrays and inline tables, so a
//! header-like line inside a multi-line string or array is never taken for
//! a header.
//!
//! Splitting is only a way to save memory and must never change what a file
//! means: whenever a piece fails to parse, or two pieces define the same
//! thing, the file is parsed again whole and read from that (see
//! [`read_documents`]).

use std::collections::HashMap;
use std::ops::Range;
use toml::de::DeTable;
use toml::Spanned;

const HEADERS: &[&str] = &["events", "sources", "actors", "eras", "observances", "terms"];

#[derive(Clone, Copy, PartialEq)]
enum State {
    Normal,
    MultiBasic,
    MultiLiteral,
}

/// The table a line names if it (outside any string) is one of the split headers.
fn header_name(line: &str) -> Option<&'static str> {
    let inner = line.trim_start().strip_prefix("[[")?;
    let end = inner.find("]]")?;
    let name = inner[..end].trim().trim_matches('"');
    let rest = inner[end + 2..].trim_start();
    let name = HEADERS.iter().find(|h| **h == name)?;
    (rest.is_empty() || rest.starts_with('#')).then_some(*name)
}

/// The state after a line, given the state before it; `depth` counts the
/// arrays and inline tables open at the line's end.
fn scan(line: &str, mut state: State, depth: &mut usize) -> State {
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match state {
            State::MultiBasic => {
                if b[i] == b'\\' {
                    i += 2;
                    continue;
                }
                if b[i..].starts_with(b"\"\"\"") {
                    state = State::Normal;
                    i += 3;
                    // A closing delimiter may carry up to two more quotes.
                    while i < b.len() && b[i] == b'"' {
                        i += 1;
                    }
                    continue;
                }
            }
            State::MultiLiteral => {
                if b[i..].starts_with(b"'''") {
                    state = State::Normal;
                    i += 3;
                    while i < b.len() && b[i] == b'\'' {
                        i += 1;
                    }
                    continue;
                }
            }
            State::Normal => match b[i] {
                b'#' => return state,
                b'[' | b'{' => *depth += 1,
                b']' | b'}' => *depth = depth.saturating_sub(1),
                b'"' if b[i..].starts_with(b"\"\"\"") => {
                    state = State::MultiBasic;
                    i += 3;
                    continue;
                }
                b'\'' if b[i..].starts_with(b"'''") => {
                    state = State::MultiLiteral;
                    i += 3;
                    continue;
                }
                b'"' => {
                    // A one-line basic string: skip to its closing quote.
                    i += 1;
                    while i < b.len() && b[i] != b'"' {
                        i += if b[i] == b'\\' { 2 } else { 1 };
                    }
                }
                b'\'' => {
                    i += 1;
                    while i < b.len() && b[i] != b'\'' {
                        i += 1;
                    }
                }
                _ => {}
            },
        }
        i += 1;
    }
    state
}

/// Byte ranges that cover the whole text, each starting at a split header
/// (the first holds whatever comes before the first header).
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    let mut state = State::Normal;
    let mut depth = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if state == State::Normal && depth == 0 && offset > 0 && header_name(line).is_some() {
            starts.push(offset);
        }
        state = scan(line, state, &mut depth);
        offset += line.len();
    }
    let mut ranges: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    ranges.push(*starts.last().expect("starts at 0")..text.len());
    ranges
}

/// What reads the documents a file is split into.
pub trait Reader {
    /// One document; `range` is where its text lies in the text given.
    fn read(&mut self, range: Range<usize>, document: &Spanned<DeTable<'_>>);
    /// Forget everything read so far: the text is about to be read whole.
    fn reset(&mut self);
}

/// Whether a piece defines something another piece already did. Only the
/// array a piece's own header appends to may be shared; anything else seen
/// twice (a table, `events = [...]` before `[[events]]`) is for a parse of
/// the whole file to judge.
fn clashes(seen: &mut HashMap<String, bool>, own: Option<&str>, document: &DeTable<'_>) -> bool {
    for (key, value) in document.iter() {
        let key: &str = key.get_ref();
        let appended = own == Some(key) && value.get_ref().as_array().is_some();
        match seen.get(key) {
            Some(&shared) if !(shared && appended) => return true,
            Some(_) => {}
            None => {
                seen.insert(key.to_string(), appended);
            }
        }
    }
    false
}

/// Parses `text` a piece at a time and hands each piece to `reader`. When a
/// piece does not parse or pieces clash, the reader is reset and the whole
/// text is parsed and read as one document, so splitting never loses or
/// changes an entry. Returns false when the text is not valid TOML; the
/// caller then reports its syntax errors.
pub fn read_documents(text: &str, reader: &mut dyn Reader) -> bool {
    let pieces = split(text);
    if pieces.len() > 1 {
        let mut seen = HashMap::new();
        let mut read_any = false;
        let mut whole = false;
        for piece in pieces {
            let part = &text[piece.clone()];
            // The header is the piece's first line (the first piece has one
            // too when the file starts with it).
            let own = header_name(part.split_inclusive('\n').next().unwrap_or(part));
            match DeTable::parse(part) {
                Ok(document) if !clashes(&mut seen, own, document.get_ref()) => {
                    reader.read(piece, &document);
                    read_any = true;
                }
                _ => {
                    whole = true;
                    break;
                }
            }
        }
        if !whole {
            return true;
        }
        if read_any {
            reader.reset();
        }
    }
    match DeTable::parse(text) {
        Ok(document) => {
            reader.read(0..text.len(), &document);
            true
        }
        Err(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_at_top_level_headers_only() {
        let text = "# head\n[[sources]]\nid = \"s\"\n[[events]]\nid = \"a\"\n[[events.sources]]\nx = 1\n[[ events ]] # c\nid = \"b\"\n";
        assert_eq!(
            pieces(text),
            vec![
                "# head\n",
                "[[sources]]\nid = \"s\"\n",
                "[[events]]\nid = \"a\"\n[[events.sources]]\nx = 1\n",
                "[[ events ]] # c\nid = \"b\"\n"
            ]
        );
    }

    #[test]
    fn headers_inside_multiline_strings_are_text() {
        let text = "[[events]]\nd = \"\"\"\n[[events]]\n\"\"\"\ne = '''\n[[events]]\n'''\n[[events]]\n";
        assert_eq!(split(text).len(), 2, "{:?}", pieces(text));
        let text = "[[events]]\nq = \"a \\\"\"\"\" # not a multi-line opener\n[[events]]\n";
        assert_eq!(split(text).len(), 2, "{:?}", pieces(text));
    }

    #[test]
    fn comments_do_not_open_strings() {
        let text = "[[events]]\n# a comment with \"\"\" quotes\n[[events]]\n";
        assert_eq!(split(text).len(), 2);
    }

    #[test]
    fn pieces_cover_the_text() {
        let text = "a = 1\n[[actors]]\nid = \"x\"";
        let r = split(text);
        assert_eq!(r.first().unwrap().start, 0);
        assert_eq!(r.last().unwrap().end, text.len());
        assert!(r.windows(2).all(|w| w[0].end == w[1].start));
    }
}
