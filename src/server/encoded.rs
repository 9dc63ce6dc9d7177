//! Answers encoded straight to JSON. tower-lsp turns every result into a `serde_json::Value`, a
//! tree of maps, before writing it: a few microseconds per location, so a references answer of
//! tens of thousands of places would take a tenth of a second to encode. Requests whose answers
//! can be that large are routed to a handler that encodes its answer itself and returns a
//! placeholder string; the writer in front of stdout puts the encoded answer in its place.

use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasher, Hasher};
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{ready, Context, Poll};

use memchr::memmem;
use serde::{Serialize, Serializer};
use tokio::io::AsyncWrite;
use tower_lsp::jsonrpc::{Request, Response};
use tower_service::Service;

/// The method `textDocument/references` is routed to.
pub const REFERENCES: &str = "gloss/encodedReferences";

/// The requests answered by an encoding handler, and the method each is routed to.
const ROUTES: [(&str, &str); 1] = [("textDocument/references", REFERENCES)];

/// One JSON value, in pieces to be written one after the other: a large answer is encoded in
/// parallel parts that are never joined.
pub type Encoded = Vec<Vec<u8>>;

/// Encoded answers waiting for their placeholder to be written.
pub struct EncodedAnswers {
    /// The start of every placeholder as JSON, opening quote included: random, so no text an
    /// answer quotes can be taken for one.
    quoted_prefix: String,
    next: AtomicU64,
    waiting: Mutex<HashMap<u64, Encoded>>,
}

impl EncodedAnswers {
    pub fn new() -> Arc<Self> {
        let nonce = std::collections::hash_map::RandomState::new()
            .build_hasher()
            .finish();
        Arc::new(EncodedAnswers {
            quoted_prefix: format!("\"gloss-encoded-{nonce:016x}-"),
            next: AtomicU64::new(0),
            waiting: Mutex::default(),
        })
    }

    /// Keeps `json` and returns the placeholder to answer with instead.
    pub fn hold(&self, json: Encoded) -> Placeholder {
        let number = self.next.fetch_add(1, Ordering::Relaxed);
        self.waiting().insert(number, json);
        Placeholder(format!("{}{number}", &self.quoted_prefix[1..]))
    }

    fn waiting(&self) -> std::sync::MutexGuard<'_, HashMap<u64, Encoded>> {
        self.waiting
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Frames `body` onto `out`, a placeholder in it replaced by the answer it stands for.
    fn frame_onto(&self, body: &[u8], out: &mut VecDeque<Vec<u8>>) {
        let (before, answer, after) = match self.placeholder_in(body) {
            Some((start, end, answer)) => (&body[..start], answer, &body[end..]),
            None => (body, Vec::new(), &body[..0]),
        };
        let length = before.len() + answer.iter().map(Vec::len).sum::<usize>() + after.len();
        let mut head = format!("Content-Length: {length}\r\n\r\n").into_bytes();
        head.extend_from_slice(before);
        out.push_back(head);
        out.extend(answer);
        if !after.is_empty() {
            out.push_back(after.to_vec());
        }
    }

    /// Where a placeholder held here stands in `body` (quotes included), and its answer, taken.
    fn placeholder_in(&self, body: &[u8]) -> Option<(usize, usize, Encoded)> {
        let start = memmem::find(body, self.quoted_prefix.as_bytes())?;
        let digits = start + self.quoted_prefix.len();
        let length = body[digits..].iter().position(|b| !b.is_ascii_digit())?;
        let end = digits + length;
        if body[end] != b'"' {
            return None;
        }
        let number: u64 = std::str::from_utf8(&body[digits..end]).ok()?.parse().ok()?;
        let answer = self.waiting().remove(&number)?;
        Some((start, end + 1, answer))
    }
}

/// Stands for an encoded answer in a response until it is written.
pub struct Placeholder(String);

impl Serialize for Placeholder {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Routes the requests in [`ROUTES`] to their encoding handlers.
pub struct RouteEncoded<S> {
    inner: S,
}

impl<S> RouteEncoded<S> {
    pub fn new(inner: S) -> Self {
        RouteEncoded { inner }
    }
}

impl<S: Service<Request, Response = Option<Response>>> Service<Request> for RouteEncoded<S> {
    type Response = S::Response;
    type Error = S::Error;
    type Future = S::Future;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request) -> Self::Future {
        let route = ROUTES.iter().find(|(from, _)| *from == request.method());
        let request = match (route, request.id().cloned()) {
            (Some((_, to)), Some(id)) => {
                let (_, _, params) = request.into_parts();
                let routed = Request::build(*to).id(id);
                match params {
                    Some(params) => routed.params(params).finish(),
                    None => routed.finish(),
                }
            }
            _ => request,
        };
        self.inner.call(request)
    }
}

