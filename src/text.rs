//! The text model every extractor shares: a map from byte offsets to lines and
//! columns, and a segmentation of a document's body into blocks (paragraphs,
//! headings, list items) and sentences.
//!
//! Offsets are byte offsets into the document's text as stored (after a UTF-8
//! byte-order mark, if any, is removed). Line and column numbers are 1-based;
//! columns count characters, not bytes.

use serde::Serialize;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::Arc;

/// Text that many records point at and nobody changes: a source id (every
/// span of a source holds the same one), a passage or quotation shared by
/// the record that found it and the findings that show it. Cloning one
/// copies a pointer, not the text.
pub type Shared = Arc<str>;

/// A piece of a [`Shared`] text: a quotation standing inside the passage
/// that a record keeps anyway points into the passage instead of owning a
/// copy. Reads as a `str`; cloning copies a pointer and a range.
#[derive(Clone)]
pub struct SharedSlice {
    base: Shared,
    // Offsets as u32 (a record is 8 bytes smaller): sources are at most
    // 64 MiB. [`WHOLE`] as `end` is "to the end of `base`", for a whole
    // text too long for u32 offsets.
    start: u32,
    end: u32,
}

/// [`SharedSlice::end`] meaning the end of the base, however long.
const WHOLE: u32 = u32::MAX;

impl SharedSlice {
    /// `base[range]`, if `range` is a slice of it (in bounds, on
    /// character boundaries) with offsets below 4 GiB.
    pub fn new(base: &Shared, range: Range<usize>) -> Option<Self> {
        base.get(range.clone())?;
        let start = u32::try_from(range.start).ok()?;
        let end = u32::try_from(range.end).ok().filter(|&e| e != WHOLE)?;
        Some(SharedSlice {
            base: base.clone(),
            start,
            end,
        })
    }

    pub fn as_str(&self) -> &str {
        let end = if self.end == WHOLE {
            self.base.len()
        } else {
            self.end as usize
        };
        &self.base[self.start as usize..end]
    }
}

impl std::ops::Deref for SharedSlice {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl From<Shared> for SharedSlice {
    fn from(base: Shared) -> Self {
        let end = u32::try_from(base.len())
            .ok()
            .filter(|&e| e != WHOLE)
            .unwrap_or(WHOLE);
        SharedSlice {
            base,
            start: 0,
            end,
        }
    }
}

impl From<&str> for SharedSlice {
    fn from(s: &str) -> Self {
        SharedSlice::from(Shared::from(s))
    }
}

impl From<String> for SharedSlice {
    fn from(s: String) -> Self {
        SharedSlice::from(Shared::from(s))
    }
}

impl PartialEq for SharedSlice {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedSlice {}

impl std::fmt::Debug for SharedSlice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for SharedSlice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for SharedSlice {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl Default for SharedSlice {
    fn default() -> Self {
        SharedSlice::from("")
    }
}

thread_local! {
    /// The words [`intern`] has handed out on this thread.
    static INTERNED: std::cell::RefCell<rustc_hash::FxHashSet<Shared>> =
        std::cell::RefCell::new(rustc_hash::FxHashSet::default());
}

/// Distinct words [`INTERNED`] keeps before it starts afresh (bounds its
/// memory; a word met again after that gets a new copy).
const INTERN_MAX: usize = 1 << 16;

/// A shared copy of a word that records hold by the thousand (the terms,
/// names and heads of figure subjects): every record holding the same word
/// points at one copy, made once per thread, instead of owning its own.
pub fn intern(word: &str) -> Shared {
    INTERNED.with_borrow_mut(|set| {
        if let Some(w) = set.get(word) {
            return w.clone();
        }
        if set.len() >= INTERN_MAX {
            set.clear();
        }
        let w: Shared = word.into();
        set.insert(w.clone());
        w
    })
}

/// Where something stands in a source: the source id, its line and column, and
/// its byte range in the source text.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub source: Shared,
    // u32: sources are at most 64 MiB ([`crate::source::MAX_SOURCE_BYTES`]),
    // and a large corpus holds a span per record.
    pub line: u32,
    pub column: u32,
    pub start: u32,
    pub end: u32,
}

/// An offset, line or column of a source (at most 64 MiB) as a [`Span`]
/// keeps it; saturates rather than wraps.
pub fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Span {
    /// The span's bytes in its source.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// Maps byte offsets to lines and columns in O(log n): the start of every
/// line, plus checkpoints every [`CHECKPOINT_BYTES`] inside long lines so
/// that a column never costs more than counting that many bytes (a 50 MB
/// single-line file stays fast).
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// (byte offset, 0-based line, 0-based character column), sorted by
    /// offset; includes every line start.
    checkpoints: Vec<(usize, usize, usize)>,
}

/// Distance between column checkpoints inside a long line.
pub const CHECKPOINT_BYTES: usize = 4096;

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr_newlines(text).map(|i| i + 1));
        let mut checkpoints = Vec::with_capacity(starts.len());
        for (line, &start) in starts.iter().enumerate() {
            let end = starts.get(line + 1).copied().unwrap_or(text.len());
            checkpoints.push((start, line, 0));
            let mut pos = start;
            let mut col = 0;
            while end - pos > CHECKPOINT_BYTES {
                let next = floor_char_boundary(text, pos + CHECKPOINT_BYTES);
                if next <= pos {
                    break;
                }
                col += text[pos..next].chars().count();
                pos = next;
                checkpoints.push((pos, line, col));
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// 1-based line and column (in characters) of a byte offset. Offsets past
    /// the end map to the last position.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let k = match self.checkpoints.binary_search_by(|c| c.0.cmp(&offset)) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let (pos, line, col) = self.checkpoints[k];
        (line + 1, col + text[pos..offset].chars().count() + 1)
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line.checked_sub(1)?).copied()
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }
}

