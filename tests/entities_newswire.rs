//! Entity recognition scored on a hand-annotated newswire development set
//! (tests/data/newswire-dev: two 1961 Brown press reports and the five example wire stories in
//! `seeds/`): exact span and type, micro-averaged, overall and for the wire stories alone. The
//! rules are tuned while looking at these errors, so these are development scores.
//!
//! Set `GLOSS_NEWSWIRE_OUT=path` to write the predictions as JSON Lines for error analysis.

mod ner;

use std::path::Path;

use ner::{gold, predictions, report};

/// The micro F1 the recognizer must keep on the whole set; raise it as recognition improves.
const F1_FLOOR: f64 = 0.87;
/// The micro F1 it must keep on the wire stories.
const SEEDS_F1_FLOOR: f64 = 0.90;

#[test]
fn newswire_entities_score_above_the_floor() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/newswire-dev");
    let gold = gold(&dir);
    let mut out = String::new();
    let predicted = predictions(&dir, &mut out);
    if let Ok(path) = std::env::var("GLOSS_NEWSWIRE_OUT") {
        std::fs::write(path, &out).unwrap();
    }
    let f = report("all", &predicted, &gold, &|_| true);
    let seeds_f = report("seeds", &predicted, &gold, &|s| s.0.starts_with("seed_"));
    report("brown", &predicted, &gold, &|s| s.0.starts_with("brown_"));
    assert!(
        f >= F1_FLOOR,
        "newswire micro F1 {f:.3} fell below {F1_FLOOR}"
    );
    assert!(
        seeds_f >= SEEDS_F1_FLOOR,
        "seeds micro F1 {seeds_f:.3} fell below {SEEDS_F1_FLOOR}"
    );
}
