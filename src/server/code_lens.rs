//! Code lens on `entities.toml`: above each entry, how often the corpus mentions it ("12 mentions
//! in 4 articles"); running it shows those mentions (`gloss.showReferences`, with the arguments of
//! VS Code's `editor.action.showReferences`: the URI, the position, the locations).

use serde_json::json;
use tower_lsp::lsp_types::{CodeLens, CodeLensParams, Command};

use super::convert::{self, uri_to_path};
use super::state::Snapshot;
use crate::corpus::kb_text::entries;
use crate::describe::plural;
use crate::recognize::entities::slug;
use crate::text::LineIndex;

pub const SHOW_REFERENCES: &str = "gloss.showReferences";

pub fn code_lens(snapshot: &Snapshot, params: &CodeLensParams) -> Option<Vec<CodeLens>> {
    let path = uri_to_path(&params.text_document.uri);
    if snapshot.kb_path.as_deref() != Some(path.as_path()) {
        return None;
    }
    let corpus = &snapshot.corpus;
    let text = &snapshot.kb_text;
    let index = LineIndex::new(text);
    let lenses = entries(text)
        .into_iter()
        .filter_map(|entry| {
            let id = match (&entry.id, &entry.name) {
                (Some(id), _) => id.value.clone(),
                (None, Some(name)) => slug(&name.value).into(),
                (None, None) => return None,
            };
            let range = convert::text_range(text, &index, &entry.header, snapshot.encoding);
            let locations: Vec<_> = corpus
                .occurrences(&id)
                .into_iter()
                .filter_map(|o| {
                    convert::location(corpus.get(&o.path)?, &o.range, snapshot.encoding)
                })
                .collect();
            let (mentions, articles) = corpus
                .entity(&id)
                .map_or((0, 0), |e| (e.mentions, e.articles));
            let title = match mentions {
                0 => "no mentions".to_string(),
                _ => format!(
                    "{} in {}",
                    plural(mentions, "mention"),
                    plural(articles, "article")
                ),
            };
            Some(CodeLens {
                range,
                command: Some(Command {
                    title,
                    command: SHOW_REFERENCES.into(),
                    arguments: Some(vec![
                        json!(params.text_document.uri),
                        json!(range.start),
                        json!(locations),
                    ]),
                }),
                data: None,
            })
        })
        .collect();
    Some(lenses)
}
