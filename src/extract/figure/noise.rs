//! Noise: page furniture whose figures are kept for `extract` but never
//! compared.

/// Page furniture: subscription prompts, photo captions and credits, share
/// buttons, copyright lines. Figures in them are kept for `extract` but
/// marked `noise`, so they are never compared.
pub fn is_noise(block: &str) -> bool {
    let l = block.trim().to_lowercase();
    const STARTS: &[&str] = &[
        "photo",
        "image",
        "caption",
        "credit",
        "file photo",
        "picture",
        "subscribe",
        "sign up",
        "share",
        "advertisement",
        "read more",
        "related",
        "©",
        "copyright",
        "all rights reserved",
        "follow us",
        "newsletter",
        "[photo",
        "(photo",
    ];
    const CONTAINS: &[&str] = &[
        "subscribe",
        "subscription",
        "per month",
        "a month for",
        "/month",
        "newsletter",
        "all rights reserved",
        "photo:",
        "photo by",
        "(reuters)",
        "getty images",
        "(ap photo",
    ];
    STARTS.iter().any(|s| l.starts_with(s)) || CONTAINS.iter().any(|s| l.contains(s))
}
