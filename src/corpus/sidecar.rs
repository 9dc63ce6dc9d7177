//! brat standoff sidecars: `article.ann` beside `article.txt`, so annotations open in brat and
//! INCEpTION. Offsets are code points, end exclusive. What gloss reads:
//!
//! ```text
//! T1<TAB>PER 120 129<TAB>Mezentsev                               a mention, typed by the user
//! N1<TAB>Reference T1 gloss:dmitry-mezentsev<TAB>Dmitry Mezentsev a link to a knowledge-base entity
//! A1<TAB>NotEntity T2                                             a rejected recognition
//! A2<TAB>Reviewed T3                                              a figure whose findings are checked
//! #1<TAB>AnnotatorNotes T1<TAB>free text                          a note
//! ```
//!
//! Every other line (relations, events, equivalences, discontinuous spans, other attributes) is
//! kept as written, so editing a sidecar never loses what a user or another tool wrote. Articles
//! change after they are annotated: a span whose text no longer matches moves to the nearest
//! occurrence of its text; one whose text is gone is reported, never dropped.

use std::ops::Range;

use crate::diagnostic::{Diagnostic, Severity};
use crate::mention::Label;
use crate::text::{lines, LineIndex};

/// The diagnostic code for problems in a sidecar.
pub const ANNOTATION: &str = "annotation";

/// One line of a sidecar, as gloss understands it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// `T1<TAB>PER 120 129<TAB>Mezentsev`: code point offsets.
    Span {
        id: String,
        label: String,
        start: usize,
        end: usize,
        text: String,
    },
    /// `A1<TAB>NotEntity T2`.
    Attribute {
        id: String,
        name: String,
        target: String,
    },
    /// `N1<TAB>Reference T1 gloss:id<TAB>Name`.
    Reference {
        id: String,
        target: String,
        reference: String,
    },
    /// Anything else, kept verbatim.
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub entry: Entry,
    /// The byte range of the line in the sidecar's text.
    pub range: Range<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sidecar {
    pub text: String,
    pub lines: Vec<Line>,
}

/// A span of the article after re-anchoring, in bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchored {
    pub id: String,
    pub label: String,
    pub range: Range<usize>,
}

/// What a sidecar says about its article, in byte ranges of the article's current text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotations {
    /// Mentions the user typed (entity types only).
    pub mentions: Vec<(Anchored, Label)>,
    /// Recognitions the user rejected.
    pub not_entity: Vec<Range<usize>>,
    /// Figures whose findings the user has checked.
    pub reviewed: Vec<Range<usize>>,
    /// Knowledge-base links: the span and the entity id.
    pub links: Vec<(Range<usize>, String)>,
    /// Problems, as diagnostics on the sidecar's text.
    pub problems: Vec<Diagnostic>,
    /// Spans whose text is no longer in the article.
    pub lost: Vec<Lost>,
}

/// A span whose text is gone from the article: its id, label and text, and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lost {
    pub id: String,
    pub label: String,
    pub text: String,
    pub line: Range<usize>,
}

impl Sidecar {
    pub fn parse(text: &str) -> Sidecar {
        let lines = lines(text, 0)
            .filter(|l| !l.is_blank(text))
            .map(|l| Line {
                entry: parse_line(l.text(text)),
                range: l.content.clone(),
            })
            .collect();
        Sidecar {
            text: text.to_string(),
            lines,
        }
    }

    /// The next free id with `prefix` (`T`, `A`, `N`, `#`).
    pub fn next_id(&self, prefix: char) -> String {
        next_id(
            self.lines.iter().map(|l| &self.text[l.range.clone()]),
            prefix,
        )
    }

    /// The lines about span `id`: its own and those whose target it is (attributes, links,
    /// notes), each with its line break.
    pub fn lines_about(&self, id: &str) -> Vec<Range<usize>> {
        self.lines
            .iter()
            .filter(|l| {
                let raw = &self.text[l.range.clone()];
                let mut fields = raw.split('\t');
                let own = fields.next() == Some(id);
                let targets = fields
                    .next()
                    .is_some_and(|f| f.split(' ').skip(1).any(|w| w == id));
                own || targets
            })
            .map(|l| {
                let rest = &self.text[l.range.end..];
                let newline = if rest.starts_with("\r\n") {
                    2
                } else {
                    usize::from(rest.starts_with(['\n', '\r']))
                };
                l.range.start..l.range.end + newline
            })
            .collect()
    }

