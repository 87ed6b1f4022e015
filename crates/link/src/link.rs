//! Targets tied to actuals from any document through the catalogue: one evaluation `Case` per target.
//!
//! [`link_targets`] takes every fact of a store (or any list of [`Sourced`]
//! facts) and returns, for each target in scope, a [`TargetCase`]: the
//! target, its catalogue indicator and domain, and a
//! [`planwatch_evaluate::Case`] holding
//!
//! * **actuals**: facts of kind `actual` from *any* document (bulletins, work
//!   reports, imported tables, the plan itself) whose indicator links to the
//!   same catalogue indicator (or the same normalised name when the
//!   catalogue does not know it), about the same region (`锦州` matches
//!   `锦州市`), with a measure the target's method can use (see
//!   [`usable_measures`]), and not older than the plan's base year. Each
//!   carries its document type and publication year so the engine prefers a
//!   统计公报 to a 政府工作报告 to a plan for the same year; rows imported
//!   from a table (document type `other`) take both from their source title
//!   (`2024年…政府工作报告`, `…统计公报`, `…统计局`).
//! * **base**: the plan's own base-year actual of the indicator (the base
//!   column of its table, year = period start − 1); else an actual of that
//!   year from any document; else none, and the engine takes the earliest
//!   actual (and says so in a note).
//! * **direction**: lower-is-better when the catalogue says `lower` or
//!   `ceiling` (for plain and 左右 targets that are not cuts); otherwise the
//!   engine infers it.
//!
//! Values in a unit the engine cannot convert by magnitude but the catalogue
//! can (公顷 → 亩, 斤 → 吨) are converted here; the quote stays as written.
//! The same target stated twice in one document (a sentence and a table
//! row) is evaluated once; the other statements are kept in
//! [`TargetCase::also`].
//!
//! Every fact keeps its [`FactId`]: the target's is [`TargetCase::target`]'s,
//! the base's [`TargetCase::base_id`], the actuals' [`TargetCase::actual_ids`]
//! (one per [`Case::actuals`], in order), so a [`Source`] an assessment used
//! is found by id ([`TargetCase::source_id`]), never by its quote.
//!
//! Linking is done once for every target ([`Scope::All`], no as-of year) and
//! narrowed afterwards: [`in_scope`] gives what [`link_targets`] would give
//! for any other scope and year, without linking again.

use std::collections::HashMap;

use planwatch_catalog::{
    region_matches, Catalog, Direction as CatalogDirection, FactId, Linked, Linker, Sourced,
};
use planwatch_core::{Comparator, DocType, Fact, Kind, Measure};
use planwatch_evaluate::{units, Case, Direction, Input, Observation, Source};

/// Which targets to evaluate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Targets stated by the document with this file name.
    Doc(String),
    /// Targets about this region (`锦州` matches `锦州市`), from any document.
    Region(String),
    /// Every target.
    All,
}

impl Scope {
    /// Whether a fact (a target) is in scope.
    pub fn contains(&self, src: &Sourced) -> bool {
        match self {
            Scope::Doc(name) => src.doc.name == *name || src.doc.id == *name,
            Scope::Region(r) => region_matches(src.region(), r),
            Scope::All => true,
        }
    }
}

/// One target with everything known about it, ready for `assess`.
#[derive(Debug, Clone)]
pub struct TargetCase {
    /// The target fact, its id and its document.
    pub target: Sourced,
    /// Series key the target was linked on: the canonical name, or the
    /// normalised name when the catalogue does not know it.
    pub key: String,
    /// Canonical indicator name, or the name as written when the catalogue does not know it.
    pub indicator: String,
    /// Whether `indicator` is a catalogue indicator.
    pub in_catalogue: bool,
    /// The domain (经济发展, 创新驱动, 民生福祉, 绿色生态, 安全保障): the
    /// catalogue's, else the one the indicator's written words tell
    /// (`planwatch_catalog::domain_of`).
    pub domain: Option<String>,
    /// Other statements of the same target in the same document.
    pub also: Vec<Sourced>,
    /// The evaluation case (target, base, actuals with source hints, as-of year, direction).
    pub case: Case,
    /// Id of `case.base`, when there is one.
    pub base_id: Option<FactId>,
    /// Ids of `case.actuals`, one per actual, in the same order.
    pub actual_ids: Vec<FactId>,
}

