//! The cross-source scan: groups the same quotation and the same figure
//! across sources and gives each group a status.
//!
//! Grouping uses the candidate indexes ([`crate::index`]) and a union-find
//! over matching pairs, so its cost grows with the number of items, not
//! with their square. Statuses come from [`crate::compare`], the same
//! judgements `check` uses.

use crate::compare::{self, QuoteForm, QuoteLevel, Relation, show_value};
use crate::corpus::Extracted;
use crate::extract::{Figure, Quote, QuoteKind};
use crate::findings::{Finding, Item, ItemFigure, ItemKind, Pair, ScanReport, Status, counted};
#[cfg(test)]
use crate::index::MAX_QUOTE_CANDIDATES;
use crate::index::{FigureIndex, QuoteIndex};
use crate::speakers::{SpeakerTable, same_key};
use crate::text::Shared;
use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use rustc_hash::FxHashSet;
use std::collections::{BTreeMap, BTreeSet};

/// Largest group whose members are all compared pairwise; larger groups
/// compare each member with the group's representative only.
const MAX_PAIRWISE: usize = 40;

/// Runs the scan over an extracted corpus, which it consumes: each
/// record becomes its finding's item as the records are released (see
/// `take_items`), so that the records and the items made of them never
/// all stand in memory side by side.
pub fn scan(mut ex: Extracted, speakers: &SpeakerTable) -> ScanReport {
    // One kind at a time, figures first (their records are the larger):
    // each kind's records become items before the other kind is grouped,
    // so that grouping quotations (its index is the larger) runs beside
    // the quotations' records only.
    let figure_groups = figure_findings(&ex);
    let n_figures = ex.figures.iter().filter(|f| !f.noise).count();
    let figures = std::mem::take(&mut ex.figures);
    let figure_items = take_items(figures, &figure_groups, |f| figure_item(&ex, f));
    let quote_groups = quote_findings(&ex, speakers);
    let n_quotes = ex.quotes.len();
    let quotes = std::mem::take(&mut ex.quotes);
    let quote_items = take_items(quotes, &quote_groups, |q| quote_item(&ex, q));
    let mut findings: Vec<Finding> = quote_groups
        .into_iter()
        .zip(quote_items)
        .chain(figure_groups.into_iter().zip(figure_items))
        .map(|((mut finding, _), items)| {
            finding.items = items;
            finding
        })
        .collect();
    findings.sort_by(|a, b| {
        b.status
            .cmp(&a.status)
            .then(a.kind.cmp(&b.kind))
            .then_with(|| first_location(a).cmp(&first_location(b)))
    });
    let mut nq = 0;
    let mut nf = 0;
    for f in &mut findings {
        let n = match f.kind {
            ItemKind::Figure => {
                nf += 1;
                nf
            }
            _ => {
                nq += 1;
                nq
            }
        };
        let prefix = if f.kind == ItemKind::Figure { "F" } else { "Q" };
        f.id = format!("{prefix}{n}");
    }
    ScanReport::new(findings, ex.sources.len(), n_quotes, n_figures)
}

/// A finding before its items, with the indexes of the records that
/// become them (ascending: item `k` is record `members[k]`).
type Pending = (Finding, Vec<usize>);

/// Records taken (in parallel) between two shrinks of their list.
const RELEASE_EVERY: usize = 1 << 14;

/// Turns the grouped records into their findings' items, one list per
/// group, and drops the rest. The records are taken a block at a time
/// from the end of their list, and the list is shrunk after each block:
/// the memory of the records already taken is given back while the items
/// are being made.
fn take_items<R: Send>(
    records: Vec<R>,
    groups: &[Pending],
    make: impl Fn(R) -> Item + Sync,
) -> Vec<Vec<Item>> {
    take_items_by(records, groups, make, RELEASE_EVERY)
}

/// [`take_items`], `block` records at a time.
fn take_items_by<R: Send>(
    mut records: Vec<R>,
    groups: &[Pending],
    make: impl Fn(R) -> Item + Sync,
    block: usize,
) -> Vec<Vec<Item>> {
    const NONE: u32 = u32::MAX;
    let mut owner = vec![NONE; records.len()];
    for (g, (_, members)) in groups.iter().enumerate() {
        for &m in members {
            debug_assert_eq!(owner[m], NONE, "record {m} in two groups");
            owner[m] = g as u32;
        }
    }
    let mut items: Vec<Vec<Item>> = groups.iter().map(|_| Vec::new()).collect();
    while !records.is_empty() {
        let start = records.len().saturating_sub(block.max(1));
        let made: Vec<(u32, Item)> = records
            .par_drain(start..)
            .enumerate()
            .filter_map(|(k, r)| {
                let g = owner[start + k];
                // A record in no group is dropped here.
                (g != NONE).then(|| (g, make(r)))
            })
            .collect();
        records.shrink_to_fit();
        // Last to first, as the blocks are taken.
        for (g, item) in made.into_iter().rev() {
            let list = &mut items[g as usize];
            if list.capacity() == 0 {
                list.reserve_exact(groups[g as usize].1.len());
            }
            list.push(item);
        }
    }
    for list in &mut items {
        list.reverse();
    }
    debug_assert!(
        items
            .iter()
            .zip(groups)
            .all(|(l, (_, m))| l.len() == m.len()),
        "every member became an item"
    );
    items
}

fn first_location(f: &Finding) -> (&str, u32) {
    f.items
        .first()
        .map(|i| (&*i.source, i.line))
        .unwrap_or_default()
}

/// Union-find over item indexes.
struct Groups {
    parent: Vec<usize>,
}

impl Groups {
    fn new(n: usize) -> Self {
        Groups {
            parent: (0..n).collect(),
        }
    }
    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[hi] = lo;
        }
    }
}

// ------------------------------------------------------------- quotations

fn quote_findings(ex: &Extracted, speakers: &SpeakerTable) -> Vec<Pending> {
    let quotes = &ex.quotes;
    // The same words (after folding) are one quotation wherever they stand:
    // the index joins them, and only one representative of each distinct
    // text (its first quotation) is aligned with others.
    let index = QuoteIndex::new(quotes);
    let n = index.len();
    let first = |d: usize| {
        &quotes[index
            .members(d)
            .next()
            .expect("a distinct text has members")]
    };
    // Three kinds of link between distinct texts ([`Link`]). The same
    // words (style variants, and parts holding most of a text) are one
    // quotation however the links chain: they are joined outright. A
    // smaller part (a phrase, a clause) joins one quotation that holds it
    // (see `join_parts`): a phrase two sayings share must not join them. A
    // variant only attaches to one quotation: variants of variants drift
    // from the words anyone said (two sayings cast in one mould, "every X
    // we sign brings Y closer"), so variant links never chain (see
    // `attach`).
    // The links are found in parallel, then applied in order. A pair is
    // judged when either text's lookup returns the other: a lookup returns
    // its best candidates only, and whether two texts are one quotation
    // must not hang on which of the two was looked up. Each pair is judged
    // once (from the lookup of the earlier text when both return it). Each
    // distinct text's speaker is keyed once, not once per candidate.
    let speaker_keys: Vec<Option<Vec<String>>> = (0..n)
        .into_par_iter()
        .map(|d| {
            // A role ("the minister") may be anyone named: an unknown.
            let speaker = first(d).speaker.as_deref().filter(|s| !speakers.is_role(s));
            speaker.map(|s| speakers.key(s))
        })
        .collect();
    let candidates: Vec<Vec<u32>> = (0..n)
        .into_par_iter()
        .map(|d| {
            let mut c: Vec<u32> = index
                .candidates_of(d)
                .into_iter()
                .map(|e| e as u32)
                .collect();
            c.sort_unstable();
            c
        })
        .collect();
    let links: Vec<Vec<(usize, usize, Link)>> = (0..n)
        .into_par_iter()
        .map(|d| {
            let mut out = Vec::new();
            for &e in &candidates[d] {
                let e = e as usize;
                let pair = match e.cmp(&d) {
                    std::cmp::Ordering::Greater => (d, e),
                    std::cmp::Ordering::Less
                        if candidates[e].binary_search(&(d as u32)).is_err() =>
                    {
                        (e, d)
                    }
                    _ => continue,
                };
                if let Some(link) = quote_link(&index, &speaker_keys, pair) {
                    out.push((pair.0, pair.1, link));
                }
            }
            out
        })
        .collect();
    drop(candidates);
    let mut same_words = Groups::new(n);
    let mut within: Vec<(usize, usize)> = Vec::new();
    let mut weak: Vec<(usize, usize)> = Vec::new();
    for (d, e, link) in links.into_iter().flatten() {
        match link {
            Link::Same => same_words.union(d, e),
            Link::Within { short_first } => {
                within.push(if short_first { (d, e) } else { (e, d) });
            }
            // Ignored by `attach` when the two end up joined anyway.
            Link::Variant => weak.push((d, e)),
        }
    }
    let shared = join_parts(&index, &mut same_words, &within);
    let group_of = attach(&index, &mut same_words, &weak);
    let moved = place_by_passage(quotes, &index, &group_of, &shared);
    let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (d, &g) in group_of.iter().enumerate() {
        for m in index.members(d) {
            let g = moved.get(&m).copied().unwrap_or(g);
            by_root.entry(g).or_default().push(m);
        }
    }
    let mut sets: Vec<Vec<usize>> = by_root
        .into_values()
        .filter(|m| m.len() > 1)
        .map(|mut m| {
            m.sort_unstable();
            m
        })
        .collect();
    sets.sort_unstable_by_key(|m| m[0]);
    sets.into_par_iter()
        .map(|members| quote_group(ex, speakers, &index, members))
        .collect()
}

