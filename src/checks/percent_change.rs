//! `percent-change`: a stated change that disagrees with the two levels it connects. "Trade rose
//! by 23.5% to $32.42 billion in 2017" puts 2016 at about $26.25 billion; if the corpus reports
//! 2016 trade as $29 billion, the rise was 11.8%, not 23.5%.
//!
//! Changes are read year on year, as news reports them: the change for a period compares it with
//! the same period a year earlier. Sources revise and round their levels, so a change is only
//! contradicted by more than a percentage point, or a tenth of the change. The new level is the one stated with the change (or any report
//! for the period); the old level must be reported in the same unit.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use super::plain;
use super::reports::{amount, is_on, Report, Topic};
use crate::corpus::FindingsByArticle;
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::mention::Label;

pub const PERCENT_CHANGE: &str = "percent-change";

pub fn check(topics: &HashMap<Topic, Vec<Report>>, only: Option<&Path>) -> FindingsByArticle {
    let mut findings = FindingsByArticle::new();
    for ((measure, subject, period), reports) in topics {
        let Some(previous) = year_before(period) else {
            continue;
        };
        let Some(earlier) = topics.get(&(measure.clone(), *subject, Cow::Owned(previous.clone())))
        else {
            continue;
        };
        for change in reports
            .iter()
            .filter(|r| r.claim.change.is_some() && r.claim.label == Label::Percent)
            .filter(|r| is_on(r, only))
        {
            let Some(new) = new_level(change, reports) else {
                continue;
            };
            let old = earlier
                .iter()
                .filter(|o| {
                    o.claim.change.is_none() && o.claim.unit == new.claim.unit && o.claim.low > 0.0
                })
                .find(|old| !agrees(change, new, old));
            if let Some(old) = old {
                let diagnostic = finding(change, new, old, period, &previous);
                findings
                    .entry(change.analysis.path.clone())
                    .or_default()
                    .push(diagnostic);
            }
        }
    }
    findings
}

/// The level a change leads to: the one stated with it in the same sentence ("rose by 23.5% to
/// $32.42 billion"), else the nearest in its article.
fn new_level<'a>(change: &Report, reports: &'a [Report<'a>]) -> Option<&'a Report<'a>> {
    reports
        .iter()
        .filter(|r| r.claim.change.is_none() && r.claim.label != Label::Percent)
        .filter(|r| r.analysis.path == change.analysis.path)
        .min_by_key(|r| r.claim.range.start.abs_diff(change.claim.range.start))
}

/// The change as stated, in percent, signed.
fn stated(change: &Report) -> (f64, f64) {
    let sign = change.claim.change.unwrap_or(1.0);
    let (a, b) = (sign * change.claim.low, sign * change.claim.high);
    (a.min(b), a.max(b))
}

/// The change the two levels allow, in percent.
fn implied(new: &Report, old: &Report) -> (f64, f64) {
    (
        (new.claim.low / old.claim.high - 1.0) * 100.0,
        (new.claim.high / old.claim.low - 1.0) * 100.0,
    )
}

/// Percentage points of slack: levels are often revised or rounded by their sources, so a stated
/// change is only contradicted by more than a point, or a tenth of the change itself.
fn slack(rate: f64) -> f64 {
    (rate.abs() * 0.1).max(1.0)
}

fn agrees(change: &Report, new: &Report, old: &Report) -> bool {
    let (lo, hi) = stated(change);
    let (implied_lo, implied_hi) = implied(new, old);
    let slack = slack((lo + hi) / 2.0);
    hi + slack >= implied_lo && lo - slack <= implied_hi
}

fn finding(
    change: &Report,
    new: &Report,
    old: &Report,
    period: &str,
    previous: &str,
) -> Diagnostic {
    let (lo, hi) = stated(change);
    let rate = (lo + hi) / 2.0;
    let base = new.value() / (1.0 + rate / 100.0);
    let (implied_lo, implied_hi) = implied(new, old);
    let actual = (implied_lo + implied_hi) / 2.0;
    let word = |r: f64| if r >= 0.0 { "rise" } else { "fall" };
    let message = format!(
        "a {} of {}% to {} puts {previous} at {}, but {previous} is reported as {}: that makes a {} of {}% in {period}, {} percentage points apart",
        word(rate),
        plain(rate.abs()),
        new.written(),
        amount(base),
        old.place(change),
        word(actual),
        plain(actual.abs()),
        plain((rate - actual).abs())
    );
    Diagnostic {
        range: change.claim.range.clone(),
        severity: Severity::Warning,
        code: PERCENT_CHANGE,
        message,
        related: vec![
            Related {
                path: new.analysis.path.clone(),
                range: new.claim.range.clone(),
                message: format!("the {period} level"),
            },
            Related {
                path: old.analysis.path.clone(),
                range: old.claim.range.clone(),
                message: format!("the {previous} level"),
            },
        ],
        fixes: Vec::new(),
    }
}

/// The same period a year earlier: "2017" → "2016", "2018-01/2018-02" → "2017-01/2017-02".
pub fn year_before(period: &str) -> Option<String> {
    let parts: Option<Vec<String>> = period
        .split('/')
        .map(|part| {
            let year: i32 = part.get(..4)?.parse().ok()?;
            Some(format!("{}{}", year - 1, &part[4..]))
        })
        .collect();
    Some(parts?.join("/"))
}

#[cfg(test)]
mod tests {
    use super::year_before;

    #[test]
    fn periods_move_back_a_year() {
        assert_eq!(year_before("2017").as_deref(), Some("2016"));
        assert_eq!(year_before("2018-Q1").as_deref(), Some("2017-Q1"));
        assert_eq!(
            year_before("2018-01/2018-02").as_deref(),
            Some("2017-01/2017-02")
        );
        assert_eq!(year_before("199X"), None);
    }
}
