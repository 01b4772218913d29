//! JSON (`.json`) and JSON Lines (`.jsonl`, `.ndjson`) article readers.
//!
//! An article object has the fields id, url, source, date, title, body, category, tags, with
//! aliases `link` (url), `published`/`published_at` (date), `headline` (title), `content`/`text`
//! (body), `section` (category), `keywords` (tags); keys are matched ASCII case-insensitively and
//! unknown keys are ignored. When a record has both a canonical key and an alias (`body` and
//! `content`), the canonical one wins. Scalars are accepted where strings are expected (a numeric
//! id becomes its decimal text), a date may be a unix timestamp number, tags may be a list or a
//! `,`/`;`-separated string, and a body may be a list of paragraphs.
//!
//! A `.json` file holds one object, an array of objects, or several objects one after another
//! (JSON Lines saved as `.json`); array elements are located by a small structural scan and then
//! deserialised one at a time, so memory stays at the file plus one article and each element gets
//! its own line number. A `.jsonl` file is streamed line by line with one reused buffer.

use std::fmt;
use std::io::BufRead;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::ingest::read::{ReadError, ReadErrorKind, ReadEvent, strip_bom};
use crate::ingest::record::{Field, RawRecord, split_tags};

/// Reads a `.json` document: an article object, an array of them, or a sequence of objects.
///
/// A malformed element is reported with its line and reading goes on with the next element while
/// the document structure can still be followed; a structural error (unclosed string or array)
/// reports the line and ends the file. Returns Err only for a blank document.
pub fn read_json(content: &str, sink: &mut dyn FnMut(ReadEvent)) -> Result<(), ReadError> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let bytes = content.as_bytes();
    let mut lines = LineCounter::default();
    let mut position: u64 = 0;
    let mut i = skip_ws(bytes, 0);
    if i == bytes.len() {
        return Err(ReadError::new(ReadErrorKind::Empty));
    }
    while i < bytes.len() {
        if bytes[i] == b'[' {
            i = skip_ws(bytes, i + 1);
            // Elements of a top-level array.
            loop {
                if i == bytes.len() {
                    let line = lines.line_at(bytes, i);
                    sink(failed(line, "unexpected end of file, array not closed"));
                    return Ok(());
                }
                if bytes[i] == b']' {
                    i += 1;
                    break;
                }
                let end = match value_end(bytes, i) {
                    Ok(end) => end,
                    Err(at) => {
                        let line = lines.line_at(bytes, at);
                        sink(failed(line, "unexpected end of file inside a value"));
                        return Ok(());
                    }
                };
                let line = lines.line_at(bytes, i);
                if end == i {
                    sink(failed(line, "expected an article object"));
                    return Ok(());
                }
                read_record(&content[i..end], line, position, sink);
                position += 1;
                i = skip_ws(bytes, end);
                match bytes.get(i) {
                    Some(b',') => i = skip_ws(bytes, i + 1),
                    Some(b']') | None => {}
                    Some(_) => {
                        let line = lines.line_at(bytes, i);
                        sink(failed(line, "expected `,` or `]` after an array element"));
                        return Ok(());
                    }
                }
            }
        } else {
            let end = match value_end(bytes, i) {
                Ok(end) => end,
                Err(at) => {
                    let line = lines.line_at(bytes, at);
                    sink(failed(line, "unexpected end of file inside a value"));
                    return Ok(());
                }
            };
            let line = lines.line_at(bytes, i);
            if end == i {
                sink(failed(
                    line,
                    "expected an article object or an array of them",
                ));
                return Ok(());
            }
            read_record(&content[i..end], line, position, sink);
            position += 1;
            i = end;
        }
        i = skip_ws(bytes, i);
        // Tolerate commas between top-level objects.
        if bytes.get(i) == Some(&b',') {
            i = skip_ws(bytes, i + 1);
        }
    }
    Ok(())
}

/// Streams a JSON Lines document: one article object per line, blank lines skipped.
///
/// A malformed line is reported with its line number and the other lines are still read; invalid
/// UTF-8 is decoded lossily with one warning per file. Returns Err on an I/O error (with the line)
/// or when the document has no non-blank line.
pub fn read_json_lines<R: BufRead>(
    mut reader: R,
    sink: &mut dyn FnMut(ReadEvent),
) -> Result<(), ReadError> {
    let mut buf: Vec<u8> = Vec::with_capacity(64 * 1024);
    let mut line: u64 = 0;
    let mut position: u64 = 0;
    let mut warned_utf8 = false;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|e| ReadError::at(line + 1, ReadErrorKind::Io(e)))?;
        if n == 0 {
            break;
        }
        line += 1;
        let mut bytes = &buf[..];
        if line == 1 {
            bytes = strip_bom(bytes);
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let lossy;
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(_) => {
                if !warned_utf8 {
                    warned_utf8 = true;
                    sink(ReadEvent::Warning {
                        line: Some(line),
                        message: "invalid UTF-8, decoded lossily (first at this line)".to_string(),
                    });
                }
                lossy = String::from_utf8_lossy(bytes);
                &lossy
            }
        };
        read_record(text.trim(), line, position, sink);
        position += 1;
    }
    if position == 0 {
        return Err(ReadError::new(ReadErrorKind::Empty));
    }
    Ok(())
}

