//! Periods: the time a figure is about, found in its sentence and resolved
//! against the source's publication date with `jiff`.
//!
//! Recognised: years ("in 2022", "2022's"), months ("March 2023", "in
//! March"), days ("21 March 2023", "March 21, 2023"), quarters and halves
//! ("the first quarter of 2023", "Q1 2023", "H2 2022", "in the first
//! quarter"), days without their year ("as of October 3", "on 3
//! October"), leading months ("the first two months of this year"), month
//! ranges ("January-February"), year ranges ("between 2010 and 2020",
//! "2010-2020"), "since 2010", "by 2024", "last year", "this year", "next
//! year", "last month", "over the past decade", "in the past five years",
//! sports seasons ("last season", "the 2024-25 season", July to June).
//! Relative expressions need a publication date; without one the period is
//! left unresolved with a note, never guessed from today.

use crate::extract::Period;
use crate::text::intern;
use jiff::civil::{Date, date};
use regex::{Regex, RegexSet};
use std::sync::LazyLock;

/// A period expression in a sentence (byte offsets relative to it).
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub period: Option<Period>,
    /// Why `period` is None (a relative expression in an undated source).
    pub note: Option<String>,
    /// Whether the text names no year ("in March", "in the first
    /// quarter"): the year is the publication's, or the next one for what
    /// is yet to come (`extract::figure`).
    pub yearless: bool,
    /// Whether the mention is what a change is measured against ("higher
    /// than in 2023", "up 26% from a year earlier"): not the period of the
    /// figures before it, but of those a "when" clause after it gives
    /// ("than in 2023, when it took 27.4%").
    pub against: bool,
    /// Whether the mention is a day of the week ("on Sunday", "Sunday's
    /// vote") or of the month after "on" ("on October 3"): the last such
    /// day by the publication date, which only a count of what happened
    /// takes as its period (`extract::figure`).
    pub weekday: bool,
}

/// The days of the week, lowercase.
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month names, lowercase, January first.
pub const MONTHS: &[&str] = &[
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
];

fn month_number(name: &str) -> Option<i8> {
    let n = name.to_lowercase();
    let n = n.trim_end_matches('.');
    if n.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(n))
        .map(|i| i as i8 + 1)
}

fn count_word(w: &str) -> Option<i16> {
    let w = w.to_lowercase();
    if let Ok(n) = w.parse::<i16>() {
        return Some(n);
    }
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    words.iter().position(|x| *x == w).map(|i| i as i16 + 1)
}

/// The number of a quarter or a half as its pattern captures it ("first",
/// "2nd", "3"); what is not 1 to 3 is 4.
fn ordinal(w: &str) -> i8 {
    match w.to_lowercase().as_str() {
        "first" | "1st" | "1" => 1,
        "second" | "2nd" | "2" => 2,
        "third" | "3rd" | "3" => 3,
        _ => 4,
    }
}

pub(crate) fn year_period(y: i16) -> Option<Period> {
    Some(Period {
        start: date(y, 1, 1),
        end: date(y, 12, 31),
        label: intern(&format!("{y:04}")),
    })
}

/// The sports season that opens in July of year `y` and closes at the end
/// of the next June: "2025-26 season".
fn season_period(y: i16) -> Option<Period> {
    Some(Period {
        start: Date::new(y, 7, 1).ok()?,
        end: Date::new(y + 1, 6, 30).ok()?,
        label: intern(&format!("{y:04}-{:02} season", (y + 1) % 100)),
    })
}

pub(crate) fn month_range(y1: i16, m1: i8, y2: i16, m2: i8) -> Option<Period> {
    let start = Date::new(y1, m1, 1).ok()?;
    let end_first = Date::new(y2, m2, 1).ok()?;
    let end = end_first.last_of_month();
    if end < start {
        return None;
    }
    let label = if (y1, m1) == (y2, m2) {
        format!("{y1:04}-{m1:02}")
    } else {
        format!("{y1:04}-{m1:02}/{y2:04}-{m2:02}")
    };
    Some(Period {
        start,
        end,
        label: intern(&label),
    })
}

fn year_range(y1: i16, y2: i16) -> Option<Period> {
    if y2 < y1 {
        return None;
    }
    Some(Period {
        start: date(y1, 1, 1),
        end: date(y2, 12, 31),
        label: intern(&format!("{y1:04}/{y2:04}")),
    })
}

/// A year that runs into the next, "2025-26": a financial, school or
/// budget year whose months the text does not say (April to March in one
/// country, July to June in another). It covers both calendar years, so
/// it is the same period only as another "2025-26" (or "2025-2026"), and
/// other periods are reported as other, never as the same.
fn split_year(y: i16) -> Option<Period> {
    Some(Period {
        start: date(y, 1, 1),
        end: date(y + 1, 12, 31),
        label: intern(&format!("{y:04}-{:02}", (y + 1) % 100)),
    })
}

fn valid_year(s: &str) -> Option<i16> {
    let y: i16 = s.parse().ok()?;
    (1800..=2200).contains(&y).then_some(y)
}

