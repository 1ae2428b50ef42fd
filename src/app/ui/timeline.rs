//! The timeline pane: events under year headings, only the rows on screen built.

use super::{fit, pane_block};
use crate::app::{App, Pane, Row};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// Splits text into spans, marking where any folded word occurs. Folding
/// is done a character at a time so marks land on the original text.
pub fn highlighted(text: &str, words: &[String], base: Style, mark: Style) -> Vec<Span<'static>> {
    if words.is_empty() || text.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let mut folded = String::new();
    // For each byte of `folded`, the char index in `text` it came from.
    let mut origin = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let f = crate::text::fold(&c.to_string());
        origin.extend(std::iter::repeat_n(i, f.len()));
        folded.push_str(&f);
    }
    let mut marked = vec![false; chars.len()];
    for w in words {
        for (start, m) in folded.match_indices(w.as_str()) {
            if let (Some(&a), Some(&b)) = (origin.get(start), origin.get(start + m.len() - 1)) {
                marked[a..=b].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut state = marked.first().copied().unwrap_or(false);
    for (c, m) in chars.iter().zip(marked) {
        if m != state {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if state { mark } else { base },
            ));
            state = m;
        }
        run.push(*c);
    }
    spans.push(Span::styled(run, if state { mark } else { base }));
    spans
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let title = format!(
        "Timeline — {} of {} events",
        app.visible.len(),
        app.timeline.events.len()
    );
    let block = pane_block(app, Pane::Timeline, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let theme = &app.theme;
    if app.visible.is_empty() {
        let msg = if app.timeline.events.is_empty() {
            "No events in the data.".to_string()
        } else {
            let clear = app.keymap.key_for(crate::app::Action::ClearFilters);
            format!("No event matches the filter. Press {clear} to clear it, or Esc to leave a prompt.")
        };
        frame.render_widget(
            Paragraph::new(msg)
                .style(theme.dim)
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let height = inner.height as usize;
    let offset = app.timeline_offset.min(app.rows.len().saturating_sub(1));
    let shown = &app.rows[offset..(offset + height).min(app.rows.len())];
    // Dates are never cut: a range too wide for the column is written
    // shorter, under its year heading.
    let cap = inner.width as usize * 2 / 5;
    let date_of = |e: &crate::timeline::model::Event| {
        let full = e.date_text();
        if full.width() <= cap {
            full
        } else {
            crate::timeline::date::PartialDate::compact_range(&e.date, e.end.as_ref())
        }
    };
    let date_width = shown
        .iter()
        .filter_map(|r| match r {
            Row::Event(i) => Some(date_of(&app.timeline.events[app.visible[*i]]).width()),
            Row::Year(_) => None,
        })
        .max()
        .unwrap_or(4)
        .min(cap);
    let words = app.highlights();
    let width = inner.width as usize;
    let lines: Vec<Line> = shown
        .iter()
        .map(|row| match row {
            Row::Year(y) => {
                let label = format!("{y} ");
                let rule = "─".repeat(width.saturating_sub(label.width()));
                Line::from(vec![
                    Span::styled(label, theme.year_heading),
                    Span::styled(rule, theme.dim),
                ])
            }
            Row::Event(i) => {
                let e = &app.timeline.events[app.visible[*i]];
                let selected = *i == app.selected;
                let date = fit(&date_of(e), date_width);
                let pad = " ".repeat(date_width.saturating_sub(date.width()));
                let lead = format!(
                    "{} {date}{pad} {} ",
                    if selected { "▶" } else { " " },
                    e.kind.marker()
                );
                let room = width.saturating_sub(lead.width());
                let title = fit(&e.title, room);
                let base = if selected { theme.selected } else { theme.base };
                let mark = if selected {
                    theme.selected.patch(theme.highlight)
                } else {
                    theme.highlight
                };
                let mut spans = vec![Span::styled(
                    lead,
                    if selected { theme.selected } else { theme.dim },
                )];
                spans.extend(highlighted(&title, &words, base, mark));
                let used: usize = spans.iter().map(|s| s.content.width()).sum();
                if selected && used < width {
                    // Reverse video across the whole row, so the selection reads at a glance.
                    spans.push(Span::styled(" ".repeat(width - used), theme.selected));
                }
                Line::from(spans)
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
