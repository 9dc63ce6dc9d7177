//! The language server against a hostile file system and a hostile client, driven over stdio:
//! files deleted, renamed or unreadable while the server works, symlink loops, folders of files
//! that are not articles, huge files, awkward text, cancelled requests and floods of edits. After
//! each, every file in the workspace is byte for byte what it was: the server never writes one.

mod support;

use std::collections::hash_map::DefaultHasher;
use std::collections::BTreeMap;
use std::fs;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::{is_progress, position_of, uri, LspClient};

const DATED: &str = " date 2021-08-12 MOSCOW, August 12. /TASS/. Belarus and Russia held talks.\n";
const UNDATED: &str = "MOSCOW, 11 May (BelTA) – Belarus and Russia held talks.\n";

/// What a workspace holds: each entry (not following symlinks) with its kind and, for files, the
/// length and a hash of the bytes.
type Snapshot = BTreeMap<PathBuf, String>;

fn snapshot(root: &Path) -> Snapshot {
    let mut entries = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let Ok(listing) = fs::read_dir(&dir) else {
            entries.insert(dir, "unreadable folder".into());
            continue;
        };
        for entry in listing.flatten() {
            let path = entry.path();
            let Ok(meta) = fs::symlink_metadata(&path) else {
                continue;
            };
            let kind = meta.file_type();
            let description = if kind.is_symlink() {
                format!("symlink to {:?}", fs::read_link(&path).ok())
            } else if kind.is_dir() {
                stack.push(path.clone());
                "folder".into()
            } else if kind.is_file() {
                match fs::read(&path) {
                    Ok(bytes) => {
                        let mut hasher = DefaultHasher::new();
                        bytes.hash(&mut hasher);
                        format!("{} bytes, hash {:x}", bytes.len(), hasher.finish())
                    }
                    Err(_) => format!("{} bytes, unreadable", meta.len()),
                }
            } else {
                "special file".into()
            };
            entries.insert(path, description);
        }
    }
    entries
}

fn assert_unchanged(root: &Path, before: &Snapshot) {
    let after = snapshot(root);
    for (path, was) in before {
        assert_eq!(after.get(path), Some(was), "{} changed", path.display());
    }
    let added: Vec<_> = after.keys().filter(|p| !before.contains_key(*p)).collect();
    assert!(added.is_empty(), "the server created {added:?}");
}

fn write(root: &Path, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
    let path = root.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, content).unwrap();
    path
}

fn with_progress() -> Value {
    json!({
        "window": { "workDoneProgress": true },
        "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } },
    })
}

fn view(client: &mut LspClient, path: &Path) -> Value {
    client.request_raw("gloss/viewFileText", json!({ "uri": uri(path) }))
}

fn watched(client: &mut LspClient, changes: &[(&Path, u32)]) {
    let changes: Vec<Value> = changes
        .iter()
        .map(|(path, kind)| json!({ "uri": uri(path), "type": kind }))
        .collect();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": changes }),
    );
}

const CREATED: u32 = 1;
const CHANGED: u32 = 2;
const DELETED: u32 = 3;

