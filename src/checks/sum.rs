//! `sum`: parts that do not add up to their stated total ("eight meetings and three telephone
//! conversations, 12 contacts in all").
//!
//! A total is a figure marked as one ("in all", "in total", "altogether", "combined", "a total
//! of"); its parts are the figures of the same kind and unit before it in the same sentence. A part
//! with a qualifier ("more than 80") makes the sum unknown, so nothing is checked.

use std::sync::LazyLock;

use regex::{CaptureLocations, Regex};

use super::{interval, plain, sentence_at, ArticleFacts};
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::mention::{Amount, Figure, Label, Mention, Value};

pub const SUM: &str = "sum";

/// "In all" and the like among the words after a total. How many words may come first is
/// [`says_total_after`]'s to check: bounded in the pattern, the repetition would copy the Unicode
/// letter class into the automaton once per character, megabytes for a few words.
static TOTAL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\p{L} ]*?\b(in all|in total|altogether|combined)\b").expect("valid pattern")
});

/// How many letters and spaces may stand between a total and its "in all".
const TOTAL_AFTER_WITHIN: usize = 30;
static TOTAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a total of|total of|totaling|totalling|in total|in all)\s*$")
        .expect("valid pattern")
});

/// Whether "in all" or the like follows a figure closely in `after`. `phrase` is room for where
/// the pattern finds it, kept from one figure to the next: most figures are no total, and
/// asking about them should cost no allocation.
fn says_total_after(after: &str, phrase: &mut CaptureLocations) -> bool {
    TOTAL_AFTER.captures_read(phrase, after).is_some()
        && phrase
            .get(1)
            .is_some_and(|(start, _)| after[..start].chars().count() <= TOTAL_AFTER_WITHIN)
}

pub fn check(facts: &ArticleFacts) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mut phrase = TOTAL_AFTER.capture_locations();
    for (i, total) in facts.mentions.iter().enumerate() {
        let Some(total_figure) = figure(total) else {
            continue;
        };
        let after = facts.text.get(total.range.end..).unwrap_or("");
        let before = facts.text.get(..total.range.start).unwrap_or("");
        if !(says_total_after(after, &mut phrase) || TOTAL_BEFORE.is_match(before)) {
            continue;
        }
        let Some(sentence) = sentence_at(facts.article, total.range.start) else {
            continue;
        };
        let parts: Vec<&Mention> = facts.mentions[..i]
            .iter()
            .filter(|m| m.range.start >= sentence.start && m.label == total.label)
            .filter(|m| figure(m).is_some_and(|f| same_unit(f, total_figure)))
            .collect();
        if parts.len() < 2
            || parts.iter().any(|m| m.qualifier.is_some())
            || total.qualifier.is_some()
        {
            continue;
        }
        let (mut low, mut high) = (0.0, 0.0);
        for part in &parts {
            let (lo, hi) =
                exact_count(part).unwrap_or_else(|| interval(figure(part).unwrap_or(total_figure)));
            low += lo;
            high += hi;
        }
        let (total_low, total_high) = exact_count(total).unwrap_or_else(|| interval(total_figure));
        if high >= total_low && low <= total_high {
            continue;
        }
        let written: Vec<&str> = parts.iter().map(|m| &facts.text[m.range.clone()]).collect();
        let sum = (low + high) / 2.0;
        let stated = (total_low + total_high) / 2.0;
        found.push(Diagnostic {
            range: total.range.clone(),
            severity: Severity::Warning,
            code: SUM,
            message: format!(
                "{} add up to {}, not {}: {} apart",
                written.join(" + "),
                plain(sum),
                &facts.text[total.range.clone()],
                plain((sum - stated).abs())
            ),
            related: parts
                .iter()
                .map(|m| Related {
                    path: facts.path.clone(),
                    range: m.range.clone(),
                    message: "a part of the total".into(),
                })
                .collect(),
            fixes: Vec::new(),
        });
    }
    found
}

fn figure(mention: &Mention) -> Option<&Figure> {
    match (&mention.value, mention.label) {
        (Value::Figure(f), Label::Cardinal | Label::Money | Label::Quantity) => Some(f),
        _ => None,
    }
}

/// A count written as a whole number ("12 contacts") is exact, not 11.5 to 12.5.
fn exact_count(mention: &Mention) -> Option<(f64, f64)> {
    match (&mention.value, mention.label) {
        (Value::Figure(f), Label::Cardinal) if f.step <= 1.0 => match f.amount {
            Amount::Exact(v) if v.fract() == 0.0 => Some((v, v)),
            _ => None,
        },
        _ => None,
    }
}

fn same_unit(a: &Figure, b: &Figure) -> bool {
    a.currency == b.currency && a.unit == b.unit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_is_said_within_a_few_words_after_it() {
        // One room for every question, as the check asks them: what one found must not answer
        // the next.
        let phrase = &mut TOTAL_AFTER.capture_locations();
        for after in [
            " in all.",
            " people in total",
            " Altogether",
            " jobs combined",
        ] {
            assert!(says_total_after(after, phrase), "{after:?}");
        }
        let near = format!(" {} in all", "a".repeat(TOTAL_AFTER_WITHIN - 2));
        assert!(says_total_after(&near, phrase));
        let far = format!(" {} in all", "a".repeat(TOTAL_AFTER_WITHIN - 1));
        assert!(!says_total_after(&far, phrase));
        for after in [" in allotments", ", in all", " people, and in all"] {
            assert!(!says_total_after(after, phrase), "{after:?}");
        }
    }
}
