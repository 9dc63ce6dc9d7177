//! Dates and durations: absolute dates ("December 8, 1999", "11 May", "Q1 2018", "the 1990s"),
//! dates relative to the article ("last year", "on Thursday", "two years ago"), and durations
//! ("over the past 27 years", "six months"), each with a TIMEX3-style value and a note saying
//! how it was resolved.
//!
//! A date without a year is read the news way: the most recent such date on or before the
//! article's date, unless the sentence names a year for it ("In 2018 … (19 and 28 March)") or
//! speaks of what is ahead ("will meet on 14 May").

use compact_str::{format_compact, CompactString};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use super::numbers::{number_at, numeral_at, ordinal_word, Num};
use super::tokens::{Kind, Lower, Tokens};
use crate::mention::{DateNote, Label, Nearest};

/// A date or duration found at a token range.
#[derive(Debug, Clone, PartialEq)]
pub struct DateHit {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub value: Option<CompactString>,
    pub note: Option<DateNote>,
}

/// A date's value, when it has one, and a note on how it was worked out.
type Resolved = (Option<CompactString>, Option<DateNote>);

pub struct Dates<'t, 'a> {
    pub tokens: &'t Tokens<'a>,
    pub publication_date: Option<Date>,
}

pub(super) fn month_of(w: &str) -> Option<i8> {
    Some(match w {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

pub(super) fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match w {
        "monday" | "mon" => Weekday::Monday,
        "tuesday" | "tue" | "tues" => Weekday::Tuesday,
        "wednesday" | "wed" => Weekday::Wednesday,
        "thursday" | "thu" | "thur" | "thurs" => Weekday::Thursday,
        "friday" | "fri" => Weekday::Friday,
        "saturday" | "sat" => Weekday::Saturday,
        "sunday" | "sun" => Weekday::Sunday,
        _ => return None,
    })
}

/// The decade of the last century a word names ("the nineties" → 9).
pub(super) fn decade_word(w: &str) -> Option<u8> {
    Some(match w {
        "twenties" => 2,
        "thirties" => 3,
        "forties" => 4,
        "fifties" => 5,
        "sixties" => 6,
        "seventies" => 7,
        "eighties" => 8,
        "nineties" => 9,
        _ => return None,
    })
}

/// The TIMEX3 code of a season.
pub(super) fn season_of(w: &str) -> Option<&'static str> {
    Some(match w {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

/// Calendar units of durations and relative dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Hour,
    Minute,
}

impl Unit {
    /// The unit's name, as a note says it ("the week before that of the article date").
    fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::Year => "year",
            Unit::Decade => "decade",
            Unit::Century => "century",
            Unit::Hour => "hour",
            Unit::Minute => "minute",
        }
    }
}

pub(super) fn unit_of(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "minute" => (Unit::Minute, false),
        "minutes" => (Unit::Minute, true),
        _ => return None,
    })
}

/// The words that name a part of a period ("early 2019", "the end of 2018"), as notes say them.
const PARTS: [&str; 10] = [
    "early",
    "mid",
    "late",
    "earlier",
    "later",
    "end",
    "start",
    "beginning",
    "middle",
    "turn",
];

/// `P27Y`, `P6M`, `PT3H` for a count of units.
fn duration_timex(count: &str, unit: Unit) -> CompactString {
    match unit {
        Unit::Day => format_compact!("P{count}D"),
        Unit::Week => format_compact!("P{count}W"),
        Unit::Month => format_compact!("P{count}M"),
        Unit::Quarter => format_compact!("P{count}Q"),
        Unit::Year => format_compact!("P{count}Y"),
        Unit::Decade => format_compact!("P{count}DE"),
        Unit::Century => format_compact!("P{count}CE"),
        Unit::Hour => format_compact!("PT{count}H"),
        Unit::Minute => format_compact!("PT{count}M"),
    }
}

/// Decades and centuries as years, the way TIMEX3 durations are usually compared.
fn duration_value(n: &Num, unit: Unit) -> Option<CompactString> {
    let value = n.value();
    if !(0.0..=10_000.0).contains(&value) {
        return None;
    }
    let (value, unit) = match unit {
        Unit::Quarter => (value * 3.0, Unit::Month),
        Unit::Decade => (value * 10.0, Unit::Year),
        Unit::Century => (value * 100.0, Unit::Year),
        _ => (value, unit),
    };
    let count = if value.fract() == 0.0 {
        format_compact!("{}", value as i64)
    } else {
        format_compact!("{}", (value * 1000.0).round() / 1000.0)
    };
    Some(duration_timex(&count, unit))
}

fn ymd(date: Date) -> CompactString {
    match u16::try_from(date.year()) {
        // Written out directly: a formatting pattern is read anew at every use.
        Ok(year) => format_compact!("{year:04}-{:02}-{:02}", date.month(), date.day()),
        Err(_) => format_compact!("{}", date.strftime("%Y-%m-%d")),
    }
}

fn week(date: Date) -> CompactString {
    let w = date.iso_week_date();
    format_compact!("{:04}-W{:02}", w.year(), w.week())
}

/// Words in a sentence that put what it speaks of ahead of the article's date.
pub fn is_future_cue(w: &str) -> bool {
    matches!(
        w,
        "will"
            | "shall"
            | "ll"
            | "scheduled"
            | "upcoming"
            | "planned"
            | "plans"
            | "plan"
            | "expected"
            | "due"
            | "forthcoming"
            | "could"
            | "might"
            | "would"
            | "coming"
            | "tomorrow"
            | "next"
    )
}

