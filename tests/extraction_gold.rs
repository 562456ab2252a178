//! Figure extraction measured against hand annotations of the sample corpus
//! (`tests/fixtures/gold/figures.toml`): value+unit recall and precision,
//! period accuracy. Prints every miss and false positive. (Quotations are
//! measured in `tests/quotes_gold.rs`.)

use crosscheck::extract::{Figure, Quote};
use crosscheck::source;
use crosscheck::speakers::SpeakerTable;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct GoldFigures {
    figure: Vec<GoldFigure>,
}

#[derive(Deserialize)]
struct GoldFigure {
    source: String,
    line: usize,
    surface: String,
    value: f64,
    unit: String,
    period: Option<String>,
    #[serde(default)]
    optional: bool,
}

fn extract(paths: &[&str]) -> (Vec<Quote>, Vec<Figure>) {
    let paths: Vec<PathBuf> = paths.iter().map(PathBuf::from).collect();
    let corpus = source::load(&paths).expect("sample corpus loads");
    let table = SpeakerTable::default();
    let mut quotes = Vec::new();
    let mut figures = Vec::new();
    for d in &corpus.documents {
        let ex = crosscheck::extract::extract(d, &table);
        quotes.extend(ex.quotes);
        figures.extend(ex.figures);
    }
    (quotes, figures)
}

#[test]
fn figures_recall_precision_and_periods() {
    let gold: GoldFigures =
        toml::from_str(&std::fs::read_to_string("tests/fixtures/gold/figures.toml").unwrap())
            .unwrap();
    let (_, figures) = extract(&["sources", "tests/fixtures/hard"]);
    let matches = |g: &GoldFigure, f: &Figure| {
        g.source == f.span.source
            && g.line.abs_diff(f.span.line) <= 1
            && g.unit == f.unit
            && (f.value - g.value).abs() <= 0.005 * g.value.abs().max(1e-9)
    };
    let mut used = vec![false; figures.len()];
    let (mut required, mut found) = (0, 0);
    let (mut with_period, mut right_period) = (0, 0);
    let mut report = Vec::new();
    for g in &gold.figure {
        let hit = figures.iter().position(|f| matches(g, f));
        if let Some(i) = hit {
            used[i] = true;
        }
        if g.optional {
            continue;
        }
        required += 1;
        match hit {
            Some(i) => {
                found += 1;
                if let Some(p) = &g.period {
                    with_period += 1;
                    let got = figures[i].period.as_ref().map(|p| p.label.clone());
                    if got.as_deref() == Some(p.as_str()) {
                        right_period += 1;
                    } else {
                        report.push(format!(
                            "period   {}:{} {:?}: gold {p}, got {got:?}",
                            g.source, g.line, g.surface
                        ));
                    }
                }
            }
            None => report.push(format!(
                "missed   {}:{} {:?} {} {}",
                g.source, g.line, g.surface, g.value, g.unit
            )),
        }
    }
    for (f, u) in figures.iter().zip(&used) {
        // Page furniture the extractor marked as noise is never a claim.
        if !u && !f.noise {
            report.push(format!(
                "spurious {}:{} {:?} {} {}",
                f.span.source, f.span.line, f.text, f.value, f.unit
            ));
        }
    }
    let recall = found as f64 / required as f64;
    let counted = figures
        .iter()
        .zip(&used)
        .filter(|(f, u)| **u || !f.noise)
        .count();
    let precision = used.iter().filter(|u| **u).count() as f64 / counted as f64;
    let periods = right_period as f64 / with_period as f64;
    println!(
        "figures: gold {required} (+{} optional), extracted {}, value+unit recall {recall:.3}, precision {precision:.3}, period accuracy {periods:.3} ({right_period}/{with_period})",
        gold.figure.len() - required,
        figures.len()
    );
    for r in &report {
        println!("  {r}");
    }
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(precision >= 0.9, "precision {precision:.3}");
    assert!(periods >= 0.9, "period accuracy {periods:.3}");
}
