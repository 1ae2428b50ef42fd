//! The timeline pane: events under year headings, only the rows on screen built.

use super::widgets::{fit, pane_block, View};
use crate::text::width::Columns;
use crate::timeline::model::Timeline;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui::Frame;

/// One line of the timeline pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Year(i32),
    /// Index into the visible events.
    Event(usize),
}

/// The list of events under year headings, its cursor and scroll.
#[derive(Debug, Clone, Default)]
pub struct TimelinePane {
    pub rows: Vec<Row>,
    /// For each visible event, its row in `rows`.
    row_of: Vec<usize>,
    /// Index into the visible events of the selected one.
    pub selected: usize,
    /// First row on screen.
    pub offset: usize,
    /// The widest date of the list written in full, and written short: the
    /// date column keeps one width for the whole list, set on each rebuild.
    full_date_w: usize,
    short_date_w: usize,
    /// Title prefixes (before ": ") shared by several listed events, such
    /// as "US TIP report": dropped when a title does not fit.
    series: Vec<String>,
    /// What laying out any list of the timeline's events needs, measured once.
    measures: Option<std::sync::Arc<Measures>>,
    /// How many times the list was laid out: rows drawn from an older
    /// layout are not drawn again.
    laid_out: u64,
    drawn: std::cell::RefCell<Option<Drawn>>,
}

/// The rows last drawn, from the first on screen, each with whether it
/// was drawn selected: a move draws again only the row it leaves and the
/// row it reaches.
#[derive(Debug, Clone)]
struct Drawn {
    laid_out: u64,
    width: usize,
    date_width: usize,
    words: Vec<String>,
    theme: crate::app::theme::Theme,
    offset: usize,
    rows: Vec<(bool, Line<'static>)>,
}

/// Each event's date widths and series prefix, measured once per timeline:
/// a result of a million events is then laid out in milliseconds, without
/// writing a million dates again on the thread that reads keys.
#[derive(Debug, Default)]
struct Measures {
    /// Which timeline: its number of events and where they are.
    of: (usize, usize),
    full_w: Vec<u8>,
    short_w: Vec<u8>,
    /// Index into `heads`, or `u32::MAX` for a title with no prefix.
    series: Vec<u32>,
    heads: Vec<String>,
}

impl Measures {
    fn of(t: &Timeline) -> (usize, usize) {
        (t.events.len(), t.events.as_ptr() as usize)
    }

