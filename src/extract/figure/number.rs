//! Numbers as written: digits with thousands separators and decimals,
//! magnitudes (thousand, million, bn, "185B", "1.2m"), number words ("forty",
//! "forty-two", "a dozen", "a third", "twice", "a decade"), a currency symbol
//! or code in front, ranges. Every value is finite or the number is dropped.

use super::unit::currency_symbol;
use crate::text::is_alnum;
use regex::Regex;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<cur>US\$|(?-u:\b)(?:C|CA|A|AU|HK|NZ|S|SG|R|NT|MX)\$|\$|€|£|¥|₹|₽|₩|₺|(?-u:\b)(?:USD|EUR|RMB|CNY|RUB|GBP|INR|JPY|CHF|CAD|AUD|HKD|NZD|SGD|SEK|NOK|DKK|KRW|BRL|ZAR|TRY|MXN|PLN)\ ?|(?-u:\b)(?:Rs|Rbs?)\.?\ ?)?
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\ \u{202F}\u{A0}]\d{3})+(?:[.,]\d+)?|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d+(?:\.\d+|,\d{1,2}(?-u:\b))?)
        (?P<mag>\ ?(?i:thousand|million|billion|trillion|mln|bln|bn|mn|tn|crores?|lakhs?)(?-u:\b)|(?:k|m|b|K|M|B|T)(?-u:\b))?",
    )
    .expect("number pattern compiles")
});

static NUMBER_WORD: LazyLock<Regex> = LazyLock::new(|| {
    let units = "one|two|three|four|five|six|seven|eight|nine";
    let teens = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    let tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
    Regex::new(&format!(
        r"(?i)(?-u:\b)(?P<w>(?:{units})\s+(?:in|out\s+of)\s+(?:two|three|four|five|six|seven|eight|nine|ten|a\s+hundred)|a\s+dozen|dozens|half\s+a\s+dozen|half|a\s+third|a\s+quarter|two[-\s]thirds|three[-\s]quarters|twice|doubled|doubling|tripled|tripling|quadrupled|(?:two|three|four|five|six|seven|eight|nine|ten)fold|(?:a|one|two|three|four|five)\s+decades?|(?:a|one|two|three)\s+centur(?:y|ies)|(?:{tens})(?:[-\s](?:{units}))?|{teens}|a\s+hundred|(?:{units})\s+hundred|(?:{units}))(?P<mag>\s+(?:thousand|million|billion|trillion))?(?-u:\b)"
    ))
    .expect("number word pattern compiles")
});

/// [`NUMBER`] or [`NUMBER_WORD`], without their groups: one search for
/// both kinds in text that holds a digit. No match of one can start at,
/// inside or across a match of the other (a number in digits is a currency
/// mark or code, digits and a magnitude, and no number word starts with
/// any of them; a number word holds letters, spaces and hyphens only), so
/// the matches are those of the two searches together (a property test
/// holds it); a match in digits holds a number character, one in words
/// none.
static NUMBER_OR_WORD: LazyLock<Regex> = LazyLock::new(|| {
    let plain = |re: &Regex| {
        ["cur", "num", "mag", "w"]
            .iter()
            .fold(re.as_str().to_string(), |p, g| {
                p.replace(&format!("(?P<{g}>"), "(?:")
            })
    };
    Regex::new(&format!(
        "(?:{})|(?:{})",
        plain(&NUMBER),
        plain(&NUMBER_WORD)
    ))
    .expect("number or word pattern compiles")
});

