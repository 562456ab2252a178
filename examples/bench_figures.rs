//! How well a `crosscheck scan --format json` report groups and judges the
//! figures of a generated corpus, against the truth the generator wrote
//! (`figures.tsv`: the subject and fact each figure gives, whether the
//! article altered its value, and whether a target of the same subject
//! stands before it).
//!
//! ```text
//! cargo run --release --example bench_figures -- SCAN.json OUT/figures.tsv [--quiet]
//! ```
//!
//! A figure is one line of the corpus (the generator writes one figure a
//! paragraph, a paragraph a line), with at most a target before it on the
//! same line: the report's `modality` tells the two apart. Prints:
//!
//! - figure findings mixing subjects, and subjects split over findings;
//! - `conflict` pairs, right (an altered and an unaltered rendering of one
//!   fact: same subject, same year, both actual) or wrong, and `conflict`
//!   findings holding a wrong pair;
//! - the planted contradictions (facts given altered in one article and
//!   unaltered in another) and how many a right pair flags.
//!
//! With `--quiet`, one line: `conflict pairs precision P recall R`. Exit code
//! 2 when a file cannot be read or parsed.

mod common;

use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};

#[derive(Deserialize)]
struct Report {
    findings: Vec<Finding>,
}

#[derive(Deserialize)]
struct Finding {
    kind: String,
    status: String,
    items: Vec<Item>,
    #[serde(default)]
    pairs: Vec<Pair>,
}

#[derive(Deserialize)]
struct Item {
    source: String,
    line: u32,
    #[serde(default)]
    modality: Option<String>,
}

#[derive(Deserialize)]
struct Pair {
    a: usize,
    b: usize,
    status: String,
}

/// One figure line of the corpus.
#[derive(Clone, Copy, Debug)]
struct Truth {
    subject: u32,
    fact: u32,
    altered: bool,
    goal: bool,
}

/// What one item of a finding is, by the truth: the actual figure of a
/// line, or the target before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Actual(usize),
    Target(usize),
}

/// A figure finding reduced to what is scored: its status, its items
/// (`None`: on no figure line of the truth) and its conflict pairs.
struct Group {
    status: String,
    items: Vec<Option<Role>>,
    conflicts: Vec<(usize, usize)>,
}

#[derive(Debug, Default, PartialEq)]
struct Score {
    figures: usize,
    findings: usize,
    items: usize,
    unknown_items: usize,
    /// Findings whose items give more than one subject.
    mixed_findings: usize,
    /// Subjects given on two lines or more, and those whose lines are not
    /// all in one finding.
    subjects_repeated: usize,
    subjects_split: usize,
    conflict_findings: usize,
    conflict_findings_wrong: usize,
    pairs_right: usize,
    pairs_wrong: usize,
    /// Facts given altered on one line and unaltered on another, and those
    /// a right conflict pair flags.
    planted: usize,
    planted_flagged: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        match self.pairs_right + self.pairs_wrong {
            0 => 1.0,
            n => self.pairs_right as f64 / n as f64,
        }
    }

    fn recall(&self) -> f64 {
        match self.planted {
            0 => 1.0,
            n => self.planted_flagged as f64 / n as f64,
        }
    }
}

