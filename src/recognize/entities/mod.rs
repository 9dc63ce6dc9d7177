//! Entity recognition: people (`PER`), organizations (`ORG`), places (`LOC`) and other names
//! (`MISC`: nationalities, events, documents) in the CoNLL-2003 sense.
//!
//! The approach is rules over capitalization, word lists and a place gazetteer, in two passes
//! over an article. The first pass finds runs of capitalized words in running text and types
//! each by what it is (a known place or organization), what it ends or begins with ("…
//! Council", "University of …"), and what surrounds it (a title before it, "said" after it).
//! The second pass reads the article as a whole: a name typed with confidence once types its
//! other occurrences and its parts (a surname after the full name, an acronym given in
//! parentheses), and lines written in capitals (headlines, `MOSCOW` datelines) are read by
//! looking their words up among the names the article and the gazetteer know.
//!
//! Conventions, following CoNLL-2003: titles are not part of a name; a possessive `'s` is not
//! part of a name; a hyphenated pair of nationalities or places ("Russian-Belarusian",
//! "Belarus-Russia") is one `MISC` name, as CoNLL keeps such a word as one token tagged `MISC`.

mod classify;
mod lexicon;
mod runs;
mod tokens;

use compact_str::CompactString;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use super::ascii_runs::lowercase_letters_key;
use super::tokens::{Token as ScannedToken, Tokens as Scanned, WordMarks};
use crate::article::{Article, Zone};
use crate::mention::{Label, Mention, Value};
use crate::text::{WordList, WordSet};
use classify::{classify, Context, Strength};
use runs::{is_all_caps, is_capitalized, Run, RunFinder};
use tokens::{tokenize_ascii, tokenize_chars, Kind, Shapes, Token};

/// The place a demonym or nationality adjective points to ("Russian" → "Russia").
pub fn demonym_place(word: &str) -> Option<&'static str> {
    lexicon::DEMONYMS.get(word).copied()
}

/// Whether the place gazetteer knows `name`.
pub fn is_known_place(name: &str) -> bool {
    lexicon::is_place(name)
}

/// The entity id of a name: lowercase letters and digits, words joined by hyphens
/// ("Vladimir Putin" → `vladimir-putin`). Inline when short, as most are.
pub fn slug(name: &str) -> CompactString {
    if name.is_ascii() {
        return ascii_slug(name.as_bytes());
    }
    let mut id = CompactString::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            id.extend(c.to_lowercase());
        } else if !id.is_empty() && !id.ends_with('-') && c != '.' && c != '\'' && c != '’' {
            id.push('-');
        }
    }
    while id.ends_with('-') {
        id.pop();
    }
    id
}

/// [`slug`] of an ASCII name, built byte by byte on the stack, where any id but the longest
/// names' fits.
fn ascii_slug(name: &[u8]) -> CompactString {
    let mut stack = [0; 64];
    let mut heap;
    let id = match stack.get_mut(..name.len()) {
        Some(stack) => stack,
        None => {
            heap = vec![0; name.len()];
            &mut heap[..]
        }
    };
    let mut len = 0;
    for &b in name {
        if b.is_ascii_alphanumeric() {
            id[len] = b.to_ascii_lowercase();
            len += 1;
        } else if len > 0 && id[len - 1] != b'-' && b != b'.' && b != b'\'' {
            id[len] = b'-';
            len += 1;
        }
    }
    while len > 0 && id[len - 1] == b'-' {
        len -= 1;
    }
    CompactString::from_utf8(&id[..len]).unwrap_or_default()
}

/// A name as written, with line breaks and runs of spaces made single spaces.
pub fn display_name(written: &str) -> String {
    display_name_ref(written).into_owned()
}

