//! Conversion between [`Article`] and tantivy documents.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate};
use tantivy::TantivyDocument;
use tantivy::schema::Value;

use super::Fields;
use crate::analysis::Language;
use crate::article::Article;
use crate::entities::{Entity, entity_list_text, parse_entity_list};

/// Returns `day` in the form `YYYYMMDD` (20230913): the number stored for the
/// day an article was published, as printed by its source, and compared by the
/// day filters.
pub fn day_number(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 10_000 + i64::from(date.month()) * 100 + i64::from(date.day())
}

/// Builds the tantivy document of `article`, stored under `id`. `path` is the
/// absolute path of the source file and `file_hash` its content hash.
pub fn to_document(
    fields: &Fields,
    article: &Article,
    id: &str,
    path: &str,
    file_hash: &str,
) -> TantivyDocument {
    let mut doc = TantivyDocument::new();
    doc.add_text(fields.id, id);
    if let Some(url) = &article.url {
        doc.add_text(fields.url, url);
    }
    if let Some(source) = &article.source {
        doc.add_text(fields.source, source);
    }
    if let Some(category) = &article.category {
        doc.add_text(fields.category, category);
    }
    for tag in &article.tags {
        doc.add_text(fields.tag, tag);
    }
    doc.add_text(fields.title, &article.title);
    doc.add_text(fields.body, &article.body);
    let (title_stems, body_stems) = match article.language {
        Language::Indonesian => (fields.title_id, fields.body_id),
        Language::English => (fields.title_en, fields.body_en),
    };
    doc.add_text(title_stems, &article.title);
    doc.add_text(body_stems, &article.body);
    doc.add_text(fields.language, article.language.code());
    if !article.entities.is_empty() {
        let entities = entity_list_text(&article.entities);
        doc.add_text(fields.entity_short, &entities);
        doc.add_text(fields.entities, entities);
    }
    if let Some(date) = &article.date {
        doc.add_i64(fields.timestamp, date.timestamp());
        doc.add_i64(fields.day, day_number(date.date_naive()));
        doc.add_text(fields.date_text, date.to_rfc3339());
    }
    doc.add_text(fields.path, path);
    doc.add_text(fields.file_hash, file_hash);
    doc
}

/// The stored fields of one indexed article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StoredArticle {
    /// Unique id.
    pub id: String,
    /// URL, empty when unknown.
    pub url: String,
    /// Publisher, empty when unknown.
    pub source: String,
    /// Section, empty when unknown.
    pub category: String,
    /// Tags as written by the source.
    pub tags: Vec<String>,
    /// Named entities, most mentioned first.
    pub entities: Vec<Entity>,
    /// Headline.
    pub title: String,
    /// Full text.
    pub body: String,
    /// Publication time, if known.
    pub date: Option<DateTime<FixedOffset>>,
    /// Language the article was analysed in.
    pub language: Language,
    /// Absolute path of the source file.
    pub path: String,
    /// Content hash of the source file.
    pub file_hash: String,
}

impl StoredArticle {
    /// Reads the stored fields of `doc`.
    pub fn from_document(fields: &Fields, doc: &TantivyDocument) -> StoredArticle {
        let text = |field| {
            doc.get_first(field)
                .and_then(|value| value.as_str().map(str::to_owned))
                .unwrap_or_default()
        };
        StoredArticle {
            id: text(fields.id),
            url: text(fields.url),
            source: text(fields.source),
            category: text(fields.category),
            tags: doc
                .get_all(fields.tag)
                .filter_map(|value| value.as_str().map(str::to_owned))
                .collect(),
            entities: parse_entity_list(&text(fields.entities)),
            title: text(fields.title),
            body: text(fields.body),
            date: DateTime::parse_from_rfc3339(&text(fields.date_text)).ok(),
            language: text(fields.language).parse().unwrap_or_default(),
            path: text(fields.path),
            file_hash: text(fields.file_hash),
        }
    }
}

impl StoredArticle {
    /// Returns the article as read from its file, for re-analysis (`reindex`).
    pub fn to_article(&self) -> Article {
        let optional = |text: &str| Some(text.to_owned()).filter(|text| !text.is_empty());
        Article {
            id: optional(&self.id),
            url: optional(&self.url),
            source: optional(&self.source),
            date: self.date,
            title: self.title.clone(),
            body: self.body.clone(),
            category: optional(&self.category),
            tags: self.tags.clone(),
            path: self.path.clone(),
            language: self.language,
            entities: self.entities.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_round_trips_through_a_document() {
        let (_, fields) = Fields::build_schema();
        let article = Article {
            url: Some("https://example.com/a".into()),
            source: Some("Warta Contoh".into()),
            category: Some("INTERNASIONAL".into()),
            tags: vec!["Korea Utara".into(), "Rusia".into()],
            title: "Judul".into(),
            body: "Isi berita.".into(),
            date: DateTime::parse_from_rfc3339("2023-09-13T10:00:00+07:00").ok(),
            ..Article::default()
        };
        let article = Article {
            entities: vec![Entity {
                name: "Vladimir Putin".into(),
                kind: crate::entities::EntityKind::Person,
                count: 3,
            }],
            ..article
        };
        let doc = to_document(&fields, &article, "a1", "/x/a.txt", "abc");
        let stored = StoredArticle::from_document(&fields, &doc);
        assert_eq!(stored.entities, article.entities);
        assert_eq!(stored.id, "a1");
        assert_eq!(stored.tags, ["Korea Utara", "Rusia"]);
        assert_eq!(stored.date, article.date);
        assert_eq!(stored.path, "/x/a.txt");
    }

    #[test]
    fn day_number_uses_the_printed_day() {
        let late_evening = DateTime::parse_from_rfc3339("2023-09-13T23:30:00+07:00").unwrap();
        assert_eq!(day_number(late_evening.date_naive()), 20230913);
    }
}
