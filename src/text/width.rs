//! How many columns text takes on a terminal, and where it may be cut.
//!
//! Terminals advance the cursor a character at a time: each character
//! takes the columns `wcwidth` gives it, and a combining mark (a Khmer
//! coeng or vowel sign above or below, an accent) takes none. unicode-width
//! measures some clusters as a whole instead (`ឆ្នាំ` is 2 there, 3 on
//! xterm, tmux and the Linux console), so text is measured here the
//! terminal's way, and cut only between grapheme clusters, so a consonant
//! never loses the vowel signs and subscripts written after it.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

/// The columns `text` takes on a terminal: the sum of its characters'
/// widths, control characters counting none.
pub fn columns(text: &str) -> usize {
    if text.is_ascii() {
        return text.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    text.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Measuring text the terminal's way, as a method.
pub trait Columns {
    /// See [`columns`].
    fn columns(&self) -> usize;
}

impl Columns for str {
    fn columns(&self) -> usize {
        columns(self)
    }
}

impl Columns for String {
    fn columns(&self) -> usize {
        columns(self)
    }
}

/// Whether a grapheme cluster is more than one character: a letter with
/// the marks, subscripts or joiners that belong to it, which must reach
/// the terminal together and in order.
pub fn is_cluster(grapheme: &str) -> bool {
    grapheme.chars().nth(1).is_some()
}

/// Whether every grapheme cluster of `text` is one character, so that
/// cutting it between characters never splits a cluster.
pub fn is_one_char_per_cluster(text: &str) -> bool {
    text.is_ascii() || !text.graphemes(true).any(is_cluster)
}

/// The grapheme clusters of `text`, as a reader sees its letters.
pub fn clusters(text: &str) -> unicode_segmentation::Graphemes<'_> {
    text.graphemes(true)
}

/// The longest start of `text` that takes at most `width` columns, cut
/// between clusters, and the columns it takes.
pub fn head(text: &str, width: usize) -> (&str, usize) {
    let mut used = 0;
    let mut end = 0;
    for (at, g) in text.grapheme_indices(true) {
        let w = columns(g);
        if used + w > width {
            return (&text[..at], used);
        }
        used += w;
        end = at + g.len();
    }
    (&text[..end], used)
}

/// Cuts text to `width` columns between clusters, marking the cut with an
/// ellipsis (which takes the last column).
pub fn fit(text: &str, width: usize) -> String {
    if columns(text) <= width {
        return text.to_string();
    }
    let (kept, _) = head(text, width.saturating_sub(1));
    let mut out = kept.to_string();
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 2015 ranking's quote, from Open Development Cambodia.
    const QUOTE: &str = "សម្រាប់រយៈពេលបីឆ្នាំបន្តបន្ទាប់ ប្រទេសកម្ពុជា";

    #[test]
    fn khmer_is_measured_a_character_at_a_time() {
        // ឆ ្ ន ា ំ: the coeng and the nikahit take no column.
        assert_eq!(columns("ឆ្នាំ"), 3);
        assert_eq!(columns("កម្ពុជា"), 5);
        assert_eq!(columns("ab\u{7}c"), 3, "a control character takes none");
        assert_eq!(columns("東京"), 4);
        assert_eq!(columns("cafe\u{301}"), 4);
    }

    #[test]
    fn clusters_keep_a_consonant_with_its_signs() {
        let kept: Vec<&str> = clusters("ឆ្នាំកម្ពុជា").collect();
        assert_eq!(kept, ["ឆ្នាំ", "ក", "ម្ពុ", "ជា"]);
        assert!(is_cluster("ជា"));
        assert!(!is_cluster("ក"));
        assert!(is_one_char_per_cluster("plain — text, 東京"));
        assert!(!is_one_char_per_cluster(QUOTE));
    }

    #[test]
    fn a_cut_falls_between_clusters() {
        assert_eq!(head("ឆ្នាំកម្ពុជា", 2), ("", 0), "ឆ្នាំ needs 3 columns");
        assert_eq!(head("ឆ្នាំកម្ពុជា", 3), ("ឆ្នាំ", 3));
        assert_eq!(head("ឆ្នាំកម្ពុជា", 4), ("ឆ្នាំក", 4));
        assert_eq!(head("ឆ្នាំកម្ពុជា", 6), ("ឆ្នាំកម្ពុ", 6));
        assert_eq!(head("ឆ្នាំកម្ពុជា", 5), ("ឆ្នាំក", 4));
        assert_eq!(head("abc", 9), ("abc", 3));
        assert_eq!(fit("ឆ្នាំកម្ពុជា", 7), "ឆ្នាំកម្ពុ…");
        assert_eq!(fit("ឆ្នាំកម្ពុជា", 8), "ឆ្នាំកម្ពុជា");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abcdef", 0), "");
    }

    #[test]
    fn every_cut_of_the_quote_ends_a_cluster() {
        let ends: Vec<usize> = clusters(QUOTE)
            .scan(0, |at, g| {
                *at += g.len();
                Some(*at)
            })
            .collect();
        for width in 0..=columns(QUOTE) {
            let (kept, used) = head(QUOTE, width);
            assert!(used <= width);
            assert!(
                kept.is_empty() || ends.contains(&kept.len()),
                "at {width}: {kept}"
            );
        }
    }
}