impl TargetCase {
    /// The id of one of the case's facts.
    pub fn fact_id(&self, input: Input) -> Option<&FactId> {
        match input {
            Input::Target => Some(&self.target.id),
            Input::Base => self.base_id.as_ref(),
            Input::Actual(i) => self.actual_ids.get(i),
        }
    }

    /// One of the case's facts, as the engine saw it (values of the base and
    /// actuals may be converted to the target's unit).
    pub fn fact(&self, input: Input) -> Option<&Fact> {
        match input {
            Input::Target => Some(&self.case.target),
            Input::Base => self.case.base.as_ref(),
            Input::Actual(i) => self.case.actuals.get(i).map(|o| &o.fact),
        }
    }

    /// The id of a fact an assessment of this case used.
    pub fn source_id(&self, source: &Source) -> Option<&FactId> {
        self.fact_id(source.input)
    }

    /// The same case evaluated as of `year` (actuals after it are ignored).
    pub fn as_of(mut self, year: i32) -> TargetCase {
        self.case = self.case.as_of(year);
        self
    }
}

/// The measures of actuals a target's method can use: a level target uses
/// levels and yearly growth rates (to chain from the base); 年均增长 uses
/// growth rates and levels; a cut uses cuts, growth rates and levels; a
/// cumulative total uses yearly amounts (levels), totals to date and (for
/// 个百分点) yearly changes; a one-year growth target uses growth rates.
pub fn usable_measures(target: Measure) -> &'static [Measure] {
    match target {
        Measure::Level => &[Measure::Level, Measure::Growth],
        Measure::Growth => &[Measure::Growth],
        Measure::AvgGrowth => &[Measure::Growth, Measure::Level],
        Measure::Reduction => &[Measure::Reduction, Measure::Growth, Measure::Level],
        Measure::Cumulative => &[Measure::Level, Measure::Cumulative, Measure::Growth],
    }
}

/// The base year a document's targets count from: the year before a plan's
/// period (2015 for 2016–2020), the year before a work report's year.
pub fn base_year(doc: &planwatch_catalog::DocRef) -> Option<i32> {
    match doc.doc_type {
        DocType::WorkReport => doc.year.or(doc.period_start).map(|y| y - 1),
        _ => doc.period_start.map(|y| y - 1),
    }
}

/// Document type and publication year of a fact's source, for choosing among
/// several values of one year. Imported rows (document type `other`) take
/// them from their source title when it names a 统计公报/统计局 or a
/// 政府工作报告 and a year (`2024年…`).
pub fn source_hints(src: &Sourced) -> (DocType, Option<i32>) {
    let mut doc_type = src.doc.doc_type;
    let mut published = src.doc.date();
    if doc_type == DocType::Other {
        if let Some(title) = src.fact.section.as_deref() {
            if ["统计公报", "统计年鉴", "统计局"]
                .iter()
                .any(|w| title.contains(w))
            {
                doc_type = DocType::StatisticalBulletin;
            } else if title.contains("政府工作报告") {
                doc_type = DocType::WorkReport;
            }
            if published.is_none() {
                published = first_year(title);
            }
        }
    }
    (doc_type, published)
}

/// The first `19xx年`/`20xx年` in a text.
fn first_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(5).find_map(|w| {
        let digits: String = w[..4].iter().collect();
        let ok = w[4] == '年' && w[..4].iter().all(char::is_ascii_digit);
        ok.then(|| digits.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..2100).contains(y))
    })
}

