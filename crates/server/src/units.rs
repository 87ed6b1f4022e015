//! Departments (单位) and the targets assigned to them (issue 10), over
//! [`planwatch_store::units`]:
//!
//! - API: `GET /api/v1/units` and `GET /api/v1/units/{unit}/targets` (any
//!   logged-in user or API token: [`crate::auth::MEMBER_READS`]);
//!   `POST /api/v1/units` (a JSON list of names), `POST /api/v1/units/import`
//!   (a CSV or XLSX file), `POST /api/v1/units/assign-from-text` (admins);
//!   `GET` (members), `PUT` and `DELETE` (admins) of
//!   `/api/v1/documents/{id}/facts/{ord}/assignment`.
//! - Pages: `/units` (admins: the list, the import form and the
//!   "assign from the text" button, each form with the CSRF token), and the
//!   assignment form of the document page (`POST /documents/{id}/assign`).
//!
//! Every change is audited by the store with the admin's name.

use std::collections::HashMap;

use axum::extract::multipart::MultipartRejection;
use axum::extract::{DefaultBodyLimit, Extension, Multipart, Path, Request, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Json;
use minijinja::context;
use planwatch_catalog::FactId;
use planwatch_store::units::NAME_SEPARATORS;
use planwatch_store::{
    parse_unit_table, Assignment, FromText, NewUnit, StoreError, Unit, UnitImport, UnitTarget,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::api::{ApiJson, Query};
use crate::auth::Viewer;
use crate::csrf::{self, CsrfGate};
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::pages::{render, PageError};
use crate::state::AppState;
use crate::views::{self, Page, Paging};

/// Largest unit table accepted (CSV or XLSX), in bytes.
pub const MAX_TABLE: usize = 2 * 1024 * 1024;

/// The routes of units and assignments.
pub fn routes() -> crate::routes::Routes {
    let table_limit = DefaultBodyLimit::max(MAX_TABLE + 64 * 1024);
    crate::routes::Routes::new()
        .route("/api/v1/units", get(list).post(add))
        .route("/api/v1/units/import", post(import).layer(table_limit))
        .route("/api/v1/units/assign-from-text", post(from_text))
        .route("/api/v1/units/{unit}/targets", get(targets))
        .route(
            "/api/v1/documents/{id}/facts/{ord}/assignment",
            get(get_assignment)
                .put(put_assignment)
                .delete(delete_assignment),
        )
        .route("/units", get(page))
        .route("/units/import", post(import_form).layer(table_limit))
        .route("/units/assign-from-text", post(from_text_form))
        .route("/documents/{id}/assign", post(assign_form))
}

/// A unit.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitView {
    /// Row id.
    pub id: i64,
    /// Full name, unique.
    pub name: String,
    /// Short name (简称), if any.
    pub short_name: Option<String>,
    /// Whether it is retired (kept, but given no new targets).
    pub retired: bool,
    /// When it was added (Unix seconds).
    pub created_at: i64,
    /// Targets of current documents assigned to it, as lead or partner.
    pub targets: i64,
    /// Where reminders of its overdue targets go (`PUT /api/v1/units/{unit}/email`).
    pub email: Option<String>,
}

impl From<&Unit> for UnitView {
    fn from(u: &Unit) -> UnitView {
        UnitView {
            id: u.id,
            name: u.name.clone(),
            short_name: u.short_name.clone(),
            retired: u.retired(),
            created_at: u.created_at,
            targets: u.targets,
            email: u.email.clone(),
        }
    }
}

/// What adding units did.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitImportView {
    /// Units added.
    pub added: Vec<UnitView>,
    /// Names stored already, left as they are.
    pub known: Vec<String>,
}

impl From<&UnitImport> for UnitImportView {
    fn from(d: &UnitImport) -> UnitImportView {
        UnitImportView {
            added: d.added.iter().map(UnitView::from).collect(),
            known: d.known.clone(),
        }
    }
}

/// What assigning from the text did.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FromTextView {
    /// Targets assigned.
    pub assigned: usize,
    /// Units the text named that were added.
    pub units_added: Vec<String>,
    /// Targets left alone: their text names a retired unit, or no unit's name.
    pub skipped: usize,
}

impl From<&FromText> for FromTextView {
    fn from(d: &FromText) -> FromTextView {
        FromTextView {
            assigned: d.assigned,
            units_added: d.units_added.clone(),
            skipped: d.skipped,
        }
    }
}

