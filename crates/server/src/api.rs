//! The JSON API under `/api/v1` and its OpenAPI description. Each handler is one
//! call into [`crate::views`] (or the state, for uploads and health).

use std::any::Any;

use axum::extract::multipart::MultipartRejection;
use axum::extract::{
    DefaultBodyLimit, Extension, FromRequest, FromRequestParts, Multipart, Path, State,
};
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::{OpenApi, ToSchema};
use utoipa_swagger_ui::SwaggerUi;

use crate::csrf::{self, CsrfGate};
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::evaluation::{Assessed, SourceLink};
use crate::snapshot::IndicatorSummary;
use crate::state::{AppState, UploadOutcome};
use crate::views::{
    self, AssessQuery, DocQuery, DocumentView, EvidenceView, FactQuery, FactView, FindingQuery,
    FindingView, HitView, IndicatorQuery, Page, Paging, Piece, PointView, RegionQuery, SearchQuery,
    SearchResults, SeriesView,
};

/// Query parameters whose errors are JSON 400s.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(ApiError))]
pub struct Query<T>(pub T);

/// A JSON body whose errors are JSON 400/413/415s.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(ApiError))]
pub struct ApiJson<T>(pub T);

/// Health of the server and its store.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok`.
    pub status: String,
    /// `sqlite` or `postgres`.
    pub backend: String,
    /// Document names stored.
    pub documents: i64,
    /// Revisions stored.
    pub revisions: i64,
    /// Facts stored.
    pub facts: i64,
    /// Server version.
    pub version: String,
}

/// A CSRF token to repeat in `X-CSRF-Token`.
#[derive(Debug, Serialize, ToSchema)]
pub struct CsrfToken {
    /// The token, also set as the cookie `planwatch_csrf` (valid while this server process runs).
    pub token: String,
}

/// The API routes; uploads accept up to `max_upload` bytes.
pub fn routes(max_upload: usize) -> crate::routes::Routes {
    crate::routes::Routes::new()
        .route("/health", get(health))
        .route("/api/v1/health", get(health))
        .route("/api/v1/csrf", get(csrf_token))
        .route(
            "/api/v1/documents",
            get(list_documents)
                .post(upload)
                .layer(DefaultBodyLimit::max(max_upload.saturating_add(64 * 1024))),
        )
        .route("/api/v1/documents/{id}", get(get_document))
        .route("/api/v1/documents/{id}/text", get(document_text))
        .route("/api/v1/documents/{id}/facts", get(document_facts))
        .route("/api/v1/facts", get(list_facts))
        .route("/api/v1/indicators", get(list_indicators))
        .route("/api/v1/indicators/{name}", get(get_indicator))
        .route("/api/v1/series/{name}", get(get_series))
        .route("/api/v1/assessments", get(list_assessments))
        .route("/api/v1/findings", get(list_findings))
        .route("/api/v1/search", get(search_get).post(search_post))
        .route("/api/v1/{*rest}", get(api_not_found).post(api_not_found))
}

/// Swagger UI at `/api/v1/docs` and the OpenAPI document at `/api/v1/openapi.json`.
pub fn docs_routes() -> crate::routes::Routes {
    crate::routes::Routes::new().serve(
        Router::new()
            .merge(SwaggerUi::new("/api/v1/docs").url("/api/v1/openapi.json", ApiDoc::openapi())),
        &[
            "/api/v1/docs",
            "/api/v1/docs/",
            "/api/v1/docs/{*rest}",
            "/api/v1/openapi.json",
        ],
    )
}

