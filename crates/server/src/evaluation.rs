//! Plan targets with their assessments, linked to their places in the documents.
//!
//! Targets are tied to their base and actuals by `planwatch_report::link_targets`
//! and assessed by `planwatch_report::evaluate` (the same path as `planwatch
//! evaluate`); this module only narrows the facts handed to linking to those
//! that can matter (the same series keys) and turns each result into
//! [`Assessed`], with every fact used linked to its document and anchor.

use planwatch_catalog::Sourced;
use planwatch_core::{Attribute, Kind};
use planwatch_evaluate::{Assessment, Role, Status};
use planwatch_report::{evaluate, link_targets, Evaluated, Scope};
use serde::Serialize;
use utoipa::ToSchema;

use crate::snapshot::{FactRow, Snapshot};

/// A fact an assessment used, with where to find it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SourceLink {
    /// target, base or actual.
    pub role: String,
    /// Document file name.
    pub doc: String,
    /// Document key, when the fact is found in the store.
    pub doc_id: Option<String>,
    /// Fact position in its document (anchor `f{ord}`).
    pub ord: Option<i64>,
    /// The document's words.
    pub quote: String,
    /// Year of the value.
    pub year: Option<i32>,
    /// Value as written.
    pub value: Option<f64>,
    /// Unit as written.
    pub unit: Option<String>,
}

/// One plan target with its assessment.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Assessed {
    /// Stable id: the first 12 characters of the document key, `-`, the fact position.
    pub id: String,
    /// Series key (canonical indicator name when in the catalogue).
    pub indicator: String,
    /// Whether the indicator is in the catalogue.
    pub in_catalogue: bool,
    /// The indicator as the document names it.
    pub as_written: String,
    /// Catalogue domain, or 其他.
    pub domain: String,
    /// Region of the target.
    pub region: Option<String>,
    /// Target year.
    pub year: Option<i32>,
    /// level, growth, avg_growth, reduction or cumulative.
    pub measure: String,
    /// eq, approx, ge, gt, le or lt.
    pub comparator: String,
    /// Target value as written.
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Unit as written.
    pub unit: Option<String>,
    /// Qualitative goal words.
    pub text: Option<String>,
    /// 约束性 or 预期性.
    pub attribute: Option<String>,
    /// Whether the target is binding (约束性).
    pub binding: bool,
    /// Plan document key.
    pub doc_id: String,
    /// Plan document file name.
    pub doc: String,
    /// Plan document title.
    pub doc_title: Option<String>,
    /// Position of the target fact in its document.
    pub ord: i64,
    /// The plan's words.
    pub quote: String,
    /// Base value (as written) when one was found.
    pub base_value: Option<f64>,
    /// Unit of the base value as written.
    pub base_unit: Option<String>,
    /// The evaluation.
    #[schema(value_type = Object)]
    pub assessment: Assessment,
    /// Every fact used, linked to its document.
    pub sources: Vec<SourceLink>,
}

impl Assessed {
    /// Whether it belongs on the red list (off track, regressing, or binding and lagging).
    pub fn is_red(&self) -> bool {
        self.assessment.colour == planwatch_evaluate::Colour::Red
    }
}

fn role(r: Role) -> &'static str {
    match r {
        Role::Target => "target",
        Role::Base => "base",
        Role::Actual => "actual",
    }
}

/// The facts linking needs for some targets: the targets' documents and every
/// fact sharing a series key with one of them (linking only ever pairs facts of one key).
fn related(snap: &Snapshot, targets: &[&FactRow]) -> Vec<Sourced> {
    let mut keys: Vec<&str> = targets.iter().map(|r| r.key.as_str()).collect();
    keys.sort_unstable();
    keys.dedup();
    let mut idx: Vec<usize> = keys
        .iter()
        .flat_map(|k| snap.key_facts(k).iter().copied())
        .collect();
    idx.sort_unstable();
    idx.dedup();
    idx.iter()
        .filter_map(|&i| snap.facts.get(i))
        .map(|r| r.src.clone())
        .collect()
}

