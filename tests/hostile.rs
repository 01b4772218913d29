//! Hostile input through the binary: huge lines, deep nesting, broken
//! encodings, control characters, long tokens, many files, odd paths, link
//! loops and files that vanish mid-run. The run goes on and reports each one.

use std::path::Path;

use warta::archive::Archive;
use warta::ingest::{IngestMonitor, IngestOptions, ingest};

use crate::util::Workspace;

/// Lines of the `failures:` section of an ingest report.
fn failures(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .skip_while(|line| *line != "failures:")
        .skip(1)
        .map(str::trim)
        .collect()
}

#[test]
fn ten_megabyte_single_line_is_read_whole() {
    let workspace = Workspace::new();
    let line = format!("{}ujungnya", "panjang ".repeat(1_250_000));
    assert!(line.len() > 10_000_000);
    workspace.write("in/line.txt", format!("{line}\n"));
    workspace.write(
        "in/line.jsonl",
        format!("{{\"id\": \"j\", \"title\": \"Baris besar\", \"body\": \"{line}\"}}\n"),
    );
    workspace.write(
        "in/line.csv",
        format!("id,title,body\nc,Sel besar,{line}\n"),
    );
    let input = workspace.path().join("in");
    let run = workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(0);
    assert!(run.stdout.contains("articles: 3 added"), "{}", run.stdout);
    // The word at the very end of each line was indexed.
    assert_eq!(workspace.search_ids(&["ujungnya"]).len(), 3);
}

#[test]
fn deeply_nested_json_fails_its_record_only() {
    let workspace = Workspace::new();
    let deep = "[".repeat(100_000);
    workspace.write("in/a.json", &deep);
    workspace.write(
        "in/b.jsonl",
        format!(
            "{deep}\n{{\"id\": \"sesudah\", \"title\": \"Kerbau\", \"body\": \"Kerbau merumput.\"}}\n"
        ),
    );
    workspace.write(
        "in/c.json",
        format!(
            "{{\"title\": \"Dalam\", \"body\": {deep}{}}}",
            "]".repeat(100_000)
        ),
    );
    let input = workspace.path().join("in");
    let run = workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(
        failures(&run.stdout),
        [
            "in/a.json:1: invalid JSON: unexpected end of file inside a value",
            "in/b.jsonl:1: invalid JSON: invalid type: sequence, expected an article object (column 0)",
            "in/c.json:1: invalid JSON: recursion limit exceeded (column 154)",
        ]
        .map(|line| format!("{}/{line}", workspace.path().display())),
        "{}",
        run.stdout
    );
    assert_eq!(workspace.search_ids(&["kerbau"]), ["sesudah"]);
}

#[test]
fn invalid_utf8_mid_file_is_decoded_lossily_in_every_format() {
    let workspace = Workspace::new();
    workspace.write(
        "in/a.jsonl",
        b"{\"id\": \"j1\", \"title\": \"Awal\", \"body\": \"Baik.\"}\n\
          {\"id\": \"j2\", \"title\": \"Rusak \xff\xfe\", \"body\": \"Tengah.\"}\n\
          {\"id\": \"j3\", \"title\": \"Akhir\", \"body\": \"Baik.\"}\n",
    );
    workspace.write(
        "in/b.csv",
        b"id,title,body\nc1,Awal,Baik.\nc2,Rusak \xff,Tengah.\nc3,Akhir,Baik.\n",
    );
    workspace.write(
        "in/c.json",
        b"[\n{\"id\": \"k1\", \"title\": \"Awal\", \"body\": \"Baik.\"},\n\
          {\"id\": \"k2\", \"title\": \"Rusak \xc3\", \"body\": \"Tengah.\"}\n]\n",
    );
    workspace.write(
        "in/d.txt",
        b"Title: Teks rusak\n\nBaris pertama baik.\nTengah \xe9 rusak.\n",
    );
    let input = workspace.path().join("in");
    let run = workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(0);
    assert!(run.stdout.contains("articles: 9 added"), "{}", run.stdout);
    let root = workspace.path().display().to_string();
    let warnings: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(
        warnings,
        [
            format!(
                "warta: {root}/in/a.jsonl:2: invalid UTF-8, decoded lossily (first at this line)"
            ),
            format!(
                "warta: {root}/in/b.csv:3: invalid UTF-8, decoded lossily (first at this line)"
            ),
            format!("warta: {root}/in/c.json:3: invalid UTF-8, decoded lossily"),
            format!("warta: {root}/in/d.txt:4: invalid UTF-8, decoded lossily"),
        ]
    );
    let run = workspace
        .run(&["search", "rusak", "--format", "jsonl", "--sort", "date"])
        .expect_code(0);
    let mut titles: Vec<String> = run
        .jsonl()
        .iter()
        .map(|hit| hit["title"].as_str().unwrap().to_owned())
        .collect();
    titles.sort();
    assert_eq!(
        titles,
        [
            "Rusak \u{FFFD}",
            "Rusak \u{FFFD}",
            "Rusak \u{FFFD}\u{FFFD}",
            "Teks rusak"
        ]
    );
}

