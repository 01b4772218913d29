//! Reliability: an ingest killed at any moment, readers and writers at the same
//! time, a full disk or read-only folder, an index of an older schema.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use warta::archive::Archive;
use warta::ingest::{IngestOptions, SilentMonitor, ingest};

use crate::failing_dir::FailingDirectory;
use crate::util::{Workspace, corpus, poll};

/// Generated input: `FILES` JSON Lines files of `PER_FILE` articles.
const FILES: usize = 300;
const PER_FILE: usize = 10;
const TOTAL: u64 = (FILES * PER_FILE) as u64;
/// Commit batch: two files (commits happen at file boundaries), so every
/// committed state holds a multiple of 20 articles. Small enough that an
/// ingest of `TOTAL` takes a few seconds in a debug build and can be caught.
const COMMIT_EVERY: &str = "20";
const BATCH: u64 = 20;

/// Generous bound for anything the tests wait for.
const PATIENCE: Duration = Duration::from_secs(120);

/// Writes the generated input and returns the `ingest` arguments for it.
fn generated_ingest(workspace: &Workspace) -> Vec<String> {
    let input = workspace.write_generated("in", FILES, PER_FILE);
    vec![
        "ingest".into(),
        input.display().to_string(),
        "--commit-every".into(),
        COMMIT_EVERY.into(),
    ]
}

/// Every article `export` finds for `banjir` (all generated articles), as
/// source path → ids; fails the test when an id is exported twice.
fn exported_files(workspace: &Workspace) -> BTreeMap<String, BTreeSet<String>> {
    let run = workspace.run(&[
        "export", "banjir", "--format", "jsonl", "--fields", "id,path",
    ]);
    assert!(run.code == 0 || run.code == 1, "export: {}", run.stderr);
    let mut files: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut ids = BTreeSet::new();
    for record in run.jsonl() {
        let id = record["id"].as_str().expect("an id").to_owned();
        assert!(ids.insert(id.clone()), "{id} exported twice");
        let path = record["path"].as_str().expect("a path").to_owned();
        files.entry(path).or_default().insert(id);
    }
    files
}

/// Checks that `files` is a committed state of the generated ingest: whole
/// commit batches, and every file present with all its articles. Returns the
/// number of articles.
fn assert_whole_commits(files: &BTreeMap<String, BTreeSet<String>>) -> u64 {
    for (path, ids) in files {
        assert_eq!(ids.len(), PER_FILE, "{path} is partly indexed: {ids:?}");
    }
    let count = (files.len() * PER_FILE) as u64;
    assert!(count <= TOTAL, "{count} articles");
    assert!(
        count.is_multiple_of(BATCH),
        "{count} articles is not a commit boundary"
    );
    count
}

/// Checks the index after a crash: it opens (or was never created), `stats`
/// and `export` agree, and it holds whole commits. Returns its article count.
fn assert_last_commit(workspace: &Workspace) -> u64 {
    let Some(documents) = workspace.documents() else {
        return 0;
    };
    let count = assert_whole_commits(&exported_files(workspace));
    assert_eq!(documents, count, "stats and export disagree");
    count
}

#[test]
fn killed_ingest_keeps_its_last_commit_and_a_rerun_completes_it() {
    let workspace = Workspace::new();
    let args = generated_ingest(&workspace);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut killed_midway = 0;
    // Kill at once (maybe before the index exists), then each time the index
    // holds at least this many articles; each run resumes the previous one.
    for at_least in [0, 1, 600, 1500, 2400] {
        let mut child = workspace.spawn(&args);
        if at_least > 0 {
            let caught = poll(PATIENCE, || {
                child.try_wait().unwrap().is_some()
                    || workspace.documents().unwrap_or(0) >= at_least
            });
            assert!(caught, "the ingest neither progressed nor ended");
        }
        child.kill().unwrap();
        child.wait().unwrap();
        let count = assert_last_commit(&workspace);
        eprintln!("killed once the index held {at_least}: {count} committed");
        if count < TOTAL {
            killed_midway += 1;
        }
    }
    assert!(
        killed_midway >= 2,
        "only {killed_midway} kills landed before the end; the test proved little"
    );
    let before = assert_last_commit(&workspace);
    let run = workspace.run(&args).expect_code(0);
    assert!(
        run.stdout.contains(&format!(
            "articles: {} added, 0 updated, {before} unchanged, 0 failed",
            TOTAL - before
        )),
        "the rerun skips exactly the committed files:\n{}",
        run.stdout
    );
    assert_eq!(assert_last_commit(&workspace), TOTAL);
    let run = workspace.run(&args).expect_code(0);
    assert!(
        run.stdout
            .contains(&format!("articles: 0 added, 0 updated, {TOTAL} unchanged")),
        "{}",
        run.stdout
    );
}

