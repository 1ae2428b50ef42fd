//! What every pane draws with: the shared read-only view of the app, pane
//! frames, text cut to a width, centred boxes and figure bars.

use crate::app::keymap::Keymap;
use crate::app::theme::Theme;
use crate::query::Query;
use crate::timeline::model::{Figure, Timeline};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};
use unicode_width::UnicodeWidthStr;

/// What the panes read from the app to draw themselves.
pub struct View<'a> {
    pub timeline: &'a Timeline,
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
    /// The committed filter.
    pub query: &'a Query,
    /// Positions of the events that pass the filter.
    pub visible: &'a [usize],
    /// Folded search words to mark.
    pub highlights: &'a [String],
}

/// A pane's frame: thick border and bold title when it has the keyboard.
pub fn pane_block<'a>(theme: &Theme, focused: bool, title: String) -> Block<'a> {
    let (border, border_type, title_style) = if focused {
        (theme.focus_border, BorderType::Thick, theme.title)
    } else {
        (theme.border, BorderType::Plain, theme.label)
    };
    let marker = if focused { "▸ " } else { "" };
    Block::default()
        .borders(Borders::ALL)
        .border_type(border_type)
        .border_style(border)
        .title(Span::styled(format!(" {marker}{title} "), title_style))
}

/// Figures as bars: the width of the widest value, and for each figure a
/// line of its value and a bar scaled to the largest, at most `room` long.
pub fn figure_bars<'a>(
    figures: &[Figure],
    room: impl Fn(usize) -> usize,
    theme: &Theme,
) -> (usize, Vec<Line<'a>>) {
    let value_w = figures.iter().map(|f| f.value_text().width()).max().unwrap_or(1);
    let room = room(value_w);
    let max = figures.iter().map(|f| f.value).fold(0.0_f64, f64::max);
    let lines = figures
        .iter()
        .map(|f| {
            let bar = if max > 0.0 {
                ((f.value / max) * room as f64).round() as usize
            } else {
                0
            };
            Line::from(vec![
                Span::styled(format!("{:>value_w$} ", f.value_text()), theme.label),
                Span::styled("█".repeat(bar.max(1)), theme.bar_active),
            ])
        })
        .collect();
    (value_w, lines)
}

/// Cuts text to a display width, marking the cut with an ellipsis.
pub fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// A centred box of at most the given size.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
