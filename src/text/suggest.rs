//! "Did you mean" hints: one policy for how near a word must be, and one
//! wording, for data files, lessons, the config, queries and the command line.

/// The known word nearest to a misspelling, for "did you mean" hints.
pub fn nearest<'a>(word: &str, known: &[&'a str]) -> Option<&'a str> {
    let close = known
        .iter()
        .map(|k| (strsim::osa_distance(word, k), *k))
        .filter(|(d, k)| *d <= (k.len().max(word.len()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k);
    // A shortened id (`complaints-figures` for `complaints-figures-aug-sep-2022`)
    // is far in edits but plainly meant: the shortest known word it begins.
    close.or_else(|| {
        (word.chars().count() >= 4)
            .then(|| {
                known
                    .iter()
                    .filter(|k| k.starts_with(word))
                    .min_by_key(|k| k.len())
                    .copied()
            })
            .flatten()
    })
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
        let ids = [
            "complaints-figures-aug-sep-2022",
            "complaints-figures-aug-sep-2022-b",
            "national-day-2022",
        ];
        assert_eq!(
            nearest("complaints-figures", &ids),
            Some("complaints-figures-aug-sep-2022")
        );
        assert_eq!(
            nearest("nat", &ids),
            None,
            "too short to be a prefix worth suggesting"
        );
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
