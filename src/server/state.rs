//! The server's state: the workspace root, the negotiated encoding, the corpus and the open
//! documents. It lives behind one lock; handlers change it before their first `.await`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use tower_lsp::lsp_types::{self as lsp, TextDocumentPositionParams, Url};

use super::convert;
use super::document::OpenDocument;
use super::refresh::Refreshes;
use crate::analysis::Analysis;
use crate::article::Format;
use crate::config::{ArticleFilter, Config, Level, CONFIG_FILE};
use crate::corpus::{kb_check, read_to_string, sidecar_path, Corpus, KnowledgeBase};
use crate::diagnostic::Diagnostic;
use crate::mention::Mention;
use crate::text::Encoding;

/// The initialization options an editor may send, in the shape of `gloss.toml`:
/// `{"checks": {"share": "error"}, "inlayHints": {"enabled": false}}`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct EditorOptions {
    pub checks: BTreeMap<String, Level>,
    pub inlay_hints: InlayHintOptions,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct InlayHintOptions {
    pub enabled: bool,
}

impl Default for InlayHintOptions {
    fn default() -> Self {
        InlayHintOptions { enabled: true }
    }
}

/// Diagnostics ready to send: the document, its version when open, and the diagnostics.
pub type Publication = (Url, Vec<lsp::Diagnostic>, Option<i32>);

pub struct State {
    pub root: Option<PathBuf>,
    pub encoding: Encoding,
    pub corpus: Corpus,
    pub filter: ArticleFilter,
    pub open: HashMap<PathBuf, OpenDocument>,
    /// Problems in `gloss.toml`, with its text to place them.
    pub config_problems: (String, Vec<Diagnostic>),
    /// What the editor's settings ask for, from the initialization options.
    pub editor: EditorOptions,
    /// The knowledge base file and its current text (the editor's, when it is open).
    pub kb_path: Option<PathBuf>,
    pub kb_text: String,
    /// A fingerprint of each article's findings comparing articles, as last published: enough
    /// to tell whether they changed without keeping a second copy of every finding.
    pub corpus_findings_published: HashMap<Arc<Path>, u64>,
    /// Bumped whenever indexing restarts, so a superseded indexing run stops.
    pub indexing_generation: u64,
    /// Articles read again or removed on a file event since indexing began: what the indexing
    /// read of them may be older, so it leaves them as they are.
    pub refreshed_while_indexing: HashSet<PathBuf>,
    pub client_supports_progress: bool,
    pub refreshes: Refreshes,
    pub client_can_watch_files: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            root: None,
            encoding: Encoding::Utf16,
            corpus: Corpus::default(),
            filter: Config::default().article_filter(),
            open: HashMap::new(),
            config_problems: (String::new(), Vec::new()),
            editor: EditorOptions::default(),
            kb_path: None,
            kb_text: String::new(),
            corpus_findings_published: HashMap::new(),
            indexing_generation: 0,
            refreshed_while_indexing: HashSet::new(),
            client_supports_progress: false,
            refreshes: Refreshes::default(),
            client_can_watch_files: false,
        }
    }
}

/// What queries read: an immutable copy of the state, taken under the lock and read after it is
/// released.
pub struct Snapshot {
    pub corpus: Corpus,
    pub inlay_hints: bool,
    pub encoding: Encoding,
    pub kb_path: Option<PathBuf>,
    pub kb_text: String,
}

impl Snapshot {
    /// The article and the mention at a client position, if there is a mention there.
    pub fn mention_at(
        &self,
        position: &TextDocumentPositionParams,
    ) -> Option<(&Arc<Analysis>, Mention)> {
        let analysis = self
            .corpus
            .get(&convert::uri_to_path(&position.text_document.uri))?;
        let offset = convert::offset(analysis, position.position, self.encoding);
        let mention = self.corpus.mention_at(&analysis.path, offset)?;
        Some((analysis, mention))
    }
}

