//! Facts: stored facts of current documents, filtered as `planwatch facts`
//! filters them (document, indicator by any synonym, region, year, kind).

use planwatch_catalog::region_matches;
use planwatch_core::Kind;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{not_found, opt, page, Page, Paging};
use crate::error::{ApiError, ApiResult};
use crate::snapshot::{FactRow, Snapshot};

/// A stored fact with where it sits.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FactView {
    /// Document key.
    pub document_id: String,
    /// Document file name.
    pub doc: String,
    /// Position in the document.
    pub ord: i64,
    /// target or actual.
    pub kind: String,
    /// Indicator as written.
    pub indicator: String,
    /// Series key (canonical name when in the catalogue).
    pub canonical: String,
    /// Region (the fact's, else its document's).
    pub region: Option<String>,
    /// Year of the value.
    #[serde(default, deserialize_with = "opt")]
    pub year: Option<i32>,
    /// Value as written.
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Unit as written.
    pub unit: Option<String>,
    /// level, growth, avg_growth, reduction or cumulative.
    pub measure: String,
    /// eq, approx, ge, gt, le or lt.
    pub comparator: String,
    /// 约束性 or 预期性.
    pub attribute: Option<String>,
    /// Qualitative goal words.
    pub text: Option<String>,
    /// The document's words.
    pub quote: String,
    /// Outline heading above it.
    pub section: Option<String>,
    /// Byte offset of the quote in the document text.
    pub start: Option<usize>,
    /// Byte offset past the quote.
    pub end: Option<usize>,
    /// 牵头单位: who leads the fact's task, as the document names them.
    pub lead_units: Vec<String>,
    /// 配合单位: who takes part in it.
    pub partner_units: Vec<String>,
    /// Where the fact is highlighted on its document page.
    pub link: String,
}

impl From<&FactRow> for FactView {
    fn from(r: &FactRow) -> FactView {
        let f = &r.src.fact;
        FactView {
            document_id: r.document_id.clone(),
            doc: r.src.doc.name.clone(),
            ord: r.ord,
            kind: f.kind.as_str().to_string(),
            indicator: f.indicator.clone(),
            canonical: r.key.clone(),
            region: r.src.region().map(str::to_string),
            year: f.year,
            value: f.value,
            value_max: f.value_max,
            unit: f.unit.clone(),
            measure: f.measure.as_str().to_string(),
            comparator: f.comparator.as_str().to_string(),
            attribute: f.attribute.map(|a| a.as_str().to_string()),
            text: f.text.clone(),
            quote: f.quote.clone(),
            section: f.section.clone(),
            start: f.start,
            end: f.end,
            lead_units: f
                .responsible
                .as_ref()
                .map(|r| r.lead.clone())
                .unwrap_or_default(),
            partner_units: f
                .responsible
                .as_ref()
                .map(|r| r.partners.clone())
                .unwrap_or_default(),
            link: format!("/documents/{}#f{}", r.document_id, r.ord),
        }
    }
}

/// Filters of the fact list, as in `planwatch facts`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FactQuery {
    /// Document file name or id (prefix of at least 6 characters).
    pub doc: Option<String>,
    /// Indicator: any name or synonym of a catalogue indicator, or a name as written.
    pub indicator: Option<String>,
    /// Region (锦州 matches 锦州市).
    pub region: Option<String>,
    /// Year of the value.
    #[serde(default, deserialize_with = "opt")]
    pub year: Option<i32>,
    /// `target` or `actual`.
    pub kind: Option<String>,
    /// Items to skip.
    #[serde(default, deserialize_with = "opt")]
    pub offset: Option<usize>,
    /// Items to return (1–1000).
    #[serde(default, deserialize_with = "opt")]
    pub limit: Option<usize>,
}

fn parse_kind(k: Option<&str>) -> ApiResult<Option<Kind>> {
    match k {
        None | Some("") => Ok(None),
        Some("target") => Ok(Some(Kind::Target)),
        Some("actual") => Ok(Some(Kind::Actual)),
        Some(other) => Err(ApiError::bad_request(
            "bad_query",
            format!("kind must be target or actual, not {other:?}"),
        )),
    }
}

/// Facts of current documents matching `q`, by document then position (the
/// rows of the list and of the facts download).
pub fn fact_rows<'s>(snap: &'s Snapshot, q: &FactQuery) -> ApiResult<Vec<&'s FactRow>> {
    let kind = parse_kind(q.kind.as_deref())?;
    let doc_id = match q.doc.as_deref().filter(|d| !d.is_empty()) {
        Some(d) => Some(
            snap.doc(d)
                .map(|d| d.id.clone())
                .ok_or_else(|| not_found("document", d))?,
        ),
        None => None,
    };
    let key = q
        .indicator
        .as_deref()
        .filter(|i| !i.is_empty())
        .map(|i| (i, snap.resolve_key(i).0));
    let region = q.region.as_deref().filter(|r| !r.trim().is_empty());
    let rows: Box<dyn Iterator<Item = &FactRow>> = match (&doc_id, &key) {
        (Some(id), _) => Box::new(snap.doc_facts(id).into_iter()),
        (None, Some((_, k))) => {
            Box::new(snap.key_facts(k).iter().filter_map(|&i| snap.facts.get(i)))
        }
        (None, None) => Box::new(snap.facts.iter()),
    };
    Ok(rows
        .filter(|r| {
            key.as_ref()
                .is_none_or(|(written, k)| r.key == *k || r.src.fact.indicator == *written)
        })
        .filter(|r| region.is_none_or(|want| region_matches(r.src.region(), want)))
        .filter(|r| q.year.is_none_or(|y| r.src.fact.year == Some(y)))
        .filter(|r| kind.is_none_or(|k| r.src.fact.kind == k))
        .collect())
}

/// Facts of current documents matching `q`, by document then position.
pub fn facts(snap: &Snapshot, q: &FactQuery, paging: &Paging) -> ApiResult<Page<FactView>> {
    let all: Vec<FactView> = fact_rows(snap, q)?
        .into_iter()
        .map(FactView::from)
        .collect();
    page(all, paging)
}
