//! The editor features over stdio: hover, definition, references, highlights, symbols, semantic
//! tokens, inlay hints, code lens and rename, on the seeds and on multi-file fixtures.

mod support;

use std::fs;
use std::path::Path;

use serde_json::{json, Value};
use support::{fixture, is_progress, position_of, uri, LspClient};

/// The seeds in a fresh folder, with the server indexed over them.
fn seeds() -> (tempfile::TempDir, LspClient) {
    let dir = tempfile::tempdir().unwrap();
    for entry in fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let client = indexed(dir.path());
    (dir, client)
}

/// A server initialized on `root`, once its indexing has ended.
fn indexed(root: &Path) -> LspClient {
    let capabilities = json!({ "window": { "workDoneProgress": true } });
    let (mut client, _) = LspClient::initialized(root, capabilities);
    client.wait_for(is_progress("end"));
    client
}

fn seed(dir: &Path, prefix: &str) -> (String, String) {
    let path = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    (uri(&path), fs::read_to_string(path).unwrap())
}

fn at(uri: &str, position: Value) -> Value {
    json!({ "textDocument": { "uri": uri }, "position": position })
}

#[test]
fn hover_on_an_entity_lists_the_other_articles_that_mention_it() {
    let (dir, mut client) = seeds();
    let (uri003, text) = seed(dir.path(), "003");
    let hover = client.request(
        "textDocument/hover",
        at(&uri003, position_of(&text, "Putin", 1, 2)),
    );
    let markdown = hover["contents"]["value"].as_str().unwrap();
    assert!(
        markdown.starts_with("### Vladimir Putin\n\n*person* · Russian President\n\n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("Russian President"),
        "the title the corpus gives him: {markdown}"
    );
    for other in ["001_", "002_"] {
        assert!(
            markdown.contains(other),
            "{other} mentions Putin: {markdown}"
        );
    }
    assert!(
        !markdown.contains("000_"),
        "000 does not mention Putin: {markdown}"
    );
}

#[test]
fn hover_on_a_figure_spells_out_its_value() {
    let (dir, mut client) = seeds();
    let (uri002, text) = seed(dir.path(), "002");
    let hover = client.request(
        "textDocument/hover",
        at(&uri002, position_of(&text, "$32.42 billion", 0, 3)),
    );
    let markdown = hover["contents"]["value"].as_str().unwrap();
    assert!(markdown.contains("32,420,000,000 USD"), "{markdown}");
    assert!(
        markdown.contains("between 32,415,000,000 and 32,425,000,000"),
        "{markdown}"
    );
    assert_eq!(
        hover["range"]["start"],
        position_of(&text, "$32.42 billion", 0, 0)
    );
}

#[test]
fn definition_of_a_surname_lands_on_the_full_name_in_another_article() {
    let (dir, cursor) = fixture(
        "//- a.txt\n date 2021-08-12 MOSCOW — State Secretary of the Union State Dmitry Mezentsev spoke.\n\
         //- b.txt\n date 2021-09-01 MINSK — Officials met $0Mezentsev in Minsk on Monday.\n",
    );
    let (path, line, col) = cursor.unwrap();
    let mut client = indexed(dir.path());
    let location = client.request(
        "textDocument/definition",
        at(&uri(&path), json!({ "line": line, "character": col })),
    );
    let a = uri(&dir.path().join("a.txt"));
    assert_eq!(location["uri"], json!(a));
    let text = fs::read_to_string(dir.path().join("a.txt")).unwrap();
    assert_eq!(
        location["range"]["start"],
        position_of(&text, "Dmitry Mezentsev", 0, 0)
    );
    assert_eq!(location["range"]["end"], position_of(&text, " spoke", 0, 0));
}

#[test]
fn definition_goes_to_the_knowledge_base_entry() {
    let (dir, cursor) = fixture(
        "//- entities.toml\n[[entity]]\nid = \"lukashenko\"\nname = \"Alexander Lukashenko\"\ntype = \"PER\"\naliases = [\"Lukashenka\"]\n\
         //- a.txt\n date 2021-09-01 MINSK — Officials met $0Lukashenka on Monday.\n",
    );
    let (path, line, col) = cursor.unwrap();
    let mut client = indexed(dir.path());
    let location = client.request(
        "textDocument/definition",
        at(&uri(&path), json!({ "line": line, "character": col })),
    );
    assert_eq!(
        location["uri"],
        json!(uri(&dir.path().join("entities.toml")))
    );
    assert_eq!(
        location["range"]["start"],
        json!({ "line": 1, "character": 5 })
    );
}

#[test]
fn references_of_a_country_span_every_seed() {
    let (dir, mut client) = seeds();
    let (uri000, text) = seed(dir.path(), "000");
    let params = json!({
        "textDocument": { "uri": uri000 },
        "position": position_of(&text, "Belarus", 0, 1),
        "context": { "includeDeclaration": true },
    });
    let locations = client.request("textDocument/references", params);
    let mut files: Vec<String> = locations
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap().rsplit('/').next().unwrap()[..3].to_string())
        .collect();
    files.dedup();
    assert_eq!(files, ["000", "001", "002", "003", "004"]);
}

