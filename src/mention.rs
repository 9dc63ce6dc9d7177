//! Mentions: stretches of an article recognized as an entity, a date or a figure, each with a
//! label and a normalized value. Their JSON form is the `gloss extract` contract (design.md,
//! "Machine-readable contracts").

use std::fmt;
use std::ops::Range;

use compact_str::CompactString;
use jiff::civil::{Date, Weekday};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::text::{narrow, widen};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Per,
    Org,
    Loc,
    Misc,
    Date,
    Duration,
    Money,
    Percent,
    Quantity,
    Cardinal,
    Ordinal,
    Multiplier,
    Fraction,
}

impl Label {
    pub const ALL: [Label; 13] = [
        Label::Per,
        Label::Org,
        Label::Loc,
        Label::Misc,
        Label::Date,
        Label::Duration,
        Label::Money,
        Label::Percent,
        Label::Quantity,
        Label::Cardinal,
        Label::Ordinal,
        Label::Multiplier,
        Label::Fraction,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
            Label::Date => "DATE",
            Label::Duration => "DURATION",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Quantity => "QUANTITY",
            Label::Cardinal => "CARDINAL",
            Label::Ordinal => "ORDINAL",
            Label::Multiplier => "MULTIPLIER",
            Label::Fraction => "FRACTION",
        }
    }

    pub fn is_entity(self) -> bool {
        matches!(self, Label::Per | Label::Org | Label::Loc | Label::Misc)
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A numeric amount: one value, or a range stated as such ("$2-2.5 billion").
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Exact(f64),
    Range { min: f64, max: f64 },
}

/// The value of a figure: amount plus what it counts, when known.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub amount: Amount,
    /// ISO 4217 code for money.
    pub currency: Option<&'static str>,
    /// Unit symbol for quantities (`t`, `m3`, `km`, `MW`, …).
    pub unit: Option<&'static str>,
    /// The counted noun ("jobs", "regions"), inline when short, as most are.
    pub noun: Option<CompactString>,
    /// The unit of the last stated digit: "$17.6 billion" has a step of 0.1 billion, so it
    /// stands for 17.55 to 17.65 billion. Not part of the JSON form.
    pub step: f64,
}

/// A date or duration as read: its TIMEX3-style value (`2005-04-22`, `2018-Q1`, `P27Y`) when
/// one could be worked out, and a note on how it was, or why not, for the hover ("counted from
/// 2005", "no fixed date"). The note is not part of the JSON form.
#[derive(Debug, Clone, PartialEq)]
pub struct Timex {
    /// Inline: values are a few bytes, and a corpus keeps one for every date it names.
    pub value: Option<CompactString>,
    pub note: Option<DateNote>,
}

/// How a date's value was worked out, or why it has none. Kept as what it says and written out
/// when shown: a corpus keeps a note for most dates, and few are ever read.
#[derive(Debug, Clone, PartialEq)]
pub enum DateNote {
    /// A date that needs the article's date to be read, in an article without one; `missing`
    /// is what could not be worked out ("year", "date").
    NoArticleDate {
        missing: &'static str,
    },
    /// The year came from earlier in the sentence.
    YearOfSentence(i16),
    /// The nearest such day, month or weekday to the article's date: after it when the
    /// sentence speaks of what is ahead, else before it.
    Nearest {
        what: Nearest,
        ahead: bool,
        article_date: Date,
    },
    /// The day, week, month… of the article's date, or the one before or after it.
    Relative {
        unit: &'static str,
        offset: i32,
        article_date: Date,
    },
    /// Counted from a date the text gives (its value).
    CountedFrom(CompactString),
    CountedFromArticleDate(Date),
    CountedBackFromArticleDate(Date),
    AgainstArticleDate(Date),
    RelativeToEvent,
    NoFixedDate,
    /// A part ("early", "the end") of the article's year.
    PartOfArticleYear(&'static str),
    /// A part of a period, by its value when it has one.
    PartOf {
        part: &'static str,
        of: Option<CompactString>,
    },
}

/// What a [`DateNote::Nearest`] looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nearest {
    Date,
    Month,
    Weekday(Weekday),
}

