//! `crosscheck check` on the sample corpus: every claim of claims/example.toml
//! and every claim of claims/draft.md against its expected verdict
//! (tests/fixtures/gold/claims_expected.toml), the `github` format line by
//! line, and the exit code for each `--fail-on`.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::collections::BTreeMap;

fn cmd() -> Command {
    Command::cargo_bin("crosscheck").expect("binary built")
}

fn expected() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string("tests/fixtures/gold/claims_expected.toml").unwrap();
    let v: toml::Table = toml::from_str(&text).unwrap();
    let mut out = BTreeMap::new();
    for section in ["expect", "draft"] {
        for (k, v) in v[section].as_table().unwrap() {
            out.insert(k.clone(), v.as_str().unwrap().to_string());
        }
    }
    out
}

fn check_json(args: &[&str]) -> Value {
    let out = cmd()
        .arg("check")
        .args(args)
        .args(["--sources", "sources", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Draft claims whose verdict is known to be wrong today, with why. Each
/// must still be wrong (so that a fix shows up here and the entry goes).
const KNOWN_WRONG: &[(&str, &str)] = &[];

#[test]
fn every_claim_gets_its_expected_verdict() {
    let want = expected();
    let report = check_json(&["claims/example.toml", "claims/draft.md"]);
    let claims = report["claims"].as_array().unwrap();
    let mut right = 0;
    let mut wrong = Vec::new();
    for c in claims {
        let id = c["id"].as_str().unwrap();
        let got = c["verdict"].as_str().unwrap();
        let exp = want.get(id).unwrap_or_else(|| {
            panic!(
                "claim {id} has no expected verdict (a draft sentence that should not be a claim?)"
            )
        });
        if got == exp {
            right += 1;
        } else {
            wrong.push(format!(
                "{id}: got {got}, want {exp} ({})",
                c["explanation"]
            ));
        }
        // Every verdict shows why, and every flagged one its evidence.
        assert!(!c["explanation"].as_str().unwrap().is_empty(), "{id}");
        if got != "unverified" {
            assert!(
                !c["evidence"].as_array().unwrap().is_empty(),
                "{id} has no evidence"
            );
        }
    }
    assert_eq!(claims.len(), want.len(), "one result per expected claim");
    let accuracy = right as f64 / claims.len() as f64;
    println!("verdict accuracy {accuracy:.3} ({right}/{})", claims.len());
    for w in &wrong {
        println!("  {w}");
    }
    let known: Vec<&str> = KNOWN_WRONG.iter().map(|(id, _)| *id).collect();
    for w in &wrong {
        let id = w.split(':').take(2).collect::<Vec<_>>().join(":");
        let id = if id.starts_with("draft.md") {
            id
        } else {
            w.split(':').next().unwrap().to_string()
        };
        assert!(
            known.contains(&id.as_str()),
            "unexpected wrong verdict: {w}"
        );
    }
    assert_eq!(
        wrong.len(),
        KNOWN_WRONG.len(),
        "a known-wrong verdict is now right: update KNOWN_WRONG"
    );
    // The claims file alone is right claim by claim.
    let summary = &report["summary"];
    let total: u64 = summary
        .as_object()
        .unwrap()
        .values()
        .map(|v| v.as_u64().unwrap())
        .sum();
    assert_eq!(total as usize, claims.len(), "summary counts add up");
}

#[test]
fn every_verdict_is_exercised_by_the_claims_file() {
    let report = check_json(&["claims/example.toml"]);
    let verdicts: std::collections::BTreeSet<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["verdict"].as_str().unwrap())
        .collect();
    for v in [
        "supported",
        "style-variant",
        "variant",
        "misattributed",
        "contradicted",
        "disputed",
        "other-period",
        "unverified",
    ] {
        assert!(verdicts.contains(v), "no claim is {v}");
    }
}

#[test]
fn variant_shows_the_word_diff_and_misattribution_names_the_speaker() {
    let report = check_json(&["claims/example.toml"]);
    let by_id = |id: &str| {
        report["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap()
            .clone()
    };
    let hard_won = by_id("hard-won");
    assert!(
        hard_won["diff"].as_str().unwrap().contains('+'),
        "{hard_won}"
    );
    let mis = by_id("military-alliance-xi");
    assert!(
        mis["explanation"]
            .as_str()
            .unwrap()
            .contains("Vladimir Putin"),
        "{mis}"
    );
}

#[test]
fn one_claim_from_the_command_line() {
    cmd()
        .args(["check", "--sources", "sources", "--claim", "Xi Jinping said the two countries are \"good neighbours, good friends and good partners\"."])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("supported"))
        .stdout(predicate::str::contains("globe-wire-2023-03-21"));
}

#[test]
fn github_annotations_line_by_line() {
    let out = cmd()
        .args([
            "check",
            "claims/example.toml",
            "--sources",
            "sources",
            "--format",
            "github",
        ])
        .env_remove("GITHUB_STEP_SUMMARY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let report = check_json(&["claims/example.toml"]);
    let flagged = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["verdict"] != "supported")
        .count();
    assert_eq!(
        lines.len(),
        flagged,
        "one annotation per flagged claim:\n{text}"
    );
    for l in &lines {
        assert!(
            l.starts_with("::error file=claims/example.toml,line=")
                || l.starts_with("::warning file=claims/example.toml,line="),
            "{l}"
        );
        let (props, msg) = l[2..].split_once("::").unwrap();
        // Messages are one line: CR and LF encoded.
        assert!(!msg.contains('\n') && !msg.contains('\r'));
        // Properties: title= holds no raw ':' or ','.
        let title = props.split_once("title=").unwrap().1;
        assert!(!title.contains(':') && !title.contains(','), "{title}");
    }
    assert!(lines.iter().any(|l| l.starts_with("::error")
        && l.contains("title=crosscheck%3A misattributed (military-alliance-xi)")));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::warning") && l.contains("unverified"))
    );
}

#[test]
fn github_step_summary_gets_the_markdown_report() {
    let dir = tempfile::tempdir().unwrap();
    let summary = dir.path().join("summary.md");
    cmd()
        .args([
            "check",
            "claims/example.toml",
            "--sources",
            "sources",
            "--format",
            "github",
        ])
        .env("GITHUB_STEP_SUMMARY", &summary)
        .assert()
        .code(1);
    let md = std::fs::read_to_string(&summary).unwrap();
    assert!(md.starts_with("# crosscheck check"), "{md}");
    assert!(md.contains("military-alliance-xi"));
}

#[test]
fn exit_codes_follow_fail_on() {
    let run = |fail_on: &str| {
        cmd()
            .args([
                "check",
                "claims/example.toml",
                "--sources",
                "sources",
                "--quiet",
                "--fail-on",
                fail_on,
            ])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run("none"), Some(0));
    assert_eq!(run("contradicted"), Some(1));
    assert_eq!(run("misattributed,disputed"), Some(1));
    assert_eq!(run("waived"), Some(0), "waived claims never fail the run");
    // Default: variant, misattributed, contradicted, disputed.
    cmd()
        .args([
            "check",
            "claims/example.toml",
            "--sources",
            "sources",
            "--quiet",
        ])
        .assert()
        .code(1)
        .stdout("");
    cmd()
        .args([
            "check",
            "--sources",
            "sources",
            "--claim",
            "Trade between Russia and China reached $185 billion in 2022.",
        ])
        .assert()
        .code(0);
}

#[test]
fn csv_discrepancy_table_has_contract_columns() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("flagged.csv");
    cmd()
        .args([
            "check",
            "claims/example.toml",
            "--sources",
            "sources",
            "--quiet",
            "--fail-on",
            "none",
            "--csv",
        ])
        .arg(&csv)
        .assert()
        .code(0);
    let mut r = csv::Reader::from_path(&csv).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    for col in [
        "claim_id",
        "verdict",
        "claim_text",
        "source",
        "line",
        "evidence_text",
        "difference",
    ] {
        assert!(header.contains(&col.to_string()), "{col} in {header:?}");
    }
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert!(rows.iter().all(|row| &row[1] != "supported"));
    assert!(
        rows.iter()
            .any(|row| &row[0] == "crude-2023" && &row[1] == "contradicted")
    );
}

