//! How far a dataset's sources reach. Said wherever the timeline is shown,
//! so that nobody takes its silence after that day for a quiet time.

/// The last day the embedded dataset's sources reach, as a literal, so the
/// program's `--version` line can carry it too.
#[macro_export]
macro_rules! embedded_horizon_day {
    () => {
        "23 April 2026"
    };
}

/// The reach of a dataset's sources, and what its material holds nothing on
/// though a reader might expect it there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Horizon {
    /// The last day the sources reach, in words: "23 April 2026".
    pub day: &'static str,
    /// The same day as an ISO date.
    pub iso: &'static str,
    /// When the excerpts were last checked against their pages.
    pub checked: &'static str,
    pub not_covered: &'static [&'static str],
}

/// The embedded dataset's horizon (docs/dataset.md, "How far it reaches").
pub const EMBEDDED: Horizon = Horizon {
    day: embedded_horizon_day!(),
    iso: "2026-04-23",
    checked: "21 November and 6 December 2026",
    not_covered: &[
        "the 2026 TIP report",
        "the 20 August 2026 Inter-Faith Day",
        "any National Day of December 2025 or 2026",
    ],
};

impl Horizon {
    /// For the status line: "sources to 23 Apr 2026".
    pub fn short(&self) -> String {
        let mut words = self.day.split(' ');
        match (words.next(), words.next(), words.next()) {
            (Some(d), Some(m), Some(y)) => format!("sources to {d} {} {y}", m.get(..3).unwrap_or(m)),
            _ => format!("sources to {}", self.day),
        }
    }

    /// One sentence for help, handouts and exports.
    pub fn sentence(&self) -> String {
        format!(
            "Sources checked up to {}; not covered: {}.",
            self.day,
            self.not_covered.join(", ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_the_day_short_and_in_full() {
        assert_eq!(EMBEDDED.short(), "sources to 23 Apr 2026");
        assert_eq!(
            EMBEDDED.sentence(),
            "Sources checked up to 23 April 2026; not covered: the 2026 TIP report, the 20 August \
             2026 Inter-Faith Day, any National Day of December 2025 or 2026."
        );
    }
}
