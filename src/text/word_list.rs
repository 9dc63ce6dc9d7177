//! Short fixed lists of words, asked whether they hold a word many times over.

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
}
