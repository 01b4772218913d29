//! Prefix queries (`pemilu*`), expanded against the index's own terms.
//!
//! tantivy's query parser only accepts a prefix at the end of a phrase of two
//! or more words. warta rewrites each `word*` outside quotes into an OR group
//! of the indexed words that start with it (`(pemilu OR pemilihan)`), the most
//! frequent first, at most [`MAX_EXPANSIONS`] of them, before parsing.

use std::collections::HashMap;

use tantivy::Searcher;
use tantivy::schema::{Field, Schema};

use super::QueryError;

/// Most words one prefix expands to; more would make the query slow and the
/// ranking meaningless.
pub const MAX_EXPANSIONS: usize = 64;

/// Returns `text` with every unquoted `word*` (optionally `field:word*`, with a
/// leading `-` or `+`) replaced by an OR group of indexed words. A prefix that
/// matches no word becomes the bare word, which matches nothing or itself.
pub fn expand_prefixes(
    text: &str,
    searcher: &Searcher,
    schema: &Schema,
    default_fields: &[Field],
) -> Result<String, QueryError> {
    if !text.contains('*') {
        return Ok(text.to_owned());
    }
    let mut out = String::with_capacity(text.len());
    let mut in_quotes = false;
    let mut chunk_start = None;
    for (index, c) in text.char_indices() {
        if c == '"' {
            in_quotes = !in_quotes;
        }
        let is_boundary = c.is_whitespace() || c == '(' || c == ')';
        match (chunk_start, is_boundary && !in_quotes) {
            (Some(start), true) => {
                out.push_str(&expand_chunk(
                    &text[start..index],
                    searcher,
                    schema,
                    default_fields,
                )?);
                out.push(c);
                chunk_start = None;
            }
            (None, true) => out.push(c),
            (None, false) => chunk_start = Some(index),
            (Some(_), false) => {}
        }
    }
    if let Some(start) = chunk_start {
        out.push_str(&expand_chunk(
            &text[start..],
            searcher,
            schema,
            default_fields,
        )?);
    }
    Ok(out)
}

/// Expands one white-space separated chunk if it is a prefix query.
fn expand_chunk(
    chunk: &str,
    searcher: &Searcher,
    schema: &Schema,
    default_fields: &[Field],
) -> Result<String, QueryError> {
    let Some(body) = chunk.strip_suffix('*') else {
        return Ok(chunk.to_owned());
    };
    let (sign, body) = match body.chars().next() {
        Some(sign @ ('-' | '+')) => (sign.to_string(), &body[1..]),
        _ => (String::new(), body),
    };
    let (field_name, word) = match body.split_once(':') {
        Some((field, word)) => (Some(field), word),
        None => (None, body),
    };
    let is_word = !word.is_empty() && word.chars().all(char::is_alphanumeric);
    let fields: Vec<Field> = match field_name {
        Some(name) => match schema.get_field(name) {
            Ok(field) => vec![field],
            Err(_) => return Ok(chunk.to_owned()),
        },
        None => default_fields.to_vec(),
    };
    if !is_word {
        return Ok(chunk.to_owned());
    }
    let prefix = word.to_lowercase();
    let words = words_with_prefix(searcher, &fields, &prefix)?;
    let qualifier = field_name
        .map(|name| format!("{name}:"))
        .unwrap_or_default();
    if words.is_empty() {
        return Ok(format!("{sign}{qualifier}{prefix}"));
    }
    let alternatives: Vec<String> = words
        .iter()
        .map(|word| format!("{qualifier}{word}"))
        .collect();
    Ok(format!("{sign}({})", alternatives.join(" OR ")))
}

/// Returns the indexed words of `fields` starting with `prefix`, most frequent
/// first, at most [`MAX_EXPANSIONS`].
fn words_with_prefix(
    searcher: &Searcher,
    fields: &[Field],
    prefix: &str,
) -> Result<Vec<String>, QueryError> {
    let mut frequencies: HashMap<String, u64> = HashMap::new();
    for segment in searcher.segment_readers() {
        for field in fields {
            let inverted = segment.inverted_index(*field)?;
            let mut terms = inverted
                .terms()
                .range()
                .ge(prefix.as_bytes())
                .into_stream()
                .map_err(tantivy::TantivyError::from)?;
            while terms.advance() {
                if !terms.key().starts_with(prefix.as_bytes()) {
                    break;
                }
                let word = String::from_utf8_lossy(terms.key()).into_owned();
                *frequencies.entry(word).or_default() += u64::from(terms.value().doc_freq);
            }
        }
    }
    let mut words: Vec<(String, u64)> = frequencies.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    words.truncate(MAX_EXPANSIONS);
    Ok(words.into_iter().map(|(word, _)| word).collect())
}
