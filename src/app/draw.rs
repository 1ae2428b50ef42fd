//! Drawing the whole screen from the app's state: the panes where the
//! layout puts them, the status line, and whatever overlay the mode shows.

use super::input::Action;
use super::keymap::Context;
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use super::line::LineEditor;
use super::mode::{Mode, Pane};
use super::panes::widgets::{caret_line, fit, View};
use super::panes::{copy, detail, figures, filter, glossary, help, picker, present, strip, tiers, timeline};
use super::state::App;
use crate::text::width::Columns;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Borders, Paragraph};
use ratatui::Frame;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let r = app.regions();
    if r.too_small {
        draw_too_small(frame, area);
        return;
    }
    let th = &app.settings.theme;
    let highlights = app.highlights();
    let view = View {
        timeline: &app.timeline,
        theme: th,
        keymap: &app.settings.keymap,
        query: &app.query,
        visible: &app.filtered,
        highlights: &highlights,
        hyperlinks: app.settings.hyperlinks,
    };
    let focused = |pane| app.focus == pane && matches!(app.mode, Mode::Browse);
    crate::app::panes::widgets::fill(frame.buffer_mut(), area, th.base);
    if let Some(s) = r.strip {
        strip::draw(frame, s, &app.strip, &app.timeline, th);
    }
    let mut cursor = None;
    if let Some(f) = r.filter {
        let at = filter::draw(frame, f, &app.filter, th, focused(Pane::Filter));
        cursor = cursor.or(at);
    }
    if let Some(t) = r.timeline {
        timeline::draw(frame, t, &app.list, &view, focused(Pane::Timeline));
    }
    if let Some(d) = r.detail {
        detail::draw(
            frame,
            d,
            &app.detail,
            &view,
            app.selected_position(),
            focused(Pane::Detail),
        );
    }
    if matches!(app.mode, Mode::Browse) {
        cursor = cursor.or_else(|| browse_cursor(app, &r));
    }
    let caret = draw_status(frame, r.status, app);
    if !app.status.data_problems.is_empty() {
        draw_problems(frame, area, app);
    }
    match &app.mode {
        Mode::Present(p) => present::draw(frame, area, p, &view, app.settings.projector),
        Mode::Help { .. } | Mode::Figures { .. } | Mode::Tiers { .. } | Mode::Glossary { .. } => {
            draw_reading(frame, area, app, &app.mode);
            reading_foot(frame, area, app);
        }
        Mode::Find { within, .. } => {
            draw_reading(frame, area, app, within);
            cursor = reading_foot(frame, area, app);
        }
        Mode::Pick(p) => cursor = picker::draw(frame, area, p, &app.choices, &app.filter, &view),
        Mode::Copy(menu) => cursor = copy::draw(frame, area, menu, &view),
        Mode::Search { .. } | Mode::EditQuery { .. } | Mode::Year { .. } => cursor = caret,
        Mode::Browse => {}
    }
    // Text written whole that a popup covers in part is cut back to its own.
    crate::app::panes::runs::seal(frame.buffer_mut());
    // The terminal's own cursor follows the selection or the caret, so
    // screen magnifiers and braille displays follow the reader; where no
    // row is chosen it rests at the top left. A room watching a lesson, or
    // a reader in the help, a chart or the glossary, has no use for a block
    // over the text: the cursor is hidden there.
    let covered = matches!(
        app.mode,
        Mode::Present(_)
            | Mode::Help { .. }
            | Mode::Figures { .. }
            | Mode::Tiers { .. }
            | Mode::Glossary { .. }
    );
    if !covered {
        let (x, y) = cursor.unwrap_or((area.x, area.y));
        frame.set_cursor_position((x, y));
    }
}

