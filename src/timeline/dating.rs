//! How sure a date is, in a subset of the Extended Date/Time Format (EDTF,
//! ISO 8601-2): approximate (`~`), uncertain (`?`) or both (`%`), a day
//! known to be one of a set (`[2015-11-21,2015-11-22]`), an open or unknown
//! end (`..`), and a note when the date was worked out rather than read.
//! Nothing here shows a date more precise or more certain than stored.

use super::date::{DateError, PartialDate, Precision};
use std::fmt;

/// EDTF's qualifiers on one date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize)]
pub struct Qualifier {
    /// `~`: about then ("c. Dec 2007").
    pub approximate: bool,
    /// `?`: the sources are not sure ("12 Dec 2007?").
    pub uncertain: bool,
}

impl Qualifier {
    pub fn is_exact(self) -> bool {
        !self.approximate && !self.uncertain
    }

    /// The EDTF suffix: `~`, `?`, `%` or nothing.
    pub fn suffix(self) -> &'static str {
        match (self.approximate, self.uncertain) {
            (true, true) => "%",
            (true, false) => "~",
            (false, true) => "?",
            (false, false) => "",
        }
    }

    /// A date as a reader says it, with its qualifier: `c. Dec 2007`, `12 Dec 2007?`.
    pub fn human(self, date: &PartialDate) -> String {
        let circa = if self.approximate { "c. " } else { "" };
        let query = if self.uncertain { "?" } else { "" };
        format!("{circa}{}{query}", date.human())
    }
}

/// One written date: a date with its qualifier, or a set of days it is one of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Written {
    One(PartialDate, Qualifier),
    OneOf(Vec<PartialDate>),
}

/// Why a qualified date was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WrittenError {
    Date(DateError),
    /// `[a,b]` with fewer than two dates, or dates out of order.
    Set,
}

impl fmt::Display for WrittenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WrittenError::Date(DateError::Malformed) => f.write_str(
                "expected a date as YYYY, YYYY-MM or YYYY-MM-DD, optionally ending in ~ (about), ? (uncertain) or % (both), or a set such as [2015-11-21,2015-11-22]",
            ),
            WrittenError::Date(e) => e.fmt(f),
            WrittenError::Set => f.write_str(
                "a set of possible dates lists at least two dates, earliest first, such as [2015-11-21,2015-11-22]",
            ),
        }
    }
}

impl Written {
    /// Reads `2007-12`, `2007-12~`, `2007-12-12?`, `2007%` or `[2015-11-21,2015-11-22]`.
    pub fn parse(text: &str) -> Result<Written, WrittenError> {
        if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            let dates = inner
                .split(',')
                .map(|d| PartialDate::parse(d.trim()).map_err(WrittenError::Date))
                .collect::<Result<Vec<_>, _>>()?;
            if dates.len() < 2 || dates.windows(2).any(|w| w[1].first_day() <= w[0].first_day()) {
                return Err(WrittenError::Set);
            }
            return Ok(Written::OneOf(dates));
        }
        let (body, q) = match text.as_bytes().last() {
            Some(b'~') => (
                &text[..text.len() - 1],
                Qualifier {
                    approximate: true,
                    uncertain: false,
                },
            ),
            Some(b'?') => (
                &text[..text.len() - 1],
                Qualifier {
                    approximate: false,
                    uncertain: true,
                },
            ),
            Some(b'%') => (
                &text[..text.len() - 1],
                Qualifier {
                    approximate: true,
                    uncertain: true,
                },
            ),
            _ => (text, Qualifier::default()),
        };
        Ok(Written::One(
            PartialDate::parse(body).map_err(WrittenError::Date)?,
            q,
        ))
    }
}

/// What is known of an event's dates beyond the plain start and end.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Dating {
    /// The start's qualifier.
    pub start: Qualifier,
    /// The end's qualifier.
    pub end: Qualifier,
    /// Days the event is one of (the start is the first); empty when the date is one day.
    pub one_of: Vec<PartialDate>,
    /// The end is open or unknown (`..`): it began then and the sources give no end.
    pub open_end: bool,
    /// How the date was worked out, when no source states it.
    pub derived: Option<String>,
}

/// How sure an event's date and facts are, for the `certainty:` facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Certainty {
    Exact,
    Approximate,
    Uncertain,
    Disputed,
}

