//! Questions the editor asks of the corpus, in the library's own terms (paths and byte ranges):
//! what is at this offset, where else an entity is mentioned, how the corpus describes it, what
//! it appears with. The server turns the answers into protocol messages.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::Corpus;
use crate::analysis::Analysis;
use crate::mention::{Mention, Value};

/// One mention of an entity somewhere in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub path: Arc<Path>,
    pub range: Range<usize>,
}

/// Words that make the words before a name a title ("Russian President", "State Secretary of the
/// Union State of Russia and Belarus").
const TITLE_WORDS: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "chairman",
    "chairwoman",
    "ambassador",
    "premier",
    "chancellor",
    "governor",
    "mayor",
    "director",
    "general",
    "speaker",
    "head",
    "chief",
    "king",
    "queen",
    "prince",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "deputy",
    "envoy",
    "commissioner",
    "senator",
    "representative",
    "founder",
    "ceo",
    "chair",
];

/// Capitalized words that open a sentence rather than a title ("As Russian President …").
const NOT_TITLE_START: &[&str] = &[
    "As",
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "With",
    "From",
    "And",
    "But",
    "Then",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Under",
    "Meanwhile",
    "Also",
    "Now",
    "Both",
];

/// Small words that may sit inside a title without ending it.
const TITLE_JOINERS: &[&str] = &["of", "the", "and", "for", "on"];

impl Corpus {
    /// The mention at a byte offset of an article (linked across the corpus), if any. An offset
    /// at the very end of a mention still finds it, as editors place the cursor after a word.
    pub fn mention_at(&self, path: &Path, offset: usize) -> Option<Mention> {
        let mentions = self.mentions(path);
        let inside = mentions
            .iter()
            .position(|m| m.range.start <= offset && offset < m.range.end);
        let index = inside.or_else(|| mentions.iter().position(|m| m.range.end == offset))?;
        mentions.into_iter().nth(index)
    }

    /// Where each entity is mentioned, worked out once per snapshot.
    fn entity_index(&self) -> Arc<EntityIndex> {
        self.entity_index
            .get_or_init(|| {
                let mut index = EntityIndex::default();
                let mut articles: Vec<&Arc<Analysis>> = self.articles().collect();
                articles.sort_by(|a, b| a.path.cmp(&b.path));
                for analysis in articles {
                    for mention in self.mentions(&analysis.path) {
                        let Some(id) = entity_id(&mention) else {
                            continue;
                        };
                        index
                            .by_article
                            .entry(analysis.path.clone())
                            .or_default()
                            .insert(id.to_string());
                        index
                            .occurrences
                            .entry(id.to_string())
                            .or_default()
                            .push(Occurrence {
                                path: analysis.path.clone(),
                                range: mention.range,
                            });
                    }
                }
                Arc::new(index)
            })
            .clone()
    }

    /// Every mention of the entity `id`, by article path and then position.
    pub fn occurrences(&self, id: &str) -> Vec<Occurrence> {
        self.entity_index()
            .occurrences
            .get(id)
            .cloned()
            .unwrap_or_default()
    }

    /// The titles the corpus gives an entity ("Russian President"), most frequent first.
    pub fn titles(&self, id: &str) -> Vec<String> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for occurrence in self.occurrences(id) {
            let Some(analysis) = self.get(&occurrence.path) else {
                continue;
            };
            if let Some(title) = title_before(&analysis.text, occurrence.range.start) {
                *counts.entry(title).or_default() += 1;
            }
        }
        let mut titles: Vec<(String, usize)> = counts.into_iter().collect();
        titles.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        titles.into_iter().map(|(title, _)| title).collect()
    }

    /// The entities mentioned in the same articles as `id`, with the number of articles they
    /// share, most shared first.
    pub fn appears_with(&self, id: &str) -> Vec<(String, usize)> {
        let index = self.entity_index();
        let mut articles: Vec<&Arc<Path>> = index
            .occurrences
            .get(id)
            .into_iter()
            .flatten()
            .map(|o| &o.path)
            .collect();
        articles.dedup();
        let mut shared: HashMap<&str, usize> = HashMap::new();
        for path in articles {
            for other in index
                .by_article
                .get(path)
                .into_iter()
                .flatten()
                .filter(|other| *other != id)
            {
                *shared.entry(other).or_default() += 1;
            }
        }
        let mut shared: Vec<(String, usize)> = shared
            .into_iter()
            .map(|(other, n)| (other.to_string(), n))
            .collect();
        shared.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        shared
    }
}

/// Where each entity is mentioned, by entity id, and which entities each article mentions.
#[derive(Debug, Default)]
pub struct EntityIndex {
    occurrences: HashMap<String, Vec<Occurrence>>,
    by_article: HashMap<Arc<Path>, BTreeSet<String>>,
}

/// The entity id of an entity mention.
pub fn entity_id(mention: &Mention) -> Option<&str> {
    match &mention.value {
        Value::Entity { id, .. } if mention.label.is_entity() => Some(id.as_str()),
        _ => None,
    }
}

/// The title written just before a name: the run of capitalized words and joiners that ends at
/// `start`, if it holds a title word.
pub fn title_before(text: &str, start: usize) -> Option<String> {
    let before = &text[..start];
    let mut words: Vec<&str> = Vec::new();
    for word in before.split(' ').rev().skip(1) {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let joins = TITLE_JOINERS.contains(&bare);
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        if bare.is_empty() || bare.len() != word.len() || !(joins || capital) {
            break;
        }
        words.push(bare);
    }
    while words.last().is_some_and(|w| TITLE_JOINERS.contains(w)) {
        words.pop();
    }
    words.reverse();
    let is_title_word = |w: &&str| TITLE_WORDS.contains(&w.to_lowercase().as_str());
    let first_title_word = words.iter().position(is_title_word)?;
    // The title starts with the capitalized words right before its first title word ("Sochi
    // Mayor", not "Kremlin and Sochi Mayor").
    let mut start = words[..first_title_word]
        .iter()
        .rposition(|w| TITLE_JOINERS.contains(w))
        .map_or(0, |joiner| joiner + 1);
    while start < first_title_word && NOT_TITLE_START.contains(&words[start]) {
        start += 1;
    }
    Some(words[start..].join(" "))
}

/// The article title, or its file name when it has none.
pub fn article_label(analysis: &Analysis) -> String {
    match &analysis.article.title {
        Some(range) => analysis.text[range.clone()].to_string(),
        None => analysis.path.file_name().map_or_else(
            || analysis.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_the_capitalized_words_before_a_name() {
        let cases = [
            ("MOSCOW — Russian President Vladimir Putin met", "Vladimir", Some("Russian President")),
            (
                "integration, State Secretary of the Union State of Russia and Belarus Dmitry Mezentsev told",
                "Dmitry",
                Some("State Secretary of the Union State of Russia and Belarus"),
            ),
            ("said that Vladimir Putin met", "Vladimir", None),
            ("As Russian President Vladimir Putin said", "Vladimir", Some("Russian President")),
            ("the Kremlin and Sochi Mayor Alexei Kopaigorodsky", "Alexei", Some("Sochi Mayor")),
        ];
        for (text, name, expected) in cases {
            let start = text.find(name).unwrap();
            assert_eq!(title_before(text, start).as_deref(), expected, "{text}");
        }
    }
}
