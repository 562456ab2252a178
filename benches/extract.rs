//! Micro-benchmarks of the extractors over one generated ~1 MB document
//! (news-like prose with quotations and figures), reported in bytes/s.
//!
//! ```text
//! cargo bench --bench extract            # measure
//! cargo test --all-targets               # runs each benchmark once
//! ```
//!
//! The document is built by a small deterministic generator (SplitMix64),
//! the same kind of text as `examples/gen_corpus.rs` writes, in one file so
//! that the cost of long documents (line index, sentence lookup) shows.

use crosscheck::extract::{self, figure, quote};
use crosscheck::source::Document;
use crosscheck::speakers::SpeakerTable;
use divan::Bencher;
use divan::counter::BytesCount;
use std::sync::LazyLock;

fn main() {
    divan::main();
}

/// Size of the generated document.
const TARGET_BYTES: usize = 1 << 20;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn word(&mut self, list: &'static str) -> &'static str {
        let n = list.split_whitespace().count();
        list.split_whitespace().nth(self.below(n)).unwrap()
    }
}

const FIRST: &str = "Adrian Boris Elena Freya Henrik Irina Jonas Marta Nadia Pavel Rosa Viktor";
const LAST: &str = "Velmar Korrin Tamsk Belquist Dravonen Halbrook Morenz Senlund Valtorp Zanbeck";
const NOUN: &str = "partnership border economy treaty alliance budget harvest pipeline harbour \
    currency railway parliament compromise reform crisis recovery corridor market framework";
const ADJ: &str = "historic fragile lasting genuine dangerous decisive bitter stable reliable fair \
    painful urgent durable peaceful";
const VERB: &str = "abandon defend rebuild question protect renegotiate secure strengthen ignore \
    honour postpone finance restore";
const PLACE: &str = "Arland Belmora Corvia Dornholm Estvale Farrowmere Galdria Hestova";
const FILLER: &str = "Officials discussed the proposed framework behind closed doors, and few \
    expected a breakthrough soon. Analysts noted a change of tone as markets watched closely.";

fn sentence(rng: &mut Rng) -> String {
    let name = format!("{} {}", rng.word(FIRST), rng.word(LAST));
    let q = format!(
        "We will never {} the {} {} of our {}",
        rng.word(VERB),
        rng.word(ADJ),
        rng.word(NOUN),
        rng.word(NOUN)
    );
    let (a, b) = (rng.word(PLACE), rng.word(PLACE));
    let year = 2015 + rng.below(10);
    let v = 10 + rng.below(400);
    match rng.below(8) {
        0 => format!("{name} said “{q}.”"),
        1 => format!("“{q},” {name} told reporters."),
        2 => format!("{name}, the foreign minister, spoke on Monday. “{q},” he said."),
        3 => format!("Trade between {a} and {b} reached ${v} billion in {year}."),
        4 => format!(
            "The {a} pipeline runs more than {},{:03} km.",
            v / 100 + 1,
            v % 1000
        ),
        5 => format!("Inflation in {a} rose to about {}% in {year}.", v % 40 + 1),
        6 => format!(
            "{a} and {b} set a goal of ${v} billion in trade by {}.",
            year + 3
        ),
        _ => FILLER.to_string(),
    }
}

/// The benchmark document: front matter and ~1 MB of paragraphs.
static DOC: LazyLock<Document> = LazyLock::new(|| {
    let mut rng = Rng(7);
    let mut text = String::from(
        "---\ntitle: Benchmark\noutlet: Bench News\ndate: 2024-06-01\n---\n# Benchmark\n\n",
    );
    while text.len() < TARGET_BYTES {
        for _ in 0..3 {
            text.push_str(&sentence(&mut rng));
            text.push(' ');
        }
        text.push_str("\n\n");
    }
    Document::from_text("bench", "bench.md", &text).0
});

static SPEAKERS: LazyLock<SpeakerTable> = LazyLock::new(SpeakerTable::default);

fn bytes() -> BytesCount {
    BytesCount::new(DOC.text.len())
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn quotes(b: Bencher) {
    let (doc, speakers) = (&*DOC, &*SPEAKERS);
    b.counter(bytes())
        .bench(|| quote::extract_quotes(divan::black_box(doc), speakers));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn figures(b: Bencher) {
    let doc = &*DOC;
    b.counter(bytes())
        .bench(|| figure::extract_figures(divan::black_box(doc)));
}

#[divan::bench(sample_count = 10, sample_size = 1)]
fn extract_all(b: Bencher) {
    let (doc, speakers) = (&*DOC, &*SPEAKERS);
    b.counter(bytes())
        .bench(|| extract::extract(divan::black_box(doc), speakers));
}

/// Loading alone (front matter, line index), for reference.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn load(b: Bencher) {
    let text = &DOC.text;
    b.counter(bytes())
        .bench(|| Document::from_text("bench", "bench.md", divan::black_box(text)));
}