/// The text a range covers, its columns counted in `encoding`.
fn covered(text: &str, range: &Value, encoding: &str) -> String {
    let offset = |position: &Value| {
        let line = text
            .split('\n')
            .nth(position["line"].as_u64().unwrap() as usize)
            .unwrap();
        let line_start = line.as_ptr() as usize - text.as_ptr() as usize;
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units == position["character"].as_u64().unwrap() as usize {
                return line_start + i;
            }
            units += match encoding {
                "utf-8" => c.len_utf8(),
                "utf-16" => c.len_utf16(),
                _ => 1,
            };
        }
        line_start + line.len()
    };
    text[offset(&range["start"])..offset(&range["end"])].to_string()
}

#[test]
fn references_cover_their_mentions_in_every_position_encoding() {
    let files = [
        (
            "a.txt",
            " date 2021-09-01\nMINSK — «Лукашенко» 😀 said Gazprom would pay. Gazprom agreed.\n",
        ),
        (
            "b.txt",
            " date 2021-09-02\n“Gazprom” — 𝄞 — and then Gazprom again.\n",
        ),
    ];
    for encoding in ["utf-8", "utf-16", "utf-32"] {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            fs::write(dir.path().join(name), text).unwrap();
        }
        let capabilities = json!({
            "general": { "positionEncodings": [encoding] },
            "window": { "workDoneProgress": true },
        });
        let (mut client, result) = LspClient::initialized(dir.path(), capabilities);
        assert_eq!(result["capabilities"]["positionEncoding"], encoding);
        client.wait_for(is_progress("end"));
        let a = uri(&dir.path().join("a.txt"));
        // The cursor is given in the negotiated encoding: the start of the first "Gazprom".
        let locations = client.request(
            "textDocument/references",
            json!({
                "textDocument": { "uri": a },
                "position": { "line": 1, "character": match encoding {
                    "utf-8" => "MINSK — «Лукашенко» 😀 said ".len(),
                    "utf-16" => "MINSK — «Лукашенко» 😀 said ".encode_utf16().count(),
                    _ => "MINSK — «Лукашенко» 😀 said ".chars().count(),
                } },
                "context": { "includeDeclaration": true },
            }),
        );
        let locations = locations.as_array().unwrap();
        assert_eq!(locations.len(), 4, "{encoding}: {locations:?}");
        for location in locations {
            let name = location["uri"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap();
            let text = files.iter().find(|(n, _)| *n == name).unwrap().1;
            assert_eq!(
                covered(text, &location["range"], encoding),
                "Gazprom",
                "{encoding}: {location}"
            );
        }
        client.shutdown();
    }
}

#[test]
fn highlights_mark_the_same_entity_in_the_article() {
    let (dir, cursor) = fixture("//- a.txt\n date 2021-09-01 MINSK — Belarus and $0Russia met. Russia agreed; Belarus did not.\n");
    let (path, line, col) = cursor.unwrap();
    let mut client = indexed(dir.path());
    let highlights = client.request(
        "textDocument/documentHighlight",
        at(&uri(&path), json!({ "line": line, "character": col })),
    );
    let text = fs::read_to_string(&path).unwrap();
    let starts: Vec<&Value> = highlights
        .as_array()
        .unwrap()
        .iter()
        .map(|h| &h["range"]["start"])
        .collect();
    assert_eq!(
        starts,
        [
            &position_of(&text, "Russia", 0, 0),
            &position_of(&text, "Russia", 1, 0)
        ]
    );
}

