//! `--cache DIR`: every command's report is the same with a cache made on
//! this run, with one read back, and without any; a cache that cannot be
//! used is a warning, never a different report or exit code.

use assert_cmd::Command;

fn run(args: &[&str]) -> (Option<i32>, Vec<u8>, String) {
    let out = Command::cargo_bin("crosscheck")
        .expect("binary built")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const COMMANDS: &[&[&str]] = &[
    &["scan", "sources", "--format", "json"],
    &["scan", "sources", "--format", "csv"],
    &["extract", "sources", "--format", "json"],
    &[
        "check",
        "claims/example.toml",
        "--sources",
        "sources",
        "--format",
        "json",
    ],
    &[
        "check",
        "claims/draft.md",
        "--sources",
        "sources",
        "--format",
        "markdown",
    ],
];

#[test]
fn reports_are_the_same_with_a_cache_made_and_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = dir.path().join("cache");
    let cache = cache.to_str().expect("utf-8 path");
    for args in COMMANDS {
        let plain = run(args);
        assert!(plain.0.is_some_and(|c| c <= 1), "{args:?}: {}", plain.2);
        for round in ["made", "read"] {
            let with: Vec<&str> = args.iter().copied().chain(["--cache", cache]).collect();
            let got = run(&with);
            assert_eq!(got.0, plain.0, "{args:?}, cache {round}");
            assert!(
                got.1 == plain.1,
                "{args:?}, cache {round}: the report differs"
            );
            assert_eq!(got.2, plain.2, "{args:?}, cache {round}");
        }
    }
    assert!(dir.path().join("cache/extractions.bin").is_file());
}

#[test]
fn a_cache_that_cannot_be_used_is_a_warning() {
    let dir = tempfile::tempdir().expect("tempdir");
    let args = ["scan", "sources", "--format", "json"];
    let plain = run(&args);
    // A file where the folder should be.
    let blocked = dir.path().join("file");
    std::fs::write(&blocked, "").expect("write");
    let blocked = blocked.join("cache");
    // A cache file that is not one.
    let garbled = dir.path().join("garbled");
    std::fs::create_dir(&garbled).expect("mkdir");
    std::fs::write(garbled.join("extractions.bin"), "not a cache ".repeat(10)).expect("write");
    for (dir, says) in [
        (blocked, "cannot make the cache folder"),
        (
            garbled.clone(),
            "not a crosscheck cache file; the cache is made again",
        ),
    ] {
        let with: Vec<&str> = args
            .iter()
            .copied()
            .chain(["--cache", dir.to_str().expect("utf-8")])
            .collect();
        let got = run(&with);
        assert_eq!(got.0, plain.0);
        assert!(got.1 == plain.1, "the report differs");
        assert!(got.2.contains(says), "{}", got.2);
    }
    // Made again: the next run reads it without a word.
    let got = run(&[
        "scan",
        "sources",
        "--format",
        "json",
        "--cache",
        garbled.to_str().expect("utf-8"),
    ]);
    assert!(got.1 == plain.1);
    assert_eq!(got.2, plain.2);
}

#[test]
fn the_configuration_file_can_name_the_cache() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("desk.toml");
    // Relative to the file, not to the folder crosscheck runs in.
    std::fs::write(&config, "cache = \"archive-cache\"\n").expect("write");
    let config = config.to_str().expect("utf-8 path");
    let named = dir.path().join("archive-cache/extractions.bin");
    let args = ["scan", "sources", "--format", "json"];
    let plain = run(&args);
    let with_config = |extra: &[&str]| run(&[&args[..], &["--config", config], extra].concat());

    // --no-cache: the configured folder is not made.
    let got = with_config(&["--no-cache"]);
    assert_eq!(got, plain);
    assert!(!named.exists());

    // --cache DIR wins over the file's: the configured folder is not made.
    let own = dir.path().join("own");
    let got = with_config(&["--cache", own.to_str().expect("utf-8 path")]);
    assert_eq!(got, plain);
    assert!(own.join("extractions.bin").is_file());
    assert!(!named.exists());

    // The configured cache is made, then read: the same report both times.
    for round in ["made", "read"] {
        let got = with_config(&[]);
        assert_eq!(got, plain, "cache {round}");
        assert!(named.is_file(), "cache {round}");
    }

    // Both flags at once is a usage error.
    let got = with_config(&["--no-cache", "--cache", "x"]);
    assert_eq!(got.0, Some(2), "{}", got.2);
    assert!(got.2.contains("--no-cache"), "{}", got.2);
}

