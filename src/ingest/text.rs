//! Plain-text article reader (`.txt`), the format of the project's Kim–Putin reference report.
//!
//! Layout, top to bottom (CRLF line ends and a UTF-8 BOM are tolerated):
//! - an optional header block: `Key: value` lines (`Title`, `Date`, `Source`, `URL`, also
//!   `Category`, `Tags` and the Indonesian `Judul`, `Tanggal`, `Sumber`, `Kategori`; keys
//!   case-insensitive, any subset, any order; other `Key: value` lines in the block are ignored)
//!   ended by a blank line; the block counts only if at least one key is known;
//! - the body, one paragraph per line (blank lines dropped). If its first line starts with a
//!   section name and " - " (`INTERNASIONAL - ...`), the name becomes the category and is removed
//!   from the body. A section name is 2–40 characters of upper-case letters, spaces and `&`;
//! - an optional last line `Tags : a, b, c,` (key case-insensitive, `,` or `;` separated) that
//!   gives the tags and is not part of the body.
//!
//! Without a title, one is derived from the body with [`derive_title`](crate::ingest::derive_title).

use crate::ingest::read::{ReadError, ReadErrorKind, ReadEvent};
use crate::ingest::record::{Field, RawRecord, split_tags};

/// Reads one plain-text article from `content`, reporting it (or its failure) to `sink`.
///
/// Returns Err only for a blank text. The article has record line 1 and position 0.
pub fn read_text(content: &str, sink: &mut dyn FnMut(ReadEvent)) -> Result<(), ReadError> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    if content.trim().is_empty() {
        return Err(ReadError::new(ReadErrorKind::Empty));
    }
    let lines: Vec<&str> = content
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut record = RawRecord::default();
    let mut rest = &lines[..];

    if let Some(body_start) = parse_header(&lines, &mut record) {
        rest = &lines[body_start..];
    }

    // Trailing "Tags :" line.
    if let Some(last) = rest.iter().rposition(|l| !l.trim().is_empty())
        && let Some(tags) = tags_line(rest[last])
    {
        record.tags.extend(split_tags(tags));
        rest = &rest[..last];
    }

    let mut body = String::new();
    let mut first = true;
    for line in rest {
        let mut line = line.trim();
        if line.is_empty() {
            continue;
        }
        if first {
            first = false;
            if let Some((category, remainder)) = split_category(line) {
                record.set_text(Field::Category, false, category.to_string());
                line = remainder;
                if line.is_empty() {
                    continue;
                }
            }
        }
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(line);
    }
    record.set_text(Field::Body, true, body);
    record.finish(1, 0, sink);
    Ok(())
}

/// Recognises the header block at the top of `lines`; fills `record` and returns the index of the
/// first line after it, or None when there is no header block.
fn parse_header(lines: &[&str], record: &mut RawRecord) -> Option<usize> {
    let start = lines.iter().position(|l| !l.trim().is_empty())?;
    let end = lines[start..]
        .iter()
        .position(|l| l.trim().is_empty())
        .map_or(lines.len(), |n| start + n);
    // A header needs a blank line after it (a lone "Title: x" file is a header-only record).
    if end == lines.len() && end - start > 1 {
        return None;
    }
    let mut known = 0;
    let mut pairs = Vec::with_capacity(end - start);
    for line in &lines[start..end] {
        let (key, value) = header_pair(line)?;
        let field = header_field(key);
        if field.is_some() {
            known += 1;
        }
        pairs.push((field, value));
    }
    if known == 0 {
        return None;
    }
    for (field, value) in pairs {
        match field {
            Some(Field::Tags) => record.tags.extend(split_tags(value)),
            Some(field) => record.set_text(field, true, value.to_string()),
            None => {}
        }
    }
    Some(end)
}

/// Splits `Key: value` where the key is 1–20 letters, digits, spaces, `_` or `-`.
fn header_pair(line: &str) -> Option<(&str, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    let ok = !key.is_empty()
        && key.len() <= 20
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-'));
    ok.then(|| (key, value.trim()))
}

