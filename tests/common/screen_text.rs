//! Reading text back off a terminal emulator's screen the way a reader
//! sees it (vt100 lays text out a character at a time, as xterm and tmux do).

/// The paragraph on the screen that begins with `start` and ends at the
/// first `last`: read down the rows from the column it begins at, each
/// row's piece up to the pane's border, trailing blanks left off, joined
/// with spaces. A blank row ends a paragraph. None if no paragraph on the
/// screen begins with `start` and reaches `last`.
pub fn wrapped_text(screen: &vt100::Screen, start: &str, last: char) -> Option<String> {
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    let first = start.chars().next()?;
    let piece = |text: &str| -> String {
        let inside = text.split(['│', '┃']).next().unwrap_or_default();
        inside.trim().to_string()
    };
    for row in 0..rows {
        for col in 0..cols {
            if !screen
                .cell(row, col)
                .is_some_and(|c| c.contents().starts_with(first))
            {
                continue;
            }
            let below: Vec<String> = screen.rows(col, cols - col).skip(usize::from(row)).collect();
            if !below[0].starts_with(start) {
                continue;
            }
            let mut pieces = Vec::new();
            for text in &below {
                let p = piece(text);
                if p.is_empty() {
                    break;
                }
                if let Some(at) = p.find(last) {
                    // A wide pane may go on past the paragraph's end.
                    pieces.push(p[..at + last.len_utf8()].to_string());
                    return Some(pieces.join(" "));
                }
                pieces.push(p);
            }
        }
    }
    None
}

/// Text with its spaces left out: wrapping breaks a line at a space, or
/// between two clusters of a word too long for the line.
pub fn unspaced(text: &str) -> String {
    text.chars().filter(|c| *c != ' ').collect()
}
