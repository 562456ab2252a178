//! Normalisation for matching quotations, kept apart from the original text.
//!
//! Two levels:
//! - [`fold`]: what the contract calls "word for word": quote marks,
//!   apostrophes, dashes, whitespace and case are normalised (and Unicode
//!   compatibility forms, NFKC). Equal folds are the same quotation.
//! - [`tokens`]: also drops punctuation, maps spelling variants
//!   (neighbour/neighbor, recognise/recognize, centre/center) to one form,
//!   and turns ellipses and bracketed insertions into [`Token::Gap`]s. Equal
//!   token lists with unequal folds are style variants.

use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// Quote marks, apostrophes, dashes and whitespace to one form; lowercase;
/// leading and trailing punctuation removed.
pub fn fold(text: &str) -> String {
    // ASCII text is its own NFKC form; most news text is, so it skips the
    // normaliser and is folded byte by byte. Text the quick check finds
    // in NFKC already (curly marks, accented letters) skips it too.
    if text.is_ascii() {
        return fold_ascii(text);
    }
    if unicode_normalization::is_nfkc_quick(text.chars()) == IsNormalized::Yes {
        return fold_chars(text, text.chars());
    }
    fold_chars(text, text.nfkc())
}

/// [`fold`] of ASCII text: the same steps as [`fold_chars`] on bytes.
fn fold_ascii(text: &str) -> String {
    // Trimming first gives the same ends: the bytes kept at the ends are
    // never whitespace, and nothing between them moves. Text whose words
    // stand one space apart with no backtick (nearly every quotation) is
    // then only lowercased, in one copy.
    let keep = |b: &u8| b.is_ascii_alphanumeric() || *b == b'[' || *b == b']';
    let bytes = text.as_bytes();
    let start = bytes.iter().position(keep).unwrap_or(bytes.len());
    let end = bytes.iter().rposition(keep).map_or(start, |i| i + 1);
    let inner = &text[start..end];
    let spaced_once = !inner
        .as_bytes()
        .windows(2)
        .any(|w| matches!(w[1], b'\t'..=b'\r' | b'`') || w == b"  ");
    if spaced_once {
        return inner.to_ascii_lowercase();
    }
    fold_ascii_by_bytes(inner)
}

/// [`fold_ascii`], a byte at a time.
fn fold_ascii_by_bytes(text: &str) -> String {
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut space = false;
    for &b in text.as_bytes() {
        // `char::is_whitespace` in ASCII: tab to carriage return, space.
        if matches!(b, b'\t'..=b'\r' | b' ') {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(b' ');
        }
        space = false;
        out.push(if b == b'`' {
            b'\''
        } else {
            b.to_ascii_lowercase()
        });
    }
    let keep = |b: &u8| b.is_ascii_alphanumeric() || *b == b'[' || *b == b']';
    let start = out.iter().position(keep).unwrap_or(out.len());
    let end = out.iter().rposition(keep).map_or(start, |i| i + 1);
    out.truncate(end);
    out.drain(..start);
    String::from_utf8(out).expect("ASCII stays ASCII")
}

fn fold_chars(text: &str, chars: impl Iterator<Item = char>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in chars {
        let c = match c {
            '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
            '‘' | '’' | '‚' | '‛' | '′' | '`' | '´' => '\'',
            '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    let trimmed = out.trim_matches(|c: char| !c.is_alphanumeric() && c != '[' && c != ']');
    trimmed.to_string()
}

/// Words so common in quotations that they carry no content of their own:
/// they never retrieve anything alone, and do not count as shared content.
const STOP: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by",
    "from", "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these",
    "those", "we", "our", "us", "i", "you", "he", "she", "they", "their", "his", "her", "will",
    "would", "have", "has", "had", "not", "no", "do", "does", "so", "all", "which", "who", "what",
];

/// Whether a normalised word is a function word (`STOP`).
pub fn is_function_word(w: &str) -> bool {
    STOP.contains(&w)
}

/// A token of a quotation for word-level comparison.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Token {
    Word(String),
    /// An ellipsis or a bracketed insertion: an accepted edit that may stand
    /// for any number of words.
    Gap,
}

/// Words (spelling-normalised, punctuation dropped) with gaps for ellipses
/// and bracketed insertions.
pub fn tokens(text: &str) -> Vec<Token> {
    tokens_of_fold(&fold(text))
}

