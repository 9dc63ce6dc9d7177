//! `conflicting-figure`, `unit-scale` and `revision`: the same measure, subject, period and unit
//! reported with values that cannot both be true, in one article or across the corpus.
//!
//! Values are compared as the intervals their wording allows (see `claims`), so rounding and
//! compatible qualifiers never conflict. Values a thousand times apart are flagged as a likely
//! unit slip (`unit-scale`); a figure said to be revised, preliminary or estimated, against
//! another, is shown as a `revision` (information), not a conflict.

use std::collections::HashMap;

use super::plain;
use super::reports::{amount, Report, Topic};
use crate::claims::Claim;
use crate::corpus::FindingsByArticle;
use crate::diagnostic::{Diagnostic, Related, Severity};

pub const CONFLICTING_FIGURE: &str = "conflicting-figure";
pub const UNIT_SCALE: &str = "unit-scale";
pub const REVISION: &str = "revision";

/// How many other reports a message names before it says "and N more".
const NAMED: usize = 2;

/// How many other reports a finding points at: enough to follow, few enough to read.
const RELATED: usize = 10;

/// The findings for every article, by path.
pub fn check(topics: &HashMap<Topic, Vec<Report>>) -> FindingsByArticle {
    let mut findings = FindingsByArticle::new();
    for ((measure, _, period), reports) in topics {
        let levels: Vec<&Report> = reports
            .iter()
            .filter(|r| r.claim.change.is_none())
            .collect();
        for report in &levels {
            let disagreeing: Vec<&Report> = levels
                .iter()
                .filter(|other| !std::ptr::eq(**other, *report))
                .filter(|other| {
                    other.claim.unit == report.claim.unit && disjoint(report.claim, other.claim)
                })
                .copied()
                .collect();
            if let Some(diagnostic) = finding(report, &disagreeing, measure, period) {
                findings
                    .entry(report.analysis.path.clone())
                    .or_default()
                    .push(diagnostic);
            }
        }
    }
    findings
}

fn disjoint(a: &Claim, b: &Claim) -> bool {
    a.high < b.low || b.high < a.low
}

/// One finding on `report` naming all the reports it disagrees with; the most serious kind wins.
fn finding(report: &Report, others: &[&Report], measure: &str, period: &str) -> Option<Diagnostic> {
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
    let more = match others.len().saturating_sub(NAMED) {
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
            .take(RELATED)
            .map(|o| Related {
                path: o.analysis.path.clone(),
                range: o.claim.range.clone(),
                message: format!("{period} {measure} reported as {}", o.written()),
            })
            .collect(),
    })
}