/// Who answers for a target.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AssignmentView {
    /// The target's document key.
    pub document_id: String,
    /// Its position in the document.
    pub ord: i64,
    /// 牵头单位, by name (one or more).
    pub lead: Vec<String>,
    /// 配合单位, by name.
    pub partners: Vec<String>,
    /// The admin who assigned it, or null for the command line.
    pub assigned_by: Option<String>,
    /// When (Unix seconds).
    pub assigned_at: i64,
    /// Where the target is highlighted on its document page.
    pub link: String,
}

impl From<&Assignment> for AssignmentView {
    fn from(a: &Assignment) -> AssignmentView {
        AssignmentView {
            document_id: a.document_id.clone(),
            ord: a.ord,
            lead: a.lead.clone(),
            partners: a.partners.clone(),
            assigned_by: a.assigned_by.clone(),
            assigned_at: a.assigned_at,
            link: format!("/documents/{}#f{}", a.document_id, a.ord),
        }
    }
}

/// A target a unit is assigned to.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct UnitTargetView {
    /// The unit's part: `lead` or `partner`.
    pub role: String,
    /// Document key.
    pub document_id: String,
    /// Document file name.
    pub doc: String,
    /// Position in the document.
    pub ord: i64,
    /// Whether the document is the current revision of its name.
    pub current: bool,
    /// Indicator as written.
    pub indicator: String,
    /// Year of the target.
    pub year: Option<i32>,
    /// Value as written.
    pub value: Option<f64>,
    /// Upper end of a range.
    pub value_max: Option<f64>,
    /// Unit of the value as written.
    pub unit: Option<String>,
    /// Qualitative goal words.
    pub text: Option<String>,
    /// The document's words.
    pub quote: String,
    /// The whole assignment.
    pub assignment: AssignmentView,
}

impl From<&UnitTarget> for UnitTargetView {
    fn from(t: &UnitTarget) -> UnitTargetView {
        let f = &t.fact.fact;
        UnitTargetView {
            role: t.role.as_str().to_string(),
            document_id: t.fact.document_id.clone(),
            doc: t.doc.clone(),
            ord: t.fact.ord,
            current: t.current,
            indicator: f.indicator.clone(),
            year: f.year,
            value: f.value,
            value_max: f.value_max,
            unit: f.unit.clone(),
            text: f.text.clone(),
            quote: f.quote.clone(),
            assignment: AssignmentView::from(&t.assignment),
        }
    }
}

/// A unit to add: its name, or its name and short name.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(untagged)]
pub enum NewUnitItem {
    /// Only the name.
    Name(String),
    /// Name and short name.
    Unit {
        /// Full name.
        name: String,
        /// Short name (简称).
        #[serde(default)]
        short_name: Option<String>,
    },
}

/// The units of a target: lead units (at least one) and partner units.
#[derive(Debug, Clone, Deserialize, ToSchema)]
pub struct AssignBody {
    /// 牵头单位: names or short names of stored, not retired units.
    pub lead: Vec<String>,
    /// 配合单位.
    #[serde(default)]
    pub partners: Vec<String>,
}

/// Which units to list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UnitQuery {
    /// Retired units too (`true`).
    #[serde(default, deserialize_with = "views::opt")]
    pub retired: Option<bool>,
    /// Items to skip.
    #[serde(default, deserialize_with = "views::opt")]
    pub offset: Option<usize>,
    /// Items to return (1–1000).
    #[serde(default, deserialize_with = "views::opt")]
    pub limit: Option<usize>,
}

/// Which targets to list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TargetQuery {
    /// Targets of superseded document revisions too (`true`).
    #[serde(default, deserialize_with = "views::opt")]
    pub all_revisions: Option<bool>,
    /// Items to skip.
    #[serde(default, deserialize_with = "views::opt")]
    pub offset: Option<usize>,
    /// Items to return (1–1000).
    #[serde(default, deserialize_with = "views::opt")]
    pub limit: Option<usize>,
}

/// The answer a store error gets: unknown units and facts are 404s, refused
/// input 400 `bad_unit`, the rest internal.
fn store_error(e: StoreError) -> ApiError {
    match e {
        StoreError::NoSuchUnit(id) => ApiError::NotFound { what: "unit", id },
        StoreError::NoSuchFact(id) => ApiError::NotFound { what: "fact", id },
        StoreError::Unit(m) => ApiError::bad_request("bad_unit", m),
        other => ApiError::Store(other),
    }
}