/// A screen that is only read (the help, a chart, the glossary), with the
/// words being found, or kept from finding, marked on it.
fn draw_reading(frame: &mut Frame, area: Rect, app: &App, mode: &Mode) {
    let th = &app.settings.theme;
    let close = app
        .settings
        .keymap
        .first_key(super::keymap::Context::Help, super::input::Action::CloseHelp);
    match mode {
        Mode::Help { scroll } => help::draw(frame, area, &app.help_page, &app.settings.keymap, th, *scroll),
        Mode::Figures { scroll } => {
            figures::draw(frame, area, &app.timeline, &app.filtered, th, *scroll, &close)
        }
        Mode::Tiers { scroll } => tiers::draw(frame, area, &app.timeline, &app.filtered, th, *scroll, &close),
        Mode::Glossary { scroll } => {
            let first = app.glossary_first();
            glossary::draw(frame, area, &app.timeline, &first, th, *scroll, &close);
        }
        _ => return,
    }
    let words = match &app.mode {
        Mode::Find { input, .. } => input.as_str(),
        _ => app.found.as_ref().map_or("", |f| f.words.as_str()),
    };
    super::find::mark(frame.buffer_mut(), help::inner_area(area), words, th.highlight);
}

/// The fewest columns the find prompt keeps for typing beside its keys.
const FIND_ROOM: usize = 20;

/// The last row under a reading screen: the find prompt while it is open
/// (and where its caret is), else the last note, else the keys.
fn reading_foot(frame: &mut Frame, area: Rect, app: &App) -> Option<(u16, u16)> {
    let th = &app.settings.theme;
    let row = Rect::new(area.x, area.bottom().saturating_sub(1), area.width, 1);
    let width = row.width as usize;
    let mut caret = None;
    let line = match (&app.mode, &app.status.message) {
        (Mode::Find { input, .. }, _) => {
            let prompt = "find: ";
            let room = width.saturating_sub(prompt.columns());
            // The prompt's keys at the right, where they leave room to type.
            let keys = hints_lines(app, width, 1)
                .pop()
                .filter(|k| room >= k.width() + super::keymap::HINT_GAP + FIND_ROOM);
            let typed = keys
                .as_ref()
                .map_or(room, |k| room - k.width() - super::keymap::HINT_GAP);
            let (mut spans, at) = caret_line(input, typed, th);
            spans.insert(0, Span::styled(prompt, th.label));
            caret = Some((row.x + prompt.columns() as u16 + at, row.y));
            if let Some(keys) = keys {
                let used: usize = spans.iter().map(|s| s.content.columns()).sum();
                spans.push(Span::raw(" ".repeat(width.saturating_sub(keys.width() + used))));
                spans.extend(keys.spans);
            }
            Line::from(spans)
        }
        (_, Some(note)) => Line::styled(fit(note, width), th.claim),
        _ => hints_lines(app, width, 1).pop().unwrap_or_default(),
    };
    super::panes::widgets::clear(frame, row, th);
    frame.render_widget(Paragraph::new(line).style(th.status), row);
    caret
}

/// Where the cursor sits while browsing: on the selected event's row, or
/// at the selected source in the detail pane; the filter pane reports its
/// own cursor row.
fn browse_cursor(app: &App, r: &super::layout::Regions) -> Option<(u16, u16)> {
    match app.focus {
        Pane::Timeline => {
            let area = r.timeline?;
            let height = area.height.saturating_sub(2) as usize;
            let row = app.list.selected_row()?;
            let offset = app.list.offset.min(app.list.rows.len().saturating_sub(1));
            (row >= offset && row < offset + height).then(|| (area.x + 1, area.y + 1 + (row - offset) as u16))
        }
        Pane::Detail => {
            let d = r.detail?;
            let line = app.detail.cursor_line(d.height.saturating_sub(2));
            Some((d.x + 1, d.y + 1 + line))
        }
        Pane::Filter => None,
    }
}

