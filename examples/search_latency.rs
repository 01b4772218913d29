//! Measures search latency in process: p50 and p99 of `warta::search::search`
//! over a query file, each query run several times on one opened index.
//!
//! ```sh
//! cargo build --release && target/release/warta --index target/bench/index ingest ../shared/corpus
//! python3 scripts/bench/make-queries.py ../shared/corpus target/bench/queries.tsv
//! cargo run --release --example search_latency -- target/bench/index target/bench/queries.tsv [RUNS]
//! ```
//!
//! The query file has one query per line, tab-separated: `shape text tag since until sort`
//! (empty columns are unset; `sort` is `date` or empty for score). The index is opened once,
//! every query runs once to warm up, then the whole list runs RUNS times (default 5); the
//! percentiles are over all timed runs. Each run is a complete `search` call: reader, query
//! building, top 10 hits, stored documents and snippets.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::NaiveDate;
use warta::archive::Archive;
use warta::search::{Filters, QueryPlan, SortOrder, search};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(index), Some(queries)) = (args.first(), args.get(1)) else {
        bail!("usage: search_latency INDEX_DIR QUERIES.tsv [RUNS]");
    };
    let runs: usize = match args.get(2) {
        Some(text) => text.parse().context("RUNS must be a number")?,
        None => 5,
    };
    let mut plans = read_queries(&PathBuf::from(queries))?;
    let archive = Archive::open(&PathBuf::from(index))
        .with_context(|| format!("cannot open the index {index} (build it with warta ingest)"))?;

    // Warm-up: one run of each query; a query warta refuses is reported and dropped.
    let mut hits_per_query = Vec::with_capacity(plans.len());
    plans.retain(|(shape, plan)| match search(&archive, plan) {
        Ok(results) => {
            hits_per_query.push(results.total);
            true
        }
        Err(err) => {
            eprintln!("dropped {shape} query {:?}: {err}", plan.text);
            false
        }
    });
    if plans.is_empty() {
        bail!("every query failed");
    }
    let mut timings: Vec<(Duration, usize)> = Vec::with_capacity(plans.len() * runs);
    for _ in 0..runs {
        for (number, (_, plan)) in plans.iter().enumerate() {
            let start = Instant::now();
            let results = search(&archive, plan)?;
            timings.push((start.elapsed(), number));
            std::hint::black_box(results);
        }
    }
    timings.sort();
    let percentile = |p: f64| {
        let rank = ((p / 100.0) * timings.len() as f64).ceil() as usize;
        timings[rank.clamp(1, timings.len()) - 1].0
    };
    let ms = |duration: Duration| format!("{:.2} ms", duration.as_secs_f64() * 1e3);
    let (slowest, slowest_query) = timings[timings.len() - 1];
    println!("queries\t{}", plans.len());
    println!("runs\t{runs}");
    println!(
        "zero-hit queries\t{}",
        hits_per_query.iter().filter(|&&n| n == 0).count()
    );
    println!("p50\t{}", ms(percentile(50.0)));
    println!("p90\t{}", ms(percentile(90.0)));
    println!("p99\t{}", ms(percentile(99.0)));
    println!(
        "max\t{} ({}: {:?}, {} hits)",
        ms(slowest),
        plans[slowest_query].0,
        plans[slowest_query].1.text,
        hits_per_query[slowest_query]
    );
    Ok(())
}

/// Reads the query file into (shape, plan) pairs.
fn read_queries(path: &PathBuf) -> anyhow::Result<Vec<(String, QueryPlan)>> {
    let text = std::fs::read_to_string(path).with_context(|| {
        format!(
            "cannot read {} (make it with make-queries.py)",
            path.display()
        )
    })?;
    let day = |value: &str| -> anyhow::Result<Option<NaiveDate>> {
        if value.is_empty() {
            return Ok(None);
        }
        Ok(Some(
            NaiveDate::parse_from_str(value, "%Y-%m-%d")
                .with_context(|| format!("bad day {value}"))?,
        ))
    };
    let mut plans = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let columns: Vec<&str> = line.split('\t').collect();
        let [shape, query, tag, since, until, sort] = columns[..] else {
            bail!(
                "{}:{}: expected 6 tab-separated columns",
                path.display(),
                number + 1
            );
        };
        let plan = QueryPlan {
            text: query.to_string(),
            filters: Filters {
                tags: if tag.is_empty() {
                    Vec::new()
                } else {
                    vec![tag.to_string()]
                },
                since: day(since)?,
                until: day(until)?,
                ..Filters::default()
            },
            sort: if sort == "date" {
                SortOrder::Date
            } else {
                SortOrder::Score
            },
            ..QueryPlan::default()
        };
        plans.push((shape.to_string(), plan));
    }
    if plans.is_empty() {
        bail!("{} holds no query", path.display());
    }
    Ok(plans)
}