/// The user name of an admin's request, for the audit trail.
fn actor(viewer: &Viewer) -> Option<String> {
    viewer.user().map(|u| u.name.clone())
}

/// The target `ord` of the document `id`: a current document by id, file
/// name or id prefix (as every document route finds it), else a superseded
/// revision by (the start of) its id, hex digits only.
pub(crate) async fn target(state: &AppState, id: &str, ord: i64) -> ApiResult<FactId> {
    if let Some(doc) = state.snapshot().await?.doc(id) {
        return Ok(FactId::new(doc.id.clone(), ord));
    }
    let not_found = || ApiError::NotFound {
        what: "document",
        id: id.chars().take(200).collect(),
    };
    if id.len() < 6 || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(not_found());
    }
    let key = id.to_ascii_lowercase();
    let doc = state
        .on_store(
            store_error,
            move |s| async move { s.find_document(&key).await },
        )
        .await?;
    doc.map(|d| FactId::new(d.id, ord)).ok_or_else(not_found)
}

/// Units by name (retired ones with `retired=true`), each with its number of targets.
#[utoipa::path(get, path = "/api/v1/units", params(UnitQuery), responses(
    (status = 200, body = Page<UnitView>),
    (status = 400, body = ErrorBody),
    (status = 401, body = ErrorBody, description = "not logged in")))]
pub async fn list(
    State(state): State<AppState>,
    Query(q): Query<UnitQuery>,
) -> ApiResult<Json<Page<UnitView>>> {
    let retired = q.retired.unwrap_or(false);
    let units = state
        .on_store(store_error, move |s| async move { s.units(retired).await })
        .await?;
    let all = units.iter().map(UnitView::from).collect();
    Ok(Json(views::page(all, &Paging::new(q.offset, q.limit))?))
}

/// Adds units by name (a JSON list of names, or of `{name, short_name}`);
/// names stored already are left as they are. A bad name refuses the list.
#[utoipa::path(post, path = "/api/v1/units", request_body = Vec<NewUnitItem>, responses(
    (status = 201, body = UnitImportView, description = "some added"),
    (status = 200, body = UnitImportView, description = "all stored already"),
    (status = 400, body = ErrorBody, description = "`bad_unit`: a bad name; `bad_json`"),
    (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn add(
    State(state): State<AppState>,
    viewer: Viewer,
    ApiJson(items): ApiJson<Vec<NewUnitItem>>,
) -> ApiResult<(StatusCode, Json<UnitImportView>)> {
    if items.is_empty() || items.len() > planwatch_store::units::MAX_UNITS_PER_TABLE {
        return Err(ApiError::bad_request(
            "bad_unit",
            format!(
                "send a list of 1 to {} units",
                planwatch_store::units::MAX_UNITS_PER_TABLE
            ),
        ));
    }
    let list: Vec<NewUnit> = items
        .into_iter()
        .map(|i| match i {
            NewUnitItem::Name(name) => NewUnit::named(name),
            NewUnitItem::Unit { name, short_name } => NewUnit { name, short_name },
        })
        .collect();
    added(add_units(&state, &viewer, list).await?)
}

async fn add_units(state: &AppState, viewer: &Viewer, list: Vec<NewUnit>) -> ApiResult<UnitImport> {
    let actor = actor(viewer);
    state
        .on_store(store_error, move |s| async move {
            s.add_units(&list, actor.as_deref()).await
        })
        .await
}

fn added(done: UnitImport) -> ApiResult<(StatusCode, Json<UnitImportView>)> {
    let status = if done.added.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(UnitImportView::from(&done))))
}

