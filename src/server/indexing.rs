//! Indexing the workspace in the background: find the articles, analyze them in parallel off the
//! message loop in chunks, add each chunk to the corpus as it is ready (so requests are answered
//! from the partial index meanwhile), publish what the articles' diagnostics say, and report
//! progress. A newer indexing run (after `gloss.toml` changes) makes an older one stop.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use tower_lsp::Client;
use tracing::{info, warn};

use super::progress::Progress;
use super::state::{Publication, State};
use super::{lock, publish};
use crate::analysis::AnalysisOptions;
use crate::corpus::{analyze_files, find_articles, Decoding};
use crate::describe::plural;

/// Articles analyzed per step; small enough that the corpus fills in visibly, large enough that
/// the threads stay busy.
const CHUNK: usize = 256;

pub async fn index_workspace(client: Client, state: Arc<Mutex<State>>) {
    let (root, filter, generation, progress_enabled) = {
        let mut state = lock(&state);
        state.indexing_generation += 1;
        state.refreshed_while_indexing.clear();
        let Some(root) = state.root.clone() else {
            return;
        };
        (
            root,
            state.filter.clone(),
            state.indexing_generation,
            state.client_supports_progress,
        )
    };
    let token = format!("gloss/indexing/{generation}");
    let progress = Progress::begin(&client, progress_enabled, token, "Indexing articles").await;
    let walk_root = root.clone();
    let Ok((paths, problems)) =
        tokio::task::spawn_blocking(move || find_articles(&walk_root, &filter)).await
    else {
        progress.end("indexing failed".into()).await;
        return;
    };
    for problem in problems {
        warn!("skipped {}: {}", problem.path.display(), problem.message);
    }
    let total = paths.len();
    let mut done = 0;
    let analyze = |chunk: &[PathBuf]| {
        let chunk = chunk.to_vec();
        tokio::task::spawn_blocking(move || {
            analyze_files(&chunk, AnalysisOptions::default(), Decoding::Lossy)
        })
    };
    let mut chunks = paths.chunks(CHUNK);
    let mut next = chunks.next().map(analyze);
    while let Some(analyzing) = next.take() {
        let Ok(results) = analyzing.await else {
            next = chunks.next().map(analyze);
            continue;
        };
        // The next chunk is analyzed while this one joins the corpus.
        next = chunks.next().map(analyze);
        done += results.len();
        let publications: Option<Vec<Publication>> = {
            let mut state = lock(&state);
            (state.indexing_generation == generation).then(|| {
                let mut publications = Vec::new();
                for (path, result) in results {
                    match result {
                        // The editor's text of an open document wins over the file on disk, and
                        // a file event since indexing began over what indexing read before it.
                        Ok(_) if state.open.contains_key(&path) => {}
                        Ok(_) if state.refreshed_while_indexing.contains(&path) => {}
                        Ok(analysis) => {
                            let has_findings = !analysis.diagnostics.is_empty();
                            state.corpus.insert(Arc::new(analysis));
                            state.corpus.load_sidecar(&path);
                            if has_findings {
                                publications.extend(state.own_publication(&path));
                            }
                            let sidecar = state.sidecar_publication(&path);
                            publications
                                .extend(sidecar.filter(|(_, problems, _)| !problems.is_empty()));
                        }
                        Err(error) => warn!("skipped {}: {error}", path.display()),
                    }
                }
                publications
            })
        };
        let Some(publications) = publications else {
            progress.end("superseded by a newer indexing".into()).await;
            return;
        };
        for publication in publications {
            publish(&client, publication).await;
        }
        progress.report(done, total, "articles").await;
    }
    // Findings that compare articles wait for the whole corpus, then go out once, a chunk of
    // articles at a time: a whole corpus's findings converted at once would be the most memory
    // indexing ever holds.
    let (changed, refreshes) = {
        let mut state = lock(&state);
        if state.indexing_generation == generation {
            state.refreshed_while_indexing.clear();
        }
        (state.changed_corpus_findings(), state.refreshes)
    };
    for chunk in changed.chunks(CHUNK) {
        let publications: Vec<Publication> = {
            let state = lock(&state);
            chunk
                .iter()
                .filter_map(|path| state.publication(path))
                .collect()
        };
        for publication in publications {
            publish(&client, publication).await;
        }
    }
    info!("indexed {total} articles under {}", root.display());
    progress
        .end(format!("{} indexed", plural(total, "article")))
        .await;
    // What editors drew from the partial index is redrawn from the whole.
    refreshes.request(&client);
}
