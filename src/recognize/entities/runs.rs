//! Candidate names: runs of capitalized words in running text, joined across the small words
//! that long names carry ("Council of Ministers", "Treaty on the Creation of the Community of
//! Belarus and Russia", "Ludwig van Beethoven"), with titles split off the front ("Russian
//! President Vladimir Putin" gives "Russian" and "Vladimir Putin").

use std::ops::Range;
use std::sync::LazyLock;

use compact_str::CompactString;

use super::classify::{MISC_FIRST_WORDS, STATE_ABBREVIATIONS};
use super::lexicon;
use super::lexicon::{
    is_place, lists, Lists, GIVEN_NAMES, KNOWN_ORGS, LOC_HEADS, MISC_HEADS, MISC_TAILS,
    NAME_PARTICLES, NOT_NAMES, ORG_HEADS, ORG_TAILS, PLACES, TITLES,
};
use super::tokens::{Kind, Token};
use crate::recognize::ascii_runs::holds_either;
use crate::text::{WordList, WordSet};

/// A capitalized run, after its title is split off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Indexes into the region's tokens.
    pub tokens: Range<usize>,
    /// The run starts the sentence, so its capital letter says nothing.
    pub sentence_initial: bool,
    /// A person's title stood right before the run ("President", "Mr.").
    pub after_title: bool,
}

/// Abbreviations whose full stop does not break a name ("Mr. Smith", "St. Petersburg").
const DOTTED: WordList = WordList(&[
    "Mr", "Mrs", "Ms", "Dr", "Atty", "St", "Mt", "Ft", "Gen", "Col", "Lt", "Sen", "Rep", "Gov",
    "Prof", "Capt", "Sgt", "Maj", "Rev", "Jr", "Sr", "Adm", "Cmdr", "Mme",
]);

pub fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_uppercase())
}

pub fn is_all_caps(word: &str) -> bool {
    let mut letters = false;
    for &b in word.as_bytes() {
        if b >= 0x80 {
            return is_all_caps_unicode(word);
        }
        if b.is_ascii_lowercase() {
            return false;
        }
        letters |= b.is_ascii_uppercase();
    }
    letters
}

fn is_all_caps_unicode(word: &str) -> bool {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| c.is_uppercase())
}

fn word<'a>(text: &'a str, tokens: &[Token], i: usize) -> Option<&'a str> {
    tokens
        .get(i)
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text(text))
}

fn continues_name(word: &str) -> bool {
    (is_capitalized(word) || has_article_prefix(word))
        && !lists(word).any(Lists::MONTH_OR_DAY | Lists::SENTENCE_WORD)
        && !is_modifier_compound(word)
}

/// Arabic surnames with their article: "al-Assad", "el-Sisi", "bin-Salman".
fn has_article_prefix(word: &str) -> bool {
    // Every article has two or three letters: its hyphen is looked for there only.
    let dash = match word.as_bytes() {
        [_, _, b'-', ..] => 2,
        [_, _, _, b'-', ..] => 3,
        _ => return false,
    };
    let (prefix, rest) = (&word[..dash], &word[dash + 1..]);
    matches!(
        prefix,
        "al" | "el" | "ad" | "ash" | "as" | "bin" | "ibn" | "abu"
    ) && rest.starts_with(|c: char| c.is_uppercase())
}

/// "Hague-based", "Russian-led": a name turned into a modifier, which ends a name.
pub fn is_modifier_compound(word: &str) -> bool {
    // Most words asked about have no hyphen: that is asked first.
    if !lexicon::has_hyphen(word) {
        return false;
    }
    word.bytes().rposition(|b| b == b'-').is_some_and(|dash| {
        matches!(
            &word[dash + 1..],
            "based"
                | "led"
                | "backed"
                | "born"
                | "made"
                | "owned"
                | "controlled"
                | "run"
                | "funded"
                | "bound"
                | "style"
                | "era"
                | "type"
                | "speaking"
                | "oriented"
                | "friendly"
                | "sponsored"
                | "brokered"
                | "linked"
                | "allied"
                | "aligned"
                | "held"
                | "occupied"
                | "dominated"
                | "educated"
                | "trained"
                | "registered"
                | "listed"
                | "headquartered"
                | "centric"
                | "wide"
                | "language"
        )
    })
}