impl fmt::Display for DateNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const AHEAD: &str = " (the sentence speaks of what is ahead)";
        match self {
            DateNote::NoArticleDate { missing } => {
                write!(f, "no {missing}: the article has no date")
            }
            DateNote::YearOfSentence(year) => {
                write!(f, "year {year} from earlier in the same sentence")
            }
            DateNote::Nearest {
                what,
                ahead,
                article_date: pd,
            } => match (what, ahead) {
                (Nearest::Date, true) => {
                    write!(
                        f,
                        "the first such date on or after the article date {pd}{AHEAD}"
                    )
                }
                (Nearest::Date, false) => {
                    write!(
                        f,
                        "the most recent such date on or before the article date {pd}"
                    )
                }
                (Nearest::Month, true) => {
                    write!(
                        f,
                        "the first such month from the article date {pd} on{AHEAD}"
                    )
                }
                (Nearest::Month, false) => {
                    write!(f, "the most recent such month up to the article date {pd}")
                }
                (Nearest::Weekday(wd), true) => {
                    write!(f, "the first {wd:?} after the article date {pd}")
                }
                (Nearest::Weekday(wd), false) => {
                    write!(f, "the most recent {wd:?} up to the article date {pd}")
                }
            },
            DateNote::Relative {
                unit,
                offset,
                article_date: pd,
            } => match (*unit, offset) {
                ("day", 0) => write!(f, "the article date {pd}"),
                ("day", -1) => write!(f, "the day before the article date {pd}"),
                ("day", _) => write!(f, "the day after the article date {pd}"),
                (_, 0) => write!(f, "the {unit} of the article date {pd}"),
                (_, -1) => write!(f, "the {unit} before that of the article date {pd}"),
                _ => write!(f, "the {unit} after that of the article date {pd}"),
            },
            DateNote::CountedFrom(value) => write!(f, "counted from {value}"),
            DateNote::CountedFromArticleDate(pd) => write!(f, "counted from the article date {pd}"),
            DateNote::CountedBackFromArticleDate(pd) => {
                write!(f, "counted back from the article date {pd}")
            }
            DateNote::AgainstArticleDate(pd) => write!(f, "against the article date {pd}"),
            DateNote::RelativeToEvent => f.write_str("relative to an event the text names"),
            DateNote::NoFixedDate => f.write_str("no fixed date"),
            DateNote::PartOfArticleYear(part) => write!(f, "{part} of the year of the article"),
            DateNote::PartOf { part, of } => {
                write!(f, "{part} of {}", of.as_deref().unwrap_or("the period"))
            }
        }
    }
}

/// A word or phrase before a figure that makes it approximate or a bound: "more than", "about",
/// "nearly", … in lower case. Kept as its place in [`Qualifier::PHRASES`], so that it takes one
/// byte of a mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Qualifier(u8);

impl Qualifier {
    /// Every qualifier, those of more words first.
    pub const PHRASES: &'static [&'static str] = &[
        "as many as",
        "as much as",
        "more than",
        "less than",
        "fewer than",
        "up to",
        "at least",
        "at most",
        "close to",
        "just over",
        "just under",
        "well over",
        "upwards of",
        "over",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "approximately",
        "roughly",
        "approx",
        "under",
    ];

    pub fn new(phrase: &str) -> Option<Qualifier> {
        let index = Qualifier::PHRASES.iter().position(|p| *p == phrase)?;
        Some(Qualifier(index as u8))
    }

    pub fn as_str(self) -> &'static str {
        Qualifier::PHRASES[usize::from(self.0)]
    }
}