/// The one file (`file`, at most `max` bytes; its name, else `default_name`)
/// of a multipart form; the CSRF token comes in the header or as the field
/// `csrf_token` before the file (as the upload forms send it), or nothing
/// is read (403).
pub(crate) async fn form_with_file(
    gate: Option<&CsrfGate>,
    headers: &HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
    max: usize,
    default_name: &str,
) -> ApiResult<(String, bytes::Bytes)> {
    let Some(gate) = gate else {
        return Err(ApiError::Forbidden {
            code: "csrf",
            message: "the request did not pass the CSRF check".into(),
        });
    };
    let content_type = headers
        .get(axum::http::header::CONTENT_TYPE)
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
    let mut multipart =
        multipart.map_err(|e| ApiError::bad_request("bad_multipart", e.body_text()))?;
    let mut token_ok = gate.passed();
    let mut file = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| ApiError::multipart(e, max))?
    {
        if field.name() == Some(csrf::FIELD) && field.file_name().is_none() {
            let value = field
                .text()
                .await
                .map_err(|e| ApiError::multipart(e, max))?;
            gate.check_field(&value)?;
            token_ok = true;
            continue;
        }
        if field.name() != Some("file") || file.is_some() {
            continue;
        }
        if !token_ok {
            return Err(CsrfGate::missing_field());
        }
        let name = crate::api::safe_file_name(field.file_name().unwrap_or(default_name))?;
        let bytes = field
            .bytes()
            .await
            .map_err(|e| ApiError::multipart(e, max))?;
        if bytes.len() > max {
            return Err(ApiError::PayloadTooLarge { limit: max });
        }
        file = Some((name, bytes));
    }
    if !token_ok {
        return Err(CsrfGate::missing_field());
    }
    file.ok_or_else(|| {
        ApiError::bad_request("missing_file", "no multipart field `file` with the file")
    })
}

/// Reads an uploaded table and adds its units.
async fn import_table(
    state: &AppState,
    viewer: &Viewer,
    headers: &HeaderMap,
    gate: Option<Extension<CsrfGate>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<UnitImport> {
    let gate = gate.map(|Extension(g)| g);
    let (name, bytes) =
        form_with_file(gate.as_ref(), headers, multipart, MAX_TABLE, "units").await?;
    let list = state
        .blocking(move |_| {
            parse_unit_table(&bytes)
                .map_err(|e| ApiError::bad_request("bad_unit_table", format!("{name}: {e}")))
        })
        .await?;
    let done = add_units(state, viewer, list).await?;
    tracing::info!(
        added = done.added.len(),
        known = done.known.len(),
        "units imported"
    );
    Ok(done)
}

/// Adds the units of a table (multipart field `file`: CSV or XLSX, first
/// row `name[,short_name]` or `名称[,简称]`); names stored already are left
/// as they are. A bad row refuses the whole table.
#[utoipa::path(post, path = "/api/v1/units/import",
    params(("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf` (or the field `csrf_token` before `file`)")),
    request_body(content_type = "multipart/form-data", description = "field `file`: the table (CSV in UTF-8 or GB18030, or XLSX), at most 2 MB"),
    responses(
        (status = 201, body = UnitImportView, description = "some added"),
        (status = 200, body = UnitImportView, description = "all stored already"),
        (status = 400, body = ErrorBody, description = "`bad_unit_table`: the file is no table of units (the message names the row); `missing_file`"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 413, body = ErrorBody), (status = 415, body = ErrorBody)))]
