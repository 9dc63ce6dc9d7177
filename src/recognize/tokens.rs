//! Tokens for the date and figure recognizers: runs of letters, runs of digits (with the
//! thousands separators and decimal point inside them), and single punctuation characters, each
//! with its byte range and whether whitespace or a line break precedes it. Recognizers match
//! token patterns instead of regexes so that one pass over the text is enough; the tokenizer
//! lists, as it goes, the few tokens a date or figure may start at, so that the scan asks about
//! those alone. Entity recognition, which splits words its own way, takes those of them that it
//! would read the same.

use super::ascii_runs;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Whitespace separates this token from the previous one.
    pub space_before: bool,
    /// A line break separates this token from the previous one: patterns never cross it.
    pub break_before: bool,
    /// Name recognition, which splits words its own way, reads this ASCII token as it stands: a
    /// word or a number without separators that nothing after it carries on, or a punctuation
    /// mark other than an apostrophe. It takes such tokens without reading their bytes again.
    pub stands_as_name: bool,
}

/// The tokens of a text, with helpers to read them.
pub struct Tokens<'a> {
    pub text: &'a str,
    /// The text with ASCII letters in lower case: same length, same offsets.
    lower_text: String,
    pub list: Vec<Token>,
    /// The tokens a date or a figure may start at, as far as a glance tells, in order: numbers,
    /// punctuation marks before a number, and words of ASCII letters whose first eight, in lower
    /// case, the openers given to the tokenizer mark. The scan looks closer at these alone.
    pub may_open: Vec<usize>,
    /// The words of ASCII letters written somewhere with a lowercase first letter, marked by
    /// their first eight letters in lower case: a word not marked is written so nowhere.
    pub lowercase_words: WordMarks,
    /// Where the article's own sentences start (byte offsets, sorted): after a dateline or a date
    /// header, a story's first word opens a sentence though nothing in the line says so.
    sentence_starts: Vec<usize>,
}

/// A word in lower case (ASCII letters only).
#[derive(Clone, Copy)]
pub struct Lower<'t>(&'t str);

impl<'t> Lower<'t> {
    pub fn as_str(&self) -> &'t str {
        self.0
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        self.0
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl std::fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl<'a> Tokens<'a> {
    /// The tokens of `text`, those that [`Tokens::may_open`] (words told by `openers`), and
    /// the [`Tokens::lowercase_words`].
    pub fn new(text: &'a str, openers: &WordMarks) -> Tokens<'a> {
        let (list, may_open, lowercase_words) = tokenize(text, openers);
        Tokens {
            text,
            lower_text: text.to_ascii_lowercase(),
            list,
            may_open,
            lowercase_words,
            sentence_starts: Vec::new(),
        }
    }

    /// The tokens of an article whose sentences start at `starts` (sorted byte offsets).
    pub fn with_sentence_starts(mut self, starts: Vec<usize>) -> Self {
        self.sentence_starts = starts;
        self
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn str(&self, i: usize) -> &'a str {
        self.list.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.list.get(i).map(|t| t.kind)
    }

    /// The word at `i` in lower case; empty for other tokens.
    pub fn lower(&self, i: usize) -> Lower<'_> {
        match self.list.get(i) {
            Some(t) if t.kind == Kind::Word => Lower(&self.lower_text[t.start..t.end]),
            _ => Lower(""),
        }
    }

    /// The word at `i` in lower case as one number ([`word_key`]), when it has eight bytes or
    /// fewer.
    pub fn lower_key(&self, i: usize) -> Option<u64> {
        let t = self.list.get(i).filter(|t| t.kind == Kind::Word)?;
        let len = t.end - t.start;
        // The bytes after the word are masked off.
        (1..=8).contains(&len).then(|| {
            ascii_runs::chunk(self.lower_text.as_bytes(), t.start) & (u64::MAX >> (64 - 8 * len))
        })
    }

    /// Whether the word at `i` is `word`, ignoring case.
    pub fn is(&self, i: usize, word: &str) -> bool {
        self.kind(i) == Some(Kind::Word) && self.str(i).eq_ignore_ascii_case(word)
    }

    /// Whether the token at `i` is the punctuation `p`.
    pub fn punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.str(i) == p
    }