/// Byte offsets of the newlines of `text`, found a vector at a time.
fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes())
}

/// Classes of ASCII bytes, by table: [`ASCII_SPACE`], [`ASCII_UPPER`],
/// [`ASCII_ALNUM`] (0 for the bytes from 0x80 up, which only start or
/// continue other characters).
pub static ASCII_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        // `char::is_whitespace` of the ASCII characters: space and
        // \t \n \x0B \x0C \r (the vertical tab too, unlike
        // `u8::is_ascii_whitespace`).
        if c == b' ' || (c >= 0x09 && c <= 0x0D) {
            t[b] |= ASCII_SPACE;
        }
        if c.is_ascii_uppercase() {
            t[b] |= ASCII_UPPER;
        }
        if c.is_ascii_alphanumeric() {
            t[b] |= ASCII_ALNUM;
        }
        b += 1;
    }
    t
};
/// An ASCII whitespace character, as `char::is_whitespace` has it.
pub const ASCII_SPACE: u8 = 1;
/// A-Z.
pub const ASCII_UPPER: u8 = 2;
/// 0-9, A-Z, a-z.
pub const ASCII_ALNUM: u8 = 4;

/// The words of `s` between whitespace: what `str::split_whitespace`
/// gives, in a loop that tests an ASCII byte by table and decodes only the
/// characters from 0x80 up (most of a sentence is ASCII).
pub fn split_words(s: &str) -> SplitWords<'_> {
    SplitWords { s, pos: 0 }
}

/// The iterator of [`split_words`].
pub struct SplitWords<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> SplitWords<'a> {
    /// The end of the run from byte `i` (a char boundary) of characters
    /// whose whitespace-ness is `space`.
    #[inline(always)]
    fn run_end(&self, mut i: usize, space: bool) -> usize {
        let bytes = self.s.as_bytes();
        if !space {
            i = skip_printable_ascii(bytes, i);
        }
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if (ASCII_CLASS[b as usize] & ASCII_SPACE != 0) != space {
                    break;
                }
                i += 1;
            } else {
                let c = self.s[i..].chars().next().expect("a character starts here");
                if c.is_whitespace() != space {
                    break;
                }
                i += c.len_utf8();
            }
        }
        i
    }
}

impl<'a> Iterator for SplitWords<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.s.as_bytes();
        // Most words are followed by one space and a printable ASCII byte:
        // the next word starts right after the space.
        let start = match bytes.get(self.pos..self.pos + 2) {
            Some(&[b' ', next]) if printable_ascii(next) => self.pos + 1,
            _ => self.run_end(self.pos, true),
        };
        if start >= self.s.len() {
            self.pos = start;
            return None;
        }
        let end = self.run_end(start, false);
        self.pos = end;
        Some(&self.s[start..end])
    }
}

/// A byte from 0x21 to 0x7F (printable ASCII and DEL): none of them
/// whitespace, none of them part of a longer character.
fn printable_ascii(b: u8) -> bool {
    (0x21..0x80).contains(&b)
}

/// From byte `i`, past the [`printable_ascii`] bytes, eight at a time: to
/// the first other byte, or to where fewer than eight bytes are left (the
/// caller goes on byte by byte). A word's bytes are
/// passed over a block at a time instead of one by one: most words fit in
/// one block, so the loop that looks for their end mostly runs once.
#[inline(always)]
fn skip_printable_ascii(bytes: &[u8], mut i: usize) -> usize {
    const LOW: u64 = u64::from_ne_bytes([0x21; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    while let Some(block) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(block.try_into().expect("eight bytes"));
        // A byte below 0x21 sets its high bit in `(x - LOW) & !x` (one
        // from 0x80 up sets it in `x`); borrows only flag bytes above a
        // flagged one, so the lowest flagged byte is exact.
        let other = ((x.wrapping_sub(LOW) & !x) | x) & HIGH;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// The largest char boundary at or below `i`.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The byte range `start..end` widened to the whole of `s` when `s` is
/// short, else by up to `margin` bytes on each side (on char boundaries,
/// then out to the nearest space so that words stay whole).
pub fn window(s: &str, start: usize, end: usize, margin: usize) -> (usize, usize) {
    if s.len() <= 3 * margin {
        return (0, s.len());
    }
    let mut a = floor_char_boundary(s, start.saturating_sub(margin));
    let mut b = floor_char_boundary(s, (end + margin).min(s.len()));
    if a > 0 {
        a = s[a..start].find(' ').map_or(a, |i| a + i + 1);
    }
    if b < s.len() {
        b = s[end..b].rfind(' ').map_or(b, |i| end + i);
    }
    (a, b.max(end))
}

/// What kind of block a stretch of lines is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// Running text: one or more lines up to a blank line.
    Paragraph,
    /// A Markdown heading (`# ...`) or a short title-like line on its own.
    Heading,
    /// A list item (`- `, `* `, `• `, `1. `).
    ListItem,
}

/// A block of the body: paragraph, heading or list item, with its byte range
/// (markers such as `# ` or `- ` excluded, trailing whitespace excluded).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
}

/// Splits `text[range]` into blocks. Blank lines end paragraphs; every heading
/// and list-item line is a block of its own. What a reader of the article
/// never sees is no block: an HTML comment opening a line (`<!-- desk
/// note -->`) and a fenced code block (```` ``` ```` or `~~~`), each only
/// when it is closed, so a stray opener hides nothing.
pub fn blocks(text: &str, range: Range<usize>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut para: Option<Range<usize>> = None;
    let mut pos = range.start;
    let end = range.end;
    while pos < end {
        // The memchr crate's search (vector instructions): a paragraph is
        // one long line.
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[pos..end]).map_or(end, |i| pos + i);
        let line = &text[pos..line_end];
        let trimmed = line.trim_end();
        let lead = trimmed.len() - trimmed.trim_start().len();
        let content = &trimmed[lead..];
        let content_start = pos + lead;
        if let Some(after) = hidden_until(text, content_start, end) {
            if let Some(p) = para.take() {
                out.push(Block {
                    kind: BlockKind::Paragraph,
                    range: p,
                });
            }
            pos = after;
            continue;
        }
        let marker = block_marker(content);
        if content.is_empty() {
            if let Some(p) = para.take() {
                out.push(Block {
                    kind: BlockKind::Paragraph,
                    range: p,
                });
            }
        } else if let Some((kind, skip)) = marker {
            if let Some(p) = para.take() {
                out.push(Block {
                    kind: BlockKind::Paragraph,
                    range: p,
                });
            }
            let s = content_start + skip;
            let e = content_start + content.len();
            if s < e {
                out.push(Block { kind, range: s..e });
            }
        } else {
            let e = content_start + content.len();
            match &mut para {
                Some(p) => p.end = e,
                None => para = Some(content_start..e),
            }
        }
        pos = line_end + 1;
    }
    if let Some(p) = para.take() {
        out.push(Block {
            kind: BlockKind::Paragraph,
            range: p,
        });
    }
    out
}