/// Scores `groups` against `truth` (one entry a figure line).
fn score(truth: &[Truth], groups: &[Group]) -> Score {
    let mut s = Score {
        figures: truth.len(),
        findings: groups.len(),
        ..Score::default()
    };
    let subject_of = |r: Role| match r {
        Role::Actual(t) | Role::Target(t) => truth[t].subject,
    };
    // Subject -> the findings holding its lines.
    let mut homes: HashMap<u32, BTreeSet<usize>> = HashMap::new();
    let mut flagged: BTreeSet<u32> = BTreeSet::new();
    for (gi, g) in groups.iter().enumerate() {
        s.items += g.items.len();
        s.unknown_items += g.items.iter().filter(|r| r.is_none()).count();
        let subjects: BTreeSet<u32> = g.items.iter().flatten().map(|&r| subject_of(r)).collect();
        if subjects.len() > 1 {
            s.mixed_findings += 1;
        }
        for r in g.items.iter().flatten() {
            homes.entry(subject_of(*r)).or_default().insert(gi);
        }
        if g.status == "conflict" {
            s.conflict_findings += 1;
        }
        let mut wrong_here = false;
        for &(a, b) in &g.conflicts {
            let right = match (
                g.items.get(a).copied().flatten(),
                g.items.get(b).copied().flatten(),
            ) {
                (Some(Role::Actual(x)), Some(Role::Actual(y))) => {
                    truth[x].fact == truth[y].fact && truth[x].altered != truth[y].altered
                }
                _ => false,
            };
            if right {
                s.pairs_right += 1;
                if let Some(Role::Actual(x)) = g.items[a] {
                    flagged.insert(truth[x].fact);
                }
            } else {
                s.pairs_wrong += 1;
                wrong_here = true;
            }
        }
        s.conflict_findings_wrong += usize::from(wrong_here);
    }
    let mut lines: HashMap<u32, usize> = HashMap::new();
    let mut versions: HashMap<u32, (bool, bool)> = HashMap::new();
    for t in truth {
        *lines.entry(t.subject).or_default() += 1;
        let v = versions.entry(t.fact).or_default();
        if t.altered {
            v.0 = true;
        } else {
            v.1 = true;
        }
    }
    s.subjects_repeated = lines.values().filter(|&&n| n > 1).count();
    s.subjects_split = lines
        .iter()
        .filter(|&(subject, &n)| n > 1 && homes.get(subject).is_none_or(|h| h.len() > 1))
        .count();
    let planted: BTreeSet<u32> = versions
        .iter()
        .filter(|&(_, &(altered, unaltered))| altered && unaltered)
        .map(|(&f, _)| f)
        .collect();
    s.planted = planted.len();
    s.planted_flagged = planted.intersection(&flagged).count();
    s
}

/// Reads `figures.tsv`: the truth, and each (source, line)'s place in it.
fn read_truth(path: &str) -> (Vec<Truth>, HashMap<(String, u32), usize>) {
    common::read_truth(
        "bench_figures",
        path,
        "source TAB line TAB subject TAB fact TAB year TAB altered TAB goal",
        |f| {
            let [source, l, subject, fact, _year, altered, goal] = f[..] else {
                return None;
            };
            let (altered, goal) = match (altered, goal) {
                ("-" | "value", "-" | "goal") => (altered == "value", goal == "goal"),
                _ => return None,
            };
            let truth = Truth {
                subject: subject.strip_prefix('s')?.parse().ok()?,
                fact: fact.strip_prefix('f')?.parse().ok()?,
                altered,
                goal,
            };
            Some((source.to_string(), l.parse().ok()?, truth))
        },
    )
}

/// Each item's role by the truth: a target on a line with a goal is that
/// goal; any other item on a figure line is its actual figure.
fn roles(
    items: Vec<Item>,
    truth: &[Truth],
    at: &HashMap<(String, u32), usize>,
) -> Vec<Option<Role>> {
    items
        .into_iter()
        .map(|i| {
            let t = *at.get(&(i.source, i.line))?;
            let target = i.modality.as_deref().is_some_and(|m| m != "actual");
            Some(if target && truth[t].goal {
                Role::Target(t)
            } else {
                Role::Actual(t)
            })
        })
        .collect()
}