/// [`display_name`], borrowed when the name is written so already, as most are.
fn display_name_ref(written: &str) -> Cow<'_, str> {
    if is_single_spaced(written) {
        Cow::Borrowed(written)
    } else {
        Cow::Owned(written.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Whether `written` has no whitespace but single spaces between words.
fn is_single_spaced(written: &str) -> bool {
    let bytes = written.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for &b in bytes {
        if b >= 0x80 {
            return !written.contains("  ")
                && written.chars().all(|c| c == ' ' || !c.is_whitespace());
        }
        let space = b == b' ';
        if space && after_space || !space && b.is_ascii_whitespace() || b == 0x0b {
            return false;
        }
        after_space = space;
    }
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Casing {
    /// Ordinary prose: a capital letter marks a name.
    Prose,
    /// All capitals or Title Case: capitals say nothing, so only known names count.
    Shouting,
}

/// A sentence, headline or credit line: the tokens of one stretch of text, read as one.
#[derive(Debug)]
struct Region<'t> {
    tokens: &'t [Token],
    casing: Casing,
}

struct Candidate {
    range: Range<usize>,
    label: Label,
    strength: Strength,
    sentence_initial: bool,
    /// What follows says the name acts (see [`classify::is_person_cue`]): sentence openers that
    /// are names have that.
    followed_by_cue: bool,
}

/// Entity mentions in `text`, in text order, without a value: the corpus gives each its entity.
pub fn recognize_entities(text: &str, article: &Article) -> Vec<Mention> {
    recognize_entities_along(text, article, None)
}

/// [`recognize_entities`], given the tokens the date and figure scan read from `text`, which
/// spare reading most words again, and the words it saw written in lowercase.
pub(super) fn recognize_entities_along(
    text: &str,
    article: &Article,
    scanned: Option<&Scanned>,
) -> Vec<Mention> {
    let tokenized = tokenize_regions(text, article, scanned.map_or(&[], |s| &s.list));
    let regions = tokenized.regions();
    let words = ArticleWords::gather(text, &regions, scanned.map(|s| &s.lowercase_words));
    let lowercase_seen = |w: &str| words.lowercase_form_written(w);
    let sporting = SportsReport::new(text, &regions);
    // Prose has a capitalized run every forty bytes or so.
    let mut candidates = Vec::with_capacity(text.len() / 32 + 1);
    let mut finder = RunFinder::default();
    let mut run_words = Vec::new();
    for region in regions.iter().filter(|r| r.casing == Casing::Prose) {
        for run in finder.find(text, region.tokens, &lowercase_seen) {
            read_run(
                text,
                region,
                run,
                &sporting,
                &mut run_words,
                &mut candidates,
            );
        }
    }

    agree_in_lists(text, &mut candidates);
    let evidence = Evidence::gather(text, &regions, &candidates);
    let mut mentions: Vec<Mention> = Vec::with_capacity(candidates.len());
    for candidate in &candidates {
        let name = &text[candidate.range.clone()];
        let label = match candidate.strength {
            Strength::Cue => Some(candidate.label),
            Strength::Hunch => evidence.label_of(name),
            Strength::Guess => evidence.label_of(name).or_else(|| {
                let unsupported = candidate.sentence_initial
                    && !candidate.followed_by_cue
                    && !name.contains(' ')
                    && !words.capitalized_inside(name);
                (!unsupported).then_some(candidate.label)
            }),
        };
        if let Some(label) = label {
            mentions.push(mention(candidate.range.clone(), label));
        }
    }
    for region in regions.iter().filter(|r| r.casing == Casing::Shouting) {
        mentions.extend(read_shouting(text, region.tokens, &evidence));
    }
    mentions.extend(dateline_mentions(text, article));
    mentions.sort_by_key(|m| (m.range.start, m.range.end));
    mentions.dedup_by(|later, kept| later.range.start < kept.range.end);
    mentions
}

/// Names listed together are of one kind ("MAZ, BelAZ and Gomselmash"): a guessed member takes
/// the kind the list's typed members have, else the kind most of its guesses have.
fn agree_in_lists(text: &str, candidates: &mut [Candidate]) {
    let listed = |a: &Candidate, b: &Candidate| {
        let between = text
            .get(a.range.end..b.range.start)
            .unwrap_or_default()
            .trim();
        matches!(between, "," | "and" | ", and" | "or" | ", or" | "&")
    };
    let mut start = 0;
    while start < candidates.len() {
        let mut end = start + 1;
        while end < candidates.len() && listed(&candidates[end - 1], &candidates[end]) {
            end += 1;
        }
        // "in Bibb and Jones counties": a pair followed by its kind in the plural.
        let kind_follows = || {
            let after = text
                .get(candidates[end - 1].range.end..)
                .unwrap_or_default();
            after
                .split_whitespace()
                .next()
                .is_some_and(|w| PLURAL_KINDS.contains(w))
        };
        if end - start > 2 || end - start == 2 && kind_follows() {
            let list = &candidates[start..end];
            let votes = |strength: Strength| {
                let mut counts: HashMap<Label, usize> = HashMap::default();
                for c in list.iter().filter(|c| c.strength == strength) {
                    *counts.entry(c.label).or_default() += 1;
                }
                counts
                    .into_iter()
                    .max_by_key(|&(label, n)| (n, std::cmp::Reverse(label)))
                    .map(|(label, _)| label)
            };
            if let Some(label) = votes(Strength::Cue).or_else(|| votes(Strength::Guess)) {
                for c in candidates[start..end]
                    .iter_mut()
                    .filter(|c| c.strength == Strength::Guess)
                {
                    c.label = label;
                }
            }
        }
        start = end;
    }
}

/// Plural nouns of a kind of place or organization that can follow a pair of names.
const PLURAL_KINDS: WordList = WordList(&[
    "counties",
    "regions",
    "provinces",
    "districts",
    "oblasts",
    "states",
    "companies",
    "banks",
    "universities",
    "parties",
]);

/// Above this size an article's words are collected once: searching the text for each word asked
/// about costs the length of the text per question, and a long file asks many.
const SEARCHED_TEXT: usize = 64 * 1024;

/// How the article writes its words in running text. In an ordinary article few words are asked
/// about, so each question searches the text for the word and checks the tokens where it is
/// found, rather than every word of the article being collected beforehand; a long one has its
/// words collected once.
struct ArticleWords<'a> {
    text: &'a str,
    regions: &'a [Region<'a>],
    /// Where each prose region's first token starts, with the region's index, in text order.
    starts: Vec<(usize, usize)>,
    /// For a long article: the words written in prose, and those of them met capitalized other
    /// than at the start of a sentence.
    collected: Option<(HashSet<&'a str>, HashSet<&'a str>)>,
    /// The words of ASCII letters the date and figure scan saw written in lowercase, if it read
    /// the text: a word it did not see needs no search.
    lowercase_words: Option<&'a WordMarks>,
}

