//! Measures retrieval quality with and without stemming: MRR@10, recall@10 and
//! nDCG@10 of known-item queries built from the corpus, on warta's own index.
//!
//! ```sh
//! target/release/warta --index target/bench/index ingest ../shared/corpus
//! cargo run --release --example retrieval_quality -- target/bench/index ../shared/corpus [OUT_DIR] [SIZE] [SEED]
//! ```
//!
//! Query sets, built at run time with a fixed seed (SIZE queries each, default 500), from
//! the Indonesian articles of the corpus (as `detect_language` sees them). A query is 2 to 4
//! words of one article's headline: letters only, 4+ letters, not stopwords, in at least 2
//! and at most 5% of the articles. The article is the relevant document, and so is every
//! article with the same headline (duplicates across publishers).
//!
//! - Q1, exact words: the headline words as written.
//! - Q2, other word forms: each word replaced by the most frequent other word of the corpus
//!   with the same Indonesian root (`Analysis::stem`), found in at least
//!   2 articles and nowhere in the target article (e.g. target `membakar`, query `pembakaran`).
//! - Q2-one: the Q2 query with only its first word replaced, the others as written.
//!
//! Systems, on the same index and the same query text:
//! - baseline: the words as written only (lower-cased, no roots), each looked up in the title
//!   fields (boost 2) and body fields (boost 1): what an index without stemming finds;
//! - warta: `warta::search::search` with operator All (AND, the default) or Any (OR), ranked by
//!   keywords alone (`--rank keyword`: what the analysis does) and with entity salience
//!   (`--rank hybrid`, the default).
//!
//! The query sets are written to OUT_DIR/retrieval-queries.tsv (default target/bench) for
//! inspection; they are derived from the corpus and must not be committed.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use tantivy::{Searcher, TantivyDocument, Term};
use warta::analysis::{Analysis, Language, detect_language};
use warta::archive::{Archive, Fields};
use warta::article::Article;
use warta::search::{Operator, QueryPlan, Rank, search};

#[path = "bench_common/mod.rs"]
mod bench_common;

use bench_common::{Rng, read_corpus};

/// Hits looked at per query.
const DEPTH: usize = 10;

/// One known-item query.
struct KnownItem {
    /// Query words, joined by spaces to search.
    words: Vec<String>,
    /// Id of the article the query was made from.
    target: String,
    /// Ids of the relevant articles: the target and its same-headline duplicates.
    relevant: HashSet<String>,
}

/// How a system ranked one query set.
#[derive(Default)]
struct Scores {
    reciprocal_rank: f64,
    found: usize,
    ndcg: f64,
    errors: usize,
    queries: usize,
}

