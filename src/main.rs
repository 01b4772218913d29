//! The `warta` binary: all the work happens in the library.

fn main() -> std::process::ExitCode {
    warta::cli::run()
}
