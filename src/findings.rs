//! The findings model: one set of serialisable types for the results of
//! `extract`, `scan` and `check`. Every output format renders these and
//! computes nothing of its own.

use crate::extract::{Figure, Quote, QuoteKind};
use crate::text::{Shared, SharedSlice};
use serde::Serialize;
use std::collections::BTreeMap;

/// Kind of item a finding or claim part is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    Quote,
    Figure,
    /// A claim that holds neither a quotation nor a figure.
    None,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Quote => "quote",
            ItemKind::Figure => "figure",
            ItemKind::None => "none",
        }
    }
}

// ---------------------------------------------------------------- extract

/// A quotation as `extract` reports it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuoteRecord {
    pub source: Shared,
    pub line: u32,
    pub column: u32,
    pub start: u32,
    pub end: u32,
    pub text: SharedSlice,
    pub speaker: Option<Shared>,
    pub speaker_mention: Option<Shared>,
    pub kind: QuoteKind,
    pub passage: Shared,
    /// Lines where the same quotation stands again in this source.
    pub repeated_at: Vec<u32>,
}

impl From<Quote> for QuoteRecord {
    /// The record of a quotation, its parts moved, not copied (`extract`
    /// turns a whole corpus into records).
    fn from(q: Quote) -> Self {
        QuoteRecord {
            line: q.span.line,
            column: q.span.column,
            start: q.span.start,
            end: q.span.end,
            source: q.span.source,
            text: q.text,
            speaker: q.speaker,
            speaker_mention: q.speaker_mention,
            kind: q.kind,
            passage: q.passage_text,
            repeated_at: q.repeats.iter().map(|s| s.line).collect(),
        }
    }
}

impl From<&Quote> for QuoteRecord {
    fn from(q: &Quote) -> Self {
        QuoteRecord::from(q.clone())
    }
}

/// A figure as `extract` reports it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureRecord {
    pub source: Shared,
    pub line: u32,
    pub column: u32,
    pub start: u32,
    pub end: u32,
    pub text: SharedSlice,
    pub value: f64,
    pub unit: &'static str,
    pub qualifier: &'static str,
    pub low: f64,
    pub high: f64,
    pub period: Option<Shared>,
    pub period_note: Option<String>,
    pub modality: &'static str,
    pub subject: Shared,
    pub subject_terms: Vec<Shared>,
    pub attributes: Vec<&'static str>,
    pub noise: bool,
    pub passage: Shared,
}

impl From<Figure> for FigureRecord {
    /// The record of a figure, its parts moved, not copied.
    fn from(f: Figure) -> Self {
        FigureRecord {
            line: f.span.line,
            column: f.span.column,
            start: f.span.start,
            end: f.span.end,
            source: f.span.source,
            text: f.text,
            value: f.value,
            unit: f.unit,
            qualifier: f.qualifier.as_str(),
            low: f.low,
            high: f.high,
            period: f.period.map(|p| p.label),
            period_note: f.period_note,
            modality: f.modality.as_str(),
            subject: f.subject.text,
            subject_terms: f.subject.terms.into_vec(),
            attributes: f.attributes.into_vec(),
            noise: f.noise,
            passage: f.passage_text,
        }
    }
}

impl From<&Figure> for FigureRecord {
    fn from(f: &Figure) -> Self {
        FigureRecord::from(f.clone())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ExtractReport {
    pub quotes: Vec<QuoteRecord>,
    pub figures: Vec<FigureRecord>,
}

// ------------------------------------------------------------------- scan

/// Status of a scan finding. Ordered from least to most severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Consistent,
    StyleVariant,
    OtherPeriod,
    Variant,
    Misattributed,
    Conflict,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::Consistent,
        Status::StyleVariant,
        Status::OtherPeriod,
        Status::Variant,
        Status::Misattributed,
        Status::Conflict,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Consistent => "consistent",
            Status::StyleVariant => "style-variant",
            Status::OtherPeriod => "other-period",
            Status::Variant => "variant",
            Status::Misattributed => "misattributed",
            Status::Conflict => "conflict",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Whether this status flags a discrepancy (anything but consistent).
    pub fn is_flag(self) -> bool {
        self != Status::Consistent
    }
}

/// One item of a finding: a quotation or figure in one source.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Item {
    pub source: Shared,
    // u32 (a large scan holds an item per record): sources are at most
    // 64 MiB, see [`crate::source::MAX_SOURCE_BYTES`].
    pub line: u32,
    pub column: u32,
    pub start: u32,
    pub end: u32,
    /// The passage as it stands in the source (sentence with attribution).
    pub text: Shared,
    /// The quotation's words, or the figure as written.
    pub surface: SharedSlice,
    pub speaker: Option<Shared>,
    /// What a figure states; `None` for a quotation. Boxed, so that the
    /// quotation items of a large scan do not each carry room for it.
    pub figure: Option<Box<ItemFigure>>,
    pub outlet: Option<Shared>,
    pub date: Option<jiff::civil::Date>,
}

