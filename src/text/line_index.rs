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

    /// The length of `text` in this encoding's units.
    fn measure(self, text: &str) -> usize {
        match self {
            Encoding::Utf8 => text.len(),
            // Most text is ASCII, and asking whether it is reads words at a time.
            _ if text.is_ascii() => text.len(),
            // Counted over bytes rather than decoded characters, which the compiler vectorizes:
            // each character starts with one byte that is not a continuation byte, and takes
            // two UTF-16 units when it takes four UTF-8 bytes.
            Encoding::Utf16 => text
                .bytes()
                .map(|b| usize::from(is_char_start(b)) + usize::from(b >= 0xF0))
                .sum(),
            Encoding::Utf32 => text.bytes().filter(|&b| is_char_start(b)).count(),
        }
    }
}

/// Whether `byte` starts a character in UTF-8 (it is not a continuation byte).
fn is_char_start(byte: u8) -> bool {
    (byte as i8) >= -0x40
}

/// A zero-based line and column, the column counted in some [`Encoding`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// How far apart [`Checkpoint`]s are, in bytes.
const CHECKPOINT: usize = 4096;

/// How much text comes before a byte offset, in code points and in UTF-16 code units. Columns
/// are counted from the nearest checkpoint, so that a position on a line of megabytes costs a
/// few kilobytes of counting, not the whole line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Checkpoint {
    byte: usize,
    chars: usize,
    utf16: usize,
}

impl Checkpoint {
    fn measure(&self, encoding: Encoding) -> usize {
        match encoding {
            Encoding::Utf8 => self.byte,
            Encoding::Utf16 => self.utf16,
            Encoding::Utf32 => self.chars,
        }
    }
}

/// Where each line of a text starts, in bytes and in code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// Byte offset of each line start; the first is always 0.
    line_starts: Vec<usize>,
    /// A checkpoint at the start and about every [`CHECKPOINT`] bytes, at character boundaries.
    checkpoints: Vec<Checkpoint>,
    /// Byte offset where each line's content ends (before its line break).
    line_ends: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // Counting the line feeds first sizes the lists once: most texts break lines with them.
        let lines = memchr::memchr_iter(b'\n', bytes).count() + 1;
        let mut line_starts = Vec::with_capacity(lines);
        line_starts.push(0);
        let mut line_ends = Vec::with_capacity(lines);
        for at in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // The `\n` of a `\r\n` ends no line of its own.
            if bytes[at] == b'\n' && at > 0 && bytes[at - 1] == b'\r' {
                *line_starts.last_mut().expect("a line has started") = at + 1;
                continue;
            }
            line_ends.push(at);
            line_starts.push(at + 1);
        }
        let mut checkpoints = vec![Checkpoint {
            byte: 0,
            chars: 0,
            utf16: 0,
        }];
        loop {
            let last = checkpoints[checkpoints.len() - 1];
            let mut byte = last.byte + CHECKPOINT;
            while byte < bytes.len() && !is_char_start(bytes[byte]) {
                byte += 1;
            }
            if byte >= bytes.len() {
                break;
            }
            let counted = &text[last.byte..byte];
            checkpoints.push(Checkpoint {
                byte,
                chars: last.chars + Encoding::Utf32.measure(counted),
                utf16: last.utf16 + Encoding::Utf16.measure(counted),
            });
        }
        line_ends.push(bytes.len());
        // A corpus keeps every article's index: room to grow would only cost memory.
        line_starts.shrink_to_fit();
        line_ends.shrink_to_fit();
        checkpoints.shrink_to_fit();
        LineIndex {
            line_starts,
            checkpoints,
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
        // Counted from the line's start, or on a long line from its last checkpoint before `end`.
        let checkpoint = self.checkpoints[self.checkpoints.partition_point(|c| c.byte <= end) - 1];
        let col = if checkpoint.byte <= start {
            encoding.measure(&text[start..end])
        } else {
            checkpoint.measure(encoding) - self.before(text, start, encoding)
                + encoding.measure(&text[checkpoint.byte..end])
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
        // Count from the last checkpoint of the line before the wanted column, if it has any.
        let on_line = &self.checkpoints[self.checkpoints.partition_point(|c| c.byte <= start)
            ..self.checkpoints.partition_point(|c| c.byte <= end)];
        let (mut at, mut col) = (start, 0);
        if !on_line.is_empty() {
            let base = self.before(text, start, encoding);
            let passed = on_line.partition_point(|c| c.measure(encoding) <= base + wanted);
            if let Some(checkpoint) = passed.checked_sub(1).and_then(|k| on_line.get(k)) {
                at = checkpoint.byte;
                col = checkpoint.measure(encoding) - base;
            }
        }
        for (i, c) in text[at..end].char_indices() {
            let next = col + encoding.width(c);
            if next > wanted {
                return at + i;
            }
            col = next;
        }
        end
    }

    /// How much text comes before `offset` (a character boundary), counted in `encoding`.
    fn before(&self, text: &str, offset: usize, encoding: Encoding) -> usize {
        let k = self.checkpoints.partition_point(|c| c.byte <= offset);
        let checkpoint = self.checkpoints[k.saturating_sub(1)];
        checkpoint.measure(encoding) + encoding.measure(&text[checkpoint.byte..offset])
    }

    /// The code point offset of a byte offset (clamped like [`LineIndex::position`]).
    pub fn char_offset(&self, text: &str, offset: usize) -> usize {
        let offset = floor_char_boundary(text, offset.min(self.len));
        self.before(text, offset, Encoding::Utf32)
    }

    /// The byte offset of a code point offset; offsets past the end clamp to the end.
    pub fn byte_offset(&self, text: &str, char_offset: usize) -> usize {
        let k = self.checkpoints.partition_point(|c| c.chars <= char_offset);
        let checkpoint = self.checkpoints[k.saturating_sub(1)];
        text[checkpoint.byte..]
            .char_indices()
            .nth(char_offset - checkpoint.chars)
            .map_or(self.len, |(i, _)| checkpoint.byte + i)
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

    /// Lines longer than the distance between checkpoints, with characters of every width
    /// across the checkpoints: columns and offsets are those counted from the line start.
    #[test]
    fn long_lines_convert_like_short_ones() {
        let unit = "ab Минск — “да” 😀 ";
        let mut text = unit.repeat(3 * CHECKPOINT / unit.len());
        text.push_str("\r\n");
        text.push_str(&unit.repeat(CHECKPOINT / unit.len() + 7));
        text.push('\r');
        text.push_str(&"x😀".repeat(CHECKPOINT));
        let index = LineIndex::new(&text);
        assert!(index.checkpoints.len() > 4);
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).step_by(5).collect();
        for offset in offsets.into_iter().chain([text.len()]) {
            let line = index.line_of(offset);
            let start = index.line_starts[line];
            let end = offset.min(index.line_ends[line]);
            let before = &text[start..end];
            let expected = [
                before.len(),
                before.encode_utf16().count(),
                before.chars().count(),
            ];
            for (encoding, col) in ALL.into_iter().zip(expected) {
                let p = index.position(&text, offset, encoding);
                assert_eq!(p, pos(line as u32, col as u32), "{offset} {encoding:?}");
                assert_eq!(
                    index.offset(&text, p, encoding),
                    end,
                    "{offset} {encoding:?}"
                );
            }
            let chars = text[..offset].chars().count();
            assert_eq!(index.char_offset(&text, offset), chars);
            assert_eq!(index.byte_offset(&text, chars), offset);
        }
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
