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

/// How a byte of UTF-8 text is judged when looking for anything to change.
#[derive(Clone, Copy, PartialEq)]
enum ByteClass {
    /// Printable ASCII, a continuation byte, or the first byte of a
    /// character that no table below holds.
    Clean,
    /// An ASCII control: changed, but for a kept newline.
    Control,
    /// The first byte of a character in a block that holds something to
    /// escape or drop: the character is decoded and looked up.
    Look,
}

/// The class of each byte value. The blocks to look at are those of the
/// C1 controls and U+00AD, U+034F, U+061C, U+115F and U+180E, the U+2000s,
/// U+3164, U+FExx-U+FFxx, and the tags and variation selectors at U+E0000:
/// most text (Latin, Khmer, CJK) is judged one byte at a time.
const BYTE_CLASS: [ByteClass; 256] = {
    let mut class = [ByteClass::Clean; 256];
    let mut b = 0;
    while b < 0x20 {
        class[b] = ByteClass::Control;
        b += 1;
    }
    class[0x7f] = ByteClass::Control;
    let look: [usize; 8] = [0xc2, 0xcd, 0xd8, 0xe1, 0xe2, 0xe3, 0xef, 0xf3];
    let mut i = 0;
    while i < look.len() {
        class[look[i]] = ByteClass::Look;
        i += 1;
    }
    class
};

/// Whether a character is changed in any way: escaped, dropped, a tab
/// made a space, a carriage return removed.
fn is_changed(c: char, keep_newlines: bool) -> bool {
    needs_escape(c, keep_newlines) || is_dropped(c) || c == '\t'
}

/// Whether the text comes out of [`sanitize`] as it went in, judged a byte
/// at a time and decoding only characters from the blocks that matter.
fn is_clean(text: &str, keep_newlines: bool) -> bool {
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match BYTE_CLASS[b as usize] {
            ByteClass::Clean => {}
            ByteClass::Control => {
                if !(keep_newlines && b == b'\n') {
                    return false;
                }
            }
            ByteClass::Look => {
                // `i` starts a character: only lead bytes are looked at.
                let c = text[i..].chars().next().expect("a character starts here");
                if is_changed(c, keep_newlines) {
                    return false;
                }
            }
        }
    }
    true
}

fn sanitize(text: &str, keep_newlines: bool) -> Cow<'_, str> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if is_clean(text, keep_newlines) {
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
    fn the_byte_at_a_time_judgement_agrees_with_the_tables_for_every_character() {
        for keep_newlines in [false, true] {
            for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
                let text = format!("a{c}ក");
                assert_eq!(
                    is_clean(&text, keep_newlines),
                    !is_changed(c, keep_newlines),
                    "U+{:04X}, newlines kept: {keep_newlines}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(sanitize_line("Hun Sen – ហ៊ុន សែន"), Cow::Borrowed(_)));
    }
}
