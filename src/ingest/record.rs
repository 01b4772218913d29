//! Shared record handling for all readers: field names and aliases, tag normalisation, title
//! derivation and the final validation that turns raw fields into an [`Article`].
//!
//! Every format reader (text, JSON, JSON Lines, CSV) fills a [`RawRecord`] and calls
//! [`RawRecord::finish`], so all formats apply the same rules: the body becomes one paragraph
//! per line (lines trimmed, blank lines dropped), the title has its whitespace collapsed and is
//! derived from the body when missing, tags are normalised, an unparseable date is dropped with a
//! warning, and a record with neither title nor body fails.

use chrono::{DateTime, FixedOffset};

use crate::article::Article;
use crate::date::{DEFAULT_OFFSET_SECONDS, parse_date};
use crate::ingest::read::{ReadError, ReadErrorKind, ReadEvent};
use crate::whitespace::{collapse_owned, collapse_whitespace};

/// Longest derived title in characters, before the "…" is appended.
pub const MAX_DERIVED_TITLE_CHARS: usize = 110;

/// Longest id or URL kept, in bytes. Either may become the article's id, which
/// the index holds as one term; tantivy silently leaves out terms over 65,530
/// bytes, and an article without its id term could not be shown, deleted or
/// replaced on re-ingest. Longer values are dropped with a warning, so the
/// article falls back to the next id source.
pub const MAX_ID_BYTES: usize = 8_192;

/// An article field that a column or JSON key can map to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    /// `id`.
    Id,
    /// `url`, alias `link`.
    Url,
    /// `source`.
    Source,
    /// `date`, aliases `published`, `published_at`.
    Date,
    /// `title`, alias `headline`.
    Title,
    /// `body`, aliases `content`, `text`.
    Body,
    /// `category`, alias `section`.
    Category,
    /// `tags`, alias `keywords`.
    Tags,
}

/// Every accepted field name with its field and whether it is the canonical name.
const FIELD_NAMES: &[(&str, Field, bool)] = &[
    ("id", Field::Id, true),
    ("url", Field::Url, true),
    ("link", Field::Url, false),
    ("source", Field::Source, true),
    ("date", Field::Date, true),
    ("published", Field::Date, false),
    ("published_at", Field::Date, false),
    ("title", Field::Title, true),
    ("headline", Field::Title, false),
    ("body", Field::Body, true),
    ("content", Field::Body, false),
    ("text", Field::Body, false),
    ("category", Field::Category, true),
    ("section", Field::Category, false),
    ("tags", Field::Tags, true),
    ("keywords", Field::Tags, false),
];

impl Field {
    /// Maps a key or column name (ASCII case-insensitive) to a field and whether it is canonical.
    pub fn from_name(name: &str) -> Option<(Field, bool)> {
        FIELD_NAMES
            .iter()
            .find(|(known, _, _)| known.eq_ignore_ascii_case(name))
            .map(|&(_, field, canonical)| (field, canonical))
    }