pub async fn import(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    gate: Option<Extension<CsrfGate>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> ApiResult<(StatusCode, Json<UnitImportView>)> {
    added(import_table(&state, &viewer, &headers, gate, multipart).await?)
}

async fn assign_from_text(state: &AppState, viewer: &Viewer) -> ApiResult<FromText> {
    let actor = actor(viewer);
    let done = state
        .on_store(store_error, move |s| async move {
            s.assign_from_text(actor.as_deref()).await
        })
        .await?;
    tracing::info!(
        assigned = done.assigned,
        units_added = done.units_added.len(),
        "targets assigned from their text"
    );
    Ok(done)
}

/// Assigns every target of a current document that has no assignment and
/// whose text names its departments (`lead_units`, `partner_units` of the
/// facts), adding the units not stored yet.
#[utoipa::path(post, path = "/api/v1/units/assign-from-text", responses(
    (status = 200, body = FromTextView),
    (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn from_text(
    State(state): State<AppState>,
    viewer: Viewer,
) -> ApiResult<Json<FromTextView>> {
    Ok(Json(FromTextView::from(
        &assign_from_text(&state, &viewer).await?,
    )))
}

/// The targets a unit (name, short name or id) is assigned to, by document
/// then position; of current documents unless `all_revisions=true`.
#[utoipa::path(get, path = "/api/v1/units/{unit}/targets",
    params(("unit" = String, Path, description = "name, short name or id"), TargetQuery),
    responses(
        (status = 200, body = Page<UnitTargetView>),
        (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such unit")))]
pub async fn targets(
    State(state): State<AppState>,
    Path(unit): Path<String>,
    Query(q): Query<TargetQuery>,
) -> ApiResult<Json<Page<UnitTargetView>>> {
    let all_revisions = q.all_revisions.unwrap_or(false);
    let list = state
        .on_store(store_error, move |s| async move {
            s.unit_targets(&unit, all_revisions).await
        })
        .await?;
    let all = list.iter().map(UnitTargetView::from).collect();
    Ok(Json(views::page(all, &Paging::new(q.offset, q.limit))?))
}

/// Who answers for a target.
#[utoipa::path(get, path = "/api/v1/documents/{id}/facts/{ord}/assignment",
    params(("id" = String, Path, description = "id, file name or id prefix"), ("ord" = i64, Path, description = "the fact's position in its document")),
    responses(
        (status = 200, body = AssignmentView),
        (status = 401, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such document, or the target has no assignment")))]
pub async fn get_assignment(
    State(state): State<AppState>,
    Path((id, ord)): Path<(String, i64)>,
) -> ApiResult<Json<AssignmentView>> {
    let fact = target(&state, &id, ord).await?;
    let key = fact.clone();
    let a = state
        .on_store(
            store_error,
            move |s| async move { s.assignment(&key).await },
        )
        .await?;
    a.map(|a| Json(AssignmentView::from(&a)))
        .ok_or_else(|| ApiError::NotFound {
            what: "assignment",
            id: fact.to_string(),
        })
}

/// Assigns a target to its lead units (at least one) and partner units,
/// replacing its assignment if it had one. Units are named by name or
/// short name and must be stored and not retired; only targets are assigned.
#[utoipa::path(put, path = "/api/v1/documents/{id}/facts/{ord}/assignment",
    params(("id" = String, Path, description = "id, file name or id prefix"), ("ord" = i64, Path, description = "the target's position in its document"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    request_body = AssignBody,
    responses(
        (status = 200, body = AssignmentView),
        (status = 400, body = ErrorBody, description = "`bad_unit`: no lead, a retired unit, a fact that is no target"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such document, fact or unit"),
        (status = 415, body = ErrorBody)))]
pub async fn put_assignment(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, ord)): Path<(String, i64)>,
    ApiJson(body): ApiJson<AssignBody>,
) -> ApiResult<Json<AssignmentView>> {
    let fact = target(&state, &id, ord).await?;
    let a = assign(&state, &viewer, fact, body.lead, body.partners).await?;
    Ok(Json(AssignmentView::from(&a)))
}

async fn assign(
    state: &AppState,
    viewer: &Viewer,
    fact: FactId,
    lead: Vec<String>,
    partners: Vec<String>,
) -> ApiResult<Assignment> {
    let actor = actor(viewer);
    state
        .on_store(store_error, move |s| async move {
            s.assign(&fact, &lead, &partners, actor.as_deref()).await
        })
        .await
}

async fn clear(state: &AppState, viewer: &Viewer, fact: FactId) -> ApiResult<Option<Assignment>> {
    let actor = actor(viewer);
    state
        .on_store(store_error, move |s| async move {
            s.clear_assignment(&fact, actor.as_deref()).await
        })
        .await
}

/// Removes a target's assignment.
#[utoipa::path(delete, path = "/api/v1/documents/{id}/facts/{ord}/assignment",
    params(("id" = String, Path, description = "id, file name or id prefix"), ("ord" = i64, Path, description = "the target's position in its document"),
        ("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, with its cookie")),
    responses(
        (status = 204, description = "cleared"),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody),
        (status = 404, body = ErrorBody, description = "no such document, or the target had no assignment")))]
pub async fn delete_assignment(
    State(state): State<AppState>,
    viewer: Viewer,
    Path((id, ord)): Path<(String, i64)>,
) -> ApiResult<StatusCode> {
    let fact = target(&state, &id, ord).await?;
    match clear(&state, &viewer, fact.clone()).await? {
        Some(_) => Ok(StatusCode::NO_CONTENT),
        None => Err(ApiError::NotFound {
            what: "assignment",
            id: fact.to_string(),
        }),
    }
}

/// What a document page shows a member beyond the public page: the
/// assignment of each of `ords` (in their order), and for an admin the
/// names of the units in use (to pick from).
pub(crate) async fn for_document(
    state: &AppState,
    viewer: &Viewer,
    document_id: &str,
    ords: Vec<i64>,
) -> ApiResult<(Vec<Option<AssignmentView>>, Vec<String>)> {
    if viewer.user().is_none() {
        return Ok((Vec::new(), Vec::new()));
    }
    let id = document_id.to_string();
    let map = state
        .on_store(store_error, move |s| async move {
            s.document_assignments(&id).await
        })
        .await?;
    let assigned = ords
        .iter()
        .map(|o| map.get(o).map(AssignmentView::from))
        .collect();
    let names = if viewer.is_admin() {
        state
            .on_store(store_error, |s| async move { s.units(false).await })
            .await?
            .into_iter()
            .map(|u| u.name)
            .collect()
    } else {
        Vec::new()
    };
    Ok((assigned, names))
}

/// What the page says after a form: `?added=&known=` or `?assigned=&created=&skipped=`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default, deserialize_with = "views::opt")]
    added: Option<usize>,
    #[serde(default, deserialize_with = "views::opt")]
    known: Option<usize>,
    #[serde(default, deserialize_with = "views::opt")]
    assigned: Option<usize>,
    #[serde(default, deserialize_with = "views::opt")]
    created: Option<usize>,
    #[serde(default, deserialize_with = "views::opt")]
    skipped: Option<usize>,
}

/// The 单位 page (admins): every unit, the import form and the button that
/// assigns targets from their text, each form with the visitor's CSRF token.
async fn page(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Query(q): Query<DoneQuery>,
) -> Result<Response, PageError> {
    let units = state
        .on_store(store_error, |s| async move { s.units(true).await })
        .await?;
    let rows: Vec<UnitView> = units.iter().map(UnitView::from).collect();
    let (csrf_token, cookie) = csrf::token_for(&state, &headers, &uri)?;
    let imported = q
        .added
        .map(|added| context! { added, known => q.known.unwrap_or(0) });
    let from_text = q.assigned.map(|assigned| {
        context! { assigned, created => q.created.unwrap_or(0), skipped => q.skipped.unwrap_or(0) }
    });
    let html = render(
        &state,
        "units.html",
        context! {
            nav => context! { current => "units" }, rows, csrf_token, imported, from_text,
            max_table_mb => MAX_TABLE / (1024 * 1024),
        },
    )?;
    let mut resp = html.into_response();
    csrf::attach(&mut resp, cookie);
    Ok(resp)
}

async fn import_form(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    gate: Option<Extension<CsrfGate>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Redirect, PageError> {
    let done = import_table(&state, &viewer, &headers, gate, multipart).await?;
    Ok(Redirect::to(&format!(
        "/units?added={}&known={}",
        done.added.len(),
        done.known.len()
    )))
}

async fn from_text_form(
    State(state): State<AppState>,
    viewer: Viewer,
    req: Request,
) -> Result<Redirect, PageError> {
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let fields = crate::auth::form_fields(&state, req).await?;
    crate::auth::check_csrf(gate.as_ref(), &fields)?;
    let done = assign_from_text(&state, &viewer).await?;
    Ok(Redirect::to(&format!(
        "/units?assigned={}&created={}&skipped={}",
        done.assigned,
        done.units_added.len(),
        done.skipped
    )))
}

/// Names typed into one box: separated by 、 , ; (full or half width) or new lines.
pub fn split_names(s: &str) -> Vec<String> {
    s.split(|c: char| NAME_SEPARATORS.contains(&c) || c == '\n' || c == '\r')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// The document page's form: fields `ord`, `lead` and `partners` (names
/// separated by 、), or `clear`; back to the target on the page.
async fn assign_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    req: Request,
) -> Result<Redirect, PageError> {
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let fields: HashMap<String, String> = crate::auth::form_fields(&state, req).await?;
    crate::auth::check_csrf(gate.as_ref(), &fields)?;
    let ord = fields
        .get("ord")
        .and_then(|o| o.trim().trim_start_matches('#').parse::<i64>().ok())
        .ok_or_else(|| ApiError::bad_request("bad_form", "give the number (#) of a target"))?;
    let fact = target(&state, &id, ord).await?;
    let field = |k: &str| fields.get(k).map(|v| split_names(v)).unwrap_or_default();
    if fields.contains_key("clear") {
        clear(&state, &viewer, fact.clone()).await?;
    } else {
        assign(
            &state,
            &viewer,
            fact.clone(),
            field("lead"),
            field("partners"),
        )
        .await?;
    }
    Ok(Redirect::to(&format!(
        "/documents/{}#f{}",
        fact.doc, fact.ord
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_at_list_separators() {
        assert_eq!(
            split_names(" 市财政局、市统计局，市水务局;\n市农委 "),
            ["市财政局", "市统计局", "市水务局", "市农委"]
        );
        assert!(split_names(" 、 ").is_empty());
    }
}
