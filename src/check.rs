//! Checking claims against the sources: every quotation and figure of a
//! claim gets a verdict with its evidence; the claim's verdict is the worst
//! of its parts'.
//!
//! Quotations: the best source passage is found through the quotation index
//! and [`compare::compare_quotes`] (exact, style variant, variant); speakers
//! are then compared through the alias table. Figures: source figures with
//! the same unit and a matching subject ([`compare::SUBJECT_SIMILARITY`]) and
//! the same modality are related with [`compare::relate`]. A number that
//! merely occurs in the sources is never support: without a matching subject
//! there is no evidence.

use crate::claims::Claim;
use crate::compare::{self, QuoteLevel, Relation, show_value};
use crate::corpus::Extracted;
use crate::extract::{self, Figure, Quote, QuoteKind};
use crate::findings::{CheckReport, ClaimResult, Evidence, ItemKind, PartResult, Verdict, counted};
use crate::index::{FigureIndex, QuoteIndex};
use crate::source::{Document, Warning};
use crate::speakers::SpeakerTable;
use crate::text::{Shared, SharedSlice};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

/// A claim with the quotations and figures found in it.
#[derive(Clone, Debug)]
pub struct PreparedClaim {
    pub claim: Claim,
    pub quotes: Vec<Quote>,
    pub figures: Vec<Figure>,
}

/// Runs the extractors over a claim's text (its `as_of` as the date), and
/// applies the claim's `quote` and `speaker` overrides.
pub fn prepare(claim: Claim, speakers: &SpeakerTable) -> PreparedClaim {
    let (mut doc, _) = Document::from_text(&claim.id, &claim.file, &claim.text);
    doc.meta.date = claim.as_of;
    let ex = extract::extract(&doc, speakers);
    let mut quotes = ex.quotes;
    let figures: Vec<Figure> = ex.figures.into_iter().filter(|f| !f.noise).collect();
    if let Some(words) = &claim.quote {
        let speaker = quotes
            .iter()
            .find(|q| compare::compare_quotes(words, &q.text).is_some())
            .or_else(|| quotes.iter().find(|q| q.kind == QuoteKind::Speech))
            .and_then(|q| q.speaker.clone());
        let span = crate::text::Span {
            source: claim.id.as_str().into(),
            line: crate::text::narrow(claim.line),
            column: 1,
            start: 0,
            end: crate::text::narrow(words.len()),
        };
        quotes = vec![Quote {
            span,
            text: words.as_str().into(),
            speaker,
            speaker_mention: None,
            kind: QuoteKind::Speech,
            passage: 0..crate::text::narrow(claim.text.len()),
            passage_text: claim.text.as_str().into(),
            repeats: Vec::new(),
        }];
    }
    if let Some(s) = &claim.speaker {
        for q in &mut quotes {
            q.speaker = Some(s.as_str().into());
            q.kind = QuoteKind::Speech;
        }
    }
    let figures = outside_quotes(figures, &quotes);
    PreparedClaim {
        claim,
        quotes,
        figures,
    }
}

/// A figure inside a claim's quotation ("changes … in 100 years") is part
/// of the words checked, not a separate figure claim.
fn outside_quotes(figures: Vec<Figure>, quotes: &[Quote]) -> Vec<Figure> {
    figures
        .into_iter()
        .filter(|f| {
            !quotes
                .iter()
                .any(|q| q.span.start <= f.span.start && f.span.end <= q.span.end)
        })
        .collect()
}

/// Splits an extracted draft into claims: one per sentence that holds a
/// quotation or a figure (a quotation running over several sentences makes
/// one claim of them all). Extraction ran over the whole draft, so pronouns
/// resolve across sentences.
pub fn prepare_draft(doc: &Document, speakers: &SpeakerTable) -> Vec<PreparedClaim> {
    let ex = extract::extract(doc, speakers);
    let sentences = crate::claims::draft_claims(doc);
    let mut claims: Vec<PreparedClaim> = Vec::new();
    let sentence_of = |off: usize| {
        sentences.iter().position(|c| {
            c.range
                .as_ref()
                .is_some_and(|r| r.start <= off && off < r.end.max(r.start + 1))
        })
    };
    // Each item goes to the sentence where it starts; a quotation also
    // claims the sentences it runs into.
    let mut buckets: BTreeMap<usize, (usize, Vec<Quote>, Vec<Figure>)> = BTreeMap::new();
    for q in ex.quotes {
        let Some(s) = sentence_of(q.span.start as usize) else {
            continue;
        };
        let e = sentence_of(q.span.end.saturating_sub(1) as usize)
            .unwrap_or(s)
            .max(s);
        let b = buckets.entry(s).or_insert((s, Vec::new(), Vec::new()));
        b.0 = b.0.max(e);
        b.1.push(q);
    }
    for f in ex.figures.into_iter().filter(|f| !f.noise) {
        let Some(s) = sentence_of(f.span.start as usize) else {
            continue;
        };
        // A figure inside a sentence already claimed by a running quotation
        // joins that claim.
        let owner = buckets
            .iter()
            .find(|(start, b)| **start <= s && s <= b.0)
            .map(|(k, _)| *k)
            .unwrap_or(s);
        buckets
            .entry(owner)
            .or_insert((owner, Vec::new(), Vec::new()))
            .2
            .push(f);
    }
    for (s, (e, quotes, figures)) in buckets {
        let first = &sentences[s];
        let last = &sentences[e];
        let range =
            first.range.clone().unwrap_or(0..0).start..last.range.clone().unwrap_or(0..0).end;
        let mut claim = first.clone();
        claim.text = doc.text[range.clone()].to_string();
        claim.range = Some(range);
        let figures = outside_quotes(figures, &quotes);
        claims.push(PreparedClaim {
            claim,
            quotes,
            figures,
        });
    }
    let mut ids: Vec<crate::claims::Claim> = claims.iter().map(|c| c.claim.clone()).collect();
    crate::claims::dedupe_ids(&mut ids);
    for (c, with_id) in claims.iter_mut().zip(ids) {
        c.claim.id = with_id.id;
    }
    claims
}

