//! Quizzes at the terminal: the same seed gives the same quiz, scoring is
//! exact, and each type of question is answered with the keys of the key
//! table and marked right or wrong with its answer and sources.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipline::app::quizui::{QuizKey, QuizState, Stage, Taking};
use tipline::teach::questions::{draw, Drawn, Kind, Pick};
use tipline::teach::quiz::{score_order, score_year, Quiz, QuizMode};
use tipline::teach::score::Response;

fn timeline() -> tipline::Timeline {
    crate::common::world()
}

fn all(t: &tipline::Timeline) -> Vec<usize> {
    (0..t.events.len()).collect()
}

/// A quiz of one type on the whole fixture world, seed 7, five questions:
/// what `tipline quiz --type TYPE --seed 7` asks of the fixture.
fn of(t: &tipline::Timeline, kind: Kind) -> Drawn {
    draw(t, &all(t), Pick::Only(kind), 5, 7)
}

/// The screen's rows at 80×24, as text.
fn rows(s: &QuizState, t: &tipline::Timeline) -> (Terminal<TestBackend>, Vec<String>) {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| s.draw(f, t)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let rows = (0..24)
        .map(|y| {
            (0..80)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .map(|r| r.trim_end().to_string())
        .collect();
    (terminal, rows)
}

fn row<'a>(rows: &'a [String], start: &str) -> &'a str {
    rows.iter()
        .find(|r| r.starts_with(start))
        .unwrap_or_else(|| panic!("no row starts {start:?}: {rows:#?}"))
}

#[test]
fn a_seed_fixes_the_quiz() {
    let t = timeline();
    let pool = all(&t);
    let a = Quiz::new(&t, &pool, QuizMode::Order, 5, 42);
    let b = Quiz::new(&t, &pool, QuizMode::Order, 5, 42);
    let c = Quiz::new(&t, &pool, QuizMode::Order, 5, 43);
    assert_eq!(a, b);
    assert_ne!(a.items, c.items);
    assert_eq!(a.items.len(), 5);
    let starts: std::collections::HashSet<_> =
        a.items.iter().map(|&p| t.events[p].date.first_day()).collect();
    assert_eq!(
        starts.len(),
        5,
        "no two events share a start, so the order has one answer"
    );
    for kind in Kind::ALL {
        assert_eq!(of(&t, kind), of(&t, kind), "{kind:?}");
    }
}

#[test]
fn ordering_scores_places_and_pairs() {
    assert_eq!(score_order(&[1, 2, 3, 4]).in_place, 4);
    assert_eq!(score_order(&[1, 2, 3, 4]).pairs_right, 6);
    let reversed = score_order(&[4, 3, 2, 1]);
    assert_eq!(
        (reversed.in_place, reversed.pairs_right, reversed.pairs),
        (0, 0, 6)
    );
    let swapped = score_order(&[2, 1, 3, 4]);
    assert_eq!((swapped.in_place, swapped.pairs_right), (2, 5));
}

#[test]
fn year_guesses_score_two_one_or_none() {
    let t = timeline();
    let p = t.event_position("tip-report-2022").unwrap();
    assert_eq!(score_year(&t, p, 2022), 2);
    assert_eq!(score_year(&t, p, 2021), 1);
    assert_eq!(score_year(&t, p, 2023), 1);
    assert_eq!(score_year(&t, p, 2025), 0);
    // A range counts every year it spans as exact.
    let r = t.event_position("victims-figures-aug-nov-2022").unwrap();
    assert_eq!(score_year(&t, r, 2022), 2);
}

