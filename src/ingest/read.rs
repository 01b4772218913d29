//! Reading one article file: the event and error types shared by all readers, and [`read_file`],
//! which checks a file (binary, empty, UTF-8) and dispatches to the reader for its format.
//!
//! Called by the ingest loop for each file the folder walk finds; the loop prefixes messages
//! with the path.

use std::fmt;
use std::fs::File;
use std::io::{self, BufReader, Read, Seek};
use std::path::Path;

use crate::article::Article;
pub use crate::ingest::format::Format;
use crate::ingest::{csv, json, text};

/// How many leading bytes are checked for NUL bytes to detect binary files.
const BINARY_CHECK_BYTES: usize = 8 * 1024;

/// What a reader reports while reading one file, in file order.
#[derive(Debug)]
// Events go to the sink one at a time and are never stored in bulk, so the
// size of the article variant costs nothing; boxing it would add an allocation.
#[allow(clippy::large_enum_variant)]
pub enum ReadEvent {
    /// A parsed article; `line` is the 1-based line where its record starts; `position` the
    /// 0-based record index in the file (used for ids when the record has no id/url).
    Article {
        /// 1-based line where the record starts.
        line: u64,
        /// 0-based record index in the file.
        position: u64,
        /// The article.
        article: Article,
    },
    /// A non-fatal problem; the record or file was still used (bad date, lossy UTF-8).
    Warning {
        /// 1-based line the warning is about, if any.
        line: Option<u64>,
        /// Lowercase message without the path.
        message: String,
    },
    /// One record could not be read; the rest of the file goes on.
    Failed(ReadError),
}

/// A record-level or file-level read error, with the 1-based line when known.
#[derive(Debug, thiserror::Error)]
#[error("{}{kind}", LinePrefix(*.line))]
pub struct ReadError {
    /// 1-based line of the problem, if known.
    pub line: Option<u64>,
    /// What went wrong.
    pub kind: ReadErrorKind,
}

impl ReadError {
    /// Builds an error without a line number.
    pub fn new(kind: ReadErrorKind) -> ReadError {
        ReadError { line: None, kind }
    }

    /// Builds an error at a 1-based line.
    pub fn at(line: u64, kind: ReadErrorKind) -> ReadError {
        ReadError {
            line: Some(line),
            kind,
        }
    }
}

/// Formats `line N: ` or nothing.
struct LinePrefix(Option<u64>);

impl fmt::Display for LinePrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(line) => write!(f, "line {line}: "),
            None => Ok(()),
        }
    }
}

/// The kinds of read errors.
#[derive(Debug, thiserror::Error)]
pub enum ReadErrorKind {
    /// The file could not be opened or read.
    #[error("cannot read file: {0}")]
    Io(io::Error),
    /// The file has NUL bytes in its first 8 KiB.
    #[error("binary file (NUL bytes in the first 8 KiB), skipped")]
    Binary,
    /// The file is empty or whitespace only.
    #[error("empty file, skipped")]
    Empty,
    /// Malformed JSON, or JSON that is not an article object.
    #[error("invalid JSON: {0}")]
    Json(String),
    /// Malformed CSV.
    #[error("invalid CSV: {0}")]
    Csv(String),
    /// The CSV header has no usable title or body column.
    #[error("no title or body column in the CSV header: {0}")]
    MissingColumns(String),
    /// The record has neither a title nor a body.
    #[error("record has no title and no body")]
    NoContent,
}

impl ReadErrorKind {
    /// True for Binary/Empty: the file is skipped rather than failed.
    pub fn is_skip(&self) -> bool {
        matches!(self, ReadErrorKind::Binary | ReadErrorKind::Empty)
    }
}

impl From<io::Error> for ReadErrorKind {
    fn from(err: io::Error) -> ReadErrorKind {
        ReadErrorKind::Io(err)
    }
}

/// Reads one file in the given format, calling `sink` for each event.
///
/// Returns Err only when the whole file is unusable (unreadable, binary, empty, CSV without a
/// usable header); record problems are reported as [`ReadEvent::Failed`]. Sets
/// `article.path = path.display().to_string()`.
pub fn read_file(
    path: &Path,
    format: Format,
    sink: &mut dyn FnMut(ReadEvent),
) -> Result<(), ReadError> {
    let path_text = path.display().to_string();
    let mut with_path = |mut event: ReadEvent| {
        if let ReadEvent::Article { article, .. } = &mut event {
            article.path.clone_from(&path_text);
        }
        sink(event)
    };
    let io_err = |e: io::Error| ReadError::new(ReadErrorKind::Io(e));
    let mut file = File::open(path).map_err(io_err)?;
    match format {
        Format::Text | Format::Json => {
            let mut bytes = Vec::new();
            file.read_to_end(&mut bytes).map_err(io_err)?;
            check_head(&bytes)?;
            let content = decode_lossy(bytes, &mut with_path);
            match format {
                Format::Text => text::read_text(&content, &mut with_path),
                _ => json::read_json(&content, &mut with_path),
            }
        }
        Format::JsonLines | Format::Csv => {
            let mut head = Vec::with_capacity(BINARY_CHECK_BYTES);
            (&mut file)
                .take(BINARY_CHECK_BYTES as u64)
                .read_to_end(&mut head)
                .map_err(io_err)?;
            check_head(&head)?;
            file.rewind().map_err(io_err)?;
            let reader = BufReader::with_capacity(64 * 1024, file);
            match format {
                Format::JsonLines => json::read_json_lines(reader, &mut with_path),
                _ => csv::read_csv(reader, &mut with_path),
            }
        }
    }
}

