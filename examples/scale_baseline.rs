//! Plain-tantivy baseline for the scale benchmark (scripts/scale/run.sh).
//!
//! ```sh
//! cargo run --release --example scale_baseline -- ARTICLES.jsonl INDEX_DIR [--memory MB]
//!     [--threads 2] [--queries QUERIES.tsv]
//! ```
//!
//! Indexes the same JSON Lines warta ingests into a fresh plain tantivy index (title, body
//! `TEXT | STORED` with tantivy's default tokenizer; id `STRING | STORED`; no entities, no
//! language detection), reading and parsing on the calling thread and indexing with `--threads`
//! writer threads and the same memory budget, then commits and waits for merges. With
//! `--delete-by-id` it deletes each id before adding it, as an upsert does (to measure what the
//! delete queue costs). With `--queries` (`qid<TAB>query` per line) it then runs each query through tantivy's
//! `QueryParser` on title and body (conjunction by default, like warta's AND), top 10, once
//! to warm up and once measured, and prints p50/p99. Output: `key=value` lines.
use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::time::Instant;

use serde::Deserialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{STORED, STRING, Schema, TEXT};
use tantivy::{Index, IndexWriter, TantivyDocument, doc};

#[derive(Deserialize)]
struct Record {
    id: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut memory_mb = 300usize;
    let mut threads = 2usize;
    let mut queries: Option<PathBuf> = None;
    let mut delete_by_id = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--memory" => memory_mb = args.next().expect("--memory MB").parse()?,
            "--threads" => threads = args.next().expect("--threads N").parse()?,
            "--queries" => queries = Some(args.next().expect("--queries FILE").into()),
            "--delete-by-id" => delete_by_id = true,
            _ => positional.push(arg),
        }
    }
    let [input, dir] = positional.as_slice() else {
        anyhow::bail!(
            "usage: scale_baseline ARTICLES.jsonl INDEX_DIR [--memory MB] [--threads N] [--queries FILE]"
        );
    };
    let dir = PathBuf::from(dir);
    if dir.exists() {
        std::fs::remove_dir_all(&dir)?;
    }
    std::fs::create_dir_all(&dir)?;

    let mut builder = Schema::builder();
    let id = builder.add_text_field("id", STRING | STORED);
    let title = builder.add_text_field("title", TEXT | STORED);
    let body = builder.add_text_field("body", TEXT | STORED);
    let schema = builder.build();
    let index = Index::create_in_dir(&dir, schema)?;

    let started = Instant::now();
    let mut writer: IndexWriter<TantivyDocument> =
        index.writer_with_num_threads(threads, memory_mb * 1_000_000)?;
    let reader = BufReader::with_capacity(1 << 20, File::open(input)?);
    let mut docs = 0u64;
    let mut bytes = 0u64;
    for line in reader.lines() {
        let line = line?;
        bytes += line.len() as u64 + 1;
        if line.trim().is_empty() {
            continue;
        }
        let r: Record = serde_json::from_str(&line)?;
        if delete_by_id {
            // What an upsert does (warta's ArchiveWriter::upsert): delete the id, then add.
            writer.delete_term(tantivy::Term::from_field_text(id, &r.id));
        }
        writer.add_document(doc!(id => r.id, title => r.title, body => r.body))?;
        docs += 1;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    let secs = started.elapsed().as_secs_f64();
    let size: u64 = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok()?.metadata().ok())
        .map(|m| m.len())
        .sum();
    println!("baseline_docs={docs}");
    println!("baseline_input_bytes={bytes}");
    println!("baseline_ingest_s={secs:.3}");
    println!("baseline_docs_per_s={:.0}", docs as f64 / secs);
    println!("baseline_mb_per_s={:.1}", bytes as f64 / 1e6 / secs);
    println!("baseline_index_bytes={size}");
    println!("baseline_threads={threads}");
    println!("baseline_memory_mb={memory_mb}");
    println!("baseline_delete_by_id={delete_by_id}");

    if let Some(path) = queries {
        let index = Index::open_in_dir(&dir)?;
        let reader = index.reader()?;
        let searcher = reader.searcher();
        let mut parser = QueryParser::for_index(&index, vec![title, body]);
        parser.set_conjunction_by_default();
        let mut lines = Vec::new();
        for line in BufReader::new(File::open(path)?).lines() {
            let line = line?;
            let q = line
                .split_once('\t')
                .map_or(line.as_str(), |(_, q)| q)
                .to_string();
            if !q.trim().is_empty() {
                lines.push(q);
            }
        }
        let mut times = Vec::new();
        let mut hits = 0usize;
        for round in 0..2 {
            for q in &lines {
                let t = Instant::now();
                let (query, _errors) = parser.parse_query_lenient(q);
                let (top, count) =
                    searcher.search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
                for (_, address) in &top {
                    let _doc: TantivyDocument = searcher.doc(*address)?;
                }
                if round == 1 {
                    times.push(t.elapsed().as_secs_f64() * 1000.0);
                    hits += count;
                }
            }
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let mean = times.iter().sum::<f64>() / times.len().max(1) as f64;
        println!("baseline_queries={}", times.len());
        println!("baseline_search_p50_ms={:.3}", percentile(&times, 50.0));
        println!("baseline_search_p99_ms={:.3}", percentile(&times, 99.0));
        println!("baseline_search_mean_ms={mean:.3}");
        println!("baseline_search_total_hits={hits}");
    }
    Ok(())
}
