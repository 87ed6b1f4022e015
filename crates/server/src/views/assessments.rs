//! Assessments: every plan target assessed against the stored actuals (as
//! `planwatch evaluate`), filtered by plan, region, status, colour, indicator
//! and domain.

use planwatch_catalog::region_matches;
use serde::Deserialize;
use utoipa::IntoParams;

use super::{not_found, opt, page, Page, Paging};
use crate::error::ApiResult;
use crate::evaluation::Assessed;
use crate::snapshot::Snapshot;

/// Filters of the assessment list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AssessQuery {
    /// Region (锦州 matches 锦州市).
    pub region: Option<String>,
    /// Plan document (file name or id): only its targets.
    pub plan: Option<String>,
    /// Status (`achieved`, `ahead`, `on_track`, `lagging`, `off_track`, `regressing`, `no_data`, `qualitative`).
    pub status: Option<String>,
    /// Warning colour (`green`, `yellow`, `red`, `grey`).
    pub colour: Option<String>,
    /// Indicator (any synonym).
    pub indicator: Option<String>,
    /// Catalogue domain.
    pub domain: Option<String>,
    /// Items to skip.
    #[serde(default, deserialize_with = "opt")]
    pub offset: Option<usize>,
    /// Items to return (1–1000).
    #[serde(default, deserialize_with = "opt")]
    pub limit: Option<usize>,
}

/// Assessments of plan targets, by plan document then position.
pub fn assessments(snap: &Snapshot, q: &AssessQuery, paging: &Paging) -> ApiResult<Page<Assessed>> {
    let source = match q.plan.as_deref().filter(|p| !p.is_empty()) {
        Some(p) => {
            let d = snap.doc(p).ok_or_else(|| not_found("document", p))?;
            snap.plan_assessments(&d.id)
        }
        None => snap.all_assessments(),
    };
    let key = q
        .indicator
        .as_deref()
        .filter(|i| !i.is_empty())
        .map(|i| snap.resolve_key(i).0);
    let nonempty = |s: &Option<String>| s.as_deref().filter(|x| !x.is_empty()).map(str::to_string);
    let (status, colour, domain, region) = (
        nonempty(&q.status),
        nonempty(&q.colour),
        nonempty(&q.domain),
        nonempty(&q.region),
    );
    let all: Vec<Assessed> = source
        .iter()
        .filter(|a| {
            status
                .as_deref()
                .is_none_or(|s| a.assessment.status.as_str() == s)
        })
        .filter(|a| {
            colour
                .as_deref()
                .is_none_or(|c| a.assessment.colour.as_str() == c)
        })
        .filter(|a| domain.as_deref().is_none_or(|d| a.domain == d))
        .filter(|a| key.as_deref().is_none_or(|k| a.indicator == k))
        .filter(|a| {
            region
                .as_deref()
                .is_none_or(|r| region_matches(a.region.as_deref(), r))
        })
        .cloned()
        .collect();
    page(all, paging)
}