/// [`tokens`] of a text already folded with [`fold`].
pub fn tokens_of_fold(folded: &str) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    scan_tokens(folded, &mut out, None);
    out
}

/// Per word of [`tokens_of_fold`] (gaps left out), the word to show in a
/// diff: the word itself, but for a contraction, whose first word shows
/// it as written ("haven't") and whose second shows nothing ("").
pub fn shown_words(folded: &str) -> Vec<String> {
    let mut shown = Vec::new();
    scan_tokens(folded, &mut Vec::new(), Some(&mut shown));
    shown
}

/// The tokens of a folded text into `out`, and with `shown`, the words to
/// show for them ([`shown_words`]).
fn scan_tokens(folded: &str, out: &mut Vec<Token>, mut shown: Option<&mut Vec<String>>) {
    let push_gap = |out: &mut Vec<Token>| {
        if out.last() != Some(&Token::Gap) {
            out.push(Token::Gap);
        }
    };
    let mut rest = folded;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('[') {
            // Bracketed insertion: skip to the closing bracket (or the end).
            let close = r.find(']').map_or(r.len(), |i| i + 1);
            rest = &r[close..];
            push_gap(out);
            continue;
        }
        if let Some(r) = rest.strip_prefix("...").or_else(|| rest.strip_prefix('…')) {
            rest = r;
            push_gap(out);
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        if c.is_alphanumeric() {
            let end = word_end(rest);
            let word = &rest[..end];
            match contraction(word) {
                Some((first, second)) => {
                    out.push(Token::Word(canonical_spelling(first)));
                    out.push(Token::Word(second.to_string()));
                    if let Some(shown) = shown.as_deref_mut() {
                        shown.push(word.to_string());
                        shown.push(String::new());
                    }
                }
                None => {
                    let w = canonical_spelling(word);
                    if let Some(shown) = shown.as_deref_mut() {
                        shown.push(w.clone());
                    }
                    out.push(Token::Word(w));
                }
            }
            rest = &rest[end..];
        } else {
            rest = &rest[c.len_utf8()..];
        }
    }
}

/// The two words a contraction stands for, when they are certain: "won't"
/// is "will not", "don't" "do not", "we're" "we are", "they'll" "they
/// will", "I've" "I have", "I'm" "I am", and "cannot" "can not". So "We
/// won't be rushed" and "We will not be rushed" differ in spelling only (a
/// style variant). "'s" and "'d" (is or has, would or had) stay whole.
fn contraction(word: &str) -> Option<(&str, &'static str)> {
    match word {
        "won't" => return Some(("will", "not")),
        "can't" | "cannot" => return Some(("can", "not")),
        "shan't" => return Some(("shall", "not")),
        "ain't" => return None,
        _ => {}
    }
    if !word.contains('\'') {
        return None;
    }
    for (ending, full) in [
        ("n't", "not"),
        ("'re", "are"),
        ("'ll", "will"),
        ("'ve", "have"),
        ("'m", "am"),
    ] {
        if let Some(stem) = word.strip_suffix(ending)
            && !stem.is_empty()
            && !stem.contains('\'')
        {
            return Some((stem, full));
        }
    }
    None
}

