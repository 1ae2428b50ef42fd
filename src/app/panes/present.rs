//! The presenter view: one stop per screen, readable from the back of a room.

use super::widgets::{centered, figure_bars, fit, Lines, View};
use crate::app::input::Action;
use crate::app::keymap::Context;
use crate::app::presenter::{Blank, Presenter};
use crate::app::theme::{Theme, ThemeName};
use crate::teach::lesson::Chart;
use crate::text::width::Columns;
use crate::timeline::model::Timeline;
use crate::timeline::tiers::TierTrack;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};
use ratatui::Frame;

/// Wraps text to the width, each line in one style.
fn wrapped(text: &str, width: usize, style: Style, indent: &str) -> Vec<Line<'static>> {
    let opts = textwrap::Options::new(width.max(8))
        .initial_indent(indent)
        .subsequent_indent(indent)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        // First fit: a megabyte of text wraps in linear time without the
        // optimal-fit search, and terminal text reads fine either way.
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    text.split('\n')
        .flat_map(|p| {
            crate::text::wrap::wrap(p, &opts)
                .into_iter()
                .map(|l| Line::styled(l.into_owned(), style))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `text` wrapped after `value` (a figure's number, in its own style),
/// later lines indented under the text.
fn numbered(value: &str, text: &str, width: usize, value_style: Style, style: Style) -> Vec<Line<'static>> {
    let pad = " ".repeat(value.columns());
    let opts = textwrap::Options::new(width.max(8))
        .initial_indent(value)
        .subsequent_indent(&pad)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    textwrap::wrap(text, &opts)
        .into_iter()
        .enumerate()
        .map(|(i, l)| match l.strip_prefix(value) {
            Some(rest) if i == 0 => Line::from(vec![
                Span::styled(value.to_string(), value_style),
                Span::styled(rest.to_string(), style),
            ]),
            _ => Line::styled(l.into_owned(), style),
        })
        .collect()
}

/// What a stop's body is drawn with.
#[derive(Clone, Copy)]
struct Drawn {
    /// Every part, revealed or not (the fit check, and measuring).
    all: bool,
    /// Headed by the stop's title; false when it is drawn in large letters above.
    titled: bool,
    /// The event's details after its summary; else a line saying there is
    /// more in the event, and where.
    details: bool,
}

/// The body of stop `i`: what is revealed so far (or everything), as `how` says.
fn body(th: &Theme, p: &Presenter, i: usize, t: &Timeline, width: usize, how: Drawn) -> Vec<Line<'static>> {
    let Drawn { all, titled, details } = how;
    let slide = &p.slides[i];
    let shows = |part: &str| all || (i == p.current && p.shows(part));
    let mut lines = Vec::new();
    if titled {
        lines.extend(wrapped(&p.slide_title(i, t), width, th.title, ""));
        lines.push(Line::default());
    }
    if let [one] = slide.events.as_slice() {
        let e = &t.events[*one];
        for part in &slide.reveal {
            if !shows(part) {
                continue;
            }
            match part.as_str() {
                "date" => {
                    let mut facts = vec![e.date_text()];
                    facts.extend(e.location.clone());
                    let date = facts.join(" · ");
                    // What a "?" or "c." on the date means, beside it when
                    // there is room, else under it.
                    let key = t.date_marks_key(&slide.events);
                    match &key {
                        Some(k) if date.columns() + k.columns() + 4 <= width => lines.push(Line::from(vec![
                            Span::styled(date, th.label),
                            Span::styled(format!("  ({k})"), th.dim),
                        ])),
                        _ => {
                            lines.extend(wrapped(&date, width, th.label, ""));
                            lines.extend(key.iter().flat_map(|k| wrapped(k, width, th.dim, "")));
                        }
                    }
                }
                "facts" => {
                    lines.extend(wrapped(&p.cited(e, &e.summary), width, th.base, ""));
                    if let Some(more) = e.details.as_deref().filter(|d| !d.trim().is_empty()) {
                        if details {
                            lines.push(Line::default());
                            lines.extend(wrapped(&p.cited(e, more), width, th.base, ""));
                        } else {
                            // Never left out unsaid: the room learns there is more, and where.
                            let pointer = format!("… more in the event: tipline show {}", e.id);
                            lines.extend(wrapped(&pointer, width, th.dim, ""));
                        }
                    }
                    // Where sources disagree, the room sees both, with who says which.
                    for d in &e.disputes {
                        lines.extend(wrapped(
                            &format!("Sources disagree: {}", t.dispute_text(d)),
                            width,
                            th.claim,
                            "",
                        ));
                    }
                    let actors: Vec<String> = e
                        .actors
                        .iter()
                        .filter_map(|a| t.actor(a))
                        .map(|a| a.name.clone())
                        .collect();
                    if !actors.is_empty() {
                        lines.extend(wrapped(
                            &format!("Actors: {}", actors.join(", ")),
                            width,
                            th.dim,
                            "",
                        ));
                    }
                }
                "figures" if !e.figures.is_empty() => {
                    let (value_w, bars) =
                        figure_bars(&e.figures, |w| width.saturating_sub(w + 2).min(40), th);
                    let pad = " ".repeat(value_w + 1);
                    for (f, bars) in e.figures.iter().zip(bars) {
                        // Read as words, the number (and what qualifies it) first.
                        let words = f.words();
                        let mut label = words.counts;
                        // Bars of one label differ by their period: say which.
                        if let Some(period) = &f.period {
                            label.push_str(&format!(", {period}"));
                        }
                        if let Some(who) = t.figure_source(e, f) {
                            label.push_str(&format!(", {who}"));
                        }
                        if f.is_disputed() {
                            label.push_str(&format!("; sources differ: {}", t.figure_value_text(f)));
                        }
                        match bars {
                            Some(bars) => {
                                lines.extend(bars);
                                lines.extend(wrapped(&label, width, th.dim, &pad));
                            }
                            // Nothing of its kind beside it: its number, no bar.
                            None => {
                                let value = format!("{:>value_w$} ", words.number);
                                lines.extend(numbered(&value, &label, width, th.label, th.dim));
                            }
                        }
                    }
                }
                "quote" => {
                    if let Some(c) = e.sources.first() {
                        lines.extend(wrapped(&c.quoted(), width, th.quote, "  "));
                        if let Some(s) = t.source(&c.source) {
                            let by = match p.source_number(&c.source) {
                                Some(n) => format!("— {} [{n}]", s.publisher),
                                None => format!("— {}", s.publisher),
                            };
                            lines.extend(wrapped(&by, width, th.dim, "  "));
                        }
                    }
                }
                _ => continue,
            }
            lines.push(Line::default());
        }
    } else if slide.chart == Some(Chart::Tiers) {
        lines.extend(tier_chart(t, &slide.events, th, width));
    } else {
        for &p in &slide.events {
            let e = &t.events[p];
            lines.extend(wrapped(
                &format!("{} — {}", e.date_text(), e.title),
                width,
                th.base,
                "",
            ));
        }
        if let Some(key) = t.date_marks_key(&slide.events) {
            lines.extend(wrapped(&key, width, th.dim, ""));
        }
    }
    if !slide.gone.is_empty() {
        if lines.last().is_some_and(|l| l.width() != 0) {
            lines.push(Line::default());
        }
        lines.extend(wrapped(
            &format!(
                "No longer in the data (the file changed while presenting): {}",
                slide.gone.join(", ")
            ),
            width,
            th.claim,
            "",
        ));
    }
    while lines.last().is_some_and(|l| l.width() == 0) {
        lines.pop();
    }
    lines
}

/// A stop's events as the tier's step chart: the tier rows, the years, and
/// any note on years it leaves out.
fn tier_chart(t: &Timeline, events: &[usize], th: &Theme, width: usize) -> Vec<Line<'static>> {
    let chart = TierTrack::of(t, events).chart(width);
    let mut lines: Vec<Line<'static>> = chart
        .rows
        .into_iter()
        .map(|(label, line)| Line::from(vec![Span::styled(label, th.label), Span::styled(line, th.title)]))
        .collect();
    if !chart.years.trim().is_empty() {
        lines.push(Line::styled(chart.years, th.dim));
    }
    for note in chart.notes {
        lines.extend(wrapped(&note, width, th.dim, ""));
    }
    lines
}

