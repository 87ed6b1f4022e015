//! Plan consistency (规划衔接): contradictions between and within plans, each with both quotes.

use std::collections::{BTreeMap, HashMap, HashSet};

use planwatch_core::{Comparator, DocType, Kind, Measure};
use serde::Serialize;

use crate::catalog::{Catalog, Direction};
use crate::link::{region_matches, Linked, Linker, Sourced};

/// What kind of inconsistency a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Two documents set different targets for the same indicator, region, year and measure.
    TargetConflict,
    /// A target level disagrees with its own base and average growth rate.
    GrowthMismatch,
    /// Yearly growth targets compound to less than the plan's average growth.
    YearlyShortfall,
    /// A later document's baseline differs from an earlier document's actual.
    BaselineRevised,
}

impl FindingKind {
    /// Stable spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::TargetConflict => "target_conflict",
            FindingKind::GrowthMismatch => "growth_mismatch",
            FindingKind::YearlyShortfall => "yearly_shortfall",
            FindingKind::BaselineRevised => "baseline_revised",
        }
    }

    /// Every kind of finding.
    pub const ALL: [FindingKind; 4] = [
        FindingKind::TargetConflict,
        FindingKind::GrowthMismatch,
        FindingKind::YearlyShortfall,
        FindingKind::BaselineRevised,
    ];

    /// The kind spelled by [`FindingKind::as_str`].
    pub fn parse(s: &str) -> Option<FindingKind> {
        FindingKind::ALL.into_iter().find(|x| x.as_str() == s)
    }

    /// The kind's Chinese name, the one label pages and reports show.
    pub fn label_zh(self) -> &'static str {
        match self {
            FindingKind::TargetConflict => "目标冲突",
            FindingKind::GrowthMismatch => "增速与目标不符",
            FindingKind::YearlyShortfall => "年度目标合计不足",
            FindingKind::BaselineRevised => "基数修订",
        }
    }
}

/// One fact cited by a finding.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// Document file name.
    pub doc: String,
    /// Document title.
    pub title: Option<String>,
    /// Target or actual.
    pub kind: Kind,
    /// What the number measures.
    pub measure: Measure,
    /// How it binds.
    pub comparator: Comparator,
    /// Year of the value.
    pub year: Option<i32>,
    /// Value in `unit`.
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Unit.
    pub unit: Option<String>,
    /// The document's words.
    pub quote: String,
}

/// One inconsistency, with every quote it rests on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// What kind.
    pub kind: FindingKind,
    /// Canonical indicator (or normalised name when unmatched).
    pub indicator: String,
    /// Region.
    pub region: String,
    /// Year concerned.
    pub year: Option<i32>,
    /// One line saying what is wrong.
    pub message: String,
    /// The facts, at least two.
    pub evidence: Vec<Evidence>,
}

fn evidence(l: &Linked<'_>) -> Evidence {
    let f = &l.src.fact;
    Evidence {
        doc: l.src.doc.name.clone(),
        title: l.src.doc.title.clone(),
        kind: f.kind,
        measure: f.measure,
        comparator: f.comparator,
        year: f.year,
        value: l.value,
        value_max: l.value_max,
        unit: l.unit.clone(),
        quote: f.quote.clone(),
    }
}

/// Digits after the decimal point in the shortest spelling of `v` (at most 6).
fn decimals(v: f64) -> i32 {
    let s = format!("{v}");
    s.split_once('.').map_or(0, |(_, d)| d.len().min(6) as i32)
}

/// Half a unit in the last written digit of the less precise number.
fn rounding(a: f64, b: f64) -> f64 {
    0.5 * 10f64.powi(-decimals(a).min(decimals(b)))
}

/// Equal within the rounding of how they are written (1357.5 ≈ 1357, 1900 ≠ 2000).
pub fn same_number(a: f64, b: f64) -> bool {
    (a - b).abs() <= rounding(a, b) + 1e-9 * a.abs().max(b.abs())
}

