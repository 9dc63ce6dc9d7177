//! Workspace symbols: the corpus's entities, searched by name and knowledge-base alias. A prefix
//! match ranks above a word-start match, above a substring, above letters in order.

use tower_lsp::lsp_types::{SymbolInformation, SymbolKind, WorkspaceSymbolParams};

use super::definition::definition_location;
use super::state::Snapshot;
use crate::corpus::Entity;
use crate::describe::plural;
use crate::mention::Label;

/// Enough for any picker; a short query over a large corpus matches thousands.
const MAX_RESULTS: usize = 200;

#[allow(deprecated)] // `SymbolInformation::deprecated` must be written, though it is deprecated.
pub fn workspace_symbols(
    snapshot: &Snapshot,
    params: &WorkspaceSymbolParams,
) -> Vec<SymbolInformation> {
    let corpus = &snapshot.corpus;
    let query = params.query.to_lowercase();
    let mut matches: Vec<(u8, Entity)> = corpus
        .entities()
        .into_iter()
        .filter_map(|entity| {
            let aliases = corpus
                .knowledge_base()
                .get(&entity.id)
                .map(|e| e.aliases.clone())
                .unwrap_or_default();
            let score = std::iter::once(&entity.name)
                .chain(aliases.iter())
                .filter_map(|name| match_score(&query, &name.to_lowercase()))
                .max()?;
            Some((score, entity))
        })
        .collect();
    matches.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.mentions.cmp(&a.1.mentions)));
    matches
        .into_iter()
        .take(MAX_RESULTS)
        .filter_map(|(_, entity)| {
            Some(SymbolInformation {
                location: definition_location(snapshot, &entity.id, &entity.name)?,
                kind: symbol_kind(entity.label),
                container_name: Some(format!(
                    "{} in {}",
                    plural(entity.mentions, "mention"),
                    plural(entity.articles, "article")
                )),
                name: entity.name,
                tags: None,
                deprecated: None,
            })
        })
        .collect()
}

fn symbol_kind(label: Label) -> SymbolKind {
    match label {
        Label::Per => SymbolKind::OBJECT,
        Label::Org => SymbolKind::STRUCT,
        Label::Loc => SymbolKind::PACKAGE,
        _ => SymbolKind::ENUM_MEMBER,
    }
}

/// How well `query` matches `name` (both lower case), or `None`.
fn match_score(query: &str, name: &str) -> Option<u8> {
    if query.is_empty() || name.starts_with(query) {
        return Some(4);
    }
    if name.split([' ', '-']).any(|word| word.starts_with(query)) {
        return Some(3);
    }
    if name.contains(query) {
        return Some(2);
    }
    let mut letters = name.chars();
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .all(|q| letters.any(|c| c == q))
        .then_some(1)
}

#[cfg(test)]
mod tests {
    use super::match_score;

    #[test]
    fn matches_rank_prefix_word_substring_then_letters() {
        assert_eq!(match_score("vlad", "vladimir putin"), Some(4));
        assert_eq!(match_score("put", "vladimir putin"), Some(3));
        assert_eq!(match_score("utin", "vladimir putin"), Some(2));
        assert_eq!(match_score("vp", "vladimir putin"), Some(1));
        assert_eq!(match_score("xyz", "vladimir putin"), None);
    }
}