/// Number words from zero to nineteen, each at its value.
pub const SMALL_NUMBER_WORDS: [&str; 20] = [
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

pub fn word_value(w: &str) -> Option<f64> {
    let w = w.to_lowercase();
    let w: Vec<&str> = w
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|s| !s.is_empty())
        .collect();
    let small = |s: &str| -> Option<f64> {
        if let Some(i) = SMALL_NUMBER_WORDS.iter().position(|n| *n == s) {
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
        // "one in five", "three out of ten": a share, in percent.
        [a, "in", "a", "hundred"] | [a, "out", "of", "a", "hundred"] => small(a),
        [a, "in", b] | [a, "out", "of", b] => Some(100.0 * small(a)? / small(b)?),
        ["a", "dozen"] => Some(12.0),
        ["half"] => Some(50.0),
        ["doubled" | "doubling"] => Some(2.0),
        ["tripled" | "tripling"] => Some(3.0),
        ["quadrupled"] => Some(4.0),
        [f] if f.ends_with("fold") => small(f.strip_suffix("fold")?),
        ["dozens"] => Some(24.0),
        ["half", "a", "dozen"] => Some(6.0),
        ["a", "third"] => Some(100.0 / 3.0),
        ["a", "quarter"] => Some(25.0),
        ["two", "thirds"] => Some(200.0 / 3.0),
        ["three", "quarters"] => Some(75.0),
        ["twice"] => Some(2.0),
        ["a", "hundred"] => Some(100.0),
        [n, "hundred"] => small(n).map(|v| v * 100.0),
        [a, d] if d.starts_with("decade") => {
            let n = if *a == "a" { 1.0 } else { small(a)? };
            Some(n * 10.0)
        }
        [a, c] if c.starts_with("centur") => {
            let n = if *a == "a" { 1.0 } else { small(a)? };
            Some(n * 100.0)
        }
        [t, u] => Some(small(t)? + small(u)?),
        [t] => small(t),
        _ => None,
    }
}

/// The power of ten a magnitude word stands for ("billion", "bn": 9).
pub fn magnitude_exp(m: &str) -> i32 {
    match m.trim().to_lowercase().as_str() {
        "thousand" | "k" => 3,
        // Indian English: a lakh is 100,000, a crore ten million.
        "lakh" | "lakhs" => 5,
        "crore" | "crores" => 7,
        "million" | "mln" | "mn" | "m" => 6,
        "billion" | "bln" | "bn" | "b" => 9,
        "trillion" | "tn" | "t" => 12,
        _ => 0,
    }
}

/// The factor a magnitude word stands for ("billion": 1e9).
pub fn magnitude(m: &str) -> f64 {
    // Powers of ten up to 1e22 are exact in f64.
    10f64.powi(magnitude_exp(m))
}

/// Parses digits with `,`, space, thin or no-break space thousands
/// separators and a `.` decimal point. None for what does not fit or
/// overflows.
pub fn parse_number(s: &str) -> Option<f64> {
    parse_scaled(s, 0)
}

/// [`parse_number`] times `10^exp`, read as one decimal number: "33.7"
/// with a billion is 33700000000, where 33.7 × 1e9 would be
/// 33700000000.000004.
pub fn parse_scaled(s: &str, exp: i32) -> Option<f64> {
    if s.len() > 40 {
        return None;
    }
    // Digits and the point, then our exponent, on the stack: at most 40
    // bytes and "e-NN".
    let mut buf = [0u8; 48];
    let mut n = 0;
    for c in s.chars() {
        match c {
            ',' | ' ' | '\u{202F}' | '\u{A0}' => {}
            '0'..='9' | '.' => {
                buf[n] = c as u8;
                n += 1;
            }
            // Anything else (another exponent, a sign, another digit
            // script) is not a number we read.
            _ => return None,
        }
    }
    if exp != 0 {
        use std::io::Write;
        let mut rest = &mut buf[n..];
        let before = rest.len();
        write!(rest, "e{exp}").ok()?;
        n += before - rest.len();
    }
    let text = std::str::from_utf8(&buf[..n]).ok()?;
    let v: f64 = text.parse().ok()?;
    v.is_finite().then_some(v)
}

/// A number written with a decimal comma or with dots between thousands,
/// as much of Europe writes it, in the form [`parse_scaled`] reads (`,`
/// between thousands, `.` the point):
/// - dots between two groups or more, with a comma after them:
///   "1.234.567", "1.234.567,5";
/// - a comma before one or two digits (never a group of three): "1,5
///   million", "7,25%";
/// - a comma after space-separated groups: "2 400,5";
/// - one dot before three digits ending in "00", without a magnitude word
///   after it: "4.200 km" is 4,200 km, as no one writes 4.2 with two
///   trailing zeros ("4.250 km" stays 4.25, "1.200 billion" 1.2 billion).
///
/// Anything else is returned as it is.
pub fn point_and_groups(num: &str, has_magnitude: bool) -> Cow<'_, str> {
    // One pass over the bytes: most numbers are digits alone.
    let (mut dots, mut first_dot, mut comma) = (0, 0, None);
    for (i, b) in num.bytes().enumerate() {
        match b {
            b'.' => {
                if dots == 0 {
                    first_dot = i;
                }
                dots += 1;
            }
            b',' => comma = Some(i),
            _ => {}
        }
    }
    if dots == 0 && comma.is_none() {
        return Cow::Borrowed(num);
    }
    let swap = || Cow::Owned(num.replace('.', "").replace(',', "."));
    if dots >= 2 || (dots == 1 && comma.is_some_and(|c| c > first_dot)) {
        return swap();
    }
    if dots == 0 && comma.is_some_and(|c| (2..=3).contains(&(num.len() - c))) {
        return swap();
    }
    if !has_magnitude
        && let Some((int, frac)) = num.split_once('.')
        && (1..=3).contains(&int.len())
        && !int.starts_with('0')
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.len() == 3
        && frac.ends_with("00")
    {
        return Cow::Owned(format!("{int}{frac}"));
    }
    Cow::Borrowed(num)
}

/// Half a unit of the last digit written, times `10^exp`: "30" gives 0.5,
/// "33.7" 0.05, "33.7" with a billion (exp 9) exactly 50000000.
pub fn digit_rounding(s: &str, exp: i32) -> f64 {
    let frac = s.split_once('.').map_or(0, |(_, f)| f.len() as i32);
    let k = exp - frac - 1;
    // 5·10^k: powers of ten up to 1e22 are exact, and dividing by one is
    // rounded once, as reading "5e-k" would be. Beyond, read it.
    match k {
        0..=21 => 5.0 * 10f64.powi(k),
        -22..=-1 => 5.0 / 10f64.powi(-k),
        _ => format!("5e{k}").parse().unwrap_or(0.0),
    }
}

/// A number found in a sentence, before units and qualifiers.
#[derive(Clone, Debug)]
pub(super) struct Raw {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) value: f64,
    /// Half a unit of the last digit written (trailing zeros count): the
    /// tolerance of a range's explicit ends.
    pub(super) digit: f64,
    pub(super) currency: Option<&'static str>,
    pub(super) has_magnitude: bool,
    pub(super) plain_integer: bool,
    /// Written in words ("forty", "one in five"), or a ratio in digits
    /// ("1 in 10"), which is read as one in words is.
    pub(super) word: bool,
    /// The unit a word carries by itself: "twice", "doubled", "threefold"
    /// are `times`; "half of", "a third of" are `percent`; "a decade" is
    /// `years`.
    pub(super) fixed_unit: Option<&'static str>,
}

impl Raw {
    /// Whether it may be a year: a plain integer from 1800 to 2200, no
    /// magnitude.
    pub(super) fn year_like(&self) -> bool {
        self.plain_integer && (1800.0..=2200.0).contains(&self.value) && !self.has_magnitude
    }
}

/// Half the width of the interval a ratio `v` (percent) covers when its
/// second number is read as anything within half a unit of it.
fn ratio_tolerance(lw: &str, v: f64) -> f64 {
    let of = lw.rsplit(char::is_whitespace).next().unwrap_or("");
    let b = match of {
        "hundred" => 100.0,
        w => word_value(w).unwrap_or(10.0),
    };
    ratio_half_width(v * b / 100.0, b)
}

