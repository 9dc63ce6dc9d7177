//! Asking the client to redraw what depends on the whole corpus (semantic tokens, inlay hints,
//! code lenses) after a change that can alter it beyond one article: the knowledge base, a
//! sidecar, files changed on disk, the end of indexing. Only clients that say they support each
//! refresh get it, and a client that does not answer does not hold anything up.

use std::time::Duration;

use tower_lsp::lsp_types::ClientCapabilities;
use tower_lsp::Client;

const ANSWER_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, Copy, Default)]
pub struct Refreshes {
    semantic_tokens: bool,
    inlay_hints: bool,
    code_lens: bool,
}

impl Refreshes {
    pub fn supported_by(capabilities: &ClientCapabilities) -> Self {
        let workspace = capabilities.workspace.as_ref();
        Refreshes {
            semantic_tokens: workspace
                .and_then(|w| w.semantic_tokens.as_ref())
                .and_then(|s| s.refresh_support)
                .unwrap_or(false),
            inlay_hints: workspace
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|s| s.refresh_support)
                .unwrap_or(false),
            code_lens: workspace
                .and_then(|w| w.code_lens.as_ref())
                .and_then(|s| s.refresh_support)
                .unwrap_or(false),
        }
    }

    /// Sends the refreshes in the background.
    pub fn request(self, client: &Client) {
        let client = client.clone();
        tokio::spawn(async move {
            if self.semantic_tokens {
                let _ =
                    tokio::time::timeout(ANSWER_TIMEOUT, client.semantic_tokens_refresh()).await;
            }
            if self.inlay_hints {
                let _ = tokio::time::timeout(ANSWER_TIMEOUT, client.inlay_hint_refresh()).await;
            }
            if self.code_lens {
                let _ = tokio::time::timeout(ANSWER_TIMEOUT, client.code_lens_refresh()).await;
            }
        });
    }
}
