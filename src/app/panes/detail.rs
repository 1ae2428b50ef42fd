//! The detail pane: everything known about the selected event, wrapped
//! once per event and width and kept in the pane's state, so scrolling
//! costs nothing and knows how far it can go before anything is drawn.

use super::timeline::highlighted;
use super::widgets::{figure_bars, pane_block, View};
use crate::app::theme::Theme;
use crate::text::width::Columns;
use crate::timeline::model::{Corroboration, Timeline};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// Wrapped lines of one event at one width.
#[derive(Debug, Clone)]
struct Wrapped {
    position: usize,
    width: u16,
    source: usize,
    built: Built,
}

/// An event's wrapped text and where things are in it.
#[derive(Debug, Clone, Default)]
struct Built {
    /// Without search marks: typing a search marks the lines on screen as
    /// they are drawn instead of wrapping the event again for every key.
    lines: Vec<Line<'static>>,
    /// For each line, whether it is the event's text, where search words
    /// are marked (headings and figure bars are not).
    text: Vec<bool>,
    /// The first line of each source's quote.
    source_lines: Vec<usize>,
    /// Lines that show a web address, with the address, so the terminal
    /// can be told they are links.
    links: Vec<(usize, String)>,
}

/// The detail pane's scroll and the wrapped text it scrolls through.
#[derive(Debug, Clone, Default)]
pub struct DetailPane {
    /// First line on screen.
    pub scroll: u16,
    /// How far the pane can scroll at its current height.
    pub max_scroll: u16,
    /// The selected source (0-based): what opening and copying act on.
    pub source: usize,
    wrapped: Option<Wrapped>,
    /// Events wrapped ahead of the keys that select them: those next to
    /// the selection, and the ones last shown.
    ready: Vec<Wrapped>,
}

/// How many wrapped events are kept besides the one shown.
const READY: usize = 8;

impl DetailPane {
    /// Wraps the selected event for the pane's inner size, unless the text
    /// for this event and width is already wrapped.
    pub fn relayout(
        &mut self,
        t: &Timeline,
        theme: &Theme,
        position: Option<usize>,
        width: u16,
        height: u16,
    ) {
        let (Some(position), true) = (position, width > 0) else {
            self.max_scroll = 0;
            return;
        };
        if self.wrapped.as_ref().is_some_and(|c| c.position != position) {
            // Another event: its first source is the selected one.
            self.source = 0;
        }
        let stale = self
            .wrapped
            .as_ref()
            .is_none_or(|c| c.position != position || c.width != width || c.source != self.source);
        if stale {
            let source = self.source;
            let fits = |w: &Wrapped| w.position == position && w.width == width && w.source == source;
            let wrapped = match self.ready.iter().position(fits) {
                Some(i) => self.ready.remove(i),
                None => Wrapped {
                    position,
                    width,
                    source,
                    built: build(t, theme, position, width as usize, source),
                },
            };
            if let Some(old) = self.wrapped.replace(wrapped) {
                self.keep(old);
            }
        }
        let len = self.wrapped.as_ref().map_or(0, |c| c.built.lines.len());
        self.max_scroll = len.saturating_sub(height as usize).min(u16::MAX as usize) as u16;
        self.scroll = self.scroll.min(self.max_scroll);
    }

    /// Keeps a wrapped event for later, forgetting the oldest beyond a few.
    fn keep(&mut self, wrapped: Wrapped) {
        if self.ready.len() >= READY {
            self.ready.remove(0);
        }
        self.ready.push(wrapped);
    }

    pub fn scroll_by(&mut self, delta: i32) {
        self.scroll = (self.scroll as i32 + delta).clamp(0, self.max_scroll as i32) as u16;
    }

    /// The line on screen (counted from the pane's first) where the selected
    /// source's quote starts, if it is on screen; else the first line.
    pub fn cursor_line(&self, height: u16) -> u16 {
        let line = self
            .wrapped
            .as_ref()
            .and_then(|w| w.built.source_lines.get(self.source))
            .map(|&l| l.min(u16::MAX as usize) as u16);
        match line {
            Some(l) if l >= self.scroll && l < self.scroll.saturating_add(height) => l - self.scroll,
            _ => 0,
        }
    }

    /// The citation (from 1) of the marker (`[2]`) under column `col` of
    /// the pane's `row`-th line on screen, if one is there.
    pub fn marker_at(&self, row: u16, col: u16) -> Option<usize> {
        use crate::text::width::Columns;
        let w = self.wrapped.as_ref()?;
        let line = w.built.lines.get(usize::from(self.scroll.saturating_add(row)))?;
        let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
        let col = usize::from(col);
        let mut from = 0;
        while let Some(open) = text[from..].find('[').map(|i| i + from) {
            let close = text[open..].find(']').map(|i| i + open)?;
            let start = text[..open].columns();
            let end = start + text[open..=close].columns();
            if (start..end).contains(&col) {
                return text[open + 1..close].trim().parse().ok().filter(|&n| n > 0);
            }
            from = close + 1;
        }
        None
    }

