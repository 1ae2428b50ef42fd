//! What each sentence says, checked against the quotes it cites. In
//! `summary` and `details` every sentence ends with citation markers (`[1]`,
//! `[1][3]`, `[1, 3]`) naming the event's citations by their place in its
//! list; a number, ordinal, month or person a sentence names must be in one
//! of the quotes it cites, and the event's date in a quote or a cited
//! source's publication date unless `derived` says how it was worked out.
//! Every problem is a warning: an unmarked file still loads.

use super::diag::{Diagnostic, SourceText};
use super::gather::Gathered;
use crate::text::fold;
use crate::timeline::date::Precision;
use crate::timeline::model::{ActorKind, Citation, Event, Source};
use foldhash::HashMap;
use std::collections::BTreeSet;
use std::ops::Range;

/// One sentence of prose: where it starts in the text, its words without
/// the markers, and the citations (from 1) its markers name.
#[derive(Debug, PartialEq)]
pub struct Sentence<'a> {
    pub at: usize,
    pub text: &'a str,
    pub cites: Vec<usize>,
}

/// Splits prose into sentences at their marker groups. Text after the last
/// group, and any sentence that ends inside a group's span before its
/// marker, come back with no citations.
pub fn sentences(text: &str) -> Vec<Sentence<'_>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let Some((cites, end)) = markers(text, i) else {
            i += 1;
            continue;
        };
        let mut next = end;
        // A marker written before the sentence's full stop keeps it.
        while next < bytes.len() && b".!?;:,".contains(&bytes[next]) {
            next += 1;
        }
        push_split(&mut out, text, start, i, cites);
        start = next;
        i = next;
    }
    if text[start..].chars().any(char::is_alphanumeric) {
        push_split(&mut out, text, start, text.len(), Vec::new());
    }
    out
}

/// The marker group at `at` (`[1]`, `[1][3]`, `[1, 3]`): the citations it
/// names and where it ends.
fn markers(text: &str, at: usize) -> Option<(Vec<usize>, usize)> {
    let mut cites = Vec::new();
    let mut i = at;
    let bytes = text.as_bytes();
    while bytes.get(i) == Some(&b'[') {
        let close = text[i..].find(']')? + i;
        let inside = &text[i + 1..close];
        let numbers: Option<Vec<usize>> = inside
            .split(',')
            .map(|n| n.trim())
            .map(|n| {
                (!n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| n.parse().ok())
                    .flatten()
            })
            .collect();
        let numbers = numbers?;
        cites.extend(numbers);
        i = close + 1;
    }
    (!cites.is_empty()).then_some((cites, i))
}

/// Pushes the sentence `text[from..to]` citing `cites`, and before it, with
/// no citations, any whole sentence that ends inside it.
fn push_split<'a>(out: &mut Vec<Sentence<'a>>, text: &'a str, from: usize, to: usize, cites: Vec<usize>) {
    let base = skip_space(text, from).min(to);
    let mut from = base;
    for end in sentence_ends(&text[base..to]) {
        let end = base + end;
        out.push(Sentence {
            at: from,
            text: text[from..end].trim_end(),
            cites: Vec::new(),
        });
        from = skip_space(text, end);
    }
    out.push(Sentence {
        at: from,
        text: text[from..to].trim_end(),
        cites,
    });
}

fn skip_space(text: &str, mut at: usize) -> usize {
    while text[at..].starts_with(char::is_whitespace) {
        at += text[at..].chars().next().map_or(1, char::len_utf8);
    }
    at
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "gen", "lt", "col", "sgt", "rev", "prof", "sr", "jr", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s",
    "u.k", "u.n", "approx", "inc", "ltd", "co", "corp",
];

/// Where whole sentences end inside `text` (after the full stop), not
/// counting its end.
fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        // Closing quotes and brackets belong to the sentence.
        let mut j = k + 1;
        while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'' | ')') {
            j += 1;
        }
        if j >= chars.len() || !chars[j].1.is_whitespace() {
            continue;
        }
        let mut n = j;
        while n < chars.len() && chars[n].1.is_whitespace() {
            n += 1;
        }
        let Some(&(_, next)) = chars.get(n) else { continue };
        if !(next.is_uppercase() || matches!(next, '"' | '“' | '‘')) {
            continue;
        }
        let word: String = text[..i]
            .rsplit(|c: char| c.is_whitespace() || c == '(')
            .next()
            .unwrap_or("")
            .to_lowercase();
        let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        if c == '.' && (single_letter || ABBREVIATIONS.contains(&word.as_str())) {
            continue;
        }
        ends.push(chars.get(j).map_or(text.len(), |&(at, _)| at));
    }
    ends
}

