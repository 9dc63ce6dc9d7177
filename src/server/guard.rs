//! A guard in front of the protocol reader. tower-lsp answers a message it cannot decode with a
//! parse error but then stops reading, which ends the server; one bad message from a client would
//! take every editor feature with it. The guard reads the framed messages itself and passes on
//! only well-formed JSON-RPC: a malformed message becomes a notification nothing handles or, when
//! it carries an id, a request for a method that does not exist, so that the client still gets an
//! error for that id.

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};
use tracing::{error, warn};

/// Larger messages are skipped: no client sends a single message this large.
const MAX_MESSAGE: usize = 256 << 20;

/// Standard input, with malformed messages replaced.
pub fn guarded_stdin() -> impl AsyncRead {
    let (reader, mut writer) = tokio::io::duplex(1 << 16);
    tokio::spawn(async move {
        let mut input = BufReader::new(tokio::io::stdin());
        while let Some(body) = next_message(&mut input).await {
            let body = well_formed(body);
            let framed = format!("Content-Length: {}\r\n\r\n", body.len());
            if writer.write_all(framed.as_bytes()).await.is_err()
                || writer.write_all(&body).await.is_err()
            {
                return;
            }
        }
    });
    reader
}

/// The body of the next framed message; `None` at the end of the input.
async fn next_message(input: &mut (impl AsyncRead + AsyncBufReadExt + Unpin)) -> Option<Vec<u8>> {
    loop {
        let mut length = None;
        loop {
            let mut line = Vec::new();
            if input.read_until(b'\n', &mut line).await.ok()? == 0 {
                return None;
            }
            let line = String::from_utf8_lossy(&line);
            let line = line.trim();
            if line.is_empty() {
                break;
            }
            if let Some((name, value)) = line.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse::<usize>().ok();
                }
            }
        }
        match length {
            Some(length) if length <= MAX_MESSAGE => {
                let mut body = vec![0; length];
                input.read_exact(&mut body).await.ok()?;
                return Some(body);
            }
            Some(length) => {
                warn!("skipped a message of {length} bytes");
                tokio::io::copy(&mut input.take(length as u64), &mut tokio::io::sink())
                    .await
                    .ok()?;
                return Some(Vec::new());
            }
            None => warn!("skipped a message without a Content-Length header"),
        }
    }
}

/// The body itself when it is a JSON-RPC message, else a stand-in.
fn well_formed(body: Vec<u8>) -> Vec<u8> {
    let parsed: Option<Value> = serde_json::from_slice(&body).ok();
    let is_message = parsed.as_ref().is_some_and(|m| {
        m.get("jsonrpc") == Some(&json!("2.0"))
            && (m.get("method").is_some_and(Value::is_string)
                || (m.get("id").is_some()
                    && (m.get("result").is_some() || m.get("error").is_some())))
    });
    if is_message {
        return body;
    }
    error!(
        "a message that is not JSON-RPC was ignored: {}",
        String::from_utf8_lossy(&body[..body.len().min(200)])
    );
    let id = parsed
        .as_ref()
        .and_then(|m| m.get("id"))
        .filter(|id| id.is_number() || id.is_string());
    let stand_in = match id {
        Some(id) => json!({ "jsonrpc": "2.0", "id": id, "method": "gloss/invalidMessage" }),
        None => json!({ "jsonrpc": "2.0", "method": "$/gloss/invalidMessage" }),
    };
    stand_in.to_string().into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_messages_and_replaces_the_rest() {
        let hover =
            br#"{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{}}"#.to_vec();
        assert_eq!(well_formed(hover.clone()), hover);
        let response = br#"{"jsonrpc":"2.0","id":1,"result":null}"#.to_vec();
        assert_eq!(well_formed(response.clone()), response);
        let broken = well_formed(b"{ not json".to_vec());
        assert_eq!(
            broken,
            br#"{"jsonrpc":"2.0","method":"$/gloss/invalidMessage"}"#
        );
        let no_method: Value =
            serde_json::from_slice(&well_formed(br#"{"jsonrpc":"2.0","id":7}"#.to_vec())).unwrap();
        assert_eq!(
            no_method["id"], 7,
            "the client still gets an answer for its id"
        );
    }
}
