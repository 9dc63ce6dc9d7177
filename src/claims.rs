//! Claims: each figure tied to what it measures. A claim has a measure (a normalized noun phrase:
//! "trade", "gas supplies"), a subject (the places and organizations it is about), a period (the
//! date it is for), and the interval of values its wording allows: its stated precision widened
//! by its qualifier. Two claims can only disagree when measure, subject, period and unit agree.
//!
//! Reading what a figure measures is done by rules on the words around it, in the same sentence:
//! the noun phrase before the verb or bracket that introduces the figure ("trade turnover
//! ($17.6 billion)", "the bilateral trade rose by 23.5% to $32.42 billion", "exports reached
//! $5 billion"). A figure whose measure or period cannot be read makes no claim.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

use compact_str::CompactString;
use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::article::Article;
use crate::checks::interval;
use crate::config::Config;
use crate::mention::{Figure, Label, Mention, Qualifier, Value};
use crate::recognize::entities::{demonym_place, slug};
use crate::text::{WordList, WordSet};

#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub range: Range<usize>,
    pub label: Label,
    /// The measure, normalized ("trade"). This and the claim's other strings are a few bytes
    /// each, kept inline: a corpus keeps a claim for most figures.
    pub measure: CompactString,
    /// The measure as written ("bilateral trade").
    pub measure_text: CompactString,
    /// Entity ids of what the claim is about, sorted.
    pub subject: Vec<CompactString>,
    /// The TIMEX3 value of the period.
    pub period: CompactString,
    /// Currency, unit or counted noun: claims in different units are not compared.
    pub unit: CompactString,
    /// The values the wording allows.
    pub low: f64,
    pub high: f64,
    /// The figure is said to be revised, preliminary or an estimate.
    pub provisional: bool,
    /// The figure is a change ("rose by 23.5%"), not a level: `Some(1.0)` for a rise,
    /// `Some(-1.0)` for a fall.
    pub change: Option<f64>,
}

/// Words that introduce a figure after its measure ("trade reached $5 billion"): a set, as every
/// word before a figure is asked about.
static LINKING: LazyLock<WordSet> = LazyLock::new(|| {
    [
        "reached",
        "totaled",
        "totalled",
        "amounted",
        "stood",
        "was",
        "were",
        "is",
        "are",
        "hit",
        "rose",
        "grew",
        "increased",
        "climbed",
        "jumped",
        "surged",
        "fell",
        "declined",
        "dropped",
        "decreased",
        "slid",
        "came",
        "to",
        "at",
        "of",
        "by",
        "exceeded",
        "topped",
        "made",
        "up",
        "reaching",
        "totaling",
        "totalling",
        "amounting",
        "standing",
        "be",
        "been",
        "has",
        "have",
        "had",
        "revised",
        "down",
        "estimated",
        "an",
        "a",
        "some",
        "about",
        "around",
        "nearly",
        "almost",
        "more",
        "than",
        "over",
        "approximately",
        "roughly",
        "just",
        "under",
        "less",
        "up",
        "record",
        "in",
        "for",
        "its",
        "their",
        "which",
        "that",
    ]
    .into_iter()
    .collect()
});

/// Verbs after which "by" introduces a change, not a level: rises, then falls.
const RISE_VERBS: WordList = WordList(&[
    "rose",
    "grew",
    "increased",
    "climbed",
    "jumped",
    "surged",
    "up",
    "gained",
]);
const FALL_VERBS: WordList = WordList(&[
    "fell",
    "declined",
    "dropped",
    "decreased",
    "slid",
    "down",
    "shrank",
    "lost",
]);

/// Words that start a noun phrase and are not part of the measure.
const DETERMINERS: WordList = WordList(&[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "our", "his", "her", "in",
    "and", "with", "between", "for", "on", "from", "as", "said", "says", "while", "year", "years",
    "month", "months", "last", "next",
]);

/// Modifiers that do not change what is measured ("bilateral trade" is "trade").
const MODIFIERS: WordList = WordList(&[
    "bilateral",
    "total",
    "overall",
    "mutual",
    "record",
    "record-breaking",
    "annual",
    "combined",
    "reported",
    "official",
    "current",
    "new",
    "whole",
    "entire",
    "general",
    "aggregate",
    "preliminary",
    "revised",
    "estimated",
    "provisional",
    "final",
    "latest",
    "two-way",
]);