/// The OpenAPI description of the API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "planwatch API",
        description = "Documents, facts, indicators, series, assessments, consistency findings and search over planwatch's store. Lists take `offset` and `limit` (1–1000) and keep a stable order; GET answers carry ETag and Last-Modified. Errors are `{code, message}`. Every request that changes data (POST, PUT, PATCH, DELETE; `POST /api/v1/search` excepted, it only reads) must send the cookie `planwatch_csrf` and the same token in the header `X-CSRF-Token` (both from `GET /api/v1/csrf`), and an `Origin` or `Referer`, if any, of this server or an allowed origin: otherwise 403 `csrf` or `cross_origin`. Accounts: `POST /login` starts a session (cookie `planwatch_session`, HttpOnly, SameSite=Strict), `POST /logout` ends it, `GET /api/v1/me` tells who is logged in. Every write but search, login, logout, reporting and deputies' comments needs an admin's session: 401 `unauthorized` without one, 403 `forbidden` for another role. Reading needs no login, save the departments (单位) and who answers for which target (`/api/v1/units…`, a target's `assignment`), shown to any logged-in user or API token (401 `unauthorized` otherwise); adding units and assigning targets needs an admin. Reporting (填报): a reporter sees their units' targets (`/api/v1/reporting/targets`), creates, edits and submits values of them (`/api/v1/submissions…`) and attaches evidence files to drafts (`POST /api/v1/submissions/{id}/evidence`, multipart `file`, PDF/images/office documents by content, 10 MB; withdrawn with `POST /api/v1/evidence/{id}/withdraw`, never deleted), which the unit's reporters, reviewers and admins list and download (`GET /api/v1/submissions/{id}/evidence`, `GET /api/v1/evidence/{id}`, always as an attachment); a reviewer or an admin returns (with a comment) or approves submitted ones, and an approved value becomes an actual the evaluation uses; deputies and anonymous visitors get 403/401, and a reporter of another unit finds no submission of it (404). Reporting calendar: `GET /api/v1/documents/{id}/calendar` (any logged-in user) tells in which periods a plan is reported (monthly, quarterly, yearly) and when each is due (yearly by 31 March of the next year where none was set); an admin sets it with `PUT`. 督办: `GET /api/v1/overdue` lists targets with periods past their due date and not approved (reporters their units', reviewers and admins all; `as_of=YYYY-MM-DD` asks about another day); an admin sets a unit's e-mail (`PUT /api/v1/units/{unit}/email`) and sends reminders (`POST /api/v1/reminders`, at most one per unit and target per 24 hours); reviewers and admins mark a target 约谈 or 挂牌督办 and lift the mark (`/api/v1/targets/{id}/escalations…`). Deputies (人大代表) comment on targets (`POST /api/v1/targets/{id}/comments`, deputies only; any logged-in user reads them with `GET`). The public portal: `GET /api/v1/public` (no login) returns only the plans an admin published (`POST /api/v1/publications`, frozen at publish time; `…/{id}/unpublish`). Scripts may instead send `Authorization: Bearer pwt_…`, a per-user API token (`planwatch user token NAME`; revoked by `planwatch user revoke`): such a request is that user's, needs no CSRF token, and a token that is unknown, revoked or malformed (or another Authorization scheme) is refused with 401 `bad_token` on every route."
    ),
    paths(
        health, csrf_token, list_documents, upload, get_document, document_text, document_facts, list_facts,
        list_indicators, get_indicator, get_series, list_assessments, list_findings, search_get,
        search_post, crate::auth::login, crate::auth::logout, crate::auth::me, crate::audit::list,
        crate::units::list, crate::units::add, crate::units::import, crate::units::from_text,
        crate::units::targets, crate::units::get_assignment, crate::units::put_assignment,
        crate::units::delete_assignment, crate::reporting::due, crate::reporting::list,
        crate::reporting::create, crate::reporting::one, crate::reporting::update,
        crate::reporting::submit, crate::reporting::send_back, crate::reporting::approve,
        crate::supervision::put_email, crate::supervision::overdue,
        crate::supervision::send_reminders, crate::supervision::escalations,
        crate::supervision::escalate, crate::supervision::lift, crate::portal::public_api,
        crate::comments::list, crate::comments::add,
        crate::calendar::get_calendar, crate::calendar::put_calendar,
        crate::evidence::attach, crate::evidence::list, crate::evidence::download,
        crate::evidence::withdraw,
        crate::portal::publish_api, crate::portal::unpublish_api
    ),
    components(schemas(
        ErrorBody, Health, CsrfToken, DocumentView, FactView, IndicatorSummary, SeriesView, PointView,
        Assessed, SourceLink, FindingView, EvidenceView, SearchQuery, SearchResults, HitView,
        Piece, UploadOutcome, Page<DocumentView>, Page<FactView>, Page<IndicatorSummary>,
        Page<Assessed>, Page<FindingView>, crate::auth::LoginForm, crate::auth::Me,
        crate::audit::AuditPage, crate::audit::AuditLine, crate::units::UnitView,
        crate::units::UnitImportView, crate::units::FromTextView, crate::units::AssignmentView,
        crate::units::UnitTargetView, crate::units::NewUnitItem, crate::units::AssignBody,
        Page<crate::units::UnitView>, Page<crate::units::UnitTargetView>,
        crate::reporting::SubmissionView, crate::reporting::VersionView,
        crate::reporting::SubmissionDetail, crate::reporting::DueTargetView,
        crate::reporting::NewSubmissionBody, crate::reporting::InputBody,
        crate::reporting::ReviewBody, Page<crate::reporting::SubmissionView>,
        Page<crate::reporting::DueTargetView>, crate::supervision::EmailBody,
        crate::supervision::OverdueView, Page<crate::supervision::OverdueView>,
        crate::supervision::RemindBody, crate::supervision::SentMail,
        crate::supervision::SkippedReminder, crate::supervision::ReminderRun,
        crate::supervision::EscalationView, crate::supervision::EscalateBody,
        crate::supervision::LiftBody, crate::portal::PublicationView,
        crate::comments::CommentView, crate::comments::CommentBody,
        crate::calendar::CalendarView, crate::calendar::CalendarBody,
        crate::calendar::DeadlineView, crate::calendar::DeadlineBody,
        crate::calendar::DuePeriodView, crate::evidence::EvidenceView,
        crate::portal::PublicPlan, crate::portal::FeedbackView, crate::portal::PublishBody
    )),
    tags((name = "planwatch", description = "Plan facts and their evaluation"))
)]
pub struct ApiDoc;

