//! Measures the accuracy of `warta::analysis::detect_language` on English and
//! Indonesian news, on whole articles and on headlines alone.
//!
//! ```sh
//! cargo run --release --example language_accuracy -- ../shared/corpus ../shared/corpus-en [SAMPLE] [SEED]
//! ```
//!
//! Every article of the English folder is expected to be English; a seeded sample of SAMPLE
//! (default 5,000) articles of the Indonesian folder is expected to be Indonesian. Prints the
//! accuracy per language and the ids (never the text) of the misclassified articles.

use std::path::PathBuf;

use anyhow::{Context, bail};
use warta::analysis::{Language, detect_language};
use warta::article::Article;

#[path = "bench_common/mod.rs"]
mod bench_common;

use bench_common::{Rng, read_corpus};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(indonesian_dir), Some(english_dir)) = (args.first(), args.get(1)) else {
        bail!("usage: language_accuracy INDONESIAN_DIR ENGLISH_DIR [SAMPLE] [SEED]");
    };
    let sample: usize = match args.get(2) {
        Some(text) => text.parse().context("SAMPLE must be a number")?,
        None => 5_000,
    };
    let seed: u64 = match args.get(3) {
        Some(text) => text.parse().context("SEED must be a number")?,
        None => 20_261_126,
    };
    let english = read_corpus(&PathBuf::from(english_dir))?;
    let mut indonesian = read_corpus(&PathBuf::from(indonesian_dir))?;
    let total_indonesian = indonesian.len();
    Rng::new(seed).shuffle(&mut indonesian);
    indonesian.truncate(sample);

    println!(
        "English: all {} articles of {english_dir}; Indonesian: {} of {total_indonesian} articles of {indonesian_dir} (seed {seed})",
        english.len(),
        indonesian.len()
    );
    println!("| set | accuracy |");
    println!("|---|---|");
    for (set, articles, expected) in [
        ("English", &english, Language::English),
        ("Indonesian", &indonesian, Language::Indonesian),
    ] {
        for (input, titles_only) in [("title+body", false), ("title only", true)] {
            let wrong = misclassified(articles, expected, titles_only);
            let right = articles.len() - wrong.len();
            println!(
                "| {set} {input} | {:.2}% ({right}/{}) |",
                100.0 * right as f64 / articles.len().max(1) as f64,
                articles.len()
            );
            let shown: Vec<&str> = wrong.iter().take(30).map(String::as_str).collect();
            let more = wrong.len().saturating_sub(shown.len());
            eprintln!(
                "misclassified, {set} {input}: {} [{}]{}",
                wrong.len(),
                shown.join(" "),
                if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                }
            );
        }
    }
    Ok(())
}

/// Returns the ids of the articles not detected as `expected`.
fn misclassified(articles: &[Article], expected: Language, titles_only: bool) -> Vec<String> {
    articles
        .iter()
        .filter(|article| {
            let body = if titles_only {
                ""
            } else {
                article.body.as_str()
            };
            detect_language(&article.title, body) != expected
        })
        .map(|article| article.id.clone().unwrap_or_else(|| article.path.clone()))
        .collect()
}
