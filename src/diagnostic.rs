//! Findings about a file, as the analysis reports them: byte ranges, a severity, a stable code and
//! a message. The server and the command line turn them into their own formats.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }
}

/// Another place involved in a finding, possibly in another file.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Related {
    pub path: Arc<Path>,
    pub range: Range<usize>,
    pub message: String,
}

/// A change to the file's text that would resolve a finding, offered to the user, never made
/// behind their back.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fix {
    pub title: String,
    /// Byte range in the file's text.
    pub range: Range<usize>,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// Byte range in the file's text.
    pub range: Range<usize>,
    pub severity: Severity,
    /// Stable code used in configuration and suppressions, e.g. `publication-date`.
    pub code: &'static str,
    pub message: String,
    pub related: Vec<Related>,
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn new(
        range: Range<usize>,
        severity: Severity,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            range,
            severity,
            code,
            message: message.into(),
            related: Vec::new(),
            fixes: Vec::new(),
        }
    }
}