impl Certainty {
    pub const ALL: [Certainty; 4] = [
        Certainty::Exact,
        Certainty::Approximate,
        Certainty::Uncertain,
        Certainty::Disputed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Certainty::Exact => "exact",
            Certainty::Approximate => "approximate",
            Certainty::Uncertain => "uncertain",
            Certainty::Disputed => "disputed",
        }
    }

    pub fn parse(text: &str) -> Option<Certainty> {
        Certainty::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

impl fmt::Display for Certainty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Dating {
    pub fn is_plain(&self) -> bool {
        self == &Dating::default()
    }

    /// The last day the event may have started: the last of a set of days.
    pub fn latest_start<'a>(&'a self, start: &'a PartialDate) -> &'a PartialDate {
        self.one_of.last().unwrap_or(start)
    }

    /// How sure the date is: a set of days or `?` is uncertain, `~` approximate.
    pub fn certainty(&self) -> Certainty {
        if !self.one_of.is_empty() || self.start.uncertain || self.end.uncertain || self.derived.is_some() {
            Certainty::Uncertain
        } else if self.start.approximate || self.end.approximate {
            Certainty::Approximate
        } else {
            Certainty::Exact
        }
    }

    /// The dates in EDTF: `2007-12?`, `[2015-11-21,2015-11-22]`, `2022-08-18/..`,
    /// `2019/2022~`.
    pub fn edtf(&self, start: &PartialDate, end: Option<&PartialDate>) -> String {
        let first = if self.one_of.is_empty() {
            format!("{start}{}", self.shown_start().suffix())
        } else {
            let all: Vec<String> = self.one_of.iter().map(|d| d.to_string()).collect();
            format!("[{}]", all.join(","))
        };
        match (end, self.open_end) {
            (Some(e), _) => format!("{first}/{e}{}", self.end.suffix()),
            (None, true) => format!("{first}/.."),
            (None, false) => first,
        }
    }

    /// The dates as a reader says them: `c. Dec 2007`, `12 Dec 2007?`,
    /// `21 or 22 Nov 2015`, `from 18 Aug 2022`, `18 Aug – 29 Sep 2022`.
    pub fn human(&self, start: &PartialDate, end: Option<&PartialDate>) -> String {
        if !self.one_of.is_empty() {
            return one_of_text(&self.one_of);
        }
        let first = self.shown_start();
        match end {
            None if self.open_end => format!("from {}", first.human(start)),
            None => first.human(start),
            Some(e) if first.is_exact() && self.end.is_exact() => PartialDate::human_range(start, Some(e)),
            Some(e) => format!("{} – {}", first.human(start), self.end.human(e)),
        }
    }

    /// The first date's qualifier as shown: a date worked out rather than
    /// read is never shown as surely known ("18 Aug 2022?").
    fn shown_start(&self) -> Qualifier {
        Qualifier {
            uncertain: self.start.uncertain || self.derived.is_some(),
            ..self.start
        }
    }
}

/// "21 or 22 Nov 2015", "30 Nov or 1 Dec 2015", "2014, 2015 or 2016": what
/// the days share is said once.
fn one_of_text(dates: &[PartialDate]) -> String {
    let same_year = dates.iter().all(|d| d.year_number() == dates[0].year_number());
    let same_month = same_year && dates.iter().all(|d| d.month_number() == dates[0].month_number());
    let all_days = dates.iter().all(|d| d.precision() == Precision::Day);
    let last = dates.last().expect("a set has two or more dates");
    let heads: Vec<String> = dates[..dates.len() - 1]
        .iter()
        .map(|d| {
            if same_month && all_days {
                d.day_number().unwrap_or(1).to_string()
            } else if same_year && d.precision() != Precision::Year {
                let full = d.human();
                full.trim_end_matches(&format!(" {}", d.year_number()))
                    .to_string()
            } else {
                d.human()
            }
        })
        .collect();
    let tail = last.human();
    match heads.len() {
        1 => format!("{} or {tail}", heads[0]),
        _ => format!("{} or {tail}", heads.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn read(s: &str) -> Dating {
        match Written::parse(s).unwrap() {
            Written::One(_, q) => Dating {
                start: q,
                ..Dating::default()
            },
            Written::OneOf(all) => Dating {
                one_of: all,
                ..Dating::default()
            },
        }
    }

    #[test]
    fn qualified_dates_read_and_say_how_sure_they_are() {
        assert_eq!(read("2007-12~").human(&d("2007-12"), None), "c. Dec 2007");
        assert_eq!(read("2007-12-12?").human(&d("2007-12-12"), None), "12 Dec 2007?");
        assert_eq!(read("2007%").human(&d("2007"), None), "c. 2007?");
        assert_eq!(read("2007-12-12").human(&d("2007-12-12"), None), "12 Dec 2007");
        assert_eq!(read("2007-12~").edtf(&d("2007-12"), None), "2007-12~");
        assert_eq!(read("2007%").certainty(), Certainty::Uncertain);
        assert_eq!(read("2007~").certainty(), Certainty::Approximate);
        assert_eq!(read("2007").certainty(), Certainty::Exact);
    }

    #[test]
    fn sets_of_days_say_each_once() {
        let set = read("[2015-11-21,2015-11-22]");
        assert_eq!(set.human(&d("2015-11-21"), None), "21 or 22 Nov 2015");
        assert_eq!(set.edtf(&d("2015-11-21"), None), "[2015-11-21,2015-11-22]");
        assert_eq!(set.certainty(), Certainty::Uncertain);
        assert_eq!(
            read("[2015-11-30,2015-12-01]").human(&d("2015-11-30"), None),
            "30 Nov or 1 Dec 2015"
        );
        assert_eq!(
            read("[2014,2015,2016]").human(&d("2014"), None),
            "2014, 2015 or 2016"
        );
        assert_eq!(
            read("[2015-11,2016-01]").human(&d("2015-11"), None),
            "Nov 2015 or Jan 2016"
        );
        assert_eq!(set.latest_start(&d("2015-11-21")), &d("2015-11-22"));
    }

    #[test]
    fn open_ends_and_qualified_ends() {
        let open = Dating {
            open_end: true,
            ..Dating::default()
        };
        assert_eq!(open.human(&d("2022-08-18"), None), "from 18 Aug 2022");
        assert_eq!(open.edtf(&d("2022-08-18"), None), "2022-08-18/..");
        let fuzzy_end = Dating {
            end: Qualifier {
                approximate: true,
                uncertain: false,
            },
            ..Dating::default()
        };
        assert_eq!(fuzzy_end.human(&d("2019"), Some(&d("2022"))), "2019 – c. 2022");
        assert_eq!(fuzzy_end.edtf(&d("2019"), Some(&d("2022"))), "2019/2022~");
        assert_eq!(
            Dating::default().human(&d("2022-08-18"), Some(&d("2022-09-29"))),
            "18 Aug – 29 Sep 2022"
        );
    }

    #[test]
    fn certainty_words_read_back_and_are_what_the_facet_takes() {
        let words: Vec<String> = Certainty::ALL.iter().map(|c| c.to_string()).collect();
        assert_eq!(words, ["exact", "approximate", "uncertain", "disputed"]);
        assert_eq!(Certainty::parse("disputed"), Some(Certainty::Disputed));
        assert_eq!(Certainty::parse("approximate"), Some(Certainty::Approximate));
        assert_eq!(Certainty::parse("sure"), None);
    }

    #[test]
    fn a_plain_dating_is_one_with_nothing_beyond_its_dates() {
        assert!(Dating::default().is_plain());
        let worked_out = Dating {
            derived: Some("from the weekday".into()),
            ..Dating::default()
        };
        assert!(!worked_out.is_plain());
        // A worked-out date is uncertain though its quotes qualify nothing,
        // and so is one whose end alone is uncertain.
        assert_eq!(worked_out.certainty(), Certainty::Uncertain);
        assert_eq!(worked_out.human(&d("2022-08-18"), None), "18 Aug 2022?");
        assert_eq!(worked_out.edtf(&d("2022-08-18"), None), "2022-08-18?");
        let unsure_end = Dating {
            end: Qualifier {
                approximate: false,
                uncertain: true,
            },
            ..Dating::default()
        };
        assert_eq!(unsure_end.certainty(), Certainty::Uncertain);
    }

    #[test]
    fn refusals_say_what_was_expected() {
        assert_eq!(
            WrittenError::Set.to_string(),
            "a set of possible dates lists at least two dates, earliest first, such as [2015-11-21,2015-11-22]"
        );
        assert!(WrittenError::Date(DateError::Malformed)
            .to_string()
            .starts_with("expected a date as YYYY, YYYY-MM or YYYY-MM-DD, optionally ending in ~ (about)"));
    }

    #[test]
    fn bad_sets_and_dates_are_refused() {
        assert_eq!(Written::parse("[2015-11-21]"), Err(WrittenError::Set));
        assert_eq!(Written::parse("[2015-11-22,2015-11-21]"), Err(WrittenError::Set));
        assert_eq!(Written::parse("[2015-11-21,2015-11-21]"), Err(WrittenError::Set));
        assert_eq!(
            Written::parse("2015-13?"),
            Err(WrittenError::Date(DateError::NoSuchMonth))
        );
        assert_eq!(
            Written::parse("2015?~"),
            Err(WrittenError::Date(DateError::Malformed))
        );
        assert_eq!(
            Written::parse("~2015"),
            Err(WrittenError::Date(DateError::Malformed))
        );
    }
}
