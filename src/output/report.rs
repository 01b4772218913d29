//! Printing the ingest report.

use std::io::{self, Write};

use crate::ingest::IngestReport;

/// Writes the end-of-ingest report: counts, then one line per failure.
pub fn write_ingest_report<W: Write>(
    out: &mut W,
    report: &IngestReport,
    elapsed_secs: f64,
) -> io::Result<()> {
    writeln!(
        out,
        "files:    {} seen, {} unchanged, {} skipped, {} failed",
        report.files_seen, report.files_unchanged, report.files_skipped, report.files_failed
    )?;
    writeln!(
        out,
        "articles: {} added, {} updated, {} unchanged, {} failed{}",
        report.added,
        report.updated,
        report.unchanged,
        report.failed,
        if report.pruned > 0 {
            format!(", {} pruned", report.pruned)
        } else {
            String::new()
        }
    )?;
    writeln!(
        out,
        "warnings: {}; took {:.1}s",
        report.warnings, elapsed_secs
    )?;
    if !report.failures.is_empty() {
        writeln!(out, "failures:")?;
        for line in &report.failures {
            writeln!(out, "  {}", super::sanitize(line))?;
        }
        let unlisted = report.unlisted_failures();
        if unlisted > 0 {
            writeln!(out, "  … and {unlisted} more")?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_lists_counts_and_failures() {
        let mut report = IngestReport {
            files_seen: 3,
            added: 5,
            failed: 1,
            ..IngestReport::default()
        };
        report.add_failure("a.jsonl:2: invalid JSON".into());
        let mut out = Vec::new();
        write_ingest_report(&mut out, &report, 0.25).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "files:    3 seen, 0 unchanged, 0 skipped, 0 failed\n\
             articles: 5 added, 0 updated, 0 unchanged, 1 failed\n\
             warnings: 0; took 0.2s\n\
             failures:\n  a.jsonl:2: invalid JSON\n"
        );
    }
}
