//! The extraction cache (`--cache DIR`): what was extracted from each source,
//! kept between runs, so that an archive scanned or checked again and again
//! is read every time but extracted once.
//!
//! One file, `DIR/extractions.bin`: a header (the format, and a key of the
//! code and the speaker table that made it: a cache made by other code or
//! other aliases is not used), each source's records, and at the end an
//! index of them. A source is found by its text (its length and two 64-bit
//! hashes of its bytes), never by its path or modification time: a file that
//! is edited is extracted again, one touched, copied or moved is not. The
//! records hold no text the source holds: passages, quotations and figures
//! as written are ranges of the source, taken from the file as it is read.
//!
//! Nothing read from the cache is trusted: an entry whose checksum, bounds,
//! character boundaries, dates or units do not hold is a miss, and its source
//! is extracted again. The cache is only ever written whole, to a temporary
//! file renamed over the old one, and only when a run extracted something it
//! did not hold.

use crate::corpus::SourceInfo;
use crate::extract::attribute;
use crate::extract::{Extraction, Figure, Modality, Period, Qualifier, Quote, QuoteKind, Subject};
use crate::source::Warning;
use crate::speakers::SpeakerTable;
use crate::text::{Shared, SharedSlice, Span, intern};
use rustc_hash::{FxHashMap, FxHashSet};
use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The cache file's name in its folder.
pub const FILE_NAME: &str = "extractions.bin";

/// The first bytes of a cache file, and the version of its layout.
const MAGIC: &[u8; 16] = b"crosscheck-cache";
const FORMAT: u32 = 2;
/// The last bytes of a complete cache file.
const END: &[u8; 8] = b"ccindex.";
/// Header: magic, format, engine key.
const HEADER_LEN: u64 = 16 + 4 + 8;
/// Footer: index offset, entry count, end mark.
const FOOTER_LEN: u64 = 8 + 8 + 8;

/// Which lists an entry holds (a `check` whose claims hold no figure does
/// not extract figures).
pub const QUOTES: u8 = 1;
pub const FIGURES: u8 = 2;

/// What tells one text from another: its length in bytes and two unrelated
/// hashes of them ([`crate::corpus::fingerprint`] and XXH3: both read
/// the bytes several at a time; the SipHash that XXH3 replaced was 5.6 %
/// of a cached scan's instructions).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Key {
    pub len: u64,
    pub fx: u64,
    pub xxh3: u64,
}

impl Key {
    pub fn of(text: &str) -> Key {
        Key {
            len: text.len() as u64,
            fx: crate::corpus::fingerprint(text),
            xxh3: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
        }
    }
}

/// The lists a run wants, as entry flags.
pub fn parts(quotes: bool, figures: bool) -> u8 {
    (if quotes { QUOTES } else { 0 }) | (if figures { FIGURES } else { 0 })
}

/// Where an entry stands in the cache file.
#[derive(Clone, Debug)]
struct Stored {
    parts: u8,
    offset: u64,
    size: u32,
    check: u64,
    /// The path it was last read from: a later run that reads this path
    /// and finds other text replaces it.
    path: String,
}

/// An open cache: the index of its file (the records stay on disk until
/// asked for).
pub struct Cache {
    dir: PathBuf,
    engine: u64,
    file: Option<File>,
    entries: FxHashMap<Key, Stored>,
    #[cfg(not(unix))]
    seek: std::sync::Mutex<()>,
}

/// One source's entry, as a run passes it to [`Writer::add`]: read from the
/// cache (`fresh` false) or just encoded.
pub struct Entry {
    pub key: Key,
    pub parts: u8,
    pub bytes: Vec<u8>,
    pub fresh: bool,
}

/// The key of the code and settings that extraction depends on.
fn engine(speakers: &SpeakerTable) -> u64 {
    let mut h = std::hash::DefaultHasher::new();
    FORMAT.hash(&mut h);
    env!("CARGO_PKG_VERSION").hash(&mut h);
    env!("CROSSCHECK_CODE_HASH").hash(&mut h);
    format!("{speakers:?}").hash(&mut h);
    h.finish()
}

fn warning(dir: &Path, message: String) -> Warning {
    Warning {
        path: dir.display().to_string(),
        line: None,
        message,
    }
}

