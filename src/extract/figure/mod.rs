//! Figure extraction: every quantity in a source with its value, unit,
//! qualifier interval, subject, period and modality.
//!
//! Per sentence (from [`crate::text`]): numbers in digits (with thousands
//! separators and decimals) or words, a magnitude (million, bn, "185B"), a
//! currency before or after, a unit after (km, bcm, %, percentage points,
//! tonnes, times, ...) or a counted noun ("14 documents"). Years, days of the
//! month, times of day, ordinals and numbers glued to letters ("G20") are
//! not figures. The qualifier words before a figure make its interval (see
//! [`qualifier::RULES`] and docs/figures.md); the period comes from
//! [`super::period`]; the subject is the phrase the figure quantifies.

pub mod modality;
pub mod noise;
pub mod number;
pub mod qualifier;
pub mod subject;
pub mod unit;

/// Whether the text around a duration makes it a period: "the past",
/// "the last", "the next", "the coming" before it ("in the past two
/// years"), or "the first" with "of" after it ("in the first two months of
/// this year").
fn period_lead(before: &str, after: &str) -> bool {
    let mut words = before.split_whitespace().rev();
    match (words.next(), words.next()) {
        (
            Some("past" | "last" | "next" | "previous" | "coming" | "preceding" | "following"),
            Some("the"),
        ) => true,
        (Some("first" | "final" | "opening" | "closing"), Some("the")) => {
            after.trim_start().starts_with("of ")
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests_brief;

use super::period;
use super::{Figure, Modality, Qualifier, Subject, attribute};
use crate::source::Document;
use crate::text::is_alnum;
use crate::text::{Layout, SharedSlice};
use modality::modality;
use noise::{is_noise, is_noise_by_place};
use number::{is_month_day, lower_head, lower_tail, parse_number, raw_numbers_by_sentence};
use qualifier::{interval, qualifier_before, range_interval};
use regex::Regex;
use std::sync::LazyLock;
use subject::{subject_in, words_with_offsets};
use unit::{counted_before, counted_noun, unit_after};

pub use subject::terms;

/// Every figure in `doc`, in document order.
pub fn extract_figures(doc: &Document) -> Vec<Figure> {
    extract_figures_in(doc, &Layout::new(&doc.text, doc.body_start..doc.text.len()))
}

/// [`extract_figures`] over a layout already made of `doc`.
pub fn extract_figures_in(doc: &Document, layout: &Layout) -> Vec<Figure> {
    let text = &doc.text;
    let mut out = Vec::new();
    // The last figure that had names (its place in `out`), and its block's
    // number.
    let mut last_named: Option<(usize, usize)> = None;
    for (bi, (block, block_sentences)) in layout.blocks.iter().zip(&layout.sentences).enumerate() {
        let block_text = &text[block.range.clone()];
        // Most blocks have no number: their noise test waits for the first.
        let noise_block = std::cell::OnceCell::new();
        let noise_block = || *noise_block.get_or_init(|| is_noise(block_text));
        let base = block.range.start;
        let raws = raw_numbers_by_sentence(
            block_text,
            block_sentences.iter().map(|s| s.start - base..s.end - base),
        );
        for (k, (mut s, mut raws)) in block_sentences.iter().cloned().zip(raws).enumerate() {
            let first = out.len();
            // "DETROIT, June 2 (Wire One) - Carvell is recalling ...": the
            // dateline is no part of what the first sentence's figures
            // measure.
            if k == 0
                && let Some(skip) = dateline_len(&text[s.clone()])
            {
                raws.retain(|r| r.start >= skip);
                for r in &mut raws {
                    r.start -= skip;
                    r.end -= skip;
                }
                s.start += skip;
            }
            sentence_figures(doc, s.start, &text[s.clone()], raws, noise_block, &mut out);
            for i in first..out.len() {
                borrow_names(&mut out, i, &mut last_named, bi);
            }
        }
    }
    yen_in_japan(&doc.text[doc.body_start..], doc.body_start, &mut out);
    out
}

/// "¥" is the yen's sign as well as the yuan's: in a text that speaks of
/// yen or of Japan ("Japan", "Japanese", "Tokyo"), its figures are in yen.
/// `body` is the text from `base` on.
fn yen_in_japan(body: &str, base: usize, out: &mut [Figure]) {
    static JAPAN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:yen|Japan|Japanese|Tokyo)(?-u:\b)").expect("japan pattern")
    });
    let sign = |f: &Figure| {
        let (a, b) = (f.span.start as usize, f.span.end as usize);
        body.get(a.wrapping_sub(base)..b.wrapping_sub(base))
            .is_some_and(|t| t.contains('¥'))
    };
    if out.iter().any(|f| f.unit == "CNY" && sign(f)) && JAPAN.is_match(body) {
        for f in out.iter_mut().filter(|f| f.unit == "CNY") {
            if sign(f) {
                f.unit = "JPY";
            }
        }
    }
}

/// A wire dateline opening a paragraph: a place in capitals, an optional
/// date, an optional agency in brackets, and a dash ("DETROIT, June 2
/// (Wire One) - ", "LONDON (AP) — ", "NEW YORK -- "), before the capital
/// that opens the sentence after it. Its length with the space after the
/// dash.
fn dateline_len(s: &str) -> Option<usize> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s+\d{1,2})?)?\s*(?:\([^()\n]{1,40}\))?\s*(?:--|-|–|—)\s+\p{Lu}")
            .expect("dateline pattern")
    });
    // Two capitals open every dateline: most sentences are answered here.
    let b = s.as_bytes();
    if !(b.len() > 2 && b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase()) {
        return None;
    }
    // Up to the capital that opens the sentence after it.
    DATELINE
        .find(s)
        .map(|m| m.end() - s[..m.end()].chars().next_back().map_or(0, char::len_utf8))
}

/// Nouns a text names a company, party or club by once it has named it:
/// "the party won 82 seats" is the party named before.
const ANAPHORIC_NOUNS: &[&str] = &[
    "party",
    "company",
    "firm",
    "group",
    "bank",
    "lender",
    "insurer",
    "carrier",
    "airline",
    "retailer",
    "carmaker",
    "automaker",
    "club",
    "team",
    "union",
];

/// Gives a figure whose subject names nothing but "the party" (or another
/// of [`ANAPHORIC_NOUNS`]) the names of the last figure before it that had
/// names, in its paragraph or the one before: in an election story "the
/// party won 82 seats" after "Homeland's 17.3%" is Homeland's, and is no
/// longer one subject with "giving the party 144 seats" after the Social
/// Democrats' 31.6%. `last` keeps the last figure of `out` with names and
/// its block (`block`, that of the figure `i`).
fn borrow_names(out: &mut [Figure], i: usize, last: &mut Option<(usize, usize)>, block: usize) {
    if !out[i].subject.names.is_empty() {
        *last = Some((i, block));
        return;
    }
    let Some((named, at)) = *last else {
        return;
    };
    if block > at + 1
        || !out[i]
            .subject
            .text
            .split_whitespace()
            .any(|w| ANAPHORIC_NOUNS.iter().any(|n| w.eq_ignore_ascii_case(n)))
    {
        return;
    }
    let names = out[named].subject.names.clone();
    let subject = &mut out[i].subject;
    let mut terms = subject.terms.to_vec();
    for n in names.iter() {
        if !terms.contains(n) {
            terms.push(n.clone());
        }
    }
    subject.terms = terms.into_boxed_slice();
    subject.names = names;
}

// --------------------------------------------------------------- sentence

/// "555-1234" and the like: three digits, a hyphen, four digits.
fn is_phone(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 8
        && b[3] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 3 || c.is_ascii_digit())
}

/// A qualifier written after the number: "or more" (at least), "or so"
/// (about), "or less"/"or fewer" (at most). Returns it and the bytes it
/// takes.
fn qualifier_after(tail: &str) -> (Option<Qualifier>, usize) {
    let head = lower_head(tail, 12);
    for (p, q) in [
        (" or more", Qualifier::AtLeast),
        (" or so", Qualifier::About),
        (" or less", Qualifier::AtMost),
        (" or fewer", Qualifier::AtMost),
    ] {
        if let Some(rest) = head.strip_prefix(p)
            && !rest.starts_with(|c: char| is_alnum(c))
        {
            return (Some(q), p.len());
        }
    }
    (None, 0)
}

