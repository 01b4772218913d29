//! Measures extraction speed over the news corpus (JSON Lines with `title` and `body`).
//!
//! Usage: `cargo run --release --example entity_speed -- [CORPUS_DIR]` (defaults to
//! `../shared/corpus`). Articles are loaded first; only `EntityExtractor::extract` is timed,
//! single-threaded. Prints MB/s of title+body text and articles/s, and the most frequent entities.

use std::collections::HashMap;
use std::time::Instant;
use warta::entities::EntityExtractor;

/// The allocator of the `warta` binary (see `src/main.rs`), so that the
/// extractor's allocations cost here what they cost at ingest.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpus".to_string());
    let mut articles: Vec<(String, String)> = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    paths.sort();
    for path in paths {
        let data = std::fs::read_to_string(&path).expect("read");
        for line in data.lines().filter(|l| !l.trim().is_empty()) {
            let v: serde_json::Value = serde_json::from_str(line).expect("json");
            let get = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
            articles.push((get("title"), get("body")));
        }
    }
    let bytes: usize = articles.iter().map(|(t, b)| t.len() + b.len()).sum();
    let t0 = Instant::now();
    let ex = EntityExtractor::new();
    let build = t0.elapsed();
    let mut freq: HashMap<(String, &'static str), u64> = HashMap::new();
    let mut total = 0usize;
    let mut best = f64::MAX;
    for round in 0..3 {
        let t = Instant::now();
        for (title, body) in &articles {
            let ents = ex.extract(title, body);
            total += ents.len();
            if round == 0 {
                for e in ents {
                    *freq.entry((e.name, e.kind.code())).or_insert(0) += u64::from(e.count);
                }
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    println!("extractor build: {:.1} ms", build.as_secs_f64() * 1e3);
    println!(
        "{} articles, {:.1} MB title+body; best of 3 runs: {:.2} s = {:.1} MB/s, {:.0} articles/s ({} entities/run)",
        articles.len(),
        bytes as f64 / 1e6,
        best,
        bytes as f64 / 1e6 / best,
        articles.len() as f64 / best,
        total / 3
    );
    let mut top: Vec<_> = freq.into_iter().collect();
    top.sort_by_key(|b| std::cmp::Reverse(b.1));
    for ((name, kind), n) in top.iter().take(60) {
        println!("{n:>7} {kind} {name}");
    }
}
