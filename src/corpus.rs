//! The extracted corpus: every source reduced to its quotations and figures,
//! plus the few facts about each source that comparisons need (date,
//! outlet). Extraction runs in parallel, one source per task; the texts are
//! not kept. With an extraction cache ([`crate::cache`]), a source whose
//! text the cache holds is decoded from it instead of extracted.

use crate::cache::{self, Cache, Entry, Key};
use crate::extract::{self, Figure, Quote, Wanted};
use crate::source::{self, Document, Warning};
use crate::speakers::SpeakerTable;
use crate::text::Shared;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// What comparisons need to know about a source.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceInfo {
    pub id: Shared,
    pub path: String,
    pub outlet: Option<Shared>,
    pub date: Option<jiff::civil::Date>,
    /// The text's length in bytes when it was read, and a hash of it
    /// ([`fingerprint`]) when its records dropped their texts: a file read
    /// back ([`Extracted::read_back`]) that differs in either has changed.
    pub len: usize,
    pub fingerprint: Option<u64>,
}

/// Files read and extracted together (see [`Extracted::from_files`]).
const BATCH: usize = 512;

/// One batch's results, in file order: each file's records (and the cache
/// entry made of them), or why it could not be read.
type Batch = Vec<Result<(FileExtraction, Option<Entry>), Warning>>;

/// One file's extraction with its front matter warnings.
type FileExtraction = (SourceInfo, extract::Extraction, Vec<Warning>);

#[derive(Clone, Debug, Default)]
pub struct Extracted {
    pub sources: Vec<SourceInfo>,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
    /// How many of the sources had their records read from a cache instead
    /// of extracted.
    pub from_cache: usize,
    by_id: rustc_hash::FxHashMap<Shared, usize>,
}

impl Extracted {
    /// Reads, extracts and drops each file in turn (in parallel, results in
    /// file order), so that only the extracted records stay in memory, never
    /// all the texts at once. Files that cannot be read become warnings;
    /// `tick` is called once per file.
    pub fn from_files(
        files: &[PathBuf],
        speakers: &SpeakerTable,
        tick: impl Fn() + Sync,
    ) -> (Self, Vec<Warning>) {
        Self::from_files_wanted(files, speakers, Wanted::ALL, tick)
    }

    /// [`Extracted::from_files`] with only the `wanted` extractors run.
    pub fn from_files_wanted(
        files: &[PathBuf],
        speakers: &SpeakerTable,
        wanted: Wanted,
        tick: impl Fn() + Sync,
    ) -> (Self, Vec<Warning>) {
        Self::from_files_cached(files, speakers, wanted, None, tick)
    }

