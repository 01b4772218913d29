//! Printing one whole article (`warta show`).

use std::io::{self, Write};

use serde::Serialize;

use super::{EntityRecord, describe_entities, entity_records, sanitize};
use crate::archive::StoredArticle;
use crate::article::Article;

#[derive(Serialize)]
struct ArticleRecord<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<String>,
    source: &'a str,
    url: &'a str,
    category: &'a str,
    tags: &'a [String],
    entities: Vec<EntityRecord<'a>>,
    path: &'a str,
    body: &'a str,
}

/// Writes `article` as JSON (`is_json`) or as a header block and its text.
pub fn write_article<W: Write>(
    out: &mut W,
    article: &StoredArticle,
    is_json: bool,
) -> io::Result<()> {
    let date = article.date.map(|date| date.to_rfc3339());
    if is_json {
        let record = ArticleRecord {
            id: &article.id,
            title: &article.title,
            date,
            source: &article.source,
            url: &article.url,
            category: &article.category,
            tags: &article.tags,
            entities: entity_records(&article.entities),
            path: &article.path,
            body: &article.body,
        };
        serde_json::to_writer_pretty(&mut *out, &record)?;
        return writeln!(out);
    }
    writeln!(out, "{}", sanitize(&article.title))?;
    let header = [
        ("id", article.id.clone()),
        ("date", date.unwrap_or_default()),
        ("source", article.source.clone()),
        ("category", article.category.clone()),
        ("tags", article.tags.join(", ")),
        (
            "entities",
            describe_entities(&article.entities, usize::MAX, true),
        ),
        ("url", article.url.clone()),
        ("path", article.path.clone()),
    ];
    for (name, value) in header.iter().filter(|(_, value)| !value.is_empty()) {
        writeln!(out, "{name:<9} {}", sanitize(value))?;
    }
    writeln!(out)?;
    for paragraph in article.body.lines() {
        writeln!(out, "{}", sanitize(paragraph))?;
    }
    Ok(())
}

/// One article as `warta extract` prints it.
#[derive(Serialize)]
struct ExtractedRecord<'a> {
    id: Option<&'a str>,
    title: &'a str,
    date: Option<String>,
    source: Option<&'a str>,
    url: Option<&'a str>,
    category: Option<&'a str>,
    tags: &'a [String],
    language: &'static str,
    entities: Vec<EntityRecord<'a>>,
    body: &'a str,
}

/// Writes the articles read from one file, with their entities, as a JSON array.
pub fn write_extracted<W: Write>(out: &mut W, articles: &[Article]) -> io::Result<()> {
    let records: Vec<ExtractedRecord<'_>> = articles
        .iter()
        .map(|article| ExtractedRecord {
            id: article.id.as_deref(),
            title: &article.title,
            date: article.date.map(|date| date.to_rfc3339()),
            source: article.source.as_deref(),
            url: article.url.as_deref(),
            category: article.category.as_deref(),
            tags: &article.tags,
            language: article.language.code(),
            entities: entity_records(&article.entities),
            body: &article.body,
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &records)?;
    writeln!(out)
}