impl std::fmt::Display for Qualifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Qualifier {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// The entity a mention names: its corpus-wide id and its name.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRef {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// Nothing could be normalized ("in recent years").
    None,
    /// A linked entity; boxed, since most mentions hold something smaller.
    Entity(Box<EntityRef>),
    /// A date or duration; boxed, as figures are.
    Timex(Box<Timex>),
    /// Boxed: figures are a minority of mentions, and inline they would make every mention as
    /// large as a figure.
    Figure(Box<Figure>),
}

impl Value {
    pub fn entity(id: String, name: String) -> Value {
        Value::Entity(Box::new(EntityRef { id, name }))
    }

    /// A date's or duration's value as read; no value at all when there is neither a value nor
    /// a note to keep.
    pub fn timex(value: Option<CompactString>, note: Option<DateNote>) -> Value {
        if value.is_none() && note.is_none() {
            return Value::None;
        }
        Value::Timex(Box::new(Timex { value, note }))
    }

    /// The TIMEX3 value of a date or duration, when it has one.
    pub fn timex_value(&self) -> Option<&str> {
        match self {
            Value::Timex(timex) => timex.value.as_deref(),
            _ => None,
        }
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::None => serializer.serialize_none(),
            Value::Timex(timex) => match &timex.value {
                Some(value) => serializer.serialize_str(value),
                None => serializer.serialize_none(),
            },
            Value::Entity(entity) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("entity", &entity.id)?;
                map.serialize_entry("name", &entity.name)?;
                map.end()
            }
            Value::Figure(figure) => {
                let mut map = serializer.serialize_map(None)?;
                match figure.amount {
                    Amount::Exact(amount) => map.serialize_entry("amount", &Number(amount))?,
                    Amount::Range { min, max } => {
                        map.serialize_entry("min", &Number(min))?;
                        map.serialize_entry("max", &Number(max))?;
                    }
                }
                let extras = [
                    ("currency", &figure.currency),
                    ("unit", &figure.unit),
                    ("noun", &figure.noun.as_deref()),
                ];
                for (key, value) in extras {
                    if let Some(value) = value {
                        map.serialize_entry(key, value)?;
                    }
                }
                map.end()
            }
        }
    }
}

/// A number that prints without a fractional part when it has none (`17600000000`, not
/// `17600000000.0`).
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        const EXACT_INTEGERS: f64 = 9_007_199_254_740_992.0;
        if self.0.fract() == 0.0 && self.0.abs() < EXACT_INTEGERS {
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

/// An entity mention as recognized: where it is and what kind, without the entity, which the
/// corpus gives it ([`crate::corpus::Corpus::mentions`]). Twelve bytes: an analysis keeps one
/// for every name in its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitySpan {
    /// Byte offsets in the article.
    pub range: Range<u32>,
    pub label: Label,
}

impl EntitySpan {
    pub fn of(mention: &Mention) -> EntitySpan {
        EntitySpan {
            range: narrow(&mention.range),
            label: mention.label,
        }
    }

    pub fn range(&self) -> Range<usize> {
        widen(&self.range)
    }

