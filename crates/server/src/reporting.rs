//! Reporting (填报) with review (issue 10), over [`planwatch_store::submissions`]:
//!
//! - API: `GET /api/v1/reporting/targets` (a reporter's targets, each with
//!   the unit's latest submission); `GET`/`POST /api/v1/submissions` (list:
//!   reporters see their units', reviewers and admins all; create a draft:
//!   reporters); `GET`/`PUT /api/v1/submissions/{id}` (one with its
//!   versions; edit a draft or a returned one); `POST …/{id}/submit`
//!   (reporters), `POST …/{id}/return` and `POST …/{id}/approve` (reviewers
//!   and admins). Who may send each is [`crate::auth::ROLE_ROUTES`].
//! - Pages: `/fill` (填报: a reporter's targets, a form per target, their
//!   submissions) and `/review` (审核: submitted values, approve or return),
//!   each form with the CSRF token; `POST /fill` and `POST /review/{id}`.
//!
//! Before a value is submitted its target is evaluated with the value
//! added (the snapshot's linked case of the target, plus the actual the
//! approval would store): off track or regressing, it needs a narrative
//! (400 `needs_explanation`). An approval stores the actual and reloads the
//! snapshot, so evaluations use it at once.

use std::collections::HashMap;

use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Json;
use minijinja::context;
use planwatch_catalog::FactId;
use planwatch_core::DocType;
use planwatch_evaluate::{Observation, Status};
use planwatch_store::submissions::reported_actual;
use planwatch_store::{
    DueTarget, NewSubmission, StoreError, Submission, SubmissionFilter, SubmissionInput,
    SubmissionStatus, SubmissionVersion, User,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::{ApiJson, Query};
use crate::auth::Viewer;
use crate::csrf::{self, CsrfGate};
use crate::error::{id_from_path, ApiError, ApiResult, ErrorBody};
use crate::pages::{render, PageError};
use crate::state::AppState;
use crate::views::{self, Page, Paging};

/// The routes of reporting and review.
pub fn routes() -> crate::routes::Routes {
    crate::routes::Routes::new()
        .route("/api/v1/reporting/targets", get(due))
        .route("/api/v1/submissions", get(list).post(create))
        .route("/api/v1/submissions/{id}", get(one).put(update))
        .route("/api/v1/submissions/{id}/submit", post(submit))
        .route("/api/v1/submissions/{id}/return", post(send_back))
        .route("/api/v1/submissions/{id}/approve", post(approve))
        .route("/fill", get(fill_page).post(fill_form))
        .route("/review", get(review_page))
        .route("/review/{id}", post(review_form))
}

/// A reported value.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SubmissionView {
    /// Row id.
    pub id: i64,
    /// The target's document key.
    pub document_id: String,
    /// The target's position in its document.
    pub ord: i64,
    /// Where the target is highlighted on its document page.
    pub link: String,
    /// The target's indicator as written (when its document is current).
    pub indicator: Option<String>,
    /// The unit reporting.
    pub unit: String,
    /// Year of the value.
    pub year: i32,
    /// Quarter of a quarterly value.
    pub quarter: Option<i64>,
    /// Month of a monthly value.
    pub month: Option<i64>,
    /// The period in Chinese (`2024年第2季度`).
    pub period: String,
    /// The value.
    pub value: f64,
    /// Unit of measure (null: the target's).
    pub measure_unit: Option<String>,
    /// 说明.
    pub narrative: String,
    /// `draft`, `submitted`, `returned` or `approved`.
    pub status: String,
    /// The status in Chinese.
    pub status_zh: String,
    /// 1 when created, one more at each change.
    pub version: i64,
    /// Who created it.
    pub submitter: String,
    /// Who last returned or approved it.
    pub reviewer: Option<String>,
    /// The reviewer's last comment.
    pub review_comment: Option<String>,
    /// The document holding the approved actual.
    pub actual_document_id: Option<String>,
    /// Created (Unix seconds).
    pub created_at: i64,
    /// Last changed.
    pub updated_at: i64,
    /// Last submitted.
    pub submitted_at: Option<i64>,
    /// Last returned or approved.
    pub reviewed_at: Option<i64>,
}

