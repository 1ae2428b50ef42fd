//! A quiz being taken: the questions `teach::questions::draw` drew, one
//! at a time (an option picked, a year typed, events put in order), each
//! marked once answered, then the score. What a key does to it is here;
//! what it draws and the loop it runs in are in `quizui.rs`.

use super::input::Action;
use super::keymap::{Context, Keymap};
use crate::teach::questions::{right_sides, Asked, Drawn, Question};
use crate::teach::score::{score_line, Response};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizKey {
    Up,
    Down,
    /// Space: pick up or put down the item under the cursor.
    Grab,
    Submit,
    Digit(char),
    Erase,
    /// Pick the n-th option (0 is A).
    Choose(u8),
    /// A page up or down, or to the top or the end, of a marked answer or
    /// the score.
    PageUp,
    PageDown,
    Top,
    Bottom,
    Quit,
}

/// Where the quiz is: a question being answered, a question answered and
/// marked, or the score at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Asking,
    Answered,
    Finished,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuizState {
    pub drawn: Drawn,
    /// The question on screen.
    pub at: usize,
    /// The answers given so far, one for each question answered.
    pub responses: Vec<Response>,
    pub stage: Stage,
    /// An ordering: the items (by index) as the student has put them.
    pub order: Vec<usize>,
    /// The option or item under the cursor.
    pub cursor: usize,
    pub holding: bool,
    /// A year being typed.
    pub typing: String,
    /// A matching: the side chosen for each figure so far.
    pub matched: Vec<usize>,
    /// How far a marked answer or the score is scrolled, in rows.
    pub scroll: usize,
    /// How many rows the last frame drawn could not show: how far ↓ may
    /// scroll. Drawing sets it, as only drawing knows the screen's size.
    pub(super) hidden: std::cell::Cell<usize>,
    /// How many rows of it the last frame showed: a page.
    pub(super) page: std::cell::Cell<usize>,
    pub quit: bool,
    /// The command that prints these questions on paper, which the end
    /// screen shows, quoted for a shell.
    pub paper: String,
    /// Key labels for the instructions, from the key table.
    pub(super) keys: QuizKeys,
}

/// The keys the quiz screen names, as the key table binds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct QuizKeys {
    pub up: String,
    pub down: String,
    pub grab: String,
    pub submit: String,
    pub erase: String,
    pub quit: String,
    /// The keys that pick options A, B, C, D.
    pub choose: Vec<String>,
}

impl QuizKeys {
    fn from(keymap: &Keymap) -> QuizKeys {
        let key = |a| keymap.first_key(Context::Quiz, a);
        QuizKeys {
            up: key(Action::Up),
            down: key(Action::Down),
            grab: key(Action::Grab),
            submit: key(Action::Submit),
            erase: key(Action::Erase),
            quit: key(Action::Quit),
            choose: (0..4).map(|n| key(Action::Choose(n))).collect(),
        }
    }
}

impl QuizState {
    pub fn new(drawn: Drawn) -> Self {
        QuizState::with_keys(drawn, &Keymap::default())
    }

    /// A quiz whose instructions name the keys of this key table. Its
    /// paper command draws from the embedded data's whole timeline until
    /// [`QuizState::with_paper`] says otherwise.
    pub fn with_keys(drawn: Drawn, keymap: &Keymap) -> Self {
        let paper = format!("tipline export quiz {}", drawn.options());
        let mut s = QuizState {
            paper,
            drawn,
            at: 0,
            responses: Vec::new(),
            stage: Stage::Asking,
            order: Vec::new(),
            cursor: 0,
            holding: false,
            typing: String::new(),
            matched: Vec::new(),
            scroll: 0,
            hidden: std::cell::Cell::new(0),
            page: std::cell::Cell::new(1),
            quit: false,
            keys: QuizKeys::from(keymap),
        };
        s.start_question();
        if s.drawn.asked.is_empty() {
            s.stage = Stage::Finished;
        }
        s
    }

    /// The command that prints the same questions on paper: what the quiz
    /// was drawn from (data files, lesson, query) and its options.
    pub fn with_paper(mut self, command: String) -> Self {
        self.paper = command;
        self
    }

    /// The question on screen (the last one once the quiz is over).
    pub fn asked(&self) -> Option<&Asked> {
        self.drawn.asked.get(self.at)
    }

    pub fn done(&self) -> bool {
        self.stage == Stage::Finished
    }

