//! Text policy shared by every layer: sanitising untrusted text, folding
//! for matching, finding the names a text uses, "did you mean" hints, and
//! measuring, cutting and wrapping text the way terminals lay it out.

mod fold;
pub mod names;
mod sanitize;
mod suggest;
pub mod width;
pub mod wrap;

pub use fold::{fold, fold_into};
pub use names::{fold_words, Names};
pub use sanitize::{sanitize_block, sanitize_line};
pub use suggest::{did_you_mean, did_you_mean_as, nearest};
