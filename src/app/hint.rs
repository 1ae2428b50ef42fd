//! What the status bar's key hints say of a binding, which can differ
//! with the prompt that is open: the key table holds them, the hints read
//! them, the mode says which prompt it is.

/// Which prompt is open, which its key hints name: ↑ and ↓ step through
/// different things in each, and Enter does what the prompt is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// A typed line with the lines typed before in this session (search,
    /// query, find).
    Typed,
    /// The year prompt: the years with events.
    Year,
    /// The actor and kind pickers: a list of choices.
    Pick,
    /// The copy menu: what to copy.
    Copy,
}

/// What the status bar's key hints say of a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    Words(&'static str),
    /// Words for each prompt.
    ByPrompt {
        typed: &'static str,
        year: &'static str,
        pick: &'static str,
        copy: &'static str,
    },
}

impl Hint {
    /// The words shown in `prompt` (none: outside a prompt).
    pub fn words(self, prompt: Option<Prompt>) -> &'static str {
        match (self, prompt) {
            (Hint::Words(w), _) => w,
            (Hint::ByPrompt { typed, .. }, None | Some(Prompt::Typed)) => typed,
            (Hint::ByPrompt { year, .. }, Some(Prompt::Year)) => year,
            (Hint::ByPrompt { pick, .. }, Some(Prompt::Pick)) => pick,
            (Hint::ByPrompt { copy, .. }, Some(Prompt::Copy)) => copy,
        }
    }
}