#[test]
fn nul_bytes_skip_binary_files_and_are_kept_out_of_the_table() {
    let workspace = Workspace::new();
    // NUL in the first 8 KiB: a binary file, skipped.
    workspace.write("in/a.txt", b"Judul\n\nIsi\0berita.\n");
    // NUL further on: text, with the NUL kept in the body.
    let mut late = b"Title: Nul terlambat\n\n".to_vec();
    late.extend("Kalimat panjang tentang pelabuhan. ".repeat(300).as_bytes());
    late.extend(b"\0akhir\n");
    workspace.write("in/b.txt", late);
    // NUL as a JSON escape in a title; a raw NUL inside a JSON string is
    // invalid JSON and fails that line only.
    let mut jsonl = "{\"id\": \"ok\", \"title\": \"Baik\", \"body\": \"Pelabuhan.\"}\n".repeat(300);
    jsonl.push_str(
        "{\"id\": \"esc\", \"title\": \"Nul\\u0000di judul\", \"body\": \"Pelabuhan ramai.\"}\n",
    );
    jsonl.push_str("{\"id\": \"raw\", \"title\": \"Nul\0mentah\", \"body\": \"Pelabuhan.\"}\n");
    workspace.write("in/c.jsonl", jsonl);
    let input = workspace.path().join("in");
    let run = workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(0);
    let root = workspace.path().display();
    assert_eq!(
        run.stderr,
        format!("warta: {root}/in/a.txt: binary file (NUL bytes in the first 8 KiB), skipped\n")
    );
    assert_eq!(
        failures(&run.stdout),
        [format!(
            "{root}/in/c.jsonl:302: invalid JSON: control character (\\u0000-\\u001F) found while parsing a string (column 28)"
        )]
    );
    let shown = workspace
        .run(&["show", "esc", "--format", "json"])
        .expect_code(0);
    let article: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(article["title"], "Nul\u{0}di judul", "stored as given");
    let run = workspace.run(&["search", "pelabuhan ramai"]).expect_code(0);
    assert!(run.stdout.contains("Nul\u{FFFD}di judul"), "{}", run.stdout);
    assert!(!run.stdout.contains('\0'));
    let run = workspace.run(&["search", "terlambat"]).expect_code(0);
    assert!(run.stdout.contains("Nul terlambat"), "{}", run.stdout);
}