/// Half the width of the interval of `part` in `of` (percent), the second
/// number read as anything within half a unit of it: one in five is as
/// wide as one in 4.5 to one in 5.5.
fn ratio_half_width(part: f64, of: f64) -> f64 {
    (100.0 * part / (of - 0.5) - 100.0 * part / (of + 0.5)) / 2.0
}

/// Whether a number word is a ratio ("one in five", "three out of ten").
pub(super) fn ratio(lw: &str) -> bool {
    lw.contains(" in ") || lw.contains(" out ")
}

/// The unit a number word carries by itself, if any.
fn word_unit(lw: &str) -> Option<&'static str> {
    if lw == "twice"
        || lw.starts_with("doubl")
        || lw.starts_with("tripl")
        || lw == "quadrupled"
        || lw.ends_with("fold")
    {
        Some("times")
    } else if lw == "half"
        || ratio(lw)
        || lw.starts_with("a third")
        || lw.starts_with("a quarter")
        || lw.ends_with("thirds")
        || lw.ends_with("quarters")
    {
        Some("percent")
    } else if lw.contains("decade") || lw.contains("centur") {
        Some("years")
    } else {
        None
    }
}

/// A match of [`NUMBER`] cut into its groups by hand, which is much cheaper
/// than asking the regex for captures. The cut is exact: the currency
/// (symbols, ASCII capitals, a space, the "b", "s" and "." of "Rs." and
/// "Rbs.") holds no
/// digit, the number starts and ends with one, and the magnitude is ASCII
/// letters, a space, or the long s and the Kelvin sign that `(?i)` lets
/// stand for "s" and "k" ("lakh").
fn number_parts(m: &str) -> (Option<&str>, &str, Option<&str>) {
    let is_cur = |c: char| {
        matches!(
            c,
            '$' | '€' | '£' | '¥' | '₹' | '₽' | '₩' | '₺' | ' ' | 'b' | 's' | '.'
        ) || c.is_ascii_uppercase()
    };
    let is_mag = |c: char| c == ' ' || c == 'ſ' || c == '\u{212A}' || c.is_ascii_alphabetic();
    let num_start = m.find(|c: char| !is_cur(c)).unwrap_or(m.len());
    let num_end = m.rfind(|c: char| !is_mag(c)).map_or(m.len(), |i| {
        i + m[i..].chars().next().map_or(0, char::len_utf8)
    });
    (
        (num_start > 0).then(|| &m[..num_start]),
        &m[num_start..num_end],
        (num_end < m.len()).then(|| &m[num_end..]),
    )
}

/// Whether `s` may hold a digit as `\d` reads it (any Unicode decimal
/// digit), for a cheap pass that spares most digitless text the search.
/// One pass: ASCII bytes are tested eight at a time, and only a longer
/// character is decoded (the General Punctuation block, where news text's
/// curly quotes and dashes stand, holds no number: no table lookup).
#[cfg(test)]
fn may_hold_digit(s: &str) -> bool {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    let bytes = s.as_bytes();
    let mut i = 0;
    loop {
        // Eight bytes at a time: a byte below 0x80 plus 0x50 reaches 0x80
        // when it is at least "0", plus 0x46 when it is above "9" (no such
        // sum carries into the next byte); a byte from 0x80 up has its high
        // bit already. Below the lowest byte from 0x80 up, every digit
        // flagged is one.
        while let Some(block) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(block.try_into().expect("eight bytes"));
            let digit = x.wrapping_add(ONES * 0x50) & !x.wrapping_add(ONES * 0x46) & HIGH;
            let wide = x & HIGH;
            if digit | wide == 0 {
                i += 8;
                continue;
            }
            if digit != 0 && (wide == 0 || digit.trailing_zeros() < wide.trailing_zeros()) {
                return true;
            }
            // The first byte from 0x80 up starts a longer character.
            i += (wide.trailing_zeros() / 8) as usize;
            break;
        }
        let Some(&b) = bytes.get(i) else {
            return false;
        };
        if b < 0x80 {
            if b.is_ascii_digit() {
                return true;
            }
            i += 1;
        } else {
            let c = s[i..].chars().next().expect("a character starts here");
            if !('\u{2000}'..='\u{206F}').contains(&c) && c.is_numeric() {
                return true;
            }
            i += c.len_utf8();
        }
    }
}

/// Every number in `s`, in digits or words, in order: one search of
/// `s` alone.
#[cfg(test)]
pub(super) fn raw_numbers(s: &str) -> Vec<Raw> {
    raw_numbers_in(s, number_matches(s))
}

/// Every number in each sentence of a block, in order, from one search of
/// the whole block for [`NUMBER_OR_WORD`] (a search a sentence costs its
/// setup every time). `sentences` are ranges of `block`, in order, as
/// `text::sentences` cuts it: each is followed by whitespace or the
/// block's end and preceded by whitespace or its start, so a match's
/// word boundaries read the same in the block as in the sentence alone,
/// and no match runs from one sentence into the next (none holds a
/// sentence's terminal: a decimal point stands before a digit, not a
/// space). Should one straddle a sentence's edge, or stand outside the
/// sentences, that sentence is searched on its own, as before.
pub(super) fn raw_numbers_by_sentence(
    block: &str,
    sentences: impl IntoIterator<Item = Range<usize>>,
) -> Vec<Vec<Raw>> {
    let matches: Vec<Range<usize>> = number_matches(block).collect();
    let mut next = 0;
    sentences
        .into_iter()
        .map(|sent| {
            let s = &block[sent.clone()];
            // The matches that end past the sentence's start.
            next += matches[next..].partition_point(|m| m.end <= sent.start);
            let count = matches[next..].partition_point(|m| m.start < sent.end);
            let mine = &matches[next..next + count];
            next += count;
            if mine
                .iter()
                .all(|m| m.start >= sent.start && m.end <= sent.end)
            {
                raw_numbers_in(
                    s,
                    mine.iter()
                        .map(|m| m.start - sent.start..m.end - sent.start),
                )
            } else {
                raw_numbers_in(s, number_matches(s))
            }
        })
        .collect()
}

