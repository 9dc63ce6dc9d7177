//! The language server, driven over stdio by a real JSON-RPC client.

mod support;

use std::fs;

use serde_json::{json, Value};
use support::{is_progress, uri, LspClient};

const UNDATED: &str = "MOSCOW, 11 May (BelTA) – Belarus and Russia held talks.\n";
const DATED: &str = " date 2021-08-12 MOSCOW, August 12. /TASS/. Belarus and Russia held talks.\n";

fn corpus(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn initialize_negotiates_the_position_encoding_and_advertises_text_sync() {
    let dir = corpus(&[]);
    let (client, result) = LspClient::initialized(dir.path(), json!({}));
    let capabilities = &result["capabilities"];
    assert_eq!(capabilities["positionEncoding"], "utf-16");
    assert_eq!(
        capabilities["textDocumentSync"]["change"], 2,
        "incremental sync"
    );
    assert_eq!(capabilities["textDocumentSync"]["openClose"], true);
    assert_eq!(result["serverInfo"]["name"], "gloss");
    assert!(client.shutdown().success());

    let offered = json!({ "general": { "positionEncodings": ["utf-16", "utf-32", "utf-8"] } });
    let (client, result) = LspClient::initialized(dir.path(), offered);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-8");
    assert!(client.shutdown().success());

    let offered = json!({ "general": { "positionEncodings": ["utf-32", "utf-16"] } });
    let (client, result) = LspClient::initialized(dir.path(), offered);
    assert_eq!(result["capabilities"]["positionEncoding"], "utf-32");
    assert!(client.shutdown().success());
}

#[test]
fn opening_an_article_publishes_its_diagnostics() {
    let dir = corpus(&[]);
    let (mut client, _) = LspClient::initialized(dir.path(), json!({}));
    let undated = uri(&dir.path().join("undated.txt"));
    client.open(&undated, UNDATED);
    let diagnostics = client.diagnostics_for(&undated);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    let d = &diagnostics[0];
    assert_eq!(d["code"], "publication-date");
    assert_eq!(d["severity"], 3, "information");
    assert_eq!(d["source"], "gloss");
    assert_eq!(d["range"]["start"], json!({ "line": 0, "character": 0 }));
    assert!(
        d["message"].as_str().unwrap().contains("date YYYY-MM-DD"),
        "{d}"
    );

    let dated = uri(&dir.path().join("dated.txt"));
    client.open(&dated, DATED);
    assert_eq!(client.diagnostics_for(&dated), Vec::<Value>::new());

    // Files that are not articles are not analyzed.
    let notes = uri(&dir.path().join("notes.json"));
    client.open(&notes, "{}");
    client.request("shutdown", Value::Null);
    assert!(!client
        .received
        .iter()
        .any(|m| m["params"]["uri"] == json!(notes)));
}

#[test]
fn a_bad_header_date_is_a_warning_on_the_date() {
    let dir = corpus(&[]);
    let (mut client, _) = LspClient::initialized(dir.path(), json!({}));
    let article = uri(&dir.path().join("a.txt"));
    client.open(&article, " date 2021-02-30 MOSCOW — Talks were held.\n");
    let diagnostics = client.diagnostics_for(&article);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["severity"], 2);
    assert_eq!(
        diagnostics[0]["range"],
        json!({ "start": { "line": 0, "character": 6 }, "end": { "line": 0, "character": 16 } })
    );
}

