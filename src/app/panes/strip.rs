//! The pictures above the panes: events per year over the whole range with
//! the filtered years picked out, and the ranking (US TIP tier) by year.

use super::widgets::fit;
use crate::app::theme::Theme;
use crate::query::facets::Tally;
use crate::timeline::model::{EventKind, Timeline};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use std::collections::BTreeMap;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const LABEL: usize = 9;

/// What the strip shows: events per year over the whole timeline and over
/// the filtered set, and the ranking by year.
#[derive(Debug, Clone, Default)]
pub struct Strip {
    /// Indexed by year from `first_year`; each year an event touches counts it.
    pub first_year: i32,
    pub year_counts: Vec<usize>,
    pub visible_years: Vec<usize>,
    /// Ranking (e.g. US TIP tier) by year, from ranking events.
    pub rankings: BTreeMap<i32, String>,
}

impl Strip {
    pub fn new(t: &Timeline) -> Strip {
        let all_years = Tally::new(t);
        let first_year = all_years.first_year;
        let mut year_counts = all_years.years;
        for p in 0..t.events.len() {
            for y in t.events[p].years() {
                year_counts[(y - first_year) as usize] += 1;
            }
        }
        let rankings = t
            .events
            .iter()
            .filter(|e| e.kind == EventKind::Ranking)
            .filter_map(|e| Some((e.date.year_number(), e.ranking.clone()?)))
            .collect();
        Strip {
            first_year,
            visible_years: vec![0; year_counts.len()],
            year_counts,
            rankings,
        }
    }

    /// Counts the filtered events per year.
    pub fn count_visible(&mut self, t: &Timeline, visible: &[usize]) {
        self.visible_years.iter_mut().for_each(|n| *n = 0);
        for &p in visible {
            let (first, last) = t.event_years(p);
            for y in first..=last {
                self.visible_years[(y - self.first_year) as usize] += 1;
            }
        }
    }

    /// Lines the strip needs: bars, tiers if any, eras if any, year labels.
    pub fn height(&self, t: &Timeline) -> u16 {
        2 + u16::from(!self.rankings.is_empty()) + u16::from(!t.eras.is_empty())
    }
}

/// "Tier 2 Watch List" -> "2W", "Tier 3" -> "3": short enough for a cell.
fn short_rank(r: &str) -> String {
    let r = r.trim_start_matches("Tier ").replace("Watch List", "W");
    r.split_whitespace().collect()
}

/// Each era as a bar under the years it spans, titled where it fits.
fn era_line(
    t: &Timeline,
    th: &Theme,
    first: i32,
    per_cell: usize,
    cells: usize,
    cell_w: usize,
) -> Line<'static> {
    let mut row: Vec<char> = vec![' '; cells * cell_w];
    let cell_of = |y: i32| ((y - first).max(0) as usize / per_cell).min(cells.saturating_sub(1));
    let spans: Vec<(usize, usize)> = t
        .eras
        .iter()
        .map(|era| {
            let a = cell_of(era.start.year_number()) * cell_w;
            let b = ((cell_of(era.end.year_number()) + 1) * cell_w)
                .saturating_sub(1)
                .max(a + 1)
                .min(row.len());
            (a, b)
        })
        .collect();
    // Bars first, then titles, so a short era's bar never covers a long one's title.
    for &(a, b) in &spans {
        row[a..b].iter_mut().for_each(|c| *c = '━');
    }
    for (era, &(a, b)) in t.eras.iter().zip(&spans) {
        // The title rides on the bar when the bar is long enough to hold some of it.
        let room = b - a;
        if room >= 6 {
            let title = fit(&era.title, room - 1);
            // Only single-width characters fit one to a cell.
            for (i, ch) in (a..b).zip(title.chars()) {
                if unicode_width::UnicodeWidthChar::width(ch) != Some(1) {
                    break;
                }
                row[i] = ch;
            }
        }
    }
    Line::from(vec![
        Span::styled(format!("{:<LABEL$}", "eras"), th.label),
        Span::styled(row.into_iter().collect::<String>(), th.base),
    ])
}

pub fn draw(frame: &mut Frame, area: Rect, strip: &Strip, t: &Timeline, th: &Theme) {
    if strip.year_counts.is_empty() {
        return;
    }
    let first = strip.first_year;
    let last = first + strip.year_counts.len() as i32 - 1;
    let span = (last - first + 1) as usize;
    let room = (area.width as usize).saturating_sub(LABEL).max(1);
    // With more years than columns, each cell holds several years.
    let per_cell = span.div_ceil(room).max(1);
    let cells = span.div_ceil(per_cell);
    let cell_w = (room / cells).clamp(1, 6);
    let count_in = |counts: &[usize], start: i32| -> usize {
        let from = (start - first) as usize;
        counts[from.min(counts.len())..(from + per_cell).min(counts.len())]
            .iter()
            .sum()
    };
    let max = (0..cells)
        .map(|c| count_in(&strip.year_counts, first + (c * per_cell) as i32))
        .max()
        .unwrap_or(1)
        .max(1);
    let mut bars = vec![Span::styled(format!("{:<LABEL$}", "events"), th.label)];
    let mut ranks = vec![Span::styled(format!("{:<LABEL$}", "US TIP"), th.label)];
    let mut axis = vec![Span::raw(" ".repeat(LABEL))];
    for c in 0..cells {
        let start = first + (c * per_cell) as i32;
        let n = count_in(&strip.year_counts, start);
        let on = count_in(&strip.visible_years, start) > 0;
        let glyph = if n == 0 { ' ' } else { BARS[((n * 7) / max).min(7)] };
        let bar_w = cell_w.saturating_sub(1).max(1);
        let cell: String =
            std::iter::repeat_n(glyph, bar_w).collect::<String>() + &" ".repeat(cell_w - bar_w);
        bars.push(Span::styled(cell, if on { th.bar_active } else { th.bar }));
        let rank = strip
            .rankings
            .get(&start)
            .map(|r| short_rank(r))
            .unwrap_or_default();
        ranks.push(Span::styled(
            format!("{:<cell_w$}", fit(&rank, cell_w.saturating_sub(1).max(1))),
            th.base,
        ));
        let label = if cell_w >= 5 {
            start.to_string()
        } else if cell_w >= 3 {
            format!("{:02}", start.rem_euclid(100))
        } else {
            String::new()
        };
        let label_style = if on { th.active_value } else { th.dim };
        axis.push(Span::styled(
            format!("{:<cell_w$}", fit(&label, cell_w)),
            label_style,
        ));
    }
    let mut lines = vec![Line::from(bars)];
    if !strip.rankings.is_empty() {
        lines.push(Line::from(ranks));
    }
    if !t.eras.is_empty() {
        lines.push(era_line(t, th, first, per_cell, cells, cell_w));
    }
    lines.push(Line::from(axis));
    frame.render_widget(Paragraph::new(lines), area);
}