/// Where the text a reader does not see ends, when a closed HTML comment or
/// a closed code fence opens the line whose content starts at `at`: past
/// the comment's `-->` (the end of its line when nothing follows there), or
/// past the closing fence's line. `None` for any other line.
fn hidden_until(text: &str, at: usize, end: usize) -> Option<usize> {
    let b = &text.as_bytes()[at..end];
    let line_after = |i: usize| memchr::memchr(b'\n', &b[i..]).map_or(end, |n| at + i + n + 1);
    match b.first()? {
        b'<' if b.starts_with(b"<!--") => {
            let close = 4 + memchr::memmem::find(&b[4..], b"-->")? + 3;
            let rest = memchr::memchr(b'\n', &b[close..]).map_or(b.len(), |n| close + n);
            Some(if b[close..rest].trim_ascii().is_empty() {
                line_after(close)
            } else {
                at + close
            })
        }
        &fence @ (b'`' | b'~') => {
            let n = b.iter().take_while(|&&c| c == fence).count();
            if n < 3 {
                return None;
            }
            // A later line of at least as many of the same mark, and
            // nothing else but space.
            let mut line = line_after(0) - at;
            while line < b.len() {
                let next = line_after(line) - at;
                let content = b[line..next].trim_ascii();
                if content.len() >= n && content.iter().all(|&c| c == fence) {
                    return Some(at + next);
                }
                line = next;
            }
            None
        }
        _ => None,
    }
}

/// Recognises a heading or list marker at the start of a line; returns the
/// block kind and how many bytes of marker (and following spaces) to skip.
fn block_marker(content: &str) -> Option<(BlockKind, usize)> {
    let b = content.as_bytes();
    if b.first() == Some(&b'#') {
        let hashes = content.bytes().take_while(|&c| c == b'#').count();
        let rest = &content[hashes..];
        if rest.starts_with(' ') || rest.is_empty() {
            let spaces = rest.len() - rest.trim_start().len();
            return Some((BlockKind::Heading, hashes + spaces));
        }
    }
    for m in ["- ", "* ", "• ", "+ "] {
        if let Some(rest) = content.strip_prefix(m) {
            let spaces = rest.len() - rest.trim_start().len();
            return Some((BlockKind::ListItem, m.len() + spaces));
        }
    }
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &content[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            let spaces = rest[1..].len() - rest[1..].trim_start().len();
            return Some((BlockKind::ListItem, digits + 1 + spaces));
        }
    }
    None
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "col", "lt", "sgt", "capt", "gov",
    "sen", "rep", "rev", "hon", "pres", "amb", "no", "nos", "vol", "vs", "etc", "approx", "inc",
    "rs", "rb", "rbs", "ltd", "co", "corp", "dept", "est", "fig", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k", "u.n",
    "e.u", "p.m", "a.m",
];

/// Closing characters that may follow sentence-final punctuation and still
/// belong to the sentence.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '“' | ')' | ']' | '*' | '_'
    )
}

/// A document body cut into blocks, and each block into sentences: done
/// once per document and shared by the extractors.
#[derive(Clone, Debug)]
pub struct Layout {
    pub blocks: Vec<Block>,
    /// The sentences of each block, in the order of `blocks`.
    pub sentences: Vec<Vec<Range<usize>>>,
}

impl Layout {
    pub fn new(text: &str, body: Range<usize>) -> Self {
        let blocks = blocks(text, body);
        let sentences = blocks
            .iter()
            .map(|b| sentences(text, b.range.clone()))
            .collect();
        Layout { blocks, sentences }
    }
}