/// Finds the runs of one sentence after another, keeping its buffers from one to the next.
#[derive(Default)]
pub struct RunFinder<'t> {
    runs: Vec<Run>,
    /// The words of the run being read, with their token indexes.
    words: Vec<(usize, &'t str)>,
    boundaries: Vec<usize>,
}

impl<'t> RunFinder<'t> {
    /// Runs in one sentence's tokens. `lowercase_seen` says whether a word's lowercase form
    /// is written somewhere in the article, which makes a sentence-initial capital
    /// uninformative.
    pub fn find(
        &mut self,
        text: &'t str,
        tokens: &[Token],
        lowercase_seen: &dyn Fn(&str) -> bool,
    ) -> &[Run] {
        self.runs.clear();
        let first_word = tokens.iter().position(|t| t.kind == Kind::Word);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < tokens.len() {
            // Most words open with an ASCII byte that is not a capital: such a word opens no run,
            // and is passed over without being read.
            let opening = bytes[tokens[i].range.start];
            if opening.is_ascii() && !opening.is_ascii_uppercase() {
                i += 1;
                continue;
            }
            let Some(w) = word(text, tokens, i) else {
                i += 1;
                continue;
            };
            let initial = Some(i) == first_word;
            let starts = is_capitalized(w) && !NOT_NAMES.contains(w) && !is_contraction(w);
            // A dictionary word that opens a sentence is only dropped when it would glue itself
            // to the name after it ("Exclaimed Stram"); alone it is left to the article's
            // evidence. Asked only of a word that may start a name; the large tables last.
            let common = starts
                && initial
                && (is_common_word(w, lowercase_seen) || {
                    let next = word(text, tokens, i + 1);
                    next.is_some_and(is_capitalized)
                        && !opens_or_ends_kind(w)
                        && lexicon::is_dictionary_word(w)
                        && !is_known_name(w)
                        && !next.is_some_and(|next| PLACES.contains(next))
                });
            if !(starts && !common || starts_ordinal_name(text, tokens, i)) {
                i += 1;
                continue;
            }
            let (start, after_title) = match title_prefix(text, tokens, i) {
                Some((name, of)) => (name, !of),
                None => (i, false),
            };
            let initial = initial && start == i;
            let end = if is_modifier_compound(w) {
                start + 1
            } else {
                extend(text, tokens, start)
            };
            self.words_of(text, tokens, start..end);
            given_name_boundaries(&self.words, &mut self.boundaries);
            self.boundaries.push(end);
            let mut piece_start = start;
            for b in 0..self.boundaries.len() {
                let boundary = self.boundaries[b];
                let first = piece_start == start;
                let piece = Piece {
                    tokens: piece_start..boundary,
                    initial: initial && first,
                    after_title: after_title && first,
                };
                // A run without a full name inside is one piece, whose words are the run's.
                if self.boundaries.len() > 1 {
                    self.words_of(text, tokens, piece.tokens.clone());
                }
                split_titles(text, tokens, piece, &self.words, &mut self.runs);
                piece_start = boundary;
            }
            i = end;
        }
        &self.runs
    }

    /// Fills `words` with the words among `tokens[range]`.
    fn words_of(&mut self, text: &'t str, tokens: &[Token], range: Range<usize>) {
        self.words.clear();
        self.words
            .extend(range.filter_map(|i| word(text, tokens, i).map(|w| (i, w))));
    }
}

/// Whether `w` is a common word that names no title, nationality, known organization or place:
/// the gazetteer, the largest table, is asked last.
fn is_common_word(w: &str, lowercase_seen: &dyn Fn(&str) -> bool) -> bool {
    !is_all_caps(w)
        && !lists(w).any(Lists::TITLE | Lists::DEMONYM | Lists::KNOWN_ORG)
        && (lexicon::is_common_word(w) || lowercase_seen(w))
        && !is_place(w)
}

/// "We'll", "Don't", "I'm": a pronoun or verb with its clitic, never a name.
fn is_contraction(word: &str) -> bool {
    // Every apostrophe is `'` or opens with the byte that `’` does.
    if !holds_either(word.as_bytes(), b'\'', 0xe2) {
        return false;
    }
    ["ll", "re", "ve", "d", "m"]
        .iter()
        .any(|clitic| word.strip_suffix(clitic).is_some_and(ends_with_apostrophe))
        || word
            .strip_suffix('t')
            .and_then(|w| w.strip_suffix(['\'', '’']))
            .is_some_and(|w| w.ends_with('n'))
}

