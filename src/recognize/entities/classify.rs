//! What kind of name a run is: known names first (gazetteer, demonyms, known organizations),
//! then the words names of each kind end or begin with, then the context (a title before it,
//! a given name in it, "said" after it), and a guess by shape when nothing else tells.

use std::sync::LazyLock;

use super::lexicon::{
    has_hyphen, is_common_word, is_dictionary_word, is_name_suffix, is_place, is_title, lists,
    Lists,
};
use super::lexicon::{DEMONYMS, LOC_TAILS, ORG_TAILS, PLACES, TITLES};
use super::runs::{is_all_caps, is_capitalized, is_modifier_compound};
use super::SportsReport;
use crate::mention::Label;
use crate::recognize::ascii_runs::holds_either;
use crate::text::{WordList, WordSet};

/// How sure the type is: a guess may be overruled by what the rest of the article says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Kept only when the rest of the article types the name.
    Hunch,
    Guess,
    Cue,
}

/// What surrounds a run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    pub previous: Option<&'a str>,
    /// The token before `previous`.
    pub before_previous: Option<&'a str>,
    pub next: Option<&'a str>,
    /// The token after `next`.
    pub after_next: Option<&'a str>,
    pub after_title: bool,
    /// Whether the article reports on games, asked only when a place name might be a team.
    pub sporting: Option<&'a SportsReport<'a>>,
}

const PLACE_PREPOSITIONS: WordList = WordList(&[
    "in",
    "at",
    "from",
    "near",
    "to",
    "across",
    "into",
    "outside",
    "inside",
    "throughout",
    "towards",
    "toward",
    "via",
]);

static SPEECH_VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    [
        "said",
        "says",
        "told",
        "added",
        "noted",
        "stressed",
        "explained",
        "wrote",
        "asked",
        "replied",
        "stated",
        "announced",
        "believes",
        "thinks",
        "argued",
    ]
    .into_iter()
    .collect()
});

/// A word after a name that says it names someone or something that acts: a verb in the past
/// tense, a verb of saying, a possessive, or an office ("Naftogaz chief").
pub fn is_person_cue(next: &str) -> bool {
    let past_tense =
        next.len() > 4 && next.ends_with("ed") && next.chars().all(|c| c.is_ascii_lowercase());
    past_tense
        || SPEECH_VERBS.contains(next)
        || is_person_noun(next)
        || matches!(next, "'s" | "’s" | "'S" | "’S")
}

/// The type of the name `name` made of `words`, or `None` when the run names nothing.
pub fn classify(name: &str, words: &[&str], ctx: Context) -> Option<(Label, Strength)> {
    let typed = classify_name(name, words, ctx)?;
    let all_common = || {
        words
            .iter()
            .all(|w| !is_capitalized(w) || is_common_word(w))
    };
    let generic = || {
        words.len() == 1
            && (typed.0 != Label::Org || words[0].chars().any(|c| c.is_ascii_digit()))
            && is_generic(words[0])
    };
    if typed.1 != Strength::Cue && (all_common() || generic()) {
        return None;
    }
    Some(typed)
}

