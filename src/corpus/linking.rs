//! Linking: which entity mentions across the corpus name the same thing.
//!
//! In order of trust: the knowledge base's names and aliases; acronyms defined in parentheses
//! after their expansion ("Collective Security Treaty Organization (CSTO)"), which then stand
//! for it everywhere; a person's surname alone ("Putin") when exactly one full name in the
//! corpus ends with it; a demonym ("Russian") to its country, keeping its own label; otherwise
//! the name itself, ignoring case and punctuation ("MOSCOW" is "Moscow", "U.S." is "US"). Each entity's type is the one most of
//! its mentions have, so a name read with confidence in several articles settles a doubtful
//! reading in another. Similar spellings ("Lukashenko"/"Lukashenka") are only proposed as the
//! same entity, never merged.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::kb::KnowledgeBase;
use super::names::{ArticleId, NameGroup, NameId, NameKey, NameTable, Tally};
use crate::mention::Label;
use crate::recognize::entities::{demonym_place, slug};
use crate::text::widen;

/// Where an entity is defined: what go-to-definition jumps to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Definition {
    /// The entity's entry in the knowledge base.
    KnowledgeBase,
    /// A mention: the full name (after a title where there is one), or an acronym's expansion.
    Mention {
        path: Arc<Path>,
        range: Range<usize>,
    },
}

/// An entity's id, name and type: what each of its mentions shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub id: String,
    pub name: String,
    pub label: Label,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub label: Label,
    /// Mentions across the corpus, demonyms included.
    pub mentions: usize,
    pub articles: usize,
}

/// Two entities whose names are spelled alike: perhaps the same, for the user to decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub a: String,
    pub b: String,
}

/// What a way of writing a name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The entity's key: `kb:ID`, or the id of the canonical name ("U.S." and "US" are one).
    pub key: String,
    /// The name it stands for: the knowledge base's, an acronym's expansion, a full name.
    pub canonical: String,
    /// A demonym ("Russian") standing for its country: it counts as a mention of the country
    /// but keeps its own type.
    pub demonym: bool,
}

const DEFINING_TITLES: &[&str] = &[
    "President",
    "Minister",
    "Secretary",
    "Chairman",
    "Ambassador",
    "Premier",
    "Chancellor",
    "Governor",
    "Mayor",
    "Director",
    "General",
    "Speaker",
    "Head",
    "Chief",
    "King",
    "Queen",
    "Prince",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
];

/// Resolves a way of writing a name, given the corpus's acronyms and surnames.
pub fn resolve<'a>(
    key: &NameKey,
    kb: &KnowledgeBase,
    acronym: impl Fn(&str) -> Option<&'a str>,
    surname: impl Fn(&str) -> Option<&'a str>,
) -> Resolved {
    let in_kb = |e: &super::KbEntity| Resolved {
        key: format!("kb:{}", e.id),
        canonical: e.name.clone(),
        demonym: false,
    };
    if let Some(id) = &key.link {
        return Resolved {
            key: format!("kb:{id}"),
            canonical: kb
                .get(id)
                .map_or_else(|| key.name.clone(), |e| e.name.clone()),
            demonym: false,
        };
    }
    if let Some(e) = kb.lookup(&key.name) {
        return in_kb(e);
    }
    let mut canonical = key.name.as_str();
    let mut demonym = false;
    if let Some(expansion) = acronym(&key.name) {
        canonical = expansion;
    } else if matches!(key.label, Label::Per | Label::Org) && is_single_word(&key.name) {
        if let Some(full) = surname(&key.name) {
            canonical = full;
        }
    } else if key.label == Label::Misc {
        if let Some(place) = demonym_place(&key.name) {
            canonical = place;
            demonym = true;
        }
    }
    if let Some(e) = kb.lookup(canonical) {
        return Resolved {
            demonym,
            ..in_kb(e)
        };
    }
    Resolved {
        key: slug(canonical).into(),
        canonical: canonical.to_string(),
        demonym,
    }
}

