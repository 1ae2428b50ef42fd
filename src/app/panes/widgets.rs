//! What every pane draws with: the shared read-only view of the app, pane
//! frames, text cut to a width, centred boxes and figure bars.

use crate::app::keymap::Keymap;
use crate::app::theme::Theme;
use crate::query::Query;
use crate::text::width::Columns;
use crate::timeline::figures::bar_scales;
use crate::timeline::model::{number_text, Figure, Timeline};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};

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
            let width = u16::try_from(self.title.content.columns())
                .unwrap_or(u16::MAX)
                .min(room);
            let at = Rect::new(left + 1, top, width, 1);
            if crate::text::width::is_one_char_per_cluster(&self.title.content) {
                Line::from(self.title).render(at, buf);
            } else {
                Lines(&[Line::from(self.title)]).render(at, buf);
            }
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
        .flat_map(|f| values(f).into_iter().map(|v| number_text(v).columns()))
        .chain(figures.iter().map(|f| f.qualified_number().columns()))
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

/// Cuts text to a terminal's width, between clusters, marking the cut
/// with an ellipsis.
pub use crate::text::width::fit;

/// A prompt's line in `room` columns with its caret: the character under
/// the caret in reverse video, or a block after the end. Returns the spans
/// and the caret's column.
pub fn caret_line(
    line: &crate::app::line::LineEditor,
    room: usize,
    theme: &Theme,
) -> (Vec<Span<'static>>, u16) {
    let (shown, at) = line.window(room);
    let mut before = String::new();
    let mut chars = shown.chars();
    while before.columns() < at {
        match chars.next() {
            Some(c) => before.push(c),
            None => break,
        }
    }
    let under = chars.next();
    let after: String = chars.collect();
    let caret = match under {
        Some(c) => Span::styled(
            c.to_string(),
            theme.label.add_modifier(ratatui::style::Modifier::REVERSED),
        ),
        None => Span::styled("█", theme.label),
    };
    let spans = vec![Span::raw(before), caret, Span::raw(after)];
    (spans, at.min(u16::MAX as usize) as u16)
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
    let Some(span) = std::num::NonZeroU16::new(text.columns().min(usize::from(last - first + 1)) as u16)
    else {
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

/// Lines inside a block: what `Paragraph::new(lines).block(block)` draws,
/// with Khmer and other clustered text written whole.
pub fn boxed(frame: &mut ratatui::Frame, rect: Rect, block: Block<'_>, lines: &[Line<'_>]) {
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(Lines(lines), inner);
}

/// Lines over a style: what `Paragraph::new(lines).style(style)` draws,
/// with Khmer and other clustered text written whole.
pub fn styled(frame: &mut ratatui::Frame, area: Rect, style: ratatui::style::Style, lines: &[Line<'_>]) {
    fill(frame.buffer_mut(), area, style);
    frame.render_widget(Lines(lines), area);
}

/// Each line wrapped to `width` in its first span's style (patched with
/// the line's), between clusters: what a wrapping `Paragraph` of one-style
/// lines draws, for text written whole.
pub fn wrapped_lines(lines: &[Line<'_>], width: usize) -> Vec<Line<'static>> {
    let options = textwrap::Options::new(width.max(1))
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    let mut out = Vec::new();
    for line in lines {
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let style = line
            .style
            .patch(line.spans.first().map(|s| s.style).unwrap_or_default());
        if text.is_empty() {
            out.push(Line::default());
            continue;
        }
        out.extend(
            crate::text::wrap::wrap(&text, &options)
                .into_iter()
                .map(|piece| Line::styled(piece.into_owned(), style)),
        );
    }
    out
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
/// unwrapped, unscrolled `Paragraph` draws, cell for cell, for text whose
/// grapheme clusters are single characters. Simple characters (see
/// [`is_simple`]) are written straight into the cells; ratatui splits every
/// string into graphemes and measures each, which was most of the cost of a
/// frame. Other text, with the character before it (which may start its
/// grapheme), goes through graphemes; a stretch of them holding a cluster of
/// several characters (Khmer) is written whole (see [`super::runs`]), and a
/// line holding one is aligned by the columns a terminal gives it.
pub struct Lines<I>(pub I);

impl<'l, 'a: 'l, I: IntoIterator<Item = &'l Line<'a>>> ratatui::widgets::Widget for Lines<I> {
    fn render(self, area: Rect, buf: &mut ratatui::buffer::Buffer) {
        use ratatui::layout::Alignment;
        let area = area.intersection(buf.area);
        for (y, line) in (area.top()..area.bottom()).zip(self.0) {
            let row = Rect { y, height: 1, ..area };
            let aligned = matches!(line.alignment, Some(Alignment::Center | Alignment::Right));
            let single = || {
                line.spans
                    .iter()
                    .all(|s| crate::text::width::is_one_char_per_cluster(&s.content))
            };
            if aligned && single() {
                ratatui::widgets::Paragraph::new(line.clone()).render(row, buf);
                continue;
            }
            let start = buf.index_of(area.x, y);
            let cells = &mut buf.content[start..start + area.width as usize];
            let width = cells.len();
            let used = || line.spans.iter().map(|s| s.content.columns()).sum::<usize>();
            let x = match line.alignment {
                Some(Alignment::Center) => (width / 2).saturating_sub(used() / 2),
                Some(Alignment::Right) => width.saturating_sub(used()),
                _ => 0,
            };
            write_line(cells, x, line);
        }
    }
}

/// Writes a line's spans into a row's cells from `x`.
fn write_line(cells: &mut [ratatui::buffer::Cell], mut x: usize, line: &Line<'_>) {
    use ratatui::buffer::CellWidth;
    use unicode_segmentation::UnicodeSegmentation;
    for span in &line.spans {
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
                return;
            };
            cell.set_char(c).set_style(style);
            x += 1;
        }
        if plain == text.len() {
            continue;
        }
        let graphemes: Vec<&str> = text[plain..]
            .graphemes(true)
            .filter(|g| !g.contains(char::is_control))
            .collect();
        let mut i = 0;
        while i < graphemes.len() {
            // A stretch of anything but single ASCII characters.
            let end = (i..graphemes.len())
                .find(|&j| graphemes[j].len() == 1)
                .unwrap_or(graphemes.len())
                .max(i + 1);
            if super::runs::needs_whole(&graphemes[i..end]) {
                if !super::runs::write_whole(cells, &mut x, &graphemes[i..end], style) {
                    return;
                }
                i = end;
                continue;
            }
            let g = graphemes[i];
            i += 1;
            let width = usize::from(g.cell_width());
            // Too wide for the whole row: skipped, as a Paragraph does.
            if width == 0 || width > cells.len() {
                continue;
            }
            if x + width > cells.len() {
                return;
            }
            cells[x].set_symbol(g).set_style(style);
            x += width;
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
            // A combining accent after ASCII, and wide CJK at the edge.
            Line::from("cafe\u{301} 東京東京東京東京東京東京"),
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

    /// A row as a reader sees it: the symbols of the cells written, the
    /// cells a stretch covers skipped, the background left off.
    fn read_row(buf: &Buffer, y: u16) -> Vec<String> {
        let mut out = Vec::new();
        let mut x = 1;
        while x < buf.area.width - 1 {
            let cell = &buf[(x, y)];
            out.push(cell.symbol().to_string());
            x += ratatui::buffer::CellWidth::cell_width(cell).max(1);
        }
        while out.last().is_some_and(|s| s == "·") {
            out.pop();
        }
        out
    }

    /// Khmer reaches the row in stretches written whole, each as wide as a
    /// terminal lays it out a character at a time; the spaces and ASCII
    /// between them are cells of their own.
    #[test]
    fn lines_write_khmer_whole_at_the_columns_a_terminal_gives_it() {
        let lines = [
            Line::from("ឆ្នាំ ab ហ៊ុន សែន"),
            Line::from("ឆ្នាំ").alignment(Alignment::Right),
            Line::from("ឆ្នាំ").alignment(Alignment::Center),
        ];
        let (_, fast) = both(&lines, 14);
        assert_eq!(read_row(&fast, 1), ["ឆ្នាំ", " ", "a", "b", " ", "ហ៊ុន", " ", "សែន"]);
        let at = |x: u16, y: u16| ratatui::buffer::CellWidth::cell_width(&fast[(x, y)]);
        assert_eq!((at(1, 1), at(8, 1), at(11, 1)), (3, 2, 3));
        assert_eq!(fast[(12, 2)].symbol(), "ឆ្នាំ", "right-aligned by its 3 columns");
        assert_eq!(fast[(7, 3)].symbol(), "ឆ្នាំ", "centred: 1 + 14 / 2 - 3 / 2");
        // Cut at the edge between clusters: ឆ្នាំ needs 3 columns of the 2 left.
        let (_, cut) = both(&[Line::from("abcឆ្នាំ")], 4);
        assert_eq!(read_row(&cut, 1), ["a", "b", "c"]);
    }

    proptest::proptest! {
        /// Text whose clusters are single characters is drawn as a
        /// Paragraph draws it; any text reaches the row in order, none of
        /// its visible characters lost before the cut at the edge, and no
        /// wider than the row.
        #[test]
        fn lines_draw_what_a_paragraph_draws_for_any_mix_of_characters(
            spans in proptest::collection::vec(
                proptest::collection::vec(proptest::sample::select(vec![
                    "a", "Z", " ", "~", "─", "█", "▶", "—", "…", "\u{301}", "\u{17CA}", "ក", "東",
                    "⌚", "\u{FE0F}", "\u{200D}", "\u{200B}", "\u{2028}", "é", "👩", "\u{1F1F0}",
                    "ឆ្នាំ", "\u{17D2}",
                ]), 0..12),
                0..4,
            ),
            width in 1u16..20,
        ) {
            let line = Line::from(
                spans.iter().map(|s| Span::raw(s.concat())).collect::<Vec<_>>(),
            );
            let (paragraph, fast) = both(std::slice::from_ref(&line), width);
            let single = line.spans.iter().all(|s| crate::text::width::is_one_char_per_cluster(&s.content));
            if single {
                proptest::prop_assert_eq!(fast, paragraph);
            } else {
                let visible = |t: &str| -> String {
                    t.chars().filter(|&c| crate::text::width::columns(&c.to_string()) > 0).collect()
                };
                let row = read_row(&fast, 1);
                let read = visible(&row.concat());
                // What is wider than the whole row is left out, as a Paragraph does.
                let written: String = line
                    .spans
                    .iter()
                    .flat_map(|s| crate::text::width::clusters(&s.content))
                    .filter(|g| crate::text::width::columns(g) <= usize::from(width))
                    .collect();
                proptest::prop_assert!(visible(&written).starts_with(&read), "{:?} from {:?}", read, written);
                let used: usize = (1..=width)
                    .filter(|&x| fast[(x, 1)].symbol() != "·" || fast[(x, 1)].symbol().is_empty())
                    .count();
                proptest::prop_assert!(used <= usize::from(width));
                for x in 1..=width {
                    let cell = &fast[(x, 1)];
                    if let ratatui::buffer::CellDiffOption::ForcedWidth(w) = cell.diff_option {
                        proptest::prop_assert_eq!(crate::text::width::columns(cell.symbol()), usize::from(w.get()));
                    }
                }
            }
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
