//! The glossary's behaviour: how a term names itself, and the matching that
//! finds which terms a text uses (the `Term` and the index the `Timeline`
//! keeps are in the model).

use crate::text::{fold_words, Names};
use crate::timeline::model::{Event, Glossary, Term, Timeline};

impl Term {
    /// Every way the texts name the term: its name, abbreviation and aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str())
            .chain(self.short.as_deref())
            .chain(self.aliases.iter().map(String::as_str))
    }

    /// The definition's first sentence, for lists: up to the first full
    /// stop followed by a space or the end (so "U.S." does not end it).
    pub fn first_sentence(&self) -> &str {
        let d = self.definition.as_str();
        let bytes = d.as_bytes();
        for (at, _) in d.match_indices('.') {
            // The sentence goes on through its citation markers: ".[1][2] ".
            let mut end = at + 1;
            while bytes.get(end) == Some(&b'[') {
                match d[end..].find(']') {
                    Some(close)
                        if d[end + 1..end + close]
                            .bytes()
                            .all(|b| b.is_ascii_digit() || b == b',' || b == b' ') =>
                    {
                        end += close + 1
                    }
                    _ => break,
                }
            }
            if bytes.get(end) != Some(&b' ') {
                continue;
            }
            // A full stop after a single capital ("U.S. ") is an abbreviation's.
            let before = d[..at].chars().rev().nth(1);
            if end == at + 1
                && before.is_none_or(|c| !c.is_alphabetic())
                && d[..at].ends_with(char::is_uppercase)
            {
                continue;
            }
            return &d[..end];
        }
        d
    }
}

impl Glossary {
    pub(crate) fn new(terms: Vec<Term>) -> Glossary {
        let index = terms.iter().enumerate().map(|(i, t)| (t.id.clone(), i)).collect();
        let names = Names::new(
            terms
                .iter()
                .enumerate()
                .flat_map(|(i, t)| t.names().map(move |n| (i, n))),
        );
        Glossary { terms, index, names }
    }

    /// The terms named in `text`, in order of first mention. Names match as
    /// whole words, ignoring case and accents (capitals-only abbreviations
    /// excepted); where names overlap, the longer one starting first wins,
    /// so "Tier 2 Watch List" is that term, not Tier 2.
    fn find(&self, text: &str) -> Vec<&Term> {
        self.names
            .named_in(text)
            .into_iter()
            .map(|i| &self.terms[i])
            .collect()
    }
}

impl Timeline {
    /// Adds the glossary's terms, in the order given.
    pub fn with_glossary(mut self, terms: Vec<Term>) -> Self {
        self.glossary = Glossary::new(terms);
        self
    }

    /// Every term, in the order of the data files.
    pub fn terms(&self) -> &[Term] {
        &self.glossary.terms
    }

