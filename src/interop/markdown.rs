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

/// A teacher's notes: as [`block`], except that a run of text between two
/// backquotes on one line (a command to type: `tipline quiz --mode year`)
/// stays a code span, whose text Markdown shows as it is, not as markup.
pub fn notes(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, l) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let l = l.trim_matches(|c: char| c == ' ' || c == '\t' || c == '\r');
        let pieces: Vec<&str> = l.split('`').collect();
        // An odd count of pieces: every backquote has its pair.
        let paired = pieces.len() % 2 == 1;
        for (k, piece) in pieces.iter().enumerate() {
            if paired && k % 2 == 1 && !piece.is_empty() {
                out.push('`');
                out.push_str(piece);
                out.push('`');
                continue;
            }
            if k > 0 && !paired {
                out.push_str("\\`");
            }
            // The line's own ends are trimmed; spaces next to a code span
            // stay. Only the line's first piece can start a block.
            let inner = k > 0 && k + 1 < pieces.len();
            if piece.trim().is_empty() {
                if inner {
                    out.push_str(piece);
                }
                continue;
            }
            if k > 0 {
                out.push_str(&piece[..piece.len() - piece.trim_start().len()]);
            }
            line(piece, k == 0, &mut out);
            if k + 1 < pieces.len() {
                out.push_str(&piece[piece.trim_end().len()..]);
            }
        }
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

/// One event as a short Markdown section: title, dates and kind, how sure
/// it is, the summary and details, figures with who gave them, and each source's quote
/// with where it comes from. Every text is escaped.
pub fn event(t: &crate::timeline::model::Timeline, position: usize) -> String {
    use crate::timeline::model::Corroboration;
    let Some(e) = t.events.get(position) else {
        return String::new();
    };
    let mut facts = vec![e.date_text(), e.kind.to_string()];
    facts.extend(e.location.clone());
    let mut out = format!("## {}\n\n*{}*\n\n", inline(&e.title), inline(&facts.join(" · ")));
    let sureness = match e.corroboration {
        Corroboration::Corroborated => "Corroborated by a second source.".to_string(),
        Corroboration::SingleSource => "Rests on a single source.".to_string(),
        Corroboration::Disputed => "Sources disagree:".to_string(),
    };
    out.push_str(&inline(&sureness));
    out.push_str("\n\n");
    for line in t.disagreements(e) {
        out.push_str(&format!("- {}\n", inline(&line)));
    }
    if !t.disagreements(e).is_empty() {
        out.push('\n');
    }
    out.push_str(&block(&e.summary, ""));
    out.push_str("\n\n");
    // The fuller account, as the detail pane and `show` give it.
    if let Some(details) = e.details.as_deref().filter(|d| !d.trim().is_empty()) {
        out.push_str(&block(details, ""));
        out.push_str("\n\n");
    }
    if let Some(note) = &e.note {
        out.push_str(&format!("*Compilers' note:* {}\n\n", block(note, "")));
    }
    for f in &e.figures {
        let mut line = format!("{}: {}", f.what(), t.figure_value_in_units(f));
        if let Some(who) = t.figure_source(e, f) {
            line.push_str(&format!(", {who}"));
        }
        out.push_str(&format!("- {}\n", inline(&line)));
    }
    if !e.figures.is_empty() {
        out.push('\n');
    }
    for c in &e.sources {
        out.push_str(&format!("> {}", block(&c.quoted(), "> ")));
        if let Some(s) = t.source(&c.source) {
            let title = if s.title_is_label {
                format!("\\[{}\\]", inline(&s.title))
            } else {
                format!("*{}*", inline(&s.title))
            };
            out.push_str(&format!("\n> — {}, {title}", inline(&s.publisher)));
            if let Some(u) = &s.url {
                out.push_str(&format!(", {}", url(u)));
            }
        }
        out.push_str("\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_keep_paired_backquotes_as_code() {
        assert_eq!(
            notes("Run `tipline quiz --mode year` then *think*"),
            "Run `tipline quiz --mode year` then \\*think\\*"
        );
        assert_eq!(notes("a lone ` mark"), "a lone \\` mark");
        assert_eq!(notes("`<b>x</b>`"), "`<b>x</b>`");
        assert_eq!(notes("  - `a` and `b`  "), "\\- `a` and `b`");
    }

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

    #[test]
    fn an_event_as_markdown_gives_its_details_after_the_summary_escaped() {
        let t = crate::load::load(vec![crate::load::DataFile {
            name: "md.toml".into(),
            text: "[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n\
                   [[events]]\nid = \"e\"\ndate = \"2022\"\ntitle = \"E\"\nkind = \"law\"\n\
                   summary = \"Short.\"\ndetails = \"Longer *account*.\\n\\n# Not a heading\"\n\
                   [[events.sources]]\nsource = \"s\"\nquote = \"q\"\n"
                .into(),
        }])
        .timeline
        .expect("the fixture loads");
        let md = event(&t, 0);
        assert!(
            md.contains("Short.\n\nLonger \\*account\\*.\n\n\\# Not a heading\n\n"),
            "{md}"
        );
    }
}
