//! Subjects: what a figure measures, from the words around it in its
//! sentence, as display text and normalised terms (lowercase, stop words
//! dropped, irregular verbs mapped, Snowball-stemmed) for matching.

use crate::extract::Subject;
use crate::text::is_alnum;
use crate::text::{Shared, intern, trim_marks};
use aho_corasick::AhoCorasick;
use rust_stemmers::{Algorithm, Stemmer};
use std::cell::RefCell;
// Fx hashing: the stem cache is hit for every word.
use rustc_hash::FxHashMap as HashMap;
use std::hash::{BuildHasherDefault, Hasher};
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
    // Comparing words name nothing measured ("1.47C higher than").
    "higher",
    "lower",
    "warmer",
    "cooler",
    "hotter",
    "colder",
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
    "km",
    "through",
    "via",
    "haven't",
    "hasn't",
    "don't",
    "came",
    "come",
    "percentage",
    "point",
    "points",
    "tonnes",
    "tons",
    "barrels",
    "cubic",
    "meters",
    "metres",
    "kilometers",
    "kilometres",
    "square",
    "sq",
    "further",
    "another",
    "additional",
    "hectares",
    "acres",
    "fold",
    "back",
    "magnitude",
    "richter",
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
    // With the small number words (see STOP_SET), counts of years ("four
    // years ago", "a decade earlier") say when, not what.
    "ago",
    "decade",
    "decades",
    "earlier",
    "both",
    "nations",
    "nation",
    "bilateral",
    "annual",
    "annually",
    "a",
    "an",
    // Keeping a level where it was says nothing of what it is: "kept its
    // benchmark rate at 4.25%", "held its main policy rate at 4.5%", "left
    // its key rate unchanged at 4.25%" are one rate.
    "held",
    "hold",
    "holds",
    "holding",
    "kept",
    "keep",
    "keeps",
    "left",
    "unchanged",
    "maintained",
    "key",
    "main",
    "benchmark",
    // Reporting a result says nothing of which ("reported revenue of",
    // "posted annual revenue of"), nor does the company a sentence
    // names only so.
    "reported",
    "reports",
    "posted",
    "posts",
    "booked",
    "logged",
    "announced",
    "company",
    "firm",
    "fiscal",
    // When, not what ("in the third quarter", "yesterday").
    "third",
    "fourth",
    "quarter",
    "quarters",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
];

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));

thread_local! {
    /// The term of each word met so far (its Snowball stem, interned):
    /// news text repeats its words, and a lookup is far cheaper than the
    /// stemmer and the interner.
    static STEMS: RefCell<HashMap<String, Shared>> = RefCell::new(HashMap::default());
}

/// Entries kept in [`STEMS`] before it starts afresh (bounds its memory).
const STEM_CACHE_MAX: usize = 1 << 14;

/// The Snowball stem of a lowercase word, [`intern`]ed.
fn stem(w: &str) -> Shared {
    STEMS.with_borrow_mut(|cache| {
        if let Some(s) = cache.get(w) {
            return s.clone();
        }
        if cache.len() >= STEM_CACHE_MAX {
            cache.clear();
        }
        let s = intern(&STEMMER.stem(w));
        cache.insert(w.to_string(), s.clone());
        s
    })
}

/// FNV-1a, for [`STOP_SET`]: hashing a short word is far cheaper than with
/// the default SipHash, and as the set's keys are fixed no input can make
/// its lookups slow.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

static STOP_SET: LazyLock<std::collections::HashSet<&'static str, BuildHasherDefault<Fnv>>> =
    LazyLock::new(|| {
        STOP.iter()
            .chain(crate::extract::period::WEEKDAYS)
            .chain(&super::number::SMALL_NUMBER_WORDS)
            // How a share was won says nothing of whose it is: "the Social
            // Alliance secured 34.6%" and "won 34.6% of the vote" are one.
            .chain(super::SHARE_VERBS)
            .chain(super::PLACING_VERBS)
            .chain(super::modality::CLAUSE_OPENERS)
            .copied()
            .collect()
    });

/// Whether a lowercase word can name what a figure measures.
fn is_content(lw: &str) -> bool {
    lw.len() >= 2 && !lw.bytes().any(|b| b.is_ascii_digit()) && !STOP_SET.contains(lw)
}

