//! The actors an event's quotes name, against those it lists: each case of
//! the fixture with its exact message at the name's or the entry's line and
//! column.

use tipline::load::{load, load_checking, DataFile};

fn checked(file: &str) -> Vec<String> {
    let file = DataFile::read(&crate::common::fixture(file)).unwrap();
    let loaded = load_checking(vec![file], &mut |_, _| {}, true);
    assert!(loaded.timeline.is_some(), "these are warnings: the file loads");
    loaded
        .diagnostics
        .iter()
        .map(|d| d.to_string().lines().next().unwrap().to_string())
        .collect()
}

#[test]
fn a_quote_naming_an_actor_the_event_neither_lists_nor_explains_is_reported() {
    let f = format!("{}/tests/fixtures/acting.toml", env!("CARGO_MANIFEST_DIR"));
    assert_eq!(
        checked("acting.toml"),
        [
            format!("{f}:47:64: warning: the quote of `post` names Sar Kheng (`sar-kheng`), whom the event does not list in `actors`"),
            format!("{f}:67:13: warning: `not_acting` names `un`, whom none of the event's quotes names"),
        ]
    );
}

#[test]
fn the_warning_says_what_to_do() {
    let file = DataFile::read(&crate::common::fixture("acting.toml")).unwrap();
    let loaded = load_checking(vec![file], &mut |_, _| {}, true);
    let helps: Vec<&str> = loaded
        .diagnostics
        .iter()
        .filter_map(|d| d.help.as_deref())
        .collect();
    assert_eq!(
        helps,
        [
            "if Sar Kheng acts in the event (speaks, signs, leads, is sanctioned ...), add \"sar-kheng\" to its `actors`; if not, say why: not_acting = [{ actor = \"sar-kheng\", why = \"...\" }]",
            "`not_acting` says why a name in a quote is not an actor of the event: remove the entry",
        ]
    );
}

#[test]
fn loading_for_the_app_does_not_look() {
    let file = DataFile::read(&crate::common::fixture("acting.toml")).unwrap();
    assert!(load(vec![file]).diagnostics.is_empty());
}

/// The fixture with one event's `actors` line replaced.
fn with_actors(event: &str, actors: &str) -> Vec<String> {
    let text = std::fs::read_to_string(crate::common::fixture("acting.toml")).unwrap();
    let at = text.find(&format!("id = \"{event}\"")).unwrap();
    let kind = at + text[at..].find("kind = ").unwrap();
    let line_end = kind + text[kind..].find('\n').unwrap() + 1;
    let mut edited = text.clone();
    edited.insert_str(line_end, &format!("{actors}\n"));
    let loaded = load_checking(
        vec![DataFile {
            name: "edited.toml".into(),
            text: edited,
        }],
        &mut |_, _| {},
        true,
    );
    loaded
        .diagnostics
        .iter()
        .map(|d| d.message.clone())
        .filter(|m| m.starts_with("the quote of"))
        .collect()
}

#[test]
fn listing_the_actor_or_saying_why_settles_the_warning() {
    let warned =
        "the quote of `post` names Sar Kheng (`sar-kheng`), whom the event does not list in `actors`";
    assert_eq!(with_actors("appeal-unlisted", ""), [warned]);
    assert!(with_actors("appeal-unlisted", "actors = [\"sar-kheng\"]").is_empty());
    assert!(with_actors(
        "appeal-unlisted",
        "not_acting = [{ actor = \"sar-kheng\", why = \"named as the speaker of another day\" }]"
    )
    .is_empty());
}

#[test]
fn names_match_by_alias_in_any_case_and_only_as_whole_words() {
    // "Kheng's" names Sar Kheng by his alias; "un-named" is no UN, whose
    // abbreviation counts only in capitals.
    let text = std::fs::read_to_string(crate::common::fixture("acting.toml")).unwrap();
    let edited = text.replace("actors = [\"sar-kheng\"]\nnot_acting", "not_acting");
    let loaded = load_checking(
        vec![DataFile {
            name: "edited.toml".into(),
            text: edited,
        }],
        &mut |_, _| {},
        true,
    );
    let said: Vec<String> = loaded.diagnostics.iter().map(|d| d.message.clone()).collect();
    assert_eq!(
        said,
        [
            "the quote of `post` names Sar Kheng (`sar-kheng`), whom the event does not list in `actors`",
            "the quote of `post` names Sar Kheng (`sar-kheng`) as \"Kheng\", whom the event does not list in `actors`",
            "`not_acting` names `un`, whom none of the event's quotes names",
        ]
    );
}