impl Cache {
    /// The cache in `dir` (made if missing) for extraction with `speakers`.
    /// A cache file that cannot be read, or was made by other code or other
    /// speaker aliases, is set aside (it is replaced at the end of the run);
    /// only the first is a warning. A folder that cannot be made is an
    /// error.
    pub fn open(dir: &Path, speakers: &SpeakerTable) -> Result<(Cache, Option<Warning>), Warning> {
        std::fs::create_dir_all(dir)
            .map_err(|e| warning(dir, format!("cannot make the cache folder: {e}")))?;
        let mut cache = Cache {
            dir: dir.to_path_buf(),
            engine: engine(speakers),
            file: None,
            entries: FxHashMap::default(),
            #[cfg(not(unix))]
            seek: std::sync::Mutex::new(()),
        };
        let path = dir.join(FILE_NAME);
        let file = match File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok((cache, None)),
            Err(e) => {
                return Ok((
                    cache,
                    Some(warning(&path, format!("cannot read the cache: {e}"))),
                ));
            }
        };
        match read_index(&file, cache.engine) {
            Ok(Some(entries)) => {
                cache.entries = entries;
                cache.file = Some(file);
                Ok((cache, None))
            }
            // Another version's cache: replaced, silently.
            Ok(None) => Ok((cache, None)),
            Err(m) => Ok((
                cache,
                Some(warning(&path, format!("{m}; the cache is made again"))),
            )),
        }
    }

    /// How many sources the cache holds.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry for a text, if the cache holds one with at least the
    /// `wanted` lists ([`parts`]) and it reads back intact.
    pub fn get(&self, key: &Key, wanted: u8) -> Option<Entry> {
        let s = self.entries.get(key)?;
        if s.parts & wanted != wanted {
            return None;
        }
        let bytes = self.read(s)?;
        Some(Entry {
            key: *key,
            parts: s.parts,
            bytes,
            fresh: false,
        })
    }

    fn read(&self, s: &Stored) -> Option<Vec<u8>> {
        let file = self.file.as_ref()?;
        let mut buf = vec![0; s.size as usize];
        read_at(self, file, &mut buf, s.offset).ok()?;
        (crate::corpus::fingerprint_bytes(&buf) == s.check).then_some(buf)
    }

    /// A writer of this run's entries, to be given each source's entry in
    /// order and finished at the end.
    pub fn writer(&self) -> Writer<'_> {
        Writer {
            cache: self,
            pending: Vec::new(),
            out: None,
            seen_paths: FxHashSet::default(),
        }
    }
}

#[cfg(unix)]
fn read_at(_: &Cache, file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    use std::os::unix::fs::FileExt;
    file.read_exact_at(buf, offset)
}

#[cfg(not(unix))]
fn read_at(cache: &Cache, mut file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    let _one_at_a_time = cache.seek.lock().unwrap_or_else(|e| e.into_inner());
    file.seek(SeekFrom::Start(offset))?;
    file.read_exact(buf)
}

/// The entries of a cache file made with `engine`, `None` if it was made by
/// other code or settings, or what is wrong with it.
fn read_index(file: &File, engine: u64) -> Result<Option<FxHashMap<Key, Stored>>, String> {
    let mut f = file;
    let size = f
        .metadata()
        .map_err(|e| format!("cannot read the cache: {e}"))?
        .len();
    if size < HEADER_LEN + FOOTER_LEN {
        return Err("the cache file is cut short".into());
    }
    let mut head = [0u8; HEADER_LEN as usize];
    f.read_exact(&mut head)
        .map_err(|e| format!("cannot read the cache: {e}"))?;
    if &head[..16] != MAGIC {
        return Err("not a crosscheck cache file".into());
    }
    let format = u32::from_le_bytes(head[16..20].try_into().expect("4 bytes"));
    let made_by = u64::from_le_bytes(head[20..28].try_into().expect("8 bytes"));
    if format != FORMAT || made_by != engine {
        return Ok(None);
    }
    let mut foot = [0u8; FOOTER_LEN as usize];
    f.seek(SeekFrom::Start(size - FOOTER_LEN))
        .and_then(|_| f.read_exact(&mut foot))
        .map_err(|e| format!("cannot read the cache: {e}"))?;
    let index_at = u64::from_le_bytes(foot[0..8].try_into().expect("8 bytes"));
    let count = u64::from_le_bytes(foot[8..16].try_into().expect("8 bytes"));
    if &foot[16..] != END || index_at < HEADER_LEN || index_at > size - FOOTER_LEN {
        return Err("the cache file is incomplete".into());
    }
    let mut index = vec![0u8; (size - FOOTER_LEN - index_at) as usize];
    f.seek(SeekFrom::Start(index_at))
        .and_then(|_| f.read_exact(&mut index))
        .map_err(|e| format!("cannot read the cache: {e}"))?;
    let bad = || "the cache's index is damaged".to_string();
    let mut r = Reader::new(&index);
    let mut entries = FxHashMap::default();
    for _ in 0..count {
        let key = Key {
            len: r.u64().ok_or_else(bad)?,
            fx: r.u64().ok_or_else(bad)?,
            xxh3: r.u64().ok_or_else(bad)?,
        };
        let stored = Stored {
            parts: r.u8().ok_or_else(bad)?,
            offset: r.u64().ok_or_else(bad)?,
            size: r.u32().ok_or_else(bad)?,
            check: r.u64().ok_or_else(bad)?,
            path: r.str().ok_or_else(bad)?.to_string(),
        };
        let end = stored.offset.checked_add(u64::from(stored.size));
        if stored.offset < HEADER_LEN || end.is_none_or(|e| e > index_at) {
            return Err(bad());
        }
        entries.insert(key, stored);
    }
    if !r.done() {
        return Err(bad());
    }
    Ok(Some(entries))
}

