//! The tier chart: the US TIP report's tier for each year among the events
//! in view, as a step chart, best tier at the top.

use super::help::frame_rect;
use crate::app::theme::Theme;
use crate::timeline::model::Timeline;
use crate::timeline::tiers::TierTrack;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

/// The chart's lines at an inner width: what it shows, the tier rows (the
/// tier's name in the label style, its line in the accent), the years
/// under them, then what to read it by.
pub fn lines(t: &Timeline, visible: &[usize], th: &Theme, width: usize) -> Vec<Line<'static>> {
    let track = TierTrack::of(t, visible);
    let chart = track.chart(width);
    let mut out = Vec::new();
    if track.years.is_empty() {
        for note in chart.notes {
            out.push(Line::styled(note, th.dim));
        }
        out.push(Line::styled(
            "Clear or change the filter (kind:ranking) to see the rankings.",
            th.dim,
        ));
        return out;
    }
    out.push(Line::styled(
        "Best tier at the top; a step is a change of tier.",
        th.dim,
    ));
    out.push(Line::default());
    for (label, line) in chart.rows {
        out.push(Line::from(vec![
            Span::styled(label, th.label),
            Span::styled(line, th.title),
        ]));
    }
    out.push(Line::styled(chart.years, th.dim));
    out.push(Line::default());
    for note in chart.notes {
        out.push(Line::styled(note, th.base));
    }
    out.extend(
        textwrap::wrap(
            "Each tier as the cited sources state it: close the chart and select a ranking for its quotes, or run `tipline rankings` for the sources.",
            width.max(8),
        )
        .into_iter()
        .map(|l| Line::styled(l.into_owned(), th.dim)),
    );
    out
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
    let title = format!("US TIP report tier, years in view — {close} closes");
    super::help::reading_screen(frame, area, th, &title, scroll, |w| lines(t, visible, th, w));
}