static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let month = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
    let year = r"(1[89]\d\d|2[01]\d\d)";
    let rel_year =
        r"(this year|last year|next year|the previous year|a year earlier|(?:1[89]|2[01])\d\d)";
    let n = r"(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})";
    let cap_month = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?";
    let list: Vec<(Kind, String)> = vec![
        // "last season", "the 2024-25 season": a sports season, from July
        // to June ("this season" in August 2026 is 2026-27, in May 2026
        // it is 2025-26).
        (Kind::Season, r"(?i)(?-u:\b)(?:((?:last|this|next|previous|the\s+previous|the\s+past|the\s+current)\s+season)|(?:the\s+)?(1[89]\d\d|2[01]\d\d)\s*[-/–]\s*(\d\d)\s+season)(?-u:\b)".to_string()),
        (Kind::Quarter, format!(r"(?i)(?-u:\b)(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter\s+(?:of\s+)?{rel_year}")),
        (Kind::Quarter, format!(r"(?i)(?-u:\b)q([1-4])\s+{year}(?-u:\b)")),
        (Kind::Half, format!(r"(?i)(?-u:\b)(?:the\s+)?(first|second|1st|2nd)[\s-]+half\s+(?:of\s+)?{rel_year}")),
        (Kind::Half, format!(r"(?i)(?-u:\b)h([12])\s+{year}(?-u:\b)")),
        (Kind::LeadingMonths, format!(r"(?i)(?-u:\b)(?:the\s+)?first\s+{n}\s+months\s+of\s+{rel_year}")),
        (Kind::MonthRange, format!(r"(?i)(?-u:\b)({month})\s*(?:-|–|—|to|through)\s*({month})(?:\s+(?:of\s+)?{rel_year})?")),
        (Kind::MonthRange, format!(r"(?i)(?-u:\b)between\s+({month})\s+and\s+({month})(?:\s+(?:of\s+)?{rel_year})?")),
        // "in the year to October", "the three months to September", "the
        // quarter ending in June": the months up to and with that one.
        // "the fiscal year that ended in June", "its latest financial
        // year, which closed at the end of June".
        (Kind::MonthsTo, format!(r"(?i)(?-u:\b)(?:the|its|their)\s+(?:latest\s+|most\s+recent\s+)?(?:(?:fiscal|financial)\s+)?(?:(year)|(quarter)|{n}\s+months),?\s+(?:that\s+|which\s+)?(?:to|through|ending|ended|closed|closing)\s+(?:in\s+|on\s+|at\s+)?(?:the\s+end\s+of\s+)?({month})(?:\s+{year})?(?-u:\b)")),
        (Kind::Day, format!(r"(?i)(?-u:\b)({month})\s+(\d{{1,2}}),?\s+{year}(?-u:\b)")),
        (Kind::DayFirst, format!(r"(?i)(?-u:\b)(\d{{1,2}})\s+({month})\s+{year}(?-u:\b)")),
        (Kind::SinceMonth, format!(r"(?i)(?-u:\b)since\s+(?:the\s+(?:start|beginning|end|middle)\s+of\s+)?({month})(?:\s+{year}|\s+(last year|this year))?(?-u:\b)")),
        (Kind::Month, format!(r"(?i)(?-u:\b)(?:in\s+)?({month})\s+(?:of\s+)?{year}(?-u:\b)")),
        // "in June last year": after a preposition, for "may" the verb
        // ("prices may this year rise") is no month.
        (Kind::Month, format!(r"(?i)(?-u:\b)(?:in|during|until|till|by|from|to|of)\s+({month})\s+(last year|this year|next year)(?-u:\b)")),
        (Kind::YearRange, format!(r"(?i)(?-u:\b)(?:between|from)\s+{year}\s+(?:and|to)\s+{year}(?-u:\b)")),
        (Kind::YearRange, format!(r"(?-u:\b){year}\s*[-–]\s*{year}(?-u:\b)")),
        // "in 2025-26", "the 2025/26 financial year": a year that runs
        // into the next (a season takes "the 2025-26 season" first).
        (Kind::SplitYear, format!(r"(?-u:\b){year}\s*[-/–]\s*(\d\d)(?:$|[^\d%/.,-]|[.,](?:$|\D))")),
        (Kind::Since, format!(r"(?i)(?-u:\b)since\s+(?:the\s+(?:start|beginning|end|middle)\s+of\s+)?{year}(?-u:\b)")),
        (Kind::PastYears, format!(r"(?i)(?-u:\b)(?:over|in|during)\s+the\s+(?:past|last|previous)\s+(?:(decade)|{n}\s+years|(year))(?-u:\b)")),
        // "this financial year", "next fiscal year": a year that runs
        // into the next, from April (as the UK's, Japan's and India's do).
        (Kind::FinancialYear, r"(?i)(?-u:\b)(this|the\s+current|next|the\s+next|last|the\s+last|the\s+previous)\s+(?:financial|fiscal|tax)\s+year(?-u:\b)".to_string()),
        (Kind::FullYear, format!(r"(?i)(?-u:\b)(?:full|whole)[\s-]year(?:\s+{year})?(?-u:\b)")),
        (Kind::YearsAgo, format!(r"(?i)(?-u:\b)(?:{n}\s+years|(a\s+decade))\s+ago(?-u:\b)")),
        // "four years later", "a year on": counted from the year named
        // before it in the sentence (resolved once all are known).
        (Kind::YearsLater, format!(r"(?i)(?-u:\b)(?:{n}\s+years|(a\s+year)|(a\s+decade))\s+(?:later|afterwards|on)(?-u:\b)")),
        (Kind::Relative, r"(?i)(?-u:\b)(last year|this year|next year|the (?:previous|preceding|prior) year|the year (?:before|earlier)|a year earlier|a year ago|last month|this month|so far this year|today|currently|at present)(?-u:\b)".to_string()),
        (Kind::MonthAlone, format!(r"(?i)(?-u:\b)in\s+({month})(?-u:\b)")),
        // "from 3.4% a month earlier": the month before the one the
        // sentence names (resolved once all its mentions are known).
        (Kind::MonthEarlier, r"(?i)(?-u:\b)((?:a|the) month (?:earlier|before)|the (?:previous|preceding|prior) month)(?-u:\b)".to_string()),
        // "in the first quarter", "first-half profit", "in Q3": the year
        // is the publication's. Not "the first half of the meeting".
        (Kind::PartAlone, r"(?i)(?-u:\b)(?:(?:the\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(quarter|half)|(q)([1-4])|(h)([12]))(?-u:\b)(\s+of)?".to_string()),
        (Kind::By, format!(r"(?i)(?-u:\b)by\s+(?:the\s+end\s+of\s+)?{year}(?-u:\b)")),
        // "on Sunday", "last Sunday", "Sunday's election": capitalised.
        (Kind::Weekday, r"(?-u:\b)(?:(?i:on|last)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:['’]s)?(?-u:\b)".to_string()),
        // "as of October 3", "on 3 October", "on Oct. 3rd": a day whose
        // year the text leaves to its date (capitalised, so "may 5" is no
        // day; not "October 3%").
        (Kind::DayAlone, format!(r"(?-u:\b)(?:((?i:as\s+(?:of|at))\s+)|((?i:on))\s+)?(?:{cap_month}\s+(\d{{1,2}})|(\d{{1,2}})\s+{cap_month})(?:st|nd|rd|th)?(?:$|[\s,;:)]|\.(?:\s|$))")),
        (Kind::Year, format!(r"(?:^|[^\d,.$€£¥/:-]){year}(?:'s|’s)?(?:$|[^\d%-]|-(?:[a-z]))")),
    ];
    list.into_iter()
        .map(|(k, p)| (k, Regex::new(&p).expect("period pattern compiles")))
        .collect()
});

/// All of [`PATTERNS`] in one set: a single pass over a sentence says which
/// patterns match at all, and only those are run for their captures.
static PATTERN_SET: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new(PATTERNS.iter().map(|(_, re)| re.as_str())).expect("period patterns compile")
});

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Season,
    Quarter,
    LeadingMonths,
    MonthRange,
    MonthsTo,
    Day,
    DayFirst,
    Month,
    YearRange,
    SplitYear,
    Since,
    SinceMonth,
    PastYears,
    YearsAgo,
    YearsLater,
    FullYear,
    FinancialYear,
    Relative,
    MonthAlone,
    MonthEarlier,
    Half,
    PartAlone,
    By,
    Weekday,
    DayAlone,
    Year,
}

/// The note of a period phrase the source's missing date leaves
/// unresolved: `"last year" unresolved: source has no date`.
fn no_date(phrase: &str) -> String {
    format!("\"{phrase}\" unresolved: source has no date")
}

/// [`no_date`] of a phrase that has no year of its own ("in May").
fn no_year(phrase: &str) -> String {
    format!("\"{phrase}\" unresolved: no year and source has no date")
}

/// The phrase, in its quotation marks, that a note of [`no_date`] or
/// [`no_year`] says is unresolved.
pub fn unresolved_phrase(note: &str) -> Option<&str> {
    note.split_once(" unresolved: ").map(|(phrase, _)| phrase)
}

/// Resolves "this year", "last year" or a literal year against `doc`.
fn resolve_year(s: &str, doc: Option<Date>) -> Result<i16, String> {
    if let Some(y) = valid_year(s) {
        return Ok(y);
    }
    let d = doc.ok_or_else(|| no_date(s))?;
    Ok(match s.to_lowercase().as_str() {
        "this year" => d.year(),
        "next year" => d.year() + 1,
        _ => d.year() - 1,
    })
}

