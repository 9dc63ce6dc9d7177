//! Figures: money ("$17.6 billion", "BYN 4.5 billion", "1.2 trillion rubles"), percentages
//! ("23.5%", "0.5 percentage points"), quantities with units ("2400MW", "19.01 billion cubic
//! meters", "6 bcm"), counts with their noun ("400,000 new jobs"), ordinals ("25th"),
//! multipliers ("4.5 times", "threefold") and fractions ("a third", "two-thirds").
//!
//! Each figure keeps its range ("$2-2.5 billion": the scale applies to both ends), the precision
//! of its last stated digit, and the qualifier written before it ("more than", "about").
//! Numbers that are not figures are left alone: parts of names ("G20", "Boeing 737"), times of
//! day, phone numbers, article and section numbers, and idioms ("one of the").

use compact_str::CompactString;

use super::numbers::{number_at, ordinal_word, Num};
use super::tokens::{Kind, Lower, Tokens};
use super::units::{currency_prefix, currency_suffix, currency_symbol_after, unit_at};
use crate::mention::{Amount, Label, Qualifier};
use crate::text::WordList;

#[derive(Debug, Clone, PartialEq)]
pub struct FigureHit {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub amount: Amount,
    /// The unit of the last stated digit.
    pub step: f64,
    pub currency: Option<&'static str>,
    pub unit: Option<&'static str>,
    pub noun: Option<CompactString>,
    pub qualifier: Option<Qualifier>,
}

/// Words before a number that make it a reference, not a figure ("Article 5", "No. 3").
fn is_reference_word(w: &str) -> bool {
    matches!(
        w,
        "article"
            | "articles"
            | "section"
            | "sections"
            | "paragraph"
            | "clause"
            | "chapter"
            | "part"
            | "item"
            | "point"
            | "no"
            | "nos"
            | "number"
            | "resolution"
            | "decree"
            | "law"
            | "page"
            | "pages"
            | "p"
            | "pp"
            | "vol"
            | "volume"
            | "amendment"
            | "room"
            | "flight"
            | "route"
            | "highway"
            | "platform"
            | "gate"
            | "bus"
            | "edition"
            | "version"
            | "episode"
            | "grade"
            | "category"
            | "building"
            | "block"
            | "apartment"
            | "unit"
            | "reactor"
            | "district"
            | "case"
            | "file"
            | "order"
            | "code"
            | "model"
            | "type"
            | "tel"
            | "phone"
            | "fax"
            | "ext"
            | "box"
            | "suite"
            | "floor"
            | "row"
            | "seat"
            | "table"
            | "figure"
            | "fig"
    )
}

/// Words that open a sentence and then a figure ("About 320 agreements", "In 2017").
fn introduces_figure(w: &str) -> bool {
    Qualifier::new(w).is_some()
        || FUNCTION_WORDS.contains(w)
        || matches!(
            w,
            "only"
                | "just"
                | "another"
                | "exactly"
                | "all"
                | "nearly"
                | "around"
                | "roughly"
                | "since"
                | "until"
                | "through"
                | "some"
                | "almost"
                | "approximately"
                | "every"
                | "at"
                | "up"
                | "fewer"
                | "less"
                | "more"
        )
}

/// Capitalized words that may stand right before a figure mid-sentence.
fn may_precede_figure(w: &str) -> bool {
    matches!(
        w,
        "US" | "USD"
            | "EUR"
            | "GBP"
            | "RUB"
            | "BYN"
            | "CNY"
            | "JPY"
            | "INR"
            | "UAH"
            | "KZT"
            | "CHF"
    )
}

const FUNCTION_WORDS: WordList = WordList(&[
    "of", "in", "the", "to", "for", "from", "with", "by", "on", "at", "that", "which", "who",
    "were", "was", "are", "is", "have", "has", "had", "be", "been", "will", "would", "a", "an",
    "as", "than", "this", "these", "those", "their", "its", "his", "her", "our", "it", "they",
    "we", "he", "she", "or", "per", "each", "into", "out", "up", "down", "over", "under", "about",
    "after", "before", "since", "until", "during", "between", "among", "more", "less", "and",
    "but", "not", "so",
]);