/// Turns a panic in a handler into a JSON 500 without details.
pub fn panic_response(_: Box<dyn Any + Send + 'static>) -> Response {
    tracing::error!("handler panicked");
    ApiError::Internal("handler panicked".into()).into_response()
}

async fn api_not_found() -> ApiError {
    ApiError::NotFound {
        what: "endpoint",
        id: "see /api/v1/openapi.json".into(),
    }
}

/// Health: the store answers a query.
#[utoipa::path(get, path = "/api/v1/health", responses(
    (status = 200, body = Health), (status = 500, body = ErrorBody)))]
async fn health(State(state): State<AppState>) -> ApiResult<Json<Health>> {
    let c = state.counts().await?;
    Ok(Json(Health {
        status: "ok".into(),
        backend: match state.store().backend() {
            planwatch_store::Backend::Sqlite => "sqlite".into(),
            planwatch_store::Backend::Postgres => "postgres".into(),
        },
        documents: c.documents,
        revisions: c.revisions,
        facts: c.facts,
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}

/// A token for state-changing requests: send it back in `X-CSRF-Token`
/// together with the cookie this answer sets (the request's own valid
/// cookie is handed back rather than a new one).
#[utoipa::path(get, path = "/api/v1/csrf", responses(
    (status = 200, body = CsrfToken, headers(("set-cookie" = String, description = "planwatch_csrf=TOKEN; Path=/; SameSite=Strict; HttpOnly (when the request had no valid one)")))))]
async fn csrf_token(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
) -> ApiResult<Response> {
    let (token, cookie) = csrf::token_for(&state, &headers, &uri)?;
    let mut resp = Json(CsrfToken { token }).into_response();
    csrf::attach(&mut resp, cookie);
    Ok(resp)
}

/// Current documents in ingestion order.
#[utoipa::path(get, path = "/api/v1/documents", params(DocQuery), responses(
    (status = 200, body = Page<DocumentView>), (status = 400, body = ErrorBody)))]
async fn list_documents(
    State(state): State<AppState>,
    Query(q): Query<DocQuery>,
) -> ApiResult<Json<Page<DocumentView>>> {
    Ok(Json(views::documents(
        &*state.snapshot().await?,
        &q,
        &Paging::new(q.offset, q.limit),
    )?))
}