/// Every period expression in `sentence`, in order, non-overlapping (the
/// most specific pattern wins where two overlap).
pub fn find(sentence: &str, doc: Option<Date>) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    let taken =
        |found: &Vec<Mention>, s: usize, e: usize| found.iter().any(|m| s < m.end && m.start < e);
    let matching = PATTERN_SET.matches(sentence);
    let mut month_earlier: Vec<(usize, usize)> = Vec::new();
    let mut year_earlier: Vec<(usize, usize)> = Vec::new();
    let mut years_later: Vec<(usize, usize, i16)> = Vec::new();
    for (kind, re) in matching.iter().map(|i| &PATTERNS[i]) {
        if *kind == Kind::Year {
            // The most common kind, and the only one whose group follows
            // from the match: the year opens it, or stands after its one
            // delimiter character. The fast search alone finds it.
            for whole in re.find_iter(sentence) {
                let (s, e) = year_digits(sentence, whole.start());
                if !taken(&found, s, e)
                    && let Some(p) = valid_year(&sentence[s..e]).and_then(year_period)
                {
                    found.push(Mention {
                        start: s,
                        end: e,
                        period: Some(p),
                        note: None,
                        yearless: false,
                        against: year_compared_against(&sentence[..s]),
                        weekday: false,
                    });
                }
            }
            continue;
        }
        for c in re.captures_iter(sentence) {
            let whole = c.get(0).expect("match");
            let (s, e) = (whole.start(), whole.end());
            if taken(&found, s, e) {
                continue;
            }
            let g = |i: usize| c.get(i).map(|m| m.as_str()).unwrap_or("");
            if matches!(kind, Kind::Relative | Kind::MonthEarlier)
                && before_names_event(g(1), &sentence[e..])
            {
                continue;
            }
            let against = matches!(kind, Kind::Relative | Kind::MonthEarlier | Kind::Season)
                && comparison_base(&sentence[..s], g(1));
            if against && *kind == Kind::MonthEarlier {
                continue;
            }
            if *kind == Kind::MonthEarlier {
                month_earlier.push((s, e));
                continue;
            }
            if *kind == Kind::YearsLater {
                let n = if !g(2).is_empty() {
                    1
                } else if !g(3).is_empty() {
                    10
                } else {
                    count_word(g(1)).unwrap_or(1)
                };
                years_later.push((s, e, n));
                continue;
            }
            // "in 2025, up from 860 a year earlier": the year before the
            // one named before it (resolved once all are known).
            if *kind == Kind::Relative
                && !against
                && YEAR_EARLIER.iter().any(|p| p.eq_ignore_ascii_case(g(1)))
            {
                year_earlier.push((s, e));
                continue;
            }
            let result: Result<Option<Period>, String> = (|| {
                Ok(match kind {
                    Kind::Quarter => {
                        let q = ordinal(g(1));
                        let y = resolve_year(g(2), doc)?;
                        month_range(y, 3 * q - 2, y, 3 * q)
                    }
                    Kind::Half => {
                        let h = ordinal(g(1)).min(2);
                        let y = resolve_year(g(2), doc)?;
                        month_range(y, 6 * h - 5, y, 6 * h)
                    }
                    Kind::PartAlone => {
                        if !g(7).is_empty() {
                            // "the first half of the meeting": no period.
                            return Ok(None);
                        }
                        // (first month, months long) of the part.
                        let (first, len): (i8, i8) = if !g(3).is_empty() {
                            (3 * ordinal(g(4)) - 2, 3)
                        } else if !g(5).is_empty() {
                            (6 * ordinal(g(6)) - 5, 6)
                        } else if g(2).eq_ignore_ascii_case("half") {
                            (6 * ordinal(g(1)).min(2) - 5, 6)
                        } else {
                            (3 * ordinal(g(1)) - 2, 3)
                        };
                        // The latest such part begun by the publication
                        // date, as for a month alone.
                        let d = doc.ok_or_else(|| no_year(whole.as_str()))?;
                        let y = latest_begun(first, d);
                        month_range(y, first, y, first + len - 1)
                    }
                    Kind::LeadingMonths => {
                        let n = count_word(g(1)).unwrap_or(1).clamp(1, 12) as i8;
                        let y = resolve_year(g(2), doc)?;
                        month_range(y, 1, y, n)
                    }
                    Kind::MonthRange => {
                        let (Some(m1), Some(m2)) = (month_number(g(1)), month_number(g(2))) else {
                            return Ok(None);
                        };
                        let y = if g(3).is_empty() {
                            // The latest such months begun by the
                            // publication, as for a month alone.
                            let d = doc.ok_or_else(|| no_year(whole.as_str()))?;
                            latest_begun(m1, d)
                        } else {
                            resolve_year(g(3), doc)?
                        };
                        month_range(y, m1, y, m2)
                    }
                    Kind::MonthsTo => {
                        let Some(m) = month_number(g(4)) else {
                            return Ok(None);
                        };
                        let len: i16 = if !g(1).is_empty() {
                            12
                        } else if !g(2).is_empty() {
                            3
                        } else {
                            count_word(g(3)).unwrap_or(1).clamp(1, 36)
                        };
                        let y = match valid_year(g(5)) {
                            Some(y) => y,
                            None => {
                                let d = doc.ok_or_else(|| no_year(whole.as_str()))?;
                                latest_begun(m, d)
                            }
                        };
                        // Months counted from year 0: the first is `len - 1`
                        // before the last.
                        let first = y * 12 + i16::from(m - 1) - (len - 1);
                        month_range(first.div_euclid(12), (first.rem_euclid(12) + 1) as i8, y, m)
                    }
                    Kind::Day => {
                        let (Some(m), Ok(d), Some(y)) =
                            (month_number(g(1)), g(2).parse::<i8>(), valid_year(g(3)))
                        else {
                            return Ok(None);
                        };
                        day(y, m, d)
                    }
                    Kind::DayFirst => {
                        let (Ok(d), Some(m), Some(y)) =
                            (g(1).parse::<i8>(), month_number(g(2)), valid_year(g(3)))
                        else {
                            return Ok(None);
                        };
                        day(y, m, d)
                    }
                    Kind::Month => {
                        let Some(m) = month_number(g(1)) else {
                            return Ok(None);
                        };
                        let y = match valid_year(g(2)) {
                            Some(y) => y,
                            None if g(2).starts_with(|c: char| c.is_ascii_digit()) => {
                                return Ok(None);
                            }
                            None => resolve_year(g(2), doc)?,
                        };
                        month_range(y, m, y, m)
                    }
                    Kind::YearRange => match (valid_year(g(1)), valid_year(g(2))) {
                        (Some(a), Some(b)) => year_range(a, b),
                        _ => None,
                    },
                    Kind::SplitYear => {
                        let y = valid_year(g(1));
                        let next: Option<i16> = g(2).parse().ok();
                        match (y, next) {
                            (Some(y), Some(n)) if (y + 1) % 100 == n => split_year(y),
                            _ => None,
                        }
                    }
                    Kind::Since => {
                        let y = valid_year(g(1));
                        let d = doc.ok_or_else(|| no_date(whole.as_str()))?;
                        y.and_then(|y| year_range(y, d.year()))
                    }
                    Kind::SinceMonth => {
                        let Some(m) = month_number(g(1)) else {
                            return Ok(None);
                        };
                        let d = doc.ok_or_else(|| no_date(whole.as_str()))?;
                        let y = match g(3) {
                            "" => valid_year(g(2)),
                            words => Some(resolve_year(words, doc)?),
                        };
                        since_month(m, y, d)
                    }
                    Kind::PastYears => {
                        let d = doc.ok_or_else(|| no_date(whole.as_str()))?;
                        let n = if !g(1).is_empty() {
                            10
                        } else if !g(3).is_empty() {
                            1
                        } else {
                            count_word(g(2)).unwrap_or(1)
                        };
                        year_range(d.year() - n, d.year())
                    }
                    Kind::FinancialYear => {
                        let d = doc.ok_or_else(|| no_date(whole.as_str()))?;
                        // The one begun by the date: from April on, the
                        // year's; before, the year before's.
                        let this = latest_begun(4, d);
                        let which = g(1).to_ascii_lowercase();
                        let y = if which.ends_with("next") {
                            this + 1
                        } else if which.ends_with("last") || which.ends_with("previous") {
                            this - 1
                        } else {
                            this
                        };
                        split_year(y)
                    }
                    Kind::FullYear => {
                        // "took a full year": a length of time, not when.
                        let before = sentence[..s].trim_end().as_bytes();
                        if before.len() >= 2
                            && before[before.len() - 1].eq_ignore_ascii_case(&b'a')
                            && !before[before.len() - 2].is_ascii_alphanumeric()
                            || before.eq_ignore_ascii_case(b"a")
                        {
                            return Ok(None);
                        }
                        if let Some(y) = valid_year(g(1)) {
                            year_period(y)
                        } else {
                            // "full-year profit": up to March, when the
                            // year's results come out, the year before;
                            // then the publication's (a forecast's next
                            // one, as for a month alone).
                            let d = doc.ok_or_else(|| no_year(whole.as_str()))?;
                            year_period(if d.month() <= 3 {
                                d.year() - 1
                            } else {
                                d.year()
                            })
                        }
                    }
                    Kind::Season => {
                        let first = if g(1).is_empty() {
                            // "the 2024-25 season": the second year must
                            // follow the first.
                            let y: i16 = g(2).parse().map_err(|_| whole.as_str().to_string())?;
                            let next: i16 = g(3).parse().map_err(|_| whole.as_str().to_string())?;
                            if (y + 1) % 100 != next {
                                return Ok(None);
                            }
                            y
                        } else {
                            let d = doc.ok_or_else(|| no_date(whole.as_str()))?;
                            let this = latest_begun(7, d);
                            let word = g(1).split_whitespace().rev().nth(1).unwrap_or("");
                            match word.to_ascii_lowercase().as_str() {
                                "this" | "current" => this,
                                "next" => this + 1,
                                _ => this - 1,
                            }
                        };
                        season_period(first)
                    }
                    Kind::YearsAgo => {
                        // "four years ago": that one year, counted back
                        // from the publication's.
                        let d = doc.ok_or_else(|| no_date(whole.as_str()))?;
                        let n = if g(2).is_empty() {
                            count_word(g(1)).unwrap_or(1)
                        } else {
                            10
                        };
                        year_period(d.year() - n)
                    }
                    Kind::Relative => {
                        let d = doc.ok_or_else(|| no_date(whole.as_str()))?;
                        match g(1).to_lowercase().as_str() {
                            // "40 bcm today": this year's.
                            "this year" | "so far this year" | "today" | "currently"
                            | "at present" => year_period(d.year()),
                            "next year" => year_period(d.year() + 1),
                            "last month" => {
                                let m =
                                    d.first_of_month().yesterday().map_err(|e| e.to_string())?;
                                month_range(m.year(), m.month(), m.year(), m.month())
                            }
                            "this month" => month_range(d.year(), d.month(), d.year(), d.month()),
                            _ => year_period(d.year() - 1),
                        }
                    }
                    Kind::MonthAlone => {
                        let Some(m) = month_number(g(1)) else {
                            return Ok(None);
                        };
                        // "in May" is a month only when the source is dated;
                        // "may" the verb never follows "in".
                        let d = doc.ok_or_else(|| no_year(whole.as_str()))?;
                        // "since the outbreak began in July": from July on.
                        if since_before(&sentence[..s]) {
                            return Ok(since_month(m, None, d));
                        }
                        let y = latest_begun(m, d);
                        month_range(y, m, y, m)
                    }
                    Kind::By => valid_year(g(1)).and_then(year_period),
                    Kind::Weekday => {
                        // Undated, no day and no note: a weekday alone
                        // leaves a figure as comparable as it was.
                        let Some(d) = doc else {
                            return Ok(None);
                        };
                        // "will strike on Thursday", "from Friday": a day
                        // to come, which the past one would misdate.
                        let lead = sentence[..s].split_whitespace().next_back().unwrap_or("");
                        if speaks_of_future(sentence)
                            || ["from", "until", "till", "by", "next", "before"]
                                .iter()
                                .any(|w| lead.eq_ignore_ascii_case(w))
                        {
                            return Ok(None);
                        }
                        last_weekday(g(1), d)
                    }
                    Kind::DayAlone => {
                        // Groups: as of, on, month and day, or day and month.
                        let (month, d) = if g(3).is_empty() {
                            (g(6), g(5))
                        } else {
                            (g(3), g(4))
                        };
                        let (Some(m), Ok(d)) = (month_number(month), d.parse::<i8>()) else {
                            return Ok(None);
                        };
                        // Undated, a day after "on" is left as a weekday is;
                        // a level "as of" it is unresolved.
                        let Some(doc) = doc else {
                            if g(1).is_empty() {
                                return Ok(None);
                            }
                            let phrase = whole
                                .as_str()
                                .trim_end_matches(|c: char| !c.is_alphanumeric());
                            return Err(no_year(phrase));
                        };
                        // "on November 5": a day to come, as for a weekday.
                        if !g(2).is_empty() && speaks_of_future(sentence) {
                            return Ok(None);
                        }
                        // The latest such day by the publication date.
                        let y = if (m, d) > (doc.month(), doc.day()) {
                            doc.year() - 1
                        } else {
                            doc.year()
                        };
                        day(y, m, d)
                    }
                    Kind::Year | Kind::MonthEarlier | Kind::YearsLater => {
                        unreachable!("read apart")
                    }
                })
            })();
            let yearless = matches!(kind, Kind::MonthAlone | Kind::PartAlone)
                || *kind == Kind::FullYear && g(1).is_empty()
                || *kind == Kind::MonthRange && g(3).is_empty()
                || *kind == Kind::MonthsTo && g(5).is_empty();
            match result {
                Ok(Some(p)) => found.push(Mention {
                    start: s,
                    end: e,
                    period: Some(p),
                    note: None,
                    yearless,
                    against,
                    // A day after "on" ("won 71 seats on October 3") dates
                    // what happened, as a weekday does; "as of October 3"
                    // dates a level.
                    weekday: *kind == Kind::Weekday || *kind == Kind::DayAlone && g(1).is_empty(),
                }),
                Ok(None) => {}
                Err(note) => found.push(Mention {
                    start: s,
                    end: e,
                    period: None,
                    note: Some(note),
                    yearless,
                    against,
                    weekday: false,
                }),
            }
        }
    }
    found.sort_by_key(|m| m.start);
    // "on Sunday, March 8": the weekday names the date after it, which says
    // which Sunday.
    let mut k = 1;
    while k < found.len() {
        let (a, b) = (&found[k - 1], &found[k]);
        if a.weekday
            && sentence[a.end..b.start].trim_matches([' ', ',']).is_empty()
            && b.period.as_ref().is_some_and(|p| p.start == p.end)
        {
            found.remove(k - 1);
        } else {
            k += 1;
        }
    }
    // "eased to 2.9% in October from 3.4% a month earlier": the month
    // before the nearest single month named before it. With none, no
    // period: the publication's month says nothing of which month the
    // news is about.
    for (s, e) in month_earlier {
        if taken(&found, s, e) {
            continue;
        }
        let Some(before) = named_before(&found, s)
            .filter(|p| (p.start.year(), p.start.month()) == (p.end.year(), p.end.month()))
            .and_then(|month| month.start.first_of_month().yesterday().ok())
        else {
            continue;
        };
        let period = month_range(before.year(), before.month(), before.year(), before.month());
        insert_mention(&mut found, s, e, period, None);
    }
    // "in 2025, up from 860 a year earlier": the year before the nearest
    // period named before it; with none, the year before the
    // publication's.
    for (s, e) in year_earlier {
        if taken(&found, s, e) {
            continue;
        }
        let (period, note) = match (named_before(&found, s).and_then(year_before), doc) {
            (Some(p), _) => (Some(p), None),
            (None, Some(d)) => (year_period(d.year() - 1), None),
            (None, None) => (None, Some(no_date(&sentence[s..e]))),
        };
        insert_mention(&mut found, s, e, period, note);
    }
    // "in 2018, which a court cut by 5 percent four years later": that many
    // years after the year of the nearest period named before it; with
    // none, no period (not the sentence's other one).
    for (s, e, n) in years_later {
        if taken(&found, s, e) {
            continue;
        }
        let period = named_before(&found, s).and_then(|p| year_period(p.start.year() + n));
        insert_mention(&mut found, s, e, period, None);
    }
    found
}