/// The extractors a check of `claims` needs run over the sources: quotation
/// extraction for claims holding a quotation, figure extraction for claims
/// holding a figure. A check never compares a claim's quotation with a
/// figure or the reverse, so the report is the same as with both run.
pub fn wanted(claims: &[PreparedClaim]) -> extract::Wanted {
    extract::Wanted {
        quotes: claims.iter().any(|c| !c.quotes.is_empty()),
        figures: claims.iter().any(|c| !c.figures.is_empty()),
        texts: false,
    }
}

/// Checks prepared claims against an extracted corpus.
pub fn check(claims: &[PreparedClaim], ex: &Extracted, speakers: &SpeakerTable) -> CheckReport {
    // The two indexes are built side by side (each is a serial pass).
    let (qindex, findex) = rayon::join(
        || QuoteIndex::new(&ex.quotes),
        || FigureIndex::new(&ex.figures),
    );
    let results = claims
        .par_iter()
        .map(|c| check_one(c, ex, &qindex, &findex, speakers))
        .collect();
    CheckReport::new(results)
}

fn check_one(
    pc: &PreparedClaim,
    ex: &Extracted,
    qindex: &QuoteIndex,
    findex: &FigureIndex,
    speakers: &SpeakerTable,
) -> ClaimResult {
    let scope = pc
        .claim
        .sources
        .as_ref()
        .map(|s| s.iter().cloned().collect::<BTreeSet<String>>());
    let in_scope = |source: &str| scope.as_ref().is_none_or(|s| s.contains(source));
    let mut parts: Vec<PartResult> = Vec::new();
    for q in &pc.quotes {
        parts.push(check_quote(q, ex, qindex, speakers, &in_scope));
    }
    for f in &pc.figures {
        parts.push(check_figure(f, pc.claim.as_of, ex, findex, &in_scope));
    }
    let worst = parts.iter().max_by_key(|p| p.verdict);
    let (kind, verdict, explanation, diff, evidence) = match worst {
        Some(p) => {
            let explanation = if parts.len() > 1 {
                let others = parts.len() - 1;
                format!(
                    "{} (worst of {} parts; {} more listed)",
                    p.explanation,
                    parts.len(),
                    others
                )
            } else {
                p.explanation.clone()
            };
            (
                p.kind,
                p.verdict,
                explanation,
                p.diff.clone(),
                p.evidence.clone(),
            )
        }
        None => (
            ItemKind::None,
            Verdict::Unverified,
            "no quotation or figure found in the claim: nothing to check".to_string(),
            None,
            Vec::new(),
        ),
    };
    let (verdict, waived_verdict) = match &pc.claim.ignore {
        Some(_) => (Verdict::Waived, Some(verdict)),
        None => (verdict, None),
    };
    ClaimResult {
        id: pc.claim.id.clone(),
        kind,
        verdict,
        waived_verdict,
        waived_reason: pc.claim.ignore.clone(),
        text: pc.claim.text.clone(),
        explanation,
        diff,
        evidence,
        parts,
        file: pc.claim.file.clone(),
        line: pc.claim.line,
    }
}

fn quote_evidence(q: &Quote, agrees: bool) -> Evidence {
    Evidence {
        source: q.span.source.clone(),
        line: q.span.line,
        column: q.span.column,
        text: q.passage_text.clone(),
        surface: q.text.clone(),
        speaker: q.speaker.clone(),
        agrees,
        passage: q.passage.clone(),
        span: q.span.start..q.span.end,
        ..Evidence::default()
    }
}

