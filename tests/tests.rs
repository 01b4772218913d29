//! End-to-end tests of the `warta` binary, one module per area.

// Helpers: a temporary workspace per test and a command runner.
mod util;
// Small articles written for the tests, in every input format.
mod hay;
// A tantivy directory that fails writes on demand (full disk, read-only).
mod failing_dir;

// Ingest: formats, incremental runs, pruning, the report.
mod ingest;
// Search: query syntax, filters, sorting, formats, exit codes.
mod search;
// Export: every hit, CSV/JSON/JSONL, field selection.
mod export;
// Bad input and user errors: one-line messages, no panics.
mod errors;
// show, delete, stats, tags.
mod commands;
// Indonesian and English analysis as seen in search, analyze and reindex.
mod analysis;
// Named entities: extract, --entity, hybrid ranking, entities.
mod entities;
// Crashes, concurrent readers and writers, full disks, old indexes.
mod reliability;
// Property tests: readers and the query parser on hostile input.
mod fuzz;
// Hostile files: huge lines, deep nesting, broken encodings, odd paths, loops.
mod hostile;
