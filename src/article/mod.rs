//! The article model: how a news article on disk is laid out.
//!
//! An article may open with a date header (` date YYYY-MM-DD`) or YAML front matter, page debris
//! ("All news"), a title line, a dateline (`MOSCOW, 11 May (BelTA) –`), then the body's
//! paragraphs, and may end with a credit line (`Agencies - Xinhua`). Every part of the text gets a
//! [`Zone`]; the body is split into paragraphs and sentences. Only byte ranges are kept: the text
//! itself belongs to the caller.

pub mod dateline;
pub mod front_matter;

use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::diagnostic::{Diagnostic, Severity};
use crate::text::{lines, split_sentences, Line};
pub use dateline::Dateline;
pub use front_matter::FrontMatter;

/// The diagnostic code for everything about an article's publication date.
pub const PUBLICATION_DATE: &str = "publication-date";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Markdown,
}

impl Format {
    /// The format an article file has by its extension, or `None` for files that are not articles.
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// What part of the article a stretch of text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Zone {
    /// The date header or the front matter.
    Meta,
    /// Navigation and page furniture left over from the web page ("All news").
    Debris,
    Title,
    Dateline,
    Body,
    /// The closing credit line ("Agencies - Xinhua").
    Credit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneSpan {
    pub zone: Zone,
    pub range: Range<usize>,
}

/// The ` date YYYY-MM-DD` header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub span: Range<usize>,
    /// The date as written.
    pub value: Range<usize>,
    /// `None` when the written date is not a valid calendar date.
    pub date: Option<Date>,
}

/// Where the publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    Header,
    FrontMatter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicationDate {
    pub date: Date,
    pub source: DateSource,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    pub format: Format,
    pub header: Option<Header>,
    pub front_matter: Option<FrontMatter>,
    pub title: Option<Range<usize>>,
    pub dateline: Option<Dateline>,
    pub credit: Option<Range<usize>>,
    pub sentences: Vec<Range<usize>>,
    /// Every zone in text order, apart; blank lines belong to none. The paragraphs are the
    /// body's zones, the debris the debris zones.
    pub zones: Vec<ZoneSpan>,
    /// From the header or the front matter.
    pub publication_date: Option<PublicationDate>,
    /// Problems with the article's layout, such as a header date that is not a date.
    pub problems: Vec<Diagnostic>,
}

static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*date[ \t]+(?P<value>\d{1,4}-\d{1,2}-\d{1,2}\S*)").expect("valid pattern")
});

static DEBRIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:all news|news|latest news|top stories|home|menu|share|share this( article)?|print|email|e-mail|read more|read also|see also|related|related news|related articles|advertisement|subscribe|follow us|comments?|back to top|photo|video|loading\.*|[*_=~#·•-]{3,})[:>»]?$",
    )
    .expect("valid pattern")
});

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:agencies|agency|source|sources|reporting by|writing by|written by|editing by|additional reporting by|compiled by|with input from|courtesy of|photo|photos)\b.*|\(?(?:xinhua|reuters|ap|afp|tass|belta|ria novosti|interfax|bloomberg|dpa|efe|ansa|kyodo|yonhap|pti|ians|upi|anadolu)\)?)$",
    )
    .expect("valid pattern")
});

impl Article {
    pub fn parse(text: &str, format: Format) -> Article {
        Parser::new(text, format).parse()
    }

    /// The body zone holding `range`, if one does.
    pub fn paragraph_holding(&self, range: &Range<usize>) -> Option<&Range<usize>> {
        let after = self.zones.partition_point(|z| z.range.start <= range.start);
        let zone = &self.zones[after.checked_sub(1)?];
        (zone.zone == Zone::Body && range.end <= zone.range.end).then_some(&zone.range)
    }
}