    /// Scrolls so the selected source's quote starts on screen, when the
    /// text is wrapped for the selected source.
    pub fn reveal_source(&mut self, height: u16) {
        let Some(w) = &self.wrapped else { return };
        let Some(&line) = w.built.source_lines.get(self.source) else {
            return;
        };
        let line = line.min(u16::MAX as usize) as u16;
        if line < self.scroll || line >= self.scroll.saturating_add(height) {
            self.scroll = line.saturating_sub(1).min(self.max_scroll);
        }
    }
}

struct Builder {
    width: usize,
    lines: Vec<Line<'static>>,
    /// The lines `text` made, in order.
    text_lines: Vec<usize>,
    source_lines: Vec<usize>,
    links: Vec<(usize, String)>,
}

impl Builder {
    /// Wraps text, indenting every line after the first by `indent`.
    fn text(&mut self, text: &str, style: Style, first: &str, indent: usize) {
        let rest = " ".repeat(indent.min(self.width / 2));
        let opts = textwrap::Options::new(self.width.max(4))
            .initial_indent(first)
            .subsequent_indent(&rest)
            // Addresses and hyphenated names stay whole; break only at spaces.
            .word_separator(textwrap::WordSeparator::AsciiSpace)
            .word_splitter(textwrap::WordSplitter::NoHyphenation)
            // First fit: a megabyte of text wraps in linear time without the
            // optimal-fit search, and terminal text reads fine either way.
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
        for paragraph in text.split('\n') {
            for piece in crate::text::wrap::wrap(paragraph, &opts) {
                self.text_lines.push(self.lines.len());
                self.lines
                    .push(Line::from(Span::styled(piece.into_owned(), style)));
            }
        }
    }

    fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    fn heading(&mut self, text: &str, style: Style) {
        self.blank();
        self.lines.push(Line::styled(text.to_string(), style));
    }
}

