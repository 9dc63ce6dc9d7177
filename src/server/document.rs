//! Open documents: the editor's text of each article, kept in a rope and changed by the
//! incremental edits the client sends, in the client's position encoding.

use ropey::Rope;
use tower_lsp::lsp_types::{Position, TextDocumentContentChangeEvent};

use crate::text::Encoding;

#[derive(Debug, Clone)]
pub struct OpenDocument {
    pub text: Rope,
    pub version: i32,
}

impl OpenDocument {
    pub fn new(text: &str, version: i32) -> Self {
        OpenDocument {
            text: Rope::from_str(text),
            version,
        }
    }

    /// Applies the changes in order: each change's range refers to the text as the changes before
    /// it left it. A change without a range replaces the whole text.
    pub fn apply(&mut self, changes: &[TextDocumentContentChangeEvent], encoding: Encoding) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let start = char_index(&self.text, range.start, encoding);
                    let end = char_index(&self.text, range.end, encoding).max(start);
                    self.text.remove(start..end);
                    self.text.insert(start, &change.text);
                }
                None => self.text = Rope::from_str(&change.text),
            }
        }
    }
}

/// The char index of an LSP position. Positions past the end of a line clamp to the line's end
/// (before its line break); lines past the end clamp to the end of the text; a column inside a
/// character moves back to the character's start.
pub fn char_index(rope: &Rope, position: Position, encoding: Encoding) -> usize {
    let line = position.line as usize;
    if line >= rope.len_lines() {
        return rope.len_chars();
    }
    let line_start = rope.line_to_char(line);
    let slice = rope.line(line);
    let content = slice.slice(..slice.len_chars() - line_break_chars(&slice));
    let col = position.character as usize;
    let within = match encoding {
        Encoding::Utf32 => col.min(content.len_chars()),
        Encoding::Utf16 => content.utf16_cu_to_char(col.min(content.len_utf16_cu())),
        Encoding::Utf8 => content.byte_to_char(col.min(content.len_bytes())),
    };
    line_start + within
}

fn line_break_chars(line: &ropey::RopeSlice) -> usize {
    let n = line.len_chars();
    let last = (n > 0).then(|| line.char(n - 1));
    let before = (n > 1).then(|| line.char(n - 2));
    match (before, last) {
        (Some('\r'), Some('\n')) => 2,
        (_, Some('\n' | '\r')) => 1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{LineCol, LineIndex};
    use proptest::prelude::*;
    use tower_lsp::lsp_types::Range;

    fn change(start: (u32, u32), end: (u32, u32), text: &str) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(start.0, start.1),
                Position::new(end.0, end.1),
            )),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn applies_edits_in_utf16_columns() {
        let mut doc = OpenDocument::new("Минск 😀 talks\r\nsecond\u{2028}line\n", 1);
        doc.apply(&[change((0, 9), (0, 14), "meeting")], Encoding::Utf16);
        assert_eq!(
            doc.text.to_string(),
            "Минск 😀 meeting\r\nsecond\u{2028}line\n"
        );
        doc.apply(
            &[
                change((1, 7), (1, 11), "row"),
                change((0, 0), (0, 5), "Minsk"),
            ],
            Encoding::Utf16,
        );
        assert_eq!(
            doc.text.to_string(),
            "Minsk 😀 meeting\r\nsecond\u{2028}row\n"
        );
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let mut doc = OpenDocument::new("ab\r\ncd", 1);
        doc.apply(&[change((0, 50), (0, 60), "!")], Encoding::Utf8);
        assert_eq!(doc.text.to_string(), "ab!\r\ncd");
        doc.apply(&[change((9, 0), (9, 9), "?")], Encoding::Utf8);
        assert_eq!(doc.text.to_string(), "ab!\r\ncd?");
    }

    fn text_strategy() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("a"),
            Just("Минск"),
            Just("—"),
            Just("“"),
            Just("😀"),
            Just("\n"),
            Just("\r\n"),
            Just("\r"),
            Just("\u{2028}"),
            Just(" "),
        ];
        proptest::collection::vec(piece, 0..30).prop_map(|v| v.concat())
    }

    proptest! {
        /// The rope and the analysis's line index must agree on every position, or edits would
        /// land somewhere other than where diagnostics point.
        #[test]
        fn rope_positions_agree_with_the_line_index(
            text in text_strategy(), line in 0u32..12, col in 0u32..12,
        ) {
            let rope = Rope::from_str(&text);
            let index = LineIndex::new(&text);
            for encoding in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                let from_rope = rope.char_to_byte(char_index(&rope, Position::new(line, col), encoding));
                let from_index = index.offset(&text, LineCol { line, col }, encoding);
                prop_assert_eq!(from_rope, from_index);
            }
        }
    }
}
