//! Document symbols (the outline): the article's entities, dates and figures, grouped by kind.
//! Each entity appears once, at its first mention; dates and figures appear each time.

use std::collections::HashSet;

use tower_lsp::lsp_types::{
    DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind,
};

use super::convert::{self, uri_to_path};
use super::state::Snapshot;
use crate::corpus::query::entity_id;
use crate::describe::{figure_in_words, timex_in_words};
use crate::mention::{Label, Value};

const GROUPS: [(&str, &[Label], SymbolKind); 6] = [
    ("People", &[Label::Per], SymbolKind::OBJECT),
    ("Organizations", &[Label::Org], SymbolKind::STRUCT),
    ("Places", &[Label::Loc], SymbolKind::PACKAGE),
    ("Other names", &[Label::Misc], SymbolKind::ENUM_MEMBER),
    ("Dates", &[Label::Date, Label::Duration], SymbolKind::EVENT),
    (
        "Figures",
        &[
            Label::Money,
            Label::Percent,
            Label::Quantity,
            Label::Cardinal,
            Label::Ordinal,
            Label::Multiplier,
            Label::Fraction,
        ],
        SymbolKind::NUMBER,
    ),
];

#[allow(deprecated)] // `DocumentSymbol::deprecated` must be written, though it is deprecated.
pub fn document_symbols(
    snapshot: &Snapshot,
    params: &DocumentSymbolParams,
) -> Option<DocumentSymbolResponse> {
    let path = uri_to_path(&params.text_document.uri);
    let corpus = &snapshot.corpus;
    let analysis = corpus.get(&path)?;
    let mentions = corpus.mentions(&path);
    let mut groups = Vec::new();
    for (group, labels, kind) in GROUPS {
        let mut seen = HashSet::new();
        let children: Vec<DocumentSymbol> = mentions
            .iter()
            .filter(|m| labels.contains(&m.label))
            .filter(|m| entity_id(m).map_or(true, |id| seen.insert(id.to_string())))
            .map(|m| {
                let written = analysis.text[m.range.clone()].to_string();
                let (name, detail) = match &m.value {
                    Value::Entity(entity) => {
                        let id = Some(entity.id.as_str());
                        let count = mentions.iter().filter(|o| entity_id(o) == id).count();
                        (entity.name.clone(), Some(format!("{count}× here")))
                    }
                    Value::Timex(timex) => {
                        (written, timex.value.as_deref().and_then(timex_in_words))
                    }
                    Value::Figure(figure) => (written, Some(figure_in_words(m.label, figure))),
                    Value::None => (written, None),
                };
                let range = convert::range(analysis, &m.range, snapshot.encoding);
                DocumentSymbol {
                    name,
                    detail,
                    kind,
                    tags: None,
                    deprecated: None,
                    range,
                    selection_range: range,
                    children: None,
                }
            })
            .collect();
        let (Some(first), Some(last)) = (children.first(), children.last()) else {
            continue;
        };
        let range = tower_lsp::lsp_types::Range::new(first.range.start, last.range.end);
        groups.push(DocumentSymbol {
            name: group.to_string(),
            detail: Some(children.len().to_string()),
            kind: SymbolKind::NAMESPACE,
            tags: None,
            deprecated: None,
            range,
            selection_range: first.range,
            children: Some(children),
        });
    }
    Some(DocumentSymbolResponse::Nested(groups))
}
