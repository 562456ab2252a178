//! How the quotation lookup's cost grows with the number of distinct
//! quotations, on words drawn as real text draws them (a Zipf distribution
//! over 30,000 words) rather than from the corpus generator's short lists.
//!
//! ```text
//! cargo bench --bench index              # measure
//! cargo test --all-targets               # runs each benchmark once
//! ```
//!
//! Each benchmark looks up every distinct quotation of an index once, as
//! `scan` does (`QuoteIndex::candidates_of`). Linear cost would take twice
//! the time for twice the quotations; docs/performance.md says what it
//! takes now.

use crosscheck::extract::{Quote, QuoteKind};
use crosscheck::index::QuoteIndex;
use crosscheck::text::Span;
use divan::Bencher;

fn main() {
    divan::main();
}

/// Words in the vocabulary, drawn with probability 1/rank.
const VOCABULARY: usize = 30_000;

/// `n` quotations of 8 to 17 words, every other one a function word, from
/// a fixed seed.
fn quotations(n: usize) -> Vec<Quote> {
    let cumulative: Vec<f64> = (1..=VOCABULARY)
        .scan(0.0, |sum, rank| {
            *sum += 1.0 / rank as f64;
            Some(*sum)
        })
        .collect();
    let total = cumulative[VOCABULARY - 1];
    let mut state: u64 = 7;
    let mut uniform = move || {
        // SplitMix64.
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
    };
    (0..n)
        .map(|i| {
            let len = 8 + (uniform() * 10.0) as usize;
            let text: Vec<String> = (0..len)
                .map(|k| {
                    if k % 2 == 0 {
                        "the".to_string()
                    } else {
                        let at = uniform() * total;
                        let rank = cumulative.partition_point(|&c| c < at).min(VOCABULARY - 1);
                        format!("w{rank}x")
                    }
                })
                .collect();
            let line = u32::try_from(i + 1).unwrap_or(u32::MAX);
            Quote {
                span: Span {
                    source: "zipf".into(),
                    line,
                    column: 1,
                    start: 0,
                    end: 0,
                },
                text: text.join(" ").into(),
                speaker: None,
                speaker_mention: None,
                kind: QuoteKind::Speech,
                passage: 0..0,
                passage_text: "".into(),
                repeats: Vec::new(),
            }
        })
        .collect()
}

#[divan::bench(args = [5_000, 10_000, 20_000, 40_000], sample_count = 3)]
fn look_up_every_quotation(bencher: Bencher, n: usize) {
    let index = QuoteIndex::new(&quotations(n));
    bencher.bench(|| {
        (0..index.len())
            .map(|d| index.candidates_of(d).len())
            .sum::<usize>()
    });
}