fn check_quote(
    q: &Quote,
    ex: &Extracted,
    index: &QuoteIndex,
    speakers: &SpeakerTable,
    in_scope: &dyn Fn(&str) -> bool,
) -> PartResult {
    let part = |verdict, explanation: String, diff, evidence| PartResult {
        kind: ItemKind::Quote,
        text: q.text.to_string(),
        verdict,
        explanation,
        diff,
        evidence,
    };
    // Best match per source quotation, then keep the best level found.
    // Each distinct source text is compared once; its comparison holds for
    // every quotation carrying it.
    let form = compare::QuoteForm::new(&q.text);
    let mut matches: Vec<(&Quote, compare::QuoteComparison)> = Vec::new();
    for d in index.candidates(&form.words) {
        let mut places = index
            .members(d)
            .map(|i| &ex.quotes[i])
            .filter(|s| in_scope(&s.span.source))
            .peekable();
        if places.peek().is_none() {
            continue;
        }
        if let Some(c) = compare::compare_forms(&form, index.form(d)) {
            matches.extend(places.map(|s| (s, c.clone())));
        }
    }
    if matches.is_empty() {
        return part(
            Verdict::Unverified,
            format!("no source quotes “{}” or anything close to it", q.text),
            None,
            Vec::new(),
        );
    }
    let best_level = matches
        .iter()
        .map(|(_, c)| c.level)
        .min()
        .unwrap_or(QuoteLevel::Variant);
    matches.retain(|(_, c)| c.level == best_level);
    matches.sort_by(|a, b| {
        b.1.similarity
            .total_cmp(&a.1.similarity)
            .then_with(|| a.0.span.cmp(&b.0.span))
    });
    // Speakers: what the matching sources say, one vote per source.
    let mut votes: Vec<(Shared, BTreeSet<Shared>)> = Vec::new();
    for (s, _) in &matches {
        if s.kind != QuoteKind::Speech {
            continue;
        }
        if let Some(name) = &s.speaker {
            match votes.iter_mut().find(|(k, _)| speakers.same(k, name)) {
                Some((_, srcs)) => {
                    srcs.insert(s.span.source.clone());
                }
                None => votes.push((name.clone(), BTreeSet::from([s.span.source.clone()]))),
            }
        }
    }
    votes.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    // A claim's short fragment is a term to the extractor ("Okello said the
    // outbreak was “entirely preventable”"), but one its own sentence
    // gives to someone is what the claim says that one said: its speaker
    // is checked. (A source's terms still cast no vote.)
    let claim_speaker = q.speaker.as_deref().filter(|_| {
        q.kind == QuoteKind::Speech || q.kind == QuoteKind::Term && q.speaker_mention.is_some()
    });
    let agreeing_speaker = |s: &Quote| match (claim_speaker, &s.speaker) {
        (Some(c), Some(x)) => !speakers.differ(c, x),
        _ => true,
    };
    let evidence: Vec<Evidence> = matches
        .iter()
        .take(5)
        .map(|(s, _)| quote_evidence(s, agreeing_speaker(s)))
        .collect();
    let sources: BTreeSet<&str> = matches.iter().map(|(s, _)| &*s.span.source).collect();
    let where_ = format!(
        "{} ({}:{})",
        counted(sources.len(), "source"),
        matches[0].0.span.source,
        matches[0].0.span.line
    );
    // Attribution.
    if let Some(claimed) = claim_speaker {
        let claim_sources = votes
            .iter()
            .find(|(k, _)| speakers.same(k, claimed))
            .map(|(_, s)| s.iter().cloned().collect::<Vec<_>>().join(", "));
        let for_claim = votes
            .iter()
            .find(|(k, _)| speakers.same(k, claimed))
            .map_or(0, |(_, s)| s.len());
        let top_other = votes
            .iter()
            .filter(|(k, _)| speakers.differ(k, claimed))
            .map(|(_, s)| s.len())
            .max()
            .unwrap_or(0);
        // Supported only when the claimed speaker has a strict majority over
        // every other speaker the sources name; a tie is a dispute. One lone
        // source against a majority of the sources naming a speaker is that
        // source's own misattribution and does not rescue the claim
        // (docs/sample-corpus.md, "Conventions").
        if top_other > 0 && for_claim <= top_other {
            let naming: BTreeSet<&Shared> = votes.iter().flat_map(|(_, s)| s.iter()).collect();
            let outlier = for_claim == 0 || (for_claim == 1 && 2 * top_other > naming.len());
            let (name, srcs) = votes
                .iter()
                .find(|(k, s)| speakers.differ(k, claimed) && s.len() == top_other)
                .expect("a source names another speaker");
            let verdict = if outlier {
                Verdict::Misattributed
            } else {
                Verdict::Disputed
            };
            let explanation = if !outlier {
                format!(
                    "the sources disagree on the speaker: {} {}, {} to {}",
                    srcs.len(),
                    verb(srcs.len(), "give", &format!("it to {name}")),
                    for_claim,
                    claimed
                )
            } else {
                let mut e = format!(
                    "the sources give these words to {}, not {} ({})",
                    name,
                    claimed,
                    srcs.iter().cloned().collect::<Vec<_>>().join(", ")
                );
                if let Some(lone) = claim_sources {
                    e.push_str(&format!("; only {lone} names {claimed}"));
                }
                e
            };
            return part(verdict, explanation, matches[0].1.diff.clone(), evidence);
        }
    }
    let (verdict, what) = match best_level {
        QuoteLevel::Exact => (
            Verdict::Supported,
            if matches[0].1.fragment {
                "quoted word for word (part of a longer quotation)"
            } else {
                "quoted word for word"
            },
        ),
        QuoteLevel::StyleVariant => (
            Verdict::StyleVariant,
            "found with spelling, punctuation or elision differences",
        ),
        QuoteLevel::Variant => (Verdict::Variant, "found, but the words differ"),
    };
    let mut explanation = format!("{what} in {where_}");
    // The speaker the claim names, else the one most sources name; the
    // other votes either name someone else or only a role ("the
    // minister"), who may be that speaker.
    let lead = claim_speaker.or(votes.first().map(|(k, _)| &**k));
    if let Some(lead) = lead {
        // Each vote once: the lead's, another speaker's, or a role's.
        let mut named = false;
        let (mut others, mut roles) = (Vec::new(), Vec::new());
        for (name, srcs) in &votes {
            if speakers.same(name, lead) {
                named = true;
            } else if speakers.differ(name, lead) {
                others.push(format!("{} ({})", name, srcs.len()));
            } else {
                roles.push(format!("{} ({})", name, srcs.len()));
            }
        }
        if claim_speaker.is_some() && named {
            explanation.push_str(&format!("; attributed to {lead} as in the sources"));
        }
        if !others.is_empty() {
            explanation.push_str(&format!(
                "; note: some sources give it to {}",
                others.join(", ")
            ));
        }
        if !roles.is_empty() {
            explanation.push_str(&format!(
                "; the speaker is {} given as {}",
                if named { "also" } else { "only" },
                roles.join(", ")
            ));
        }
    }
    part(verdict, explanation, matches[0].1.diff.clone(), evidence)
}

fn figure_evidence(f: &Figure, agrees: bool) -> Evidence {
    Evidence {
        source: f.span.source.clone(),
        line: f.span.line,
        column: f.span.column,
        text: f.passage_text.clone(),
        surface: f.text.clone(),
        speaker: None,
        value: Some(f.value),
        unit: Some(f.unit),
        period: f.period.as_ref().map(|p| p.label.to_string()),
        agrees,
        passage: f.passage.clone(),
        span: f.span.start..f.span.end,
    }
}

/// A warning for each source id a claim's `sources` names that is not
/// among the sources read: a mistyped id would otherwise leave the claim
/// `unverified` with no word of why.
pub fn unknown_scoped_sources(claims: &[PreparedClaim], ex: &Extracted) -> Vec<Warning> {
    claims
        .iter()
        .flat_map(|pc| {
            let c = &pc.claim;
            c.sources
                .iter()
                .flatten()
                .filter(|id| ex.source(id).is_none())
                .map(move |id| Warning {
                    path: c.file.clone(),
                    line: Some(c.line),
                    message: format!(
                        "claim `{}`: `sources` names `{id}`, which is not among the sources read",
                        c.id
                    ),
                })
        })
        .collect()
}