#[test]
fn files_deleted_or_renamed_while_open_keep_the_editor_and_the_corpus_in_step() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let a = write(root, "a.txt", DATED);
    let b = write(root, "b.txt", UNDATED);
    let (mut client, _) = LspClient::initialized(root, with_progress());
    client.wait_for(is_progress("end"));
    assert_eq!(client.diagnostics_for(&uri(&b)).len(), 1);

    // Deleted on disk while open: the editor's text stays the truth.
    client.open(&uri(&a), UNDATED);
    assert_eq!(client.diagnostics_for(&uri(&a)).len(), 1);
    fs::remove_file(&a).unwrap();
    watched(&mut client, &[(&a, DELETED)]);
    assert_eq!(view(&mut client, &a)["result"], UNDATED);

    // Renamed while not open: the old name is gone, the new one analyzed.
    let c = root.join("c.txt");
    fs::rename(&b, &c).unwrap();
    watched(&mut client, &[(&b, DELETED), (&c, CREATED)]);
    assert_eq!(client.diagnostics_for(&uri(&b)), Vec::<Value>::new());
    assert_eq!(client.diagnostics_for(&uri(&c)).len(), 1);
    assert!(view(&mut client, &b).get("error").is_some());
    assert_eq!(view(&mut client, &c)["result"], UNDATED);

    // Renamed while open: the editor closes the old name and opens the new one.
    client.open(&uri(&c), DATED);
    assert_eq!(client.diagnostics_for(&uri(&c)), Vec::<Value>::new());
    let d = root.join("d.txt");
    fs::rename(&c, &d).unwrap();
    watched(&mut client, &[(&c, DELETED), (&d, CREATED)]);
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri(&c) } }),
    );
    client.open(&uri(&d), DATED);
    assert!(view(&mut client, &c).get("error").is_some());
    assert_eq!(view(&mut client, &d)["result"], DATED);

    // Closing a file that was deleted leaves nothing behind.
    let before = snapshot(root);
    client.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri(&a) } }),
    );
    assert_eq!(client.diagnostics_for(&uri(&a)), Vec::<Value>::new());
    assert!(view(&mut client, &a).get("error").is_some());
    // A change to the closed document is ignored.
    client.notify(
        "textDocument/didChange",
        json!({ "textDocument": { "uri": uri(&a), "version": 9 }, "contentChanges": [{ "text": "x" }] }),
    );
    assert!(view(&mut client, &a).get("error").is_some());
    assert!(client.shutdown().success());
    assert_unchanged(root, &before);
}

#[test]
fn unreadable_files_pipes_and_folders_named_like_articles_do_not_stop_the_server() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let good = write(root, "good.txt", DATED);
    let locked = write(root, "locked.txt", UNDATED);
    let folder = root.join("folder.txt");
    fs::create_dir(&folder).unwrap();
    write(root, "folder.txt/inner.txt", UNDATED);
    let dangling = root.join("dangling.txt");
    std::os::unix::fs::symlink(root.join("missing.txt"), &dangling).unwrap();
    let pipe = root.join("pipe.txt");
    let has_pipe = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .is_ok_and(|s| s.success());
    if !has_pipe {
        eprintln!("skipping the named pipe: mkfifo is not available");
    }
    let pipe_sidecar = root.join("good.ann");
    let has_pipe_sidecar = std::process::Command::new("mkfifo")
        .arg(&pipe_sidecar)
        .status()
        .is_ok_and(|s| s.success());
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let permissions_apply = fs::read(&locked).is_err();
    let before = snapshot(root);

    let (mut client, _) = LspClient::initialized(root, with_progress());
    client.wait_for(is_progress("end"));
    assert_eq!(view(&mut client, &good)["result"], DATED);
    assert_eq!(
        view(&mut client, &folder.join("inner.txt"))["result"],
        UNDATED
    );
    if permissions_apply {
        assert!(view(&mut client, &locked).get("error").is_some());
    } else {
        eprintln!(
            "skipping the unreadable-file assertion: permissions do not apply to this user (root)"
        );
    }

    // Events for what cannot be read, then a request: answered at once, nothing blocks on a pipe.
    let events: Vec<(&Path, u32)> = vec![
        (&pipe, CREATED),
        (&pipe_sidecar, CHANGED),
        (&folder, CHANGED),
        (&locked, CHANGED),
        (&dangling, CREATED),
    ];
    watched(&mut client, &events);
    assert_eq!(view(&mut client, &good)["result"], DATED);
    for path in [&pipe, &folder, &dangling] {
        assert!(
            view(&mut client, path).get("error").is_some(),
            "{} is not an article",
            path.display()
        );
    }
    // Closing an editor's buffer goes back to the disk, which here is a pipe or a folder.
    for path in [&pipe, &folder] {
        client.open(&uri(path), DATED);
        client.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": uri(path) } }),
        );
    }
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&good) }, "position": position_of(DATED, "Belarus", 0, 2) }),
    );
    assert!(hover.to_string().contains("Belarus"), "{hover}");
    assert!(has_pipe_sidecar || !has_pipe);
    assert!(client.shutdown().success());
    assert_unchanged(root, &before);
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
}

