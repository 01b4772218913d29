//! Search: query syntax, filters, sorting, formats, exit codes.

use crate::util::Workspace;

const KIM_PUTIN: &str = "kim-putin-vostochny.txt";

fn paths(workspace: &Workspace, args: &[&str]) -> Vec<String> {
    let mut all = vec!["search", "--format", "jsonl", "--limit", "100"];
    all.extend_from_slice(args);
    workspace
        .run(&all)
        .jsonl()
        .iter()
        .map(|hit| hit["path"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn tag_filter_ignores_case_and_spacing() {
    let workspace = Workspace::with_corpus();
    for tag in ["korea utara", "Korea  Utara", " KOREA UTARA "] {
        let found = paths(&workspace, &["--tag", tag]);
        assert_eq!(found.len(), 5, "{tag}: {found:?}");
        assert!(
            found.iter().any(|path| path.ends_with(KIM_PUTIN)),
            "{found:?}"
        );
    }
}

#[test]
fn repeated_tags_must_all_match() {
    let workspace = Workspace::with_corpus();
    let both = workspace.search_ids(&["--tag", "Politik", "--tag", "Pemilu 2024"]);
    let mut both_sorted = both.clone();
    both_sorted.sort();
    assert_eq!(both_sorted.len(), 4, "{both:?}");
    assert!(both.contains(&"kn-2023-0009".to_owned()));
    assert!(
        workspace
            .search_ids(&["--tag", "Politik", "--tag", "Olahraga"])
            .is_empty()
    );
}

#[test]
fn default_operator_is_and_with_any_flag_for_or() {
    let workspace = Workspace::with_corpus();
    let all = workspace.search_ids(&["putin", "pemilu"]);
    assert!(all.is_empty(), "no article names both: {all:?}");
    let any = workspace.search_ids(&["--any", "putin", "pemilu"]);
    assert!(any.len() >= 8, "{any:?}");
    let or = workspace.search_ids(&["putin OR pemilu"]);
    assert_eq!(or.len(), any.len());
}

#[test]
fn phrase_exclusion_prefix_and_field_queries() {
    let workspace = Workspace::with_corpus();
    let phrase = paths(&workspace, &["\"kereta lapis baja\""]);
    assert_eq!(phrase.len(), 1);
    assert!(phrase[0].ends_with(KIM_PUTIN));
    let putin = workspace.search_ids(&["putin"]);
    let without = workspace.search_ids(&["putin -senjata"]);
    assert!(
        without.len() < putin.len() && !without.is_empty(),
        "{putin:?} {without:?}"
    );
    assert!(!workspace.search_ids(&["pemil*"]).is_empty());
    let titles = workspace
        .run(&["search", "title:rupiah", "--format", "jsonl"])
        .jsonl();
    assert_eq!(titles.len(), 2);
    for hit in titles {
        assert!(hit["title"].as_str().unwrap().contains("Rupiah"), "{hit}");
    }
    assert_eq!(
        workspace.search_ids(&["tag:\"pemilu 2024\""]).len(),
        4,
        "tag: takes a whole tag"
    );
}

#[test]
fn category_source_and_date_filters() {
    let workspace = Workspace::with_corpus();
    let ekonomi = workspace.search_ids(&["--category", "ekonomi"]);
    assert!(ekonomi.contains(&"kn-2025-0012".to_owned()), "{ekonomi:?}");
    let source = workspace.run(&[
        "search",
        "--source",
        "harian fiktif",
        "--format",
        "jsonl",
        "--limit",
        "100",
    ]);
    let hits = source.jsonl();
    assert!(
        hits.len() >= 9,
        "the CSV's nine and more: {}",
        source.stdout
    );
    assert!(
        hits.iter().all(|hit| hit["source"] == "Harian Fiktif"),
        "{}",
        source.stdout
    );
    let day = workspace.run(&[
        "search",
        "--since",
        "2022-02-24",
        "--until",
        "2022-02-24",
        "--format",
        "jsonl",
    ]);
    assert_eq!(day.ids(), ["kn-2022-0005"], "inclusive single day");
    let since = workspace.run(&[
        "search",
        "--since",
        "2025-01-01",
        "--format",
        "jsonl",
        "--limit",
        "100",
    ]);
    for hit in since.jsonl() {
        assert!(hit["date"].as_str().unwrap() >= "2025-01-01", "{hit}");
    }
}

#[test]
fn sort_by_date_is_newest_first_and_paging_is_consistent() {
    let workspace = Workspace::with_corpus();
    let run = workspace.run(&[
        "search", "--tag", "politik", "--sort", "date", "--format", "jsonl",
    ]);
    let dates: Vec<String> = run
        .jsonl()
        .iter()
        .map(|hit| hit["date"].as_str().unwrap_or("").to_owned())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let all = workspace.search_ids(&["--tag", "politik"]);
    let first = workspace.run(&[
        "search", "--tag", "politik", "--limit", "3", "--format", "jsonl",
    ]);
    let second = workspace.run(&[
        "search", "--tag", "politik", "--limit", "3", "--offset", "3", "--format", "jsonl",
    ]);
    let paged: Vec<String> = first.ids().into_iter().chain(second.ids()).collect();
    assert_eq!(paged, all[..6]);
    assert_eq!(second.jsonl()[0]["rank"], 4);
}

#[test]
fn every_format_returns_the_same_hits() {
    let workspace = Workspace::with_corpus();
    let expected = workspace.search_ids(&["jakarta"]);
    assert!(expected.len() > 10, "{expected:?}");
    let json = workspace.run(&["search", "jakarta", "--limit", "100", "--format", "json"]);
    let json: Vec<serde_json::Value> = serde_json::from_str(&json.stdout).unwrap();
    let json_ids: Vec<&str> = json.iter().map(|hit| hit["id"].as_str().unwrap()).collect();
    assert_eq!(json_ids, expected);
    let csv = workspace.run(&["search", "jakarta", "--limit", "100", "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "rank", "id", "score", "title", "date", "source", "url", "category", "tags",
            "entities", "snippet", "path"
        ]
    );
    let csv_ids: Vec<String> = reader
        .records()
        .map(|record| record.unwrap()[1].to_owned())
        .collect();
    assert_eq!(csv_ids, expected);
}

#[test]
fn table_shows_total_and_fits_80_columns() {
    let workspace = Workspace::with_corpus();
    let run = workspace.run(&["search", "senjata"]).expect_code(0);
    let first = run.stdout.lines().next().unwrap();
    assert_eq!(first, "3 hits for \"senjata\"");
    assert!(run.stdout.contains("[senjata]"), "{}", run.stdout);
    assert!(
        run.stdout.contains("tags: Korea Utara, Rusia"),
        "{}",
        run.stdout
    );
    for line in run.stdout.lines() {
        assert!(line.chars().count() <= 80, "too wide: {line}");
    }
}

#[test]
fn exit_code_is_one_when_nothing_matches() {
    let workspace = Workspace::with_corpus();
    let run = workspace.run(&["search", "zzzyyyxxx"]).expect_code(1);
    assert_eq!(run.stdout, "0 hits for \"zzzyyyxxx\"\n");
}

#[test]
fn fresh_clone_builds_the_default_index_from_corpus() {
    let workspace = Workspace::new();
    copy_dir(&crate::util::corpus(), &workspace.path().join("corpus"));
    let mut command = assert_cmd::Command::cargo_bin("warta").unwrap();
    let output = command
        .current_dir(workspace.path())
        .env_remove("WARTA_INDEX")
        .args(["search", "senjata", "--format", "jsonl"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("building one from corpus/"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 3);
    assert!(workspace.path().join("index/meta.json").is_file());
    // The second run uses the index it built.
    let output = command.output().unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("building"));
}

#[test]
fn warta_index_variable_names_the_index() {
    let workspace = Workspace::with_corpus();
    let mut command = assert_cmd::Command::cargo_bin("warta").unwrap();
    let output = command
        .current_dir(workspace.path())
        .env("WARTA_INDEX", workspace.index())
        .args(["search", "senjata", "--format", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 3);
}

#[test]
fn closed_pipe_ends_quietly() {
    let workspace = Workspace::with_corpus();
    let binary = assert_cmd::cargo::cargo_bin("warta");
    let script = format!(
        "'{}' --index '{}' export --since 1900-01-01 --format jsonl --fields body,body,body | head -1",
        binary.display(),
        workspace.index().display()
    );
    let output = std::process::Command::new("sh")
        .args(["-c", &script])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout).lines().count(), 1);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