/// Writes a run's entries as the new cache file, if the run changed it.
pub struct Writer<'a> {
    cache: &'a Cache,
    /// Entries read from the cache before the first fresh one: they are
    /// written only if something fresh follows.
    pending: Vec<(String, Key, u8)>,
    out: Option<Out>,
    seen_paths: FxHashSet<String>,
}

/// The new cache file being written.
struct Out {
    file: BufWriter<tempfile::NamedTempFile>,
    at: u64,
    index: Vec<(Key, Stored)>,
    written: FxHashSet<Key>,
}

impl Out {
    fn put(&mut self, path: &str, key: Key, parts: u8, bytes: &[u8]) -> std::io::Result<()> {
        if !self.written.insert(key) {
            return Ok(());
        }
        let size = u32::try_from(bytes.len())
            .map_err(|_| std::io::Error::other("an entry larger than 4 GiB"))?;
        self.file.write_all(bytes)?;
        self.index.push((
            key,
            Stored {
                parts,
                offset: self.at,
                size,
                check: crate::corpus::fingerprint_bytes(bytes),
                path: path.to_string(),
            },
        ));
        self.at += bytes.len() as u64;
        Ok(())
    }
}

impl Writer<'_> {
    /// This run's entry for the source at `path` (as shown in warnings).
    pub fn add(&mut self, path: &str, entry: Entry) -> Result<(), Warning> {
        self.seen_paths.insert(path.to_string());
        if self.out.is_none() {
            if !entry.fresh {
                self.pending
                    .push((path.to_string(), entry.key, entry.parts));
                return Ok(());
            }
            self.start()?;
        }
        let out = self.out.as_mut().expect("started");
        out.put(path, entry.key, entry.parts, &entry.bytes)
            .map_err(|e| self.fail(e))
    }

    fn fail(&self, e: std::io::Error) -> Warning {
        warning(&self.cache.dir, format!("cannot write the cache: {e}"))
    }

    /// Opens the new file and copies into it the entries read so far.
    fn start(&mut self) -> Result<(), Warning> {
        let mut builder = tempfile::Builder::new();
        // Readable by whoever may read the folder, as any file written there
        // (a temporary file is the owner's alone by default).
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o644));
        }
        let tmp = builder
            .prefix(".extractions")
            .tempfile_in(&self.cache.dir)
            .map_err(|e| self.fail(e))?;
        let mut out = Out {
            file: BufWriter::with_capacity(1 << 20, tmp),
            at: HEADER_LEN,
            index: Vec::new(),
            written: FxHashSet::default(),
        };
        let header = [
            &MAGIC[..],
            &FORMAT.to_le_bytes(),
            &self.cache.engine.to_le_bytes(),
        ]
        .concat();
        out.file.write_all(&header).map_err(|e| self.fail(e))?;
        for (path, key, parts) in std::mem::take(&mut self.pending) {
            if let Some(e) = self.cache.get(&key, parts) {
                out.put(&path, key, parts, &e.bytes)
                    .map_err(|e| self.fail(e))?;
            }
        }
        self.out = Some(out);
        Ok(())
    }

    /// Writes the new cache file (this run's entries and the old ones whose
    /// path it did not read) over the old one, if anything was fresh.
    /// Returns whether it wrote.
    pub fn finish(mut self) -> Result<bool, Warning> {
        let Some(mut out) = self.out.take() else {
            return Ok(false);
        };
        let mut kept: Vec<(&Key, &Stored)> = self
            .cache
            .entries
            .iter()
            .filter(|(k, s)| !out.written.contains(*k) && !self.seen_paths.contains(&s.path))
            .collect();
        kept.sort_by_key(|(_, s)| s.offset);
        for (key, s) in kept {
            if let Some(bytes) = self.cache.read(s) {
                out.put(&s.path, *key, s.parts, &bytes)
                    .map_err(|e| self.fail(e))?;
            }
        }
        let mut index = Vec::new();
        for (k, s) in &out.index {
            for n in [k.len, k.fx, k.xxh3] {
                index.extend_from_slice(&n.to_le_bytes());
            }
            index.push(s.parts);
            index.extend_from_slice(&s.offset.to_le_bytes());
            index.extend_from_slice(&s.size.to_le_bytes());
            index.extend_from_slice(&s.check.to_le_bytes());
            put_str(&mut index, &s.path);
        }
        index.extend_from_slice(&out.at.to_le_bytes());
        index.extend_from_slice(&(out.index.len() as u64).to_le_bytes());
        index.extend_from_slice(END);
        out.file.write_all(&index).map_err(|e| self.fail(e))?;
        let tmp = out
            .file
            .into_inner()
            .map_err(|e| self.fail(e.into_error()))?;
        // Not synced to disk: a file cut short by a crash fails the checks
        // of `read_index` and is made again.
        tmp.persist(self.cache.dir.join(FILE_NAME))
            .map_err(|e| self.fail(e.error))?;
        Ok(true)
    }
}

