//! The fields of a hit a user can ask for, and their names on the wire.

use std::fmt;
use std::str::FromStr;

/// One column of a hit list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HitField {
    /// 1-based position in the list.
    Rank,
    /// Article id.
    Id,
    /// BM25 score.
    Score,
    /// Headline.
    Title,
    /// Publication time, RFC 3339 with the source's offset.
    Date,
    /// Publisher.
    Source,
    /// URL.
    Url,
    /// Section.
    Category,
    /// Tags.
    Tags,
    /// Named entities (names, most central first).
    Entities,
    /// Highlighted excerpt (plain text).
    Snippet,
    /// Source file.
    Path,
    /// Full text.
    Body,
}

/// Every field with its wire name, in the order DESIGN.md lists them.
const ALL: [(HitField, &str); 13] = [
    (HitField::Rank, "rank"),
    (HitField::Id, "id"),
    (HitField::Score, "score"),
    (HitField::Title, "title"),
    (HitField::Date, "date"),
    (HitField::Source, "source"),
    (HitField::Url, "url"),
    (HitField::Category, "category"),
    (HitField::Tags, "tags"),
    (HitField::Entities, "entities"),
    (HitField::Snippet, "snippet"),
    (HitField::Path, "path"),
    (HitField::Body, "body"),
];

/// Fields of `search` in machine formats.
pub const SEARCH_FIELDS: &[HitField] = &[
    HitField::Rank,
    HitField::Id,
    HitField::Score,
    HitField::Title,
    HitField::Date,
    HitField::Source,
    HitField::Url,
    HitField::Category,
    HitField::Tags,
    HitField::Entities,
    HitField::Snippet,
    HitField::Path,
];

/// Default fields of `export`: no snippet and no full text, which cost the most.
pub const DEFAULT_EXPORT_FIELDS: &[HitField] = &[
    HitField::Rank,
    HitField::Id,
    HitField::Score,
    HitField::Title,
    HitField::Date,
    HitField::Source,
    HitField::Url,
    HitField::Category,
    HitField::Tags,
    HitField::Entities,
    HitField::Path,
];

impl HitField {
    /// Returns the field's name in headers and JSON keys.
    pub fn name(self) -> &'static str {
        ALL.iter()
            .find(|(field, _)| *field == self)
            .map_or("", |(_, name)| name)
    }
}

impl fmt::Display for HitField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for HitField {
    type Err = String;

    fn from_str(name: &str) -> Result<HitField, String> {
        let wanted = name.trim().to_ascii_lowercase();
        ALL.iter()
            .find(|(_, known)| *known == wanted)
            .map(|(field, _)| *field)
            .ok_or_else(|| {
                let names: Vec<&str> = ALL.iter().map(|(_, name)| *name).collect();
                format!("unknown field '{name}' (known: {})", names.join(","))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (field, name) in ALL {
            assert_eq!(field.name(), name);
            assert_eq!(name.parse::<HitField>(), Ok(field));
        }
        assert!(
            "nope"
                .parse::<HitField>()
                .unwrap_err()
                .contains("known: rank,id")
        );
    }
}
