//! Noise: page furniture whose figures are kept for `extract` but never
//! compared. The rule (mirrored in docs/figures.md) is applied to each block
//! (paragraph, heading, list item) and to each sentence:
//!
//! 1. Captions: the text starts with a caption label ("Photo:", "Image:",
//!    "Picture:", "Caption:", "Credit:", "File photo", "[Photo", "(Photo"),
//!    contains "photo:", "photo by", "credit:" or "(file photo)", or ends with
//!    an agency credit ("(Reuters)", "(AFP)", "(AP)", "Getty Images", "/
//!    Reuters"). A dateline at the start ("MOSCOW (Reuters) - ...") is
//!    reporting, not a caption.
//! 2. Subscription prompts: "subscribe", "subscription", "sign up", "free
//!    trial", "paywall", "unlimited access".
//! 3. Page furniture: a short text (at most 10 words, or any length when
//!    it holds a Markdown link) that starts with "Share", "Read more",
//!    "Related", "Follow us", "Advertisement", "Newsletter", "Sign up"; or
//!    any text with "©", "copyright" at its start, or "all rights
//!    reserved".
//!
//! Prices alone ("$4.99 a month") are not noise: "3 bcm a month" is news.

use crate::text::is_alnum;
use std::sync::LazyLock;

/// Caption labels at the start of a text.
const CAPTION_STARTS: &[&str] = &[
    "photo:",
    "photos:",
    "image:",
    "images:",
    "picture:",
    "caption:",
    "credit:",
    "credits:",
    "file photo",
    "[photo",
    "(photo",
    "[image",
    "(image",
    "photo by",
    "photograph:",
];

/// Caption marks anywhere in a text.
const CAPTION_CONTAINS: &[&str] = &["photo:", "photo by", "credit:", "(file photo)", "(ap photo"];

/// Agency credits that end a caption.
const CREDIT_ENDS: &[&str] = &[
    "(reuters)",
    "(afp)",
    "(ap)",
    "(tass)",
    "(xinhua)",
    "getty images",
    "/ reuters",
    "/reuters",
    "/ afp",
    "/ ap",
    "via reuters",
    "(pool)",
];

/// Subscription prompts anywhere in a text.
const SUBSCRIPTION: &[&str] = &[
    "subscribe",
    "subscription",
    "sign up",
    "free trial",
    "paywall",
    "unlimited access",
];

/// Words that start a short furniture line.
const FURNITURE_STARTS: &[&str] = &[
    "share",
    "read more",
    "read also",
    "related",
    "follow us",
    "advertisement",
    "newsletter",
    "sign up",
    "more on this",
];

/// At most this many words in a furniture line.
const FURNITURE_WORDS: usize = 10;

// The tests below compare ASCII case-insensitively instead of lowercasing
// the text: every pattern is ASCII, and the only non-ASCII characters that
// lowercase to ASCII are "İ" (to "i" and a combining dot, which no pattern
// can match across) and the Kelvin sign (to "k", which no pattern has), so
// the result is the same without a copy of each block.

