//! Measures what named entities cost at ingest, as issue 4 asks ("entity
//! extraction may add at most 30% to ingest time"): warta's real ingest of a
//! folder, with and without entities, alternating, in one process.
//!
//! ```sh
//! cargo run --release --example entity_cost -- ../shared/corpus [RUNS] [with|without]
//! ```
//!
//! Each run ingests the folder into a fresh index in a temporary folder with the
//! defaults of `warta ingest` (reading, parsing, language detection, analysis,
//! commits); the only difference between the sides is
//! `IngestOptions::extract_entities`, which skips the extractor and so the
//! entity fields. The sides alternate RUNS times (default 5); the medians of
//! wall and CPU time (all threads) and their ratios are printed. Naming one
//! side runs only that side, for a profiler (`perf record`) to compare.
//!
//! The added CPU is then split in two: the extractor alone, run over the same
//! articles on one thread (median of three passes), and the rest, which is
//! storing and indexing the entity fields.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use warta::archive::Archive;
use warta::entities::EntityExtractor;
use warta::ingest::{IngestOptions, SilentMonitor, ingest};

#[path = "bench_common/mod.rs"]
mod bench_common;

use bench_common::{cpu_seconds, median, read_corpus};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Wall and CPU seconds of one ingest of `corpus` into a fresh index.
fn ingest_once(corpus: &PathBuf, extract_entities: bool) -> anyhow::Result<(f64, f64)> {
    let folder = tempfile::tempdir()?;
    let archive = Archive::open_or_create(&folder.path().join("index"), None)?;
    let options = IngestOptions {
        extract_entities,
        ..IngestOptions::default()
    };
    let cpu_before = cpu_seconds().unwrap_or(0.0);
    let started = Instant::now();
    let report = ingest(
        &archive,
        std::slice::from_ref(corpus),
        &options,
        &mut SilentMonitor,
    )?;
    let wall = started.elapsed().as_secs_f64();
    let cpu = cpu_seconds().unwrap_or(0.0) - cpu_before;
    if report.added == 0 {
        bail!("no article was ingested from {}", corpus.display());
    }
    Ok((wall, cpu))
}

/// Median seconds of the extractor alone over every article of `corpus`, on
/// this thread: what extraction adds to the ingest's CPU time.
fn extraction_seconds(corpus: &Path) -> anyhow::Result<f64> {
    let articles = read_corpus(corpus)?;
    let extractor = EntityExtractor::new();
    let mut passes = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        let mut found = 0usize;
        for article in &articles {
            found += extractor.extract(&article.title, &article.body).len();
        }
        passes.push(started.elapsed().as_secs_f64());
        std::hint::black_box(found);
    }
    Ok(median(&mut passes))
}

/// mimalloc's `mi_option_purge_delay`, as in `src/main.rs`.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> anyhow::Result<()> {
    // The allocator settings of `warta ingest` (see `src/main.rs`): freed
    // memory is kept for the next segment.
    // SAFETY: mi_option_set is not thread safe; no other thread runs yet.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(corpus) = args.first() else {
        bail!("usage: entity_cost CORPUS_DIR [RUNS] [with|without]");
    };
    let corpus = PathBuf::from(corpus);
    let runs: usize = match args.get(1) {
        Some(text) => text.parse().context("RUNS must be a number")?,
        None => 5,
    };
    let sides: &[bool] = match args.get(2).map(String::as_str) {
        None => &[false, true],
        Some("with") => &[true],
        Some("without") => &[false],
        Some(other) => bail!("unknown side {other:?}: give 'with' or 'without'"),
    };
    if let [with] = sides {
        for run in 1..=runs {
            let (wall, cpu) = ingest_once(&corpus, *with)?;
            println!("run {run}: {wall:6.2} s wall {cpu:6.2} s CPU");
        }
        return Ok(());
    }
    println!(
        "ingest of {}, {runs} runs each, alternating",
        corpus.display()
    );
    let (mut wall_without, mut cpu_without) = (Vec::new(), Vec::new());
    let (mut wall_with, mut cpu_with) = (Vec::new(), Vec::new());
    for run in 1..=runs {
        let (wall, cpu) = ingest_once(&corpus, false)?;
        println!("run {run}: without entities {wall:6.2} s wall {cpu:6.2} s CPU");
        wall_without.push(wall);
        cpu_without.push(cpu);
        let (wall, cpu) = ingest_once(&corpus, true)?;
        println!("run {run}: with entities    {wall:6.2} s wall {cpu:6.2} s CPU");
        wall_with.push(wall);
        cpu_with.push(cpu);
    }
    let (wall_without, cpu_without) = (median(&mut wall_without), median(&mut cpu_without));
    let (wall_with, cpu_with) = (median(&mut wall_with), median(&mut cpu_with));
    println!();
    println!("median             wall       CPU");
    println!("without entities {wall_without:6.2} s  {cpu_without:6.2} s");
    println!("with entities    {wall_with:6.2} s  {cpu_with:6.2} s");
    println!(
        "added by entities {:+5.1}%   {:+5.1}%   (issue 4: at most +30%)",
        (wall_with / wall_without - 1.0) * 100.0,
        (cpu_with / cpu_without - 1.0) * 100.0
    );
    let extraction = extraction_seconds(&corpus)?;
    let fields = cpu_with - cpu_without - extraction;
    println!(
        "of which extraction {extraction:5.2} s CPU {:+5.1}%, entity fields {fields:5.2} s CPU {:+5.1}%",
        extraction / cpu_without * 100.0,
        fields / cpu_without * 100.0
    );
    Ok(())
}
