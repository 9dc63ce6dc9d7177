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

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use super::kb::KnowledgeBase;
use crate::analysis::Analysis;
use crate::mention::{Label, Value};
use crate::recognize::entities::{demonym_place, display_name, slug};

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

#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub label: Label,
    /// Mentions across the corpus, demonyms included.
    pub mentions: usize,
    pub articles: usize,
    pub definition: Option<Definition>,
}

/// Two entities whose names are spelled alike: perhaps the same, for the user to decide.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub a: String,
    pub b: String,
}

/// The link of one mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Link {
    entity: usize,
    /// The label the mention shows: the entity's, except for demonyms, which stay `MISC`.
    label: Label,
}

#[derive(Debug, Default)]
pub struct Linking {
    entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
    /// Per article, one entry per mention of its analysis (`None` for dates and figures).
    links: HashMap<Arc<Path>, Vec<Option<Link>>>,
    proposals: Vec<Proposal>,
}

/// One entity mention, with where it is and what it resolves to.
struct Occurrence {
    article: usize,
    mention: usize,
    range: Range<usize>,
    label: Label,
    name: String,
    /// The grouping key: `kb:ID`, or the id of the canonical name ("U.S." and "US" are one).
    key: String,
    canonical: String,
    demonym: bool,
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

impl Linking {
    pub fn build(articles: &[&Arc<Analysis>], kb: &KnowledgeBase) -> Linking {
        let mut occurrences = Vec::new();
        for (a, analysis) in articles.iter().enumerate() {
            for (m, mention) in analysis.mentions.iter().enumerate() {
                if !mention.label.is_entity() {
                    continue;
                }
                let Some(written) = analysis.text.get(mention.range.clone()) else {
                    continue;
                };
                let name = display_name(written);
                occurrences.push(Occurrence {
                    article: a,
                    mention: m,
                    range: mention.range.clone(),
                    label: mention.label,
                    key: String::new(),
                    canonical: name.clone(),
                    name,
                    demonym: false,
                });
            }
        }
        let acronyms = acronyms(articles, &occurrences);
        let surnames = surnames(&occurrences);
        for o in occurrences.iter_mut() {
            resolve(o, kb, &acronyms, &surnames);
        }

        let mut linking = Linking::default();
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, o) in occurrences.iter().enumerate() {
            groups.entry(o.key.clone()).or_default().push(i);
        }
        let mut links: Vec<Vec<Option<Link>>> = articles
            .iter()
            .map(|a| vec![None; a.mentions.len()])
            .collect();
        for (key, members) in groups {
            let entity = linking.entity_for(&key, &members, &occurrences, articles, kb);
            let index = linking.entities.len();
            linking.by_id.entry(entity.id.clone()).or_insert(index);
            linking.entities.push(entity);
            let label = linking.entities[index].label;
            for &i in &members {
                let o = &occurrences[i];
                links[o.article][o.mention] = Some(Link {
                    entity: index,
                    label: if o.demonym { o.label } else { label },
                });
            }
        }
        linking.links = articles
            .iter()
            .zip(links)
            .map(|(a, l)| (a.path.clone(), l))
            .collect();
        linking.proposals = proposals(&linking.entities);
        linking
    }