/// A single word that is not an acronym: what a surname alone looks like. An organization read
/// from a guess ("the Putin administration") may be one too.
fn is_single_word(name: &str) -> bool {
    !name.contains(' ') && name.chars().any(char::is_lowercase)
}

/// The acronym defined right after a name of several words, `Expansion (ACR)`, with the
/// acronym's letters found in order in the expansion, starting with its first letter.
pub fn acronym_defined_after(text: &str, range: &Range<usize>, name: &str) -> Option<String> {
    if !name.contains(' ') {
        return None;
    }
    let inside = text
        .get(range.end..)?
        .trim_start()
        .strip_prefix('(')?
        .split_once(')')?
        .0
        .trim();
    let letters = inside.chars().filter(|c| c.is_alphabetic()).count();
    let is_acronym = (2..=10).contains(&letters)
        && inside
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '-');
    (is_acronym && spells(inside, name)).then(|| inside.to_string())
}

fn spells(acronym: &str, expansion: &str) -> bool {
    let mut letters = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase);
    let Some(first) = letters.next() else {
        return false;
    };
    let mut rest = expansion.chars().flat_map(char::to_lowercase);
    if rest.next() != Some(first) {
        return false;
    }
    letters.all(|l| rest.any(|c| c == l))
}

/// Whether the word right before `start` is a title that introduces a person by full name.
pub fn follows_defining_title(text: &str, start: usize) -> bool {
    let from = start.saturating_sub(40);
    let before = text
        .get(from..start)
        .or_else(|| text.get(..start))
        .unwrap_or_default();
    before
        .split_whitespace()
        .last()
        .is_some_and(|w| DEFINING_TITLES.contains(&w))
}

/// The corpus's entities, read from its name groups and the knowledge base.
pub struct Linking<'a> {
    pub names: &'a NameTable,
    pub kb: &'a KnowledgeBase,
}

