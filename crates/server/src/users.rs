//! Accounts managed on the web (issue 10), for admins only: the 账户 page
//! lists every user with their role, 单位 and state, and carries the forms
//! that add a user (name, password, role, units), reset a password (which
//! clears a lock-out and ends the user's sessions) and disable or enable
//! one. Nothing is deleted; every change is a line of the audit trail, with
//! the admin as its actor (`planwatch_store::accounts`). The page is in
//! [`crate::auth::ADMIN_READS`]; its writes need an admin like every write
//! not listed as open, and each form carries the CSRF token.

use std::collections::HashMap;

use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use minijinja::context;
use planwatch_store::{Role, StoreError, User};
use serde::{Deserialize, Serialize};

use crate::api::Query;
use crate::auth::Viewer;
use crate::csrf::{self, CsrfGate};
use crate::error::{id_from_path, ApiError, ApiResult};
use crate::pages::{render, PageError};
use crate::state::AppState;
use crate::views;

/// The routes of the 账户 page and its forms.
pub fn routes() -> crate::routes::Routes {
    crate::routes::Routes::new()
        .route("/users", get(page).post(add_form))
        .route("/users/{id}", post(change_form))
}

/// A user as the page lists them.
#[derive(Debug, Clone, Serialize)]
struct UserRow {
    id: i64,
    name: String,
    role: &'static str,
    role_zh: &'static str,
    units: Vec<String>,
    disabled: bool,
    locked: bool,
    created_at: i64,
}

impl UserRow {
    fn of(u: &User, now: i64) -> UserRow {
        UserRow {
            id: u.id,
            name: u.name.clone(),
            role: u.role.as_str(),
            role_zh: u.role.zh(),
            units: u.units.clone(),
            disabled: u.disabled,
            locked: u.locked_until.is_some_and(|t| t > now),
            created_at: u.created_at,
        }
    }
}

/// The answer a store error gets on these forms.
fn store_error(e: StoreError) -> ApiError {
    match e {
        StoreError::Account(m) => ApiError::bad_request("bad_account", m),
        StoreError::UserExists(name) => ApiError::Conflict {
            code: "user_exists",
            message: format!("a user named {name} exists already"),
        },
        StoreError::NoSuchUser(name) => ApiError::NotFound {
            what: "user",
            id: name,
        },
        other => ApiError::Store(other),
    }
}

/// What the page says after a form: `?done=added|password|disabled|enabled&id=N`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default, deserialize_with = "views::opt")]
    done: Option<String>,
    #[serde(default, deserialize_with = "views::opt")]
    id: Option<i64>,
}