// ---------------------------------------------------------------------------
// One source's entry: its front matter facts, warnings and records.

/// The bytes of one source's entry. `text` is the source's text (without a
/// byte order mark) the records were extracted from, with their texts
/// ([`crate::extract::Wanted::texts`]). `None` when a record's passage is
/// not the source's text at its range (then the source is not cached).
pub fn encode(
    info: &SourceInfo,
    ex: &Extraction,
    warnings: &[Warning],
    text: &str,
) -> Option<Vec<u8>> {
    let mut w = Vec::with_capacity(64 + 48 * ex.quotes.len() + 96 * ex.figures.len());
    put_opt_str(&mut w, info.outlet.as_deref());
    put_opt_date(&mut w, info.date);
    put_var(&mut w, warnings.len() as u64);
    for x in warnings {
        put_var(&mut w, x.line.map_or(0, |l| l as u64 + 1));
        put_str(&mut w, &x.message);
    }
    put_var(&mut w, ex.quotes.len() as u64);
    for q in &ex.quotes {
        put_place(&mut w, text, &q.span, &q.passage, &q.passage_text, &q.text)?;
        put_opt_str(&mut w, q.speaker.as_deref());
        put_opt_str(&mut w, q.speaker_mention.as_deref());
        w.push(code(&QuoteKind::ALL, q.kind)?);
        put_var(&mut w, q.repeats.len() as u64);
        for s in &q.repeats {
            put_span(&mut w, s);
        }
    }
    put_var(&mut w, ex.figures.len() as u64);
    for f in &ex.figures {
        put_place(&mut w, text, &f.span, &f.passage, &f.passage_text, &f.text)?;
        w.extend_from_slice(&f.value.to_le_bytes());
        put_str(&mut w, f.unit);
        w.push(code(&Qualifier::ALL, f.qualifier)?);
        w.extend_from_slice(&f.low.to_le_bytes());
        w.extend_from_slice(&f.high.to_le_bytes());
        match &f.period {
            None => w.push(0),
            Some(p) => {
                w.push(1);
                put_opt_date(&mut w, Some(p.start));
                put_opt_date(&mut w, Some(p.end));
                put_str(&mut w, &p.label);
            }
        }
        put_opt_str(&mut w, f.period_note.as_deref());
        w.push(code(&Modality::ALL, f.modality)?);
        let s = &f.subject;
        put_str(&mut w, &s.text);
        put_strs(&mut w, &s.terms);
        put_opt_str(&mut w, s.head.as_deref());
        put_strs(&mut w, &s.name_numbers);
        put_strs(&mut w, &s.names);
        put_var(&mut w, f.attributes.len() as u64);
        for a in &f.attributes {
            put_str(&mut w, a);
        }
        w.push(u8::from(f.noise));
    }
    Some(w)
}

/// A value's byte: its place in `all` (the type's `ALL`, read back by
/// [`Reader::one_of`]).
fn code<T: PartialEq>(all: &[T], v: T) -> Option<u8> {
    u8::try_from(all.iter().position(|x| *x == v)?).ok()
}