/// The ranges of `text` that [`NUMBER_OR_WORD`] matches, in order.
fn number_matches(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    NUMBER_OR_WORD.find_iter(text).map(|m| m.range())
}

/// Every number in `s`, given the ranges of `s` that [`NUMBER_OR_WORD`]
/// matches, in order. That pattern finds what [`NUMBER`] and
/// [`NUMBER_WORD`] find (in text without a digit, only the words, as the
/// second alone would). Every match of `NUMBER` has a digit, and
/// `char::is_numeric` covers more than `\d` (all numbers, not only
/// decimal digits), never less. The numbers in digits come first, in
/// order; the number words are then added where they do not overlap one.
fn raw_numbers_in(s: &str, matches: impl Iterator<Item = Range<usize>>) -> Vec<Raw> {
    let mut out = Vec::new();
    let mut words = Vec::new();
    for m in matches {
        if s[m.clone()].chars().any(char::is_numeric) {
            digit_number(s, m, &mut out);
        } else {
            words.push(m);
        }
    }
    for found in words {
        word_number(s, found, &mut out);
    }
    out.sort_by_key(|r| r.start);
    digit_ratios(s, &mut out);
    out
}

/// Whether "one" to "nine", alone at `found` in `s` (no magnitude after
/// it), is a figure. Most sentences hold one ("one of the", "the two
/// sides"): it is one only before a length of time ("six years in
/// prison", "a seven-year term"), a percentage, or people ("three people
/// were killed"), or as a part or whole of one ("two of the nine
/// members"); "one" never (but before a magnitude: "one million").
/// What elections and games are counted in, which a number word under ten
/// counts too: "won three seats", "by two votes", "scored four goals".
pub(super) const SMALL_COUNTED: &[&str] = &["seats", "votes", "goals"];

fn small_word_counts(s: &str, found: Range<usize>) -> bool {
    if s[found.clone()].eq_ignore_ascii_case("one") {
        return false;
    }
    let after = &s[found.end..];
    let next = next_word_lower(after.trim_start_matches([' ', '-']));
    // "a year" is no count; "the two-year-old" neither. A singular length
    // of time counts only hyphened: "a two-week strike".
    if matches!(
        next.as_str(),
        "year" | "month" | "week" | "day" | "hour" | "minute"
    ) && !after.starts_with('-')
    {
        return false;
    }
    if part_of_whole_words(&s[..found.start], after) || to_after_from_number(&s[..found.start]) {
        return true;
    }
    const COUNTED: &[&str] = &[
        "years",
        "year",
        "months",
        "month",
        "weeks",
        "week",
        "days",
        "day",
        "hours",
        "hour",
        "minutes",
        "minute",
        "decades",
        "percent",
        "per",
        "percentage",
    ];
    let counted = COUNTED.contains(&next.as_str())
        || SMALL_COUNTED.contains(&next.as_str())
        || super::subject::GENERIC_COUNTED.contains(&next.as_str());
    let per_cent = next != "per" || after.trim_start().starts_with("per cent");
    // "the two men had met 40 times": people already known, not a count.
    let prev = lower_tail(&s[..found.start], 12);
    let known = [
        "the", "these", "those", "both", "all", "their", "its", "his", "her", "our",
    ]
    .contains(&prev.split_whitespace().next_back().unwrap_or(""));
    counted && per_cent && !known
}

/// Whether `before` (the sentence up to a number) ends with "to" after
/// "from", a number and at most two words: "cut his sentence from eight
/// years to four", where the number is the level reached, in the unit of
/// the first (which `extract::figure` carries over, or drops the number).
fn to_after_from_number(before: &str) -> bool {
    let tail = lower_tail(before, 48);
    let mut words = tail.split_whitespace().rev();
    if words.next() != Some("to") {
        return false;
    }
    let words: Vec<&str> = words.take(4).collect();
    (1..words.len()).any(|k| {
        words[k] == "from" && {
            let n = words[k - 1];
            n.starts_with(|c: char| c.is_ascii_digit()) || word_value(n).is_some()
        }
    })
}

/// The words that may stand between "of" and a whole: "79 of the 200
/// seats", "12 of its 15 reactors", "two of all nine members".
pub(super) const WHOLE_DETERMINERS: &[&str] = &["the", "its", "their", "his", "her", "our", "all"];

/// Whether a number between `before` and `after` is a part or a whole of
/// "two of the nine members", "seven of its 12 reactors": "of", at most a
/// determiner, and another number on one side.
fn part_of_whole_words(before: &str, after: &str) -> bool {
    let is_number = |w: Option<&str>| {
        w.is_some_and(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.bytes().all(|b| b.is_ascii_digit() || b == b',') && !w.is_empty()
                || word_value(w).is_some()
        })
    };
    let mut next = after.split_whitespace();
    let mut w = next.next();
    let mut forward = false;
    if w.is_some_and(|w| w.eq_ignore_ascii_case("of")) && after.starts_with(' ') {
        w = next.next();
        if w.is_some_and(|w| WHOLE_DETERMINERS.iter().any(|d| w.eq_ignore_ascii_case(d))) {
            w = next.next();
        }
        forward = is_number(w);
    }
    let mut prev = before.split_whitespace().rev();
    let mut w = prev.next();
    if w.is_some_and(|w| WHOLE_DETERMINERS.iter().any(|d| w.eq_ignore_ascii_case(d))) {
        w = prev.next();
    }
    let backward = w.is_some_and(|w| w.eq_ignore_ascii_case("of")) && is_number(prev.next());
    forward || backward
}

