//! The help overlay, generated from the key table. Lines are wrapped here
//! with a hanging indent, so the scroll limit is known before drawing.

use super::widgets::centered;
use crate::app::keymap::Keymap;
use crate::app::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

const MOUSE: &str =
    "Mouse: click selects, the wheel scrolls the pane under the pointer (--no-mouse turns it off).";

/// The box the help is drawn in, on a screen of this size.
fn frame_rect(area: Rect) -> Rect {
    centered(area, 84, area.height.saturating_sub(2).max(3))
}

/// The help text at an inner width: context headings, then each binding's
/// keys and what they do, continuation lines indented under the text.
fn lines(keymap: &Keymap, th: &Theme, width: usize) -> Vec<Line<'static>> {
    let rows = keymap.help_rows();
    let key_w = rows.iter().map(|r| r.1.width()).max().unwrap_or(4).min(24);
    let mut out = Vec::new();
    let mut context = None;
    for (ctx, keys, what) in rows {
        if context != Some(ctx) {
            if context.is_some() {
                out.push(Line::default());
            }
            out.push(Line::styled(ctx.title(), th.year_heading));
            context = Some(ctx);
        }
        let lead = format!("  {keys}{}  ", " ".repeat(key_w.saturating_sub(keys.width())));
        let text_w = width.saturating_sub(lead.width()).max(8);
        let wrapped = textwrap::wrap(what, textwrap::Options::new(text_w));
        for (i, piece) in wrapped.iter().enumerate() {
            let head = if i == 0 {
                Span::styled(lead.clone(), th.label)
            } else {
                Span::raw(" ".repeat(lead.width()))
            };
            out.push(Line::from(vec![head, Span::raw(piece.to_string())]));
        }
    }
    out.push(Line::default());
    for piece in textwrap::wrap(
        MOUSE,
        textwrap::Options::new(width.max(8)).subsequent_indent("  "),
    ) {
        out.push(Line::styled(piece.to_string(), th.dim));
    }
    out
}

/// How far the help can scroll on a screen of this size.
pub fn max_scroll(keymap: &Keymap, size: (u16, u16)) -> u16 {
    let rect = frame_rect(Rect::new(0, 0, size.0, size.1));
    let inner_w = rect.width.saturating_sub(2) as usize;
    let inner_h = rect.height.saturating_sub(2) as usize;
    let th = Theme::new(crate::app::theme::ThemeName::Dark, true);
    let n = lines(keymap, &th, inner_w).len();
    n.saturating_sub(inner_h).min(u16::MAX as usize) as u16
}

pub fn draw(frame: &mut Frame, area: Rect, keymap: &Keymap, th: &Theme, scroll: u16) {
    let rect = frame_rect(area);
    frame.render_widget(Clear, rect);
    let close = keymap.first_key(
        crate::app::keymap::Context::Help,
        crate::app::input::Action::CloseHelp,
    );
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(th.focus_border)
        .title(Span::styled(format!(" Keys — {close} closes "), th.title));
    let inner = block.inner(rect);
    let all = lines(keymap, th, inner.width as usize);
    let max = all.len().saturating_sub(inner.height as usize);
    let start = (scroll as usize).min(max);
    let shown: Vec<Line> = all.into_iter().skip(start).take(inner.height as usize).collect();
    frame.render_widget(Paragraph::new(shown).block(block), rect);
}
