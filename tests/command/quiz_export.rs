//! Quizzes on paper and for Moodle: the same seed gives the same quiz,
//! at least six kinds of question come from the data, and the GIFT text
//! follows the format's grammar (checked against the examples in Moodle's
//! own GIFT documentation first).

use assert_cmd::Command;
use tipline::interop::quiz::{gift, gift_escape, html, GIFT_FORMAT};
use tipline::teach::questions::{draw, questions, Kind, Pick, Question};
use tipline::teach::quiz::{Quiz, QuizMode};

fn all(t: &tipline::Timeline) -> Vec<usize> {
    (0..t.events.len()).collect()
}

/// What a GIFT question's answer part holds.
#[derive(Debug, PartialEq)]
enum Answers {
    Choice { right: Vec<String>, wrong: Vec<String> },
    TrueFalse(bool),
    Numerical(String),
    Matching(Vec<(String, String)>),
}

/// Splits at the first character `c` not escaped with a backslash.
fn split_unescaped(text: &str, c: char) -> Option<(&str, &str)> {
    let mut escaped = false;
    for (i, ch) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if ch == '\\' {
            escaped = true;
        } else if ch == c {
            return Some((&text[..i], &text[i + ch.len_utf8()..]));
        }
    }
    None
}

/// The text a GIFT field holds: escapes undone, then the HTML it is read back
/// as text.
fn unescape(text: &str) -> String {
    crate::common::gift::html_text(&unescape_gift(text))
}

fn unescape_gift(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.extend(chars.next());
        } else {
            out.push(c);
        }
    }
    out
}

/// Whether the text has one of GIFT's special characters unescaped.
fn has_bare_special(text: &str) -> bool {
    let mut escaped = false;
    for c in text.chars() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if "~=#{}:".contains(c) {
            return true;
        }
    }
    false
}

/// A small reading of one GIFT question, by the grammar in Moodle's
/// documentation: an optional `::name::`, the text, and `{answers}`.
fn parse_question(q: &str) -> (Option<String>, String, Answers) {
    let q = q.trim();
    let (name, rest) = match q.strip_prefix("::") {
        Some(r) => {
            let (n, rest) = r.split_once("::").expect("a closed name");
            (Some(n.to_string()), rest)
        }
        None => (None, q),
    };
    let (text, after) = split_unescaped(rest, '{').expect("an answer part");
    let (body, tail) = split_unescaped(after, '}').expect("a closed answer part");
    assert!(
        tail.trim().is_empty() || !has_bare_special(tail),
        "after the answers: {tail}"
    );
    assert!(!has_bare_special(text), "unescaped special character in {text:?}");
    let body = body.trim();
    let answers = if let Some(num) = body.strip_prefix('#') {
        Answers::Numerical(num.to_string())
    } else if matches!(body, "TRUE" | "T") {
        Answers::TrueFalse(true)
    } else if matches!(body, "FALSE" | "F") {
        Answers::TrueFalse(false)
    } else {
        // Answers start at each unescaped = or ~.
        let mut items: Vec<(char, String)> = Vec::new();
        let mut escaped = false;
        for c in body.chars() {
            if escaped {
                items.last_mut().expect("text before an answer").1.push(c);
                escaped = false;
                continue;
            }
            match c {
                '\\' => {
                    escaped = true;
                    items.last_mut().expect("text before an answer").1.push(c);
                }
                '=' | '~' => items.push((c, String::new())),
                c => items.last_mut().expect("text before an answer").1.push(c),
            }
        }
        if items.iter().all(|(m, t)| *m == '=' && t.contains("->")) && items.len() > 1 {
            Answers::Matching(
                items
                    .iter()
                    .map(|(_, t)| {
                        let (l, r) = t.split_once("->").unwrap();
                        (unescape(l.trim()), unescape(r.trim()))
                    })
                    .collect(),
            )
        } else {
            let pick = |m| {
                items
                    .iter()
                    .filter(|i| i.0 == m)
                    .map(|i| unescape(i.1.trim()))
                    .collect()
            };
            Answers::Choice {
                right: pick('='),
                wrong: pick('~'),
            }
        }
    };
    let text = text.trim();
    let text = text.strip_prefix(GIFT_FORMAT).unwrap_or(text);
    (name, unescape(text.trim()), answers)
}

