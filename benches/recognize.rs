//! Recognition throughput over the Brown corpus press texts (`benches/data/brown/`): builds the
//! analysis of every file (article layout, publication date, dates and figures) on one core and
//! prints megabytes per second. Run with `cargo bench --bench recognize`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use gloss::analysis::{Analysis, AnalysisOptions};

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
    let options = AnalysisOptions {
        publication_date: "1961-06-01".parse().ok(),
    };
    let mut mentions = 0;
    let mut runs = 0;
    let mut elapsed = Duration::ZERO;
    while elapsed < Duration::from_secs(3) || runs < 3 {
        let start = Instant::now();
        for (path, text) in &files {
            let analysis = Analysis::new(Arc::from(path.as_path()), text.clone(), options);
            mentions += analysis.mentions.len();
        }
        elapsed += start.elapsed();
        runs += 1;
    }
    let mb = (bytes * runs) as f64 / 1e6;
    println!(
        "recognize: {} files, {:.0} KB, {} mentions per run; {runs} runs in {:.2} s: {:.1} MB/s",
        files.len(),
        bytes as f64 / 1e3,
        mentions / runs,
        elapsed.as_secs_f64(),
        mb / elapsed.as_secs_f64()
    );
}
