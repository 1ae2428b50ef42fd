//! Where each part of the screen goes at a given size: a pure function that
//! `update` (for page sizes, clicks and focus) and drawing both call.

use super::mode::Pane;
use ratatui::layout::{Constraint, Layout, Rect};

/// Below this the app shows a notice instead of panes.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// From this width the timeline and the detail stand side by side (the
/// filter pane beside them when it is asked for).
pub const WIDE: u16 = 120;
/// From this width the filter pane is shown beside the timeline and the
/// detail unless it is put away, as wide as its values need (up to
/// `FILTER_MOST` columns).
pub const WIDEST: u16 = 160;
const FILTER_MOST: u16 = 40;
/// The filter pane's width where it shares a narrower screen.
const FILTER_NARROW: u16 = 28;
/// From this width the timeline and the detail are shown together, the
/// detail below the timeline.
pub const MEDIUM: u16 = 80;
/// Below this height one pane is shown at a time.
const SHORT: u16 = 16;
/// From this height the events-per-year strip is drawn: below it the list
/// of events needs the rows more.
const STRIP_FROM_HEIGHT: u16 = 28;

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

impl Regions {
    /// The region, if the cell (x, y) is inside it.
    pub fn hit(rect: Option<Rect>, x: u16, y: u16) -> Option<Rect> {
        rect.filter(|r| r.contains(ratatui::layout::Position { x, y }))
    }

    /// The panes that can take focus, left to right.
    pub fn focusable(&self) -> Vec<Pane> {
        if self.single {
            return vec![Pane::Filter, Pane::Timeline, Pane::Detail];
        }
        [
            (Pane::Filter, self.filter),
            (Pane::Timeline, self.timeline),
            (Pane::Detail, self.detail),
        ]
        .into_iter()
        .filter(|(_, rect)| rect.is_some())
        .map(|(p, _)| p)
        .collect()
    }
}

/// The regions for a screen: `focus` picks the one pane shown on small
/// screens; `flip_filter` turns the filter pane from its default for the
/// width (shown from `WIDEST` columns, hidden below); `filter_width` is
/// the width its values need; `status_rows` the status line's rows (the
/// filter, then the key hints) where the screen has room for them.
pub fn regions(
    area: Rect,
    focus: Pane,
    flip_filter: bool,
    filter_width: u16,
    strip_rows: u16,
    status_rows: u16,
) -> Regions {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Regions {
            too_small: true,
            ..Regions::default()
        };
    }
    let status_height = if area.height >= 12 { status_rows.max(1) } else { 1 };
    let strip_height = if area.height >= STRIP_FROM_HEIGHT && area.width >= MEDIUM {
        strip_rows
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
    let show_filter = (area.width >= WIDEST) != flip_filter;
    if area.width < MEDIUM || area.height < SHORT {
        r.single = true;
        match focus {
            Pane::Filter => r.filter = Some(main),
            Pane::Timeline => r.timeline = Some(main),
            Pane::Detail => r.detail = Some(main),
        }
    } else if area.width >= WIDE {
        // The timeline takes most of what the filter pane leaves, so
        // titles are read whole more often than cut; the detail the rest.
        let filter = match (show_filter, area.width >= WIDEST) {
            (false, _) => 0,
            (true, true) => filter_width.clamp(FILTER_NARROW, FILTER_MOST),
            (true, false) => filter_width.min(FILTER_NARROW),
        };
        let rest = main.width - filter;
        let timeline = rest * 57 / 100;
        let [f, t, d] = Layout::horizontal([
            Constraint::Length(filter),
            Constraint::Length(timeline),
            Constraint::Min(30),
        ])
        .areas(main);
        (r.filter, r.timeline, r.detail) = ((filter > 0).then_some(f), Some(t), Some(d));
    } else if show_filter {
        let [f, t] = Layout::horizontal([
            Constraint::Length(filter_width.min(FILTER_NARROW + 2)),
            Constraint::Min(30),
        ])
        .areas(main);
        (r.filter, r.timeline) = (Some(f), Some(t));
    } else {
        // Titles need the width more than the detail does: the timeline
        // spans the screen and the detail sits below it.
        let [t, d] = Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(main);
        (r.timeline, r.detail) = (Some(t), Some(d));
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_panes_from_wide_screens_one_on_narrow() {
        let widest = regions(Rect::new(0, 0, 200, 50), Pane::Timeline, false, 36, 4, 2);
        assert_eq!(
            widest.focusable(),
            vec![Pane::Filter, Pane::Timeline, Pane::Detail]
        );
        assert_eq!(
            widest.filter.map(|r| r.width),
            Some(36),
            "as wide as its values need"
        );
        assert_eq!(widest.timeline.map(|r| r.width), Some(93));
        assert_eq!(widest.strip.map(|r| r.height), Some(4));
        let put_away = regions(Rect::new(0, 0, 200, 50), Pane::Timeline, true, 36, 4, 2);
        assert_eq!(put_away.filter, None);
        assert_eq!(put_away.timeline.map(|r| r.width), Some(114));
        // At 120 columns the timeline and the detail share the screen; the
        // filter pane comes when asked for.
        let wide = regions(Rect::new(0, 0, 120, 40), Pane::Timeline, false, 36, 4, 2);
        assert_eq!(wide.focusable(), vec![Pane::Timeline, Pane::Detail]);
        assert_eq!(wide.timeline.map(|r| r.width), Some(68));
        let asked = regions(Rect::new(0, 0, 120, 40), Pane::Timeline, true, 36, 4, 2);
        assert_eq!(asked.filter.map(|r| r.width), Some(28));
        let narrow = regions(Rect::new(0, 0, 60, 24), Pane::Detail, false, 36, 4, 2);
        assert!(narrow.single);
        assert_eq!(narrow.detail.map(|r| r.width), Some(60));
        assert_eq!(narrow.timeline, None);
        assert!(regions(Rect::new(0, 0, 29, 24), Pane::Timeline, false, 36, 4, 2).too_small);
    }

    #[test]
    fn hit_is_inside_only() {
        let r = Some(Rect::new(10, 5, 4, 2));
        assert_eq!(Regions::hit(r, 10, 5), r);
        assert_eq!(Regions::hit(r, 13, 6), r);
        assert_eq!(Regions::hit(r, 14, 6), None);
        assert_eq!(Regions::hit(r, 9, 5), None);
    }
}
