//! The filter pane: each facet's values with the count each would give,
//! counted with the other facets applied (faceted search).

use super::widgets::{fit, pane_block, KeptLines};
use crate::app::theme::Theme;
use crate::query::facets::Tally;
use crate::query::{Facet, Faceted, Query, Term};
use crate::text::width::Columns;
use crate::timeline::dating::Certainty;
use crate::timeline::model::{EventKind, Timeline};
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

/// One value in the filter pane, with how many events choosing it would give.
#[derive(Debug, Clone, PartialEq)]
pub struct FacetEntry {
    pub facet: Facet,
    pub term: Term,
    pub label: String,
    /// A shorter name (an actor's shortest alias), put first when the
    /// label does not fit: "NCCT — National Committee…".
    pub short: Option<String>,
    pub count: usize,
    pub active: bool,
    /// Where this value's count is in a facet tally.
    pub slot: usize,
}

/// The filter pane: every value of every facet, and its cursor.
#[derive(Debug, Clone, Default)]
pub struct FilterPane {
    pub entries: Vec<FacetEntry>,
    pub cursor: usize,
    /// Whether the reader has turned the pane from its default for the
    /// screen's width (hidden below the widest screens, shown on them).
    pub flipped: bool,
    /// The width the pane needs to show its longest value and count whole.
    wanted: u16,
    /// Each event's certainty as its place in `Certainty::ALL`, read once
    /// per timeline: counting a million events from the events themselves
    /// would hold up the thread that reads keys.
    certainties: std::sync::Arc<(usize, Vec<u8>)>,
    /// How many times the counts were taken: lines drawn from older
    /// counts are not drawn again.
    counted: u64,
    /// The lines on screen and the cursor's row, kept between frames:
    /// moving through the timeline leaves the filter pane as it was.
    drawn: KeptLines<DrawnFrom, Drawn>,
}

/// The lines on screen, and where the cursor row is when the pane has
/// the keyboard.
type Drawn = (Vec<Line<'static>>, Option<(u16, u16)>);

/// What the pane's lines are drawn from.
#[derive(Debug, Clone, PartialEq)]
struct DrawnFrom {
    counted: u64,
    cursor: usize,
    focused: bool,
    inner: Rect,
    theme: Theme,
}

impl FilterPane {
    pub fn new(entries: Vec<FacetEntry>, events: usize) -> FilterPane {
        let label = entries.iter().map(|e| e.label.columns()).max().unwrap_or(0);
        // The frame, the cursor and the mark, a space, the count.
        let wanted = 2 + 5 + label + 1 + events.to_string().len();
        FilterPane {
            entries,
            wanted: wanted.min(u16::MAX as usize) as u16,
            ..FilterPane::default()
        }
    }

    /// The width the pane needs to show its longest value and count whole.
    pub fn wanted_width(&self) -> u16 {
        self.wanted
    }

    /// Takes each value's count from a faceted result, and marks the values
    /// the query has chosen.
    pub fn count(&mut self, found: &Faceted, query: &Query, t: &Timeline, visible: &[usize]) {
        let of = (t.events.len(), t.events.as_ptr() as usize);
        if self.certainties.0 != of.1 || self.certainties.1.len() != of.0 {
            let place = |c: Certainty| Certainty::ALL.iter().position(|x| *x == c).unwrap_or(0) as u8;
            let each = t.events.iter().map(|e| place(e.certainty())).collect();
            self.certainties = std::sync::Arc::new((of.1, each));
        }
        let certainty = certainty_counts(query, t, visible, &self.certainties.1);
        self.counted += 1;
        for entry in &mut self.entries {
            entry.count = match entry.facet {
                Facet::Year => found.years.years[entry.slot],
                Facet::Actor => found.actors.actors[entry.slot],
                Facet::Kind => found.kinds.kinds[entry.slot],
                Facet::Certainty => certainty[entry.slot],
                _ => found.tags.tags[entry.slot],
            };
            entry.active = query.contains(&entry.term);
        }
    }

    /// The entry drawn at screen row `y` of the pane, for mouse clicks.
    pub fn entry_at(&self, area: Rect, y: u16) -> Option<usize> {
        let lines = layout(&self.entries);
        let height = area.height.saturating_sub(2) as usize;
        let row = y.checked_sub(area.y + 1)? as usize;
        lines
            .get(offset(&lines, self.cursor, height) + row)
            .copied()
            .flatten()
    }
}

/// Events per certainty that choosing it would give: counted among the
/// events in view, or, when a certainty is already chosen, among those the
/// rest of the query passes (choosing another certainty adds to it).
fn certainty_counts(query: &Query, t: &Timeline, visible: &[usize], each: &[u8]) -> [usize; 4] {
    let mut counts = [0; 4];
    let chosen = query.clauses.iter().any(|c| c.term.facet() == Facet::Certainty);
    let others;
    let pool = if chosen {
        others = query.without(Facet::Certainty).filter(t);
        &others
    } else {
        visible
    };
    for &p in pool {
        counts[each[p] as usize] += 1;
    }
    counts
}

/// Every value the filter pane offers, in a stable order so the cursor
/// does not jump as counts change.
pub fn facet_values(t: &Timeline) -> Vec<FacetEntry> {
    let mut all = Tally::new(t);
    for p in 0..t.events.len() {
        all.add(t, p);
    }
    let entry = |facet, term, label, slot| FacetEntry {
        facet,
        term,
        label,
        short: None,
        count: 0,
        active: false,
        slot,
    };
    // Most used first; ties in alphabetical order.
    let by_count = |counts: &[usize], name: &dyn Fn(usize) -> String| {
        let mut order: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] > 0).collect();
        order.sort_by_cached_key(|&i| (std::cmp::Reverse(counts[i]), crate::text::fold(&name(i))));
        order
    };
    let mut out: Vec<FacetEntry> = Vec::new();
    for (slot, n) in all.years.iter().enumerate() {
        if *n > 0 {
            let y = all.first_year + slot as i32;
            out.push(entry(
                Facet::Year,
                Term::Year { from: y, to: y },
                y.to_string(),
                slot,
            ));
        }
    }
    for i in by_count(&all.actors, &|i| t.actors[i].name.clone()) {
        let a = &t.actors[i];
        let mut e = entry(Facet::Actor, Term::Actor(a.id.clone()), a.name.clone(), i);
        e.short = a
            .aliases
            .iter()
            .filter(|s| s.columns() < a.name.columns())
            .min_by_key(|s| s.columns())
            .cloned();
        out.push(e);
    }
    for (i, k) in EventKind::ALL.iter().enumerate() {
        if all.kinds[i] > 0 {
            out.push(entry(Facet::Kind, Term::Kind(*k), k.to_string(), i));
        }
    }
    for i in by_count(&all.tags, &|i| t.tag_names()[i].clone()) {
        let tag = &t.tag_names()[i];
        out.push(entry(Facet::Tag, Term::Tag(tag.clone()), tag.clone(), i));
    }
    // How sure: only the certainties some event has.
    for (i, c) in Certainty::ALL.iter().enumerate() {
        if t.events.iter().any(|e| e.certainty() == *c) {
            out.push(entry(Facet::Certainty, Term::Certainty(*c), c.to_string(), i));
        }
    }
    out
}