fn classify_name(name: &str, words: &[&str], ctx: Context) -> Option<(Label, Strength)> {
    let first = *words.first()?;
    let core = words
        .iter()
        .rposition(|w| !is_name_suffix(w))
        .map_or(words, |i| &words[..=i]);
    let last = *core.last()?;
    if words.iter().all(|w| is_title(w)) {
        return None;
    }
    let named = lists(name);
    if named.any(Lists::KNOWN_ORG) {
        return Some((Label::Org, Strength::Cue));
    }
    if in_score_line(ctx) {
        return Some((Label::Org, Strength::Cue));
    }
    if words.len() == 1 && is_all_caps(first) && PLACES.contains(title_case(first).as_str()) {
        return Some((Label::Loc, Strength::Cue));
    }
    if is_place(name) {
        // "President Kennedy" is a person, "a Texas halfback" a team, whatever else they name.
        if ctx.after_title {
            return Some((Label::Per, Strength::Cue));
        }
        let sporting = || ctx.sporting.is_some_and(SportsReport::holds);
        if ctx.next.is_some_and(is_team_noun) || plays_a_game(ctx) && sporting() {
            return Some((Label::Org, Strength::Cue));
        }
        return Some((Label::Loc, Strength::Cue));
    }
    if named.any(Lists::DEMONYM | Lists::MISC_WORD) {
        return Some((Label::Misc, Strength::Cue));
    }
    let rest_is_place = || words.len() > 1 && PLACES.contains(words[1..].join(" ").as_str());
    if PLACE_MODIFIERS.contains(first) && rest_is_place() {
        return Some((Label::Loc, Strength::Cue));
    }
    if words.len() == 1 && (is_hyphenated_pair(first) || is_hyphenated_demonym(first)) {
        return Some((Label::Misc, Strength::Cue));
    }
    if words.len() == 1 && is_modifier_compound(first) {
        return None;
    }
    let has_of = words.iter().any(|w| matches!(*w, "of" | "on" | "for"));
    let before_of = words
        .iter()
        .position(|w| matches!(*w, "of" | "on" | "for"))
        .and_then(|i| i.checked_sub(1))
        .map(|i| words[i]);
    if let Some(head) = before_of.filter(|_| words.len() > 2) {
        if ORG_TAILS.contains(head) || ORG_TAILS.contains(singular(head)) {
            return Some((Label::Org, Strength::Cue));
        }
        if LOC_TAILS.contains(head) {
            return Some((Label::Loc, Strength::Cue));
        }
    }
    // A name of one word is its first and last word: it is looked up once.
    let head = if name.len() == first.len() {
        named
    } else {
        lists(first)
    };
    let tail = if core.len() == 1 { head } else { lists(last) };
    if words.len() > 1 {
        if tail.any(Lists::ORG_TAIL) || ORG_TAILS.contains(singular(last)) {
            return Some((Label::Org, Strength::Cue));
        }
        if tail.any(Lists::LOC_TAIL) || first == "Mount" || first == "Lake" {
            return Some((Label::Loc, Strength::Cue));
        }
        if tail.any(Lists::MISC_TAIL | Lists::DEMONYM) {
            return Some((Label::Misc, Strength::Cue));
        }
        if has_of {
            if head.any(Lists::ORG_HEAD) {
                return Some((Label::Org, Strength::Cue));
            }
            if head.any(Lists::LOC_HEAD) {
                return Some((Label::Loc, Strength::Cue));
            }
            if head.any(Lists::MISC_HEAD) {
                return Some((Label::Misc, Strength::Cue));
            }
        }
    }
    if words.len() == 1
        && ctx.previous == Some("of")
        && ctx.before_previous.is_some_and(is_place_noun)
    {
        return Some((Label::Loc, Strength::Cue));
    }
    if words.len() > 1 && MISC_FIRST_WORDS.contains(first) {
        return Some((Label::Misc, Strength::Cue));
    }
    if let Some(label) = ctx.next.and_then(kind_after) {
        return Some((label, Strength::Cue));
    }
    if words.len() == 1 && is_event_with_year(first) {
        return Some((Label::Misc, Strength::Cue));
    }
    if words.iter().any(|w| is_model_number(w)) {
        return Some((Label::Misc, Strength::Cue));
    }
    if ctx.previous == Some("of") && ctx.before_previous.is_some_and(|w| TITLES.contains(w)) {
        // "Minister of National Defense": plain words after an office name its portfolio.
        let portfolio = words
            .iter()
            .all(|w| is_dictionary_word(w) || is_common_word(w));
        return (!portfolio).then_some((Label::Loc, Strength::Guess));
    }
    if words.len() == 1 && ctx.previous == Some(",") && STATE_ABBREVIATIONS.contains(first) {
        return Some((Label::Loc, Strength::Cue));
    }
    if ctx.after_title || ctx.previous.is_some_and(is_person_noun) {
        return Some((Label::Per, Strength::Cue));
    }
    // "C. E. Killingsworth", "A. L. Crawford": initials open a person's name.
    let initials = words.len() > 1
        && first.chars().count() == 1
        && is_all_caps(first)
        && words.iter().all(|w| is_capitalized(w))
        && !tail.any(Lists::ORG_TAIL | Lists::LOC_TAIL | Lists::MISC_TAIL);
    if initials || words.len() > 1 && head.any(Lists::GIVEN_NAME) {
        return Some((Label::Per, Strength::Cue));
    }
    // "Spartak Moscow", "Bayern Munich": a club that carries its city after its name.
    let place_suffix = words.len() == 2
        && is_place(last)
        && !PLACE_MODIFIERS.contains(first)
        && !head.any(Lists::DEMONYM)
        && !is_place(first);
    if place_suffix {
        return Some((Label::Org, Strength::Guess));
    }
    // "New York Yankees", "Kansas City Athletics": a team or firm named after its place.
    if words.len() > 1
        && (head.any(Lists::DEMONYM) || opens_with_place(words) || head.any(Lists::KNOWN_ORG))
    {
        return Some((Label::Org, Strength::Guess));
    }
    if words.len() == 1 && is_all_caps(first) {
        let short = first.chars().filter(|c| c.is_alphanumeric()).count() <= 2;
        return (!short).then_some((Label::Org, Strength::Guess));
    }
    if ctx.next.is_some_and(|n| SPEECH_VERBS.contains(n))
        || words.len() == 1 && looks_like_surname(first)
    {
        return Some((Label::Per, Strength::Guess));
    }
    if ctx.next.is_some_and(is_person_noun) {
        return Some((Label::Org, Strength::Guess));
    }
    if ctx.previous.is_some_and(|p| p == "the" || p == "The") {
        return Some((Label::Org, Strength::Guess));
    }
    if words.len() == 1 {
        if has_inner_capital(first) || has_company_ending(first) {
            return Some((Label::Org, Strength::Guess));
        }
        if head.any(Lists::GIVEN_NAME) {
            return Some((Label::Per, Strength::Guess));
        }
        if ctx.previous.is_some_and(|p| PLACE_PREPOSITIONS.contains(p)) {
            return Some((Label::Loc, Strength::Guess));
        }
        if looks_like_demonym(first) {
            return Some((Label::Misc, Strength::Guess));
        }
        if looks_like_place(first) {
            return Some((Label::Loc, Strength::Guess));
        }
        // Without evidence, a plain English word is a heading or title word, not a surname.
        if is_dictionary_word(first) {
            return Some((Label::Per, Strength::Hunch));
        }
        return Some((Label::Per, Strength::Guess));
    }
    let kind_word =
        |w: &str| lists(w).any(Lists::ORG_TAIL | Lists::LOC_TAIL | Lists::ORG_HEAD | Lists::TITLE);
    // A person's name does not run on through "of", "for" or "and".
    let joined = words
        .iter()
        .any(|w| matches!(*w, "of" | "on" | "for" | "and" | "&"));
    // "former Fire Chief John Laughlin": an office ending in a title, before the holder's name.
    if tail.any(Lists::TITLE) && ctx.next.is_some_and(is_capitalized) {
        return None;
    }
    if kind_word(last) || kind_word(singular(last)) || joined {
        return Some((Label::Org, Strength::Guess));
    }
    // Surnames are rarely plain English words: "Killing Joke", "Cobra Starship", "Bowling Green
    // Falcons" are bands, firms and teams.
    if is_dictionary_word(last) {
        return Some((Label::Org, Strength::Guess));
    }
    Some((Label::Per, Strength::Guess))
}