/// How two distinct texts are one quotation.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Link {
    /// The same words, or one a fragment (or a rendering with a gap) of
    /// the other that holds most of its words: joined outright.
    Same,
    /// One a fragment of the other, or a rendering with a gap, holding
    /// less than [`MOST_OF`] of its words: it joins one quotation only
    /// (see [`join_parts`]). `short_first`: the first text is the part.
    Within { short_first: bool },
    /// A variant: it joins one group only (see [`attach`]).
    Variant,
}

/// The share of a quotation's words (as a ratio: 3 in 5) that a part of it
/// must hold to be joined with it outright ([`Link::Same`]).
const MOST_OF: (usize, usize) = (3, 5);

/// How distinct texts `d` and `e` are linked, if at all. The same words
/// (or a part of the other's) link whoever says them. Different words from
/// different speakers are two quotations, not one misattributed: the costly
/// variant alignment runs only for the same or unknown speakers.
fn quote_link(
    index: &QuoteIndex,
    speaker_keys: &[Option<Vec<String>>],
    (d, e): (usize, usize),
) -> Option<Link> {
    let (fd, fe) = (index.form(d), index.form(e));
    if compare::same_words(fd, fe)
        .or_else(|| compare::same_words(fe, fd))
        .is_some()
    {
        let (ld, le) = (fd.words.len(), fe.words.len());
        let (short, long) = (ld.min(le), ld.max(le));
        return Some(if short * MOST_OF.1 >= long * MOST_OF.0 {
            Link::Same
        } else {
            Link::Within {
                short_first: ld < le,
            }
        });
    }
    let other_speaker = matches!((&speaker_keys[d], &speaker_keys[e]),
        (Some(a), Some(b)) if !same_key(a, b));
    (!other_speaker
        && compare::variant(fd, fe)
            .or_else(|| compare::variant(fe, fd))
            .is_some())
    .then_some(Link::Variant)
}

/// Each distinct text's group (its root in `same_words`), and per group
/// (indexed by its root) its longest text: most words, then the first.
fn roots_and_longest(index: &QuoteIndex, same_words: &mut Groups) -> (Vec<usize>, Vec<usize>) {
    let n = index.len();
    let root: Vec<usize> = (0..n).map(|d| same_words.find(d)).collect();
    let words = |d: usize| index.form(d).words.len();
    let mut longest: Vec<usize> = (0..n).collect();
    for d in 0..n {
        let l = &mut longest[root[d]];
        // A root is its group's first text (unions keep the lower), so
        // the slot starts at the first and moves only for more words.
        if words(d) > words(*l) {
            *l = d;
        }
    }
    (root, longest)
}

/// A part ([`Link::Within`]) that more than one quotation holds: the
/// distinct texts of its group, and a distinct text of each group holding
/// it.
struct SharedPart {
    texts: Vec<usize>,
    holders: Vec<usize>,
}

/// Joins each part of a quotation (a fragment, a clause of a split
/// quotation, a rendering with a gap: [`Link::Within`]) to one quotation
/// that holds it: the longest (then the first). A phrase held by two
/// different quotations ("no limits" in Xi's words and in Putin's) would
/// otherwise join the two, and call one of them misattributed. Each group
/// joins one other at most, so two quotations are joined only when one
/// holds the other, or a third holds both. Returns the parts that more
/// than one quotation holds (see [`place_by_passage`]).
fn join_parts(
    index: &QuoteIndex,
    same_words: &mut Groups,
    within: &[(usize, usize)],
) -> Vec<SharedPart> {
    let (root, longest) = roots_and_longest(index, same_words);
    // Per group, the groups holding it, and the one it joins: the one whose
    // longest text is the longest, then the first.
    let mut holders: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for &(part, whole) in within {
        let (a, b) = (root[part], root[whole]);
        if a != b {
            holders.entry(a).or_default().insert(b);
        }
    }
    let better = |c: usize| (index.form(longest[c]).words.len(), std::cmp::Reverse(c));
    let mut shared: Vec<SharedPart> = Vec::new();
    for (&a, held_by) in &holders {
        let joins = held_by
            .iter()
            .copied()
            .max_by_key(|&b| better(b))
            .expect("a part has a holder");
        same_words.union(a, joins);
        if held_by.len() > 1 {
            shared.push(SharedPart {
                texts: Vec::new(),
                holders: held_by.iter().copied().collect(),
            });
        }
    }
    if !shared.is_empty() {
        let at: HashMap<usize, usize> = holders
            .iter()
            .filter(|(_, h)| h.len() > 1)
            .enumerate()
            .map(|(k, (&a, _))| (a, k))
            .collect();
        for (d, r) in root.iter().enumerate() {
            if let Some(&k) = at.get(r) {
                shared[k].texts.push(d);
            }
        }
    }
    shared
}

/// Where a quotation of a shared part goes when its passage says: a part
/// that two quotations hold joins one of them ([`join_parts`]), but where
/// it was cut from a split quotation ("X," she said, "Y."), the other half,
/// in the same passage, belongs to one quotation, and so does this one.
/// Returns the quotations (indexes into `quotes`) that go to another group
/// than their text's, with that group.
fn place_by_passage<'q>(
    quotes: &'q [Quote],
    index: &QuoteIndex,
    group_of: &[usize],
    shared: &[SharedPart],
) -> HashMap<usize, usize> {
    let mut moved: HashMap<usize, usize> = HashMap::default();
    if shared.is_empty() {
        return moved;
    }
    // A quotation's passage (none where its record has none).
    let passage = |q: &'q Quote| {
        (!q.passage.is_empty()).then(|| (&*q.span.source, q.passage.start, q.passage.end))
    };
    // The passages of the shared parts' quotations, then every quotation
    // standing in one of them.
    let mut in_passage: HashMap<(&str, u32, u32), Vec<usize>> = HashMap::default();
    for part in shared {
        for &d in &part.texts {
            for m in index.members(d) {
                if let Some(p) = passage(&quotes[m]) {
                    in_passage.entry(p).or_default();
                }
            }
        }
    }
    for (i, q) in quotes.iter().enumerate() {
        if let Some(list) = passage(q).and_then(|p| in_passage.get_mut(&p)) {
            list.push(i);
        }
    }
    for part in shared {
        let holding: BTreeSet<usize> = part.holders.iter().map(|&h| group_of[h]).collect();
        for &d in &part.texts {
            for m in index.members(d) {
                let Some(p) = passage(&quotes[m]) else {
                    continue;
                };
                let to = in_passage[&p]
                    .iter()
                    .map(|&s| index.distinct_of(s))
                    .filter(|e| part.texts.binary_search(e).is_err())
                    .map(|e| group_of[e])
                    .find(|g| holding.contains(g));
                if let Some(g) = to
                    && g != group_of[d]
                {
                    moved.insert(m, g);
                }
            }
        }
    }
    moved
}

