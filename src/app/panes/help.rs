//! The help overlay, generated from the key table. Lines are wrapped here
//! with a hanging indent, so the scroll limit is known before drawing.

use super::widgets::{centered, KeptLines, Lines, PaneFrame};
use crate::app::keymap::Keymap;
use crate::app::theme::Theme;
use crate::text::width::Columns;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders};
use ratatui::Frame;
use std::cell::RefMut;

const MOUSE: &str =
    "Mouse: click selects, the wheel scrolls the pane under the pointer (--no-mouse turns it off).";

/// The box the help is drawn in, on a screen of this size.
/// A framed screen that is only read (the figures chart, the glossary):
/// `make` gives its lines at the frame's inner width; those from `scroll`
/// that fit are drawn, the scroll held so the last page stays full.
pub fn reading_screen(
    frame: &mut Frame,
    area: Rect,
    th: &Theme,
    title: &str,
    scroll: u16,
    make: impl FnOnce(usize) -> Vec<Line<'static>>,
) {
    let rect = frame_rect(area);
    super::widgets::clear(frame, rect, th);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(th.focus_border)
        .title(Span::styled(
            super::widgets::fit(&format!(" {title} "), rect.width.saturating_sub(2) as usize),
            th.title,
        ));
    let inner = block.inner(rect);
    let all = make(inner.width as usize);
    let max = all.len().saturating_sub(inner.height as usize);
    let start = (scroll as usize).min(max);
    let shown: Vec<Line> = all.into_iter().skip(start).take(inner.height as usize).collect();
    super::widgets::boxed(frame, rect, block, &shown);
}

pub fn frame_rect(area: Rect) -> Rect {
    centered(area, 84, area.height.saturating_sub(2).max(3))
}

/// The help text at an inner width: context headings, then each binding's
/// keys and what they do, continuation lines indented under the text.
fn lines(keymap: &Keymap, th: &Theme, width: usize) -> Vec<Line<'static>> {
    let rows = keymap.help_rows();
    // The keys' column, narrower on a narrow screen: a key wider than it
    // pushes its own text along.
    let key_w = rows
        .iter()
        .map(|r| r.1.columns())
        .max()
        .unwrap_or(4)
        .min(24)
        .min(width / 3);
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
        let lead = format!("  {keys}{}  ", " ".repeat(key_w.saturating_sub(keys.columns())));
        let text_w = width.saturating_sub(lead.columns()).max(8);
        let wrapped = textwrap::wrap(what, textwrap::Options::new(text_w));
        for (i, piece) in wrapped.iter().enumerate() {
            let head = if i == 0 {
                Span::styled(lead.clone(), th.label)
            } else {
                Span::raw(" ".repeat(lead.columns()))
            };
            out.push(Line::from(vec![head, Span::raw(piece.to_string())]));
        }
    }
    out.push(Line::default());
    let glossary = keymap.first_key(
        crate::app::keymap::Context::Help,
        crate::app::input::Action::Glossary,
    );
    out.extend(legend(th, width, &glossary));
    out.push(Line::default());
    for piece in textwrap::wrap(
        MOUSE,
        textwrap::Options::new(width.max(8)).subsequent_indent("  "),
    ) {
        out.push(Line::styled(piece.to_string(), th.dim));
    }
    out
}

/// The legend's heading, where the legend key opens the help.
const LEGEND: &str = "Legend";

/// What the marks on screen mean: the kinds' markers, the corroboration
/// marks, the tier track and the era rows.
fn legend(th: &Theme, width: usize, glossary_key: &str) -> Vec<Line<'static>> {
    use crate::timeline::model::EventKind;
    use crate::timeline::{CIRCA_MEANS, QUESTION_MARK_MEANS};
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut seen: Vec<char> = Vec::new();
    for k in EventKind::ALL {
        let m = k.marker();
        if seen.contains(&m) {
            continue;
        }
        seen.push(m);
        let kinds: Vec<String> = EventKind::ALL
            .iter()
            .filter(|o| o.marker() == m)
            .map(|o| o.to_string())
            .collect();
        rows.push((m.to_string(), kinds.join(", ")));
    }
    let row = |mark: &str, what: String| (mark.to_string(), what);
    rows.extend([
        row("✓", "corroborated: a second source supports the event".into()),
        row("○", "rests on a single source".into()),
        row("≠", "sources disagree (each value is given with who gives it)".into()),
        // The date marks, in the words a lesson's stop uses for them.
        row("?", format!("after a date: {QUESTION_MARK_MEANS}")),
        row("c.", format!("before a date: {CIRCA_MEANS}")),
        row(
            "1 2 3",
            "US TIP track: the tier Cambodia was ranked in that year (1 best, 3 worst)".into(),
        ),
        row("2W", "Tier 2 Watch List: Tier 2, at risk of falling to Tier 3".into()),
        row("w", "Tier 2 Watch List, where a cell holds one character".into()),
        row(
            "tiers",
            format!("what each tier means, with its sources: press {glossary_key} for the glossary's definitions"),
        ),
        row(
            "eras",
            "named spans, a bar under the years they cover with the title on it where it fits (the detail names an event's era); overlapping eras on rows of their own".into(),
        ),
    ]);
    let key_w = rows.iter().map(|r| r.0.columns()).max().unwrap_or(1);
    let mut out = vec![Line::styled(LEGEND, th.year_heading)];
    for (mark, what) in rows {
        let lead = format!("  {mark}{}  ", " ".repeat(key_w.saturating_sub(mark.columns())));
        let text_w = width.saturating_sub(lead.columns()).max(8);
        for (i, piece) in textwrap::wrap(&what, textwrap::Options::new(text_w))
            .iter()
            .enumerate()
        {
            let head = if i == 0 {
                Span::styled(lead.clone(), th.label)
            } else {
                Span::raw(" ".repeat(lead.columns()))
            };
            out.push(Line::from(vec![head, Span::raw(piece.to_string())]));
        }
    }
    out
}

