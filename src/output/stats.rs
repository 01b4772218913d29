//! Printing `warta stats` and `warta tags`.

use std::io::{self, Write};

use serde::Serialize;

use super::{sanitize, truncate};
use crate::archive::{ArchiveStats, TermCount};

/// Formats a `YYYYMMDD` day number as `YYYY-MM-DD`.
fn day_text(day: i64) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        day / 10_000,
        day / 100 % 100,
        day % 100
    )
}

#[derive(Serialize)]
struct StatsRecord<'a> {
    documents: u64,
    index_bytes: u64,
    first_date: Option<String>,
    last_date: Option<String>,
    undated: u64,
    top_sources: Vec<CountRecord<'a>>,
    top_categories: Vec<CountRecord<'a>>,
}

#[derive(Serialize)]
struct CountRecord<'a> {
    value: &'a str,
    count: u64,
}

fn records(counts: &[TermCount]) -> Vec<CountRecord<'_>> {
    counts
        .iter()
        .map(|count| CountRecord {
            value: &count.value,
            count: count.count,
        })
        .collect()
}

/// Writes the archive's figures as JSON (`is_json`) or as text.
pub fn write_stats<W: Write>(out: &mut W, stats: &ArchiveStats, is_json: bool) -> io::Result<()> {
    if is_json {
        let record = StatsRecord {
            documents: stats.documents,
            index_bytes: stats.size_bytes,
            first_date: stats.day_range.map(|(first, _)| day_text(first)),
            last_date: stats.day_range.map(|(_, last)| day_text(last)),
            undated: stats.undated,
            top_sources: records(&stats.top_sources),
            top_categories: records(&stats.top_categories),
        };
        serde_json::to_writer_pretty(&mut *out, &record)?;
        return writeln!(out);
    }
    writeln!(out, "documents:  {}", stats.documents)?;
    writeln!(out, "index size: {:.1} MB", stats.size_bytes as f64 / 1e6)?;
    match stats.day_range {
        Some((first, last)) => writeln!(
            out,
            "dates:      {} to {} ({} undated)",
            day_text(first),
            day_text(last),
            stats.undated
        )?,
        None => writeln!(out, "dates:      none")?,
    }
    for (title, counts) in [
        ("sources", &stats.top_sources),
        ("categories", &stats.top_categories),
    ] {
        writeln!(out, "top {title}:")?;
        write_counts(out, counts)?;
    }
    Ok(())
}

/// Writes value/count pairs as an aligned list.
pub fn write_counts<W: Write>(out: &mut W, counts: &[TermCount]) -> io::Result<()> {
    for count in counts {
        writeln!(
            out,
            "{:>8}  {}",
            count.count,
            truncate(&sanitize(&count.value), 68)
        )?;
    }
    Ok(())
}

/// Writes tag counts as JSON (`is_json`) or as an aligned list.
pub fn write_tags<W: Write>(out: &mut W, counts: &[TermCount], is_json: bool) -> io::Result<()> {
    if is_json {
        serde_json::to_writer_pretty(&mut *out, &records(counts))?;
        return writeln!(out);
    }
    write_counts(out, counts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_text_and_json() {
        let stats = ArchiveStats {
            documents: 2,
            size_bytes: 1_500_000,
            day_range: Some((20190101, 20230913)),
            undated: 1,
            top_sources: vec![TermCount {
                value: "Kabar Nusantara".into(),
                count: 2,
            }],
            top_categories: Vec::new(),
        };
        let mut out = Vec::new();
        write_stats(&mut out, &stats, false).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("dates:      2019-01-01 to 2023-09-13 (1 undated)"),
            "{text}"
        );
        assert!(text.contains("       2  Kabar Nusantara"), "{text}");
        let mut out = Vec::new();
        write_stats(&mut out, &stats, true).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(json["documents"], 2);
        assert_eq!(json["last_date"], "2023-09-13");
        assert_eq!(json["top_sources"][0]["value"], "Kabar Nusantara");
    }
}
