//! The command line, run as a user runs it: real files, real exit codes, real output.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn gloss(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gloss"));
    command.args(args).current_dir(dir);
    let Some(input) = stdin else {
        return command.output().unwrap();
    };
    use std::io::Write;
    use std::process::Stdio;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn corpus(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }
    dir
}

const UNDATED: &[u8] = "Talks in Minsk\nMINSK — Лукашенко met officials.\n".as_bytes();
const BAD_DATE: &[u8] = b" date 2021-13-01 MOSCOW - Talks.\n";

#[test]
fn check_prints_findings_like_a_compiler() {
    let dir = corpus(&[("news/a.txt", UNDATED), ("news/b.txt", BAD_DATE)]);
    let out = gloss(dir.path(), &["check", "news"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with("news/a.txt:1:1: info[publication-date]: no publication date"),
        "{stdout}"
    );
    assert!(
        lines[1]
            .starts_with("news/b.txt:1:7: warning[publication-date]: the date header `2021-13-01`"),
        "{stdout}"
    );
    assert!(text(&out.stderr).contains("checked 2 articles: 0 errors, 1 warning, 1 info, 0 hints"));
}

#[test]
fn deny_warnings_fails_the_run_on_a_warning() {
    let dir = corpus(&[("a.txt", UNDATED), ("b.txt", BAD_DATE)]);
    let out = gloss(dir.path(), &["check", "--deny", "warnings", "a.txt"], None);
    assert_eq!(out.status.code(), Some(0), "an info is not a warning");
    let out = gloss(
        dir.path(),
        &["check", "--deny", "warnings", "a.txt", "b.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn check_json_follows_the_contract() {
    let dir = corpus(&[("b.txt", BAD_DATE)]);
    let out = gloss(dir.path(), &["check", "--format", "json", "b.txt"], None);
    let stdout = text(&out.stdout);
    let findings: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!(f["doc"], "b.txt");
    assert_eq!(
        (f["start"].as_u64(), f["end"].as_u64()),
        (Some(6), Some(16))
    );
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(1), Some(7))
    );
    assert_eq!(f["code"], "publication-date");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["related"], Value::Array(vec![]));
}

#[test]
fn json_offsets_count_code_points() {
    let article = "Переговоры 😀 в Минске\nMINSK — talks.\n".as_bytes();
    let dir = corpus(&[("c.txt", article)]);
    let out = gloss(dir.path(), &["check", "--format", "json", "c.txt"], None);
    let finding: Value = serde_json::from_str(text(&out.stdout).lines().next().unwrap()).unwrap();
    assert_eq!(
        (finding["start"].as_u64(), finding["end"].as_u64()),
        (Some(0), Some(21))
    );
}

#[test]
fn check_prints_the_fixes_a_finding_proposes() {
    let dir = corpus(&[(
        "a.txt",
        b" date 2024-03-20 MOSCOW \xe2\x80\x94 The talks opened on Monday, March 14, 2024.\n",
    )]);
    let out = gloss(dir.path(), &["check", "a.txt"], None);
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].contains("warning[weekday]"), "{stdout}");
    assert_eq!(
        lines.last(),
        Some(&"    fix: Change “Monday” to “Thursday”"),
        "{stdout}"
    );

    let out = gloss(dir.path(), &["check", "--format", "sarif", "a.txt"], None);
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    let fix = &log["runs"][0]["results"][0]["fixes"][0];
    let replacement = &fix["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "Thursday");
    let region = &replacement["deletedRegion"];
    let column = " date 2024-03-20 MOSCOW — The talks opened on "
        .chars()
        .count() as u64
        + 1;
    assert_eq!(
        (region["startColumn"].as_u64(), region["endColumn"].as_u64()),
        (Some(column), Some(column + 6))
    );
}

#[test]
fn check_sarif_is_a_sarif_log() {
    let dir = corpus(&[("a.txt", UNDATED), ("b.txt", BAD_DATE)]);
    let out = gloss(dir.path(), &["check", "--format", "sarif", "."], None);
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let levels: Vec<&str> = results
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["note", "warning"]);
    let region = &results[1]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(1), Some(7))
    );
    assert_eq!(
        log["runs"][0]["tool"]["driver"]["rules"][0]["id"],
        "publication-date"
    );
}

#[test]
fn gloss_toml_sets_the_corpus_and_the_levels() {
    let config =
        b"[corpus]\ninclude = [\"news/**/*.txt\"]\n\n[checks]\npublication-date = \"error\"\n";
    let dir = corpus(&[
        ("gloss.toml", config),
        ("news/a.txt", UNDATED),
        ("other/b.txt", UNDATED),
    ]);
    let out = gloss(dir.path(), &["check", "."], None);
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("error[publication-date]"), "{stdout}");
    assert_eq!(out.status.code(), Some(1), "errors fail the run");
}