/// Standard output, with placeholders replaced by their answers. Messages arrive framed by
/// tower-lsp in any number of writes; each is re-framed whole, since splicing changes its length.
pub struct SplicingWriter<W> {
    inner: W,
    answers: Arc<EncodedAnswers>,
    /// Bytes of messages not yet whole.
    incoming: Vec<u8>,
    /// Framed messages ready for `inner`, in pieces, and how much of the first is written.
    outgoing: VecDeque<Vec<u8>>,
    written: usize,
}

impl<W> SplicingWriter<W> {
    pub fn new(inner: W, answers: Arc<EncodedAnswers>) -> Self {
        SplicingWriter {
            inner,
            answers,
            incoming: Vec::new(),
            outgoing: VecDeque::new(),
            written: 0,
        }
    }

    /// Moves every whole message from `incoming` to `outgoing`, spliced.
    fn reframe(&mut self) {
        let mut taken = 0;
        while let Some((header, length)) = frame_at(&self.incoming[taken..]) {
            let body_start = taken + header;
            if self.incoming.len() < body_start + length {
                break;
            }
            let body = &self.incoming[body_start..body_start + length];
            self.answers.frame_onto(body, &mut self.outgoing);
            taken = body_start + length;
        }
        self.incoming.drain(..taken);
    }
}

/// The header length and body length of the message `bytes` start with, once its header is whole.
fn frame_at(bytes: &[u8]) -> Option<(usize, usize)> {
    let header_end = memmem::find(bytes, b"\r\n\r\n")? + 4;
    let header = std::str::from_utf8(&bytes[..header_end]).ok()?;
    let length = header.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.trim()
            .eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse().ok())?
    })?;
    Some((header_end, length))
}

impl<W: AsyncWrite + Unpin> SplicingWriter<W> {
    /// Writes out what is ready; ready when all of it is written.
    fn poll_write_out(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        while let Some(piece) = self.outgoing.front() {
            let unwritten = &piece[self.written..];
            if unwritten.is_empty() {
                self.outgoing.pop_front();
                self.written = 0;
                continue;
            }
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, unwritten))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            self.written += n;
        }
        Poll::Ready(Ok(()))
    }
}

impl<W: AsyncWrite + Unpin> AsyncWrite for SplicingWriter<W> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        // What is ready goes out before more is taken, so a client that stops reading holds the
        // server back instead of filling memory.
        ready!(self.poll_write_out(cx))?;
        self.incoming.extend_from_slice(buf);
        self.reframe();
        Poll::Ready(Ok(buf.len()))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_write_out(cx))?;
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        ready!(self.poll_write_out(cx))?;
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncWriteExt;

    fn framed(body: &str) -> Vec<u8> {
        format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
    }

    #[tokio::test]
    async fn placeholders_are_replaced_and_messages_reframed_across_writes() {
        let answers = EncodedAnswers::new();
        let pieces = vec![b"[{\"uri\":".to_vec(), Vec::new(), b"\"a\"}]".to_vec()];
        let placeholder =
            serde_json::to_string(&answers.hold(pieces)).expect("a placeholder is a string");
        let response = format!(r#"{{"jsonrpc":"2.0","result":{placeholder},"id":7}}"#);
        let notification = r#"{"jsonrpc":"2.0","method":"x","params":"gloss-encoded-"}"#;
        let mut stream = framed(notification);
        stream.extend(framed(&response));
        stream.extend(framed(notification));

        let mut out = Vec::new();
        {
            let mut writer = SplicingWriter::new(&mut out, answers.clone());
            // Written in pieces that cut through headers and bodies.
            for piece in stream.chunks(5) {
                writer.write_all(piece).await.expect("writes to memory");
            }
            writer.flush().await.expect("flushes to memory");
        }
        let mut expected = framed(notification);
        expected.extend(framed(r#"{"jsonrpc":"2.0","result":[{"uri":"a"}],"id":7}"#));
        expected.extend(framed(notification));
        assert_eq!(
            String::from_utf8(out).unwrap(),
            String::from_utf8(expected).unwrap()
        );
        assert!(
            answers.waiting().is_empty(),
            "the answer is handed out once"
        );
    }

    #[tokio::test]
    async fn a_placeholder_that_was_never_held_is_left_alone() {
        let answers = EncodedAnswers::new();
        let forged = format!(r#"{{"result":{}99"}}"#, answers.quoted_prefix);
        let mut out = Vec::new();
        {
            let mut writer = SplicingWriter::new(&mut out, answers.clone());
            writer.write_all(&framed(&forged)).await.unwrap();
            writer.flush().await.unwrap();
        }
        assert_eq!(out, framed(&forged));
    }
}
