//! Text made at random from pieces of news and of what goes wrong in it,
//! through the whole pipeline: extraction, scan, check of a draft, and every
//! report format. Nothing may panic, and every record must point at
//! characters of its source. (A no-break space after a number once cut a
//! character in two in the unit reader: these properties find that in
//! every run.)

use crosscheck::check::{check, prepare_draft};
use crosscheck::corpus::{Extracted, info};
use crosscheck::extract::extract;
use crosscheck::findings::{ExtractReport, FigureRecord, QuoteRecord};
use crosscheck::render::{self, Format, Style};
use crosscheck::scan::scan;
use crosscheck::source::Document;
use crosscheck::speakers::SpeakerTable;
use proptest::prelude::*;

/// Quotation marks of every kind, cues and names, numbers with currencies,
/// units, qualifiers and periods, markup, and characters of several bytes
/// (no-break and em spaces, letters that fold or decompose, other scripts).
const PIECES: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "«",
    "»",
    "„",
    "—",
    "–",
    "-",
    "…",
    ".",
    "!",
    "?",
    ",",
    ";",
    ":",
    "(",
    ")",
    "\n",
    "\n\n",
    " ",
    "  ",
    "\t",
    "\u{a0}",
    "\u{2003}",
    "\u{200b}",
    "Xi",
    "Putin",
    "said",
    "told",
    "according to",
    "he",
    "she",
    "The minister",
    "Mr.",
    "U.S.",
    "President Xi Jinping",
    "XI JINPING:",
    "Q:",
    "$",
    "€",
    "£",
    "¥",
    "US$",
    "185",
    "billion",
    "bn",
    "40",
    "about",
    "over",
    "nearly",
    "between",
    "and",
    "to",
    "2023",
    "last year",
    "first quarter",
    "March 2023",
    "20 March 2023",
    "%",
    "per cent",
    "bcm",
    "tonnes",
    "times",
    "a dozen",
    "forty-two",
    "twice",
    "1,000",
    "1,2.3",
    "3.5",
    "-5",
    "−2",
    "10-20",
    "30–40",
    "¥1 000",
    "99999999999999999999",
    "#",
    "- ",
    "1. ",
    "> ",
    "İ",
    "ſ",
    "K",
    "é",
    "e\u{301}",
    "ǅ",
    "ß",
    "ﬁ",
    "½",
    "٣",
    "习近平",
    "Путин",
    // The phrasings the rules of 2026-12-07 read: small number words,
    // parts of a whole, ratios, months counted back, contractions.
    "two",
    "seven",
    "of the",
    "nine",
    "people",
    "years",
    "in",
    "1 in 10",
    "a month earlier",
    "the year to October",
    "won't",
    "lay off",
    "mm",
    // And those of the session after: bases of comparison, appositive
    // names, coordinated cues, magnitudes, temperatures, casualties.
    "higher than in 2023",
    ", when",
    "Homeland's leader, Piotr Nowak, said",
    "and said",
    "the party",
    "magnitude",
    "-magnitude",
    "41C",
    "°F",
    "injured number",
    "lost",
    "with",
    "finished first",
    "4.5pc",
    "up 0.1 point",
    "points higher",
    "raised",
    "by the",
    "memo",
    "The Chancellor, Rachel Hume,",
    "the month before",
    "the year before the vote",
    "a quarter point",
    "half a percentage point",
    "three-quarters of a point",
    "-basis-point",
    "Vell's barrister, Ruth Kamau,",
    "Vell’s wife",
    "” — Xi Jinping",
    "she told him",
    ", quoting from Raman's memo",
    ", before adding:",
    ", and added:",
    "workforce of",
    "will cost",
    "scored 27 goals in",
    "” the striker said",
    "last season",
    "the 2024-25 season",
    "2024/2",
    "per 100,000 people",
    "for every 1,000",
    "cases reached",
    "a year earlier",
    "DETROIT, June 2 (Wire One) - ",
    "LONDON (AP) — ",
    "a third point",
    "once every 10 years",
    "between 11% and 11.5%",
    "%-",
    " percent to ",
    "guidance",
    "analysts had forecast",
    "as expected",
    "more than expected",
    " seats short of a majority",
    " points behind",
    " points clear of",
    "Their leader, Erik Sandberg,",
    "**Q:** ",
    "**Raman:** ",
    "Q: ",
    "Lena Ortiz: ",
    "Update: ",
    "Tom Hale of Opinia said:",
    "of the University of Lisbon said",
    "said Opinia's research director, Tom Hale",
    "said Opinia's pollster",
    "The Bank of England said",
    "2019-20",
    "2025–26",
    "in 2025/26",
    "70mph",
    " knots",
    " km/h",
    "Homicides fell to ",
    "Amara Osei, who founded the charity Safe Corners after her nephew was stabbed,",
    ", which aims to cut emissions ",
    " now stand ",
    " below 1990 levels",
    " on the same period of ",
    "killed 19 and injured ",
    "%, and 9.3% of ",
    " 18-year-olds",
    "241g",
    " grams",
    " Fold One",
    "said the trial’s lead investigator, Professor ",
    "said cardiologist ",
    "-a-share",
    " shareholder in Lumen, who asked not to be named, said ",
    "Xi in Beijing said ",
    "The mayor of Paris, Anne Hidalgo, said ",
    "Sources at ",
    " in ",
    "Gazprom said ",
    "said the coach, Pep Guardiola",
    "Pep Guardiola, the City coach, said ",
    " the coach said",
    "Moreira, 22, scored ",
    " 18 months",
    " two weeks",
    "-week",
    " 45 minutes",
    " in the past two years",
    " in the first two months of ",
    " days after ",
    "” police said",
    "” prosecutors told ",
    " seats on Sunday",
    " Sunday's election",
    " will strike on Thursday",
    " this financial year",
    "C$5 billion",
    "HK$",
    "CHF 5.1 billion",
    " billion Swiss francs",
    "₩10 trillion",
    " Lira ",
    " growth was ",
    " GDP growth reached ",
    " economy grew ",
    " up from an earlier forecast of ",
    " in the fiscal year ending March 2027",
    " 2026-27",
    " as of October 3",
    " on 3 October",
    " October 3rd.",
    " cut the sentence from eight years to four",
    " sharply, from 4% to ",
    " ranging from ",
    "” his lawyer, Tomáš Beneš, told ",
    "” said his lawyer Tomas Benes",
    " said the company's chief executive, ",
    " four years later",
    "Two years on, ",
    "1.48C above pre-industrial levels",
    " warmed by 1.3C",
    " parts per million",
    " ppm from 2024",
    " rose from 61% in 2022 to 64%",
    " on Sunday, March 8",
    "the SNB ",
];

