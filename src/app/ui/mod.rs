//! Drawing the app: a pure function of its state. Only visible rows are
//! built, so drawing costs the same for forty events or a million.

pub mod detail;
pub mod filter;
pub mod help;
pub mod present;
pub mod strip;
pub mod timeline;

use super::{theme, App, Mode, Pane, PickerKind};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

/// Below this the app shows a notice instead of panes.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// From this width the filter, timeline and detail panes stand side by side.
pub const WIDE: u16 = 120;
/// From this width the timeline and detail stand side by side.
pub const MEDIUM: u16 = 80;
/// Below this height one pane is shown at a time.
const SHORT: u16 = 16;
/// From this height the events-per-year strip is drawn.
const STRIP_FROM_HEIGHT: u16 = 20;

/// Where each part of the screen goes for a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Regions {
    pub too_small: bool,
    /// One pane at a time (the focused one).
    pub single: bool,
    pub strip: Option<Rect>,
    pub filter: Option<Rect>,
    pub timeline: Option<Rect>,
    pub detail: Option<Rect>,
    pub status: Rect,
}

pub fn regions(area: Rect, app: &App) -> Regions {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Regions {
            too_small: true,
            ..Regions::default()
        };
    }
    let status_height = if area.height >= 12 { 2 } else { 1 };
    let strip_height = if area.height >= STRIP_FROM_HEIGHT && area.width >= MEDIUM {
        strip::height(app)
    } else {
        0
    };
    let [strip, main, status] = Layout::vertical([
        Constraint::Length(strip_height),
        Constraint::Min(1),
        Constraint::Length(status_height),
    ])
    .areas(area);
    let mut r = Regions {
        strip: (strip_height > 0).then_some(strip),
        status,
        ..Regions::default()
    };
    if area.width < MEDIUM || area.height < SHORT {
        r.single = true;
        match app.focus {
            Pane::Filter => r.filter = Some(main),
            Pane::Timeline => r.timeline = Some(main),
            Pane::Detail => r.detail = Some(main),
        }
    } else if area.width >= WIDE {
        let [f, t, d] = Layout::horizontal([
            Constraint::Length(30),
            Constraint::Percentage(45),
            Constraint::Min(30),
        ])
        .areas(main);
        (r.filter, r.timeline, r.detail) = (Some(f), Some(t), Some(d));
    } else if app.show_filter {
        let [f, t] = Layout::horizontal([Constraint::Length(30), Constraint::Min(30)]).areas(main);
        (r.filter, r.timeline) = (Some(f), Some(t));
    } else {
        let [t, d] = Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(main);
        (r.timeline, r.detail) = (Some(t), Some(d));
    }
    r
}

/// A pane's frame: thick border and bold title when it has the keyboard.
pub fn pane_block<'a>(app: &App, pane: Pane, title: String) -> Block<'a> {
    let focused = app.focus == pane && matches!(app.mode, Mode::Browse);
    let (border, border_type, title_style) = if focused {
        (app.theme.focus_border, BorderType::Thick, app.theme.title)
    } else {
        (app.theme.border, BorderType::Plain, app.theme.label)
    };
    let marker = if focused { "▸ " } else { "" };
    Block::default()
        .borders(Borders::ALL)
        .border_type(border_type)
        .border_style(border)
        .title(Span::styled(format!(" {marker}{title} "), title_style))
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let r = regions(area, app);
    if r.too_small {
        draw_too_small(frame, area);
        return;
    }
    frame.render_widget(Block::default().style(app.theme.base), area);
    if let Some(s) = r.strip {
        strip::draw(frame, s, app);
    }
    if let Some(f) = r.filter {
        filter::draw(frame, f, app);
    }
    if let Some(t) = r.timeline {
        timeline::draw(frame, t, app);
    }
    if let Some(d) = r.detail {
        detail::draw(frame, d, app);
    }
    draw_status(frame, r.status, app);
    if !app.data_problems.is_empty() {
        draw_problems(frame, area, app);
    }
    match &app.mode {
        Mode::Present(p) => present::draw(frame, area, app, p),
        Mode::Help { scroll } => help::draw(frame, area, app, *scroll),
        Mode::Pick(p) => draw_picker(frame, area, app, p),
        _ => {}
    }
}

