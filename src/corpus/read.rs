//! Reading article files from disk, with errors a user can act on.

use std::fmt;
use std::path::Path;

#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// The file is not UTF-8; the offset is of the first byte that is not.
    NotUtf8 {
        offset: usize,
    },
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
        }
    }
}

impl std::error::Error for ReadError {}

/// The text of an article file.
pub fn read_article(path: &Path) -> Result<String, ReadError> {
    let bytes = std::fs::read(path).map_err(ReadError::Io)?;
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}
