//! Measures what warta's analysis costs at ingest, as issue 3 asks: the full
//! pipeline against the plain tokenizer, both through warta's own ingest, in one
//! run; then the analyzers alone, token by token.
//!
//! ```sh
//! cargo run --release --example analysis_cost -- ../shared/corpus [RUNS]
//! ```
//!
//! The articles are read into memory once (warta's JSON Lines reader), so no side pays for
//! parsing. Each run builds a fresh index in a temporary folder and ends with a commit and the
//! end of merges, with the same writer memory and thread count as `warta ingest`; the sides
//! alternate RUNS times (default 3):
//! - bare tantivy: title and body only, tantivy's default tokenizer (for context: no metadata);
//! - warta, plain tokenizer: warta's schema and upserts (language detection, ids, tags, dates,
//!   stored articles), with tantivy's default tokenizer registered in place of warta's analyzers;
//! - warta, full pipeline: the same with warta's analyzers (stopwords, word and root).
//!
//! The difference between the last two is what the analysis costs. The analyzer figures run
//! each analyzer over every body and report input words per second (words as the surface
//! analyzer counts).

use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use tantivy::schema::{STORED, Schema, TEXT};
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenStream,
};
use tantivy::{Index, IndexWriter, TantivyDocument};
use warta::analysis::{Analysis, ENGLISH_ANALYZER, INDONESIAN_ANALYZER, Language, detect_language};
use warta::archive::{Archive, ArchiveWriter};
use warta::article::Article;
use warta::ingest::DEFAULT_WRITER_MEMORY;

#[path = "bench_common/mod.rs"]
mod bench_common;

use bench_common::{cpu_seconds, median, read_corpus};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(corpus) = args.first() else {
        bail!("usage: analysis_cost CORPUS_DIR [RUNS]");
    };
    let runs: usize = match args.get(1) {
        Some(text) => text.parse().context("RUNS must be a number")?,
        None => 3,
    };
    let mut articles = read_corpus(&PathBuf::from(corpus))?;
    let body_bytes: usize = articles.iter().map(|article| article.body.len()).sum();
    let threads = writer_threads(DEFAULT_WRITER_MEMORY);
    println!(
        "{} articles, {:.1} MB of body text; writer: {} MB, {threads} threads; {runs} runs each, alternating",
        articles.len(),
        body_bytes as f64 / 1e6,
        DEFAULT_WRITER_MEMORY / 1_000_000
    );

    let analysis = Analysis::load(None)?;
    // (name, wall seconds per run, CPU seconds per run)
    let mut sides: Vec<(&str, Vec<f64>, Vec<f64>)> = vec![
        (
            "bare tantivy: title + body only, default tokenizer",
            Vec::new(),
            Vec::new(),
        ),
        (
            "warta ingest, plain tokenizer (tantivy default) in the text fields",
            Vec::new(),
            Vec::new(),
        ),
        (
            "warta ingest, full pipeline (Indonesian/English analysis)",
            Vec::new(),
            Vec::new(),
        ),
    ];
    let mut detect = Vec::new();
    for run in 1..=runs {
        for (side, (_, walls, cpus)) in sides.iter_mut().enumerate() {
            let cpu = cpu_seconds();
            let wall = match side {
                0 => index_plain(&articles, threads)?,
                1 => index_warta(&mut articles, Analyzers::Plain)?,
                _ => index_warta(&mut articles, Analyzers::Warta)?,
            };
            walls.push(wall);
            if let (Some(start), Some(end)) = (cpu, cpu_seconds()) {
                cpus.push(end - start);
            }
        }
        let start = Instant::now();
        for article in &articles {
            std::hint::black_box(detect_language(&article.title, &article.body));
        }
        detect.push(start.elapsed().as_secs_f64());
        let walls: Vec<String> = sides
            .iter()
            .map(|(_, walls, _)| format!("{:.2} s", walls[run - 1]))
            .collect();
        eprintln!(
            "run {run}: bare, warta plain, warta full: {}; detection {:.3} s",
            walls.join(", "),
            detect[run - 1]
        );
    }
    let mut medians = Vec::new();
    for (name, walls, cpus) in &mut sides {
        let (wall, cpu) = (median(walls), median(cpus));
        println!("| index, {name}, median | {wall:.2} s wall, {cpu:.2} s CPU |");
        medians.push((wall, cpu));
    }
    let ratio = |a: usize, b: usize| {
        format!(
            "{:.2} wall, {:.2} CPU",
            medians[a].0 / medians[b].0,
            medians[a].1 / medians[b].1
        )
    };
    println!(
        "| ratio full pipeline / plain tokenizer, same ingest (target <= 1.5) | {} |",
        ratio(2, 1)
    );
    println!("| ratio full pipeline / bare tantivy | {} |", ratio(2, 0));
    println!(
        "| of which: language detection alone, median | {:.3} s |",
        median(&mut detect)
    );

    let bodies: Vec<&str> = articles
        .iter()
        .map(|article| article.body.as_str())
        .collect();
    let words = count_tokens(&mut analysis.surface_analyzer(), &bodies);
    let analyzers = [
        ("tantivy default (simple, lower case)", tantivy_default()),
        (
            "warta surface (words, lower case)",
            analysis.surface_analyzer(),
        ),
        (
            "warta Indonesian (+ stopwords, word and root)",
            analysis.index_analyzer(Language::Indonesian),
        ),
        (
            "warta English (+ stopwords, word and Snowball stem)",
            analysis.index_analyzer(Language::English),
        ),
    ];
    for (name, mut analyzer) in analyzers {
        let mut seconds = Vec::new();
        let mut emitted = 0;
        for _ in 0..runs {
            let start = Instant::now();
            emitted = count_tokens(&mut analyzer, &bodies);
            seconds.push(start.elapsed().as_secs_f64());
        }
        report(name, median(&mut seconds), emitted, words, body_bytes);
    }
    Ok(())
}

