//! A word index over the events' folded search text, so that a query of
//! search words alone is answered from the events that hold the words
//! rather than by reading every event's text.
//!
//! A search word without whitespace occurs in an event's text exactly when
//! it occurs inside one of the text's whitespace-separated tokens. The
//! index keeps every distinct token once, with the events that hold it, so
//! a word is looked up by sweeping the tokens (megabytes) instead of the
//! text (a gigabyte at a million events).

use super::facets::Tally;
use super::{Clause, Faceted, Query, Stop, Term};
use crate::text::fold;
use crate::timeline::model::Timeline;
use memchr::memmem;
use std::collections::HashMap;

/// Events that hold one token: a sorted list, or for common tokens a
/// bitset (smaller once more than one event in 32 holds the token).
enum Posting {
    List(Vec<u32>),
    Bits(Vec<u64>),
}

pub struct WordIndex {
    events: usize,
    /// Every distinct token, each followed by `\n`.
    tokens: Vec<u8>,
    /// Where each token starts in `tokens` (and, last, its length).
    starts: Vec<u32>,
    postings: Vec<Posting>,
    /// Every event counted under every facet.
    all: Tally,
}

/// What a [`WordIndex`] holds, in exact numbers: what the measuring
/// example prints, and what the bitsets save in memory (`as_lists_bytes`
/// less `posting_bytes`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IndexSize {
    /// Distinct tokens, and their bytes with a newline after each.
    pub tokens: usize,
    pub token_bytes: usize,
    /// Tokens whose events are a bitset, and events held in lists.
    pub bitsets: usize,
    pub listed: usize,
    /// What the postings take, and would take as lists only.
    pub posting_bytes: usize,
    pub as_lists_bytes: usize,
}

impl std::fmt::Display for IndexSize {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} tokens in {} bytes, {} as bitsets, {} listed events; postings {} MB ({} MB as lists only)",
            self.tokens,
            self.token_bytes,
            self.bitsets,
            self.listed,
            self.posting_bytes >> 20,
            self.as_lists_bytes >> 20
        )
    }
}

/// Tokens are short and come from the reader's own data: rustc's fast hash
/// suits them, where the standard one, built to resist attacks on servers,
/// costs several times more.
type Ids<'a> = HashMap<&'a [u8], u32, rustc_hash::FxBuildHasher>;

/// A folded search word the tokens can answer: not empty, and without
/// whitespace, so that wherever it occurs it lies inside one token.
struct Word(String);

impl Word {
    /// `None` for a word the tokens cannot answer (empty, or a phrase).
    fn new(typed: &str) -> Option<Word> {
        let folded = fold(typed);
        (!folded.is_empty() && !folded.contains(char::is_whitespace)).then_some(Word(folded))
    }
}

/// The tokens of the events in `events`, each with the events holding it.
fn index_part(t: &Timeline, events: std::ops::Range<usize>) -> (Ids<'_>, Vec<Vec<u32>>) {
    let mut ids: Ids<'_> = HashMap::default();
    let mut lists: Vec<Vec<u32>> = Vec::new();
    // The last event that added to each list: an event adds once.
    let mut last: Vec<u32> = Vec::new();
    for p in events {
        // Split at ASCII whitespace only: coarser tokens, but a word with
        // no whitespace still lies inside one, and bytes split fastest.
        for token in t.search_key(p).as_bytes().split(u8::is_ascii_whitespace) {
            if token.is_empty() {
                continue;
            }
            let id = *ids.entry(token).or_insert_with(|| {
                lists.push(Vec::new());
                last.push(u32::MAX);
                (lists.len() - 1) as u32
            }) as usize;
            if last[id] != p as u32 {
                last[id] = p as u32;
                lists[id].push(p as u32);
            }
        }
    }
    (ids, lists)
}

impl WordIndex {
    /// Builds the index for work in the background, its thread at the
    /// lowest priority, so keys, drawing and searches always come first
    /// and the build takes only time no one else wants. (A second thread
    /// building half made it ready about 1.1× sooner at a million events
    /// and keys slower meanwhile: not worth its merging.)
    pub fn in_background(t: &Timeline) -> WordIndex {
        yield_to_others();
        WordIndex::new(t)
    }

