//! Files changed outside the editor: the server asks the client to watch articles, `.ann`
//! sidecars, `entities.toml` and `gloss.toml`, and brings the corpus up to date when they change.

use std::path::Path;
use std::time::Duration;

use tower_lsp::lsp_types::{
    DidChangeWatchedFilesRegistrationOptions, FileChangeType, FileEvent, FileSystemWatcher,
    GlobPattern, Registration,
};
use tower_lsp::Client;
use tracing::{debug, warn};

use super::convert::uri_to_path;
use super::state::{Publication, State};

const REGISTRATION_TIMEOUT: Duration = Duration::from_secs(5);

/// What the server must do after a batch of file events.
#[derive(Debug, Default)]
pub struct Outcome {
    pub publications: Vec<Publication>,
    /// `gloss.toml` changed: the corpus must be indexed again.
    pub reindex: bool,
}

/// Asks the client to watch the corpus files. Clients that cannot register watchers, or do not
/// answer, simply do not report outside changes.
pub async fn register(client: &Client, article_globs: Vec<String>, knowledge_base: String) {
    let mut globs = article_globs;
    globs.extend([
        "**/*.ann".to_string(),
        format!("**/{knowledge_base}"),
        "**/gloss.toml".into(),
    ]);
    let watchers = globs
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob),
            kind: None,
        })
        .collect();
    let registration = Registration {
        id: "gloss-watched-files".into(),
        method: "workspace/didChangeWatchedFiles".into(),
        register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
            watchers,
        })
        .ok(),
    };
    match tokio::time::timeout(
        REGISTRATION_TIMEOUT,
        client.register_capability(vec![registration]),
    )
    .await
    {
        Ok(Ok(())) => debug!("watching corpus files"),
        Ok(Err(error)) => warn!("the client refused to watch corpus files: {error}"),
        Err(_) => warn!("the client did not answer the request to watch corpus files"),
    }
}

/// Applies file events to the state. Open documents are left alone: the editor's text wins.
pub fn apply(state: &mut State, events: &[FileEvent]) -> Outcome {
    let mut outcome = Outcome::default();
    for event in events {
        let path = uri_to_path(&event.uri);
        if state.is_config(&path) {
            outcome.reindex = true;
        } else if state.is_knowledge_base(&path) {
            if !state.open.contains_key(&path) {
                state.reload_knowledge_base();
                outcome
                    .publications
                    .extend(state.knowledge_base_publication());
            }
        } else if let Some(article) = state.corpus.article_of_sidecar(&path) {
            if !state.open.contains_key(&path) {
                state.corpus.load_sidecar(&article);
                outcome
                    .publications
                    .extend(state.publications_after(&article));
            }
        } else if state.is_article(&path) && !state.open.contains_key(&path) {
            refresh_article(state, &path, event.typ);
            outcome.publications.extend(state.publications_after(&path));
        } else {
            debug!("{} changed; it is not part of the corpus", path.display());
        }
    }
    outcome
}

fn refresh_article(state: &mut State, path: &Path, change: FileChangeType) {
    state.refreshed_while_indexing.insert(path.to_path_buf());
    if change == FileChangeType::DELETED {
        state.corpus.remove(path);
        return;
    }
    if let Err(error) = state.corpus.load(path) {
        warn!("cannot read {}: {error}", path.display());
        state.corpus.remove(path);
    }
}