/// A fact with its value in `to` when the engine cannot convert its unit by
/// magnitude but the catalogue can (公顷 → 亩); otherwise unchanged.
fn in_unit(catalog: &Catalog, fact: &Fact, to: Option<&str>) -> Fact {
    let mut out = fact.clone();
    let (Some(from), Some(to)) = (fact.unit.as_deref(), to) else {
        return out;
    };
    if units::factor(Some(from), Some(to)).is_some() {
        return out;
    }
    if let Some(v) = fact.value.and_then(|v| catalog.convert(v, from, to)) {
        out.value = Some(v);
        out.value_max = fact.value_max.and_then(|m| catalog.convert(m, from, to));
        out.unit = Some(to.to_string());
    }
    out
}

/// Whether a candidate's region matches the target's. A target of no known
/// place is only measured against facts of no known place in its own
/// document: two documents that name no place need not be about one.
fn same_region(target: &Sourced, candidate: &Sourced) -> bool {
    match target.region() {
        Some(r) => region_matches(candidate.region(), r),
        None => candidate.region().is_none() && candidate.doc.id == target.doc.id,
    }
}

/// What makes two statements of a target the same target.
fn duplicate_key(l: &Linked<'_>) -> String {
    let f = &l.src.fact;
    format!(
        "{}|{}|{:?}|{:?}|{}|{:?}|{:?}|{:?}|{:?}",
        l.src.doc.id,
        l.key,
        l.src.region(),
        f.year,
        f.measure.as_str(),
        l.value.map(f64::to_bits),
        l.value_max.map(f64::to_bits),
        l.unit,
        f.text,
    )
}

/// Every target in `scope` with its base and actuals from all of `facts`,
/// evaluated as of `as_of` (actuals after it are ignored by the engine), in
/// the order the targets first appear in `facts`.
pub fn link_targets(
    catalog: &Catalog,
    facts: &[Sourced],
    scope: &Scope,
    as_of: Option<i32>,
) -> Vec<TargetCase> {
    let mut linker = Linker::new(catalog);
    let linked = linker.link_all(facts);
    // Actuals by series key (linking only ever pairs facts of one key), in order.
    let mut actuals: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, l) in linked.iter().enumerate() {
        if l.src.fact.kind == Kind::Actual {
            actuals.entry(l.key.as_str()).or_default().push(i);
        }
    }
    // Targets in scope, statements of one target grouped.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (i, l) in linked.iter().enumerate() {
        if l.src.fact.kind != Kind::Target || !scope.contains(l.src) {
            continue;
        }
        let key = duplicate_key(l);
        match by_key.get(&key) {
            Some(&g) => groups[g].push(i),
            None => {
                by_key.insert(key, groups.len());
                groups.push(vec![i]);
            }
        }
    }
    groups
        .into_iter()
        .filter_map(|members| {
            // A statement naming its attribute (a table row) speaks for the group.
            let rep = members
                .iter()
                .copied()
                .find(|&i| linked[i].src.fact.attribute.is_some())
                .or_else(|| members.first().copied())?;
            let also = members
                .iter()
                .filter(|&&i| i != rep)
                .map(|&i| linked[i].src.clone())
                .collect();
            let candidates = actuals
                .get(linked[rep].key.as_str())
                .map_or(&[][..], Vec::as_slice);
            Some(target_case(catalog, &linked, candidates, rep, also, as_of))
        })
        .collect()
}

/// Every target of `cases` (linked with [`Scope::All`] and no as-of year)
/// in `scope`, evaluated as of `as_of`: the same cases, in the same order, as
/// [`link_targets`] gives for that scope and year over the same facts.
pub fn in_scope(cases: &[TargetCase], scope: &Scope, as_of: Option<i32>) -> Vec<TargetCase> {
    cases
        .iter()
        .filter(|c| scope.contains(&c.target))
        .map(|c| match as_of {
            Some(year) => c.clone().as_of(year),
            None => c.clone(),
        })
        .collect()
}

