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
    let left_out = if params.context.include_declaration {
        None
    } else {
        match corpus.definition(id) {
            Some(Definition::Mention { path, range }) => Some((path, range)),
            _ => None,
        }
    };
    let left_out = left_out.as_ref().map(|(path, range)| (&**path, range));
    let mut runs: Vec<Vec<u8>> = (0..places.articles())
        .into_par_iter()
        .chunks(ARTICLES_PER_RUN)
        .map(|articles| {
            // Room for every location: its URI and about eighty bytes more.
            let room: usize = (articles.iter())
                .map(|&i| places.count(i) * (places.path_text(i).len() + 80))
                .sum();
            let mut run = Vec::with_capacity(1 + room);
            run.push(b',');
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
    let text = places.path_text(i);
    let Some(uri) = UriJson::of(text, || places.path(i)) else {
        return;
    };
    let left_out = left_out
        .filter(|(path, _)| *path == &**places.path(i))
        .map(|(_, range)| range);
    // The corpus keeps UTF-16 positions; other encodings are counted in the text.
    let analysis = match snapshot.encoding {
        Encoding::Utf16 => None,
        _ => match snapshot.corpus.get(places.path(i)) {
            Some(analysis) => Some(analysis),
            None => return,
        },
    };
    // Every location of the article begins alike: after the first, that beginning is copied.
    let mut beginning: Option<ByteRange<usize>> = None;
    for place in places.places(i).iter() {
        if left_out.is_some_and(|range| *range == place.byte_range()) {
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
        match &beginning {
            Some(range) => out.extend_from_within(range.clone()),
            None => {
                let at = out.len();
                uri.write_location_start(out);
                beginning = Some(at..out.len());
            }
        }
        write_location_range(start, end, out);
    }
}

fn position(at: LineCol) -> Position {
    Position::new(at.line, at.col)
}

/// A file's URI as JSON.
enum UriJson<'a> {
    /// A path [`is_plain`] accepts: its URI is `file://` and the path as it is, nothing to escape
    /// or normalize, so it costs a copy instead of parsing.
    Plain(&'a str),
    Encoded(Vec<u8>),
}

impl<'a> UriJson<'a> {
    /// The URI of the file at `path`, given as text (empty when it is not Unicode) and as a path,
    /// for when its URI needs more than the text.
    fn of<'p>(text: &'a str, path: impl FnOnce() -> &'p Path) -> Option<UriJson<'a>> {
        if is_plain(text) {
            return Some(UriJson::Plain(text));
        }
        serde_json::to_vec(&convert::path_to_uri(path())?)
            .ok()
            .map(UriJson::Encoded)
    }

    /// Writes a `Location` up to its first number: `{"uri":…,"range":{"start":{"line":`.
    fn write_location_start(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(br#"{"uri":"#);
        match self {
            UriJson::Plain(path) => {
                out.extend_from_slice(b"\"file://");
                out.extend_from_slice(path.as_bytes());
                out.push(b'"');
            }
            UriJson::Encoded(json) => out.extend_from_slice(json),
        }
        out.extend_from_slice(br#","range":{"start":{"line":"#);
    }
}

/// Writes the rest of a `Location`: its four numbers and the fixed keys between them.
fn write_location_range(start: Position, end: Position, out: &mut Vec<u8>) {
    let mut number = itoa::Buffer::new();
    out.extend_from_slice(number.format(start.line).as_bytes());
    out.extend_from_slice(br#","character":"#);
    out.extend_from_slice(number.format(start.character).as_bytes());
    out.extend_from_slice(br#"},"end":{"line":"#);
    out.extend_from_slice(number.format(end.line).as_bytes());
    out.extend_from_slice(br#","character":"#);
    out.extend_from_slice(number.format(end.character).as_bytes());
    out.extend_from_slice(b"}}}");
}

/// Whether `path` is absolute and its file URI is `file://` and the path itself: letters, digits
/// and `-._~` between single slashes, no `.` or `..` segment. Most article paths are so, and
/// making their URIs this way costs a copy instead of parsing.
fn is_plain(path: &str) -> bool {
    cfg!(unix)
        && path.starts_with('/')
        && path[1..].split('/').all(|segment| {
            !matches!(segment, "" | "." | "..")
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
        })
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
            let uri_json = UriJson::of(path.to_str().unwrap(), || path).unwrap();
            let uri = Url::from_file_path(path).unwrap();
            for (start, end) in [
                (Position::new(0, 0), Position::new(0, 7)),
                (Position::new(41, 1_234), Position::new(u32::MAX, 99_999)),
            ] {
                let mut written = Vec::new();
                uri_json.write_location_start(&mut written);
                write_location_range(start, end, &mut written);
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
