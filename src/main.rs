//! The `crosscheck` binary: everything is in the library; this only turns
//! its outcome into the process exit code.

fn main() {
    std::process::exit(crosscheck::cli::main_with_args(std::env::args_os()));
}
