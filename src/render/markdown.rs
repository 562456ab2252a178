//! `markdown`: a report for a pull request or a desk memo.

use super::to_string;
use crate::findings::{CheckReport, ExtractReport, ScanReport, Status, Verdict, counted};
use std::io::{self, Write};

/// Escapes text for a Markdown table cell.
fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
}

pub fn extract(r: &ExtractReport) -> String {
    to_string(|w| write_extract(r, w))
}

/// [`extract`], written into `out` a line at a time.
pub fn write_extract(r: &ExtractReport, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"# Extracted quotations and figures\n\n")?;
    writeln!(
        out,
        "## Quotations ({})\n\n| where | kind | speaker | quotation |\n|---|---|---|---|",
        r.quotes.len()
    )?;
    for q in &r.quotes {
        let kind = serde_json::to_value(q.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        writeln!(
            out,
            "| {}:{} | {} | {} | {} |",
            q.source,
            q.line,
            kind,
            cell(q.speaker.as_deref().unwrap_or("")),
            cell(&q.text)
        )?;
    }
    writeln!(
        out,
        "\n## Figures ({})\n\n| where | figure | value | unit | qualifier | period | modality | subject |\n|---|---|---|---|---|---|---|---|",
        r.figures.len()
    )?;
    for f in &r.figures {
        writeln!(
            out,
            "| {}:{} | {} | {} | {} | {} | {} | {}{} | {} |",
            f.source,
            f.line,
            cell(&f.text),
            f.value,
            f.unit,
            f.qualifier,
            f.period.as_deref().unwrap_or(""),
            f.modality,
            if f.noise { " (noise)" } else { "" },
            cell(&f.subject)
        )?;
    }
    Ok(())
}

pub fn scan(r: &ScanReport) -> String {
    to_string(|w| write_scan(r, w))
}

/// [`scan`], written into `out` a line at a time (a scan of a large corpus
/// reports more text than it reads).
pub fn write_scan(r: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    let s = &r.summary;
    out.write_all(b"# crosscheck scan\n\n")?;
    writeln!(
        out,
        "{} from {} ({}, {}).\n\n| status | findings |\n|---|---|",
        counted(s.findings, "finding"),
        counted(s.sources, "source"),
        counted(s.quotes, "quotation"),
        counted(s.figures, "figure"),
    )?;
    for st in Status::ALL.iter().rev() {
        writeln!(out, "| {} | {} |", st.as_str(), s.by_status[st.as_str()])?;
    }
    for st in Status::ALL.iter().rev() {
        let group: Vec<_> = r.findings.iter().filter(|f| f.status == *st).collect();
        if group.is_empty() {
            continue;
        }
        writeln!(out, "\n## {} ({})", st.as_str(), group.len())?;
        for f in group {
            write!(
                out,
                "\n### {} · {} · {}\n\n{}\n\n",
                f.id,
                f.kind.as_str(),
                cell(&f.subject),
                cell(&f.summary)
            )?;
            out.write_all(b"| where | speaker | as given | passage |\n|---|---|---|---|\n")?;
            for i in &f.items {
                writeln!(
                    out,
                    "| {}:{} | {} | {} | {} |",
                    i.source,
                    i.line,
                    cell(i.speaker.as_deref().unwrap_or("")),
                    cell(&i.surface),
                    cell(&i.text)
                )?;
            }
            if !f.pairs.is_empty() {
                out.write_all(b"\n")?;
                for p in &f.pairs {
                    writeln!(
                        out,
                        "- {}:{} vs {}:{}: {}",
                        f.items[p.a].source,
                        f.items[p.a].line,
                        f.items[p.b].source,
                        f.items[p.b].line,
                        cell(&p.difference)
                    )?;
                }
            }
        }
    }
    Ok(())
}

pub fn check(r: &CheckReport) -> String {
    to_string(|w| write_check(r, w))
}

/// [`check`], written into `out` a line at a time.
pub fn write_check(r: &CheckReport, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(b"# crosscheck check\n\n| verdict | claims |\n|---|---|\n")?;
    for v in Verdict::ALL {
        if r.summary[v.as_str()] > 0 {
            writeln!(out, "| {} | {} |", v.as_str(), r.summary[v.as_str()])?;
        }
    }
    out.write_all(b"\n| claim | verdict | why | evidence |\n|---|---|---|---|\n")?;
    for c in &r.claims {
        let mut why = c.explanation.clone();
        if let Some(d) = &c.diff {
            why.push_str(&format!(" — diff: `{}`", d.replace('`', "'")));
        }
        if let Some(reason) = &c.waived_reason {
            why = format!(
                "waived ({}): {} — {}",
                c.waived_verdict.map_or("", |v| v.as_str()),
                reason,
                why
            );
        }
        let ev: Vec<String> = c
            .evidence
            .iter()
            .take(3)
            .map(|e| format!("{}:{} “{}”", e.source, e.line, e.text))
            .collect();
        writeln!(
            out,
            "| `{}` {} | **{}** | {} | {} |",
            c.id.replace('`', "'"),
            cell(&c.text),
            c.verdict.as_str(),
            cell(&why),
            cell(&ev.join("<br>"))
        )?;
    }
    Ok(())
}