impl State {
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            corpus: self.corpus.clone(),
            inlay_hints: self.editor.inlay_hints.enabled,
            encoding: self.encoding,
            kb_path: self.kb_path.clone(),
            kb_text: self.kb_text.clone(),
        }
    }

    /// Reads `gloss.toml` at the root and starts an empty corpus with it.
    pub fn load_config(&mut self) {
        let text = self
            .root
            .as_ref()
            .and_then(|root| read_to_string(&root.join(CONFIG_FILE)).ok())
            .unwrap_or_default();
        let (mut config, problems) = Config::parse(&text);
        // The editor's settings are the user's own; they override the corpus's gloss.toml.
        config.checks.extend(self.editor.checks.clone());
        self.filter = config.article_filter();
        self.kb_path = self.root.as_ref().map(|root| config.knowledge_base(root));
        self.corpus = Corpus::new(config);
        self.config_problems = (text, problems);
        self.reload_knowledge_base();
    }

    /// Reads the knowledge base from disk (a missing file is an empty knowledge base).
    pub fn reload_knowledge_base(&mut self) {
        let text = self
            .kb_path
            .as_ref()
            .and_then(|path| read_to_string(path).ok())
            .unwrap_or_default();
        self.set_knowledge_base_text(text);
    }

    /// Links the corpus with the knowledge base in `text`.
    pub fn set_knowledge_base_text(&mut self, text: String) {
        // A file being typed is often not valid TOML for a moment: the links keep the last
        // knowledge base that was, and the problems show on the file (`knowledge_base_publication`).
        if text.parse::<toml::Table>().is_ok() {
            self.corpus
                .set_knowledge_base(KnowledgeBase::parse(&text).0);
        }
        self.kb_text = text;
    }

    /// Takes the editor's text of an open file: re-links with a changed knowledge base, applies a
    /// changed sidecar, or re-analyzes a changed article; returns what to publish at once. The
    /// other articles a changed article's findings reach are left to [`State::other_publications`],
    /// so that the edited article's diagnostics do not wait for them.
    pub fn set_open_text(&mut self, path: &Path, text: String) -> Vec<Publication> {
        if self.is_knowledge_base(path) {
            self.set_knowledge_base_text(text);
            let changed = self.changed_corpus_findings();
            let mut publications: Vec<Publication> =
                changed.iter().filter_map(|p| self.publication(p)).collect();
            publications.extend(self.knowledge_base_publication());
            return publications;
        }
        if let Some(article) = self.corpus.article_of_sidecar(path) {
            self.corpus.set_sidecar(&article, &text);
            return self.publications_of(&article);
        }
        let first_time = self.corpus.get(path).is_none();
        self.corpus.set_text(path, text);
        if first_time {
            self.corpus.load_sidecar(path);
        }
        self.publications_of(path)
    }

    /// Whether a change to a file can change what editors show for other files: the knowledge
    /// base and sidecars change links, types and which mentions there are.
    pub fn changes_other_views(&self, path: &Path) -> bool {
        self.is_knowledge_base(path) || self.corpus.article_of_sidecar(path).is_some()
    }

    /// Whether a file is one gloss reads: an article, its sidecar, or the knowledge base.
    pub fn is_corpus_file(&self, path: &Path) -> bool {
        self.is_article(path)
            || self.is_knowledge_base(path)
            || self.corpus.article_of_sidecar(path).is_some()
    }

    /// What to publish after `path` changed: its own diagnostics and its sidecar's, and those of
    /// every other article whose findings against the corpus changed with it.
    pub fn publications_after(&mut self, path: &Path) -> Vec<Publication> {
        let mut publications = self.publications_of(path);
        publications.extend(self.other_publications());
        publications
    }

    /// What to publish for an article that changed: its diagnostics, its findings against the
    /// corpus included, and its sidecar's problems.
    pub fn publications_of(&mut self, path: &Path) -> Vec<Publication> {
        let comparisons = self.corpus.comparisons_of_one(path);
        self.note_corpus_findings(path, comparisons.clone());
        let diagnostics = self.corpus.diagnostics_with(path, comparisons);
        let mut publications: Vec<Publication> = self
            .convert_publication(path, diagnostics)
            .into_iter()
            .collect();
        publications.extend(self.sidecar_publication(path));
        publications
    }

    /// What to publish for the articles whose findings against the corpus changed since they
    /// were last published.
    pub fn other_publications(&mut self) -> Vec<Publication> {
        self.changed_corpus_findings()
            .iter()
            .filter_map(|p| self.publication(p))
            .collect()
    }

    /// The problems of an article's sidecar, published on the sidecar; none without one.
    pub fn sidecar_publication(&self, article: &Path) -> Option<Publication> {
        let sidecar = self.corpus.sidecar(article)?;
        let path = sidecar_path(article);
        let problems = self.corpus.annotations(article).problems;
        let version = self.open.get(&path).map(|d| d.version);
        let diagnostics = convert::file_diagnostics(&sidecar.text, &problems, self.encoding);
        Some((convert::path_to_uri(&path)?, diagnostics, version))
    }

    /// The articles whose findings against the corpus changed since they were last published.
    pub fn changed_corpus_findings(&mut self) -> Vec<Arc<Path>> {
        let mut changed = Vec::new();
        for path in self.corpus.take_affected() {
            let comparisons = self.corpus.comparisons(&path);
            if self.note_corpus_findings(&path, comparisons) {
                changed.push(path);
            }
        }
        changed
    }

    /// Records the article's findings against the corpus as published; whether they changed.
    fn note_corpus_findings(&mut self, path: &Path, now: Vec<Diagnostic>) -> bool {
        let before = self.corpus_findings_published.get(path).copied();
        if now.is_empty() {
            self.corpus_findings_published.remove(path);
            return before.is_some();
        }
        let fingerprint = fingerprint(&now);
        let changed = before != Some(fingerprint);
        if changed {
            self.corpus_findings_published
                .insert(Arc::from(path), fingerprint);
        }
        changed
    }

    pub fn is_knowledge_base(&self, path: &Path) -> bool {
        self.kb_path.as_deref() == Some(path)
    }

    /// Whether a file is an article: under the root, when it matches the corpus globs; elsewhere,
    /// when it has an article's extension.
    pub fn is_article(&self, path: &Path) -> bool {
        match self
            .root
            .as_ref()
            .and_then(|root| path.strip_prefix(root).ok())
        {
            Some(relative) => self.filter.matches(relative),
            None => Format::of_path(path).is_some(),
        }
    }

    pub fn is_config(&self, path: &Path) -> bool {
        self.root
            .as_ref()
            .is_some_and(|root| path == root.join(CONFIG_FILE))
    }

    /// The current diagnostics of an article, converted for the client.
    pub fn publication(&self, path: &Path) -> Option<Publication> {
        self.convert_publication(path, self.corpus.diagnostics(path))
    }

    /// An article's own diagnostics, without those comparing it with the rest of the corpus:
    /// what indexing publishes before the corpus is complete.
    pub fn own_publication(&self, path: &Path) -> Option<Publication> {
        self.convert_publication(path, self.corpus.own_diagnostics(path))
    }

    fn convert_publication(&self, path: &Path, found: Vec<Diagnostic>) -> Option<Publication> {
        let uri = convert::path_to_uri(path)?;
        let version = self.open.get(path).map(|d| d.version);
        let analysis = self.corpus.get(path);
        let diagnostics = analysis
            .map(|analysis| {
                found
                    .iter()
                    .map(|d| convert::diagnostic(analysis, d, &self.corpus, self.encoding))
                    .collect()
            })
            .unwrap_or_default();
        Some((uri, diagnostics, version))
    }

    /// The problems of `entities.toml`, on it.
    pub fn knowledge_base_publication(&self) -> Option<Publication> {
        let path = self.kb_path.as_ref()?;
        let problems = kb_check::check(&self.kb_text);
        let version = self.open.get(path).map(|d| d.version);
        let diagnostics = convert::file_diagnostics(&self.kb_text, &problems, self.encoding);
        Some((convert::path_to_uri(path)?, diagnostics, version))
    }

    /// The diagnostics of `gloss.toml`, if there is a root.
    pub fn config_publication(&self) -> Option<Publication> {
        let path = self.root.as_ref()?.join(CONFIG_FILE);
        let (text, problems) = &self.config_problems;
        let diagnostics = convert::file_diagnostics(text, problems, self.encoding);
        Some((convert::path_to_uri(&path)?, diagnostics, None))
    }
}

/// A 64-bit hash of a list of findings: two different lists share one with a chance of one in
/// 2^64, and then only a republication is missed.
fn fingerprint(findings: &[Diagnostic]) -> u64 {
    let mut hasher = DefaultHasher::new();
    findings.hash(&mut hasher);
    hasher.finish()
}