/// The unit of a number written without one because the sentence's
/// previous figure gave it: "reached 437,000 vehicles last year, up from
/// 11,000 in 2019", "sales hit $5 billion, compared with 3 billion". Only
/// after words that compare it with that figure ("from", "compared
/// with", "against", "versus"), only a count (with its counted noun) or a
/// number with a magnitude ("3 billion") of an amount (not of a percentage
/// or a ratio): a bare "from 3" may be anything. And the level a change
/// reached after "from" the level it started at, right after "to", in any
/// unit: "cut his sentence from eight years to four".
/// `previous` is the previous figure's unit and span in `s`.
/// Returns the unit and the counted noun.
fn carried_unit(
    s: &str,
    raw: &number::Raw,
    is_range: bool,
    previous: Option<(&'static str, usize, usize)>,
    previous_noun: Option<&str>,
) -> Option<(&'static str, Option<String>)> {
    let (previous, p_start, p_end) = previous?;
    if is_range || raw.year_like() {
        return None;
    }
    if p_end <= raw.start
        && s[p_end..raw.start].trim().eq_ignore_ascii_case("to")
        && after_change_from(&lower_tail(&s[..p_start], TAIL), s, p_start)
    {
        let noun = (previous == "count").then(|| previous_noun.map(str::to_string));
        return match noun {
            Some(None) => None,
            Some(noun) => Some(("count", noun)),
            None => Some((previous, None)),
        };
    }
    if raw.word {
        return None;
    }
    let tail = lower_tail(&s[..raw.start], 24);
    let tail = tail.trim_end();
    let compared = [
        "from",
        "compared with",
        "compared to",
        "against",
        "versus",
        "vs",
        "vs.",
    ]
    .iter()
    .any(|w| {
        tail.strip_suffix(w)
            .is_some_and(|rest| rest.is_empty() || rest.ends_with([' ', ',']))
    });
    if !compared {
        return None;
    }
    match (previous, previous_noun) {
        ("count", Some(noun)) => Some(("count", Some(noun.to_string()))),
        // "rose 5% from 3 billion" is no 3 billion percent.
        ("count" | "percent" | "percentage-points" | "times", _) => None,
        (unit, _) if raw.has_magnitude => Some((unit, None)),
        _ => None,
    }
}

/// The length of " point" or " points" at the start of `after` when the
/// number before it (at `start` of `s`) changes a percentage the sentence
/// gave before it (`previous`, the unit of its previous figure): "4.2 per
/// cent, up 0.1 point", "31.6%, 4.2 points higher than in 2023". A change
/// word right before the number ("up", "down", "by", "rose", "fell", ...) or
/// a comparison right after "points" ("higher", "lower", "more", ...) says
/// it is a change; "scored 31 points" after "45% from the field" is not.
fn points_of_percentage(
    s: &str,
    start: usize,
    after: &str,
    previous: Option<&'static str>,
) -> Option<usize> {
    if !matches!(previous, Some("percent" | "percentage-points")) {
        return None;
    }
    let head = lower_head(after, 24);
    let rest = head
        .strip_prefix(" points")
        .or_else(|| head.strip_prefix(" point"))?;
    if rest.starts_with(|c: char| is_alnum(c)) {
        return None;
    }
    let len = head.len() - rest.len();
    let before = lower_tail(&s[..start], 16);
    let changed = before
        .split_whitespace()
        .next_back()
        .is_some_and(|w| matches!(w, "up" | "down" | "by" | "a") || change_word(w).is_some());
    let compared = rest.split_whitespace().next().is_some_and(|w| {
        matches!(
            w.trim_end_matches([',', '.', ';']),
            "higher" | "lower" | "more" | "less" | "above" | "below" | "up" | "down"
        )
    });
    (changed || compared).then_some(len)
}

/// Whether `value` is one a figure in `unit` can have: a magnitude is
/// under 10 ("the 2023 magnitude 7.8 quake" has one), a temperature one
/// the weather can have ("2025F" is a year's forecast in a table, no
/// temperature).
fn plausible(unit: &str, value: f64) -> bool {
    match unit {
        "magnitude" => (0.0..10.0).contains(&value),
        "celsius" => (-90.0..=60.0).contains(&value),
        "fahrenheit" => (-130.0..=140.0).contains(&value),
        _ => true,
    }
}

/// How far (bytes) a period mention may stand from its figure, unless it
/// opens the sentence.
const PERIOD_REACH: usize = 160;

/// The period mention that applies to the figure at `start..end` of `s`.
/// A mention after the figure counts only before the next comma or
/// semicolon ("sign 14 documents, including a plan until 2030" is not about
/// 2030); a mention before it counts within reach ("86.2 million tonnes in
/// 2022, up 8 percent") or anywhere when it opens the sentence ("In 2022,
/// ..."). The nearest after wins unless the nearest before is more than 20
/// bytes closer. A day of the week counts only when `weekdays`: for a
/// count of what happened ("won 71 seats on Sunday") or a reading taken
/// that day ("hit 42.6C on Sunday"), whose period would
/// otherwise be its article's date; not for a level said on a day ("said on
/// Monday that exports rose 5%"), which it would keep from comparison with
/// the same level said without one.
fn period_for(
    mentions: &[period::Mention],
    s: &str,
    start: usize,
    end: usize,
    weekdays: bool,
) -> Option<period::Mention> {
    let mentions = || mentions.iter().filter(|m| weekdays || !m.weekday);
    let after = mentions()
        .filter(|m| {
            m.start >= end
                && !m.against
                && m.start - end <= PERIOD_REACH
                && !clause_break(&s[end..m.start])
                && !from_a_number(&s[end..m.start])
                && !modality::opens_clause(&s[end..m.start])
        })
        .min_by_key(|m| m.start - end);
    let before = mentions()
        .filter(|m| {
            m.end <= start
                && (!m.against || when_clause_after(s, m.end, start))
                && (start - m.end <= PERIOD_REACH
                    || s[..m.start].split_whitespace().take(3).count() <= 2)
                && !in_relative_clause(s, m.start, m.end, start)
                && !now_between(&s[m.end..start])
                && !level_before_to(s, m.start, m.end, start)
        })
        .min_by_key(|m| start - m.end);
    let pick = match (after, before) {
        (Some(a), Some(b)) => {
            if a.start - end <= start - b.end + 20 {
                a
            } else {
                b
            }
        }
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => return None,
    };
    Some(pick.clone())
}

/// Whether the period mention at `m_start..m_end`, before a figure at
/// `start`, is the period of the level a change started from, with only
/// "to" between it and the figure: in "rose from 61% in 2022 to 64%",
/// 2022 is the 61%'s, not the 64%'s.
fn level_before_to(s: &str, m_start: usize, m_end: usize, start: usize) -> bool {
    if !s[m_end..start].trim().eq_ignore_ascii_case("to") {
        return false;
    }
    let before = s[..m_start].trim_end();
    let before = before
        .strip_suffix("in")
        .or_else(|| before.strip_suffix("In"))
        .map_or(before, str::trim_end);
    // The number, or its unit words after it ("3 million tonnes").
    before
        .rsplit(char::is_whitespace)
        .take(3)
        .any(|w| w.ends_with(|c: char| c.is_ascii_digit() || c == '%'))
        && s[..m_start].contains("from")
}

/// Whether a sentence tells a count that goes on growing after the day it
/// names: the dead and injured of "Monday's earthquake", cases, a toll
/// that has "risen" or "climbed". Such a count is as of its article's
/// date, not of the day named.
fn still_counting(sentence: &str) -> bool {
    const GROWING: &[&str] = &[
        "kill", "dead", "death", "died", "injur", "wound", "missing", "toll", "casualt", "victim",
        "case", "infect", "risen", "rose", "climb", "so far", "still",
    ];
    let lower = sentence.to_lowercase();
    GROWING.iter().any(|w| lower.contains(w))
}

/// Whether the word "now" stands in `gap`, between a period named before
/// a figure and the figure: "fell 8.3% in 2025 and now stand 37% below"
/// gives the 37% no period (the article's present), not 2025.
fn now_between(gap: &str) -> bool {
    // A substring search first: most gaps hold no "now".
    (gap.contains("now") || gap.contains("Now"))
        && gap.split_whitespace().any(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .eq_ignore_ascii_case("now")
        })
}

/// Whether `gap` holds a comma or semicolon that ends a clause: not the
/// comma of a number ("per 1,000 live births in 2024").
fn clause_break(gap: &str) -> bool {
    let b = gap.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        c == b';'
            || (c == b','
                && !(i > 0
                    && b[i - 1].is_ascii_digit()
                    && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
    })
}

