//! Figure extraction: every quantity in a source with its value, unit,
//! qualifier interval, subject, period and modality.
//!
//! Per sentence (from [`crate::text`]): numbers in digits (with thousands
//! separators and decimals) or words, a magnitude (million, bn, "185B"), a
//! currency before or after, a unit after (km, bcm, %, percentage points,
//! tonnes, times, ...) or a counted noun ("14 documents"). Years, days of the
//! month, times of day, ordinals and numbers glued to letters ("G20") are
//! not figures. The qualifier words before a figure make its interval (see
//! [`interval`] and docs/figures.md); the period comes from
//! [`super::period`]; the subject is the phrase the figure quantifies.

use super::period;
use super::{Figure, Modality, Qualifier, Subject};
use crate::source::Document;
use crate::text::{blocks, sentences};
use regex::Regex;
use rust_stemmers::{Algorithm, Stemmer};
use std::sync::LazyLock;

/// Every figure in `doc`, in document order.
pub fn extract_figures(doc: &Document) -> Vec<Figure> {
    let text = &doc.text;
    let mut out = Vec::new();
    for block in blocks(text, doc.body_start..text.len()) {
        let block_text = &text[block.range.clone()];
        let noise_block = is_noise(block_text);
        for s in sentences(text, block.range.clone()) {
            sentence_figures(doc, s.start, &text[s.clone()], noise_block, &mut out);
        }
    }
    out
}

// ------------------------------------------------------------- qualifiers

/// How each qualifier turns a value `v` into an interval. `r` is the
/// rounding tolerance of the number as written (half a unit of its last
/// significant place: "240" is 235-245, "185" is 184.5-185.5, "33.7" is
/// 33.65-33.75). One table, mirrored in docs/figures.md.
pub fn interval(q: Qualifier, v: f64, r: f64) -> (f64, f64) {
    let a = v.abs();
    match q {
        Qualifier::Exact => (v - r, v + r),
        // about / around / some / roughly / approximately: ±10 %.
        Qualifier::About => (v - (0.10 * a).max(r), v + (0.10 * a).max(r)),
        // over / more than / above / exceeding: up to a third above.
        Qualifier::Over => (v, v + a / 3.0),
        // under / less than / fewer than / below: up to a quarter below.
        Qualifier::Under => (v - a / 4.0, v),
        // at least: the value up to half again.
        Qualifier::AtLeast => (v, v + a / 2.0),
        // up to / at most / no more than: a cap, anything from zero.
        Qualifier::AtMost => (0.0_f64.min(v), v),
        // nearly / almost / close to / just under: up to 10 % below.
        Qualifier::Nearly => (v - 0.10 * a, v),
        Qualifier::Range => (v - r, v + r),
    }
}

/// Qualifier phrases (lowercase) as they stand right before a number.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("just under", Qualifier::Nearly),
    ("just shy of", Qualifier::Nearly),
    ("close to", Qualifier::Nearly),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("approaching", Qualifier::Nearly),
    ("just over", Qualifier::Over),
    ("more than", Qualifier::Over),
    ("in excess of", Qualifier::Over),
    ("upwards of", Qualifier::Over),
    ("greater than", Qualifier::Over),
    ("exceeding", Qualifier::Over),
    ("over", Qualifier::Over),
    ("above", Qualifier::Over),
    ("at least", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("no fewer than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("up to", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("no more than", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("less than", Qualifier::Under),
    ("fewer than", Qualifier::Under),
    ("under", Qualifier::Under),
    ("below", Qualifier::Under),
    ("approximately", Qualifier::About),
    ("approx.", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("roughly", Qualifier::About),
    ("around", Qualifier::About),
    ("about", Qualifier::About),
    ("some", Qualifier::About),
    ("circa", Qualifier::About),
    ("~", Qualifier::About),
];

/// The qualifier right before `pos` in `s` and where its words start.
fn qualifier_before(s: &str, pos: usize) -> Option<(Qualifier, usize)> {
    let start = crate::text::floor_char_boundary(s, pos.saturating_sub(24));
    let before = s[start..pos].to_lowercase();
    let trimmed = before.trim_end();
    // "a record $185 billion": skip the attribute between qualifier and number.
    let trimmed = trimmed
        .strip_suffix("a record")
        .or_else(|| trimmed.strip_suffix("record"))
        .map_or(trimmed, str::trim_end);
    for (phrase, q) in QUALIFIERS {
        if let Some(rest) = trimmed.strip_suffix(phrase)
            && (rest.is_empty() || rest.ends_with(|c: char| !c.is_alphanumeric()))
        {
            return Some((*q, start + rest.len()));
        }
    }
    None
}

// ---------------------------------------------------------------- numbers

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<cur>US\$|\$|€|£|¥|(?-u:\b)(?:USD|EUR|RMB|CNY|RUB|GBP)\ ?)?
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\ \u{202F}\u{A0}]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?P<mag>\ ?(?i:thousand|million|billion|trillion|mln|bln|bn|mn|tn)(?-u:\b)|(?:k|m|b|K|M|B|T)(?-u:\b))?",
    )
    .expect("number pattern compiles")
});

