//! The command a finished quiz names for paper: read off the end screen,
//! split as bash splits it and run, it prints the questions the screen
//! asked.

use crate::common::{on_world, WORLD, WORLD_LESSONS};
use crate::session::Session;

/// Takes the quiz in `args` to its end, giving `answer` to every
/// question, and returns the stems the screen asked and the paper command
/// it names. Wide enough that the command is one line.
fn take(args: &[&str], answer: &str) -> (Vec<String>, String) {
    let mut s = Session::start_with(args, &[], 250, 40);
    let shown = s.wait_for(" · question 1 of ");
    let total: usize = shown
        .split(" · question 1 of ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("the number of questions");
    let mut stems = Vec::new();
    for n in 1..=total {
        s.wait_for(&format!(" · question {n} of {total} · "));
        // The stem is the first line under the head, past any left-out
        // kinds, that ends a question; once the last answer's screen is gone.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        let stem = loop {
            let shown = s.contents();
            let stem = shown
                .lines()
                .skip(2)
                .map(str::trim_end)
                .find(|l| l.ends_with('?') || l.ends_with('.') || l.ends_with('”'));
            match stem {
                Some(stem) if !shown.contains("Enter: ") => break stem.to_string(),
                _ => assert!(
                    std::time::Instant::now() < deadline,
                    "no question shown:\n{shown}"
                ),
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        };
        stems.push(stem);
        s.keys(answer);
        s.wait_for("Enter: ");
        s.keys("\r");
    }
    let shown = s.wait_for("On paper, from the same events:");
    let command = shown
        .lines()
        .skip_while(|l| !l.starts_with("On paper, from the same events:"))
        .nth(1)
        .map(|c| c.trim_end().to_string())
        .unwrap();
    s.keys("\r");
    assert!(s.wait_exit().success());
    (stems, command)
}

/// The words bash reads in `command`.
fn bash_words(command: &str) -> Vec<String> {
    let out = std::process::Command::new("bash")
        .args(["-c", &format!("set -- {command}; printf '%s\\0' \"$@\"")])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    text.split_terminator('\0').map(str::to_string).collect()
}

/// Runs `export quiz` with these words (the first, `tipline`, dropped) and
/// `--format gift` after `quiz`, and returns each question's text.
fn gift_stems(words: &[String]) -> Vec<String> {
    let at = words.iter().position(|w| w == "quiz").unwrap() + 1;
    let mut args: Vec<&str> = words[1..at].iter().map(String::as_str).collect();
    args.extend(["--format", "gift"]);
    args.extend(words[at..].iter().map(String::as_str));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tipline"))
        .args(&args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| l.split_once("[html]"))
        .map(|(_, stem)| stem.rsplit_once(" {").map_or(stem, |s| s.0).replace("\\:", ":"))
        .collect()
}

/// A quiz on a lesson names the lesson (and the folder it is read from)
/// in its paper command; run, the command asks the questions asked.
#[test]
fn the_paper_command_of_a_lesson_quiz_prints_its_questions() {
    let (stems, command) = take(
        &[
            "quiz",
            "--lesson",
            "reading-2022-figures",
            "--type",
            "which-first",
            "--seed",
            "3",
        ],
        "a",
    );
    assert_eq!(
        command,
        format!(
            "tipline --data {WORLD} --lessons {WORLD_LESSONS} export quiz --lesson reading-2022-figures \
             --type which-first --seed 3"
        )
    );
    assert_eq!(stems, ["Which came first?"]);
    let words = bash_words(&command);
    let printed = gift_stems(&words);
    assert_eq!(printed, stems);
    // The same as the paper quiz drawn from the arguments the quiz was given.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tipline"))
        .args(on_world(&[
            "export",
            "quiz",
            "--lesson",
            "reading-2022-figures",
            "--type",
            "which-first",
            "--seed",
            "3",
            "--format",
            "gift",
        ]))
        .output()
        .unwrap();
    let run = |args: &[String]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tipline"))
            .args(args)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let mut again = words[1..].to_vec();
    again.extend(["--format".to_string(), "gift".to_string()]);
    assert_eq!(run(&again), String::from_utf8(out.stdout).unwrap());
}

/// Query words and filters, before the subcommand or after it, are one
/// query in the paper command, quoted for the shell: an apostrophe and
/// a space stay inside one word.
#[test]
fn the_paper_command_of_a_filtered_quiz_quotes_its_query() {
    let (stems, command) = take(
        &[
            "--year",
            "2022",
            "quiz",
            "--type",
            "year",
            "--count",
            "2",
            "--seed",
            "3",
            "--actor",
            "sar kheng",
            "--",
            "-Kheng's",
        ],
        "2022\r",
    );
    assert_eq!(
        command,
        format!(
            "tipline --data {WORLD} export quiz --type year --count 2 --seed 3 -- \
             \"year:2022 -Kheng's actor:\\\"sar kheng\\\"\""
        )
    );
    let words = bash_words(&command);
    assert_eq!(
        words.last().map(String::as_str),
        Some("year:2022 -Kheng's actor:\"sar kheng\"")
    );
    assert_eq!(stems.len(), 2);
    assert_eq!(gift_stems(&words), stems);
}
