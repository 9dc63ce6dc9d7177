//! Scoring entity recognition against gold spans (exact span and type, micro-averaged), for the
//! tests on WikiGold and on the newswire development set. A folder of gold holds `gold.jsonl`
//! (`{"doc","start","end","type"}`, code point offsets) and the texts in `docs/`.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write;
use std::path::Path;
use std::sync::Arc;

use gloss::analysis::{Analysis, AnalysisOptions};
use gloss::mention::Label;

pub type Span = (String, usize, usize, String);

pub fn gold(dir: &Path) -> HashSet<Span> {
    let text = std::fs::read_to_string(dir.join("gold.jsonl")).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                v["doc"].as_str().unwrap().to_string(),
                v["start"].as_u64().unwrap() as usize,
                v["end"].as_u64().unwrap() as usize,
                v["type"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

pub fn predictions(dir: &Path, out: &mut String) -> HashSet<Span> {
    let mut predicted = HashSet::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    for path in paths {
        let doc = path.file_stem().unwrap().to_str().unwrap().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let analysis = Analysis::new(Arc::from(path.as_path()), text, AnalysisOptions::default());
        for m in analysis.entities.iter().map(|e| e.mention()) {
            let start = analysis.text[..m.range.start].chars().count();
            let end = start + analysis.text[m.range.clone()].chars().count();
            let label = m.label.as_str().to_string();
            writeln!(
                out,
                "{}",
                serde_json::json!({"doc": doc, "start": start, "end": end, "label": label,
                    "text": &analysis.text[m.range.clone()]})
            )
            .unwrap();
            predicted.insert((doc.clone(), start, end, label));
        }
    }
    predicted
}

fn prf(tp: usize, predicted: usize, gold: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, predicted), ratio(tp, gold));
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Prints per-type and micro scores for the spans `keep` selects and returns the micro F1.
pub fn report(
    title: &str,
    predicted: &HashSet<Span>,
    gold: &HashSet<Span>,
    keep: &dyn Fn(&Span) -> bool,
) -> f64 {
    let predicted: HashSet<&Span> = predicted.iter().filter(|s| keep(s)).collect();
    let gold: HashSet<&Span> = gold.iter().filter(|s| keep(s)).collect();
    let mut per_type: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for label in [Label::Per, Label::Org, Label::Loc, Label::Misc] {
        let name = label.as_str();
        let tp = predicted
            .iter()
            .filter(|p| p.3 == name && gold.contains(*p))
            .count();
        let np = predicted.iter().filter(|p| p.3 == name).count();
        let ng = gold.iter().filter(|g| g.3 == name).count();
        per_type.insert(name, (tp, np, ng));
    }
    println!("{title}");
    for (name, (tp, np, ng)) in &per_type {
        let (p, r, f) = prf(*tp, *np, *ng);
        println!("{name:5} P {p:.3} R {r:.3} F1 {f:.3}  (tp {tp}, predicted {np}, gold {ng})");
    }
    let tp = predicted.intersection(&gold).count();
    let (p, r, f) = prf(tp, predicted.len(), gold.len());
    println!("micro P {p:.3} R {r:.3} F1 {f:.3}");
    f
}
