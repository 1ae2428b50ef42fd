//! The copy menu: what can be copied from the shown event, each with the
//! start of the text it copies, so the reader sees what they will paste.

use super::widgets::{centered, fit, View};
use crate::app::effect::CopyMenu;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};
use ratatui::Frame;

/// Where the cursor of the menu sits on screen: the chosen row.
pub fn draw(frame: &mut Frame, area: Rect, menu: &CopyMenu, v: &View) -> Option<(u16, u16)> {
    let th = v.theme;
    let rows = menu.items.len() as u16 * 2 + 1;
    let rect = centered(area, 76, rows + 2);
    super::widgets::clear(frame, rect, th);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(th.focus_border)
        .style(th.base)
        .title(Span::styled(
            " Copy (type its number, or ↑↓ and Enter) ",
            th.title,
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    for (i, item) in menu.items.iter().enumerate() {
        let chosen = i == menu.cursor;
        let (mark, style) = if chosen {
            ("▶", th.selected)
        } else {
            (" ", th.base)
        };
        lines.push(Line::from(vec![
            Span::styled(mark, th.label),
            Span::styled(
                fit(&format!("{} {}", i + 1, item.what), width.saturating_sub(1)),
                style,
            ),
        ]));
        // The first line of what would be copied, made safe to show.
        let first = item.text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let preview = crate::text::sanitize_line(first);
        lines.push(Line::styled(fit(&format!("    {preview}"), width), th.dim));
    }
    lines.push(Line::styled(
        fit(
            "Esc closes. Copies with OSC 52, and into tmux's buffer in tmux.",
            width,
        ),
        th.dim,
    ));
    frame.render_widget(super::widgets::Lines(&lines), inner);
    (inner.height > 0).then(|| (inner.x, inner.y + (menu.cursor as u16 * 2).min(inner.height - 1)))
}
