//! A whole article's analysis on any text: the article model, recognition of entities, dates and
//! figures, claims and every check. The first byte picks the file's format. Every range must be a
//! range of the text and convert to an editor position and back.

#![no_main]

use std::path::Path;
use std::sync::Arc;

use gloss::analysis::{Analysis, AnalysisOptions};
use gloss::text::Encoding;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let path: Arc<Path> = Arc::from(Path::new(if first & 1 == 0 { "a.txt" } else { "a.md" }));
    let text = String::from_utf8_lossy(rest).into_owned();
    let options = AnalysisOptions {
        // A small limit now and then, so that the cut-off path is explored too.
        max_analyzed_bytes: if first & 2 == 0 {
            8 << 20
        } else {
            rest.len() / 2
        },
        ..AnalysisOptions::default()
    };
    let analysis = Analysis::new(path, text, options);
    let text = &analysis.text;
    let entities: Vec<_> = analysis.entities.iter().map(|e| e.range()).collect();
    let ranges = analysis
        .mentions
        .iter()
        .map(|m| &m.range)
        .chain(&entities)
        .chain(analysis.diagnostics.iter().map(|d| &d.range));
    for range in ranges {
        assert!(
            text.get(range.clone()).is_some(),
            "{range:?} is not a range of the text"
        );
        for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let start = analysis.line_index.position(text, range.start, encoding);
            let end = analysis.line_index.position(text, range.end, encoding);
            assert!(start <= end, "{range:?} gives {start:?}..{end:?}");
            let back = analysis.line_index.offset(text, start, encoding);
            assert!(back <= range.start, "{range:?} comes back at {back}");
        }
    }
});
