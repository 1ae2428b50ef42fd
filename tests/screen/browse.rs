//! Browsing as a daily reader does it: the detail pane's scroll across
//! selections, headings and labels that fit, the list at 80 columns, the
//! problems panel, the actor picker's ranking, and the keys other terminal
//! tools taught them.

use tipline::app::{Action, App, Input, Msg, Pane};
use tipline::query::Query;

fn app_at(w: u16, h: u16) -> App {
    let mut app = App::new(crate::common::world(), Query::default());
    app.update(Input::Resize(w, h));
    app
}

fn selected_id(app: &App) -> String {
    app.selected_event().map(|e| e.id.clone()).unwrap_or_default()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Input::Char(c));
    }
}

#[test]
fn a_new_selection_opens_at_the_top_and_back_restores_the_scroll() {
    let mut app = app_at(120, 30);
    app.update(Msg::Goto("tip-report-2022".into()));
    app.update(Action::FocusRight);
    assert_eq!(app.focus(), Pane::Detail);
    for _ in 0..6 {
        app.update(Action::Down);
    }
    let scrolled = app.detail().scroll;
    assert!(scrolled > 0, "the event is long enough to scroll");
    // A search that hides this event selects another: it opens at its top.
    app.update(Action::Search);
    type_text(&mut app, "complaints");
    assert_ne!(selected_id(&app), "tip-report-2022");
    assert_eq!(app.detail().scroll, 0);
    app.update(Action::Cancel);
    app.update(Msg::Goto("tip-report-2022".into()));
    assert_eq!(
        app.detail().scroll,
        0,
        "a fresh view of an event starts at its top"
    );
    // A filter typed as query text that moves the selection.
    for _ in 0..6 {
        app.update(Action::Down);
    }
    assert!(app.detail().scroll > 0);
    app.update(Msg::Filter(Query::parse("year:2023").unwrap()));
    assert_ne!(selected_id(&app), "tip-report-2022");
    assert_eq!(app.detail().scroll, 0);
    // Following a link opens the target at the top; Back returns to where
    // the reader was.
    app.update(Msg::Filter(Query::default()));
    app.update(Msg::Goto("tip-report-2022".into()));
    for _ in 0..4 {
        app.update(Action::Down);
    }
    let kept = app.detail().scroll;
    assert_eq!(kept, 4);
    app.update(Action::FollowRelated(1));
    assert_eq!(selected_id(&app), "tip-report-2021");
    assert_eq!(app.detail().scroll, 0);
    app.update(Action::Back);
    assert_eq!(selected_id(&app), "tip-report-2022");
    assert_eq!(app.detail().scroll, kept);
}

/// The screen's text, one string per row.
fn screen(app: &mut App, w: u16, h: u16) -> Vec<String> {
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;
    app.update(Input::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| tipline::app::draw::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer().clone();
    (0..h)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..w {
                let sym = buf[(x, y)].symbol();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                row.push_str(sym);
                skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            }
            row
        })
        .collect()
}

#[test]
fn headings_are_whole_at_every_width() {
    for (w, h) in [(80, 24), (120, 40), (200, 50)] {
        let mut app = app_at(w, h);
        app.update(Msg::Goto("tip-report-2022".into()));
        app.update(Action::FocusRight);
        // Scroll down the detail to the related events.
        let mut text = screen(&mut app, w, h).join("\n");
        for _ in 0..200 {
            if text.contains("press its number to") {
                break;
            }
            app.update(Action::Down);
            text = screen(&mut app, w, h).join("\n");
        }
        assert!(
            text.contains("Related") || text.contains("linked from other events:"),
            "{w}x{h}:\n{text}"
        );
        assert!(
            !text.contains("Related (press the number to follo…"),
            "{w}x{h}:\n{text}"
        );
        assert!(
            text.contains("press its number to follow") || text.contains("press its number to"),
            "the hint wraps rather than being cut at {w}x{h}:\n{text}"
        );
    }
}

