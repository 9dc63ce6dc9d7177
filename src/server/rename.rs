//! Rename on an entity: renames its canonical name in `entities.toml`, creating the entry (and the
//! file) when the entity is not there yet. The article text is never touched. The old name stays
//! as an alias, so the mentions that spell it still link to the entity.

use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::{
    PrepareRenameResponse, Range, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit,
};

use super::convert::{self, path_to_uri, uri_to_path};
use super::edits::{add_alias, append, edit_file, new_entry, quoted};
use super::state::Snapshot;
use crate::corpus::kb_text::entries;
use crate::corpus::query::entity_id;
use crate::corpus::Entity;
use crate::mention::Mention;
use crate::text::LineIndex;

fn entity_at(
    snapshot: &Snapshot,
    position: &TextDocumentPositionParams,
) -> Option<(Mention, Entity)> {
    let (_, mention) = snapshot.mention_at(position)?;
    let entity = snapshot.corpus.entity(entity_id(&mention)?)?;
    Some((mention, entity))
}

pub fn prepare_rename(
    snapshot: &Snapshot,
    position: &TextDocumentPositionParams,
) -> Option<PrepareRenameResponse> {
    let (mention, entity) = entity_at(snapshot, position)?;
    let analysis = snapshot
        .corpus
        .get(&uri_to_path(&position.text_document.uri))?;
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: convert::range(analysis, &mention.range, snapshot.encoding),
        placeholder: entity.name,
    })
}

pub fn rename(snapshot: &Snapshot, params: &RenameParams) -> Result<Option<WorkspaceEdit>> {
    let Some((_, entity)) = entity_at(snapshot, &params.text_document_position) else {
        return Ok(None);
    };
    let new_name = params.new_name.trim();
    if new_name.is_empty() || new_name.contains(['\n', '\r']) {
        return Err(Error::invalid_params(
            "an entity's name is one line of text",
        ));
    }
    let Some(uri) = snapshot.kb_path.as_deref().and_then(path_to_uri) else {
        return Err(Error::invalid_params(
            "rename needs a workspace folder for entities.toml",
        ));
    };
    let text = &snapshot.kb_text;
    let index = LineIndex::new(text);
    let at = |offset: usize| {
        convert::text_range(text, &index, &(offset..offset), snapshot.encoding).start
    };

    let exists = snapshot.kb_path.as_deref().is_some_and(|p| p.exists()) || !text.is_empty();
    let Some(entry) = entries(text)
        .into_iter()
        .find(|e| e.is(&entity.id, &entity.name))
    else {
        let aliases: Vec<&str> = (entity.name != new_name)
            .then_some(entity.name.as_str())
            .into_iter()
            .collect();
        let block = new_entry(&entity.id, new_name, entity.label, &aliases);
        return Ok(Some(append(
            uri,
            exists.then_some(text.as_str()),
            &block,
            true,
            snapshot.encoding,
        )));
    };
    let mut edits = Vec::new();
    match &entry.name {
        Some(name) => {
            let range = convert::text_range(text, &index, &name.span, snapshot.encoding);
            edits.push(TextEdit::new(range, quoted(new_name)));
        }
        None => {
            let pos = at(entry.header.end);
            edits.push(TextEdit::new(
                Range::new(pos, pos),
                format!("\nname = {}", quoted(new_name)),
            ));
        }
    }
    let already_alias = entry
        .aliases
        .as_ref()
        .is_some_and(|a| a.value.contains(entity.name.as_str()));
    if entity.name != new_name && !already_alias {
        edits.push(add_alias(text, &entry, &entity.name, snapshot.encoding));
    }
    Ok(Some(edit_file(uri, edits, exists)))
}
