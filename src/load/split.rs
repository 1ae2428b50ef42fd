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
    Pieces::new(text).collect()
}

/// The ranges of [`split`], found one at a time as the text is scanned, so
/// the thread that parses them can also be the one that finds them.
pub struct Pieces<'t> {
    lines: std::str::SplitInclusive<'t, char>,
    state: State,
    depth: usize,
    /// Where the piece being scanned starts, and how far scanning has come.
    start: usize,
    offset: usize,
    done: bool,
}

impl<'t> Pieces<'t> {
    pub fn new(text: &'t str) -> Self {
        Pieces {
            lines: text.split_inclusive('\n'),
            state: State::Normal,
            depth: 0,
            start: 0,
            offset: 0,
            done: false,
        }
    }
}

impl Iterator for Pieces<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        if self.done {
            return None;
        }
        for line in self.lines.by_ref() {
            let starts_piece = self.state == State::Normal
                && self.depth == 0
                && self.offset > 0
                && header_name(line).is_some();
            let at = self.offset;
            self.state = scan(line, self.state, &mut self.depth);
            self.offset += line.len();
            if starts_piece {
                let piece = self.start..at;
                self.start = at;
                return Some(piece);
            }
        }
        self.done = true;
        Some(self.start..self.offset)
    }
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

/// From this size on, pieces are parsed on a second thread while the
/// reader reads the ones before them: starting a thread costs about as much
/// as parsing a few kilobytes, and the embedded files are read in turn.
pub const PARSE_AHEAD_FROM: usize = 512 * 1024;

/// Pieces are handed from the parsing thread to the reader this many at a
/// time, so the hand-over costs little per piece.
const BATCH: usize = 64;

/// Batches parsed but not yet read: the parser waits when this many are
/// queued, so syntax trees are held for a bounded stretch of the file only.
const BATCHES_AHEAD: usize = 4;

/// A piece with its syntax tree, or `None` when it does not parse alone.
type Parsed<'t> = (Range<usize>, Option<Spanned<DeTable<'t>>>);

/// The next pieces, parsed; a batch ends early at a piece that does not
/// parse, since nothing after it will be read. Empty when none are left.
fn parse_batch<'t>(text: &'t str, pieces: &mut Pieces<'t>) -> Vec<Parsed<'t>> {
    let mut batch = Vec::with_capacity(BATCH);
    for piece in pieces.by_ref().take(BATCH) {
        // A piece of nothing but tokens would cost the parser 24 bytes a
        // byte: it counts as not parsing, and the whole file is refused.
        let dense = super::syntax::dense_at(&text[piece.clone()]).is_some();
        let document = (!dense)
            .then(|| DeTable::parse(&text[piece.clone()]).ok())
            .flatten();
        let failed = document.is_none();
        batch.push((piece, document));
        if failed {
            break;
        }
    }
    batch
}

/// Parses `text` a piece at a time and hands each piece to `reader`. When a
/// piece does not parse or pieces clash, the reader is reset and the whole
/// text is parsed and read as one document, so splitting never loses or
/// changes an entry. Returns false when the text is not valid TOML; the
/// caller then reports its syntax errors.
pub fn read_documents(text: &str, reader: &mut dyn Reader) -> bool {
    read_documents_using(text, reader, text.len() >= PARSE_AHEAD_FROM)
}

/// [`read_documents`], choosing whether a second thread finds and parses
/// the pieces ahead of the reader (and frees the trees it has read). The
/// reader sees the same pieces in the same order either way, always on the
/// calling thread.
pub fn read_documents_using(text: &str, reader: &mut dyn Reader, parse_ahead: bool) -> bool {
    let read = if parse_ahead {
        read_parsed_ahead(text, reader)
    } else {
        None
    };
    let whole = read.unwrap_or_else(|| {
        let mut pieces = Pieces::new(text);
        let batches = std::iter::from_fn(|| Some(parse_batch(text, &mut pieces)));
        read_pieces(text, batches.take_while(|b| !b.is_empty()), drop, reader)
    });
    if !whole {
        return true;
    }
    if super::syntax::dense_at(text).is_some() {
        return false;
    }
    match DeTable::parse(text) {
        Ok(document) => {
            reader.read(0..text.len(), &document);
            true
        }
        Err(_) => false,
    }
}

/// Reads the pieces as a second thread parses them. The trees go back to
/// that thread to be freed, which costs about as much as reading them.
/// `None` when no thread could be started.
fn read_parsed_ahead(text: &str, reader: &mut dyn Reader) -> Option<bool> {
    std::thread::scope(|scope| {
        let (parsed, batches) = std::sync::mpsc::sync_channel::<Vec<Parsed<'_>>>(BATCHES_AHEAD);
        let (done, read) = std::sync::mpsc::channel::<Vec<Parsed<'_>>>();
        let parser = std::thread::Builder::new().name("parse-ahead".into());
        let started = parser.spawn_scoped(scope, move || {
            let mut pieces = Pieces::new(text);
            loop {
                // Free what was read before making more.
                read.try_iter().for_each(drop);
                let batch = parse_batch(text, &mut pieces);
                let last = batch.len() < BATCH;
                // A reader that stopped has dropped its end: stop too.
                if parsed.send(batch).is_err() || last {
                    break;
                }
            }
            drop(parsed);
            // Until the reader is done with them.
            read.into_iter().for_each(drop);
        });
        if started.is_err() {
            return None;
        }
        let batches = batches.into_iter().take_while(|b| !b.is_empty());
        let free = move |batch| {
            // The parser stopped only if the reading did: free it here then.
            let _ = done.send(batch);
        };
        Some(read_pieces(text, batches, free, reader))
    })
}

/// Reads parsed pieces in order, handing each batch to `free` once read.
/// Returns true when the text must be read whole instead (a piece did not
/// parse, or pieces clash), the reader then reset. Both channels' ends
/// (in `batches` and `free`) are dropped on return, early or not.
fn read_pieces<'t>(
    text: &'t str,
    batches: impl Iterator<Item = Vec<Parsed<'t>>>,
    mut free: impl FnMut(Vec<Parsed<'t>>),
    reader: &mut dyn Reader,
) -> bool {
    let mut seen = HashMap::new();
    let mut read_any = false;
    for batch in batches {
        for (piece, document) in &batch {
            let part = &text[piece.clone()];
            // The header is the piece's first line (the first piece has one
            // too when the file starts with it).
            let own = header_name(part.split_inclusive('\n').next().unwrap_or(part));
            match document {
                Some(document) if !clashes(&mut seen, own, document.get_ref()) => {
                    reader.read(piece.clone(), document);
                    read_any = true;
                }
                _ => {
                    if read_any {
                        reader.reset();
                    }
                    return true;
                }
            }
        }
        free(batch);
    }
    false
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