/// Text of up to `n` pieces, each followed by nothing, a space or a line
/// break; with a dated front matter or none.
fn text(n: usize) -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(
            (
                proptest::sample::select(PIECES),
                proptest::sample::select(&["", " ", "", "\n"][..]),
            ),
            0..n,
        ),
        any::<bool>(),
    )
        .prop_map(|(pieces, dated)| {
            let mut t = String::from(if dated {
                "---\ndate: 2024-05-16\n---\n"
            } else {
                ""
            });
            for (p, gap) in pieces {
                t.push_str(p);
                t.push_str(gap);
            }
            t
        })
}

/// Whether `r` is a range of characters of `text`.
fn on_characters(text: &str, r: std::ops::Range<usize>) -> bool {
    r.start <= r.end && text.get(r).is_some()
}

/// Whether `out` parses as `format` says it is: one JSON document, a JSON
/// value a line, or CSV rows as long as their header.
fn well_formed(format: Format, out: &str) -> Result<(), TestCaseError> {
    match format {
        Format::Json => {
            serde_json::from_str::<serde_json::Value>(out)
                .map_err(|e| TestCaseError::fail(format!("json: {e}")))?;
        }
        Format::Jsonl => {
            for line in out.lines() {
                serde_json::from_str::<serde_json::Value>(line)
                    .map_err(|e| TestCaseError::fail(format!("jsonl: {e}: {line}")))?;
            }
        }
        Format::Csv => {
            let mut rows = csv::ReaderBuilder::new().from_reader(out.as_bytes());
            let width = rows
                .headers()
                .map_err(|e| TestCaseError::fail(format!("csv header: {e}")))?
                .len();
            for row in rows.records() {
                let row = row.map_err(|e| TestCaseError::fail(format!("csv: {e}")))?;
                prop_assert_eq!(row.len(), width);
            }
        }
        _ => {}
    }
    Ok(())
}

