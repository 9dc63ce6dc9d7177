//! Iterating over the lines of a text with their byte ranges.

use std::ops::Range;

/// One line of a text: its content (without the line break) and where the next line starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub content: Range<usize>,
    pub next: usize,
}

impl Line {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.content.clone()]
    }

    pub fn is_blank(&self, text: &str) -> bool {
        self.text(text).trim().is_empty()
    }
}

/// The lines of `text` from byte `from`, split at `\n`, `\r\n` and `\r`.
pub fn lines(text: &str, from: usize) -> impl Iterator<Item = Line> + '_ {
    let bytes = text.as_bytes();
    let mut pos = from;
    std::iter::from_fn(move || {
        if pos >= bytes.len() {
            return None;
        }
        let start = pos;
        let end = memchr::memchr2(b'\n', b'\r', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let next = match bytes.get(end) {
            Some(b'\r') if bytes.get(end + 1) == Some(&b'\n') => end + 2,
            Some(_) => end + 1,
            None => end,
        };
        pos = next;
        Some(Line {
            content: start..end,
            next,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_every_kind_of_line_break() {
        let text = "a\r\nb\rc\n\nd";
        let got: Vec<&str> = lines(text, 0).map(|l| l.text(text)).collect();
        assert_eq!(got, ["a", "b", "c", "", "d"]);
    }
}