#[test]
fn inlay_hints_show_the_year_of_last_year() {
    let (dir, mut client) = seeds();
    let (uri000, text) = seed(dir.path(), "000");
    let params = json!({
        "textDocument": { "uri": uri000 },
        "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 100, "character": 0 } },
    });
    let hints = client.request("textDocument/inlayHint", params);
    let end_of_last_year = position_of(&text, "last year", 0, "last year".len());
    let hint = hints
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["position"] == end_of_last_year);
    assert_eq!(hint.map(|h| &h["label"]), Some(&json!("2004")), "{hints:#}");
}

/// Decodes semantic tokens into (text, type) pairs.
fn decode(text: &str, data: &[Value], types: &[Value]) -> Vec<(String, String)> {
    let lines: Vec<Vec<u16>> = text
        .split('\n')
        .map(|l| l.encode_utf16().collect())
        .collect();
    let (mut line, mut col) = (0, 0);
    data.chunks(5)
        .map(|t| {
            let (dl, ds, len, ty) = (
                t[0].as_u64().unwrap(),
                t[1].as_u64().unwrap(),
                t[2].as_u64().unwrap(),
                t[3].as_u64().unwrap(),
            );
            line += dl as usize;
            col = if dl == 0 {
                col + ds as usize
            } else {
                ds as usize
            };
            let word = String::from_utf16(&lines[line][col..col + len as usize]).unwrap();
            (word, types[ty as usize].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn semantic_tokens_decode_to_the_right_kinds() {
    let text = " date 2021-09-01 MINSK — Russian President Vladimir Putin met the Collective Security Treaty Organization\nin Минск on 12 May 2021 and pledged $2 billion.\n";
    let (dir, _) = fixture(&format!("//- a.txt\n{text}"));
    let (mut client, init) = LspClient::initialized(dir.path(), json!({}));
    let types = init["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"]
        .as_array()
        .unwrap()
        .clone();
    let article = uri(&dir.path().join("a.txt"));
    client.open(&article, text);
    client.diagnostics_for(&article);
    let tokens = client.request(
        "textDocument/semanticTokens/full",
        json!({ "textDocument": { "uri": article } }),
    );
    let decoded = decode(text, tokens["data"].as_array().unwrap(), &types);
    let expect = |word: &str, kind: &str| {
        assert!(
            decoded.contains(&(word.to_string(), kind.to_string())),
            "{word} as {kind} in {decoded:?}"
        );
    };
    expect("MINSK", "place");
    expect("Vladimir Putin", "person");
    expect("Collective Security Treaty Organization", "organization");
    expect("12 May 2021", "date");
    expect("$2 billion", "figure");
    assert!(
        !decoded.iter().any(|(w, _)| w.contains("President")),
        "a title is not part of the name: {decoded:?}"
    );
}

#[test]
fn outline_groups_the_article_by_kind() {
    let (dir, _) = fixture("//- a.txt\n date 2021-09-01 MINSK — Vladimir Putin met Alexander Lukashenko in Minsk. Putin pledged $2 billion in 2021.\n");
    let mut client = indexed(dir.path());
    let article = uri(&dir.path().join("a.txt"));
    let symbols = client.request(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": article } }),
    );
    let groups: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(groups, ["People", "Places", "Dates", "Figures"]);
    let people: Vec<&str> = symbols[0]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        people,
        ["Vladimir Putin", "Alexander Lukashenko"],
        "each person once"
    );
}

#[test]
fn workspace_symbols_find_entities_by_part_of_their_name() {
    let (_dir, mut client) = seeds();
    let symbols = client.request("workspace/symbol", json!({ "query": "lukash" }));
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names.first(), Some(&"Alexander Lukashenko"), "{names:?}");
}

#[test]
fn code_lens_counts_the_mentions_of_each_knowledge_base_entry() {
    let kb = "[[entity]]\nid = \"minsk\"\nname = \"Minsk\"\ntype = \"LOC\"\n\n[[entity]]\nid = \"nowhere\"\nname = \"Nowhereville\"\n";
    let (dir, _) = fixture(&format!(
        "//- entities.toml\n{kb}//- a.txt\n date 2021-09-01 MINSK — Talks in Minsk.\n//- b.txt\n date 2021-09-02 MOSCOW — Minsk agreed.\n"
    ));
    let mut client = indexed(dir.path());
    let lenses = client.request(
        "textDocument/codeLens",
        json!({ "textDocument": { "uri": uri(&dir.path().join("entities.toml")) } }),
    );
    let titles: Vec<&str> = lenses
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["command"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["3 mentions in 2 articles", "no mentions"]);
    assert_eq!(lenses[0]["command"]["command"], "gloss.showReferences");
    assert_eq!(
        lenses[0]["command"]["arguments"][2]
            .as_array()
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn rename_writes_the_knowledge_base_never_the_article() {
    let (dir, cursor) =
        fixture("//- a.txt\n date 2021-09-01 MINSK — $0Alexander Lukashenko met officials.\n");
    let (path, line, col) = cursor.unwrap();
    let mut client = indexed(dir.path());
    let position = at(&uri(&path), json!({ "line": line, "character": col }));
    let prepared = client.request("textDocument/prepareRename", position.clone());
    assert_eq!(prepared["placeholder"], "Alexander Lukashenko");

    let mut params = position;
    params["newName"] = json!("Aliaksandr Lukashenka");
    let edit = client.request("textDocument/rename", params);
    let operations = edit["documentChanges"].as_array().unwrap();
    let kb = uri(&dir.path().join("entities.toml"));
    assert_eq!(
        operations[0],
        json!({ "kind": "create", "uri": kb, "options": { "overwrite": false, "ignoreIfExists": true } })
    );
    assert_eq!(operations[1]["textDocument"]["uri"], json!(kb));
    let inserted = operations[1]["edits"][0]["newText"].as_str().unwrap();
    assert_eq!(
        inserted,
        "[[entity]]\nid = \"alexander-lukashenko\"\nname = \"Aliaksandr Lukashenka\"\ntype = \"PER\"\naliases = [\"Alexander Lukashenko\"]\n"
    );
    assert!(
        !dir.path().join("entities.toml").exists(),
        "the server never writes a file itself"
    );
}

#[test]
fn rename_of_a_known_entity_edits_its_entry_and_keeps_the_old_name() {
    let kb = "[[entity]]\nid = \"minsk\"\nname = \"Minsk\"\naliases = [\"Mensk\"]\n";
    let (dir, cursor) = fixture(&format!(
        "//- entities.toml\n{kb}//- a.txt\n date 2021-09-01 MOSCOW — Talks in $0Minsk.\n"
    ));
    let (path, line, col) = cursor.unwrap();
    let mut client = indexed(dir.path());
    let mut params = at(&uri(&path), json!({ "line": line, "character": col }));
    params["newName"] = json!("Minsk City");
    let edit = client.request("textDocument/rename", params);
    let edits = edit["changes"][uri(&dir.path().join("entities.toml"))]
        .as_array()
        .unwrap()
        .clone();
    let texts: Vec<&str> = edits
        .iter()
        .map(|e| e["newText"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["\"Minsk City\"", "\"Minsk\", "]);
    assert_eq!(
        edits[1]["range"]["start"],
        json!({ "line": 3, "character": 11 })
    );
}

/// Applies a workspace edit to one file (creating it when asked), as an editor would.
fn apply(edit: &Value) {
    let (uri, edits) = match edit.get("documentChanges") {
        Some(changes) => (
            changes[1]["textDocument"]["uri"].clone(),
            changes[1]["edits"].clone(),
        ),
        None => {
            let (uri, edits) = edit["changes"].as_object().unwrap().iter().next().unwrap();
            (json!(uri), edits.clone())
        }
    };
    let path = uri
        .as_str()
        .unwrap()
        .strip_prefix("file://")
        .unwrap()
        .to_string();
    let mut text = fs::read_to_string(&path).unwrap_or_default();
    // Positions in UTF-16 code units, as the test client negotiates by default.
    let offset = |text: &str, position: &Value| {
        let line = position["line"].as_u64().unwrap() as usize;
        let line_start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
        let mut units = position["character"].as_u64().unwrap() as usize;
        let mut at = line_start;
        for c in text[line_start..].chars() {
            if units == 0 {
                break;
            }
            units -= c.len_utf16();
            at += c.len_utf8();
        }
        at
    };
    let mut edits = edits.as_array().unwrap().clone();
    // Later edits first, so that earlier positions stay valid.
    edits.sort_by_key(|e| std::cmp::Reverse(offset(&text, &e["range"]["start"])));
    for e in edits {
        let start = offset(&text, &e["range"]["start"]);
        let end = offset(&text, &e["range"]["end"]);
        text.replace_range(start..end, e["newText"].as_str().unwrap());
    }
    fs::write(&path, text).unwrap();
}

#[test]
fn marking_a_figure_reviewed_silences_its_finding() {
    let article =
        " date 2021-06-01 MOSCOW — Food accounts for more than two-thirds (64.5%) of exports.\n";
    let (dir, _) = fixture(&format!("//- a.txt\n{article}"));
    let mut client = indexed(dir.path());
    let a = uri(&dir.path().join("a.txt"));
    let findings = client.diagnostics_for(&a);
    assert_eq!(findings.len(), 1);
    let params = json!({
        "textDocument": { "uri": a },
        "range": findings[0]["range"],
        "context": { "diagnostics": findings },
    });
    let actions = client.request("textDocument/codeAction", params);
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "quickfix")
        .expect("a quick fix");
    assert_eq!(
        fix["title"],
        "Mark “64.5%” as reviewed (silences its findings)"
    );
    apply(&fix["edit"]);
    let ann = dir.path().join("a.ann");
    let col = article[..article.find("64.5%").unwrap()].chars().count();
    assert_eq!(
        fs::read_to_string(&ann).unwrap(),
        format!("T1\tPERCENT {col} {}\t64.5%\nA1\tReviewed T1\n", col + 5)
    );
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&ann), "type": 1 }] }),
    );
    assert_eq!(client.diagnostics_for(&a), Vec::<Value>::new());
}

