//! Deterministic benchmark corpus generator for crosscheck.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --mb 200 --claims 1000 --out target/bench/200 [--seed N]
//! ```
//!
//! Writes
//! - `OUT/sources/NNNNNN.md`: news-like articles (2-6 KB, YAML front matter
//!   with title, outlet, date 2019-2025, url), filler prose, quotations with
//!   attributions in varied positions and figures with units, qualifiers and
//!   periods (each of a year before the article's date), drawn from pools
//!   of canonical quotations and facts so that the
//!   same quotation and the same figure recur across many articles. A small
//!   share of quotations and facts is deliberately altered in some articles
//!   (a word substituted, a speaker swapped, a value changed).
//! - `OUT/claims.toml`: `--claims` claims whose verdicts are known by
//!   construction (supported, variant, misattributed, contradicted,
//!   other-period, unverified). Claims are only drawn from quotations and
//!   facts that are never altered anywhere, and that appear in the corpus.
//! - `OUT/expected.tsv`: `claim id TAB expected verdict`.
//! - `OUT/quotes.txt`: the quoted words of every quotation claim, one a line
//!   (the pattern file of the `rg -F -f` baseline).
//! - `OUT/quotes.tsv`: where every quotation stands and which canonical
//!   quotation it renders (`source TAB line TAB quotation TAB altered`, with
//!   `altered` one of `-`, `words` or `speaker`): the truth the scan's
//!   grouping is scored against (`examples/bench_groups.rs`).
//! - `OUT/figures.tsv`: where every figure stands and the fact it gives
//!   (`source TAB line TAB subject TAB fact TAB year TAB altered TAB goal`:
//!   `altered` is `value` where the article gives the fact's altered value,
//!   `-` otherwise; `goal` is `goal` where a target figure of the same
//!   subject stands before it on its line): the truth the scan's figure
//!   findings are scored against (`examples/bench_figures.rs`).
//! - `OUT/manifest.txt`: parameters and counts.
//!
//! Everything follows from `--seed` and `--mb` (same arguments, same bytes).
//! Quotations are kept apart with the crate's own [`compare_quotes`]: two
//! canonical quotations never match each other at any level, a "variant"
//! claim is a `Variant` of its source quotation and of nothing else, and an
//! "unverified" quotation matches nothing in the pool.

use crosscheck::compare::{QuoteLevel, compare_quotes};
use crosscheck::index::content_words;
use crosscheck::normalize::words;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

// ------------------------------------------------------------------ PRNG