static NUMBER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    let units = "one|two|three|four|five|six|seven|eight|nine";
    let teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    let tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<w>a\s+dozen|dozens|half\s+a\s+dozen|a\s+third|a\s+quarter|twice|(?:a|one|two|three|four|five)\s+decades?|(?:{tens})(?:[-\s](?:{units}))?|{teens}|a\s+hundred|(?:{units})\s+hundred)(?P<mag>\s+(?:thousand|million|billion|trillion))?(?-u:\b)"
    ))
    .expect("number word pattern compiles")
});

fn word_value(w: &str) -> Option<f64> {
    let w = w.to_lowercase();
    let w: Vec<&str> = w
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|s| !s.is_empty())
        .collect();
    let small = |s: &str| -> Option<f64> {
        let names = [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ];
        if let Some(i) = names.iter().position(|n| *n == s) {
            return Some(i as f64);
        }
        let tens = [
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
        ];
        tens.iter()
            .position(|n| *n == s)
            .map(|i| (i as f64 + 2.0) * 10.0)
    };
    match w.as_slice() {
        ["a", "dozen"] => Some(12.0),
        ["dozens"] => Some(24.0),
        ["half", "a", "dozen"] => Some(6.0),
        ["a", "third"] => Some(100.0 / 3.0),
        ["a", "quarter"] => Some(25.0),
        ["twice"] => Some(2.0),
        ["a", "hundred"] => Some(100.0),
        [n, "hundred"] => small(n).map(|v| v * 100.0),
        [a, d] if d.starts_with("decade") => {
            let n = if *a == "a" { 1.0 } else { small(a)? };
            Some(n * 10.0)
        }
        [t, u] => Some(small(t)? + small(u)?),
        [t] => small(t),
        _ => None,
    }
}

fn magnitude(m: &str) -> f64 {
    match m.trim().to_lowercase().as_str() {
        "thousand" | "k" => 1e3,
        "million" | "mln" | "mn" | "m" => 1e6,
        "billion" | "bln" | "bn" | "b" => 1e9,
        "trillion" | "tn" | "t" => 1e12,
        _ => 1.0,
    }
}

/// Parses digits with `,`, space, thin or no-break space thousands
/// separators and a `.` decimal point. None for what does not fit or
/// overflows.
pub fn parse_number(s: &str) -> Option<f64> {
    if s.len() > 40 {
        return None;
    }
    let clean: String = s
        .chars()
        .filter(|c| !matches!(c, ',' | ' ' | '\u{202F}' | '\u{A0}'))
        .collect();
    let v: f64 = clean.parse().ok()?;
    v.is_finite().then_some(v)
}

/// Half a unit of the last significant place of a number as written:
/// "240" gives 5, "185" 0.5, "33.7" 0.05, "4,200" 50.
pub fn rounding(s: &str) -> f64 {
    let clean: String = s
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if let Some((_, frac)) = clean.split_once('.') {
        return 0.5 * 10f64.powi(-(frac.len() as i32));
    }
    let zeros = clean.chars().rev().take_while(|c| *c == '0').count();
    if zeros == clean.len() {
        return 0.5;
    }
    0.5 * 10f64.powi(zeros.min(12) as i32)
}

/// Half a unit of the last digit written: "30" gives 0.5, "33.7" 0.05.
fn digit_rounding(s: &str) -> f64 {
    match s.split_once('.') {
        Some((_, frac)) => 0.5 * 10f64.powi(-(frac.len() as i32)),
        None => 0.5,
    }
}

// ------------------------------------------------------------------ units

