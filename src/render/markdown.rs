//! `markdown`: a report for a pull request or a desk memo.

use crate::findings::{CheckReport, ExtractReport, ScanReport, Status, Verdict};

/// Escapes text for a Markdown table cell.
fn cell(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
}

pub fn extract(r: &ExtractReport) -> String {
    let mut out = String::from("# Extracted quotations and figures\n\n");
    out.push_str(&format!(
        "## Quotations ({})\n\n| where | kind | speaker | quotation |\n|---|---|---|---|\n",
        r.quotes.len()
    ));
    for q in &r.quotes {
        let kind = serde_json::to_value(q.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        out.push_str(&format!(
            "| {}:{} | {} | {} | {} |\n",
            q.source,
            q.line,
            kind,
            cell(q.speaker.as_deref().unwrap_or("")),
            cell(&q.text)
        ));
    }
    out.push_str(&format!(
        "\n## Figures ({})\n\n| where | figure | value | unit | qualifier | period | modality | subject |\n|---|---|---|---|---|---|---|---|\n",
        r.figures.len()
    ));
    for f in &r.figures {
        out.push_str(&format!(
            "| {}:{} | {} | {} | {} | {} | {} | {}{} | {} |\n",
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
        ));
    }
    out
}

pub fn scan(r: &ScanReport) -> String {
    let s = &r.summary;
    let mut out = String::from("# crosscheck scan\n\n");
    out.push_str(&format!(
        "{} findings from {} sources ({} quotations, {} figures).\n\n| status | findings |\n|---|---|\n",
        s.findings, s.sources, s.quotes, s.figures
    ));
    for st in Status::ALL.iter().rev() {
        out.push_str(&format!(
            "| {} | {} |\n",
            st.as_str(),
            s.by_status[st.as_str()]
        ));
    }
    for st in Status::ALL.iter().rev() {
        let group: Vec<_> = r.findings.iter().filter(|f| f.status == *st).collect();
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {} ({})\n", st.as_str(), group.len()));
        for f in group {
            out.push_str(&format!(
                "\n### {} · {} · {}\n\n{}\n\n",
                f.id,
                f.kind.as_str(),
                cell(&f.subject),
                cell(&f.summary)
            ));
            out.push_str("| where | speaker | as given | passage |\n|---|---|---|---|\n");
            for i in &f.items {
                out.push_str(&format!(
                    "| {}:{} | {} | {} | {} |\n",
                    i.source,
                    i.line,
                    cell(i.speaker.as_deref().unwrap_or("")),
                    cell(&i.surface),
                    cell(&i.text)
                ));
            }
            if !f.pairs.is_empty() {
                out.push('\n');
                for p in &f.pairs {
                    out.push_str(&format!(
                        "- {}:{} vs {}:{}: {}\n",
                        f.items[p.a].source,
                        f.items[p.a].line,
                        f.items[p.b].source,
                        f.items[p.b].line,
                        cell(&p.difference)
                    ));
                }
            }
        }
    }
    out
}

pub fn check(r: &CheckReport) -> String {
    let mut out = String::from("# crosscheck check\n\n| verdict | claims |\n|---|---|\n");
    for v in Verdict::ALL {
        if r.summary[v.as_str()] > 0 {
            out.push_str(&format!("| {} | {} |\n", v.as_str(), r.summary[v.as_str()]));
        }
    }
    out.push_str("\n| claim | verdict | why | evidence |\n|---|---|---|---|\n");
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
        out.push_str(&format!(
            "| `{}` {} | **{}** | {} | {} |\n",
            c.id.replace('`', "'"),
            cell(&c.text),
            c.verdict.as_str(),
            cell(&why),
            cell(&ev.join("<br>"))
        ));
    }
    out
}