/// SplitMix64: small, fast, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// One item of a `|`-separated list.
    fn bar(&mut self, list: &'static str) -> &'static str {
        let n = list.split('|').count();
        list.split('|').nth(self.below(n)).unwrap().trim()
    }
    fn word(&mut self, list: &'static str) -> &'static str {
        let n = list.split_whitespace().count();
        list.split_whitespace().nth(self.below(n)).unwrap()
    }
}

// ------------------------------------------------------------ word lists

/// The generator's version, written to the manifest: a change to what it
/// writes for a given seed and size bumps it, so that `bench/run.sh` makes
/// its corpora again instead of reusing those of an older generator.
/// 2: template slots followed by a comma are filled ("a fair deal, not").
/// 3: `figures.tsv`, the truth about every figure (the articles unchanged).
/// 4: an article's figures are of years before its date.
const GENERATOR: u32 = 4;

const MALE: &str = "Adrian Boris Casimir Dmitri Elias Farid Gustav Henrik Ivo Jonas Kenji Lorenzo \
    Matteo Nikolai Omar Pavel Quentin Rafael Stefan Tobias Ulrich Viktor Wendel Xavier Yusuf Zoltan \
    Anton Bruno Cyril Dario Emil Felix Goran Hugo Idris Jasper Karim Lucas Milan Nils Oskar Piotr";
const FEMALE: &str = "Alina Beatrix Carmen Daria Elena Freya Greta Helena Irina Johanna Katya Lena \
    Marta Nadia Olga Petra Rosa Sabine Tamara Ursula Vera Wanda Yelena Zofia Amelia Bianca Clara \
    Dora Esther Flora Gemma Hana Ines Julia Klara Liesel Mirela Noor Ottilie Paula";
const SYL1: &str = "Vel Kor Tam Bel Dra Hal Mor Sen Val Tor Zan Kel Rav Lun Mar Nor Quen Sar Tal Ver \
    Bra Cas Dol Fen Gar Hol Jor Lis Mel Pol Ros Sil Tev Ul Vor Wen Yar Zel Ost Ard";
const SYL2: &str = "a e i o u ar en il or an el in on er ir";
const SYL3: &str = "mar quin dova rin stad holm berg via land ora enne ovic ski sson ano ardt ez \
    ville ton gard sk lund mont dal nia";
const ROLES: &str = "Foreign Minister|Trade Minister|Finance Minister|Energy Minister|Prime Minister|\
    President|Governor|Ambassador|Deputy Foreign Minister|Central Bank Governor|Economy Minister|\
    Defence Minister|Senator|Mayor|Chief Negotiator|Commissioner";
const OUTLETS: &str = "The Harbor Post|Northern Ledger|Continental Times|Daily Meridian|Coastline Review|\
    The Evening Courier|Eastern Dispatch|Global Wire|The Capital Observer|Riverside Gazette|\
    Market Journal|The Weekly Standard-Bearer|Summit News|Atlas Report|The Frontier Herald";
const WEEKDAYS: &str = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday";

// Filler prose.
const F_SUBJ: &str = "Officials|Diplomats|Analysts|Negotiators|Trade envoys|Local observers|\
    Business leaders|Opposition lawmakers|Regional governors|Economists|Union representatives|\
    Industry groups|Senior advisers|Market watchers|Delegations|Civic organisations";
const F_VERB: &str = "discussed|reviewed|questioned|welcomed|criticised|examined|debated|postponed|\
    endorsed|revisited|scrutinised|praised|challenged|outlined|defended|negotiated";
const F_ADJ: &str = "proposed|long-awaited|controversial|revised|ambitious|cautious|regional|bilateral|\
    provisional|contested|modest|sweeping|overdue|preliminary|detailed|informal|technical|landmark";
const F_NOUN: &str = "framework|agreement|roadmap|tariff schedule|customs accord|energy plan|investment \
    package|security pact|transit deal|reform programme|supply arrangement|port project|rail corridor|\
    credit line|fisheries deal|visa regime|data protocol|grain corridor|joint declaration|budget outline";
const F_TAIL: &str = "behind closed doors|at a crowded press briefing|during a late-night session|\
    after weeks of delay|amid growing pressure at home|as markets watched closely|\
    in a series of private meetings|before the summit ended|without reaching a final decision|\
    while protesters gathered outside|in the margins of the forum|over a working lunch|\
    despite objections from several ministries|ahead of the parliamentary recess";
const F_OPEN: &str = "Meanwhile,|At the same time,|Earlier,|Separately,|Later,|In a related \
    development,|Behind the scenes,|For now,|Even so,|By contrast,";
const F_CLAUSE: &str = "the mood in the capital remained tense|few expected a breakthrough soon|\
    the talks were described as frank and constructive|several questions were left open|\
    critics warned about the long-term costs|supporters pointed to earlier successes|\
    the details were expected to emerge gradually|the timetable appeared to slip again|\
    observers noted a change of tone|the issue dominated the evening news|\
    the reaction from neighbouring states was muted|investors waited for clearer signals";

// Quotations: clause templates; N noun, P plural noun, A adjective, V verb,
// D adverb, G gerund.
const Q_TEMPLATES: &[&str] = &[
    "we will never V the A N of our P",
    "this is a A moment for our P and our N",
    "nobody should D V the N of our P",
    "the A N must not become an excuse for G on the N",
    "our P deserve a A N and a A N",
    "there can be no N without A P and a A N",
    "we are ready to V every A N on the table",
    "history will judge how we V this A N",
    "the door to a A N remains D open to our P",
    "I do not believe the N can survive A P",
    "the P of this region want a A N, not A slogans",
    "it is time to V the A N and stop G",
    "we have D refused to V the A N",
    "every N we sign brings A P closer to a A N",
    "they know our A N is not for sale to P",
    "we did not come here to V A P",
    "the A P have already paid for this A N",
    "no one can V a N that D belongs to the P",
    "our N with their P is D A",
    "what matters now is a A N for the P",
    "the N will be judged by its A P, not by its N",
    "we intend to V the A N before the N",
    "the A N has turned into a A N for P",
    "I told them D that the N is A",
];
const Q_N: &str = "partnership friendship border economy treaty alliance budget harvest pipeline \
    harbour currency railway parliament compromise reform crisis recovery ceasefire corridor \
    market framework mandate dialogue sovereignty consensus frontier coalition coastline bridge \
    settlement covenant blueprint strategy dividend bargain standoff truce charter tribunal \
    convoy refinery reservoir lifeline scaffolding foundation horizon";
const Q_P: &str = "citizens farmers workers neighbours partners families students investors \
    pensioners soldiers engineers fishermen miners nurses teachers exporters voters \
    communities generations industries provinces villages shipyards factories taxpayers";
const Q_A: &str = "historic fragile lasting genuine dangerous unprecedented decisive bitter \
    stable reliable fair painful urgent durable peaceful broken hidden stubborn \
    reckless prudent open balanced credible costly shared mutual ambitious modest";
const Q_V: &str = "abandon defend rebuild question sabotage protect betray renegotiate secure \
    strengthen weaken ignore honour postpone accelerate dismantle finance restore guarantee \
    resist overturn celebrate tolerate undermine safeguard revive";
const Q_D: &str = "firmly quietly openly repeatedly deliberately always truly clearly \
    simply patiently entirely";
const Q_G: &str = "waiting blaming hesitating pretending delaying complaining retreating \
    bargaining stalling posturing";

// Figure subjects: (template, unit kind). {A} and {B} are unique invented
// names; the figure goes where {F} stands, the period where {T} stands.
#[derive(Clone, Copy, PartialEq, Debug)]
enum UnitKind {
    Usd,
    Km,
    Percent,
    Tonnes,
    M3,
    Times,
}

struct SubjectKind {
    unit: UnitKind,
    /// Sentence forms: {S} subject phrase (capitalised as needed by {S^}),
    /// {F} figure, {T} period.
    forms: &'static [&'static str],
    /// Value range (in the unit's display magnitude).
    lo: usize,
    hi: usize,
}

const SUBJECTS: &[SubjectKind] = &[
    SubjectKind {
        unit: UnitKind::Usd,
        forms: &[
            "Trade between {A} and {B} reached {F} {T}.",
            "{T^}, trade between {A} and {B} stood at {F}, officials said.",
            "Trade between {A} and {B} totalled {F} {T}, customs data show.",
        ],
        lo: 12,
        hi: 480,
    },
    SubjectKind {
        unit: UnitKind::Usd,
        forms: &[
            "Investment by {A} in {B} amounted to {F} {T}.",
            "{T^}, investment by {A} in {B} came to {F}, the ministry said.",
        ],
        lo: 3,
        hi: 90,
    },
    SubjectKind {
        unit: UnitKind::Km,
        forms: &[
            "The {A} pipeline ran {F} {T}.",
            "{T^}, the {A} pipeline stretched {F}, engineers said.",
        ],
        lo: 300,
        hi: 6000,
    },
    SubjectKind {
        unit: UnitKind::Percent,
        forms: &[
            "Inflation in {A} rose to {F} {T}.",
            "{T^}, inflation in {A} reached {F}, the statistics office said.",
        ],
        lo: 2,
        hi: 40,
    },
    SubjectKind {
        unit: UnitKind::Percent,
        forms: &[
            "The share of {A} in {B}'s exports climbed to {F} {T}.",
            "{T^}, the share of {A} in {B}'s exports was {F}.",
        ],
        lo: 5,
        hi: 60,
    },
    SubjectKind {
        unit: UnitKind::Tonnes,
        forms: &[
            "Grain exports from {A} reached {F} {T}.",
            "{T^}, grain exports from {A} came to {F}, traders said.",
        ],
        lo: 2,
        hi: 70,
    },
    SubjectKind {
        unit: UnitKind::M3,
        forms: &[
            "Gas deliveries through the {A} corridor reached {F} {T}.",
            "{T^}, gas deliveries through the {A} corridor totalled {F}.",
        ],
        lo: 4,
        hi: 80,
    },
    SubjectKind {
        unit: UnitKind::Times,
        forms: &[
            "The leaders of {A} and {B} met {F} {T}.",
            "{T^}, the leaders of {A} and {B} met {F}, diplomats said.",
        ],
        lo: 3,
        hi: 45,
    },
];

