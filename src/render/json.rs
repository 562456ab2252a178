//! `json` and `jsonl`. The JSON shapes are the findings types as serde
//! serialises them (see docs/reference.md for the fields).

use super::to_string;
use crate::findings::{CheckReport, ExtractReport, Finding, Item, ItemFigure, ScanReport};
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
                ("findings", &|w| {
                    write_list_by(w, &self.findings, |f| finding_at(f, 4))
                }),
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
    write_list_by(w, items, |it| indented(it, 4))
}

/// [`write_list`] with each item laid out by `serialise` (as
/// `indented(item, 4)` would).
fn write_list_by<T: Sync>(
    w: &mut dyn Write,
    items: &[T],
    serialise: impl Fn(&T) -> io::Result<Vec<u8>> + Sync,
) -> io::Result<()> {
    if items.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    let mut first = true;
    in_chunks(items, serialise, |part| {
        if !std::mem::take(&mut first) {
            w.write_all(b",")?;
        }
        w.write_all(b"\n    ")?;
        w.write_all(&part)
    })?;
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

/// A scan finding as `indented(finding, base)` lays it out, byte for byte,
/// with its items written by [`item_at`]: the items are nearly all of a
/// scan's JSON (each carries its passage), and serde_json looks at every
/// byte of a string on its own to escape it.
fn finding_at(f: &Finding, base: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(1024 + f.items.len() * 1024);
    let mut o = Fields::open(&mut out, base);
    o.key("id").str(&f.id);
    o.key("kind").json(&f.kind)?;
    o.key("status").json(&f.status)?;
    o.key("subject").str(&f.subject);
    o.key("summary").str(&f.summary);
    o.key("items");
    if f.items.is_empty() {
        o.out.extend_from_slice(b"[]");
    } else {
        o.out.push(b'[');
        let keys = ItemKeys::at(base + 4);
        for (i, item) in f.items.iter().enumerate() {
            if let Some(ahead) = f.items.get(i + 2) {
                prefetch_item(ahead);
            }
            o.out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
            spaces(o.out, base + 4);
            item_at(o.out, item, &keys)?;
        }
        o.out.push(b'\n');
        spaces(o.out, base + 2);
        o.out.push(b']');
    }
    o.key("pairs");
    let pairs = indented(&f.pairs, base + 2)?;
    o.out.extend_from_slice(&pairs);
    o.close();
    Ok(out)
}

/// Asks the processor to bring an item's texts into its cache. A large
/// scan's items stand in a finding in the order of the group, their texts
/// where each source's records were made: nearly every text read is a
/// cache miss, and writing the items waited on them (a fifth of a cached
/// 200 MB scan's time in `json_str`). Asked two items ahead, the texts
/// arrive while the items before them are written; the bytes written are
/// the same.
fn prefetch_item(it: &Item) {
    prefetch(it.text.as_ptr());
    prefetch(it.surface.as_str().as_ptr());
    prefetch(it.source.as_ptr());
    if let Some(speaker) = &it.speaker {
        prefetch(speaker.as_ptr());
    }
    if let Some(figure) = it.figure.as_deref() {
        prefetch(std::ptr::from_ref::<ItemFigure>(figure).cast());
    }
}

/// A hint to load the cache line at `p`; nothing elsewhere than x86-64.
fn prefetch(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch reads nothing the program sees and never faults,
    // whatever the address (it is a hint the processor may drop); `p`
    // points into a live text anyway. SSE, which it needs, is part of
    // every x86-64 processor.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p.cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// An [`Item`]'s fields, in the order of its `Serialize`.
const ITEM_FIELDS: [&str; 17] = [
    "source",
    "line",
    "column",
    "start",
    "end",
    "text",
    "surface",
    "speaker",
    "value",
    "unit",
    "qualifier",
    "low",
    "high",
    "period",
    "modality",
    "outlet",
    "date",
];

/// What opens each field of an item that stands `base` spaces in: the
/// separator, the indent, the quoted name and ": ", one run of bytes per
/// field, made once for a finding's items. Writing them piece by piece
/// was a tenth of a large scan's report.
struct ItemKeys {
    base: usize,
    bytes: Vec<u8>,
    ends: [usize; ITEM_FIELDS.len()],
}

impl ItemKeys {
    fn at(base: usize) -> Self {
        let mut bytes = Vec::new();
        let mut ends = [0; ITEM_FIELDS.len()];
        // The openings [`Fields::key`] writes, kept.
        let mut o = Fields {
            out: &mut bytes,
            base,
            first: true,
        };
        for (end, name) in ends.iter_mut().zip(ITEM_FIELDS) {
            *end = o.key(name).out.len();
        }
        ItemKeys { base, bytes, ends }
    }
}

/// An item's fields written in turn with [`ItemKeys`].
struct ItemFields<'a> {
    out: &'a mut Vec<u8>,
    keys: &'a ItemKeys,
    next: usize,
}

impl ItemFields<'_> {
    /// Starts field `name`, the next of [`ITEM_FIELDS`].
    fn key(&mut self, name: &str) -> &mut Vec<u8> {
        debug_assert_eq!(ITEM_FIELDS[self.next], name, "item fields out of order");
        let start = self.next.checked_sub(1).map_or(0, |i| self.keys.ends[i]);
        self.out
            .extend_from_slice(&self.keys.bytes[start..self.keys.ends[self.next]]);
        self.next += 1;
        self.out
    }

    fn close(self) {
        debug_assert_eq!(self.next, ITEM_FIELDS.len(), "an item field left out");
        close_object(self.out, self.keys.base, true);
    }
}