/// A word as [`clean_word`] gives it: the word itself when cleaning only
/// cuts it, else a lowercased copy, kept inline when short since
/// capitalised words are common and a heap copy of each costs much.
enum CleanWord<'a> {
    Borrowed(&'a str),
    Inline {
        buf: [u8; CleanWord::INLINE],
        len: usize,
    },
    Owned(String),
}

impl CleanWord<'_> {
    const INLINE: usize = 24;
}

impl std::ops::Deref for CleanWord<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            CleanWord::Borrowed(s) => s,
            CleanWord::Inline { buf, len } => {
                std::str::from_utf8(&buf[..*len]).expect("inline words are ASCII")
            }
            CleanWord::Owned(s) => s,
        }
    }
}

/// A word lowercased, edge punctuation and a possessive "'s" dropped.
fn clean_word(w: &str) -> CleanWord<'_> {
    // ASCII words (nearly all) need no Unicode case mapping and no curly
    // apostrophe replacement, and are only copied when they have capitals.
    if w.is_ascii() {
        let b = w.as_bytes();
        let (Some(first), Some(last)) = (
            b.iter().position(u8::is_ascii_alphanumeric),
            b.iter().rposition(u8::is_ascii_alphanumeric),
        ) else {
            return CleanWord::Borrowed("");
        };
        let lw = &w[first..=last];
        let lw = lw
            .strip_suffix("'s")
            .or_else(|| lw.strip_suffix("'S"))
            .unwrap_or(lw);
        // "US inflation" is the United States', not the pronoun's (a stop
        // word): without it, it would be anyone's inflation, and conflict
        // with the UK's.
        if matches!(lw, "US" | "U.S") {
            return CleanWord::Borrowed("usa");
        }
        return if !lw.bytes().any(|b| b.is_ascii_uppercase()) {
            CleanWord::Borrowed(lw)
        } else if lw.len() <= CleanWord::INLINE {
            let mut buf = [0; CleanWord::INLINE];
            buf[..lw.len()].copy_from_slice(lw.as_bytes());
            buf.make_ascii_lowercase();
            CleanWord::Inline { buf, len: lw.len() }
        } else {
            CleanWord::Owned(lw.to_ascii_lowercase())
        };
    }
    let lw = w.to_lowercase().replace('’', "'");
    let lw = trim_marks(&lw);
    let lw = lw.strip_suffix("'s").unwrap_or(lw);
    CleanWord::Owned(lw.to_string())
}

/// Whether `w` starts with an uppercase letter.
fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Reporting verbs (ASCII case ignored): the speaker before one is not what
/// a figure after it measures.
static REPORTING: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build([
            " said ",
            " says ",
            " told ",
            " according to ",
            " noted ",
            " added ",
        ])
        .expect("reporting verbs build")
});

/// " that " and the [`super::modality::CLAUSE_OPENERS`], each between
/// spaces (ASCII case ignored): a clause starts after the last of them
/// before a figure.
static CLAUSE_STARTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let words: Vec<String> = std::iter::once("that")
        .chain(super::modality::CLAUSE_OPENERS.iter().copied())
        .map(|w| format!(" {w} "))
        .collect();
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words)
        .expect("clause openers build")
});

/// Irregular forms the Snowball stemmer leaves apart: (forms, lemma).
const LEMMAS: &[(&[&str], &str)] = &[
    (&["met", "meetings", "meeting", "meets"], "meet"),
    // "The jobless rate" is the unemployment rate.
    (&["jobless", "joblessness"], "unemployment"),
    (&["rainfall"], "rain"),
    // "a five-year contract", "a six-year deal".
    (&["deal", "deals"], "contract"),
    // Agreeing a deal is signing it: "signed a five-year contract",
    // "agreed a six-year deal".
    (&["signed", "signing", "agreed", "agree", "agrees"], "sign"),
    (&["turnover"], "trade"),
    // A share buyback is buying shares back ("buy back $2 billion of its
    // shares", "a $2.5bn share buyback").
    (&["buyback", "buybacks", "buy-back", "buy-backs"], "buy"),
    (&["bcm"], "gas"),
    // The dead, by any word for them ("62 dead", "the death toll", "62
    // people died", "62 people were killed", "62 deaths").
    (
        &[
            "dead",
            "died",
            "die",
            "dies",
            "death",
            "deaths",
            "fatalities",
            "killed",
            "killing",
        ],
        "kill",
    ),
    (&["wounded", "hurt", "injuries", "injury"], "injured"),
    (&["quake", "quakes", "earthquakes", "tremor"], "earthquake"),
    // "recalled 1.4 million cars" are vehicles recalled.
    (&["car", "cars", "vehicles"], "vehicle"),
    // "The mercury hit 47.1 degrees Celsius" is the temperature.
    (
        &["mercury", "thermometer", "thermometers", "temperatures"],
        "temperature",
    ),
];

