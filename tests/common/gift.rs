//! A reader of GIFT by the rules of Moodle's importer (`qformat_gift`), for
//! the tests and the fuzz target (which takes this file by its path): what
//! Moodle would make of each question, grade by grade.

// The tests use some of these, the fuzz target others.
#![allow(dead_code)]

use tipline::teach::questions::Question as Asked;

/// One character of a question, and whether a backslash escaped it.
#[derive(Clone, Copy, PartialEq)]
struct Tok {
    c: char,
    escaped: bool,
}

/// Text as Moodle stores it: an optional `[format]` marker taken off the
/// front, then the escapes undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub format: Option<String>,
    pub text: String,
}

/// A question's answer part, as Moodle decides its type.
#[derive(Debug, Clone, PartialEq)]
pub enum Answers {
    /// Each choice with the fraction of the grade it earns.
    Choice(Vec<(f64, Text)>),
    TrueFalse(bool),
    Numerical(String),
    Matching(Vec<(Text, String)>),
    Short(Vec<Text>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    pub name: Option<String>,
    pub text: Text,
    pub answers: Answers,
}

fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some(n)) if "\\:#={}~n".contains(n) => {
                chars.next();
                out.push(Tok {
                    c: if n == 'n' { '\n' } else { n },
                    escaped: true,
                });
            }
            _ => out.push(Tok { c, escaped: false }),
        }
    }
    out
}

fn plain(toks: &[Tok]) -> String {
    toks.iter().map(|t| t.c).collect()
}

fn find(toks: &[Tok], c: char) -> Option<usize> {
    toks.iter().position(|t| t.c == c && !t.escaped)
}

fn starts(toks: &[Tok], s: &str) -> bool {
    toks.len() >= s.chars().count() && s.chars().zip(toks).all(|(c, t)| t.c == c && !t.escaped)
}

fn split(toks: &[Tok], c: char) -> Vec<&[Tok]> {
    toks.split(|t| t.c == c && !t.escaped).collect()
}

fn trim(toks: &[Tok]) -> &[Tok] {
    let start = toks
        .iter()
        .position(|t| !t.c.is_whitespace())
        .unwrap_or(toks.len());
    let end = toks
        .iter()
        .rposition(|t| !t.c.is_whitespace())
        .map_or(start, |e| e + 1);
    &toks[start..end]
}

/// `parse_text_with_format`: a `[name]` at the very start is the format.
fn with_format(toks: &[Tok]) -> Text {
    let toks = trim(toks);
    if starts(toks, "[") {
        if let Some(end) = find(toks, ']') {
            let name = plain(&toks[1..end]);
            if ["moodle", "html", "plain", "markdown"].contains(&name.as_str()) {
                return Text {
                    format: Some(name),
                    text: plain(trim(&toks[end + 1..])),
                };
            }
        }
    }
    Text {
        format: None,
        text: plain(toks),
    }
}

