//! Where a warta index's bytes go, from tantivy's `searcher.space_usage()`.
//!
//! ```sh
//! cargo run --release --example scale_space -- INDEX_DIR [INPUT_BYTES]
//! ```
//!
//! Prints the total per component (term dictionary, postings, positions, fast fields, field
//! norms, doc store, deletes) and, for each component, the bytes per field, largest first. With
//! INPUT_BYTES (the size of the raw JSON Lines that was ingested) it also prints each part as a
//! fraction of the input. Also prints the files on disk, since space_usage does not count
//! meta.json and warta's own files.
use std::collections::BTreeMap;

use tantivy::Index;
use tantivy::space_usage::PerFieldSpaceUsage;

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args
        .next()
        .ok_or_else(|| anyhow::anyhow!("usage: scale_space INDEX_DIR [INPUT_BYTES]"))?;
    let input: Option<u64> = args.next().map(|s| s.parse()).transpose()?;
    let ratio = |bytes: u64| match input {
        Some(total) if total > 0 => format!("{:6.3}", bytes as f64 / total as f64),
        _ => String::from("     -"),
    };
    let index = Index::open_in_dir(&dir)?;
    let searcher = index.reader()?.searcher();
    let usage = searcher.space_usage()?;
    let segments = usage.segments();

    let mut components: Vec<(&str, u64)> = Vec::new();
    let mut per_field: BTreeMap<&str, BTreeMap<String, u64>> = BTreeMap::new();
    let mut add = |name: &'static str, parts: Vec<&PerFieldSpaceUsage>| {
        let mut total = 0u64;
        let entry = per_field.entry(name).or_default();
        for pf in parts {
            total += pf.total().get_bytes();
            for field in pf.fields() {
                *entry.entry(field.field_name().to_string()).or_default() +=
                    field.total().get_bytes();
            }
        }
        components.push((name, total));
    };
    add("termdict", segments.iter().map(|s| s.termdict()).collect());
    add("postings", segments.iter().map(|s| s.postings()).collect());
    add(
        "positions",
        segments.iter().map(|s| s.positions()).collect(),
    );
    add(
        "fast_fields",
        segments.iter().map(|s| s.fast_fields()).collect(),
    );
    add(
        "fieldnorms",
        segments.iter().map(|s| s.fieldnorms()).collect(),
    );
    let store_data: u64 = segments
        .iter()
        .map(|s| s.store().data_usage().get_bytes())
        .sum();
    let store_offsets: u64 = segments
        .iter()
        .map(|s| s.store().offsets_usage().get_bytes())
        .sum();
    let deletes: u64 = segments.iter().map(|s| s.deletes().get_bytes()).sum();
    components.push(("store (data)", store_data));
    components.push(("store (offsets)", store_offsets));
    components.push(("deletes", deletes));

    let total = usage.total().get_bytes();
    let on_disk: u64 = std::fs::read_dir(&dir)?
        .filter_map(|e| e.ok()?.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    let docs: u64 = searcher.num_docs();
    println!(
        "index {dir}: {docs} docs, {} segments, space_usage total {} ({} B/doc), files on disk {}",
        segments.len(),
        mb(total),
        total / docs.max(1),
        mb(on_disk)
    );
    if let Some(input) = input {
        println!(
            "input {}; index/input = {:.3} (space_usage), {:.3} (on disk)",
            mb(input),
            total as f64 / input as f64,
            on_disk as f64 / input as f64
        );
    }
    println!(
        "\n{:<18} {:>12} {:>7} {:>8}",
        "component", "bytes", "share", "/input"
    );
    for (name, bytes) in &components {
        println!(
            "{:<18} {:>12} {:>6.1}% {}",
            name,
            bytes,
            100.0 * *bytes as f64 / total.max(1) as f64,
            ratio(*bytes)
        );
    }
    for (component, fields) in &per_field {
        let mut fields: Vec<_> = fields.iter().filter(|(_, b)| **b > 0).collect();
        fields.sort_by(|a, b| b.1.cmp(a.1));
        println!("\n{component} by field:");
        for (field, bytes) in fields {
            println!("  {:<18} {:>12} {}", field, bytes, ratio(*bytes));
        }
    }
    // Per-field total across components (excluding the doc store, which is not per field).
    let mut by_field: BTreeMap<&str, u64> = BTreeMap::new();
    for fields in per_field.values() {
        for (f, b) in fields {
            *by_field.entry(f.as_str()).or_default() += b;
        }
    }
    let mut by_field: Vec<_> = by_field.into_iter().collect();
    by_field.sort_by_key(|entry| std::cmp::Reverse(entry.1));
    println!("\nindexed bytes per field (all components but the store):");
    for (f, b) in by_field {
        println!("  {:<18} {:>12} {}", f, b, ratio(b));
    }
    Ok(())
}