// ------------------------------------------------------------ the model

#[derive(Clone)]
struct Speaker {
    first: String,
    last: String,
    female: bool,
    role: &'static str,
}

impl Speaker {
    fn full(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
    fn pronoun(&self) -> &'static str {
        if self.female { "she" } else { "he" }
    }
}

struct CanonQuote {
    /// Clauses (1 or 2); the quotation is their join.
    parts: Vec<String>,
    /// Ids of its text and clauses in the clash pool.
    texts: std::ops::Range<usize>,
    speaker: usize,
    /// Altered in the corpus: (substituted text) or a swapped speaker.
    alt_text: Option<String>,
    alt_speaker: Option<usize>,
    uses_full: usize,
}

impl CanonQuote {
    fn text(&self) -> String {
        join_parts(&self.parts)
    }
    fn tainted(&self) -> bool {
        self.alt_text.is_some() || self.alt_speaker.is_some()
    }
}

fn join_parts(parts: &[String]) -> String {
    if parts.len() == 1 {
        parts[0].clone()
    } else {
        format!("{}, {}", parts[0], parts[1])
    }
}

struct Subject {
    kind: usize,
    a: String,
    b: String,
    /// period year -> fact index
    facts: BTreeMap<i32, usize>,
    tainted: bool,
}

struct Fact {
    subject: usize,
    year: i32,
    /// Value in display magnitude (billions for USD and m3, millions for
    /// tonnes, plain otherwise).
    value: u64,
    /// An altered value some articles give instead.
    alt_value: Option<u64>,
    uses: usize,
}

struct World {
    speakers: Vec<Speaker>,
    quotes: Vec<CanonQuote>,
    subjects: Vec<Subject>,
    facts: Vec<Fact>,
    names: HashSet<String>,
    /// Every quotation text in the pool (canonical and altered), for the
    /// distinctness checks: content word -> quote texts.
    qindex: HashMap<String, Vec<usize>>,
    qtexts: Vec<String>,
    /// Sorted word ids of each pool text, with multiplicity.
    qwords: Vec<Vec<u32>>,
    vocab: HashMap<String, u32>,
    /// Whether each pool text is a whole quotation (not a part).
    qfull: Vec<bool>,
}