/// The facts a text states that a quote must hold: numbers (from digits,
/// ordinals and number words, as their value) and months (1-12).
#[derive(Debug, Default, PartialEq)]
pub struct Facts {
    pub numbers: BTreeSet<u64>,
    pub months: BTreeSet<u32>,
    /// Each number as written, for messages.
    pub written: Vec<(String, u64)>,
    pub months_written: Vec<(String, u32)>,
}

/// The months in lower case, as a text names them.
pub(super) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const NUMBER_WORDS: &[(&str, u64)] = &[
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("hundred", 100),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
];

/// The numbers and months in `text`. In a quote (`loose`), month
/// abbreviations and numeric dates count too; in a sentence only what
/// reads unambiguously as a number or a month does.
pub fn facts(text: &str, loose: bool) -> Facts {
    let mut f = Facts::default();
    // Khmer digits are digits.
    let text: String = text
        .chars()
        .map(|c| match c {
            '\u{17E0}'..='\u{17E9}' => char::from(b'0' + (c as u32 - 0x17E0) as u8),
            _ => c,
        })
        .collect();
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == ',' || c == '.' || c == '-' || c == '/'))
        .filter(|w| !w.is_empty())
        .collect();
    for (k, raw) in words.iter().enumerate() {
        if loose {
            if let Some((month, day)) = iso_date(raw) {
                f.months.insert(month);
                f.numbers.insert(u64::from(day));
            }
        }
        for piece in raw.split('-') {
            let word = piece.trim_matches(|c: char| c == ',' || c == '.');
            if word.is_empty() {
                continue;
            }
            if word.starts_with(|c: char| c.is_ascii_digit()) {
                digits(&mut f, word, loose);
                continue;
            }
            let lower = word.to_lowercase();
            if let Some(&(_, n)) = NUMBER_WORDS.iter().find(|(w, _)| *w == lower) {
                // "second" is also a unit of time and an adjective: only
                // a quote is read that loosely.
                if lower != "second" || loose {
                    f.numbers.insert(n);
                    f.written.push((word.to_string(), n));
                }
                continue;
            }
            if let Some(m) = month_of(word, loose, k == 0) {
                f.months.insert(m);
                f.months_written.push((word.to_string(), m));
            }
        }
    }
    f
}

