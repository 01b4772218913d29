//! Property tests with hostile input: the readers and the query parser never
//! panic or hang, whatever bytes or query text they get.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use warta::archive::{Archive, ArchiveWriter};
use warta::article::Article;
use warta::entities::EntityExtractor;
use warta::ingest::{ReadEvent, enrich, read_csv, read_json, read_json_lines, read_text};
use warta::search::{ExportText, Filters, Operator, QueryPlan, SortOrder, export, search};

/// A runner of `cases` cases that writes no regression files.
fn runner(cases: u32) -> TestRunner {
    TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Checks what a reader reported for `input`: every article has a title or
/// a body, and every line number lies within the input.
fn check_events(input: &[u8], events: &[ReadEvent]) -> Result<(), TestCaseError> {
    let last_line = 1 + input.iter().filter(|&&b| b == b'\n').count() as u64;
    for event in events {
        let line = match event {
            ReadEvent::Article { line, article, .. } => {
                prop_assert!(
                    !article.title.trim().is_empty() || !article.body.trim().is_empty(),
                    "an article without title and body: {article:?}"
                );
                Some(*line)
            }
            ReadEvent::Warning { line, .. } => *line,
            ReadEvent::Failed(err) => err.line,
        };
        if let Some(line) = line {
            prop_assert!(
                (1..=last_line).contains(&line),
                "line {line} of {last_line}: {event:?}"
            );
        }
    }
    Ok(())
}

/// A reader run on fixed input, reporting to the sink it is given.
type Reader<'a> = &'a dyn Fn(&mut dyn FnMut(ReadEvent));

/// Runs all four readers on `input`.
fn read_all_formats(input: &[u8]) -> Result<(), TestCaseError> {
    let text = String::from_utf8_lossy(input);
    let readers: [Reader; 4] = [
        &|sink| drop(read_text(&text, sink)),
        &|sink| drop(read_json(&text, sink)),
        &|sink| drop(read_json_lines(input, sink)),
        &|sink| drop(read_csv(input, sink)),
    ];
    for read in readers {
        let mut events = Vec::new();
        read(&mut |event| events.push(event));
        check_events(input, &events)?;
    }
    Ok(())
}

/// Bytes that look like article files: JSON and CSV punctuation, header
/// words, field names, newlines, quotes, escapes, NUL and non-ASCII.
fn article_like_bytes() -> impl Strategy<Value = Vec<u8>> {
    let pieces = prop_oneof![
        Just(b"{".to_vec()),
        Just(b"}".to_vec()),
        Just(b"[".to_vec()),
        Just(b"]".to_vec()),
        Just(b"\"".to_vec()),
        Just(b"\\".to_vec()),
        Just(b",".to_vec()),
        Just(b";".to_vec()),
        Just(b":".to_vec()),
        Just(b"\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b" ".to_vec()),
        Just(b"\0".to_vec()),
        Just(b"\xEF\xBB\xBF".to_vec()),
        Just(b"\xff\xfe".to_vec()),
        Just("é\u{202E}\u{200B}".as_bytes().to_vec()),
        Just(b"\"title\"".to_vec()),
        Just(b"\"body\"".to_vec()),
        Just(b"\"tags\"".to_vec()),
        Just(b"\"date\"".to_vec()),
        Just(b"title,body,tags,date\n".to_vec()),
        Just(b"Title: ".to_vec()),
        Just(b"Date: ".to_vec()),
        Just(b"Tags : ".to_vec()),
        Just(b"EKONOMI - ".to_vec()),
        Just(b"2023-09-13".to_vec()),
        Just(b"13/09/2023 10:00 WIB".to_vec()),
        Just(b"-1e999".to_vec()),
        Just(b"null".to_vec()),
        "[a-zA-Z0-9 .]{1,12}".prop_map(String::into_bytes),
    ];
    prop::collection::vec(pieces, 0..60).prop_map(|pieces| pieces.concat())
}

/// One JSON value of any shape, nested up to a few levels.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        ".{0,30}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 20, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|map| serde_json::Value::Object(map.into_iter().collect())),
        ]
    })
}

