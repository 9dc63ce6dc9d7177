//! Questions the editor asks of the corpus, in the library's own terms (paths and byte ranges):
//! what is at this offset, where else an entity is mentioned, how the corpus describes it, what
//! it appears with. The server turns the answers into protocol messages.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::linking::{proposals, Definition, Entity, Proposal, Summary};
use super::names::{ArticleId, NameTable, Place};
use super::Corpus;
use crate::analysis::Analysis;
use crate::mention::{Mention, Value};

/// One mention of an entity somewhere in the corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub path: Arc<Path>,
    pub range: Range<usize>,
}

/// The mentions of one entity, article by article in path order, read from the lists its name
/// groups keep.
pub struct EntityPlaces<'c> {
    names: &'c NameTable,
    /// Runs of one group's places in one article, in article path order.
    runs: Vec<&'c [Place]>,
    /// Each article's runs: more than one when the entity is written several ways in it.
    articles: Vec<Range<usize>>,
}

impl<'c> EntityPlaces<'c> {
    /// How many articles name the entity.
    pub fn articles(&self) -> usize {
        self.articles.len()
    }

    /// The path of the `i`th article naming the entity.
    pub fn path(&self, i: usize) -> &'c Arc<Path> {
        self.names.path(self.article(i))
    }

    /// [`EntityPlaces::path`] as text, read from the table that keeps all paths together;
    /// empty when the path is not Unicode.
    pub fn path_text(&self, i: usize) -> &'c str {
        self.names.path_text(self.article(i))
    }

    fn article(&self, i: usize) -> ArticleId {
        self.runs[self.articles[i].start][0].article
    }

    /// How many places the entity has in the `i`th article naming it.
    pub fn count(&self, i: usize) -> usize {
        self.runs[self.articles[i].clone()]
            .iter()
            .map(|run| run.len())
            .sum()
    }

    /// The entity's places in the `i`th article naming it, in text order.
    pub fn places(&self, i: usize) -> Cow<'c, [Place]> {
        match &self.runs[self.articles[i].clone()] {
            [run] => Cow::Borrowed(*run),
            runs => {
                let mut places: Vec<Place> =
                    runs.iter().flat_map(|run| run.iter().cloned()).collect();
                places.sort_unstable_by_key(|place| place.range.start);
                Cow::Owned(places)
            }
        }
    }
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

    fn entity_key(&self, id: &str) -> Option<String> {
        self.linking().key_of(id)
    }

    /// The entity with `id`, with its mention and article counts.
    pub fn entity(&self, id: &str) -> Option<Entity> {
        self.linking().entity(&self.entity_key(id)?)
    }

    /// Every entity with its mention and article counts, most mentioned first.
    pub fn entities(&self) -> Vec<Entity> {
        let mut entities = self.linking().entities();
        entities.sort_by(|a, b| {
            (b.mentions, b.articles)
                .cmp(&(a.mentions, a.articles))
                .then_with(|| a.name.cmp(&b.name))
                .then_with(|| a.id.cmp(&b.id))
        });
        entities
    }

    /// The entity's id, name and type, without counting its mentions.
    pub fn summary(&self, id: &str) -> Option<Summary> {
        Some(self.linking().summary(&self.entity_key(id)?))
    }

    /// Whether the entity `id` is mentioned in more than one article.
    pub fn in_several_articles(&self, id: &str) -> bool {
        self.entity_key(id)
            .is_some_and(|key| self.linking().in_several_articles(&key))
    }

    /// Where the entity `id` is defined.
    pub fn definition(&self, id: &str) -> Option<Definition> {
        self.linking().definition(&self.entity_key(id)?)
    }

    /// Entities whose names are spelled alike, proposed as perhaps the same.
    pub fn proposed_links(&self) -> Vec<Proposal> {
        proposals(&self.linking().entities())
    }

    /// The `n` most recent articles that mention the entity `id`, newest first, with the number
    /// of its mentions in each; and how many articles mention it in all.
    pub fn recent_articles(&self, id: &str, n: usize) -> (Vec<(Arc<Path>, usize)>, usize) {
        let Some(key) = self.entity_key(id) else {
            return (Vec::new(), 0);
        };
        let mut articles = self.linking().articles(&key);
        let date = |article| self.names.numbered(article).and_then(|a| a.date);
        let newest_first = |a: &(ArticleId, usize), b: &(ArticleId, usize)| {
            date(b.0)
                .cmp(&date(a.0))
                .then_with(|| self.names.path_rank(a.0).cmp(&self.names.path_rank(b.0)))
        };
        let total = articles.len();
        // Only the few listed need sorting.
        if articles.len() > n {
            articles.select_nth_unstable_by(n, newest_first);
            articles.truncate(n);
        }
        articles.sort_by(newest_first);
        let listed = articles
            .into_iter()
            .map(|(article, count)| (self.names.path(article).clone(), count))
            .collect();
        (listed, total)
    }

    /// Every mention of the entity `id`, by article path and then position.
    pub fn occurrences(&self, id: &str) -> Vec<Occurrence> {
        let places = self.places(id);
        let mut occurrences = Vec::new();
        for i in 0..places.articles() {
            let path = places.path(i);
            occurrences.extend(places.places(i).iter().map(|place| Occurrence {
                path: path.clone(),
                range: place.byte_range(),
            }));
        }
        occurrences
    }

    /// Every mention of the entity `id`, article by article in the order of
    /// [`Corpus::occurrences`].
    pub fn places(&self, id: &str) -> EntityPlaces<'_> {
        let names = &*self.names;
        let members = self
            .entity_key(id)
            .and_then(|key| names.members(&key))
            .into_iter()
            .flatten();
        let mut runs: Vec<&[Place]> = members
            .flat_map(|&group| {
                names
                    .group(group)
                    .places
                    .chunk_by(|a, b| a.article == b.article)
            })
            .collect();
        runs.sort_by_key(|run| names.path_rank(run[0].article));
        let mut articles = Vec::new();
        let mut start = 0;
        for (i, pair) in runs.windows(2).enumerate() {
            if pair[0][0].article != pair[1][0].article {
                articles.push(start..i + 1);
                start = i + 1;
            }
        }
        if !runs.is_empty() {
            articles.push(start..runs.len());
        }
        EntityPlaces {
            names,
            runs,
            articles,
        }
    }

    /// The titles the corpus gives an entity ("Russian President"), most frequent first.
    pub fn titles(&self, id: &str) -> Vec<String> {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        if let Some(members) = self.entity_key(id).and_then(|k| self.names.members(&k)) {
            for &name in members {
                for (title, n) in &self.names.group(name).titles {
                    *counts.entry(title).or_default() += n;
                }
            }
        }
        let mut titles: Vec<(&str, u32)> = counts.into_iter().collect();
        titles.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        titles.into_iter().map(|(t, _)| t.to_string()).collect()
    }

    /// The `limit` entities mentioned in the most of the same articles as `id`, with the number
    /// of articles they share, most shared first.
    pub fn appears_with(&self, id: &str, limit: usize) -> Vec<(String, usize)> {
        let Some(key) = self.entity_key(id) else {
            return Vec::new();
        };
        let linking = self.linking();
        // Each name gets its entity's number the first time an article shows it, so that
        // counting is indexing vectors, not hashing.
        const UNSEEN: usize = usize::MAX;
        let mut entity_of_name = vec![UNSEEN; self.names.group_count()];
        let mut numbers: HashMap<&str, usize> = HashMap::new();
        let mut keys: Vec<&str> = Vec::new();
        let mut shared: Vec<usize> = Vec::new();
        let mut in_article: Vec<usize> = Vec::new();
        for (article, _) in linking.articles(&key) {
            let Some(names) = self.names.numbered(article) else {
                continue;
            };
            in_article.clear();
            for &name in &names.distinct {
                let entity = &mut entity_of_name[name as usize];
                if *entity == UNSEEN {
                    let other = self.names.group(name).resolved.key.as_str();
                    *entity = *numbers.entry(other).or_insert_with(|| {
                        keys.push(other);
                        shared.push(0);
                        keys.len() - 1
                    });
                }
                in_article.push(*entity);
            }
            in_article.sort_unstable();
            in_article.dedup();
            for &entity in &in_article {
                shared[entity] += 1;
            }
        }
        let mut found: Vec<(&str, usize)> = keys
            .into_iter()
            .zip(shared)
            .filter(|(other, _)| *other != key)
            .collect();
        let most_shared_first =
            |a: &(&str, usize), b: &(&str, usize)| b.1.cmp(&a.1).then(a.0.cmp(b.0));
        if found.len() > limit {
            found.select_nth_unstable_by(limit, most_shared_first);
            found.truncate(limit);
        }
        found.sort_by(most_shared_first);
        found
            .into_iter()
            .map(|(other, n)| (linking.id_of(other), n))
            .collect()
    }
}

/// The entity id of an entity mention.
pub fn entity_id(mention: &Mention) -> Option<&str> {
    match &mention.value {
        Value::Entity(entity) if mention.label.is_entity() => Some(entity.id.as_str()),
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
    match &analysis.title {
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
