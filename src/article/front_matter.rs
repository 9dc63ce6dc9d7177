//! YAML front matter of Markdown articles: the flat `key: value` fields gloss reads (`date`,
//! `title`, `source`, `url`). Nested structures are skipped, not rejected.

use std::ops::Range;

use crate::text::lines;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FrontMatter {
    /// From the opening `---` to the end of the closing line.
    pub span: Range<usize>,
    pub fields: Vec<Field>,
}

/// One `key: value` line; the value has its quotes removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub key: String,
    pub value: String,
    /// Byte range of the value in the article text.
    pub value_span: Range<usize>,
}

impl FrontMatter {
    pub fn get(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.key.eq_ignore_ascii_case(key))
    }
}

/// Front matter starting at `from` (a line that is exactly `---`), closed by `---` or `...`.
/// Without a closing line there is no front matter.
pub fn parse(text: &str, from: usize) -> Option<FrontMatter> {
    let mut iter = lines(text, from);
    let open = iter.next()?;
    if open.text(text).trim_end() != "---" {
        return None;
    }
    let mut fields = Vec::new();
    for line in iter {
        let content = line.text(text);
        if matches!(content.trim_end(), "---" | "...") {
            return Some(FrontMatter {
                span: from..line.content.end,
                fields,
            });
        }
        if let Some(field) = parse_field(content, line.content.start) {
            fields.push(field);
        }
    }
    None
}

fn parse_field(line: &str, offset: usize) -> Option<Field> {
    if line.starts_with([' ', '\t', '-', '#']) {
        return None;
    }
    let colon = line.find(':')?;
    let key = line[..colon].trim();
    if key.is_empty() || key.contains(' ') {
        return None;
    }
    let raw = &line[colon + 1..];
    let lead = raw.len() - raw.trim_start().len();
    let mut value = raw.trim();
    let mut start = offset + colon + 1 + lead;
    for quote in ['"', '\''] {
        if value.len() >= 2 && value.starts_with(quote) && value.ends_with(quote) {
            value = &value[1..value.len() - 1];
            start += 1;
        }
    }
    Some(Field {
        key: key.to_string(),
        value: value.to_string(),
        value_span: start..start + value.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_flat_fields_and_skips_the_rest() {
        let text = "---\ntitle: \"Talks in Sochi\"\ndate: 2018-05-11\ntags:\n  - trade\n---\nBody";
        let fm = parse(text, 0).unwrap();
        assert_eq!(fm.get("title").unwrap().value, "Talks in Sochi");
        let date = fm.get("date").unwrap();
        assert_eq!(&text[date.value_span.clone()], "2018-05-11");
        assert!(fm.get("tags").unwrap().value.is_empty());
        assert_eq!(
            &text[fm.span.clone()],
            &text[..text.find("\nBody").unwrap()]
        );
    }

    #[test]
    fn unclosed_front_matter_is_not_front_matter() {
        assert_eq!(parse("---\ntitle: x\n", 0), None);
    }
}
