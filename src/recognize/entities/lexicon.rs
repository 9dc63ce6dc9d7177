//! The words that tell what kind of name a capitalized run is: titles that precede a person,
//! the heads and tails of organization, place and event names, demonyms, given names, known
//! organizations and agencies, and the place gazetteer (`data/places.tsv`, from GeoNames via
//! `scripts/gazetteer_places.py`). The word lists are written for gloss; see NOTICE for the
//! gazetteer's licence.

use compact_str::{format_compact, CompactString};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

fn set(words: &[&'static str]) -> WordSet {
    words.iter().copied().collect()
}

/// A word list with a cheap test in front of it: the first and last letters and the length of
/// each word in it, as bits. Most words asked about have a shape no word of a list has, and are
/// turned away without being hashed or compared.
#[derive(Debug, Default)]
pub struct WordSet {
    words: HashSet<&'static str>,
    /// By first and last byte ([`shape_index`]), the lengths words have, as bits (31: longer).
    shapes: [[u32; SHAPE_INDEXES]; SHAPE_INDEXES],
}

/// Letters folded to lowercase, and one index for every other byte.
const SHAPE_INDEXES: usize = 27;

fn shape_index(byte: u8) -> usize {
    match byte.to_ascii_lowercase() {
        b @ b'a'..=b'z' => usize::from(b - b'a'),
        _ => SHAPE_INDEXES - 1,
    }
}

/// Where a word's shape is in [`WordSet::shapes`], and its length's bit.
fn shape(word: &str) -> Option<(usize, usize, u32)> {
    let bytes = word.as_bytes();
    let (first, last) = (*bytes.first()?, *bytes.last()?);
    Some((
        shape_index(first),
        shape_index(last),
        1 << bytes.len().min(31),
    ))
}

impl WordSet {
    pub fn contains(&self, word: &str) -> bool {
        shape(word).is_some_and(|(first, last, length)| self.shapes[first][last] & length != 0)
            && self.words.contains(word)
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }

    fn insert(&mut self, word: &'static str) {
        if let Some((first, last, length)) = shape(word) {
            self.shapes[first][last] |= length;
        }
        self.words.insert(word);
    }
}

impl FromIterator<&'static str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'static str>>(words: I) -> WordSet {
        let mut set = WordSet::default();
        set.extend(words);
        set
    }
}

impl Extend<&'static str> for WordSet {
    fn extend<I: IntoIterator<Item = &'static str>>(&mut self, words: I) {
        for word in words {
            self.insert(word);
        }
    }
}

/// Words that name an office or honorific before a person's name; "State" and "Foreign" only
/// count inside a run that has a core title ("State Secretary", "Foreign Minister").
pub static TITLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "President",
        "Vice",
        "Prime",
        "Minister",
        "Ministers",
        "Premier",
        "Chancellor",
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Dr",
        "Prof",
        "Professor",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Secretary",
        "General",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Ambassador",
        "Envoy",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Pope",
        "Sen",
        "Senator",
        "Rep",
        "Representative",
        "Gov",
        "Governor",
        "Mayor",
        "Deputy",
        "Foreign",
        "Defense",
        "Defence",
        "Finance",
        "Economy",
        "Interior",
        "Trade",
        "Energy",
        "Agriculture",
        "Justice",
        "Health",
        "Education",
        "State",
        "Chief",
        "Director",
        "Commander",
        "Colonel",
        "Col",
        "Lieutenant",
        "Lt",
        "Captain",
        "Capt",
        "Sergeant",
        "Sgt",
        "Admiral",
        "Marshal",
        "Judge",
        "Bishop",
        "Archbishop",
        "Rev",
        "Reverend",
        "Father",
        "Speaker",
        "Head",
        "Executive",
        "CEO",
        "Patriarch",
        "Emperor",
        "Sheikh",
        "Brigadier",
        "Major",
        "Corporal",
        "Coach",
        "Quarterback",
        "Halfback",
        "Fullback",
        "Tailback",
        "Wingback",
        "Linebacker",
        "Goalkeeper",
        "Midfielder",
        "Striker",
        "Pitcher",
        "Shortstop",
        "Solicitor",
        "Atty",
        "Manager",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "Adviser",
        "Advisor",
        "Aide",
        "Assistant",
        "First",
        "Acting",
        "Former",
        "Ex",
        "Saint",
        "Gen",
        "Maj",
        "Mme",
        "Mister",
        "Citizen",
        "Comrade",
        "Chairperson",
        "Leader",
        "Counselor",
        "Attorney",
        "Commissioner",
        "Inspector",
        "Officer",
        "Dean",
        "Rabbi",
        "Imam",
        "Cardinal",
        "Brother",
        "Sister",
        "Uncle",
        "Aunt",
        "Sultan",
        "Tsar",
        "Czar",
        "Duke",
        "Duchess",
        "Count",
        "Countess",
        "Baron",
        "Emir",
        "Ayatollah",
        "Pastor",
        "Monsignor",
        "Senior",
        "Supreme",
    ])
});

/// Whether `word` has a hyphen in it. Names and their words are short: reading their bytes in
/// place costs less than the call into a library search that `str::contains` makes.
pub fn has_hyphen(word: &str) -> bool {
    word.bytes().any(|b| b == b'-')
}

/// Whether `word` is a title word, hyphenated ones included ("Director-General",
/// "Vice-President", "Commander-in-Chief").
pub fn is_title(word: &str) -> bool {
    TITLES.contains(word)
        || has_hyphen(word)
            && word
                .split('-')
                .all(|part| TITLES.contains(part) || part == "in" || part == "Ex" || part == "ex")
}

/// Whether `word` is, or holds, a title that stands on its own.
pub fn is_core_title(word: &str) -> bool {
    CORE_TITLES.contains(word) || is_title(word) && word.split('-').any(|p| CORE_TITLES.contains(p))
}

