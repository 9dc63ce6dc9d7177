//! The analysis of one article: its text, line index, mentions, claims and findings. An analysis
//! is immutable once built; the corpus shares it behind an `Arc` and replaces it when the text
//! changes. A corpus keeps one for every article, so an analysis keeps only what is asked of it
//! later: what serves the analysis alone (the layout's sentences and zones) is dropped.

use std::ops::Range;
use std::panic::AssertUnwindSafe;
use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::article::{Article, Format, Zone, PUBLICATION_DATE};
use crate::checks::{check_article, ArticleFacts};
use crate::claims::{claims, Claim};
use crate::config::Config;
use crate::corpus::ArticleFile;
use crate::diagnostic::{Diagnostic, Severity};
use crate::mention::{EntitySpan, Mention};
use crate::recognize::{publication_date, recognize};
use crate::text::{floor_char_boundary, LineIndex};

/// The diagnostic code for an analysis that failed on a bug.
pub const INTERNAL: &str = "internal";

/// The diagnostic code for an article too large to analyze whole.
pub const SIZE: &str = "size";

/// What the caller knows about an article beyond its text.
#[derive(Debug, Clone, Copy)]
pub struct AnalysisOptions {
    /// A publication date to use when the article states none (`gloss extract --date`).
    pub publication_date: Option<Date>,
    /// Only this many bytes of an article are analyzed; news articles are a few kilobytes, and a
    /// file of many megabytes must not stall the editor.
    pub max_analyzed_bytes: usize,
}

impl Default for AnalysisOptions {
    fn default() -> Self {
        AnalysisOptions {
            publication_date: None,
            max_analyzed_bytes: 8 << 20,
        }
    }
}

#[derive(Debug)]
pub struct Analysis {
    pub path: Arc<Path>,
    pub text: String,
    pub line_index: LineIndex,
    /// The article's title and the agency its dateline names, which name it in findings on
    /// other articles. The rest of its layout ([`Article::parse`]) serves the analysis and is
    /// not kept.
    pub title: Option<Range<usize>>,
    pub agency: Option<Range<usize>>,
    /// The publication date: the article's own, else the one given in the options, else the
    /// one inferred from the dateline and the text.
    pub publication_date: Option<Date>,
    /// How the publication date was inferred, when the article does not state it.
    pub publication_date_reasoning: Option<String>,
    /// Dates and figures, in text order.
    pub mentions: Vec<Mention>,
    /// Entity mentions, in text order, as recognized: where and what kind. The corpus gives each
    /// its entity ([`crate::corpus::Corpus::mentions`]); an analysis keeps no more of them, as a
    /// large corpus names hundreds of thousands.
    pub entities: Vec<EntitySpan>,
    /// What each figure measures, where that can be read.
    pub claims: Vec<Claim>,
    /// Findings about this article alone, before configured levels apply.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn new(path: Arc<Path>, text: String, options: AnalysisOptions) -> Analysis {
        let format = Format::of_path(&path).unwrap_or(Format::Text);
        let line_index = LineIndex::new(&text);
        let analyzed = &text[..floor_char_boundary(&text, options.max_analyzed_bytes)];
        let mut article = Article::parse(analyzed, format);
        let stated = article
            .publication_date
            .map(|p| p.date)
            .or(options.publication_date);
        let inferred = match stated {
            Some(_) => None,
            None => publication_date::infer(analyzed, &article),
        };
        let publication_date = stated.or(inferred.as_ref().map(|i| i.date));
        let mut mentions = recognize(analyzed, &article, publication_date);
        let mut claims = claims(analyzed, &article, &mentions, &Config::default());
        claims.shrink_to_fit();
        let mut diagnostics = std::mem::take(&mut article.problems);
        diagnostics.extend(check_article(&ArticleFacts {
            path: &path,
            text: analyzed,
            article: &article,
            mentions: &mentions,
            publication_date,
        }));
        if publication_date.is_none() && article.header.is_none() {
            diagnostics.push(missing_date(&text, &article));
        }
        if analyzed.len() < text.len() {
            diagnostics.push(Diagnostic::new(
                analyzed.len()..analyzed.len(),
                Severity::Info,
                SIZE,
                format!(
                    "this file has {:.1} MB; gloss analyzes the first {:.1} MB of an article, up to here",
                    megabytes(text.len()),
                    megabytes(analyzed.len())
                ),
            ));
        }
        diagnostics.shrink_to_fit();
        // Counted first: a corpus keeps every analysis, and the list is made to size.
        let entity_mentions = mentions.iter().filter(|m| m.label.is_entity());
        let mut entities = Vec::with_capacity(entity_mentions.clone().count());
        entities.extend(entity_mentions.map(EntitySpan::of));
        mentions.retain(|m| !m.label.is_entity());
        // A corpus keeps every analysis: room to grow would only cost memory.
        mentions.shrink_to_fit();
        Analysis {
            path,
            text,
            line_index,
            title: article.title,
            agency: article.dateline.and_then(|dateline| dateline.agency),
            publication_date,
            publication_date_reasoning: inferred.map(|i| i.reasoning),
            claims,
            mentions,
            entities,
            diagnostics,
        }
    }

    /// Every mention, entities (without their entity) with dates and figures, in text order.
    pub fn all_mentions(&self) -> Vec<Mention> {
        let mut all = self.mentions.clone();
        all.extend(self.entities.iter().map(EntitySpan::mention));
        // Stable, and dates and figures first, as recognition orders mentions.
        all.sort_by_key(|m| (m.range.start, m.range.end));
        all
    }
}