    fn entity_for(
        &self,
        key: &str,
        members: &[usize],
        occurrences: &[Occurrence],
        articles: &[&Arc<Analysis>],
        kb: &KnowledgeBase,
    ) -> Entity {
        let kb_entity = key.strip_prefix("kb:").and_then(|id| kb.get(id));
        let own: Vec<&Occurrence> = members
            .iter()
            .map(|&i| &occurrences[i])
            .filter(|o| !o.demonym)
            .collect();
        let label = kb_entity
            .and_then(|e| e.label)
            .or_else(|| majority(own.iter().map(|o| o.label)))
            .unwrap_or(Label::Loc);
        let canonical = &occurrences[members[0]].canonical;
        let name = match kb_entity {
            Some(e) => e.name.clone(),
            None => best_spelling(canonical, &own),
        };
        let mut id = kb_entity.map_or_else(|| slug(&name), |e| e.id.clone());
        if id.is_empty() || self.by_id.contains_key(&id) {
            id = format!("{id}-{}", self.entities.len());
        }
        let mut article_set: Vec<usize> = members.iter().map(|&i| occurrences[i].article).collect();
        article_set.sort_unstable();
        article_set.dedup();
        let definition = if kb_entity.is_some() {
            Some(Definition::KnowledgeBase)
        } else {
            defining_mention(&name, &own, articles)
        };
        Entity {
            id,
            name,
            label,
            mentions: members.len(),
            articles: article_set.len(),
            definition,
        }
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    pub fn proposals(&self) -> &[Proposal] {
        &self.proposals
    }

    /// The linked value and label of the `index`-th mention of the article at `path`.
    pub fn link(&self, path: &Path, index: usize) -> Option<(Value, Label)> {
        let link = (*self.links.get(path)?.get(index)?)?;
        let entity = &self.entities[link.entity];
        Some((
            Value::Entity {
                id: entity.id.clone(),
                name: entity.name.clone(),
            },
            link.label,
        ))
    }
}

fn resolve(
    o: &mut Occurrence,
    kb: &KnowledgeBase,
    acronyms: &HashMap<String, String>,
    surnames: &HashMap<String, Option<String>>,
) {
    if let Some(e) = kb.lookup(&o.name) {
        o.key = format!("kb:{}", e.id);
        o.canonical = e.name.clone();
        return;
    }
    let mut canonical = o.name.clone();
    if let Some(expansion) = acronyms.get(&o.name) {
        canonical = expansion.clone();
    } else if matches!(o.label, Label::Per | Label::Org) && is_single_word(&o.name) {
        if let Some(Some(full)) = surnames.get(&o.name) {
            canonical = full.clone();
        }
    } else if o.label == Label::Misc {
        if let Some(place) = demonym_place(&o.name) {
            canonical = place.to_string();
            o.demonym = true;
        }
    }
    if let Some(e) = kb.lookup(&canonical) {
        o.key = format!("kb:{}", e.id);
        o.canonical = e.name.clone();
        return;
    }
    o.key = slug(&canonical);
    o.canonical = canonical;
}

/// A single word that is not an acronym: what a surname alone looks like. An organization read
/// from a guess ("the Putin administration") may be one too.
fn is_single_word(name: &str) -> bool {
    !name.contains(' ') && name.chars().any(char::is_lowercase)
}

/// Acronyms defined right after their expansion: `Expansion (ACR)`, with the acronym's letters
/// found in order in the expansion, starting with its first letter.
fn acronyms(articles: &[&Arc<Analysis>], occurrences: &[Occurrence]) -> HashMap<String, String> {
    let mut found = HashMap::new();
    for o in occurrences {
        let text = &articles[o.article].text;
        let after = text.get(o.range.end..).unwrap_or_default();
        let Some(inside) = after
            .trim_start()
            .strip_prefix('(')
            .and_then(|rest| rest.split_once(')'))
            .map(|(inside, _)| inside.trim())
        else {
            continue;
        };
        let letters = inside.chars().filter(|c| c.is_alphabetic()).count();
        let is_acronym = (2..=10).contains(&letters)
            && inside
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '.' || c == '-');
        if is_acronym && o.name.contains(' ') && spells(inside, &o.name) {
            found
                .entry(inside.to_string())
                .or_insert_with(|| o.name.clone());
        }
    }
    found
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

/// Each surname of a person named in full, with the one full name it stands for, or `None`
/// when several people share it.
fn surnames(occurrences: &[Occurrence]) -> HashMap<String, Option<String>> {
    let mut found: HashMap<String, Option<String>> = HashMap::new();
    for o in occurrences.iter().filter(|o| o.label == Label::Per) {
        let Some((_, surname)) = o.name.rsplit_once(' ') else {
            continue;
        };
        found
            .entry(surname.to_string())
            .and_modify(|full| {
                if full.as_deref() != Some(o.name.as_str()) {
                    *full = None;
                }
            })
            .or_insert_with(|| Some(o.name.clone()));
    }
    found
}

fn majority(labels: impl Iterator<Item = Label>) -> Option<Label> {
    let mut counts: BTreeMap<Label, usize> = BTreeMap::new();
    for label in labels {
        *counts.entry(label).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(label, n)| (n, std::cmp::Reverse(label)))
        .map(|(label, _)| label)
}

/// The entity's name: the canonical name as its mentions most often write it, preferring a
/// spelling that is not in capitals ("Moscow" over "MOSCOW").
fn best_spelling(canonical: &str, own: &[&Occurrence]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for o in own {
        *counts.entry(o.canonical.as_str()).or_default() += 1;
    }
    let has_lowercase = |s: &str| s.chars().any(char::is_lowercase);
    counts
        .into_iter()
        .max_by_key(|&(s, n)| (has_lowercase(s), n))
        .map_or_else(|| canonical.to_string(), |(s, _)| s.to_string())
}

/// The first mention with the entity's full name, preferring one after a title; for an
/// acronym, the first mention of its expansion.
fn defining_mention(
    name: &str,
    own: &[&Occurrence],
    articles: &[&Arc<Analysis>],
) -> Option<Definition> {
    let full: Vec<&&Occurrence> = own
        .iter()
        .filter(|o| o.name.eq_ignore_ascii_case(name))
        .collect();
    let after_title = |o: &Occurrence| {
        let text = &articles[o.article].text;
        let start = o.range.start.saturating_sub(40);
        let before = text
            .get(start..o.range.start)
            .or_else(|| text.get(..o.range.start))
            .unwrap_or_default();
        before
            .split_whitespace()
            .last()
            .is_some_and(|w| DEFINING_TITLES.contains(&w))
    };
    let chosen = full
        .iter()
        .find(|o| after_title(o))
        .or_else(|| full.first())
        .map(|o| **o)
        .or_else(|| own.first().copied())?;
    Some(Definition::Mention {
        path: articles[chosen.article].path.clone(),
        range: chosen.range.clone(),
    })
}

/// Pairs of entities of one type whose names differ by an edit or two ("Lukashenko" and
/// "Lukashenka", "Belarusian" and "Belarussian").
fn proposals(entities: &[Entity]) -> Vec<Proposal> {
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