/// Deserialises one article object from `text` (which starts at `line`) and reports it.
fn read_record(text: &str, line: u64, position: u64, sink: &mut dyn FnMut(ReadEvent)) {
    match serde_json::from_str::<JsonRecord>(text) {
        Ok(JsonRecord(record)) => record.finish(line, position, sink),
        Err(err) => {
            let err_line = line + (err.line() as u64).saturating_sub(1);
            sink(ReadEvent::Failed(ReadError::at(
                err_line,
                ReadErrorKind::Json(json_message(&err)),
            )))
        }
    }
}

/// Formats a serde_json error without its "at line L column C" suffix (the line is reported
/// separately, relative to the file), keeping the column when the error is on the record's line.
fn json_message(err: &serde_json::Error) -> String {
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full);
    if err.line() == 0 {
        message.to_string()
    } else {
        format!("{message} (column {})", err.column())
    }
}

fn failed(line: u64, message: &str) -> ReadEvent {
    ReadEvent::Failed(ReadError::at(
        line,
        ReadErrorKind::Json(message.to_string()),
    ))
}

/// Counts newlines incrementally so that line lookups over a document stay linear.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    newlines: u64,
}

impl LineCounter {
    /// Returns the 1-based line of byte `at`; `at` must not go backwards between calls.
    fn line_at(&mut self, bytes: &[u8], at: usize) -> u64 {
        let at = at.min(bytes.len());
        if at > self.offset {
            self.newlines += bytes[self.offset..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            self.offset = at;
        }
        self.newlines + 1
    }
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// Finds the end of the JSON value starting at `start` by following strings and brackets only
/// (validation is left to serde_json). Err gives the offset where the input ran out.
fn value_end(bytes: &[u8], start: usize) -> Result<usize, usize> {
    let mut depth: usize = 0;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                loop {
                    match bytes.get(i) {
                        None => return Err(start),
                        Some(b'\\') => i += 2,
                        Some(b'"') => break,
                        Some(_) => i += 1,
                    }
                }
                if depth == 0 {
                    return Ok(i + 1);
                }
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return Ok(i);
                }
                depth -= 1;
                if depth == 0 {
                    return Ok(i + 1);
                }
            }
            b',' if depth == 0 => return Ok(i),
            b if depth == 0 && b.is_ascii_whitespace() => return Ok(i),
            _ => {}
        }
        i += 1;
    }
    if depth == 0 { Ok(i) } else { Err(start) }
}

/// One article object, deserialised straight into a [`RawRecord`].
struct JsonRecord(RawRecord);

impl<'de> Deserialize<'de> for JsonRecord {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(RecordVisitor)
    }
}

struct RecordVisitor;

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = JsonRecord;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an article object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonRecord, A::Error> {
        let mut record = RawRecord::default();
        while let Some(FieldKey(key)) = map.next_key()? {
            let Some((field, canonical)) = key else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            match field {
                Field::Tags => {
                    let Tags(tags) = map.next_value()?;
                    record.set_tags(canonical, tags);
                }
                Field::Date => match map.next_value()? {
                    DateValue::Text(text) => record.set_text(Field::Date, canonical, text),
                    DateValue::Unix(seconds) => record.set_unix_date(canonical, seconds),
                    DateValue::Invalid(what) => record.set_invalid_date(canonical, what),
                    DateValue::None => {}
                },
                _ => {
                    let Text(text) = map.next_value()?;
                    if let Some(text) = text {
                        record.set_text(field, canonical, text);
                    }
                }
            }
        }
        Ok(JsonRecord(record))
    }
}

/// An object key, mapped to a known field (or None) without allocating.
struct FieldKey(Option<(Field, bool)>);

