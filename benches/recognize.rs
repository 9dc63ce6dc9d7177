//! Recognition throughput over the Brown corpus press texts (`benches/data/brown/`), on one
//! core, in articles already laid out: dates and figures alone, entities alone, and all of
//! `recognize`; then the whole analysis (layout, sentences, line index, publication date,
//! recognition, claims and checks) of the same texts, and of 1,000 articles made by the
//! benchmarks' corpus generator. Prints megabytes per second. Run with
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

mod support;

/// How many generated articles the last figure analyzes.
const GENERATED: usize = 1_000;

/// Analyzes each article; returns how many dates and figures they hold.
fn analyze(articles: &[(PathBuf, String)], options: AnalysisOptions) -> usize {
    articles
        .iter()
        .map(|(path, text)| {
            Analysis::new(Arc::from(path.as_path()), text.clone(), options)
                .mentions
                .len()
        })
        .sum()
}

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
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = support::read_articles(&root.join("benches/data/brown"));
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
    let (analysis, _) = measure(bytes, || analyze(&files, options));

    let seeds = support::read_texts(&root.join("seeds"));
    let press: Vec<String> = files.iter().map(|(_, text)| text.clone()).collect();
    let dir = tempfile::tempdir().expect("a temporary folder");
    let generated_bytes = support::corpus::generate(dir.path(), GENERATED, &seeds, &press);
    let generated = support::read_articles(dir.path());
    let options = AnalysisOptions::default();
    let (generated_analysis, _) = measure(generated_bytes, || analyze(&generated, options));
    println!(
        "{} files, {:.0} KB, {mentions} dates and figures, {names} names\ndates and figures: {dates_figures:.1} MB/s\nentities: {entities:.1} MB/s\nall recognition: {recognition:.1} MB/s\nwhole analysis: {analysis:.1} MB/s\nwhole analysis, {GENERATED} generated articles ({:.0} KB): {generated_analysis:.1} MB/s",
        files.len(),
        bytes as f64 / 1e3,
        generated_bytes as f64 / 1e3,
    );
}