/// Joins groups of the same words through variant links without chaining:
/// the groups are taken longest quotation first (then in corpus order), and
/// each one not yet taken leads a group of its own that takes every group
/// linked to it directly and not yet taken. Returns each distinct text's
/// final group.
///
/// A link is judged on the whole of both quotations, not only on the two
/// texts that made it. Two sayings cast in one mould ("what matters now is
/// a credible horizon for the industries", "... a reliable horizon for the
/// voters") have first clauses that pass for variants when the clauses are
/// quoted alone (a split quotation is extracted as two); their whole
/// renderings do not. So a link holds only when each group's longest
/// rendering is a variant of the other's, or the same words: where a group
/// was only ever seen as a clause, that clause is its longest rendering.
fn attach(index: &QuoteIndex, same_words: &mut Groups, weak: &[(usize, usize)]) -> Vec<usize> {
    let n = index.len();
    let (root, longest) = roots_and_longest(index, same_words);
    let length = |r: usize| index.form(longest[r]).words.len();
    // The distinct links between groups, each judged once (in parallel: a
    // judgement may be an alignment).
    let mut between: Vec<(usize, usize, bool)> = weak
        .iter()
        .filter_map(|&(d, e)| {
            let (a, b) = (root[d], root[e]);
            // The two texts that made the link are their groups' longest:
            // it was judged on them already.
            let judged = (longest[a], longest[b]) == (d, e);
            (a != b).then_some((a.min(b), a.max(b), judged))
        })
        .collect();
    between.sort_unstable();
    between.dedup_by(|next, kept| {
        let same = (next.0, next.1) == (kept.0, kept.1);
        kept.2 |= same && next.2;
        same
    });
    let holds: Vec<bool> = between
        .par_iter()
        .map(|&(a, b, judged)| {
            let (fa, fb) = (index.form(longest[a]), index.form(longest[b]));
            judged
                || compare::compare_forms(fa, fb)
                    .or_else(|| compare::compare_forms(fb, fa))
                    .is_some()
        })
        .collect();
    let mut links: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (&(a, b, _), holds) in between.iter().zip(holds) {
        if holds {
            links.entry(a).or_default().insert(b);
            links.entry(b).or_default().insert(a);
        }
    }
    let mut order: Vec<usize> = links.keys().copied().collect();
    order.sort_by_key(|&r| (std::cmp::Reverse(length(r)), r));
    let mut leader: Vec<Option<usize>> = vec![None; n];
    for r in order {
        if leader[r].is_some() {
            continue;
        }
        leader[r] = Some(r);
        for &other in &links[&r] {
            leader[other].get_or_insert(r);
        }
    }
    root.iter().map(|&r| leader[r].unwrap_or(r)).collect()
}

/// Compares two quotations in both directions and keeps the closer reading.
fn quote_pair(a: &QuoteForm, b: &QuoteForm) -> Option<compare::QuoteComparison> {
    let ab = compare::compare_forms(a, b);
    let ba = compare::compare_forms(b, a);
    match (ab, ba) {
        (Some(x), Some(y)) => Some(if (y.level, -y.similarity) < (x.level, -x.similarity) {
            y
        } else {
            x
        }),
        (x, y) => x.or(y),
    }
}

fn quote_group(
    ex: &Extracted,
    speakers: &SpeakerTable,
    index: &QuoteIndex,
    members: Vec<usize>,
) -> Pending {
    let quotes: Vec<&Quote> = members.iter().map(|&i| &ex.quotes[i]).collect();
    // Each pair of distinct texts is compared once, however many places
    // carry them.
    let mut compared: HashMap<(usize, usize), Option<compare::QuoteComparison>> =
        HashMap::default();
    // Representative: the longest rendering (fragments join it).
    let rep = (0..quotes.len())
        .max_by_key(|&k| (quotes[k].text.len(), std::cmp::Reverse(k)))
        .unwrap_or(0);
    let pairs_to_compare: Vec<(usize, usize)> = if quotes.len() <= MAX_PAIRWISE {
        (0..quotes.len())
            .flat_map(|a| (a + 1..quotes.len()).map(move |b| (a, b)))
            .collect()
    } else {
        (0..quotes.len())
            .filter(|&k| k != rep)
            .map(|k| (rep.min(k), rep.max(k)))
            .collect()
    };
    let mut pairs = Vec::new();
    for (a, b) in pairs_to_compare {
        let (qa, qb) = (quotes[a], quotes[b]);
        let speech = qa.kind == QuoteKind::Speech && qb.kind == QuoteKind::Speech;
        let misattributed = speech
            && match (&qa.speaker, &qb.speaker) {
                (Some(x), Some(y)) => speakers.differ(x, y),
                _ => false,
            };
        let (da, db) = (index.distinct_of(members[a]), index.distinct_of(members[b]));
        let cmp = compared
            .entry((da, db))
            .or_insert_with(|| quote_pair(index.form(da), index.form(db)))
            .clone();
        let (status, difference) = if misattributed {
            (
                Status::Misattributed,
                format!(
                    "{} gives it to {}, {} to {}",
                    qa.span.source,
                    qa.speaker.as_deref().unwrap_or("?"),
                    qb.span.source,
                    qb.speaker.as_deref().unwrap_or("?")
                ),
            )
        } else {
            match cmp {
                Some(c) if c.level == QuoteLevel::Variant => {
                    (Status::Variant, c.diff.unwrap_or_default())
                }
                Some(c) if c.level == QuoteLevel::StyleVariant => (
                    Status::StyleVariant,
                    c.diff.unwrap_or_else(|| "spelling or punctuation".into()),
                ),
                _ => (Status::Consistent, String::new()),
            }
        };
        if status.is_flag() {
            pairs.push(Pair {
                a,
                b,
                status,
                difference,
            });
        }
    }
    let status = pairs
        .iter()
        .map(|p| p.status)
        .max()
        .unwrap_or(Status::Consistent);
    // Only counted: no order needed.
    let sources: FxHashSet<&str> = quotes.iter().map(|q| &*q.span.source).collect();
    let summary = match status {
        Status::Misattributed => {
            let mut by_speaker: BTreeMap<Shared, BTreeSet<&str>> = BTreeMap::new();
            for q in &quotes {
                if let Some(s) = &q.speaker {
                    let key = by_speaker
                        .keys()
                        .find(|k| speakers.same(k, s))
                        .cloned()
                        .unwrap_or_else(|| s.clone());
                    by_speaker.entry(key).or_default().insert(&q.span.source);
                }
            }
            let parts: Vec<String> = by_speaker
                .iter()
                .map(|(s, src)| {
                    format!(
                        "{} ({})",
                        s,
                        src.iter().copied().collect::<Vec<_>>().join(", ")
                    )
                })
                .collect();
            format!(
                "the same words are given to different speakers: {}",
                parts.join(" vs ")
            )
        }
        Status::Variant => format!(
            "{} renderings in {} differ in wording: {}",
            quotes.len(),
            counted(sources.len(), "source"),
            pairs
                .iter()
                .find(|p| p.status == Status::Variant)
                .map_or("", |p| p.difference.as_str())
        ),
        Status::StyleVariant => format!(
            "{} renderings in {} differ only in spelling, punctuation or elisions",
            quotes.len(),
            counted(sources.len(), "source")
        ),
        _ => format!(
            "quoted alike in {} places across {}",
            quotes.len(),
            counted(sources.len(), "source")
        ),
    };
    let finding = Finding {
        id: String::new(),
        kind: ItemKind::Quote,
        status,
        subject: quotes[rep].text.to_string(),
        summary,
        items: Vec::new(),
        pairs,
    };
    (finding, members)
}

