//! `csv`: for scan and check the discrepancy table of the contract, for
//! extract every quotation and figure. RFC 4180 quoting by the `csv` crate.

use super::to_string;
use crate::findings::{CheckReport, ExtractReport, ScanReport, Verdict};
use std::io::{self, Write};

/// A CSV writer whose errors keep the kind of the I/O error under them: a
/// closed pipe (`| head`) stays `BrokenPipe`, which the CLI does not call
/// an error, instead of becoming an error of another kind.
struct Rows<'a>(csv::Writer<&'a mut dyn Write>);

impl<'a> Rows<'a> {
    fn new(out: &'a mut dyn Write) -> Self {
        Rows(csv::Writer::from_writer(out))
    }

    fn row<const N: usize>(&mut self, record: [&str; N]) -> io::Result<()> {
        self.0.write_record(record).map_err(io_error)
    }

    /// The rows written so far, flushed into their output.
    fn finish(self) -> io::Result<()> {
        self.0.into_inner().map_err(|e| e.into_error())?.flush()
    }
}

/// The I/O error under a CSV error, or the CSV error as one.
fn io_error(e: csv::Error) -> io::Error {
    if !e.is_io_error() {
        return io::Error::other(e);
    }
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        kind => io::Error::other(format!("{kind:?}")),
    }
}

fn num(v: Option<f64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// Every quotation and figure, one row each.
pub fn extract(r: &ExtractReport) -> String {
    to_string(|w| write_extract(r, w))
}

/// [`extract`], written into `out` a row at a time.
pub fn write_extract(r: &ExtractReport, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Rows::new(out);
    let header = [
        "type",
        "source",
        "line",
        "column",
        "text",
        "speaker",
        "kind",
        "value",
        "unit",
        "qualifier",
        "low",
        "high",
        "period",
        "modality",
        "subject",
        "noise",
        "passage",
    ];
    w.row(header)?;
    for q in &r.quotes {
        let kind = serde_json::to_value(q.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        w.row([
            "quote",
            &q.source,
            &q.line.to_string(),
            &q.column.to_string(),
            &q.text,
            q.speaker.as_deref().unwrap_or(""),
            &kind,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            &q.passage,
        ])?;
    }
    for f in &r.figures {
        w.row([
            "figure",
            &f.source,
            &f.line.to_string(),
            &f.column.to_string(),
            &f.text,
            "",
            "",
            &f.value.to_string(),
            f.unit,
            f.qualifier,
            &f.low.to_string(),
            &f.high.to_string(),
            f.period.as_deref().unwrap_or(""),
            f.modality,
            &f.subject,
            &f.noise.to_string(),
            &f.passage,
        ])?;
    }
    w.finish()
}

/// One row per pair of disagreeing items.
pub fn scan(r: &ScanReport) -> String {
    to_string(|w| write_scan(r, w))
}

/// [`scan`], written into `out` a row at a time.
pub fn write_scan(r: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Rows::new(out);
    w.row([
        "finding",
        "kind",
        "status",
        "subject",
        "source_a",
        "line_a",
        "text_a",
        "value_a",
        "source_b",
        "line_b",
        "text_b",
        "value_b",
        "difference",
        "speaker_a",
        "speaker_b",
        "period_a",
        "period_b",
        "unit",
    ])?;
    for f in &r.findings {
        for p in &f.pairs {
            let (a, b) = (&f.items[p.a], &f.items[p.b]);
            w.row([
                f.id.as_str(),
                f.kind.as_str(),
                p.status.as_str(),
                &f.subject,
                &a.source,
                &a.line.to_string(),
                &a.text,
                &num(a.value()),
                &b.source,
                &b.line.to_string(),
                &b.text,
                &num(b.value()),
                &p.difference,
                a.speaker.as_deref().unwrap_or(""),
                b.speaker.as_deref().unwrap_or(""),
                a.period().unwrap_or(""),
                b.period().unwrap_or(""),
                a.unit().unwrap_or(""),
            ])?;
        }
    }
    w.finish()
}

/// One row per flagged claim (anything but supported or waived), with its
/// best evidence.
pub fn check(r: &CheckReport) -> String {
    to_string(|w| write_check(r, w))
}

/// [`check`], written into `out` a row at a time.
pub fn write_check(r: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    let mut w = Rows::new(out);
    w.row([
        "claim_id",
        "verdict",
        "claim_text",
        "source",
        "line",
        "evidence_text",
        "difference",
        "kind",
        "explanation",
        "file",
        "claim_line",
    ])?;
    for c in &r.claims {
        if matches!(c.verdict, Verdict::Supported | Verdict::Waived) {
            continue;
        }
        let e = c.evidence.first();
        w.row([
            c.id.as_str(),
            c.verdict.as_str(),
            &c.text,
            e.map_or("", |e| &*e.source),
            &e.map(|e| e.line.to_string()).unwrap_or_default(),
            e.map_or("", |e| &*e.text),
            c.diff.as_deref().unwrap_or(""),
            c.kind.as_str(),
            &c.explanation,
            &c.file,
            &c.line.to_string(),
        ])?;
    }
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that went away: every write fails as a closed pipe does.
    struct Closed;

    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
        fn flush(&mut self) -> io::Result<()> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn a_closed_pipe_stays_a_closed_pipe() {
        let mut out = Closed;
        let mut rows = Rows::new(&mut out);
        // More rows than the writer's buffer holds: the pipe is met while
        // rows are written, not only when they are flushed.
        let long = "x".repeat(1000);
        let met = (0..100).find_map(|_| rows.row(["a", &long]).err());
        assert_eq!(met.map(|e| e.kind()), Some(io::ErrorKind::BrokenPipe));
        let mut out = Closed;
        let mut rows = Rows::new(&mut out);
        rows.row(["a", "b"]).unwrap();
        assert_eq!(rows.finish().unwrap_err().kind(), io::ErrorKind::BrokenPipe);
    }

    #[test]
    fn other_csv_errors_keep_their_message() {
        let mut out = Vec::new();
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(["a", "b"]).unwrap();
        let e = w.write_record(["only one"]).unwrap_err();
        let message = e.to_string();
        assert_eq!(io_error(e).to_string(), message);
    }
}