/// Fills in the evidence of records extracted without their texts
/// ([`extract::Wanted::texts`], as [`wanted`] asks): the passages, and the
/// figures as written, read back from the sources. Evidence that has its
/// texts is left as it is. Where a source cannot be read back (gone, or
/// changed since it was extracted: a warning says so) the record's own
/// words stand in for its passage: the quoted words, or the figure's value.
pub fn read_back_evidence(report: &mut CheckReport, ex: &Extracted) -> Vec<crate::source::Warning> {
    let lacking = |e: &Evidence| e.text.is_empty() && e.passage.start < e.passage.end;
    // What to read, each range once: the passage, and the surface where it
    // is not inside the passage.
    let mut wants: Vec<(Shared, Range<u32>)> = Vec::new();
    let mut slots: HashMap<(Shared, u32, u32), usize> = HashMap::new();
    let mut ask = |source: &Shared, r: &Range<u32>| {
        *slots
            .entry((source.clone(), r.start, r.end))
            .or_insert_with(|| {
                wants.push((source.clone(), r.clone()));
                wants.len() - 1
            })
    };
    let mut asked: Vec<(usize, Option<usize>)> = Vec::new();
    for e in all_evidence(report).filter(|e| lacking(e)) {
        let inside = e.passage.start <= e.span.start && e.span.end <= e.passage.end;
        let surface = (e.surface.is_empty() && !inside).then(|| ask(&e.source, &e.span));
        asked.push((ask(&e.source, &e.passage), surface));
    }
    let (texts, warnings) = ex.read_back(&wants);
    let lacking_now: Vec<&mut Evidence> = all_evidence(report).filter(|e| lacking(e)).collect();
    for (e, (passage, surface)) in lacking_now.into_iter().zip(asked) {
        let Some(text) = texts[passage].clone() else {
            if e.surface.is_empty() {
                e.surface = e
                    .value
                    .zip(e.unit)
                    .map(|(v, u)| compare::show_number(v, u))
                    .unwrap_or_default()
                    .into();
            }
            e.text = e.surface.as_str().into();
            continue;
        };
        if e.surface.is_empty() {
            e.surface = match surface {
                Some(i) => texts[i].clone().map(Into::into).unwrap_or_default(),
                None => {
                    let at = e.passage.start;
                    let local = (e.span.start - at) as usize..(e.span.end - at) as usize;
                    SharedSlice::new(&text, local).unwrap_or_default()
                }
            };
        }
        e.text = text;
    }
    warnings
}

/// Every evidence list of a report: the claims' and their parts'.
fn all_evidence(report: &mut CheckReport) -> impl Iterator<Item = &mut Evidence> {
    report.claims.iter_mut().flat_map(|c| {
        let parts = c.parts.iter_mut().flat_map(|p| p.evidence.iter_mut());
        c.evidence.iter_mut().chain(parts)
    })
}

/// What a claim's figure with an unresolved relative period ("last year",
/// and no `as_of` to resolve it against) was taken to mean: such a figure
/// agrees with a source's figure of any period, so the explanation says so
/// and names the periods it agrees for. Empty for any other figure.
fn unresolved_note(f: &Figure, agree: &[&Figure]) -> String {
    let (None, Some(phrase)) = (
        &f.period,
        f.period_note
            .as_deref()
            .and_then(crate::extract::period::unresolved_phrase),
    ) else {
        return String::new();
    };
    format!(
        "; the claim's {phrase} has no date to resolve against (`as_of` in a claims file, or `--as-of`, gives one), so sources of every period were compared: it agrees for {}",
        compare::period_labels(agree.iter().copied(), |_| "no stated period".to_string())
    )
}

