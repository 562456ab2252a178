//! Extraction measured against hand annotations of the sample corpus
//! (`tests/fixtures/gold/`): span recall and precision of quotations,
//! speaker accuracy on speech, value+unit recall and precision of figures,
//! period accuracy. Prints every miss and false positive.

use crosscheck::extract::{Figure, Quote};
use crosscheck::normalize::fold;
use crosscheck::source;
use crosscheck::speakers::SpeakerTable;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct GoldQuotes {
    quote: Vec<GoldQuote>,
}

#[derive(Deserialize)]
struct GoldQuote {
    source: String,
    line: usize,
    text: String,
    speaker: Option<String>,
    kind: String,
    /// A second acceptable kind (short attributed fragments, attributed terms).
    kind_alt: Option<String>,
    #[serde(default)]
    multi_paragraph: bool,
}

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

fn quote_matches(g: &GoldQuote, q: &Quote) -> bool {
    if g.source != q.span.source || g.line.abs_diff(q.span.line) > 1 {
        return false;
    }
    if g.multi_paragraph {
        fold(&q.text).starts_with(&fold(&g.text))
    } else {
        fold(&q.text) == fold(&g.text)
    }
}

fn same_speaker(gold: &str, got: &str) -> bool {
    let strip = |s: &str| {
        s.trim_start_matches("the ")
            .trim_start_matches("The ")
            .to_lowercase()
    };
    strip(gold) == strip(got) || SpeakerTable::default().same(gold, got)
}

#[test]
fn quotations_recall_precision_and_speakers() {
    let gold: GoldQuotes =
        toml::from_str(&std::fs::read_to_string("tests/fixtures/gold/quotes.toml").unwrap())
            .unwrap();
    let (quotes, _) = extract(&["sources", "tests/fixtures/hard"]);
    let mut matched = vec![false; quotes.len()];
    let mut found = 0;
    let (mut speech, mut right_speaker) = (0, 0);
    let mut right_kind = 0;
    let mut report = Vec::new();
    for g in &gold.quote {
        match quotes.iter().position(|q| quote_matches(g, q)) {
            Some(i) => {
                found += 1;
                matched[i] = true;
                let kind = serde_json::to_value(quotes[i].kind).unwrap();
                let kind = kind.as_str().unwrap();
                if kind == g.kind || g.kind_alt.as_deref() == Some(kind) {
                    right_kind += 1;
                } else {
                    report.push(format!(
                        "kind     {}:{} {:?}: gold {}, got {kind}",
                        g.source, g.line, g.text, g.kind
                    ));
                }
                if g.kind == "speech" {
                    speech += 1;
                    let ok = match (&g.speaker, &quotes[i].speaker) {
                        (Some(a), Some(b)) => same_speaker(a, b),
                        (None, None) => true,
                        _ => false,
                    };
                    if ok {
                        right_speaker += 1;
                    } else {
                        report.push(format!(
                            "speaker  {}:{} {:?}: gold {:?}, got {:?}",
                            g.source, g.line, g.text, g.speaker, quotes[i].speaker
                        ));
                    }
                }
            }
            None => report.push(format!("missed   {}:{} {:?}", g.source, g.line, g.text)),
        }
    }
    for (q, m) in quotes.iter().zip(&matched) {
        if !m {
            report.push(format!(
                "spurious {}:{} {:?}",
                q.span.source, q.span.line, q.text
            ));
        }
    }
    let recall = found as f64 / gold.quote.len() as f64;
    let precision = matched.iter().filter(|m| **m).count() as f64 / quotes.len() as f64;
    let speakers = right_speaker as f64 / speech as f64;
    let kinds = right_kind as f64 / found as f64;
    println!(
        "quotations: gold {}, extracted {}, recall {recall:.3}, precision {precision:.3}, speaker accuracy {speakers:.3} ({right_speaker}/{speech}), kind accuracy {kinds:.3}",
        gold.quote.len(),
        quotes.len()
    );
    for r in &report {
        println!("  {r}");
    }
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(precision >= 0.95, "precision {precision:.3}");
    assert!(speakers >= 0.9, "speaker accuracy {speakers:.3}");
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