/// Whether a "when" clause opens between a period mention ending at
/// `m_end` and a figure at `fig_start`: "higher than in 2023, when it took
/// 27.4%" dates the 27.4% by the year the change was measured against.
fn when_clause_after(s: &str, m_end: usize, fig_start: usize) -> bool {
    let between = &s[m_end..fig_start];
    between.trim_start().starts_with(',')
        && between
            .split_whitespace()
            .any(|w| w.trim_start_matches(',').eq_ignore_ascii_case("when"))
}

/// Whether `whole`, the number after `part` in `s`, is the whole `part`
/// is a part of: "79 of the 200 seats", "12 of its 15 reactors". Both
/// bare numbers (no currency, no unit of their own, `part` no range, no
/// qualifier after it), with "of" and at most a determiner between.
fn part_of_whole(
    s: &str,
    part: &number::Raw,
    whole: &number::Raw,
    is_range: bool,
    skip: usize,
) -> bool {
    let bare = |r: &number::Raw| r.currency.is_none() && r.fixed_unit.is_none() && !r.has_magnitude;
    if is_range || skip > 0 || !bare(part) || !bare(whole) || part.year_like() || whole.year_like()
    {
        return false;
    }
    let Some(gap) = s.get(part.end..whole.start) else {
        return false;
    };
    let mut words = gap.split_whitespace().map(str::to_ascii_lowercase);
    words.next().as_deref() == Some("of")
        && gap.starts_with(' ')
        && gap.ends_with(' ')
        && match words.next().as_deref() {
            None => true,
            Some(d) if number::WHOLE_DETERMINERS.contains(&d) => words.next().is_none(),
            Some(_) => false,
        }
}

/// Whether `gap` (the words between a figure and a period after it) holds
/// "from" and a number: the period is that number's, the level a change
/// started from ("rose to 71.4% from 66.8% in 2022": 2022 is the 66.8%'s).
fn from_a_number(gap: &str) -> bool {
    let mut words = gap.split_whitespace();
    while words.any(|w| w.eq_ignore_ascii_case("from")) {
        let mut rest = words
            .clone()
            .skip_while(|w| FROM_QUALIFYING.contains(&&*w.to_ascii_lowercase()));
        if rest.next().is_some_and(|w| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .starts_with(|c: char| c.is_ascii_digit())
        }) {
            return true;
        }
    }
    false
}

/// Whether a mention before a figure sits in a relative clause closed
/// before it: "The pipeline, which began pumping gas at the end of 2019, has
/// a capacity of 61 bcm" is not about 2019.
fn in_relative_clause(s: &str, m_start: usize, m_end: usize, fig_start: usize) -> bool {
    let lo = crate::text::floor_char_boundary(s, m_start.saturating_sub(PERIOD_REACH));
    let Some(open) = s[lo..m_start].rfind(',').map(|i| lo + i + 1) else {
        return false;
    };
    let closed = s[m_end..fig_start].contains(',');
    let first = s[open..m_start].split_whitespace().next().unwrap_or("");
    closed
        && ["which", "who", "that", "when", "where", "whose"]
            .iter()
            .any(|w| first.eq_ignore_ascii_case(w))
}

/// A month or a part of a year named without a year ("in March", "in the
/// fourth quarter") resolves to the latest such one begun by the
/// publication date ("in March" in an April article); for a forecast or a
/// target it is the next one ("will rise by 4 percent in January", written in
/// October, is about the coming January).
fn future_month(m: &mut period::Mention, modality: Modality, doc: Option<jiff::civil::Date>) {
    let (Some(p), Some(d)) = (m.period.as_mut(), doc) else {
        return;
    };
    if !m.yearless || modality == Modality::Actual || p.end >= d {
        return;
    }
    let next = |date: jiff::civil::Date| (date.year() + 1, date.month());
    let ((y1, m1), (y2, m2)) = (next(p.start), next(p.end));
    // A whole year ("full-year revenue") stays one, labelled as a year.
    let later = if (m1, m2) == (1, 12) && y1 == y2 {
        period::year_period(y1)
    } else {
        period::month_range(y1, m1, y2, m2)
    };
    if let Some(later) = later {
        *p = later;
    }
}

/// Bytes before a figure read for its kind and basis.
const TAIL: usize = 60;

/// Verbs and nouns of a change up: "rose 26%", "up $1.5 billion", "a 5%
/// increase", "an increase of 5%".
const RISE: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "grew",
    "grow",
    "grows",
    "grown",
    "growth",
    "increased",
    "increase",
    "increases",
    "jumped",
    "jump",
    "climbed",
    "gained",
    "gain",
    "surged",
    "soared",
    "expanded",
    "raised",
    "raise",
    "raises",
    "hiked",
    "hike",
    "hikes",
    "lifted",
    "up",
    "rising",
    "growing",
    "increasing",
    "climbing",
    "raising",
    "lifting",
];
/// Verbs and nouns of a change down: "fell 5%", "down $10", "a 3% drop".
const FALL: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "fallen",
    "dropped",
    "drop",
    "drops",
    "declined",
    "decline",
    "declines",
    "decreased",
    "decrease",
    "slipped",
    "slumped",
    "plunged",
    "contracted",
    "shrank",
    "cut",
    "cuts",
    "lowered",
    "reduced",
    "reduce",
    "reduces",
    "trim",
    "trims",
    "slash",
    "slashes",
    "trimmed",
    "slashed",
    "down",
    "falling",
    "dropping",
    "declining",
    "decreasing",
    "cutting",
    "lowering",
    "reducing",
    "trimming",
    "slashing",
    "shed",
    "sheds",
    "shedding",
    "axed",
    "axe",
    "axing",
    "eliminated",
    "eliminate",
    "eliminating",
];

/// The nouns of [`RISE`] and [`FALL`], which may follow the figure.
const CHANGE_NOUNS: &[&str] = &[
    "rise", "increase", "growth", "gain", "jump", "fall", "drop", "decline", "decrease",
];

/// `rise` or `fall` when `word` (lowercase, a trailing comma allowed)
/// names a change.
fn change_word(word: &str) -> Option<&'static str> {
    let w = word.trim_end_matches(',');
    if RISE.contains(&w) {
        Some(attribute::RISE)
    } else if FALL.contains(&w) {
        Some(attribute::FALL)
    } else {
        None
    }
}

/// Whether the number at `start` of `s` follows "from" (and
/// [`FROM_QUALIFYING`] words) after a change in its clause: "rose from",
/// "up from", "an increase from", "cut the rate from", "reduced the
/// sentence of the former minister from". The number is the level the
/// change started at. Up to ten words back, not past a clause's end or
/// a word that opens another ("as", "while", "which", ...). `tail` is the
/// sentence up to the number, lowercase, its last [`TAIL`] bytes.
fn after_change_from(tail: &str, s: &str, start: usize) -> bool {
    // Clause openers, and the words of a range ("ranging from").
    const OPENERS: &[&str] = &[
        "as", "while", "whereas", "when", "after", "before", "which", "that", "who", "and", "but",
        "range", "ranges", "ranged", "ranging", "between",
    ];
    // The cheap test first, on the [`TAIL`] the caller has: "from" right
    // before the number.
    if before_from(tail).is_none() {
        return false;
    }
    let tail = lower_tail(&s[..start], 120);
    let Some(words) = before_from(&tail) else {
        return false;
    };
    // A comma right before "from" sets the levels off ("cut its rate
    // sharply, from 4% to 3.75%"); another ends the clause.
    for (k, w) in words.take(10).enumerate() {
        if k > 0 && w.ends_with([',', ';', ':']) || OPENERS.contains(&w) {
            return false;
        }
        if change_word(w.trim_end_matches([',', ';', ':'])).is_some() {
            return true;
        }
    }
    false
}

/// When `tail` (lowercase) ends with "from" and [`FROM_QUALIFYING`] words,
/// the words before that "from", last first.
fn before_from(tail: &str) -> Option<impl Iterator<Item = &str>> {
    let mut words = tail
        .split_whitespace()
        .rev()
        .skip_while(|w| FROM_QUALIFYING.contains(w));
    (words.next() == Some("from")).then_some(words)
}

/// Words that may stand between "from" and the number: "rose from about
/// $147 billion", "to 3.75% from a record 4%", "up from an earlier
/// forecast of 6.5%".
const FROM_QUALIFYING: &[&str] = &[
    "about",
    "around",
    "nearly",
    "almost",
    "roughly",
    "some",
    "approximately",
    "just",
    "over",
    "under",
    "than",
    "more",
    "less",
    "only",
    "a",
    "an",
    "record",
    // "up from an earlier forecast of 6.5%", "down from its peak of 9%":
    // the level named before the number.
    "the",
    "its",
    "their",
    "earlier",
    "previous",
    "prior",
    "initial",
    "original",
    "forecast",
    "estimate",
    "projection",
    "reading",
    "level",
    "peak",
    "high",
    "low",
    "of",
];

