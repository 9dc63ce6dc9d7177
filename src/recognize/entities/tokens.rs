//! Word tokens for name finding: words keep inner apostrophes, hyphens and the dots of
//! abbreviations ("O'Brien", "Russian-Belarusian", "U.S."), while a possessive "'s" and all other
//! punctuation become tokens of their own, so a name never swallows them.

use std::ops::Range;

use super::runs::is_all_caps;
use crate::recognize::ascii_runs::alnum_run;
use crate::recognize::tokens::{Kind as ScannedKind, Token as ScannedToken};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the article text.
    pub range: Range<usize>,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// A possessive ending: `'s`, `’s` or a lone apostrophe after a plural.
    Possessive,
    Punct,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.range.clone()]
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// A stretch of text as characters by index, each with its byte offset in the article text.
pub trait Chars: Copy {
    fn len(self) -> usize;
    fn get(self, k: usize) -> Option<(usize, char)>;

    /// The character at `k`, which must be in the stretch.
    fn at(self, k: usize) -> char {
        self.get(k)
            .map(|(_, c)| c)
            .expect("index within the stretch")
    }
}

/// Decoded characters with their byte offsets: for text outside ASCII.
impl Chars for &[(usize, char)] {
    fn len(self) -> usize {
        <[(usize, char)]>::len(self)
    }

    fn get(self, k: usize) -> Option<(usize, char)> {
        <[(usize, char)]>::get(self, k).copied()
    }
}

/// Appends to `tokens` those of a stretch of text, the stretch ending at byte `end`.
pub fn tokenize_chars(chars: impl Chars, end: usize, tokens: &mut Vec<Token>) {
    let end_of = |k: usize| chars.get(k).map_or(end, |(i, _)| i);
    let mut k = 0;
    while k < chars.len() {
        let Some((start, c)) = chars.get(k) else {
            break;
        };
        if c.is_whitespace() {
            k += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            if is_apostrophe(c)
                && is_possessive_s(chars, k + 1)
                && k > 0
                && !chars.at(k - 1).is_whitespace()
            {
                tokens.push(Token {
                    range: start..end_of(k + 2),
                    kind: Kind::Possessive,
                });
                k += 2;
                continue;
            }
            tokens.push(Token {
                range: start..end_of(k + 1),
                kind: Kind::Punct,
            });
            k += 1;
            continue;
        }
        let mut j = k + 1;
        loop {
            match chars.get(j) {
                Some((_, c)) if c.is_alphanumeric() || is_mark(c) => j += 1,
                Some((_, c))
                    if (is_hyphen(c) || c == '&')
                        && chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric()) =>
                {
                    j += 2
                }
                Some((_, c))
                    if is_apostrophe(c)
                        && chars.get(j + 1).is_some_and(|(_, n)| n.is_alphabetic())
                        && !is_possessive_s(chars, j + 1) =>
                {
                    j += 2
                }
                Some((_, '.')) if is_abbreviation_dot(chars, k, j) => j += 1,
                Some((_, '.')) if is_domain_dot(chars, k, j) => j += 2,
                _ => break,
            }
        }
        tokens.push(Token {
            range: start..end_of(j),
            kind: Kind::Word,
        });
        k = j;
    }
}

// The classes of an ASCII byte, as bits of [`CLASS`]: a word's bytes are or-ed together to tell
// how it is cased without reading it again.
const SPACE: u8 = 1;
const ALNUM: u8 = 2;
const ALPHA: u8 = 4;
const LOWER: u8 = 8;
const UPPER: u8 = 16;

static CLASS: [u8; 128] = {
    let mut class = [0; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            SPACE
        } else if c.is_ascii_digit() {
            ALNUM
        } else if c.is_ascii_lowercase() {
            ALNUM | ALPHA | LOWER
        } else if c.is_ascii_uppercase() {
            ALNUM | ALPHA | UPPER
        } else {
            0
        };
        b += 1;
    }
    class
};

fn class(bytes: &[u8], k: usize) -> u8 {
    bytes.get(k).map_or(0, |&b| CLASS[usize::from(b & 0x7f)])
}

/// How the words of a stretch of text are written, as far as telling a line in capitals from
/// prose goes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Shapes {
    /// Words of two characters or more with letters in them.
    pub words: usize,
    /// Those of them in capitals.
    pub all_caps: usize,
    /// Those of them longer than three bytes.
    pub long: usize,
    /// The long ones that are capitalized.
    pub long_capitalized: usize,
}

