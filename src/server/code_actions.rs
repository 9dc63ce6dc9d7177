//! Code actions: annotating what gloss recognized, each a workspace edit on the article's `.ann`
//! sidecar or on `entities.toml` (created when missing), so the editor applies it and undo works.
//!
//! On a finding: the changes to the article it proposes ("Change “Monday” to “Thursday”", "Change
//! to $32.42 billion in …"), applied only when the user picks them. On a figure or date: mark it
//! reviewed (silences its findings; a quick fix when it has one). On
//! an entity: mark it as not an entity, link it to a knowledge-base entity (candidates ranked by
//! spelling), create a knowledge-base entity from it, add its spelling as an alias. On a
//! selection that is not a mention: annotate it as a person, organization, place or other name,
//! or point an annotation whose text is gone at it. In the sidecar, on such an annotation: remove
//! it and the lines that refer to it.

use std::ops::Range;
use std::path::Path;

use tower_lsp::lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Diagnostic, Position,
    TextEdit, WorkspaceEdit,
};

use super::convert::{self, path_to_uri, uri_to_path};
use super::edits::{add_alias, append, edit_file, new_entry};
use super::semantic_tokens::byte_range;
use super::state::Snapshot;
use crate::analysis::Analysis;
use crate::corpus::kb_text::entries;
use crate::corpus::query::entity_id;
use crate::corpus::sidecar::Sidecar;
use crate::corpus::{sidecar_path, KbEntity};
use crate::mention::{Label, Mention, Value};
use crate::text::{LineCol, LineIndex};

/// How many knowledge-base entities are offered to link a mention to.
const CANDIDATES: usize = 3;

pub fn code_actions(
    snapshot: &Snapshot,
    params: &CodeActionParams,
) -> Option<Vec<CodeActionOrCommand>> {
    let path = uri_to_path(&params.text_document.uri);
    let corpus = &snapshot.corpus;
    if let Some(article) = corpus.article_of_sidecar(&path) {
        return Some(remove_lost_spans(snapshot, &article, params));
    }
    let analysis = corpus.get(&path)?;
    let selected = byte_range(analysis, params.range, snapshot.encoding);
    let sidecar = SidecarEdit::new(snapshot, analysis);
    let mut actions = Vec::new();
    if selected.start < selected.end {
        actions.extend(repoint_lost_spans(snapshot, analysis, &selected));
    }
    match corpus.mention_at(&path, selected.start) {
        Some(mention) if mention.label.is_entity() => {
            entity_actions(snapshot, analysis, &sidecar, &mention, &mut actions)
        }
        Some(mention) => {
            let findings: Vec<Diagnostic> = params
                .context
                .diagnostics
                .iter()
                .filter(|d| {
                    let range = byte_range(analysis, d.range, snapshot.encoding);
                    range.start < mention.range.end
                        && mention.range.start < range.end.max(range.start + 1)
                })
                .cloned()
                .collect();
            let text = &analysis.text[mention.range.clone()];
            let kind = if findings.is_empty() {
                CodeActionKind::REFACTOR
            } else {
                CodeActionKind::QUICKFIX
            };
            actions.push(action(
                format!("Mark “{text}” as reviewed (silences its findings)"),
                kind,
                sidecar.attribute(&mention, "Reviewed")?,
                findings,
            ));
        }
        None if selected.start < selected.end => {
            let text = &analysis.text[selected.clone()];
            if !text.contains(['\n', '\r']) {
                for (label, word) in [
                    (Label::Per, "a person"),
                    (Label::Org, "an organization"),
                    (Label::Loc, "a place"),
                    (Label::Misc, "another name"),
                ] {
                    let span = Mention {
                        range: selected.clone(),
                        label,
                        value: Value::None,
                        qualifier: None,
                    };
                    actions.push(action(
                        format!("Annotate “{text}” as {word} ({})", label.as_str()),
                        CodeActionKind::REFACTOR,
                        sidecar.span(&span)?,
                        Vec::new(),
                    ));
                }
            }
        }
        None => {}
    }
    actions.extend(finding_fixes(snapshot, analysis, &selected, params));
    Some(actions)
}