/// Size of the multiset intersection of two sorted lists.
fn multiset_shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                if a[i] != u32::MAX {
                    n += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn invent_name(rng: &mut Rng, taken: &mut HashSet<String>) -> String {
    loop {
        let mut s = rng.word(SYL1).to_string();
        if rng.chance(0.6) {
            s.push_str(rng.word(SYL2));
        }
        s.push_str(rng.word(SYL3));
        if s.len() >= 5 && taken.insert(s.to_lowercase()) {
            return s;
        }
    }
}

fn fill_template(rng: &mut Rng, t: &str) -> String {
    let mut out = Vec::new();
    for tok in t.split(' ') {
        // A slot may carry the punctuation after it ("a A N, not ...").
        let (slot, mark) = tok.split_at(tok.trim_end_matches([',', ';', '.']).len());
        let w = match slot {
            "N" => rng.word(Q_N),
            "P" => rng.word(Q_P),
            "A" => rng.word(Q_A),
            "V" => rng.word(Q_V),
            "D" => rng.word(Q_D),
            "G" => rng.word(Q_G),
            w => w,
        };
        out.push(format!("{w}{mark}"));
    }
    let s = out.join(" ");
    // "an" before consonants, "a" before vowels.
    let s = s.replace(" a a", " an a").replace(" a e", " an e");
    let s = s.replace(" a i", " an i").replace(" a o", " an o");
    let s = s.replace(" a u", " an u").replace(" an N", " a N");
    cap(&s)
}

impl World {
    /// Whether `text` matches a pool text other than those in `allow`:
    /// `compare_quotes(text, pool)` (the direction `check` uses: claim
    /// first), and with `both` also `compare_quotes(pool, text)` against
    /// whole quotations. Candidates share a content word and enough words
    /// for a match to be possible; only they are compared.
    fn clashes(&self, text: &str, allow: &[usize], both: bool) -> bool {
        let mut ids: Vec<usize> = content_words(text)
            .iter()
            .filter_map(|w| self.qindex.get(w))
            .flatten()
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mine = self.word_ids(text);
        for i in ids {
            if allow.contains(&i) {
                continue;
            }
            let theirs = &self.qwords[i];
            let m = multiset_shared(&mine, theirs);
            // `compare_quotes(a, b)` needs all of a's words in b (exact,
            // fragment, style variant), or Dice 2m/(|a| + window) >= 0.6
            // with window >= m shared words (a variant): 7m >= 3|a|, where
            // m is at most the words a and b share, counted with
            // multiplicity. Short phrases are always compared.
            let possible = |la: usize| la <= 6 || 7 * m >= 3 * la;
            let forward = possible(mine.len());
            let backward = both && self.qfull[i] && possible(theirs.len());
            if m < 2 || !(forward || backward) {
                continue;
            }
            let other = &self.qtexts[i];
            if (forward && compare_quotes(text, other).is_some())
                || (backward && compare_quotes(other, text).is_some())
            {
                return true;
            }
        }
        false
    }

    /// Adds a quotation and, when it has two parts, each part (a split
    /// quotation is extracted as two). Returns the ids it took.
    fn add_quote(&mut self, parts: &[String]) -> std::ops::Range<usize> {
        let id = self.add_text(join_parts(parts), true);
        if parts.len() == 2 {
            for p in parts {
                self.add_text(p.clone(), false);
            }
        }
        id..self.qtexts.len()
    }

    /// The words of `text` as sorted ids, with multiplicity (words the
    /// pool has never seen get an id no pool text has).
    fn word_ids(&self, text: &str) -> Vec<u32> {
        let mut ids: Vec<u32> = words(text)
            .iter()
            .map(|w| self.vocab.get(w).copied().unwrap_or(u32::MAX))
            .collect();
        ids.sort_unstable();
        ids
    }

    fn add_text(&mut self, text: String, full: bool) -> usize {
        let id = self.qtexts.len();
        for w in content_words(&text) {
            self.qindex.entry(w).or_default().push(id);
        }
        for w in words(&text) {
            let n = self.vocab.len() as u32;
            self.vocab.entry(w).or_insert(n);
        }
        let ids = self.word_ids(&text);
        self.qwords.push(ids);
        self.qtexts.push(text);
        self.qfull.push(full);
        id
    }

    /// A new quotation of two or three clauses that matches no pool text in
    /// the claim direction and no whole quotation the other way (so an
    /// "unverified" claim made of it finds nothing).
    fn new_quote_parts(&self, rng: &mut Rng) -> Vec<String> {
        for _ in 0..100_000 {
            let n = rng.range(2, 3);
            let clauses: Vec<String> = (0..n)
                .map(|_| {
                    let t = rng_pick_template(rng);
                    fill_template(rng, t)
                })
                .collect();
            let lower = |c: &str| {
                if c.starts_with("I ") {
                    c.to_string()
                } else {
                    format!("{}{}", c[..1].to_lowercase(), &c[1..])
                }
            };
            let mut second = format!("and {}", lower(&clauses[1]));
            if n == 3 {
                second = format!("{second}. {}", clauses[2]);
            }
            let parts = vec![clauses[0].clone(), second];
            let text = join_parts(&parts);
            if !self.clashes(&text, &[], true) {
                return parts;
            }
        }
        panic!("gen_corpus: could not invent a distinct quotation; the word lists are too small")
    }

    /// One content word of `text` replaced by another of the same list, so
    /// that the result is a `Variant` of `text` and matches nothing else.
    fn substitute(&self, rng: &mut Rng, text: &str, own: &[usize]) -> Option<String> {
        let words: Vec<&str> = text.split(' ').collect();
        for _ in 0..40 {
            let i = rng.below(words.len());
            let w = words[i]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let list = [Q_N, Q_P, Q_A, Q_V]
                .into_iter()
                .find(|l| l.split_whitespace().any(|x| x == w));
            let Some(list) = list else { continue };
            let new = rng.word(list);
            if new == w || text.to_lowercase().contains(new) {
                continue;
            }
            let mut out: Vec<String> = words.iter().map(|s| s.to_string()).collect();
            let start_cap = i == 0;
            let punct: String = words[i]
                .chars()
                .rev()
                .take_while(|c| !c.is_alphanumeric())
                .collect();
            out[i] = if start_cap { cap(new) } else { new.to_string() } + &punct;
            let cand = out.join(" ");
            match compare_quotes(&cand, &self.qtexts[own[0]]) {
                Some(m) if m.level == QuoteLevel::Variant => {}
                _ => continue,
            }
            if self.clashes(&cand, own, false) {
                continue;
            }
            return Some(cand);
        }
        None
    }
}

fn rng_pick_template(rng: &mut Rng) -> &'static str {
    Q_TEMPLATES[rng.below(Q_TEMPLATES.len())]
}

// ------------------------------------------------------------- figures