const FORMATS: [Format; 5] = [
    Format::Table,
    Format::Json,
    Format::Jsonl,
    Format::Csv,
    Format::Markdown,
];

proptest! {
    /// Whatever the text, extraction ends, and every record's span and
    /// passage lie on characters of it.
    #[test]
    fn any_text_extracts_to_records_on_its_characters(t in text(120)) {
        let (doc, _) = Document::from_text("t", "t.md", &t);
        let ex = extract(&doc, &SpeakerTable::default());
        for q in &ex.quotes {
            prop_assert!(on_characters(&doc.text, q.span.range()), "{:?}", q.span);
            let passage = q.passage.start as usize..q.passage.end as usize;
            prop_assert!(on_characters(&doc.text, passage));
        }
        for f in &ex.figures {
            prop_assert!(on_characters(&doc.text, f.span.range()), "{:?}", f.span);
            let passage = f.passage.start as usize..f.passage.end as usize;
            prop_assert!(on_characters(&doc.text, passage));
            prop_assert!(f.value.is_finite() && f.low <= f.high, "{f:?}");
        }
    }

    /// A few such sources extracted and scanned, and a draft checked
    /// against them: each ends, and every report renders in every format.
    /// The sources and the draft share passages (so that the scan and the
    /// check have quotations and figures in common to compare), each joined
    /// with text of its own.
    #[test]
    fn any_sources_scan_and_check_and_render(
        shared in proptest::collection::vec(text(25), 1..5),
        sources in proptest::collection::vec(
            (proptest::collection::vec(any::<proptest::sample::Index>(), 0..4), text(25)),
            1..4,
        ),
        draft in (proptest::collection::vec(any::<proptest::sample::Index>(), 0..3), text(15)),
    ) {
        let join = |picks: &[proptest::sample::Index], own: &str| {
            let mut t = String::new();
            for p in picks {
                t.push_str(p.get::<String>(&shared));
                t.push_str("\n\n");
            }
            t.push_str(own);
            t
        };
        let speakers = SpeakerTable::default();
        let mut ex = Extracted::default();
        for (i, (picks, own)) in sources.iter().enumerate() {
            let t = join(picks, own);
            let (doc, _) = Document::from_text(&format!("s{i}"), &format!("s{i}.md"), &t);
            ex.add(info(&doc), extract(&doc, &speakers));
        }
        let style = Style::default();
        let extracted = ExtractReport {
            quotes: ex.quotes.iter().map(QuoteRecord::from).collect(),
            figures: ex.figures.iter().map(FigureRecord::from).collect(),
        };
        for format in FORMATS {
            let out = render::extract(&extracted, format, &style);
            prop_assert!(out.is_ok());
            well_formed(format, &out.unwrap())?;
        }
        let (draft, _) = Document::from_text("draft", "draft.md", &join(&draft.0, &draft.1));
        let claims = prepare_draft(&draft, &speakers);
        let checked = check(&claims, &ex, &speakers);
        prop_assert_eq!(checked.claims.len(), claims.len());
        let scanned = scan(ex, &speakers);
        for format in FORMATS {
            let scan_out = render::scan(&scanned, format, &style);
            let check_out = render::check(&checked, format, &style);
            prop_assert!(scan_out.is_ok() && check_out.is_ok());
            for out in [scan_out.unwrap(), check_out.unwrap()] {
                well_formed(format, &out)?;
            }
        }
        prop_assert!(render::check(&checked, Format::Github, &style).is_ok());
    }
}
