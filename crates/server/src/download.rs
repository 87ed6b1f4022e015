//! Downloads of every table as CSV (UTF-8 with BOM, so that Excel reads Chinese)
//! or XLSX: `/download/{table}.{csv|xlsx}` with the same filters as the API list.

use std::borrow::Cow;

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Deserialize;

use crate::api::Query;
use crate::error::{ApiError, ApiResult};
use crate::state::AppState;
use crate::views::{self, Paging};

/// One cell.
#[derive(Debug, Clone)]
pub enum Cell {
    /// Text.
    Text(String),
    /// Number.
    Num(f64),
    /// Nothing.
    Empty,
}

impl Cell {
    /// The cell as a CSV field, text made safe by [`csv_text`].
    fn csv_field(&self) -> String {
        match self {
            Cell::Text(s) => csv_text(s).into_owned(),
            Cell::Num(v) => format!("{v}"),
            Cell::Empty => String::new(),
        }
    }
}

/// A text cell as a CSV field. Spreadsheets run a cell starting with `=`, `+`,
/// `-` or `@` as a formula (and may drop a leading tab or carriage return), so
/// such text taken from documents or imports gets a leading `'`; text that is a
/// plain number (`-1.5`) is read as that number and stays as it is. Every CSV
/// writer (these downloads, the CLI's `--format csv`) goes through here.
pub fn csv_text(s: &str) -> Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !s.parse::<f64>().is_ok_and(f64::is_finite) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn t(s: impl Into<String>) -> Cell {
    Cell::Text(s.into())
}

fn ot(s: Option<impl Into<String>>) -> Cell {
    s.map_or(Cell::Empty, |s| Cell::Text(s.into()))
}

fn n(v: Option<f64>) -> Cell {
    v.filter(|x| x.is_finite()).map_or(Cell::Empty, Cell::Num)
}

fn i(v: Option<i32>) -> Cell {
    v.map_or(Cell::Empty, |x| Cell::Num(f64::from(x)))
}

