//! Deputies' comments on targets (人大代表, issue 10), over
//! [`planwatch_store::comments`]:
//!
//! - API: `GET /api/v1/targets/{id}/comments` (any logged-in user:
//!   [`crate::auth::MEMBER_READS`]) and `POST` to it (deputies only:
//!   [`crate::auth::ROLE_ROUTES`]), the target as `DOCUMENT#ORD` or
//!   `DOCUMENT:ORD` like its escalations.
//! - Page: a logged-in visitor sees the comments on each target of a
//!   document on its page (`/documents/{id}`, under 代表意见), a deputy the
//!   form that adds one, which posts to `POST /documents/{id}/comment`.
//!
//! Comments are stored, never changed or deleted, and audited by the store.

use std::collections::HashMap;

use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::response::Redirect;
use axum::routing::{get, post};
use axum::Json;
use planwatch_store::{Comment, StoreError};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::api::ApiJson;
use crate::auth::Viewer;
use crate::csrf::CsrfGate;
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::pages::PageError;
use crate::state::AppState;
use crate::supervision::target_of;

/// The routes of comments.
pub fn routes() -> crate::routes::Routes {
    crate::routes::Routes::new()
        .route("/api/v1/targets/{id}/comments", get(list).post(add))
        .route("/documents/{id}/comment", post(add_form))
}

/// A deputy's comment on a target.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CommentView {
    /// Row id.
    pub id: i64,
    /// The target's document key.
    pub document_id: String,
    /// The target's position in its document.
    pub ord: i64,
    /// Where the target is highlighted on its document page.
    pub link: String,
    /// Who wrote it.
    pub author: String,
    /// The text.
    pub body: String,
    /// When (Unix seconds).
    pub created_at: i64,
}

impl From<&Comment> for CommentView {
    fn from(c: &Comment) -> CommentView {
        CommentView {
            id: c.id,
            document_id: c.document_id.clone(),
            ord: c.ord,
            link: format!("/documents/{}#f{}", c.document_id, c.ord),
            author: c.author.clone(),
            body: c.body.clone(),
            created_at: c.created_at,
        }
    }
}

/// A comment to add.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct CommentBody {
    /// The text (1 to 2,000 characters).
    pub body: String,
}

/// The answer a store error gets.
fn store_error(e: StoreError) -> ApiError {
    match e {
        StoreError::NoSuchFact(id) => ApiError::NotFound { what: "fact", id },
        StoreError::Forbidden(message) => ApiError::Forbidden {
            code: "forbidden",
            message,
        },
        StoreError::Comment(m) | StoreError::Unit(m) => ApiError::bad_request("bad_comment", m),
        other => ApiError::Store(other),
    }
}

/// The comments on a target, oldest first (any logged-in user).
#[utoipa::path(get, path = "/api/v1/targets/{id}/comments",
    params(("id" = String, Path, description = "`DOCUMENT#ORD` (`#` as `%23`) or `DOCUMENT:ORD`")),
    responses(
        (status = 200, body = Vec<CommentView>),
        (status = 401, body = ErrorBody, description = "not logged in"),
        (status = 404, body = ErrorBody, description = "no such document or target")))]
pub async fn list(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<CommentView>>> {
    let fact = target_of(&state, &id).await?;
    let list = state
        .on_store(store_error, move |s| async move { s.comments(&fact).await })
        .await?;
    Ok(Json(list.iter().map(CommentView::from).collect()))
}

/// Adds a deputy's comment on a target; audited.
#[utoipa::path(post, path = "/api/v1/targets/{id}/comments",
    params(("id" = String, Path, description = "`DOCUMENT#ORD` (`#` as `%23`) or `DOCUMENT:ORD`"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    request_body = CommentBody,
    responses(
        (status = 201, body = CommentView),
        (status = 400, body = ErrorBody, description = "`bad_comment`: empty or too long, or a fact that is no target"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody, description = "not a deputy"),
        (status = 404, body = ErrorBody, description = "no such document or target"), (status = 415, body = ErrorBody)))]
pub async fn add(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CommentBody>,
) -> ApiResult<(StatusCode, Json<CommentView>)> {
    let user = viewer.required()?;
    let fact = target_of(&state, &id).await?;
    let c = state
        .on_store(store_error, move |s| async move {
            s.add_comment(&fact, &body.body, &user).await
        })
        .await?;
    Ok((StatusCode::CREATED, Json(CommentView::from(&c))))
}

/// The comments on the targets of document `document_id`, for a logged-in visitor.
pub(crate) async fn for_document(
    state: &AppState,
    viewer: &Viewer,
    document_id: &str,
) -> ApiResult<Vec<CommentView>> {
    if viewer.user().is_none() {
        return Ok(Vec::new());
    }
    let id = document_id.to_string();
    let list = state
        .on_store(store_error, move |s| async move {
            s.document_comments(&id).await
        })
        .await?;
    Ok(list.iter().map(CommentView::from).collect())
}

/// The document page's comment form (deputies): fields `ord` and `body`;
/// back to the comments on the page.
async fn add_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    req: Request,
) -> Result<Redirect, PageError> {
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let fields: HashMap<String, String> = crate::auth::form_fields(&state, req).await?;
    crate::auth::check_csrf(gate.as_ref(), &fields)?;
    let user = viewer.required()?;
    let ord = fields
        .get("ord")
        .and_then(|o| o.trim().trim_start_matches('#').parse::<i64>().ok())
        .ok_or_else(|| ApiError::bad_request("bad_form", "请选择目标"))?;
    let fact = crate::units::target(&state, &id, ord).await?;
    let body = fields.get("body").cloned().unwrap_or_default();
    let doc = fact.doc.clone();
    let c = state
        .on_store(store_error, move |s| async move {
            s.add_comment(&fact, &body, &user).await
        })
        .await?;
    Ok(Redirect::to(&format!("/documents/{doc}#comment-{}", c.id)))
}
