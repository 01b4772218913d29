//! Export: every hit, CSV/JSON/JSONL, field selection.

use crate::util::Workspace;

#[test]
fn export_writes_every_hit_not_a_top_ten() {
    let workspace = Workspace::with_corpus();
    let search = workspace.run(&["search", "jakarta", "--format", "jsonl"]);
    assert_eq!(search.ids().len(), 10);
    let total = workspace.search_ids(&["jakarta"]).len();
    assert!(total > 10);
    let run = workspace
        .run(&["export", "jakarta", "--format", "jsonl"])
        .expect_code(0);
    assert_eq!(run.ids(), workspace.search_ids(&["jakarta"]));
}

#[test]
fn exported_hits_carry_their_own_articles_in_rank_order() {
    // Export fetches articles on several threads and writes them in rank
    // order: each hit must still carry its own title, date and entities.
    let workspace = Workspace::with_corpus();
    let fields = |hit: &serde_json::Value| {
        ["id", "title", "date", "entities"].map(|field| hit[field].to_string())
    };
    let query = "indonesia jakarta presiden rusia pemerintah";
    let search = workspace.run(&[
        "search", query, "--any", "--format", "jsonl", "--limit", "1000",
    ]);
    let searched: Vec<_> = search.jsonl().iter().map(fields).collect();
    assert!(searched.len() > 20, "{}", searched.len());
    let export = workspace
        .run(&["export", query, "--any", "--format", "jsonl"])
        .expect_code(0);
    let exported: Vec<_> = export.jsonl().iter().map(fields).collect();
    assert_eq!(exported, searched);
}

#[test]
fn empty_query_with_filter_exports_all_matching_articles() {
    let workspace = Workspace::with_corpus();
    let run = workspace
        .run(&["export", "--tag", "Korea Utara", "--format", "json"])
        .expect_code(0);
    let hits: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(hits.len(), 5);
    let run = workspace
        .run(&["export", "--format", "json"])
        .expect_code(2);
    assert!(
        run.stderr.starts_with("warta: empty query"),
        "{}",
        run.stderr
    );
}

#[test]
fn csv_round_trips_quotes_commas_newlines_and_lists() {
    let workspace = Workspace::with_corpus();
    let output = workspace.path().join("out.csv");
    let run = workspace
        .run(&[
            "export",
            "--source",
            "Harian Fiktif",
            "--format",
            "csv",
            "--fields",
            "id,title,tags,body",
            "--output",
            output.to_str().unwrap(),
        ])
        .expect_code(0);
    let mut reader = csv::Reader::from_path(&output).unwrap();
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(
        run.stderr
            .contains(&format!("wrote {} hits", records.len())),
        "{}",
        run.stderr
    );
    assert!(records.len() >= 9, "{}", records.len());
    let record = records
        .iter()
        .find(|record| &record[0] == "hf-2024-0002")
        .unwrap();
    assert_eq!(
        &record[1],
        "Ketua KPPS: \"Pemilu 2024 Harus Jujur\", Logistik Tiba Tepat Waktu"
    );
    assert!(
        record[2].contains("; "),
        "lists are joined with '; ': {}",
        &record[2]
    );
    let shown = workspace.run(&["show", "hf-2024-0002", "--format", "json"]);
    let article: serde_json::Value = serde_json::from_str(&shown.stdout).unwrap();
    assert_eq!(
        &record[3],
        article["body"].as_str().unwrap(),
        "the full text survives"
    );
    assert!(record[3].contains('\n'));
    python_reads_the_same(&output, &records);
}

/// Reads the CSV with Python's csv module, when Python is there, and compares.
fn python_reads_the_same(path: &std::path::Path, records: &[csv::StringRecord]) {
    let script = "import csv, json, sys\nrows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))\nprint(json.dumps(rows[1:]))";
    let Ok(output) = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
    else {
        eprintln!("python3 not found; skipping the Python round trip");
        return;
    };
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let rows: Vec<Vec<String>> = serde_json::from_slice(&output.stdout).unwrap();
    let expected: Vec<Vec<String>> = records
        .iter()
        .map(|record| record.iter().map(str::to_owned).collect())
        .collect();
    assert_eq!(rows, expected);
}

#[test]
fn sort_by_date_and_field_selection() {
    let workspace = Workspace::with_corpus();
    let run = workspace
        .run(&[
            "export", "--tag", "politik", "--sort", "date", "--format", "jsonl", "--fields",
            "id,date",
        ])
        .expect_code(0);
    let hits = run.jsonl();
    assert_eq!(hits.len(), 10);
    for line in run.stdout.lines() {
        assert!(
            line.starts_with("{\"id\":"),
            "fields in the order asked: {line}"
        );
        assert_eq!(
            line.matches("\":").count(),
            2,
            "only the fields asked: {line}"
        );
    }
    let dates: Vec<&str> = hits.iter().filter_map(|hit| hit["date"].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    let run = workspace
        .run(&["export", "x", "--fields", "id,nope"])
        .expect_code(2);
    assert!(
        run.stderr.contains("unknown field 'nope'"),
        "{}",
        run.stderr
    );
}
