//! Modality: whether a figure is what happened (`actual`), a goal
//! (`target`) or an expectation (`forecast`), from cue words near it.

use crate::extract::Modality;
use crate::text::is_alnum;
use std::sync::LazyLock;

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
    "planned to",
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
    "expect",
    "expecting",
    "foresee",
    "foresees",
    "envisage",
    "envisages",
    "projected",
    "projects",
    "projection",
    "forecast",
    "forecasts",
    "predicted",
    "predicts",
    "would reach",
    "would fall",
    "would rise",
    "would grow",
    "would hit",
    "would top",
    "would exceed",
    "would sign",
    "would increase",
    "would win",
    "would decline",
    "would drop",
    "will fall",
    "will sign",
    "will increase",
    "will win",
    "will decline",
    "will drop",
    "will reach",
    "will hit",
    "will exceed",
    "will top",
    "will grow",
    "will rise",
    // "The restructuring will cost $1.4 billion": what it is expected to.
    "will cost",
    "would cost",
    "will save",
    "would save",
    "could reach",
    "could hit",
    "could top",
    "may reach",
    "might reach",
    "likely to",
    "set to reach",
    "set to rise",
    "set to fall",
    "set to grow",
    "set to increase",
    "set to decline",
    "on track to",
    "on course to",
    "poised to",
    "estimated to reach",
    "anticipated",
    "estimate of",
    "estimates of",
    "consensus",
    // "raised its full-year guidance for operating margin to 11%", "lifted
    // its outlook".
    "guidance",
    "outlook",
];

/// Verbs of expectation that make the figure before them their object:
/// "the €5.0 billion analysts had expected", "the 3% economists forecast".
const EXPECTED_AFTER: &[&str] = &[
    "expected",
    "forecast",
    "forecasted",
    "predicted",
    "projected",
    "estimated",
    "anticipated",
];

/// Whether the words after a figure (`after`, the text from its end) are a
/// clause whose object it is: at most four words, none of them "than" or
/// "as", then a verb of [`EXPECTED_AFTER`] not followed by "to" ("the €5.0
/// billion analysts had expected"; not "more than analysts had expected",
/// nor "a $5 billion deal analysts expected to close").
fn expected_object(after: &str) -> bool {
    // Five words fit in 64 bytes; reading no further keeps a long sentence
    // of figures linear.
    let after = &after[..crate::text::floor_char_boundary(after, 64)];
    let mut words = after.split_ascii_whitespace().take(5);
    while let Some(w) = words.next() {
        if w.starts_with(['(', '"', '“']) {
            return false;
        }
        // A mark after a word ends the clause: that word is its last.
        let marked = w.ends_with([',', ';', '.', ':', ')', '"', '”']);
        let core = if marked {
            w.trim_end_matches([',', ';', '.', ':', ')', '"', '”'])
        } else {
            w
        };
        // Every verb of EXPECTED_AFTER has eight letters or more.
        if core.len() >= 8 {
            if EXPECTED_AFTER.iter().any(|e| core.eq_ignore_ascii_case(e)) {
                return marked || words.next() != Some("to");
            }
        } else if core.eq_ignore_ascii_case("than") || core.eq_ignore_ascii_case("as") {
            return false;
        }
        if marked {
            return false;
        }
    }
    false
}

/// Whether the words before a cue of expectation or intent (`before`, the
/// window up to it) compare the figure with it: "higher than expected",
/// "rose 4%, as forecast", "more than analysts had expected"; and, for a
/// cue after the figure (`after_figure`), "3% below target", "$3 billion
/// beat forecasts". Before the figure those words name the goal it is:
/// "beat the target of $200bn".
fn compared_with_expectation(before: &str, after_figure: bool) -> bool {
    before
        .split_whitespace()
        .rev()
        .take(3)
        .take_while(|w| !w.ends_with([',', ';', ':']))
        .any(|w| {
            matches!(w, "than" | "as")
                || after_figure
                    && matches!(
                        w,
                        "below" | "above" | "beat" | "beating" | "missed" | "missing"
                    )
        })
}

/// Words that open a clause of fact after a cue of intent or expectation:
/// the cue before them is not about a figure after them.
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "after", "because", "while", "whereas", "but", "although", "though",
];

/// Whether `gap` holds a word of [`CLAUSE_OPENERS`]: what stands after it
/// is another clause's ("raised its forecast to €59 billion after
/// third-quarter profit jumped": the third quarter is not the forecast's).
pub fn opens_clause(gap: &str) -> bool {
    gap.split_whitespace()
        .any(|w| CLAUSE_OPENERS.iter().any(|c| w.eq_ignore_ascii_case(c)))
}

