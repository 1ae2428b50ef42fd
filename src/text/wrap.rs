//! Wrapping text to a width without ever splitting a grapheme cluster.
//!
//! textwrap breaks a word longer than the line between any two characters,
//! which in Khmer can put a vowel sign or a subscript consonant at the start
//! of a line, away from the consonant it belongs to; and Khmer writes whole
//! phrases without spaces, so its words are often longer than a pane.

use super::width::{columns, is_one_char_per_cluster};
use std::borrow::Cow;
use unicode_segmentation::UnicodeSegmentation;

/// Wraps `text` as textwrap does with `options`, except that a word too long
/// for a line is broken between grapheme clusters, on lines of its own.
pub fn wrap<'a>(text: &'a str, options: &textwrap::Options<'a>) -> Vec<Cow<'a, str>> {
    if !options.break_words || is_one_char_per_cluster(text) {
        return textwrap::wrap(text, options);
    }
    let mut whole = options.clone();
    whole.break_words = false;
    let mut out = Vec::new();
    for line in textwrap::wrap(text, &whole) {
        if columns(&line) <= options.width {
            out.push(line);
            continue;
        }
        // A long word alone on its line, after the line's indent.
        let indent = if out.is_empty() {
            options.initial_indent
        } else {
            options.subsequent_indent
        };
        let body = line.strip_prefix(indent).unwrap_or(&line);
        let mut piece = String::from(if body.len() < line.len() { indent } else { "" });
        let mut used = columns(&piece);
        for g in body.graphemes(true) {
            let w = columns(g);
            if used + w > options.width && piece.len() > options.subsequent_indent.len() {
                out.push(Cow::Owned(std::mem::take(&mut piece)));
                piece.push_str(options.subsequent_indent);
                used = columns(&piece);
            }
            piece.push_str(g);
            used += w;
        }
        out.push(Cow::Owned(piece));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::width::clusters;

    /// The 2015 ranking's quote, from Open Development Cambodia.
    const QUOTE: &str = "សម្រាប់រយៈពេលបីឆ្នាំបន្តបន្ទាប់ ប្រទេសកម្ពុជា ត្រូវបានគេឃើញថាស្ថិតនៅលើលំដាប់ថ្នាក់លេខ ២ ក្នុងបញ្ជីតាមដាន";

    /// Every line of `QUOTE` wrapped at every width from 1 to past its
    /// length: the lines, put back together, are the text's clusters in
    /// order, none split, and no line is wider than asked unless it is a
    /// single cluster.
    #[test]
    fn wrapping_never_splits_a_khmer_cluster() {
        let whole: Vec<&str> = clusters(QUOTE).filter(|g| *g != " ").collect();
        for width in 1..=columns(QUOTE) + 2 {
            let options = textwrap::Options::new(width)
                .word_separator(textwrap::WordSeparator::AsciiSpace)
                .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
            let lines = wrap(QUOTE, &options);
            let mut got = Vec::new();
            for line in &lines {
                let line_clusters: Vec<&str> = clusters(line).filter(|g| *g != " ").collect();
                assert!(
                    columns(line) <= width || line_clusters.len() == 1,
                    "at {width}: {line:?} is {} wide",
                    columns(line)
                );
                let first = line.chars().next().unwrap();
                assert!(
                    !matches!(first, '\u{17B6}'..='\u{17D3}' | '\u{17DD}'),
                    "at {width}: a line starts with the sign {first:?}: {line:?}"
                );
                got.extend(line_clusters);
            }
            assert_eq!(got, whole, "at {width}: {lines:?}");
        }
    }

    #[test]
    fn a_long_word_is_cut_between_clusters_under_the_indents() {
        let options = textwrap::Options::new(7)
            .initial_indent("> ")
            .subsequent_indent("  ");
        assert_eq!(
            wrap("ឆ្នាំ កម្ពុជាកម្ពុជា end", &options),
            ["> ឆ្នាំ", "  កម្ពុជា", "  កម្ពុជា", "  end"]
        );
    }

    #[test]
    fn text_of_single_characters_wraps_as_textwrap_does() {
        let options = textwrap::Options::new(6);
        let text = "a verylongword and 東京東京東京";
        assert_eq!(wrap(text, &options), textwrap::wrap(text, &options));
    }
}