/// The period of the nearest mention ending by `at` that is not a base
/// of comparison: what "a month earlier" or "a year earlier" counts back
/// from.
fn named_before(found: &[Mention], at: usize) -> Option<&Period> {
    found
        .iter()
        .rev()
        .filter(|m| m.end <= at && !m.against && !m.weekday)
        .find_map(|m| m.period.as_ref())
}

/// Puts a mention of `start..end` among `found`, kept in order.
fn insert_mention(
    found: &mut Vec<Mention>,
    start: usize,
    end: usize,
    period: Option<Period>,
    note: Option<String>,
) {
    let at = found.partition_point(|m| m.start < start);
    found.insert(
        at,
        Mention {
            start,
            end,
            period,
            note,
            yearless: false,
            against: false,
            weekday: false,
        },
    );
}

/// The same months a year before `p` ("the first quarter of 2025" gives
/// the first quarter of 2024), or the whole year before one of days.
fn year_before(p: &Period) -> Option<Period> {
    let (start, end) = (p.start, p.end);
    if p.is_split_year() {
        return split_year(start.year() - 1);
    }
    if start.day() == 1 && end == end.last_of_month() {
        month_range(start.year() - 1, start.month(), end.year() - 1, end.month()).map(|q| {
            if (q.start.month(), q.end.month(), q.start.year()) == (1, 12, q.end.year()) {
                year_period(q.start.year()).unwrap_or(q)
            } else {
                q
            }
        })
    } else {
        year_period(start.year() - 1)
    }
}

