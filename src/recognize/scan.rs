//! One pass over an article's text that runs the date and figure recognizers token by token:
//! at each token, a date is tried first (so "2017" and "Q1 2018" are dates, not counts), then a
//! figure; whatever matches is kept and the pass goes on after it.

use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;
use rustc_hash::FxHashMap;

use super::ascii_runs;
use super::dates::{decade_word, month_of, season_of, unit_of, weekday_of, Dates};
use super::figures::{denominator, Figures};
use super::numbers::{counts_after_a, ordinal_word};
use super::tokens::{word_key, Kind, Tokens, WordMarks};
use crate::article::{Article, Zone};
use crate::mention::{Figure, Mention, Value};
use crate::text::WordSet;

/// Every word, in lower case, that can open a date or a figure. Most words of a story are not
/// among them, and the pass skips those without trying any pattern.
const OPENERS: &[&str] = &[
    // Months and weekdays, full and abbreviated.
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sep",
    "sept",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thur",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
    // Relative dates, parts of periods, seasons.
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "this",
    "last",
    "next",
    "past",
    "previous",
    "coming",
    "current",
    "the",
    "early",
    "mid",
    "late",
    "earlier",
    "later",
    "end",
    "start",
    "beginning",
    "middle",
    "q",
    "h",
    "recent",
    "a",
    "an",
    "year",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    // Numbers, ordinals and fractions in words.
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "nineth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
    "hundredth",
    "thousandth",
    "half",
    "twofold",
    "threefold",
    "fourfold",
    "fivefold",
    "sixfold",
    "sevenfold",
    "eightfold",
    "ninefold",
    "tenfold",
    "hundredfold",
    // Currency codes and the country prefixes of "$".
    "usd",
    "eur",
    "gbp",
    "rub",
    "byn",
    "byr",
    "cny",
    "rmb",
    "jpy",
    "inr",
    "rs",
    "uah",
    "kzt",
    "chf",
    "cad",
    "aud",
    "try",
    "btc",
    "mex",
    "mxn",
    "sgd",
    "hkd",
    "nzd",
    "us",
    "c",
    "ca",
    "au",
    "hk",
    "nz",
    "s",
    "r",
];

/// Web addresses and e-mail addresses: their digits are not figures.
static LINKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:https?://|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+").expect("valid pattern")
});

/// A cheap test that keeps the address pattern off texts without any. It reads the whole text
/// three times: the vectorized searches of `memchr` do that faster than those of `str`.
fn may_hold_links(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr(b'@', bytes).is_some()
        || memchr::memmem::find(bytes, b"://").is_some()
        || memchr::memmem::find(bytes, b"www.").is_some()
}

/// What an opener asks of the token after it before any pattern is tried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opener {
    /// Nothing: patterns are tried at once.
    Any,
    /// "The": see [`may_follow_the`].
    The,
    /// "This" or "current": see [`may_follow_this`].
    This,
    /// "Year", which opens a date only before a number ("year 2018").
    Year,
    /// "A" or "an": see [`may_follow_a`].
    A,
    /// Letters that open only a dollar sum ("C$5", "HK$ 10"), so a dollar sign must follow; "s"
    /// is also the end of every possessive.
    DollarPrefix,
}

impl Opener {
    fn of(word: &str) -> Opener {
        match word {
            "the" => Opener::The,
            "this" | "current" => Opener::This,
            "year" => Opener::Year,
            "a" | "an" => Opener::A,
            "s" | "r" | "c" | "ca" | "au" | "hk" | "nz" => Opener::DollarPrefix,
            _ => Opener::Any,
        }
    }
}

/// The openers of eight letters or fewer, most of them, by their [`Tokens::lower_key`]: a word
/// is looked up as one number, without being hashed or compared as text. The longer ones are
/// told by [`LONG_OPENERS`]; their first eight letters are marked here.
static SHORT_OPENERS: LazyLock<ShortOpeners> = LazyLock::new(|| {
    let mut openers = ShortOpeners::default();
    for word in OPENERS {
        let bytes = word.as_bytes();
        match word_key(bytes) {
            Some(key) => openers.insert(key, Opener::of(word)),
            None => openers.marks.mark(ascii_runs::chunk(bytes, 0)),
        }
    }
    openers
});

