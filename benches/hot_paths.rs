//! Criterion benchmarks of warta's ingest hot paths (see scripts/scale/ for the end-to-end run).
//!
//! ```sh
//! cargo bench --bench hot_paths            # all
//! cargo bench --bench hot_paths -- analyzer
//! ```
//!
//! - `analyzer/*`: warta's Indonesian, surface and English analyzers over one ~100-word paragraph
//!   (all tokens drained), throughput in bytes;
//! - `entities/extract`: the entity extractor over the same paragraph (title + body);
//! - `language/detect`: `detect_language` over the same;
//! - `json_lines/read_1000`: `warta::ingest::read_json_lines` over an in-memory buffer of 1,000
//!   generated article records (~2 KB each, built here from the paragraph with a fixed seed).
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tantivy::tokenizer::{TextAnalyzer, TokenStream};
use warta::analysis::{Analysis, Language, detect_language};
use warta::entities::EntityExtractor;
use warta::ingest::{ReadEvent, read_json_lines};

/// Written for this benchmark (not from the corpus): a made-up regional news item.
const TITLE: &str = "Banjir Rob Rendam Pesisir Semarang, Wali Kota Minta Warga Waspada";
const PARAGRAPH: &str = "Semarang - Banjir rob kembali merendam sejumlah permukiman di pesisir utara \
Kota Semarang, Jawa Tengah, pada Selasa (14/5/2024) pagi. Ketinggian air mencapai 40 sentimeter di \
beberapa ruas jalan sehingga kendaraan bermotor terpaksa memutar arah. Badan Penanggulangan Bencana \
Daerah mencatat lebih dari 1.200 rumah terdampak dan puluhan warga mengungsi ke balai kelurahan. \
\"Kami sudah menyiagakan pompa air dan perahu karet di titik-titik rawan,\" kata Kepala Pelaksana BPBD \
Kota Semarang, Endro Pudyo Martantono, kepada wartawan. Menurutnya, pasang air laut diperkirakan masih \
tinggi hingga akhir pekan. Pemerintah kota meminta warga memindahkan barang berharga ke tempat yang \
lebih tinggi dan mengikuti informasi resmi dari BMKG.";

fn drain(analyzer: &mut TextAnalyzer, text: &str) -> usize {
    let mut stream = analyzer.token_stream(text);
    let mut n = 0;
    while stream.advance() {
        n += stream.token().text.len();
    }
    n
}

fn analyzers(c: &mut Criterion) {
    let analysis = Analysis::load(None).expect("warta analysis data");
    let mut group = c.benchmark_group("analyzer");
    group.throughput(Throughput::Bytes(PARAGRAPH.len() as u64));
    let mut indonesian = analysis.index_analyzer(Language::Indonesian);
    group.bench_function("indonesian", |b| {
        b.iter(|| drain(&mut indonesian, black_box(PARAGRAPH)))
    });
    let mut surface = analysis.surface_analyzer();
    group.bench_function("surface", |b| {
        b.iter(|| drain(&mut surface, black_box(PARAGRAPH)))
    });
    let mut english = analysis.index_analyzer(Language::English);
    group.bench_function("english", |b| {
        b.iter(|| drain(&mut english, black_box(PARAGRAPH)))
    });
    group.finish();
}

fn entities(c: &mut Criterion) {
    let extractor = EntityExtractor::new();
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes((TITLE.len() + PARAGRAPH.len()) as u64));
    group.bench_function("extract", |b| {
        b.iter(|| extractor.extract(black_box(TITLE), black_box(PARAGRAPH)))
    });
    group.finish();
}

fn language(c: &mut Criterion) {
    let mut group = c.benchmark_group("language");
    group.throughput(Throughput::Bytes((TITLE.len() + PARAGRAPH.len()) as u64));
    group.bench_function("detect", |b| {
        b.iter(|| detect_language(black_box(TITLE), black_box(PARAGRAPH)))
    });
    group.finish();
}

/// 1,000 JSON Lines records of ~2 KB: the paragraph's sentences shuffled with a fixed LCG.
fn generated_records() -> Vec<u8> {
    let sentences: Vec<&str> = PARAGRAPH.split(". ").collect();
    let mut state: u64 = 42;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    let mut out = Vec::new();
    for i in 0..1000 {
        let mut body = String::new();
        while body.len() < 2000 {
            body.push_str(sentences[next() % sentences.len()]);
            body.push_str(if next() % 4 == 0 { ".\n" } else { ". " });
        }
        let record = serde_json::json!({
            "id": format!("b{i:06}"),
            "url": format!("https://warta-semarang.example/2024/05/b{i:06}"),
            "source": "warta-semarang",
            "date": format!("20{:02}-{:02}-{:02}T08:{:02}:00+07:00", 5 + next() % 20, 1 + next() % 12, 1 + next() % 28, next() % 60),
            "title": TITLE,
            "body": body,
            "category": "Regional",
            "tags": ["Banjir", "Jawa Tengah", format!("tag {}", next() % 500)],
        });
        serde_json::to_writer(&mut out, &record).unwrap();
        out.push(b'\n');
    }
    out
}

fn json_lines(c: &mut Criterion) {
    let buffer = generated_records();
    let mut group = c.benchmark_group("json_lines");
    group.throughput(Throughput::Bytes(buffer.len() as u64));
    group.bench_function("read_1000", |b| {
        b.iter(|| {
            let mut articles = 0usize;
            read_json_lines(black_box(&buffer[..]), &mut |event| {
                if let ReadEvent::Article { article, .. } = event {
                    articles += 1;
                    black_box(article);
                }
            })
            .unwrap();
            assert_eq!(articles, 1000);
        })
    });
    group.finish();
}

criterion_group!(benches, analyzers, entities, language, json_lines);
criterion_main!(benches);
