//! A figure read as words, the same in the presenter, the detail pane,
//! `show`, handouts and exports: what qualifies its number ("more than",
//! "about") before the number, then what it counts, in its unit: "more than
//! 1,000 suspects arrested this week", "95 per cent of complaints found
//! valid", "121 of them women".
//!
//! Data files give a qualifier in parentheses at the end of a label
//! ("suspects arrested this week (more than)", "workers (about; estimate)")
//! and a unit apart; this is where both are put where a reader expects them.

use super::figures::is_share;
use super::model::{number_text, Figure};

/// Words a label gives in parentheses that qualify its number.
const QUALIFIERS: &[&str] = &[
    "about",
    "almost",
    "approximately",
    "around",
    "as many as",
    "at least",
    "at most",
    "fewer than",
    "less than",
    "more than",
    "nearly",
    "over",
    "some",
    "under",
    "up to",
];

/// A figure as words: its number with what qualifies it, and what it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureWords {
    /// "more than 1,000", "95", "about 300".
    pub number: String,
    /// What the number counts, its unit put where it reads: "suspects
    /// arrested this week", "per cent of complaints found valid".
    pub counts: String,
}

impl FigureWords {
    /// The whole phrase: "more than 1,000 suspects arrested this week".
    pub fn phrase(&self) -> String {
        format!("{} {}", self.number, self.counts)
    }
}

/// How a label says its figure is a part of the one before it.
const PART_LEADS: [&str; 2] = ["of whom ", "of which "];

