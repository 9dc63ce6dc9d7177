//! Conversions at the protocol edge: paths and URIs, byte ranges and LSP ranges in the negotiated
//! encoding, and the analysis's diagnostics as LSP diagnostics.

use std::ops::Range as ByteRange;
use std::path::{Path, PathBuf};

use tower_lsp::lsp_types::{
    self as lsp, DiagnosticRelatedInformation, Location, NumberOrString, Position,
    PositionEncodingKind, Range, Url,
};

use crate::analysis::Analysis;
use crate::corpus::Corpus;
use crate::diagnostic::{Diagnostic, Severity};
use crate::text::{Encoding, LineCol, LineIndex};

/// The encoding to use, from those the client offers: UTF-8 is what the analysis counts in, so it
/// costs nothing; UTF-32 is next cheapest; UTF-16 is what every client supports.
pub fn negotiate_encoding(offered: Option<&[PositionEncodingKind]>) -> Encoding {
    let offered = offered.unwrap_or_default();
    if offered.contains(&PositionEncodingKind::UTF8) {
        Encoding::Utf8
    } else if offered.contains(&PositionEncodingKind::UTF32) {
        Encoding::Utf32
    } else {
        Encoding::Utf16
    }
}

pub fn encoding_kind(encoding: Encoding) -> PositionEncodingKind {
    match encoding {
        Encoding::Utf8 => PositionEncodingKind::UTF8,
        Encoding::Utf16 => PositionEncodingKind::UTF16,
        Encoding::Utf32 => PositionEncodingKind::UTF32,
    }
}

/// The path a document URI names. URIs that are not files (`untitled:`) get a path of their own
/// text, so they can still be analyzed while open.
pub fn uri_to_path(uri: &Url) -> PathBuf {
    uri.to_file_path()
        .unwrap_or_else(|_| PathBuf::from(uri.as_str()))
}

pub fn path_to_uri(path: &Path) -> Option<Url> {
    Url::from_file_path(path)
        .ok()
        .or_else(|| Url::parse(&path.to_string_lossy()).ok())
}

/// The byte offset of a client position in an article.
pub fn offset(analysis: &Analysis, position: Position, encoding: Encoding) -> usize {
    let at = LineCol {
        line: position.line,
        col: position.character,
    };
    analysis.line_index.offset(&analysis.text, at, encoding)
}

/// A byte range of an article as the client's location.
pub fn location(
    analysis: &Analysis,
    bytes: &ByteRange<usize>,
    encoding: Encoding,
) -> Option<Location> {
    Some(Location::new(
        path_to_uri(&analysis.path)?,
        range(analysis, bytes, encoding),
    ))
}

pub fn range(analysis: &Analysis, bytes: &ByteRange<usize>, encoding: Encoding) -> Range {
    text_range(&analysis.text, &analysis.line_index, bytes, encoding)
}

pub fn text_range(
    text: &str,
    index: &LineIndex,
    bytes: &ByteRange<usize>,
    encoding: Encoding,
) -> Range {
    let start = index.position(text, bytes.start, encoding);
    let end = index.position(text, bytes.end, encoding);
    Range::new(
        Position::new(start.line, start.col),
        Position::new(end.line, end.col),
    )
}

fn severity(severity: Severity) -> lsp::DiagnosticSeverity {
    match severity {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

fn lsp_diagnostic(range: Range, diagnostic: &Diagnostic) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range,
        severity: Some(severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.code.to_string())),
        source: Some("gloss".into()),
        message: diagnostic.message.clone(),
        ..Default::default()
    }
}

/// An analysis diagnostic as an LSP diagnostic; related places in other articles are located
/// through the corpus snapshot.
pub fn diagnostic(
    analysis: &Analysis,
    diagnostic: &Diagnostic,
    corpus: &Corpus,
    encoding: Encoding,
) -> lsp::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = diagnostic
        .related
        .iter()
        .filter_map(|r| {
            Some(DiagnosticRelatedInformation {
                location: location(corpus.get(&r.path)?, &r.range, encoding)?,
                message: r.message.clone(),
            })
        })
        .collect();
    lsp::Diagnostic {
        related_information: (!related.is_empty()).then_some(related),
        ..lsp_diagnostic(range(analysis, &diagnostic.range, encoding), diagnostic)
    }
}

/// Diagnostics on a file that is not an article (configuration); they have no related places.
pub fn file_diagnostics(
    text: &str,
    diagnostics: &[Diagnostic],
    encoding: Encoding,
) -> Vec<lsp::Diagnostic> {
    let index = LineIndex::new(text);
    diagnostics
        .iter()
        .map(|d| lsp_diagnostic(text_range(text, &index, &d.range, encoding), d))
        .collect()
}