#[test]
fn taking_an_ordering_quiz_with_keys_and_seeing_the_answer() {
    // A fixture, so the test does not move with the dataset.
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/claims.toml")).unwrap();
    let t = tipline::load::load(vec![tipline::DataFile {
        name: "claims.toml".into(),
        text,
    }])
    .timeline
    .unwrap();
    let pool = all(&t);
    let drawn = draw(&t, &pool, Pick::Only(Kind::Order), 4, 7);
    let mut s = QuizState::new(drawn);
    // Move the first item down two places.
    s.key(QuizKey::Grab);
    s.key(QuizKey::Down);
    s.key(QuizKey::Down);
    s.key(QuizKey::Grab);
    assert_eq!(s.order, vec![1, 2, 0, 3]);
    s.key(QuizKey::Submit);
    assert_eq!(s.stage, Stage::Answered);
    // Seed 7 asks for these four; moved as above they stand c. Dec 2007,
    // 3 Mar 2021, 4 Mar 2021, Dec 2004, where the answer is 2004, 2007,
    // 3 Mar, 4 Mar: none in its place, and of the six pairs the three with
    // the 2004 raid last are the wrong way round.
    assert_eq!(
        s.score(),
        "0 of 4 in the right place; 3 of 6 pairs in the right order"
    );
    let (terminal, rows) = rows(&s, &t);
    assert_eq!(rows[0], "seed 7 · question 1 of 1 · put in order");
    assert_eq!(rows[2], "✗ Wrong.");
    assert_eq!(row(&rows, "✗ 1."), "✗ 1. Dec 2004 — Raid (The Daily)");
    insta::assert_snapshot!("quiz_order_answer_seed7", terminal.backend());
    s.key(QuizKey::Submit);
    assert!(s.done());
}

#[test]
fn taking_a_year_quiz() {
    let t = timeline();
    let pool = tipline::Query::parse("kind:ranking").unwrap().filter(&t);
    let drawn = draw(&t, &pool, Pick::Only(Kind::Year), 3, 1);
    let mut s = QuizState::new(drawn.clone());
    for a in &drawn.asked {
        let year = t.events[a.grounds[0].event].date.year_number();
        for c in year.to_string().chars() {
            s.key(QuizKey::Digit(c));
        }
        s.key(QuizKey::Submit);
        assert_eq!(s.stage, Stage::Answered);
        s.key(QuizKey::Submit);
    }
    assert!(s.done());
    assert_eq!(s.score(), "6 of 6 points (2 for the year, 1 within 1 year)");
}

#[test]
fn asking_for_more_than_there_is_says_why_and_the_seed_shows_during_the_quiz() {
    let t = timeline();
    // Three events, two of them on one first day: an ordering quiz can use two.
    let mut days: std::collections::HashMap<_, Vec<usize>> = Default::default();
    for (p, e) in t.events.iter().enumerate() {
        days.entry(e.date.first_day()).or_default().push(p);
    }
    let pair = days
        .values()
        .find(|v| v.len() >= 2)
        .expect("two events on one day");
    let other = (0..t.events.len())
        .find(|p| t.events[*p].date.year_number() != t.events[pair[0]].date.year_number())
        .unwrap();
    let pool = vec![pair[0], pair[1], other];
    let quiz = Quiz::new(&t, &pool, QuizMode::Order, 10, 99);
    assert_eq!(quiz.items.len(), 2);
    assert_eq!(
        quiz.shortfall().as_deref(),
        Some("2 questions, not 10: there are 3 events to ask about, and 1 may have begun on the same day as another, so they cannot be put in order")
    );
    assert_eq!(Quiz::new(&t, &pool, QuizMode::Year, 3, 99).shortfall(), None);
    let s = QuizState::new(draw(&t, &pool, Pick::Only(Kind::Order), 10, 99));
    let mut terminal = Terminal::new(TestBackend::new(100, 12)).unwrap();
    terminal.draw(|f| s.draw(f, &t)).unwrap();
    let buf = terminal.backend().buffer();
    let text: String = buf.content().iter().map(|c| c.symbol()).collect();
    assert!(text.contains("seed 99"), "{text}");
    assert!(text.contains("2 questions, not 10"), "{text}");
}

