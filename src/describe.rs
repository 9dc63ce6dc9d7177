//! Values in words, for hovers and reports: a TIMEX3 value as a reader would say it ("Thursday,
//! 22 April 2005", "the first quarter of 2018", "27 years") and a figure spelled out with its unit
//! and the precision it was stated to.

use jiff::civil::Date;

use crate::mention::{Amount, Figure, Label};

/// A TIMEX3-style date or duration in words, or `None` when the value is not one gloss writes.
pub fn timex_in_words(timex: &str) -> Option<String> {
    if let Some((from, to)) = timex.split_once('/') {
        return Some(format!(
            "{} to {}",
            timex_in_words(from)?,
            timex_in_words(to)?
        ));
    }
    if let Some(duration) = timex.strip_prefix('P') {
        return duration_in_words(duration);
    }
    let parts: Vec<&str> = timex.split('-').collect();
    let year = parts.first()?;
    match parts.as_slice() {
        [_] if year.len() == 4 && year.ends_with('X') => {
            let decade = year.trim_end_matches('X');
            match decade.len() {
                3 => Some(format!("the {decade}0s")),
                2 => Some(format!("the {}th century", decade.parse::<u32>().ok()? + 1)),
                _ => None,
            }
        }
        [_] => year.parse::<i16>().ok().map(|y| y.to_string()),
        [_, part] if part.starts_with('Q') => {
            let q = ordinal_word(part[1..].parse().ok()?)?;
            Some(format!("the {q} quarter of {year}"))
        }
        [_, part] if part.starts_with('H') => {
            let h = ordinal_word(part[1..].parse().ok()?)?;
            Some(format!("the {h} half of {year}"))
        }
        [_, part] if part.starts_with('W') => {
            Some(format!("week {} of {year}", part[1..].parse::<u8>().ok()?))
        }
        [_, month] => {
            let date = Date::new(year.parse().ok()?, month.parse().ok()?, 1).ok()?;
            Some(date.strftime("%B %Y").to_string())
        }
        [_, month, day] => match timex.parse::<Date>() {
            Ok(date) => Some(date.strftime("%A, %-d %B %Y").to_string()),
            Err(_) if year.contains('X') => {
                // Any leap year names the month and admits every day of it.
                let date = Date::new(2000, month.parse().ok()?, day.parse().ok()?).ok()?;
                Some(date.strftime("%-d %B, year unknown").to_string())
            }
            Err(_) => None,
        },
        _ => None,
    }
}

fn duration_in_words(duration: &str) -> Option<String> {
    let (number, unit) = duration.split_at(duration.len().checked_sub(1)?);
    let unit = match unit {
        "Y" => "year",
        "M" => "month",
        "W" => "week",
        "D" => "day",
        _ => return None,
    };
    if number == "X" {
        return Some(format!("some {unit}s"));
    }
    let n: f64 = number.parse().ok()?;
    let plural = if n == 1.0 { "" } else { "s" };
    let decade = unit == "year" && n == 10.0;
    Some(if decade {
        "a decade (10 years)".to_string()
    } else {
        format!("{} {unit}{plural}", trim_number(n))
    })
}

fn ordinal_word(n: u8) -> Option<&'static str> {
    ["first", "second", "third", "fourth"]
        .get(usize::from(n).checked_sub(1)?)
        .copied()
}

/// A figure spelled out: the value in full with its unit, and the interval its stated precision
/// allows ("32,420,000,000 USD; stated to the nearest 10,000,000, so 32,415,000,000 to
/// 32,425,000,000").
pub fn figure_in_words(label: Label, figure: &Figure) -> String {
    let unit = figure
        .currency
        .or(figure.unit)
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let noun = figure
        .noun
        .as_deref()
        .map(|n| format!(" {n}"))
        .unwrap_or_default();
    let value = |v: f64| match label {
        Label::Percent => format!("{}%", trim_number(v)),
        Label::Multiplier => format!("{} times", trim_number(v)),
        Label::Fraction => format!("{} ({}%)", trim_number(v), trim_number(v * 100.0)),
        _ => format!("{}{unit}{noun}", grouped(v)),
    };
    match figure.amount {
        Amount::Range { min, max } => format!("from {} to {}", value(min), value(max)),
        Amount::Exact(v) if figure.step > 0.0 && label != Label::Ordinal => {
            let half = figure.step / 2.0;
            format!(
                "{}; stated to the nearest {}, so between {} and {}",
                value(v),
                grouped(figure.step),
                grouped(v - half),
                grouped(v + half)
            )
        }
        Amount::Exact(v) => value(v),
    }
}

/// A number with thousands separators and no needless decimals: 32,420,000,000 or 0.005.
fn grouped(v: f64) -> String {
    let text = trim_number(v);
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// A number with at most six decimals and no trailing zeros.
fn trim_number(v: f64) -> String {
    let text = format!("{v:.6}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// A count with its noun, singular or plural: "1 article", "3 articles".
pub fn plural(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_a_reader_would_say_them() {
        let cases = [
            ("2005-04-22", "Friday, 22 April 2005"),
            ("2018-05", "May 2018"),
            ("2017", "2017"),
            ("2018-Q1", "the first quarter of 2018"),
            ("2016-H1", "the first half of 2016"),
            ("199X", "the 1990s"),
            ("2018-01/2018-02", "January 2018 to February 2018"),
            ("P27Y", "27 years"),
            ("P1M", "1 month"),
            ("P10Y", "a decade (10 years)"),
            ("XXXX-05-11", "11 May, year unknown"),
        ];
        for (timex, words) in cases {
            assert_eq!(timex_in_words(timex).as_deref(), Some(words), "{timex}");
        }
        assert_eq!(timex_in_words("2018-13"), None);
        assert_eq!(timex_in_words("nonsense"), None);
    }

    #[test]
    fn figures_are_spelled_out_with_their_precision() {
        let money = Figure {
            amount: Amount::Exact(32.42e9),
            currency: Some("USD"),
            unit: None,
            noun: None,
            step: 0.01e9,
        };
        assert_eq!(
            figure_in_words(Label::Money, &money),
            "32,420,000,000 USD; stated to the nearest 10,000,000, so between 32,415,000,000 and 32,425,000,000"
        );
        let range = Figure {
            amount: Amount::Range {
                min: 2e9,
                max: 2.5e9,
            },
            step: 0.0,
            ..money
        };
        assert_eq!(
            figure_in_words(Label::Money, &range),
            "from 2,000,000,000 USD to 2,500,000,000 USD"
        );
        let third = Figure {
            amount: Amount::Exact(1.0 / 3.0),
            currency: None,
            unit: None,
            noun: None,
            step: 0.0,
        };
        assert_eq!(
            figure_in_words(Label::Fraction, &third),
            "0.333333 (33.333333%)"
        );
    }
}