    fn start_question(&mut self) {
        self.order = match self.asked().map(|a| &a.question) {
            Some(Question::Order { items, .. }) => (0..items.len()).collect(),
            _ => Vec::new(),
        };
        self.cursor = 0;
        self.holding = false;
        self.typing.clear();
        self.matched.clear();
        self.scroll = 0;
    }

    /// How many options the cursor moves over: a question's options, an
    /// ordering's items, the names a figure may be matched to.
    pub fn choices(&self) -> usize {
        match self.asked().map(|a| &a.question) {
            Some(Question::Choice { options, .. }) => options.len(),
            Some(Question::TrueFalse { .. }) => 2,
            Some(Question::Matching { pairs, .. }) => right_sides(pairs).len(),
            Some(Question::Order { items, .. }) => items.len(),
            Some(Question::Year { .. }) | None => 0,
        }
    }

    pub fn key(&mut self, k: QuizKey) {
        if k == QuizKey::Quit {
            self.quit = true;
            return;
        }
        match (self.stage, k) {
            (Stage::Asking, _) => self.answer_key(k),
            (_, QuizKey::Up) => self.scroll = self.scroll.saturating_sub(1),
            (_, QuizKey::Down) if self.scroll < self.hidden.get() => self.scroll += 1,
            (_, QuizKey::PageUp) => self.scroll = self.scroll.saturating_sub(self.page.get().max(1)),
            (_, QuizKey::PageDown) => {
                self.scroll = (self.scroll + self.page.get().max(1)).min(self.hidden.get());
            }
            (_, QuizKey::Top) => self.scroll = 0,
            (_, QuizKey::Bottom) => self.scroll = self.hidden.get(),
            (Stage::Finished, QuizKey::Submit) => self.quit = true,
            (Stage::Answered, QuizKey::Submit) => {
                self.scroll = 0;
                if self.at + 1 < self.drawn.asked.len() {
                    self.at += 1;
                    self.stage = Stage::Asking;
                    self.start_question();
                } else {
                    self.stage = Stage::Finished;
                }
            }
            _ => {}
        }
    }

    fn answer_key(&mut self, k: QuizKey) {
        let Some(question) = self.asked().map(|a| a.question.clone()) else {
            return;
        };
        let n = self.choices();
        match (&question, k) {
            (Question::Year { .. }, QuizKey::Digit(c)) if self.typing.len() < 4 => self.typing.push(c),
            (Question::Year { .. }, QuizKey::Erase) => {
                self.typing.pop();
            }
            (Question::Year { .. }, QuizKey::Submit) => {
                if let Ok(y) = self.typing.parse::<i32>() {
                    self.give(Response::Year(y));
                }
            }
            (Question::Year { .. }, _) => {}
            (_, QuizKey::Up) if self.cursor > 0 => {
                if self.holding {
                    self.order.swap(self.cursor, self.cursor - 1);
                }
                self.cursor -= 1;
            }
            (_, QuizKey::Down) if self.cursor + 1 < n => {
                if self.holding {
                    self.order.swap(self.cursor, self.cursor + 1);
                }
                self.cursor += 1;
            }
            (Question::Order { .. }, QuizKey::Grab) => self.holding = !self.holding,
            (Question::Order { .. }, QuizKey::Submit) => self.give(Response::Order(self.order.clone())),
            (Question::Order { .. }, _) => {}
            (_, QuizKey::Submit) => self.choose(&question, self.cursor),
            (_, QuizKey::Choose(i)) if usize::from(i) < n => self.choose(&question, usize::from(i)),
            _ => {}
        }
    }

    /// The option `i` picked: the answer, or for a matching the next figure's match.
    fn choose(&mut self, question: &Question, i: usize) {
        match question {
            Question::Choice { .. } => self.give(Response::Choice(i)),
            Question::TrueFalse { .. } => self.give(Response::TrueFalse(i == 0)),
            Question::Matching { pairs, .. } => {
                self.matched.push(i);
                self.cursor = 0;
                if self.matched.len() == pairs.len() {
                    self.give(Response::Matching(self.matched.clone()));
                }
            }
            Question::Year { .. } | Question::Order { .. } => {}
        }
    }

    fn give(&mut self, r: Response) {
        self.responses.push(r);
        self.stage = Stage::Answered;
        self.holding = false;
        self.scroll = 0;
    }

    /// The score line: the one the end screen shows and the command prints.
    pub fn score(&self) -> String {
        let questions = self.drawn.questions();
        score_line(&questions[..self.responses.len()], &self.responses)
    }
}
