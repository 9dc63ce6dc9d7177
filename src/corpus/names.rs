//! The corpus's entity names, kept up to date article by article.
//!
//! Each article contributes its entity mentions, grouped by how they are written: the name, its
//! type and the user's knowledge-base link, if any. Each group is resolved to an entity by the
//! linking rules and resolved again only when what it depends on changes: the knowledge base, the
//! expansion of an acronym, the one full name a surname stands for. An edit therefore costs the
//! edited article's mentions, not the corpus.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::path::Path;
use std::sync::{Arc, OnceLock};

use super::kb::KnowledgeBase;
use super::linking::{acronym_defined_after, follows_defining_title, resolve, Resolved};
use super::query::title_before;
use compact_str::CompactString;
use jiff::civil::Date;

use crate::mention::{Label, Mention};
use crate::recognize::entities::display_name;
use crate::text::{narrow, widen, Encoding, LineCol, LineIndex};

pub type NameId = u32;

/// An article's number in the table: cheaper to keep, hash and compare than its path.
pub type ArticleId = u32;

/// How a group of mentions is written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NameKey {
    /// As written, with runs of white space made single spaces.
    pub name: String,
    pub label: Label,
    /// The knowledge-base entity the user linked these mentions to.
    pub link: Option<String>,
}

/// How often a name is written in one article, and how often after a title that introduces a
/// person ("President Vladimir Putin").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub mentions: u32,
    pub after_title: u32,
}

/// Every mention written one way, across the corpus.
#[derive(Debug, Clone)]
pub struct NameGroup {
    pub key: NameKey,
    pub resolved: Resolved,
    pub mentions: u32,
    /// The articles with these mentions, by article number, with their tallies.
    pub articles: Vec<(ArticleId, Tally)>,
    /// Every mention, by article number and then in text order.
    pub places: Vec<Place>,
    /// The titles written before these mentions ("Russian President"), with their counts.
    pub titles: BTreeMap<String, u32>,
}

/// Where a name is written: kept with its group, so that listing every mention of a name reads
/// one array instead of every article that has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub article: ArticleId,
    /// Byte offsets in the article.
    pub range: Range<u32>,
    /// Where it starts and ends in lines and UTF-16 columns, as editors count by default:
    /// answers that list mentions across the corpus need nothing else of the article.
    pub start: LineCol,
    pub end: LineCol,
}

impl Place {
    pub fn byte_range(&self) -> Range<usize> {
        widen(&self.range)
    }
}

/// What one article contributes, kept so that it can be taken back when the article changes.
#[derive(Debug, Clone, Default)]
pub struct ArticleNames {
    /// The distinct names, sorted; the places of their mentions are kept with their groups.
    pub distinct: Vec<NameId>,
    /// The mentions written after a title that introduces a person, with their byte offsets, in
    /// text order: where an entity is defined.
    pub after_title: Vec<(NameId, Range<u32>)>,
    /// The article's publication date, to list the articles that mention an entity newest first.
    pub date: Option<Date>,
    /// The titles written before its mentions, inline: most are a word or two.
    titles: Vec<(NameId, CompactString)>,
    /// Acronyms defined in the article, with their expansions.
    acronyms: Vec<(String, String)>,
}

/// An entity mention as read from the text, before its name is counted.
#[derive(Debug, Clone)]
struct ExtractedMention {
    range: Range<usize>,
    start: LineCol,
    end: LineCol,
    key: NameKey,
    after_title: bool,
    title: Option<String>,
}

/// The entity mentions of one article, read from its text before they are counted.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    mentions: Vec<ExtractedMention>,
    acronyms: Vec<(String, String)>,
    date: Option<Date>,
}