#[test]
fn not_an_entity_and_annotate_as_write_the_sidecar() {
    let article =
        " date 2021-06-01 MOSCOW — Officials of Gazprom met the Ostrovets plant managers.\n";
    let (dir, _) = fixture(&format!(
        "//- a.txt\n{article}//- a.ann\nT1\tPER 0 5\tdate \nR1\tRel Arg1:T1 Arg2:T1\n"
    ));
    let mut client = indexed(dir.path());
    let a = uri(&dir.path().join("a.txt"));
    let at = |needle: &str, len: usize| {
        let start = position_of(article, needle, 0, 0);
        let end = position_of(article, needle, 0, len);
        json!({ "textDocument": { "uri": a }, "range": { "start": start, "end": end }, "context": { "diagnostics": [] } })
    };
    let actions = client.request("textDocument/codeAction", at("Gazprom", 0));
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.contains(&"“Gazprom” is not an entity"), "{titles:?}");
    assert!(
        titles.contains(&"Add Gazprom to the knowledge base"),
        "{titles:?}"
    );

    let actions = client.request(
        "textDocument/codeAction",
        at("plant managers", "plant managers".len()),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), 4, "{titles:?}");
    let organization = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("(ORG)"))
        .unwrap();
    apply(&organization["edit"]);
    let ann = fs::read_to_string(dir.path().join("a.ann")).unwrap();
    let start = article.find("plant").unwrap();
    assert_eq!(
        ann,
        format!(
            "T1\tPER 0 5\tdate \nR1\tRel Arg1:T1 Arg2:T1\nT2\tORG {} {}\tplant managers\n",
            start - 2,
            start - 2 + 14
        ),
        "lines gloss does not use are kept; offsets are code points"
    );
}

