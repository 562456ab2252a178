//! Claims: from a TOML claims file, a Markdown/text draft, or the command
//! line. Each becomes a [`Claim`] that `check` extracts and verifies like a
//! source.

use crate::error::Error;
use crate::source::{Document, Warning};
use crate::text::{BlockKind, blocks, sentences};
use jiff::civil::Date;
use serde::Deserialize;
use std::path::Path;

/// One claims file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimsFile {
    as_of: Option<toml::Value>,
    #[serde(default)]
    claim: Vec<ClaimEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimEntry {
    id: Option<String>,
    text: String,
    speaker: Option<String>,
    quote: Option<String>,
    sources: Option<Vec<String>>,
    ignore: Option<String>,
}

/// A claim to check.
#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub id: String,
    pub text: String,
    /// Overrides the speaker found in the text.
    pub speaker: Option<String>,
    /// The exact words to verify, overriding quotations found in the text.
    pub quote: Option<String>,
    /// Only these source ids count as evidence.
    pub sources: Option<Vec<String>>,
    /// Waived: reported, never counted in the exit code.
    pub ignore: Option<String>,
    /// Relative times in the claim resolve against this date.
    pub as_of: Option<Date>,
    /// Where the claim stands: the claims file or draft and its line.
    pub file: String,
    pub line: usize,
    /// For a draft sentence: its byte range in the draft.
    pub range: Option<std::ops::Range<usize>>,
}

/// Parses a claims file's text. Errors carry the toml crate's snippet with
/// line and column.
pub fn parse_claims_toml(path: &str, text: &str) -> Result<Vec<Claim>, Error> {
    let parse_err = |message: String| Error::Parse {
        path: path.to_string(),
        message,
    };
    let file: ClaimsFile = toml::from_str(text).map_err(|e| parse_err(e.to_string()))?;
    let as_of = match &file.as_of {
        None => None,
        Some(toml::Value::String(s)) => Some(
            crate::source::parse_date(s)
                .ok_or_else(|| parse_err(format!("as_of = \"{s}\" is not a date (YYYY-MM-DD)")))?,
        ),
        Some(toml::Value::Datetime(d)) => match d.date {
            Some(d) => Some(
                jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8)
                    .map_err(|e| parse_err(format!("as_of is not a valid date: {e}")))?,
            ),
            None => return Err(parse_err("as_of must be a date (YYYY-MM-DD)".into())),
        },
        Some(other) => {
            return Err(parse_err(format!(
                "as_of must be a date (YYYY-MM-DD), found {}",
                other.type_str()
            )));
        }
    };
    if file.claim.is_empty() {
        return Err(parse_err(
            "no claims: add at least one [[claim]] table with a `text` key".into(),
        ));
    }
    let lines = claim_lines(text);
    let mut seen = std::collections::BTreeSet::new();
    let mut out = Vec::new();
    for (i, c) in file.claim.into_iter().enumerate() {
        if c.id.as_deref().is_some_and(|id| id.trim().is_empty()) {
            return Err(parse_err(format!(
                "claim {} has an empty `id` (leave it out for `claim-{}`)",
                i + 1,
                i + 1
            )));
        }
        let id = c.id.clone().unwrap_or_else(|| format!("claim-{}", i + 1));
        if !seen.insert(id.clone()) {
            return Err(parse_err(format!("claim id `{id}` is used twice")));
        }
        if c.text.trim().is_empty() {
            return Err(parse_err(format!("claim `{id}` has an empty `text`")));
        }
        check_optional_keys(&id, &c).map_err(parse_err)?;
        out.push(Claim {
            id,
            text: c.text,
            speaker: c.speaker,
            quote: c.quote,
            sources: c.sources,
            ignore: c.ignore,
            as_of,
            file: path.to_string(),
            line: lines.get(i).copied().unwrap_or(1),
            range: None,
        });
    }
    Ok(out)
}

