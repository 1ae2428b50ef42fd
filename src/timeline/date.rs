//! Dates known to a year, a month or a day. The precision is part of the
//! fact: a source that says "2018" must never be shown as "1 Jan 2018".

use chrono::NaiveDate;
use std::fmt;

/// How much of a date the sources establish.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A calendar date at year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

/// Why a date string was refused; the loader turns this into a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Malformed,
    /// Well formed but not on the calendar (2023-02-30, month 13).
    Impossible,
    /// A month outside 01 to 12 (2022-13).
    NoSuchMonth,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Malformed => f.write_str("expected a date as YYYY, YYYY-MM or YYYY-MM-DD"),
            DateError::Impossible => f.write_str("no such day on the calendar"),
            DateError::NoSuchMonth => f.write_str("no such month: months run from 01 to 12"),
        }
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

const MONTHS_IN_FULL: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl PartialDate {
    pub fn year(year: i32) -> Self {
        PartialDate {
            year,
            month: None,
            day: None,
        }
    }

    pub fn year_month(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1)?;
        Some(PartialDate {
            year,
            month: Some(month),
            day: None,
        })
    }

    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(PartialDate {
            year,
            month: Some(month),
            day: Some(day),
        })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (four-digit year, two-digit parts).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let parts: Vec<&str> = text.split('-').collect();
        let widths_ok = match parts.as_slice() {
            [y] => y.len() == 4,
            [y, m] => y.len() == 4 && m.len() == 2,
            [y, m, d] => y.len() == 4 && m.len() == 2 && d.len() == 2,
            _ => false,
        };
        if !widths_ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(DateError::Malformed);
        }
        let num = |s: &str| s.parse::<u32>().map_err(|_| DateError::Malformed);
        let year = num(parts[0])? as i32;
        let date = match parts.len() {
            1 => Some(PartialDate::year(year)),
            2 => PartialDate::year_month(year, num(parts[1])?),
            _ => PartialDate::ymd(year, num(parts[1])?, num(parts[2])?),
        };
        if parts.len() >= 2 && !(1..=12).contains(&num(parts[1])?) {
            return Err(DateError::NoSuchMonth);
        }
        date.ok_or(DateError::Impossible)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }

    pub fn year_number(&self) -> i32 {
        self.year
    }

    pub fn month_number(&self) -> Option<u32> {
        self.month
    }

    pub fn day_number(&self) -> Option<u32> {
        self.day
    }

    /// The first calendar day this date could mean.
    pub fn first_day(&self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
            .expect("validated at construction")
    }

    /// The last calendar day this date could mean.
    pub fn last_day(&self) -> NaiveDate {
        match (self.month, self.day) {
            (Some(m), Some(d)) => NaiveDate::from_ymd_opt(self.year, m, d),
            (Some(m), None) => {
                let (ny, nm) = if m == 12 {
                    (self.year + 1, 1)
                } else {
                    (self.year, m + 1)
                };
                NaiveDate::from_ymd_opt(ny, nm, 1).and_then(|d| d.pred_opt())
            }
            (None, _) => NaiveDate::from_ymd_opt(self.year, 12, 31),
        }
        .expect("validated at construction")
    }

    /// The date as a reader says it: `2022`, `Aug 2022`, `19 Jul 2022`.
    pub fn human(&self) -> String {
        match (self.month, self.day) {
            (None, _) => format!("{}", self.year),
            (Some(m), None) => format!("{} {}", MONTHS[m as usize - 1], self.year),
            (Some(m), Some(d)) => format!("{} {} {}", d, MONTHS[m as usize - 1], self.year),
        }
    }

    /// The date with the month's name in full, as a citation gives it:
    /// `21 November 2026`, `February 2008`, `2019`.
    pub fn in_full(&self) -> String {
        match (self.month, self.day) {
            (None, _) => format!("{}", self.year),
            (Some(m), None) => format!("{} {}", MONTHS_IN_FULL[m as usize - 1], self.year),
            (Some(m), Some(d)) => format!("{} {} {}", d, MONTHS_IN_FULL[m as usize - 1], self.year),
        }
    }

    /// A range as a reader says it, dropping what both ends share:
    /// `18 Aug – 29 Sep 2022`, `Aug – Nov 2022`, `2019 – 2022`.
    pub fn human_range(start: &PartialDate, end: Option<&PartialDate>) -> String {
        let Some(end) = end else {
            return start.human();
        };
        if start.year == end.year && start.precision() == end.precision() {
            if start.precision() == Precision::Day && start.month == end.month {
                return format!("{} – {}", start.day.unwrap_or(1), end.human());
            }
            let head = match (start.month, start.day) {
                (Some(m), Some(d)) => format!("{} {}", d, MONTHS[m as usize - 1]),
                (Some(m), None) => MONTHS[m as usize - 1].to_string(),
                (None, _) => return start.human(),
            };
            return format!("{} – {}", head, end.human());
        }
        format!("{} – {}", start.human(), end.human())
    }

    /// A range said in words, months named in full and what both ends
    /// share said once: `18 August to 29 September 2022`, `18 to 29
    /// September 2022`, `August to November 2022`, `2019 to 2022`.
    pub fn range_in_full(start: &PartialDate, end: Option<&PartialDate>) -> String {
        let Some(end) = end else {
            return start.in_full();
        };
        if start.year == end.year && start.precision() == end.precision() {
            if start.precision() == Precision::Day && start.month == end.month {
                return format!("{} to {}", start.day.unwrap_or(1), end.in_full());
            }
            let head = match (start.month, start.day) {
                (Some(m), Some(d)) => format!("{} {}", d, MONTHS_IN_FULL[m as usize - 1]),
                (Some(m), None) => MONTHS_IN_FULL[m as usize - 1].to_string(),
                (None, _) => return start.in_full(),
            };
            return format!("{head} to {}", end.in_full());
        }
        format!("{} to {}", start.in_full(), end.in_full())
    }

    /// A shorter range for narrow columns: the year is dropped when both
    /// ends share it (the timeline's year heading says it), else only the
    /// years are kept: `18 Aug–29 Sep`, `18 Aug–Nov`, `2019–2022`; one
    /// date is written without its year unless known only to the year:
    /// `19 Jul`, `Jul`, `2022`.
    pub fn compact_range(start: &PartialDate, end: Option<&PartialDate>) -> String {
        let short = |d: &PartialDate| match (d.month, d.day) {
            (Some(m), Some(day)) => format!("{day} {}", MONTHS[m as usize - 1]),
            (Some(m), None) => MONTHS[m as usize - 1].to_string(),
            (None, _) => d.year.to_string(),
        };
        let Some(end) = end else {
            return short(start);
        };
        match (
            start.year == end.year,
            start.month.is_some() && end.month.is_some(),
        ) {
            (true, true) if start.month == end.month && start.day.is_some() && end.day.is_some() => {
                format!("{}–{}", start.day.unwrap_or(1), short(end))
            }
            (true, true) => format!("{}–{}", short(start), short(end)),
            // Within one year, but an end known only to the year: no range to show.
            (true, false) => start.year.to_string(),
            (false, _) => format!("{}–{}", start.year, end.year),
        }
    }

    /// The narrowest range: months alone within one year (`Aug–Nov`,
    /// `Nov`), the end's year in two digits across years of one century
    /// (`2022–23`), else as [`PartialDate::compact_range`] gives it.
    pub fn month_range(start: &PartialDate, end: Option<&PartialDate>) -> String {
        let month = |d: &PartialDate| d.month.map(|m| MONTHS[m as usize - 1]);
        if let Some(e) = end.filter(|e| e.year != start.year && e.year / 100 == start.year / 100) {
            return format!("{}–{:02}", start.year, e.year % 100);
        }
        match (month(start), end) {
            (Some(m), None) => m.to_string(),
            (Some(m), Some(e)) if e.year == start.year => match month(e) {
                Some(n) if n != m => format!("{m}–{n}"),
                Some(_) => m.to_string(),
                None => start.year.to_string(),
            },
            _ => PartialDate::compact_range(start, end),
        }
    }
}