#[test]
fn sidecars_report_lost_spans_and_apply_as_they_are_edited() {
    let article = " date 2021-06-01 MOSCOW — Officials of Gazprom met in Minsk.\n";
    let (dir, _) = fixture(&format!(
        "//- a.txt\n{article}//- a.ann\nT1\tORG 39 46\tGazprom\nT2\tLOC 0 6\tGrodno\n"
    ));
    let mut client = indexed(dir.path());
    let ann = uri(&dir.path().join("a.ann"));
    let problems = client.diagnostics_for(&ann);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(
        problems[0]["range"]["start"],
        json!({ "line": 1, "character": 0 })
    );
    assert!(problems[0]["message"]
        .as_str()
        .unwrap()
        .contains("\"Grodno\" is no longer in the article"));

    let a = uri(&dir.path().join("a.txt"));
    let on_gazprom =
        json!({ "textDocument": { "uri": a }, "position": position_of(article, "Gazprom", 0, 2) });
    assert!(!client
        .request("textDocument/hover", on_gazprom.clone())
        .is_null());
    client.open(&ann, "T1\tORG 39 46\tGazprom\nA1\tNotEntity T1\n");
    assert_eq!(
        client.diagnostics_for(&ann),
        Vec::<Value>::new(),
        "the lost span is gone from the edited sidecar"
    );
    assert!(
        client.request("textDocument/hover", on_gazprom).is_null(),
        "a rejected recognition has no hover"
    );
}