fn ends_with_apostrophe(word: &str) -> bool {
    word.ends_with(['\'', '’'])
}

/// Abbreviations that end a name and keep their full stop in it ("Raymond Fortin Sr.",
/// "American Screw Co.").
const NAME_FINAL_ABBREVIATIONS: WordList = WordList(&[
    "Jr", "Sr", "Co", "Inc", "Corp", "Ltd", "Bros", "St", "Ave", "Cir", "Rd", "Blvd", "Hwy",
]);

/// "Second World War", "Third Reich"-like names: an ordinal that opens a run of capitalized
/// words ending like an event, organization or place name.
fn starts_ordinal_name(text: &str, tokens: &[Token], at: usize) -> bool {
    const ORDINALS: WordList = WordList(&[
        "First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
        "Tenth",
    ]);
    let opens_with_ordinal =
        word(text, tokens, at).is_some_and(|w| is_capitalized(w) && ORDINALS.contains(w));
    if !opens_with_ordinal || !word(text, tokens, at + 1).is_some_and(continues_name) {
        return false;
    }
    let end = extend(text, tokens, at);
    word(text, tokens, end - 1).is_some_and(|last| {
        lexicon::MISC_TAILS.contains(last)
            || ORG_TAILS.contains(last)
            || lexicon::LOC_TAILS.contains(last)
    })
}

/// Where the name starts after a person's title that opens a run ("State Secretary of the
/// Union State", "Mr. Kobyakov"), and whether an "of" came between them.
fn title_prefix(text: &str, tokens: &[Token], start: usize) -> Option<(usize, bool)> {
    let mut j = start;
    let mut core = false;
    while let Some(w) = word(text, tokens, j).filter(|w| lexicon::is_title(w)) {
        core |= lexicon::is_core_title(w);
        j += 1;
        if DOTTED.contains(w) && tokens.get(j).is_some_and(|t| t.text(text) == ".") {
            j += 1;
        }
    }
    if !core {
        return None;
    }
    let of = word(text, tokens, j) == Some("of");
    if of {
        j += 1;
        if word(text, tokens, j) == Some("the") {
            j += 1;
        }
    }
    word(text, tokens, j)
        .filter(|w| continues_name(w) && !NOT_NAMES.contains(w) && !TITLES.contains(w))
        .map(|_| (j, of))
}

/// The end (exclusive token index) of the run that starts at `start`.
fn extend(text: &str, tokens: &[Token], start: usize) -> usize {
    let head = word(text, tokens, start).unwrap_or_default();
    let mut end = start + 1;
    let mut joined_by: Option<&str> = None;
    loop {
        let last = word(text, tokens, end - 1).unwrap_or_default();
        if let Some(next) = word(text, tokens, end) {
            if continues_name(next) {
                end += 1;
                continue;
            }
            if let Some(taken) = connector(text, tokens, end, head, last, joined_by) {
                joined_by = joined_by.or(Some(last));
                end += taken;
                continue;
            }
            break;
        }
        let ampersand = tokens.get(end).is_some_and(|t| t.text(text) == "&")
            && word(text, tokens, end + 1).is_some_and(continues_name);
        if ampersand {
            end += 2;
            continue;
        }
        let dotted = tokens.get(end).is_some_and(|t| t.text(text) == ".")
            && (DOTTED.contains(last) || last.chars().count() == 1 && is_all_caps(last))
            && word(text, tokens, end + 1).is_some_and(continues_name);
        if dotted {
            end += 2;
            continue;
        }
        break;
    }
    let last = word(text, tokens, end - 1).unwrap_or_default();
    // The full stop is looked for first: most names are not followed by one.
    let final_dot = tokens
        .get(end)
        .is_some_and(|t| t.text(text) == "." && t.range.start == tokens[end - 1].range.end)
        && (NAME_FINAL_ABBREVIATIONS.contains(last) || STATE_ABBREVIATIONS.contains(last));
    if final_dot {
        end += 1;
    }
    end
}