    /// Reads every event's text once, on this thread.
    pub fn new(t: &Timeline) -> WordIndex {
        let n = t.events.len();
        let (ids, lists) = index_part(t, 0..n);
        let mut by_id: Vec<&[u8]> = vec![&[]; lists.len()];
        for (token, id) in ids {
            by_id[id as usize] = token;
        }
        let mut tokens = Vec::new();
        let mut starts = Vec::with_capacity(by_id.len() + 1);
        for token in &by_id {
            starts.push(tokens.len() as u32);
            tokens.extend_from_slice(token);
            tokens.push(b'\n');
        }
        starts.push(tokens.len() as u32);
        let postings = lists
            .into_iter()
            .map(|list| {
                if list.len() * 32 > n {
                    let mut bits = vec![0u64; n.div_ceil(64)];
                    for p in list {
                        bits[p as usize / 64] |= 1 << (p % 64);
                    }
                    Posting::Bits(bits)
                } else {
                    Posting::List(list)
                }
            })
            .collect();
        let mut all = Tally::new(t);
        for p in 0..n {
            all.add(t, p);
        }
        WordIndex {
            events: n,
            tokens,
            starts,
            postings,
            all,
        }
    }

    /// Its size, for measuring: distinct tokens, their bytes, how many
    /// have a bitset rather than a list, and what the postings take.
    pub fn size(&self) -> IndexSize {
        let mut size = IndexSize {
            tokens: self.postings.len(),
            token_bytes: self.tokens.len(),
            ..IndexSize::default()
        };
        for p in &self.postings {
            match p {
                Posting::List(l) => {
                    size.listed += l.len();
                    size.posting_bytes += l.len() * 4;
                    size.as_lists_bytes += l.len() * 4;
                }
                Posting::Bits(b) => {
                    size.bitsets += 1;
                    size.posting_bytes += b.len() * 8;
                    let held: u32 = b.iter().map(|w| w.count_ones()).sum();
                    size.as_lists_bytes += held as usize * 4;
                }
            }
        }
        size
    }

    /// The events whose text holds `word`, as a bitset; `None` only when
    /// `stop` asked to give up.
    fn holding(&self, word: &Word, stop: &Stop<'_>) -> Option<Vec<u64>> {
        let word = word.0.as_str();
        let mut bits = vec![0u64; self.events.div_ceil(64)];
        let finder = memmem::Finder::new(word.as_bytes());
        let bytes = &self.tokens;
        let (mut pos, mut i, mut added) = (0, 0, 0usize);
        while pos < bytes.len() {
            let Some(hit) = finder.find(&bytes[pos..]) else {
                break;
            };
            let at = pos + hit;
            // The token the match is in (a match never spans two: the
            // word has no whitespace and each token ends with a newline).
            // Matches come in order: search only past the last one.
            i += self.starts[i..].partition_point(|&s| s as usize <= at) - 1;
            match &self.postings[i] {
                Posting::List(list) => {
                    for &p in list {
                        bits[p as usize / 64] |= 1 << (p % 64);
                    }
                    added += list.len();
                }
                Posting::Bits(more) => {
                    bits.iter_mut().zip(more).for_each(|(a, b)| *a |= b);
                    added += more.len();
                }
            }
            if added >= LOOK_EVERY {
                added = 0;
                if stop() {
                    return None;
                }
            }
            i += 1;
            pos = self.starts[i] as usize;
        }
        Some(bits)
    }

    /// Counts, under every facet, the events whose bit is `set` in `bits`.
    fn count(t: &Timeline, bits: &[u64], set: bool, n: usize) -> Tally {
        let mut tally = Tally::new(t);
        Positions::new(bits, set, n).for_each(|p| tally.add(t, p));
        tally
    }
}

/// The positions below `n` whose bit is `set` (or clear) in a bitset, in order.
struct Positions<'a> {
    bits: &'a [u64],
    set: bool,
    n: usize,
    word: usize,
    rest: u64,
}

impl<'a> Positions<'a> {
    fn new(bits: &'a [u64], set: bool, n: usize) -> Self {
        let first = bits.first().map_or(0, |&w| if set { w } else { !w });
        Positions {
            bits,
            set,
            n,
            word: 0,
            rest: first,
        }
    }
}

impl Iterator for Positions<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.rest == 0 {
            self.word += 1;
            let &w = self.bits.get(self.word)?;
            self.rest = if self.set { w } else { !w };
        }
        let position = self.word * 64 + self.rest.trailing_zeros() as usize;
        self.rest &= self.rest - 1;
        (position < self.n).then_some(position)
    }
}

fn positions(bits: &[u64], n: usize) -> Vec<usize> {
    Positions::new(bits, true, n).collect()
}

/// How many events a lookup adds between two looks at its [`Stop`]. The
/// lib's tests use timelines of a few thousand events: with a smaller
/// interval there, a lookup in them looks, and gives up, as one in a
/// million-event timeline does.
const LOOK_EVERY: usize = if cfg!(test) { 1 << 8 } else { 1 << 16 };