fn group3(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "3 significant digits or fewer" values: nice numbers within lo..=hi.
fn nice_value(rng: &mut Rng, lo: usize, hi: usize) -> u64 {
    let v = rng.range(lo, hi) as u64;
    if v >= 1000 { v / 10 * 10 } else { v }
}

/// The figure as written: a qualifier that keeps the true value inside its
/// interval, and a unit spelling. `exact_only` for claims.
fn render_figure(rng: &mut Rng, kind: UnitKind, value: u64, exact_only: bool) -> String {
    // Qualified forms: (prefix, shown value). Over: shown <= v <= 4/3 shown;
    // nearly: 0.9 shown <= v <= shown; about: within 10 %.
    let (prefix, shown) = if exact_only {
        ("", value)
    } else {
        match rng.below(6) {
            0 if value >= 10 => {
                let s = value - value / 20; // 5 % lower
                let s = if s >= 100 { s / 10 * 10 } else { s };
                if s < value && value * 3 <= s * 4 {
                    ("more than ", s)
                } else {
                    ("", value)
                }
            }
            1 if value >= 10 => {
                let s = value + value / 20;
                let s = if s >= 100 { s.div_ceil(10) * 10 } else { s };
                if s > value && value * 10 >= s * 9 {
                    ("nearly ", s)
                } else {
                    ("", value)
                }
            }
            2 => ("about ", value),
            _ => ("", value),
        }
    };
    let num = group3(shown);
    let body = match kind {
        UnitKind::Usd => match rng.below(3) {
            0 => format!("${num} billion"),
            1 => format!("${num}bn"),
            _ => format!("US${num} billion"),
        },
        UnitKind::Km => match rng.below(3) {
            0 => format!("{num} km"),
            1 => format!("{num} kilometres"),
            _ => format!("{num} kilometers"),
        },
        UnitKind::Percent => match rng.below(3) {
            0 => format!("{num}%"),
            1 => format!("{num} percent"),
            _ => format!("{num} per cent"),
        },
        UnitKind::Tonnes => format!("{num} million tonnes"),
        UnitKind::M3 => match rng.below(2) {
            0 => format!("{num} billion cubic metres"),
            _ => format!("{num} bcm"),
        },
        UnitKind::Times => format!("{num} times"),
    };
    format!("{prefix}{body}")
}

fn fill_subject(s: &str, a: &str, b: &str) -> String {
    s.replace("{A}", a).replace("{B}", b)
}

fn figure_sentence(
    rng: &mut Rng,
    kind: &SubjectKind,
    a: &str,
    b: &str,
    figure: &str,
    period: &str,
) -> String {
    let form = rng.pick(kind.forms);
    let s = fill_subject(form, a, b)
        .replace("{F}", figure)
        .replace("{T^}", &cap(period))
        .replace("{T}", period);
    cap(&s)
}

// ------------------------------------------------------------ articles

struct Args {
    mb: f64,
    claims: usize,
    out: PathBuf,
    seed: u64,
}

fn parse_args() -> Args {
    let mut a = Args {
        mb: 200.0,
        claims: 1000,
        out: PathBuf::from("target/bench"),
        seed: 7,
    };
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    let need = |i: usize| -> &String {
        argv.get(i + 1).unwrap_or_else(|| {
            eprintln!("gen_corpus: {} needs a value", argv[i]);
            std::process::exit(2)
        })
    };
    while i < argv.len() {
        let bad = |what: &str| -> ! {
            eprintln!("gen_corpus: bad value for {what}");
            std::process::exit(2)
        };
        match argv[i].as_str() {
            "--mb" => a.mb = need(i).parse().unwrap_or_else(|_| bad("--mb")),
            "--claims" => a.claims = need(i).parse().unwrap_or_else(|_| bad("--claims")),
            "--out" => a.out = PathBuf::from(need(i)),
            "--seed" => a.seed = need(i).parse().unwrap_or_else(|_| bad("--seed")),
            "-h" | "--help" => {
                println!(
                    "usage: gen_corpus [--mb N] [--claims N] [--out DIR] [--seed N]\n\
                     defaults: --mb 200 --claims 1000 --out target/bench --seed 7"
                );
                std::process::exit(0);
            }
            other => {
                eprintln!("gen_corpus: unknown argument `{other}`");
                std::process::exit(2);
            }
        }
        i += 2;
    }
    if a.mb <= 0.0 {
        eprintln!("gen_corpus: --mb must be positive");
        std::process::exit(2);
    }
    a
}

fn filler_sentence(rng: &mut Rng, places: &[String]) -> String {
    let p = rng.pick(places);
    match rng.below(4) {
        0 => format!(
            "{} in {} {} the {} {} {}.",
            rng.bar(F_SUBJ),
            p,
            rng.bar(F_VERB),
            rng.bar(F_ADJ),
            rng.bar(F_NOUN),
            rng.bar(F_TAIL),
        ),
        1 => format!("{} {}.", rng.bar(F_OPEN), rng.bar(F_CLAUSE),),
        2 => format!(
            "The {} {} was {} on {} {}, and {}.",
            rng.bar(F_ADJ),
            rng.bar(F_NOUN),
            rng.bar(F_VERB),
            rng.word(WEEKDAYS),
            rng.bar(F_TAIL),
            rng.bar(F_CLAUSE),
        ),
        _ => format!(
            "In {}, {} {} the {} {}, although {}.",
            p,
            rng.bar(F_SUBJ).to_lowercase(),
            rng.bar(F_VERB),
            rng.bar(F_ADJ),
            rng.bar(F_NOUN),
            rng.bar(F_CLAUSE),
        ),
    }
}

/// A paragraph quoting `q` (text `text`) from speaker `s`; returns the
/// paragraph and whether the whole quotation stands in one piece.
fn quote_paragraph(rng: &mut Rng, s: &Speaker, parts: &[String], text: &str) -> (String, bool) {
    let full = s.full();
    let wd = rng.word(WEEKDAYS);
    let trail = |t: &str, c: char| {
        let t = t.trim_end_matches([',', '.']);
        format!("{t}{c}")
    };
    match rng.below(if parts.len() == 2 { 6 } else { 5 }) {
        0 => (format!("{full} said “{}”", trail(text, '.')), true),
        1 => (
            format!("{} {full} said on {wd}: “{}”", s.role, trail(text, '.')),
            true,
        ),
        2 => (
            format!("“{}” {full} told reporters.", trail(text, ',')),
            true,
        ),
        3 => (
            format!(
                "{full}, the {}, spoke on {wd}. “{}” {} said.",
                s.role.to_lowercase(),
                trail(text, ','),
                s.pronoun()
            ),
            true,
        ),
        4 => (format!("“{}” according to {full}.", trail(text, ',')), true),
        _ => {
            let second = parts[1].trim_start_matches("and ");
            (
                format!(
                    "{full}, the {}, addressed the forum on {wd}. “{}” {} said, “and {}”",
                    s.role.to_lowercase(),
                    trail(&parts[0], ','),
                    s.pronoun(),
                    trail(second, '.')
                ),
                false,
            )
        }
    }
}

fn main() {
    let args = parse_args();
    let mut rng = Rng::new(args.seed);
    let target = (args.mb * 1024.0 * 1024.0) as u64;
    // Pool sizes grow with the corpus so that each quotation and fact
    // recurs in many articles at every size.
    // Claims take distinct quotations (44 % of them) and facts (30 %), so
    // the pools are never smaller than the claims need.
    let n_quotes = ((args.mb * 20.0) as usize)
        .clamp(300, 3000)
        .max(args.claims * 6 / 10);
    let n_subjects = ((args.mb * 6.0) as usize)
        .clamp(120, 1200)
        .max(args.claims * 3 / 10);
    let n_speakers = ((args.mb * 3.0) as usize).clamp(120, 400);

    let mut w = World {
        speakers: Vec::new(),
        quotes: Vec::new(),
        subjects: Vec::new(),
        facts: Vec::new(),
        names: HashSet::new(),
        qindex: HashMap::new(),
        qtexts: Vec::new(),
        qwords: Vec::new(),
        vocab: HashMap::new(),
        qfull: Vec::new(),
    };
    // Names of words used elsewhere must never be invented.
    for list in [Q_N, Q_P, Q_A, Q_V, Q_D, Q_G, MALE, FEMALE] {
        for x in list.split_whitespace() {
            w.names.insert(x.to_lowercase());
        }
    }
    let roles: Vec<&str> = ROLES.split('|').map(str::trim).collect();
    for _ in 0..n_speakers {
        let female = rng.chance(0.45);
        let first = rng.word(if female { FEMALE } else { MALE }).to_string();
        let last = invent_name(&mut rng, &mut w.names);
        let role = *rng.pick(&roles);
        w.speakers.push(Speaker {
            first,
            last,
            female,
            role,
        });
    }
    let places: Vec<String> = (0..60)
        .map(|_| invent_name(&mut rng, &mut w.names))
        .collect();
    // Canonical quotations; 3 % get a substituted word in some articles and
    // 3 % another speaker in some articles.
    for _ in 0..n_quotes {
        let parts = w.new_quote_parts(&mut rng);
        let texts = w.add_quote(&parts);
        let speaker = rng.below(n_speakers);
        w.quotes.push(CanonQuote {
            parts,
            texts,
            speaker,
            alt_text: None,
            alt_speaker: None,
            uses_full: 0,
        });
    }
    for i in 0..n_quotes {
        let r = rng.below(100);
        if r < 3 {
            let t = w.quotes[i].text();
            let own: Vec<usize> = w.quotes[i].texts.clone().collect();
            if let Some(alt) = w.substitute(&mut rng, &t, &own) {
                w.quotes[i].alt_text = Some(alt.clone());
                w.add_text(alt, true);
            }
        } else if r < 6 {
            let mut o = rng.below(n_speakers);
            if o == w.quotes[i].speaker {
                o = (o + 1) % n_speakers;
            }
            w.quotes[i].alt_speaker = Some(o);
        }
    }
    // Subjects and facts: 1-3 periods each over 2015-2024; 4 % of subjects
    // get a changed value for one period in some articles.
    for _ in 0..n_subjects {
        let kind = rng.below(SUBJECTS.len());
        let a = invent_name(&mut rng, &mut w.names);
        let b = invent_name(&mut rng, &mut w.names);
        let si = w.subjects.len();
        let mut facts = BTreeMap::new();
        let n = rng.range(1, 3);
        while facts.len() < n {
            let year = 2015 + rng.below(10) as i32;
            if facts.contains_key(&year) {
                continue;
            }
            let k = &SUBJECTS[kind];
            let value = nice_value(&mut rng, k.lo, k.hi);
            facts.insert(year, w.facts.len());
            w.facts.push(Fact {
                subject: si,
                year,
                value,
                alt_value: None,
                uses: 0,
            });
        }
        let tainted = rng.chance(0.04);
        if tainted {
            let (_, &fi) = facts.iter().next().unwrap();
            let v = w.facts[fi].value;
            w.facts[fi].alt_value = Some(v * 2 + 1);
        }
        w.subjects.push(Subject {
            kind,
            a,
            b,
            facts,
            tainted,
        });
    }

    let src_dir = args.out.join("sources");
    std::fs::create_dir_all(&src_dir).unwrap_or_else(|e| die(&src_dir, e));
    let outlets: Vec<&str> = OUTLETS.split('|').map(str::trim).collect();
    let mut total: u64 = 0;
    let mut n_articles = 0usize;
    let mut n_quote_items = 0usize;
    let mut n_figure_items = 0usize;
    let mut truth = String::from("source\tline\tquotation\taltered\n");
    let mut figure_truth = String::from("source\tline\tsubject\tfact\tyear\taltered\tgoal\n");
    while total < target {
        n_articles += 1;
        let year = 2019 + rng.below(7) as i32;
        let month = 1 + rng.below(12);
        let day = 1 + rng.below(28);
        let outlet = *rng.pick(&outlets);
        let place = rng.pick(&places).clone();
        let title = format!(
            "{} {} {} in {}",
            cap(rng.bar(F_ADJ)),
            rng.bar(F_NOUN),
            rng.pick(&[
                "talks resume",
                "under pressure",
                "faces new doubts",
                "gains support"
            ]),
            place
        );
        let slug: String = title
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let mut doc = String::with_capacity(6500);
        let _ = write!(
            doc,
            "---\ntitle: \"{title}\"\noutlet: \"{outlet}\"\ndate: {year}-{month:02}-{day:02}\n\
             url: https://news.example/{}/{year}/{month:02}/{slug}-{n_articles:06}\n---\n# {title}\n\n",
            outlet
                .to_lowercase()
                .replace("the ", "")
                .replace([' ', '-'], ""),
        );
        let size = rng.range(2000, 6000);
        while doc.len() < size {
            let mut para: Vec<String> = (0..rng.range(1, 3))
                .map(|_| filler_sentence(&mut rng, &places))
                .collect();
            match rng.below(5) {
                0 | 1 => {
                    let qi = rng.below(w.quotes.len());
                    let q = &w.quotes[qi];
                    let alt_t = q.alt_text.is_some() && rng.chance(0.15);
                    let alt_s = q.alt_speaker.is_some() && rng.chance(0.15);
                    let text = if alt_t {
                        q.alt_text.clone().unwrap()
                    } else {
                        q.text()
                    };
                    let parts = if alt_t {
                        vec![text.clone()]
                    } else {
                        q.parts.clone()
                    };
                    let s = if alt_s {
                        q.alt_speaker.unwrap()
                    } else {
                        q.speaker
                    };
                    let (p, whole) = quote_paragraph(&mut rng, &w.speakers[s], &parts, &text);
                    if whole && !alt_t && !alt_s {
                        w.quotes[qi].uses_full += 1;
                    }
                    n_quote_items += 1;
                    // Each paragraph is one line, and holds one quotation.
                    let line = doc.bytes().filter(|&b| b == b'\n').count() + 1;
                    let altered = match (alt_t, alt_s) {
                        (true, _) => "words",
                        (false, true) => "speaker",
                        (false, false) => "-",
                    };
                    let _ = writeln!(truth, "{n_articles:06}\t{line}\tq{qi}\t{altered}");
                    para.push(p);
                }
                2 | 3 => {
                    // An article reports what had happened by its date: a
                    // fact of a year before the article's, the first from
                    // the one drawn (a figure of a later year would be a
                    // forecast, which crosscheck reads as one).
                    let drawn = rng.below(w.facts.len());
                    let fi = (0..w.facts.len())
                        .map(|k| (drawn + k) % w.facts.len())
                        .find(|&i| w.facts[i].year < year)
                        .unwrap_or(drawn);
                    let f = &w.facts[fi];
                    let subj = &w.subjects[f.subject];
                    let kind = &SUBJECTS[subj.kind];
                    // (The chance is drawn only for a fact with an altered value.)
                    let altered = f.alt_value.is_some() && rng.chance(0.2);
                    let value = match f.alt_value {
                        Some(v) if altered => v,
                        _ => f.value,
                    };
                    let fig = render_figure(&mut rng, kind.unit, value, false);
                    let period = if f.year == year - 1 && rng.chance(0.4) {
                        "last year".to_string()
                    } else {
                        format!("in {}", f.year)
                    };
                    let mut s = figure_sentence(&mut rng, kind, &subj.a, &subj.b, &fig, &period);
                    let goal = subj.kind == 0 && rng.chance(0.15);
                    if goal {
                        // A target next to the actual figure: another
                        // modality, never a conflict.
                        let target = render_figure(&mut rng, kind.unit, f.value * 3 / 2 + 10, true);
                        let by = f.year + 2 + rng.below(4) as i32;
                        s = format!(
                            "{} and {} have set a goal of {target} in trade by {by}. {s}",
                            subj.a, subj.b
                        );
                    }
                    if rng.chance(0.2) {
                        let sp = &w.speakers[rng.below(n_speakers)];
                        s = format!(
                            "According to {}, {}{}",
                            sp.full(),
                            &s[..1].to_lowercase(),
                            &s[1..]
                        );
                    }
                    // Each paragraph is one line, and holds one figure (and
                    // the goal before it, if any).
                    let line = doc.bytes().filter(|&b| b == b'\n').count() + 1;
                    let _ = writeln!(
                        figure_truth,
                        "{n_articles:06}\t{line}\ts{}\tf{fi}\t{}\t{}\t{}",
                        f.subject,
                        f.year,
                        if altered { "value" } else { "-" },
                        if goal { "goal" } else { "-" },
                    );
                    w.facts[fi].uses += 1;
                    n_figure_items += 1;
                    para.push(s);
                }
                _ => {}
            }
            doc.push_str(&para.join(" "));
            doc.push_str("\n\n");
        }
        let path = src_dir.join(format!("{n_articles:06}.md"));
        std::fs::write(&path, &doc).unwrap_or_else(|e| die(&path, e));
        total += doc.len() as u64;
    }

    // ---------------------------------------------------------- claims
    let claims = make_claims(&mut rng, &mut w, args.claims);
    let mut toml = String::from(
        "# Generated by examples/gen_corpus.rs: verdicts known by construction\n\
         # (see expected.tsv).\n",
    );
    let mut tsv = String::new();
    let mut quotes_txt = String::new();
    let mut per: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, c) in claims.iter().enumerate() {
        let id = format!("c{:04}", i + 1);
        let _ = writeln!(
            toml,
            "\n[[claim]]\nid = \"{id}\"\ntext = {}",
            toml_str(&c.text)
        );
        if let Some(s) = &c.speaker {
            let _ = writeln!(toml, "speaker = {}", toml_str(s));
        }
        if let Some(q) = &c.quote {
            let _ = writeln!(toml, "quote = {}", toml_str(q));
        }
        let _ = writeln!(tsv, "{id}\t{}", c.verdict);
        if let Some(q) = &c.words {
            quotes_txt.push_str(q);
            quotes_txt.push('\n');
        }
        *per.entry(c.verdict).or_default() += 1;
    }
    let write = |name: &str, text: &str| {
        let p = args.out.join(name);
        std::fs::write(&p, text).unwrap_or_else(|e| die(&p, e));
    };
    write("claims.toml", &toml);
    write("expected.tsv", &tsv);
    write("quotes.txt", &quotes_txt);
    write("quotes.tsv", &truth);
    write("figures.tsv", &figure_truth);
    let mut manifest = format!(
        "seed\t{}\nmb\t{}\ngenerator\t{GENERATOR}\nbytes\t{total}\narticles\t{n_articles}\nquote_items\t{n_quote_items}\n\
         figure_items\t{n_figure_items}\nspeakers\t{n_speakers}\ncanonical_quotes\t{n_quotes}\n\
         subjects\t{n_subjects}\nfacts\t{}\nclaims\t{}\n",
        args.seed,
        args.mb,
        w.facts.len(),
        claims.len()
    );
    for (v, n) in &per {
        let _ = writeln!(manifest, "claims_{v}\t{n}");
    }
    write("manifest.txt", &manifest);
    eprintln!(
        "gen_corpus: {} articles, {:.1} MB, {} quotations, {} figures, {} claims -> {}",
        n_articles,
        total as f64 / 1048576.0,
        n_quote_items,
        n_figure_items,
        claims.len(),
        args.out.display()
    );
}