impl SubmissionView {
    fn of(s: &Submission, indicator: Option<String>) -> SubmissionView {
        SubmissionView {
            id: s.id,
            document_id: s.document_id.clone(),
            ord: s.ord,
            link: format!("/documents/{}#f{}", s.document_id, s.ord),
            indicator,
            unit: s.unit.clone(),
            year: s.year,
            quarter: s.quarter,
            month: s.month,
            period: s.period_zh(),
            value: s.value,
            measure_unit: s.measure_unit.clone(),
            narrative: s.narrative.clone(),
            status: s.status.as_str().to_string(),
            status_zh: s.status.label_zh().to_string(),
            version: s.version,
            submitter: s.submitter.clone(),
            reviewer: s.reviewer.clone(),
            review_comment: s.review_comment.clone(),
            actual_document_id: s.actual_document_id.clone(),
            created_at: s.created_at,
            updated_at: s.updated_at,
            submitted_at: s.submitted_at,
            reviewed_at: s.reviewed_at,
        }
    }
}

/// One state of a submission.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VersionView {
    /// 1, 2, 3…
    pub version: i64,
    /// `create`, `update`, `submit`, `return` or `approve`.
    pub action: String,
    /// Who.
    pub actor: String,
    /// When (Unix seconds).
    pub at: i64,
    /// The status then.
    pub status: String,
    /// The value then.
    pub value: f64,
    /// The unit of measure then.
    pub measure_unit: Option<String>,
    /// The narrative then.
    pub narrative: String,
    /// The review comment then.
    pub review_comment: Option<String>,
}

impl From<&SubmissionVersion> for VersionView {
    fn from(v: &SubmissionVersion) -> VersionView {
        VersionView {
            version: v.version,
            action: v.action.clone(),
            actor: v.actor.clone(),
            at: v.at,
            status: v.status.as_str().to_string(),
            value: v.value,
            measure_unit: v.measure_unit.clone(),
            narrative: v.narrative.clone(),
            review_comment: v.review_comment.clone(),
        }
    }
}

/// A submission and every state it has been in.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SubmissionDetail {
    /// The submission now.
    pub submission: SubmissionView,
    /// Its versions, oldest first.
    pub versions: Vec<VersionView>,
}

/// A target a reporter reports on.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DueTargetView {
    /// The unit reporting on it.
    pub unit: String,
    /// The unit's part: `lead` or `partner`.
    pub role: String,
    /// Document key.
    pub document_id: String,
    /// Document file name.
    pub doc: String,
    /// Position in the document.
    pub ord: i64,
    /// Where the target is highlighted on its document page.
    pub link: String,
    /// Indicator as written.
    pub indicator: String,
    /// Year of the target.
    pub year: Option<i32>,
    /// Target value as written.
    pub value: Option<f64>,
    /// Unit of the target value.
    pub measure_unit: Option<String>,
    /// The document's words.
    pub quote: String,
    /// The unit's latest submission on it.
    pub latest: Option<SubmissionView>,
    /// Its periods open (begun, no value approved) by its plan's calendar,
    /// each with its due date, by due date.
    pub periods: Vec<crate::calendar::DuePeriodView>,
}

impl From<&DueTarget> for DueTargetView {
    fn from(d: &DueTarget) -> DueTargetView {
        let f = &d.target.fact;
        DueTargetView {
            unit: d.unit.clone(),
            role: d.target.role.as_str().to_string(),
            document_id: f.document_id.clone(),
            doc: d.target.doc.clone(),
            ord: f.ord,
            link: format!("/documents/{}#f{}", f.document_id, f.ord),
            indicator: f.fact.indicator.clone(),
            year: f.fact.year,
            value: f.fact.value,
            measure_unit: f.fact.unit.clone(),
            quote: f.fact.quote.clone(),
            latest: d
                .latest
                .as_ref()
                .map(|s| SubmissionView::of(s, Some(f.fact.indicator.clone()))),
            periods: d.periods.iter().map(Into::into).collect(),
        }
    }
}

