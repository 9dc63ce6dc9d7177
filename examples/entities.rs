//! Prints the entity mentions gloss recognizes in the given articles, one per line
//! (`label<TAB>text<TAB>id`, or with `--jsonl` as `gloss extract --format jsonl` would, code
//! point offsets), and the throughput over all of them on stderr.
//!
//! `cargo run --release --example entities -- --quiet ../shared/data/brown/*.txt`

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use gloss::analysis::{Analysis, AnalysisOptions};
use gloss::mention::Value;

fn main() {
    let quiet = std::env::args().any(|a| a == "--quiet");
    let jsonl = std::env::args().any(|a| a == "--jsonl");
    let paths: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    let texts: Vec<(PathBuf, String)> = paths
        .iter()
        .filter_map(|p| Some((p.clone(), std::fs::read_to_string(p).ok()?)))
        .collect();
    let bytes: usize = texts.iter().map(|(_, t)| t.len()).sum();
    let started = Instant::now();
    let analyses: Vec<Analysis> = texts
        .into_iter()
        .map(|(path, text)| {
            Analysis::new(Arc::from(path.as_path()), text, AnalysisOptions::default())
        })
        .collect();
    let elapsed = started.elapsed().as_secs_f64();
    for analysis in analyses.iter().filter(|_| !quiet) {
        if !jsonl {
            println!("## {}", analysis.path.display());
        }
        for m in analysis.mentions.iter().filter(|m| m.label.is_entity()) {
            let written = &analysis.text[m.range.clone()];
            if jsonl {
                let start = analysis.text[..m.range.start].chars().count();
                let line = serde_json::json!({
                    "doc": analysis.path.display().to_string(),
                    "start": start,
                    "end": start + written.chars().count(),
                    "text": written,
                    "label": m.label.as_str(),
                });
                println!("{line}");
            } else if let Value::Entity { id, .. } = &m.value {
                println!("{}\t{written}\t{id}", m.label.as_str());
            }
        }
    }
    eprintln!(
        "{} articles, {bytes} bytes in {elapsed:.3} s: {:.2} MB/s (analysis with recognition, one core)",
        analyses.len(),
        bytes as f64 / elapsed / 1e6
    );
}