#[test]
fn indexing_reports_progress_and_publishes_for_articles_not_open() {
    let dir = corpus(&[
        ("a.txt", DATED),
        ("sub/b.txt", UNDATED),
        ("c.md", "---\ndate: 2020-01-02\n---\nText.\n"),
        (".hidden/d.txt", UNDATED),
    ]);
    let capabilities = json!({ "window": { "workDoneProgress": true } });
    let (mut client, _) = LspClient::initialized(dir.path(), capabilities);
    let create = client.wait_for(|m| m["method"] == "window/workDoneProgress/create");
    let token = create["params"]["token"].clone();
    let progress = |kind: &'static str| {
        let token = token.clone();
        move |m: &Value| {
            m["method"] == "$/progress"
                && m["params"]["token"] == token
                && m["params"]["value"]["kind"] == kind
        }
    };
    client.wait_for(progress("begin"));
    let report = client.wait_for(progress("report"));
    assert_eq!(report["params"]["value"]["message"], "3/3 articles");
    let end = client.wait_for(progress("end"));
    assert_eq!(end["params"]["value"]["message"], "3 articles indexed");

    let undated = uri(&dir.path().join("sub/b.txt"));
    let diagnostics = client.diagnostics_for(&undated);
    assert_eq!(diagnostics[0]["code"], "publication-date");
    let text = client.request(
        "gloss/viewFileText",
        json!({ "uri": uri(&dir.path().join("c.md")) }),
    );
    assert_eq!(text, "---\ndate: 2020-01-02\n---\nText.\n");
    let hidden = client.request_raw(
        "gloss/viewFileText",
        json!({ "uri": uri(&dir.path().join(".hidden/d.txt")) }),
    );
    assert!(
        hidden["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not an article"),
        "{hidden}"
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_client_that_never_answers_does_not_wedge_the_server() {
    let dir = corpus(&[("a.txt", UNDATED)]);
    let mut client = LspClient::spawn();
    client.answers_requests = false;
    let capabilities = json!({
        "window": { "workDoneProgress": true },
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } },
    });
    client.request(
        "initialize",
        json!({ "processId": null, "rootUri": uri(dir.path()), "capabilities": capabilities }),
    );
    client.notify("initialized", json!({}));
    client.wait_for(|m| m["method"] == "window/workDoneProgress/create");
    let undated = uri(&dir.path().join("b.txt"));
    client.open(&undated, UNDATED);
    assert_eq!(client.diagnostics_for(&undated).len(), 1);
    let held = client.request("gloss/viewFileText", json!({ "uri": undated }));
    assert_eq!(held, UNDATED);
    assert!(client.shutdown().success());
}

#[test]
fn watched_file_changes_update_the_corpus() {
    let dir = corpus(&[("a.txt", DATED)]);
    let capabilities = json!({
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } },
        "window": { "workDoneProgress": true },
    });
    let (mut client, _) = LspClient::initialized(dir.path(), capabilities);
    let registration = client.wait_for(|m| m["method"] == "client/registerCapability");
    // Files created from here on are the watcher's to report, not indexing's to find.
    client.wait_for(is_progress("end"));
    let watchers = &registration["params"]["registrations"][0]["registerOptions"]["watchers"];
    let globs: Vec<&str> = watchers
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert_eq!(
        globs,
        [
            "**/*.txt",
            "**/*.md",
            "**/*.ann",
            "**/entities.toml",
            "**/gloss.toml"
        ]
    );

    let new_path = dir.path().join("new.txt");
    fs::write(&new_path, UNDATED).unwrap();
    let new_uri = uri(&new_path);
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": new_uri, "type": 1 }] }),
    );
    assert_eq!(client.diagnostics_for(&new_uri).len(), 1);

    fs::remove_file(&new_path).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": new_uri, "type": 3 }] }),
    );
    assert_eq!(client.diagnostics_for(&new_uri), Vec::<Value>::new());

    let config = dir.path().join("gloss.toml");
    fs::write(&config, "[checks]\npublication-date = \"loud\"\n").unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&config), "type": 1 }] }),
    );
    let problems = client.diagnostics_for(&uri(&config));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0]["range"]["start"],
        json!({ "line": 1, "character": 19 })
    );
    assert!(client.shutdown().success());
}

