//! The corpus's claims as reports: each figure with the article it is in, grouped by what it
//! measures (measure, subject and period), for the checks that compare figures across articles.

use std::borrow::Cow;
use std::path::Path;

use compact_str::CompactString;

use crate::analysis::Analysis;
use crate::claims::{normalize, Claim};
use crate::config::Config;
use crate::corpus::query::article_label;

/// Whether the report is in the article `only` names; every report is when it names none.
pub fn is_on(report: &Report, only: Option<&Path>) -> bool {
    only.map_or(true, |path| *report.analysis.path == *path)
}

#[derive(Clone, Copy)]
pub struct Report<'a> {
    pub analysis: &'a Analysis,
    pub claim: &'a Claim,
}

impl Report<'_> {
    pub fn written(&self) -> &str {
        &self.analysis.text[self.claim.range.clone()]
    }

    /// The middle of the values the claim allows.
    pub fn value(&self) -> f64 {
        (self.claim.low + self.claim.high) / 2.0
    }

    /// Where this report is, seen from `from`: `elsewhere in this article` or
    /// `in <title> (<agency>, <date>)`.
    pub fn place(&self, from: &Report) -> String {
        let analysis = self.analysis;
        if from.analysis.path == analysis.path {
            return format!("{} elsewhere in this article", self.written());
        }
        let agency = analysis
            .agency
            .clone()
            .map(|range| analysis.text[range].to_string());
        let date = analysis.publication_date.map(|d| d.to_string());
        let source: Vec<String> = agency.into_iter().chain(date).collect();
        let source = if source.is_empty() {
            String::new()
        } else {
            format!(" ({})", source.join(", "))
        };
        format!("{} in {}{source}", self.written(), article_label(analysis))
    }
}

/// What a claim measures: measure, subject and period, borrowed from the claim where they can be.
pub type Topic<'a> = (Cow<'a, str>, &'a [CompactString], Cow<'a, str>);

/// The topic of a claim: its measure (merged through the configured synonyms), subject and
/// period.
pub fn topic_of<'a>(claim: &'a Claim, config: &Config) -> Topic<'a> {
    let measure = if config.measures.is_empty() {
        Cow::Borrowed(claim.measure.as_str())
    } else {
        Cow::Owned(normalize(&claim.measure_text, config).into())
    };
    (
        measure,
        claim.subject.as_slice(),
        Cow::Borrowed(claim.period.as_str()),
    )
}

/// A value in millions or billions when it is that large: "2.68 billion".
pub fn amount(v: f64) -> String {
    let (value, scale) = match v.abs() {
        a if a >= 1e9 => (v / 1e9, " billion"),
        a if a >= 1e6 => (v / 1e6, " million"),
        _ => (v, ""),
    };
    format!("{}{scale}", super::plain(value))
}