/// Whether some of the first words of `words`, not all of them, name a place.
fn opens_with_place(words: &[&str]) -> bool {
    let Some((&first, rest)) = words[..words.len().saturating_sub(1)].split_first() else {
        return false;
    };
    if PLACES.contains(first) {
        return true;
    }
    // Most names have two words, whose first alone is looked up: the words are joined only
    // for a longer one.
    if rest.is_empty() {
        return false;
    }
    let mut prefix = first.to_owned();
    rest.iter().any(|word| {
        prefix.push(' ');
        prefix.push_str(word);
        PLACES.contains(prefix.as_str())
    })
}

/// Lowercase nouns that stand before a person's name ("spokesman Dmitry Peskov", "his
/// counterpart Roman Golovchenko").
fn is_person_noun(word: &str) -> bool {
    PERSON_NOUNS.contains(word)
}

/// The nouns of [`is_person_noun`]: asked of the words around every run, most of which have a
/// shape none of them has.
static PERSON_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    [
        "president",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "leader",
        "ambassador",
        "chairman",
        "chairwoman",
        "head",
        "director",
        "secretary",
        "envoy",
        "governor",
        "mayor",
        "chief",
        "premier",
        "counterpart",
        "colleague",
        "wife",
        "husband",
        "son",
        "daughter",
        "brother",
        "sister",
        "father",
        "mother",
        "aide",
        "adviser",
        "advisor",
        "lawyer",
        "journalist",
        "analyst",
        "expert",
        "economist",
        "researcher",
        "professor",
        "correspondent",
        "deputy",
        "officer",
        "commander",
        "manager",
        "coach",
        "player",
        "singer",
        "actor",
        "actress",
        "author",
        "writer",
        "artist",
        "founder",
        "ceo",
        "chancellor",
        "speaker",
        "senator",
        "lawmaker",
        "diplomat",
        "negotiator",
        "prosecutor",
        "judge",
    ]
    .into_iter()
    .collect()
});