/// A data file that changed on disk no longer loads: say why, over the
/// bottom of the panes, while the last good data stays visible above. The
/// problems wrap (never cut) and the moving keys scroll them.
fn draw_problems(frame: &mut Frame, area: Rect, app: &App) {
    let th = &app.settings.theme;
    let inner_w = area.width.saturating_sub(2).max(1) as usize;
    let all: Vec<Line> = app
        .status
        .data_problems
        .iter()
        .flat_map(|p| p.lines().map(str::to_string).collect::<Vec<_>>())
        .flat_map(|l| {
            crate::text::wrap::wrap(&l, &textwrap::Options::new(inner_w).subsequent_indent("  "))
                .into_iter()
                .map(|piece| Line::styled(piece.into_owned(), th.error))
                .collect::<Vec<_>>()
        })
        .collect();
    let height = (all.len() as u16 + 2).min(area.height / 2).max(3);
    let status = app.regions().status.height;
    let rect = Rect::new(
        area.x,
        area.y + area.height.saturating_sub(height + status),
        area.width,
        height,
    );
    super::panes::widgets::clear(frame, rect, th);
    let count = app.status.data_problems.len();
    let keys = &app.settings.keymap;
    let dismiss = keys.key_for(super::input::Action::Dismiss);
    let (up, down) = (
        keys.key_for(super::input::Action::Up),
        keys.key_for(super::input::Action::Down),
    );
    let rows = height.saturating_sub(2) as usize;
    let max_scroll = all.len().saturating_sub(rows);
    let scroll = (app.status.problems_scroll as usize).min(max_scroll);
    let more = if max_scroll > 0 {
        format!(" · {up}{down} scroll")
    } else {
        String::new()
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Thick)
        .border_style(th.error)
        .title(Span::styled(
            fit(
                &format!(
                    " data file has {count} problem(s); showing the last good data{more} · {dismiss} hides "
                ),
                inner_w,
            ),
            th.error,
        ));
    let shown: Vec<Line> = all.into_iter().skip(scroll).take(rows).collect();
    crate::app::panes::widgets::boxed(frame, rect, block, &shown);
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let text = format!("terminal too small: needs at least {MIN_WIDTH}×{MIN_HEIGHT}");
    // Wrapped, so even a sliver of a terminal shows as much as fits.
    frame.render_widget(
        Paragraph::new(text).wrap(ratatui::widgets::Wrap { trim: true }),
        area,
    );
}