#[test]
fn the_grammar_reads_the_examples_in_moodles_gift_documentation() {
    assert_eq!(
        parse_question("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}").2,
        Answers::Choice {
            right: vec!["no one".into()],
            wrong: vec!["Grant".into(), "Jefferson".into()]
        }
    );
    assert_eq!(
        parse_question("Grant is buried in Grant's tomb.{FALSE}").2,
        Answers::TrueFalse(false)
    );
    assert_eq!(
        parse_question("When was Ulysses S. Grant born?{#1822:5}").2,
        Answers::Numerical("1822:5".into())
    );
    assert_eq!(
        parse_question(
            "Match the following countries with their corresponding capitals.{=Canada->Ottawa =Italy->Rome =Japan->Tokyo}"
        )
        .2,
        Answers::Matching(vec![
            ("Canada".into(), "Ottawa".into()),
            ("Italy".into(), "Rome".into()),
            ("Japan".into(), "Tokyo".into())
        ])
    );
    let (name, text, _) = parse_question("::Q1:: What is 1\\:1? {=one}");
    assert_eq!((name.as_deref(), text.as_str()), (Some("Q1"), "What is 1:1?"));
}

#[test]
fn gift_escapes_every_special_character() {
    assert_eq!(gift_escape("a~b=c#d{e}f:g\\h"), "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h");
    assert_eq!(gift_escape("two\nlines  ->  here"), "two lines -&gt; here");
    assert_eq!(
        gift_escape("%100%<b>x</b> & [plain]"),
        "&\\#37;100&\\#37;&lt;b&gt;x&lt;/b&gt; &amp; &\\#91;plain]"
    );
}

#[test]
fn every_question_of_the_whole_timeline_reads_back_from_gift() {
    let t = crate::common::world();
    let qs = questions(&t, &all(&t), 7);
    let mut kinds: Vec<Kind> = qs.iter().map(Question::kind).collect();
    kinds.dedup();
    kinds.sort_by_key(|k| format!("{k:?}"));
    kinds.dedup();
    assert!(kinds.len() >= 6, "{kinds:?}");
    for k in [
        Kind::Order,
        Kind::Year,
        Kind::WhichFirst,
        Kind::WhoSaidIt,
        Kind::Corroborated,
        Kind::Tier,
        Kind::WhichSource,
    ] {
        assert!(kinds.contains(&k), "no {k:?} question");
    }
    let text = gift("Quiz: {title} ~ #1", 7, &qs, &[]);
    let (header, body) = text.split_once("\n\n").unwrap();
    assert_eq!(header, "// Quiz\\: \\{title\\} \\~ \\#1: quiz, seed 7");
    let parsed: Vec<_> = body
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .map(parse_question)
        .collect();
    assert_eq!(parsed.len(), qs.len());
    for (n, ((name, text, answers), q)) in parsed.iter().zip(&qs).enumerate() {
        assert_eq!(name.as_deref(), Some(format!("Q{}", n + 1).as_str()));
        match (q, answers) {
            (
                Question::Choice {
                    stem,
                    options,
                    answer,
                    ..
                },
                Answers::Choice { right, wrong },
            ) => {
                assert_eq!(text, stem);
                assert_eq!(right, &vec![options[*answer].clone()]);
                assert_eq!(wrong.len(), options.len() - 1);
            }
            (Question::TrueFalse { stem, answer, .. }, Answers::TrueFalse(b)) => {
                assert_eq!((text, answer), (stem, b));
            }
            (Question::Year { stem, first, last }, Answers::Numerical(n)) => {
                assert_eq!(text, stem);
                let expected = if first == last {
                    format!("{first}:0")
                } else {
                    format!("{first}..{last}")
                };
                assert_eq!(n, &expected);
            }
            (Question::Matching { pairs, .. }, Answers::Matching(m)) => assert_eq!(m, pairs),
            (Question::Order { items, answer, .. }, Answers::Matching(m)) => {
                let expected: Vec<(String, String)> = answer
                    .iter()
                    .enumerate()
                    .map(|(place, &i)| (items[i].clone(), (place + 1).to_string()))
                    .collect();
                assert_eq!(m, &expected);
            }
            (q, a) => panic!("Q{}: {q:?} read back as {a:?}", n + 1),
        }
    }
}

/// Every type a quiz can ask, and mixed.
fn picks() -> Vec<Pick> {
    let mut v: Vec<Pick> = Kind::ALL.into_iter().map(Pick::Only).collect();
    v.push(Pick::Mixed);
    v
}

