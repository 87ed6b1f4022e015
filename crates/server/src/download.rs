//! Downloads of every table as CSV (UTF-8 with BOM, so that Excel reads Chinese)
//! or XLSX: `/download/{table}.{csv|xlsx}` with the same filters as the API list.
//!
//! The documents, facts, series and assessments tables are
//! `planwatch_store::export`'s, the ones `planwatch docs`, `facts`, `series`,
//! `export` and `evaluate` write: the same columns and cells from the command
//! line and from here; this module only picks their rows from the snapshot.
//! Indicators and findings are tables of the web app alone. Every table is written by `export::Table`'s writers.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;

use planwatch_store::export::{
    self, AssessmentLine, Cell, ExportError, FactLine, PointLine, Table, UsedLine,
};

use crate::api::Query;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::views::{self, Paging};

fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn ot(s: Option<impl Into<String>>) -> Cell {
    Cell::opt(s)
}

fn n(v: Option<f64>) -> Cell {
    Cell::num(v)
}

fn i(v: Option<i32>) -> Cell {
    Cell::int(v.map(i64::from))
}

fn columns(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| s.to_string()).collect()
}

/// Why a table could not be written, as the answer to the request.
fn export_error(e: ExportError) -> ApiError {
    match e {
        ExportError::TooManyRows { .. } => {
            ApiError::bad_request("too_many_rows", "too many rows for one sheet; download CSV")
        }
        other => ApiError::Internal(other.to_string()),
    }
}

/// Every filter any table takes.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DownloadQuery {
    region: Option<String>,
    #[serde(rename = "type")]
    doc_type: Option<String>,
    doc: Option<String>,
    indicator: Option<String>,
    #[serde(default, deserialize_with = "views::opt")]
    year: Option<i32>,
    kind: Option<String>,
    plan: Option<String>,
    status: Option<String>,
    colour: Option<String>,
    domain: Option<String>,
    #[serde(default, deserialize_with = "views::opt")]
    catalogued: Option<bool>,
}

/// Routes under `/download/`.
pub fn routes() -> crate::routes::Routes {
    crate::routes::Routes::new().route("/download/{file}", get(download))
}