impl Shapes {
    /// Counts `word`.
    pub fn add(&mut self, word: &str) {
        let mut chars = word.chars();
        let first = chars.next();
        if chars.next().is_none() || !word.chars().any(char::is_alphabetic) {
            return;
        }
        self.words += 1;
        if is_all_caps(word) {
            self.all_caps += 1;
        }
        if word.len() > 3 {
            self.long += 1;
            if first.is_some_and(char::is_uppercase) {
                self.long_capitalized += 1;
            }
        }
    }

    /// Counts an ASCII word of `len` bytes, given the classes its bytes have between them and
    /// the class of its first byte.
    ///
    /// Counted by adding truths rather than by branching on them: which way each goes is as
    /// good as random from one word to the next.
    fn add_ascii(&mut self, len: usize, classes: u8, first: u8) {
        let word = usize::from(len >= 2 && classes & ALPHA != 0);
        let long = word & usize::from(len > 3);
        self.words += word;
        self.all_caps += word & usize::from(classes & LOWER == 0);
        self.long += long;
        self.long_capitalized += long & usize::from(first & UPPER != 0);
    }
}

/// [`tokenize_chars`] for ASCII text starting at byte `start` of the article, read as bytes
/// without decoding: most sentences are ASCII, and decoding them would cost more than the
/// tokenizing. The tokens are appended to `tokens`; the shapes of the words, counted on the way,
/// are returned.
///
/// `scanned` are the tokens the date and figure scan read from the same text, in text order
/// (those before the stretch are passed over and those in it consumed, so that one slice serves
/// the stretches of an article one after the other; it may be empty). Most of them are already
/// the tokens wanted here, a word or a punctuation mark as it stands, and the scan says which:
/// those are taken as they are, and the bytes are read only where the two tokenizers part (a
/// hyphen, an apostrophe or a full stop after a word, a number with separators, whitespace the
/// scan does not skip).
pub fn tokenize_ascii(
    bytes: &[u8],
    start: usize,
    scanned: &mut &[ScannedToken],
    tokens: &mut Vec<Token>,
) -> Shapes {
    debug_assert!(bytes.is_ascii());
    // Counted here rather than through a reference, so that the counts can stay in registers.
    let mut shapes = Shapes::default();
    let mut k = 0;
    while k < bytes.len() {
        let at = start + k;
        while let [passed, rest @ ..] = *scanned {
            if passed.start >= at {
                break;
            }
            *scanned = rest;
        }
        // The scanned tokens that stand, one after the other, are taken in a loop of their own.
        let mut taken = false;
        while let [same, rest @ ..] = *scanned {
            if same.start != start + k || same.end - start > bytes.len() || !same.stands_as_name {
                break;
            }
            k = take_scanned(bytes, start, k, same, tokens, &mut shapes);
            *scanned = rest;
            taken = true;
        }
        if !taken {
            k = read_token(bytes, start, k, tokens, &mut shapes);
        }
    }
    shapes
}

/// Appends the scanned token at byte `k`, which [`ScannedToken::stands_as_name`]; returns where
/// the next token may start.
#[inline(always)]
fn take_scanned(
    bytes: &[u8],
    start: usize,
    k: usize,
    scanned: &ScannedToken,
    tokens: &mut Vec<Token>,
    shapes: &mut Shapes,
) -> usize {
    let end = scanned.end - start;
    let kind = match scanned.kind {
        ScannedKind::Punct => Kind::Punct,
        // Digits alone are a word, but no word to count.
        ScannedKind::Number => Kind::Word,
        ScannedKind::Word => {
            let word = &bytes[k..end];
            let lower = if word.iter().any(u8::is_ascii_lowercase) {
                LOWER
            } else {
                0
            };
            shapes.add_ascii(word.len(), ALNUM | ALPHA | lower, class(bytes, k));
            Kind::Word
        }
    };
    tokens.push(Token {
        range: start + k..start + end,
        kind,
    });
    after_space(bytes, end)
}

/// Where the next token may start after one that ends at byte `end`: most tokens are followed
/// by a single space, which is stepped over here rather than read at the top of the loop.
fn after_space(bytes: &[u8], end: usize) -> usize {
    if bytes.get(end) == Some(&b' ') {
        end + 1
    } else {
        end
    }
}

