//! The embedded dataset is what users trust: it must load without a single
//! error or warning, every event must be sourced, and every quote must be
//! found, word for word, in the material it cites.

#[path = "common/one_answer.rs"]
mod one_answer;

use std::collections::BTreeSet;
use std::path::PathBuf;
use tipline::load::{load, DataFile};
use tipline::timeline::model::{Corroboration, EventKind, Timeline};

fn timeline() -> Timeline {
    tipline::load::load_embedded()
}

#[test]
fn embedded_data_has_no_errors_and_no_warnings() {
    let loaded = load(DataFile::embedded());
    let shown: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(shown.is_empty(), "{}", shown.join("\n"));
}

#[test]
fn every_event_has_a_source_with_a_quote() {
    for e in &timeline().events {
        assert!(!e.sources.is_empty(), "{} has no source", e.id);
        for c in &e.sources {
            assert!(!c.quote.trim().is_empty(), "{} has an empty quote", e.id);
        }
    }
}

/// docs/dataset.md opens with what the dataset holds; that sentence is
/// read back and must agree with the data, whatever is added to it.
#[test]
fn docs_state_what_the_dataset_holds() {
    let t = timeline();
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/dataset.md")).unwrap();
    let opening = doc.split("\n\n").nth(1).unwrap().replace('\n', " ");
    let first = t.events.iter().map(|e| e.date.year_number()).min().unwrap();
    let last = t.events.iter().map(|e| e.date.year_number()).max().unwrap();
    let expected = format!(
        "The dataset compiled into the binary holds **{} events from {first} to {last}**, citing {} \
         sources and naming {} actors, with {} eras, {} yearly observances and a glossary of {} terms.",
        t.events.len(),
        t.sources.len(),
        t.actors.len(),
        t.eras.len(),
        t.observances.len(),
        t.terms().len()
    );
    assert!(
        opening.starts_with(&expected),
        "docs/dataset.md says:\n{opening}\nthe data:\n{expected}"
    );
}

#[test]
fn every_term_is_defined_and_sourced_and_named_in_the_data() {
    let t = timeline();
    for term in t.terms() {
        assert!(!term.sources.is_empty(), "{} has no source", term.id);
        // Its last sentence ends with a full stop, then its citation markers.
        let text = term
            .definition
            .trim_end_matches(|c: char| c.is_ascii_digit() || "[], ".contains(c));
        assert!(text.ends_with('.'), "{}: {}", term.id, term.definition);
        assert!(
            term.definition.ends_with(']'),
            "{}: no citation marker: {}",
            term.id,
            term.definition
        );
    }
    // Terms readers meet in the events are found there.
    let named = |id: &str| {
        t.events
            .iter()
            .filter(|e| t.terms_of(e).iter().any(|x| x.id == id))
            .count()
    };
    for id in [
        "tip-report",
        "tier-2-watch-list",
        "tier-3",
        "ncct",
        "actip",
        "commit",
        "gcm",
    ] {
        assert!(named(id) > 0, "no event names {id}");
    }
    let watch = t.event("tip-report-2022").unwrap();
    let ids: Vec<&str> = t.terms_of(watch).iter().map(|x| x.id.as_str()).collect();
    assert!(ids.contains(&"tier-3"), "{ids:?}");
    assert!(!ids.contains(&"tier-2"), "{ids:?}");
}

#[test]
fn covers_every_year_from_2001_to_2026() {
    let years: BTreeSet<i32> = timeline().events.iter().map(|e| e.date.year_number()).collect();
    for y in 2001..=2026 {
        assert!(years.contains(&y), "no event starts in {y}");
    }
}

#[test]
fn tip_ranking_for_every_year_2001_to_2025() {
    let t = timeline();
    for y in 2001..=2025 {
        let rankings: Vec<_> = t
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Ranking && e.date.year_number() == y)
            .collect();
        assert_eq!(rankings.len(), 1, "{y}");
        assert!(rankings[0].ranking.is_some(), "{y} ranking has no tier");
    }
    // The material ends in spring 2026, before that year's report.
    assert!(
        !t.events
            .iter()
            .any(|e| e.kind == EventKind::Ranking && e.date.year_number() > 2025),
        "a ranking after 2025, which no source gives"
    );
    let downgrade = t.event("tip-report-2022").unwrap();
    assert_eq!(downgrade.date.to_string(), "2022-07-19");
    assert_eq!(downgrade.ranking.as_deref(), Some("Tier 3"));
}

