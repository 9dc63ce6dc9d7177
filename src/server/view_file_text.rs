//! `gloss/viewFileText`: the text the server holds for a document, to check that the editor and
//! the server agree after edits (as rust-analyzer's `viewFileText`).

use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::TextDocumentIdentifier;

use super::convert::uri_to_path;
use super::state::State;

pub const METHOD: &str = "gloss/viewFileText";

pub fn view_file_text(state: &State, params: &TextDocumentIdentifier) -> Result<String> {
    let path = uri_to_path(&params.uri);
    if let Some(document) = state.open.get(&path) {
        return Ok(document.text.to_string());
    }
    state
        .corpus
        .get(&path)
        .map(|analysis| analysis.text.clone())
        .ok_or_else(|| {
            Error::invalid_params(format!("{} is not an article gloss knows", params.uri))
        })
}