#[test]
fn a_broken_gloss_toml_is_reported_at_its_line_and_the_defaults_apply() {
    let dir = corpus(&[
        ("gloss.toml", b"[checks]\nshare = \"loud\"\n"),
        ("a.txt", UNDATED),
    ]);
    let out = gloss(dir.path(), &["check", "."], None);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("gloss.toml:2:9: error[config]:"),
        "{stderr}"
    );
    assert_eq!(text(&out.stdout).lines().count(), 1);
}

#[test]
fn inputs_that_cannot_be_read_give_one_line_and_exit_2() {
    let dir = corpus(&[("latin1.txt", b"caf\xe9\n"), ("a.txt", UNDATED)]);
    let out = gloss(dir.path(), &["check", "missing.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("gloss: missing.txt: no such file or directory\n"));

    let out = gloss(dir.path(), &["check", "latin1.txt", "a.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("gloss: latin1.txt: not UTF-8 text (invalid byte at offset 3)"),
        "{stderr}"
    );
    assert_eq!(
        text(&out.stdout).lines().count(),
        1,
        "the readable article is still checked"
    );

    let out = gloss(dir.path(), &["check", "--format", "xml", "a.txt"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("invalid value 'xml'"));
}

#[test]
fn extract_reads_standard_input_with_a_date() {
    let dir = corpus(&[]);
    let input = "MOSCOW — Trade reached $17.6 billion last year.";
    let out = gloss(
        dir.path(),
        &["extract", "-", "--date", "2005-04-22"],
        Some(input),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let mentions: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let find = |label: &str| {
        mentions
            .iter()
            .find(|m| m["label"] == label)
            .unwrap_or_else(|| panic!("no {label} in {mentions:?}"))
    };
    let money = find("MONEY");
    assert_eq!(money["doc"], "-");
    assert_eq!(
        (money["start"].as_u64(), money["end"].as_u64()),
        (Some(23), Some(36)),
        "code points"
    );
    assert_eq!(money["text"], "$17.6 billion");
    assert_eq!(
        money["value"],
        serde_json::json!({ "amount": 17600000000u64, "currency": "USD" })
    );
    let date = find("DATE");
    assert_eq!(
        (date["text"].as_str(), date["value"].as_str()),
        (Some("last year"), Some("2004"))
    );
    assert_eq!(find("LOC")["value"]["entity"], "moscow");

    let out = gloss(
        dir.path(),
        &["extract", "-", "--date", "2018-02-30"],
        Some(""),
    );
    assert_eq!(out.status.code(), Some(2), "an impossible date is refused");
}

#[test]
fn the_language_server_answers_on_both_spellings() {
    for args in [&["lsp"][..], &["--stdio"][..], &["lsp", "--stdio"][..]] {
        let dir = corpus(&[]);
        let mut child = Command::new(env!("CARGO_BIN_EXE_gloss"))
            .args(args)
            .current_dir(dir.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdin.take());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(
            out.stdout.is_empty(),
            "nothing but the protocol goes to stdout"
        );
    }
}

#[test]
fn entities_lists_linked_entities_most_mentioned_first() {
    let kb = b"[[entity]]\nid = \"lukashenko\"\nname = \"Alexander Lukashenko\"\ntype = \"PER\"\naliases = [\"Lukashenka\"]\n";
    let dir = corpus(&[
        ("entities.toml", kb),
        (
            "a.txt",
            " date 2021-09-01 MINSK — Officials met Lukashenka and Vladimir Putin.\n".as_bytes(),
        ),
        (
            "b.txt",
            " date 2021-09-02 MOSCOW — Alexander Lukashenko spoke. Putin replied.\n".as_bytes(),
        ),
    ]);
    let out = gloss(dir.path(), &["entities"], None);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let rows: Vec<Vec<&str>> = stdout
        .lines()
        .skip(1)
        .map(|l| {
            l.split("  ")
                .filter(|c| !c.is_empty())
                .map(str::trim)
                .collect()
        })
        .collect();
    let row = |name: &str| {
        rows.iter()
            .find(|r| r[0] == name)
            .unwrap_or_else(|| panic!("{name} in {stdout}"))
            .clone()
    };
    assert_eq!(
        row("Alexander Lukashenko"),
        ["Alexander Lukashenko", "PER", "2", "2", "lukashenko"]
    );
    assert_eq!(row("Vladimir Putin")[2..4], ["2", "2"]);
}

#[test]
fn export_writes_brat_pairs_and_jsonl_and_never_overwrites_an_article() {
    let article = " date 2021-09-01 MINSK — Officials met Vladimir Putin in Minsk.\n";
    let ann = "T1\tPER 39 53\tVladimir Putin\nR1\tKnows Arg1:T1 Arg2:T1\n";
    let dir = corpus(&[
        ("news/a.txt", article.as_bytes()),
        ("news/a.ann", ann.as_bytes()),
    ]);
    let out = gloss(
        dir.path(),
        &["export", "--format", "brat", "--out", "out", "news"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        fs::read_to_string(dir.path().join("out/news/a.txt")).unwrap(),
        article
    );
    let exported = fs::read_to_string(dir.path().join("out/news/a.ann")).unwrap();
    assert!(
        exported.starts_with(ann),
        "the user's lines come first, as written: {exported}"
    );
    assert!(exported.contains("\tLOC 57 62\tMinsk\n"), "{exported}");
    assert_eq!(
        exported.matches("Vladimir Putin\n").count(),
        1,
        "a span the user typed is not repeated: {exported}"
    );
    assert!(dir.path().join("out/annotation.conf").exists());

    let out = gloss(
        dir.path(),
        &["export", "--format", "jsonl", "--out", "out", "news"],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let line: Value = serde_json::from_str(
        fs::read_to_string(dir.path().join("out/corpus.jsonl"))
            .unwrap()
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(line["text"], article);
    assert!(line["spans"].as_array().unwrap().contains(&serde_json::json!({ "start": 39, "end": 53, "label": "PER", "kb_id": "vladimir-putin" })), "{line}");

    let out = gloss(
        dir.path(),
        &["export", "--format", "brat", "--out", ".", "news/a.txt"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("refusing to overwrite the article"));
    assert_eq!(
        fs::read_to_string(dir.path().join("news/a.txt")).unwrap(),
        article
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("news/a.ann")).unwrap(),
        ann
    );
}

/// `gloss check seeds`, as a user sees it: the one real inconsistency in the seeds ("more than a
/// third (31.7%)") is the only warning.
#[test]
fn check_on_the_seeds() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = gloss(root, &["check", "seeds"], None);
    let stdout = text(&out.stdout);
    let warnings: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains(": warning[") || l.contains(": error["))
        .collect();
    assert_eq!(warnings.len(), 1, "{stdout}");
    assert!(
        warnings[0].starts_with("seeds/002_e5a183204d2ee264.txt:"),
        "{stdout}"
    );
    assert!(
        warnings[0].contains("warning[share]: 31.7% is less than a third"),
        "{stdout}"
    );
    insta::assert_snapshot!(stdout);
}

#[test]
fn knowledge_base_problems_are_reported_at_their_lines() {
    let kb = b"[[entity]]\nid = \"minsk\"\nname = \"Minsk\"\ntype = \"CITY\"\n";
    let dir = corpus(&[("entities.toml", kb), ("a.txt", UNDATED)]);
    let out = gloss(dir.path(), &["check", "."], None);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("entities.toml:4:7: warning[knowledge-base]: `CITY` is not an entity type"),
        "{stderr}"
    );
}

/// Every file under `root` (not following symlinks) with its bytes.
fn files_under(root: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let kind = fs::symlink_metadata(&path).unwrap().file_type();
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() {
                files.insert(path.clone(), fs::read(&path).unwrap());
            }
        }
    }
    files
}

#[test]
fn check_extract_and_entities_never_touch_their_inputs() {
    let dir = corpus(&[
        ("a.txt", UNDATED),
        ("b.txt", BAD_DATE),
        ("c.txt", b"caf\xe9 au lait\n"),
        ("d.txt", b"\0\x01binary"),
        ("a.ann", b"T1\tPER 0 3\tTal\nA1\tReviewed T9\n"),
        ("entities.toml", b"[[entity]]\nname = \n"),
        ("gloss.toml", b"[checks]\nshare = \"loud\"\n"),
    ]);
    let before = files_under(dir.path());
    for args in [
        &["check"][..],
        &["check", "--format", "sarif", "a.txt", "missing.txt"],
        &["extract", "a.txt", "b.txt", "c.txt", "d.txt"],
        &["extract", "-"],
        &["entities"],
    ] {
        let out = gloss(dir.path(), args, Some("Minsk, 2021."));
        assert!(out.status.code().is_some(), "{args:?} ended on a signal");
        assert_eq!(files_under(dir.path()), before, "{args:?} changed a file");
    }
}

#[test]
fn export_writes_only_inside_its_out_folder() {
    let dir = corpus(&[
        ("work/news/a.txt", UNDATED),
        ("work/news/a.ann", b"T1\tLOC 6 11\tMinsk\n"),
        ("elsewhere/b.txt", BAD_DATE),
    ]);
    let work = dir.path().join("work");
    let before = files_under(dir.path());
    for format in ["brat", "jsonl"] {
        let out = gloss(
            &work,
            &[
                "export",
                "--format",
                format,
                "--out",
                "out",
                "news",
                "../elsewhere/b.txt",
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    }
    let after = files_under(dir.path());
    let out_dir = work.join("out");
    for (path, bytes) in &after {
        if !path.starts_with(&out_dir) {
            assert_eq!(
                before.get(path),
                Some(bytes),
                "{} was written",
                path.display()
            );
        }
    }
    assert_eq!(
        after.keys().filter(|p| !p.starts_with(&out_dir)).count(),
        before.len(),
        "files were created outside the out folder"
    );
    assert!(
        after.contains_key(&out_dir.join("elsewhere/b.txt")),
        "{:?}",
        after.keys()
    );
    assert!(after.contains_key(&out_dir.join("corpus.jsonl")));

    // An out folder that holds the articles: refused before anything is written.
    let out = gloss(
        &work,
        &["export", "--format", "brat", "--out", "news/..", "news"],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(files_under(dir.path()), after);
}
