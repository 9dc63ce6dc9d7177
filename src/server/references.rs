//! Find references: every mention of the entity under the cursor, across the corpus. Without the
//! declaration, the defining mention is left out.

use tower_lsp::lsp_types::{Location, ReferenceParams};

use super::convert;
use super::state::Snapshot;
use crate::corpus::query::entity_id;
use crate::corpus::Definition;

pub fn references(snapshot: &Snapshot, params: &ReferenceParams) -> Option<Vec<Location>> {
    let (_, mention) = snapshot.mention_at(&params.text_document_position)?;
    let corpus = &snapshot.corpus;
    let id = entity_id(&mention)?;
    let definition = corpus.entity(id).and_then(|e| e.definition);
    let locations = corpus
        .occurrences(id)
        .into_iter()
        .filter(|o| {
            params.context.include_declaration
                || definition
                    != Some(Definition::Mention {
                        path: o.path.clone(),
                        range: o.range.clone(),
                    })
        })
        .filter_map(|o| convert::location(corpus.get(&o.path)?, &o.range, snapshot.encoding))
        .collect();
    Some(locations)
}
