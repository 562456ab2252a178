//! Comparing two quotations or two figures. Used by both `scan` and `check`,
//! so that a pair of items gets the same judgement wherever it is compared.
//!
//! Quotations are compared in three steps (thresholds in the constants below):
//! 1. **exact**: equal after [`crate::normalize::fold`] (quote marks, case, dashes,
//!    whitespace), or one a word-boundary fragment of the other of at least
//!    [`MIN_FRAGMENT_WORDS`] words;
//! 2. **style variant**: equal word lists after [`crate::normalize::tokens`]
//!    (spelling, punctuation), where an ellipsis or a bracketed insertion may
//!    stand for any words;
//! 3. **variant**: a word alignment (Myers diff over normalised words) whose
//!    Dice similarity over the aligned window is at least
//!    [`VARIANT_SIMILARITY`], over its content words (function words left
//!    out) too, with at least [`MIN_SHARED_WORDS`] shared words; or, for
//!    short phrases, the same content words in another order. Two sayings
//!    cast in one mould ("every accord we sign brings farmers closer to
//!    peace", "every loan we sign brings miners closer to ruin") share their
//!    function words, not their content: they are not variants.
//!
//! Figures are comparable when their units are equal, their names agree
//! (one subject names nothing, or one's names are among the other's), and
//! their subjects' stemmed terms overlap with an IDF-weighted overlap
//! coefficient of at least [`SUBJECT_SIMILARITY`].
//! Two comparable figures conflict only when both are
//! actual, they are about the same period, and their intervals do not
//! overlap.

use crate::extract::{Figure, Modality, attribute};
use crate::normalize::{Token, fold, is_function_word, shown_words, tokens_of_fold};
use crate::text::Shared;
use rayon::prelude::*;
use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::collections::BTreeSet;

/// Smallest fragment (in words) that counts as quoting part of a longer
/// quotation.
pub const MIN_FRAGMENT_WORDS: usize = 2;
/// Dice similarity over the aligned window from which two quotations are the
/// same quotation with different words.
pub const VARIANT_SIMILARITY: f64 = 0.6;
/// Shared words needed before an alignment counts at all (two, like "Cold
/// War", are too few to call two quotations one).
pub const MIN_SHARED_WORDS: usize = 3;
/// Longest quotation (in words) that is aligned word by word; longer ones are
/// only compared exactly.
pub const MAX_ALIGN_WORDS: usize = 2_000;
/// Weighted overlap of subject terms from which two figures are about the
/// same thing.
pub const SUBJECT_SIMILARITY: f64 = 0.5;

/// How closely two quotations match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum QuoteLevel {
    Exact,
    StyleVariant,
    Variant,
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuoteComparison {
    pub level: QuoteLevel,
    /// 1.0 for exact and style matches; the alignment's Dice similarity for
    /// variants.
    pub similarity: f64,
    /// Whether the first quotation is only part of the second.
    pub fragment: bool,
    /// Word diff from the first quotation to the second (`-old +new` inline),
    /// for style variants and variants.
    pub diff: Option<String>,
}

/// A quotation prepared for comparison: its fold, words and gaps,
/// computed once. Scan and check compare each distinct text with many
/// others; preparing it once per text keeps the normalisation out of the
/// pair loop.
#[derive(Clone, Debug)]
pub struct QuoteForm {
    pub text: String,
    pub fold: String,
    pub words: Vec<String>,
    /// Where the gaps (ellipses, bracketed insertions) stand: a gap at `k`
    /// stands before word `k`. Ascending, no position twice.
    gaps: Box<[u32]>,
    /// Hashes of the words, sorted: an upper bound on the words two
    /// quotations can share, before any alignment.
    word_hashes: Vec<u64>,
    /// The same of the content words only (one per content word: their
    /// number is its length).
    content_hashes: Vec<u64>,
    /// Per word: whether it carries content (not a function word).
    content: Vec<bool>,
}

impl QuoteForm {
    pub fn new(text: &str) -> Self {
        let fold = fold(text);
        let mut words: Vec<String> = Vec::new();
        let mut gaps: Vec<u32> = Vec::new();
        for t in tokens_of_fold(&fold) {
            match t {
                Token::Word(w) => words.push(w),
                Token::Gap => gaps.push(words.len() as u32),
            }
        }
        let content: Vec<bool> = words.iter().map(|w| !is_function_word(w)).collect();
        let hashes: Vec<u64> = words.iter().map(|w| hash_word(w)).collect();
        let mut content_hashes: Vec<u64> = hashes
            .iter()
            .zip(&content)
            .filter(|(_, c)| **c)
            .map(|(h, _)| *h)
            .collect();
        content_hashes.sort_unstable();
        let mut word_hashes = hashes;
        word_hashes.sort_unstable();
        QuoteForm {
            text: text.to_string(),
            content,
            content_hashes,
            gaps: gaps.into(),
            fold,
            words,
            word_hashes,
        }
    }
}

fn hash_word(w: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    w.hash(&mut h);
    h.finish()
}

/// Size of the multiset intersection of two sorted hash lists.
fn shared_count(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Whether every item of `a` is in `b`, counted with repeats (both sorted):
/// [`shared_count`] equal to `a`'s length, answered at the first item of
/// `a` that `b` lacks.
fn all_among(a: &[u64], b: &[u64]) -> bool {
    if a.len() > b.len() {
        return false;
    }
    let mut j = 0;
    for &x in a {
        while j < b.len() && b[j] < x {
            j += 1;
        }
        if j == b.len() || b[j] != x {
            return false;
        }
        j += 1;
    }
    true
}

/// Compares quotation `a` (a claim, or one source's rendering) with `b`.
pub fn compare_quotes(a: &str, b: &str) -> Option<QuoteComparison> {
    compare_forms(&QuoteForm::new(a), &QuoteForm::new(b))
}

/// [`compare_quotes`] on prepared quotations.
pub fn compare_forms(a: &QuoteForm, b: &QuoteForm) -> Option<QuoteComparison> {
    same_words(a, b).or_else(|| variant(a, b))
}

/// The cheap half of [`compare_forms`]: `a` gives the same words as `b`
/// (exactly, as a fragment, or in another style). No alignment.
pub fn same_words(a: &QuoteForm, b: &QuoteForm) -> Option<QuoteComparison> {
    same_words_with(a, b, true)
}

/// [`same_words`], with the bound that spares texts without all of `a`'s
/// words, or (for the test that it never changes a result) without.
fn same_words_with(a: &QuoteForm, b: &QuoteForm, bound: bool) -> Option<QuoteComparison> {
    let (fa, fb) = (&a.fold, &b.fold);
    if fa.is_empty() || fb.is_empty() {
        return None;
    }
    if fa == fb {
        return Some(exact(false));
    }
    // Without a gap on either side, every test below needs all of a's
    // words in b: a's content words, counted with repeats, must all be
    // among b's. Most pairs fail on that, before any search of the text.
    if bound
        && a.gaps.is_empty()
        && b.gaps.is_empty()
        && !all_among(&a.content_hashes, &b.content_hashes)
    {
        return None;
    }
    let (wa, wb) = (&a.words, &b.words);
    if wa.len() >= MIN_FRAGMENT_WORDS && contains_at_word_boundary(fb, fa) {
        return Some(exact(true));
    }
    let (a_gap, b_gap) = (!a.gaps.is_empty(), !b.gaps.is_empty());
    let gaps = a_gap || b_gap;
    let word_fragment = wa.len() >= MIN_FRAGMENT_WORDS && contains_run(wb, wa);
    // Without a gap the segments are the whole quotation, which the
    // equality and fragment tests have judged already.
    if wa == wb
        || word_fragment
        || a_gap && segments_in_order(wa, &a.gaps, wb)
        || b_gap && segments_in_order(wb, &b.gaps, wa)
    {
        let fragment = wa.len() < wb.len();
        let diff = if gaps && wa != wb {
            Some(render_diff(a, b))
        } else {
            punctuation_diff(&a.text, &b.text)
        };
        return Some(QuoteComparison {
            level: QuoteLevel::StyleVariant,
            similarity: 1.0,
            fragment,
            diff,
        });
    }
    None
}

/// The costly half of [`compare_forms`], for quotations that are not the
/// same words: `a` is a variant of `b` (by alignment, or the same content
/// words in another order).
pub fn variant(a: &QuoteForm, b: &QuoteForm) -> Option<QuoteComparison> {
    variant_with(a, b, true)
}

/// [`variant`], with the bounds that spare hopeless alignments, or (for
/// the test that they never change a result) without.
fn variant_with(a: &QuoteForm, b: &QuoteForm, bounds: bool) -> Option<QuoteComparison> {
    let (wa, wb) = (&a.words, &b.words);
    if a.fold.is_empty() || b.fold.is_empty() {
        return None;
    }
    if wa.len() > MAX_ALIGN_WORDS || wb.len() > MAX_ALIGN_WORDS {
        return None;
    }
    // The alignment shares at most the words the two have in common, over a
    // window at least that long: when even that bound misses the
    // thresholds, the alignment cannot meet them.
    let bound = shared_count(&a.word_hashes, &b.word_hashes);
    let dice_bound = 2.0 * bound as f64 / (wa.len() + bound).max(1) as f64;
    // The same for the content words: the alignment shares at most the
    // content words the two have in common, and its window holds at least
    // those it shares.
    let content_a = a.content_hashes.len();
    let content_bound = shared_count(&a.content_hashes, &b.content_hashes);
    let content_dice_bound = 2.0 * content_bound as f64 / (content_a + content_bound).max(1) as f64;
    if !bounds
        || bound >= MIN_SHARED_WORDS
            && dice_bound >= VARIANT_SIMILARITY
            && content_dice_bound >= VARIANT_SIMILARITY
    {
        let al = align(a, b);
        let (shared, window) = (al.shared, al.window);
        let dice = 2.0 * shared as f64 / (wa.len() + window) as f64;
        let content_dice =
            2.0 * al.shared_content as f64 / (content_a + al.window_content).max(1) as f64;
        if shared >= MIN_SHARED_WORDS
            && dice >= VARIANT_SIMILARITY
            && content_dice >= VARIANT_SIMILARITY
        {
            return Some(QuoteComparison {
                level: QuoteLevel::Variant,
                similarity: dice,
                fragment: window < wb.len(),
                diff: Some(al.diff(a, b)),
            });
        }
    }
    // Short phrases rendered in another order ("partnership without limits"
    // and "no limits partnership"): the same content words.
    if wa.len() <= 6 && wb.len() <= 6 {
        let ca = content_words(wa);
        let cb = content_words(wb);
        if ca.len() >= 2 && ca == cb {
            return Some(QuoteComparison {
                level: QuoteLevel::Variant,
                similarity: 1.0,
                fragment: false,
                diff: Some(render_diff(a, b)),
            });
        }
    }
    None
}

/// Whether `needle` stands in `hay` as a contiguous run of words.
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

fn exact(fragment: bool) -> QuoteComparison {
    QuoteComparison {
        level: QuoteLevel::Exact,
        similarity: 1.0,
        fragment,
        diff: None,
    }
}

fn contains_at_word_boundary(hay: &str, needle: &str) -> bool {
    // A longer needle is never inside (and building the searcher costs more
    // than this test).
    if needle.is_empty() || needle.len() >= hay.len() {
        return false;
    }
    let at_boundary = |i: usize| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    };
    // Every occurrence counts, overlapping ones too: in "xa a a", "a a" is
    // not at a boundary where it first stands, but is where it ends.
    if hay.len() > SHORT_HAY {
        let step = needle.chars().next().map_or(1, char::len_utf8);
        let mut from = 0;
        while let Some(k) = hay[from..].find(needle) {
            if at_boundary(from + k) {
                return true;
            }
            from += k + step;
        }
        return false;
    }
    // Quotation-sized texts: a substring searcher costs more to build than
    // comparing at each place the needle's first byte stands (most pairs
    // fail at once). A UTF-8 needle only matches at a character boundary.
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    (0..=h.len() - n.len()).any(|i| h[i] == n[0] && &h[i..i + n.len()] == n && at_boundary(i))
}