/// Words that stand for the subject of a measure without naming it ("trade between the two
/// countries"); skipped like names.
const GENERIC_SUBJECT: WordList = WordList(&[
    "and",
    "",
    "the",
    "two",
    "both",
    "countries",
    "sides",
    "states",
    "nations",
    "partners",
    "parties",
    "economies",
]);

/// Verbs whose object is what they measure, with the noun they make: "supplied 18 million
/// tonnes of oil" is an oil supply.
const SUPPLY_VERBS: &[(&str, &str)] = &[
    ("supplied", "supply"),
    ("delivered", "supply"),
    ("shipped", "supply"),
    ("sent", "supply"),
    ("exported", "export"),
    ("imported", "import"),
    ("produced", "production"),
    ("sold", "sale"),
    ("bought", "purchase"),
    ("invested", "investment"),
];

/// A measure written after its figure: "in trade", "worth of exports", "in bilateral trade".
static MEASURE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+(?:in|worth of)\s+(?:bilateral\s+|mutual\s+|total\s+|annual\s+)?(trade|exports?|imports?|investments?|revenues?|sales|turnover|aid|loans?|debt|deals?|contracts?)\b")
        .expect("valid pattern")
});

/// The thing a quantity is of: "tonnes of oil", "cubic meters of natural gas".
static OF_THING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s+of\s+(?:natural\s+|crude\s+)?([a-z]+)").expect("valid pattern")
});

/// Measures whose subject has a direction: the order of the places named matters.
const DIRECTIONAL: &[&str] = &[
    "export",
    "import",
    "supply",
    "supplie",
    "shipment",
    "investment",
    "flow",
    "transfer",
    "deliver",
];

/// Built-in measure synonyms, extended by `[measures]` in `gloss.toml`.
const SYNONYMS: &[(&str, &[&str])] = &[(
    "trade",
    &[
        "trade turnover",
        "trade volume",
        "turnover",
        "foreign trade",
        "trade between",
        "trade turnover between",
    ],
)];

/// The claims of one article, from its mentions in text order.
pub fn claims(text: &str, article: &Article, mentions: &[Mention], config: &Config) -> Vec<Claim> {
    let mut found = Vec::new();
    let places = Places {
        text,
        article,
        mentions,
        names: OnceCell::new(),
        most_named: OnceCell::new(),
    };
    for mention in mentions {
        let Value::Figure(figure) = &mention.value else {
            continue;
        };
        if !matches!(
            mention.label,
            Label::Money | Label::Quantity | Label::Percent | Label::Cardinal
        ) {
            continue;
        }
        // "the two countries" counts the subject, it does not measure anything.
        let counts_subject = figure
            .noun
            .as_deref()
            .is_some_and(|noun| GENERIC_SUBJECT.contains(noun));
        if counts_subject {
            continue;
        }
        let Some(sentence) = enclosing(&article.sentences, &mention.range) else {
            continue;
        };
        let in_sentence = starting_in(mentions, sentence);
        // The period is cheap to find and most figures have none: it is asked for first.
        let Some(period) = period(in_sentence, sentence, mention) else {
            continue;
        };
        let before = masked(text, in_sentence, sentence.start..mention.range.start);
        let after = &text[mention.range.end..sentence.end];
        let Some((measure_text, change)) = measure(&before, after, figure) else {
            continue;
        };
        let unit = match figure.currency.or(figure.unit) {
            Some(unit) => CompactString::const_new(unit),
            None => figure
                .noun
                .clone()
                .unwrap_or_else(|| mention.label.as_str().to_lowercase().into()),
        };
        let (low, high) = widen(interval(figure), mention.qualifier);
        let measure = normalize(&measure_text, config);
        // Exports from Belarus to Russia are not exports from Russia to Belarus.
        let mut subject = subject(in_sentence, sentence, mention, &places);
        if !DIRECTIONAL.iter().any(|d| measure.contains(d)) {
            subject.sort();
        }
        found.push(Claim {
            range: mention.range.clone(),
            label: mention.label,
            measure,
            measure_text: measure_text.into(),
            subject,
            period,
            unit,
            low,
            high,
            provisional: says_provisional(&text[sentence.clone()]),
            change,
        });
    }
    found
}

