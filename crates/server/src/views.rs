//! What the API returns and the pages show, computed from a [`Snapshot`]: one
//! function per list or page, so that handlers stay one call long.

use std::collections::BTreeMap;

use planwatch_catalog::{region_matches, Finding};
use planwatch_core::{DocType, Kind};
use planwatch_evaluate::{Colour, Method, Status};
use planwatch_store::{SearchFilter, SearchIndex, StoredDocument};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiResult};
use crate::evaluation::{self, Assessed};
use crate::snapshot::{FactRow, IndicatorSummary, Snapshot};

/// Deserializes an optional number from a query string or JSON, an empty string being `None`
/// (HTML forms send `year=` for an empty box).
pub fn opt<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: std::str::FromStr + serde::Deserialize<'de>,
    T::Err: std::fmt::Display,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum NumOrText<T> {
        Num(T),
        Text(String),
    }
    match Option::<NumOrText<T>>::deserialize(d)? {
        None => Ok(None),
        Some(NumOrText::Num(v)) => Ok(Some(v)),
        Some(NumOrText::Text(s)) if s.trim().is_empty() => Ok(None),
        Some(NumOrText::Text(s)) => s
            .trim()
            .parse()
            .map(Some)
            .map_err(|e| serde::de::Error::custom(format!("{s:?}: {e}"))),
    }
}

/// Default page size of list calls.
pub const DEFAULT_LIMIT: usize = 100;
/// Largest page size of list calls.
pub const MAX_LIMIT: usize = 1000;

/// Pagination of list calls: `offset` (default 0) and `limit` (1–1000, default 100).
#[derive(Debug, Clone, Copy, Default, Deserialize, IntoParams, ToSchema)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// Items to skip.
    #[serde(default, deserialize_with = "opt")]
    pub offset: Option<usize>,
    /// Items to return (1–1000).
    #[serde(default, deserialize_with = "opt")]
    pub limit: Option<usize>,
}

impl Paging {
    fn resolve(&self) -> ApiResult<(usize, usize)> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(ApiError::bad_request(
                "bad_query",
                format!("limit must be between 1 and {MAX_LIMIT}"),
            ));
        }
        Ok((self.offset.unwrap_or(0), limit))
    }

    /// A page from query parameters.
    pub fn new(offset: Option<usize>, limit: Option<usize>) -> Paging {
        Paging { offset, limit }
    }

    /// Everything (for downloads).
    pub fn all() -> Paging {
        Paging {
            offset: Some(0),
            limit: Some(usize::MAX),
        }
    }
}

/// One page of a list, in a stable order.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Items in the whole list.
    pub total: usize,
    /// Items skipped.
    pub offset: usize,
    /// Page size asked for.
    pub limit: usize,
}

fn page<T>(all: Vec<T>, paging: &Paging) -> ApiResult<Page<T>> {
    let (offset, limit) = if paging.limit == Some(usize::MAX) {
        (0, usize::MAX)
    } else {
        paging.resolve()?
    };
    let total = all.len();
    let items = all.into_iter().skip(offset).take(limit).collect();
    Ok(Page {
        items,
        total,
        offset,
        limit: if limit == usize::MAX { total } else { limit },
    })
}

/// Chinese name of a document type.
pub fn doc_type_zh(t: &str) -> &'static str {
    DocType::parse(t).unwrap_or(DocType::Other).label_zh()
}

/// A stored document, flat.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DocumentView {
    /// Key: SHA-256 of the text.
    pub id: String,
    /// File name.
    pub name: String,
    /// Revision under this name.
    pub revision: i64,
    /// Title.
    pub title: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// Type (`five_year_plan`, `work_report`, …).
    pub doc_type: String,
    /// Type in Chinese.
    pub doc_type_zh: String,
    /// First year of the plan period.
    pub period_start: Option<i32>,
    /// Last year of the plan period.
    pub period_end: Option<i32>,
    /// Year issued.
    #[serde(default, deserialize_with = "opt")]
    pub year: Option<i32>,
    /// Issuing body.
    pub issuer: Option<String>,
    /// Document number.
    pub number: Option<String>,
    /// Detected format.
    pub format: Option<String>,
    /// Facts stored.
    pub fact_count: i64,
    /// Unix seconds when stored.
    pub ingested_at: i64,
}

impl From<&StoredDocument> for DocumentView {
    fn from(d: &StoredDocument) -> DocumentView {
        let t = d.info.doc_type.as_str();
        DocumentView {
            id: d.id.clone(),
            name: d.name.clone(),
            revision: d.revision,
            title: d.info.title.clone(),
            region: d.info.region.clone(),
            doc_type: t.to_string(),
            doc_type_zh: doc_type_zh(t).to_string(),
            period_start: d.info.period_start,
            period_end: d.info.period_end,
            year: d.info.year,
            issuer: d.info.issuer.clone(),
            number: d.info.number.clone(),
            format: d.format.clone(),
            fact_count: d.fact_count,
            ingested_at: d.ingested_at,
        }
    }
}

