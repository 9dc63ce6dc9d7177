//! A deterministic corpus generator for benchmarks. Half the articles are in the shapes of the
//! seeds (date header, dateline, quotes, figures): each a seed moved to another year and about
//! another country, with some of the digits of its body changed, so that, as in a real folder,
//! articles spread over many topics and the ones that share a topic sometimes agree and sometimes
//! conflict. The other half are runs of paragraphs from the Brown corpus press texts, dated, so
//! that the corpus names thousands of different people, organizations and places.

use std::path::Path;

/// A small seeded generator (xorshift), so the same size gives the same corpus.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// Writes `count` articles under `dir` (in folders of 500) and returns their total size in bytes.
pub fn generate(dir: &Path, count: usize, seeds: &[String], press: &[String]) -> usize {
    let mut rng = Rng::new(0x5eed);
    let press: Vec<Vec<String>> = press.iter().map(|text| paragraphs(text)).collect();
    let mut bytes = 0;
    for i in 0..count {
        let text = if i % 2 == 0 || press.is_empty() {
            vary(&seeds[(i / 2) % seeds.len()], &mut rng)
        } else {
            excerpt(&press[rng.below(press.len())], &mut rng)
        };
        let folder = dir.join(format!("part{:03}", i / 500));
        std::fs::create_dir_all(&folder).expect("benchmark folder");
        std::fs::write(folder.join(format!("article{i:05}.txt")), &text)
            .expect("benchmark article");
        bytes += text.len();
    }
    bytes
}

/// Countries that take Belarus's place, with their demonyms.
const COUNTRIES: [(&str, &str); 10] = [
    ("Belarus", "Belarusian"),
    ("Kazakhstan", "Kazakh"),
    ("Armenia", "Armenian"),
    ("Kyrgyzstan", "Kyrgyz"),
    ("Uzbekistan", "Uzbek"),
    ("Azerbaijan", "Azerbaijani"),
    ("Tajikistan", "Tajik"),
    ("Moldova", "Moldovan"),
    ("Georgia", "Georgian"),
    ("Mongolia", "Mongolian"),
];

/// The seed about another country, its years moved by up to twenty back, and one in ten of the
/// digits of its body changed.
fn vary(template: &str, rng: &mut Rng) -> String {
    let (country, demonym) = COUNTRIES[rng.below(COUNTRIES.len())];
    let shift = rng.below(21) as i32 - 15;
    let text = template
        .replace("Belarussian", demonym)
        .replace("Belarusian", demonym)
        .replace("Belarus", country);
    let mut out = String::with_capacity(text.len());
    let first_line_end = text.find('\n').unwrap_or(0);
    let mut rest = text.as_str();
    let mut at = 0;
    while let Some(c) = rest.chars().next() {
        let year = rest
            .get(..4)
            .filter(|y| y.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| (1990..2030).contains(y));
        if let Some(year) = year {
            out.push_str(&(year + shift).to_string());
            rest = &rest[4..];
            at += 4;
            continue;
        }
        if c.is_ascii_digit() && at > first_line_end && rng.below(10) == 0 {
            out.push(char::from(b'0' + rng.below(10) as u8));
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
        at += c.len_utf8();
    }
    out
}

/// A Brown press text's paragraphs, its tokens joined back the way newspapers print them.
fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| {
            p.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .replace("`` ", "\"")
                .replace(" ''", "\"")
                .replace(" ,", ",")
                .replace(" .", ".")
                .replace(" ;", ";")
                .replace(" :", ":")
                .replace(" ?", "?")
                .replace(" 's", "'s")
        })
        .filter(|p| !p.is_empty())
        .collect()
}

/// Four to twelve consecutive paragraphs of a press text under a date header of 1955 to 1965.
fn excerpt(paragraphs: &[String], rng: &mut Rng) -> String {
    let length = 4 + rng.below(9);
    let start = rng.below(paragraphs.len().saturating_sub(length).max(1));
    let date = format!(
        " date {}-{:02}-{:02}",
        1955 + rng.below(11),
        1 + rng.below(12),
        1 + rng.below(28)
    );
    let body: Vec<&str> = paragraphs
        .iter()
        .skip(start)
        .take(length)
        .map(String::as_str)
        .collect();
    format!("{date}\n\n{}\n", body.join("\n\n"))
}