/// A quotation's item, made of its record.
fn quote_item(ex: &Extracted, q: Quote) -> Item {
    let src = ex.source(&q.span.source);
    Item {
        outlet: src.and_then(|s| s.outlet.clone()),
        date: src.and_then(|s| s.date),
        source: q.span.source,
        line: q.span.line,
        column: q.span.column,
        start: q.span.start,
        end: q.span.end,
        text: q.passage_text,
        surface: q.text,
        speaker: q.speaker,
        figure: None,
    }
}

// ---------------------------------------------------------------- figures

fn figure_findings(ex: &Extracted) -> Vec<Pending> {
    let figures = &ex.figures;
    let index = FigureIndex::new(figures);
    // Groups are unions of subject keys about the same thing. Figures are
    // related only within a key or across two keys that match directly
    // (as pairs of figures matched before keys), never across a chain.
    let key_pairs = index.key_pairs(figures);
    let mut groups = Groups::new(index.key_count());
    for &(a, b) in &key_pairs {
        groups.union(a, b);
    }
    let mut pairs_of: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for k in 0..index.key_count() {
        pairs_of.entry(groups.find(k)).or_default().push((k, k));
    }
    for &(a, b) in &key_pairs {
        pairs_of.entry(groups.find(a)).or_default().push((a, b));
    }
    let groups: Vec<Vec<(usize, usize)>> = pairs_of.into_values().collect();
    let mut out: Vec<Pending> = groups
        .into_par_iter()
        .filter_map(|key_pairs| {
            let mut members: Vec<usize> = key_pairs
                .iter()
                .filter(|(a, b)| a == b)
                .flat_map(|&(k, _)| index.key_members(k).iter().map(|&i| i as usize))
                .collect();
            if members.len() < 2 {
                return None;
            }
            members.sort_unstable();
            let relations = figure_relations(ex, &index, &members, &key_pairs);
            let finding = figure_group(ex, &members, relations);
            Some((finding, members))
        })
        .collect();
    out.sort_by_key(|(_, members)| members[0]);
    out
}

/// What [`compare::relate`] looks at in a figure (besides its subject):
/// figures with equal signatures relate alike to every other figure.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct RelationKey {
    modality: crate::extract::Modality,
    qualifier: crate::extract::Qualifier,
    value: u64,
    low: u64,
    high: u64,
    period: Option<crate::extract::Period>,
    period_note: Option<String>,
    date: Option<jiff::civil::Date>,
}

fn relation_key(ex: &Extracted, f: &Figure) -> RelationKey {
    // A fall relates to others as its negative ("fell 3%" against "rose
    // 3%").
    let (low, high) = crate::compare::signed_interval(f);
    RelationKey {
        modality: f.modality,
        qualifier: f.qualifier,
        value: f.value.to_bits(),
        low: low.to_bits(),
        high: high.to_bits(),
        period: f.period.clone(),
        period_note: f.period_note.clone(),
        // The date matters only to counts with no period.
        date: compare::as_of(f, || ex.date_of(&f.span.source)),
    }
}

/// The relations between the group's figures that matter for its status:
/// conflicts as pairs of positions in `members` (`a < b`, in order), and
/// whether any two are about different periods. Figures are related within
/// each subject key and across each directly matching pair of keys; each
/// pair of distinct signatures is related once.
/// Most pairs of signatures related for one pair of keys before each
/// signature is related to the most reported one only.
const MAX_SIGNATURE_PAIRS: usize = MAX_PAIRWISE * MAX_PAIRWISE / 2;

/// The pairs of signatures (indexes into `la` and `lb`, each a signature's
/// first figure and the positions of all its figures) to relate: every
/// pair (within one key, `x <= y`) while there are at most
/// [`MAX_SIGNATURE_PAIRS`]; past that, every signature against the other
/// list's most reported one (the first of those tied).
fn signature_pairs(
    la: &[(usize, Vec<usize>)],
    lb: &[(usize, Vec<usize>)],
    same_key: bool,
) -> Vec<(usize, usize)> {
    let all = if same_key {
        la.len() * (la.len() + 1) / 2
    } else {
        la.len() * lb.len()
    };
    if all <= MAX_SIGNATURE_PAIRS {
        return (0..la.len())
            .flat_map(|x| (if same_key { x } else { 0 }..lb.len()).map(move |y| (x, y)))
            .collect();
    }
    let most = |l: &[(usize, Vec<usize>)]| {
        (0..l.len())
            .max_by_key(|&k| (l[k].1.len(), std::cmp::Reverse(k)))
            .unwrap_or(0)
    };
    if same_key {
        let r = most(la);
        (0..la.len()).map(|x| (r.min(x), r.max(x))).collect()
    } else {
        let (ra, rb) = (most(la), most(lb));
        (0..lb.len())
            .map(|y| (ra, y))
            .chain((0..la.len()).filter(|&x| x != ra).map(|x| (x, rb)))
            .collect()
    }
}

fn figure_relations(
    ex: &Extracted,
    index: &FigureIndex,
    members: &[usize],
    key_pairs: &[(usize, usize)],
) -> Relations {
    let pos: HashMap<usize, usize> = members.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    // Per key: its figures bucketed by signature (first figure kept for
    // relating; positions of all).
    let mut buckets: HashMap<usize, Vec<(usize, Vec<usize>)>> = HashMap::default();
    for &(k, _) in key_pairs.iter().filter(|(a, b)| a == b) {
        let mut by_sig: HashMap<RelationKey, usize> = HashMap::default();
        let mut list: Vec<(usize, Vec<usize>)> = Vec::new();
        for &i in index.key_members(k) {
            let i = i as usize;
            let slot = *by_sig
                .entry(relation_key(ex, &ex.figures[i]))
                .or_insert_with(|| {
                    list.push((i, Vec::new()));
                    list.len() - 1
                });
            list[slot].1.push(pos[&i]);
        }
        buckets.insert(k, list);
    }
    let mut conflicts = Vec::new();
    let mut other_period = false;
    let mut not_compared: Option<String> = None;
    let mut within_one_source = None;
    let source = |p: usize| &*ex.figures[members[p]].span.source;
    // The first of `ps` (positions), and the first from another source
    // than the first's: between them, a figure from another source than
    // any given one's, when there is one.
    let firsts = |ps: &[usize]| {
        let first = ps[0];
        (
            first,
            ps.iter().copied().find(|&q| source(q) != source(first)),
        )
    };
    let other_source = |(first, second): (usize, Option<usize>), p: usize| {
        if source(first) != source(p) {
            Some(first)
        } else {
            second
        }
    };
    let relate = |a: usize, b: usize| {
        let (f, g) = (&ex.figures[a], &ex.figures[b]);
        compare::relate(f, ex.date_of(&f.span.source), g, ex.date_of(&g.span.source))
    };
    // Each pair of signatures is met once (signatures are per key, and each
    // pair of keys is listed once), up to MAX_SIGNATURE_PAIRS pairs for a
    // pair of keys; past that, each signature is related to the other
    // side's most reported one only, so that many distinct readings of one
    // thing cost their number, not its square.
    for &(ka, kb) in key_pairs {
        let (la, lb) = (&buckets[&ka], &buckets[&kb]);
        for (x, y) in signature_pairs(la, lb, ka == kb) {
            let ((fa, pa), (fb, pb)) = (&la[x], &lb[y]);
            match relate(*fa, *fb) {
                Relation::Conflict(why) => {
                    // Every figure of one value against a figure of the
                    // other from another source, and the other way
                    // round: each disagreeing figure is listed, in a
                    // number of pairs that grows with the group, not
                    // with its square. Two figures of one source are
                    // never a conflict: one article giving two values
                    // is two things ("BYD faces 17.4%, SAIC 37.6%") far
                    // more often than it contradicts itself. The reason
                    // reads in the pair's order: the figure that comes
                    // first in the group first.
                    let mut why_back: Option<String> = None;
                    let (ends_a, ends_b) = (firsts(pa), firsts(pb));
                    // Pairs (position in `pa`, position in `pb`); as
                    // an error, a figure with no partner from another
                    // source, paired with one of its own source.
                    let listed =
                        pa.iter()
                            .map(|&p| other_source(ends_b, p).map(|q| (p, q)).ok_or((p, pb[0])))
                            .chain(pb.iter().map(|&q| {
                                other_source(ends_a, q).map(|p| (p, q)).ok_or((pa[0], q))
                            }));
                    let mut pairs = Vec::new();
                    for pair in listed {
                        match pair {
                            Ok(pq) => pairs.push(pq),
                            Err((p, q)) => {
                                within_one_source = within_one_source.or(Some((p.min(q), p.max(q))))
                            }
                        }
                    }
                    for (p, q) in pairs {
                        if p < q {
                            conflicts.push((p, q, why.clone()));
                        } else if q < p {
                            let back = why_back.get_or_insert_with(|| match relate(*fb, *fa) {
                                Relation::Conflict(w) => w,
                                _ => String::new(),
                            });
                            conflicts.push((q, p, back.clone()));
                        }
                    }
                }
                Relation::OtherPeriod(_) => other_period = true,
                Relation::OtherModality(why) => {
                    not_compared.get_or_insert(why);
                }
                Relation::Agree => {}
            }
        }
    }
    conflicts.sort_by_key(|c| (c.0, c.1));
    conflicts.dedup_by(|a, b| (a.0, a.1) == (b.0, b.1));
    // A source that gives one value and another of the group too, the
    // second agreeing with the other source's, names two things (the group
    // mixes them): "a: BYD 17.4%, SAIC 37.6%" against "b: SAIC 37.6%" is no
    // conflict of 17.4% with 37.6%.
    if !conflicts.is_empty() {
        let mut by_source: HashMap<&str, Vec<usize>> = HashMap::default();
        for p in 0..members.len() {
            by_source.entry(source(p)).or_default().push(p);
        }
        // A figure of `p`'s source that agrees with `q` and is another
        // thing than `p` (they conflict: "at least 62" and "62" are one).
        let twin = |p: usize, q: usize| {
            by_source[source(p)]
                .iter()
                .copied()
                .find(|&r| {
                    r != p
                        && matches!(relate(members[r], members[q]), Relation::Agree)
                        && matches!(relate(members[r], members[p]), Relation::Conflict(_))
                })
                .map(|r| (p.min(r), p.max(r)))
        };
        conflicts.retain(|&(p, q, _)| match twin(p, q).or_else(|| twin(q, p)) {
            Some(pair) => {
                within_one_source = within_one_source.or(Some(pair));
                false
            }
            None => true,
        });
    }
    Relations {
        conflicts,
        other_period,
        within_one_source,
        not_compared,
    }
}