/// The optional keys of a claim, when given, say something: a speaker or
/// quotation with no letter or digit would be checked as written (an empty
/// speaker makes every quotation of the words `misattributed`), an empty
/// `sources` list lets nothing count as evidence, and a waiver needs its
/// reason.
fn check_optional_keys(id: &str, c: &ClaimEntry) -> Result<(), String> {
    for (key, value) in [("speaker", &c.speaker), ("quote", &c.quote)] {
        if value.as_deref().is_some_and(crate::text::says_nothing) {
            return Err(format!(
                "claim `{id}` has an empty `{key}` (leave it out to use the claim's text)"
            ));
        }
    }
    if let Some(sources) = &c.sources {
        if sources.is_empty() {
            return Err(format!(
                "claim `{id}` has an empty `sources` list (leave it out to use every source)"
            ));
        }
        if sources.iter().any(|s| s.trim().is_empty()) {
            return Err(format!(
                "claim `{id}` names an empty source id in `sources`"
            ));
        }
    }
    if c.ignore.as_deref().is_some_and(|r| r.trim().is_empty()) {
        return Err(format!(
            "claim `{id}` is waived with no reason: `ignore` takes the reason"
        ));
    }
    Ok(())
}

/// Line of each `[[claim]]` header, in order.
fn claim_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim_start();
            t.starts_with("[[claim]]") || t.starts_with("[[ claim ]]")
        })
        .map(|(i, _)| i + 1)
        .collect()
}

/// Splits a draft into candidate claims: one per sentence of running text
/// (headings skipped), id `FILE:LINE`. Which of them hold a quotation or a
/// figure is decided by the extractors in `check`.
pub fn draft_claims(doc: &Document) -> Vec<Claim> {
    let file_name = Path::new(&doc.path)
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_else(|| doc.id.to_string());
    let mut out = Vec::new();
    for b in blocks(&doc.text, doc.body_start..doc.text.len()) {
        if b.kind == BlockKind::Heading {
            continue;
        }
        for s in sentences(&doc.text, b.range.clone()) {
            let (line, _) = doc.line_col(s.start);
            out.push(Claim {
                id: format!("{file_name}:{line}"),
                text: doc.text[s.clone()].to_string(),
                speaker: None,
                quote: None,
                sources: None,
                ignore: None,
                as_of: doc.date(),
                file: doc.path.clone(),
                line,
                range: Some(s),
            });
        }
    }
    out
}

/// Two claims of a draft on one line would share the id `FILE:LINE`;
/// the later ones become `FILE:LINE.2`, `FILE:LINE.3`.
pub fn dedupe_ids(claims: &mut [Claim]) {
    let mut counts = std::collections::BTreeMap::<String, usize>::new();
    for c in claims.iter_mut() {
        let n = counts.entry(c.id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            c.id = format!("{}.{}", c.id, n);
        }
    }
}

/// What a claims file holds: a list of claims, or a draft to split.
#[derive(Debug)]
pub enum ClaimsInput {
    Claims(Vec<Claim>),
    Draft(Box<Document>, Vec<Warning>),
}