/// One document's metadata, by id, file name or id prefix.
#[utoipa::path(get, path = "/api/v1/documents/{id}", params(("id" = String, Path, description = "id, file name or id prefix")),
    responses((status = 200, body = DocumentView), (status = 404, body = ErrorBody)))]
async fn get_document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<DocumentView>> {
    Ok(Json(views::document(&*state.snapshot().await?, &id)?))
}

/// The stored text the facts' offsets refer to (text/plain).
#[utoipa::path(get, path = "/api/v1/documents/{id}/text", params(("id" = String, Path, description = "id, file name or id prefix")),
    responses((status = 200, content_type = "text/plain", body = String), (status = 404, body = ErrorBody)))]
async fn document_text(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let doc = views::document(&*state.snapshot().await?, &id)?;
    let text = state
        .document_text(&doc.id)
        .await?
        .ok_or_else(|| ApiError::NotFound {
            what: "document",
            id: id.clone(),
        })?;
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text).into_response())
}

/// A document's facts in document order.
#[utoipa::path(get, path = "/api/v1/documents/{id}/facts", params(("id" = String, Path, description = "id, file name or id prefix"), Paging),
    responses((status = 200, body = Page<FactView>), (status = 404, body = ErrorBody)))]
async fn document_facts(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(p): Query<Paging>,
) -> ApiResult<Json<Page<FactView>>> {
    let q = FactQuery {
        doc: Some(id),
        ..FactQuery::default()
    };
    Ok(Json(views::facts(&*state.snapshot().await?, &q, &p)?))
}

/// Facts of current documents, filtered as `planwatch facts`.
#[utoipa::path(get, path = "/api/v1/facts", params(FactQuery), responses(
    (status = 200, body = Page<FactView>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_facts(
    State(state): State<AppState>,
    Query(q): Query<FactQuery>,
) -> ApiResult<Json<Page<FactView>>> {
    Ok(Json(views::facts(
        &*state.snapshot().await?,
        &q,
        &Paging::new(q.offset, q.limit),
    )?))
}

/// Indicators with facts.
#[utoipa::path(get, path = "/api/v1/indicators", params(IndicatorQuery), responses(
    (status = 200, body = Page<IndicatorSummary>), (status = 400, body = ErrorBody)))]
async fn list_indicators(
    State(state): State<AppState>,
    Query(q): Query<IndicatorQuery>,
) -> ApiResult<Json<Page<IndicatorSummary>>> {
    Ok(Json(views::indicators(
        &*state.snapshot().await?,
        &q,
        &Paging::new(q.offset, q.limit),
    )?))
}

/// One indicator (any synonym).
#[utoipa::path(get, path = "/api/v1/indicators/{name}", params(("name" = String, Path, description = "canonical name or synonym")),
    responses((status = 200, body = IndicatorSummary), (status = 404, body = ErrorBody)))]
async fn get_indicator(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> ApiResult<Json<IndicatorSummary>> {
    let snap = state.snapshot().await?;
    let (key, _) = snap.resolve_key(&name);
    snap.indicator(&key)
        .cloned()
        .map(Json)
        .ok_or(ApiError::NotFound {
            what: "indicator",
            id: name,
        })
}

/// One indicator's targets and actuals by year, with sources.
#[utoipa::path(get, path = "/api/v1/series/{name}", params(("name" = String, Path, description = "canonical name or synonym"), RegionQuery),
    responses((status = 200, body = SeriesView), (status = 404, body = ErrorBody)))]
async fn get_series(
    State(state): State<AppState>,
    Path(name): Path<String>,
    Query(q): Query<RegionQuery>,
) -> ApiResult<Json<SeriesView>> {
    Ok(Json(views::series(
        &*state.snapshot().await?,
        &name,
        q.region.as_deref(),
    )?))
}

/// Assessments of plan targets (as `planwatch evaluate`).
#[utoipa::path(get, path = "/api/v1/assessments", params(AssessQuery), responses(
    (status = 200, body = Page<Assessed>), (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_assessments(
    State(state): State<AppState>,
    Query(q): Query<AssessQuery>,
) -> ApiResult<Json<Page<Assessed>>> {
    // Assessments are computed on first use per snapshot: off the async workers.
    let snap = state.snapshot().await?;
    let page = state
        .blocking(move |_| views::assessments(&snap, &q, &Paging::new(q.offset, q.limit)))
        .await?;
    Ok(Json(page))
}

/// Plan consistency findings (as `planwatch check`).
#[utoipa::path(get, path = "/api/v1/findings", params(FindingQuery), responses(
    (status = 200, body = Page<FindingView>), (status = 400, body = ErrorBody)))]
