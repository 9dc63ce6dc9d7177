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
