//! `share`: a fraction word and a percentage that disagree ("more than a third (31.7%)"), and a
//! part, its whole and the percentage between them that disagree ("1,200 of 4,000 buses, or 35%").
//!
//! The percentage must follow the fraction or the part closely in the same sentence (in
//! parentheses, after a comma or a dash, or after "or"); anything farther is not read as the same
//! share. A fraction with "more than" must be exceeded, with "less than" or "nearly" must not be
//! reached; a bare or "about" fraction allows a fifth of its value either way.

use std::sync::LazyLock;

use regex::Regex;

use super::{interval, plain, ArticleFacts};
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::mention::{Amount, Label, Mention, Qualifier, Value};

pub const SHARE: &str = "share";

/// How far a bare fraction may be from its percentage, relative to the fraction: "a third" reads
/// as 26.7% to 40%.
const LOOSE: f64 = 0.2;

/// What may stand between a share and the percentage that restates it: a few words ("of the
/// members"), then an opening parenthesis, a comma, a dash or "or". How few words is
/// [`restates`]'s to check: bounded in the pattern, the repetition would copy the Unicode letter
/// class into the automaton once per character, megabytes for a few words.
static RESTATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}' ]*?(\(|,(?: or)?|—|–| or) *$").expect("valid pattern"));

/// How many letters, apostrophes and spaces may come before the parenthesis, comma, dash or "or".
const RESTATED_WITHIN: usize = 40;

pub fn check(facts: &ArticleFacts) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let mentions = facts.mentions;
    for (i, mention) in mentions.iter().enumerate() {
        let Some(percent) = restating_percent(facts, mentions, i) else {
            continue;
        };
        let finding = match mention.label {
            Label::Fraction => fraction_against_percent(facts, mention, percent),
            Label::Cardinal => part_of_whole_against_percent(facts, mentions, i, percent),
            _ => None,
        };
        found.extend(finding);
    }
    found
}

/// The percentage right after the `i`-th mention, or after the whole in "part of whole".
fn restating_percent<'a>(
    facts: &ArticleFacts,
    mentions: &'a [Mention],
    i: usize,
) -> Option<&'a Mention> {
    let mut end = mentions[i].range.end;
    let mut next = i + 1;
    if mentions[i].label == Label::Cardinal {
        let whole = mentions.get(next)?;
        let between = facts.text.get(end..whole.range.start)?.trim();
        if whole.label != Label::Cardinal || !between.eq_ignore_ascii_case("of") {
            return None;
        }
        end = whole.range.end;
        next += 1;
    }
    let percent = mentions.get(next).filter(|m| m.label == Label::Percent)?;
    let gap = facts.text.get(end..percent.range.start)?;
    restates(gap).then_some(percent)
}

/// Whether `gap`, between a share and a percentage, makes the percentage restate the share.
fn restates(gap: &str) -> bool {
    RESTATED.captures(gap).is_some_and(|found| {
        let words = found.get(1).map_or(0, |closer| closer.start());
        gap[..words].chars().count() <= RESTATED_WITHIN
    })
}

fn percent_value(mention: &Mention) -> Option<(f64, f64, f64)> {
    match &mention.value {
        Value::Figure(figure) => {
            let (lo, hi) = interval(figure);
            let stated = match figure.amount {
                Amount::Exact(v) => v,
                Amount::Range { .. } => return None,
            };
            Some((stated, lo, hi))
        }
        _ => None,
    }
}

fn fraction_against_percent(
    facts: &ArticleFacts,
    fraction: &Mention,
    percent: &Mention,
) -> Option<Diagnostic> {
    let Value::Figure(figure) = &fraction.value else {
        return None;
    };
    let Amount::Exact(share) = figure.amount else {
        return None;
    };
    let share = share * 100.0;
    let (stated, lo, hi) = percent_value(percent)?;
    let written = &facts.text[fraction.range.clone()];
    let qualifier = fraction.qualifier.map_or("", Qualifier::as_str);
    let phrase = if qualifier.is_empty() {
        written.to_lowercase()
    } else {
        format!("{qualifier} {}", written.to_lowercase())
    };
    let problem = match qualifier {
        "more than" | "over" | "above" | "at least" | "upwards of" if hi <= share => {
            Some("less than")
        }
        "less than" | "under" | "below" | "nearly" | "almost" | "just under" | "up to"
        | "at most"
            if lo >= share =>
        {
            Some("more than")
        }
        "" | "about" | "around" | "roughly" | "some" | "approximately" | "nearly" | "almost" => {
            let tolerance = share * LOOSE;
            if hi < share - tolerance {
                Some("well under")
            } else if lo > share + tolerance {
                Some("well over")
            } else {
                None
            }
        }
        _ => None,
    }?;
    let message = format!(
        "{}% is {problem} {} ({}%), but the text says \"{phrase}\": they differ by {} percentage points",
        plain(stated),
        written.to_lowercase(),
        plain(share),
        plain((stated - share).abs())
    );
    Some(finding(
        facts,
        percent,
        fraction,
        message,
        "the fraction it restates",
    ))
}

fn part_of_whole_against_percent(
    facts: &ArticleFacts,
    mentions: &[Mention],
    i: usize,
    percent: &Mention,
) -> Option<Diagnostic> {
    let (part, whole) = (&mentions[i], &mentions[i + 1]);
    let (Value::Figure(part_figure), Value::Figure(whole_figure)) = (&part.value, &whole.value)
    else {
        return None;
    };
    let ((part_lo, part_hi), (whole_lo, whole_hi)) =
        (interval(part_figure), interval(whole_figure));
    if whole_lo <= 0.0 || part.qualifier.is_some() || whole.qualifier.is_some() {
        return None;
    }
    let (stated, lo, hi) = percent_value(percent)?;
    let (share_lo, share_hi) = (part_lo / whole_hi * 100.0, part_hi / whole_lo * 100.0);
    if hi >= share_lo && lo <= share_hi {
        return None;
    }
    let (part_text, whole_text) = (
        &facts.text[part.range.clone()],
        &facts.text[whole.range.clone()],
    );
    let exact = (share_lo + share_hi) / 2.0;
    let message = format!(
        "{part_text} of {whole_text} is {}%, not {}%: they differ by {} percentage points",
        plain(exact),
        plain(stated),
        plain((stated - exact).abs())
    );
    Some(finding(
        facts,
        percent,
        part,
        message,
        "the part and whole it is computed from",
    ))
}

fn finding(
    facts: &ArticleFacts,
    percent: &Mention,
    other: &Mention,
    message: String,
    role: &str,
) -> Diagnostic {
    Diagnostic {
        range: percent.range.clone(),
        severity: Severity::Warning,
        code: SHARE,
        message,
        related: vec![Related {
            path: facts.path.clone(),
            range: other.range.clone(),
            message: role.to_string(),
        }],
        fixes: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_percentage_restates_a_share_after_a_few_words_and_an_opening() {
        for gap in [
            " (",
            " of the members (",
            ", or ",
            " — ",
            " of Belarus's trade or ",
        ] {
            assert!(restates(gap), "{gap:?}");
        }
        let near = format!(" {} (", "a".repeat(RESTATED_WITHIN - 2));
        assert!(restates(&near));
        let far = format!(" {} (", "a".repeat(RESTATED_WITHIN - 1));
        assert!(!restates(&far));
        for gap in [" of 2017 (", "; ", " of the members. ("] {
            assert!(!restates(gap), "{gap:?}");
        }
    }
}
