//! The pictures above the panes: events per year over the whole range with
//! the filtered years picked out, and the ranking (US TIP tier) by year.

use crate::app::App;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const LABEL: usize = 9;

/// "Tier 2 Watch List" -> "2W", "Tier 3" -> "3": short enough for a cell.
fn short_rank(r: &str) -> String {
    let r = r.trim_start_matches("Tier ").replace("Watch List", "W");
    r.split_whitespace().collect()
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.theme;
    if app.year_counts.is_empty() {
        return;
    }
    let first = app.first_year;
    let last = first + app.year_counts.len() as i32 - 1;
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
        .map(|c| count_in(&app.year_counts, first + (c * per_cell) as i32))
        .max()
        .unwrap_or(1)
        .max(1);
    let mut bars = vec![Span::styled(format!("{:<LABEL$}", "events"), th.label)];
    let mut ranks = vec![Span::styled(format!("{:<LABEL$}", "US TIP"), th.label)];
    let mut axis = vec![Span::raw(" ".repeat(LABEL))];
    for c in 0..cells {
        let start = first + (c * per_cell) as i32;
        let n = count_in(&app.year_counts, start);
        let on = count_in(&app.visible_years, start) > 0;
        let glyph = if n == 0 { ' ' } else { BARS[((n * 7) / max).min(7)] };
        let bar_w = cell_w.saturating_sub(1).max(1);
        let cell: String =
            std::iter::repeat_n(glyph, bar_w).collect::<String>() + &" ".repeat(cell_w - bar_w);
        bars.push(Span::styled(cell, if on { th.bar_active } else { th.bar }));
        let rank = app
            .rankings
            .get(&start)
            .map(|r| short_rank(r))
            .unwrap_or_default();
        ranks.push(Span::styled(
            format!("{:<cell_w$}", super::fit(&rank, cell_w.saturating_sub(1).max(1))),
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
            format!("{:<cell_w$}", super::fit(&label, cell_w)),
            label_style,
        ));
    }
    let mut lines = vec![Line::from(bars)];
    if !app.rankings.is_empty() {
        lines.push(Line::from(ranks));
    }
    lines.push(Line::from(axis));
    frame.render_widget(Paragraph::new(lines), area);
}
