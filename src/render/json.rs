//! `json` and `jsonl`. The JSON shapes are the findings types as serde
//! serialises them (see docs/reference.md for the fields).

use super::to_string;
use crate::findings::{CheckReport, ExtractReport, ScanReport};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};

pub fn pretty<T: JsonReport>(value: &T) -> String {
    to_string(|w| value.write_pretty(w))
}

/// A report that writes itself as pretty JSON (what [`pretty`] returns)
/// into any writer, so that a large report is streamed to its output
/// instead of first being built as one string. The output is exactly what
/// `serde_json::to_writer_pretty` writes for the report, plus a newline;
/// the long lists in it are serialised in parallel, a chunk at a time.
pub trait JsonReport {
    fn write_pretty(&self, w: &mut dyn Write) -> io::Result<()>;
}

// Each report's fields in its struct's order; a field left out here fails
// `parallel_pretty_json_is_serde_json_pretty_json`.
impl JsonReport for ScanReport {
    fn write_pretty(&self, w: &mut dyn Write) -> io::Result<()> {
        write_object(
            w,
            &[
                ("findings", &|w| write_list(w, &self.findings)),
                ("summary", &|w| write_value(w, &self.summary)),
            ],
        )
    }
}

impl JsonReport for CheckReport {
    fn write_pretty(&self, w: &mut dyn Write) -> io::Result<()> {
        write_object(
            w,
            &[
                ("claims", &|w| write_list(w, &self.claims)),
                ("summary", &|w| write_value(w, &self.summary)),
            ],
        )
    }
}

impl JsonReport for ExtractReport {
    fn write_pretty(&self, w: &mut dyn Write) -> io::Result<()> {
        write_object(
            w,
            &[
                ("quotes", &|w| write_list(w, &self.quotes)),
                ("figures", &|w| write_list(w, &self.figures)),
            ],
        )
    }
}

/// How many list items are serialised in parallel before they are written,
/// at most: bounds the memory the serialised text takes.
const CHUNK: usize = 256;

/// About how many bytes of serialised text one chunk may hold: the items
/// of a list differ in size by orders of magnitude (a finding of a large
/// corpus can hold thousands of items), so chunks are cut by what the last
/// one weighed, not only by count.
const CHUNK_BYTES: usize = 4 << 20;

/// The fewest items a chunk holds, so that every core has work.
const MIN_CHUNK: usize = 8;

/// Serialises `items` in parallel, a chunk at a time, and hands each one's
/// text to `write` in order. The next chunk is sized from the bytes per
/// item of the last one: between [`MIN_CHUNK`] and [`CHUNK`] items, about
/// [`CHUNK_BYTES`] of text.
fn in_chunks<T: Sync>(
    items: &[T],
    serialise: impl Fn(&T) -> io::Result<Vec<u8>> + Sync,
    mut write: impl FnMut(Vec<u8>) -> io::Result<()>,
) -> io::Result<()> {
    let mut rest = items;
    let mut size = MIN_CHUNK;
    while !rest.is_empty() {
        let (chunk, tail) = rest.split_at(size.min(rest.len()));
        rest = tail;
        let parts: Vec<io::Result<Vec<u8>>> = chunk.par_iter().map(&serialise).collect();
        let mut bytes = 0;
        for part in parts {
            let part = part?;
            bytes += part.len();
            write(part)?;
        }
        let per_item = bytes / chunk.len() + 1;
        size = (CHUNK_BYTES / per_item).clamp(MIN_CHUNK, CHUNK);
    }
    Ok(())
}

type FieldWriter<'a> = &'a (dyn Fn(&mut dyn Write) -> io::Result<()> + Sync);

/// A top-level object of `fields` in order, laid out as serde_json's
/// pretty printer lays it out (two-space indent), and a newline.
fn write_object(w: &mut dyn Write, fields: &[(&str, FieldWriter)]) -> io::Result<()> {
    w.write_all(b"{")?;
    for (i, (name, field)) in fields.iter().enumerate() {
        if i > 0 {
            w.write_all(b",")?;
        }
        w.write_all(b"\n  ")?;
        serde_json::to_writer(&mut *w, name)?;
        w.write_all(b": ")?;
        field(w)?;
    }
    w.write_all(b"\n}\n")
}

/// A list at the second level of a [`write_object`].
fn write_list<T: Serialize + Sync>(w: &mut dyn Write, items: &[T]) -> io::Result<()> {
    if items.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    let mut first = true;
    in_chunks(
        items,
        |it| indented(it, 4),
        |part| {
            if !std::mem::take(&mut first) {
                w.write_all(b",")?;
            }
            w.write_all(b"\n    ")?;
            w.write_all(&part)
        },
    )?;
    w.write_all(b"\n  ]")
}

/// A value at the second level of a [`write_object`].
fn write_value<T: Serialize>(w: &mut dyn Write, value: &T) -> io::Result<()> {
    w.write_all(&indented(value, 2)?)
}

/// `value` as pretty JSON whose every line after the first is indented by
/// `by` more spaces: serde_json's pretty layout, laid out by [`Nested`].
fn indented<T: Serialize + ?Sized>(value: &T, by: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(4096);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Nested::at(by));
    value.serialize(&mut ser)?;
    Ok(out)
}