/// A draft: the target (`document_id`, `ord`), the unit reporting, the
/// period, the value and the explanation.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct NewSubmissionBody {
    /// The target's document key (or file name, or id prefix).
    pub document_id: String,
    /// The target's position in its document.
    pub ord: i64,
    /// The unit (name, short name or id) the reporter reports for.
    pub unit: String,
    /// Period, value and explanation.
    #[serde(flatten)]
    pub input: InputBody,
}

/// What a reporter enters.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct InputBody {
    /// Year of the value.
    pub year: i32,
    /// Quarter (1–4) of a quarterly value.
    #[serde(default)]
    pub quarter: Option<i64>,
    /// Month (1–12) of a monthly value.
    #[serde(default)]
    pub month: Option<i64>,
    /// The value.
    pub value: f64,
    /// Unit of measure (none: the target's).
    #[serde(default)]
    pub measure_unit: Option<String>,
    /// 说明: required when the value puts the target off track or regressing.
    #[serde(default)]
    pub narrative: Option<String>,
}

impl InputBody {
    fn input(self) -> SubmissionInput {
        SubmissionInput {
            year: self.year,
            quarter: self.quarter,
            month: self.month,
            value: self.value,
            measure_unit: self.measure_unit,
            narrative: self.narrative.unwrap_or_default(),
        }
    }
}

/// A reviewer's words: why a value is returned (required), or a note on an approval.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ReviewBody {
    /// The comment.
    #[serde(default)]
    pub comment: Option<String>,
}

/// Which submissions to list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SubmissionQuery {
    /// Of this unit (name, short name or id).
    #[serde(default, deserialize_with = "views::opt")]
    pub unit: Option<String>,
    /// In this status: `draft`, `submitted`, `returned`, `approved`.
    #[serde(default, deserialize_with = "views::opt")]
    pub status: Option<String>,
    /// About the target of this document key…
    #[serde(default, deserialize_with = "views::opt")]
    pub document_id: Option<String>,
    /// …and this position.
    #[serde(default, deserialize_with = "views::opt")]
    pub ord: Option<i64>,
    /// Items to skip.
    #[serde(default, deserialize_with = "views::opt")]
    pub offset: Option<usize>,
    /// Items to return (1–1000).
    #[serde(default, deserialize_with = "views::opt")]
    pub limit: Option<usize>,
}

/// Paging of a reporter's targets.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DueQuery {
    /// As at the end of this day (`YYYY-MM-DD`, Beijing time); default now.
    #[serde(default, deserialize_with = "views::opt")]
    pub as_of: Option<String>,
    /// Items to skip.
    #[serde(default, deserialize_with = "views::opt")]
    pub offset: Option<usize>,
    /// Items to return (1–1000).
    #[serde(default, deserialize_with = "views::opt")]
    pub limit: Option<usize>,
}

/// The answer a store error gets.
fn store_error(e: StoreError) -> ApiError {
    match e {
        StoreError::NoSuchSubmission(id) => ApiError::NotFound {
            what: "submission",
            id: id.to_string(),
        },
        StoreError::NoSuchUnit(id) => ApiError::NotFound { what: "unit", id },
        StoreError::NoSuchFact(id) => ApiError::NotFound { what: "fact", id },
        StoreError::Forbidden(message) => ApiError::Forbidden {
            code: "forbidden",
            message,
        },
        StoreError::NeedsExplanation(m) => ApiError::bad_request("needs_explanation", m),
        StoreError::Submission(m) | StoreError::Unit(m) => {
            ApiError::bad_request("bad_submission", m)
        }
        other => ApiError::Store(other),
    }
}

/// A submission id from the path (404 for anything else).
fn id_of(raw: &str) -> ApiResult<i64> {
    id_from_path(raw, "submission")
}

