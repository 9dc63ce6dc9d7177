//! `gloss check`: the findings for the given articles, as a compiler prints them, as JSON Lines
//! (the contract in design.md), or as SARIF.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::input::{self, Inputs};
use super::location::{Finding, Location};
use super::{paths_or_current, sarif, CheckFormat, Deny, INPUT_ERROR};
use crate::analysis::AnalysisOptions;
use crate::describe::plural;
use crate::diagnostic::Severity;

pub fn run(paths: &[PathBuf], format: CheckFormat, deny: Option<Deny>) -> anyhow::Result<ExitCode> {
    let inputs = input::load(&paths_or_current(paths), AnalysisOptions::default());
    let Inputs {
        corpus,
        articles,
        failures,
    } = &inputs;
    let diagnostics: Vec<_> = articles
        .iter()
        .filter_map(|path| Some((corpus.get(path)?, corpus.diagnostics(path))))
        .collect();
    let findings: Vec<Finding> = diagnostics
        .iter()
        .flat_map(|(analysis, found)| found.iter().map(|d| Finding::new(corpus, analysis, d)))
        .collect();

    let mut out = BufWriter::new(std::io::stdout().lock());
    match format {
        CheckFormat::Human => write_human(&mut out, &findings)?,
        CheckFormat::Json => write_json(&mut out, &findings)?,
        CheckFormat::Sarif => sarif::write(&mut out, &findings)?,
    }
    out.flush()?;
    if format == CheckFormat::Human {
        eprintln!("{}", summary(articles.len(), &findings));
    }

    let worst = findings.iter().map(|f| f.diagnostic.severity).min();
    let denied = match deny {
        Some(Deny::Warnings) => worst.is_some_and(|s| s <= Severity::Warning),
        Some(Deny::Errors) | None => worst == Some(Severity::Error),
    };
    Ok(if *failures > 0 {
        ExitCode::from(INPUT_ERROR)
    } else if denied {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn write_human(out: &mut impl Write, findings: &[Finding]) -> std::io::Result<()> {
    for finding in findings {
        let (d, at) = (finding.diagnostic, &finding.location);
        writeln!(
            out,
            "{}:{}:{}: {}[{}]: {}",
            at.doc,
            at.line,
            at.column,
            d.severity.as_str(),
            d.code,
            d.message
        )?;
        for (place, message) in &finding.related {
            writeln!(
                out,
                "    {}:{}:{}: {message}",
                place.doc, place.line, place.column
            )?;
        }
        for (_, fix) in &finding.fixes {
            writeln!(out, "    fix: {}", fix.title)?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    #[serde(flatten)]
    location: &'a Location,
    code: &'a str,
    severity: &'a str,
    message: &'a str,
    related: Vec<JsonRelated<'a>>,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    #[serde(flatten)]
    location: &'a Location,
    message: &'a str,
}

fn write_json(out: &mut impl Write, findings: &[Finding]) -> anyhow::Result<()> {
    for finding in findings {
        let d = finding.diagnostic;
        let json = JsonFinding {
            location: &finding.location,
            code: d.code,
            severity: d.severity.as_str(),
            message: &d.message,
            related: finding
                .related
                .iter()
                .map(|(location, message)| JsonRelated { location, message })
                .collect(),
        };
        serde_json::to_writer(&mut *out, &json)?;
        writeln!(out)?;
    }
    Ok(())
}

fn summary(articles: usize, findings: &[Finding]) -> String {
    let count = |severity| {
        findings
            .iter()
            .filter(|f| f.diagnostic.severity == severity)
            .count()
    };
    format!(
        "checked {}: {}, {}, {}, {}",
        plural(articles, "article"),
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "info"),
        plural(count(Severity::Hint), "hint"),
    )
}
