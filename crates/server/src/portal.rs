//! The public portal (issue 10), over [`planwatch_store::portal`]:
//!
//! - An admin publishes a frozen snapshot of one plan's evaluation (the
//!   form `POST /publish` on `/public`, or `POST /api/v1/publications`) and
//!   unpublishes it (`POST /api/v1/publications/{id}/unpublish`, or the same
//!   form). The snapshot is made at publish time from the server's
//!   evaluation ([`freeze`]): the plan's targets with their status (in
//!   Chinese, from `planwatch_evaluate`), and each indicator's chart data.
//! - Anyone, without logging in, reads the published snapshots only:
//!   `/public` (the list), `/public/plans/{id}` (a snapshot: targets,
//!   statuses, a chart of the statuses), `/public/indicators/{name}` (an
//!   indicator across the published snapshots, with its chart) and
//!   `GET /api/v1/public` (JSON). Nothing unpublished is read there.
//! - Visitors send feedback from those pages (`POST /public/feedback`, a
//!   form with the CSRF token; [`FEEDBACK_LIMIT`] per [`FEEDBACK_WINDOW`] per
//!   client address ([`crate::client`]: the peer, or behind a configured
//!   proxy the client its `X-Forwarded-For` names), 429 beyond): stored pending, shown only once a
//!   moderator (a reviewer or an admin) approves it at `/feedback`.
//!
//! The portal's pages carry a CSRF token and change without a new document,
//! so they are never cached ([`UNCACHED`]).

use std::collections::{BTreeMap, HashMap};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Json;
use planwatch_store::{Feedback, FeedbackStatus, Publication, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use utoipa::ToSchema;

use crate::api::ApiJson;
use crate::auth::Viewer;
use crate::csrf::{self, CsrfGate};
use crate::error::{id_from_path, ApiError, ApiResult, ErrorBody};
use crate::pages::{render, PageError};
use crate::snapshot::Snapshot;
use crate::state::AppState;
use crate::views::{self, RegionQuery};

/// Feedback one client address may send per [`FEEDBACK_WINDOW`].
pub const FEEDBACK_LIMIT: u32 = 5;
/// The window of [`FEEDBACK_LIMIT`].
pub const FEEDBACK_WINDOW: Duration = Duration::from_secs(10 * 60);

/// Routes whose answers are never cached: they carry a CSRF token or
/// change with publications and moderation, not with the documents.
pub const UNCACHED: &[&str] = &[
    "/public",
    "/public/plans/{id}",
    "/public/indicators/{name}",
    "/api/v1/public",
    "/feedback",
];

/// The routes of the portal.
pub fn routes() -> crate::routes::Routes {
    crate::routes::Routes::new()
        .route("/api/v1/public", get(public_api))
        .route("/api/v1/publications", post(publish_api))
        .route("/api/v1/publications/{id}/unpublish", post(unpublish_api))
        .route("/public", get(public_page))
        .route("/public/plans/{id}", get(plan_page))
        .route("/public/indicators/{name}", get(indicator_page))
        .route("/public/feedback", post(feedback_form))
        .route("/publish", post(publish_form))
        .route("/feedback", get(moderation_page))
        .route("/feedback/{id}", post(moderate_form))
}

/// Feedback sent by client address, in the current window of each.
#[derive(Default)]
pub(crate) struct FeedbackLimiter {
    by_addr: Mutex<HashMap<Option<IpAddr>, (Instant, u32)>>,
}

impl FeedbackLimiter {
    /// Counts one from `addr`; false when it has used up its window.
    fn take(&self, addr: Option<IpAddr>) -> bool {
        let Ok(mut map) = self.by_addr.lock() else {
            return false;
        };
        if map.len() > 100_000 {
            map.retain(|_, (start, _)| start.elapsed() < FEEDBACK_WINDOW);
        }
        let e = map.entry(addr).or_insert((Instant::now(), 0));
        if e.0.elapsed() >= FEEDBACK_WINDOW {
            *e = (Instant::now(), 0);
        }
        if e.1 >= FEEDBACK_LIMIT {
            return false;
        }
        e.1 += 1;
        true
    }
}

/// A publication as the API shows it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicationView {
    /// Row id.
    pub id: i64,
    /// The plan's document key.
    pub document_id: String,
    /// Title.
    pub title: String,
    /// Who published it.
    pub published_by: String,
    /// When (Unix seconds).
    pub published_at: i64,
    /// Whether it is shown publicly.
    pub published: bool,
    /// Who unpublished it.
    pub unpublished_by: Option<String>,
    /// When.
    pub unpublished_at: Option<i64>,
    /// Its public page.
    pub link: String,
}

