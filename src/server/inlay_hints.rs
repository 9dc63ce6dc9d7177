//! Inlay hints: the resolved date beside a date that does not state its year ("last year" ‹2004›,
//! "on Thursday" ‹2023-04-06›, "11 May" ‹2018-05-11›).

use tower_lsp::lsp_types::{InlayHint, InlayHintLabel, InlayHintParams, InlayHintTooltip};

use super::convert::{self, uri_to_path};
use super::semantic_tokens::byte_range;
use super::state::Snapshot;
use crate::describe::timex_in_words;
use crate::mention::{Label, Value};

pub fn inlay_hints(snapshot: &Snapshot, params: &InlayHintParams) -> Option<Vec<InlayHint>> {
    if !snapshot.inlay_hints {
        return Some(Vec::new());
    }
    let path = uri_to_path(&params.text_document.uri);
    let corpus = &snapshot.corpus;
    let analysis = corpus.get(&path)?;
    let within = byte_range(analysis, params.range, snapshot.encoding);
    let hints = analysis
        .mentions
        .iter()
        .filter(|m| {
            m.label == Label::Date && m.range.start < within.end && within.start < m.range.end
        })
        .filter_map(|m| {
            let Value::Timex(timex) = &m.value else {
                return None;
            };
            let (value, note) = (
                timex.value.as_deref()?,
                timex.note.as_ref().map(ToString::to_string),
            );
            // A date that states its year needs no hint; one with an unknown part has none to give.
            let year = value.get(..4)?;
            if value.contains('X') || analysis.text[m.range.clone()].contains(year) {
                return None;
            }
            let tooltip = [timex_in_words(value), note]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join("\n\n");
            Some(InlayHint {
                position: convert::range(analysis, &m.range, snapshot.encoding).end,
                label: InlayHintLabel::String(value.to_string()),
                kind: None,
                text_edits: None,
                tooltip: Some(InlayHintTooltip::String(tooltip)),
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
        })
        .collect();
    Some(hints)
}
