//! The user's annotations applied to the corpus: each article's `.ann` sidecar, read beside it,
//! changes what the article's mentions and findings are. Rejected recognitions disappear, typed
//! mentions take the place of what was recognized there, knowledge-base links decide what a
//! mention stands for across the corpus, and findings on a reviewed figure are silenced.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::sidecar::{Annotations, Sidecar};
use super::Corpus;
use crate::diagnostic::Diagnostic;
use crate::mention::{Mention, Value};
use crate::recognize::entities::slug;

/// The sidecar of an article: `article.ann` for `article.txt`.
pub fn sidecar_path(article: &Path) -> PathBuf {
    article.with_extension("ann")
}

impl Corpus {
    /// Uses `text` as the sidecar of the article at `article`.
    pub fn set_sidecar(&mut self, article: &Path, text: &str) {
        let article: Arc<Path> = Arc::from(article);
        Arc::make_mut(&mut self.sidecars).insert(article.clone(), Arc::new(Sidecar::parse(text)));
        self.recount_names(&article);
    }

    /// Reads the article's sidecar from disk; without one, the article has no annotations.
    pub fn load_sidecar(&mut self, article: &Path) {
        match super::read_file(&sidecar_path(article)) {
            Ok(bytes) => self.set_sidecar(article, &String::from_utf8_lossy(&bytes)),
            Err(_) => {
                if let Some((article, _)) = Arc::make_mut(&mut self.sidecars).remove_entry(article)
                {
                    self.recount_names(&article);
                }
            }
        }
    }

    pub fn sidecar(&self, article: &Path) -> Option<&Arc<Sidecar>> {
        self.sidecars.get(article)
    }

    /// The article whose sidecar `path` is, if that article is in the corpus.
    pub fn article_of_sidecar(&self, path: &Path) -> Option<Arc<Path>> {
        if path.extension()? != "ann" {
            return None;
        }
        ["txt", "md", "markdown"]
            .iter()
            .find_map(|ext| self.get(&path.with_extension(ext)).map(|a| a.path.clone()))
    }

    /// The article's annotations, resolved against its current text.
    pub fn annotations(&self, article: &Path) -> Annotations {
        match (self.sidecar(article), self.get(article)) {
            (Some(sidecar), Some(analysis)) => {
                sidecar.resolve(&analysis.text, &analysis.line_index)
            }
            _ => Annotations::default(),
        }
    }

    /// The article's mentions with its annotations applied, and the user's knowledge-base links
    /// by the range they are on.
    pub(super) fn annotated(&self, article: &Path) -> (Vec<Mention>, Vec<(Range<usize>, String)>) {
        let Some(analysis) = self.get(article) else {
            return (Vec::new(), Vec::new());
        };
        let mut mentions = analysis.all_mentions();
        let annotations = self.annotations(article);
        if annotations == Annotations::default() {
            return (mentions, Vec::new());
        }
        let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
        mentions.retain(|m| {
            !(m.label.is_entity() && annotations.not_entity.iter().any(|r| overlaps(r, &m.range)))
        });
        for (span, label) in &annotations.mentions {
            mentions.retain(|m| !(m.label.is_entity() && overlaps(&m.range, &span.range)));
            let text = analysis.text[span.range.clone()].to_string();
            mentions.push(Mention {
                range: span.range.clone(),
                label: *label,
                value: Value::entity(slug(&text).into(), text),
                qualifier: None,
            });
        }
        mentions.sort_by_key(|m| (m.range.start, m.range.end));
        (mentions, annotations.links)
    }

    /// Drops the findings on figures the user has reviewed.
    pub(super) fn unreviewed(&self, article: &Path, findings: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let reviewed = self.annotations(article).reviewed;
        findings
            .into_iter()
            .filter(|d| {
                !reviewed
                    .iter()
                    .any(|r| r.start < d.range.end.max(d.range.start + 1) && d.range.start < r.end)
            })
            .collect()
    }
}
