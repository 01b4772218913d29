//! Measures what warta's analysis costs at ingest: the same articles indexed
//! into a plain tantivy index (title and body, tantivy's default tokenizer) and
//! through warta's own pipeline, then the analyzers alone, token by token.
//!
//! ```sh
//! cargo run --release --example analysis_cost -- ../shared/corpus [RUNS]
//! ```
//!
//! The articles are read into memory once (warta's JSON Lines reader), so neither side pays
//! for parsing. Each run builds a fresh index in a temporary folder and ends with a commit and
//! the end of merges; the two sides alternate (plain, warta, plain, ...) RUNS times (default 3)
//! with the same writer memory and thread count as `warta ingest`. The warta side detects each
//! article's language and upserts it with `ArchiveWriter`, as ingest does (minus the file walk,
//! hashing and parsing). To see where the time goes, a third side writes warta's documents
//! (`warta::archive::to_document`) with a plain `add_document`, without the delete by id of
//! an upsert, another does the same on warta's schema with positions dropped from the four
//! stem fields (phrases use the surface fields; an experiment, not warta's schema), and
//! language detection is timed alone. The analyzer figures run each analyzer
//! over every body and report input words per second (words as the surface analyzer counts).

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, bail};
use tantivy::schema::{
    FieldEntry, FieldType, IndexRecordOption, STORED, Schema, TEXT, TextOptions,
};
use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, TokenStream,
};
use tantivy::{Index, IndexWriter, TantivyDocument};
use warta::analysis::{Analysis, Language, detect_language};
use warta::archive::{Archive, ArchiveWriter, Fields, to_document};
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
    let (mut plain, mut warta, mut add_only, mut detect) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut no_positions = Vec::new();
    let (mut plain_cpu, mut warta_cpu) = (Vec::new(), Vec::new());
    for run in 1..=runs {
        let cpu = cpu_seconds();
        plain.push(index_plain(&articles, threads)?);
        let cpu_between = cpu_seconds();
        warta.push(index_warta(&mut articles)?);
        if let (Some(start), Some(between), Some(end)) = (cpu, cpu_between, cpu_seconds()) {
            plain_cpu.push(between - start);
            warta_cpu.push(end - between);
        }
        add_only.push(index_warta_add_only(&articles)?);
        no_positions.push(index_without_stem_positions(&articles, &analysis, threads)?);
        let start = Instant::now();
        for article in &articles {
            std::hint::black_box(detect_language(&article.title, &article.body));
        }
        detect.push(start.elapsed().as_secs_f64());
        eprintln!(
            "run {run}: plain {:.2} s, warta {:.2} s, warta add only {:.2} s, no stem positions {:.2} s, detection {:.3} s",
            plain[run - 1],
            warta[run - 1],
            add_only[run - 1],
            no_positions[run - 1],
            detect[run - 1]
        );
    }
    let (plain_median, warta_median) = (median(&mut plain), median(&mut warta));
    println!("| index, plain tantivy (default tokenizer), median | {plain_median:.2} s |");
    println!("| index, warta pipeline (detect + upsert), median | {warta_median:.2} s |");
    println!(
        "| index cost ratio warta / plain (target <= 1.5) | {:.2} |",
        warta_median / plain_median
    );
    if !plain_cpu.is_empty() {
        let (plain_cpu, warta_cpu) = (median(&mut plain_cpu), median(&mut warta_cpu));
        println!(
            "| index CPU time (all threads), plain / warta, median | {plain_cpu:.2} s / {warta_cpu:.2} s |"
        );
        println!(
            "| index CPU time ratio warta / plain | {:.2} |",
            warta_cpu / plain_cpu
        );
    }
    println!(
        "| of which: warta documents added without delete by id, median | {:.2} s |",
        median(&mut add_only)
    );
    println!(
        "| of which: language detection alone, median | {:.3} s |",
        median(&mut detect)
    );
    println!(
        "| experiment: add only, stem fields without positions, median | {:.2} s |",
        median(&mut no_positions)
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
            "warta Indonesian (+ stopwords, stemmer)",
            analysis.indonesian_analyzer(),
        ),
        (
            "warta English (+ stopwords, Snowball)",
            analysis.english_analyzer(),
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
    // What a memo of stems (word → root, kept across tokens) would save: the surface
    // analyzer, the stopword test and a hash-map lookup, stemming each distinct word once.
    let mut seconds = Vec::new();
    let mut emitted = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let mut surface = analysis.surface_analyzer();
        let mut memo: HashMap<String, String> = HashMap::new();
        emitted = 0;
        for body in &bodies {
            let mut stream = surface.token_stream(body);
            while stream.advance() {
                let word = &stream.token().text;
                if analysis.is_stopword_in(word, Language::Indonesian) {
                    continue;
                }
                if !memo.contains_key(word) {
                    memo.insert(word.clone(), analysis.stemmer().stem(word).into_owned());
                }
                emitted += 1;
            }
        }
        seconds.push(start.elapsed().as_secs_f64());
    }
    report(
        "experiment: warta Indonesian with a memo of stems",
        median(&mut seconds),
        emitted,
        words,
        body_bytes,
    );
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