/// One source's records from its entry: what extraction with `texts` would
/// give for the source `id` at `path` whose text is `text` (the one whose
/// [`Key`] found the entry). `None` if the entry does not hold together.
pub fn decode(
    bytes: &[u8],
    id: &str,
    path: &str,
    text: &str,
    texts: bool,
) -> Option<(SourceInfo, Extraction, Vec<Warning>)> {
    let mut r = Reader::new(bytes);
    let id: Shared = id.into();
    let empty: Shared = "".into();
    let outlet = r.opt_str()?.map(Shared::from);
    let date = r.opt_date()?;
    let mut warnings = Vec::new();
    for _ in 0..r.count()? {
        let line = r.var()?;
        warnings.push(Warning {
            path: path.to_string(),
            line: line.checked_sub(1).map(|l| l as usize),
            message: r.str()?.to_string(),
        });
    }
    let passage = |range: &std::ops::Range<u32>| -> Option<Shared> {
        if !texts {
            return Some(empty.clone());
        }
        text.get(range.start as usize..range.end as usize)
            .map(Shared::from)
    };
    let n = r.count()?;
    let mut quotes = Vec::with_capacity(n);
    for _ in 0..n {
        let span = r.span(&id)?;
        let range = r.range()?;
        let passage_text = passage(&range)?;
        let words = r.slice(text, &range, &passage_text, texts)?;
        let speaker = r.opt_str()?.map(intern);
        let mention = r.opt_str()?.map(intern);
        let kind = r.one_of(&QuoteKind::ALL)?;
        let n = r.count()?;
        let mut repeats = Vec::with_capacity(n);
        for _ in 0..n {
            repeats.push(r.span(&id)?);
        }
        quotes.push(Quote {
            span,
            text: words,
            speaker,
            speaker_mention: if texts { mention } else { None },
            kind,
            passage: range,
            passage_text,
            repeats,
        });
    }
    let n = r.count()?;
    let mut figures = Vec::with_capacity(n);
    for _ in 0..n {
        let span = r.span(&id)?;
        let range = r.range()?;
        let passage_text = passage(&range)?;
        let written = if texts {
            r.slice(text, &range, &passage_text, true)?
        } else {
            r.skip_slice()?;
            empty.clone().into()
        };
        let value = r.f64()?;
        let unit = crate::extract::figure::unit::canonical(r.str()?)?;
        let qualifier = r.one_of(&Qualifier::ALL)?;
        let low = r.f64()?;
        let high = r.f64()?;
        let period = match r.u8()? {
            0 => None,
            1 => Some(Period {
                start: r.opt_date()??,
                end: r.opt_date()??,
                label: intern(r.str()?),
            }),
            _ => return None,
        };
        let period_note = r.opt_str()?.map(str::to_string);
        let modality = r.one_of(&Modality::ALL)?;
        let subject_text = r.str()?;
        let subject = Subject {
            text: if texts {
                subject_text.into()
            } else {
                empty.clone()
            },
            terms: r.strs()?,
            head: r.opt_str()?.map(intern),
            name_numbers: r.strs()?,
            names: r.strs()?,
        };
        let mut attributes = Vec::new();
        for _ in 0..r.count()? {
            let a = r.str()?;
            attributes.push(attribute::all().find(|x| *x == a)?);
        }
        let noise = match r.u8()? {
            0 => false,
            1 => true,
            _ => return None,
        };
        figures.push(Figure {
            span,
            text: written,
            value,
            unit,
            qualifier,
            low,
            high,
            period,
            period_note,
            modality,
            subject,
            attributes: attributes.into(),
            noise,
            passage: range,
            passage_text,
        });
    }
    if !r.done() {
        return None;
    }
    let info = SourceInfo {
        id,
        path: path.to_string(),
        outlet,
        date,
        len: text.len(),
        fingerprint: None,
    };
    Some((info, Extraction { quotes, figures }, warnings))
}

// ---------------------------------------------------------------------------
// The byte layout: LEB128 numbers, strings as length and bytes.

fn put_var(w: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        w.push((n as u8) | 0x80);
        n >>= 7;
    }
    w.push(n as u8);
}

fn put_str(w: &mut Vec<u8>, s: &str) {
    put_var(w, s.len() as u64);
    w.extend_from_slice(s.as_bytes());
}

fn put_opt_str(w: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => w.push(0),
        Some(s) => {
            w.push(1);
            put_str(w, s);
        }
    }
}

fn put_strs(w: &mut Vec<u8>, list: &[Shared]) {
    put_var(w, list.len() as u64);
    for s in list {
        put_str(w, s);
    }
}

fn put_opt_date(w: &mut Vec<u8>, d: Option<jiff::civil::Date>) {
    match d {
        None => w.push(0),
        Some(d) => {
            w.push(1);
            w.extend_from_slice(&d.year().to_le_bytes());
            w.push(d.month() as u8);
            w.push(d.day() as u8);
        }
    }
}

fn put_span(w: &mut Vec<u8>, s: &Span) {
    for n in [s.line, s.column, s.start, s.end] {
        put_var(w, u64::from(n));
    }
}

fn put_range(w: &mut Vec<u8>, r: &std::ops::Range<u32>) {
    put_var(w, u64::from(r.start));
    put_var(w, u64::from(r.end));
}