impl From<&Publication> for PublicationView {
    fn from(p: &Publication) -> PublicationView {
        PublicationView {
            id: p.id,
            document_id: p.document_id.clone(),
            title: p.title.clone(),
            published_by: p.published_by.clone(),
            published_at: p.published_at,
            published: p.published(),
            unpublished_by: p.unpublished_by.clone(),
            unpublished_at: p.unpublished_at,
            link: format!("/public/plans/{}", p.id),
        }
    }
}

/// A published snapshot, as anonymous visitors get it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PublicPlan {
    /// The publication's id.
    pub id: i64,
    /// Title.
    pub title: String,
    /// When it was published (Unix seconds).
    pub published_at: i64,
    /// The frozen evaluation: `document`, `counts`, `targets`, `indicators`.
    #[schema(value_type = Object)]
    pub snapshot: Value,
    /// Approved feedback on it, oldest first.
    pub feedback: Vec<FeedbackView>,
}

/// Feedback as shown.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FeedbackView {
    /// Row id.
    pub id: i64,
    /// The publication it is on.
    pub publication_id: i64,
    /// The indicator it is on.
    pub indicator: Option<String>,
    /// The name the visitor gave.
    pub author: Option<String>,
    /// The text.
    pub body: String,
    /// `pending`, `approved` or `rejected`.
    pub status: String,
    /// In Chinese.
    pub status_zh: String,
    /// When it was sent.
    pub created_at: i64,
    /// Who moderated it.
    pub moderated_by: Option<String>,
}

impl From<&Feedback> for FeedbackView {
    fn from(f: &Feedback) -> FeedbackView {
        FeedbackView {
            id: f.id,
            publication_id: f.publication_id,
            indicator: f.indicator.clone(),
            author: f.author.clone(),
            body: f.body.clone(),
            status: f.status.as_str().to_string(),
            status_zh: f.status.label_zh().to_string(),
            created_at: f.created_at,
            moderated_by: f.moderated_by.clone(),
        }
    }
}

/// What to publish.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct PublishBody {
    /// The plan document (id, file name or id prefix).
    pub document_id: String,
    /// Title shown (default: the document's title or name).
    #[serde(default)]
    pub title: Option<String>,
}

fn store_error(e: StoreError) -> ApiError {
    match e {
        StoreError::NoSuchPublication(id) => ApiError::NotFound {
            what: "publication",
            id: id.to_string(),
        },
        StoreError::NoSuchFeedback(id) => ApiError::NotFound {
            what: "feedback",
            id: id.to_string(),
        },
        StoreError::Forbidden(message) => ApiError::Forbidden {
            code: "forbidden",
            message,
        },
        StoreError::Portal(m) => ApiError::bad_request("bad_request", m),
        other => ApiError::Store(other),
    }
}

