//! Prints the entity mentions gloss finds in the given articles, linked across them as
//! `gloss extract` prints them: one per line as `label<TAB>text<TAB>id`, or with `--jsonl` as
//! `gloss extract --format jsonl` does (code point offsets). With `--table`, prints the entity
//! table instead; with `--proposals`, the pairs of entities proposed as perhaps the same. The throughput over all articles goes to stderr.
//!
//! `cargo run --release --example entities -- --quiet ../shared/data/brown/*.txt`

use std::path::{Path, PathBuf};
use std::time::Instant;

use gloss::config::Config;
use gloss::corpus::Corpus;
use gloss::mention::Value;

fn main() {
    let flag = |name: &str| std::env::args().any(|a| a == name);
    let (quiet, jsonl, table) = (flag("--quiet"), flag("--jsonl"), flag("--table"));
    let proposals = flag("--proposals");
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
    let mut corpus = Corpus::new(Config::default());
    for (path, text) in texts {
        corpus.set_text(&path, text);
    }
    let entities = corpus.entities();
    let elapsed = started.elapsed().as_secs_f64();
    if proposals && !quiet {
        for p in corpus.proposed_links() {
            println!("{}\t{}", p.a, p.b);
        }
    } else if table && !quiet {
        for e in &entities {
            println!(
                "{}\t{}\t{}\t{} mentions\t{} articles",
                e.id,
                e.name,
                e.label.as_str(),
                e.mentions,
                e.articles
            );
        }
    } else if !quiet {
        for path in &paths {
            print_mentions(&corpus, path, jsonl);
        }
    }
    eprintln!(
        "{} articles, {bytes} bytes in {elapsed:.3} s: {:.2} MB/s (analysis, recognition and linking, one core)",
        corpus.len(),
        bytes as f64 / elapsed / 1e6
    );
}

fn print_mentions(corpus: &Corpus, path: &Path, jsonl: bool) {
    let Some(analysis) = corpus.get(path) else {
        return;
    };
    if !jsonl {
        println!("## {}", path.display());
    }
    for m in corpus.mentions(path).iter().filter(|m| m.label.is_entity()) {
        let written = &analysis.text[m.range.clone()];
        if jsonl {
            let start = analysis.text[..m.range.start].chars().count();
            let line = serde_json::json!({
                "doc": path.display().to_string(),
                "start": start,
                "end": start + written.chars().count(),
                "text": written,
                "label": m.label.as_str(),
                "value": match &m.value {
                    Value::Entity(entity) => {
                        serde_json::json!({"entity": entity.id, "name": entity.name})
                    }
                    _ => serde_json::Value::Null,
                },
            });
            println!("{line}");
        } else if let Value::Entity(entity) = &m.value {
            println!("{}\t{written}\t{}", m.label.as_str(), entity.id);
        }
    }
}
