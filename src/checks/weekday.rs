//! `weekday`: a weekday stated with a date that falls on another day ("Monday, March 14, 2024":
//! March 14, 2024 was a Thursday). Only dates that state their day of the month are checked: a
//! bare "on Thursday" is resolved from its weekday, so it cannot disagree with it.

use std::sync::LazyLock;

use jiff::civil::{Date, Weekday};
use regex::Regex;

use super::ArticleFacts;
use crate::describe::{plural, timex_in_words};
use crate::diagnostic::{Diagnostic, Fix, Related, Severity};
use crate::mention::Label;

pub const WEEKDAY: &str = "weekday";

const DAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// A weekday opening the date ("Monday, March 14") or ending just before it ("on Monday, 14 March").
static STARTS_WITH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
        .expect("valid pattern")
});
static ENDS_WITH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday),? (?:the )?$")
        .expect("valid pattern")
});

pub fn check(facts: &ArticleFacts) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for mention in facts.mentions.iter().filter(|m| m.label == Label::Date) {
        let written = &facts.text[mention.range.clone()];
        if !written.bytes().any(|b| b.is_ascii_digit()) {
            continue;
        }
        let before_start =
            crate::text::floor_char_boundary(facts.text, mention.range.start.saturating_sub(16));
        let before = &facts.text[before_start..mention.range.start];
        // Most dates name no weekday: they are passed over before any pattern is tried or the
        // date is read.
        if !names_a_day(written) && !names_a_day(before) {
            continue;
        }
        let Some(timex) = mention.value.timex_value() else {
            continue;
        };
        let Ok(date) = timex.parse::<Date>() else {
            continue;
        };
        let stated = match (
            STARTS_WITH_DAY.find(written),
            ENDS_WITH_DAY.captures(before),
        ) {
            (Some(day), _) => Some((
                mention.range.start + day.start()..mention.range.start + day.end(),
                day.as_str(),
            )),
            (None, Some(caps)) => caps.get(1).map(|day| {
                (
                    before_start + day.start()..before_start + day.end(),
                    day.as_str(),
                )
            }),
            (None, None) => None,
        };
        let Some((range, day)) = stated else {
            continue;
        };
        let Some(&(_, weekday)) = DAYS.iter().find(|(name, _)| name.eq_ignore_ascii_case(day))
        else {
            continue;
        };
        if weekday == date.weekday() {
            continue;
        }
        // "Thursday, 14 March 2024" without its weekday.
        let words = timex_in_words(timex).unwrap_or_else(|| timex.to_string());
        let day_month_year = words
            .split_once(", ")
            .map_or(words.as_str(), |(_, rest)| rest);
        found.push(Diagnostic {
            range: range.clone(),
            severity: Severity::Warning,
            code: WEEKDAY,
            message: format!(
                "{day_month_year} was a {:?}, not a {day}: {} apart",
                date.weekday(),
                days_apart(weekday, date.weekday())
            ),
            related: vec![Related {
                path: facts.path.clone(),
                range: mention.range.clone(),
                message: format!("the date, read as {timex}"),
            }],
            fixes: vec![Fix {
                title: format!("Change “{day}” to “{}”", same_case(day, date.weekday())),
                replacement: same_case(day, date.weekday()),
                range,
            }],
        });
    }
    found
}

/// Whether `text` holds "day" in any case, as every weekday's name does.
fn names_a_day(text: &str) -> bool {
    text.as_bytes()
        .windows(3)
        .any(|w| w.eq_ignore_ascii_case(b"day"))
}

/// How far apart two weekdays are, the short way round.
fn days_apart(stated: Weekday, actual: Weekday) -> String {
    let days = (stated.to_monday_zero_offset() - actual.to_monday_zero_offset()).rem_euclid(7);
    plural(days.min(7 - days) as usize, "day")
}

/// The name of `weekday` written in the case of `written` ("MONDAY", "monday", "Monday").
fn same_case(written: &str, weekday: Weekday) -> String {
    let name = format!("{weekday:?}");
    if written.chars().all(|c| c.is_uppercase()) {
        name.to_uppercase()
    } else if written.chars().all(|c| c.is_lowercase()) {
        name.to_lowercase()
    } else {
        name
    }
}
