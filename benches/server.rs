//! gloss on a large generated corpus: `gloss check` wall time, then the language server through
//! the real binary over stdio: indexing time and peak memory, keystroke-to-diagnostics latency
//! for the edited article and for the other articles an edit brings into conflict, and hover,
//! definition, references and semantic tokens latency as p50/p99, over every entity of an
//! article. `cargo bench --bench server` (GLOSS_BENCH_ARTICLES sets the corpus size; 10,000 by
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

/// Sends `params` to `method` `rounds` times and returns the server-side latencies: from the
/// request sent to the first byte of the answer.
fn sample(client: &mut LspClient, method: &str, params: &[Value], rounds: usize) -> Vec<Duration> {
    (0..rounds)
        .map(|i| {
            let sent = Instant::now();
            let _: Value = client.request(method, params[i % params.len()].clone());
            client
                .arrived
                .map_or_else(|| sent.elapsed(), |at| at - sent)
        })
        .collect()
}

fn main() {
    let count: usize = std::env::var("GLOSS_BENCH_ARTICLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds = support::read_texts(&root.join("seeds"));
    let press = support::read_texts(&root.join("benches/data/brown"));
    let dir = tempfile::tempdir().unwrap();
    let bytes = support::corpus::generate(dir.path(), count, &seeds, &press);
    println!("corpus: {count} articles, {:.1} MB", bytes as f64 / 1e6);

    let started = Instant::now();
    let check = std::process::Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(["check", "--format", "json"])
        .arg(dir.path())
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    println!(
        "gloss check: {:.2} s (exit {})",
        started.elapsed().as_secs_f64(),
        check.code().unwrap_or(-1)
    );

    let started = Instant::now();
    let capabilities = json!({ "window": { "workDoneProgress": true } });
    let (mut client, _) = LspClient::initialized(dir.path(), capabilities);
    client.wait_for_within(Duration::from_secs(900), client::is_progress("end"));
    let indexed = started.elapsed();
    client.received.clear();
    println!(
        "indexing: {:.2} s ({:.1} MB/s, {} threads), peak memory {:.0} MB",
        indexed.as_secs_f64(),
        bytes as f64 / 1e6 / indexed.as_secs_f64(),
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        peak_memory_mb(client.pid()).unwrap_or(f64::NAN)
    );

    // A variant of the 2018 seed: Putin, a figure in billions, Russia named in every article.
    let path = dir.path().join("part000/article00004.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let article = uri(&path);
    client.open(&article, &text);
    client.diagnostics_for(&article);

    // Enough keystrokes that the p99 is not one or two slow ones on a busy machine.
    const KEYSTROKES: i64 = 600;
    let mut keystrokes = Vec::new();
    let end_of_first_line = position_of(&text, "\n", 0, 0);
    for version in 2..2 + KEYSTROKES {
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

    // Changing the trade figure makes it conflict with the other articles on the same trade in
    // the same year, and changing it back resolves the conflict: both republish those articles.
    let figure = position_of(&text, "32.42", 0, 0);
    let mut version = 2 + KEYSTROKES;
    let mut cross = Vec::new();
    for round in 0..60 {
        let replacement = if round % 2 == 0 { "99.42" } else { "32.42" };
        let end = json!({ "line": figure["line"], "character": figure["character"].as_u64().unwrap() + 5 });
        version += 1;
        let sent = Instant::now();
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": article, "version": version },
                "contentChanges": [{ "range": { "start": figure, "end": end }, "text": replacement }],
            }),
        );
        client.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] != json!(article)
        });
        cross.push(sent.elapsed());
        // The round's other publications go before the next round starts.
        std::thread::sleep(Duration::from_millis(100));
        client.drain();
        client.received.clear();
    }
    report("edit to other articles' findings", &mut cross);

    let at = |needle: &str| json!({ "textDocument": { "uri": article }, "position": position_of(&text, needle, 0, 1) });
    let first = Instant::now();
    client.request("textDocument/hover", at("Putin"));
    println!(
        "{:<34} {:>8.2} ms",
        "first hover after edits",
        first.elapsed().as_secs_f64() * 1e3
    );

    // Every entity of the article, as a reader would point at them in turn.
    let symbols: Value = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": article } }),
    );
    let entities: Vec<Value> = symbols
        .as_array()
        .unwrap()
        .iter()
        .filter(|group| !matches!(group["name"].as_str(), Some("Dates" | "Figures")))
        .flat_map(|group| group["children"].as_array().cloned().unwrap_or_default())
        .map(|symbol| {
            json!({
                "textDocument": { "uri": article },
                "position": symbol["selectionRange"]["start"],
                "context": { "includeDeclaration": true },
            })
        })
        .collect();
    assert!(!entities.is_empty(), "the article has entities");
    println!("entities of the article: {}", entities.len());
    for (what, method) in [
        ("hover on an entity", "textDocument/hover"),
        ("definition", "textDocument/definition"),
    ] {
        report(what, &mut sample(&mut client, method, &entities, 300));
    }
    // References cost what their answer weighs: each place is a location to encode.
    let mut by_size: [(&str, usize, Vec<Duration>); 4] = [
        ("references, up to 100 places", 100, Vec::new()),
        ("references, 101 to 1,000 places", 1_000, Vec::new()),
        ("references, 1,001 to 10,000 places", 10_000, Vec::new()),
        ("references, more places", usize::MAX, Vec::new()),
    ];
    let mut all = Vec::new();
    for i in 0..300 {
        let sent = Instant::now();
        let found: Value = client.request(
            "textDocument/references",
            entities[i % entities.len()].clone(),
        );
        let took = client
            .arrived
            .map_or_else(|| sent.elapsed(), |at| at - sent);
        all.push(took);
        let places = found.as_array().map_or(0, Vec::len);
        if let Some((_, _, samples)) = by_size.iter_mut().find(|(_, most, _)| places <= *most) {
            samples.push(took);
        }
    }
    report("references", &mut all);
    for (what, _, samples) in &mut by_size {
        if !samples.is_empty() {
            report(what, samples);
        }
    }
    report(
        "hover on a figure",
        &mut sample(
            &mut client,
            "textDocument/hover",
            &[at("$32.42 billion")],
            300,
        ),
    );
    report(
        "semantic tokens of the article",
        &mut sample(
            &mut client,
            "textDocument/semanticTokens/full",
            &[json!({ "textDocument": { "uri": article } })],
            300,
        ),
    );
    let mut everywhere = at(" Russia ");
    everywhere["context"] = json!({ "includeDeclaration": true });
    let found: Value = client.request("textDocument/references", everywhere.clone());
    report(
        &format!(
            "references to Russia ({} places)",
            found.as_array().map_or(0, Vec::len)
        ),
        &mut sample(&mut client, "textDocument/references", &[everywhere], 20),
    );
    println!(
        "peak memory after the requests: {:.0} MB",
        peak_memory_mb(client.pid()).unwrap_or(f64::NAN)
    );
    client.shutdown();
}