/// The help's lines, kept between frames and keys for the width and theme
/// they were made for: scrolling the help otherwise wrapped every binding
/// twice per key, once to find how far it scrolls and once to draw it.
#[derive(Debug, Default)]
pub struct Page {
    made: KeptLines<(usize, Theme), Vec<Line<'static>>>,
    /// How far the data's sources reach, said last.
    horizon: Option<String>,
}

impl Page {
    /// The help of a timeline whose sources reach this far (a sentence).
    pub fn about(horizon: Option<String>) -> Page {
        Page {
            horizon,
            ..Page::default()
        }
    }

    /// The help's lines at an inner width, made again only when the width
    /// or the theme changed (the key table is fixed for the app's life).
    fn lines(&self, keymap: &Keymap, th: &Theme, width: usize) -> RefMut<'_, Vec<Line<'static>>> {
        self.made.from((width, th.clone()), || {
            let mut all = lines(keymap, th, width);
            if let Some(h) = &self.horizon {
                all.push(Line::default());
                all.push(Line::styled("About the data", th.year_heading));
                for piece in textwrap::wrap(h, textwrap::Options::new(width.max(8))) {
                    all.push(Line::raw(piece.to_string()));
                }
            }
            all
        })
    }

    /// The help's first line of the legend on a screen of this size, so the
    /// legend key opens the help there.
    pub fn legend_start(&self, keymap: &Keymap, th: &Theme, size: (u16, u16)) -> u16 {
        let at = self
            .lines(keymap, th, inner(size).width as usize)
            .iter()
            .position(|l| l.spans.len() == 1 && l.spans[0].content == LEGEND)
            .unwrap_or(0);
        (at.min(u16::MAX as usize) as u16).min(self.max_scroll(keymap, th, size))
    }

    /// The text of the help's lines at an inner width, for finding words.
    pub fn text(&self, keymap: &Keymap, th: &Theme, width: usize) -> Vec<String> {
        self.lines(keymap, th, width)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    /// How far the help can scroll on a screen of this size.
    pub fn max_scroll(&self, keymap: &Keymap, th: &Theme, size: (u16, u16)) -> u16 {
        let inner = inner(size);
        let n = self.lines(keymap, th, inner.width as usize).len();
        n.saturating_sub(inner.height as usize).min(u16::MAX as usize) as u16
    }
}

/// The area inside the help's frame on a screen of this size.
fn inner(size: (u16, u16)) -> Rect {
    Block::bordered().inner(frame_rect(Rect::new(0, 0, size.0, size.1)))
}

/// The inner width of the frame the help, the charts and the glossary
/// share, on a screen of this size.
pub fn inner_width(size: (u16, u16)) -> usize {
    inner(size).width as usize
}

/// The inside of that frame on a screen of `area`.
pub fn inner_area(area: Rect) -> Rect {
    Block::bordered().inner(frame_rect(area))
}

/// How many rows the help, the figures chart and the glossary show at
/// once on a screen of this size (they share the frame): a page.
pub fn page_rows(size: (u16, u16)) -> u16 {
    inner(size).height
}

pub fn draw(frame: &mut Frame, area: Rect, help: &Page, keymap: &Keymap, th: &Theme, scroll: u16) {
    let rect = frame_rect(area);
    super::widgets::clear(frame, rect, th);
    let close = keymap.first_key(
        crate::app::keymap::Context::Help,
        crate::app::input::Action::CloseHelp,
    );
    let title = Span::styled(format!(" Keys — {close} closes "), th.title);
    let block = PaneFrame::new(th.focus_border, BorderType::Thick, title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let all = help.lines(keymap, th, inner.width as usize);
    let max = all.len().saturating_sub(inner.height as usize);
    let start = (scroll as usize).min(max);
    frame.render_widget(Lines(&all[start..]), inner);
}
