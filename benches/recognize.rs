//! Recognition throughput over the Brown corpus press texts (`benches/data/brown/`), on one
//! core, in articles already laid out: dates and figures alone, entities alone, and all of
//! `recognize`; then the whole analysis (layout, sentences, line index, publication date,
//! recognition, claims and checks) for comparison. Prints megabytes per second. Run with
//! `cargo bench --bench recognize`.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use gloss::analysis::{Analysis, AnalysisOptions};
use gloss::article::{Article, Format};
use gloss::recognize::entities::recognize_entities;
use gloss::recognize::{dates_and_figures, recognize};
use jiff::civil::Date;

/// Runs `work` over all texts for at least three seconds; returns MB/s and the mentions per run.
fn measure(bytes: usize, mut work: impl FnMut() -> usize) -> (f64, usize) {
    let mut runs = 0;
    let mut mentions = 0;
    let mut elapsed = Duration::ZERO;
    while elapsed < Duration::from_secs(3) || runs < 3 {
        let start = Instant::now();
        mentions = black_box(work());
        elapsed += start.elapsed();
        runs += 1;
    }
    (
        (bytes * runs) as f64 / 1e6 / elapsed.as_secs_f64(),
        mentions,
    )
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data/brown");
    let mut files: Vec<(PathBuf, String)> = std::fs::read_dir(&dir)
        .expect("benches/data/brown exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable text");
            (p, text)
        })
        .collect();
    files.sort();
    let bytes: usize = files.iter().map(|(_, t)| t.len()).sum();
    let date: Option<Date> = "1961-06-01".parse().ok();
    let articles: Vec<Article> = files
        .iter()
        .map(|(_, text)| Article::parse(text, Format::Text))
        .collect();

    let (dates_figures, mentions) = measure(bytes, || {
        files
            .iter()
            .zip(&articles)
            .map(|((_, text), article)| dates_and_figures(text, article, date).len())
            .sum()
    });
    let (entities, names) = measure(bytes, || {
        files
            .iter()
            .zip(&articles)
            .map(|((_, text), article)| recognize_entities(text, article).len())
            .sum()
    });
    let (recognition, _) = measure(bytes, || {
        files
            .iter()
            .zip(&articles)
            .map(|((_, text), article)| recognize(text, article, date).len())
            .sum()
    });
    let options = AnalysisOptions {
        publication_date: date,
        ..AnalysisOptions::default()
    };
    let (analysis, _) = measure(bytes, || {
        files
            .iter()
            .map(|(path, text)| {
                Analysis::new(Arc::from(path.as_path()), text.clone(), options)
                    .mentions
                    .len()
            })
            .sum()
    });
    println!(
        "{} files, {:.0} KB, {mentions} dates and figures, {names} names\ndates and figures: {dates_figures:.1} MB/s\nentities: {entities:.1} MB/s\nall recognition: {recognition:.1} MB/s\nwhole analysis: {analysis:.1} MB/s",
        files.len(),
        bytes as f64 / 1e3,
    );
}
