//! The date a page's address gives, and `check`'s warnings about it. Many
//! sites put the day or month of publication in their addresses: as
//! folders (`/2025/10/14/`, `/2026/jan/21/`, `/2026/02/`, `/2026-02-09/`,
//! `/2015/11-21/`, `/2025-09/08/`, `/march2012/`), or in a part of the
//! path (`/20251017/`, `/20251018-287190/`, `/15818-2019-11-06-07-39-09.html`).
//! A source may record such a date as its `published` with
//! `published_from = "address"`, and `check` warns of an address with a
//! date and no `published`, and of a date said to be the address's that is
//! not. A year alone (`/reports/2018/`) is too often a report's year or a
//! folder to be read as a date, and so is a date under an upload folder
//! (`/wp-content/uploads/2020/05/`), which says when a file was put there.

use super::diag::{Diagnostic, SourceText};
use super::gather::Gathered;
use super::provenance::MONTHS;
use crate::timeline::date::PartialDate;

/// The values of `published_from`: where the `published` date was found.
pub const PUBLISHED_FROM: &[&str] = &["material", "address"];

/// Folders that hold uploaded files: a date under one is the upload's.
const UPLOAD_FOLDERS: &[&str] = &[
    "wp-content",
    "uploads",
    "files",
    "images",
    "media",
    "assets",
    "attachments",
];

/// The date of publication an address gives, at its precision: a day or
/// a month in the path (never the host, query or fragment), the first one
/// found; `None` for a year alone, a number that might be a date but may as
/// well be an id (`202207210395`, `080605`), or a date under an upload
/// folder.
pub fn date_in_address(url: &str) -> Option<PartialDate> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let path = rest.split(['?', '#']).next().unwrap_or("");
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    for (i, segment) in segments.iter().enumerate() {
        if UPLOAD_FOLDERS.contains(&segment.to_ascii_lowercase().as_str()) {
            return None;
        }
        let next = segments.get(i + 1).copied().unwrap_or("");
        let after = segments.get(i + 2).copied().unwrap_or("");
        if let Some(date) = date_at(segment, next, after).or_else(|| date_within(segment)) {
            return Some(date);
        }
    }
    None
}

/// A date that starts at `segment`, with the two segments after it.
fn date_at(segment: &str, next: &str, after: &str) -> Option<PartialDate> {
    let parts: Vec<&str> = segment.split('-').collect();
    match parts.as_slice() {
        // 2025-10-14
        [y, m, d] => day(year(y)?, number(m)?, number(d)?),
        // 2025-09/08, or 2025-09 alone
        [y, m] => {
            let (y, m) = (year(y)?, number(m)?);
            match number(next) {
                Some(d) => day(y, m, d),
                None => PartialDate::year_month(y, m),
            }
        }
        [y] => {
            let y = year(y)?;
            // 2015/11-21
            if let [m, d] = next.split('-').collect::<Vec<_>>().as_slice() {
                return day(y, number(m)?, number(d)?);
            }
            // 2025/10/14, 2026/jan/21, 2026/02
            let m = number(next).or_else(|| month_name(next))?;
            match number(after) {
                Some(d) => day(y, m, d),
                None => PartialDate::year_month(y, m),
            }
        }
        _ => None,
    }
}

/// A date written inside one part of the path: `YYYY-MM-DD` between
/// characters that are not digits (`a-40-2007-12-18-voa3`), eight digits
/// `YYYYMMDD` that begin it (`20251017`, `20251018-287190`), or a month's
/// name and a year (`march2012`).
fn date_within(segment: &str) -> Option<PartialDate> {
    let b = segment.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    for at in 0..b.len().saturating_sub(9) {
        let shape = (0..10).all(|k| {
            if k == 4 || k == 7 {
                b[at + k] == b'-'
            } else {
                digit(at + k)
            }
        });
        let bounded = (at == 0 || !digit(at - 1)) && !digit(at + 10);
        if shape && bounded {
            let y = year(&segment[at..at + 4])?;
            return day(
                y,
                number(&segment[at + 5..at + 7])?,
                number(&segment[at + 8..at + 10])?,
            );
        }
    }
    let lead = segment.split('-').next().unwrap_or("");
    if lead.len() == 8 && lead.bytes().all(|c| c.is_ascii_digit()) {
        let y = year(&lead[..4])?;
        return day(y, number(&lead[4..6])?, number(&lead[6..])?);
    }
    let lower = segment.to_ascii_lowercase();
    let at = lower.len().checked_sub(4)?;
    let (name, y) = (lower.get(..at)?, lower.get(at..)?);
    let name = name.strip_suffix('-').unwrap_or(name);
    let m = MONTHS.iter().position(|n| *n == name)?;
    PartialDate::year_month(year(y)?, m as u32 + 1)
}

fn year(text: &str) -> Option<i32> {
    let digits = text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit());
    let y: i32 = text.parse().ok().filter(|_| digits)?;
    (1900..=2099).contains(&y).then_some(y)
}

/// Two digits: a month's or a day's number.
fn number(text: &str) -> Option<u32> {
    let digits = text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit());
    text.parse().ok().filter(|_| digits)
}

