//! One line of text being typed at a prompt (search, query, year, the
//! actor and kind pickers), edited as a shell edits its line: a caret
//! moved by character or to either end, erasing before or at the caret,
//! the word before it, or up to either end; and earlier lines of the
//! session called back one by one. Every prompt holds one of these.

use super::input::Action;
use unicode_width::UnicodeWidthChar;

/// An edit the line editor makes, whichever key asked for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Left,
    Right,
    Start,
    End,
    /// The character before the caret (Backspace).
    EraseBack,
    /// The character at the caret (Delete).
    EraseForward,
    /// The word before the caret and the spaces after it (Ctrl-W).
    EraseWord,
    /// Everything before the caret (Ctrl-U).
    EraseToStart,
    /// Everything from the caret on (Ctrl-K).
    EraseToEnd,
}

impl Edit {
    /// The edit an action asks of an open prompt, if it is one.
    pub fn of(action: Action) -> Option<Edit> {
        Some(match action {
            Action::CaretLeft => Edit::Left,
            Action::CaretRight => Edit::Right,
            Action::CaretStart => Edit::Start,
            Action::CaretEnd => Edit::End,
            Action::Erase => Edit::EraseBack,
            Action::EraseForward => Edit::EraseForward,
            Action::EraseWord => Edit::EraseWord,
            Action::EraseToStart => Edit::EraseToStart,
            Action::EraseToEnd => Edit::EraseToEnd,
            _ => return None,
        })
    }
}

/// A prompt's line: its text, the caret, the most characters it takes and
/// which; and, while an earlier line is called back, which one and the
/// line that was being typed before.
#[derive(Debug, Clone)]
pub struct LineEditor {
    text: String,
    /// The caret, counted in characters from the start (0 ..= the count).
    caret: usize,
    limit: usize,
    accepts: fn(char) -> bool,
    /// Which line of the history is shown, counted from the oldest.
    recalled: Option<usize>,
    /// The line being typed when the history was first called on.
    draft: String,
}

fn any(_: char) -> bool {
    true
}

/// Two lines are the same when they show the same text with the caret in
/// the same place, however each came to be.
impl PartialEq for LineEditor {
    fn eq(&self, other: &Self) -> bool {
        self.text == other.text && self.caret == other.caret
    }
}

impl Eq for LineEditor {}

impl PartialEq<&str> for LineEditor {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

/// A line holding this text, the caret at its end.
impl From<&str> for LineEditor {
    fn from(text: &str) -> LineEditor {
        LineEditor::new(usize::MAX).with_text(text)
    }
}

impl LineEditor {
    /// An empty line taking up to `limit` characters of any kind.
    pub fn new(limit: usize) -> LineEditor {
        LineEditor {
            text: String::new(),
            caret: 0,
            limit,
            accepts: any,
            recalled: None,
            draft: String::new(),
        }
    }

    /// Only characters for which `accepts` holds are typed or pasted.
    pub fn accepting(mut self, accepts: fn(char) -> bool) -> LineEditor {
        self.accepts = accepts;
        self
    }