/// How many tokens of connector (one or two) sit at `at` before the run goes on with a
/// capitalized word, if the run may take them: "of (the)" after an organization, place or event
/// head; "on/for (the)" after an organization or document; "and" inside a name already joined
/// by "of", when the name opens like an organization or document or the word before "of"
/// (`joined_by`) is not a place's head ("Ministry of Trade and Industry", "Union State of
/// Russia and Belarus", not "Republic of Belarus and Russia"); "&"; name particles between two
/// names.
fn connector(
    text: &str,
    tokens: &[Token],
    at: usize,
    head: &str,
    last: &str,
    joined_by: Option<&str>,
) -> Option<usize> {
    let c = word(text, tokens, at)?;
    if NAME_PARTICLES.contains(c) {
        let particles = (at..)
            .take_while(|&i| word(text, tokens, i).is_some_and(|w| NAME_PARTICLES.contains(w)))
            .count();
        return word(text, tokens, at + particles)
            .filter(|w| continues_name(w))
            .map(|_| particles);
    }
    let mut skip = 0;
    let allowed = match c {
        "of" => {
            joined_by.is_some()
                || lists(last).any(
                    Lists::LOC_HEAD
                        | Lists::LOC_TAIL
                        | Lists::ORG_HEAD
                        | Lists::ORG_TAIL
                        | Lists::MISC_HEAD,
                )
                || lists(head).any(Lists::ORG_HEAD | Lists::LOC_HEAD | Lists::MISC_HEAD)
        }
        "on" | "for" => lists(last).any(Lists::MISC_HEAD | Lists::ORG_TAIL | Lists::ORG_HEAD),
        "&" => true,
        "and" if is_known_pair(text, tokens, at, last) => true,
        "and" => {
            joined_by.is_some() && (ORG_HEADS.contains(head) || MISC_HEADS.contains(head))
                || joined_by
                    .is_some_and(|h| !LOC_HEADS.contains(h) && !lexicon::LOC_TAILS.contains(h))
                    && !LOC_HEADS.contains(head)
                || !is_known_name(last) && ends_in_kind_word(text, tokens, at + 1)
        }
        _ => false,
    };
    if !allowed {
        return None;
    }
    let article = word(text, tokens, at + 1);
    // Documents name what they create: "Agreement on the Creation of a Federal State".
    let document = MISC_HEADS.contains(head) && matches!(article, Some("a" | "an"));
    if matches!(c, "of" | "on" | "for") && (article == Some("the") || document) {
        skip = 1;
    }
    word(text, tokens, at + 1 + skip)
        .filter(|w| continues_name(w) && !NOT_NAMES.contains(w))
        .map(|_| skip + 1)
}

/// Where a person's full name starts inside a run, after a place, organization or other name
/// ("the Union State of Russia and Belarus Dmitry Mezentsev"): a given name followed by another
/// capitalized word, after a word that is not itself a given name or a title.
fn given_name_boundaries(words: &[(usize, &str)], boundaries: &mut Vec<usize>) {
    boundaries.clear();
    boundaries.extend(
        (1..words.len().saturating_sub(1))
            .filter(|&k| {
                let (before, name, after) = (words[k - 1].1, words[k].1, words[k + 1].1);
                GIVEN_NAMES.contains(name)
                    && is_capitalized(after)
                    && is_capitalized(before)
                    && !GIVEN_NAMES.contains(before)
                    && !NAME_PARTICLES.contains(before)
            })
            .map(|k| words[k].0),
    );
}

/// "Bosnia and Herzegovina", "Trinidad and Tobago": a known name with "and" inside.
fn is_known_pair(text: &str, tokens: &[Token], at: usize, last: &str) -> bool {
    PAIR_FIRST_WORDS.contains(last)
        && word(text, tokens, at + 1).is_some_and(|next| {
            let pair = format!("{last} and {next}");
            PLACES.contains(pair.as_str()) || KNOWN_ORGS.contains(pair.as_str())
        })
}

/// The words before "and" in the known names of two words joined by it: the pair is looked for
/// only after one of them.
static PAIR_FIRST_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    PLACES
        .iter()
        .map(CompactString::as_str)
        .chain(KNOWN_ORGS.iter())
        .filter_map(|name| name.split_once(" and ").map(|(first, _)| first))
        .collect()
});

