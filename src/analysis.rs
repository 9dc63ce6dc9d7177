//! The analysis of one article: its text, line index, layout and findings. An analysis is
//! immutable once built; the corpus shares it behind an `Arc` and replaces it when the text changes.

use std::path::Path;
use std::sync::Arc;

use jiff::civil::Date;

use crate::article::{Article, Format, Zone, PUBLICATION_DATE};
use crate::diagnostic::{Diagnostic, Severity};
use crate::mention::Mention;
use crate::recognize::{publication_date, recognize};
use crate::text::LineIndex;

/// What the caller knows about an article beyond its text.
#[derive(Debug, Clone, Copy, Default)]
pub struct AnalysisOptions {
    /// A publication date to use when the article states none (`gloss extract --date`).
    pub publication_date: Option<Date>,
}

#[derive(Debug)]
pub struct Analysis {
    pub path: Arc<Path>,
    pub text: String,
    pub line_index: LineIndex,
    pub article: Article,
    /// The publication date: the article's own, else the one given in the options, else the
    /// one inferred from the dateline and the text.
    pub publication_date: Option<Date>,
    /// How the publication date was inferred, when the article does not state it.
    pub publication_date_reasoning: Option<String>,
    /// Entities, dates and figures, in text order.
    pub mentions: Vec<Mention>,
    /// Findings about this article alone, before configured levels apply.
    pub diagnostics: Vec<Diagnostic>,
}

impl Analysis {
    pub fn new(path: Arc<Path>, text: String, options: AnalysisOptions) -> Analysis {
        let format = Format::of_path(&path).unwrap_or(Format::Text);
        let line_index = LineIndex::new(&text);
        let article = Article::parse(&text, format);
        let stated = article
            .publication_date
            .map(|p| p.date)
            .or(options.publication_date);
        let inferred = match stated {
            Some(_) => None,
            None => publication_date::infer(&text, &article),
        };
        let publication_date = stated.or(inferred.as_ref().map(|i| i.date));
        let mentions = recognize(&text, &article, publication_date);
        let mut diagnostics = article.problems.clone();
        if publication_date.is_none() && article.header.is_none() {
            diagnostics.push(missing_date(&text, &article));
        }
        Analysis {
            path,
            text,
            line_index,
            article,
            publication_date,
            publication_date_reasoning: inferred.map(|i| i.reasoning),
            mentions,
            diagnostics,
        }
    }
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