/// The ASCII letters `text` opens with, lowercase: the word after a
/// number, once the caller has skipped what may stand between ("six
/// years", "a seven-year term").
fn next_word_lower(text: &str) -> String {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// Whether `after` (the text after a number) opens with a length of time
/// or a count of games: "2 in 10 minutes", "3 in 5 games" are goals in a
/// time or a run, no share.
fn counts_time_or_games(after: &str) -> bool {
    let next = next_word_lower(after.trim_start());
    let next = next.strip_suffix('s').unwrap_or(&next);
    [
        "second", "minute", "hour", "day", "week", "month", "year", "decade", "game", "match",
        "matche", "race", "attempt", "season",
    ]
    .contains(&next)
}

/// "1 in 10 recipients", "3 out of 4 voters": a share in percent, as "one
/// in ten" is, not a count of ten. Both whole numbers, the first the
/// smaller, the second no year ("3 in 2023") and at most 1,000. The pair
/// becomes one number that reads as a ratio in words does (`word`, its
/// unit percent).
fn digit_ratios(s: &str, out: &mut Vec<Raw>) {
    let mut k = 0;
    while k + 1 < out.len() {
        let (a, b) = (&out[k], &out[k + 1]);
        let gap = s.get(a.end..b.start).unwrap_or("");
        let whole = |r: &Raw| r.plain_integer && r.currency.is_none() && !r.has_magnitude;
        if whole(a)
            && whole(b)
            && !b.year_like()
            && a.value >= 1.0
            && a.value < b.value
            && b.value <= 1000.0
            && (gap.eq_ignore_ascii_case(" in ") || gap.eq_ignore_ascii_case(" out of "))
            && !counts_time_or_games(&s[b.end..])
        {
            let (part, of) = (a.value, b.value);
            out[k] = Raw {
                start: a.start,
                end: b.end,
                value: 100.0 * part / of,
                digit: ratio_half_width(part, of),
                currency: None,
                has_magnitude: false,
                plain_integer: false,
                word: true,
                fixed_unit: Some("percent"),
            };
            out.remove(k + 1);
        }
        k += 1;
    }
}

/// A match of [`NUMBER`] in `s`, appended to `out` when it is a figure.
fn digit_number(s: &str, whole: Range<usize>, out: &mut Vec<Raw>) {
    let (cur, num, mag) = number_parts(&s[whole.clone()]);
    // Glued to letters or inside codes, dates, times: not a figure.
    let before = s[..whole.start].chars().next_back();
    let after = s[whole.end..].chars().next();
    // "1,2.3": a malformed grouping; no part of it is a figure.
    let before2 = s[..whole.start].chars().rev().nth(1);
    if matches!(before, Some(',' | '.'))
        && before2.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return;
    }
    // A sign: "-5%", "+3.2 percent", "−$2 billion", standing alone.
    let sign = match before {
        Some(c @ ('-' | '+' | '−'))
            if before2.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[')) =>
        {
            Some(c)
        }
        _ => None,
    };
    // "Article 5", "Section 3", "Flight 370": labels, not quantities.
    if sign.is_none() && cur.is_none() && after_label(&s[..whole.start]) {
        return;
    }
    // "2019-20", "2025–26": the end of a year that runs into the next.
    if matches!(before, Some('-' | '–'))
        && cur.is_none()
        && split_year_end(&s[..whole.start - before.map_or(0, char::len_utf8)], num)
    {
        return;
    }
    // A hyphen after a digit is a range ("30-40", "10%-12%"), not a code.
    let range_dash = matches!(before, Some('-' | '–')) && {
        let mut back = s[..whole.start].chars().rev().skip(1);
        match back.next() {
            Some('%') => back.next(),
            c => c,
        }
        .is_some_and(|c| c.is_ascii_digit())
    };
    if before
        .is_some_and(|b| is_alnum(b) || matches!(b, '#' | '/' | '_' | '.' | ':' | '-' | '+' | '×'))
        && cur.is_none()
        && !range_dash
        && sign.is_none()
    {
        return;
    }
    // A letter glued after it makes a code ("G7", "4x4"), but for a
    // temperature's scale alone ("41C", "105F") and "pc".
    let scale = matches!(after, Some('C' | 'F'))
        && !s[whole.end + 1..].starts_with(|c: char| is_alnum(c) || c == '-')
        // And "4.5pc", percent as British papers write it, and speeds and
        // lengths and weights glued on: "70mph", "120kph", "5km", "310mm",
        // "241g".
        || ["pc", "mph", "kph", "kmh", "km", "mm", "cm", "kg", "g"].iter().any(|u| {
            s[whole.end..].starts_with(u)
                && !s[whole.end + u.len()..].starts_with(|c: char| is_alnum(c) || c == '-')
        });
    if after.is_some_and(|a| is_alnum(a) && mag.is_none()) && !scale {
        return;
    }
    if after == Some(':') && s[whole.end + 1..].starts_with(|x: char| x.is_ascii_digit()) {
        return;
    }
    if after == Some('/')
        || (after == Some('-')
            && s[whole.end + 1..].starts_with(|x: char| x.is_ascii_digit())
            && !lower_tail(&s[..whole.start], 16)
                .trim_end()
                .ends_with("between"))
            && num.len() == 4
    {
        return;
    }
    // "1,5,6" as "1,2.3" above: a list or a malformed number.
    if matches!(after, Some(',' | '.'))
        && s[whole.end + 1..].starts_with(|x: char| x.is_ascii_digit())
    {
        return;
    }
    let exp = mag.map_or(0, magnitude_exp);
    let digits = point_and_groups(num, mag.is_some());
    let Some(value) = parse_scaled(&digits, exp) else {
        return;
    };
    let (start, value) = match sign {
        Some(c) => (
            whole.start - c.len_utf8(),
            if c == '+' { value } else { -value },
        ),
        None => (whole.start, value),
    };
    out.push(Raw {
        start,
        end: whole.end,
        value,
        digit: digit_rounding(&digits, exp),
        currency: cur.and_then(currency_symbol),
        has_magnitude: mag.is_some(),
        plain_integer: !num.contains([',', '.', ' ', '\u{202F}', '\u{A0}']) && sign.is_none(),
        word: false,
        fixed_unit: None,
    });
}

/// Whether `num`, after a dash that ends `before`, closes a year that runs
/// into the next ("2019-20", "the 2025–26 budget"): the year's last two
/// digits, one on from a year of four digits standing alone.
fn split_year_end(before: &str, num: &str) -> bool {
    let b = before.as_bytes();
    let Some(year) = b.len().checked_sub(4).map(|i| &b[i..]) else {
        return false;
    };
    let alone = b.len() == 4 || !b[b.len() - 5].is_ascii_alphanumeric();
    let (Ok(y), Ok(n)) = (
        std::str::from_utf8(year).unwrap_or("").parse::<u16>(),
        num.parse::<u16>(),
    ) else {
        return false;
    };
    alone && num.len() == 2 && (1800..=2200).contains(&y) && (y + 1) % 100 == n
}

/// The number word matched at `start` in `s`, appended to `out` (the
/// numbers in digits in order, then the number words before it) where it
/// does not overlap a number in digits.
fn word_number(s: &str, found: Range<usize>, out: &mut Vec<Raw>) {
    // "two" to "nine" alone are common, and seldom figures: judged before
    // the groups are asked for.
    let bare = &s[found.clone()];
    if bare.len() <= 5
        && SMALL_NUMBER_WORDS[1..10]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(bare))
        && !small_word_counts(s, found.clone())
    {
        return;
    }
    let start = found.start;
    // Number words are rare: they are found with the fast search alone,
    // and the groups asked for only of a match (the same match again, since
    // the search restarts where it was found).
    let c = NUMBER_WORD
        .captures_at(s, start)
        .expect("a match matches again");
    let whole = c.get(0).expect("match");
    // Digits already cover this stretch? (`out` is in order.)
    let k = out.partition_point(|r: &Raw| r.end <= whole.start());
    if out.get(k).is_some_and(|r| r.start < whole.end()) {
        return;
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
        return;
    }
    // "a third term", "half the delegation": ordinals and loose words;
    // only "a third of", "a quarter of", "half of", "two-thirds of" are
    // fractions.
    // "the second half of 2023" is a period, not a fraction.
    let prev = lower_tail(&s[..whole.start()], 12);
    let prev_word = prev.split_whitespace().next_back().unwrap_or("");
    let fraction = ["a third", "a quarter", "half"]
        .iter()
        .any(|p| lw.starts_with(p))
        || lw.ends_with("thirds")
        || lw.ends_with("quarters");
    // "a quarter point", "half a percentage point", "a quarter of a
    // point", "a half-point cut": a fraction of a percentage point.
    // Not "he made a third point", "at the half point": thirds only "of
    // a point", and no fraction after "the".
    let thirds = lw.starts_with("a third") || lw.ends_with("thirds");
    if fraction
        && !lw.contains("dozen")
        && prev_word != "the"
        && let Some(len) = point_after(&s[whole.end()..])
        && (!thirds || lower_head(&s[whole.end()..], 6).starts_with(" of a "))
        && let Some(v) = word_value(w)
    {
        out.push(Raw {
            start: whole.start(),
            end: whole.end() + len,
            value: v / 100.0,
            digit: 0.0,
            currency: None,
            has_magnitude: false,
            plain_integer: false,
            word: true,
            fixed_unit: Some("percentage-points"),
        });
        return;
    }
    // "a year and a half of follow-up": a length, not a share.
    if lw == "half" && before.ends_with("and a") {
        return;
    }
    if (fraction && !lw.starts_with("half a dozen"))
        && (!lower_head(&s[whole.end()..], 4).starts_with(" of")
            || matches!(prev_word, "first" | "second" | "the" | "latter" | "other"))
    {
        return;
    }
    let Some(v) = word_value(w) else { return };
    let mag = c.name("mag").map_or(1.0, |m| magnitude(m.as_str()));
    out.push(Raw {
        start: whole.start(),
        end: whole.end(),
        value: v * mag,
        digit: if ratio(&lw) {
            // "One in five" is said of about 18 % to 22 %: as wide as one
            // in 4.5 to one in 5.5, around its value.
            ratio_tolerance(&lw, v)
        } else if v.fract() == 0.0 {
            0.5 * mag
        } else {
            0.005 * v * mag
        },
        currency: None,
        has_magnitude: c.name("mag").is_some(),
        plain_integer: false,
        word: true,
        fixed_unit: word_unit(&lw),
    });
}