/// Longest text [`contains_at_word_boundary`] searches byte by byte.
const SHORT_HAY: usize = 2048;

/// Whether the word segments of `t` (split at its `gaps`) stand in `w` in
/// order, each contiguous, with something skipped only where `t` has a gap.
fn segments_in_order(t: &[String], gaps: &[u32], w: &[String]) -> bool {
    if gaps.is_empty() {
        // No gaps: handled by the equality and fragment tests.
        return false;
    }
    let mut cuts = Vec::with_capacity(gaps.len() + 2);
    cuts.push(0);
    cuts.extend(gaps.iter().map(|&g| g as usize));
    cuts.push(t.len());
    let segments: Vec<&[String]> = cuts
        .windows(2)
        .map(|c| &t[c[0]..c[1]])
        .filter(|s| !s.is_empty())
        .collect();
    if segments.is_empty() {
        return false;
    }
    let mut pos = 0;
    for seg in segments {
        let found = (pos..=w.len().saturating_sub(seg.len()))
            .find(|&i| w.len() >= i + seg.len() && w[i..i + seg.len()] == *seg);
        match found {
            Some(i) => pos = i + seg.len(),
            None => return false,
        }
    }
    true
}

/// The alignment of a quotation with the best window of another.
struct Alignment {
    /// Words equal in both.
    shared: usize,
    /// Words of the second quotation in the window.
    window: usize,
    /// Of those: shared content words, and content words in the window.
    shared_content: usize,
    window_content: usize,
    /// The diff's operations, and those over the window: rendered only for
    /// an alignment that is kept ([`Alignment::diff`]).
    ops: Vec<DiffOp>,
    window_ops: std::ops::Range<usize>,
}

impl Alignment {
    /// The word diff over the window, from `a`'s words to `b`'s.
    fn diff(&self, a: &QuoteForm, b: &QuoteForm) -> String {
        render_ops(a, b, &self.ops[self.window_ops.clone()])
    }
}

/// Aligns `a` with the best window of `b`.
fn align(a: &QuoteForm, b: &QuoteForm) -> Alignment {
    let (wa, wb) = (&a.words, &b.words);
    let ops = capture_diff_slices(Algorithm::Myers, wa, wb);
    // Words of b before the first and after the last word of a that aligns
    // are outside the window: a quoted a fragment of b.
    let first = ops
        .iter()
        .position(|op| !matches!(op, DiffOp::Insert { .. }));
    let last = ops
        .iter()
        .rposition(|op| !matches!(op, DiffOp::Insert { .. }));
    let (Some(first), Some(last)) = (first, last) else {
        // No word of a aligns: the diff is the whole of both.
        return Alignment {
            shared: 0,
            window: wb.len(),
            shared_content: 0,
            window_content: b.content_hashes.len(),
            window_ops: 0..ops.len(),
            ops,
        };
    };
    let mut al = Alignment {
        shared: 0,
        window: 0,
        shared_content: 0,
        window_content: 0,
        ops: Vec::new(),
        window_ops: first..last + 1,
    };
    for op in &ops[first..=last] {
        let new = op.new_range();
        let content = b.content[new.clone()].iter().filter(|&&c| c).count();
        al.window += new.len();
        al.window_content += content;
        if let DiffOp::Equal { len, .. } = op {
            al.shared += len;
            al.shared_content += content;
        }
    }
    al.ops = ops;
    al
}

/// Renders a word diff from `a` to `b`: unchanged words as they are, removed
/// words as `-word`, added words as `+word`.
fn render_diff(a: &QuoteForm, b: &QuoteForm) -> String {
    let ops = capture_diff_slices(Algorithm::Myers, &a.words, &b.words);
    render_ops(a, b, &ops)
}

/// [`render_diff`] with the diff given. Words show as written where the
/// normalised words differ from it: a contraction ("haven't", two words
/// when compared) shows whole where both its words fall in one run.
fn render_ops(a: &QuoteForm, b: &QuoteForm, ops: &[DiffOp]) -> String {
    let (sa, sb) = (shown_words(&a.fold), shown_words(&b.fold));
    let mut events: Vec<Edit> = Vec::new();
    for op in ops {
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => events.extend((0..len).map(|k| Edit::Same(old_index + k, new_index + k))),
            DiffOp::Delete {
                old_index, old_len, ..
            } => events.extend((old_index..old_index + old_len).map(Edit::Dropped)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => events.extend((new_index..new_index + new_len).map(Edit::Added)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                events.extend((old_index..old_index + old_len).map(Edit::Dropped));
                events.extend((new_index..new_index + new_len).map(Edit::Added));
            }
        }
    }
    whole_contractions(&mut events, &sa, &sb);
    let mut out: Vec<String> = Vec::new();
    // A word to show: as written, a contraction by its first word alone.
    let show = |out: &mut Vec<String>, words: &[String], shown: &[String], i: usize, mark: &str| {
        match shown.get(i).map(String::as_str) {
            Some("") if i > 0 => {}
            Some("") | None => out.push(format!("{mark}{}", words[i])),
            Some(w) => out.push(format!("{mark}{w}")),
        }
    };
    let mut k = 0;
    while k < events.len() {
        if let Edit::Same(i, _) = events[k] {
            show(&mut out, &a.words, &sa, i, "");
            k += 1;
            continue;
        }
        // A run of changes: what was dropped, then what was added.
        let end = events[k..]
            .iter()
            .position(|e| matches!(e, Edit::Same(..)))
            .map_or(events.len(), |p| k + p);
        for e in &events[k..end] {
            if let Edit::Dropped(i) = *e {
                show(&mut out, &a.words, &sa, i, "-");
            }
        }
        for e in &events[k..end] {
            if let Edit::Added(j) = *e {
                show(&mut out, &b.words, &sb, j, "+");
            }
        }
        k = end;
    }
    out.join(" ")
}

/// One word of an alignment: the same in both texts, dropped from the
/// first, or added in the second (indexes into each text's words).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Edit {
    Same(usize, usize),
    Dropped(usize),
    Added(usize),
}