    fn new(t: &Timeline) -> Measures {
        let n = t.events.len();
        let mut m = Measures {
            of: Measures::of(t),
            full_w: Vec::with_capacity(n),
            short_w: Vec::with_capacity(n),
            series: Vec::with_capacity(n),
            heads: Vec::new(),
        };
        let mut ids: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        let narrow = |w: usize| w.min(u8::MAX as usize) as u8;
        // Who said it stays with what was said: a prefix that names an actor
        // ("Sar Kheng: ...") is the claimant, never a series to drop.
        let named: std::collections::HashSet<String> = t
            .actors
            .iter()
            .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
            .map(|n| crate::text::fold(n))
            .collect();
        for e in &t.events {
            m.full_w.push(narrow(e.date_text().columns()));
            m.short_w.push(narrow(short_date(e).columns()));
            let series = split_series(&e.title).filter(|(head, _)| !named.contains(&crate::text::fold(head)));
            m.series.push(match series {
                Some((head, _)) => *ids.entry(head).or_insert_with(|| {
                    m.heads.push(head.to_string());
                    (m.heads.len() - 1) as u32
                }),
                None => u32::MAX,
            });
        }
        m
    }
}

/// A title's series prefix and the rest: "US TIP report: Cambodia on Tier 2".
fn split_series(title: &str) -> Option<(&str, &str)> {
    let (head, rest) = title.split_once(": ")?;
    (!head.is_empty() && head.chars().count() <= 24 && !rest.is_empty()).then_some((head, rest))
}

/// How many events must share a prefix for it to count as a series.
const SERIES_FROM: usize = 3;

/// The dates written short for a narrow list, no surer than they are
/// written in full: "18 Aug–29 Sep?", "c. 2006".
fn short_date(e: &crate::timeline::model::Event) -> String {
    use crate::timeline::dating::Certainty;
    let short = crate::timeline::date::PartialDate::compact_range(&e.date, e.end.as_ref());
    match e.dating.certainty() {
        Certainty::Uncertain if !e.dating.one_of.is_empty() => e.date_text(),
        Certainty::Uncertain => format!("{short}?"),
        Certainty::Approximate => format!("c. {short}"),
        _ => short,
    }
}

impl TimelinePane {
    /// Lays the visible events out under their year headings.
    pub fn rebuild(&mut self, t: &Timeline, visible: &[usize]) {
        if self.measures.as_ref().is_none_or(|m| m.of != Measures::of(t)) {
            self.measures = Some(std::sync::Arc::new(Measures::new(t)));
        }
        let m = self.measures.clone().unwrap_or_default();
        self.laid_out += 1;
        self.rows.clear();
        self.row_of.clear();
        self.rows.reserve(visible.len() + 64);
        self.row_of.reserve(visible.len());
        let (mut full_w, mut short_w) = (0u8, 0u8);
        let mut shared = vec![0u32; m.heads.len()];
        let mut year = None;
        for (i, &p) in visible.iter().enumerate() {
            full_w = full_w.max(m.full_w[p]);
            short_w = short_w.max(m.short_w[p]);
            if let Some(n) = shared.get_mut(m.series[p] as usize) {
                *n += 1;
            }
            let y = t.event_years(p).0;
            if year != Some(y) {
                self.rows.push(Row::Year(y));
                year = Some(y);
            }
            self.row_of.push(self.rows.len());
            self.rows.push(Row::Event(i));
        }
        (self.full_date_w, self.short_date_w) = (full_w.into(), short_w.into());
        self.series = m
            .heads
            .iter()
            .zip(&shared)
            .filter(|&(_, &n)| n as usize >= SERIES_FROM)
            .map(|(head, _)| head.clone())
            .collect();
    }

    /// The date column's width for a pane `width` wide: the full dates if
    /// the widest fits in a quarter of it, else the short forms (under
    /// their year headings); the same for every row of the list.
    pub fn date_width(&self, width: usize) -> usize {
        let cap = width / 4;
        if self.full_date_w <= cap {
            self.full_date_w.max(4)
        } else {
            self.short_date_w.clamp(4, cap.max(4))
        }
    }

    /// The title as listed in `room` columns: whole if it fits, else
    /// without its series prefix (the kind's marker tells the series).
    pub fn listed_title<'a>(&self, title: &'a str, room: usize) -> &'a str {
        if title.columns() <= room {
            return title;
        }
        match split_series(title) {
            Some((head, rest)) if self.series.iter().any(|s| s == head) => rest,
            _ => title,
        }
    }

    /// The row of the selected event.
    pub fn selected_row(&self) -> Option<usize> {
        self.row_of.get(self.selected).copied()
    }

    /// Scrolls as little as needed to show the selection in `height` rows.
    pub fn keep_selection_in_view(&mut self, height: usize) {
        let Some(row) = self.selected_row() else {
            self.offset = 0;
            return;
        };
        // Keep the year heading above the first event of a year in view.
        let top = if row > 0 && matches!(self.rows[row - 1], Row::Year(_)) {
            row - 1
        } else {
            row
        };
        if top < self.offset {
            self.offset = top;
        } else if row >= self.offset + height {
            self.offset = row + 1 - height;
        }
        let max_offset = self.rows.len().saturating_sub(height);
        self.offset = self.offset.min(max_offset);
    }
}