/// Filters of the document list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocQuery {
    /// Region (锦州 matches 锦州市).
    pub region: Option<String>,
    /// Document type (`five_year_plan`, `work_report`, …).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub doc_type: Option<String>,
    /// Items to skip.
    #[serde(default, deserialize_with = "opt")]
    pub offset: Option<usize>,
    /// Items to return (1–1000).
    #[serde(default, deserialize_with = "opt")]
    pub limit: Option<usize>,
}

/// Current documents in ingestion order.
pub fn documents(snap: &Snapshot, q: &DocQuery, paging: &Paging) -> ApiResult<Page<DocumentView>> {
    let all: Vec<DocumentView> = snap
        .docs
        .iter()
        .filter(|d| {
            q.region
                .as_deref()
                .is_none_or(|r| region_matches(d.info.region.as_deref(), r))
        })
        .filter(|d| {
            q.doc_type
                .as_deref()
                .is_none_or(|t| d.info.doc_type.as_str() == t)
        })
        .map(DocumentView::from)
        .collect();
    page(all, paging)
}

/// One document's metadata.
pub fn document(snap: &Snapshot, id: &str) -> ApiResult<DocumentView> {
    snap.doc(id)
        .map(DocumentView::from)
        .ok_or_else(|| not_found("document", id))
}

fn not_found(what: &'static str, id: &str) -> ApiError {
    ApiError::NotFound {
        what,
        id: id.chars().take(200).collect(),
    }
}

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

/// Facts of current documents matching `q`, by document then position.
pub fn facts(snap: &Snapshot, q: &FactQuery, paging: &Paging) -> ApiResult<Page<FactView>> {
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
    let all: Vec<FactView> = rows
        .filter(|r| {
            key.as_ref()
                .is_none_or(|(written, k)| r.key == *k || r.src.fact.indicator == *written)
        })
        .filter(|r| region.is_none_or(|want| region_matches(r.src.region(), want)))
        .filter(|r| q.year.is_none_or(|y| r.src.fact.year == Some(y)))
        .filter(|r| kind.is_none_or(|k| r.src.fact.kind == k))
        .map(FactView::from)
        .collect();
    page(all, paging)
}

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

/// Region filter of series, assessments and findings.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegionQuery {
    /// Region (锦州 matches 锦州市).
    pub region: Option<String>,
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

/// A search request.
#[derive(Debug, Clone, Default, Deserialize, IntoParams, ToSchema)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Words to find (an indicator name also finds its synonyms).
    #[serde(default)]
    pub q: String,
    /// Region (锦州 matches 锦州市).
    pub region: Option<String>,
    /// Document type.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    #[schema(rename = "type")]
    pub doc_type: Option<String>,
    /// Year: the document's year, or a year of its plan period.
    #[serde(default, deserialize_with = "opt")]
    pub year: Option<i32>,
    /// Hits to return (1–100, default 20).
    #[serde(default, deserialize_with = "opt")]
    pub limit: Option<usize>,
}

/// A piece of a snippet, matched or not.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Piece {
    /// Text.
    pub text: String,
    /// Whether it matched the query.
    pub hit: bool,
}

/// One ranked passage or fact.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct HitView {
    /// BM25 score.
    pub score: f32,
    /// Document key.
    pub doc_id: String,
    /// Document file name.
    pub doc: String,
    /// Document title.
    pub title: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// Document type.
    pub doc_type: String,
    /// Heading above the passage.
    pub section: Option<String>,
    /// `text` (a passage) or `fact`.
    pub kind: String,
    /// Line in the document (passages).
    pub line: Option<u64>,
    /// The snippet.
    pub snippet: String,
    /// The snippet cut into matched and unmatched pieces.
    pub pieces: Vec<Piece>,
    /// The passage on its document page.
    pub link: String,
}

/// Search results.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SearchResults {
    /// The query.
    pub q: String,
    /// The query with indicator names replaced by their synonyms.
    pub alternatives: Vec<String>,
    /// Ranked hits.
    pub hits: Vec<HitView>,
}

