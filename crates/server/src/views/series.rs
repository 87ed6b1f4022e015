//! Series: one indicator's targets and actuals in one region, by year
//! (actuals before targets), each point with its value in the catalogue's
//! unit, as written, and its source document and quote.

use planwatch_catalog::region_matches;
use serde::Serialize;
use utoipa::ToSchema;

use super::not_found;
use crate::error::ApiResult;
use crate::snapshot::{FactRow, Snapshot};

/// One point of a series, with its source.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PointView {
    /// Year of the value.
    #[serde(default, deserialize_with = "opt")]
    pub year: Option<i32>,
    /// target or actual.
    pub kind: String,
    /// What the number measures.
    pub measure: String,
    /// How it binds.
    pub comparator: String,
    /// Value in the canonical unit.
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Canonical (or written) unit.
    pub unit: Option<String>,
    /// Value as written.
    pub written_value: Option<f64>,
    /// Unit as written.
    pub written_unit: Option<String>,
    /// Qualitative goal words.
    pub text: Option<String>,
    /// 约束性 or 预期性.
    pub attribute: Option<String>,
    /// The indicator as the document names it.
    pub as_written: String,
    /// Region.
    pub region: Option<String>,
    /// Document file name.
    pub doc: String,
    /// Document title.
    pub doc_title: Option<String>,
    /// Document key.
    pub doc_id: String,
    /// Fact position in the document.
    pub ord: i64,
    /// The document's words.
    pub quote: String,
    /// Where the fact is highlighted.
    pub link: String,
}

/// One indicator's facts in one region, by year.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SeriesView {
    /// Series key (canonical name when in the catalogue).
    pub indicator: String,
    /// Whether it is a catalogue indicator.
    pub in_catalogue: bool,
    /// Catalogue domain.
    pub domain: Option<String>,
    /// Catalogue unit.
    pub unit: Option<String>,
    /// Region asked for.
    pub region: Option<String>,
    /// Points by year, actuals before targets.
    pub points: Vec<PointView>,
}

/// The series of `name` (any synonym) in a region.
pub fn series(snap: &Snapshot, name: &str, region: Option<&str>) -> ApiResult<SeriesView> {
    let (key, in_catalogue) = snap.resolve_key(name);
    let region = region.filter(|r| !r.trim().is_empty());
    let mut rows: Vec<&FactRow> = snap
        .key_facts(&key)
        .iter()
        .filter_map(|&i| snap.facts.get(i))
        .filter(|r| region.is_none_or(|want| region_matches(r.src.region(), want)))
        .collect();
    if rows.is_empty() && !in_catalogue && snap.indicator(&key).is_none() {
        return Err(not_found("indicator", name));
    }
    rows.sort_by(|a, b| {
        (
            a.src.fact.year,
            b.src.fact.kind,
            a.src.fact.measure,
            a.src.doc.order,
            a.ord,
        )
            .cmp(&(
                b.src.fact.year,
                a.src.fact.kind,
                b.src.fact.measure,
                b.src.doc.order,
                b.ord,
            ))
    });
    let cat = snap.catalog().get(&key);
    Ok(SeriesView {
        indicator: key.clone(),
        in_catalogue,
        domain: cat.map(|i| i.domain.clone()),
        unit: cat.map(|i| i.unit.clone()),
        region: region.map(str::to_string),
        points: rows.into_iter().map(point).collect(),
    })
}

fn point(r: &FactRow) -> PointView {
    let f = &r.src.fact;
    PointView {
        year: f.year,
        kind: f.kind.as_str().to_string(),
        measure: f.measure.as_str().to_string(),
        comparator: f.comparator.as_str().to_string(),
        value: r.value,
        value_max: r.value_max,
        unit: r.unit.clone(),
        written_value: f.value,
        written_unit: f.unit.clone(),
        text: f.text.clone(),
        attribute: f.attribute.map(|a| a.as_str().to_string()),
        as_written: f.indicator.clone(),
        region: r.src.region().map(str::to_string),
        doc: r.src.doc.name.clone(),
        doc_title: r.src.doc.title.clone(),
        doc_id: r.document_id.clone(),
        ord: r.ord,
        quote: f.quote.clone(),
        link: format!("/documents/{}#f{}", r.document_id, r.ord),
    }
}