/// End of a word: letters and digits, with inner apostrophes ("don't") and
/// inner decimal points or commas between digits ("33.7", "4,200").
fn word_end(s: &str) -> usize {
    let mut chars = s.char_indices().peekable();
    let mut prev = ' ';
    while let Some((p, c)) = chars.next() {
        if c.is_alphanumeric() {
            prev = c;
            continue;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let inner_apostrophe =
            c == '\'' && next.is_some_and(char::is_alphanumeric) && prev.is_alphabetic();
        let inner_number = matches!(c, '.' | ',')
            && prev.is_ascii_digit()
            && next.is_some_and(|n| n.is_ascii_digit());
        if !(inner_apostrophe || inner_number) {
            return p;
        }
        prev = c;
    }
    s.len()
}

/// Words only (gaps dropped).
pub fn words(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .filter_map(|t| match t {
            Token::Word(w) => Some(w),
            Token::Gap => None,
        })
        .collect()
}

/// British spelling stems and their American form. A word that starts with
/// the British stem gets the American one ("neighbours" -> "neighbors",
/// "recognised" -> "recognized").
const SPELLING: &[(&str, &str)] = &[
    ("neighbour", "neighbor"),
    ("favour", "favor"),
    ("honour", "honor"),
    ("labour", "labor"),
    ("colour", "color"),
    ("behaviour", "behavior"),
    ("harbour", "harbor"),
    ("rumour", "rumor"),
    ("endeavour", "endeavor"),
    ("vigour", "vigor"),
    ("humour", "humor"),
    ("armour", "armor"),
    ("valour", "valor"),
    ("candour", "candor"),
    ("splendour", "splendor"),
    ("savour", "savor"),
    ("flavour", "flavor"),
    ("odour", "odor"),
    ("tumour", "tumor"),
    ("saviour", "savior"),
    ("clamour", "clamor"),
    ("parlour", "parlor"),
    ("rancour", "rancor"),
    ("rigour", "rigor"),
    ("demeanour", "demeanor"),
    ("recognis", "recogniz"),
    ("organis", "organiz"),
    ("realis", "realiz"),
    ("emphasis", "emphasiz"),
    ("prioritis", "prioritiz"),
    ("modernis", "moderniz"),
    ("normalis", "normaliz"),
    ("stabilis", "stabiliz"),
    ("criticis", "criticiz"),
    ("apologis", "apologiz"),
    ("characteris", "characteriz"),
    ("minimis", "minimiz"),
    ("maximis", "maximiz"),
    ("mobilis", "mobiliz"),
    ("summaris", "summariz"),
    ("utilis", "utiliz"),
    ("harmonis", "harmoniz"),
    ("symbolis", "symboliz"),
    ("legitimis", "legitimiz"),
    ("globalis", "globaliz"),
    ("industrialis", "industrializ"),
    ("authoris", "authoriz"),
    ("jeopardis", "jeopardiz"),
    ("privatis", "privatiz"),
    ("nationalis", "nationaliz"),
    ("liberalis", "liberaliz"),
    ("democratis", "democratiz"),
    ("militaris", "militariz"),
    ("demilitaris", "demilitariz"),
    ("categoris", "categoriz"),
    ("finalis", "finaliz"),
    ("specialis", "specializ"),
    ("capitalis", "capitaliz"),
    ("centralis", "centraliz"),
    ("decentralis", "decentraliz"),
    ("digitalis", "digitaliz"),
    ("neutralis", "neutraliz"),
    ("memoris", "memoriz"),
    ("penalis", "penaliz"),
    ("sympathis", "sympathiz"),
    ("stigmatis", "stigmatiz"),
    ("marginalis", "marginaliz"),
    ("revolutionis", "revolutioniz"),
    ("equalis", "equaliz"),
    ("polaris", "polariz"),
    ("optimis", "optimiz"),
    ("visualis", "visualiz"),
    ("publicis", "publiciz"),
    ("popularis", "populariz"),
    ("localis", "localiz"),
    ("internationalis", "internationaliz"),
    ("rationalis", "rationaliz"),
    ("colonis", "coloniz"),
    ("antagonis", "antagoniz"),
    ("terroris", "terroriz"),
    ("patronis", "patroniz"),
    ("scrutinis", "scrutiniz"),
    ("synchronis", "synchroniz"),
    ("immunis", "immuniz"),
    ("subsidis", "subsidiz"),
    ("westernis", "westerniz"),
    ("radicalis", "radicaliz"),
    ("weaponis", "weaponiz"),
    ("incentivis", "incentiviz"),
    ("formalis", "formaliz"),
    ("institutionalis", "institutionaliz"),
    ("operationalis", "operationaliz"),
    ("monetis", "monetiz"),
    ("catalys", "catalyz"),
    ("centre", "center"),
    ("fibre", "fiber"),
    ("calibre", "caliber"),
    ("sombre", "somber"),
    ("spectre", "specter"),
    ("lustre", "luster"),
    ("meagre", "meager"),
    ("metre", "meter"),
    ("kilometre", "kilometer"),
    ("litre", "liter"),
    ("theatre", "theater"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("programme", "program"),
    ("catalogue", "catalog"),
    ("analys", "analyz"),
    ("paralys", "paralyz"),
    ("travell", "travel"),
    ("cancell", "cancel"),
    ("labell", "label"),
    ("modell", "model"),
    ("fulfil", "fulfill"),
    ("enrol", "enroll"),
    ("rouble", "ruble"),
    ("enquir", "inquir"),
    ("paediatric", "pediatric"),
    ("counsell", "counsel"),
    ("fuell", "fuel"),
    ("grey", "gray"),
    ("towards", "toward"),
    ("whilst", "while"),
    ("amongst", "among"),
];

/// Whole words whose British and American forms do not share a stem.
const SPELLING_WORDS: &[(&str, &str)] = &[
    ("centred", "centered"),
    ("centring", "centering"),
    ("manoeuvre", "maneuver"),
    ("manoeuvres", "maneuvers"),
    ("manoeuvred", "maneuvered"),
    ("manoeuvring", "maneuvering"),
    ("judgement", "judgment"),
    ("judgements", "judgments"),
    ("acknowledgement", "acknowledgment"),
    ("acknowledgements", "acknowledgments"),
    ("ageing", "aging"),
    ("dialogue", "dialog"),
    ("dialogues", "dialogs"),
    ("analogue", "analog"),
    ("aluminium", "aluminum"),
    ("sceptic", "skeptic"),
    ("sceptical", "skeptical"),
    ("scepticism", "skepticism"),
    ("pretence", "pretense"),
    ("practise", "practice"),
    ("practised", "practiced"),
    ("practises", "practices"),
    ("practising", "practicing"),
    ("instalment", "installment"),
    ("instalments", "installments"),
    ("skilful", "skillful"),
    ("wilful", "willful"),
    ("mould", "mold"),
    ("plough", "plow"),
    ("tyre", "tire"),
    ("tyres", "tires"),
];

/// Whether the rest of a word after an `-is`/`-ys` stem is a verb or
/// noun ending of the -ise family (recognise, recognised, recognising,
/// organisation), so "realistic" and "organism" keep their spelling.
fn ise_ending(rest: &str) -> bool {
    rest.starts_with('e') || rest.starts_with("ing") || rest.starts_with("ation")
}

/// Indexes into [`SPELLING`] by the stem's first byte, in list order.
static SPELLING_BY_FIRST: std::sync::LazyLock<Vec<Vec<usize>>> = std::sync::LazyLock::new(|| {
    let mut by_first = vec![Vec::new(); 256];
    for (i, (uk, _)) in SPELLING.iter().enumerate() {
        by_first[uk.as_bytes()[0] as usize].push(i);
    }
    by_first
});

/// Maps a lowercase word to its canonical (American) spelling.
pub fn canonical_spelling(word: &str) -> String {
    spelled(word, false)
}

/// [`canonical_spelling`], trying only the stems that share the word's
/// first byte, or (`every_stem`, for the tests) every stem in turn.
fn spelled(word: &str, every_stem: bool) -> String {
    let word = word.replace('’', "'");
    // "emphasis" itself is a noun that must not become "emphasiz".
    if word == "emphasis" || word == "analysis" || word == "analyses" || word == "paralysis" {
        return word;
    }
    if let Some((_, us)) = SPELLING_WORDS.iter().find(|(uk, _)| *uk == word) {
        return us.to_string();
    }
    // Only the stems with the word's first letter can be its prefix (the
    // list's order kept: the first stem that fits wins).
    let Some(&first) = word.as_bytes().first() else {
        return word;
    };
    let all: Vec<usize>;
    let stems = if every_stem {
        all = (0..SPELLING.len()).collect();
        &all
    } else {
        &SPELLING_BY_FIRST[first as usize]
    };
    for &i in stems {
        let (uk, us) = SPELLING[i];
        if let Some(rest) = word.strip_prefix(uk) {
            if uk == "fulfil" && rest.starts_with('l') || uk == "enrol" && rest.starts_with('l') {
                return word;
            }
            if (uk.ends_with("is") || uk.ends_with("ys")) && !ise_ending(rest) {
                continue;
            }
            // "-re" words: "centred" is "centered" (a whole-word entry),
            // not "centerd"; "theatres" and "centrepiece" map by stem.
            if uk.ends_with("re") && (rest.starts_with('d') || rest.starts_with("ing")) {
                continue;
            }
            return format!("{us}{rest}");
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fold_normalises_marks_dashes_case_space() {
        assert_eq!(
            fold("  “Xi’s  ‘No-Limits’ — Partnership.” "),
            "xi's 'no-limits' - partnership"
        );
        assert_eq!(
            fold("are now the best ever."),
            fold("Are now the best ever")
        );
    }

    #[test]
    fn spelling_variants_become_one() {
        assert_eq!(
            words("good neighbours, good friends and good partners"),
            words("Good neighbors, good friends, and good partners")
        );
        assert_eq!(
            words("We recognised the centre"),
            vec!["we", "recognized", "the", "center"]
        );
        assert_eq!(words("the emphasis"), vec!["the", "emphasis"]);
        assert_eq!(
            words("realistic organism organisations centred theatres prioritising"),
            words("realistic organism organizations centered theaters prioritizing")
        );
        assert_eq!(words("realistic organism"), vec!["realistic", "organism"]);
        assert_eq!(
            words("a sceptical judgement on the dialogue, privatised and demilitarised"),
            words("a skeptical judgment on the dialog, privatized and demilitarized")
        );
    }

    #[test]
    fn ellipses_and_brackets_are_gaps() {
        assert_eq!(
            tokens("we are ... [the partnership] has no limits…"),
            vec![
                Token::Word("we".into()),
                Token::Word("are".into()),
                Token::Gap,
                Token::Word("has".into()),
                Token::Word("no".into()),
                Token::Word("limits".into()),
            ],
            "a trailing ellipsis is trimmed with the edge punctuation"
        );
    }

    #[test]
    fn numbers_stay_whole_and_contractions_are_their_words() {
        assert_eq!(
            words("don't sell 4,200 km at 33.7%"),
            vec!["do", "not", "sell", "4,200", "km", "at", "33.7"]
        );
        assert_eq!(words("We won't be rushed"), words("We will not be rushed"));
        assert_eq!(
            words("They’re sure we’ll win, I’m told"),
            words("they are sure we will win, I am told")
        );
        assert_eq!(words("It cannot wait"), words("it can't wait"));
        // Not certain which words: kept whole.
        for w in ["it's", "we'd", "ain't", "o'neill", "'tis"] {
            assert_eq!(words(w), vec![w.trim_start_matches('\'')], "{w}");
        }
    }

    proptest! {
        #[test]
        fn fold_is_idempotent(s in "\\PC{0,80}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn first_letter_stems_spell_as_every_stem(
            stem in proptest::sample::select(SPELLING.iter().map(|(uk, _)| *uk).collect::<Vec<_>>()),
            head in "[a-z’]{0,2}",
            tail in "(|s|ed|ing|ise|ised|ize|l|d|ment|able|ite|ys|r)",
        ) {
            let word = format!("{head}{stem}{tail}");
            prop_assert_eq!(spelled(&word, false), spelled(&word, true));
        }

        #[test]
        fn ascii_fold_is_the_general_fold(s in "[ -~\t\n\r\x0B\x0C\x1C-\x1F]{0,80}") {
            prop_assert_eq!(fold_ascii(&s), fold_chars(&s, s.chars()));
        }

        /// Words one space apart: the lowercasing path.
        #[test]
        fn ascii_fold_of_spaced_words_is_the_general_fold(
            s in "[ .,]{0,2}([A-Za-z0-9,.'`\\[\\]-]{1,8} ){0,10}[A-Za-z0-9.,\t]{0,8}[ .]{0,2}"
        ) {
            prop_assert_eq!(fold_ascii(&s), fold_chars(&s, s.chars()));
        }

        #[test]
        fn quick_checked_fold_is_the_normalised_fold(s in "\\PC{0,80}") {
            prop_assert_eq!(fold(&s), fold_chars(&s, s.nfkc()));
        }

        #[test]
        fn words_are_stable_under_refolding(s in "\\PC{0,80}") {
            let w = words(&s);
            prop_assert_eq!(words(&w.join(" ")), w);
        }

        #[test]
        fn case_and_curly_marks_never_change_words(s in "[a-zA-Z ,.'’]{0,60}") {
            let swapped: String = s.chars().map(|c| if c == '\'' { '’' } else { c }).collect();
            prop_assert_eq!(words(&s.to_uppercase()), words(&swapped));
        }
    }
}
