//! The help overlay, generated from the keymap.

use super::centered;
use crate::app::App;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, scroll: u16) {
    let th = &app.theme;
    let rect = centered(area, 84, area.height.saturating_sub(2).max(3));
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(th.focus_border)
        .title(Span::styled(" Keys — Esc closes ", th.title));
    let rows = app.keymap.help_rows();
    let key_w = rows.iter().map(|r| r.1.width()).max().unwrap_or(4).min(24);
    let mut lines = Vec::new();
    let mut context = None;
    for (ctx, keys, what) in rows {
        if context != Some(ctx) {
            if context.is_some() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(ctx.title(), th.year_heading));
            context = Some(ctx);
        }
        let pad = " ".repeat(key_w.saturating_sub(keys.width()));
        lines.push(Line::from(vec![
            Span::styled(format!("  {keys}{pad}  "), th.label),
            Span::raw(what),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Mouse: click selects, the wheel scrolls (--no-mouse turns it off).",
        th.dim,
    ));
    let inner_h = block.inner(rect).height as usize;
    let max = lines.len().saturating_sub(inner_h) as u16;
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll.min(max), 0)),
        rect,
    );
}