/// The changes to the article proposed by the findings the selection touches, each attached to
/// the editor's diagnostic of that finding.
fn finding_fixes(
    snapshot: &Snapshot,
    analysis: &Analysis,
    selected: &Range<usize>,
    params: &CodeActionParams,
) -> Vec<CodeActionOrCommand> {
    let mut actions = Vec::new();
    for finding in snapshot.corpus.diagnostics(&analysis.path) {
        if finding.fixes.is_empty()
            || finding.range.end < selected.start
            || selected.end < finding.range.start
        {
            continue;
        }
        let shown: Vec<Diagnostic> = params
            .context
            .diagnostics
            .iter()
            .filter(|d| byte_range(analysis, d.range, snapshot.encoding) == finding.range)
            .cloned()
            .collect();
        for fix in &finding.fixes {
            let edit = TextEdit::new(
                convert::range(analysis, &fix.range, snapshot.encoding),
                fix.replacement.clone(),
            );
            actions.push(action(
                fix.title.clone(),
                CodeActionKind::QUICKFIX,
                edit_file(params.text_document.uri.clone(), vec![edit], true),
                shown.clone(),
            ));
        }
    }
    actions
}

fn entity_actions(
    snapshot: &Snapshot,
    analysis: &Analysis,
    sidecar: &SidecarEdit,
    mention: &Mention,
    actions: &mut Vec<CodeActionOrCommand>,
) {
    let corpus = &snapshot.corpus;
    let text = &analysis.text[mention.range.clone()];
    let Some(id) = entity_id(mention) else {
        return;
    };
    if let Some(edit) = sidecar.attribute(mention, "NotEntity") {
        actions.push(action(
            format!("“{text}” is not an entity"),
            CodeActionKind::REFACTOR,
            edit,
            Vec::new(),
        ));
    }
    let kb = corpus.knowledge_base();
    for candidate in candidates(kb.entities(), text)
        .into_iter()
        .filter(|e| e.id != id)
        .take(CANDIDATES)
    {
        if let Some(edit) = sidecar.link(mention, candidate) {
            actions.push(action(
                format!("Link “{text}” to {} ({})", candidate.name, candidate.id),
                CodeActionKind::REFACTOR,
                edit,
                Vec::new(),
            ));
        }
    }
    let Some(kb_uri) = snapshot.kb_path.as_deref().and_then(path_to_uri) else {
        return;
    };
    let kb_exists =
        snapshot.kb_path.as_deref().is_some_and(|p| p.exists()) || !snapshot.kb_text.is_empty();
    let current = kb_exists.then_some(snapshot.kb_text.as_str());
    match kb.get(id) {
        None => {
            let name = corpus
                .summary(id)
                .map_or_else(|| text.to_string(), |e| e.name);
            let block = new_entry(id, &name, mention.label, &[]);
            actions.push(action(
                format!("Add {name} to the knowledge base"),
                CodeActionKind::REFACTOR,
                append(kb_uri, current, &block, true, snapshot.encoding),
                Vec::new(),
            ));
        }
        Some(entity) if entity.name != text && !entity.aliases.iter().any(|a| a == text) => {
            let Some(entry) = entries(&snapshot.kb_text)
                .into_iter()
                .find(|e| e.is(&entity.id, &entity.name))
            else {
                return;
            };
            let edit = add_alias(&snapshot.kb_text, &entry, text, snapshot.encoding);
            actions.push(action(
                format!("Add “{text}” as an alias of {}", entity.name),
                CodeActionKind::REFACTOR,
                edit_file(kb_uri, vec![edit], true),
                Vec::new(),
            ));
        }
        Some(_) => {}
    }
}

