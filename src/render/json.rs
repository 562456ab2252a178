//! `json` and `jsonl`. The JSON shapes are the findings types as serde
//! serialises them (see docs/reference.md for the fields).

use crate::findings::{CheckReport, ExtractReport, ScanReport};
use serde::Serialize;
use std::io::{self, Write};

pub fn pretty<T: Serialize>(value: &T) -> String {
    to_string(|w| value.write_pretty(w))
}

/// A report that writes itself as pretty JSON (what [`pretty`] returns)
/// into any writer, so that a large report is streamed to its output
/// instead of first being built as one string.
pub trait JsonReport {
    fn write_pretty(&self, w: &mut dyn Write) -> io::Result<()>;
}

impl<T: Serialize> JsonReport for T {
    fn write_pretty(&self, mut w: &mut dyn Write) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut w, self)?;
        w.write_all(b"\n")
    }
}

fn line<T: Serialize>(mut out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut out, value)?;
    out.write_all(b"\n")
}

/// What `write` writes, as a string.
fn to_string(write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("findings serialise: no maps with non-string keys, no NaN");
    String::from_utf8(out).expect("JSON is UTF-8")
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
    to_string(|w| write_extract_lines(r, w))
}

/// [`extract_lines`] written into `out`.
pub fn write_extract_lines(r: &ExtractReport, out: &mut dyn Write) -> io::Result<()> {
    for q in &r.quotes {
        line(
            out,
            &Tagged {
                kind: "quote",
                value: q,
            },
        )?;
    }
    for f in &r.figures {
        line(
            out,
            &Tagged {
                kind: "figure",
                value: f,
            },
        )?;
    }
    Ok(())
}

/// One line per finding, then a `"type": "summary"` line.
pub fn scan_lines(r: &ScanReport) -> String {
    to_string(|w| write_scan_lines(r, w))
}

/// [`scan_lines`] written into `out`.
pub fn write_scan_lines(r: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    for f in &r.findings {
        line(
            out,
            &Tagged {
                kind: "finding",
                value: f,
            },
        )?;
    }
    line(
        out,
        &Tagged {
            kind: "summary",
            value: &r.summary,
        },
    )?;
    Ok(())
}

/// One line per claim, then a `"type": "summary"` line.
pub fn check_lines(r: &CheckReport) -> String {
    to_string(|w| write_check_lines(r, w))
}

/// [`check_lines`] written into `out`.
pub fn write_check_lines(r: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    for c in &r.claims {
        line(
            out,
            &Tagged {
                kind: "claim",
                value: c,
            },
        )?;
    }
    #[derive(Serialize)]
    struct Summary<'a> {
        summary: &'a std::collections::BTreeMap<&'static str, usize>,
    }
    line(
        out,
        &Tagged {
            kind: "summary",
            value: &Summary {
                summary: &r.summary,
            },
        },
    )?;
    Ok(())
}