/// Corpus statistics the query builder needs.
struct Vocabulary {
    /// Number of articles containing each word (title or body, as written, lower case).
    document_frequency: HashMap<String, u32>,
    /// Words grouped by their Indonesian index term, most frequent first.
    forms_by_term: HashMap<String, Vec<String>>,
    /// Indonesian index term of each candidate word.
    term_of: HashMap<String, String>,
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(index_dir), Some(corpus)) = (args.first(), args.get(1)) else {
        bail!("usage: retrieval_quality INDEX_DIR CORPUS_DIR [OUT_DIR] [SIZE] [SEED]");
    };
    let out_dir = PathBuf::from(args.get(2).map_or("target/bench", String::as_str));
    let size: usize = match args.get(3) {
        Some(text) => text.parse().context("SIZE must be a number")?,
        None => 500,
    };
    let seed: u64 = match args.get(4) {
        Some(text) => text.parse().context("SEED must be a number")?,
        None => 20_261_126,
    };
    let archive = Archive::open(Path::new(index_dir)).with_context(|| {
        format!("cannot open the index {index_dir} (build it with warta ingest)")
    })?;
    let analysis = archive.analysis().clone();
    let mut articles = read_corpus(Path::new(corpus))?;
    articles.retain(|article| {
        article.id.is_some()
            && detect_language(&article.title, &article.body) == Language::Indonesian
    });
    let mut surface = analysis.surface_analyzer();
    let vocabulary = Vocabulary::build(&articles, &analysis, &mut surface);
    let mut by_headline: HashMap<String, HashSet<String>> = HashMap::new();
    for article in &articles {
        by_headline
            .entry(headline_key(&article.title))
            .or_default()
            .insert(article.id.clone().unwrap_or_default());
    }

    let max_df = (articles.len() / 20) as u32;
    let candidates = |article: &Article, surface: &mut TextAnalyzer| -> Vec<String> {
        let mut words = Vec::new();
        for word in words_of(surface, &article.title) {
            let df = vocabulary
                .document_frequency
                .get(&word)
                .copied()
                .unwrap_or(0);
            if is_content_word(&word, &analysis)
                && (2..=max_df).contains(&df)
                && !words.contains(&word)
            {
                words.push(word);
            }
        }
        words
    };
    let known_item = |article: &Article, words: Vec<String>| KnownItem {
        words,
        target: article.id.clone().unwrap_or_default(),
        relevant: by_headline[&headline_key(&article.title)].clone(),
    };

    // Q1: exact headline words.
    let mut rng = Rng::new(seed);
    let mut order: Vec<usize> = (0..articles.len()).collect();
    rng.shuffle(&mut order);
    let mut exact = Vec::new();
    for &number in &order {
        if exact.len() == size {
            break;
        }
        let mut words = candidates(&articles[number], &mut surface);
        if words.len() < 2 {
            continue;
        }
        rng.shuffle(&mut words);
        words.truncate(2 + rng.below(3));
        exact.push(known_item(&articles[number], words));
    }

    // Q2: other forms of the same root, absent from the target article.
    let mut rng = Rng::new(seed.wrapping_add(1));
    rng.shuffle(&mut order);
    let (mut other_forms, mut one_other_form) = (Vec::new(), Vec::new());
    let mut pairs = Vec::new();
    for &number in &order {
        if other_forms.len() == size {
            break;
        }
        let article = &articles[number];
        let in_article: HashSet<String> = words_of(&mut surface, &article.title)
            .into_iter()
            .chain(words_of(&mut surface, &article.body))
            .collect();
        let mut replaceable: Vec<(String, String)> = candidates(article, &mut surface)
            .into_iter()
            .filter_map(|word| {
                let term = vocabulary.term_of.get(&word)?;
                let other = vocabulary.forms_by_term[term].iter().find(|form| {
                    !in_article.contains(*form) && vocabulary.document_frequency[*form] >= 2
                })?;
                Some((word, other.clone()))
            })
            .collect();
        if replaceable.len() < 2 {
            continue;
        }
        rng.shuffle(&mut replaceable);
        replaceable.truncate(2 + rng.below(3));
        pairs.extend(replaceable.iter().cloned());
        let replaced = replaceable.iter().map(|(_, other)| other.clone()).collect();
        let mut one: Vec<String> = replaceable.iter().map(|(word, _)| word.clone()).collect();
        one[0].clone_from(&replaceable[0].1);
        other_forms.push(known_item(article, replaced));
        one_other_form.push(known_item(article, one));
    }
    let sets = [
        ("Q1 exact words", &exact),
        ("Q2 other forms", &other_forms),
        ("Q2-one (1 word replaced)", &one_other_form),
    ];
    write_queries(&out_dir, &sets)?;
    println!(
        "{} Indonesian articles; Q1 {} queries, Q2 {} queries, Q2-one {} queries (seed {seed}); \
         queries with more than one relevant article: Q1 {}, Q2 {}",
        articles.len(),
        exact.len(),
        other_forms.len(),
        one_other_form.len(),
        exact
            .iter()
            .filter(|query| query.relevant.len() > 1)
            .count(),
        other_forms
            .iter()
            .filter(|query| query.relevant.len() > 1)
            .count(),
    );
    pairs.sort();
    pairs.dedup();
    rng.shuffle(&mut pairs);
    let shown: Vec<String> = pairs
        .iter()
        .take(12)
        .map(|(word, other)| format!("{word}→{other}"))
        .collect();
    eprintln!("sample Q2 replacements: {}", shown.join(", "));

    let searcher = archive.reader()?.searcher();
    println!(
        "| set | system | operator | MRR@10 | R@10 | nDCG@10 | target not in top 10 | not matched at all |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for (set, queries) in sets {
        for operator in [Operator::Any, Operator::All] {
            let op = if operator == Operator::Any {
                "OR"
            } else {
                "AND"
            };
            let mut unmatched = 0;
            let scores = score(queries, |query| {
                let (ranked, matched) = exact_search(&archive, &searcher, query, operator)?;
                unmatched += usize::from(!matched);
                Ok(ranked)
            });
            print_row(
                set,
                "baseline (title 2, body 1)",
                op,
                &scores,
                &unmatched.to_string(),
            );
            for (rank, name) in [
                (Rank::Keyword, "warta, --rank keyword (analysis only)"),
                (Rank::Hybrid, "warta, --rank hybrid (default: + entities)"),
            ] {
                let scores = score(queries, |query| {
                    let plan = QueryPlan {
                        text: query.words.join(" "),
                        operator,
                        limit: DEPTH,
                        rank,
                        ..QueryPlan::default()
                    };
                    let results = search(&archive, &plan)?;
                    Ok(results.hits.into_iter().map(|hit| hit.article.id).collect())
                });
                print_row(set, name, op, &scores, "");
            }
        }
    }
    Ok(())
}