#[test]
fn evidence_passages_from_files_and_from_standard_input() {
    // Check extracts its records without their passages and reads the
    // evidence's back from the files; standard input cannot be read back,
    // so its records keep theirs. Both show the whole sentence.
    let article = "---\ndate: 2024-05-16\n---\nXi Jinping said the ties were “at their best in history.” Trade reached $240 billion in 2023.\n";
    let dir = std::env::temp_dir().join(format!("crosscheck-evidence-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.md"), article).unwrap();
    let claims = [
        "Xi said the ties were “at their best in history.”",
        "Trade reached $240 billion in 2023.",
    ];
    let from_file = dir.join("a.md").display().to_string();
    for source in [from_file.as_str(), "-"] {
        let mut c = cmd();
        c.args(["check", "--format", "json", "--sources", source]);
        for claim in claims {
            c.args(["--claim", claim]);
        }
        let out = c.write_stdin(article).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "");
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let evidence = |i: usize| &v["claims"][i]["evidence"][0];
        let quote = evidence(0);
        assert!(
            quote["text"]
                .as_str()
                .unwrap()
                .starts_with("Xi Jinping said the ties"),
            "{source}: {quote}"
        );
        assert_eq!(quote["surface"], "at their best in history.", "{source}");
        let figure = evidence(1);
        assert_eq!(
            figure["text"], "Trade reached $240 billion in 2023.",
            "{source}"
        );
        assert_eq!(figure["surface"], "$240 billion", "{source}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn totals_of_one_are_singular() {
    cmd()
        .args([
            "check",
            "--claim",
            "Xi said relations “are now the best ever.”",
            "--sources",
            "sources",
            "--no-progress",
        ])
        .assert()
        .stdout(predicate::str::contains("\n1 claim: "));
    cmd()
        .args([
            "scan",
            "sources/asia-observer-2024-05-18.md",
            "--no-progress",
        ])
        .assert()
        .stdout(predicate::str::contains(" from 1 source ("));
}

#[test]
fn as_of_resolves_the_relative_periods_of_claims_without_a_date() {
    let verdict = |extra: &[&str]| {
        let v = check_json(
            &[
                &[
                    "--claim",
                    "Trade between Russia and China reached $185 billion last year.",
                ][..],
                extra,
            ]
            .concat(),
        );
        let c = &v["claims"][0];
        (
            c["verdict"].as_str().unwrap().to_string(),
            c["explanation"].as_str().unwrap().to_string(),
        )
    };
    // Written in March 2023, "last year" is 2022, when trade was $185 billion.
    let (v, why) = verdict(&["--as-of", "2023-03-25"]);
    assert_eq!(v, "supported", "{why}");
    assert!(why.contains("(2022)"), "{why}");
    // Written in May 2024, it is 2023, when the sources give $240 billion.
    let (v, why) = verdict(&["--as-of", "2024-05-20"]);
    assert_eq!(v, "contradicted", "{why}");
    // With no date, it is compared with every period, and says so.
    let (v, why) = verdict(&[]);
    assert_eq!(v, "supported", "{why}");
    assert!(why.contains("--as-of"), "{why}");
    cmd()
        .args([
            "check",
            "--claim",
            "x",
            "--as-of",
            "soon",
            "--sources",
            "sources",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--as-of: `soon` is not a date"));
}

#[test]
fn a_drafts_comments_and_code_are_not_claims() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.md");
    std::fs::write(
        &draft,
        "---\ndate: 2024-06-01\n---\n<!-- editor: Putin said “we are the ones driving these changes together”? -->\n\nXi has described the two countries as “good neighbours, good friends and reliable partners”.\n\n```\nTrade was $999 billion in 2023.\n```\n",
    )
    .unwrap();
    let v = check_json(&[draft.to_str().unwrap()]);
    let claims = v["claims"].as_array().unwrap();
    let lines: Vec<u64> = claims.iter().map(|c| c["line"].as_u64().unwrap()).collect();
    assert_eq!(lines, [6], "{claims:#?}");
}

/// The verdict of one claim given on the command line, checked against
/// the sources in `dir`.
fn claim_verdict(dir: &std::path::Path, claim: &str) -> String {
    let out = cmd()
        .args(["check", "--sources"])
        .arg(dir)
        .args(["--format", "json", "--claim", claim])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["claims"][0]["verdict"].as_str().unwrap().to_string()
}

#[test]
fn a_short_fragment_a_claim_gives_to_someone_has_its_speaker_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\ndate: 2026-09-14\n---\n\n\"This outbreak is entirely preventable,\" said Dr. Amina Diallo, who leads the WHO team.\n",
    )
    .unwrap();
    let verdict = |claim: &str| claim_verdict(dir.path(), claim);
    // Two words are a term to the extractor, but the claim names who said
    // them.
    assert_eq!(
        verdict("Joseph Okello said the outbreak was \"entirely preventable\"."),
        "misattributed"
    );
    assert_eq!(
        verdict("Amina Diallo said the outbreak was \"entirely preventable\"."),
        "supported"
    );
    // A scare quote no one is said to have said is checked for its words.
    assert_eq!(
        verdict("The outbreak was \"entirely preventable\"."),
        "supported"
    );
}

#[test]
fn a_claim_quoting_an_interviews_unmarked_answer_is_checked_against_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.md"),
        "---\ndate: 2026-11-02\n---\nDana Raman has run Carvell Systems since 2021.\n\n**Q:** Will there be more job cuts?\n\n**Raman:** We are not planning further reductions this year. The cuts we announced are the last of this programme.\n\nUpdate: This interview has been edited for length.\n",
    )
    .unwrap();
    let verdict = |claim: &str| claim_verdict(dir.path(), claim);
    assert_eq!(
        verdict("Raman said: \"The cuts we announced are the last of this programme.\""),
        "supported"
    );
    assert_eq!(
        verdict("Raman said: \"The cuts we announced are the last of our programme.\""),
        "variant"
    );
    assert_eq!(
        verdict("Tom Hale said: \"The cuts we announced are the last of this programme.\""),
        "misattributed"
    );
    // The update line is no one's words.
    assert_eq!(
        verdict("Raman said: \"This interview has been edited for length.\""),
        "unverified"
    );
}