/// Titles that make a run a title on their own; the other title words only modify them.
pub static CORE_TITLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Attorney",
        "President",
        "Minister",
        "Ministers",
        "Premier",
        "Chancellor",
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Dr",
        "Prof",
        "Professor",
        "Sir",
        "Dame",
        "Lord",
        "Lady",
        "Secretary",
        "Chairman",
        "Chairwoman",
        "Chair",
        "Ambassador",
        "Envoy",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Pope",
        "Sen",
        "Senator",
        "Rep",
        "Representative",
        "Gov",
        "Governor",
        "Mayor",
        "Director",
        "Commander",
        "Colonel",
        "Col",
        "Lieutenant",
        "Lt",
        "Captain",
        "Capt",
        "Sergeant",
        "Sgt",
        "Admiral",
        "Marshal",
        "Judge",
        "Bishop",
        "Archbishop",
        "Rev",
        "Reverend",
        "Father",
        "Speaker",
        "CEO",
        "Patriarch",
        "Emperor",
        "Sheikh",
        "Coach",
        "Quarterback",
        "Halfback",
        "Fullback",
        "Tailback",
        "Wingback",
        "Linebacker",
        "Goalkeeper",
        "Midfielder",
        "Striker",
        "Pitcher",
        "Shortstop",
        "Solicitor",
        "Atty",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "Adviser",
        "Advisor",
        "Aide",
        "Gen",
        "Maj",
        "Mme",
        "Mister",
        "Comrade",
        "Chairperson",
        "Leader",
        "Commissioner",
        "Inspector",
        "Dean",
        "Rabbi",
        "Imam",
        "Cardinal",
        "Sultan",
        "Tsar",
        "Czar",
        "Emir",
        "Ayatollah",
        "Pastor",
        "Monsignor",
    ])
});

/// Last words of organization names.
pub static ORG_TAILS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Force",
        "Inc",
        "Jury",
        "Corp",
        "Ltd",
        "LLC",
        "Co",
        "Plc",
        "PLC",
        "AG",
        "GmbH",
        "SA",
        "Company",
        "Corporation",
        "Group",
        "Bank",
        "Airlines",
        "Airways",
        "University",
        "College",
        "School",
        "Party",
        "Council",
        "Committee",
        "Ministry",
        "Organization",
        "Organisation",
        "Association",
        "Agency",
        "Institute",
        "Foundation",
        "Fund",
        "Army",
        "Navy",
        "Police",
        "Court",
        "Parliament",
        "Assembly",
        "Commission",
        "Club",
        "FC",
        "Service",
        "Services",
        "Office",
        "Department",
        "Senate",
        "Congress",
        "Duma",
        "Church",
        "Society",
        "League",
        "Team",
        "Records",
        "Times",
        "Post",
        "News",
        "Press",
        "Journal",
        "Network",
        "Television",
        "TV",
        "Radio",
        "Motors",
        "Industries",
        "Holdings",
        "Systems",
        "Technologies",
        "Bureau",
        "Cabinet",
        "Government",
        "Administration",
        "Secretariat",
        "Authority",
        "Alliance",
        "Movement",
        "Front",
        "Forces",
        "Guard",
        "Corps",
        "Brigade",
        "Division",
        "Regiment",
        "Battalion",
        "Tribunal",
        "Board",
        "Trust",
        "Hospital",
        "Academy",
        "Centre",
        "Center",
        "Exchange",
        "Railway",
        "Railways",
        "Telecom",
        "Studios",
        "Entertainment",
        "Pictures",
        "Productions",
        "Publishing",
        "Magazine",
        "Gazette",
        "Herald",
        "Tribune",
        "Chronicle",
        "Observer",
        "Union",
        "Federation",
        "Community",
        "Coalition",
        "Brothers",
        "Partners",
        "Associates",
        "Consortium",
        "Directorate",
        "Inspectorate",
        "Chamber",
        "Mission",
        "Commonwealth",
        "Cooperative",
        "Band",
        "Orchestra",
        "Choir",
        "Ensemble",
        "Quartet",
        "Trio",
        "United",
        "Rovers",
        "Wanderers",
        "Athletic",
        "Institution",
        "Laboratory",
        "Laboratories",
        "Lab",
        "Labs",
        "Enterprises",
        "International",
        "Bancorp",
        "Securities",
        "Capital",
        "Investments",
        "Insurance",
        "Pharmaceuticals",
        "Electronics",
        "Software",
        "Comics",
        "Games",
        "Broadcasting",
        "Media",
    ])
});

/// First words that, followed by "of", start an organization name ("University of Texas").
pub static ORG_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "University",
        "Bank",
        "Ministry",
        "Department",
        "Council",
        "Organization",
        "Organisation",
        "Church",
        "House",
        "Institute",
        "College",
        "School",
        "Academy",
        "Board",
        "Bureau",
        "Office",
        "Court",
        "Chamber",
        "Committee",
        "Commission",
        "Association",
        "Federation",
        "Union",
        "League",
        "Society",
        "Party",
        "Order",
        "Museum",
        "Agency",
        "Fund",
        "Parliament",
        "Assembly",
        "Congress",
        "Government",
        "Cabinet",
        "Army",
        "Navy",
        "Corps",
        "Center",
        "Centre",
        "Foundation",
        "Conference",
        "Collective",
        "Community",
        "Secretariat",
        "Senate",
        "Supreme",
        "Federal",
        "National",
        "Central",
        "Royal",
        "Presidium",
        "Directorate",
        "Service",
        "Alliance",
        "Coalition",
        "Movement",
    ])
});

/// Last words of place names.
pub static LOC_TAILS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Empire",
        "Junction",
        "Dock",
        "Docks",
        "Estate",
        "Rink",
        "Ave",
        "St",
        "Cir",
        "Rd",
        "Blvd",
        "Hwy",
        "Pond",
        "Wharf",
        "Pier",
        "Quay",
        "Embankment",
        "Prospekt",
        "Mall",
        "River",
        "Mountains",
        "Mountain",
        "Mount",
        "Lake",
        "Island",
        "Islands",
        "Isles",
        "Sea",
        "Ocean",
        "Street",
        "Avenue",
        "Road",
        "Square",
        "Bridge",
        "County",
        "Province",
        "Region",
        "Voivodeship",
        "Raion",
        "Rayon",
        "Canton",
        "Checkpoint",
        "Fortress",
        "Monument",
        "Oblast",
        "Krai",
        "District",
        "Valley",
        "Bay",
        "Park",
        "Airport",
        "Peninsula",
        "Desert",
        "Canyon",
        "Falls",
        "Beach",
        "Coast",
        "Hills",
        "Heights",
        "Strait",
        "Channel",
        "Plateau",
        "Territory",
        "Territories",
        "Republic",
        "Kingdom",
        "Emirates",
        "States",
        "City",
        "Village",
        "Town",
        "Township",
        "Stadium",
        "Arena",
        "Palace",
        "Castle",
        "Cathedral",
        "Station",
        "Harbor",
        "Harbour",
        "Port",
        "Gulf",
        "Lane",
        "Boulevard",
        "Highway",
        "Forest",
        "Glacier",
        "Creek",
        "Canal",
        "Basin",
        "Delta",
        "Reservoir",
        "Dam",
        "Pass",
        "Range",
        "Ridge",
        "Cape",
        "Point",
        "Hill",
        "Field",
        "Fields",
        "Gardens",
        "Garden",
        "Prefecture",
        "Governorate",
        "Municipality",
        "Parish",
        "Borough",
        "Metropolitan",
        "Land",
        "Lands",
        "Oblast'",
        "Peak",
        "Volcano",
        "Springs",
        "Shire",
        "Stream",
        "Estuary",
        "Plain",
        "Plains",
        "Sound",
        "Archipelago",
        "Atoll",
        "Reef",
        "Temple",
        "Mosque",
        "Tower",
        "Building",
        "Hall",
        "Prison",
        "Zoo",
        "Cemetery",
    ])
});

