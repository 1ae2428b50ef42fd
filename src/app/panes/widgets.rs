//! What every pane draws with: the shared read-only view of the app, pane
//! frames, text cut to a width, centred boxes and figure bars.

use crate::app::keymap::Keymap;
use crate::app::theme::Theme;
use crate::query::Query;
use crate::timeline::figures::bar_scales;
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
pub fn pane_block<'a>(theme: &Theme, focused: bool, title: String) -> PaneFrame<'a> {
    let (border, border_type, title_style) = if focused {
        (theme.focus_border, BorderType::Thick, theme.title)
    } else {
        (theme.border, BorderType::Plain, theme.label)
    };
    let marker = if focused { "▸ " } else { "" };
    PaneFrame {
        border,
        border_type,
        title: Span::styled(format!(" {marker}{title} "), title_style),
    }
}

/// A bordered frame with a title at its top left: what a `Block` with all
/// borders and one title draws, cell for cell, without first visiting
/// every cell inside it to apply an empty style, which cost as much as
/// drawing the text within.
pub struct PaneFrame<'a> {
    border: ratatui::style::Style,
    border_type: BorderType,
    title: Span<'a>,
}

impl<'a> PaneFrame<'a> {
    pub fn new(border: ratatui::style::Style, border_type: BorderType, title: Span<'a>) -> Self {
        PaneFrame {
            border,
            border_type,
            title,
        }
    }

    /// The area inside the border.
    pub fn inner(&self, area: Rect) -> Rect {
        Block::default().borders(Borders::ALL).inner(area)
    }
}

impl ratatui::widgets::Widget for PaneFrame<'_> {
    fn render(self, area: Rect, buf: &mut ratatui::buffer::Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let set = self.border_type.to_border_set();
        let (left, top) = (area.left(), area.top());
        let (right, bottom) = (area.right() - 1, area.bottom() - 1);
        // Sides, then corners over them, in the order a Block draws them.
        for (xs, ys, side) in [
            (left..=left, top..=bottom, set.vertical_left),
            (left..=right, top..=top, set.horizontal_top),
            (right..=right, top..=bottom, set.vertical_right),
            (left..=right, bottom..=bottom, set.horizontal_bottom),
        ] {
            for x in xs {
                for y in ys.clone() {
                    buf[(x, y)].set_symbol(side).set_style(self.border);
                }
            }
        }
        for (x, y, corner) in [
            (right, bottom, set.bottom_right),
            (right, top, set.top_right),
            (left, bottom, set.bottom_left),
            (left, top, set.top_left),
        ] {
            buf[(x, y)].set_symbol(corner).set_style(self.border);
        }
        let room = area.width.saturating_sub(2);
        if room > 0 {
            let title = Line::from(self.title);
            let width = u16::try_from(title.width()).unwrap_or(u16::MAX).min(room);
            title.render(Rect::new(left + 1, top, width, 1), buf);
        }
    }
}

/// Something drawing made, kept with what it was made from: drawing takes
/// `&App`, and the next frame reuses what it made while that stays the same.
#[derive(Debug, Clone)]
pub struct KeptLines<K, V>(std::cell::RefCell<Option<(K, V)>>);

impl<K, V> Default for KeptLines<K, V> {
    fn default() -> Self {
        KeptLines(std::cell::RefCell::new(None))
    }
}

impl<K: PartialEq, V> KeptLines<K, V> {
    /// What was made from `from`, made now if what is kept came from
    /// something else (or nothing is kept yet).
    pub fn from(&self, from: K, make: impl FnOnce() -> V) -> std::cell::RefMut<'_, V> {
        let mut kept = self.0.borrow_mut();
        if kept.as_ref().is_some_and(|(k, _)| *k != from) {
            *kept = None;
        }
        std::cell::RefMut::map(kept, |k| &mut k.get_or_insert_with(|| (from, make())).1)
    }
}

