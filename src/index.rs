//! Candidate retrieval. Scan and check never compare every item with every
//! other: quotations are looked up by their content words (an inverted index
//! weighted by rarity), figures by unit and subject term. Only the
//! candidates an index returns are aligned or compared.

use crate::compare::TermWeights;
use crate::extract::{Figure, Quote};
use crate::normalize::words;
use std::collections::HashMap;

/// Most candidates a quotation lookup returns, best first.
pub const MAX_QUOTE_CANDIDATES: usize = 64;
/// Words so common in quotations that they never retrieve anything alone.
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these",
    "those", "we", "our", "us", "i", "you", "he", "she", "they", "their", "his", "her", "will",
    "would", "have", "has", "had", "not", "no", "do", "does", "so", "all", "which", "who", "what",
];

/// Content words of a quotation, lowercase and spelling-normalised.
pub fn content_words(text: &str) -> Vec<String> {
    let mut w: Vec<String> = words(text)
        .into_iter()
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect();
    w.sort();
    w.dedup();
    w
}

/// Inverted index of quotations by content word.
pub struct QuoteIndex {
    postings: HashMap<String, Vec<u32>>,
    n: usize,
}

impl QuoteIndex {
    pub fn new(quotes: &[Quote]) -> Self {
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, q) in quotes.iter().enumerate() {
            for w in content_words(&q.text) {
                postings.entry(w).or_default().push(i as u32);
            }
        }
        QuoteIndex {
            postings,
            n: quotes.len(),
        }
    }

    /// Quotations sharing content words with `text`, best (rarest shared
    /// words) first, at most [`MAX_QUOTE_CANDIDATES`]. A word held by more
    /// than a tenth of all quotations is used only when the query has no
    /// rarer word.
    pub fn candidates(&self, text: &str) -> Vec<usize> {
        let query = content_words(text);
        let common = (self.n / 10).max(50);
        let mut lists: Vec<&Vec<u32>> = query.iter().filter_map(|w| self.postings.get(w)).collect();
        if lists.iter().any(|l| l.len() <= common) {
            lists.retain(|l| l.len() <= common);
        }
        let mut score: HashMap<u32, f64> = HashMap::new();
        for l in lists {
            let idf = ((self.n as f64 + 1.0) / (l.len() as f64)).ln() + 1.0;
            for &i in l.iter() {
                *score.entry(i).or_default() += idf;
            }
        }
        let mut ranked: Vec<(u32, f64)> = score.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(MAX_QUOTE_CANDIDATES);
        ranked.into_iter().map(|(i, _)| i as usize).collect()
    }
}

/// Index of figures by unit and subject term, with the subject-term weights.
pub struct FigureIndex {
    postings: HashMap<(String, String), Vec<u32>>,
    pub weights: TermWeights,
}

/// Most figures one subject term may retrieve before it is too common to
/// use alone.
const MAX_FIGURE_POSTING: usize = 5_000;

impl FigureIndex {
    /// Indexes the figures that can be compared (noise is left out).
    pub fn new(figures: &[Figure]) -> Self {
        let weights = TermWeights::new(
            figures
                .iter()
                .filter(|f| !f.noise)
                .map(|f| f.subject.terms.as_slice()),
        );
        let mut postings: HashMap<(String, String), Vec<u32>> = HashMap::new();
        for (i, f) in figures.iter().enumerate() {
            if f.noise {
                continue;
            }
            let mut terms = f.subject.terms.clone();
            terms.sort();
            terms.dedup();
            for t in terms {
                postings
                    .entry((f.unit.clone(), t))
                    .or_default()
                    .push(i as u32);
            }
        }
        FigureIndex { postings, weights }
    }

    /// Figures with the same unit sharing at least one subject term with
    /// `unit`/`terms`, in index order, without duplicates.
    pub fn candidates(&self, unit: &str, terms: &[String]) -> Vec<usize> {
        let mut lists: Vec<&Vec<u32>> = terms
            .iter()
            .filter_map(|t| self.postings.get(&(unit.to_string(), t.clone())))
            .collect();
        if lists.iter().any(|l| l.len() <= MAX_FIGURE_POSTING) {
            lists.retain(|l| l.len() <= MAX_FIGURE_POSTING);
        } else if let Some(shortest) = lists.iter().min_by_key(|l| l.len()).copied() {
            // Every term is very common: the shortest list alone bounds the work.
            lists = vec![shortest];
        }
        let mut out: Vec<usize> = lists.into_iter().flatten().map(|&i| i as usize).collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_words_drop_function_words() {
        assert_eq!(
            content_words("We are the best neighbours"),
            vec!["best", "neighbors"]
        );
    }
}
