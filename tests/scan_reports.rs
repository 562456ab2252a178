//! `crosscheck scan` on the sample corpus: every planted contradiction,
//! misattribution and variant of docs/sample-corpus.md is reported, every
//! planted non-conflict is not, and each output format is pinned by a
//! snapshot.

use assert_cmd::Command;
use serde_json::Value;

/// stdout and exit code of `crosscheck ARGS`.
fn run(args: &[&str]) -> (String, i32) {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    (
        String::from_utf8(out.stdout).unwrap(),
        out.status.code().unwrap(),
    )
}

fn scan(format: &str) -> (String, i32) {
    run(&["scan", "sources", "--format", format, "--color", "never"])
}

fn findings() -> Vec<Value> {
    let (json, code) = scan("json");
    assert_eq!(code, 1, "conflicts found: exit 1 by default");
    let v: Value = serde_json::from_str(&json).unwrap();
    v["findings"].as_array().unwrap().clone()
}

/// The pairs flagged with `status`, as (source_a, source_b, surface_a, surface_b).
fn pairs(findings: &[Value], status: &str) -> Vec<(String, String, String, String)> {
    let mut out = Vec::new();
    for f in findings {
        for p in f["pairs"].as_array().unwrap() {
            if p["status"] != status {
                continue;
            }
            let a = &f["items"][p["a"].as_u64().unwrap() as usize];
            let b = &f["items"][p["b"].as_u64().unwrap() as usize];
            out.push((
                a["source"].as_str().unwrap().to_string(),
                b["source"].as_str().unwrap().to_string(),
                a["surface"].as_str().unwrap().to_string(),
                b["surface"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

fn has_pair(pairs: &[(String, String, String, String)], a: &str, b: &str) -> bool {
    pairs.iter().any(|(x, y, _, _)| {
        (x.starts_with(a) && y.starts_with(b)) || (x.starts_with(b) && y.starts_with(a))
    })
}

#[test]
fn planted_contradictions_are_conflicts() {
    let f = findings();
    let c = pairs(&f, "conflict");
    // 2023 trade: $210 billion against $240 billion.
    assert!(
        has_pair(&c, "capital-times-2024-05-17", "eastern-herald-2024-05-16"),
        "{c:#?}"
    );
    // The border: 3,000 km against 4,200 km.
    assert!(
        has_pair(&c, "frontier-report-2023-04-03", "globe-wire-2023-03-21"),
        "{c:#?}"
    );
    // Power of Siberia capacity: 61 against 38 billion cubic meters.
    assert!(
        has_pair(&c, "energy-brief-2023-05-10", "northern-ledger-2023-03-22"),
        "{c:#?}"
    );
    let conflicts = f.iter().filter(|x| x["status"] == "conflict").count();
    assert_eq!(conflicts, 3, "exactly the three planted conflicts");
}

#[test]
fn planted_non_conflicts_are_not_conflicts() {
    let c = pairs(&findings(), "conflict");
    for (a, b, sa, sb) in &c {
        let both = format!("{sa} | {sb}");
        // $185 billion (2022) against $240 billion (2023): different periods.
        assert!(
            !(both.contains("185") && both.contains("240")),
            "{a} {b}: {both}"
        );
        // "about 40 times" against "over 40 times".
        assert!(
            !(sa.contains("40 times") && sb.contains("40 times")),
            "{a} {b}: {both}"
        );
        // The $200 billion target against actual trade.
        assert!(
            !(both.contains("$200") || both.contains("200bn")),
            "{a} {b}: {both}"
        );
    }
}

#[test]
fn planted_misattribution_and_variants_are_flagged() {
    let f = findings();
    let mis = pairs(&f, "misattributed");
    assert!(
        mis.iter()
            .any(|(a, b, _, _)| a.starts_with("riverside-news") || b.starts_with("riverside-news")),
        "{mis:#?}"
    );
    let variant = pairs(&f, "variant");
    assert!(
        variant
            .iter()
            .any(|(_, _, sa, sb)| sa.contains("reliable") || sb.contains("reliable")),
        "{variant:#?}"
    );
}

#[test]
fn every_finding_points_at_its_lines() {
    for f in findings() {
        for i in f["items"].as_array().unwrap() {
            assert!(i["line"].as_u64().unwrap() >= 1);
            let path = format!("sources/{}.md", i["source"].as_str().unwrap());
            let text = std::fs::read_to_string(&path).unwrap();
            let (s, e) = (
                i["start"].as_u64().unwrap() as usize,
                i["end"].as_u64().unwrap() as usize,
            );
            let surface = i["surface"].as_str().unwrap();
            if f["kind"] == "figure" {
                assert_eq!(&text[s..e], surface, "{path}");
            }
        }
    }
}

#[test]
fn snapshot_table() {
    insta::assert_snapshot!("scan_table", scan("table").0);
}

#[test]
fn snapshot_markdown() {
    insta::assert_snapshot!("scan_markdown", scan("markdown").0);
}

#[test]
fn snapshot_csv() {
    insta::assert_snapshot!("scan_csv", scan("csv").0);
}

#[test]
fn snapshot_json() {
    let v: Value = serde_json::from_str(&scan("json").0).unwrap();
    insta::assert_json_snapshot!("scan_json", v);
}

/// The extract table: each location whole on its line, no line wider than
/// the table's 120 columns, and the layout pinned by a snapshot.
#[test]
fn snapshot_extract_table() {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["extract", "sources", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let table = String::from_utf8(out.stdout).unwrap();
    for line in table.lines() {
        assert!(line.chars().count() <= 120, "{line}");
    }
    let json = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["extract", "sources", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    for record in v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["figures"].as_array().unwrap())
    {
        let at = format!(
            "│ {}:{} ",
            record["source"].as_str().unwrap(),
            record["line"]
        );
        assert!(table.contains(&at), "{at} whole on one line");
    }
    insta::assert_snapshot!("extract_table", table);
}

#[test]
fn snapshot_check_table() {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args([
            "check",
            "claims/example.toml",
            "--sources",
            "sources",
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!("check_table", String::from_utf8(out.stdout).unwrap());
}

/// JSON is streamed into its output: `--output FILE` gets the same bytes as
/// stdout, ending in a newline, for every format.
#[test]
fn output_file_holds_what_stdout_shows() {
    let d = tempfile::tempdir().unwrap();
    for format in ["json", "jsonl", "table", "markdown", "csv"] {
        let path = d.path().join(format!("scan.{format}"));
        let out = Command::cargo_bin("crosscheck")
            .unwrap()
            .args([
                "scan", "sources", "--format", format, "--color", "never", "-o",
            ])
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(out.stdout.is_empty(), "{format}: nothing on stdout");
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written, scan(format).0, "{format}");
        assert!(written.ends_with('\n'), "{format}");
    }
}

/// `-o` and `--csv` into a pipe write into it and leave it a pipe (a
/// rename over it, as for a file, would replace it; over `/dev/null`, run
/// as root, it replaced the device with a file).
#[cfg(unix)]
#[test]
fn output_into_a_pipe_leaves_the_pipe() {
    use std::os::unix::fs::FileTypeExt;
    let d = tempfile::tempdir().unwrap();
    for option in ["-o", "--csv"] {
        let fifo = d.path().join(format!("pipe{option}"));
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // The reader, on its own thread: opening a pipe for writing waits
        // for one.
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
        };
        let out = Command::cargo_bin("crosscheck")
            .unwrap()
            .args([
                "scan", "sources", "--format", "csv", "--color", "never", "-q", option,
            ])
            .arg(&fifo)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{option}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Checked before the reader is waited for: had the pipe been
        // replaced, its reader would wait for a writer forever.
        let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
        assert!(kind.is_fifo(), "{option}: still a pipe");
        assert_eq!(reader.join().unwrap(), scan("csv").0, "{option}");
        assert_eq!(
            std::fs::read_dir(d.path()).unwrap().count(),
            1,
            "{option}: no file left beside it"
        );
        std::fs::remove_file(&fifo).unwrap();
    }
}

/// A reader that stops early (`| head`) is no error, in any format: the
/// exit code is the run's, and nothing is printed on stderr.
#[test]
fn a_reader_that_stops_early_is_no_error() {
    use std::io::Read;
    let d = tempfile::tempdir().unwrap();
    // Enough quotations and figures that no format's report fits in a pipe
    // (each paragraph its own: repeated ones are read once).
    let body: String = (0..3000)
        .map(|i| {
            format!(
                "“We will open {i} new crossings this year,” Minister Anna Berg said. \
                 Trade reached ${i}.5 billion in 2023.\n\n"
            )
        })
        .collect();
    std::fs::write(d.path().join("big.md"), format!("# Crossings\n\n{body}")).unwrap();
    for format in ["csv", "json", "jsonl", "markdown", "table"] {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("crosscheck"))
            .args(["extract", "--color", "never", "--format", format])
            .arg(d.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let mut head = [0u8; 100];
        child.stdout.take().unwrap().read_exact(&mut head).unwrap();
        // The pipe's reading end is dropped here.
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
    }
}

/// `-o` through a symbolic link replaces the file it names; the link stays.
#[cfg(unix)]
#[test]
fn output_through_a_link_replaces_its_file() {
    let d = tempfile::tempdir().unwrap();
    let file = d.path().join("report.json");
    let link = d.path().join("latest.json");
    std::fs::write(&file, "old").unwrap();
    std::os::unix::fs::symlink(&file, &link).unwrap();
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["scan", "sources", "--format", "json", "-o"])
        .arg(&link)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), scan("json").0);
}

/// `--quiet` renders nothing when nothing is written (the exit code still
/// tells the result), but with `--output` the file gets the whole report.
#[test]
fn quiet_writes_nothing_but_output_gets_the_report() {
    let d = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::cargo_bin("crosscheck")
            .unwrap()
            .args(args)
            .output()
            .unwrap()
    };
    let cases: [&[&str]; 3] = [
        &["scan", "sources"],
        &["extract", "sources"],
        &["check", "claims/example.toml", "--sources", "sources"],
    ];
    for case in cases {
        let loud = run(&[case, &["--format", "json"]].concat());
        let quiet = run(&[case, &["--format", "json", "-q"]].concat());
        assert!(quiet.stdout.is_empty(), "{case:?}");
        assert!(quiet.stderr.is_empty(), "{case:?}");
        assert_eq!(quiet.status.code(), loud.status.code(), "{case:?}");
        let path = d.path().join(format!("{}.json", case[0]));
        let path_arg = path.to_str().unwrap();
        let filed = run(&[case, &["--format", "json", "-q", "-o", path_arg]].concat());
        assert!(filed.stdout.is_empty(), "{case:?}");
        assert_eq!(filed.status.code(), loud.status.code(), "{case:?}");
        assert_eq!(std::fs::read(&path).unwrap(), loud.stdout, "{case:?}");
    }
}

/// `--format github` is refused for `scan` and `extract` before any source
/// is read: the error is about the format, not about the missing folder.
#[test]
fn github_format_is_refused_before_reading() {
    for command in ["scan", "extract"] {
        for quiet in [false, true] {
            let mut c = Command::cargo_bin("crosscheck").unwrap();
            c.args([command, "no-such-folder", "--format", "github"]);
            if quiet {
                c.arg("-q");
            }
            let out = c.output().unwrap();
            assert_eq!(out.status.code(), Some(2), "{command}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("--format github is for `check`"), "{err}");
            assert!(!err.contains("no-such-folder"), "{err}");
        }
    }
}

#[test]
fn the_number_of_threads_changes_no_report() {
    let corpus = ["sources", "tests/fixtures/gold", "tests/fixtures/hard"];
    let commands: [Vec<&str>; 3] = [
        [&["scan"][..], &corpus, &["--format", "json"]].concat(),
        [&["extract"][..], &corpus, &["--format", "json"]].concat(),
        [
            &[
                "check",
                "claims/example.toml",
                "--format",
                "json",
                "--sources",
            ][..],
            &corpus,
        ]
        .concat(),
    ];
    for command in commands {
        let one = run(&[&command[..], &["--jobs", "1"]].concat());
        assert!(one.0.len() > 1_000, "{command:?}: a report");
        for jobs in ["2", "5"] {
            let many = run(&[&command[..], &["-j", jobs]].concat());
            assert!(one == many, "{command:?}: -j {jobs} differs from --jobs 1");
        }
        assert_eq!(
            one,
            run(&command),
            "{command:?}: --jobs 1 differs from the default"
        );
    }
}

#[test]
fn stats_say_how_many_threads_ran() {
    for (args, said) in [
        (&["--jobs", "1"][..], " on 1 thread, "),
        (&["-j", "3"][..], " on 3 threads, "),
    ] {
        let out = Command::cargo_bin("crosscheck")
            .unwrap()
            .args([&["scan", "sources", "-q", "--stats"][..], args].concat())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.lines().next().unwrap_or("").contains(said),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn zero_threads_is_a_usage_error() {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["scan", "sources", "--jobs", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--jobs"), "{err}");
    assert!(out.stdout.is_empty());
}

/// The statuses `crosscheck scan` gives the figures of `texts` (one source
/// each, dated the same day), with the surfaces they stand for.
fn figure_statuses(texts: &[&str]) -> Vec<(String, Vec<String>)> {
    let d = tempfile::tempdir().unwrap();
    for (k, t) in texts.iter().enumerate() {
        let body = format!("---\ndate: 2024-06-10\noutlet: Outlet {k}\n---\n\n{t}\n");
        std::fs::write(d.path().join(format!("s{k}.md")), body).unwrap();
    }
    let dir = d.path().to_str().unwrap();
    let (json, _) = run(&["scan", dir, "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "figure")
        .map(|f| {
            let surfaces = f["items"].as_array().unwrap().iter();
            (
                f["status"].as_str().unwrap().to_string(),
                surfaces
                    .map(|i| i["surface"].as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn a_change_is_no_conflict_with_the_level_it_reached() {
    let level = "Russia's oil export revenues were $15.3 billion in May.";
    let got = figure_statuses(&[
        level,
        "Russia's oil export revenues rose by $1.5 billion in May, the agency said.",
        "Russia's oil export revenues rose by $1.5 billion to $15.3 billion in May.",
    ]);
    // The two levels agree, and so do the two rises.
    let pair = |s: &str| ("consistent".to_string(), vec![s.to_string(), s.to_string()]);
    assert_eq!(got, [pair("$15.3 billion"), pair("$1.5 billion")]);
    // Two levels that differ are a conflict, as ever.
    let got = figure_statuses(&[
        level,
        "Russia's oil export revenues were $12 billion in May.",
    ]);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "conflict");
}

#[test]
fn the_level_a_change_started_from_is_not_the_period_of_the_sentence() {
    // "from $147 billion" is the level before 2022's rise: not 2022's.
    let got = figure_statuses(&[
        "Trade between Russia and China rose from $147 billion to $190 billion in 2022.",
        "Trade between Russia and China reached $190 billion in 2022.",
    ]);
    assert!(
        got.iter().all(|(status, _)| status != "conflict"),
        "{got:?}"
    );
    // Written beside its year, it is that year's.
    let got = figure_statuses(&[
        "Trade between Russia and China rose from $147 billion in 2021 to $190 billion in 2022.",
        "Trade between Russia and China was $140 billion in 2021.",
    ]);
    assert!(
        got.iter().any(|(status, _)| status == "conflict"),
        "{got:?}"
    );
}

#[test]
fn a_figure_per_head_a_month_or_a_barrel_is_no_total() {
    for (a, b) in [
        (
            "Russia's GDP per capita was $14,000 in 2023.",
            "Russia's GDP was $2 trillion in 2023.",
        ),
        (
            "China's average monthly wage was 9,000 yuan in 2023.",
            "China's average annual wage was 120,000 yuan in 2023.",
        ),
        (
            "Consumer prices rose 0.6% month on month in March.",
            "Consumer prices rose 3.2% year on year in March.",
        ),
    ] {
        let got = figure_statuses(&[a, b]);
        assert!(got.is_empty(), "{a} / {b}: {got:?}");
    }
    // Two figures on one basis are compared, and say their basis.
    let got = figure_statuses(&[
        "Consumer prices rose 0.6% month on month in March.",
        "Consumer prices rose 0.9% m/m in March.",
    ]);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "conflict");
}

#[test]
fn neighbouring_values_are_a_conflict_and_the_whole_is_no_figure() {
    // 58 and 59 seats, 27.5% and 27.6%: their rounding intervals touch,
    // but no count is written as both.
    let got = figure_statuses(&[
        "The National Union came second with 59 seats.",
        "The National Union came second with 58 seats.",
    ]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "conflict");
    let got = figure_statuses(&[
        "Turnout in Lakeland was 71.3% in 2023.",
        "Turnout in Lakeland was 71.4% in 2023.",
    ]);
    assert_eq!(got[0].0, "conflict", "{got:?}");
    // "79 of the 200 seats" is 79 seats: it agrees with 79 and is no
    // conflict with the 200 of the chamber.
    let got = figure_statuses(&[
        "The Social Alliance won 79 of the 200 seats.",
        "The Social Alliance won 79 seats.",
    ]);
    assert_eq!(
        got,
        [(
            "consistent".to_string(),
            vec!["79 of the 200 seats".to_string(), "79 seats".to_string()]
        )]
    );
}

/// The summaries `crosscheck scan` gives the findings of `texts` (as
/// [`figure_statuses`] writes them).
fn summaries(texts: &[&str]) -> Vec<String> {
    let d = tempfile::tempdir().unwrap();
    for (k, t) in texts.iter().enumerate() {
        let body = format!("---\ndate: 2024-06-10\noutlet: Outlet {k}\n---\n\n{t}\n");
        std::fs::write(d.path().join(format!("s{k}.md")), body).unwrap();
    }
    let (json, _) = run(&["scan", d.path().to_str().unwrap(), "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["summary"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn figures_not_compared_are_not_said_to_agree() {
    // Two forecasts that differ are no conflict, and no agreement either.
    assert_eq!(
        summaries(&[
            "Turnout in Lakeland will be 71.3% in 2026.",
            "Turnout in Lakeland will be 71.4% in 2026.",
        ]),
        [
            "2 figures in 2 sources: none contradicts another; not compared, as two forecasts differ: 71.3% vs 71.4%"
        ]
    );
    assert_eq!(
        summaries(&[
            "Turnout in Lakeland will be 71.4% in 2026.",
            "Turnout in Lakeland will be 71.4% in 2026.",
        ]),
        ["2 figures in 2 sources agree"]
    );
}

#[test]
fn a_share_won_is_a_share_however_it_was_won() {
    // Three wordings of one party's vote share: the verb is not the
    // subject, and a bare "34.6 percent" won is a share of the vote.
    let got = figure_statuses(&[
        "The Social Alliance won Sunday's election with 34.2% of the vote.",
        "With all votes counted, the Social Alliance secured 34.6 percent.",
        "The Social Alliance of Maria Holm came first with roughly 34%.",
    ]);
    assert_eq!(
        got,
        [(
            "conflict".to_string(),
            vec![
                "34.2%".to_string(),
                "34.6 percent".to_string(),
                "roughly 34%".to_string()
            ]
        )]
    );
}

#[test]
fn counts_of_two_dates_say_so() {
    let d = tempfile::tempdir().unwrap();
    for (k, date) in ["2026-10-12", "2026-10-13"].iter().enumerate() {
        let seats = 59 - k;
        let body = format!(
            "---\ndate: {date}\n---\n\nThe National Union came second with {seats} seats.\n"
        );
        std::fs::write(d.path().join(format!("s{k}.md")), body).unwrap();
    }
    let (json, _) = run(&["scan", d.path().to_str().unwrap(), "--format", "json"]);
    let v: Value = serde_json::from_str(&json).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["status"], "other-period");
    assert_eq!(
        f["summary"],
        "2 figures in 2 sources for different periods (as of 2026-10-12, as of 2026-10-13); \
         none contradicts another for the same period"
    );
}

#[test]
fn growth_however_said_is_one_subject_and_others_growth_another() {
    // The economy that grew, growth that was, GDP growth that reached: one
    // thing, and 5.2% against 5.4% for one year conflict.
    let got = figure_statuses(&[
        "China's economy grew 5.2% in 2023, official data showed.",
        "Beijing said China's growth was 5.4% in 2023.",
        "China's GDP growth reached 5.2% in 2023, the bureau said.",
    ]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "conflict");
    assert_eq!(got[0].1.len(), 3, "{got:?}");
    // Exports that grew are not the economy's growth.
    let got = figure_statuses(&[
        "China's exports grew 8% in 2023, official data showed.",
        "Beijing said China's growth was 5.4% in 2023.",
    ]);
    assert!(got.iter().all(|(s, _)| s != "conflict"), "{got:?}");
}

#[test]
fn a_split_year_is_the_fiscal_year_across_its_two_years() {
    let got = figure_statuses(&[
        "India's economy grew 8.2% in the fiscal year ending March 2024.",
        "India's economy grew 7.6% in 2023-24, the ministry said.",
    ]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "conflict");
    // A calendar year is another period.
    let got = figure_statuses(&[
        "India's economy grew 8.2% in the fiscal year ending March 2024.",
        "India's economy grew 7.6% in 2023, the ministry said.",
    ]);
    assert!(got.iter().all(|(s, _)| s != "conflict"), "{got:?}");
}

#[test]
fn a_sum_in_another_dollar_is_no_conflict_with_us_dollars() {
    let got = figure_statuses(&[
        "Canada will spend C$5 billion on the new ships.",
        "Canada will spend $3.7 billion on the new ships.",
        "Canada will spend CAD 5 billion on the new ships.",
    ]);
    assert!(got.iter().all(|(s, _)| s != "conflict"), "{got:?}");
    // The two sums in Canadian dollars are grouped and agree.
    assert!(
        got.iter()
            .any(|(s, items)| s == "consistent" && items.iter().all(|i| i.contains('5'))),
        "{got:?}"
    );
}

#[test]
fn an_acronym_and_the_name_it_shortens_are_one_subject() {
    let got = figure_statuses(&[
        "The Swiss National Bank bought CHF 5.1 billion of foreign currency in the second quarter.",
        "The SNB bought CHF 4.8 billion of foreign currency in the second quarter.",
    ]);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "conflict");
    // Another bank's initials are another bank.
    let got = figure_statuses(&[
        "The Swiss National Bank bought CHF 5.1 billion of foreign currency in the second quarter.",
        "The ECB bought CHF 4.8 billion of foreign currency in the second quarter.",
    ]);
    assert!(got.iter().all(|(s, _)| s != "conflict"), "{got:?}");
}