/// Assessments of every (distinct) target of a plan document, in document order
/// (the same linking and evaluation as `planwatch evaluate`).
pub fn assess_plan(snap: &Snapshot, doc_id: &str) -> Vec<Assessed> {
    let targets: Vec<&FactRow> = snap
        .doc_facts(doc_id)
        .into_iter()
        .filter(|r| r.src.fact.kind == Kind::Target)
        .collect();
    if targets.is_empty() {
        return Vec::new();
    }
    let facts = related(snap, &targets);
    let items = link_targets(
        snap.catalog(),
        &facts,
        &Scope::Doc(doc_id.to_string()),
        None,
    );
    evaluate(items)
        .into_iter()
        .map(|e| assessed(snap, e))
        .collect()
}

/// Assessments of the targets of one series key in a region (all regions when `None`).
pub fn assess_key(snap: &Snapshot, key: &str, region: Option<&str>) -> Vec<Assessed> {
    let facts: Vec<Sourced> = snap
        .key_facts(key)
        .iter()
        .filter_map(|&i| snap.facts.get(i))
        .map(|r| r.src.clone())
        .collect();
    let scope = match region {
        Some(r) => Scope::Region(r.to_string()),
        None => Scope::All,
    };
    evaluate(link_targets(snap.catalog(), &facts, &scope, None))
        .into_iter()
        .map(|e| assessed(snap, e))
        .collect()
}

fn assessed(snap: &Snapshot, e: Evaluated) -> Assessed {
    let Evaluated {
        item, assessment, ..
    } = e;
    let target = &item.target.fact;
    let row = snap
        .find_fact(&item.target.doc.id, target)
        .or_else(|| snap.fact_by_quote(&item.target.doc.name, &target.quote));
    let sources = assessment
        .used
        .iter()
        .map(|s| {
            let found = snap.fact_by_quote(&s.doc, &s.quote);
            SourceLink {
                role: role(s.role).to_string(),
                doc: s.doc.clone(),
                doc_id: found.map(|f| f.document_id.clone()),
                ord: found.map(|f| f.ord),
                quote: s.quote.clone(),
                year: s.year,
                value: s.value,
                unit: s.unit.clone(),
            }
        })
        .collect();
    let base = assessment.used.iter().find(|s| s.role == Role::Base);
    let base_value = base.and_then(|s| s.value);
    let base_unit = base.and_then(|s| s.unit.clone());
    let doc_id = item.target.doc.id.clone();
    let ord = row.map_or(-1, |r| r.ord);
    Assessed {
        id: format!("{}-{}", doc_id.get(..12).unwrap_or(&doc_id), ord),
        indicator: item.indicator.clone(),
        in_catalogue: item.in_catalogue,
        as_written: target.indicator.clone(),
        domain: item
            .domain
            .clone()
            .unwrap_or_else(|| planwatch_catalog::NO_DOMAIN.to_string()),
        region: item.target.region().map(str::to_string),
        year: target.year,
        measure: target.measure.as_str().to_string(),
        comparator: target.comparator.as_str().to_string(),
        value: target.value,
        value_max: target.value_max,
        unit: target.unit.clone(),
        text: target.text.clone(),
        attribute: target.attribute.map(|a| a.as_str().to_string()),
        binding: target.attribute == Some(Attribute::Binding),
        doc_id,
        doc: item.target.doc.name.clone(),
        doc_title: item.target.doc.title.clone(),
        ord,
        quote: target.quote.clone(),
        base_value,
        base_unit,
        assessment,
        sources,
    }
}

/// Order of the red list: binding first, then regressing, off track, lagging.
pub fn red_rank(a: &Assessed) -> (bool, u8, i32) {
    let s = match a.assessment.status {
        Status::Regressing => 0,
        Status::OffTrack => 1,
        Status::Lagging => 2,
        _ => 3,
    };
    (!a.binding, s, a.year.unwrap_or(i32::MAX))
}