/// Whether the number at `start` of `s` is the level a change started
/// from, written after the level it reached (`previous`, that figure's
/// span in `s`): "cut the rate to 3.75% from 4%", "raised its forecast to
/// 2.5% from 2.3%", "eased to 2.9% in October from 3.4%" (the first
/// one's period, among `periods`, may stand between them).
fn from_after_level(
    tail: &str,
    s: &str,
    start: usize,
    previous: Option<(usize, usize)>,
    periods: &[period::Mention],
) -> bool {
    let Some((p_start, p_end)) = previous else {
        return false;
    };
    if before_from(tail).is_none() || p_end > start {
        return false;
    }
    // Only "from" and qualifier words between the two figures, and "to"
    // right before the first.
    let mut between = s[p_end..start].to_string();
    for m in periods.iter().rev() {
        if m.start >= p_end && m.end <= start {
            between.replace_range(m.start - p_end..m.end - p_end, " ");
        }
    }
    let led_by_to = s[..p_start].trim_end();
    between
        .split_whitespace()
        .all(|w| w.eq_ignore_ascii_case("from") || FROM_QUALIFYING.contains(&&*w.to_lowercase()))
        && led_by_to.len() >= 3
        && led_by_to.is_char_boundary(led_by_to.len() - 3)
        && led_by_to[led_by_to.len() - 3..].eq_ignore_ascii_case(" to")
}

/// A change whose verb a coordination left out: in "Chinese emissions
/// will rise 0.4%, Indian emissions by 4.6%", the 4.6% after a bare "by"
/// rises too. The nearest change word before in the sentence (up to three
/// times [`TAIL`] bytes back) gives the direction; percentages only.
/// `tail` is the sentence's last [`TAIL`] bytes before the figure,
/// lowercase, as [`figure_kind`] reads them.
fn elided_change(s: &str, start: usize, tail: &str, percent: bool) -> Option<&'static str> {
    if !percent || tail.split_whitespace().next_back() != Some("by") {
        return None;
    }
    lower_tail(&s[..start], 3 * TAIL)
        .split_whitespace()
        .rev()
        .skip(1)
        .find_map(change_word)
}

/// Verbs that take a share of what is counted, as a party's votes
/// ([`figure_kind`]).
const SHARE_VERBS: &[&str] = &[
    "won", "wins", "win", "winning", "took", "takes", "taking", "secured", "secures", "securing",
    "received", "receives", "garnered", "polled", "captured", "obtained", "got",
];

/// Verbs that place a party, before "with" and its share ("came second
/// with 27.5%").
const PLACING_VERBS: &[&str] = &["came", "finished", "ended", "placed"];

/// The places a [`PLACING_VERBS`] verb names ("finished first").
const PLACES: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "last", "top", "ahead",
];

/// What a gap in a standing is counted in: "10 points behind", "three
/// seats ahead of", "four lengths clear of".
const GAP_NOUNS: &[&str] = &[
    "point", "points", "seat", "seats", "vote", "votes", "goal", "goals", "shot", "shots",
    "stroke", "strokes", "place", "places", "length", "lengths", "game", "games", "win", "wins",
    "run", "runs", "lap", "laps",
];

/// What a figure is when its words say it is not a level: `rise` or `fall`
/// for a change of any unit ("rose 26%", "fell by 5%", "rose by $1.5
/// billion", "a 5% increase", "a drop of $10"), `share` for a part of a
/// whole in percent ("90% of the trade", "its share reached 90%",
/// "accounted for 30%", "won 15.1%"), `gap` for how far one thing stands
/// from another ("12 seats short of a majority"). Kinds are subjects of their own
/// (`compare::same_subject`): "trade rose 26%" does not contradict "the
/// yuan's share of trade reached 90%", nor "revenues rose by $1.5 billion"
/// "revenues were $15.3 billion". `tail` is the sentence up to the figure
/// (its last [`TAIL`] bytes, lowercase), `after` the lowercase text after it
/// (unit included in neither), `noun` the figure's own last words ("12
/// seats").
fn figure_kind(tail: &str, after: &str, unit: &str, noun: &str) -> Option<&'static str> {
    if let Some(kind) = temperature_change(tail, after, unit) {
        return Some(kind);
    }
    let percent = unit == "percent";
    if percent && after.starts_with(" of ") {
        return Some(attribute::SHARE);
    }
    // "a 26% increase", "a $1.5 billion drop": a noun, not a verb ("$5
    // billion fell short") nor "up" or "down" ("$5 million up front").
    let next = after.split_whitespace().next().unwrap_or("");
    let next = next.trim_end_matches([',', '.', ';']);
    if CHANGE_NOUNS.contains(&next) {
        return change_word(next);
    }
    // "4.2 points higher than in 2023", "prices 3% lower than a year ago".
    match next {
        "higher" => return Some(attribute::RISE),
        "lower" => return Some(attribute::FALL),
        _ => {}
    }
    // "12 seats short of a majority", "10 points behind the champions",
    // "three points clear of Rovers": a gap between two things. Behind,
    // ahead and clear say so only of a standing ("points", "seats",
    // "votes"): "200 people behind the barricades", "sold 2 million tickets
    // ahead of the final".
    let mut after_words = after.split_whitespace();
    let standing = || {
        let last = noun.rsplit([' ', '-']).next().unwrap_or(noun);
        unit == "percentage-points" || GAP_NOUNS.iter().any(|g| g.eq_ignore_ascii_case(last))
    };
    let gap = match after_words.next() {
        Some("short" | "shy") => after_words.next() == Some("of"),
        // "1.2 million sq km below the 1981-2010 average", "2C above
        // pre-industrial levels"; a percentage above or below is a change,
        // as "higher" and "lower" are.
        Some("above") if percent => return Some(attribute::RISE),
        Some("below") if percent => return Some(attribute::FALL),
        Some("above" | "below") => true,
        Some("behind" | "adrift") => standing(),
        Some("ahead" | "clear") => after_words.next() == Some("of") && standing(),
        _ => false,
    };
    if gap {
        return Some(attribute::GAP);
    }
    let mut words = tail.split_whitespace().rev();
    let mut last = words.next();
    // "cut output by a further 1.1 million bpd", "by another 300,000": the
    // change's words before them.
    if last == Some("another") {
        last = words.next();
    } else if matches!(last, Some("further" | "additional" | "extra"))
        && matches!(words.clone().next(), Some("a" | "an"))
    {
        words.next();
        last = words.next();
    }
    // "rose by 26%", "fell by 5%", "an increase of 5%"; not "fell to 5%",
    // a level.
    let by = last == Some("by");
    if matches!(last, Some("by" | "of")) {
        last = words.next();
    }
    // Money raised is funds collected, a level: "raised $12.5 million in
    // Series B funding" ("raised prices by $5" is a change, below).
    let money = unit::currency_symbol(unit).is_some();
    if money && matches!(last, Some("raised" | "raise" | "raises" | "raising")) {
        return None;
    }
    if let Some(kind) = last.and_then(change_word) {
        return Some(kind);
    }
    // "lost 21 seats", "lost 5% of its value": a fall; money lost is a
    // loss, a level ("lost $2 billion last year").
    if matches!(last, Some("lost" | "lose" | "loses" | "losing")) && (percent || unit == "count") {
        return Some(attribute::FALL);
    }
    // "lay off 10,000 employees", "laid off 300 workers".
    if last == Some("off")
        && words
            .clone()
            .next()
            .is_some_and(|w| matches!(w, "lay" | "lays" | "laid" | "laying"))
    {
        return Some(attribute::FALL);
    }
    // "cut its deposit rate by 25 basis points": a verb of change a few
    // words before "by", in the clause.
    if by {
        let kind = words
            .clone()
            .take(4)
            .take_while(|w| !w.ends_with([',', ';', ':']) && !w.bytes().any(|b| b.is_ascii_digit()))
            .filter(|w| !matches!(*w, "up" | "down") && !CHANGE_NOUNS.contains(w))
            .find_map(change_word);
        if kind.is_some() {
            return kind;
        }
    }
    if !percent {
        return None;
    }
    // Won, as votes are: "won 15.1%", "secured 34.6 percent", "came
    // second with 27.5%", "finished with 27.1 percent"; further back in
    // the clause (six words before "with"), a verb of winning or a place
    // ("finished first in Sunday's vote with 31.6 percent", "won the
    // election with 31.4%"; not "ended the year with 5%").
    let placed_with = || {
        let clause: Vec<&str> = words
            .clone()
            .take(6)
            .take_while(|w| !w.ends_with([',', ';', ':']))
            .collect();
        clause.iter().take(2).any(|w| PLACING_VERBS.contains(w))
            || clause.iter().enumerate().any(|(i, w)| {
                SHARE_VERBS.contains(w)
                    || i > 0 && PLACING_VERBS.contains(w) && PLACES.contains(&clause[i - 1])
            })
    };
    if last.is_some_and(|w| SHARE_VERBS.contains(&w)) || last == Some("with") && placed_with() {
        return Some(attribute::SHARE);
    }
    // The clause before it names a share.
    let clause = tail.rsplit([',', ';']).next().unwrap_or(tail);
    [
        "share",
        "accounted for",
        "accounts for",
        "account for",
        "made up",
        "makes up",
        "make up",
    ]
    .iter()
    .any(|w| clause.contains(w))
    .then_some(attribute::SHARE)
}