/// How a figure group's figures relate ([`figure_relations`]).
struct Relations {
    /// Conflicting pairs of positions in the group (`a < b`), each pair
    /// from two sources, with the reason.
    conflicts: Vec<(usize, usize, String)>,
    /// Whether any two are about different periods.
    other_period: bool,
    /// Why two of them were not compared, if any two were not: a target
    /// and an actual, two forecasts that differ (the first met).
    not_compared: Option<String>,
    /// Two figures of one source that would conflict, were they from two,
    /// or whose one agrees with a figure the other conflicts with: taken as
    /// two things, not a conflict (see [`figure_relations`]).
    within_one_source: Option<(usize, usize)>,
}

fn figure_group(
    ex: &Extracted,
    members: &[usize],
    Relations {
        conflicts,
        other_period,
        within_one_source,
        not_compared,
    }: Relations,
) -> Finding {
    let figs: Vec<&Figure> = members.iter().map(|&i| &ex.figures[i]).collect();
    let pairs: Vec<Pair> = conflicts
        .into_iter()
        .map(|(a, b, difference)| Pair {
            a,
            b,
            status: Status::Conflict,
            difference,
        })
        .collect();
    let status = if !pairs.is_empty() {
        Status::Conflict
    } else if other_period {
        Status::OtherPeriod
    } else {
        Status::Consistent
    };
    // The group's name: the subject phrase most items share, shortest first.
    // Ties go to the phrase last in byte order.
    let mut counts: HashMap<&str, usize> = HashMap::default();
    for f in &figs {
        if !f.subject.text.is_empty() {
            *counts.entry(&*f.subject.text).or_default() += 1;
        }
    }
    let subject = counts
        .iter()
        .max_by_key(|(t, n)| (**n, std::cmp::Reverse(t.len()), **t))
        .map_or(figs[0].unit, |(t, _)| *t)
        .to_string();
    // Only counted: no order needed.
    let sources: FxHashSet<&str> = figs.iter().map(|f| &*f.span.source).collect();
    let summary = match status {
        Status::Conflict => {
            let p = &pairs[0];
            let (fa, fb) = (figs[p.a], figs[p.b]);
            let period = fa
                .period
                .as_ref()
                .map_or("no period stated".to_string(), |p| p.label.to_string());
            let more = match pairs.len() - 1 {
                0 => String::new(),
                1 => " (+1 more disagreeing pair)".to_string(),
                n => format!(" (+{n} more disagreeing pairs)"),
            };
            format!(
                "{} ({}, {}) vs {} ({}, {}): {}{}",
                show_value(fa),
                period,
                fa.span.source,
                show_value(fb),
                period,
                fb.span.source,
                p.difference.split(": ").last().unwrap_or(""),
                more
            )
        }
        Status::OtherPeriod => format!(
            "{} figures in {} for different periods ({}); none contradicts another for the same period{}",
            figs.len(),
            counted(sources.len(), "source"),
            // A count with no period is true as of its source's date, and
            // says so ("as of 2026-10-12"), as `compare::relate` reads it.
            compare::period_labels(figs.iter().copied(), |f| {
                compare::as_of(f, || ex.date_of(&f.span.source))
                    .map_or("unstated".to_string(), |d| format!("as of {d}"))
            }),
            one_source_note(&figs, within_one_source),
        ),
        _ if within_one_source.is_some() => format!(
            "{} figures in {}: none contradicts one from another source{}",
            figs.len(),
            counted(sources.len(), "source"),
            one_source_note(&figs, within_one_source),
        ),
        _ => match not_compared {
            // "Agree" only of figures that were all compared.
            Some(why) => format!(
                "{} figures in {}: none contradicts another; not compared, as {why}",
                figs.len(),
                counted(sources.len(), "source")
            ),
            None => format!(
                "{} figures in {} agree",
                figs.len(),
                counted(sources.len(), "source")
            ),
        },
    };
    Finding {
        id: String::new(),
        kind: ItemKind::Figure,
        status,
        subject,
        summary,
        items: Vec::new(),
        pairs,
    }
}

/// What a group's summary says of two figures of one source that differ
/// ([`Relations::within_one_source`]): nothing when there are none.
fn one_source_note(figs: &[&Figure], pair: Option<(usize, usize)>) -> String {
    pair.map_or(String::new(), |(a, b)| {
        format!(
            "; {} gives both {} and {}, taken as two things",
            figs[a].span.source,
            show_value(figs[a]),
            show_value(figs[b])
        )
    })
}