impl Vocabulary {
    fn build(articles: &[Article], analysis: &Analysis, surface: &mut TextAnalyzer) -> Vocabulary {
        let mut document_frequency: HashMap<String, u32> = HashMap::new();
        for article in articles {
            let words: HashSet<String> = words_of(surface, &article.title)
                .into_iter()
                .chain(words_of(surface, &article.body))
                .collect();
            for word in words {
                *document_frequency.entry(word).or_default() += 1;
            }
        }
        let mut forms_by_term: HashMap<String, Vec<String>> = HashMap::new();
        let mut term_of = HashMap::new();
        for word in document_frequency.keys() {
            if !is_content_word(word, analysis) {
                continue;
            }
            let term = analysis.stem(word, Language::Indonesian).into_owned();
            forms_by_term
                .entry(term.clone())
                .or_default()
                .push(word.clone());
            term_of.insert(word.clone(), term.clone());
        }
        for forms in forms_by_term.values_mut() {
            forms.sort_by(|a, b| {
                document_frequency[b]
                    .cmp(&document_frequency[a])
                    .then(a.cmp(b))
            });
        }
        Vocabulary {
            document_frequency,
            forms_by_term,
            term_of,
        }
    }
}

/// A word a query may use: letters only, 4 letters or more, not a stopword.
fn is_content_word(word: &str, analysis: &Analysis) -> bool {
    word.chars().count() >= 4
        && word.chars().all(char::is_alphabetic)
        && !analysis.is_stopword(word)
}

/// The tokens `analyzer` makes of `text`.
fn words_of(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    while stream.advance() {
        words.push(stream.token().text.clone());
    }
    words
}