/// In a sports report, a place that beats, loses to or plays another is a team ("Texas
/// whipped TCU", "the victory over Oklahoma").
fn plays_a_game(ctx: Context) -> bool {
    let before = ctx.previous.is_some_and(|p| {
        matches!(
            p,
            "beat"
                | "beating"
                | "defeated"
                | "defeating"
                | "over"
                | "against"
                | "vs"
                | "versus"
                | "whip"
                | "whipped"
                | "edged"
                | "routed"
                | "trounced"
                | "upset"
                | "play"
                | "face"
                | "faces"
                | "facing"
        ) || ctx.before_previous == Some("lost") && p == "to"
    });
    let after = ctx.next.is_some_and(|n| {
        matches!(
            n,
            "beat"
                | "beats"
                | "defeated"
                | "won"
                | "wins"
                | "lost"
                | "loses"
                | "leads"
                | "led"
                | "scored"
                | "tied"
                | "drew"
                | "edged"
                | "routed"
                | "trounced"
                | "whipped"
                | "plays"
                | "played"
                | "upset"
        )
    });
    before || after
}

/// Lowercase nouns after a place that make it a sports team ("a Texas halfback", "the Rice
/// game", "Buffalo coach Buster Ramsey").
fn is_team_noun(next: &str) -> bool {
    matches!(
        next,
        "team"
            | "coach"
            | "squad"
            | "players"
            | "player"
            | "quarterback"
            | "halfback"
            | "fullback"
            | "tailback"
            | "roster"
            | "game"
            | "games"
            | "eleven"
            | "striker"
            | "goalkeeper"
            | "midfielder"
            | "defender"
            | "manager"
            | "pitcher"
            | "outfielder"
            | "fans"
    )
}

/// Abbreviations of US states as datelines and newspapers write them after a city ("Miami,
/// Fla."); only read as places right after a comma.
pub const STATE_ABBREVIATIONS: WordList = WordList(&[
    "Ala", "Ariz", "Ark", "Calif", "Cal", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
    "Kans", "Ky", "La", "Mass", "Md", "Me", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev",
    "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla", "Ore", "Pa", "R.I.", "S.C.", "S.D.",
    "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "D.C.",
]);

/// Words that make a new place of a known one ("Western Australia", "Greater Poland").
const PLACE_MODIFIERS: WordList = WordList(&[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
    "Upper", "Lower", "Greater", "New", "Old", "Little", "Great",
]);

/// First words of event and operation names ("Hurricane Idalia", "Operation Barbarossa").
pub const MISC_FIRST_WORDS: WordList = WordList(&[
    "Hurricane",
    "Typhoon",
    "Cyclone",
    "Storm",
    "Tropical",
    "Operation",
    "Project",
]);