/// An article object with known and unknown keys and values of any type.
fn json_article() -> impl Strategy<Value = serde_json::Value> {
    let key = prop_oneof![
        Just("id".to_owned()),
        Just("url".to_owned()),
        Just("title".to_owned()),
        Just("Title".to_owned()),
        Just("body".to_owned()),
        Just("content".to_owned()),
        Just("date".to_owned()),
        Just("published_at".to_owned()),
        Just("tags".to_owned()),
        Just("keywords".to_owned()),
        Just("category".to_owned()),
        Just("source".to_owned()),
        ".{0,8}",
    ];
    prop::collection::btree_map(key, json_value(), 0..8)
        .prop_map(|map| serde_json::Value::Object(map.into_iter().collect()))
}

#[test]
fn readers_survive_arbitrary_bytes() {
    runner(1_000)
        .run(&prop::collection::vec(any::<u8>(), 0..2_000), |input| {
            read_all_formats(&input)
        })
        .unwrap();
}

#[test]
fn readers_survive_article_like_bytes() {
    runner(2_000)
        .run(&article_like_bytes(), |input| read_all_formats(&input))
        .unwrap();
}

#[test]
fn readers_survive_article_objects_of_any_shape() {
    let articles = prop::collection::vec(json_article(), 1..5);
    runner(1_000)
        .run(&articles, |articles| {
            let lines: Vec<String> = articles.iter().map(|a| a.to_string()).collect();
            let jsonl = lines.join("\n");
            let array = serde_json::Value::from(articles.clone()).to_string();
            read_all_formats(jsonl.as_bytes())?;
            read_all_formats(array.as_bytes())?;
            // Every object with a non-blank string title is read as an article.
            let titled = articles
                .iter()
                .filter(|a| a["title"].as_str().is_some_and(|t| !t.trim().is_empty()))
                .count();
            for input in [&jsonl, &array] {
                let mut read = 0;
                let reader = if input == &jsonl {
                    read_json_lines(input.as_bytes(), &mut |event| {
                        read += usize::from(matches!(event, ReadEvent::Article { .. }))
                    })
                } else {
                    read_json(input, &mut |event| {
                        read += usize::from(matches!(event, ReadEvent::Article { .. }))
                    })
                };
                drop(reader);
                prop_assert!(read >= titled, "{read} read, {titled} titled: {input}");
            }
            // The same records as CSV cells.
            let mut csv = csv::Writer::from_writer(Vec::new());
            csv.write_record(["id", "title", "body", "tags", "date"])
                .unwrap();
            for article in &articles {
                let cell = |key: &str| match &article[key] {
                    serde_json::Value::String(text) => text.clone(),
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                };
                csv.write_record(["id", "title", "body", "tags", "date"].map(cell))
                    .unwrap();
            }
            read_all_formats(&csv.into_inner().unwrap())
        })
        .unwrap();
}

/// A small index in a temporary folder, for the query fuzzers.
fn small_archive() -> (tempfile::TempDir, Archive) {
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open_or_create(&dir.path().join("index"), None).unwrap();
    let mut writer = ArchiveWriter::new(&archive, 20_000_000).unwrap();
    let extractor = EntityExtractor::new();
    let texts = [
        (
            "Putin bertemu Kim Jong Un di Vostochny",
            "Presiden Rusia Vladimir Putin menerima Kim Jong Un di kosmodrom Vostochny.",
            vec!["Korea Utara", "Rusia"],
        ),
        (
            "Harga beras naik",
            "Harga beras premium naik di pasar tradisional Jakarta, kata pedagang.",
            vec!["Ekonomi"],
        ),
        (
            "Floods hit Jakarta",
            "Heavy rain flooded parts of Jakarta on Tuesday, officials said.",
            vec!["Banjir", "Jakarta"],
        ),
    ];
    for (n, (title, body, tags)) in texts.into_iter().enumerate() {
        let mut article = Article {
            title: title.into(),
            body: body.into(),
            tags: tags.into_iter().map(String::from).collect(),
            ..Article::default()
        };
        enrich(&mut article, Some(&extractor));
        writer
            .upsert(&article, &format!("a{n}"), "/fuzz/a.jsonl", "hash")
            .unwrap();
    }
    writer.finish().unwrap();
    (dir, archive)
}

