//! Rename on an entity: renames its canonical name in `entities.toml`, creating the entry (and the
//! file) when the entity is not there yet. The article text is never touched. The old name stays
//! as an alias, so the mentions that spell it still link to the entity.

use std::collections::HashMap;

use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types::{
    CreateFile, CreateFileOptions, DocumentChangeOperation, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, PrepareRenameResponse, Range, RenameParams,
    ResourceOp, TextDocumentEdit, TextDocumentPositionParams, TextEdit, Url, WorkspaceEdit,
};

use super::convert::{self, path_to_uri, uri_to_path};
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
    let path = uri_to_path(&position.text_document.uri);
    let corpus = &snapshot.corpus;
    let analysis = corpus.get(&path)?;
    let offset = convert::offset(analysis, position.position, snapshot.encoding);
    let mention = corpus.mention_at(&path, offset)?;
    let entity = corpus.entity(entity_id(&mention)?)?;
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
    let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
    let old_alias = (entity.name != new_name).then(|| quoted(&entity.name));

    let edits = match entries(text)
        .into_iter()
        .find(|e| e.is(&entity.id, &entity.name))
    {
        Some(entry) => {
            let mut edits = Vec::new();
            let name_end = match &entry.name {
                Some(name) => {
                    let range = convert::text_range(text, &index, &name.span, snapshot.encoding);
                    edits.push(TextEdit::new(range, quoted(new_name)));
                    name.span.end
                }
                None => {
                    let pos = at(entry.header.end);
                    edits.push(TextEdit::new(
                        Range::new(pos, pos),
                        format!("\nname = {}", quoted(new_name)),
                    ));
                    entry.header.end
                }
            };
            let already_alias = entry
                .aliases
                .as_ref()
                .is_some_and(|a| a.value.contains(entity.name.as_str()));
            if let Some(alias) = old_alias.filter(|_| !already_alias) {
                match &entry.aliases {
                    Some(aliases) if aliases.value.trim_start().starts_with('[') => {
                        let inside = aliases.span.start + 1;
                        let empty = aliases.value.trim_matches(['[', ']', ' ']).is_empty();
                        let insert = if empty { alias } else { format!("{alias}, ") };
                        edits.push(TextEdit::new(Range::new(at(inside), at(inside)), insert));
                    }
                    _ => {
                        let pos = at(name_end);
                        edits.push(TextEdit::new(
                            Range::new(pos, pos),
                            format!("\naliases = [{alias}]"),
                        ));
                    }
                }
            }
            edits
        }
        None => {
            let mut block = format!(
                "[[entity]]\nid = {}\nname = {}\ntype = \"{}\"\n",
                quoted(&entity.id),
                quoted(new_name),
                entity.label.as_str()
            );
            if let Some(alias) = old_alias {
                block.push_str(&format!("aliases = [{alias}]\n"));
            }
            let separator = match text.len() {
                0 => "",
                _ if text.ends_with("\n\n") => "",
                _ if text.ends_with('\n') => "\n",
                _ => "\n\n",
            };
            let end = at(text.len());
            vec![TextEdit::new(
                Range::new(end, end),
                format!("{separator}{block}"),
            )]
        }
    };
    let exists = snapshot.kb_path.as_deref().is_some_and(|p| p.exists()) || !text.is_empty();
    Ok(Some(workspace_edit(uri, edits, exists)))
}

fn workspace_edit(uri: Url, edits: Vec<TextEdit>, exists: bool) -> WorkspaceEdit {
    if exists {
        return WorkspaceEdit {
            changes: Some(HashMap::from([(uri, edits)])),
            ..WorkspaceEdit::default()
        };
    }
    let create = DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
        uri: uri.clone(),
        options: Some(CreateFileOptions {
            overwrite: Some(false),
            ignore_if_exists: Some(true),
        }),
        annotation_id: None,
    }));
    let edit = DocumentChangeOperation::Edit(TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
        edits: edits.into_iter().map(OneOf::Left).collect(),
    });
    WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(vec![create, edit])),
        ..WorkspaceEdit::default()
    }
}
