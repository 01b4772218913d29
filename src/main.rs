//! The `warta` binary: all the work happens in the library.

/// mimalloc instead of the system allocator: ingest allocates many small
/// strings on one thread and frees them on tantivy's indexing threads, which
/// glibc's allocator handles slowly (see the commit that added it).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    warta::cli::run()
}
