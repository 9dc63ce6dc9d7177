//! `conflicting-figure`, `unit-scale` and `revision`: the same measure, subject, period and unit
//! reported with values that cannot both be true, in one article or across the corpus.
//!
//! Values are compared as the intervals their wording allows (see `claims`), so rounding and
//! compatible qualifiers never conflict. Values a thousand times apart are flagged as a likely
//! unit slip (`unit-scale`); a figure said to be revised, preliminary or estimated, against
//! another, is shown as a `revision` (information), not a conflict.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::claims::{normalize, Claim};
use crate::config::Config;
use crate::corpus::query::article_label;
use crate::diagnostic::{Diagnostic, Related, Severity};

pub const CONFLICTING_FIGURE: &str = "conflicting-figure";
pub const UNIT_SCALE: &str = "unit-scale";
pub const REVISION: &str = "revision";

/// How many other reports a message names before it says "and N more".
const NAMED: usize = 2;

struct Report<'a> {
    analysis: &'a Analysis,
    claim: &'a Claim,
}

impl Report<'_> {
    fn written(&self) -> &str {
        &self.analysis.text[self.claim.range.clone()]
    }

    fn value(&self) -> f64 {
        (self.claim.low + self.claim.high) / 2.0
    }
}

/// The findings for every article, by path.
pub fn check(articles: &[&Arc<Analysis>], config: &Config) -> HashMap<Arc<Path>, Vec<Diagnostic>> {
    let mut groups: HashMap<(String, &[String], &str, &str), Vec<Report>> = HashMap::new();
    for analysis in articles {
        for claim in analysis
            .claims
            .iter()
            .filter(|c| !c.change && !c.subject.is_empty())
        {
            let measure = if config.measures.is_empty() {
                claim.measure.clone()
            } else {
                normalize(&claim.measure_text, config)
            };
            let key = (
                measure,
                claim.subject.as_slice(),
                claim.period.as_str(),
                claim.unit.as_str(),
            );
            groups
                .entry(key)
                .or_default()
                .push(Report { analysis, claim });
        }
    }
    let mut findings: HashMap<Arc<Path>, Vec<Diagnostic>> = HashMap::new();
    for ((measure, _, period, _), reports) in &groups {
        for (i, report) in reports.iter().enumerate() {
            let disagreeing: Vec<&Report> = reports
                .iter()
                .enumerate()
                .filter(|&(j, other)| j != i && disjoint(report.claim, other.claim))
                .map(|(_, other)| other)
                .collect();
            if let Some(diagnostic) = finding(report, &disagreeing, measure, period) {
                findings
                    .entry(report.analysis.path.clone())
                    .or_default()
                    .push(diagnostic);
            }
        }
    }
    for diagnostics in findings.values_mut() {
        diagnostics.sort_by_key(|d| (d.range.start, d.code));
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
    let elsewhere: Vec<String> = others
        .iter()
        .take(NAMED)
        .map(|o| place(report, o))
        .collect();
    let more = match others.len().saturating_sub(NAMED) {
        0 => String::new(),
        n => format!(", and {n} more"),
    };
    let difference = first.value() - report.value();
    let how_much = match code {
        UNIT_SCALE => format!(
            "{}× apart: million and billion, or tonnes and kilotonnes?",
            plain_ratio(scale)
        ),
        _ => format!(
            "{} differs by {} ({}%)",
            first.written(),
            plain(difference.abs()),
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
                message: format!("{} {} reported as {}", period, measure, o.written()),
            })
            .collect(),
    })
}

/// Where another report is: "elsewhere in this article" or "in <title> (<agency>, <date>)".
fn place(report: &Report, other: &Report) -> String {
    let analysis = other.analysis;
    if report.analysis.path == analysis.path {
        return format!("{} elsewhere in this article", other.written());
    }
    let agency = analysis
        .article
        .dateline
        .as_ref()
        .and_then(|d| d.agency.clone())
        .map(|range| analysis.text[range].to_string());
    let date = analysis.publication_date.map(|d| d.to_string());
    let source: Vec<String> = agency.into_iter().chain(date).collect();
    let source = if source.is_empty() {
        String::new()
    } else {
        format!(" ({})", source.join(", "))
    };
    format!("{} in {}{source}", other.written(), article_label(analysis))
}

fn plain(v: f64) -> String {
    let (value, scale) = match v.abs() {
        a if a >= 1e9 => (v / 1e9, " billion"),
        a if a >= 1e6 => (v / 1e6, " million"),
        _ => (v, ""),
    };
    format!("{}{scale}", super::plain(value))
}

fn plain_ratio(scale: f64) -> String {
    super::plain(if scale >= 1.0 { scale } else { 1.0 / scale })
}
