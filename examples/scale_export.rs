//! What an export's document fetches cost, by fetch order (scale benchmark, scripts/scale/).
//!
//! ```sh
//! cargo run --release --example scale_export -- INDEX_DIR [SINCE_DAY UNTIL_DAY]   # days as YYYYMMDD
//! ```
//!
//! Collects the articles whose `day` is in the range (default: all), then loads every one of them
//! from the doc store three ways and times each: in a pseudo-random order (what `warta export`
//! does when it fetches hits in rank order: BM25 or newest first, unrelated to index order), in
//! index (address) order through the searcher, and in index order with one `StoreReader` per
//! segment. Plain tantivy on warta's index: no warta code, so it builds whatever state src/ is in.
use std::ops::Bound;
use std::time::Instant;

use tantivy::collector::DocSetCollector;
use tantivy::query::RangeQuery;
use tantivy::schema::Value;
use tantivy::{DocAddress, Index, TantivyDocument, Term};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args
        .first()
        .ok_or_else(|| anyhow::anyhow!("usage: scale_export INDEX_DIR [SINCE UNTIL]"))?;
    let since: i64 = args.get(1).map_or(Ok(0), |s| s.parse())?;
    let until: i64 = args.get(2).map_or(Ok(99_999_999), |s| s.parse())?;
    let index = Index::open_in_dir(dir)?;
    let schema = index.schema();
    let day = schema.get_field("day")?;
    let title = schema.get_field("title")?;
    let searcher = index.reader()?.searcher();
    let query = RangeQuery::new(
        Bound::Included(Term::from_field_i64(day, since)),
        Bound::Included(Term::from_field_i64(day, until)),
    );
    let t = Instant::now();
    let hits = searcher.search(&query, &DocSetCollector)?;
    let mut addresses: Vec<DocAddress> = hits.into_iter().collect();
    println!(
        "{} hits in {:.3} s",
        addresses.len(),
        t.elapsed().as_secs_f64()
    );

    let fetch = |order: &[DocAddress], label: &str| -> anyhow::Result<()> {
        let t = Instant::now();
        let mut bytes = 0usize;
        for address in order {
            let doc: TantivyDocument = searcher.doc(*address)?;
            bytes += doc
                .get_first(title)
                .and_then(|v| v.as_str())
                .map_or(0, str::len);
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{label:<32} {:.3} s  {:.1} us/doc  ({bytes} title bytes)",
            s,
            1e6 * s / order.len().max(1) as f64
        );
        Ok(())
    };
    // Pseudo-random order (fixed LCG shuffle), like rank order.
    let mut shuffled = addresses.clone();
    let mut state: u64 = 42;
    for i in (1..shuffled.len()).rev() {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        shuffled.swap(i, (state >> 33) as usize % (i + 1));
    }
    addresses.sort();
    fetch(&shuffled, "searcher.doc, rank-like order")?;
    fetch(&addresses, "searcher.doc, index order")?;

    let t = Instant::now();
    let mut n = 0usize;
    for (ord, segment) in searcher.segment_readers().iter().enumerate() {
        let store = segment.get_store_reader(4)?;
        for address in addresses.iter().filter(|a| a.segment_ord as usize == ord) {
            let _doc: TantivyDocument = store.get(address.doc_id)?;
            n += 1;
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{:<32} {:.3} s  {:.1} us/doc",
        "StoreReader per segment, index order",
        s,
        1e6 * s / n.max(1) as f64
    );
    Ok(())
}