/// Maps a header key (case-insensitive) to the field it sets.
fn header_field(key: &str) -> Option<Field> {
    const KEYS: &[(&str, Field)] = &[
        ("title", Field::Title),
        ("judul", Field::Title),
        ("headline", Field::Title),
        ("date", Field::Date),
        ("tanggal", Field::Date),
        ("published", Field::Date),
        ("source", Field::Source),
        ("sumber", Field::Source),
        ("url", Field::Url),
        ("link", Field::Url),
        ("category", Field::Category),
        ("kategori", Field::Category),
        ("section", Field::Category),
        ("tags", Field::Tags),
    ];
    KEYS.iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(key))
        .map(|&(_, field)| field)
}

/// Returns the tag list of a `Tags : a, b,` line (key `tags` or `tag`, case-insensitive).
fn tags_line(line: &str) -> Option<&str> {
    let line = line.trim();
    let (key, value) = line.split_once(':')?;
    let key = key.trim();
    (key.eq_ignore_ascii_case("tags") || key.eq_ignore_ascii_case("tag")).then_some(value)
}

/// Splits `SECTION - rest` into the section name and the rest, if the name is 2–40 characters
/// of upper-case letters, spaces and `&` starting with a letter.
fn split_category(line: &str) -> Option<(&str, &str)> {
    let idx = line.find(" - ")?;
    let name = line[..idx].trim();
    let count = name.chars().count();
    if !(2..=40).contains(&count) || !name.chars().next()?.is_uppercase() {
        return None;
    }
    if !name
        .chars()
        .all(|c| c.is_uppercase() || c == ' ' || c == '&')
    {
        return None;
    }
    Some((name, line[idx + 3..].trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::date::parse_date;

    const KIM_PUTIN: &str = include_str!("../../corpus/kim-putin-vostochny.txt");

    fn read(content: &str) -> (Vec<Article>, Vec<String>, Vec<ReadError>) {
        let mut articles = Vec::new();
        let mut warnings = Vec::new();
        let mut failures = Vec::new();
        read_text(content, &mut |e| match e {
            ReadEvent::Article { article, .. } => articles.push(article),
            ReadEvent::Warning { message, .. } => warnings.push(message),
            ReadEvent::Failed(err) => failures.push(err),
        })
        .expect("not empty");
        (articles, warnings, failures)
    }

    fn read_one(content: &str) -> Article {
        let (mut articles, _, failures) = read(content);
        assert!(failures.is_empty(), "{failures:?}");
        assert_eq!(articles.len(), 1);
        articles.remove(0)
    }

    #[test]
    fn kim_putin_reference_article() {
        let a = read_one(KIM_PUTIN);
        assert_eq!(a.category.as_deref(), Some("INTERNASIONAL"));
        assert_eq!(
            a.tags,
            [
                "Korea Utara",
                "Rusia",
                "Politik",
                "Konflik Rusia-Ukraina",
                "Vladimir Putin"
            ]
        );
        assert!(
            a.title
                .starts_with("Pemimpin Korea Utara Kim Jong Un bertemu Presiden Rusia")
        );
        assert!(a.title.ends_with('…'));
        assert!(a.title.chars().count() <= 111);
        assert!(!a.body.contains("Tags :"));
        assert!(!a.body.starts_with("INTERNASIONAL -"));
        assert!(a.body.starts_with("Pemimpin Korea Utara"));
        assert!(a.body.ends_with("sanksi tambahan.\""));
        assert_eq!(a.body.lines().count(), 42);
        assert_eq!(a.date, None);
        assert_eq!(a.id, None);
    }

    #[test]
    fn kim_putin_with_crlf_and_bom() {
        let crlf = format!("\u{feff}{}", KIM_PUTIN.replace('\n', "\r\n"));
        let a = read_one(&crlf);
        let b = read_one(KIM_PUTIN);
        assert_eq!(a, b);
        assert!(!a.body.contains('\r'));
    }

    #[test]
    fn header_block() {
        let text = "tanggal: 13/09/2023 10:00 WIB\nTITLE:  Kim bertemu Putin \nSource: BBC\nurl: https://example.org/a\nAuthor: Someone\n\nINTERNASIONAL - Isi pertama.\n\nIsi kedua.\nTAGS : Rusia , korea  utara ,rusia,\n";
        let a = read_one(text);
        assert_eq!(a.title, "Kim bertemu Putin");
        assert_eq!(a.date, parse_date("2023-09-13T10:00:00+07:00"));
        assert_eq!(a.source.as_deref(), Some("BBC"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(a.category.as_deref(), Some("INTERNASIONAL"));
        assert_eq!(a.body, "Isi pertama.\nIsi kedua.");
        assert_eq!(a.tags, ["Rusia", "korea utara"]);
    }

    #[test]
    fn no_title_no_category() {
        let a = read_one("Pada Selasa - juru bicara berkata. Lalu pergi.\nParagraf dua.\n");
        assert_eq!(a.category, None);
        assert_eq!(a.title, "Pada Selasa - juru bicara berkata");
        assert_eq!(
            a.body,
            "Pada Selasa - juru bicara berkata. Lalu pergi.\nParagraf dua."
        );
        assert!(a.tags.is_empty());
    }

    #[test]
    fn category_rule() {
        assert_eq!(
            split_category("EKONOMI & BISNIS - x"),
            Some(("EKONOMI & BISNIS", "x"))
        );
        assert_eq!(split_category("AS - x"), Some(("AS", "x")));
        assert_eq!(split_category("A - x"), None);
        assert_eq!(split_category("Pada Selasa - x"), None);
        assert_eq!(split_category("JAKARTA, KOMPAS.com - x"), None);
        assert_eq!(split_category(&format!("{} - x", "A".repeat(41))), None);
        assert_eq!(split_category("NO DASH HERE"), None);
    }

    #[test]
    fn tags_line_variants() {
        for line in ["Tags: a,b", "TAGS : a , b ,", "tags :a;b", "Tag: a, b"] {
            let a = read_one(&format!("Isi berita.\n{line}\n\n"));
            assert_eq!(a.tags, ["a", "b"], "{line}");
            assert_eq!(a.body, "Isi berita.");
        }
    }

    #[test]
    fn bad_date_warns_but_keeps_article() {
        let (articles, warnings, _) = read("Date: kemarin sore\n\nIsi.\n");
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].date, None);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("unparseable date"), "{}", warnings[0]);
    }

    #[test]
    fn lines_that_are_not_a_header_stay_body() {
        let a = read_one("Catatan: ini bukan header\n\nIsi.\n");
        assert_eq!(a.body, "Catatan: ini bukan header\nIsi.");
        // No blank line after: not a header block.
        let a = read_one("Title: x\nIsi pertama.\nIsi kedua.");
        assert_eq!(a.body, "Title: x\nIsi pertama.\nIsi kedua.");
    }

    #[test]
    fn header_only_or_tags_only() {
        let a = read_one("Title: Hanya judul\n");
        assert_eq!(a.title, "Hanya judul");
        assert_eq!(a.body, "");
        let (articles, _, failures) = read("Tags: a, b\n");
        assert!(articles.is_empty());
        assert!(matches!(failures[0].kind, ReadErrorKind::NoContent));
        assert_eq!(failures[0].line, Some(1));
    }

    #[test]
    fn blank_text_is_empty() {
        let err = read_text("\u{feff} \r\n\t", &mut |_| {}).expect_err("empty");
        assert!(matches!(err.kind, ReadErrorKind::Empty));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = read_text(&s, &mut |_| {});
        }

        #[test]
        fn never_panics_structured(s in "([A-Z &]{0,8} - |Tags ?: ?|Title: |Date: |\r?\n|[a-z.,;!? ]{0,10}){0,12}") {
            let _ = read_text(&s, &mut |_| {});
        }
    }
}