impl<'t, 'a> Dates<'t, 'a> {
    fn lower(&self, i: usize) -> Lower<'_> {
        self.tokens.lower(i)
    }

    fn month_at(&self, i: usize) -> Option<(i8, usize)> {
        let t = self.tokens;
        if t.kind(i) != Some(Kind::Word) {
            return None;
        }
        let w = t.lower(i);
        let m = month_of(w.as_str())?;
        let s = t.str(i);
        let full = s.len() > 4 || w.as_str() == "june" || w.as_str() == "july";
        // "may" and "march" are also common words; short forms need a capital.
        let capital = s.starts_with(|c: char| c.is_uppercase());
        // After a day ("14 nov") the word can only be the month.
        let after_day = i > 0 && t.kind(i - 1) == Some(Kind::Number) && t.str(i - 1).len() <= 2;
        if (!full || matches!(m, 3 | 5)) && !capital && !after_day {
            return None;
        }
        let mut end = i + 1;
        if !full && w.as_str() != "may" && t.punct(end, ".") && t.attached(end) {
            end += 1;
        }
        Some((m, end))
    }

    /// A plausible year numeral at `i`.
    fn year_at(&self, i: usize) -> Option<i16> {
        let t = self.tokens;
        if t.kind(i) != Some(Kind::Number) || t.str(i).len() != 4 {
            return None;
        }
        let y: i16 = t.str(i).parse().ok()?;
        (1000..=2199).contains(&y).then_some(y)
    }

    /// A day of the month at `i` ("8", "22nd"); returns the day and the token after it.
    fn day_at(&self, i: usize) -> Option<(i8, usize)> {
        let t = self.tokens;
        if t.kind(i) != Some(Kind::Number) || t.str(i).len() > 2 {
            return None;
        }
        let d: i8 = t.str(i).parse().ok()?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let suffix = t.lower(i + 1);
        if t.attached(i + 1) && matches!(suffix.as_str(), "st" | "nd" | "rd" | "th") {
            return Some((d, i + 2));
        }
        if t.attached(i + 1) && t.kind(i + 1) == Some(Kind::Word) {
            return None;
        }
        Some((d, i + 1))
    }

    /// An optional comma, then a year.
    fn year_after(&self, i: usize) -> Option<(i16, usize)> {
        let t = self.tokens;
        let j = if t.punct(i, ",") { i + 1 } else { i };
        if !t.continues(j) {
            return None;
        }
        let y = self.year_at(j)?;
        // "May 5, 2000 people" would need a noun check; a year is followed by no digits.
        if t.attached(j + 1) && t.kind(j + 1) != Some(Kind::Punct) {
            return None;
        }
        Some((y, j + 1))
    }

    /// The year of a day and month ending before token `i`: "8 December, 1999", or "28 June in
    /// 2020".
    fn year_of_day(&self, i: usize) -> Option<(i16, usize)> {
        self.year_after(i).or_else(|| {
            let t = self.tokens;
            let y = self
                .year_at(i + 1)
                .filter(|_| t.is(i, "in") && t.continues(i + 1))?;
            (!t.attached(i + 2) || t.kind(i + 2) == Some(Kind::Punct)).then_some((y, i + 2))
        })
    }

    /// The sentence around token `i`: first token index.
    fn sentence_start(&self, i: usize) -> usize {
        let t = self.tokens;
        let mut j = i;
        while j > 0 && i - j < 60 {
            if t.list[j].break_before {
                return j;
            }
            if matches!(t.str(j - 1), "." | "!" | "?") && t.kind(j - 1) == Some(Kind::Punct) {
                // "Dec. 8" and "U.S." do not end a sentence; "in December." does.
                let before = t.str(j.saturating_sub(2));
                let abbreviation = j >= 2
                    && t.attached(j - 1)
                    && (before.len() == 1
                        || before.len() <= 4 && month_of(&before.to_ascii_lowercase()).is_some());
                if !abbreviation {
                    return j;
                }
            }
            j -= 1;
        }
        j
    }

    /// A year stated earlier in the same sentence, for a date written without one.
    fn sentence_year(&self, i: usize) -> Option<i16> {
        let start = self.sentence_start(i);
        (start..i).rev().find_map(|j| {
            let y = self.year_at(j)?;
            let prev = self.tokens.lower(j.wrapping_sub(1));
            let dated = matches!(
                prev.as_str(),
                "in" | "of" | "since" | "during" | "for" | "throughout" | "until" | "till"
            ) || self.tokens.sentence_start(j);
            dated.then_some(y)
        })
    }

    fn ahead(&self, i: usize) -> bool {
        let start = self.sentence_start(i);
        let t = self.tokens;
        // "since December" is behind whatever the sentence plans.
        let behind = matches!(
            t.lower(i.wrapping_sub(1)).as_str(),
            "since" | "ago" | "last" | "past"
        ) || (t.is(i.wrapping_sub(1), "on") && t.is(i.wrapping_sub(2), "since"));
        !behind
            && (start..i).any(|j| {
                let w = t.lower(j);
                is_future_cue(w.as_str()) || (w.as_str() == "to" && t.is(j + 1, "be"))
            })
    }

    /// Resolves a month and day without a year.
    fn month_day(&self, i: usize, m: i8, d: i8) -> Resolved {
        if let Some(y) = self.sentence_year(i) {
            return match Date::new(y, m, d) {
                Ok(date) => (Some(ymd(date)), Some(DateNote::YearOfSentence(y))),
                Err(_) => (None, None),
            };
        }
        let Some(pd) = self.publication_date else {
            return (
                Some(format_compact!("XXXX-{m:02}-{d:02}")),
                Some(DateNote::NoArticleDate { missing: "year" }),
            );
        };
        let ahead = self.ahead(i);
        let pick = |year: i16| Date::new(year, m, d).ok();
        let date = if ahead {
            pick(pd.year())
                .filter(|&c| c >= pd)
                .or_else(|| pick(pd.year().saturating_add(1)))
        } else {
            pick(pd.year())
                .filter(|&c| c <= pd)
                .or_else(|| pick(pd.year().saturating_sub(1)))
        };
        let note = DateNote::Nearest {
            what: Nearest::Date,
            ahead,
            article_date: pd,
        };
        match date {
            Some(date) => (Some(ymd(date)), Some(note)),
            None => (None, None),
        }
    }

    /// Resolves a month without a year ("in March").
    fn month_only(&self, i: usize, m: i8) -> Resolved {
        if let Some(y) = self.sentence_year(i) {
            return (
                Some(format_compact!("{y:04}-{m:02}")),
                Some(DateNote::YearOfSentence(y)),
            );
        }
        let Some(pd) = self.publication_date else {
            return (
                Some(format_compact!("XXXX-{m:02}")),
                Some(DateNote::NoArticleDate { missing: "year" }),
            );
        };
        let ahead = self.ahead(i);
        let year = match (ahead, m >= pd.month()) {
            (true, true) | (false, false) => pd.year(),
            (true, false) => pd.year() + 1,
            (false, true) if m == pd.month() => pd.year(),
            (false, true) => pd.year() - 1,
        };
        let note = DateNote::Nearest {
            what: Nearest::Month,
            ahead,
            article_date: pd,
        };
        (Some(format_compact!("{year:04}-{m:02}")), Some(note))
    }

    fn weekday(&self, i: usize, wd: Weekday, relation: &str) -> Resolved {
        let Some(pd) = self.publication_date else {
            return (
                Some(format_compact!("XXXX-WXX-{}", wd.to_monday_one_offset())),
                Some(DateNote::NoArticleDate { missing: "date" }),
            );
        };
        let ahead = match relation {
            "next" | "coming" => true,
            "last" | "past" | "previous" => false,
            _ => self.ahead(i),
        };
        let strict = !relation.is_empty() && relation != "this";
        let date = if pd.weekday() == wd && !strict {
            Ok(pd)
        } else {
            pd.nth_weekday(if ahead { 1 } else { -1 }, wd)
        };
        let note = DateNote::Nearest {
            what: Nearest::Weekday(wd),
            ahead,
            article_date: pd,
        };
        match date {
            Ok(d) => (Some(ymd(d)), Some(note)),
            Err(_) => (None, None),
        }
    }

    /// "this/last/next week|month|quarter|year" against the article's date.
    fn relative(&self, offset: i32, unit: Unit) -> Option<(CompactString, DateNote)> {
        let pd = self.publication_date?;
        let note = DateNote::Relative {
            unit: unit.name(),
            offset,
            article_date: pd,
        };
        let value = match unit {
            Unit::Day => ymd(pd.checked_add(offset.days()).ok()?),
            Unit::Week => week(pd.checked_add((7 * offset).days()).ok()?),
            Unit::Month => {
                let d = pd.first_of_month().checked_add(offset.months()).ok()?;
                format_compact!("{:04}-{:02}", d.year(), d.month())
            }
            Unit::Quarter => {
                let d = pd
                    .first_of_month()
                    .checked_add((3 * offset).months())
                    .ok()?;
                format_compact!("{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1)
            }
            Unit::Year => format_compact!("{:04}", i32::from(pd.year()) + offset),
            Unit::Decade => {
                let y = i32::from(pd.year()) / 10 + offset;
                format_compact!("{y:03}X")
            }
            _ => return None,
        };
        Some((value, note))
    }

    fn hit(&self, start: usize, end: usize, label: Label, resolved: Resolved) -> DateHit {
        DateHit {
            start,
            end,
            label,
            value: resolved.0,
            note: resolved.1,
        }
    }

    /// The dates and durations that start at token `i`, if any. "From 2 July to 10 July" and
    /// "between 2007 and the end of 2008" are one date range.
    pub fn at(&self, i: usize) -> Vec<DateHit> {
        let hits = self.at_single(i);
        match hits.as_slice() {
            [first] => self
                .range_from(first)
                .or_else(|| self.counted_from_date(first))
                .map_or(hits, |joined| vec![joined]),
            _ => hits,
        }
    }

    /// "Two weeks after March 3", "three years after 1996": a span counted from a date the
    /// text gives.
    fn counted_from_date(&self, first: &DateHit) -> Option<DateHit> {
        let t = self.tokens;
        // "3 days after" (a date to be counted) or "3 days" followed by "from".
        let relation_at = match first.label {
            Label::Date if first.value.is_none() => first.end.checked_sub(1)?,
            Label::Duration if t.is(first.end, "from") && t.continues(first.end + 1) => first.end,
            _ => return None,
        };
        if relation_at < first.start + 2 {
            return None;
        }
        let relation = self.lower(relation_at);
        let sign: i64 = match relation.as_str() {
            "after" | "from" => 1,
            "before" => -1,
            _ => return None,
        };
        let (unit, _) = unit_of(self.lower(relation_at - 1).as_str())?;
        let count = if matches!(self.lower(first.start).as_str(), "a" | "an") {
            1.0
        } else {
            number_at(t, first.start, false)?.value()
        };
        if count.fract() != 0.0 || count > 5000.0 {
            return None;
        }
        let n = sign * count as i64;
        let anchor = match self.at_single(relation_at + 1).as_slice() {
            [anchor] if anchor.label == Label::Date => anchor.clone(),
            _ => return None,
        };
        let value = anchor.value.as_deref()?;
        let result = if value.len() == 10 {
            let day: Date = value.parse().ok()?;
            let date = match unit {
                Unit::Day => day.checked_add(n.days()),
                Unit::Week => day.checked_add(n.weeks()),
                Unit::Month => day.checked_add(n.months()),
                Unit::Year => day.checked_add(n.years()),
                _ => return None,
            };
            ymd(date.ok()?)
        } else if value.len() == 4 && unit == Unit::Year {
            let year: i64 = value.parse().ok()?;
            format_compact!("{:04}", year.checked_add(n)?)
        } else {
            return None;
        };
        Some(DateHit {
            start: first.start,
            end: anchor.end,
            label: Label::Date,
            value: Some(result),
            note: Some(DateNote::CountedFrom(value.into())),
        })
    }

    /// A range opened by "from" or "between" at `first` and closed by the date after "to",
    /// "until", "through" or "and".
    fn range_from(&self, first: &DateHit) -> Option<DateHit> {
        let t = self.tokens;
        let opener = self.lower(first.start.checked_sub(1)?);
        let between = opener == "between";
        let a = first.value.as_deref()?;
        if !(between || opener == "from") || first.label != Label::Date || a.contains('/') {
            return None;
        }
        let j = first.end;
        let joiner = t.is(j, "to")
            || t.is(j, "until")
            || t.is(j, "till")
            || t.is(j, "through")
            || t.dash(j)
            || (between && t.is(j, "and"));
        if !joiner || !t.continues(j + 1) {
            return None;
        }
        let second = match self.at_single(j + 1).as_slice() {
            [second] => second.clone(),
            _ => return None,
        };
        let b = second.value.as_deref()?;
        let comparable = a.starts_with(|c: char| c.is_ascii_digit())
            && b.starts_with(|c: char| c.is_ascii_digit());
        if second.label != Label::Date || b.contains('/') || !comparable || b <= a {
            return None;
        }
        Some(DateHit {
            start: first.start,
            end: second.end,
            label: Label::Date,
            value: Some(format_compact!("{a}/{b}")),
            note: first.note.clone().or(second.note),
        })
    }

    fn at_single(&self, i: usize) -> Vec<DateHit> {
        let t = self.tokens;
        match t.kind(i) {
            Some(Kind::Number) => self.starting_with_number(i),
            Some(Kind::Word) => self
                .starting_with_word(i)
                .map(|h| vec![h])
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    fn starting_with_number(&self, i: usize) -> Vec<DateHit> {
        let t = self.tokens;
        let s = t.str(i);
        let us_date = t.punct(i + 1, "/")
            && t.punct(i + 3, "/")
            && t.attached(i + 1)
            && t.attached(i + 4)
            && self.year_at(i + 4).is_some();
        if t.in_number_chain(i) && !self.iso_like(i) && !us_date {
            return Vec::new();
        }
        if t.attached(i) && t.kind(i - 1) == Some(Kind::Word) {
            return Vec::new();
        }
        // 2005-04-22, 2018-05, 2005/04/22
        if let Some(y) = self.year_at(i) {
            if (t.dash(i + 1) || t.punct(i + 1, "/")) && t.attached(i + 1) && t.attached(i + 2) {
                let sep = t.str(i + 1);
                let m = t.str(i + 2);
                if t.kind(i + 2) == Some(Kind::Number) && m.len() <= 2 {
                    if let Ok(mn) = m.parse::<i8>() {
                        if t.str(i + 3) == sep && t.attached(i + 3) && t.attached(i + 4) {
                            let d = t.str(i + 4).parse::<i8>().ok();
                            if let Some(date) = d.and_then(|d| Date::new(y, mn, d).ok()) {
                                if !(t.attached(i + 5) && t.kind(i + 5) == Some(Kind::Number)) {
                                    return vec![self.hit(
                                        i,
                                        i + 5,
                                        Label::Date,
                                        (Some(ymd(date)), None),
                                    )];
                                }
                            }
                            return Vec::new();
                        }
                        if (1..=12).contains(&mn)
                            && (m.len() == 1 || m.starts_with('0'))
                            && sep != "/"
                        {
                            return vec![self.hit(
                                i,
                                i + 3,
                                Label::Date,
                                (Some(format_compact!("{y:04}-{mn:02}")), None),
                            )];
                        }
                    }
                }
            }
        }
        // 22.04.2019
        if s.len() == 10 || s.len() == 9 || s.len() == 8 {
            let parts: Vec<&str> = s.split('.').collect();
            if parts.len() == 3 && parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2
            {
                let (d, m, y) = (
                    parts[0].parse().ok(),
                    parts[1].parse().ok(),
                    parts[2].parse().ok(),
                );
                if let (Some(d), Some(m), Some(y)) = (d, m, y) {
                    if let Ok(date) = Date::new(y, m, d) {
                        return vec![self.hit(i, i + 1, Label::Date, (Some(ymd(date)), None))];
                    }
                }
            }
        }
        // 1/22/2016
        if t.punct(i + 1, "/") && t.attached(i + 1) && t.punct(i + 3, "/") && t.attached(i + 3) {
            let m = s.parse::<i8>().ok();
            let d = t.str(i + 2).parse::<i8>().ok();
            if let (Some(m), Some(d), Some(y)) = (m, d, self.year_at(i + 4)) {
                if let Ok(date) = Date::new(y, m, d) {
                    return vec![self.hit(i, i + 5, Label::Date, (Some(ymd(date)), None))];
                }
            }
            return Vec::new();
        }
        if let Some(n) = numeral_at(t, i, false).filter(|n| n.ordinal) {
            if t.is(n.end, "century") && (1.0..=30.0).contains(&n.value()) {
                let c = n.value() as i64 - 1;
                return vec![self.hit(
                    i,
                    n.end + 1,
                    Label::Date,
                    (Some(format_compact!("{c:02}XX")), None),
                )];
            }
        }
        if let Some(hits) = self.day_first(i) {
            return hits;
        }
        if let Some(h) = self.year_forms(i) {
            return vec![h];
        }
        self.duration(i, i).map(|h| vec![h]).unwrap_or_default()
    }

    /// A year, month and day joined by dashes or slashes: "2005-04-22".
    fn iso_like(&self, i: usize) -> bool {
        let t = self.tokens;
        self.year_at(i).is_some()
            && t.kind(i + 2) == Some(Kind::Number)
            && t.kind(i + 4) == Some(Kind::Number)
            && (t.dash(i + 1) || t.punct(i + 1, "/"))
            && t.str(i + 1) == t.str(i + 3)
            && t.str(i + 2).len() <= 2
            && t.str(i + 4).len() <= 2
            && t.attached(i + 1)
            && t.attached(i + 4)
            && t.kind(i + 5) != Some(Kind::Number)
    }

    /// "8 December 1999", "11 May", "19 and 28 March", "19-21 May", "the 9th of May".
    fn day_first(&self, i: usize) -> Option<Vec<DateHit>> {
        let t = self.tokens;
        let (d1, mut j) = self.day_at(i)?;
        let mut second: Option<(i8, usize, bool)> = None;
        let between = t.is(i.wrapping_sub(1), "between");
        if t.continues(j) && (t.dash(j) || t.is(j, "and") || t.is(j, "to")) {
            if let Some((d2, k)) = self.day_at(j + 1) {
                if d2 > d1 || t.is(j, "and") {
                    second = Some((d2, j + 1, !t.is(j, "and") || between));
                    j = k;
                }
            }
        }
        if t.is(j, "of") {
            j += 1;
        }
        if !t.continues(j) {
            return None;
        }
        let (m, mut end) = self.month_at(j)?;
        let year = self.year_of_day(end);
        if let Some((_, e)) = year {
            end = e;
        }
        let resolve = |d: i8| match year {
            Some((y, _)) => (Date::new(y, m, d).ok().map(ymd), None),
            None => self.month_day(i, m, d),
        };
        let first = resolve(d1);
        if first.0.is_none() {
            return Some(Vec::new());
        }
        Some(match second {
            Some((d2, _, true)) => {
                let last = resolve(d2);
                let value = match (&first.0, &last.0) {
                    (Some(a), Some(b)) if b > a => Some(format_compact!("{a}/{b}")),
                    _ => None,
                };
                vec![self.hit(i, end, Label::Date, (value, first.1))]
            }
            Some((d2, at, false)) => {
                vec![
                    self.hit(i, i + 1, Label::Date, first),
                    self.hit(at, end, Label::Date, resolve(d2)),
                ]
            }
            None => vec![self.hit(i, end, Label::Date, first)],
        })
    }

    /// Whether a bare four-digit number at `i` reads as a year.
    fn reads_as_year(&self, i: usize) -> bool {
        let t = self.tokens;
        let prev = t.lower(i.wrapping_sub(1));
        let prev = prev.as_str();
        // Outside the last two centuries and the next, a bare number is a year only after a
        // word that dates it ("in 1066").
        let year = self.year_at(i).unwrap_or(0);
        let dated = matches!(
            prev,
            "in" | "since" | "of" | "from" | "until" | "by" | "year"
        );
        if !(1800..=2100).contains(&year) && !dated {
            return false;
        }
        if i > 0 && t.kind(i - 1) == Some(Kind::Punct) && t.attached(i) {
            let p = t.str(i - 1);
            if !matches!(p, "(" | "-" | "–" | "\"" | "“" | "'" | "‘") {
                return false;
            }
        }
        if matches!(
            prev,
            "than"
                | "about"
                | "around"
                | "nearly"
                | "almost"
                | "some"
                | "over"
                | "approximately"
                | "roughly"
                | "least"
                | "only"
                | "just"
                | "under"
                | "additional"
                | "another"
        ) {
            return false;
        }
        let next = t.lower(i + 1);
        let next = next.as_str();
        if t.attached(i + 1) && t.kind(i + 1) == Some(Kind::Word) {
            return false;
        }
        if t.punct(i + 1, "%") || t.punct(i + 1, ":") {
            return false;
        }
        let measured = t.continues(i + 1)
            && (super::units::is_unit_or_currency_word(next)
                || matches!(next, "percent" | "per" | "times"));
        if measured {
            return false;
        }
        // "in 1935 of her son-in-law" is a year; "2000 people" a count.
        let dating = matches!(
            prev,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "during"
                | "from"
                | "through"
                | "before"
                | "after"
                | "the"
                | "early"
                | "late"
                | "mid"
                | "year"
                | "between"
                | "throughout"
        );
        dating || !(t.continues(i + 1) && (next == "of" || super::figures::plural_noun(next)))
    }

    /// Years, year ranges, decades: "2017", "2019-2021", "2014 to 2018", "the 1990s",
    /// "2017 Q1", "2019-H2".
    fn year_forms(&self, i: usize) -> Option<DateHit> {
        let t = self.tokens;
        let y = self.year_at(i)?;
        let k = if t.dash(i + 1) && t.attached(i + 1) {
            i + 2
        } else {
            i + 1
        };
        if t.continues(k) && matches!(self.lower(k).as_str(), "q" | "h") && t.attached(k + 1) {
            let tag = if t.is(k, "q") { 'Q' } else { 'H' };
            let max = if tag == 'Q' { 4 } else { 2 };
            if let Some(n) = t
                .str(k + 1)
                .parse::<i8>()
                .ok()
                .filter(|n| (1..=max).contains(n))
            {
                if !t.attached(k + 2) || t.kind(k + 2) == Some(Kind::Punct) {
                    return Some(self.hit(
                        i,
                        k + 2,
                        Label::Date,
                        (Some(format_compact!("{y:04}-{tag}{n}")), None),
                    ));
                }
            }
        }
        if t.is(i + 1, "s") && t.attached(i + 1) && y % 10 == 0 {
            return Some(self.hit(
                i,
                i + 2,
                Label::Date,
                (Some(format_compact!("{:03}X", y / 10)), None),
            ));
        }
        if t.punct(i + 1, "'") && t.is(i + 2, "s") && t.attached(i + 1) && y % 10 == 0 {
            return Some(self.hit(
                i,
                i + 3,
                Label::Date,
                (Some(format_compact!("{:03}X", y / 10)), None),
            ));
        }
        if !self.reads_as_year(i) {
            return None;
        }
        let between = t.is(i.wrapping_sub(1), "between");
        if t.continues(i + 1)
            && (t.dash(i + 1)
                || t.punct(i + 1, "/")
                || t.punct(i + 1, "~")
                || t.is(i + 1, "to")
                || t.is(i + 1, "through")
                || t.is(i + 1, "till")
                || t.is(i + 1, "until")
                || (between && t.is(i + 1, "and")))
        {
            let j = i + 2;
            let second = self.year_at(j).or_else(|| {
                let s = t.str(j);
                (t.kind(j) == Some(Kind::Number)
                    && s.len() == 2
                    && t.attached(j)
                    && (t.dash(i + 1) || t.punct(i + 1, "/")))
                .then(|| s.parse::<i16>().ok().map(|yy| y - y % 100 + yy))
                .flatten()
                // "2014-15" is a season or a fiscal year; "2015-32" is no range.
                .filter(|&y2| y2 > y && y2 - y <= 10)
            });
            if let Some(y2) = second.filter(|&y2| y2 > y && y2 - y < 200) {
                let end = j + 1;
                return Some(self.hit(
                    i,
                    end,
                    Label::Date,
                    (Some(format_compact!("{y:04}/{y2:04}")), None),
                ));
            }
        }
        // "2015-32", "32-2015": a year joined to a number that makes no range is a code.
        let joined_number = |dash: usize, number: usize| {
            t.dash(dash) && t.attached(dash.max(number)) && t.kind(number) == Some(Kind::Number)
        };
        if joined_number(i + 1, i + 2) || (i >= 2 && joined_number(i - 1, i - 2) && t.attached(i)) {
            return None;
        }
        Some(self.hit(
            i,
            i + 1,
            Label::Date,
            (Some(format_compact!("{y:04}")), None),
        ))
    }

    /// A count of units at `i` (the count starts at `count_at`): "27 years", "six months",
    /// "a month", "two years ago", "a week earlier". `start` is where the mention starts.
    fn duration(&self, start: usize, count_at: usize) -> Option<DateHit> {
        let t = self.tokens;
        let (num, after) = if t.is(count_at, "a") || t.is(count_at, "an") {
            let one = Num {
                start: count_at,
                end: count_at + 1,
                mantissa: 1.0,
                words: true,
                ..Num::default()
            };
            (one, count_at + 1)
        } else {
            let n = number_at(t, count_at, false)?;
            if n.ordinal || n.scaled {
                return None;
            }
            (n, n.end)
        };
        let mut j = after;
        let mut hyphen = false;
        if t.dash(j) && t.attached(j) && t.attached(j + 1) {
            hyphen = true;
            j += 1;
        }
        if !t.continues(j) {
            return None;
        }
        let (unit, plural) = unit_of(t.lower(j).as_str())?;
        // "a quarter of the budget" is a fraction.
        if unit == Unit::Quarter && t.is(j + 1, "of") {
            return None;
        }
        if !hyphen && !plural && num.value() != 1.0 {
            return None;
        }
        // "twice a year", "$5 billion a year": a rate, not a duration.
        if num.words && num.end == count_at + 1 && count_at > 0 && t.continues(count_at) {
            let prev = t.lower(count_at - 1);
            let rate = t.kind(count_at - 1) == Some(Kind::Number)
                || matches!(
                    prev.as_str(),
                    "once"
                        | "twice"
                        | "times"
                        | "per"
                        | "thousand"
                        | "million"
                        | "billion"
                        | "trillion"
                        | "percent"
                        | "bn"
                )
                || super::units::is_unit_or_currency_word(prev.as_str());
            if rate && matches!(t.lower(count_at).as_str(), "a" | "an" | "one") {
                return None;
            }
        }
        let end = j + 1;
        // "five years old" is an age, "a five-year-old" too.
        if t.is(end, "old") || (hyphen && t.dash(end) && t.is(end + 1, "old")) {
            return None;
        }
        let next = t.lower(end);
        let next = next.as_str();
        let clock = matches!(unit, Unit::Hour | Unit::Minute);
        if !clock
            && t.continues(end)
            && matches!(next, "after" | "before" | "from")
            && matches!(
                self.lower(end + 1).as_str(),
                "today" | "yesterday" | "tomorrow"
            )
        {
            let anchor = match self.lower(end + 1).as_str() {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            let n = num.value();
            let sign = if next == "before" { -1 } else { 1 };
            let value = self.publication_date.and_then(|pd| {
                if n.fract() != 0.0 || n > 5000.0 {
                    return None;
                }
                let n = sign * n as i64;
                let day = pd.checked_add(anchor.days()).ok()?;
                let date = match unit {
                    Unit::Day => day.checked_add(n.days()),
                    Unit::Week => day.checked_add(n.weeks()),
                    Unit::Month => day.checked_add(n.months()),
                    Unit::Year => day.checked_add(n.years()),
                    _ => return None,
                };
                date.ok().map(ymd)
            });
            let note = self.publication_date.map(DateNote::CountedFromArticleDate);
            return Some(self.hit(start, end + 2, Label::Date, (value, note)));
        }
        if t.continues(end) && next == "ago" {
            let pd = self.publication_date;
            let n = num.value();
            let value = pd.and_then(|pd| {
                if n.fract() != 0.0 || n > 5000.0 {
                    return None;
                }
                let n = n as i64;
                Some(match unit {
                    Unit::Day => ymd(pd.checked_sub(n.days()).ok()?),
                    Unit::Week => week(pd.checked_sub(n.weeks()).ok()?),
                    Unit::Month => {
                        let d = pd.checked_sub(n.months()).ok()?;
                        format_compact!("{:04}-{:02}", d.year(), d.month())
                    }
                    Unit::Year => format_compact!("{:04}", pd.checked_sub(n.years()).ok()?.year()),
                    Unit::Decade => {
                        format_compact!("{:04}", pd.checked_sub((n * 10).years()).ok()?.year())
                    }
                    _ => return None,
                })
            });
            let note = pd.map(DateNote::CountedBackFromArticleDate);
            return Some(self.hit(start, end + 1, Label::Date, (value, note)));
        }
        if !clock
            && t.continues(end)
            && matches!(
                next,
                "later" | "earlier" | "after" | "before" | "afterwards"
            )
        {
            return Some(self.hit(
                start,
                end + 1,
                Label::Date,
                (None, Some(DateNote::RelativeToEvent)),
            ));
        }
        let value = duration_value(&num, unit);
        Some(self.hit(start, end, Label::Duration, (value, None)))
    }

    fn starting_with_word(&self, i: usize) -> Option<DateHit> {
        let t = self.tokens;
        let w = self.lower(i);
        let w = w.as_str();
        if let Some((m, end)) = self.month_at(i) {
            return self.month_first(i, m, end);
        }
        if let Some(wd) = weekday_of(w) {
            let full = t.str(i).len() > 4 || w == "tues" || w == "thurs";
            if !full && !t.is_capitalized(i) {
                return None;
            }
            // "Good Friday", "Black Friday", "Bloody Sunday" are names, not that week's day.
            if i > 0
                && t.continues(i)
                && t.is_capitalized(i - 1)
                && !t.sentence_start(i - 1)
                && !matches!(
                    self.lower(i - 1).as_str(),
                    "on" | "last"
                        | "next"
                        | "this"
                        | "since"
                        | "until"
                        | "by"
                        | "from"
                        | "before"
                        | "after"
                )
            {
                return None;
            }
            let mut j = i + 1;
            if t.punct(j, ",") {
                j += 1;
            }
            if let Some((m, end)) = self.month_at(j) {
                if let Some(mut h) = self.month_first(j, m, end) {
                    h.start = i;
                    return Some(h);
                }
            }
            if let Some(mut hits) = self.day_first(j) {
                if hits.len() == 1 {
                    let mut h = hits.remove(0);
                    h.start = i;
                    return Some(h);
                }
            }
            // "Friday 2018-7-6"
            if self.iso_like(j) {
                if let [h] = self.starting_with_number(j).as_slice() {
                    return Some(DateHit {
                        start: i,
                        ..h.clone()
                    });
                }
            }
            if !full {
                return None;
            }
            return Some(self.hit(i, i + 1, Label::Date, self.weekday(i, wd, "")));
        }
        match w {
            _ if ordinal_word(w).is_some_and(|n| n <= 4)
                && matches!(self.lower(i + 1).as_str(), "quarter" | "half") =>
            {
                let n = ordinal_word(w).unwrap_or(1) as i8;
                let (tag, max) = if t.is(i + 1, "quarter") {
                    ('Q', 4)
                } else {
                    ('H', 2)
                };
                return (n <= max)
                    .then(|| self.period_of_year(i, i + 2, tag, n))
                    .flatten();
            }
            "today" | "yesterday" | "tomorrow" | "tonight" => {
                let offset = match w {
                    "yesterday" => -1,
                    "tomorrow" => 1,
                    _ => 0,
                };
                let resolved = self
                    .relative(offset, Unit::Day)
                    .map_or((None, None), |(v, n)| (Some(v), Some(n)));
                return Some(self.hit(i, i + 1, Label::Date, resolved));
            }
            "this" | "last" | "next" | "past" | "previous" | "coming" | "current" => {
                return self.relative_phrase(i, i);
            }
            "the" => return self.after_the(i),
            "early" | "mid" | "late" | "earlier" | "later" | "end" | "start" | "beginning"
            | "middle" => {
                return self.part_of(i, i);
            }
            "q" | "h" if t.str(i).len() == 1 && t.attached(i + 1) => {
                let n: i8 = t.str(i + 1).parse().ok()?;
                let (max, tag) = if w == "q" { (4, 'Q') } else { (2, 'H') };
                if !(1..=max).contains(&n) {
                    return None;
                }
                if t.dash(i + 2) && t.attached(i + 2) && t.attached(i + 3) {
                    let y = self.year_at(i + 3)?;
                    return Some(self.hit(
                        i,
                        i + 4,
                        Label::Date,
                        (Some(format_compact!("{y:04}-{tag}{n}")), None),
                    ));
                }
                if t.attached(i + 2) {
                    return None;
                }
                return self.period_of_year(i, i + 2, tag, n);
            }
            "recent" => {
                if matches!(unit_of(self.lower(i + 1).as_str()), Some((_, true))) {
                    return Some(self.hit(
                        i,
                        i + 2,
                        Label::Date,
                        (None, Some(DateNote::NoFixedDate)),
                    ));
                }
                return None;
            }
            "a" | "an" => return self.duration(i, i),
            "year" if self.year_at(i + 1).is_some() => {
                let y = self.year_at(i + 1)?;
                return Some(self.hit(
                    i,
                    i + 2,
                    Label::Date,
                    (Some(format_compact!("{y:04}")), None),
                ));
            }
            "spring" | "summer" | "autumn" | "fall" | "winter" => {
                let code = season_of(w)?;
                let mut j = i + 1;
                if t.is(j, "of") {
                    j += 1;
                }
                let y = self.year_after(j)?;
                return Some(self.hit(
                    i,
                    y.1,
                    Label::Date,
                    (Some(format_compact!("{:04}-{code}", y.0)), None),
                ));
            }
            _ => {}
        }
        if crate::recognize::numbers::is_number_word(t, i) {
            return self.duration(i, i);
        }
        None
    }

    /// "Q1 2018", "H1", "the first quarter of 2018", "the second half of the year".
    fn period_of_year(&self, start: usize, after: usize, tag: char, n: i8) -> Option<DateHit> {
        let t = self.tokens;
        let mut j = after;
        if t.is(j, "of") {
            j += 1;
        }
        if let Some((y, end)) = self.year_after(j) {
            return Some(self.hit(
                start,
                end,
                Label::Date,
                (Some(format_compact!("{y:04}-{tag}{n}")), None),
            ));
        }
        let of_year = t.is(after, "of")
            && (t.is(after + 1, "this")
                || t.is(after + 1, "the")
                || t.is(after + 1, "last")
                || t.is(after + 1, "next"))
            && t.is(after + 2, "year");
        let offset = if of_year {
            match self.lower(after + 1).as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            }
        } else {
            0
        };
        let end = if of_year { after + 3 } else { after };
        let Some(pd) = self.publication_date else {
            return Some(self.hit(
                start,
                end,
                Label::Date,
                (Some(format_compact!("XXXX-{tag}{n}")), None),
            ));
        };
        let mut year = i32::from(pd.year()) + offset;
        if !of_year {
            let starts_month = if tag == 'Q' {
                (n - 1) * 3 + 1
            } else {
                (n - 1) * 6 + 1
            };
            let ahead = self.ahead(start);
            if let Some(y) = self.sentence_year(start) {
                year = i32::from(y);
            } else if !ahead && starts_month > pd.month() {
                year -= 1;
            }
        }
        Some(self.hit(
            start,
            end,
            Label::Date,
            (
                Some(format_compact!("{year:04}-{tag}{n}")),
                Some(DateNote::AgainstArticleDate(pd)),
            ),
        ))
    }

    /// Forms after "the": "the 1990s", "the first quarter of 2018", "the past 27 years",
    /// "the last decade", "the end of 2018", "the year 2008".
    fn after_the(&self, i: usize) -> Option<DateHit> {
        let t = self.tokens;
        let next = self.lower(i + 1);
        let next = next.as_str();
        // "the 90s", "the '90s": decades of the last century.
        let apostrophe = usize::from(t.punct(i + 1, "'") || t.punct(i + 1, "’"));
        let decade = t.str(i + 1 + apostrophe);
        if decade.len() == 2
            && t.kind(i + 1 + apostrophe) == Some(Kind::Number)
            && decade.ends_with('0')
            && t.is(i + 2 + apostrophe, "s")
            && t.attached(i + 2 + apostrophe)
        {
            let d: i16 = decade.parse().ok()?;
            let century = if d >= 30 { 19 } else { 20 };
            return Some(self.hit(
                i,
                i + 3 + apostrophe,
                Label::Date,
                (Some(format_compact!("{century}{}X", d / 10)), None),
            ));
        }
        if let Some(y) = self.year_at(i + 1) {
            if t.is(i + 2, "s") && t.attached(i + 2) && y % 10 == 0 {
                return Some(self.hit(
                    i,
                    i + 3,
                    Label::Date,
                    (Some(format_compact!("{:03}X", y / 10)), None),
                ));
            }
            return None;
        }
        if let Some(n) = ordinal_word(next).or_else(|| {
            let num = numeral_at(t, i + 1, false)?;
            num.ordinal.then(|| num.value() as u64)
        }) {
            let after = if t.kind(i + 1) == Some(Kind::Number) {
                i + 3
            } else {
                i + 2
            };
            let what = self.lower(after);
            match what.as_str() {
                "quarter" if (1..=4).contains(&n) => {
                    return self.period_of_year(i, after + 1, 'Q', n as i8)
                }
                "half" if (1..=2).contains(&n) => {
                    return self.period_of_year(i, after + 1, 'H', n as i8)
                }
                "century" if (1..=30).contains(&n) => {
                    return Some(self.hit(
                        i,
                        after + 1,
                        Label::Date,
                        (Some(format_compact!("{:02}XX", n - 1)), None),
                    ));
                }
                // "the first nine months": a span, like "the past nine months".
                _ if n == 1 && t.kind(i + 1) == Some(Kind::Word) => {
                    return self.relative_phrase(i, i + 1);
                }
                _ => return None,
            }
        }
        if let Some(d) = decade_word(next) {
            return Some(self.hit(
                i,
                i + 2,
                Label::Date,
                (Some(format_compact!("19{d}X")), None),
            ));
        }
        match next {
            "past" | "last" | "previous" | "next" | "coming" | "following" | "same" | "current" => {
                self.relative_phrase(i, i + 1)
            }
            "end" | "start" | "beginning" | "middle" | "turn" => self.part_of(i, i + 1),
            "year" if self.year_at(i + 2).is_some() => {
                let y = self.year_at(i + 2)?;
                Some(self.hit(
                    i,
                    i + 3,
                    Label::Date,
                    (Some(format_compact!("{y:04}")), None),
                ))
            }
            _ => None,
        }
    }

    /// "this year", "last week", "next month", "the past 27 years", "the last decade",
    /// "last Thursday", "the previous year". `start` is where the mention starts, `i` the
    /// relation word.
    fn relative_phrase(&self, start: usize, i: usize) -> Option<DateHit> {
        let t = self.tokens;
        let rel = self.lower(i);
        let rel = rel.as_str();
        let the = start != i;
        if !t.continues(i + 1) {
            return None;
        }
        let next = self.lower(i + 1);
        if let Some(wd) = weekday_of(next.as_str()).filter(|_| !the && t.str(i + 1).len() > 4) {
            return Some(self.hit(start, i + 2, Label::Date, self.weekday(start, wd, rel)));
        }
        if let Some((m, end)) = self.month_at(i + 1).filter(|_| !the) {
            let pd = self.publication_date?;
            let year = match rel {
                "last" | "past" | "previous" => {
                    if m < pd.month() {
                        pd.year()
                    } else {
                        pd.year() - 1
                    }
                }
                "next" | "coming" => {
                    if m > pd.month() {
                        pd.year()
                    } else {
                        pd.year() + 1
                    }
                }
                _ => pd.year(),
            };
            return Some(self.hit(
                start,
                end,
                Label::Date,
                (
                    Some(format_compact!("{year:04}-{m:02}")),
                    Some(DateNote::AgainstArticleDate(pd)),
                ),
            ));
        }
        // "the past 27 years", "the last two decades", "the next five years": durations.
        if matches!(
            rel,
            "past" | "last" | "next" | "coming" | "previous" | "first"
        ) {
            let count_at = i + 1;
            // "will last two hours": the verb, not the relation.
            let verb = !the
                && rel == "last"
                && matches!(
                    self.lower(i.wrapping_sub(1)).as_str(),
                    "will"
                        | "would"
                        | "could"
                        | "should"
                        | "can"
                        | "may"
                        | "might"
                        | "to"
                        | "t"
                        | "not"
                        | "did"
                        | "does"
                        | "do"
                );
            if let Some(mut h) = self.duration(start, count_at) {
                if h.label == Label::Duration {
                    h.start = if verb { count_at } else { start };
                    return Some(h);
                }
            }
            if (t.is(count_at, "few") || t.is(count_at, "several"))
                && matches!(unit_of(self.lower(count_at + 1).as_str()), Some((_, true)))
            {
                return Some(self.hit(start, count_at + 2, Label::Duration, (None, None)));
            }
        }
        if let Some(code) = season_of(next.as_str()).filter(|_| !the) {
            let pd = self.publication_date?;
            let offset = match rel {
                "last" | "past" | "previous" => -1,
                "next" | "coming" => 1,
                _ => 0,
            };
            let year = i32::from(pd.year()) + offset;
            return Some(self.hit(
                start,
                i + 2,
                Label::Date,
                (
                    Some(format_compact!("{year:04}-{code}")),
                    Some(DateNote::AgainstArticleDate(pd)),
                ),
            ));
        }
        let (unit, plural) = unit_of(next.as_str())?;
        if plural {
            // "the coming weeks", "the past months": a stretch with no count to value.
            let stretch = the && matches!(rel, "coming" | "next" | "past" | "last");
            return stretch.then(|| {
                self.hit(
                    start,
                    i + 2,
                    Label::Date,
                    (None, Some(DateNote::NoFixedDate)),
                )
            });
        }
        let end = i + 2;
        if the {
            return match rel {
                "past" | "last" => {
                    let n = Num {
                        start: i,
                        end: i + 1,
                        mantissa: 1.0,
                        words: true,
                        ..Num::default()
                    };
                    Some(self.hit(
                        start,
                        end,
                        Label::Duration,
                        (duration_value(&n, unit), None),
                    ))
                }
                "next" | "coming" => self
                    .relative(1, unit)
                    .map(|(v, n)| self.hit(start, end, Label::Date, (Some(v), Some(n)))),
                "same" | "previous" | "following" => Some(self.hit(
                    start,
                    end,
                    Label::Date,
                    (None, Some(DateNote::RelativeToEvent)),
                )),
                "current" => self
                    .relative(0, unit)
                    .map(|(v, n)| self.hit(start, end, Label::Date, (Some(v), Some(n)))),
                _ => None,
            };
        }
        let offset = match rel {
            "this" | "current" => 0,
            "last" | "past" | "previous" => -1,
            _ => 1,
        };
        if matches!(unit, Unit::Hour | Unit::Minute | Unit::Century) {
            return None;
        }
        let resolved = self
            .relative(offset, unit)
            .map_or((None, None), |(v, n)| (Some(v), Some(n)));
        Some(self.hit(start, end, Label::Date, resolved))
    }

    /// "early 2019", "mid-2020", "late May", "the end of 2018", "earlier this year",
    /// "the beginning of last year": the period with its part noted.
    fn part_of(&self, start: usize, i: usize) -> Option<DateHit> {
        let t = self.tokens;
        let part = *PARTS.iter().find(|&&p| self.lower(i) == p)?;
        let mut j = i + 1;
        if matches!(part, "end" | "start" | "beginning" | "middle" | "turn") {
            if !t.is(j, "of") {
                return None;
            }
            j += 1;
        } else if t.dash(j) && t.attached(j) {
            j += 1;
        }
        if matches!(part, "earlier" | "later")
            && t.is(j, "in")
            && t.is(j + 1, "the")
            && !t.is(j + 3, "of")
        {
            let unit = match self.lower(j + 2).as_str() {
                "week" => Unit::Week,
                "month" => Unit::Month,
                "year" => Unit::Year,
                _ => return None,
            };
            let (value, note) = self
                .relative(0, unit)
                .map_or((None, None), |(v, n)| (Some(v), Some(n)));
            return Some(self.hit(start, j + 3, Label::Date, (value, note)));
        }
        if t.is(j, "the") && t.is(j + 1, "year") && !t.is(j + 2, "of") {
            let pd = self.publication_date;
            let value = pd.map(|pd| format_compact!("{:04}", pd.year()));
            let note = Some(DateNote::PartOfArticleYear(part));
            return Some(self.hit(start, j + 2, Label::Date, (value, note)));
        }
        let inner = if let Some(y) = self.year_at(j) {
            if t.attached(j + 1) && t.is(j + 1, "s") {
                self.hit(
                    j,
                    j + 2,
                    Label::Date,
                    (Some(format_compact!("{:03}X", y / 10)), None),
                )
            } else {
                self.hit(
                    j,
                    j + 1,
                    Label::Date,
                    (Some(format_compact!("{y:04}")), None),
                )
            }
        } else if let Some((m, end)) = self.month_at(j) {
            // "mid-June": the part is what makes a month alone a date.
            self.month_first(j, m, end)
                .unwrap_or_else(|| self.hit(j, end, Label::Date, self.month_only(j, m)))
        } else if matches!(self.lower(j).as_str(), "this" | "last" | "next") {
            self.relative_phrase(j, j)?
        } else {
            return None;
        };
        // A part of a day is no date of its own: "late May 5" is not read.
        if inner.label != Label::Date || inner.value.as_deref().is_some_and(|v| v.len() > 8) {
            return None;
        }
        let note = inner.note.or_else(|| {
            Some(DateNote::PartOf {
                part,
                of: inner.value.clone(),
            })
        });
        Some(DateHit {
            start,
            end: inner.end,
            label: Label::Date,
            value: inner.value,
            note,
        })
    }

    /// "December 8, 1999", "Dec. 8", "APRIL 22", "May 2018", "January-February 2018",
    /// "March" (after a preposition).
    fn month_first(&self, i: usize, m: i8, after: usize) -> Option<DateHit> {
        let t = self.tokens;
        // "Dec-2018", "Dec/2018"
        if (t.dash(after) || t.punct(after, "/")) && t.attached(after) && t.attached(after + 1) {
            if let Some(y) = self.year_at(after + 1).filter(|_| !t.attached(after + 2)) {
                return Some(self.hit(
                    i,
                    after + 2,
                    Label::Date,
                    (Some(format_compact!("{y:04}-{m:02}")), None),
                ));
            }
        }
        // "October, 1st": a comma only before a day written as an ordinal.
        let after = if t.punct(after, ",")
            && t.kind(after + 1) == Some(Kind::Number)
            && matches!(self.lower(after + 2).as_str(), "st" | "nd" | "rd" | "th")
        {
            after + 1
        } else {
            after
        };
        if t.continues(after) {
            if let Some((d, mut end)) = self.day_at(after) {
                // "May 19-21", "April 9 through 17"
                let mut last_day = None;
                let through = t.is(end, "through")
                    || t.is(end, "to")
                    || t.is(end, "till")
                    || t.is(end, "until");
                if (t.dash(end) && t.attached(end)) || (through && self.month_at(end + 2).is_none())
                {
                    if let Some((d2, e2)) = self.day_at(end + 1) {
                        if d2 > d {
                            last_day = Some(d2);
                            end = e2;
                        }
                    }
                }
                if t.is(end, "of") {
                    end += 1;
                }
                let year = self.year_of_day(end);
                let resolve = |d: i8| match year {
                    Some((y, _)) => (Date::new(y, m, d).ok().map(ymd), None),
                    None => self.month_day(i, m, d),
                };
                if let Some((_, e)) = year {
                    end = e;
                } else if t.is(end - 1, "of") {
                    end -= 1;
                }
                let first = resolve(d);
                first.0.as_ref()?;
                if let Some(d2) = last_day {
                    let last = resolve(d2);
                    let value = match (&first.0, &last.0) {
                        (Some(a), Some(b)) if b > a => Some(format_compact!("{a}/{b}")),
                        _ => None,
                    };
                    return Some(self.hit(i, end, Label::Date, (value, first.1)));
                }
                return Some(self.hit(i, end, Label::Date, first));
            }
            // "January-February 2018", "January to March 2018"
            let between = t.is(i.wrapping_sub(1), "between");
            let sep = t.dash(after)
                || t.is(after, "to")
                || t.is(after, "through")
                || t.is(after, "until")
                || (between && t.is(after, "and"));
            if sep {
                if let Some((m2, e2)) = self.month_at(after + 1) {
                    if let Some((y, end)) = self.year_after(e2) {
                        if m2 > m {
                            return Some(self.hit(
                                i,
                                end,
                                Label::Date,
                                (Some(format_compact!("{y:04}-{m:02}/{y:04}-{m2:02}")), None),
                            ));
                        }
                    } else if m2 != m {
                        // "from March to May": the first month is read as a month alone, the
                        // second follows it.
                        let (first, note) = self.month_only(i, m);
                        let value =
                            first.map(|v| match v.get(..4).and_then(|y| y.parse::<i16>().ok()) {
                                Some(y) => {
                                    let y2 = if m2 > m { y } else { y + 1 };
                                    format_compact!("{v}/{y2:04}-{m2:02}")
                                }
                                None => format_compact!("{v}/XXXX-{m2:02}"),
                            });
                        return Some(self.hit(i, e2, Label::Date, (value, note)));
                    }
                }
            }
            let mut j = after;
            if t.is(j, "of") {
                j += 1;
            }
            if let Some((y, end)) = self.year_after(j) {
                return Some(self.hit(
                    i,
                    end,
                    Label::Date,
                    (Some(format_compact!("{y:04}-{m:02}")), None),
                ));
            }
        }
        // A month alone is a date after a preposition or a modifier.
        let prev = self.lower(i.wrapping_sub(1));
        if i > 0
            && matches!(
                prev.as_str(),
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "to"
                    | "through"
                    | "during"
                    | "of"
                    | "early"
                    | "mid"
                    | "late"
                    | "before"
                    | "after"
                    | "between"
                    | "and"
                    | "or"
                    | "last"
                    | "next"
                    | "this"
                    | "throughout"
                    | "for"
                    | "end"
            )
        {
            if t.is(i, "may") && !t.is_capitalized(i) {
                return None;
            }
            return Some(self.hit(i, after, Label::Date, self.month_only(i, m)));
        }
        None
    }
}

/// Whether a lower-cased word names a month.
pub fn is_month_word(w: &str) -> bool {
    month_of(w).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::tokens::WordMarks;

    /// A date counted from the article's own says so, naming its unit.
    #[test]
    fn a_relative_date_names_its_unit_in_its_note() {
        for (text, note) in [
            (
                "Trade fell last week.",
                "the week before that of the article date 2018-05-11",
            ),
            (
                "Trade will grow next quarter.",
                "the quarter after that of the article date 2018-05-11",
            ),
            (
                "Trade grew this year.",
                "the year of the article date 2018-05-11",
            ),
        ] {
            let tokens = Tokens::new(text, &WordMarks::default());
            let dates = Dates {
                tokens: &tokens,
                publication_date: "2018-05-11".parse().ok(),
            };
            let opener = (0..tokens.len())
                .find(|&i| matches!(tokens.str(i), "last" | "next" | "this"))
                .expect("an opener");
            let hits = dates.at(opener);
            assert_eq!(hits.len(), 1, "{text}");
            assert_eq!(
                hits[0].note.as_ref().map(ToString::to_string).as_deref(),
                Some(note),
                "{text}"
            );
        }
    }
}