fn main() {
    let (ref report, ref truth_path, quiet) =
        common::two_paths("bench_figures", "SCAN.json FIGURES.tsv");
    let (truth, at) = read_truth(truth_path);
    let parsed: Report = common::read_scan("bench_figures", report);
    let groups: Vec<Group> = parsed
        .findings
        .into_iter()
        .filter(|f| f.kind == "figure")
        .map(|f| Group {
            status: f.status,
            items: roles(f.items, &truth, &at),
            conflicts: f
                .pairs
                .iter()
                .filter(|p| p.status == "conflict")
                .map(|p| (p.a, p.b))
                .collect(),
        })
        .collect();
    let s = score(&truth, &groups);
    if quiet {
        println!(
            "conflict pairs precision {:.4} recall {:.4}",
            s.precision(),
            s.recall()
        );
        return;
    }
    println!(
        "figures: {} lines in the corpus; {} items in {} figure findings ({} on no figure line)",
        s.figures, s.items, s.findings, s.unknown_items
    );
    println!(
        "findings mixing subjects: {}; subjects split over findings: {} of {} given twice or more",
        s.mixed_findings, s.subjects_split, s.subjects_repeated
    );
    println!(
        "conflict pairs: precision {:.4} ({} right, {} wrong); conflict findings: {}, {} holding a wrong pair",
        s.precision(),
        s.pairs_right,
        s.pairs_wrong,
        s.conflict_findings,
        s.conflict_findings_wrong
    );
    println!(
        "planted contradictions (a fact altered in one article, not in another): {}, flagged {} (recall {:.4})",
        s.planted,
        s.planted_flagged,
        s.recall()
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(subject: u32, fact: u32, altered: bool, goal: bool) -> Truth {
        Truth {
            subject,
            fact,
            altered,
            goal,
        }
    }

    fn g(status: &str, items: &[Option<Role>], conflicts: &[(usize, usize)]) -> Group {
        Group {
            status: status.to_string(),
            items: items.to_vec(),
            conflicts: conflicts.to_vec(),
        }
    }

    use Role::{Actual, Target};

    /// Subject 0: fact 0 (altered on line 1), fact 1; subject 1: fact 2,
    /// with a goal on line 5.
    fn truth() -> Vec<Truth> {
        vec![
            t(0, 0, false, false),
            t(0, 0, true, false),
            t(0, 1, false, false),
            t(1, 2, false, false),
            t(1, 2, false, false),
            t(1, 2, false, true),
        ]
    }

    #[test]
    fn a_perfect_report_scores_one() {
        let truth = truth();
        let s = score(
            &truth,
            &[
                g(
                    "conflict",
                    &[Some(Actual(0)), Some(Actual(1)), Some(Actual(2))],
                    &[(0, 1)],
                ),
                g(
                    "consistent",
                    &[
                        Some(Actual(3)),
                        Some(Actual(4)),
                        Some(Actual(5)),
                        Some(Target(5)),
                    ],
                    &[],
                ),
            ],
        );
        assert_eq!((s.precision(), s.recall()), (1.0, 1.0));
        assert_eq!(
            (s.mixed_findings, s.subjects_split, s.subjects_repeated),
            (0, 0, 2)
        );
        assert_eq!((s.conflict_findings, s.conflict_findings_wrong), (1, 0));
        assert_eq!((s.planted, s.planted_flagged), (1, 1));
    }

    #[test]
    fn wrong_pairs_mixed_findings_and_misses_are_counted() {
        let truth = truth();
        let s = score(
            &truth,
            &[
                // Two facts of one subject (another year), an actual against
                // a target, and two subjects in one finding.
                g(
                    "conflict",
                    &[
                        Some(Actual(0)),
                        Some(Actual(2)),
                        Some(Actual(5)),
                        Some(Target(5)),
                    ],
                    &[(0, 1), (2, 3)],
                ),
                g("consistent", &[Some(Actual(1)), None], &[]),
                g("conflict", &[Some(Actual(3)), Some(Actual(4))], &[(0, 1)]),
            ],
        );
        assert_eq!((s.pairs_right, s.pairs_wrong), (0, 3));
        assert_eq!(s.precision(), 0.0);
        assert_eq!((s.planted, s.planted_flagged), (1, 0));
        assert_eq!(s.recall(), 0.0);
        assert_eq!(s.mixed_findings, 1);
        assert_eq!(
            s.subjects_split, 2,
            "subject 0 in two findings, subject 1 too"
        );
        assert_eq!((s.conflict_findings, s.conflict_findings_wrong), (2, 2));
        assert_eq!(s.unknown_items, 1);
    }

    #[test]
    fn roles_tell_a_goal_from_the_actual_figure_on_its_line() {
        let truth = truth();
        let at: HashMap<(String, u32), usize> = [
            (("000001".to_string(), 9), 5),
            (("000001".to_string(), 11), 0),
        ]
        .into_iter()
        .collect();
        let item = |line: u32, m: &str| Item {
            source: "000001".into(),
            line,
            modality: Some(m.into()),
        };
        assert_eq!(
            roles(
                vec![
                    item(9, "target"),
                    item(9, "actual"),
                    item(11, "target"),
                    item(3, "actual")
                ],
                &truth,
                &at
            ),
            [Some(Target(5)), Some(Actual(5)), Some(Actual(0)), None]
        );
    }
}
