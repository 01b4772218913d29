//! Ingest: formats, incremental runs, pruning, the report.

use crate::hay;
use crate::util::{Workspace, corpus};

/// Parses the `articles:` line of an ingest report into its four counts.
fn article_counts(report: &str) -> [u64; 4] {
    let line = report
        .lines()
        .find(|line| line.starts_with("articles:"))
        .unwrap_or_else(|| panic!("no articles line in\n{report}"));
    let numbers: Vec<u64> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
        .map(|part| part.parse().unwrap())
        .collect();
    [numbers[0], numbers[1], numbers[2], numbers[3]]
}

fn document_count(workspace: &Workspace) -> u64 {
    let run = workspace.run(&["stats", "--format", "json"]).expect_code(0);
    let stats: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    stats["documents"].as_u64().unwrap()
}

#[test]
fn corpus_ingests_every_article_of_every_format() {
    let workspace = Workspace::new();
    let run = workspace
        .run(&["ingest", corpus().to_str().unwrap()])
        .expect_code(0);
    assert_eq!(article_counts(&run.stdout), [40, 0, 0, 0], "{}", run.stdout);
    assert!(run.stdout.contains("files:    17 seen"), "{}", run.stdout);
    assert!(
        run.stdout.contains("1 skipped"),
        "README.md is skipped: {}",
        run.stdout
    );
    assert_eq!(document_count(&workspace), 40);
}

#[test]
fn reingest_changes_nothing_and_edit_replaces() {
    let workspace = Workspace::new();
    let input = workspace.path().join("input");
    std::fs::create_dir_all(&input).unwrap();
    workspace.write("input/a.txt", hay::TEXT_WITH_HEADER);
    workspace.write("input/b.txt", hay::TEXT_BARE);
    let input = input.to_str().unwrap();
    let first = workspace.run(&["ingest", input]).expect_code(0);
    assert_eq!(article_counts(&first.stdout), [2, 0, 0, 0]);
    let second = workspace.run(&["ingest", input]).expect_code(0);
    assert_eq!(article_counts(&second.stdout), [0, 0, 2, 0]);
    assert!(
        second.stdout.contains("2 unchanged, 0 skipped"),
        "{}",
        second.stdout
    );
    assert_eq!(document_count(&workspace), 2);

    workspace.write(
        "input/a.txt",
        hay::TEXT_WITH_HEADER.replace("Sumenep", "Pamekasan"),
    );
    let third = workspace.run(&["ingest", input]).expect_code(0);
    assert_eq!(article_counts(&third.stdout), [0, 1, 1, 0]);
    assert_eq!(document_count(&workspace), 2);
    assert_eq!(
        workspace.search_ids(&["pamekasan"]),
        ["https://example.com/garam-madura"]
    );
    assert!(workspace.search_ids(&["sumenep"]).is_empty());
}

#[test]
fn prune_removes_articles_of_deleted_files() {
    let workspace = Workspace::new();
    workspace.write("input/a.txt", hay::TEXT_WITH_HEADER);
    let b = workspace.write("input/b.txt", hay::TEXT_BARE);
    let input = workspace.path().join("input");
    let input = input.to_str().unwrap();
    workspace.run(&["ingest", input]).expect_code(0);
    std::fs::remove_file(b).unwrap();
    workspace.run(&["ingest", input]).expect_code(0);
    assert_eq!(
        document_count(&workspace),
        2,
        "without --prune nothing is removed"
    );
    let run = workspace.run(&["ingest", "--prune", input]).expect_code(0);
    assert!(run.stdout.contains("1 pruned"), "{}", run.stdout);
    assert_eq!(document_count(&workspace), 1);
}

#[test]
fn plain_text_reader_honours_header_prefix_and_tags() {
    let workspace = Workspace::new();
    let path = workspace.write("in/garam.txt", hay::TEXT_WITH_HEADER);
    workspace
        .run(&["ingest", path.to_str().unwrap()])
        .expect_code(0);
    let run = workspace
        .run(&[
            "show",
            "https://example.com/garam-madura",
            "--format",
            "json",
        ])
        .expect_code(0);
    let article: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(article["title"], "Petani Garam Madura Panen Raya");
    assert_eq!(article["category"], "EKONOMI");
    assert_eq!(article["source"], "Warta Uji");
    assert_eq!(article["date"], "2023-09-13T10:00:00+07:00");
    assert_eq!(
        article["tags"],
        serde_json::json!(["Ekonomi", "Garam", "Madura"])
    );
    let body = article["body"].as_str().unwrap();
    assert!(body.starts_with("Petani garam di Sumenep"), "{body}");
    assert!(!body.contains("Tags"), "{body}");
}

#[test]
fn kim_putin_report_has_category_and_five_tags() {
    let workspace = Workspace::with_corpus();
    let run = workspace
        .run(&["search", "Vostochny", "--format", "jsonl"])
        .expect_code(0);
    let hits = run.jsonl();
    let report = hits
        .iter()
        .find(|hit| {
            hit["path"]
                .as_str()
                .unwrap()
                .ends_with("kim-putin-vostochny.txt")
        })
        .expect("the report is found");
    assert_eq!(report["category"], "INTERNASIONAL");
    assert_eq!(
        report["tags"],
        serde_json::json!([
            "Korea Utara",
            "Rusia",
            "Politik",
            "Konflik Rusia-Ukraina",
            "Vladimir Putin"
        ])
    );
    assert!(
        report["title"]
            .as_str()
            .unwrap()
            .starts_with("Pemimpin Korea Utara Kim Jong Un")
    );
}

#[test]
fn json_aliases_and_csv_are_read() {
    let workspace = Workspace::with_corpus();
    // `content` body, `keywords` list, `published` date.
    let hits = workspace.run(&[
        "search", "--tag", "olahraga", "--format", "jsonl", "--limit", "50",
    ]);
    assert!(
        hits.ids().contains(&"kn-2024-0103".to_owned()),
        "{}",
        hits.stdout
    );
    // CSV record whose title has a comma and a double quote.
    let run = workspace
        .run(&["show", "hf-2024-0002", "--format", "json"])
        .expect_code(0);
    let article: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        article["title"],
        "Ketua KPPS: \"Pemilu 2024 Harus Jujur\", Logistik Tiba Tepat Waktu"
    );
}

#[test]
fn hidden_files_are_skipped_and_links_followed_only_when_asked() {
    let workspace = Workspace::new();
    workspace.write("in/.secret.txt", hay::TEXT_BARE);
    workspace.write("elsewhere/a.txt", hay::TEXT_WITH_HEADER);
    std::os::unix::fs::symlink(
        workspace.path().join("elsewhere"),
        workspace.path().join("in/link"),
    )
    .unwrap();
    let input = workspace.path().join("in");
    let input = input.to_str().unwrap();
    let run = workspace.run(&["ingest", input]).expect_code(0);
    assert_eq!(article_counts(&run.stdout), [0, 0, 0, 0], "{}", run.stdout);
    let run = workspace.run(&["ingest", "--follow", input]).expect_code(0);
    assert_eq!(article_counts(&run.stdout), [1, 0, 0, 0], "{}", run.stdout);
}