#[test]
fn zero_width_bidi_and_escape_characters_are_sanitized_in_the_table() {
    let workspace = Workspace::new();
    let title = "Judul \u{202E}terbalik\u{202C} dan\u{200B}nol \u{2066}isolasi\u{2069} \u{1b}[31mmerah\u{feff}";
    let line =
        serde_json::json!({"id": "bidi", "title": title, "body": "Cerita tentang banjir rob."});
    let path = workspace.write("in/a.jsonl", format!("{line}\n"));
    workspace
        .run(&["ingest", path.to_str().unwrap()])
        .expect_code(0);
    let run = workspace.run(&["search", "banjir"]).expect_code(0);
    let shown = "Judul \u{FFFD}terbalik\u{FFFD} dan\u{FFFD}nol \u{FFFD}isolasi\u{FFFD} \u{FFFD}[31mmerah\u{FFFD}";
    assert_eq!(shown, warta::output::sanitize(title));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines[0], "1 hit for \"banjir\"");
    assert!(lines[1].ends_with(shown), "{}", lines[1]);
    assert!(
        !run.stdout
            .chars()
            .any(|c| c != '\n' && warta::output::sanitize(&c.to_string()) != c.to_string()),
        "{:?}",
        run.stdout
    );
    // Machine formats keep the title as given (JSON escapes it).
    let run = workspace
        .run(&["search", "banjir", "--format", "jsonl"])
        .expect_code(0);
    assert_eq!(run.jsonl()[0]["title"], title);
}