/// Indexes the articles through warta's archive, detecting each one's language
/// as ingest does; returns seconds.
fn index_warta(articles: &mut [Article]) -> anyhow::Result<f64> {
    let dir = tempfile::tempdir()?;
    let start = Instant::now();
    let archive = Archive::open_or_create(dir.path(), None)?;
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

/// Writes warta's documents with `add_document` only (no delete by id); returns seconds.
fn index_warta_add_only(articles: &[Article]) -> anyhow::Result<f64> {
    let dir = tempfile::tempdir()?;
    let start = Instant::now();
    let archive = Archive::open_or_create(dir.path(), None)?;
    let mut writer = archive.writer(DEFAULT_WRITER_MEMORY)?;
    for (position, article) in articles.iter().enumerate() {
        let id = article
            .id
            .clone()
            .unwrap_or_else(|| format!("article-{position}"));
        writer.add_document(to_document(
            archive.fields(),
            article,
            &id,
            &article.path,
            "analysis-cost",
        ))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(start.elapsed().as_secs_f64())
}

/// Writes warta's documents into warta's schema with the stem fields indexed
/// without positions (frequencies only); returns seconds.
fn index_without_stem_positions(
    articles: &[Article],
    analysis: &Analysis,
    threads: usize,
) -> anyhow::Result<f64> {
    let dir = tempfile::tempdir()?;
    let start = Instant::now();
    let (schema, _) = Fields::build_schema();
    let mut builder = Schema::builder();
    for (_, entry) in schema.fields() {
        let stem_field = ["title_id", "body_id", "title_en", "body_en"].contains(&entry.name());
        match (entry.field_type(), stem_field) {
            (FieldType::Str(options), true) => {
                let mut changed = TextOptions::default();
                if let Some(indexing) = options.get_indexing_options() {
                    changed = changed.set_indexing_options(
                        indexing
                            .clone()
                            .set_index_option(IndexRecordOption::WithFreqs),
                    );
                }
                builder.add_field(FieldEntry::new_text(entry.name().to_string(), changed));
            }
            _ => {
                builder.add_field(entry.clone());
            }
        }
    }
    let index = Index::create_in_dir(dir.path(), builder.build())?;
    analysis.register(&index);
    let fields = Fields::from_schema(&index.schema())?;
    let mut writer: IndexWriter = index.writer_with_num_threads(threads, DEFAULT_WRITER_MEMORY)?;
    for (position, article) in articles.iter().enumerate() {
        let id = article
            .id
            .clone()
            .unwrap_or_else(|| format!("article-{position}"));
        writer.add_document(to_document(
            &fields,
            article,
            &id,
            &article.path,
            "analysis-cost",
        ))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
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
