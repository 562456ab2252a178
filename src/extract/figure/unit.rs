//! Units and currencies: one alias table from what is written to the
//! canonical unit (ISO currency codes, `percent`, `percentage-points`, `km`,
//! `km2`, `m3`, `tonnes`, `barrels`, `years`, `times`) with the factor that brings
//! the value into that unit ("bcm" is 1e9 m3). Counted nouns ("14
//! documents", "40 times" of meetings) give the unit `count`.

use crate::text::is_alnum;

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
    // "a 0.5-percentage-point fall".
    ("percentage-point", "percentage-points", 1.0),
    // A basis point is a hundredth of a percentage point ("25 basis
    // points", "a 50-basis-point rise").
    ("basis points", "percentage-points", 0.01),
    ("basis point", "percentage-points", 0.01),
    ("basis-point", "percentage-points", 0.01),
    ("bps", "percentage-points", 0.01),
    ("per cent", "percent", 1.0),
    ("percent", "percent", 1.0),
    ("pct", "percent", 1.0),
    // British papers' "4.5pc".
    ("pc", "percent", 1.0),
    ("%", "percent", 1.0),
    // Areas in square kilometres ("9.1 million square kilometres", "1.2
    // million sq km", "km²"; a hectare is a hundredth of one), square miles
    // and acres as written.
    ("square kilometers", "km2", 1.0),
    ("square kilometres", "km2", 1.0),
    ("square kilometer", "km2", 1.0),
    ("square kilometre", "km2", 1.0),
    ("square km", "km2", 1.0),
    ("sq. km", "km2", 1.0),
    ("sq km", "km2", 1.0),
    ("km²", "km2", 1.0),
    ("km2", "km2", 1.0),
    ("hectares", "km2", 0.01),
    ("hectare", "km2", 0.01),
    ("square miles", "mi2", 1.0),
    ("square mile", "mi2", 1.0),
    ("sq. miles", "mi2", 1.0),
    ("sq miles", "mi2", 1.0),
    ("sq mi", "mi2", 1.0),
    ("acres", "acres", 1.0),
    ("acre", "acres", 1.0),
    // Speeds, each as written (winds "gusting to 45 knots", "a top speed
    // of 320 km/h", "70mph"): before the lengths they open with.
    ("kilometres per hour", "km/h", 1.0),
    ("kilometers per hour", "km/h", 1.0),
    ("kilometres an hour", "km/h", 1.0),
    ("kilometers an hour", "km/h", 1.0),
    ("km/h", "km/h", 1.0),
    ("kmh", "km/h", 1.0),
    ("kph", "km/h", 1.0),
    ("miles per hour", "mph", 1.0),
    ("miles an hour", "mph", 1.0),
    ("mph", "mph", 1.0),
    ("knots", "knots", 1.0),
    ("knot", "knots", 1.0),
    ("kilometers", "km", 1.0),
    ("kilometres", "km", 1.0),
    ("kilometer", "km", 1.0),
    ("kilometre", "km", 1.0),
    ("km", "km", 1.0),
    // Rain and snow in millimetres ("310 mm of rain", "31 centimetres"),
    // lengths of things in metres ("a 300-metre bridge"); "m" alone is a
    // million.
    ("millimetres", "mm", 1.0),
    ("millimeters", "mm", 1.0),
    ("millimetre", "mm", 1.0),
    ("millimeter", "mm", 1.0),
    ("mm", "mm", 1.0),
    ("centimetres", "mm", 10.0),
    ("centimeters", "mm", 10.0),
    ("centimetre", "mm", 10.0),
    ("centimeter", "mm", 10.0),
    ("cm", "mm", 10.0),
    ("metres", "m", 1.0),
    ("meters", "m", 1.0),
    ("metre", "m", 1.0),
    ("meter", "m", 1.0),
    ("inches", "mm", 25.4),
    ("inch", "mm", 25.4),
    // Temperatures ("41 degrees Celsius", "41°C", "105 °F"; "41C" glued
    // is read in `unit_after`).
    ("degrees celsius", "celsius", 1.0),
    ("degrees centigrade", "celsius", 1.0),
    ("degrees fahrenheit", "fahrenheit", 1.0),
    ("degrees c", "celsius", 1.0),
    ("degrees f", "fahrenheit", 1.0),
    ("°c", "celsius", 1.0),
    ("ºc", "celsius", 1.0),
    ("°f", "fahrenheit", 1.0),
    ("ºf", "fahrenheit", 1.0),
    // An earthquake's magnitude ("a 6.9-magnitude quake"; written before
    // the number, "magnitude 7.1", it is read in `extract::figure`).
    ("magnitude", "magnitude", 1.0),
    ("miles", "mi", 1.0),
    ("mile", "mi", 1.0),
    // Weights of things in kilograms ("weighs 239 grams", "241g", "a
    // 20kg bag"); "tonnes" stay apart, as trade is counted in them, and
    // "pounds" are money.
    ("kilograms", "kg", 1.0),
    ("kilogram", "kg", 1.0),
    ("kilos", "kg", 1.0),
    ("kilo", "kg", 1.0),
    ("kg", "kg", 1.0),
    ("grams", "kg", 0.001),
    ("gram", "kg", 0.001),
    ("grammes", "kg", 0.001),
    ("g", "kg", 0.001),
    ("bcm", "m3", 1e9),
    ("tcm", "m3", 1e12),
    ("m³", "m3", 1.0),
    ("m3", "m3", 1.0),
    // A rate is no stock: 9.4 million barrels a day is not 9.4 million
    // barrels.
    ("barrels of oil per day", "barrels/day", 1.0),
    ("barrels of oil a day", "barrels/day", 1.0),
    ("barrels per day", "barrels/day", 1.0),
    ("barrels a day", "barrels/day", 1.0),
    ("barrels daily", "barrels/day", 1.0),
    ("barrels/day", "barrels/day", 1.0),
    ("barrels/d", "barrels/day", 1.0),
    ("barrel per day", "barrels/day", 1.0),
    ("barrel a day", "barrels/day", 1.0),
    ("bbl/d", "barrels/day", 1.0),
    ("bpd", "barrels/day", 1.0),
    ("b/d", "barrels/day", 1.0),
    ("barrels", "barrels", 1.0),
    ("barrel", "barrels", 1.0),
    ("bbl", "barrels", 1.0),
    // Concentrations: "425 parts per million" of CO2 in the air.
    ("parts per million", "ppm", 1.0),
    ("ppm", "ppm", 1.0),
    ("parts per billion", "ppb", 1.0),
    ("ppb", "ppb", 1.0),
    ("metric tons", "tonnes", 1.0),
    ("tonnes", "tonnes", 1.0),
    ("tonne", "tonnes", 1.0),
    ("tons", "tonnes", 1.0),
    ("ton", "tonnes", 1.0),
    // Durations: a term in prison of 18 months is one of a year and a
    // half; weeks, hours and minutes are counted in days (a 48-hour strike
    // is a two-day one).
    ("years", "years", 1.0),
    ("year", "years", 1.0),
    ("months", "years", 1.0 / 12.0),
    ("month", "years", 1.0 / 12.0),
    ("weeks", "days", 7.0),
    ("week", "days", 7.0),
    ("days", "days", 1.0),
    ("day", "days", 1.0),
    ("hours", "days", 1.0 / 24.0),
    ("hour", "days", 1.0 / 24.0),
    ("minutes", "days", 1.0 / 1440.0),
    ("minute", "days", 1.0 / 1440.0),
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
    ("yen", "JPY", 1.0),
    ("canadian dollars", "CAD", 1.0),
    ("australian dollars", "AUD", 1.0),
    ("hong kong dollars", "HKD", 1.0),
    ("new zealand dollars", "NZD", 1.0),
    ("singapore dollars", "SGD", 1.0),
    ("taiwan dollars", "TWD", 1.0),
    ("new taiwan dollars", "TWD", 1.0),
    ("swiss francs", "CHF", 1.0),
    ("cfa francs", "XOF", 1.0),
    ("francs", "CHF", 1.0),
    ("swedish kronor", "SEK", 1.0),
    ("kronor", "SEK", 1.0),
    ("krona", "SEK", 1.0),
    ("norwegian kroner", "NOK", 1.0),
    ("danish kroner", "DKK", 1.0),
    ("lira", "TRY", 1.0),
    ("liras", "TRY", 1.0),
    ("reais", "BRL", 1.0),
    ("zlotys", "PLN", 1.0),
    ("zloty", "PLN", 1.0),
    ("rupees", "INR", 1.0),
    ("rupee", "INR", 1.0),
    ("inr", "INR", 1.0),
];