/// Calls `f` with `word` lowercased; short ASCII words (nearly every word
/// looked up in a word list) are lowercased into a string kept per thread
/// (or on the stack when `f` itself lowercases one), not allocated.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    thread_local! {
        static LOWER: RefCell<String> = const { RefCell::new(String::new()) };
    }
    const SHORT: usize = 32;
    if word.len() > SHORT || !word.is_ascii() {
        return f(&word.to_lowercase());
    }
    // ASCII with no capital is its own lowercase: no copy.
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    // Into a string kept per thread, which takes no check that the bytes
    // are UTF-8. While `f` runs it is taken: a word `f` lowercases in turn
    // goes on the stack.
    let mut f = Some(f);
    let kept = LOWER
        .try_with(|kept| {
            let mut lower = kept.try_borrow_mut().ok()?;
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            f.take().map(|f| f(&lower))
        })
        .ok()
        .flatten();
    if let Some(r) = kept {
        return r;
    }
    let f = f.expect("`f` runs once, here or above");
    let mut buf = [0u8; SHORT];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    f(std::str::from_utf8(lower).expect("ASCII stays UTF-8"))
}

/// `char::is_alphanumeric`, without the Unicode tables for ASCII and for
/// the General Punctuation block (U+2000 to U+206F: the curly quotes,
/// dashes and ellipses of news text, none a letter or digit), where the
/// tables' two searches cost some 300 instructions a character.
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
    }
}

/// The last `n` words of the last clause of `text` (after its last comma
/// or semicolon), the last first: where a word that governs what follows
/// is looked for ("since the outbreak began in", "GDP growth reached").
pub fn clause_words_back(text: &str, n: usize) -> impl Iterator<Item = &str> {
    text.rsplit([',', ';'])
        .next()
        .unwrap_or(text)
        .split_whitespace()
        .rev()
        .take(n)
}

/// `w` without the characters other than letters and digits at its ends
/// (`trim_matches(|c: char| !c.is_alphanumeric())`). A word that opens and
/// ends with an ASCII letter or digit (nearly every one) is returned as it
/// is, without decoding its end characters.
/// The test is inlined where it is called (some ten places, several a
/// word), the trimming kept apart.
#[inline]
pub fn trim_marks(w: &str) -> &str {
    let b = w.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphanumeric)
    {
        return w;
    }
    trim_other_marks(w)
}

/// [`trim_marks`] of a word with a mark or another character at an end.
#[inline(never)]
fn trim_other_marks(w: &str) -> &str {
    w.trim_matches(|c: char| !is_alnum(c))
}

/// A fixed list of lowercase words, asked about words in any case. Most
/// words asked about are in no list: an ASCII word whose shape (its first
/// two letters, case aside, and its length) no word of the list has is
/// ruled out before it is lowercased and looked up.
pub struct WordList {
    words: rustc_hash::FxHashSet<&'static str>,
    /// Per pair of leading bytes ([`WordList::slot`]), a bit per length
    /// (the last one for 31 bytes or more): set where a word of the list
    /// has that shape.
    shapes: Box<[u32; 27 * 27]>,
}

impl WordList {
    pub fn new(words: &[&'static str]) -> Self {
        let mut shapes = Box::new([0u32; 27 * 27]);
        for w in words {
            shapes[Self::slot(w.as_bytes())] |= Self::length_bit(w.len());
        }
        WordList {
            words: words.iter().copied().collect(),
            shapes,
        }
    }

    /// The slot of a word's shape: its first two bytes, each a letter (case
    /// aside) or anything else. ASCII lowercasing keeps a word's slot.
    #[inline]
    fn slot(b: &[u8]) -> usize {
        /// A byte's class: a letter's place in the alphabet, case aside;
        /// 26 for any other byte.
        const CLASS: [u8; 256] = {
            let mut t = [26u8; 256];
            let mut i = 0;
            while i < 26 {
                t[b'a' as usize + i] = i as u8;
                t[b'A' as usize + i] = i as u8;
                i += 1;
            }
            t
        };
        let class = |b: Option<&u8>| usize::from(b.map_or(26, |&c| CLASS[usize::from(c)]));
        class(b.first()) * 27 + class(b.get(1))
    }

    #[inline]
    fn length_bit(len: usize) -> u32 {
        1 << len.min(31)
    }

    /// A word's shape as a number below 2^15: its slot and length. ASCII
    /// lowercasing keeps it.
    #[inline]
    pub fn shape(word: &str) -> usize {
        Self::slot(word.as_bytes()) * 32 + word.len().min(31)
    }

    /// False when no word of the list can be `word` lowercased: sure for
    /// ASCII words (lowercasing keeps their length and slot); any other
    /// word may be one.
    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        self.shapes[Self::slot(word.as_bytes())] & Self::length_bit(word.len()) != 0
            || !word.is_ascii()
    }

    /// Whether the list holds `word` lowercased.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.may_hold(word) && with_lowercase(word, |l| self.words.contains(l))
    }

    /// Whether the list holds `lower`, a word lowercase already.
    #[inline]
    pub fn contains_lower(&self, lower: &str) -> bool {
        self.may_hold(lower) && self.words.contains(lower)
    }
}

/// Where the next byte a sentence terminal can begin with stands, at or
/// after a position: the nearer of the next `.`, `!` or `?` and the next
/// `…`. Each is searched for (memchr, memmem) only once the last one
/// found is passed. (`…` is searched for whole: its lead byte, 0xE2, also
/// opens the curly quotes, apostrophes and dashes of news text, each of
/// which would stop a search for the byte alone.)
/// A searcher for `…`, built once (building one costs more than most
/// searches of a paragraph).
static ELLIPSIS: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("…"));

