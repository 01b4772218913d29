//! Bad input and user errors: one-line messages, the run goes on, no panics.

use crate::hay;
use crate::util::Workspace;

#[test]
fn bad_files_are_reported_and_the_rest_is_ingested() {
    let workspace = Workspace::new();
    workspace.write("in/good.txt", hay::TEXT_WITH_HEADER);
    workspace.write("in/lines.jsonl", hay::JSONL_WITH_BAD_LINE);
    workspace.write("in/rows.csv", hay::CSV_WITH_BAD_ROW);
    workspace.write("in/empty.json", "");
    workspace.write("in/binary.txt", [0u8, 159, 146, 150, 0, 1, 2, 3]);
    let mut latin1 = b"Harga kopi naik di Toraja, kata petani. Caf\xe9 ramai.\n".to_vec();
    latin1.extend_from_slice(b"Tags : Kopi,\n");
    workspace.write("in/latin1.txt", latin1);
    workspace.write("in/notes.md", "not an article");
    let input = workspace.path().join("in");
    let run = workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(0);
    let all = format!("{}{}", run.stdout, run.stderr);
    // good.txt, 2 of 3 JSON lines, 3 of 4 CSV rows, the latin-1 file.
    assert!(run.stdout.contains("articles: 7 added"), "{all}");
    assert!(
        all.contains("lines.jsonl:2: "),
        "malformed JSON line named with its line: {all}"
    );
    assert!(
        all.contains("rows.csv:5: "),
        "bad CSV row named with its line: {all}"
    );
    assert!(all.contains("empty.json: "), "{all}");
    assert!(all.contains("binary.txt: "), "{all}");
    assert!(
        all.contains("latin1.txt:1: invalid UTF-8, decoded lossily"),
        "{all}"
    );
    assert!(
        run.stdout.contains("3 skipped"),
        "notes.md, empty, binary: {all}"
    );
    for line in run.stderr.lines() {
        assert!(line.starts_with("warta: "), "one-line messages: {line}");
    }
    assert_eq!(workspace.search_ids(&["kereta"]), ["uji-3"]);
    assert_eq!(workspace.search_ids(&["toraja"]).len(), 1);
}

#[test]
fn unparseable_date_leaves_date_empty_with_a_warning() {
    let workspace = Workspace::new();
    let line = r#"{"id": "d-1", "title": "Tanggal aneh", "body": "Isi.", "date": "kemarin sore"}"#;
    let path = workspace.write("in/a.jsonl", format!("{line}\n"));
    let run = workspace
        .run(&["ingest", path.to_str().unwrap()])
        .expect_code(0);
    assert!(run.stdout.contains("1 added"), "{}", run.stdout);
    assert!(run.stderr.contains("a.jsonl:1: "), "{}", run.stderr);
    let shown = workspace
        .run(&["show", "d-1", "--format", "json"])
        .expect_code(0);
    let article: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert!(article["date"].is_null());
}

#[test]
fn missing_path_fails_with_exit_2() {
    let workspace = Workspace::new();
    let run = workspace.run(&["ingest", "/no/such/folder"]).expect_code(2);
    assert_eq!(
        run.stderr,
        "warta: nothing to ingest: /no/such/folder: no such file or folder\n"
    );
}

#[test]
fn queries_tantivy_cannot_parse_never_panic() {
    let workspace = Workspace::with_corpus();
    for query in [
        "\"unclosed",
        "title:",
        "((",
        "AND",
        "-",
        "kim^",
        "tag:",
        ":",
        "*",
        "a OR",
        "[1 TO",
    ] {
        let run = workspace.run(&["search", query]);
        assert!(
            run.code == 0 || run.code == 1 || run.code == 2,
            "{query}: {}",
            run.code
        );
        assert!(!run.stderr.contains("panicked"), "{query}: {}", run.stderr);
        assert!(
            run.stderr.lines().all(|line| line.starts_with("warta: ")),
            "{query}: {}",
            run.stderr
        );
    }
}

#[test]
fn missing_index_is_a_clear_error() {
    let workspace = Workspace::new();
    let run = workspace.run(&["search", "kim"]).expect_code(2);
    assert!(
        run.stderr.starts_with("warta: no index in "),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("warta ingest"), "{}", run.stderr);
}

#[test]
fn second_ingest_is_refused_while_one_writes() {
    let workspace = Workspace::with_corpus();
    let archive = warta::archive::Archive::open(&workspace.index()).unwrap();
    let writer = warta::archive::ArchiveWriter::new(&archive, 20_000_000).unwrap();
    let input = crate::util::corpus();
    let run = workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(2);
    assert!(
        run.stderr.contains("another warta process is writing"),
        "{}",
        run.stderr
    );
    drop(writer);
    let run = workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(0);
    assert!(
        run.stdout.contains("40 unchanged"),
        "the first is unharmed: {}",
        run.stdout
    );
}

#[test]
fn large_jsonl_file_is_streamed() {
    let workspace = Workspace::new();
    let mut content = String::new();
    let body =
        "Pemerintah daerah menyalurkan bantuan pangan kepada warga terdampak banjir. ".repeat(20);
    for n in 0..5_000 {
        content.push_str(&format!(
            "{{\"id\": \"big-{n}\", \"title\": \"Bantuan banjir {n}\", \"body\": \"{body}\"}}\n"
        ));
    }
    let path = workspace.write("in/big.jsonl", content);
    let run = workspace
        .run(&["ingest", path.to_str().unwrap()])
        .expect_code(0);
    assert!(run.stdout.contains("5000 added"), "{}", run.stdout);
}

#[test]
fn excluded_phrase_that_matches_nothing_excludes_nothing() {
    // Found by tests/fuzz.rs: tantivy's exclusion asked an exhausted phrase
    // scorer for an earlier document, which its debug assertion rejected.
    let workspace = Workspace::with_corpus();
    let all = workspace.search_ids(&["kim", "--rank", "keyword"]);
    assert!(!all.is_empty());
    let mut excluded = workspace.search_ids(&["kim -title:\"putin putin\"", "--rank", "keyword"]);
    let mut expected = all.clone();
    excluded.sort();
    expected.sort();
    assert_eq!(excluded, expected);
}
