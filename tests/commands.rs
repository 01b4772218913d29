//! show, delete, stats, tags.

use crate::util::Workspace;

#[test]
fn show_prints_the_whole_article() {
    let workspace = Workspace::with_corpus();
    let run = workspace.run(&["show", "kn-2022-0005"]).expect_code(0);
    let mut lines = run.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("Putin Umumkan Operasi Militer, Rusia Serang Ukraina")
    );
    assert!(
        run.stdout.contains("id        kn-2022-0005\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("tags      Rusia, Ukraina, Vladimir Putin, Internasional\n")
    );
    let missing = workspace.run(&["show", "nope"]).expect_code(1);
    assert_eq!(missing.stderr, "warta: no article with id 'nope'\n");
}

#[test]
fn delete_removes_articles() {
    let workspace = Workspace::with_corpus();
    let run = workspace
        .run(&["delete", "kn-2022-0005", "nope"])
        .expect_code(0);
    assert_eq!(run.stdout, "deleted 1 of 2 articles\n");
    assert!(run.stderr.contains("no article with id 'nope'"));
    workspace.run(&["show", "kn-2022-0005"]).expect_code(1);
    let stats = workspace.run(&["stats", "--format", "json"]);
    let stats: serde_json::Value = serde_json::from_str(&stats.stdout).unwrap();
    assert_eq!(stats["documents"], 39);
}

#[test]
fn stats_report_counts_dates_sources() {
    let workspace = Workspace::with_corpus();
    let run = workspace.run(&["stats", "--format", "json"]).expect_code(0);
    let stats: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(stats["documents"], 40);
    assert_eq!(stats["first_date"], "2019-05-21");
    assert!(stats["index_bytes"].as_u64().unwrap() > 10_000);
    assert_eq!(stats["top_sources"][0]["value"], "Harian Fiktif");
    assert_eq!(stats["top_sources"][0]["count"], 12);
    let text = workspace.run(&["stats"]).expect_code(0);
    assert!(
        text.stdout.starts_with("documents:  40\n"),
        "{}",
        text.stdout
    );
}

#[test]
fn tags_are_counted_case_insensitively() {
    let workspace = Workspace::with_corpus();
    let run = workspace.run(&["tags", "--format", "json"]).expect_code(0);
    let tags: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let korea = tags
        .iter()
        .find(|tag| {
            tag["value"]
                .as_str()
                .unwrap()
                .eq_ignore_ascii_case("korea utara")
        })
        .unwrap();
    assert_eq!(korea["count"], 5);
    let politik = tags.iter().find(|tag| tag["value"] == "Politik").unwrap();
    assert_eq!(politik["count"], 10);
}
