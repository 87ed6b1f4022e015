//! Search: full-text hits over documents and facts (the search index), the
//! query widened with catalogue synonyms, filtered by region, type and year,
//! each snippet cut into matched and unmatched pieces.

use planwatch_store::{SearchFilter, SearchIndex};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::opt;
use crate::error::{ApiError, ApiResult};
use crate::snapshot::Snapshot;

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
        planwatch_store::search::alternatives(snap.catalog(), query)
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