/// The query and its variants with catalogue synonyms in place of indicator names.
fn alternatives(snap: &Snapshot, query: &str) -> Vec<String> {
    let mut out = vec![query.to_string()];
    let words: Vec<&str> = query.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        let Some(m) = snap.catalog().resolve(w) else {
            continue;
        };
        if matches!(m.how, planwatch_catalog::MatchKind::Fuzzy(_)) {
            continue;
        }
        for name in std::iter::once(&m.indicator.name).chain(&m.indicator.synonyms) {
            let mut v = words.clone();
            v[i] = name;
            let s = v.join(" ");
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    out
}

fn pieces(snippet: &str, ranges: &[std::ops::Range<usize>]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start < at || r.end > snippet.len() {
            continue;
        }
        let (Some(before), Some(hit)) = (snippet.get(at..r.start), snippet.get(r.clone())) else {
            continue;
        };
        if !before.is_empty() {
            out.push(Piece {
                text: before.to_string(),
                hit: false,
            });
        }
        out.push(Piece {
            text: hit.to_string(),
            hit: true,
        });
        at = r.end;
    }
    if let Some(rest) = snippet.get(at..).filter(|r| !r.is_empty()) {
        out.push(Piece {
            text: rest.to_string(),
            hit: false,
        });
    }
    out
}

/// Full-text search with synonyms, filtered by region, type and year.
pub fn search(
    snap: &Snapshot,
    index: Option<&SearchIndex>,
    q: &SearchQuery,
) -> ApiResult<SearchResults> {
    let limit = q.limit.unwrap_or(20);
    if limit == 0 || limit > 100 {
        return Err(ApiError::bad_request(
            "bad_query",
            "limit must be between 1 and 100",
        ));
    }
    let query = q.q.trim();
    if query.chars().count() > 200 {
        return Err(ApiError::bad_request(
            "bad_query",
            "query longer than 200 characters",
        ));
    }
    let alts = if query.is_empty() {
        Vec::new()
    } else {
        alternatives(snap, query)
    };
    let Some(index) = index.filter(|_| !alts.is_empty()) else {
        return Ok(SearchResults {
            q: query.to_string(),
            alternatives: alts.into_iter().skip(1).collect(),
            hits: Vec::new(),
        });
    };
    let filter = SearchFilter {
        region: q.region.clone().filter(|r| !r.is_empty()),
        doc_type: q.doc_type.clone().filter(|t| !t.is_empty()),
    };
    let fetch = if q.year.is_some() { limit * 10 } else { limit };
    // tantivy's snippet generator can panic on overlapping jieba tokens (an
    // overflow in debug builds); a panicking search is retried smaller, then refused.
    let run = |n: usize| {
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            index.search(&alts, &filter, n)
        }))
    };
    let hits = match run(fetch) {
        Ok(r) => r?,
        Err(_) => {
            tracing::warn!(query = %query, "search panicked; retrying with fewer hits");
            match run(limit) {
                Ok(r) => r?,
                Err(_) => return Err(ApiError::Internal("search index panicked".into())),
            }
        }
    };
    let hits: Vec<HitView> = hits
        .into_iter()
        .filter(|h| {
            q.year.is_none_or(|y| {
                snap.doc(&h.doc_id).is_some_and(|d| {
                    d.info.year == Some(y)
                        || matches!((d.info.period_start, d.info.period_end), (Some(s), Some(e)) if s <= y && y <= e)
                })
            })
        })
        .take(limit)
        .map(|h| {
            let link = match h.line {
                Some(l) => format!("/documents/{}#L{l}", h.doc_id),
                None => format!("/documents/{}", h.doc_id),
            };
            HitView {
                pieces: pieces(&h.snippet, &h.highlights),
                score: h.score,
                doc_id: h.doc_id,
                doc: h.doc,
                title: h.title,
                region: h.region,
                doc_type: h.doc_type,
                section: h.section,
                kind: h.kind,
                line: h.line,
                snippet: h.snippet,
                link,
            }
        })
        .collect();
    Ok(SearchResults {
        q: query.to_string(),
        alternatives: alts.into_iter().skip(1).collect(),
        hits,
    })
}

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

/// An outline heading of a document.
#[derive(Debug, Clone, Serialize)]
pub struct OutlineItem {
    /// Anchor id.
    pub id: String,
    /// Depth (1 = 第X章).
    pub level: u8,
    /// Heading text.
    pub title: String,
}

/// The 文档 page.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentPage {
    /// Metadata.
    pub doc: DocumentView,
    /// Outline.
    pub outline: Vec<OutlineItem>,
    /// The text as HTML, each fact highlighted (escaped here).
    pub html: String,
    /// Facts in document order.
    pub facts: Vec<FactView>,
}

/// The document page of `id`, from its stored text.
pub fn document_page(snap: &Snapshot, id: &str, text: &str) -> ApiResult<DocumentPage> {
    let doc = snap.doc(id).ok_or_else(|| not_found("document", id))?;
    let rows = snap.doc_facts(&doc.id);
    let (html, outline) = crate::highlight::render(text, &rows);
    Ok(DocumentPage {
        doc: DocumentView::from(doc),
        outline,
        html,
        facts: rows.into_iter().map(FactView::from).collect(),
    })
}

/// Whether a document type string names a known type.
pub fn known_doc_type(t: &str) -> bool {
    planwatch_store::doc_type_from_str(t).is_some_and(|d| d != DocType::Other) || t == "other"
}