/// The figure fields of an [`Item`].
#[derive(Clone, Debug, PartialEq)]
pub struct ItemFigure {
    pub value: f64,
    pub unit: &'static str,
    pub qualifier: &'static str,
    pub low: f64,
    pub high: f64,
    pub period: Option<Shared>,
    pub modality: &'static str,
}

impl Item {
    pub fn value(&self) -> Option<f64> {
        self.figure.as_ref().map(|f| f.value)
    }

    pub fn unit(&self) -> Option<&'static str> {
        self.figure.as_ref().map(|f| f.unit)
    }

    pub fn period(&self) -> Option<&str> {
        self.figure.as_ref().and_then(|f| f.period.as_deref())
    }
}

/// An item as one flat object: the figure fields stand beside the others,
/// `null` for a quotation.
impl Serialize for Item {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let f = self.figure.as_deref();
        let mut o = s.serialize_struct("Item", 17)?;
        o.serialize_field("source", &self.source)?;
        o.serialize_field("line", &self.line)?;
        o.serialize_field("column", &self.column)?;
        o.serialize_field("start", &self.start)?;
        o.serialize_field("end", &self.end)?;
        o.serialize_field("text", &self.text)?;
        o.serialize_field("surface", &self.surface)?;
        o.serialize_field("speaker", &self.speaker)?;
        o.serialize_field("value", &f.map(|f| f.value))?;
        o.serialize_field("unit", &f.map(|f| f.unit))?;
        o.serialize_field("qualifier", &f.map(|f| f.qualifier))?;
        o.serialize_field("low", &f.map(|f| f.low))?;
        o.serialize_field("high", &f.map(|f| f.high))?;
        o.serialize_field("period", &f.and_then(|f| f.period.as_deref()))?;
        o.serialize_field("modality", &f.map(|f| f.modality))?;
        o.serialize_field("outlet", &self.outlet)?;
        o.serialize_field("date", &self.date)?;
        o.end()
    }
}

/// Two items of a finding that disagree: one row of the CSV table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Pair {
    /// Indexes into the finding's `items`.
    pub a: usize,
    pub b: usize,
    pub status: Status,
    /// One line saying how they differ (word diff, values and gap, speakers).
    pub difference: String,
}

/// A group of items about the same thing, with its status.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// Stable id: `Q` or `F` and a number, in report order.
    pub id: String,
    pub kind: ItemKind,
    pub status: Status,
    /// What the group is about: the quotation or the figure's subject.
    pub subject: String,
    /// One line saying why the status was given.
    pub summary: String,
    pub items: Vec<Item>,
    /// Disagreeing pairs (empty for consistent findings).
    pub pairs: Vec<Pair>,
}

/// Count of findings by status; all statuses present, so counts add up.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScanSummary {
    pub sources: usize,
    pub quotes: usize,
    pub figures: usize,
    pub findings: usize,
    pub by_status: BTreeMap<&'static str, usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ScanReport {
    pub findings: Vec<Finding>,
    pub summary: ScanSummary,
}

impl ScanReport {
    pub fn new(findings: Vec<Finding>, sources: usize, quotes: usize, figures: usize) -> Self {
        let mut by_status: BTreeMap<&'static str, usize> =
            Status::ALL.iter().map(|s| (s.as_str(), 0)).collect();
        for f in &findings {
            *by_status.entry(f.status.as_str()).or_default() += 1;
        }
        ScanReport {
            summary: ScanSummary {
                sources,
                quotes,
                figures,
                findings: findings.len(),
                by_status,
            },
            findings,
        }
    }
}

// ------------------------------------------------------------------ check

/// Verdict of a claim or claim part. Ordered from best to worst: a claim's
/// verdict is the worst of its parts'.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Supported,
    StyleVariant,
    Unverified,
    OtherPeriod,
    Disputed,
    Variant,
    Misattributed,
    Contradicted,
    /// Waived in the claims file (`ignore = "reason"`): reported, never
    /// counted in the exit code.
    Waived,
}