impl<'a> ArticleWords<'a> {
    fn gather(
        text: &'a str,
        regions: &'a [Region<'a>],
        lowercase_words: Option<&'a WordMarks>,
    ) -> ArticleWords<'a> {
        let mut starts: Vec<(usize, usize)> = Vec::with_capacity(regions.len());
        starts.extend(
            regions
                .iter()
                .enumerate()
                .filter(|(_, r)| r.casing == Casing::Prose)
                .filter_map(|(i, r)| Some((r.tokens.first()?.range.start, i))),
        );
        starts.sort_unstable();
        let collected = (text.len() > SEARCHED_TEXT).then(|| collect(text, regions));
        ArticleWords {
            text,
            regions,
            starts,
            collected,
            lowercase_words,
        }
    }

    /// Whether `word`, lowercased, is written so somewhere.
    fn lowercase_form_written(&self, word: &str) -> bool {
        lexicon::with_lowercase(word, |lower| {
            std::str::from_utf8(lower).is_ok_and(|lower| self.lowercase(lower))
        })
    }

    /// Whether `word` is written in lowercase somewhere.
    fn lowercase(&self, word: &str) -> bool {
        let lowercase = word.chars().next().is_some_and(|c| c.is_lowercase());
        lowercase
            && match &self.collected {
                Some((written, _)) => written.contains(word),
                None => !self.surely_not_lowercase(word) && self.occurs(word, |_, _| true),
            }
    }

    /// Whether the scan's marks tell that `word` is written in lowercase nowhere: they know the
    /// words of ASCII letters.
    fn surely_not_lowercase(&self, word: &str) -> bool {
        self.lowercase_words.is_some_and(|marks| {
            word.bytes().all(|b| b.is_ascii_lowercase())
                && !marks.is_marked(lowercase_letters_key(word.as_bytes(), 0, word.len()))
        })
    }

    /// Whether `word` is met capitalized other than at the start of a sentence.
    fn capitalized_inside(&self, word: &str) -> bool {
        let capitalized = word.chars().next().is_some_and(|c| !c.is_lowercase());
        capitalized
            && match &self.collected {
                Some((_, inside)) => inside.contains(word),
                None => self.occurs(word, |region, i| first_word(region) != Some(i)),
            }
    }

    /// Whether `word` is a word token of a prose region somewhere, one that `accept` takes
    /// (given the region and the token's index in it).
    fn occurs(&self, word: &str, accept: impl Fn(&Region, usize) -> bool) -> bool {
        if word.is_empty() {
            return false;
        }
        memchr::memmem::find_iter(self.text.as_bytes(), word.as_bytes()).any(|at| {
            let Some(&(_, r)) =
                self.starts[..self.starts.partition_point(|&(s, _)| s <= at)].last()
            else {
                return false;
            };
            let region = &self.regions[r];
            region
                .tokens
                .binary_search_by_key(&at, |t| t.range.start)
                .is_ok_and(|i| {
                    let token = &region.tokens[i];
                    token.kind == Kind::Word
                        && token.range.end == at + word.len()
                        && accept(region, i)
                })
        })
    }
}