#[test]
fn answer_lines_wrap_under_their_text() {
    let t = timeline();
    let pool = tipline::Query::parse("kind:ranking").unwrap().filter(&t);
    let mut s = QuizState::new(draw(&t, &pool, Pick::Only(Kind::Order), 4, 7));
    s.key(QuizKey::Submit);
    assert_eq!(s.stage, Stage::Answered);
    let width = 50;
    let mut terminal = Terminal::new(TestBackend::new(width, 30)).unwrap();
    terminal.draw(|f| s.draw(f, &t)).unwrap();
    let buf = terminal.backend().buffer();
    let rows: Vec<String> = (0..30)
        .map(|y| (0..width).map(|x| buf[(x, y)].symbol().to_string()).collect())
        .collect();
    let first = rows
        .iter()
        .position(|r| r.starts_with("✓ 1. ") || r.starts_with("✗ 1. "))
        .unwrap();
    // The next row continues answer 1 (ranking titles are long at 50 columns)
    // indented under its text, five columns in.
    assert!(rows[first + 1].starts_with("     "), "{rows:#?}");
    assert!(!rows[first + 1].trim().is_empty(), "{rows:#?}");
}

/// Which came first, answered wrong with the key table's `a`: the right
/// option is marked ✓, the one picked ✗, and both events' dates follow.
#[test]
fn a_which_came_first_question_answered_wrong() {
    let t = timeline();
    let mut s = QuizState::new(of(&t, Kind::WhichFirst));
    let (terminal, asking) = rows(&s, &t);
    assert_eq!(asking[0], "seed 7 · question 1 of 5 · which came first");
    assert_eq!(asking[2], "Which came first?");
    assert_eq!(
        asking[4],
        "▶ A. 12th ASEAN-China Prosecutors-General Conference opens in Siem Reap"
    );
    assert_eq!(
        asking[5],
        "  B. Law on Suppression of Human Trafficking and Sexual Exploitation promulgated"
    );
    assert_eq!(
        asking[7],
        "a/b picks · ↑/↓ and Enter pick the marked one · q quits"
    );
    // The option under the cursor is drawn reversed.
    let cell = &terminal.backend().buffer()[(2, 4)];
    assert!(cell.modifier.contains(ratatui::style::Modifier::REVERSED));
    insta::assert_snapshot!("quiz_which_first_asking_seed7", terminal.backend());
    s.key(QuizKey::Choose(0));
    assert_eq!(s.responses, [Response::Choice(0)]);
    let (terminal, rows) = rows(&s, &t);
    assert_eq!(rows[2], "✗ Wrong.");
    assert_eq!(
        row(&rows, "✗ A."),
        "✗ A. 12th ASEAN-China Prosecutors-General Conference opens in Siem Reap ← your"
    );
    assert_eq!(
        row(&rows, "✓ B."),
        "✓ B. Law on Suppression of Human Trafficking and Sexual Exploitation promulgated"
    );
    assert_eq!(row(&rows, "From the sources"), "From the sources:");
    insta::assert_snapshot!("quiz_which_first_wrong_seed7", terminal.backend());
}

/// The tier in a year, answered right with the key table's `a`.
#[test]
fn a_tier_question_answered_right() {
    let t = timeline();
    let mut s = QuizState::new(of(&t, Kind::Tier));
    s.key(QuizKey::Choose(0));
    let (terminal, rows) = rows(&s, &t);
    assert_eq!(rows[2], "✓ Right.");
    assert_eq!(
        rows[4],
        "In its 2011 report, which tier did the US State Department give Cambodia?"
    );
    assert_eq!(row(&rows, "✓ A."), "✓ A. Tier 2 ← your answer");
    assert_eq!(row(&rows, "  B."), "  B. Tier 2 Watch List");
    insta::assert_snapshot!("quiz_tier_right_seed7", terminal.backend());
}