/// The margin each side: the projector preset keeps a wider one, so
/// nothing sits at the edge of the wall.
fn inner(area: Rect, projector: bool) -> Rect {
    let margin: u16 = if projector { 3 } else { 1 };
    let m = margin.min(area.width / 4);
    Rect::new(area.x + m, area.y, area.width.saturating_sub(2 * m), area.height)
}

/// The rows of a screen around a stop: header, progress bar, the stop, footer.
fn regions(inner: Rect) -> [Rect; 4] {
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(inner)
}

/// Everything a stop draws, laid out for its area: the question (its lines),
/// the body, and the title in large letters when all of it fits with them.
struct StopLayout {
    prompt: Option<Vec<Line<'static>>>,
    prompt_h: u16,
    body_area: Rect,
    big: Option<Vec<String>>,
    body: Vec<Line<'static>>,
}

fn ascii(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '‘' | '’' => '\'',
            '“' | '”' => '"',
            c if c.is_ascii() => c,
            _ => '-',
        })
        .collect()
}

fn lay_out(th: &Theme, p: &Presenter, i: usize, t: &Timeline, area: Rect, all: bool) -> StopLayout {
    let slide = &p.slides[i];
    let prompt = slide
        .prompt
        .as_deref()
        .map(|q| wrapped(q, area.width.saturating_sub(2) as usize, th.label, ""));
    let prompt_h = prompt.as_ref().map_or(0, |l| l.len() as u16 + 2);
    let [body_area, _] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(prompt_h.min(area.height / 2)),
    ])
    .areas(area);
    let width = body_area.width as usize;
    // The event's details when the whole stop still fits with them, all
    // parts showing, so revealing a part never takes them away again.
    let details = has_details(p, i, t) && {
        let every = Drawn {
            all: true,
            titled: true,
            details: true,
        };
        body(th, p, i, t, width, every).len() <= body_area.height as usize
    };
    let how = |titled| Drawn { all, titled, details };
    // On a large screen the title is drawn in large letters (four columns
    // a character, over at most three lines) when everything still fits;
    // otherwise once, in plain text.
    if body_area.height >= 30 && body_area.width >= 60 {
        let title = textwrap::wrap(&ascii(&p.slide_title(i, t)), (body_area.width / 4) as usize)
            .into_iter()
            .map(|l| l.into_owned())
            .collect::<Vec<_>>();
        let rest = body(th, p, i, t, width, how(false));
        let rows = title.len() * 4 + 1 + rest.len();
        if title.len() <= 3 && rows + prompt_h as usize <= area.height as usize {
            return StopLayout {
                prompt,
                prompt_h,
                body_area,
                big: Some(title),
                body: rest,
            };
        }
    }
    StopLayout {
        prompt,
        prompt_h,
        body_area,
        big: None,
        body: body(th, p, i, t, width, how(true)),
    }
}

