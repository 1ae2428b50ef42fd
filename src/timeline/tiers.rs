//! The US TIP report's tiers over the years as a step chart made of text,
//! so the app, the presenter, the command line and printed handouts draw
//! the same chart: one row per tier, best at the top, one column group per
//! year, the line stepping where the tier changed.

use super::model::{EventKind, Timeline};
use unicode_width::UnicodeWidthStr;

/// The tiers from best to worst, as the report ranks countries. A tier the
/// data names otherwise goes below these, in the order first met.
const ORDER: &[&str] = &["Tier 1", "Tier 2", "Tier 2 Watch List", "Tier 3"];

/// The widest a tier's label may be before it is cut.
const LABEL_MAX: usize = 18;

/// The most columns one year takes: wider steps read no better.
const YEAR_MAX: usize = 4;

/// One year's standing: the tier (or tiers, when the events in view give
/// two for one year) and the events that give it.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub year: i32,
    pub tiers: Vec<usize>,
    pub events: Vec<usize>,
}

/// The rankings among some events, a standing per year.
#[derive(Debug, Clone, PartialEq)]
pub struct TierTrack {
    /// Rows of the chart, best tier first.
    pub tiers: Vec<String>,
    /// Years in order, each at most once.
    pub years: Vec<Standing>,
}

/// A chart laid out for a width: each tier row as its label and its line,
/// then the years under them and what to read them by.
#[derive(Debug, Clone, PartialEq)]
pub struct StepChart {
    pub rows: Vec<(String, String)>,
    pub years: String,
    pub notes: Vec<String>,
}

impl TierTrack {
    /// The ranking events among `hits` (timeline positions), by year.
    pub fn of(t: &Timeline, hits: &[usize]) -> TierTrack {
        let mut named: Vec<&str> = Vec::new();
        let mut found: Vec<(i32, &str, usize)> = Vec::new();
        for &p in hits {
            let e = &t.events[p];
            let (EventKind::Ranking, Some(tier)) = (e.kind, e.ranking.as_deref()) else {
                continue;
            };
            if !named.contains(&tier) {
                named.push(tier);
            }
            found.push((e.date.year_number(), tier, p));
        }
        let rank = |tier: &str| ORDER.iter().position(|o| *o == tier).unwrap_or(ORDER.len());
        // Known tiers in the report's order, others after them as met.
        named.sort_by_key(|tier| rank(tier));
        let tiers: Vec<String> = named.iter().map(|s| s.to_string()).collect();
        found.sort_by_key(|f| (f.0, f.2));
        let mut years: Vec<Standing> = Vec::new();
        for (year, tier, p) in found {
            let row = named.iter().position(|n| *n == tier).unwrap_or(0);
            match years.last_mut() {
                Some(s) if s.year == year => {
                    if !s.tiers.contains(&row) {
                        s.tiers.push(row);
                    }
                    s.events.push(p);
                }
                _ => years.push(Standing {
                    year,
                    tiers: vec![row],
                    events: vec![p],
                }),
            }
        }
        TierTrack { tiers, years }
    }

    /// The chart for a width in columns. Each year takes up to four
    /// columns; when even one column a year does not fit, the latest
    /// years are drawn and a note says from when.
    pub fn chart(&self, width: usize) -> StepChart {
        let mut notes = Vec::new();
        let (Some(first), Some(last)) = (self.years.first(), self.years.last()) else {
            return StepChart {
                rows: Vec::new(),
                years: String::new(),
                notes: vec!["None of the events in view is a ranking.".to_string()],
            };
        };
        let label_w = self
            .tiers
            .iter()
            .map(|t| t.width())
            .max()
            .unwrap_or(0)
            .min(LABEL_MAX);
        let room = width.saturating_sub(label_w + 1).max(1);
        let span = (last.year - first.year) as usize + 1;
        let per = (room / span).clamp(1, YEAR_MAX);
        let shown = span.min(room / per);
        let from = last.year - shown as i32 + 1;
        if from > first.year {
            notes.push(format!("From {from}: a wider window shows the years before."));
        }
        let cols = shown * per;
        let mut grid = vec![vec![' '; cols]; self.tiers.len()];
        let mut previous: Option<(i32, usize)> = None;
        for s in self.years.iter().filter(|s| s.year >= from) {
            let x = (s.year - from) as usize * per;
            if let [row] = s.tiers.as_slice() {
                let row = *row;
                grid[row][x..x + per].fill('─');
                match previous {
                    Some((year, was)) if year + 1 == s.year && was != row => {
                        let (top, bottom) = (was.min(row), was.max(row));
                        for line in grid.iter_mut().take(bottom).skip(top + 1) {
                            line[x] = '│';
                        }
                        // Down the page is a worse tier.
                        let (left, right) = if was < row { ('┐', '└') } else { ('┘', '┌') };
                        grid[was][x] = left;
                        grid[row][x] = right;
                    }
                    _ => {}
                }
                previous = Some((s.year, row));
            } else {
                // Two tiers for one year: each marked, neither joined.
                for &row in &s.tiers {
                    grid[row][x..x + per].fill('?');
                }
                previous = None;
            }
        }
        let rows = self
            .tiers
            .iter()
            .zip(grid)
            .map(|(tier, line)| {
                let label = cut(tier, label_w);
                let pad = label_w.saturating_sub(label.width());
                (format!("{label}{} ", " ".repeat(pad)), line.into_iter().collect())
            })
            .collect();
        let years = year_line(from, shown, per, label_w + 1, width);
        let missing: Vec<String> = (from..=last.year)
            .filter(|y| !self.years.iter().any(|s| s.year == *y))
            .map(|y| y.to_string())
            .collect();
        if !missing.is_empty() {
            notes.push(format!("No ranking in view for {}.", missing.join(", ")));
        }
        if self.years.iter().any(|s| s.tiers.len() > 1) {
            notes.push("? marks a year the events in view give two tiers.".to_string());
        }
        StepChart { rows, years, notes }
    }
}