/// Who said it, answered wrong with the cursor and Enter.
#[test]
fn a_who_said_it_question_answered_with_the_cursor() {
    let t = timeline();
    let mut s = QuizState::new(of(&t, Kind::WhoSaidIt));
    s.key(QuizKey::Down);
    s.key(QuizKey::Submit);
    assert_eq!(s.responses, [Response::Choice(1)]);
    let (terminal, rows) = rows(&s, &t);
    assert_eq!(rows[2], "✗ Wrong.");
    assert_eq!(rows[4], "Who gave this figure: 341 of them women?");
    assert_eq!(row(&rows, "✗ B."), "✗ B. Chou Bun Eng ← your answer");
    assert_eq!(row(&rows, "✓ D."), "✓ D. Sar Kheng");
    insta::assert_snapshot!("quiz_who_said_it_wrong_seed7", terminal.backend());
}

/// Corroborated or single source: True is A, False is B.
#[test]
fn a_corroboration_question_answered_right() {
    let t = timeline();
    let mut s = QuizState::new(of(&t, Kind::Corroborated));
    s.key(QuizKey::Choose(0));
    assert_eq!(s.responses, [Response::TrueFalse(true)]);
    let (terminal, rows) = rows(&s, &t);
    assert_eq!(rows[2], "✓ Right.");
    assert_eq!(row(&rows, "✓ A."), "✓ A. True ← your answer");
    assert_eq!(row(&rows, "  B."), "  B. False");
    insta::assert_snapshot!("quiz_corroborated_right_seed7", terminal.backend());
}

/// Which source says so: a key past the last option is ignored.
#[test]
fn a_which_source_question_answered_right() {
    let t = timeline();
    let mut s = QuizState::new(of(&t, Kind::WhichSource));
    s.key(QuizKey::Choose(3));
    let (terminal, rows) = rows(&s, &t);
    assert_eq!(rows[2], "✓ Right.");
    assert_eq!(row(&rows, "✓ D."), "✓ D. The Phnom Penh Post ← your answer");
    insta::assert_snapshot!("quiz_which_source_right_seed7", terminal.backend());
}

/// A year typed one off earns one point of two.
#[test]
fn a_year_question_answered_one_year_off() {
    let t = timeline();
    let mut s = QuizState::new(of(&t, Kind::Year));
    for c in "2018".chars() {
        s.key(QuizKey::Digit(c));
    }
    let (_, asking) = rows(&s, &t);
    assert_eq!(row(&asking, "Year:"), "Year: 2018█");
    s.key(QuizKey::Submit);
    let (terminal, rows) = rows(&s, &t);
    assert_eq!(rows[2], "✗ Partly right: 1 of 2 points.");
    assert_eq!(row(&rows, "You said"), "You said 2018; the answer is 2019.");
    insta::assert_snapshot!("quiz_year_close_seed7", terminal.backend());
}

