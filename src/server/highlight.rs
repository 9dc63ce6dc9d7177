//! Document highlight: the other mentions of the entity under the cursor in the same article.

use tower_lsp::lsp_types::{DocumentHighlight, DocumentHighlightKind, DocumentHighlightParams};

use super::convert::{self, uri_to_path};
use super::state::Snapshot;
use crate::corpus::query::entity_id;

pub fn highlight(
    snapshot: &Snapshot,
    params: &DocumentHighlightParams,
) -> Option<Vec<DocumentHighlight>> {
    let position = &params.text_document_position_params;
    let path = uri_to_path(&position.text_document.uri);
    let corpus = &snapshot.corpus;
    let analysis = corpus.get(&path)?;
    let offset = convert::offset(analysis, position.position, snapshot.encoding);
    let mention = corpus.mention_at(&path, offset)?;
    let id = entity_id(&mention)?;
    let highlights = corpus
        .mentions(&path)
        .iter()
        .filter(|m| entity_id(m) == Some(id))
        .map(|m| DocumentHighlight {
            range: convert::range(analysis, &m.range, snapshot.encoding),
            kind: Some(DocumentHighlightKind::TEXT),
        })
        .collect();
    Some(highlights)
}