#[test]
fn a_file_deleted_while_indexing_stays_deleted() {
    let names: Vec<String> = (0..300).map(|i| format!("a{i:03}.txt")).collect();
    let files: Vec<(&str, &str)> = names.iter().map(|name| (name.as_str(), DATED)).collect();
    let dir = corpus(&files);
    let capabilities = json!({ "window": { "workDoneProgress": true } });
    let (mut client, _) = LspClient::initialized(dir.path(), capabilities);
    client.wait_for(is_progress("begin"));
    // By now indexing has listed the files and is reading them, the first ones first.
    std::thread::sleep(std::time::Duration::from_millis(50));
    let gone = dir.path().join("a000.txt");
    fs::remove_file(&gone).unwrap();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&gone), "type": 3 }] }),
    );
    client.wait_for(is_progress("end"));

    let other = dir.path().join("a001.txt");
    client.open(&uri(&other), DATED);
    let references = client.request(
        "textDocument/references",
        json!({
            "textDocument": { "uri": uri(&other) },
            "position": support::position_of(DATED, "Belarus", 0, 1),
            "context": { "includeDeclaration": true },
        }),
    );
    let places: Vec<&str> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|location| location["uri"].as_str().unwrap())
        .collect();
    assert_eq!(places.len(), 299, "every article left names Belarus once");
    assert!(!places.contains(&uri(&gone).as_str()), "{places:?}");
}

#[test]
fn configured_levels_apply_to_published_diagnostics() {
    let dir = corpus(&[("gloss.toml", "[checks]\npublication-date = \"off\"\n")]);
    let (mut client, _) = LspClient::initialized(dir.path(), json!({}));
    let article = uri(&dir.path().join("a.txt"));
    client.open(&article, UNDATED);
    assert_eq!(client.diagnostics_for(&article), Vec::<Value>::new());
}

/// A tiny deterministic generator, so a failing burst can be replayed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// The UTF-16 line and column of a char index, computed the simple way: lines end at `\n`,
/// `\r\n` or `\r`.
fn utf16_position(chars: &[char], index: usize) -> (usize, usize) {
    let (mut line, mut col) = (0, 0);
    let mut i = 0;
    while i < index {
        match chars[i] {
            '\r' if chars.get(i + 1) == Some(&'\n') && i + 1 < index => {
                line += 1;
                col = 0;
                i += 1;
            }
            '\r' | '\n' => {
                line += 1;
                col = 0;
            }
            c => col += c.len_utf16(),
        }
        i += 1;
    }
    (line, col)
}

#[test]
fn a_burst_of_edits_leaves_the_same_text_on_both_sides() {
    let dir = corpus(&[]);
    let (mut client, _) = LspClient::initialized(dir.path(), json!({}));
    let article = uri(&dir.path().join("burst.txt"));
    let mut text: Vec<char> =
        " date 2021-08-12\r\nМинск — “talks” 😀 held.\nSecond line\u{2028}same line.\r\n"
            .chars()
            .collect();
    client.open(&article, &text.iter().collect::<String>());
    client.diagnostics_for(&article);

    let pieces = [
        "a",
        "Лукашенко",
        "—",
        "😀",
        "\n",
        "\r\n",
        " ",
        "“",
        "",
        "x\ry",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    // A position strictly between `\r` and `\n` is not a position: step back from it.
    let valid = |chars: &[char], mut i: usize| {
        if i > 0 && i < chars.len() && chars[i - 1] == '\r' && chars[i] == '\n' {
            i -= 1;
        }
        i
    };
    for version in 2..=1001 {
        let start = valid(&text, rng.below(text.len() + 1));
        let end = valid(&text, (start + rng.below(4)).min(text.len())).max(start);
        let insert = pieces[rng.below(pieces.len())];
        let (start_line, start_col) = utf16_position(&text, start);
        let (end_line, end_col) = utf16_position(&text, end);
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": article, "version": version },
                "contentChanges": [{
                    "range": {
                        "start": { "line": start_line, "character": start_col },
                        "end": { "line": end_line, "character": end_col },
                    },
                    "text": insert,
                }],
            }),
        );
        text.splice(start..end, insert.chars());
    }
    let expected: String = text.iter().collect();
    let held = client.request("gloss/viewFileText", json!({ "uri": article }));
    assert_eq!(held.as_str().unwrap(), expected);

    // A change with an older version is ignored.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": article, "version": 500 },
            "contentChanges": [{ "text": "stale" }],
        }),
    );
    let held = client.request("gloss/viewFileText", json!({ "uri": article }));
    assert_eq!(held.as_str().unwrap(), expected);
    assert!(client.shutdown().success());
}

