//! Bad input: each case gets one clear message on stderr naming the file,
//! exit 2 where the run cannot go on, a warning and a continued run where it
//! can, and never a panic.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn cmd() -> Command {
    Command::cargo_bin("crosscheck").expect("binary built")
}

fn article(dir: &Path, name: &str) {
    fs::write(
        dir.join(name),
        "---\ntitle: T\ndate: 2023-03-21\n---\nXi Jinping said relations “are now the best ever.”\n",
    )
    .unwrap();
}

/// `crosscheck check CLAIMS --sources SOURCES`.
fn check(claims: &Path, sources: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut c = cmd();
    c.arg("check").arg(claims).arg("--sources").arg(sources);
    c
}

/// A panic prints "panicked" and exits 101; none of the cases may.
fn no_panic() -> impl Predicate<str> {
    predicate::str::contains("panicked").not()
}

#[test]
fn malformed_toml_names_file_line_and_column() {
    let d = tempfile::tempdir().unwrap();
    article(d.path(), "a.md");
    let claims = d.path().join("bad.toml");
    fs::write(&claims, "[[claim]]\ntext = \"unterminated\n").unwrap();
    check(&claims, d.path().join("a.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml"))
        .stderr(predicate::str::contains("line 2"))
        .stderr(no_panic())
        .stdout("");
}

#[test]
fn a_speaker_alias_given_to_two_people_stops_the_run() {
    let d = tempfile::tempdir().unwrap();
    article(d.path(), "a.md");
    let config = d.path().join("desk.toml");
    fs::write(
        &config,
        "[speakers]\n\"Xi Jinping\" = [\"Xi\"]\n\"Xi Mingze\" = [\"Xi\"]\n",
    )
    .unwrap();
    cmd()
        .arg("scan")
        .arg(d.path().join("a.md"))
        .arg("--config")
        .arg(&config)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("desk.toml"))
        .stderr(predicate::str::contains(
            "\"Xi\" is given to both \"Xi Jinping\" and \"Xi Mingze\"",
        ))
        .stderr(no_panic())
        .stdout("");
}

#[test]
fn unknown_claim_key_is_named() {
    let d = tempfile::tempdir().unwrap();
    article(d.path(), "a.md");
    let claims = d.path().join("c.toml");
    fs::write(&claims, "[[claim]]\ntext = \"x\"\nspeakr = \"Xi\"\n").unwrap();
    check(&claims, d.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("c.toml"))
        .stderr(predicate::str::contains("speakr"))
        .stderr(predicate::str::contains("line 3"));
}

#[test]
fn empty_claims_file_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    article(d.path(), "a.md");
    for (name, text) in [
        ("empty.toml", ""),
        ("noclaims.toml", "as_of = \"2024-01-01\"\n"),
    ] {
        let claims = d.path().join(name);
        fs::write(&claims, text).unwrap();
        check(&claims, d.path())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(name));
    }
}

#[test]
fn missing_path_is_exit_2_naming_it() {
    cmd()
        .args(["scan", "no/such/folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/folder"))
        .stderr(predicate::str::contains("no such file or folder"));
    cmd()
        .args(["check", "missing-claims.toml", "--sources", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing-claims.toml"));
}

#[test]
fn folder_without_sources_is_exit_2() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("notes.pdf"), "x").unwrap();
    cmd()
        .arg("scan")
        .arg(d.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no sources found"));
}

#[test]
fn binary_bad_utf8_and_empty_files_are_skipped_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    article(d.path(), "good.md");
    fs::write(d.path().join("bin.txt"), b"\x00\x01\x02binary").unwrap();
    fs::write(d.path().join("latin1.md"), b"caf\xe9 au lait").unwrap();
    fs::write(d.path().join("empty.md"), b"").unwrap();
    cmd()
        .args(["extract", "--format", "json"])
        .arg(d.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains("bin.txt: binary file"))
        .stderr(predicate::str::contains("latin1.md: not valid UTF-8"))
        .stderr(predicate::str::contains("empty.md: empty file"))
        .stderr(no_panic())
        .stdout(predicate::str::contains("\"quotes\""));
}

#[test]
fn only_unreadable_sources_is_exit_2() {
    let d = tempfile::tempdir().unwrap();
    fs::write(d.path().join("bin.txt"), b"\x00\x01").unwrap();
    cmd()
        .arg("scan")
        .arg(d.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("could be read as text"));
}

#[test]
fn unterminated_front_matter_and_bad_date_warn_and_go_on() {
    let d = tempfile::tempdir().unwrap();
    fs::write(
        d.path().join("open.md"),
        "---\ntitle: never closed\nXi said “hello there friends.”\n",
    )
    .unwrap();
    fs::write(
        d.path().join("date.md"),
        "---\ndate: 2023-02-31\n---\nText.\n",
    )
    .unwrap();
    cmd()
        .arg("scan")
        .arg(d.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "open.md:1: front matter starts with `---` but is never closed",
        ))
        .stderr(predicate::str::contains(
            "date.md:2: front matter date `2023-02-31` is not a date",
        ));
}