/// The frozen evaluation of the plan `doc_id`: the document, each target's
/// assessment (status in Chinese), counts by status, and each indicator's
/// chart data (as the indicator page draws it), as of now.
pub fn freeze(snap: &Snapshot, doc_id: &str) -> ApiResult<Value> {
    let doc = snap.doc(doc_id).ok_or_else(|| ApiError::NotFound {
        what: "document",
        id: doc_id.chars().take(200).collect(),
    })?;
    let assessed = crate::evaluation::assess_plan(snap, &doc.id);
    let mut counts: BTreeMap<(u8, &'static str), (String, usize)> = BTreeMap::new();
    let mut targets = Vec::new();
    let mut charts: Vec<Value> = Vec::new();
    let mut seen: Vec<(String, Option<String>)> = Vec::new();
    for a in &assessed {
        let status = a.assessment.status;
        let colour = serde_json::to_value(a.assessment.colour).unwrap_or(Value::Null);
        let e = counts
            .entry((status as u8, status.label_zh()))
            .or_insert((colour.as_str().unwrap_or("").to_string(), 0));
        e.1 += 1;
        targets.push(json!({
            "indicator": a.indicator,
            "as_written": a.as_written,
            "domain": a.domain,
            "region": a.region,
            "year": a.year,
            "binding": a.binding,
            "target_words": a.target_value_words,
            "base_words": a.base_words,
            "latest_words": a.latest_words,
            "status": serde_json::to_value(status).unwrap_or(Value::Null),
            "status_zh": status.label_zh(),
            "colour": colour,
            "explanation": a.assessment.explanation,
            "quote": a.quote,
        }));
        let key = (a.indicator.clone(), a.region.clone());
        if !seen.contains(&key) {
            seen.push(key);
            let q = RegionQuery {
                region: a.region.clone(),
            };
            if let Ok(p) = views::indicators::indicator_page(snap, &a.indicator, &q) {
                charts.push(json!({ "name": a.indicator, "region": a.region, "chart": p.chart }));
            }
        }
    }
    Ok(json!({
        "document": {
            "id": doc.id,
            "name": doc.name,
            "title": doc.info.title,
            "region": doc.info.region,
            "period_start": doc.info.period_start,
            "period_end": doc.info.period_end,
        },
        "counts": counts.into_iter().map(|((_, zh), (colour, n))| json!({"status_zh": zh, "colour": colour, "n": n})).collect::<Vec<_>>(),
        "targets": targets,
        "indicators": charts,
    }))
}

async fn publish(
    state: &AppState,
    viewer: &Viewer,
    doc: &str,
    title: Option<String>,
) -> ApiResult<Publication> {
    let user = viewer.required()?;
    let snap = state.snapshot().await?;
    let key = doc.to_string();
    let (doc_id, default_title, frozen) = state
        .blocking(move |_| {
            let d = snap.doc(&key).ok_or_else(|| ApiError::NotFound {
                what: "document",
                id: key.chars().take(200).collect(),
            })?;
            let frozen = freeze(&snap, &d.id)?;
            Ok((
                d.id.clone(),
                d.info.title.clone().unwrap_or_else(|| d.name.clone()),
                frozen,
            ))
        })
        .await?;
    let title = title
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .unwrap_or(default_title);
    let text = frozen.to_string();
    let p = state
        .on_store(store_error, move |s| async move {
            s.publish(&doc_id, &title, &text, &user.name).await
        })
        .await?;
    tracing::info!(publication = p.id, document = %p.document_id, "plan published");
    Ok(p)
}

async fn unpublish(state: &AppState, viewer: &Viewer, id: i64) -> ApiResult<Publication> {
    let user = viewer.required()?;
    state
        .on_store(store_error, move |s| async move {
            s.unpublish(id, &user.name).await
        })
        .await
}

/// Publishes a frozen snapshot of a plan's evaluation (admins).
#[utoipa::path(post, path = "/api/v1/publications",
    params(("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    request_body = PublishBody,
    responses(
        (status = 201, body = PublicationView),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such document"), (status = 415, body = ErrorBody)))]
pub async fn publish_api(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiJson(body): ApiJson<PublishBody>,
) -> ApiResult<(StatusCode, Json<PublicationView>)> {
    let p = publish(&state, &viewer, &body.document_id, body.title).await?;
    Ok((StatusCode::CREATED, Json(PublicationView::from(&p))))
}

/// Unpublishes a snapshot (kept, no longer shown; admins).
#[utoipa::path(post, path = "/api/v1/publications/{id}/unpublish",
    params(("id" = i64, Path, description = "the publication's id"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    responses(
        (status = 200, body = PublicationView),
        (status = 400, body = ErrorBody, description = "unpublished already"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody)))]
pub async fn unpublish_api(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<Json<PublicationView>> {
    let p = unpublish(&state, &viewer, id_from_path(&id, "publication")?).await?;
    Ok(Json(PublicationView::from(&p)))
}

/// The published snapshots with their approved feedback, newest first.
async fn published(state: &AppState) -> ApiResult<Vec<PublicPlan>> {
    let (pubs, feedback) = state
        .on_store(store_error, |s| async move {
            let pubs = s.publications(false).await?;
            let feedback = s.feedback(Some(FeedbackStatus::Approved), None).await?;
            Ok((pubs, feedback))
        })
        .await?;
    Ok(pubs
        .iter()
        .map(|p| PublicPlan {
            id: p.id,
            title: p.title.clone(),
            published_at: p.published_at,
            snapshot: serde_json::from_str(&p.snapshot).unwrap_or(Value::Null),
            feedback: feedback
                .iter()
                .rev()
                .filter(|f| f.publication_id == p.id)
                .map(FeedbackView::from)
                .collect(),
        })
        .collect())
}

/// Every published snapshot (no login): frozen evaluations of plans and
/// their approved feedback. Unpublished ones are never shown.
#[utoipa::path(get, path = "/api/v1/public", responses((status = 200, body = Vec<PublicPlan>)))]
pub async fn public_api(State(state): State<AppState>) -> ApiResult<Json<Vec<PublicPlan>>> {
    Ok(Json(published(&state).await?))
}

/// `?feedback=sent` after the form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SentQuery {
    #[serde(default, deserialize_with = "views::opt")]
    feedback: Option<String>,
}

fn page_response(
    state: &AppState,
    headers: &HeaderMap,
    uri: &Uri,
    template: &str,
    ctx: Value,
) -> Result<Response, PageError> {
    let (csrf_token, cookie) = csrf::token_for(state, headers, uri)?;
    let mut ctx = ctx;
    if let Some(m) = ctx.as_object_mut() {
        m.insert("csrf_token".into(), Value::String(csrf_token));
    }
    let html = render(state, template, minijinja::Value::from_serialize(&ctx))?;
    let mut resp = html.into_response();
    csrf::attach(&mut resp, cookie);
    Ok(resp)
}

/// 公开: the published plans; for an admin, the publish form.
async fn public_page(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    uri: Uri,
) -> Result<Response, PageError> {
    let plans = published(&state).await?;
    let admin = viewer.is_admin();
    let (candidates, all) = if admin {
        let snap = state.snapshot().await?;
        let candidates: Vec<Value> = snap
            .plans(None)
            .iter()
            .map(|d| json!({"id": d.id, "name": d.info.title.clone().unwrap_or_else(|| d.name.clone())}))
            .collect();
        let all = state
            .on_store(store_error, |s| async move { s.publications(true).await })
            .await?;
        (
            candidates,
            all.iter().map(PublicationView::from).collect::<Vec<_>>(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let list: Vec<Value> = plans
        .iter()
        .map(|p| {
            json!({
                "id": p.id, "title": p.title, "published_at": p.published_at,
                "targets": p.snapshot["targets"].as_array().map_or(0, Vec::len),
                "counts": p.snapshot["counts"],
            })
        })
        .collect();
    page_response(
        &state,
        &headers,
        &uri,
        "public.html",
        json!({ "nav": {"current": "public"}, "plans": list, "admin": admin, "candidates": candidates, "all": all }),
    )
}

/// A published snapshot: targets, statuses, chart, approved feedback, the form.
async fn plan_page(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    crate::api::Query(q): crate::api::Query<SentQuery>,
) -> Result<Response, PageError> {
    let id = id_from_path(&id, "publication")?;
    let plan = published(&state)
        .await?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or_else(|| ApiError::NotFound {
            what: "publication",
            id: id.to_string(),
        })?;
    let chart = json!({
        "labels": plan.snapshot["counts"].as_array().map(|a| a.iter().map(|c| c["status_zh"].clone()).collect::<Vec<_>>()),
        "values": plan.snapshot["counts"].as_array().map(|a| a.iter().map(|c| c["n"].clone()).collect::<Vec<_>>()),
    });
    page_response(
        &state,
        &headers,
        &uri,
        "public_plan.html",
        json!({
            "nav": {"current": "public"}, "plan": plan, "chart": chart,
            "sent": q.feedback.as_deref() == Some("sent"),
        }),
    )
}

/// An indicator across the published snapshots, with its chart.
async fn indicator_page(
    State(state): State<AppState>,
    Path(name): Path<String>,
    headers: HeaderMap,
    uri: Uri,
    crate::api::Query(q): crate::api::Query<SentQuery>,
) -> Result<Response, PageError> {
    let plans = published(&state).await?;
    let mut rows = Vec::new();
    let mut chart = Value::Null;
    let mut publication = None;
    let mut feedback = Vec::new();
    for p in &plans {
        let targets: Vec<&Value> = p.snapshot["targets"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|t| t["indicator"] == name.as_str())
                    .collect()
            })
            .unwrap_or_default();
        if targets.is_empty() {
            continue;
        }
        publication.get_or_insert(p.id);
        for t in targets {
            rows.push(json!({ "plan": p.title, "plan_id": p.id, "target": t }));
        }
        if chart.is_null() {
            if let Some(c) = p.snapshot["indicators"]
                .as_array()
                .and_then(|a| a.iter().find(|c| c["name"] == name.as_str()))
            {
                chart = c["chart"].clone();
            }
        }
        feedback.extend(
            p.feedback
                .iter()
                .filter(|f| f.indicator.as_deref() == Some(name.as_str()))
                .cloned(),
        );
    }
    let Some(publication) = publication else {
        return Err(PageError(ApiError::NotFound {
            what: "published indicator",
            id: name.chars().take(200).collect(),
        }));
    };
    page_response(
        &state,
        &headers,
        &uri,
        "public_indicator.html",
        json!({
            "nav": {"current": "public"}, "name": name, "rows": rows, "chart": chart,
            "publication": publication, "feedback": feedback,
            "sent": q.feedback.as_deref() == Some("sent"),
        }),
    )
}

/// The feedback form: `publication`, `indicator` (optional), `author`
/// (optional), `body`, `csrf_token`. Back to the page it came from.
async fn feedback_form(State(state): State<AppState>, req: Request) -> Result<Redirect, PageError> {
    let addr = state.client_addr(req.extensions(), req.headers());
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let fields = crate::auth::form_fields(&state, req).await?;
    crate::auth::check_csrf(gate.as_ref(), &fields)?;
    if !state.feedback_limiter().take(addr) {
        return Err(PageError(ApiError::TooManyRequests {
            code: "too_many_feedback",
            message: "留言过于频繁：每 10 分钟最多 5 条，请稍后再试。".into(),
        }));
    }
    let publication = fields
        .get("publication")
        .map(|p| id_from_path(p, "publication"))
        .transpose()?
        .ok_or_else(|| ApiError::bad_request("bad_form", "缺少所留言的公开规划"))?;
    let indicator = fields
        .get("indicator")
        .cloned()
        .filter(|s| !s.trim().is_empty());
    let author = fields.get("author").cloned();
    let body = fields.get("body").cloned().unwrap_or_default();
    let on = indicator.clone();
    state
        .on_store(store_error, move |s| async move {
            s.add_feedback(publication, on.as_deref(), author.as_deref(), &body)
                .await
        })
        .await?;
    Ok(Redirect::to(&match indicator {
        Some(i) => format!(
            "/public/indicators/{}?feedback=sent",
            form_urlencoded::byte_serialize(i.as_bytes()).collect::<String>()
        ),
        None => format!("/public/plans/{publication}?feedback=sent"),
    }))
}

/// The admin's form on `/public`: `action` = `publish` (`document`,
/// optional `title`) or `unpublish` (`id`).
async fn publish_form(
    State(state): State<AppState>,
    viewer: Viewer,
    req: Request,
) -> Result<Redirect, PageError> {
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let fields = crate::auth::form_fields(&state, req).await?;
    crate::auth::check_csrf(gate.as_ref(), &fields)?;
    match fields.get("action").map(String::as_str) {
        Some("unpublish") => {
            let id = fields
                .get("id")
                .map(|i| id_from_path(i, "publication"))
                .transpose()?
                .ok_or_else(|| ApiError::bad_request("bad_form", "缺少公开编号"))?;
            unpublish(&state, &viewer, id).await?;
            Ok(Redirect::to("/public"))
        }
        _ => {
            let doc = fields
                .get("document")
                .filter(|d| !d.trim().is_empty())
                .ok_or_else(|| ApiError::bad_request("bad_form", "请选择要公开的规划"))?;
            let p = publish(&state, &viewer, doc, fields.get("title").cloned()).await?;
            Ok(Redirect::to(&format!("/public/plans/{}", p.id)))
        }
    }
}

/// The moderation page (reviewers and admins): pending feedback with
/// approve and reject buttons, and the latest moderated.
async fn moderation_page(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
) -> Result<Response, PageError> {
    let all = state
        .on_store(store_error, |s| async move { s.feedback(None, None).await })
        .await?;
    let (mut pending, done): (Vec<&Feedback>, Vec<&Feedback>) = all
        .iter()
        .partition(|f| f.status == FeedbackStatus::Pending);
    pending.reverse();
    let pending: Vec<FeedbackView> = pending.into_iter().map(FeedbackView::from).collect();
    let done: Vec<FeedbackView> = done.into_iter().take(50).map(FeedbackView::from).collect();
    page_response(
        &state,
        &headers,
        &uri,
        "feedback.html",
        json!({ "nav": {"current": "feedback"}, "pending": pending, "done": done }),
    )
}

/// The moderation forms: `action` = `approve` or `reject`.
async fn moderate_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    req: Request,
) -> Result<Redirect, PageError> {
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let fields = crate::auth::form_fields(&state, req).await?;
    crate::auth::check_csrf(gate.as_ref(), &fields)?;
    let user = viewer.required()?;
    let id = id_from_path(&id, "feedback")?;
    let approve = match fields.get("action").map(String::as_str) {
        Some("approve") => true,
        Some("reject") => false,
        _ => {
            return Err(PageError(ApiError::bad_request(
                "bad_form",
                "请选择公开或不采纳",
            )))
        }
    };
    state
        .on_store(store_error, move |s| async move {
            s.moderate_feedback(id, approve, &user).await
        })
        .await?;
    Ok(Redirect::to("/feedback"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limiter_counts_per_address() {
        let l = FeedbackLimiter::default();
        let a: Option<IpAddr> = "10.0.0.1".parse().ok();
        let b: Option<IpAddr> = "10.0.0.2".parse().ok();
        for _ in 0..FEEDBACK_LIMIT {
            assert!(l.take(a));
        }
        assert!(!l.take(a));
        assert!(l.take(b));
    }
}