/// Draws the status line; where the prompt's caret is, when one is open.
fn draw_status(frame: &mut Frame, area: Rect, app: &App) -> Option<(u16, u16)> {
    let theme = &app.settings.theme;
    let width = area.width as usize;
    let keys = &app.settings.keymap;
    let year_prompt = format!(
        "year or range ({}{} step): ",
        keys.first_key(Context::Prompt, Action::Up),
        keys.first_key(Context::Prompt, Action::Down)
    );
    // A number picks an item of the copy menu at once.
    let copy_prompt = match &app.mode {
        Mode::Copy(m) => format!("copy (1–{}): ", m.items.len()),
        _ => String::new(),
    };
    let (prompt, line, error): (&str, Option<&LineEditor>, Option<&String>) = match &app.mode {
        Mode::Search { input } => ("search: ", Some(input), None),
        Mode::EditQuery { input, error } => ("query: ", Some(input), error.as_ref()),
        Mode::Year { input } => (&year_prompt, Some(input), None),
        Mode::Pick(p) => (p.kind.prompt(), Some(&p.input), None),
        Mode::Copy(_) => (&copy_prompt, None, None),
        // The find prompt is the reading screen's last row.
        _ => ("filter: ", None, None),
    };
    let mut first = vec![Span::styled(prompt, theme.label)];
    let mut caret = None;
    if let Some(line) = line {
        // The part of a long line around the caret.
        let (spans, at) = caret_line(line, width.saturating_sub(prompt.columns()), theme);
        caret = Some((
            area.x + (prompt.columns() + at as usize).min(width.saturating_sub(1)) as u16,
            area.y,
        ));
        first.extend(spans);
    } else if let Mode::Copy(_) = &app.mode {
        caret = Some((area.x + prompt.columns() as u16, area.y));
        first.push(Span::styled("█", theme.label));
    } else if app.query.is_empty() {
        first.push(Span::styled("none", theme.dim));
    } else {
        first.push(Span::styled(
            fit(&app.query.to_string(), width.saturating_sub(prompt.columns())),
            theme.active_value,
        ));
    }
    if app.searching() {
        // The list shows the previous result until the new one lands.
        first.push(Span::styled("  searching…", theme.dim));
    }
    // How far the sources reach, at the right of the line on every screen,
    // so the list's end is not read as a quiet time; the sentence in full
    // is in the help.
    let prompting = line.is_some() || matches!(app.mode, Mode::Copy(_));
    if let (false, Some(h)) = (prompting, &app.timeline.horizon) {
        let note = h.short();
        let used: usize = first.iter().map(|s| s.content.columns()).sum();
        if used + 2 + note.columns() <= width {
            first.push(Span::raw(" ".repeat(width - used - note.columns())));
            first.push(Span::styled(note, theme.dim));
        }
    }
    if app.mode.is_reading() {
        // Under a screen that is only read, its last row gives the keys,
        // the find prompt and the notes: nothing here says them twice.
        crate::app::panes::widgets::styled(frame, area, theme.status, &[Line::from(first)]);
        return None;
    }
    let mut hints = hints_lines(app, width, area.height.saturating_sub(1) as usize);
    let note = if let Some(e) = error {
        // An error is wrapped, never cut: the lines it needs beyond the
        // status line rise over the bottom of the panes.
        let message = format!("error: {e}");
        let wrapped: Vec<String> = crate::text::wrap::wrap(
            &message,
            &textwrap::Options::new(width.max(1)).subsequent_indent("  "),
        )
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
        if wrapped.len() > 1 && area.y as usize >= wrapped.len() {
            // The whole error just above the status line, the query below it.
            let n = wrapped.len() as u16;
            let above = Rect::new(area.x, area.y - n, area.width, n);
            super::panes::widgets::clear(frame, above, theme);
            let lines: Vec<Line> = wrapped
                .iter()
                .map(|l| Line::styled(l.clone(), theme.error))
                .collect();
            crate::app::panes::widgets::styled(frame, above, theme.status, &lines);
            None
        } else {
            Some(Line::from(Span::styled(
                fit(&wrapped.join(" "), width),
                theme.error,
            )))
        }
    } else if let Some(m) = &app.status.message {
        Some(Line::from(Span::styled(fit(m, width), theme.claim)))
    } else if app.status.stale {
        // Until the files load again, say the data shown is not theirs.
        Some(Line::from(Span::styled(
            fit(crate::app::state::STALE_DATA, width),
            theme.error,
        )))
    } else {
        None
    };
    // A note takes the first row of hints.
    if let Some(note) = note {
        hints.insert(0, note);
    }
    let mut lines = vec![Line::from(first)];
    lines.extend(hints.into_iter().take(area.height.saturating_sub(1) as usize));
    crate::app::panes::widgets::styled(frame, area, theme.status, &lines);
    caret
}

/// The key hints for the current mode, from the key table, in up to
/// `rows` rows, as many as fit.
fn hints_lines(app: &App, width: usize, rows: usize) -> Vec<Line<'static>> {
    let th = &app.settings.theme;
    // Drawn for every frame: the words and gaps are borrowed, not copied.
    let gap = &"        "[..super::keymap::HINT_GAP];
    app.settings
        .keymap
        .hint_rows(app.mode.context(), app.mode.prompt(), width, rows)
        .into_iter()
        .map(|row| {
            let mut spans = Vec::with_capacity(row.len() * 4);
            for (i, (key, what)) in row.into_iter().enumerate() {
                if i > 0 {
                    spans.push(Span::raw(gap));
                }
                spans.push(Span::styled(key.into_string(), th.label));
                spans.push(Span::styled(" ", th.dim));
                spans.push(Span::styled(what, th.dim));
            }
            Line::from(spans)
        })
        .collect()
}