/// Builds the table `name` from the snapshot with the filters of `q`.
pub fn table(snap: &crate::snapshot::Snapshot, name: &str, q: &DownloadQuery) -> ApiResult<Table> {
    let all = Paging::all();
    Ok(match name {
        "documents" => {
            let q = views::DocQuery {
                region: q.region.clone(),
                doc_type: q.doc_type.clone(),
                ..Default::default()
            };
            export::documents(views::document_rows(snap, &q))
        }
        "facts" => {
            let q = views::FactQuery {
                doc: q.doc.clone(),
                indicator: q.indicator.clone(),
                region: q.region.clone(),
                year: q.year,
                kind: q.kind.clone(),
                ..Default::default()
            };
            export::facts(views::fact_rows(snap, &q)?.into_iter().map(|r| FactLine {
                doc: &r.src.doc.name,
                document_id: &r.document_id,
                ord: r.ord,
                fact: &r.src.fact,
                canonical: &r.key,
                region: r.src.region(),
            }))
        }
        "indicators" => {
            let page = views::indicators(
                snap,
                &views::IndicatorQuery {
                    domain: q.domain.clone(),
                    region: q.region.clone(),
                    catalogued: q.catalogued,
                    ..Default::default()
                },
                &all,
            )?;
            Table {
                header: columns(&[
                    "indicator",
                    "in_catalogue",
                    "domain",
                    "unit",
                    "facts",
                    "targets",
                    "actuals",
                    "first_year",
                    "last_year",
                    "regions",
                ]),
                rows: page
                    .items
                    .into_iter()
                    .map(|x| {
                        vec![
                            t(x.name),
                            t(if x.in_catalogue { "yes" } else { "no" }),
                            ot(x.domain),
                            ot(x.unit),
                            Cell::Num(x.facts as f64),
                            Cell::Num(x.targets as f64),
                            Cell::Num(x.actuals as f64),
                            i(x.first_year),
                            i(x.last_year),
                            t(x.regions.join("、")),
                        ]
                    })
                    .collect(),
            }
        }
        "series" => {
            let name = q
                .indicator
                .as_deref()
                .filter(|s| !s.is_empty())
                .ok_or_else(|| ApiError::bad_request("bad_query", "series needs ?indicator="))?;
            let s = views::series(snap, name, q.region.as_deref())?;
            export::series(s.points.iter().map(|p| PointLine {
                indicator: &s.indicator,
                year: p.year,
                kind: &p.kind,
                measure: &p.measure,
                comparator: &p.comparator,
                value: p.value,
                value_max: p.value_max,
                unit: p.unit.as_deref(),
                written_value: p.written_value,
                written_unit: p.written_unit.as_deref(),
                text: p.text.as_deref(),
                region: p.region.as_deref(),
                as_written: &p.as_written,
                doc: &p.doc,
                doc_title: p.doc_title.as_deref(),
                quote: &p.quote,
            }))
        }
        "assessments" => {
            let page = views::assessments(
                snap,
                &views::AssessQuery {
                    region: q.region.clone(),
                    plan: q.plan.clone(),
                    status: q.status.clone(),
                    colour: q.colour.clone(),
                    indicator: q.indicator.clone(),
                    domain: q.domain.clone(),
                    ..Default::default()
                },
                &all,
            )?;
            let mut lines = Vec::with_capacity(page.items.len());
            for a in &page.items {
                let id = planwatch_catalog::FactId::new(a.doc_id.as_str(), a.ord);
                let row = snap.fact_by_id(&id).ok_or_else(|| {
                    ApiError::Internal(format!("target {} not in the snapshot", a.id))
                })?;
                let x = &a.assessment;
                lines.push(AssessmentLine {
                    doc: &a.doc,
                    indicator: &a.indicator,
                    domain: Some(&a.domain),
                    region: a.region.as_deref(),
                    target: &row.src.fact,
                    target_words: &a.target_words,
                    base_words: &a.base_words,
                    latest_words: &a.latest_words,
                    status: x.status.as_str(),
                    trend: x.trend_status.map(|s| s.as_str()),
                    colour: x.colour.as_str(),
                    progress: x.progress,
                    elapsed: x.elapsed,
                    required_rate: x.required_rate,
                    method: x.method.as_str(),
                    explanation: &x.explanation,
                    used: a
                        .sources
                        .iter()
                        .map(|u| UsedLine {
                            role: &u.role,
                            doc: &u.doc,
                            year: u.year,
                            quote: &u.quote,
                        })
                        .collect(),
                });
            }
            export::assessments(lines)
        }
        "findings" => {
            let page = views::findings(
                snap,
                &views::FindingQuery {
                    region: q.region.clone(),
                    kind: q.kind.clone(),
                    ..Default::default()
                },
                &all,
            )?;
            let mut rows = Vec::new();
            for (k, f) in page.items.into_iter().enumerate() {
                for e in f.evidence {
                    rows.push(vec![
                        Cell::Num((k + 1) as f64),
                        t(f.kind.clone()),
                        t(f.indicator.clone()),
                        t(f.region.clone()),
                        i(f.year),
                        t(f.message.clone()),
                        t(e.doc),
                        t(e.kind),
                        t(e.measure),
                        i(e.year),
                        n(e.value),
                        ot(e.unit),
                        t(e.quote),
                    ]);
                }
            }
            Table {
                header: columns(&[
                    "finding",
                    "kind",
                    "indicator",
                    "region",
                    "year",
                    "message",
                    "doc",
                    "fact_kind",
                    "measure",
                    "fact_year",
                    "value",
                    "unit",
                    "quote",
                ]),
                rows,
            }
        }
        other => {
            return Err(ApiError::NotFound {
                what: "table",
                id: other.chars().take(100).collect(),
            })
        }
    })
}

async fn download(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(q): Query<DownloadQuery>,
) -> ApiResult<Response> {
    let (name, ext) = file.rsplit_once('.').ok_or(ApiError::NotFound {
        what: "download",
        id: file.chars().take(100).collect(),
    })?;
    // Whole tables are built and written off the async workers.
    let snap = state.snapshot().await?;
    let (name, ext) = (name.to_string(), ext.to_string());
    let (bytes, content_type) = {
        let (name, ext) = (name.clone(), ext.clone());
        state
            .blocking(move |_| {
                let table = table(&snap, &name, &q)?;
                Ok(match ext.as_str() {
                    "csv" => (
                        table.csv(true).map_err(export_error)?,
                        "text/csv; charset=utf-8",
                    ),
                    "xlsx" => (
                        table.xlsx(&name).map_err(export_error)?,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    ),
                    _ => {
                        return Err(ApiError::NotFound {
                            what: "download format (csv or xlsx)",
                            id: ext.chars().take(20).collect(),
                        })
                    }
                })
            })
            .await?
    };
    let disposition = format!("attachment; filename=\"planwatch-{name}.{ext}\"");
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_download_has_a_bom_and_prefixes_text_not_numbers() {
        let mut table = Table::new(&["unit", "value", "quote"]);
        table.push(vec![t("=1+1"), Cell::Num(-1.5), t("@cmd")]);
        let csv = String::from_utf8(table.csv(true).expect("csv")).expect("utf8");
        assert_eq!(csv, "\u{feff}unit,value,quote\n'=1+1,-1.5,'@cmd\n");
    }

    #[test]
    fn too_many_rows_is_the_clients_problem() {
        let e = export_error(ExportError::TooManyRows { rows: 2, max: 1 });
        assert_eq!(e.status(), axum::http::StatusCode::BAD_REQUEST);
    }
}