    /// [`Extracted::from_files_wanted`] through an extraction cache: a
    /// source whose text the cache holds is not extracted again, and the
    /// cache file is written anew at the end when some source was (a cache
    /// that cannot be written is a warning; the records are the same either
    /// way).
    pub fn from_files_cached(
        files: &[PathBuf],
        speakers: &SpeakerTable,
        wanted: Wanted,
        cache: Option<&Cache>,
        tick: impl Fn() + Sync,
    ) -> (Self, Vec<Warning>) {
        let ids = source::source_ids(files);
        let mut out = Extracted::default();
        let mut warnings = Vec::new();
        let mut writer = cache.map(Cache::writer);
        // Records without their texts: the quoted words of the whole corpus
        // are kept once each (the same quotation stands in many sources).
        let mut words: rustc_hash::FxHashSet<Shared> = Default::default();
        // A batch of files at a time: each batch's records are moved into
        // the corpus before the batch after next is read, so the per-file
        // lists never all stand beside the corpus's own (that doubled the
        // records' memory). The corpus's lists get their room after the
        // first batch ([`Extracted::reserve_for`]). A batch is merged, in
        // order, while the next one is extracted: the merge is one thread's
        // work, and the other core would wait for it.
        let extract_batch = |files: &[PathBuf], ids: &[String]| -> Batch {
            files
                .par_iter()
                .zip(ids.par_iter())
                .map(|(path, id)| {
                    let result = source::read_source(path)
                        .map(|text| extract_file(path, id, text, speakers, wanted, cache));
                    tick();
                    result
                })
                .collect()
        };
        let total = files.len();
        let mut first = true;
        let mut merge = |parts: Batch, files: &[PathBuf]| {
            for (p, path) in parts.into_iter().zip(files) {
                match p {
                    Ok(((info, mut ex, w), entry)) => {
                        warnings.extend(w);
                        if !wanted.texts {
                            for q in &mut ex.quotes {
                                q.text = once(&mut words, &q.text).into();
                            }
                        }
                        out.from_cache += usize::from(entry.as_ref().is_some_and(|e| !e.fresh));
                        if let (Some(entry), Some(wr)) = (entry, writer.as_mut())
                            && let Err(w) = wr.add(&path.display().to_string(), entry)
                        {
                            warnings.push(w);
                            writer = None;
                        }
                        out.push(info, ex);
                    }
                    Err(w) => warnings.push(w),
                }
            }
            if first {
                out.reserve_for(files.len(), total);
                first = false;
            }
        };
        let mut pending: Option<(Batch, &[PathBuf])> = None;
        for (files, ids) in files.chunks(BATCH).zip(ids.chunks(BATCH)) {
            let (parts, ()) = rayon::join(
                || extract_batch(files, ids),
                || {
                    if let Some((parts, files)) = pending.take() {
                        merge(parts, files);
                    }
                },
            );
            pending = Some((parts, files));
        }
        if let Some((parts, files)) = pending {
            merge(parts, files);
        }
        if let Some(Err(w)) = writer.map(cache::Writer::finish) {
            warnings.push(w);
        }
        (out, warnings)
    }

    /// Adds one source's extraction. A figure repeated in the same source
    /// (same value, unit, qualifier, period and subject) is one claim of that
    /// source: only its first occurrence is kept for comparison.
    pub fn add(&mut self, info: SourceInfo, ex: extract::Extraction) {
        self.push(info, unrepeated(ex));
    }

    /// Room in the record lists for a corpus of `total` files, of which the
    /// first `done` are in: as many records again a file, and a quarter
    /// more. Lists grown by doubling instead are copied whole at each step,
    /// the old and the new copy standing side by side for a moment: at a
    /// gigabyte that moment was the run's peak (1.52x the corpus for a
    /// cached scan, 1.33x with the room made first). Room never written to
    /// takes no memory; room that cannot be had is not asked for.
    fn reserve_for(&mut self, done: usize, total: usize) {
        if done == 0 || done >= total {
            return;
        }
        let room = |n: usize| (n.saturating_mul(total) / done).saturating_mul(5) / 4;
        let (q, f) = (self.quotes.len(), self.figures.len());
        let _ = self.quotes.try_reserve(room(q).saturating_sub(q));
        let _ = self.figures.try_reserve(room(f).saturating_sub(f));
        let _ = self
            .sources
            .try_reserve(total.saturating_sub(self.sources.len()));
    }

    /// [`Extracted::add`] of an extraction whose repeats are gone already.
    fn push(&mut self, info: SourceInfo, ex: extract::Extraction) {
        self.by_id.insert(info.id.clone(), self.sources.len());
        self.sources.push(info);
        self.quotes.extend(ex.quotes);
        self.figures.extend(ex.figures);
    }

    pub fn source(&self, id: &str) -> Option<&SourceInfo> {
        self.by_id.get(id).map(|&i| &self.sources[i])
    }

    pub fn date_of(&self, id: &str) -> Option<jiff::civil::Date> {
        self.source(id).and_then(|s| s.date)
    }