/// Whether stop `i` shows one event that has details and reveals its facts.
fn has_details(p: &Presenter, i: usize, t: &Timeline) -> bool {
    let slide = &p.slides[i];
    match slide.events.as_slice() {
        [one] => {
            slide.reveal.iter().any(|r| r == "facts")
                && t.events[*one]
                    .details
                    .as_deref()
                    .is_some_and(|d| !d.trim().is_empty())
        }
        _ => false,
    }
}

/// Rows the stop's body is longer than its area: how far it scrolls.
fn overflow(layout: &StopLayout) -> u16 {
    if layout.big.is_some() {
        0
    } else {
        scroll_range(layout.body.len(), layout.body_area.height)
    }
}

/// How far the current stop can scroll down on a screen of this size.
pub fn max_scroll(p: &Presenter, t: &Timeline, width: u16, height: u16, projector: bool) -> u16 {
    if p.slides.is_empty() || p.overview {
        return 0;
    }
    let theme = Theme::new(ThemeName::HighContrast, true);
    let [_, _, main, _] = regions(inner(Rect::new(0, 0, width, height), projector));
    if p.ended {
        // The end screen scrolls through the sources, to the last.
        return scroll_range(end_lines(&theme, p, main.width as usize).len(), main.height);
    }
    overflow(&lay_out(&theme, p, p.current, t, main, false))
}

/// Rows the end screen scrolls by for a page on a screen of this size:
/// all the rows it shows but one, so the last row read stays in view.
pub fn end_page(width: u16, height: u16) -> u16 {
    let [_, _, main, _] = regions(Rect::new(0, 0, width, height));
    // One row is the "more" marker.
    main.height.saturating_sub(2).max(1)
}

/// How far `rows` lines scroll in an area `height` rows high, as
/// [`scrolled`] draws them: the last row says "more" while there is more.
fn scroll_range(rows: usize, height: u16) -> u16 {
    let rows = rows.min(u16::MAX as usize) as u16;
    if rows <= height {
        0
    } else {
        rows - height.saturating_sub(1)
    }
}