/// The index of a region's first word token: the word that opens its sentence.
fn first_word(region: &Region) -> Option<usize> {
    region.tokens.iter().position(|t| t.kind == Kind::Word)
}

/// The words of the prose regions, and those of them capitalized but not opening a sentence.
fn collect<'a>(text: &'a str, regions: &[Region]) -> (HashSet<&'a str>, HashSet<&'a str>) {
    let (mut written, mut inside) = (HashSet::default(), HashSet::default());
    for region in regions.iter().filter(|r| r.casing == Casing::Prose) {
        let first = first_word(region);
        for (i, token) in region.tokens.iter().enumerate() {
            if token.kind != Kind::Word {
                continue;
            }
            let word = &text[token.range.clone()];
            written.insert(word);
            if word.chars().next().is_some_and(|c| !c.is_lowercase()) && first != Some(i) {
                inside.insert(word);
            }
        }
    }
    (written, inside)
}

/// Types one run and adds what it names to `candidates`. A nationality that opens a run no cue
/// types ("Russian Rock", "German Billiges Kaufhaus") is the name CoNLL marks; the rest is read
/// on its own.
/// `words` is a buffer for the run's words.
fn read_run<'t>(
    text: &'t str,
    region: &Region,
    run: &Run,
    sporting: &'t SportsReport<'t>,
    words: &mut Vec<&'t str>,
    candidates: &mut Vec<Candidate>,
) {
    let tokens = &region.tokens[run.tokens.clone()];
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return;
    };
    let range = first.range.start..last.range.end;
    words.clear();
    words.extend(
        tokens
            .iter()
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text(text)),
    );
    let words = &words[..];
    let token_at = |i: Option<usize>| i.and_then(|i| region.tokens.get(i)).map(|t| t.text(text));
    let ctx = Context {
        previous: token_at(run.tokens.start.checked_sub(1)),
        before_previous: token_at(run.tokens.start.checked_sub(2)),
        next: token_at(Some(run.tokens.end)),
        after_next: token_at(Some(run.tokens.end + 1)),
        after_title: run.after_title,
        sporting: Some(sporting),
    };
    let followed_by_cue = ctx.next.is_some_and(classify::is_person_cue);
    let typed = classify(&text[range.clone()], words, ctx);
    let leading_demonym = words.len() > 1 && lexicon::DEMONYMS.contains_key(words[0]);
    if !(leading_demonym && typed.is_some_and(|(_, strength)| strength == Strength::Guess)) {
        if let Some((label, strength)) = typed {
            candidates.push(Candidate {
                range,
                label,
                strength,
                sentence_initial: run.sentence_initial,
                followed_by_cue,
            });
        }
        return;
    }
    candidates.push(Candidate {
        range: first.range.clone(),
        label: Label::Misc,
        strength: Strength::Cue,
        sentence_initial: run.sentence_initial,
        followed_by_cue: false,
    });
    let rest = &tokens[1..];
    let (Some(rest_first), Some(rest_last)) = (rest.first(), rest.last()) else {
        return;
    };
    let rest_range = rest_first.range.start..rest_last.range.end;
    let rest_ctx = Context {
        previous: Some(words[0]),
        after_title: false,
        ..ctx
    };
    if let Some((label, strength)) = classify(&text[rest_range.clone()], &words[1..], rest_ctx) {
        candidates.push(Candidate {
            range: rest_range,
            label,
            strength,
            sentence_initial: false,
            followed_by_cue,
        });
    }
}