fn check_figure(
    f: &Figure,
    as_of: Option<jiff::civil::Date>,
    ex: &Extracted,
    index: &FigureIndex,
    in_scope: &dyn Fn(&str) -> bool,
) -> PartResult {
    let part = |verdict, explanation: String, evidence| PartResult {
        kind: ItemKind::Figure,
        text: f.text.to_string(),
        verdict,
        explanation,
        diff: None,
        evidence,
    };
    let candidates: Vec<&Figure> = index
        .comparable(&ex.figures, f)
        .into_iter()
        .map(|i| &ex.figures[i])
        .filter(|g| in_scope(&g.span.source))
        .collect();
    let claim_desc = match &f.period {
        Some(p) => format!("{} ({})", show_value(f), p.label),
        None => show_value(f),
    };
    if candidates.is_empty() {
        return part(
            Verdict::Unverified,
            format!(
                "no source gives a figure for {} in {}",
                subject_name(f),
                f.unit
            ),
            Vec::new(),
        );
    }
    let mut agree: Vec<&Figure> = Vec::new();
    let mut conflict: Vec<(&Figure, String)> = Vec::new();
    let mut other: Vec<(&Figure, String)> = Vec::new();
    for g in &candidates {
        match compare::relate(f, as_of, g, ex.date_of(&g.span.source)) {
            Relation::Agree => agree.push(g),
            Relation::Conflict(why) => conflict.push((g, why)),
            Relation::OtherPeriod(why) | Relation::OtherModality(why) => other.push((g, why)),
        }
    }
    // A source that gives the claim's value and another that conflicts
    // with it names two things ("BYD faces 17.4%, SAIC 37.6%"): its other
    // value, and any source's value that agrees with that other one, does
    // not dispute the claim (as in scan: `scan::figure_relations`). Two
    // values that agree with each other are one thing said twice ("at
    // least 62" and "62": the source says 62), and the exact one counts.
    let relate = |a: &Figure, b: &Figure| {
        compare::relate(a, ex.date_of(&a.span.source), b, ex.date_of(&b.span.source))
    };
    let twins: Vec<&Figure> = conflict
        .iter()
        .map(|(g, _)| *g)
        .filter(|g| {
            agree.iter().any(|a| {
                a.span.source == g.span.source && matches!(relate(a, g), Relation::Conflict(_))
            })
        })
        .collect();
    if !twins.is_empty() {
        conflict.retain(|(g, _)| {
            !twins
                .iter()
                .any(|h| std::ptr::eq(*h, *g) || relate(h, g) == Relation::Agree)
        });
    }
    let ev = |list: &[&Figure], agrees: bool| -> Vec<Evidence> {
        list.iter()
            .take(5)
            .map(|g| figure_evidence(g, agrees))
            .collect()
    };
    let conflict_figs: Vec<&Figure> = conflict.iter().map(|(g, _)| *g).collect();
    match (agree.is_empty(), conflict.is_empty()) {
        (false, true) => {
            let srcs: BTreeSet<&str> = agree.iter().map(|g| &*g.span.source).collect();
            // Every value that agrees, as written ("$2 billion agrees with
            // $2 billion and $2.5 billion"), not the first alone.
            let mut values: Vec<String> = Vec::new();
            // The claim's own value first, where a source gives it.
            let own = show_value(f);
            let (same, other): (Vec<&&Figure>, Vec<&&Figure>) =
                agree.iter().partition(|g| show_value(g) == own);
            for g in same.into_iter().chain(other) {
                let v = show_value(g);
                if !values.contains(&v) {
                    values.push(v);
                }
            }
            let shown = match values.len() {
                1 => values[0].clone(),
                2 => format!("{} and {}", values[0], values[1]),
                3 => format!("{}, {} and {}", values[0], values[1], values[2]),
                n => format!("{}, {} and {} more values", values[0], values[1], n - 2),
            };
            part(
                Verdict::Supported,
                format!(
                    "{} agrees with {} in {}{}",
                    claim_desc,
                    shown,
                    counted(srcs.len(), "source"),
                    unresolved_note(f, &agree)
                ),
                ev(&agree, true),
            )
        }
        (true, false) => {
            let mut e = ev(&conflict_figs, false);
            e.truncate(5);
            part(
                Verdict::Contradicted,
                format!("{}: {}", subject_name(f), conflict[0].1),
                e,
            )
        }
        (false, false) => {
            let mut e = ev(&agree, true);
            e.extend(ev(&conflict_figs, false));
            part(
                Verdict::Disputed,
                format!(
                    "the sources disagree on {}: {} {}, {} {}",
                    subject_name(f),
                    agree.len(),
                    verb(agree.len(), "support", &claim_desc),
                    conflict.len(),
                    verb(conflict.len(), "give", &show_value(conflict[0].0))
                ),
                e,
            )
        }
        (true, true) => {
            // The nearest first, for the reason and the evidence: a figure
            // of the claim's period, then of its kind ("two targets
            // differ" before "35% is target, 35% is actual").
            let mut other = other;
            let same_period = |g: &Figure| match (&f.period, &g.period) {
                (Some(a), Some(b)) => a.same(b),
                (a, b) => a.is_none() && b.is_none(),
            };
            other.sort_by_key(|(g, _)| (!same_period(g), g.modality != f.modality));
            let periods: BTreeSet<String> = other
                .iter()
                .map(|(g, _)| {
                    g.period
                        .as_ref()
                        .map_or("unstated".into(), |p| p.label.to_string())
                })
                .collect();
            let figs: Vec<&Figure> = other.iter().map(|(g, _)| *g).collect();
            part(
                Verdict::OtherPeriod,
                format!(
                    "the sources report {} only for other periods or as a {}: {} ({})",
                    subject_name(f),
                    if other.iter().any(|(g, _)| g.modality != f.modality) {
                        "different kind of figure"
                    } else {
                        "different period"
                    },
                    periods.into_iter().collect::<Vec<_>>().join(", "),
                    other[0].1
                ),
                ev(&figs, false),
            )
        }
    }
}

fn subject_name(f: &Figure) -> String {
    if f.subject.text.is_empty() {
        "this figure".to_string()
    } else {
        format!("“{}”", f.subject.text)
    }
}

