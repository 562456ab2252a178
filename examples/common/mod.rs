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

/// Reads a truth file of the generator (`quotes.tsv`, `figures.tsv`: a
/// header line, then one row a quotation or figure line of the corpus):
/// each row, split at tabs, parsed by `row` into its place (source, line)
/// and what is known there. Returns the rows and the place -> row map. A
/// file that cannot be read, or a row `row` refuses, stops the tool
/// (exit 2) with the row's line and the `columns` expected.
#[allow(dead_code, reason = "bench_accuracy reads no truth file")]
pub fn read_truth<T>(
    tool: &str,
    path: &str,
    columns: &str,
    row: impl Fn(&[&str]) -> Option<(String, u32, T)>,
) -> (Vec<T>, std::collections::HashMap<(String, u32), usize>) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| die(tool, format!("{path}: {e}")));
    let mut truth = Vec::new();
    let mut at = std::collections::HashMap::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let Some((source, l, t)) = row(&fields) else {
            die(tool, format!("{path}:{}: expected `{columns}`", n + 1))
        };
        at.insert((source, l), truth.len());
        truth.push(t);
    }
    (truth, at)
}

/// Reads a `crosscheck scan --format json` report, or stops the tool
/// (exit 2).
#[allow(dead_code, reason = "bench_accuracy reads a check report")]
pub fn read_scan<T: serde::de::DeserializeOwned>(tool: &str, path: &str) -> T {
    let file = std::fs::File::open(path).unwrap_or_else(|e| die(tool, format!("{path}: {e}")));
    serde_json::from_reader(std::io::BufReader::new(file))
        .unwrap_or_else(|e| die(tool, format!("{path}: not a scan report: {e}")))
}