/// The target `ord` of the current document `id` (by id, file name or id
/// prefix), else of a stored revision by its full key.
async fn target_of(state: &AppState, id: &str, ord: i64) -> ApiResult<FactId> {
    if let Some(doc) = state.snapshot().await?.doc(id) {
        return Ok(FactId::new(doc.id.clone(), ord));
    }
    Ok(FactId::new(id.trim().to_ascii_lowercase(), ord))
}

/// The indicator of each submission's target, from the snapshot.
async fn views_of(state: &AppState, list: &[Submission]) -> ApiResult<Vec<SubmissionView>> {
    let snap = state.snapshot().await?;
    Ok(list
        .iter()
        .map(|s| {
            let indicator = snap
                .fact_by_id(&s.fact_id())
                .map(|r| r.src.fact.indicator.clone());
            SubmissionView::of(s, indicator)
        })
        .collect())
}

/// What the evaluation says of the submission's target with its value
/// added, when that is off track or regressing (the status in Chinese).
async fn red_status(state: &AppState, s: &Submission) -> ApiResult<Option<String>> {
    let snap = state.snapshot().await?;
    let s = s.clone();
    state
        .blocking(move |_| {
            let id = s.fact_id();
            let linked = snap.linked();
            let Some(item) = linked
                .iter()
                .find(|c| c.target.id == id || c.also.iter().any(|a| a.id == id))
            else {
                // A target the evaluation does not link (a qualitative goal): nothing to say.
                return Ok(None);
            };
            let mut item = item.clone();
            let (_, fact) = reported_actual(&s, &item.case.target, "");
            item.case
                .actuals
                .push(Observation::new(fact).doc_type(DocType::Other));
            let status = planwatch_link::evaluate(vec![item])
                .into_iter()
                .next()
                .map(|e| e.assessment.status);
            Ok(match status {
                Some(st @ (Status::OffTrack | Status::Regressing)) => {
                    Some(st.label_zh().to_string())
                }
                _ => None,
            })
        })
        .await
}

async fn create_draft(
    state: &AppState,
    user: User,
    fact: FactId,
    unit: String,
    input: SubmissionInput,
) -> ApiResult<Submission> {
    let new = NewSubmission { fact, unit, input };
    state
        .on_store(store_error, move |s| async move {
            s.create_submission(&new, &user).await
        })
        .await
}

async fn update_draft(
    state: &AppState,
    user: User,
    id: i64,
    input: SubmissionInput,
) -> ApiResult<Submission> {
    state
        .on_store(store_error, move |s| async move {
            s.update_submission(id, &input, &user).await
        })
        .await
}

/// Submits `id` after evaluating its value.
async fn submit_one(state: &AppState, user: User, id: i64) -> ApiResult<Submission> {
    let reader = user.clone();
    let current = state
        .on_store(store_error, move |s| async move {
            s.submission(id, &reader).await
        })
        .await?;
    let red = red_status(state, &current).await?;
    state
        .on_store(store_error, move |s| async move {
            s.submit_submission(id, &user, current.version, red.as_deref())
                .await
        })
        .await
}

async fn return_one(
    state: &AppState,
    user: User,
    id: i64,
    comment: String,
) -> ApiResult<Submission> {
    state
        .on_store(store_error, move |s| async move {
            s.return_submission(id, &user, &comment).await
        })
        .await
}

/// Approves `id` and reloads the snapshot, so the evaluation uses the actual.
async fn approve_one(
    state: &AppState,
    user: User,
    id: i64,
    comment: Option<String>,
) -> ApiResult<Submission> {
    let s = state
        .on_store(store_error, move |s| async move {
            s.approve_submission(id, &user, comment.as_deref()).await
        })
        .await?;
    // The approval is stored: a failed reload is only later than usual
    // (the next request's look at the store finds the new actual).
    if let Err(e) = state.refresh().await {
        tracing::warn!(error = %e, "snapshot not reloaded after an approval");
    }
    tracing::info!(submission = s.id, actual = ?s.actual_document_id, "reported value approved");
    Ok(s)
}

