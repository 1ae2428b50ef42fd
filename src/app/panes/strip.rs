//! The pictures above the panes: events per year over the whole range with
//! the filtered years picked out, and the ranking (US TIP tier) by year.

use super::widgets::{fit, KeptLines};
use crate::app::theme::Theme;
use crate::query::facets::Tally;
use crate::text::width::Columns;
use crate::timeline::model::{EventKind, Timeline};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;
use std::collections::BTreeMap;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const LABEL: usize = 9;

/// What the strip shows: events per year over the whole timeline and over
/// the filtered set, and the ranking by year.
#[derive(Debug, Clone, Default)]
pub struct Strip {
    /// The lines last drawn, with the width and theme they were drawn for:
    /// making its many small cells again was a quarter of every frame. A
    /// new filter only changes which bars and years are drawn as shown.
    drawn: KeptLines<(u16, Theme), Drawn>,
    /// Indexed by year from `first_year`; each year an event touches counts it.
    pub first_year: i32,
    pub year_counts: Vec<usize>,
    pub visible_years: Vec<usize>,
    /// Ranking (e.g. US TIP tier) by year, from ranking events.
    pub rankings: BTreeMap<i32, String>,
    /// The eras in rows, overlapping eras on rows of their own.
    pub eras: Vec<Vec<usize>>,
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
            eras: era_rows(t),
            first_year,
            visible_years: vec![0; year_counts.len()],
            year_counts,
            rankings,
            drawn: Default::default(),
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

    /// Lines the strip needs: bars, tiers if any, a row per layer of
    /// overlapping eras (at most eight), year labels.
    pub fn height(&self, _t: &Timeline) -> u16 {
        let eras = self.eras.len() as u16;
        2 + u16::from(!self.rankings.is_empty()) + eras
    }
}

/// "Tier 2 Watch List" -> "2W", "Tier 3" -> "3": short enough for a cell.
fn short_rank(r: &str) -> String {
    let r = r.trim_start_matches("Tier ").replace("Watch List", "W");
    r.split_whitespace().collect()
}

/// The most rows of eras the strip gives up to them.
const ERA_ROWS: usize = 8;

/// The eras in rows: each era on the first row where it overlaps no other
/// era's years, so overlapping eras get rows of their own (an era that
/// would need a row past the last is not drawn).
pub fn era_rows(t: &Timeline) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    let years = |i: usize| (t.eras[i].start.year_number(), t.eras[i].end.year_number());
    let mut order: Vec<usize> = (0..t.eras.len()).collect();
    // By start, the longer first: a short era inside a long one gets the
    // row of its own, with room beside it for its title.
    order.sort_by_key(|&i| (years(i).0, std::cmp::Reverse(years(i).1)));
    for i in order {
        let (a, b) = years(i);
        let free = |row: &Vec<usize>| {
            row.iter().all(|&j| {
                let (c, d) = years(j);
                b < c || d < a
            })
        };
        let full = rows.len() >= ERA_ROWS;
        match rows.iter_mut().find(|r| free(r)) {
            Some(row) => row.push(i),
            None if !full => rows.push(vec![i]),
            None => {}
        }
    }
    rows
}

/// The columns of the strip: `cells` cells spread over `room` columns, so
/// the strip uses the whole width.
#[derive(Debug, Clone, Copy)]
struct Cells {
    first: i32,
    per_cell: usize,
    cells: usize,
    room: usize,
}

impl Cells {
    /// The first column of cell `c` (and, for `c == cells`, the end).
    fn x(&self, c: usize) -> usize {
        c * self.room / self.cells.max(1)
    }

    fn of_year(&self, y: i32) -> usize {
        ((y - self.first).max(0) as usize / self.per_cell).min(self.cells.saturating_sub(1))
    }
}

/// Writes single-width text into a row of cells from column `at`.
fn put(row: &mut [char], at: usize, text: &str) {
    for (i, ch) in (at..row.len()).zip(text.chars()) {
        row[i] = if unicode_width::UnicodeWidthChar::width(ch) == Some(1) {
            ch
        } else {
            '?'
        };
    }
}

