//! [`HitRecord`]: the wire form of one hit, shared by JSON, JSON Lines and CSV.
//!
//! # Format
//!
//! One object per hit with the selected fields, in the order asked:
//!
//! | field | JSON type | CSV | empty when |
//! |---|---|---|---|
//! | `rank` | number | integer | never |
//! | `id` | string | text | never |
//! | `score` | number | decimal | never (0 for filter-only exports) |
//! | `title` | string | text | never |
//! | `date` | string (RFC 3339) or null | text | the date is unknown |
//! | `source`, `url`, `category` | string or null | text | unknown |
//! | `tags` | array of strings | joined with `; ` | no tags |
//! | `entities` | array of `{"name", "type", "count"}`, most mentioned first | names joined with `; ` | none extracted |
//! | `snippet` | string | text | not asked for |
//! | `path` | string | text | never |
//! | `body` | string | text | empty article |

use std::borrow::Cow;

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::HitField;
use crate::entities::Entity;
use crate::search::Hit;

/// Separator of list values (tags, entities) in CSV cells.
pub const LIST_SEPARATOR: &str = "; ";

/// One hit restricted to the fields a user asked for, ready to serialize.
pub struct HitRecord<'a> {
    hit: &'a Hit,
    fields: &'a [HitField],
}

/// A field value borrowed from the hit.
enum FieldValue<'a> {
    Number(f64),
    Text(&'a str),
    Optional(Option<&'a str>),
    Date(Option<String>),
    List(&'a [String]),
    Entities(&'a [Entity]),
}

impl<'a> HitRecord<'a> {
    /// Wraps `hit`, showing `fields` in that order.
    pub fn new(hit: &'a Hit, fields: &'a [HitField]) -> HitRecord<'a> {
        HitRecord { hit, fields }
    }

    fn value(&self, field: HitField) -> FieldValue<'a> {
        let article = &self.hit.article;
        let optional = |text: &'a str| FieldValue::Optional(Some(text).filter(|t| !t.is_empty()));
        match field {
            HitField::Rank => FieldValue::Number(self.hit.rank as f64),
            HitField::Id => FieldValue::Text(&article.id),
            HitField::Score => FieldValue::Number(round_score(self.hit.score)),
            HitField::Title => FieldValue::Text(&article.title),
            HitField::Date => FieldValue::Date(article.date.map(|date| date.to_rfc3339())),
            HitField::Source => optional(&article.source),
            HitField::Url => optional(&article.url),
            HitField::Category => optional(&article.category),
            HitField::Tags => FieldValue::List(&article.tags),
            HitField::Entities => FieldValue::Entities(&article.entities),
            HitField::Snippet => FieldValue::Text(&self.hit.snippet.text),
            HitField::Path => FieldValue::Text(&article.path),
            HitField::Body => FieldValue::Text(&article.body),
        }
    }

    /// Returns the record as CSV cells, lists joined with `; `.
    pub fn cells(&self) -> Vec<Cow<'a, str>> {
        self.fields
            .iter()
            .map(|field| match self.value(*field) {
                FieldValue::Number(n) => Cow::Owned(n.to_string()),
                FieldValue::Text(text) => Cow::Borrowed(text),
                FieldValue::Optional(text) => Cow::Borrowed(text.unwrap_or("")),
                FieldValue::Date(date) => Cow::Owned(date.unwrap_or_default()),
                FieldValue::List(items) => Cow::Owned(items.join(LIST_SEPARATOR)),
                FieldValue::Entities(entities) => Cow::Owned(
                    entities
                        .iter()
                        .map(|entity| entity.name.as_str())
                        .collect::<Vec<_>>()
                        .join(LIST_SEPARATOR),
                ),
            })
            .collect()
    }
}

/// Rounds a score to 4 decimals: more digits are noise and make diffs unreadable.
fn round_score(score: f32) -> f64 {
    (f64::from(score) * 10_000.0).round() / 10_000.0
}

impl Serialize for HitRecord<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.fields.len()))?;
        for field in self.fields {
            let key = field.name();
            match self.value(*field) {
                FieldValue::Number(n) if n.fract() == 0.0 && *field == HitField::Rank => {
                    map.serialize_entry(key, &(n as u64))?
                }
                FieldValue::Number(n) => map.serialize_entry(key, &n)?,
                FieldValue::Text(text) => map.serialize_entry(key, text)?,
                FieldValue::Optional(text) => map.serialize_entry(key, &text)?,
                FieldValue::Date(date) => map.serialize_entry(key, &date)?,
                FieldValue::List(items) => map.serialize_entry(key, items)?,
                FieldValue::Entities(entities) => {
                    map.serialize_entry(key, &super::entity_records(entities))?
                }
            }
        }
        map.end()
    }
}
