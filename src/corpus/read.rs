//! Reading article files from disk, with errors a user can act on. Binary files are refused; text
//! that is not UTF-8 is either refused (the command line, where the user can convert the file) or
//! read with replacement characters and a diagnostic (the language server, which must show every
//! article and never writes one).

use std::fmt;
use std::path::Path;

use crate::diagnostic::{Diagnostic, Severity};

/// The diagnostic code for a file whose bytes are not clean UTF-8.
pub const ENCODING: &str = "encoding";

/// How far into a file to look for NUL bytes, which text never has and binary files nearly always do.
const BINARY_SNIFF: usize = 8192;

#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// The file is not UTF-8; the offset is of the first byte that is not.
    NotUtf8 {
        offset: usize,
    },
    Binary,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
                write!(f, "no such file or directory")
            }
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotUtf8 { offset } => write!(
                f,
                "not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 first"
            ),
            ReadError::Binary => write!(f, "a binary file, not an article"),
        }
    }
}

impl std::error::Error for ReadError {}

/// What to do with text that is not UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decoding {
    Strict,
    Lossy,
}

/// An article's text as read, with what went wrong reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleFile {
    pub text: String,
    pub problems: Vec<Diagnostic>,
}

pub fn read_article(path: &Path, decoding: Decoding) -> Result<ArticleFile, ReadError> {
    decode(read_file(path).map_err(ReadError::Io)?, decoding)
}

/// The bytes of a regular file. Anything else is refused before it is opened: a named pipe
/// (`mkfifo article.txt`) or a device would block or never end, and a folder is not a file.
pub fn read_file(path: &Path) -> std::io::Result<Vec<u8>> {
    let kind = std::fs::metadata(path)?.file_type();
    if !kind.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            if kind.is_dir() {
                "a folder, not a file"
            } else {
                "not a regular file (a pipe, socket or device)"
            },
        ));
    }
    std::fs::read(path)
}

/// The text of a regular file ([`read_file`]) that must be UTF-8.
pub fn read_to_string(path: &Path) -> std::io::Result<String> {
    String::from_utf8(read_file(path)?)
        .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))
}

pub fn decode(bytes: Vec<u8>, decoding: Decoding) -> Result<ArticleFile, ReadError> {
    if bytes[..bytes.len().min(BINARY_SNIFF)].contains(&0) {
        return Err(ReadError::Binary);
    }
    let error = match String::from_utf8(bytes) {
        Ok(text) => {
            return Ok(ArticleFile {
                text,
                problems: Vec::new(),
            })
        }
        Err(error) => error,
    };
    let offset = error.utf8_error().valid_up_to();
    if decoding == Decoding::Strict {
        return Err(ReadError::NotUtf8 { offset });
    }
    let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
    let problem = Diagnostic::new(
        offset..offset + char::REPLACEMENT_CHARACTER.len_utf8(),
        Severity::Info,
        ENCODING,
        format!(
            "not UTF-8 from byte {offset}: bytes that are not UTF-8 show as \u{FFFD}; convert the file to UTF-8 (gloss never rewrites it)"
        ),
    );
    Ok(ArticleFile {
        text,
        problems: vec![problem],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_reads_as_is() {
        let file = decode("Минск".as_bytes().to_vec(), Decoding::Strict).unwrap();
        assert_eq!(file.text, "Минск");
        assert!(file.problems.is_empty());
    }

    #[test]
    fn invalid_utf8_is_refused_or_replaced() {
        let bytes = b"caf\xe9 au lait".to_vec();
        assert!(matches!(
            decode(bytes.clone(), Decoding::Strict),
            Err(ReadError::NotUtf8 { offset: 3 })
        ));
        let file = decode(bytes, Decoding::Lossy).unwrap();
        assert_eq!(file.text, "caf\u{FFFD} au lait");
        assert_eq!(file.problems.len(), 1);
        assert_eq!(&file.text[file.problems[0].range.clone()], "\u{FFFD}");
    }

    #[test]
    fn binary_files_are_refused() {
        let bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
        assert!(matches!(
            decode(bytes, Decoding::Lossy),
            Err(ReadError::Binary)
        ));
    }
}