/// How a temperature differs from another, however it is said: "1.48C
/// above pre-industrial levels", "1.47C higher than before
/// industrialisation", "1.5C warmer", "has warmed by 1.3C" are one rise
/// (an anomaly); "below", "lower", "cooler", "colder", "cooled by" a fall.
/// `tail` and `after` as [`figure_kind`] takes them.
fn temperature_change(tail: &str, after: &str, unit: &str) -> Option<&'static str> {
    if !matches!(unit, "celsius" | "fahrenheit") {
        return None;
    }
    match temperature_comparison(after) {
        Some(true) => return Some(attribute::RISE),
        Some(false) => return Some(attribute::FALL),
        None => {}
    }
    let mut words = tail.split_whitespace().rev();
    let mut last = words.next();
    if last == Some("by") {
        last = words.next();
    }
    match last {
        Some("warmed" | "warming" | "heated") => Some(attribute::RISE),
        Some("cooled" | "cooling") => Some(attribute::FALL),
        _ => None,
    }
}

/// Whether the word right after a temperature compares it up (`true`:
/// above, higher, warmer, hotter) or down (`false`: below, lower, cooler,
/// colder) with another: the period after it is the other one's ("1.5C
/// above the 1850-1900 average").
fn temperature_comparison(after: &str) -> Option<bool> {
    let next = after.split_whitespace().next()?;
    match next.trim_end_matches([',', '.', ';']) {
        "above" | "higher" | "warmer" | "hotter" => Some(true),
        "below" | "lower" | "cooler" | "colder" => Some(false),
        _ => None,
    }
}

/// Whether a percentage with no kind of its own is a rate of growth, which
/// is a rise however it is said: "growth was 5.2%", "GDP growth reached
/// 5.2%", "raised its growth forecast to 6.8%", "a growth rate of 5.2%"
/// say what "the economy grew 5.2%" and "growth of 5.2%" say. Its clause
/// (`tail`, as [`figure_kind`] takes it) names growth up to eight words
/// before it.
fn growth_rate(tail: &str) -> bool {
    crate::text::clause_words_back(tail, 8).any(|w| crate::text::trim_marks(w) == "growth")
}

/// What a figure is counted per ([`attribute::BASES`]), from the words of
/// its clause before it (`tail`, as [`figure_kind`] takes it: "GDP per
/// capita was", "the average monthly wage was", "grew at an annualised
/// rate of") or right after it (`after`, lowercase: "per capita", "a
/// month", "month on month", "m/m", "a barrel", "per tonne").
fn basis(tail: &str, after: &str) -> Option<&'static str> {
    use attribute::*;
    // After the figure: "per" or "a" and a noun, or a change's base.
    const AFTER: &[(&str, &str)] = &[
        ("month on month", PER_MONTH),
        ("month-on-month", PER_MONTH),
        ("m/m", PER_MONTH),
        ("quarter on quarter", PER_QUARTER),
        ("quarter-on-quarter", PER_QUARTER),
        ("q/q", PER_QUARTER),
        ("annualised", ANNUALISED),
        ("annualized", ANNUALISED),
        ("on an annualised basis", ANNUALISED),
        ("on an annualized basis", ANNUALISED),
    ];
    const NOUNS: &[(&str, &str)] = &[
        ("capita", PER_HEAD),
        ("head", PER_HEAD),
        ("person", PER_HEAD),
        ("inhabitant", PER_HEAD),
        ("resident", PER_HEAD),
        ("month", PER_MONTH),
        ("quarter", PER_QUARTER),
        ("week", PER_WEEK),
        ("day", PER_DAY),
        ("hour", PER_HOUR),
        ("barrel", PER_BARREL),
        ("bbl", PER_BARREL),
        ("tonne", PER_TONNE),
        ("ton", PER_TONNE),
        ("metric ton", PER_TONNE),
        ("share", PER_SHARE),
        ("kilo", PER_UNIT),
        ("kilogram", PER_UNIT),
        ("kg", PER_UNIT),
        ("litre", PER_UNIT),
        ("liter", PER_UNIT),
        ("gallon", PER_UNIT),
        ("ounce", PER_UNIT),
        ("unit", PER_UNIT),
        ("dose", PER_UNIT),
        ("thousand cubic", PER_UNIT),
        ("1,000 cubic", PER_UNIT),
        ("mwh", PER_UNIT),
        ("kwh", PER_UNIT),
        ("megawatt", PER_UNIT),
    ];
    let after = after.trim_start();
    let word_end = |rest: &str| !rest.starts_with(|c: char| c.is_alphanumeric());
    for &(phrase, b) in AFTER {
        if let Some(rest) = after.strip_prefix(phrase)
            && word_end(rest)
        {
            return Some(b);
        }
    }
    // "23 cases per 100,000 people", "for every 1,000 live births".
    if let Some(b) = rate_after(after) {
        return Some(b);
    }
    // "a $38-a-share offer", "its $38-per-share bid": hyphened too.
    let per = [
        "per ", "a ", "an ", "each ", "every ", "/", "-a-", "-per-", "-an-",
    ]
    .iter()
    .find_map(|p| after.strip_prefix(p));
    if let Some(rest) = per {
        for &(noun, b) in NOUNS {
            if let Some(tail) = rest.strip_prefix(noun) {
                // The noun alone or plural: "a day", "per 1,000 cubic
                // metres"; not "a headline".
                let tail = tail.strip_prefix('s').unwrap_or(tail);
                // "3.4% a month earlier": when, not per what.
                let when = ["earlier", "ago", "before", "later", "previously", "prior"]
                    .iter()
                    .any(|w| tail.trim_start().strip_prefix(w).is_some_and(&word_end));
                if when {
                    break;
                }
                if word_end(tail) || noun.ends_with(" cubic") {
                    return Some(b);
                }
            }
        }
    }
    // Before it, in its clause: one pass of an automaton over the clause.
    let clause = tail.rsplit([',', ';', ':']).next().unwrap_or(tail);
    let bytes = clause.as_bytes();
    let word_byte = |i: Option<usize>| {
        i.and_then(|i| bytes.get(i))
            .is_some_and(|b| b.is_ascii_alphanumeric())
    };
    BASIS_BEFORE
        .find_overlapping_iter(clause)
        .find(|m| !word_byte(m.start().checked_sub(1)) && !word_byte(Some(m.end())))
        .map(|m| BASIS_BEFORE_WORDS[m.pattern().as_usize()].1)
}

/// The basis of a rate written after a figure: "per", "for every" or "in
/// every" and a population size ([`rate_population`]).
fn rate_after(after: &str) -> Option<&'static str> {
    let after = after.trim_start();
    ["per ", "for every ", "in every "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .and_then(rate_population)
}

/// The basis of a rate whose population size opens `rest` ("100,000
/// people", "1,000 live births", "a million", "million inhabitants").
fn rate_population(rest: &str) -> Option<&'static str> {
    use attribute::*;
    const SIZES: &[(&str, &str)] = &[
        ("1,000", PER_THOUSAND),
        ("1000", PER_THOUSAND),
        ("thousand", PER_THOUSAND),
        ("10,000", PER_TEN_THOUSAND),
        ("10000", PER_TEN_THOUSAND),
        ("100,000", PER_HUNDRED_THOUSAND),
        ("100000", PER_HUNDRED_THOUSAND),
        ("100 000", PER_HUNDRED_THOUSAND),
        ("1 million", PER_MILLION),
        ("1m", PER_MILLION),
        ("a million", PER_MILLION),
        ("one million", PER_MILLION),
        ("million", PER_MILLION),
    ];
    SIZES.iter().find_map(|&(size, b)| {
        rest.strip_prefix(size)
            .filter(|tail| !tail.starts_with(|c: char| c.is_alphanumeric() || c == ','))
            .map(|_| b)
    })
}