impl Extracted {
    /// Reads the entity mentions of an article's text; `links` are the user's knowledge-base
    /// links, by the range they are on.
    pub fn new(
        text: &str,
        line_index: &LineIndex,
        date: Option<Date>,
        mentions: &[Mention],
        links: &[(Range<usize>, String)],
    ) -> Extracted {
        let mut extracted = Extracted {
            date,
            ..Extracted::default()
        };
        for mention in mentions.iter().filter(|m| m.label.is_entity()) {
            let Some(written) = text.get(mention.range.clone()) else {
                continue;
            };
            let name = display_name(written);
            if let Some(acronym) = acronym_defined_after(text, &mention.range, &name) {
                extracted.acronyms.push((acronym, name.clone()));
            }
            let link = links
                .iter()
                .find(|(range, _)| *range == mention.range)
                .map(|(_, id)| id.clone());
            let place = |offset| line_index.position(text, offset, Encoding::Utf16);
            extracted.mentions.push(ExtractedMention {
                range: mention.range.clone(),
                start: place(mention.range.start),
                end: place(mention.range.end),
                key: NameKey {
                    name,
                    label: mention.label,
                    link,
                },
                after_title: follows_defining_title(text, mention.range.start),
                title: title_before(text, mention.range.start),
            });
        }
        extracted
    }
}

#[derive(Debug, Clone, Default)]
pub struct NameTable {
    ids: HashMap<NameKey, NameId>,
    groups: Vec<Arc<NameGroup>>,
    numbers: HashMap<Arc<Path>, ArticleId>,
    paths: Vec<Arc<Path>>,
    /// The same paths as text, one after the other, and where each ends: listing thousands of
    /// articles reads one block of memory rather than one allocation per path.
    path_texts: String,
    path_text_ends: Vec<u32>,
    /// By article number.
    articles: Vec<Option<Arc<ArticleNames>>>,
    /// Each acronym's expansions, with the number of articles defining it so.
    acronyms: HashMap<String, BTreeMap<String, u32>>,
    /// Each surname of a person named in full, with the full names and their article counts.
    surnames: HashMap<String, BTreeMap<String, u32>>,
    /// Each entity's groups that have mentions, by the entity's key.
    members: HashMap<String, BTreeSet<NameId>>,
    /// Each article's place in path order, by article number; worked out when first asked for
    /// after an article is numbered.
    path_ranks: OnceLock<Vec<u32>>,
}

impl NameTable {
    pub fn group(&self, id: NameId) -> &NameGroup {
        &self.groups[id as usize]
    }

    pub fn article(&self, path: &Path) -> Option<&ArticleNames> {
        self.numbered(*self.numbers.get(path)?)
    }

    pub fn numbered(&self, article: ArticleId) -> Option<&ArticleNames> {
        self.articles.get(article as usize)?.as_deref()
    }

    /// The article's number, once its names have been counted.
    pub fn number_of(&self, path: &Path) -> Option<ArticleId> {
        self.numbers.get(path).copied()
    }

    /// Where a group's name is written in one article, in text order.
    pub fn places_in(&self, id: NameId, article: ArticleId) -> &[Place] {
        let places = &self.group(id).places;
        &places[article_span(places, article)]
    }

    /// The entity mentions of an article with their groups, in text order.
    pub fn named_in(&self, article: ArticleId) -> Vec<(Range<usize>, NameId)> {
        let Some(names) = self.numbered(article) else {
            return Vec::new();
        };
        let mut named: Vec<(Range<usize>, NameId)> = names
            .distinct
            .iter()
            .flat_map(|&id| {
                self.places_in(id, article)
                    .iter()
                    .map(move |place| (place.byte_range(), id))
            })
            .collect();
        named.sort_unstable_by_key(|(range, _)| range.start);
        named
    }

    /// How many article numbers have been given: each is below this.
    pub fn article_numbers(&self) -> usize {
        self.paths.len()
    }

    /// How many name groups there are: each id is below this.
    pub fn group_count(&self) -> usize {
        self.groups.len()
    }

    pub fn path(&self, article: ArticleId) -> &Arc<Path> {
        &self.paths[article as usize]
    }

    /// An article's path as text; empty when it is not Unicode.
    pub fn path_text(&self, article: ArticleId) -> &str {
        let article = article as usize;
        let start = match article {
            0 => 0,
            _ => self.path_text_ends[article - 1] as usize,
        };
        let end = self.path_text_ends[article] as usize;
        self.path_texts.get(start..end).unwrap_or_default()
    }

