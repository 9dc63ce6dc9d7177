//! The consistency checks on data-driven fixtures: `tests/fixtures/checks/<code>.txt` holds cases
//! separated by blank lines. Each has a `#` comment, the article text (or several articles, each
//! after a `//- name` line), and `=> code "text"` (or `=> code name "text"`) lines naming each
//! expected finding by the text it marks, or `=> nothing`. Near misses must stay silent: only
//! findings of the checks are compared, not notes such as a missing date.

use std::path::Path;

use gloss::config::Config;
use gloss::corpus::Corpus;

const CHECK_CODES: &[&str] = &[
    "share",
    "weekday",
    "elapsed-time",
    "conflicting-figure",
    "unit-scale",
    "revision",
    "percent-change",
    "sum",
];

/// One case: its title, its articles (name, text) and the expected (code, article, text).
struct Case {
    title: String,
    articles: Vec<(String, String)>,
    expected: Vec<(String, String, String)>,
}

fn parse(case: &str) -> Case {
    let mut parsed = Case {
        title: String::new(),
        articles: Vec::new(),
        expected: Vec::new(),
    };
    for line in case.lines() {
        if let Some(comment) = line.strip_prefix('#') {
            parsed.title = comment.trim().to_string();
        } else if let Some(name) = line.strip_prefix("//- ") {
            parsed
                .articles
                .push((name.trim().to_string(), String::new()));
        } else if let Some(expectation) = line.strip_prefix("=> ") {
            if expectation == "nothing" {
                continue;
            }
            let (code, rest) = expectation.split_once(' ').unwrap();
            let (article, marked) = match rest.split_once(" \"") {
                Some((article, marked)) if !article.starts_with('"') => {
                    (article.to_string(), marked)
                }
                _ => ("case.txt".to_string(), rest.trim_start_matches('"')),
            };
            parsed
                .expected
                .push((code.into(), article, marked.trim_end_matches('"').into()));
        } else {
            if parsed.articles.is_empty() {
                parsed.articles.push(("case.txt".into(), String::new()));
            }
            let text = &mut parsed.articles.last_mut().unwrap().1;
            text.push_str(line);
            text.push('\n');
        }
    }
    parsed
}

fn run_fixture(name: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/checks")
        .join(name);
    let fixture = std::fs::read_to_string(&path).unwrap();
    let mut failures = Vec::new();
    for case in fixture.split("\n\n").filter(|c| !c.trim().is_empty()) {
        let case = parse(case);
        let mut corpus = Corpus::new(Config::default());
        for (article, text) in &case.articles {
            corpus.set_text(Path::new(article), text.clone());
        }
        let mut found = Vec::new();
        let mut messages = Vec::new();
        for (article, _) in &case.articles {
            let analysis = corpus.get(Path::new(article)).unwrap();
            for d in corpus.diagnostics(Path::new(article)) {
                messages.push(d.message.clone());
                if CHECK_CODES.contains(&d.code) {
                    let marked = analysis.text[d.range.clone()].to_string();
                    found.push((d.code.to_string(), article.clone(), marked));
                }
            }
        }
        if found != case.expected {
            failures.push(format!(
                "{}\n  expected {:?}\n  found    {found:?}\n  {messages:#?}",
                case.title, case.expected
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

#[test]
fn conflicting_figure() {
    run_fixture("conflicting-figure.txt");
}

#[test]
fn percent_change() {
    run_fixture("percent-change.txt");
}

#[test]
fn sum() {
    run_fixture("sum.txt");
}
