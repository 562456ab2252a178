//! Qualifiers: the words before a figure that say how exact it is, and the
//! interval each makes of the value. One table ([`RULES`]), mirrored in
//! docs/figures.md; change both together.
//!
//! Scan and check compare figures by interval overlap (closed intervals), so
//! the table is built for these cases:
//! - "about 40" [36, 44] and "over 40" [40, 50] overlap: not a conflict;
//! - exact "$185 billion" [184.5bn, 185.5bn] and "$240 billion"
//!   [239.5bn, 240.5bn] do not: a conflict when subject and period agree;
//! - "40 times" [39.5, 40.5] and "more than 40 times" overlap at 40: sources
//!   round, and "more than 40" next to "40" is not worth a conflict.

use crate::extract::Qualifier;
use crate::text::is_alnum;

/// One side of an interval, as a function of the value `v` and the rounding
/// tolerance `r` of the number as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Bound {
    /// The value itself: the qualifier names this side ("over 40": 40).
    Value,
    /// The value moved by its rounding tolerance `r`.
    Round,
    /// The value moved by this fraction of |v|, never less than `r`.
    Share(f64),
    /// Zero (or the value, if negative): "up to 50" is anything below 50.
    Zero,
}

/// How one qualifier reads and what interval it makes.
#[derive(Clone, Copy, Debug)]
pub struct Rule {
    pub qualifier: Qualifier,
    /// Lowercase phrases that stand right before the number.
    pub phrases: &'static [&'static str],
    pub low: Bound,
    pub high: Bound,
    /// Why this tolerance (shown in docs/figures.md).
    pub why: &'static str,
}

/// The qualifier table. Phrases are tried longest first (see
/// [`qualifier_before`]), so "just under" wins over "under" and "no more
/// than" over "more than".
pub const RULES: &[Rule] = &[
    Rule {
        qualifier: Qualifier::Exact,
        phrases: &[],
        low: Bound::Round,
        high: Bound::Round,
        why: "a bare number covers what rounds to it: half a unit of its last written digit, \
              magnitude applied ($240 billion: 239.5bn-240.5bn; 33.7%: 33.65-33.75)",
    },
    Rule {
        qualifier: Qualifier::About,
        phrases: &[
            "approximately",
            "approx.",
            "an estimated",
            "estimated",
            "roughly",
            "around",
            "about",
            "some",
            "circa",
            "c.",
            "~",
        ],
        low: Bound::Share(0.10),
        high: Bound::Share(0.10),
        why: "±10 %: reporters say \"about 40\" for 36-44 and \"some $190 billion\" for \
              $185 billion; wider would make every round number agree",
    },
    Rule {
        qualifier: Qualifier::Over,
        phrases: &[
            "more than",
            "over",
            "above",
            "exceeding",
            "in excess of",
            "upwards of",
            "greater than",
            "just over",
            "well over",
            "a little over",
            "top",
            "tops",
            "topped",
            "topping",
            "exceed",
            "exceeds",
            "exceeded",
            "surpass",
            "surpassed",
        ],
        low: Bound::Value,
        high: Bound::Share(0.25),
        why: "the value up to a quarter above it: \"more than 40\" is said of 41-49, not of 60 \
              (which would be \"more than 50\" or \"about 60\")",
    },
    Rule {
        qualifier: Qualifier::Under,
        phrases: &["less than", "fewer than", "under", "below", "lower than"],
        low: Bound::Share(0.25),
        high: Bound::Value,
        why: "the value down to a quarter below it, mirroring `over`",
    },
    Rule {
        qualifier: Qualifier::AtLeast,
        phrases: &[
            "at least",
            "no less than",
            "no fewer than",
            "a minimum of",
            "not less than",
            "as little as",
            "as few as",
            "as low as",
        ],
        low: Bound::Value,
        high: Bound::Share(0.5),
        why: "a floor, used more loosely than `over`: the value up to half again",
    },
    Rule {
        qualifier: Qualifier::AtMost,
        phrases: &[
            "up to",
            "at most",
            "no more than",
            "a maximum of",
            "not more than",
            "as much as",
            "as many as",
            "as high as",
        ],
        low: Bound::Zero,
        high: Bound::Value,
        why: "a cap: anything from zero to the value (\"up to 50 bcm\" says nothing of the floor)",
    },
    Rule {
        qualifier: Qualifier::Nearly,
        phrases: &[
            "nearly",
            "almost",
            "close to",
            "just under",
            "just below",
            "just shy of",
            "approaching",
            "not quite",
        ],
        low: Bound::Share(0.10),
        high: Bound::Value,
        why: "just below the value: up to 10 % under it",
    },
    Rule {
        qualifier: Qualifier::Range,
        phrases: &[],
        low: Bound::Round,
        high: Bound::Round,
        why: "\"between 30 and 40\", \"30-40\", \"30 to 40\": the two ends, each widened by \
              its own rounding",
    },
];

/// The rule for a qualifier.
pub fn rule(q: Qualifier) -> &'static Rule {
    RULES
        .iter()
        .find(|r| r.qualifier == q)
        .expect("every qualifier has a rule")
}

/// The interval `q` makes of value `v` written with rounding tolerance `r`.
/// For a range, `v` is the low end and `v2` the high end (with their own
/// tolerances `r` and `r2`); otherwise `v2` and `r2` are ignored.
pub fn interval(q: Qualifier, v: f64, r: f64) -> (f64, f64) {
    range_interval(q, v, r, v, r)
}