/// A figure's item, made of its record.
fn figure_item(ex: &Extracted, f: Figure) -> Item {
    let src = ex.source(&f.span.source);
    Item {
        outlet: src.and_then(|s| s.outlet.clone()),
        date: src.and_then(|s| s.date),
        source: f.span.source,
        line: f.span.line,
        column: f.span.column,
        start: f.span.start,
        end: f.span.end,
        text: f.passage_text,
        surface: f.text,
        speaker: None,
        figure: Some(Box::new(ItemFigure {
            value: f.value,
            unit: f.unit,
            qualifier: f.qualifier.as_str(),
            low: f.low,
            high: f.high,
            // Labels repeat ("2023"): one shared copy each.
            period: f.period.map(|p| p.label),
            modality: f.modality.as_str(),
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::testing::{corpus, figure, quote};
    use crate::extract::{Modality::*, Qualifier::*};

    fn d(y: i16, m: i8, day: i8) -> Option<jiff::civil::Date> {
        Some(jiff::civil::date(y, m, day))
    }

    proptest::proptest! {
        #[test]
        fn items_are_their_groups_records_in_order_whatever_the_block(
            owner in proptest::collection::vec(proptest::option::of(0..4usize), 0..60),
            block in 1..9usize,
        ) {
            // Record `i` (line `i`) belongs to group `owner[i]`, or none.
            let mut groups: Vec<Pending> = (0..4).map(|_| (Finding {
                id: String::new(),
                kind: ItemKind::Quote,
                status: Status::Consistent,
                subject: String::new(),
                summary: String::new(),
                items: Vec::new(),
                pairs: Vec::new(),
            }, Vec::new())).collect();
            for (i, g) in owner.iter().enumerate() {
                if let Some(g) = g {
                    groups[*g].1.push(i);
                }
            }
            let records: Vec<u32> = (0..owner.len() as u32).collect();
            let make = |line: u32| Item { line, ..Item::default() };
            let items = take_items_by(records, &groups, make, block);
            proptest::prop_assert_eq!(items.len(), groups.len());
            for ((_, members), items) in groups.iter().zip(&items) {
                let lines: Vec<usize> = items.iter().map(|i| i.line as usize).collect();
                proptest::prop_assert_eq!(&lines, members);
            }
        }
    }

    fn statuses(r: &ScanReport) -> Vec<(ItemKind, Status, usize)> {
        r.findings
            .iter()
            .map(|f| (f.kind, f.status, f.items.len()))
            .collect()
    }

    #[test]
    fn a_role_is_no_other_speaker_than_a_name() {
        // "the minister" may be Piotr Nowak: no misattribution; but two
        // presidents of two countries are two speakers.
        let words = "we will defend the border whatever it costs us";
        let ex = corpus(
            &[("a", None), ("b", None)],
            vec![
                quote("a", 3, words, Some("minister")),
                quote("b", 5, words, Some("Piotr Nowak")),
            ],
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(statuses(&r), vec![(ItemKind::Quote, Status::Consistent, 2)]);
        let ex = corpus(
            &[("a", None), ("b", None)],
            vec![
                quote("a", 3, words, Some("Russian president")),
                quote("b", 5, words, Some("Chinese president")),
            ],
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(
            statuses(&r),
            vec![(ItemKind::Quote, Status::Misattributed, 2)]
        );
    }

    #[test]
    fn same_words_different_speakers_is_misattributed() {
        let ex = corpus(
            &[("a", None), ("b", None), ("c", None)],
            vec![
                quote(
                    "a",
                    3,
                    "changes that haven't happened in 100 years",
                    Some("Xi Jinping"),
                ),
                quote(
                    "b",
                    5,
                    "Changes that haven’t happened in 100 years",
                    Some("Xi"),
                ),
                quote(
                    "c",
                    7,
                    "changes that haven't happened in 100 years",
                    Some("Vladimir Putin"),
                ),
            ],
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(
            statuses(&r),
            vec![(ItemKind::Quote, Status::Misattributed, 3)]
        );
        let f = &r.findings[0];
        assert_eq!(f.id, "Q1");
        assert_eq!(
            f.pairs.len(),
            2,
            "a-c and b-c, not a-b: Xi and Xi Jinping are one speaker"
        );
        assert!(f.summary.contains("Vladimir Putin (c)"), "{}", f.summary);
    }

    #[test]
    fn variant_links_do_not_chain() {
        // b is a variant of a and of c, but a and c share too little to be
        // one quotation: a (first of the longest) takes b, and c stays with
        // its own repetition d.
        let texts = [
            "alpha bravo charlie delta echo foxtrot golf hotel",
            "alpha bravo charlie delta echo kilo lima mike",
            "alpha bravo november oscar echo kilo lima mike",
            "alpha bravo november oscar echo kilo lima mike",
        ];
        let level =
            |a: usize, b: usize| compare::compare_quotes(texts[a], texts[b]).map(|c| c.level);
        assert_eq!(level(0, 1), Some(QuoteLevel::Variant));
        assert_eq!(level(1, 2), Some(QuoteLevel::Variant));
        assert_eq!(level(0, 2), None);
        let ex = corpus(
            &[("a", None), ("b", None), ("c", None), ("d", None)],
            texts
                .iter()
                .zip(["a", "b", "c", "d"])
                .map(|(t, s)| quote(s, 1, t, None))
                .collect(),
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        let groups: Vec<Vec<&str>> = r
            .findings
            .iter()
            .map(|f| f.items.iter().map(|i| &*i.source).collect())
            .collect();
        assert_eq!(groups, vec![vec!["a", "b"], vec!["c", "d"]]);
    }

    /// Each finding's status and the sources of its items.
    fn sources_by_finding(r: &ScanReport) -> Vec<(Status, Vec<&str>)> {
        r.findings
            .iter()
            .map(|f| (f.status, f.items.iter().map(|i| &*i.source).collect()))
            .collect()
    }

    #[test]
    fn a_variant_link_between_clauses_is_judged_on_the_whole_quotations() {
        // Two sayings cast in one mould, each quoted whole in one source
        // and its first clause alone in another (a split quotation is
        // extracted as two). The clauses pass for variants; the whole
        // quotations do not, so the two stay apart.
        let whole = [
            "what matters now is a credible horizon for the industries, and we will keep every promise made to the miners",
            "what matters now is a reliable horizon for the voters, and nobody should doubt the resolve of this government",
        ];
        let clause = [
            "what matters now is a credible horizon for the industries",
            "what matters now is a reliable horizon for the voters",
        ];
        let level = |a: &str, b: &str| compare::compare_quotes(a, b).map(|c| c.level);
        assert_eq!(level(clause[0], clause[1]), Some(QuoteLevel::Variant));
        assert_eq!(level(whole[0], whole[1]), None);
        assert_eq!(level(whole[1], whole[0]), None);
        let ex = corpus(
            &[("a", None), ("b", None), ("c", None), ("d", None)],
            vec![
                quote("a", 1, whole[0], None),
                quote("b", 1, clause[0], None),
                quote("c", 1, whole[1], None),
                quote("d", 1, clause[1], None),
            ],
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        let groups = sources_by_finding(&r);
        assert_eq!(
            groups,
            vec![
                (Status::Consistent, vec!["a", "b"]),
                (Status::Consistent, vec!["c", "d"])
            ]
        );
        // Seen only as clauses, the two are one quotation in two wordings.
        let ex = corpus(
            &[("b", None), ("d", None)],
            vec![
                quote("b", 1, clause[0], None),
                quote("d", 1, clause[1], None),
            ],
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(statuses(&r), vec![(ItemKind::Quote, Status::Variant, 2)]);
    }

    #[test]
    fn a_phrase_two_quotations_share_joins_one_of_them_only() {
        // "no limits" stands in Xi's words and in Putin's: it joins the
        // longer, and the two quotations stay apart, neither called
        // misattributed.
        let xi = "our partnership has no limits and it will keep deepening in every field";
        let putin = "the friendship between our peoples has no limits, as we agreed in Beijing two years ago";
        let ex = corpus(
            &[("a", None), ("b", None), ("c", None)],
            vec![
                quote("a", 1, xi, Some("Xi Jinping")),
                quote("b", 1, putin, Some("Vladimir Putin")),
                quote("c", 1, "no limits", None),
            ],
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(
            sources_by_finding(&r),
            vec![(Status::Consistent, vec!["b", "c"])]
        );
        // Said by another speaker, a part of one quotation is still the
        // same words given to two people.
        let ex = corpus(
            &[("a", None), ("b", None)],
            vec![
                quote("a", 1, xi, Some("Xi Jinping")),
                quote("b", 1, "it will keep deepening", Some("Vladimir Putin")),
            ],
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(
            statuses(&r),
            vec![(ItemKind::Quote, Status::Misattributed, 2)]
        );
    }

    #[test]
    fn a_shared_clause_cut_from_a_split_quotation_goes_with_its_other_half() {
        // Two quotations open with the same clause. Quoted alone, the clause
        // joins the longer (Dora's); cut from a split quotation of the
        // other (Casimir's), it goes where its other half, in the same
        // passage, goes: no one is called misattributed.
        let clause = "I do not believe the compromise can survive";
        let dora = "I do not believe the compromise can survive, and the harbour must never become an excuse for delay on the coalition";
        let casimir = "I do not believe the compromise can survive, and our farmers deserve a fair price for every harvest they bring";
        let half = "and our farmers deserve a fair price for every harvest they bring";
        let split = |line: usize, text: &str| {
            let mut q = quote("d", line, text, Some("Casimir Talegard"));
            q.passage = 40..200;
            q
        };
        let quotes = vec![
            quote("a", 1, dora, Some("Dora Kelerville")),
            quote("b", 1, casimir, Some("Casimir Talegard")),
            split(1, clause),
            split(1, half),
            quote("e", 1, dora, Some("Dora Kelerville")),
            quote("f", 1, clause, Some("Dora Kelerville")),
        ];
        let sources: Vec<(&str, _)> = ["a", "b", "d", "e", "f"].map(|s| (s, None)).to_vec();
        let r = scan(
            corpus(&sources, quotes.clone(), vec![]),
            &SpeakerTable::default(),
        );
        assert_eq!(
            sources_by_finding(&r),
            vec![
                (Status::Consistent, vec!["a", "e", "f"]),
                (Status::Consistent, vec!["b", "d", "d"]),
            ]
        );
        // Without the passage's tie (each half a passage of its own), the
        // clause joins the longer quotation, and is then a misattribution.
        let mut apart = quotes;
        apart[3].passage = 300..400;
        let r = scan(corpus(&sources, apart, vec![]), &SpeakerTable::default());
        assert_eq!(r.findings[0].status, Status::Misattributed);
    }

    #[test]
    fn parts_of_parts_join_the_whole() {
        // A clause of a quotation, and a phrase of that clause: the phrase
        // joins the clause, the clause the whole; one quotation. Phrases
        // that hold most of a text (three words of four) join it outright.
        let ex = corpus(
            &[("a", None), ("b", None), ("c", None), ("d", None)],
            vec![
                quote(
                    "a",
                    1,
                    "we will open the northern route to grain convoys before the winter, and we will keep it open whatever the cost",
                    None,
                ),
                quote(
                    "b",
                    1,
                    "we will open the northern route to grain convoys",
                    None,
                ),
                quote("c", 1, "the northern route", None),
                quote("d", 1, "the northern route to", None),
            ],
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(
            sources_by_finding(&r),
            vec![(Status::Consistent, vec!["a", "b", "c", "d"])]
        );
    }

    #[test]
    fn a_link_found_by_either_lookup_counts() {
        // The first text's lookup is crowded out: 64 later texts hold all
        // its words (in another order, so they are not the same quotation
        // nor a variant of it) and tie with it ahead of its variant, which
        // holds one word fewer. The variant's own lookup finds it first.
        let first = "alpha bravo charlie delta echo";
        let variant = "alpha bravo charlie delta foxtrot";
        assert_eq!(
            compare::compare_quotes(variant, first).map(|c| c.level),
            Some(QuoteLevel::Variant)
        );
        let mut quotes = vec![quote("s1", 1, first, None)];
        for i in 0..MAX_QUOTE_CANDIDATES {
            let text = format!("echo q{i}a delta q{i}b charlie q{i}c bravo q{i}d alpha q{i}e");
            assert!(compare::compare_quotes(first, &text).is_none());
            assert!(compare::compare_quotes(&text, first).is_none());
            quotes.push(quote("s2", i + 1, &text, None));
        }
        // Unrelated texts, so that the shared words are not the common
        // words a lookup leaves out.
        for i in 0..700 {
            quotes.push(quote("s3", i + 1, &format!("z{i}x z{i}y z{i}w"), None));
        }
        quotes.push(quote("s4", 1, variant, None));
        let ex = corpus(
            &[("s1", None), ("s2", None), ("s3", None), ("s4", None)],
            quotes,
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        let groups = sources_by_finding(&r);
        assert_eq!(groups, vec![(Status::Variant, vec!["s1", "s4"])]);
    }

    #[test]
    fn quote_statuses_style_variant_variant_consistent() {
        let ex = corpus(
            &[("a", None), ("b", None), ("c", None), ("d", None)],
            vec![
                quote(
                    "a",
                    1,
                    "good neighbours, good friends and good partners",
                    Some("Xi Jinping"),
                ),
                quote(
                    "b",
                    1,
                    "good neighbors, good friends, and good partners",
                    Some("Xi Jinping"),
                ),
                quote(
                    "c",
                    1,
                    "we will never accept hegemony in any form",
                    Some("Vladimir Putin"),
                ),
                quote(
                    "d",
                    1,
                    "we will never accept hegemony in any form",
                    Some("Putin"),
                ),
            ],
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(
            statuses(&r),
            vec![
                (ItemKind::Quote, Status::StyleVariant, 2),
                (ItemKind::Quote, Status::Consistent, 2)
            ]
        );
        let ex = corpus(
            &[("a", None), ("b", None)],
            vec![
                quote(
                    "a",
                    1,
                    "good neighbours, good friends and good partners",
                    None,
                ),
                quote(
                    "b",
                    1,
                    "good neighbours, good friends and reliable partners",
                    None,
                ),
            ],
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(r.findings[0].status, Status::Variant);
        assert!(
            r.findings[0].pairs[0]
                .difference
                .contains("-good +reliable")
        );
    }

    #[test]
    fn fragment_joins_the_longer_quotation() {
        let ex = corpus(
            &[("a", None), ("b", None)],
            vec![
                quote(
                    "a",
                    1,
                    "relations between our countries are now the best ever in their history",
                    Some("Xi Jinping"),
                ),
                quote("b", 1, "the best ever in their history", Some("Xi Jinping")),
            ],
            vec![],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(statuses(&r), vec![(ItemKind::Quote, Status::Consistent, 2)]);
        assert_eq!(
            r.findings[0].subject,
            "relations between our countries are now the best ever in their history"
        );
    }

    #[test]
    fn trade_in_different_years_is_other_period_and_same_year_gap_is_conflict() {
        let trade = ["trade", "russia", "china"];
        let ex = corpus(
            &[
                ("a", d(2023, 3, 21)),
                ("b", d(2024, 5, 16)),
                ("c", d(2024, 5, 17)),
            ],
            vec![],
            vec![
                figure("a", 4, 185e9, "USD", Exact, &trade, Some(2022), Actual),
                figure("b", 6, 240e9, "USD", Exact, &trade, Some(2023), Actual),
            ],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(
            statuses(&r),
            vec![(ItemKind::Figure, Status::OtherPeriod, 2)]
        );

        let ex = corpus(
            &[
                ("a", d(2023, 3, 21)),
                ("b", d(2024, 5, 16)),
                ("c", d(2024, 5, 17)),
            ],
            vec![],
            vec![
                figure("a", 4, 185e9, "USD", Exact, &trade, Some(2022), Actual),
                figure("b", 6, 240e9, "USD", Exact, &trade, Some(2023), Actual),
                figure("c", 9, 210e9, "USD", Exact, &trade, Some(2023), Actual),
            ],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(statuses(&r), vec![(ItemKind::Figure, Status::Conflict, 3)]);
        let f = &r.findings[0];
        assert_eq!(
            f.pairs.len(),
            1,
            "only the 2023 pair conflicts: {:?}",
            f.pairs
        );
        assert_eq!(
            f.summary,
            "$240 billion (2023, b) vs $210 billion (2023, c): 13% apart, intervals do not overlap"
        );
    }

    #[test]
    fn two_values_in_one_source_are_two_things_not_a_conflict() {
        let duty = ["duti", "face", "addit"];
        // "a" gives 17.4% and 37.6% of what reads as one subject ("BYD
        // faces a 17.4% duty, SAIC 37.6%"); "b" gives `b_value`.
        let scan_with = |b_value: f64| {
            let pct =
                |src: &str, line, v| figure(src, line, v, "percent", Exact, &duty, None, Actual);
            let ex = corpus(
                &[("a", d(2024, 7, 5)), ("b", d(2024, 7, 6))],
                vec![],
                vec![pct("a", 4, 17.4), pct("a", 4, 37.6), pct("b", 6, b_value)],
            );
            scan(ex, &SpeakerTable::default())
        };
        // "b" agrees with one of the two.
        let r = scan_with(37.6);
        assert_eq!(
            statuses(&r),
            vec![(ItemKind::Figure, Status::Consistent, 3)]
        );
        assert_eq!(
            r.findings[0].summary,
            "3 figures in 2 sources: none contradicts one from another source; \
             a gives both 17.4% and 37.6%, taken as two things"
        );
        // A third value is a conflict with each of the two, listed against
        // figures of other sources only.
        let r = scan_with(20.0);
        assert_eq!(statuses(&r), vec![(ItemKind::Figure, Status::Conflict, 3)]);
        let f = &r.findings[0];
        let sources = |p: &Pair| (&*f.items[p.a].source, &*f.items[p.b].source);
        assert_eq!(f.pairs.len(), 2, "{:?}", f.pairs);
        assert!(
            f.pairs.iter().all(|p| sources(p) == ("a", "b")),
            "{:?}",
            f.pairs
        );
    }

    #[test]
    fn a_change_a_level_and_a_share_of_one_thing_are_never_compared() {
        let trade = ["trade", "russia", "china"];
        let pct = |src: &str, line: usize, v: f64, kind: Option<&'static str>| {
            let mut f = figure(src, line, v, "percent", Exact, &trade, Some(2023), Actual);
            f.attributes = kind.into_iter().collect();
            f
        };
        let dates = [
            ("a", d(2024, 2, 1)),
            ("b", d(2024, 2, 2)),
            ("c", d(2024, 2, 3)),
        ];
        // Equal subject terms: one key each, not one key for all three.
        let ex = corpus(
            &dates,
            vec![],
            vec![
                pct("a", 4, 26.0, Some("rise")),
                pct("b", 4, 5.0, None),
                pct("c", 4, 90.0, Some("share")),
            ],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert!(statuses(&r).is_empty(), "{:?}", statuses(&r));
        // A fall is a negative change: against two rises of its size, it
        // conflicts with each, and they agree.
        let ex = corpus(
            &dates,
            vec![],
            vec![
                pct("a", 4, 5.0, Some("rise")),
                pct("b", 4, 5.0, Some("rise")),
                pct("c", 4, 5.0, Some("fall")),
            ],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(statuses(&r), vec![(ItemKind::Figure, Status::Conflict, 3)]);
        let f = &r.findings[0];
        assert_eq!(f.pairs.len(), 2, "{:?}", f.pairs);
        assert!(f.summary.contains("opposite directions"), "{}", f.summary);
        // Two rises of it are compared as ever.
        let ex = corpus(
            &dates,
            vec![],
            vec![
                pct("a", 4, 26.0, Some("rise")),
                pct("b", 4, 5.0, Some("rise")),
            ],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert_eq!(statuses(&r), vec![(ItemKind::Figure, Status::Conflict, 2)]);
    }

    #[test]
    fn signature_pairs_are_all_pairs_until_there_are_too_many() {
        let list = |n: usize, most: usize| -> Vec<(usize, Vec<usize>)> {
            (0..n)
                .map(|k| (k, vec![k; if k == most { 3 } else { 1 }]))
                .collect()
        };
        let (small, large) = (list(10, 0), list(200, 7));
        assert_eq!(signature_pairs(&small, &small, true).len(), 55);
        assert_eq!(signature_pairs(&small, &list(12, 0), false).len(), 120);
        // Past MAX_SIGNATURE_PAIRS: each against the most reported one.
        let same = signature_pairs(&large, &large, true);
        assert_eq!(same.len(), 200);
        assert!(same.iter().all(|&(x, y)| x <= y && (x == 7 || y == 7)));
        let cross = signature_pairs(&large, &list(100, 3), false);
        assert_eq!(cross.len(), 100 + 199);
        assert!(cross.iter().all(|&(x, y)| x == 7 || y == 3));
    }

    #[test]
    fn many_distinct_readings_cost_their_number_not_its_square() {
        let trade = ["trade", "russia", "china"];
        let n = 400;
        let sources: Vec<(String, Option<jiff::civil::Date>)> =
            (0..n).map(|i| (format!("s{i}"), d(2024, 5, 16))).collect();
        let refs: Vec<(&str, Option<jiff::civil::Date>)> =
            sources.iter().map(|(s, dt)| (s.as_str(), *dt)).collect();
        // 400 sources, 400 values for the same thing in the same year, the
        // value 240 reported twice.
        let mut figures: Vec<Figure> = (0..n)
            .map(|i| {
                let v = 100e9 + i as f64 * 1e9;
                figure(
                    &sources[i].0,
                    3,
                    v,
                    "USD",
                    Exact,
                    &trade,
                    Some(2023),
                    Actual,
                )
            })
            .collect();
        figures.push(figure(
            &sources[1].0,
            9,
            240e9,
            "USD",
            Exact,
            &trade,
            Some(2023),
            Actual,
        ));
        let r = scan(corpus(&refs, vec![], figures), &SpeakerTable::default());
        let f = &r.findings[0];
        assert_eq!(f.status, Status::Conflict);
        assert_eq!(f.items.len(), n + 1);
        // Each reading against the one reported twice: pairs grow with the
        // readings (all pairs would be about 80,000).
        assert!(f.pairs.len() <= 2 * (n + 1), "{} pairs", f.pairs.len());
        assert!(f.pairs.len() >= n / 2, "{} pairs", f.pairs.len());
    }

    #[test]
    fn about_40_and_over_40_agree_and_target_never_conflicts() {
        let met = ["meet", "putin", "xi"];
        let trade = ["trade", "russia", "china"];
        let ex = corpus(
            &[("a", d(2023, 3, 21)), ("b", d(2023, 3, 22))],
            vec![],
            vec![
                figure("a", 2, 40.0, "count", About, &met, None, Actual),
                figure("b", 2, 40.0, "count", Over, &met, None, Actual),
                figure("a", 8, 200e9, "USD", Exact, &trade, Some(2024), Target),
                figure("b", 8, 240e9, "USD", Exact, &trade, Some(2024), Actual),
            ],
        );
        let r = scan(ex, &SpeakerTable::default());
        assert!(
            r.findings.iter().all(|f| f.status == Status::Consistent),
            "{:#?}",
            statuses(&r)
        );
    }

    #[test]
    fn unrelated_subjects_and_units_never_group() {
        let ex = corpus(
            &[("a", None), ("b", None)],
            vec![],
            vec![
                figure("a", 1, 4200.0, "km", Exact, &["border"], None, Actual),
                figure(
                    "b",
                    1,
                    3000.0,
                    "km",
                    Exact,
                    &["pipeline", "length"],
                    None,
                    Actual,
                ),
                figure("b", 2, 4200.0, "USD", Exact, &["border"], None, Actual),
            ],
        );
        assert!(scan(ex, &SpeakerTable::default()).findings.is_empty());
    }

    #[test]
    fn noise_is_never_compared() {
        let mut a = figure(
            "a",
            1,
            4.99,
            "USD",
            Exact,
            &["subscription", "month"],
            None,
            Actual,
        );
        a.noise = true;
        let b = figure(
            "b",
            1,
            9.99,
            "USD",
            Exact,
            &["subscription", "month"],
            None,
            Actual,
        );
        let ex = corpus(&[("a", None), ("b", None)], vec![], vec![a, b]);
        assert!(scan(ex, &SpeakerTable::default()).findings.is_empty());
    }
}
