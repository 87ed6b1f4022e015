//! Indicators: the list of indicators with facts (filtered by domain, region
//! and catalogue), and one indicator's 指标 page — its series, the assessments
//! of its targets (each distinct target once) and the data of its chart.

use std::collections::BTreeMap;

use planwatch_catalog::region_matches;
use planwatch_evaluate::Method;
use serde::{Deserialize, Serialize};
use utoipa::IntoParams;

use super::series::{series, SeriesView};
use super::{opt, page, Page, Paging, RegionQuery};
use crate::error::ApiResult;
use crate::evaluation::{self, Assessed};
use crate::snapshot::{IndicatorSummary, Snapshot};

/// Filters of the indicator list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IndicatorQuery {
    /// Catalogue domain (经济发展, 创新驱动, 民生福祉, 绿色生态, 安全保障).
    pub domain: Option<String>,
    /// Only indicators with facts in this region.
    pub region: Option<String>,
    /// Only catalogue indicators.
    #[serde(default, deserialize_with = "opt")]
    pub catalogued: Option<bool>,
    /// Items to skip.
    #[serde(default, deserialize_with = "opt")]
    pub offset: Option<usize>,
    /// Items to return (1–1000).
    #[serde(default, deserialize_with = "opt")]
    pub limit: Option<usize>,
}

/// Indicators with facts: catalogue ones first, then by number of facts.
pub fn indicators(
    snap: &Snapshot,
    q: &IndicatorQuery,
    paging: &Paging,
) -> ApiResult<Page<IndicatorSummary>> {
    let all: Vec<IndicatorSummary> = snap
        .indicators
        .iter()
        .filter(|i| {
            q.domain
                .as_deref()
                .filter(|d| !d.is_empty())
                .is_none_or(|d| i.domain.as_deref() == Some(d))
        })
        .filter(|i| {
            q.region
                .as_deref()
                .filter(|r| !r.is_empty())
                .is_none_or(|r| i.regions.iter().any(|x| region_matches(Some(x), r)))
        })
        .filter(|i| q.catalogued.is_none_or(|c| i.in_catalogue == c))
        .cloned()
        .collect();
    page(all, paging)
}

/// Rows of the fact table an indicator page shows (the download has them all).
pub const PAGE_POINTS: usize = 300;

/// The 指标 page: series, assessments and chart data of one indicator in one region.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorPage {
    /// The series (its first [`PAGE_POINTS`] points).
    pub series: SeriesView,
    /// Points in the whole series.
    pub total_points: usize,
    /// Catalogue synonyms.
    pub synonyms: Vec<String>,
    /// Regions with facts of this indicator.
    pub regions: Vec<String>,
    /// Assessments of its targets in the region, one per distinct target.
    pub assessments: Vec<Assessed>,
    /// For each assessment, how many other documents state the same target.
    pub also: Vec<usize>,
    /// Data for the chart (see assets/app.js).
    pub chart: serde_json::Value,
}

/// The indicator page of `name` (any synonym) in a region.
pub fn indicator_page(snap: &Snapshot, name: &str, q: &RegionQuery) -> ApiResult<IndicatorPage> {
    let mut series = series(snap, name, q.region.as_deref())?;
    let all = evaluation::assess_key(
        snap,
        &series.indicator,
        q.region.as_deref().filter(|r| !r.trim().is_empty()),
    );
    // The same target stated by several documents (an outline and its plan) is shown once.
    let mut assessments: Vec<Assessed> = Vec::new();
    let mut also: Vec<usize> = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for a in all {
        let key = format!(
            "{:?}|{:?}|{}|{}|{:?}|{:?}|{:?}",
            a.region, a.year, a.measure, a.comparator, a.value, a.value_max, a.text
        );
        match seen.get(&key) {
            Some(&i) => {
                if let Some(n) = also.get_mut(i) {
                    *n += 1;
                }
            }
            None => {
                seen.insert(key, assessments.len());
                assessments.push(a);
                also.push(0);
            }
        }
    }
    let chart = chart(snap, &series, &assessments);
    let total_points = series.points.len();
    series.points.truncate(PAGE_POINTS);
    let cat = snap.catalog().get(&series.indicator);
    Ok(IndicatorPage {
        synonyms: cat.map(|i| i.synonyms.clone()).unwrap_or_default(),
        regions: snap
            .indicator(&series.indicator)
            .map(|i| i.regions.clone())
            .unwrap_or_default(),
        series,
        total_points,
        assessments,
        also,
        chart,
    })
}

fn is_rate(measure: &str) -> bool {
    matches!(measure, "growth" | "avg_growth" | "reduction")
}

/// Chart data: levels (actuals, targets, base→target paths) and rates (actual growth, targets).
fn chart(snap: &Snapshot, s: &SeriesView, assessed: &[Assessed]) -> serde_json::Value {
    use serde_json::json;
    let mut level_actual: BTreeMap<i32, f64> = BTreeMap::new();
    let mut level_target = Vec::new();
    let mut seen_targets = std::collections::BTreeSet::new();
    let mut rate_actual: BTreeMap<i32, f64> = BTreeMap::new();
    let mut rate_target = Vec::new();
    let mut level_unit = s.unit.clone();
    for p in &s.points {
        let (Some(y), Some(v)) = (p.year, p.value) else {
            continue;
        };
        let label = format!("{}：{}", p.doc_title.as_deref().unwrap_or(&p.doc), p.quote);
        match (p.kind.as_str(), is_rate(&p.measure)) {
            ("actual", false) if p.measure == "level" => {
                level_unit = level_unit.or(p.unit.clone());
                level_actual.insert(y, v);
            }
            ("target", false)
                if p.measure == "level" && seen_targets.insert(format!("L{y}|{v}")) =>
            {
                level_target.push(json!({"value": [y, v], "name": label}));
            }
            ("actual", true) if p.measure == "growth" => {
                rate_actual.insert(y, v);
            }
            ("target", true) => {
                let kind = match p.measure.as_str() {
                    "avg_growth" => "年均增长",
                    "reduction" => "降低",
                    _ => "增长",
                };
                if seen_targets.insert(format!("R{y}|{v}|{kind}")) {
                    rate_target.push(json!({"value": [y, v], "name": format!("{kind}：{label}")}));
                }
            }
            _ => {}
        }
    }
    let mut paths = Vec::new();
    for a in assessed {
        if a.measure != "level" || a.assessment.method != Method::TimeProgress {
            continue;
        }
        let (Some(y0), Some(t)) = (a.assessment.base_year, a.year) else {
            continue;
        };
        let target_row = snap
            .doc_facts(&a.doc_id)
            .into_iter()
            .find(|r| r.ord == a.ord);
        let base_value = level_actual.get(&y0).copied();
        if let (Some(v0), Some(vt)) = (base_value, target_row.and_then(|r| r.value)) {
            paths.push(
                json!({"name": format!("{}→{} 规划路径", y0, t), "data": [[y0, v0], [t, vt]]}),
            );
        }
    }
    json!({
        "indicator": s.indicator,
        "unit": level_unit,
        "level": {
            "actual": level_actual.into_iter().map(|(y, v)| json!([y, v])).collect::<Vec<_>>(),
            "target": level_target,
            "paths": paths,
        },
        "rate": {
            "actual": rate_actual.into_iter().map(|(y, v)| json!([y, v])).collect::<Vec<_>>(),
            "target": rate_target,
        },
    })
}
