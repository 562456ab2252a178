//! Candidate retrieval. Scan and check never compare every item with every
//! other: quotations are looked up by their content words (an inverted index
//! weighted by rarity), figures by unit and subject term. Only the
//! candidates an index returns are aligned or compared.

use crate::compare::{self, QuoteForm, TermWeights};
use crate::extract::{Figure, Quote};
use crate::normalize::{fold, is_function_word, words};
use crate::text::Shared;
use rayon::prelude::*;
// Fx hashing: keys are words and folds looked up millions of times.
use rustc_hash::FxHashMap as HashMap;

thread_local! {
    /// [`QuoteIndex::ranked`]'s scores by distinct text, all 0 between
    /// queries, the texts a query touched, and the weights of the words it
    /// did not read by word (all 0 between queries).
    static SCORES: std::cell::RefCell<(Vec<f64>, Vec<u32>, Vec<f64>)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new(), Vec::new())) };
}

/// Most candidates a quotation lookup returns, best first.
pub const MAX_QUOTE_CANDIDATES: usize = 64;
/// Most postings a quotation lookup reads beyond its rarest word's: the
/// bound that keeps a lookup's cost from growing with the corpus (see
/// `QuoteIndex::ranked`).
pub const LOOKUP_BUDGET: usize = 2_048;
/// Content words of a quotation, lowercase and spelling-normalised.
pub fn content_words(text: &str) -> Vec<String> {
    content_words_of(&words(text))
}

/// [`content_words`] of words already normalised.
fn content_words_of(words: &[String]) -> Vec<String> {
    let mut w: Vec<String> = words
        .iter()
        .filter(|w| !is_function_word(w))
        .cloned()
        .collect();
    w.sort();
    w.dedup();
    w
}

/// The distinct quotations of a corpus (equal [`fold`]s are one) with an
/// inverted index of them by content word. Comparisons run on distinct
/// texts, prepared once ([`QuoteForm`]); each distinct text lists the
/// quotations that carry it.
pub struct QuoteIndex {
    forms: Vec<QuoteForm>,
    members: Vec<Vec<u32>>,
    of_quote: Vec<u32>,
    /// Content word -> its number in `postings`.
    vocabulary: HashMap<String, u32>,
    /// Per content word, the distinct texts holding it, in order.
    postings: Vec<Vec<u32>>,
    /// The content words' numbers of all distinct texts, one after the
    /// other: text `d`'s are `content[content_at[d]..content_at[d + 1]]`
    /// (one allocation, so that a lookup reading the words of many texts
    /// reads them from one place).
    content: Vec<u32>,
    content_at: Vec<u32>,
}

impl QuoteIndex {
    pub fn new(quotes: &[Quote]) -> Self {
        // Raw text first (cheap, one pass), then the fold of each distinct
        // raw text (in parallel), then the distinct folds: numbered in the
        // order of the first quotation holding each, as one pass over the
        // quotations would number them.
        let mut by_raw: HashMap<&str, u32> = HashMap::default();
        let mut raws: Vec<&str> = Vec::new();
        let raw_of: Vec<u32> = quotes
            .iter()
            .map(|q| {
                *by_raw.entry(&*q.text).or_insert_with(|| {
                    raws.push(&q.text);
                    (raws.len() - 1) as u32
                })
            })
            .collect();
        drop(by_raw);
        let folds: Vec<String> = raws.par_iter().map(|t| fold(t)).collect();
        let mut by_fold: HashMap<&str, u32> = HashMap::default();
        // Each distinct text's first quotation's text, which is prepared.
        let mut firsts: Vec<&str> = Vec::new();
        let distinct_of_raw: Vec<u32> = raws
            .iter()
            .zip(&folds)
            .map(|(&raw, f)| {
                *by_fold.entry(f.as_str()).or_insert_with(|| {
                    firsts.push(raw);
                    (firsts.len() - 1) as u32
                })
            })
            .collect();
        drop(by_fold);
        let mut members: Vec<Vec<u32>> = vec![Vec::new(); firsts.len()];
        let of_quote: Vec<u32> = raw_of
            .iter()
            .enumerate()
            .map(|(i, &r)| {
                let d = distinct_of_raw[r as usize];
                members[d as usize].push(i as u32);
                d
            })
            .collect();
        let forms: Vec<QuoteForm> = firsts.par_iter().map(|t| QuoteForm::new(t)).collect();
        // Each text's content words in parallel; numbered in text order.
        let words: Vec<Vec<String>> = forms
            .par_iter()
            .map(|form| content_words_of(&form.words))
            .collect();
        let mut vocabulary: HashMap<String, u32> = HashMap::default();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut content: Vec<u32> = Vec::with_capacity(words.iter().map(Vec::len).sum());
        let mut content_at: Vec<u32> = Vec::with_capacity(forms.len() + 1);
        content_at.push(0);
        for (d, ws) in words.into_iter().enumerate() {
            for w in ws {
                let next = postings.len() as u32;
                let id = *vocabulary.entry(w).or_insert(next);
                if id == next {
                    postings.push(Vec::new());
                }
                postings[id as usize].push(d as u32);
                content.push(id);
            }
            content_at.push(u32::try_from(content.len()).expect("fewer than 4e9 content words"));
        }
        QuoteIndex {
            forms,
            members,
            of_quote,
            vocabulary,
            postings,
            content,
            content_at,
        }
    }

