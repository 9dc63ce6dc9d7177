//! `gloss entities`: the entity table, most mentioned first.

use std::collections::{BTreeSet, HashMap};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::input;
use super::{paths_or_current, INPUT_ERROR};
use crate::analysis::AnalysisOptions;
use crate::mention::{Label, Value};

struct Row<'a> {
    name: String,
    label: Label,
    mentions: usize,
    articles: BTreeSet<&'a Path>,
}

pub fn run(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let inputs = input::load(&paths_or_current(paths), AnalysisOptions::default());
    let mut rows: HashMap<String, Row> = HashMap::new();
    for path in &inputs.articles {
        let Some(analysis) = inputs.corpus.get(path) else {
            continue;
        };
        for mention in inputs.corpus.mentions(path) {
            if !mention.label.is_entity() {
                continue;
            }
            let (key, name) = match &mention.value {
                Value::Entity { id, name } => (id.clone(), name.clone()),
                _ => {
                    let text = analysis.text[mention.range.clone()].to_string();
                    (format!("{}:{text}", mention.label.as_str()), text)
                }
            };
            let row = rows.entry(key).or_insert_with(|| Row {
                name,
                label: mention.label,
                mentions: 0,
                articles: BTreeSet::new(),
            });
            row.mentions += 1;
            row.articles.insert(path);
        }
    }
    let mut rows: Vec<Row> = rows.into_values().collect();
    rows.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });

    let mut out = BufWriter::new(std::io::stdout().lock());
    let width = rows
        .iter()
        .map(|r| r.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    writeln!(out, "{:width$}  TYPE  MENTIONS  ARTICLES", "NAME")?;
    for row in &rows {
        writeln!(
            out,
            "{:width$}  {:4}  {:>8}  {:>8}",
            row.name,
            row.label.as_str(),
            row.mentions,
            row.articles.len()
        )?;
    }
    out.flush()?;
    eprintln!(
        "{} entities in {} articles",
        rows.len(),
        inputs.articles.len()
    );
    Ok(if inputs.failures > 0 {
        ExitCode::from(INPUT_ERROR)
    } else {
        ExitCode::SUCCESS
    })
}