/// On a lost span's line in a sidecar: remove the span and the lines that refer to it.
fn remove_lost_spans(
    snapshot: &Snapshot,
    article: &Path,
    params: &CodeActionParams,
) -> Vec<CodeActionOrCommand> {
    let (Some(sidecar), Some(uri)) = (
        snapshot.corpus.sidecar(article),
        path_to_uri(&sidecar_path(article)),
    ) else {
        return Vec::new();
    };
    let text = &sidecar.text;
    let index = LineIndex::new(text);
    let offset = |p: Position| {
        index.offset(
            text,
            LineCol {
                line: p.line,
                col: p.character,
            },
            snapshot.encoding,
        )
    };
    let (start, end) = (offset(params.range.start), offset(params.range.end));
    snapshot
        .corpus
        .annotations(article)
        .lost
        .into_iter()
        .filter(|lost| lost.line.start <= end && start <= lost.line.end)
        .map(|lost| {
            let edits = sidecar
                .lines_about(&lost.id)
                .iter()
                .map(|range| {
                    TextEdit::new(
                        convert::text_range(text, &index, range, snapshot.encoding),
                        String::new(),
                    )
                })
                .collect();
            action(
                format!("Remove {} (“{}”) and what refers to it", lost.id, lost.text),
                CodeActionKind::QUICKFIX,
                edit_file(uri.clone(), edits, true),
                Vec::new(),
            )
        })
        .collect()
}

/// With text selected in an article whose sidecar has lost spans: point each at the selection.
fn repoint_lost_spans(
    snapshot: &Snapshot,
    analysis: &Analysis,
    selected: &Range<usize>,
) -> Vec<CodeActionOrCommand> {
    let chosen = &analysis.text[selected.clone()];
    let (Some(sidecar), Some(uri)) = (
        snapshot.corpus.sidecar(&analysis.path),
        path_to_uri(&sidecar_path(&analysis.path)),
    ) else {
        return Vec::new();
    };
    if chosen.contains(['\n', '\r']) {
        return Vec::new();
    }
    let index = LineIndex::new(&sidecar.text);
    let (start, end) = (
        analysis
            .line_index
            .char_offset(&analysis.text, selected.start),
        analysis
            .line_index
            .char_offset(&analysis.text, selected.end),
    );
    snapshot
        .corpus
        .annotations(&analysis.path)
        .lost
        .into_iter()
        .map(|lost| {
            let range = convert::text_range(&sidecar.text, &index, &lost.line, snapshot.encoding);
            let line = format!("{}\t{} {start} {end}\t{chosen}", lost.id, lost.label);
            action(
                format!(
                    "Point {} (“{}”, no longer in the article) at “{chosen}”",
                    lost.id, lost.text
                ),
                CodeActionKind::QUICKFIX,
                edit_file(uri.clone(), vec![TextEdit::new(range, line)], true),
                Vec::new(),
            )
        })
        .collect()
}

/// Knowledge-base entities whose names are spelled like `text`, best first: the same name, the
/// same last word, then a long shared beginning ("Lukashenka", "Lukashenko").
fn candidates<'a>(entities: &'a [KbEntity], text: &str) -> Vec<&'a KbEntity> {
    let text = text.to_lowercase();
    let last = |s: &str| s.rsplit(' ').next().unwrap_or("").to_string();
    let shared = |a: &str, b: &str| a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let score = |name: &str| {
        let name = name.to_lowercase();
        if name == text {
            3
        } else if last(&name) == last(&text) {
            2
        } else if shared(&last(&name), &last(&text)) >= 5 {
            1
        } else {
            0
        }
    };
    let mut ranked: Vec<(u8, &KbEntity)> = entities
        .iter()
        .filter_map(|e| {
            let best = std::iter::once(&e.name)
                .chain(&e.aliases)
                .map(|n| score(n))
                .max()?;
            (best > 0).then_some((best, e))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.name.cmp(&b.1.name)));
    ranked.into_iter().map(|(_, e)| e).collect()
}

