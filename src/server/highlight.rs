//! Document highlight: the other mentions of the entity under the cursor in the same article.

use tower_lsp::lsp_types::{DocumentHighlight, DocumentHighlightKind, DocumentHighlightParams};

use super::convert;
use super::state::Snapshot;
use crate::corpus::query::entity_id;

pub fn highlight(
    snapshot: &Snapshot,
    params: &DocumentHighlightParams,
) -> Option<Vec<DocumentHighlight>> {
    let (analysis, mention) = snapshot.mention_at(&params.text_document_position_params)?;
    let corpus = &snapshot.corpus;
    let id = entity_id(&mention)?;
    let highlights = corpus
        .mentions(&analysis.path)
        .iter()
        .filter(|m| entity_id(m) == Some(id))
        .map(|m| DocumentHighlight {
            range: convert::range(analysis, &m.range, snapshot.encoding),
            kind: Some(DocumentHighlightKind::TEXT),
        })
        .collect();
    Some(highlights)
}