#[test]
fn closing_returns_to_the_file_on_disk() {
    let dir = corpus(&[("a.txt", DATED)]);
    let (mut client, _) = LspClient::initialized(dir.path(), json!({}));
    let article = uri(&dir.path().join("a.txt"));
    client.open(&article, UNDATED);
    assert_eq!(client.diagnostics_for(&article).len(), 1);
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": article } }),
    );
    assert_eq!(client.diagnostics_for(&article), Vec::<Value>::new());
    let held = client.request("gloss/viewFileText", json!({ "uri": article }));
    assert_eq!(held, DATED);
}

#[test]
fn a_change_to_a_document_never_opened_is_ignored() {
    let dir = corpus(&[]);
    let (mut client, _) = LspClient::initialized(dir.path(), json!({}));
    let article = uri(&dir.path().join("ghost.txt"));
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": article, "version": 3 }, "contentChanges": [{ "text": "x" }] }),
    );
    let response = client.request_raw("gloss/viewFileText", json!({ "uri": article }));
    assert!(response.get("error").is_some(), "{response}");
    assert!(client.shutdown().success());
}

#[test]
fn indexing_reads_bad_encodings_lossily_and_skips_binary_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("latin1.txt"),
        b" date 2020-01-01 Caf\xe9 talks.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("image.txt"),
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
    )
    .unwrap();
    let (mut client, _) = LspClient::initialized(dir.path(), json!({}));
    let latin1 = uri(&dir.path().join("latin1.txt"));
    let diagnostics = client.diagnostics_for(&latin1);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "encoding");
    assert_eq!(
        diagnostics[0]["range"]["start"],
        json!({ "line": 0, "character": 20 })
    );
    let text = client.request("gloss/viewFileText", json!({ "uri": latin1 }));
    assert_eq!(text, " date 2020-01-01 Caf\u{FFFD} talks.\n");
    let image = client.request_raw(
        "gloss/viewFileText",
        json!({ "uri": uri(&dir.path().join("image.txt")) }),
    );
    assert!(image.get("error").is_some(), "{image}");
    assert_eq!(
        fs::read(dir.path().join("latin1.txt")).unwrap(),
        b" date 2020-01-01 Caf\xe9 talks.\n",
        "never rewritten"
    );
    assert!(client.shutdown().success());
}

#[test]
fn an_edit_makes_a_finding_appear_and_disappear() {
    let dir = corpus(&[]);
    let (mut client, _) = LspClient::initialized(dir.path(), json!({}));
    let article = uri(&dir.path().join("share.txt"));
    let text = " date 2021-06-01 MOSCOW — Food makes up more than two-thirds (66.7%) of exports.\n";
    client.open(&article, text);
    assert_eq!(client.diagnostics_for(&article), Vec::<Value>::new());

    let column = text[..text.find("66.7").unwrap()].encode_utf16().count() as u32;
    let edit = |version: i32, new: &str| {
        json!({
            "textDocument": { "uri": article, "version": version },
            "contentChanges": [{
                "range": { "start": { "line": 0, "character": column }, "end": { "line": 0, "character": column + 4 } },
                "text": new,
            }],
        })
    };
    client.notify("textDocument/didChange", edit(2, "64.5"));
    let diagnostics = client.diagnostics_for(&article);
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "share");
    assert_eq!(diagnostics[0]["range"]["start"]["character"], column);
    let related = &diagnostics[0]["relatedInformation"][0];
    assert_eq!(related["location"]["uri"], json!(article));
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap()
        .contains("64.5% is less than two-thirds"));

    client.notify("textDocument/didChange", edit(3, "70.1"));
    assert_eq!(client.diagnostics_for(&article), Vec::<Value>::new());
    assert!(client.shutdown().success());
}

