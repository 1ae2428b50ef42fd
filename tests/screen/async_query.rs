//! Searching in the background: the app never waits for a search, shows
//! the newest result only, and ends where searching inside `update` ends.

use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use std::time::{Duration, Instant};
use tipline::app::state::BACKGROUND_FROM;
use tipline::app::{draw as ui, Action, App, Input, Msg, Pane};
use tipline::query::Query;
use tipline::timeline::model::Timeline;

/// Long enough for a search that never comes back to fail the test rather
/// than hang it; a search of a few thousand events takes milliseconds.
static PATIENCE: std::sync::LazyLock<Duration> = std::sync::LazyLock::new(|| {
    // TIPLINE_TEST_WAIT_SECS on a slow or busy machine, as for the
    // pseudo-terminal tests.
    let secs = std::env::var("TIPLINE_TEST_WAIT_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    Duration::from_secs(secs)
});

fn fresh(t: &Timeline, background: bool) -> App {
    let mut app = App::new(t.clone(), Query::default());
    app.update(Input::Resize(160, 48));
    if background {
        // Every search, however small the timeline, goes to a worker.
        app.search_in_background(0);
    }
    app
}

/// Applies finished searches until the newest one is on screen.
fn settle(app: &mut App) {
    while app.searching() {
        let msg = app.wait_finished(*PATIENCE).expect("a search finishes");
        app.update(msg);
    }
}

/// Everything on screen that a search decides: the events in view, each
/// filter value's count and state, the strip's counts, the list's rows.
type Shown = (Vec<usize>, Vec<(usize, bool)>, Vec<usize>, usize);

fn shown(app: &App) -> Shown {
    (
        app.filtered().to_vec(),
        app.filter().entries.iter().map(|e| (e.count, e.active)).collect(),
        app.strip().visible_years.clone(),
        app.list().rows.len(),
    )
}

/// What a search decides, without which filter values are marked chosen
/// (that follows the committed query, not the one being typed).
fn counted(app: &App) -> Shown {
    let (visible, entries, strip, rows) = shown(app);
    let counts = entries.into_iter().map(|(n, _)| (n, false)).collect();
    (visible, counts, strip, rows)
}

/// An app that searches inside `update`, showing the query in force in `app`.
fn in_place(t: &Timeline, app: &App) -> App {
    let mut here = fresh(t, false);
    here.update(Msg::Filter(app.effective_query()));
    here
}

/// Events whose folded text holds every word: a filter written here, not
/// the query engine's.
fn holding(t: &Timeline, words: &[&str]) -> Vec<usize> {
    (0..t.events.len())
        .filter(|&p| words.iter().all(|w| t.search_key(p).contains(w)))
        .collect()
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    let buffer = terminal.backend().buffer().clone();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

/// A key press: a typed character or an action.
#[derive(Debug, Clone)]
enum Key {
    Char(char),
    Act(Action),
}

impl Key {
    fn msg(&self) -> Msg {
        match self {
            Key::Char(c) => Input::Char(*c).into(),
            Key::Act(a) => (*a).into(),
        }
    }
}

fn step() -> impl Strategy<Value = Key> {
    let act = |a| Just(Key::Act(a));
    prop_oneof![
        4 => prop::sample::select(&['c', 'o', 'u', 'r', 't', 'm', 'i', 'n', 's', 'l', 'a', 'w', ' ', '2'][..])
            .prop_map(Key::Char),
        1 => act(Action::Search),
        1 => act(Action::Erase),
        1 => act(Action::Accept),
        1 => act(Action::Cancel),
        1 => act(Action::Down),
        1 => act(Action::PageDown),
        1 => act(Action::ToggleFilterPane),
        2 => act(Action::Toggle),
        1 => act(Action::ClearFilters),
        1 => act(Action::FilterYear),
        1 => act(Action::PickKind),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Whatever is typed and toggled, and however the background results
    /// interleave with the keys (a result lands before the next key, or is
    /// superseded by it), what lands on screen is what searching inside
    /// `update` gives for the query in force. (Keys pressed while a search
    /// runs act on the list on screen, so the two apps may go different
    /// ways: stepping years starts from the selected event's year.)
    #[test]
    fn background_results_equal_searching_in_place(
        steps in prop::collection::vec((step(), any::<bool>()), 1..40),
        seed in 1u64..4,
    ) {
        let t = tipline::synth::timeline(1500, seed);
        let mut away = fresh(&t, true);
        for (key, land) in &steps {
            away.update(key.msg());
            if *land {
                settle(&mut away);
                prop_assert_eq!(counted(&away), counted(&in_place(&t, &away)));
            }
        }
        settle(&mut away);
        prop_assert_eq!(counted(&away), counted(&in_place(&t, &away)));
        prop_assert_eq!(away.filtered(), &away.effective_query().filter(&t)[..]);
    }

    /// When every result lands before the next key, the two are the same
    /// app throughout, selection and all. (Keys pressed while a search runs
    /// act on the list on screen, so there the selection may differ.)
    #[test]
    fn landing_before_each_key_is_searching_in_place(
        steps in prop::collection::vec(step(), 1..40),
        seed in 1u64..4,
    ) {
        let t = tipline::synth::timeline(1500, seed);
        let mut here = fresh(&t, false);
        let mut away = fresh(&t, true);
        for key in &steps {
            here.update(key.msg());
            away.update(key.msg());
            settle(&mut away);
            prop_assert_eq!(shown(&away), shown(&here));
            prop_assert_eq!(away.selected_position(), here.selected_position());
            prop_assert_eq!(away.list().offset, here.list().offset);
            prop_assert_eq!(away.detail().scroll, here.detail().scroll);
        }
    }
}

#[test]
fn a_superseded_search_never_lands_after_a_newer_one() {
    let t = tipline::synth::timeline(3000, 7);
    let mut app = fresh(&t, true);
    let everything = app.filtered().to_vec();
    assert_eq!(everything.len(), t.events.len());
    app.update(Action::Search);
    for c in "minist".chars() {
        app.update(Input::Char(c));
    }
    let older = app.search_generation();
    app.update(Input::Char('r'));
    let newer = app.search_generation();
    assert!(newer > older);
    assert!(app.searching());

    // The older search's result arrives while the newer one runs: dropped,
    // and the previous result stays until the newer one lands.
    let stale = Query::parse("minist").unwrap().faceted(&t, None);
    assert_ne!(stale.hits, everything, "the stale result would change the screen");
    app.update(Msg::Found {
        search: older,
        result: Box::new(stale.clone()),
    });
    assert_eq!(app.filtered(), everything);
    assert!(app.searching());

    settle(&mut app);
    let expected = holding(&t, &["ministr"]);
    assert!(!expected.is_empty() && expected.len() < t.events.len());
    assert_eq!(app.filtered(), expected);

    // Arriving after the newer one, it is dropped too.
    app.update(Msg::Found {
        search: older,
        result: Box::new(stale),
    });
    assert_eq!(app.filtered(), expected);
    assert!(!app.searching());

    // Even a result numbered like the shown one does not land twice.
    let other = Query::parse("court").unwrap().faceted(&t, None);
    app.update(Msg::Found {
        search: newer,
        result: Box::new(other),
    });
    assert_eq!(app.filtered(), expected);
}

#[test]
fn keys_are_echoed_while_a_search_runs() {
    let t = tipline::synth::timeline(3000, 3);
    let mut app = fresh(&t, true);
    let before = app.filtered().to_vec();
    app.update(Action::Search);
    for c in "minist".chars() {
        app.update(Input::Char(c));
    }
    // No result applied yet: the typed text and the mark show, over the
    // previous list.
    assert!(app.searching());
    assert_eq!(app.filtered(), before);
    let text = screen(&app);
    assert!(text.contains("search: minist"), "{text}");
    assert!(text.contains("searching…"), "{text}");
    settle(&mut app);
    assert_eq!(app.filtered(), holding(&t, &["minist"]));
    let text = screen(&app);
    assert!(!text.contains("searching…"), "{text}");
}

#[test]
fn moving_the_caret_while_typing_runs_no_search_again() {
    let t = tipline::synth::timeline(3000, 3);
    let mut app = fresh(&t, true);
    app.update(Action::Search);
    for c in "court".chars() {
        app.update(Input::Char(c));
    }
    settle(&mut app);
    let found = holding(&t, &["court"]);
    assert!(found.len() > 3, "the synthetic timeline has courts");
    app.update(Action::CaretLeft);
    app.update(Action::CaretStart);
    app.update(Action::CaretEnd);
    assert!(!app.searching(), "the words did not change");
    assert_eq!(app.filtered(), found);
    // The prompt stays open with its words, and typing goes on.
    app.update(Input::Char(' '));
    app.update(Input::Char('x'));
    assert!(app.searching());
    assert!(screen(&app).contains("search: court x"));
}

#[test]
fn a_toggled_facet_and_a_jump_wait_for_their_search() {
    let t = tipline::synth::timeline(3000, 5);
    let mut app = fresh(&t, true);
    crate::common::focus_on(&mut app, Pane::Filter);
    let entry = app.filter().entries[0].clone();
    app.update(Action::Toggle);
    assert!(app.searching());
    settle(&mut app);
    assert!(app.query().contains(&entry.term));
    assert_eq!(
        app.filtered().len(),
        entry.count,
        "the count shown before toggling"
    );
    let entry = app.filter().entries.iter().find(|e| e.active).unwrap();
    assert!(entry.active);

    // Going to an event the filter hides clears the filter and selects the
    // event once the cleared filter's result lands.
    let hidden = (0..t.events.len()).find(|p| !app.filtered().contains(p)).unwrap();
    app.update(Msg::Goto(t.events[hidden].id.clone()));
    settle(&mut app);
    assert_eq!(app.filtered().len(), t.events.len());
    assert_eq!(app.selected_position(), Some(hidden));
}

/// As many events as the app searches on a worker, and one more: an odd
/// number, so that the threads building the word index read shares of
/// different sizes.
fn large() -> Timeline {
    tipline::synth::timeline(BACKGROUND_FROM + 1, 4)
}

/// Fails unless `shown` is `expected`, saying how briefly: on a large
/// timeline each is thousands of events long.
fn assert_shows(shown: &[usize], expected: &[usize], what: &str) {
    if shown != expected {
        let apart = shown.iter().zip(expected).take_while(|(a, b)| a == b).count();
        panic!(
            "{what}: {} events shown, {} expected, the first {apart} alike",
            shown.len(),
            expected.len()
        );
    }
}

/// Fails unless `app` shows what searching inside `update` shows.
fn assert_as_in_place(t: &Timeline, app: &App, what: &str) {
    let here = in_place(t, app);
    assert_shows(app.filtered(), here.filtered(), what);
    assert!(
        counted(app) == counted(&here),
        "{what}: counts differ from searching in place"
    );
}

/// An app that searches in the background as the one in a terminal does,
/// once its word index is built. The index is built at the lowest
/// priority, behind anything else the machine runs (other tests, a build):
/// the wait allows for that.
fn indexed(t: &Timeline) -> App {
    let mut app = App::new(t.clone(), Query::default());
    app.update(Input::Resize(160, 48));
    app.search_in_background(BACKGROUND_FROM);
    let start = Instant::now();
    while !app.word_index_ready() {
        assert!(
            start.elapsed() < 6 * *PATIENCE,
            "no word index after {:?}",
            start.elapsed()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    app
}

#[test]
fn a_phrase_searched_in_the_background_lands_as_searched_in_place() {
    let t = large();
    let mut app = indexed(&t);
    let phrase = holding(&t, &["court ministry"]);
    let words = holding(&t, &["court", "ministry"]);
    assert!(
        !phrase.is_empty() && phrase.len() < words.len(),
        "the phrase is rarer than its words apart: {} and {}",
        phrase.len(),
        words.len()
    );
    app.update(Msg::Filter(Query::parse("\"court ministry\"").unwrap()));
    assert!(app.searching());
    settle(&mut app);
    assert_shows(app.filtered(), &phrase, "the phrase");
    assert_as_in_place(&t, &app, "the phrase");

    // With a word the index could look up, the phrase still decides.
    app.update(Msg::Filter(Query::parse("report \"court ministry\"").unwrap()));
    settle(&mut app);
    let both = holding(&t, &["report", "court ministry"]);
    assert!(!both.is_empty() && both.len() < phrase.len());
    assert_shows(app.filtered(), &both, "a word and the phrase");
    assert_as_in_place(&t, &app, "a word and the phrase");
}

#[test]
fn the_word_index_gets_ready_and_answers_as_reading_every_event() {
    let t = large();
    let mut app = indexed(&t);
    let court = holding(&t, &["court"]);
    let both = holding(&t, &["court", "minist"]);
    assert!(!both.is_empty() && both.len() < court.len());
    for (text, expected) in [("court", &court), ("court minist", &both)] {
        app.update(Msg::Filter(Query::parse(text).unwrap()));
        settle(&mut app);
        assert_shows(app.filtered(), expected, text);
        assert_as_in_place(&t, &app, text);
    }
    // Negated, and with a facet: the index and the facets' arrays together.
    for text in ["-court", "minist kind:law"] {
        let query = Query::parse(text).unwrap();
        app.update(Msg::Filter(query.clone()));
        settle(&mut app);
        assert_shows(app.filtered(), &query.filter(&t), text);
        assert_as_in_place(&t, &app, text);
    }
}

#[test]
fn a_finished_search_wakes_the_loop_once_with_its_result_ready() {
    let t = tipline::synth::timeline(3000, 11);
    let mut app = fresh(&t, true);
    let (woken, wakes) = std::sync::mpsc::channel();
    app.wake_on_result(move || {
        let _ = woken.send(());
    });
    app.update(Action::Search);
    app.update(Input::Char('c'));
    assert!(app.searching());
    // The loop sleeps until it is woken, and then the result is there.
    wakes.recv_timeout(*PATIENCE).expect("the worker wakes the loop");
    let msg = app.finished().expect("the result is ready when the loop wakes");
    app.update(msg);
    assert!(!app.searching());
    assert_eq!(app.filtered(), in_place(&t, &app).filtered());
    assert!(wakes.try_recv().is_err(), "one search, one wake");
}