    /// The content words' numbers of distinct text `d`.
    fn content_of(&self, d: usize) -> &[u32] {
        &self.content[self.content_at[d] as usize..self.content_at[d + 1] as usize]
    }

    /// How many distinct texts there are.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// The prepared form of distinct text `d`.
    pub fn form(&self, d: usize) -> &QuoteForm {
        &self.forms[d]
    }

    /// The quotations (indexes into the corpus) carrying distinct text `d`,
    /// in corpus order.
    pub fn members(&self, d: usize) -> impl Iterator<Item = usize> + '_ {
        self.members[d].iter().map(|&i| i as usize)
    }

    /// The distinct text of quotation `i`.
    pub fn distinct_of(&self, i: usize) -> usize {
        self.of_quote[i] as usize
    }

    /// Distinct texts sharing content words with `words` (a prepared
    /// quotation's words), best (rarest shared words) first, at most
    /// [`MAX_QUOTE_CANDIDATES`]. A word held by more than a tenth of all
    /// distinct texts is used only when the query has no rarer word. The
    /// candidates are the texts holding one of the query's rarest words, as
    /// many words as [`LOOKUP_BUDGET`] allows (see `QuoteIndex::ranked`).
    pub fn candidates(&self, words: &[String]) -> Vec<usize> {
        let ids = content_words_of(words)
            .iter()
            .filter_map(|w| self.vocabulary.get(w).copied())
            .collect();
        self.ranked(ids, LOOKUP_BUDGET)
    }

    /// [`QuoteIndex::candidates`] for the words of distinct text `d`
    /// (itself among them), from the words indexed for it.
    pub fn candidates_of(&self, d: usize) -> Vec<usize> {
        self.ranked(self.content_of(d).to_vec(), LOOKUP_BUDGET)
    }

    /// The distinct texts holding a query's content words (`ids`), best
    /// first, at most [`MAX_QUOTE_CANDIDATES`].
    ///
    /// The postings are read rarest word first, as many words as `budget`
    /// postings allow (the rarest always): the texts they hold are the
    /// candidates. Each candidate is then scored on all the query's words
    /// (the weights of those it holds): the words not read are added from
    /// the rest of their postings or from each candidate's own words,
    /// whichever is cheaper ([`Rest`]). So a lookup costs at most the
    /// budget and the words of the texts it touched, whatever the size of
    /// the corpus, and a text it touches gets the score a reading of every
    /// list would give it. What the budget gives up are the texts that
    /// share only common words with the query; the same quotation, a
    /// fragment of it or a variant shares its rarer words too, unless
    /// those are the very words it changed.
    fn ranked(&self, ids: Vec<u32>, budget: usize) -> Vec<usize> {
        self.ranked_by(ids, budget, Rest::Cheaper)
    }

    /// [`QuoteIndex::ranked`], with the words not read added `way`.
    fn ranked_by(&self, ids: Vec<u32>, budget: usize, way: Rest) -> Vec<usize> {
        let n = self.forms.len();
        let (read, rest) = self.weighted(ids, budget);
        // Scores in a dense table (one slot per distinct text, kept per
        // thread and cleared after each query) instead of a hash map: the
        // same sums in the same order, without hashing or rehashing.
        let mut best: Vec<Ranked> = SCORES.with_borrow_mut(|(score, touched, weight)| {
            if score.len() < n {
                score.resize(n, 0.0);
                // One more: a text is put down at `len` even when all `n`
                // are touched already.
                touched.resize(n + 1, 0);
            }
            // The texts touched so far are `touched[..len]`; each is put
            // down at `len`, which moves on only the first time (no branch
            // to mispredict on the text's slot).
            let mut len = 0;
            for &(id, idf) in &read {
                for &i in &self.postings[id as usize] {
                    let slot = &mut score[i as usize];
                    touched[len] = i;
                    len += usize::from(*slot == 0.0);
                    *slot += idf;
                }
            }
            // The words not read add their weights to the texts touched
            // (weights are whole multiples of a power of two, so that sums
            // are exact in any order). Two ways to the same scores, the
            // cheaper taken: the rest of the postings, for the touched texts
            // only; or each touched text's own words against a weight table
            // by word (0 for the others: adding 0 leaves a score as it is),
            // and only for the texts that could still be kept (a score grows
            // by at most the weights not read, and the last kept will score
            // at least the last kept so far).
            if !rest.is_empty() {
                let postings: usize = rest
                    .iter()
                    .map(|&(id, _)| self.postings[id as usize].len())
                    .sum();
                let words_a_text = self.content.len() / n.max(1) + 1;
                let by_postings = match way {
                    Rest::Cheaper => postings <= len.saturating_mul(words_a_text),
                    Rest::Postings => true,
                    Rest::OwnWords => false,
                };
                if by_postings {
                    for &(id, idf) in &rest {
                        for &i in &self.postings[id as usize] {
                            // Without a branch (a text is touched or not
                            // at random): an untouched text's 0 gets 0.
                            let slot = &mut score[i as usize];
                            *slot += idf * f64::from(u8::from(*slot != 0.0));
                        }
                    }
                } else {
                    if weight.len() < self.postings.len() {
                        weight.resize(self.postings.len(), 0.0);
                    }
                    let most: f64 = rest.iter().map(|&(_, idf)| idf).sum();
                    let last = if len > MAX_QUOTE_CANDIDATES {
                        let mut kept: Vec<f64> =
                            touched[..len].iter().map(|&i| score[i as usize]).collect();
                        *kept
                            .select_nth_unstable_by(MAX_QUOTE_CANDIDATES - 1, |a, b| b.total_cmp(a))
                            .1
                    } else {
                        f64::NEG_INFINITY
                    };
                    for &(id, idf) in &rest {
                        weight[id as usize] = idf;
                    }
                    for &i in &touched[..len] {
                        let slot = &mut score[i as usize];
                        if *slot + most >= last {
                            for &w in self.content_of(i as usize) {
                                *slot += weight[w as usize];
                            }
                        }
                    }
                    for &(id, _) in &rest {
                        weight[id as usize] = 0.0;
                    }
                }
            }
            // The best [`MAX_QUOTE_CANDIDATES`] in one pass, in a heap whose
            // top is the worst kept: most touched texts lose to it on one
            // comparison, and no list of all of them is made.
            let mut heap = std::collections::BinaryHeap::with_capacity(MAX_QUOTE_CANDIDATES);
            for &i in &touched[..len] {
                let c = Ranked(i, score[i as usize]);
                score[i as usize] = 0.0;
                if heap.len() < MAX_QUOTE_CANDIDATES {
                    heap.push(c);
                } else if heap.peek().is_some_and(|worst| c < *worst)
                    && let Some(mut worst) = heap.peek_mut()
                {
                    *worst = c;
                }
            }
            heap.into_vec()
        });
        // Best score first, ties by index (a total order: the same texts
        // and order whatever order they were touched in).
        best.sort_unstable();
        best.into_iter().map(|c| c.0 as usize).collect()
    }

    /// The words of a query that [`QuoteIndex::ranked`] scores, each with
    /// its weight, rarest first: those whose postings are read (within
    /// `budget`, the first always) and the rest. A word held by more than a
    /// tenth of all distinct texts is left out when the query has a rarer
    /// one. A weight is at least 1 (a list holds at most all the texts), so
    /// a score still 0 is a text not touched.
    fn weighted(&self, mut ids: Vec<u32>, budget: usize) -> (Weighted, Weighted) {
        let n = self.forms.len();
        let common = (n / 10).max(50);
        let size = |id: &u32| self.postings[*id as usize].len();
        if ids.iter().any(|id| size(id) <= common) {
            ids.retain(|id| size(id) <= common);
        }
        // Rarest first; equally rare words in the order given.
        ids.sort_by_key(size);
        let mut postings = 0usize;
        let keep = ids
            .iter()
            .take_while(|id| {
                let first = postings == 0;
                postings = postings.saturating_add(size(id));
                first || postings <= budget
            })
            .count();
        // A weight in whole 2^-20ths: sums of them are exact (far from the
        // 53 bits of a float), so that a score is the same whatever order
        // its words are added in.
        let weigh = |id: u32| {
            let idf = ((n as f64 + 1.0) / (size(&id) as f64)).ln() + 1.0;
            (id, (idf * WEIGHT_UNIT).round() / WEIGHT_UNIT)
        };
        let rest = ids.split_off(keep);
        (
            ids.into_iter().map(weigh).collect(),
            rest.into_iter().map(weigh).collect(),
        )
    }
}

