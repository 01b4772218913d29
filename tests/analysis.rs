//! Indonesian analysis seen from the command line: stemming in search,
//! stopwords, English articles, `warta analyze`, `warta reindex`.

use crate::util::Workspace;

const KIM_PUTIN: &str = "kim-putin-vostochny.txt";

#[test]
fn another_word_form_finds_the_article() {
    let workspace = Workspace::with_corpus();
    // Only kn-2023-0007 and the Kim–Putin report say `mengembangkan`.
    let run = workspace
        .run(&["search", "pengembangan", "--format", "jsonl"])
        .expect_code(0);
    let hits = run.jsonl();
    assert_eq!(hits.len(), 2, "{}", run.stdout);
    assert_eq!(hits[0]["id"], "kn-2023-0007");
    assert!(hits[1]["path"].as_str().unwrap().ends_with(KIM_PUTIN));
    assert!(
        hits[0]["snippet"]
            .as_str()
            .unwrap()
            .contains("mengembangkan")
    );
    // The forest-fire article says `membakar` and `terbakar`, never `pembakaran`.
    let run = workspace
        .run(&["search", "pembakaran hutan", "--format", "jsonl"])
        .expect_code(0);
    let first = &run.jsonl()[0];
    assert!(
        first["path"]
            .as_str()
            .unwrap()
            .ends_with("lingkungan-karhutla-riau.txt"),
        "{first}"
    );
}

#[test]
fn exact_words_rank_above_stem_only_matches() {
    let workspace = Workspace::new();
    let path = workspace.write(
        "in/a.jsonl",
        concat!(
            r#"{"id": "exact", "title": "Kabar desa", "body": "Warga menolak pembangunan pabrik di desa itu."}"#,
            "\n",
            r#"{"id": "stem", "title": "Kabar kota", "body": "Warga menolak rencana membangun pabrik di kota itu."}"#,
            "\n"
        ),
    );
    workspace
        .run(&["ingest", path.to_str().unwrap()])
        .expect_code(0);
    assert_eq!(workspace.search_ids(&["pembangunan"]), ["exact", "stem"]);
    assert_eq!(workspace.search_ids(&["membangun"]), ["stem", "exact"]);
}

#[test]
fn phrases_match_as_written_or_by_root_across_stopword_gaps() {
    let workspace = Workspace::new();
    let path = workspace.write(
        "in/a.jsonl",
        concat!(
            r#"{"id": "exact", "title": "Kabar desa", "body": "Warga menolak pembangunan jalan tol di desa."}"#,
            "\n",
            r#"{"id": "form", "title": "Kabar kota", "body": "Warga menolak rencana membangun jalan tol baru."}"#,
            "\n",
            r#"{"id": "apart", "title": "Kabar lain", "body": "Pembangunan gedung dan perbaikan jalan desa."}"#,
            "\n",
            r#"{"id": "dari", "title": "Kunjungan", "body": "Presiden dari Rusia tiba di bandara."}"#,
            "\n",
            r#"{"id": "ke", "title": "Lawatan", "body": "Presiden ke Rusia pekan depan."}"#,
            "\n",
            r#"{"id": "nogap", "title": "Pernyataan", "body": "Presiden Rusia berbicara."}"#,
            "\n"
        ),
    );
    workspace
        .run(&["ingest", path.to_str().unwrap()])
        .expect_code(0);
    // As written first, then another form of the same roots; never words apart.
    assert_eq!(
        workspace.search_ids(&["\"pembangunan jalan\""]),
        ["exact", "form"]
    );
    // A stopword is not indexed: it leaves a gap that any word fills.
    let mut gap = workspace.search_ids(&["\"presiden dari rusia\""]);
    gap.sort();
    assert_eq!(gap, ["dari", "ke"]);
}