/// Whether the article reports on games, where places and schools name teams: it uses the
/// words of sport often. Worked out when first asked, as most articles name no place where a
/// team could be meant.
#[derive(Debug)]
struct SportsReport<'a> {
    text: &'a str,
    regions: &'a [Region<'a>],
    holds: OnceCell<bool>,
}

impl<'a> SportsReport<'a> {
    fn new(text: &'a str, regions: &'a [Region<'a>]) -> SportsReport<'a> {
        SportsReport {
            text,
            regions,
            holds: OnceCell::new(),
        }
    }

    fn holds(&self) -> bool {
        *self.holds.get_or_init(|| {
            let words = self.regions.iter().flat_map(|region| {
                region
                    .tokens
                    .iter()
                    .filter(|t| t.kind == Kind::Word)
                    .map(|t| t.text(self.text))
            });
            words.filter(|w| SPORTS_WORDS.contains(w)).nth(7).is_some()
        })
    }
}

/// Words of sport: an article that uses eight of them reports on games.
static SPORTS_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    [
        "game",
        "games",
        "coach",
        "season",
        "touchdown",
        "quarterback",
        "halfback",
        "inning",
        "innings",
        "scored",
        "league",
        "match",
        "goal",
        "goals",
        "championship",
        "playoff",
        "tournament",
        "striker",
        "midfielder",
        "goalkeeper",
        "pitcher",
        "victory",
        "defeat",
        "team",
        "teams",
        "squad",
        "field",
        "yards",
        "points",
    ]
    .into_iter()
    .collect()
});

/// The dateline's place and agency (`MOSCOW, August 12. /TASS/.`).
fn dateline_mentions(text: &str, article: &Article) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let Some(dateline) = &article.dateline else {
        return mentions;
    };
    if has_letters(&text[dateline.place.clone()]) {
        mentions.push(mention(dateline.place.clone(), Label::Loc));
    }
    if let Some(agency) = dateline.agency.clone() {
        let agency = trim_range(text, agency);
        if has_letters(&text[agency.clone()]) {
            mentions.push(mention(agency, Label::Org));
        }
    }
    mentions
}

fn has_letters(s: &str) -> bool {
    s.chars().any(char::is_alphabetic)
}

fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    start..start + s.trim().len()
}

/// An entity mention: its entity is given by the corpus, which links mentions across articles.
fn mention(range: Range<usize>, label: Label) -> Mention {
    Mention {
        range,
        label,
        value: Value::None,
        qualifier: None,
    }
}

