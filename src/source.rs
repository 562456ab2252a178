//! Loading sources: files and folders (recursively, `.txt` and `.md`), or
//! standard input; YAML front matter; BOM and CRLF; skipping what is not text.

use crate::error::Error;
use crate::text::{LineIndex, Shared, Span, narrow};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest source read, in bytes. Bigger files are skipped with a warning.
pub const MAX_SOURCE_BYTES: u64 = 64 * 1024 * 1024;

/// Extensions read from folders. A file named explicitly is read whatever its
/// extension.
pub const SOURCE_EXTENSIONS: &[&str] = &["md", "txt", "markdown"];

/// Front matter of a source. Unknown keys are kept in `extra`.
#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub date: Option<Date>,
    pub url: Option<String>,
    pub language: Option<String>,
}

/// One loaded source document.
#[derive(Clone, Debug)]
pub struct Document {
    /// Source id: the file stem, made unique across the run.
    pub id: Shared,
    /// Path as given or found (`-` for standard input).
    pub path: String,
    pub meta: Meta,
    /// The whole text as stored, a byte-order mark included: offsets into
    /// it are offsets into the file.
    pub text: String,
    /// Byte offset where the body starts (after the front matter).
    pub body_start: usize,
    lines: LineIndex,
}

/// A problem that does not stop the run: reported on stderr, the run goes on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}", self.path, l, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl Document {
    /// Builds a document from text already in memory. Front matter problems
    /// are returned as warnings; the document is always produced.
    pub fn from_text(id: &str, path: &str, text: &str) -> (Document, Vec<Warning>) {
        Self::from_string(id, path, text.to_string())
    }

    /// [`Document::from_text`] of a text already owned. A byte-order mark
    /// stays in the text, before the front matter and the body, so that
    /// byte offsets count from the start of the file.
    pub fn from_string(id: &str, path: &str, text: String) -> (Document, Vec<Warning>) {
        let lines = LineIndex::new(&text);
        let mut warnings = Vec::new();
        let bom = bom_len(&text);
        let (meta, after_bom) = parse_front_matter(&text[bom..], path, &mut warnings);
        let body_start = bom + after_bom;
        let doc = Document {
            id: id.into(),
            path: path.to_string(),
            meta,
            text,
            body_start,
            lines,
        };
        (doc, warnings)
    }

    /// The text after the front matter.
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// 1-based line and column of a byte offset in `text`. A byte-order
    /// mark is no character of the first line.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let (line, column) = self.lines.line_col(&self.text, offset);
        let bom = bom_len(&self.text);
        let after_bom = line == 1 && bom > 0 && offset >= bom;
        (line, column - usize::from(after_bom))
    }

    /// The span of a byte range of `text`.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (line, column) = self.line_col(start);
        Span {
            source: self.id.clone(),
            line: narrow(line),
            column: narrow(column),
            start: narrow(start),
            end: narrow(end),
        }
    }

    pub fn line_index(&self) -> &LineIndex {
        &self.lines
    }

    /// Publication date from the front matter, if any.
    pub fn date(&self) -> Option<Date> {
        self.meta.date
    }
}

#[derive(Deserialize, Default)]
struct RawMeta {
    title: Option<serde_yaml_ng::Value>,
    outlet: Option<serde_yaml_ng::Value>,
    author: Option<serde_yaml_ng::Value>,
    date: Option<serde_yaml_ng::Value>,
    url: Option<serde_yaml_ng::Value>,
    language: Option<serde_yaml_ng::Value>,
}

