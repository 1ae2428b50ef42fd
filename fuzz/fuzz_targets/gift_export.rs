//! Arbitrary quiz text exported as GIFT and read back by the rules of
//! Moodle's importer (the tests' reader, `tests/common/gift.rs`): every
//! question keeps its texts, with the data's markup escaped, and only the
//! intended answer earns a grade, whatever `%`, `[`, `->`, braces or
//! backslashes the text holds.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tipline::interop::quiz::gift;
use tipline::teach::questions::{Kind, Question};

#[path = "../../tests/common/gift.rs"]
mod moodle;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // NUL separates the texts; a blank text is one no data file can give.
    let texts: Vec<String> = text
        .split('\0')
        .take(6)
        .map(|t| {
            if t.trim().is_empty() {
                "-".to_string()
            } else {
                t.to_string()
            }
        })
        .collect();
    let stem = texts[0].clone();
    let mut options: Vec<String> = texts[1..].to_vec();
    while options.len() < 2 {
        options.push(format!("option {}", options.len() + 1));
    }
    let answer = data.len() % options.len();
    let pairs: Vec<(String, String)> = options
        .iter()
        .cloned()
        .zip(options.iter().rev().cloned())
        .collect();
    let asked = vec![
        Question::Choice {
            kind: Kind::WhichSource,
            stem: stem.clone(),
            options: options.clone(),
            answer,
        },
        Question::TrueFalse {
            kind: Kind::Corroborated,
            stem: stem.clone(),
            answer: data.len() % 2 == 0,
        },
        Question::Year {
            stem: stem.clone(),
            first: 2000,
            last: 2000 + (data.len() % 3) as i32,
        },
        Question::Matching {
            kind: Kind::WhoSaidIt,
            stem: stem.clone(),
            pairs,
        },
        Question::Order {
            stem,
            items: options.clone(),
            answer: (0..options.len()).rev().collect(),
        },
    ];
    moodle::assert_reads_back(&asked, &gift(&texts[0], 1, &asked, &[]));
});