/// The shorter forms of an era's title, longest first: the whole title,
/// the part after a colon ("Tier 3"), the part before it.
fn title_forms(title: &str) -> Vec<String> {
    let mut forms = vec![title.to_string()];
    if let Some((head, tail)) = title.split_once(':') {
        forms.push(tail.trim().to_string());
        forms.push(head.trim().to_string());
    }
    forms
}

/// One row of eras: each a bar under the years it spans, its title on the
/// bar when it fits there, else beside it where the row is free.
fn era_line(t: &Timeline, th: &Theme, row_eras: &[usize], g: Cells, label: &str) -> Line<'static> {
    let mut row: Vec<char> = vec![' '; g.room];
    let mut spans: Vec<(usize, usize, usize)> = row_eras
        .iter()
        .map(|&i| {
            let era = &t.eras[i];
            let a = g.x(g.of_year(era.start.year_number()));
            let b = g
                .x(g.of_year(era.end.year_number()) + 1)
                .saturating_sub(1)
                .max(a + 1)
                .min(g.room);
            (i, a, b)
        })
        .collect();
    spans.sort_by_key(|s| s.1);
    for &(_, a, b) in &spans {
        row[a.min(b)..b].iter_mut().for_each(|c| *c = '━');
    }
    for (k, &(i, a, b)) in spans.iter().enumerate() {
        // The free columns either side, one column clear of any other bar.
        let left_end = a.saturating_sub(1);
        let left_start = if k == 0 { 0 } else { spans[k - 1].2 + 1 };
        let right_start = b + 1;
        let right_end = spans.get(k + 1).map_or(g.room, |s| s.1.saturating_sub(1));
        let left = left_end.saturating_sub(left_start);
        let right = right_end.saturating_sub(right_start);
        let on_bar = b.saturating_sub(a);
        let placed = title_forms(&t.eras[i].title).into_iter().find_map(|form| {
            let w = form.columns();
            if w <= on_bar {
                Some((a, form))
            } else if w <= left {
                Some((left_end - w, form))
            } else if w <= right {
                Some((right_start, form))
            } else if w <= right_end.saturating_sub(a) {
                // Along the bar and on past its end.
                Some((a, form))
            } else if w <= b.saturating_sub(left_start) {
                // Ending where the bar ends.
                Some((b - w, form))
            } else {
                None
            }
        });
        let (at, text) = placed.unwrap_or_else(|| {
            // Nowhere whole: the widest free place, marked as cut.
            let (at, room) = [(a, on_bar), (left_start, left), (right_start, right)]
                .into_iter()
                .max_by_key(|p| p.1)
                .unwrap_or((a, on_bar));
            (at, fit(&t.eras[i].title, room))
        });
        put(&mut row, at, &text);
        // A title written on its bar is kept a space apart from the rest of
        // the bar, when some of the bar is left to show after the space.
        let end = at + text.chars().count();
        if at == a && end + 1 < b {
            row[end] = ' ';
        }
    }
    Line::from(vec![
        Span::styled(format!("{label:<LABEL$}"), th.label),
        Span::styled(row.into_iter().collect::<String>(), th.base),
    ])
}

/// Lines drawn for a width and theme, styled for the filtered counts
/// they were drawn with.
#[derive(Debug, Clone)]
struct Drawn {
    visible_years: Vec<usize>,
    cells: Cells,
    /// How many cells share each year label.
    step: usize,
    lines: Vec<Line<'static>>,
}

impl Drawn {
    /// Styles the bars and the year labels by whether they hold filtered
    /// events: the first span of the bars line and of the year line is
    /// their label, then one span per cell, or per labelled group of cells.
    fn restyle(&mut self, strip: &Strip, th: &Theme) {
        let g = self.cells;
        let on = |c: usize| count_in(&strip.visible_years, g, g.first + (c * g.per_cell) as i32) > 0;
        if let Some(bars) = self.lines.first_mut() {
            for (c, span) in bars.spans.iter_mut().skip(1).enumerate() {
                span.style = if on(c) { th.bar_active } else { th.bar };
            }
        }
        if let Some(axis) = self.lines.last_mut() {
            for (k, span) in axis.spans.iter_mut().skip(1).enumerate() {
                let c = k * self.step;
                let any = (c..(c + self.step).min(g.cells)).any(on);
                span.style = if any { th.active_value } else { th.dim };
            }
        }
        self.visible_years.clone_from(&strip.visible_years);
    }
}

