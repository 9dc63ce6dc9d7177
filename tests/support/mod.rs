//! A small LSP client for tests: runs the real `gloss lsp` binary and talks JSON-RPC to it over
//! stdio with `Content-Length` framing, as editors do.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub const TIMEOUT: Duration = Duration::from_secs(20);

pub struct LspClient {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<(Instant, Value)>,
    next_id: i64,
    /// When the first byte of the message `wait_for` last returned arrived: for a response,
    /// when the server had its answer ready, however long the client then takes to read it.
    pub arrived: Option<Instant>,
    /// Notifications and server requests received while waiting for something else.
    pub received: Vec<Value>,
    /// Whether requests from the server get a (null) answer, as a real client would give.
    pub answers_requests: bool,
}

impl LspClient {
    pub fn spawn() -> LspClient {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the gloss binary starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (sender, incoming) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if sender.send(message).is_err() {
                    break;
                }
            }
        });
        LspClient {
            child,
            stdin,
            incoming,
            next_id: 1,
            arrived: None,
            received: Vec::new(),
            answers_requests: true,
        }
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Spawns the server and initializes it for `root` with the given client capabilities.
    pub fn initialized(root: &Path, capabilities: Value) -> (LspClient, Value) {
        let mut client = LspClient::spawn();
        let result = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "workspaceFolders": [{ "uri": uri(root), "name": "corpus" }],
                "capabilities": capabilities,
            }),
        );
        client.notify("initialized", json!({}));
        (client, result)
    }

    pub fn send(&mut self, message: &Value) {
        self.send_raw(&serde_json::to_string(message).unwrap());
    }

    /// Sends a body as it is, framed, even when it is not JSON.
    pub fn send_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(&message(None, method, params));
    }

    /// Sends a request and waits for its response; returns the whole response message.
    pub fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.start_request(method, params);
        self.response_to(id)
    }

    /// Sends a request without waiting for its response; returns its id.
    pub fn start_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&message(Some(id), method, params));
        id
    }

    /// Waits for the response to the request with `id`.
    pub fn response_to(&mut self, id: i64) -> Value {
        self.wait_for(|m| m.get("id") == Some(&json!(id)) && m.get("method").is_none())
    }

    /// Sends a request and returns its result, failing the test on an error response.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let response = self.request_raw(method, params);
        assert!(
            response.get("error").is_none(),
            "{method} failed: {response}"
        );
        response["result"].clone()
    }

    /// Waits for a message matching `wanted`, answering the server's own requests meanwhile
    /// and keeping everything else in `received`.
    pub fn wait_for(&mut self, wanted: impl Fn(&Value) -> bool) -> Value {
        self.wait_for_within(TIMEOUT, wanted)
    }

    /// [`LspClient::wait_for`], with a time limit of its own.
    pub fn wait_for_within(&mut self, limit: Duration, wanted: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.received.iter().position(&wanted) {
            self.arrived = None;
            return self.received.remove(i);
        }
        let deadline = Instant::now() + limit;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let (arrived, message) = match self.incoming.recv_timeout(left) {
                Ok(received) => received,
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out; received {:#?}", self.received)
                }
                Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
            };
            self.answer_if_request(&message);
            if wanted(&message) {
                self.arrived = Some(arrived);
                return message;
            }
            self.received.push(message);
        }
    }

    /// Answers a request from the server (with null) when the client is set to.
    fn answer_if_request(&mut self, message: &Value) {
        let is_server_request = message.get("id").is_some() && message.get("method").is_some();
        if is_server_request && self.answers_requests {
            self.send(&json!({ "jsonrpc": "2.0", "id": message["id"], "result": null }));
        }
    }

    /// Takes what the server has sent so far into `received`, answering its requests.
    pub fn drain(&mut self) {
        while let Ok((_, message)) = self.incoming.try_recv() {
            self.answer_if_request(&message);
            self.received.push(message);
        }
    }

    /// Waits for the diagnostics published for `uri`.
    pub fn diagnostics_for(&mut self, uri: &str) -> Vec<Value> {
        let message = self.wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        });
        message["params"]["diagnostics"].as_array().unwrap().clone()
    }

    pub fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": 1, "text": text } }),
        );
    }

    /// Shuts the server down and waits for the process to end.
    pub fn shutdown(mut self) -> ExitStatus {
        let result = self.request("shutdown", Value::Null);
        assert_eq!(result, Value::Null);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for LspClient {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A request (with an id) or a notification; `null` params are left out, as editors do for
/// `shutdown` and `exit`.
fn message(id: Option<i64>, method: &str, params: Value) -> Value {
    let mut message = json!({ "jsonrpc": "2.0", "method": method });
    if let Some(id) = id {
        message["id"] = json!(id);
    }
    if !params.is_null() {
        message["params"] = params;
    }
    message
}

fn read_message(reader: &mut impl BufRead) -> Option<(Instant, Value)> {
    let mut length = None;
    let mut arrived = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        arrived.get_or_insert_with(Instant::now);
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(value) = line.strip_prefix("Content-Length:") {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    Some((arrived?, serde_json::from_slice(&body).ok()?))
}

/// Whether a message reports progress of `kind` ("begin", "report", "end"), as indexing does.
pub fn is_progress(kind: &'static str) -> impl Fn(&Value) -> bool {
    move |m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == kind
}

pub fn uri(path: &Path) -> String {
    url_from_path(&path.canonicalize().unwrap_or_else(|_| path.to_path_buf()))
}

fn url_from_path(path: &Path) -> String {
    let mut out = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Writes the files of a multi-file fixture into a new folder. Files start at a line
/// `//- path`; a `$0` in the text marks the cursor, which is returned as (path, line, UTF-16
/// column) and removed from the file.
pub fn fixture(spec: &str) -> (tempfile::TempDir, Option<(std::path::PathBuf, u32, u32)>) {
    let dir = tempfile::tempdir().unwrap();
    let mut cursor = None;
    for part in spec.split("//- ").filter(|p| !p.trim().is_empty()) {
        let (name, text) = part.split_once('\n').unwrap();
        let path = dir.path().join(name.trim());
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        if let Some(at) = text.find("$0") {
            let before = &text[..at];
            let line = before.matches('\n').count() as u32;
            let col = before.rsplit('\n').next().unwrap().encode_utf16().count() as u32;
            cursor = Some((path.clone(), line, col));
        }
        std::fs::write(&path, text.replacen("$0", "", 1)).unwrap();
    }
    (dir, cursor)
}

/// The UTF-16 position of the `nth` occurrence (from 0) of `needle` in `text`, plus `shift`
/// characters.
pub fn position_of(text: &str, needle: &str, nth: usize, shift: usize) -> Value {
    let at = text
        .match_indices(needle)
        .nth(nth)
        .expect("needle in text")
        .0;
    let before = &text[..at];
    let line = before.matches('\n').count();
    let col = before.rsplit('\n').next().unwrap().encode_utf16().count() + shift;
    json!({ "line": line, "character": col })
}
