//! The language server on a large corpus, through the real binary over stdio: indexing time and
//! peak memory, keystroke-to-diagnostics latency, and hover, definition and references latency as
//! p50/p99. `cargo bench --bench server` (GLOSS_BENCH_ARTICLES sets the corpus size; 10,000 by
//! default).

#[path = "../tests/support/mod.rs"]
mod client;
mod support;

use std::path::Path;
use std::time::{Duration, Instant};

use client::{position_of, uri, LspClient};
use serde_json::{json, Value};

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() as f64 - 1.0) * p).round() as usize]
}

fn report(what: &str, samples: &mut [Duration]) {
    println!(
        "{what:<34} p50 {:>8.2} ms   p99 {:>8.2} ms   ({} requests)",
        percentile(samples, 0.5).as_secs_f64() * 1e3,
        percentile(samples, 0.99).as_secs_f64() * 1e3,
        samples.len()
    );
}

fn peak_memory_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let count: usize = std::env::var("GLOSS_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seed_paths: Vec<_> = std::fs::read_dir(&seeds_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    seed_paths.sort();
    let seeds: Vec<String> = seed_paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let bytes = support::corpus::generate(dir.path(), count, &seeds);
    println!("corpus: {count} articles, {:.1} MB", bytes as f64 / 1e6);

    let started = Instant::now();
    let capabilities = json!({ "window": { "workDoneProgress": true } });
    let (mut client, _) = LspClient::initialized(dir.path(), capabilities);
    client.wait_for(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end");
    let indexed = started.elapsed();
    client.received.clear();
    println!(
        "indexing: {:.2} s ({:.1} MB/s), peak memory {:.0} MB",
        indexed.as_secs_f64(),
        bytes as f64 / 1e6 / indexed.as_secs_f64(),
        peak_memory_mb(client.pid()).unwrap_or(f64::NAN)
    );

    // A variant of the 2018 seed: Putin, a figure in billions, Russia named in every article.
    let path = dir.path().join("part000/article00002.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let article = uri(&path);
    client.open(&article, &text);
    client.diagnostics_for(&article);

    let mut keystrokes = Vec::new();
    let end_of_first_line = position_of(&text, "\n", 0, 0);
    for version in 2..202 {
        let insert = version % 2 == 0;
        let start = end_of_first_line.clone();
        let end = if insert {
            start.clone()
        } else {
            json!({ "line": start["line"], "character": start["character"].as_u64().unwrap() + 1 })
        };
        let sent = Instant::now();
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": article, "version": version },
                "contentChanges": [{ "range": { "start": start, "end": end }, "text": if insert { " " } else { "" } }],
            }),
        );
        client.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == json!(article)
                && m["params"]["version"] == json!(version)
        });
        keystrokes.push(sent.elapsed());
        client.received.clear();
    }
    report("keystroke to diagnostics", &mut keystrokes);

    let at = |needle: &str| json!({ "textDocument": { "uri": article }, "position": position_of(&text, needle, 0, 1) });
    let first = Instant::now();
    client.request("textDocument/hover", at("Putin"));
    println!(
        "{:<34} {:>8.2} ms (links the corpus again after the edits)",
        "first hover after edits",
        first.elapsed().as_secs_f64() * 1e3
    );
    for (what, method, mut params) in [
        ("hover on an entity", "textDocument/hover", at("Putin")),
        (
            "hover on a figure",
            "textDocument/hover",
            at("$32.42 billion"),
        ),
        ("definition", "textDocument/definition", at("Putin")),
        ("references", "textDocument/references", at(" Russia ")),
    ] {
        params["context"] = json!({ "includeDeclaration": true });
        let mut samples: Vec<Duration> = (0..300)
            .map(|_| {
                let sent = Instant::now();
                let result: Value = client.request(method, params.clone());
                assert!(!result.is_null(), "{method} found nothing");
                sent.elapsed()
            })
            .collect();
        report(what, &mut samples);
    }
    println!(
        "peak memory after the requests: {:.0} MB",
        peak_memory_mb(client.pid()).unwrap_or(f64::NAN)
    );
    client.shutdown();
}
