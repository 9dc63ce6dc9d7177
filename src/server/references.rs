//! Find references: every mention of the entity under the cursor, across the corpus. Without the
//! declaration, the defining mention is left out.

use std::path::Path;
use std::sync::Arc;

use tower_lsp::lsp_types::{Location, ReferenceParams, Url};

use super::convert;
use super::state::Snapshot;
use crate::analysis::Analysis;
use crate::corpus::query::entity_id;
use crate::corpus::Definition;

pub fn references(snapshot: &Snapshot, params: &ReferenceParams) -> Option<Vec<Location>> {
    let (_, mention) = snapshot.mention_at(&params.text_document_position)?;
    let corpus = &snapshot.corpus;
    let id = entity_id(&mention)?;
    let definition = match params.context.include_declaration {
        true => None,
        false => corpus.definition(id),
    };
    let mut locations = Vec::new();
    // Occurrences come article by article, sharing the article's path: each article is looked
    // up, and its URI made, once.
    let mut article: Option<(Arc<Path>, &Analysis, Url)> = None;
    for occurrence in corpus.occurrences(id) {
        if matches!(&definition, Some(Definition::Mention { path, range })
            if *path == occurrence.path && *range == occurrence.range)
        {
            continue;
        }
        if !article
            .as_ref()
            .is_some_and(|(path, _, _)| Arc::ptr_eq(path, &occurrence.path))
        {
            let found = corpus.get(&occurrence.path).and_then(|analysis| {
                let uri = convert::path_to_uri(&analysis.path)?;
                Some((occurrence.path.clone(), analysis.as_ref(), uri))
            });
            let Some(found) = found else {
                continue;
            };
            article = Some(found);
        }
        if let Some((_, analysis, uri)) = &article {
            locations.push(Location::new(
                uri.clone(),
                convert::range(analysis, &occurrence.range, snapshot.encoding),
            ));
        }
    }
    Some(locations)
}