/// Makes a contraction's two words one edit: where one word of "won't"
/// ("will", "not") or "I'm" is the same and the other changed, the same
/// one is dropped and added again, so a diff shows "-won't +not" rather
/// than "won't -not", which reads as if "won't" were in both. `sa` and
/// `sb` are the texts' [`shown_words`] (a contraction's second word shows
/// as "").
fn whole_contractions(events: &mut Vec<Edit>, sa: &[String], sb: &[String]) {
    // The other word of the contraction word `i` is part of, and which way.
    let partner = |shown: &[String], i: usize| -> Option<(usize, isize)> {
        if i > 0 && shown.get(i).is_some_and(String::is_empty) {
            Some((i - 1, -1))
        } else if shown.get(i + 1).is_some_and(String::is_empty) {
            Some((i + 1, 1))
        } else {
            None
        }
    };
    loop {
        // Per word of each text, the word of the other it is the same as.
        let mut same_a: Vec<Option<usize>> = vec![None; sa.len()];
        let mut same_b: Vec<Option<usize>> = vec![None; sb.len()];
        for e in events.iter() {
            if let Edit::Same(i, j) = *e {
                if let Some(slot) = same_a.get_mut(i) {
                    *slot = Some(j);
                }
                if let Some(slot) = same_b.get_mut(j) {
                    *slot = Some(i);
                }
            }
        }
        // Whether the word `i` of one text, the same as `j` of the other,
        // has its contraction's other word the same as `j`'s neighbour.
        let whole = |shown: &[String], same: &[Option<usize>], i: usize, j: usize| {
            partner(shown, i).is_none_or(|(p, step)| {
                same.get(p)
                    .copied()
                    .flatten()
                    .is_some_and(|q| q as isize == j as isize + step)
            })
        };
        let mut changed = false;
        let mut next = Vec::with_capacity(events.len() + 2);
        for e in events.iter() {
            match *e {
                Edit::Same(i, j) if !whole(sa, &same_a, i, j) || !whole(sb, &same_b, j, i) => {
                    next.push(Edit::Dropped(i));
                    next.push(Edit::Added(j));
                    changed = true;
                }
                e => next.push(e),
            }
        }
        *events = next;
        if !changed {
            return;
        }
    }
}

/// For quotations with equal words: say which spellings or punctuation differ.
fn punctuation_diff(a: &str, b: &str) -> Option<String> {
    let ra: Vec<String> = a.split_whitespace().map(str::to_string).collect();
    let rb: Vec<String> = b.split_whitespace().map(str::to_string).collect();
    if ra.len() > MAX_ALIGN_WORDS || rb.len() > MAX_ALIGN_WORDS {
        return None;
    }
    let ops = capture_diff_slices(Algorithm::Myers, &ra, &rb);
    let changed: Vec<String> = ops
        .iter()
        .filter(|op| !matches!(op, DiffOp::Equal { .. }))
        .map(|op| {
            let old = ra[op.old_range()].join(" ");
            let new = rb[op.new_range()].join(" ");
            match (old.is_empty(), new.is_empty()) {
                (true, _) => format!("+{new}"),
                (_, true) => format!("-{old}"),
                _ => format!("-{old} +{new}"),
            }
        })
        .collect();
    (!changed.is_empty()).then(|| changed.join("; "))
}

/// Words that carry meaning in a short phrase; negations folded to "no".
fn content_words(w: &[String]) -> BTreeSet<String> {
    const STOP: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "is", "are",
    ];
    w.iter()
        .map(|x| match x.as_str() {
            "without" | "not" | "none" => "no".to_string(),
            _ => x.clone(),
        })
        .filter(|x| !STOP.contains(&x.as_str()))
        .collect()
}

// ---------------------------------------------------------------- figures

/// Document frequencies of subject terms, for weighting rare terms above
/// common ones. Each known term's weight is worked out once, when the
/// counts are made: a scan looks weights up millions of times.
#[derive(Clone, Debug, Default)]
pub struct TermWeights {
    weights: rustc_hash::FxHashMap<Shared, f64>,
    n: usize,
}

impl TermWeights {
    /// The weights of a corpus of subjects (each one's terms), counted in
    /// parallel.
    pub fn new<'a>(subjects: impl IntoParallelIterator<Item = &'a [Shared]>) -> Self {
        type Counts<'a> = rustc_hash::FxHashMap<&'a Shared, usize>;
        let (df, n) = subjects
            .into_par_iter()
            .fold(
                || (Counts::default(), 0),
                |(mut df, n), terms| {
                    let mut uniq: Vec<&Shared> = terms.iter().collect();
                    uniq.sort_unstable();
                    uniq.dedup();
                    for t in uniq {
                        *df.entry(t).or_default() += 1;
                    }
                    (df, n + 1)
                },
            )
            .reduce(
                || (Counts::default(), 0),
                |(a, na), (b, nb)| {
                    let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
                    for (t, k) in small {
                        *big.entry(t).or_default() += k;
                    }
                    (big, na + nb)
                },
            );
        TermWeights {
            weights: df
                .into_iter()
                .map(|(t, k)| (t.clone(), idf(n, k)))
                .collect(),
            n,
        }
    }

    /// Inverse document frequency, smoothed; unknown terms count as rare.
    pub fn weight(&self, term: &str) -> f64 {
        self.weights
            .get(term)
            .copied()
            .unwrap_or_else(|| idf(self.n, 0))
    }
}

/// The weight of a term held by `df` of `n` subjects.
fn idf(n: usize, df: usize) -> f64 {
    ((n as f64 + 1.0) / (df as f64 + 1.0)).ln() + 1.0
}

/// Subjects of at most this many terms are compared on the stack.
const SMALL_SUBJECT: usize = 8;

/// A subject's terms sorted, without repeats: the first `len` of the list.
fn sorted_terms(terms: &[Shared]) -> ([&str; SMALL_SUBJECT], usize) {
    let mut out: [&str; SMALL_SUBJECT] = [""; SMALL_SUBJECT];
    for (o, t) in out.iter_mut().zip(terms) {
        *o = t;
    }
    let list = &mut out[..terms.len()];
    list.sort_unstable();
    let mut len = 0;
    for i in 0..list.len() {
        if len == 0 || list[i] != list[len - 1] {
            list[len] = list[i];
            len += 1;
        }
    }
    (out, len)
}

/// IDF-weighted overlap coefficient of two subjects' terms, in [0, 1]: the
/// weight of the shared terms over the weight of the smaller subject. A
/// short subject ("trade") matches a fuller one ("trade Russia China"); two
/// subjects that share only a common term do not.
pub fn subject_similarity(a: &[Shared], b: &[Shared], w: &TermWeights) -> f64 {
    // Subjects hold at most a few terms: sorted on the stack, the same sums
    // in the same (sorted) order as the sets below, without allocating.
    if a.len() <= SMALL_SUBJECT && b.len() <= SMALL_SUBJECT {
        let (sa, la) = sorted_terms(a);
        let (sb, lb) = sorted_terms(b);
        let (sa, sb) = (&sa[..la], &sb[..lb]);
        if sa.is_empty() || sb.is_empty() {
            return 0.0;
        }
        let weight = |s: &[&str]| -> f64 { s.iter().map(|t| w.weight(t)).sum() };
        // The shared terms, in sorted order (a merge of the two lists).
        let mut both: [&str; SMALL_SUBJECT] = [""; SMALL_SUBJECT];
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < sa.len() && j < sb.len() {
            match sa[i].cmp(sb[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    both[n] = sa[i];
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        return weight(&both[..n]) / weight(sa).min(weight(sb));
    }
    similarity_by_sets(a, b, w)
}

/// [`subject_similarity`] of subjects of any size, through sets.
fn similarity_by_sets(a: &[Shared], b: &[Shared], w: &TermWeights) -> f64 {
    let sa: BTreeSet<&Shared> = a.iter().collect();
    let sb: BTreeSet<&Shared> = b.iter().collect();
    if sa.is_empty() || sb.is_empty() {
        return 0.0;
    }
    let weight = |s: &BTreeSet<&Shared>| -> f64 { s.iter().map(|t| w.weight(t)).sum() };
    let shared: f64 = sa.intersection(&sb).map(|t| w.weight(t)).sum();
    shared / weight(&sa).min(weight(&sb))
}

/// Whether two figures (already of the same unit) are about the same thing:
/// their name numbers agree ("Power of Siberia" is not "Power of Siberia
/// 2"), their names agree (`names_agree`), and either they are counts of
/// the same thing (equal heads: "have met 40 times", "signed 14
/// documents") or their terms overlap enough.
pub fn same_subject(a: &Figure, b: &Figure, w: &TermWeights) -> bool {
    if a.subject.name_numbers != b.subject.name_numbers
        || !names_agree(a, b)
        || !content_meets(a, b)
        || opposed(&a.subject.terms, &b.subject.terms)
        || compared_kind(a) != compared_kind(b)
        || basis(a) != basis(b)
    {
        return false;
    }
    // Two parts of a whole ("seven of the nine members voted to hold",
    // "two of the nine voted for a cut") are one only when nearly all their
    // terms, what each part did among them, agree.
    let part = |f: &Figure| f.attributes.contains(&attribute::PART);
    if part(a) && part(b) {
        return subject_similarity(&a.subject.terms, &b.subject.terms, w) >= SHARE_SIMILARITY;
    }
    if a.unit == "count" && a.subject.head.is_some() && a.subject.head == b.subject.head {
        return true;
    }
    // Counts of two things ("14 documents", "1.2 million visits"; the
    // killed and the injured) are two subjects, however many other words
    // their subjects share.
    if a.unit == "count" && a.subject.head.is_some() && b.subject.head.is_some() {
        return false;
    }
    // Shares of one whole differ by their part ("the yuan's share of
    // trade", "oil made up 40% of trade"), which their other terms
    // outweigh: shares are one subject only when nearly all terms agree.
    let least = match kind(a) {
        Some(attribute::SHARE) => SHARE_SIMILARITY,
        _ => SUBJECT_SIMILARITY,
    };
    subject_similarity(&a.subject.terms, &b.subject.terms, w) >= least
}

/// [`SUBJECT_SIMILARITY`] of two shares (`kind`).
const SHARE_SIMILARITY: f64 = 0.9;

/// What a figure is when not a level: a share, a rise, a fall, the level a
/// change started from, or none said ([`attribute::KINDS`], kept in its
/// attributes by `extract::figure`).
pub fn kind(f: &Figure) -> Option<&'static str> {
    f.attributes
        .iter()
        .copied()
        .find(|a| attribute::KINDS.contains(a))
}

/// What a figure is counted per, when its words say ([`attribute::BASES`]:
/// "per head", "a month", "a barrel"). Figures on two bases, or on a
/// basis and on none, are never compared: GDP per head is not GDP, a
/// monthly wage not a yearly one, prices 0.6% up on the month not 3.2% up
/// on the year.
pub fn basis(f: &Figure) -> Option<&'static str> {
    f.attributes
        .iter()
        .copied()
        .find(|a| attribute::BASES.contains(a))
}

/// What [`kind`] a figure is compared as: a rise and a fall are both a
/// change, compared by their signed intervals ([`signed_interval`]): "rose
/// 5%" contradicts "fell 3%" of the same thing in the same period.
pub fn compared_kind(f: &Figure) -> Option<&'static str> {
    match kind(f) {
        Some(attribute::FALL) => Some(attribute::RISE),
        k => k,
    }
}

