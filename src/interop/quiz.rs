//! A paper quiz as one HTML file (the sheet, then the answer key on a page
//! of its own), and the same questions in Moodle's GIFT format.

use super::html::escape;
use crate::teach::questions::{right_sides, LeftOut, Question};
use std::fmt::Write;

/// The letter of the i-th option or item: A, B, … (past Z, a number).
fn letter(i: usize) -> String {
    match u8::try_from(i) {
        Ok(n) if n < 26 => char::from(b'A' + n).to_string(),
        _ => (i + 1).to_string(),
    }
}

/// The answer to one question, as the key prints it.
pub fn answer_text(q: &Question) -> String {
    match q {
        Question::Choice { answer, options, .. } => {
            let shown = options.get(*answer).map_or("", String::as_str);
            format!("{} ({shown})", letter(*answer))
        }
        Question::TrueFalse { answer, .. } => if *answer { "True" } else { "False" }.into(),
        Question::Year { first, last, .. } if first == last => first.to_string(),
        Question::Year { first, last, .. } => format!("any year from {first} to {last}"),
        Question::Matching { pairs, .. } => {
            let right = right_sides(pairs);
            pairs
                .iter()
                .enumerate()
                .map(|(i, (_, r))| {
                    let at = right.iter().position(|x| x == r).unwrap_or(0);
                    format!("{}–{}", i + 1, letter(at))
                })
                .collect::<Vec<_>>()
                .join(", ")
        }
        Question::Order { answer, .. } => answer.iter().map(|&i| letter(i)).collect::<Vec<_>>().join(", "),
    }
}

/// The sheet and its answer key, one self-contained HTML file that prints:
/// the key starts on a new page, so it can be kept back. The kinds of
/// question a mixed quiz left out are said under the key, for the teacher.
pub fn html(title: &str, seed: u64, questions: &[Question], left_out: &[LeftOut]) -> String {
    let mut out = String::new();
    let title = escape(title);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}: quiz</title>\n\
         <style>body{{font-family:Georgia,serif;max-width:42em;margin:2em auto;line-height:1.5}}\
         ol.options{{list-style:none;padding-left:1em}}.key{{break-before:page;page-break-before:always}}\
         .blank{{display:inline-block;min-width:6em;border-bottom:1px solid #000}}</style>\n</head>\n<body>\n\
         <h1>{title}: quiz</h1>\n<p>Name: <span class=\"blank\"></span> · Seed {seed}</p>\n<ol class=\"questions\">\n"
    );
    for q in questions {
        out.push_str("<li>");
        match q {
            Question::Choice { stem, options, .. } => {
                let _ = write!(out, "<p>{}</p>\n<ol class=\"options\">\n", escape(stem));
                for (i, o) in options.iter().enumerate() {
                    let _ = writeln!(out, "<li>☐ {}. {}</li>", letter(i), escape(o));
                }
                out.push_str("</ol>");
            }
            Question::TrueFalse { stem, .. } => {
                let _ = write!(out, "<p>{}</p>\n<p>☐ True ☐ False</p>", escape(stem));
            }
            Question::Year { stem, .. } => {
                let _ = write!(
                    out,
                    "<p>{}</p>\n<p>Year: <span class=\"blank\"></span></p>",
                    escape(stem)
                );
            }
            Question::Matching { stem, pairs, .. } => {
                let _ = write!(out, "<p>{}</p>\n<ol>\n", escape(stem));
                for (l, _) in pairs {
                    let _ = writeln!(out, "<li>{} <span class=\"blank\"></span></li>", escape(l));
                }
                out.push_str("</ol>\n<ol class=\"options\">\n");
                for (i, r) in right_sides(pairs).iter().enumerate() {
                    let _ = writeln!(out, "<li>{}. {}</li>", letter(i), escape(r));
                }
                out.push_str("</ol>");
            }
            Question::Order { stem, items, .. } => {
                let _ = write!(out, "<p>{}</p>\n<ol class=\"options\">\n", escape(stem));
                for (i, item) in items.iter().enumerate() {
                    let _ = writeln!(out, "<li>{}. {}</li>", letter(i), escape(item));
                }
                out.push_str("</ol>\n<p>Order: <span class=\"blank\"></span></p>");
            }
        }
        out.push_str("</li>\n");
    }
    let _ = write!(
        out,
        "</ol>\n<section class=\"key\">\n<h2>Answer key (seed {seed})</h2>\n<ol>\n"
    );
    for q in questions {
        let _ = writeln!(out, "<li>{}</li>", escape(&answer_text(q)));
    }
    out.push_str("</ol>\n");
    if !left_out.is_empty() {
        out.push_str("<p>Left out, as the events in view cannot ask them:</p>\n<ul class=\"left-out\">\n");
        for l in left_out {
            let _ = writeln!(out, "<li>{}</li>", escape(&l.line()));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n</body>\n</html>\n");
    out
}

/// Text made safe for GIFT whose texts are HTML (see `gift`), on one line.
/// A backslash goes before each of `~ = # { } :` and before a backslash,
/// the characters GIFT reads as structure. `& < >` become `&amp; &lt; &gt;`,
/// so markup in the data reaches Moodle as text, and `->` (the matching
/// arrow) cannot occur. `%` and `[` become the character references
/// `&#37;` and `&#91;` (their `#` escaped): Moodle reads `%n%` at the start
/// of an answer as its grade and `[name]` at the start of a text as its
/// format, and GIFT has no escape for either.
pub fn gift_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '%' => out.push_str("&\\#37;"),
                '[' => out.push_str("&\\#91;"),
                c => out.push(c),
            }
        }
    }
    out
}

