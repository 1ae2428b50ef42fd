//! Text from data files is untrusted. Everything read from a file passes
//! through [`sanitize_line`] or [`sanitize_block`] once, where it enters, so
//! no control character or escape sequence can reach a terminal, a window
//! title or an export as a live control; each becomes a visible escape so a
//! spoofing attempt stays visible.

use std::borrow::Cow;
use std::fmt::Write;

/// Characters that change how text is shown without being seen: bidi
/// overrides and isolates, invisible separators, the byte-order mark.
fn is_invisible_format(c: char) -> bool {
    matches!(c,
        '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2028}' | '\u{2029}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
        | '\u{061C}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

/// Characters that look blank but are letters or symbols, used to make a
/// name look empty: shown escaped so the trick stays visible.
fn is_blank_lookalike(c: char) -> bool {
    matches!(
        c,
        '\u{115F}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}' | '\u{206A}'..='\u{206F}'
    )
}

/// Characters that only join, select a glyph variant or hint at a break:
/// dropped. Terminals disagree on how wide the sequences they form are
/// (an emoji with U+FE0F, letters joined by U+200D), so keeping them would
/// let a title push a pane's border out of place. Text stays readable
/// without them: emoji show unjoined, scripts with a non-joiner unjoined.
fn is_dropped(c: char) -> bool {
    matches!(c,
        '\u{00AD}' // soft hyphen
        | '\u{034F}' // combining grapheme joiner
        | '\u{180E}' // Mongolian vowel separator
        | '\u{200C}' | '\u{200D}' // zero-width non-joiner and joiner
        | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}' // variation selectors
        | '\u{E0000}'..='\u{E007F}') // tags
}

fn needs_escape(c: char, keep_newlines: bool) -> bool {
    if c == '\n' {
        return !keep_newlines;
    }
    c.is_control() || is_invisible_format(c) || is_blank_lookalike(c)
}

fn escape_into(out: &mut String, c: char) {
    match c {
        // Caret notation for C0 and DEL, as terminals show them: ESC is ^[.
        '\u{0}'..='\u{1F}' => {
            out.push('^');
            out.push((b'@' + c as u8) as char);
        }
        '\u{7F}' => out.push_str("^?"),
        _ => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

fn sanitize(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    // Printable ASCII, most of any text, needs no look at the tables below.
    if text
        .bytes()
        .all(|b| (0x20..0x7f).contains(&b) || (keep_newlines && b == b'\n'))
    {
        return Cow::Borrowed(text);
    }
    if !text
        .chars()
        .any(|c| needs_escape(c, keep_newlines) || is_dropped(c) || c == '\t')
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c == '\t' {
            out.push(' ');
        } else if is_dropped(c) {
            continue;
        } else if c == '\r' && keep_newlines {
            // CRLF line ends are ordinary; a lone CR would move the cursor.
            continue;
        } else if needs_escape(c, keep_newlines) {
            escape_into(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Makes one-line text safe to print: every control character, including
/// newlines, becomes visible (`^[`, `^J`, `\u{9b}`).
pub fn sanitize_line(text: &str) -> Cow<'_, str> {
    sanitize(text, false)
}

/// Like [`sanitize_line`] but keeps line breaks, for summaries and details.
pub fn sanitize_block(text: &str) -> Cow<'_, str> {
    sanitize(text, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(sanitize_line("a\u{1b}[2Jb"), "a^[[2Jb");
        assert_eq!(sanitize_line("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(sanitize_line("x\u{7}y\u{8}z\u{0}\u{7f}"), "x^Gy^Hz^@^?");
        assert_eq!(sanitize_line("evil\u{202e}txt"), "evil\\u{202e}txt");
        assert_eq!(sanitize_line("one\ntwo"), "one^Jtwo");
        assert_eq!(sanitize_block("one\r\ntwo\rthree"), "one\ntwothree");
        assert_eq!(sanitize_line("\u{feff}title"), "title");
        assert_eq!(sanitize_line("a\tb"), "a b");
    }

    #[test]
    fn joiners_selectors_and_tags_are_dropped_blank_lookalikes_escaped() {
        let dropped = [
            '\u{200C}',
            '\u{200D}',
            '\u{00AD}',
            '\u{034F}',
            '\u{180E}',
            '\u{FE00}',
            '\u{FE0F}',
            '\u{E0100}',
            '\u{E01EF}',
            '\u{E0000}',
            '\u{E0041}',
            '\u{E007F}',
        ];
        for c in dropped {
            assert_eq!(sanitize_line(&format!("a{c}b")), "ab", "{:x}", c as u32);
            assert_eq!(sanitize_block(&format!("a{c}\nb")), "a\nb", "{:x}", c as u32);
        }
        for (c, shown) in [
            ('\u{3164}', "\\u{3164}"),
            ('\u{115F}', "\\u{115f}"),
            ('\u{FFA0}', "\\u{ffa0}"),
            ('\u{2800}', "\\u{2800}"),
            ('\u{206A}', "\\u{206a}"),
            ('\u{206F}', "\\u{206f}"),
        ] {
            assert_eq!(sanitize_line(&format!("a{c}b")), format!("a{shown}b"));
        }
        // A joined emoji falls apart into its pieces, each still shown.
        assert_eq!(sanitize_line("👩\u{200D}💻\u{FE0F}"), "👩💻");
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize_line("Hun Sen – ហ៊ុន សែន"), Cow::Borrowed(_)));
    }
}