#[test]
fn lock_left_by_a_killed_ingest_does_not_block_the_next() {
    let workspace = Workspace::new();
    let args = generated_ingest(&workspace);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut child = workspace.spawn(&args);
    assert!(poll(PATIENCE, || workspace.documents().unwrap_or(0) > 0));
    child.kill().unwrap();
    child.wait().unwrap();
    // tantivy's lock is an flock(2) on this file: the file stays, the lock
    // dies with the process.
    assert!(workspace.index().join(".tantivy-writer.lock").is_file());
    workspace.run(&args).expect_code(0);
    assert_eq!(workspace.documents(), Some(TOTAL));
}

#[test]
fn searches_and_exports_during_an_ingest_see_whole_commits() {
    let workspace = Workspace::new();
    let args = generated_ingest(&workspace);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut child = workspace.spawn(&args);
    assert!(poll(PATIENCE, || {
        child.try_wait().unwrap().is_some() || workspace.documents().is_some()
    }));
    let mut seen = BTreeSet::new();
    while child.try_wait().unwrap().is_none() {
        let run = workspace.run(&["search", "banjir", "--limit", "1"]);
        assert!(run.code == 0 || run.code == 1, "search: {}", run.stderr);
        let total: u64 = run
            .stdout
            .split_whitespace()
            .next()
            .and_then(|word| word.parse().ok())
            .unwrap_or_else(|| panic!("a total: {}", run.stdout));
        assert!(
            total.is_multiple_of(BATCH),
            "search saw half a commit: {total}"
        );
        assert_eq!(run.code == 1, total == 0);
        seen.insert(total);
        seen.insert(assert_whole_commits(&exported_files(&workspace)));
    }
    assert!(child.wait().unwrap().success());
    assert_eq!(workspace.documents(), Some(TOTAL));
    eprintln!("committed states seen during the ingest: {seen:?}");
}

#[test]
fn second_ingest_process_is_refused_while_the_first_writes() {
    let workspace = Workspace::new();
    let args = generated_ingest(&workspace);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // An existing index, so that both processes only open it.
    let seed = workspace.write("seed/a.txt", crate::hay::TEXT_BARE);
    workspace
        .run(&["ingest", seed.to_str().unwrap()])
        .expect_code(0);
    let first = workspace.spawn(&args);
    let second = workspace.spawn(&args);
    let mut outcomes: Vec<(i32, String)> = [first, second]
        .into_iter()
        .map(|child| {
            let output = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
            (output.status.code().unwrap_or(-1), stderr)
        })
        .collect();
    outcomes.sort();
    assert_eq!(outcomes[0].0, 0, "one completes: {}", outcomes[0].1);
    assert_eq!(outcomes[1].0, 2, "the other is refused: {}", outcomes[1].1);
    let message = format!(
        "warta: another warta process is writing to {}; wait for it to finish and try again\n",
        workspace.index().display()
    );
    assert!(
        outcomes[1].1.ends_with(&message),
        "one clear line: {}",
        outcomes[1].1
    );
    assert_eq!(workspace.documents(), Some(TOTAL + 1));
}

/// Ingests `more` through `directory`, which must fail; returns the message.
fn failing_ingest(
    workspace: &Workspace,
    directory: &FailingDirectory,
    more: &std::path::Path,
) -> String {
    let archive = Archive::open_or_create_in(Box::new(directory.clone()), &workspace.index(), None)
        .expect("opening does not write");
    let options = IngestOptions {
        commit_every: 50,
        writer_memory: 20_000_000,
        ..IngestOptions::default()
    };
    match ingest(
        &archive,
        &[more.to_path_buf()],
        &options,
        &mut SilentMonitor,
    ) {
        Ok(report) => panic!("the ingest succeeded: {report:?}"),
        Err(err) => err.to_string(),
    }
}