/// The month and day of an ISO date (`2009-08-21`) at the start of a word.
fn iso_date(word: &str) -> Option<(u32, u32)> {
    let mut parts = word.splitn(3, '-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let day: String = day.chars().take_while(char::is_ascii_digit).collect();
    if year.len() != 4 || month.len() != 2 || day.len() != 2 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (month, day) = (month.parse().ok()?, day.parse().ok()?);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((month, day))
}

/// A word of digits: a number (commas dropped), an ordinal (`12th`), or in
/// a quote a numeric date (`2022-09-19`, `19/09/2022`).
fn digits(f: &mut Facts, word: &str, loose: bool) {
    if loose && word.contains('/') {
        for part in word.split('/') {
            digits(f, part, loose);
        }
        return;
    }
    // "2.137" in a quote in another language is two thousand and more.
    if loose && is_grouped_by_dots(word) {
        let n: String = word.chars().filter(char::is_ascii_digit).collect();
        if let Ok(n) = n.parse() {
            f.numbers.insert(n);
        }
    }
    let number: String = word
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .collect();
    let rest = &word[number.len()..];
    let clean: String = number.chars().filter(char::is_ascii_digit).collect();
    let Ok(n) = clean.parse::<u64>() else { return };
    let suffix = rest.trim_start_matches('.').to_lowercase();
    if suffix.is_empty()
        || ["st", "nd", "rd", "th", "s"].contains(&suffix.as_str())
        || suffix.starts_with('.')
    {
        f.numbers.insert(n);
        f.written.push((word.to_string(), n));
    } else if let Some(decimals) = rest.strip_prefix('.') {
        // 1.5 million: the whole number stands for itself.
        f.numbers.insert(n);
        f.written.push((format!("{number}.{decimals}"), n));
    }
}

/// Digits grouped in threes by full stops: `2.137`, `1.000.000`.
fn is_grouped_by_dots(word: &str) -> bool {
    let mut groups = word.trim_end_matches('.').split('.');
    let first = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    !rest.is_empty()
        && (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
}

/// The month a word names: its full name in any case; in a quote also
/// its three-letter abbreviation. "May" opening a sentence may be the verb.
fn month_of(word: &str, loose: bool, first: bool) -> Option<u32> {
    let lower = word.to_lowercase();
    let capital = word.starts_with(char::is_uppercase);
    if let Some(i) = MONTHS.iter().position(|m| *m == lower) {
        let ambiguous = lower == "may" || lower == "march";
        if ambiguous && (!capital || (first && lower == "may")) && !loose {
            return None;
        }
        return Some(i as u32 + 1);
    }
    // In a quote, a short capitalised word opening like a month is one:
    // "Sep", "Sept", and other languages' "Juni", "Juli", "Okt".
    if loose && capital && (3..=5).contains(&lower.chars().count()) {
        let stem: String = lower.chars().take(3).collect();
        let stem = if stem == "okt" { "oct".to_string() } else { stem };
        return MONTHS
            .iter()
            .position(|m| m.starts_with(&stem))
            .map(|i| i as u32 + 1);
    }
    None
}

/// Checks every event's prose and date against its quotes, handing the
/// problems to `thin` as they add up.
pub(super) fn check(
    files: &[SourceText],
    all: &Gathered,
    diagnostics: &mut Vec<Diagnostic>,
    thin: &mut dyn FnMut(&mut Vec<Diagnostic>),
) {
    let sources: HashMap<&str, &Source> = all.sources.iter().map(|s| (s.id.as_str(), s)).collect();
    let people: Vec<(String, Vec<String>)> = all
        .actors
        .iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| {
            let names = std::iter::once(&a.name)
                .chain(&a.aliases)
                .map(|n| fold(n))
                .collect();
            (a.name.clone(), names)
        })
        .collect();
    for (e, places) in all.events.iter().zip(&all.event_places) {
        let src = &files[places.file];
        let texts = [Some(e.summary.as_str()), e.details.as_deref()];
        for (text, at) in texts.into_iter().flatten().zip(&places.prose().prose) {
            check_sentences(src, at, text, &e.sources, &people, diagnostics);
        }
        if let Some(at) = &places.prose().date {
            check_date(src, at, e, &sources, diagnostics);
        }
        thin(diagnostics);
    }
    for (term, (file, at)) in all.terms.iter().zip(&all.term_places) {
        check_sentences(
            &files[*file],
            at,
            &term.definition,
            &term.sources,
            &people,
            diagnostics,
        );
    }
}

/// Where a byte of a string's value stands in the file: past the opening
/// quote, when the written string holds the text as it is.
fn place(src: &SourceText, string_at: &Range<usize>, offset: usize, len: usize) -> Range<usize> {
    let written = &src.text[string_at.clone()];
    let open = if written.starts_with("\"\"\"") || written.starts_with("'''") {
        3
    } else {
        1
    };
    let start = (string_at.start + open + offset).min(string_at.end);
    // Escapes make the written text longer: stay inside the string.
    let start = if src.text.is_char_boundary(start) {
        start
    } else {
        string_at.start
    };
    start..(start + len).min(string_at.end).max(start)
}

/// Each sentence of `text` (an event's prose, a term's definition)
/// against the quotes of the citations its markers name.
fn check_sentences(
    src: &SourceText,
    at: &Range<usize>,
    text: &str,
    citations: &[Citation],
    people: &[(String, Vec<String>)],
    out: &mut Vec<Diagnostic>,
) {
    for s in sentences(text) {
        let here = place(src, at, s.at, s.text.len().min(1));
        if s.cites.is_empty() {
            out.push(src.warning(
                here,
                format!("a sentence with no citation marker: \"{}\"", opening(s.text)),
            ));
            continue;
        }
        let mut quotes = Vec::new();
        let mut named = Vec::new();
        for &n in &s.cites {
            match citations.get(n.wrapping_sub(1)) {
                Some(c) => quotes.push(c.quote.as_str()),
                None => out.push(src.warning(
                    here.clone(),
                    format!(
                        "marker [{n}] names no source cited here (there are {})",
                        citations.len()
                    ),
                )),
            }
            named.push(format!("[{n}]"));
        }
        if quotes.is_empty() {
            continue;
        }
        let cited = named.join("");
        let holds = facts(&quotes.join(" \n "), true);
        let mut says = facts(s.text, false);
        // Number words cannot be read in a quote in another script (a
        // Khmer quote): only its digits are compared.
        if quotes
            .iter()
            .any(|q| q.chars().any(|c| ('\u{1780}'..='\u{17FF}').contains(&c)))
        {
            says.written
                .retain(|(w, _)| w.starts_with(|c: char| c.is_ascii_digit()));
        }
        let mut reported = BTreeSet::new();
        for (word, n) in &says.written {
            if !holds.numbers.contains(n) && reported.insert(word.clone()) {
                out.push(src.warning(
                    here.clone(),
                    format!("`{word}` is in none of the quotes this sentence cites ({cited})"),
                ));
            }
        }
        for (word, m) in &says.months_written {
            if !holds.months.contains(m) && reported.insert(word.clone()) {
                out.push(src.warning(
                    here.clone(),
                    format!("`{word}` is in none of the quotes this sentence cites ({cited})"),
                ));
            }
        }
        let said = fold(s.text);
        let quoted = fold(&quotes.join(" \n "));
        for (name, names) in people {
            if names.iter().any(|n| has_words(&said, n)) && !names.iter().any(|n| has_words(&quoted, n)) {
                out.push(src.warning(
                    here.clone(),
                    format!("names {name}, whom none of the quotes this sentence cites ({cited}) names"),
                ));
            }
        }
    }
}

/// The first words of a sentence, for a message.
fn opening(text: &str) -> String {
    // Cut between clusters, so a Khmer consonant keeps its signs.
    let mut chars = 0;
    let mut out: String = crate::text::width::clusters(text)
        .take_while(|g| {
            chars += g.chars().count();
            chars <= 48
        })
        .collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

/// Whether `words` (folded) stands in `text` (folded) as whole words.
fn has_words(text: &str, words: &str) -> bool {
    if words.chars().count() < 3 {
        return false;
    }
    text.match_indices(words).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The event's year, month and day, each in a quote or a cited source's
/// publication date, or the date is `derived`.
fn check_date(
    src: &SourceText,
    at: &Range<usize>,
    e: &Event,
    sources: &HashMap<&str, &Source>,
    out: &mut Vec<Diagnostic>,
) {
    if e.dating.derived.is_some() {
        return;
    }
    let quotes: Vec<&str> = e.sources.iter().map(|c| c.quote.as_str()).collect();
    let holds = facts(&quotes.join(" \n "), true);
    let published: Vec<_> = e
        .sources
        .iter()
        .filter_map(|c| sources.get(c.source.as_str()).and_then(|s| s.published))
        .collect();
    let d = e.date;
    let same = |p: &crate::timeline::date::PartialDate, to: Precision| {
        p.precision() >= to
            && p.year_number() == d.year_number()
            && (to < Precision::Month || p.month_number() == d.month_number())
            && (to < Precision::Day || p.day_number() == d.day_number())
    };
    let mut missing = Vec::new();
    let year = u64::try_from(d.year_number()).unwrap_or(0);
    if !holds.numbers.contains(&year) && !published.iter().any(|p| same(p, Precision::Year)) {
        missing.push("year");
    }
    if let Some(month) = d.month_number() {
        if !holds.months.contains(&month) && !published.iter().any(|p| same(p, Precision::Month)) {
            missing.push("month");
        }
    }
    if let Some(day) = d.day_number() {
        if !holds.numbers.contains(&u64::from(day)) && !published.iter().any(|p| same(p, Precision::Day)) {
            missing.push("day");
        }
    }
    if !missing.is_empty() {
        out.push(src.warning(
            at.clone(),
            format!(
                "the date's {} {} in no quote and no cited source's published date: add `derived` to say how it was worked out",
                match missing.as_slice() {
                    [one] => one.to_string(),
                    [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
                    [] => String::new(),
                },
                if missing.len() == 1 { "is" } else { "are" }
            ),
        ));
    }
}
