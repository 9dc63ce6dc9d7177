//! The language server: LSP over stdio with tower-lsp. Only this module knows the protocol; it
//! serves what the analysis library computes, converting positions at the edge.
//!
//! tower-lsp runs handlers concurrently, so every handler that changes the state does so under
//! one lock before its first `.await`: changes apply in the order messages arrive, and edits with
//! a version older than the one held are ignored. The lock is never held across an `.await`.

mod capabilities;
mod code_actions;
mod code_lens;
mod completion;
mod convert;
mod definition;
mod document;
mod document_symbols;
mod edits;
mod encoded;
mod exit;
mod guard;
mod highlight;
mod hover;
mod indexing;
mod inlay_hints;
mod progress;
mod references;
mod refresh;
mod rename;
mod semantic_tokens;
mod state;
mod view_file_text;
mod watched_files;
mod workspace_symbols;

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::Notify;
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};
use tracing::{error, info, warn};

use convert::uri_to_path;
use document::OpenDocument;
use state::{Publication, Snapshot, State};

/// Runs the server on stdin and stdout until the client says `exit`.
pub async fn run_stdio() {
    let answers = encoded::EncodedAnswers::new();
    let (service, socket) = LspService::build(|client| Backend::new(client, answers.clone()))
        .custom_method(view_file_text::METHOD, Backend::view_file_text)
        .custom_method(encoded::REFERENCES, Backend::encoded_references)
        .finish();
    let exited = Arc::new(Notify::new());
    let service = exit::StopOnExit::new(encoded::RouteEncoded::new(service), exited.clone());
    let stdout = encoded::SplicingWriter::new(tokio::io::stdout(), answers);
    tokio::select! {
        () = Server::new(guard::guarded_stdin(), stdout, socket).serve(service) => {}
        () = exited.notified() => {}
    }
}

/// How long changes must pause before the other articles they reach are compared again.
const SETTLE: Duration = Duration::from_millis(15);

pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
    /// Changes to open files so far, so that a settled change can tell it was the last.
    changes: Arc<AtomicU64>,
    answers: Arc<encoded::EncodedAnswers>,
}

/// Locks the state. A handler that panicked while holding the lock leaves the state as it was
/// between two whole changes, so the lock is taken over rather than the server stopped.
fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

async fn publish(client: &Client, (uri, diagnostics, version): Publication) {
    client.publish_diagnostics(uri, diagnostics, version).await;
}