/// The lemma of `w` ([`LEMMAS`]), by one hash lookup: most words have
/// none.
fn lemma(w: &str) -> &str {
    static MAP: LazyLock<rustc_hash::FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
        LEMMAS
            .iter()
            .flat_map(|(forms, lemma)| forms.iter().map(move |f| (*f, *lemma)))
            .collect()
    });
    MAP.get(w).copied().unwrap_or(w)
}

/// Normalised content terms of a phrase: lowercase, stop words dropped,
/// irregulars mapped, stemmed; in order, without duplicates.
pub fn terms(words: &[&str]) -> Vec<Shared> {
    let mut out: Vec<Shared> = Vec::new();
    fn push(out: &mut Vec<Shared>, lw: &str) {
        if !is_content(lw) {
            return;
        }
        let t = stem(lemma(lw));
        if !out.contains(&t) {
            out.push(t);
        }
    }
    let mut prev_name = false;
    let mut prev: &str = "";
    for w in words {
        let before = std::mem::replace(&mut prev, w);
        // "Net income" is net profit.
        if w.eq_ignore_ascii_case("income") && before.eq_ignore_ascii_case("net") {
            push(&mut out, "profit");
            prev_name = false;
            continue;
        }
        // "Power of Siberia 2", "Nord Stream 2": a number ending a name makes
        // another name ("siberia-2"), not the same one.
        if prev_name && is_name_number(w) {
            if let Some(last) = out.last_mut() {
                *last = intern(&format!("{last}-{w}"));
            }
            prev_name = false;
            continue;
        }
        prev_name = capitalised(w) && is_content(&clean_word(w));
        // "Russia-China" names two entities; "cross-border" is one word.
        if w.contains('-') && w.split('-').all(capitalised) {
            for p in w.split('-') {
                push(&mut out, &clean_word(p));
            }
        } else {
            push(&mut out, &clean_word(w));
        }
    }
    out
}