/// The mixed quiz ends on matching figures to who gave them, asked one
/// figure at a time with the same keys.
#[test]
fn a_matching_question_answered_figure_by_figure() {
    let t = timeline();
    let drawn = draw(&t, &all(&t), Pick::Mixed, 2, 7);
    let last = drawn.asked.len() - 1;
    let mut s = QuizState::new(drawn);
    while s.at < last {
        s.key(QuizKey::Choose(0));
        s.key(QuizKey::Digit('2'));
        s.key(QuizKey::Submit);
        if s.stage == Stage::Answered {
            s.key(QuizKey::Submit);
        }
    }
    // 368 complaints: Sar Kheng (C); 1,122: Chou Bun Eng (A); 1,000
    // suspects: the government (B); 153: Chou Bun Eng (A).
    for key in [2, 0, 2, 0] {
        s.key(QuizKey::Choose(key));
    }
    let (terminal, rows) = rows(&s, &t);
    assert_eq!(rows[2], "✗ Partly right: 3 of 4 points.");
    assert_eq!(row(&rows, "✓ 1."), "✓ 1. 368 trafficking complaints: Sar Kheng");
    assert_eq!(
        row(&rows, "✗ 3."),
        "✗ 3. more than 1,000 suspects arrested this week: Royal Government of Cambodia"
    );
    insta::assert_snapshot!("quiz_matching_partly_seed7", terminal.backend());
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// `tipline quiz --type tier --seed 7` on the fixture, through the one
/// event loop with the default key table: `b` for each question, Enter to
/// go on, and the score at the end.
#[test]
fn a_tier_quiz_through_the_event_loop() {
    let t = timeline();
    let keymap = tipline::app::keymap::Keymap::default();
    let mut s = QuizState::with_keys(of(&t, Kind::Tier), &keymap);
    let mut script: std::collections::VecDeque<Event> = std::collections::VecDeque::new();
    for c in ['a', 'b', 'a', 'd', 'a'] {
        script.push_back(key(KeyCode::Char(c)));
        script.push_back(key(KeyCode::Enter));
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let mut end = None;
    {
        let mut taking = Taking::new(&keymap, &mut s, &t);
        let ended = tipline::app::event_loop::drive(
            &mut terminal,
            &mut taking,
            |_| {
                Ok(script.pop_front().or_else(|| {
                    end.get_or_insert(());
                    Some(key(KeyCode::Char('q')))
                }))
            },
            || None,
        );
        assert!(ended.is_ok(), "{ended:?}");
    }
    assert!(s.done());
    // 2011 Tier 2 (A), 2009 Tier 2 Watch List (D, not B), 2015 Tier 2
    // Watch List (A), 2006 Tier 2 Watch List (D), 2021 Tier 2 Watch List
    // (C, not A).
    assert_eq!(s.score(), "3 of 5 right");
    let (terminal, rows) = rows(&s, &t);
    assert_eq!(rows[0], "seed 7");
    assert_eq!(rows[2], "3 of 5 right");
    assert_eq!(
        rows[4],
        "✓ 1. In its 2011 report, which tier did the US State Department give Cambodia?"
    );
    assert_eq!(
        rows[5],
        "✗ 2. In its 2009 report, which tier did the US State Department give Cambodia?"
    );
    insta::assert_snapshot!("quiz_tier_score_seed7", terminal.backend());
}

/// A marked answer taller than the screen scrolls with ↑/↓, the keys to go
/// on staying in view below it and a line saying what is out of view.
#[test]
fn a_marked_answer_taller_than_the_screen_scrolls() {
    let t = timeline();
    let drawn = draw(&t, &all(&t), Pick::Mixed, 2, 7);
    let last = drawn.asked.len() - 1;
    let mut s = QuizState::new(drawn);
    s.at = last;
    s.key(QuizKey::Choose(0));
    s.key(QuizKey::Choose(0));
    s.key(QuizKey::Choose(0));
    s.key(QuizKey::Choose(0));
    assert_eq!(s.stage, Stage::Answered);
    let shown = |s: &QuizState| {
        let mut terminal = Terminal::new(TestBackend::new(80, 16)).unwrap();
        terminal.draw(|f| s.draw(f, &t)).unwrap();
        let buf = terminal.backend().buffer().clone();
        (0..16)
            .map(|y| {
                (0..80)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .map(|r| r.trim_end().to_string())
            .collect::<Vec<_>>()
    };
    let top = shown(&s);
    assert_eq!(top[2], "✗ Partly right: 2 of 4 points.");
    assert_eq!(top[14], "↓ more below (↑/↓ scroll)");
    assert_eq!(top[15], "Enter: the score · q quits");
    for _ in 0..30 {
        s.key(QuizKey::Down);
    }
    let bottom = shown(&s);
    assert_eq!(bottom[0], "seed 7 · question 14 of 14 · who said it");
    assert_eq!(bottom[14], "↑ more above (↑/↓ scroll)");
    assert_eq!(bottom[15], "Enter: the score · q quits");
    assert_eq!(
        bottom[11],
        "  16 Jul 2025? — More than 1,000 arrests in the week of the order; 2,767"
    );
    assert_eq!(bottom[12], "  foreigners detained (DT Next)");
    // Scrolled as far as there is to see, one ↑ shows one row more above.
    let scrolled = s.scroll;
    s.key(QuizKey::Up);
    assert_eq!(s.scroll, scrolled - 1);
    s.key(QuizKey::Submit);
    assert!(s.done());
    assert_eq!(s.scroll, 0);
}
