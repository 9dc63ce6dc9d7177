//! Problems in `entities.toml`, as diagnostics on the lines that have them: TOML that does not
//! parse, unknown keys, duplicate ids, an entry without a name, a type that is not PER, ORG, LOC or
//! MISC, a Wikidata id that is not `Q` and digits. The entries without problems still apply.

use std::collections::HashMap;
use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::text::lines;

/// The diagnostic code for problems in the knowledge base.
pub const KNOWLEDGE_BASE: &str = "knowledge-base";

const KEYS: &[&str] = &["id", "name", "type", "aliases", "description", "wikidata"];
const TYPES: &[&str] = &["PER", "ORG", "LOC", "MISC"];

pub fn check(text: &str) -> Vec<Diagnostic> {
    if let Err(error) = text.parse::<toml::Table>() {
        let range = error.span().unwrap_or(0..0);
        return vec![problem(
            range,
            Severity::Error,
            format!("not valid TOML: {}", error.message()),
        )];
    }
    let mut found = Vec::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    // The `[[entity]]` line of the entry being read, and whether it has a name yet.
    let mut entry: Option<(Range<usize>, bool)> = None;
    for line in lines(text, 0) {
        let content = line.text(text);
        let trimmed = content.trim();
        if trimmed.starts_with('[') {
            close(&mut entry, &mut found);
            if trimmed == "[[entity]]" {
                entry = Some((line.content.clone(), false));
            }
            continue;
        }
        let Some((key, value)) = trimmed.split_once('=') else {
            continue;
        };
        let Some((_, has_name)) = entry.as_mut() else {
            continue;
        };
        let (key, value) = (key.trim(), value.trim().trim_matches('"'));
        let value_start = line.content.start + content.find('=').map_or(0, |i| i + 1);
        let value_range = value_start..line.content.end;
        match key {
            "name" => *has_name = !value.is_empty(),
            "id" => {
                if let Some(first) = ids.insert(value.to_string(), value_start) {
                    let first_line = text[..first].matches('\n').count() + 1;
                    found.push(problem(value_range, Severity::Warning, format!("the id `{value}` is already used on line {first_line}; this entry is skipped")));
                }
            }
            "type" if !TYPES.contains(&value.to_ascii_uppercase().as_str()) => {
                found.push(problem(
                    value_range,
                    Severity::Warning,
                    format!("`{value}` is not an entity type: write PER, ORG, LOC or MISC"),
                ));
            }
            "wikidata" if !is_wikidata_id(value) => {
                found.push(problem(
                    value_range,
                    Severity::Warning,
                    format!("`{value}` is not a Wikidata id: write Q and digits, as in `Q7747`"),
                ));
            }
            _ if !KEYS.contains(&key) => {
                let key_start = line.content.start + content.find(key).unwrap_or(0);
                found.push(problem(
                    key_start..key_start + key.len(),
                    Severity::Warning,
                    format!("`{key}` is not a field gloss reads: {}", KEYS.join(", ")),
                ));
            }
            _ => {}
        }
    }
    close(&mut entry, &mut found);
    found
}

/// Ends the entry being read: one without a name is reported on its `[[entity]]` line.
fn close(entry: &mut Option<(Range<usize>, bool)>, found: &mut Vec<Diagnostic>) {
    if let Some((header, false)) = entry.take() {
        found.push(problem(
            header,
            Severity::Warning,
            "this entity has no `name`; it is skipped".into(),
        ));
    }
}

fn is_wikidata_id(value: &str) -> bool {
    value
        .strip_prefix('Q')
        .is_some_and(|digits| !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
}

fn problem(range: Range<usize>, severity: Severity, message: String) -> Diagnostic {
    Diagnostic::new(range, severity, KNOWLEDGE_BASE, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_problem_is_on_its_line() {
        let text = "[[entity]]\nid = \"putin\"\nname = \"Vladimir Putin\"\ntype = \"PERSON\"\nwikidata = \"7747\"\nbirthday = \"1952\"\n\n[[entity]]\nid = \"putin\"\nname = \"Putin again\"\n\n[[entity]]\nid = \"nameless\"\n";
        let diagnostics = check(text);
        let found: Vec<(usize, &str)> = diagnostics
            .iter()
            .map(|d| {
                (
                    text[..d.range.start].matches('\n').count() + 1,
                    d.message.split(':').next().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (4, "`PERSON` is not an entity type"),
                (5, "`7747` is not a Wikidata id"),
                (6, "`birthday` is not a field gloss reads"),
                (
                    9,
                    "the id `putin` is already used on line 2; this entry is skipped"
                ),
                (12, "this entity has no `name`; it is skipped"),
            ]
        );
    }

    #[test]
    fn a_syntax_error_points_at_itself() {
        let found = check("[[entity]]\nname = \"Minsk\n");
        assert_eq!(found.len(), 1);
        assert!(
            found[0].message.starts_with("not valid TOML"),
            "{}",
            found[0].message
        );
        assert_eq!(found[0].severity, Severity::Error);
    }

    #[test]
    fn a_clean_file_has_no_problems() {
        assert!(check("[[entity]]\nid = \"minsk\"\nname = \"Minsk\"\ntype = \"LOC\"\nwikidata = \"Q2280\"\naliases = [\"Mensk\"]\n").is_empty());
    }
}