/// Query text full of the parser's syntax.
fn query_like_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[a-zA-Z]{1,8}",
        Just("putin".to_owned()),
        Just("harga".to_owned()),
        Just(" ".to_owned()),
        Just("\"".to_owned()),
        Just("(".to_owned()),
        Just(")".to_owned()),
        Just("[".to_owned()),
        Just("]".to_owned()),
        Just("{".to_owned()),
        Just("}".to_owned()),
        Just("*".to_owned()),
        Just("-".to_owned()),
        Just("+".to_owned()),
        Just("^".to_owned()),
        Just("~".to_owned()),
        Just(":".to_owned()),
        Just("\\".to_owned()),
        Just("!".to_owned()),
        Just(" AND ".to_owned()),
        Just(" OR ".to_owned()),
        Just(" NOT ".to_owned()),
        Just(" TO ".to_owned()),
        Just("title:".to_owned()),
        Just("body:".to_owned()),
        Just("tag:".to_owned()),
        Just("entity:".to_owned()),
        Just("nosuchfield:".to_owned()),
        Just("2.5".to_owned()),
        Just("\u{202E}".to_owned()),
        Just("\0".to_owned()),
    ];
    prop::collection::vec(pieces, 0..20).prop_map(|pieces| pieces.concat())
}

/// Runs `plan` as a search and as an export; neither may panic, and what
/// they find must agree.
fn search_and_export(archive: &Archive, plan: &QueryPlan) -> Result<(), TestCaseError> {
    let results = search(archive, plan);
    let mut exported = 0usize;
    let summary = export(archive, plan, ExportText::BodyAndSnippet, &mut |_| {
        exported += 1;
        Ok(())
    });
    match (results, summary) {
        (Ok(results), Ok(summary)) => {
            prop_assert!(results.hits.len() <= results.total.min(plan.limit));
            prop_assert_eq!(results.total, summary.written);
            prop_assert_eq!(summary.written, exported);
        }
        (Err(_), Err(_)) => {}
        (results, summary) => prop_assert!(
            false,
            "search and export disagree: {:?} / {:?}",
            results.map(|r| r.total),
            summary.map(|s| s.written)
        ),
    }
    Ok(())
}

#[test]
fn query_parser_survives_any_query() {
    let (_dir, archive) = small_archive();
    let queries = prop_oneof![any::<String>(), query_like_text()];
    let options = (queries, any::<bool>(), any::<bool>());
    runner(1_500)
        .run(&options, |(text, any_word, by_date)| {
            let plan = QueryPlan {
                text,
                operator: if any_word {
                    Operator::Any
                } else {
                    Operator::All
                },
                sort: if by_date {
                    SortOrder::Date
                } else {
                    SortOrder::Score
                },
                ..QueryPlan::default()
            };
            search_and_export(&archive, &plan)
        })
        .unwrap();
}

#[test]
fn filters_survive_any_tag_and_entity() {
    let (_dir, archive) = small_archive();
    let values = prop::collection::vec(prop_oneof![any::<String>(), query_like_text()], 0..3);
    let options = (values.clone(), values, prop_oneof![Just(""), Just("putin")]);
    runner(500)
        .run(&options, |(tags, entities, text)| {
            let plan = QueryPlan {
                text: text.to_owned(),
                filters: Filters {
                    tags,
                    entities,
                    ..Filters::default()
                },
                ..QueryPlan::default()
            };
            search_and_export(&archive, &plan)
        })
        .unwrap();
}
