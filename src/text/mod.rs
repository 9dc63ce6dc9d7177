//! Plain-text foundations: line indexes and position encodings, lines, sentences, word
//! lists, and byte ranges kept in 32 bits.

use std::ops::Range;

mod line_index;
mod lines;
mod sentences;
mod word_list;

pub use line_index::{floor_char_boundary, Encoding, LineCol, LineIndex};
pub use lines::{lines, Line};
pub use sentences::split_sentences;
pub use word_list::{WordList, WordMap, WordSet};

/// A byte range in 32 bits, as the corpus keeps one for every mention: an article is analyzed
/// only up to a few megabytes.
pub fn narrow(range: &Range<usize>) -> Range<u32> {
    let offset = |byte: usize| u32::try_from(byte).unwrap_or(u32::MAX);
    offset(range.start)..offset(range.end)
}

/// A byte range kept in 32 bits, for indexing text.
pub fn widen(range: &Range<u32>) -> Range<usize> {
    range.start as usize..range.end as usize
}
