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
use super::{Faceted, Query, Term};
use crate::text::fold;
use crate::timeline::model::Timeline;
use memchr::memmem;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

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

/// A fast hash for short tokens (the standard one is built to resist
/// attacks on servers and costs several times more here).
#[derive(Default)]
struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        // Products carry low bits upward only: fold the high bits back
        // down, or tokens alike in their first bytes share buckets.
        let x = (self.0 ^ (self.0 >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^ (x >> 33)
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 =
                (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type Ids<'a> = HashMap<&'a [u8], u32, BuildHasherDefault<Fx>>;

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
    /// Reads every event's text once, on this thread.
    pub fn new(t: &Timeline) -> WordIndex {
        WordIndex::on_threads(t, 1)
    }

    /// Reads every event's text once, sharing the reading between this
    /// thread and one more if `threads` is two or more.
    pub fn on_threads(t: &Timeline, threads: usize) -> WordIndex {
        let n = t.events.len();
        let half = if threads >= 2 { n / 2 } else { 0 };
        let ((mut ids, mut lists), (later_ids, mut later)) = std::thread::scope(|scope| {
            let first = scope.spawn(|| index_part(t, 0..half));
            let second = index_part(t, half..n);
            (first.join().expect("indexing does not panic"), second)
        });
        // The second half's events come after the first's: lists stay sorted.
        for (token, id) in later_ids {
            let more = std::mem::take(&mut later[id as usize]);
            let next = lists.len() as u32;
            let mine = *ids.entry(token).or_insert(next);
            if mine == next {
                lists.push(more);
            } else {
                lists[mine as usize].extend(more);
            }
        }
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

    /// The events whose text holds `word` (folded), as a bitset; `None`
    /// when the index cannot tell (an empty word, or one with spaces).
    fn holding(&self, word: &str) -> Option<Vec<u64>> {
        if word.is_empty() || word.contains(char::is_whitespace) {
            return None;
        }
        let mut bits = vec![0u64; self.events.div_ceil(64)];
        let finder = memmem::Finder::new(word.as_bytes());
        let bytes = &self.tokens;
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(hit) = finder.find(&bytes[pos..]) else {
                break;
            };
            let at = pos + hit;
            // The token the match is in (a match never spans two: the
            // word has no whitespace and each token ends with a newline).
            let i = self.starts.partition_point(|&s| s as usize <= at) - 1;
            match &self.postings[i] {
                Posting::List(list) => {
                    for &p in list {
                        bits[p as usize / 64] |= 1 << (p % 64);
                    }
                }
                Posting::Bits(more) => bits.iter_mut().zip(more).for_each(|(a, b)| *a |= b),
            }
            pos = self.starts[i + 1] as usize;
        }
        Some(bits)
    }
}

impl Query {
    /// [`Query::faceted`] for a query of search words alone (any of them
    /// negated), answered from the index; false, with `out` untouched, for
    /// any other query. The result is the same as the full search's.
    pub fn faceted_by_index(&self, t: &Timeline, index: &WordIndex, out: &mut Faceted) -> bool {
        let n = t.events.len();
        if self.clauses.is_empty() || index.events != n {
            return false;
        }
        let mut hits: Option<Vec<u64>> = None;
        let mut excluded = vec![0u64; n.div_ceil(64)];
        for c in &self.clauses {
            let Term::Text(word) = &c.term else { return false };
            let Some(holding) = index.holding(&fold(word)) else {
                return false;
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
        let mut hits = hits.unwrap_or_else(|| vec![u64::MAX; n.div_ceil(64)]);
        hits.iter_mut().zip(&excluded).for_each(|(a, b)| *a &= !b);
        out.hits.clear();
        out.relevant.clear();
        for (w, &word) in hits.iter().enumerate() {
            let mut rest = word;
            while rest != 0 {
                let p = w * 64 + rest.trailing_zeros() as usize;
                if p >= n {
                    break;
                }
                out.hits.push(p);
                rest &= rest - 1;
            }
        }
        // Only search words: an event either passes, counting under every
        // facet, or does not count at all. When most pass, counting those
        // that do not and taking them from the whole is the shorter way.
        let mut tally = Tally::new(t);
        if out.hits.len() * 2 > n {
            let mut next = out.hits.iter().copied().peekable();
            for p in 0..n {
                if next.peek() == Some(&p) {
                    next.next();
                } else {
                    tally.add(t, p);
                }
            }
            tally = index.all.minus(&tally);
        } else {
            for &p in &out.hits {
                tally.add(t, p);
            }
        }
        out.relevant.extend_from_slice(&out.hits);
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
        true
    }
}
