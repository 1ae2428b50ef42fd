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
    narrow_date_w: usize,
    /// Title prefixes (before ": ") shared by several listed events, such
    /// as "US TIP report", each with the widest of their titles: a series
    /// keeps its prefix on every row when all its titles fit, and drops it
    /// from every row when one does not.
    series: Vec<(String, usize)>,
    /// How many lines the selected event's title goes on to below its row
    /// (set for the pane's width by the app, so scrolling keeps them in
    /// view and clicks below them land on the row they point at).
    pub continued: usize,
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
    narrow_w: Vec<u8>,
    title_w: Vec<u16>,
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
            narrow_w: Vec::with_capacity(n),
            title_w: Vec::with_capacity(n),
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
            m.narrow_w.push(narrow(narrow_date(e).columns()));
            m.title_w.push(e.title.columns().min(u16::MAX as usize) as u16);
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

/// The most lines a selected title goes on to below its row.
const CONTINUED_MOST: usize = 2;

/// How many events must share a prefix for it to count as a series.
const SERIES_FROM: usize = 3;

/// The date written short for a narrow list, under its year heading, no
/// surer than it is written in full: "18 Aug–29 Sep?", "c. 2006", "8 Nov?",
/// "21 or 22 Nov", "from 3 Mar".
fn short_date(e: &crate::timeline::model::Event) -> String {
    if !e.dating.one_of.is_empty() {
        let full = e.date_text();
        let year = format!(" {}", e.date.year_number());
        return full.strip_suffix(&year).map_or(full.clone(), str::to_string);
    }
    let short = crate::timeline::date::PartialDate::compact_range(&e.date, e.end.as_ref());
    marked(
        e,
        if e.dating.open_end {
            format!("from {short}")
        } else {
            short
        },
    )
}

/// The date to the month, for the narrowest lists: "Aug–Sep?", "Nov?", "Mar–".
fn narrow_date(e: &crate::timeline::model::Event) -> String {
    let months = crate::timeline::date::PartialDate::month_range(&e.date, e.end.as_ref());
    if !e.dating.one_of.is_empty() {
        return format!("{months}?");
    }
    marked(
        e,
        if e.dating.open_end {
            format!("{months}–")
        } else {
            months
        },
    )
}

/// A short date with the marks of how sure it is: `c.` before, `?` after.
fn marked(e: &crate::timeline::model::Event, date: String) -> String {
    use crate::timeline::dating::Certainty;
    match e.dating.certainty() {
        Certainty::Uncertain => format!("{date}?"),
        Certainty::Approximate => format!("c. {date}"),
        _ => date,
    }
}

/// A date in a column `width` wide: in full if it fits, else short, else
/// to the month (cut only if even that is too wide).
fn column_date(e: &crate::timeline::model::Event, width: usize) -> String {
    let full = e.date_text();
    if full.columns() <= width {
        return full;
    }
    let short = short_date(e);
    if short.columns() <= width {
        return short;
    }
    fit(&narrow_date(e), width)
}

/// Text cut to `room` columns at a space where one is near the end, with
/// an ellipsis: "1996 law on the suppression of…".
fn fit_words(text: &str, room: usize) -> String {
    if text.columns() <= room {
        return text.to_string();
    }
    let (head, _) = break_at_word(text, room.saturating_sub(1));
    format!("{}…", head.trim_end())
}

/// The longest start of `text` that fits `room` columns, ending at a space
/// where that keeps at least half the room, and the rest.
fn break_at_word(text: &str, room: usize) -> (&str, &str) {
    // Cut between clusters, so a Khmer syllable is never split.
    let end = crate::text::width::head(text, room).0.len();
    if end == text.len() {
        return (text, "");
    }
    if text[end..].starts_with(' ') {
        return (&text[..end], text[end..].trim_start());
    }
    match text[..end].rfind(' ') {
        Some(at) if text[..at].columns() * 2 >= room => (&text[..at], text[at..].trim_start()),
        _ => (&text[..end], &text[end..]),
    }
}