/// Unit phrases after a number: (lowercase prefix, canonical unit, factor).
/// Longest phrases first.
const UNITS: &[(&str, &str, f64)] = &[
    ("billion cubic meters", "m3", 1e9),
    ("billion cubic metres", "m3", 1e9),
    ("trillion cubic meters", "m3", 1e12),
    ("trillion cubic metres", "m3", 1e12),
    ("cubic meters", "m3", 1.0),
    ("cubic metres", "m3", 1.0),
    ("percentage points", "percentage-points", 1.0),
    ("percentage point", "percentage-points", 1.0),
    ("per cent", "percent", 1.0),
    ("percent", "percent", 1.0),
    ("pct", "percent", 1.0),
    ("%", "percent", 1.0),
    ("kilometers", "km", 1.0),
    ("kilometres", "km", 1.0),
    ("kilometer", "km", 1.0),
    ("kilometre", "km", 1.0),
    ("km", "km", 1.0),
    ("miles", "mi", 1.0),
    ("mile", "mi", 1.0),
    ("bcm", "m3", 1e9),
    ("tcm", "m3", 1e12),
    ("m³", "m3", 1.0),
    ("m3", "m3", 1.0),
    ("barrels", "barrels", 1.0),
    ("barrel", "barrels", 1.0),
    ("bbl", "barrels", 1.0),
    ("metric tons", "tonnes", 1.0),
    ("tonnes", "tonnes", 1.0),
    ("tonne", "tonnes", 1.0),
    ("tons", "tonnes", 1.0),
    ("ton", "tonnes", 1.0),
    ("years", "years", 1.0),
    ("year", "years", 1.0),
    ("-fold", "times", 1.0),
    ("fold", "times", 1.0),
    ("us dollars", "USD", 1.0),
    ("u.s. dollars", "USD", 1.0),
    ("dollars", "USD", 1.0),
    ("dollar", "USD", 1.0),
    ("usd", "USD", 1.0),
    ("yuan", "CNY", 1.0),
    ("renminbi", "CNY", 1.0),
    ("rmb", "CNY", 1.0),
    ("cny", "CNY", 1.0),
    ("rubles", "RUB", 1.0),
    ("roubles", "RUB", 1.0),
    ("ruble", "RUB", 1.0),
    ("rouble", "RUB", 1.0),
    ("rub", "RUB", 1.0),
    ("euros", "EUR", 1.0),
    ("euro", "EUR", 1.0),
    ("eur", "EUR", 1.0),
    ("pounds", "GBP", 1.0),
];

fn currency_symbol(c: &str) -> Option<&'static str> {
    match c.trim() {
        "$" | "US$" | "USD" => Some("USD"),
        "€" | "EUR" => Some("EUR"),
        "£" | "GBP" => Some("GBP"),
        "¥" | "RMB" | "CNY" => Some("CNY"),
        "RUB" => Some("RUB"),
        _ => None,
    }
}

/// The unit phrase at the start of `rest` (after an optional space or
/// hyphen): its canonical unit, factor and byte length (including the gap).
fn unit_after(rest: &str) -> Option<(&'static str, f64, usize)> {
    let gap = rest.len() - rest.trim_start_matches([' ', '-', '\u{a0}']).len();
    let gap = gap.min(2);
    let r = &rest[gap..];
    let lower: String = r.chars().take(24).collect::<String>().to_lowercase();
    for (phrase, unit, factor) in UNITS {
        if let Some(after) = lower.strip_prefix(phrase) {
            let glued = after.chars().next().is_some_and(char::is_alphanumeric);
            // "%" needs no word boundary; words do.
            if glued && phrase.chars().all(char::is_alphanumeric) {
                continue;
            }
            // "years" only as a duration: "40 years", not "40 years ago".
            return Some((unit, *factor, gap + phrase.len()));
        }
    }
    None
}

/// Words after a number that make it a count of things ("14 documents").
/// A plural-looking lowercase word that is not a unit or a function word.
fn counted_noun(rest: &str) -> Option<(String, usize)> {
    let r = rest.strip_prefix(' ')?;
    // Allow one modifier: "14 cooperation documents", "40 bilateral agreements".
    let mut consumed = 1;
    let mut words = Vec::new();
    for w in r.split(' ').take(2) {
        let word: String = w
            .chars()
            .take_while(|c| c.is_alphabetic() || *c == '-')
            .collect();
        if word.is_empty() || !word.chars().next().is_some_and(char::is_lowercase) {
            break;
        }
        consumed += w.len().min(word.len()) + 1;
        words.push(word);
        if words.last().is_some_and(|w| plural(w)) {
            break;
        }
    }
    let last = words.last()?;
    if !plural(last) || NOT_COUNTED.contains(&last.as_str()) {
        return None;
    }
    Some((last.clone(), consumed - 1))
}