/// Openers by key, with a bit for each: the tokenizer lists only the words whose key's bit is set
/// ([`Tokens::may_open`]), so most words are turned away before the table is asked which opener
/// a word is.
#[derive(Default)]
struct ShortOpeners {
    marks: WordMarks,
    openers: FxHashMap<u64, Opener>,
}

impl ShortOpeners {
    fn insert(&mut self, key: u64, opener: Opener) {
        self.marks.mark(key);
        self.openers.insert(key, opener);
    }

    fn get(&self, key: u64) -> Option<Opener> {
        self.openers.get(&key).copied()
    }
}

/// The openers of more than eight letters, with the test of shape that turns most words away
/// before the set is asked.
static LONG_OPENERS: LazyLock<WordSet> = LazyLock::new(|| {
    OPENERS
        .iter()
        .copied()
        .filter(|w| word_key(w.as_bytes()).is_none())
        .collect()
});

/// Whether a date or a figure may start at token `i`: most tokens are turned away at a glance,
/// by the tokenizer, the rest on a closer look.
#[cfg(test)]
fn may_open(tokens: &Tokens, i: usize) -> bool {
    tokens.may_open.binary_search(&i).is_ok() && may_open_on_a_closer_look(tokens, i)
}

/// Whether a date or a figure can start at token `i`, one of those the tokenizer lists in
/// [`Tokens::may_open`]: a number, a punctuation mark before a number (which may be a currency
/// sign), or a word whose first eight letters an opener's bit marks. The word is asked which
/// opener it is.
fn may_open_on_a_closer_look(tokens: &Tokens, i: usize) -> bool {
    match tokens.list[i].kind {
        Kind::Number | Kind::Punct => true,
        Kind::Word => {
            let opener = match tokens.lower_key(i) {
                Some(key) => SHORT_OPENERS.get(key),
                None => {
                    let word = tokens.lower(i);
                    LONG_OPENERS.contains(&word).then(|| Opener::of(&word))
                }
            };
            match opener {
                None => false,
                Some(Opener::Any) => true,
                Some(Opener::The) => may_follow_the(tokens, i + 1),
                Some(Opener::This) => may_follow_this(tokens, i + 1),
                Some(Opener::Year) => tokens.kind(i + 1) == Some(Kind::Number),
                Some(Opener::A) => may_follow_a(tokens, i + 1),
                Some(Opener::DollarPrefix) => tokens.punct(i + 1, "$"),
            }
        }
    }
}

/// Whether "the" before token `next` can open a date ("the 1990s", "the first quarter", "the
/// past year", "the end of 2018"); it opens no figure. "The" is the commonest word of a story
/// and seldom opens anything: the word after it is asked before any pattern is tried.
fn may_follow_the(tokens: &Tokens, next: usize) -> bool {
    match tokens.kind(next) {
        Some(Kind::Number | Kind::Punct) => true,
        Some(Kind::Word) => {
            let w = tokens.lower(next);
            let w = w.as_str();
            ordinal_word(w).is_some()
                || decade_word(w).is_some()
                || matches!(
                    w,
                    "past"
                        | "last"
                        | "previous"
                        | "next"
                        | "coming"
                        | "following"
                        | "same"
                        | "current"
                        | "end"
                        | "start"
                        | "beginning"
                        | "middle"
                        | "turn"
                        | "year"
                )
        }
        None => false,
    }
}

/// Whether "this" or "current" before token `next` can open a date ("this year", "this Monday",
/// "this March", "this spring", "current quarter"): only a day, a month, a season or a unit of
/// time after it makes one. "This" is common and seldom opens anything.
fn may_follow_this(tokens: &Tokens, next: usize) -> bool {
    tokens.kind(next) == Some(Kind::Word) && {
        let w = tokens.lower(next);
        let w = w.as_str();
        weekday_of(w).is_some()
            || month_of(w).is_some()
            || season_of(w).is_some()
            || unit_of(w).is_some()
    }
}

/// Whether "a" or "an" before token `next` can open a duration ("a year", "a half-hour"), a
/// fraction ("a third"), a number ("a dozen") or a sum ("A$5"); like "the", it seldom opens
/// anything.
fn may_follow_a(tokens: &Tokens, next: usize) -> bool {
    match tokens.kind(next) {
        Some(Kind::Punct) => true,
        Some(Kind::Word) => {
            let w = tokens.lower(next);
            let w = w.as_str();
            unit_of(w).is_some() || denominator(w).is_some() || counts_after_a(w)
        }
        Some(Kind::Number) | None => false,
    }
}