/// Prints one analyzer's speed.
fn report(name: &str, seconds: f64, emitted: usize, words: usize, body_bytes: usize) {
    println!(
        "| analyzer {name}, all bodies | {:.2} M words/s, {:.0} ns/word, {:.1} MB/s ({emitted} tokens out of {words} words) |",
        words as f64 / seconds / 1e6,
        seconds * 1e9 / words as f64,
        body_bytes as f64 / seconds / 1e6
    );
}

/// The writer threads `warta ingest` uses for `memory` (as `Archive::writer`).
fn writer_threads(memory: usize) -> usize {
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 4);
    threads.min((memory / 15_000_000).max(1))
}

/// Indexes title and body into a fresh plain tantivy index; returns seconds.
fn index_plain(articles: &[Article], threads: usize) -> anyhow::Result<f64> {
    let dir = tempfile::tempdir()?;
    let start = Instant::now();
    let mut builder = Schema::builder();
    let title = builder.add_text_field("title", TEXT | STORED);
    let body = builder.add_text_field("body", TEXT | STORED);
    let index = Index::create_in_dir(dir.path(), builder.build())?;
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, DEFAULT_WRITER_MEMORY)?;
    for article in articles {
        let mut doc = TantivyDocument::new();
        doc.add_text(title, &article.title);
        doc.add_text(body, &article.body);
        writer.add_document(doc)?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(start.elapsed().as_secs_f64())
}

/// What analyses the text fields of warta's index.
#[derive(Clone, Copy)]
enum Analyzers {
    /// tantivy's default tokenizer (words, lower case), in place of warta's.
    Plain,
    /// warta's own analyzers.
    Warta,
}

/// Indexes the articles through warta's archive, detecting each one's language
/// as ingest does; returns seconds.
fn index_warta(articles: &mut [Article], analyzers: Analyzers) -> anyhow::Result<f64> {
    let dir = tempfile::tempdir()?;
    let start = Instant::now();
    let archive = Archive::open_or_create(dir.path(), None)?;
    if let Analyzers::Plain = analyzers {
        let tokenizers = archive.index().tokenizers();
        tokenizers.register(INDONESIAN_ANALYZER, tantivy_default());
        tokenizers.register(ENGLISH_ANALYZER, tantivy_default());
    }
    let mut writer = ArchiveWriter::new(&archive, DEFAULT_WRITER_MEMORY)?;
    for (position, article) in articles.iter_mut().enumerate() {
        article.language = detect_language(&article.title, &article.body);
        let id = article
            .id
            .clone()
            .unwrap_or_else(|| format!("article-{position}"));
        writer.upsert(article, &id, &article.path, "analysis-cost")?;
    }
    writer.finish()?;
    Ok(start.elapsed().as_secs_f64())
}

/// tantivy's default text analyzer (the `default` tokenizer of a TEXT field).
fn tantivy_default() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .build()
}

/// Runs `analyzer` over every text and returns the number of tokens it emits.
fn count_tokens(analyzer: &mut TextAnalyzer, texts: &[&str]) -> usize {
    let mut count = 0;
    for text in texts {
        let mut stream = analyzer.token_stream(text);
        while stream.advance() {
            count += 1;
        }
    }
    count
}
