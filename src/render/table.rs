//! `table`: the default, readable report (comfy-table). Flagged findings
//! first, one section per status, a one-line total at the end. Colour only
//! when asked for (the binary decides: a terminal, no `NO_COLOR`).

use super::{Style, clip, to_string};
use crate::extract::{Modality, Qualifier};
use crate::findings::{
    CheckReport, ExtractReport, FigureRecord, Finding, Item, ScanReport, Status, Verdict, counted,
};
use comfy_table::{
    Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets::UTF8_FULL_CONDENSED,
};
use std::io::{self, Write};

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

/// Rows rendered as one table. A longer list (the extract of a large
/// corpus) is rendered a block at a time, every block with the widths the
/// first one settled on, so that memory and time stay proportional to the
/// rows instead of comfy-table holding and laying out all of them at once.
const BLOCK_ROWS: usize = 1000;

/// The `n` rows `row(i)` under `header` as one table, columns `fit` as
/// wide as their widest content (`fitted(i)`: row `i`'s text in those
/// columns, in order, so that they are measured without building rows).
/// Up to [`BLOCK_ROWS`] rows are one comfy-table; more are rendered a
/// block at a time into one seamless table: a first pass measures the `fit` columns over all rows, the first
/// block lays out the other columns, and the blocks after it have no
/// header, the first block's widths, and no top border (only the last
/// keeps its bottom one). Each block is written into `out` as soon as it
/// is laid out; the table ends without a newline.
fn blocked_table(
    style: &Style,
    header: &[&str],
    fit: &[usize],
    n: usize,
    row: impl Fn(usize) -> Vec<Cell>,
    fitted: impl Fn(usize) -> Vec<String>,
    out: &mut dyn Write,
) -> io::Result<()> {
    if n <= BLOCK_ROWS {
        let mut t = new_table(style, header);
        t.add_rows((0..n).map(&row));
        fit_content(&mut t, fit);
        return write!(out, "{t}");
    }
    let shown = |text: &str| {
        text.lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .max()
            .unwrap_or(0)
    };
    debug_assert!(
        fitted(0)
            .iter()
            .zip(fit)
            .all(|(text, &c)| row(0).get(c).is_some_and(|cell| cell.content() == *text)),
        "fitted(i) gives the text of row(i)'s fit columns"
    );
    let mut fit_widths: Vec<usize> = fit
        .iter()
        .map(|&c| header.get(c).map_or(0, |h| shown(h)))
        .collect();
    for i in 0..n {
        for (w, text) in fit_widths.iter_mut().zip(fitted(i)) {
            *w = (*w).max(shown(&text));
        }
    }
    // Padding: one space on each side.
    let fixed = |w: usize| Width::Fixed(u16::try_from(w + 2).unwrap_or(u16::MAX));
    let mut t = new_table(style, header);
    t.add_rows((0..BLOCK_ROWS).map(&row));
    for (&w, &c) in fit_widths.iter().zip(fit) {
        if let Some(col) = t.column_mut(c) {
            col.set_constraint(ColumnConstraint::Absolute(fixed(w)));
        }
    }
    let first = t.to_string();
    drop(t);
    // Every column's width, padding included, read off the top border.
    let top = first.lines().next().unwrap_or_default();
    let widths: Vec<u16> = top
        .trim_start_matches('┌')
        .trim_end_matches('┐')
        .split('┬')
        .map(|seg| u16::try_from(seg.chars().count()).unwrap_or(u16::MAX))
        .collect();
    // Everything but the bottom border.
    out.write_all(
        first
            .rsplit_once('\n')
            .map_or(first.as_str(), |(body, _)| body)
            .as_bytes(),
    )?;
    drop(first);
    let mut start = BLOCK_ROWS;
    while start < n {
        let end = (start + BLOCK_ROWS).min(n);
        let mut t = styled_table(style);
        t.add_rows((start..end).map(&row));
        t.set_constraints(
            widths
                .iter()
                .map(|&w| ColumnConstraint::Absolute(Width::Fixed(w))),
        );
        let block = t.to_string();
        let last = end == n;
        // Without its top border, and its bottom one unless it is the last.
        let mut kept = String::with_capacity(block.len());
        let mut lines = block.lines().skip(1).peekable();
        while let Some(line) = lines.next() {
            if lines.peek().is_none() && !last {
                break;
            }
            kept.push('\n');
            kept.push_str(line);
        }
        out.write_all(kept.as_bytes())?;
        start = end;
    }
    Ok(())
}

/// An empty table in the report's look, without a header.
fn styled_table(style: &Style) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if style.color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t
}

