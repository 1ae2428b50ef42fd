//! Splits a data file at its top-level `[[events]]`, `[[sources]]` and
//! `[[actors]]` headers, so each entry can be parsed on its own. A small
//! lexer tracks strings and comments, so a header-like line inside a
//! multi-line string is never taken for a header.

use std::ops::Range;

const HEADERS: &[&str] = &["events", "sources", "actors", "eras", "observances"];

#[derive(Clone, Copy, PartialEq)]
enum State {
    Normal,
    MultiBasic,
    MultiLiteral,
}

/// Whether a line (outside any string) is one of the split headers.
fn is_header(line: &str) -> bool {
    let Some(inner) = line.trim_start().strip_prefix("[[") else {
        return false;
    };
    let Some(end) = inner.find("]]") else { return false };
    let name = inner[..end].trim().trim_matches('"');
    let rest = inner[end + 2..].trim_start();
    HEADERS.contains(&name) && (rest.is_empty() || rest.starts_with('#'))
}

/// The state after a line, given the state before it.
fn scan(line: &str, mut state: State) -> State {
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
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if state == State::Normal && offset > 0 && is_header(line) {
            starts.push(offset);
        }
        state = scan(line, state);
        offset += line.len();
    }
    let mut ranges: Vec<Range<usize>> = starts.windows(2).map(|w| w[0]..w[1]).collect();
    ranges.push(*starts.last().expect("starts at 0")..text.len());
    ranges
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