impl fmt::Display for PartialDate {
    /// The ISO form at the stored precision, as written in the data files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (None, _) => write!(f, "{:04}", self.year),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
        }
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(PartialDate::parse("2022").unwrap().precision(), Precision::Year);
        assert_eq!(
            PartialDate::parse("2022-08").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2022-08-18").unwrap().precision(),
            Precision::Day
        );
    }

    #[test]
    fn refuses_malformed_and_impossible_dates() {
        for bad in [
            "2023-2",
            "22",
            "2023-02-3",
            "2023/02/03",
            "",
            "2023-",
            "abcd",
            "+202",
        ] {
            assert_eq!(PartialDate::parse(bad), Err(DateError::Malformed), "{bad}");
        }
        for bad in ["2023-13", "2023-00", "2023-13-01"] {
            assert_eq!(PartialDate::parse(bad), Err(DateError::NoSuchMonth), "{bad}");
        }
        assert_eq!(
            DateError::NoSuchMonth.to_string(),
            "no such month: months run from 01 to 12"
        );
        for bad in ["2023-02-30", "2023-04-31", "2023-01-00"] {
            assert_eq!(PartialDate::parse(bad), Err(DateError::Impossible), "{bad}");
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn display_round_trips_at_precision() {
        for s in ["2007", "2022-08", "2022-07-19", "0650"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn human_forms_keep_precision() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(d("2022").human(), "2022");
        assert_eq!(d("2022-08").human(), "Aug 2022");
        assert_eq!(d("2022-07-19").human(), "19 Jul 2022");
        assert_eq!(d("2026-11-21").in_full(), "21 November 2026");
        assert_eq!(d("2008-02").in_full(), "February 2008");
        assert_eq!(d("2019").in_full(), "2019");
        assert_eq!(
            PartialDate::human_range(&d("2022-08-18"), Some(&d("2022-09-29"))),
            "18 Aug – 29 Sep 2022"
        );
        assert_eq!(
            PartialDate::human_range(&d("2022-08-18"), Some(&d("2022-11"))),
            "18 Aug 2022 – Nov 2022"
        );
        assert_eq!(
            PartialDate::human_range(&d("2019"), Some(&d("2022"))),
            "2019 – 2022"
        );
    }

    #[test]
    fn ranges_drop_what_both_ends_share() {
        let d = |s| PartialDate::parse(s).unwrap();
        let human = |a, b| PartialDate::human_range(&d(a), Some(&d(b)));
        assert_eq!(human("2022-08", "2022-11"), "Aug – Nov 2022");
        assert_eq!(human("2022-09-18", "2022-09-29"), "18 – 29 Sep 2022");
        assert_eq!(human("2021-11", "2022-02"), "Nov 2021 – Feb 2022");
        assert_eq!(human("2021-12-30", "2022-01-02"), "30 Dec 2021 – 2 Jan 2022");
        assert_eq!(human("2022", "2022"), "2022");
        assert_eq!(PartialDate::human_range(&d("2022-08"), None), "Aug 2022");
    }

    #[test]
    fn ranges_in_words_say_what_both_ends_share_once() {
        let d = |s| PartialDate::parse(s).unwrap();
        let words = |a, b| PartialDate::range_in_full(&d(a), Some(&d(b)));
        assert_eq!(
            words("2022-08-18", "2022-09-29"),
            "18 August to 29 September 2022"
        );
        assert_eq!(words("2022-09-18", "2022-09-29"), "18 to 29 September 2022");
        assert_eq!(words("2022-08", "2022-11"), "August to November 2022");
        assert_eq!(words("2019", "2022"), "2019 to 2022");
        assert_eq!(
            words("2021-12-30", "2022-01-02"),
            "30 December 2021 to 2 January 2022"
        );
        assert_eq!(words("2022-08-18", "2022-11"), "18 August 2022 to November 2022");
        assert_eq!(
            PartialDate::range_in_full(&d("2022-08-18"), None),
            "18 August 2022"
        );
    }

    #[test]
    fn compact_ranges_keep_days_and_months_within_a_year_else_years() {
        let d = |s| PartialDate::parse(s).unwrap();
        let compact = |a, b| PartialDate::compact_range(&d(a), Some(&d(b)));
        assert_eq!(compact("2022-08-18", "2022-09-29"), "18 Aug–29 Sep");
        assert_eq!(compact("2005-11-16", "2005-11-17"), "16–17 Nov");
        assert_eq!(compact("2022-08-18", "2022-11"), "18 Aug–Nov");
        assert_eq!(compact("2022-08", "2022-11"), "Aug–Nov");
        assert_eq!(compact("2019", "2022"), "2019–2022");
        assert_eq!(compact("2021-11", "2022-02"), "2021–2022");
        assert_eq!(compact("2019-03-01", "2022"), "2019–2022");
        assert_eq!(compact("2022", "2022"), "2022");
        assert_eq!(compact("2022", "2022-11"), "2022");
        assert_eq!(PartialDate::compact_range(&d("2022-07-19"), None), "19 Jul");
        assert_eq!(PartialDate::compact_range(&d("2022"), None), "2022");
        let months = |a: &str, b: Option<&str>| {
            let end = b.map(|b| PartialDate::parse(b).unwrap());
            PartialDate::month_range(&PartialDate::parse(a).unwrap(), end.as_ref())
        };
        assert_eq!(months("2022-08-18", Some("2022-09-29")), "Aug–Sep");
        assert_eq!(months("2022-08-18", Some("2022-08-29")), "Aug");
        assert_eq!(months("2022-11-08", None), "Nov");
        assert_eq!(months("2022-11-08", Some("2022")), "2022");
        assert_eq!(months("2021-11", Some("2022-02")), "2021–22");
        assert_eq!(months("1999", Some("2001")), "1999–2001");
        assert_eq!(months("2022", None), "2022");
    }

    #[test]
    fn coarse_dates_cover_their_whole_period() {
        let d = |s| PartialDate::parse(s).unwrap();
        assert_eq!(d("2022-02").last_day().to_string(), "2022-02-28");
        assert_eq!(d("2024-02").last_day().to_string(), "2024-02-29");
        assert_eq!(d("2022-12").last_day().to_string(), "2022-12-31");
        assert_eq!(d("2022").first_day().to_string(), "2022-01-01");
        assert_eq!(d("2022").last_day().to_string(), "2022-12-31");
    }
}