    /// Where an article comes in [`path_order`] among all numbered articles: sorting by it
    /// orders articles by path without comparing paths.
    pub fn path_rank(&self, article: ArticleId) -> u32 {
        let ranks = self.path_ranks.get_or_init(|| {
            let mut order: Vec<ArticleId> = (0..self.paths.len() as ArticleId).collect();
            order.sort_unstable_by(|&a, &b| path_order(self.path(a), self.path(b)));
            let mut ranks = vec![0; order.len()];
            for (rank, article) in order.into_iter().enumerate() {
                ranks[article as usize] = rank as u32;
            }
            ranks
        });
        ranks[article as usize]
    }

    fn number(&mut self, path: &Arc<Path>) -> ArticleId {
        if let Some(&n) = self.numbers.get(path) {
            return n;
        }
        let n = self.paths.len() as ArticleId;
        self.paths.push(path.clone());
        self.path_texts.push_str(path.to_str().unwrap_or_default());
        self.path_text_ends
            .push(u32::try_from(self.path_texts.len()).unwrap_or(u32::MAX));
        self.path_ranks.take();
        self.articles.push(None);
        self.numbers.insert(path.clone(), n);
        n
    }

    /// The groups of the entity with `key`.
    pub fn members(&self, key: &str) -> Option<&BTreeSet<NameId>> {
        self.members.get(key)
    }

    /// Every entity's key with its groups.
    pub fn entities(&self) -> impl Iterator<Item = (&String, &BTreeSet<NameId>)> {
        self.members.iter()
    }

    /// The expansion of an acronym: the one most articles define it with.
    fn acronym(&self, name: &str) -> Option<&str> {
        let expansions = self.acronyms.get(name)?;
        let most = expansions.values().max()?;
        expansions
            .iter()
            .find(|(_, n)| *n == most)
            .map(|(expansion, _)| expansion.as_str())
    }

    /// The full name a surname stands for, when the corpus names only one person so.
    fn surname(&self, name: &str) -> Option<&str> {
        match self.surnames.get(name) {
            Some(full) if full.len() == 1 => full.keys().next().map(String::as_str),
            _ => None,
        }
    }

    fn resolve(&self, key: &NameKey, kb: &KnowledgeBase) -> Resolved {
        resolve(key, kb, |n| self.acronym(n), |n| self.surname(n))
    }

    /// Replaces what the article at `path` contributes with `extracted` (nothing when the
    /// article is gone).
    pub fn update(&mut self, path: &Arc<Path>, extracted: Option<Extracted>, kb: &KnowledgeBase) {
        // The acronyms and surnames the article defines, whose groups may resolve differently
        // once its contribution changes.
        let mut dependents: BTreeSet<String> = BTreeSet::new();
        let article = self.number(path);
        let old = self.articles[article as usize].take();
        if let Some(old) = &old {
            dependents.extend(old.acronyms.iter().map(|(acronym, _)| acronym.clone()));
            dependents.extend(self.full_names(&old.distinct).into_iter().map(|(s, _)| s));
            self.take_back(article, old);
        }
        let mut places = Vec::new();
        if let Some(extracted) = extracted {
            dependents.extend(
                extracted
                    .acronyms
                    .iter()
                    .map(|(acronym, _)| acronym.clone()),
            );
            let names;
            (names, places) = self.count(article, extracted, kb);
            dependents.extend(self.full_names(&names.distinct).into_iter().map(|(s, _)| s));
            self.articles[article as usize] = Some(Arc::new(names));
        }
        let old_names = old.as_ref().map_or(&[][..], |old| &old.distinct[..]);
        self.drop_emptied_tallies(article, old_names);
        self.replace_places(article, old_names, places);
        for name in dependents {
            self.resolve_named(&name, kb);
        }
    }

    /// Resolves every group again, for a new knowledge base.
    pub fn set_knowledge_base(&mut self, kb: &KnowledgeBase) {
        for id in 0..self.groups.len() as NameId {
            self.resolve_group(id, kb);
        }
    }

    /// Resolves again the groups written `name` without a link, whose resolution depends on
    /// the acronym or surname `name`.
    fn resolve_named(&mut self, name: &str, kb: &KnowledgeBase) {
        for label in [Label::Per, Label::Org, Label::Loc, Label::Misc] {
            let key = NameKey {
                name: name.to_string(),
                label,
                link: None,
            };
            if let Some(&id) = self.ids.get(&key) {
                self.resolve_group(id, kb);
            }
        }
    }

