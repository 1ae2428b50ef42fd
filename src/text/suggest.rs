//! "Did you mean" hints: one policy for how near a word must be, and one
//! wording, for data files, lessons, the config, queries and the command line.

/// The known word nearest to a misspelling, for "did you mean" hints.
pub fn nearest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    known
        .iter()
        .map(|k| (strsim::osa_distance(word, k), *k))
        .filter(|(d, k)| *d <= (k.len().max(word.len()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// The hint for a misspelling, worded the same everywhere: ``did you mean `x`?``.
pub fn did_you_mean(word: &str, known: &[&str]) -> Option<String> {
    did_you_mean_as(word, known, str::to_string)
}

/// The same hint with the suggestion written as the reader would type it,
/// such as ``did you mean `[[events]]`?`` for a table matched by its name.
pub fn did_you_mean_as(word: &str, known: &[&str], written: impl Fn(&str) -> String) -> Option<String> {
    nearest(word, known).map(|n| format!("did you mean `{}`?", written(n)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_suggests_close_words_only() {
        let known = ["title", "summary", "sources"];
        assert_eq!(nearest("titel", &known), Some("title"));
        assert_eq!(nearest("sumary", &known), Some("summary"));
        assert_eq!(nearest("zzzzzz", &known), None);
    }

    #[test]
    fn hint_is_worded_once() {
        assert_eq!(
            did_you_mean("titel", &["title"]).as_deref(),
            Some("did you mean `title`?")
        );
        assert_eq!(did_you_mean("qqqq", &["title"]), None);
        assert_eq!(
            did_you_mean_as("event", &["events"], |n| format!("[[{n}]]")).as_deref(),
            Some("did you mean `[[events]]`?")
        );
    }
}