/// First words that, followed by "of", start a place name ("Gulf of Mexico").
pub static LOC_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Republic",
        "Kingdom",
        "State",
        "City",
        "Gulf",
        "Isle",
        "Island",
        "Sea",
        "Bay",
        "Cape",
        "Strait",
        "Lake",
        "Mount",
        "Province",
        "Region",
        "County",
        "Commonwealth",
        "Principality",
        "Duchy",
        "Emirate",
        "Sultanate",
        "Straits",
        "Port",
        "Valley",
        "Plain",
        "Coast",
    ])
});

/// Last words of event, document, award and other MISC names.
pub static MISC_TAILS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "War",
        "Wars",
        "Cup",
        "Championship",
        "Championships",
        "Olympics",
        "Prize",
        "Award",
        "Awards",
        "Festival",
        "Treaty",
        "Agreement",
        "Act",
        "Accord",
        "Accords",
        "Convention",
        "Declaration",
        "Charter",
        "Protocol",
        "Doctrine",
        "Series",
        "Open",
        "Revolution",
        "Tournament",
        "Trophy",
        "Medal",
        "Olympiad",
        "Summit",
        "Forum",
        "Expo",
        "Exhibition",
        "Show",
        "Bowl",
        "Marathon",
        "Rally",
        "Derby",
        "Classic",
        "Grand Prix",
        "Prix",
        "Memorial",
        "Law",
        "Bill",
        "Code",
        "Constitution",
        "Statute",
        "Program",
        "Programme",
        "Project",
        "Initiative",
        "Plan",
        "Strategy",
        "Concept",
        "Process",
        "Album",
        "EP",
        "Language",
        "Languages",
        "Uprising",
        "Crisis",
        "Massacre",
        "Offensive",
        "Campaign",
        "Pact",
        "Resolution",
        "Communique",
        "Memorandum",
        "Era",
        "Age",
        "Dynasty",
        "Christmas",
        "Day",
        "Week",
        "Year",
        "Season",
        "Fair",
        "Conference",
        "Talks",
        "Dialogue",
        "Race",
    ])
});

/// First words that, followed by "of" or "on", start a MISC name ("Battle of Hastings",
/// "Treaty on the Creation of ...").
pub static MISC_HEADS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Forum",
        "Summit",
        "Festival",
        "Battle",
        "Treaty",
        "Siege",
        "War",
        "Declaration",
        "Agreement",
        "Convention",
        "Charter",
        "Act",
        "Protocol",
        "Statute",
        "Law",
        "Memorandum",
        "Program",
        "Programme",
        "Concept",
        "Day",
        "Festival",
        "Book",
        "Gospel",
        "Epistle",
        "Order",
        "Cup",
        "Feast",
        "Massacre",
        "Operation",
        "Congress",
        "Council",
        "Peace",
    ])
});

/// Words that a capitalized run may carry inside it between two capitalized words.
pub static NAME_PARTICLES: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el",
        "dos", "das", "del", "della", "y", "zu", "ter", "ten", "bint", "ben", "abu",
    ])
});

/// Month names (but May, also a given name), weekday names and "I": capitalized, never names,
/// and never part of one.
pub const MONTHS_AND_DAYS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "I",
];