/// How [`QuoteIndex::ranked`] adds the weights of the words whose postings
/// it did not read to the texts it touched: the same scores either way.
#[derive(Clone, Copy)]
#[cfg_attr(
    not(test),
    allow(dead_code, reason = "lookups take the cheaper way; tests force each")
)]
enum Rest {
    /// The cheaper of the two below.
    Cheaper,
    /// From those words' postings, for the touched texts only.
    Postings,
    /// From each touched text's own words.
    OwnWords,
}

/// The weights' unit is 1 / this (see [`QuoteIndex::weighted`]).
const WEIGHT_UNIT: f64 = (1u64 << 20) as f64;

/// A query's content words' numbers, each with its weight.
type Weighted = Vec<(u32, f64)>;

/// A candidate distinct text and its score, ordered best first: higher
/// score, then lower index.
#[derive(Clone, Copy)]
struct Ranked(u32, f64);

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        other.1.total_cmp(&self.1).then(self.0.cmp(&other.0))
    }
}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Ranked {}

/// What decides whether two figures are about the same thing
/// ([`compare::same_subject`]): unit, subject terms, head and name numbers.
/// Figures with equal keys are compared once, through one representative.
/// The key borrows its words from the figure: a key is made for every
/// figure, and copying the shared words would count references to the
/// same few words from every thread at once.
#[derive(PartialEq, Eq, Hash)]
struct SubjectKey<'a> {
    unit: &'static str,
    /// Sorted, without repeats (equal and ordered as their words are).
    terms: Vec<&'a Shared>,
    head: Option<&'a str>,
    name_numbers: &'a [Shared],
    names: &'a [Shared],
    /// What a figure is compared as: share, change, earlier
    /// ([`compare::compared_kind`]).
    kind: Option<&'static str>,
    /// What it is counted per ([`compare::basis`]).
    basis: Option<&'static str>,
}