    /// The span with the given code point offsets, if the sidecar has one.
    pub fn span_at(&self, start: usize, end: usize) -> Option<&str> {
        self.lines.iter().find_map(|l| match &l.entry {
            Entry::Span {
                id,
                start: s,
                end: e,
                ..
            } if *s == start && *e == end => Some(id.as_str()),
            _ => None,
        })
    }

    /// Whether an attribute `name` is set on span `target`.
    pub fn has_attribute(&self, name: &str, target: &str) -> bool {
        self.lines.iter().any(|l| {
            matches!(&l.entry, Entry::Attribute { name: n, target: t, .. } if n == name && t == target)
        })
    }

    /// Resolves the sidecar against the article's current text.
    pub fn resolve(&self, article: &str, index: &LineIndex) -> Annotations {
        let mut annotations = Annotations::default();
        let mut anchored: Vec<Anchored> = Vec::new();
        for line in &self.lines {
            let Entry::Span {
                id,
                label,
                start,
                end,
                text,
            } = &line.entry
            else {
                continue;
            };
            let (start, end) = (
                index.byte_offset(article, *start),
                index.byte_offset(article, *end),
            );
            match anchor(article, start..end, text) {
                Some(range) => anchored.push(Anchored {
                    id: id.clone(),
                    label: label.clone(),
                    range,
                }),
                None => {
                    annotations.problems.push(Diagnostic::new(
                        line.range.clone(),
                        Severity::Warning,
                        ANNOTATION,
                        format!("{id}: \"{text}\" is no longer in the article; remove the line or point it at the text again"),
                    ));
                    annotations.lost.push(Lost {
                        id: id.clone(),
                        label: label.clone(),
                        text: text.clone(),
                        line: line.range.clone(),
                    });
                }
            }
        }
        let find = |target: &str| anchored.iter().find(|a| a.id == target);
        for line in &self.lines {
            match &line.entry {
                Entry::Attribute { name, target, .. } => match (find(target), name.as_str()) {
                    (Some(span), "NotEntity") => annotations.not_entity.push(span.range.clone()),
                    (Some(span), "Reviewed") => annotations.reviewed.push(span.range.clone()),
                    (None, "NotEntity" | "Reviewed") => {
                        annotations.problems.push(missing_target(line, target))
                    }
                    _ => {}
                },
                Entry::Reference {
                    target, reference, ..
                } => match (find(target), reference.strip_prefix("gloss:")) {
                    (Some(span), Some(entity)) => annotations
                        .links
                        .push((span.range.clone(), entity.to_string())),
                    (None, Some(_)) => annotations.problems.push(missing_target(line, target)),
                    _ => {}
                },
                _ => {}
            }
        }
        // A span the user rejected is not also a mention the user typed.
        for span in anchored {
            let rejected = annotations.not_entity.contains(&span.range);
            if let Some(label) = entity_label(&span.label).filter(|_| !rejected) {
                annotations.mentions.push((span, label));
            }
        }
        annotations
    }
}

/// The next free id with `prefix` among standoff lines: one past the highest in use.
pub fn next_id<'a>(lines: impl Iterator<Item = &'a str>, prefix: char) -> String {
    let highest = lines
        .filter_map(|line| {
            line.strip_prefix(prefix)?
                .split('\t')
                .next()?
                .parse::<u32>()
                .ok()
        })
        .max()
        .unwrap_or(0);
    format!("{prefix}{}", highest + 1)
}

fn missing_target(line: &Line, target: &str) -> Diagnostic {
    Diagnostic::new(
        line.range.clone(),
        Severity::Warning,
        ANNOTATION,
        format!("{target} is not a span in this file, or its text is gone"),
    )
}

fn entity_label(label: &str) -> Option<Label> {
    match label {
        "PER" => Some(Label::Per),
        "ORG" => Some(Label::Org),
        "LOC" => Some(Label::Loc),
        "MISC" => Some(Label::Misc),
        _ => None,
    }
}