/// Capitalized words that are not names: months, weekdays, and words that start sentences.
pub static NOT_NAMES: LazyLock<WordSet> = LazyLock::new(|| {
    let mut words = set(MONTHS_AND_DAYS);
    words.extend([
        "May",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "I'm",
        "I've",
        "I'd",
        "I'll",
        "The",
        "A",
        "An",
        "This",
        "That",
        "These",
        "Those",
        "He",
        "She",
        "It",
        "They",
        "We",
        "You",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "My",
        "Your",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "With",
        "Without",
        "Of",
        "To",
        "As",
        "And",
        "But",
        "Or",
        "Nor",
        "So",
        "Yet",
        "If",
        "When",
        "While",
        "Where",
        "Why",
        "How",
        "What",
        "Which",
        "Who",
        "Whom",
        "Whose",
        "After",
        "Before",
        "During",
        "Since",
        "Until",
        "Although",
        "Though",
        "Because",
        "However",
        "Meanwhile",
        "Moreover",
        "Furthermore",
        "Also",
        "Besides",
        "Nevertheless",
        "Still",
        "Then",
        "Thus",
        "Hence",
        "Therefore",
        "Indeed",
        "Instead",
        "Otherwise",
        "According",
        "Among",
        "Amid",
        "Between",
        "Under",
        "Over",
        "Above",
        "Below",
        "Against",
        "Despite",
        "Through",
        "Throughout",
        "Into",
        "Onto",
        "Upon",
        "About",
        "Around",
        "Along",
        "Across",
        "Behind",
        "Beyond",
        "Near",
        "Within",
        "There",
        "Here",
        "Now",
        "Today",
        "Yesterday",
        "Tomorrow",
        "Tonight",
        "Last",
        "Next",
        "Earlier",
        "Later",
        "Previously",
        "Recently",
        "Currently",
        "Finally",
        "First",
        "Second",
        "Third",
        "One",
        "Two",
        "Three",
        "Four",
        "Five",
        "Six",
        "Seven",
        "Eight",
        "Nine",
        "Ten",
        "Many",
        "Most",
        "Some",
        "Several",
        "Few",
        "All",
        "Both",
        "Each",
        "Every",
        "Any",
        "No",
        "Not",
        "None",
        "Such",
        "Other",
        "Another",
        "More",
        "Much",
        "Only",
        "Even",
        "Just",
        "Yes",
        "Do",
        "Does",
        "Did",
        "Is",
        "Are",
        "Was",
        "Were",
        "Be",
        "Been",
        "Has",
        "Have",
        "Had",
        "Will",
        "Would",
        "Can",
        "Could",
        "Should",
        "Shall",
        "Must",
        "Might",
        "Let",
        "Like",
        "Unlike",
        "Whether",
        "Once",
        "Unless",
        "Whereas",
        "Overall",
        "Together",
        "Additionally",
        "Similarly",
        "Likewise",
        "Specifically",
        "Notably",
        "Initially",
        "Eventually",
        "Ultimately",
        "Already",
        "Again",
        "Perhaps",
        "Maybe",
        "Certainly",
        "Clearly",
        "Obviously",
        "Apparently",
        "Unfortunately",
        "Fortunately",
        "Nonetheless",
        "Following",
        "Given",
        "Including",
        "Regarding",
        "Concerning",
        "Considering",
        "Speaking",
        "Asked",
        "Commenting",
        "Addressing",
        "Answering",
        "Referring",
        "Noting",
        "Stressing",
        "Mr.",
        "Mrs.",
        "Ms.",
        "Dr.",
        "Chapter",
        "Part",
        "Section",
        "Article",
        "Page",
        "Figure",
        "Table",
        "Note",
        "Notes",
        "See",
        "Please",
        "Thank",
        "Thanks",
        "Well",
        "Oh",
        "OK",
        "Ok",
        "Okay",
        "Hello",
        "Dear",
        "Ladies",
        "Gentlemen",
        "Sources",
        "Source",
        "Agencies",
        "Photo",
        "Video",
        "Read",
        "Share",
        "Print",
        "Email",
        "Comment",
        "Comments",
        "Update",
        "Updated",
        "Breaking",
        "Exclusive",
        "Analysis",
        "Opinion",
        "Editorial",
        "Interview",
        "Report",
        "Reports",
        "Reporting",
        "Writing",
        "Editing",
        "Additional",
        "Correction",
        "Total",
        "Percent",
        "Per",
        "Million",
        "Billion",
        "Trillion",
        "Thousand",
        "Hundred",
        "Half",
        "Quarter",
        "Year",
        "Years",
        "Month",
        "Months",
        "Week",
        "Weeks",
        "Day",
        "Days",
        "Whatever",
        "Whoever",
        "Everyone",
        "Everything",
        "Someone",
        "Something",
        "Nobody",
        "Nothing",
        "Anyone",
        "Anything",
        "Let's",
        "It's",
        "That's",
        "There's",
        "Here's",
        "What's",
        "Who's",
        "He's",
        "She's",
        "We're",
        "They're",
        "You're",
        "Don't",
        "Doesn't",
        "Didn't",
        "Isn't",
        "Aren't",
        "Wasn't",
        "Weren't",
        "Can't",
        "Won't",
        "Wouldn't",
        "Couldn't",
        "Shouldn't",
        "Haven't",
        "Hasn't",
        "Hadn't",
        "Mid",
        "Early",
        "Late",
        "Spring",
        "Summer",
        "Autumn",
        "Fall",
        "Winter",
        "AM",
        "PM",
        "GMT",
        "UTC",
    ]);
    words
});

/// Words that are never inside a name however they are capitalized: the start of a
/// sentence or a headline, not part of the name after it.
pub static SENTENCE_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "noted",
        "notes",
        "stressed",
        "stated",
        "announced",
        "reported",
        "believes",
        "believe",
        "pointed",
        "explained",
        "according",
        "meets",
        "met",
        "visits",
        "visited",
        "signs",
        "signed",
        "calls",
        "called",
        "urges",
        "urged",
        "wins",
        "won",
        "holds",
        "held",
        "is",
        "are",
        "was",
        "were",
        "will",
        "has",
        "have",
        "had",
    ])
});