fn facet_title(f: Facet) -> &'static str {
    match f {
        Facet::Year => "Year",
        Facet::Actor => "Actor",
        Facet::Kind => "Kind",
        Facet::Tag => "Tag",
        Facet::Certainty => "How sure",
        _ => "",
    }
}

/// The pane's lines: `None` for a facet heading, `Some(i)` for entry i.
fn layout(entries: &[FacetEntry]) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    let mut last = None;
    for (i, e) in entries.iter().enumerate() {
        if last != Some(e.facet) {
            out.push(None);
            last = Some(e.facet);
        }
        out.push(Some(i));
    }
    out
}

/// First line shown, so that the cursor stays in view.
fn offset(lines: &[Option<usize>], cursor: usize, height: usize) -> usize {
    let at = lines.iter().position(|l| *l == Some(cursor)).unwrap_or(0);
    at.saturating_sub(height.saturating_sub(1))
        .min(lines.len().saturating_sub(height))
}

/// Draws the pane; where its cursor row is when it has the keyboard.
pub fn draw(
    frame: &mut Frame,
    area: Rect,
    pane: &FilterPane,
    th: &Theme,
    focused: bool,
) -> Option<(u16, u16)> {
    let active = pane.entries.iter().filter(|e| e.active).count();
    let title = if active > 0 {
        format!("Filter — {active} on")
    } else {
        "Filter".to_string()
    };
    let block = pane_block(th, focused, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return None;
    }
    let from = DrawnFrom {
        counted: pane.counted,
        cursor: pane.cursor,
        focused,
        inner,
        theme: th.clone(),
    };
    let drawn = pane.drawn.from(from, || lines(pane, th, inner, focused));
    frame.render_widget(super::widgets::Lines(&drawn.0), inner);
    drawn.1
}

/// The lines on screen, and where the cursor row is when the pane has
/// the keyboard.
fn lines(pane: &FilterPane, th: &Theme, inner: Rect, focused: bool) -> Drawn {
    let lines = layout(&pane.entries);
    let height = inner.height as usize;
    let width = inner.width as usize;
    let start = offset(&lines, pane.cursor, height);
    let mut shown = Vec::new();
    let mut cursor_at = None;
    for (n, line) in lines.iter().enumerate().skip(start).take(height) {
        match line {
            None => {
                // A heading is named by the facet of the entry that follows it.
                let facet = lines[n..]
                    .iter()
                    .find_map(|l| l.map(|i| pane.entries[i].facet))
                    .unwrap_or(Facet::Year);
                shown.push(Line::styled(facet_title(facet).to_string(), th.year_heading));
            }
            Some(i) => {
                let e = &pane.entries[*i];
                let mark = if e.active { "[x]" } else { "[ ]" };
                let count = e.count.to_string();
                let cursor = focused && *i == pane.cursor;
                if cursor {
                    cursor_at = Some((inner.x, inner.y + (n - start) as u16));
                }
                let lead = format!("{}{mark} ", if cursor { "▶" } else { " " });
                let room = width.saturating_sub(lead.columns() + count.columns() + 1);
                let label = match &e.short {
                    Some(short) if e.label.columns() > room => fit(&format!("{short} — {}", e.label), room),
                    _ => fit(&e.label, room),
                };
                let gap =
                    " ".repeat(width.saturating_sub(lead.columns() + label.columns() + count.columns()));
                let style = if cursor {
                    th.selected
                } else if e.active {
                    th.active_value
                } else if e.count == 0 {
                    th.dim
                } else {
                    th.base
                };
                shown.push(Line::from(vec![Span::styled(
                    format!("{lead}{label}{gap}{count}"),
                    style,
                )]));
            }
        }
    }
    (shown, cursor_at)
}
