//! The 总览 page: for a region and one of its plans, the plan's targets
//! counted by status and by domain and colour, and its red list.

use std::collections::BTreeMap;

use planwatch_catalog::region_matches;
use planwatch_evaluate::{Colour, Status};
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use super::documents::DocumentView;
use super::not_found;
use crate::error::ApiResult;
use crate::evaluation::{self, Assessed};
use crate::snapshot::Snapshot;

/// Count of assessments with one status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    /// Status.
    pub status: String,
    /// In Chinese.
    pub label: String,
    /// Its colour.
    pub colour: String,
    /// How many.
    pub count: usize,
}

/// Counts of one domain by colour.
#[derive(Debug, Clone, Serialize, Default)]
pub struct DomainRow {
    /// Domain.
    pub domain: String,
    /// Targets.
    pub total: usize,
    /// Green.
    pub green: usize,
    /// Yellow.
    pub yellow: usize,
    /// Red.
    pub red: usize,
    /// Grey.
    pub grey: usize,
}

/// A plan to choose on the dashboard.
#[derive(Debug, Clone, Serialize)]
pub struct PlanOption {
    /// Document key.
    pub id: String,
    /// Title or file name.
    pub label: String,
    /// Whether it is shown.
    pub selected: bool,
}

/// The 总览 page.
#[derive(Debug, Clone, Serialize)]
pub struct Dashboard {
    /// Region shown.
    pub region: Option<String>,
    /// Regions to choose from.
    pub regions: Vec<String>,
    /// Plans of the region.
    pub plans: Vec<PlanOption>,
    /// The plan shown.
    pub plan: Option<DocumentView>,
    /// Targets assessed.
    pub total: usize,
    /// Counts by status.
    pub statuses: Vec<StatusCount>,
    /// Counts by domain and colour.
    pub domains: Vec<DomainRow>,
    /// Off track, regressing and binding-lagging targets.
    pub red: Vec<Assessed>,
    /// Unix seconds of the last ingestion.
    pub updated_at: i64,
    /// Documents stored.
    pub documents: usize,
    /// Facts stored.
    pub facts: usize,
}

/// Dashboard parameters.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DashQuery {
    /// Region (default: the one with most documents).
    pub region: Option<String>,
    /// Plan document id or file name (default: the region's latest five-year plan).
    pub plan: Option<String>,
}

/// The dashboard of a region and plan.
pub fn dashboard(snap: &Snapshot, q: &DashQuery) -> ApiResult<Dashboard> {
    let region = q
        .region
        .clone()
        .filter(|r| !r.trim().is_empty())
        .or_else(|| snap.regions.first().cloned());
    let plans = snap.plans(region.as_deref());
    let chosen = match q.plan.as_deref().filter(|p| !p.is_empty()) {
        Some(p) => Some(snap.doc(p).ok_or_else(|| not_found("document", p))?),
        None => plans.first().copied(),
    };
    let assessed: Vec<Assessed> = match chosen {
        Some(d) => snap
            .plan_assessments(&d.id)
            .iter()
            .filter(|a| {
                region
                    .as_deref()
                    .is_none_or(|r| a.region.is_none() || region_matches(a.region.as_deref(), r))
            })
            .cloned()
            .collect(),
        None => Vec::new(),
    };
    let statuses = Status::ALL
        .iter()
        .map(|s| StatusCount {
            status: s.as_str().to_string(),
            label: s.label_zh().to_string(),
            colour: s.colour().as_str().to_string(),
            count: assessed
                .iter()
                .filter(|a| a.assessment.status == *s)
                .count(),
        })
        .collect();
    let mut domains: BTreeMap<String, DomainRow> = BTreeMap::new();
    for a in &assessed {
        let row = domains
            .entry(a.domain.clone())
            .or_insert_with(|| DomainRow {
                domain: a.domain.clone(),
                ..DomainRow::default()
            });
        row.total += 1;
        match a.assessment.colour {
            Colour::Green => row.green += 1,
            Colour::Yellow => row.yellow += 1,
            Colour::Red => row.red += 1,
            Colour::Grey => row.grey += 1,
        }
    }
    let mut red: Vec<Assessed> = assessed.iter().filter(|a| a.is_red()).cloned().collect();
    red.sort_by_key(evaluation::red_rank);
    Ok(Dashboard {
        plans: plans
            .iter()
            .map(|d| PlanOption {
                id: d.id.clone(),
                label: d.info.title.clone().unwrap_or_else(|| d.name.clone()),
                selected: chosen.is_some_and(|c| c.id == d.id),
            })
            .collect(),
        plan: chosen.map(DocumentView::from),
        region,
        regions: snap.regions.clone(),
        total: assessed.len(),
        statuses,
        domains: domains.into_values().collect(),
        red,
        updated_at: snap.updated_at,
        documents: snap.docs.len(),
        facts: snap.facts.len(),
    })
}