/// Reads the token at byte `k` of ASCII text starting at byte `start` of the article, appends it
/// and counts its shape; steps over whitespace. Returns where the next token may start.
#[inline(always)]
fn read_token(
    bytes: &[u8],
    start: usize,
    k: usize,
    tokens: &mut Vec<Token>,
    shapes: &mut Shapes,
) -> usize {
    let possessive_s =
        |k: usize| matches!(bytes.get(k), Some(b's' | b'S')) && class(bytes, k + 1) & ALNUM == 0;
    let b = bytes[k];
    let c = CLASS[usize::from(b & 0x7f)];
    if c & SPACE != 0 {
        return k + 1;
    }
    if c & ALNUM == 0 {
        let width =
            if b == b'\'' && possessive_s(k + 1) && k > 0 && class(bytes, k - 1) & SPACE == 0 {
                2
            } else {
                1
            };
        tokens.push(Token {
            range: start + k..start + (k + width).min(bytes.len()),
            kind: if width == 2 {
                Kind::Possessive
            } else {
                Kind::Punct
            },
        });
        return after_space(bytes, k + width);
    }
    let mut j = k + 1;
    let mut classes = c;
    loop {
        let run = alnum_run(bytes, j);
        j += run.len;
        classes |= u8::from(run.lowercase) * (ALPHA | LOWER);
        classes |= u8::from(run.uppercase) * (ALPHA | UPPER);
        let Some(&b) = bytes.get(j) else {
            break;
        };
        // Most words end at a space: the byte after a joiner is read only after one.
        let next = || class(bytes, j + 1);
        match b {
            b'-' | b'&' if next() & ALNUM != 0 => j += 2,
            b'\'' if next() & ALPHA != 0 && !possessive_s(j + 1) => j += 2,
            b'.' if is_ascii_abbreviation_dot(bytes, k, j) => {
                j += 1;
                continue;
            }
            b'.' if is_ascii_domain_dot(bytes, k, j) => j += 2,
            _ => break,
        }
        classes |= class(bytes, j - 1);
    }
    shapes.add_ascii(j - k, classes, c);
    tokens.push(Token {
        range: start + k..start + j,
        kind: Kind::Word,
    });
    after_space(bytes, j)
}

/// [`is_abbreviation_dot`] on ASCII bytes.
fn is_ascii_abbreviation_dot(bytes: &[u8], start: usize, dot: usize) -> bool {
    let single_letters = (dot - start) % 2 == 1
        && bytes[start..dot].iter().enumerate().all(|(i, &b)| {
            if i % 2 == 0 {
                b.is_ascii_alphabetic()
            } else {
                b == b'.'
            }
        });
    single_letters
        && (class(bytes, dot + 1) & ALPHA != 0
            && bytes
                .get(dot + 2)
                .map_or(true, |&n| n == b'.' || class(bytes, dot + 2) & ALNUM == 0)
            || dot > start + 1)
}