impl Verdict {
    pub const ALL: [Verdict; 9] = [
        Verdict::Supported,
        Verdict::StyleVariant,
        Verdict::Variant,
        Verdict::Misattributed,
        Verdict::Contradicted,
        Verdict::Disputed,
        Verdict::OtherPeriod,
        Verdict::Unverified,
        Verdict::Waived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::StyleVariant => "style-variant",
            Verdict::Variant => "variant",
            Verdict::Misattributed => "misattributed",
            Verdict::Contradicted => "contradicted",
            Verdict::Disputed => "disputed",
            Verdict::OtherPeriod => "other-period",
            Verdict::Unverified => "unverified",
            Verdict::Waived => "waived",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

/// A source passage offered as evidence for or against a claim.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Evidence {
    pub source: Shared,
    pub line: u32,
    pub column: u32,
    /// The passage as it stands in the source.
    pub text: Shared,
    /// The quotation's words, or the figure as written.
    pub surface: SharedSlice,
    pub speaker: Option<Shared>,
    pub value: Option<f64>,
    pub unit: Option<&'static str>,
    pub period: Option<String>,
    /// Whether this passage agrees with the claim.
    pub agrees: bool,
    /// Where the passage and the surface stand in the source (byte
    /// ranges), to read them back when the record kept no texts
    /// ([`crate::check::read_back_evidence`]).
    #[serde(skip)]
    pub passage: std::ops::Range<u32>,
    #[serde(skip)]
    pub span: std::ops::Range<u32>,
}

/// The verdict on one quotation or figure of a claim.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartResult {
    pub kind: ItemKind,
    /// The quotation or figure as the claim gives it.
    pub text: String,
    pub verdict: Verdict,
    pub explanation: String,
    pub diff: Option<String>,
    pub evidence: Vec<Evidence>,
}

/// The verdict on one claim: the worst of its parts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimResult {
    pub id: String,
    pub kind: ItemKind,
    pub verdict: Verdict,
    /// The verdict before a waiver, when `verdict` is `waived`.
    pub waived_verdict: Option<Verdict>,
    pub waived_reason: Option<String>,
    pub text: String,
    pub explanation: String,
    pub diff: Option<String>,
    pub evidence: Vec<Evidence>,
    pub parts: Vec<PartResult>,
    /// Where the claim stands (claims file or draft) and its line.
    pub file: String,
    pub line: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CheckReport {
    pub claims: Vec<ClaimResult>,
    /// Count per verdict; every verdict present, counts add up to the total.
    pub summary: BTreeMap<&'static str, usize>,
}

impl CheckReport {
    pub fn new(claims: Vec<ClaimResult>) -> Self {
        let mut summary: BTreeMap<&'static str, usize> =
            Verdict::ALL.iter().map(|v| (v.as_str(), 0)).collect();
        for c in &claims {
            *summary.entry(c.verdict.as_str()).or_default() += 1;
        }
        CheckReport { claims, summary }
    }
}

/// Verdicts that make `check` exit 1 unless `--fail-on` says otherwise.
pub fn default_check_fail_on() -> std::collections::BTreeSet<Verdict> {
    [
        Verdict::Variant,
        Verdict::Misattributed,
        Verdict::Contradicted,
        Verdict::Disputed,
    ]
    .into_iter()
    .collect()
}

/// Statuses that make `scan` exit 1 unless `--fail-on` says otherwise.
pub fn default_scan_fail_on() -> std::collections::BTreeSet<Status> {
    [Status::Conflict, Status::Misattributed]
        .into_iter()
        .collect()
}

/// A count with its noun, singular for one: "1 source", "3 sources".
/// Summaries and explanations say how many sources stand behind them.
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_count_of_one_is_singular() {
        assert_eq!(super::counted(1, "source"), "1 source");
        assert_eq!(super::counted(0, "source"), "0 sources");
        assert_eq!(super::counted(12, "figure"), "12 figures");
    }

    #[test]
    fn items_stay_small() {
        // A large scan holds one item per record: 144 bytes before the
        // offsets were u32 and the surface a 24-byte shared slice.
        assert!(std::mem::size_of::<Item>() <= 120);
        assert!(std::mem::size_of::<crate::text::SharedSlice>() <= 24);
    }

    use super::*;

    #[test]
    fn summary_counts_add_up() {
        let r = CheckReport::new(vec![]);
        assert_eq!(r.summary.len(), Verdict::ALL.len());
        assert_eq!(r.summary.values().sum::<usize>(), 0);
        let s = ScanReport::new(vec![], 3, 0, 0);
        assert_eq!(s.summary.by_status.len(), Status::ALL.len());
    }

    #[test]
    fn names_round_trip() {
        for v in Verdict::ALL {
            assert_eq!(Verdict::parse(v.as_str()), Some(v));
        }
        for s in Status::ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
    }
}