/// A figure's interval with a fall as a negative change: "fell 3%" is
/// [-3.5, -2.5].
pub fn signed_interval(f: &Figure) -> (f64, f64) {
    if kind(f) == Some(attribute::FALL) {
        (-f.high, -f.low)
    } else {
        (f.low, f.high)
    }
}

/// A figure's [`signed_interval`] with, for each end, whether it is open:
/// an end set by the rounding of the last digit written is ("59 seats" is
/// 58.5 up to, not including, 59.5); an end the words set ("at least 40",
/// "up to 50") or a loose tolerance ("about 40") is not.
fn signed_ends(f: &Figure) -> ((f64, bool), (f64, bool)) {
    use crate::extract::figure::qualifier::{Bound, rule};
    let r = rule(f.qualifier);
    let (low, high) = signed_interval(f);
    // A point (no rounding at all) is closed.
    let point = high - low <= ulps(low, high);
    let (low_open, high_open) = (
        !point && r.low == Bound::Round,
        !point && r.high == Bound::Round,
    );
    if kind(f) == Some(attribute::FALL) {
        ((low, high_open), (high, low_open))
    } else {
        ((low, low_open), (high, high_open))
    }
}

/// How far apart two numbers as large as `x` and `y` may be and still be
/// one number that arithmetic rounded two ways (27.5 + 0.05 against
/// 27.6 - 0.05).
fn ulps(x: f64, y: f64) -> f64 {
    1e-9 * x.abs().max(y.abs()).max(f64::MIN_POSITIVE)
}

/// Whether two figures' intervals share a value, a fall counted as its
/// negative. Intervals that only touch share one only where both ends are
/// closed: "58 seats" and "59 seats" meet at 58.5, and "27.5%" and
/// "27.6%" at 27.55, but no true value is written as both, so they do not
/// agree; "at most 40" and "at least 40" do, at 40.
pub fn intervals_meet(a: &Figure, b: &Figure) -> bool {
    let (((al, al_open), (ah, ah_open)), ((bl, bl_open), (bh, bh_open))) =
        (signed_ends(a), signed_ends(b));
    // The later low end and the earlier high end, each open when either
    // figure's end there is.
    let pick = |x: f64, x_open: bool, y: f64, y_open: bool, later: bool| {
        if (x - y).abs() <= ulps(x, y) {
            (x, x_open || y_open)
        } else if (x > y) == later {
            (x, x_open)
        } else {
            (y, y_open)
        }
    };
    let (low, low_open) = pick(al, al_open, bl, bl_open, true);
    let (high, high_open) = pick(ah, ah_open, bh, bh_open, false);
    if (high - low).abs() <= ulps(low, high) {
        // One point in common: a value only if both ends hold it, or if
        // the two intervals are one.
        let same = (al - bl).abs() <= ulps(al, bl) && (ah - bh).abs() <= ulps(ah, bh);
        same || !(low_open || high_open)
    } else {
        low < high
    }
}

/// The terms of a flow's two directions, or of a balance's two signs.
const OPPOSITES: [(&str, &str); 3] = [
    ("export", "import"),
    ("inflow", "outflow"),
    ("surplus", "deficit"),
];

/// Whether one subject names one side of [`OPPOSITES`] and the other
/// subject the other side (and neither both): "Russia's exports to China"
/// and "Russia's imports from China" are two things, however many other
/// terms they share. (Exports one way and imports the other are two
/// customs offices' counts of one flow, which differ as a rule: they are
/// not compared either.)
fn opposed(a: &[Shared], b: &[Shared]) -> bool {
    let has = |s: &[Shared], t: &str| s.iter().any(|x| &**x == t);
    let one_side = |s: &[Shared], x: &str, y: &str| has(s, x) && !has(s, y);
    OPPOSITES.iter().any(|&(x, y)| {
        (one_side(a, x, y) && one_side(b, y, x)) || (one_side(a, y, x) && one_side(b, x, y))
    })
}

/// Whether the names in two subjects can be about one thing: one subject
/// names nothing ("trade between the two countries"), or one's names are
/// all among the other's ("Russia" in "trade between Russia and China").
/// "Trade between Russia and China" and "trade between Russia and India"
/// are two things, however many other words they share.
fn names_agree(a: &Figure, b: &Figure) -> bool {
    let (na, nb) = (&a.subject.names, &b.subject.names);
    if na.is_empty() || nb.is_empty() {
        return true;
    }
    let within = |x: &[Shared], y: &[Shared]| x.iter().all(|t| y.contains(t));
    if within(na, nb) || within(nb, na) {
        return true;
    }
    // Names written out against their initials: "the Swiss National Bank"
    // and "the SNB", "Nato" and "the North Atlantic Treaty Organization".
    let (oa, la) = ordered_names(a);
    let (ob, lb) = ordered_names(b);
    within_spelled(&oa[..la], &ob[..lb]) || within_spelled(&ob[..lb], &oa[..la])
}

/// Most names [`ordered_names`] keeps of a subject (on the stack).
const MOST_NAMES: usize = 12;

/// A figure's name terms in the order its subject has them (at most
/// [`MOST_NAMES`]), and how many.
fn ordered_names(f: &Figure) -> ([&str; MOST_NAMES], usize) {
    let names = &f.subject.names;
    let mut out = [""; MOST_NAMES];
    let mut n = 0;
    for t in f.subject.terms.iter().filter(|t| names.contains(t)) {
        if n == MOST_NAMES {
            break;
        }
        out[n] = t;
        n += 1;
    }
    (out, n)
}

/// Whether every name of `x` is among `y`'s, reading an acronym (two to
/// six letters) in either as the run of the other's names whose initials
/// spell it: `snb` is `swiss`, `nation`, `bank`.
fn within_spelled(x: &[&str], y: &[&str]) -> bool {
    // The run of `names` whose initials spell `acronym`, as positions.
    fn spelled(acronym: &str, names: &[&str]) -> Option<std::ops::Range<usize>> {
        let n = acronym.len();
        if !(2..=6).contains(&n) || !acronym.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        (0..names.len().checked_sub(n - 1)?)
            .find(|&i| {
                names[i..i + n]
                    .iter()
                    .zip(acronym.bytes())
                    .all(|(w, c)| w.as_bytes().first() == Some(&c))
            })
            .map(|i| i..i + n)
    }
    x.iter().enumerate().all(|(i, t)| {
        y.contains(t)
            || spelled(t, y).is_some()
            // Spelled out by an acronym of `y`.
            || y.iter().any(|u| spelled(u, x).is_some_and(|r| r.contains(&i)))
    })
}

/// Whether two subjects that each say what is measured besides whom it is
/// of (a term not from a name) share such a term: the names of a place or
/// a firm say whose figure it is, not which. "India's central bank kept
/// the repo rate at 5.5%" and "the bank raised its growth forecast for
/// India to 6.8%" share the bank and India, and nothing of what is
/// measured. A subject of names alone ("Gazprom's 2023") is told apart by
/// its names only.
fn content_meets(a: &Figure, b: &Figure) -> bool {
    fn content(f: &Figure) -> impl Iterator<Item = &Shared> + Clone {
        f.subject
            .terms
            .iter()
            .filter(|t| !f.subject.names.contains(t))
    }
    let (mut ca, mut cb) = (content(a), content(b));
    ca.clone().next().is_none() || cb.next().is_none() || ca.any(|t| content(b).any(|u| u == t))
}

/// How two comparable figures relate.
#[derive(Clone, Debug, PartialEq)]
pub enum Relation {
    /// Intervals overlap for the same (or an unstated) period.
    Agree,
    /// Both actual, same period, intervals apart.
    Conflict(String),
    /// About different periods, or a period that cannot be compared.
    OtherPeriod(String),
    /// Different modalities (a target against an actual): not comparable.
    OtherModality(String),
}