/// [`is_domain_dot`] on ASCII bytes.
fn is_ascii_domain_dot(bytes: &[u8], start: usize, dot: usize) -> bool {
    let next = class(bytes, dot + 1);
    let shouting = bytes[start..dot].iter().all(|b| !b.is_ascii_lowercase());
    dot > start + 1 && (next & LOWER != 0 || shouting && next & UPPER != 0)
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// The dot of a web address written as a name ("URA.RU", "Amazon.com"): letters follow it, in
/// lowercase, or in capitals after a word in capitals. A capital after a lowercase word is a
/// sentence that lost its space ("Minsk.The").
fn is_domain_dot(chars: impl Chars, start: usize, dot: usize) -> bool {
    let Some((_, next)) = chars.get(dot + 1) else {
        return false;
    };
    let shouting = (start..dot).all(|i| !chars.at(i).is_lowercase());
    dot > start + 1 && (next.is_lowercase() || shouting && next.is_uppercase())
}

/// `s` or `S` that ends a word: the possessive after an apostrophe.
fn is_possessive_s(chars: impl Chars, k: usize) -> bool {
    chars.get(k).is_some_and(|(_, c)| c == 's' || c == 'S')
        && chars.get(k + 1).map_or(true, |(_, c)| !c.is_alphanumeric())
}

/// The dot in "U.S." or "U.S": letters alternate with dots, one letter at a time.
fn is_abbreviation_dot(chars: impl Chars, start: usize, dot: usize) -> bool {
    let single_letters = (start..dot).all(|i| {
        let c = chars.at(i);
        if (i - start) % 2 == 0 {
            c.is_alphabetic()
        } else {
            c == '.'
        }
    }) && (dot - start) % 2 == 1;
    single_letters
        && (chars.get(dot + 1).is_some_and(|(_, n)| n.is_alphabetic())
            && chars
                .get(dot + 2)
                .map_or(true, |(_, n)| n == '.' || !n.is_alphanumeric())
            || dot > start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::recognize::tokens::{Tokens, WordMarks};

    fn decoded(text: &str) -> Vec<Token> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut tokens = Vec::new();
        tokenize_chars(chars.as_slice(), text.len(), &mut tokens);
        tokens
    }

    /// [`tokenize_ascii`] without the scan's tokens.
    fn alone(bytes: &[u8], start: usize, tokens: &mut Vec<Token>) -> Shapes {
        tokenize_ascii(bytes, start, &mut &[][..], tokens)
    }

    fn ascii(text: &str) -> (Vec<Token>, Shapes) {
        let mut tokens = Vec::new();
        let shapes = alone(text.as_bytes(), 0, &mut tokens);
        (tokens, shapes)
    }

    fn words(text: &str) -> Vec<&str> {
        let decoded = decoded(text);
        if text.is_ascii() {
            assert_eq!(ascii(text).0, decoded);
        }
        decoded.iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn splits_possessives_and_keeps_inner_punctuation() {
        assert_eq!(
            words("Putin's U.S. visit, O'Brien and Russian-Belarusian ties."),
            [
                "Putin",
                "'s",
                "U.S.",
                "visit",
                ",",
                "O'Brien",
                "and",
                "Russian-Belarusian",
                "ties",
                "."
            ]
        );
        assert_eq!(
            words("Lukashenko’s /TASS/"),
            ["Lukashenko", "’s", "/", "TASS", "/"]
        );
        assert_eq!(words(""), Vec::<&str>::new());
        assert_eq!(words("A. Smith"), ["A", ".", "Smith"]);
        assert_eq!(words("URA.RU said"), ["URA.RU", "said"]);
        assert_eq!(words("in Minsk.The"), ["in", "Minsk", ".", "The"]);
    }

    /// The texts at hand: the example articles, the test fixtures and the Brown press texts.
    fn texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        for dir in ["seeds", "tests/fixtures/recognize", "benches/data/brown"] {
            for entry in std::fs::read_dir(root.join(dir))
                .into_iter()
                .flatten()
                .flatten()
            {
                texts.extend(std::fs::read_to_string(entry.path()));
            }
        }
        texts
    }

    /// The byte tokenizer splits every ASCII line of the texts at hand as the character one does.
    #[test]
    fn ascii_tokens_are_the_decoded_ones() {
        let mut lines = 0;
        for text in texts() {
            for line in text.lines().filter(|l| l.is_ascii()) {
                let (tokens, shapes) = ascii(line);
                assert_eq!(tokens, decoded(line), "{line:?}");
                let mut decoded = Shapes::default();
                for token in tokens.iter().filter(|t| t.kind == Kind::Word) {
                    decoded.add(token.text(line));
                }
                assert_eq!(shapes, decoded, "{line:?}");
                lines += 1;
            }
        }
        assert!(lines > 1000);
    }

    /// Helped by the date and figure scan's tokens of the whole text, the byte tokenizer reads
    /// every stretch as it does alone: whole lines, and stretches cut anywhere, through words
    /// and numbers.
    #[test]
    fn scanned_tokens_change_nothing() {
        let mut stretches = 0;
        // Where the two tokenizers part, beside the texts at hand.
        let parting = "AT&T's U.S. co-op, O'Brien's 400,000 and 3.5% abc123 ab1.c2 Amazon.com \
            URA.RU A. Smith don't rock'n'roll the Smiths' 1990s\u{b}2,5.0 -5 x-\n"
            .to_string();
        for text in texts().into_iter().chain([parting]) {
            let scanned = Tokens::new(&text, &WordMarks::default()).list;
            for cut in [None, Some(37), Some(8)] {
                let mut along = &scanned[..];
                let mut start = 0;
                let ends = text.match_indices('\n').map(|(i, _)| i).chain([text.len()]);
                let ends: Vec<usize> = match cut {
                    None => ends.collect(),
                    Some(n) => (1..=text.len() / n)
                        .map(|k| k * n)
                        .chain([text.len()])
                        .collect(),
                };
                for end in ends {
                    let Some(stretch) = text.get(start..end).filter(|s| s.is_ascii()) else {
                        start = end;
                        continue;
                    };
                    let (mut by_bytes, mut helped) = (Vec::new(), Vec::new());
                    let shapes = alone(stretch.as_bytes(), start, &mut by_bytes);
                    let helped_shapes =
                        tokenize_ascii(stretch.as_bytes(), start, &mut along, &mut helped);
                    assert_eq!(helped, by_bytes, "{stretch:?}");
                    assert_eq!(helped_shapes, shapes, "{stretch:?}");
                    stretches += 1;
                    start = end;
                }
            }
        }
        assert!(stretches > 10_000);
    }
}