/// Rows stop `i` draws with every part showing, on a screen of this size:
/// the title (in large letters when they fit), the body and the question.
pub fn needed_height(p: &Presenter, i: usize, t: &Timeline, width: u16, height: u16, projector: bool) -> u16 {
    let theme = Theme::new(ThemeName::HighContrast, true);
    let [_, _, main, _] = regions(inner(Rect::new(0, 0, width, height), projector));
    let l = lay_out(&theme, p, i, t, main, true);
    let big = l.big.as_ref().map_or(0, |b| b.len() * 4 + 1);
    let rows = big + l.body.len() + l.prompt_h as usize + (height - main.height) as usize;
    rows.min(u16::MAX as usize) as u16
}

/// The key hints, from the key table: the longest list of `(key, words)`
/// that fits the width, in the table's order, shorter words first dropped
/// to the key alone when nothing else fits.
fn hint_line(items: &[(String, String)], width: usize) -> String {
    let join = |n: usize, short: bool| -> String {
        items[..n]
            .iter()
            .map(|(k, w)| {
                if short {
                    format!("{k} {}", w.split_whitespace().next().unwrap_or(""))
                } else {
                    format!("{k} {w}")
                }
            })
            .collect::<Vec<_>>()
            .join(" · ")
    };
    for short in [false, true] {
        if join(items.len(), short).columns() <= width {
            return join(items.len(), short);
        }
    }
    (0..items.len())
        .rev()
        .map(|n| join(n, true))
        .find(|h| h.columns() <= width)
        .unwrap_or_default()
}

pub fn draw(frame: &mut Frame, area: Rect, p: &Presenter, v: &View, projector: bool) {
    super::widgets::clear(frame, area, v.theme);
    if let Some(blank) = p.blank {
        // Nothing but blank cells: black, or white. Without colour, white
        // is reverse video of spaces (the terminal's own foreground).
        let colourless = v.theme.base.fg.is_none();
        let style = match (blank, colourless) {
            (Blank::Black, true) => Style::default(),
            (Blank::White, true) => Style::default().add_modifier(Modifier::REVERSED),
            (Blank::Black, false) => Style::default().bg(Color::Indexed(16)).fg(Color::Indexed(16)),
            (Blank::White, false) => Style::default().bg(Color::Indexed(231)).fg(Color::Indexed(231)),
        };
        frame.render_widget(Block::default().style(style), area);
        if p.quit_asked && area.height > 0 {
            // One line, at the foot, in the blank's own colours reversed so
            // it reads on black and on white.
            let ask = "q again ends the lesson; any other key brings the screen back";
            let line = Rect::new(area.x, area.y + area.height - 1, area.width, 1);
            let reversed = match blank {
                Blank::Black => Style::default().add_modifier(Modifier::REVERSED),
                Blank::White => Style::default(),
            };
            frame.render_widget(
                Paragraph::new(super::widgets::fit(ask, area.width as usize)).style(reversed),
                line,
            );
        }
        return;
    }
    frame.render_widget(Block::default().style(v.theme.base), area);
    let th = v.theme;
    let inner = inner(area, projector);
    if let Some(cut) = &p.fit_check {
        draw_fit_check(frame, inner, (area.width, area.height), v, p, cut);
        return;
    }
    let [head, bar, main, foot] = regions(inner);
    let position = p.position();
    let title = fit(
        &p.title,
        (head.width as usize).saturating_sub(position.columns() + 2),
    );
    let gap = (head.width as usize).saturating_sub(title.columns() + position.columns());
    frame.render_widget(
        Lines(&[Line::from(vec![
            Span::styled(title, th.dim),
            Span::raw(" ".repeat(gap)),
            Span::styled(position, th.title),
        ])]),
        head,
    );
    // The progress bar in glyphs, done part solid, the rest light: it
    // reads the same in colour, without it, and on a projector.
    let w = bar.width as usize;
    let done = if p.slides.is_empty() {
        0
    } else {
        ((p.current + 1) * w).div_ceil(p.slides.len()).min(w)
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("█".repeat(done), th.bar_active),
            Span::styled("░".repeat(w - done), th.bar),
        ])),
        bar,
    );
    let keys = v.keymap;
    let hint = if !p.jump.is_empty() {
        format!(
            "go to stop {}_ ({})",
            p.jump,
            keys.first_key(Context::Present, Action::GoToTyped)
        )
    } else if p.ended {
        let k = |a| keys.first_key(Context::Present, a);
        hint_line(
            &[
                (k(Action::Quit), "quits".into()),
                (k(Action::PrevStop), "goes back".into()),
            ],
            foot.width as usize,
        )
    } else if p.overview {
        let k = |a| keys.first_key(Context::Present, a);
        hint_line(
            &[
                (format!("{}{}", k(Action::Up), k(Action::Down)), "choose".into()),
                (k(Action::GoToTyped), "open".into()),
                (k(Action::EndPresenting), "close".into()),
            ],
            foot.width as usize,
        )
    } else {
        let left = p.parts_left();
        let items: Vec<(String, String)> = keys
            .hints(Context::Present, None)
            .into_iter()
            .filter_map(|(k, h)| match h {
                "reveal" if left == 0 => None,
                "reveal" => Some((k.into_string(), format!("reveal ({left} more)"))),
                h => Some((k.into_string(), h.to_string())),
            })
            .collect();
        hint_line(&items, foot.width as usize)
    };
    if p.overview {
        draw_overview(frame, main, v, p);
    } else if p.ended {
        draw_end(frame, main, v, p);
    } else if !p.slides.is_empty() {
        draw_stop(frame, main, v, p);
    }
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&hint, foot.width as usize), th.dim)),
        foot,
    );
}