/// A data file that changed on disk no longer loads: say why, over the
/// bottom of the panes, while the last good data stays visible above.
fn draw_problems(frame: &mut Frame, area: Rect, app: &App) {
    let lines: Vec<Line> = app
        .data_problems
        .iter()
        .flat_map(|p| p.lines().map(str::to_string).collect::<Vec<_>>())
        .map(|l| Line::styled(fit(&l, area.width.saturating_sub(4) as usize), app.theme.error))
        .collect();
    let height = (lines.len() as u16 + 2).min(area.height / 2).max(3);
    let rect = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(height + 2),
        area.width,
        height,
    );
    frame.render_widget(Clear, rect);
    let count = app.data_problems.len();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.error)
        .title(Span::styled(
            format!(" data file has {count} problem(s); showing the last good data "),
            app.theme.error,
        ));
    frame.render_widget(Paragraph::new(lines).block(block), rect);
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let text = format!("terminal too small: needs at least {MIN_WIDTH}×{MIN_HEIGHT}");
    // Wrapped, so even a sliver of a terminal shows as much as fits.
    frame.render_widget(
        Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

/// Figures as bars: the width of the widest value, and for each figure a
/// line of its value and a bar scaled to the largest, at most `room` long.
pub fn figure_bars<'a>(
    figures: &[crate::timeline::model::Figure],
    room: impl Fn(usize) -> usize,
    theme: &theme::Theme,
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

fn draw_status(frame: &mut Frame, area: Rect, app: &App) {
    let theme = &app.theme;
    let width = area.width as usize;
    let (prompt, input, error): (&str, String, Option<&String>) = match &app.mode {
        Mode::Search { input } => ("search: ", input.clone(), None),
        Mode::EditQuery { input, error } => ("query: ", input.clone(), error.as_ref()),
        Mode::Year { input } => ("year (←/→ step): ", input.clone(), None),
        Mode::Pick(p) => (
            if p.kind == PickerKind::Actor {
                "actor: "
            } else {
                "kind: "
            },
            p.input.clone(),
            None,
        ),
        _ => ("filter: ", app.query.to_string(), None),
    };
    let mut first = vec![Span::styled(prompt, theme.label)];
    if app.mode.takes_text() {
        // Show the end of long input, where the cursor is.
        let room = width.saturating_sub(prompt.width() + 1);
        let shown: String = {
            let w = input.width();
            if w > room {
                let skip = input.chars().count().saturating_sub(room.saturating_sub(1));
                format!("…{}", input.chars().skip(skip + 1).collect::<String>())
            } else {
                input.clone()
            }
        };
        first.push(Span::raw(shown));
        first.push(Span::styled("█", theme.label));
    } else if input.is_empty() {
        first.push(Span::styled("none", theme.dim));
    } else {
        first.push(Span::styled(
            fit(&input, width.saturating_sub(prompt.width())),
            theme.active_value,
        ));
    }
    let second = if let Some(e) = error {
        Line::from(Span::styled(fit(&format!("error: {e}"), width), theme.error))
    } else if let Some(m) = &app.message {
        Line::from(Span::styled(fit(m, width), theme.claim))
    } else {
        hints_line(app, width)
    };
    let lines = if area.height >= 2 {
        vec![Line::from(first), second]
    } else {
        vec![Line::from(first)]
    };
    frame.render_widget(Paragraph::new(lines).style(theme.status), area);
}

fn hints_line(app: &App, width: usize) -> Line<'static> {
    let hints: Vec<(String, &str)> = match &app.mode {
        Mode::Browse => app.keymap.hints(),
        Mode::Help { .. } => vec![("Esc".into(), "close"), ("↑↓".into(), "scroll")],
        Mode::Pick(_) => vec![
            ("Enter".into(), "toggle"),
            ("Esc".into(), "cancel"),
            ("↑↓".into(), "choose"),
        ],
        _ => vec![("Enter".into(), "keep"), ("Esc".into(), "drop")],
    };
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, what) in hints {
        let piece = key.width() + what.width() + 4;
        if used + piece > width {
            break;
        }
        used += piece;
        spans.push(Span::styled(key, app.theme.label));
        spans.push(Span::styled(format!(" {what}   "), app.theme.dim));
    }
    Line::from(spans)
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

fn draw_picker(frame: &mut Frame, area: Rect, app: &App, p: &super::Picker) {
    let choices = match p.kind {
        PickerKind::Actor => &app.actor_choices,
        PickerKind::Kind => &app.kind_choices,
    };
    let title = match p.kind {
        PickerKind::Actor => "Filter by actor",
        PickerKind::Kind => "Filter by kind",
    };
    let rect = centered(area, 60, (choices.len() as u16 + 4).min(20));
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(app.theme.focus_border)
        .title(Span::styled(format!(" {title} "), app.theme.title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    if inner.height == 0 {
        return;
    }
    let mut lines = vec![Line::from(vec![
        Span::styled("› ", app.theme.label),
        Span::raw(fit(&p.input, inner.width.saturating_sub(3) as usize)),
        Span::styled("█", app.theme.label),
    ])];
    let rows = inner.height.saturating_sub(1) as usize;
    let start = p.cursor.saturating_sub(rows.saturating_sub(1));
    if p.matches.is_empty() {
        lines.push(Line::styled("  no match", app.theme.dim));
    }
    for (i, &ci) in p.matches.iter().enumerate().skip(start).take(rows) {
        let c = &choices[ci];
        let active = app.query.contains(&c.term);
        let mark = if active { "[x]" } else { "[ ]" };
        let count = app
            .facet_entries
            .iter()
            .find(|e| e.term == c.term)
            .map_or(String::new(), |e| format!(" ({})", e.count));
        let aliases = if c.haystack.len() > c.label.len() {
            format!("  {}", &c.haystack[c.label.len()..].trim_start_matches(" · "))
        } else {
            String::new()
        };
        let text = fit(
            &format!(" {mark} {}{count}{aliases}", c.label),
            inner.width.saturating_sub(2) as usize,
        );
        let (prefix, style) = if i == p.cursor {
            ("▶", app.theme.selected)
        } else {
            (" ", Style::default())
        };
        lines.push(Line::from(vec![
            Span::styled(prefix, app.theme.label),
            Span::styled(text, style),
        ]));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
