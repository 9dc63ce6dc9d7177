//! Analysis never panics, whatever the text: random mixes of the pieces news text is made of
//! (names, numbers, currencies, dates, punctuation, line breaks, non-Latin scripts) go through the
//! article model, recognition, claims, every check and the corpus-wide findings.

use std::path::Path;

use gloss::config::Config;
use gloss::corpus::Corpus;
use proptest::prelude::*;

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(" date 2021-08-12".to_string()),
        Just(" date 2021-02-30".to_string()),
        Just("---\ndate: 2020-01-01\n---\n".to_string()),
        Just("MOSCOW, 11 May (BelTA) – ".to_string()),
        Just("MOSCOW — ".to_string()),
        Just("Vladimir Putin".to_string()),
        Just("Belarus-Russia".to_string()),
        Just("(CSTO)".to_string()),
        Just("$32.42 billion".to_string()),
        Just("$2-2.5 billion".to_string()),
        Just("more than a third (31.7%)".to_string()),
        Just("two-thirds (".to_string()),
        Just("1,200 of 4,000 buses, or 35%".to_string()),
        Just("in all".to_string()),
        Just("rose by 23.5% to".to_string()),
        Just("Monday, March 14, 2024".to_string()),
        Just("the 25th anniversary of".to_string()),
        Just("over the past 27 years".to_string()),
        Just("Since then,".to_string()),
        Just("last year".to_string()),
        Just("in 2017".to_string()),
        Just("trade".to_string()),
        Just("between".to_string()),
        Just(" and ".to_string()),
        Just("Лукашенко".to_string()),
        Just("😀".to_string()),
        Just("—".to_string()),
        Just("“".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\u{2028}".to_string()),
        Just("\u{feff}".to_string()),
        Just("%".to_string()),
        Just("$".to_string()),
        Just("9".to_string()),
        Just(" ".to_string()),
        "[a-zA-Z0-9 .,;:()$%€£'\"-]{0,12}",
    ]
}

fn article() -> impl Strategy<Value = String> {
    proptest::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn analysis_never_panics(a in article(), b in article()) {
        let mut corpus = Corpus::new(Config::default());
        corpus.set_text(Path::new("a.txt"), a);
        corpus.set_text(Path::new("b.md"), b);
        for path in ["a.txt", "b.md"] {
            let path = Path::new(path);
            let analysis = corpus.get(path).unwrap().clone();
            for d in corpus.diagnostics(path) {
                prop_assert!(d.code != "internal", "the analysis failed: {}", d.message);
                prop_assert!(analysis.text.get(d.range.clone()).is_some(), "{:?} is not a range of the text", d.range);
            }
            for m in corpus.mentions(path) {
                prop_assert!(analysis.text.get(m.range.clone()).is_some(), "{:?} is not a range of the text", m.range);
            }
            corpus.set_sidecar(path, "T1\tPER 0 3\tabc\nA1\tReviewed T1\nA2\tNotEntity T9\nN1\tReference T1 gloss:x\tX\n");
            let _ = corpus.mentions(path);
            let _ = corpus.diagnostics(path);
        }
        let _ = corpus.entities();
    }
}

/// An article reporting figures that other articles may contradict: trade, exports, a change
/// from the year before, in a year of 2016 to 2018.
fn reporting_article() -> impl Strategy<Value = String> {
    let sentence = prop_oneof![
        (2016u32..2019, 25u32..40, 0u32..10).prop_map(|(y, b, d)| format!(
            "Trade between Belarus and Russia reached ${b}.{d} billion in {y}."
        )),
        (2016u32..2019, 10u32..20).prop_map(|(y, b)| format!(
            "In {y} exports from Belarus to Russia reached ${b} billion."
        )),
        (2017u32..2019, 5u32..30, 25u32..40).prop_map(|(y, r, b)| format!(
            "In {y} trade between Belarus and Russia rose by {r}% to ${b} billion."
        )),
        (2016u32..2019, 25u32..40).prop_map(|(y, b)| format!(
            "Trade between Belarus and Russia was revised down to ${b} billion in {y}."
        )),
    ];
    proptest::collection::vec(sentence, 1..4)
        .prop_map(|s| format!(" date 2019-01-10 MINSK — {}\n", s.join(" ")))
}

#[derive(Debug, Clone)]
enum Step {
    Write(usize, String),
    Remove(usize),
    Look(usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0usize..4, reporting_article()).prop_map(|(i, text)| Step::Write(i, text)),
        1 => (0usize..4).prop_map(Step::Remove),
        2 => (0usize..4).prop_map(Step::Look),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Findings kept up to date edit by edit are those of a corpus read afresh.
    #[test]
    fn incremental_findings_match_a_fresh_corpus(steps in proptest::collection::vec(step(), 1..25)) {
        let names = ["a.txt", "b.txt", "c.txt", "d.txt"];
        let mut corpus = Corpus::new(Config::default());
        let mut texts: [Option<String>; 4] = Default::default();
        for step in &steps {
            match step {
                Step::Write(i, text) => {
                    corpus.set_text(Path::new(names[*i]), text.clone());
                    texts[*i] = Some(text.clone());
                }
                Step::Remove(i) => {
                    corpus.remove(Path::new(names[*i]));
                    texts[*i] = None;
                }
                Step::Look(i) => {
                    let _ = corpus.diagnostics(Path::new(names[*i]));
                }
            }
        }
        let mut fresh = Corpus::new(Config::default());
        for (name, text) in names.iter().zip(&texts) {
            if let Some(text) = text {
                fresh.set_text(Path::new(name), text.clone());
            }
        }
        for name in names {
            let path = Path::new(name);
            prop_assert_eq!(corpus.diagnostics(path), fresh.diagnostics(path), "{}", name);
        }
    }
}

/// The time to analyze an article grows with its length, not with its square: a file of many
/// megabytes has hundreds of thousands of mentions, and reading each figure's claim must not
/// look at all of them.
#[test]
fn analysis_time_grows_linearly_with_the_article() {
    use gloss::analysis::{Analysis, AnalysisOptions};
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    let story = std::fs::read_to_string("seeds/000_c54ae61236a0d654.txt").unwrap();
    let body = story.replace(" date ", "  date ");
    let article = |copies: usize| format!(" date 2021-08-12\n{}", body.repeat(copies));
    let time = |copies: usize| {
        let text = article(copies);
        (0..2)
            .map(|_| {
                let start = Instant::now();
                let analysis = Analysis::new(
                    Arc::from(Path::new("big.txt")),
                    text.clone(),
                    AnalysisOptions::default(),
                );
                assert!(analysis.claims.len() >= copies, "every copy makes claims");
                start.elapsed()
            })
            .min()
            .unwrap_or(Duration::ZERO)
    };
    let small = time(200);
    let large = time(800);
    let ratio = large.as_secs_f64() / small.as_secs_f64().max(1e-6);
    eprintln!("{small:?} then {large:?}: {ratio:.1} times");
    assert!(
        ratio < 6.5,
        "4 times the text took {ratio:.1} times as long ({small:?}, then {large:?})"
    );
}
