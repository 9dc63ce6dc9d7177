//! Hover: what gloss knows about the mention under the cursor, as Markdown that reads well in
//! VS Code and Neovim alike. An entity shows its card and where else the corpus mentions it; a
//! date shows its value in words and how it was resolved; a figure shows its value spelled out.

use tower_lsp::lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::convert::{self, path_to_uri};
use super::state::Snapshot;
use crate::analysis::Analysis;
use crate::corpus::query::article_label;
use crate::corpus::Corpus;
use crate::describe::{figure_in_words, plural, timex_in_words};
use crate::mention::{Label, Mention, Value};

/// How many articles and companion entities a card lists before it says "and N more".
const LISTED: usize = 5;

pub fn hover(snapshot: &Snapshot, params: &HoverParams) -> Option<Hover> {
    let (analysis, mention) = snapshot.mention_at(&params.text_document_position_params)?;
    let corpus = &snapshot.corpus;
    let markdown = match &mention.value {
        Value::Entity(entity) if mention.label.is_entity() => {
            entity_card(corpus, &entity.id, &mention)?
        }
        Value::Timex(_) | Value::None if matches!(mention.label, Label::Date | Label::Duration) => {
            date_card(analysis, &mention)
        }
        Value::Figure(_) => figure_card(analysis, &mention),
        _ => return None,
    };
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: markdown,
        }),
        range: Some(convert::range(analysis, &mention.range, snapshot.encoding)),
    })
}

fn kind_word(label: Label) -> &'static str {
    match label {
        Label::Per => "person",
        Label::Org => "organization",
        Label::Loc => "place",
        Label::Misc => "name",
        Label::Date => "date",
        Label::Duration => "duration",
        Label::Money => "money",
        Label::Percent => "percentage",
        Label::Quantity => "quantity",
        Label::Cardinal => "count",
        Label::Ordinal => "ordinal",
        Label::Multiplier => "multiplier",
        Label::Fraction => "fraction",
    }
}

fn entity_card(corpus: &Corpus, id: &str, mention: &Mention) -> Option<String> {
    let entity = corpus.entity(id)?;
    let kb = corpus.knowledge_base().get(id);
    // Blocks are separate paragraphs; Markdown would run adjacent lines together.
    let mut blocks = vec![format!("### {}", escape(&entity.name))];
    let description = kb.and_then(|e| e.description.clone()).or_else(|| {
        corpus
            .titles(id)
            .into_iter()
            .take(2)
            .reduce(|a, b| format!("{a}; {b}"))
    });
    let mut kind = format!("*{}*", kind_word(entity.label));
    if mention.label == Label::Misc && entity.label != Label::Misc {
        kind = format!("*{}* (as a demonym)", kind_word(entity.label));
    }
    match description {
        Some(description) => blocks.push(format!("{kind} · {}", escape(&description))),
        None => blocks.push(kind),
    }
    if let Some(kb) = kb {
        let mut ids = format!("Knowledge base: `{}`", kb.id);
        if let Some(q) = &kb.wikidata {
            ids.push_str(&format!(
                " · Wikidata [{q}](https://www.wikidata.org/wiki/{q})"
            ));
        }
        blocks.push(ids);
    }
    blocks.push(format!(
        "**{} in {}**",
        plural(entity.mentions, "mention"),
        plural(entity.articles, "article")
    ));

    let (recent, total) = corpus.recent_articles(id, LISTED);
    let articles: Vec<(&Analysis, usize)> = recent
        .iter()
        .filter_map(|(path, count)| Some((corpus.get(path)?.as_ref(), *count)))
        .collect();
    if !articles.is_empty() {
        let mut table = vec![
            "| article | date | mentions |".to_string(),
            "|---|---|---:|".to_string(),
        ];
        for (analysis, count) in &articles {
            let title = escape(&article_label(analysis));
            let link = path_to_uri(&analysis.path)
                .map_or(title.clone(), |uri| format!("[{title}]({uri})"));
            let date = analysis
                .publication_date
                .map_or("—".to_string(), |d| d.to_string());
            table.push(format!("| {link} | {date} | {count} |"));
        }
        blocks.push(table.join("\n"));
        if total > LISTED {
            blocks.push(format!("…and {} more", plural(total - LISTED, "article")));
        }
    }

    let companions: Vec<String> = corpus
        .appears_with(id, LISTED)
        .into_iter()
        .filter_map(|(other, shared)| {
            let other = corpus.summary(&other)?;
            Some(format!("{} ({shared})", escape(&other.name)))
        })
        .collect();
    if !companions.is_empty() {
        blocks.push(format!("Appears with: {}", companions.join(", ")));
    }
    Some(blocks.join("\n\n"))
}

fn date_card(analysis: &Analysis, mention: &Mention) -> String {
    let written = &analysis.text[mention.range.clone()];
    let kind = kind_word(mention.label);
    let mut lines = Vec::new();
    match mention.value.timex_value() {
        Some(timex) => {
            let words = timex_in_words(timex).unwrap_or_else(|| timex.to_string());
            lines.push(format!("### {}", escape(&words)));
            lines.push(format!("*{kind}* · `{timex}`"));
        }
        None => {
            lines.push(format!("### {}", escape(written)));
            lines.push(format!("*{kind}*, not resolved to a value"));
        }
    }
    if let Value::Timex(timex) = &mention.value {
        lines.extend(timex.note.as_ref().map(|note| escape(&note.to_string())));
    }
    lines.join("\n\n")
}

fn figure_card(analysis: &Analysis, mention: &Mention) -> String {
    let written = &analysis.text[mention.range.clone()];
    let mut lines = vec![
        format!("### {}", escape(written)),
        format!("*{}*", kind_word(mention.label)),
    ];
    if let Value::Figure(figure) = &mention.value {
        let mut value = figure_in_words(mention.label, figure);
        if let Some(qualifier) = &mention.qualifier {
            value = format!("{qualifier} {value}");
        }
        lines.push(escape(&value));
    }
    lines.join("\n\n")
}

/// Markdown-escapes text from articles, so a `*` or `|` in a title does not change the layout.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '<' | '>' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_in_article_text_is_escaped() {
        assert_eq!(escape("a*b|c_[d]"), "a\\*b\\|c\\_\\[d\\]");
    }
}