/// Whether the number starting at `start` is the population of a rate,
/// after "per" or "for every" ("23 cases per 100,000 people"): no figure.
fn rate_denominator(s: &str, start: usize) -> bool {
    let before = lower_tail(&s[..start], 12);
    let before = before.trim_end_matches(' ');
    // Not "once every 10 years": a rate's population only.
    before.ends_with(" per")
        || before == "per"
        || before.ends_with("for every")
        || before.ends_with("in every")
}

/// The words before a figure that give its basis ([`basis`]).
const BASIS_BEFORE_WORDS: &[(&str, &str)] = &[
    ("per capita", attribute::PER_HEAD),
    ("per-capita", attribute::PER_HEAD),
    ("per head", attribute::PER_HEAD),
    ("per person", attribute::PER_HEAD),
    ("monthly", attribute::PER_MONTH),
    ("month-on-month", attribute::PER_MONTH),
    ("month on month", attribute::PER_MONTH),
    ("quarterly", attribute::PER_QUARTER),
    ("quarter-on-quarter", attribute::PER_QUARTER),
    ("quarter on quarter", attribute::PER_QUARTER),
    ("weekly", attribute::PER_WEEK),
    ("hourly", attribute::PER_HOUR),
    ("annualised", attribute::ANNUALISED),
    ("annualized", attribute::ANNUALISED),
    ("annual rate", attribute::ANNUALISED),
];

/// [`BASIS_BEFORE_WORDS`] in one automaton.
static BASIS_BEFORE: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(BASIS_BEFORE_WORDS.iter().map(|w| w.0)).expect("basis words")
    });

/// Bytes of context kept on each side of a figure in a long sentence.
const PASSAGE_WINDOW: usize = 400;