/// Splits text into spans, marking where any folded word occurs. Folding
/// is done a character at a time so marks land on the original text.
pub fn highlighted(text: &str, words: &[String], base: Style, mark: Style) -> Vec<Span<'static>> {
    if words.is_empty() || text.is_empty() {
        return vec![Span::styled(text.to_string(), base)];
    }
    if text.is_ascii() {
        // Most text: folding is lowercasing, one byte for one character.
        let folded = text.to_ascii_lowercase();
        let mut marked = vec![false; text.len()];
        for w in words {
            for (start, m) in folded.match_indices(w.as_str()) {
                marked[start..start + m.len()].fill(true);
            }
        }
        return runs(text, &marked, |i| i, base, mark);
    }
    let mut folded = String::with_capacity(text.len());
    // For each byte of `folded`, the char index in `text` it came from.
    let mut origin = Vec::with_capacity(text.len());
    // Where each char starts in `text`, and where the text ends.
    let mut starts: Vec<usize> = Vec::with_capacity(text.len() + 1);
    // Which chars fold to nothing (combining marks): they keep the mark of
    // the char before them, so a letter and its accents stay one span and
    // the accent is not drawn alone (where it would vanish).
    let mut vanished: Vec<bool> = Vec::with_capacity(text.len());
    let mut one = [0u8; 4];
    for (i, (at, c)) in text.char_indices().enumerate() {
        let before = folded.len();
        crate::text::fold_into(&mut folded, c.encode_utf8(&mut one));
        origin.extend(std::iter::repeat_n(i, folded.len() - before));
        starts.push(at);
        vanished.push(folded.len() == before);
    }
    let chars = starts.len();
    starts.push(text.len());
    let mut marked = vec![false; chars];
    for w in words {
        for (start, m) in folded.match_indices(w.as_str()) {
            if let (Some(&a), Some(&b)) = (origin.get(start), origin.get(start + m.len() - 1)) {
                marked[a..=b].iter_mut().for_each(|x| *x = true);
            }
        }
    }
    for i in 1..chars {
        if vanished[i] {
            marked[i] = marked[i - 1];
        }
    }
    runs(text, &marked, |i| starts[i], base, mark)
}

/// Spans of text for runs of marked and unmarked characters; `start` gives
/// where a character (or the end, at the count of characters) starts.
fn runs(
    text: &str,
    marked: &[bool],
    start: impl Fn(usize) -> usize,
    base: Style,
    mark: Style,
) -> Vec<Span<'static>> {
    let chars = marked.len();
    let mut spans = Vec::new();
    let mut run_start = 0;
    for i in 1..=chars {
        if i == chars || marked[i] != marked[run_start] {
            let style = if marked[run_start] { mark } else { base };
            spans.push(Span::styled(text[start(run_start)..start(i)].to_string(), style));
            run_start = i;
        }
    }
    spans
}