/// The length of the words after a fraction word that make it a fraction
/// of a percentage point: " point", "-point", " a percentage point", " of
/// a point", " of a percentage point" (and their plurals).
fn point_after(after: &str) -> Option<usize> {
    let head = lower_head(after, 32);
    let rest = [" of a ", " a ", " ", "-"]
        .iter()
        .find_map(|lead| head.strip_prefix(lead))?;
    let rest = rest.strip_prefix("percentage ").unwrap_or(rest);
    let tail = rest.strip_prefix("point")?;
    let tail = tail.strip_prefix('s').unwrap_or(tail);
    // A word goes on: "a quarter pointer".
    if tail.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    // Everything matched is ASCII, so lengths in `head` are the source's.
    Some(head.len() - tail.len())
}

pub(super) fn is_month_day(s: &str, r: &Raw) -> bool {
    if !r.plain_integer || r.value < 1.0 || r.value > 31.0 {
        return false;
    }
    let before: Vec<&str> = s[..r.start].split_whitespace().rev().take(1).collect();
    let after: Vec<&str> = s[r.end..].split_whitespace().take(1).collect();
    let month = |w: &&str| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        w.len() >= 3
            && crate::extract::period::MONTHS
                .iter()
                .any(|m| m.starts_with(&w))
    };
    before.first().is_some_and(month) || after.first().is_some_and(month)
}

