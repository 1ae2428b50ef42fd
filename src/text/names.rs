//! Finding which of a set of named things a text names: glossary terms in
//! an event's prose, actors in its quotes. A name matches as whole words,
//! ignoring case, accents and how white space runs; a name written only in
//! capitals (`COMMIT`, `UN`) is an abbreviation only in capitals, so
//! "forced to commit crimes" names no COMMIT; where names overlap, the
//! longer one starting first wins, so "UN human rights office" is that
//! office and not also the UN.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use std::collections::HashSet;
use std::ops::Range;

/// Every way some things are named, ready to be found in texts. Each name
/// belongs to an owner, given as its index in the caller's list.
#[derive(Debug, Clone, Default)]
pub struct Names {
    patterns: Vec<Pattern>,
    /// Finds every pattern in a text in one pass, overlaps included (the
    /// whole-word and capitals rules then choose among them); none when
    /// there are no names.
    finder: Option<AhoCorasick>,
    /// One more than the largest owner.
    owners: usize,
}

/// One way of naming an owner, as matched.
#[derive(Debug, Clone)]
struct Pattern {
    /// Folded, with runs of white space as one space.
    folded: String,
    /// Written in capitals: matched only where the text has capitals too.
    capitals: bool,
    owner: usize,
}

/// One place a text names an owner: which, and the bytes of the text that
/// name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub owner: usize,
    pub at: Range<usize>,
}

impl Names {
    /// The names, each with its owner's index. A name that folds to
    /// nothing is left out, and a repeated one kept once.
    pub fn new<'a>(names: impl IntoIterator<Item = (usize, &'a str)>) -> Names {
        let mut patterns = Vec::new();
        let mut owners = 0;
        // A set, not a search of the patterns so far: an owner may have
        // hundreds of thousands of names.
        let mut known = HashSet::new();
        for (owner, name) in names {
            let folded = fold_words(name);
            let capitals = in_capitals(name);
            if !folded.is_empty() && known.insert((owner, folded.clone(), capitals)) {
                owners = owners.max(owner + 1);
                patterns.push(Pattern {
                    folded,
                    capitals,
                    owner,
                });
            }
        }
        // Only an automaton too large for memory fails to build; then
        // nothing is found rather than everything refused.
        // A contiguous NFA, not the DFA the crate picks for a few hundred
        // names: building the DFA took about a twentieth of every start on
        // the embedded data, and finding names in one event's text is quick
        // either way.
        let finder = (!patterns.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(patterns.iter().map(|p| p.folded.as_str()))
                    .ok()
            })
            .flatten();
        Names {
            patterns,
            finder,
            owners,
        }
    }

    /// Every place `text` names an owner, in the order of the text, none
    /// overlapping another (a name two owners share is a mention of each).
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        let Some(finder) = &self.finder else {
            return Vec::new();
        };
        let f = Folded::new(text);
        let word_char = |at: usize, before: bool| -> bool {
            let s = &f.text;
            let c = if before {
                s[..at].chars().next_back()
            } else {
                s[at..].chars().next()
            };
            c.is_some_and(char::is_alphanumeric)
        };
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for m in finder.find_overlapping_iter(&f.text) {
            let p = &self.patterns[m.pattern().as_usize()];
            let (at, end) = (m.start(), m.end());
            let whole = !word_char(at, true) && !word_char(end, false);
            let cased = !p.capitals || f.upper[at..end].iter().all(|&u| u);
            if whole && cased {
                found.push((at, end, p.owner));
            }
        }
        found.sort_by_key(|&(at, end, owner)| (at, std::cmp::Reverse(end), owner));
        found.dedup();
        // A name two owners share names both: the same words, not an overlap.
        let mut covered = 0..0;
        let mut out = Vec::new();
        for (at, end, owner) in found {
            if at < covered.end && (at..end) != covered {
                continue;
            }
            covered = at..end;
            out.push(Mention {
                owner,
                at: f.start[at]..f.end[end - 1],
            });
        }
        out
    }

    /// The owners `text` names, in order of first mention, each once.
    pub fn named_in(&self, text: &str) -> Vec<usize> {
        let mut seen = vec![false; self.owners];
        self.mentions(text)
            .into_iter()
            .filter(|m| !std::mem::replace(&mut seen[m.owner], true))
            .map(|m| m.owner)
            .collect()
    }
}

