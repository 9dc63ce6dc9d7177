//! Go to definition: from an entity mention to its entry in the knowledge base, else to its
//! defining mention anywhere in the corpus (the full name after its title, an acronym's expansion).

use tower_lsp::lsp_types::{GotoDefinitionParams, GotoDefinitionResponse, Location};

use super::convert::{self, path_to_uri};
use super::state::Snapshot;
use crate::corpus::kb_text::entries;
use crate::corpus::query::entity_id;
use crate::corpus::Definition;
use crate::text::LineIndex;

pub fn definition(
    snapshot: &Snapshot,
    params: &GotoDefinitionParams,
) -> Option<GotoDefinitionResponse> {
    let (_, mention) = snapshot.mention_at(&params.text_document_position_params)?;
    let corpus = &snapshot.corpus;
    let entity = corpus.entity(entity_id(&mention)?)?;
    let location = definition_location(snapshot, &entity.id, &entity.name)?;
    Some(GotoDefinitionResponse::Scalar(location))
}

/// Where the entity `id` is defined: its knowledge-base entry or its defining mention.
pub fn definition_location(snapshot: &Snapshot, id: &str, name: &str) -> Option<Location> {
    let corpus = &snapshot.corpus;
    match corpus.definition(id)? {
        Definition::KnowledgeBase => knowledge_base_entry(snapshot, id, name),
        Definition::Mention { path, range } => {
            convert::location(corpus.get(&path)?, &range, snapshot.encoding)
        }
    }
}

/// The entry's `[[entity]]` block in the knowledge base file.
pub fn knowledge_base_entry(snapshot: &Snapshot, id: &str, name: &str) -> Option<Location> {
    let text = &snapshot.kb_text;
    let entry = entries(text).into_iter().find(|e| e.is(id, name))?;
    let uri = path_to_uri(snapshot.kb_path.as_ref()?)?;
    let range = entry.id.map_or(entry.header, |field| field.span);
    Some(Location::new(
        uri,
        convert::text_range(text, &LineIndex::new(text), &range, snapshot.encoding),
    ))
}