/// The last relative clause (", which ..." or ", who ...") that a comma
/// closes before `start` in `s`, as a range of the lowercase window that
/// opens at `from` (from its start when the clause opens before it).
fn closed_relative(s: &str, from: usize, start: usize) -> Option<std::ops::Range<usize>> {
    let head = &s[..start];
    let open = [", which ", ", who "]
        .iter()
        .filter_map(|r| head.rfind(r))
        .max()?;
    let close = open + 1 + head[open + 1..].find(',')?;
    if close <= from || head[open..close].contains(". ") {
        return None;
    }
    let lower = |to: usize| super::number::lowercase(&s[from..to]).len();
    Some(if open < from { 0 } else { lower(open) }..lower(close))
}

/// Target phrases (ids below `TARGET_WORDS.len()`) and forecast phrases,
/// searched in one pass.
static MODALITY: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(TARGET_WORDS.iter().chain(FORECAST_WORDS.iter()))
        .expect("modality phrases build")
});

/// Whether the words before "goal" make it one scored in a game: a number
/// ("27 goals", "two goals", "his 100th goal") or a word of play.
fn scored_goal(before: &str) -> bool {
    let Some(prev) = before.split_whitespace().next_back() else {
        return false;
    };
    let prev = prev.trim_end_matches(|c: char| !is_alnum(c));
    prev.ends_with(|c: char| c.is_ascii_digit())
        || (prev.ends_with("th") && prev.starts_with(|c: char| c.is_ascii_digit()))
        // "two" to "ten".
        || super::number::SMALL_NUMBER_WORDS[2..=10].contains(&prev)
        || matches!(
            prev,
            "scored"
                | "scoring"
                | "conceded"
                | "conceding"
                | "own"
                | "winning"
                | "opening"
                | "late"
                | "league"
                | "match-winning"
                | "equalising"
                | "equalizing"
        )
}

pub fn modality(s: &str, start: usize, end: usize) -> Modality {
    // "compared with 40 bcm today": what is so now is no goal, whatever
    // the sentence aims at.
    let next = s[end..].trim_start();
    if ["today", "currently", "at present"].iter().any(|w| {
        next.get(..w.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(w))
            && !next[w.len()..].starts_with(|c: char| is_alnum(c))
    }) {
        return Modality::Actual;
    }
    let lo = crate::text::floor_char_boundary(s, start.saturating_sub(90));
    // Not the point of a decimal ("rise 1.1 percent in 2026 to 38.1bn
    // tonnes").
    let from = s[lo..start]
        .rmatch_indices([';', '.'])
        .find(|&(i, _)| !s[lo + i + 1..].starts_with(|c: char| c.is_ascii_digit()))
        .map_or(lo, |(i, _)| lo + i + 1);
    let to = crate::text::floor_char_boundary(s, (end + 14).min(s.len()));
    let window = super::number::lowercase(&s[from..to]);
    // A clause of its own opens before the figure: "raised its forecast to
    // €59 billion after third-quarter profit jumped 16%" is no forecast of
    // 16%.
    // (Found in the text as written, and placed in the window, whose
    // lowercase may be longer or shorter.)
    let head = &s[from..start];
    let clause = head
        .rmatch_indices(' ')
        .find(|&(i, _)| {
            let rest = &head.as_bytes()[i + 1..];
            CLAUSE_OPENERS.iter().any(|w| {
                rest.len() > w.len()
                    && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes())
                    && !rest[w.len()].is_ascii_alphanumeric()
            })
        })
        .map_or(0, |(i, _)| super::number::lowercase(&head[..i + 1]).len());
    // The figure's own words are what it counts, not a cue: "scored 31
    // goals" is no target.
    let own = || {
        let lo = super::number::lowercase(head).len();
        lo..lo + super::number::lowercase(&s[start..end]).len()
    };
    let mut found = Modality::Actual;
    let mut relative: Option<Option<std::ops::Range<usize>>> = None;
    for m in MODALITY.find_overlapping_iter(window.as_ref()) {
        let before = window[..m.start()].chars().next_back();
        let after = window[m.end()..].chars().next();
        if m.start() < clause || before.is_some_and(is_alnum) || after.is_some_and(is_alnum) {
            continue;
        }
        let own = own();
        if m.start() >= own.start && m.end() <= own.end {
            continue;
        }
        // "scored 27 goals in 38 games", "a late goal": goals of a game.
        if matches!(&window[m.range()], "goal" | "goals") && scored_goal(&window[..m.start()]) {
            continue;
        }
        if compared_with_expectation(&window[..m.start()], m.start() >= own.end) {
            continue;
        }
        // "The EU, which aims to cut emissions 55% by 2030, said its
        // emissions were 35% below 1990": a relative clause closed before
        // the figure speaks of someone, not of the figure.
        if relative
            .get_or_insert_with(|| closed_relative(s, from, start))
            .as_ref()
            .is_some_and(|r| r.start <= m.start() && m.end() <= r.end)
        {
            continue;
        }
        if m.pattern().as_usize() < TARGET_WORDS.len() {
            return Modality::Target;
        }
        found = Modality::Forecast;
    }
    if found == Modality::Actual && expected_object(&s[end..]) {
        return Modality::Forecast;
    }
    found
}
