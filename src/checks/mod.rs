//! Consistency checks: figures and dates that do not add up. One check per file, each with a
//! stable code used in diagnostics, `gloss.toml` and suppressions.
//!
//! Every check follows the same rules: rounding is never a conflict (values are compared as the
//! intervals their stated precision allows, widened by their qualifiers); each finding says which
//! numbers disagree and by how much; and when in doubt, a check stays silent.

mod conflicting_figure;
mod elapsed_time;
mod percent_change;
mod reports;
mod share;
mod sum;
mod weekday;

use std::path::Path;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::article::Article;
use crate::config::Config;
use crate::corpus::FindingsByArticle;
use crate::diagnostic::Diagnostic;
use crate::mention::{Amount, Figure, Mention};
use jiff::civil::Date;

pub use conflicting_figure::{CONFLICTING_FIGURE, REVISION, UNIT_SCALE};
pub use elapsed_time::ELAPSED_TIME;
pub use percent_change::PERCENT_CHANGE;
pub use share::SHARE;
pub use sum::SUM;
pub use weekday::WEEKDAY;

/// What the checks of one article read.
pub struct ArticleFacts<'a> {
    pub path: &'a Arc<Path>,
    pub text: &'a str,
    pub article: &'a Article,
    pub mentions: &'a [Mention],
    pub publication_date: Option<Date>,
}

/// The findings of every check that looks at one article alone.
pub fn check_article(facts: &ArticleFacts) -> Vec<Diagnostic> {
    let mut found = share::check(facts);
    found.extend(weekday::check(facts));
    found.extend(elapsed_time::check(facts));
    found.extend(sum::check(facts));
    found
}

/// The findings of every check that compares figures across the corpus, by article.
pub fn check_corpus(articles: &[&Arc<Analysis>], config: &Config) -> FindingsByArticle {
    let topics = reports::by_topic(articles, config);
    let mut findings = conflicting_figure::check(&topics);
    for (path, found) in percent_change::check(&topics) {
        findings.entry(path).or_default().extend(found);
    }
    for found in findings.values_mut() {
        found.sort_by_key(|d| (d.range.start, d.code));
    }
    findings
}

/// The interval a stated figure stands for: its precision ("17.6" is 17.55 to 17.65), or its
/// range.
pub fn interval(figure: &Figure) -> (f64, f64) {
    match figure.amount {
        Amount::Exact(v) => (v - figure.step / 2.0, v + figure.step / 2.0),
        Amount::Range { min, max } => (min, max),
    }
}

/// The sentence around a byte offset, as a byte range.
pub fn sentence_at(article: &Article, offset: usize) -> Option<std::ops::Range<usize>> {
    article
        .sentences
        .iter()
        .find(|s| s.start <= offset && offset < s.end)
        .cloned()
}

/// A number as a reader writes it: no needless decimals, at most two.
pub fn plain(v: f64) -> String {
    let text = format!("{v:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