impl Backend {
    fn new(client: Client, answers: Arc<encoded::EncodedAnswers>) -> Self {
        Backend {
            client,
            state: Arc::default(),
            changes: Arc::default(),
            answers,
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    /// Answers a query from a snapshot of the state, taken under the lock and read without it,
    /// on a thread of its own: the server goes on reading messages meanwhile, and a request the
    /// client cancels is answered as cancelled at once. A bug that panics in the query is logged
    /// and answered as an error; the server goes on.
    async fn query<T: Send + 'static>(
        &self,
        method: &'static str,
        answer: impl FnOnce(&Snapshot) -> T + Send + 'static,
    ) -> Result<T> {
        let snapshot = self.state().snapshot();
        let answered = tokio::task::spawn_blocking(move || {
            std::panic::catch_unwind(AssertUnwindSafe(|| answer(&snapshot)))
        })
        .await;
        match answered {
            Ok(Ok(answer)) => Ok(answer),
            _ => {
                error!("{method} failed on a bug in gloss");
                Err(Error::internal_error())
            }
        }
    }

    /// `textDocument/references`, encoded here: its answers can hold every mention of a name in
    /// the corpus.
    async fn encoded_references(&self, params: ReferenceParams) -> Result<encoded::Placeholder> {
        let json = self
            .query("references", move |s| references::encoded(s, &params))
            .await?;
        Ok(self.answers.hold(json))
    }

    /// Publishes the diagnostics of a changed file at once; those of the other articles whose
    /// findings the change reached once changes have settled for [`SETTLE`]. Comparing those
    /// articles again costs the size of the topics the edit touched, so a burst of keystrokes
    /// does it once, after the last; a change that comes in the meantime takes the work over.
    async fn publish_change(&self, publications: Vec<Publication>) {
        for publication in publications {
            publish(&self.client, publication).await;
        }
        let change = self.changes.fetch_add(1, Ordering::SeqCst) + 1;
        let (client, state, changes) = (
            self.client.clone(),
            self.state.clone(),
            self.changes.clone(),
        );
        tokio::spawn(async move {
            tokio::time::sleep(SETTLE).await;
            if changes.load(Ordering::SeqCst) != change {
                return;
            }
            let others = tokio::task::spawn_blocking(move || lock(&state).other_publications());
            let others = others.await.unwrap_or_else(|_| {
                error!("comparing articles after a change failed on a bug in gloss");
                Vec::new()
            });
            for publication in others {
                publish(&client, publication).await;
            }
        });
    }

    async fn view_file_text(&self, params: TextDocumentIdentifier) -> Result<String> {
        view_file_text::view_file_text(&self.state(), &params)
    }

    /// The refreshes to ask for after `path` changes, when its change reaches other files' views.
    fn refresh_after(&self, path: &std::path::Path) -> Option<refresh::Refreshes> {
        let state = self.state();
        state.changes_other_views(path).then_some(state.refreshes)
    }

    fn spawn_indexing(&self) {
        tokio::spawn(indexing::index_workspace(
            self.client.clone(),
            self.state.clone(),
        ));
    }
}

fn workspace_root(params: &InitializeParams) -> Option<PathBuf> {
    let folders = params.workspace_folders.as_deref().unwrap_or_default();
    if folders.len() > 1 {
        warn!(
            "{} workspace folders; gloss indexes the first",
            folders.len()
        );
    }
    #[allow(deprecated)]
    let uri = folders
        .first()
        .map(|f| &f.uri)
        .or(params.root_uri.as_ref())?;
    uri.to_file_path().ok()
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = convert::negotiate_encoding(
            params
                .capabilities
                .general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        let mut state = self.state();
        state.encoding = encoding;
        state.root = workspace_root(&params);
        state.refreshes = refresh::Refreshes::supported_by(&params.capabilities);
        state.client_supports_progress = params
            .capabilities
            .window
            .as_ref()
            .and_then(|w| w.work_done_progress)
            .unwrap_or(false);
        match params
            .initialization_options
            .map(serde_json::from_value::<state::EditorOptions>)
        {
            Some(Ok(options)) => state.editor = options,
            Some(Err(error)) => warn!("ignored the editor's initialization options: {error}"),
            None => {}
        }
        state.load_config();
        info!(
            "initialized for {} with {encoding:?} positions",
            state
                .root
                .as_ref()
                .map_or("no folder".into(), |r| r.display().to_string())
        );
        let watch = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files)
            .and_then(|w| w.dynamic_registration)
            .unwrap_or(false);
        state.client_can_watch_files = watch;
        Ok(InitializeResult {
            capabilities: capabilities::server_capabilities(encoding),
            server_info: Some(ServerInfo {
                name: "gloss".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let (watch, globs, knowledge_base, file_problems) = {
            let state = self.state();
            let config = state.corpus.config();
            (
                state.client_can_watch_files,
                config.corpus.include.clone(),
                config.corpus.knowledge_base.to_string_lossy().into_owned(),
                state
                    .config_publication()
                    .into_iter()
                    .chain(state.knowledge_base_publication())
                    .filter(|(_, d, _)| !d.is_empty())
                    .collect::<Vec<_>>(),
            )
        };
        self.spawn_indexing();
        for publication in file_problems {
            publish(&self.client, publication).await;
        }
        if watch {
            watched_files::register(&self.client, globs, knowledge_base).await;
        }
    }

    async fn shutdown(&self) -> Result<()> {
        // Stops a running indexing at its next step.
        self.state().indexing_generation += 1;
        Ok(())
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        self.query("hover", move |s| hover::hover(s, &params)).await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        self.query("definition", move |s| definition::definition(s, &params))
            .await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        self.query("documentHighlight", move |s| {
            highlight::highlight(s, &params)
        })
        .await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        self.query("documentSymbol", move |s| {
            document_symbols::document_symbols(s, &params)
        })
        .await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<Vec<SymbolInformation>>> {
        self.query("workspace/symbol", move |s| {
            Some(workspace_symbols::workspace_symbols(s, &params))
        })
        .await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        let path = uri_to_path(&params.text_document.uri);
        self.query("semanticTokens/full", move |s| {
            let analysis = s.corpus.get(&path)?;
            let data = semantic_tokens::tokens(s, analysis, None);
            Some(SemanticTokensResult::Tokens(SemanticTokens {
                result_id: None,
                data,
            }))
        })
        .await
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        let path = uri_to_path(&params.text_document.uri);
        self.query("semanticTokens/range", move |s| {
            let analysis = s.corpus.get(&path)?;
            let within = semantic_tokens::byte_range(analysis, params.range, s.encoding);
            let data = semantic_tokens::tokens(s, analysis, Some(within));
            Some(SemanticTokensRangeResult::Tokens(SemanticTokens {
                result_id: None,
                data,
            }))
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        self.query("inlayHint", move |s| inlay_hints::inlay_hints(s, &params))
            .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        self.query("codeAction", move |s| {
            code_actions::code_actions(s, &params)
        })
        .await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        self.query("completion", move |s| completion::completion(s, &params))
            .await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        self.query("codeLens", move |s| code_lens::code_lens(s, &params))
            .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        self.query("prepareRename", move |s| rename::prepare_rename(s, &params))
            .await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        self.query("rename", move |s| rename::rename(s, &params))
            .await?
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let path = uri_to_path(&document.uri);
        let refresh = self.refresh_after(&path);
        let publications = {
            let mut state = self.state();
            if !state.is_corpus_file(&path) {
                return;
            }
            state.open.insert(
                path.clone(),
                OpenDocument::new(&document.text, document.version),
            );
            state.set_open_text(&path, document.text)
        };
        self.publish_change(publications).await;
        if let Some(refresh) = refresh {
            refresh.request(&self.client);
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let path = uri_to_path(&params.text_document.uri);
        let version = params.text_document.version;
        let refresh = self.refresh_after(&path);
        let publications = {
            let mut state = self.state();
            let encoding = state.encoding;
            let Some(document) = state.open.get_mut(&path) else {
                warn!("ignored a change to {}, which is not open", path.display());
                return;
            };
            if version <= document.version {
                warn!(
                    "ignored version {version} of {}: version {} is newer",
                    path.display(),
                    document.version
                );
                return;
            }
            document.apply(&params.content_changes, encoding);
            document.version = version;
            let text = document.text.to_string();
            state.set_open_text(&path, text)
        };
        self.publish_change(publications).await;
        if let Some(refresh) = refresh {
            refresh.request(&self.client);
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        let path = uri_to_path(&params.text_document.uri);
        let refresh = self.refresh_after(&path);
        let publications = {
            let mut state = self.state();
            let Some(text) = params.text else { return };
            let Some(document) = state.open.get_mut(&path) else {
                return;
            };
            // The saved text is the editor's truth: if edits were lost on the way, resynchronize.
            if document.text == text.as_str() {
                return;
            }
            warn!(
                "{} was out of step with the editor; resynchronized on save",
                path.display()
            );
            *document = OpenDocument::new(&text, document.version);
            state.set_open_text(&path, text)
        };
        self.publish_change(publications).await;
        if let Some(refresh) = refresh {
            refresh.request(&self.client);
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let path = uri_to_path(&params.text_document.uri);
        let refresh = self.refresh_after(&path);
        let publications = {
            let mut state = self.state();
            if state.open.remove(&path).is_none() {
                return;
            }
            if state.is_knowledge_base(&path) {
                state.reload_knowledge_base();
                return;
            }
            // The corpus goes back to the file on disk, which may differ from the closed buffer.
            if let Some(article) = state.corpus.article_of_sidecar(&path) {
                state.corpus.load_sidecar(&article);
                state.publications_after(&article)
            } else {
                let in_workspace = state
                    .root
                    .as_ref()
                    .is_some_and(|root| path.starts_with(root));
                if !in_workspace || state.corpus.load(&path).is_err() {
                    state.corpus.remove(&path);
                }
                state.publications_after(&path)
            }
        };
        for publication in publications {
            publish(&self.client, publication).await;
        }
        if let Some(refresh) = refresh {
            refresh.request(&self.client);
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let outcome = {
            let mut state = self.state();
            let mut outcome = watched_files::apply(&mut state, &params.changes);
            if outcome.reindex {
                state.load_config();
                let open: Vec<(PathBuf, String)> = state
                    .open
                    .iter()
                    .map(|(path, document)| (path.clone(), document.text.to_string()))
                    .collect();
                for (path, text) in open {
                    state.set_open_text(&path, text);
                }
                outcome.publications.extend(state.config_publication());
            }
            outcome
        };
        if outcome.reindex {
            self.spawn_indexing();
        }
        for publication in outcome.publications {
            publish(&self.client, publication).await;
        }
        let refreshes = self.state().refreshes;
        refreshes.request(&self.client);
    }
}