fn action(
    title: String,
    kind: CodeActionKind,
    edit: WorkspaceEdit,
    diagnostics: Vec<Diagnostic>,
) -> CodeActionOrCommand {
    let is_preferred = (kind == CodeActionKind::QUICKFIX).then_some(true);
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: (!diagnostics.is_empty()).then_some(diagnostics),
        edit: Some(edit),
        is_preferred,
        ..CodeAction::default()
    })
}

/// Lines to add to an article's sidecar.
struct SidecarEdit<'a> {
    snapshot: &'a Snapshot,
    analysis: &'a Analysis,
    sidecar: Sidecar,
    exists: bool,
}

impl<'a> SidecarEdit<'a> {
    fn new(snapshot: &'a Snapshot, analysis: &'a Analysis) -> Self {
        let existing = snapshot.corpus.sidecar(&analysis.path);
        SidecarEdit {
            snapshot,
            analysis,
            sidecar: existing.map(|s| s.as_ref().clone()).unwrap_or_default(),
            exists: existing.is_some(),
        }
    }

    fn offsets(&self, mention: &Mention) -> (usize, usize) {
        let (text, index) = (&self.analysis.text, &self.analysis.line_index);
        (
            index.char_offset(text, mention.range.start),
            index.char_offset(text, mention.range.end),
        )
    }

    /// The id of the mention's span, and the line that adds it when the sidecar has none.
    fn span_line(&self, mention: &Mention) -> (String, Option<String>) {
        let (start, end) = self.offsets(mention);
        if let Some(id) = self.sidecar.span_at(start, end) {
            return (id.to_string(), None);
        }
        let id = self.sidecar.next_id('T');
        let text = &self.analysis.text[mention.range.clone()];
        let line = format!("{id}\t{} {start} {end}\t{text}\n", mention.label.as_str());
        (id, Some(line))
    }

    fn append(&self, lines: String) -> Option<WorkspaceEdit> {
        let uri = path_to_uri(&sidecar_path(&self.analysis.path))?;
        let current = self.exists.then_some(self.sidecar.text.as_str());
        Some(append(uri, current, &lines, false, self.snapshot.encoding))
    }

    fn span(&self, mention: &Mention) -> Option<WorkspaceEdit> {
        let (_, line) = self.span_line(mention);
        self.append(line?)
    }

    /// `A<n>\t<name> T<k>` on the mention's span, unless it is set already.
    fn attribute(&self, mention: &Mention, name: &str) -> Option<WorkspaceEdit> {
        let (span, line) = self.span_line(mention);
        if self.sidecar.has_attribute(name, &span) {
            return None;
        }
        let id = self.sidecar.next_id('A');
        self.append(format!("{}{id}\t{name} {span}\n", line.unwrap_or_default()))
    }

    /// `N<n>\tReference T<k> gloss:<id>\t<name>`.
    fn link(&self, mention: &Mention, entity: &KbEntity) -> Option<WorkspaceEdit> {
        let (span, line) = self.span_line(mention);
        let id = self.sidecar.next_id('N');
        self.append(format!(
            "{}{id}\tReference {span} gloss:{}\t{}\n",
            line.unwrap_or_default(),
            entity.id,
            entity.name
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: &str, name: &str, aliases: &[&str]) -> KbEntity {
        KbEntity {
            id: id.into(),
            name: name.into(),
            label: Some(Label::Per),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            description: None,
            wikidata: None,
        }
    }

    #[test]
    fn candidates_rank_by_spelling() {
        let kb = [
            entity("putin", "Vladimir Putin", &[]),
            entity("lukashenko", "Alexander Lukashenko", &[]),
            entity("lukashenka", "Aliaksandr Lukashenka", &["Lukashenka"]),
        ];
        let ids: Vec<&str> = candidates(&kb, "Lukashenka")
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(ids, ["lukashenka", "lukashenko"]);
        assert!(candidates(&kb, "Mezentsev").is_empty());
    }
}