#[test]
fn tokens_and_values_thousands_of_characters_long() {
    let workspace = Workspace::new();
    let huge = "x".repeat(70_000);
    let long = "k".repeat(5_000);
    let line = serde_json::json!({
        "id": "i".repeat(70_000),
        "title": format!("Token raksasa {}", "t".repeat(3_000)),
        "body": format!("Awal {long} tengah {huge} akhir."),
        "tags": ["g".repeat(70_000), "Biasa"],
        "source": "s".repeat(70_000),
    });
    let path = workspace.write("in/a.jsonl", format!("{line}\n"));
    let run = workspace
        .run(&["ingest", path.to_str().unwrap()])
        .expect_code(0);
    assert!(run.stdout.contains("articles: 1 added"), "{}", run.stdout);
    assert_eq!(
        run.stderr,
        format!(
            "warta: {}:1: id longer than {} bytes, ignored\n",
            path.display(),
            warta::ingest::MAX_ID_BYTES
        )
    );
    // Found by its ordinary words; the id fell back to the file and position,
    // so it can be shown and is replaced, not duplicated, on re-ingest.
    let ids = workspace.search_ids(&["raksasa", "tengah", "akhir"]);
    assert_eq!(ids.len(), 1);
    workspace.run(&["show", &ids[0]]).expect_code(0);
    assert_eq!(workspace.search_ids(&["--tag", "biasa"]), ids);
    for query in [long.as_str(), huge.as_str()] {
        let run = workspace.run(&["search", query]);
        assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    }
    std::fs::write(&path, format!("{line}\n\n")).unwrap();
    workspace
        .run(&["ingest", path.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(workspace.documents(), Some(1));
}

#[test]
fn hundred_thousand_tiny_files() {
    const FILES: usize = 100_000;
    let workspace = Workspace::new();
    for folder in 0..FILES / 1_000 {
        let dir = workspace.path().join(format!("in/d{folder:03}"));
        std::fs::create_dir_all(&dir).unwrap();
        for n in 0..1_000 {
            std::fs::write(
                dir.join(format!("t{n:04}.txt")),
                format!("Kabar singkat {folder} {n}.\n"),
            )
            .unwrap();
        }
    }
    let input = workspace.path().join("in");
    let run = workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(0);
    assert!(
        run.stdout
            .starts_with(&format!("files:    {FILES} seen, 0 unchanged, 0 skipped, 0 failed\narticles: {FILES} added, 0 updated, 0 unchanged, 0 failed\n")),
        "{}",
        run.stdout
    );
    let run = workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(0);
    assert!(
        run.stdout
            .contains(&format!("articles: 0 added, 0 updated, {FILES} unchanged")),
        "{}",
        run.stdout
    );
    assert_eq!(workspace.documents(), Some(FILES as u64));
}

#[test]
fn paths_with_spaces_and_non_ascii_letters() {
    let workspace = Workspace::new();
    let names = [
        "in/berita harian/Jakarta Selatan/kabar pagi.txt",
        "in/Bahasa Indonésia – ümlaut/ñandú 1.jsonl",
        "in/العربية/中文 新闻.csv",
    ];
    workspace.write(
        names[0],
        "Title: Kabar pagi\n\nPasar apung ramai pagi ini.\n",
    );
    workspace.write(
        names[1],
        "{\"id\": \"n1\", \"title\": \"Pasar apung\", \"body\": \"Pasar apung dibuka.\"}\n",
    );
    workspace.write(names[2], "title,body\nPasar apung,Pasar apung sepi.\n");
    let input = workspace.path().join("in");
    let run = workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(0);
    assert!(run.stdout.contains("articles: 3 added"), "{}", run.stdout);
    let run = workspace
        .run(&["export", "pasar", "--format", "jsonl", "--fields", "path"])
        .expect_code(0);
    let mut paths: Vec<String> = run
        .jsonl()
        .iter()
        .map(|hit| hit["path"].as_str().unwrap().to_owned())
        .collect();
    paths.sort();
    let root = workspace.path().canonicalize().unwrap();
    let mut expected: Vec<String> = names
        .iter()
        .map(|name| root.join(name).display().to_string())
        .collect();
    expected.sort();
    assert_eq!(paths, expected);
    let run = workspace
        .run(&["ingest", input.to_str().unwrap(), "--prune"])
        .expect_code(0);
    assert!(run.stdout.contains("3 unchanged"), "{}", run.stdout);
    assert_eq!(workspace.documents(), Some(3));
}

#[test]
fn symlink_loop_is_reported_with_follow() {
    let workspace = Workspace::new();
    workspace.write("in/a/x.txt", "Title: Satu\n\nBerita satu tentang sawah.\n");
    let input = workspace.path().join("in");
    std::os::unix::fs::symlink(&input, input.join("a/loop")).unwrap();
    let run = workspace
        .run(&["ingest", "--follow", input.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(
        run.stderr,
        format!(
            "warta: {}: symbolic link loop back to {}, skipped\n",
            input.join("a/loop").display(),
            input.display()
        )
    );
    assert!(run.stdout.contains("articles: 1 added"), "{}", run.stdout);
    assert_eq!(workspace.documents(), Some(1));
}

#[test]
fn file_reached_through_two_links_is_indexed_once() {
    let workspace = Workspace::new();
    workspace.write("in/a/x.txt", "Title: Satu\n\nBerita satu tentang sawah.\n");
    let input = workspace.path().join("in");
    std::os::unix::fs::symlink(input.join("a/x.txt"), input.join("link.txt")).unwrap();
    let run = workspace
        .run(&["ingest", "--follow", input.to_str().unwrap()])
        .expect_code(0);
    assert!(run.stdout.contains("articles: 1 added"), "{}", run.stdout);
    assert_eq!(workspace.documents(), Some(1));
}

/// Deletes a file once the walk is over, before it is read.
struct DeleteAfterWalk<'a>(&'a Path);

impl IngestMonitor for DeleteAfterWalk<'_> {
    fn started(&mut self, files: u64, _bytes: u64) {
        assert_eq!(files, 3);
        std::fs::remove_file(self.0).unwrap();
    }
}

#[test]
fn file_deleted_between_walk_and_read_is_reported() {
    let workspace = Workspace::new();
    for name in ["a", "b", "c"] {
        workspace.write(
            &format!("in/{name}.txt"),
            format!("Title: Berita {name}\n\nIsi berita {name}.\n"),
        );
    }
    let doomed = workspace.path().join("in/b.txt");
    let archive = Archive::open_or_create(&workspace.index(), None).unwrap();
    let report = ingest(
        &archive,
        &[workspace.path().join("in")],
        &IngestOptions::default(),
        &mut DeleteAfterWalk(&doomed),
    )
    .unwrap();
    assert_eq!((report.added, report.files_failed), (2, 1));
    assert_eq!(
        report.failures,
        [format!(
            "{}: cannot read: No such file or directory (os error 2)",
            doomed.display()
        )]
    );
    drop(archive);
    assert_eq!(workspace.documents(), Some(2));
}