/// The places in [`UNITS`] of the phrases opening with each byte, in order.
static UNITS_BY_FIRST_BYTE: std::sync::LazyLock<Vec<Vec<usize>>> = std::sync::LazyLock::new(|| {
    let mut by: Vec<Vec<usize>> = vec![Vec::new(); 256];
    for (k, (phrase, _, _)) in UNITS.iter().enumerate() {
        if let Some(&b) = phrase.as_bytes().first() {
            by[usize::from(b)].push(k);
        }
    }
    by
});

/// The units a figure is given besides those of [`UNITS`]: currencies by
/// symbol, counted nouns, ratios, number words.
const OTHER_UNITS: &[&str] = &[
    "count", "percent", "USD", "EUR", "GBP", "CNY", "RUB", "times", "years", "CAD", "AUD", "HKD",
    "NZD", "SGD", "BRL", "TWD", "MXN", "JPY", "CHF", "SEK", "NOK", "DKK", "KRW", "TRY", "ZAR",
    "PLN", "INR",
];

/// The canonical unit spelled `name`, as the `&'static str` a figure keeps
/// (for records read back from the extraction cache).
pub fn canonical(name: &str) -> Option<&'static str> {
    CANONICAL.iter().copied().find(|u| *u == name)
}

/// Each unit a figure can get, once, the most common first ([`OTHER_UNITS`]
/// holds "count" and "percent"): read for every figure of a cache.
static CANONICAL: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    let mut all: Vec<&'static str> = OTHER_UNITS.to_vec();
    for (_, u, _) in UNITS {
        if !all.contains(u) {
            all.push(u);
        }
    }
    all
});

