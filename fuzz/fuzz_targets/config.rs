//! `gloss.toml` on any text: parsing, the article globs, and the configured levels applied to
//! findings.

#![no_main]

use std::path::Path;

use gloss::config::Config;
use gloss::diagnostic::{Diagnostic, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (config, problems) = Config::parse(&text);
    for problem in &problems {
        assert!(
            text.get(problem.range.clone()).is_some(),
            "{:?}",
            problem.range
        );
    }
    let filter = config.article_filter();
    for path in ["a.txt", "drafts/b.md", "x/y/z.ann", ""] {
        let _ = filter.matches(Path::new(path));
    }
    let _ = config.knowledge_base(Path::new("/corpus"));
    let findings: Vec<Diagnostic> = ["share", "publication-date", "conflicting-figure", "weekday"]
        .into_iter()
        .map(|code| Diagnostic::new(0..0, Severity::Warning, code, "x".to_string()))
        .collect();
    let _ = config.apply_levels(&findings);
});