#[test]
fn stats_tell_how_many_sources_came_from_the_cache() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = dir.path().join("cache");
    let cache = cache.to_str().expect("utf-8 path");
    let args = ["scan", "sources", "--format", "json"];
    let plain = run(&args);
    let with = |extra: &[&str]| run(&[&args[..], extra].concat());
    let stats_of = |stderr: &str| -> Vec<String> {
        stderr
            .lines()
            .filter(|l| l.starts_with("stats: "))
            .map(str::to_string)
            .collect()
    };
    for (extra, says) in [
        (&["--stats"][..], "no cache"),
        (&["--stats", "--cache", cache], "0 of them from the cache"),
        (&["--stats", "--cache", cache], "12 of them from the cache"),
        // Asked for, stats are printed under --quiet too.
        (
            &["--stats", "--cache", cache, "-q"],
            "12 of them from the cache",
        ),
    ] {
        let got = with(extra);
        assert_eq!(got.0, plain.0, "{extra:?}");
        if !extra.contains(&"-q") {
            assert!(got.1 == plain.1, "{extra:?}: the report differs");
        }
        let stats = stats_of(&got.2);
        assert_eq!(stats.len(), 3, "{extra:?}: {}", got.2);
        assert!(stats[0].starts_with("stats: 12 sources ("), "{}", stats[0]);
        assert!(stats[0].ends_with(says), "{extra:?}: {}", stats[0]);
        assert_eq!(
            stats[1],
            "stats: 81 quotations, 59 figures (3 more in page furniture, not compared)"
        );
        assert!(stats[2].starts_with("stats: compared in "), "{}", stats[2]);
        assert!(stats[2].contains(", report written in "), "{}", stats[2]);
    }
    // Without --stats, not a word of them.
    assert!(stats_of(&plain.2).is_empty());
}

/// Every quotation's and figure's `start..end`, as the JSON extraction
/// report gives them, cut from the bytes of the file named by its source.
fn cut_by_offsets(report: &[u8], files: &[(&str, &std::path::Path)]) -> Vec<(String, String)> {
    let v: serde_json::Value = serde_json::from_slice(report).expect("JSON");
    let mut cuts = Vec::new();
    for kind in ["quotes", "figures"] {
        for item in v[kind].as_array().expect("a list") {
            let source = item["source"].as_str().expect("a source");
            let (_, path) = files.iter().find(|(id, _)| *id == source).expect("known");
            let raw = std::fs::read(path).expect("read");
            let (s, e) = (
                item["start"].as_u64().unwrap(),
                item["end"].as_u64().unwrap(),
            );
            let cut = String::from_utf8_lossy(&raw[s as usize..e as usize]).into_owned();
            cuts.push((item["text"].as_str().expect("text").to_string(), cut));
        }
    }
    cuts
}

#[test]
fn offsets_count_the_bytes_of_the_file_byte_order_mark_included() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = std::fs::read_to_string("sources/vov-2023-03.md").expect("sample");
    // The same article with a byte-order mark and CRLF lines, and without.
    let marked_dir = dir.path().join("marked");
    let plain_dir = dir.path().join("plain");
    std::fs::create_dir_all(&marked_dir).expect("mkdir");
    std::fs::create_dir_all(&plain_dir).expect("mkdir");
    let marked = marked_dir.join("vov.md");
    let plain = plain_dir.join("vov.md");
    std::fs::write(
        &marked,
        format!("\u{feff}{}", article.replace('\n', "\r\n")),
    )
    .expect("write");
    std::fs::write(&plain, &article).expect("write");
    let cache = dir.path().join("cache");
    let cache = cache.to_str().expect("utf-8 path");
    let files = [
        ("marked/vov", marked.as_path()),
        ("plain/vov", plain.as_path()),
    ];
    let both = [marked_dir.to_str().unwrap(), plain_dir.to_str().unwrap()];
    let args = ["extract", both[0], both[1], "--format", "json"];
    let uncached = run(&args);
    assert_eq!(uncached.0, Some(0), "{}", uncached.2);
    let cuts = cut_by_offsets(&uncached.1, &files);
    assert!(cuts.len() > 10, "{cuts:?}");
    for (text, cut) in &cuts {
        assert_eq!(text, cut);
    }
    // A cache holds the two files apart, and gives the same offsets back.
    let with: Vec<&str> = args.iter().copied().chain(["--cache", cache]).collect();
    for round in ["made", "read"] {
        let got = run(&with);
        assert!(got.1 == uncached.1, "cache {round}: the report differs");
    }
    // The mark is no column: the first line's columns are those without it.
    let first = |body: &str| {
        let p = dir.path().join(format!("first-{}.md", body.len()));
        std::fs::write(&p, body).expect("write");
        let got = run(&["extract", p.to_str().unwrap(), "--format", "json"]);
        let v: serde_json::Value = serde_json::from_slice(&got.1).expect("JSON");
        let q = &v["quotes"][0];
        (
            q["line"].as_u64(),
            q["column"].as_u64(),
            q["start"].as_u64(),
        )
    };
    let line = "Xi said: \u{201c}We are good neighbours.\u{201d}\n";
    let (l, c, s) = first(line);
    assert_eq!(first(&format!("\u{feff}{line}")), (l, c, s.map(|s| s + 3)));
    assert_eq!((l, c), (Some(1), Some(11)));
}