impl<'a> SubjectKey<'a> {
    fn of(f: &'a Figure) -> Self {
        let mut terms: Vec<&Shared> = f.subject.terms.iter().collect();
        terms.sort_unstable();
        terms.dedup();
        SubjectKey {
            unit: f.unit,
            terms,
            head: f.subject.head.as_deref(),
            name_numbers: &f.subject.name_numbers,
            names: &f.subject.names,
            kind: compare::compared_kind(f),
            basis: compare::basis(f),
        }
    }
}

/// A [`SubjectKey`] with its hash, taken where the key is made (in
/// parallel): the map that numbers the keys, one figure after the other,
/// then only compares.
struct Hashed<'a> {
    hash: u64,
    key: SubjectKey<'a>,
}

impl Hashed<'_> {
    fn new(key: SubjectKey<'_>) -> Hashed<'_> {
        use std::hash::BuildHasher;
        Hashed {
            hash: rustc_hash::FxBuildHasher.hash_one(&key),
            key,
        }
    }
}

impl PartialEq for Hashed<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && self.key == other.key
    }
}

impl Eq for Hashed<'_> {}

impl std::hash::Hash for Hashed<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// Index of figures by unit and subject term, with the subject-term weights.
/// Figures are indexed by subject key: the figures that share one are
/// compared with others once, not one by one.
pub struct FigureIndex {
    /// A representative figure and the members of each subject key.
    keys: Vec<(u32, Vec<u32>)>,
    /// Unit -> subject term -> the subject keys holding both.
    postings: HashMap<&'static str, HashMap<Shared, Vec<u32>>>,
    pub weights: TermWeights,
}