fn sentence_figures(
    doc: &Document,
    base: usize,
    s: &str,
    raws: Vec<number::Raw>,
    noise_block: impl FnOnce() -> bool,
    out: &mut Vec<Figure>,
) {
    if raws.is_empty() {
        return;
    }
    // The block's test covered the marks that count anywhere, so the
    // sentence needs only the tests by place.
    let noise = noise_block() || is_noise_by_place(s);
    let periods = period::find(s, doc.date());
    let first_index = out.len();
    // Per figure of this sentence: its context window and counted noun, for
    // the subjects computed once every figure's span is known.
    // A figure whose unit is the previous one's ([`carried_unit`]) has its
    // subject too.
    let mut counted_nouns: Vec<(usize, usize, Option<String>, bool, bool)> = Vec::new();
    let mut i = 0;
    while i < raws.len() {
        let mut first = raws[i].clone();
        let mut last = first.clone();
        // Ranges: "between 30 and 40", "30-40", "30 to 40", "$30-40 billion".
        let mut is_range = false;
        if let Some(next) = raws.get(i + 1) {
            // ASCII case folding is exact for these words: no non-ASCII
            // character lowercases to one of their letters.
            // "between 11% and 11.5%", "10%-12%", "4.5 percent to 5
            // percent": the unit written after both ends.
            let between_ends = s[first.end..next.start].trim_end();
            let unit_twice = (between_ends.len() <= 16
                && (between_ends.ends_with(['-', '–', '—'])
                    || between_ends.ends_with(" to")
                    || between_ends.ends_with(" and")))
            .then(|| unit_after(&s[first.end..next.start]))
            .flatten()
            .filter(|&(unit, _, len)| {
                unit_after(&s[next.end..]).is_some_and(|(u, ..)| u == unit)
                    && matches!(
                        s[first.end + len..next.start].trim(),
                        "-" | "–" | "—" | "to" | "and"
                    )
            });
            let gap = s[first.end + unit_twice.map_or(0, |(_, _, len)| len)..next.start].trim();
            let between = lower_tail(&s[..first.start], 16)
                .trim_end()
                .ends_with("between");
            // Not a range: a change and the level it reached ("rose by
            // $1.5 billion to $15.3 billion", "rose from $147 billion to
            // $190 billion"; "grew by 2 to 3 percent" is one), or a year
            // and an amount ("in 2021 to $190 billion").
            let to = gap.eq_ignore_ascii_case("to");
            let change_to = to
                && (after_change_from(&lower_tail(&s[..first.start], TAIL), s, first.start)
                    // "rose 0.2% to 4.5%": a change and the level.
                    || unit_twice.is_some()
                        && lower_tail(&s[..first.start], 16)
                            .split_whitespace()
                            .next_back()
                            .is_some_and(|w| w == "by" || change_word(w).is_some())
                    || (first.currency.is_some() || first.has_magnitude)
                        && lower_tail(&s[..first.start], 4).trim_end().ends_with(" by"));
            let year_then_amount = first.year_like()
                && first.currency.is_none()
                && (next.currency.is_some() || next.has_magnitude || next.value < 1000.0);
            if (matches!(gap, "-" | "–" | "—") || to || between && gap.eq_ignore_ascii_case("and"))
                && first.word == next.word
                && !change_to
                && !year_then_amount
            {
                last = next.clone();
                is_range = true;
                i += 1;
            }
        }
        i += 1;
        // "555-1234": a phone number, not a range.
        if is_range && is_phone(&s[first.start..last.end]) {
            continue;
        }
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
                first.digit *= mag;
            }
            first.currency = first.currency.or(last.currency);
        }
        // "a dozen or more documents", "40 or so times": a qualifier after
        // the number, before its unit.
        let (after_q, skip) = qualifier_after(&s[last.end..]);
        let mut tail = &s[last.end + skip..];
        // "79 of the 200 seats": a part, counted by its whole's unit, and
        // the figure. The whole is no figure of its own: the chamber's 200
        // seats against another source's "won 79 seats" is no conflict.
        let mut unit_from = last.end + skip;
        let mut of_whole = false;
        if let Some(whole) = raws
            .get(i)
            .filter(|w| part_of_whole(s, &first, w, is_range, skip))
        {
            unit_from = whole.end;
            tail = &s[unit_from..];
            i += 1;
            of_whole = true;
        }
        let unit = unit_after(tail);
        // "in the past two years", "over the next six months": the period
        // of another figure (the period reader's), not a length of
        // something.
        if unit.is_some_and(|(u, _, len)| {
            matches!(u, "years" | "days")
                && period_lead(&lower_tail(&s[..first.start], 20), &tail[len..])
        }) {
            continue;
        }
        // "One in five", "three out of ten".
        let is_ratio = first.word && number::ratio(&s[first.start..first.end].to_ascii_lowercase());
        // Whether the unit is the previous figure's ([`carried_unit`]).
        let mut carried = false;
        let (unit_name, factor, unit_len, counted) = match unit {
            Some((u, f, len)) => (u, f, len, None),
            None => match first.currency {
                Some(c) => (c, 1.0, 0, None),
                None => match lower_head(tail.trim_start(), 40) {
                    t if t.starts_with("times") => {
                        let after_times = t["times".len()..].trim_start();
                        let ratio = [
                            "more",
                            "higher",
                            "larger",
                            "bigger",
                            "greater",
                            "as much",
                            "as many",
                            "as large",
                            "as big",
                            "as high",
                            "faster",
                            "the size",
                            "the level",
                            "the amount",
                            "that of",
                        ]
                        .iter()
                        .any(|w| after_times.starts_with(w));
                        let len = tail.len() - tail.trim_start().len() + "times".len();
                        (
                            if ratio { "times" } else { "count" },
                            1.0,
                            len,
                            if ratio {
                                None
                            } else {
                                Some("times".to_string())
                            },
                        )
                    }
                    // "one in five companies": a share of them, in percent.
                    _ if is_ratio => match counted_noun(tail) {
                        Some((noun, len)) => ("percent", 1.0, len, Some(noun)),
                        None => ("percent", 1.0, 0, None),
                    },
                    // "4.2 per cent, up 0.1 point": after a percentage,
                    // a change in points is in percentage points.
                    _ if let Some(len) = points_of_percentage(
                        s,
                        first.start,
                        tail,
                        out[first_index..].last().map(|f| f.unit),
                    ) =>
                    {
                        ("percentage-points", 1.0, len, None)
                    }
                    _ => match counted_noun(tail) {
                        Some((noun, len)) => ("count", 1.0, len, Some(noun)),
                        None => match first.fixed_unit {
                            Some(u) => (u, 1.0, 0, None),
                            // "magnitude 7.1", "measuring 7.1 on the
                            // Richter scale".
                            None if !first.word
                                && plausible("magnitude", first.value)
                                && unit::magnitude_around(
                                    &lower_tail(&s[..first.start], 16),
                                    &lower_head(tail, 24),
                                ) =>
                            {
                                ("magnitude", 1.0, 0, None)
                            }
                            // "The murder rate was 5.8 per 100,000": a rate
                            // counts, whatever it counts.
                            None if rate_after(tail).is_some() => ("count", 1.0, 0, None),
                            // "the death toll rose to 62", "the number of
                            // visitors reached 1,200"; a number word too
                            // small to count ("rose to three") aside.
                            // Not a number glued to a word after it: "a
                            // 7.6-magnitude quake".
                            None => match (!first.year_like()
                                && (!first.word || first.value >= 10.0)
                                && !tail.starts_with('-'))
                            .then(|| {
                                counted_before(
                                    &lower_tail(&s[..first.start], 2 * TAIL),
                                    &lower_head(tail, 24),
                                )
                            })
                            .flatten()
                            {
                                Some(noun) => ("count", 1.0, 0, Some(noun)),
                                None => match carried_unit(
                                    s,
                                    &first,
                                    is_range,
                                    out[first_index..].last().map(|f| {
                                        (
                                            f.unit,
                                            f.span.start as usize - base,
                                            f.span.end as usize - base,
                                        )
                                    }),
                                    counted_nouns.last().and_then(|c| c.2.as_deref()),
                                ) {
                                    Some((u, noun)) => {
                                        carried = true;
                                        (u, 1.0, 0, noun)
                                    }
                                    None => continue,
                                },
                            },
                        },
                    },
                },
            },
        };
        // Years, days of the month and small number words are not figures.
        if unit.is_none()
            && first.currency.is_none()
            && counted.is_none()
            && first.fixed_unit.is_none()
            && !matches!(unit_name, "times" | "magnitude" | "percentage-points")
            && !carried
            && !(unit_name == "count" && rate_after(&s[first.end..]).is_some())
        {
            continue;
        }
        if !plausible(unit_name, first.value) {
            continue;
        }
        let year_like = first.year_like();
        if year_like && first.currency.is_none() && unit_name == "count" {
            continue;
        }
        if is_month_day(s, &first) && unit_name == "count" {
            continue;
        }
        // "per 100,000 people": what a rate is counted in, not a figure.
        if rate_denominator(s, first.start) {
            continue;
        }
        // Save people ("three people were killed"), seats, votes and goals
        // ("won three seats") and a part of a whole ("two of the nine
        // members").
        if first.word
            && !of_whole
            && first.value < 10.0
            && unit_name == "count"
            && counted.as_deref() != Some("times")
            && !counted.as_deref().is_some_and(|c| {
                subject::GENERIC_COUNTED
                    .iter()
                    .chain(number::SMALL_COUNTED)
                    .any(|g| c.eq_ignore_ascii_case(g))
            })
        {
            continue;
        }
        let mut low_v = first.value * factor;
        let mut high_v = last.value * factor;
        let r_low = first.digit * factor;
        if !low_v.is_finite() || !high_v.is_finite() {
            continue;
        }
        let mut end = unit_from + unit_len;
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
                None => (after_q.unwrap_or(Qualifier::Exact), first.start),
            }
        };
        let (value, low, high) = if is_range {
            if high_v < low_v {
                std::mem::swap(&mut low_v, &mut high_v);
            }
            let (d_low, d_high) = (first.digit * factor, last.digit * factor);
            let (l, h) = range_interval(Qualifier::Range, low_v, d_low, high_v, d_high);
            ((low_v + high_v) / 2.0, l, h)
        } else {
            let (l, h) = interval(qualifier, low_v, r_low);
            (low_v, l, h)
        };
        let mut attributes: Vec<&'static str> = Vec::new();
        // "a record $185 billion", "$185 billion, a record", "$240 billion
        // last year, a record": right after the figure or after the next
        // comma.
        let after = lower_head(&s[end..], 40);
        let next_clause = after.split_once(',').map_or("", |(_, r)| r);
        let is_record = |t: &str| {
            let t = t.trim_start_matches([',', ' ', '(', '—', '–']);
            // "Record", not "recorded".
            let word = |w: &str| {
                t.strip_prefix(w)
                    .is_some_and(|r| !r.starts_with(|c: char| c.is_alphabetic()))
            };
            word("record") || word("a record") || t.starts_with("an all-time high")
        };
        if lower_tail(&s[..start], 12).trim_end().ends_with("record")
            || is_record(&after)
            || is_record(next_clause)
        {
            attributes.push(attribute::RECORD);
        }
        // The words before it, lowercase, read by the next three.
        let tail = lower_tail(&s[..start], TAIL);
        let noun = &s[crate::text::floor_char_boundary(s, end.saturating_sub(12))..end];
        if let Some(kind) = figure_kind(&tail, &after, unit_name, noun)
            .or_else(|| elided_change(s, start, &tail, unit_name == "percent"))
            .or_else(|| is_ratio.then_some(attribute::SHARE))
        {
            attributes.push(kind);
        }
        if let Some(basis) = basis(&tail, &after) {
            attributes.push(basis);
        }
        let modality = modality(s, start, end);
        // Where the next figure starts: a period written before it is this
        // one's own.
        let following = raws.get(i).map_or(s.len(), |r| r.start);
        let mut period_beside = false;
        let gap = attributes.contains(&attribute::GAP)
            || matches!(unit_name, "celsius" | "fahrenheit")
                && temperature_comparison(&after).is_some();
        // A count of what happened on a day, or a reading taken on it (a
        // temperature, a quake's magnitude), is of that day.
        let count_of_events = modality == Modality::Actual
            && periods.iter().any(|m| m.weekday)
            && (unit_name == "count" && !still_counting(s)
                || matches!(unit_name, "celsius" | "fahrenheit" | "magnitude"));
        // "1.2 million sq km below the 1981-2010 average": the period
        // after a gap is the other thing's; one before it may be its own
        // ("In 2024 it was 1.6C above the 1850-1900 average").
        let before_gap: Vec<period::Mention>;
        let candidates = if gap {
            before_gap = periods.iter().filter(|m| m.start < end).cloned().collect();
            &before_gap
        } else {
            &periods
        };
        let (per, note) = match period_for(candidates, s, start, end, count_of_events) {
            Some(mut m) => {
                period_beside = m.start >= end && m.start <= following;
                future_month(&mut m, modality, doc.date());
                (m.period, m.note)
            }
            None => (None, None),
        };
        // "rose from $147 billion to $190 billion last year": the first is
        // the level before, of a period not said ("from $147 billion in
        // 2021" is 2021's).
        let previous = out[first_index..]
            .last()
            .map(|f| (f.span.start as usize - base, f.span.end as usize - base));
        if !period_beside
            && (after_change_from(&tail, s, start)
                || from_after_level(&tail, s, start, previous, &periods))
        {
            attributes.push(attribute::EARLIER);
        }
        if unit_name == "percent"
            && !attributes.iter().any(|a| attribute::KINDS.contains(a))
            && growth_rate(&tail)
        {
            attributes.push(attribute::RISE);
        }
        if of_whole {
            attributes.push(attribute::PART);
        }
        // What a period after the publication date holds has not happened:
        // "the plan foresees trade of $300 billion in 2030" is no actual.
        let modality = match (&per, doc.date()) {
            (Some(p), Some(d)) if modality == Modality::Actual && p.start > d => Modality::Forecast,
            _ => modality,
        };
        // Subject and passage come from a bounded window around the figure,
        // so a huge sentence costs linear time, not quadratic.
        let (w0, w1) = crate::text::window(s, start, end, PASSAGE_WINDOW);
        let subj = Subject::default();
        counted_nouns.push((w0, w1, counted, carried, of_whole));
        let span = doc.span(base + start, base + end);
        let passage = crate::text::narrow(base + w0)..crate::text::narrow(base + w1);
        let passage_text: crate::text::Shared = s[w0..w1].into();
        // The figure as written is a slice of its passage, which holds it.
        let text = (w0 <= start && end <= w1)
            .then(|| SharedSlice::new(&passage_text, start - w0..end - w0))
            .flatten()
            .unwrap_or_else(|| s[start..end].into());
        out.push(Figure {
            text,
            span,
            value,
            unit: unit_name,
            qualifier,
            low,
            high,
            period: per,
            period_note: note,
            modality,
            subject: subj,
            attributes: attributes.into(),
            noise,
            passage,
            passage_text,
        });
    }
    // Subjects: the words around each figure, other figures' words excluded
    // ("14 agreements" after "10 cooperation documents" is about agreements).
    let spans: Vec<(usize, usize)> = out[first_index..]
        .iter()
        .map(|f| (f.span.start as usize - base, f.span.end as usize - base))
        .collect();
    // The words of the whole sentence, shared by the figures whose window is
    // all of it (every figure of a sentence of usual length).
    let sentence_words = std::cell::OnceCell::new();
    for (k, (w0, w1, counted, carried, part)) in counted_nouns.into_iter().enumerate() {
        if carried && k > 0 {
            out[first_index + k].subject = out[first_index + k - 1].subject.clone();
            continue;
        }
        let (start, end) = spans[k];
        // Spans are in order: only those inside the bounded window.
        let lo = spans.partition_point(|&(a, _)| a < w0);
        let others: Vec<(usize, usize)> = spans[lo..]
            .iter()
            .enumerate()
            .take_while(|&(_, &(a, _))| a < w1)
            .filter(|&(j, &(_, b))| lo + j != k && b <= w1)
            .map(|(_, &(a, b))| (a - w0, b - w0))
            .collect();
        let window_words;
        let words = if (w0, w1) == (0, s.len()) {
            sentence_words.get_or_init(|| words_with_offsets(s))
        } else {
            window_words = words_with_offsets(&s[w0..w1]);
            &window_words
        };
        let f = &mut out[first_index + k];
        f.subject = subject_in(
            &s[w0..w1],
            words,
            start - w0,
            end - w0,
            counted.as_deref(),
            &others,
            part,
        );
        economic_growth(f);
    }
}