fn fmt_num(v: Option<f64>) -> String {
    v.map_or_else(|| "—".into(), |v| format!("{v}"))
}

fn same_unit(a: &Linked<'_>, b: &Linked<'_>) -> bool {
    a.unit == b.unit
}

fn region_key(l: &Linked<'_>) -> Option<String> {
    l.src
        .region()
        .map(|r| r.chars().filter(|c| !c.is_whitespace()).collect())
}

/// Runs every check over `facts` (current revisions only), optionally for one region.
pub fn check(catalog: &Catalog, facts: &[Sourced], region: Option<&str>) -> Vec<Finding> {
    let mut linker = Linker::new(catalog);
    let linked: Vec<Linked<'_>> = linker
        .link_all(facts)
        .into_iter()
        .filter(|l| l.value.is_some() && l.src.fact.year.is_some())
        .filter(|l| match region {
            Some(r) => region_matches(l.src.region(), r),
            None => true,
        })
        .collect();
    let mut out = Vec::new();
    out.extend(target_conflicts(&linked));
    out.extend(growth_mismatches(&linked));
    out.extend(yearly_shortfalls(&linked));
    out.extend(baseline_revisions(&linked));
    out
}

type GroupKey = (String, String, i32, Measure);

fn group<'a, 'b>(linked: &'b [Linked<'a>], kind: Kind) -> BTreeMap<GroupKey, Vec<&'b Linked<'a>>> {
    let mut groups: BTreeMap<GroupKey, Vec<&Linked<'_>>> = BTreeMap::new();
    for l in linked.iter().filter(|l| l.src.fact.kind == kind) {
        let (Some(region), Some(year)) = (region_key(l), l.src.fact.year) else {
            continue;
        };
        groups
            .entry((l.key.clone(), region, year, l.src.fact.measure))
            .or_default()
            .push(l);
    }
    groups
}

/// Whether two values disagree: different numbers beyond rounding, unless one
/// is a range (1—3) that contains the other number.
fn values_differ(a: &Linked<'_>, b: &Linked<'_>) -> bool {
    let (Some(va), Some(vb)) = (a.value, b.value) else {
        return false;
    };
    let within = |v: f64, lo: f64, hi: f64| v >= lo - rounding(v, lo) && v <= hi + rounding(v, hi);
    match (a.value_max, b.value_max) {
        (Some(x), Some(y)) => !same_number(va, vb) || !same_number(x, y),
        (Some(x), None) => !within(vb, va, x),
        (None, Some(y)) => !within(va, vb, y),
        (None, None) => !same_number(va, vb),
    }
}

