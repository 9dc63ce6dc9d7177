//! Where each entry sits in the text of `entities.toml`, for the editor features that point into
//! it or edit it (go to definition, code lens, rename). Reads lines, not TOML: it must work on a
//! file being typed, which is often not valid TOML.

use std::ops::Range;

use crate::text::lines;

/// One `[[entity]]` block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryText {
    /// From the `[[entity]]` line to the end of the block's last non-blank line.
    pub block: Range<usize>,
    /// The `[[entity]]` line.
    pub header: Range<usize>,
    pub id: Option<Field>,
    pub name: Option<Field>,
    pub aliases: Option<Field>,
}

/// A `key = value` line: the value as written (quotes removed for strings) and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub value: String,
    /// The value, quotes included.
    pub span: Range<usize>,
}

impl EntryText {
    /// Whether this entry is the one with `id` (or, with no `id` line, the one named `name`).
    pub fn is(&self, id: &str, name: &str) -> bool {
        match &self.id {
            Some(field) => field.value == id,
            None => self.name.as_ref().is_some_and(|field| field.value == name),
        }
    }
}

pub fn entries(text: &str) -> Vec<EntryText> {
    let mut entries: Vec<EntryText> = Vec::new();
    let mut inside = false;
    for line in lines(text, 0) {
        let content = line.text(text);
        let trimmed = content.trim();
        if trimmed == "[[entity]]" {
            inside = true;
            entries.push(EntryText {
                block: line.content.clone(),
                header: line.content.clone(),
                id: None,
                name: None,
                aliases: None,
            });
            continue;
        }
        if trimmed.starts_with('[') {
            inside = false;
        }
        let Some(entry) = entries.last_mut().filter(|_| inside) else {
            continue;
        };
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        entry.block.end = line.content.end;
        let Some((key, value)) = content.split_once('=') else {
            continue;
        };
        let value_start =
            line.content.start + key.len() + 1 + (value.len() - value.trim_start().len());
        let raw = value.trim();
        let field = Field {
            value: raw.trim_matches('"').to_string(),
            span: value_start..value_start + raw.len(),
        };
        match key.trim() {
            "id" => entry.id = Some(field),
            "name" => entry.name = Some(field),
            "aliases" => entry.aliases = Some(field),
            _ => {}
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_entries_and_their_fields() {
        let text = "# people\n[[entity]]\nid = \"vladimir-putin\"\nname = \"Vladimir Putin\"\naliases = [\"Putin\"]\n\n[[entity]]\nname = \"Minsk\"\ntype = \"LOC\"\n";
        let found = entries(text);
        assert_eq!(found.len(), 2);
        assert!(found[0].is("vladimir-putin", "x"));
        assert_eq!(
            &text[found[0].name.as_ref().unwrap().span.clone()],
            "\"Vladimir Putin\""
        );
        assert_eq!(
            &text[found[0].aliases.as_ref().unwrap().span.clone()],
            "[\"Putin\"]"
        );
        assert!(found[1].is("minsk", "Minsk"));
        assert_eq!(
            &text[found[1].block.clone()],
            "[[entity]]\nname = \"Minsk\"\ntype = \"LOC\""
        );
    }
}