#[test]
fn symlink_loops_in_the_workspace_do_not_stop_indexing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let a = write(root, "sub/a.txt", DATED);
    std::os::unix::fs::symlink(".", root.join("itself")).unwrap();
    std::os::unix::fs::symlink("..", root.join("sub/up")).unwrap();
    std::os::unix::fs::symlink("y", root.join("x")).unwrap();
    std::os::unix::fs::symlink("x", root.join("y")).unwrap();
    std::os::unix::fs::symlink("x", root.join("loop.txt")).unwrap();
    let before = snapshot(root);
    let (mut client, _) = LspClient::initialized(root, with_progress());
    let end = client.wait_for(is_progress("end"));
    assert_eq!(end["params"]["value"]["message"], "1 article indexed");
    assert_eq!(view(&mut client, &a)["result"], DATED);
    watched(&mut client, &[(&root.join("loop.txt"), CREATED)]);
    assert!(view(&mut client, &root.join("loop.txt"))
        .get("error")
        .is_some());
    assert!(client.shutdown().success());
    assert_unchanged(root, &before);
}

#[test]
fn a_workspace_of_twenty_thousand_other_files_indexes_its_few_articles_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for i in 0..20_000 {
        write(
            root,
            &format!("data/{:02}/{i}.json", i / 1000),
            format!("{{\"n\": {i}}}"),
        );
    }
    for name in ["a.txt", "data/b.md", "data/07/c.txt"] {
        write(root, name, UNDATED);
    }
    let before = snapshot(root);
    let start = Instant::now();
    let (mut client, _) = LspClient::initialized(root, with_progress());
    let end = client.wait_for_within(Duration::from_secs(60), is_progress("end"));
    let took = start.elapsed();
    eprintln!("20,000 other files and 3 articles indexed in {took:?}");
    assert_eq!(end["params"]["value"]["message"], "3 articles indexed");
    assert!(
        took < Duration::from_secs(15),
        "indexing took {took:?} for three articles"
    );
    assert_eq!(
        view(&mut client, &root.join("data/07/c.txt"))["result"],
        UNDATED
    );
    assert!(client.shutdown().success());
    assert_unchanged(root, &before);
}

#[test]
fn huge_files_are_analyzed_up_to_the_limit_while_other_requests_are_answered() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let story = fs::read_to_string("seeds/000_c54ae61236a0d654.txt").unwrap();
    let body = story.replace(" date ", "  date ");
    let mut big = String::from(" date 2021-08-12\n");
    while big.len() < 50_000_000 {
        big.push_str(&body);
    }
    let big_path = write(root, "big.txt", &big);
    let lines = write(root, "lines.txt", "Trade rose.\n".repeat(1_000_000));
    let small = write(root, "small.txt", DATED);
    let before = snapshot(root);

    let (mut client, _) = LspClient::initialized(root, with_progress());
    client.wait_for(is_progress("begin"));
    client.open(&uri(&small), DATED);
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&small) }, "position": position_of(DATED, "Belarus", 0, 2) }),
    );
    assert!(hover.to_string().contains("Belarus"), "{hover}");
    assert!(
        !client.received.iter().any(is_progress("end")),
        "the hover was answered while the huge files were indexed"
    );

    let limit = Duration::from_secs(180);
    client.wait_for_within(limit, is_progress("end"));
    for (path, text) in [(&big_path, &big), (&lines, &"x".to_string())] {
        let published = client.wait_for_within(limit, |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri(path)
        });
        let diagnostics = published["params"]["diagnostics"].as_array().unwrap();
        let size: Vec<&Value> = diagnostics.iter().filter(|d| d["code"] == "size").collect();
        assert_eq!(size.len(), 1, "{}: {diagnostics:?}", path.display());
        let message = size[0]["message"].as_str().unwrap();
        assert!(message.contains("gloss analyzes the first"), "{message}");
        let line = size[0]["range"]["start"]["line"].as_u64().unwrap();
        if path == &lines {
            assert!(
                (500_000..1_000_000).contains(&line),
                "the cut is part-way through: line {line}"
            );
        } else {
            assert!(text.len() > 8 << 20);
            assert!(message.contains("50.0 MB"), "{message}");
        }
    }
    let far = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri(&lines) }, "position": { "line": 999_999, "character": 3 } }),
    );
    assert_eq!(far, Value::Null, "past the limit, nothing was recognized");
    assert!(client.shutdown().success());
    assert_unchanged(root, &before);
}

