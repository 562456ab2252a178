//! Extraction: from one [`Document`] to its quotations and figures.
//!
//! The types here are the interface between the extractors and everything
//! after them (scan, check, renderers). Extractors fill them; nothing after
//! extraction looks at raw text again except through the spans.

pub mod figure;
pub mod period;
pub mod quote;

use crate::source::Document;
use crate::speakers::SpeakerTable;
use crate::text::{Shared, SharedSlice, Span};
use serde::{Serialize, Serializer};

/// What kind of quoted span this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    /// Words someone said or wrote.
    Speech,
    /// A scare-quoted word or short phrase with no speech cue.
    Term,
    /// A quoted title of an article, book, plan.
    Title,
}

impl QuoteKind {
    /// Every kind, in the order of the type.
    pub const ALL: [QuoteKind; 3] = [QuoteKind::Speech, QuoteKind::Term, QuoteKind::Title];

    /// The kind as the reports spell it (what serde writes).
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Term => "term",
            QuoteKind::Title => "title",
        }
    }
}

/// One direct quotation in one source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted words, without the marks.
    pub span: Span,
    /// The quoted words as written (for a multi-paragraph quotation the
    /// paragraphs joined by a single space, marks removed): a slice of
    /// `passage_text` when the words stand in it as they are.
    pub text: SharedSlice,
    /// Canonical speaker name, if one could be attributed.
    pub speaker: Option<Shared>,
    /// The words in the source that named the speaker ("he", "Mr. Putin").
    pub speaker_mention: Option<Shared>,
    pub kind: QuoteKind,
    /// The passage a reader would look for: the sentence (or block) holding
    /// the quotation and its attribution.
    /// Where the passage stands: its byte range in the source text.
    pub passage: std::ops::Range<u32>,
    pub passage_text: Shared,
    /// Other places in the same source where the same quotation stands again
    /// (standfirst, pull quote). Not a second source agreeing.
    pub repeats: Vec<Span>,
}

/// How exact a figure claims to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    Exact,
    About,
    Over,
    Under,
    AtLeast,
    AtMost,
    Nearly,
    Range,
}

impl Qualifier {
    /// Every qualifier, in the order of the type.
    pub const ALL: [Qualifier; 8] = [
        Qualifier::Exact,
        Qualifier::About,
        Qualifier::Over,
        Qualifier::Under,
        Qualifier::AtLeast,
        Qualifier::AtMost,
        Qualifier::Nearly,
        Qualifier::Range,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::About => "about",
            Qualifier::Over => "over",
            Qualifier::Under => "under",
            Qualifier::AtLeast => "at-least",
            Qualifier::AtMost => "at-most",
            Qualifier::Nearly => "nearly",
            Qualifier::Range => "range",
        }
    }
}

/// Whether a figure reports what happened, a goal, or an expectation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Modality {
    Actual,
    Target,
    Forecast,
}

impl Modality {
    /// Every modality, in the order of the type.
    pub const ALL: [Modality; 3] = [Modality::Actual, Modality::Target, Modality::Forecast];

    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Actual => "actual",
            Modality::Target => "target",
            Modality::Forecast => "forecast",
        }
    }
}

/// The time a figure is about: an inclusive range of days, with the label
/// the contract prints ("2022", "2023-03", "2023-01/2023-02", "2010/2023").
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub start: jiff::civil::Date,
    pub end: jiff::civil::Date,
    /// Shared: a corpus holds a period per figure and few distinct ones
    /// ([`crate::text::intern`]).
    pub label: Shared,
}

impl Period {
    /// Whether two periods share at least one day.
    pub fn overlaps(&self, other: &Period) -> bool {
        self.start <= other.end && other.start <= self.end
    }

    /// Whether two periods are the same stretch of time. A year that runs
    /// into the next ("2026-27", whose months the text does not say) is
    /// also the same as any twelve months from the first year into the
    /// 2027"): that is what such a year is, wherever it starts; and never
    /// the same as the two calendar years its dates span ("between 2026
    /// and 2027").
    pub fn same(&self, other: &Period) -> bool {
        match (self.is_split_year(), other.is_split_year()) {
            (true, false) => self.split_year_of(other),
            (false, true) => other.split_year_of(self),
            _ => self.start == other.start && self.end == other.end,
        }
    }

