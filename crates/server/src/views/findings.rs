//! Findings: plan-consistency findings (规划衔接, as `planwatch check`),
//! each with the facts it rests on linked to their documents.

use planwatch_catalog::{region_matches, Finding};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{opt, page, Page, Paging};
use crate::error::ApiResult;
use crate::snapshot::Snapshot;

/// A consistency finding whose evidence links to its documents.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FindingView {
    /// target_conflict, growth_mismatch, yearly_shortfall or baseline_revised.
    pub kind: String,
    /// The kind in Chinese.
    pub kind_zh: String,
    /// Indicator.
    pub indicator: String,
    /// Region.
    pub region: String,
    /// Year concerned.
    #[serde(default, deserialize_with = "opt")]
    pub year: Option<i32>,
    /// What is wrong.
    pub message: String,
    /// The facts it rests on, side by side.
    pub evidence: Vec<EvidenceView>,
}

/// One fact cited by a finding.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvidenceView {
    /// Document file name.
    pub doc: String,
    /// Document title.
    pub title: Option<String>,
    /// target or actual.
    pub kind: String,
    /// What the number measures.
    pub measure: String,
    /// Year.
    #[serde(default, deserialize_with = "opt")]
    pub year: Option<i32>,
    /// Value (canonical unit).
    pub value: Option<f64>,
    /// Unit.
    pub unit: Option<String>,
    /// The document's words.
    pub quote: String,
    /// Where the fact is highlighted, when found.
    pub link: Option<String>,
}

fn finding_view(snap: &Snapshot, f: &Finding) -> FindingView {
    FindingView {
        kind: f.kind.as_str().to_string(),
        kind_zh: f.kind.label_zh().to_string(),
        indicator: f.indicator.clone(),
        region: f.region.clone(),
        year: f.year,
        message: f.message.clone(),
        evidence: f
            .evidence
            .iter()
            .map(|e| EvidenceView {
                doc: e.doc.clone(),
                title: e.title.clone(),
                kind: e.kind.as_str().to_string(),
                measure: e.measure.as_str().to_string(),
                year: e.year,
                value: e.value,
                unit: e.unit.clone(),
                quote: e.quote.clone(),
                link: snap
                    .fact_by_quote(&e.doc, &e.quote)
                    .map(|r| format!("/documents/{}#f{}", r.document_id, r.ord)),
            })
            .collect(),
    }
}

/// Filters of the finding list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FindingQuery {
    /// Region (锦州 matches 锦州市).
    pub region: Option<String>,
    /// Kind of finding.
    pub kind: Option<String>,
    /// Items to skip.
    #[serde(default, deserialize_with = "opt")]
    pub offset: Option<usize>,
    /// Items to return (1–1000).
    #[serde(default, deserialize_with = "opt")]
    pub limit: Option<usize>,
}

/// Plan consistency findings (as `planwatch check`).
pub fn findings(
    snap: &Snapshot,
    q: &FindingQuery,
    paging: &Paging,
) -> ApiResult<Page<FindingView>> {
    let region = q.region.as_deref().filter(|r| !r.is_empty());
    let kind = q.kind.as_deref().filter(|k| !k.is_empty());
    let all: Vec<FindingView> = snap
        .findings()
        .iter()
        .filter(|f| region.is_none_or(|r| region_matches(Some(&f.region), r)))
        .filter(|f| kind.is_none_or(|k| f.kind.as_str() == k))
        .map(|f| finding_view(snap, f))
        .collect();
    page(all, paging)
}