fn parse_line(line: &str) -> Entry {
    let fields: Vec<&str> = line.split('\t').collect();
    let id = fields[0].to_string();
    let parts: Vec<&str> = fields.get(1).map_or(Vec::new(), |f| f.split(' ').collect());
    match (id.chars().next(), parts.as_slice()) {
        // A discontinuous span ("PER 0 5;10 15") is kept but not read.
        (Some('T'), [label, start, end]) if !end.contains(';') => {
            match (start.parse(), end.parse()) {
                (Ok(start), Ok(end)) if start <= end => Entry::Span {
                    id,
                    label: label.to_string(),
                    start,
                    end,
                    text: fields.get(2).unwrap_or(&"").to_string(),
                },
                _ => Entry::Other,
            }
        }
        (Some('A' | 'M'), [name, target, ..]) => Entry::Attribute {
            id,
            name: name.to_string(),
            target: target.to_string(),
        },
        (Some('N'), ["Reference", target, reference]) => Entry::Reference {
            id,
            target: target.to_string(),
            reference: reference.to_string(),
        },
        _ => Entry::Other,
    }
}

/// Where a span's text is now: where it was, or the nearest occurrence of its text.
fn anchor(article: &str, range: Range<usize>, text: &str) -> Option<Range<usize>> {
    if article.get(range.clone()) == Some(text) {
        return Some(range);
    }
    if text.is_empty() {
        return None;
    }
    article
        .match_indices(text)
        .map(|(at, _)| at)
        .min_by_key(|at| at.abs_diff(range.start))
        .map(|at| at..at + text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "Лукашенко met Dmitry Mezentsev in Minsk; trade was $32.42 billion.";

    fn resolve(sidecar: &str, article: &str) -> Annotations {
        Sidecar::parse(sidecar).resolve(article, &LineIndex::new(article))
    }

    #[test]
    fn reads_spans_attributes_and_links_in_code_points() {
        let ann = "T1\tPER 14 30\tDmitry Mezentsev\nN1\tReference T1 gloss:dmitry-mezentsev\tDmitry Mezentsev\nT2\tLOC 34 39\tMinsk\nA1\tNotEntity T2\nT3\tMONEY 51 65\t$32.42 billion\nA2\tReviewed T3\n#1\tAnnotatorNotes T1\tchecked\nR1\tLocated Arg1:T1 Arg2:T2\n";
        let found = resolve(ann, ARTICLE);
        let text = |r: &Range<usize>| &ARTICLE[r.clone()];
        assert_eq!(
            found.mentions.len(),
            1,
            "a rejected span and a MONEY span are not entity mentions"
        );
        assert_eq!(text(&found.mentions[0].0.range), "Dmitry Mezentsev");
        assert_eq!(found.mentions[0].1, Label::Per);
        assert_eq!(
            found.links,
            [(
                found.mentions[0].0.range.clone(),
                "dmitry-mezentsev".to_string()
            )]
        );
        assert_eq!(
            found.not_entity.iter().map(text).collect::<Vec<_>>(),
            ["Minsk"]
        );
        assert_eq!(
            found.reviewed.iter().map(text).collect::<Vec<_>>(),
            ["$32.42 billion"]
        );
        assert!(found.problems.is_empty(), "{:?}", found.problems);
    }

    #[test]
    fn spans_move_with_their_text_and_lost_ones_are_reported() {
        let edited = format!("Yesterday, {ARTICLE}");
        let ann = "T1\tPER 14 30\tDmitry Mezentsev\nT2\tLOC 0 5\tGrodno\nA1\tReviewed T2\n";
        let found = resolve(ann, &edited);
        assert_eq!(
            &edited[found.mentions[0].0.range.clone()],
            "Dmitry Mezentsev"
        );
        assert_eq!(found.problems.len(), 2, "{:?}", found.problems);
        assert!(found.problems[0]
            .message
            .contains("\"Grodno\" is no longer in the article"));
        assert_eq!(&ann[found.problems[0].range.clone()], "T2\tLOC 0 5\tGrodno");
    }

    #[test]
    fn malformed_lines_are_kept_and_ignored() {
        let ann = "T1\tPER x y\tBad\nT2\tPER 9 3\tInverted\nT3\tPER 0 5;7 9\tSplit\ngarbage\n\n";
        let sidecar = Sidecar::parse(ann);
        assert_eq!(sidecar.lines.len(), 4);
        assert!(sidecar.lines.iter().all(|l| l.entry == Entry::Other));
        assert_eq!(sidecar.next_id('T'), "T4");
        assert_eq!(resolve(ann, ARTICLE), Annotations::default());
    }
}
