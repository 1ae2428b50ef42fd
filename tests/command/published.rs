//! Dates of publication read from a page's address
//! (`tests/fixtures/address_dates.toml`): `check` warns of an address with
//! a date and a source with no `published`, and of a date said to be the
//! address's that is not; `show` and the copied citation say where such a
//! date came from.

use crate::common::fixture;
use assert_cmd::Command;

fn tipline() -> Command {
    Command::cargo_bin("tipline").unwrap()
}

#[test]
fn check_warns_of_an_undated_address_and_of_dates_the_address_does_not_give() {
    let data = fixture("address_dates.toml");
    let data = data.to_str().unwrap();
    let check = tipline().args(["check", data]).output().unwrap();
    assert_eq!(
        check.status.code(),
        Some(0),
        "warnings alone pass without --strict"
    );
    let strict = tipline().args(["check", "--strict", data]).output().unwrap();
    assert_eq!(strict.status.code(), Some(1));
    let err = String::from_utf8(strict.stderr).unwrap();
    let warnings: Vec<&str> = err.lines().filter(|l| l.contains(": warning: ")).collect();
    assert_eq!(
        warnings,
        [
            format!("{data}:10:7: warning: the address of `star-undated` gives the date 2025-10-14, and the source has no `published`"),
            format!("{data}:26:18: warning: `guardian-wrong-day` says its `published` date is read from the address, but the address gives 2026-01-21, not 2026-01-22"),
            format!("{data}:34:18: warning: `mekong-month` says its `published` date is read from the address, but the address gives 2026-02, not 2026-02-03"),
            format!("{data}:42:18: warning: `ngo-no-date` says its `published` date is read from the address, but the address gives no date"),
        ],
        "{err}"
    );
    assert!(
        err.contains(
            " = help: if 2025-10-14 is when the page was published, add published = \"2025-10-14\" and published_from = \"address\""
        ),
        "{err}"
    );
    assert!(err.contains("34 | published_from = \"address\""), "{err}");
    assert!(String::from_utf8(strict.stdout)
        .unwrap()
        .ends_with(": 1 events, 0 error(s), 4 warning(s)\n"));
}

#[test]
fn published_from_needs_a_published_date_and_one_of_its_words() {
    let data = fixture("published_from_errors.toml");
    let data = data.to_str().unwrap();
    let check = tipline().args(["check", data]).output().unwrap();
    assert_eq!(check.status.code(), Some(1));
    let err = String::from_utf8(check.stderr).unwrap();
    assert!(
        err.contains(&format!(
            "{data}:9:18: error: `published_from` says where the `published` date was found, and this source has no `published`"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{data}:17:18: error: unknown published_from `adress`")),
        "{err}"
    );
    assert!(
        err.contains(" = help: did you mean `address`? expected one of: material, address"),
        "{err}"
    );
}

#[test]
fn show_gives_each_source_its_date_and_says_which_came_from_the_address() {
    let data = fixture("address_dates.toml");
    let out = tipline()
        .args(["--data", data.to_str().unwrap(), "show", "sanctions-take-effect"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(
            "  [2] “Sanctions take effect”\n      — The Star, Sanctions take effect, 15 October 2025 (date from the address)\n"
        ),
        "{text}"
    );
    // A date the material gives is said as it is, whatever the address says.
    assert!(
        text.contains("      — A wire service, Raid reported, 13 October 2025\n"),
        "{text}"
    );
    assert!(text.contains("      — The Star, Sanctions announced\n"), "{text}");
    let json = tipline()
        .args([
            "--data",
            data.to_str().unwrap(),
            "show",
            "sanctions-take-effect",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let said: Vec<(&str, &str, &str)> = json["sources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["published"].is_null())
        .map(|s| {
            let field = |k: &str| s[k].as_str().unwrap();
            (field("source"), field("published"), field("published_from"))
        })
        .collect();
    assert_eq!(
        said,
        [
            ("star-dated", "2025-10-15", "address"),
            ("guardian-wrong-day", "2026-01-22", "address"),
            ("mekong-month", "2026-02-03", "address"),
            ("ngo-no-date", "2024", "address"),
            ("wire-own-date", "2025-10-13", "material"),
        ]
    );
    assert!(json["sources"][0]["published_from"].is_null());
}

#[test]
fn the_sources_export_keeps_a_date_read_from_the_address_as_such() {
    let data = fixture("address_dates.toml");
    let out = tipline()
        .args([
            "--data",
            data.to_str().unwrap(),
            "export",
            "sources",
            "--format",
            "ris",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let ris = String::from_utf8(out.stdout).unwrap();
    let record = ris
        .split("ER  - ")
        .find(|r| r.contains("ID  - star-dated\r\n"))
        .unwrap();
    assert!(record.contains("PY  - 2025\r\nDA  - 2025/10/15\r\n"), "{record}");
    assert!(
        record.contains("N1  - Publication date read from the address\r\n"),
        "{record}"
    );
    let own = ris
        .split("ER  - ")
        .find(|r| r.contains("ID  - wire-own-date\r\n"))
        .unwrap();
    assert!(own.contains("DA  - 2025/10/13\r\n"), "{own}");
    assert!(!own.contains("read from the address"), "{own}");
}