fn plural(w: &str) -> bool {
    (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
        || matches!(w, "people" | "times" | "children" | "men" | "women")
}

const NOT_COUNTED: &[&str] = &[
    "was", "has", "is", "its", "this", "as", "years", "days", "hours", "minutes", "months",
    "weeks", "less", "plus", "percent",
];

// ---------------------------------------------------------------- subjects

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
fn subject(s: &str, start: usize, end: usize, counted: Option<&str>) -> Subject {
    let mut clause_start = s[..start]
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ';' | ':' | '(' | '—'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    // "Mr. Putin said trade reached $185 billion": the speaker before the
    // reporting verb is not what the figure measures.
    // ASCII lowercasing keeps byte offsets.
    let lower = s[clause_start..start].to_ascii_lowercase();
    if let Some(i) = [
        " said ",
        " says ",
        " told ",
        " according to ",
        " noted ",
        " added ",
    ]
    .iter()
    .filter_map(|v| lower.rfind(v).map(|i| i + v.len()))
    .max()
    {
        clause_start += i;
    }
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

// --------------------------------------------------------------- modality

const TARGET_WORDS: &[&str] = &[
    "goal",
    "goals",
    "target",
    "targets",
    "targeted",
    "aim",
    "aims",
    "aimed",
    "aiming",
    "plan to",
    "plans to",
    "planned",
    "seek to",
    "seeks to",
    "pledge",
    "pledged",
    "ambition",
    "objective",
    "intend",
    "intends",
    "want to",
    "wants to",
    "bring it to",
    "bring trade to",
    "set out to",
];
const FORECAST_WORDS: &[&str] = &[
    "expected",
    "expects",
    "projected",
    "projects",
    "projection",
    "forecast",
    "forecasts",
    "predicted",
    "predicts",
    "will reach",
    "will hit",
    "will exceed",
    "will top",
    "will grow",
    "will rise",
    "could reach",
    "could hit",
    "could top",
    "may reach",
    "might reach",
    "likely to",
    "set to reach",
    "on track to",
    "estimated to reach",
    "anticipated",
];

/// Target phrases (ids below `TARGET_WORDS.len()`) and forecast phrases,
/// searched in one pass.
static MODALITY: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(TARGET_WORDS.iter().chain(FORECAST_WORDS.iter()))
        .expect("modality phrases build")
});

fn modality(s: &str, start: usize, end: usize) -> Modality {
    let lo = crate::text::floor_char_boundary(s, start.saturating_sub(90));
    let from = s[lo..start].rfind([';', '.']).map_or(lo, |i| lo + i + 1);
    let to = crate::text::floor_char_boundary(s, (end + 14).min(s.len()));
    let window = s[from..to].to_lowercase();
    let mut found = Modality::Actual;
    for m in MODALITY.find_overlapping_iter(&window) {
        let before = window[..m.start()].chars().next_back();
        let after = window[m.end()..].chars().next();
        if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        if m.pattern().as_usize() < TARGET_WORDS.len() {
            return Modality::Target;
        }
        found = Modality::Forecast;
    }
    found
}

// ------------------------------------------------------------------ noise

/// Page furniture: subscription prompts, photo captions and credits, share
/// buttons, copyright lines. Figures in them are kept for `extract` but
/// marked `noise`, so they are never compared.
pub fn is_noise(block: &str) -> bool {
    let l = block.trim().to_lowercase();
    const STARTS: &[&str] = &[
        "photo",
        "image",
        "caption",
        "credit",
        "file photo",
        "picture",
        "subscribe",
        "sign up",
        "share",
        "advertisement",
        "read more",
        "related",
        "©",
        "copyright",
        "all rights reserved",
        "follow us",
        "newsletter",
        "[photo",
        "(photo",
    ];
    const CONTAINS: &[&str] = &[
        "subscribe",
        "subscription",
        "per month",
        "a month for",
        "/month",
        "newsletter",
        "all rights reserved",
        "photo:",
        "photo by",
        "(reuters)",
        "getty images",
        "(ap photo",
    ];
    STARTS.iter().any(|s| l.starts_with(s)) || CONTAINS.iter().any(|s| l.contains(s))
}

// --------------------------------------------------------------- sentence

/// The last `n` bytes or so of `s` (from a char boundary), lowercased.
fn lower_tail(s: &str, n: usize) -> String {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    s[i..].to_lowercase()
}

/// The first `n` bytes or so of `s` (to a char boundary), lowercased.
fn lower_head(s: &str, n: usize) -> String {
    s[..crate::text::floor_char_boundary(s, n.min(s.len()))].to_lowercase()
}

/// Bytes of context kept on each side of a figure in a long sentence.
const PASSAGE_WINDOW: usize = 400;

/// A number found in a sentence, before units and qualifiers.
#[derive(Clone, Debug)]
struct Raw {
    start: usize,
    end: usize,
    value: f64,
    round: f64,
    /// Half a unit of the last digit written (trailing zeros count): the
    /// tolerance of a range's explicit ends.
    digit: f64,
    currency: Option<&'static str>,
    has_magnitude: bool,
    plain_integer: bool,
    word: bool,
}