    /// This text in place of the line's, the caret at its end.
    pub fn with_text(mut self, text: &str) -> LineEditor {
        self.set(text);
        self
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    /// Where the caret is, in characters from the start.
    pub fn caret(&self) -> usize {
        self.caret
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// The byte offset of the character at `at`.
    fn byte(&self, at: usize) -> usize {
        self.text
            .char_indices()
            .nth(at)
            .map_or(self.text.len(), |(i, _)| i)
    }

    fn set(&mut self, text: &str) {
        self.text = text.chars().take(self.limit).collect();
        self.caret = self.len();
    }

    /// Types a character (or pasted text) at the caret, up to the limit; a
    /// control character is typed as its visible escape (`^[`). False when
    /// nothing was typed.
    pub fn insert(&mut self, typed: &str) -> bool {
        let mut changed = false;
        for c in typed.chars().filter(|&c| (self.accepts)(c)) {
            let shown = crate::text::sanitize_line(c.encode_utf8(&mut [0; 4])).into_owned();
            let n = shown.chars().count();
            if self.len() + n > self.limit {
                break;
            }
            let at = self.byte(self.caret);
            self.text.insert_str(at, &shown);
            self.caret += n;
            changed = true;
        }
        changed
    }

    /// Makes an edit; true when the text changed (not only the caret).
    pub fn edit(&mut self, edit: Edit) -> bool {
        let len = self.len();
        let (from, to) = match edit {
            Edit::Left => {
                self.caret = self.caret.saturating_sub(1);
                return false;
            }
            Edit::Right => {
                self.caret = (self.caret + 1).min(len);
                return false;
            }
            Edit::Start => {
                self.caret = 0;
                return false;
            }
            Edit::End => {
                self.caret = len;
                return false;
            }
            Edit::EraseBack => (self.caret.saturating_sub(1), self.caret),
            Edit::EraseForward => (self.caret, (self.caret + 1).min(len)),
            Edit::EraseWord => (self.word_start(), self.caret),
            Edit::EraseToStart => (0, self.caret),
            Edit::EraseToEnd => (self.caret, len),
        };
        if from == to {
            return false;
        }
        let (a, b) = (self.byte(from), self.byte(to));
        self.text.replace_range(a..b, "");
        self.caret = from;
        true
    }

    /// Where the word before the caret starts, spaces after it included,
    /// as a shell's Ctrl-W counts a word: up to the previous space.
    fn word_start(&self) -> usize {
        let before: Vec<char> = self.text.chars().take(self.caret).collect();
        let mut at = before.len();
        while at > 0 && before[at - 1].is_whitespace() {
            at -= 1;
        }
        while at > 0 && !before[at - 1].is_whitespace() {
            at -= 1;
        }
        at
    }

    /// Calls back the line before (`older`) or after the one shown from
    /// `history` (oldest first), passing over lines the same as the one
    /// shown; after the newest comes the line that was being typed. True
    /// when the text changed.
    pub fn recall(&mut self, history: &History, older: bool) -> bool {
        let lines = &history.lines;
        let from = self.recalled.unwrap_or(lines.len());
        let next = if older {
            (0..from).rev().find(|&i| lines[i] != self.text)
        } else {
            (from + 1..lines.len()).find(|&i| lines[i] != self.text)
        };
        let text = match next {
            Some(i) => {
                if self.recalled.is_none() {
                    self.draft = self.text.clone();
                }
                self.recalled = Some(i);
                lines[i].clone()
            }
            None if !older && self.recalled.is_some() => {
                self.recalled = None;
                std::mem::take(&mut self.draft)
            }
            None => return false,
        };
        let changed = text != self.text;
        self.set(&text);
        changed
    }

    /// What fits in `room` columns, the caret in view: the line, cut with
    /// `…` at either end when it is longer, and the column of the caret in
    /// what is shown. A caret at the end takes a column of its own.
    pub fn window(&self, room: usize) -> (String, usize) {
        let chars: Vec<char> = self.text.chars().collect();
        let w = |c: &char| c.width().unwrap_or(0);
        let width = |s: &[char]| s.iter().map(w).sum::<usize>();
        if room == 0 {
            return (String::new(), 0);
        }
        if width(&chars) < room {
            return (self.text.clone(), width(&chars[..self.caret]));
        }
        let n = chars.len();
        // The caret takes the column of the character under it, or one of
        // its own after the end; `…` takes one where the line is cut.
        let after_end = usize::from(self.caret == n);
        let cut = |end: usize| usize::from(end < n);
        let mut end = (self.caret + 1).min(n);
        // As much before the caret as fits...
        let mut start = self.caret;
        while start > 0 {
            let lead = usize::from(start > 1);
            if lead + width(&chars[start - 1..end]) + cut(end) + after_end > room {
                break;
            }
            start -= 1;
        }
        let lead = usize::from(start > 0);
        // ...then as much after it.
        while end < n {
            if lead + width(&chars[start..=end]) + cut(end + 1) + after_end > room {
                break;
            }
            end += 1;
        }
        let mut shown = String::new();
        if lead == 1 {
            shown.push('…');
        }
        shown.extend(&chars[start..end]);
        if end < chars.len() {
            shown.push('…');
        }
        (shown, lead + width(&chars[start..self.caret]))
    }
}

/// The lines kept at a prompt in this session, oldest first.
#[derive(Debug, Clone, Default)]
pub struct History {
    lines: Vec<String>,
}

/// How many lines a prompt's history keeps.
const KEPT: usize = 100;

impl History {
    /// Keeps a line (not an empty one, nor the newest again).
    pub fn keep(&mut self, line: &str) {
        let line = line.trim();
        if line.is_empty() || self.lines.last().is_some_and(|l| l == line) {
            return;
        }
        if self.lines.len() == KEPT {
            self.lines.remove(0);
        }
        self.lines.push(line.to_string());
    }
}

/// The histories of the prompts that keep one.
#[derive(Debug, Clone, Default)]
pub struct Histories {
    /// Search words kept with Enter.
    pub search: History,
    /// Query text applied with Enter.
    pub query: History,
    /// Words found in the help, a chart or the glossary.
    pub find: History,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, caret: usize) -> LineEditor {
        let mut l = LineEditor::new(40).with_text(text);
        l.caret = caret;
        l
    }

    #[test]
    fn edits_at_the_caret() {
        let mut l = line("kind:law year:2022", 8);
        assert!(l.insert("s"));
        assert_eq!(l.as_str(), "kind:laws year:2022");
        assert!(l.edit(Edit::EraseBack));
        assert!(l.edit(Edit::EraseForward));
        assert_eq!((l.as_str(), l.caret()), ("kind:lawyear:2022", 8));
        assert!(!l.edit(Edit::Start));
        assert!(!l.edit(Edit::EraseBack), "nothing before the start");
        l.edit(Edit::End);
        assert!(!l.edit(Edit::EraseForward), "nothing after the end");
        assert_eq!(l.caret(), 17);
    }

    #[test]
    fn erases_a_word_or_to_either_end() {
        let mut l = line("actor:hun  year:2022 ", 21);
        assert!(l.edit(Edit::EraseWord));
        assert_eq!(l.as_str(), "actor:hun  ");
        assert!(l.edit(Edit::EraseWord));
        assert_eq!(l.as_str(), "");
        let mut l = line("kind:law year:2022", 9);
        assert!(l.edit(Edit::EraseToEnd));
        assert_eq!(l.as_str(), "kind:law ");
        l.edit(Edit::Left);
        assert!(l.edit(Edit::EraseToStart));
        assert_eq!((l.as_str(), l.caret()), (" ", 0));
    }

    #[test]
    fn counts_characters_not_bytes() {
        let mut l = line("Phnom Penh—ភ្នំពេញ", 10);
        l.edit(Edit::Right);
        assert!(l.edit(Edit::EraseBack), "the dash");
        assert_eq!(l.as_str(), "Phnom Penhភ្នំពេញ");
        assert!(l.insert(" "));
        assert_eq!(l.as_str(), "Phnom Penh ភ្នំពេញ");
    }

    #[test]
    fn keeps_to_its_limit_and_its_characters() {
        let mut years = LineEditor::new(10).accepting(|c| c.is_ascii_digit() || c == '.');
        assert!(years.insert("2019 to 2022..2023"));
        assert_eq!(years.as_str(), "20192022..");
        assert!(!years.insert("1"));
        let mut l = LineEditor::new(12);
        l.insert("\u{1b}]0;x\u{7}");
        assert_eq!(l.as_str(), "^[]0;x^G");
    }

    #[test]
    fn calls_back_earlier_lines_then_the_one_being_typed() {
        let mut h = History::default();
        for q in ["kind:law", "year:2022", "year:2022", "  ", "actor:hun-sen"] {
            h.keep(q);
        }
        assert_eq!(h.lines, ["kind:law", "year:2022", "actor:hun-sen"]);
        let mut l = LineEditor::new(40).with_text("actor:hun-sen");
        assert!(l.recall(&h, true), "the line shown is passed over");
        assert_eq!(l.as_str(), "year:2022");
        assert!(l.recall(&h, false));
        assert_eq!(l.as_str(), "actor:hun-sen");
        let mut l = LineEditor::new(40).with_text("draft");
        assert!(l.recall(&h, true));
        assert_eq!(l.as_str(), "actor:hun-sen");
        assert!(l.recall(&h, true));
        assert_eq!(l.as_str(), "year:2022");
        assert!(l.recall(&h, true));
        assert_eq!(l.as_str(), "kind:law");
        assert!(!l.recall(&h, true), "the oldest stays");
        assert!(l.recall(&h, false));
        assert!(l.recall(&h, false));
        assert_eq!(l.as_str(), "actor:hun-sen");
        assert!(l.recall(&h, false));
        assert_eq!((l.as_str(), l.caret()), ("draft", 5), "the draft");
        assert!(!l.recall(&h, false));
    }

    #[test]
    fn shows_the_caret_in_a_window_of_a_long_line() {
        let l = line("kind:law year:2022", 18);
        assert_eq!(l.window(30), ("kind:law year:2022".into(), 18));
        assert_eq!(l.window(10), ("…ear:2022".into(), 9));
        let l = line("kind:law year:2022", 0);
        assert_eq!(l.window(10), ("kind:law …".into(), 0));
        let l = line("kind:law year:2022", 9);
        assert_eq!(l.window(10), ("…nd:law y…".into(), 8));
        assert_eq!(l.window(0), (String::new(), 0));
    }
}
