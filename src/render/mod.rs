//! Output formats. One printer per format, each over the findings model
//! ([`crate::findings`]); none computes anything of its own.

pub mod csv;
pub mod github;
pub mod json;
pub mod markdown;
pub mod table;

use crate::findings::{CheckReport, ExtractReport, ScanReport, Verdict};
use std::collections::BTreeSet;

/// Output format, as chosen with `--format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A readable table (comfy-table) with a one-line total.
    Table,
    /// One JSON document.
    Json,
    /// JSON Lines: one record per line.
    Jsonl,
    /// CSV (RFC 4180); for scan and check, the discrepancy table.
    Csv,
    /// Markdown, for a pull request or a desk memo.
    Markdown,
    /// GitHub Actions workflow commands (check only).
    Github,
}

/// How a report is rendered.
#[derive(Clone, Debug)]
pub struct Style {
    pub color: bool,
    /// Table width in columns.
    pub width: u16,
    /// Verdicts that fail the run (check): shown as errors in `github`.
    pub fail_on: BTreeSet<Verdict>,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            width: 120,
            fail_on: crate::findings::default_check_fail_on(),
        }
    }
}

/// What went wrong rendering (only `github` for a non-check report).
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct RenderError(pub String);

/// Why `--format github` is refused for `extract` and `scan`.
pub const GITHUB_IS_FOR_CHECK: &str =
    "--format github is for `check`; use json, jsonl, csv, markdown or table";

pub fn extract(r: &ExtractReport, format: Format, style: &Style) -> Result<String, RenderError> {
    Ok(match format {
        Format::Table => table::extract(r, style),
        Format::Json => json::pretty(r),
        Format::Jsonl => json::extract_lines(r),
        Format::Csv => csv::extract(r),
        Format::Markdown => markdown::extract(r),
        Format::Github => {
            return Err(RenderError(GITHUB_IS_FOR_CHECK.into()));
        }
    })
}

pub fn scan(r: &ScanReport, format: Format, style: &Style) -> Result<String, RenderError> {
    Ok(match format {
        Format::Table => table::scan(r, style),
        Format::Json => json::pretty(r),
        Format::Jsonl => json::scan_lines(r),
        Format::Csv => csv::scan(r),
        Format::Markdown => markdown::scan(r),
        Format::Github => {
            return Err(RenderError(GITHUB_IS_FOR_CHECK.into()));
        }
    })
}

pub fn check(r: &CheckReport, format: Format, style: &Style) -> Result<String, RenderError> {
    Ok(match format {
        Format::Table => table::check(r, style),
        Format::Json => json::pretty(r),
        Format::Jsonl => json::check_lines(r),
        Format::Csv => csv::check(r),
        Format::Markdown => markdown::check(r),
        Format::Github => github::check(r, style),
    })
}

/// What `write` writes into memory, as a string: the whole report of a
/// format that streams. Writing into memory fails only if serialising does
/// (JSON refuses maps with non-string keys and NaN; the findings have
/// neither).
pub(crate) fn to_string(
    write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("a report renders into memory");
    String::from_utf8(out).expect("a report is UTF-8")
}

/// Shortens text for a table cell, on a character boundary.
pub fn clip(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