pub fn currency_symbol(c: &str) -> Option<&'static str> {
    match c.trim() {
        "$" | "US$" | "USD" => Some("USD"),
        "€" | "EUR" => Some("EUR"),
        "£" | "GBP" => Some("GBP"),
        "¥" | "RMB" | "CNY" => Some("CNY"),
        "RUB" | "₽" | "Rb" | "Rb." | "Rbs" | "Rbs." => Some("RUB"),
        "₹" | "Rs" | "Rs." | "INR" => Some("INR"),
        // Dollars other than the US's are their own currencies: "C$5
        // billion (US$3.7 billion)" is one sum, not two that conflict.
        "C$" | "CA$" | "CAD" => Some("CAD"),
        "A$" | "AU$" | "AUD" => Some("AUD"),
        "HK$" | "HKD" => Some("HKD"),
        "NZ$" | "NZD" => Some("NZD"),
        "S$" | "SG$" | "SGD" => Some("SGD"),
        "R$" | "BRL" => Some("BRL"),
        "NT$" => Some("TWD"),
        "MX$" | "MXN" => Some("MXN"),
        "JPY" => Some("JPY"),
        "CHF" => Some("CHF"),
        "SEK" => Some("SEK"),
        "NOK" => Some("NOK"),
        "DKK" => Some("DKK"),
        "₩" | "KRW" => Some("KRW"),
        "₺" | "TRY" => Some("TRY"),
        "ZAR" => Some("ZAR"),
        "PLN" => Some("PLN"),
        _ => None,
    }
}