/// The front matter fields crosscheck reads, as strings.
#[derive(Debug, Default, PartialEq)]
struct Fields {
    title: Option<String>,
    outlet: Option<String>,
    author: Option<String>,
    date: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

impl From<RawMeta> for Fields {
    fn from(raw: RawMeta) -> Self {
        Fields {
            title: yaml_string(raw.title),
            outlet: yaml_string(raw.outlet),
            author: yaml_string(raw.author),
            // A list or a mapping is no date: kept as written, so that the
            // warning shows it.
            date: match raw.date {
                Some(
                    v @ (serde_yaml_ng::Value::Sequence(_)
                    | serde_yaml_ng::Value::Mapping(_)
                    | serde_yaml_ng::Value::Tagged(_)),
                ) => Some(serde_json::to_string(&v).unwrap_or_else(|_| "(a mapping)".into())),
                v => yaml_string(v),
            },
            url: yaml_string(raw.url),
            language: yaml_string(raw.language),
        }
    }
}

/// The fields of front matter in the plain form nearly every source uses
/// (one `key: value` a line, values plain or in double quotes without
/// escapes), read without the YAML parser; `None` for anything else
/// (nesting, lists, comments, single quotes, escapes, repeated keys, values
/// YAML would read as numbers, booleans or null), which the parser reads.
/// Where it answers, it answers what the parser would.
fn simple_fields(yaml: &str) -> Option<Fields> {
    fields_by_line(yaml, |line| {
        if line.trim().is_empty() {
            return Some(None);
        }
        let (key, value) = line.split_once(": ")?;
        Some(Some((key, plain_or_quoted(value)?)))
    })
}

/// The fields of front matter that YAML refuses but that reads plainly as
/// one `key: value` a line (unindented; comment lines and blank lines
/// aside): each value is the rest of its line, without the quotes around
/// it, and a date without a trailing ` # comment`. `None` when a line is
/// anything else (nesting, lists, continuations), or a key comes twice.
fn line_fields(yaml: &str) -> Option<Fields> {
    fields_by_line(yaml, |line| {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            return Some(None);
        }
        let (key, value) = line.split_once(':')?;
        let mut value = value.trim();
        if key == "date" {
            value = value.split(" #").next().unwrap_or(value).trim_end();
        }
        for q in ['"', '\''] {
            if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
                value = inner;
            }
        }
        Some((!value.is_empty()).then_some((key, value)))
    })
}

/// Fields read a line at a time: `entry` gives a line's key and value,
/// `Some(None)` for a line to pass over, or `None` for a line it cannot
/// read, which fails the whole. A key must be a plain name, and come once.
fn fields_by_line<'a>(
    yaml: &'a str,
    entry: impl Fn(&'a str) -> Option<Option<(&'a str, &'a str)>>,
) -> Option<Fields> {
    let mut f = Fields::default();
    let mut seen: Vec<&str> = Vec::new();
    for line in yaml.lines() {
        let Some((key, value)) = entry(line)? else {
            continue;
        };
        let key_ok = key.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
        if !key_ok || seen.contains(&key) {
            return None;
        }
        seen.push(key);
        let slot = match key {
            "title" => &mut f.title,
            "outlet" => &mut f.outlet,
            "author" => &mut f.author,
            "date" => &mut f.date,
            "url" => &mut f.url,
            "language" => &mut f.language,
            _ => continue,
        };
        *slot = Some(value.to_string());
    }
    Some(f)
}

/// A one-line YAML value that is a string for certain: in double quotes
/// with no escape or quote inside, or plain with no YAML indicator, no
/// comment, no `: `, and not a word or number YAML gives another type.
fn plain_or_quoted(value: &str) -> Option<&str> {
    let v = value.trim_end_matches([' ', '\r']);
    if let Some(inner) = v.strip_prefix('"') {
        let inner = inner.strip_suffix('"')?;
        return (!inner.contains(['"', '\\'])).then_some(inner);
    }
    let first = v.chars().next()?;
    let indicator = "-?:,[]{}#&*!|>'\"%@` \t".contains(first);
    let typed_word = [
        "~", "null", "true", "false", "yes", "no", "on", "off", ".inf", ".nan",
    ]
    .iter()
    .any(|w| v.eq_ignore_ascii_case(w));
    // A number, or what might be one: left to the parser, but for a date
    // (`2024-05-17`, `2024-05-17T10:00:00Z`), which YAML reads as a string.
    let numeric = first.is_ascii_digit() || first == '+' || first == '.';
    let date = v.len() >= 10
        && v.as_bytes()[..10].iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        })
        && (v.len() == 10 || v.as_bytes()[10] == b'T');
    let unsafe_text = v.contains(": ") || v.contains(" #") || v.ends_with(':') || v.contains('\t');
    (!indicator && !typed_word && (!numeric || date) && !unsafe_text).then_some(v)
}

