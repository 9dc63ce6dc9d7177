//! `gloss extract`: every mention as one JSON object per line (the contract in design.md).

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use jiff::civil::Date;
use serde::Serialize;

use super::input;
use super::location::display_path;
use super::{paths_or_current, INPUT_ERROR};
use crate::analysis::AnalysisOptions;
use crate::mention::{Label, Qualifier, Value};

#[derive(Serialize)]
struct JsonMention<'a> {
    doc: &'a str,
    start: usize,
    end: usize,
    text: &'a str,
    label: Label,
    value: &'a Value,
    qualifier: Option<Qualifier>,
}

pub fn run(paths: &[PathBuf], date: Option<Date>) -> anyhow::Result<ExitCode> {
    let options = AnalysisOptions {
        publication_date: date,
        ..AnalysisOptions::default()
    };
    let inputs = input::load(&paths_or_current(paths), options);
    let mut out = BufWriter::new(std::io::stdout().lock());
    for path in &inputs.articles {
        let Some(analysis) = inputs.corpus.get(path) else {
            continue;
        };
        let doc = display_path(path);
        let (text, index) = (&analysis.text, &analysis.line_index);
        for mention in inputs.corpus.mentions(path) {
            let json = JsonMention {
                doc: &doc,
                start: index.char_offset(text, mention.range.start),
                end: index.char_offset(text, mention.range.end),
                text: &text[mention.range.clone()],
                label: mention.label,
                value: &mention.value,
                qualifier: mention.qualifier,
            };
            serde_json::to_writer(&mut out, &json)?;
            writeln!(out)?;
        }
    }
    out.flush()?;
    Ok(if inputs.failures > 0 {
        ExitCode::from(INPUT_ERROR)
    } else {
        ExitCode::SUCCESS
    })
}