#[test]
fn dates_keep_the_precision_of_the_material() {
    let t = timeline();
    let iso = |id: &str| t.event(id).unwrap().date.to_string();
    assert_eq!(iso("first-national-day-2007"), "2007-12");
    assert_eq!(iso("national-day-2018"), "2018");
    assert_eq!(iso("ncct-survey-causes-2022"), "2022");
    assert_eq!(iso("national-day-2022"), "2022-12-12");
    assert_eq!(iso("interfaith-day-2023"), "2023-08-20");
    let aug_nov = t.event("victims-figures-aug-nov-2022").unwrap();
    assert_eq!(aug_nov.end.unwrap().to_string(), "2022-11");
}

#[test]
fn officials_figures_are_attributed() {
    for e in &timeline().events {
        for f in &e.figures {
            let attributed = f.according_to.is_some() || e.summary.starts_with("According to");
            assert!(
                attributed,
                "{}: figure `{}` has no one it is according to",
                e.id, f.label
            );
        }
    }
}

#[test]
fn unverified_facts_are_marked_single_source() {
    let t = timeline();
    for id in ["national-day-2018", "ncct-survey-causes-2022"] {
        assert_eq!(
            t.event(id).unwrap().corroboration,
            Corroboration::SingleSource,
            "{id}"
        );
    }
}

#[test]
fn announcement_links_to_the_observance_it_announces() {
    let t = timeline();
    let a = t.event("interfaith-day-announced-2022").unwrap();
    assert!(a
        .related
        .iter()
        .any(|l| l.event == "interfaith-day-2023" && l.relation.as_str() == "announces"));
}

/// The material the dataset was built from, beside the project (the build
/// script looks for it and says where).
fn material_dir() -> PathBuf {
    PathBuf::from(env!("TIPLINE_SHARED_DIR"))
}