fn yaml_string(v: Option<serde_yaml_ng::Value>) -> Option<String> {
    match v? {
        serde_yaml_ng::Value::String(s) => Some(s),
        serde_yaml_ng::Value::Number(n) => Some(n.to_string()),
        serde_yaml_ng::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Parses `---` front matter at the very top. Returns the metadata and the
/// byte offset where the body starts. An unterminated block or bad YAML is a
/// warning and the whole file is read as body.
fn parse_front_matter(text: &str, path: &str, warnings: &mut Vec<Warning>) -> (Meta, usize) {
    let first_line_end = text.find('\n').unwrap_or(text.len());
    if text[..first_line_end].trim_end() != "---" {
        return (Meta::default(), 0);
    }
    let mut pos = first_line_end + 1;
    let mut close = None;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..end].trim_end();
        if line == "---" || line == "..." {
            close = Some((pos, (end + 1).min(text.len())));
            break;
        }
        pos = end + 1;
    }
    let Some((yaml_end, body_start)) = close else {
        warnings.push(Warning {
            path: path.to_string(),
            line: Some(1),
            message:
                "front matter starts with `---` but is never closed; reading the whole file as text"
                    .into(),
        });
        return (Meta::default(), 0);
    };
    let yaml = &text[first_line_end + 1..yaml_end];
    let fields: Fields = if yaml.trim().is_empty() {
        Fields::default()
    } else if let Some(f) = simple_fields(yaml) {
        f
    } else {
        match serde_yaml_ng::from_str::<RawMeta>(yaml) {
            Ok(r) => r.into(),
            Err(e) => {
                let line = e.location().map(|l| l.line() + 1);
                // "title: Rates: what the cut means": a colon in a plain
                // value is no YAML, but the writer's meaning is plain, and
                // losing the date would leave every relative period
                // unresolved. Read line by line when every line allows it.
                let Some(f) = line_fields(yaml) else {
                    warnings.push(Warning {
                        path: path.to_string(),
                        line,
                        message: format!("front matter is not valid YAML ({e}); metadata ignored"),
                    });
                    return (Meta::default(), body_start);
                };
                warnings.push(Warning {
                    path: path.to_string(),
                    line,
                    message: format!(
                        "front matter is not valid YAML ({e}); read one `key: value` a line, everything after the first `: ` as the value"
                    ),
                });
                f
            }
        }
    };
    let date_line = yaml
        .lines()
        .position(|l| l.trim_start().starts_with("date:"))
        .map(|i| i + 2);
    let date = match fields.date {
        None => None,
        Some(s) => match parse_date(&s) {
            Some(d) => Some(d),
            None => {
                warnings.push(Warning {
                    path: path.to_string(),
                    line: date_line,
                    message: format!(
                        "front matter date `{s}` is not a date (expected YYYY-MM-DD, or a month by its name: 21 March 2023); relative periods in this source stay unresolved"
                    ),
                });
                None
            }
        },
    };
    let meta = Meta {
        title: fields.title,
        outlet: fields.outlet,
        author: fields.author,
        date,
        url: fields.url,
        language: fields.language,
    };
    (meta, body_start)
}

/// Accepts `YYYY-MM-DD`, optionally followed by a time after `T` or a
/// space (`2023-03-21T10:00:00Z`), and the forms that leave no doubt which
/// number is the day: `2023/3/21`, `21 March 2023`, `March 21, 2023` (a
/// month's name in full or cut short, `Sept.` and `Mar.` as news style
/// writes them; a weekday before it). `03/04/2023` is refused, not guessed.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Some(day) = s.get(..10)
        && s[10..]
            .chars()
            .next()
            .is_none_or(|c| matches!(c, 'T' | 't' | ' '))
        && let Ok(d) = day.parse::<Date>()
    {
        return Some(d);
    }
    const FORMS: [&str; 12] = [
        "%Y-%m-%d",
        "%Y/%m/%d",
        "%d %B %Y",
        "%d %b %Y",
        "%B %d, %Y",
        "%b %d, %Y",
        "%B %d %Y",
        "%b %d %Y",
        "%A, %B %d, %Y",
        "%A, %b %d, %Y",
        "%A, %d %B %Y",
        "%A %d %B %Y",
    ];
    // "Sept. 5, 2023": jiff's short names are three letters, without a dot.
    let plain = s
        .split_whitespace()
        .map(|w| match w.strip_suffix('.').unwrap_or(w) {
            "Sept" | "sept" => "Sep",
            w => w,
        })
        .collect::<Vec<_>>()
        .join(" ");
    FORMS
        .iter()
        .filter_map(|f| Date::strptime(f, &plain).ok())
        // A year of four digits: "March 2023" is no 20th of March in 23.
        .find(|d| d.year() >= 1000)
}