#[test]
fn stopword_only_query_gets_a_clear_message() {
    let workspace = Workspace::with_corpus();
    let run = workspace.run(&["search", "yang"]).expect_code(2);
    assert_eq!(
        run.stderr,
        "warta: 'yang' has only stopwords, which warta does not index (they occur in \
         nearly every article); add a content word\n"
    );
    // Negations are not stopwords: `tidak setuju` finds the debate article only.
    let run = workspace
        .run(&["search", "tidak setuju", "--format", "jsonl"])
        .expect_code(0);
    let hits = run.jsonl();
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("politik-debat-perdana-capres.txt")
    );
}

#[test]
fn phrases_find_the_report_as_written_and_in_another_form() {
    let workspace = Workspace::with_corpus();
    let run = workspace.run(&[
        "search",
        "\"pusat ruang angkasa Vostochny\"",
        "--format",
        "jsonl",
    ]);
    assert_eq!(run.jsonl().len(), 1, "{}", run.stdout);
    // A phrase in another word form matches through the stems.
    let run = workspace.run(&["search", "\"pengembangan satelit\"", "--format", "jsonl"]);
    assert!(
        run.jsonl()[0]["path"]
            .as_str()
            .unwrap()
            .ends_with(KIM_PUTIN),
        "{}",
        run.stdout
    );
}

#[test]
fn english_articles_are_detected_and_stemmed_in_english() {
    let workspace = Workspace::with_corpus();
    // `gw-2023-0201` says "win"/"beat"; the query's inflected form finds it.
    let hits = workspace.search_ids(&["winning"]);
    assert!(hits.contains(&"gw-2023-0201".to_owned()), "{hits:?}");
    let run = workspace
        .run(&["show", "gw-2023-0201", "--format", "json"])
        .expect_code(0);
    assert!(run.stdout.contains("Women"), "{}", run.stdout);
    // An Indonesian query does not find English articles through English stems.
    for id in workspace.search_ids(&["pemilu"]) {
        assert!(!id.starts_with("gw-"), "{id}");
    }
}

#[test]
fn analyze_prints_stems_explanations_and_reads_stdin() {
    let workspace = Workspace::new();
    let run = workspace
        .run(&[
            "analyze",
            "Mengembangkan dikembangkan pengembangan yang Menteri batasan-batasan",
        ])
        .expect_code(0);
    assert_eq!(run.stdout, "kembang\nkembang\nkembang\nmenteri\nbatas\n");
    let run = workspace
        .run(&["analyze", "--explain", "mengembangkan yang kuambil"])
        .expect_code(0);
    assert_eq!(
        run.stdout,
        "mengembangkan -> kembang (meng-, -kan)\nyang -> (stopword)\nkuambil -> ambil (ku-)\n"
    );
    let output = workspace
        .command()
        .args(["analyze"])
        .write_stdin("mengatakan\nyang\nberita\n")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&output.stdout), "kata\n\nberita\n");
    let run = workspace
        .run(&["analyze", "--lang", "en", "The elections"])
        .expect_code(0);
    assert_eq!(run.stdout, "elect\n");
}

#[test]
fn other_stopwords_are_detected_and_reindex_applies_them() {
    let workspace = Workspace::with_corpus();
    let list = workspace.write("stop.txt", "yang\ndan\nsatelit\n");
    let input = crate::util::corpus();
    let run = workspace
        .run(&[
            "ingest",
            "--stopwords",
            list.to_str().unwrap(),
            input.to_str().unwrap(),
        ])
        .expect_code(2);
    assert!(run.stderr.contains("run `warta reindex`"), "{}", run.stderr);
    let run = workspace
        .run(&["reindex", "--stopwords", list.to_str().unwrap()])
        .expect_code(0);
    assert!(
        run.stdout.starts_with("reindexed 40 articles"),
        "{}",
        run.stdout
    );
    let run = workspace.run(&["analyze", "satelit"]).expect_code(0);
    assert_eq!(run.stdout, "", "the index's own list applies to analyze");
    // Searches still work and ingest accepts the index as it now is.
    assert!(!workspace.search_ids(&["vostochny"]).is_empty());
    let run = workspace
        .run(&["ingest", input.to_str().unwrap()])
        .expect_code(0);
    assert!(run.stdout.contains("40 unchanged"), "{}", run.stdout);
}
