//! `json` and `jsonl`. The JSON shapes are the findings types as serde
//! serialises them (see docs/reference.md for the fields).

use crate::findings::{CheckReport, ExtractReport, ScanReport};
use serde::Serialize;

pub fn pretty<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value)
        .expect("findings serialise: no maps with non-string keys, no NaN");
    s.push('\n');
    s
}

/// A report that writes itself as pretty JSON (what [`pretty`] returns)
/// into any writer, so that a large report is streamed to its output
/// instead of first being built as one string.
pub trait JsonReport {
    fn write_pretty(&self, w: &mut dyn std::io::Write) -> std::io::Result<()>;
}

impl<T: Serialize> JsonReport for T {
    fn write_pretty(&self, mut w: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut w, self)?;
        w.write_all(b"\n")
    }
}

fn line<T: Serialize>(out: &mut String, value: &T) {
    out.push_str(&serde_json::to_string(value).expect("findings serialise"));
    out.push('\n');
}

#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(flatten)]
    value: &'a T,
}

/// One line per quotation and figure, tagged `"type": "quote"` or `"figure"`.
pub fn extract_lines(r: &ExtractReport) -> String {
    let mut out = String::new();
    for q in &r.quotes {
        line(
            &mut out,
            &Tagged {
                kind: "quote",
                value: q,
            },
        );
    }
    for f in &r.figures {
        line(
            &mut out,
            &Tagged {
                kind: "figure",
                value: f,
            },
        );
    }
    out
}

/// One line per finding, then a `"type": "summary"` line.
pub fn scan_lines(r: &ScanReport) -> String {
    let mut out = String::new();
    for f in &r.findings {
        line(
            &mut out,
            &Tagged {
                kind: "finding",
                value: f,
            },
        );
    }
    line(
        &mut out,
        &Tagged {
            kind: "summary",
            value: &r.summary,
        },
    );
    out
}

/// One line per claim, then a `"type": "summary"` line.
pub fn check_lines(r: &CheckReport) -> String {
    let mut out = String::new();
    for c in &r.claims {
        line(
            &mut out,
            &Tagged {
                kind: "claim",
                value: c,
            },
        );
    }
    #[derive(Serialize)]
    struct Summary<'a> {
        summary: &'a std::collections::BTreeMap<&'static str, usize>,
    }
    line(
        &mut out,
        &Tagged {
            kind: "summary",
            value: &Summary {
                summary: &r.summary,
            },
        },
    );
    out
}