/// What loading a set of paths produced.
#[derive(Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub warnings: Vec<Warning>,
}

/// Collects the files behind `paths` (files as given; folders recursively,
/// sources by extension, sorted), without reading them.
pub fn collect_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(p.clone());
            continue;
        }
        let meta = std::fs::metadata(p).map_err(|e| Error::io(p, e))?;
        if meta.is_dir() {
            walk(p, &mut out).map_err(|e| Error::io(p, e))?;
        } else {
            out.push(p.clone());
        }
    }
    // Paths that overlap ("sources sources/a.md", a folder given twice)
    // reach some files twice: each is one source, read once, or it would
    // agree with itself as a second source. Only then is each file's real
    // path asked for (a system call a file): paths that do not overlap, or
    // one path alone, reach each file once.
    let real = |p: &PathBuf| std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
    let roots: Vec<PathBuf> = paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .map(real)
        .collect();
    let overlap = roots.iter().enumerate().any(|(i, a)| {
        roots
            .iter()
            .enumerate()
            .any(|(j, b)| i != j && b.starts_with(a))
    });
    if overlap {
        let mut seen = std::collections::HashSet::new();
        out.retain(|p| p.as_os_str() == "-" || seen.insert(real(p)));
    }
    Ok(out)
}

/// The sources under `dir`, in the order of their paths (compared a
/// component at a time): each folder's entries sorted by name, folders
/// walked as they come. Sorting whole paths instead took a tenth of a second
/// for 50,000 files.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    // Each entry's name is taken once: a sort by `DirEntry::file_name`
    // makes a copy of both names at every comparison. Names in one folder
    // are distinct, so an unstable sort gives the one order.
    let mut entries = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| (e.file_name(), e)))
        .collect::<std::io::Result<Vec<_>>>()?;
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, entry) in entries {
        let path = entry.path();
        if name.as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let ft = entry.file_type()?;
        if ft.is_dir() {
            walk(&path, out)?;
        } else if ft.is_file() || ft.is_symlink() {
            let ext = path
                .extension()
                .map(|e| e.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if SOURCE_EXTENSIONS.contains(&ext.as_str()) {
                out.push(path);
            }
        }
    }
    Ok(())
}

/// The file's bytes as text, or why they cannot be read as a source: where
/// the first byte that is not UTF-8 stands, and what the file likely is.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    // What Windows editors save as "Unicode": every other byte is NUL.
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Err("not valid UTF-8: it is UTF-16 text (save it as UTF-8)".into());
    }
    // The memchr crate's search: vector instructions, where the slice's
    // own `contains` reads a word at a time.
    if memchr::memchr(0, &bytes).is_some() {
        return Err("binary file (contains NUL bytes)".into());
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        // All before `at` is UTF-8: its lines and characters count.
        let valid = std::str::from_utf8(&bytes[..at]).unwrap_or_default();
        let line_start = valid.rfind('\n').map_or(0, |i| i + 1);
        format!(
            "not valid UTF-8 at line {}, column {} (byte 0x{:02X}; Latin-1 or Windows-1252 text? save it as UTF-8)",
            valid.matches('\n').count() + 1,
            valid[line_start..].chars().count() + 1,
            bytes[at],
        )
    })
}

