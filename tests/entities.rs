//! Named entities: extraction, `--entity`, hybrid ranking, `warta entities`.

use crate::hay;
use crate::util::{Workspace, corpus};

#[test]
fn kim_putin_report_names_everyone_with_the_right_type() {
    let workspace = Workspace::new();
    let report = corpus().join("kim-putin-vostochny.txt");
    let run = workspace
        .run(&["extract", report.to_str().unwrap()])
        .expect_code(0);
    let articles: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let entities = articles[0]["entities"].as_array().unwrap();
    let kind_of = |name: &str| {
        entities
            .iter()
            .find(|entity| entity["name"] == name)
            .map(|entity| entity["type"].as_str().unwrap().to_owned())
    };
    let expected = [
        ("Kim Jong Un", "PER"),
        ("Vladimir Putin", "PER"),
        ("Matthew Miller", "PER"),
        ("Sergei Shoigu", "PER"),
        ("Donald Trump", "PER"),
        ("Valeriy Akimenko", "PER"),
        ("Kim Dong-yup", "PER"),
        ("Yang Uk", "PER"),
        ("Rorry Daniels", "PER"),
        ("Park Won-gon", "PER"),
        ("Korea Utara", "LOC"),
        ("Rusia", "LOC"),
        ("Ukraina", "LOC"),
        ("Amerika Serikat", "LOC"),
        ("Pyongyang", "LOC"),
        ("Moskow", "LOC"),
        ("Vostochny", "LOC"),
        ("Washington", "LOC"),
        ("Seoul", "LOC"),
        ("Korea Selatan", "LOC"),
        ("NATO", "ORG"),
        ("Kremlin", "ORG"),
        ("Asia Society Policy Institute", "ORG"),
        ("Asian Institute for Policy Studies", "ORG"),
        ("Universitas Ewha", "ORG"),
        ("TV Rossiya 1", "ORG"),
    ];
    for (name, kind) in expected {
        assert_eq!(kind_of(name).as_deref(), Some(kind), "{name}");
    }
    let count_of = |name: &str| {
        entities
            .iter()
            .find(|entity| entity["name"] == name)
            .unwrap()["count"]
            .as_u64()
            .unwrap()
    };
    assert_eq!(
        count_of("Vladimir Putin"),
        16,
        "every 'Putin' resolves to the full name"
    );
    assert_eq!(
        count_of("Kim Dong-yup"),
        1,
        "'Kim' never goes to Kim Dong-yup"
    );
    for not_a_name in ["Selasa", "Rabu", "Juli", "Presiden", "Setelah", "Namun"] {
        assert_eq!(kind_of(not_a_name), None, "{not_a_name}");
    }
}

#[test]
fn entity_filter_takes_names_aliases_and_unambiguous_short_names() {
    let workspace = Workspace::with_corpus();
    let full = workspace.search_ids(&["--entity", "Vladimir Putin"]);
    assert!(full.len() >= 3, "{full:?}");
    assert_eq!(workspace.search_ids(&["--entity", "Putin"]), full);
    let korut = workspace.search_ids(&["--entity", "Korut"]);
    assert_eq!(korut, workspace.search_ids(&["--entity", "Korea Utara"]));
    assert!(!korut.is_empty());
    let us = workspace.search_ids(&["--entity", "AS"]);
    assert_eq!(us, workspace.search_ids(&["--entity", "amerika serikat"]));
    let run = workspace.run(&["search", "--entity", "Kim"]).expect_code(2);
    assert_eq!(
        run.stderr,
        "warta: entity 'Kim' is ambiguous: Kim Jong Un, Kim Dong-yup; give the full name\n"
    );
    let run = workspace
        .run(&["search", "--entity", "Zzyzx"])
        .expect_code(2);
    assert!(
        run.stderr.contains("unknown entity 'Zzyzx'"),
        "{}",
        run.stderr
    );
}

