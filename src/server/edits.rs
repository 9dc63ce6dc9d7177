//! Workspace edits on the files gloss keeps beside the articles (`.ann` sidecars,
//! `entities.toml`): the editor applies them, so they can be undone, and the server never writes
//! a file itself. A file that does not exist yet is created by the edit.

use std::collections::HashMap;

use tower_lsp::lsp_types::{
    CreateFile, CreateFileOptions, DocumentChangeOperation, DocumentChanges, OneOf,
    OptionalVersionedTextDocumentIdentifier, Range, ResourceOp, TextDocumentEdit, TextEdit, Url,
    WorkspaceEdit,
};

use super::convert;
use crate::corpus::kb_text::EntryText;
use crate::mention::Label;
use crate::text::{Encoding, LineIndex};

/// Edits to one file; `exists` says whether it must be created first.
pub fn edit_file(uri: Url, edits: Vec<TextEdit>, exists: bool) -> WorkspaceEdit {
    if exists {
        return WorkspaceEdit {
            changes: Some(HashMap::from([(uri, edits)])),
            ..WorkspaceEdit::default()
        };
    }
    let create = DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
        uri: uri.clone(),
        options: Some(CreateFileOptions {
            overwrite: Some(false),
            ignore_if_exists: Some(true),
        }),
        annotation_id: None,
    }));
    let edit = DocumentChangeOperation::Edit(TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
        edits: edits.into_iter().map(OneOf::Left).collect(),
    });
    WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(vec![create, edit])),
        ..WorkspaceEdit::default()
    }
}

/// Lines added at the end of a file whose current text is `current` (`None`: no such file yet),
/// after a blank line when `paragraph` is set.
pub fn append(
    uri: Url,
    current: Option<&str>,
    lines: &str,
    paragraph: bool,
    encoding: Encoding,
) -> WorkspaceEdit {
    let text = current.unwrap_or("");
    let separator = match (text.is_empty(), text.ends_with('\n'), paragraph) {
        (true, _, _) => "",
        (false, true, false) => "",
        (false, false, false) => "\n",
        (false, true, true) if text.ends_with("\n\n") => "",
        (false, true, true) => "\n",
        (false, false, true) => "\n\n",
    };
    let end = convert::text_range(
        text,
        &LineIndex::new(text),
        &(text.len()..text.len()),
        encoding,
    )
    .start;
    let edit = TextEdit::new(Range::new(end, end), format!("{separator}{lines}"));
    edit_file(uri, vec![edit], current.is_some())
}

/// A TOML string, quoted and escaped.
pub fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A new `[[entity]]` block for `entities.toml`.
pub fn new_entry(id: &str, name: &str, label: Label, aliases: &[&str]) -> String {
    let mut block = format!(
        "[[entity]]\nid = {}\nname = {}\ntype = \"{}\"\n",
        quoted(id),
        quoted(name),
        label.as_str()
    );
    if !aliases.is_empty() {
        let list: Vec<String> = aliases.iter().map(|a| quoted(a)).collect();
        block.push_str(&format!("aliases = [{}]\n", list.join(", ")));
    }
    block
}

/// The edit that adds `alias` to an entry's aliases, creating the `aliases` line if there is none.
pub fn add_alias(text: &str, entry: &EntryText, alias: &str, encoding: Encoding) -> TextEdit {
    let index = LineIndex::new(text);
    let at = |offset: usize| convert::text_range(text, &index, &(offset..offset), encoding).start;
    match &entry.aliases {
        Some(aliases) if aliases.value.trim_start().starts_with('[') => {
            let inside = aliases.span.start + 1;
            let empty = aliases.value.trim_matches(['[', ']', ' ']).is_empty();
            let insert = if empty {
                quoted(alias)
            } else {
                format!("{}, ", quoted(alias))
            };
            TextEdit::new(Range::new(at(inside), at(inside)), insert)
        }
        _ => {
            let after = entry.name.as_ref().map_or(entry.header.end, |n| n.span.end);
            TextEdit::new(
                Range::new(at(after), at(after)),
                format!("\naliases = [{}]", quoted(alias)),
            )
        }
    }
}