fn raw_numbers(s: &str) -> Vec<Raw> {
    let mut out = Vec::new();
    for c in NUMBER.captures_iter(s) {
        let whole = c.get(0).expect("match");
        let num = c.name("num").expect("num");
        // Glued to letters or inside codes, dates, times: not a figure.
        let before = s[..whole.start()].chars().next_back();
        let after = s[whole.end()..].chars().next();
        // A hyphen after a digit is a range ("30-40"), not a code.
        let range_dash = matches!(before, Some('-' | '–'))
            && s[..whole.start()]
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit());
        if before.is_some_and(|b| {
            b.is_alphanumeric() || matches!(b, '#' | '/' | '_' | '.' | ':' | '-' | '+' | '×')
        }) && c.name("cur").is_none()
            && !range_dash
        {
            continue;
        }
        if after.is_some_and(|a| a.is_alphanumeric() && c.name("mag").is_none()) {
            continue;
        }
        if after == Some(':') && s[whole.end() + 1..].starts_with(|x: char| x.is_ascii_digit()) {
            continue;
        }
        if after == Some('/')
            || (after == Some('-')
                && s[whole.end() + 1..].starts_with(|x: char| x.is_ascii_digit())
                && !lower_tail(&s[..whole.start()], 16)
                    .trim_end()
                    .ends_with("between"))
                && num.as_str().len() == 4
        {
            continue;
        }
        let Some(v) = parse_number(num.as_str()) else {
            continue;
        };
        let mag = c.name("mag").map_or(1.0, |m| magnitude(m.as_str()));
        let value = v * mag;
        if !value.is_finite() {
            continue;
        }
        out.push(Raw {
            start: whole.start(),
            end: whole.end(),
            value,
            round: rounding(num.as_str()) * mag,
            digit: digit_rounding(num.as_str()) * mag,
            currency: c.name("cur").and_then(|x| currency_symbol(x.as_str())),
            has_magnitude: c.name("mag").is_some(),
            plain_integer: !num.as_str().contains([',', '.', ' ', '\u{202F}', '\u{A0}']),
            word: false,
        });
    }
    for c in NUMBER_WORD.captures_iter(s) {
        let whole = c.get(0).expect("match");
        // Digits already cover this stretch? (`out` is in order.)
        let k = out.partition_point(|r: &Raw| r.end <= whole.start());
        if out.get(k).is_some_and(|r| r.start < whole.end()) {
            continue;
        }
        let w = c.name("w").expect("w").as_str();
        let lw = w.to_lowercase();
        // "the past decade", "a decade ago": periods, not figures.
        let before = lower_tail(&s[..whole.start()], 16);
        let before = before.trim_end();
        if lw.contains("decade")
            && (["past", "last", "next", "previous", "this", "the"]
                .iter()
                .any(|p| before.ends_with(p))
                || s[whole.end()..].trim_start().starts_with("ago"))
        {
            continue;
        }
        // "a third term" is an ordinal; "a third of" a fraction.
        if (lw.starts_with("a third") || lw.starts_with("a quarter"))
            && !lower_head(&s[whole.end()..], 4).starts_with(" of")
        {
            continue;
        }
        let Some(v) = word_value(w) else { continue };
        let mag = c.name("mag").map_or(1.0, |m| magnitude(m.as_str()));
        out.push(Raw {
            start: whole.start(),
            end: whole.end(),
            value: v * mag,
            round: if v.fract() == 0.0 {
                0.5 * mag
            } else {
                0.005 * v * mag
            },
            digit: if v.fract() == 0.0 {
                0.5 * mag
            } else {
                0.005 * v * mag
            },
            currency: None,
            has_magnitude: c.name("mag").is_some(),
            plain_integer: false,
            word: true,
        });
    }
    out.sort_by_key(|r| r.start);
    out
}

fn is_month_day(s: &str, r: &Raw) -> bool {
    if !r.plain_integer || r.value < 1.0 || r.value > 31.0 {
        return false;
    }
    let before: Vec<&str> = s[..r.start].split_whitespace().rev().take(1).collect();
    let after: Vec<&str> = s[r.end..].split_whitespace().take(1).collect();
    let month = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        w.len() >= 3
            && [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ]
            .iter()
            .any(|m| m.starts_with(&w))
    };
    before.first().is_some_and(month) || after.first().is_some_and(month)
}