#[test]
fn hybrid_ranking_lifts_the_article_about_the_entity() {
    let workspace = Workspace::new();
    workspace.write("in/putin.jsonl", hay::PUTIN_CENTRAL_AND_PASSING);
    let input = workspace.path().join("in");
    workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(0);
    // Keyword relevance alone prefers the short article with more `senjata`...
    assert_eq!(
        workspace.search_ids(&["putin senjata", "--rank", "keyword"]),
        ["sekilas-putin", "tentang-putin"]
    );
    // ...entity salience puts the article about Putin first.
    assert_eq!(
        workspace.search_ids(&["putin senjata"]),
        ["tentang-putin", "sekilas-putin"]
    );
    // Words that name no entity leave the keyword ranking alone.
    assert_eq!(
        workspace.search_ids(&["senjata"]),
        workspace.search_ids(&["senjata", "--rank", "keyword"])
    );
}

#[test]
fn entities_command_counts_over_hits_and_the_archive() {
    let workspace = Workspace::with_corpus();
    let run = workspace
        .run(&[
            "entities",
            "--tag",
            "Korea Utara",
            "--type",
            "PER",
            "--format",
            "jsonl",
        ])
        .expect_code(0);
    let first = &run.jsonl()[0];
    assert_eq!(first["name"], "Kim Jong Un");
    assert_eq!(first["type"], "PER");
    assert_eq!(first["documents"], 4);
    let run = workspace.run(&["entities", "--limit", "3"]).expect_code(0);
    assert_eq!(
        run.stdout.lines().count(),
        4,
        "header and three rows: {}",
        run.stdout
    );
}

#[test]
fn hits_and_exports_carry_entities() {
    let workspace = Workspace::with_corpus();
    let run = workspace.run(&["search", "vostochny"]).expect_code(0);
    assert!(
        run.stdout
            .contains("entities: Rusia (27), Korea Utara (20), Vladimir Putin"),
        "{}",
        run.stdout
    );
    let run = workspace
        .run(&[
            "export",
            "vostochny",
            "--format",
            "csv",
            "--fields",
            "id,entities",
        ])
        .expect_code(0);
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let record = reader.records().next().unwrap().unwrap();
    assert!(
        record[1].starts_with("Rusia; Korea Utara; Vladimir Putin; Kim Jong Un"),
        "{}",
        &record[1]
    );
}

#[test]
fn entities_command_counts_only_the_current_version_of_an_article() {
    let workspace = Workspace::new();
    let article = |body: &str| {
        format!(r#"{{"id": "a1", "title": "Kunjungan kerja", "body": "{body}"}}"#) + "\n"
    };
    let other = r#"{"id": "b1", "title": "Rapat", "body": "Presiden Joko Widodo membuka rapat di Jakarta."}"#;
    let file = workspace.write(
        "news/a.jsonl",
        article("Presiden Joko Widodo meninjau Bandung. Joko Widodo kembali esok."),
    );
    workspace.write("news/b.jsonl", format!("{other}\n"));
    let folder = workspace.path().join("news");
    workspace
        .run(&["ingest", folder.to_str().unwrap()])
        .expect_code(0);
    let count_of = |name: &str| {
        let run = workspace
            .run(&["entities", "--format", "jsonl"])
            .expect_code(0);
        run.jsonl()
            .into_iter()
            .find(|row| row["name"] == name)
            .map(|row| (row["documents"].as_u64(), row["mentions"].as_u64()))
    };
    assert_eq!(count_of("Joko Widodo"), Some((Some(2), Some(3))));
    std::fs::write(
        &file,
        article("Menteri Sri Mulyani Indrawati meninjau Bandung."),
    )
    .unwrap();
    workspace
        .run(&["ingest", folder.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(count_of("Joko Widodo"), Some((Some(1), Some(1))));
    assert_eq!(count_of("Sri Mulyani Indrawati"), Some((Some(1), Some(1))));
    assert_eq!(count_of("Bandung"), Some((Some(1), Some(1))));
}