    /// Reads pieces of sources back from their files: for records
    /// extracted without their texts ([`Wanted::texts`]), what a report
    /// shows of them. `wants` are (source id, byte range) pairs; each gets
    /// its text, or `None` where the source is unknown, can no longer be
    /// read or has changed since it was extracted (one warning per such
    /// source). Each file is read once, files in parallel.
    pub fn read_back(
        &self,
        wants: &[(Shared, std::ops::Range<u32>)],
    ) -> (Vec<Option<Shared>>, Vec<Warning>) {
        let mut by_source: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, (id, _)) in wants.iter().enumerate() {
            by_source.entry(id).or_default().push(i);
        }
        let mut by_source: Vec<(&str, Vec<usize>)> = by_source.into_iter().collect();
        by_source.sort_unstable();
        let read: Vec<ReadBack> = by_source
            .par_iter()
            .map(|(id, asked)| {
                let none = || asked.iter().map(|&i| (i, None)).collect();
                let Some(info) = self.source(id) else {
                    return (none(), None);
                };
                let path = std::path::Path::new(&info.path);
                let raw = source::read_source(path);
                let text = raw.as_deref().map_err(Clone::clone).and_then(|t| {
                    let same =
                        t.len() == info.len && info.fingerprint.is_none_or(|h| fingerprint(t) == h);
                    if same {
                        Ok(t)
                    } else {
                        Err(Warning {
                            path: info.path.clone(),
                            line: None,
                            message:
                                "changed since it was read: its evidence passages are not shown"
                                    .into(),
                        })
                    }
                });
                match text {
                    Ok(t) => {
                        let got = asked
                            .iter()
                            .map(|&i| {
                                let r = &wants[i].1;
                                (i, t.get(r.start as usize..r.end as usize).map(Shared::from))
                            })
                            .collect();
                        (got, None)
                    }
                    Err(w) => (none(), Some(w)),
                }
            })
            .collect();
        let mut out = vec![None; wants.len()];
        let mut warnings = Vec::new();
        for (got, warning) in read {
            for (i, t) in got {
                out[i] = t;
            }
            warnings.extend(warning);
        }
        (out, warnings)
    }
}

/// A fast hash of a source's text, to tell whether a file read back is
/// the one extracted (not a guard against tampering: against edits made
/// while a check runs).
pub fn fingerprint(text: &str) -> u64 {
    fingerprint_bytes(text.as_bytes())
}

/// [`fingerprint`] of bytes.
pub fn fingerprint_bytes(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.finish()
}

/// One source's pieces read back (by their place in the request), and why
/// none could be, if so.
type ReadBack = (Vec<(usize, Option<Shared>)>, Option<Warning>);

/// `text` as kept once in `seen`.
fn once(seen: &mut rustc_hash::FxHashSet<Shared>, text: &str) -> Shared {
    if let Some(s) = seen.get(text) {
        return s.clone();
    }
    let s = Shared::from(text);
    seen.insert(s.clone());
    s
}

/// A source's extraction without the repeats of a figure (the first of
/// each is kept, in order): equal value, unit, qualifier, period, subject
/// terms and noise mark.
fn unrepeated(ex: extract::Extraction) -> extract::Extraction {
    let figures = ex.figures;
    let mut seen = rustc_hash::FxHashSet::default();
    let keep: Vec<bool> = figures
        .iter()
        .map(|f| {
            seen.insert((
                f.unit,
                f.value.to_bits(),
                f.qualifier,
                f.period.as_ref().map(|p| &*p.label),
                &f.subject.terms[..],
                f.noise,
            ))
        })
        .collect();
    drop(seen);
    let figures = figures
        .into_iter()
        .zip(keep)
        .filter_map(|(f, k)| k.then_some(f))
        .collect();
    extract::Extraction { figures, ..ex }
}