fn draw_stop(frame: &mut Frame, area: Rect, v: &View, p: &Presenter) {
    let th = v.theme;
    let layout = lay_out(th, p, p.current, v.timeline, area, false);
    let prompt_area = Rect::new(
        area.x,
        layout.body_area.bottom(),
        area.width,
        area.height.saturating_sub(layout.body_area.height),
    );
    let body_area = layout.body_area;
    match &layout.big {
        Some(big_lines) => {
            let rows = big_lines.len() as u16 * 4 + 1;
            let [top, rest] =
                Layout::vertical([Constraint::Length(rows), Constraint::Min(1)]).areas(body_area);
            let big_text = tui_big_text::BigText::builder()
                .pixel_size(tui_big_text::PixelSize::Quadrant)
                .style(th.title)
                .lines(big_lines.iter().cloned().map(Line::from).collect::<Vec<_>>())
                .build();
            frame.render_widget(big_text, top);
            frame.render_widget(Lines(&layout.body), rest);
        }
        None => scrolled(frame, body_area, &layout.body, p.scroll, th),
    }
    if let Some(q) = layout.prompt {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Thick)
            .border_style(th.focus_border)
            .title(Span::styled(" Question ", th.title));
        super::widgets::boxed(frame, prompt_area, block, &q);
    }
}

/// After the last stop: the lesson's sources, numbered, and how to leave.
fn draw_end(frame: &mut Frame, area: Rect, v: &View, p: &Presenter) {
    let lines = end_lines(v.theme, p, area.width as usize);
    scrolled(frame, area, &lines, p.scroll, v.theme);
}

/// The end screen's lines at a width: its heading and the numbered sources.
fn end_lines(th: &Theme, p: &Presenter, width: usize) -> Vec<Line<'static>> {
    let mut lines = vec![
        Line::styled(fit(&format!("The end: {}", p.title), width), th.title),
        Line::default(),
    ];
    if p.sources.is_empty() {
        lines.push(Line::styled("No sources to list.", th.dim));
    } else {
        lines.push(Line::styled("Sources", th.label));
        let number_w = p.sources.len().to_string().len();
        for (i, s) in p.sources.iter().enumerate() {
            let mark = format!("{:>number_w$}. ", i + 1);
            let indent = " ".repeat(mark.columns());
            let mut wrapped_source = wrapped(s, width.saturating_sub(mark.columns()), th.base, "");
            for (j, line) in wrapped_source.iter_mut().enumerate() {
                let lead = if j == 0 { mark.clone() } else { indent.clone() };
                line.spans.insert(0, Span::styled(lead, th.label));
            }
            lines.extend(wrapped_source);
        }
    }
    lines
}

/// Draws lines scrolled down by `scroll` rows; when they do not fit, the
/// last row says which way there is more ("more ↓", "more ↑ ↓", "more ↑").
fn scrolled(frame: &mut Frame, area: Rect, lines: &[Line<'static>], scroll: u16, th: &Theme) {
    let rows = lines.len().min(u16::MAX as usize) as u16;
    if rows <= area.height {
        frame.render_widget(Lines(lines), area);
        return;
    }
    let shown = area.height.saturating_sub(1);
    let max = rows - shown;
    let scroll = scroll.min(max);
    let text: Vec<Line> = lines
        .iter()
        .skip(scroll as usize)
        .take(shown as usize)
        .cloned()
        .collect();
    frame.render_widget(Lines(&text), Rect::new(area.x, area.y, area.width, shown));
    let marker = match (scroll > 0, scroll < max) {
        (true, true) => "more ↑ ↓",
        (false, _) => "more ↓",
        (true, false) => "more ↑",
    };
    frame.render_widget(
        Paragraph::new(Line::styled(marker, th.label)).alignment(Alignment::Right),
        Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1),
    );
}

