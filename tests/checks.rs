//! The consistency checks on data-driven fixtures: `tests/fixtures/checks/<code>.txt` holds cases
//! separated by blank lines; each has a `#` comment, the article text, and `=> code "text"` lines
//! naming each expected finding by the text it marks (or `=> nothing`). Near misses must stay
//! silent: only findings of the checks are compared, not notes such as a missing date.

use std::path::Path;
use std::sync::Arc;

use gloss::analysis::{Analysis, AnalysisOptions};

const CHECK_CODES: &[&str] = &["share", "weekday", "elapsed-time", "conflicting-figure"];

fn run_fixture(name: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/checks")
        .join(name);
    let fixture = std::fs::read_to_string(&path).unwrap();
    let mut failures = Vec::new();
    for case in fixture.split("\n\n").filter(|c| !c.trim().is_empty()) {
        let mut text = String::new();
        let mut expected: Vec<(String, String)> = Vec::new();
        let mut title = "";
        for line in case.lines() {
            if let Some(comment) = line.strip_prefix('#') {
                title = comment.trim();
            } else if let Some(expectation) = line.strip_prefix("=> ") {
                if expectation != "nothing" {
                    let (code, marked) = expectation.split_once(' ').unwrap();
                    expected.push((code.to_string(), marked.trim_matches('"').to_string()));
                }
            } else {
                text.push_str(line);
                text.push('\n');
            }
        }
        let analysis = Analysis::new(
            Arc::from(Path::new("case.txt")),
            text,
            AnalysisOptions::default(),
        );
        let found: Vec<(String, String)> = analysis
            .diagnostics
            .iter()
            .filter(|d| CHECK_CODES.contains(&d.code))
            .map(|d| {
                (
                    d.code.to_string(),
                    analysis.text[d.range.clone()].to_string(),
                )
            })
            .collect();
        if found != expected {
            let messages: Vec<&str> = analysis
                .diagnostics
                .iter()
                .map(|d| d.message.as_str())
                .collect();
            failures.push(format!(
                "{title}\n  expected {expected:?}\n  found    {found:?}\n  {messages:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{name}:\n{}", failures.join("\n"));
}

#[test]
fn share() {
    run_fixture("share.txt");
}

#[test]
fn weekday() {
    run_fixture("weekday.txt");
}

#[test]
fn elapsed_time() {
    run_fixture("elapsed-time.txt");
}