/// Lowers the calling thread's priority as far as it goes, so that work
/// nobody waits for yields to the thread that reads keys and draws, and to
/// searches. Linux gives each thread its own priority; elsewhere nothing.
fn yield_to_others() {
    #[cfg(target_os = "linux")]
    {
        // Lowering one's own priority needs no privilege; if refused, the
        // build runs as before.
        let _ = rustix::process::setpriority_process(None, 19);
    }
}

/// What the index made of a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// The result is in `out`, the same as the full search's.
    Found,
    /// Not a query the index answers (facets, phrases): search the events.
    Unanswerable,
    /// `stop` said the result is no longer wanted; `out` may be partial.
    Stopped,
}

impl Query {
    /// [`Query::faceted`] for a query with search words (any of them
    /// negated, with or without facets), or no query at all, answered from
    /// the index; false, with `out` untouched, for any other query (facets
    /// alone, phrases). The result is the same as the full search's.
    pub fn faceted_by_index(&self, t: &Timeline, index: &WordIndex, out: &mut Faceted) -> bool {
        self.faceted_by_index_until(t, index, out, &|| false) == Answer::Found
    }

    /// Like [`Query::faceted_by_index`], giving up as soon as `stop` says
    /// the result is no longer wanted.
    pub fn faceted_by_index_until(
        &self,
        t: &Timeline,
        index: &WordIndex,
        out: &mut Faceted,
        stop: &Stop<'_>,
    ) -> Answer {
        let n = t.events.len();
        let words = n.div_ceil(64);
        let (text, others): (Vec<&Clause>, Vec<&Clause>) =
            self.clauses.iter().partition(|c| matches!(c.term, Term::Text(_)));
        // The one place a word the tokens cannot answer is refused: the
        // lookups below then give up only when `stop` says so.
        let looked_up = |c: &&Clause| match &c.term {
            Term::Text(w) => Word::new(w),
            _ => None,
        };
        let looked_up: Option<Vec<Word>> = text.iter().map(looked_up).collect();
        let Some(looked_up) = looked_up.filter(|_| index.events == n) else {
            return Answer::Unanswerable;
        };
        if looked_up.is_empty() && !others.is_empty() {
            // Facets alone: their compact arrays are read faster than any index.
            return Answer::Unanswerable;
        }
        let mut hits: Option<Vec<u64>> = None;
        let mut excluded = vec![0u64; words];
        for (c, word) in text.iter().zip(&looked_up) {
            let Some(holding) = index.holding(word, stop) else {
                return Answer::Stopped;
            };
            if c.negated {
                excluded.iter_mut().zip(&holding).for_each(|(a, b)| *a |= b);
            } else {
                hits = Some(match hits {
                    None => holding,
                    Some(mut h) => {
                        h.iter_mut().zip(&holding).for_each(|(a, b)| *a &= b);
                        h
                    }
                });
            }
        }
        let mut hits = hits.unwrap_or_else(|| vec![u64::MAX; words]);
        hits.iter_mut().zip(&excluded).for_each(|(a, b)| *a &= !b);
        if stop() {
            return Answer::Stopped;
        }
        if !others.is_empty() {
            // An event that fails a search word neither passes nor counts
            // under any facet: the facets need look only at those that hold
            // the words, and need not read their text again.
            let holding = positions(&hits, n);
            let rest = Query {
                clauses: others.into_iter().cloned().collect(),
            };
            return match rest.faceted_until(t, Some(&holding), out, stop, 1) {
                true => Answer::Found,
                false => Answer::Stopped,
            };
        }
        out.hits.clear();
        out.relevant.clear();
        out.hits.extend(Positions::new(&hits, true, n));
        // Only search words: an event either passes, counting under every
        // facet, or does not count at all. When most pass, counting those
        // that do not and taking them from the whole is the shorter way.
        let tally = if out.hits.len() == n {
            index.all.clone()
        } else if out.hits.len() * 2 > n {
            index.all.minus(&WordIndex::count(t, &hits, false, n))
        } else {
            WordIndex::count(t, &hits, true, n)
        };
        out.relevant.extend_from_slice(&out.hits);
        // As the full search counts: each facet's tally holds that facet only.
        for (mine, facet) in [
            (&mut out.years, 0),
            (&mut out.actors, 1),
            (&mut out.kinds, 2),
            (&mut out.tags, 3),
        ] {
            mine.clear();
            let (to, from) = match facet {
                0 => (&mut mine.years, &tally.years),
                1 => (&mut mine.actors, &tally.actors),
                2 => (&mut mine.kinds, &tally.kinds),
                _ => (&mut mine.tags, &tally.tags),
            };
            to.clone_from(from);
        }
        Answer::Found
    }
}