/// Demonyms and adjectives of countries and regions, with the place they point to.
pub static DEMONYMS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    [
        ("American", "United States"),
        ("Americans", "United States"),
        ("Russian", "Russia"),
        ("Russians", "Russia"),
        ("Belarusian", "Belarus"),
        ("Belarussian", "Belarus"),
        ("Byelorussian", "Belarus"),
        ("Belarusians", "Belarus"),
        ("Belarussians", "Belarus"),
        ("Ukrainian", "Ukraine"),
        ("Ukrainians", "Ukraine"),
        ("Kazakh", "Kazakhstan"),
        ("Kazakhstani", "Kazakhstan"),
        ("Kyrgyz", "Kyrgyzstan"),
        ("Tajik", "Tajikistan"),
        ("Uzbek", "Uzbekistan"),
        ("Turkmen", "Turkmenistan"),
        ("Armenian", "Armenia"),
        ("Armenians", "Armenia"),
        ("Azerbaijani", "Azerbaijan"),
        ("Azeri", "Azerbaijan"),
        ("Georgian", "Georgia"),
        ("Georgians", "Georgia"),
        ("Moldovan", "Moldova"),
        ("Lithuanian", "Lithuania"),
        ("Latvian", "Latvia"),
        ("Estonian", "Estonia"),
        ("Polish", "Poland"),
        ("Pole", "Poland"),
        ("Poles", "Poland"),
        ("German", "Germany"),
        ("Germans", "Germany"),
        ("French", "France"),
        ("British", "United Kingdom"),
        ("Briton", "United Kingdom"),
        ("Britons", "United Kingdom"),
        ("English", "England"),
        ("Scottish", "Scotland"),
        ("Scot", "Scotland"),
        ("Scots", "Scotland"),
        ("Welsh", "Wales"),
        ("Irish", "Ireland"),
        ("Italian", "Italy"),
        ("Italians", "Italy"),
        ("Spanish", "Spain"),
        ("Spaniard", "Spain"),
        ("Portuguese", "Portugal"),
        ("Dutch", "Netherlands"),
        ("Belgian", "Belgium"),
        ("Swiss", "Switzerland"),
        ("Austrian", "Austria"),
        ("Swedish", "Sweden"),
        ("Swede", "Sweden"),
        ("Swedes", "Sweden"),
        ("Norwegian", "Norway"),
        ("Danish", "Denmark"),
        ("Dane", "Denmark"),
        ("Finnish", "Finland"),
        ("Finn", "Finland"),
        ("Icelandic", "Iceland"),
        ("Greek", "Greece"),
        ("Greeks", "Greece"),
        ("Turkish", "Turkey"),
        ("Turk", "Turkey"),
        ("Turks", "Turkey"),
        ("Czech", "Czechia"),
        ("Slovak", "Slovakia"),
        ("Hungarian", "Hungary"),
        ("Romanian", "Romania"),
        ("Bulgarian", "Bulgaria"),
        ("Serbian", "Serbia"),
        ("Serb", "Serbia"),
        ("Serbs", "Serbia"),
        ("Croatian", "Croatia"),
        ("Croat", "Croatia"),
        ("Bosnian", "Bosnia and Herzegovina"),
        ("Slovenian", "Slovenia"),
        ("Albanian", "Albania"),
        ("Macedonian", "North Macedonia"),
        ("Montenegrin", "Montenegro"),
        ("Chinese", "China"),
        ("Japanese", "Japan"),
        ("Korean", "Korea"),
        ("Koreans", "Korea"),
        ("Vietnamese", "Vietnam"),
        ("Thai", "Thailand"),
        ("Indian", "India"),
        ("Indians", "India"),
        ("Pakistani", "Pakistan"),
        ("Afghan", "Afghanistan"),
        ("Iranian", "Iran"),
        ("Iranians", "Iran"),
        ("Iraqi", "Iraq"),
        ("Iraqis", "Iraq"),
        ("Syrian", "Syria"),
        ("Syrians", "Syria"),
        ("Israeli", "Israel"),
        ("Israelis", "Israel"),
        ("Palestinian", "Palestine"),
        ("Palestinians", "Palestine"),
        ("Lebanese", "Lebanon"),
        ("Jordanian", "Jordan"),
        ("Saudi", "Saudi Arabia"),
        ("Egyptian", "Egypt"),
        ("Egyptians", "Egypt"),
        ("Libyan", "Libya"),
        ("Tunisian", "Tunisia"),
        ("Algerian", "Algeria"),
        ("Moroccan", "Morocco"),
        ("Nigerian", "Nigeria"),
        ("Kenyan", "Kenya"),
        ("Ethiopian", "Ethiopia"),
        ("Somali", "Somalia"),
        ("Sudanese", "Sudan"),
        ("Ghanaian", "Ghana"),
        ("Canadian", "Canada"),
        ("Canadians", "Canada"),
        ("Mexican", "Mexico"),
        ("Mexicans", "Mexico"),
        ("Brazilian", "Brazil"),
        ("Argentine", "Argentina"),
        ("Argentinian", "Argentina"),
        ("Chilean", "Chile"),
        ("Colombian", "Colombia"),
        ("Peruvian", "Peru"),
        ("Venezuelan", "Venezuela"),
        ("Cuban", "Cuba"),
        ("Cubans", "Cuba"),
        ("Australian", "Australia"),
        ("Australians", "Australia"),
        ("Indonesian", "Indonesia"),
        ("Malaysian", "Malaysia"),
        ("Filipino", "Philippines"),
        ("Singaporean", "Singapore"),
        ("Mongolian", "Mongolia"),
        ("Taiwanese", "Taiwan"),
        ("Soviet", "Soviet Union"),
        ("Soviets", "Soviet Union"),
        ("European", "Europe"),
        ("Europeans", "Europe"),
        ("Asian", "Asia"),
        ("African", "Africa"),
        ("Arab", "Arab world"),
        ("Arabs", "Arab world"),
        ("Latin", "Latin America"),
        ("Scandinavian", "Scandinavia"),
        ("Caucasian", "Caucasus"),
        ("Baltic", "Baltic states"),
        ("Slavic", "Slavs"),
        ("Western", "West"),
        ("Eurasian", "Eurasia"),
        ("Yemeni", "Yemen"),
        ("Qatari", "Qatar"),
        ("Emirati", "United Arab Emirates"),
        ("Kuwaiti", "Kuwait"),
        ("Omani", "Oman"),
        ("Bahraini", "Bahrain"),
        ("Bangladeshi", "Bangladesh"),
        ("Nepalese", "Nepal"),
        ("Sri", "Sri Lanka"),
        ("Cypriot", "Cyprus"),
        ("Maltese", "Malta"),
        ("Luxembourgish", "Luxembourg"),
        ("Zimbabwean", "Zimbabwe"),
        ("Ugandan", "Uganda"),
        ("Tanzanian", "Tanzania"),
        ("Rwandan", "Rwanda"),
        ("Congolese", "Congo"),
        ("Angolan", "Angola"),
        ("Senegalese", "Senegal"),
        ("Malian", "Mali"),
        ("Jewish", "Jews"),
        ("Muslim", "Islam"),
        ("Muslims", "Islam"),
        ("Islamic", "Islam"),
        ("Christian", "Christianity"),
        ("Christians", "Christianity"),
        ("Catholic", "Catholicism"),
        ("Orthodox", "Orthodoxy"),
        ("Protestant", "Protestantism"),
        ("Buddhist", "Buddhism"),
        ("Hindu", "Hinduism"),
        ("Sikh", "Sikhism"),
        ("Kurdish", "Kurdistan"),
        ("Kurds", "Kurdistan"),
        ("Chechen", "Chechnya"),
        ("Tatar", "Tatarstan"),
        ("Crimean", "Crimea"),
        ("Siberian", "Siberia"),
        ("Hispanic", "Hispanic"),
        ("Persian", "Iran"),
        ("Roman", "Rome"),
        ("Romans", "Rome"),
        ("Victorian", "Victorian era"),
        ("Parisian", "Paris"),
        ("Muscovite", "Moscow"),
        ("Texan", "Texas"),
        ("Californian", "California"),
        ("Hawaiian", "Hawaii"),
        ("Anglo", "England"),
        ("Franco", "France"),
        ("Sino", "China"),
        ("Indo", "India"),
        ("Belarus", "Belarus"),
        ("Russia", "Russia"),
    ]
    .into_iter()
    .filter(|(demonym, place)| demonym != place)
    .collect()
});

/// Names of religions' followers, ideologies, eras and feasts: `MISC` on their own.
pub static MISC_WORDS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "Jews",
        "Jew",
        "Holocaust",
        "Enlightenment",
        "Renaissance",
        "Reformation",
        "Christmas",
        "Easter",
        "Ramadan",
        "Hanukkah",
        "Passover",
        "Olympics",
        "Paralympics",
        "Socialist",
        "Socialists",
        "Communist",
        "Communists",
        "Nazi",
        "Nazis",
        "Marxist",
        "Marxists",
        "Zionist",
        "Zionists",
        "Catholics",
        "Protestants",
        "Sunni",
        "Sunnis",
        "Shia",
        "Shiite",
        "Shiites",
        "Bolshevik",
        "Bolsheviks",
        "Prussian",
        "Ottoman",
        "Byzantine",
        "Celtic",
        "Latino",
        "Latinos",
        "Bedouin",
        "Cossack",
        "Cossacks",
        "Slav",
        "Slavs",
        "Democrat",
        "Republican",
        "Democratic",
        "Allied",
        "Communism",
        "Marxism",
        "Socialism",
        "Fascism",
        "Nazism",
        "Islam",
        "Christianity",
        "Judaism",
        "Buddhism",
        "Hinduism",
        "Catholicism",
        "Orthodoxy",
        "Brexit",
        "Internet",
        "Bitcoin",
    ])
});