impl Linking<'_> {
    /// The id shown for the entity with `key`: the knowledge base's id, else the name's. A name
    /// whose id is taken by a knowledge-base entity it does not belong to gets a suffix.
    pub fn id_of(&self, key: &str) -> String {
        match key.strip_prefix("kb:") {
            Some(id) => id.to_string(),
            None if self.names.members(&format!("kb:{key}")).is_some() => format!("{key}-2"),
            None => key.to_string(),
        }
    }

    /// The key of the entity with `id`.
    pub fn key_of(&self, id: &str) -> Option<String> {
        let kb_key = format!("kb:{id}");
        if self.names.members(&kb_key).is_some() {
            return Some(kb_key);
        }
        if self.names.members(id).is_some() {
            return Some(id.to_string());
        }
        let base = id.strip_suffix("-2")?;
        let taken = self.names.members(&format!("kb:{base}")).is_some();
        (taken && self.names.members(base).is_some()).then(|| base.to_string())
    }

    /// The groups of the entity with `key` that are not demonyms.
    fn own(&self, key: &str) -> Vec<NameId> {
        self.names
            .members(key)
            .into_iter()
            .flatten()
            .copied()
            .filter(|&id| !self.names.group(id).resolved.demonym)
            .collect()
    }

    /// The entity's id, name and type. Its type is the one most of its mentions have, so a name
    /// read with confidence in several articles settles a doubtful reading in another.
    pub fn summary(&self, key: &str) -> Summary {
        let kb_entity = key.strip_prefix("kb:").and_then(|id| self.kb.get(id));
        let own = self.own(key);
        let label = kb_entity
            .and_then(|e| e.label)
            .or_else(|| {
                majority(
                    own.iter()
                        .map(|&id| self.names.group(id))
                        .map(|g| (g.key.label, g.mentions)),
                )
            })
            .unwrap_or(Label::Loc);
        let name = match kb_entity {
            Some(e) => e.name.clone(),
            None => self.best_spelling(key, &own),
        };
        Summary {
            id: self.id_of(key),
            name,
            label,
        }
    }

    /// The entity with its mention and article counts.
    pub fn entity(&self, key: &str) -> Option<Entity> {
        let members = self.names.members(key)?;
        let summary = self.summary(key);
        let mentions = members
            .iter()
            .map(|&id| self.names.group(id).mentions as usize)
            .sum();
        Some(Entity {
            id: summary.id,
            name: summary.name,
            label: summary.label,
            mentions,
            articles: self.articles(key).len(),
        })
    }

    /// The articles that mention the entity, with the number of its mentions in each, in no
    /// particular order.
    pub fn articles(&self, key: &str) -> Vec<(ArticleId, usize)> {
        let members: Vec<&NameGroup> = self
            .names
            .members(key)
            .into_iter()
            .flatten()
            .map(|&id| self.names.group(id))
            .collect();
        let count = |&(article, tally): &(ArticleId, Tally)| (article, tally.mentions as usize);
        if let [group] = members.as_slice() {
            return group.articles.iter().map(count).collect();
        }
        // The tallies are merged by sorting them; an entity written in most articles is instead
        // counted in a vector over all article numbers, cheaper than sorting at that size.
        let mut tallies: Vec<(ArticleId, usize)> = members
            .iter()
            .flat_map(|group| group.articles.iter().map(count))
            .collect();
        if tallies.len() * 8 < self.names.article_numbers() {
            tallies.sort_unstable_by_key(|&(article, _)| article);
            let mut merged: Vec<(ArticleId, usize)> = Vec::with_capacity(tallies.len());
            for (article, n) in tallies {
                match merged.last_mut() {
                    Some((last, total)) if *last == article => *total += n,
                    _ => merged.push((article, n)),
                }
            }
            return merged;
        }
        let mut merged = vec![0; self.names.article_numbers()];
        for (article, n) in tallies {
            merged[article as usize] += n;
        }
        (0..).zip(merged).filter(|&(_, n)| n > 0).collect()
    }

    /// Whether the entity is mentioned in more than one article.
    pub fn in_several_articles(&self, key: &str) -> bool {
        let mut articles = self
            .names
            .members(key)
            .into_iter()
            .flatten()
            .flat_map(|&id| {
                self.names
                    .group(id)
                    .articles
                    .iter()
                    .map(|&(article, _)| article)
            });
        let first = articles.next();
        articles.any(|a| Some(a) != first)
    }

    /// The canonical name as the entity's mentions most often write it, preferring a spelling
    /// that is not in capitals ("Moscow" over "MOSCOW").
    fn best_spelling(&self, key: &str, own: &[NameId]) -> String {
        let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
        for &id in own {
            let group = self.names.group(id);
            *counts.entry(group.resolved.canonical.as_str()).or_default() += group.mentions;
        }
        let has_lowercase = |s: &str| s.chars().any(char::is_lowercase);
        counts
            .into_iter()
            .max_by_key(|&(s, n)| (has_lowercase(s), n))
            .map(|(s, _)| s.to_string())
            .or_else(|| {
                let first = self.names.members(key)?.iter().next()?;
                Some(self.names.group(*first).resolved.canonical.clone())
            })
            .unwrap_or_default()
    }

    /// Where the entity is defined: its knowledge-base entry, else the first mention of its
    /// full name after a title, else the first mention of its full name, else its first mention
    /// that is not a demonym, else its first mention.
    pub fn definition(&self, key: &str) -> Option<Definition> {
        let kb_entity = key.strip_prefix("kb:").and_then(|id| self.kb.get(id));
        if kb_entity.is_some() {
            return Some(Definition::KnowledgeBase);
        }
        let own = self.own(key);
        let name = self.best_spelling(key, &own);
        let full: BTreeSet<NameId> = own
            .iter()
            .copied()
            .filter(|&id| self.names.group(id).key.name.eq_ignore_ascii_case(&name))
            .collect();
        let first_where = |groups: &BTreeSet<NameId>, after_title: bool| {
            groups
                .iter()
                .flat_map(|&id| &self.names.group(id).articles)
                .filter(|(_, tally)| !after_title || tally.after_title > 0)
                .map(|&(article, _)| article)
                .min_by_key(|&article| self.names.path_rank(article))
        };
        let own_set: BTreeSet<NameId> = if own.is_empty() {
            self.names.members(key)?.clone()
        } else {
            own.into_iter().collect()
        };
        let (article, groups, after_title) = if let Some(article) = first_where(&full, true) {
            (article, &full, true)
        } else if let Some(article) = first_where(&full, false) {
            (article, &full, false)
        } else {
            (first_where(&own_set, false)?, &own_set, false)
        };
        let range = if after_title {
            let names = self.names.numbered(article)?;
            let (_, range) = names
                .after_title
                .iter()
                .find(|(id, _)| groups.contains(id))?;
            widen(range)
        } else {
            groups
                .iter()
                .filter_map(|&id| self.names.places_in(id, article).first())
                .min_by_key(|place| place.range.start)?
                .byte_range()
        };
        Some(Definition::Mention {
            path: self.names.path(article).clone(),
            range,
        })
    }

    /// Every entity with its counts.
    pub fn entities(&self) -> Vec<Entity> {
        self.names
            .entities()
            .filter_map(|(key, _)| self.entity(key))
            .collect()
    }
}

