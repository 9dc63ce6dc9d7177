//! The corpus: every article under a root, each with its analysis.
//!
//! The corpus is cheap to clone: a clone is an immutable snapshot that queries can read while the
//! corpus itself moves on. Changing one article re-analyzes that article only, and updates only
//! the claims and entity names that article contributes.

mod annotations;
pub mod kb;
pub mod kb_check;
pub mod kb_text;
pub mod linking;
pub mod names;
pub mod query;
mod read;
pub mod sidecar;
mod topics;
mod walk;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::analysis::{Analysis, AnalysisOptions};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::mention::{Mention, Value};
pub use annotations::sidecar_path;
pub use kb::{KbEntity, KnowledgeBase};
pub use linking::{Definition, Entity, Linking, Proposal, Summary};
use names::{Extracted, NameTable};
pub use read::{
    decode, read_article, read_file, read_to_string, ArticleFile, Decoding, ReadError, ENCODING,
};
pub use walk::{find_articles, WalkProblem};

/// Findings, by the article they are on.
pub type FindingsByArticle = HashMap<Arc<Path>, Vec<Diagnostic>>;

#[derive(Debug, Clone, Default)]
pub struct Corpus {
    config: Arc<Config>,
    articles: Arc<HashMap<Arc<Path>, Arc<Analysis>>>,
    knowledge_base: Arc<KnowledgeBase>,
    /// The entity names each article writes, resolved to entities.
    names: Arc<NameTable>,
    /// Each article's `.ann` sidecar, by article path.
    sidecars: Arc<HashMap<Arc<Path>, Arc<sidecar::Sidecar>>>,
    /// Claims by topic, and the findings that compare them, kept up to date as articles change.
    topics: Arc<topics::Topics>,
}

impl Corpus {
    pub fn new(config: Config) -> Corpus {
        Corpus {
            config: Arc::new(config),
            ..Corpus::default()
        }
    }

    /// Uses `kb` to link mentions from now on.
    pub fn set_knowledge_base(&mut self, kb: KnowledgeBase) {
        Arc::make_mut(&mut self.names).set_knowledge_base(&kb);
        self.knowledge_base = Arc::new(kb);
    }

    /// Loads the knowledge base the configuration names (`entities.toml` by default) under
    /// `root`; returns what could not be read. A missing file is an empty knowledge base.
    pub fn load_knowledge_base(&mut self, root: &Path) -> Vec<String> {
        let (kb, problems) = KnowledgeBase::load(&self.config.knowledge_base(root));
        self.set_knowledge_base(kb);
        problems
    }

    pub fn knowledge_base(&self) -> &KnowledgeBase {
        &self.knowledge_base
    }

    /// Counts the entity names the article at `path` writes, as it now is with its annotations.
    fn recount_names(&mut self, path: &Arc<Path>) {
        let extracted = self.get(path).map(|analysis| {
            let (mentions, links) = self.annotated(path);
            Extracted::new(
                &analysis.text,
                &analysis.line_index,
                analysis.publication_date,
                &mentions,
                &links,
            )
        });
        Arc::make_mut(&mut self.names).update(path, extracted, &self.knowledge_base);
    }