#[test]
fn the_editor_settings_set_check_levels_and_inlay_hints() {
    let article = " date 2021-06-01 MOSCOW — Food makes up more than two-thirds (64.5%) of exports, up from last year.\n";
    let (dir, _) = fixture(&format!("//- a.txt\n{article}"));
    let mut client = LspClient::spawn();
    client.request(
        "initialize",
        json!({
            "processId": null,
            "rootUri": uri(dir.path()),
            "capabilities": {},
            "initializationOptions": { "checks": { "share": "error" }, "inlayHints": { "enabled": false } },
        }),
    );
    client.notify("initialized", json!({}));
    let a = uri(&dir.path().join("a.txt"));
    client.open(&a, article);
    let findings = client.diagnostics_for(&a);
    assert_eq!(findings[0]["code"], "share");
    assert_eq!(findings[0]["severity"], 1, "error, as the editor asked");
    let range =
        json!({ "start": { "line": 0, "character": 0 }, "end": { "line": 1, "character": 0 } });
    let hints = client.request(
        "textDocument/inlayHint",
        json!({ "textDocument": { "uri": a }, "range": range }),
    );
    assert_eq!(hints, json!([]), "inlay hints are off");
}

#[test]
fn completion_in_the_knowledge_base_offers_types_and_unlisted_entities() {
    let kb = "[[entity]]\nid = \"minsk\"\nname = \"Minsk\"\ntype = \"LOC\"\n\n[[entity]]\nid = \n";
    let (dir, _) = fixture(&format!(
        "//- entities.toml\n{kb}//- a.txt\n date 2021-09-01 MOSCOW — Vladimir Putin met officials in Minsk. Putin spoke.\n"
    ));
    let mut client = indexed(dir.path());
    let kb_uri = uri(&dir.path().join("entities.toml"));
    let at = |line: u32, character: u32| json!({ "textDocument": { "uri": kb_uri }, "position": { "line": line, "character": character } });
    let types = client.request("textDocument/completion", at(3, 8));
    let labels: Vec<&str> = types
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["PER", "ORG", "LOC", "MISC"]);
    let ids = client.request("textDocument/completion", at(6, 5));
    let labels: Vec<&str> = ids
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels.first(),
        Some(&"vladimir-putin"),
        "the most mentioned entity not yet listed: {labels:?}"
    );
    assert!(
        !labels.contains(&"minsk"),
        "entities already listed are not offered"
    );
    assert_eq!(
        client.request("textDocument/completion", at(2, 3)),
        Value::Null,
        "nothing before the `=`"
    );
}

#[test]
fn a_lost_annotation_can_be_removed_or_pointed_at_the_selection() {
    let article = " date 2021-06-01 MOSCOW — Officials of Gazprom met in Minsk.\n";
    let ann = "T1\tORG 39 46\tGazprom\nT2\tLOC 0 6\tGrodno\nA1\tReviewed T2\n#1\tAnnotatorNotes T2\tcheck the town\n";
    let (dir, _) = fixture(&format!("//- a.txt\n{article}//- a.ann\n{ann}"));
    let mut client = indexed(dir.path());
    let ann_uri = uri(&dir.path().join("a.ann"));
    let on_line_2 = json!({
        "textDocument": { "uri": ann_uri },
        "range": { "start": { "line": 1, "character": 0 }, "end": { "line": 1, "character": 0 } },
        "context": { "diagnostics": [] },
    });
    let actions = client.request("textDocument/codeAction", on_line_2);
    assert_eq!(
        actions[0]["title"],
        "Remove T2 (“Grodno”) and what refers to it"
    );
    let edits = actions[0]["edit"]["changes"][&ann_uri].as_array().unwrap();
    let lines: Vec<&Value> = edits.iter().map(|e| &e["range"]["start"]["line"]).collect();
    assert_eq!(
        lines,
        [&json!(1), &json!(2), &json!(3)],
        "the span, its attribute and its note"
    );
    assert!(edits
        .iter()
        .all(|e| e["newText"] == "" && e["range"]["end"]["character"] == 0));

    let a = uri(&dir.path().join("a.txt"));
    let selection = json!({
        "textDocument": { "uri": a },
        "range": { "start": position_of(article, "Minsk", 0, 0), "end": position_of(article, "Minsk", 0, 5) },
        "context": { "diagnostics": [] },
    });
    let actions = client.request("textDocument/codeAction", selection);
    let repoint = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Point T2"))
        .expect("a way to point T2 at the selection");
    let edit = &repoint["edit"]["changes"][&ann_uri][0];
    assert_eq!(edit["newText"], "T2\tLOC 54 59\tMinsk");
    assert_eq!(edit["range"]["start"], json!({ "line": 1, "character": 0 }));
}

