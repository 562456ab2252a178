//! How well a `crosscheck scan --format json` report groups the quotations
//! of a generated corpus, against the truth the generator wrote
//! (`quotes.tsv`: which canonical quotation each quotation renders, and
//! whether its words or its speaker were altered there).
//!
//! ```text
//! cargo run --release --example bench_groups -- SCAN.json OUT/quotes.tsv [--quiet]
//! ```
//!
//! A quotation is one line of the corpus (the generator writes one
//! quotation a paragraph, a paragraph a line); a split quotation's two
//! parts are one quotation. Prints:
//!
//! - pairwise precision and recall of the quotation findings: of the pairs
//!   of quotations a finding puts together, the share that render the same
//!   canonical quotation; of the pairs that do, the share a finding puts
//!   together;
//! - findings that mix canonical quotations (no two of which match at any
//!   level, by construction) and canonical quotations split over findings;
//! - `misattributed` and `variant` findings, right (the finding holds a
//!   quotation whose speaker, or words, the generator altered) or wrong,
//!   and how many altered quotations were flagged.
//!
//! With `--quiet`, one line: `precision P recall R`. Exit code 2 when a file
//! cannot be read or parsed.

mod common;

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[derive(Deserialize)]
struct Report {
    findings: Vec<Finding>,
}

#[derive(Deserialize)]
struct Finding {
    kind: String,
    status: String,
    items: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    source: String,
    line: u32,
}

/// What the generator altered in one quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Altered {
    Nothing,
    Words,
    Speaker,
}

/// One quotation of the corpus: the canonical quotation it renders.
#[derive(Clone, Copy, Debug)]
struct Truth {
    canonical: u32,
    altered: Altered,
}

/// A finding reduced to what is scored: its status and its quotations
/// (indexes into the truth), each once.
struct Group {
    status: String,
    members: Vec<usize>,
}

#[derive(Debug, Default, PartialEq)]
struct Score {
    quotations: usize,
    grouped: usize,
    /// Items of quotation findings that stand on no line of the truth.
    unknown_items: usize,
    /// Quotations found in more than one finding (the two parts of a split
    /// quotation, grouped apart): scored in the first only.
    in_several: usize,
    pairs_grouped: u64,
    pairs_same: u64,
    pairs_right: u64,
    findings: usize,
    mixed_findings: usize,
    mixed_quotations: usize,
    /// Canonical quotations seen at least twice, and those split over
    /// findings (or partly left out of every finding).
    canonicals_repeated: usize,
    canonicals_split: usize,
    misattributed_right: usize,
    misattributed_wrong: usize,
    /// Canonical quotations with a swapped speaker somewhere and another
    /// rendering too (what a scan can flag), and those flagged.
    swapped: usize,
    swapped_flagged: usize,
    variant_right: usize,
    variant_wrong: usize,
    reworded: usize,
    reworded_flagged: usize,
}

fn pairs(n: usize) -> u64 {
    (n as u64) * (n as u64).saturating_sub(1) / 2
}