    fn resolve_group(&mut self, id: NameId, kb: &KnowledgeBase) {
        let resolved = self.resolve(&self.group(id).key, kb);
        if resolved == self.group(id).resolved {
            return;
        }
        let live = self.group(id).mentions > 0;
        if live {
            self.leave(id);
        }
        Arc::make_mut(&mut self.groups[id as usize]).resolved = resolved;
        if live {
            self.join(id);
        }
    }

    fn join(&mut self, id: NameId) {
        let key = self.group(id).resolved.key.clone();
        self.members.entry(key).or_default().insert(id);
    }

    fn leave(&mut self, id: NameId) {
        let key = &self.groups[id as usize].resolved.key;
        if let Some(members) = self.members.get_mut(key) {
            members.remove(&id);
            if members.is_empty() {
                self.members.remove(key);
            }
        }
    }

    fn intern(&mut self, key: NameKey, kb: &KnowledgeBase) -> NameId {
        if let Some(&id) = self.ids.get(&key) {
            return id;
        }
        let id = self.groups.len() as NameId;
        let resolved = self.resolve(&key, kb);
        self.groups.push(Arc::new(NameGroup {
            key: key.clone(),
            resolved,
            mentions: 0,
            articles: Vec::new(),
            places: Vec::new(),
            titles: BTreeMap::new(),
        }));
        self.ids.insert(key, id);
        id
    }

    /// Puts an article's places in the lists of the groups naming it, instead of those it had:
    /// in place when their number is unchanged, as after most edits, so that the list of a name
    /// written in every article is not moved.
    fn replace_places(
        &mut self,
        article: ArticleId,
        old: &[NameId],
        mut new: Vec<(NameId, Place)>,
    ) {
        // Stable: each group's places stay in text order.
        new.sort_by_key(|&(id, _)| id);
        for &id in old {
            if new.binary_search_by_key(&id, |&(name, _)| name).is_err() {
                self.set_places(id, article, &[]);
            }
        }
        for group in new.chunk_by(|a, b| a.0 == b.0) {
            self.set_places(group[0].0, article, group);
        }
    }

    fn set_places(&mut self, id: NameId, article: ArticleId, places: &[(NameId, Place)]) {
        let list = &mut Arc::make_mut(&mut self.groups[id as usize]).places;
        let span = article_span(list, article);
        reserve_a_little(list, places.len().saturating_sub(span.len()));
        list.splice(span, places.iter().map(|(_, place)| place.clone()));
    }

    /// Counts an article's mentions in; returns what it contributes, and the places of its
    /// mentions with their groups, in text order.
    fn count(
        &mut self,
        article: ArticleId,
        extracted: Extracted,
        kb: &KnowledgeBase,
    ) -> (ArticleNames, Vec<(NameId, Place)>) {
        let mut places = Vec::with_capacity(extracted.mentions.len());
        let mut names = ArticleNames {
            acronyms: extracted.acronyms,
            date: extracted.date,
            ..ArticleNames::default()
        };
        for (acronym, expansion) in &names.acronyms {
            *self
                .acronyms
                .entry(acronym.clone())
                .or_default()
                .entry(expansion.clone())
                .or_default() += 1;
        }
        for mention in extracted.mentions {
            let ExtractedMention {
                range,
                start,
                end,
                key,
                after_title,
                title,
            } = mention;
            let id = self.intern(key, kb);
            if self.group(id).mentions == 0 {
                self.join(id);
            }
            let group = Arc::make_mut(&mut self.groups[id as usize]);
            group.mentions += 1;
            let tally = match tally_of(&group.articles, article) {
                Ok(i) => &mut group.articles[i].1,
                Err(i) => {
                    reserve_a_little(&mut group.articles, 1);
                    group.articles.insert(i, (article, Tally::default()));
                    &mut group.articles[i].1
                }
            };
            tally.mentions += 1;
            tally.after_title += u32::from(after_title);
            if let Some(title) = title {
                *group.titles.entry(title.clone()).or_default() += 1;
                names.titles.push((id, title.into()));
            }
            let range = narrow(&range);
            if after_title {
                names.after_title.push((id, range.clone()));
            }
            places.push((
                id,
                Place {
                    article,
                    range,
                    start,
                    end,
                },
            ));
        }
        names.distinct = places.iter().map(|&(id, _)| id).collect();
        names.distinct.sort_unstable();
        names.distinct.dedup();
        names.distinct.shrink_to_fit();
        for (surname, full) in self.full_names(&names.distinct) {
            *self
                .surnames
                .entry(surname)
                .or_default()
                .entry(full)
                .or_default() += 1;
        }
        (names, places)
    }

