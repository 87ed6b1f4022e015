//! Documents: the list (filtered by region and type), one document's
//! metadata, and its 文档 page (the stored text with every fact highlighted
//! and an outline of its headings).

use planwatch_catalog::region_matches;
use planwatch_core::DocType;
use planwatch_store::StoredDocument;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::facts::FactView;
use super::{not_found, opt, page, Page, Paging};
use crate::error::ApiResult;
use crate::snapshot::Snapshot;

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

/// Current documents matching `q`, in ingestion order (the rows of the list
/// and of the documents download).
pub fn document_rows<'s>(snap: &'s Snapshot, q: &DocQuery) -> Vec<&'s StoredDocument> {
    snap.docs
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
        .collect()
}

/// Current documents in ingestion order.
pub fn documents(snap: &Snapshot, q: &DocQuery, paging: &Paging) -> ApiResult<Page<DocumentView>> {
    let all: Vec<DocumentView> = document_rows(snap, q)
        .into_iter()
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