/// The subject terms that come from names: capitalised words that do not
/// open the text (a sentence's first word is capitalised whatever it is).
/// In a line whose content words are all capitalised (a headline in title
/// case) capitals say nothing, and no term is a name.
fn name_terms(s: &str, words: &[&str], subject_terms: &[Shared]) -> Vec<Shared> {
    // Only capitalised words give names: without one, nothing to check.
    if !words.iter().any(|w| capitalised(w)) {
        return Vec::new();
    }
    // Title case: at least two content words, all capitalised. The first
    // lowercase content word settles it, so the scan stops there.
    let mut content = 0;
    let mut title_case = true;
    // (Acronyms are capitalised in any case: "Inflation in the U.S. was
    // 3.3%" is no title.)
    for w in s
        .split_whitespace()
        .filter(|w| is_content(&clean_word(w)) && !acronym(w))
    {
        content += 1;
        if !capitalised(w) {
            title_case = false;
            break;
        }
    }
    if content >= 2 && title_case {
        return Vec::new();
    }
    let opening = s
        .char_indices()
        .find(|&(_, c)| is_word_char(c))
        .map(|(o, _)| o);
    // Where a word stands in `s`, when it is a slice of it.
    let offset = |w: &str| {
        let (p, base) = (w.as_ptr() as usize, s.as_ptr() as usize);
        (p >= base && p < base + s.len()).then(|| p - base)
    };
    let mut out: Vec<Shared> = Vec::new();
    for w in words {
        // A sentence's first word is capitalised whatever it is, unless it
        // is an acronym ("UK inflation", "U.S. inflation").
        if !capitalised(w)
            || (offset(w).is_some()
                && offset(w) == opening
                && !acronym(w)
                && !opening_possessive(w))
        {
            continue;
        }
        for t in terms(&[w]) {
            // Only terms the subject kept (it is capped at MAX_TERMS).
            if subject_terms.contains(&t) && !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out.sort();
    out
}

/// Whether a sentence's first word is a possessive that names someone
/// ("Homeland's 17.3% was its best result"): a capitalised word with "'s",
/// not a contraction ("It's", "That's") nor a day or time ("Sunday's",
/// "Today's", "March's").
fn opening_possessive(w: &str) -> bool {
    const NOT_NAMES: &[&str] = &[
        "it",
        "that",
        "there",
        "what",
        "here",
        "he",
        "she",
        "let",
        "who",
        "where",
        "how",
        "when",
        "why",
        "this",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "everyone",
        "everybody",
        "nobody",
        "someone",
        "somebody",
        "anyone",
        "one",
        "year",
        "last",
        "next",
        "world",
    ];
    let w = trim_marks(w);
    let Some(stem) = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")) else {
        return false;
    };
    let lower = stem.to_lowercase();
    !NOT_NAMES.contains(&lower.as_str())
        && !crate::extract::period::WEEKDAYS.contains(&lower.as_str())
        && !crate::extract::period::MONTHS.contains(&lower.as_str())
}

/// Whether a word is an acronym ("US", "U.S.", "IMF"): capitals and dots
/// only, two or more of them.
fn acronym(w: &str) -> bool {
    w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
}

/// A short number that can end a name ("2" in "Power of Siberia 2").
fn is_name_number(w: &str) -> bool {
    (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
}

/// Whether `c` is part of a word (see [`words_with_offsets`]).
fn is_word_char(c: char) -> bool {
    is_alnum(c) || c == '\'' || c == '’' || c == '-'
}

/// The words of `s` with their byte offsets.
pub fn words_with_offsets(s: &str) -> Vec<(usize, &str)> {
    // About one word in six bytes of prose: one allocation, seldom a second.
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = is_word_char(c);
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
    // "U.S" is one word ("U.S. inflation": the United States'), not "U"
    // and "S" (joined here, once per word, rather than looked for at each
    // character).
    if let Some(k) = out.iter().position(|&(_, w)| w == "U") {
        let mut merged = Vec::with_capacity(out.len());
        merged.extend_from_slice(&out[..k]);
        let mut rest = out[k..].iter().copied().peekable();
        while let Some((o, w)) = rest.next() {
            if w == "U"
                && s[o..].starts_with("U.S")
                && rest.next_if(|&(p, x)| p == o + 2 && x == "S").is_some()
            {
                merged.push((o, &s[o..o + 3]));
            } else {
                merged.push((o, w));
            }
        }
        out = merged;
    }
    out
}

/// Whether the words between a figure and the next (`between`) start a
/// subject of their own after "and": a noun phrase, then "of", "at" or a
/// verb of a level. In "inflation averaging 2.4% next year and growth of
/// just 1.1%" the 1.1% is growth's, not inflation's; in "the pipe cost $55
/// billion and carries 38 bcm" the 38 bcm is still the pipe's.
fn new_subject_after_and(between: &str) -> bool {
    const LINKS: &[&str] = &[
        "of",
        "at",
        "was",
        "were",
        "is",
        "are",
        "stood",
        "rose",
        "fell",
        "grew",
        "reached",
        "hit",
        "climbed",
        "dropped",
        "jumped",
        "eased",
        "slowed",
        "increased",
        "decreased",
        "totalled",
        "totaled",
        "came",
    ];
    const DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "a", "an"];
    let Some(k) = between.rfind(" and ") else {
        return false;
    };
    let mut nouns = 0;
    for w in between[k + 5..].split_whitespace().take(4) {
        let lw = clean_word(w);
        if LINKS.contains(&&*lw) {
            return nouns > 0;
        }
        if nouns == 0 && DETERMINERS.contains(&&*lw) {
            continue;
        }
        if !is_content(&lw) {
            return false;
        }
        nouns += 1;
    }
    false
}

/// Whether a figure right after a joining word (`between` the figure
/// before and this one is ", and", "while", ...) opens a clause with a
/// whole of its own after it (`after`, from its end): in "the pass rate
/// held steady at 97.1%, and 9.3% of entries were awarded an A*" the 9.3%
/// is of entries, not the pass rate's.
fn share_opens_clause(between: &str, after: &str) -> bool {
    // The gap is the joining word alone, with blanks and commas about it.
    let join = between.trim_matches(|c: char| c.is_whitespace() || c == ',');
    let joining = ["and", "but", "while", "whereas"]
        .iter()
        .any(|j| join.eq_ignore_ascii_case(j));
    // Not "of it", "of them": the whole is what came before.
    joining
        && after.strip_prefix(" of ").is_some_and(|r| {
            let w = r.split_whitespace().next().unwrap_or("");
            let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
            !["it", "them", "this", "that", "these", "those", "which"]
                .iter()
                .any(|p| w.eq_ignore_ascii_case(p))
        })
}

/// Words that say how a count of people is known, not what befell them
/// ("300 people believed trapped", "250 people thought to be trapped").
const HEARSAY: &[&str] = &[
    "believed",
    "thought",
    "feared",
    "known",
    "reported",
    "reportedly",
    "estimated",
    "presumed",
    "confirmed",
    "said",
    "now",
    "still",
];

/// Counted nouns of people in general: a count of them is about what
/// happened to them (see [`subject_in`]).
pub(super) const GENERIC_COUNTED: &[&str] = &[
    "people",
    "persons",
    "individuals",
    "men",
    "women",
    "children",
];

/// At most this many terms in a subject.
pub const MAX_TERMS: usize = 8;

/// What the figure at `start..end` of `s` measures: the content words before
/// it in its clause (nearest first, up to five; if the clause gives fewer
/// than two, the search goes on past the clause start), plus the noun it
/// counts or modifies right after it ("a 4,200-kilometer border", "14
/// documents", "$4 billion of trade"); with nothing before it ("Twice as many
/// ships crossed"), up to three content words after it. Words inside
/// `others` (other figures' spans, so their units and counted nouns) are
/// never picked; nor is the figure's own unit, which lies inside its span.
pub fn subject(
    s: &str,
    start: usize,
    end: usize,
    counted: Option<&str>,
    others: &[(usize, usize)],
) -> Subject {
    subject_in(
        s,
        &words_with_offsets(s),
        start,
        end,
        counted,
        others,
        false,
    )
}

/// [`subject`] with the words of `s` ([`words_with_offsets`]) given, so the
/// figures of one sentence share them.
pub fn subject_in(
    s: &str,
    words: &[(usize, &str)],
    start: usize,
    end: usize,
    counted: Option<&str>,
    others: &[(usize, usize)],
    part: bool,
) -> Subject {
    let clause_start = s[..start]
        .rfind([';', ':', '(', '—', ','])
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    // A relative clause ("the pipeline, which is designed to carry 50 bcm")
    // is about what stands before it: read on past its start.
    // "Mr. Putin said trade reached $185 billion": the speaker before a
    // reporting verb is not what the figure measures, and the search never
    // goes back past the verb.
    // Nor is the source a sentence opens with ("According to Unicef, 40%
    // of the people lack safe water").
    let opening_source = s
        .get(..13)
        .is_some_and(|h| h.eq_ignore_ascii_case("according to "))
        .then(|| s[..start].find(',').map(|c| c + 1))
        .flatten();
    let hard_start = REPORTING
        .find_overlapping_iter(&s[clause_start..start])
        .map(|m| clause_start + m.end())
        .max()
        .max(opening_source);
    let clause_start = hard_start.unwrap_or(clause_start);
    let hard_start = hard_start.unwrap_or(0);
    // A "that" clause after a verb ("noted that the two men had met 40
    // times") is a clause of its own.
    // (Searching from each space back is cheaper than a substring search.)
    let clause = &s[clause_start..start];
    // So is one a conjunction opens ("raised its forecast after
    // third-quarter profit jumped 16%": the 16% is profit's).
    let clause_start = CLAUSE_STARTS
        .find_overlapping_iter(clause)
        .map(|m| m.end())
        .max()
        .map_or(clause_start, |k| clause_start + k);
    // A relative clause about a thing ("the pipeline, which is designed to
    // carry 50 bcm") is about what stands before it: read on past its start.
    // One about a person ("the Russian leader, who has met Xi 40 times")
    // says enough itself.
    let relative = s[clause_start..start]
        .split_whitespace()
        .next()
        .is_some_and(|w| {
            ["which", "where", "who"]
                .iter()
                .any(|r| w.eq_ignore_ascii_case(r))
        });
    // Closed relative clauses before the figure (", which began ... in
    // 2019,") describe something else: their words are skipped.
    let commas: Vec<usize> = s[..clause_start]
        .match_indices(',')
        .map(|(i, _)| i)
        .collect();
    let mut asides: Vec<(usize, usize)> = Vec::new();
    for (k, &c) in commas.iter().enumerate() {
        let opens = s[c + 1..].split_whitespace().next().is_some_and(|w| {
            ["which", "that", "who", "whose", "where"]
                .iter()
                .any(|r| w.eq_ignore_ascii_case(r))
        });
        if opens && let Some(&close) = commas.get(k + 1) {
            asides.push((c, close));
        }
    }
    let inside_figure = |o: usize| others.iter().any(|&(a, b)| o >= a && o < b);
    let inside_other = |o: usize| inside_figure(o) || asides.iter().any(|&(a, b)| o > a && o < b);
    let mut picked: Vec<(usize, &str)> = Vec::new();
    for &(o, w) in words.iter().rev().filter(|(o, _)| *o < start) {
        if o < hard_start {
            break;
        }
        // Past the clause start only when the clause gave fewer than two.
        let in_clause = picked.iter().filter(|(p, _)| *p >= clause_start).count();
        // A name the fifth word starts back into is taken whole: "The
        // Social Alliance won Sunday's parliamentary election in Lakeland
        // with 34.2%" is the Social Alliance's, not an Alliance's.
        let name_goes_on = || {
            picked.len() < MAX_TERMS
                && capitalised(w)
                && picked
                    .last()
                    .is_some_and(|&(p, pw)| capitalised(pw) && s[o + w.len()..p].trim().is_empty())
        };
        if (picked.len() >= 5 && !name_goes_on())
            || (o < clause_start && in_clause >= 2 && !relative)
        {
            break;
        }
        // Another figure, with a name of this one's own between them: the
        // words before it are its subject, not this one's. "SAIC faces
        // 37.6%, BYD 17.4% and Geely 20%": 20% is Geely's, not BYD's or
        // SAIC's. (With no name between, as in "trade rose 26% to $240
        // billion" or "reached $240 billion, beating the $200 billion
        // goal", the two share theirs.)
        if inside_figure(o)
            && (picked.iter().any(|(_, w)| capitalised(w))
                || others
                    .iter()
                    .find(|&&(a, b)| o >= a && o < b)
                    .and_then(|&(_, b)| s.get(b..start))
                    .is_some_and(|between| {
                        new_subject_after_and(between) || share_opens_clause(between, &s[end..])
                    }))
        {
            break;
        }
        // Not a decimal's or a compound's first part ("7.6-magnitude").
        let glued = s[o + w.len()..].starts_with('-')
            || s[o + w.len()..]
                .strip_prefix(['.', ','])
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
        // Right after the name: "Moreira, 22," is a man's age, not a name.
        let name_number = is_name_number(w)
            && !glued
            && words
                .iter()
                .rev()
                .find(|(p, _)| *p < o)
                .is_some_and(|&(p, prev)| {
                    prev.chars().next().is_some_and(char::is_uppercase)
                        && s[p + prev.len()..o].trim().is_empty()
                });
        if inside_other(o) || !(name_number || is_content(&clean_word(w))) {
            continue;
        }
        // A name number is not one of the five words: it is part of a name.
        if name_number {
            picked.push((o, w));
            continue;
        }
        picked.push((o, w));
    }
    picked.reverse();
    let picked: Vec<&str> = picked.into_iter().map(|(_, w)| w).collect();
    let after_at: Vec<(usize, &str)> = words
        .iter()
        .filter(|(o, _)| *o >= end && !inside_other(*o))
        // To the clause's end: not a decimal's point ("40% of the
        // country's 3.1 million people lack safe water").
        .take_while(|(o, _)| {
            !s[end..*o].match_indices([',', ';', '.']).any(|(i, p)| {
                p != "." || !s[end + i + 1..].starts_with(|c: char| c.is_ascii_digit())
            })
        })
        .take(6)
        .copied()
        .collect();
    let after: Vec<&str> = after_at.iter().map(|&(_, w)| w).collect();
    let mut follow: Vec<&str> = Vec::new();
    if let Some(c) = counted {
        follow.push(c);
    } else if picked.is_empty() {
        follow.extend(
            after
                .iter()
                .filter(|w| is_content(&clean_word(w)))
                .take(3)
                .copied(),
        );
    } else if let Some(first) = after.first() {
        let lower_content = |w: &str| {
            is_content(&clean_word(w)) && w.chars().next().is_some_and(char::is_lowercase)
        };
        if lower_content(first) {
            follow.push(first);
            // A compound noun: "a £240m ferry contract".
            if let (Some(&(o1, w1)), Some(&(o2, w2))) = (after_at.first(), after_at.get(1))
                && s[o1 + w1.len()..o2] == *" "
                && lower_content(w2)
            {
                follow.push(w2);
            }
        } else {
            // A prepositional phrase after the figure, past "a year" and the
            // like: "50 bcm a year through Power of Siberia 2", "38 billion
            // cubic meters of gas".
            // ASCII case folding is exact here: no non-ASCII letter
            // lowercases to a letter of these words.
            let prep = after.iter().position(|w| {
                ["of", "in", "through", "via", "from", "for", "on"]
                    .iter()
                    .any(|p| w.eq_ignore_ascii_case(p))
            });
            let lead_is_filler = |n: usize| after[..n].iter().all(|w| !is_content(&clean_word(w)));
            if let Some(p) = prep.filter(|&p| p <= 2 && lead_is_filler(p)) {
                for w in &after[p + 1..] {
                    let lw = clean_word(w);
                    if is_content(&lw) {
                        follow.push(w);
                        if follow.len() == 3 {
                            break;
                        }
                    } else if &*lw != "of" && &*lw != "the" {
                        break;
                    }
                }
            }
        }
    }
    let lower_first = |w: &&&str| w.chars().next().is_some_and(char::is_lowercase);
    // People counted say nothing of what they are counted for: what
    // happened to them does ("62 people were killed", "injured 300
    // people", "120 people are still missing"). That word, after them in
    // the clause or else the nearest before, is the head.
    let predicate = counted
        .filter(|c| GENERIC_COUNTED.iter().any(|g| c.eq_ignore_ascii_case(g)))
        .and_then(|_| {
            after
                .iter()
                // Not past a word that joins another clause: "killed 19
                // people and injured 64" is of the killed.
                .take_while(|w| {
                    !["and", "but", "or", "while", "whereas"]
                        .iter()
                        .any(|j| w.eq_ignore_ascii_case(j))
                })
                .filter(lower_first)
                // Not an adverb ("46 people seriously injured"), nor a
                // word of hearsay ("300 people believed trapped", "2,000
                // people known to have died").
                .find(|w| {
                    let c = clean_word(w);
                    is_content(&c) && !w.ends_with("ly") && !HEARSAY.contains(&&*c)
                })
                .or_else(|| picked.iter().rev().find(lower_first))
                .copied()
        });
    if let Some(p) = predicate
        && !picked.contains(&p)
    {
        follow.push(p);
    }
    // A part of a whole is told from the whole's other parts by what it
    // did: "seven of the nine members voted to hold rates", "two of the
    // nine members voted for a cut".
    if part {
        for w in after.iter().filter(|w| is_content(&clean_word(w))).take(3) {
            if !follow.contains(w) {
                follow.push(w);
            }
        }
    }
    let mut all: Vec<&str> = follow.clone();
    all.extend(picked.iter().copied());
    // The counted noun is not written twice: "the injured number 5,100"
    // reads "injured number".
    let text_words: Vec<&str> = picked
        .iter()
        .copied()
        .chain(
            follow
                .iter()
                .copied()
                .filter(|w| Some(*w) != counted || !picked.iter().any(|p| *clean_word(p) == **w)),
        )
        .collect();
    let mut terms = terms(&all);
    terms.truncate(MAX_TERMS);
    // The head: the noun counted, else the nearest content word before.
    // Names come last: "who has met Xi over 40 times" counts meetings.
    let head = predicate
        .iter()
        .chain(follow.iter())
        .chain(picked.iter().rev().filter(lower_first))
        .chain(picked.iter().rev())
        .filter(|w| !is_name_number(w))
        .find_map(|w| self::terms(&[w]).into_iter().next());
    let name_numbers = picked
        .iter()
        .filter(|w| is_name_number(w))
        .map(|w| intern(w))
        .collect();
    let names = name_terms(s, &text_words, &terms);
    Subject {
        text: text_words.join(" ").into(),
        terms: terms.into_boxed_slice(),
        head,
        name_numbers,
        names: names.into_boxed_slice(),
    }
}
