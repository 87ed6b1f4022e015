//! What the API returns and the pages show, computed from a [`Snapshot`]: one
//! function per list or page, so that handlers stay one call long.
//!
//! One module per resource; this one holds what they share (paging, the
//! query-string number reader, the region filter) and re-exports every view,
//! so callers name them `views::documents`, `views::FactView`, …:
//!
//! - [`documents`](mod@documents): the document list, one document's metadata, its page
//!   with the text highlighted (文档);
//! - [`facts`](mod@facts): stored facts by document, indicator, region, year and kind;
//! - [`indicators`](mod@indicators): the indicator list and one indicator's page (指标)
//!   with its chart;
//! - [`series`](mod@series): one indicator's points by year, with sources;
//! - [`assessments`](mod@assessments): targets assessed against actuals (评估);
//! - [`findings`](mod@findings): plan-consistency findings (核查);
//! - [`search`](mod@search): full-text search with catalogue synonyms (检索);
//! - [`dashboard`](mod@dashboard): the 总览 page of a region and plan.
//!
//! [`Snapshot`]: crate::snapshot::Snapshot

pub mod assessments;
pub mod dashboard;
pub mod documents;
pub mod facts;
pub mod findings;
pub mod indicators;
pub mod search;
pub mod series;

use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ApiResult};

pub use assessments::{assessments, AssessQuery};
pub use dashboard::{dashboard, DashQuery, Dashboard, DomainRow, PlanOption, StatusCount};
pub use documents::{
    doc_type_zh, document, document_page, document_rows, documents, known_doc_type, DocQuery,
    DocumentPage, DocumentView, OutlineItem,
};
pub use facts::{fact_rows, facts, FactQuery, FactView};
pub use findings::{findings, EvidenceView, FindingQuery, FindingView};
pub use indicators::{indicator_page, indicators, IndicatorPage, IndicatorQuery, PAGE_POINTS};
pub use search::{search, HitView, Piece, SearchQuery, SearchResults};
pub use series::{series, PointView, SeriesView};

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

/// One page of `all` as `paging` asks.
pub fn page<T>(all: Vec<T>, paging: &Paging) -> ApiResult<Page<T>> {
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

fn not_found(what: &'static str, id: &str) -> ApiError {
    ApiError::NotFound {
        what,
        id: id.chars().take(200).collect(),
    }
}

/// Region filter of series, assessments and findings.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct RegionQuery {
    /// Region (锦州 matches 锦州市).
    pub region: Option<String>,
}
