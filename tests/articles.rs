//! The article model on real and constructed articles: header, front matter, debris, title,
//! dateline, credit, zones, paragraphs and sentences, snapshotted per file.
//!
//! Fixtures are the seeds and the files in `tests/fixtures/articles/`; add a file there to cover a
//! new shape, then review its snapshot with `cargo insta review`.

use std::fmt::Write;
use std::path::Path;
use std::sync::Arc;

use gloss::analysis::{Analysis, AnalysisOptions};
use gloss::article::{Article, Format, Zone};

fn excerpt(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 60 {
        return format!("{text:?}");
    }
    let head: String = chars[..40].iter().collect();
    let tail: String = chars[chars.len() - 15..].iter().collect();
    format!("{head:?} … {tail:?}")
}

fn summary(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let analysis = Analysis::new(Arc::from(path), text, AnalysisOptions::default());
    let text = &analysis.text;
    let article = Article::parse(text, Format::of_path(path).unwrap_or(Format::Text));
    let mut out = String::new();
    let slice = |r: &std::ops::Range<usize>| &text[r.clone()];
    writeln!(out, "format: {:?}", article.format).unwrap();
    if let Some(h) = &article.header {
        writeln!(
            out,
            "header: {:?} -> {:?}",
            slice(&h.value),
            h.date.map(|d| d.to_string())
        )
        .unwrap();
    }
    if let Some(fm) = &article.front_matter {
        for field in &fm.fields {
            writeln!(out, "front matter: {} = {:?}", field.key, field.value).unwrap();
        }
    }
    match &article.publication_date {
        Some(p) => writeln!(out, "publication date: {} (from {:?})", p.date, p.source).unwrap(),
        None => writeln!(out, "publication date: none").unwrap(),
    }
    if let (Some(date), Some(why)) = (
        analysis.publication_date,
        &analysis.publication_date_reasoning,
    ) {
        writeln!(out, "inferred publication date: {date} ({why})").unwrap();
    }
    for d in article.zones.iter().filter(|z| z.zone == Zone::Debris) {
        writeln!(out, "debris: {:?}", slice(&d.range)).unwrap();
    }
    if let Some(t) = &article.title {
        writeln!(out, "title: {:?}", slice(t)).unwrap();
    }
    if let Some(d) = &article.dateline {
        writeln!(
            out,
            "dateline: {:?} place={:?} date={:?} month_day={:?} year={:?} agency={:?}",
            slice(&d.span),
            slice(&d.place),
            d.date.as_ref().map(slice),
            d.month_day,
            d.year,
            d.agency.as_ref().map(slice),
        )
        .unwrap();
    }
    if let Some(c) = &article.credit {
        writeln!(out, "credit: {:?}", slice(c)).unwrap();
    }
    writeln!(out, "zones:").unwrap();
    for z in &article.zones {
        writeln!(
            out,
            "  {:?} {}..{} {}",
            z.zone,
            z.range.start,
            z.range.end,
            excerpt(slice(&z.range))
        )
        .unwrap();
    }
    writeln!(
        out,
        "paragraphs: {}",
        article
            .zones
            .iter()
            .filter(|z| z.zone == Zone::Body)
            .count()
    )
    .unwrap();
    writeln!(out, "sentences: {}", article.sentences.len()).unwrap();
    for s in &article.sentences {
        writeln!(out, "  {}", excerpt(slice(s))).unwrap();
    }
    writeln!(out, "diagnostics:").unwrap();
    for d in &analysis.diagnostics {
        writeln!(
            out,
            "  {} {} {:?}: {}",
            d.severity.as_str(),
            d.code,
            slice(&d.range),
            d.message
        )
        .unwrap();
    }
    out
}

#[test]
fn seeds() {
    insta::glob!("../seeds", "*.txt", |path| {
        insta::assert_snapshot!(summary(path));
    });
}

#[test]
fn fixtures() {
    insta::glob!("fixtures/articles", "*.{txt,md}", |path| {
        insta::assert_snapshot!(summary(path));
    });
}