/// The unit phrase at the start of `rest` (after an optional space or
/// hyphen): its canonical unit, factor and byte length (including the gap).
pub fn unit_after(rest: &str) -> Option<(&'static str, f64, usize)> {
    // At most two gap characters (a no-break space is two bytes).
    let gap: usize = rest
        .chars()
        .take(2)
        .take_while(|c| matches!(c, ' ' | '-' | '\u{a0}'))
        .map(char::len_utf8)
        .sum();
    let r = &rest[gap..];
    // "41C", "105F": a capital glued to the number, alone.
    if gap == 0
        && let Some(unit) = match r.as_bytes().first() {
            Some(b'C') => Some("celsius"),
            Some(b'F') => Some("fahrenheit"),
            _ => None,
        }
        && !r[1..].starts_with(|c: char| is_alnum(c) || c == '-')
    {
        return Some((unit, 1.0, 1));
    }
    // The first 24 characters: the first 24 bytes when they are ASCII.
    let head = match r.as_bytes().get(..24) {
        None => r,
        Some(b) if b.is_ascii() => &r[..24],
        Some(_) => r.char_indices().nth(24).map_or(r, |(i, _)| &r[..i]),
    };
    let lower = super::number::lowercase(head);
    // Only the phrases that open with the text's first byte, in order.
    let &first = lower.as_bytes().first()?;
    for &k in &UNITS_BY_FIRST_BYTE[usize::from(first)] {
        let (phrase, unit, factor) = &UNITS[k];
        if let Some(after) = lower.strip_prefix(phrase) {
            let glued = after.chars().next().is_some_and(is_alnum);
            // "%" needs no word boundary; words do ("bpd", "barrels per
            // day").
            if glued && phrase.chars().next_back().is_some_and(is_alnum) {
                continue;
            }
            // A currency's name that is also a person's or a firm's is
            // the currency in lowercase only: not "the 1998 Lira report".
            if matches!(
                *phrase,
                "lira" | "liras" | "francs" | "krona" | "kronor" | "reais" | "zloty" | "zlotys"
            ) && r.starts_with(|c: char| c.is_uppercase())
            {
                continue;
            }
            // "threefold", "3-fold": glued or hyphened, in lowercase; not
            // "2 million Fold One units", a product's name.
            if *unit == "times" && (r.starts_with('F') || rest[..gap].contains(' ')) {
                continue;
            }
            // A duration only as one: "40 years", not "40 years ago"
            // (when, which the period reads).
            if matches!(*unit, "years" | "days") {
                // Whether `text` opens with one of `words`, whole.
                let opens = |text: &str, words: &[&str]| {
                    words.iter().any(|w| {
                        text.strip_prefix(w)
                            .is_some_and(|r| !r.starts_with(is_alnum))
                    })
                };
                // Not when ("40 years ago"), nor an age ("the 24-year-old",
                // "246,940 18-year-olds", of someone the sentence may not name: all ages would be
                // one subject, and conflict).
                // "Two years on, sales rose": when, as "later" is ("ten
                // years on the board" is a length).
                let on_then = after
                    .trim_start()
                    .strip_prefix("on")
                    .is_some_and(|r| r.is_empty() || r.starts_with([',', '.', ';', ':']));
                if opens(
                    after.trim_start(),
                    &[
                        "ago",
                        "earlier",
                        "later",
                        "before",
                        "after",
                        "afterwards",
                        "previously",
                    ],
                ) || on_then
                    || opens(after, &["-old", " old", "-olds", " olds"])
                {
                    return None;
                }
            }
            return Some((unit, *factor, gap + phrase.len()));
        }
    }
    None
}