#[test]
fn the_same_seed_gives_the_same_quiz_on_screen_and_on_paper() {
    let t = crate::common::world();
    let pool = all(&t);
    assert_eq!(questions(&t, &pool, 11), questions(&t, &pool, 11));
    assert_ne!(questions(&t, &pool, 11), questions(&t, &pool, 12));
    // The ordering is the events `tipline quiz --seed 11` has always asked.
    let screen = Quiz::new(&t, &pool, QuizMode::Order, 5, 11);
    let Question::Order { items, answer, .. } = &questions(&t, &pool, 11)[0] else {
        panic!("the ordering comes first");
    };
    let titles: Vec<String> = screen.items.iter().map(|&p| t.events[p].title.clone()).collect();
    assert_eq!(items, &titles);
    // The key's order is the timeline's order of those events.
    let sorted: Vec<String> = screen
        .answer()
        .iter()
        .map(|&p| t.events[p].title.clone())
        .collect();
    let keyed: Vec<String> = answer.iter().map(|&i| items[i].clone()).collect();
    assert_eq!(keyed, sorted);
    // Each type's questions in the mixed quiz are the first two of that
    // type asked alone: a kind draws the same whatever else is drawn.
    let mixed = questions(&t, &pool, 11);
    for kind in Kind::ALL.into_iter().filter(|k| *k != Kind::Order) {
        let alone = draw(&t, &pool, Pick::Only(kind), 5, 11).questions();
        let of_kind: Vec<&Question> = mixed
            .iter()
            .filter(|q| q.kind() == kind && !matches!(q, Question::Matching { .. }))
            .collect();
        assert_eq!(of_kind.len(), 2, "{kind:?}");
        assert_eq!(of_kind, alone.iter().take(2).collect::<Vec<_>>(), "{kind:?}");
    }
}

/// The paper quiz of one type, read back from the GIFT the command writes,
/// is the list of questions the screen asks with the same seed: the same
/// stems, the same options in the same order, the same right answer.
#[test]
fn the_command_prints_the_questions_the_screen_asks() {
    let t = crate::common::world();
    let lessons = tipline::teach::lesson::load(&crate::common::world_lesson_files(), &t).0;
    let rankings = lessons
        .iter()
        .find(|l| l.id == "twenty-five-years-of-rankings")
        .unwrap();
    for (lesson, pool) in [
        (None, all(&t)),
        (
            Some(rankings.id.as_str()),
            tipline::teach::quiz::lesson_pool(rankings, &t),
        ),
    ] {
        for (name, pick) in [
            ("order", Pick::Only(Kind::Order)),
            ("year", Pick::Only(Kind::Year)),
            ("which-first", Pick::Only(Kind::WhichFirst)),
            ("who-said-it", Pick::Only(Kind::WhoSaidIt)),
            ("corroborated", Pick::Only(Kind::Corroborated)),
            ("tier", Pick::Only(Kind::Tier)),
            ("which-source", Pick::Only(Kind::WhichSource)),
            ("mixed", Pick::Mixed),
        ] {
            let mut args = vec![
                "export", "quiz", "--type", name, "--seed", "7", "--format", "gift",
            ];
            if let Some(l) = lesson {
                args.extend(["--lesson", l]);
            }
            let out = Command::cargo_bin("tipline")
                .unwrap()
                .args(crate::common::on_world(&args))
                .output()
                .unwrap();
            let screen = tipline::app::quizui::QuizState::new(draw(&t, &pool, pick, pick.default_count(), 7));
            let asked = screen.drawn.questions();
            if asked.is_empty() {
                assert!(!out.status.success(), "{name} {lesson:?}");
                continue;
            }
            assert!(
                out.status.success(),
                "{name} {lesson:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8(out.stdout).unwrap();
            let (_, body) = text.split_once("\n\n").unwrap();
            let printed: Vec<_> = body
                .split("\n\n")
                .filter(|b| !b.trim().is_empty())
                .map(parse_question)
                .collect();
            assert_eq!(printed.len(), asked.len(), "{name} {lesson:?}");
            for ((_, stem, answers), q) in printed.iter().zip(&asked) {
                match (q, answers) {
                    (Question::Choice { options, answer, .. }, Answers::Choice { right, .. }) => {
                        assert_eq!(stem, q.stem());
                        assert_eq!(right, &vec![options[*answer].clone()]);
                    }
                    (Question::Order { items, .. }, Answers::Matching(m)) => {
                        assert_eq!(m.len(), items.len());
                    }
                    _ => assert!(stem.starts_with(q.stem()) || stem == q.stem(), "{stem} / {q:?}"),
                }
            }
        }
    }
}

#[test]
fn a_tier_question_is_answered_by_the_ranking_of_that_year() {
    let t = crate::common::world();
    let qs = questions(&t, &all(&t), 3);
    let mut asked = 0;
    for q in &qs {
        if let Question::Choice {
            kind: Kind::Tier,
            stem,
            options,
            answer,
        } = q
        {
            let year: i32 = stem.split_whitespace().nth(2).unwrap().parse().unwrap();
            let ranking = t
                .events
                .iter()
                .find(|e| {
                    e.kind == tipline::timeline::model::EventKind::Ranking && e.date.year_number() == year
                })
                .and_then(|e| e.ranking.clone())
                .unwrap();
            assert_eq!(options[*answer], ranking, "{stem}");
            let mut unique = options.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), options.len(), "{options:?}");
            asked += 1;
        }
    }
    assert!(asked > 0);
}