fn done_words(q: &DoneQuery, users: &[User]) -> Option<String> {
    let user = users.iter().find(|u| Some(u.id) == q.id)?;
    let what = match q.done.as_deref()? {
        "added" => "已创建",
        "password" => "的密码已重置（其登录已全部退出，锁定已解除）",
        "disabled" => "已停用（不能再登录）",
        "enabled" => "已恢复启用",
        _ => return None,
    };
    Some(format!("账户 {}{what}。", user.name))
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

/// The 账户 page: every user, the form adding one, and each user's forms.
async fn page(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    uri: Uri,
    Query(q): Query<DoneQuery>,
) -> Result<Response, PageError> {
    let (users, units) = state
        .on_store(store_error, |s| async move {
            Ok((s.users().await?, s.units(false).await?))
        })
        .await?;
    let now = now();
    let rows: Vec<UserRow> = users.iter().map(|u| UserRow::of(u, now)).collect();
    let unit_names: Vec<String> = units.into_iter().map(|u| u.name).collect();
    let roles: Vec<_> = Role::ALL
        .iter()
        .map(|r| context! { value => r.as_str(), label => r.zh() })
        .collect();
    let (csrf_token, cookie) = csrf::token_for(&state, &headers, &uri)?;
    let html = render(
        &state,
        "users.html",
        context! {
            nav => context! { current => "users" }, rows, roles, unit_names, csrf_token,
            me => viewer.user().map(|u| u.id),
            done => done_words(&q, &users),
        },
    )?;
    let mut resp = html.into_response();
    csrf::attach(&mut resp, cookie);
    Ok(resp)
}

/// The fields of a form, once its CSRF token is checked.
async fn checked_fields(state: &AppState, req: Request) -> ApiResult<HashMap<String, String>> {
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let fields = crate::auth::form_fields(state, req).await?;
    crate::auth::check_csrf(gate.as_ref(), &fields)?;
    Ok(fields)
}

/// The full names of the units typed (full or short names, separated by
/// 、 or commas), each an in-use unit; 400 naming any that is not.
async fn units_named(state: &AppState, typed: &str) -> ApiResult<Vec<String>> {
    let names = crate::units::split_names(typed);
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let units = state
        .on_store(store_error, |s| async move { s.units(false).await })
        .await?;
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for n in names {
        match units
            .iter()
            .find(|u| u.name == n || u.short_name.as_deref() == Some(n.as_str()))
        {
            Some(u) => found.push(u.name.clone()),
            None => unknown.push(n),
        }
    }
    if unknown.is_empty() {
        Ok(found)
    } else {
        Err(ApiError::bad_request(
            "bad_form",
            format!(
                "不在责任单位名单中（或已停用）的单位：{}。请先在责任单位页导入。",
                unknown.join("、")
            ),
        ))
    }
}

/// The form adding a user: `name`, `password`, `role` and `units` (a
/// reporter's 单位, names separated by 、).
async fn add_form(
    State(state): State<AppState>,
    viewer: Viewer,
    req: Request,
) -> Result<Redirect, PageError> {
    let fields = checked_fields(&state, req).await?;
    let actor = viewer.required()?.name;
    let field = |k: &str| fields.get(k).map(String::as_str).unwrap_or_default();
    let role = Role::parse(field("role"))
        .ok_or_else(|| ApiError::bad_request("bad_form", "请选择角色"))?;
    let units = units_named(&state, field("units")).await?;
    if role == Role::Reporter && units.is_empty() {
        return Err(ApiError::bad_request("bad_form", "填报人须属于至少一个单位").into());
    }
    let name = field("name").to_string();
    let password = field("password").to_string();
    let user = state
        .on_store(store_error, move |s| async move {
            s.add_user(&name, &password, role, &units, Some(&actor))
                .await
        })
        .await?;
    tracing::info!(name = %user.name, role = user.role.as_str(), "user added on the web");
    Ok(Redirect::to(&format!("/users?done=added&id={}", user.id)))
}

/// One user's forms: `action` = `password` (with `password`), `disable` or `enable`.
async fn change_form(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    req: Request,
) -> Result<Redirect, PageError> {
    let fields = checked_fields(&state, req).await?;
    let me = viewer.required()?;
    let id = id_from_path(&id, "user")?;
    let users = state
        .on_store(store_error, |s| async move { s.users().await })
        .await?;
    let user = users
        .into_iter()
        .find(|u| u.id == id)
        .ok_or_else(|| ApiError::NotFound {
            what: "user",
            id: id.to_string(),
        })?;
    let actor = me.name.clone();
    let name = user.name.clone();
    let done = match fields.get("action").map(String::as_str) {
        Some("password") => {
            let password = fields.get("password").cloned().unwrap_or_default();
            state
                .on_store(store_error, move |s| async move {
                    s.set_password(&name, &password, Some(&actor)).await
                })
                .await?;
            "password"
        }
        Some(action @ ("disable" | "enable")) => {
            let disable = action == "disable";
            if disable && user.id == me.id {
                return Err(ApiError::bad_request("bad_form", "不能停用自己的账户").into());
            }
            state
                .on_store(store_error, move |s| async move {
                    s.set_user_disabled(&name, disable, Some(&actor)).await
                })
                .await?;
            if disable {
                "disabled"
            } else {
                "enabled"
            }
        }
        _ => return Err(ApiError::bad_request("bad_form", "请选择重置密码、停用或启用").into()),
    };
    tracing::info!(name = %user.name, done, "user changed on the web");
    Ok(Redirect::to(&format!("/users?done={done}&id={id}")))
}