fn draw_overview(frame: &mut Frame, area: Rect, v: &View, p: &Presenter) {
    let th = v.theme;
    let rect = centered(area, area.width, area.height);
    let lines: Vec<Line> = p
        .slides
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let name = p.slide_title(i, v.timeline);
            // The years a stop covers, so a teacher finds a stop by its time.
            let years: Vec<i32> = s.events.iter().map(|&e| v.timeline.event_years(e).0).collect();
            let when = match (years.iter().min(), years.iter().max()) {
                (Some(a), Some(b)) if a == b => format!("{a}  "),
                (Some(a), Some(b)) => format!("{a}–{b}  "),
                _ => String::new(),
            };
            let text = fit(
                &format!("{:>2}. {when}{name}", i + 1),
                rect.width.saturating_sub(4) as usize,
            );
            if i == p.current {
                Line::from(vec![
                    Span::styled("▶ ", th.label),
                    Span::styled(text, th.selected),
                ])
            } else {
                Line::from(vec![Span::raw("  "), Span::styled(text, th.base)])
            }
        })
        .collect();
    let rows = rect.height.saturating_sub(2) as usize;
    let start = p.current.saturating_sub(rows.saturating_sub(2).max(1));
    let mut shown: Vec<Line> = lines[start.min(lines.len())..].to_vec();
    // Stops beyond the frame are said to be there, above and below.
    if shown.len() > rows && rows > 0 {
        shown.truncate(rows);
        shown[rows - 1] = Line::styled(format!("  … {} more ↓", lines.len() - start - (rows - 1)), th.dim);
    }
    let title = if start > 0 {
        format!(" Overview ({start} more ↑) ")
    } else {
        " Overview ".to_string()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(title, th.title));
    super::widgets::boxed(frame, rect, block, &shown);
}

/// `screen` is the terminal's size, which the teacher knows it by; the
/// stops are measured inside the margins (`area`).
fn draw_fit_check(frame: &mut Frame, area: Rect, screen: (u16, u16), v: &View, p: &Presenter, cut: &[usize]) {
    let th = v.theme;
    let size = if (area.width, area.height) == screen {
        format!("{}×{}", screen.0, screen.1)
    } else {
        format!(
            "{}×{} ({} columns inside the margins)",
            screen.0, screen.1, area.width
        )
    };
    let mut lines = vec![
        Line::styled(
            format!("Fit check: {} — {} stops at {size}", p.title, p.slides.len()),
            th.title,
        ),
        Line::default(),
    ];
    if cut.is_empty() {
        lines.push(Line::styled("Every stop fits on this screen.", th.label));
    } else {
        let list: Vec<String> = cut.iter().map(|i| (i + 1).to_string()).collect();
        lines.push(Line::styled(
            format!(
                "Too tall for this size: stop {}. They scroll: \"more ↓\" shows where, and {} shows the rest.",
                list.join(", "),
                v.keymap.first_key(Context::Present, Action::Down)
            ),
            th.error,
        ));
        lines.push(Line::styled(
            "Make the window larger or the font smaller, or reveal less per stop.",
            th.base,
        ));
    }
    lines.push(Line::default());
    lines.push(Line::styled("Press any key to begin.", th.dim));
    let text: Vec<Line> = lines
        .into_iter()
        .flat_map(|l| {
            let plain: String = l.spans.iter().map(|s| s.content.as_ref()).collect();
            let style = l.spans.first().map_or(Style::default(), |s| s.style);
            if plain.is_empty() {
                vec![Line::default()]
            } else {
                wrapped(&plain, area.width as usize, style, "")
            }
        })
        .collect();
    frame.render_widget(Lines(&text), area);
}

/// Which stops would be cut at this size: with every part showing, the
/// rows they draw are more than the screen has (they can be scrolled).
pub fn fit_problems(p: &Presenter, t: &Timeline, width: u16, height: u16, projector: bool) -> Vec<usize> {
    (0..p.slides.len())
        .filter(|&i| needed_height(p, i, t, width, height, projector) > height)
        .collect()
}
