//! `elapsed-time`: durations and anniversaries that disagree with the dates they connect.
//!
//! - "the 25th anniversary of the treaty concluded on December 8, 1999" falls in 2024: an article
//!   dated more than a year away from it has the count or the year wrong;
//! - "signed in 1996. Since then … over the past 27 years" says 27 years have passed since 1996:
//!   an article dated 2021 makes it 25.
//!
//! Only articles whose date is stated (header or front matter) are checked, and only whole years:
//! an inferred date could itself come from the duration being checked.

use std::ops::Range;

use super::{sentence_at, ArticleFacts};
use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::mention::{Amount, Label, Mention, Value};

pub const ELAPSED_TIME: &str = "elapsed-time";

/// Years of slack: an anniversary or a duration may be counted to the coming or the last one.
const SLACK: i32 = 1;

pub fn check(facts: &ArticleFacts) -> Vec<Diagnostic> {
    let Some(published) = facts.article.publication_date.map(|p| p.date) else {
        return Vec::new();
    };
    let year = i32::from(published.year());
    let mut found = Vec::new();
    for (i, mention) in facts.mentions.iter().enumerate() {
        let finding = match mention.label {
            Label::Ordinal => anniversary(facts, i, year),
            Label::Duration => years_since(facts, mention, year),
            _ => None,
        };
        found.extend(finding);
    }
    found
}

/// The year a date mention states in writing, if it states one.
fn written_year(facts: &ArticleFacts, mention: &Mention) -> Option<i32> {
    let timex = mention.value.timex_value()?;
    let year: i32 = timex.get(..4)?.parse().ok()?;
    facts.text[mention.range.clone()]
        .contains(&year.to_string())
        .then_some(year)
}

fn anniversary(facts: &ArticleFacts, i: usize, published: i32) -> Option<Diagnostic> {
    let ordinal = &facts.mentions[i];
    let Value::Figure(figure) = &ordinal.value else {
        return None;
    };
    let Amount::Exact(count) = figure.amount else {
        return None;
    };
    let after = facts.text.get(ordinal.range.end..)?;
    if !after.trim_start().to_lowercase().starts_with("anniversary") {
        return None;
    }
    let sentence = sentence_at(facts.article, ordinal.range.start)?;
    let (event, event_year) = facts.mentions[i + 1..]
        .iter()
        .take_while(|m| m.range.end <= sentence.end)
        .filter(|m| m.label == Label::Date)
        .find_map(|m| Some((m, written_year(facts, m)?)))?;
    let falls_in = event_year + count as i32;
    if (falls_in - published).abs() <= SLACK {
        return None;
    }
    let message = format!(
        "the {} anniversary of {event_year} falls in {falls_in}, but the article is dated {published}: {} years apart",
        &facts.text[ordinal.range.clone()],
        (falls_in - published).abs()
    );
    Some(finding(facts, ordinal.range.clone(), event, message))
}

fn years_since(facts: &ArticleFacts, duration: &Mention, published: i32) -> Option<Diagnostic> {
    let timex = duration.value.timex_value()?;
    let years: i32 = timex.strip_prefix('P')?.strip_suffix('Y')?.parse().ok()?;
    let written = facts.text[duration.range.clone()].to_lowercase();
    let sentence = sentence_at(facts.article, duration.range.start)?;
    let sentence_text = facts.text[sentence.clone()].to_lowercase();
    let counts_back =
        written.contains("past") || written.contains("last") || sentence_text.contains("since");
    if !counts_back {
        return None;
    }
    let (anchor, anchor_year) = anchor(facts, &sentence, &sentence_text)?;
    let elapsed = published - anchor_year;
    if (elapsed - years).abs() <= SLACK {
        return None;
    }
    let message = format!(
        "{years} years after {anchor_year} is {}, but the article is dated {published}, {elapsed} years after it",
        anchor_year + years
    );
    Some(finding(facts, duration.range.clone(), anchor, message))
}

/// The dated event a duration counts from: a year after "since" in its sentence, or, when the
/// sentence opens with "Since then", the last year stated in the sentence before.
fn anchor<'a>(
    facts: &'a ArticleFacts,
    sentence: &Range<usize>,
    sentence_text: &str,
) -> Option<(&'a Mention, i32)> {
    let dated = |m: &&'a Mention| m.label == Label::Date;
    let in_sentence = facts
        .mentions
        .iter()
        .filter(|m| sentence.start <= m.range.start && m.range.end <= sentence.end)
        .filter(dated)
        .find(|m| {
            facts.text[..m.range.start]
                .to_lowercase()
                .trim_end()
                .ends_with("since")
        });
    if let Some(m) = in_sentence {
        return Some((m, written_year(facts, m)?));
    }
    if !sentence_text.trim_start().starts_with("since then") {
        return None;
    }
    let previous = facts
        .article
        .sentences
        .iter()
        .rev()
        .find(|s| s.end <= sentence.start)?;
    facts
        .mentions
        .iter()
        .filter(|m| previous.start <= m.range.start && m.range.end <= previous.end)
        .filter(dated)
        .rev()
        .find_map(|m| Some((m, written_year(facts, m)?)))
}

fn finding(
    facts: &ArticleFacts,
    range: Range<usize>,
    other: &Mention,
    message: String,
) -> Diagnostic {
    Diagnostic {
        range,
        severity: Severity::Warning,
        code: ELAPSED_TIME,
        message,
        related: vec![Related {
            path: facts.path.clone(),
            range: other.range.clone(),
            message: "the date it counts from".into(),
        }],
        fixes: Vec::new(),
    }
}
