//! Find references: every mention of the entity under the cursor, across the corpus. Without the
//! declaration, the defining mention is left out. An entity named in every article has tens of
//! thousands of places, so the answer is encoded here, each article's URI made once.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use tower_lsp::lsp_types::{Position, Range, ReferenceParams};

use super::convert;
use super::state::Snapshot;
use crate::corpus::query::{entity_id, Place};
use crate::corpus::Definition;
use crate::text::{Encoding, LineCol};

/// The answer as JSON: `Location[]`, or `null` when the cursor is on no entity. Each article's
/// places are converted and encoded on their own, in parallel, then joined.
pub fn encoded(snapshot: &Snapshot, params: &ReferenceParams) -> Vec<u8> {
    let Some(articles) = articles(snapshot, params) else {
        return b"null".to_vec();
    };
    let corpus = &snapshot.corpus;
    let fragments: Vec<Vec<u8>> = articles
        .par_iter()
        .filter_map(|(path, places)| {
            let uri = convert::path_to_uri(path)?;
            // The corpus keeps UTF-16 positions; other encodings are counted in the text.
            let analysis = match snapshot.encoding {
                Encoding::Utf16 => None,
                _ => Some(corpus.get(path)?),
            };
            // Every `Location` of the article starts alike: its URI is encoded once.
            let mut start = br#"{"uri":"#.to_vec();
            serde_json::to_writer(&mut start, &uri).ok()?;
            start.extend_from_slice(br#","range":"#);
            let mut fragment = Vec::with_capacity(places.len() * (start.len() + 80));
            for (i, place) in places.iter().enumerate() {
                if i > 0 {
                    fragment.push(b',');
                }
                let range = match analysis {
                    None => Range::new(position(place.start), position(place.end)),
                    Some(analysis) => convert::range(analysis, &place.range, snapshot.encoding),
                };
                fragment.extend_from_slice(&start);
                serde_json::to_writer(&mut fragment, &range).ok()?;
                fragment.push(b'}');
            }
            Some(fragment)
        })
        .filter(|fragment| !fragment.is_empty())
        .collect();
    let mut json = Vec::with_capacity(fragments.iter().map(|f| f.len() + 1).sum::<usize>() + 2);
    json.push(b'[');
    for (i, fragment) in fragments.iter().enumerate() {
        if i > 0 {
            json.push(b',');
        }
        json.extend_from_slice(fragment);
    }
    json.push(b']');
    json
}

fn position(at: LineCol) -> Position {
    Position::new(at.line, at.col)
}

/// The entity's mentions by article, without the defining one when the declaration is not asked
/// for; `None` when the cursor is on no entity.
fn articles(snapshot: &Snapshot, params: &ReferenceParams) -> Option<Vec<(Arc<Path>, Vec<Place>)>> {
    let (_, mention) = snapshot.mention_at(&params.text_document_position)?;
    let corpus = &snapshot.corpus;
    let id = entity_id(&mention)?;
    let mut articles = corpus.places_by_article(id);
    if !params.context.include_declaration {
        if let Some(Definition::Mention { path, range }) = corpus.definition(id) {
            for (_, places) in articles.iter_mut().filter(|(p, _)| *p == path) {
                places.retain(|place| place.range != range);
            }
        }
    }
    Some(articles)
}
