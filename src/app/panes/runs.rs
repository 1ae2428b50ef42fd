//! Text the terminal must receive whole: Khmer and any other script whose
//! letters are clusters of characters (a consonant, a subscript consonant
//! after a coeng, vowel signs above, below or after it).
//!
//! ratatui gives each grapheme cluster a cell and measures it with
//! unicode-width, which counts some clusters narrower than terminals lay
//! them out a character at a time (`ឆ្នាំ`: 2 columns there, 3 on xterm
//! and tmux); its diff then moves the cursor back over the cluster's last
//! column, and the next letter is written over a vowel sign. So a stretch
//! of such text is written as one cell holding all of it, counted as wide
//! as a terminal makes it ([`crate::text::width::columns`]), and the cells
//! it covers are marked to be skipped: the terminal receives every
//! character in order, with no cursor movement among them, and the cursor
//! is placed after the stretch before anything else is written.

use crate::text::width::{columns, head, is_cluster};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::style::Style;
use std::num::NonZeroU16;

/// Whether a stretch of graphemes must be written whole: it holds a cluster
/// of more than one character.
pub fn needs_whole(graphemes: &[&str]) -> bool {
    graphemes.iter().any(|g| is_cluster(g))
}

/// Writes `graphemes` whole from cell `*x` of a row, cut between clusters
/// where the row ends, and moves `*x` past them. Returns whether all of
/// them fitted.
pub fn write_whole(cells: &mut [Cell], x: &mut usize, graphemes: &[&str], style: Style) -> bool {
    let text = graphemes.concat();
    let room = cells.len().saturating_sub(*x);
    let (kept, width) = head(&text, room);
    let Some(forced) = NonZeroU16::new(u16::try_from(width).unwrap_or(u16::MAX)) else {
        return kept.len() == text.len();
    };
    let first = &mut cells[*x];
    first.set_symbol(kept).set_style(style);
    // One cluster that unicode-width measures as the terminal does is an
    // ordinary cell (an accented letter): nothing to force.
    if !(graphemes.len() == 1 && kept.cell_width() as usize == width) {
        first.set_diff_option(CellDiffOption::ForcedWidth(forced));
        for covered in &mut cells[*x + 1..*x + width] {
            covered
                .set_symbol("")
                .set_style(style)
                .set_diff_option(CellDiffOption::Skip);
        }
    }
    *x += width;
    kept.len() == text.len()
}

/// A cell covered by text written whole.
fn is_covered(cell: &Cell) -> bool {
    cell.diff_option == CellDiffOption::Skip && cell.symbol().is_empty()
}

/// Makes a drawn frame's whole-written text agree with what was drawn over
/// it: a stretch partly covered later (a popup, a border) is cut back to
/// the clusters still its own, a cell drawn over the stretch's first cell
/// or over a covered cell is written as what it now holds, and covered
/// cells whose stretch is gone are blank. Run once a frame is drawn, so the
/// diff never skips a cell something else drew.
pub fn seal(buf: &mut Buffer) {
    let width = usize::from(buf.area.width);
    if width == 0 {
        return;
    }
    for row in buf.content.chunks_mut(width) {
        let mut x = 0;
        while x < row.len() {
            match row[x].diff_option {
                // Terminal hyperlinks carry their own escape sequences and
                // are made after the text they cover is drawn.
                CellDiffOption::ForcedWidth(w) if !row[x].symbol().starts_with('\x1b') => {
                    let w = usize::from(w.get());
                    let end = (x + w).min(row.len());
                    let own = (x + 1..end).find(|&i| !is_covered(&row[i])).unwrap_or(end);
                    if columns(row[x].symbol()) != w {
                        // Something else was written into the first cell.
                        row[x].set_diff_option(CellDiffOption::None);
                        x += 1;
                        continue;
                    }
                    if own == x + w {
                        x = own;
                        continue;
                    }
                    let text = row[x].symbol().to_string();
                    let (kept, used) = head(&text, own - x);
                    match NonZeroU16::new(used as u16) {
                        Some(used) => {
                            row[x].set_symbol(kept);
                            row[x].set_diff_option(CellDiffOption::ForcedWidth(used));
                        }
                        None => {
                            row[x].set_symbol(" ");
                            row[x].set_diff_option(CellDiffOption::None);
                        }
                    }
                    for cell in &mut row[x + used.max(1)..own] {
                        cell.set_symbol(" ").set_diff_option(CellDiffOption::None);
                    }
                    x = own;
                }
                CellDiffOption::Skip => {
                    // Covered by no stretch (its first cell was drawn
                    // over), or drawn over itself.
                    if row[x].symbol().is_empty() {
                        row[x].set_symbol(" ");
                    }
                    row[x].set_diff_option(CellDiffOption::None);
                    x += 1;
                }
                _ => x += 1,
            }
        }
    }
}

/// The terminal's backend, with each stretch written whole erased first.
/// A terminal that shapes a cluster into fewer columns than its characters
/// take one at a time (some lay out whole graphemes) would otherwise leave
/// what stood in the columns it did not use; ECH (erase characters) blanks
/// the stretch's columns in its colours without moving the cursor, then the
/// text is written over them. Every other call goes to the backend as it is.
pub struct Erasing<B>(pub B);