/// `jan` or `january`, in any case.
fn month_name(text: &str) -> Option<u32> {
    let text = text.to_ascii_lowercase();
    let at = MONTHS
        .iter()
        .position(|m| text == *m || text.len() == 3 && m.starts_with(text.as_str()))?;
    Some(at as u32 + 1)
}

fn day(y: i32, m: u32, d: u32) -> Option<PartialDate> {
    PartialDate::ymd(y, m, d)
}

/// Warns of a source whose address gives a date and that records no
/// `published`, and of a `published` said to be read from the address
/// that is not the date the address gives.
pub(super) fn check(files: &[SourceText], all: &Gathered, diagnostics: &mut Vec<Diagnostic>) {
    for (s, places) in all.sources.iter().zip(&all.source_places) {
        let src = &files[places.file];
        let in_address = s.url.as_deref().and_then(date_in_address);
        match (s.published, s.published_from_address, in_address, &places.url) {
            (None, _, Some(d), Some(at)) => diagnostics.push(
                src.warning(
                    at.clone(),
                    format!("the address of `{}` gives the date {d}, and the source has no `published`", s.id),
                )
                .with_help(format!(
                    "if {d} is when the page was published, add published = \"{d}\" and published_from = \"address\""
                )),
            ),
            (Some(p), true, found, _) if found != Some(p) => {
                let at = places.published_from.clone().unwrap_or_else(|| places.span.clone());
                let gives = match found {
                    Some(d) => format!("gives {d}, not {p}"),
                    None => "gives no date".to_string(),
                };
                diagnostics.push(
                    src.warning(
                        at,
                        format!("`{}` says its `published` date is read from the address, but the address {gives}", s.id),
                    )
                    .with_help(
                        "write the date the address gives, as far as it gives it; a date the material gives has no `published_from`",
                    ),
                );
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(url: &str) -> Option<String> {
        date_in_address(url).map(|d| d.to_string())
    }

    #[test]
    fn reads_days_and_months_in_the_forms_sites_write_them() {
        for (url, expected) in [
            (
                "https://www.thestar.com.my/news/world/2025/10/14/uk-us-sanction",
                "2025-10-14",
            ),
            (
                "https://example.org/post/x/world/2026/jan/21/thousands",
                "2026-01-21",
            ),
            ("https://example.org/2026/September/03/a", "2026-09-03"),
            ("https://mekongindependent.com/2026/02/massive-raid", "2026-02"),
            (
                "http://www.ecns.cn/news/cns-wire/2026-02-09/detail-1.shtml",
                "2026-02-09",
            ),
            ("http://ecns.cn/2015/11-21/189610.shtml", "2015-11-21"),
            ("http://en.ca-pgc.org/2025-09/08/c_1122992.htm", "2025-09-08"),
            ("https://www.nst.com.my/news/nation/2022/11/846004", "2022-11"),
            ("https://a.blogspot.com/2009/12/cambodia-takes.html", "2009-12"),
            (
                "http://www.smh.com.au/news/World/x/2004/12/12/1102786954322.html",
                "2004-12-12",
            ),
        ] {
            assert_eq!(date(url).as_deref(), Some(expected), "{url}");
        }
    }

    #[test]
    fn a_year_alone_an_upload_folder_or_a_date_off_the_calendar_gives_none() {
        for url in [
            "https://www.state.gov/reports/2018-trafficking-in-persons-report/cambodia/",
            "https://www.refworld.org/reference/annualreport/usdos/2004/en/43974",
            "http://www.state.gov/j/tip/rls/other/2013/217567.htm",
            "https://example.org/wp-content/uploads/2020/05/report.pdf",
            "https://example.org/sites/default/files/2020-05/report.pdf",
            "https://example.org/2023/13/01/x",
            "https://example.org/2023/02/30/x",
            "https://example.org/1850/01/02/x",
            "https://2025.example.org/x?date=2025/10/14#2025-10-14",
            "not an address/2025/10/14/",
            "https://allafrica.com/stories/202207210395.html",
            "https://www.voacambodia.com/a/a-40-080605-trafficking-90165537/1357237.html",
            "https://www.finanznachrichten.de/nachrichten-2025-09/66389573-x.htm",
            "https://example.org/report-2019-2020-figures",
            "https://example.org/id-12025-10-14",
            "https://example.org/stories/mar2012/x",
            "https://example.org/x/2023-02-30-y",
            "https://example.org/ខ្មែរ/ព",
        ] {
            assert_eq!(date(url), None, "{url}");
        }
        // A month whose next part is not a day keeps to the month.
        assert_eq!(
            date("https://example.org/2023/02/30x").as_deref(),
            Some("2023-02")
        );
    }

    proptest::proptest! {
        /// Any path, whatever characters it holds, gives a date or none.
        #[test]
        fn any_address_is_read_without_a_panic(path in "\\PC{0,40}", digits in "[0-9/-]{0,24}") {
            let _ = date_in_address(&format!("https://example.org/{path}"));
            let _ = date_in_address(&format!("https://example.org/{digits}{path}"));
        }
    }
}