/// One file's records (and the cache's entry for it, when there is a
/// cache): read from the cache when it holds the file's text, otherwise
/// extracted (and encoded for the cache).
fn extract_file(
    path: &Path,
    id: &str,
    text: String,
    speakers: &SpeakerTable,
    wanted: Wanted,
    cache: Option<&Cache>,
) -> (FileExtraction, Option<Entry>) {
    let shown = path.display().to_string();
    // Standard input cannot be read back: its records keep their texts.
    let stdin = path.as_os_str() == "-";
    let texts = wanted.texts || stdin;
    let cache = cache.filter(|_| !stdin);
    let key = cache.map(|_| Key::of(&text));
    let parts = cache::parts(wanted.quotes, wanted.figures);
    if let (Some(c), Some(key)) = (cache, key)
        && let Some(entry) = c.get(&key, parts)
        && let Some((mut info, mut ex, w)) = cache::decode(&entry.bytes, id, &shown, &text, texts)
    {
        if !wanted.quotes {
            ex.quotes.clear();
        }
        if !wanted.figures {
            ex.figures.clear();
        }
        if !texts {
            info.fingerprint = Some(key.fx);
        }
        return ((info, ex, w), Some(entry));
    }
    // A cache keeps where each text stands: extract with the texts, encode,
    // then let them go.
    let run = Wanted {
        texts: texts || cache.is_some(),
        ..wanted
    };
    let (doc, warnings) = Document::from_string(id, &shown, text);
    // Repeats are dropped here, in parallel (`add`).
    let mut ex = unrepeated(extract::extract_wanted(&doc, speakers, run));
    let mut info = info(&doc);
    let entry = key.and_then(|key| {
        cache::encode(&info, &ex, &warnings, &doc.text).map(|bytes| Entry {
            key,
            parts,
            bytes,
            fresh: true,
        })
    });
    if run.texts && !texts {
        extract::drop_texts(&mut ex);
    }
    // Only what is to be read back needs telling apart (the cache's key
    // holds the same hash).
    if !texts {
        info.fingerprint = Some(key.map_or_else(|| fingerprint(&doc.text), |k| k.fx));
    }
    ((info, ex, warnings), entry)
}

pub fn info(d: &Document) -> SourceInfo {
    SourceInfo {
        id: d.id.clone(),
        path: d.path.clone(),
        outlet: d.meta.outlet.as_deref().map(Shared::from),
        date: d.date(),
        len: d.text.len(),
        fingerprint: None,
    }
}