/// An [`Item`] as `indented(item, keys.base)` lays it out (the fields of
/// its `Serialize`, in order), into `out`.
fn item_at(out: &mut Vec<u8>, it: &Item, keys: &ItemKeys) -> io::Result<()> {
    let f = it.figure.as_deref();
    out.push(b'{');
    let mut o = ItemFields { out, keys, next: 0 };
    json_str(o.key("source"), &it.source);
    scalar(o.key("line"), &it.line)?;
    scalar(o.key("column"), &it.column)?;
    scalar(o.key("start"), &it.start)?;
    scalar(o.key("end"), &it.end)?;
    json_str(o.key("text"), &it.text);
    json_str(o.key("surface"), it.surface.as_str());
    opt_str(o.key("speaker"), it.speaker.as_deref());
    scalar(o.key("value"), &f.map(|f| f.value))?;
    opt_str(o.key("unit"), f.map(|f| f.unit));
    opt_str(o.key("qualifier"), f.map(|f| f.qualifier));
    scalar(o.key("low"), &f.map(|f| f.low))?;
    scalar(o.key("high"), &f.map(|f| f.high))?;
    opt_str(o.key("period"), f.and_then(|f| f.period.as_deref()));
    opt_str(o.key("modality"), f.map(|f| f.modality));
    opt_str(o.key("outlet"), it.outlet.as_deref());
    date(o.key("date"), it.date)?;
    o.close();
    Ok(())
}

/// A scalar (number, date, name of a variant) as serde_json writes it.
fn scalar<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> io::Result<()> {
    serde_json::to_writer(out, value).map_err(io::Error::from)
}

/// A string or `null`, as serde_json writes it.
fn opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// A date as serde_json writes it (jiff's `YYYY-MM-DD` in quotes, or
/// `null`): a year of four digits by hand, any other through serde.
fn date(out: &mut Vec<u8>, d: Option<jiff::civil::Date>) -> io::Result<()> {
    let Some(d) = d.filter(|d| (0..=9999).contains(&d.year())) else {
        return scalar(out, &d);
    };
    let digit = |n: i16, place: i16| b'0' + (n / place % 10) as u8;
    let (y, m, day) = (d.year(), i16::from(d.month()), i16::from(d.day()));
    out.extend_from_slice(&[
        b'"',
        digit(y, 1000),
        digit(y, 100),
        digit(y, 10),
        digit(y, 1),
        b'-',
        digit(m, 10),
        digit(m, 1),
        b'-',
        digit(day, 10),
        digit(day, 1),
        b'"',
    ]);
    Ok(())
}

/// The fields of a pretty JSON object at `base`, written one by one.
struct Fields<'a> {
    out: &'a mut Vec<u8>,
    base: usize,
    first: bool,
}

impl<'a> Fields<'a> {
    fn open(out: &'a mut Vec<u8>, base: usize) -> Self {
        out.push(b'{');
        Fields {
            out,
            base,
            first: true,
        }
    }

    /// Starts the next field (its name is plain ASCII).
    fn key(&mut self, name: &str) -> &mut Self {
        self.out
            .extend_from_slice(if self.first { b"\n" } else { b",\n" });
        self.first = false;
        spaces(self.out, self.base + 2);
        self.out.push(b'"');
        self.out.extend_from_slice(name.as_bytes());
        self.out.extend_from_slice(b"\": ");
        self
    }

    fn str(&mut self, s: &str) {
        json_str(self.out, s);
    }

    /// A scalar (number, date, name of a variant) as serde_json writes it.
    fn json<T: Serialize + ?Sized>(&mut self, value: &T) -> io::Result<()> {
        scalar(self.out, value)
    }

    fn close(self) {
        close_object(self.out, self.base, !self.first);
    }
}

/// The end of a pretty JSON object at `base`: on a line of its own after
/// its fields, right after the `{` of an empty one.
fn close_object(out: &mut Vec<u8>, base: usize, has_fields: bool) {
    if has_fields {
        out.push(b'\n');
        spaces(out, base);
    }
    out.push(b'}');
}

