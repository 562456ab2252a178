//! Figure extraction measured against the hand annotations in
//! `tests/fixtures/gold/figures.toml` over the sample corpus in `sources/`.
//!
//! A gold figure is matched by an extracted one from the same source, on the
//! same line (±1), with the same unit and a value within 0.5 %. Gold figures
//! marked `optional` count neither as a miss when absent nor as a false
//! positive when found. Noise counts on both sides: a gold noise figure is hit
//! only by an extracted figure marked noise, and an extracted noise figure
//! with no gold noise figure is a false positive like any other.
//!
//! Sources: `sources/` and `tests/fixtures/hard/`.
//!
//! Run with `cargo test --test figures_gold -- --nocapture` to see every
//! figure, miss and false positive.

use crosscheck::extract::Figure;
use crosscheck::extract::figure::{extract_figures, terms};
use crosscheck::source::load;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Gold {
    figure: Vec<GoldFigure>,
}

#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
struct GoldFigure {
    source: String,
    line: usize,
    surface: String,
    value: f64,
    unit: String,
    qualifier: String,
    #[serde(default)]
    low: Option<f64>,
    #[serde(default)]
    high: Option<f64>,
    #[serde(default)]
    period: Option<String>,
    modality: String,
    subject: String,
    #[serde(default)]
    noise: bool,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    record: bool,
}

fn matches(g: &GoldFigure, src: &str, f: &Figure) -> bool {
    g.source == src
        && g.line.abs_diff(f.span.line as usize) <= 1
        && g.unit == f.unit
        && (f.value - g.value).abs() <= 0.005 * g.value.abs().max(1e-9)
        && g.noise == f.noise
}