/// Stands for a name in the text a measure is read from.
const NAME: &str = "\u{1}";

/// The text of `range` with each name replaced by [`NAME`], so that "trade between Belarus and
/// Russia" reads as a measure and its subject.
/// The mentions that start inside `range`, which hold all those inside it: `mentions` are in
/// text order.
fn starting_in<'m>(mentions: &'m [Mention], range: &Range<usize>) -> &'m [Mention] {
    let from = mentions.partition_point(|m| m.range.start < range.start);
    let to = from + mentions[from..].partition_point(|m| m.range.start <= range.end);
    &mentions[from..to]
}

fn masked(text: &str, mentions: &[Mention], range: Range<usize>) -> String {
    // A name masked takes one byte: the text is never longer than the range.
    let mut out = String::with_capacity(range.len());
    let mut at = range.start;
    for m in mentions
        .iter()
        .filter(|m| m.label.is_entity() && range.start <= m.range.start && m.range.end <= range.end)
    {
        if m.range.start < at {
            continue;
        }
        out.push_str(&text[at..m.range.start]);
        out.push_str(NAME);
        at = m.range.end;
    }
    out.push_str(&text[at..range.end]);
    out
}

/// What a figure measures, and the direction of the change when it is one: a measure written
/// right after it ("$35.1 billion in trade"); else the noun phrase before it ("trade reached $5
/// billion"); for a verb of supplying, the thing supplied after it ("Russia supplied 18 million
/// tonnes of oil" is an oil supply); failing these, what a count counts ("2.6 million tourists").
fn measure(before: &str, after: &str, figure: &Figure) -> Option<(String, Option<f64>)> {
    // "did $35.1 billion in trade", "$12 billion worth of exports": the measure follows. Most
    // figures are followed by neither word, which is checked before the pattern is run.
    let next = after.trim_start();
    let may_follow =
        next.len() < after.len() && (next.starts_with("in") || next.starts_with("worth"));
    if let Some(caps) = may_follow.then(|| MEASURE_AFTER.captures(after)).flatten() {
        return Some((caps[1].to_lowercase(), None));
    }
    let found = measure_before(before);
    if let Some((verb, change)) = &found {
        if let Some(&(_, noun)) = SUPPLY_VERBS.iter().find(|(v, _)| v == verb) {
            let thing = OF_THING.captures(after).map(|c| c[1].to_lowercase())?;
            return Some((format!("{thing} {noun}"), *change));
        }
    }
    let only_modifiers = |phrase: &str| phrase.split(' ').all(|w| MODIFIERS.contains(w));
    match found {
        Some((phrase, change)) if !only_modifiers(&phrase) => Some((phrase, change)),
        _ => Some((figure.noun.as_deref()?.to_lowercase(), None)),
    }
}