    /// Whether the period is a year that runs into the next: "2025-26".
    pub fn is_split_year(&self) -> bool {
        let l = self.label.as_bytes();
        l.len() == 7 && l[4] == b'-' && self.end.year() == self.start.year() + 1
    }

    /// Whether `self` is a split year and `other` twelve whole months
    /// begun in its first year and ended in its second.
    fn split_year_of(&self, other: &Period) -> bool {
        let (s, e) = (other.start, other.end);
        let months = i32::from(e.year() - s.year()) * 12 + i32::from(e.month() - s.month()) + 1;
        s.year() == self.start.year()
            && e.year() == self.end.year()
            && s.day() == 1
            && e == e.last_of_month()
            && months == 12
    }
}

impl Serialize for Period {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.label)
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// What a figure measures: the phrase for display and its normalised
/// content terms (stemmed, lowercase, stop words dropped) for matching.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Subject {
    // The lists are boxed slices (fixed once made): 8 bytes smaller each.
    pub text: Shared,
    /// Each term is [`crate::text::intern`]ed: figures about the same
    /// things share their term words.
    pub terms: Box<[Shared]>,
    /// The term the figure most directly quantifies: the noun it counts
    /// ("14 documents") or the nearest content word before it ("have met
    /// 40 times" gives "meet").
    pub head: Option<Shared>,
    /// Numbers that are part of a name next to the figure ("Power of
    /// Siberia 2"): two figures about differently numbered things differ.
    pub name_numbers: Box<[Shared]>,
    /// The terms that come from names (capitalised words inside the
    /// sentence: places, pipelines, people): "trade between Russia and
    /// China" has `russia`, `china`. Two subjects that both name things
    /// are about the same thing only when one's names are among the
    /// other's.
    pub names: Box<[Shared]>,
}

/// The words a figure's `attributes` hold, each spelled once here.
pub mod attribute {
    /// "a record $185 billion": not a qualifier, the value stays exact.
    pub const RECORD: &str = "record";
    /// A part of a whole, in percent ("90% of the trade").
    pub const SHARE: &str = "share";
    /// A change up ("rose by $1.5 billion", "a 26% increase").
    pub const RISE: &str = "rise";
    /// A change down ("fell 5%", "dropped by nearly $10").
    pub const FALL: &str = "fall";
    /// The level a change started from, its period not written beside it
    /// ("rose from $147 billion to $190 billion last year": the first
    /// figure is not last year's).
    pub const EARLIER: &str = "earlier";
    /// A count that is a part of a whole ("seven of the nine members voted
    /// to hold"): not a kind, but two parts are one subject only when what
    /// each part did agrees, since the parts of one whole differ.
    pub const PART: &str = "part";
    /// How far one thing stands from another ("12 seats short of a
    /// majority", "10 points behind the champions", "three points clear of
    /// Rovers"): not the level of either.
    pub const GAP: &str = "gap";
    /// What a figure is when it is not a level. Figures of different
    /// kinds (none is a kind too) are never compared.
    pub const KINDS: &[&str] = &[SHARE, RISE, FALL, EARLIER, GAP];
    /// What a figure is counted per, when its words say ("GDP per capita",
    /// "a monthly wage", "0.6% month on month", "$63 a barrel"): a basis.
    /// Figures on different bases, or one on a basis and one on none, are
    /// never compared. A year is the basis a figure has when none is said
    /// ("annual inflation", "50 bcm a year"), so it is none.
    pub const PER_HEAD: &str = "per-head";
    pub const PER_MONTH: &str = "per-month";
    pub const PER_QUARTER: &str = "per-quarter";
    pub const PER_WEEK: &str = "per-week";
    pub const PER_DAY: &str = "per-day";
    pub const PER_HOUR: &str = "per-hour";
    /// A quarter's or a month's rate scaled to a year ("grew at an
    /// annualised rate of 1.2%").
    pub const ANNUALISED: &str = "annualised";
    pub const PER_BARREL: &str = "per-barrel";
    pub const PER_TONNE: &str = "per-tonne";
    pub const PER_SHARE: &str = "per-share";
    /// A price of one of anything else ("$3 a gallon", "per kilo").
    pub const PER_UNIT: &str = "per-unit";
    /// A rate of a population ("23 cases per 100,000 people", "4.1 deaths
    /// per 1,000 live births"), by the size of the population it counts in.
    pub const PER_THOUSAND: &str = "per-1000";
    pub const PER_TEN_THOUSAND: &str = "per-10000";
    pub const PER_HUNDRED_THOUSAND: &str = "per-100000";
    pub const PER_MILLION: &str = "per-million";
    pub const BASES: &[&str] = &[
        PER_HEAD,
        PER_MONTH,
        PER_QUARTER,
        PER_WEEK,
        PER_DAY,
        PER_HOUR,
        ANNUALISED,
        PER_BARREL,
        PER_TONNE,
        PER_SHARE,
        PER_UNIT,
        PER_THOUSAND,
        PER_TEN_THOUSAND,
        PER_HUNDRED_THOUSAND,
        PER_MILLION,
    ];
    /// Every attribute there is: a record, the kinds and the bases.
    pub fn all() -> impl Iterator<Item = &'static str> {
        [RECORD, PART]
            .into_iter()
            .chain(KINDS.iter().copied())
            .chain(BASES.iter().copied())
    }
}