/// Most subject keys one subject term may retrieve before it is too common
/// to use alone.
const MAX_FIGURE_POSTING: usize = 5_000;

impl FigureIndex {
    /// Indexes the figures that can be compared (noise is left out).
    pub fn new(figures: &[Figure]) -> Self {
        let weights = TermWeights::new(
            figures
                .par_iter()
                .filter(|f| !f.noise)
                .map(|f| &f.subject.terms[..]),
        );
        let mut by_key: HashMap<Hashed, u32> = HashMap::default();
        let mut keys: Vec<(u32, Vec<u32>)> = Vec::new();
        let mut postings: HashMap<&'static str, HashMap<Shared, Vec<u32>>> = HashMap::default();
        // The keys are made in parallel, a block of figures at a time (the
        // keys of all figures at once would be a large part of them), then
        // joined in corpus order. A figure with no subject terms shares a
        // term with nothing: it is never compared.
        const BLOCK: usize = 1 << 12;
        let made = figures.chunks(BLOCK).enumerate().flat_map(|(b, block)| {
            let keys: Vec<Option<Hashed>> = block
                .par_iter()
                .map(|f| {
                    (!f.noise && !f.subject.terms.is_empty())
                        .then(|| Hashed::new(SubjectKey::of(f)))
                })
                .collect();
            keys.into_iter()
                .enumerate()
                .map(move |(k, key)| (b * BLOCK + k, key))
        });
        for (i, key) in made {
            let Some(key) = key else {
                continue;
            };
            let k = match by_key.get(&key) {
                Some(&k) => k,
                None => {
                    let k = keys.len() as u32;
                    let by_term = postings.entry(key.key.unit).or_default();
                    for &t in &key.key.terms {
                        by_term.entry(t.clone()).or_default().push(k);
                    }
                    keys.push((i as u32, Vec::new()));
                    by_key.insert(key, k);
                    k
                }
            };
            keys[k as usize].1.push(i as u32);
        }
        FigureIndex {
            keys,
            postings,
            weights,
        }
    }

    /// Subject keys with the same unit sharing at least one subject term
    /// with `unit`/`terms`, in index order, without duplicates.
    fn candidate_keys(&self, unit: &str, terms: &[Shared]) -> Vec<usize> {
        let Some(by_term) = self.postings.get(unit) else {
            return Vec::new();
        };
        let mut lists: Vec<&Vec<u32>> = terms.iter().filter_map(|t| by_term.get(&**t)).collect();
        if lists.iter().any(|l| l.len() <= MAX_FIGURE_POSTING) {
            lists.retain(|l| l.len() <= MAX_FIGURE_POSTING);
        } else if let Some(shortest) = lists.iter().min_by_key(|l| l.len()).copied() {
            // Every term is very common: the shortest list alone bounds the work.
            lists = vec![shortest];
        }
        let mut out: Vec<usize> = lists.into_iter().flatten().map(|&k| k as usize).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The figures (in corpus order) about the same thing as `f`: same unit
    /// and [`compare::same_subject`].
    pub fn comparable(&self, figures: &[Figure], f: &Figure) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .candidate_keys(f.unit, &f.subject.terms)
            .into_iter()
            .filter(|&k| compare::same_subject(f, &figures[self.keys[k].0 as usize], &self.weights))
            .flat_map(|k| self.keys[k].1.iter().map(|&i| i as usize))
            .collect();
        out.sort_unstable();
        out
    }