/// Builders for hand-made extractions, for the scan and check tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::extract::{Modality, Period, Qualifier, QuoteKind, Subject};
    use crate::text::Span;

    pub fn span(source: &str, line: u32) -> Span {
        Span {
            source: source.into(),
            line,
            column: 1,
            start: line * 100,
            end: line * 100 + 10,
        }
    }

    pub fn quote(source: &str, line: usize, text: &str, speaker: Option<&str>) -> Quote {
        Quote {
            span: span(source, crate::text::narrow(line)),
            text: text.into(),
            speaker: speaker.map(Shared::from),
            speaker_mention: speaker.map(Shared::from),
            kind: QuoteKind::Speech,
            passage: 0..0,
            passage_text: format!("“{text}”, {} said.", speaker.unwrap_or("someone")).into(),
            repeats: vec![],
        }
    }

    pub fn year(y: i16) -> Period {
        Period {
            start: jiff::civil::date(y, 1, 1),
            end: jiff::civil::date(y, 12, 31),
            label: y.to_string().into(),
        }
    }

    /// A figure with a qualifier-made interval: exact gets ±0.25 %.
    #[allow(clippy::too_many_arguments)]
    pub fn figure(
        source: &str,
        line: usize,
        value: f64,
        unit: &'static str,
        qualifier: Qualifier,
        terms: &[&str],
        period: Option<i16>,
        modality: Modality,
    ) -> Figure {
        let (low, high) = match qualifier {
            Qualifier::About => (value * 0.9, value * 1.1),
            Qualifier::Over => (value, value * 1.25),
            Qualifier::Nearly => (value * 0.9, value),
            _ => (value * 0.9975, value * 1.0025),
        };
        Figure {
            span: span(source, crate::text::narrow(line)),
            text: format!("{value} {unit}").into(),
            value,
            unit,
            qualifier,
            low,
            high,
            period: period.map(year),
            period_note: None,
            modality,
            subject: Subject {
                text: terms.join(" ").into(),
                terms: terms.iter().map(|&t| t.into()).collect(),
                head: terms.first().map(|&t| t.into()),
                name_numbers: Box::default(),
                names: Box::default(),
            },
            attributes: Box::default(),
            noise: false,
            passage: 0..0,
            passage_text: format!("The {} was {value} {unit}.", terms.join(" ")).into(),
        }
    }

    pub fn corpus(
        sources: &[(&str, Option<jiff::civil::Date>)],
        quotes: Vec<Quote>,
        figures: Vec<Figure>,
    ) -> Extracted {
        let mut ex = Extracted::default();
        for (id, date) in sources {
            let info = SourceInfo {
                id: (*id).into(),
                path: format!("{id}.md"),
                outlet: Some(format!("{id} outlet").into()),
                date: *date,
                len: 0,
                fingerprint: None,
            };
            let ex_q: Vec<Quote> = quotes
                .iter()
                .filter(|q| &*q.span.source == *id)
                .cloned()
                .collect();
            let ex_f: Vec<Figure> = figures
                .iter()
                .filter(|f| &*f.span.source == *id)
                .cloned()
                .collect();
            ex.add(
                info,
                extract::Extraction {
                    quotes: ex_q,
                    figures: ex_f,
                },
            );
        }
        ex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_keep_their_order_across_batches() {
        let dir = std::env::temp_dir().join(format!("crosscheck-batches-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let n = BATCH * 2 + 7;
        let files: Vec<PathBuf> = (0..n)
            .map(|i| {
                let path = dir.join(format!("{i:05}.md"));
                let text = format!("“We will meet again on day {i},” Anna Berg said.\n");
                std::fs::write(&path, text).expect("write source");
                path
            })
            .collect();
        let (ex, warnings) = Extracted::from_files(&files, &SpeakerTable::default(), || {});
        std::fs::remove_dir_all(&dir).expect("clean up");
        assert!(warnings.is_empty(), "{warnings:?}");
        let ids: Vec<String> = ex.sources.iter().map(|s| s.id.to_string()).collect();
        let expected: Vec<String> = (0..n).map(|i| format!("{i:05}")).collect();
        assert_eq!(ids, expected);
        assert_eq!(ex.quotes.len(), n);
        for (i, q) in ex.quotes.iter().enumerate() {
            assert_eq!(&*q.span.source, expected[i]);
            assert_eq!(&*q.text, format!("We will meet again on day {i},"));
            assert_eq!(q.speaker.as_deref(), Some("Anna Berg"));
        }
        assert_eq!(ex.source("00600").map(|s| &*s.path), files[600].to_str());
    }

    #[test]
    fn room_for_the_records_is_made_from_the_first_files() {
        let q = testing::quote("a", 1, "We will meet again,", None);
        let mut ex = testing::corpus(&[("a", None)], vec![q.clone(), q], vec![]);
        // Two quotations in the first of ten files: room for 20, and a
        // quarter more.
        ex.reserve_for(1, 10);
        assert!(ex.quotes.capacity() >= 25, "{}", ex.quotes.capacity());
        assert!(ex.sources.capacity() >= 10);
        // Nothing to scale from, or nothing to come: no more room.
        let before = ex.quotes.capacity();
        ex.reserve_for(0, 10);
        ex.reserve_for(10, 10);
        assert_eq!(ex.quotes.capacity(), before);
        // Room that cannot be had is not asked for, and nothing breaks.
        ex.reserve_for(1, usize::MAX);
        assert_eq!(ex.quotes.capacity(), before);
        assert_eq!(ex.quotes.len(), 2);
    }
}