/// The first letter of a title made a capital, where a dropped prefix
/// left it starting in lower case.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
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
        let (mut full_w, mut short_w, mut narrow_w) = (0u8, 0u8, 0u8);
        let mut shared = vec![(0u32, 0u16); m.heads.len()];
        let mut year = None;
        for (i, &p) in visible.iter().enumerate() {
            full_w = full_w.max(m.full_w[p]);
            short_w = short_w.max(m.short_w[p]);
            narrow_w = narrow_w.max(m.narrow_w[p]);
            if let Some((n, widest)) = shared.get_mut(m.series[p] as usize) {
                *n += 1;
                *widest = (*widest).max(m.title_w[p]);
            }
            let y = t.event_years(p).0;
            if year != Some(y) {
                self.rows.push(Row::Year(y));
                year = Some(y);
            }
            self.row_of.push(self.rows.len());
            self.rows.push(Row::Event(i));
        }
        (self.full_date_w, self.short_date_w, self.narrow_date_w) =
            (full_w.into(), short_w.into(), narrow_w.into());
        self.series = m
            .heads
            .iter()
            .zip(&shared)
            .filter(|&(_, &(n, _))| n as usize >= SERIES_FROM)
            .map(|(head, &(_, widest))| (head.clone(), widest as usize))
            .collect();
    }

    /// The date column's width for a pane `width` wide: the full dates if
    /// the widest fits in a quarter of it, else the short forms (under
    /// their year headings) if they fit there, else as wide as the forms
    /// to the month need, up to a third of it; the same for every row.
    pub fn date_width(&self, width: usize) -> usize {
        let cap = width / 4;
        if self.full_date_w <= cap {
            self.full_date_w.max(4)
        } else if self.short_date_w <= cap {
            self.short_date_w.max(4)
        } else {
            self.narrow_date_w.min(width / 3).max(cap).max(4)
        }
    }

    /// The title as listed in `room` columns, by one rule for every row: a
    /// series' prefix ("US TIP report: ") stays on all its rows when all
    /// its titles fit, else it is dropped from all of them (the kind's
    /// marker tells the series) and what is left starts with a capital.
    /// The title is not cut here.
    pub fn listed_title<'a>(&self, title: &'a str, room: usize) -> std::borrow::Cow<'a, str> {
        match split_series(title) {
            Some((head, rest)) if self.series.iter().any(|(s, widest)| s == head && *widest > room) => {
                std::borrow::Cow::Owned(capitalised(rest))
            }
            _ => std::borrow::Cow::Borrowed(title),
        }
    }

    /// The title's room in a row of a pane `width` wide, after the cursor,
    /// the date column and the kind's marker.
    fn title_room(&self, e: &crate::timeline::model::Event, width: usize) -> usize {
        let lead = 2
            + self.date_width(width)
            + 1
            + unicode_width::UnicodeWidthChar::width(e.kind.marker()).unwrap_or(1)
            + 1;
        width.saturating_sub(lead)
    }

    /// The selected event's title on its row and, when it does not fit
    /// there, the rest on up to two lines below, under the title.
    fn selected_title(&self, e: &crate::timeline::model::Event, width: usize) -> (String, Vec<String>) {
        let room = self.title_room(e, width);
        let title = self.listed_title(&e.title, room);
        let (first, mut rest) = break_at_word(&title, room);
        let mut more = Vec::new();
        while !rest.is_empty() && more.len() < CONTINUED_MOST {
            if more.len() + 1 == CONTINUED_MOST {
                more.push(fit_words(rest, room));
                break;
            }
            let (line, after) = break_at_word(rest, room);
            more.push(line.trim_end().to_string());
            rest = after;
        }
        (first.trim_end().to_string(), more)
    }

    /// How many lines the selected event's title goes on to below its row
    /// in a pane `width` wide (inside its frame).
    pub fn continues(&self, t: &Timeline, visible: &[usize], width: usize) -> usize {
        visible
            .get(self.selected)
            .map_or(0, |&p| self.selected_title(&t.events[p], width).1.len())
    }

    /// The row of the selected event.
    pub fn selected_row(&self) -> Option<usize> {
        self.row_of.get(self.selected).copied()
    }

    /// The pane's row at line `line` from the top of its inside: the
    /// selected event's second line is that event's.
    pub fn row_at(&self, line: usize) -> Option<Row> {
        let at = self.offset + line;
        let row = match self.selected_row() {
            Some(s) if at > s && at <= s + self.continued => s,
            Some(s) if at > s => at - self.continued,
            _ => at,
        };
        self.rows.get(row).copied()
    }

    /// Scrolls as little as needed to show the selection in `height` rows,
    /// with its title's second line when it has one.
    pub fn keep_selection_in_view(&mut self, height: usize) {
        let Some(row) = self.selected_row() else {
            self.offset = 0;
            return;
        };
        let below = self.continued.min(height.saturating_sub(1));
        // Keep the year heading above the first event of a year in view.
        let top = if row > 0 && matches!(self.rows[row - 1], Row::Year(_)) {
            row - 1
        } else {
            row
        };
        let max_offset = (self.rows.len() + below).saturating_sub(height);
        if top < self.offset {
            self.offset = top;
        } else if row + below >= self.offset + height {
            self.offset = row + below + 1 - height;
        }
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
                    let date = column_date(e, date_width);
                    let pad = " ".repeat(date_width.saturating_sub(date.columns()));
                    let lead = format!(
                        "{} {date}{pad} {} ",
                        if selected { "▶" } else { " " },
                        e.kind.marker()
                    );
                    let room = pane.title_room(e, width);
                    let title = if selected {
                        pane.selected_title(e, width).0
                    } else {
                        fit_words(&pane.listed_title(&e.title, room), room)
                    };
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
    // The selected event's title goes on below its row when it is cut.
    let rest = v
        .visible
        .get(pane.selected)
        .map_or(vec![], |&p| pane.selected_title(&v.timeline.events[p], width).1);
    let continuation: Vec<Line> = rest
        .iter()
        .map(|rest| {
            let e = &v.timeline.events[v.visible[pane.selected]];
            let indent = " ".repeat(width.saturating_sub(pane.title_room(e, width)));
            let mut spans = vec![Span::styled(indent, theme.selected)];
            spans.extend(highlighted(
                rest,
                words,
                theme.selected,
                theme.selected.patch(theme.highlight),
            ));
            let used: usize = spans.iter().map(|s| s.content.columns()).sum();
            spans.push(Span::styled(
                " ".repeat(width.saturating_sub(used)),
                theme.selected,
            ));
            Line::from(spans)
        })
        .collect();
    let mut lines: Vec<&Line> = Vec::with_capacity(height + continuation.len());
    for (selected, line) in &rows {
        lines.push(line);
        if *selected {
            lines.extend(&continuation);
        }
    }
    lines.truncate(height);
    frame.render_widget(super::widgets::Lines(lines), inner);
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