    /// The term with this id.
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.glossary.index.get(id).map(|&i| &self.glossary.terms[i])
    }

    /// The terms `text` names (by name, abbreviation or alias, as whole
    /// words, case and accents ignored), in order of first mention.
    pub fn terms_in(&self, text: &str) -> Vec<&Term> {
        self.glossary.find(text)
    }

    /// The terms an event's title, summary, details and ranking name.
    pub fn terms_of(&self, event: &Event) -> Vec<&Term> {
        let mut text = format!("{}\n{}", event.title, event.summary);
        for part in [event.details.as_deref(), event.ranking.as_deref()]
            .into_iter()
            .flatten()
        {
            text.push('\n');
            text.push_str(part);
        }
        self.terms_in(&text)
    }

    /// The term a reader means by `name`: its id, name, abbreviation or an
    /// alias, case and accents ignored.
    pub fn term_named(&self, name: &str) -> Option<&Term> {
        if let Some(t) = self.term(name) {
            return Some(t);
        }
        let wanted = fold_words(name);
        self.glossary
            .terms
            .iter()
            .find(|t| t.id == wanted || t.names().any(|n| fold_words(n) == wanted))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(id: &str, name: &str, short: Option<&str>, aliases: &[&str]) -> Term {
        Term {
            id: id.into(),
            name: name.into(),
            short: short.map(Into::into),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            definition: "D.".into(),
            sources: Vec::new(),
            see: Vec::new(),
        }
    }

    fn timeline() -> Timeline {
        Timeline::default().with_glossary(vec![
            term("tier-2", "Tier 2", None, &[]),
            term("watch", "Tier 2 Watch List", None, &["Watch List"]),
            term("special", "Special Watch List", None, &[]),
            term(
                "commit",
                "Coordinated Mekong Ministerial Initiative",
                Some("COMMIT"),
                &[],
            ),
            term(
                "ncct",
                "National Committee for Counter Trafficking",
                Some("NCCT"),
                &[],
            ),
            term("tip", "Trafficking in Persons Report", Some("TIP report"), &[]),
            term("day", "Inter-Faith Day", None, &["Interfaith Day"]),
        ])
    }

    fn ids(t: &Timeline, text: &str) -> Vec<String> {
        t.terms_in(text).iter().map(|t| t.id.clone()).collect()
    }

    #[test]
    fn terms_are_found_as_whole_words_in_order_of_first_mention() {
        let t = timeline();
        assert_eq!(
            ids(&t, "The NCCT read the TIP Report; the ncct met again."),
            ["ncct", "tip"]
        );
        assert_eq!(ids(&t, "tip reporter NCCTs"), Vec::<String>::new());
        assert_eq!(ids(&t, "(Tier 2), then tier\n 2 again"), ["tier-2"]);
        assert_eq!(ids(&t, "Tier 20"), Vec::<String>::new());
    }

    #[test]
    fn the_longer_overlapping_name_wins() {
        let t = timeline();
        assert_eq!(ids(&t, "ranked Tier 2 Watch List"), ["watch"]);
        assert_eq!(ids(&t, "the Special Watch List"), ["special"]);
        assert_eq!(
            ids(&t, "Tier 2 in 2003, the Watch List in 2006"),
            ["tier-2", "watch"]
        );
    }

    #[test]
    fn abbreviations_in_capitals_match_only_capitals_and_accents_fold() {
        let t = timeline();
        assert_eq!(ids(&t, "forced to commit crimes"), Vec::<String>::new());
        assert_eq!(ids(&t, "the COMMIT process"), ["commit"]);
        assert_eq!(ids(&t, "INTER-FAITH DAY and ÍNTERFAITH Dáy"), ["day"]);
    }

    #[test]
    fn terms_are_looked_up_by_id_name_or_alias() {
        let t = timeline();
        assert_eq!(
            t.term("ncct").map(|t| t.name.as_str()),
            Some("National Committee for Counter Trafficking")
        );
        assert_eq!(t.term("NCCT"), None, "ids are exact");
        assert_eq!(t.term_named("ncct").unwrap().id, "ncct");
        assert_eq!(t.term_named("tip  REPORT").unwrap().id, "tip");
        assert_eq!(t.term_named("watch list").unwrap().id, "watch");
        assert!(t.term_named("watch-lists").is_none());
        assert_eq!(t.terms().len(), 7);
    }

    #[test]
    fn the_first_sentence_is_not_cut_at_an_initial() {
        let mut t = term("x", "X", None, &[]);
        t.definition = "A U.S. law of 2000. It created the report.".into();
        assert_eq!(t.first_sentence(), "A U.S. law of 2000.");
        t.definition = "No full stop at all".into();
        assert_eq!(t.first_sentence(), "No full stop at all");
        t.definition = "A U.S. law of 2000.[1][2] It set tiers.[3]".into();
        assert_eq!(
            t.first_sentence(),
            "A U.S. law of 2000.[1][2]",
            "markers stay with their sentence"
        );
    }
}
