//! The brat standoff sidecar (`.ann`) on any text, resolved against any article: the input is
//! the sidecar, then a form feed, then the article. Goes through the parser, re-anchoring, the
//! helpers the editor's code actions use, and the corpus that merges annotations into mentions.

#![no_main]

use std::path::Path;

use gloss::config::Config;
use gloss::corpus::sidecar::{Entry, Sidecar};
use gloss::corpus::Corpus;
use gloss::text::LineIndex;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (ann, article) = input.split_once('\u{c}').unwrap_or((&input, ""));
    let sidecar = Sidecar::parse(ann);
    for line in &sidecar.lines {
        assert!(ann.get(line.range.clone()).is_some(), "{:?}", line.range);
        if let Entry::Span { id, start, end, .. } = &line.entry {
            for range in sidecar.lines_about(id) {
                assert!(ann.get(range.clone()).is_some(), "{range:?}");
            }
            let _ = sidecar.span_at(*start, *end);
            let _ = sidecar.has_attribute("Reviewed", id);
        }
    }
    for prefix in ['T', 'A', 'N', '#'] {
        let _ = sidecar.next_id(prefix);
    }
    let index = LineIndex::new(article);
    let annotations = sidecar.resolve(article, &index);
    let ranges = annotations
        .mentions
        .iter()
        .map(|(span, _)| &span.range)
        .chain(&annotations.not_entity)
        .chain(&annotations.reviewed)
        .chain(annotations.links.iter().map(|(range, _)| range));
    for range in ranges {
        assert!(article.get(range.clone()).is_some(), "{range:?}");
    }
    for problem in &annotations.problems {
        assert!(
            ann.get(problem.range.clone()).is_some(),
            "{:?}",
            problem.range
        );
    }

    let path = Path::new("a.txt");
    let mut corpus = Corpus::new(Config::default());
    corpus.set_text(path, article.to_string());
    corpus.set_sidecar(path, ann);
    for mention in corpus.mentions(path) {
        assert!(
            article.get(mention.range.clone()).is_some(),
            "{:?}",
            mention.range
        );
    }
    for diagnostic in corpus.diagnostics(path) {
        assert!(
            article.get(diagnostic.range.clone()).is_some(),
            "{:?}",
            diagnostic.range
        );
    }
    let _ = corpus.entities();
});
