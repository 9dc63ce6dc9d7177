//! Entity recognition and linking on small constructed articles, one hard case each.
//!
//! `tests/fixtures/entities/recognition.txt` holds one article per line with the expected
//! entities marked `[text](TYPE)`; nothing else may be recognized. The linking tests put several
//! articles in one corpus and check the ids their mentions get.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use gloss::analysis::{Analysis, AnalysisOptions};
use gloss::config::Config;
use gloss::corpus::{Corpus, Definition, KnowledgeBase};
use gloss::mention::{Label, Mention, Value};
use regex::Regex;

/// The plain text of a marked-up line and its expected (start, end, type) byte spans.
fn parse_markup(line: &str) -> (String, BTreeSet<(usize, usize, String)>) {
    let markup = Regex::new(r"\[([^\]]+)\]\((PER|ORG|LOC|MISC)\)").unwrap();
    let line = line.replace("\\n", "\n");
    let mut text = String::new();
    let mut expected = BTreeSet::new();
    let mut last = 0;
    for caps in markup.captures_iter(&line) {
        let whole = caps.get(0).unwrap();
        text.push_str(&line[last..whole.start()]);
        let start = text.len();
        text.push_str(&caps[1]);
        expected.insert((start, text.len(), caps[2].to_string()));
        last = whole.end();
    }
    text.push_str(&line[last..]);
    (text, expected)
}

fn entities(text: &str) -> BTreeSet<(usize, usize, String)> {
    let analysis = Analysis::new(
        Arc::from(Path::new("fixture.txt")),
        text.to_string(),
        AnalysisOptions::default(),
    );
    analysis
        .entities
        .iter()
        .map(|e| (e.range().start, e.range().end, e.label.as_str().to_string()))
        .collect()
}

fn show(text: &str, spans: &BTreeSet<(usize, usize, String)>) -> Vec<String> {
    spans
        .iter()
        .map(|(s, e, t)| format!("{}/{t}", &text[*s..*e]))
        .collect()
}