impl Figure {
    /// The word a label qualifies its number with ("more than"), if any,
    /// and the label without it: "suspects arrested this week", "workers
    /// in Cambodia's scam centres (estimate)", "foreign nationals deported,
    /// Sar Sokha's figure". Parentheses that qualify nothing stay.
    pub fn qualified_label(&self) -> (Option<&str>, String) {
        let label = self.label.as_str();
        let mut qualifier = None;
        let mut out = String::with_capacity(label.len());
        let mut rest = label;
        while let Some(open) = rest.find('(') {
            let Some(close) = rest[open..].find(')').map(|c| open + c) else {
                break;
            };
            out.push_str(&rest[..open]);
            let kept: Vec<&str> = rest[open + 1..close]
                .split(';')
                .map(str::trim)
                .filter(|part| {
                    let is_qualifier =
                        qualifier.is_none() && QUALIFIERS.contains(&part.to_lowercase().as_str());
                    if is_qualifier {
                        qualifier = Some(*part);
                    }
                    !is_qualifier
                })
                .collect();
            if kept.len() == rest[open + 1..close].split(';').count() {
                out.push_str(&rest[open..=close]);
            } else if !kept.is_empty() {
                out.push_str(&format!("({})", kept.join("; ")));
            }
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
        // A group taken out leaves a space before a comma or at the end.
        let tidy = out
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace(" ,", ",");
        (qualifier, tidy)
    }

    /// What the figure counts, as a table's column names it: the label
    /// without its qualifier, with a unit that goes on from it ("identified
    /// as victims of trafficking, detention or forced labour").
    pub fn what(&self) -> String {
        let (_, label) = self.qualified_label();
        match self.unit.as_deref() {
            Some(u) if continues(u) => format!("{label} {u}"),
            _ => label,
        }
    }

    /// The value with its qualifier and unit, as a table's value column
    /// gives it beside [`Figure::what`]: "more than 2,000", "95 per cent",
    /// "41 people of three nationalities".
    pub fn value_in_words(&self) -> String {
        self.in_unit(self.qualified_number())
    }

    /// A value other sources give for the figure, in its unit: "300 people".
    /// The label's qualifier is the figure's own value's, not theirs.
    pub fn other_value_in_words(&self, value: f64) -> String {
        match self.unit.as_deref() {
            Some(u) if u.trim() == "%" => format!("{}%", number_text(value)),
            _ => self.in_unit(number_text(value)),
        }
    }

    fn in_unit(&self, number: String) -> String {
        match self.unit.as_deref() {
            Some(u) if continues(u) || u.trim() == "%" => number,
            Some(u) => format!("{number} {u}"),
            None => number,
        }
    }

    /// The number with its qualifier: "more than 1,000", "95%".
    pub fn qualified_number(&self) -> String {
        let number = match self.unit.as_deref() {
            Some(u) if u.trim() == "%" => format!("{}%", number_text(self.value)),
            _ => number_text(self.value),
        };
        match self.qualified_label().0 {
            Some(q) => format!("{q} {number}"),
            None => number,
        }
    }

    /// Whether the figure counts a part of the one before it ("of whom
    /// women"), and so reads "121 of them women": words that need that
    /// figure beside them to say what "them" are.
    pub fn is_part(&self) -> bool {
        let (_, label) = self.qualified_label();
        PART_LEADS.iter().any(|lead| label.starts_with(lead))
    }

    /// The figure as words, its number first.
    pub fn words(&self) -> FigureWords {
        let (_, label) = self.qualified_label();
        // A part of the figure before it: "of whom women" is read "121 of them women".
        let label = PART_LEADS
            .iter()
            .find_map(|lead| label.strip_prefix(lead))
            .map_or(label.clone(), |rest| format!("of them {rest}"));
        let counts = match self.unit.as_deref().map(str::trim) {
            None | Some("") => label,
            Some("%") if label.starts_with("of ") => label,
            Some("%") => format!("of {label}"),
            Some(u) if is_share(Some(u)) && label.starts_with("of ") => format!("{u} {label}"),
            Some(u) if is_share(Some(u)) => format!("{u} of {label}"),
            Some(u) if continues(u) => format!("{label} {u}"),
            // A unit the label already says ("3 consecutive years on ...").
            Some(u) if said_in(u, &label) => label,
            Some(u) => format!("{label} ({u})"),
        };
        FigureWords {
            number: self.qualified_number(),
            counts,
        }
    }
}

/// Whether a unit goes on from the label ("of trafficking, detention or
/// forced labour") rather than saying what the number is in.
fn continues(unit: &str) -> bool {
    unit.trim_start().starts_with("of ")
}

/// Whether every word of a unit is a word of the label.
fn said_in(unit: &str, label: &str) -> bool {
    let words: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
    unit.split_whitespace().all(|w| words.contains(&w.to_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(label: &str, value: f64, unit: Option<&str>) -> Figure {
        Figure {
            label: label.into(),
            value,
            unit: unit.map(str::to_string),
            period: None,
            according_to: None,
            sources: Vec::new(),
            alternatives: Vec::new(),
        }
    }

    fn phrase(label: &str, value: f64, unit: Option<&str>) -> String {
        figure(label, value, unit).words().phrase()
    }

    #[test]
    fn a_qualifier_comes_before_the_number() {
        assert_eq!(
            phrase("suspects arrested this week (more than)", 1000.0, None),
            "more than 1,000 suspects arrested this week"
        );
        assert_eq!(
            phrase("people deported (some)", 130.0, None),
            "some 130 people deported"
        );
        assert_eq!(
            phrase(
                "foreign nationals linked to online scams deported (more than), Sar Sokha's figure",
                48000.0,
                None
            ),
            "more than 48,000 foreign nationals linked to online scams deported, Sar Sokha's figure"
        );
        assert_eq!(
            phrase(
                "workers in Cambodia's scam centres (about; estimate)",
                200000.0,
                None
            ),
            "about 200,000 workers in Cambodia's scam centres (estimate)"
        );
        // Parentheses that qualify nothing stay where they are.
        assert_eq!(
            phrase("targets in Cambodia (individuals and entities)", 10.0, None),
            "10 targets in Cambodia (individuals and entities)"
        );
        assert_eq!(
            phrase("South Koreans among them (estimate)", 1000.0, None),
            "1,000 South Koreans among them (estimate)"
        );
    }

    #[test]
    fn a_unit_goes_where_it_reads() {
        assert_eq!(
            phrase("complaints found valid", 95.0, Some("per cent")),
            "95 per cent of complaints found valid"
        );
        assert_eq!(
            phrase("complaints found valid", 95.0, Some("%")),
            "95% of complaints found valid"
        );
        assert_eq!(
            phrase(
                "identified as victims",
                153.0,
                Some("of trafficking, detention or forced labour")
            ),
            "153 identified as victims of trafficking, detention or forced labour"
        );
        assert_eq!(
            phrase("consecutive years on the Tier 2 Watch List", 3.0, Some("years")),
            "3 consecutive years on the Tier 2 Watch List"
        );
        assert_eq!(
            phrase(
                "suspects arrested and sent to court",
                41.0,
                Some("people of three nationalities")
            ),
            "41 suspects arrested and sent to court (people of three nationalities)"
        );
    }

    #[test]
    fn a_part_of_a_figure_reads_of_them() {
        assert_eq!(phrase("of whom women", 121.0, None), "121 of them women");
        assert_eq!(
            phrase("of whom women (more than)", 400.0, None),
            "more than 400 of them women"
        );
        assert_eq!(
            phrase("of which shut down (about)", 200.0, None),
            "about 200 of them shut down"
        );
    }

    #[test]
    fn a_table_gives_what_is_counted_and_the_value_in_words() {
        let f = figure("foreigners rescued (more than)", 2000.0, None);
        assert_eq!(
            (f.what(), f.value_in_words()),
            ("foreigners rescued".into(), "more than 2,000".into())
        );
        let f = figure("complaints found valid", 95.0, Some("per cent"));
        assert_eq!(
            (f.what(), f.value_in_words()),
            ("complaints found valid".into(), "95 per cent".into())
        );
        let f = figure("identified as victims", 153.0, Some("of trafficking"));
        assert_eq!(
            (f.what(), f.value_in_words()),
            ("identified as victims of trafficking".into(), "153".into())
        );
    }
}
