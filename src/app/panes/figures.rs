//! The figures chart: the attributed figures of the events in view, grouped
//! by what they count and set out by year, each bar naming who gave it and
//! every other value other sources give drawn beside it.

use super::help::frame_rect;
use super::widgets::fit;
use crate::app::theme::Theme;
use crate::text::width::Columns;
use crate::timeline::figures::{is_share, Charted, Counted};
use crate::timeline::model::{number_text, Timeline};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

/// The most figures charted at once: more would not be read, and the chart
/// is made again on every frame.
pub const CHART_LIMIT: usize = 2_000;

/// The chart's lines at an inner width.
pub fn lines(t: &Timeline, visible: &[usize], th: &Theme, width: usize) -> Vec<Line<'static>> {
    let (groups, more) = t.figures_by_year(visible, CHART_LIMIT);
    let mut out = Vec::new();
    if groups.is_empty() {
        out.push(Line::styled(
            "None of the events in view gives a figure. Clear or change the filter to see more.",
            th.dim,
        ));
        return out;
    }
    // Wrapped, not cut: how to read the bars is no place for an ellipsis.
    push_wrapped(
        &mut out,
        "Bars of one group and unit share a scale (other figures: one label); ░ marks another source's value.",
        th,
        width,
        0,
    );
    if more {
        push_wrapped(
            &mut out,
            &format!(
                "The first {} figures of the events in view, earliest first: filter to see the others.",
                number_text(CHART_LIMIT as f64)
            ),
            th,
            width,
            0,
        );
    }
    let bar_room = width.saturating_sub(20).clamp(4, 40);
    for (counted, charted) in groups {
        out.push(Line::default());
        out.push(Line::styled(
            fit(&format!("{} ({})", counted.title(), charted.len()), width),
            th.year_heading,
        ));
        let scale = |c: &Charted| -> f64 {
            if is_share(c.figure.unit.as_deref()) {
                return 100.0;
            }
            // "Other figures" count unlike things (sites, units, bitcoin):
            // there only figures with the same label share a scale.
            let alike = |o: &&Charted| {
                o.figure.unit == c.figure.unit
                    && (counted != Counted::Other || o.figure.label == c.figure.label)
            };
            charted
                .iter()
                .filter(alike)
                .flat_map(|o| std::iter::once(o.figure.value).chain(o.others.iter().map(|x| x.0)))
                .fold(0.0_f64, f64::max)
        };
        let value_w = charted
            .iter()
            .flat_map(|c| c.others.iter().map(|x| number_text(x.0).columns()))
            // A figure's own value with what qualifies it: "about 300".
            .chain(charted.iter().map(|c| c.figure.qualified_number().columns()))
            .max()
            .unwrap_or(1);
        for c in &charted {
            let max = scale(c);
            let bar = |v: f64, glyph: &str| {
                let n = if max > 0.0 {
                    ((v / max).min(1.0) * bar_room as f64).round() as usize
                } else {
                    0
                };
                glyph.repeat(n.max(1))
            };
            // A unit that goes on from the label ("of trafficking") is read
            // with it, below; what qualifies the number is before it.
            let unit = c
                .figure
                .unit
                .as_deref()
                .filter(|u| !u.trim_start().starts_with("of ") && u.trim() != "%")
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            let head = format!("{}  {:>value_w$} ", c.year, c.figure.qualified_number());
            let solid = bar(c.figure.value, "█");
            // The unit goes beside the bar when it fits there, else with the
            // label below, wrapped: never cut at the border.
            let beside = head.columns() + solid.columns() + unit.columns() <= width;
            out.push(Line::from(vec![
                Span::styled(head, th.label),
                Span::styled(solid, th.bar_active),
                Span::styled(if beside { unit.clone() } else { String::new() }, th.dim),
            ]));
            let mut about = vec![if beside || unit.is_empty() {
                c.figure.what()
            } else {
                format!("{} ({})", c.figure.what(), unit.trim())
            }];
            about.extend(c.figure.period.clone());
            about.push(c.who.clone());
            push_wrapped(&mut out, &about.join(" · "), th, width, 6);
            for (value, who) in &c.others {
                out.push(Line::from(vec![
                    Span::styled(format!("{:>4}  ", "≠"), th.claim),
                    Span::styled(format!("{:>value_w$} ", number_text(*value)), th.claim),
                    Span::styled(bar(*value, "░"), th.bar),
                ]));
                push_wrapped(
                    &mut out,
                    &format!("other sources give {}: {who}", number_text(*value)),
                    th,
                    width,
                    6,
                );
            }
            let e = &t.events[c.event];
            push_wrapped(
                &mut out,
                &format!("event: {} · {}", e.date_text(), e.title),
                th,
                width,
                6,
            );
        }
    }
    out
}

fn push_wrapped(out: &mut Vec<Line<'static>>, text: &str, th: &Theme, width: usize, indent: usize) {
    let pad = " ".repeat(indent);
    let opts = textwrap::Options::new(width.max(indent + 8))
        .initial_indent(&pad)
        .subsequent_indent(&pad)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit);
    for piece in crate::text::wrap::wrap(text, &opts) {
        out.push(Line::styled(piece.into_owned(), th.dim));
    }
}

/// How far the chart can scroll on a screen of this size.
pub fn max_scroll(t: &Timeline, visible: &[usize], th: &Theme, size: (u16, u16)) -> u16 {
    let rect = frame_rect(Rect::new(0, 0, size.0, size.1));
    let inner_w = rect.width.saturating_sub(2) as usize;
    let inner_h = rect.height.saturating_sub(2) as usize;
    let n = lines(t, visible, th, inner_w).len();
    n.saturating_sub(inner_h).min(u16::MAX as usize) as u16
}

pub fn draw(
    frame: &mut Frame,
    area: Rect,
    t: &Timeline,
    visible: &[usize],
    th: &Theme,
    scroll: u16,
    close: &str,
) {
    let events = match visible.len() {
        1 => "1 event".to_string(),
        n => format!("{n} events"),
    };
    let title = format!("Figures of the {events} in view — {close} closes");
    super::help::reading_screen(frame, area, th, &title, scroll, |w| lines(t, visible, th, w));
}