/// The relative phrases for the year before another: resolved against the
/// year named before them in the sentence, else the publication's.
const YEAR_EARLIER: &[&str] = &[
    "a year earlier",
    "the year before",
    "the year earlier",
    "the previous year",
    "the preceding year",
    "the prior year",
];

/// Whether a relative period (`phrase`, after `before`) is what a change
/// is measured against, not when it happened: "up 26% from a year
/// earlier", "higher than last year", "up 5% on a year ago".
fn comparison_base(before: &str, phrase: &str) -> bool {
    let past = [
        "a month earlier",
        "a month before",
        "the month earlier",
        "the month before",
        "the previous month",
        "the preceding month",
        "the prior month",
        "a year earlier",
        "a year ago",
        "the previous year",
        "the preceding year",
        "the prior year",
        "the year earlier",
        "the year before",
        "last year",
        "last month",
        "last season",
        "the previous season",
    ];
    let against = ["from", "than", "on", "over", "with", "versus", "vs", "vs."];
    let mut words = before_same_span(before).split_whitespace().rev();
    past.iter().any(|p| p.eq_ignore_ascii_case(phrase))
        && words.next().is_some_and(|w| {
            against.iter().any(|a| a.eq_ignore_ascii_case(w))
                // "compared to last year".
                || w.eq_ignore_ascii_case("to")
                    && words.next().is_some_and(|c| c.eq_ignore_ascii_case("compared"))
        })
}

/// `before` without a trailing "the same period (of)", "the same months
/// (of)" and the like: in "up 26% on the same period of 2025" and
/// "compared with the same months last year", what the change is measured
/// against follows them.
fn before_same_span(before: &str) -> &str {
    // Only its last words can hold "the same ... (of)": a cheap test first.
    let tail = &before[crate::text::floor_char_boundary(before, before.len().saturating_sub(32))..];
    if !tail.contains("same") {
        return before;
    }
    let t = before.trim_end();
    let t = t
        .strip_suffix(" of")
        .or_else(|| t.strip_suffix(" in"))
        .unwrap_or(t);
    let Some(at) = t
        .rfind(" same ")
        .or_else(|| t.starts_with("same ").then_some(0))
    else {
        return before;
    };
    let span = t[at..].trim_start();
    let noun = span["same ".len()..].trim();
    let the = t[..at].trim_end();
    let the_start = the.len().saturating_sub(3);
    let is_the = the
        .get(the_start..)
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let spans = [
        "period", "months", "month", "quarter", "half", "time", "point", "week", "weeks", "days",
        "stage",
    ];
    if is_the && spans.iter().any(|s| noun.eq_ignore_ascii_case(s)) {
        &the[..the_start]
    } else {
        before
    }
}

/// Whether a relative phrase ending in "before" names the time before an
/// event that follows it ("the month before the election", "a year before
/// it opened"), not the month or year before the one in question.
fn before_names_event(phrase: &str, after: &str) -> bool {
    if !phrase.to_ascii_lowercase().ends_with("before") {
        return false;
    }
    let next = after.trim_start();
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    !word.is_empty()
        && !matches!(
            word.as_str(),
            "and" | "but" | "while" | "whereas" | "when" | "as" | "or"
        )
}

/// From month `m` (of year `y`, else the latest such month begun by the
/// publication `d`) to the publication's month: "since July".
fn since_month(m: i8, y: Option<i16>, d: Date) -> Option<Period> {
    let y = y.unwrap_or_else(|| latest_begun(m, d));
    month_range(y, m, d.year(), d.month())
}

/// Whether a sentence speaks of what is to come: "will", "would",
/// "'ll", "shall", "next", "due", "set to" or "plans", any of its words.
fn speaks_of_future(sentence: &str) -> bool {
    let mut prev = "";
    sentence.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let lower = w.to_ascii_lowercase();
        let future = matches!(
            lower.as_str(),
            "will" | "would" | "shall" | "next" | "due" | "plans" | "planned"
        ) || lower.ends_with("'ll")
            || lower.ends_with("’ll")
            || (lower == "to" && prev.eq_ignore_ascii_case("set"));
        prev = w;
        future
    })
}

