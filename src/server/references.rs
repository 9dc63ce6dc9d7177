//! Find references: every mention of the entity under the cursor, across the corpus. Without the
//! declaration, the defining mention is left out. An entity named in every article has tens of
//! thousands of places, so the answer is written here as JSON, straight from the name table.

use std::ops::Range as ByteRange;
use std::path::Path;

use rayon::prelude::*;
use tower_lsp::lsp_types::{Position, ReferenceParams};

use super::convert;
use super::encoded::Encoded;
use super::state::Snapshot;
use crate::corpus::query::{entity_id, EntityPlaces};
use crate::corpus::Definition;
use crate::text::{Encoding, LineCol};

/// How many articles one parallel run of the encoding takes; the runs are joined in order.
const ARTICLES_PER_RUN: usize = 64;

/// The answer as JSON: `Location[]`, or `null` when the cursor is on no entity. Runs of articles
/// are encoded in parallel, each run beginning with the separator it needs once they are written
/// one after the other.
pub fn encoded(snapshot: &Snapshot, params: &ReferenceParams) -> Encoded {
    let Some((_, mention)) = snapshot.mention_at(&params.text_document_position) else {
        return vec![b"null".to_vec()];
    };
    let Some(id) = entity_id(&mention) else {
        return vec![b"null".to_vec()];
    };
    let corpus = &snapshot.corpus;
    let places = corpus.places(id);
    let left_out = match corpus.definition(id) {
        Some(Definition::Mention { path, range }) if !params.context.include_declaration => {
            Some((path, range))
        }
        _ => None,
    };
    let left_out = left_out.as_ref().map(|(path, range)| (&**path, range));
    let mut runs: Vec<Vec<u8>> = (0..places.articles())
        .into_par_iter()
        .chunks(ARTICLES_PER_RUN)
        .map(|articles| {
            let mut run = vec![b','];
            for i in articles {
                encode_article(snapshot, &places, i, left_out, &mut run);
            }
            run
        })
        .filter(|run| run.len() > 1)
        .collect();
    match runs.first_mut() {
        Some(first) => first[0] = b'[',
        None => runs.push(b"[".to_vec()),
    }
    runs.push(b"]".to_vec());
    runs
}

/// Appends the locations of the `i`th article's places to `out`, all but the place `left_out`,
/// each after a comma but the first of the run (after its separator).
fn encode_article(
    snapshot: &Snapshot,
    places: &EntityPlaces,
    i: usize,
    left_out: Option<(&Path, &ByteRange<usize>)>,
    out: &mut Vec<u8>,
) {
    let (path, places) = places.article(i);
    let Some(writer) = LocationWriter::new(path) else {
        return;
    };
    // The corpus keeps UTF-16 positions; other encodings are counted in the text.
    let analysis = match snapshot.encoding {
        Encoding::Utf16 => None,
        _ => match snapshot.corpus.get(path) {
            Some(analysis) => Some(analysis),
            None => return,
        },
    };
    for place in places.iter() {
        if left_out.is_some_and(|(p, range)| p == &**path && *range == place.byte_range()) {
            continue;
        }
        let (start, end) = match analysis {
            None => (position(place.start), position(place.end)),
            Some(analysis) => {
                let range = convert::range(analysis, &place.byte_range(), snapshot.encoding);
                (range.start, range.end)
            }
        };
        if out.len() > 1 {
            out.push(b',');
        }
        writer.write(start, end, out);
    }
}

fn position(at: LineCol) -> Position {
    Position::new(at.line, at.col)
}

/// Writes an article's `Location`s as JSON: the URI is encoded once, and each location is that
/// beginning, its four numbers and the fixed keys between them.
struct LocationWriter {
    start: Vec<u8>,
}

impl LocationWriter {
    fn new(path: &Path) -> Option<LocationWriter> {
        let mut start = br#"{"uri":"#.to_vec();
        match plain_path(path) {
            // Such a path is its URI's path as it is: nothing to escape, nothing to normalize.
            Some(bytes) => {
                start.extend_from_slice(b"\"file://");
                start.extend_from_slice(bytes);
                start.push(b'"');
            }
            None => serde_json::to_writer(&mut start, &convert::path_to_uri(path)?).ok()?,
        }
        start.extend_from_slice(br#","range":{"start":{"line":"#);
        Some(LocationWriter { start })
    }

    fn write(&self, start: Position, end: Position, out: &mut Vec<u8>) {
        let mut number = itoa::Buffer::new();
        out.extend_from_slice(&self.start);
        out.extend_from_slice(number.format(start.line).as_bytes());
        out.extend_from_slice(br#","character":"#);
        out.extend_from_slice(number.format(start.character).as_bytes());
        out.extend_from_slice(br#"},"end":{"line":"#);
        out.extend_from_slice(number.format(end.line).as_bytes());
        out.extend_from_slice(br#","character":"#);
        out.extend_from_slice(number.format(end.character).as_bytes());
        out.extend_from_slice(b"}}}");
    }
}

/// The bytes of an absolute path whose file URI is `file://` and the path itself: letters, digits
/// and `-._~` between single slashes, no `.` or `..` segment. Most article paths are so, and
/// making their URIs this way costs a copy instead of parsing.
fn plain_path(path: &Path) -> Option<&[u8]> {
    let bytes = path.to_str()?.as_bytes();
    let plain = cfg!(unix)
        && bytes.first() == Some(&b'/')
        && bytes[1..].split(|&b| b == b'/').all(|segment| {
            !matches!(segment, b"" | b"." | b"..")
                && segment
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(b))
        });
    plain.then_some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp::lsp_types::{Location, Range, Url};

    #[test]
    fn locations_are_written_as_serde_json_writes_them() {
        let paths = [
            "/news/2018/article-01.txt",
            "/news/déjà vu/\"quoted\" \\ #1?.txt",
            "/news//twice/./here/../article.txt",
            "/news/folder/",
            "/a~b/c_d.e",
        ];
        for path in paths.map(Path::new) {
            let writer = LocationWriter::new(path).unwrap();
            let uri = Url::from_file_path(path).unwrap();
            for (start, end) in [
                (Position::new(0, 0), Position::new(0, 7)),
                (Position::new(41, 1_234), Position::new(u32::MAX, 99_999)),
            ] {
                let mut written = Vec::new();
                writer.write(start, end, &mut written);
                let expected = Location::new(uri.clone(), Range::new(start, end));
                assert_eq!(
                    String::from_utf8(written).unwrap(),
                    serde_json::to_string(&expected).unwrap(),
                    "{path:?}"
                );
            }
        }
    }
}