fn build(t: &Timeline, th: &Theme, position: usize, width: usize, source: usize) -> Built {
    let e = &t.events[position];
    let mut b = Builder {
        width,
        lines: Vec::new(),
        text_lines: Vec::new(),
        source_lines: Vec::new(),
        links: Vec::new(),
    };
    b.text(&e.title, th.title, "", 0);
    b.text(
        &format!("{} · {}", e.date_text(), e.date_words()),
        th.label,
        "",
        0,
    );
    let mut facts = vec![e.kind.to_string()];
    facts.extend(e.location.clone());
    b.text(&facts.join(" · "), th.base, "", 0);
    if let Some(r) = &e.ranking {
        b.text(&format!("Ranking: {r}"), th.label, "", 0);
    }
    let eras: Vec<&str> = t.eras_of(e).map(|era| era.title.as_str()).collect();
    if !eras.is_empty() {
        b.text(&format!("Era: {}", eras.join("; ")), th.dim, "", 5);
    }
    match e.corroboration {
        Corroboration::Corroborated => b.text("✓ corroborated by a second source", th.base, "", 0),
        Corroboration::SingleSource => b.text(&format!("○ {}", t.sourcing_words(e)), th.claim, "", 2),
        Corroboration::Disputed => b.text("≠ sources disagree:", th.claim, "", 0),
    }
    for line in t.disagreements(e) {
        b.text(&line, th.claim, "  ≠ ", 4);
    }
    if !e.actors.is_empty() {
        b.heading("Actors", th.label);
        for id in &e.actors {
            let Some(a) = t.actor(id) else { continue };
            let roles: Vec<&str> = t.roles_at(a, e).map(|r| r.title.as_str()).collect();
            let line = if roles.is_empty() {
                a.name.clone()
            } else {
                format!("{} — {}", a.name, roles.join("; "))
            };
            b.text(&line, th.base, "• ", 2);
        }
    }
    b.blank();
    b.text(&e.summary, th.base, "", 0);
    if let Some(d) = &e.details {
        b.blank();
        b.text(d, th.base, "", 0);
    }
    if let Some(note) = &e.note {
        // The compilers' reasoning, apart from what the sources say.
        b.heading("Compilers' note", th.label);
        b.text(note, th.dim, "", 0);
    }
    if !e.figures.is_empty() {
        b.heading("Figures", th.label);
        let (value_w, bars) = figure_bars(&e.figures, |w| width.saturating_sub(w + 4).min(24), th);
        for (f, bars) in e.figures.iter().zip(bars) {
            // Read as words, the number (and what qualifies it) first.
            let words = f.words();
            // A figure with nothing of its kind beside it is its number alone.
            let first = match bars {
                Some(bars) => {
                    b.lines.extend(bars);
                    " ".repeat(value_w + 1)
                }
                None => format!("{:>value_w$} ", words.number),
            };
            b.text(&words.counts, th.base, &first, value_w + 1);
            let mut note = Vec::new();
            if f.is_disputed() {
                note.push(t.figure_value_text(f));
            }
            note.extend(f.period.clone());
            note.extend(t.figure_source(e, f));
            if !note.is_empty() {
                b.text(&note.join(" · "), th.claim, &" ".repeat(value_w + 1), value_w + 1);
            }
        }
    }
    b.heading("Sources", th.label);
    for (n, c) in e.sources.iter().enumerate() {
        // The selected source, which o opens and c copies, is marked.
        let mark = if n == source { '▸' } else { ' ' };
        let label = format!("{mark}[{}] ", n + 1);
        b.source_lines.push(b.lines.len());
        b.text(&c.quoted(), th.quote, &label, label.columns());
        if let Some(s) = t.source(&c.source) {
            let pad = " ".repeat(label.columns());
            let mut credit = format!("— {}, {}", s.publisher, s.shown_title());
            if let Some(english) = &s.trans_title {
                credit.push_str(&format!(" (in English: {english})"));
            }
            if let Some(lang) = &s.language {
                credit.push_str(&format!(" [{lang}]"));
            }
            b.text(&credit, th.dim, &pad, label.columns() + 2);
            if let Some(url) = &s.url {
                let first = b.lines.len();
                b.text(url, th.dim, &pad, label.columns());
                if let Some(web) = crate::interop::html::web_url(url) {
                    let end = b.lines.len();
                    b.links.extend((first..end).map(|l| (l, web.clone())));
                }
            } else if let Some(place) = &s.locator {
                b.text(
                    &format!("at {place} (no web address in the material)"),
                    th.dim,
                    &pad,
                    label.columns(),
                );
            }
            if let Some(archived) = &s.archive_url {
                b.text(&format!("archived: {archived}"), th.dim, &pad, label.columns());
            }
        }
    }
    let links = t.links(position);
    if !links.is_empty() {
        b.heading("Related", th.label);
        b.text("press its number to follow, Backspace to return", th.dim, "", 0);
        let stated = links.iter().take_while(|l| !l.inward).count();
        for (n, l) in links.iter().enumerate() {
            if n == stated {
                // What other events say about this one, told apart because
                // this event's own sources do not state it.
                b.text("linked from other events:", th.dim, "", 0);
            }
            let target = &t.events[l.position];
            let label = format!("[{}] ", n + 1);
            let arrow = if l.inward { "←" } else { "→" };
            b.text(
                &format!("{} {arrow} {} ({})", l.words, target.title, target.date_text()),
                th.base,
                &label,
                label.columns(),
            );
        }
    }
    if !e.tags.is_empty() {
        b.blank();
        b.text(&format!("Tags: {}", e.tags.join(", ")), th.dim, "", 6);
    }
    let mut text = vec![false; b.lines.len()];
    for l in b.text_lines {
        text[l] = true;
    }
    Built {
        lines: b.lines,
        text,
        source_lines: b.source_lines,
        links: b.links,
    }
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    pane: &DetailPane,
    v: &View,
    position: Option<usize>,
    focused: bool,
) {
    let block = pane_block(v.theme, focused, "Detail".into());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let Some(position) = position else {
        frame.render_widget(Paragraph::new("Nothing selected.").style(v.theme.dim), inner);
        return;
    };
    // `update` keeps the wrapped text current; wrap here only if it is not.
    let fresh;
    let built = match &pane.wrapped {
        Some(w) if w.position == position && w.width == inner.width && w.source == pane.source => &w.built,
        _ => {
            fresh = build(v.timeline, v.theme, position, inner.width as usize, pane.source);
            &fresh
        }
    };
    let lines = &built.lines;
    let max_scroll = lines.len().saturating_sub(inner.height as usize);
    let scroll = (pane.scroll as usize).min(max_scroll);
    let end = (scroll + inner.height as usize).min(lines.len());
    let more = max_scroll > 0 && scroll < max_scroll && end > scroll;
    // The lines on screen, borrowed: the last row says there is more below
    // instead, since a cut-off quote could mislead.
    let shown = scroll..end - usize::from(more);
    if v.highlights.is_empty() {
        frame.render_widget(super::widgets::Lines(&lines[shown.clone()]), inner);
    } else {
        let marked: Vec<Line> = shown
            .clone()
            .map(|i| match (&lines[i].spans[..], built.text[i]) {
                ([one], true) => Line::from(highlighted(
                    &one.content,
                    v.highlights,
                    one.style,
                    v.theme.highlight,
                )),
                _ => lines[i].clone(),
            })
            .collect();
        frame.render_widget(super::widgets::Lines(&marked), inner);
    }
    if more {
        let below = [Line::styled(
            format!("{:>w$}", "↓ more", w = inner.width as usize),
            v.theme.dim,
        )];
        let row = Rect {
            y: inner.y + shown.len() as u16,
            height: 1,
            ..inner
        };
        frame.render_widget(super::widgets::Lines(&below), row);
    }
    if v.hyperlinks {
        let last = end.saturating_sub(usize::from(max_scroll > 0 && scroll < max_scroll));
        for (line, url) in built.links.iter().filter(|(l, _)| (scroll..last).contains(l)) {
            let y = inner.y + (line - scroll) as u16;
            super::widgets::hyperlink_row(frame.buffer_mut(), inner.x, y, inner.width, url);
        }
    }
}