/// Whether a name is an abbreviation written in capitals: two or more
/// letters, none lower-case.
fn in_capitals(name: &str) -> bool {
    name.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !name.chars().any(char::is_lowercase)
}

/// Text folded as [`crate::text::fold`] does, with each run of white space
/// one space and none at either end: how names are compared.
pub fn fold_words(text: &str) -> String {
    Folded::new(text).text
}

/// Folded text, and for each of its bytes whether the character it came
/// from was free of lower case (so capitals can be told apart) and where
/// that character starts and ends in the text it was folded from.
struct Folded {
    text: String,
    upper: Vec<bool>,
    start: Vec<usize>,
    end: Vec<usize>,
}

impl Folded {
    fn new(text: &str) -> Folded {
        let mut f = Folded {
            text: String::with_capacity(text.len()),
            upper: Vec::with_capacity(text.len()),
            start: Vec::with_capacity(text.len()),
            end: Vec::with_capacity(text.len()),
        };
        let mut buf = [0u8; 4];
        // Where the run of white space before the next word began.
        let mut space: Option<usize> = None;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                space.get_or_insert(i);
                continue;
            }
            if let (Some(at), false) = (space.take(), f.text.is_empty()) {
                f.push(" ", true, at..i);
            }
            let upper = !c.is_lowercase();
            let at = i..i + c.len_utf8();
            if c.is_ascii() {
                f.push(c.to_ascii_lowercase().encode_utf8(&mut buf), upper, at);
            } else {
                f.push(&crate::text::fold(c.encode_utf8(&mut buf)), upper, at);
            }
        }
        f
    }

    fn push(&mut self, folded: &str, upper: bool, from: Range<usize>) {
        self.text.push_str(folded);
        let n = self.text.len() - self.upper.len();
        self.upper.resize(self.upper.len() + n, upper);
        self.start.resize(self.start.len() + n, from.start);
        self.end.resize(self.end.len() + n, from.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Names {
        Names::new([
            (0, "United Nations"),
            (0, "UN"),
            (1, "Office of the UN High Commissioner for Human Rights"),
            (1, "UN human rights office"),
            (2, "Sar Kheng"),
            (2, "Kheng"),
            (3, "Volker Türk"),
        ])
    }

    fn found(text: &str) -> Vec<(usize, &str)> {
        names()
            .mentions(text)
            .into_iter()
            .map(|m| (m.owner, &text[m.at]))
            .collect()
    }

    #[test]
    fn names_match_as_whole_words_with_case_accents_and_spaces_folded() {
        assert_eq!(
            found("Minister of Interior SAR  KHENG said; Kheng's deputy and Volker Turk"),
            [(2, "SAR  KHENG"), (2, "Kheng"), (3, "Volker Turk")]
        );
        assert_eq!(found("Sar Khengs and Khengdom"), []);
    }

    #[test]
    fn abbreviations_in_capitals_match_only_capitals() {
        assert_eq!(
            found("the UN-backed plan, not un-backed, nor for us"),
            [(0, "UN")]
        );
    }

    #[test]
    fn the_longer_name_wins_where_names_overlap() {
        assert_eq!(
            found("the UN human rights office and the UN"),
            [(1, "UN human rights office"), (0, "UN")]
        );
    }

    #[test]
    fn a_name_two_owners_share_finds_both_and_a_name_inside_a_word_is_passed_over() {
        let n = Names::new([(0, "Sokha"), (1, "Sokha"), (2, "Sar Sokha"), (3, "Kem")]);
        let owners = |text: &str| -> Vec<usize> { n.mentions(text).iter().map(|m| m.owner).collect() };
        assert_eq!(owners("Sokha"), [0, 1]);
        assert_eq!(owners("Sar Sokha; Kem Sokha"), [2, 3, 0, 1]);
        assert_eq!(owners("Kemsokha Sokhas"), Vec::<usize>::new());
    }

    #[test]
    fn each_owner_is_named_once_in_order_of_first_mention() {
        assert_eq!(names().named_in("Kheng, the UN, Sar Kheng"), [2, 0]);
        assert_eq!(Names::default().named_in("Sar Kheng"), Vec::<usize>::new());
    }

    #[test]
    fn a_mention_spans_the_bytes_it_was_folded_from() {
        let text = "Ní  VOLKER\u{a0}TÜRK.";
        let m = names().mentions(text);
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].at.clone()], "VOLKER\u{a0}TÜRK");
    }
}
