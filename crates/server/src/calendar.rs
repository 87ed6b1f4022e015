//! A plan's reporting calendar (issue 10), over [`planwatch_store::calendar`]:
//!
//! - API: `GET /api/v1/documents/{id}/calendar` (any logged-in user:
//!   [`crate::auth::MEMBER_READS`]) and `PUT` to it (admins): the kinds of
//!   period the plan is reported in (monthly, quarterly, yearly) and, for
//!   each, how many months after the period and on which day its value is due.
//! - Page: the document page shows a member the calendar, an admin the form
//!   that sets it (`POST /documents/{id}/calendar`, with the CSRF token).
//!
//! The due list (`/api/v1/reporting/targets`, `/fill`) and the overdue list
//! (`/api/v1/overdue`, reminders) read their periods and due dates from it;
//! both take `as_of` (`YYYY-MM-DD`: as at the end of that day, Beijing time)
//! to be asked about another day than today. Every change is audited by the store.

use std::collections::HashMap;

use axum::extract::{Path, Request, State};
use axum::response::Redirect;
use axum::routing::{get, post};
use axum::Json;
use planwatch_store::calendar::end_of_day;
use planwatch_store::{Calendar, Deadline, DuePeriod, Frequency, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::ApiJson;
use crate::auth::Viewer;
use crate::csrf::CsrfGate;
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::pages::PageError;
use crate::state::AppState;

/// The routes of reporting calendars.
pub fn routes() -> crate::routes::Routes {
    crate::routes::Routes::new()
        .route(
            "/api/v1/documents/{id}/calendar",
            get(get_calendar).put(put_calendar),
        )
        .route("/documents/{id}/calendar", post(calendar_form))
}

/// A period of a target and when its value is due.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DuePeriodView {
    /// The period in Chinese (`2024年第2季度`).
    pub period: String,
    /// `monthly`, `quarterly` or `yearly`.
    pub frequency: String,
    /// Its year.
    pub year: i32,
    /// Its quarter (quarterly periods).
    pub quarter: Option<i64>,
    /// Its month (monthly periods).
    pub month: Option<i64>,
    /// The due day in Chinese (`2025年3月31日`).
    pub due_date: String,
    /// When the value is due (Unix seconds: the end of the due day, Beijing time).
    pub due_at: i64,
}

impl From<&DuePeriod> for DuePeriodView {
    fn from(p: &DuePeriod) -> DuePeriodView {
        DuePeriodView {
            period: p.label_zh(),
            frequency: p.frequency.as_str().to_string(),
            year: p.period.year,
            quarter: p.period.quarter,
            month: p.period.month,
            due_date: p.due_date.clone(),
            due_at: p.due,
        }
    }
}

/// One kind of period a plan is reported in and its deadline.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct DeadlineBody {
    /// `monthly`, `quarterly` or `yearly` (月度, 季度, 年度).
    pub frequency: String,
    /// Months after the period's last month (0–12): 3 for 31 March of the next year.
    pub due_months: u32,
    /// Day of that month (1–31; past the month's end: its last day).
    pub due_day: u32,
}

/// A plan's calendar to set: at least one kind of period, each once.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct CalendarBody {
    /// The periods and their deadlines.
    pub deadlines: Vec<DeadlineBody>,
}

/// A deadline as shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DeadlineView {
    /// `monthly`, `quarterly` or `yearly`.
    pub frequency: String,
    /// The frequency in Chinese.
    pub frequency_zh: String,
    /// Months after the period's last month.
    pub due_months: u32,
    /// Day of that month.
    pub due_day: u32,
    /// The rule in Chinese (`季度结束后次月15日前`).
    pub rule: String,
}

/// A plan's reporting calendar.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CalendarView {
    /// The plan's document key.
    pub document_id: String,
    /// Its periods and their deadlines, monthly first.
    pub deadlines: Vec<DeadlineView>,
    /// Whether none was set (yearly, due 31 March of the next year).
    pub default: bool,
    /// Who set it.
    pub set_by: Option<String>,
    /// When (Unix seconds).
    pub set_at: Option<i64>,
}

impl From<&Calendar> for CalendarView {
    fn from(c: &Calendar) -> CalendarView {
        CalendarView {
            document_id: c.document_id.clone(),
            deadlines: c
                .deadlines
                .iter()
                .map(|d| DeadlineView {
                    frequency: d.frequency.as_str().to_string(),
                    frequency_zh: d.frequency.label_zh().to_string(),
                    due_months: d.due_months,
                    due_day: d.due_day,
                    rule: d.label_zh(),
                })
                .collect(),
            default: c.set_at.is_none(),
            set_by: c.set_by.clone(),
            set_at: c.set_at,
        }
    }
}

/// The answer a store error gets.
fn store_error(e: StoreError) -> ApiError {
    match e {
        StoreError::NoSuchDocument(id) => ApiError::NotFound {
            what: "document",
            id,
        },
        StoreError::Calendar(m) => ApiError::bad_request("bad_calendar", m),
        StoreError::Forbidden(message) => ApiError::Forbidden {
            code: "forbidden",
            message,
        },
        other => ApiError::Store(other),
    }
}