#[test]
fn full_disk_fails_the_ingest_clearly_and_keeps_the_previous_index() {
    let workspace = Workspace::with_corpus();
    let corpus_ids = exported_ids(&workspace);
    assert_eq!(corpus_ids.len(), 40);
    let more = workspace.write_generated("more", 20, PER_FILE);
    // Fail at the first byte, in the first segment, and later.
    for budget in [0, 1_000, 20_000] {
        let directory = FailingDirectory::open(&workspace.index());
        directory.fill_after(budget);
        let message = failing_ingest(&workspace, &directory, &more);
        // Which one depends on whether tantivy's indexing thread fails before
        // or during the commit; see the report on `ArchiveWriter::upsert`.
        assert!(
            message.starts_with("index error: ")
                && (message.ends_with(": no space left on device (simulated)")
                    || message == "index error: no space left on device (simulated)"
                    || message.ends_with(
                        "an indexing thread stopped on an error (a full disk or an index \
                         folder that cannot be written?)"
                    )),
            "{message}"
        );
        // Reopened normally: the corpus is all there, with whole commits of
        // the failed run at most.
        let ids = exported_ids(&workspace);
        assert!(ids.is_superset(&corpus_ids), "budget {budget}");
        let added = workspace.documents().unwrap() - 40;
        assert_eq!(ids.len() as u64, 40 + added);
        assert!(added.is_multiple_of(50), "budget {budget}: {added}");
    }
    // And the index still takes writes once there is room again.
    workspace
        .run(&["ingest", more.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(workspace.documents(), Some(240));
}

#[test]
fn read_only_folder_fails_clearly_and_keeps_the_index() {
    let workspace = Workspace::with_corpus();
    let more = workspace.write_generated("more", 2, PER_FILE);
    let directory = FailingDirectory::open(&workspace.index());
    directory.make_read_only();
    let message = failing_ingest(&workspace, &directory, &more);
    assert_eq!(
        message,
        "index error: cannot lock the index: read-only file system (simulated)"
    );
    assert_eq!(workspace.documents(), Some(40));
    // Known limitation: tantivy's reader takes `.tantivy-meta.lock`, which it
    // opens for writing, so a read-only index cannot be searched either.
    let archive =
        Archive::open_or_create_in(Box::new(directory.clone()), &workspace.index(), None).unwrap();
    assert_eq!(
        archive.reader().err().map(|err| err.to_string()),
        Some("index error: cannot lock the index: read-only file system (simulated)".to_owned())
    );
    // A new index cannot even be started: its metadata is written first.
    let empty = workspace.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let directory = FailingDirectory::open(&empty);
    directory.make_read_only();
    let err = Archive::open_or_create_in(Box::new(directory), &empty, None)
        .err()
        .expect("no index in a read-only folder");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: read-only file system (simulated)",
            empty.join("warta.json").display()
        )
    );
    assert!(!Archive::exists(&empty));
}

/// The ids of every article in the workspace's index.
fn exported_ids(workspace: &Workspace) -> BTreeSet<String> {
    let archive = Archive::open(&workspace.index()).unwrap();
    let mut ids = BTreeSet::new();
    archive
        .for_each_article(&mut |article| {
            ids.insert(article.id);
            Ok(())
        })
        .unwrap();
    ids
}