/// The measure before a figure, and the direction of the change when the figure is one ("rose
/// by": 1, "fell by": -1).
fn measure_before(before: &str) -> Option<(String, Option<f64>)> {
    let mut words = words_from_end(before);
    // How many words have been read back from the figure.
    let mut d = 0;
    // The word that introduces the figure: "by" after a change verb makes it a change.
    let mut introducer: Option<(Cow<str>, usize)> = None;
    while let Some(raw) = words.get(d).filter(|w| !w.contains(NAME)) {
        let word = lowercase(raw.trim_matches(|c: char| !c.is_alphanumeric()));
        let is_figure_word = word.chars().any(|c| c.is_ascii_digit()) || word == "percent";
        if !(LINKING.contains(&word) || is_figure_word || word.is_empty()) {
            break;
        }
        if introducer.is_none() && matches!(&*word, "by" | "to" | "at" | "of") {
            introducer = Some((word, d));
        }
        d += 1;
    }
    let mut change = None;
    if let Some((word, at)) = introducer {
        if let Some(verb) = words.get(at + 1).map(lowercase) {
            change = match &*word {
                "by" if RISE_VERBS.contains(&verb) => Some(1.0),
                "by" if FALL_VERBS.contains(&verb) => Some(-1.0),
                _ => None,
            };
        }
    }
    // A subject after the measure: "trade between Belarus and Russia", "exports of Belarus".
    loop {
        let mut e = d;
        while words.get(e).is_some_and(|w| {
            w.starts_with(NAME) || GENERIC_SUBJECT.contains(&lowercase(w.trim_end_matches(',')))
        }) {
            e += 1;
        }
        let joined = words
            .get(e)
            .is_some_and(|w| matches!(w, "between" | "with" | "of" | "from" | "to"));
        if e > d && joined {
            d = e + 1;
        } else {
            break;
        }
    }
    let end = d;
    while d - end < 4 {
        let Some(raw) = words.get(d) else {
            break;
        };
        let word = lowercase(raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
        let ends_clause = raw.ends_with([',', ';', ':']) || raw.ends_with('.');
        if word.is_empty()
            || raw.contains(NAME)
            || DETERMINERS.contains(&word)
            || word.chars().any(|c| c.is_ascii_digit())
        {
            break;
        }
        if ends_clause && d > end {
            break;
        }
        d += 1;
        if ends_clause {
            break;
        }
    }
    // Read back from the figure, the phrase's words are turned into text order.
    let phrase: Vec<Cow<str>> = (end..d)
        .rev()
        .filter_map(|k| words.get(k))
        .map(|w| lowercase(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')))
        .filter(|w| !w.is_empty())
        .collect();
    let is_noun_like = phrase
        .last()
        .is_some_and(|w| !w.ends_with("ly") && !LINKING.contains(w));
    (!phrase.is_empty() && is_noun_like).then(|| (phrase.join(" "), change))
}

/// The words of a text before a figure, read back from its end and split only as far as they
/// are read: a measure is a few words before its figure, and a sentence can be long.
struct WordsFromEnd<'a, I> {
    rest: I,
    read: Vec<&'a str>,
}

/// The words of `text`, to be read back from its end.
fn words_from_end(text: &str) -> WordsFromEnd<'_, impl Iterator<Item = &str>> {
    WordsFromEnd {
        rest: text
            .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"' | '—' | '–'))
            .filter(|w| !w.is_empty()),
        read: Vec::new(),
    }
}

impl<'a, I: Iterator<Item = &'a str>> WordsFromEnd<'a, I> {
    /// The word `k` words before the end (0: the last), when the text has so many.
    fn get(&mut self, k: usize) -> Option<&'a str> {
        while self.read.len() <= k {
            self.read.push(self.rest.next()?);
        }
        Some(self.read[k])
    }
}

