//! The year strip: the labels it picks out are the chosen years', every
//! era's title lies over the years the era covers, and it ends at the
//! data's last year.

use ratatui::backend::TestBackend;
use ratatui::Terminal;
use tipline::app::{draw as ui, App, Input};
use tipline::query::Query;
use tipline::timeline::model::Timeline;

/// Events in 1996, 2010 and 2022, one from 2018 to 2022, a plan from 2024
/// to 2028; eras over 2019-2021, over part of 2022, and from 2022 to 2025.
fn timeline() -> Timeline {
    let mut text = String::from("[[sources]]\nid = \"s\"\npublisher = \"P\"\ntitle = \"T\"\n");
    let events = [
        ("e1996", "1996", None),
        ("e2010", "2010-05", None),
        ("span", "2018", Some("2022")),
        ("e2022", "2022-08-18", None),
        ("plan", "2024-08-01", Some("2028")),
    ];
    for (id, date, end) in events {
        let end = end.map_or(String::new(), |e| format!("end = \"{e}\"\n"));
        text.push_str(&format!(
            "\n[[events]]\nid = \"{id}\"\ndate = \"{date}\"\n{end}title = \"{id}\"\nkind = \"law\"\nsummary = \"s\"\n[[events.sources]]\nsource = \"s\"\nquote = \"q\"\n"
        ));
    }
    let eras = [
        ("watch", "US TIP: Tier 2 Watch List", "2019", "2021"),
        (
            "crackdown",
            "2022 crackdown: complaints, rescues",
            "2022-08-18",
            "2022-11",
        ),
        ("tier3", "US TIP: Tier 3", "2022-07-19", "2025"),
    ];
    for (id, title, start, end) in eras {
        text.push_str(&format!(
            "\n[[eras]]\nid = \"{id}\"\ntitle = \"{title}\"\nstart = \"{start}\"\nend = \"{end}\"\n[[eras.sources]]\nsource = \"s\"\nquote = \"q\"\n"
        ));
    }
    let loaded = tipline::load::load(vec![tipline::DataFile {
        name: "strip.toml".into(),
        text,
    }]);
    assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
    loaded.timeline.unwrap()
}

/// The strip's rows, and the axis row's cells drawn picked out.
fn strip(app: &mut App, w: u16, h: u16) -> (Vec<String>, String) {
    app.update(Input::Resize(w, h));
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer();
    let area = app.regions().strip.expect("a strip");
    let rows: Vec<String> = (area.y..area.bottom())
        .map(|y| {
            (0..w)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect();
    let picked = app.settings().theme.active_value;
    let axis = area.bottom() - 1;
    let marked: String = (0..w)
        .map(|x| &buf[(x, axis)])
        .filter(|c| picked.fg.is_none_or(|f| c.fg == f) && c.modifier.contains(picked.add_modifier))
        .map(|c| c.symbol())
        .collect();
    (rows, marked)
}

#[test]
fn with_a_year_chosen_its_label_is_the_one_picked_out() {
    let mut app = App::new(timeline(), Query::parse("year:2022").unwrap());
    let (rows, picked) = strip(&mut app, 100, 30);
    assert_eq!(picked, "22", "{}", rows.join("\n"));
    // The years the filtered events touch, 2018-2022, keep their bars.
    let (_, picked) = strip(
        &mut App::new(timeline(), Query::parse("kind:law").unwrap()),
        100,
        30,
    );
    assert_eq!(
        picked, "9610181920212224",
        "with no year chosen, the years holding events"
    );
}

/// The column where the axis row writes a year's label.
fn column_of(axis: &str, label: &str) -> usize {
    let at = axis
        .find(&format!(" {label} "))
        .or_else(|| axis.rfind(&format!(" {label}")))
        .unwrap();
    axis[..at + 1].chars().count()
}

#[test]
fn era_titles_lie_over_the_years_the_eras_cover() {
    let mut app = App::new(timeline(), Query::default());
    let (rows, _) = strip(&mut app, 120, 40);
    let axis = rows.last().unwrap();
    let eras = &rows[1];
    // The Watch List years, 2019-2021: the part after the colon, cut to
    // the bar; Tier 3 from 2022; the crackdown, within 2022, a bar alone.
    let at = |text: &str| eras[..eras.find(text).unwrap()].chars().count();
    assert_eq!(at("Tier 2 Wa…"), column_of(axis, "19"));
    assert!(at("Tier 2 Wa…") + "Tier 2 Wa…".chars().count() < column_of(axis, "22"));
    assert_eq!(at("Tier 3 ━━━━"), column_of(axis, "22"));
    assert_eq!(rows[2].trim(), "━━━");
    assert_eq!(rows[2].chars().count() - 3, column_of(axis, "22"));
    // At 200 columns the whole titles fit on their bars.
    let mut app = App::new(timeline(), Query::default());
    let (rows, _) = strip(&mut app, 200, 50);
    let axis = rows.last().unwrap();
    let eras = &rows[1];
    let at = |text: &str| eras[..eras.find(text).unwrap()].chars().count();
    assert_eq!(at("Tier 2 Watch List ━"), column_of(axis, "2019"));
    assert_eq!(at("US TIP: Tier 3 ━"), column_of(axis, "2022"));
    assert!(!rows[2].contains("crackdown"), "{}", rows[2]);
}

#[test]
fn the_strip_ends_at_the_datas_last_year() {
    // The plan runs to 2028, but the data's last year is 2024, when it began.
    let mut app = App::new(timeline(), Query::default());
    let (rows, _) = strip(&mut app, 120, 40);
    assert!(rows.last().unwrap().ends_with(" 23  24"), "{}", rows.join("\n"));
    // Sources that reach into 2026 take it to 2026.
    let mut t = timeline();
    t.horizon = Some(tipline::timeline::horizon::EMBEDDED);
    let mut app = App::new(t, Query::default());
    let (rows, _) = strip(&mut app, 120, 40);
    assert!(rows.last().unwrap().ends_with(" 25  26"), "{}", rows.join("\n"));
    // No strip where the rows are few.
    for (w, h) in [(40, 12), (80, 24)] {
        let mut app = App::new(timeline(), Query::default());
        app.update(Input::Resize(w, h));
        assert_eq!(app.regions().strip, None, "{w}x{h}");
    }
}
