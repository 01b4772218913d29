//! Writing the hits of a batch of queries: JSON Lines with the query id, or a
//! TREC run file (`qid Q0 docid rank score warta`), as evaluation tools read.

use std::io::{self, Write};

use serde::Serialize;

use crate::search::Hit;

/// Format of a batch run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BatchFormat {
    /// One JSON object per hit: `qid, rank, id, score, title, date`.
    Jsonl,
    /// TREC run format, run tag `warta`.
    Trec,
}

#[derive(Serialize)]
struct BatchRecord<'a> {
    qid: &'a str,
    rank: usize,
    id: &'a str,
    score: f64,
    title: &'a str,
    date: Option<String>,
}

/// Writes the hits of query `qid`.
pub fn write_batch_hits<W: Write>(
    out: &mut W,
    qid: &str,
    hits: &[Hit],
    format: BatchFormat,
) -> io::Result<()> {
    for hit in hits {
        match format {
            BatchFormat::Jsonl => {
                let record = BatchRecord {
                    qid,
                    rank: hit.rank,
                    id: &hit.article.id,
                    score: f64::from(hit.score),
                    title: &hit.article.title,
                    date: hit.article.date.map(|date| date.to_rfc3339()),
                };
                serde_json::to_writer(&mut *out, &record)?;
                writeln!(out)?;
            }
            BatchFormat::Trec => {
                // TREC tools split on white space: an id never contains any.
                let id: String = hit
                    .article
                    .id
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join("_");
                writeln!(out, "{qid} Q0 {id} {} {:.6} warta", hit.rank, hit.score)?;
            }
        }
    }
    Ok(())
}

/// Splits one line of a batch file into query id and query: `qid<TAB>query`,
/// or a bare query whose id is its 1-based line number. Blank lines and lines
/// starting with `#` are skipped (`None`).
pub fn parse_batch_line(line: &str, number: usize) -> Option<(String, String)> {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.trim().is_empty() || line.trim_start().starts_with('#') {
        return None;
    }
    match line.split_once('\t') {
        Some((qid, query)) if !qid.trim().is_empty() => {
            Some((qid.trim().to_owned(), query.trim().to_owned()))
        }
        _ => Some((number.to_string(), line.trim().to_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::StoredArticle;

    #[test]
    fn batch_lines_with_and_without_ids() {
        assert_eq!(
            parse_batch_line("q7\tkim putin", 1),
            Some(("q7".into(), "kim putin".into()))
        );
        assert_eq!(
            parse_batch_line("kim putin\r\n", 3),
            Some(("3".into(), "kim putin".into()))
        );
        assert_eq!(parse_batch_line("# comment", 1), None);
        assert_eq!(parse_batch_line("   ", 1), None);
    }

    #[test]
    fn trec_lines() {
        let hit = Hit {
            rank: 1,
            score: 2.5,
            article: StoredArticle {
                id: "kn-1".into(),
                ..StoredArticle::default()
            },
            ..Hit::default()
        };
        let mut out = Vec::new();
        write_batch_hits(&mut out, "q1", &[hit], BatchFormat::Trec).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "q1 Q0 kn-1 1 2.500000 warta\n"
        );
    }
}
