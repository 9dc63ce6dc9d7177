//! SARIF 2.1.0 output of `gloss check`, for code-scanning pipelines, with the fixes findings
//! propose. Columns count code points.

use std::collections::BTreeSet;
use std::io::Write;

use serde_json::{json, Value};

use super::location::{Finding, Location};
use crate::diagnostic::Severity;

pub fn write(out: &mut impl Write, findings: &[Finding]) -> anyhow::Result<()> {
    let rules: BTreeSet<&str> = findings.iter().map(|f| f.diagnostic.code).collect();
    let results: Vec<Value> = findings
        .iter()
        .map(|f| {
            let d = f.diagnostic;
            json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": d.message },
                "locations": [physical(&f.location)],
                "relatedLocations": f.related.iter().enumerate().map(|(i, (place, message))| {
                    json!({ "id": i, "physicalLocation": physical(place)["physicalLocation"], "message": { "text": message } })
                }).collect::<Vec<_>>(),
                "fixes": f.fixes.iter().map(|(place, fix)| {
                    let located = physical(place);
                    json!({
                        "description": { "text": fix.title },
                        "artifactChanges": [{
                            "artifactLocation": located["physicalLocation"]["artifactLocation"],
                            "replacements": [{
                                "deletedRegion": located["physicalLocation"]["region"],
                                "insertedContent": { "text": fix.replacement },
                            }],
                        }],
                    })
                }).collect::<Vec<_>>(),
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "gloss",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules.iter().map(|id| json!({ "id": id })).collect::<Vec<_>>(),
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)?;
    Ok(())
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

fn physical(place: &Location) -> Value {
    json!({ "physicalLocation": {
        "artifactLocation": { "uri": place.doc.replace('\\', "/") },
        "region": {
            "startLine": place.line,
            "startColumn": place.column,
            "endLine": place.end_line,
            "endColumn": place.end_column,
            "charOffset": place.start,
            "charLength": place.end - place.start,
        },
    }})
}