/// Organizations, agencies and acronyms newswire names without any other cue.
pub static KNOWN_ORGS: LazyLock<WordSet> = LazyLock::new(|| {
    set(&[
        "UN",
        "U.N.",
        "NATO",
        "EU",
        "E.U.",
        "CIS",
        "CSTO",
        "EAEU",
        "EEU",
        "SCO",
        "BRICS",
        "OSCE",
        "OPEC",
        "WTO",
        "IMF",
        "WHO",
        "UNESCO",
        "UNICEF",
        "OECD",
        "ASEAN",
        "APEC",
        "G7",
        "G8",
        "G20",
        "FIFA",
        "UEFA",
        "IOC",
        "FBI",
        "CIA",
        "NSA",
        "KGB",
        "FSB",
        "GRU",
        "SVR",
        "NASA",
        "Pentagon",
        "Kremlin",
        "Congress",
        "Senate",
        "Duma",
        "Reuters",
        "AP",
        "AFP",
        "TASS",
        "ITAR-TASS",
        "Xinhua",
        "BelTA",
        "Interfax",
        "Sputnik",
        "RIA",
        "Novosti",
        "RIA Novosti",
        "Bloomberg",
        "DPA",
        "EFE",
        "ANSA",
        "Kyodo",
        "Yonhap",
        "PTI",
        "IANS",
        "UPI",
        "Anadolu",
        "BBC",
        "CNN",
        "CBS",
        "NBC",
        "ABC",
        "Fox",
        "RT",
        "Gazprom",
        "Rosneft",
        "Lukoil",
        "Rosatom",
        "Roscosmos",
        "Aeroflot",
        "Sberbank",
        "VTB",
        "Belaruskali",
        "Transneft",
        "Google",
        "Apple",
        "Microsoft",
        "Amazon",
        "Facebook",
        "Twitter",
        "Meta",
        "Tesla",
        "Boeing",
        "Airbus",
        "Toyota",
        "Samsung",
        "Sony",
        "Intel",
        "IBM",
        "Nokia",
        "Siemens",
        "Volkswagen",
        "Hamas",
        "Hezbollah",
        "Taliban",
        "Al-Qaeda",
        "ISIS",
        "ISIL",
        "Politburo",
        "Comintern",
        "Wehrmacht",
        "Luftwaffe",
        "Bundestag",
        "Knesset",
        "Rada",
        "Verkhovna",
        "Majlis",
        "Interpol",
        "Europol",
        "Eurostat",
        "Rosstat",
        "Belstat",
        "Minfin",
        "Greenpeace",
        "Amnesty",
        "Red Cross",
        "Red Crescent",
        "Eurasian Economic Union",
        "European Union",
        "United Nations",
        "Security Council",
        "European Commission",
        "European Parliament",
        "World Bank",
        "Supreme Court",
        "White House",
        "State Department",
        "Foreign Ministry",
        "Defense Ministry",
        "Union State",
        "Commonwealth of Independent States",
        "Customs Union",
        "Council of Europe",
        "Soviet Army",
        "Red Army",
        "Labour",
        "Tories",
        "Democrats",
        "Human Rights Watch",
        "Amnesty International",
        "Doctors Without Borders",
        "Red Cross",
        "International Monetary Fund",
        "World Trade Organization",
        "International Atomic Energy Agency",
        "IAEA",
        "African Union",
        "Arab League",
        "Gulf Cooperation Council",
        "Shanghai Cooperation Organisation",
        "Eurasian Development Bank",
        "Federation Council",
        "State Duma",
        "Verkhovna Rada",
        "Supreme Court",
        "Constitutional Court",
        "Central Bank",
        "National Bank",
        "World Health Organization",
        "Red Crescent",
        "Republicans",
    ])
});

/// Places known by a name the gazetteer lacks or spells otherwise.
const EXTRA_PLACES: &[&str] = &[
    "U.S.",
    "US",
    "USA",
    "U.S.A.",
    "UK",
    "U.K.",
    "Britain",
    "Great Britain",
    "England",
    "Scotland",
    "Wales",
    "Northern Ireland",
    "Soviet Union",
    "USSR",
    "Russian Federation",
    "Republic of Belarus",
    "Europe",
    "Asia",
    "Africa",
    "Eurasia",
    "Middle East",
    "Far East",
    "Siberia",
    "Caucasus",
    "Balkans",
    "Crimea",
    "Donbas",
    "Donbass",
    "Chechnya",
    "Kosovo",
    "Palestine",
    "Gaza",
    "West Bank",
    "Taiwan",
    "Hong Kong",
    "Macau",
    "Tibet",
    "Kashmir",
    "Scandinavia",
    "Baltic",
    "Baltics",
    "Mediterranean",
    "Arctic",
    "Antarctic",
    "Atlantic",
    "Pacific",
    "Sahara",
    "Amazon",
    "Himalayas",
    "Alps",
    "Urals",
    "Volga",
    "Dnieper",
    "Danube",
    "Rhine",
    "Thames",
    "Nile",
    "Yangtze",
    "Mississippi",
    "Hollywood",
    "Manhattan",
    "Brooklyn",
    "Silicon Valley",
    "Wall Street",
    "Latin America",
    "North America",
    "South America",
    "Central Asia",
    "Eastern Europe",
    "Western Europe",
    "Southeast Asia",
    "Sochi",
    "Minsk",
    "Moscow",
    "Kiev",
    "Kyiv",
    "Vitebsk",
    "Gomel",
    "Grodno",
    "Brest",
    "Mogilev",
    "Smolensk",
    "Kaliningrad",
    "Kazan",
    "Vladivostok",
    "Yalta",
    "Belovezhskaya",
    "Pushcha",
    "Czech Republic",
    "Czechia",
    "North Korea",
    "South Korea",
    "Korea",
    "Congo",
    "Ivory Coast",
    "Burma",
    "Persia",
    "Holland",
    "Yugoslavia",
    "Czechoslovakia",
    "Prussia",
    "Ottoman Empire",
    "Roman Empire",
    "Byzantium",
    "Mesopotamia",
    "Lapland",
    "Bavaria",
    "Saxony",
    "Flanders",
    "Catalonia",
    "Andalusia",
    "Sicily",
    "Sardinia",
    "Corsica",
    "Tuscany",
    "Normandy",
    "Brittany",
    "Provence",
    "Quebec",
    "Ontario",
    "Alberta",
    "British Columbia",
    "Manitoba",
    "Yorkshire",
    "Lancashire",
    "Kent",
    "Essex",
    "Cornwall",
    "Devon",
    "Ulster",
    "Galicia",
    "Transylvania",
    "Anatolia",
    "Kurdistan",
    "Punjab",
    "Bengal",
    "Kerala",
    "Tamil Nadu",
    "Bihar",
    "Gujarat",
    "Tatarstan",
    "Bashkortostan",
    "Dagestan",
    "Abkhazia",
    "South Ossetia",
    "Transnistria",
    "Nagorno-Karabakh",
    "Karabakh",
    "Polesie",
    "Belovezha",
    "West",
    "East",
    "North",
    "South",
];