fn is_known_name(word: &str) -> bool {
    lists(word).any(Lists::DEMONYM | Lists::KNOWN_ORG | Lists::GIVEN_NAME) || is_place(word)
}

/// Words that open or close names of a kind ("Hurricane Idalia", "Ministry of Defence",
/// "Grodno Oblast").
fn opens_or_ends_kind(word: &str) -> bool {
    lists(word).any(KIND_WORDS) || MISC_FIRST_WORDS.contains(word)
}

/// The lists of words that open or close names of a kind.
const KIND_WORDS: Lists = Lists::ORG_HEAD
    .or(Lists::LOC_HEAD)
    .or(Lists::MISC_HEAD)
    .or(Lists::ORG_TAIL)
    .or(Lists::LOC_TAIL)
    .or(Lists::MISC_TAIL);

/// Whether the capitalized words from `from` end in a word that ends organization or event
/// names: "and Road Initiative", "and Industry Ministry".
fn ends_in_kind_word(text: &str, tokens: &[Token], from: usize) -> bool {
    let mut last = None;
    let mut i = from;
    while let Some(w) = word(text, tokens, i).filter(|w| continues_name(w)) {
        if is_known_name(w) {
            return false;
        }
        last = Some(w);
        i += 1;
    }
    last.is_some_and(|w| ORG_TAILS.contains(w) || MISC_TAILS.contains(w))
}

/// Splits a person's title off a run and pushes what is left: the words before the title when
/// they name a place or nationality ("Russian"), and the name after it.
/// A stretch of a run between full names, before its titles are split off.
struct Piece {
    tokens: Range<usize>,
    initial: bool,
    after_title: bool,
}

/// `words` are the piece's words with their token indexes.
fn split_titles(
    text: &str,
    tokens: &[Token],
    piece: Piece,
    words: &[(usize, &str)],
    runs: &mut Vec<Run>,
) {
    let Piece {
        tokens: run,
        initial,
        after_title,
    } = piece;
    let title_at = |k: usize| -> Option<usize> {
        let mut end = k;
        while end < words.len() && lexicon::is_title(words[end].1) {
            end += 1;
        }
        let core = words[k..end].iter().any(|(_, w)| lexicon::is_core_title(w));
        core.then_some(end)
    };
    let prefix_ok = |k: usize| {
        let prefix = &text[tokens[run.start].range.start..tokens[words[k - 1].0].range.end];
        lists(prefix).any(Lists::KNOWN_ORG)
            || is_place(prefix)
            || lists(words[k - 1].1).any(Lists::ORG_TAIL | Lists::LOC_TAIL)
            || words[..k].iter().all(|(_, w)| {
                lists(w).any(Lists::DEMONYM | Lists::KNOWN_ORG)
                    || is_place(w)
                    || lexicon::has_hyphen(w)
            })
    };
    let split = (0..words.len())
        .filter(|&k| k == 0 || is_capitalized(words[k - 1].1))
        .find_map(|k| title_at(k).map(|end| (k, end)))
        .filter(|&(k, end)| {
            // "Alan Lawrence Pope", "Howard M. Dean": a surname that is also a title.
            let surname =
                end == words.len() && words[..k].iter().any(|(_, w)| GIVEN_NAMES.contains(w));
            // "Premier League", "President Hotel": the title word names a thing of that kind.
            let kind = end < words.len()
                && words
                    .last()
                    .is_some_and(|(_, w)| lists(w).any(Lists::ORG_TAIL | Lists::MISC_TAIL));
            (k == 0 || !surname) && !kind
        });
    match split {
        Some((k, end)) => {
            if k > 0 && prefix_ok(k) {
                runs.push(Run {
                    tokens: run.start..words[k - 1].0 + 1,
                    sentence_initial: initial,
                    after_title: false,
                });
            }
            let rest = words[end..]
                .iter()
                .position(|(_, w)| is_capitalized(w) && !TITLES.contains(w))
                .map(|p| words[end + p].0);
            if let Some(rest) = rest {
                runs.push(Run {
                    tokens: rest..run.end,
                    sentence_initial: false,
                    after_title: true,
                });
            }
        }
        None => runs.push(Run {
            tokens: run,
            sentence_initial: initial,
            after_title,
        }),
    }
}