/// Words after a number that make it a count of things ("14 documents").
/// A plural-looking lowercase word that is not a unit or a function word.
pub fn counted_noun(rest: &str) -> Option<(String, usize)> {
    let r = rest.strip_prefix(' ')?;
    // "62 dead", "300 injured", "12 missing": people, by what befell them.
    let first = r.split(' ').next().unwrap_or("");
    let first = first.trim_end_matches(|c: char| !c.is_alphabetic());
    if CASUALTIES.contains(&first) {
        return Some((first.to_string(), first.len() + 1));
    }
    // Allow two modifiers: "14 cooperation documents", "40 bilateral
    // agreements", "12,000 suspected cholera cases".
    let mut consumed = 1;
    let mut words: Vec<&str> = Vec::new();
    for w in r.split(' ').take(3) {
        let word = w
            .find(|c: char| !(c.is_alphabetic() || c == '-'))
            .map_or(w, |i| &w[..i]);
        if word.is_empty() || !word.chars().next().is_some_and(char::is_lowercase) {
            break;
        }
        // A function word is not a modifier: "1234 for details".
        if !words.is_empty() || !plural(word) {
            const FUNCTION: &[&str] = &[
                "for", "of", "in", "on", "at", "to", "with", "from", "by", "and", "or", "the", "a",
                "an", "per", "as", "than", "that", "this", "into", "over", "under",
            ];
            if FUNCTION.contains(&word) {
                break;
            }
        }
        consumed += w.len().min(word.len()) + 1;
        words.push(word);
        if words.last().is_some_and(|w| plural(w)) {
            break;
        }
    }
    let last = words.last()?;
    if !plural(last) || NOT_COUNTED.contains(last) {
        return None;
    }
    Some((last.to_string(), consumed - 1))
}

/// Words that count people by what befell them, right after a number
/// ("62 dead", "at least 300 injured").
pub const CASUALTIES: &[&str] = &[
    "dead",
    "killed",
    "injured",
    "wounded",
    "hurt",
    "missing",
    "displaced",
    "evacuated",
    "arrested",
    "detained",
];

/// The noun a number counts when the words before it name it: "the number
/// of visitors rose to 1,200" counts visitors, "the death toll rose to 62"
/// the dead. `tail` is the lowercase clause up to the number.
pub fn counted_before(tail: &str, after: &str) -> Option<String> {
    let clause = tail.rsplit([',', ';', ':', '(']).next().unwrap_or(tail);
    // Right before the number (past qualifier words), a word that leads to
    // a level: "rose to 62", "stood at 64", "a toll of 62", "reached 1,200".
    const QUALIFYING: &[&str] = &[
        "more", "than", "over", "about", "around", "nearly", "almost", "some", "roughly", "just",
        "under", "fewer", "less",
    ];
    const LEADING: &[&str] = &[
        "number",
        "numbered",
        "total",
        "totalled",
        "totaled",
        "to",
        "at",
        "of",
        "was",
        "is",
        "were",
        "are",
        "reached",
        "hit",
        "passed",
        "topped",
        "exceeded",
        "surpassed",
    ];
    let mut words = clause.split_whitespace().rev().peekable();
    if words.next_if_eq(&"least").is_some() {
        words.next_if_eq(&"at");
    }
    while words.next_if(|w| QUALIFYING.contains(w)).is_some() {}
    // "killing 19 and injuring more than 64" as "killed" and "injured".
    let lead = match words.next()? {
        "killing" => "killed",
        "injuring" => "injured",
        "wounding" => "wounded",
        lead => lead,
    };
    // "the strikes killed 19 and injured 64": people, by what befell
    // them, right before (not a length of time: "injured 2 weeks ago").
    if matches!(lead, "killed" | "injured" | "wounded") {
        let next = after.split_whitespace().next().unwrap_or("");
        let next = next.trim_end_matches(|c: char| !c.is_alphanumeric());
        return (!matches!(
            next,
            "ago" | "hours" | "days" | "weeks" | "months" | "years" | "times" | "of"
        ))
        .then(|| lead.to_string());
    }
    if !LEADING.contains(&lead) {
        return None;
    }
    if let Some((_, rest)) = clause.rsplit_once("number of ") {
        let noun = rest.split_whitespace().next()?;
        let noun = noun.trim_end_matches(|c: char| !c.is_alphabetic());
        return (plural(noun) || CASUALTIES.contains(&noun)).then(|| noun.to_string());
    }
    // "The injured number more than 5,100", "deaths rose to 2,340":
    // people, by what befell them, named before.
    clause.split_whitespace().find_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        match w {
            "toll" => Some("dead".to_string()),
            "deaths" | "fatalities" => Some("dead".to_string()),
            "injuries" => Some("injured".to_string()),
            _ if CASUALTIES.contains(&w) => Some(w.to_string()),
            // "a workforce of 205,000", "a crowd of 60,000", "the
            // population reached 1.2 million": the people a body of them
            // holds.
            "workforce" | "headcount" | "crowd" | "crowds" | "attendance" | "population"
            | "membership" | "electorate" => Some(w.to_string()),
            // "measles cases reached 1,240", "admissions rose to 3,100":
            // events or people counted, named before.
            _ if COUNTED_BEFORE.contains(&w) => Some(w.to_string()),
            _ => None,
        }
    })
}

