//! Consistency checks: figures and dates that do not add up. One check per file, each with a
//! stable code used in diagnostics, `gloss.toml` and suppressions.
//!
//! Every check follows the same rules: rounding is never a conflict (values are compared as the
//! intervals their stated precision allows, widened by their qualifiers); each finding says which
//! numbers disagree and by how much; and when in doubt, a check stays silent.

mod conflicting_figure;
mod elapsed_time;
mod percent_change;
pub mod reports;
mod share;
mod sum;
mod weekday;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::article::Article;
use crate::corpus::FindingsByArticle;
use crate::diagnostic::Diagnostic;
use crate::mention::{Amount, Figure, Mention};
use reports::{is_on, Report, Topic};

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

/// The findings on the claims of one topic, by article, from the checks that compare figures
/// across the corpus. `earlier` are the reports of the same topic a year before, which a stated
/// change is compared with; findings on them are not returned. With `only`, the findings on that
/// article's claims alone, for less than the whole topic costs.
pub fn check_topic<'a>(
    topic: &Topic<'a>,
    reports: &[Report<'a>],
    earlier: &[Report<'a>],
    only: Option<&Path>,
) -> FindingsByArticle {
    let mut topics: HashMap<Topic, Vec<Report>> = HashMap::new();
    topics.insert(topic.clone(), reports.to_vec());
    if let Some(before) = percent_change::year_before(&topic.2) {
        topics.insert(
            (topic.0.clone(), topic.1, Cow::Owned(before)),
            earlier.to_vec(),
        );
    }
    let on_topic: HashSet<(&Path, usize, usize)> = reports
        .iter()
        .filter(|r| is_on(r, only))
        .map(|r| {
            (
                r.analysis.path.as_ref(),
                r.claim.range.start,
                r.claim.range.end,
            )
        })
        .collect();
    let mut findings = FindingsByArticle::new();
    for (path, found) in conflicting_figure::check(&topics, only)
        .into_iter()
        .chain(percent_change::check(&topics, only))
    {
        let kept = found
            .into_iter()
            .filter(|d| on_topic.contains(&(path.as_ref(), d.range.start, d.range.end)));
        findings.entry(path.clone()).or_default().extend(kept);
    }
    findings.retain(|_, found| !found.is_empty());
    // Kept until the topic changes: room to grow would only cost memory.
    for found in findings.values_mut() {
        found.sort_by_key(|d| (d.range.start, d.code));
        found.shrink_to_fit();
    }
    findings.shrink_to_fit();
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