fn sentence_figures(
    doc: &Document,
    base: usize,
    s: &str,
    noise_block: bool,
    out: &mut Vec<Figure>,
) {
    let raws = raw_numbers(s);
    if raws.is_empty() {
        return;
    }
    let noise = noise_block || is_noise(s);
    let periods = period::find(s, doc.date());
    let mut i = 0;
    while i < raws.len() {
        let mut first = raws[i].clone();
        let mut last = first.clone();
        // Ranges: "between 30 and 40", "30-40", "30 to 40", "$30-40 billion".
        let mut is_range = false;
        if let Some(next) = raws.get(i + 1) {
            let gap = s[first.end..next.start].trim().to_lowercase();
            let between = lower_tail(&s[..first.start], 16)
                .trim_end()
                .ends_with("between");
            if (matches!(gap.as_str(), "-" | "–" | "—" | "to") || between && gap == "and")
                && first.word == next.word
            {
                last = next.clone();
                is_range = true;
                i += 1;
            }
        }
        i += 1;
        // Magnitude and currency written once for a range apply to both.
        if is_range {
            if !first.has_magnitude && last.has_magnitude {
                let mag = (last.value
                    / parse_number(
                        &s[last.start..last.end]
                            .chars()
                            .filter(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
                            .collect::<String>(),
                    )
                    .unwrap_or(last.value))
                .max(1.0);
                first.value *= mag;
                first.round *= mag;
                first.digit *= mag;
            }
            first.currency = first.currency.or(last.currency);
        }
        let tail = &s[last.end..];
        let unit = unit_after(tail);
        let (unit_name, factor, unit_len, counted) = match unit {
            Some((u, f, len)) => (u.to_string(), f, len, None),
            None => match first.currency {
                Some(c) => (c.to_string(), 1.0, 0, None),
                None => match lower_head(tail.trim_start(), 40) {
                    t if t.starts_with("times") => {
                        let after_times = t["times".len()..].trim_start();
                        let ratio = [
                            "more", "higher", "larger", "bigger", "greater", "as much", "as many",
                            "as large", "as big", "faster", "the size",
                        ]
                        .iter()
                        .any(|w| after_times.starts_with(w));
                        let len = tail.len() - tail.trim_start().len() + "times".len();
                        (
                            if ratio { "times" } else { "count" }.to_string(),
                            1.0,
                            len,
                            if ratio {
                                None
                            } else {
                                Some("times".to_string())
                            },
                        )
                    }
                    _ => match counted_noun(tail) {
                        Some((noun, len)) => ("count".to_string(), 1.0, len, Some(noun)),
                        None => {
                            if first.word
                                && matches!(
                                    s[first.start..first.end].to_lowercase().as_str(),
                                    "twice"
                                )
                            {
                                ("times".to_string(), 1.0, 0, None)
                            } else if first.word
                                && s[first.start..first.end].to_lowercase().contains("third")
                            {
                                ("percent".to_string(), 1.0, 0, None)
                            } else {
                                continue;
                            }
                        }
                    },
                },
            },
        };
        // Years, days of the month and small number words are not figures.
        if unit.is_none()
            && first.currency.is_none()
            && counted.is_none()
            && unit_name != "times"
            && unit_name != "percent"
        {
            continue;
        }
        let year_like =
            first.plain_integer && (1800.0..=2200.0).contains(&first.value) && !first.has_magnitude;
        if year_like && first.currency.is_none() && unit_name == "count" {
            continue;
        }
        if is_month_day(s, &first) && unit_name == "count" {
            continue;
        }
        if first.word
            && first.value < 10.0
            && unit_name == "count"
            && counted.as_deref() != Some("times")
        {
            continue;
        }
        let mut low_v = first.value * factor;
        let mut high_v = last.value * factor;
        let r_low = first.round * factor;
        if !low_v.is_finite() || !high_v.is_finite() {
            continue;
        }
        let mut end = last.end + unit_len;
        // A currency written after ("185 billion USD") is in unit_len.
        end = crate::text::floor_char_boundary(s, end.min(s.len()));
        let (qualifier, start) = if is_range {
            let before = s[..first.start].trim_end();
            let st = before.len().checked_sub("between".len()).filter(|&i| {
                before.is_char_boundary(i) && before[i..].eq_ignore_ascii_case("between")
            });
            (Qualifier::Range, st.unwrap_or(first.start))
        } else {
            match qualifier_before(s, first.start) {
                Some((q, at)) => (q, at),
                None => (Qualifier::Exact, first.start),
            }
        };
        let (value, low, high) = if is_range {
            if high_v < low_v {
                std::mem::swap(&mut low_v, &mut high_v);
            }
            let (d_low, d_high) = (first.digit * factor, last.digit * factor);
            ((low_v + high_v) / 2.0, low_v - d_low, high_v + d_high)
        } else {
            let (l, h) = interval(qualifier, low_v, r_low);
            (low_v, l, h)
        };
        let mut attributes = Vec::new();
        if lower_tail(&s[..start], 12).trim_end().ends_with("record")
            || lower_head(&s[end..], 12).trim_start().starts_with("record")
        {
            attributes.push("record".to_string());
        }
        let mention = period::for_figure(&periods, s, start, end);
        let (per, note) = match mention {
            Some(m) => (m.period.clone(), m.note.clone()),
            None => (None, None),
        };
        // Subject and passage come from a bounded window around the figure,
        // so a huge sentence costs linear time, not quadratic.
        let (w0, w1) = crate::text::window(s, start, end, PASSAGE_WINDOW);
        let subj = subject(&s[w0..w1], start - w0, end - w0, counted.as_deref());
        let span = doc.span(base + start, base + end);
        let passage = doc.span(base + w0, base + w1);
        out.push(Figure {
            text: s[start..end].to_string(),
            span,
            value,
            unit: unit_name,
            qualifier,
            low,
            high,
            period: per,
            period_note: note,
            modality: modality(s, start, end),
            subject: subj,
            attributes,
            noise,
            passage,
            passage_text: s[w0..w1].to_string(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn figs(text: &str, date: Option<&str>) -> Vec<Figure> {
        let fm = date
            .map(|d| format!("---\ndate: {d}\n---\n"))
            .unwrap_or_default();
        let (doc, _) = Document::from_text("t", "t.md", &format!("{fm}{text}\n"));
        extract_figures(&doc)
    }

    fn one(text: &str) -> Figure {
        let f = figs(text, Some("2023-03-21"));
        assert_eq!(f.len(), 1, "{text}: {f:#?}");
        f.into_iter().next().unwrap()
    }

    #[test]
    fn currencies_and_magnitudes_normalise() {
        for t in [
            "Trade reached $185 billion.",
            "Trade reached US$185bn.",
            "Trade reached 185 billion USD.",
            "Trade reached $185B.",
            "Trade reached 185 billion dollars.",
        ] {
            let f = one(t);
            assert_eq!((f.value, f.unit.as_str()), (185e9, "USD"), "{t}");
        }
        let f = one("Exports hit 1.2 trillion rubles.");
        assert_eq!((f.value, f.unit.as_str()), (1.2e12, "RUB"));
        let f = one("The fund holds €3.5m in reserve.");
        assert_eq!((f.value, f.unit.as_str()), (3.5e6, "EUR"));
    }

    #[test]
    fn speaker_is_not_the_subject() {
        let f =
            one("Mr. Putin said trade between the two countries reached $185 billion last year.");
        assert_eq!(f.subject.terms, vec!["trade".to_string()]);
    }

    #[test]
    fn units_and_counts() {
        let f = one("The two countries share a 4,200-kilometer border.");
        assert_eq!((f.value, f.unit.as_str()), (4200.0, "km"));
        assert!(
            f.subject.terms.contains(&"border".to_string()),
            "{:?}",
            f.subject
        );
        let f = one("The pipeline can carry 38 bcm of gas a year.");
        assert_eq!((f.value, f.unit.as_str()), (38e9, "m3"));
        let f = one("Its capacity is 38 billion cubic meters.");
        assert_eq!((f.value, f.unit.as_str()), (38e9, "m3"));
        assert_eq!(one("The yuan's share rose to 26%.").unit, "percent");
        assert_eq!(
            one("Rates rose by 2 percentage points.").unit,
            "percentage-points"
        );
        let f = one("Putin and Xi have met more than 40 times.");
        assert_eq!(
            (f.value, f.unit.as_str(), f.qualifier),
            (40.0, "count", Qualifier::Over)
        );
        assert!(
            f.subject.terms.contains(&"meet".to_string())
                && f.subject.terms.contains(&"xi".to_string()),
            "{:?}",
            f.subject
        );
        let f = one("They signed 14 cooperation documents.");
        assert_eq!((f.value, f.unit.as_str()), (14.0, "count"));
        assert_eq!(one("Trade grew 1.5 times faster.").unit, "times");
    }

    #[test]
    fn number_words() {
        assert_eq!(one("They have met forty times.").value, 40.0);
        assert_eq!(
            one("A dozen ministers attended the talks in full.").value,
            12.0
        );
        assert_eq!(one("Some twenty-two ministers attended.").value, 22.0);
        assert!(figs("Over the past decade, ties grew.", Some("2023-01-01")).is_empty());
        assert!(figs("The two leaders met.", Some("2023-01-01")).is_empty());
    }

    #[test]
    fn qualifiers_make_intervals() {
        let f = one("They have met about 40 times.");
        // ±10 %, but never tighter than the rounding of "40" (35-45).
        assert_eq!((f.qualifier, f.low, f.high), (Qualifier::About, 35.0, 45.0));
        let g = one("They have met over 40 times.");
        assert!(
            g.low <= f.high && f.low <= g.high,
            "about 40 and over 40 overlap"
        );
        let f = one("Trade was nearly $200 billion.");
        assert_eq!(f.qualifier, Qualifier::Nearly);
        let f = one("Exports were between 30 and 40 tonnes.");
        assert_eq!((f.qualifier, f.low, f.high), (Qualifier::Range, 29.5, 40.5));
        let f = one("Output will be $30-40 billion.");
        assert_eq!((f.qualifier, f.unit.as_str()), (Qualifier::Range, "USD"));
        assert!(f.low < 31e9 && f.high > 39e9, "{f:?}");
        let a = one("Trade reached $185 billion.");
        let b = one("Trade reached $240 billion.");
        assert!(a.high < b.low, "exact figures 185 and 240 never overlap");
        let f = one("Trade hit a record $185 billion.");
        assert_eq!(
            (f.qualifier, f.attributes.clone()),
            (Qualifier::Exact, vec!["record".to_string()])
        );
    }

    #[test]
    fn periods_resolve_against_publication_date() {
        let f = one("Trade reached $185 billion last year.");
        assert_eq!(f.period.unwrap().label, "2022");
        let f = one("Trade rose to $30 billion in the first two months of this year.");
        assert_eq!(f.period.unwrap().label, "2023-01/2023-02");
        let f = figs("Trade reached $185 billion last year.", None).remove(0);
        assert_eq!(f.period, None);
        assert_eq!(
            f.period_note.as_deref(),
            Some("\"last year\" unresolved: source has no date")
        );
        let f = one("In 2022, trade reached $190 billion.");
        assert_eq!(f.period.unwrap().label, "2022");
    }

    #[test]
    fn modality_target_and_forecast() {
        assert_eq!(
            one("They set a goal of $200 billion by 2024.").modality,
            Modality::Target
        );
        assert_eq!(
            one("Trade is expected to reach $250 billion.").modality,
            Modality::Forecast
        );
        assert_eq!(
            one("Trade reached $240 billion in 2023.").modality,
            Modality::Actual
        );
    }

    #[test]
    fn years_dates_codes_are_not_figures() {
        for t in [
            "In 2023 the leaders met on March 21.",
            "The G20 met at 10:30 on 2023-03-21.",
            "It was the 21st meeting.",
            "Flight A380 landed.",
        ] {
            assert!(
                figs(t, Some("2023-03-21")).is_empty(),
                "{t}: {:?}",
                figs(t, Some("2023-03-21"))
            );
        }
    }

    #[test]
    fn noise_is_marked() {
        let f = figs("Subscribe for $4.99 a month.", Some("2023-03-21"));
        assert!(f[0].noise);
        let f = figs(
            "Photo: talks in Moscow, 2023. Credit: 14 images.",
            Some("2023-03-21"),
        );
        assert!(f.iter().all(|f| f.noise));
    }

    #[test]
    fn hostile_numbers_do_not_panic_or_overflow() {
        let huge = "9".repeat(1_000_000);
        for t in [
            format!("Debt of ${huge} billion."),
            "It was 1e999 dollars.".to_string(),
            "$ and $$ and billion billion dollars.".to_string(),
            "Values of -5% and +3 percent and 1,2.3 km.".to_string(),
            "On 31 February 2023 they met.".to_string(),
            "%%%% $$$ 1,,,,2 ..3".to_string(),
        ] {
            for f in figs(&t, Some("2023-03-21")) {
                assert!(
                    f.value.is_finite() && f.low.is_finite() && f.high.is_finite(),
                    "{t}"
                );
            }
        }
    }

    proptest! {
        #[test]
        fn formatted_numbers_parse_back(n in 1u64..999_999_999, cents in 0u32..100, style in 0usize..4) {
            let v = n as f64 + f64::from(cents) / 100.0;
            let grouped = {
                let s = n.to_string();
                let mut out = String::new();
                for (i, c) in s.chars().enumerate() {
                    if i > 0 && (s.len() - i) % 3 == 0 { out.push(','); }
                    out.push(c);
                }
                out
            };
            let text = match style {
                0 => format!("Exports were {n}.{cents:02} tonnes."),
                1 => format!("Exports were {grouped}.{cents:02} tonnes."),
                2 => format!("Exports were ${grouped}.{cents:02}."),
                _ => format!("Exports were {grouped}.{cents:02} dollars."),
            };
            let f = figs(&text, None);
            prop_assert_eq!(f.len(), 1, "{}", text);
            prop_assert!((f[0].value - v).abs() < 1e-6 * v.max(1.0), "{} gave {}", text, f[0].value);
        }

        #[test]
        fn magnitudes_parse_back(n in 1u32..999, mag in 0usize..3) {
            let (word, factor) = [("million", 1e6), ("billion", 1e9), ("trillion", 1e12)][mag];
            let short = ["m", "bn", "tn"][mag];
            for text in [format!("Trade was ${n} {word}."), format!("Trade was ${n}{short}.")] {
                let f = figs(&text, None);
                prop_assert_eq!(f.len(), 1);
                prop_assert_eq!(f[0].value, f64::from(n) * factor);
            }
        }

        #[test]
        fn spans_map_back_to_text(s in "[a-zA-Z0-9 $%,.;:(\\-—’“”€]{0,120}") {
            let (doc, _) = Document::from_text("t", "t.md", &s);
            for f in extract_figures(&doc) {
                prop_assert_eq!(&doc.text[f.span.start..f.span.end], f.text.as_str());
                prop_assert!(f.value.is_finite() && f.low <= f.high);
            }
        }
    }
}
