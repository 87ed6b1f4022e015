//! Evidence files on submissions (佐证材料, issue 10), over
//! [`planwatch_store::evidence`]:
//!
//! - API: `POST /api/v1/submissions/{id}/evidence` (a reporter of the
//!   unit, multipart field `file`, at most 10 MB) and
//!   `POST /api/v1/evidence/{id}/withdraw` (the same); `GET
//!   /api/v1/submissions/{id}/evidence` (the list, withdrawn ones marked)
//!   and `GET /api/v1/evidence/{id}` (the file) for whoever reads the
//!   submission (its unit's reporters, reviewers, admins). Who may send
//!   each is [`crate::auth::ROLE_ROUTES`]; which submission is whose is the
//!   store's check (another unit's reporter gets 404).
//! - Pages: the 填报 page lists a draft's files with an upload form
//!   (`POST /fill/{id}/evidence`) and a withdraw button each
//!   (`POST /fill/evidence/{id}/withdraw`), with the CSRF token; the 审核
//!   page links each submitted value's files.
//!
//! A file is always served as a download: `Content-Disposition:
//! attachment`, the type its content was sniffed as (never HTML or SVG:
//! the store refuses them), `X-Content-Type-Options: nosniff` and a
//! sandboxing `Content-Security-Policy`, never cached.

use std::collections::HashMap;

use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Extension, Multipart, Path, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Json;
use planwatch_store::evidence::MAX_EVIDENCE_BYTES;
use planwatch_store::{Evidence, StoreError, User};
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Viewer;
use crate::csrf::CsrfGate;
use crate::error::{id_from_path, ApiError, ApiResult, ErrorBody};
use crate::pages::PageError;
use crate::state::AppState;

/// The routes of evidence files.
pub fn routes() -> crate::routes::Routes {
    let limit = DefaultBodyLimit::max(MAX_EVIDENCE_BYTES + 64 * 1024);
    crate::routes::Routes::new()
        .route(
            "/api/v1/submissions/{id}/evidence",
            get(list).post(attach).layer(limit),
        )
        .route("/api/v1/evidence/{id}", get(download))
        .route("/api/v1/evidence/{id}/withdraw", post(withdraw))
        .route("/fill/{id}/evidence", post(attach_form).layer(limit))
        .route("/fill/evidence/{id}/withdraw", post(withdraw_form))
}

/// An evidence file's record.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct EvidenceView {
    /// Row id.
    pub id: i64,
    /// The submission it is attached to.
    pub submission_id: i64,
    /// Its name as uploaded (cleaned).
    pub name: String,
    /// The type its content was read as.
    pub content_type: String,
    /// Size in bytes.
    pub size: i64,
    /// SHA-256 of its content (hex).
    pub sha256: String,
    /// Who attached it.
    pub uploaded_by: String,
    /// When (Unix seconds).
    pub uploaded_at: i64,
    /// Whether it was withdrawn (kept, marked).
    pub withdrawn: bool,
    /// Who withdrew it.
    pub withdrawn_by: Option<String>,
    /// When.
    pub withdrawn_at: Option<i64>,
    /// Where to download it.
    pub link: String,
}

impl From<&Evidence> for EvidenceView {
    fn from(e: &Evidence) -> EvidenceView {
        EvidenceView {
            id: e.id,
            submission_id: e.submission_id,
            name: e.name.clone(),
            content_type: e.content_type.clone(),
            size: e.size,
            sha256: e.sha256.clone(),
            uploaded_by: e.uploaded_by.clone(),
            uploaded_at: e.uploaded_at,
            withdrawn: !e.active(),
            withdrawn_by: e.withdrawn_by.clone(),
            withdrawn_at: e.withdrawn_at,
            link: format!("/api/v1/evidence/{}", e.id),
        }
    }
}

/// The answer a store error gets.
fn store_error(e: StoreError) -> ApiError {
    match e {
        StoreError::NoSuchEvidence(id) => ApiError::NotFound {
            what: "evidence",
            id: id.to_string(),
        },
        StoreError::NoSuchSubmission(id) => ApiError::NotFound {
            what: "submission",
            id: id.to_string(),
        },
        StoreError::Forbidden(message) => ApiError::Forbidden {
            code: "forbidden",
            message,
        },
        StoreError::Evidence(m) => ApiError::bad_request("bad_evidence", m),
        StoreError::Submission(m) => ApiError::bad_request("bad_submission", m),
        other => ApiError::Store(other),
    }
}