/// The kind a lowercase noun right after a name gives it ("the Big Bend region", "the Nikkei
/// newspaper", "the Gazprom company").
fn kind_after(next: &str) -> Option<Label> {
    match next {
        "region" | "province" | "city" | "district" | "area" | "river" | "valley" | "county"
        | "town" | "village" | "island" | "islands" | "airport" | "border" | "peninsula"
        | "mountains" | "lake" | "sea" | "oblast" | "krai" | "territory" | "republic"
        | "checkpoint" | "crossing" | "station" | "square" | "street" | "avenue" | "highway"
        | "voivodeship" | "raion" | "residence" | "forest" | "reserve" | "park" | "stadium"
        | "palace" | "counties" | "regions" | "provinces" | "districts" | "oblasts" => {
            Some(Label::Loc)
        }
        "festival" | "exercise" | "exercises" | "drills" | "championship" | "championships"
        | "tournament" | "prize" | "award" | "missile" | "missiles" | "vaccine" | "aircraft"
        | "jet" | "jets" | "drone" | "drones" | "tank" | "tanks" | "rifle" | "smartphone" => {
            Some(Label::Misc)
        }
        "company" | "corporation" | "group" | "bank" | "party" | "agency" | "newspaper"
        | "ministry" | "university" | "club" | "team" | "firm" | "airline" | "holding"
        | "concern" | "channel" | "broadcaster" | "daily" | "magazine" | "network" | "movement"
        | "alliance" | "bloc" | "committee" | "council" | "parliament" => Some(Label::Org),
        _ => None,
    }
}

/// A product's model: letters, a hyphen, digits ("F-16", "Su-35", "S-400", "CH-53").
fn is_model_number(word: &str) -> bool {
    has_hyphen(word)
        && word.split_once('-').is_some_and(|(letters, digits)| {
            (1..=3).contains(&letters.chars().count())
                && letters.chars().all(char::is_alphabetic)
                && letters.starts_with(|c: char| c.is_uppercase())
                && !digits.is_empty()
                && digits.chars().all(|c| c.is_ascii_digit())
        })
}

/// A team in a line of results: "Arsenal 2 Liverpool 0", "Chelsea 1 Southampton 1". The name
/// stands before a score and after another score, or before a score and the next team.
fn in_score_line(ctx: Context) -> bool {
    let score = |t: Option<&str>| {
        t.is_some_and(|t| (1..=2).contains(&t.len()) && t.chars().all(|c| c.is_ascii_digit()))
    };
    score(ctx.next) && (score(ctx.previous) || ctx.after_next.is_some_and(is_capitalized))
}

/// "FRANKFURT" → "Frankfurt", for looking a word in capitals up in the gazetteer.
fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| {
            first
                .to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
                .collect()
        })
        .unwrap_or_default()
}

/// Endings that make a company of an unknown word: "Commerzbank", "Rostelecom", "Gazprombank",
/// "Microsoft", "Transneft", "Aeroflot".
fn has_company_ending(word: &str) -> bool {
    [
        "bank", "com", "soft", "tech", "neft", "prom", "gaz", "energo", "atom", "flot", "trans",
        "telecom", "mash", "stroy",
    ]
    .iter()
    .any(|ending| word.len() > ending.len() + 2 && word.ends_with(ending))
}

/// An event named with its year: "Zapad-2025", "Euro-2024", "Expo-2020".
fn is_event_with_year(word: &str) -> bool {
    has_hyphen(word)
        && word.split_once('-').is_some_and(|(name, year)| {
            name.chars().count() > 2
                && is_capitalized(name)
                && name.chars().all(char::is_alphabetic)
                && year.len() == 4
                && year.chars().all(|c| c.is_ascii_digit())
                && (year.starts_with("19") || year.starts_with("20"))
        })
}

