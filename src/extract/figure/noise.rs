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
//! 3. Page furniture: a short text (at most 10 words) that starts with
//!    "Share", "Read more", "Related", "Follow us", "Advertisement",
//!    "Newsletter", "Sign up"; or any text with "©", "copyright" at its
//!    start, or "all rights reserved".
//!
//! Prices alone ("$4.99 a month") are not noise: "3 bcm a month" is news.

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

fn starts_word(l: &str, p: &str) -> bool {
    l.strip_prefix(p).is_some_and(|rest| {
        !p.ends_with(|c: char| c.is_alphanumeric())
            || !rest.starts_with(|c: char| c.is_alphanumeric())
    })
}

/// Whether a block or sentence is page furniture (see the module docs).
pub fn is_noise(text: &str) -> bool {
    let l = text.trim().to_lowercase();
    let end = l.trim_end_matches(['.', ' ', '"', '”']);
    let caption = CAPTION_STARTS.iter().any(|p| starts_word(&l, p))
        || CAPTION_CONTAINS.iter().any(|p| l.contains(p))
        || CREDIT_ENDS.iter().any(|p| end.ends_with(p));
    let subscription = SUBSCRIPTION.iter().any(|p| l.contains(p));
    let short = l.split_whitespace().nth(FURNITURE_WORDS).is_none();
    let furniture = (short && FURNITURE_STARTS.iter().any(|p| starts_word(&l, p)))
        || l.starts_with('©')
        || l.starts_with("copyright")
        || l.contains('©')
        || l.contains("all rights reserved");
    caption || subscription || furniture
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
            "© 2024 Globe Wire",
            "Copyright 2024 Globe Wire. All rights reserved.",
        ] {
            assert!(is_noise(t), "{t}");
        }
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