/// A headline, lower-cased with white space collapsed, to find duplicates.
fn headline_key(title: &str) -> String {
    title
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Searches the words of `query` as written (no roots); returns the ids of the
/// top hits and whether the target matches the query at all.
fn exact_search(
    archive: &Archive,
    searcher: &Searcher,
    query: &KnownItem,
    operator: Operator,
) -> anyhow::Result<(Vec<String>, bool)> {
    let fields: &Fields = archive.fields();
    let boosts = [
        (fields.title_id, 2.0),
        (fields.body_id, 1.0),
        (fields.title_en, 2.0),
        (fields.body_en, 1.0),
    ];
    let occur = match operator {
        Operator::All => Occur::Must,
        Operator::Any => Occur::Should,
    };
    let words: Vec<(Occur, Box<dyn Query>)> = query
        .words
        .iter()
        .map(|word| {
            let in_any_field: Vec<(Occur, Box<dyn Query>)> = boosts
                .iter()
                .map(|&(field, boost)| {
                    let term = TermQuery::new(
                        Term::from_field_text(field, word),
                        IndexRecordOption::WithFreqs,
                    );
                    let boosted: Box<dyn Query> = Box::new(BoostQuery::new(Box::new(term), boost));
                    (Occur::Should, boosted)
                })
                .collect();
            let word: Box<dyn Query> = Box::new(BooleanQuery::new(in_any_field));
            (occur, word)
        })
        .collect();
    let parsed: Box<dyn Query> = Box::new(BooleanQuery::new(words));
    let top = searcher.search(&*parsed, &TopDocs::with_limit(DEPTH).order_by_score())?;
    let mut ids = Vec::with_capacity(top.len());
    for (_, address) in top {
        let doc: TantivyDocument = searcher.doc(address)?;
        let id = doc
            .get_first(fields.id)
            .and_then(|value| value.as_str())
            .unwrap_or_default();
        ids.push(id.to_string());
    }
    let target: Box<dyn Query> = Box::new(TermQuery::new(
        Term::from_field_text(fields.id, &query.target),
        IndexRecordOption::Basic,
    ));
    let matched = searcher.search(&BooleanQuery::intersection(vec![parsed, target]), &Count)? > 0;
    Ok((ids, matched))
}

/// Runs `ranked` over `queries` and sums MRR, recall and nDCG at `DEPTH`.
fn score(
    queries: &[KnownItem],
    mut ranked: impl FnMut(&KnownItem) -> anyhow::Result<Vec<String>>,
) -> Scores {
    let mut scores = Scores::default();
    for query in queries {
        scores.queries += 1;
        let Ok(ids) = ranked(query) else {
            scores.errors += 1;
            continue;
        };
        let gains: Vec<f64> = ids
            .iter()
            .take(DEPTH)
            .enumerate()
            .filter(|(_, id)| query.relevant.contains(*id))
            .map(|(rank, _)| 1.0 / (rank as f64 + 2.0).log2())
            .collect();
        if let Some(position) = ids
            .iter()
            .take(DEPTH)
            .position(|id| query.relevant.contains(id))
        {
            scores.reciprocal_rank += 1.0 / (position as f64 + 1.0);
            scores.found += 1;
        }
        let ideal: f64 = (0..query.relevant.len().min(DEPTH))
            .map(|rank| 1.0 / (rank as f64 + 2.0).log2())
            .sum();
        scores.ndcg += gains.iter().sum::<f64>() / ideal;
    }
    scores
}

fn print_row(set: &str, system: &str, operator: &str, scores: &Scores, unmatched: &str) {
    let n = scores.queries.max(1) as f64;
    let errors = if scores.errors > 0 {
        format!(" ({} errors)", scores.errors)
    } else {
        String::new()
    };
    println!(
        "| {set} | {system} | {operator} | {:.3} | {:.3} | {:.3} | {}{errors} | {unmatched} |",
        scores.reciprocal_rank / n,
        scores.found as f64 / n,
        scores.ndcg / n,
        scores.queries - scores.found,
    );
}

/// Writes the query sets as `set<TAB>target id<TAB>query` for inspection.
fn write_queries(dir: &Path, sets: &[(&str, &Vec<KnownItem>)]) -> anyhow::Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join("retrieval-queries.tsv");
    let mut text = String::new();
    for (set, queries) in sets {
        for query in queries.iter() {
            text.push_str(&format!(
                "{set}\t{}\t{}\n",
                query.target,
                query.words.join(" ")
            ));
        }
    }
    std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
}
