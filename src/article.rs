//! The `Article` record: what every reader produces and every later stage consumes.
//!
//! Readers fill the fields their format carries; the ingest loop then assigns the
//! final id (explicit id, else URL, else a hash of path and position) and the
//! enrichment stage adds the language and the entities.

use chrono::{DateTime, FixedOffset};

use crate::analysis::Language;
use crate::entities::Entity;

/// One news article, as read from a file and before it is indexed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// Identifier given by the input, if any.
    pub id: Option<String>,
    /// Canonical URL of the article, if known.
    pub url: Option<String>,
    /// Publisher or outlet name (`detik`, `Kabar Nusantara`).
    pub source: Option<String>,
    /// Publication time with the offset the source printed (WIB is +07:00).
    pub date: Option<DateTime<FixedOffset>>,
    /// Headline; readers derive one from the body when the input has none.
    pub title: String,
    /// Full text, paragraphs separated by newlines.
    pub body: String,
    /// Section or rubric (`INTERNASIONAL`, `Ekonomi`).
    pub category: Option<String>,
    /// Tags as the source wrote them, trimmed, inner spaces collapsed.
    pub tags: Vec<String>,
    /// Path of the file the article came from, as given to ingest.
    pub path: String,
    /// Language, detected at ingest; decides which analyzer reads the text.
    pub language: Language,
    /// People, places and organisations named, most mentioned first; extracted at ingest.
    pub entities: Vec<Entity>,
}
