//! Subjects: what a figure measures, from the words around it in its
//! sentence, as display text and normalised terms (lowercase, stop words
//! dropped, irregular verbs mapped, Snowball-stemmed) for matching.

use crate::extract::Subject;
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

/// Words that never name what a figure measures.
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "with",
    "by",
    "from",
    "as",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "it",
    "its",
    "this",
    "that",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "there",
    "their",
    "they",
    "them",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "us",
    "you",
    "your",
    "i",
    "my",
    "me",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "do",
    "does",
    "did",
    "not",
    "no",
    "so",
    "than",
    "then",
    "also",
    "just",
    "only",
    "about",
    "around",
    "some",
    "over",
    "more",
    "less",
    "nearly",
    "almost",
    "up",
    "at",
    "least",
    "most",
    "under",
    "above",
    "below",
    "roughly",
    "approximately",
    "estimated",
    "close",
    "record",
    "year",
    "years",
    "month",
    "months",
    "last",
    "this",
    "next",
    "past",
    "since",
    "until",
    "during",
    "while",
    "per",
    "cent",
    "percent",
    "said",
    "says",
    "say",
    "told",
    "according",
    "reached",
    "reach",
    "reaching",
    "hit",
    "totaled",
    "totalled",
    "total",
    "amounted",
    "amount",
    "stood",
    "stands",
    "stand",
    "rose",
    "rise",
    "risen",
    "grew",
    "grow",
    "grown",
    "growing",
    "fell",
    "fall",
    "fallen",
    "climbed",
    "increased",
    "increase",
    "decreased",
    "jumped",
    "surged",
    "dropped",
    "exceeded",
    "exceed",
    "topped",
    "surpassed",
    "expected",
    "projected",
    "forecast",
    "goal",
    "target",
    "aim",
    "plan",
    "plans",
    "set",
    "new",
    "some",
    "other",
    "both",
    "all",
    "each",
    "very",
    "into",
    "out",
    "such",
    "now",
    "already",
    "still",
    "even",
    "first",
    "second",
    "billion",
    "million",
    "trillion",
    "thousand",
    "dollars",
    "yuan",
    "rubles",
    "roubles",
    "km",
    "bcm",
    "times",
    "almost",
    "than",
    "out",
    "well",
    "much",
    "its",
    "it's",
    "mr",
    "mrs",
    "ms",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "share",
    "shares",
    "stretches",
    "stretch",
    "runs",
    "spans",
    "long",
    "worth",
    "value",
    "valued",
    "figure",
    "level",
    "mark",
    "around",
    "roughly",
    "between",
    "sides",
    "side",
    "countries",
    "country",
    "two",
    "both",
    "nations",
    "nation",
    "bilateral",
    "annual",
    "annually",
    "a",
    "an",
];

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

static STOP_SET: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| STOP.iter().copied().collect());

/// Whether a lowercase word can name what a figure measures.
fn is_content(lw: &str) -> bool {
    lw.len() >= 2 && !STOP_SET.contains(lw) && !lw.chars().any(|c| c.is_ascii_digit())
}

fn clean_word(w: &str) -> String {
    let lw = w.to_lowercase();
    let lw = lw.trim_matches(|c: char| !c.is_alphanumeric());
    let lw = lw
        .strip_suffix("'s")
        .or_else(|| lw.strip_suffix("’s"))
        .unwrap_or(lw);
    lw.to_string()
}

/// Irregular forms the Snowball stemmer leaves apart.
fn lemma(w: &str) -> &str {
    match w {
        "met" | "meetings" | "meeting" | "meets" => "meet",
        "signed" | "signing" => "sign",
        "held" => "hold",
        "turnover" => "trade",
        "bcm" => "gas",
        _ => w,
    }
}

/// Normalised content terms of a phrase: lowercase, stop words dropped,
/// irregulars mapped, stemmed; in order, without duplicates.
pub fn terms(words: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in words {
        let lw = clean_word(w);
        if !is_content(&lw) {
            continue;
        }
        let t = STEMMER.stem(lemma(&lw)).into_owned();
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// The words of `s` with their byte offsets.
fn words_with_offsets(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out
}

/// What the figure at `start..end` of `s` measures: up to five content words
/// before it in its clause (nearest first), plus the noun it counts or
/// modifies right after it.
pub fn subject(s: &str, start: usize, end: usize, counted: Option<&str>) -> Subject {
    let clause_start = s[..start].rfind([';', ':', '(', '—']).map_or(0, |i| i + 1);
    let words = words_with_offsets(s);
    let before: Vec<&str> = words
        .iter()
        .filter(|(o, _)| *o >= clause_start && *o < start)
        .map(|(_, w)| *w)
        .collect();
    let mut picked: Vec<&str> = Vec::new();
    for w in before.iter().rev() {
        if !is_content(&clean_word(w)) {
            continue;
        }
        picked.push(w);
        if picked.len() == 5 {
            break;
        }
    }
    picked.reverse();
    // A noun right after the figure ("a 4,200-kilometer border", "14
    // documents"), skipping one function word ("of trade").
    let after: Vec<&str> = words
        .iter()
        .filter(|(o, _)| *o >= end)
        .map(|(_, w)| *w)
        .take(3)
        .collect();
    let mut follow: Vec<&str> = Vec::new();
    if let Some(c) = counted {
        follow.push(c);
    } else if let Some(first) = after.first() {
        if is_content(&clean_word(first)) && first.chars().next().is_some_and(char::is_lowercase) {
            follow.push(first);
        } else if matches!(first.to_lowercase().as_str(), "of" | "in")
            && let Some(second) = after.get(1)
            && is_content(&clean_word(second))
        {
            follow.push(second);
        }
    }
    let mut all: Vec<&str> = follow.clone();
    all.extend(picked.iter().copied());
    let text_words: Vec<&str> = picked.iter().chain(follow.iter()).copied().collect();
    Subject {
        text: text_words.join(" "),
        terms: terms(&all),
    }
}