impl<B: ratatui::backend::Backend> ratatui::backend::Backend for Erasing<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        use std::borrow::Cow;
        let cells: Vec<(u16, u16, Cow<'a, Cell>)> = content
            .map(|(x, y, cell)| match cell.diff_option {
                CellDiffOption::ForcedWidth(w) if !cell.symbol().starts_with('\x1b') => {
                    let mut erased = cell.clone();
                    erased.set_symbol(&format!("\x1b[{w}X{}", cell.symbol()));
                    (x, y, Cow::Owned(erased))
                }
                _ => (x, y, Cow::Borrowed(cell)),
            })
            .collect();
        self.0
            .draw(cells.iter().map(|(x, y, cell)| (*x, *y, cell.as_ref())))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<ratatui::layout::Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<ratatui::layout::Position>>(
        &mut self,
        position: P,
    ) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ratatui::backend::ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<ratatui::layout::Size, Self::Error> {
        self.0.size()
    }

    fn window_size(&mut self) -> Result<ratatui::backend::WindowSize, Self::Error> {
        self.0.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn row_of(text: &[&str], width: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        let mut x = 0;
        write_whole(&mut buf.content, &mut x, text, Style::default());
        buf
    }

    /// `ឆ្នាំ` is one cell three columns wide, followed by two covered
    /// cells, and the diff sends the cluster as one string.
    #[test]
    fn a_cluster_is_one_cell_as_wide_as_the_terminal_makes_it() {
        let buf = row_of(&["ឆ្នាំ", "ក"], 6);
        assert_eq!(buf[(0, 0)].symbol(), "ឆ្នាំក");
        assert_eq!(buf[(0, 0)].cell_width(), 4);
        assert!((1..4).all(|x| is_covered(&buf[(x, 0)])));
        assert_eq!(buf[(4, 0)].symbol(), " ");
        let diff: Vec<(u16, &str)> = Buffer::empty(buf.area)
            .diff(&buf)
            .into_iter()
            .map(|(x, _, c)| (x, c.symbol()))
            .collect();
        assert_eq!(diff, [(0, "ឆ្នាំក")]);
    }

    #[test]
    fn a_stretch_is_cut_between_clusters_at_the_row_end() {
        let buf = row_of(&["ក", "ឆ្នាំ"], 3);
        assert_eq!(buf[(0, 0)].symbol(), "ក");
        assert_eq!(
            buf[(0, 0)].diff_option,
            CellDiffOption::ForcedWidth(NonZeroU16::MIN)
        );
        assert_eq!(buf[(1, 0)].symbol(), " ", "ឆ្នាំ does not fit in two columns");
    }

    #[test]
    fn a_popup_over_part_of_a_stretch_cuts_it_back() {
        let mut buf = row_of(&["ឆ្នាំ", "ក", "ឆ្នាំ"], 8);
        buf[(5, 0)].set_symbol("│");
        seal(&mut buf);
        assert_eq!(buf[(0, 0)].symbol(), "ឆ្នាំក");
        assert_eq!(buf[(0, 0)].cell_width(), 4);
        assert_eq!(buf[(4, 0)].symbol(), " ");
        assert_eq!(buf[(4, 0)].diff_option, CellDiffOption::None);
        assert_eq!(buf[(5, 0)].symbol(), "│");
        assert_eq!(
            buf[(5, 0)].diff_option,
            CellDiffOption::None,
            "the popup is drawn"
        );
        assert_eq!(buf[(6, 0)].symbol(), " ", "what the stretch covered is blank");

        let mut buf = row_of(&["ឆ្នាំ", "ក"], 6);
        buf[(0, 0)].set_symbol("x");
        seal(&mut buf);
        let row: Vec<&str> = (0..6).map(|x| buf[(x, 0)].symbol()).collect();
        assert_eq!(row, ["x", " ", " ", " ", " ", " "]);
        assert!(buf.content.iter().all(|c| c.diff_option == CellDiffOption::None));
    }

    #[test]
    fn a_sealed_whole_stretch_is_left_as_it_is() {
        let mut buf = row_of(&["ឆ្នាំ", "ក"], 6);
        let drawn = buf.clone();
        seal(&mut buf);
        assert_eq!(buf, drawn);
    }

    /// What reaches the terminal for a stretch: its columns erased (the
    /// cursor stays), then its text; other cells as they are.
    #[test]
    fn a_stretch_is_erased_before_it_is_written() {
        use ratatui::backend::{Backend, TestBackend};
        let buf = row_of(&["ឆ្នាំ", "ក"], 6);
        let mut backend = Erasing(TestBackend::new(6, 1));
        let updates = Buffer::empty(buf.area).diff(&buf);
        backend.draw(updates.into_iter()).unwrap();
        assert_eq!(backend.0.buffer()[(0, 0)].symbol(), "\x1b[4Xឆ្នាំក");
    }
}
