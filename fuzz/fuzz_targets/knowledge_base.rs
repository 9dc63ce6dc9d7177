//! `entities.toml` on any text: the knowledge base as loaded, the problems shown on the file, and
//! the line reading the editor features use while the file is being typed.

#![no_main]

use gloss::corpus::{kb_check, kb_text, KnowledgeBase};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (kb, _problems) = KnowledgeBase::parse(&text);
    for entity in kb.entities() {
        assert!(
            kb.get(&entity.id).is_some(),
            "{} is not found by id",
            entity.id
        );
        assert!(
            kb.lookup(&entity.name).is_some(),
            "{} is not found by name",
            entity.name
        );
    }
    for problem in kb_check::check(&text) {
        assert!(
            text.get(problem.range.clone()).is_some(),
            "{:?}",
            problem.range
        );
    }
    for entry in kb_text::entries(&text) {
        let fields = [&entry.id, &entry.name, &entry.aliases];
        let spans = fields.into_iter().flatten().map(|f| &f.span);
        for range in [&entry.block, &entry.header].into_iter().chain(spans) {
            assert!(text.get(range.clone()).is_some(), "{range:?}");
        }
    }
});
