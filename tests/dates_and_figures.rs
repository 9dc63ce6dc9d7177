//! Dates and figures on sentences written for the purpose, one file per concern under
//! `tests/fixtures/recognize/`.
//!
//! A file is a list of cases. `date: YYYY-MM-DD` (or `date: none`) sets the article date for the
//! cases after it. A case is a sentence on one line, followed by the mentions expected in it,
//! one per line, indented: `LABEL | text | value as JSON | qualifier`, or `none` when the
//! sentence has no date or figure. Every mention found must be expected and vice versa.

use std::fmt::Write;
use std::path::Path;

use gloss::article::{Article, Format};
use gloss::recognize::recognize;
use jiff::civil::Date;

fn describe(sentence: &str, date: Option<Date>) -> Vec<String> {
    let article = Article::parse(sentence, Format::Text);
    recognize(sentence, &article, date)
        .iter()
        .filter(|m| !m.label.is_entity())
        .map(|m| {
            let mut line = format!(
                "{} | {} | {}",
                m.label.as_str(),
                &sentence[m.range.clone()],
                serde_json::to_string(&m.value).unwrap()
            );
            if let Some(q) = &m.qualifier {
                write!(line, " | {q}").unwrap();
            }
            line
        })
        .collect()
}

fn run_file(path: &Path) -> (usize, String) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut date = None;
    let mut failures = String::new();
    let mut cases = 0;
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(d) = line.strip_prefix("date:") {
            let d = d.trim();
            date = (d != "none").then(|| d.parse().expect("a YYYY-MM-DD date"));
            continue;
        }
        let mut expected = Vec::new();
        while let Some(next) = lines.peek().filter(|l| l.starts_with("  ")) {
            let next = next.trim();
            if next != "none" {
                expected.push(next.to_owned());
            }
            lines.next();
        }
        cases += 1;
        let actual = describe(line, date);
        if actual != expected {
            writeln!(
                failures,
                "{}: {line}\n  expected:\n    {}\n  found:\n    {}",
                path.display(),
                expected.join("\n    "),
                actual.join("\n    ")
            )
            .unwrap();
        }
    }
    (cases, failures)
}

#[test]
fn fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/recognize");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let mut all = String::new();
    let mut total = 0;
    for path in &paths {
        let (cases, failures) = run_file(path);
        total += cases;
        all.push_str(&failures);
    }
    assert!(total > 0, "no cases in {}", dir.display());
    assert!(all.is_empty(), "{all}");
}

mod never_panics {
    use gloss::article::{Article, Format};
    use gloss::recognize::recognize;
    use proptest::prelude::*;

    /// Pieces of dates and figures, glued at random, reach the corners of the patterns.
    fn pieces() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "2018",
            "-",
            "–",
            "/",
            "$",
            "€",
            "US",
            "$",
            "5",
            "17.6",
            "400,000",
            "99999999999999999999",
            "billion",
            "m",
            "bn",
            "%",
            "percent",
            "May",
            "may",
            "14",
            "th",
            "of",
            "the",
            "past",
            "last",
            "27",
            "years",
            "ago",
            "from",
            "to",
            "between",
            "and",
            "Q",
            "1",
            "H",
            "mid",
            "early",
            "a",
            "third",
            "half",
            "one",
            "times",
            "fold",
            " ",
            "\n",
            ".",
            ",",
            "(",
            ")",
            "é",
            "😀",
            "Лукашенко",
            "s",
            "'",
            "km",
            "2",
            "cubic",
            "meters",
            "per",
            "day",
            "+",
            "twenty",
            "-",
            "first",
            "century",
            "Monday",
            "today",
            "this",
            "summer",
            "in",
            "will",
        ]);
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    fn check(text: &str) {
        let article = Article::parse(text, Format::Text);
        for date in [
            None,
            "2018-05-11".parse().ok(),
            "9999-12-31".parse().ok(),
            "0001-01-01".parse().ok(),
        ] {
            for m in recognize(text, &article, date) {
                assert!(text.get(m.range.clone()).is_some(), "{text:?} {m:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn on_any_text(text in any::<String>()) {
            check(&text);
        }

        #[test]
        fn on_glued_pieces(text in pieces()) {
            check(&text);
        }
    }
}
