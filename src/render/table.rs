//! `table`: the default, readable report (comfy-table). Flagged findings
//! first, one section per status, a one-line total at the end. Colour only
//! when asked for (the binary decides: a terminal, no `NO_COLOR`).

use super::{Style, clip};
use crate::extract::{Modality, Qualifier};
use crate::findings::{CheckReport, ExtractReport, FigureRecord, ScanReport, Status, Verdict};
use comfy_table::{
    Cell, Color, ColumnConstraint, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED,
};

/// Columns `cols` of `t` as wide as their content: short fields (a
/// location, a unit, a kind) are never wrapped mid-word while the long
/// text columns share what is left of the width.
fn fit_content(t: &mut Table, cols: &[usize]) {
    for &i in cols {
        if let Some(c) = t.column_mut(i) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

fn new_table(style: &Style, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width)
        .set_header(header.iter().map(Cell::new).collect::<Vec<_>>());
    if style.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t
}

fn colored(text: &str, color: Option<Color>, style: &Style) -> Cell {
    let c = Cell::new(text);
    match (style.color, color) {
        (true, Some(col)) => c.fg(col),
        _ => c,
    }
}

fn status_color(s: Status) -> Option<Color> {
    match s {
        Status::Conflict | Status::Misattributed => Some(Color::Red),
        Status::Variant => Some(Color::Yellow),
        Status::OtherPeriod | Status::StyleVariant => Some(Color::Cyan),
        Status::Consistent => Some(Color::Green),
    }
}

fn verdict_color(v: Verdict) -> Option<Color> {
    match v {
        Verdict::Contradicted | Verdict::Misattributed => Some(Color::Red),
        Verdict::Variant | Verdict::Disputed => Some(Color::Yellow),
        Verdict::OtherPeriod | Verdict::StyleVariant | Verdict::Unverified => Some(Color::Cyan),
        Verdict::Supported => Some(Color::Green),
        Verdict::Waived => None,
    }
}

/// A figure as read: value and unit, then its qualifier and modality where
/// they are not the plain ones ("100 years, over", "1200000 count, about,
/// forecast"), and whether it is noise.
fn reading(f: &FigureRecord) -> String {
    let mut out = format!("{} {}", f.value, f.unit);
    if f.qualifier != Qualifier::Exact.as_str() {
        out.push_str(", ");
        out.push_str(f.qualifier);
    }
    if f.modality != Modality::Actual.as_str() {
        out.push_str(", ");
        out.push_str(f.modality);
    }
    if f.noise {
        out.push_str(", noise");
    }
    out
}

pub fn extract(r: &ExtractReport, style: &Style) -> String {
    let mut out = String::new();
    if !r.quotes.is_empty() {
        let mut t = new_table(style, &["where", "kind", "speaker", "quotation"]);
        for q in &r.quotes {
            let kind = serde_json::to_value(q.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            t.add_row(vec![
                Cell::new(format!("{}:{}", q.source, q.line)),
                Cell::new(kind),
                Cell::new(q.speaker.as_deref().unwrap_or("—")),
                Cell::new(clip(&q.text, 160)),
            ]);
        }
        fit_content(&mut t, &[0, 1]);
        out.push_str(&format!("Quotations\n{t}\n\n"));
    }
    if !r.figures.is_empty() {
        let mut t = new_table(style, &["where", "figure", "reading", "period", "subject"]);
        for f in &r.figures {
            t.add_row(vec![
                Cell::new(format!("{}:{}", f.source, f.line)),
                Cell::new(clip(&f.text, 40)),
                Cell::new(reading(f)),
                Cell::new(
                    f.period
                        .as_deref()
                        .or(f.period_note.as_ref().map(|_| "unknown"))
                        .unwrap_or("—"),
                ),
                Cell::new(clip(&f.subject, 50)),
            ]);
        }
        // The location and the period: never cut mid-token.
        fit_content(&mut t, &[0, 3]);
        out.push_str(&format!("Figures\n{t}\n\n"));
    }
    out.push_str(&format!(
        "{} quotations, {} figures\n",
        r.quotes.len(),
        r.figures.len()
    ));
    out
}

/// Most items a consistent finding lists in the scan table.
pub const AGREEING_ROWS: usize = 10;

pub fn scan(r: &ScanReport, style: &Style) -> String {
    let mut out = String::new();
    for status in Status::ALL.iter().rev() {
        let group: Vec<_> = r.findings.iter().filter(|f| f.status == *status).collect();
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("{} ({})\n", status.as_str(), group.len()));
        let mut t = new_table(style, &["id", "status", "what / as given", "where"]);
        for f in group {
            t.add_row(vec![
                Cell::new(&f.id),
                colored(f.status.as_str(), status_color(f.status), style),
                Cell::new(format!("{}\n{}", clip(&f.subject, 90), f.summary)),
                Cell::new(""),
            ]);
            // One row per item, so each wording stands beside its place.
            // A consistent finding's items all agree: past the first few,
            // one row counts the rest (a large archive quotes the same words
            // from hundreds of sources; the JSON reports list every one).
            let shown = if f.status == Status::Consistent {
                f.items.len().min(AGREEING_ROWS)
            } else {
                f.items.len()
            };
            for i in &f.items[..shown] {
                let mut who: Vec<&str> = Vec::new();
                if let Some(s) = &i.speaker {
                    who.push(s);
                }
                if let Some(p) = i.period() {
                    who.push(p);
                }
                let who = if who.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", who.join(", "))
                };
                t.add_row(vec![
                    Cell::new(""),
                    Cell::new(""),
                    Cell::new(format!("  {}", clip(&i.surface, 80))),
                    Cell::new(format!("{}:{}{}", i.source, i.line, who)),
                ]);
            }
            if shown < f.items.len() {
                t.add_row(vec![
                    Cell::new(""),
                    Cell::new(""),
                    Cell::new(format!("  … {} more, all agreeing", f.items.len() - shown)),
                    Cell::new(""),
                ]);
            }
        }
        out.push_str(&format!("{t}\n\n"));
    }
    let s = &r.summary;
    let counts: Vec<String> = Status::ALL
        .iter()
        .rev()
        .map(|st| format!("{} {}", s.by_status[st.as_str()], st.as_str()))
        .collect();
    out.push_str(&format!(
        "{} findings from {} sources ({} quotations, {} figures): {}\n",
        s.findings,
        s.sources,
        s.quotes,
        s.figures,
        counts.join(", ")
    ));
    out
}