#[test]
fn a_conflict_created_in_one_article_shows_in_the_other() {
    let a_text = " date 2018-05-11 MOSCOW — In 2017 trade between Belarus and Russia rose by 23.5% to $32.42 billion.\n";
    let b_text = " date 2018-06-01 MINSK — Trade between Belarus and Russia reached $32.4 billion in 2017.\n";
    let dir = corpus(&[("a.txt", a_text), ("b.txt", b_text)]);
    let capabilities = json!({ "window": { "workDoneProgress": true } });
    let (mut client, _) = LspClient::initialized(dir.path(), capabilities);
    client.wait_for(is_progress("end"));
    let (a, b) = (
        uri(&dir.path().join("a.txt")),
        uri(&dir.path().join("b.txt")),
    );
    client.open(&b, b_text);
    assert_eq!(client.diagnostics_for(&b), Vec::<Value>::new());

    let column = b_text[..b_text.find("32.4 ").unwrap()]
        .encode_utf16()
        .count() as u32;
    let edit = |version: i32, new: &str, old_len: u32| {
        json!({
            "textDocument": { "uri": b, "version": version },
            "contentChanges": [{
                "range": { "start": { "line": 0, "character": column }, "end": { "line": 0, "character": column + old_len } },
                "text": new,
            }],
        })
    };
    client.drain();
    client.received.clear();
    client.notify("textDocument/didChange", edit(2, "35.1", 4));
    let first = client.wait_for(|m| m["method"] == "textDocument/publishDiagnostics");
    assert_eq!(
        first["params"]["uri"],
        json!(b),
        "the edited article is published before the articles its change reaches"
    );
    let in_b = first["params"]["diagnostics"].as_array().unwrap().clone();
    assert_eq!(in_b.len(), 1, "{in_b:?}");
    assert_eq!(in_b[0]["code"], "conflicting-figure");
    assert_eq!(
        in_b[0]["relatedInformation"][0]["location"]["uri"],
        json!(a)
    );
    let in_a = client.diagnostics_for(&a);
    assert_eq!(in_a.len(), 1, "the other article is republished: {in_a:?}");
    assert!(
        in_a[0]["message"]
            .as_str()
            .unwrap()
            .contains("$35.1 billion in b.txt (2018-06-01)"),
        "{in_a:?}"
    );

    client.notify("textDocument/didChange", edit(3, "32.4", 4));
    assert_eq!(client.diagnostics_for(&b), Vec::<Value>::new());
    assert_eq!(client.diagnostics_for(&a), Vec::<Value>::new());
    assert!(client.shutdown().success());
}

#[test]
fn the_knowledge_base_being_edited_links_at_once() {
    let article = " date 2021-09-01 MINSK — Officials met Lukashenka on Monday.\n";
    let dir = corpus(&[("a.txt", article)]);
    let capabilities = json!({ "window": { "workDoneProgress": true } });
    let (mut client, _) = LspClient::initialized(dir.path(), capabilities);
    client.wait_for(is_progress("end"));
    let a = uri(&dir.path().join("a.txt"));
    let at = json!({ "textDocument": { "uri": a }, "position": { "line": 0, "character": 42 } });
    let before = client.request("textDocument/definition", at.clone());
    assert_eq!(
        before["uri"],
        json!(a),
        "without an entry, the mention defines itself"
    );

    let kb = uri(&dir.path().join("entities.toml"));
    client.open(&kb, "[[entity]]\nid = \"lukashenko\"\nname = \"Alexander Lukashenko\"\naliases = [\"Lukashenka\"]\n");
    let location = client.request("textDocument/definition", at.clone());
    assert_eq!(location["uri"], json!(kb));

    // Half-way through typing a new entry the file is not TOML; the links stay as they were.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": kb, "version": 2 }, "contentChanges": [{ "range": { "start": { "line": 4, "character": 0 }, "end": { "line": 4, "character": 0 } }, "text": "[[entity]]\nid = " }] }),
    );
    let published = client.wait_for(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == json!(kb)
            && m["params"]["version"] == 2
    });
    let problems = &published["params"]["diagnostics"];
    let message = problems[0]["message"].as_str().unwrap_or_default();
    assert!(message.starts_with("not valid TOML"), "{problems}");
    let location = client.request("textDocument/definition", at);
    assert_eq!(location["uri"], json!(kb));
    assert!(client.shutdown().success());
}

