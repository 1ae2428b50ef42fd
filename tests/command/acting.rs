//! The actor filter and the actors quotes name: `list --actor` finds an
//! event whose quote names the actor once the event lists them, and
//! `check` says so while it does not.

use assert_cmd::Command;

fn tipline() -> Command {
    Command::cargo_bin("tipline").unwrap()
}

fn ids(data: &str, args: &[&str]) -> Vec<String> {
    let out = tipline()
        .args(["--data", data, "list", "--format", "csv"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .skip(1)
        .map(|row| row.split(',').next().unwrap().to_string())
        .collect()
}

const UNLISTED: &str =
    "warning: the quote of `post` names Sar Kheng (`sar-kheng`), whom the event does not list in `actors`";

#[test]
fn an_event_whose_quote_names_an_actor_it_does_not_list_is_warned_of_and_not_found_by_the_actor() {
    let data = crate::common::fixture("acting.toml");
    let data = data.to_str().unwrap();
    assert_eq!(
        ids(data, &["--actor", "Sar Kheng"]),
        ["appeal-listed", "letter-answered"]
    );
    let check = tipline().args(["check", data]).output().unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "warnings alone pass without --strict"
    );
    let strict = tipline().args(["check", "--strict", data]).output().unwrap();
    assert_eq!(strict.status.code(), Some(1));
    let err = String::from_utf8(strict.stderr).unwrap();
    assert!(err.contains(&format!("acting.toml:47:64: {UNLISTED}")), "{err}");
    assert!(
        err.contains(
            "47 | quote = \"The day's theme was cooperation. Minister of Interior SAR KHENG appealed again\""
        ),
        "{err}"
    );
    assert!(
        err.contains(" = help: if Sar Kheng acts in the event (speaks, signs, leads, is sanctioned ...), add \"sar-kheng\" to its `actors`; if not, say why: not_acting = [{ actor = \"sar-kheng\", why = \"...\" }]"),
        "{err}"
    );
    assert!(String::from_utf8(strict.stdout)
        .unwrap()
        .ends_with(": 4 events, 0 error(s), 2 warning(s)\n"));
}

#[test]
fn once_the_event_lists_the_actor_the_actor_filter_and_facet_find_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(crate::common::fixture("acting.toml")).unwrap();
    let unlisted = "title = \"An appeal whose speaker is not listed\"\nkind = \"statement\"\n";
    assert!(text.contains(unlisted));
    let listed = text.replace(unlisted, &format!("{unlisted}actors = [\"sar-kheng\"]\n"));
    let path = dir.path().join("listed.toml");
    std::fs::write(&path, listed).unwrap();
    let data = path.to_str().unwrap();
    assert_eq!(
        ids(data, &["--actor", "Sar Kheng"]),
        ["appeal-listed", "appeal-unlisted", "letter-answered"]
    );
    let facets = tipline().args(["--data", data, "facets"]).output().unwrap();
    let facets = String::from_utf8(facets.stdout).unwrap();
    assert!(
        facets.contains("Actors\n  Sar Kheng (sar-kheng)    3\n"),
        "{facets}"
    );
    let check = tipline().args(["check", data]).output().unwrap();
    let err = String::from_utf8(check.stderr).unwrap();
    assert!(!err.contains(UNLISTED), "{err}");
    assert!(
        err.contains("warning: `not_acting` names `un`, whom none of the event's quotes names"),
        "{err}"
    );
}