/// What starts each question's text. Moodle takes GIFT text as its own
/// "Moodle auto-format" unless told, and an answer, a feedback or the left
/// side of a matching pair without a marker of its own takes its question's
/// format: `[html]` once per question makes every text of it HTML, which
/// `gift_escape` writes. The right sides of matching pairs have no format
/// in Moodle and are shown as HTML whatever the marker, so one rule, HTML,
/// serves every text.
pub const GIFT_FORMAT: &str = "[html]";

/// The questions in Moodle's GIFT format: each with a name (`::Q1::`),
/// separated by blank lines; multiple choice, true/false, numerical (a year,
/// with no tolerance, or the range an event spans) and matching (an
/// ordering is matching each event to its place); each text in HTML, as
/// `GIFT_FORMAT` says. The kinds of question a mixed quiz left out are
/// said in comments under the title.
pub fn gift(title: &str, seed: u64, questions: &[Question], left_out: &[LeftOut]) -> String {
    let mut out = format!(
        "// {}: quiz, seed {seed}\n",
        gift_escape(title).replace('\n', " ")
    );
    if !left_out.is_empty() {
        out.push_str("// Left out, as the events in view cannot ask them:\n");
        for l in left_out {
            let _ = writeln!(out, "// - {}", gift_escape(&l.line()).replace('\n', " "));
        }
    }
    out.push('\n');
    for (n, q) in questions.iter().enumerate() {
        let name = format!("::Q{}:: {GIFT_FORMAT}", n + 1);
        match q {
            Question::Choice {
                stem,
                options,
                answer,
                ..
            } => {
                let _ = writeln!(out, "{name}{} {{", gift_escape(stem));
                for (i, o) in options.iter().enumerate() {
                    let mark = if i == *answer { '=' } else { '~' };
                    let _ = writeln!(out, "\t{mark}{}", gift_escape(o));
                }
                out.push_str("}\n");
            }
            Question::TrueFalse { stem, answer, .. } => {
                let _ = writeln!(
                    out,
                    "{name}{} {{{}}}",
                    gift_escape(stem),
                    if *answer { "TRUE" } else { "FALSE" }
                );
            }
            Question::Year { stem, first, last } => {
                let range = if first == last {
                    format!("{first}:0")
                } else {
                    format!("{first}..{last}")
                };
                let _ = writeln!(out, "{name}{} {{#{range}}}", gift_escape(stem));
            }
            Question::Matching { stem, pairs, .. } => {
                let _ = writeln!(out, "{name}{} {{", gift_escape(stem));
                for (l, r) in pairs {
                    let _ = writeln!(out, "\t={} -> {}", gift_escape(l), gift_escape(r));
                }
                out.push_str("}\n");
            }
            Question::Order { stem, items, answer } => {
                let _ = writeln!(
                    out,
                    "{name}{} Match each event to its place, 1 the earliest. {{",
                    gift_escape(stem)
                );
                for (place, &i) in answer.iter().enumerate() {
                    let item = items.get(i).map_or("", String::as_str);
                    let _ = writeln!(out, "\t={} -> {}", gift_escape(item), place + 1);
                }
                out.push_str("}\n");
            }
        }
        out.push('\n');
    }
    out
}