    fn linking(&self) -> Linking<'_> {
        Linking {
            names: &self.names,
            kb: &self.knowledge_base,
        }
    }

    /// The findings that compare the article's figures with the rest of the corpus.
    pub fn comparisons(&self, path: &Path) -> Vec<Diagnostic> {
        self.topics.findings_for(path)
    }

    /// The same as [`Corpus::comparisons`], for one article that just changed: topics it is in
    /// whose findings are not worked out yet are checked for this article alone.
    pub fn comparisons_of_one(&self, path: &Path) -> Vec<Diagnostic> {
        self.topics.findings_for_one(path)
    }

    /// The articles whose comparisons may have changed since the last call.
    pub fn take_affected(&mut self) -> Vec<Arc<Path>> {
        Arc::make_mut(&mut self.topics).take_affected()
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Analyzes `text` as the article at `path`, replacing what was there.
    pub fn set_text(&mut self, path: &Path, text: String) -> Arc<Analysis> {
        let analysis = Arc::new(Analysis::guarded(
            path.into(),
            text,
            AnalysisOptions::default(),
        ));
        self.insert(analysis.clone());
        analysis
    }

    /// Reads the article at `path` from disk and analyzes it, replacing what was there. Text that
    /// is not UTF-8 is read with replacement characters and a diagnostic.
    pub fn load(&mut self, path: &Path) -> Result<Arc<Analysis>, ReadError> {
        let file = read_article(path, Decoding::Lossy)?;
        let analysis = Arc::new(Analysis::from_file(
            path.into(),
            file,
            AnalysisOptions::default(),
        ));
        self.insert(analysis.clone());
        self.load_sidecar(path);
        Ok(analysis)
    }

    pub fn insert(&mut self, analysis: Arc<Analysis>) {
        let path = analysis.path.clone();
        Arc::make_mut(&mut self.topics).update(&path, Some(&analysis), &self.config);
        Arc::make_mut(&mut self.articles).insert(path.clone(), analysis);
        self.recount_names(&path);
    }

    pub fn remove(&mut self, path: &Path) -> Option<Arc<Analysis>> {
        let removed = Arc::make_mut(&mut self.articles).remove(path)?;
        Arc::make_mut(&mut self.topics).update(&removed.path, None, &self.config);
        self.recount_names(&removed.path);
        Some(removed)
    }

    pub fn get(&self, path: &Path) -> Option<&Arc<Analysis>> {
        self.articles.get(path)
    }

    pub fn len(&self) -> usize {
        self.articles.len()
    }

    pub fn is_empty(&self) -> bool {
        self.articles.is_empty()
    }

    /// Every article, in no particular order.
    pub fn articles(&self) -> impl Iterator<Item = &Arc<Analysis>> {
        self.articles.values()
    }

    /// The mentions of one article, in text order, each entity with its corpus-wide id, name and
    /// type.
    pub fn mentions(&self, path: &Path) -> Vec<Mention> {
        let (mut mentions, _) = self.annotated(path);
        let Some(article) = self.names.number_of(path) else {
            return mentions;
        };
        let linking = self.linking();
        let mut summaries: HashMap<&str, Summary> = HashMap::new();
        let mut named = self.names.named_in(article).into_iter().peekable();
        for mention in mentions.iter_mut().filter(|m| m.label.is_entity()) {
            let Some((_, id)) = named.next_if(|(range, _)| *range == mention.range) else {
                continue;
            };
            let group = self.names.group(id);
            let key = group.resolved.key.as_str();
            let summary = summaries.entry(key).or_insert_with(|| linking.summary(key));
            mention.value = Value::entity(summary.id.clone(), summary.name.clone());
            if !group.resolved.demonym {
                mention.label = summary.label;
            }
        }
        mentions
    }

    /// The findings for one article, its own and those comparing it with others, at the levels
    /// the configuration sets.
    pub fn diagnostics(&self, path: &Path) -> Vec<Diagnostic> {
        self.diagnostics_with(path, self.comparisons(path))
    }

    /// [`Corpus::diagnostics`], with the article's findings against the corpus given.
    pub fn diagnostics_with(&self, path: &Path, comparisons: Vec<Diagnostic>) -> Vec<Diagnostic> {
        let mut found = self.own_diagnostics(path);
        found.extend(
            self.config
                .apply_levels(&self.unreviewed(path, comparisons)),
        );
        found.sort_by_key(|d| (d.range.start, d.range.end));
        found
    }

    /// The findings about one article alone, at the levels the configuration sets: what can be
    /// published before the whole corpus is known.
    pub fn own_diagnostics(&self, path: &Path) -> Vec<Diagnostic> {
        let Some(analysis) = self.get(path) else {
            return Vec::new();
        };
        self.config
            .apply_levels(&self.unreviewed(path, analysis.diagnostics.clone()))
    }
}

/// Reads and analyzes files in parallel; each result pairs a path with its analysis or the reason
/// it could not be read.
pub fn analyze_files(
    paths: &[PathBuf],
    options: AnalysisOptions,
    decoding: Decoding,
) -> Vec<(PathBuf, Result<Analysis, ReadError>)> {
    paths
        .par_iter()
        .map(|path| {
            let result = read_article(path, decoding)
                .map(|file| Analysis::from_file(Arc::from(path.as_path()), file, options));
            (path.clone(), result)
        })
        .collect()
}
