//! CSV article reader (`.csv`): a header row naming the fields, then one article per row.
//!
//! Column names are the JSON field names and aliases (see [`Field`]), ASCII case-insensitive; a
//! UTF-8 BOM before the header is ignored and unknown columns are skipped. The header must have a
//! title-like or body-like column. Quoting follows RFC 4180 (quoted commas, doubled quotes and
//! embedded newlines). The delimiter is `,` unless the header line has more `;` (or tabs), as
//! spreadsheet exports in Indonesian locales use `;`. Rows are read flexibly: short or long rows
//! are fine, and a row without title and body is reported with its line while the others load.
//! Tags cells are split on `,` or `;`. Rows are streamed, so memory stays at one row.

use std::io::{self, BufRead, BufReader, Read};

use csv::{ByteRecord, ReaderBuilder};

use crate::ingest::read::{ReadError, ReadErrorKind, ReadEvent, strip_bom};
use crate::ingest::record::{Field, RawRecord};

/// Reads CSV articles from `reader`, reporting each row to `sink`.
///
/// Returns Err when the input is blank, has no title or body column, or cannot be read.
pub fn read_csv<R: Read>(reader: R, sink: &mut dyn FnMut(ReadEvent)) -> Result<(), ReadError> {
    let mut reader = BufReader::with_capacity(64 * 1024, reader);
    let head = reader
        .fill_buf()
        .map_err(|e| ReadError::new(ReadErrorKind::Io(e)))?;
    let delimiter = guess_delimiter(head);
    let mut rdr = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(CrlfToLf {
            inner: reader,
            pending_cr: false,
        });
    let mut row = ByteRecord::new();

    // Header: the first row with a non-blank cell.
    let columns = loop {
        match rdr.read_byte_record(&mut row) {
            Ok(false) => return Err(ReadError::new(ReadErrorKind::Empty)),
            Ok(true) if row.iter().all(|cell| is_blank(strip_bom(cell))) => continue,
            Ok(true) => break header_columns(&row, line_of(&row))?,
            Err(err) => return Err(csv_error(err, None)),
        }
    };

    let mut position: u64 = 0;
    let mut warned_utf8 = false;
    loop {
        match rdr.read_byte_record(&mut row) {
            Ok(false) => break,
            Ok(true) => {}
            Err(err) => {
                let err = csv_error(err, None);
                if matches!(err.kind, ReadErrorKind::Io(_)) {
                    return Err(err);
                }
                sink(ReadEvent::Failed(err));
                continue;
            }
        }
        let line = line_of(&row);
        let mut record = RawRecord::default();
        for (cell, column) in row.iter().zip(&columns) {
            let Some((field, canonical)) = *column else {
                continue;
            };
            if is_blank(cell) {
                continue;
            }
            let text = match String::from_utf8(cell.to_vec()) {
                Ok(text) => text,
                Err(_) => {
                    if !warned_utf8 {
                        warned_utf8 = true;
                        sink(ReadEvent::Warning {
                            line: Some(line),
                            message: "invalid UTF-8, decoded lossily (first at this line)"
                                .to_string(),
                        });
                    }
                    String::from_utf8_lossy(cell).into_owned()
                }
            };
            record.set_text(field, canonical, text);
        }
        record.finish(line, position, sink);
        position += 1;
    }
    Ok(())
}

/// Maps header cells to fields, or fails when no title or body column is present.
fn header_columns(row: &ByteRecord, line: u64) -> Result<Vec<Option<(Field, bool)>>, ReadError> {
    let names: Vec<String> = row
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            let cell = if i == 0 { strip_bom(cell) } else { cell };
            String::from_utf8_lossy(cell).trim().to_string()
        })
        .collect();
    let columns: Vec<Option<(Field, bool)>> =
        names.iter().map(|name| Field::from_name(name)).collect();
    let usable = columns
        .iter()
        .flatten()
        .any(|(field, _)| matches!(field, Field::Title | Field::Body));
    if usable {
        return Ok(columns);
    }
    let mut found: Vec<String> = names.iter().take(12).map(|n| format!("{n:?}")).collect();
    if names.len() > 12 {
        found.push("…".to_string());
    }
    Err(ReadError::at(
        line,
        ReadErrorKind::MissingColumns(format!(
            "found {}; accepted title/body columns: {}",
            found.join(", "),
            Field::names_of(&[Field::Title, Field::Body])
        )),
    ))
}