/// Plural nouns of what is counted that a number may follow at a
/// distance ("cases reached 1,240", "arrests rose to 412").
const COUNTED_BEFORE: &[&str] = &[
    "cases",
    "infections",
    "admissions",
    "hospitalisations",
    "hospitalizations",
    "arrests",
    "visitors",
    "arrivals",
    "applications",
    "complaints",
    "incidents",
    "attacks",
    "crimes",
    "offences",
    "offenses",
    "homicides",
    "murders",
    "killings",
    "stabbings",
    "shootings",
    "assaults",
    "burglaries",
    "robberies",
    "thefts",
    "prosecutions",
    "convictions",
    "signatures",
    "subscribers",
    "users",
    "customers",
    "passengers",
    "tourists",
    "migrants",
    "refugees",
    "births",
    "participants",
    "spectators",
];

/// Whether a number is an earthquake's magnitude written before it or
/// after it in words: "magnitude 7.1", "a magnitude-7.1 quake", "a
/// magnitude of 7.1", "put its magnitude at 7.1", "measuring 7.1 on the
/// Richter scale". `tail` is the
/// lowercase text before the number, `after` the lowercase text after it.
pub fn magnitude_around(tail: &str, after: &str) -> bool {
    let tail = tail.trim_end();
    let tail = tail.strip_suffix('-').unwrap_or(tail);
    let tail = tail
        .strip_suffix(" of")
        .or_else(|| tail.strip_suffix(" at"))
        .unwrap_or(tail);
    tail.ends_with("magnitude") || after.starts_with(" on the richter scale")
}

fn plural(w: &str) -> bool {
    (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"))
        || matches!(w, "people" | "times" | "children" | "men" | "women")
}

const NOT_COUNTED: &[&str] = &[
    "was", "has", "is", "its", "this", "as", "years", "days", "hours", "minutes", "months",
    "weeks", "less", "plus", "percent",
];

#[cfg(test)]
mod canonical_tests {
    use super::*;

    #[test]
    fn every_unit_a_figure_can_get_is_canonical() {
        for (_, u, _) in UNITS {
            assert_eq!(canonical(u), Some(*u));
        }
        for c in [
            "$", "US$", "€", "£", "¥", "RUB", "₹", "C$", "A$", "HK$", "NZ$", "S$", "R$", "NT$",
            "MX$", "JPY", "CHF", "SEK", "NOK", "DKK", "₩", "₺", "ZAR", "PLN",
        ] {
            let u = currency_symbol(c).expect("a currency");
            assert_eq!(canonical(u), Some(u));
        }
        assert_eq!(canonical("parsecs"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_gap_of_two_characters_before_the_unit() {
        assert_eq!(unit_after(" bcm").map(|u| u.2), Some(4));
        assert_eq!(unit_after("-bcm").map(|u| u.2), Some(4));
        assert_eq!(unit_after("\u{a0}bcm").map(|u| u.2), Some(5));
        // A space and a no-break space: two characters, three bytes (this
        // cut the no-break space in two and panicked).
        assert_eq!(unit_after(" \u{a0}bcm").map(|u| u.2), Some(6));
        assert_eq!(unit_after("   bcm"), None);
    }

    proptest! {
        /// Whatever follows a number, the unit's length ends on a
        /// character of it.
        #[test]
        fn the_unit_ends_on_a_character(rest in "[ \u{a0}\u{2003}-]{0,3}(bcm|%|tonnes|é|[a-z]{0,4}| )[ .a-z]{0,3}") {
            if let Some((_, _, len)) = unit_after(&rest) {
                prop_assert!(rest.is_char_boundary(len), "{:?} {}", rest, len);
            }
        }
    }
}