/// Every date, duration and figure in the text, in text order. The date header, front matter
/// and page debris are not part of the story and are skipped.
pub fn dates_and_figures(
    text: &str,
    article: &Article,
    publication_date: Option<Date>,
) -> Vec<Mention> {
    scan(&tokenize(text, article), article, publication_date)
}

/// The tokens of an article, as [`scan`] reads them.
pub(super) fn tokenize<'a>(text: &'a str, article: &Article) -> Tokens<'a> {
    Tokens::new(text, &SHORT_OPENERS.marks)
        .with_sentence_starts(article.sentences.iter().map(|s| s.start).collect())
}

/// [`dates_and_figures`] in an article already tokenized.
pub(super) fn scan(
    tokens: &Tokens,
    article: &Article,
    publication_date: Option<Date>,
) -> Vec<Mention> {
    let text = tokens.text;
    let dates = Dates {
        tokens,
        publication_date,
    };
    let figures = Figures { tokens };
    let byte_range = |start: usize, end: usize| {
        let first = tokens.list[start].start;
        let last = tokens.list[end.max(start + 1).min(tokens.len()) - 1].end;
        first..last
    };
    let mut skipped: Vec<_> = article
        .zones
        .iter()
        .filter(|z| matches!(z.zone, Zone::Meta | Zone::Debris))
        .map(|z| z.range.clone())
        .chain(
            may_hold_links(text)
                .then(|| LINKS.find_iter(text).map(|m| m.range()))
                .into_iter()
                .flatten(),
        )
        .collect();
    skipped.sort_by_key(|r| r.start);
    let mut next_skipped = 0;
    // About one token in two of those listed opens a date or figure.
    let mut mentions = Vec::with_capacity(tokens.may_open.len() / 2);
    // Where the pass goes on: the tokens of a date or figure found are not read again.
    let mut next = 0;
    for &i in &tokens.may_open {
        if i < next || !may_open_on_a_closer_look(tokens, i) {
            continue;
        }
        let at = tokens.list[i].start;
        while skipped.get(next_skipped).is_some_and(|r| r.end <= at) {
            next_skipped += 1;
        }
        if skipped.get(next_skipped).is_some_and(|r| r.start <= at) {
            continue;
        }
        let hits = dates.at(i);
        if let Some(end) = hits.iter().map(|h| h.end).max() {
            for hit in hits {
                mentions.push(Mention {
                    range: byte_range(hit.start, hit.end),
                    label: hit.label,
                    value: Value::timex(hit.value, hit.note),
                    qualifier: None,
                });
            }
            next = end;
            continue;
        }
        if let Some(hit) = figures.at(i) {
            mentions.push(Mention {
                range: byte_range(hit.start, hit.end),
                label: hit.label,
                value: Value::Figure(Box::new(Figure {
                    amount: hit.amount,
                    currency: hit.currency,
                    unit: hit.unit,
                    noun: hit.noun,
                    step: hit.step,
                })),
                qualifier: hit.qualifier,
            });
            next = hit.end;
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words are asked about in lowercase: an opener in capitals would never be found.
    #[test]
    fn openers_are_lowercase_words() {
        assert!(OPENERS
            .iter()
            .all(|o| !o.is_empty() && o.bytes().all(|b| b.is_ascii_lowercase())));
    }

    /// The gates must never hide a date or figure: on every text at hand (fixtures, seeds, the
    /// Recognizers-Text inputs), no token they turn away opens one.
    #[test]
    fn openers_cover_every_pattern() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for dir in [
            "seeds",
            "tests/fixtures/recognize",
            "tests/data/recognizers-text",
        ] {
            for entry in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                texts.extend(std::fs::read_to_string(entry.path()));
            }
        }
        assert!(!texts.is_empty());
        for text in &texts {
            let tokens = Tokens::new(text, &SHORT_OPENERS.marks);
            let dates = Dates {
                tokens: &tokens,
                publication_date: "2018-05-11".parse().ok(),
            };
            let figures = Figures { tokens: &tokens };
            for i in (0..tokens.len()).filter(|&i| !may_open(&tokens, i)) {
                assert!(
                    dates.at(i).is_empty() && figures.at(i).is_none(),
                    "{:?} opens a date or figure",
                    tokens.str(i)
                );
            }
        }
    }
}
