//! The knowledge base: the user's canonical entities from `entities.toml` (design.md, "The
//! corpus on disk"). A malformed file or entry never stops the corpus: what cannot be read is
//! skipped and reported as a problem.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::mention::Label;
use crate::recognize::entities::slug;

#[derive(Debug, Clone, PartialEq)]
pub struct KbEntity {
    pub id: String,
    pub name: String,
    pub label: Option<Label>,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    pub wikidata: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    entities: Vec<KbEntity>,
    /// Lowercased names and aliases → index into `entities`.
    by_name: HashMap<String, usize>,
}

/// One `[[entity]]` table as written; every field optional so that one bad field costs only
/// its entry.
#[derive(Deserialize)]
struct RawEntity {
    id: Option<toml::Value>,
    name: Option<toml::Value>,
    #[serde(rename = "type")]
    kind: Option<toml::Value>,
    aliases: Option<toml::Value>,
    description: Option<toml::Value>,
    wikidata: Option<toml::Value>,
}

fn string(value: Option<toml::Value>) -> Option<String> {
    match value {
        Some(toml::Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    }
}

fn label(value: &str) -> Option<Label> {
    match value.to_ascii_uppercase().as_str() {
        "PER" | "PERSON" => Some(Label::Per),
        "ORG" | "ORGANIZATION" => Some(Label::Org),
        "LOC" | "LOCATION" | "GPE" => Some(Label::Loc),
        "MISC" => Some(Label::Misc),
        _ => None,
    }
}

impl KnowledgeBase {
    /// Reads `entities.toml` text; returns what could be read and a message for each entry or
    /// field that could not.
    pub fn parse(text: &str) -> (KnowledgeBase, Vec<String>) {
        let mut problems = Vec::new();
        let mut kb = KnowledgeBase::default();
        let table: toml::Table = match text.parse() {
            Ok(table) => table,
            Err(e) => {
                problems.push(format!("entities.toml is not valid TOML: {}", e.message()));
                return (kb, problems);
            }
        };
        let entries = match table.get("entity") {
            Some(toml::Value::Array(entries)) => entries.clone(),
            Some(_) => {
                problems.push("`entity` must be an array of tables: write `[[entity]]`".into());
                return (kb, problems);
            }
            None => return (kb, problems),
        };
        for (n, entry) in entries.into_iter().enumerate() {
            let Ok(raw) = entry.try_into::<RawEntity>() else {
                problems.push(format!("entity {}: not a table, skipped", n + 1));
                continue;
            };
            let Some(name) = string(raw.name) else {
                problems.push(format!("entity {}: no `name`, skipped", n + 1));
                continue;
            };
            let id = string(raw.id).unwrap_or_else(|| slug(&name).into());
            let kind = string(raw.kind);
            let entity_label = kind.as_deref().and_then(label);
            if kind.is_some() && entity_label.is_none() {
                problems.push(format!(
                    "entity {id}: `type` must be PER, ORG, LOC or MISC; the type is left open"
                ));
            }
            let aliases = match raw.aliases {
                Some(toml::Value::Array(values)) => {
                    values.into_iter().filter_map(|v| string(Some(v))).collect()
                }
                _ => Vec::new(),
            };
            kb.add(KbEntity {
                id,
                name,
                label: entity_label,
                aliases,
                description: string(raw.description),
                wikidata: string(raw.wikidata),
            });
        }
        (kb, problems)
    }

    /// Reads the file at `path`; a missing file is an empty knowledge base.
    pub fn load(path: &Path) -> (KnowledgeBase, Vec<String>) {
        match super::read_file(path) {
            Ok(bytes) => KnowledgeBase::parse(&String::from_utf8_lossy(&bytes)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Default::default(),
            Err(e) => (
                KnowledgeBase::default(),
                vec![format!("cannot read {}: {e}", path.display())],
            ),
        }
    }

    fn add(&mut self, entity: KbEntity) {
        if self.entities.iter().any(|e| e.id == entity.id) {
            return;
        }
        let index = self.entities.len();
        for name in std::iter::once(&entity.name).chain(&entity.aliases) {
            self.by_name.entry(name.to_lowercase()).or_insert(index);
        }
        self.entities.push(entity);
    }

    pub fn entities(&self) -> &[KbEntity] {
        &self.entities
    }

    /// The entity a name or alias stands for, ignoring case.
    pub fn lookup(&self, name: &str) -> Option<&KbEntity> {
        self.by_name
            .get(&name.to_lowercase())
            .map(|&i| &self.entities[i])
    }

    pub fn get(&self, id: &str) -> Option<&KbEntity> {
        self.entities.iter().find(|e| e.id == id)
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entities_and_skips_what_is_malformed() {
        let text = r#"
[[entity]]
id = "vladimir-putin"
name = "Vladimir Putin"
type = "PER"
aliases = ["Putin", "V. Putin", 3]
description = "President of Russia"
wikidata = "Q7747"

[[entity]]
id = "nameless"

[[entity]]
name = "Union State"
type = "organisation-ish"

[[entity]]
name = 42
"#;
        let (kb, problems) = KnowledgeBase::parse(text);
        assert_eq!(kb.entities().len(), 2);
        let putin = kb.lookup("putin").unwrap();
        assert_eq!(putin.id, "vladimir-putin");
        assert_eq!(putin.label, Some(Label::Per));
        assert_eq!(putin.aliases, ["Putin", "V. Putin"]);
        assert_eq!(kb.lookup("Union State").unwrap().id, "union-state");
        assert_eq!(kb.lookup("Union State").unwrap().label, None);
        assert_eq!(problems.len(), 3);
    }

    #[test]
    fn survives_garbage() {
        for text in [
            "",
            "[[entity",
            "entity = 3",
            "[entity]\nname = \"x\"",
            "\u{0}\u{feff}",
        ] {
            let (kb, _) = KnowledgeBase::parse(text);
            assert!(kb.is_empty());
        }
    }
}
