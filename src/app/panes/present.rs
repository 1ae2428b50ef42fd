//! The presenter view: one stop per screen, readable from the back of a room.

use super::widgets::{centered, figure_bars, fit, View};
use crate::app::presenter::Presenter;
use crate::timeline::model::Timeline;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Gauge, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

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
            textwrap::wrap(p, &opts)
                .into_iter()
                .map(|l| Line::styled(l.into_owned(), style))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The body of stop `i`: what is revealed so far (or everything, for the fit check).
fn body(
    app_theme: &crate::app::theme::Theme,
    p: &Presenter,
    i: usize,
    t: &Timeline,
    width: usize,
    all: bool,
) -> Vec<Line<'static>> {
    let th = app_theme;
    let slide = &p.slides[i];
    let shows = |part: &str| all || (i == p.current && p.shows(part));
    let mut lines = Vec::new();
    if let [one] = slide.events.as_slice() {
        let e = &t.events[*one];
        lines.extend(wrapped(&e.title, width, th.title, ""));
        lines.push(Line::default());
        for part in &slide.reveal {
            if !shows(part) {
                continue;
            }
            match part.as_str() {
                "date" => {
                    let mut facts = vec![e.date_text()];
                    facts.extend(e.location.clone());
                    lines.extend(wrapped(&facts.join(" · "), width, th.label, ""));
                }
                "facts" => {
                    lines.extend(wrapped(&e.summary, width, th.base, ""));
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
                    for (f, bar) in e.figures.iter().zip(bars) {
                        lines.extend(bar);
                        let mut label = f.label.clone();
                        if let Some(u) = &f.unit {
                            label.push_str(&format!(" ({u})"));
                        }
                        if let Some(a) = f.according_to.as_deref().and_then(|a| t.actor(a)) {
                            label.push_str(&format!(", according to {}", a.name));
                        }
                        if f.is_disputed() {
                            label.push_str(&format!("; sources differ: {}", t.figure_value_text(f)));
                        }
                        lines.extend(wrapped(&label, width, th.dim, &" ".repeat(value_w + 1)));
                    }
                }
                "quote" => {
                    if let Some(c) = e.sources.first() {
                        lines.extend(wrapped(&format!("“{}”", c.quote), width, th.quote, "  "));
                        if let Some(s) = t.source(&c.source) {
                            lines.extend(wrapped(&format!("— {}", s.publisher), width, th.dim, "  "));
                        }
                    }
                }
                _ => continue,
            }
            lines.push(Line::default());
        }
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
    }
    lines
}

/// Rows stop `i` needs with every part showing, at this width, for the fit check.
pub fn needed_height(p: &Presenter, i: usize, t: &Timeline, width: u16) -> u16 {
    let theme = crate::app::theme::Theme::new(crate::app::theme::ThemeName::HighContrast, true);
    let prompt = p.slides[i].prompt.as_deref().map_or(0, |q| {
        wrapped(q, width.saturating_sub(4) as usize, theme.base, "").len() + 2
    });
    let body = body(&theme, p, i, t, width.saturating_sub(4) as usize, true).len();
    (body + prompt + CHROME as usize).min(u16::MAX as usize) as u16
}

/// Rows the header, progress bar and footer take.
const CHROME: u16 = 5;

pub fn draw(frame: &mut Frame, area: Rect, p: &Presenter, v: &View, projector: bool) {
    frame.render_widget(Clear, area);
    frame.render_widget(Block::default().style(v.theme.base), area);
    let th = v.theme;
    // The projector preset keeps a wider margin, so nothing sits at the edge of the wall.
    let margin = if projector { 3 } else { 1 };
    let inner = Rect::new(
        area.x + margin.min(area.width / 4),
        area.y,
        area.width.saturating_sub(2 * margin.min(area.width / 4)),
        area.height,
    );
    if let Some(cut) = &p.fit_check {
        draw_fit_check(frame, inner, v, p, cut);
        return;
    }
    let [head, bar, main, foot] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(2),
    ])
    .areas(inner);
    let position = p.position();
    let title = fit(
        &p.title,
        (head.width as usize).saturating_sub(position.width() + 2),
    );
    let gap = (head.width as usize).saturating_sub(title.width() + position.width());
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(title, th.dim),
            Span::raw(" ".repeat(gap)),
            Span::styled(position, th.title),
        ])),
        head,
    );
    let ratio = if p.slides.is_empty() {
        0.0
    } else {
        (p.current + 1) as f64 / p.slides.len() as f64
    };
    frame.render_widget(
        Gauge::default()
            .ratio(ratio.clamp(0.0, 1.0))
            .label("")
            .gauge_style(th.bar_active),
        bar,
    );
    if p.overview {
        draw_overview(frame, main, v, p);
    } else if !p.slides.is_empty() {
        draw_stop(frame, main, v, p);
    }
    let left = p.slide().map_or(0, |s| s.reveal.len().saturating_sub(p.revealed));
    let mut hint = if left > 0 {
        format!("Space reveals {left} more · ")
    } else {
        String::new()
    };
    hint.push_str("→ next · ← back · number+Enter jumps · o overview · Esc browse");
    if !p.jump.is_empty() {
        hint = format!("go to stop {}_ (Enter)", p.jump);
    }
    frame.render_widget(
        Paragraph::new(Line::styled(fit(&hint, foot.width as usize), th.dim)),
        foot,
    );
}