impl Analysis {
    /// The analysis of a file as read, with the problems met reading it.
    pub fn from_file(path: Arc<Path>, file: ArticleFile, options: AnalysisOptions) -> Analysis {
        let mut analysis = Analysis::guarded(path, file.text, options);
        analysis.diagnostics.extend(file.problems);
        analysis
    }

    /// [`Analysis::new`], except that a bug in the analysis does not bring down its caller (the
    /// server, a whole `gloss check` run): the article is kept, unanalyzed, with an error saying so.
    pub fn guarded(path: Arc<Path>, text: String, options: AnalysisOptions) -> Analysis {
        let attempt = std::panic::catch_unwind(AssertUnwindSafe(|| {
            Analysis::new(path.clone(), text.clone(), options)
        }));
        attempt.unwrap_or_else(|_| {
            let mut analysis = Analysis::new(path, String::new(), options);
            analysis.line_index = LineIndex::new(&text);
            analysis.text = text;
            analysis.diagnostics = vec![Diagnostic::new(
                0..0,
                Severity::Error,
                INTERNAL,
                "gloss failed to analyze this article (a bug in gloss; the log has the details); the article is shown without analysis",
            )];
            analysis
        })
    }
}

fn megabytes(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

/// An article without a date cannot resolve "last year"; say what to add, on the first line of
/// its title or story.
fn missing_date(text: &str, article: &Article) -> Diagnostic {
    let first = article
        .zones
        .iter()
        .find(|z| matches!(z.zone, Zone::Title | Zone::Dateline | Zone::Body))
        .map_or(0..0, |z| z.range.clone());
    let first_line_end = text[first.clone()]
        .find(['\n', '\r'])
        .map_or(first.end, |i| first.start + i);
    let how = match article.format {
        Format::Markdown => {
            "add `date: YYYY-MM-DD` to the front matter, or a first line ` date YYYY-MM-DD`"
        }
        Format::Text => "add a first line ` date YYYY-MM-DD`",
    };
    Diagnostic::new(
        first.start..first_line_end,
        Severity::Info,
        PUBLICATION_DATE,
        format!("no publication date: {how} so that dates such as \"last year\" can be resolved"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_bytes_of_a_huge_file_are_analyzed() {
        let text = " date 2020-01-01 Talks.\n".to_string() + &"Лукашенко met Putin. ".repeat(1000);
        let options = AnalysisOptions {
            max_analyzed_bytes: 1001,
            ..AnalysisOptions::default()
        };
        let analysis = Analysis::new(Arc::from(Path::new("big.txt")), text.clone(), options);
        assert_eq!(analysis.text, text, "the whole text is kept");
        assert!(!analysis.entities.is_empty());
        assert!(analysis.entities.iter().all(|e| e.range().end <= 1001));
        let size = analysis
            .diagnostics
            .iter()
            .find(|d| d.code == SIZE)
            .unwrap();
        assert!(text.is_char_boundary(size.range.start) && size.range.start <= 1001);
        assert!(
            size.message.contains("gloss analyzes the first"),
            "{}",
            size.message
        );
    }
}