/// Loads one claims file: `.toml` as a claims file, anything else as a
/// draft. A file that cannot be decoded is an error (exit 2), not a skip.
pub fn load_claims_file(path: &Path) -> Result<ClaimsInput, Error> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(Error::Usage(format!(
            "{shown} is a folder: claims are a .toml claims file or a .md/.txt draft (sources go after --sources)"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let text = crate::source::decode(bytes).map_err(|message| Error::Parse {
        path: shown.clone(),
        message,
    })?;
    if text.trim().is_empty() {
        return Err(Error::Parse {
            path: shown,
            message: "empty file: nothing to check".into(),
        });
    }
    let is_toml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if is_toml {
        Ok(ClaimsInput::Claims(parse_claims_toml(&shown, &text)?))
    } else {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| shown.clone());
        let (doc, warnings) = Document::from_text(&id, &shown, &text);
        Ok(ClaimsInput::Draft(Box::new(doc), warnings))
    }
}

/// Claims typed with `--claim`, ids `arg-1`, `arg-2`, ...
pub fn cli_claims(texts: &[String]) -> Vec<Claim> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| Claim {
            id: format!("arg-{}", i + 1),
            text: t.clone(),
            speaker: None,
            quote: None,
            sources: None,
            ignore: None,
            as_of: None,
            file: "--claim".into(),
            line: i + 1,
            range: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_contract_example() {
        let t = r#"as_of = "2024-06-01"

[[claim]]
id = "meetings"
text = "Putin and Xi have met more than 40 times."

[[claim]]
text = 'Xi said relations "are now the best ever."'
speaker = "Xi Jinping"
quote = "are now the best ever"
sources = ["vov-2023-03"]
"#;
        let c = parse_claims_toml("c.toml", t).unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].id, "meetings");
        assert_eq!(c[0].line, 3);
        assert_eq!(c[1].id, "claim-2");
        assert_eq!(c[1].line, 7);
        assert_eq!(c[1].as_of, Some(jiff::civil::date(2024, 6, 1)));
        assert_eq!(
            c[1].sources.as_deref(),
            Some(&["vov-2023-03".to_string()][..])
        );
    }

    #[test]
    fn unknown_key_is_named_with_position() {
        let t = "[[claim]]\ntext = \"x\"\nspeakr = \"Xi\"\n";
        let e = parse_claims_toml("c.toml", t).unwrap_err().to_string();
        assert!(e.contains("speakr"), "{e}");
        assert!(e.contains("line 3"), "{e}");
    }

    #[test]
    fn optional_keys_given_empty_are_errors() {
        for (claim, says) in [
            ("id = \"\"\ntext = \"x\"", "claim 1 has an empty `id`"),
            ("text = \"x\"\nspeaker = \"\"", "empty `speaker`"),
            ("text = \"x\"\nspeaker = \"  \"", "empty `speaker`"),
            ("text = \"x\"\nquote = \"“”\"", "empty `quote`"),
            ("text = \"x\"\nsources = []", "empty `sources` list"),
            ("text = \"x\"\nsources = [\"a\", \" \"]", "empty source id"),
            ("text = \"x\"\nignore = \" \"", "waived with no reason"),
        ] {
            let t = format!("[[claim]]\n{claim}\n");
            let e = parse_claims_toml("c.toml", &t).unwrap_err().to_string();
            assert!(e.contains(says), "{claim:?}: {e}");
            assert!(e.contains("c.toml"), "{e}");
        }
        let ok = "[[claim]]\ntext = \"x\"\nspeaker = \"Xi\"\nquote = \"no limits\"\nsources = [\"a\"]\nignore = \"known\"\n";
        assert_eq!(parse_claims_toml("c.toml", ok).unwrap().len(), 1);
    }

    #[test]
    fn empty_and_bad_dates_are_errors() {
        assert!(parse_claims_toml("c.toml", "as_of = \"2024-06-01\"\n").is_err());
        let e = parse_claims_toml("c.toml", "as_of = \"soon\"\n[[claim]]\ntext = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(e.contains("soon"), "{e}");
        let ok =
            parse_claims_toml("c.toml", "as_of = 2024-06-01\n[[claim]]\ntext = \"x\"\n").unwrap();
        assert_eq!(ok[0].as_of, Some(jiff::civil::date(2024, 6, 1)));
    }

    #[test]
    fn draft_sentences_become_claims_with_line_ids() {
        let t = "---\ndate: 2024-05-20\n---\n# Heading\n\nXi said it. Trade hit $240 billion.\nNext line.\n";
        let (doc, _) = Document::from_text("draft", "claims/draft.md", t);
        let mut c = draft_claims(&doc);
        dedupe_ids(&mut c);
        let ids: Vec<&str> = c.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["draft.md:6", "draft.md:6.2", "draft.md:7"]);
        assert_eq!(c[1].text, "Trade hit $240 billion.");
        assert_eq!(c[0].as_of, Some(jiff::civil::date(2024, 5, 20)));
    }
}