    /// How many subject keys there are.
    pub fn key_count(&self) -> usize {
        self.keys.len()
    }

    /// The figures with subject key `k`, in corpus order.
    pub fn key_members(&self, k: usize) -> &[u32] {
        &self.keys[k].1
    }

    /// Pairs of distinct subject keys `(a, b)`, `a < b`, whose figures are
    /// about the same thing.
    /// In order of `a`, then `b`; the keys are taken in parallel.
    pub fn key_pairs(&self, figures: &[Figure]) -> Vec<(usize, usize)> {
        self.keys
            .par_iter()
            .enumerate()
            .flat_map_iter(|(a, (rep, _))| {
                let f = &figures[*rep as usize];
                self.candidate_keys(f.unit, &f.subject.terms)
                    .into_iter()
                    .filter(move |&b| {
                        b > a
                            && compare::same_subject(
                                f,
                                &figures[self.keys[b].0 as usize],
                                &self.weights,
                            )
                    })
                    .map(move |b| (a, b))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::testing::quote;
    use std::collections::BTreeSet;

    /// An index of one quotation per text, each on its own line.
    fn index_of(texts: &[impl AsRef<str>]) -> QuoteIndex {
        let quotes: Vec<Quote> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| quote("a", i + 1, t.as_ref(), None))
            .collect();
        QuoteIndex::new(&quotes)
    }

    #[test]
    fn a_distinct_texts_candidates_are_those_of_its_words() {
        let texts = [
            "we will build the bridge together",
            "we will build the bridge",
            "the bridge will be built by spring",
            "nothing in common here",
            "together we stand",
        ];
        let index = index_of(&texts);
        for d in 0..index.len() {
            assert_eq!(
                index.candidates_of(d),
                index.candidates(&index.form(d).words)
            );
        }
        assert_eq!(index.candidates_of(0), vec![0, 1, 4, 2]);
    }

    #[test]
    fn reordered_words_are_still_candidates() {
        // Two renderings with no two words in a row in common: a shingle
        // index would not bring them together; content words do.
        let index = index_of(&[
            "a partnership without limits",
            "limits to growth",
            "no further questions",
        ]);
        assert_eq!(
            index.candidates(&words("a no-limits partnership")),
            vec![0, 1]
        );
    }

    #[test]
    fn queries_leave_no_scores_behind() {
        let big = index_of(&[
            "bridges need steel",
            "steel prices rose",
            "prices of bridges",
            "nothing here",
        ]);
        let small = index_of(&["steel bridges"]);
        let first = (big.candidates_of(0), small.candidates_of(0));
        // The same answers again, in any order of queries and indexes.
        for _ in 0..3 {
            assert_eq!(small.candidates_of(0), first.1);
            assert_eq!(big.candidates_of(0), first.0);
        }
        assert_eq!(first, (vec![0, 1, 2], vec![0]));
    }

    #[test]
    fn a_query_touching_every_text_twice_is_answered() {
        // On a thread of its own, so that the per-thread tables are as
        // small as this index: both words of the one text touch it.
        let got = std::thread::spawn(|| {
            let one = index_of(&["steel bridges"]);
            let two = index_of(&["steel bridges", "bridges of steel"]);
            (one.candidates_of(0), two.candidates_of(1))
        })
        .join()
        .expect("no panic");
        assert_eq!(got, (vec![0], vec![0, 1]));
    }

    /// [`QuoteIndex::ranked`] by brute force: every text holding a word
    /// whose postings are read scored on every word of the query it holds
    /// (over the same weights, summed in the same order), all of them
    /// sorted, the first [`MAX_QUOTE_CANDIDATES`] kept.
    fn ranked_by_sorting(index: &QuoteIndex, d: usize, budget: usize) -> Vec<usize> {
        let (read, rest) = index.weighted(index.content_of(d).to_vec(), budget);
        let holds = |i: usize, id: u32| index.content_of(i).contains(&id);
        let mut all: Vec<(usize, f64)> = (0..index.len())
            .filter(|&i| read.iter().any(|&(id, _)| holds(i, id)))
            .map(|i| {
                let mut score = 0.0;
                for &(id, idf) in &read {
                    if holds(i, id) {
                        score += idf;
                    }
                }
                for &w in index.content_of(i) {
                    if let Some(&(_, idf)) = rest.iter().find(|&&(id, _)| id == w) {
                        score += idf;
                    }
                }
                (i, score)
            })
            .collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        all.into_iter()
            .take(MAX_QUOTE_CANDIDATES)
            .map(|(i, _)| i)
            .collect()
    }

    /// 1,500 texts of five words from eighty (520 distinct texts, most
    /// words in about twenty of them, below the common-word cut): a query
    /// touches more texts than are kept, with ties in score.
    fn crowded() -> QuoteIndex {
        let texts: Vec<String> = (0..1500)
            .map(|i| {
                let w = |k: usize| {
                    let n = ((i * k + i / 13) % 80) as u8;
                    format!(
                        "zo{}{}rv",
                        char::from(b'a' + n / 26),
                        char::from(b'a' + n % 26)
                    )
                };
                format!("{} {} {} {} {}", w(1), w(7), w(13), w(31), w(43))
            })
            .collect();
        let index = index_of(&texts);
        assert!(index.len() > 200);
        index
    }

    #[test]
    fn the_best_candidates_are_those_a_full_sort_keeps() {
        let index = crowded();
        let mut full = 0;
        for d in 0..index.len() {
            let got = index.candidates_of(d);
            full += usize::from(got.len() == MAX_QUOTE_CANDIDATES);
            assert_eq!(got, ranked_by_sorting(&index, d, LOOKUP_BUDGET), "text {d}");
        }
        assert!(full > 100, "most queries keep the most candidates: {full}");
    }

    #[test]
    fn a_lookup_within_its_budget_scores_what_it_touches_on_every_word() {
        // Budgets of about two and about four lists of twenty: each query
        // reads its rarest words and adds the others' weights to the texts
        // it touched, from the rest of the postings or from the texts' own
        // words, with the same answer either way (the larger budget touches
        // more texts than are kept, so that only those that could be kept
        // are weighed from their own words). The answer is
        // the brute force's over the same texts, and the query text itself
        // is always among them (it holds every word: no text scores more).
        let index = crowded();
        for budget in [50, 90] {
            let (mut fewer, mut crowded, mut fewest) = (0, 0, usize::MAX);
            for d in 0..index.len() {
                let (read, rest) = index.weighted(index.content_of(d).to_vec(), budget);
                assert!(!read.is_empty());
                fewer += usize::from(!rest.is_empty());
                let touched: BTreeSet<u32> = read
                    .iter()
                    .flat_map(|&(id, _)| index.postings[id as usize].iter().copied())
                    .collect();
                crowded += usize::from(!rest.is_empty() && touched.len() > MAX_QUOTE_CANDIDATES);
                let got = index.ranked(index.content_of(d).to_vec(), budget);
                assert_eq!(got, ranked_by_sorting(&index, d, budget), "text {d}");
                for way in [Rest::Postings, Rest::OwnWords] {
                    let by = index.ranked_by(index.content_of(d).to_vec(), budget, way);
                    assert_eq!(by, got, "text {d}");
                }
                assert!(got.contains(&d), "text {d}");
                fewest = fewest.min(got.len());
            }
            assert!(fewer > 100, "the budget binds on many queries: {fewer}");
            assert!(fewest > 1, "{fewest}");
            if budget == 90 {
                assert!(
                    crowded > 50,
                    "queries touching more than are kept: {crowded}"
                );
            }
        }
        // The rarest word is read whatever the budget.
        for d in 0..index.len() {
            let (read, _) = index.weighted(index.content_of(d).to_vec(), 0);
            assert_eq!(read.len(), 1);
            assert!(index.ranked(index.content_of(d).to_vec(), 0).contains(&d));
        }
    }

    #[test]
    fn content_words_drop_function_words() {
        assert_eq!(
            content_words("We are the best neighbours"),
            vec!["best", "neighbors"]
        );
    }
}
