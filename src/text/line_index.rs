//! Line index: converts between byte offsets, code point offsets and line/column positions in the
//! three encodings the Language Server Protocol knows (UTF-8, UTF-16, UTF-32).
//!
//! Lines end at `\n`, `\r\n` or `\r` and nowhere else: U+2028, U+2029 and U+0085 are ordinary
//! characters, as the protocol specifies.

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Columns count bytes.
    Utf8,
    /// Columns count UTF-16 code units (what VS Code speaks).
    Utf16,
    /// Columns count code points.
    Utf32,
}

impl Encoding {
    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// A zero-based line and column, the column counted in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Where each line of a text starts, in bytes and in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of each line start; the first is always 0.
    line_starts: Vec<usize>,
    /// Code point offset of each line start.
    line_start_chars: Vec<usize>,
    /// Byte offset where each line's content ends (before its line break).
    line_ends: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = vec![0];
        let mut line_start_chars = vec![0];
        let mut line_ends = Vec::new();
        let mut chars = 0;
        let mut counted = 0;
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            if i < counted {
                // The `\n` of a `\r\n`, counted with its `\r`.
                continue;
            }
            line_ends.push(i);
            let width = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                2
            } else {
                1
            };
            chars += text[counted..i].chars().count() + width;
            counted = i + width;
            line_starts.push(counted);
            line_start_chars.push(chars);
        }
        line_ends.push(bytes.len());
        LineIndex {
            line_starts,
            line_start_chars,
            line_ends,
            len: bytes.len(),
        }
    }

    /// Number of lines; an empty text and a text ending in a line break both end with an empty line.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Length of the indexed text in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The zero-based line holding `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// Byte range of a line's content, without its line break.
    pub fn line_content(&self, line: usize) -> std::ops::Range<usize> {
        self.line_starts[line]..self.line_ends[line]
    }

    /// The position of a byte offset. Offsets past the end clamp to the end; offsets inside a
    /// character or a line break move back to the nearest valid position before them.
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> LineCol {
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let end = floor_char_boundary(text, offset.min(self.line_ends[line]));
        let col: usize = match encoding {
            Encoding::Utf8 => end - start,
            _ => text[start..end].chars().map(|c| encoding.width(c)).sum(),
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// The byte offset of a position. A line past the last clamps to the end of the text; a column
    /// past the end of its line clamps to the end of the line's content (before the line break); a
    /// column inside a character (half a surrogate pair, a byte inside a UTF-8 sequence) moves
    /// back to that character's start.
    pub fn offset(&self, text: &str, pos: LineCol, encoding: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.line_starts.len() {
            return self.len;
        }
        let start = self.line_starts[line];
        let end = self.line_ends[line];
        let wanted = pos.col as usize;
        if encoding == Encoding::Utf8 {
            return floor_char_boundary(text, (start + wanted).min(end));
        }
        let mut col = 0;
        for (i, c) in text[start..end].char_indices() {
            let next = col + encoding.width(c);
            if next > wanted {
                return start + i;
            }
            col = next;
        }
        end
    }

    /// The code point offset of a byte offset (clamped like [`LineIndex::position`]).
    pub fn char_offset(&self, text: &str, offset: usize) -> usize {
        let offset = floor_char_boundary(text, offset.min(self.len));
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        self.line_start_chars[line] + text[start..offset].chars().count()
    }

    /// The byte offset of a code point offset; offsets past the end clamp to the end.
    pub fn byte_offset(&self, text: &str, char_offset: usize) -> usize {
        let line = self.line_start_chars.partition_point(|&c| c <= char_offset) - 1;
        let start = self.line_starts[line];
        let skip = char_offset - self.line_start_chars[line];
        text[start..]
            .char_indices()
            .nth(skip)
            .map_or(self.len, |(i, _)| start + i)
    }
}

/// The largest char boundary at or before `offset`.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const ALL: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

    fn pos(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    #[test]
    fn line_breaks_are_lf_crlf_and_cr_only() {
        let text = "a\nb\r\nc\rd\u{2028}e\u{85}f";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(&text[index.line_content(3)], "d\u{2028}e\u{85}f");
    }

    #[test]
    fn columns_count_in_the_requested_encoding() {
        // Cyrillic (2 bytes), em dash (3 bytes), curly quote (3 bytes), emoji (4 bytes, 2 UTF-16 units).
        let text = "Минск — “да” 😀x";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(index.position(text, x, Encoding::Utf8), pos(0, x as u32));
        assert_eq!(index.position(text, x, Encoding::Utf16), pos(0, 15));
        assert_eq!(index.position(text, x, Encoding::Utf32), pos(0, 14));
        for encoding in ALL {
            let p = index.position(text, x, encoding);
            assert_eq!(index.offset(text, p, encoding), x);
        }
    }

    #[test]
    fn crlf_lines_and_their_ends() {
        let text = "one\r\ntwo\r\n";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.position(text, 5, Encoding::Utf16), pos(1, 0));
        // Between `\r` and `\n` is not a position of its own: it is the end of the line's content.
        assert_eq!(index.position(text, 4, Encoding::Utf16), pos(0, 3));
        assert_eq!(index.offset(text, pos(0, 99), Encoding::Utf16), 3);
        assert_eq!(index.offset(text, pos(2, 0), Encoding::Utf16), 10);
        assert_eq!(index.offset(text, pos(7, 3), Encoding::Utf16), 10);
    }

    #[test]
    fn half_a_surrogate_pair_moves_to_the_character_start() {
        let text = "a😀b";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, pos(0, 2), Encoding::Utf16), 1);
        assert_eq!(index.offset(text, pos(0, 3), Encoding::Utf16), 5);
        assert_eq!(index.offset(text, pos(0, 3), Encoding::Utf8), 1);
    }

    #[test]
    fn code_points_convert_both_ways() {
        let text = "Лукашенко\r\nsaid “no” 😀.";
        let index = LineIndex::new(text);
        let said = text.find("said").unwrap();
        assert_eq!(index.char_offset(text, said), 11);
        assert_eq!(index.byte_offset(text, 11), said);
        assert_eq!(index.byte_offset(text, 10_000), text.len());
    }

    fn article_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("a".to_string()),
            Just("Минск".to_string()),
            Just("—".to_string()),
            Just("“”".to_string()),
            Just("😀".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("\r".to_string()),
            Just("\u{2028}".to_string()),
            Just(" ".to_string()),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn every_position_round_trips(text in article_text()) {
            let index = LineIndex::new(&text);
            for (offset, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                let inside_crlf = offset > 0
                    && text.as_bytes()[offset - 1] == b'\r'
                    && text.as_bytes().get(offset) == Some(&b'\n');
                if inside_crlf {
                    continue;
                }
                for encoding in ALL {
                    let p = index.position(&text, offset, encoding);
                    prop_assert_eq!(index.offset(&text, p, encoding), offset);
                }
                let chars = index.char_offset(&text, offset);
                prop_assert_eq!(chars, text[..offset].chars().count());
                prop_assert_eq!(index.byte_offset(&text, chars), offset);
            }
        }
    }
}