async fn attach_file(
    state: &AppState,
    viewer: &Viewer,
    id: &str,
    headers: &HeaderMap,
    gate: Option<Extension<CsrfGate>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<Evidence> {
    let user = viewer.required()?;
    let id = id_from_path(id, "submission")?;
    let gate = gate.map(|Extension(g)| g);
    let (name, bytes) = crate::units::form_with_file(
        gate.as_ref(),
        headers,
        multipart,
        MAX_EVIDENCE_BYTES,
        "evidence",
    )
    .await?;
    let e = state
        .on_store(store_error, move |s| async move {
            s.attach_evidence(id, &name, &bytes, &user).await
        })
        .await?;
    tracing::info!(
        submission = id,
        evidence = e.id,
        size = e.size,
        "evidence attached"
    );
    Ok(e)
}

async fn withdraw_one(state: &AppState, user: User, id: i64) -> ApiResult<Evidence> {
    state
        .on_store(store_error, move |s| async move {
            s.withdraw_evidence(id, &user).await
        })
        .await
}

/// The evidence files of each of `ids` that `user` may read, by id (as text, for templates).
pub(crate) async fn for_submissions(
    state: &AppState,
    user: &User,
    ids: Vec<i64>,
) -> ApiResult<HashMap<String, Vec<EvidenceView>>> {
    let user = user.clone();
    state
        .on_store(store_error, move |s| async move {
            let mut out = HashMap::new();
            for id in ids {
                let list = s.evidence_of(id, &user).await?;
                out.insert(
                    id.to_string(),
                    list.iter().map(EvidenceView::from).collect(),
                );
            }
            Ok(out)
        })
        .await
}

/// Attaches a file to a draft or returned submission: a reporter of its
/// unit. PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, PPTX, ODT, ODS, DOC, XLS
/// or PPT by its content (not its name), at most 10 MB.
#[utoipa::path(post, path = "/api/v1/submissions/{id}/evidence",
    params(("id" = i64, Path, description = "the submission"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf` (or the field `csrf_token` before `file`)")),
    request_body(content_type = "multipart/form-data", description = "field `file`: the file, at most 10 MB"),
    responses(
        (status = 201, body = EvidenceView),
        (status = 400, body = ErrorBody, description = "`bad_evidence`: empty, of a type not accepted, named as another type, too many; `bad_submission`: not a draft; `missing_file`"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such submission (or another unit's)"),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody)))]
pub async fn attach(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    headers: HeaderMap,
    gate: Option<Extension<CsrfGate>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<(StatusCode, Json<EvidenceView>)> {
    let e = attach_file(&state, &viewer, &id, &headers, gate, multipart).await?;
    Ok((StatusCode::CREATED, Json(EvidenceView::from(&e))))
}

/// The evidence files of a submission, oldest first, withdrawn ones marked.
#[utoipa::path(get, path = "/api/v1/submissions/{id}/evidence",
    params(("id" = i64, Path, description = "the submission")),
    responses(
        (status = 200, body = Vec<EvidenceView>),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such submission (or another unit's)")))]
pub async fn list(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<Json<Vec<EvidenceView>>> {
    let user = viewer.required()?;
    let id = id_from_path(&id, "submission")?;
    let list = state
        .on_store(store_error, move |s| async move {
            s.evidence_of(id, &user).await
        })
        .await?;
    Ok(Json(list.iter().map(EvidenceView::from).collect()))
}

/// `name` for a `Content-Disposition` header: an ASCII fallback and the
/// UTF-8 name percent-encoded (RFC 6266 / 5987).
fn disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = name
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"._-".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// An evidence file, as a download, for whoever reads its submission.
#[utoipa::path(get, path = "/api/v1/evidence/{id}",
    params(("id" = i64, Path, description = "the evidence file")),
    responses(
        (status = 200, description = "the file, `Content-Disposition: attachment`", content_type = "application/octet-stream"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such file (or another unit's)")))]
pub async fn download(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<Response> {
    let user = viewer.required()?;
    let id = id_from_path(&id, "evidence")?;
    let (e, bytes) = state
        .on_store(store_error, move |s| async move {
            s.evidence_file(id, &user).await
        })
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, e.content_type.clone()),
            (header::CONTENT_DISPOSITION, disposition(&e.name)),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; sandbox".to_string(),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_string()),
        ],
        bytes,
    )
        .into_response())
}

/// Withdraws an evidence file of a draft or returned submission (a
/// reporter of its unit): it stays, marked withdrawn.
#[utoipa::path(post, path = "/api/v1/evidence/{id}/withdraw",
    params(("id" = i64, Path, description = "the evidence file"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    responses(
        (status = 200, body = EvidenceView),
        (status = 400, body = ErrorBody, description = "withdrawn already, or the submission is no longer a draft"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such file (or another unit's)")))]
pub async fn withdraw(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
) -> ApiResult<Json<EvidenceView>> {
    let user = viewer.required()?;
    let id = id_from_path(&id, "evidence")?;
    let e = withdraw_one(&state, user, id).await?;
    Ok(Json(EvidenceView::from(&e)))
}

/// The 填报 page's upload form (`csrf_token`, then `file`); back to the page.
async fn attach_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    headers: HeaderMap,
    gate: Option<Extension<CsrfGate>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Redirect, PageError> {
    let e = attach_file(&state, &viewer, &id, &headers, gate, multipart).await?;
    Ok(Redirect::to(&format!("/fill#evidence-{}", e.submission_id)))
}

/// The 填报 page's withdraw button; back to the page.
async fn withdraw_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    req: Request,
) -> Result<Redirect, PageError> {
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let fields: HashMap<String, String> = crate::auth::form_fields(&state, req).await?;
    crate::auth::check_csrf(gate.as_ref(), &fields)?;
    let user = viewer.required()?;
    let id = id_from_path(&id, "evidence")?;
    let e = withdraw_one(&state, user, id).await?;
    Ok(Redirect::to(&format!("/fill#evidence-{}", e.submission_id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_safely() {
        assert_eq!(
            disposition("统计表 2024.pdf"),
            "attachment; filename=\"____2024.pdf\"; filename*=UTF-8''%E7%BB%9F%E8%AE%A1%E8%A1%A8%202024.pdf"
        );
    }
}
