//! How the timeline's claims are said in words, the same way in the detail
//! pane, `show`, the presenter, handouts and exports: who gives which value
//! where sources disagree, and how sure a date is.

use super::date::Precision;
use super::model::{Dispute, Event, Figure, Timeline};

impl Timeline {
    /// The publishers of some sources, each once: "Cambodia Daily, Licadho".
    pub fn publishers_of(&self, sources: &[String]) -> String {
        let mut names: Vec<&str> = Vec::new();
        for id in sources {
            let name = self.source(id).map_or(id.as_str(), |s| s.publisher.as_str());
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names.join(", ")
    }

    /// Who gives a figure, the same words everywhere it is shown: the
    /// official it is attributed to ("according to Sar Kheng"), or else the
    /// publishers of the sources that give its value ("reported by The Phnom
    /// Penh Post"). `None` only for a figure whose sources disagree and that
    /// no official gave: its value text names who gives each value.
    pub fn figure_source(&self, e: &Event, f: &Figure) -> Option<String> {
        if let Some(id) = &f.according_to {
            let name = self.actor(id).map_or(id.as_str(), |a| a.name.as_str());
            return Some(format!("according to {name}"));
        }
        (!f.is_disputed()).then(|| self.figure_reported_by(e, f))
    }

    /// The publishers of the sources that give a figure's (first) value.
    pub fn figure_reported_by(&self, e: &Event, f: &Figure) -> String {
        let ids: Vec<String> = if f.sources.is_empty() {
            e.sources.iter().map(|c| c.source.clone()).collect()
        } else {
            f.sources.clone()
        };
        format!("reported by {}", self.publishers_of(&ids))
    }

    /// A figure's value, and where sources disagree every value with who
    /// gives it: "83 (Cambodia Daily, Licadho) or 84 (Sydney Morning Herald)".
    pub fn figure_value_text(&self, f: &Figure) -> String {
        if f.alternatives.is_empty() {
            return f.qualified_number();
        }
        let mut parts = vec![format!(
            "{} ({})",
            f.qualified_number(),
            self.publishers_of(&f.sources)
        )];
        for a in &f.alternatives {
            parts.push(format!(
                "{} ({})",
                super::model::number_text(a.value),
                self.publishers_of(&a.sources)
            ));
        }
        parts.join(" or ")
    }

    /// [`Timeline::figure_value_text`] with the unit after every value, not
    /// only the last: "361 people (The Post) or 300 people (The Wire)"; the
    /// value beside [`Figure::what`] in a table.
    pub fn figure_value_in_units(&self, f: &Figure) -> String {
        if f.alternatives.is_empty() {
            return f.value_in_words();
        }
        let mut parts = vec![format!(
            "{} ({})",
            f.value_in_words(),
            self.publishers_of(&f.sources)
        )];
        for a in &f.alternatives {
            parts.push(format!(
                "{} ({})",
                f.other_value_in_words(a.value),
                self.publishers_of(&a.sources)
            ));
        }
        parts.join(" or ")
    }

    /// "ordinal: 15th (AKP) or 16th (The Phnom Penh Post)".
    pub fn dispute_text(&self, d: &Dispute) -> String {
        let claims: Vec<String> = d
            .claims
            .iter()
            .map(|c| format!("{} ({})", c.value, self.publishers_of(&c.sources)))
            .collect();
        format!("{}: {}", d.about, claims.join(" or "))
    }

    /// Every disagreement about an event, a line each: disputes, then figures.
    pub fn disagreements(&self, e: &Event) -> Vec<String> {
        let mut out: Vec<String> = e.disputes.iter().map(|d| self.dispute_text(d)).collect();
        for f in e.figures.iter().filter(|f| f.is_disputed()) {
            out.push(format!("{}: {}", f.what(), self.figure_value_text(f)));
        }
        out
    }
}

impl Event {
    /// How sure the date is, in words: "known to the day", "a day known to be
    /// one of a set", "approximate, known to the month", "worked out by the compilers: ...".
    pub fn date_words(&self) -> String {
        let d = &self.dating;
        let precision = match self.date.precision() {
            Precision::Year => "known to the year",
            Precision::Month => "known to the month",
            Precision::Day => "known to the day",
        };
        let mut words = if !d.one_of.is_empty() {
            "one of these days; the sources differ or do not say which".to_string()
        } else {
            let mut w = Vec::new();
            if d.start.approximate || d.end.approximate {
                w.push("approximate");
            }
            if d.start.uncertain || d.end.uncertain {
                w.push("uncertain");
            }
            w.push(precision);
            w.join(", ")
        };
        if d.open_end {
            words.push_str("; no end given");
        }
        if let Some(how) = &d.derived {
            words.push_str(&format!("; worked out by the compilers: {how}"));
        }
        words
    }
}

impl Event {
    /// The event's prose with each citation marker (`[2]`, its second
    /// citation) renumbered as `number` numbers that citation's source, so
    /// a stop, the end screen after it and a handout name a source by one
    /// number. Two citations of one source are one number, given once; a
    /// marker naming no citation, or a source `number` does not know,
    /// becomes `[?]`: it leads nowhere.
    pub fn renumbered(&self, text: &str, number: impl Fn(&str) -> Option<usize>) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('[') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let inside = after.find(']').map(|close| &after[..close]);
            let numbers: Option<Vec<usize>> = inside.and_then(|inside| {
                inside
                    .split(',')
                    .map(|n| n.trim().parse::<usize>().ok().filter(|&n| n > 0))
                    .collect()
            });
            match (inside, numbers) {
                (Some(inside), Some(numbers)) => {
                    for n in numbers {
                        match self.sources.get(n - 1).and_then(|c| number(&c.source)) {
                            Some(k) if out.ends_with(&format!("[{k}]")) => {}
                            Some(k) => out.push_str(&format!("[{k}]")),
                            None => out.push_str("[?]"),
                        }
                    }
                    rest = &after[inside.len() + 1..];
                }
                _ => {
                    out.push('[');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

impl Timeline {
    /// What the marks on the dates of the events at `positions` mean, in
    /// one line for a room that sees them and cannot look them up: "? the
    /// sources leave this date in doubt", "c. about (the sources give it
    /// roughly)". A date the compilers worked out is said to be, whatever
    /// else marks it. `None` when no date among them carries a mark (a set
    /// of days is written out in words).
    pub fn date_marks_key(&self, positions: &[usize]) -> Option<String> {
        let (mut doubted, mut worked_out, mut about) = (false, false, false);
        for e in positions.iter().filter_map(|&p| self.events.get(p)) {
            let d = &e.dating;
            if !d.one_of.is_empty() {
                continue;
            }
            if d.derived.is_some() {
                worked_out = true;
            } else if d.start.uncertain || (e.end.is_some() && d.end.uncertain) {
                doubted = true;
            }
            about |= d.start.approximate || (e.end.is_some() && d.end.approximate);
        }
        let mut keys = Vec::new();
        match (doubted, worked_out) {
            (true, true) => keys.push(format!("? {QUESTION_MARK_MEANS}")),
            (true, false) => keys.push("? the sources leave this date in doubt".into()),
            (false, true) => keys.push("? worked out by the compilers".into()),
            (false, false) => {}
        }
        if about {
            keys.push(format!("c. {CIRCA_MEANS}"));
        }
        (!keys.is_empty()).then(|| keys.join(" · "))
    }
}

/// What a `?` after a date says, whichever of its two reasons applies (the
/// detail and `show` say which), for a key that covers every date.
pub const QUESTION_MARK_MEANS: &str = "in doubt in the sources, or worked out by the compilers";
/// What a `c.` before a date says.
pub const CIRCA_MEANS: &str = "about (the sources give it roughly)";

impl super::model::Citation {
    /// The quote in quotation marks, ready to print. A quote that holds
    /// quoted speech of its own has those marks turned to single ones, as
    /// quotes within quotes are written, so it never opens with `““`.
    pub fn quoted(&self) -> String {
        let inner: String = self
            .quote
            .chars()
            .map(|c| match c {
                '“' => '‘',
                '”' => '’',
                c => c,
            })
            .collect();
        format!("“{inner}”")
    }
}

impl super::model::Relation {
    /// The relation read from the event that states it: "responds to".
    pub fn words(self) -> &'static str {
        use super::model::Relation::*;
        match self {
            RespondsTo => "responds to",
            Announces => "announces",
            AnnouncedBy => "announced by",
            Follows => "follows",
            PartOf => "part of",
            Reports => "reports on",
            SeeAlso => "see also",
        }
    }

    /// The same relation read from the event it points at: if B follows A,
    /// A is "followed by" B.
    pub fn inverse_words(self) -> &'static str {
        use super::model::Relation::*;
        match self {
            RespondsTo => "answered by",
            Announces => "announced by",
            AnnouncedBy => "announces",
            Follows => "followed by",
            PartOf => "includes",
            Reports => "reported on by",
            SeeAlso => "see also",
        }
    }
}

/// A link shown with an event: one it states, or one another event states
/// about it, in words read from this event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The other event's position in the timeline.
    pub position: usize,
    pub words: &'static str,
    /// Stated by the other event ("followed by"), not by this one.
    pub inward: bool,
}

impl Timeline {
    /// The links of the event at `position`: those it states, in its own
    /// order, then those other events state about it, in timeline order. An
    /// event that both links and is linked back appears once, as stated here.
    pub fn links(&self, position: usize) -> Vec<Link> {
        let Some(event) = self.events.get(position) else {
            return Vec::new();
        };
        let mut links: Vec<Link> = event
            .related
            .iter()
            .filter_map(|l| {
                Some(Link {
                    position: self.event_position(&l.event)?,
                    words: l.relation.words(),
                    inward: false,
                })
            })
            .collect();
        let stated = links.len();
        for &(from, relation) in self.linked_from(position) {
            let from = from as usize;
            if !links[..stated].iter().any(|l| l.position == from) {
                links.push(Link {
                    position: from,
                    words: relation.inverse_words(),
                    inward: true,
                });
            }
        }
        links
    }
}
