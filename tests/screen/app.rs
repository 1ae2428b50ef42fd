//! `App::update` driven action by action, with no terminal at all.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tipline::app::keymap::{Context, Keymap};
use tipline::app::{Action, App, Input, Mode, Msg, Pane};
use tipline::query::{Query, Term};
use tipline::timeline::model::{Event, EventKind};

fn app() -> App {
    let mut app = App::new(crate::common::world(), Query::default());
    app.update(Input::Resize(120, 40));
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

/// How many events of the embedded timeline pass a test written here, so
/// expected counts follow the data without asking the query engine.
fn events_where(test: impl Fn(&Event) -> bool) -> usize {
    crate::common::world().events.iter().filter(|e| test(e)).count()
}

fn in_year(e: &Event, year: i32) -> bool {
    e.years().contains(&year)
}

fn names(e: &Event, actor: &str) -> bool {
    e.actors.iter().any(|a| a == actor)
}

fn visible_ids(app: &App) -> Vec<String> {
    app.filtered()
        .iter()
        .map(|&p| app.timeline().events[p].id.clone())
        .collect()
}

#[test]
fn moves_through_the_timeline() {
    let mut app = app();
    assert_eq!(app.selected(), 0);
    app.update(Action::Up);
    assert_eq!(app.selected(), 0, "stays at the top");
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(app.selected(), 2);
    app.update(Action::Bottom);
    assert_eq!(app.selected(), app.filtered().len() - 1);
    app.update(Action::Down);
    assert_eq!(app.selected(), app.filtered().len() - 1, "stays at the bottom");
    app.update(Action::Top);
    app.update(Action::PageDown);
    assert!(
        app.selected() > 10,
        "a page is most of the pane: {}",
        app.selected()
    );
    app.update(Action::PageUp);
    assert_eq!(app.selected(), 0);
}

#[test]
fn selection_stays_on_screen_while_scrolling() {
    let mut app = app();
    app.update(Input::Resize(100, 20));
    for _ in 0..30 {
        app.update(Action::Down);
        let row = app.selected_row().unwrap();
        assert!(
            row >= app.list().offset,
            "row {row} above offset {}",
            app.list().offset
        );
        assert!(row < app.list().offset + 20, "row {row} below the pane");
    }
}

#[test]
fn year_prompt_filters_live_then_keeps_or_drops() {
    let mut app = app();
    app.update(Action::FilterYear);
    type_text(&mut app, "2022");
    assert!(visible_ids(&app)
        .iter()
        .all(|id| app.timeline().event(id).unwrap().years().contains(&2022)));
    assert_eq!(app.filtered().len(), events_where(|e| in_year(e, 2022)));
    app.update(Action::Cancel);
    assert_eq!(
        app.filtered().len(),
        app.timeline().events.len(),
        "Esc drops the live filter"
    );
    assert!(app.query().is_empty());

    app.update(Action::FilterYear);
    type_text(&mut app, "2022");
    app.update(Action::Accept);
    assert_eq!(app.query().to_string(), "year:2022");
    assert_eq!(*app.mode(), Mode::Browse);
    // A new year replaces the old one rather than adding to it.
    app.update(Action::FilterYear);
    type_text(&mut app, "2019");
    app.update(Action::Accept);
    assert_eq!(app.query().to_string(), "year:2019");
}

/// `2019..2021` at the year prompt is a range, as on the command line;
/// while the second year is being typed the first filters alone.
#[test]
fn year_prompt_takes_a_range() {
    let mut app = app();
    app.update(Action::FilterYear);
    type_text(&mut app, "2019..20");
    assert_eq!(app.filtered().len(), events_where(|e| in_year(e, 2019)));
    type_text(&mut app, "21");
    app.update(Action::Accept);
    assert_eq!(app.query().to_string(), "year:2019..2021");
    let expected = tipline::Query::parse("year:2019..2021")
        .unwrap()
        .filter(app.timeline());
    assert_eq!(app.filtered(), expected.as_slice());
    assert!(expected.len() > events_where(|e| in_year(e, 2019)));
    // Backwards is the same range; letters are not typed.
    app.update(Action::FilterYear);
    type_text(&mut app, "2021..x2019");
    app.update(Action::Accept);
    assert_eq!(app.query().to_string(), "year:2019..2021");
}

#[test]
fn year_prompt_steps_through_years_with_events() {
    // Events in 2001, 2003, 2004 and 2010: the years between have none.
    let mut text = String::from("[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n");
    for (i, date) in ["2001-05", "2003", "2004-02-01", "2010"].iter().enumerate() {
        text.push_str(&format!(
            "\n[[events]]\nid = \"e{i}\"\ndate = \"{date}\"\ntitle = \"E{i}\"\nkind = \"law\"\nsummary = \"s\"\n[[events.sources]]\nsource = \"s\"\nquote = \"q\"\n"
        ));
    }
    let t = tipline::load::load(vec![tipline::DataFile {
        name: "years.toml".into(),
        text,
    }])
    .timeline
    .unwrap();
    let mut app = App::new(t, Query::default());
    app.update(Action::Down);
    app.update(Action::FilterYear);
    app.update(Action::NextYear);
    assert_eq!(
        *app.mode(),
        Mode::Year { input: "2003".into() },
        "starts at the selected event's year"
    );
    app.update(Action::NextYear);
    assert_eq!(*app.mode(), Mode::Year { input: "2004".into() });
    app.update(Action::NextYear);
    assert_eq!(
        *app.mode(),
        Mode::Year { input: "2010".into() },
        "years without events are skipped"
    );
    app.update(Action::NextYear);
    assert_eq!(
        *app.mode(),
        Mode::Year { input: "2010".into() },
        "the last year stays"
    );
    app.update(Action::PrevYear);
    assert_eq!(*app.mode(), Mode::Year { input: "2004".into() });
    app.update(Input::Char('x'));
    assert_eq!(
        *app.mode(),
        Mode::Year { input: "2004".into() },
        "only digits are typed"
    );
    // From a range, a step leaves it: after its end, or before its start.
    app.update(Action::Cancel);
    app.update(Action::FilterYear);
    type_text(&mut app, "2003..2004");
    app.update(Action::NextYear);
    assert_eq!(*app.mode(), Mode::Year { input: "2010".into() });
    app.update(Action::Cancel);
    app.update(Action::FilterYear);
    type_text(&mut app, "2003-2004");
    app.update(Action::PrevYear);
    assert_eq!(*app.mode(), Mode::Year { input: "2001".into() });
}

#[test]
fn search_filters_as_you_type_and_enter_keeps_it() {
    let mut app = app();
    app.update(Action::Search);
    type_text(&mut app, "hotl");
    assert!(visible_ids(&app).contains(&"hotline-opened-2022".to_string()));
    assert!(app.filtered().len() < app.timeline().events.len());
    assert_eq!(app.highlights(), vec!["hotl".to_string()]);
    app.update(Action::Erase);
    app.update(Action::Erase);
    app.update(Action::Erase);
    app.update(Action::Erase);
    assert_eq!(
        app.filtered().len(),
        app.timeline().events.len(),
        "erasing widens again"
    );
    type_text(&mut app, "KOH pich");
    let found = visible_ids(&app);
    assert!(found.contains(&"national-day-2022".to_string()), "{found:?}");
    app.update(Action::Accept);
    assert_eq!(app.query().to_string(), "KOH pich");
    assert_eq!(visible_ids(&app), found);
}

#[test]
fn search_escape_drops_it() {
    let mut app = app();
    app.update(Action::Search);
    type_text(&mut app, "zzzz");
    assert!(app.filtered().is_empty());
    app.update(Action::Cancel);
    assert_eq!(app.filtered().len(), app.timeline().events.len());
    assert!(app.query().is_empty());
}

#[test]
fn facet_values_toggle_and_counts_follow_other_facets() {
    let mut app = app();
    crate::common::focus_on(&mut app, Pane::Filter);
    let i = app
        .filter()
        .entries
        .iter()
        .position(|e| e.label == "2024")
        .unwrap();
    crate::common::filter_cursor_to(&mut app, i);
    app.update(Action::Toggle);
    assert_eq!(app.query().to_string(), "year:2024");
    assert_eq!(app.filtered().len(), events_where(|e| in_year(e, 2024)));
    let count = |app: &App, label: &str| {
        app.filter()
            .entries
            .iter()
            .find(|e| e.label == label)
            .unwrap()
            .count
    };
    // Other years keep their full counts: choosing one would add them.
    assert_eq!(count(&app, "2022"), events_where(|e| in_year(e, 2022)));
    // Actor counts are narrowed by the year.
    for (label, id) in [("Sar Kheng", "sar-kheng"), ("Sar Sokha", "sar-sokha")] {
        let in_2024 = events_where(|e| in_year(e, 2024) && names(e, id));
        assert_eq!(count(&app, label), in_2024, "{label}");
    }
    assert!(
        events_where(|e| names(e, "sar-kheng")) > events_where(|e| in_year(e, 2024) && names(e, "sar-kheng")),
        "Sar Kheng has events in other years, so the year narrows his count"
    );
    assert!(app.filter().entries[i].active);
    app.update(Action::Toggle);
    assert!(app.query().is_empty());
}

#[test]
fn actor_picker_matches_names_and_aliases_fuzzily() {
    let mut app = app();
    app.update(Action::PickActor);
    type_text(&mut app, "techo");
    match &app.mode() {
        Mode::Pick(p) => {
            let first = &app.choices().actors[p.matches[0]];
            assert_eq!(first.label, "Hun Sen", "alias 'Samdech Techo Hun Sen' matches");
        }
        other => panic!("{other:?}"),
    }
    app.update(Action::Accept);
    assert_eq!(app.query().to_string(), "actor:hun-sen");
    assert!(visible_ids(&app).contains(&"interfaith-forum-2022".to_string()));
    app.update(Action::PickActor);
    type_text(&mut app, "srkhng");
    app.update(Action::Accept);
    assert_eq!(app.query().to_string(), "actor:hun-sen actor:sar-kheng");
}

#[test]
fn kind_picker_toggles_a_kind() {
    let mut app = app();
    app.update(Action::PickKind);
    type_text(&mut app, "national");
    app.update(Action::Accept);
    assert_eq!(app.query().clauses[0].term, Term::Kind(EventKind::NationalDay));
    assert_eq!(
        app.filtered().len(),
        events_where(|e| e.kind == EventKind::NationalDay)
    );
}

#[test]
fn related_events_are_followed_and_back_returns() {
    let mut app = app();
    app.update(Msg::Goto(String::from("interfaith-day-announced-2022")));
    app.update(Action::FollowRelated(2));
    assert_eq!(selected_id(&app), "interfaith-day-2023");
    app.update(Action::FollowRelated(1));
    assert_eq!(
        selected_id(&app),
        "interfaith-day-announced-2022",
        "announced-by leads back"
    );
    app.update(Action::Back);
    assert_eq!(selected_id(&app), "interfaith-day-2023");
    app.update(Action::Back);
    assert_eq!(selected_id(&app), "interfaith-day-announced-2022");
    app.update(Action::Back);
    assert_eq!(app.status().message.as_deref(), Some("nothing to go back to"));
}

#[test]
fn following_a_filtered_out_event_clears_the_filter_and_back_restores_it() {
    let mut app = app();
    app.update(Msg::Filter(Query::parse("year:2022").unwrap()));
    app.update(Msg::Goto(String::from("interfaith-day-announced-2022")));
    app.update(Action::FollowRelated(2));
    assert_eq!(selected_id(&app), "interfaith-day-2023");
    assert!(app.query().is_empty());
    app.update(Action::Back);
    assert_eq!(app.query().to_string(), "year:2022");
    assert_eq!(selected_id(&app), "interfaith-day-announced-2022");
}

#[test]
fn enter_in_detail_follows_the_first_related_event() {
    let mut app = app();
    app.update(Msg::Goto(String::from("tip-report-2022")));
    app.update(Action::FocusRight);
    assert_eq!(app.focus(), Pane::Detail);
    app.update(Action::Activate);
    assert_eq!(selected_id(&app), "tip-report-2021");
}

#[test]
fn clear_filters_shows_everything() {
    let mut app = app();
    app.update(Msg::Filter(Query::parse("year:2022 kind:law").unwrap()));
    assert!(app.filtered().is_empty());
    app.update(Action::ClearFilters);
    assert_eq!(app.filtered().len(), app.timeline().events.len());
    assert!(app.query().is_empty());
}

#[test]
fn query_text_is_editable_and_errors_are_shown() {
    let mut app = app();
    app.update(Action::EditQuery);
    type_text(&mut app, "kind:lwa");
    app.update(Action::Accept);
    match &app.mode() {
        Mode::EditQuery { error: Some(e), .. } => assert!(e.contains("did you mean `law`"), "{e}"),
        other => panic!("{other:?}"),
    }
    for _ in 0..3 {
        app.update(Action::Erase);
    }
    type_text(&mut app, "law");
    app.update(Action::Accept);
    assert_eq!(app.query().to_string(), "kind:law");
    assert_eq!(app.filtered().len(), events_where(|e| e.kind == EventKind::Law));
    app.update(Action::EditQuery);
    assert_eq!(
        *app.mode(),
        Mode::EditQuery {
            input: "kind:law".into(),
            error: None
        },
        "starts from the filter"
    );
    app.update(Action::Cancel);
    assert_eq!(app.query().to_string(), "kind:law");
}

#[test]
fn every_key_is_safe_on_an_empty_result() {
    let mut app = app();
    app.update(Msg::Filter(Query::parse("zzzz").unwrap()));
    for pane in [Pane::Timeline, Pane::Detail, Pane::Filter] {
        crate::common::focus_on(&mut app, pane);
        for a in [
            Msg::from(Action::Up),
            Msg::from(Action::Down),
            Msg::from(Action::PageUp),
            Msg::from(Action::PageDown),
            Msg::from(Action::Top),
            Msg::from(Action::Bottom),
            Msg::from(Action::Activate),
            Msg::from(Action::Toggle),
            Msg::from(Action::FollowRelated(3)),
            Msg::from(Action::Back),
            Input::Wheel {
                up: false,
                x: 50,
                y: 10,
            }
            .into(),
            Input::Click { x: 50, y: 10 }.into(),
        ] {
            app.update(a);
        }
    }
    // Enter then Space in the filter pane added a value and took it away.
    assert_eq!(app.query().to_string(), "zzzz");
    assert!(app.filtered().is_empty());
    assert!(app.selected_event().is_none());
    assert_eq!(*app.mode(), Mode::Browse);
}

#[test]
fn selection_survives_a_narrowing_filter_or_moves_to_the_next_event() {
    let mut app = app();
    app.update(Msg::Goto(String::from("hotline-opened-2022")));
    app.update(Msg::Filter(Query::parse("year:2022").unwrap()));
    assert_eq!(selected_id(&app), "hotline-opened-2022");
    app.update(Msg::Filter(Query::parse("year:2022 -hotline").unwrap()));
    let next = selected_id(&app);
    let pos = app.timeline().event_position(&next).unwrap();
    assert!(
        pos > app.timeline().event_position("hotline-opened-2022").unwrap(),
        "{next}"
    );
}

#[test]
fn resizing_keeps_the_selection_and_valid_focus() {
    let mut app = app();
    app.update(Msg::Goto(String::from("national-day-2022")));
    app.update(Input::Resize(200, 50));
    app.update(Action::FocusLeft);
    assert_eq!(
        app.focus(),
        Pane::Filter,
        "the filter pane is shown at 200 columns"
    );
    app.update(Input::Resize(90, 30));
    assert_eq!(
        app.focus(),
        Pane::Timeline,
        "the filter pane is hidden at 90 columns"
    );
    for (w, h) in [(0, 0), (20, 5), (200, 50), (80, 24), (1, 100)] {
        app.update(Input::Resize(w, h));
        assert_eq!(selected_id(&app), "national-day-2022");
    }
}

#[test]
fn tab_cycles_panes_available_at_the_size() {
    let mut app = app();
    app.update(Input::Resize(200, 50));
    let mut seen = vec![app.focus()];
    for _ in 0..3 {
        app.update(Action::FocusNext);
        seen.push(app.focus());
    }
    assert_eq!(seen, [Pane::Timeline, Pane::Detail, Pane::Filter, Pane::Timeline]);
    app.update(Action::FocusPrev);
    assert_eq!(app.focus(), Pane::Filter);
    // At 120 columns the filter pane is put away until `f` brings it.
    app.update(Input::Resize(120, 40));
    assert_eq!(app.focus(), Pane::Timeline);
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    assert_eq!(app.focus(), Pane::Timeline, "Timeline, Detail, Timeline");
    app.update(Action::ToggleFilterPane);
    assert_eq!(app.focus(), Pane::Filter);
    assert_eq!(app.focusable(), [Pane::Filter, Pane::Timeline, Pane::Detail]);
    app.update(Action::ToggleFilterPane);
    assert_eq!(app.focusable(), [Pane::Timeline, Pane::Detail]);
}

#[test]
fn help_opens_and_closes_and_q_quits() {
    let mut app = app();
    app.update(Action::Help);
    assert!(matches!(app.mode(), Mode::Help { .. }));
    app.update(Action::CloseHelp);
    assert_eq!(*app.mode(), Mode::Browse);
    app.update(Action::Quit);
    assert!(app.has_quit());
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The action a key means in a mode, if it means one (not typed text).
fn action(km: &Keymap, mode: &Mode, e: KeyEvent) -> Option<Action> {
    match km.msg_for(mode.context(), e)? {
        Msg::Action(a) => Some(a),
        _ => None,
    }
}

#[test]
fn keymap_types_letters_in_prompts_and_binds_them_while_browsing() {
    let km = Keymap::default();
    assert_eq!(
        action(&km, &Mode::Browse, key(KeyCode::Char('q'))),
        Some(Action::Quit)
    );
    let search = Mode::Search { input: "".into() };
    assert_eq!(
        km.msg_for(search.context(), key(KeyCode::Char('q')))
            .map(|m| format!("{m:?}")),
        Some("Input(Char('q'))".to_string())
    );
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for mode in [Mode::Browse, search, Mode::Help { scroll: 0 }] {
        assert_eq!(action(&km, &mode, ctrl_c), Some(Action::Quit), "{mode:?}");
    }
    assert_eq!(
        action(&km, &Mode::Browse, key(KeyCode::Char('3'))),
        Some(Action::FollowRelated(3))
    );
    let shift_g = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
    assert_eq!(action(&km, &Mode::Browse, shift_g), Some(Action::Bottom));
}

#[test]
fn help_is_generated_from_every_binding() {
    let km = Keymap::default();
    let rows = km.help_rows_in(&Context::ALL);
    for b in km.bindings.iter().filter(|b| !b.help.is_empty()) {
        let keys = b.keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ");
        let found = rows.iter().any(|(c, k, h)| {
            *c == b.context
                && *h == b.help
                && (*k == keys || h.starts_with("follow") || h.starts_with("pick option"))
        });
        assert!(found, "{:?} {keys} missing from help", b.action);
    }
    assert!(rows.iter().any(|(c, k, _)| *c == Context::Browse && k == "1…9"));
    assert!(rows.iter().any(|(c, k, h)| *c == Context::Quiz
        && k == "a…d"
        && *h == "pick option A, B, C or D of a question"));
}

#[test]
fn config_rebinds_keys_and_sets_theme_and_mouse() {
    use tipline::app::config;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config/good.toml");
    let c = config::load(&path).unwrap();
    assert_eq!(c.theme, Some(tipline::app::theme::ThemeName::Light));
    assert_eq!(c.mouse, Some(false));
    let km = c.keymap.unwrap();
    assert_eq!(
        action(&km, &Mode::Browse, key(KeyCode::Char('s'))),
        Some(Action::Search)
    );
    assert_eq!(
        action(&km, &Mode::Browse, key(KeyCode::Char('/'))),
        Some(Action::Search)
    );
    assert_eq!(
        action(&km, &Mode::Browse, key(KeyCode::Char('K'))),
        Some(Action::PickKind)
    );
    assert_eq!(
        action(&km, &Mode::Browse, key(KeyCode::Char('t'))),
        None,
        "the old key is free"
    );
    assert!(
        km.help_rows()
            .iter()
            .any(|(_, k, h)| k == "s /" && h.starts_with("search")),
        "help follows"
    );
}

#[test]
fn config_problems_are_all_reported_with_positions() {
    use tipline::app::config;
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config/bad.toml");
    let problems = config::load(&path).unwrap_err();
    let found: Vec<(usize, usize, String)> = problems
        .iter()
        .map(|d| (d.line, d.column, d.message.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            (1, 9, "unknown theme `lihgt`".to_string()),
            (
                2,
                9,
                "`mouse` has the wrong type: expected true or false".to_string()
            ),
            (
                5,
                10,
                "key `t` is bound to both `search` and `pick-kind` in browse".to_string()
            ),
            (6, 1, "unknown action `pick-kidn` for browse".to_string()),
            (7, 6, "cannot read key `Ctrl-zz`".to_string()),
        ]
    );
    assert!(problems[0].file.ends_with("bad.toml"));
    assert_eq!(problems[3].help.as_deref(), Some("did you mean `pick-kind`?"));
    assert!(
        config::load(std::path::Path::new("/no/such/config.toml"))
            .unwrap()
            .keymap
            .is_none(),
        "no file, no config"
    );
}

#[test]
fn readme_keys_tables_are_the_key_table() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme
        .find("<!-- keys:start -->\n")
        .expect("README has a keys:start marker")
        + 20;
    let end = readme
        .find("<!-- keys:end -->")
        .expect("README has a keys:end marker");
    let generated = Keymap::default().markdown();
    if readme[start..end] != generated {
        // Print what belongs there, to paste in.
        println!("{generated}");
        panic!("README's keys tables differ from the key table; the expected text is printed above");
    }
}

#[test]
fn mouse_click_selects_and_focuses_and_wheel_scrolls() {
    // Two events in 2001, then 2003, 2004, 2010; summaries long enough to scroll.
    let long = "word ".repeat(400);
    let mut text = String::from("[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n");
    for (i, date) in ["2001-05", "2001-06", "2003", "2004-02-01", "2010"]
        .iter()
        .enumerate()
    {
        text.push_str(&format!(
            "\n[[events]]\nid = \"e{i}\"\ndate = \"{date}\"\ntitle = \"E{i}\"\nkind = \"law\"\nsummary = \"{long}\"\n[[events.sources]]\nsource = \"s\"\nquote = \"q\"\n"
        ));
    }
    let t = tipline::load::load(vec![tipline::DataFile {
        name: "mouse.toml".into(),
        text,
    }])
    .timeline
    .unwrap();
    let mut app = App::new(t, Query::default());
    // Where the panes are at 160x40, below the strip.
    app.update(Input::Resize(160, 40));
    let r = app.regions();
    let (t, f) = (r.timeline.unwrap(), r.filter.unwrap());
    // Inside the timeline: the 2001 heading, two 2001 events, the 2003 heading...
    app.update(Input::Click {
        x: t.x + 5,
        y: t.y + 3,
    });
    assert_eq!(app.focus(), Pane::Timeline);
    assert_eq!(app.selected(), 1);
    app.update(Input::Click {
        x: t.x + 5,
        y: t.y + 4,
    });
    assert_eq!(app.selected(), 1, "a click on a year heading selects nothing new");
    let d = r.detail.unwrap();
    app.update(Input::Click {
        x: d.x + 2,
        y: d.y + 2,
    });
    assert_eq!(app.focus(), Pane::Detail);
    app.update(Input::Wheel {
        up: false,
        x: d.x + 2,
        y: d.y + 2,
    });
    assert_eq!(app.detail().scroll, 3, "the wheel scrolls the pane under it");
    assert_eq!(app.selected(), 1, "and leaves the selection alone");
    // Inside the filter: the Year heading, then 2001, 2003...
    app.update(Input::Click {
        x: f.x + 3,
        y: f.y + 3,
    });
    assert_eq!(app.focus(), Pane::Filter);
    assert_eq!(
        app.filter().entries[app.filter().cursor].label,
        "2003",
        "second year under the heading"
    );
    // The wheel over the timeline moves the selection, whichever pane has the keyboard.
    app.update(Input::Wheel {
        up: false,
        x: t.x + 5,
        y: t.y + 6,
    });
    assert_eq!(app.selected(), 4, "three down from the second event, at the last");
}

#[test]
fn an_event_is_in_an_era_only_when_it_lies_wholly_within() {
    let t = crate::common::world();
    let eras = |id: &str| {
        t.eras_of(t.event(id).unwrap())
            .map(|e| e.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        eras("complaints-figures-aug-sep-2022"),
        ["tip-tier-3-years", "crackdown-2022"]
    );
    assert_eq!(eras("tip-report-2023"), ["tip-tier-3-years"]);
    assert!(
        eras("licadho-comment-2022").is_empty(),
        "known only to the year: it may predate July 2022"
    );
    assert_eq!(eras("tip-report-2020"), ["tip-watch-list-years"]);
}

#[test]
fn config_rebinds_any_context_but_never_ctrl_c_or_the_way_out() {
    use tipline::app::config;
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/config/contexts.toml"
    ))
    .unwrap();
    let problems = config::parse("contexts.toml", &text).unwrap_err();
    let found: Vec<(usize, usize, String)> = problems
        .iter()
        .map(|d| (d.line, d.column, d.message.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                3,
                8,
                "`quit` needs a key: without one there is no way out of present".to_string()
            ),
            (6, 8, "Ctrl-C always quits and cannot be rebound".to_string()),
            (11, 7, "unknown key context `sideways`".to_string()),
        ]
    );
    // Without those three, the other contexts rebind.
    let good = "[keys.present]\nnext-stop = [\"n\", \"F6\"]\n\n[keys.quiz]\ngrab = \"g\"\n";
    let km = config::parse("good.toml", good).unwrap().keymap.unwrap();
    let f5 = KeyEvent::new(KeyCode::F(6), KeyModifiers::NONE);
    assert!(matches!(
        km.msg_for(Context::Present, f5),
        Some(Msg::Action(Action::NextStop))
    ));
    let g = key(KeyCode::Char('g'));
    assert!(matches!(
        km.msg_for(Context::Quiz, g),
        Some(Msg::Action(Action::Grab))
    ));
    assert!(
        km.msg_for(Context::Quiz, key(KeyCode::Char(' '))).is_none(),
        "the old key is free"
    );
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(matches!(
        km.msg_for(Context::Notes, ctrl_c),
        Some(Msg::Action(Action::Quit))
    ));
}

#[test]
fn moving_focus_on_a_screen_too_small_for_panes_does_nothing() {
    // Found by the render fuzz target: a screen 46 wide and 0 high.
    let mut app = app();
    app.update(Input::Resize(46, 0));
    for a in [
        Action::FocusNext,
        Action::FocusPrev,
        Action::FocusLeft,
        Action::FocusRight,
    ] {
        app.update(a);
        assert_eq!(app.focus(), Pane::Timeline, "{a:?}");
    }
}