    /// A dash of any kind (hyphen, en dash, em dash, minus).
    pub fn dash(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Punct) && matches!(self.str(i), "-" | "–" | "—" | "‒" | "−")
    }

    /// The token at `i` follows the previous one with no whitespace.
    pub fn attached(&self, i: usize) -> bool {
        self.list.get(i).is_some_and(|t| !t.space_before) && i > 0
    }

    /// The token at `i` exists and no line break comes before it.
    pub fn continues(&self, i: usize) -> bool {
        self.list.get(i).is_some_and(|t| !t.break_before)
    }

    /// Whether the number at `i` is one of a chain of numbers joined by spaces, dashes, dots or
    /// brackets with no word between them, three or more long or opened by "+": a phone number
    /// or a code, not a figure.
    pub fn in_number_chain(&self, i: usize) -> bool {
        let linked = |a: usize| {
            // Tokens a and a + 1 are linked when a separator joins two numbers.
            let b = a + 1;
            match (self.kind(a), self.kind(b)) {
                (Some(Kind::Number), Some(Kind::Number)) => self.continues(b),
                (Some(Kind::Number), Some(Kind::Punct))
                | (Some(Kind::Punct), Some(Kind::Number)) => {
                    let p = if self.kind(a) == Some(Kind::Punct) {
                        a
                    } else {
                        b
                    };
                    self.continues(b)
                        && matches!(self.str(p), "-" | "." | "(" | ")" | "/")
                        && (self.attached(b) || matches!(self.str(p), "(" | ")"))
                }
                _ => false,
            }
        };
        let mut first = i;
        while first > 0 && linked(first - 1) {
            first -= 1;
        }
        let mut last = i;
        while linked(last) {
            last += 1;
        }
        let numbers = (first..=last)
            .filter(|&k| self.kind(k) == Some(Kind::Number))
            .count();
        let plus = first > 0 && self.punct(first - 1, "+") || self.punct(first, "+");
        numbers >= 3 || (plus && numbers >= 1)
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word) && self.str(i).starts_with(|c: char| c.is_uppercase())
    }

    /// Whether the token at `i` opens a sentence: first in its line, first in one of the
    /// article's sentences, or after a full stop, question or exclamation mark, colon, or an
    /// opening quote or bracket.
    pub fn sentence_start(&self, i: usize) -> bool {
        if self
            .list
            .get(i)
            .is_some_and(|t| self.sentence_starts.binary_search(&t.start).is_ok())
        {
            return true;
        }
        let mut j = i;
        loop {
            if j == 0 || self.list[j].break_before {
                return true;
            }
            let prev = self.str(j - 1);
            match prev {
                "\"" | "“" | "‘" | "'" | "(" | "«" | "[" => j -= 1,
                "." | "!" | "?" | ":" | "…" | ";" => return true,
                _ => return false,
            }
        }
    }
}

/// A word of one to eight bytes as one number: its bytes, the first lowest, zeros after the
/// last. Two such words are the same exactly when their keys are.
pub fn word_key(word: &[u8]) -> Option<u64> {
    (1..=8)
        .contains(&word.len())
        .then(|| ascii_runs::chunk(word, 0))
}

/// A bit for each word of a set, by the [`word_key`] of its first eight letters: a first test
/// that turns most other words away without the set being asked (a few share a bit with a word
/// of it).
pub struct WordMarks([u64; MARK_WORDS]);

/// The bits of [`WordMarks`]: 4,096, enough for a set of a few hundred words with few other
/// words sharing a bit. An article's lowercase words, a thousand or so, fill more of them: a word
/// that shares a bit with one of them is only searched for.
const MARK_WORDS: usize = 64;

/// No word marked.
impl Default for WordMarks {
    fn default() -> WordMarks {
        WordMarks([0; MARK_WORDS])
    }
}

impl WordMarks {
    pub fn mark(&mut self, key: u64) {
        self.set(Self::mark_of(key));
    }

    /// Whether the bit of `key` is set: true for every word marked, false for most others.
    pub fn is_marked(&self, key: u64) -> bool {
        self.has(Self::mark_of(key))
    }

    fn set(&mut self, (word, bit): (usize, u64)) {
        self.0[word] |= bit;
    }

    fn has(&self, (word, bit): (usize, u64)) -> bool {
        self.0[word] & bit != 0
    }

    /// The word of the marks and the bit in it that a key marks: the key's top twelve bits
    /// after a multiplication that spreads every byte of the key over them.
    fn mark_of(key: u64) -> (usize, u64) {
        let mark = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 52) as usize;
        (mark / 64, 1 << (mark % 64))
    }
}

/// What an ASCII byte starts or continues, for the tokenizer; letters, the commonest, are told
/// apart before this is asked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Break,
    Digit,
    Other,
}

static CLASS: [Class; 128] = {
    let mut class = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = match c {
            b'\n' | b'\r' => Class::Break,
            b' ' | b'\t' | 0x0c => Class::Space,
            b'0'..=b'9' => Class::Digit,
            _ => Class::Other,
        };
        b += 1;
    }
    class
};

