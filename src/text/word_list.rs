//! Word lists asked whether they hold a word many times over: short fixed lists, sets that test
//! a word's shape before hashing it, and tables that keep short words inline.

use rustc_hash::FxHashMap as HashMap;

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
    words: WordMap<()>,
    /// The words, in the order put in.
    listed: Vec<&'static str>,
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
        self.may_contain(word) && self.words.contains(word.as_bytes())
    }

    /// Whether a word of the set has the shape of `word`: the cheap test alone.
    pub fn may_contain(&self, word: &str) -> bool {
        shape(word).is_some_and(|(first, last, length)| self.shapes[first][last] & length != 0)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.listed.iter().copied()
    }

    fn insert(&mut self, word: &'static str) {
        if self.words.contains(word.as_bytes()) {
            return;
        }
        if let Some((first, last, length)) = shape(word) {
            self.shapes[first][last] |= length;
        }
        self.words.entry(word.as_bytes());
        self.listed.push(word);
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

/// A word of up to [`ShortWord::MAX`] bytes as two numbers: its bytes, the first lowest, and its
/// length in the top byte. Two words are the same exactly when their keys are. A table keeps such
/// keys in its own slots, and asking it compares two numbers, where a key that is a string points
/// to text elsewhere in memory, read on every match: with tables of tens of thousands of words,
/// that read is most often a miss of the processor's caches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ShortWord(u64, u64);

impl ShortWord {
    const MAX: usize = 15;

    /// The key of `word`, when it is short enough to have one.
    fn of(word: &[u8]) -> Option<ShortWord> {
        let len = word.len();
        // Read as a few loads that overlap rather than byte by byte: the loop would end at a
        // length the processor would have to guess.
        let eight = |at: usize| u64::from_le_bytes(std::array::from_fn(|k| word[at + k]));
        let four = |at: usize| u64::from(u32::from_le_bytes(std::array::from_fn(|k| word[at + k])));
        let (low, high) = match len {
            0 => (0, 0),
            1..=3 => (
                u64::from(word[0])
                    | u64::from(word[len / 2]) << (8 * (len / 2))
                    | u64::from(word[len - 1]) << (8 * (len - 1)),
                0,
            ),
            4..=7 => (four(0) | four(len - 4) << (8 * (len - 4)), 0),
            8 => (eight(0), 0),
            9..=ShortWord::MAX => (eight(0), eight(len - 8) >> (8 * (16 - len))),
            _ => return None,
        };
        Some(ShortWord(low, high | (len as u64) << 56))
    }
}

/// Words mapped to values, for tables of many words: the short ones, most words, are kept by
/// their [`ShortWord`] keys.
#[derive(Debug)]
pub struct WordMap<V> {
    short: HashMap<ShortWord, V>,
    long: HashMap<&'static [u8], V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap {
            short: HashMap::default(),
            long: HashMap::default(),
        }
    }
}

impl<V> WordMap<V> {
    pub fn get(&self, word: &[u8]) -> Option<&V> {
        match ShortWord::of(word) {
            Some(key) => self.short.get(&key),
            None => self.long.get(word),
        }
    }

    pub fn contains(&self, word: &[u8]) -> bool {
        self.get(word).is_some()
    }
}

impl<V: Default> WordMap<V> {
    /// The value of `word`, the default one put in first if it has none.
    pub fn entry(&mut self, word: &'static [u8]) -> &mut V {
        match ShortWord::of(word) {
            Some(key) => self.short.entry(key).or_default(),
            None => self.long.entry(word).or_default(),
        }
    }
}

/// A set of many words.
impl FromIterator<&'static str> for WordMap<()> {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> WordMap<()> {
        let mut set = WordMap::default();
        for word in words {
            set.entry(word.as_bytes());
        }
        set
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

    /// A short word's key is its bytes, its length among them: words differ exactly when their
    /// keys do, however many bytes they share or however many of them are zero.
    #[test]
    fn short_words_differ_exactly_when_their_keys_do() {
        let words: Vec<&[u8]> = vec![
            b"",
            b"a",
            b"ab",
            b"ba",
            b"aa",
            b"a\0",
            b"\0",
            b"abc",
            b"abcd",
            b"abcde",
            b"abcdefg",
            b"abcdefgh",
            b"abcdefgh\0",
            b"abcdefghi",
            b"abcdefghijklmno",
            b"bbcdefghijklmno",
            b"abcdefghijklmnp",
        ];
        for a in &words {
            for b in &words {
                assert_eq!(ShortWord::of(a) == ShortWord::of(b), a == b, "{a:?} {b:?}");
            }
        }
        assert!(ShortWord::of(b"abcdefghijklmnop").is_none());
    }

    proptest::proptest! {
        #[test]
        fn short_word_keys_are_the_words(
            a in proptest::collection::vec(0u8..4, 0..=ShortWord::MAX),
            b in proptest::collection::vec(0u8..4, 0..=ShortWord::MAX),
        ) {
            proptest::prop_assert_eq!(ShortWord::of(&a) == ShortWord::of(&b), a == b);
        }
    }

    /// Short words and long ones are found, each with its own value, and no other word is.
    #[test]
    fn a_word_map_gives_each_word_its_value() {
        let long = "Abcdefghijklmnopqrstuvwxyz";
        let mut map: WordMap<u32> = WordMap::default();
        for (k, word) in ["Paris", "Minsk", long, "ab"].iter().enumerate() {
            *map.entry(word.as_bytes()) += k as u32 + 1;
        }
        *map.entry(b"Paris") += 10;
        let got: Vec<Option<u32>> = [
            "Paris",
            "Minsk",
            long,
            "ab",
            "paris",
            "Minsk ",
            &long[1..],
            "a",
            "",
        ]
        .iter()
        .map(|w| map.get(w.as_bytes()).copied())
        .collect();
        assert_eq!(
            got,
            [
                Some(11),
                Some(2),
                Some(3),
                Some(4),
                None,
                None,
                None,
                None,
                None
            ]
        );
        let set: WordMap<()> = ["of", long].into_iter().collect();
        assert!(set.contains(b"of") && set.contains(long.as_bytes()) && !set.contains(b"on"));
    }
}
