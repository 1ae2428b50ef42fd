//! The filter pane: each facet's values with the count each would give,
//! counted with the other facets applied (faceted search).

use super::{fit, pane_block};
use crate::app::{App, Pane};
use crate::query::Facet;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

fn facet_title(f: Facet) -> &'static str {
    match f {
        Facet::Year => "Year",
        Facet::Actor => "Actor",
        Facet::Kind => "Kind",
        Facet::Tag => "Tag",
        _ => "",
    }
}

/// The pane's lines: `None` for a facet heading, `Some(i)` for entry i.
fn layout(app: &App) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    let mut last = None;
    for (i, e) in app.facet_entries.iter().enumerate() {
        if last != Some(e.facet) {
            out.push(None);
            last = Some(e.facet);
        }
        out.push(Some(i));
    }
    out
}

/// First line shown, so that the cursor stays in view.
fn offset(lines: &[Option<usize>], cursor: usize, height: usize) -> usize {
    let at = lines.iter().position(|l| *l == Some(cursor)).unwrap_or(0);
    at.saturating_sub(height.saturating_sub(1))
        .min(lines.len().saturating_sub(height))
}

/// The entry drawn at screen row `y` of the pane, for mouse clicks.
pub fn entry_at(app: &App, area: Rect, y: u16) -> Option<usize> {
    let lines = layout(app);
    let height = area.height.saturating_sub(2) as usize;
    let row = y.checked_sub(area.y + 1)? as usize;
    lines
        .get(offset(&lines, app.filter_cursor, height) + row)
        .copied()
        .flatten()
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let active = app.facet_entries.iter().filter(|e| e.active).count();
    let title = if active > 0 {
        format!("Filter — {active} on")
    } else {
        "Filter".to_string()
    };
    let block = pane_block(app, Pane::Filter, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let th = &app.theme;
    let lines = layout(app);
    let height = inner.height as usize;
    let width = inner.width as usize;
    let start = offset(&lines, app.filter_cursor, height);
    let focused = app.focus == Pane::Filter;
    let mut shown = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        // A heading is named by the facet of the entry that follows it.
        let facet = lines[n..]
            .iter()
            .find_map(|l| l.map(|i| app.facet_entries[i].facet))
            .unwrap_or(Facet::Year);
        if n < start || n >= start + height {
            continue;
        }
        match line {
            None => {
                shown.push(Line::styled(facet_title(facet).to_string(), th.year_heading));
            }
            Some(i) => {
                let e = &app.facet_entries[*i];
                let mark = if e.active { "[x]" } else { "[ ]" };
                let count = e.count.to_string();
                let cursor = focused && *i == app.filter_cursor;
                let lead = format!("{}{mark} ", if cursor { "▶" } else { " " });
                let room = width.saturating_sub(lead.width() + count.width() + 1);
                let label = fit(&e.label, room);
                let gap = " ".repeat(width.saturating_sub(lead.width() + label.width() + count.width()));
                let style = if cursor {
                    th.selected
                } else if e.active {
                    th.active_value
                } else if e.count == 0 {
                    th.dim
                } else {
                    th.base
                };
                shown.push(Line::from(vec![Span::styled(
                    format!("{lead}{label}{gap}{count}"),
                    style,
                )]));
            }
        }
    }
    frame.render_widget(Paragraph::new(shown), inner);
}
