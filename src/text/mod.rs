//! Text policy shared by every layer: sanitising untrusted text, folding
//! for matching, and "did you mean" hints.

mod fold;
mod sanitize;
mod suggest;

pub use fold::{fold, fold_into};
pub use sanitize::{sanitize_block, sanitize_line};
pub use suggest::{did_you_mean, did_you_mean_as, nearest};
