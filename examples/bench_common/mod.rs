//! Helpers shared by the benchmark examples: reading a corpus folder into memory
//! and a small seeded random generator (so samples are the same on every run).
// Each example uses a different part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use warta::article::Article;
use warta::ingest::{Format, ReadEvent, read_file};

/// Returns the `.jsonl` files of `dir`, sorted, or a clear error when there are none.
pub fn jsonl_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let entries = std::fs::read_dir(dir).with_context(|| {
        format!(
            "cannot read {} (set SHARED or pass the corpus folder)",
            dir.display()
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "jsonl"))
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no .jsonl files in {}", dir.display());
    }
    Ok(files)
}

/// Reads every article of the `.jsonl` files of `dir` into memory, in file order,
/// with warta's own reader. Records that fail to parse are counted and skipped.
pub fn read_corpus(dir: &Path) -> anyhow::Result<Vec<Article>> {
    let mut articles = Vec::new();
    let mut failed = 0usize;
    for path in jsonl_files(dir)? {
        read_file(&path, Format::JsonLines, &mut |event| match event {
            ReadEvent::Article { article, .. } => articles.push(article),
            ReadEvent::Failed(_) => failed += 1,
            ReadEvent::Warning { .. } => {}
        })
        .with_context(|| format!("cannot read {}", path.display()))?;
    }
    if failed > 0 {
        eprintln!("{failed} records of {} could not be read", dir.display());
    }
    Ok(articles)
}

/// SplitMix64: a tiny, good-enough seeded generator for sampling.
pub struct Rng(u64);

impl Rng {
    /// A generator starting from `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// Median of `values` (sorted in place); 0 when empty.
pub fn median(values: &mut [f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// CPU time (user + system, all threads) this process has used so far, in seconds,
/// from `/proc/self/stat`; `None` where that file does not exist. Unlike wall time, it
/// barely moves when other processes share the cores.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces);
    // utime and stime are fields 14 and 15 of the line, in clock ticks (100 per second).
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let user: f64 = fields.get(11)?.parse().ok()?;
    let system: f64 = fields.get(12)?.parse().ok()?;
    Some((user + system) / 100.0)
}