struct TerminalStarts<'a> {
    bytes: &'a [u8],
    ascii: Option<usize>,
    lead: Option<usize>,
}

impl<'a> TerminalStarts<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        TerminalStarts {
            bytes,
            ascii: memchr::memchr3(b'.', b'!', b'?', bytes),
            lead: ELLIPSIS.find(bytes),
        }
    }

    fn next_from(&mut self, pos: usize) -> Option<usize> {
        let rest = self.bytes.get(pos..).unwrap_or_default();
        if self.ascii.is_some_and(|a| a < pos) {
            self.ascii = memchr::memchr3(b'.', b'!', b'?', rest).map(|k| pos + k);
        }
        if self.lead.is_some_and(|a| a < pos) {
            self.lead = ELLIPSIS.find(rest).map(|k| pos + k);
        }
        match (self.ascii, self.lead) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// Splits `text[range]` into sentence ranges. A sentence ends at `.`, `!`,
/// `?` or `…` (with any closing quotes or brackets after it) followed by
/// whitespace and then something that can start a sentence, unless the full
/// stop ends an abbreviation (Mr., U.S., Jan.) or a single initial (J.).
/// Decimals (33.7) never split because no whitespace follows the point.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let slice = &text[range.clone()];
    let base = range.start;
    let bytes = slice.as_bytes();
    let mut out = Vec::new();
    let mut start = 0usize;
    // Bytes, not chars, are scanned for the terminals: the ASCII ones are
    // single bytes and `…` is the only multi-byte one, and no UTF-8
    // continuation byte can be mistaken for either.
    let terminal_at = |i: usize| -> usize {
        match bytes.get(i) {
            Some(b'.' | b'!' | b'?') => 1,
            Some(0xE2) if bytes[i + 1..].starts_with(&[0x80, 0xA6]) => 3,
            _ => 0,
        }
    };
    let mut pos = 0;
    let mut starts = TerminalStarts::new(bytes);
    while pos < bytes.len() {
        // Skip to the next byte that can begin a terminal.
        match starts.next_from(pos) {
            Some(at) => pos = at,
            None => break,
        }
        let len = terminal_at(pos);
        if len == 0 {
            pos += 1;
            continue;
        }
        let is_stop = bytes[pos] == b'.';
        // Further terminal punctuation, then closing quotes and brackets.
        let mut end = pos + len;
        loop {
            let more = terminal_at(end);
            if more == 0 {
                break;
            }
            end += more;
        }
        while let Some(n) = slice[end..].chars().next().filter(|&n| is_closer(n)) {
            end += n.len_utf8();
        }
        let at_end = end == slice.len();
        let next_ws = slice[end..].starts_with(char::is_whitespace);
        let splits = (at_end || next_ws && starts_sentence(&slice[end..]))
            && !(is_stop && ends_abbreviation(&slice[start..pos]));
        if splits {
            let (s, e) = trim_range(slice, start, end);
            if s < e {
                out.push(base + s..base + e);
            }
            start = end;
        }
        pos = end;
    }
    let (s, e) = trim_range(slice, start, slice.len());
    if s < e {
        out.push(base + s..base + e);
    }
    out
}

/// Whether what follows the whitespace after a sentence end can start a
/// sentence (not a lowercase word).
fn starts_sentence(rest: &str) -> bool {
    match rest.chars().find(|c| !c.is_whitespace()) {
        None => true,
        Some(c) => {
            c.is_uppercase()
                || c.is_numeric()
                || matches!(
                    c,
                    '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[' | '—' | '–' | '-'
                )
                || !c.is_alphabetic()
        }
    }
}

/// Where the run of letters, digits and full stops that ends `before`
/// starts (`before.len()` for none).
fn dotted_word_start(before: &str) -> usize {
    run_start(before, before.len(), |c| is_alnum(c) || c == '.')
}

/// Where the run of characters that `keep` takes and that ends at byte `at`
/// of `s` starts: ASCII bytes tested as they are, other characters decoded.
fn run_start(s: &str, at: usize, keep: impl Fn(char) -> bool) -> usize {
    let bytes = s.as_bytes();
    let mut start = at;
    while let Some(&b) = start.checked_sub(1).map(|i| &bytes[i]) {
        if b < 0x80 {
            if !keep(char::from(b)) {
                break;
            }
            start -= 1;
        } else {
            match s[..start].chars().next_back() {
                Some(c) if keep(c) => start -= c.len_utf8(),
                _ => break,
            }
        }
    }
    start
}

/// Where the run of characters that `keep` takes and that starts at byte
/// `at` of `s` ends: ASCII bytes tested as they are.
fn run_end(s: &str, at: usize, keep: impl Fn(char) -> bool) -> usize {
    let bytes = s.as_bytes();
    let mut end = at;
    while let Some(&b) = bytes.get(end) {
        if b < 0x80 {
            if !keep(char::from(b)) {
                break;
            }
            end += 1;
        } else {
            match s[end..].chars().next() {
                Some(c) if keep(c) => end += c.len_utf8(),
                _ => break,
            }
        }
    }
    end
}

/// Whether `s` holds no letter or digit: a name, alias or quotation made
/// of such text says nothing (`""`, `" "`, `"“”"`).
pub fn says_nothing(s: &str) -> bool {
    !s.chars().any(is_alnum)
}