/// "gives it to Xi" after one source, "give it to Xi" after more: a verb
/// that agrees with the number before it, and its object.
fn verb(n: usize, verb: &str, object: &str) -> String {
    let s = if n == 1 { "s" } else { "" };
    format!("{verb}{s} {object}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::testing::{corpus, figure, quote};
    use crate::extract::{Modality::*, Qualifier::*};

    /// The sample claims, prepared, and the sample corpus's files.
    fn sample() -> (Vec<PreparedClaim>, Vec<std::path::PathBuf>) {
        let sp = SpeakerTable::default();
        let path = std::path::Path::new("claims/example.toml");
        let crate::claims::ClaimsInput::Claims(list) =
            crate::claims::load_claims_file(path).expect("sample claims")
        else {
            panic!("a claims file");
        };
        let prepared = list.into_iter().map(|c| prepare(c, &sp)).collect();
        let files = crate::source::collect_files(&["sources".into()]).expect("sample sources");
        (prepared, files)
    }

    #[test]
    fn running_only_the_wanted_extractors_changes_no_report() {
        let sp = SpeakerTable::default();
        let (prepared, files) = sample();
        let (all, _) = Extracted::from_files(&files, &sp, || {});
        let quote_claims: Vec<PreparedClaim> = prepared
            .iter()
            .filter(|c| c.figures.is_empty() && !c.quotes.is_empty())
            .cloned()
            .collect();
        let figure_claims: Vec<PreparedClaim> = prepared
            .iter()
            .filter(|c| c.quotes.is_empty() && !c.figures.is_empty())
            .cloned()
            .collect();
        assert!(quote_claims.len() >= 3 && figure_claims.len() >= 3);
        for claims in [&quote_claims, &figure_claims, &prepared] {
            let w = wanted(claims);
            let (some, _) = Extracted::from_files_wanted(&files, &sp, w, || {});
            assert_eq!(some.quotes.is_empty(), !w.quotes);
            assert_eq!(some.figures.is_empty(), !w.figures);
            // Records without texts: the evidence lacks its passages until
            // they are read back, and then it is all there.
            let mut report = check(claims, &some, &sp);
            let full = check(claims, &all, &sp);
            let evidence = |r: &CheckReport| {
                r.claims
                    .iter()
                    .flat_map(|c| c.evidence.clone())
                    .collect::<Vec<_>>()
            };
            assert!(!evidence(&full).is_empty());
            assert!(evidence(&report).iter().all(|e| e.text.is_empty()));
            assert!(read_back_evidence(&mut report, &some).is_empty());
            assert_eq!(report, full);
        }
        let only = |quotes, figures| extract::Wanted {
            quotes,
            figures,
            texts: false,
        };
        assert_eq!(wanted(&quote_claims), only(true, false));
        assert_eq!(wanted(&figure_claims), only(false, true));
        assert_eq!(wanted(&prepared), only(true, true));
    }

    #[test]
    fn evidence_of_a_source_changed_since_extraction_is_its_own_words() {
        let dir = std::env::temp_dir().join(format!("crosscheck-readback-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("a.md");
        let article = "---\ndate: 2024-05-16\n---\nXi Jinping said the ties were “at their best in history.” Trade reached $240 billion in 2023, officials said.\n";
        std::fs::write(&path, article).expect("write");
        let sp = SpeakerTable::default();
        let claims: Vec<PreparedClaim> = [
            "Xi said the ties were “at their best in history.”",
            "Trade reached $240 billion in 2023.",
        ]
        .into_iter()
        .map(|t| {
            prepare(
                Claim {
                    text: t.into(),
                    ..claim("c")
                },
                &sp,
            )
        })
        .collect();
        let files = vec![path.clone()];
        let (ex, _) = Extracted::from_files_wanted(&files, &sp, wanted(&claims), || {});
        let mut report = check(&claims, &ex, &sp);
        let mut unchanged = report.clone();
        assert!(read_back_evidence(&mut unchanged, &ex).is_empty());
        let passages: Vec<&str> = unchanged
            .claims
            .iter()
            .map(|c| &*c.evidence[0].text)
            .collect();
        assert!(passages[0].starts_with("Xi Jinping said"), "{passages:?}");
        assert!(passages[1].starts_with("Trade reached"), "{passages:?}");
        assert_eq!(&*unchanged.claims[1].evidence[0].surface, "$240 billion");
        // The same length, one word changed: still a changed file.
        let mut same_length = report.clone();
        std::fs::write(&path, article.replace("Trade", "Debts")).expect("rewrite");
        let warnings = read_back_evidence(&mut same_length, &ex);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert_eq!(&*same_length.claims[1].evidence[0].text, "$240 billion");
        std::fs::write(&path, format!("{article}\nA later correction.\n")).expect("rewrite");
        let warnings = read_back_evidence(&mut report, &ex);
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].message.contains("changed since it was read"));
        let quote = &report.claims[0].evidence[0];
        assert_eq!(&*quote.text, "at their best in history.");
        let figure = &report.claims[1].evidence[0];
        assert_eq!(
            (&*figure.text, &*figure.surface),
            ("$240 billion", "$240 billion")
        );
        assert_eq!(report.claims[0].verdict, unchanged.claims[0].verdict);
    }

    fn claim(id: &str) -> Claim {
        Claim {
            id: id.into(),
            text: format!("claim {id}"),
            speaker: None,
            quote: None,
            sources: None,
            ignore: None,
            as_of: None,
            file: "claims.toml".into(),
            line: 1,
            range: None,
        }
    }

    fn with_quote(id: &str, text: &str, speaker: Option<&str>) -> PreparedClaim {
        PreparedClaim {
            claim: claim(id),
            quotes: vec![quote(id, 1, text, speaker)],
            figures: vec![],
        }
    }

    fn with_figure(id: &str, f: Figure) -> PreparedClaim {
        PreparedClaim {
            claim: claim(id),
            quotes: vec![],
            figures: vec![f],
        }
    }

    fn sources() -> Extracted {
        let d = |y, m, day| Some(jiff::civil::date(y, m, day));
        let trade = ["trade", "russia", "china"];
        corpus(
            &[
                ("a", d(2023, 3, 21)),
                ("b", d(2024, 5, 16)),
                ("c", d(2024, 5, 17)),
                ("e", d(2024, 5, 18)),
            ],
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
                    "changes that haven't happened in 100 years",
                    Some("Xi Jinping"),
                ),
                quote(
                    "c",
                    7,
                    "changes that haven't happened in 100 years",
                    Some("Vladimir Putin"),
                ),
                quote(
                    "a",
                    9,
                    "good neighbours, good friends and good partners",
                    Some("Xi Jinping"),
                ),
            ],
            vec![
                figure("a", 4, 185e9, "USD", Exact, &trade, Some(2022), Actual),
                figure("b", 6, 240e9, "USD", Exact, &trade, Some(2023), Actual),
                figure("e", 6, 240e9, "USD", Exact, &trade, Some(2023), Actual),
                figure("c", 9, 210e9, "USD", Exact, &trade, Some(2023), Actual),
                figure("a", 12, 4200.0, "km", About, &["border"], None, Actual),
                figure("b", 12, 200e9, "USD", Exact, &trade, Some(2024), Target),
            ],
        )
    }

    fn verdicts(claims: Vec<PreparedClaim>) -> Vec<(String, Verdict, String)> {
        let ex = sources();
        check(&claims, &ex, &SpeakerTable::default())
            .claims
            .into_iter()
            .map(|c| (c.id, c.verdict, c.explanation))
            .collect()
    }

    fn verdict(c: PreparedClaim) -> (Verdict, String) {
        let (_, v, e) = verdicts(vec![c]).remove(0);
        (v, e)
    }

    #[test]
    fn a_speaker_tie_is_disputed() {
        let ex = corpus(
            &[("a", None), ("c", None)],
            vec![
                quote(
                    "a",
                    3,
                    "we are driving these changes together",
                    Some("Xi Jinping"),
                ),
                quote(
                    "c",
                    7,
                    "we are driving these changes together",
                    Some("Vladimir Putin"),
                ),
            ],
            vec![],
        );
        let claims = vec![with_quote(
            "x",
            "we are driving these changes together",
            Some("Vladimir Putin"),
        )];
        let c = check(&claims, &ex, &SpeakerTable::default())
            .claims
            .remove(0);
        assert_eq!(c.verdict, Verdict::Disputed, "{}", c.explanation);
    }

    #[test]
    fn a_role_in_the_sources_neither_supports_nor_disputes_a_name() {
        let words = "we will defend the border whatever it costs us";
        let check_against = |speakers: &[&str], claimed: &str| {
            let ids = ["a", "b", "c"];
            let ex = corpus(
                &ids[..speakers.len()]
                    .iter()
                    .map(|&i| (i, None))
                    .collect::<Vec<_>>(),
                speakers
                    .iter()
                    .zip(ids)
                    .map(|(&s, id)| quote(id, 3, words, Some(s)))
                    .collect(),
                vec![],
            );
            let claims = vec![with_quote("x", words, Some(claimed))];
            let c = check(&claims, &ex, &SpeakerTable::default())
                .claims
                .remove(0);
            (c.verdict, c.explanation)
        };
        let (v, e) = check_against(&["minister"], "Piotr Nowak");
        assert_eq!(v, Verdict::Supported, "{e}");
        assert!(
            e.ends_with("; the speaker is only given as minister (1)"),
            "{e}"
        );
        assert!(!e.contains("attributed to"), "{e}");
        // A role does not outvote the name, nor make a tie of it.
        let (v, e) = check_against(&["minister", "Piotr Nowak"], "Piotr Nowak");
        assert_eq!(v, Verdict::Supported, "{e}");
        assert!(
            e.contains("attributed to Piotr Nowak as in the sources"),
            "{e}"
        );
        assert!(
            e.ends_with("; the speaker is also given as minister (1)"),
            "{e}"
        );
        // Another name is still another speaker.
        let (v, e) = check_against(&["minister", "Xi Jinping", "Xi"], "Piotr Nowak");
        assert_eq!(v, Verdict::Misattributed, "{e}");
    }

    #[test]
    fn a_source_giving_the_claimed_value_and_another_does_not_dispute_it() {
        let duty = ["duti", "face", "addit"];
        let d = |y, m, day| Some(jiff::civil::date(y, m, day));
        let pct = |src: &str, v: f64| figure(src, 4, v, "percent", Exact, &duty, None, Actual);
        // "a" gives two values of what reads as one subject ("BYD faces
        // 17.4%, SAIC 37.6%"); "b" gives the first.
        let ex = corpus(
            &[("a", d(2024, 7, 5)), ("b", d(2024, 7, 6))],
            vec![],
            vec![pct("a", 17.4), pct("a", 37.6), pct("b", 17.4)],
        );
        let verdict_of = |v: f64| {
            let c = check(
                &[with_figure("x", pct("claim", v))],
                &ex,
                &SpeakerTable::default(),
            )
            .claims
            .remove(0);
            (c.verdict, c.explanation)
        };
        // "a" gives both values: "b"'s 17.4% is no dispute of 37.6%.
        for v in [17.4, 37.6] {
            let (verdict, why) = verdict_of(v);
            assert_eq!(verdict, Verdict::Supported, "{v}: {why}");
        }
        // 20% is in no source, and against all three.
        let (v, why) = verdict_of(20.0);
        assert_eq!(v, Verdict::Contradicted, "{why}");
        // A loose figure and an exact one that agree with each other are
        // one thing said twice: the exact one still disputes the claim.
        let mut loose = pct("a", 62.0);
        loose.qualifier = AtLeast;
        (loose.low, loose.high) = (62.0, 93.0);
        let ex = corpus(&[("a", d(2024, 7, 5))], vec![], vec![loose, pct("a", 62.0)]);
        let c = check(
            &[with_figure("x", pct("claim", 80.0))],
            &ex,
            &SpeakerTable::default(),
        )
        .claims
        .remove(0);
        assert_eq!(c.verdict, Verdict::Disputed, "{}", c.explanation);
    }

    #[test]
    fn quotation_verdicts() {
        let q = "changes that haven't happened in 100 years";
        assert_eq!(
            verdict(with_quote("x", q, Some("Xi"))).0,
            Verdict::Supported
        );
        // Two sources give it to Xi, one lone source to Putin: the lone
        // source is the outlier (docs/sample-corpus.md, "Conventions").
        let (v, why) = verdict(with_quote("x", q, Some("Vladimir Putin")));
        assert_eq!(
            v,
            Verdict::Misattributed,
            "one lone source agrees with Putin: {why}"
        );
        assert!(why.contains("only c names Vladimir Putin"), "{why}");
        let (v, why) = verdict(with_quote(
            "x",
            "good neighbours, good friends and good partners",
            Some("Putin"),
        ));
        assert_eq!(v, Verdict::Misattributed);
        assert!(why.contains("Xi Jinping"), "{why}");
        assert_eq!(
            verdict(with_quote(
                "x",
                "good neighbors, good friends, and good partners",
                Some("Xi")
            ))
            .0,
            Verdict::StyleVariant
        );
        assert_eq!(
            verdict(with_quote(
                "x",
                "good neighbours, good friends and reliable partners",
                None
            ))
            .0,
            Verdict::Variant
        );
        assert_eq!(
            verdict(with_quote(
                "x",
                "good friends and good partners",
                Some("Xi Jinping")
            ))
            .0,
            Verdict::Supported
        );
        assert_eq!(
            verdict(with_quote("x", "we stand shoulder to shoulder", None)).0,
            Verdict::Unverified
        );
    }

    #[test]
    fn an_unresolved_claim_period_says_what_it_was_taken_as() {
        let trade = ["trade", "russia", "china"];
        let mut f = figure("claim", 1, 185e9, "USD", Exact, &trade, None, Actual);
        f.period_note = Some("\"last year\" unresolved: source has no date".into());
        let (v, why) = verdict(with_figure("x", f.clone()));
        assert_eq!(v, Verdict::Supported, "{why}");
        assert!(
            why.contains("the claim's \"last year\" has no date to resolve against"),
            "{why}"
        );
        assert!(why.ends_with("it agrees for 2022"), "{why}");
        // A resolved claim says nothing of it.
        f.period = Some(crate::corpus::testing::year(2022));
        f.period_note = None;
        let (_, why) = verdict(with_figure("x", f));
        assert!(!why.contains("resolve"), "{why}");
    }

    #[test]
    fn figure_verdicts() {
        let trade = ["trade", "russia", "china"];
        let f = |v: f64, q, y: Option<i16>, m| figure("claim", 1, v, "USD", q, &trade, y, m);
        assert_eq!(
            verdict(with_figure("x", f(185e9, Exact, Some(2022), Actual))).0,
            Verdict::Supported
        );
        assert_eq!(
            verdict(with_figure("x", f(150e9, Exact, Some(2022), Actual))).0,
            Verdict::Contradicted
        );
        let (v, why) = verdict(with_figure("x", f(240e9, Exact, Some(2023), Actual)));
        assert_eq!(v, Verdict::Disputed, "{why}");
        assert_eq!(
            verdict(with_figure("x", f(240e9, Exact, Some(2021), Actual))).0,
            Verdict::OtherPeriod
        );
        assert_eq!(
            verdict(with_figure("x", f(200e9, Exact, Some(2024), Target))).0,
            Verdict::Supported
        );
        // Another target for the claim's period is the reason given, not
        // a figure of another year.
        let (v, why) = verdict(with_figure("x", f(250e9, Exact, Some(2024), Target)));
        assert_eq!(v, Verdict::OtherPeriod, "{why}");
        assert!(
            why.ends_with("(two targets differ: $250 billion vs $200 billion)"),
            "{why}"
        );
        let border = figure("claim", 1, 3000.0, "km", Exact, &["border"], None, Actual);
        assert_eq!(verdict(with_figure("x", border)).0, Verdict::Contradicted);
        let unrelated = figure(
            "claim",
            1,
            185e9,
            "USD",
            Exact,
            &["defence", "budget"],
            Some(2022),
            Actual,
        );
        let (v, why) = verdict(with_figure("x", unrelated));
        assert_eq!(
            v,
            Verdict::Unverified,
            "a matching number about another thing is no support: {why}"
        );
    }

    #[test]
    fn support_names_every_value_that_agrees_the_claims_first() {
        let d = |y, m, day| Some(jiff::civil::date(y, m, day));
        let km = |src: &str, v: f64, q| figure(src, 4, v, "km", q, &["border"], None, Actual);
        let ex = corpus(
            &[
                ("a", d(2024, 5, 16)),
                ("b", d(2024, 5, 17)),
                ("c", d(2024, 5, 18)),
            ],
            vec![],
            vec![
                km("a", 4200.0, About),
                km("b", 4100.0, Exact),
                km("c", 4100.0, Exact),
            ],
        );
        let claim = with_figure(
            "x",
            figure("claim", 1, 4100.0, "km", Exact, &["border"], None, Actual),
        );
        let r = check(&[claim], &ex, &SpeakerTable::default());
        assert_eq!(r.claims[0].verdict, Verdict::Supported);
        assert_eq!(
            r.claims[0].explanation,
            "4,100 km agrees with 4,100 km and about 4,200 km in 3 sources"
        );
    }

    #[test]
    fn a_scope_naming_no_source_read_is_a_warning() {
        let mut scoped = with_quote("x", "changes that haven't happened in 100 years", None);
        scoped.claim.sources = Some(vec!["a".into(), "vov-2023-3".into()]);
        let plain = with_quote("y", "changes that haven't happened in 100 years", None);
        let w = unknown_scoped_sources(&[scoped, plain], &sources());
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].message.contains("claim `x`"), "{}", w[0]);
        assert!(w[0].message.contains("`vov-2023-3`"), "{}", w[0]);
    }

    #[test]
    fn scope_waiver_and_worst_part() {
        let mut scoped = with_quote(
            "x",
            "changes that haven't happened in 100 years",
            Some("Putin"),
        );
        scoped.claim.sources = Some(vec!["a".into(), "b".into()]);
        assert_eq!(
            verdict(scoped).0,
            Verdict::Misattributed,
            "only a and b count"
        );

        let mut waived = with_quote(
            "x",
            "good neighbours, good friends and reliable partners",
            None,
        );
        waived.claim.ignore = Some("known translation".into());
        let ex = sources();
        let r = check(&[waived], &ex, &SpeakerTable::default());
        assert_eq!(r.claims[0].verdict, Verdict::Waived);
        assert_eq!(r.claims[0].waived_verdict, Some(Verdict::Variant));
        assert_eq!(r.summary["waived"], 1);

        let trade = ["trade", "russia", "china"];
        let mut two = with_quote(
            "x",
            "good neighbours, good friends and good partners",
            Some("Xi"),
        );
        two.figures.push(figure(
            "x",
            1,
            150e9,
            "USD",
            Exact,
            &trade,
            Some(2022),
            Actual,
        ));
        let r = check(&[two], &ex, &SpeakerTable::default());
        assert_eq!(r.claims[0].verdict, Verdict::Contradicted);
        assert_eq!(r.claims[0].kind, ItemKind::Figure);
        assert_eq!(r.claims[0].parts.len(), 2);
        assert_eq!(r.claims[0].parts[0].verdict, Verdict::Supported);
    }

    #[test]
    fn every_verdict_carries_evidence_and_explanation() {
        let r = verdicts(vec![
            with_quote(
                "a",
                "good neighbours, good friends and reliable partners",
                None,
            ),
            with_quote(
                "b",
                "good neighbours, good friends and good partners",
                Some("Putin"),
            ),
        ]);
        for (id, _, why) in r {
            assert!(!why.is_empty(), "{id}");
        }
        let ex = sources();
        let r = check(
            &[with_quote(
                "a",
                "good neighbours, good friends and reliable partners",
                None,
            )],
            &ex,
            &SpeakerTable::default(),
        );
        let c = &r.claims[0];
        assert_eq!(&*c.evidence[0].source, "a");
        assert_eq!(c.evidence[0].line, 9);
        assert_eq!(
            c.diff.as_deref(),
            Some("good neighbors good friends and -reliable +good partners")
        );
    }
}
