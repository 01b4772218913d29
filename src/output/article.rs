//! Printing one whole article (`warta show`).

use std::io::{self, Write};

use serde::Serialize;

use super::sanitize;
use crate::archive::StoredArticle;

#[derive(Serialize)]
struct ArticleRecord<'a> {
    id: &'a str,
    title: &'a str,
    date: Option<String>,
    source: &'a str,
    url: &'a str,
    category: &'a str,
    tags: &'a [String],
    entities: &'a [String],
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
            entities: &article.entities,
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
        ("entities", article.entities.join(", ")),
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