#[test]
fn index_of_an_older_schema_asks_for_reindex() {
    let workspace = Workspace::with_corpus();
    let meta_path = workspace.index().join("warta.json");
    let mut meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    let current = meta["schema_version"].as_u64().unwrap();
    let analysis = meta["analysis"].as_str().unwrap().to_owned();
    meta["schema_version"] = 1.into();
    std::fs::write(&meta_path, meta.to_string()).unwrap();

    let index = workspace.index();
    let expected = format!(
        "index {} was built with schema v1 and analysis '{analysis}', this warta uses schema \
         v{current} and analysis '{analysis}'; run `warta reindex` to rebuild it",
        index.display()
    );
    let run = workspace.run(&["search", "kim"]).expect_code(2);
    assert_eq!(run.stderr, format!("warta: {expected}\n"));
    let input = corpus();
    let run = workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(2);
    assert!(
        run.stderr.ends_with(&format!("{expected}\n")),
        "{}",
        run.stderr
    );

    // The stored fields are those of this schema, so reindex can rebuild it.
    let run = workspace.run(&["reindex"]).expect_code(0);
    assert!(
        run.stdout.starts_with("reindexed 40 articles in "),
        "{}",
        run.stdout
    );
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta_path).unwrap()).unwrap();
    assert_eq!(meta["schema_version"].as_u64(), Some(current));
    workspace.run(&["search", "kim"]).expect_code(0);
    assert_eq!(workspace.documents(), Some(40));
}

#[test]
fn index_of_a_schema_without_needed_fields_is_refused_and_left_alone() {
    use tantivy::schema::{STORED, STRING, Schema, TEXT};
    let workspace = Workspace::new();
    let index = workspace.index();
    std::fs::create_dir_all(&index).unwrap();
    let mut schema = Schema::builder();
    let id = schema.add_text_field("id", STRING | STORED);
    let title = schema.add_text_field("title", TEXT | STORED);
    let old = tantivy::Index::create_in_dir(&index, schema.build()).unwrap();
    let mut writer: tantivy::IndexWriter = old.writer(20_000_000).unwrap();
    writer
        .add_document(tantivy::doc!(id => "lama-1", title => "Berita lama"))
        .unwrap();
    writer.commit().unwrap();
    drop(writer);
    let meta = r#"{"schema_version": 1, "analysis": "old"}"#;
    std::fs::write(index.join("warta.json"), meta).unwrap();
    let files = |dir: &std::path::Path| -> BTreeSet<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    };
    let before = files(&index);

    let run = workspace.run(&["search", "lama"]).expect_code(2);
    assert!(run.stderr.contains("run `warta reindex`"), "{}", run.stderr);
    let run = workspace.run(&["reindex"]).expect_code(2);
    assert_eq!(
        run.stderr,
        format!(
            "warta: index {} cannot be rebuilt by this warta: it was built with schema v1 and \
             analysis 'old' and has no field 'url'; build a new index from the source files with \
             `warta ingest`\n",
            index.display()
        )
    );
    assert_eq!(files(&index), before, "the old index is left as it was");
    assert_eq!(
        files(workspace.path()),
        BTreeSet::from(["index".to_owned()])
    );
}

/// Runs `args` with standard output on `/dev/full`, which fails every write
/// with `ENOSPC`.
fn run_into_full_disk(workspace: &Workspace, args: &[&str]) -> crate::util::Run {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("warta"))
        .current_dir(workspace.path())
        .env_remove("WARTA_INDEX")
        .arg("--index")
        .arg(workspace.index())
        .args(args)
        .stdout(full)
        .output()
        .unwrap();
    crate::util::Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn full_disk_on_output_fails_with_one_line() {
    let workspace = Workspace::with_corpus();
    for args in [
        &["search", "kim"][..],
        &["export", "kim", "--format", "jsonl"],
        &["export", "kim", "--format", "csv", "-o", "/dev/full"],
        &["show", "kn-2023-0007", "--format", "json"],
    ] {
        let run = run_into_full_disk(&workspace, args).expect_code(2);
        assert!(
            run.stderr.starts_with("warta: ")
                && run.stderr.lines().count() == 1
                && run.stderr.contains("No space left on device"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn full_disk_on_export_names_the_cause_once() {
    let workspace = Workspace::with_corpus();
    // Enough output to fail inside the export, not at the final flush.
    let run = workspace.run(&[
        "export",
        "kim",
        "--format",
        "jsonl",
        "--fields",
        "id,body",
        "-o",
        "/dev/full",
    ]);
    assert_eq!(
        run.stderr,
        "warta: cannot write hits: No space left on device (os error 28)\n"
    );
}