/// The code actions offered on a range of `article` at `uri`.
fn actions_on(client: &mut LspClient, uri: &str, article: &str, needle: &str) -> Vec<Value> {
    let start = position_of(article, needle, 0, 0);
    let end = position_of(article, needle, 0, needle.len());
    let params = json!({ "textDocument": { "uri": uri }, "range": { "start": start, "end": end }, "context": { "diagnostics": [] } });
    client
        .request("textDocument/codeAction", params)
        .as_array()
        .unwrap()
        .clone()
}

fn hover_text(client: &mut LspClient, uri: &str, article: &str, needle: &str) -> String {
    let hover = client.request(
        "textDocument/hover",
        at(uri, position_of(article, needle, 0, 1)),
    );
    hover["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_link_written_by_a_code_action_joins_the_mention_to_the_entity_across_the_corpus() {
    let a_text = " date 2021-09-01 MINSK — Officials met Lukashenka on Monday.\n";
    let b_text = " date 2021-09-02 MOSCOW — Alexander Lukashenko arrived in Sochi.\n";
    let (dir, _) = fixture(&format!(
        "//- entities.toml\n[[entity]]\nid = \"lukashenko\"\nname = \"Alexander Lukashenko\"\ntype = \"PER\"\n\
         //- a.txt\n{a_text}//- b.txt\n{b_text}"
    ));
    let mut client = indexed(dir.path());
    let (a, b) = (
        uri(&dir.path().join("a.txt")),
        uri(&dir.path().join("b.txt")),
    );
    let before = hover_text(&mut client, &a, a_text, "Lukashenka");
    assert!(before.starts_with("### Lukashenka"), "{before}");

    let actions = actions_on(&mut client, &a, a_text, "Lukashenka");
    let link = actions
        .iter()
        .find(|action| action["title"] == "Link “Lukashenka” to Alexander Lukashenko (lukashenko)")
        .unwrap_or_else(|| panic!("a link action among {actions:#?}"));
    apply(&link["edit"]);
    let ann = dir.path().join("a.ann");
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&ann), "type": 1 }] }),
    );
    client.diagnostics_for(&uri(&ann));

    let after = hover_text(&mut client, &a, a_text, "Lukashenka");
    assert!(after.starts_with("### Alexander Lukashenko"), "{after}");
    assert!(after.contains("2 mentions in 2 articles"), "{after}");
    let references = client.request(
        "textDocument/references",
        json!({ "textDocument": { "uri": b }, "position": position_of(b_text, "Lukashenko", 0, 1), "context": { "includeDeclaration": true } }),
    );
    let places: Vec<&str> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap())
        .collect();
    assert_eq!(places, [a.as_str(), b.as_str()]);
}

#[test]
fn an_entity_added_to_the_knowledge_base_from_one_mention_links_them_all() {
    let a_text = " date 2021-09-01 MOSCOW — Officials of Gazprom met on Monday.\n";
    let b_text = " date 2021-09-02 MINSK — Gazprom raised its prices.\n";
    let (dir, _) = fixture(&format!("//- a.txt\n{a_text}//- b.txt\n{b_text}"));
    let mut client = indexed(dir.path());
    let (a, b) = (
        uri(&dir.path().join("a.txt")),
        uri(&dir.path().join("b.txt")),
    );
    let actions = actions_on(&mut client, &a, a_text, "Gazprom");
    let add = actions
        .iter()
        .find(|action| action["title"] == "Add Gazprom to the knowledge base")
        .unwrap_or_else(|| panic!("an action adding Gazprom among {actions:#?}"));
    apply(&add["edit"]);
    let kb = dir.path().join("entities.toml");
    assert!(
        fs::read_to_string(&kb)
            .unwrap()
            .contains("name = \"Gazprom\""),
        "the entry is written to the knowledge base"
    );
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri(&kb), "type": 1 }] }),
    );
    client.diagnostics_for(&uri(&kb));
    let card = hover_text(&mut client, &b, b_text, "Gazprom");
    assert!(card.contains("Knowledge base: `gazprom`"), "{card}");
    assert!(card.contains("2 mentions in 2 articles"), "{card}");
}

