//! Measures what named entities cost at ingest, as issue 4 asks ("entity
//! extraction may add at most 30% to ingest time"): warta's real ingest of a
//! folder, with and without entities, alternating.
//!
//! ```sh
//! cargo run --release --example entity_cost -- ../shared/corpus [RUNS] [without|extract|with]
//! ```
//!
//! Each run ingests the folder into a fresh index in a temporary folder with the
//! defaults of `warta ingest` (reading, parsing, language detection, analysis,
//! commits), in a process of its own as every `warta ingest` is: runs in one
//! process reuse the memory the previous run freed, which made the figures
//! drift by ±10 points from run to run. The three sides differ only in
//! `IngestOptions::entities`:
//!
//! - `without`: no entities ([`EntityWork::Skip`]);
//! - `extract`: entities extracted and dropped ([`EntityWork::ExtractOnly`]),
//!   the extractor's cost inside the pipeline;
//! - `with`: entities extracted and indexed ([`EntityWork::Index`], the default).
//!
//! The sides alternate RUNS times (default 5); the medians of wall and CPU time
//! (all threads) are printed with what entities add, split into extraction
//! (`extract` over `without`) and the entity fields (`with` over `extract`).
//! Naming one side runs only that side, in this process, for a profiler
//! (`perf record`) to compare.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use anyhow::{Context, bail};
use warta::archive::Archive;
use warta::ingest::{EntityWork, IngestOptions, SilentMonitor, ingest};

#[path = "bench_common/mod.rs"]
mod bench_common;

use bench_common::{cpu_seconds, median};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The sides compared, in the order they run, with their names on the command line.
const SIDES: [(EntityWork, &str); 3] = [
    (EntityWork::Skip, "without"),
    (EntityWork::ExtractOnly, "extract"),
    (EntityWork::Index, "with"),
];

/// Wall and CPU seconds of one ingest of `corpus` into a fresh index.
fn ingest_once(corpus: &Path, entities: EntityWork) -> anyhow::Result<(f64, f64)> {
    let folder = tempfile::tempdir()?;
    let archive = Archive::open_or_create(&folder.path().join("index"), None)?;
    let options = IngestOptions {
        entities,
        ..IngestOptions::default()
    };
    let cpu_before = cpu_seconds().unwrap_or(0.0);
    let started = Instant::now();
    let report = ingest(
        &archive,
        &[corpus.to_path_buf()],
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

/// Wall and CPU seconds of one ingest of `corpus` on `side`, run by this
/// program in a child process.
fn ingest_in_child(corpus: &Path, side: &str) -> anyhow::Result<(f64, f64)> {
    let program = std::env::current_exe()?;
    let output = Command::new(program)
        .arg(corpus)
        .args(["1", side])
        .output()
        .context("cannot run a child ingest")?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        bail!(
            "the child ingest ({side}) failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    parse_run_line(&stdout).with_context(|| format!("unexpected child output {stdout:?}"))
}

/// Reads the wall and CPU seconds of a `run 1: W s wall C s CPU` line.
fn parse_run_line(text: &str) -> Option<(f64, f64)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let wall = words.get(2)?.parse().ok()?;
    let cpu = words.get(5)?.parse().ok()?;
    Some((wall, cpu))
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
        bail!("usage: entity_cost CORPUS_DIR [RUNS] [without|extract|with]");
    };
    let corpus = PathBuf::from(corpus);
    let runs: usize = match args.get(1) {
        Some(text) => text.parse().context("RUNS must be a number")?,
        None => 5,
    };
    if let Some(name) = args.get(2) {
        let Some((work, _)) = SIDES.iter().find(|(_, side)| side == name) else {
            bail!("unknown side {name:?}: give 'without', 'extract' or 'with'");
        };
        for run in 1..=runs {
            let (wall, cpu) = ingest_once(&corpus, *work)?;
            println!("run {run}: {wall:6.2} s wall {cpu:6.2} s CPU");
        }
        return Ok(());
    }
    println!(
        "ingest of {}, {runs} runs of each side, alternating, one process each",
        corpus.display()
    );
    let mut walls = [Vec::new(), Vec::new(), Vec::new()];
    let mut cpus = [Vec::new(), Vec::new(), Vec::new()];
    for run in 1..=runs {
        for (index, (_, side)) in SIDES.iter().enumerate() {
            let (wall, cpu) = ingest_in_child(&corpus, side)?;
            println!("run {run}: {side:8} {wall:6.2} s wall {cpu:6.2} s CPU");
            walls[index].push(wall);
            cpus[index].push(cpu);
        }
    }
    let wall = walls.map(|mut values| median(&mut values));
    let cpu = cpus.map(|mut values| median(&mut values));
    let added = |seconds: &[f64; 3], side: usize| (seconds[side] / seconds[0] - 1.0) * 100.0;
    println!();
    println!("median     wall       CPU");
    for (index, (_, side)) in SIDES.iter().enumerate() {
        println!("{side:8} {:6.2} s  {:6.2} s", wall[index], cpu[index]);
    }
    println!(
        "added by entities {:+5.1}%   {:+5.1}%   (issue 4: at most +30%)",
        added(&wall, 2),
        added(&cpu, 2)
    );
    println!(
        "of which extraction {:+5.1}% wall {:+5.1}% CPU, entity fields {:+5.1}% wall {:+5.1}% CPU",
        added(&wall, 1),
        added(&cpu, 1),
        added(&wall, 2) - added(&wall, 1),
        added(&cpu, 2) - added(&cpu, 1)
    );
    Ok(())
}
