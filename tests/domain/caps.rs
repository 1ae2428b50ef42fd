//! Floods of problems across many files and many stops: suggestions stop
//! after the first few, and many files keep their order.

use tipline::load::{load, DataFile};

fn typo(id: &str) -> String {
    // One substitution: near enough for a suggestion.
    let mut s: String = id.chars().take(id.chars().count() - 1).collect();
    s.push(if id.ends_with('q') { 'z' } else { 'q' });
    s
}

#[test]
fn a_lesson_with_many_bad_stops_gets_a_few_suggestions() {
    let t = crate::common::world();
    let id = &t.events[0].id;
    let mut text = String::from("title = \"L\"\nsummary = \"S\"\n");
    for _ in 0..30 {
        text.push_str(&format!("[[stops]]\nevent = \"{}\"\nprompt = \"P\"\n", typo(id)));
    }
    let files = vec![DataFile {
        name: "l.toml".into(),
        text,
    }];
    let (_, problems) = tipline::teach::lesson::load(&files, &t);
    assert_eq!(problems.len(), 30);
    let hinted = problems.iter().filter(|d| d.help.is_some()).count();
    assert_eq!(hinted, 20);
    assert_eq!(
        problems[0].help.as_deref(),
        Some(format!("did you mean `{id}`?").as_str())
    );
}

#[test]
fn many_broken_references_get_a_few_suggestions() {
    let valid =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid.toml")).unwrap();
    let text = valid.replace(
        "actors = [\"a\"]",
        &format!("actors = [{}]", vec!["\"q\""; 30].join(", ")),
    );
    let loaded = load(vec![DataFile {
        name: "v.toml".into(),
        text,
    }]);
    let unknown: Vec<_> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.message == "unknown actor `q`")
        .collect();
    assert_eq!(unknown.len(), 30);
    assert_eq!(unknown.iter().filter(|d| d.help.is_some()).count(), 20);
}

#[test]
fn problems_from_many_files_are_in_the_order_the_files_were_given() {
    // Names in reverse order, so sorting by name would be caught.
    let files: Vec<DataFile> = (0..2000)
        .rev()
        .map(|i| DataFile {
            name: format!("f{i:04}.toml"),
            text: format!("[[events]]\nid = \"e{i}\"\n"),
        })
        .collect();
    let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
    let one = load(vec![files[0].clone()]);
    let per_file = one.diagnostics.len();
    assert!(per_file > 1 && one.diagnostics.iter().all(|d| d.is_error()));
    let loaded = load(files);
    // Every problem is counted; the first thousand are kept whole, and
    // they are the first files' as given.
    assert_eq!(loaded.errors(), 2000 * per_file);
    assert_eq!(loaded.diagnostics.len(), tipline::load::diag::KEPT);
    let mut seen: Vec<&str> = loaded.diagnostics.iter().map(|d| d.file.as_str()).collect();
    seen.dedup();
    assert_eq!(seen.len(), tipline::load::diag::KEPT.div_ceil(per_file));
    assert_eq!(seen, names[..seen.len()]);
    // Within a file, by line then column.
    let first: Vec<(usize, usize)> = loaded
        .diagnostics
        .iter()
        .filter(|d| d.file == names[0])
        .map(|d| (d.line, d.column))
        .collect();
    assert!(first.windows(2).all(|w| w[0] <= w[1]), "{first:?}");
}