fn majority(labels: impl Iterator<Item = (Label, u32)>) -> Option<Label> {
    let mut counts: BTreeMap<Label, u32> = BTreeMap::new();
    for (label, n) in labels {
        *counts.entry(label).or_default() += n;
    }
    counts
        .into_iter()
        .max_by_key(|&(label, n)| (n, std::cmp::Reverse(label)))
        .map(|(label, _)| label)
}

/// Pairs of entities of one type whose names differ by an edit or two ("Lukashenko" and
/// "Lukashenka", "Belarusian" and "Belarussian").
pub fn proposals(entities: &[Entity]) -> Vec<Proposal> {
    let mut buckets: HashMap<(Label, String), Vec<usize>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        let prefix: String = e
            .name
            .chars()
            .take(2)
            .flat_map(char::to_lowercase)
            .collect();
        if e.name.chars().count() >= 6 {
            buckets.entry((e.label, prefix)).or_default().push(i);
        }
    }
    let mut found = Vec::new();
    for members in buckets.values() {
        for (n, &i) in members.iter().enumerate() {
            for &j in &members[n + 1..] {
                let (a, b) = (&entities[i].name, &entities[j].name);
                let longest = a.chars().count().max(b.chars().count());
                let limit = if longest >= 10 { 2 } else { 1 };
                let both_places = is_place(a) && is_place(b);
                if !both_places && within_edits(a, b, limit) {
                    let (a, b) = (entities[i].id.clone(), entities[j].id.clone());
                    found.push(if a < b {
                        Proposal { a, b }
                    } else {
                        Proposal { a: b, b: a }
                    });
                }
            }
        }
    }
    found.sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
    found
}

/// Two places the gazetteer knows are two places, however alike ("Austria", "Australia").
fn is_place(name: &str) -> bool {
    crate::recognize::entities::is_known_place(name)
}

/// Whether the edit distance between `a` and `b` is at most `limit` (and more than zero).
fn within_edits(a: &str, b: &str, limit: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a == b || a.len().abs_diff(b.len()) > limit {
        return false;
    }
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()] <= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_and_acronyms() {
        assert!(within_edits("Lukashenko", "Lukashenka", 2));
        assert!(within_edits("Belarusian", "Belarussian", 2));
        assert!(!within_edits("Russia", "Russia", 2));
        assert!(!within_edits("Moscow", "Minsk", 2));
        assert!(spells("CSTO", "Collective Security Treaty Organization"));
        assert!(spells("EAEU", "Eurasian Economic Union"));
        assert!(!spells("NATO", "Collective Security Treaty Organization"));
    }
}
