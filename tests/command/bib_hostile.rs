//! `.bib` files built to crash, stall or bloat the import: strings and
//! crossrefs that loop, braces a hundred thousand deep, strings that double
//! at every level. Each is refused with its place, nothing is written, and
//! the import stops before the work grows: the file named in each error
//! is the proof that it was read only as far as the bounds.

use assert_cmd::Command;

/// Imports `text` as `name` and returns the exit code, stderr, and whether
/// an output file was written.
fn import(name: &str, text: &str) -> (i32, String, bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, text).unwrap();
    let out_file = dir.path().join("sources.toml");
    let out = Command::cargo_bin("tipline")
        .unwrap()
        .args([
            "import",
            "bibtex",
            file.to_str().unwrap(),
            "-o",
            out_file.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stderr).unwrap(),
        out_file.exists(),
        file.display().to_string(),
    )
}

/// The error lines (the ones naming the file), without the excerpts.
fn errors(stderr: &str, file: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.starts_with(file))
        .map(str::to_string)
        .collect()
}

fn refused(name: &str, text: &str, expected: &[&str]) {
    let (code, stderr, wrote, file) = import(name, text);
    assert_eq!(code, 1, "{stderr}");
    assert!(!wrote, "{name}: an output file was written");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let expected: Vec<String> = expected.iter().map(|e| format!("{file}:{e}")).collect();
    assert_eq!(errors(&stderr, &file), expected, "{stderr}");
}

#[test]
fn a_string_that_names_itself_is_refused_at_its_definition() {
    refused(
        "self.bib",
        "@string{a = a}\n@misc{k, title = a, publisher = {P}}\n",
        &["1:9: error: string `a` refers to itself"],
    );
}

#[test]
fn strings_that_name_each_other_are_refused_with_the_loop() {
    refused(
        "mutual.bib",
        "@string{a = b}\n@string{b = a}\n@misc{k, title = a, publisher = {P}}\n",
        &["2:9: error: string cycle: b → a → b"],
    );
}

#[test]
fn an_entry_that_is_its_own_crossref_is_refused() {
    refused(
        "selfcross.bib",
        "@misc{k, crossref = {k}, title = {T}, publisher = {P}}\n",
        &["1:7: error: entry `k` names itself in `crossref`"],
    );
}

#[test]
fn a_crossref_cycle_is_refused_with_its_path() {
    refused(
        "cycle.bib",
        "@misc{x, crossref = {y}, title = {T}, publisher = {P}}\n@misc{y, crossref = {x}, title = {T}, publisher = {P}}\n",
        &["1:7: error: crossref cycle: x → y → x"],
    );
}

#[test]
fn an_entry_that_is_its_own_xdata_is_refused() {
    refused(
        "selfx.bib",
        "@misc{k, xdata = {k}, title = {T}, publisher = {P}}\n",
        &["1:7: error: entry `k` names itself in `xdata`"],
    );
}

#[test]
fn every_problem_is_listed_at_once() {
    refused(
        "several.bib",
        "@string{a = a}\n@string{b = c}\n@string{c = b}\n@misc{k, crossref = {k}, title = {T}, publisher = {P}}\n",
        &[
            "1:9: error: string `a` refers to itself",
            "3:9: error: string cycle: c → b → c",
            "4:7: error: entry `k` names itself in `crossref`",
        ],
    );
}

#[test]
fn braces_a_hundred_thousand_deep_are_refused_where_they_pass_the_bound() {
    let n = 100_000;
    let text = format!(
        "@misc{{k, title = {{{}{}}}, publisher = {{P}}}}\n",
        "{".repeat(n),
        "}".repeat(n)
    );
    // The 65th brace inside the value, after `@misc{k, title = {`.
    refused(
        "deep.bib",
        &text,
        &[
            "1:83: error: braces nested deeper than 64",
            "1:10: error: field `title` has 200000 braces and `$` (at most 1024)",
        ],
    );
}

#[test]
fn a_hundred_thousand_brace_pairs_in_a_row_are_refused() {
    let text = format!(
        "@misc{{k, title = {{{}}}, publisher = {{P}}}}\n",
        "{}".repeat(100_000)
    );
    refused(
        "flat.bib",
        &text,
        &["1:10: error: field `title` has 200000 braces and `$` (at most 1024)"],
    );
}

/// `levels` strings, each twice the one before, the last used as a title.
fn laughs(levels: usize) -> String {
    let mut text = String::from("@string{l0 = \"xxxxxxxxxx\"}\n");
    for i in 1..=levels {
        text.push_str(&format!("@string{{l{i} = l{} # l{}}}\n", i - 1, i - 1));
    }
    text.push_str(&format!("@misc{{k, title = l{levels}, publisher = {{P}}}}\n"));
    text
}

#[test]
fn doubling_strings_are_refused_at_the_first_past_a_megabyte() {
    for levels in [24, 30] {
        let text = laughs(levels);
        let bound = 16 * text.len() + (1 << 20);
        refused(
            "laughs.bib",
            &text,
            &[
                "18:9: error: string `l17` expands to 1310720 bytes (at most 1048576)",
                &format!(
                    "{}:7: error: strings, crossref and xdata expand the file to more than {bound} bytes (16 times its size and 1 MiB), reached at entry `k`",
                    levels + 2
                ),
            ],
        );
    }
}

#[test]
fn an_xdata_doubling_chain_is_refused_where_it_fans_out_too_far() {
    let mut text = String::from("@xdata{x0, note = {xxxxxxxxxxxxxxxx}}\n");
    for i in 1..30 {
        text.push_str(&format!("@xdata{{x{i}, xdata = {{x{}, x{}}}}}\n", i - 1, i - 1));
    }
    text.push_str("@misc{k, xdata = {x29}, title = {T}, publisher = {P}}\n");
    let bound = 16 * text.len() + (1 << 20);
    refused(
        "xlaughs.bib",
        &text,
        &[
            "5:8: error: entry `x4` draws on other entries by 30 crossref/xdata paths (at most 16)",
            &format!("16:8: error: strings, crossref and xdata expand the file to more than {bound} bytes (16 times its size and 1 MiB), reached at entry `x15`"),
        ],
    );
}

#[test]
fn an_entry_of_too_many_fields_is_refused_at_the_first_past_the_bound() {
    let fields: String = (0..300).map(|i| format!("f{i} = {{x}},\n")).collect();
    refused(
        "fields.bib",
        &format!("@misc{{k,\n{fields}}}\n"),
        &["258:1: error: entry `k` has more than 256 fields"],
    );
}

#[test]
fn a_long_but_sound_chain_of_crossrefs_still_imports_what_it_inherits() {
    let text = "@book{parent, title = {Whole}, publisher = {Press}, year = {2020}}\n@inbook{child, crossref = {parent}, title = {Part}}\n";
    let (code, stderr, wrote, _) = import("inherit.bib", text);
    assert_eq!(code, 0, "{stderr}");
    assert!(wrote);
    assert!(stderr.contains("2 source(s) written"), "{stderr}");
}
