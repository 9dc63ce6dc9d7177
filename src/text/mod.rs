//! Plain-text foundations: line indexes and position encodings, lines, and sentences.

mod line_index;
mod lines;
mod sentences;

pub use line_index::{floor_char_boundary, Encoding, LineCol, LineIndex};
pub use lines::{lines, Line};
pub use sentences::split_sentences;
