//! The table people read: one block per hit, at most 80 columns wide.
//!
//! ```text
//! 3 hits for "senjata"
//!   1   4.21  2023-09-13  Pemimpin Korea Utara Kim Jong Un bertemu Presiden…
//!                         tags: Korea Utara, Rusia, Politik
//!                         …Moskow tertarik pada [senjata] Korea Utara…
//! ```
//! Matched words are bold on a colour terminal and in `[brackets]` otherwise.

use std::io::{self, Write};

use super::{describe_entities, sanitize};
use crate::search::Hit;

/// Longer snippet words (URLs, codes) are cut so that a line always fits.
const MAX_WORD_CHARS: usize = 30;

/// Entities shown per hit, most mentioned first.
const TABLE_ENTITIES: usize = 3;

/// Words of context kept before the first match in an excerpt.
const WORDS_BEFORE_MATCH: usize = 4;

/// Width of the rank, score and date columns plus their gaps.
const LEFT_COLUMNS: usize = 24;

/// How the table is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableStyle {
    /// Use ANSI bold for matches (only on a terminal, never with `NO_COLOR`).
    pub is_color: bool,
    /// Total width in columns.
    pub width: usize,
}

impl Default for TableStyle {
    fn default() -> TableStyle {
        TableStyle {
            is_color: false,
            width: 80,
        }
    }
}

/// Writes the line above the hits: the total and the query.
pub fn write_table_header<W: Write>(
    out: &mut W,
    total: usize,
    query: &str,
    style: &TableStyle,
) -> io::Result<()> {
    let noun = if total == 1 { "hit" } else { "hits" };
    let line = if query.trim().is_empty() {
        format!("{total} {noun}")
    } else if query.contains('"') {
        format!("{total} {noun} for {}", sanitize(query.trim()))
    } else {
        format!("{total} {noun} for \"{}\"", sanitize(query.trim()))
    };
    writeln!(out, "{}", truncate(&line, style.width))
}

/// Writes the block of one hit.
pub fn write_table_hit<W: Write>(out: &mut W, hit: &Hit, style: &TableStyle) -> io::Result<()> {
    let right = style.width.saturating_sub(LEFT_COLUMNS).max(20);
    let date = hit.article.date.map_or_else(
        || "-".to_owned(),
        |date| date.format("%Y-%m-%d").to_string(),
    );
    let title = truncate(&sanitize(&hit.article.title), right);
    writeln!(
        out,
        "{:>3} {:>6.2}  {:<10}  {title}",
        hit.rank, hit.score, date
    )?;
    let indent = " ".repeat(LEFT_COLUMNS);
    if !hit.article.tags.is_empty() {
        let tags = format!("tags: {}", hit.article.tags.join(", "));
        writeln!(out, "{indent}{}", truncate(&sanitize(&tags), right))?;
    }
    if !hit.article.entities.is_empty() {
        let entities = format!(
            "entities: {}",
            describe_entities(&hit.article.entities, TABLE_ENTITIES, false)
        );
        writeln!(out, "{indent}{}", truncate(&sanitize(&entities), right))?;
    }
    let words = marked_words(hit, style);
    for line in wrap(&words, right, 2) {
        writeln!(out, "{indent}{line}")?;
    }
    Ok(())
}

/// A word of the snippet and whether it matched the query.
struct MarkedWord {
    text: String,
    is_match: bool,
}

/// Splits the snippet into words, marking those inside a highlight range.
fn marked_words(hit: &Hit, style: &TableStyle) -> Vec<(String, usize)> {
    let snippet = &hit.snippet;
    let mut words = Vec::new();
    let mut start = None;
    let text = snippet.text.as_str();
    let mut push = |from: usize, to: usize| {
        let is_match = snippet
            .highlights
            .iter()
            .any(|range| range.start < to && from < range.end);
        words.push(MarkedWord {
            text: truncate(&sanitize(&text[from..to]), MAX_WORD_CHARS),
            is_match,
        });
    };
    for (index, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(from)) => {
                push(from, index);
                start = None;
            }
            (false, None) => start = Some(index),
            _ => {}
        }
    }
    if let Some(from) = start {
        push(from, text.len());
    }
    // Start a few words before the first match, so that it is on screen.
    let first_match = words.iter().position(|word| word.is_match).unwrap_or(0);
    let skip = first_match.saturating_sub(WORDS_BEFORE_MATCH);
    let mut shown: Vec<(String, usize)> = Vec::with_capacity(words.len() - skip + 1);
    if skip > 0 {
        shown.push(("…".to_owned(), 1));
    }
    shown.extend(words.into_iter().skip(skip).map(|word| {
        let visible = word.text.chars().count()
            + if word.is_match && !style.is_color {
                2
            } else {
                0
            };
        let text = match (word.is_match, style.is_color) {
            (false, _) => word.text,
            (true, true) => format!("\x1b[1m{}\x1b[0m", word.text),
            (true, false) => format!("[{}]", word.text),
        };
        (text, visible)
    }));
    shown
}

/// Greedily fills at most `max_lines` lines of `width` visible columns with
/// `words` (each given with its visible length), ending with `…` when cut.
fn wrap(words: &[(String, usize)], width: usize, max_lines: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for (word, visible) in words {
        if used > 0 && used + 1 + visible > width {
            if lines.len() + 1 == max_lines {
                if used < width {
                    line.push('…');
                }
                lines.push(line);
                return lines;
            }
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        line.push_str(word);
        used += visible;
    }
    if used > 0 {
        lines.push(line);
    }
    lines
}

/// Returns `text` cut to `width` characters, ending in `…` when cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(width.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::StoredArticle;
    use crate::search::Snippet;

    fn hit() -> Hit {
        Hit {
            rank: 1,
            score: 4.2071,
            article: StoredArticle {
                id: "a".into(),
                title: "Pemimpin Korea Utara Kim Jong Un bertemu Presiden Rusia Vladimir Putin di Rusia".into(),
                tags: vec!["Korea Utara".into(), "Rusia".into()],
                date: chrono::DateTime::parse_from_rfc3339("2023-09-13T10:00:00+07:00").ok(),
                ..StoredArticle::default()
            },
            snippet: Snippet {
                text: "Moskow tertarik pada senjata Korea Utara".into(),
                highlights: vec![std::ops::Range { start: 21, end: 28 }],
            },
        }
    }

    #[test]
    fn hit_block_fits_80_columns_and_marks_matches() {
        let mut out = Vec::new();
        write_table_hit(&mut out, &hit(), &TableStyle::default()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "  1   4.21  2023-09-13  Pemimpin Korea Utara Kim Jong Un bertemu Presiden Rusia…\n\
             \x20                       tags: Korea Utara, Rusia\n\
             \x20                       Moskow tertarik pada [senjata] Korea Utara\n"
        );
        assert!(
            text.lines().all(|line| line.chars().count() <= 80),
            "{text}"
        );
    }

    #[test]
    fn wrap_cuts_after_max_lines() {
        let words: Vec<(String, usize)> = (0..40).map(|_| ("kata".to_owned(), 4)).collect();
        let lines = wrap(&words, 20, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(lines.iter().all(|line| line.chars().count() <= 21));
    }

    #[test]
    fn truncate_counts_characters() {
        assert_eq!(truncate("ééééé", 3), "éé…");
        assert_eq!(truncate("abc", 3), "abc");
    }
}