/// Where a record stands (its span and passage) and its words (`words`),
/// if its passage is the source's `text` at its range.
fn put_place(
    w: &mut Vec<u8>,
    text: &str,
    span: &Span,
    passage: &std::ops::Range<u32>,
    passage_text: &str,
    words: &str,
) -> Option<()> {
    if text.get(passage.start as usize..passage.end as usize)? != passage_text {
        return None;
    }
    put_span(w, span);
    put_range(w, passage);
    put_slice(w, words, passage_text);
    Some(())
}

/// A text a record keeps: a piece of its passage (by its place in it, as
/// the record holds it) or its own words.
fn put_slice(w: &mut Vec<u8>, s: &str, passage: &str) {
    let (p, t) = (passage.as_ptr() as usize, s.as_ptr() as usize);
    if p <= t && t + s.len() <= p + passage.len() {
        w.push(0);
        put_var(w, (t - p) as u64);
        put_var(w, s.len() as u64);
    } else {
        w.push(1);
        put_str(w, s);
    }
}

/// Reads what the `put_` functions wrote; every read is checked.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    fn done(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let got = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(got)
    }

    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    /// A value written by [`code`].
    fn one_of<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(usize::from(self.u8()?)).copied()
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    fn var(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            n |= u64::from(b & 0x7f).checked_shl(shift)?;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn var32(&mut self) -> Option<u32> {
        u32::try_from(self.var()?).ok()
    }

    /// A count of items, each at least a byte long: never more than the
    /// bytes left (a damaged count does not allocate).
    fn count(&mut self) -> Option<usize> {
        let n = usize::try_from(self.var()?).ok()?;
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    fn str(&mut self) -> Option<&'a str> {
        let n = usize::try_from(self.var()?).ok()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    fn opt_str(&mut self) -> Option<Option<&'a str>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.str()?)),
            _ => None,
        }
    }

    fn strs(&mut self) -> Option<Box<[Shared]>> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(intern(self.str()?));
        }
        Some(out.into())
    }

    fn opt_date(&mut self) -> Option<Option<jiff::civil::Date>> {
        match self.u8()? {
            0 => Some(None),
            1 => {
                let y = i16::from_le_bytes(self.take(2)?.try_into().ok()?);
                let (m, d) = (self.u8()?, self.u8()?);
                jiff::civil::Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?)
                    .ok()
                    .map(Some)
            }
            _ => None,
        }
    }

    fn span(&mut self, source: &Shared) -> Option<Span> {
        Some(Span {
            source: source.clone(),
            line: self.var32()?,
            column: self.var32()?,
            start: self.var32()?,
            end: self.var32()?,
        })
    }

    fn range(&mut self) -> Option<std::ops::Range<u32>> {
        let (start, end) = (self.var32()?, self.var32()?);
        (start <= end).then_some(start..end)
    }

    /// A text written by [`put_slice`]. Without `texts` the passage is
    /// empty: a piece of it is copied from the source.
    fn slice(
        &mut self,
        text: &str,
        passage: &std::ops::Range<u32>,
        passage_text: &Shared,
        texts: bool,
    ) -> Option<SharedSlice> {
        match self.u8()? {
            0 => {
                let start = usize::try_from(self.var()?).ok()?;
                let len = usize::try_from(self.var()?).ok()?;
                let range = start..start.checked_add(len)?;
                if texts {
                    SharedSlice::new(passage_text, range)
                } else {
                    let at = passage.start as usize;
                    let whole = text.get(at..passage.end as usize)?;
                    whole.get(range).map(|s| Shared::from(s).into())
                }
            }
            1 => Some(Shared::from(self.str()?).into()),
            _ => None,
        }
    }

    fn skip_slice(&mut self) -> Option<()> {
        match self.u8()? {
            0 => {
                self.var()?;
                self.var()?;
            }
            1 => {
                self.str()?;
            }
            _ => return None,
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Extracted;
    use crate::extract::Wanted;
    use proptest::prelude::*;

    fn sample_files() -> Vec<PathBuf> {
        crate::source::collect_files(&[PathBuf::from("sources")]).expect("the sample corpus")
    }

    fn assert_same(a: &(Extracted, Vec<Warning>), b: &(Extracted, Vec<Warning>)) {
        assert_eq!(a.0.sources, b.0.sources);
        assert_eq!(a.0.quotes, b.0.quotes);
        assert_eq!(a.0.figures, b.0.figures);
        assert_eq!(a.1, b.1);
    }

    const WANTS: [Wanted; 4] = [
        Wanted::ALL,
        Wanted {
            texts: false,
            ..Wanted::ALL
        },
        Wanted {
            quotes: true,
            figures: false,
            texts: false,
        },
        Wanted {
            quotes: false,
            figures: true,
            texts: true,
        },
    ];

    fn cached(dir: &Path, files: &[PathBuf], wanted: Wanted) -> (Extracted, Vec<Warning>) {
        let sp = SpeakerTable::default();
        let (cache, w) = Cache::open(dir, &sp).expect("a cache folder");
        assert_eq!(w, None);
        Extracted::from_files_cached(files, &sp, wanted, Some(&cache), || {})
    }

    #[test]
    fn records_from_the_cache_are_the_extracted_ones() {
        let files = sample_files();
        let sp = SpeakerTable::default();
        for wanted in WANTS {
            let dir = tempfile::tempdir().expect("tempdir");
            let plain = Extracted::from_files_wanted(&files, &sp, wanted, || {});
            assert!(!plain.0.quotes.is_empty() || !plain.0.figures.is_empty());
            // Made, then read.
            assert_same(&plain, &cached(dir.path(), &files, wanted));
            let (cache, _) = Cache::open(dir.path(), &sp).expect("cache");
            assert_eq!(cache.len(), files.len(), "{wanted:?}");
            assert_same(&plain, &cached(dir.path(), &files, wanted));
            // Every other want through the same cache: an entry with fewer
            // lists than wanted is extracted again.
            for other in WANTS {
                let plain = Extracted::from_files_wanted(&files, &sp, other, || {});
                assert_same(&plain, &cached(dir.path(), &files, other));
            }
        }
    }

    #[test]
    fn a_run_that_extracts_nothing_leaves_the_file_alone() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files = sample_files();
        cached(dir.path(), &files, Wanted::ALL);
        let file = dir.path().join(FILE_NAME);
        let before = std::fs::read(&file).expect("written");
        std::fs::write(dir.path().join("marker"), "").expect("write");
        let (cache, _) = Cache::open(dir.path(), &SpeakerTable::default()).expect("cache");
        let mut w = cache.writer();
        for f in &files {
            let text = std::fs::read_to_string(f).expect("read");
            let key = Key::of(&text);
            let entry = cache.get(&key, QUOTES | FIGURES).expect("held");
            w.add(&f.display().to_string(), entry).expect("add");
        }
        assert!(!w.finish().expect("finish"), "nothing was fresh");
        assert_eq!(std::fs::read(&file).expect("still there"), before);
    }

    #[test]
    fn an_edited_source_is_extracted_again_and_the_others_are_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let src = tempfile::tempdir().expect("tempdir");
        let a = src.path().join("a.md");
        let b = src.path().join("b.md");
        std::fs::write(&a, "Xi said “we are good friends” on Monday.\n").expect("write");
        std::fs::write(&b, "Trade reached $240 billion in 2023.\n").expect("write");
        let both = vec![a.clone(), b.clone()];
        cached(dir.path(), &both, Wanted::ALL);
        std::fs::write(&a, "Putin said “we are good neighbours” on Monday.\n").expect("write");
        let got = cached(dir.path(), &both, Wanted::ALL);
        assert_eq!(got.0.quotes.len(), 1);
        assert_eq!(&*got.0.quotes[0].text, "we are good neighbours");
        assert_eq!(got.0.quotes[0].speaker.as_deref(), Some("Putin"));
        // A run over `a` alone keeps `b`'s entry; the old `a` is gone.
        cached(dir.path(), &[a], Wanted::ALL);
        let (cache, _) = Cache::open(dir.path(), &SpeakerTable::default()).expect("cache");
        assert_eq!(cache.len(), 2);
        let b_text = std::fs::read_to_string(&b).expect("read");
        assert!(cache.get(&Key::of(&b_text), QUOTES | FIGURES).is_some());
    }

    #[test]
    fn a_cache_made_with_other_aliases_is_not_used() {
        let dir = tempfile::tempdir().expect("tempdir");
        cached(dir.path(), &sample_files(), Wanted::ALL);
        let mut entries = std::collections::BTreeMap::new();
        entries.insert("Xi Jinping".to_string(), vec!["Chairman Xi".to_string()]);
        let other = SpeakerTable::from_config(&entries);
        let (cache, w) = Cache::open(dir.path(), &other).expect("cache");
        assert!(cache.is_empty() && w.is_none());
    }

    #[test]
    fn a_damaged_cache_is_a_warning_and_made_again() {
        let files = sample_files();
        let plain =
            Extracted::from_files_wanted(&files, &SpeakerTable::default(), Wanted::ALL, || {});
        let dir = tempfile::tempdir().expect("tempdir");
        cached(dir.path(), &files, Wanted::ALL);
        let file = dir.path().join(FILE_NAME);
        let good = std::fs::read(&file).expect("written");
        let sp = SpeakerTable::default();
        // Cut short, not a cache at all, an index pointing out of the file.
        let mut bad_index = good.clone();
        let n = bad_index.len();
        bad_index[n - 24..n - 16].copy_from_slice(&u64::MAX.to_le_bytes());
        // An entry whose offset and size run past the end of numbers.
        let mut bad_offset = good.clone();
        let at = u64::from_le_bytes(good[n - 24..n - 16].try_into().expect("8 bytes")) as usize;
        bad_offset[at + 25..at + 33].copy_from_slice(&(u64::MAX - 3).to_le_bytes());
        for bad in [
            good[..good.len() / 2].to_vec(),
            b"hello".to_vec(),
            bad_index,
            bad_offset,
        ] {
            std::fs::write(&file, &bad).expect("write");
            let (cache, w) = Cache::open(dir.path(), &sp).expect("cache");
            assert!(cache.is_empty());
            assert!(w.expect("a warning").message.contains("made again"));
            let got = Extracted::from_files_cached(&files, &sp, Wanted::ALL, Some(&cache), || {});
            assert_same(&plain, &got);
        }
        // A record's bytes changed: its checksum fails, the source is
        // extracted again.
        std::fs::write(&file, &good).expect("write");
        let mut flipped = good.clone();
        flipped[HEADER_LEN as usize + 3] ^= 0x55;
        std::fs::write(&file, &flipped).expect("write");
        let (cache, w) = Cache::open(dir.path(), &sp).expect("cache");
        assert!(w.is_none() && cache.len() == files.len());
        let got = Extracted::from_files_cached(&files, &sp, Wanted::ALL, Some(&cache), || {});
        assert_same(&plain, &got);
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("in-the-way");
        std::fs::write(&file, "").expect("write");
        let err = Cache::open(&file.join("cache"), &SpeakerTable::default())
            .err()
            .expect("an error");
        assert!(
            err.message.contains("cannot make the cache folder"),
            "{err}"
        );
    }

    #[test]
    fn every_sample_entry_decodes_to_its_records() {
        // A unit, attribute or field the codec does not know would make
        // every such source a miss: slow, never wrong, so only this shows it.
        let mut files = sample_files();
        files.extend(
            crate::source::collect_files(&[PathBuf::from("tests/fixtures/hard")]).expect("files"),
        );
        let sp = SpeakerTable::default();
        let (mut quotes, mut figures) = (0, 0);
        for file in files {
            let text = std::fs::read_to_string(&file).expect("read");
            let (doc, warnings) = crate::source::Document::from_text("s", "s.md", &text);
            let ex = crate::extract::extract(&doc, &sp);
            let info = crate::corpus::info(&doc);
            let bytes = encode(&info, &ex, &warnings, &doc.text).expect("encodes");
            let (got_info, got, got_warnings) =
                decode(&bytes, "s", "s.md", &doc.text, true).expect("decodes");
            assert_eq!(got_info, info, "{}", file.display());
            assert_eq!(got, ex, "{}", file.display());
            assert_eq!(got_warnings, warnings);
            quotes += ex.quotes.len();
            figures += ex.figures.len();
        }
        assert!(
            quotes > 50 && figures > 50,
            "{quotes} quotations, {figures} figures"
        );
    }

    /// One sample source's text and entry bytes.
    fn sample_entry() -> (String, Vec<u8>) {
        let path = PathBuf::from("sources");
        let file = crate::source::collect_files(&[path]).expect("files")[0].clone();
        let text = std::fs::read_to_string(&file).expect("read");
        let (doc, warnings) = crate::source::Document::from_text("s", "s.md", &text);
        let ex = crate::extract::extract(&doc, &SpeakerTable::default());
        let bytes = encode(&crate::corpus::info(&doc), &ex, &warnings, &doc.text).expect("encodes");
        (doc.text, bytes)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Damaged entries (a byte changed, cut short) decode to something
        /// or to nothing, never to a panic.
        #[test]
        fn damaged_entries_never_panic(at in 0usize..100_000, to in any::<u8>(), cut in any::<bool>(), texts in any::<bool>()) {
            let (text, mut bytes) = sample_entry();
            let at = at % bytes.len();
            if cut {
                bytes.truncate(at);
            } else {
                bytes[at] = to;
            }
            let _ = decode(&bytes, "s", "s.md", &text, texts);
            // Against another text too (shorter than the ranges).
            let _ = decode(&bytes, "s", "s.md", &text[..text.len() / 3], texts);
        }

        #[test]
        fn numbers_read_back(ns in proptest::collection::vec(any::<u64>(), 0..20), s in "\\PC{0,30}") {
            let mut w = Vec::new();
            for &n in &ns {
                put_var(&mut w, n);
            }
            put_str(&mut w, &s);
            let mut r = Reader::new(&w);
            for &n in &ns {
                prop_assert_eq!(r.var(), Some(n));
            }
            prop_assert_eq!(r.str(), Some(s.as_str()));
            prop_assert!(r.done());
        }
    }
}