struct Parser<'a> {
    text: &'a str,
    format: Format,
    zones: Vec<ZoneSpan>,
    problems: Vec<Diagnostic>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, format: Format) -> Self {
        Parser {
            text,
            format,
            zones: Vec::new(),
            problems: Vec::new(),
        }
    }

    fn parse(mut self) -> Article {
        let text = self.text;
        let mut pos = if text.starts_with('\u{feff}') { 3 } else { 0 };

        let front_matter = front_matter::parse(text, pos);
        if let Some(fm) = &front_matter {
            self.zone(Zone::Meta, fm.span.clone());
            pos = lines(text, fm.span.end)
                .next()
                .map_or(text.len(), |l| l.next);
            pos = pos.max(fm.span.end);
        }
        let header = self.header(pos);
        if let Some(h) = &header {
            self.zone(Zone::Meta, h.span.clone());
            pos = h.span.end;
        }

        // Prose has a line every eighty bytes or so, a blank one among them now and then.
        let mut content: Vec<Line> = Vec::with_capacity(text.len() / 64 + 1);
        content.extend(
            lines(text, pos)
                .map(|l| trim_line(text, l))
                .filter(|l| !l.content.is_empty()),
        );

        let mut debris = Vec::new();
        while content
            .first()
            .is_some_and(|l| DEBRIS.is_match(l.text(text)))
        {
            debris.push(content.remove(0).content);
        }
        let mut trailing_debris = Vec::new();
        while content
            .last()
            .is_some_and(|l| DEBRIS.is_match(l.text(text)))
        {
            trailing_debris.push(content.pop().map(|l| l.content).unwrap_or_default());
        }
        let credit = match content.last() {
            Some(l) if content.len() > 1 && is_credit(l.text(text)) => {
                content.pop().map(|l| l.content)
            }
            _ => None,
        };

        let title = self.title(&content);
        for range in &debris {
            self.zone(Zone::Debris, range.clone());
        }
        let body_lines = if title.is_some() {
            &content[1..]
        } else {
            &content[..]
        };
        if let Some(t) = &title {
            self.zone(Zone::Title, t.clone());
        }

        let dateline = body_lines
            .first()
            .and_then(|l| dateline::parse(text, l.content.start));
        let paragraphs = self.paragraphs(body_lines, dateline.as_ref());
        // Prose has a sentence every hundred bytes or so.
        let mut sentences = Vec::with_capacity(text.len() / 64 + 1);
        for p in &paragraphs {
            split_sentences(text, p.clone(), &mut sentences);
        }
        self.zones
            .reserve(paragraphs.len() + debris.len() + trailing_debris.len() + 3);
        if let Some(d) = &dateline {
            self.zone(Zone::Dateline, d.span.start..trim_end(text, d.span.clone()));
        }
        for p in &paragraphs {
            self.zone(Zone::Body, p.clone());
        }
        if let Some(c) = &credit {
            self.zone(Zone::Credit, c.clone());
        }
        trailing_debris.reverse();
        for range in &trailing_debris {
            self.zone(Zone::Debris, range.clone());
        }
        self.zones.sort_by_key(|z| z.range.start);

        let publication_date = header
            .as_ref()
            .and_then(|h| h.date)
            .map(|date| PublicationDate {
                date,
                source: DateSource::Header,
            })
            .or_else(|| self.front_matter_date(front_matter.as_ref()));

        Article {
            format: self.format,
            header,
            front_matter,
            title,
            dateline,
            credit,
            sentences,
            zones: self.zones,
            publication_date,
            problems: self.problems,
        }
    }

    fn zone(&mut self, zone: Zone, range: Range<usize>) {
        if !range.is_empty() {
            self.zones.push(ZoneSpan { zone, range });
        }
    }

    fn header(&mut self, pos: usize) -> Option<Header> {
        let caps = HEADER.captures(&self.text[pos..])?;
        let value = caps.name("value")?;
        let value = pos + value.start()..pos + value.end();
        let written = &self.text[value.clone()];
        let date = written.parse::<Date>().ok().filter(|_| written.len() == 10);
        if date.is_none() {
            self.problems.push(Diagnostic::new(
                value.clone(),
                Severity::Warning,
                PUBLICATION_DATE,
                format!(
                    "the date header `{written}` is not a valid date: write it as YYYY-MM-DD, for example ` date 2021-08-12`"
                ),
            ));
        }
        Some(Header {
            span: pos..value.end,
            value,
            date,
        })
    }

    fn front_matter_date(&mut self, fm: Option<&FrontMatter>) -> Option<PublicationDate> {
        let field = fm?.get("date")?;
        let written = field.value.as_str();
        match written.get(..10).and_then(|d| d.parse::<Date>().ok()) {
            Some(date) => Some(PublicationDate {
                date,
                source: DateSource::FrontMatter,
            }),
            None => {
                self.problems.push(Diagnostic::new(
                    field.value_span.clone(),
                    Severity::Warning,
                    PUBLICATION_DATE,
                    format!(
                        "the front matter date `{written}` is not a date gloss can read: write it as YYYY-MM-DD, for example `date: 2021-08-12`"
                    ),
                ));
                None
            }
        }
    }

    /// The first content line is a title when it reads like a headline: short, not a sentence
    /// ending in a full stop, not a dateline, and followed by more text. A Markdown `#` heading
    /// is always a title.
    fn title(&self, content: &[Line]) -> Option<Range<usize>> {
        let first = content.first()?;
        let line = first.text(self.text);
        if self.format == Format::Markdown {
            if let Some(rest) = line.strip_prefix('#') {
                let heading = rest.trim_start_matches('#');
                let start = first.content.end - heading.trim_start().len();
                return Some(start..first.content.end);
            }
        }
        let words = line.split_whitespace().count();
        let looks_like_headline = content.len() > 1
            && words <= 25
            && line.len() <= 200
            && !line.ends_with(['.', ',', ';', ':'])
            && dateline::parse(self.text, first.content.start).is_none();
        looks_like_headline.then(|| first.content.clone())
    }

    /// Paragraphs of the body. Where blank lines separate the body's text, they separate
    /// paragraphs (hard-wrapped text); otherwise each line is a paragraph. Markdown always uses
    /// blank lines, and each heading is a paragraph of its own.
    fn paragraphs(&self, body: &[Line], dateline: Option<&Dateline>) -> Vec<Range<usize>> {
        let text = self.text;
        let markdown = self.format == Format::Markdown;
        let is_heading = |l: &Line| markdown && l.text(text).starts_with('#');
        // Lines are adjacent when no blank line separates them.
        let adjacent = |a: &Line, b: &Line| !text[a.next..b.content.start].contains(['\n', '\r']);
        let by_blocks = markdown || body.windows(2).any(|w| !adjacent(&w[0], &w[1]));
        let mut paragraphs: Vec<Range<usize>> = Vec::with_capacity(body.len());
        for (i, line) in body.iter().enumerate() {
            let continues = by_blocks
                && i > 0
                && adjacent(&body[i - 1], line)
                && !is_heading(&body[i - 1])
                && !is_heading(line);
            match paragraphs.last_mut() {
                Some(last) if continues => last.end = line.content.end,
                _ => paragraphs.push(line.content.clone()),
            }
        }
        if let (Some(d), Some(first)) = (dateline, paragraphs.first_mut()) {
            first.start = d.span.end.min(first.end);
            if first.start == first.end {
                paragraphs.remove(0);
            }
        }
        paragraphs
    }
}

fn trim_line(text: &str, line: Line) -> Line {
    let s = line.text(text);
    let start = line.content.start + (s.len() - s.trim_start().len());
    let end = trim_end(text, start..line.content.end);
    Line {
        content: start..end.max(start),
        next: line.next,
    }
}

fn trim_end(text: &str, range: Range<usize>) -> usize {
    range.start + text[range].trim_end().len()
}

fn is_credit(line: &str) -> bool {
    line.len() <= 100 && !line.ends_with('.') && CREDIT.is_match(line)
}