#[test]
fn the_sheet_keeps_the_answers_to_the_key_and_escapes_text() {
    let qs = vec![
        Question::Choice {
            kind: Kind::WhichFirst,
            stem: "Which came first <b>?".into(),
            options: vec!["One & two".into(), "<script>x</script>".into()],
            answer: 1,
        },
        Question::TrueFalse {
            kind: Kind::Corroborated,
            stem: "Confirmed?".into(),
            answer: false,
        },
        Question::Year {
            stem: "When?".into(),
            first: 2018,
            last: 2019,
        },
    ];
    let page = html("A <quiz>", 5, &qs, &[]);
    assert!(
        !page.contains("<script>") && !page.contains("<b>?") && !page.contains("<quiz>"),
        "{page}"
    );
    assert!(page.contains("☐ B. &lt;script&gt;x&lt;/script&gt;"), "{page}");
    assert!(page.contains("Seed 5"), "{page}");
    let (sheet, key) = page.split_once("<section class=\"key\">").unwrap();
    assert!(!sheet.contains("any year from"), "no answers on the sheet");
    assert!(
        key.contains("<li>B (&lt;script&gt;x&lt;/script&gt;)</li>"),
        "{key}"
    );
    assert!(key.contains("<li>False</li>"), "{key}");
    assert!(key.contains("<li>any year from 2018 to 2019</li>"), "{key}");
}

#[test]
fn export_quiz_on_the_command_line() {
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("tipline")
            .unwrap()
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let a = run(&[
        "export",
        "quiz",
        "--lesson",
        "reading-2022-figures",
        "--seed",
        "4",
        "--format",
        "gift",
    ]);
    let b = run(&[
        "export",
        "quiz",
        "--lesson",
        "reading-2022-figures",
        "--seed",
        "4",
        "--format",
        "gift",
    ]);
    assert_eq!(a, b);
    assert!(
        a.starts_with("// Reading official figures\\: the 2022 crackdown: quiz, seed 4\n"),
        "{a}"
    );
    let page = run(&["export", "quiz", "--seed", "4", "--format", "html"]);
    assert!(page.contains("Answer key (seed 4)"), "{page}");
}