/// `s` lowercased; borrowed when that changes nothing (lowercase ASCII, the
/// usual text around a number), so the many small lowercase views taken
/// per figure cost no allocation.
pub(super) fn lowercase(s: &str) -> Cow<'_, str> {
    if !s.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        Cow::Borrowed(s)
    } else if s.is_ascii() {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Owned(s.to_lowercase())
    }
}

/// The last `n` bytes or so of `s` (from a char boundary), lowercased.
pub(super) fn lower_tail(s: &str, n: usize) -> Cow<'_, str> {
    let mut i = s.len().saturating_sub(n);
    while !s.is_char_boundary(i) {
        i += 1;
    }
    lowercase(&s[i..])
}

/// The first `n` bytes or so of `s` (to a char boundary), lowercased.
pub(super) fn lower_head(s: &str, n: usize) -> Cow<'_, str> {
    lowercase(&s[..crate::text::floor_char_boundary(s, n.min(s.len()))])
}

/// Whether `before` ends with a capitalised label word and a space
/// ("Article ", "Section ", "No. "), after which a number is a name.
fn after_label(before: &str) -> bool {
    const LABELS: &[&str] = &[
        "Article",
        "Section",
        "Chapter",
        "Part",
        "Paragraph",
        "Clause",
        "Item",
        "Page",
        "Room",
        "Gate",
        "Flight",
        "Route",
        "Line",
        "Resolution",
        "Protocol",
        "Vol.",
        "No.",
        "Number",
        "Figure",
        "Table",
        "Apartment",
        "Unit",
        "Building",
        "Highway",
        "Platform",
        "Channel",
    ];
    let Some(b) = before.strip_suffix(' ') else {
        return false;
    };
    let word = b.rsplit(' ').next().unwrap_or(b);
    LABELS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decimals_times_a_magnitude_are_exact() {
        assert_eq!(parse_scaled("33.7", 9), Some(33_700_000_000.0));
        assert_eq!(parse_scaled("1,640", 9), Some(1_640_000_000_000.0));
        assert_eq!(parse_scaled("0.3", 6), Some(300_000.0));
        assert_eq!(parse_scaled("12", 0), Some(12.0));
        assert_eq!(parse_scaled("1e5", 0), None, "no exponent but ours");
        assert_eq!(digit_rounding("33.7", 9), 50_000_000.0);
        assert_eq!(digit_rounding("30", 0), 0.5);
        assert_eq!(digit_rounding("33.70", 0), 0.005);
        for (digits, exp) in [
            ("1.5", 0),
            ("2.25", 3),
            ("7.125", 0),
            ("1.0000001", 6),
            ("3.14159", 12),
        ] {
            let frac = digits.split_once('.').map_or(0, |(_, f)| f.len() as i32);
            let read: f64 = format!("5e{}", exp - frac - 1).parse().unwrap();
            assert_eq!(digit_rounding(digits, exp), read, "{digits} e{exp}");
        }
    }

    #[test]
    fn european_points_and_groups_are_read() {
        let value = |t: &str| -> Vec<f64> { raw_numbers(t).iter().map(|r| r.value).collect() };
        assert_eq!(value("rose to 1,5 million barrels"), [1_500_000.0]);
        assert_eq!(value("inflation of 7,25% in March"), [7.25]);
        assert_eq!(value("a 4.200 km border"), [4200.0]);
        assert_eq!(value("a 4.250 km route"), [4.25]);
        assert_eq!(value("a loan of 1.200 billion euros"), [1.2e9]);
        assert_eq!(value("1.234.567 residents"), [1_234_567.0]);
        assert_eq!(value("2.345.678,50 euros"), [2_345_678.5]);
        assert_eq!(value("2 400,5 tonnes"), [2400.5]);
        // The Kelvin sign is a "k" to `(?i)`: "2 la\u{212A}h" is 2 lakh.
        assert_eq!(value("Rs 2 la\u{212A}h"), [2e5]);
        // English forms are as they were.
        assert_eq!(value("1,640 billion yuan"), [1.64e12]);
        assert_eq!(value("33.7 billion"), [33.7e9]);
        assert_eq!(value("0.500 km"), [0.5]);
        // "10.000 m" is the 10,000 metres race, not ten metres.
        assert_eq!(value("the 10.000 m race"), [10_000.0]);
        // A list of digits is no number.
        assert!(value("chapters 1,2,3 and 4.5.6").is_empty());
        // The tolerance is the last digit's: "4.200" is 4,200 give or take
        // half a metre's worth, "1,5 million" 1.5 million give or take 50,000.
        assert_eq!(raw_numbers("4.200 km")[0].digit, 0.5);
        assert_eq!(raw_numbers("1,5 million")[0].digit, 50_000.0);
    }

    /// No character of the General Punctuation block is a number, which
    /// [`may_hold_digit`] takes for granted.
    #[test]
    fn general_punctuation_holds_no_number() {
        assert!(('\u{2000}'..='\u{206F}').all(|c| !c.is_numeric()));
    }

    /// [`raw_numbers`] as it was written before: a search for numbers in
    /// digits, then another for number words.
    fn raw_numbers_two_searches(s: &str) -> Vec<Raw> {
        let mut out = Vec::new();
        if may_hold_digit(s) {
            for found in NUMBER.find_iter(s) {
                digit_number(s, found.range(), &mut out);
            }
        }
        for found in NUMBER_WORD.find_iter(s) {
            word_number(s, found.range(), &mut out);
        }
        out.sort_by_key(|r| r.start);
        out
    }

    /// Each word followed by its glue.
    fn glued(words: &[String], glue: &[String]) -> String {
        words
            .iter()
            .zip(glue)
            .flat_map(|(w, g)| [w.as_str(), g.as_str()])
            .collect()
    }

    fn parts(raws: &[Raw]) -> Vec<(usize, usize, u64, bool, bool)> {
        raws.iter()
            .map(|r| (r.start, r.end, r.value.to_bits(), r.word, r.has_magnitude))
            .collect()
    }

    proptest! {
        /// A number written as much of Europe writes it ("1.234.567,5")
        /// reads as its English form ("1,234,567.5") does.
        #[test]
        fn european_forms_read_as_english_ones(
            int in 1_000_000u64..1_000_000_000_000,
            frac in proptest::option::of(1u32..100),
        ) {
            let groups = |sep: char| {
                let digits = int.to_string();
                let mut out = String::new();
                for (i, c) in digits.chars().enumerate() {
                    if i > 0 && (digits.len() - i) % 3 == 0 {
                        out.push(sep);
                    }
                    out.push(c);
                }
                out
            };
            let (english, european) = match frac {
                Some(f) => (format!("{}.{f}", groups(',')), format!("{},{f}", groups('.'))),
                None => (groups(','), groups('.')),
            };
            let read = |t: &str| raw_numbers(&format!("a figure of {t} tonnes")).iter().map(|r| (r.value, r.digit)).collect::<Vec<_>>();
            prop_assert_eq!(read(&european), read(&english), "{} / {}", european, english);
        }

        /// One search for both kinds finds what the two searches found.
        #[test]
        fn one_search_finds_what_two_found(
            words in proptest::collection::vec(
                "(US\\$|\\$|€|USD|EUR|RMB|[0-9]{1,4}|[0-9]{1,3},[0-9]{3}|3\\.5|٣٤|forty|Forty-two|twenty one|a dozen|dozens|half|a third|twice|tenfold|a decade|two centuries|thirteen|nine hundred|a hundred|thousand|million|bn|m|k|T|between|and|to|of|the|-|–|%|,|\\.|:|/|[a-z]{1,5}|[A-Z][a-z]{0,4})",
                0..14,
            ),
            glue in proptest::collection::vec("( |  |-|\u{A0}|)", 14),
        ) {
            let s = glued(&words, &glue);
            prop_assert_eq!(parts(&raw_numbers(&s)), parts(&raw_numbers_two_searches(&s)), "{:?}", s);
        }

        /// One search of a block finds, sentence by sentence, what a
        /// search of each sentence alone finds: numbers and number words
        /// at the sentences' edges, after abbreviations, decimals and
        /// thousands that a full stop or a space might seem to cut.
        #[test]
        fn a_search_a_block_finds_what_a_search_a_sentence_found(
            words in proptest::collection::vec(
                "(\\$|USD|[0-9]{1,4}|12 345|3\\.5|4\\.|\\.5|forty|Twenty-one|a dozen|half|twice|a decade|nine hundred|million|bn|m|Mr\\.|U\\.S\\.|Jan\\.|said|rose|to|the|[a-z]{1,5}|[A-Z][a-z]{0,4}|\\.|!|\\?|…|\\.”|,)",
                0..24,
            ),
            glue in proptest::collection::vec("( | |  |\u{A0}|\n|)", 24),
        ) {
            let block = glued(&words, &glue);
            let sentences = crate::text::sentences(&block, 0..block.len());
            let by_block: Vec<_> = raw_numbers_by_sentence(&block, sentences.iter().cloned())
                .iter()
                .map(|r| parts(r))
                .collect();
            let alone: Vec<_> = sentences
                .iter()
                .map(|r| parts(&raw_numbers(&block[r.clone()])))
                .collect();
            prop_assert_eq!(by_block, alone, "{:?}", block);
        }

        /// The one pass says what the two it replaced said: an ASCII digit,
        /// or a number of any script.
        #[test]
        fn may_hold_digit_is_any_numeric_char(s in "([a-z .,’“”—…\u{A0}²½é٣७Ⅻ〇\u{2070}\u{2080}3]|[ -~]{8})*") {
            let two_passes = s.bytes().any(|b| b.is_ascii_digit()) || s.chars().any(char::is_numeric);
            prop_assert_eq!(may_hold_digit(&s), two_passes);
        }

        /// Every ASCII byte, in every place of a block of eight.
        #[test]
        fn may_hold_digit_of_ascii_is_any_digit(b in proptest::collection::vec(0u8..0x80, 0..40)) {
            let s = String::from_utf8(b).expect("ASCII");
            prop_assert_eq!(may_hold_digit(&s), s.bytes().any(|b| b.is_ascii_digit()));
        }

        /// Half the last digit is what reading "5e<k>" gives, for any
        /// number of places and magnitude.
        #[test]
        fn digit_rounding_is_the_decimal_it_spells(places in 0usize..30, exp in 0i32..=12) {
            let digits = if places == 0 { "7".to_string() } else { format!("7.{}", "3".repeat(places)) };
            let read: f64 = format!("5e{}", exp - places as i32 - 1).parse().unwrap();
            prop_assert_eq!(digit_rounding(&digits, exp), read);
        }

        /// A decimal with up to four places times 10^exp (at least as many
        /// as the places) is the whole number it spells, exactly.
        #[test]
        fn scaled_decimals_are_whole_numbers(int in 0u64..100_000, frac in 0u64..10_000, places in 1usize..=4, exp in 4i32..=12) {
            let frac = frac % 10u64.pow(places as u32);
            let text = format!("{int}.{frac:0places$}");
            let whole = (int * 10u64.pow(places as u32) + frac) * 10u64.pow((exp - places as i32) as u32);
            prop_assert_eq!(parse_scaled(&text, exp), Some(whole as f64));
        }
    }
}