impl<'de> Deserialize<'de> for FieldKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = FieldKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<FieldKey, E> {
                Ok(FieldKey(Field::from_name(key)))
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// A string-like value: strings as is, numbers and booleans as text, null and objects as None,
/// and a list of strings joined with newlines (bodies stored as paragraph lists).
struct Text(Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, number, list of strings or null")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        Ok(Text(Some(v.to_string())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
        Ok(Text(Some(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
        Ok(Text(Some(v.to_string())))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
        Ok(Text(Some(v.to_string())))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
        Ok(Text(Some(v.to_string())))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Text, E> {
        Ok(Text(Some(v.to_string())))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
        Ok(Text(None))
    }
    fn visit_none<E: de::Error>(self) -> Result<Text, E> {
        Ok(Text(None))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Text(None))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
        let mut joined = String::new();
        while let Some(Text(item)) = seq.next_element()? {
            if let Some(item) = item {
                if !joined.is_empty() {
                    joined.push('\n');
                }
                joined.push_str(&item);
            }
        }
        Ok(Text(Some(joined)))
    }
}

/// Tags given as a list (non-string items stringified, objects and nulls skipped) or as one
/// `,`/`;`-separated string.
struct Tags(Vec<String>);

impl<'de> Deserialize<'de> for Tags {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TagsVisitor;
        impl<'de> Visitor<'de> for TagsVisitor {
            type Value = Tags;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of tags or a comma-separated string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Tags, E> {
                Ok(Tags(split_tags(v)))
            }
            // A lone number is one tag and a boolean or an object none, as in
            // a list: an odd tags value never costs the article.
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Tags, E> {
                Ok(Tags(vec![v.to_string()]))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Tags, E> {
                Ok(Tags(vec![v.to_string()]))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Tags, E> {
                Ok(Tags(vec![v.to_string()]))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Tags, E> {
                Ok(Tags(Vec::new()))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tags, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Tags(Vec::new()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Tags, E> {
                Ok(Tags(Vec::new()))
            }
            fn visit_none<E: de::Error>(self) -> Result<Tags, E> {
                Ok(Tags(Vec::new()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tags, A::Error> {
                let mut tags = Vec::new();
                while let Some(TagItem(item)) = seq.next_element()? {
                    tags.extend(item);
                }
                Ok(Tags(tags))
            }
        }
        deserializer.deserialize_any(TagsVisitor)
    }
}

/// One tag list item; anything that is not a scalar is skipped.
struct TagItem(Option<String>);

impl<'de> Deserialize<'de> for TagItem {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ItemVisitor;
        impl<'de> Visitor<'de> for ItemVisitor {
            type Value = TagItem;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a tag")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TagItem, E> {
                Ok(TagItem(Some(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<TagItem, E> {
                Ok(TagItem(Some(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<TagItem, E> {
                Ok(TagItem(Some(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<TagItem, E> {
                Ok(TagItem(Some(v.to_string())))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<TagItem, E> {
                Ok(TagItem(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<TagItem, E> {
                Ok(TagItem(None))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TagItem, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(TagItem(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TagItem, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(TagItem(None))
            }
        }
        deserializer.deserialize_any(ItemVisitor)
    }
}

/// A date: text to parse later, a unix timestamp, nothing, or a value of the wrong type.
enum DateValue {
    Text(String),
    Unix(i64),
    None,
    Invalid(&'static str),
}

impl<'de> Deserialize<'de> for DateValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = DateValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date string or a unix timestamp")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateValue, E> {
                Ok(DateValue::Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DateValue, E> {
                Ok(DateValue::Unix(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<DateValue, E> {
                Ok(i64::try_from(v).map_or(DateValue::None, DateValue::Unix))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<DateValue, E> {
                if v.is_finite() && v.abs() < 1e15 {
                    Ok(DateValue::Unix(v as i64))
                } else {
                    Ok(DateValue::Invalid("an out-of-range number"))
                }
            }
            fn visit_unit<E: de::Error>(self) -> Result<DateValue, E> {
                Ok(DateValue::None)
            }
            fn visit_none<E: de::Error>(self) -> Result<DateValue, E> {
                Ok(DateValue::None)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<DateValue, E> {
                Ok(DateValue::Invalid("a boolean"))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DateValue, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(DateValue::Invalid("a list"))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DateValue, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(DateValue::Invalid("an object"))
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_date;
    use crate::ingest::tests::{Collected, sink_into};

    fn json(content: &str) -> Collected {
        let mut c = Collected::default();
        read_json(content, &mut sink_into(&mut c)).expect("not empty");
        c
    }

    fn jsonl(content: &[u8]) -> Collected {
        let mut c = Collected::default();
        read_json_lines(content, &mut sink_into(&mut c)).expect("not empty");
        c
    }

    #[test]
    fn single_object_with_all_fields() {
        let c = json(
            r#"{"id":"a1","url":"https://x.id/a","source":"detik","date":"2023-09-13T10:00:00+07:00",
               "title":" Judul ","body":"Isi.\nDua.","category":"Ekonomi","tags":["A","b ","a"],"extra":{"x":[1,2]}}"#,
        );
        assert!(c.failures.is_empty(), "{:?}", c.failures);
        let (line, position, a) = &c.articles[0];
        assert_eq!((*line, *position), (1, 0));
        assert_eq!(a.id.as_deref(), Some("a1"));
        assert_eq!(a.url.as_deref(), Some("https://x.id/a"));
        assert_eq!(a.source.as_deref(), Some("detik"));
        assert_eq!(a.date, parse_date("2023-09-13T10:00:00+07:00"));
        assert_eq!(a.title, "Judul");
        assert_eq!(a.body, "Isi.\nDua.");
        assert_eq!(a.category.as_deref(), Some("Ekonomi"));
        assert_eq!(a.tags, ["A", "b"]);
    }

    #[test]
    fn aliases_and_keywords_string() {
        let c = json(
            r#"{"id": 12345, "link":"u","headline":"H","content":"C","section":"S",
                "keywords":"satu, dua;tiga,","published_at":"13 September 2023 | 10:00 WITA"}"#,
        );
        let a = &c.articles[0].2;
        assert_eq!(a.id.as_deref(), Some("12345"));
        assert_eq!(a.url.as_deref(), Some("u"));
        assert_eq!(a.title, "H");
        assert_eq!(a.body, "C");
        assert_eq!(a.category.as_deref(), Some("S"));
        assert_eq!(a.tags, ["satu", "dua", "tiga"]);
        assert_eq!(a.date, parse_date("2023-09-13T10:00:00+08:00"));
        let c = json(r#"{"text":"T","Published":1694574000,"BODY":"B","TITLE":"x"}"#);
        let a = &c.articles[0].2;
        assert_eq!(a.body, "B");
        assert_eq!(a.date, parse_date("2023-09-13T10:00:00+07:00"));
    }

    #[test]
    fn array_with_bad_element_and_lines() {
        let c = json(
            "[\n  {\"title\":\"satu\"},\n  {\"title\": 1, \"body\": nul},\n  {\"body\":\"Tiga. Lagi\"},\n  {\"tags\":[\"x\"]},\n  7\n]\n",
        );
        let titles: Vec<_> = c
            .articles
            .iter()
            .map(|(l, p, a)| (*l, *p, a.title.as_str()))
            .collect();
        assert_eq!(titles, [(2, 0, "satu"), (4, 2, "Tiga")]);
        let lines: Vec<_> = c.failures.iter().map(|e| e.line).collect();
        assert_eq!(lines, [Some(3), Some(5), Some(6)]);
        assert!(
            c.failures[0]
                .to_string()
                .starts_with("line 3: invalid JSON: ")
        );
        assert!(matches!(c.failures[1].kind, ReadErrorKind::NoContent));
        assert!(
            c.failures[2]
                .to_string()
                .contains("expected an article object"),
            "{}",
            c.failures[2]
        );
    }

    #[test]
    fn unclosed_array_reports_line() {
        let c = json("[{\"title\":\"a\"},\n{\"title\":\"b\"\n");
        assert_eq!(c.articles.len(), 1);
        assert_eq!(c.failures.len(), 1);
        assert_eq!(c.failures[0].line, Some(2));
        let c = json("[{\"title\":\"a\"} {\"title\":\"b\"}]");
        assert_eq!(c.articles.len(), 1);
        assert_eq!(c.failures.len(), 1);
    }

    #[test]
    fn concatenated_objects_in_json_file() {
        let c = json("{\"title\":\"a\"}\n{\"title\":\"b\"}\n");
        assert_eq!(c.articles.len(), 2);
        assert_eq!(c.articles[1].0, 2);
        assert_eq!(c.articles[1].1, 1);
    }

    #[test]
    fn strings_with_brackets_and_escapes() {
        let c = json(r#"[{"title":"a ] } \" [","body":"\\"},{"title":"b"}]"#);
        assert!(c.failures.is_empty(), "{:?}", c.failures);
        assert_eq!(c.articles[0].2.title, "a ] } \" [");
        assert_eq!(c.articles.len(), 2);
    }

    #[test]
    fn jsonl_malformed_middle_line() {
        let c = jsonl(
            b"{\"title\":\"satu\"}\n{\"title\": \"dua\n\n{\"title\":\"tiga\",\"body\":\"b\"}\n",
        );
        let got: Vec<_> = c
            .articles
            .iter()
            .map(|(l, p, a)| (*l, *p, a.title.as_str()))
            .collect();
        assert_eq!(got, [(1, 0, "satu"), (4, 2, "tiga")]);
        assert_eq!(c.failures.len(), 1);
        assert_eq!(c.failures[0].line, Some(2));
        let msg = c.failures[0].to_string();
        assert!(msg.starts_with("line 2: invalid JSON: "), "{msg}");
        assert!(!msg.contains("at line 1"), "{msg}");
    }

    #[test]
    fn jsonl_spec_case_lines_1_2_3() {
        let c = jsonl(b"{\"title\":\"a\"}\r\n{oops}\r\n{\"title\":\"c\"}");
        let lines: Vec<u64> = c.articles.iter().map(|a| a.0).collect();
        assert_eq!(lines, [1, 3]);
        assert_eq!(c.failures[0].line, Some(2));
    }

    #[test]
    fn jsonl_bom_lossy_and_dates() {
        let c = jsonl(b"\xEF\xBB\xBF{\"title\":\"a\",\"date\":\"kemarin\"}\n{\"title\":\"caf\xe9\"}\n{\"title\":\"\xff\"}\n");
        assert_eq!(c.articles.len(), 3);
        assert_eq!(c.articles[1].2.title, "caf\u{FFFD}");
        let utf8: Vec<_> = c
            .warnings
            .iter()
            .filter(|w| w.1.contains("UTF-8"))
            .collect();
        assert_eq!(utf8.len(), 1);
        assert_eq!(utf8[0].0, Some(2));
        let dates: Vec<_> = c.warnings.iter().filter(|w| w.1.contains("date")).collect();
        assert_eq!(dates.len(), 1);
        assert_eq!(dates[0].0, Some(1));
        assert_eq!(c.articles[0].2.date, None);
    }

    #[test]
    fn jsonl_large_line() {
        let body = "kata ".repeat(2_100_000);
        let line = format!("{{\"body\":\"{body}\"}}\n");
        assert!(line.len() > 10_000_000);
        let c = jsonl(line.as_bytes());
        assert_eq!(c.articles.len(), 1);
        assert!(c.articles[0].2.title.chars().count() <= 111);
    }

    #[test]
    fn body_as_paragraph_list() {
        let c = json(r#"{"body":["Satu.","Dua."],"tags":[{"n":1},"x",null,3]}"#);
        assert_eq!(c.articles[0].2.body, "Satu.\nDua.");
        assert_eq!(c.articles[0].2.tags, ["x", "3"]);
    }

    #[test]
    fn odd_value_types_do_not_fail_the_record() {
        let c = json(
            r#"{"title":"T","date":{"$date":"2023-09-13"},"source":{"name":"x"},"url":["u"]}"#,
        );
        assert!(c.failures.is_empty(), "{:?}", c.failures);
        let a = &c.articles[0].2;
        assert_eq!(a.date, None);
        assert_eq!(a.source, None);
        assert_eq!(a.url.as_deref(), Some("u"));
        assert_eq!(c.warnings.len(), 1);
        assert!(c.warnings[0].1.contains("an object"), "{}", c.warnings[0].1);
        let c = json(r#"{"title":"T","date":1e300,"published":true}"#);
        assert_eq!(c.articles.len(), 1);
        for (tags, expected) in [
            ("false", vec![]),
            ("2024", vec!["2024"]),
            ("1.5", vec!["1.5"]),
            (r#"{"a": [1]}"#, vec![]),
        ] {
            let c = json(&format!(r#"{{"title":"T","tags":{tags}}}"#));
            assert!(c.failures.is_empty(), "{tags}: {:?}", c.failures);
            assert_eq!(c.articles[0].2.tags, expected, "{tags}");
        }
    }

    #[test]
    fn blank_documents_are_empty() {
        assert!(read_json("\u{feff} \n", &mut |_| {}).is_err());
        assert!(read_json_lines(&b"\n \n"[..], &mut |_| {}).is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn jsonl_never_panics(s in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let _ = read_json_lines(&s[..], &mut |_| {});
        }

        #[test]
        fn json_never_panics(s in "\\PC{0,200}") {
            let _ = read_json(&s, &mut |_| {});
            let _ = read_json_lines(s.as_bytes(), &mut |_| {});
        }

        #[test]
        fn json_structured_never_panics(s in "[\\[\\]{}\",:\\\\ \na-z0-9]{0,120}") {
            let _ = read_json(&s, &mut |_| {});
            let _ = read_json_lines(s.as_bytes(), &mut |_| {});
        }
    }
}
