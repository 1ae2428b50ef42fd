//! The plain reading in a pseudo-terminal: dates said in words, and data
//! files that change between commands read again before the next.

use super::{wait_for_written, Session};

const DATA: &str = r#"
[[sources]]
id = "post"
publisher = "The Post"
title = "Complaints counted"

[[events]]
id = "complaints"
date = "2022-08-18"
end = "2022-09-29"
title = "Complaints counted"
kind = "statistics"
summary = "Complaints were counted."
[[events.sources]]
source = "post"
quote = "from August 18 to September 29"

[[events]]
id = "hotline"
date = "2022-08-18"
title = "Hotline opens"
kind = "crackdown"
summary = "A hotline opens."
[[events.sources]]
source = "post"
quote = "opened a hotline"
"#;

#[test]
fn plain_dates_are_words_and_changed_files_are_read_again() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("plain.toml");
    std::fs::write(&file, DATA).unwrap();
    let path = file.display().to_string();
    let mut s = Session::start(&["--plain", "--data", &path], 100, 30);
    wait_for_written(&s, "2 of 2 events, no filter");
    wait_for_written(&s, "> ");
    s.keys("list\r");
    // Said as a reader says them, not as digits and dashes.
    wait_for_written(&s, "1. 18 August 2022 · Hotline opens\r\n");
    let written = wait_for_written(&s, "2. 18 August to 29 September 2022 · Complaints counted\r\n");
    assert!(!written.contains("2022-08-18"), "{written}");

    // The file changes while the reader waits: the next command reads it again.
    std::fs::write(
        &file,
        DATA.replace("Hotline opens", "Hotline opens for complaints"),
    )
    .unwrap();
    s.keys("list\r");
    wait_for_written(
        &s,
        "The data files changed and were read again\r\n2 of 2 events, no filter\r\n",
    );
    wait_for_written(&s, "1. 18 August 2022 · Hotline opens for complaints\r\n");

    // A change that does not load leaves the last good data, and says why.
    std::fs::write(&file, DATA.replace("kind = \"crackdown\"", "kind = \"crakdown\"")).unwrap();
    s.keys("next\r");
    wait_for_written(
        &s,
        "The data files changed but do not load, with 1 problem(s); the last good data is read on\r\n",
    );
    wait_for_written(&s, "unknown kind `crakdown`");
    wait_for_written(&s, "2 of 2: 18 August to 29 September 2022 · Complaints counted");
    s.keys("quit\r");
    assert!(s.wait_exit().success());
}