/// Whether the environment says this is a CI run.
fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// Without the material the quote check is ignored, which a person sees in
/// the test summary; a CI run must not pass that way.
#[test]
fn ci_has_the_source_material() {
    let research = material_dir().join("research");
    assert!(
        !in_ci() || research.is_dir(),
        "CI must have the source material beside the project: {} is missing",
        research.display()
    );
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Which seed text each seed-based source is.
const SEED_FILES: &[(&str, &str)] = &[
    ("pressocm-pgc-2019-speech", "000_50d6b9d060633f8f.txt"),
    ("akp-pgc-2019", "001_3176c707e3b3e792.txt"),
    ("ppp-interfaith-day-set", "002_aabc4c0c7a325eb7.txt"),
    ("ppp-sar-kheng-borders", "003_03e9751d1a1b7eb2.txt"),
    ("report-18th-national-day-2024", "004_fcc0bbe20b5887f6.txt"),
];

/// The number of the excerpt (1, 2, ...) in a row of the research notes
/// that holds `quote` under the address `key`: the quote must stand between
/// that address and the next one. `checked`: the row ends in a check column.
fn excerpt_number(row: &str, key: &str, quote: &str, checked: bool) -> Option<usize> {
    let cells: Vec<&str> = row.trim().trim_matches('|').split(" | ").collect();
    let evidence = normalise(cells.get(cells.len().checked_sub(1 + usize::from(checked))?)?);
    let openings: Vec<usize> = [": \"", "; \"", " and \""]
        .iter()
        .flat_map(|o| evidence.match_indices(o).map(|(i, m)| i + m.len()))
        .collect();
    for (at, _) in evidence.match_indices(key) {
        let rest = &evidence[at + key.len()..];
        let end = rest.find("http").map_or(evidence.len(), |i| at + key.len() + i);
        if let Some(q) = evidence[at..end].find(quote) {
            let q = at + q;
            return Some(openings.iter().filter(|&&o| o <= q).count());
        }
    }
    None
}

#[test]
fn excerpts_are_numbered_by_their_place_in_the_row() {
    let row = "| x | 2023 | Y | H | http://a.example/p: \"one\"; \"two words\"; https://b.example/q: \"three\" and \"four\" | [1] OK; [2] OK; [3] OK; [4] UNCONFIRMED |";
    assert_eq!(excerpt_number(row, "a.example/p", "two words", true), Some(2));
    assert_eq!(excerpt_number(row, "b.example/q", "four", true), Some(4));
    assert_eq!(
        excerpt_number(row, "b.example/q", "one", true),
        None,
        "not under that address"
    );
    assert_eq!(
        excerpt_number(row, "a.example/p", "three", true),
        None,
        "under the next address"
    );
}

/// Where the notes place a quoted page: its address without scheme, "www."
/// or a closing slash, as the notes write it.
fn address_key(url: &str) -> &str {
    let bare = url
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.")
        .trim_end_matches('/');
    bare.split(' ').next().unwrap_or(bare)
}

#[test]
#[cfg_attr(
    not(shared_material),
    ignore = "the source material ../shared/ is not beside the project"
)]
fn every_quote_is_verbatim_in_the_material_it_cites() {
    let dir = material_dir();
    let corroboration = std::fs::read_to_string(dir.join("research/corroboration.md")).unwrap();
    let expansion = std::fs::read_to_string(dir.join("research/expansion.md")).unwrap()
        + &std::fs::read_to_string(dir.join("research/expansion2.md")).unwrap();
    let t = timeline();
    let mut wrong = Vec::new();
    let cited = t
        .events
        .iter()
        .map(|e| (e.id.as_str(), &e.sources))
        .chain(t.eras.iter().map(|e| (e.id.as_str(), &e.sources)))
        .chain(t.observances.iter().map(|o| (o.id.as_str(), &o.sources)));
    for (id, sources) in cited {
        for c in sources {
            let quote = normalise(&c.quote);
            let found = match SEED_FILES.iter().find(|(id, _)| *id == c.source) {
                Some((_, file)) => normalise(&std::fs::read_to_string(dir.join("seeds").join(file)).unwrap())
                    .contains(&quote),
                None => {
                    let source = t.source(&c.source);
                    let url = source
                        .and_then(|s| s.url.clone().or(s.locator.clone()))
                        .unwrap_or_default();
                    let key = address_key(&url);
                    // In corroboration.md: the row that gives the address, or a
                    // "same page" row after it.
                    let mut on_page = false;
                    let in_corroboration = corroboration.lines().any(|l| {
                        on_page = l.contains(key) || (on_page && l.contains("same page"));
                        on_page && normalise(l).contains(&quote)
                    });
                    !key.is_empty() && (in_corroboration || in_checked_rows(&expansion, key, &quote))
                }
            };
            if !found {
                wrong.push(format!("{id} cites {}: {:?}", c.source, c.quote));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "quotes not found verbatim:\n{}",
        wrong.join("\n")
    );
}

/// Whether a row of expansion.md or expansion2.md holds `quote` under the
/// address `key`, as an excerpt its check column marks "OK" or "OK (second
/// check)" (never "SEEN ONCE" or "UNCONFIRMED").
fn in_checked_rows(material: &str, key: &str, quote: &str) -> bool {
    material.lines().filter(|l| l.starts_with('|')).any(|l| {
        excerpt_number(l, key, quote, true).is_some_and(|n| {
            let check = l.trim().trim_end_matches('|').rsplit(" | ").next().unwrap_or("");
            check.contains(&format!("[{n}] OK"))
        })
    })
}

#[test]
fn only_excerpts_checked_ok_count() {
    let row = "| x | 2026 | D | H | https://a.example/p (A): \"one\"; same page: \"two\"; https://b.example/q: \"three\" | [1] OK; [2] OK (second check); [3] UNCONFIRMED (second check: page not returned). |";
    assert!(in_checked_rows(row, "a.example/p", "one"));
    assert!(in_checked_rows(row, "a.example/p", "two"));
    assert!(!in_checked_rows(row, "b.example/q", "three"));
}

/// The excerpts of the glossary material's rows, each with its number in
/// the row, the address it stands under and whether its check says
/// "verified": rows are `| term | definition | 1. ADDRESS: "excerpt"<br>2.
/// ... | 1. verified (...)<br>2. ... |`.
fn glossary_excerpts(material: &str) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for row in material.lines().filter(|l| l.starts_with("| **")) {
        let cells: Vec<&str> = row.trim().trim_matches('|').split(" | ").collect();
        let [.., sources, checks] = cells.as_slice() else {
            continue;
        };
        let checks: Vec<&str> = checks.split("<br>").map(str::trim).collect();
        for (i, item) in sources.split("<br>").enumerate() {
            let n = i + 1;
            let Some(item) = item.trim().strip_prefix(&format!("{n}. ")) else {
                continue;
            };
            let Some((url, rest)) = item.split_once(": \"") else {
                continue;
            };
            let Some(excerpt) = rest.strip_suffix('"') else {
                continue;
            };
            let verified = checks
                .get(i)
                .is_some_and(|c| c.starts_with(&format!("{n}. verified")));
            out.push((url.to_string(), excerpt.to_string(), verified));
        }
    }
    out
}

#[test]
fn glossary_rows_are_read_excerpt_by_excerpt() {
    let row = "| **T** | d | 1. https://a.example/p: \"one “two”\"<br>2. http://b.example/q?x=1: \"three\" | 1. verified (P1)<br>2. not found (V2) |";
    assert_eq!(
        glossary_excerpts(row),
        [
            ("https://a.example/p".to_string(), "one “two”".to_string(), true),
            ("http://b.example/q?x=1".to_string(), "three".to_string(), false),
        ]
    );
}

#[test]
#[cfg_attr(
    not(shared_material),
    ignore = "the source material ../shared/ is not beside the project"
)]
fn every_glossary_quote_is_a_verified_excerpt_under_its_address() {
    let material = std::fs::read_to_string(material_dir().join("research/glossary.md")).unwrap();
    let research = std::fs::read_to_string(material_dir().join("research/expansion.md")).unwrap()
        + &std::fs::read_to_string(material_dir().join("research/expansion2.md")).unwrap();
    let excerpts = glossary_excerpts(&material);
    assert!(
        excerpts.len() >= 60,
        "the material's rows were read: {}",
        excerpts.len()
    );
    let t = timeline();
    let mut wrong = Vec::new();
    for term in t.terms() {
        for c in &term.sources {
            let url = t.source(&c.source).and_then(|s| s.url.as_deref()).unwrap_or("");
            // Character for character: no folding of spaces or quotation marks.
            // A term the events use may also be defined from the research
            // rows' checked excerpts, under the same rule as events.
            let found = excerpts
                .iter()
                .any(|(at, excerpt, verified)| *verified && at == url && excerpt.contains(&c.quote))
                || in_checked_rows(&research, address_key(url), &normalise(&c.quote));
            if !found {
                wrong.push(format!("{} cites {} ({url}): {:?}", term.id, c.source, c.quote));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "glossary quotes not found as verified excerpts at their addresses:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn eras_and_yearly_observances_are_in_the_data() {
    let t = timeline();
    let ids: Vec<&str> = t.eras.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "tip-watch-list-years",
            "tip-tier-3-years",
            "crackdown-2022",
            "crackdown-2025-26"
        ]
    );
    let days: Vec<(u32, u32, i32)> = t.observances.iter().map(|o| (o.month, o.day, o.since)).collect();
    assert_eq!(days, [(12, 12, 2007), (8, 20, 2023)]);
}

#[test]
fn the_shipped_lessons_walk_through_real_events() {
    use tipline::teach::lesson;
    let t = timeline();
    let (lessons, problems) = lesson::load(&lesson::files(None).unwrap(), &t);
    assert!(problems.is_empty(), "{problems:?}");
    // One lesson per embedded lesson file, named after it.
    let ids: Vec<&str> = lessons.iter().map(|l| l.id.as_str()).collect();
    let files: Vec<&str> = lesson::EMBEDDED
        .iter()
        .map(|(name, _)| name.trim_start_matches("data/lessons/").trim_end_matches(".toml"))
        .collect();
    assert_eq!(ids, files);
    for l in &lessons {
        assert!(l.stops.len() >= 5, "{}: {} stops", l.id, l.stops.len());
        for s in &l.stops {
            assert!(!l.events_of(s, &t).is_empty(), "{}: a stop shows nothing", l.id);
            assert!(!s.prompt.is_empty(), "{}: a stop asks nothing", l.id);
        }
    }
}

#[test]
fn check_strict_of_the_embedded_data_and_lessons_is_clean() {
    let out = assert_cmd::Command::cargo_bin("tipline")
        .unwrap()
        .args(["check", "--strict"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stdout}{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert!(stdout.contains(" events, 0 error(s), 0 warning(s)\n"), "{stdout}");
    assert!(stdout.contains(" lesson(s): 0 error(s)\n"), "{stdout}");
}

/// Whether `name` stands in `text` as whole words: ignoring case, except
/// that a name in capitals (`UN`, `NCCT`) counts only in capitals.
fn names(text: &str, name: &str) -> bool {
    let capitals = !name.chars().any(char::is_lowercase);
    let (text, name) = if capitals {
        (text.to_string(), name.to_string())
    } else {
        (text.to_lowercase(), name.to_lowercase())
    };
    text.match_indices(&name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whoever a quote names either acts in the event, and is listed, so the
/// actor filter finds the event, or the event says why not.
#[test]
fn every_actor_a_quote_names_is_listed_or_said_not_to_act() {
    let t = timeline();
    for e in &t.events {
        for a in &t.actors {
            let named = e.sources.iter().any(|c| {
                std::iter::once(&a.name)
                    .chain(&a.aliases)
                    .any(|n| names(&c.quote, n))
            });
            let listed = e.actors.contains(&a.id);
            let explained = e
                .not_acting
                .iter()
                .any(|n| n.actor == a.id && !n.why.trim().is_empty());
            assert!(
                !named || listed || explained,
                "{}: a quote names {} ({})",
                e.id,
                a.name,
                a.id
            );
            assert!(
                !(listed && explained),
                "{}: {} is listed and said not to act",
                e.id,
                a.id
            );
        }
    }
}

/// Where a quote names someone acting with the office they held, the event
/// lists them and their roles cover that office at its date.
#[test]
fn actors_named_acting_in_quotes_hold_the_roles_the_quotes_give() {
    let t = timeline();
    for (event, actor, role) in [
        ("national-day-2019", "sar-kheng", "Minister of Interior"),
        ("national-day-2016", "sar-kheng", "Deputy Prime Minister"),
        (
            "national-day-2016",
            "sar-kheng",
            "Chairman of the National Committee for Counter Trafficking",
        ),
        ("ncct-sub-decree-2009", "sar-kheng", "Minister of Interior"),
        ("ncct-sub-decree-2009", "hun-sen", "Prime Minister of Cambodia"),
        ("national-day-2023", "sar-sokha", "Minister of Interior"),
        (
            "chinese-deportation-110-2026",
            "sar-sokha",
            "Deputy Prime Minister",
        ),
        ("national-day-event-2026", "sar-sokha", "Minister of Interior"),
        ("scam-commission-2025", "hun-manet", "Prime Minister of Cambodia"),
        (
            "gambling-crackdown-order-2022",
            "sok-phal",
            "Secretary of State, Ministry of Interior",
        ),
    ] {
        let e = t.event(event).unwrap();
        assert!(
            e.actors.iter().any(|a| a == actor),
            "{event} does not list {actor}"
        );
        let roles: Vec<&str> = t
            .roles_at(t.actor(actor).unwrap(), e)
            .map(|r| r.title.as_str())
            .collect();
        assert!(roles.contains(&role), "{event}: {actor} holds {roles:?}");
    }
}

/// The search and the actor filter agree on Sar Kheng, but for an event
/// whose quote names no one (its id is the research notes' reading) and one
/// whose quote names him only as the source of a count.
#[test]
fn the_actor_filter_finds_what_the_search_finds_of_sar_kheng() {
    let ids = |args: &[&str]| -> BTreeSet<String> {
        let out = assert_cmd::Command::cargo_bin("tipline")
            .unwrap()
            .args(["list", "--format", "csv"])
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .skip(1)
            .map(|row| row.split(',').next().unwrap().to_string())
            .collect()
    };
    let by_actor = ids(&["--actor", "Sar Kheng"]);
    let by_words = ids(&["sar kheng"]);
    assert!(by_actor.is_subset(&by_words));
    let only_words: Vec<&String> = by_words.difference(&by_actor).collect();
    assert_eq!(only_words, ["hotline-opened-2022", "sar-kheng-shocked-2022"]);
    assert!(by_actor.contains("national-day-2019"));
}

/// The embedded data says how far its sources reach: in `--version`, in
/// `about` (text and JSON) and on the handouts; files of one's own do not
/// claim it.
#[test]
fn the_embedded_data_says_how_far_its_sources_reach() {
    let run = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("tipline")
            .unwrap()
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let sentence =
        "Sources checked up to 23 April 2026; not covered: the 2026 TIP report, the 20 August 2026 \
                    Inter-Faith Day, any National Day of December 2025 or 2026.";
    assert_eq!(
        run(&["--version"]),
        format!(
            "tipline {} (data: sources checked up to 23 April 2026)\n",
            env!("CARGO_PKG_VERSION")
        )
    );
    assert!(run(&["about"]).contains(&format!("\n{sentence}\n")));
    let about: serde_json::Value = serde_json::from_str(&run(&["about", "--format", "json"])).unwrap();
    assert_eq!(about["sources_checked_to"], "2026-04-23");
    assert_eq!(about["horizon"], sentence);
    assert_eq!(about["not_covered"][0], "the 2026 TIP report");
    assert!(run(&["export", "--format", "markdown", "year:2026"]).contains(&format!("\n*{sentence}*\n")));
    assert!(
        run(&["export", "handout", "reading-2022-figures", "--format", "html"])
            .contains(&format!("<p class=\"facts\">{sentence}</p>"))
    );
    let world = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/world.toml");
    let own = run(&["--data", world, "about", "--format", "json"]);
    let own: serde_json::Value = serde_json::from_str(&own).unwrap();
    assert!(
        own["horizon"].is_null() && own["sources_checked_to"].is_null(),
        "{own}"
    );
    assert!(!run(&["--data", world, "export", "--format", "markdown"]).contains("Sources checked up to"));
}

/// Every stop of every shipped lesson fits a projector at 80×24: nothing a
/// room should read scrolls out of sight. Drawn too, stop by stop with
/// every part revealed, and no stop says "more".
#[test]
fn every_shipped_lesson_fits_a_projector_at_80_by_24() {
    use ratatui::backend::TestBackend;
    use tipline::app::panes::present::fit_problems;
    use tipline::app::presenter::Presenter;
    use tipline::app::{Action, App, Msg};
    use tipline::teach::lesson;
    let t = timeline();
    let (lessons, _) = lesson::load(&lesson::files(None).unwrap(), &t);
    let mut scrolling = Vec::new();
    for l in &lessons {
        let p = Presenter::from_lesson(l, &t);
        let cut = fit_problems(&p, &t, 80, 24, true);
        if !cut.is_empty() {
            scrolling.push(format!(
                "{}: stops {:?}",
                l.id,
                cut.iter().map(|i| i + 1).collect::<Vec<_>>()
            ));
        }
        let settings = tipline::app::Settings {
            projector: true,
            ..Default::default()
        };
        let mut app = App::with_settings(t.clone(), tipline::Query::default(), settings);
        app.update(tipline::app::Input::Resize(80, 24));
        app.update(Msg::Present(Box::new(p)));
        for stop in 0..l.stops.len() {
            // Every part of the stop showing, as the room sees it last.
            while matches!(app.mode(), tipline::app::Mode::Present(p) if p.parts_left() > 0) {
                app.update(Action::Reveal);
            }
            let mut terminal = ratatui::Terminal::new(TestBackend::new(80, 24)).unwrap();
            terminal.draw(|f| tipline::app::draw::draw(f, &app)).unwrap();
            let text: String = terminal
                .backend()
                .buffer()
                .content()
                .iter()
                .map(|c| c.symbol())
                .collect();
            if text.contains("more ↓") {
                scrolling.push(format!("{}: stop {} says more", l.id, stop + 1));
            }
            app.update(Action::NextStop);
        }
    }
    assert!(
        scrolling.is_empty(),
        "stops that scroll at 80×24:\n{}",
        scrolling.join("\n")
    );
}

/// Every source says when its excerpts were checked against the stored
/// pages, and every site the citation exports name a type for is one the
/// data cites, so the list holds no site by guesswork.
#[test]
fn every_source_has_its_accessed_day_and_every_listed_site_is_cited() {
    use tipline::interop::item_type::{host, ItemType, SITES};
    let t = timeline();
    for s in &t.sources {
        let accessed = s.accessed.map(|d| d.to_string());
        assert!(
            matches!(accessed.as_deref(), Some("2026-11-21" | "2026-12-06")),
            "{}: accessed {accessed:?}",
            s.id
        );
    }
    let hosts: Vec<String> = t.sources.iter().filter_map(host).collect();
    for (site, kind) in SITES {
        assert!(
            hosts
                .iter()
                .any(|h| h == site || h.ends_with(&format!(".{site}"))),
            "{site} is cited by no source"
        );
        let some = t
            .sources
            .iter()
            .find(|s| host(s).is_some_and(|h| h.ends_with(site)));
        assert_eq!(some.map(ItemType::of), Some(*kind), "{site}");
    }
}

/// Every source whose address gives a date records a date of publication,
/// and every date said to be read from the address is the one it gives.
#[test]
fn every_address_that_gives_a_date_has_its_published_date() {
    use tipline::load::address_date::date_in_address;
    let t = timeline();
    for s in &t.sources {
        let in_address = s.url.as_deref().and_then(date_in_address);
        if in_address.is_some() {
            assert!(
                s.published.is_some(),
                "{}: the address gives {in_address:?}",
                s.id
            );
        }
        if s.published_from_address {
            assert_eq!(s.published, in_address, "{}", s.id);
        }
    }
}

/// Every shipped lesson, and the whole embedded timeline, over many seeds:
/// each question of every type, on screen and on paper (one drawing), has
/// one right answer.
#[test]
fn every_shipped_lesson_asks_questions_with_one_right_answer() {
    use tipline::teach::questions::{draw, Kind, Pick};
    use tipline::teach::{lesson, quiz::lesson_pool};
    let t = timeline();
    let (lessons, problems) = lesson::load(&lesson::files(None).unwrap(), &t);
    assert!(problems.is_empty(), "{problems:?}");
    let mut pools: Vec<Vec<usize>> = lessons.iter().map(|l| lesson_pool(l, &t)).collect();
    pools.push((0..t.events.len()).collect());
    let mut picks: Vec<Pick> = Kind::ALL.into_iter().map(Pick::Only).collect();
    picks.push(Pick::Mixed);
    for pool in &pools {
        for seed in 0..40 {
            for &pick in &picks {
                for q in draw(&t, pool, pick, pick.default_count(), seed).questions() {
                    one_answer::assert_one_right_answer(&t, pool, &q);
                }
            }
        }
    }
}

/// The rankings lesson's 2002 stop asks whether two sources giving the
/// same day are independent: with every part revealed, the room reads each
/// source's own words, as the event cites them (Refworld's in the quote,
/// the Post's quoted in the facts), and the question says where to look.
#[test]
fn the_2002_ranking_stop_shows_both_sources_it_asks_about() {
    use ratatui::backend::TestBackend;
    use tipline::app::presenter::Presenter;
    use tipline::app::{Action, App, Msg};
    use tipline::teach::lesson;
    let t = timeline();
    let (lessons, _) = lesson::load(&lesson::files(None).unwrap(), &t);
    let l = lessons
        .iter()
        .find(|l| l.id == "twenty-five-years-of-rankings")
        .unwrap();
    let stop = l
        .stops
        .iter()
        .position(|s| l.events_of(s, &t) == [t.event_position("tip-report-2002").unwrap()])
        .expect("a stop on the 2002 report");
    let prompt = &l.stops[stop].prompt;
    assert!(
        prompt.contains("The facts give its day twice") && prompt.contains("quoted below"),
        "the question says where the room reads each source: {prompt}"
    );
    let e = &t.events[t.event_position("tip-report-2002").unwrap()];
    let cited = |source: &str, words: &str| {
        e.sources
            .iter()
            .any(|c| c.source == source && c.quote.contains(words))
    };
    assert!(cited("refworld-tip-2002", "Publication Date 5 June 2002"));
    assert!(cited("ppp-sanctions-2002", "by the US State Department June 5"));
    let settings = tipline::app::Settings {
        projector: true,
        ..Default::default()
    };
    let mut app = App::with_settings(t.clone(), tipline::Query::default(), settings);
    app.update(tipline::app::Input::Resize(80, 24));
    app.update(Msg::Present(Box::new(Presenter::from_lesson(l, &t))));
    for _ in 0..stop {
        app.update(Action::NextStop);
    }
    while matches!(app.mode(), tipline::app::Mode::Present(p) if p.parts_left() > 0) {
        app.update(Action::Reveal);
    }
    let mut terminal = ratatui::Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| tipline::app::draw::draw(f, &app)).unwrap();
    let buf = terminal.backend().buffer();
    let screen: Vec<String> = (0..24)
        .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>())
        .collect();
    let words = screen.join(" ").split_whitespace().collect::<Vec<_>>().join(" ");
    for shown in [
        "“Publication Date 5 June 2002” — Refworld",
        // The marker is the lesson's number for the Post's story, as its
        // end screen and handout give it (the event's own [4]).
        "The Phnom Penh Post's story gives the same day: \"by the US State Department June 5\".[3]",
    ] {
        assert!(words.contains(shown), "{shown} on screen:\n{}", screen.join("\n"));
    }
}