/// The instant a request asks about: `as_of` (`YYYY-MM-DD`, as at the end
/// of that day in Beijing), or now.
pub fn as_of(raw: Option<&str>) -> ApiResult<i64> {
    let Some(raw) = raw.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(crate::supervision::now());
    };
    let bad = || {
        ApiError::bad_request(
            "bad_request",
            format!(
                "as_of {:?} is no date (YYYY-MM-DD)",
                raw.chars().take(40).collect::<String>()
            ),
        )
    };
    let mut parts = raw.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    match (parts.next(), parts.next(), parts.next()) {
        (Some(Some(y)), Some(Some(m)), Some(Some(d))) if (1900..=2200).contains(&y) => {
            end_of_day(y, m, d).map(|t| t - 1).ok_or_else(bad)
        }
        _ => Err(bad()),
    }
}

fn deadlines_of(body: Vec<DeadlineBody>) -> ApiResult<Vec<Deadline>> {
    body.into_iter()
        .map(|d| {
            let frequency = Frequency::parse(&d.frequency).ok_or_else(|| {
                ApiError::bad_request(
                    "bad_calendar",
                    format!(
                        "{:?} is no frequency (monthly, quarterly, yearly)",
                        d.frequency.chars().take(40).collect::<String>()
                    ),
                )
            })?;
            Ok(Deadline {
                frequency,
                due_months: d.due_months,
                due_day: d.due_day,
            })
        })
        .collect()
}

async fn set(state: &AppState, viewer: &Viewer, id: &str, d: Vec<Deadline>) -> ApiResult<Calendar> {
    let user = viewer.required()?;
    let doc = crate::units::target(state, id, 0).await?.doc;
    state
        .on_store(store_error, move |s| async move {
            s.set_calendar(&doc, &d, &user).await
        })
        .await
}

/// The calendar of the document `document_id` (its key) for its page.
pub(crate) async fn for_document(
    state: &AppState,
    viewer: &Viewer,
    document_id: &str,
) -> ApiResult<Option<CalendarView>> {
    if viewer.user().is_none() {
        return Ok(None);
    }
    let id = document_id.to_string();
    let c = state
        .on_store(store_error, move |s| async move { s.calendar(&id).await })
        .await?;
    Ok(Some(CalendarView::from(&c)))
}

/// A plan's reporting calendar: in which periods its targets are reported
/// and when each period's value is due (yearly by 31 March of the next
/// year where none was set).
#[utoipa::path(get, path = "/api/v1/documents/{id}/calendar",
    params(("id" = String, Path, description = "id, file name or id prefix")),
    responses(
        (status = 200, body = CalendarView),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such document")))]
pub async fn get_calendar(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<CalendarView>> {
    let doc = crate::units::target(&state, &id, 0).await?.doc;
    let c = state
        .on_store(store_error, move |s| async move { s.calendar(&doc).await })
        .await?;
    Ok(Json(CalendarView::from(&c)))
}

/// Sets a plan's reporting calendar, replacing the one in force (admins).
#[utoipa::path(put, path = "/api/v1/documents/{id}/calendar",
    params(("id" = String, Path, description = "id, file name or id prefix"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    request_body = CalendarBody,
    responses(
        (status = 200, body = CalendarView),
        (status = 400, body = ErrorBody, description = "`bad_calendar`: no period, one twice, a month or day out of range"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such document"),
        (status = 415, body = ErrorBody)))]
pub async fn put_calendar(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CalendarBody>,
) -> ApiResult<Json<CalendarView>> {
    let d = deadlines_of(body.deadlines)?;
    let c = set(&state, &viewer, &id, d).await?;
    Ok(Json(CalendarView::from(&c)))
}

/// The document page's form: for each of `monthly`, `quarterly`, `yearly`
/// ticked, its `…_months` and `…_day`; back to the calendar on the page.
async fn calendar_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    req: Request,
) -> Result<Redirect, PageError> {
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let fields: HashMap<String, String> = crate::auth::form_fields(&state, req).await?;
    crate::auth::check_csrf(gate.as_ref(), &fields)?;
    let mut deadlines = Vec::new();
    for f in Frequency::ALL {
        let key = f.as_str();
        if fields.get(key).is_none_or(|v| v.trim().is_empty()) {
            continue;
        }
        let num = |suffix: &str, what: &str| -> ApiResult<u32> {
            let name = format!("{key}_{suffix}");
            let v = fields.get(&name).map(|v| v.trim()).unwrap_or_default();
            v.parse::<u32>().map_err(|_| {
                ApiError::bad_request(
                    "bad_form",
                    format!("{}{what}：{:?} 不是数字", f.label_zh(), v),
                )
            })
        };
        deadlines.push(Deadline {
            frequency: f,
            due_months: num("months", "期后月数")?,
            due_day: num("day", "日")?,
        });
    }
    let c = set(&state, &viewer, &id, deadlines).await?;
    Ok(Redirect::to(&format!(
        "/documents/{}#calendar",
        c.document_id
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_the_end_of_their_day_in_beijing() {
        // The end of 2025-03-31 in Beijing is 2025-04-01T00:00+08:00 = 1743436800.
        assert_eq!(as_of(Some("2025-03-31")).ok(), Some(1_743_436_799));
        for bad in ["2025-02-30", "2025-13-01", "x", "2025-1", "99999-01-01"] {
            assert!(as_of(Some(bad)).is_err(), "{bad}");
        }
    }
}