/// One figure in one source.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// The figure as written, qualifier words included ("more than 40 times"):
    /// a slice of `passage_text`.
    pub span: Span,
    pub text: SharedSlice,
    /// Normalised value: magnitudes applied, percentages as percent.
    pub value: f64,
    /// Canonical unit: ISO currency code, `percent`, `percentage-points`,
    /// `km`, `m3`, `tonnes`, `barrels`, `years`, `count`, `times`, ...
    pub unit: &'static str,
    pub qualifier: Qualifier,
    /// The interval the qualifier makes of the value.
    pub low: f64,
    pub high: f64,
    /// Resolved period, if stated and resolvable.
    pub period: Option<Period>,
    /// Why the period is missing when the text names a relative one that
    /// could not be resolved ("last year" in an undated source).
    pub period_note: Option<String>,
    pub modality: Modality,
    pub subject: Subject,
    /// Attributes that are not qualifiers: a record, and what the figure
    /// is when not a level ([`attribute`]).
    pub attributes: Box<[&'static str]>,
    /// Page furniture (subscription prices, caption dates): kept for
    /// `extract`, never compared.
    pub noise: bool,
    /// The sentence holding the figure.
    /// Where the passage stands: its byte range in the source text.
    pub passage: std::ops::Range<u32>,
    pub passage_text: Shared,
}

/// Everything extracted from one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Extraction {
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
}

/// Which extractors to run: `check` runs only those its claims need (no
/// figure extraction for claims that hold only quotations).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wanted {
    pub quotes: bool,
    pub figures: bool,
    /// Whether the records keep the texts only a report shows: passages,
    /// the figure as written, the speaker's mention. Without them
    /// ([`Quote::drop_texts`], [`Figure::drop_texts`]) a corpus takes about
    /// a sixth less memory, and what is shown of a record is read back from
    /// its source ([`crate::corpus::Extracted::read_back`]).
    pub texts: bool,
}

impl Wanted {
    pub const ALL: Wanted = Wanted {
        quotes: true,
        figures: true,
        texts: true,
    };
}

impl Quote {
    /// Lets go of what only a report shows: `passage_text` becomes `empty`
    /// and the speaker's mention goes; the quoted words get their own copy
    /// (they are compared). `passage` still says where the passage stands,
    /// to read it back from the source.
    pub fn drop_texts(&mut self, empty: &Shared) {
        self.text = Shared::from(&*self.text).into();
        self.passage_text = empty.clone();
        self.speaker_mention = None;
    }
}

impl Figure {
    /// Lets go of every text a comparison does not read: the passage, the
    /// figure as written and the subject's words become `empty` (the
    /// subject's terms stay). `passage` and `span` still say where they
    /// stand, to read them back from the source.
    pub fn drop_texts(&mut self, empty: &Shared) {
        self.text = empty.clone().into();
        self.passage_text = empty.clone();
        self.subject.text = empty.clone();
    }
}

/// Runs both extractors on one document.
pub fn extract(doc: &Document, speakers: &SpeakerTable) -> Extraction {
    extract_wanted(doc, speakers, Wanted::ALL)
}