/// Picks `;` or tab when the first line has more of them than commas (quotes are ignored).
fn guess_delimiter(head: &[u8]) -> u8 {
    let first_line = head.split(|&b| b == b'\n').next().unwrap_or(head);
    let count = |d: u8| first_line.iter().filter(|&&b| b == d).count();
    let (commas, semicolons, tabs) = (count(b','), count(b';'), count(b'\t'));
    if tabs > commas && tabs > semicolons {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// Turns CRLF into LF while streaming (a lone CR is kept). The csv crate reports a record after
/// CRLF as starting on the previous line, and bodies should not keep the CRs anyway.
struct CrlfToLf<R> {
    inner: R,
    pending_cr: bool,
}

impl<R: BufRead> Read for CrlfToLf<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut written = 0;
        while written < out.len() {
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                if self.pending_cr {
                    self.pending_cr = false;
                    out[written] = b'\r';
                    written += 1;
                }
                break;
            }
            let mut used = 0;
            for &b in buf {
                if written >= out.len() {
                    break;
                }
                if self.pending_cr {
                    self.pending_cr = false;
                    if b != b'\n' {
                        out[written] = b'\r';
                        written += 1;
                        if written >= out.len() {
                            break;
                        }
                    }
                }
                used += 1;
                if b == b'\r' {
                    self.pending_cr = true;
                } else {
                    out[written] = b;
                    written += 1;
                }
            }
            self.inner.consume(used);
            if written > 0 {
                break;
            }
        }
        Ok(written)
    }
}

fn line_of(row: &ByteRecord) -> u64 {
    row.position().map_or(0, |p| p.line())
}

fn is_blank(cell: &[u8]) -> bool {
    cell.iter().all(u8::is_ascii_whitespace)
}

