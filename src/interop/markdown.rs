//! Text made inert in CommonMark (and GitHub's tables): whatever a data file
//! holds comes out as the same characters, never as markup, HTML, a link, a
//! code fence or a list.

use super::html::web_url;

/// Characters with a meaning anywhere in a line: escaped wherever they are.
fn escaped_anywhere(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '!' | '{' | '}' | '$'
    )
}

/// One line, escaped. Leading and trailing white space goes (it would make
/// an indented code block or a hard line break), and text at the start of a
/// line that would start a block (`-`, `+`, `=`, `1.`, `1)`, and `:`, which
/// opens a definition in renderers with definition lists) has that character
/// escaped.
fn line(text: &str, starts_line: bool, out: &mut String) {
    let text = text.trim_matches(|c: char| c == ' ' || c == '\t' || c == '\r');
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    for (i, c) in text.chars().enumerate() {
        let block_start = starts_line
            && ((i == 0 && matches!(c, '-' | '+' | '=' | ':'))
                || (i == digits && digits > 0 && matches!(c, '.' | ')')));
        if escaped_anywhere(c) || block_start {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Text inside a line (after a heading's `#`, in a table cell, in emphasis):
/// line breaks become spaces.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, l) in text.split('\n').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        line(l, false, &mut out);
    }
    out
}

/// Text over several lines, each continued after `prefix` (`"> "` inside a
/// block quote), so that a blank line cannot end the quote around it.
pub fn block(text: &str, prefix: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, l) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(prefix);
        }
        line(l, true, &mut out);
    }
    out
}

/// A web address as an autolink, or any other address as plain text.
pub fn url(address: &str) -> String {
    match web_url(address) {
        Some(u) => format!("<{u}>"),
        None => inline(address),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(inline("<img src=x>"), "\\<img src=x\\>");
        assert_eq!(
            inline("a *b* _c_ [d](e) `f` | g & h"),
            "a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` \\| g \\& h"
        );
        assert_eq!(block("x\n```\ny\n~~~", ""), "x\n\\`\\`\\`\ny\n\\~\\~\\~");
        assert_eq!(
            block("- a\n+ b\n1. c\n22) d\n===\n    e", ""),
            "\\- a\n\\+ b\n1\\. c\n22\\) d\n\\===\ne"
        );
        assert_eq!(block("a\n\nb", "> "), "a\n> \n> b");
        // A definition whose text, indented, would be a code block.
        assert_eq!(block("term\n:       code", ""), "term\n\\:       code");
        assert_eq!(inline("2022 - 2023, 1.5"), "2022 - 2023, 1.5");
        assert_eq!(inline("1. First"), "1. First", "not at a line's start");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(url("https://e.org/a>b<c d"), "<https://e.org/a%3Eb%3Cc%20d>");
        assert_eq!(url("javascript:alert(1)"), "javascript:alert(1)");
    }
}
