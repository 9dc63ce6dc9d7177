//! `gloss export`: the corpus in formats other tools read. `brat` writes each article's text and
//! an `.ann` with every mention gloss recognized, the user's own annotations (kept as written,
//! ids included) and knowledge-base links (with a Wikidata reference where known), plus an
//! `annotation.conf` so brat can open the folder. `jsonl` writes one spaCy/Prodigy-style line per
//! article: its text and its spans, in code points.
//!
//! Export writes only inside the folder it is given, and never over one of its inputs.

use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use serde_json::json;

use super::input::{self, Inputs};
use super::{paths_or_current, ExportFormat, INPUT_ERROR};
use crate::analysis::AnalysisOptions;
use crate::corpus::sidecar::{next_id, Entry};
use crate::mention::{Label, Value};

pub fn run(paths: &[PathBuf], format: ExportFormat, out: &Path) -> anyhow::Result<ExitCode> {
    let inputs = input::load(&paths_or_current(paths), AnalysisOptions::default());
    fs::create_dir_all(out).with_context(|| format!("cannot create {}", out.display()))?;
    let inputs_on_disk: Vec<PathBuf> = inputs
        .articles
        .iter()
        .filter_map(|p| p.canonicalize().ok())
        .collect();
    let written = match format {
        ExportFormat::Brat => brat(&inputs, out, &inputs_on_disk)?,
        ExportFormat::Jsonl => jsonl(&inputs, out, &inputs_on_disk)?,
    };
    eprintln!("exported {written} articles to {}", out.display());
    Ok(if inputs.failures > 0 {
        ExitCode::from(INPUT_ERROR)
    } else {
        ExitCode::SUCCESS
    })
}

/// Where an article goes inside `out`: its path as given, without `.`, `..` or a root, so nothing
/// lands outside `out`.
fn target(out: &Path, article: &Path) -> PathBuf {
    let inside: PathBuf = article
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => Some(part),
            _ => None,
        })
        .collect();
    out.join(inside)
}

/// Writes a file, refusing to replace one of the inputs.
fn write(path: &Path, content: &str, inputs: &[PathBuf]) -> anyhow::Result<()> {
    if path.canonicalize().is_ok_and(|p| inputs.contains(&p)) {
        bail!(
            "refusing to overwrite the article {}: choose another --out folder",
            path.display()
        );
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    fs::write(path, content).with_context(|| format!("cannot write {}", path.display()))
}

fn brat(inputs: &Inputs, out: &Path, on_disk: &[PathBuf]) -> anyhow::Result<usize> {
    let corpus = &inputs.corpus;
    for path in &inputs.articles {
        let Some(analysis) = corpus.get(path) else {
            continue;
        };
        let (text, index) = (&analysis.text, &analysis.line_index);
        let mut lines: Vec<String> = Vec::new();
        let mut covered = Vec::new();
        let sidecar = corpus.sidecar(path);
        if let Some(sidecar) = sidecar {
            for line in &sidecar.lines {
                lines.push(sidecar.text[line.range.clone()].to_string());
                if let Entry::Span { start, end, .. } = line.entry {
                    covered.push((start, end));
                }
            }
        }
        let next =
            |prefix: char, lines: &[String]| next_id(lines.iter().map(String::as_str), prefix);
        for mention in corpus.mentions(path) {
            let (start, end) = (
                index.char_offset(text, mention.range.start),
                index.char_offset(text, mention.range.end),
            );
            let written = &text[mention.range.clone()];
            if covered.contains(&(start, end)) || written.contains(['\n', '\r']) {
                continue;
            }
            let id = next('T', &lines);
            lines.push(format!(
                "{id}\t{} {start} {end}\t{written}",
                mention.label.as_str()
            ));
            if let Value::Entity(entity) = &mention.value {
                let link = next('N', &lines);
                let (entity, name) = (&entity.id, &entity.name);
                lines.push(format!("{link}\tReference {id} gloss:{entity}\t{name}"));
                if let Some(q) = corpus
                    .knowledge_base()
                    .get(entity)
                    .and_then(|e| e.wikidata.clone())
                {
                    let link = next('N', &lines);
                    lines.push(format!("{link}\tReference {id} Wikidata:{q}\t{name}"));
                }
            }
        }
        let target = target(out, path);
        write(&target, text, on_disk)?;
        let mut ann = lines.join("\n");
        ann.push('\n');
        write(&target.with_extension("ann"), &ann, on_disk)?;
    }
    let conf = out.join("annotation.conf");
    if !conf.exists() {
        let entities: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
        let content = format!(
            "[entities]\n{}\n\n[relations]\n\n[events]\n\n[attributes]\nNotEntity\tArg:<ENTITY>\nReviewed\tArg:<ENTITY>\n",
            entities.join("\n")
        );
        write(&conf, &content, on_disk)?;
    }
    Ok(inputs.articles.len())
}

fn jsonl(inputs: &Inputs, out: &Path, on_disk: &[PathBuf]) -> anyhow::Result<usize> {
    let corpus = &inputs.corpus;
    let mut content = Vec::new();
    for path in &inputs.articles {
        let Some(analysis) = corpus.get(path) else {
            continue;
        };
        let (text, index) = (&analysis.text, &analysis.line_index);
        let spans: Vec<serde_json::Value> = corpus
            .mentions(path)
            .iter()
            .map(|m| {
                let mut span = json!({
                    "start": index.char_offset(text, m.range.start),
                    "end": index.char_offset(text, m.range.end),
                    "label": m.label.as_str(),
                });
                if let Value::Entity(entity) = &m.value {
                    span["kb_id"] = json!(entity.id);
                }
                span
            })
            .collect();
        let line =
            json!({ "text": text, "spans": spans, "meta": { "doc": path.to_string_lossy() } });
        serde_json::to_writer(&mut content, &line)?;
        writeln!(content)?;
    }
    write(
        &out.join("corpus.jsonl"),
        &String::from_utf8(content)?,
        on_disk,
    )?;
    Ok(inputs.articles.len())
}