fn die(p: &Path, e: std::io::Error) -> ! {
    eprintln!("gen_corpus: {}: {e}", p.display());
    std::process::exit(2)
}

fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

// ------------------------------------------------------------- claims

struct GenClaim {
    text: String,
    speaker: Option<String>,
    quote: Option<String>,
    /// The quoted words (for quotes.txt).
    words: Option<String>,
    verdict: &'static str,
}

/// A quotation claim in one of several natural forms; a quarter also spell
/// out `speaker` and `quote`.
fn quote_claim(rng: &mut Rng, s: &Speaker, text: &str, verdict: &'static str) -> GenClaim {
    let t = text.trim_end_matches([',', '.']);
    let claim_text = match rng.below(3) {
        0 => format!("{} said “{t}.”", s.full()),
        1 => format!("“{t},” {} said.", s.full()),
        _ => format!("{} {} told reporters: “{t}.”", s.role, s.full()),
    };
    let explicit = rng.chance(0.25);
    GenClaim {
        text: claim_text,
        speaker: explicit.then(|| s.full()),
        quote: explicit.then(|| t.to_string()),
        words: Some(t.to_string()),
        verdict,
    }
}

fn figure_claim(
    rng: &mut Rng,
    subj: &Subject,
    year: i32,
    value: u64,
    verdict: &'static str,
) -> GenClaim {
    let kind = &SUBJECTS[subj.kind];
    let fig = render_figure(rng, kind.unit, value, true);
    let text = figure_sentence(rng, kind, &subj.a, &subj.b, &fig, &format!("in {year}"));
    GenClaim {
        text,
        speaker: None,
        quote: None,
        words: None,
        verdict,
    }
}