/// The tokens of `text`, those of them that may open a date or a figure at a glance
/// ([`Tokens::may_open`]), and the marks of the words written in lowercase
/// ([`Tokens::lowercase_words`]).
fn tokenize(text: &str, openers: &WordMarks) -> (Vec<Token>, Vec<usize>, WordMarks) {
    let bytes = text.as_bytes();
    let class = |i: usize| bytes.get(i).map(|&b| CLASS[usize::from(b & 0x7f)]);
    // Brown-style text, with spaces around punctuation, has a token every four bytes or so.
    let mut tokens: Vec<Token> = Vec::with_capacity(text.len() / 3 + 1);
    // Brown-style text has a token worth a closer look every hundred bytes or so.
    let mut may_open = Vec::with_capacity(text.len() / 64 + 1);
    let mut lowercase_words = WordMarks::default();
    let mut i = 0;
    let mut space_before = true;
    let mut break_before = true;
    while i < bytes.len() {
        let b = bytes[i];
        let start = i;
        let mut stands_as_name = false;
        // Words are most tokens: they are tried first, apart from the other kinds.
        let kind = if b.is_ascii_alphabetic() {
            let letters = 1 + ascii_runs::letters(bytes, i + 1);
            i += letters;
            if bytes.get(i).is_some_and(|&b| b >= 0x80) {
                i = word_end(text, i);
            } else {
                stands_as_name = !ascii_runs::carries_word_on(bytes.get(i));
            }
            // Only words of ASCII letters are keyed: no opener has others, and the lowercase
            // marks are asked about these alone.
            if i == start + letters {
                let mark =
                    WordMarks::mark_of(ascii_runs::lowercase_letters_key(bytes, start, letters));
                if openers.has(mark) {
                    may_open.push(tokens.len());
                }
                if b.is_ascii_lowercase() {
                    lowercase_words.set(mark);
                }
            }
            Kind::Word
        } else if b >= 0x80 {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                space_before = true;
                break_before |= matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}');
                continue;
            }
            if c.is_alphabetic() {
                i = word_end(text, i);
                Kind::Word
            } else {
                Kind::Punct
            }
        } else {
            match CLASS[usize::from(b)] {
                Class::Space => {
                    space_before = true;
                    i += 1;
                    continue;
                }
                Class::Break => {
                    space_before = true;
                    break_before = true;
                    i += 1;
                    continue;
                }
                Class::Digit => {
                    i += 1;
                    let mut separated = false;
                    loop {
                        match class(i) {
                            Some(Class::Digit) => i += 1,
                            _ if matches!(bytes.get(i), Some(b',' | b'.'))
                                && class(i + 1) == Some(Class::Digit) =>
                            {
                                separated = true;
                                i += 2
                            }
                            _ => break,
                        }
                    }
                    stands_as_name = !separated && !ascii_runs::carries_word_on(bytes.get(i));
                    // A punctuation mark before a number may be a currency sign that opens a sum.
                    if tokens.last().is_some_and(|t| t.kind == Kind::Punct) {
                        may_open.push(tokens.len() - 1);
                    }
                    may_open.push(tokens.len());
                    Kind::Number
                }
                Class::Other => {
                    i += 1;
                    // An apostrophe may open a possessive; a vertical tab is space to names.
                    stands_as_name = !matches!(b, b'\'' | 0x0b);
                    Kind::Punct
                }
            }
        };
        tokens.push(Token {
            start,
            end: i,
            kind,
            space_before,
            break_before,
            stands_as_name,
        });
        space_before = false;
        break_before = false;
        // Most tokens are followed by a single space: it is stepped over here, rather than
        // read as a token of its own kind.
        if bytes.get(i) == Some(&b' ') {
            space_before = true;
            i += 1;
        }
    }
    (tokens, may_open, lowercase_words)
}

/// Where the letters that go on from byte `i` end, ASCII or not.
fn word_end(text: &str, mut i: usize) -> usize {
    while let Some(c) = text[i..].chars().next().filter(|c| c.is_alphabetic()) {
        i += c.len_utf8();
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_punctuation() {
        let t = Tokens::new(
            "US$2-2.5 billion, 400,000 jobs\nin Zürich.",
            &WordMarks::default(),
        );
        let parts: Vec<&str> = (0..t.len()).map(|i| t.str(i)).collect();
        assert_eq!(
            parts,
            ["US", "$", "2", "-", "2.5", "billion", ",", "400,000", "jobs", "in", "Zürich", "."]
        );
        assert!(t.attached(1));
        assert!(t.list[9].break_before);
    }

    /// The tokens worth a closer look are the numbers, a punctuation mark before a number (a
    /// currency sign among them), and the words of ASCII letters the openers mark, whatever their
    /// case, in text order.
    #[test]
    fn lists_the_tokens_that_may_open_a_date_or_figure() {
        let mut openers = WordMarks::default();
        openers.mark(word_key(b"may").unwrap_or_default());
        let t = Tokens::new("In MAY, $5 and 2018 we may go; Mayé €3 (7)", &openers);
        let listed: Vec<&str> = t.may_open.iter().map(|&i| t.str(i)).collect();
        assert_eq!(listed, ["MAY", "$", "5", "2018", "may", "€", "3", "(", "7"]);
        assert!(t.may_open.windows(2).all(|w| w[0] < w[1]));
    }

    /// A word's key is that of its lowercase bytes, read in the middle of a text or at its end;
    /// longer words and other tokens have none.
    #[test]
    fn a_word_key_is_its_lowercase_bytes() {
        let text = "The MAY 2018 Septembers, thursday x";
        let t = Tokens::new(text, &WordMarks::default());
        let keys: Vec<Option<u64>> = (0..t.len()).map(|i| t.lower_key(i)).collect();
        assert_eq!(
            keys,
            [
                word_key(b"the"),
                word_key(b"may"),
                None,
                None,
                None,
                word_key(b"thursday"),
                word_key(b"x"),
            ]
        );
        assert_ne!(word_key(b"may"), word_key(b"mayo"));
        assert_eq!(word_key(b""), None);
        assert_eq!(word_key(b"ninetieth"), None);
    }
}