/// serde_json's pretty formatter (two spaces a level) for a value that
/// stands `base` spaces in: the same bytes as its output with every line
/// after the first indented by `base`, written as the value is serialised
/// instead of copied again to add the spaces.
struct Nested {
    base: usize,
    depth: usize,
    has_value: bool,
}

impl Nested {
    fn at(base: usize) -> Self {
        Nested {
            base,
            depth: 0,
            has_value: false,
        }
    }

    fn indent<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        const SPACES: [u8; 64] = [b' '; 64];
        let mut n = self.base + 2 * self.depth;
        while n > 0 {
            let k = n.min(SPACES.len());
            w.write_all(&SPACES[..k])?;
            n -= k;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(mark)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, mark: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(mark)
    }

    fn next<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }
}

impl serde_json::ser::Formatter for Nested {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.next(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.next(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

fn line<T: Serialize>(mut out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut out, value)?;
    out.write_all(b"\n")
}

/// One line per item, tagged `"type": kind`, serialised in parallel a
/// chunk at a time.
fn tagged_lines<T: Serialize + Sync>(
    out: &mut dyn Write,
    kind: &str,
    items: &[T],
) -> io::Result<()> {
    in_chunks(
        items,
        |value| Ok(serde_json::to_vec(&Tagged { kind, value })?),
        |line| {
            out.write_all(&line)?;
            out.write_all(b"\n")
        },
    )
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
    tagged_lines(out, "quote", &r.quotes)?;
    tagged_lines(out, "figure", &r.figures)
}

/// One line per finding, then a `"type": "summary"` line.
pub fn scan_lines(r: &ScanReport) -> String {
    to_string(|w| write_scan_lines(r, w))
}

/// [`scan_lines`] written into `out`.
pub fn write_scan_lines(r: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
    tagged_lines(out, "finding", &r.findings)?;
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
    tagged_lines(out, "claim", &r.claims)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::testing::{corpus, figure, quote};
    use crate::extract::{Modality, Qualifier};
    use crate::findings::{FigureRecord, QuoteRecord};
    use crate::speakers::SpeakerTable;

    /// What serde_json's own pretty printer writes, plus the newline.
    fn reference<T: Serialize>(value: &T) -> String {
        serde_json::to_string_pretty(value).expect("serialises") + "\n"
    }

    fn json_value() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i32>().prop_map(Value::from),
            "[a\n\"\\{}\\[\\], é]{0,6}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                proptest::collection::btree_map("[a-c\n]{0,3}", inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest::proptest! {
        #[test]
        fn nested_layout_is_serde_json_pretty_indented(value in json_value(), by in 0..80usize) {
            let pretty = serde_json::to_string_pretty(&value).unwrap();
            let expected = pretty.replace('\n', &format!("\n{}", " ".repeat(by)));
            let got = String::from_utf8(indented(&value, by).unwrap()).unwrap();
            proptest::prop_assert_eq!(got, expected);
        }
    }

    #[test]
    fn chunks_of_any_weight_write_every_item_once_in_order() {
        // Items from empty to a megabyte: chunk sizes swing both ways.
        let items: Vec<usize> = (0..3000).map(|i| (i * 7919) % 1001).collect();
        let mut written = Vec::new();
        in_chunks(
            &items,
            |&n| Ok(vec![b'x'; n * 1000]),
            |part| {
                written.push(part.len() / 1000);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(written, items);
        let none: Vec<usize> = Vec::new();
        in_chunks(&none, |_| Ok(Vec::new()), |_| panic!("nothing to write")).unwrap();
    }

    #[test]
    fn parallel_pretty_json_is_serde_json_pretty_json() {
        // More items than one chunk, and texts that need escaping.
        let quotes: Vec<_> = (0..CHUNK * 2 + 3)
            .map(|i| {
                let text = format!(
                    "we will keep line {}\n“quoted” \"marks\" \\ tab\t{}",
                    i % 10,
                    "é".repeat(i % 3)
                );
                quote(
                    &format!("s{}", i % 7),
                    i + 1,
                    &text,
                    (i % 2 == 0).then_some("Xi"),
                )
            })
            .collect();
        let figures = vec![figure(
            "s1",
            3,
            185e9,
            "USD",
            Qualifier::About,
            &["trade"],
            Some(2022),
            Modality::Actual,
        )];
        let extract = ExtractReport {
            quotes: quotes.iter().map(QuoteRecord::from).collect(),
            figures: figures.iter().map(FigureRecord::from).collect(),
        };
        assert_eq!(pretty(&extract), reference(&extract));
        let empty = ExtractReport::default();
        assert_eq!(pretty(&empty), reference(&empty));

        let ids: Vec<(String, Option<jiff::civil::Date>)> =
            (0..7).map(|i| (format!("s{i}"), None)).collect();
        let ids: Vec<(&str, Option<jiff::civil::Date>)> =
            ids.iter().map(|(s, d)| (s.as_str(), *d)).collect();
        let ex = corpus(&ids, quotes, figures);
        let scan = crate::scan::scan(ex, &SpeakerTable::default());
        assert!(!scan.findings.is_empty());
        assert_eq!(pretty(&scan), reference(&scan));
        let check = CheckReport::new(Vec::new());
        assert_eq!(pretty(&check), reference(&check));
    }
}
