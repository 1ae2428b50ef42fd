//! The figures of some events, gathered for a chart: grouped by what they
//! count (cases, arrests, rescues...), in date order, each with who gave it
//! and every other value other sources give; and which figures shown
//! together may be drawn as bars on one scale.

use super::model::{Figure, Timeline};

/// What a figure counts, read from its label, for grouping only: every bar
/// still shows the figure's own label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Counted {
    Cases,
    Complaints,
    Arrests,
    Rescues,
    Convictions,
    Other,
}

impl Counted {
    pub fn of(label: &str) -> Counted {
        let l = label.to_lowercase();
        let has = |words: &[&str]| words.iter().any(|w| l.contains(w));
        // Sums of money and seized goods are not counts of people or cases,
        // whatever else the label mentions ("bitcoin in the complaint").
        if has(&["bitcoin", "dollar", "usd", "riel", "money", "assets"]) {
            Counted::Other
        } else if has(&["convict", "sentenced"]) {
            Counted::Convictions
        } else if has(&["arrest", "detain", "charged", "sent to court", "suspect"]) {
            Counted::Arrests
        } else if has(&["rescu", "victim", "removed"]) {
            Counted::Rescues
        } else if has(&["complaint"]) {
            Counted::Complaints
        } else if has(&["case"]) {
            Counted::Cases
        } else {
            Counted::Other
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Counted::Cases => "Cases",
            Counted::Complaints => "Complaints",
            Counted::Arrests => "Arrests, charges and detentions",
            Counted::Rescues => "Rescues and victims identified",
            Counted::Convictions => "Convictions and sentences",
            Counted::Other => "Other figures",
        }
    }
}

/// One figure placed on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Charted<'a> {
    /// The year counted: the figure's period when that is one year, else
    /// the first year of the event that gives it.
    pub year: i32,
    /// The event's position in the timeline.
    pub event: usize,
    pub figure: &'a Figure,
    /// Who gave it: "according to Sar Kheng", or the publishers reporting it.
    pub who: String,
    /// Other values, each with the publishers that give it.
    pub others: Vec<(f64, String)>,
}

impl Timeline {
    /// The figures of the events at `positions`, grouped by what they
    /// count, groups in a fixed order, figures in timeline order; at most
    /// `limit` of them, taken from the earliest events, and whether there
    /// were more. The chart is drawn on every frame, so a filter that keeps
    /// a million events must not mean reading all their figures each time.
    pub fn figures_by_year(
        &self,
        positions: &[usize],
        limit: usize,
    ) -> (Vec<(Counted, Vec<Charted<'_>>)>, bool) {
        let mut groups: Vec<(Counted, Vec<Charted<'_>>)> = Vec::new();
        let sorted: std::borrow::Cow<[usize]> = if positions.is_sorted() {
            positions.into()
        } else {
            let mut v = positions.to_vec();
            v.sort_unstable();
            v.into()
        };
        let mut taken = 0;
        let mut more = false;
        'events: for &p in sorted.iter() {
            let Some(e) = self.events.get(p) else { continue };
            for f in &e.figures {
                if taken == limit {
                    more = true;
                    break 'events;
                }
                taken += 1;
                // The chart lists other values apart, each with its publishers.
                let who = self
                    .figure_source(e, f)
                    .unwrap_or_else(|| self.figure_reported_by(e, f));
                let others = f
                    .alternatives
                    .iter()
                    .map(|a| (a.value, self.publishers_of(&a.sources)))
                    .collect();
                let counted_year = f
                    .period
                    .as_deref()
                    .map(str::trim)
                    .filter(|p| p.len() == 4 && p.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|p| p.parse().ok());
                let charted = Charted {
                    year: counted_year.unwrap_or(*e.years().start()),
                    event: p,
                    figure: f,
                    who,
                    others,
                };
                let kind = Counted::of(&f.label);
                match groups.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, list)) => list.push(charted),
                    None => groups.push((kind, vec![charted])),
                }
            }
        }
        groups.sort_by_key(|(k, _)| *k);
        for (_, list) in &mut groups {
            // By year counted; events of one year keep timeline order.
            list.sort_by_key(|c| c.year);
        }
        (groups, more)
    }
}

/// Whether a unit is a share of a whole (a percentage), drawn against 100.
pub fn is_share(unit: Option<&str>) -> bool {
    unit.is_some_and(|u| {
        let u = u.to_lowercase();
        u.contains("per cent") || u.contains("percent") || u.trim() == "%"
    })
}

/// What a figure's bar may be set beside: its unit and its label, case
/// and spacing aside.
fn scale_key(f: &Figure) -> (String, String) {
    let folded = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    (folded(f.unit.as_deref().unwrap_or("")), folded(&f.label))
}

/// For figures shown together (a stop, an event), the value each one's
/// bars are drawn against. Bars share a scale only when they count the
/// same thing in the same unit: the same label and unit (41 suspects and
/// 368 complaints do not), or a figure and the values other sources give
/// for it; a share of a whole is drawn against 100. `None` when a figure
/// has nothing of its kind beside it: it is given as a number, since a
/// bar alone fills the room whatever its size and is read against the
/// bars next to it.
pub fn bar_scales(figures: &[Figure]) -> Vec<Option<f64>> {
    fn values(f: &Figure) -> impl Iterator<Item = f64> + '_ {
        std::iter::once(f.value).chain(f.alternatives.iter().map(|a| a.value))
    }
    figures
        .iter()
        .map(|f| {
            let key = scale_key(f);
            let alike: Vec<f64> = figures
                .iter()
                .filter(|g| scale_key(g) == key)
                .flat_map(values)
                .collect();
            if alike.len() < 2 {
                return None;
            }
            let max = if is_share(f.unit.as_deref()) {
                100.0_f64.max(alike.iter().copied().fold(0.0, f64::max))
            } else {
                alike.iter().copied().fold(0.0, f64::max)
            };
            Some(max)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::model::Alternative;

    fn figure(label: &str, value: f64, unit: Option<&str>) -> Figure {
        Figure {
            label: label.into(),
            value,
            unit: unit.map(String::from),
            period: None,
            according_to: None,
            sources: Vec::new(),
            alternatives: Vec::new(),
        }
    }

    #[test]
    fn only_the_same_label_and_unit_share_a_scale() {
        let mut rescued = figure("victims rescued", 361.0, None);
        rescued.alternatives.push(Alternative {
            value: 400.0,
            sources: Vec::new(),
        });
        let figures = [
            figure("suspects arrested", 41.0, None),
            figure("complaints received", 368.0, None),
            figure("Complaints  received", 120.0, None),
            figure("complaints received", 9.0, Some("provinces")),
            rescued,
            figure("complaints found valid", 95.0, Some("per cent")),
            figure("complaints found valid", 90.0, Some("per cent")),
        ];
        assert_eq!(
            bar_scales(&figures),
            [
                None,
                Some(368.0),
                Some(368.0),
                None,
                Some(400.0),
                Some(100.0),
                Some(100.0)
            ]
        );
        assert_eq!(bar_scales(&[figure("valid", 95.0, Some("%"))]), [None]);
    }
}
