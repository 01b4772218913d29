//! [`HitWriter`]: writes a stream of hits in one format.

use std::io::{self, Write};

use super::table::{TableStyle, write_table_header, write_table_hit};
use super::{HitField, HitRecord};
use crate::search::Hit;

/// Output format of a hit list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Aligned text for people, 80 columns.
    #[default]
    Table,
    /// One JSON array of objects.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
}

/// Where the bytes go: straight to the output, or through a CSV encoder.
enum Sink<W: Write> {
    Plain(W),
    Csv(Box<csv::Writer<W>>),
}

/// Writes hits one at a time in one format: the start (CSV header, JSON `[`),
/// each hit, then the end. Holds no hit after writing it, so an export of any
/// size runs in constant memory.
pub struct HitWriter<W: Write> {
    format: OutputFormat,
    fields: Vec<HitField>,
    style: TableStyle,
    sink: Sink<W>,
    written: usize,
}

impl<W: Write> HitWriter<W> {
    /// Creates a writer of `fields` in `format` (the table ignores `fields`).
    pub fn new(out: W, format: OutputFormat, fields: &[HitField], style: TableStyle) -> Self {
        let sink = match format {
            OutputFormat::Csv => Sink::Csv(Box::new(csv::Writer::from_writer(out))),
            _ => Sink::Plain(out),
        };
        HitWriter {
            format,
            fields: fields.to_vec(),
            style,
            sink,
            written: 0,
        }
    }

    /// Writes what comes before the first hit: the table's total line, the CSV
    /// header or the JSON array's opening bracket.
    pub fn start(&mut self, total: Option<usize>, query: &str) -> io::Result<()> {
        match &mut self.sink {
            Sink::Csv(csv) => {
                let names: Vec<&str> = self.fields.iter().map(|field| field.name()).collect();
                csv.write_record(&names).map_err(csv_error)
            }
            Sink::Plain(out) => match (self.format, total) {
                (OutputFormat::Table, Some(total)) => {
                    write_table_header(out, total, query, &self.style)
                }
                (OutputFormat::Json, _) => out.write_all(b"["),
                _ => Ok(()),
            },
        }
    }

    /// Writes one hit.
    pub fn write(&mut self, hit: &Hit) -> io::Result<()> {
        let is_first = self.written == 0;
        self.written += 1;
        let record = HitRecord::new(hit, &self.fields);
        match &mut self.sink {
            Sink::Csv(csv) => csv
                .write_record(record.cells().iter().map(|cell| cell.as_bytes()))
                .map_err(csv_error),
            Sink::Plain(out) => match self.format {
                OutputFormat::Json => {
                    out.write_all(if is_first { b"\n" } else { b",\n" })?;
                    serde_json::to_writer(&mut *out, &record)?;
                    Ok(())
                }
                OutputFormat::Jsonl => {
                    serde_json::to_writer(&mut *out, &record)?;
                    out.write_all(b"\n")
                }
                _ => write_table_hit(out, hit, &self.style),
            },
        }
    }

    /// Writes what comes after the last hit and flushes.
    pub fn finish(self) -> io::Result<()> {
        match self.sink {
            Sink::Csv(mut csv) => csv.flush(),
            Sink::Plain(mut out) => {
                if self.format == OutputFormat::Json {
                    out.write_all(if self.written == 0 { b"]\n" } else { b"\n]\n" })?;
                }
                out.flush()
            }
        }
    }
}

/// Unwraps the I/O error inside a CSV error, so a closed pipe stays recognisable.
fn csv_error(err: csv::Error) -> io::Error {
    if err.is_io_error() {
        if let csv::ErrorKind::Io(err) = err.into_kind() {
            return err;
        }
        return io::Error::other("csv output failed");
    }
    io::Error::other(err.to_string())
}