/// Number of distinct documents among `facts`.
fn doc_count(facts: &[&Linked<'_>]) -> usize {
    facts
        .iter()
        .map(|l| l.src.doc.id.as_str())
        .collect::<HashSet<_>>()
        .len()
}

/// Two documents, different targets for one indicator, region, year and measure.
///
/// Facts that agree are clustered first, so documents repeating one value cost
/// one comparison, and each pair of disagreeing values is one finding.
fn target_conflicts(linked: &[Linked<'_>]) -> Vec<Finding> {
    let mut out = Vec::new();
    for ((ind, region, year, measure), members) in group(linked, Kind::Target) {
        let mut clusters: Vec<Vec<&Linked<'_>>> = Vec::new();
        for m in members {
            match clusters
                .iter_mut()
                .find(|c| same_unit(c[0], m) && !values_differ(c[0], m))
            {
                Some(c) => c.push(m),
                None => clusters.push(vec![m]),
            }
        }
        for (i, ci) in clusters.iter().enumerate() {
            for cj in &clusters[i + 1..] {
                if !same_unit(ci[0], cj[0]) {
                    continue;
                }
                // One quote from each side, from two different documents.
                let Some((a, b)) = ci.iter().find_map(|a| {
                    cj.iter()
                        .find(|b| b.src.doc.name != a.src.doc.name)
                        .map(|b| (*a, *b))
                }) else {
                    continue;
                };
                let (da, db) = (&a.src.doc.name, &b.src.doc.name);
                let more = (doc_count(ci) + doc_count(cj)).saturating_sub(2);
                let others = if more > 0 {
                    format!(" ({more} more document(s) repeat one of the two)")
                } else {
                    String::new()
                };
                let unit = a.unit.clone().unwrap_or_default();
                out.push(Finding {
                    kind: FindingKind::TargetConflict,
                    indicator: ind.clone(),
                    region: region.clone(),
                    year: Some(year),
                    message: format!(
                        "{da} sets {ind} {year} ({}) at {}{unit}, {db} at {}{unit}{others}",
                        measure.as_str(),
                        fmt_num(a.value),
                        fmt_num(b.value)
                    ),
                    evidence: vec![evidence(a), evidence(b)],
                });
            }
        }
    }
    out
}

/// Whether the level path base → target over `n` years fits growth `g` (%).
fn growth_fits(
    base: f64,
    target: f64,
    n: i32,
    g: &Linked<'_>,
    percent_level: bool,
) -> Option<(bool, f64)> {
    let gv = g.value?;
    if base <= 0.0 || target <= 0.0 || n <= 0 {
        return None;
    }
    let implied = ((target / base).powf(1.0 / f64::from(n)) - 1.0) * 100.0;
    let mut tol = 0.5 * 10f64.powi(-decimals(gv)) + 0.05;
    if g.src.fact.comparator == Comparator::Approx {
        tol += 0.5;
    }
    let fits = |implied: f64| match g.src.fact.comparator {
        Comparator::Ge | Comparator::Gt => implied >= gv - tol,
        Comparator::Le | Comparator::Lt => implied <= gv + tol,
        Comparator::Eq | Comparator::Approx => {
            let hi = g.value_max.unwrap_or(gv);
            implied >= gv - tol && implied <= hi + tol
        }
    };
    // Rates in % often grow in percentage points a year (森林覆盖率 19 → 21, 0.4).
    let points = (target - base) / f64::from(n);
    Some((fits(implied) || (percent_level && fits(points)), implied))
}

/// A target level that disagrees with its own base and average growth rate.
fn growth_mismatches(linked: &[Linked<'_>]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut by_doc: BTreeMap<(String, String, String), Vec<&Linked<'_>>> = BTreeMap::new();
    for l in linked {
        let Some(region) = region_key(l) else {
            continue;
        };
        by_doc
            .entry((l.src.doc.id.clone(), l.key.clone(), region))
            .or_default()
            .push(l);
    }
    for ((_, ind, region), members) in by_doc {
        let is =
            |l: &&&Linked<'_>, k: Kind, m: Measure| l.src.fact.kind == k && l.src.fact.measure == m;
        let targets: Vec<_> = members
            .iter()
            .filter(|l| is(l, Kind::Target, Measure::Level))
            .collect();
        let mut seen: Vec<(i32, String)> = Vec::new();
        for t in targets {
            let Some(ty) = t.src.fact.year else { continue };
            let growths: Vec<_> = members
                .iter()
                .filter(|l| is(l, Kind::Target, Measure::AvgGrowth) && l.src.fact.year == Some(ty))
                .filter(|l| l.unit.as_deref().is_none_or(|u| u == "%"))
                .collect();
            let Some(g) = growths
                .iter()
                .find(|g| g.src.fact.quote == t.src.fact.quote)
                .or(growths.first())
            else {
                continue;
            };
            let bases: Vec<_> = members
                .iter()
                .filter(|l| {
                    is(l, Kind::Actual, Measure::Level) && l.src.fact.year.is_some_and(|y| y < ty)
                })
                .filter(|l| same_unit(l, t))
                .collect();
            let same_row = bases.iter().find(|b| b.src.fact.quote == t.src.fact.quote);
            let Some(b) = same_row.or_else(|| bases.iter().max_by_key(|b| b.src.fact.year)) else {
                continue;
            };
            let (Some(by), Some(bv), Some(tv)) = (b.src.fact.year, b.value, t.value) else {
                continue;
            };
            let percent_level = matches!(t.unit.as_deref(), Some("%" | "‰"));
            let Some((fits, implied)) = growth_fits(bv, tv, ty - by, g, percent_level) else {
                continue;
            };
            if fits || seen.contains(&(ty, t.src.fact.quote.clone())) {
                continue;
            }
            seen.push((ty, t.src.fact.quote.clone()));
            let unit = t.unit.clone().unwrap_or_default();
            out.push(Finding {
                kind: FindingKind::GrowthMismatch,
                indicator: ind.clone(),
                region: region.clone(),
                year: Some(ty),
                message: format!(
                    "{}: {ind} {by} {bv}{unit} → {ty} {tv}{unit} is {implied:.2}% a year, but the stated average growth is {}%",
                    t.src.doc.name,
                    fmt_num(g.value)
                ),
                evidence: vec![evidence(b), evidence(t), evidence(g)],
            });
        }
    }
    out
}

/// Yearly growth targets (work reports) that compound to less than the plan's average growth.
fn yearly_shortfalls(linked: &[Linked<'_>]) -> Vec<Finding> {
    let mut out = Vec::new();
    let plans = linked.iter().filter(|l| {
        l.src.fact.kind == Kind::Target
            && l.src.fact.measure == Measure::AvgGrowth
            && l.src.doc.doc_type != DocType::WorkReport
            && !matches!(l.src.fact.comparator, Comparator::Le | Comparator::Lt)
            && l.unit.as_deref().is_none_or(|u| u == "%")
            && l.indicator.is_none_or(|i| i.direction == Direction::Higher)
    });
    // Yearly growth targets by (indicator, region), built once.
    let mut growth: HashMap<(&str, String), Vec<&Linked<'_>>> = HashMap::new();
    for l in linked {
        let f = &l.src.fact;
        if f.kind == Kind::Target
            && f.measure == Measure::Growth
            && l.unit.as_deref().is_none_or(|u| u == "%")
        {
            if let Some(r) = region_key(l) {
                growth.entry((l.key.as_str(), r)).or_default().push(l);
            }
        }
    }
    let mut seen: HashSet<(String, String, String, i32)> = HashSet::new();
    for p in plans {
        let (Some(end), Some(g), Some(region)) = (p.src.fact.year, p.value, region_key(p)) else {
            continue;
        };
        let start = match (p.src.doc.period_start, p.src.doc.period_end) {
            (Some(s), Some(e)) if e == end && s <= e => s,
            _ => end - 4,
        };
        let mut yearly: BTreeMap<i32, &Linked<'_>> = BTreeMap::new();
        let candidates = growth.get(&(p.key.as_str(), region.clone()));
        for l in candidates.into_iter().flatten().copied() {
            let f = &l.src.fact;
            let fits = l.src.doc.id != p.src.doc.id;
            let Some(y) = f.year.filter(|y| fits && (start..=end).contains(y)) else {
                continue;
            };
            let better = |old: &Linked<'_>| {
                let score = |x: &Linked<'_>| {
                    (
                        x.src.doc.doc_type == DocType::WorkReport,
                        x.src.doc.year == Some(y),
                    )
                };
                score(l) > score(old)
            };
            match yearly.get(&y) {
                Some(old) if !better(old) => {}
                _ => {
                    yearly.insert(y, l);
                }
            }
        }
        if yearly.is_empty() {
            continue;
        }
        let k = yearly.len() as i32;
        let product: f64 = yearly
            .values()
            .map(|l| 1.0 + l.value_max.or(l.value).unwrap_or(0.0) / 100.0)
            .product();
        let pace = (product.powf(1.0 / f64::from(k)) - 1.0) * 100.0;
        if pace >= g - 0.05 {
            continue;
        }
        let key = (p.src.doc.id.clone(), p.key.clone(), region.clone(), end);
        if !seen.insert(key) {
            continue;
        }
        let need = ((1.0 + g / 100.0).powi(k) - 1.0) * 100.0;
        let got = (product - 1.0) * 100.0;
        out.push(Finding {
            kind: FindingKind::YearlyShortfall,
            indicator: p.key.clone(),
            region,
            year: Some(end),
            message: format!(
                "{}: average growth {g}% over {start}–{end} needs {need:.1}% over the {k} year(s) with yearly targets, which compound to {got:.1}% ({pace:.2}% a year)",
                p.src.doc.name
            ),
            evidence: std::iter::once(evidence(p)).chain(yearly.values().map(|l| evidence(l))).collect(),
        });
    }
    out
}

/// A later document's baseline that differs from an earlier document's actual.
fn baseline_revisions(linked: &[Linked<'_>]) -> Vec<Finding> {
    let mut out = Vec::new();
    for ((ind, region, year, measure), mut members) in group(linked, Kind::Actual) {
        members.sort_by_key(|l| (l.src.doc.date().unwrap_or(i32::MAX), l.src.doc.order));
        // One representative per document: its first mention.
        let mut ids: HashSet<&str> = HashSet::new();
        let per_doc: Vec<&Linked<'_>> = members
            .into_iter()
            .filter(|l| ids.insert(l.src.doc.id.as_str()))
            .collect();
        for w in per_doc.windows(2) {
            let (earlier, later) = (w[0], w[1]);
            if earlier.src.doc.name == later.src.doc.name
                || !same_unit(earlier, later)
                || !values_differ(earlier, later)
            {
                continue;
            }
            let unit = later.unit.clone().unwrap_or_default();
            out.push(Finding {
                kind: FindingKind::BaselineRevised,
                indicator: ind.clone(),
                region: region.clone(),
                year: Some(year),
                message: format!(
                    "{ind} {year} ({}): {} gives {}{unit}, the later {} gives {}{unit}",
                    measure.as_str(),
                    earlier.src.doc.name,
                    fmt_num(earlier.value),
                    later.src.doc.name,
                    fmt_num(later.value)
                ),
                evidence: vec![evidence(earlier), evidence(later)],
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::tests::{doc, fact};

    fn src(d: &crate::link::DocRef, f: planwatch_core::Fact) -> Sourced {
        static ORD: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
        let ord = ORD.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Sourced::new(d.clone(), ord, f)
    }

    #[test]
    fn rounding_aware_equality() {
        assert!(same_number(1357.5, 1357.0));
        assert!(!same_number(1900.0, 2000.0));
        assert!(same_number(1.48, 1.48));
        assert!(!same_number(1.48, 1.49));
    }

    #[test]
    fn flags_a_2020_gdp_disagreement_between_two_documents() {
        let cat = Catalog::builtin();
        let outline = doc("000_outline.txt", 1);
        let plan = doc("001_plan.txt", 2);
        let mut a = fact(
            "000_outline.txt",
            Kind::Target,
            "地区生产总值",
            2020,
            2000.0,
            "亿元",
            Measure::Level,
        );
        a.quote = "到2020年,地区生产总值达到2000亿元".into();
        let b = fact(
            "001_plan.txt",
            Kind::Target,
            "GDP",
            2020,
            1900.0,
            "亿元",
            Measure::Level,
        );
        let same = fact(
            "001_plan.txt",
            Kind::Target,
            "生产总值",
            2020,
            1900.0,
            "亿元",
            Measure::Level,
        );
        let findings = check(
            &cat,
            &[src(&outline, a), src(&plan, b), src(&plan, same)],
            Some("锦州"),
        );
        let conflicts: Vec<_> = findings
            .iter()
            .filter(|f| f.kind == FindingKind::TargetConflict)
            .collect();
        assert_eq!(conflicts.len(), 1, "{findings:#?}");
        let f = conflicts[0];
        assert_eq!((f.indicator.as_str(), f.year), ("地区生产总值", Some(2020)));
        assert_eq!(f.evidence.len(), 2);
        assert!(f.evidence.iter().any(|e| e.quote.contains("2000亿元")));
        assert!(f.evidence.iter().any(|e| e.doc == "001_plan.txt"));
    }

    #[test]
    fn repeated_documents_give_one_finding_per_disagreement() {
        let cat = Catalog::builtin();
        let mut facts = Vec::new();
        for i in 0..50 {
            let d = doc(&format!("copy{i}.txt"), i);
            let v = if i == 49 { 1900.0 } else { 2000.0 };
            facts.push(src(
                &d,
                fact(
                    &d.name,
                    Kind::Target,
                    "地区生产总值",
                    2020,
                    v,
                    "亿元",
                    Measure::Level,
                ),
            ));
        }
        let f = check(&cat, &facts, None);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert!(
            f[0].message.contains("48 more document(s)"),
            "{}",
            f[0].message
        );
    }

    #[test]
    fn a_range_containing_the_other_target_agrees() {
        let cat = Catalog::builtin();
        let (d1, d2) = (doc("a.txt", 1), doc("b.txt", 2));
        let mut a = fact(
            "a.txt",
            Kind::Target,
            "高新技术企业数",
            2020,
            1.0,
            "家",
            Measure::Level,
        );
        a.value_max = Some(3.0);
        let b = fact(
            "b.txt",
            Kind::Target,
            "高新技术企业数",
            2020,
            3.0,
            "家",
            Measure::Level,
        );
        assert!(check(&cat, &[src(&d1, a.clone()), src(&d2, b)], None).is_empty());
        let c = fact(
            "b.txt",
            Kind::Target,
            "高新技术企业数",
            2020,
            5.0,
            "家",
            Measure::Level,
        );
        assert_eq!(check(&cat, &[src(&d1, a), src(&d2, c)], None).len(), 1);
    }

    #[test]
    fn equal_targets_in_ten_thousands_and_hundred_millions_agree() {
        let cat = Catalog::builtin();
        let (d1, d2) = (doc("a.txt", 1), doc("b.txt", 2));
        let a = fact(
            "a.txt",
            Kind::Target,
            "地区生产总值",
            2025,
            2000.0,
            "亿元",
            Measure::Level,
        );
        let b = fact(
            "b.txt",
            Kind::Target,
            "地区生产总值",
            2025,
            20_000_000.0,
            "万元",
            Measure::Level,
        );
        assert!(check(&cat, &[src(&d1, a), src(&d2, b)], None).is_empty());
    }

    #[test]
    fn growth_consistency_of_a_plan_row() {
        let cat = Catalog::builtin();
        let d = doc("001.txt", 1);
        let row = "地区生产总值 (亿元)\t\t1357.5\t1900\t7\t预期性";
        let mk = |kind, year, v, unit: &str, m| {
            let mut f = fact("001.txt", kind, "地区生产总值", year, v, unit, m);
            f.quote = row.into();
            src(&d, f)
        };
        let ok = [
            mk(Kind::Actual, 2015, 1357.5, "亿元", Measure::Level),
            mk(Kind::Target, 2020, 1900.0, "亿元", Measure::Level),
            mk(Kind::Target, 2020, 7.0, "%", Measure::AvgGrowth),
        ];
        assert!(
            check(&cat, &ok, None).is_empty(),
            "{:#?}",
            check(&cat, &ok, None)
        );
        let bad = [
            mk(Kind::Actual, 2015, 1357.5, "亿元", Measure::Level),
            mk(Kind::Target, 2020, 2300.0, "亿元", Measure::Level),
            mk(Kind::Target, 2020, 7.0, "%", Measure::AvgGrowth),
        ];
        let f = check(&cat, &bad, None);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::GrowthMismatch);
        assert_eq!(f[0].evidence.len(), 3);
        // Percentage rates may grow in points a year: 19 → 21 at 0.4 is fine.
        let mkf = |kind, year, v, m| {
            let mut f = fact("001.txt", kind, "森林覆盖率", year, v, "%", m);
            f.quote = "森林覆盖率（%）\t19\t21\t0.4\t约束性".into();
            src(&d, f)
        };
        let forest = [
            mkf(Kind::Actual, 2015, 19.0, Measure::Level),
            mkf(Kind::Target, 2020, 21.0, Measure::Level),
            mkf(Kind::Target, 2020, 0.4, Measure::AvgGrowth),
        ];
        assert!(check(&cat, &forest, None).is_empty());
    }

    #[test]
    fn yearly_targets_short_of_the_plan() {
        let cat = Catalog::builtin();
        let mut plan = doc("plan.txt", 1);
        plan.period_start = Some(2021);
        plan.period_end = Some(2025);
        let g = fact(
            "plan.txt",
            Kind::Target,
            "地区生产总值",
            2025,
            6.0,
            "%",
            Measure::AvgGrowth,
        );
        let mut facts = vec![src(&plan, g)];
        for (i, (y, v)) in [
            (2021, 6.0),
            (2022, 5.5),
            (2023, 5.0),
            (2024, 5.0),
            (2025, 5.0),
        ]
        .into_iter()
        .enumerate()
        {
            let mut r = doc(&format!("report{y}.txt"), 2 + i as i64);
            r.doc_type = DocType::WorkReport;
            r.year = Some(y);
            facts.push(src(
                &r,
                fact(
                    &r.name,
                    Kind::Target,
                    "地区生产总值增长",
                    y,
                    v,
                    "%",
                    Measure::Growth,
                ),
            ));
        }
        let f = check(&cat, &facts, None);
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::YearlyShortfall);
        assert_eq!(f[0].evidence.len(), 6);
        // Yearly targets at or above the plan's pace are fine.
        let facts_ok: Vec<_> = facts
            .into_iter()
            .map(|mut s| {
                if s.fact.measure == Measure::Growth {
                    s.fact.value = Some(6.5);
                }
                s
            })
            .collect();
        assert!(check(&cat, &facts_ok, None).is_empty());
    }

    #[test]
    fn a_revised_baseline_is_flagged() {
        let cat = Catalog::builtin();
        let mut early = doc("early.txt", 1);
        early.year = Some(2016);
        let mut late = doc("late.txt", 2);
        late.year = Some(2021);
        let a = fact(
            "early.txt",
            Kind::Actual,
            "地区生产总值",
            2015,
            1357.5,
            "亿元",
            Measure::Level,
        );
        let b = fact(
            "late.txt",
            Kind::Actual,
            "地区生产总值",
            2015,
            1327.4,
            "亿元",
            Measure::Level,
        );
        let c = fact(
            "late.txt",
            Kind::Actual,
            "城镇新增就业",
            2015,
            1.3,
            "万人",
            Measure::Level,
        );
        let d = fact(
            "early.txt",
            Kind::Actual,
            "城镇新增就业人数",
            2015,
            13000.0,
            "人",
            Measure::Level,
        );
        let f = check(
            &cat,
            &[src(&late, b), src(&early, a), src(&late, c), src(&early, d)],
            None,
        );
        assert_eq!(f.len(), 1, "{f:#?}");
        assert_eq!(f[0].kind, FindingKind::BaselineRevised);
        assert_eq!(f[0].evidence[0].doc, "early.txt");
        assert_eq!(f[0].evidence[1].doc, "late.txt");
    }
}
