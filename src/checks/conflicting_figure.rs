//! `conflicting-figure`, `unit-scale` and `revision`: the same measure, subject, period and unit
//! reported with values that cannot both be true, in one article or across the corpus.
//!
//! Values are compared as the intervals their wording allows (see `claims`), so rounding and
//! compatible qualifiers never conflict. Values a thousand times apart are flagged as a likely
//! unit slip (`unit-scale`); a figure said to be revised, preliminary or estimated, against
//! another, is shown as a `revision` (information), not a conflict.

use std::collections::HashMap;
use std::path::Path;

use super::plain;
use super::reports::{amount, is_on, Report, Topic};
use crate::corpus::names::path_order;
use crate::corpus::FindingsByArticle;
use crate::diagnostic::{Diagnostic, Fix, Related, Severity};

pub const CONFLICTING_FIGURE: &str = "conflicting-figure";
pub const UNIT_SCALE: &str = "unit-scale";
pub const REVISION: &str = "revision";

/// How many other reports a message names before it says "and N more".
const NAMED: usize = 2;

/// How many other reports a finding points at: enough to follow, few enough to read.
const RELATED: usize = 10;

/// The findings for every article, by path; with `only`, for that article alone.
pub fn check(topics: &HashMap<Topic, Vec<Report>>, only: Option<&Path>) -> FindingsByArticle {
    let mut findings = FindingsByArticle::new();
    for ((measure, _, period), reports) in topics {
        let mut by_unit: HashMap<&str, Vec<&Report>> = HashMap::new();
        for report in reports.iter().filter(|r| r.claim.change.is_none()) {
            by_unit
                .entry(report.claim.unit.as_str())
                .or_default()
                .push(report);
        }
        for levels in by_unit.values() {
            let disagreements = Disagreements::new(levels);
            for report in levels.iter().filter(|r| is_on(r, only)) {
                let (others, total) = disagreements.with(report);
                if let Some(diagnostic) = finding(report, &others, total, measure, period) {
                    findings
                        .entry(report.analysis.path.clone())
                        .or_default()
                        .push(diagnostic);
                }
            }
        }
    }
    findings
}

/// The reports of one topic and unit, sorted so that those disagreeing with a report (entirely
/// below or entirely above its interval) are found by binary search, not by comparing every pair.
struct Disagreements<'a> {
    by_high: Vec<&'a Report<'a>>,
    by_low: Vec<&'a Report<'a>>,
}

impl<'a> Disagreements<'a> {
    fn new(levels: &[&'a Report<'a>]) -> Self {
        let mut by_high = levels.to_vec();
        by_high.sort_by(|a, b| a.claim.high.total_cmp(&b.claim.high));
        let mut by_low = levels.to_vec();
        by_low.sort_by(|a, b| a.claim.low.total_cmp(&b.claim.low));
        Disagreements { by_high, by_low }
    }

    /// The nearest reports that disagree with `report`, at most [`RELATED`], in corpus order,
    /// and how many disagree in all.
    fn with(&self, report: &Report) -> (Vec<&'a Report<'a>>, usize) {
        let below = &self.by_high[..self
            .by_high
            .partition_point(|o| o.claim.high < report.claim.low)];
        let above = &self.by_low[self
            .by_low
            .partition_point(|o| o.claim.low <= report.claim.high)..];
        let mut nearest: Vec<&Report> = above
            .iter()
            .take(RELATED)
            .chain(below.iter().rev().take(RELATED))
            .copied()
            .collect();
        nearest.sort_by(|a, b| {
            path_order(&a.analysis.path, &b.analysis.path)
                .then(a.claim.range.start.cmp(&b.claim.range.start))
        });
        nearest.truncate(RELATED);
        (nearest, below.len() + above.len())
    }
}

/// One finding on `report` naming the reports it disagrees with (`total` in all); the most
/// serious kind wins.
fn finding(
    report: &Report,
    others: &[&Report],
    total: usize,
    measure: &str,
    period: &str,
) -> Option<Diagnostic> {
    let first = others.first()?;
    let scale = first.value() / report.value();
    let thousandfold = [1e3, 1e-3].iter().any(|k| (scale / k - 1.0).abs() < 0.2);
    let (code, severity) = if thousandfold {
        (UNIT_SCALE, Severity::Warning)
    } else if report.claim.provisional || others.iter().all(|o| o.claim.provisional) {
        (REVISION, Severity::Info)
    } else {
        (CONFLICTING_FIGURE, Severity::Warning)
    };
    let elsewhere: Vec<String> = others.iter().take(NAMED).map(|o| o.place(report)).collect();
    let more = match total.saturating_sub(NAMED.min(others.len())) {
        0 => String::new(),
        n => format!(", and {n} more"),
    };
    let difference = first.value() - report.value();
    let how_much = match code {
        UNIT_SCALE => format!(
            "{}× apart: million and billion, or tonnes and kilotonnes?",
            plain(if scale >= 1.0 { scale } else { 1.0 / scale })
        ),
        _ => format!(
            "{} differs by {} ({}%)",
            first.written(),
            amount(difference.abs()),
            plain(difference.abs() / report.value().abs() * 100.0)
        ),
    };
    let message = format!(
        "{period} {measure}: {} here, {}{more}; {how_much}",
        report.written(),
        elsewhere.join(", ")
    );
    Some(Diagnostic {
        range: report.claim.range.clone(),
        severity,
        code,
        message,
        related: others
            .iter()
            .map(|o| Related {
                path: o.analysis.path.clone(),
                range: o.claim.range.clone(),
                message: format!("{period} {measure} reported as {}", o.written()),
            })
            .collect(),
        fixes: fixes(report, others, code),
    })
}

/// For a conflict or a unit slip, changing this figure to each of the values named in the
/// message; a revision is not an error to fix.
fn fixes(report: &Report, others: &[&Report], code: &str) -> Vec<Fix> {
    if code == REVISION {
        return Vec::new();
    }
    let mut values: Vec<&str> = Vec::new();
    let mut fixes = Vec::new();
    for other in others.iter().take(NAMED) {
        if values.contains(&other.written()) || other.written() == report.written() {
            continue;
        }
        values.push(other.written());
        fixes.push(Fix {
            title: format!("Change to {}", other.place(report)),
            range: report.claim.range.clone(),
            replacement: other.written().to_string(),
        });
    }
    fixes
}