/// Where the run of non-whitespace characters that ends at byte `at` of
/// `s` starts: `s[..at].trim_end_matches(|c| !c.is_whitespace()).len()`,
/// with ASCII bytes tested as they are and only other characters decoded.
pub fn nonspace_start(s: &str, at: usize) -> usize {
    run_start(s, at, |c| !c.is_whitespace())
}

/// Where the run of non-whitespace characters that starts at byte `at` of
/// `s` ends: `at + s[at..].find(char::is_whitespace)` (the end of `s` for
/// none), with ASCII bytes tested as they are.
pub fn nonspace_end(s: &str, at: usize) -> usize {
    run_end(s, at, |c| !c.is_whitespace())
}

fn ends_abbreviation(before: &str) -> bool {
    let word = &before[dotted_word_start(before)..];
    if word.is_empty() {
        return false;
    }
    // No abbreviation is longer than six bytes, and a longer word cannot
    // lowercase to one (the Kelvin sign, three bytes for a "k", could
    // shorten only "u.k", to five): most words that end a sentence are not
    // looked up at all.
    static LIST: std::sync::LazyLock<WordList> =
        std::sync::LazyLock::new(|| WordList::new(ABBREVIATIONS));
    if word.len() <= 6 && LIST.contains(word) {
        return true;
    }
    // A single capital initial ("J.") or dotted initials ("U.S" before the final dot).
    let mut letters = word.chars().filter(|c| *c != '.');
    if let (Some(c), None) = (letters.next(), letters.next())
        && c.is_uppercase()
    {
        return true;
    }
    word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1)
}