#[test]
fn no_era_title_sits_beside_its_bar_and_the_strip_fills_the_width() {
    for (w, h) in [(120, 40), (200, 50)] {
        let mut app = app_at(w, h);
        let rows = screen(&mut app, w, h);
        let strip = &rows[..8];
        let text = strip.join("\n");
        // The 2022 crackdown covers part of 2022: too short a bar for its
        // title, which is never written over the years before it.
        assert!(!text.contains("crackdown"), "{w}x{h}:\n{text}");
        assert!(text.contains("US TIP: Tier 3 ━"), "{w}x{h}:\n{text}");
        // The year labels reach the last columns of the screen.
        let axis = strip
            .iter()
            .find(|r| r.trim_start().starts_with("2002") || r.contains(" 2002"))
            .expect("a row of years");
        let used = axis.trim_end().chars().count();
        assert!(
            used + 8 >= w as usize,
            "{w}: the strip uses {used} columns:\n{text}"
        );
    }
    // At 80 columns every era is still named, in full or by its short form.
    let mut app = app_at(80, 24);
    let text = screen(&mut app, 80, 24)[..7].join("\n");
    assert!(!text.contains("US TIP…"), "{text}");
}

/// The kinds' markers, as the list draws them before each title.
fn markers() -> Vec<String> {
    let t = crate::common::world();
    let mut m: Vec<String> = t.events.iter().map(|e| e.kind.marker().to_string()).collect();
    m.sort();
    m.dedup();
    m
}

#[test]
fn titles_read_at_80_columns_and_the_date_column_keeps_its_width() {
    let t = crate::common::world();
    let markers = markers();
    let mut app = app_at(80, 24);
    let mut columns = std::collections::BTreeSet::new();
    let mut titles_seen = 0;
    for _ in 0..40 {
        let rows = screen(&mut app, 80, 24);
        for (n, row) in rows.iter().enumerate() {
            let chars: Vec<char> = row.chars().collect();
            if chars.first() != Some(&'┃') || !matches!(chars.get(1), Some(' ' | '▶')) {
                continue;
            }
            let Some(col) = (3..chars.len()).find(|&i| markers.contains(&chars[i].to_string())) else {
                continue;
            };
            columns.insert(col);
            let mut shown: String = chars[col + 2..chars.len() - 1].iter().collect();
            // The selected title goes on to the line below when it is cut.
            let below: Vec<char> = rows.get(n + 1).map_or(vec![], |r| r.chars().collect());
            if chars[1] == '▶' && below.len() > col + 2 && below[1..col + 2].iter().all(|c| *c == ' ') {
                let rest: String = below[col + 2..below.len() - 1].iter().collect();
                shown = format!("{} {}", shown.trim_end(), rest.trim());
            }
            let shown = shown.trim_end().trim_end_matches('…');
            // Either the whole title, or at least 45 characters of it, cut
            // at the end of a word.
            let whole = t.events.iter().any(|e| e.title.ends_with(shown));
            assert!(
                whole || shown.chars().count() >= 45,
                "a title cut short at 80 columns: {shown:?}"
            );
            titles_seen += 1;
        }
        app.update(Action::PageDown);
    }
    assert!(titles_seen > 40, "{titles_seen}");
    assert_eq!(columns.len(), 1, "titles start in one column: {columns:?}");
    // A series prefix gives way to the rest of a long title.
    let long_tip = t
        .events
        .iter()
        .find(|e| e.title.starts_with("US TIP report: ") && e.title.chars().count() > 66)
        .expect("a long TIP title");
    app.update(Msg::Goto(long_tip.id.clone()));
    let text = screen(&mut app, 80, 24).join("\n");
    let rest: String = long_tip.title["US TIP report: ".len()..]
        .chars()
        .take(40)
        .collect();
    assert!(text.contains(&rest), "{rest:?} in\n{text}");
}

