//! Word lists asked whether they hold a word many times over: short fixed lists, and sets that
//! test a word's shape before hashing it.

use rustc_hash::FxHashSet as HashSet;

/// A short list of words. Asking it compares each word's length and first byte before the
/// rest: most words asked about differ in one of them from every word of the list, and are
/// turned away without a call to compare memory.
#[derive(Debug, Clone, Copy)]
pub struct WordList(pub &'static [&'static str]);

impl WordList {
    pub fn contains(&self, word: &str) -> bool {
        let first = word.as_bytes().first();
        self.0
            .iter()
            .any(|w| w.len() == word.len() && w.as_bytes().first() == first && *w == word)
    }
}

/// A word list with a cheap test in front of it: the first and last letters and the length of
/// each word in it, as bits. Most words asked about have a shape no word of a list has, and are
/// turned away without being hashed or compared.
#[derive(Debug, Default)]
pub struct WordSet {
    words: HashSet<&'static str>,
    /// By first and last byte ([`shape_index`]), the lengths words have, as bits (31: longer).
    shapes: [[u32; SHAPE_INDEXES]; SHAPE_INDEXES],
}

/// Letters folded to lowercase, and one index for every other byte.
const SHAPE_INDEXES: usize = 27;

fn shape_index(byte: u8) -> usize {
    usize::from(SHAPE_INDEX[usize::from(byte)])
}

/// [`shape_index`] of every byte, looked up rather than worked out: it is asked twice for every
/// word of an article.
static SHAPE_INDEX: [u8; 256] = {
    let mut index = [(SHAPE_INDEXES - 1) as u8; 256];
    let mut letter = 0;
    while letter < 26 {
        index[b'a' as usize + letter] = letter as u8;
        index[b'A' as usize + letter] = letter as u8;
        letter += 1;
    }
    index
};

/// Where a word's shape is in [`WordSet::shapes`], and its length's bit.
fn shape(word: &str) -> Option<(usize, usize, u32)> {
    let bytes = word.as_bytes();
    let (first, last) = (*bytes.first()?, *bytes.last()?);
    Some((
        shape_index(first),
        shape_index(last),
        1 << bytes.len().min(31),
    ))
}

impl WordSet {
    pub fn contains(&self, word: &str) -> bool {
        self.may_contain(word) && self.words.contains(word)
    }

    /// Whether a word of the set has the shape of `word`: the cheap test alone.
    pub fn may_contain(&self, word: &str) -> bool {
        shape(word).is_some_and(|(first, last, length)| self.shapes[first][last] & length != 0)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    fn insert(&mut self, word: &'static str) {
        if let Some((first, last, length)) = shape(word) {
            self.shapes[first][last] |= length;
        }
        self.words.insert(word);
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> WordSet {
        let mut set = WordSet::default();
        set.extend(words);
        set
    }
}

impl Extend<&'static str> for WordSet {
    fn extend<I: IntoIterator<Item = &'static str>>(&mut self, words: I) {
        for word in words {
            self.insert(word);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_its_words_and_no_others() {
        const LIST: WordList = WordList(&["of", "on", "for", ""]);
        for word in ["of", "on", "for", ""] {
            assert!(LIST.contains(word), "{word:?}");
        }
        for word in ["or", "in", "fo", "For", "off", "o"] {
            assert!(!LIST.contains(word), "{word:?}");
        }
    }

    /// The test in front of a word list never turns away a word the list holds.
    #[test]
    fn a_word_set_holds_what_was_put_in_it_and_nothing_else() {
        let long = "Abcdefghijklmnopqrstuvwxyzabcdefghij";
        let words = ["President", "CEO", "Zürich", "ex", "A", long];
        let set: WordSet = words.into_iter().collect();
        for word in words {
            assert!(set.contains(word), "{word}");
        }
        for word in [
            "",
            "president",
            "Presidents",
            "CEOs",
            "Zurich",
            "B",
            &long[1..],
        ] {
            assert!(!set.contains(word), "{word}");
        }
        assert!(!WordSet::default().contains("A"));
        let mut listed: Vec<&str> = set.iter().collect();
        listed.sort_unstable();
        let mut put = words.to_vec();
        put.sort_unstable();
        assert_eq!(listed, put);
    }
}