/// Bytes of the byte-order mark `text` opens with: 3, or 0 without one.
fn bom_len(text: &str) -> usize {
    if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// Bytes read at first from a source file: more than most news articles.
const READ_AHEAD: usize = 16 * 1024;

/// Reads one file (or stdin for `-`) into text, or says why not.
pub fn read_source(path: &Path) -> Result<String, Warning> {
    let shown = path.display().to_string();
    let warn = |m: String| Warning {
        path: shown.clone(),
        line: None,
        message: m,
    };
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .take(MAX_SOURCE_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| warn(format!("cannot read standard input: {e}")))?;
        buf
    } else {
        let file = std::fs::File::open(path).map_err(|e| warn(format!("cannot read: {e}")))?;
        // Room for a usual article up front, so that most files are read in
        // one call without asking the system for their size first (a call
        // per file of an archive); a longer one grows the buffer.
        let mut buf = Vec::with_capacity(READ_AHEAD);
        file.take(MAX_SOURCE_BYTES + 1)
            .read_to_end(&mut buf)
            .map_err(|e| warn(format!("cannot read: {e}")))?;
        buf
    };
    if bytes.len() as u64 > MAX_SOURCE_BYTES {
        return Err(warn(format!(
            "larger than {} MiB; skipped",
            MAX_SOURCE_BYTES / (1024 * 1024)
        )));
    }
    let text = decode(bytes).map_err(|m| warn(format!("{m}; skipped")))?;
    if text.trim().is_empty() {
        return Err(warn("empty file; skipped".into()));
    }
    Ok(text)
}

/// Source ids for a list of paths: the file stem, made unique by prefixing
/// parent folder names where two stems collide (`a/news` and `b/news` give
/// `a/news` and `b/news`; `-` gives `stdin`).
pub fn source_ids(paths: &[PathBuf]) -> Vec<String> {
    let stem = |p: &Path| -> String {
        if p.as_os_str() == "-" {
            return "stdin".into();
        }
        p.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| p.display().to_string())
    };
    // Two files of one folder with one stem ("story.md", "story.txt"): no
    // folder tells them apart, so every file of that stem goes by its name
    // with its extension.
    let mut names: BTreeMap<(String, Option<&Path>), BTreeSet<&std::ffi::OsStr>> = BTreeMap::new();
    for p in paths {
        if let Some(name) = p.file_name() {
            names.entry((stem(p), p.parent())).or_default().insert(name);
        }
    }
    let shared_folder: BTreeSet<String> = names
        .into_iter()
        .filter(|(_, n)| n.len() > 1)
        .map(|((stem, _), _)| stem)
        .collect();
    let stem = |p: &Path| -> String {
        match p.file_name() {
            Some(name) if shared_folder.contains(&stem(p)) => name.to_string_lossy().into_owned(),
            _ => stem(p),
        }
    };
    let mut ids: Vec<String> = paths.iter().map(|p| stem(p)).collect();
    let mut depth = 1;
    loop {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for id in &ids {
            *counts.entry(id.as_str()).or_default() += 1;
        }
        let dup: Vec<bool> = ids.iter().map(|id| counts[id.as_str()] > 1).collect();
        if !dup.contains(&true) || depth > 8 {
            break;
        }
        for (i, p) in paths.iter().enumerate() {
            if dup[i] {
                let comps: Vec<String> = p
                    .parent()
                    .map(|par| {
                        par.components()
                            .map(|c| c.as_os_str().to_string_lossy().into_owned())
                            .filter(|c| c != "." && c != "/")
                            .collect()
                    })
                    .unwrap_or_default();
                let take = depth.min(comps.len());
                let mut parts: Vec<String> = comps[comps.len() - take..].to_vec();
                parts.push(stem(p));
                ids[i] = parts.join("/");
            }
        }
        depth += 1;
    }
    // Still equal (same path given twice): number them.
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for id in ids.iter_mut() {
        let n = seen.entry(id.clone()).or_default();
        *n += 1;
        if *n > 1 {
            *id = format!("{id}#{n}");
        }
    }
    ids
}