/// Place names: the gazetteer and the extra names above, with "Saint", "St." and "St" written
/// each way. Most are short enough to be kept inline, without an allocation each.
pub static PLACES: LazyLock<HashSet<CompactString>> = LazyLock::new(|| {
    let gazetteer = include_str!("data/places.tsv")
        .lines()
        .filter_map(|line| line.split_once('\t').map(|(name, _)| name.trim()));
    let mut places = HashSet::default();
    for name in gazetteer.chain(EXTRA_PLACES.iter().copied()) {
        if name.is_empty() {
            continue;
        }
        let saint = ["Saint ", "St. ", "St "]
            .iter()
            .find_map(|prefix| name.strip_prefix(prefix));
        if let Some(rest) = saint {
            for prefix in ["Saint ", "St. ", "St "] {
                places.insert(format_compact!("{prefix}{rest}"));
            }
        }
        places.insert(CompactString::new(name));
    }
    places
});

/// The word lists a word or name is in, all found with one lookup: a run's words are asked
/// about many lists in turn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lists(u32);

impl Lists {
    pub const TITLE: Lists = Lists(1);
    pub const ORG_TAIL: Lists = Lists(1 << 1);
    pub const ORG_HEAD: Lists = Lists(1 << 2);
    pub const LOC_TAIL: Lists = Lists(1 << 3);
    pub const LOC_HEAD: Lists = Lists(1 << 4);
    pub const MISC_TAIL: Lists = Lists(1 << 5);
    pub const MISC_HEAD: Lists = Lists(1 << 6);
    pub const NOT_NAME: Lists = Lists(1 << 7);
    pub const SENTENCE_WORD: Lists = Lists(1 << 8);
    pub const MONTH_OR_DAY: Lists = Lists(1 << 9);
    pub const DEMONYM: Lists = Lists(1 << 10);
    pub const MISC_WORD: Lists = Lists(1 << 11);
    pub const KNOWN_ORG: Lists = Lists(1 << 12);
    pub const PLACE: Lists = Lists(1 << 13);
    pub const GIVEN_NAME: Lists = Lists(1 << 14);

    /// Both `self` and `other`, in a constant.
    pub const fn or(self, other: Lists) -> Lists {
        Lists(self.0 | other.0)
    }

    /// Whether the word is in any of `lists`.
    pub fn any(self, lists: Lists) -> bool {
        self.0 & lists.0 != 0
    }
}

impl std::ops::BitOr for Lists {
    type Output = Lists;

    fn bitor(self, other: Lists) -> Lists {
        Lists(self.0 | other.0)
    }
}

static LISTS: LazyLock<HashMap<&'static str, Lists>> = LazyLock::new(|| {
    let mut lists: HashMap<&'static str, Lists> = HashMap::default();
    let sets: [(&WordSet, Lists); 12] = [
        (&TITLES, Lists::TITLE),
        (&ORG_TAILS, Lists::ORG_TAIL),
        (&ORG_HEADS, Lists::ORG_HEAD),
        (&LOC_TAILS, Lists::LOC_TAIL),
        (&LOC_HEADS, Lists::LOC_HEAD),
        (&MISC_TAILS, Lists::MISC_TAIL),
        (&MISC_HEADS, Lists::MISC_HEAD),
        (&NOT_NAMES, Lists::NOT_NAME),
        (&SENTENCE_WORDS, Lists::SENTENCE_WORD),
        (&MISC_WORDS, Lists::MISC_WORD),
        (&KNOWN_ORGS, Lists::KNOWN_ORG),
        (&GIVEN_NAMES, Lists::GIVEN_NAME),
    ];
    for (set, list) in sets {
        for word in set.iter() {
            let entry = lists.entry(word).or_default();
            *entry = *entry | list;
        }
    }
    let others = [
        (MONTHS_AND_DAYS.to_vec(), Lists::MONTH_OR_DAY),
        (DEMONYMS.keys().copied().collect(), Lists::DEMONYM),
        (
            PLACES.iter().map(CompactString::as_str).collect::<Vec<_>>(),
            Lists::PLACE,
        ),
    ];
    for (words, list) in others {
        for word in words {
            let entry = lists.entry(word).or_default();
            *entry = *entry | list;
        }
    }
    lists
});

/// The lists `word` (or a name) is in.
pub fn lists(word: &str) -> Lists {
    LISTS.get(word).copied().unwrap_or_default()
}

/// Given names common in newswire, across the languages it reports in.
pub static GIVEN_NAMES: LazyLock<WordSet> = LazyLock::new(|| {
    include_str!("data/given-names.txt")
        .split_whitespace()
        .collect()
});

/// English words the dictionary knows only in lowercase (SCOWL, `scripts/dictionary_words.py`).
/// Kept as bytes, so that a word lowercased on the stack is looked up without being checked
/// as text again.
static DICTIONARY_WORDS: LazyLock<HashSet<&'static [u8]>> = LazyLock::new(|| {
    include_str!("data/dictionary-words.txt")
        .split_whitespace()
        .map(str::as_bytes)
        .collect()
});