fn target_case(
    catalog: &Catalog,
    linked: &[Linked<'_>],
    actuals: &[usize],
    rep: usize,
    also: Vec<Sourced>,
    as_of: Option<i32>,
) -> TargetCase {
    let t = &linked[rep];
    let target = &t.src.fact;
    let yb = base_year(&t.src.doc);
    let big_t = target.year;
    let measures = usable_measures(target.measure);
    let candidates: Vec<&Linked<'_>> = actuals
        .iter()
        .filter_map(|&i| linked.get(i))
        .filter(|c| {
            let f = &c.src.fact;
            f.kind == Kind::Actual
                && c.key == t.key
                && f.value.is_some_and(f64::is_finite)
                && f.year.is_some_and(|y| !matches!(yb, Some(b) if y < b))
                && measures.contains(&f.measure)
                && same_region(t.src, c.src)
        })
        .collect();
    let unit = target.unit.as_deref();
    let mut case = Case::new(target.clone());
    let mut base_id = None;
    let mut actual_ids = Vec::new();
    if target.value.is_some() {
        if let Some(b) = pick_base(t, &candidates, yb, big_t) {
            let base = &b.src.fact;
            let base = if base.measure == Measure::Level && target.measure == Measure::Level {
                in_unit(catalog, base, unit)
            } else {
                base.clone()
            };
            case = case.base(base);
            base_id = Some(b.src.id.clone());
        }
        for c in &candidates {
            let fact = if matches!(target.measure, Measure::Level | Measure::Cumulative)
                && c.src.fact.measure == target.measure
            {
                in_unit(catalog, &c.src.fact, unit)
            } else {
                c.src.fact.clone()
            };
            let (doc_type, published) = source_hints(c.src);
            let mut obs = Observation::new(fact).doc_type(doc_type);
            if let Some(p) = published {
                obs = obs.published(p);
            }
            case = case.actual(obs);
            actual_ids.push(c.src.id.clone());
        }
    }
    if let Some(year) = as_of {
        case = case.as_of(year);
    }
    if let Some(ind) = t.indicator {
        let plain = matches!(target.comparator, Comparator::Eq | Comparator::Approx);
        let lower = matches!(
            ind.direction,
            CatalogDirection::Lower | CatalogDirection::Ceiling
        );
        if plain && lower && target.measure != Measure::Reduction {
            case = case.direction(Direction::Lower);
        }
    }
    TargetCase {
        target: t.src.clone(),
        key: t.key.clone(),
        indicator: t
            .indicator
            .map_or_else(|| target.indicator.clone(), |i| i.name.clone()),
        in_catalogue: t.indicator.is_some(),
        domain: planwatch_catalog::domain_of(t.indicator, &target.indicator),
        also,
        case,
        base_id,
        actual_ids,
    }
}

/// Whether two facts were stated by the same words: the same span of their
/// document when both have one (two rows of identical text are two
/// statements), else the same quote.
fn same_statement(a: &Sourced, b: &Sourced) -> bool {
    if a.doc.id != b.doc.id {
        return false;
    }
    match (a.fact.start, a.fact.end, b.fact.start, b.fact.end) {
        (Some(s1), Some(e1), Some(s2), Some(e2)) => (s1, e1) == (s2, e2),
        _ => a.fact.quote == b.fact.quote,
    }
}

/// The base of a target: the plan's own base-year actual (a level when the
/// method needs a value, preferring the target's own table row), else a level
/// of the base year from the most authoritative document, else (for methods
/// that only need the base year) the plan's own actual of that year in any
/// measure.
fn pick_base<'l, 'a>(
    t: &Linked<'_>,
    candidates: &[&'l Linked<'a>],
    yb: Option<i32>,
    big_t: Option<i32>,
) -> Option<&'l Linked<'a>> {
    let target = &t.src.fact;
    let before_target = |c: &Linked<'_>| match (c.src.fact.year, big_t) {
        (Some(y), Some(tt)) => y < tt,
        (Some(_), None) => true,
        (None, _) => false,
    };
    let own: Vec<&'l Linked<'a>> = candidates
        .iter()
        .copied()
        .filter(|c| c.src.doc.id == t.src.doc.id && before_target(c))
        .collect();
    // The plan's base year: given by its period, else its latest actual before the target year.
    let own_year = yb.or_else(|| own.iter().filter_map(|c| c.src.fact.year).max());
    let pick_own = |level_only: bool| -> Option<&'l Linked<'a>> {
        let pool: Vec<&'l Linked<'a>> = own
            .iter()
            .copied()
            .filter(|c| own_year.is_some() && c.src.fact.year == own_year)
            .filter(|c| !level_only || c.src.fact.measure == Measure::Level)
            .collect();
        pool.iter()
            .find(|c| same_statement(c.src, t.src))
            .or_else(|| pool.first())
            .copied()
    };
    let from_any = || -> Option<&'l Linked<'a>> {
        let yb = yb?;
        candidates
            .iter()
            .copied()
            .filter(|c| {
                c.src.fact.year == Some(yb)
                    && c.src.fact.measure == Measure::Level
                    && before_target(c)
            })
            .enumerate()
            .max_by_key(|(i, c)| {
                let (doc_type, published) = source_hints(c.src);
                (doc_type.source_rank(), published.unwrap_or(i32::MIN), *i)
            })
            .map(|(_, c)| c)
    };
    match target.measure {
        Measure::Level => pick_own(true).or_else(from_any),
        Measure::AvgGrowth | Measure::Reduction => {
            pick_own(true).or_else(from_any).or_else(|| pick_own(false))
        }
        Measure::Cumulative => pick_own(false),
        Measure::Growth => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_source_titles() {
        assert_eq!(first_year("2024年葫芦岛市政府工作报告"), Some(2024));
        assert_eq!(
            first_year("数说葫芦岛(辽宁省统计局,2019年09月26日)"),
            Some(2019)
        );
        assert_eq!(first_year("无年份"), None);
        assert_eq!(first_year("12345年"), None);
    }

    #[test]
    fn a_statement_is_its_span_else_its_words() {
        use planwatch_catalog::DocRef;
        let doc = DocRef {
            id: "d".into(),
            name: "plan.txt".into(),
            title: None,
            doc_type: DocType::FiveYearPlan,
            region: None,
            year: None,
            period_start: Some(2016),
            period_end: Some(2020),
            order: 1,
        };
        let fact = |start: Option<usize>| Fact {
            doc: "plan.txt".into(),
            kind: Kind::Actual,
            indicator: "地区生产总值".into(),
            region: None,
            year: Some(2015),
            value: Some(1357.5),
            value_max: None,
            unit: Some("亿元".into()),
            measure: Measure::Level,
            comparator: Comparator::Eq,
            attribute: None,
            text: None,
            quote: "地区生产总值 1357.5 1900".into(),
            section: None,
            start,
            end: start.map(|s| s + 30),
            responsible: None,
        };
        let at = |ord, start| Sourced::new(doc.clone(), ord, fact(start));
        // One row: the same span.
        assert!(same_statement(&at(0, Some(10)), &at(1, Some(10))));
        // The same words in another row of the document: another statement.
        assert!(!same_statement(&at(0, Some(10)), &at(5, Some(90))));
        // Without spans (imported rows, tests), the words decide.
        assert!(same_statement(&at(0, None), &at(1, None)));
        let mut other = at(1, None);
        other.doc.id = "e".into();
        assert!(!same_statement(&at(0, None), &other));
        // No place known: the same document only, never another that names none.
        assert!(same_region(&at(0, None), &at(1, Some(40))));
        assert!(!same_region(&at(0, None), &other));
        let mut placed = at(1, None);
        placed.fact.region = Some("锦州市".into());
        assert!(!same_region(&at(0, None), &placed));
        let mut placed_elsewhere = other.clone();
        placed_elsewhere.fact.region = Some("锦州".into());
        assert!(same_region(&placed, &placed_elsewhere));
    }
}