#[test]
fn huge_single_line_file_runs_without_panic() {
    let d = tempfile::tempdir().unwrap();
    let line = "Trade grew “fast” and 4,200 km of border, ".repeat(50 * 1024 * 1024 / 45);
    fs::write(d.path().join("huge.txt"), line).unwrap();
    cmd()
        .args(["scan", "--format", "json"])
        .arg(d.path())
        .assert()
        .code(0)
        .stderr(no_panic());
}

#[test]
fn draft_that_is_not_text_is_exit_2() {
    let d = tempfile::tempdir().unwrap();
    article(d.path(), "a.md");
    let draft = d.path().join("draft.md");
    fs::write(&draft, b"\xff\xfe bad").unwrap();
    check(&draft, d.path().join("a.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("draft.md: not valid UTF-8"));
}

#[test]
fn a_draft_with_nothing_to_check_says_so() {
    let d = tempfile::tempdir().unwrap();
    article(d.path(), "a.md");
    let draft = d.path().join("draft.md");
    fs::write(&draft, "Nothing here is quoted or counted.\n").unwrap();
    check(&draft, d.path().join("a.md"))
        .arg("--no-progress")
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "draft.md: no sentence holds a quotation or a figure: nothing to check",
        ))
        .stdout(predicate::str::contains("0 claims: none"));
}

#[test]
fn usage_errors_are_exit_2() {
    cmd().args(["scan", "--format", "nope"]).assert().code(2);
    cmd()
        .args(["scan", "--fail-on", "conflict,bogus", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bogus"));
    // An empty list (a CI variable left unset) would pass every run.
    for empty in ["", " , "] {
        cmd()
            .args(["scan", "--fail-on", empty, "."])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--fail-on: empty"));
    }
    cmd()
        .args(["check", "--claim", " ", "--sources", "."])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--claim: claim 1 is empty"));
    cmd()
        .arg("check")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("needs a claims file"));
    cmd()
        .args(["extract", "--format", "github", "."])
        .assert()
        .code(2);
    cmd().arg("frobnicate").assert().code(2);
}

#[test]
fn output_into_missing_folder_fails_and_leaves_nothing() {
    let d = tempfile::tempdir().unwrap();
    article(d.path(), "a.md");
    let out = d.path().join("nope").join("report.json");
    cmd()
        .args(["scan", "--format", "json", "--output"])
        .arg(&out)
        .arg(d.path().join("a.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("report.json"));
    assert!(!out.exists());
}

#[test]
fn output_file_is_written_whole_and_sources_untouched() {
    let d = tempfile::tempdir().unwrap();
    article(d.path(), "a.md");
    let before = fs::read(d.path().join("a.md")).unwrap();
    let out = d.path().join("report.json");
    cmd()
        .args(["extract", "--format", "json", "--output"])
        .arg(&out)
        .arg(d.path().join("a.md"))
        .assert()
        .code(0)
        .stdout("");
    let json: serde_json::Value = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    assert!(json["quotes"].is_array() && json["figures"].is_array());
    assert_eq!(fs::read(d.path().join("a.md")).unwrap(), before);
    let names: Vec<_> = fs::read_dir(d.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temporary files left: {names:?}");
}

#[test]
fn stdin_is_one_document() {
    cmd()
        .args(["extract", "--format", "jsonl", "-"])
        .write_stdin("Xi Jinping said relations “are now the best ever.”\n")
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn text_that_is_not_utf8_says_where_and_what_it_likely_is() {
    let d = tempfile::tempdir().unwrap();
    article(d.path(), "good.md");
    // Windows-1252 curly quotes, and a file saved as UTF-16.
    fs::write(
        d.path().join("cp1252.md"),
        b"Line one.\nHe said \x93yes\x94.\n",
    )
    .unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("Xi said “yes”.".encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(d.path().join("utf16.md"), &utf16).unwrap();
    cmd()
        .args(["extract", "--format", "json"])
        .arg(d.path())
        .assert()
        .code(0)
        .stderr(predicate::str::contains(
            "cp1252.md: not valid UTF-8 at line 2, column 9 (byte 0x93; Latin-1 or Windows-1252 text? save it as UTF-8); skipped",
        ))
        .stderr(predicate::str::contains(
            "utf16.md: not valid UTF-8: it is UTF-16 text (save it as UTF-8); skipped",
        ))
        .stderr(no_panic());
    // A claims file and a configuration say the same, and stop the run.
    let claims = d.path().join("claims.toml");
    fs::write(&claims, b"[[claim]]\nquote = \"caf\xe9\"\n").unwrap();
    check(&claims, d.path().join("good.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "claims.toml: not valid UTF-8 at line 2, column 13 (byte 0xE9;",
        ))
        .stderr(no_panic());
    let config = d.path().join("desk.toml");
    fs::write(&config, &utf16).unwrap();
    cmd()
        .args(["scan", "--config"])
        .arg(&config)
        .arg(d.path().join("good.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "desk.toml: not valid UTF-8: it is UTF-16 text",
        ))
        .stderr(no_panic());
}