/// Whether `word`, capitalized or not, is an English word never written with a capital: a
/// title or heading word ("Launch", "Heresy"), not a surname ("Stone", "Rice" are also names).
pub fn is_dictionary_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    // A first letter outside ASCII fails here, with its second byte: the dictionary is ASCII.
    let rest_lowercase = !bytes.is_empty() && bytes[1..].iter().all(u8::is_ascii_lowercase);
    if !rest_lowercase {
        return false;
    }
    let mut lower = Lowered::default();
    lower
        .of(bytes)
        .is_some_and(|w| DICTIONARY_WORDS.contains(w))
        || bytes.len() > Lowered::ROOM
            && DICTIONARY_WORDS.contains(word.to_ascii_lowercase().as_bytes())
}

/// Words newswire writes in lowercase (from the Brown corpus, `scripts/common_words.py`): a
/// capitalized one is more likely a sentence opener or a headline word than a name. Kept as
/// bytes, as [`DICTIONARY_WORDS`] are.
pub static COMMON_WORDS: LazyLock<HashSet<&'static [u8]>> = LazyLock::new(|| {
    include_str!("data/common-words.txt")
        .split_whitespace()
        .map(str::as_bytes)
        .collect()
});

/// Whether `word`, however capitalized, is a common lowercase word.
pub fn is_common_word(word: &str) -> bool {
    if has_hyphen(word) {
        return word
            .split('-')
            .all(|part| !part.is_empty() && is_common_word(part));
    }
    // Most words are short and ASCII: they are lowercased on the stack, with room for an "e".
    let mut buffer = Lowered::default();
    match buffer.of(word.as_bytes()).filter(|_| word.is_ascii()) {
        Some(lower) => is_common_lowercase(lower),
        None => is_common_lowercase(word.to_lowercase().as_bytes()),
    }
}

/// [`is_common_word`] of a word in lowercase: known, or a known word with an ending.
fn is_common_lowercase(lower: &[u8]) -> bool {
    let known = |w: &[u8]| COMMON_WORDS.contains(w);
    // Most names end in none of the letters an ending ends in.
    let may_have_ending = lower
        .last()
        .is_some_and(|b| ENDINGS_LAST_LETTERS.contains(b));
    known(lower)
        || may_have_ending
            && ENDINGS.iter().any(|ending| {
                strip_ending(lower, ending.as_bytes()).is_some_and(|stem| {
                    stem.len() > 2 && (known(stem) || known_with_e(stem, &known))
                })
            })
}

/// `word` without `ending`, compared byte by byte: the endings are a few bytes long, shorter
/// than the call that compares memory.
fn strip_ending<'w>(word: &'w [u8], ending: &[u8]) -> Option<&'w [u8]> {
    let stem = word.len().checked_sub(ending.len())?;
    word[stem..]
        .iter()
        .zip(ending)
        .all(|(a, b)| a == b)
        .then(|| &word[..stem])
}

/// The endings a common word may take ("used", "uses", "using").
const ENDINGS: [&str; 6] = ["s", "es", "ly", "ed", "d", "ing"];

/// The last letters of [`ENDINGS`].
const ENDINGS_LAST_LETTERS: &[u8] = b"sydg";

/// Whether `stem` with an "e" added is a word `known` knows ("us" + "e" from "used").
fn known_with_e(stem: &[u8], known: &impl Fn(&[u8]) -> bool) -> bool {
    let mut buffer = [0u8; Lowered::ROOM + 1];
    if stem.len() < buffer.len() {
        buffer[..stem.len()].copy_from_slice(stem);
        buffer[stem.len()] = b'e';
        known(&buffer[..=stem.len()])
    } else {
        known(&[stem, b"e"].concat())
    }
}

/// Room on the stack for a word in lowercase: words are short, and lowercasing one there costs
/// no allocation.
#[derive(Default)]
struct Lowered([u8; Lowered::ROOM]);

impl Lowered {
    const ROOM: usize = 31;

    /// `word` with its ASCII letters lowercased, when it fits.
    fn of(&mut self, word: &[u8]) -> Option<&[u8]> {
        let lower = self.0.get_mut(..word.len())?;
        lower.copy_from_slice(word);
        lower.make_ascii_lowercase();
        Some(lower)
    }
}

/// Last words that only say what kind of thing the name before them is: a company's legal form
/// or a region's rank ("Apple Inc", "Grodno Oblast").
pub fn is_generic_tail(word: &str) -> bool {
    matches!(
        word,
        "Inc"
            | "Corp"
            | "Ltd"
            | "LLC"
            | "Co"
            | "Plc"
            | "PLC"
            | "AG"
            | "GmbH"
            | "SA"
            | "Company"
            | "Corporation"
            | "University"
            | "College"
            | "Group"
            | "Holdings"
            | "Oblast"
            | "Region"
            | "Province"
            | "District"
            | "County"
            | "Krai"
            | "Governorate"
            | "Prefecture"
    )
}

/// Roman numerals and ordinals that follow a name without changing its kind ("World War II").
pub fn is_name_suffix(word: &str) -> bool {
    matches!(
        word,
        "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX" | "X" | "Jr" | "Sr"
    ) || word.chars().all(|c| c.is_ascii_digit())
}

/// The longest gazetteer entry, in words: bounds the lookups of a run's sub-spans.
pub const MAX_NAME_WORDS: usize = 6;

#[cfg(test)]
mod tests {
    use super::*;

    /// The test in front of a word list never turns away a word the list holds.
    #[test]
    fn a_word_set_holds_what_was_put_in_it_and_nothing_else() {
        let long = "Abcdefghijklmnopqrstuvwxyzabcdefghij";
        let words = ["President", "CEO", "Zürich", "ex", "A", long];
        let set: WordSet = words.into_iter().collect();
        for word in words {
            assert!(set.contains(word), "{word}");
        }
        for word in [
            "",
            "president",
            "Presidents",
            "CEOs",
            "Zurich",
            "B",
            &long[1..],
        ] {
            assert!(!set.contains(word), "{word}");
        }
        assert!(!WordSet::default().contains("A"));
        for word in TITLES
            .iter()
            .chain(NOT_NAMES.iter())
            .chain(GIVEN_NAMES.iter())
        {
            assert!(lists(word).any(Lists::TITLE | Lists::NOT_NAME | Lists::GIVEN_NAME));
        }
    }

    #[test]
    fn every_ending_ends_in_one_of_the_last_letters() {
        for ending in ENDINGS {
            let last = ending.as_bytes().last();
            assert!(
                last.is_some_and(|b| ENDINGS_LAST_LETTERS.contains(b)),
                "{ending}"
            );
        }
        assert!(is_common_word("Used") && is_common_word("reports"));
    }
}