pub fn check(r: &CheckReport, style: &Style) -> String {
    let mut t = new_table(style, &["claim", "verdict", "why", "evidence"]);
    for c in &r.claims {
        let mut why = c.explanation.clone();
        if let Some(d) = &c.diff {
            why.push_str(&format!("\ndiff: {d}"));
        }
        if let Some(reason) = &c.waived_reason {
            let was = c.waived_verdict.map_or("", |v| v.as_str());
            why = format!("waived ({was}): {reason}\n{why}");
        }
        let evidence: Vec<String> = c
            .evidence
            .iter()
            .take(3)
            .map(|e| format!("{}:{} {}", e.source, e.line, clip(&e.text, 70)))
            .collect();
        t.add_row(vec![
            Cell::new(format!("{}\n{}", c.id, clip(&c.text, 60))),
            colored(c.verdict.as_str(), verdict_color(c.verdict), style),
            Cell::new(why),
            Cell::new(evidence.join("\n")),
        ]);
    }
    let counts: Vec<String> = Verdict::ALL
        .iter()
        .filter(|v| r.summary[v.as_str()] > 0)
        .map(|v| format!("{} {}", r.summary[v.as_str()], v.as_str()))
        .collect();
    format!(
        "{t}\n{} claims: {}\n",
        r.claims.len(),
        if counts.is_empty() {
            "none".into()
        } else {
            counts.join(", ")
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::{Finding, Item, ItemKind};

    fn finding(id: &str, status: Status, n: usize) -> Finding {
        Finding {
            id: id.into(),
            kind: ItemKind::Quote,
            status,
            subject: format!("words of {id}"),
            summary: "summary".into(),
            items: (0..n)
                .map(|i| Item {
                    source: format!("{id}-source-{i}").into(),
                    line: 1,
                    surface: "the words".into(),
                    ..Item::default()
                })
                .collect(),
            pairs: Vec::new(),
        }
    }

    #[test]
    fn a_consistent_finding_lists_its_first_items_and_counts_the_rest() {
        let n = AGREEING_ROWS + 5;
        let report = ScanReport::new(
            vec![
                finding("Q1", Status::Variant, n),
                finding("Q2", Status::Consistent, n),
            ],
            n,
            2 * n,
            0,
        );
        let out = scan(&report, &Style::default());
        let listed = |id: &str| {
            (0..n)
                .filter(|i| out.contains(&format!("{id}-source-{i}:1")))
                .count()
        };
        assert_eq!(
            listed("Q1"),
            n,
            "a flagged finding lists every item:\n{out}"
        );
        assert_eq!(listed("Q2"), AGREEING_ROWS, "{out}");
        assert_eq!(out.matches("… 5 more, all agreeing").count(), 1, "{out}");
        assert!(out.contains("Q2-source-0:1") && !out.contains(&format!("Q2-source-{}:1", n - 1)));
    }
}