fn new_table(style: &Style, header: &[&str]) -> Table {
    let mut t = styled_table(style);
    t.set_header(header.iter().map(Cell::new).collect::<Vec<_>>());
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

/// Where a record stands, as the extract table shows it.
fn location(source: &str, line: u32) -> String {
    format!("{source}:{line}")
}

/// A figure's period as the extract table shows it.
fn period_shown(f: &FigureRecord) -> &str {
    f.period
        .as_deref()
        .or(f.period_note.as_ref().map(|_| "unknown"))
        .unwrap_or("—")
}

pub fn extract(r: &ExtractReport, style: &Style) -> String {
    to_string(|w| write_extract(r, style, w))
}

/// [`extract`], written into `out` a block of rows at a time.
pub fn write_extract(r: &ExtractReport, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    if !r.quotes.is_empty() {
        let row = |i: usize| {
            let q = &r.quotes[i];
            vec![
                Cell::new(location(&q.source, q.line)),
                Cell::new(q.kind.as_str()),
                Cell::new(q.speaker.as_deref().unwrap_or("—")),
                Cell::new(clip(&q.text, 160)),
            ]
        };
        out.write_all(b"Quotations\n")?;
        blocked_table(
            style,
            &["where", "kind", "speaker", "quotation"],
            &[0, 1],
            r.quotes.len(),
            row,
            |i| {
                let q = &r.quotes[i];
                vec![location(&q.source, q.line), q.kind.as_str().into()]
            },
            out,
        )?;
        out.write_all(b"\n\n")?;
    }
    if !r.figures.is_empty() {
        let row = |i: usize| {
            let f = &r.figures[i];
            vec![
                Cell::new(location(&f.source, f.line)),
                Cell::new(clip(&f.text, 40)),
                Cell::new(reading(f)),
                Cell::new(period_shown(f)),
                Cell::new(clip(&f.subject, 50)),
            ]
        };
        // The location and the period: never cut mid-token.
        out.write_all(b"Figures\n")?;
        blocked_table(
            style,
            &["where", "figure", "reading", "period", "subject"],
            &[0, 3],
            r.figures.len(),
            row,
            |i| {
                let f = &r.figures[i];
                vec![location(&f.source, f.line), period_shown(f).into()]
            },
            out,
        )?;
        out.write_all(b"\n\n")?;
    }
    writeln!(
        out,
        "{}, {}",
        counted(r.quotes.len(), "quotation"),
        counted(r.figures.len(), "figure")
    )
}

/// Most items a consistent finding lists in the scan table.
pub const AGREEING_ROWS: usize = 10;

/// A row of a scan section: a finding's own, one of its items, or the
/// count of agreeing items not listed.
enum ScanRow<'a> {
    Finding(&'a Finding),
    Item(&'a Item),
    More(usize),
}

/// Where an item stands, with its speaker and period: "vov-2023-03:19
/// (2023)".
fn item_place(i: &Item) -> String {
    let mut who: Vec<&str> = Vec::new();
    if let Some(s) = &i.speaker {
        who.push(s);
    }
    if let Some(p) = i.period() {
        who.push(p);
    }
    let at = location(&i.source, i.line);
    if who.is_empty() {
        at
    } else {
        format!("{at} ({})", who.join(", "))
    }
}

pub fn scan(r: &ScanReport, style: &Style) -> String {
    to_string(|w| write_scan(r, style, w))
}

/// [`scan`], written into `out` a block of rows at a time.
pub fn write_scan(r: &ScanReport, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    for status in Status::ALL.iter().rev() {
        let group: Vec<_> = r.findings.iter().filter(|f| f.status == *status).collect();
        if group.is_empty() {
            continue;
        }
        writeln!(out, "{} ({})", status.as_str(), group.len())?;
        // The section's rows, in order: each finding's own row, then one
        // per item, so that each wording stands beside its place. A
        // consistent finding's items all agree: past the first few, one
        // row counts the rest (a large archive quotes the same words from
        // hundreds of sources; the JSON reports list every one).
        let mut rows: Vec<ScanRow> = Vec::new();
        for f in group {
            rows.push(ScanRow::Finding(f));
            let shown = if f.status == Status::Consistent {
                f.items.len().min(AGREEING_ROWS)
            } else {
                f.items.len()
            };
            rows.extend(f.items[..shown].iter().map(ScanRow::Item));
            if shown < f.items.len() {
                rows.push(ScanRow::More(f.items.len() - shown));
            }
        }
        let cells = |i: usize| -> Vec<Cell> {
            match rows[i] {
                ScanRow::Finding(f) => vec![
                    Cell::new(&f.id),
                    colored(f.status.as_str(), status_color(f.status), style),
                    Cell::new(format!("{}\n{}", clip(&f.subject, 90), f.summary)),
                    Cell::new(""),
                ],
                ScanRow::Item(i) => vec![
                    Cell::new(""),
                    Cell::new(""),
                    Cell::new(format!("  {}", clip(&i.surface, 80))),
                    Cell::new(item_place(i)),
                ],
                ScanRow::More(n) => vec![
                    Cell::new(""),
                    Cell::new(""),
                    Cell::new(format!("  … {n} more, all agreeing")),
                    Cell::new(""),
                ],
            }
        };
        let fitted = |i: usize| -> Vec<String> {
            match rows[i] {
                ScanRow::Finding(f) => vec![f.id.clone(), f.status.as_str().into(), String::new()],
                ScanRow::Item(i) => vec![String::new(), String::new(), item_place(i)],
                ScanRow::More(_) => vec![String::new(); 3],
            }
        };
        blocked_table(
            style,
            &["id", "status", "what / as given", "where"],
            &[0, 1, 3],
            rows.len(),
            cells,
            fitted,
            out,
        )?;
        out.write_all(b"\n\n")?;
    }
    let s = &r.summary;
    let counts: Vec<String> = Status::ALL
        .iter()
        .rev()
        .map(|st| format!("{} {}", s.by_status[st.as_str()], st.as_str()))
        .collect();
    writeln!(
        out,
        "{} from {} ({}, {}): {}",
        counted(s.findings, "finding"),
        counted(s.sources, "source"),
        counted(s.quotes, "quotation"),
        counted(s.figures, "figure"),
        counts.join(", ")
    )
}

pub fn check(r: &CheckReport, style: &Style) -> String {
    to_string(|w| write_check(r, style, w))
}

/// [`check`], written into `out`. The claims are one table: a claims file
/// is short beside a corpus.
pub fn write_check(r: &CheckReport, style: &Style, out: &mut dyn Write) -> io::Result<()> {
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
    writeln!(
        out,
        "{t}\n{}: {}",
        counted(r.claims.len(), "claim"),
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

    fn fitted(i: usize) -> Vec<String> {
        vec![format!("source-{i}:{}", i % 97)]
    }

    fn row(i: usize) -> Vec<Cell> {
        vec![
            Cell::new(format!("source-{i}:{}", i % 97)),
            Cell::new("words ".repeat(1 + i % 23)),
        ]
    }

    #[test]
    fn a_long_table_is_one_table_made_of_blocks() {
        let n = 2 * BLOCK_ROWS + 17;
        let text = to_string(|w| {
            blocked_table(
                &Style::default(),
                &["where", "text"],
                &[0],
                n,
                row,
                fitted,
                w,
            )
        });
        let lines: Vec<&str> = text.lines().collect();
        let width = lines[0].chars().count();
        assert!(width <= 120);
        assert!(
            lines.iter().all(|l| l.chars().count() == width),
            "one width"
        );
        let count = |p: &str| lines.iter().filter(|l| l.starts_with(p)).count();
        assert_eq!((count("┌"), count("╞"), count("└")), (1, 1, 1));
        assert!(lines[0].starts_with('┌') && lines[lines.len() - 1].starts_with('└'));
        for i in [0, BLOCK_ROWS - 1, BLOCK_ROWS, n - 1] {
            let at = format!("│ source-{i}:{} ", i % 97);
            // Whole on its line: the widest location sets the column.
            assert_eq!(
                lines.iter().filter(|l| l.starts_with(&at)).count(),
                1,
                "{at}"
            );
        }
    }

    #[test]
    fn a_short_table_is_rendered_whole() {
        let style = Style::default();
        let mut t = new_table(&style, &["where", "text"]);
        t.add_rows((0..BLOCK_ROWS).map(row));
        fit_content(&mut t, &[0]);
        assert_eq!(
            to_string(|w| blocked_table(
                &style,
                &["where", "text"],
                &[0],
                BLOCK_ROWS,
                row,
                fitted,
                w
            )),
            t.to_string()
        );
    }

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

    #[test]
    fn a_large_section_is_one_table_listing_every_item() {
        let n = BLOCK_ROWS * 2 + 3;
        let report = ScanReport::new(vec![finding("Q1", Status::Variant, n)], n, n, 0);
        let out = scan(&report, &Style::default());
        let lines: Vec<&str> = out.lines().filter(|l| !l.is_empty()).collect();
        let count = |p: &str| lines.iter().filter(|l| l.starts_with(p)).count();
        assert_eq!((count("┌"), count("╞"), count("└")), (1, 1, 1));
        let width = lines[1].chars().count();
        assert!(
            lines[1..lines.len() - 1]
                .iter()
                .all(|l| l.chars().count() == width)
        );
        for i in 0..n {
            let at = format!("Q1-source-{i}:1 ");
            assert_eq!(out.matches(&at).count(), 1, "{at} once, whole");
        }
    }
}
