//! What `update` asks of the world outside the app (a browser, the
//! clipboard), and the copy menu's choices: plain data, so the mode and the
//! state can hold them without depending on the code that makes them.

/// Work for the terminal loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this checked web address in the browser.
    Open(String),
    /// Put this text on the clipboard; `what` names it in the status line.
    Copy { what: String, text: String },
    /// Give the terminal back to the shell until the job is resumed.
    Suspend,
}

/// One thing the copy menu offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyItem {
    pub what: String,
    pub text: String,
}

/// The copy menu: its choices, made when it opened, and the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyMenu {
    pub items: Vec<CopyItem>,
    pub cursor: usize,
}