/// Relates figure `a` (published on `date_a`) to `b` (on `date_b`).
pub fn relate(
    a: &Figure,
    date_a: Option<jiff::civil::Date>,
    b: &Figure,
    date_b: Option<jiff::civil::Date>,
) -> Relation {
    if a.modality != b.modality {
        return Relation::OtherModality(format!(
            "{} is {}, {} is {}",
            show_value(a),
            a.modality.as_str(),
            show_value(b),
            b.modality.as_str()
        ));
    }
    let overlap = intervals_meet(a, b);
    match (&a.period, &b.period) {
        (Some(pa), Some(pb)) if !pa.same(pb) => {
            return Relation::OtherPeriod(format!("{} vs {}", pa.label, pb.label));
        }
        (Some(_), Some(_)) => {}
        _ if a.period_note.is_some() || b.period_note.is_some() => {
            if overlap {
                return Relation::Agree;
            }
            let note = a.period_note.as_ref().or(b.period_note.as_ref()).cloned();
            return Relation::OtherPeriod(note.unwrap_or_default());
        }
        (Some(p), None) | (None, Some(p)) => {
            if overlap {
                return Relation::Agree;
            }
            return Relation::OtherPeriod(format!(
                "one figure is for {}, the other states no period",
                p.label
            ));
        }
        (None, None) => {
            // A count with no period ("have met 40 times", "signed 14
            // documents") or a price ("$81.40 a barrel") is true as of its
            // article's date: from different dates they are about different
            // moments, never a conflict.
            if !overlap
                && let (Some(da), Some(db)) = (as_of(a, || date_a), as_of(b, || date_b))
                && da != db
            {
                return Relation::OtherPeriod(format!(
                    "{} as of different dates ({da} and {db})",
                    if a.unit == "count" {
                        "counts"
                    } else {
                        "prices"
                    }
                ));
            }
        }
    }
    if overlap {
        return Relation::Agree;
    }
    if a.modality != Modality::Actual {
        // Two targets (or forecasts) that differ are still two statements of
        // intent, not a factual conflict; report them as a variant period.
        return Relation::OtherModality(format!(
            "two {}s differ: {} vs {}",
            a.modality.as_str(),
            show_value(a),
            show_value(b)
        ));
    }
    if kind(a) != kind(b) {
        // A rise against a fall.
        return Relation::Conflict(format!(
            "{} vs {}: opposite directions",
            show_value(a),
            show_value(b)
        ));
    }
    Relation::Conflict(format!(
        "{} vs {}: {} apart, intervals do not overlap",
        show_value(a),
        show_value(b),
        how_far_apart(a, b)
    ))
}

/// How far two conflicting values stand apart, for people: percentages in
/// points ("71.3% vs 71.6%: 0.3 points"), other units relative to the
/// larger value ("13%"), with a decimal when the gap is under 1% ("0.4%").
fn how_far_apart(a: &Figure, b: &Figure) -> String {
    if matches!(a.unit, "percent" | "percentage-points") {
        let points = (a.value - b.value).abs();
        let decimals = if points < 0.1 { 2 } else { 1 };
        let n = short(points, decimals);
        return format!("{n} point{}", if n == "1" { "" } else { "s" });
    }
    let gap = relative_gap(a.value, b.value) * 100.0;
    if gap < 0.95 {
        format!("{}%", short(gap.max(0.1), 1))
    } else {
        format!("{}%", gap.round())
    }
}

/// |a - b| relative to the larger magnitude.
pub fn relative_gap(a: f64, b: f64) -> f64 {
    let m = a.abs().max(b.abs());
    if m == 0.0 { 0.0 } else { (a - b).abs() / m }
}

/// The date a figure is true as of, when nothing else places it in time:
/// a count with no period ("have met 40 times") or a market price ("$81.40
/// a barrel", "$12 a share", "£3 a kilo") is its article's `date` (asked
/// only then). Prices move from day to day as counts grow.
pub fn as_of(
    f: &Figure,
    date: impl FnOnce() -> Option<jiff::civil::Date>,
) -> Option<jiff::civil::Date> {
    let price = matches!(
        basis(f),
        Some(
            attribute::PER_BARREL
                | attribute::PER_TONNE
                | attribute::PER_SHARE
                | attribute::PER_UNIT
        )
    );
    ((f.unit == "count" || price) && f.period.is_none())
        .then(date)
        .flatten()
}

/// The distinct periods of some figures, in order, comma-separated; `none`
/// says what a figure that states no period stands for.
pub fn period_labels<'a>(
    figs: impl IntoIterator<Item = &'a Figure>,
    none: impl Fn(&Figure) -> String,
) -> String {
    let labels: std::collections::BTreeSet<String> = figs
        .into_iter()
        .map(|f| {
            f.period
                .as_ref()
                .map_or_else(|| none(f), |p| p.label.to_string())
        })
        .collect();
    labels.into_iter().collect::<Vec<_>>().join(", ")
}

/// A figure's value for people: "$185 billion", "26%", "4,200 km", "about
/// 40"; a change says its direction ("up 26%", "down about 5%"), a figure
/// on a basis says it ("$14,000 per head", "$63 a barrel").
pub fn show_value(f: &Figure) -> String {
    let direction = match kind(f) {
        Some(attribute::RISE) => "up ",
        Some(attribute::FALL) => "down ",
        _ => "",
    };
    // "per-head" reads "per head".
    let per = basis(f).map_or(String::new(), |b| format!(" {}", b.replace('-', " ")));
    format!("{direction}{}{per}", show_amount(f))
}

/// [`show_value`] without the direction.
fn show_amount(f: &Figure) -> String {
    let q = match f.qualifier {
        crate::extract::Qualifier::Exact => "",
        crate::extract::Qualifier::About => "about ",
        crate::extract::Qualifier::Over => "over ",
        crate::extract::Qualifier::Under => "under ",
        crate::extract::Qualifier::AtLeast => "at least ",
        crate::extract::Qualifier::AtMost => "at most ",
        crate::extract::Qualifier::Nearly => "nearly ",
        crate::extract::Qualifier::Range => {
            return format!(
                "{}-{}",
                show_number(f.low, f.unit),
                show_number(f.high, f.unit)
            );
        }
    };
    format!("{q}{}", show_number(f.value, f.unit))
}

/// A number with its unit, magnitudes spelled out.
pub fn show_number(v: f64, unit: &str) -> String {
    // Under a kilogram, in grams: "239 g", not "0.24 kg".
    if unit == "kg" && v != 0.0 && v.abs() < 1.0 {
        return format!("{} g", short(v * 1000.0, 1));
    }
    // A duration that is not whole in its unit in the next smaller one:
    // "18 months", not "1.5 years"; "36 hours", not "1.5 days"; else
    // minutes ("45 minutes").
    let whole = |x: f64| (x - x.round()).abs() < 1e-6;
    if unit == "years" && !whole(v) && whole(v * 12.0) {
        return format!("{} months", short(v * 12.0, 1));
    }
    if unit == "days" && !whole(v) {
        return if whole(v * 24.0) {
            format!("{} hours", short(v * 24.0, 1))
        } else {
            format!("{} minutes", short(v * 1440.0, 1))
        };
    }
    let (scaled, word) = if v.abs() >= 1e12 {
        (v / 1e12, " trillion")
    } else if v.abs() >= 1e9 {
        (v / 1e9, " billion")
    } else if v.abs() >= 1e6 {
        (v / 1e6, " million")
    } else {
        (v, "")
    };
    let num = if word.is_empty() && scaled.fract() == 0.0 && scaled.abs() < 1e15 {
        group_thousands(scaled as i64)
    } else {
        short(scaled, 2)
    };
    match unit {
        "USD" => format!("${num}{word}"),
        "EUR" => format!("€{num}{word}"),
        "percent" => format!("{num}{word}%"),
        "count" => format!("{num}{word}"),
        "percentage-points" => format!("{num}{word} percentage points"),
        "magnitude" => format!("magnitude {num}"),
        "celsius" => format!("{num}°C"),
        "fahrenheit" => format!("{num}°F"),
        "km2" => format!("{num}{word} km²"),
        "mi2" => format!("{num}{word} sq mi"),
        u => format!("{num}{word} {u}"),
    }
}