fn make_claims(rng: &mut Rng, w: &mut World, n: usize) -> Vec<GenClaim> {
    // Shares of the claim mix, in percent.
    const MIX: &[(&str, usize)] = &[
        ("supported-quote", 16),
        ("supported-figure", 16),
        ("variant", 14),
        ("misattributed", 14),
        ("contradicted", 14),
        ("other-period", 12),
        ("unverified-quote", 7),
        ("unverified-figure", 7),
    ];
    let good_quotes: Vec<usize> = (0..w.quotes.len())
        .filter(|&i| !w.quotes[i].tainted() && w.quotes[i].uses_full > 0)
        .collect();
    let good_facts: Vec<usize> = (0..w.facts.len())
        .filter(|&i| !w.subjects[w.facts[i].subject].tainted && w.facts[i].uses > 0)
        .collect();
    // Subjects whose every stated period appears; a year none of them has.
    let good_subjects: Vec<usize> = (0..w.subjects.len())
        .filter(|&s| {
            !w.subjects[s].tainted && w.subjects[s].facts.values().any(|&f| w.facts[f].uses > 0)
        })
        .collect();
    let mut out = Vec::with_capacity(n);
    let mut used_quotes = HashSet::new();
    let mut used_facts = HashSet::new();
    for (name, share) in MIX {
        // The rounding remainder goes to the first kind.
        let rest = n - MIX.iter().map(|(_, s)| n * s / 100).sum::<usize>();
        let count = n * share / 100 + if *name == MIX[0].0 { rest } else { 0 };
        let mut made = 0;
        let mut tries = 0;
        while made < count && tries < count * 50 + 100 {
            tries += 1;
            let c = match *name {
                "supported-quote" | "variant" | "misattributed" => {
                    if good_quotes.is_empty() {
                        break;
                    }
                    let qi = *rng.pick(&good_quotes);
                    if !used_quotes.insert(qi) {
                        continue;
                    }
                    let q = &w.quotes[qi];
                    let text = q.text();
                    let own: Vec<usize> = q.texts.clone().collect();
                    let sp = w.speakers[q.speaker].clone();
                    let sp = &sp;
                    match *name {
                        "supported-quote" => quote_claim(rng, sp, &text, "supported"),
                        "variant" => match w.substitute(rng, &text, &own) {
                            Some(alt) => {
                                // Never reuse it: the pool now knows it.
                                w.add_text(alt.clone(), true);
                                quote_claim(rng, sp, &alt, "variant")
                            }
                            None => continue,
                        },
                        _ => {
                            let mut o = rng.below(w.speakers.len());
                            if o == q.speaker {
                                o = (o + 1) % w.speakers.len();
                            }
                            quote_claim(rng, &w.speakers[o].clone(), &text, "misattributed")
                        }
                    }
                }
                "unverified-quote" => {
                    let parts = w.new_quote_parts(rng);
                    let text = join_parts(&parts);
                    w.add_quote(&parts);
                    let sp = w.speakers[rng.below(w.speakers.len())].clone();
                    quote_claim(rng, &sp, &text, "unverified")
                }
                "supported-figure" | "contradicted" => {
                    if good_facts.is_empty() {
                        break;
                    }
                    let fi = *rng.pick(&good_facts);
                    if !used_facts.insert(fi) {
                        continue;
                    }
                    let f = &w.facts[fi];
                    let subj = &w.subjects[f.subject];
                    if *name == "supported-figure" {
                        figure_claim(rng, subj, f.year, f.value, "supported")
                    } else {
                        // Far outside every qualifier interval.
                        let v = f.value * 5 / 2 + 1;
                        figure_claim(rng, subj, f.year, v, "contradicted")
                    }
                }
                "other-period" => {
                    if good_subjects.is_empty() {
                        break;
                    }
                    let si = *rng.pick(&good_subjects);
                    let subj = &w.subjects[si];
                    let year = 2015 + rng.below(10) as i32;
                    if subj.facts.contains_key(&year) || !used_facts.insert(usize::MAX - si) {
                        continue;
                    }
                    let (_, &fi) = subj.facts.iter().next().unwrap();
                    let v = w.facts[fi].value;
                    figure_claim(rng, subj, year, v, "other-period")
                }
                _ => {
                    // unverified-figure: a subject nobody writes about.
                    let kind = rng.below(SUBJECTS.len());
                    let subj = Subject {
                        kind,
                        a: invent_name(rng, &mut w.names),
                        b: invent_name(rng, &mut w.names),
                        facts: BTreeMap::new(),
                        tainted: false,
                    };
                    let k = &SUBJECTS[kind];
                    let v = nice_value(rng, k.lo, k.hi);
                    let year = 2015 + rng.below(10) as i32;
                    figure_claim(rng, &subj, year, v, "unverified")
                }
            };
            out.push(c);
            made += 1;
        }
        if made < count {
            eprintln!(
                "gen_corpus: warning: only {made} of {count} {name} claims (corpus too small for that many)"
            );
        }
    }
    // Interleave the kinds so that a truncated run still sees every kind.
    let mut order: Vec<usize> = (0..out.len()).collect();
    for i in (1..order.len()).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    let mut slots: Vec<Option<GenClaim>> = out.into_iter().map(Some).collect();
    order
        .into_iter()
        .map(|i| slots[i].take().unwrap())
        .collect()
}