/// A header and rows.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Column names.
    pub header: Vec<&'static str>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// CSV bytes with a UTF-8 byte-order mark.
    pub fn csv(&self) -> ApiResult<Vec<u8>> {
        let mut out = "\u{feff}".as_bytes().to_vec();
        {
            let mut w = csv::Writer::from_writer(&mut out);
            let err = |e: csv::Error| ApiError::Internal(format!("csv: {e}"));
            w.write_record(&self.header).map_err(err)?;
            for r in &self.rows {
                w.write_record(r.iter().map(Cell::csv_field)).map_err(err)?;
            }
            w.flush()
                .map_err(|e| ApiError::Internal(format!("csv: {e}")))?;
        }
        Ok(out)
    }

    /// An Excel workbook with one sheet.
    pub fn xlsx(&self, sheet: &str) -> ApiResult<Vec<u8>> {
        let err = |e: rust_xlsxwriter::XlsxError| ApiError::Internal(format!("xlsx: {e}"));
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name(sheet).map_err(err)?;
        let bold = rust_xlsxwriter::Format::new().set_bold();
        for (c, h) in self.header.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| ApiError::Internal("too many columns".into()))?;
            ws.write_string_with_format(0, c, *h, &bold).map_err(err)?;
        }
        for (r, row) in self.rows.iter().enumerate() {
            let r = u32::try_from(r + 1)
                .ok()
                .filter(|r| *r < 1_048_576)
                .ok_or_else(|| {
                    ApiError::bad_request(
                        "too_many_rows",
                        "too many rows for one sheet; download CSV",
                    )
                })?;
            for (c, cell) in row.iter().enumerate() {
                let c =
                    u16::try_from(c).map_err(|_| ApiError::Internal("too many columns".into()))?;
                match cell {
                    Cell::Text(s) => {
                        ws.write_string(r, c, s).map_err(err)?;
                    }
                    Cell::Num(v) => {
                        ws.write_number(r, c, *v).map_err(err)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        wb.save_to_buffer().map_err(err)
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
pub fn routes() -> Router<AppState> {
    Router::new().route("/download/{file}", get(download))
}

/// Builds the table `name` from the snapshot with the filters of `q`.
pub fn table(snap: &crate::snapshot::Snapshot, name: &str, q: &DownloadQuery) -> ApiResult<Table> {
    let all = Paging::all();
    Ok(match name {
        "documents" => {
            let page = views::documents(
                snap,
                &views::DocQuery {
                    region: q.region.clone(),
                    doc_type: q.doc_type.clone(),
                    ..Default::default()
                },
                &all,
            )?;
            Table {
                header: vec![
                    "id",
                    "name",
                    "revision",
                    "title",
                    "doc_type",
                    "region",
                    "period_start",
                    "period_end",
                    "year",
                    "issuer",
                    "number",
                    "facts",
                ],
                rows: page
                    .items
                    .into_iter()
                    .map(|d| {
                        vec![
                            t(d.id),
                            t(d.name),
                            Cell::Num(d.revision as f64),
                            ot(d.title),
                            t(d.doc_type),
                            ot(d.region),
                            i(d.period_start),
                            i(d.period_end),
                            i(d.year),
                            ot(d.issuer),
                            ot(d.number),
                            Cell::Num(d.fact_count as f64),
                        ]
                    })
                    .collect(),
            }
        }
        "facts" => {
            let page = views::facts(
                snap,
                &views::FactQuery {
                    doc: q.doc.clone(),
                    indicator: q.indicator.clone(),
                    region: q.region.clone(),
                    year: q.year,
                    kind: q.kind.clone(),
                    ..Default::default()
                },
                &all,
            )?;
            Table {
                header: vec![
                    "doc",
                    "ord",
                    "kind",
                    "indicator",
                    "canonical",
                    "region",
                    "year",
                    "value",
                    "value_max",
                    "unit",
                    "measure",
                    "comparator",
                    "attribute",
                    "text",
                    "quote",
                    "section",
                    "document_id",
                ],
                rows: page
                    .items
                    .into_iter()
                    .map(|f| {
                        vec![
                            t(f.doc),
                            Cell::Num(f.ord as f64),
                            t(f.kind),
                            t(f.indicator),
                            t(f.canonical),
                            ot(f.region),
                            i(f.year),
                            n(f.value),
                            n(f.value_max),
                            ot(f.unit),
                            t(f.measure),
                            t(f.comparator),
                            ot(f.attribute),
                            ot(f.text),
                            t(f.quote),
                            ot(f.section),
                            t(f.document_id),
                        ]
                    })
                    .collect(),
            }
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
                header: vec![
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
                ],
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
            Table {
                header: vec![
                    "indicator",
                    "year",
                    "kind",
                    "measure",
                    "comparator",
                    "value",
                    "value_max",
                    "unit",
                    "written_value",
                    "written_unit",
                    "attribute",
                    "region",
                    "as_written",
                    "doc",
                    "quote",
                ],
                rows: s
                    .points
                    .into_iter()
                    .map(|p| {
                        vec![
                            t(s.indicator.clone()),
                            i(p.year),
                            t(p.kind),
                            t(p.measure),
                            t(p.comparator),
                            n(p.value),
                            n(p.value_max),
                            ot(p.unit),
                            n(p.written_value),
                            ot(p.written_unit),
                            ot(p.attribute),
                            ot(p.region),
                            t(p.as_written),
                            t(p.doc),
                            t(p.quote),
                        ]
                    })
                    .collect(),
            }
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
            Table {
                header: vec![
                    "indicator",
                    "domain",
                    "region",
                    "year",
                    "measure",
                    "comparator",
                    "value",
                    "value_max",
                    "unit",
                    "attribute",
                    "status",
                    "trend",
                    "colour",
                    "progress",
                    "elapsed",
                    "explanation",
                    "doc",
                    "quote",
                ],
                rows: page
                    .items
                    .into_iter()
                    .map(|a| {
                        let x = &a.assessment;
                        vec![
                            t(a.indicator.clone()),
                            t(a.domain.clone()),
                            ot(a.region.clone()),
                            i(a.year),
                            t(a.measure.clone()),
                            t(a.comparator.clone()),
                            n(a.value),
                            n(a.value_max),
                            ot(a.unit.clone()),
                            ot(a.attribute.clone()),
                            t(x.status.as_str()),
                            ot(x.trend_status.map(|s| s.as_str())),
                            t(x.colour.as_str()),
                            n(x.progress),
                            n(x.elapsed),
                            t(x.explanation.clone()),
                            t(a.doc.clone()),
                            t(a.quote.clone()),
                        ]
                    })
                    .collect(),
            }
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
                header: vec![
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
                ],
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
                    "csv" => (table.csv()?, "text/csv; charset=utf-8"),
                    "xlsx" => (
                        table.xlsx(&name)?,
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
    fn csv_text_cells_cannot_be_formulas() {
        for (cell, field) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-1.5", "-1.5"),
            ("+3", "+3"),
            ("地区生产总值", "地区生产总值"),
            ("a=b", "a=b"),
            ("", ""),
        ] {
            assert_eq!(csv_text(cell), field, "{cell:?}");
        }
    }

    #[test]
    fn csv_download_prefixes_text_not_numbers() {
        let table = Table {
            header: vec!["unit", "value", "quote"],
            rows: vec![vec![t("=1+1"), Cell::Num(-1.5), t("@cmd")]],
        };
        let csv = String::from_utf8(table.csv().expect("csv")).expect("utf8");
        assert_eq!(csv, "\u{feff}unit,value,quote\n'=1+1,-1.5,'@cmd\n");
    }
}