/// Whether `l` starts with `p`, ignoring ASCII case.
fn starts_with(l: &str, p: &str) -> bool {
    l.as_bytes()
        .get(..p.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
}

/// Whether `l` starts with the phrase `p` (ignoring ASCII case) ending at a
/// word boundary if `p` ends in a letter or digit.
fn starts_word(l: &str, p: &str) -> bool {
    starts_with(l, p)
        && (!p.ends_with(|c: char| is_alnum(c)) || !l[p.len()..].starts_with(|c: char| is_alnum(c)))
}

/// Whether `l` ends with `p`, ignoring ASCII case.
fn ends_with(l: &str, p: &str) -> bool {
    l.len()
        .checked_sub(p.len())
        .is_some_and(|i| l.as_bytes()[i..].eq_ignore_ascii_case(p.as_bytes()))
}

/// The marks that make a text noise wherever they stand: caption marks,
/// subscription prompts, "all rights reserved" (ASCII case aside, as
/// Aho-Corasick's ASCII case folding would) and the copyright sign. A
/// pattern, not an automaton of the phrases: the regex crate searches
/// their leading bytes with vector instructions first.
static ANYWHERE: LazyLock<regex::Regex> = LazyLock::new(|| {
    let ascii: Vec<String> = CAPTION_CONTAINS
        .iter()
        .chain(SUBSCRIPTION)
        .chain(&["all rights reserved"])
        .map(|p| regex::escape(p))
        .collect();
    regex::Regex::new(&format!("(?i-u:{})|©", ascii.join("|"))).expect("noise pattern")
});

/// Whether a block or sentence is page furniture (see the module docs).
pub fn is_noise(text: &str) -> bool {
    is_noise_by_place(text) || ANYWHERE.is_match(text)
}

/// [`is_noise`] by what starts or ends the text and by its length alone,
/// without the marks that count anywhere in it. Enough for a part of a text
/// found to be no noise: the whole holds none of those marks, so no part
/// does.
pub fn is_noise_by_place(text: &str) -> bool {
    let l = text.trim();
    let end = l.trim_end_matches(['.', ' ', '"', '”']);
    let caption = CAPTION_STARTS.iter().any(|p| starts_word(l, p))
        || CREDIT_ENDS.iter().any(|p| ends_with(end, p));
    let short = || l.split_whitespace().nth(FURNITURE_WORDS).is_none();
    // A furniture line of Markdown links is furniture at any length: "Read
    // more: [Trade hit $240 billion in 2023](…) and [Putin: …](…)".
    let furniture = (FURNITURE_STARTS.iter().any(|p| starts_word(l, p))
        && (short() || l.contains("](")))
        || starts_with(l, "copyright");
    caption || furniture
}

#[cfg(test)]
mod tests {
    use super::is_noise;

    #[test]
    fn furniture_captions_and_prompts() {
        for t in [
            "Photo: The leaders in the Kremlin, March 21, 2023. Credit: pool",
            "Image: Xi Jinping at Vnukovo airport, 20 March 2023 (file photo)",
            "Xi and Putin at the Kremlin on Tuesday (Reuters)",
            "Leaders at the summit. Getty Images",
            "Subscribe for $4.99 a month to read our full coverage.",
            "Share this article",
            "Read more: Putin's schedule for the week",
            "Read more: [Trade between the two countries hit $240 billion in 2023](https://example.com/a) and [Putin on the talks](https://example.com/b)",
            "© 2024 Globe Wire",
            "Copyright 2024 Globe Wire. All rights reserved.",
        ] {
            assert!(is_noise(t), "{t}");
        }
    }

    #[test]
    fn marks_anywhere_match_in_any_ascii_case_only() {
        use super::{ANYWHERE, CAPTION_CONTAINS, SUBSCRIPTION};
        for p in CAPTION_CONTAINS
            .iter()
            .chain(SUBSCRIPTION)
            .chain(&["all rights reserved"])
        {
            for t in [
                p.to_string(),
                p.to_ascii_uppercase(),
                format!("Then {p} here"),
            ] {
                assert!(ANYWHERE.is_match(&t), "{t}");
            }
        }
        assert!(ANYWHERE.is_match("text © 2024"));
        // Unicode case folding is not ASCII's: the long s is another
        // letter here.
        assert!(!ANYWHERE.is_match("please \u{17F}ubscribe"));
        assert!(!ANYWHERE.is_match("\u{17F}ign up today"));
    }

    #[test]
    fn news_text_is_not_noise() {
        for t in [
            "Shares of Gazprom rose 5% on Tuesday after the two leaders met in Moscow to sign the deal.",
            "MOSCOW (Reuters) - Trade between Russia and China reached $240 billion last year.",
            "Gazprom ships 3 bcm a month through the pipeline.",
            "Photographs of the summit show 40 aides.",
            "Russia's share of China's oil imports rose to about 19% last year.",
            "Related talks in Beijing produced 14 agreements on energy, trade, transport and culture this week.",
        ] {
            assert!(!is_noise(t), "{t}");
        }
    }
}
