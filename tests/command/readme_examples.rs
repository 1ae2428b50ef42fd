//! The README's examples, run: every block that starts with `$ tipline`
//! is a command and what it prints. A line that is `...` stands for any
//! lines; `...` inside a line stands for any text there.

use assert_cmd::Command;

const README: &str = include_str!("../../README.md");

/// The README's examples: each command's words and the lines it shows.
fn examples() -> Vec<(Vec<String>, Vec<&'static str>)> {
    let mut out = Vec::new();
    let mut lines = README.lines();
    while let Some(line) = lines.next() {
        // Any fence opens a block (```sh, ```toml ...); only bare ones hold examples.
        if !line.starts_with("```") {
            continue;
        }
        let block: Vec<&str> = lines.by_ref().take_while(|l| *l != "```").collect();
        if line != "```" {
            continue;
        }
        if let Some(command) = block.first().and_then(|l| l.strip_prefix("$ tipline ")) {
            let words = command.split_whitespace().map(str::to_string).collect();
            out.push((words, block[1..].to_vec()));
        }
    }
    out
}

/// Whether `actual` reads as `expected`, with `...` matching any text.
fn line_matches(expected: &str, actual: &str) -> bool {
    let pieces: Vec<&str> = expected.split("...").collect();
    let (first, rest) = pieces.split_first().unwrap();
    let Some(mut left) = actual.strip_prefix(first.trim_end()) else {
        return false;
    };
    if rest.is_empty() {
        return left.is_empty();
    }
    for (i, piece) in rest.iter().enumerate() {
        if i + 1 == rest.len() {
            return left.ends_with(piece);
        }
        match left.find(piece) {
            Some(at) => left = &left[at + piece.len()..],
            None => return false,
        }
    }
    true
}

/// Whether the output reads as the example, line by line.
fn reads_as(expected: &[&str], actual: &[&str]) -> Result<(), String> {
    let mut at = 0;
    for (i, want) in expected.iter().enumerate() {
        if *want == "..." {
            // Skip to the line the next expected line matches, if any.
            match expected.get(i + 1) {
                None => return Ok(()),
                Some(next) => match actual[at..].iter().position(|a| line_matches(next, a)) {
                    Some(skip) => at += skip,
                    None => return Err(format!("no line reads as {next:?} after line {at}")),
                },
            }
            continue;
        }
        match actual.get(at) {
            Some(got) if line_matches(want, got) => at += 1,
            got => return Err(format!("line {}: expected {want:?}, got {got:?}", at + 1)),
        }
    }
    if at == actual.len() {
        Ok(())
    } else {
        Err(format!("{} more lines than the example", actual.len() - at))
    }
}

#[test]
fn every_example_in_the_readme_prints_what_it_shows() {
    let examples = examples();
    assert!(examples.len() >= 4, "the README's examples were not found");
    for (words, expected) in examples {
        let out = Command::cargo_bin("tipline")
            .unwrap()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(&words)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "tipline {}: {}",
            words.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).unwrap();
        let actual: Vec<&str> = text.lines().collect();
        if let Err(why) = reads_as(&expected, &actual) {
            panic!(
                "`tipline {}` no longer prints what the README shows: {why}\n{text}",
                words.join(" ")
            );
        }
    }
}

#[test]
fn an_ellipsis_matches_any_text_and_nothing_else_does() {
    assert!(line_matches(
        "Cambodia's committee, founded in 2009 ...",
        "Cambodia's committee, founded in 2009 by a decree."
    ));
    assert!(line_matches(
        "[1] “And we ...”",
        "[1] “And we greatly appreciate the work.”"
    ));
    assert!(!line_matches(
        "[1] “And we ...”",
        "[1] “And we greatly appreciate the work."
    ));
    assert!(!line_matches("Tier 2", "Tier 2 Watch List"));
    assert_eq!(reads_as(&["a", "...", "z"], &["a", "b", "c", "z"]), Ok(()));
    assert!(reads_as(&["a", "b"], &["a", "b", "c"]).is_err());
    assert!(reads_as(&["a", "b"], &["a", "c"]).is_err());
}