#[test]
fn awkward_text_is_served_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let mut late_nul = "Belarus and Russia held talks. ".repeat(400);
    late_nul.push_str("\0 after a NUL.\n");
    let mut long_line = String::from(" date 2021-08-12 ");
    while long_line.len() < 500_000 {
        long_line.push_str(
            "Belarus sold $5 billion of goods to Russia in 2017, more than a third (31.7%). ",
        );
    }
    let files: Vec<(&str, String)> = vec![
        ("late-nul.txt", late_nul),
        (
            "bom.txt",
            "\u{feff} date 2021-08-12\nMOSCOW — Talks in Minsk.\n".into(),
        ),
        (
            "mixed.txt",
            " date 2021-08-12\r\nMinsk\rtalks\nin\u{2028}2017\r\n\r\rend".into(),
        ),
        ("long-line.txt", long_line),
        ("empty.txt", String::new()),
        ("breaks.md", "\n\r\n\r\r\n\n".into()),
        ("no-break.txt", "Minsk".into()),
    ];
    for (name, text) in &files {
        write(root, name, text);
    }
    write(root, "nul.txt", b"\0\0\0Minsk\n");
    let before = snapshot(root);
    let (mut client, _) = LspClient::initialized(root, with_progress());
    client.wait_for_within(Duration::from_secs(60), is_progress("end"));
    assert!(view(&mut client, &root.join("nul.txt"))
        .get("error")
        .is_some());
    for (name, text) in &files {
        let path = root.join(name);
        assert_eq!(view(&mut client, &path)["result"], json!(text), "{name}");
        // The same text opened in the editor: every feature answers, anywhere in it.
        client.open(&uri(&path), text);
        let lines = text.split(['\n', '\r', '\u{2028}']).count() as u32;
        for (line, character) in [(0, 0), (0, 5), (lines, 0), (0, 999_999)] {
            let at = json!({ "textDocument": { "uri": uri(&path) }, "position": { "line": line, "character": character } });
            for method in [
                "textDocument/hover",
                "textDocument/definition",
                "textDocument/references",
            ] {
                let mut params = at.clone();
                params["context"] = json!({ "includeDeclaration": true });
                let response = client.request_raw(method, params);
                assert!(
                    response.get("error").is_none(),
                    "{name} {method}: {response}"
                );
            }
        }
        for method in [
            "textDocument/documentSymbol",
            "textDocument/semanticTokens/full",
        ] {
            let response =
                client.request_raw(method, json!({ "textDocument": { "uri": uri(&path) } }));
            assert!(
                response.get("error").is_none(),
                "{name} {method}: {response}"
            );
        }
        assert_eq!(view(&mut client, &path)["result"], json!(text), "{name}");
    }
    assert!(client.shutdown().success());
    assert_unchanged(root, &before);
}