fn draw_stop(frame: &mut Frame, area: Rect, v: &View, p: &Presenter) {
    let th = v.theme;
    let slide = &p.slides[p.current];
    let prompt_lines = slide
        .prompt
        .as_deref()
        .map(|q| wrapped(q, area.width.saturating_sub(4) as usize, th.label, ""));
    let prompt_h = prompt_lines
        .as_ref()
        .map_or(0, |l| l.len() as u16 + 2)
        .min(area.height / 2);
    let [body_area, prompt_area] =
        Layout::vertical([Constraint::Min(1), Constraint::Length(prompt_h)]).areas(area);
    let lines = body(th, p, p.current, v.timeline, body_area.width as usize, false);
    // On a large screen the title is drawn in large letters (four columns
    // a character), wrapped over up to three lines; when it is too long for
    // that, the date is drawn large instead. At 80×24 both stay plain text.
    let big = body_area.height >= 30 && body_area.width >= 60;
    let ascii = |text: &str| -> String {
        text.chars()
            .map(|c| match c {
                '‘' | '’' => '\'',
                '“' | '”' => '"',
                c if c.is_ascii() => c,
                _ => '-',
            })
            .collect()
    };
    let big_lines: Option<Vec<String>> = match slide.events.as_slice() {
        [one] if big => {
            let e = &v.timeline.events[*one];
            let per_line = (body_area.width / 4) as usize;
            let title = textwrap::wrap(&ascii(&e.title), per_line)
                .into_iter()
                .map(|l| l.into_owned())
                .collect::<Vec<_>>();
            if title.len() <= 3 {
                Some(title)
            } else if p.shows("date") {
                Some(vec![ascii(&e.date_text())])
            } else {
                None
            }
        }
        _ => None,
    };
    match big_lines {
        Some(big_lines) => {
            let rows = big_lines.len() as u16 * 4 + 1;
            let [top, rest] =
                Layout::vertical([Constraint::Length(rows), Constraint::Min(1)]).areas(body_area);
            let big_text = tui_big_text::BigText::builder()
                .pixel_size(tui_big_text::PixelSize::Quadrant)
                .style(th.title)
                .lines(big_lines.into_iter().map(Line::from).collect::<Vec<_>>())
                .build();
            frame.render_widget(big_text, top);
            frame.render_widget(Paragraph::new(lines), rest);
        }
        None => frame.render_widget(Paragraph::new(lines), body_area),
    }
    if let Some(q) = prompt_lines {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(BorderType::Thick)
            .border_style(th.focus_border)
            .title(Span::styled(" Question ", th.title));
        frame.render_widget(Paragraph::new(q).block(block), prompt_area);
    }
}

fn draw_overview(frame: &mut Frame, area: Rect, v: &View, p: &Presenter) {
    let th = v.theme;
    let rect = centered(area, area.width, area.height);
    let lines: Vec<Line> = p
        .slides
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let name = match s.events.as_slice() {
                [one] => v.timeline.events[*one].title.clone(),
                many => format!("{} events", many.len()),
            };
            let text = fit(
                &format!("{:>2}. {name}", i + 1),
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
    let start = p.current.saturating_sub(rect.height.saturating_sub(3) as usize);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(" Overview — Enter or Esc closes ", th.title));
    frame.render_widget(
        Paragraph::new(lines[start.min(lines.len())..].to_vec()).block(block),
        rect,
    );
}

fn draw_fit_check(frame: &mut Frame, area: Rect, v: &View, p: &Presenter, cut: &[usize]) {
    let th = v.theme;
    let size = format!("{}×{}", area.width, area.height);
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
            format!("Cut at this size: stop {}.", list.join(", ")),
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
    frame.render_widget(Paragraph::new(text), area);
}

/// Which stops would be cut at this size: their content is taller than the screen.
pub fn fit_problems(p: &Presenter, t: &Timeline, width: u16, height: u16) -> Vec<usize> {
    (0..p.slides.len())
        .filter(|&i| needed_height(p, i, t, width) > height)
        .collect()
}