/// Runs the `wanted` extractors on one document (the others' lists stay
/// empty).
pub fn extract_wanted(doc: &Document, speakers: &SpeakerTable, wanted: Wanted) -> Extraction {
    // Blocks and sentences are cut once for both extractors.
    let layout = crate::text::Layout::new(&doc.text, doc.body_start..doc.text.len());
    let mut ex = Extraction {
        quotes: if wanted.quotes {
            quote::extract_quotes_in(doc, &layout, speakers)
        } else {
            Vec::new()
        },
        figures: if wanted.figures {
            figure::extract_figures_in(doc, &layout)
        } else {
            Vec::new()
        },
    };
    if !wanted.texts {
        drop_texts(&mut ex);
    }
    ex
}

/// Lets go of the texts only a report shows, in every record of one
/// document ([`Quote::drop_texts`], [`Figure::drop_texts`]).
pub fn drop_texts(ex: &mut Extraction) {
    // One empty text per document, shared by its records.
    let empty: Shared = "".into();
    ex.quotes.iter_mut().for_each(|q| q.drop_texts(&empty));
    ex.figures.iter_mut().for_each(|f| f.drop_texts(&empty));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_without_texts_differ_only_in_what_a_report_shows() {
        let text = "---\ndate: 2024-05-16\n---\nPutin told reporters that trade grew to $240 billion in 2023. “We have met about 40 times,” Xi said.\n";
        let (doc, _) = Document::from_text("a", "a.md", text);
        let sp = SpeakerTable::default();
        let full = extract(&doc, &sp);
        let lean = extract_wanted(
            &doc,
            &sp,
            Wanted {
                texts: false,
                ..Wanted::ALL
            },
        );
        assert!(!full.quotes.is_empty() && full.figures.len() >= 2);
        assert_eq!(full.quotes.len(), lean.quotes.len());
        assert_eq!(full.figures.len(), lean.figures.len());
        for (f, l) in full.quotes.iter().zip(&lean.quotes) {
            assert!(f.speaker_mention.is_some() && l.speaker_mention.is_none());
            assert!(!f.passage_text.is_empty() && l.passage_text.is_empty());
            let mut l = l.clone();
            l.passage_text = f.passage_text.clone();
            l.speaker_mention = f.speaker_mention.clone();
            assert_eq!(f, &l);
        }
        for (f, l) in full.figures.iter().zip(&lean.figures) {
            assert!(l.text.is_empty() && l.passage_text.is_empty() && l.subject.text.is_empty());
            assert_eq!(&doc.text[f.span.range()], &*f.text);
            let mut l = l.clone();
            (l.text, l.passage_text) = (f.text.clone(), f.passage_text.clone());
            l.subject.text = f.subject.text.clone();
            assert_eq!(f, &l);
        }
    }

    /// Whether `all` lists each value at the place `place` gives it.
    fn in_place<T: Copy>(all: &[T], place: impl Fn(T) -> usize) -> bool {
        all.iter().enumerate().all(|(i, &v)| place(v) == i)
    }

    #[test]
    fn each_all_holds_every_value_once() {
        // A new value fails to compile here until it is given a place.
        assert!(in_place(&Qualifier::ALL, |q| match q {
            Qualifier::Exact => 0,
            Qualifier::About => 1,
            Qualifier::Over => 2,
            Qualifier::Under => 3,
            Qualifier::AtLeast => 4,
            Qualifier::AtMost => 5,
            Qualifier::Nearly => 6,
            Qualifier::Range => 7,
        }));
        assert!(in_place(&QuoteKind::ALL, |k| match k {
            QuoteKind::Speech => 0,
            QuoteKind::Term => 1,
            QuoteKind::Title => 2,
        }));
        assert!(in_place(&Modality::ALL, |m| match m {
            Modality::Actual => 0,
            Modality::Target => 1,
            Modality::Forecast => 2,
        }));
    }

    #[test]
    fn a_quote_kind_reads_as_serde_writes_it() {
        for k in QuoteKind::ALL {
            assert_eq!(
                serde_json::to_value(k).expect("json"),
                serde_json::Value::from(k.as_str())
            );
        }
    }
}
