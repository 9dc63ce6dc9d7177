//! Mentions: stretches of an article recognized as an entity, a date or a figure, each with a
//! label and a normalized value. Their JSON form is the `gloss extract` contract (design.md,
//! "Machine-readable contracts").

use std::ops::Range;

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

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
    pub currency: Option<String>,
    /// Unit symbol for quantities (`t`, `m3`, `km`, `MW`, …).
    pub unit: Option<String>,
    /// The counted noun ("jobs", "regions").
    pub noun: Option<String>,
    /// The unit of the last stated digit: "$17.6 billion" has a step of 0.1 billion, so it
    /// stands for 17.55 to 17.65 billion. Not part of the JSON form.
    pub step: f64,
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
    /// A TIMEX3-style date or duration: `2005-04-22`, `2018-Q1`, `P27Y`.
    Timex(String),
    /// Boxed: figures are a minority of mentions, and inline they would make every mention as
    /// large as a figure.
    Figure(Box<Figure>),
}

impl Value {
    pub fn entity(id: String, name: String) -> Value {
        Value::Entity(Box::new(EntityRef { id, name }))
    }
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::None => serializer.serialize_none(),
            Value::Timex(timex) => serializer.serialize_str(timex),
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
                    ("noun", &figure.noun),
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

#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Byte range in the article text.
    pub range: Range<usize>,
    pub label: Label,
    pub value: Value,
    /// "more than", "about", "nearly", … in lower case.
    pub qualifier: Option<&'static str>,
    /// How the value was resolved, for the hover ("the year before the article date
    /// 2005-04-22"). Not part of the JSON form.
    pub note: Option<Box<str>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_serialize_as_the_extract_contract_says() {
        let money = Value::Figure(Box::new(Figure {
            amount: Amount::Exact(17.6e9),
            currency: Some("USD".into()),
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
            serde_json::to_string(&Value::Timex("P27Y".into())).unwrap(),
            r#""P27Y""#
        );
    }
}
