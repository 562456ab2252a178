//! The `crosscheck` binary: everything is in the library; this only turns
//! its outcome into the process exit code.

/// jemalloc instead of the system allocator: extraction makes and drops
/// millions of small strings and lists on several threads, and at 200 MB
/// the scan took 9 % less time with it (docs/performance-history.md).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's settings, read when it starts: one arena for all threads
/// (the thread caches take nearly every allocation), which kept the 200 MB
/// scan's peak 5 MB lower than one arena per thread, at the same speed.
#[cfg(not(target_env = "msvc"))]
#[unsafe(export_name = "_rjem_malloc_conf")]
static MALLOC_CONF: &u8 = &b"narenas:1\0"[0];

fn main() {
    std::process::exit(crosscheck::cli::main_with_args(std::env::args_os()));
}
