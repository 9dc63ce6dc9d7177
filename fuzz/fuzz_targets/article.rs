//! The article model on any text: header, front matter, title, dateline, zones, sentences.
//! Every range it gives must be a range of the text.

#![no_main]

use gloss::article::{Article, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for format in [Format::Text, Format::Markdown] {
        let article = Article::parse(&text, format);
        let ranges = article
            .title
            .iter()
            .chain(&article.credit)
            .chain(&article.sentences)
            .chain(article.zones.iter().map(|z| &z.range))
            .chain(article.header.iter().flat_map(|h| [&h.span, &h.value]))
            .chain(article.problems.iter().map(|d| &d.range));
        for range in ranges {
            assert!(
                text.get(range.clone()).is_some(),
                "{range:?} is not a range of the text"
            );
        }
    }
});