/// Rejects binary files (NUL in the first 8 KiB) and files that are blank as far as `head` shows.
///
/// `head` is either the whole file or its first 8 KiB; a longer blank prefix is left to the
/// streaming readers, which report an empty file themselves.
pub fn check_head(head: &[u8]) -> Result<(), ReadError> {
    let checked = &head[..head.len().min(BINARY_CHECK_BYTES)];
    if checked.contains(&0) {
        return Err(ReadError::new(ReadErrorKind::Binary));
    }
    if head.len() < BINARY_CHECK_BYTES && is_blank(head) {
        return Err(ReadError::new(ReadErrorKind::Empty));
    }
    Ok(())
}

/// True when the bytes are only ASCII whitespace and UTF-8 byte-order marks.
pub fn is_blank(bytes: &[u8]) -> bool {
    let bytes = strip_bom(bytes);
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// Strips a leading UTF-8 byte-order mark.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Decodes bytes as UTF-8, replacing invalid sequences and warning once with the first bad line.
pub fn decode_lossy(bytes: Vec<u8>, sink: &mut dyn FnMut(ReadEvent)) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let line = 1 + bytes[..valid].iter().filter(|&&b| b == b'\n').count() as u64;
            sink(ReadEvent::Warning {
                line: Some(line),
                message: "invalid UTF-8, decoded lossily".to_string(),
            });
            String::from_utf8_lossy(&bytes).into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write_temp(name: &str, bytes: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(name);
        let mut file = File::create(&path).expect("create");
        file.write_all(bytes).expect("write");
        (dir, path)
    }

    fn collect(path: &Path, format: Format) -> (Result<(), ReadError>, Vec<ReadEvent>) {
        let mut events = Vec::new();
        let result = read_file(path, format, &mut |e| events.push(e));
        (result, events)
    }

    #[test]
    fn error_display() {
        let err = ReadError::at(17, ReadErrorKind::Json("expected value at column 3".into()));
        assert_eq!(
            err.to_string(),
            "line 17: invalid JSON: expected value at column 3"
        );
        assert_eq!(
            ReadError::new(ReadErrorKind::NoContent).to_string(),
            "record has no title and no body"
        );
        assert!(ReadErrorKind::Binary.is_skip());
        assert!(ReadErrorKind::Empty.is_skip());
        assert!(!ReadErrorKind::NoContent.is_skip());
    }

    #[test]
    fn binary_and_empty_files_are_skipped() {
        for format in [Format::Text, Format::Json, Format::JsonLines, Format::Csv] {
            let (_d, path) = write_temp("bin", b"PK\x03\x04\x00\x00binary");
            let (result, events) = collect(&path, format);
            let err = result.expect_err("binary");
            assert!(matches!(err.kind, ReadErrorKind::Binary), "{format:?}");
            assert!(err.kind.is_skip());
            assert!(events.is_empty());

            for blank in [&b""[..], b"  \n\r\n\t", b"\xEF\xBB\xBF\n"] {
                let (_d, path) = write_temp("empty", blank);
                let (result, events) = collect(&path, format);
                let err = result.expect_err("empty");
                assert!(matches!(err.kind, ReadErrorKind::Empty), "{format:?}");
                assert!(events.is_empty());
            }
        }
    }

    #[test]
    fn long_blank_jsonl_is_empty() {
        let (_d, path) = write_temp("blank.jsonl", &vec![b'\n'; 20_000]);
        let (result, _) = collect(&path, Format::JsonLines);
        assert!(matches!(
            result.map_err(|e| e.kind),
            Err(ReadErrorKind::Empty)
        ));
        let (_d, path) = write_temp("blank.csv", &vec![b'\n'; 20_000]);
        let (result, _) = collect(&path, Format::Csv);
        assert!(matches!(
            result.map_err(|e| e.kind),
            Err(ReadErrorKind::Empty)
        ));
    }

    #[test]
    fn missing_file_is_io_error() {
        let (result, _) = collect(Path::new("/nonexistent/warta/x.txt"), Format::Text);
        let err = result.expect_err("missing");
        assert!(matches!(err.kind, ReadErrorKind::Io(_)));
        assert!(err.to_string().starts_with("cannot read file: "));
    }

    #[test]
    fn sets_path_and_reads_each_format() {
        let cases: [(&str, Format, &[u8]); 4] = [
            (
                "a.txt",
                Format::Text,
                b"EKONOMI - Harga naik. Lagi.\nTags: x",
            ),
            ("a.json", Format::Json, br#"{"title":"T","body":"B"}"#),
            (
                "a.jsonl",
                Format::JsonLines,
                b"{\"title\":\"T\"}\n{\"body\":\"B\"}\n",
            ),
            ("a.csv", Format::Csv, b"title,body\nT,B\n"),
        ];
        for (name, format, bytes) in cases {
            let (_d, path) = write_temp(name, bytes);
            let (result, events) = collect(&path, format);
            result.expect("ok");
            let articles: Vec<&Article> = events
                .iter()
                .filter_map(|e| match e {
                    ReadEvent::Article { article, .. } => Some(article),
                    _ => None,
                })
                .collect();
            assert!(!articles.is_empty(), "{name}");
            for a in articles {
                assert_eq!(a.path, path.display().to_string());
            }
        }
    }

    #[test]
    fn non_utf8_text_is_lossy_with_warning() {
        let (_d, path) = write_temp("latin1.txt", b"Judul\n\nCaf\xe9 di Jakarta.\n");
        let (result, events) = collect(&path, Format::Text);
        result.expect("ok");
        assert!(matches!(
            &events[0],
            ReadEvent::Warning { line: Some(3), message } if message.contains("UTF-8")
        ));
        let ReadEvent::Article { article, .. } = &events[1] else {
            panic!("expected article: {events:?}");
        };
        assert!(article.body.contains("Caf\u{FFFD} di Jakarta"));
    }
}
