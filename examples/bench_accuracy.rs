//! Verdict accuracy of a `crosscheck check --format json` report against the
//! verdicts a generated corpus knows by construction.
//!
//! ```text
//! cargo run --release --example bench_accuracy -- REPORT.json OUT/expected.tsv [--quiet]
//! ```
//!
//! Prints accuracy overall and per expected verdict, then the confusion
//! pairs (expected -> got, with counts and a few claim ids). With `--quiet`
//! only the overall accuracy (a number between 0 and 1) is printed, for
//! scripts. Exit code 2 when a file cannot be read or parsed.

mod common;

use std::collections::BTreeMap;

fn die(msg: String) -> ! {
    common::die("bench_accuracy", msg)
}

fn main() {
    let (ref report, ref expected, quiet) =
        common::two_paths("bench_accuracy", "REPORT.json EXPECTED.tsv");
    let read = |p: &str| std::fs::read_to_string(p).unwrap_or_else(|e| die(format!("{p}: {e}")));
    let json: serde_json::Value = serde_json::from_str(&read(report))
        .unwrap_or_else(|e| die(format!("{report}: not JSON: {e}")));
    let mut got: BTreeMap<String, String> = BTreeMap::new();
    let claims = json["claims"]
        .as_array()
        .unwrap_or_else(|| die(format!("{report}: no `claims` array")));
    for c in claims {
        let id = c["id"].as_str().unwrap_or_default().to_string();
        let verdict = c["verdict"].as_str().unwrap_or("?").to_string();
        got.insert(id, verdict);
    }
    // expected verdict -> (total, right)
    let mut per: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    // (expected, got) -> ids
    let mut confusion: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    let (mut total, mut right) = (0usize, 0usize);
    for (n, line) in read(expected).lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((id, want)) = line.split_once('\t') else {
            die(format!("{expected}:{}: expected `id<TAB>verdict`", n + 1))
        };
        let have = got.get(id).map_or("(missing)", String::as_str);
        let e = per.entry(want.to_string()).or_default();
        e.0 += 1;
        total += 1;
        if have == want {
            e.1 += 1;
            right += 1;
        } else {
            confusion
                .entry((want.to_string(), have.to_string()))
                .or_default()
                .push(id.to_string());
        }
    }
    let acc = |r: usize, t: usize| if t == 0 { 0.0 } else { r as f64 / t as f64 };
    if quiet {
        println!("{:.4}", acc(right, total));
        return;
    }
    println!(
        "accuracy: {:.4} ({right}/{total} claims; {} in the report)",
        acc(right, total),
        got.len()
    );
    println!("\nper expected verdict:");
    println!(
        "  {:<15} {:>6} {:>6} {:>8}",
        "verdict", "claims", "right", "accuracy"
    );
    for (v, (t, r)) in &per {
        println!("  {:<15} {:>6} {:>6} {:>8.4}", v, t, r, acc(*r, *t));
    }
    if confusion.is_empty() {
        println!("\nno confusions");
        return;
    }
    println!("\nconfusions (expected -> got):");
    let mut pairs: Vec<_> = confusion.into_iter().collect();
    pairs.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    for ((want, have), ids) in pairs {
        let shown: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
        println!(
            "  {:<15} -> {:<15} {:>5}  e.g. {}",
            want,
            have,
            ids.len(),
            shown.join(", ")
        );
    }
}