/// The targets the logged-in reporter's units answer for (current
/// documents), each with the unit's latest submission on it and its open
/// periods with their due dates (its plan's reporting calendar).
#[utoipa::path(get, path = "/api/v1/reporting/targets", params(DueQuery), responses(
    (status = 200, body = Page<DueTargetView>),
    (status = 401, body = ErrorBody), (status = 403, body = ErrorBody, description = "not a reporter")))]
pub async fn due(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<DueQuery>,
) -> ApiResult<Json<Page<DueTargetView>>> {
    let user = viewer.required()?;
    let at = crate::calendar::as_of(q.as_of.as_deref())?;
    let list = state
        .on_store(store_error, move |s| async move {
            s.due_targets(&user, at).await
        })
        .await?;
    let all = list.iter().map(DueTargetView::from).collect();
    Ok(Json(views::page(all, &Paging::new(q.offset, q.limit))?))
}

/// Submissions, newest first, by unit, status or target: a reporter sees
/// their units', reviewers and admins every one.
#[utoipa::path(get, path = "/api/v1/submissions", params(SubmissionQuery), responses(
    (status = 200, body = Page<SubmissionView>),
    (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
    (status = 403, body = ErrorBody, description = "a deputy"),
    (status = 404, body = ErrorBody, description = "no such unit")))]
pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Query(q): Query<SubmissionQuery>,
) -> ApiResult<Json<Page<SubmissionView>>> {
    let user = viewer.required()?;
    let status = match q.status.as_deref() {
        Some(s) => Some(SubmissionStatus::parse(s).ok_or_else(|| {
            ApiError::bad_request(
                "bad_status",
                "status is draft, submitted, returned or approved",
            )
        })?),
        None => None,
    };
    let fact = match (&q.document_id, q.ord) {
        (Some(d), Some(o)) => Some(target_of(&state, d, o).await?),
        (None, None) => None,
        _ => {
            return Err(ApiError::bad_request(
                "bad_target",
                "give both document_id and ord, or neither",
            ))
        }
    };
    let filter = SubmissionFilter {
        unit: q.unit.clone(),
        status,
        fact,
    };
    let list = state
        .on_store(store_error, move |s| async move {
            s.submissions(&filter, &user).await
        })
        .await?;
    let all = views_of(&state, &list).await?;
    Ok(Json(views::page(all, &Paging::new(q.offset, q.limit))?))
}

/// Creates a draft: by a reporter of `unit`, for a target assigned to it;
/// one per target, unit and period.
#[utoipa::path(post, path = "/api/v1/submissions",
    params(("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    request_body = NewSubmissionBody,
    responses(
        (status = 201, body = SubmissionView),
        (status = 400, body = ErrorBody, description = "`bad_submission`: a bad period or value, a target not assigned to the unit, a period reported already"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody, description = "not a reporter of the unit"),
        (status = 404, body = ErrorBody, description = "no such unit or target"), (status = 415, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiJson(body): ApiJson<NewSubmissionBody>,
) -> ApiResult<(StatusCode, Json<SubmissionView>)> {
    let user = viewer.required()?;
    let fact = target_of(&state, &body.document_id, body.ord).await?;
    let s = create_draft(&state, user, fact, body.unit, body.input.input()).await?;
    let view = views_of(&state, std::slice::from_ref(&s)).await?;
    let view = view
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Internal("no view".into()))?;
    Ok((StatusCode::CREATED, Json(view)))
}

async fn detail(state: &AppState, user: User, id: i64) -> ApiResult<SubmissionDetail> {
    let (s, versions) = state
        .on_store(store_error, move |s| async move {
            let one = s.submission(id, &user).await?;
            let versions = s.submission_versions(id, &user).await?;
            Ok((one, versions))
        })
        .await?;
    let view = views_of(state, std::slice::from_ref(&s)).await?;
    let submission = view
        .into_iter()
        .next()
        .ok_or_else(|| ApiError::Internal("no view".into()))?;
    Ok(SubmissionDetail {
        submission,
        versions: versions.iter().map(VersionView::from).collect(),
    })
}

/// One submission with its versions (a reporter: their units' only).
#[utoipa::path(get, path = "/api/v1/submissions/{id}",
    params(("id" = i64, Path, description = "the submission's id")),
    responses(
        (status = 200, body = SubmissionDetail),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "none, or another unit's")))]