/// Events counted in the years of the cell that starts at `start`.
fn count_in(counts: &[usize], g: Cells, start: i32) -> usize {
    let from = (start - g.first) as usize;
    counts[from.min(counts.len())..(from + g.per_cell).min(counts.len())]
        .iter()
        .sum()
}

pub fn draw(frame: &mut Frame, area: Rect, strip: &Strip, t: &Timeline, th: &Theme) {
    if strip.year_counts.is_empty() {
        return;
    }
    let mut drawn = strip
        .drawn
        .from((area.width, th.clone()), || lines(area, strip, t, th));
    if drawn.visible_years != strip.visible_years {
        drawn.restyle(strip, th);
    }
    frame.render_widget(super::widgets::Lines(&drawn.lines), area);
}

/// The strip's lines at the area's width, styled for the filtered counts.
fn lines(area: Rect, strip: &Strip, t: &Timeline, th: &Theme) -> Drawn {
    let first = strip.first_year;
    let last = first + strip.year_counts.len() as i32 - 1;
    let span = (last - first + 1) as usize;
    let room = (area.width as usize).saturating_sub(LABEL).max(1);
    // With more years than columns, each cell holds several years.
    let per_cell = span.div_ceil(room).max(1);
    let cells = span.div_ceil(per_cell);
    let g = Cells {
        first,
        per_cell,
        cells,
        room,
    };
    let narrowest = (room / cells.max(1)).max(1);
    let max = (0..cells)
        .map(|c| count_in(&strip.year_counts, g, first + (c * per_cell) as i32))
        .max()
        .unwrap_or(1)
        .max(1);
    let mut bars = vec![Span::styled(format!("{:<LABEL$}", "events"), th.label)];
    let mut ranks = vec![Span::styled(format!("{:<LABEL$}", "US TIP"), th.label)];
    let mut axis = vec![Span::raw(" ".repeat(LABEL))];
    for c in 0..cells {
        let cell_w = g.x(c + 1) - g.x(c);
        let start = first + (c * per_cell) as i32;
        let n = count_in(&strip.year_counts, g, start);
        let glyph = if n == 0 { ' ' } else { BARS[((n * 7) / max).min(7)] };
        let bar_w = cell_w.saturating_sub(1).max(1).min(cell_w);
        let cell: String =
            std::iter::repeat_n(glyph, bar_w).collect::<String>() + &" ".repeat(cell_w - bar_w);
        bars.push(Span::raw(cell));
        let rank = strip
            .rankings
            .get(&start)
            .map(|r| short_rank(r))
            .unwrap_or_default();
        // In a one-character cell the Watch List is a lower-case w, never "…".
        let room = cell_w.saturating_sub(1).max(1);
        let rank = if rank.chars().count() > room && rank.ends_with('W') {
            "w".to_string()
        } else {
            rank
        };
        ranks.push(Span::styled(format!("{:<cell_w$}", fit(&rank, room)), th.base));
    }
    // Every labelled cell alike, by the narrowest cell's room; cells too
    // narrow for a label share one with their neighbours.
    let step = if narrowest >= 3 {
        1
    } else {
        3usize.div_ceil(narrowest)
    };
    for c in (0..cells).step_by(step) {
        let end = (c + step).min(cells);
        let w = g.x(end) - g.x(c);
        let start = first + (c * per_cell) as i32;
        let label = if step * narrowest >= 5 {
            start.to_string()
        } else if step * narrowest >= 3 {
            format!("{:02}", start.rem_euclid(100))
        } else {
            String::new()
        };
        axis.push(Span::raw(format!("{:<w$}", fit(&label, w))));
    }
    let mut lines = vec![Line::from(bars)];
    if !strip.rankings.is_empty() {
        lines.push(Line::from(ranks));
    }
    for (n, row) in strip.eras.iter().enumerate() {
        lines.push(era_line(t, th, row, g, if n == 0 { "eras" } else { "" }));
    }
    lines.push(Line::from(axis));
    let mut drawn = Drawn {
        visible_years: Vec::new(),
        cells: g,
        step,
        lines,
    };
    drawn.restyle(strip, th);
    drawn
}