/// The latest day named `name` ("Sunday") on or before the publication
/// date `d`: news of what happened "on Sunday" is about the last one.
fn last_weekday(name: &str, d: Date) -> Option<Period> {
    let want = WEEKDAYS.iter().position(|w| w.eq_ignore_ascii_case(name))?;
    // Monday is 0, as in WEEKDAYS.
    let have = usize::try_from(d.weekday().to_monday_zero_offset()).ok()?;
    let back = i64::try_from((have + 7 - want) % 7).ok()?;
    let day = d.checked_sub(jiff::Span::new().days(back)).ok()?;
    self::day(day.year(), day.month(), day.day())
}

/// The year of the latest month `m` begun by the publication date `d`:
/// "in May", "in the first quarter", "since July", said without a year;
/// the first year of "this season" (from July) or "this financial year"
/// (from April).
fn latest_begun(m: i8, d: Date) -> i16 {
    if m > d.month() {
        d.year() - 1
    } else {
        d.year()
    }
}

/// Whether "since" stands among the last five words of `before`, in its
/// clause: "since the outbreak began in July".
fn since_before(before: &str) -> bool {
    crate::text::clause_words_back(before, 5).any(|w| w.eq_ignore_ascii_case("since"))
}

/// Whether a year after `before` is what a change is measured against:
/// "up 1.1% from 2025", "down 3 percent on 2024", "higher than 2023",
/// "higher than in 2023", "compared with 2024".
/// "From" and "on" count only right after a number or its percent ("rose
/// from 2021 levels" aside, "from 2025 on" says when).
fn year_compared_against(before: &str) -> bool {
    let before = before_same_span(before);
    let mut words = before.split_whitespace().rev();
    match words.next().map(str::to_ascii_lowercase).as_deref() {
        Some("than" | "versus" | "vs" | "vs.") => true,
        // "higher than in 2023", "fewer than during 2020", "up 4% compared
        // with 2024".
        Some("in" | "during" | "for" | "at") => {
            words.next().is_some_and(|w| w.eq_ignore_ascii_case("than"))
        }
        Some("with" | "to") => words
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("compared")),
        // "up 1.1% from 2025", "37% below 1990 levels", "up 2.3 ppm from
        // 2024" (a short unit word after the number).
        Some("from" | "on" | "over" | "below" | "above") => {
            let number = |w: &str| w.ends_with(|c: char| c.is_ascii_digit() || c == '%');
            words.next().is_some_and(|w| {
                number(w)
                    || ["percent", "per", "cent", "points"]
                        .iter()
                        .any(|p| w.eq_ignore_ascii_case(p))
                    || w.len() <= 8
                        && w.bytes().all(|b| b.is_ascii_lowercase())
                        && words.next().is_some_and(number)
            })
        }
        _ => false,
    }
}

/// Where the year of a [`Kind::Year`] match starting at `start` stands:
/// the group its pattern captures, found without the capture search. The
/// match opens with the year (at the sentence's start) or with one
/// delimiter character, which is never a digit; the year is two ASCII
/// digits and two decimal digits (`\d`, which may be wider than a byte).
fn year_digits(sentence: &str, start: usize) -> (usize, usize) {
    let rest = &sentence[start..];
    let s = match rest.chars().next() {
        Some(c) if !c.is_ascii_digit() => start + c.len_utf8(),
        _ => start,
    };
    let e = s
        + 2
        + sentence[s + 2..]
            .chars()
            .take(2)
            .map(char::len_utf8)
            .sum::<usize>();
    (s, e)
}