pub async fn one(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<Json<SubmissionDetail>> {
    let user = viewer.required()?;
    Ok(Json(detail(&state, user, id_of(&id)?).await?))
}

/// Edits a draft or a returned submission (it becomes a draft): by a
/// reporter of its unit.
#[utoipa::path(put, path = "/api/v1/submissions/{id}",
    params(("id" = i64, Path, description = "the submission's id"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    request_body = InputBody,
    responses(
        (status = 200, body = SubmissionView),
        (status = 400, body = ErrorBody, description = "`bad_submission`: bad input, or submitted or approved already"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "none, or another unit's"), (status = 415, body = ErrorBody)))]
pub async fn update(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<InputBody>,
) -> ApiResult<Json<SubmissionView>> {
    let user = viewer.required()?;
    let s = update_draft(&state, user, id_of(&id)?, body.input()).await?;
    first_view(&state, s).await
}

async fn first_view(state: &AppState, s: Submission) -> ApiResult<Json<SubmissionView>> {
    views_of(state, std::slice::from_ref(&s))
        .await?
        .into_iter()
        .next()
        .map(Json)
        .ok_or_else(|| ApiError::Internal("no view".into()))
}

/// Submits a draft or returned value for review: by a reporter of its
/// unit. A value that puts its target off track or regressing needs a narrative.
#[utoipa::path(post, path = "/api/v1/submissions/{id}/submit",
    params(("id" = i64, Path, description = "the submission's id"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    responses(
        (status = 200, body = SubmissionView),
        (status = 400, body = ErrorBody, description = "`needs_explanation`: the value puts the target off track or regressing and the submission has no narrative; `bad_submission`: not a draft"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "none, or another unit's")))]
pub async fn submit(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<Json<SubmissionView>> {
    let user = viewer.required()?;
    let s = submit_one(&state, user, id_of(&id)?).await?;
    first_view(&state, s).await
}

/// Returns a submitted value to its unit, saying why (`comment`, required).
#[utoipa::path(post, path = "/api/v1/submissions/{id}/return",
    params(("id" = i64, Path, description = "the submission's id"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    request_body = ReviewBody,
    responses(
        (status = 200, body = SubmissionView),
        (status = 400, body = ErrorBody, description = "`bad_submission`: no comment, or not submitted"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody), (status = 415, body = ErrorBody)))]
pub async fn send_back(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ReviewBody>,
) -> ApiResult<Json<SubmissionView>> {
    let user = viewer.required()?;
    let s = return_one(&state, user, id_of(&id)?, body.comment.unwrap_or_default()).await?;
    first_view(&state, s).await
}

/// Approves a submitted value: it is stored as an actual of its target's
/// indicator (a document of origin `report`), which evaluations use from then on.
#[utoipa::path(post, path = "/api/v1/submissions/{id}/approve",
    params(("id" = i64, Path, description = "the submission's id"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    request_body(content = Option<ReviewBody>, description = "an optional `comment`"),
    responses(
        (status = 200, body = SubmissionView),
        (status = 400, body = ErrorBody, description = "`bad_submission`: not submitted"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn approve(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    body: axum::body::Bytes,
) -> ApiResult<Json<SubmissionView>> {
    let user = viewer.required()?;
    let comment = if body.iter().all(u8::is_ascii_whitespace) {
        None
    } else {
        serde_json::from_slice::<ReviewBody>(&body)
            .map_err(|e| {
                ApiError::bad_request(
                    "bad_json",
                    format!("the body is no {{\"comment\": …}}: {e}"),
                )
            })?
            .comment
    };
    let s = approve_one(&state, user, id_of(&id)?, comment).await?;
    first_view(&state, s).await
}

/// What the pages say after a form: `?done=saved|submitted|approved|returned&id=N`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default, deserialize_with = "views::opt")]
    done: Option<String>,
    #[serde(default, deserialize_with = "views::opt")]
    id: Option<i64>,
}

fn done_words(q: &DoneQuery) -> Option<String> {
    let id = q.id?;
    let what = match q.done.as_deref()? {
        "saved" => "已保存为草稿",
        "submitted" => "已报送审核",
        "approved" => "已审核通过，已计入实际值",
        "returned" => "已退回填报单位",
        "explain" => {
            "已保存为草稿，但未报送：该数值会使目标严重滞后或倒退，请在“说明”中写明原因后再报送"
        }
        _ => return None,
    };
    Some(format!("第 {id} 号填报{what}。"))
}

/// The 填报 page: the reporter's targets, each with a form (a new value, or
/// the draft or returned value to fix), and their units' submissions.
async fn fill_page(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    uri: Uri,
    Query(q): Query<DoneQuery>,
) -> Result<Response, PageError> {
    let user = viewer.required()?;
    let reader = user.clone();
    let (due, mine) = state
        .on_store(store_error, move |s| async move {
            let due = s.due_targets(&reader, crate::supervision::now()).await?;
            let mine = s.submissions(&SubmissionFilter::default(), &reader).await?;
            Ok((due, mine))
        })
        .await?;
    let targets: Vec<DueTargetView> = due.iter().map(DueTargetView::from).collect();
    let submissions = views_of(&state, &mine).await?;
    let editable: Vec<i64> = mine
        .iter()
        .filter(|s| s.status.editable())
        .map(|s| s.id)
        .collect();
    let evidence = crate::evidence::for_submissions(&state, &user, editable).await?;
    let (csrf_token, cookie) = csrf::token_for(&state, &headers, &uri)?;
    let html = render(
        &state,
        "fill.html",
        context! {
            nav => context! { current => "fill" }, targets, submissions, csrf_token,
            units => user.units, done => done_words(&q), now => crate::supervision::now(),
            evidence, max_evidence_mb => planwatch_store::evidence::MAX_EVIDENCE_BYTES / (1024 * 1024),
            explain_id => q.id.filter(|_| q.done.as_deref() == Some("explain")),
        },
    )?;
    let mut resp = html.into_response();
    csrf::attach(&mut resp, cookie);
    Ok(resp)
}

/// A form field as a number, or the form's 400.
fn field_num<T: std::str::FromStr>(
    fields: &HashMap<String, String>,
    name: &str,
    what: &str,
) -> ApiResult<Option<T>> {
    match fields.get(name).map(|v| v.trim()).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => v
            .parse::<T>()
            .map(Some)
            .map_err(|_| ApiError::bad_request("bad_form", format!("{what}：{v} 不是数字"))),
    }
}

/// The 填报 form: `id` (a draft or returned submission to change) or
/// `document_id`, `ord` and `unit` (a new one); `year`, `quarter`, `month`, `value`,
/// `measure_unit`, `narrative`; `action` = `save` or `submit`.
async fn fill_form(
    State(state): State<AppState>,
    viewer: Viewer,
    req: Request,
) -> Result<Redirect, PageError> {
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let fields: HashMap<String, String> = crate::auth::form_fields(&state, req).await?;
    crate::auth::check_csrf(gate.as_ref(), &fields)?;
    let user = viewer.required()?;
    let year = field_num::<i32>(&fields, "year", "年份")?
        .ok_or_else(|| ApiError::bad_request("bad_form", "请填写年份"))?;
    let value = field_num::<f64>(&fields, "value", "数值")?
        .ok_or_else(|| ApiError::bad_request("bad_form", "请填写数值"))?;
    let input = SubmissionInput {
        year,
        quarter: field_num::<i64>(&fields, "quarter", "季度")?,
        month: field_num::<i64>(&fields, "month", "月份")?,
        value,
        measure_unit: fields.get("measure_unit").cloned(),
        narrative: fields.get("narrative").cloned().unwrap_or_default(),
    };
    let s = match field_num::<i64>(&fields, "id", "编号")? {
        Some(id) => update_draft(&state, user.clone(), id, input).await?,
        None => {
            let doc = fields
                .get("document_id")
                .ok_or_else(|| ApiError::bad_request("bad_form", "缺少目标所在文档"))?;
            let ord = field_num::<i64>(&fields, "ord", "目标编号")?
                .ok_or_else(|| ApiError::bad_request("bad_form", "缺少目标编号"))?;
            let unit = fields
                .get("unit")
                .cloned()
                .ok_or_else(|| ApiError::bad_request("bad_form", "缺少填报单位"))?;
            let fact = target_of(&state, doc, ord).await?;
            create_draft(&state, user.clone(), fact, unit, input).await?
        }
    };
    let done = if fields.get("action").map(String::as_str) == Some("submit") {
        match submit_one(&state, user, s.id).await {
            Ok(_) => "submitted",
            // Saved, not submitted: the page says why, above the form to explain in.
            Err(ApiError::BadRequest {
                code: "needs_explanation",
                ..
            }) => "explain",
            Err(e) => return Err(e.into()),
        }
    } else {
        "saved"
    };
    Ok(Redirect::to(&format!("/fill?done={done}&id={}", s.id)))
}

/// The 审核 page: submitted values, oldest first, each with its target and
/// the approve and return forms; and the latest reviewed ones.
async fn review_page(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    uri: Uri,
    Query(q): Query<DoneQuery>,
) -> Result<Response, PageError> {
    let user = viewer.required()?;
    let reader = user.clone();
    let all = state
        .on_store(store_error, move |s| async move {
            s.submissions(&SubmissionFilter::default(), &reader).await
        })
        .await?;
    let (mut pending, reviewed): (Vec<Submission>, Vec<Submission>) = all
        .into_iter()
        .filter(|s| s.status != SubmissionStatus::Draft)
        .partition(|s| s.status == SubmissionStatus::Submitted);
    pending.reverse();
    let ids = pending.iter().map(|s| s.id).collect();
    let evidence = crate::evidence::for_submissions(&state, &user, ids).await?;
    let pending = views_of(&state, &pending).await?;
    let reviewed = views_of(&state, &reviewed[..reviewed.len().min(50)]).await?;
    let (csrf_token, cookie) = csrf::token_for(&state, &headers, &uri)?;
    let html = render(
        &state,
        "review.html",
        context! {
            nav => context! { current => "review" }, pending, reviewed, csrf_token,
            done => done_words(&q), evidence,
        },
    )?;
    let mut resp = html.into_response();
    csrf::attach(&mut resp, cookie);
    Ok(resp)
}

/// The 审核 forms: `action` = `approve` or `return`, and `comment`
/// (required to return).
async fn review_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    req: Request,
) -> Result<Redirect, PageError> {
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let fields: HashMap<String, String> = crate::auth::form_fields(&state, req).await?;
    crate::auth::check_csrf(gate.as_ref(), &fields)?;
    let user = viewer.required()?;
    let id = id_of(&id)?;
    let comment = fields.get("comment").cloned().unwrap_or_default();
    let done = match fields.get("action").map(String::as_str) {
        Some("approve") => {
            approve_one(&state, user, id, Some(comment)).await?;
            "approved"
        }
        Some("return") => {
            return_one(&state, user, id, comment).await?;
            "returned"
        }
        _ => {
            return Err(PageError(ApiError::bad_request(
                "bad_form",
                "请选择通过或退回",
            )))
        }
    };
    Ok(Redirect::to(&format!("/review?done={done}&id={id}")))
}