#[test]
fn figures_match_gold() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let gold: Gold = toml::from_str(
        &std::fs::read_to_string(root.join("tests/fixtures/gold/figures.toml")).expect("gold file"),
    )
    .expect("gold parses");
    let corpus =
        load(&[root.join("sources"), root.join("tests/fixtures/hard")]).expect("sources load");

    let mut extracted: Vec<(String, Figure)> = Vec::new();
    for doc in &corpus.documents {
        for f in extract_figures(doc) {
            extracted.push((doc.id.to_string(), f));
        }
    }
    extracted.sort_by(|a, b| (&a.0, a.1.span.start).cmp(&(&b.0, b.1.span.start)));

    println!("== extracted figures");
    for (src, f) in &extracted {
        println!(
            "{src}:{} {:?} = {} {} {} [{}, {}] period={} modality={} subject={:?} terms={:?}{}{}",
            f.span.line,
            f.text,
            f.value,
            f.unit,
            f.qualifier.as_str(),
            f.low,
            f.high,
            f.period.as_ref().map_or("-", |p| &*p.label),
            f.modality.as_str(),
            f.subject.text,
            f.subject.terms,
            if f.noise { " NOISE" } else { "" },
            f.period_note
                .as_ref()
                .map_or(String::new(), |n| format!(" note={n}")),
        );
    }

    // Greedy one-to-one matching, gold in file order.
    let mut used = vec![false; extracted.len()];
    let mut hits = 0usize;
    let mut required = 0usize;
    let mut misses = Vec::new();
    let mut period_total = 0usize;
    let mut period_ok = 0usize;
    let mut period_wrong = Vec::new();
    let mut qualifier_wrong = Vec::new();
    let mut modality_wrong = Vec::new();
    let mut range_wrong = Vec::new();
    let mut record_wrong = Vec::new();
    let mut subject_scores: Vec<f64> = Vec::new();
    let mut subject_wrong = Vec::new();
    for g in &gold.figure {
        if !g.optional {
            required += 1;
        }
        let found = extracted
            .iter()
            .enumerate()
            .find(|(i, (src, f))| !used[*i] && matches(g, src, f))
            .map(|(i, _)| i);
        let Some(i) = found else {
            if !g.optional {
                misses.push(g.clone());
            }
            if g.period.is_some() && !g.optional {
                period_total += 1;
                period_wrong.push(format!(
                    "{}:{} {:?}: not extracted",
                    g.source, g.line, g.surface
                ));
            }
            continue;
        };
        used[i] = true;
        let f = &extracted[i].1;
        if !g.optional {
            hits += 1;
        }
        if let Some(p) = &g.period {
            period_total += 1;
            let got = f.period.as_ref().map(|p| &*p.label);
            if got == Some(p.as_str()) {
                period_ok += 1;
            } else {
                period_wrong.push(format!(
                    "{}:{} {:?}: gold {p}, got {got:?}",
                    g.source, g.line, g.surface
                ));
            }
        } else if let Some(p) = &f.period {
            // Not counted in period accuracy (gold states none), but shown.
            period_wrong.push(format!(
                "{}:{} {:?}: gold none, got {} (not scored)",
                g.source, g.line, g.surface, p.label
            ));
        }
        if f.qualifier.as_str() != g.qualifier {
            qualifier_wrong.push(format!(
                "{}:{} {:?}: gold {}, got {}",
                g.source,
                g.line,
                g.surface,
                g.qualifier,
                f.qualifier.as_str()
            ));
        }
        if f.modality.as_str() != g.modality {
            modality_wrong.push(format!(
                "{}:{} {:?}: gold {}, got {}",
                g.source,
                g.line,
                g.surface,
                g.modality,
                f.modality.as_str()
            ));
        }
        if g.record != f.attributes.contains(&"record") {
            record_wrong.push(format!(
                "{}:{} {:?}: gold record={}, got {:?}",
                g.source, g.line, g.surface, g.record, f.attributes
            ));
        }
        if let (Some(lo), Some(hi)) = (g.low, g.high)
            && !(f.low <= lo && f.high >= hi)
        {
            range_wrong.push(format!(
                "{}:{} {:?}: gold [{lo}, {hi}], got [{}, {}]",
                g.source, g.line, g.surface, f.low, f.high
            ));
        }
        // Subject: share of the gold subject's terms found in the extracted
        // terms (reported, not asserted: the gold subjects are paraphrases).
        let words: Vec<&str> = g.subject.split_whitespace().collect();
        let gold_terms = terms(&words);
        let shared = gold_terms
            .iter()
            .filter(|t| f.subject.terms.iter().any(|s| **s == ***t))
            .count();
        let score = shared as f64 / gold_terms.len().max(1) as f64;
        subject_scores.push(score);
        if shared == 0 {
            subject_wrong.push(format!(
                "{}:{} {:?}: gold {:?} {gold_terms:?}, got {:?} {:?}",
                g.source, g.line, g.surface, g.subject, f.subject.text, f.subject.terms
            ));
        }
    }
    let optional_hits: Vec<bool> = extracted
        .iter()
        .map(|(src, f)| gold.figure.iter().any(|g| g.optional && matches(g, src, f)))
        .collect();
    let false_pos: Vec<&(String, Figure)> = extracted
        .iter()
        .enumerate()
        .filter(|(i, _)| !used[*i] && !optional_hits[*i])
        .map(|(_, e)| e)
        .collect();
    let scored = extracted.len() - optional_hits.iter().filter(|&&o| o).count();

    println!("\n== misses ({})", misses.len());
    for g in &misses {
        println!(
            "{}:{} {:?} = {} {}{}",
            g.source,
            g.line,
            g.surface,
            g.value,
            g.unit,
            if g.noise { " (noise)" } else { "" }
        );
    }
    println!("\n== false positives ({})", false_pos.len());
    for (src, f) in &false_pos {
        println!(
            "{src}:{} {:?} = {} {}{}",
            f.span.line,
            f.text,
            f.value,
            f.unit,
            if f.noise { " (noise)" } else { "" }
        );
    }
    println!("\n== period errors");
    period_wrong.iter().for_each(|m| println!("{m}"));
    println!("\n== qualifier errors (not asserted)");
    qualifier_wrong.iter().for_each(|m| println!("{m}"));
    println!("\n== modality errors (not asserted)");
    modality_wrong.iter().for_each(|m| println!("{m}"));
    println!("\n== record attribute errors (not asserted)");
    record_wrong.iter().for_each(|m| println!("{m}"));
    println!("\n== range errors (not asserted)");
    range_wrong.iter().for_each(|m| println!("{m}"));

    println!("\n== subjects sharing no term with gold (not asserted)");
    subject_wrong.iter().for_each(|m| println!("{m}"));
    let subject_overlap = subject_scores.iter().sum::<f64>() / subject_scores.len().max(1) as f64;
    println!("mean share of gold subject terms found: {subject_overlap:.2}");

    let recall = hits as f64 / required.max(1) as f64;
    let precision = hits as f64 / scored.max(1) as f64;
    let period_acc = period_ok as f64 / period_total.max(1) as f64;
    println!(
        "\nrecall {hits}/{required} = {recall:.3}; precision {hits}/{scored} = {precision:.3}; \
         period accuracy {period_ok}/{period_total} = {period_acc:.3}"
    );
    assert!(recall >= 0.95, "recall {recall:.3} < 0.95");
    assert!(precision >= 0.9, "precision {precision:.3} < 0.9");
    assert!(period_acc >= 0.9, "period accuracy {period_acc:.3} < 0.9");
}

/// The figure claims of `claims/example.toml` and `claims/draft.md` get the
/// verdicts in `tests/fixtures/gold/claims_expected.toml`: extraction
/// (subjects, periods, intervals) is what decides them.
#[test]
fn figure_claims_get_their_expected_verdicts() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let expected: toml::Table = toml::from_str(
        &std::fs::read_to_string(root.join("tests/fixtures/gold/claims_expected.toml"))
            .expect("expected verdicts"),
    )
    .expect("expected verdicts parse");
    let mut wrong = Vec::new();
    let mut checked = 0;
    for (file, table) in [
        ("claims/example.toml", "expect"),
        ("claims/draft.md", "draft"),
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .current_dir(&root)
            .args(["check", file, "--sources", "sources", "--format", "json"])
            .output()
            .expect("crosscheck runs");
        let report: serde_json::Value =
            serde_json::from_slice(&out.stdout).expect("check prints JSON");
        for c in report["claims"].as_array().expect("claims") {
            if c["kind"] != "figure" {
                continue;
            }
            let id = c["id"].as_str().unwrap_or_default();
            let key = id.rsplit('/').next().unwrap_or(id);
            let Some(want) = expected[table].get(key).and_then(|v| v.as_str()) else {
                continue;
            };
            checked += 1;
            let got = c["verdict"].as_str().unwrap_or_default();
            if got != want {
                wrong.push(format!(
                    "{key}: expected {want}, got {got} ({})",
                    c["explanation"]
                ));
            }
        }
    }
    println!("figure claims checked: {checked}");
    assert!(checked >= 10, "only {checked} figure claims found");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
