//! `gloss entities`: the entity table, most mentioned first.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::input;
use super::{paths_or_current, INPUT_ERROR};
use crate::analysis::AnalysisOptions;

pub fn run(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    let inputs = input::load(&paths_or_current(paths), AnalysisOptions::default());
    let entities = inputs.corpus.entities();
    let mut out = BufWriter::new(std::io::stdout().lock());
    let width = entities
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(4);
    writeln!(out, "{:width$}  TYPE  MENTIONS  ARTICLES  ID", "NAME")?;
    for entity in &entities {
        writeln!(
            out,
            "{:width$}  {:4}  {:>8}  {:>8}  {}",
            entity.name,
            entity.label.as_str(),
            entity.mentions,
            entity.articles,
            entity.id
        )?;
    }
    out.flush()?;
    eprintln!(
        "{} entities in {} articles",
        entities.len(),
        inputs.articles.len()
    );
    Ok(if inputs.failures > 0 {
        ExitCode::from(INPUT_ERROR)
    } else {
        ExitCode::SUCCESS
    })
}