/// [`interval`] with separate ends (ranges).
pub fn range_interval(q: Qualifier, v: f64, r: f64, v2: f64, r2: f64) -> (f64, f64) {
    let rule = rule(q);
    let r = r.abs();
    let r2 = r2.abs();
    let low = match rule.low {
        Bound::Value => v,
        Bound::Round => v - r,
        Bound::Share(f) => v - (f * v.abs()).max(r),
        Bound::Zero => v.min(0.0),
    };
    let high = match rule.high {
        Bound::Value => v2,
        Bound::Round => v2 + r2,
        Bound::Share(f) => v2 + (f * v2.abs()).max(r2),
        Bound::Zero => v2.max(0.0),
    };
    (low.min(high), high.max(low))
}

/// Every (phrase, qualifier), longest phrase first.
static PHRASES: std::sync::LazyLock<Vec<(&'static str, Qualifier)>> =
    std::sync::LazyLock::new(|| {
        let mut v: Vec<(&'static str, Qualifier)> = RULES
            .iter()
            .flat_map(|r| r.phrases.iter().map(move |p| (*p, r.qualifier)))
            .collect();
        v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        v
    });

/// The qualifier right before `pos` in `s` and where its words start.
/// "Record" between the qualifier and the number is skipped ("a record
/// $185 billion", "nearly a record 40"): it is an attribute, not a
/// qualifier.
pub fn qualifier_before(s: &str, pos: usize) -> Option<(Qualifier, usize)> {
    let start = crate::text::floor_char_boundary(s, pos.saturating_sub(32));
    let start = (start..pos).find(|&i| s.is_char_boundary(i)).unwrap_or(pos);
    let before = &s[start..pos];
    let before = if before.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(before.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(before)
    };
    let trimmed = before.trim_end();
    let trimmed = trimmed
        .strip_suffix("a record")
        .or_else(|| trimmed.strip_suffix("record"))
        .map_or(trimmed, str::trim_end);
    // Most phrases differ from the text in their last byte: compared
    // first, without a call.
    let last = trimmed.as_bytes().last();
    for (phrase, q) in PHRASES.iter() {
        if phrase.as_bytes().last().is_some_and(|b| Some(b) != last) {
            continue;
        }
        if let Some(rest) = trimmed.strip_suffix(phrase) {
            let word_start = rest.is_empty() || rest.ends_with(|c: char| !is_alnum(c));
            let symbol = !phrase.starts_with(|c: char| is_alnum(c));
            if word_start || symbol {
                return Some((*q, start + rest.len()));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn overlap(a: (f64, f64), b: (f64, f64)) -> bool {
        a.0 <= b.1 && b.0 <= a.1
    }

    #[test]
    fn docs_carry_the_same_table() {
        let docs = include_str!("../../../docs/figures.md");
        for r in RULES {
            let row = docs
                .lines()
                .find(|l| l.starts_with(&format!("| `{}` |", r.qualifier.as_str())))
                .unwrap_or_else(|| panic!("docs/figures.md has no row for {:?}", r.qualifier));
            for p in r.phrases {
                assert!(
                    row.contains(p),
                    "docs row for {:?} lacks {p:?}",
                    r.qualifier
                );
            }
        }
    }

    #[test]
    fn table_covers_every_qualifier() {
        for q in Qualifier::ALL {
            assert_eq!(rule(q).qualifier, q);
        }
    }

    #[test]
    fn intervals_from_the_domain_examples() {
        let about = interval(Qualifier::About, 40.0, 0.5);
        assert_eq!(about, (36.0, 44.0));
        let over = interval(Qualifier::Over, 40.0, 0.5);
        assert_eq!(over, (40.0, 50.0));
        assert!(overlap(about, over), "about 40 and over 40 agree");
        let a = interval(Qualifier::Exact, 185e9, 0.5e9);
        let b = interval(Qualifier::Exact, 240e9, 0.5e9);
        assert_eq!(b, (239.5e9, 240.5e9));
        assert!(!overlap(a, b), "$185bn and $240bn exact disagree");
        let nearly = interval(Qualifier::Nearly, 200.0, 0.5);
        assert_eq!(nearly, (180.0, 200.0));
        assert_eq!(interval(Qualifier::AtMost, 50.0, 0.5), (0.0, 50.0));
        assert_eq!(
            range_interval(Qualifier::Range, 30.0, 0.5, 40.0, 0.5),
            (29.5, 40.5)
        );
        // Negative values keep low <= high.
        let n = interval(Qualifier::About, -5.0, 0.5);
        assert!(n.0 < n.1);
    }

    #[test]
    fn phrases_before_a_number() {
        fn q(s: &str) -> Option<(Qualifier, &str)> {
            qualifier_before(s, s.len()).map(|(q, at)| (q, &s[at..]))
        }
        assert_eq!(q("met more than "), Some((Qualifier::Over, "more than ")));
        assert_eq!(
            q("no more than "),
            Some((Qualifier::AtMost, "no more than "))
        );
        assert_eq!(q("just under "), Some((Qualifier::Nearly, "just under ")));
        assert_eq!(
            q("duties of as much as "),
            Some((Qualifier::AtMost, "as much as "))
        );
        assert_eq!(
            q("prices as low as "),
            Some((Qualifier::AtLeast, "as low as "))
        );
        assert_eq!(
            q("hit nearly a record "),
            Some((Qualifier::Nearly, "nearly a record "))
        );
        assert_eq!(q("handsome "), None);
        assert_eq!(q("moreover "), None);
        assert_eq!(q("~"), Some((Qualifier::About, "~")));
    }
}
