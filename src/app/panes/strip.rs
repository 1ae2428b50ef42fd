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
    /// The years the filter chooses (`year:2022`), whose labels the strip
    /// writes and picks out.
    pub chosen: Vec<(i32, i32)>,
}

impl Strip {
    pub fn new(t: &Timeline) -> Strip {
        let all_years = Tally::new(t);
        let first_year = all_years.first_year;
        let mut year_counts = all_years.years;
        // The strip ends at the data's last year: the last an event begins
        // in, or that its sources reach; years only a plan's end reaches
        // are not the data's.
        let began = t.events.iter().map(|e| e.date.year_number()).max();
        let reached = t
            .horizon
            .as_ref()
            .and_then(|h| h.iso.get(..4)?.parse::<i32>().ok());
        if let Some(last) = began.max(reached) {
            year_counts.truncate((last - first_year + 1).max(0) as usize);
        }
        for p in 0..t.events.len() {
            for y in t.events[p].years() {
                if let Some(n) = year_counts.get_mut((y - first_year) as usize) {
                    *n += 1;
                }
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
            chosen: Vec::new(),
            drawn: Default::default(),
        }
    }

    /// Counts the filtered events per year, and notes the years `query`
    /// chooses.
    pub fn count_visible(&mut self, t: &Timeline, visible: &[usize], query: Option<&crate::query::Query>) {
        self.chosen = query.map_or(Vec::new(), |q| {
            q.clauses
                .iter()
                .filter(|c| !c.negated)
                .filter_map(|c| match c.term {
                    crate::query::Term::Year { from, to } => Some((from, to)),
                    _ => None,
                })
                .collect()
        });
        self.visible_years.iter_mut().for_each(|n| *n = 0);
        let end = self.first_year + self.visible_years.len() as i32 - 1;
        for &p in visible {
            let (first, last) = t.event_years(p);
            for y in first..=last.min(end) {
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

/// The fewest columns a cut era title is written in.
const ERA_TITLE_LEAST: usize = 10;

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
/// bar.
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
    // Every title on its own bar, from the bar's first column, over the
    // years the era covers and no others: the longest form that fits, else
    // the title cut, else (a bar too short to say anything) none.
    for &(i, a, b) in &spans {
        let on_bar = b.saturating_sub(a);
        let forms = title_forms(&t.eras[i].title);
        let whole = forms.iter().find(|f| f.columns() <= on_bar);
        let text = match (whole, on_bar >= ERA_TITLE_LEAST) {
            // The part after a colon says more than the part before it.
            (Some(form), _) if forms.len() < 3 || *form != forms[2] => form.clone(),
            (_, true) => fit(forms.get(1).unwrap_or(&forms[0]), on_bar),
            (Some(form), false) => form.clone(),
            (None, false) => continue,
        };
        put(&mut row[..b], a, &text);
        // Kept a space apart from the rest of the bar, when some of the bar
        // is left to show after the space.
        let end = a + text.chars().count();
        if end + 1 < b {
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
    chosen: Vec<(i32, i32)>,
    cells: Cells,
    lines: Vec<Line<'static>>,
}

impl Drawn {
    /// Styles the bars by whether they hold filtered events, and writes
    /// the year labels for them: the first span of the bars line is its
    /// label, then one span per cell; the labels are the last line.
    fn restyle(&mut self, strip: &Strip, th: &Theme) {
        let g = self.cells;
        let on = |c: usize| count_in(&strip.visible_years, g, g.first + (c * g.per_cell) as i32) > 0;
        if let Some(bars) = self.lines.first_mut() {
            for (c, span) in bars.spans.iter_mut().skip(1).enumerate() {
                span.style = if on(c) { th.bar_active } else { th.bar };
            }
        }
        // The labels picked out: the chosen years' where the filter chooses
        // some, else those holding filtered events.
        let cell_years = |c: usize| {
            let from = g.first + (c * g.per_cell) as i32;
            (from, from + g.per_cell as i32 - 1)
        };
        let chosen = |c: usize| {
            let (a, b) = cell_years(c);
            strip.chosen.iter().any(|&(from, to)| a <= to && b >= from)
        };
        let picked: &dyn Fn(usize) -> bool = if strip.chosen.is_empty() { &on } else { &chosen };
        let narrowed = strip.visible_years != strip.year_counts;
        if let Some(axis) = self.lines.last_mut() {
            *axis = axis_line(g, picked, narrowed, th);
        }
        self.visible_years.clone_from(&strip.visible_years);
        self.chosen.clone_from(&strip.chosen);
    }
}

/// The row of year labels: round years (every year, every second, every
/// fifth... as the cells' width allows), each from its own cell's first
/// column; and, while a filter narrows the events, a label at the first
/// and last year of each run of years `on` picks out (those the filter
/// chooses, or those holding filtered events), in place of any they would
/// overlap. A label `on` picks out is drawn picked out.
fn axis_line(g: Cells, on: &dyn Fn(usize) -> bool, narrowed: bool, th: &Theme) -> Line<'static> {
    let narrowest = (g.room / g.cells.max(1)).max(1);
    // Cells per label: the fewest that leave room for two digits and a space.
    let every = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]
        .into_iter()
        .find(|k| k * narrowest >= 3)
        .unwrap_or(1000);
    let digits = if every * narrowest >= 5 { 4 } else { 2 };
    let text = |c: usize| {
        let year = g.first + (c * g.per_cell) as i32;
        if digits == 4 {
            year.to_string()
        } else {
            format!("{:02}", year.rem_euclid(100))
        }
    };
    // Where each label goes: (first column, text, holds filtered events).
    let mut placed: Vec<(usize, String, bool)> = Vec::new();
    let free = |placed: &[(usize, String, bool)], at: usize, w: usize| {
        at + w <= g.room && placed.iter().all(|(x, t, _)| at + w < *x || x + t.len() < at)
    };
    if narrowed {
        // Each run's first year, then its last where there is room.
        let starts = (0..g.cells).filter(|&c| on(c) && (c == 0 || !on(c - 1)));
        let ends = (0..g.cells).filter(|&c| on(c) && c > 0 && on(c - 1) && (c + 1 == g.cells || !on(c + 1)));
        for c in starts.chain(ends) {
            let (at, label) = (g.x(c), text(c));
            if free(&placed, at, label.len()) {
                placed.push((at, label, true));
            }
        }
    }
    for c in 0..g.cells {
        let year = g.first + (c * g.per_cell) as i32;
        if (year / g.per_cell as i32).rem_euclid(every as i32) != 0 {
            continue;
        }
        let (at, label) = (g.x(c), text(c));
        if free(&placed, at, label.len()) {
            placed.push((at, label, on(c)));
        }
    }
    placed.sort_by_key(|p| p.0);
    let mut spans = vec![Span::raw(" ".repeat(LABEL))];
    let mut col = 0;
    for (at, label, active) in placed {
        spans.push(Span::raw(" ".repeat(at - col)));
        col = at + label.len();
        spans.push(Span::styled(label, if active { th.active_value } else { th.dim }));
    }
    spans.push(Span::raw(" ".repeat(g.room.saturating_sub(col))));
    Line::from(spans)
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
    if drawn.visible_years != strip.visible_years || drawn.chosen != strip.chosen {
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
    let max = (0..cells)
        .map(|c| count_in(&strip.year_counts, g, first + (c * per_cell) as i32))
        .max()
        .unwrap_or(1)
        .max(1);
    let mut bars = vec![Span::styled(format!("{:<LABEL$}", "events"), th.label)];
    let mut ranks = vec![Span::styled(format!("{:<LABEL$}", "US TIP"), th.label)];
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
    let mut lines = vec![Line::from(bars)];
    if !strip.rankings.is_empty() {
        lines.push(Line::from(ranks));
    }
    for (n, row) in strip.eras.iter().enumerate() {
        lines.push(era_line(t, th, row, g, if n == 0 { "eras" } else { "" }));
    }
    // The year labels, written by `restyle` for the filtered years.
    lines.push(Line::default());
    let mut drawn = Drawn {
        visible_years: Vec::new(),
        chosen: Vec::new(),
        cells: g,
        lines,
    };
    drawn.restyle(strip, th);
    drawn
}
