//! Datelines that open a news story: `MOSCOW, APRIL 22, (RIA Novosti) -`,
//! `MOSCOW, August 12. /TASS/.`, `MOSCOW, 11 May (BelTA) –`, `MOSCOW —`, `NEW YORK (Reuters) -`.
//!
//! A dateline is an all-capitals place followed by at least one of: a day and month, an agency
//! in parentheses or slashes, or a dash.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The whole dateline, up to where the story starts.
    pub span: Range<usize>,
    pub place: Range<usize>,
    /// The day and month as written ("APRIL 22", "11 May"), if any.
    pub date: Option<Range<usize>>,
    /// Month (1–12) and day of the written date.
    pub month_day: Option<(i8, i8)>,
    /// The year, when the dateline gives one.
    pub year: Option<i16>,
    /// The agency without its brackets or slashes ("RIA Novosti", "TASS").
    pub agency: Option<Range<usize>>,
}

const MONTH: &str = r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"^(?P<place>\p{{Lu}}[\p{{Lu}}\p{{M}}'’.\-]*(?:[ \-]\p{{Lu}}[\p{{Lu}}\p{{M}}'’.\-]*){{0,3}})(?:,?[ \t]+(?P<date>(?:(?P<m1>{MONTH})\.?[ \t]+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})[ \t]+(?P<m2>{MONTH}))(?:,?[ \t]+(?P<year>\d{{4}}))?))?[.,]?[ \t]*(?:(?:\((?P<agency1>[^()\n]{{1,40}})\))|(?:/(?P<agency2>[^/\n]{{1,40}})/))?\.?[ \t]*(?P<dash>--|[-–—:])?[ \t]*"
    );
    Regex::new(&pattern).expect("dateline pattern is valid")
});

/// The dateline at the start of `text[from..]`, if the line opens with one.
pub fn parse(text: &str, from: usize) -> Option<Dateline> {
    // No part of the pattern matches a line feed: the line is all it needs to read.
    let rest = &text[from..];
    let line = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest, |end| &rest[..end]);
    let caps = DATELINE.captures(line)?;
    let place = caps.name("place")?;
    let letters = place.as_str().chars().filter(|c| c.is_alphabetic()).count();
    let has_marker = caps.name("date").is_some()
        || caps.name("agency1").is_some()
        || caps.name("agency2").is_some()
        || caps.name("dash").is_some();
    if letters < 2 || !has_marker {
        return None;
    }
    let shift = |m: regex::Match| from + m.start()..from + m.end();
    let month_day = caps.name("date").and_then(|_| {
        let month = caps.name("m1").or(caps.name("m2"))?.as_str();
        let day: i8 = caps.name("d1").or(caps.name("d2"))?.as_str().parse().ok()?;
        Some((month_number(month)?, day))
    });
    Some(Dateline {
        span: shift(caps.get(0)?),
        place: shift(place),
        date: caps.name("date").map(shift),
        month_day,
        year: caps.name("year").and_then(|y| y.as_str().parse().ok()),
        agency: caps.name("agency1").or(caps.name("agency2")).map(shift),
    })
}

/// The month number of an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<i8> {
    const NAMES: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = name.to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    NAMES.iter().position(|&n| n == prefix).map(|i| i as i8 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Place, date, month and day, agency, and the text after the dateline.
    type Parts<'a> = (
        &'a str,
        Option<&'a str>,
        Option<(i8, i8)>,
        Option<&'a str>,
        &'a str,
    );

    fn parts(text: &str) -> Option<Parts<'_>> {
        let d = parse(text, 0)?;
        Some((
            &text[d.place.clone()],
            d.date.map(|r| &text[r]),
            d.month_day,
            d.agency.map(|r| &text[r]),
            &text[d.span.end..],
        ))
    }

    #[test]
    fn reads_the_shapes_found_in_news() {
        let cases = [
            (
                "MOSCOW, APRIL 22, (RIA Novosti) - The level",
                "MOSCOW",
                Some("APRIL 22"),
                Some((4, 22)),
                Some("RIA Novosti"),
            ),
            (
                "MOSCOW, August 12. /TASS/. Belarus and",
                "MOSCOW",
                Some("August 12"),
                Some((8, 12)),
                Some("TASS"),
            ),
            (
                "MOSCOW, 11 May (BelTA) – Belarus-Russia",
                "MOSCOW",
                Some("11 May"),
                Some((5, 11)),
                Some("BelTA"),
            ),
            ("MOSCOW — Russian President", "MOSCOW", None, None, None),
            (
                "NEW YORK (Reuters) - Stocks",
                "NEW YORK",
                None,
                None,
                Some("Reuters"),
            ),
            (
                "ST. PETERSBURG, Dec. 8, 1999 - Leaders",
                "ST. PETERSBURG",
                Some("Dec. 8, 1999"),
                Some((12, 8)),
                None,
            ),
        ];
        for (text, place, date, month_day, agency) in cases {
            let (p, d, md, a, rest) =
                parts(text).unwrap_or_else(|| panic!("no dateline in {text:?}"));
            assert_eq!(p, place, "{text}");
            assert_eq!(d, date, "{text}");
            assert_eq!(md, month_day, "{text}");
            assert_eq!(a, agency, "{text}");
            assert!(
                rest.starts_with(char::is_alphabetic),
                "{text}: story starts at {rest:?}"
            );
        }
    }

    #[test]
    fn ordinary_sentences_are_not_datelines() {
        for text in [
            "Moscow and Minsk agreed.",
            "NATO is an alliance.",
            "A, B and C.",
            "THE END",
        ] {
            assert_eq!(parse(text, 0), None, "{text}");
        }
    }
}