async fn list_findings(
    State(state): State<AppState>,
    Query(q): Query<FindingQuery>,
) -> ApiResult<Json<Page<FindingView>>> {
    let snap = state.snapshot().await?;
    let page = state
        .blocking(move |_| views::findings(&snap, &q, &Paging::new(q.offset, q.limit)))
        .await?;
    Ok(Json(page))
}

/// Full-text search (query string).
#[utoipa::path(get, path = "/api/v1/search", params(SearchQuery), responses(
    (status = 200, body = SearchResults), (status = 400, body = ErrorBody)))]
async fn search_get(
    State(state): State<AppState>,
    Query(q): Query<SearchQuery>,
) -> ApiResult<Json<SearchResults>> {
    search_blocking(&state, q).await.map(Json)
}

/// Full-text search (JSON body). It only reads, so it needs no CSRF token.
#[utoipa::path(post, path = "/api/v1/search", request_body = SearchQuery, responses(
    (status = 200, body = SearchResults), (status = 400, body = ErrorBody), (status = 415, body = ErrorBody)))]
async fn search_post(
    State(state): State<AppState>,
    ApiJson(q): ApiJson<SearchQuery>,
) -> ApiResult<Json<SearchResults>> {
    search_blocking(&state, q).await.map(Json)
}

/// A search, on a blocking thread (the index is synchronous).
async fn search_blocking(state: &AppState, q: SearchQuery) -> ApiResult<SearchResults> {
    let snap = state.snapshot().await?;
    state
        .blocking(move |s| views::search(&snap, s.index(), &q))
        .await
}

/// The base name of an uploaded file; names with `..` components, control
/// characters, or nothing left are refused.
pub fn safe_file_name(raw: &str) -> ApiResult<String> {
    let parts: Vec<&str> = raw.split(['/', '\\']).collect();
    if parts.iter().any(|p| p.trim() == "..") {
        return Err(ApiError::bad_request(
            "bad_file_name",
            "file name must not contain '..' path components",
        ));
    }
    let base = parts.last().map(|p| p.trim()).unwrap_or_default();
    if base.is_empty() || base == "." || base.chars().any(char::is_control) || base.len() > 255 {
        return Err(ApiError::bad_request(
            "bad_file_name",
            "file name is empty, too long or has control characters",
        ));
    }
    Ok(base.to_string())
}

/// Upload one document (multipart field `file`, with a file name): it is
/// detected, extracted and stored exactly as `planwatch ingest` does. A file
/// named like a stored document with other content becomes its new revision
/// only with the field `revise` (the name, or `1`); otherwise 409. Needs the
/// CSRF token (`GET /api/v1/csrf`) in `X-CSRF-Token` and its cookie.
#[utoipa::path(post, path = "/api/v1/documents",
    params(("X-CSRF-Token" = String, Header, description = "the token of `GET /api/v1/csrf`, sent with its cookie `planwatch_csrf` (a form may send it as the field `csrf_token` before `file` instead)")),
    request_body(content_type = "multipart/form-data", description = "field `file`: the document (text, HTML, DOCX or PDF); field `revise` (optional): the stored document's name, or 1, to store the file as its new revision; field `csrf_token` (when no `X-CSRF-Token` header): the token, before `file`"),
    responses(
        (status = 201, body = UploadOutcome, description = "stored"),
        (status = 200, body = UploadOutcome, description = "the same text was already stored"),
        (status = 400, body = ErrorBody),
        (status = 403, body = ErrorBody, description = "`cross_origin`: the Origin or Referer is another site's; `csrf`: the token is missing, not this server's or not the cookie's"),
        (status = 409, body = ErrorBody, description = "a document of that name is stored and `revise` was not sent"),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody), (status = 422, body = ErrorBody),
        (status = 503, body = ErrorBody, description = "not read within the server's time limit")))]