/// `word` in lowercase, borrowed when it is already: most words of a sentence are.
fn lowercase(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .any(|b| b.is_ascii_uppercase() || !b.is_ascii())
    {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// The measure without modifiers, merged through synonyms ("bilateral trade turnover" → "trade").
pub fn normalize(measure: &str, config: &Config) -> CompactString {
    let mut phrase = CompactString::with_capacity(measure.len());
    for (k, word) in measure
        .split(' ')
        .filter(|w| !MODIFIERS.contains(w))
        .enumerate()
    {
        if k > 0 {
            phrase.push(' ');
        }
        push_singular(&mut phrase, word);
    }
    for (canonical, synonyms) in &config.measures {
        if canonical == phrase || synonyms.iter().any(|s| s.eq_ignore_ascii_case(&phrase)) {
            return canonical.into();
        }
    }
    for (canonical, synonyms) in SYNONYMS {
        if *canonical == phrase || synonyms.contains(&phrase.as_str()) {
            return (*canonical).into();
        }
    }
    phrase
}

/// Appends a plural noun's singular, by the regular English rules ("supplies" → "supply").
fn push_singular(out: &mut CompactString, word: &str) {
    if word.len() <= 3 || word.ends_with("ss") || word.ends_with("us") {
        out.push_str(word);
    } else if let Some(stem) = word.strip_suffix("ies") {
        out.push_str(stem);
        out.push('y');
    } else if ["ches", "shes", "xes", "sses"]
        .iter()
        .any(|ending| word.ends_with(ending))
    {
        out.push_str(&word[..word.len() - 2]);
    } else {
        out.push_str(word.strip_suffix('s').unwrap_or(word));
    }
}

/// The period a figure is for: a date in its sentence, the nearest one when there are several.
fn period(
    mentions: &[Mention],
    sentence: &Range<usize>,
    figure: &Mention,
) -> Option<CompactString> {
    mentions
        .iter()
        .filter(|m| {
            matches!(m.label, Label::Date)
                && sentence.start <= m.range.start
                && m.range.end <= sentence.end
        })
        .filter_map(|m| match m.value.timex_value() {
            Some(timex) if !timex.contains('X') => {
                let distance = m.range.start.abs_diff(figure.range.start);
                Some((distance, timex))
            }
            _ => None,
        })
        .min()
        .map(|(_, timex)| timex.into())
}

/// Where the clause holding `offset` starts and ends within a sentence: clauses are split at
/// semicolons and at ", and", ", while", ", but", ", whereas". One pass over the sentence's
/// semicolons and commas finds both ends.
fn clause(text: &str, sentence: &Range<usize>, offset: usize) -> Range<usize> {
    const SPLITS: [&str; 4] = [", and ", ", while ", ", but ", ", whereas "];
    let body = &text[sentence.clone()];
    let local = offset - sentence.start;
    let mut start = 0;
    let mut end = body.len();
    for at in memchr::memchr2_iter(b';', b',', body.as_bytes()) {
        let len = if body.as_bytes()[at] == b';' {
            1
        } else if let Some(split) = SPLITS.iter().find(|s| body[at..].starts_with(*s)) {
            split.len()
        } else {
            continue;
        };
        if at >= local {
            end = at;
            break;
        }
        if at + len <= local {
            start = start.max(at + len);
        }
    }
    sentence.start + start..sentence.start + end
}

/// Words that say a sentence's figures are revised, preliminary or estimates; in ASCII, so that
/// matching without case needs no Unicode folding.
static PROVISIONAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)revised|preliminary|provisional|estimate|initially").expect("valid pattern")
});

/// Whether a sentence says its figures are revised, preliminary or estimates.
fn says_provisional(sentence: &str) -> bool {
    PROVISIONAL.is_match(sentence)
}

/// The places a figure is about, in the order they are named: those named in its clause (a demonym or a hyphenated pair such
/// as "Belarus-Russia" names its countries); failing that, an article about a pair of countries
/// speaks of their "bilateral trade" without naming them, so its two most named places stand in.
fn subject(
    in_sentence: &[Mention],
    sentence: &Range<usize>,
    figure: &Mention,
    places: &Places,
) -> Vec<CompactString> {
    let text = places.text;
    let clause = clause(text, sentence, figure.range.start);
    let mut named: Vec<CompactString> = Vec::new();
    for m in in_sentence
        .iter()
        .filter(|m| clause.start <= m.range.start && m.range.end <= clause.end)
    {
        match m.label {
            Label::Loc => named.push(slug(&text[m.range.clone()])),
            Label::Misc => {
                for part in text[m.range.clone()].split('-') {
                    named.extend(
                        demonym_place(part)
                            .map(slug)
                            .or_else(|| places.is_named(part).then(|| slug(part))),
                    );
                }
            }
            _ => {}
        }
    }
    if !named.is_empty() {
        let mut seen = BTreeSet::new();
        named.retain(|id| seen.insert(id.clone()));
        return named;
    }
    places
        .most_named
        .get_or_init(|| main_places(text, places.article, places.mentions))
        .clone()
}

/// What an article says about places, worked out once per article and only when first asked:
/// a file of many megabytes has as many figures as mentions.
struct Places<'a> {
    text: &'a str,
    article: &'a Article,
    mentions: &'a [Mention],
    /// The places the article names, as written.
    names: OnceCell<FxHashSet<&'a str>>,
    /// Its two most named places.
    most_named: OnceCell<Vec<CompactString>>,
}

impl Places<'_> {
    fn is_named(&self, written: &str) -> bool {
        self.names
            .get_or_init(|| {
                self.mentions
                    .iter()
                    .filter(|m| m.label == Label::Loc)
                    .map(|m| &self.text[m.range.clone()])
                    .collect()
            })
            .contains(written)
    }
}