/// Whether a unit is a share of a hundred, drawn against 100 rather than
/// against the counts beside it.
/// Figures as bars: the width of the widest value, and for each figure
/// its bar lines, a bar for its value and a lighter one (░) for each value
/// other sources give, or `None` when it has nothing to be compared with
/// and is given as a number. Only figures with the same unit and label
/// share a scale, a share of a whole is drawn against 100
/// ([`bar_scales`]), and values are never cut.
pub fn figure_bars<'a>(
    figures: &[Figure],
    room: impl Fn(usize) -> usize,
    theme: &Theme,
) -> (usize, Vec<Option<Vec<Line<'a>>>>) {
    let values = |f: &Figure| -> Vec<f64> {
        std::iter::once(f.value)
            .chain(f.alternatives.iter().map(|a| a.value))
            .collect()
    };
    // A figure's own value with what qualifies it ("about 300"); the values
    // other sources give, as numbers.
    let value_w = figures
        .iter()
        .flat_map(|f| values(f).into_iter().map(|v| number_text(v).width()))
        .chain(figures.iter().map(|f| f.qualified_number().width()))
        .max()
        .unwrap_or(1);
    let room = room(value_w);
    let bar = |v: f64, text: String, max: f64, glyph: &str, style| {
        let n = if max > 0.0 {
            ((v / max).min(1.0) * room as f64).round() as usize
        } else {
            0
        };
        Line::from(vec![
            Span::styled(format!("{text:>value_w$} "), theme.label),
            Span::styled(glyph.repeat(n.max(1)), style),
        ])
    };
    let lines = figures
        .iter()
        .zip(bar_scales(figures))
        .map(|(f, scale)| {
            let max = scale?;
            let mut out = vec![bar(f.value, f.qualified_number(), max, "█", theme.bar_active)];
            out.extend(
                f.alternatives
                    .iter()
                    .map(|a| bar(a.value, number_text(a.value), max, "░", theme.bar)),
            );
            Some(out)
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

/// The longest address made a terminal hyperlink; browsers and terminals
/// themselves cap links near this (VTE at 2083 bytes).
pub const MAX_LINK_BYTES: usize = 2048;

/// Makes the text of one row a terminal hyperlink (OSC 8) to `url`: the
/// row's first to last non-blank cell become one cell that prints the link
/// and is counted as the text's width, so the diff neither repeats nor
/// misplaces it. `url` must already be a checked web address; anything
/// outside printable ASCII is percent-encoded here as well, since the
/// address sits inside an escape sequence.
pub fn hyperlink_row(buf: &mut ratatui::buffer::Buffer, x: u16, y: u16, width: u16, url: &str) {
    use ratatui::buffer::CellDiffOption;
    let target = osc8_target(url);
    // Every wrapped row of an address repeats the whole target: a 200 KB
    // address would send megabytes per frame. Such a one stays plain text.
    if target.len() > MAX_LINK_BYTES {
        return;
    }
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
    fill(frame.buffer_mut(), rect, theme.base);
}

/// Applies a style to every cell of an area, a row at a time: what a
/// `Block` with that style and no border does to the cells.
pub fn fill(buf: &mut ratatui::buffer::Buffer, area: Rect, style: ratatui::style::Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + area.width as usize] {
            cell.set_style(style);
        }
    }
}

/// Whether a character is drawn in one cell and is a grapheme of its own
/// unless a combining character follows: printable ASCII, and the
/// punctuation, arrows, box drawing, blocks and shapes of U+2010-U+25FF
/// that are one cell wide (the rules, bars and markers panes draw).
fn is_simple(c: char) -> bool {
    matches!(c, ' '..='~')
        || (('\u{2010}'..='\u{25FF}').contains(&c) && unicode_width::UnicodeWidthChar::width(c) == Some(1))
}

/// Lines drawn one to a row, cut at the area's right edge: what an
/// unwrapped, unscrolled `Paragraph` draws, cell for cell. Simple
/// characters (see [`is_simple`]) are written straight into the cells;
/// ratatui splits every string into graphemes and measures each, which was
/// most of the cost of a frame. Other text, with the character before it
/// (which may start its grapheme), goes through ratatui's graphemes.
pub struct Lines<I>(pub I);

impl<'l, 'a: 'l, I: IntoIterator<Item = &'l Line<'a>>> ratatui::widgets::Widget for Lines<I> {
    fn render(self, area: Rect, buf: &mut ratatui::buffer::Buffer) {
        use ratatui::buffer::CellWidth;
        use ratatui::layout::Alignment;
        let area = area.intersection(buf.area);
        for (y, line) in (area.top()..area.bottom()).zip(self.0) {
            let row = Rect { y, height: 1, ..area };
            if matches!(line.alignment, Some(Alignment::Center | Alignment::Right)) {
                ratatui::widgets::Paragraph::new(line.clone()).render(row, buf);
                continue;
            }
            let start = buf.index_of(area.x, y);
            let cells = &mut buf.content[start..start + area.width as usize];
            let mut x = 0;
            'spans: for span in &line.spans {
                let style = line.style.patch(span.style);
                let text: &str = &span.content;
                let mut chars = text.char_indices().peekable();
                let mut plain = text.len();
                while let Some((at, c)) = chars.next() {
                    let alone = chars.peek().is_none_or(|&(_, next)| is_simple(next));
                    if !(is_simple(c) && alone) {
                        plain = at;
                        break;
                    }
                    let Some(cell) = cells.get_mut(x) else {
                        break 'spans;
                    };
                    cell.set_char(c).set_style(style);
                    x += 1;
                }
                if plain == text.len() {
                    continue;
                }
                let rest = Span::styled(&text[plain..], style);
                for g in rest.styled_graphemes(ratatui::style::Style::default()) {
                    let width = usize::from(g.symbol.cell_width());
                    // Too wide for the whole row: skipped, as a Paragraph does.
                    if width == 0 || width > cells.len() {
                        continue;
                    }
                    if x + width > cells.len() {
                        break 'spans;
                    }
                    cells[x].set_symbol(g.symbol).set_style(g.style);
                    x += width;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Alignment;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::widgets::{Paragraph, Widget};

    /// A short address becomes one OSC 8 cell; one past the cap stays text.
    #[test]
    fn only_addresses_up_to_the_cap_become_hyperlinks() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        buf.set_string(0, 0, "see page", Style::default());
        hyperlink_row(&mut buf, 0, 0, 10, "https://example.org/a");
        assert_eq!(
            buf[(0, 0)].symbol(),
            "\x1b]8;;https://example.org/a\x1b\\see page\x1b]8;;\x1b\\"
        );
        let long = format!("https://example.org/{}", "a".repeat(MAX_LINK_BYTES - 19));
        assert_eq!(long.len(), MAX_LINK_BYTES + 1);
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        buf.set_string(0, 0, "see page", Style::default());
        hyperlink_row(&mut buf, 0, 0, 10, &long);
        assert_eq!(buf[(0, 0)].symbol(), "s");
    }

    /// What a Paragraph draws and what `Lines` draws, over the same
    /// non-empty background, so cells left alone show too.
    fn both(lines: &[Line<'_>], width: u16) -> (Buffer, Buffer) {
        let area = Rect::new(1, 1, width, lines.len() as u16 + 1);
        let mut background = Buffer::empty(Rect::new(0, 0, width + 2, lines.len() as u16 + 3));
        background.set_style(background.area, Style::new().bg(Color::Blue));
        for cell in background.content.iter_mut() {
            cell.set_symbol("·");
        }
        let mut paragraph = background.clone();
        Paragraph::new(lines.to_vec()).render(area, &mut paragraph);
        let mut fast = background;
        Lines(lines).render(area, &mut fast);
        (paragraph, fast)
    }

    #[test]
    fn lines_draw_what_an_unwrapped_paragraph_draws() {
        let red = Style::new().fg(Color::Red);
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let lines = vec![
            Line::from("plain ascii that is longer than the row is wide"),
            Line::from(vec![Span::styled("red ", red), Span::styled("bold", bold)])
                .style(Style::new().bg(Color::Green)),
            // A combining accent after ASCII, Khmer, and wide CJK at the edge.
            Line::from("cafe\u{301} ហ៊ុន សែន 東京東京東京東京東京東京"),
            Line::from("2022 ────────────────────────────────────────────"),
            Line::from("▁▂▃▄▅▆▇█ ░▒ ━┃ ▶ ▸ — … → ★ ─\u{301}x ⌚ ☔\u{FE0F} ∑"),
            Line::from(vec![
                Span::raw("▇▇"),
                Span::raw("\u{301}"),
                Span::raw("—"),
                Span::raw("\u{200B}"),
            ]),
            Line::from("right").alignment(Alignment::Right),
            Line::from("centre").alignment(Alignment::Center),
            Line::from(""),
            Line::from(vec![Span::raw("東"), Span::raw("x")]),
        ];
        for width in [1, 2, 5, 11, 12, 30, 60] {
            let (paragraph, fast) = both(&lines, width);
            assert_eq!(fast, paragraph, "at width {width}");
        }
    }

    #[test]
    fn a_pane_frame_draws_what_a_block_draws() {
        let theme = Theme::new(crate::app::theme::ThemeName::Dark, false);
        for (w, h) in [(1, 1), (2, 1), (1, 3), (3, 2), (10, 4), (40, 6)] {
            for focused in [false, true] {
                for title in ["Timeline — 40 of 40 events", "東京 wide", ""] {
                    let area = Rect::new(1, 1, w, h);
                    let mut background = Buffer::empty(Rect::new(0, 0, w + 2, h + 2));
                    background.set_style(background.area, Style::new().bg(Color::Blue));
                    let frame = pane_block(&theme, focused, title.into());
                    let (border, border_type, title_style) =
                        (frame.border, frame.border_type, frame.title.style);
                    let block = Block::default()
                        .borders(Borders::ALL)
                        .border_type(border_type)
                        .border_style(border)
                        .title(Span::styled(frame.title.content.clone(), title_style));
                    assert_eq!(frame.inner(area), block.inner(area));
                    let mut expected = background.clone();
                    block.render(area, &mut expected);
                    let mut drawn = background;
                    frame.render(area, &mut drawn);
                    assert_eq!(drawn, expected, "{w}x{h}, focused {focused}, {title:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn lines_draw_what_a_paragraph_draws_for_any_mix_of_characters(
            spans in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(vec![
                    "a", "Z", " ", "~", "─", "█", "▶", "—", "…", "\u{301}", "\u{17CA}", "ក", "東",
                    "⌚", "\u{FE0F}", "\u{200D}", "\u{200B}", "\u{2028}", "é", "👩", "\u{1F1F0}",
                ]), 0..12),
                0..4,
            ),
            width in 1u16..20,
        ) {
            let line = Line::from(
                spans.iter().map(|s| Span::raw(s.concat())).collect::<Vec<_>>(),
            );
            let (paragraph, fast) = both(&[line], width);
            proptest::prop_assert_eq!(fast, paragraph);
        }
    }

    #[test]
    fn lines_write_the_characters_and_styles_given() {
        let red = Style::new().fg(Color::Red);
        let lines = [Line::from(vec![Span::raw("ab"), Span::styled("東c", red)])];
        let (_, fast) = both(&lines, 4);
        let row: Vec<&str> = (1..5).map(|x| fast[(x, 1)].symbol()).collect();
        assert_eq!(
            row,
            ["a", "b", "東", "·"],
            "a wide character leaves the cell after it alone"
        );
        assert_eq!(fast[(3, 1)].fg, Color::Red);
        assert_eq!(fast[(1, 1)].fg, Color::Reset);
        assert_eq!(fast[(1, 1)].bg, Color::Blue, "the background stays");
        assert_eq!(fast[(5, 1)].symbol(), "·", "nothing past the area");
    }
}