/// A change in percent of the economy ("China's economy grew 5.2%", "GDP
/// expanded 5.2%", "the economy shrank 2%") is economic growth: its subject
/// gets the term `growth`, which "growth was 5.4%" has (and a change of
/// exports or of prices does not).
fn economic_growth(f: &mut Figure) {
    let has = |t: &str| f.subject.terms.iter().any(|x| &**x == t);
    if f.unit == "percent"
        && f.attributes
            .iter()
            .any(|a| matches!(*a, attribute::RISE | attribute::FALL))
        && (has("economi") || has("gdp"))
        && !has("growth")
    {
        let mut terms = f.subject.terms.to_vec();
        terms.push(crate::text::intern("growth"));
        f.subject.terms = terms.into_boxed_slice();
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
    fn a_figure_points_into_its_passage() {
        let f = one("Trade between Russia and China reached $185 billion in 2022.");
        assert_eq!(&*f.text, "$185 billion");
        let (p, t) = (f.passage_text.as_ptr() as usize, f.text.as_ptr() as usize);
        assert!(
            p <= t && t + f.text.len() <= p + f.passage_text.len(),
            "no copy"
        );
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
            assert_eq!((f.value, f.unit), (185e9, "USD"), "{t}");
        }
        let f = one("Exports hit 1.2 trillion rubles.");
        assert_eq!((f.value, f.unit), (1.2e12, "RUB"));
        let f = one("The fund holds €3.5m in reserve.");
        assert_eq!((f.value, f.unit), (3.5e6, "EUR"));
    }

    #[test]
    fn units_and_counts() {
        let f = one("The two countries share a 4,200-kilometer border.");
        assert_eq!((f.value, f.unit), (4200.0, "km"));
        assert!(
            f.subject.terms.contains(&"border".into()),
            "{:?}",
            f.subject
        );
        let f = one("The pipeline can carry 38 bcm of gas a year.");
        assert_eq!((f.value, f.unit), (38e9, "m3"));
        let f = one("Its capacity is 38 billion cubic meters.");
        assert_eq!((f.value, f.unit), (38e9, "m3"));
        assert_eq!(one("The yuan's share rose to 26%.").unit, "percent");
        assert_eq!(
            one("Rates rose by 2 percentage points.").unit,
            "percentage-points"
        );
        let f = one("Putin and Xi have met more than 40 times.");
        assert_eq!(
            (f.value, f.unit, f.qualifier),
            (40.0, "count", Qualifier::Over)
        );
        assert!(
            f.subject.terms.contains(&"meet".into()) && f.subject.terms.contains(&"xi".into()),
            "{:?}",
            f.subject
        );
        let f = one("They signed 14 cooperation documents.");
        assert_eq!((f.value, f.unit), (14.0, "count"));
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
        // One to nine alone: before a magnitude, a length of time, a
        // percentage or people; never people already known ("the two
        // men"), nor "one" but before a magnitude.
        for (t, v, u) in [
            ("About five million people live there.", 5e6, "count"),
            ("He was sentenced to six years in prison.", 6.0, "years"),
            ("He received a seven-year sentence.", 7.0, "years"),
            ("Prices rose four per cent.", 4.0, "percent"),
            ("Three people were killed in the blast.", 3.0, "count"),
            ("One million people voted.", 1e6, "count"),
            // Seats, votes and goals, as elections and games count them.
            ("The party won three seats.", 3.0, "count"),
            ("The motion failed by two votes.", 2.0, "count"),
            ("She scored four goals.", 4.0, "count"),
        ] {
            let f = one(t);
            assert_eq!((f.value, f.unit), (v, u), "{t}");
        }
        for t in [
            "The two men had met before.",
            "One of the two sides said three officials attended.",
            "One person died.",
            "Both women were released.",
            "The two seats went to Labour.",
            "He made three points.",
            "It was four per day.",
            "Six months later they met.",
            // When, not how long.
            "Four years ago they met.",
            "They had met 4 years earlier.",
        ] {
            assert!(figs(t, Some("2023-01-01")).is_empty(), "{t}");
        }
    }

    #[test]
    fn qualifiers_make_intervals() {
        let f = one("They have met about 40 times.");
        // ±10 %, never tighter than the rounding of the last digit written.
        assert_eq!((f.qualifier, f.low, f.high), (Qualifier::About, 36.0, 44.0));
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
        assert_eq!((f.qualifier, f.unit), (Qualifier::Range, "USD"));
        assert!(f.low < 31e9 && f.high > 39e9, "{f:?}");
        let a = one("Trade reached $185 billion.");
        let b = one("Trade reached $240 billion.");
        assert!(a.high < b.low, "exact figures 185 and 240 never overlap");
        let f = one("Trade hit a record $185 billion.");
        assert_eq!(
            (f.qualifier, f.attributes.clone()),
            (Qualifier::Exact, vec!["record"].into())
        );
    }

    #[test]
    fn periods_resolve_against_publication_date() {
        let f = one("Trade reached $185 billion last year.");
        assert_eq!(&*f.period.unwrap().label, "2022");
        let f = one("Trade rose to $30 billion in the first two months of this year.");
        assert_eq!(&*f.period.unwrap().label, "2023-01/2023-02");
        let f = figs("Trade reached $185 billion last year.", None).remove(0);
        assert_eq!(f.period, None);
        assert_eq!(
            f.period_note.as_deref(),
            Some("\"last year\" unresolved: source has no date")
        );
        let f = one("In 2022, trade reached $190 billion.");
        assert_eq!(&*f.period.unwrap().label, "2022");
        // "Now" between a period and a figure: the article's present.
        let f = figs(
            "Emissions fell 8.3% in 2025 and now stand 37% below 1990 levels.",
            Some("2026-11-20"),
        );
        let periods: Vec<Option<&str>> = f
            .iter()
            .map(|f| f.period.as_ref().map(|p| &*p.label))
            .collect();
        assert_eq!(periods, [Some("2025"), None]);
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
        // A relative clause closed before the figure is about someone
        // else's aim; one still open, or a cue after it, counts.
        let f = figs(
            "The EU, which aims to cut emissions 55% by 2030, said its emissions were 35% below 1990 levels.",
            Some("2026-11-20"),
        );
        let modalities: Vec<Modality> = f.iter().map(|f| f.modality).collect();
        assert_eq!(modalities, [Modality::Target, Modality::Actual]);
        assert_eq!(
            one("The firm, which is expected to grow, made $5 billion.").modality,
            Modality::Actual
        );
        assert_eq!(
            one("The firm, which aims high, expects sales of $5 billion.").modality,
            Modality::Forecast
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
        fn spans_map_back_to_text(s in "[a-zA-Z0-9 $%,.\\-]{0,120}") {
            let (doc, _) = Document::from_text("t", "t.md", &s);
            for f in extract_figures(&doc) {
                prop_assert_eq!(&doc.text[f.span.range()], &*f.text);
                prop_assert!(f.value.is_finite() && f.low <= f.high);
            }
        }
    }
}