pub fn draw(frame: &mut Frame, area: Rect, pane: &TimelinePane, v: &View, focused: bool) {
    let title = format!(
        "Timeline — {} of {} events",
        v.visible.len(),
        v.timeline.events.len()
    );
    let block = pane_block(v.theme, focused, title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let theme = v.theme;
    if v.visible.is_empty() {
        let msg = if v.timeline.events.is_empty() {
            "No events in the data.".to_string()
        } else {
            let clear = v.keymap.key_for(crate::app::input::Action::ClearFilters);
            format!("No event matches the filter. Press {clear} to clear it, or Esc to leave a prompt.")
        };
        frame.render_widget(
            Paragraph::new(msg)
                .style(theme.dim)
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let height = inner.height as usize;
    let offset = pane.offset.min(pane.rows.len().saturating_sub(1));
    let shown = &pane.rows[offset..(offset + height).min(pane.rows.len())];
    // One date column width for the whole list, so titles never shift
    // sideways while scrolling; a date too wide for it is written shorter,
    // under its year heading.
    let date_width = pane.date_width(inner.width as usize);
    let date_of = |e: &crate::timeline::model::Event| {
        let full = e.date_text();
        if full.columns() <= date_width {
            full
        } else {
            short_date(e)
        }
    };
    let words = v.highlights;
    let width = inner.width as usize;
    let mut kept = pane.drawn.borrow_mut();
    let mut old = kept.take().filter(|d| {
        d.laid_out == pane.laid_out
            && d.width == width
            && d.date_width == date_width
            && d.words == words
            && d.theme == *theme
    });
    let mut take_old = |row: usize, selected: bool| {
        let d = old.as_mut()?;
        let (was, line) = d.rows.get_mut(row.checked_sub(d.offset)?)?;
        (*was == selected).then(|| std::mem::take(line))
    };
    let rows: Vec<(bool, Line<'static>)> = shown
        .iter()
        .enumerate()
        .map(|(k, row)| {
            let selected = matches!(row, Row::Event(i) if *i == pane.selected);
            let line = take_old(offset + k, selected).unwrap_or_else(|| match row {
                Row::Year(y) => {
                    let label = format!("{y} ");
                    let rule = "─".repeat(width.saturating_sub(label.columns()));
                    Line::from(vec![
                        Span::styled(label, theme.year_heading),
                        Span::styled(rule, theme.dim),
                    ])
                }
                Row::Event(i) => {
                    let e = &v.timeline.events[v.visible[*i]];
                    let selected = *i == pane.selected;
                    let date = fit(&date_of(e), date_width);
                    let pad = " ".repeat(date_width.saturating_sub(date.columns()));
                    let lead = format!(
                        "{} {date}{pad} {} ",
                        if selected { "▶" } else { " " },
                        e.kind.marker()
                    );
                    let room = width.saturating_sub(lead.columns());
                    let title = fit(pane.listed_title(&e.title, room), room);
                    let base = if selected { theme.selected } else { theme.base };
                    let mark = if selected {
                        theme.selected.patch(theme.highlight)
                    } else {
                        theme.highlight
                    };
                    let mut spans = vec![Span::styled(
                        lead,
                        if selected { theme.selected } else { theme.dim },
                    )];
                    spans.extend(highlighted(&title, words, base, mark));
                    let used: usize = spans.iter().map(|s| s.content.columns()).sum();
                    if selected && used < width {
                        // Reverse video across the whole row, so the selection reads at a glance.
                        spans.push(Span::styled(" ".repeat(width - used), theme.selected));
                    }
                    Line::from(spans)
                }
            });
            (selected, line)
        })
        .collect();
    frame.render_widget(super::widgets::Lines(rows.iter().map(|(_, l)| l)), inner);
    *kept = Some(Drawn {
        laid_out: pane.laid_out,
        width,
        date_width,
        words: words.to_vec(),
        theme: theme.clone(),
        offset,
        rows,
    });
}

#[cfg(test)]
mod tests {
    use super::highlighted;
    use ratatui::style::{Color, Style};

    fn runs(text: &str, words: &[&str]) -> Vec<(String, bool)> {
        let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
        let mark = Style::new().fg(Color::Yellow);
        highlighted(text, &words, Style::new(), mark)
            .into_iter()
            .map(|s| (s.content.into_owned(), s.style == mark))
            .collect()
    }

    #[test]
    fn folded_matches_mark_the_original_characters() {
        assert_eq!(
            runs("Sár KHENG met Sar Kheng", &["sar"]),
            [
                ("Sár".into(), true),
                (" KHENG met ".into(), false),
                ("Sar".into(), true),
                (" Kheng".into(), false)
            ]
        );
        // A decomposed accent stays with its letter; Khmer is matched as is.
        assert_eq!(
            runs("cafe\u{301} ហ៊ុន", &["cafe", "ហន"]),
            [
                ("cafe\u{301}".into(), true),
                (" ".into(), false),
                ("ហ៊ុន".into(), true)
            ]
        );
        assert_eq!(runs("no match", &["xyz"]), [("no match".into(), false)]);
        assert_eq!(runs("ab", &[]), [("ab".into(), false)]);
    }

    #[test]
    fn plain_ascii_text_marks_each_word_whatever_its_case() {
        assert_eq!(
            runs("Court: the COURT-ordered courts", &["court", "ordered"]),
            [
                ("Court".into(), true),
                (": the ".into(), false),
                ("COURT".into(), true),
                ("-".into(), false),
                ("ordered".into(), true),
                (" ".into(), false),
                ("court".into(), true),
                ("s".into(), false)
            ]
        );
        // Matches of two words that touch make one marked run.
        assert_eq!(
            runs("antitrafficking law", &["anti", "trafficking"]),
            [("antitrafficking".into(), true), (" law".into(), false)]
        );
    }
}