/// The tokens of the parts of the article to read, kept in one list, and where each part's
/// tokens are in it with how the part is cased.
struct TokenizedRegions {
    tokens: Vec<Token>,
    spans: Vec<(Range<usize>, Casing)>,
}

impl TokenizedRegions {
    fn regions(&self) -> Vec<Region<'_>> {
        self.spans
            .iter()
            .map(|(span, casing)| Region {
                tokens: &self.tokens[span.clone()],
                casing: *casing,
            })
            .collect()
    }
}

/// The parts of the article to read, tokenized, with how each is cased. The dateline is read
/// from its parsed parts; the header, front matter and page debris hold no names. `scanned` are
/// the date and figure scan's tokens of the text, if it has read it (see
/// [`tokenize_ascii`]).
fn tokenize_regions(
    text: &str,
    article: &Article,
    mut scanned: &[ScannedToken],
) -> TokenizedRegions {
    // Prose has a token every four bytes or so.
    let mut tokens = Vec::with_capacity(text.len() / 3 + 1);
    let mut spans = Vec::with_capacity(article.sentences.len() + article.zones.len());
    let mut chars: Vec<(usize, char)> = Vec::new();
    let mut region = |range: Range<usize>, headline: bool| {
        let slice = &text[range.clone()];
        let first = tokens.len();
        let shapes = if slice.is_ascii() {
            tokenize_ascii(slice.as_bytes(), range.start, &mut scanned, &mut tokens)
        } else {
            chars.clear();
            chars.extend(slice.char_indices().map(|(i, c)| (range.start + i, c)));
            tokenize_chars(chars.as_slice(), range.end, &mut tokens);
            let mut shapes = Shapes::default();
            for token in tokens[first..].iter().filter(|t| t.kind == Kind::Word) {
                shapes.add(token.text(text));
            }
            shapes
        };
        spans.push((first..tokens.len(), casing(shapes, headline)));
    };
    for zone in &article.zones {
        match zone.zone {
            Zone::Title | Zone::Credit => region(zone.range.clone(), true),
            Zone::Body => {
                let first = article
                    .sentences
                    .partition_point(|s| s.start < zone.range.start);
                let sentences = article.sentences[first..]
                    .iter()
                    .take_while(|s| s.end <= zone.range.end);
                for sentence in sentences {
                    region(sentence.clone(), false);
                }
            }
            Zone::Meta | Zone::Debris | Zone::Dateline => {}
        }
    }
    TokenizedRegions { tokens, spans }
}

/// How a region whose words are shaped as `shapes` counts is cased. It is in capitals when
/// most of its words of two letters or more are; a headline also when most of its longer words
/// are capitalized.
fn casing(shapes: Shapes, headline: bool) -> Casing {
    let Shapes {
        words,
        all_caps,
        long: long_words,
        long_capitalized,
    } = shapes;
    let title_case =
        headline && long_words >= 3 && long_capitalized as f32 / long_words as f32 >= 0.7;
    // A sentence of acronyms ("NATO, CSTO and EAEU met") is not a sentence in capitals.
    let (min_words, min_share) = if headline { (2, 0.6) } else { (4, 0.75) };
    let shouting = words >= min_words && all_caps as f32 / words.max(1) as f32 >= min_share;
    if shouting || title_case {
        Casing::Shouting
    } else {
        Casing::Prose
    }
}

/// What the article as a whole says about names: each name typed by a cue, the surnames of
/// people named in full, and acronyms given in parentheses after a name. Names are borrowed
/// from the text where it writes them single-spaced, as it mostly does.
struct Evidence<'a> {
    names: HashMap<Cow<'a, str>, Label>,
    /// Lowercased keys, for reading text in capitals: made when the article has such text.
    lowercase: OnceCell<HashMap<String, Label>>,
}

