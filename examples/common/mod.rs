//! What the bench tools (`bench_accuracy`, `bench_groups`) share: a
//! command line of two paths and `--quiet`, and how they fail.

/// Prints `tool: msg` and exits with code 2 (bad input).
pub fn die(tool: &str, msg: String) -> ! {
    eprintln!("{tool}: {msg}");
    std::process::exit(2)
}

/// The two paths and whether `--quiet` (`-q`) was given, from a command
/// line `tool A B [--quiet]` whose two operands `operands` names. `-h`
/// prints the usage and exits 0; any other number of paths is a usage
/// error.
pub fn two_paths(tool: &str, operands: &str) -> (String, String, bool) {
    let usage = format!("usage: {tool} {operands} [--quiet]");
    let mut quiet = false;
    let mut paths = Vec::new();
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--quiet" | "-q" => quiet = true,
            "-h" | "--help" => {
                println!("{usage}");
                std::process::exit(0);
            }
            _ => paths.push(a),
        }
    }
    match <[String; 2]>::try_from(paths) {
        Ok([a, b]) => (a, b, quiet),
        Err(_) => die(tool, usage),
    }
}