#[test]
fn recognizes_the_hard_cases() {
    let fixtures = include_str!("fixtures/entities/recognition.txt");
    let mut failures = Vec::new();
    for line in fixtures.lines() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (text, expected) = parse_markup(line);
        let found = entities(&text);
        if found != expected {
            failures.push(format!(
                "{text:?}\n  missing: {:?}\n  extra:   {:?}",
                show(&text, &expected.difference(&found).cloned().collect()),
                show(&text, &found.difference(&expected).cloned().collect()),
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn corpus(articles: &[(&str, &str)]) -> Corpus {
    let mut corpus = Corpus::new(Config::default());
    for (path, text) in articles {
        corpus.set_text(Path::new(path), text.to_string());
    }
    corpus
}

/// (text, label, id) of each entity mention of `path`, as the corpus links them.
fn linked(corpus: &Corpus, path: &str) -> Vec<(String, Label, String)> {
    let analysis = corpus.get(Path::new(path)).unwrap().clone();
    corpus
        .mentions(Path::new(path))
        .into_iter()
        .filter_map(|m: Mention| match m.value {
            Value::Entity(entity) => Some((
                analysis.text[m.range.clone()].to_string(),
                m.label,
                entity.id,
            )),
            _ => None,
        })
        .collect()
}

fn id_of(links: &[(String, Label, String)], text: &str) -> String {
    links
        .iter()
        .find(|(t, _, _)| t == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {links:?}"))
        .2
        .clone()
}

#[test]
fn an_edit_that_drops_or_repeats_a_name_updates_its_counts_and_places() {
    let mut corpus = corpus(&[
        ("a.txt", "Vladimir Putin met Alexander Lukashenko in Minsk."),
        ("b.txt", "Vladimir Putin spoke in Moscow."),
    ]);
    let counts = |corpus: &Corpus, id: &str| {
        corpus
            .entity(id)
            .map(|e| (e.mentions, e.articles))
            .unwrap_or_default()
    };
    assert_eq!(counts(&corpus, "vladimir-putin"), (2, 2));
    assert_eq!(counts(&corpus, "minsk"), (1, 1));

    corpus.set_text(
        Path::new("a.txt"),
        "Vladimir Putin met Vladimir Putin's aides in Grodno.".into(),
    );
    assert_eq!(counts(&corpus, "vladimir-putin"), (3, 2));
    assert_eq!(counts(&corpus, "minsk"), (0, 0));
    assert_eq!(counts(&corpus, "alexander-lukashenko"), (0, 0));
    assert_eq!(counts(&corpus, "grodno"), (1, 1));
    let places = corpus.places("vladimir-putin");
    let in_a: Vec<usize> = (0..places.articles())
        .filter(|&i| places.path(i).as_ref() == Path::new("a.txt"))
        .map(|i| places.count(i))
        .collect();
    assert_eq!(in_a, [2]);

    corpus.set_text(Path::new("a.txt"), "Nobody was named.".into());
    assert_eq!(counts(&corpus, "vladimir-putin"), (1, 1));
}

#[test]
fn an_entity_is_defined_where_a_title_introduces_it_even_after_an_earlier_mention() {
    let corpus = corpus(&[
        ("a.txt", "Vladimir Putin left."),
        (
            "b.txt",
            "Vladimir Putin arrived. Later, President Vladimir Putin spoke.",
        ),
    ]);
    let putin = corpus.entity("vladimir-putin").unwrap();
    let Some(Definition::Mention { path, range }) = corpus.definition(&putin.id) else {
        panic!("no definition in the articles");
    };
    assert_eq!(&*path, Path::new("b.txt"));
    let text = &corpus.get(Path::new("b.txt")).unwrap().text;
    assert_eq!(range.start, text.rfind("Vladimir Putin").unwrap());
}

#[test]
fn links_acronyms_surnames_and_demonyms_across_articles() {
    let corpus = corpus(&[
        (
            "a.txt",
            "Russian President Vladimir Putin spoke to the Collective Security Treaty Organization (CSTO) in Moscow.",
        ),
        (
            "b.txt",
            "MOSCOW, May 2 (BelTA) - Putin said the CSTO would meet in Minsk. Russian troops took part.",
        ),
    ]);
    let a = linked(&corpus, "a.txt");
    let b = linked(&corpus, "b.txt");
    assert_eq!(id_of(&b, "Putin"), "vladimir-putin");
    assert_eq!(id_of(&b, "CSTO"), "collective-security-treaty-organization");
    assert_eq!(id_of(&a, "CSTO"), "collective-security-treaty-organization");
    assert_eq!(id_of(&b, "MOSCOW"), "moscow");
    assert_eq!(id_of(&a, "Moscow"), "moscow");
    assert_eq!(id_of(&b, "Russian"), "russia");
    let russian = b.iter().find(|(t, _, _)| t == "Russian").unwrap();
    assert_eq!(russian.1, Label::Misc, "a demonym keeps its label");

    let putin = corpus.entity("vladimir-putin").unwrap();
    assert_eq!((putin.mentions, putin.articles), (2, 2));
    assert_eq!(putin.label, Label::Per);
    let analysis_a = corpus.get(Path::new("a.txt")).unwrap();
    match corpus.definition(&putin.id) {
        Some(Definition::Mention { path, range }) => {
            assert_eq!(&*path, Path::new("a.txt"));
            assert_eq!(&analysis_a.text[range], "Vladimir Putin");
        }
        other => panic!("unexpected definition {other:?}"),
    }
    let entities = corpus.entities();
    assert!(entities.windows(2).all(|w| w[0].mentions >= w[1].mentions));
}

#[test]
fn an_ambiguous_surname_stays_unlinked() {
    let corpus = corpus(&[
        ("a.txt", "Vladimir Putin met Lyudmila Putin at home."),
        ("b.txt", "Later, Putin said nothing."),
    ]);
    assert_eq!(id_of(&linked(&corpus, "b.txt"), "Putin"), "putin");
}

/// A knowledge-base entry for a person written three ways across the corpus.
const LUKASHENKO: &str = r#"
[[entity]]
id = "lukashenko"
name = "Alexander Lukashenko"
type = "PER"
aliases = ["Lukashenko", "Aliaksandr Lukashenka"]
"#;

#[test]
fn knowledge_base_aliases_come_first() {
    let (kb, problems) = KnowledgeBase::parse(&format!("{LUKASHENKO}\n[[entity]]\nid = 7\n"));
    assert_eq!(problems.len(), 1);
    let mut corpus = corpus(&[
        ("a.txt", "Aliaksandr Lukashenka arrived in Moscow."),
        ("b.txt", "Lukashenko said the talks went well."),
    ]);
    corpus.set_knowledge_base(kb);
    assert_eq!(
        id_of(&linked(&corpus, "a.txt"), "Aliaksandr Lukashenka"),
        "lukashenko"
    );
    assert_eq!(id_of(&linked(&corpus, "b.txt"), "Lukashenko"), "lukashenko");
    let entity = corpus.entity("lukashenko").unwrap();
    assert_eq!(entity.name, "Alexander Lukashenko");
    assert_eq!(
        corpus.definition(&entity.id),
        Some(Definition::KnowledgeBase)
    );
}

#[test]
fn an_entity_written_several_ways_is_listed_in_path_and_text_order() {
    let (kb, _) = KnowledgeBase::parse(LUKASHENKO);
    let b = "Aliaksandr Lukashenka arrived in Moscow. Then Alexander Lukashenko spoke, \
             and Aliaksandr Lukashenka left.";
    // b.txt is read first: the order is the paths', not the reading's.
    let mut corpus = corpus(&[
        ("b.txt", b),
        ("a.txt", "Lukashenko said the talks went well."),
    ]);
    corpus.set_knowledge_base(kb);
    let places: Vec<(String, usize)> = corpus
        .occurrences("lukashenko")
        .iter()
        .map(|o| (o.path.display().to_string(), o.range.start))
        .collect();
    let at = |needle: &str, nth: usize| b.match_indices(needle).nth(nth).unwrap().0;
    assert_eq!(
        places,
        [
            ("a.txt".to_string(), 0),
            ("b.txt".to_string(), at("Aliaksandr", 0)),
            ("b.txt".to_string(), at("Alexander", 0)),
            ("b.txt".to_string(), at("Aliaksandr", 1)),
        ]
    );
}

#[test]
fn similar_spellings_are_proposed_not_merged() {
    let corpus = corpus(&[
        (
            "a.txt",
            "President Alexander Lukashenko spoke. Lukashenko smiled.",
        ),
        (
            "b.txt",
            "President Alexander Lukashenka spoke. Lukashenka smiled.",
        ),
    ]);
    let a = linked(&corpus, "a.txt");
    let b = linked(&corpus, "b.txt");
    assert_ne!(id_of(&a, "Lukashenko"), id_of(&b, "Lukashenka"));
    let proposals = corpus.proposed_links();
    assert!(
        proposals
            .iter()
            .any(|p| p.a == "alexander-lukashenka" && p.b == "alexander-lukashenko"),
        "{proposals:?}"
    );
}

#[test]
fn changing_one_article_relinks_the_snapshot() {
    let mut corpus = corpus(&[
        ("a.txt", "Vladimir Putin arrived."),
        ("b.txt", "Later, Putin said nothing."),
    ]);
    assert_eq!(id_of(&linked(&corpus, "b.txt"), "Putin"), "vladimir-putin");
    let before = corpus.clone();
    corpus.remove(Path::new("a.txt"));
    assert_eq!(id_of(&linked(&corpus, "b.txt"), "Putin"), "putin");
    assert_eq!(id_of(&linked(&before, "b.txt"), "Putin"), "vladimir-putin");
}

mod robustness {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        #[test]
        fn recognition_and_linking_never_panic(
            a in "(\\PC|[A-Z\\n\\.\\(\\)'’/ -]){0,200}",
            b in "([A-Z][a-z]{0,6}|[A-Z]{2,5}|of|and|the|\\(|\\)|'s|’s|\\.|,|-|\\n| |é|\u{301}|\u{feff}){0,60}",
        ) {
            let corpus = corpus(&[("a.txt", a.as_str()), ("b.md", b.as_str())]);
            for path in ["a.txt", "b.md"] {
                for m in corpus.mentions(Path::new(path)) {
                    let text = &corpus.get(Path::new(path)).unwrap().text;
                    prop_assert!(text.get(m.range.clone()).is_some());
                }
            }
            let _ = corpus.entities();
            let _ = corpus.proposed_links();
        }
    }
}

#[test]
fn a_surname_read_as_an_organization_joins_the_person() {
    let corpus = corpus(&[
        ("a.txt", "President Joe Biden spoke."),
        ("b.txt", "Critics of the Biden administration spoke too."),
    ]);
    let b = linked(&corpus, "b.txt");
    let biden = b.iter().find(|(t, _, _)| t == "Biden").unwrap();
    assert_eq!((biden.1, biden.2.as_str()), (Label::Per, "joe-biden"));
}

#[test]
fn the_knowledge_base_loads_from_the_configured_path() {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(
        root.path().join("entities.toml"),
        "[[entity]]\nid = \"csto\"\nname = \"Collective Security Treaty Organization\"\ntype = \"ORG\"\naliases = [\"CSTO\"]\n",
    )
    .unwrap();
    let mut corpus = corpus(&[("a.txt", "The CSTO met in Minsk.")]);
    assert!(corpus.load_knowledge_base(root.path()).is_empty());
    assert_eq!(id_of(&linked(&corpus, "a.txt"), "CSTO"), "csto");
    let missing = tempfile::tempdir().unwrap();
    assert!(corpus.load_knowledge_base(missing.path()).is_empty());
    assert!(corpus.knowledge_base().is_empty());
}

#[test]
fn names_that_differ_in_case_or_dots_are_one_entity() {
    let corpus = corpus(&[
        (
            "a.txt",
            "MINSK, May 2 (BelTA) - Officials in the U.S. said nothing.",
        ),
        ("b.txt", "The US and Minsk disagreed."),
    ]);
    let a = linked(&corpus, "a.txt");
    let b = linked(&corpus, "b.txt");
    assert_eq!(id_of(&a, "U.S."), id_of(&b, "US"));
    assert_eq!(id_of(&a, "MINSK"), "minsk");
    assert_eq!(corpus.entity("minsk").unwrap().name, "Minsk");
}

/// An entity written two ways in a few articles of many is counted the same as in a small
/// corpus: its tallies are merged whichever way they are counted.
#[test]
fn an_entity_in_few_of_many_articles_is_counted_per_article() {
    let mut articles: Vec<(String, String)> = (0..40)
        .map(|i| {
            (
                format!("filler{i:02}.txt"),
                " date 2021-06-01 OSLO — Officials met on Monday.\n".to_string(),
            )
        })
        .collect();
    articles.push((
        "a.txt".into(),
        " date 2021-06-01 MOSCOW — Officials in Moscow met.\n".into(),
    ));
    articles.push((
        "b.txt".into(),
        " date 2021-06-02 MOSCOW — Officials met.\n".into(),
    ));
    let articles: Vec<(&str, &str)> = articles
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let corpus = corpus(&articles);
    let moscow = corpus.entity("moscow").unwrap();
    assert_eq!((moscow.mentions, moscow.articles), (3, 2));
    let places: Vec<(String, usize)> = corpus
        .occurrences("moscow")
        .iter()
        .map(|o| (o.path.display().to_string(), o.range.start))
        .collect();
    let in_a = articles[40].1.find("Moscow").unwrap();
    assert_eq!(
        places,
        [
            ("a.txt".to_string(), 17),
            ("a.txt".to_string(), in_a),
            ("b.txt".to_string(), 17)
        ]
    );
}