/// Moodle's answer-weight pattern, `^%-*([0-9]{1,2})\.?([0-9]*)%`: the
/// fraction and what follows the weight.
fn weight(toks: &[Tok]) -> Option<(f64, &[Tok])> {
    let s: Vec<char> = toks
        .iter()
        .map(|t| if t.escaped { '\u{0}' } else { t.c })
        .collect();
    let mut i = 1;
    if s.first() != Some(&'%') {
        return None;
    }
    while s.get(i) == Some(&'-') {
        i += 1;
    }
    let digits = s[i..].iter().take_while(|c| c.is_ascii_digit()).count().min(2);
    if digits == 0 {
        return None;
    }
    i += digits;
    if s.get(i) == Some(&'.') {
        i += 1;
    }
    i += s[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    if s.get(i) != Some(&'%') {
        return None;
    }
    // Moodle takes the text between the percent signs over 100.
    let shown: String = s[1..i].iter().collect();
    let value = shown.parse::<f64>().ok()? / 100.0;
    Some((value, &toks[i + 1..]))
}

/// One question (the text between blank lines), or `None` for a block of
/// comments only.
pub fn question(block: &str) -> Option<Question> {
    let lines: Vec<&str> = block
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect();
    let joined = lines.join("\n");
    let all = tokens(joined.trim());
    if all.is_empty() {
        return None;
    }
    let mut toks: &[Tok] = &all;
    let mut name = None;
    if starts(toks, "::") {
        let rest = &toks[2..];
        if let Some(end) = rest.windows(2).position(|w| starts(w, "::")) {
            name = Some(plain(&rest[..end]));
            toks = trim(&rest[end + 2..]);
        }
    }
    let open = find(toks, '{').expect("an answer part");
    let close = find(toks, '}').expect("a closed answer part");
    assert!(open < close, "`}}` before `{{`");
    assert!(trim(&toks[close + 1..]).is_empty(), "text after the answers");
    let text = with_format(&toks[..open]);
    let body = trim(&toks[open + 1..close]);
    let answers = if starts(body, "#") {
        Answers::Numerical(plain(trim(&body[1..])))
    } else if find(body, '~').is_some() {
        let mut choices = Vec::new();
        for part in split(body, '~') {
            for (i, a) in split(part, '=').into_iter().enumerate() {
                let a = trim(a);
                if i == 0 && a.is_empty() {
                    continue;
                }
                let (fraction, rest) = if i > 0 {
                    (1.0, a)
                } else {
                    weight(a).unwrap_or((0.0, a))
                };
                let before_feedback = split(rest, '#')[0];
                choices.push((fraction, with_format(before_feedback)));
            }
        }
        Answers::Choice(choices)
    } else if find(body, '=').is_some() && plain(body).contains("->") {
        let pairs = split(body, '=')
            .into_iter()
            .map(trim)
            .filter(|a| !a.is_empty())
            .map(|a| {
                let at = (0..a.len())
                    .find(|&i| starts(&a[i..], "->"))
                    .expect("a `->` in each pair");
                (with_format(&a[..at]), plain(trim(&a[at + 2..])))
            })
            .collect();
        Answers::Matching(pairs)
    } else {
        let head = plain(trim(split(body, '#')[0]));
        match head.as_str() {
            "T" | "TRUE" => Answers::TrueFalse(true),
            "F" | "FALSE" => Answers::TrueFalse(false),
            _ => Answers::Short(split(body, '=').into_iter().skip(1).map(with_format).collect()),
        }
    };
    Some(Question { name, text, answers })
}

/// Every question of a GIFT file.
pub fn questions(gift: &str) -> Vec<Question> {
    gift.replace("\r\n", "\n")
        .split("\n\n")
        .filter_map(question)
        .collect()
}

/// HTML text as a browser shows it: the references `&amp; &lt; &gt; &quot;`
/// and `&#N;` undone, and no element in it.
pub fn html_text(html: &str) -> String {
    assert!(!html.contains(['<', '>']), "markup in {html:?}");
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let end = rest[at..].find(';').map(|e| at + e).expect("a closed reference");
        let name = &rest[at + 1..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            n => n
                .strip_prefix('#')
                .and_then(|d| d.parse::<u32>().ok())
                .and_then(char::from_u32)
                .unwrap_or_else(|| panic!("an unknown reference &{n};")),
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Text on one line, as GIFT holds it.
pub fn one_spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Asserts that Moodle reads `gift` (what `quiz::gift` wrote for `asked`)
/// as exactly those questions: every text HTML and the data's own, every
/// choice earning the grade it should and no other, no format marker but
/// the exporter's.
pub fn assert_reads_back(asked: &[Asked], gift: &str) {
    let read = questions(gift);
    assert_eq!(read.len(), asked.len(), "{gift}");
    let text = |t: &Text| {
        assert_eq!(t.format, None, "a format marker of the data: {t:?}\n{gift}");
        html_text(&t.text)
    };
    for (q, r) in asked.iter().zip(&read) {
        assert_eq!(r.text.format.as_deref(), Some("html"), "{r:?}");
        let stem = html_text(&r.text.text);
        match (q, &r.answers) {
            (
                Asked::Choice {
                    stem: s,
                    options,
                    answer,
                    ..
                },
                Answers::Choice(got),
            ) => {
                assert_eq!(stem, one_spaced(s));
                let expected: Vec<(f64, String)> = options
                    .iter()
                    .enumerate()
                    .map(|(i, o)| (if i == *answer { 1.0 } else { 0.0 }, one_spaced(o)))
                    .collect();
                let got: Vec<(f64, String)> = got.iter().map(|(f, t)| (*f, text(t))).collect();
                assert_eq!(got, expected, "{gift}");
            }
            (Asked::TrueFalse { stem: s, answer, .. }, Answers::TrueFalse(b)) => {
                assert_eq!((stem, b), (one_spaced(s), answer));
            }
            (Asked::Year { stem: s, first, last }, Answers::Numerical(n)) => {
                assert_eq!(stem, one_spaced(s));
                let expected = if first == last {
                    format!("{first}:0")
                } else {
                    format!("{first}..{last}")
                };
                assert_eq!(n, &expected);
            }
            (Asked::Matching { stem: s, pairs, .. }, Answers::Matching(got)) => {
                assert_eq!(stem, one_spaced(s));
                let got: Vec<(String, String)> = got.iter().map(|(l, r)| (text(l), html_text(r))).collect();
                let expected: Vec<(String, String)> = pairs
                    .iter()
                    .map(|(l, r)| (one_spaced(l), one_spaced(r)))
                    .collect();
                assert_eq!(got, expected, "{gift}");
            }
            (Asked::Order { items, answer, .. }, Answers::Matching(got)) => {
                let got: Vec<(String, String)> = got.iter().map(|(l, r)| (text(l), html_text(r))).collect();
                let expected: Vec<(String, String)> = answer
                    .iter()
                    .enumerate()
                    .map(|(place, &i)| (one_spaced(&items[i]), (place + 1).to_string()))
                    .collect();
                assert_eq!(got, expected, "{gift}");
            }
            (q, a) => panic!("{q:?} read back as {a:?}\n{gift}"),
        }
    }
}
