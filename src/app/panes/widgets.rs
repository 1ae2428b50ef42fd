//! What every pane draws with: the shared read-only view of the app, pane
//! frames, text cut to a width, centred boxes and figure bars.

use crate::app::keymap::Keymap;
use crate::app::theme::Theme;
use crate::query::Query;
use crate::timeline::model::{number_text, Figure, Timeline};
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
    /// Whether web addresses are drawn as terminal hyperlinks.
    pub hyperlinks: bool,
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

/// Whether a unit is a share of a hundred, drawn against 100 rather than
/// against the counts beside it.
fn is_percentage(unit: Option<&str>) -> bool {
    unit.is_some_and(|u| {
        let u = u.to_lowercase();
        u.contains("per cent") || u.contains("percent") || u.trim() == "%"
    })
}

/// Figures as bars: the width of the widest value, and for each figure its
/// lines, a bar for its value and a lighter one (░) for each value other
/// sources give. Figures of one unit share a scale; a percentage is drawn
/// against 100; counts and percentages never share one.
pub fn figure_bars<'a>(
    figures: &[Figure],
    room: impl Fn(usize) -> usize,
    theme: &Theme,
) -> (usize, Vec<Vec<Line<'a>>>) {
    let values = |f: &Figure| -> Vec<f64> {
        std::iter::once(f.value)
            .chain(f.alternatives.iter().map(|a| a.value))
            .collect()
    };
    let value_w = figures
        .iter()
        .flat_map(|f| values(f).into_iter().map(|v| number_text(v).width()))
        .max()
        .unwrap_or(1);
    let room = room(value_w);
    let scale = |f: &Figure| -> f64 {
        if is_percentage(f.unit.as_deref()) {
            return 100.0;
        }
        figures
            .iter()
            .filter(|g| g.unit == f.unit && !is_percentage(g.unit.as_deref()))
            .flat_map(values)
            .fold(0.0_f64, f64::max)
    };
    let bar = |v: f64, max: f64, glyph: &str, style| {
        let n = if max > 0.0 {
            ((v / max).min(1.0) * room as f64).round() as usize
        } else {
            0
        };
        Line::from(vec![
            Span::styled(format!("{:>value_w$} ", number_text(v)), theme.label),
            Span::styled(glyph.repeat(n.max(1)), style),
        ])
    };
    let lines = figures
        .iter()
        .map(|f| {
            let max = scale(f);
            let mut out = vec![bar(f.value, max, "█", theme.bar_active)];
            out.extend(f.alternatives.iter().map(|a| bar(a.value, max, "░", theme.bar)));
            out
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

/// Makes the text of one row a terminal hyperlink (OSC 8) to `url`: the
/// row's first to last non-blank cell become one cell that prints the link
/// and is counted as the text's width, so the diff neither repeats nor
/// misplaces it. `url` must already be a checked web address; anything
/// outside printable ASCII is percent-encoded here as well, since the
/// address sits inside an escape sequence.
pub fn hyperlink_row(buf: &mut ratatui::buffer::Buffer, x: u16, y: u16, width: u16, url: &str) {
    use ratatui::buffer::CellDiffOption;
    let target = osc8_target(url);
    let cells: Vec<u16> = (x..x.saturating_add(width))
        .filter(|&cx| buf.cell((cx, y)).is_some_and(|c| !c.symbol().trim().is_empty()))
        .collect();
    let (Some(&first), Some(&last)) = (cells.first(), cells.last()) else {
        return;
    };
    let mut text = String::new();
    for cx in first..=last {
        if let Some(c) = buf.cell((cx, y)) {
            text.push_str(c.symbol());
        }
    }
    let Some(span) = std::num::NonZeroU16::new(text.width().min(usize::from(last - first + 1)) as u16) else {
        return;
    };
    if let Some(cell) = buf.cell_mut((first, y)) {
        cell.set_symbol(&format!("\x1b]8;;{target}\x1b\\{text}\x1b]8;;\x1b\\"));
        cell.set_diff_option(CellDiffOption::ForcedWidth(span));
    }
}

/// A web address as an OSC 8 target: printable ASCII only.
pub fn osc8_target(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if (0x21..0x7f).contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Clears a rectangle to the theme's background (ratatui's `Clear` alone
/// would leave the terminal's own, whose contrast nobody checked).
pub fn clear(frame: &mut ratatui::Frame, rect: Rect, theme: &Theme) {
    frame.render_widget(ratatui::widgets::Clear, rect);
    frame.render_widget(Block::default().style(theme.base), rect);
}