fn csv_error(err: csv::Error, line: Option<u64>) -> ReadError {
    let line = line.or_else(|| err.position().map(|p| p.line()));
    if !err.is_io_error() {
        return ReadError {
            line,
            kind: ReadErrorKind::Csv(err.to_string()),
        };
    }
    match err.into_kind() {
        csv::ErrorKind::Io(io) => ReadError {
            line,
            kind: ReadErrorKind::Io(io),
        },
        other => ReadError {
            line,
            kind: ReadErrorKind::Csv(format!("{other:?}")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::parse_date;
    use crate::ingest::tests::{Collected, sink_into};

    fn csv(input: &[u8]) -> Result<Collected, ReadError> {
        let mut c = Collected::default();
        read_csv(input, &mut sink_into(&mut c))?;
        Ok(c)
    }

    #[test]
    fn quoting_embedded_newlines_and_bad_row() {
        let input = "\u{feff}ID,Title,Body,Date,Tags,Ignored\r\n\
            1,\"Harga, naik\",\"Baris satu.\nBaris \"\"dua\"\".\",13/09/2023,\"a, b; A\",x\r\n\
            2,,,,,\r\n\
            3,Judul tiga,Isi,kemarin\r\n";
        let c = csv(input.as_bytes()).expect("ok");
        assert_eq!(c.articles.len(), 2);
        let (line, position, a) = &c.articles[0];
        assert_eq!((*line, *position), (2, 0));
        assert_eq!(a.id.as_deref(), Some("1"));
        assert_eq!(a.title, "Harga, naik");
        assert_eq!(a.body, "Baris satu.\nBaris \"dua\".");
        assert_eq!(a.date, parse_date("2023-09-13"));
        assert_eq!(a.tags, ["a", "b"]);
        assert_eq!(c.failures.len(), 1);
        assert_eq!(
            c.failures[0].to_string(),
            "line 4: record has no title and no body"
        );
        let (line, position, a) = &c.articles[1];
        assert_eq!((*line, *position), (5, 2));
        assert_eq!(a.title, "Judul tiga");
        assert_eq!(a.date, None);
        assert_eq!(c.warnings.len(), 1);
        assert_eq!(c.warnings[0].0, Some(5));
    }

    #[test]
    fn aliases_and_derived_title() {
        let c = csv(b"headline,CONTENT,keywords,link,section,published_at\n,Isi pertama. Dua.,x;y,u,Bola,2023-09-13\n")
            .expect("ok");
        let a = &c.articles[0].2;
        assert_eq!(a.title, "Isi pertama");
        assert_eq!(a.body, "Isi pertama. Dua.");
        assert_eq!(a.tags, ["x", "y"]);
        assert_eq!(a.url.as_deref(), Some("u"));
        assert_eq!(a.category.as_deref(), Some("Bola"));
    }

    #[test]
    fn semicolon_delimiter() {
        let c = csv(b"title;body;tags\nJudul;Isi, dengan koma;a,b\n").expect("ok");
        assert_eq!(c.articles[0].2.body, "Isi, dengan koma");
        assert_eq!(c.articles[0].2.tags, ["a", "b"]);
    }

    #[test]
    fn missing_columns() {
        let err = csv(b"id,url,date\n1,u,2023-09-13\n").expect_err("fails");
        assert!(matches!(err.kind, ReadErrorKind::MissingColumns(_)));
        let msg = err.to_string();
        assert!(
            msg.contains("title, headline, body, content, text"),
            "{msg}"
        );
        assert!(msg.contains("\"url\""), "{msg}");
    }

    #[test]
    fn blank_is_empty_and_lossy_warns_once() {
        assert!(matches!(
            csv(b"\n\n").err().map(|e| e.kind),
            Some(ReadErrorKind::Empty)
        ));
        let c = csv(b"title\ncaf\xe9\n\xff\n").expect("ok");
        assert_eq!(c.articles.len(), 2);
        assert_eq!(c.articles[0].2.title, "caf\u{FFFD}");
        assert_eq!(c.warnings.len(), 1);
        assert_eq!(c.warnings[0].0, Some(2));
    }

    #[test]
    fn short_and_long_rows() {
        let c = csv(b"title,body\nA\nB,b,extra,cells\n").expect("ok");
        assert_eq!(c.articles.len(), 2);
        assert_eq!(c.articles[1].2.body, "b");
    }

    #[test]
    fn crlf_adapter() {
        for input in [&b"a\r\nb\rc\r\r\n\r"[..], b"\r", b"", b"\r\n\r\n"] {
            let expected: Vec<u8> = String::from_utf8_lossy(input)
                .replace("\r\n", "\n")
                .into_bytes();
            for size in [1, 2, 64] {
                let mut r = CrlfToLf {
                    inner: BufReader::with_capacity(size, input),
                    pending_cr: false,
                };
                let mut got = Vec::new();
                let mut chunk = vec![0; size];
                loop {
                    let n = r.read(&mut chunk).expect("read");
                    if n == 0 {
                        break;
                    }
                    got.extend_from_slice(&chunk[..n]);
                }
                assert_eq!(got, expected, "{input:?} {size}");
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        #[test]
        fn never_panics(s in proptest::collection::vec(proptest::num::u8::ANY, 0..300)) {
            let mut input = b"title,body,tags,date\n".to_vec();
            input.extend_from_slice(&s);
            let _ = csv(&input);
            let _ = csv(&s);
        }
    }
}