/// The quick fix titled `title` for the first finding on `uri`.
fn quick_fix(client: &mut LspClient, uri: &str, title: &str) -> Value {
    let findings = client.diagnostics_for(uri);
    assert!(!findings.is_empty(), "a finding on {uri}");
    let params = json!({
        "textDocument": { "uri": uri },
        "range": findings[0]["range"],
        "context": { "diagnostics": [findings[0]] },
    });
    let actions = client.request("textDocument/codeAction", params);
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == title)
        .unwrap_or_else(|| panic!("{title:?} among {actions:#?}"))
        .clone();
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["diagnostics"][0]["code"], findings[0]["code"]);
    fix
}

/// Tells the server a file changed on disk and returns the diagnostics it then publishes.
fn changed_on_disk(client: &mut LspClient, path: &Path) -> Vec<Value> {
    let uri = uri(path);
    client.received.clear();
    client.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri, "type": 2 }] }),
    );
    client.diagnostics_for(&uri)
}

#[test]
fn a_wrong_weekday_is_fixed_by_its_quick_fix() {
    let article = " date 2024-03-20 MOSCOW — The talks opened on Monday, March 14, 2024.\n";
    let (dir, _) = fixture(&format!("//- a.txt\n{article}"));
    let mut client = indexed(dir.path());
    let path = dir.path().join("a.txt");
    let fix = quick_fix(&mut client, &uri(&path), "Change “Monday” to “Thursday”");
    apply(&fix["edit"]);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        article.replace("Monday", "Thursday")
    );
    assert_eq!(changed_on_disk(&mut client, &path), Vec::<Value>::new());
}

#[test]
fn a_conflicting_figure_can_take_the_other_article_s_value() {
    let a_text = " date 2018-02-10 MINSK — Trade between Belarus and Russia reached $35.1 billion in 2017.\n";
    let b_text = " date 2018-03-01 MOSCOW — Trade between Belarus and Russia reached $32.42 billion in 2017.\n";
    let (dir, _) = fixture(&format!("//- a.txt\n{a_text}//- b.txt\n{b_text}"));
    let mut client = indexed(dir.path());
    let path = dir.path().join("a.txt");
    let fix = quick_fix(
        &mut client,
        &uri(&path),
        "Change to $32.42 billion in b.txt (2018-03-01)",
    );
    apply(&fix["edit"]);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        a_text.replace("$35.1 billion", "$32.42 billion")
    );
    assert_eq!(changed_on_disk(&mut client, &path), Vec::<Value>::new());
}

#[test]
fn a_sidecar_written_by_brat_keeps_every_line_it_does_not_touch() {
    let article = " date 2021-06-01 MOSCOW — Officials of Gazprom met Rosneft managers in Minsk.\n";
    let brat = "T1\tORG 39 46\tGazprom\n\
                T2\tORG 51 58\tRosneft\n\
                T3\tLOC 0 5;10 15\tdate 06-01\n\
                R1\tPartner Arg1:T1 Arg2:T2\n\
                E1\tMeeting:T1 Agent:T2\n\
                *\tEquiv T1 T2\n\
                A1\tNegation E1\n\
                N1\tReference T2 Wikipedia:Rosneft\tRosneft\n\
                #1\tAnnotatorNotes T1\tstate-owned\n";
    let (dir, _) = fixture(&format!("//- a.txt\n{article}//- a.ann\n{brat}"));
    let mut client = indexed(dir.path());
    let a = uri(&dir.path().join("a.txt"));
    let actions = actions_on(&mut client, &a, article, "Minsk");
    let reject = actions
        .iter()
        .find(|action| action["title"] == "“Minsk” is not an entity")
        .unwrap_or_else(|| panic!("a rejection among {actions:#?}"));
    apply(&reject["edit"]);
    let written = fs::read_to_string(dir.path().join("a.ann")).unwrap();
    let col = article[..article.find("Minsk").unwrap()].chars().count();
    assert_eq!(
        written,
        format!("{brat}T4\tLOC {col} {}\tMinsk\nA2\tNotEntity T4\n", col + 5),
        "brat's lines stay as they were; new ids follow the highest"
    );
}