async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    gate: Option<Extension<CsrfGate>>,
    viewer: crate::auth::Viewer,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<(StatusCode, Json<UploadOutcome>)> {
    let gate = gate.map(|Extension(g)| g);
    let actor = viewer.user().map(|u| u.name.clone());
    let outcome = read_upload(&state, &headers, gate.as_ref(), actor, multipart).await?;
    let status = if outcome.outcome == "stored" {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(outcome)))
}

/// Reads the multipart field `file` and ingests it (shared by the API and the
/// upload form). `gate` is what [`csrf::layer`] left: without it, or without
/// a matching `csrf_token` field before the file when it asks for one,
/// nothing is read (403). `actor` (the uploading user) is named in the
/// audit trail.
pub async fn read_upload(
    state: &AppState,
    headers: &HeaderMap,
    gate: Option<&CsrfGate>,
    actor: Option<String>,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<UploadOutcome> {
    let Some(gate) = gate else {
        return Err(ApiError::Forbidden {
            code: "csrf",
            message: "the request did not pass the CSRF check".into(),
        });
    };
    let mut token_ok = gate.passed();
    let limit = state.config().max_upload;
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !content_type
        .to_ascii_lowercase()
        .starts_with("multipart/form-data")
    {
        return Err(ApiError::UnsupportedMediaType {
            expected: "multipart/form-data",
        });
    }
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|n| n > limit.saturating_add(64 * 1024)) {
        return Err(ApiError::PayloadTooLarge { limit });
    }
    let mut multipart =
        multipart.map_err(|e| ApiError::bad_request("bad_multipart", e.body_text()))?;
    // The file, and whether its sender chose to store it as a new revision
    // of a stored document of that name (field `revise`: the name, or 1/on).
    let mut file: Option<(String, bytes::Bytes)> = None;
    let mut revise: Option<String> = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| ApiError::multipart(e, limit))?
    {
        if field.name() == Some(csrf::FIELD) && field.file_name().is_none() {
            let value = field
                .text()
                .await
                .map_err(|e| ApiError::multipart(e, limit))?;
            gate.check_field(&value)?;
            token_ok = true;
            continue;
        }
        if field.name() == Some("revise") && field.file_name().is_none() {
            let value = field
                .text()
                .await
                .map_err(|e| ApiError::multipart(e, limit))?;
            revise = Some(value.chars().take(300).collect());
            continue;
        }
        let Some(raw_name) = field.file_name().map(str::to_string) else {
            continue;
        };
        if field.name().is_some_and(|n| n != "file") || file.is_some() {
            continue;
        }
        if !token_ok {
            return Err(CsrfGate::missing_field());
        }
        let name = safe_file_name(&raw_name)?;
        let bytes = field
            .bytes()
            .await
            .map_err(|e| ApiError::multipart(e, limit))?;
        if bytes.len() > limit {
            return Err(ApiError::PayloadTooLarge { limit });
        }
        file = Some((name, bytes));
    }
    if !token_ok {
        return Err(CsrfGate::missing_field());
    }
    let Some((name, bytes)) = file else {
        return Err(ApiError::bad_request(
            "missing_file",
            "no multipart field `file` with a file name",
        ));
    };
    let revise = revise.is_some_and(|r| {
        let r = r.trim();
        r == name || ["1", "on", "true", "yes"].contains(&r)
    });
    let outcome = state.ingest_as(actor, &name, &bytes, revise).await?;
    tracing::info!(name = %name, outcome = %outcome.outcome, facts = outcome.facts, "upload ingested");
    Ok(outcome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_folders_and_refuse_traversal() {
        assert_eq!(safe_file_name("plan.txt").ok().as_deref(), Some("plan.txt"));
        assert_eq!(
            safe_file_name("C:\\Users\\a\\plan.docx").ok().as_deref(),
            Some("plan.docx")
        );
        assert!(safe_file_name("../../etc/passwd").is_err());
        assert!(safe_file_name("a/..\\b").is_err());
        assert!(safe_file_name("dir/").is_err());
        assert!(safe_file_name("a\u{0}b").is_err());
    }
}