pub(super) fn plural_noun(w: &str) -> bool {
    matches!(
        w,
        "people"
            | "children"
            | "men"
            | "women"
            | "staff"
            | "personnel"
            | "police"
            | "cattle"
            | "sheep"
            | "fish"
            | "aircraft"
            | "data"
            | "media"
            | "criteria"
            | "feet"
            | "teeth"
    ) || (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is"))
}

pub(super) fn denominator(w: &str) -> Option<(u32, bool)> {
    Some(match w {
        "half" => (2, false),
        "halves" => (2, true),
        "third" => (3, false),
        "thirds" => (3, true),
        "quarter" => (4, false),
        "quarters" => (4, true),
        "fifth" => (5, false),
        "fifths" => (5, true),
        "sixth" => (6, false),
        "sixths" => (6, true),
        "seventh" => (7, false),
        "sevenths" => (7, true),
        "eighth" => (8, false),
        "eighths" => (8, true),
        "ninth" => (9, false),
        "ninths" => (9, true),
        "tenth" => (10, false),
        "tenths" => (10, true),
        _ => return None,
    })
}

fn fold_word(w: &str) -> Option<u32> {
    Some(match w {
        "twofold" => 2,
        "threefold" => 3,
        "fourfold" => 4,
        "fivefold" => 5,
        "sixfold" => 6,
        "sevenfold" => 7,
        "eightfold" => 8,
        "ninefold" => 9,
        "tenfold" => 10,
        "hundredfold" => 100,
        _ => return None,
    })
}

fn round4(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

pub struct Figures<'t, 'a> {
    pub tokens: &'t Tokens<'a>,
}

impl<'t, 'a> Figures<'t, 'a> {
    fn lower(&self, i: usize) -> Lower<'_> {
        self.tokens.lower(i)
    }

    /// The qualifier written just before token `i`.
    fn qualifier(&self, i: usize) -> Option<Qualifier> {
        let t = self.tokens;
        if i == 0 || !t.continues(i) {
            return None;
        }
        let prev = self.lower(i - 1);
        if i >= 2 && t.continues(i - 1) {
            let before = self.lower(i - 2);
            // The lengths are compared first: most words before a number are no qualifier.
            let two_words = |phrase: &str| {
                phrase.len() == before.len() + 1 + prev.len()
                    && phrase
                        .strip_prefix(before.as_str())
                        .and_then(|rest| rest.strip_prefix(' '))
                        == Some(prev.as_str())
            };
            if let Some(phrase) = Qualifier::PHRASES.iter().find(|phrase| two_words(phrase)) {
                return Qualifier::new(phrase);
            }
            if prev == "as" && t.is(i.wrapping_sub(3), "as") {
                match before.as_str() {
                    "many" => return Qualifier::new("as many as"),
                    "much" => return Qualifier::new("as much as"),
                    _ => {}
                }
            }
        }
        Qualifier::new(prev.as_str())
    }

    /// Whether the number at `start..end` is part of a name, a reference, a time or a phone
    /// number rather than a figure.
    fn not_a_figure(&self, start: usize, num: &Num) -> bool {
        let t = self.tokens;
        let prev = self.lower(start.wrapping_sub(1));
        if start > 0 && t.attached(start) {
            match t.kind(start - 1) {
                Some(Kind::Word) => return true,
                Some(Kind::Punct) => {
                    let p = t.str(start - 1);
                    if matches!(p, "+" | "#" | "№" | ":" | "/" | "." | "-") {
                        if p == "-"
                            && start >= 2
                            && t.kind(start - 2) == Some(Kind::Word)
                            && t.attached(start - 1)
                        {
                            return true;
                        }
                        if p != "-" {
                            return true;
                        }
                    }
                }
                _ => {}
            }
        }
        if start > 0 && t.continues(start) && is_reference_word(&prev) {
            return true;
        }
        if start > 0
            && t.punct(start - 1, ".")
            && start >= 2
            && matches!(
                self.lower(start - 2).as_str(),
                "no" | "nos" | "art" | "p" | "pp" | "vol" | "sec" | "tel"
            )
        {
            return true;
        }
        // Names: "Boeing 737", "Windows 11", "iPhone 14", "Formula One". At the start of a
        // sentence only words that can introduce a figure ("About 320", "In 2017") do.
        let prev_raw = t.str(start.wrapping_sub(1));
        let capitalized = prev_raw.chars().any(char::is_uppercase);
        if start > 0
            && t.continues(start)
            && t.kind(start - 1) == Some(Kind::Word)
            && capitalized
            && (!t.sentence_start(start - 1) || !introduces_figure(&prev))
            && !may_precede_figure(t.str(start - 1))
            && !super::dates::is_month_word(&prev)
        {
            return true;
        }
        if num.words && t.is_capitalized(start) && !t.sentence_start(start) {
            return true;
        }
        let end = num.end;
        // Street addresses: "6934 Indiana Av.", "10 Downing Street".
        let street = (end..end + 3).any(|k| {
            t.continues(k)
                && (k == end || t.is_capitalized(k - 1))
                && matches!(
                    t.lower(k).as_str(),
                    "av" | "ave"
                        | "avenue"
                        | "st"
                        | "street"
                        | "rd"
                        | "road"
                        | "blvd"
                        | "boulevard"
                        | "pl"
                        | "place"
                        | "dr"
                        | "drive"
                        | "lane"
                        | "ln"
                        | "way"
                        | "ct"
                        | "court"
                        | "square"
                        | "sq"
                )
                && k > end
                && t.is_capitalized(end)
        });
        if street && !num.words {
            return true;
        }
        // Times of day: "10:30", "5 pm", "1800 GMT".
        if t.punct(end, ":") && t.attached(end) && t.kind(end + 1) == Some(Kind::Number) {
            return true;
        }
        let next = self.lower(end);
        if t.continues(end)
            && matches!(
                next.as_str(),
                "am" | "pm" | "gmt" | "utc" | "hrs" | "o" | "local" | "cet" | "est" | "edt" | "msk"
            )
        {
            return true;
        }
        if t.continues(end)
            && matches!(next.as_str(), "a" | "p")
            && t.punct(end + 1, ".")
            && t.attached(end + 1)
            && t.is(end + 2, "m")
        {
            return true;
        }
        // Words attached after a numeral: "5G", "3D", "F-16" was caught before.
        if t.attached(end) && t.kind(end) == Some(Kind::Word) && !num.ordinal {
            return true;
        }
        // Phone numbers and codes: several numbers joined by dashes, dots or brackets.
        if !num.words && t.in_number_chain(start) {
            return true;
        }
        if !num.words {
            let joined = |k: usize| {
                t.attached(k)
                    && (t.dash(k) || t.punct(k, ")") || t.punct(k, "."))
                    && t.kind(k + 1) == Some(Kind::Number)
            };
            if start > 0
                && (t.punct(start - 1, "(")
                    && t.punct(end, ")")
                    && t.kind(end + 1) == Some(Kind::Number))
            {
                return true;
            }
            if joined(end)
                && (joined(end + 2)
                    || t.str(start).len() == 3 && t.str(end + 1).len() == 4
                    || t.str(end + 1).starts_with('0'))
            {
                return true;
            }
            if start >= 2
                && t.dash(start - 1)
                && t.attached(start)
                && t.kind(start - 2) == Some(Kind::Number)
                && t.attached(start - 1)
            {
                return true;
            }
        }
        false
    }

    /// Whether the word "one" at `i` is a count ("one meeting"), not a pronoun or an idiom
    /// ("one of the", "at once", "no one").
    fn one_is_count(&self, i: usize) -> bool {
        let t = self.tokens;
        let prev = self.lower(i.wrapping_sub(1));
        if i > 0
            && matches!(
                prev.as_str(),
                "the"
                    | "this"
                    | "that"
                    | "no"
                    | "any"
                    | "each"
                    | "every"
                    | "which"
                    | "at"
                    | "as"
                    | "such"
                    | "someone"
                    | "anyone"
                    | "only"
                    | "another"
                    | "last"
            )
        {
            return false;
        }
        let next = self.lower(i + 1);
        if !t.continues(i + 1) || t.kind(i + 1) != Some(Kind::Word) {
            return false;
        }
        !FUNCTION_WORDS.contains(next.as_str())
            && !matches!(
                next.as_str(),
                "another"
                    | "hand"
                    | "way"
                    | "thing"
                    | "side"
                    | "day"
                    | "time"
                    | "point"
                    | "must"
                    | "can"
                    | "could"
                    | "should"
                    | "might"
                    | "may"
            )
            && !t.is_capitalized(i + 1)
    }

    /// The noun a count counts: the first plural noun among the few words after it ("400,000
    /// new jobs" → "jobs").
    fn counted_noun(&self, end: usize, one: bool) -> Option<CompactString> {
        let t = self.tokens;
        let mut j = end;
        let mut seen = 0;
        while seen < 5 && t.continues(j) {
            match t.kind(j)? {
                Kind::Word => {
                    let w = self.lower(j);
                    let joined = t.dash(j + 1) && t.attached(j + 1) && t.attached(j + 2);
                    if joined {
                        j += 2;
                        continue;
                    }
                    if w == "and" && seen > 0 {
                        j += 1;
                        continue;
                    }
                    if FUNCTION_WORDS.contains(w.as_str()) || w.is_empty() {
                        return None;
                    }
                    // "one validated" counts no verb; "one meeting" counts the meeting.
                    let verb_like = w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly");
                    if (one && !verb_like) || plural_noun(&w) {
                        return Some(CompactString::new(w.as_str()));
                    }
                    seen += 1;
                    j += 1;
                }
                Kind::Punct if t.dash(j) && t.attached(j) => j += 1,
                _ => return None,
            }
        }
        None
    }

    /// The figure that starts at token `i`, if any.
    pub fn at(&self, i: usize) -> Option<FigureHit> {
        let t = self.tokens;
        if let Some((code, after)) = currency_prefix(t, i) {
            return self.money_first(i, code, after);
        }
        match t.kind(i)? {
            Kind::Number => self.starting_with_number(i),
            Kind::Word => self.starting_with_word(i),
            Kind::Punct => None,
        }
    }

    fn range_end(&self, num: &Num, money: bool) -> Option<(Num, usize)> {
        let t = self.tokens;
        let j = num.end;
        if num.ordinal || !t.continues(j) {
            return None;
        }
        let between = t.is(num.start.wrapping_sub(1), "between")
            || t.is(num.start.wrapping_sub(2), "between");
        let joiner = (t.dash(j) && !num.words)
            || t.punct(j, "~")
            || t.is(j, "to")
            || t.is(j, "through")
            || (between && t.is(j, "and"));
        if !joiner {
            return None;
        }
        let mut k = j + 1;
        if money {
            if let Some((_, after)) = currency_prefix(t, k) {
                k = after;
            }
        }
        let second = number_at(t, k, money)?;
        if second.ordinal
            || second.words != num.words
            || second.value() <= num.value() && !second.scaled
        {
            return None;
        }
        // A dash between numbers with nothing after is often a score or a code: only ranges
        // whose second number carries a scale or is followed by a unit count.
        Some((second, second.end))
    }

    /// Joins a number and an optional range end into an amount, the scale of the second number
    /// applying to the first when the first has none.
    fn amount(&self, first: &Num, second: Option<&Num>) -> (Amount, f64) {
        match second {
            None => (
                Amount::Exact(first.value()),
                super::numbers::scale(1.0, first.exp),
            ),
            Some(second) => {
                let mut first = *first;
                if !first.scaled && second.scaled {
                    first.scale_by(second.scale);
                }
                let step = super::numbers::scale(1.0, first.exp.min(second.exp));
                (
                    Amount::Range {
                        min: first.value(),
                        max: second.value(),
                    },
                    step,
                )
            }
        }
    }

    fn money_first(&self, start: usize, code: &'static str, after: usize) -> Option<FigureHit> {
        let t = self.tokens;
        if !t.continues(after) {
            return None;
        }
        let num = number_at(t, after, true)?;
        if num.ordinal {
            return None;
        }
        let range = self.range_end(&num, true);
        let end = range.as_ref().map_or(num.end, |r| r.1);
        let (amount, step) = self.amount(&num, range.as_ref().map(|r| &r.0));
        Some(FigureHit {
            start,
            end,
            label: Label::Money,
            amount,
            step,
            currency: Some(code),
            unit: None,
            noun: None,
            qualifier: self.qualifier(start),
        })
    }

    fn starting_with_number(&self, i: usize) -> Option<FigureHit> {
        let t = self.tokens;
        let num = number_at(t, i, false)?;
        self.after_number(i, num)
    }

    fn after_number(&self, i: usize, num: Num) -> Option<FigureHit> {
        let t = self.tokens;
        // A numeral that touches a word before it belongs to a name ("COVID-19", "G20").
        let touches_word = |k: usize| k > 0 && t.attached(k) && t.kind(k - 1) == Some(Kind::Word);
        if touches_word(i) || (i > 0 && t.dash(i - 1) && t.attached(i) && touches_word(i - 1)) {
            return None;
        }
        let range = self.range_end(&num, false);
        let last_end = range.as_ref().map_or(num.end, |r| r.1);
        let (mut amount, mut step) = self.amount(&num, range.as_ref().map(|r| &r.0));
        // A minus sign that touches the numeral but not what comes before it: "-5%".
        let negative = !num.words
            && i > 0
            && (t.punct(i - 1, "-") || t.punct(i - 1, "−"))
            && t.attached(i)
            && (i == 1 || !t.attached(i - 1) || t.punct(i - 2, "("));
        if negative {
            if let Amount::Exact(x) = amount {
                amount = Amount::Exact(-x);
            }
        }
        let mut hit = FigureHit {
            start: if negative && matches!(amount, Amount::Exact(_)) {
                i - 1
            } else {
                i
            },
            end: last_end,
            label: Label::Cardinal,
            amount,
            step,
            currency: None,
            unit: None,
            noun: None,
            qualifier: self.qualifier(i),
        };
        let j = last_end;
        let next = self.lower(j);
        let next = next.as_str();
        // Percentages.
        if t.continues(j) && !num.ordinal {
            if t.punct(j, "%") {
                hit.label = Label::Percent;
                hit.end = j + 1;
                return Some(hit);
            }
            let percent_words = match next {
                "percent" | "pct" | "percents" => Some(1),
                "per" if t.is(j + 1, "cent") => Some(2),
                "percentage" if t.is(j + 1, "points") || t.is(j + 1, "point") => {
                    hit.unit = Some("pp");
                    Some(2)
                }
                "percentage" => Some(1),
                "basis" if t.is(j + 1, "points") || t.is(j + 1, "point") => {
                    hit.unit = Some("bp");
                    Some(2)
                }
                "bps" | "bp" => {
                    hit.unit = Some("bp");
                    Some(1)
                }
                _ => None,
            };
            if let Some(n) = percent_words {
                hit.label = Label::Percent;
                hit.end = j + n;
                return Some(hit);
            }
            if let Some((code, exp, end)) = currency_suffix(t, j, num.scaled) {
                hit.label = Label::Money;
                hit.currency = Some(code);
                hit.end = end;
                if exp != 0 {
                    let scaled = |x: f64| super::numbers::scale(x, exp);
                    hit.amount = match hit.amount {
                        Amount::Exact(x) => Amount::Exact(scaled(x)),
                        Amount::Range { min, max } => Amount::Range {
                            min: scaled(min),
                            max: scaled(max),
                        },
                    };
                    hit.step = scaled(hit.step);
                }
                return Some(hit);
            }
            if let Some(code) = currency_symbol_after(t, j) {
                hit.label = Label::Money;
                hit.currency = Some(code);
                hit.end = j + 1;
                return Some(hit);
            }
            // "1.2m fans" are a million and more, "100m" a distance.
            let million = t.is(j, "m")
                && t.attached(j)
                && plural_noun(self.lower(j + 1).as_str())
                && range.is_none();
            if million {
                let mut scaled = num;
                scaled.scale_by(6);
                hit.amount = Amount::Exact(scaled.value());
                hit.step = super::numbers::scale(1.0, scaled.exp);
                hit.end = j + 1;
                hit.noun = self.counted_noun(j + 1, false);
                return Some(hit);
            }
            if let Some((unit, factor, end)) = unit_at(t, j) {
                if factor != 0 {
                    let scaled = |x: f64| super::numbers::scale(x, factor);
                    amount = match amount {
                        Amount::Exact(x) => Amount::Exact(scaled(x)),
                        Amount::Range { min, max } => Amount::Range {
                            min: scaled(min),
                            max: scaled(max),
                        },
                    };
                    step = scaled(step);
                    hit.amount = amount;
                    hit.step = step;
                }
                hit.label = Label::Quantity;
                hit.unit = Some(unit);
                hit.end = end;
                return Some(hit);
            }
        }
        if self.not_a_figure(i, &num) {
            return None;
        }
        // Ages ("60 years old") are neither counts nor durations.
        if matches!(next, "years" | "year" | "months" | "month")
            && (t.is(j + 1, "old") || t.is(j + 1, "of") && t.is(j + 2, "age"))
        {
            return None;
        }
        if t.continues(j) && !num.ordinal {
            if next == "times" && range.is_none() {
                hit.end = j + 1;
                if self.is_multiplier(i, j + 1) {
                    hit.label = Label::Multiplier;
                } else {
                    hit.noun = Some("times".into());
                }
                return Some(hit);
            }
            if t.dash(j) && t.attached(j) && t.is(j + 1, "fold") {
                hit.label = Label::Multiplier;
                hit.end = j + 2;
                return Some(hit);
            }
            if num.words && num.value() >= 1.0 && num.value() < 20.0 && range.is_none() {
                let mut k = j;
                if t.dash(k) && t.attached(k) {
                    k += 1;
                }
                if let Some((d, plural)) = denominator(self.lower(k).as_str()) {
                    if plural == (num.value() > 1.0) && t.continues(k) {
                        hit.label = Label::Fraction;
                        hit.amount = Amount::Exact(round4(num.value() / f64::from(d)));
                        hit.step = 0.0001;
                        hit.end = k + 1;
                        return Some(hit);
                    }
                }
            }
        }
        if num.ordinal {
            if num.words && !self.ordinal_word_counts(i) {
                return None;
            }
            hit.label = Label::Ordinal;
            hit.qualifier = None;
            return Some(hit);
        }
        if num.words && num.value() == 1.0 && num.end == i + 1 && !self.one_is_count(i) {
            return None;
        }
        // "2000 people": a year-sized number the date recognizer left is a count.
        hit.noun = self.counted_noun(j, num.value() == 1.0 && range.is_none());
        Some(hit)
    }

    /// "4.5 times more", "increased by 4.5 times": a ratio, not a count of occasions.
    fn is_multiplier(&self, start: usize, after: usize) -> bool {
        let next = self.lower(after);
        if matches!(
            next.as_str(),
            "more"
                | "less"
                | "higher"
                | "lower"
                | "larger"
                | "smaller"
                | "bigger"
                | "greater"
                | "as"
                | "faster"
                | "slower"
                | "cheaper"
                | "over"
                | "the"
                | "that"
                | "what"
        ) {
            return true;
        }
        let mut k = start;
        for _ in 0..4 {
            if k == 0 {
                break;
            }
            k -= 1;
            let w = self.lower(k);
            if matches!(
                w.as_str(),
                "by" | "increased"
                    | "grew"
                    | "rose"
                    | "fell"
                    | "decreased"
                    | "multiplied"
                    | "jumped"
                    | "surged"
                    | "doubled"
                    | "exceeds"
                    | "exceeded"
            ) {
                return true;
            }
        }
        false
    }

    /// Ordinal words are counted except in idioms ("first of all", "at first") and names
    /// ("First Deputy Prime Minister", "the Second World War").
    fn ordinal_word_counts(&self, i: usize) -> bool {
        let t = self.tokens;
        if t.is_capitalized(i) && !t.sentence_start(i) {
            return false;
        }
        if t.is_capitalized(i) && t.punct(i + 1, ",") {
            return false;
        }
        let prev = self.lower(i.wrapping_sub(1));
        let w = self.lower(i);
        if i > 0 && matches!(prev.as_str(), "at" | "a" | "per") && w == "second" {
            return false;
        }
        if i > 0 && prev == "at" {
            return false;
        }
        if t.is(i + 1, "of") && t.is(i + 2, "all") {
            return false;
        }
        if w == "second" && matches!(self.lower(i + 1).as_str(), "s" | "hand") {
            return false;
        }
        true
    }

    fn starting_with_word(&self, i: usize) -> Option<FigureHit> {
        let t = self.tokens;
        let w = self.lower(i);
        let fraction = |value: f64, end: usize| FigureHit {
            start: i,
            end,
            label: Label::Fraction,
            amount: Amount::Exact(round4(value)),
            step: 0.0001,
            currency: None,
            unit: None,
            noun: None,
            qualifier: self.qualifier(i),
        };
        if let Some(n) = fold_word(&w) {
            return Some(FigureHit {
                label: Label::Multiplier,
                amount: Amount::Exact(f64::from(n)),
                step: 1.0,
                ..fraction(0.0, i + 1)
            });
        }
        // "a half" on its own; "a year and a half" and "a half-hour" are not fractions.
        if w == "a"
            && t.is(i + 1, "half")
            && t.continues(i + 1)
            && !t.is(i.wrapping_sub(1), "and")
            && !(t.dash(i + 2) && t.attached(i + 2))
            && !matches!(t.kind(i + 2), Some(Kind::Word))
        {
            return Some(fraction(0.5, i + 2));
        }
        if w == "half" && t.continues(i + 1) {
            let prev = self.lower(i.wrapping_sub(1));
            let and_a_half =
                prev == "and" && super::numbers::number_at(t, i.saturating_sub(2), false).is_some();
            let qualified = matches!(
                prev.as_str(),
                "than" | "nearly" | "almost" | "about" | "over" | "around" | "roughly"
            );
            if (t.is(i + 1, "of") || t.is(i + 1, "the") || qualified)
                && !and_a_half
                && !matches!(prev.as_str(), "first" | "second" | "a" | "one")
                && !t.is_capitalized(i) | t.sentence_start(i)
            {
                return Some(fraction(0.5, i + 1));
            }
            return None;
        }
        if matches!(w.as_str(), "a" | "one") && t.continues(i + 1) {
            let mut k = i + 1;
            if w == "one" && t.dash(k) && t.attached(k) {
                k += 1;
            }
            if let Some((d, false)) = denominator(self.lower(k).as_str()) {
                let next = self.lower(k + 1);
                let year_follows = t.kind(k + 1) == Some(Kind::Number);
                let ends =
                    !t.continues(k + 1) || t.kind(k + 1) == Some(Kind::Punct) || next == "of";
                if d != 2 && ends && !year_follows && !(d == 4 && next != "of") {
                    return Some(fraction(1.0 / f64::from(d), k + 1));
                }
                if d == 2 || d == 4 {
                    return None;
                }
                if let Some(o) = ordinal_word(self.lower(k).as_str()) {
                    if w == "a"
                        && t.continues(k + 1)
                        && t.kind(k + 1) == Some(Kind::Word)
                        && !t.is_capitalized(k)
                    {
                        return Some(FigureHit {
                            start: k,
                            end: k + 1,
                            label: Label::Ordinal,
                            amount: Amount::Exact(o as f64),
                            step: 1.0,
                            currency: None,
                            unit: None,
                            noun: None,
                            qualifier: None,
                        });
                    }
                }
                return None;
            }
        }
        let num = number_at(t, i, false)?;
        self.after_number(i, num)
    }
}