#[test]
fn bad_messages_get_errors_and_the_server_goes_on() {
    let dir = corpus(&[("a.txt", DATED)]);
    let mut client = LspClient::spawn();
    let early = client.request_raw("textDocument/hover", json!({ "textDocument": { "uri": "file:///x.txt" }, "position": { "line": 0, "character": 0 } }));
    assert!(
        early.get("error").is_some(),
        "a request before initialize is refused: {early}"
    );
    client.request(
        "initialize",
        json!({ "processId": null, "rootUri": uri(dir.path()), "capabilities": {} }),
    );
    client.notify("initialized", json!({}));

    client.send_raw("{ this is not json");
    let unknown = client.request_raw("gloss/noSuchMethod", json!({}));
    assert_eq!(
        unknown["error"]["code"], -32601,
        "method not found: {unknown}"
    );

    let article = uri(&dir.path().join("a.txt"));
    client.open(&article, DATED);
    client.diagnostics_for(&article);
    let far = json!({ "textDocument": { "uri": article }, "position": { "line": 9999, "character": 9999 } });
    assert_eq!(client.request("textDocument/hover", far), Value::Null);
    let reversed = json!({
        "textDocument": { "uri": article, "version": 2 },
        "contentChanges": [{ "range": { "start": { "line": 0, "character": 20 }, "end": { "line": 0, "character": 10 } }, "text": "X" }],
    });
    client.notify("textDocument/didChange", reversed);
    let held = client.request("gloss/viewFileText", json!({ "uri": article }));
    assert_eq!(
        held.as_str().unwrap(),
        format!("{}X{}", &DATED[..20], &DATED[20..]),
        "a reversed range inserts at its start"
    );
    let tokens = client.request("textDocument/semanticTokens/range", json!({
        "textDocument": { "uri": article },
        "range": { "start": { "line": 5, "character": 0 }, "end": { "line": 0, "character": 0 } },
    }));
    assert_eq!(tokens["data"], json!([]));
    assert!(client.shutdown().success());
}

#[test]
fn knowledge_base_problems_are_published_on_the_file() {
    let dir = corpus(&[(
        "entities.toml",
        "[[entity]]\nid = \"minsk\"\nname = \"Minsk\"\nwikidata = \"2280\"\n",
    )]);
    let (mut client, _) = LspClient::initialized(dir.path(), json!({}));
    let kb = uri(&dir.path().join("entities.toml"));
    let problems = client.diagnostics_for(&kb);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0]["range"]["start"]["line"], 3);
    client.open(
        &kb,
        "[[entity]]\nid = \"minsk\"\nname = \"Minsk\"\nwikidata = \"Q2280\"\n",
    );
    assert_eq!(
        client.diagnostics_for(&kb),
        Vec::<Value>::new(),
        "fixed as the user types"
    );
    assert!(client.shutdown().success());
}

#[test]
fn clients_are_asked_to_redraw_when_the_knowledge_base_changes() {
    let dir = corpus(&[("a.txt", DATED)]);
    let capabilities = json!({
        "window": { "workDoneProgress": true },
        "workspace": { "semanticTokens": { "refreshSupport": true }, "inlayHint": { "refreshSupport": true } },
    });
    let (mut client, _) = LspClient::initialized(dir.path(), capabilities);
    client.wait_for(is_progress("end"));
    client.wait_for(|m| m["method"] == "workspace/semanticTokens/refresh");
    client.wait_for(|m| m["method"] == "workspace/inlayHint/refresh");
    client.received.clear();
    client.open(
        &uri(&dir.path().join("entities.toml")),
        "[[entity]]\nid = \"belarus\"\nname = \"Belarus\"\n",
    );
    client.wait_for(|m| m["method"] == "workspace/semanticTokens/refresh");
    assert!(
        !client
            .received
            .iter()
            .any(|m| m["method"] == "workspace/codeLens/refresh"),
        "no refresh the client did not ask for"
    );
    assert!(client.shutdown().success());
}