#[test]
fn the_problems_panel_scrolls_closes_with_esc_and_the_status_tells_the_truth() {
    let problems: Vec<String> = (1..=30)
        .map(|n| format!("data/events.toml:{n}: problem number {n} in the file"))
        .collect();
    let mut app = app_at(80, 24);
    app.update(Msg::DataProblems(problems));
    let text = screen(&mut app, 80, 24).join("\n");
    assert!(text.contains("problem number 1 in"), "{text}");
    assert!(!text.contains("problem number 30 in"), "{text}");
    let selected = selected_id(&app);
    for _ in 0..29 {
        app.update(Action::Down);
    }
    assert_eq!(
        selected_id(&app),
        selected,
        "the keys scroll the panel, not the list"
    );
    let text = screen(&mut app, 80, 24).join("\n");
    assert!(text.contains("problem number 30 in"), "{text}");
    assert!(!text.contains("problem number 1 in"), "{text}");
    // The same words on the status line with the panel open and closed.
    assert!(
        text.contains("the data has problems; the last good data is shown"),
        "{text}"
    );
    app.update(Action::Dismiss);
    let text = screen(&mut app, 80, 24).join("\n");
    assert!(!text.contains("problem number"), "Esc hides the panel:\n{text}");
    assert!(
        text.contains("the data has problems; the last good data is shown"),
        "{text}"
    );
    assert!(!text.contains("data reloaded"), "{text}");
    app.update(Action::Down);
    assert_ne!(
        selected_id(&app),
        selected,
        "with the panel gone the list moves again"
    );
    app.update(Msg::Reloaded(Box::new(crate::common::world())));
    let text = screen(&mut app, 80, 24).join("\n");
    assert!(text.contains("data reloaded"), "{text}");
    assert!(!text.contains("have problems"), "{text}");
}

#[test]
fn a_long_query_error_is_wrapped_not_cut() {
    let mut app = app_at(80, 24);
    app.update(Action::EditQuery);
    type_text(
        &mut app,
        "kind:lwa actor:nosuchactoratall tag:nosuchtagatall year:20x",
    );
    app.update(Action::Accept);
    let error = match &app.mode() {
        tipline::app::Mode::EditQuery { error: Some(e), .. } => e.clone(),
        other => panic!("an error is shown: {other:?}"),
    };
    let text = screen(&mut app, 80, 24).join(" ");
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let expected = format!("error: {error}");
    let expected = expected.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        expected.chars().count() > 80,
        "the error is longer than a line: {expected}"
    );
    assert!(words.contains(&expected), "{expected:?} whole in\n{text}");
}