/// Loads every source behind `paths`. Unreadable files become warnings.
/// Fails only when a path does not exist or nothing at all could be read.
pub fn load(paths: &[PathBuf]) -> Result<Corpus, Error> {
    let files = collect_files(paths)?;
    if files.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::NoSources(shown.join(", ")));
    }
    let ids = source_ids(&files);
    let mut corpus = Corpus::default();
    let loaded: Vec<Result<(Document, Vec<Warning>), Warning>> = {
        use rayon::prelude::*;
        files
            .par_iter()
            .zip(ids.par_iter())
            .map(|(path, id)| {
                let text = read_source(path)?;
                Ok(Document::from_text(id, &path.display().to_string(), &text))
            })
            .collect()
    };
    for r in loaded {
        match r {
            Ok((doc, w)) => {
                corpus.warnings.extend(w);
                corpus.documents.push(doc);
            }
            Err(w) => corpus.warnings.push(w),
        }
    }
    if corpus.documents.is_empty() {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::NothingReadable(shown.join(", ")));
    }
    Ok(corpus)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_give_their_files_in_path_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let names = [
            "a/z.md", "a/b/c.md", "a-b.md", "a.md", "a b.md", "B.md", "é.md", "a0/x.txt", "ab.md",
        ];
        for n in names {
            let p = dir.path().join(n);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(&p, "text").expect("write");
        }
        let files = collect_files(&[dir.path().to_path_buf()]).expect("files");
        assert_eq!(files.len(), names.len());
        let mut sorted = files.clone();
        sorted.sort();
        assert_eq!(files, sorted);
    }

    /// The fields the YAML parser reads, for comparison with the fast path.
    fn parsed(yaml: &str) -> Option<Fields> {
        serde_yaml_ng::from_str::<RawMeta>(yaml)
            .ok()
            .map(Fields::from)
    }

    #[test]
    fn plain_front_matter_is_read_as_the_parser_reads_it() {
        let yaml = "title: \"Talks resume: day two\"\noutlet: Global Wire\ndate: 2024-08-17\nurl: https://x.example/a-b?c=d#e\nextra: kept out\n";
        let fast = simple_fields(yaml).expect("plain front matter");
        assert_eq!(Some(&fast), parsed(yaml).as_ref());
        assert_eq!(fast.title.as_deref(), Some("Talks resume: day two"));
        assert_eq!(fast.date.as_deref(), Some("2024-08-17"));
        // Left to the parser: numbers, booleans, nulls, comments, nesting,
        // escapes, repeated keys.
        for yaml in [
            "title: 2024\n",
            "title: true\n",
            "title: ~\n",
            "title: a # note\n",
            "title:\n  nested: x\n",
            "title: \"a\\tb\"\n",
            "title: 'single'\n",
            "title: a\ntitle: b\n",
            "- a\n",
        ] {
            assert_eq!(simple_fields(yaml), None, "{yaml:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn every_day_reads_back_from_its_iso_form_and_its_names(days in 0i32..80_000) {
            let day = jiff::civil::date(1900, 1, 1)
                .checked_add(jiff::Span::new().days(days))
                .unwrap();
            for form in ["%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%A, %B %d, %Y", "%Y-%m-%dT%H:%M:%S"] {
                let written = day.strftime(form).to_string();
                proptest::prop_assert_eq!(parse_date(&written), Some(day), "{}", written);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_front_matter_agrees_with_the_parser(
            lines in proptest::collection::vec(
                (
                    "(title|outlet|author|date|url|language|x_1)",
                    proptest::prop_oneof![
                        "[a-zA-Z0-9 :#\"'.,/?&%@!*|>~+\\-éT]{0,16}",
                        "[a-zA-Zé][a-zA-Z0-9 ,.éT-]{0,12}",
                        "\"[a-zA-Z0-9 :#',.é-]{0,12}\"",
                        "[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9:Z]{0,9})?",
                    ],
                ),
                0..6,
            )
        ) {
            let yaml: String = lines.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
            if let Some(fast) = simple_fields(&yaml) {
                proptest::prop_assert_eq!(Some(fast), parsed(&yaml), "{:?}", yaml);
            }
        }
    }

    #[test]
    fn front_matter_is_parsed_and_lines_still_count() {
        let t = "---\ntitle: T\noutlet: Globe\ndate: 2023-03-21\n---\nBody line.\n";
        let (d, w) = Document::from_text("a", "a.md", t);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(d.meta.outlet.as_deref(), Some("Globe"));
        assert_eq!(d.date(), Some(jiff::civil::date(2023, 3, 21)));
        assert_eq!(d.body(), "Body line.\n");
        assert_eq!(d.line_col(d.body_start).0, 6);
    }

    #[test]
    fn dates_are_read_in_the_forms_that_leave_no_doubt() {
        let d = |y, m, day| Some(jiff::civil::date(y, m, day));
        for (given, want) in [
            ("2023-03-20", d(2023, 3, 20)),
            (" 2023-03-20T10:00:00+03:00 ", d(2023, 3, 20)),
            ("2023-03-20 10:00", d(2023, 3, 20)),
            ("2023-3-5", d(2023, 3, 5)),
            ("2023/03/20", d(2023, 3, 20)),
            ("20 March 2023", d(2023, 3, 20)),
            ("5 mar 2023", d(2023, 3, 5)),
            ("March 20, 2023", d(2023, 3, 20)),
            ("Mar. 20, 2023", d(2023, 3, 20)),
            ("Sept. 5, 2023", d(2023, 9, 5)),
            ("March 20 2023", d(2023, 3, 20)),
            ("Monday, March 20, 2023", d(2023, 3, 20)),
            ("Monday, 20 March 2023", d(2023, 3, 20)),
            // Which of 03 and 04 is the month is not guessed.
            ("03/04/2023", None),
            ("04.03.2023", None),
            // Days that do not exist, trailing digits, no day at all.
            ("2023-02-30", None),
            ("2023-03-201", None),
            ("February 30, 2023", None),
            ("March 2023", None),
            ("Tuesday, March 20, 2023", None),
            ("", None),
            ("yesterday", None),
        ] {
            assert_eq!(parse_date(given), want, "{given:?}");
        }
    }

    #[test]
    fn a_date_given_as_a_list_is_a_warning() {
        let t = "---\ndate: [2023-03-20]\n---\nBody.\n";
        let (d, w) = Document::from_text("a", "a.md", t);
        assert_eq!(d.date(), None);
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].message.contains("`[\"2023-03-20\"]` is not a date"),
            "{w:?}"
        );
        // An empty date is no date and no warning.
        let (d, w) = Document::from_text("a", "a.md", "---\ndate:\n---\nBody.\n");
        assert_eq!((d.date(), w.len()), (None, 0));
    }

    #[test]
    fn bad_date_is_a_warning_with_its_line() {
        let t = "---\ntitle: T\ndate: 2023-02-31\n---\nBody.\n";
        let (d, w) = Document::from_text("a", "a.md", t);
        assert_eq!(d.date(), None);
        assert_eq!(w.len(), 1);
        assert_eq!(w[0].line, Some(3));
        assert!(w[0].message.contains("2023-02-31"));
    }

    #[test]
    fn a_colon_in_a_plain_title_keeps_the_date() {
        // Not YAML (a second `: ` in a plain value), but plainly meant.
        let t = "---\ntitle: Rate decision: what it means\noutlet: 'Capital Wire'\ndate: 2026-11-06  # published\n---\nBody.\n";
        let (d, w) = Document::from_text("b", "b.md", t);
        assert_eq!(d.date(), Some(jiff::civil::date(2026, 11, 6)));
        assert_eq!(
            d.meta.title.as_deref(),
            Some("Rate decision: what it means")
        );
        assert_eq!(d.meta.outlet.as_deref(), Some("Capital Wire"));
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].message.contains("read one `key: value` a line"),
            "{w:?}"
        );
        // What reads no way but as YAML stays ignored, with the warning.
        for t in [
            "---\ntitle: a: b\ntags:\n  - x: y\ndate: 2026-11-06\n---\nBody.\n",
            "---\ntitle: a: b\ntitle: c\ndate: 2026-11-06\n---\nBody.\n",
        ] {
            let (d, w) = Document::from_text("b", "b.md", t);
            assert_eq!(d.date(), None, "{t:?}");
            assert!(w[0].message.contains("metadata ignored"), "{w:?}");
        }
    }

    #[test]
    fn unterminated_front_matter_reads_whole_file() {
        let t = "---\ntitle: T\nBody.\n";
        let (d, w) = Document::from_text("a", "a.md", t);
        assert_eq!(d.body_start, 0);
        assert!(w[0].message.contains("never closed"));
    }

    #[test]
    fn bom_and_crlf() {
        let t = "\u{feff}---\r\ndate: 2024-05-17\r\n---\r\nHello.\r\n";
        let (d, w) = Document::from_text("a", "a.md", t);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(d.date(), Some(jiff::civil::date(2024, 5, 17)));
        assert_eq!(d.body(), "Hello.\r\n");
        // Offsets are the file's: the mark is kept, and it is no column.
        assert_eq!(&t[d.body_start..], "Hello.\r\n");
        assert_eq!(d.text, t);
        assert_eq!(d.line_col(d.body_start), (4, 1));
        let (plain, _) = Document::from_text("a", "a.md", "\u{feff}Hello.");
        assert_eq!(plain.body_start, 3);
        assert_eq!(plain.line_col(3), (1, 1));
        assert_eq!(plain.line_col(4), (1, 2));
        assert_eq!(plain.line_col(0), (1, 1));
    }

    #[test]
    fn overlapping_paths_reach_each_file_once() {
        let d = tempfile::tempdir().unwrap();
        for name in ["a.md", "b.md"] {
            std::fs::write(d.path().join(name), "Text.\n").unwrap();
        }
        let a = d.path().join("a.md");
        let dot_a = d.path().join(".").join("a.md");
        let count = |paths: &[&Path]| {
            let paths: Vec<PathBuf> = paths.iter().map(|p| p.to_path_buf()).collect();
            collect_files(&paths).unwrap().len()
        };
        assert_eq!(count(&[d.path()]), 2);
        assert_eq!(count(&[d.path(), d.path()]), 2, "a folder given twice");
        assert_eq!(count(&[d.path(), &a]), 2, "a file inside a folder given");
        assert_eq!(count(&[&a, &dot_a]), 1, "one file by two spellings");
        assert_eq!(count(&[&a, &d.path().join("b.md")]), 2);
    }

    /// The ids of these paths.
    fn ids_of(paths: &[&str]) -> Vec<String> {
        source_ids(&paths.iter().map(PathBuf::from).collect::<Vec<_>>())
    }

    #[test]
    fn duplicate_stems_get_distinct_ids() {
        assert_eq!(
            ids_of(&["x/a/news.md", "x/b/news.md", "x/c.md", "-"]),
            vec!["a/news", "b/news", "c", "stdin"]
        );
    }

    #[test]
    fn one_stem_twice_in_one_folder_keeps_the_extensions() {
        assert_eq!(
            ids_of(&["x/a/story.md", "x/a/story.txt", "x/b/story.md", "x/c.md"]),
            vec!["a/story.md", "story.txt", "b/story.md", "c"]
        );
        // The same path given twice is still numbered, as before.
        assert_eq!(ids_of(&["x/a.md", "x/a.md"]), vec!["x/a", "x/a#2"]);
    }

    #[test]
    fn decode_rejects_binary_and_bad_utf8() {
        assert!(
            decode(vec![b'a', 0, b'b'])
                .unwrap_err()
                .starts_with("binary file")
        );
        assert!(
            decode(vec![0xff, 0xfe, b'a', 0])
                .unwrap_err()
                .contains("UTF-16")
        );
        assert!(
            decode(vec![0xfe, 0xff, 0, b'a'])
                .unwrap_err()
                .contains("UTF-16")
        );
        assert_eq!(decode(b"ok".to_vec()).unwrap(), "ok");
        // Where the first bad byte stands: line, and column in characters.
        let latin = b"Title\n\xc3\xa9t\xe9 said\n".to_vec();
        let why = decode(latin).unwrap_err();
        assert!(
            why.starts_with("not valid UTF-8 at line 2, column 3 (byte 0xE9;"),
            "{why}"
        );
        let first = decode(b"\x93quoted\x94".to_vec()).unwrap_err();
        assert!(
            first.starts_with("not valid UTF-8 at line 1, column 1 (byte 0x93;"),
            "{first}"
        );
    }
}
