//! Completion in `entities.toml`: after `type =`, the entity types; after `id =`, the ids of the
//! corpus's entities that are not in the knowledge base yet, most mentioned first, with their
//! names, types and counts beside them.

use tower_lsp::lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse,
};

use super::convert::uri_to_path;
use super::state::Snapshot;
use crate::corpus::kb_text::entries;
use crate::text::{LineCol, LineIndex};

/// Enough ids to choose from; the list is filtered as the user types.
const MAX_IDS: usize = 100;

pub fn completion(snapshot: &Snapshot, params: &CompletionParams) -> Option<CompletionResponse> {
    let position = &params.text_document_position;
    if snapshot.kb_path.as_deref() != Some(uri_to_path(&position.text_document.uri).as_path()) {
        return None;
    }
    let text = &snapshot.kb_text;
    let index = LineIndex::new(text);
    let at = LineCol {
        line: position.position.line,
        col: position.position.character,
    };
    let offset = index.offset(text, at, snapshot.encoding);
    let line_start = index.line_content(index.line_of(offset)).start;
    let before = text[line_start..offset].trim_start();
    let key = before.split('=').next().unwrap_or("").trim();
    if !before.contains('=') {
        return None;
    }
    let items = match key {
        "type" => [
            ("PER", "a person"),
            ("ORG", "an organization"),
            ("LOC", "a place"),
            ("MISC", "another name: nationality, event, document"),
        ]
        .into_iter()
        .map(|(label, detail)| CompletionItem {
            label: label.to_string(),
            kind: Some(CompletionItemKind::ENUM_MEMBER),
            detail: Some(detail.to_string()),
            ..CompletionItem::default()
        })
        .collect(),
        "id" => {
            let listed: Vec<String> = entries(text)
                .into_iter()
                .filter_map(|e| e.id.map(|id| id.value))
                .collect();
            snapshot
                .corpus
                .entities()
                .into_iter()
                .filter(|e| !listed.contains(&e.id))
                .take(MAX_IDS)
                .map(|e| CompletionItem {
                    label: e.id.clone(),
                    kind: Some(CompletionItemKind::VALUE),
                    detail: Some(format!(
                        "{} ({}), {} mentions in {} articles",
                        e.name,
                        e.label.as_str(),
                        e.mentions,
                        e.articles
                    )),
                    ..CompletionItem::default()
                })
                .collect()
        }
        _ => return None,
    };
    Some(CompletionResponse::Array(items))
}