#[test]
fn the_notes_view_says_which_process_it_waits_for() {
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;
    use tipline::app::keymap::Keymap;
    use tipline::app::notes::{draw_console_for, Console, Found};
    let mut terminal = Terminal::new(TestBackend::new(100, 10)).unwrap();
    let console = Console {
        pid: Some(999_999),
        ..Console::default()
    };
    terminal
        .draw(|f| draw_console_for(f, &Found::default(), &Keymap::default(), &console, 0))
        .unwrap();
    let buf = terminal.backend().buffer();
    let text: String = (0..10)
        .map(|y| {
            (0..100)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    assert!(
        text.contains("Waiting for the presenter in process 999999"),
        "{text}"
    );
}

fn picked(app: &App) -> Vec<String> {
    match &app.mode() {
        tipline::app::Mode::Pick(p) => p
            .matches
            .iter()
            .map(|&i| app.choices().actors[i].label.clone())
            .collect(),
        other => panic!("a picker: {other:?}"),
    }
}

#[test]
fn the_actor_picker_puts_whole_words_and_prefixes_first() {
    let t = crate::common::world();
    // Actors with a word of the name or an alias beginning "hun", found here
    // by reading the data, not by the picker.
    let begins = |text: &str| {
        text.split(|c: char| !c.is_alphanumeric())
            .any(|w| w.to_lowercase().starts_with("hun"))
    };
    let expected: Vec<&str> = t
        .actors
        .iter()
        .filter(|a| begins(&a.name) || a.aliases.iter().any(|x| begins(x)))
        .map(|a| a.name.as_str())
        .collect();
    let mut app = app_at(120, 40);
    app.update(Action::PickActor);
    type_text(&mut app, "hun");
    let offered = picked(&app);
    assert!(offered.len() >= 2, "{offered:?}");
    assert!(offered[0].starts_with("Hun "), "{offered:?}");
    assert!(offered[1].starts_with("Hun "), "{offered:?}");
    assert!(!offered.iter().any(|n| n == "Chou Bun Eng"), "{offered:?}");
    assert!(
        !offered.iter().any(|n| n == "People's Republic of China"),
        "{offered:?}"
    );
    let mut sorted = offered.clone();
    sorted.sort();
    let mut want: Vec<String> = expected.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(sorted, want);
    // A run-together name still finds its actor, by fuzzy matching.
    app.update(Action::Cancel);
    app.update(Action::PickActor);
    type_text(&mut app, "hunsen");
    assert_eq!(picked(&app).first().map(String::as_str), Some("Hun Sen"));
    // A whole word of a name before a word that only begins with it.
    app.update(Action::Cancel);
    app.update(Action::PickActor);
    type_text(&mut app, "sen");
    assert_eq!(picked(&app).first().map(String::as_str), Some("Hun Sen"));
}

#[test]
fn keys_other_terminal_tools_taught() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use tipline::app::keymap::{Context, Keymap};
    let km = Keymap::default();
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let action = |ctx, e| match km.msg_for(ctx, e) {
        Some(Msg::Action(a)) => Some(a),
        _ => None,
    };
    for ctx in [Context::Browse, Context::Help] {
        assert_eq!(action(ctx, ctrl('d')), Some(Action::HalfPageDown));
        assert_eq!(action(ctx, ctrl('u')), Some(Action::HalfPageUp));
        assert_eq!(action(ctx, ctrl('f')), Some(Action::PageDown));
        assert_eq!(action(ctx, ctrl('b')), Some(Action::PageUp));
    }
    for ctx in [
        Context::Browse,
        Context::Help,
        Context::Present,
        Context::Notes,
        Context::Quiz,
    ] {
        assert_eq!(action(ctx, plain(KeyCode::F(10))), Some(Action::Quit), "{ctx:?}");
    }
    assert_eq!(
        action(Context::Browse, plain(KeyCode::Char('n'))),
        Some(Action::NextMatch)
    );
    assert_eq!(
        action(Context::Browse, plain(KeyCode::Char('N'))),
        Some(Action::PrevMatch)
    );
    assert_eq!(
        action(Context::Help, plain(KeyCode::Char(' '))),
        Some(Action::PageDown)
    );

    // Space pages down in the timeline; half pages are half as far.
    let mut app = app_at(120, 40);
    app.update(Action::Toggle);
    let page = app.selected();
    assert!(page > 10, "{page}");
    app.update(Action::Top);
    app.update(Action::HalfPageDown);
    assert_eq!(app.selected(), page / 2);
    app.update(Action::HalfPageUp);
    assert_eq!(app.selected(), 0);

    // n and N step through the events holding the search words: every
    // event the search lists.
    let t = crate::common::world();
    app.update(Action::Search);
    type_text(&mut app, "complaints");
    app.update(Action::Accept);
    let query = app.query().clone();
    app.update(Msg::Filter(Query::default()));
    assert!(app.highlights().is_empty());
    app.update(Action::NextMatch);
    assert_eq!(
        app.status().message.as_deref(),
        Some("no search words: / searches")
    );
    app.update(Msg::Filter(query));
    let expected: Vec<String> = app.filtered().iter().map(|&p| t.events[p].id.clone()).collect();
    assert!(expected.len() >= 2);
    app.update(Action::Top);
    app.update(Action::NextMatch);
    assert_eq!(selected_id(&app), expected[1]);
    app.update(Action::PrevMatch);
    assert_eq!(selected_id(&app), expected[0]);
    app.update(Action::PrevMatch);
    assert_eq!(selected_id(&app), expected[expected.len() - 1]);
    assert_eq!(app.status().message.as_deref(), Some("search wrapped around"));
}

/// `n` lands on every event the search counts, whichever part of it holds
/// the word: the title, the summary, a quote, a tag.
#[test]
fn n_and_shift_n_land_on_every_event_the_search_counts() {
    let mut text = String::from("[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n");
    let events = [
        ("in-title", "Hotline opened", "s", "q", "[]"),
        ("in-quote", "Complaints counted", "s", "through the hotline", "[]"),
        ("nowhere", "A law passed", "s", "q", "[]"),
        ("in-tag", "Calls answered", "s", "q", "[\"hotline\"]"),
        (
            "in-summary",
            "Calls answered",
            "the hotline took calls",
            "q",
            "[]",
        ),
    ];
    for (i, (id, title, summary, quote, tags)) in events.iter().enumerate() {
        text.push_str(&format!(
            "\n[[events]]\nid = \"{id}\"\ndate = \"2022-0{}-01\"\ntitle = \"{title}\"\nkind = \"law\"\nsummary = \"{summary}\"\ntags = {tags}\n[[events.sources]]\nsource = \"s\"\nquote = \"{quote}\"\n",
            i + 1
        ));
    }
    let t = tipline::load::load(vec![tipline::DataFile {
        name: "hotline.toml".into(),
        text,
    }])
    .timeline
    .unwrap();
    let mut app = App::new(t, Query::parse("hotline").unwrap());
    assert_eq!(app.filtered().len(), 4, "the search counts four");
    let mut visited = vec![selected_id(&app)];
    for _ in 0..4 {
        app.update(Action::NextMatch);
        visited.push(selected_id(&app));
    }
    assert_eq!(
        visited,
        ["in-title", "in-quote", "in-tag", "in-summary", "in-title"]
    );
    app.update(Action::PrevMatch);
    assert_eq!(selected_id(&app), "in-summary");
}

#[test]
fn the_legend_explains_markers_tiers_and_eras() {
    let mut app = app_at(80, 24);
    app.update(Action::Legend);
    let text = screen(&mut app, 80, 24).join("\n");
    assert!(text.contains("Legend"), "{text}");
    assert!(text.contains("2W"), "{text}");
    assert!(text.contains("rests on a single source"), "{text}");
    assert!(text.contains("§"), "{text}");
    // The marks dates carry, as a lesson's stop explains them.
    assert!(
        text.contains("  ?      after a date: in doubt in the sources, or worked out by the"),
        "{text}"
    );
    assert!(
        text.contains("  c.     before a date: about (the sources give it roughly)"),
        "{text}"
    );
    app.update(Action::Bottom);
    let text = screen(&mut app, 80, 24).join("\n");
    assert!(text.contains("overlapping eras"), "{text}");
}

/// The whole screen, as text and styles, for comparing two apps.
fn frame_of(app: &App, w: u16, h: u16) -> ratatui::buffer::Buffer {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| tipline::app::draw::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// Keys of a reading session: moves, sources, links, pages, resizes, a
/// search typed and erased, a facet, the help.
fn session() -> Vec<Msg> {
    let mut keys: Vec<Msg> = vec![
        Msg::Goto("tip-report-2022".into()),
        Action::Down.into(),
        Action::Down.into(),
        Action::NextSource.into(),
        Action::NextSource.into(),
        Action::Up.into(),
        Action::Down.into(),
        Action::FollowRelated(1).into(),
        Action::Back.into(),
        Action::PageDown.into(),
        Input::Resize(100, 30).into(),
        Action::Up.into(),
        Action::Search.into(),
        Input::Char('k').into(),
        Input::Char('o').into(),
        Action::Down.into(),
        Action::Erase.into(),
        Action::Down.into(),
        Action::Cancel.into(),
        Action::PageUp.into(),
        Input::Resize(200, 50).into(),
        Action::Up.into(),
        Action::Top.into(),
        Action::FilterYear.into(),
        Input::Char('2').into(),
        Input::Char('0').into(),
        Input::Char('1').into(),
        Input::Char('2').into(),
        Action::Accept.into(),
        Action::EditQuery.into(),
    ];
    // The year's other events give way to its TIP report ranking: the
    // same date column, and a first row that is still a year heading.
    keys.extend(" kind:ranking".chars().map(|c| Input::Char(c).into()));
    keys.extend::<[Msg; _]>([
        Action::Accept.into(),
        Action::FocusLeft.into(),
        Action::Down.into(),
        Action::Down.into(),
        Action::Toggle.into(),
        Action::Up.into(),
        Action::FocusRight.into(),
        Action::Down.into(),
        Action::Bottom.into(),
        Action::Help.into(),
        Action::Bottom.into(),
    ]);
    keys
}

#[test]
fn a_long_session_draws_what_a_fresh_app_draws_after_the_same_keys() {
    // The long session draws after every key, as the terminal loop does,
    // so it draws from what it kept; the fresh app is given the keys so
    // far and draws once, from nothing kept.
    let mut long = app_at(120, 40);
    for (n, msg) in session().into_iter().enumerate() {
        long.update(msg);
        let mut fresh = app_at(120, 40);
        for msg in session().into_iter().take(n + 1) {
            fresh.update(msg);
        }
        let (w, h) = long.size();
        assert_eq!(frame_of(&long, w, h), frame_of(&fresh, w, h), "after key {n}");
    }
}

/// The source labels in the detail pane: `▸[n]` marks the selected one.
fn source_marks(app: &App) -> Vec<String> {
    let buf = frame_of(app, 200, 50);
    let mut marks = Vec::new();
    for y in 0..50 {
        let row: String = (0..200).map(|x| buf[(x, y)].symbol()).collect();
        for (at, _) in row.match_indices('[') {
            let before = row[..at].chars().last();
            let label: String = row[at..].chars().take(3).collect();
            if before == Some('▸') {
                marks.push(format!("▸{label}"));
            }
        }
    }
    marks
}

#[test]
fn the_selected_source_stays_marked_through_wrapped_events() {
    let mut app = app_at(200, 50);
    app.update(Msg::Goto("ncct-sub-decree-2009".into()));
    assert_eq!(source_marks(&app), ["▸[1]"]);
    for want in ["▸[2]", "▸[3]", "▸[4]"] {
        app.update(Action::NextSource);
        assert_eq!(source_marks(&app), [want]);
    }
    app.update(Action::PrevSource);
    assert_eq!(source_marks(&app), ["▸[3]"]);
    // Away and back: the event opens at its first source again.
    app.update(Action::Down);
    app.update(Action::Up);
    assert_eq!(source_marks(&app), ["▸[1]"]);
}

#[test]
fn a_claim_keeps_its_claimant_when_its_title_is_cut_and_a_series_drops_its_prefix() {
    let file = tipline::load::DataFile::read(&crate::common::fixture("claimants.toml")).unwrap();
    let t = tipline::load::load(vec![file]).timeline.unwrap();
    for (w, h) in [(80, 24), (120, 40)] {
        let mut app = App::new(t.clone(), Query::default());
        let rows = screen(&mut app, w, h);
        let listed: Vec<&String> = rows
            .iter()
            .filter(|r| r.contains(" » ") || r.contains(" ▤ "))
            .collect();
        // At 80x24 the selected title's second line takes the last row's place.
        let expected = if w == 80 { 5 } else { 6 };
        assert_eq!(listed.len(), expected, "{w}x{h}:\n{}", rows.join("\n"));
        for row in &listed {
            if row.contains(" » ") {
                assert!(
                    row.contains("» Sar Kheng: "),
                    "{w}x{h}: the claimant is kept: {row}"
                );
            } else {
                assert!(
                    row.contains("▤ Cambodia "),
                    "{w}x{h}: the series prefix goes: {row}"
                );
                assert!(!row.contains("US TIP report:"), "{w}x{h}: {row}");
            }
        }
    }
}

#[test]
fn the_detail_pane_shows_the_compilers_note_under_its_own_heading() {
    let file = tipline::load::DataFile::read(&crate::common::fixture("note.toml")).unwrap();
    let t = tipline::load::load(vec![file]).timeline.unwrap();
    let mut app = App::new(t, Query::default());
    let rows = screen(&mut app, 120, 40);
    let at = rows
        .iter()
        .position(|r| r.contains("│Compilers' note"))
        .unwrap_or_else(|| panic!("no heading:\n{}", rows.join("\n")));
    assert!(
        rows[at + 1].contains("│The day itself is not known: 12"),
        "{}",
        rows[at + 1]
    );
    let summary = rows.iter().position(|r| r.contains("Wat Phnom [1].")).unwrap();
    assert!(summary < at, "the note comes after the summary, apart from it");
}

#[test]
fn a_click_on_a_citation_marker_goes_to_the_quote_it_names() {
    let file = tipline::load::DataFile::read(&crate::common::fixture("provenance.toml")).unwrap();
    let t = tipline::load::load(vec![file]).timeline.unwrap();
    let mut app = App::new(t, Query::default());
    app.update(Msg::Goto("kept".into()));
    let rows = screen(&mut app, 200, 50);
    let detail = app.regions().detail.expect("a detail pane at 200x50");
    let (y, row) = rows
        .iter()
        .enumerate()
        .find(|(_, r)| r.contains("such day, in September.[2]"))
        .unwrap_or_else(|| panic!("{}", rows.join("\n")));
    let x = row[..row.find("[2]").unwrap()].chars().count() as u16 + 1;
    assert!(x > detail.x, "the marker is in the detail pane");
    assert_eq!(app.detail().source, 0);
    app.update(Input::Click { x, y: y as u16 });
    assert_eq!(app.detail().source, 1, "the second source is selected");
    assert_eq!(
        app.status().message.as_deref(),
        Some("source 2 of 2: Khmer Times")
    );
    // Text that is not a marker selects nothing.
    app.update(Input::Click {
        x: detail.x + 2,
        y: y as u16,
    });
    assert_eq!(app.detail().source, 1);
}