fn day(y: i16, m: i8, d: i8) -> Option<Period> {
    let day = Date::new(y, m, d).ok()?;
    Some(Period {
        start: day,
        end: day,
        label: intern(&day.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The labels of the periods found in `s`, bases of comparison left
    /// out.
    fn labels(s: &str, doc: Option<Date>) -> Vec<String> {
        find(s, doc)
            .into_iter()
            .filter(|m| !m.against)
            .map(|m| {
                m.period
                    .map(|p| p.label.to_string())
                    .or(m.note)
                    .unwrap_or_default()
            })
            .collect()
    }

    #[test]
    fn sports_seasons_run_from_july_to_june() {
        let august = Some(date(2026, 8, 14));
        let may = Some(date(2026, 5, 14));
        assert_eq!(
            labels("27 goals last season", august),
            vec!["2025-26 season"]
        );
        assert_eq!(labels("27 goals last season", may), vec!["2024-25 season"]);
        assert_eq!(labels("12 goals this season", may), vec!["2025-26 season"]);
        assert_eq!(
            labels("in the current season", august),
            vec!["2026-27 season"]
        );
        assert_eq!(labels("for next season", august), vec!["2027-28 season"]);
        assert_eq!(
            labels("in the previous season", august),
            vec!["2025-26 season"]
        );
        assert_eq!(
            labels("31 goals in the 2024-25 season", None),
            vec!["2024-25 season"]
        );
        assert_eq!(labels("the 2024/25 season", None), vec!["2024-25 season"]);
        let p = find("in the 2024-25 season", None)[0]
            .period
            .clone()
            .unwrap();
        assert_eq!((p.start, p.end), (date(2024, 7, 1), date(2025, 6, 30)));
        // Years that do not follow each other are no season.
        assert!(labels("the 2024-27 season", None).is_empty());
        // What a change is measured against; an undated source.
        assert!(labels("more goals than last season", august).is_empty());
        assert_eq!(
            labels("27 goals last season", None),
            vec!["\"last season\" unresolved: source has no date"]
        );
    }

    #[test]
    fn a_year_that_runs_into_the_next_is_one_period() {
        for text in [
            "14,577 offences in 2025-26",
            "in 2025/26",
            "the 2025–26 budget",
        ] {
            assert_eq!(labels(text, None), vec!["2025-26"], "{text}");
        }
        let p = find("in 2025-26", None)[0].period.clone().unwrap();
        // Its months are not said: it covers both calendar years.
        assert_eq!((p.start, p.end), (date(2025, 1, 1), date(2026, 12, 31)));
        // "The year before" it is the split year before.
        assert_eq!(
            labels("14,577 in 2025-26, down from 15,846 the year before", None),
            vec!["2025-26", "2024-25"]
        );
        assert_eq!(labels("in 1999-00", None), vec!["1999-00"]);
        // Years that do not follow each other, a season, a score.
        assert!(labels("in 2025-27", None).is_empty());
        assert_eq!(labels("the 2024-25 season", None), vec!["2024-25 season"]);
        assert!(labels("2025-26.5", None).is_empty());
    }

    #[test]
    fn explicit_and_relative_periods() {
        let d = Some(date(2023, 3, 21));
        assert_eq!(
            labels("Trade reached $185 billion last year.", d),
            vec!["2022"]
        );
        assert_eq!(
            labels("in the first two months of this year", d),
            vec!["2023-01/2023-02"]
        );
        assert_eq!(labels("since 2010", d), vec!["2010/2023"]);
        assert_eq!(labels("by 2024", d), vec!["2024"]);
        assert_eq!(labels("over the past decade", d), vec!["2013/2023"]);
        assert_eq!(labels("four years ago", d), vec!["2019"]);
        // Dated 2023-03-21.
        assert_eq!(labels("since July", d), vec!["2022-07/2023-03"]);
        assert_eq!(labels("since January", d), vec!["2023-01/2023-03"]);
        // A day of the week: the last such day by the date (a Tuesday),
        // in a sentence about what happened; none in one about what is to
        // come, nor in an undated source.
        assert_eq!(labels("won 71 seats on Sunday", d), vec!["2023-03-19"]);
        assert_eq!(labels("in Sunday's election", d), vec!["2023-03-19"]);
        assert_eq!(labels("arrested on Tuesday", d), vec!["2023-03-21"]);
        assert_eq!(labels("last Wednesday", d), vec!["2023-03-15"]);
        assert!(labels("workers will strike on Thursday", d).is_empty());
        assert!(labels("a strike from Friday", d).is_empty());
        assert_eq!(
            labels("won on Sunday, according to results from the commission", d),
            vec!["2023-03-19"]
        );
        assert!(labels("won 71 seats on Sunday", None).is_empty());
        assert!(labels("a sunday roast", d).is_empty());
        // Years after the year named before: that year on; none without.
        assert_eq!(
            labels("a fine in 2018, which a court cut four years later", d),
            vec!["2018", "2022"]
        );
        assert_eq!(
            labels("$5 billion in 2019 and $7 billion a year on", d),
            vec!["2019", "2020"]
        );
        assert_eq!(
            labels("in July 2018 and a decade later", d),
            vec!["2018-07", "2028"]
        );
        assert_eq!(labels("a court cut it two years later", d), vec![""]);
        // A day of the month without its year: the latest such day by the
        // date; after "on" it dates what happened, as a weekday does.
        assert_eq!(labels("reserves as of March 3", d), vec!["2023-03-03"]);
        assert_eq!(labels("reserves as at 3 March", d), vec!["2023-03-03"]);
        assert_eq!(
            labels("stood at $690 billion as of December 31", d),
            vec!["2022-12-31"]
        );
        assert_eq!(labels("won 71 seats on March 19th", d), vec!["2023-03-19"]);
        assert!(find("won 71 seats on March 19", d)[0].weekday);
        assert!(!find("reserves as of March 3", d)[0].weekday);
        assert!(labels("voters will go to the polls on November 5", d).is_empty());
        assert!(labels("prices may 5 times higher", d).is_empty());
        assert_eq!(labels("in March 3% more", d), vec!["2023-03"]);
        assert_eq!(labels("on 12 March 2023", d), vec!["2023-03-12"]);
        assert!(labels("won 71 seats on March 19", None).is_empty());
        // A weekday before a date is the date's.
        assert_eq!(
            labels("won 71 seats on Sunday, March 12", d),
            vec!["2023-03-12"]
        );
        assert_eq!(
            labels("won 71 seats on Sunday 12 March", d),
            vec!["2023-03-12"]
        );
        assert_eq!(labels("on Sunday, March 12, 2023", d), vec!["2023-03-12"]);
        assert_eq!(
            labels("reserves as of March 3", None),
            vec!["\"as of March 3\" unresolved: no year and source has no date"]
        );
        // A financial year named relative to the date (2023-03-21: the
        // year begun in April 2022).
        assert_eq!(labels("borrowing this financial year", d), vec!["2022-23"]);
        assert_eq!(labels("in the next fiscal year", d), vec!["2023-24"]);
        assert_eq!(labels("last financial year", d), vec!["2021-22"]);
        assert_eq!(
            labels("this financial year", Some(date(2026, 11, 26))),
            vec!["2026-27"]
        );
        // A month of a year named relative to the date.
        assert_eq!(labels("since June last year", d), vec!["2022-06/2023-03"]);
        assert_eq!(labels("in June last year", d), vec!["2022-06"]);
        assert_eq!(labels("by June next year", d), vec!["2024-06"]);
        assert_eq!(labels("in January this year", d), vec!["2023-01"]);
        assert_eq!(labels("Prices may this year rise", d), vec!["2023"]);
        assert_eq!(
            labels("since the start of May 2021", d),
            vec!["2021-05/2023-03"]
        );
        assert_eq!(
            labels("214 deaths since the outbreak began in July", d),
            vec!["2022-07/2023-03"]
        );
        assert_eq!(labels("214 deaths in July", d), vec!["2022-07"]);
        // The months up to one: the latest such month begun, as alone.
        assert_eq!(
            labels("prices rose 2.9% in the year to February", d),
            vec!["2022-03/2023-02"]
        );
        assert_eq!(
            labels("in the twelve months to September", d),
            vec!["2021-10/2022-09"]
        );
        assert_eq!(
            labels("the three months to January 2023", d),
            vec!["2022-11/2023-01"]
        );
        assert_eq!(
            labels("in the quarter ending in June 2022", d),
            vec!["2022-04/2022-06"]
        );
        for fiscal in [
            "revenue for the fiscal year that ended in June 2022",
            "in its latest financial year, which closed at the end of June 2022",
            "in the fiscal year to June 2022",
        ] {
            assert_eq!(labels(fiscal, d), vec!["2021-07/2022-06"], "{fiscal}");
        }
        assert_eq!(
            labels("rose to 5.2% between July and September", d),
            vec!["2022-07/2022-09"]
        );
        assert_eq!(
            labels("between January and March of 2021", d),
            vec!["2021-01/2021-03"]
        );
        assert_eq!(labels("January-February", d), vec!["2023-01/2023-02"]);
        assert_eq!(
            labels("eased to 2.9% in February from 3.4% a month earlier", d),
            vec!["2023-02", "2023-01"]
        );
        assert_eq!(
            labels("2.9% in January 2023, against 3.1% the previous month", d),
            vec!["2023-01", "2022-12"]
        );
        assert_eq!(
            labels(
                "slowed to 2.4% in October, down from 2.8% the month before",
                d
            ),
            vec!["2022-10", "2022-09"]
        );
        assert_eq!(
            labels(
                "2.4% in October, against 2.8% the month before and 3% in August",
                d
            ),
            vec!["2022-10", "2022-09", "2022-08"]
        );
        assert_eq!(labels("up 4% the year before", d), vec!["2022"]);
        // The year before the one the sentence names, same months.
        assert_eq!(
            labels("1,240 in 2020, up from 860 a year earlier", d),
            vec!["2020", "2019"]
        );
        assert_eq!(
            labels(
                "$4bn in the first quarter of 2021, against $3bn the previous year",
                d
            ),
            vec!["2021-01/2021-03", "2020-01/2020-03"]
        );
        assert_eq!(
            labels("860 a year earlier", None),
            vec!["\"a year earlier\" unresolved: source has no date"]
        );
        assert_eq!(labels("in the prior year", d), vec!["2022"]);
        // The time before an event is not the month or year before.
        assert_eq!(
            labels("in October, after 2.8% the month before the election", d),
            vec!["2022-10"]
        );
        assert!(labels("rose 3% the year before it opened", d).is_empty());
        // Nothing to count back from, or what a change is measured against.
        assert!(labels("was 3.4% a month earlier", d).is_empty());
        assert!(labels("in May, up 2% from the month before", d) == vec!["2022-05"]);
        assert_eq!(
            labels("in May, up 2% from a month earlier", d),
            vec!["2022-05"]
        );
        assert_eq!(
            labels("in the year to October", None),
            vec!["\"the year to October\" unresolved: no year and source has no date"]
        );
        assert_eq!(labels("full-year profit", d), vec!["2022"]);
        assert_eq!(
            labels("full-year profit", Some(date(2023, 11, 5))),
            vec!["2023"]
        );
        assert_eq!(labels("full-year 2021 profit", d), vec!["2021"]);
        assert_eq!(labels("for the full year", d), vec!["2022"]);
        assert!(labels("it took a full year to build", d).is_empty());
        assert!(labels("A full year later", d).is_empty());
        // What a change is measured against is no period.
        for base in [
            "up 26% from a year earlier",
            "higher than last year",
            "up 5% on a year ago",
            "compared with the previous year",
            "up 3% on the year before",
            "up 5% compared to last year",
            "up 5% on the same period last year",
            "up 31% compared with the same months last year",
        ] {
            assert!(labels(base, d).is_empty(), "{base}");
        }
        assert_eq!(labels("up 26% a year earlier", d), vec!["2022"]);
        for base in [
            "up 1.1% from 2025",
            "down 3 percent on 2024",
            "higher than 2021",
            "higher than in 2021",
            "fewer than during 2021",
            "up 4% compared with 2021",
            "up 26% on the same period of 2021",
            "down 2% compared with the same quarter in 2021",
            "now 37% below 1990 levels",
            "output 5 per cent above 2019",
        ] {
            assert!(labels(base, d).is_empty(), "{base}");
            // Kept, as a base: a "when" clause after it is of that year.
            let found = find(base, d);
            assert!(found.len() == 1 && found[0].against, "{base}: {found:?}");
        }
        assert_eq!(labels("compared with 68.9% in 2021", d), vec!["2021"]);
        // The same months named for a figure of their own are its period.
        assert_eq!(labels("3% in the same months of 2021", d), vec!["2021"]);
        assert_eq!(labels("In the same period of 2021, 5%", d), vec!["2021"]);
        assert_eq!(labels("rose from 2021 levels", d), vec!["2021"]);
        assert_eq!(labels("5% above target in 2021", d), vec!["2021"]);
        assert_eq!(labels("rose 5% in 2021", d), vec!["2021"]);
        assert_eq!(labels("Two years ago", d), vec!["2021"]);
        assert_eq!(labels("12 years ago", d), vec!["2011"]);
        assert_eq!(labels("a decade ago", d), vec!["2013"]);
        assert_eq!(
            labels("four years ago", None),
            vec!["\"four years ago\" unresolved: source has no date"]
        );
        assert_eq!(
            labels("in 2023 and in March 2022", d),
            vec!["2023", "2022-03"]
        );
        assert_eq!(labels("on 21 March 2023", d), vec!["2023-03-21"]);
        assert_eq!(
            labels("in the first quarter of 2024", d),
            vec!["2024-01/2024-03"]
        );
        assert_eq!(labels("between 2010 and 2020", d), vec!["2010/2020"]);
        assert_eq!(
            labels("first-quarter 2022 profit", d),
            vec!["2022-01/2022-03"]
        );
        assert_eq!(
            labels("in the second half of last year", d),
            vec!["2022-07/2022-12"]
        );
        assert_eq!(labels("in H1 2021", d), vec!["2021-01/2021-06"]);
        // No year: the latest such part begun by the publication date.
        assert_eq!(labels("in the first quarter", d), vec!["2023-01/2023-03"]);
        assert_eq!(labels("in the fourth quarter", d), vec!["2022-10/2022-12"]);
        assert_eq!(labels("first-half profit", d), vec!["2023-01/2023-06"]);
        assert_eq!(labels("in Q3", d), vec!["2022-07/2022-09"]);
        // Not a period: another whole's part, or a word that only starts so.
        assert!(labels("in the first half of the meeting", d).is_empty());
        assert!(labels("the first halfway point", d).is_empty());
        assert!(labels("the Q3X chip", d).is_empty());
        // Undated: unresolved, with a note.
        assert_eq!(
            find("in the first quarter", None)[0].note.as_deref(),
            Some("\"the first quarter\" unresolved: no year and source has no date")
        );
        assert_eq!(labels("in January-February", d), vec!["2023-01/2023-02"]);
    }

    #[test]
    fn an_unresolved_note_gives_its_phrase_back() {
        for phrase in ["last year", "in May", "since 2019"] {
            assert_eq!(
                unresolved_phrase(&no_date(phrase)),
                Some(&*format!("\"{phrase}\""))
            );
            assert_eq!(
                unresolved_phrase(&no_year(phrase)),
                Some(&*format!("\"{phrase}\""))
            );
        }
        assert_eq!(unresolved_phrase("fiscal year"), None);
    }

    #[test]
    fn undated_relative_is_unresolved_with_note() {
        assert_eq!(
            labels("last year", None),
            vec!["\"last year\" unresolved: source has no date"]
        );
        assert_eq!(labels("in 2022", None), vec!["2022"]);
    }

    #[test]
    fn a_split_year_is_any_twelve_months_across_its_two_years() {
        let d = Some(date(2026, 10, 9));
        let one = |t: &str| find(t, d)[0].period.clone().expect(t);
        let split = one("growth in 2026-27");
        for same in [
            "in the fiscal year ending March 2027",
            "the financial year to June 2027",
            "this financial year",
        ] {
            assert!(split.same(&one(same)) && one(same).same(&split), "{same}");
        }
        for other in [
            "in 2026",
            "in 2027",
            "in the fiscal year ending March 2026",
            "the six months to March 2027",
            "in 2025-26",
            "between 2026 and 2027",
        ] {
            assert!(!split.same(&one(other)), "{other}");
        }
        // Two fiscal years of twelve months ending in different months are
        // still two periods.
        assert!(
            !one("the fiscal year ending March 2027")
                .same(&one("the fiscal year ending June 2027"))
        );
    }

    #[test]
    fn impossible_dates_and_non_years_are_ignored() {
        assert!(
            labels("on 31 February 2023", None)
                .iter()
                .all(|l| l != "2023-02-31")
        );
        assert!(labels("$2023 billion and 4,200 km", None).is_empty());
        assert!(labels("It may rise.", Some(date(2023, 1, 1))).is_empty());
    }

    proptest::proptest! {
        /// A year read off its match is the group the pattern captures, in
        /// text made of digits, delimiters, wide digits and letters.
        #[test]
        fn year_digits_are_the_captured_group(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "1", "2", "0", "9", "8", "19", "20", "21", " ", "-", "’s", "'s", "%",
                    "a", ".", ",", "$", "€", "é", "٣", "٢", "\u{1D7D8}", "/", ":",
                ]),
                0..14,
            )
        ) {
            let text: String = parts.concat();
            let re = &PATTERNS.iter().find(|(k, _)| *k == Kind::Year).expect("a year pattern").1;
            let wanted: Vec<(usize, usize)> = re
                .captures_iter(&text)
                .map(|c| c.get(1).expect("year group"))
                .map(|y| (y.start(), y.end()))
                .collect();
            let got: Vec<(usize, usize)> =
                re.find_iter(&text).map(|m| year_digits(&text, m.start())).collect();
            proptest::prop_assert_eq!(got, wanted, "{:?}", text);
        }
    }
}