impl Score {
    fn precision(&self) -> f64 {
        if self.pairs_grouped == 0 {
            1.0
        } else {
            self.pairs_right as f64 / self.pairs_grouped as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.pairs_same == 0 {
            1.0
        } else {
            self.pairs_right as f64 / self.pairs_same as f64
        }
    }
}

/// Scores `groups` against `truth` (one entry a quotation). A quotation
/// in several findings counts in the first.
fn score(truth: &[Truth], groups: &[Group], unknown_items: usize) -> Score {
    let mut s = Score {
        quotations: truth.len(),
        unknown_items,
        findings: groups.len(),
        ..Score::default()
    };
    let mut taken = vec![false; truth.len()];
    let mut per_canonical: HashMap<u32, usize> = HashMap::new();
    for t in truth {
        *per_canonical.entry(t.canonical).or_default() += 1;
    }
    s.pairs_same = per_canonical.values().map(|&n| pairs(n)).sum();
    s.canonicals_repeated = per_canonical.values().filter(|&&n| n > 1).count();
    // Canonical quotation -> how many of its quotations each finding holds.
    let mut spread: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut flagged_swapped: BTreeSet<u32> = BTreeSet::new();
    let mut flagged_reworded: BTreeSet<u32> = BTreeSet::new();
    for g in groups {
        let mut members = Vec::with_capacity(g.members.len());
        for &m in &g.members {
            if std::mem::replace(&mut taken[m], true) {
                s.in_several += 1;
            } else {
                members.push(m);
            }
        }
        s.grouped += members.len();
        s.pairs_grouped += pairs(members.len());
        let mut here: BTreeMap<u32, usize> = BTreeMap::new();
        for &m in &members {
            *here.entry(truth[m].canonical).or_default() += 1;
        }
        s.pairs_right += here.values().map(|&n| pairs(n)).sum::<u64>();
        if here.len() > 1 {
            s.mixed_findings += 1;
            s.mixed_quotations += members.len();
        }
        for (&c, &n) in &here {
            spread.entry(c).or_default().push(n);
        }
        let holds = |a: Altered| g.members.iter().any(|&m| truth[m].altered == a);
        match g.status.as_str() {
            "misattributed" if holds(Altered::Speaker) => {
                s.misattributed_right += 1;
                flagged_swapped.extend(here.keys());
            }
            "misattributed" => s.misattributed_wrong += 1,
            "variant" if holds(Altered::Words) => {
                s.variant_right += 1;
                flagged_reworded.extend(here.keys());
            }
            "variant" => s.variant_wrong += 1,
            _ => {}
        }
    }
    s.canonicals_split = per_canonical
        .iter()
        .filter(|&(c, &n)| n > 1 && spread.get(c).is_none_or(|v| v.len() > 1 || v[0] < n))
        .count();
    // What a scan can flag: an altered rendering beside another one.
    let altered_with_others = |a: Altered| -> BTreeSet<u32> {
        truth
            .iter()
            .filter(|t| t.altered == a && per_canonical[&t.canonical] > 1)
            .map(|t| t.canonical)
            .collect()
    };
    let swapped = altered_with_others(Altered::Speaker);
    let reworded = altered_with_others(Altered::Words);
    s.swapped = swapped.len();
    s.swapped_flagged = swapped.intersection(&flagged_swapped).count();
    s.reworded = reworded.len();
    s.reworded_flagged = reworded.intersection(&flagged_reworded).count();
    s
}

/// Reads `quotes.tsv`: the truth, and each (source, line)'s place in it.
fn read_truth(path: &str) -> (Vec<Truth>, HashMap<(String, u32), usize>) {
    common::read_truth(
        "bench_groups",
        path,
        "source TAB line TAB quotation TAB altered",
        |f| {
            let [source, l, canonical, altered] = f[..] else {
                return None;
            };
            let altered = match altered {
                "-" => Altered::Nothing,
                "words" => Altered::Words,
                "speaker" => Altered::Speaker,
                _ => return None,
            };
            let canonical = canonical.strip_prefix('q')?.parse().ok()?;
            Some((
                source.to_string(),
                l.parse().ok()?,
                Truth { canonical, altered },
            ))
        },
    )
}

fn main() {
    let (ref report, ref truth_path, quiet) =
        common::two_paths("bench_groups", "SCAN.json QUOTES.tsv");
    let (truth, at) = read_truth(truth_path);
    let parsed: Report = common::read_scan("bench_groups", report);
    let mut unknown = 0;
    let groups: Vec<Group> = parsed
        .findings
        .into_iter()
        .filter(|f| f.kind == "quote")
        .map(|f| {
            let mut members: Vec<usize> = f
                .items
                .into_iter()
                .filter_map(|i| {
                    let m = at.get(&(i.source, i.line)).copied();
                    unknown += usize::from(m.is_none());
                    m
                })
                .collect();
            members.sort_unstable();
            members.dedup();
            Group {
                status: f.status,
                members,
            }
        })
        .collect();
    let s = score(&truth, &groups, unknown);
    if quiet {
        println!("precision {:.4} recall {:.4}", s.precision(), s.recall());
        return;
    }
    println!(
        "quotations: {} in the corpus, {} in {} quotation findings ({} of them in more than one; {} items on no quotation's line)",
        s.quotations, s.grouped, s.findings, s.in_several, s.unknown_items
    );
    println!(
        "pairs: precision {:.4} ({} of {} grouped pairs render one quotation), recall {:.4} (of {})",
        s.precision(),
        s.pairs_right,
        s.pairs_grouped,
        s.recall(),
        s.pairs_same
    );
    println!(
        "findings mixing canonical quotations: {} ({} quotations); canonical quotations split over findings: {} of {} seen twice or more",
        s.mixed_findings, s.mixed_quotations, s.canonicals_split, s.canonicals_repeated
    );
    println!(
        "misattributed: {} right, {} wrong; speaker swapped (with another rendering): {}, flagged {}",
        s.misattributed_right, s.misattributed_wrong, s.swapped, s.swapped_flagged
    );
    println!(
        "variant: {} right, {} wrong; words substituted (with another rendering): {}, flagged {}",
        s.variant_right, s.variant_wrong, s.reworded, s.reworded_flagged
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(canonical: u32, altered: Altered) -> Truth {
        Truth { canonical, altered }
    }

    fn g(status: &str, members: &[usize]) -> Group {
        Group {
            status: status.to_string(),
            members: members.to_vec(),
        }
    }

    #[test]
    fn a_perfect_grouping_scores_one() {
        let truth = [
            t(0, Altered::Nothing),
            t(0, Altered::Nothing),
            t(0, Altered::Speaker),
            t(1, Altered::Nothing),
            t(1, Altered::Words),
            t(2, Altered::Nothing),
        ];
        let s = score(
            &truth,
            &[g("misattributed", &[0, 1, 2]), g("variant", &[3, 4])],
            0,
        );
        assert_eq!((s.pairs_right, s.pairs_grouped, s.pairs_same), (4, 4, 4));
        assert_eq!((s.precision(), s.recall()), (1.0, 1.0));
        assert_eq!((s.mixed_findings, s.canonicals_split), (0, 0));
        assert_eq!(
            (s.misattributed_right, s.swapped, s.swapped_flagged),
            (1, 1, 1)
        );
        assert_eq!((s.variant_right, s.reworded, s.reworded_flagged), (1, 1, 1));
    }

    #[test]
    fn merges_cost_precision_and_splits_cost_recall() {
        let truth = [
            t(0, Altered::Nothing),
            t(0, Altered::Nothing),
            t(0, Altered::Nothing),
            t(1, Altered::Nothing),
            t(1, Altered::Nothing),
        ];
        // 0 and 1 apart from 2; 1's two quotations merged with one of 0's.
        let s = score(
            &truth,
            &[g("consistent", &[0, 1]), g("misattributed", &[2, 3, 4])],
            0,
        );
        // Grouped pairs: 1 + 3; right: (0,1) and (3,4). Same: 3 + 1.
        assert_eq!((s.pairs_right, s.pairs_grouped, s.pairs_same), (2, 4, 4));
        assert_eq!((s.precision(), s.recall()), (0.5, 0.5));
        assert_eq!((s.mixed_findings, s.mixed_quotations), (1, 3));
        assert_eq!(s.canonicals_split, 1);
        // Nothing was swapped: the misattribution is wrong.
        assert_eq!((s.misattributed_right, s.misattributed_wrong), (0, 1));
    }

    #[test]
    fn a_quotation_in_two_findings_counts_in_the_first() {
        let truth = [
            t(0, Altered::Nothing),
            t(0, Altered::Nothing),
            t(1, Altered::Nothing),
        ];
        // Quotation 1's two parts: one grouped with 0, one with 2.
        let s = score(
            &truth,
            &[g("consistent", &[0, 1]), g("consistent", &[1, 2])],
            0,
        );
        assert_eq!((s.grouped, s.in_several), (3, 1));
        assert_eq!((s.precision(), s.recall()), (1.0, 1.0));
        assert_eq!(s.mixed_findings, 0);
    }

    #[test]
    fn a_quotation_left_out_of_every_finding_splits_its_canonical() {
        let truth = [
            t(0, Altered::Nothing),
            t(0, Altered::Nothing),
            t(0, Altered::Speaker),
        ];
        let s = score(&truth, &[g("consistent", &[0, 1])], 0);
        assert_eq!(s.canonicals_split, 1);
        assert_eq!((s.pairs_right, s.pairs_same), (1, 3));
        // The swap was there to flag, and was not.
        assert_eq!((s.swapped, s.swapped_flagged), (1, 0));
    }
}
