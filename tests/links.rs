//! Links between events read both ways, sources chosen, opened and copied
//! from the detail pane.

use std::path::Path;
use tipline::app::{Action, App, Input, Msg};
use tipline::load::{load, DataFile};
use tipline::query::Query;
use tipline::timeline::model::Timeline;

fn fixture() -> Timeline {
    let file = DataFile::read(Path::new("tests/fixtures/links.toml")).unwrap();
    load(vec![file]).timeline.expect("the links fixture loads")
}

fn app() -> App {
    let mut app = App::new(fixture(), Query::default());
    app.update(Input::Resize(120, 40));
    app
}

fn selected_id(app: &App) -> String {
    app.selected_event().map(|e| e.id.clone()).unwrap_or_default()
}

/// (other event's id, words, inward) for each link of an event.
fn links_of(t: &Timeline, id: &str) -> Vec<(String, &'static str, bool)> {
    let at = t.event_position(id).unwrap();
    t.links(at)
        .into_iter()
        .map(|l| (t.events[l.position].id.clone(), l.words, l.inward))
        .collect()
}

#[test]
fn an_event_lists_the_events_that_point_at_it() {
    let t = fixture();
    assert_eq!(
        links_of(&t, "law-2020"),
        vec![
            ("plan-2021".to_string(), "followed by", true),
            ("reply-2022".to_string(), "answered by", true),
        ]
    );
    assert_eq!(
        links_of(&t, "plan-2021"),
        vec![
            ("law-2020".to_string(), "follows", false),
            ("reply-2022".to_string(), "see also", true),
        ]
    );
    assert_eq!(links_of(&t, "review-2023"), vec![]);
}

#[test]
fn a_link_stated_both_ways_is_listed_once() {
    let t = fixture();
    // reply-2022 states both of its links; neither comes back as inward.
    assert_eq!(
        links_of(&t, "reply-2022"),
        vec![
            ("law-2020".to_string(), "responds to", false),
            ("plan-2021".to_string(), "see also", false),
        ]
    );
}

#[test]
fn inward_links_are_followed_by_number_and_back_returns() {
    let mut app = app();
    app.update(Msg::Goto("law-2020".into()));
    app.update(Action::FollowRelated(2));
    assert_eq!(selected_id(&app), "reply-2022");
    app.update(Action::Back);
    assert_eq!(selected_id(&app), "law-2020");
    app.update(Action::FollowRelated(3));
    assert_eq!(
        app.status.message.as_deref(),
        Some("this event has no related event 3")
    );
    assert_eq!(selected_id(&app), "law-2020");
}