/// The sentence that holds `range`, found by binary search: sentences are in text order.
fn enclosing<'s>(sentences: &'s [Range<usize>], range: &Range<usize>) -> Option<&'s Range<usize>> {
    let after = sentences.partition_point(|s| s.start <= range.start);
    let sentence = sentences.get(after.checked_sub(1)?)?;
    (range.end <= sentence.end).then_some(sentence)
}

/// The two places the article's paragraphs name most, the subject of a figure whose clause
/// names none.
fn main_places(text: &str, article: &Article, mentions: &[Mention]) -> Vec<CompactString> {
    // Counted as written first: a place is named many times, and its id is made once.
    let mut written: FxHashMap<&str, usize> = FxHashMap::default();
    for m in mentions
        .iter()
        .filter(|m| m.label == Label::Loc && article.paragraph_holding(&m.range).is_some())
    {
        *written.entry(&text[m.range.clone()]).or_default() += 1;
    }
    let mut counts: FxHashMap<CompactString, usize> = FxHashMap::default();
    for (name, n) in written {
        *counts.entry(slug(name)).or_default() += n;
    }
    let mut ranked: Vec<(CompactString, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut top: Vec<CompactString> = ranked.into_iter().take(2).map(|(id, _)| id).collect();
    top.sort();
    top
}

/// The interval a figure's wording allows: "more than" leaves it open above, "about" widens it.
fn widen((low, high): (f64, f64), qualifier: Option<Qualifier>) -> (f64, f64) {
    const ABOUT: f64 = 0.05;
    const NEARLY: f64 = 0.1;
    match qualifier.map(Qualifier::as_str) {
        Some("more than" | "over" | "above" | "at least" | "upwards of" | "exceeding") => {
            (low, f64::INFINITY)
        }
        Some("less than" | "under" | "below" | "up to" | "at most") => (f64::NEG_INFINITY, high),
        Some("nearly" | "almost" | "close to" | "just under") => (low * (1.0 - NEARLY), high),
        Some(_) => (low * (1.0 - ABOUT), high * (1.0 + ABOUT)),
        None => (low, high),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_measure_is_the_noun_phrase_before_the_figure() {
        let cases = [
            (
                "Russia and Belarus chalked up a record-breaking trade turnover (",
                Some(("record-breaking trade turnover", None)),
            ),
            (
                "In 2017 the bilateral trade rose by 23.5% to ",
                Some(("bilateral trade", None)),
            ),
            (
                "In 2017 the bilateral trade rose by ",
                Some(("bilateral trade", Some(1.0))),
            ),
            (
                "Last year exports of gas reached ",
                Some(("exports of gas", None)),
            ),
            ("Exports fell by ", Some(("exports", Some(-1.0)))),
            ("Belarus and Russia said that ", None),
        ];
        for (before, expected) in cases {
            let got = measure_before(before);
            assert_eq!(
                got.as_ref().map(|(m, c)| (m.as_str(), *c)),
                expected,
                "{before}"
            );
        }
    }

    #[test]
    fn clauses_split_at_semicolons_and_joining_commas() {
        let text = "Exports rose, and imports fell; trade grew 5%, while aid, but not loans, fell.";
        let sentence = 0..text.len();
        let clause_at = |word: &str| &text[clause(text, &sentence, text.find(word).unwrap())];
        assert_eq!(clause_at("Exports"), "Exports rose");
        assert_eq!(clause_at("imports"), "imports fell");
        assert_eq!(clause_at("5%"), " trade grew 5%");
        assert_eq!(clause_at("aid"), "aid");
        assert_eq!(clause_at("not"), "not loans, fell.");
        assert!(says_provisional("The PRELIMINARY figure"));
        assert!(!says_provisional("The final figure"));
    }

    #[test]
    fn measures_merge_through_synonyms() {
        let config = Config::default();
        assert_eq!(
            normalize("record-breaking trade turnover", &config),
            "trade"
        );
        assert_eq!(normalize("bilateral trade", &config), "trade");
        assert_eq!(normalize("gas supplies", &config), "gas supply");
    }
}
