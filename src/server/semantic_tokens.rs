//! Semantic tokens: entities by type, dates and figures, so themes colour them. Modifiers mark an
//! entity linked beyond this article (in the knowledge base or mentioned elsewhere) and a figure
//! or date that has a finding.

use std::ops::Range;

use tower_lsp::lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokensLegend,
};

use super::state::Snapshot;
use crate::analysis::Analysis;
use crate::corpus::query::entity_id;
use crate::diagnostic::Severity;
use crate::mention::{Label, Mention};
use crate::text::Encoding;

const TYPES: [&str; 6] = ["person", "organization", "place", "misc", "date", "figure"];
const MODIFIERS: [&str; 2] = ["linked", "finding"];
const LINKED: u32 = 1;
const FINDING: u32 = 2;

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.iter().map(|t| SemanticTokenType::new(t)).collect(),
        token_modifiers: MODIFIERS
            .iter()
            .map(|m| SemanticTokenModifier::new(m))
            .collect(),
    }
}

fn token_type(label: Label) -> u32 {
    match label {
        Label::Per => 0,
        Label::Org => 1,
        Label::Loc => 2,
        Label::Misc => 3,
        Label::Date | Label::Duration => 4,
        _ => 5,
    }
}

/// The tokens of an article, within `within` (bytes) when given, in the protocol's relative
/// encoding. Mentions that span lines become one token per line; overlapping mentions keep the
/// first.
pub fn tokens(
    snapshot: &Snapshot,
    analysis: &Analysis,
    within: Option<Range<usize>>,
) -> Vec<SemanticToken> {
    let corpus = &snapshot.corpus;
    let findings: Vec<&Range<usize>> = analysis
        .diagnostics
        .iter()
        .filter(|d| d.severity <= Severity::Warning)
        .map(|d| &d.range)
        .collect();
    let mut tokens = Vec::new();
    let (mut line, mut col, mut covered) = (0, 0, 0);
    for mention in corpus.mentions(&analysis.path) {
        let range = &mention.range;
        if range.start < covered
            || within
                .as_ref()
                .is_some_and(|w| range.end <= w.start || range.start >= w.end)
        {
            continue;
        }
        covered = range.end;
        let modifiers = modifiers(snapshot, &mention, &findings);
        for (start, end) in line_pieces(analysis, range) {
            let from = analysis
                .line_index
                .position(&analysis.text, start, snapshot.encoding);
            let to = analysis
                .line_index
                .position(&analysis.text, end, snapshot.encoding);
            let delta_line = from.line - line;
            let delta_start = if delta_line == 0 {
                from.col - col
            } else {
                from.col
            };
            tokens.push(SemanticToken {
                delta_line,
                delta_start,
                length: to.col - from.col,
                token_type: token_type(mention.label),
                token_modifiers_bitset: modifiers,
            });
            (line, col) = (from.line, from.col);
        }
    }
    tokens
}

fn modifiers(snapshot: &Snapshot, mention: &Mention, findings: &[&Range<usize>]) -> u32 {
    let corpus = &snapshot.corpus;
    let linked = entity_id(mention).is_some_and(|id| {
        corpus.knowledge_base().get(id).is_some() || corpus.in_several_articles(id)
    });
    let has_finding = findings
        .iter()
        .any(|f| f.start < mention.range.end && mention.range.start < f.end.max(f.start + 1));
    (u32::from(linked) * LINKED) | (u32::from(has_finding) * FINDING)
}

/// The parts of a byte range on each line it touches, line breaks left out.
fn line_pieces(analysis: &Analysis, range: &Range<usize>) -> Vec<(usize, usize)> {
    let index = &analysis.line_index;
    let (first, last) = (index.line_of(range.start), index.line_of(range.end));
    (first..=last)
        .filter_map(|line| {
            let content = index.line_content(line);
            let (start, end) = (range.start.max(content.start), range.end.min(content.end));
            (start < end).then_some((start, end))
        })
        .collect()
}

/// The byte range of an LSP range in an article, for range requests.
pub fn byte_range(
    analysis: &Analysis,
    range: tower_lsp::lsp_types::Range,
    encoding: Encoding,
) -> Range<usize> {
    let start = super::convert::offset(analysis, range.start, encoding);
    let end = super::convert::offset(analysis, range.end, encoding);
    start..end.max(start)
}