fn trim_range(s: &str, mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b {
        let c = s[a..].chars().next().unwrap_or(' ');
        if c.is_whitespace() {
            a += c.len_utf8();
        } else {
            break;
        }
    }
    while b > a {
        let c = s[..b].chars().next_back().unwrap_or(' ');
        if c.is_whitespace() {
            b -= c.len_utf8();
        } else {
            break;
        }
    }
    (a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The byte loops find the ends of a run of non-whitespace that
        /// the characters give, whatever whitespace stands around it.
        #[test]
        fn nonspace_runs_are_the_characters_runs(
            s in "[a-zA-Z0-9 .,’é—Ω\u{2163}\t\n\u{a0}\u{85}\u{2003}\u{3000}\u{1680}-]{0,24}",
            at in 0usize..30,
        ) {
            let at = crate::text::floor_char_boundary(&s, at.min(s.len()));
            prop_assert_eq!(
                nonspace_start(&s, at),
                s[..at].trim_end_matches(|c: char| !c.is_whitespace()).len()
            );
            prop_assert_eq!(
                nonspace_end(&s, at),
                at + s[at..].find(char::is_whitespace).unwrap_or(s.len() - at)
            );
        }

        /// The byte loop finds the start the characters taken backwards
        /// give.
        #[test]
        fn dotted_word_start_is_the_backward_run(s in "[a-zA-Z0-9 .,’é—Ω\u{2163}-]{0,20}") {
            let by_chars = s
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
                .last()
                .map_or(s.len(), |(i, _)| i);
            prop_assert_eq!(dotted_word_start(&s), by_chars);
        }
    }

    /// Every character.
    #[test]
    fn is_alnum_is_is_alphanumeric() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn sents(t: &str) -> Vec<&str> {
        sentences(t, 0..t.len())
            .into_iter()
            .map(|r| &t[r])
            .collect()
    }

    /// What `ends_abbreviation`'s length test takes for granted.
    #[test]
    fn abbreviations_are_six_bytes_at_most_and_one_holds_a_k() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= 6 && a.is_ascii()));
        let with_k: Vec<&str> = ABBREVIATIONS
            .iter()
            .copied()
            .filter(|a| a.contains('k'))
            .collect();
        assert_eq!(with_k, ["u.k"]);
        assert!(ends_abbreviation("the U.\u{212A}") && ends_abbreviation("Mr"));
        assert!(!ends_abbreviation("the reporters"));
    }

    #[test]
    fn line_col_counts_characters() {
        let t = "ab\nçd€x\n\nz";
        let idx = LineIndex::new(t);
        assert_eq!(idx.line_col(t, 0), (1, 1));
        assert_eq!(idx.line_col(t, 3), (2, 1));
        let x = t.find('x').unwrap();
        assert_eq!(idx.line_col(t, x), (2, 4));
        assert_eq!(idx.line_col(t, t.len() - 1), (4, 1));
        assert_eq!(idx.line_count(), 4);
    }

    #[test]
    fn sentences_survive_abbreviations_and_decimals() {
        let t = "Mr. Putin met Xi in the U.S. capital on Jan. 5. Trade rose 33.7 percent! \
                 J. Smith agreed. No. 5 is next.";
        assert_eq!(
            sents(t),
            vec![
                "Mr. Putin met Xi in the U.S. capital on Jan. 5.",
                "Trade rose 33.7 percent!",
                "J. Smith agreed.",
                "No. 5 is next."
            ]
        );
    }

    #[test]
    fn a_shared_slice_points_into_its_base() {
        let base: Shared = "Xi said “we are friends” today".into();
        let start = base.find("we").expect("words");
        let s = SharedSlice::new(&base, start..start + 14).expect("a slice");
        assert_eq!(&*s, "we are friends");
        assert_eq!(s.as_ptr(), base[start..].as_ptr(), "no copy");
        assert_eq!(s, SharedSlice::from("we are friends"));
        assert_eq!(format!("{s} {s:?}"), "we are friends \"we are friends\"");
        assert_eq!(
            serde_json::to_string(&s).expect("json"),
            "\"we are friends\""
        );
        // Out of bounds, or inside a character: no slice.
        assert!(SharedSlice::new(&base, start..base.len() + 1).is_none());
        let quote_mark = base.find('“').expect("mark");
        assert!(SharedSlice::new(&base, quote_mark + 1..quote_mark + 2).is_none());
    }

    #[test]
    fn interned_words_share_one_copy_per_thread() {
        let (a, b, c) = (
            intern("trade"),
            intern(&String::from("trade")),
            intern("border"),
        );
        assert!(Arc::ptr_eq(&a, &b), "the same word is one copy");
        assert_eq!((&*a, &*c), ("trade", "border"));
        assert!(!Arc::ptr_eq(&a, &c));
    }

    #[test]
    fn quote_ending_a_sentence_stays_with_it() {
        let t = "Xi said ties are “the best ever.” Putin agreed. “Good,” he said.";
        assert_eq!(
            sents(t),
            vec![
                "Xi said ties are “the best ever.”",
                "Putin agreed.",
                "“Good,” he said."
            ]
        );
    }

    #[test]
    fn lowercase_after_period_inside_quote_does_not_split() {
        let t = "“We agreed.” he said, and left.";
        assert_eq!(sents(t).len(), 1);
    }

    #[test]
    fn blocks_split_headings_lists_and_paragraphs() {
        let t = "# Title\n\nFirst line\nsecond line.\n\nStatements by X\n- “One.”\n- “Two.”\n";
        let b = blocks(t, 0..t.len());
        let got: Vec<(BlockKind, &str)> = b.iter().map(|b| (b.kind, &t[b.range.clone()])).collect();
        assert_eq!(
            got,
            vec![
                (BlockKind::Heading, "Title"),
                (BlockKind::Paragraph, "First line\nsecond line."),
                (BlockKind::Paragraph, "Statements by X"),
                (BlockKind::ListItem, "“One.”"),
                (BlockKind::ListItem, "“Two.”"),
            ]
        );
    }

    #[test]
    fn comments_and_code_fences_are_no_blocks() {
        let got = |t: &str| -> Vec<String> {
            blocks(t, 0..t.len())
                .iter()
                .map(|b| t[b.range.clone()].to_string())
                .collect()
        };
        let t = "One.\n<!-- desk: Putin said \"x\" -->\nTwo.\n\n<!--\nnote\n-->\nThree.\n```text\nsaid \"code\"\n```\nFour.\n~~~~\n```\n~~~~\nFive.";
        assert_eq!(got(t), ["One.", "Two.", "Three.", "Four.", "Five."]);
        // Text after a comment on its line is read.
        assert_eq!(got("<!-- a -->Six.\nSeven."), ["Six.\nSeven."]);
        // Openers never closed hide nothing; nor do two marks.
        for open in [
            "<!-- never closed\nText.",
            "```\nText.",
            "``\nText.",
            "~~~\nText.\n```",
        ] {
            assert_eq!(
                got(open).concat().replace('\n', ""),
                open.replace('\n', ""),
                "{open:?}"
            );
        }
        // A closing fence needs as many marks as its opener.
        assert_eq!(got("````\n```\nhidden\n````\nShown."), ["Shown."]);
        // A close past the range asked for is none.
        let t = "<!-- a\nIn. -->";
        let b = blocks(t, 0..t.len() - 4);
        assert_eq!(b.len(), 1);
        assert_eq!(&t[b[0].range.clone()], "<!-- a\nIn.");
    }

    #[test]
    fn columns_in_a_long_line_use_checkpoints() {
        let t = format!("x\n{}€z", "ab".repeat(10_000));
        let idx = LineIndex::new(&t);
        let z = t.find('z').unwrap();
        assert_eq!(idx.line_col(&t, z), (2, 20_002));
        let mid = 2 + 9_001;
        assert_eq!(idx.line_col(&t, mid), (2, 9_002));
    }

    /// The straightforward char-by-char splitter `sentences` replaced (it
    /// scans bytes now); kept to check that the two agree.
    fn sentences_by_chars(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0usize;
        let mut iter = text.char_indices().peekable();
        let terminal = |c: char| matches!(c, '.' | '!' | '?' | '…');
        while let Some((pos, c)) = iter.next() {
            if !terminal(c) {
                continue;
            }
            while iter.peek().is_some_and(|&(_, n)| terminal(n)) {
                iter.next();
            }
            while iter.peek().is_some_and(|&(_, n)| is_closer(n)) {
                iter.next();
            }
            let end = iter.peek().map_or(text.len(), |&(p, _)| p);
            let next_ws = text[end..].starts_with(char::is_whitespace);
            if !(end == text.len() || next_ws && starts_sentence(&text[end..])) {
                continue;
            }
            if c == '.' && ends_abbreviation(&text[start..pos]) {
                continue;
            }
            let (s, e) = trim_range(text, start, end);
            if s < e {
                out.push(s..e);
            }
            start = end;
        }
        let (s, e) = trim_range(text, start, text.len());
        if s < e {
            out.push(s..e);
        }
        out
    }

    #[test]
    fn the_ascii_classes_are_those_of_char() {
        for b in 0..=255u8 {
            let class = ASCII_CLASS[b as usize];
            let c = char::from(b);
            let ascii = b.is_ascii();
            assert_eq!(class & ASCII_SPACE != 0, ascii && c.is_whitespace(), "{b}");
            assert_eq!(class & ASCII_UPPER != 0, ascii && c.is_uppercase(), "{b}");
            assert_eq!(
                class & ASCII_ALNUM != 0,
                ascii && c.is_alphanumeric(),
                "{b}"
            );
        }
    }

    proptest! {

        /// The block pass stops exactly at the first byte outside 0x21 to
        /// 0x7F, or where fewer than eight bytes are left.
        #[test]
        fn skip_printable_ascii_stops_at_the_first_other_byte(
            b in proptest::collection::vec(any::<u8>(), 0..40), from in 0usize..40
        ) {
            let from = from.min(b.len());
            let end = skip_printable_ascii(&b, from);
            prop_assert!(end >= from && end <= b.len());
            prop_assert!(b[from..end].iter().all(|&c| printable_ascii(c)));
            let next_block = b.get(end..end + 8);
            prop_assert!(next_block.is_none_or(|k| k.iter().any(|&c| !printable_ascii(c))));
            prop_assert!((end - from).is_multiple_of(8) || !printable_ascii(b[end]));
        }

        /// Short words among every kind of whitespace, and long words and
        /// runs of printable ASCII (whole blocks of eight passed over)
        /// with every kind of byte after them.
        #[test]
        fn split_words_is_split_whitespace(
            s in prop_oneof![
                "[a-zé’“ .,\t\n\r\u{0B}\u{0C}\u{85}\u{A0}\u{1680}\u{2003}\u{2028}\u{202F}\u{3000}\u{200B}习]{0,60}",
                "([!-~]{0,20}[ \t\n\r\u{0B}\u{0C}\u{1F}\u{7F}\u{85}\u{A0}é’\u{2003}习]?){0,8}",
            ]
        ) {
            let fast: Vec<&str> = split_words(&s).collect();
            let slow: Vec<&str> = s.split_whitespace().collect();
            prop_assert_eq!(fast, slow);
        }

        #[test]
        fn trim_marks_is_trim_matches(w in "\\PC{0,12}") {
            prop_assert_eq!(trim_marks(&w), w.trim_matches(|c: char| !c.is_alphanumeric()));
        }

        /// The shape test rules out no word of the list, in any case.
        #[test]
        fn a_word_list_holds_what_its_set_holds(
            w in prop_oneof![
                "[A-Za-z.'-]{0,12}",
                "(?i)(mr|mrs|dr|the|monday|january|ministry|u\\.s\\.|x)",
                "\\PC{0,12}",
            ]
        ) {
            let list = ["mr", "mrs", "dr.", "the", "monday", "january", "ministry", "u.s.", "x", "é", "ärzte"];
            let words = WordList::new(&list);
            let lower = w.to_lowercase();
            prop_assert_eq!(words.contains(&w), list.contains(&lower.as_str()));
            prop_assert_eq!(words.contains_lower(&lower), list.contains(&lower.as_str()));
        }

        #[test]
        fn with_lowercase_is_to_lowercase(w in "\\PC{0,40}") {
            prop_assert_eq!(with_lowercase(&w, str::to_string), w.to_lowercase());
        }

        /// A word lowercased while another one is held gets its own copy.
        #[test]
        fn with_lowercase_nests(a in "[A-Za-zé]{0,40}", b in "[A-Za-zé]{0,40}") {
            let (outer, inner) = with_lowercase(&a, |l| {
                let inner = with_lowercase(&b, str::to_string);
                (l.to_string(), inner)
            });
            prop_assert_eq!(outer, a.to_lowercase());
            prop_assert_eq!(inner, b.to_lowercase());
        }

        #[test]
        fn byte_scan_splits_as_the_char_scan(
            t in "([A-Za-z]{1,6}|Mr|U|S|J|e|g|3|[ .!?…\n]|[”’»)\"]|“|é|—){0,80}"
        ) {
            prop_assert_eq!(sentences(&t, 0..t.len()), sentences_by_chars(&t));
        }

        #[test]
        fn sentence_ranges_are_in_order_and_on_boundaries(t in "\\PC{0,200}") {
            let mut last = 0;
            for r in sentences(&t, 0..t.len()) {
                prop_assert!(r.start >= last && r.start < r.end && r.end <= t.len());
                prop_assert!(t.is_char_boundary(r.start) && t.is_char_boundary(r.end));
                last = r.end;
            }
        }

        #[test]
        fn block_ranges_map_back_to_their_text(t in "(\\PC{0,20}\n){0,12}") {
            for b in blocks(&t, 0..t.len()) {
                prop_assert!(t.is_char_boundary(b.range.start) && t.is_char_boundary(b.range.end));
                let s = &t[b.range.clone()];
                prop_assert!(!s.is_empty());
                prop_assert_eq!(s.trim(), s);
            }
        }

        #[test]
        fn line_col_round_trips(t in "(\\PC{0,15}\n?){0,10}", k in 0usize..200) {
            let idx = LineIndex::new(&t);
            let off = floor_char_boundary(&t, k.min(t.len()));
            let (line, col) = idx.line_col(&t, off);
            let start = idx.line_start(line).unwrap();
            let back = t[start..].char_indices().nth(col - 1).map_or(t.len(), |(i, _)| start + i);
            prop_assert_eq!(back, off);
        }
    }
}