/// `--mode` is still taken for `--type`; a misspelt type is refused with
/// the types there are; one type on paper prints as many as `--count` asks,
/// and says why when the events allow fewer.
#[test]
fn the_quiz_type_on_the_command_line() {
    let run = |args: &[&str]| {
        Command::cargo_bin("tipline")
            .unwrap()
            .args(crate::common::on_world(args))
            .output()
            .unwrap()
    };
    let out = run(&["quiz", "--mode", "year", "--seed", "7"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "tipline: quiz needs a terminal\n"
    );
    let out = run(&["quiz", "--type", "tiers"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("[possible values: order, year, which-first, who-said-it, corroborated, tier, which-source, mixed]"),
        "{err}"
    );
    let out = run(&["export", "quiz", "--count", "0"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "tipline: --count 0 asks nothing; give 1 or more\n"
    );
    let out = run(&[
        "export", "quiz", "--type", "tier", "--count", "3", "--seed", "7", "--format", "gift",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let stems: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("::Q"))
        .map(|l| l.split_once("[html]").unwrap().1)
        .collect();
    assert_eq!(
        stems,
        [
            "In its 2011 report, which tier did the US State Department give Cambodia? {",
            "In its 2009 report, which tier did the US State Department give Cambodia? {",
            "In its 2015 report, which tier did the US State Department give Cambodia? {",
        ]
    );
    // The figures lesson has no ranking among its stops, so it asks no
    // tier question, and says why.
    let out = run(&[
        "export",
        "quiz",
        "--type",
        "tier",
        "--lesson",
        "reading-2022-figures",
        "--count",
        "30",
        "--seed",
        "7",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "tipline: 0 questions, not 30: no year in view has a US TIP ranking to ask about; \
         choose another type or lesson\n"
    );
    // The events of 2015 hold one year's ranking: one question, said so.
    let out = run(&[
        "export",
        "quiz",
        "--type",
        "tier",
        "--count",
        "3",
        "--seed",
        "7",
        "--format",
        "gift",
        "--",
        "year:2015",
    ]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "tipline: 1 question, not 3: 1 year in view has a US TIP ranking to ask about\n"
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("::Q1:: [html]In its 2015 report"), "{text}");
    assert!(!text.contains("::Q2::"), "{text}");
}

/// Every question asks about the events in view: a lesson's stops, or
/// the events a query matches. Its answer rests on them alone (wrong
/// options may come from the whole timeline).
#[test]
fn every_question_asks_about_the_events_in_view() {
    let t = crate::common::world();
    let (lessons, _) = tipline::teach::lesson::load(&crate::common::world_lesson_files(), &t);
    let mut pools: Vec<(String, Vec<usize>)> = lessons
        .iter()
        .map(|l| (l.id.clone(), tipline::teach::quiz::lesson_pool(l, &t)))
        .collect();
    for q in [
        "year:2022",
        "kind:ranking year:2010..2016",
        "actor:\"chou bun eng\"",
    ] {
        pools.push((q.to_string(), tipline::Query::parse(q).unwrap().filter(&t)));
    }
    for (name, pool) in &pools {
        for seed in 0..40 {
            for pick in picks() {
                for a in draw(&t, pool, pick, 5, seed).asked {
                    for g in &a.grounds {
                        assert!(
                            pool.contains(&g.event),
                            "{name}, seed {seed}: {:?} rests on {}, not in view",
                            a.question,
                            t.events[g.event].id
                        );
                    }
                }
            }
        }
    }
}

/// A mixed quiz on the figures lesson, which has no ranking, asks no tier
/// question and says so on stderr, in the GIFT file's comments and under
/// the sheet's answer key; the rankings lesson, which has no figure anyone
/// gave, leaves out who said it and the matching.
#[test]
fn a_mixed_quiz_says_which_kinds_it_leaves_out_and_why() {
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("tipline")
            .unwrap()
            .args(crate::common::on_world(args))
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let figures = [
        "export",
        "quiz",
        "--lesson",
        "reading-2022-figures",
        "--type",
        "mixed",
        "--seed",
        "3",
    ];
    let (gift, err) = run(&[&figures[..], &["--format", "gift"]].concat());
    assert!(!gift.contains("In its 20"), "{gift}");
    assert_eq!(
        err,
        "tipline: left out: the tier in a year (no year in view has a US TIP ranking to ask about)\n"
    );
    assert!(
        gift.starts_with(
            "// Reading official figures\\: the 2022 crackdown: quiz, seed 3\n\
             // Left out, as the events in view cannot ask them:\n\
             // - the tier in a year (no year in view has a US TIP ranking to ask about)\n\n::Q1::"
        ),
        "{gift}"
    );
    let (page, _) = run(&[&figures[..], &["--format", "html"]].concat());
    let (sheet, key) = page.split_once("<section class=\"key\">").unwrap();
    assert!(
        !sheet.contains("Left out"),
        "the students' sheet says nothing of it"
    );
    assert!(
        key.contains(
            "<p>Left out, as the events in view cannot ask them:</p>\n<ul class=\"left-out\">\n\
             <li>the tier in a year (no year in view has a US TIP ranking to ask about)</li>\n</ul>\n"
        ),
        "{key}"
    );
    let (gift, err) = run(&[
        "export",
        "quiz",
        "--lesson",
        "twenty-five-years-of-rankings",
        "--seed",
        "3",
        "--format",
        "gift",
    ]);
    assert_eq!(
        err,
        "tipline: left out: who said it (no figure in view is given by one person alone)\n\
         tipline: left out: matching figures to who gave them (no figure in view is given by one person alone)\n"
    );
    assert!(
        !gift.contains("Who gave this figure") && !gift.contains("Match each figure"),
        "{gift}"
    );
    // A quiz that can ask every kind says nothing.
    let (gift, err) = run(&["export", "quiz", "--seed", "3", "--format", "gift"]);
    assert_eq!(err, "");
    assert!(!gift.contains("Left out"), "{gift}");
}

fn fixture_timeline(name: &str) -> tipline::Timeline {
    let loaded = tipline::load::load(vec![
        tipline::load::DataFile::read(&crate::common::fixture(name)).unwrap()
    ]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.timeline.unwrap()
}

/// Three rankings share the title "US TIP report: Cambodia on Tier 2": a
/// question naming an event by that title would have three right answers.
/// Over many seeds, no quiz on screen or on paper names it, and every
/// question of every type has one right answer.
#[test]
fn no_question_names_an_event_by_a_title_another_event_shares() {
    let t = fixture_timeline("same_titles.toml");
    let pool: Vec<usize> = (0..t.events.len()).collect();
    let shared = "US TIP report: Cambodia on Tier 2";
    for seed in 0..300 {
        for mode in [QuizMode::Order, QuizMode::Year] {
            let quiz = Quiz::new(&t, &pool, mode, 5, seed);
            for &p in &quiz.items {
                assert_ne!(t.events[p].title, shared, "seed {seed}, {mode:?}");
            }
        }
        for pick in picks() {
            for q in draw(&t, &pool, pick, 5, seed).questions() {
                crate::common::one_answer::assert_one_right_answer(&t, &pool, &q);
            }
        }
    }
    // The five distinct titles are still asked about.
    let quiz = Quiz::new(&t, &pool, QuizMode::Order, 5, 1);
    assert_eq!(quiz.items.len(), 5);
}

/// A figure two ministers gave, a quote two papers print, a year with two
/// tiers and a date known only to its year are never asked about in a way
/// that has two right answers; what is unambiguous still is.
#[test]
fn every_type_asks_only_what_has_one_right_answer() {
    let t = fixture_timeline("one_answer.toml");
    let pool: Vec<usize> = (0..t.events.len()).collect();
    let mut seen: Vec<String> = Vec::new();
    for seed in 0..300 {
        for pick in picks() {
            for q in draw(&t, &pool, pick, 8, seed).questions() {
                crate::common::one_answer::assert_one_right_answer(&t, &pool, &q);
                let stem = q.stem().to_string();
                assert!(!stem.contains("100 victims rescued"), "{q:?}");
                assert!(!stem.contains("The same words in two papers"), "{q:?}");
                assert!(!stem.contains("2015 report"), "{q:?}");
                if let Question::Choice {
                    kind: Kind::WhichFirst,
                    options,
                    ..
                } = &q
                {
                    let mut pair = options.clone();
                    pair.sort();
                    assert_ne!(
                        pair,
                        ["A day in June 2018", "Something known only to the year 2018"],
                        "{q:?}"
                    );
                }
                if !seen.contains(&stem) {
                    seen.push(stem);
                }
            }
        }
    }
    seen.sort();
    // What has one answer is asked: each figure given by one minister, the
    // quotes one paper prints, the years with one tier.
    for asked in [
        "Who gave this figure: 50 complaints received?",
        "Who gave this figure: 7 suspects arrested?",
        "Which source says: “Only Paper C prints this.”",
        "In its 2016 report, which tier did the US State Department give Cambodia?",
        "In its 2017 report, which tier did the US State Department give Cambodia?",
    ] {
        assert!(
            seen.iter().any(|s| s == asked),
            "never asked {asked:?}: {seen:#?}"
        );
    }
}

/// Every lesson of the fixture world, and the whole world, over many
/// seeds: each question of each type has one right answer.
#[test]
fn every_lesson_asks_questions_with_one_right_answer() {
    let t = crate::common::world();
    let (lessons, problems) = tipline::teach::lesson::load(&crate::common::world_lesson_files(), &t);
    assert!(problems.is_empty(), "{problems:?}");
    let mut pools: Vec<Vec<usize>> = lessons
        .iter()
        .map(|l| tipline::teach::quiz::lesson_pool(l, &t))
        .collect();
    pools.push(all(&t));
    for pool in &pools {
        for seed in 0..60 {
            for pick in picks() {
                for q in draw(&t, pool, pick, pick.default_count(), seed).questions() {
                    crate::common::one_answer::assert_one_right_answer(&t, pool, &q);
                }
            }
        }
    }
}