impl<'a> Evidence<'a> {
    fn gather(text: &'a str, regions: &[Region], candidates: &[Candidate]) -> Evidence<'a> {
        let cues = candidates
            .iter()
            .filter(|c| c.strength == Strength::Cue)
            .count();
        // Sized once: grown one doubling at a time, the table would hash every name again at
        // each.
        let mut names: HashMap<Cow<'a, str>, Label> =
            HashMap::with_capacity_and_hasher(2 * cues, Default::default());
        for c in candidates.iter().filter(|c| c.strength == Strength::Cue) {
            let name = display_name_ref(&text[c.range.clone()]);
            let spaces = (
                memchr::memchr(b' ', name.as_bytes()),
                memchr::memrchr(b' ', name.as_bytes()),
            );
            if let (Some(first_space), Some(last_space)) = spaces {
                let last = last_space + 1..name.len();
                if c.label == Label::Per {
                    for part in [0..first_space, last.clone()] {
                        let word = &name[part.clone()];
                        if !lexicon::TITLES.contains(word) && is_capitalized(word) {
                            names.entry(part_of(&name, part)).or_insert(Label::Per);
                        }
                    }
                }
                if lexicon::is_generic_tail(&name[last]) {
                    // "Apple Inc" names "Apple"; "Grodno Oblast" names "Grodno".
                    names
                        .entry(part_of(&name, 0..last_space))
                        .or_insert(c.label);
                }
            }
            names.insert(name, c.label);
        }
        let mut cue_ending_at: Option<HashMap<usize, Label>> = None;
        // Most regions have no parenthesis: they are passed over without reading their tokens.
        let parentheses: Vec<usize> = memchr::memchr_iter(b'(', text.as_bytes()).collect();
        let holds_parenthesis = |range: Range<usize>| {
            let next = parentheses.partition_point(|&at| at < range.start);
            parentheses.get(next).is_some_and(|&at| at < range.end)
        };
        for region in regions {
            let (Some(first), Some(last)) = (region.tokens.first(), region.tokens.last()) else {
                continue;
            };
            if !holds_parenthesis(first.range.start..last.range.end) {
                continue;
            }
            for (i, window) in region.tokens.windows(3).enumerate() {
                let is_acronym = window[0].kind == Kind::Punct
                    && window[2].kind == Kind::Punct
                    && window[0].text(text) == "("
                    && window[2].text(text) == ")"
                    && is_all_caps(window[1].text(text));
                if !is_acronym {
                    continue;
                }
                let before = i
                    .checked_sub(1)
                    .and_then(|j| region.tokens.get(j))
                    .map(|t| t.range.end);
                let cue_ending_at = cue_ending_at.get_or_insert_with(|| {
                    candidates
                        .iter()
                        .filter(|c| c.strength == Strength::Cue)
                        .map(|c| (c.range.end, c.label))
                        .collect()
                });
                if let Some(label) = before.and_then(|end| cue_ending_at.get(&end)) {
                    names
                        .entry(Cow::Borrowed(window[1].text(text)))
                        .or_insert(*label);
                }
            }
        }
        Evidence {
            names,
            lowercase: OnceCell::new(),
        }
    }

    fn lowercase(&self) -> &HashMap<String, Label> {
        self.lowercase.get_or_init(|| {
            self.names
                .iter()
                .map(|(name, label)| (name.to_lowercase(), *label))
                .collect()
        })
    }

    fn label_of(&self, name: &str) -> Option<Label> {
        self.names.get(display_name_ref(name).as_ref()).copied()
    }
}

/// The bytes `part` of `name`, borrowed from the text as `name` is, or else copied.
fn part_of<'a>(name: &Cow<'a, str>, part: Range<usize>) -> Cow<'a, str> {
    match name {
        Cow::Borrowed(whole) => Cow::Borrowed(&whole[part]),
        Cow::Owned(whole) => Cow::Owned(whole[part].to_string()),
    }
}