#[test]
fn a_cancelled_request_gets_its_result_or_a_cancellation_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let seeds: Vec<String> = fs::read_dir("seeds")
        .unwrap()
        .map(|e| fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for i in 0..300 {
        write(root, &format!("{i:03}.txt"), &seeds[i % seeds.len()]);
    }
    let first = root.join("000.txt");
    let text = fs::read_to_string(&first).unwrap();
    let before = snapshot(root);
    let (mut client, _) = LspClient::initialized(root, with_progress());
    client.wait_for_within(Duration::from_secs(120), is_progress("end"));

    let at = json!({
        "textDocument": { "uri": uri(&first) },
        "position": position_of(&text, "Belarus", 0, 2),
        "context": { "includeDeclaration": true },
    });
    let requests = [
        ("textDocument/references", at.clone()),
        ("workspace/symbol", json!({ "query": "" })),
        ("textDocument/hover", at.clone()),
        (
            "textDocument/semanticTokens/full",
            json!({ "textDocument": { "uri": uri(&first) } }),
        ),
    ];
    let (mut answered, mut cancelled) = (0, 0);
    for round in 0..5 {
        for (method, params) in &requests {
            let id = client.start_request(method, params.clone());
            if round > 0 {
                // Cancel after a moment, so that some are caught running and some done.
                std::thread::sleep(Duration::from_millis(round * 3));
            }
            client.notify("$/cancelRequest", json!({ "id": id }));
            let response = client.response_to(id);
            match response.get("error") {
                Some(error) => {
                    assert_eq!(error["code"], -32800, "{method}: {response}");
                    cancelled += 1;
                }
                None => {
                    assert!(response.get("result").is_some(), "{response}");
                    answered += 1;
                }
            }
        }
    }
    eprintln!("{answered} answered, {cancelled} cancelled");
    // Cancelling what is already answered, or was never asked, is harmless.
    client.notify("$/cancelRequest", json!({ "id": 1 }));
    client.notify("$/cancelRequest", json!({ "id": 999_999 }));
    let references = client.request("textDocument/references", at);
    assert!(
        references.as_array().is_some_and(|r| r.len() >= 300),
        "Belarus is in every article: {}",
        references.as_array().map_or(0, Vec::len)
    );
    assert!(client.shutdown().success());
    assert_unchanged(root, &before);
}

#[test]
fn a_flood_of_ten_thousand_edits_ends_in_the_right_findings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let path = root.join("share.txt");
    let before = snapshot(root);
    let (mut client, _) = LspClient::initialized(root, json!({}));
    let text = " date 2021-06-01 MOSCOW — Food makes up more than two-thirds (66.7%) of exports.\n";
    let article = uri(&path);
    client.open(&article, text);
    assert_eq!(client.diagnostics_for(&article), Vec::<Value>::new());
    let column = text[..text.find("66.7").unwrap()].encode_utf16().count() as u32;
    let figures = ["64.5", "70.1", "66.7", "12.0"];
    let last = 10_001;
    for version in 2..=last {
        let figure = if version == last {
            "64.5"
        } else {
            figures[version as usize % figures.len()]
        };
        let change = if version % 100 == 0 {
            // Now and then the whole text, as some editors send.
            json!({ "text": text.replace("66.7", figure) })
        } else {
            json!({
                "range": { "start": { "line": 0, "character": column }, "end": { "line": 0, "character": column + 4 } },
                "text": figure,
            })
        };
        client.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": article, "version": version }, "contentChanges": [change] }),
        );
    }
    let published = client.wait_for_within(Duration::from_secs(300), |m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == article
            && m["params"]["version"] == last
    });
    let diagnostics = published["params"]["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert_eq!(diagnostics[0]["code"], "share");
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap()
        .contains("64.5% is less than two-thirds"));
    assert_eq!(
        view(&mut client, &path)["result"],
        text.replace("66.7", "64.5")
    );
    let hover = client.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": article }, "position": { "line": 0, "character": column + 1 } }),
    );
    assert!(hover.to_string().contains("64.5"), "{hover}");
    assert!(client.shutdown().success());
    assert_unchanged(root, &before);
}
