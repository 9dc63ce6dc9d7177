//! Places in articles as the output formats give them: the path as found, code point offsets,
//! and 1-based line and column counted in code points.

use std::ops::Range;
use std::path::Path;

use serde::Serialize;

use crate::analysis::Analysis;
use crate::corpus::Corpus;
use crate::diagnostic::{Diagnostic, Fix};
use crate::text::Encoding;

#[derive(Debug, Clone, Serialize)]
pub struct Location {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub line: u32,
    pub column: u32,
    #[serde(skip)]
    pub end_line: u32,
    #[serde(skip)]
    pub end_column: u32,
}

impl Location {
    pub fn new(analysis: &Analysis, range: &Range<usize>) -> Location {
        let (text, index) = (&analysis.text, &analysis.line_index);
        let start = index.position(text, range.start, Encoding::Utf32);
        let end = index.position(text, range.end, Encoding::Utf32);
        Location {
            doc: display_path(&analysis.path),
            start: index.char_offset(text, range.start),
            end: index.char_offset(text, range.end),
            line: start.line + 1,
            column: start.col + 1,
            end_line: end.line + 1,
            end_column: end.col + 1,
        }
    }
}

pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// A finding with its own place and the places related to it.
pub struct Finding<'a> {
    pub diagnostic: &'a Diagnostic,
    pub location: Location,
    pub related: Vec<(Location, &'a str)>,
    /// The changes the finding proposes: where, and the fix.
    pub fixes: Vec<(Location, &'a Fix)>,
}

impl<'a> Finding<'a> {
    pub fn new(corpus: &Corpus, analysis: &Analysis, diagnostic: &'a Diagnostic) -> Finding<'a> {
        let related = diagnostic
            .related
            .iter()
            .filter_map(|r| {
                let other = corpus.get(&r.path)?;
                Some((Location::new(other, &r.range), r.message.as_str()))
            })
            .collect();
        Finding {
            diagnostic,
            location: Location::new(analysis, &diagnostic.range),
            related,
            fixes: diagnostic
                .fixes
                .iter()
                .map(|fix| (Location::new(analysis, &fix.range), fix))
                .collect(),
        }
    }
}