/// Names every article may meet, lowercased, for reading text in capitals; inline, as most are
/// short.
static KNOWN_LOWERCASE: LazyLock<HashMap<CompactString, Label>> = LazyLock::new(|| {
    let mut known = HashMap::default();
    for name in lexicon::PLACES.iter() {
        known.insert(name.to_lowercase(), Label::Loc);
    }
    for name in lexicon::DEMONYMS.keys() {
        known.insert(CompactString::from(name.to_lowercase()), Label::Misc);
    }
    for name in lexicon::KNOWN_ORGS.iter() {
        known.insert(CompactString::from(name.to_lowercase()), Label::Org);
    }
    for word in lexicon::NOT_NAMES.iter() {
        known.remove(word.to_lowercase().as_str());
    }
    known
});

/// Names in a headline or a line in capitals: the longest stretches of words the article or
/// the gazetteer knows as names.
fn read_shouting(text: &str, tokens: &[Token], evidence: &Evidence<'_>) -> Vec<Mention> {
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let longest = (1..=lexicon::MAX_NAME_WORDS.min(tokens.len() - i))
            .rev()
            .find_map(|n| {
                let window = &tokens[i..i + n];
                if window.iter().any(|t| t.kind != Kind::Word)
                    || !window.iter().all(|t| is_capitalized(t.text(text)))
                {
                    return None;
                }
                let range = window[0].range.start..window[n - 1].range.end;
                let key = display_name(&text[range.clone()]).to_lowercase();
                let label = evidence
                    .lowercase()
                    .get(&key)
                    .or_else(|| KNOWN_LOWERCASE.get(key.as_str()))?;
                Some((n, mention(range, *label)))
            });
        match longest {
            Some((n, m)) => {
                mentions.push(m);
                i += n;
            }
            None => i += 1,
        }
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;

    /// An id keeps a name's letters and digits in lowercase, one hyphen between words, and
    /// drops full stops and apostrophes, however long the name and whatever its letters.
    #[test]
    fn ids_are_lowercase_words_joined_by_hyphens() {
        let long =
            "The Joint Commission of the Union State on Trade, Customs and Transport Questions";
        for (name, id) in [
            ("Vladimir Putin", "vladimir-putin"),
            ("U.S.", "us"),
            ("O'Brien", "obrien"),
            ("Russian-Belarusian", "russian-belarusian"),
            (" -Trade  Union, 2024- ", "trade-union-2024"),
            ("Zürich Öl-Werke", "zürich-öl-werke"),
            ("Gomel’s", "gomels"),
            (
                long,
                "the-joint-commission-of-the-union-state-on-trade-customs-and-transport-questions",
            ),
        ] {
            assert_eq!(slug(name), id, "{name}");
        }
        assert!(long.len() > 64);
    }

    /// Collecting a long article's words answers as searching the text does, and so does
    /// searching it only for the words the scan's marks do not rule out.
    #[test]
    fn collected_and_marked_words_answer_as_searched_ones() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/seeds/002_e5a183204d2ee264.txt"
        ))
        .unwrap();
        let article = Article::parse(&text, Format::Text);
        let tokenized = tokenize_regions(&text, &article, &[]);
        let regions = tokenized.regions();
        let scanned = Scanned::new(&text, &WordMarks::default());
        let searched = ArticleWords::gather(&text, &regions, None);
        let collected = ArticleWords {
            collected: Some(collect(&text, &regions)),
            ..ArticleWords::gather(&text, &regions, None)
        };
        let marked = ArticleWords::gather(&text, &regions, Some(&scanned.lowercase_words));
        assert!(searched.collected.is_none());
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let mut ruled_out = 0;
        for word in words {
            let lower = word.to_lowercase();
            for asked in [word, &lower] {
                let lowercase = searched.lowercase(asked);
                assert_eq!(collected.lowercase(asked), lowercase, "{asked}");
                assert_eq!(marked.lowercase(asked), lowercase, "{asked}");
                ruled_out += usize::from(marked.surely_not_lowercase(asked));
                assert_eq!(
                    collected.capitalized_inside(asked),
                    searched.capitalized_inside(asked),
                    "{asked}"
                );
            }
        }
        assert!(ruled_out > 20, "{ruled_out}");
    }
}
