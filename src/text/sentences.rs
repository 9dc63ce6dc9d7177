//! Sentence boundaries in news prose.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it) when
//! whitespace follows and the next word can start a sentence. A full stop does not end a sentence
//! after a known abbreviation ("Dr.", "Jan.", "Corp."), an initial ("J. Smith"), or an abbreviation
//! with inner dots ("U.S.", "a.m.") unless the next word is one that usually opens a sentence.
//! Decimals ("3.5") never have whitespace after the dot, so they never split.

use std::ops::Range;

use super::WordList;

/// Abbreviations that are followed by a full stop and rarely end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "cmdr", "adm", "sgt",
    "sen", "rep", "gov", "pres", "amb", "rev", "hon", "st", "mt", "ft", "jr", "sr", "inc", "corp",
    "ltd", "co", "bros", "vs", "no", "nos", "vol", "art", "sec", "fig", "approx", "est", "dept",
    "univ", "assn", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "e.g", "i.e",
    "cf", "al",
];

/// The length of the longest of [`ABBREVIATIONS`]: most words before a full stop are longer.
const LONGEST_ABBREVIATION: usize = 6;

/// Words that open a sentence often enough to end one after "U.S." or "a.m.".
const SENTENCE_OPENERS: WordList = WordList(&[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "But",
    "And",
    "However",
    "Meanwhile",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "According",
    "As",
    "After",
    "Before",
    "If",
    "When",
    "While",
]);

/// Splits `range` of `text` (one paragraph) into sentence ranges, trimmed of surrounding
/// whitespace, and appends them to `sentences`. Line breaks inside the paragraph count as
/// spaces.
pub fn split_sentences(text: &str, range: Range<usize>, sentences: &mut Vec<Range<usize>>) {
    let para = &text[range.clone()];
    let mut start = 0;
    let mut at = 0;
    // Only the bytes that open a sentence's end are looked at: `.`, `!`, `?` and the first
    // byte of `…`; all are the first byte of their character.
    let mut ellipsis = find_ellipsis(para);
    loop {
        if ellipsis.is_some_and(|e| e < at) {
            ellipsis = find_ellipsis(&para[at..]).map(|e| at + e);
        }
        let stop = memchr::memchr3(b'.', b'!', b'?', &para.as_bytes()[at..]).map(|i| at + i);
        let Some(i) = stop.into_iter().chain(ellipsis).min() else {
            break;
        };
        let c = para[i..].chars().next().unwrap_or('.');
        let mut end = i + c.len_utf8();
        for next in para[end..].chars() {
            if is_closer(next) || matches!(next, '.' | '!' | '?' | '…') {
                end += next.len_utf8();
            } else {
                break;
            }
        }
        at = end;
        let rest = &para[end..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() || after_space.is_empty() {
            continue;
        }
        if !can_open_sentence(after_space) {
            continue;
        }
        if c == '.' && end == i + 1 && !ends_sentence_after(&para[start..i], after_space) {
            continue;
        }
        push_trimmed(sentences, para, start..end, range.start);
        start = end;
    }
    push_trimmed(sentences, para, start..para.len(), range.start);
}

/// Where the first `…` (E2 80 A6) is, found by its last byte with the vectorized `memchr`:
/// most paragraphs have none, and this reads them through faster than `str::find` does.
fn find_ellipsis(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xa6, bytes)
        .find(|&i| i >= 2 && bytes[i - 2..i] == [0xe2, 0x80])
        .map(|i| i - 2)
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn can_open_sentence(rest: &str) -> bool {
    rest.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '—' | '–' | '-'
            )
    })
}

/// Whether a full stop after `before` ends the sentence, given the text that follows it.
fn ends_sentence_after(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return true;
    }
    let abbreviation = if word.is_ascii() {
        word.len() <= LONGEST_ABBREVIATION
            && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
    } else {
        ABBREVIATIONS.contains(&word.to_lowercase().as_str())
    };
    if abbreviation {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let is_initial =
        letters == 1 && word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if is_initial {
        return false;
    }
    let has_inner_dots =
        word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2);
    if has_inner_dots {
        let next_word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        return SENTENCE_OPENERS.contains(next_word.as_str());
    }
    true
}

fn push_trimmed(out: &mut Vec<Range<usize>>, para: &str, range: Range<usize>, base: usize) {
    let slice = &para[range.clone()];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if !trimmed.is_empty() {
        let start = base + range.start + trimmed_start;
        out.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each case is a paragraph with ` | ` where the sentences must split; the marker is removed
    /// before splitting.
    const CASES: &[&str] = &[
        "Trade grew by 23.5% to $32.42 billion. | It surged in 2018.",
        "The U.S. delegation arrived on Monday. | Talks began at once.",
        "He lives in the U.S. | The talks were held in Minsk.",
        "Dr. Ivanov met Gen. Petrov in Jan. last year. | Nothing was agreed.",
        "J. K. Rowling spoke. | She was brief.",
        "\"We will continue,\" he said. | \"Without slowing down.\"",
        "“The partnership is developing.” | The Kremlin added more.",
        "Is it true? | Nobody knows! | The end.",
        "Prices rose 4.5 times. | Exports fell.",
        "Ties with Acme Corp. grew. | Sales doubled.",
        "It was signed on Dec. 8, 1999, in Moscow.",
        "the first line\nwraps onto the second. | A new sentence\nalso wraps.",
        "He said (see below). | Then he left.",
    ];

    #[test]
    fn splits_where_marked_and_nowhere_else() {
        for case in CASES {
            let expected: Vec<&str> = case.split(" | ").collect();
            let text = case.replace(" | ", " ");
            let mut sentences = Vec::new();
            split_sentences(&text, 0..text.len(), &mut sentences);
            let got: Vec<&str> = sentences.into_iter().map(|r| &text[r]).collect();
            assert_eq!(got, expected, "in {case:?}");
        }
    }

    #[test]
    fn no_abbreviation_is_longer_than_the_longest() {
        assert!(ABBREVIATIONS
            .iter()
            .all(|a| a.len() <= LONGEST_ABBREVIATION));
    }

    #[test]
    fn ellipses_are_found_among_characters_that_share_their_last_byte() {
        assert_eq!(find_ellipsis("¦æ… x…"), Some(4));
        assert_eq!(find_ellipsis("¦æ"), None);
        assert_eq!(find_ellipsis(""), None);
    }

    #[test]
    fn ranges_are_relative_to_the_whole_text() {
        let text = "Title\n\nFirst one. Second one.";
        let start = text.find("First").unwrap();
        let mut got = Vec::new();
        split_sentences(text, 0..5, &mut got);
        split_sentences(text, start..text.len(), &mut got);
        assert_eq!(got, vec![0..5, start..start + 10, start + 11..text.len()]);
    }
}