    fn take_back(&mut self, article: ArticleId, old: &ArticleNames) {
        for (acronym, expansion) in &old.acronyms {
            decrement(&mut self.acronyms, acronym, expansion);
        }
        for (surname, full) in self.full_names(&old.distinct) {
            decrement(&mut self.surnames, &surname, &full);
        }
        // The tallies are emptied, not removed: most come back as the article is counted again,
        // and removing one from the middle of a name's list moves the rest of it, a list as long
        // as the corpus for a name in every article.
        for &id in &old.distinct {
            let group = Arc::make_mut(&mut self.groups[id as usize]);
            if let Ok(i) = tally_of(&group.articles, article) {
                group.mentions -= std::mem::take(&mut group.articles[i].1).mentions;
            }
            if group.mentions == 0 {
                self.leave(id);
            }
        }
        for (id, title) in &old.titles {
            let titles = &mut Arc::make_mut(&mut self.groups[*id as usize]).titles;
            if let Some(n) = titles.get_mut(title.as_str()) {
                *n -= 1;
                if *n == 0 {
                    titles.remove(title.as_str());
                }
            }
        }
    }

    /// Removes the article's tallies that were emptied and not counted again: those of the names
    /// among `old` it no longer writes.
    fn drop_emptied_tallies(&mut self, article: ArticleId, old: &[NameId]) {
        for &id in old {
            let articles = &self.groups[id as usize].articles;
            if let Ok(i) = tally_of(articles, article) {
                if articles[i].1.mentions == 0 {
                    Arc::make_mut(&mut self.groups[id as usize])
                        .articles
                        .remove(i);
                }
            }
        }
    }

    fn full_names(&self, names: &[NameId]) -> Vec<(String, String)> {
        names
            .iter()
            .filter_map(|&id| {
                full_name(&self.group(id).key).map(|(s, full)| (s.to_string(), full.to_string()))
            })
            .collect()
    }
}

/// Makes room for `more` items, growing by an eighth rather than doubling as `Vec` does: a
/// group's lists grow an article at a time while a corpus is read, and are kept as long as it is
/// open, where doubling would leave a quarter of them unused on average. Growing by an eighth
/// copies each item about eight times in all, which is little next to reading the article.
fn reserve_a_little<T>(list: &mut Vec<T>, more: usize) {
    if list.capacity() - list.len() < more {
        list.reserve_exact(more.max(list.len() / 8));
    }
}

/// Where an article's tally is in a group's list, which is by article number, or where it would go.
fn tally_of(tallies: &[(ArticleId, Tally)], article: ArticleId) -> Result<usize, usize> {
    tallies.binary_search_by_key(&article, |&(a, _)| a)
}

/// Where one article's places are in a group's list, which is in article order.
fn article_span(places: &[Place], article: ArticleId) -> Range<usize> {
    let from = places.partition_point(|place| place.article < article);
    from..from + places[from..].partition_point(|place| place.article == article)
}

/// A person's full name, split into the surname and the whole.
fn full_name(key: &NameKey) -> Option<(&str, &str)> {
    if key.label != Label::Per {
        return None;
    }
    let (_, surname) = key.name.rsplit_once(' ')?;
    Some((surname, key.name.as_str()))
}

fn decrement(table: &mut HashMap<String, BTreeMap<String, u32>>, key: &str, value: &str) {
    let Some(values) = table.get_mut(key) else {
        return;
    };
    if let Some(n) = values.get_mut(value) {
        *n -= 1;
        if *n == 0 {
            values.remove(value);
        }
    }
    if values.is_empty() {
        table.remove(key);
    }
}

/// The order articles are listed in: by path, compared as bytes, which is cheaper than comparing
/// paths component by component and as stable.
pub fn path_order(a: &Path, b: &Path) -> Ordering {
    a.as_os_str()
        .as_encoded_bytes()
        .cmp(b.as_os_str().as_encoded_bytes())
}