/// `x` with at most `decimals` decimals (one or more), trailing zeros
/// dropped: "4.2", "0.05", "12".
fn short(x: f64, decimals: usize) -> String {
    let s = format!("{x:.decimals$}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn group_thousands(n: i64) -> String {
    let s = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn the_bounds_never_change_a_variant(
            a in proptest::collection::vec(0usize..12, 1..14),
            b in proptest::collection::vec(0usize..12, 1..14),
        ) {
            // Few words, half of them function words: many pairs share
            // enough to be aligned, and some are variants.
            const WORDS: [&str; 12] = [
                "the", "of", "and", "to", "we", "will", "trade", "grow",
                "border", "partners", "limits", "peace",
            ];
            let text = |ws: &[usize]| ws.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let (fa, fb) = (QuoteForm::new(&text(&a)), QuoteForm::new(&text(&b)));
            prop_assert_eq!(variant_with(&fa, &fb, true), variant_with(&fa, &fb, false));
        }

        #[test]
        fn the_bound_never_changes_same_words(
            a in proptest::collection::vec(0usize..14, 1..8),
            b in proptest::collection::vec(0usize..14, 1..12),
        ) {
            // Few words, some function words, spellings and punctuation
            // that fold to one word, repeats, and gaps: many pairs are
            // fragments, style variants or the same words.
            const WORDS: [&str; 14] = [
                "the", "of", "we", "trade", "grow", "neighbours", "neighbors",
                "trade,", "limits.", "limits", "peace", "...", "[the pact]", "Trade",
            ];
            let text = |ws: &[usize]| ws.iter().map(|&i| WORDS[i]).collect::<Vec<_>>().join(" ");
            let (fa, fb) = (QuoteForm::new(&text(&a)), QuoteForm::new(&text(&b)));
            prop_assert_eq!(same_words_with(&fa, &fb, true), same_words_with(&fa, &fb, false));
            prop_assert_eq!(same_words_with(&fb, &fa, true), same_words_with(&fb, &fa, false));
        }

        #[test]
        fn all_among_is_a_full_shared_count(
            mut a in proptest::collection::vec(0u64..6, 0..8),
            mut b in proptest::collection::vec(0u64..6, 0..10),
        ) {
            a.sort_unstable();
            b.sort_unstable();
            prop_assert_eq!(all_among(&a, &b), shared_count(&a, &b) == a.len());
        }

        #[test]
        fn containment_is_any_occurrence_at_word_boundaries(
            hay in "[ab ,é’]{0,40}",
            needle in "[ab ,é’]{1,8}",
            long in proptest::bool::ANY,
        ) {
            // Past `SHORT_HAY` the search takes the other path.
            let hay = if long { format!("{}{hay}", "-".repeat(SHORT_HAY)) } else { hay };
            let reference = needle.len() < hay.len()
                && hay.char_indices().any(|(i, _)| {
                    let before = hay[..i].chars().next_back();
                    let after = hay.get(i + needle.len()..).and_then(|r| r.chars().next());
                    hay[i..].starts_with(needle.as_str())
                        && !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                });
            prop_assert_eq!(contains_at_word_boundary(&hay, &needle), reference);
        }

        #[test]
        fn segments_at_gap_positions_are_the_segments_between_gap_tokens(
            a in proptest::collection::vec("(a|b|c|\\.\\.\\.|\\[x\\]|…)", 0..8),
            b in proptest::collection::vec("(a|b|c)", 0..10),
        ) {
            // The words split at gap tokens, as the tokens stand: the
            // segments a form's gap positions must give.
            let tokens = tokens_of_fold(&fold(&a.join(" ")));
            let mut segments: Vec<Vec<String>> = vec![Vec::new()];
            for t in &tokens {
                match t {
                    Token::Word(w) => segments.last_mut().unwrap().push(w.clone()),
                    Token::Gap => segments.push(Vec::new()),
                }
            }
            segments.retain(|s| !s.is_empty());
            let wb: Vec<String> = b.iter().map(|w| w.to_string()).collect();
            let reference = tokens.contains(&Token::Gap)
                && !segments.is_empty()
                && {
                    let mut pos = 0;
                    segments.iter().all(|seg| {
                        let found = (pos..=wb.len())
                            .find(|&i| wb.len() >= i + seg.len() && wb[i..i + seg.len()] == seg[..]);
                        found.map(|i| pos = i + seg.len()).is_some()
                    })
                };
            let form = QuoteForm::new(&a.join(" "));
            prop_assert_eq!(segments_in_order(&form.words, &form.gaps, &wb), reference);
        }
    }

    #[test]
    fn the_content_bound_spares_pairs_sharing_only_function_words() {
        let form = QuoteForm::new;
        // One content word changed: a variant, bounds or none.
        let (a, b) = (
            form("we will grow trade with our partners"),
            form("we will grow trade with our neighbours"),
        );
        let got = variant_with(&a, &b, true).expect("a variant");
        assert_eq!(got.level, QuoteLevel::Variant);
        assert_eq!(Some(got), variant_with(&a, &b, false));
        // Seven of eight words shared, all of them function words: the
        // word bound lets it through, the content bound does not, and the
        // alignment agrees that it is no variant.
        let (a, b) = (
            form("we will do it and we will trade"),
            form("we will do it and we will grow"),
        );
        let words = shared_count(&a.word_hashes, &b.word_hashes);
        assert_eq!(words, 7);
        assert_eq!(shared_count(&a.content_hashes, &b.content_hashes), 0);
        assert_eq!(variant_with(&a, &b, false), None);
        assert_eq!(variant_with(&a, &b, true), None);
    }

    #[test]
    fn an_overlapping_occurrence_at_a_boundary_counts() {
        assert!(contains_at_word_boundary("xa a a", "a a"));
        let long = format!("{} xa a a", "y".repeat(SHORT_HAY));
        assert!(contains_at_word_boundary(&long, "a a"));
        assert!(!contains_at_word_boundary("xa a ab", "a a"));
    }
    use crate::extract::{Period, Qualifier, Subject};
    use crate::text::Span;

    fn level(a: &str, b: &str) -> Option<QuoteLevel> {
        compare_quotes(a, b).map(|c| c.level)
    }

    #[test]
    fn exact_after_folding_marks_case_dashes() {
        assert_eq!(
            level("Are now the best ever.", "are now the best ever"),
            Some(QuoteLevel::Exact)
        );
        assert_eq!(
            level(
                "a partnership — without limits",
                "A partnership – without limits"
            ),
            Some(QuoteLevel::Exact)
        );
    }

    #[test]
    fn fragment_of_longer_quote_is_exact() {
        let c = compare_quotes(
            "the best ever",
            "relations are now the best ever in history",
        )
        .unwrap();
        assert_eq!(c.level, QuoteLevel::Exact);
        assert!(c.fragment);
        assert_eq!(
            level("best", "relations are now the best ever"),
            None,
            "one word is too little"
        );
    }

    #[test]
    fn spelling_and_serial_comma_are_style_variants() {
        let c = compare_quotes(
            "good neighbours, good friends and good partners",
            "good neighbors, good friends, and good partners",
        )
        .unwrap();
        assert_eq!(c.level, QuoteLevel::StyleVariant);
        assert_eq!(
            c.diff.as_deref(),
            Some("-neighbours, +neighbors,; -friends +friends,")
        );
    }

    #[test]
    fn respelled_fragment_is_a_style_variant() {
        let c = compare_quotes(
            "one of the main stabilizing factors",
            "Our cooperation is one of the main stabilising factors in the world.",
        )
        .unwrap();
        assert_eq!((c.level, c.fragment), (QuoteLevel::StyleVariant, true));
    }

    #[test]
    fn ellipsis_and_brackets_are_style_variants() {
        assert_eq!(
            level(
                "we will ... stand together",
                "we will, as always, stand together"
            ),
            Some(QuoteLevel::StyleVariant)
        );
        assert_eq!(
            level(
                "[the partnership] has no limits",
                "our friendship has no limits"
            ),
            Some(QuoteLevel::StyleVariant)
        );
    }

    #[test]
    fn substituted_word_is_a_variant_with_diff() {
        let c = compare_quotes(
            "good neighbours, good friends and reliable partners",
            "good neighbours, good friends and good partners",
        )
        .unwrap();
        assert_eq!(c.level, QuoteLevel::Variant);
        assert_eq!(
            c.diff.as_deref(),
            Some("good neighbors good friends and -reliable +good partners")
        );
    }

    #[test]
    fn contractions_are_spellings_and_show_as_written() {
        let c = compare_quotes("We won't be rushed", "We will not be rushed").unwrap();
        assert_eq!(c.level, QuoteLevel::StyleVariant);
        assert_eq!(c.diff.as_deref(), Some("-won't +will not"));
        // In a word diff, a contraction shows whole where its two words
        // fall in one run, and its second word alone where they do not.
        let c = compare_quotes(
            "changes the likes of which we haven't seen for 100 years",
            "changes the likes of which we never saw for 100 years",
        )
        .unwrap();
        assert_eq!(
            c.diff.as_deref(),
            Some("changes the likes of which we -haven't -seen +never +saw for 100 years")
        );
        let c = compare_quotes(
            "the likes of which we haven't seen in a century",
            "the likes of which we have seen in a century",
        )
        .unwrap();
        assert_eq!(
            c.diff.as_deref(),
            Some("the likes of which we -haven't +have seen in a century")
        );
        // A contraction changed in part is shown changed whole: not "i'm
        // -am +won't not".
        let c = compare_quotes(
            "I won't pretend this is easy",
            "I'm not going to pretend this is easy",
        )
        .unwrap();
        assert_eq!(
            c.diff.as_deref(),
            Some("-i -won't +i'm +not +going +to pretend this is easy")
        );
    }

    #[test]
    fn reordered_short_phrase_is_a_variant() {
        assert_eq!(
            level("partnership without limits", "no limits partnership"),
            Some(QuoteLevel::Variant)
        );
    }

    #[test]
    fn unrelated_quotes_do_not_match() {
        assert_eq!(
            level(
                "we are driving these changes together",
                "trade will keep growing fast"
            ),
            None
        );
        assert_eq!(
            level(
                "Cold War mentality",
                "exceed the alliances of the Cold War era"
            ),
            None
        );
        assert_eq!(
            level(
                "relations are the best ever",
                "relations are the worst ever"
            ),
            Some(QuoteLevel::Variant)
        );
    }

    fn fig(
        value: f64,
        unit: &'static str,
        period: Option<(i16, &str)>,
        modality: Modality,
    ) -> Figure {
        let period = period.map(|(y, label)| Period {
            start: jiff::civil::date(y, 1, 1),
            end: jiff::civil::date(y, 12, 31),
            label: label.into(),
        });
        Figure {
            span: Span {
                source: "s".into(),
                line: 1,
                column: 1,
                start: 0,
                end: 1,
            },
            text: "".into(),
            value,
            unit,
            qualifier: Qualifier::Exact,
            low: value * 0.998,
            high: value * 1.002,
            period,
            period_note: None,
            modality,
            subject: Subject::default(),
            attributes: Box::default(),
            noise: false,
            passage: 0..1,
            passage_text: "".into(),
        }
    }

    #[test]
    fn different_periods_are_not_conflicts() {
        let a = fig(185e9, "USD", Some((2022, "2022")), Modality::Actual);
        let b = fig(240e9, "USD", Some((2023, "2023")), Modality::Actual);
        assert!(matches!(
            relate(&a, None, &b, None),
            Relation::OtherPeriod(_)
        ));
    }

    #[test]
    fn same_period_apart_is_a_conflict_with_reason() {
        let a = fig(210e9, "USD", Some((2023, "2023")), Modality::Actual);
        let b = fig(240e9, "USD", Some((2023, "2023")), Modality::Actual);
        let Relation::Conflict(why) = relate(&a, None, &b, None) else {
            panic!()
        };
        assert_eq!(
            why,
            "$210 billion vs $240 billion: 13% apart, intervals do not overlap"
        );
    }

    #[test]
    fn a_conflict_says_how_far_apart_in_points_or_percent() {
        let why = |a: f64, b: f64, unit: &'static str| {
            let year = Some((2026, "2026"));
            match relate(
                &fig(a, unit, year, Modality::Actual),
                None,
                &fig(b, unit, year, Modality::Actual),
                None,
            ) {
                Relation::Conflict(why) => why,
                other => panic!("{other:?}"),
            }
        };
        // Percentages in points: "0% apart" said nothing.
        assert_eq!(
            why(71.3, 71.6, "percent"),
            "71.3% vs 71.6%: 0.3 points apart, intervals do not overlap"
        );
        assert!(why(3.0, 4.0, "percent").contains(": 1 point apart"));
        assert!(why(2.0, 2.05, "percent").contains(": 0.05 points apart"));
        // Other units relative to the larger, a decimal under 1%.
        assert!(why(1_000_000.0, 1_006_000.0, "count").contains(": 0.6% apart"));
        assert!(why(412e6, 421e6, "EUR").contains(": 2% apart"));
    }

    #[test]
    fn target_never_conflicts_with_actual() {
        let a = fig(200e9, "USD", Some((2024, "2024")), Modality::Target);
        let b = fig(240e9, "USD", Some((2024, "2024")), Modality::Actual);
        assert!(matches!(
            relate(&a, None, &b, None),
            Relation::OtherModality(_)
        ));
    }

    #[test]
    fn growing_counts_from_different_dates_are_not_conflicts() {
        let a = fig(38.0, "count", None, Modality::Actual);
        let b = fig(42.0, "count", None, Modality::Actual);
        let d1 = Some(jiff::civil::date(2023, 3, 21));
        let d2 = Some(jiff::civil::date(2024, 5, 16));
        assert!(matches!(relate(&a, d1, &b, d2), Relation::OtherPeriod(_)));
        assert!(
            matches!(relate(&b, d1, &a, d2), Relation::OtherPeriod(_)),
            "documents signed at two summits"
        );
        assert!(
            matches!(relate(&a, d1, &b, d1), Relation::Conflict(_)),
            "same day, same count, apart"
        );
    }

    #[test]
    fn market_prices_from_different_dates_are_not_conflicts() {
        let with_basis = |v: f64, unit: &'static str, basis: &'static str| Figure {
            attributes: vec![basis].into(),
            ..fig(v, unit, None, Modality::Actual)
        };
        let (d1, d2) = (
            Some(jiff::civil::date(2026, 11, 30)),
            Some(jiff::civil::date(2026, 12, 1)),
        );
        let a = with_basis(81.4, "USD", attribute::PER_BARREL);
        let b = with_basis(84.0, "USD", attribute::PER_BARREL);
        let Relation::OtherPeriod(why) = relate(&a, d1, &b, d2) else {
            panic!("{:?}", relate(&a, d1, &b, d2))
        };
        assert_eq!(
            why,
            "prices as of different dates (2026-11-30 and 2026-12-01)"
        );
        assert!(matches!(relate(&a, d1, &b, d1), Relation::Conflict(_)));
        let a = with_basis(12.1, "USD", attribute::PER_SHARE);
        let b = with_basis(13.0, "USD", attribute::PER_SHARE);
        assert!(matches!(relate(&a, d1, &b, d2), Relation::OtherPeriod(_)));
        // An amount is no price: a deal's value does not move by the day.
        let a = fig(5e9, "USD", None, Modality::Actual);
        let b = fig(6e9, "USD", None, Modality::Actual);
        assert!(matches!(relate(&a, d1, &b, d2), Relation::Conflict(_)));
    }

    #[test]
    fn sayings_cast_in_one_mould_are_not_variants() {
        assert_eq!(
            level(
                "every accord we sign brings farmers closer to peace",
                "every loan we sign brings miners closer to ruin"
            ),
            None,
            "six of nine words shared, but only three of six content words"
        );
        assert_eq!(
            level(
                "every accord we sign brings farmers closer to peace",
                "every accord we sign brings our farmers closer to a lasting peace"
            ),
            Some(QuoteLevel::Variant)
        );
    }

    #[test]
    fn prepared_forms_compare_like_texts() {
        let pairs = [
            ("are now the best ever.", "Are now the best ever"),
            (
                "good neighbours, good friends",
                "good neighbors, good friends",
            ),
            (
                "relations are the best ever",
                "relations are the worst ever",
            ),
            (
                "we ... have no limits",
                "we are partners and have no limits",
            ),
            ("Cold War mentality", "the Cold War era"),
        ];
        for (a, b) in pairs {
            assert_eq!(
                compare_forms(&QuoteForm::new(a), &QuoteForm::new(b)),
                compare_quotes(a, b),
                "{a} / {b}"
            );
        }
    }

    fn named(terms: &[&str], names: &[&str]) -> Figure {
        let mut f = fig(10.0, "km", None, Modality::Actual);
        f.subject.terms = terms.iter().map(|&t| t.into()).collect();
        f.subject.names = names.iter().map(|&t| t.into()).collect();
        f
    }

    /// The one figure of `sentence`, in an article of 2024-02-01.
    fn figure_of(sentence: &str) -> Figure {
        let text = format!("---\ndate: 2024-02-01\n---\n{sentence}\n");
        let (doc, _) = crate::source::Document::from_text("t", "t.md", &text);
        let mut f = crate::extract::figure::extract_figures(&doc);
        assert_eq!(f.len(), 1, "{sentence}: {f:#?}");
        f.remove(0)
    }

    /// [`same_subject`] of the figures of two sentences ([`figure_of`]).
    fn same_subject_of(a: &str, b: &str) -> bool {
        same_subject(&figure_of(a), &figure_of(b), &TermWeights::default())
    }

    /// The figures of a whole article of 2026-11-18.
    fn figures_of(body: &str) -> Vec<Figure> {
        let text = format!("---\ndate: 2026-11-18\n---\n{body}\n");
        let (doc, _) = crate::source::Document::from_text("t", "t.md", &text);
        crate::extract::figure::extract_figures(&doc)
    }

    #[test]
    fn seats_of_the_party_named_before_are_that_partys() {
        let w = TermWeights::default();
        let homeland =
            figures_of("Homeland's 17.3% was its best result ever. The party won 82 seats.");
        let social = figures_of(
            "The Social Democrats finished first with 31.6 percent, giving the party 144 seats.",
        );
        let seats = |f: &[Figure]| f.iter().find(|f| f.unit == "count").cloned().unwrap();
        assert!(!same_subject(&seats(&homeland), &seats(&social), &w));
        let named = figures_of("The Social Democrats won 144 seats.");
        assert!(same_subject(&seats(&named), &seats(&social), &w));
        // With no party named before, "the party" is any party, as before.
        let bare = figures_of("The party won 82 seats.");
        assert!(same_subject(&seats(&bare), &seats(&social), &w));
    }

    #[test]
    fn neighbouring_rounded_values_do_not_agree() {
        let meet = |a: &str, b: &str| {
            let (fa, fb) = (figure_of(a), figure_of(b));
            assert_eq!(
                intervals_meet(&fa, &fb),
                intervals_meet(&fb, &fa),
                "{a} / {b}"
            );
            intervals_meet(&fa, &fb)
        };
        // Rounding ends touch, but nothing is written as both.
        assert!(!meet("The party won 58 seats.", "The party won 59 seats."));
        for (a, b) in [
            ("27.5", "27.6"),
            ("34.2", "34.3"),
            ("0.1", "0.2"),
            ("71.3", "71.4"),
        ] {
            assert!(
                !meet(&format!("Turnout was {a}%."), &format!("Turnout was {b}%.")),
                "{a} / {b}"
            );
        }
        assert!(!meet(
            "Trade fell 2.5% last year.",
            "Trade fell 2.6% last year."
        ));
        assert!(!meet(
            "Exports were between 30 and 40 tonnes.",
            "Exports were 41 tonnes."
        ));
        // Ends the words set are closed, and a value agrees with itself.
        assert!(meet("Up to 40 people came.", "At least 40 people came."));
        assert!(meet("The party won 59 seats.", "The party won 59 seats."));
        assert!(meet("Turnout was 27.5%.", "Turnout was 27.55%."));
        assert!(meet("They met about 40 times.", "They met over 40 times."));
        assert!(meet("They met 40 times.", "They met at least 40 times."));
    }

    #[test]
    fn the_us_is_a_name_not_a_pronoun() {
        let same = same_subject_of;
        for us in [
            "US inflation was 3.2% in May.",
            "Inflation in the U.S. was 3.3% in May.",
            "U.S. inflation was 3.3% in May.",
        ] {
            assert!(!same(us, "UK inflation was 2% in May."), "{us}");
            assert!(same(us, "US inflation was 3.2% in May."), "{us}");
        }
        // The pronoun is still no term.
        let terms = figure_of("Trade with us was $5 billion in May.")
            .subject
            .terms;
        assert_eq!(terms[..], [Shared::from("trade")]);
    }

    #[test]
    fn counts_of_two_things_are_two_subjects() {
        let same = same_subject_of;
        // The dead by any word for them; the injured and the missing apart.
        let killed = "At least 62 people were killed in the quake in Noto.";
        assert!(same(
            killed,
            "The death toll from the Noto quake rose to 64."
        ));
        assert!(same(killed, "The Noto quake left 64 dead."));
        assert!(!same(killed, "The quake in Noto injured 300 people."));
        assert!(!same(
            killed,
            "Some 120 people are still missing after the Noto quake."
        ));
        // Documents and visits, however many words their sentences share.
        assert!(!same(
            "Xi ended his visit to Russia after the governments signed 14 documents.",
            "Russia expects 1.2 million visits by Chinese tourists after the visit."
        ));
        assert!(same(
            "Putin and Xi have met about 40 times.",
            "Putin and Xi have held over 40 meetings."
        ));
    }

    #[test]
    fn net_income_is_profit_a_buyback_buying_back_and_the_mercury_the_temperature() {
        let same = same_subject_of;
        assert!(same(
            "Net income rose to $612 million.",
            "Profit was $612m in the quarter."
        ));
        assert!(same(
            "Norvik said it would buy back $2 billion of its shares.",
            "Norvik also announced a $2.5bn share buyback."
        ));
        // The mercury is the temperature.
        assert!(same(
            "Temperatures reached 46.8C in Aldera on Saturday.",
            "The mercury hit 47.1 degrees Celsius in Aldera on Saturday."
        ));
        // Income alone is no profit.
        assert!(!same(
            "Household income rose to $612 million.",
            "Profit was $612m in the quarter."
        ));
    }

    #[test]
    fn exports_and_imports_are_two_subjects() {
        let same = same_subject_of;
        let exports = "Russia's exports to China rose to $129 billion in 2023.";
        assert!(!same(
            exports,
            "Russia's imports from China were $111 billion in 2023."
        ));
        assert!(!same(
            "Russia exported goods worth $129 billion in 2023.",
            "Russia imported goods worth $111 billion in 2023."
        ));
        assert!(!same(
            "The trade surplus was $30 billion in 2023.",
            "The trade deficit was $30 billion in 2023."
        ));
        assert!(!same(
            "Capital inflows reached $5 billion in 2023.",
            "Capital outflows reached $5 billion in 2023."
        ));
        // The same direction, written otherwise, is still one subject.
        assert!(same(
            exports,
            "Russia's exports to China were about $130 billion in 2023."
        ));
        // A subject naming both sides ("exports and imports") is no side.
        assert!(same(
            "Trade, exports and imports together, hit $240 billion in 2023.",
            "Trade in exports and imports reached $240 billion in 2023."
        ));
    }

    #[test]
    fn shares_changes_and_levels_are_subjects_of_their_own() {
        let same = same_subject_of;
        let rise = "Russia-China trade rose 26% in 2022.";
        assert!(same(rise, "Russia-China trade grew by 26.3% in 2022."));
        assert!(!same(
            rise,
            "The yuan's share of Russia-China trade reached 90% in 2022."
        ));
        assert!(!same(
            "Russia-China trade rose by $40 billion in 2022.",
            "Russia-China trade was $190 billion in 2022."
        ));
        // A rise and a fall are one subject, a change, compared by sign.
        assert!(same(rise, "Russia-China trade fell 5% in 2022."));
        // Shares of one whole differ by their part.
        assert!(!same(
            "The yuan's share of Russia-China trade reached 90% in 2022.",
            "Oil made up 40% of Russia-China trade in 2022."
        ));
        assert!(same(
            "The yuan's share of Russia-China trade reached 90% in 2022.",
            "The yuan's share of Russia-China trade was 95% in 2022."
        ));
    }

    #[test]
    fn a_fall_is_a_negative_change() {
        let relate_of = |a: &str, b: &str| relate(&figure_of(a), None, &figure_of(b), None);
        let rise = "Russia-China trade rose 5% in 2022.";
        assert_eq!(
            relate_of(rise, "Russia-China trade fell 5% in 2022."),
            Relation::Conflict("up 5% vs down 5%: opposite directions".into())
        );
        assert_eq!(
            relate_of(
                "Russia-China trade fell 5% in 2022.",
                "Russia-China trade dropped by about 5% in 2022."
            ),
            Relation::Agree
        );
        assert_eq!(
            relate_of(
                "Russia-China trade fell 5% in 2022.",
                "Russia-China trade fell 9% in 2022."
            ),
            Relation::Conflict(
                "down 5% vs down 9%: 4 points apart, intervals do not overlap".into()
            )
        );
        assert_eq!(
            relate_of(rise, "Russia-China trade rose about 5% in 2022."),
            Relation::Agree
        );
    }

    #[test]
    fn names_must_agree_for_the_same_subject() {
        let w = TermWeights::default();
        let a = named(&["pipelin", "zelamont"], &["zelamont"]);
        let b = named(&["pipelin", "quennia"], &["quennia"]);
        let unnamed = named(&["pipelin"], &[]);
        let both = named(&["trade", "russia", "china"], &["china", "russia"]);
        let one = named(&["trade", "russia"], &["russia"]);
        let other = named(&["trade", "russia", "india"], &["india", "russia"]);
        assert!(!same_subject(&a, &b, &w), "two pipelines");
        assert!(
            same_subject(&a, &unnamed, &w),
            "a subject that names nothing"
        );
        assert!(same_subject(&both, &one, &w), "one name among the other's");
        assert!(
            !same_subject(&both, &other, &w),
            "Russia-China is not Russia-India"
        );
    }

    #[test]
    fn an_acronym_is_the_names_it_spells() {
        let w = TermWeights::default();
        let full = named(
            &["swiss", "nation", "bank", "bought", "currenc"],
            &["bank", "nation", "swiss"],
        );
        let short = named(&["snb", "bought", "currenc"], &["snb"]);
        assert!(same_subject(&full, &short, &w));
        assert!(same_subject(&short, &full, &w));
        // Initials out of order, or another bank's, are not.
        let other = named(&["ecb", "bought", "currenc"], &["ecb"]);
        assert!(!same_subject(&full, &other, &w));
        let shuffled = named(
            &["nation", "swiss", "bank", "bought", "currenc"],
            &["bank", "nation", "swiss"],
        );
        assert!(!same_subject(&shuffled, &short, &w));
    }

    #[test]
    fn names_alone_do_not_make_one_subject() {
        let w = TermWeights::default();
        // Whose figure it is (Gazprom) shared, what it measures not.
        let profit = named(&["gazprom", "profit"], &["gazprom"]);
        let exports = named(&["gazprom", "export"], &["gazprom"]);
        assert!(!same_subject(&profit, &exports, &w));
        // What it measures shared, or said by one only.
        let profits = named(&["gazprom", "net", "profit"], &["gazprom"]);
        assert!(same_subject(&profit, &profits, &w));
        let bare = named(&["gazprom"], &["gazprom"]);
        assert!(same_subject(&profit, &bare, &w));
    }

    proptest::proptest! {
        /// The stack path of [`subject_similarity`] gives the sets' value,
        /// bit for bit.
        #[test]
        fn small_subjects_compare_as_sets_do(
            a in proptest::collection::vec("(trade|gas|russia|china|pipelin|border|a|b|c|d|e|f)", 0..=8),
            b in proptest::collection::vec("(trade|gas|russia|china|pipelin|border|a|b|c|d|e|f)", 0..=8),
        ) {
            let s = |v: &[String]| v.iter().map(|x| Shared::from(x.as_str())).collect::<Vec<Shared>>();
            let (a, b) = (s(&a), s(&b));
            let corpus = [a.clone(), b.clone(), s(&["trade".into(), "gas".into()]), s(&["trade".into()])];
            let w = TermWeights::new(corpus.par_iter().map(|v| v.as_slice()));
            proptest::prop_assert_eq!(
                subject_similarity(&a, &b, &w).to_bits(),
                similarity_by_sets(&a, &b, &w).to_bits()
            );
        }
    }

    #[test]
    fn subject_similarity_weights_rare_terms() {
        let s = |v: &[&str]| v.iter().map(|&x| x.into()).collect::<Vec<Shared>>();
        let subjects = [
            s(&["trade", "russia", "china"]),
            s(&["border", "russia", "china"]),
            s(&["trade", "turnov"]),
        ];
        let w = TermWeights::new(subjects.par_iter().map(|v| v.as_slice()));
        let trade = subject_similarity(&subjects[0], &subjects[2], &w);
        let border = subject_similarity(&subjects[0], &subjects[1], &w);
        assert!(trade > 0.0 && border > 0.0);
        assert!(
            subject_similarity(&s(&["border"]), &s(&["border", "length"]), &w)
                >= SUBJECT_SIMILARITY
        );
    }

    #[test]
    fn numbers_read_well() {
        assert_eq!(show_number(185e9, "USD"), "$185 billion");
        assert_eq!(show_number(4200.0, "km"), "4,200 km");
        assert_eq!(show_number(7.1, "magnitude"), "magnitude 7.1");
        assert_eq!(show_number(41.2, "celsius"), "41.2°C");
        assert_eq!(show_number(0.239, "kg"), "239 g");
        assert_eq!(show_number(1.5, "years"), "18 months");
        assert_eq!(show_number(0.25, "years"), "3 months");
        assert_eq!(show_number(6.0, "years"), "6 years");
        assert_eq!(show_number(0.75 / 24.0, "days"), "45 minutes");
        assert_eq!(show_number(11.0 / 24.0, "days"), "11 hours");
        assert_eq!(show_number(1.5, "days"), "36 hours");
        assert_eq!(show_number(2.0, "days"), "2 days");
        assert_eq!(show_number(14.0, "days"), "14 days");
        assert_eq!(show_number(20.0, "kg"), "20 kg");
        assert_eq!(show_number(26.0, "percent"), "26%");
        assert_eq!(show_number(38e9, "m3"), "38 billion m3");
        assert_eq!(show_number(1.25e6, "count"), "1.25 million");
    }
}