    /// Lists the accepted names for the given fields, for error messages.
    pub fn names_of(fields: &[Field]) -> String {
        FIELD_NAMES
            .iter()
            .filter(|(_, field, _)| fields.contains(field))
            .map(|(name, _, _)| *name)
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A date as the input gave it: text to parse, or a unix timestamp in seconds.
#[derive(Clone, Debug, PartialEq)]
pub enum RawDate {
    /// Date text, parsed with [`parse_date`].
    Text(String),
    /// Seconds (or milliseconds, if larger than 10^11) since the unix epoch.
    Unix(i64),
    /// A value that cannot be a date (a JSON object, list or boolean), described for the warning.
    Invalid(&'static str),
}

/// Fields of one record as read, before validation.
#[derive(Debug, Default)]
pub struct RawRecord {
    /// Identifier.
    pub id: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Unparsed date.
    pub date: Option<RawDate>,
    /// Headline.
    pub title: Option<String>,
    /// Body text.
    pub body: Option<String>,
    /// Section.
    pub category: Option<String>,
    /// Tags, not yet normalised.
    pub tags: Vec<String>,
    /// Which fields were filled from an alias (a canonical name later replaces them).
    from_alias: [bool; 8],
    /// Which fields were filled at all (so empty values never replace real ones).
    filled: [bool; 8],
}

impl RawRecord {
    /// Returns true when `field` should take a value coming from a name with `canonical`.
    fn wants(&self, field: Field, canonical: bool) -> bool {
        let i = field.index();
        !self.filled[i] || (self.from_alias[i] && canonical)
    }

    fn mark(&mut self, field: Field, canonical: bool) {
        let i = field.index();
        self.filled[i] = true;
        self.from_alias[i] = !canonical;
    }

    /// Stores a string value for a field; blank values are ignored, and a canonical name wins
    /// over an alias (`body` over `content`), otherwise the first value wins.
    pub fn set_text(&mut self, field: Field, canonical: bool, value: String) {
        if value.trim().is_empty() || !self.wants(field, canonical) {
            return;
        }
        match field {
            Field::Id => self.id = Some(value),
            Field::Url => self.url = Some(value),
            Field::Source => self.source = Some(value),
            Field::Date => self.date = Some(RawDate::Text(value)),
            Field::Title => self.title = Some(value),
            Field::Body => self.body = Some(value),
            Field::Category => self.category = Some(value),
            Field::Tags => self.tags = split_tags(&value),
        }
        self.mark(field, canonical);
    }

    /// Stores a unix timestamp as the date, with the same precedence as [`Self::set_text`].
    pub fn set_unix_date(&mut self, canonical: bool, seconds: i64) {
        if self.wants(Field::Date, canonical) {
            self.date = Some(RawDate::Unix(seconds));
            self.mark(Field::Date, canonical);
        }
    }

    /// Records a date value of the wrong type, so that it is reported as a warning.
    pub fn set_invalid_date(&mut self, canonical: bool, what: &'static str) {
        if self.wants(Field::Date, canonical) {
            self.date = Some(RawDate::Invalid(what));
            self.mark(Field::Date, canonical);
        }
    }

    /// Stores a tag list, with the same precedence as [`Self::set_text`].
    pub fn set_tags(&mut self, canonical: bool, tags: Vec<String>) {
        if !tags.is_empty() && self.wants(Field::Tags, canonical) {
            self.tags = tags;
            self.mark(Field::Tags, canonical);
        }
    }

    /// Validates the record and reports it: a warning for an unparseable date, then the article,
    /// or a failure when it has neither title nor body.
    pub fn finish(self, line: u64, position: u64, sink: &mut dyn FnMut(ReadEvent)) {
        let body = self.body.map(normalize_body).unwrap_or_default();
        let title = self.title.map(collapse_owned).unwrap_or_default();
        if title.is_empty() && body.is_empty() {
            sink(ReadEvent::Failed(ReadError {
                line: Some(line),
                kind: ReadErrorKind::NoContent,
            }));
            return;
        }
        let title = if title.is_empty() {
            derive_title(&body)
        } else {
            title
        };
        let date = match &self.date {
            None => None,
            Some(raw) => {
                let parsed = parse_raw_date(raw);
                if parsed.is_none() {
                    sink(ReadEvent::Warning {
                        line: Some(line),
                        message: format!("unparseable date {}, left empty", describe_date(raw)),
                    });
                }
                parsed
            }
        };
        let mut short_enough = |value: Option<String>, name: &str| {
            let value = value.map(trim_owned).filter(|s| !s.is_empty())?;
            if value.len() > MAX_ID_BYTES {
                sink(ReadEvent::Warning {
                    line: Some(line),
                    message: format!("{name} longer than {MAX_ID_BYTES} bytes, ignored"),
                });
                return None;
            }
            Some(value)
        };
        let id = short_enough(self.id, "id");
        let url = short_enough(self.url, "url");
        let article = Article {
            id,
            url,
            source: self.source.map(trim_owned).filter(|s| !s.is_empty()),
            date,
            title,
            body,
            category: self.category.map(trim_owned).filter(|s| !s.is_empty()),
            tags: normalize_tags_owned(self.tags),
            ..Article::default()
        };
        sink(ReadEvent::Article {
            line,
            position,
            article,
        });
    }
}

fn parse_raw_date(raw: &RawDate) -> Option<DateTime<FixedOffset>> {
    match raw {
        RawDate::Text(text) => parse_date(text),
        RawDate::Unix(value) => {
            let wib = FixedOffset::east_opt(DEFAULT_OFFSET_SECONDS)?;
            let utc = if value.unsigned_abs() >= 100_000_000_000 {
                DateTime::from_timestamp_millis(*value)?
            } else {
                DateTime::from_timestamp(*value, 0)?
            };
            Some(utc.with_timezone(&wib))
        }
        RawDate::Invalid(_) => None,
    }
}

fn describe_date(raw: &RawDate) -> String {
    match raw {
        RawDate::Text(text) => {
            let shown: String = text.chars().take(60).collect();
            if shown.len() < text.len() {
                format!("{shown:?}…")
            } else {
                format!("{shown:?}")
            }
        }
        RawDate::Unix(value) => format!("timestamp {value}"),
        RawDate::Invalid(what) => (*what).to_string(),
    }
}

/// Trims a string, reusing its allocation when nothing needs trimming.
pub fn trim_owned(s: String) -> String {
    let trimmed = s.trim();
    if trimmed.len() == s.len() {
        s
    } else {
        trimmed.to_string()
    }
}

/// Normalises a body to one paragraph per line: lines trimmed (CRLF handled), blank lines
/// dropped. Reuses the allocation when the body is already in that form.
pub fn normalize_body(body: String) -> String {
    let clean = !body.contains('\r')
        && body
            .split('\n')
            .all(|line| !line.is_empty() && line.trim().len() == line.len());
    if clean {
        return body;
    }
    let mut out = String::with_capacity(body.len());
    for line in body.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

/// [`normalize_tags`] on owned tags, reusing their allocations where possible.
fn normalize_tags_owned(tags: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for tag in tags {
        let tag = collapse_owned(tag);
        if !tag.is_empty() && !out.iter().any(|seen| same_tag(seen, &tag)) {
            out.push(tag);
        }
    }
    out
}

/// Case-insensitive tag comparison.
fn same_tag(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// Splits a tag string on `,` or `;` (entries are not normalised yet).
pub fn split_tags(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Normalises tags: trims, collapses inner whitespace to one space, drops empty entries and
/// case-insensitive duplicates (the first spelling is kept).
pub fn normalize_tags<S: AsRef<str>>(tags: &[S]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for tag in tags {
        let tag = collapse_whitespace(tag.as_ref());
        if tag.is_empty() {
            continue;
        }
        if !out.iter().any(|seen| same_tag(seen, &tag)) {
            out.push(tag);
        }
    }
    out
}

/// Derives a headline from a body that has none.
///
/// Rule: take the first non-blank line (the first paragraph), then its first sentence: the text
/// up to the first `.`, `!` or `?` that is followed by whitespace or the end of the paragraph (a
/// final `.` is dropped, `!` and `?` are kept). Whitespace is collapsed. If the result is longer
/// than [`MAX_DERIVED_TITLE_CHARS`] (110) characters, it is cut at the last word boundary within
/// that limit (or hard at the limit for a single long word), trailing punctuation such as `,` or
/// `:` is removed and "…" is appended. An empty body gives an empty title.
pub fn derive_title(body: &str) -> String {
    let paragraph = body.lines().map(str::trim).find(|l| !l.is_empty());
    let Some(paragraph) = paragraph else {
        return String::new();
    };
    let sentence = first_sentence(paragraph);
    let sentence = collapse_whitespace(sentence);
    let sentence = sentence.strip_suffix('.').unwrap_or(&sentence).trim_end();
    if sentence.chars().count() <= MAX_DERIVED_TITLE_CHARS {
        return sentence.to_string();
    }
    // Byte index just past the MAX-th character.
    let limit = sentence
        .char_indices()
        .nth(MAX_DERIVED_TITLE_CHARS)
        .map_or(sentence.len(), |(i, _)| i);
    let head = &sentence[..limit];
    // `limit` sits on a character that is cut off; cutting at a space keeps whole words.
    let cut = if sentence[limit..].starts_with(' ') {
        head
    } else {
        match head.rfind(' ') {
            Some(space) if space > 0 => &head[..space],
            _ => head,
        }
    };
    let cut = cut.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—' | '(' | '"' | '“')
    });
    let cut = if cut.is_empty() { head } else { cut };
    format!("{cut}…")
}

/// Returns the first sentence of a paragraph (the whole paragraph if it has no sentence end).
fn first_sentence(paragraph: &str) -> &str {
    let mut chars = paragraph.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if matches!(c, '.' | '!' | '?') {
            match chars.peek() {
                None => return paragraph,
                Some(&(_, next)) if next.is_whitespace() => {
                    return &paragraph[..i + c.len_utf8()];
                }
                _ => {}
            }
        }
    }
    paragraph
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_case_insensitive() {
        assert_eq!(Field::from_name("Body"), Some((Field::Body, true)));
        assert_eq!(Field::from_name("CONTENT"), Some((Field::Body, false)));
        assert_eq!(Field::from_name("published_at"), Some((Field::Date, false)));
        assert_eq!(Field::from_name("nope"), None);
        assert_eq!(
            Field::names_of(&[Field::Title, Field::Body]),
            "title, headline, body, content, text"
        );
    }

    #[test]
    fn canonical_name_wins_over_alias() {
        let mut r = RawRecord::default();
        r.set_text(Field::Body, false, "from content".into());
        r.set_text(Field::Body, true, "from body".into());
        r.set_text(Field::Body, false, "from text".into());
        assert_eq!(r.body.as_deref(), Some("from body"));
        let mut r = RawRecord::default();
        r.set_text(Field::Body, true, "  ".into());
        r.set_text(Field::Body, false, "real".into());
        assert_eq!(r.body.as_deref(), Some("real"));
    }

    #[test]
    fn overlong_id_and_url_are_dropped_with_a_warning() {
        let mut r = RawRecord::default();
        r.set_text(Field::Id, true, "i".repeat(MAX_ID_BYTES + 1));
        r.set_text(Field::Url, true, "u".repeat(MAX_ID_BYTES));
        r.set_text(Field::Title, true, "Judul".into());
        let mut events = Vec::new();
        r.finish(7, 0, &mut |event| events.push(event));
        let [
            ReadEvent::Warning { line, message },
            ReadEvent::Article { article, .. },
        ] = &events[..]
        else {
            panic!("{events:?}");
        };
        assert_eq!(*line, Some(7));
        assert_eq!(
            message,
            &format!("id longer than {MAX_ID_BYTES} bytes, ignored")
        );
        assert_eq!(article.id, None);
        assert_eq!(article.url.as_ref().map(String::len), Some(MAX_ID_BYTES));
    }

    #[test]
    fn body_is_one_paragraph_per_line() {
        assert_eq!(
            normalize_body("Satu.\n\nDua.\r\n  Tiga. \n".into()),
            "Satu.\nDua.\nTiga."
        );
        assert_eq!(normalize_body("Satu.\nDua.".into()), "Satu.\nDua.");
        assert_eq!(normalize_body(" \n ".into()), "");
    }

    #[test]
    fn tags_are_normalised() {
        let tags = normalize_tags(&[
            "  Korea   Utara ",
            "rusia",
            "",
            "KOREA UTARA",
            "Rusia",
            "\tPolitik\n",
        ]);
        assert_eq!(tags, ["Korea Utara", "rusia", "Politik"]);
        assert_eq!(split_tags("a, b;c ,, ;"), ["a", "b", "c"]);
    }

    #[test]
    fn owned_tags_match_borrowed_tags() {
        let tags: Vec<String> = ["A", " a ", "b  c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(normalize_tags_owned(tags.clone()), normalize_tags(&tags));
    }

    #[test]
    fn title_short_sentence() {
        assert_eq!(
            derive_title("\n  Harga beras naik. Pedagang mengeluh.\nParagraf dua."),
            "Harga beras naik"
        );
        assert_eq!(derive_title("Apa kabar? Baik."), "Apa kabar?");
        assert_eq!(derive_title("Tanpa titik akhir"), "Tanpa titik akhir");
        assert_eq!(derive_title("Rp1.500 per kg. Lalu"), "Rp1.500 per kg");
        assert_eq!(derive_title(""), "");
    }

    #[test]
    fn title_cut_at_word_boundary() {
        let body = "Pemimpin Korea Utara Kim Jong Un bertemu Presiden Rusia Vladimir Putin di Rusia dalam kunjungan yang diperkirakan akan menghasilkan kesepakatan senjata.";
        let title = derive_title(body);
        assert!(title.ends_with('…'), "{title}");
        assert!(title.chars().count() <= MAX_DERIVED_TITLE_CHARS + 1);
        let stem = title.trim_end_matches('…');
        assert!(body.starts_with(stem));
        assert_eq!(body.as_bytes()[stem.len()], b' ');
        let long_word = "x".repeat(300);
        assert_eq!(derive_title(&long_word).chars().count(), 111);
    }
}