/// `text` within `width` columns, its end replaced by an ellipsis if cut.
fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// Years under the columns: the first, the last and every round year
/// between whose label has room, each starting at its column; the
/// last may run past the chart's end but not past `width`.
fn year_line(from: i32, shown: usize, per: usize, indent: usize, width: usize) -> String {
    let step = [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|s| s * per >= 5)
        .unwrap_or(100);
    let mut line = " ".repeat(indent);
    let mut end = indent;
    for i in 0..shown {
        let year = from + i as i32;
        if i != 0 && i + 1 != shown && year.rem_euclid(step as i32) != 0 {
            continue;
        }
        let at = indent + i * per;
        let label = year.to_string();
        // A label must clear the one before it and end within the chart.
        if at < end + usize::from(i != 0) || at + label.len() > width {
            continue;
        }
        line.push_str(&" ".repeat(at - line.len()));
        line.push_str(&label);
        end = line.len();
    }
    line
}

impl StepChart {
    /// The chart as plain lines, for the command line and handouts.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for (label, line) in &self.rows {
            out.push_str(format!("{label}{line}").trim_end());
            out.push('\n');
        }
        if !self.years.trim().is_empty() {
            out.push_str(self.years.trim_end());
            out.push('\n');
        }
        for note in &self.notes {
            out.push_str(note);
            out.push('\n');
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn track(years: &[(i32, &[usize])], tiers: &[&str]) -> TierTrack {
        TierTrack {
            tiers: tiers.iter().map(|s| s.to_string()).collect(),
            years: years
                .iter()
                .map(|(year, rows)| Standing {
                    year: *year,
                    tiers: rows.to_vec(),
                    events: Vec::new(),
                })
                .collect(),
        }
    }

    const THREE: &[&str] = &["Tier 2", "Tier 2 Watch List", "Tier 3"];

    #[test]
    fn steps_down_and_up_where_the_tier_changed() {
        let t = track(
            &[
                (2001, &[0]),
                (2002, &[2]),
                (2003, &[0]),
                (2004, &[0]),
                (2005, &[1]),
            ],
            THREE,
        );
        // 17 label columns + 1, and 5 years of 4 columns; a label every
        // second year where it clears the one before.
        assert_eq!(
            t.chart(40).text(),
            "Tier 2            ────┐   ┌───────┐\n\
             Tier 2 Watch List     │   │       └───\n\
             Tier 3                └───┘\n\
             \x20                 2001        2004\n"
        );
    }

    #[test]
    fn narrow_windows_give_a_year_fewer_columns_then_the_latest_years() {
        let t = track(
            &[(2001, &[0]), (2002, &[1]), (2003, &[1]), (2004, &[0])],
            &["Tier 2", "Tier 3"],
        );
        // 6 label columns + 1: 8 columns give two a year, 5 one a year.
        assert_eq!(
            t.chart(15).text(),
            "Tier 2 ──┐   ┌─\nTier 3   └───┘\n       2001\n"
        );
        assert_eq!(
            t.chart(10).text(),
            "Tier 2   ┌\nTier 3 ──┘\nFrom 2002: a wider window shows the years before.\n"
        );
    }

    #[test]
    fn a_missing_year_breaks_the_line_and_is_named() {
        let t = track(&[(2001, &[0]), (2003, &[1])], &["Tier 2", "Tier 3"]);
        assert_eq!(
            t.chart(19).text(),
            "Tier 2 ────\nTier 3         ────\n       2001    2003\nNo ranking in view for 2002.\n"
        );
    }

    #[test]
    fn two_tiers_for_one_year_are_marked_not_joined() {
        let t = track(
            &[(2001, &[0]), (2002, &[0, 1]), (2003, &[1])],
            &["Tier 2", "Tier 3"],
        );
        assert_eq!(
            t.chart(19).text(),
            "Tier 2 ────????\nTier 3     ????────\n       2001    2003\n? marks a year the events in view give two tiers.\n"
        );
    }

    #[test]
    fn long_tier_names_are_cut_with_an_ellipsis() {
        let t = track(&[(2001, &[0])], &["A tier with a very long name indeed"]);
        let chart = t.chart(30);
        assert_eq!(chart.rows[0].0, "A tier with a ver… ");
    }

    #[test]
    fn no_ranking_says_so() {
        assert_eq!(
            track(&[], &[]).chart(80).text(),
            "None of the events in view is a ranking.\n"
        );
    }
}
