//! How the app looks and behaves, fixed at start-up from the command line
//! and the config file.

use super::keymap::Keymap;
use super::theme::{Theme, ThemeName};

/// How the app looks and which keys it takes, fixed at start-up.
#[derive(Debug, Clone)]
pub struct Settings {
    pub theme: Theme,
    pub keymap: Keymap,
    /// The projector preset: no colour, high contrast, wider margins.
    pub projector: bool,
    /// Draw web addresses as terminal hyperlinks (OSC 8).
    pub hyperlinks: bool,
    /// The data files the app was opened on (none: the embedded data), so
    /// a copied command line reopens the same view.
    pub data_files: Vec<std::path::PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::new(ThemeName::Dark, false),
            keymap: Keymap::default(),
            projector: false,
            hyperlinks: false,
            data_files: Vec::new(),
        }
    }
}