    /// The mention, without a value.
    pub fn mention(&self) -> Mention {
        Mention {
            range: self.range(),
            label: self.label,
            value: Value::None,
            qualifier: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the article text.
    pub range: Range<usize>,
    pub label: Label,
    pub value: Value,
    pub qualifier: Option<Qualifier>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each note reads as the hover shows it.
    #[test]
    fn date_notes_read_as_sentences() {
        let pd: Date = "2018-05-11".parse().unwrap();
        let nearest = |what, ahead| DateNote::Nearest {
            what,
            ahead,
            article_date: pd,
        };
        let relative = |unit, offset| DateNote::Relative {
            unit,
            offset,
            article_date: pd,
        };
        for (note, text) in [
            (
                DateNote::NoArticleDate { missing: "year" },
                "no year: the article has no date",
            ),
            (
                DateNote::YearOfSentence(2016),
                "year 2016 from earlier in the same sentence",
            ),
            (
                nearest(Nearest::Date, true),
                "the first such date on or after the article date 2018-05-11 (the sentence speaks of what is ahead)",
            ),
            (
                nearest(Nearest::Date, false),
                "the most recent such date on or before the article date 2018-05-11",
            ),
            (
                nearest(Nearest::Month, true),
                "the first such month from the article date 2018-05-11 on (the sentence speaks of what is ahead)",
            ),
            (
                nearest(Nearest::Weekday(Weekday::Monday), false),
                "the most recent Monday up to the article date 2018-05-11",
            ),
            (
                nearest(Nearest::Weekday(Weekday::Friday), true),
                "the first Friday after the article date 2018-05-11",
            ),
            (relative("day", 0), "the article date 2018-05-11"),
            (relative("day", -1), "the day before the article date 2018-05-11"),
            (relative("day", 1), "the day after the article date 2018-05-11"),
            (relative("week", 0), "the week of the article date 2018-05-11"),
            (
                relative("month", -1),
                "the month before that of the article date 2018-05-11",
            ),
            (
                relative("year", 1),
                "the year after that of the article date 2018-05-11",
            ),
            (DateNote::CountedFrom("2005".into()), "counted from 2005"),
            (
                DateNote::CountedBackFromArticleDate(pd),
                "counted back from the article date 2018-05-11",
            ),
            (
                DateNote::PartOfArticleYear("early"),
                "early of the year of the article",
            ),
            (
                DateNote::PartOf {
                    part: "end",
                    of: Some("2018".into()),
                },
                "end of 2018",
            ),
            (
                DateNote::PartOf {
                    part: "mid",
                    of: None,
                },
                "mid of the period",
            ),
        ] {
            assert_eq!(note.to_string(), text);
        }
    }

    #[test]
    fn values_serialize_as_the_extract_contract_says() {
        let money = Value::Figure(Box::new(Figure {
            amount: Amount::Exact(17.6e9),
            currency: Some("USD"),
            unit: None,
            noun: None,
            step: 1e8,
        }));
        assert_eq!(
            serde_json::to_string(&money).unwrap(),
            r#"{"amount":17600000000,"currency":"USD"}"#
        );
        let range = Value::Figure(Box::new(Figure {
            amount: Amount::Range {
                min: 2e9,
                max: 2.5e9,
            },
            currency: None,
            unit: None,
            noun: Some("jobs".into()),
            step: 1e8,
        }));
        assert_eq!(
            serde_json::to_string(&range).unwrap(),
            r#"{"min":2000000000,"max":2500000000,"noun":"jobs"}"#
        );
        let percent = Value::Figure(Box::new(Figure {
            amount: Amount::Exact(23.5),
            currency: None,
            unit: None,
            noun: None,
            step: 0.1,
        }));
        assert_eq!(
            serde_json::to_string(&percent).unwrap(),
            r#"{"amount":23.5}"#
        );
        let entity = Value::entity("dmitry-mezentsev".into(), "Dmitry Mezentsev".into());
        assert_eq!(
            serde_json::to_string(&entity).unwrap(),
            r#"{"entity":"dmitry-mezentsev","name":"Dmitry Mezentsev"}"#
        );
        assert_eq!(
            serde_json::to_string(&Value::timex(
                Some("P27Y".into()),
                Some(DateNote::NoFixedDate)
            ))
            .unwrap(),
            r#""P27Y""#
        );
        let unresolved = Value::timex(None, Some(DateNote::NoFixedDate));
        assert_eq!(serde_json::to_string(&unresolved).unwrap(), "null");
        assert_eq!(unresolved.timex_value(), None);
        for phrase in Qualifier::PHRASES {
            assert_eq!(Qualifier::new(phrase).map(Qualifier::as_str), Some(*phrase));
        }
    }
}