/// "BelAZ", "PayPal", "JPMorgan": a capital inside a word marks a brand, unless it follows a
/// surname prefix ("McDonald", "MacArthur", "DeSantis", "LeBlanc", "O'Brien").
fn has_inner_capital(word: &str) -> bool {
    // Most words are ASCII with no capital after the first letter: they are passed over here.
    if word.is_ascii() && !word.bytes().skip(1).any(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let rest = [
        "Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "O'", "O’", "D'", "Al-",
    ]
    .iter()
    .find_map(|prefix| word.strip_prefix(prefix))
    .unwrap_or(word);
    let inner = |part: &str| part.chars().skip(1).any(char::is_uppercase);
    !is_all_caps(word) && rest.split('-').any(inner)
}

/// Nouns that name a kind of place before "of" ("the town of Ostrovets").
fn is_place_noun(word: &str) -> bool {
    matches!(
        word,
        "town"
            | "city"
            | "village"
            | "region"
            | "province"
            | "district"
            | "capital"
            | "port"
            | "island"
            | "republic"
            | "suburb"
            | "outskirts"
            | "state"
            | "county"
            | "settlement"
            | "municipality"
            | "resort"
            | "border"
    )
}

/// A nationality or place joined to a lowercase word: "Russian-led", "Moscow-based".
fn is_hyphenated_demonym(word: &str) -> bool {
    may_have_hyphen(word)
        && word
            .split_once(['-', '‐', '‑'])
            .is_some_and(|(head, rest)| {
                (DEMONYMS.contains_key(head) || PLACES.contains(head))
                    && rest.chars().next().is_some_and(char::is_lowercase)
            })
}

/// A single word that names a kind of thing, not a thing: "Government", "Union", "Q1",
/// "January-February", "Union-development".
fn is_generic(word: &str) -> bool {
    let generic = |w: &str| {
        lists(w).any(
            Lists::ORG_TAIL | Lists::LOC_TAIL | Lists::ORG_HEAD | Lists::TITLE | Lists::NOT_NAME,
        ) || is_common_word(w)
    };
    let lowercase = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    word.chars().any(|c| c.is_ascii_digit())
        || generic(word)
        || word.strip_suffix('s').is_some_and(generic)
        || has_hyphen(word)
            && word
                .split('-')
                .all(|part| generic(part) || part.is_empty() || lowercase(part))
}

/// A plural tail word in the singular ("Centers" → "Center").
fn singular(word: &str) -> &str {
    word.strip_suffix('s').unwrap_or(word)
}

/// "Russian-Belarusian", "Belarus-Russia", "Sino-Soviet": every part a nationality or place.
fn is_hyphenated_pair(word: &str) -> bool {
    if !may_have_hyphen(word) {
        return false;
    }
    let mut parts = word.split(['-', '‐', '‑']);
    let (Some(a), Some(b)) = (parts.next(), parts.next()) else {
        return false;
    };
    let known = |p: &str| DEMONYMS.contains_key(p) || PLACES.contains(p);
    known(a) && known(b) && parts.all(known)
}

/// Whether `word` may hold a hyphen of any kind: an ASCII one, or a byte that opens the
/// Unicode ones (U+2010, U+2011). Most words have neither, and are not split.
fn may_have_hyphen(word: &str) -> bool {
    holds_either(word.as_bytes(), b'-', 0xe2)
}

/// Endings of Slavic, Armenian and Georgian surnames: "Peskov", "Lukashenko", "Pashinyan",
/// "Kobakhidze", "Saakashvili".
fn looks_like_surname(word: &str) -> bool {
    [
        "ov", "ova", "ev", "eva", "enko", "sky", "skiy", "ski", "skaya", "vich", "yan", "dze",
        "shvili", "chuk", "yuk",
    ]
    .iter()
    .any(|suffix| word.len() > suffix.len() + 2 && word.ends_with(suffix))
}

/// Endings of place names in the languages newswire reports from:
/// "Smolensk", "Volgograd", "Brandenburg", "Jacksonville", "Darmstadt", "Hyderabad", "Kanpur".
fn looks_like_place(word: &str) -> bool {
    [
        "sk", "grad", "burg", "bourg", "ville", "stadt", "shire", "abad", "pur", "istan", "polis",
    ]
    .iter()
    .any(|suffix| word.len() > suffix.len() + 2 && word.ends_with(suffix))
}

/// Adjectives of nationality the list lacks ("Belorussian", "Uzbekistani").
fn looks_like_demonym(word: &str) -> bool {
    ["ian", "ese", "ish", "ean", "stani", "ians", "eans"]
        .iter()
        .any(|suffix| word.len() > suffix.len() + 2 && word.ends_with(suffix))
}