fn spaces(out: &mut Vec<u8>, n: usize) {
    out.resize(out.len() + n, b' ');
}

/// `s` as a JSON string, the bytes serde_json writes for it. Nearly every
/// string needs no escape: that is decided a block of bytes at a time (a
/// loop the compiler turns into vector instructions) and the string copied
/// whole; any other goes through serde_json.
fn json_str(out: &mut Vec<u8>, s: &str) {
    // What serde_json escapes: control characters, quote and backslash.
    let escaped = |b: u8| (b < 0x20) | (b == b'"') | (b == b'\\');
    let bytes = s.as_bytes();
    let mut blocks = bytes.chunks_exact(32);
    let plain = blocks.all(|c| !c.iter().fold(false, |any, &b| any | escaped(b)))
        && !blocks.remainder().iter().any(|&b| escaped(b));
    if plain {
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
    } else {
        serde_json::to_writer(&mut *out, s).expect("a string serialises");
    }
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
    use crate::findings::{FigureRecord, ItemKind, QuoteRecord};
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
        // Figures about one subject that disagree (a figure finding, with
        // figure items: numbers, units, periods or none).
        let figures: Vec<_> = (0..5)
            .map(|i| {
                figure(
                    &format!("s{i}"),
                    3 + i,
                    185e9 + 1e10 * (i % 3) as f64,
                    "USD",
                    Qualifier::About,
                    &["trade"],
                    (i != 4).then_some(2022),
                    Modality::Actual,
                )
            })
            .collect();
        let extract = ExtractReport {
            quotes: quotes.iter().map(QuoteRecord::from).collect(),
            figures: figures.iter().map(FigureRecord::from).collect(),
        };
        assert_eq!(pretty(&extract), reference(&extract));
        let empty = ExtractReport::default();
        assert_eq!(pretty(&empty), reference(&empty));

        let ids: Vec<(String, Option<jiff::civil::Date>)> = (0..7)
            .map(|i| {
                (
                    format!("s{i}"),
                    (i % 2 == 0).then(|| jiff::civil::date(2023, 3, 1 + i)),
                )
            })
            .collect();
        let ids: Vec<(&str, Option<jiff::civil::Date>)> =
            ids.iter().map(|(s, d)| (s.as_str(), *d)).collect();
        let ex = corpus(&ids, quotes, figures);
        let scan = crate::scan::scan(ex, &SpeakerTable::default());
        assert!(scan.findings.iter().any(|f| f.kind == ItemKind::Figure));
        assert!(scan.findings.iter().any(|f| f.kind == ItemKind::Quote));
        let written = pretty(&scan);
        assert!(written.contains(r#""date": "2023-03-01""#) && written.contains(r#""date": null"#));
        assert!(written.contains(r#""outlet": "s0 outlet""#));
        assert_eq!(written, reference(&scan));
        let check = CheckReport::new(Vec::new());
        assert_eq!(pretty(&check), reference(&check));
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let long = "a".repeat(40);
        for s in [
            String::new(),
            "plain words".into(),
            "“curly” and é".into(),
            format!("{long}\"{long}"),
            format!("{long}\\"),
            format!("{}\u{1}", "b".repeat(31)),
            format!("{}\n", "c".repeat(32)),
            "tab\tcr\rdel\u{7f}nul\u{0}".into(),
        ] {
            let mut out = Vec::new();
            json_str(&mut out, &s);
            assert_eq!(out, serde_json::to_vec(&s).unwrap(), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_string_is_written_as_serde_json_writes_it(s in "(?s).{0,80}", pad in 0usize..40) {
            let s = format!("{}{s}", "x".repeat(pad));
            let mut out = Vec::new();
            json_str(&mut out, &s);
            proptest::prop_assert_eq!(out, serde_json::to_vec(&s).unwrap());
        }

        /// Any date jiff holds (years -9999 to 9999), and none.
        #[test]
        fn any_date_is_written_as_serde_json_writes_it(
            day in -4_371_587i32..=2_932_896, none in proptest::bool::weighted(0.05)
        ) {
            let d = (!none).then(|| {
                jiff::civil::date(1970, 1, 1)
                    .checked_add(jiff::Span::new().days(day))
                    .expect("in jiff's range")
            });
            let mut out = Vec::new();
            date(&mut out, d).unwrap();
            proptest::prop_assert_eq!(out, serde_json::to_vec(&d).unwrap());
        }
    }

    /// The years around the ends of the four-digit form.
    #[test]
    fn dates_at_the_edges_of_four_digit_years() {
        for (y, m, d) in [
            (-1, 12, 31),
            (0, 1, 1),
            (999, 5, 9),
            (1000, 10, 10),
            (9999, 12, 31),
        ] {
            let d = Some(jiff::civil::date(y, m, d));
            let mut out = Vec::new();
            date(&mut out, d).unwrap();
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(&d).unwrap()
            );
        }
    }
}
