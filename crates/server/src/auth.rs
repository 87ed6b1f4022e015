//! Accounts on the web: logging in and out, the current user of a request,
//! and who may send which request.
//!
//! - **Sessions.** `POST /login` checks the name and password against the
//!   store (argon2id, lock-out after five wrong passwords: see
//!   [`planwatch_store::accounts`]) and, on success, ends any session the
//!   request carried and starts a new one (a session id planted before login
//!   is never the one after: no fixation). Its token goes to the cookie
//!   [`SESSION_COOKIE`] (`HttpOnly; SameSite=Strict; Path=/`, `Secure` when
//!   the request came over https, as `X-Forwarded-Proto` says behind a
//!   proxy, or an allowed origin is https). The API takes the same cookie.
//! - **API tokens.** A script calls the API as a user with
//!   `Authorization: Bearer pwt_…` (made by `planwatch user token NAME`; the
//!   store keeps only its hash). Such a request is known by its token alone:
//!   cookies are not read, an unknown, revoked or malformed token (or any
//!   other `Authorization` scheme) is refused with 401 `bad_token` whatever
//!   the route, and the CSRF check does not apply (no browser sends the
//!   header by itself).
//! - **Rate limit.** Besides the per-account lock, one client address may
//!   get [`ADDR_FAILURES`] logins wrong per [`ADDR_WINDOW`]; then it is
//!   answered 429 until the window passes. The client address is the
//!   socket peer, or behind a configured proxy the client it names
//!   ([`crate::client`]).
//! - **Who may.** [`layer`] finds the request's user ([`Viewer`], anonymous
//!   without a live session) and refuses every request that is not safe
//!   (GET, HEAD, OPTIONS, TRACE), save those in [`OPEN_WRITES`], and every
//!   read of [`ADMIN_READS`] (the audit trail), unless an admin sends it: 401 `unauthorized` without a session, 403 `forbidden`
//!   for another role. Reading stays open to everyone, save the reads of
//!   [`MEMBER_READS`] (the departments and their targets), which need a
//!   logged-in user of any role (401 otherwise). Reporting and review
//!   ([`ROLE_ROUTES`]) need one of the roles listed, reads and writes alike
//!   (401 anonymous, 403 another role). It runs after the
//!   CSRF check ([`crate::csrf`]), which login and logout pass like any write.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{FromRequest, FromRequestParts, Multipart, Request, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::Json;
use minijinja::context;
use planwatch_store::{Login, Role, User};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::csrf::{self, CsrfGate};
use crate::error::{ApiError, ApiResult, ErrorBody};
use crate::pages::PageError;
use crate::routes::Routes;
use crate::state::AppState;

/// The cookie holding the session token.
pub const SESSION_COOKIE: &str = "planwatch_session";
/// How long a session lasts, in seconds.
pub const SESSION_SECONDS: i64 = 12 * 3600;
/// Wrong logins one client address may send per [`ADDR_WINDOW`].
pub const ADDR_FAILURES: u32 = 20;
/// The window of [`ADDR_FAILURES`].
pub const ADDR_WINDOW: Duration = Duration::from_secs(15 * 60);

/// Requests that are not safe by method but that anyone may send (each still
/// passes the CSRF check unless [`csrf::EXEMPT`] says otherwise).
pub const OPEN_WRITES: &[(Method, &str)] = &[
    // Search with a JSON body: reads only.
    (Method::POST, "/api/v1/search"),
    (Method::POST, "/login"),
    (Method::POST, "/logout"),
    // Visitors' feedback on the public portal (rate-limited, moderated).
    (Method::POST, "/public/feedback"),
];

/// Reads that only an admin may send (the audit trail names accounts; the
/// units and users pages carry the forms that change them).
pub const ADMIN_READS: &[&str] = &["/audit", "/audit.csv", "/api/v1/audit", "/units", "/users"];

/// Reads that need a logged-in user of any role (a session or an API
/// token): the departments (单位) and who answers for which target are
/// shown to members only. 401 for anonymous requests; never cached.
pub const MEMBER_READS: &[&str] = &[
    "/api/v1/units",
    "/api/v1/units/{unit}/targets",
    "/api/v1/documents/{id}/facts/{ord}/assignment",
    "/api/v1/targets/{id}/escalations",
    "/api/v1/targets/{id}/comments",
    "/api/v1/documents/{id}/calendar",
];

/// Pages that show a logged-in visitor more than the public (a target's
/// assigned units; for an admin, a form with their CSRF token): answered
/// from the response cache only to requests without a session cookie, and
/// never kept from one that has it (see `crate::cache`).
pub const MEMBER_PAGES: &[&str] = &["/documents/{id}"];

/// Routes (reads or writes) that only some roles may send: reporting
/// (填报) and its review. Anonymous requests get 401, other roles 403; an
/// admin is no exception (an admin reviews, but reports for no unit).
/// Never cached. Which unit's submissions a user may see or change is the
/// store's check (`planwatch_store::submissions`).
pub const ROLE_ROUTES: &[(Method, &str, &[Role])] = &[
    (Method::GET, "/api/v1/reporting/targets", &[Role::Reporter]),
    (
        Method::GET,
        "/api/v1/submissions",
        &[Role::Reporter, Role::Reviewer, Role::Admin],
    ),
    (Method::POST, "/api/v1/submissions", &[Role::Reporter]),
    (
        Method::GET,
        "/api/v1/submissions/{id}",
        &[Role::Reporter, Role::Reviewer, Role::Admin],
    ),
    (Method::PUT, "/api/v1/submissions/{id}", &[Role::Reporter]),
    (
        Method::POST,
        "/api/v1/submissions/{id}/submit",
        &[Role::Reporter],
    ),
    (
        Method::POST,
        "/api/v1/submissions/{id}/return",
        &[Role::Reviewer, Role::Admin],
    ),
    (
        Method::POST,
        "/api/v1/submissions/{id}/approve",
        &[Role::Reviewer, Role::Admin],
    ),
    // Evidence files: attached and withdrawn by reporters, read by whoever
    // reads the submission.
    (
        Method::GET,
        "/api/v1/submissions/{id}/evidence",
        &[Role::Reporter, Role::Reviewer, Role::Admin],
    ),
    (
        Method::POST,
        "/api/v1/submissions/{id}/evidence",
        &[Role::Reporter],
    ),
    (
        Method::GET,
        "/api/v1/evidence/{id}",
        &[Role::Reporter, Role::Reviewer, Role::Admin],
    ),
    (
        Method::POST,
        "/api/v1/evidence/{id}/withdraw",
        &[Role::Reporter],
    ),
    (Method::POST, "/fill/{id}/evidence", &[Role::Reporter]),
    (
        Method::POST,
        "/fill/evidence/{id}/withdraw",
        &[Role::Reporter],
    ),
    (Method::GET, "/fill", &[Role::Reporter]),
    (Method::POST, "/fill", &[Role::Reporter]),
    (Method::GET, "/review", &[Role::Reviewer, Role::Admin]),
    (Method::POST, "/review/{id}", &[Role::Reviewer, Role::Admin]),
    // 督办: overdue reports (a reporter sees their units'), escalation marks.
    (
        Method::GET,
        "/api/v1/overdue",
        &[Role::Reporter, Role::Reviewer, Role::Admin],
    ),
    (
        Method::GET,
        "/units/remind",
        &[Role::Reporter, Role::Reviewer, Role::Admin],
    ),
    (
        Method::POST,
        "/api/v1/targets/{id}/escalations",
        &[Role::Reviewer, Role::Admin],
    ),
    (
        Method::POST,
        "/api/v1/targets/{id}/escalations/{eid}/lift",
        &[Role::Reviewer, Role::Admin],
    ),
    // Deputies' comments on targets (read by any member: `MEMBER_READS`).
    (
        Method::POST,
        "/api/v1/targets/{id}/comments",
        &[Role::Deputy],
    ),
    (Method::POST, "/documents/{id}/comment", &[Role::Deputy]),
    // The portal's feedback moderation.
    (Method::GET, "/feedback", &[Role::Reviewer, Role::Admin]),
    (
        Method::POST,
        "/feedback/{id}",
        &[Role::Reviewer, Role::Admin],
    ),
];

/// The roles that may send `method` to the route `path`, if [`ROLE_ROUTES`] lists it (HEAD as GET).
pub fn role_route(method: &Method, path: &str) -> Option<&'static [Role]> {
    let method = if method == Method::HEAD {
        &Method::GET
    } else {
        method
    };
    ROLE_ROUTES
        .iter()
        .find(|(m, p, _)| m == method && *p == path)
        .map(|(_, _, roles)| *roles)
}

/// Whether any method of the route `path` is in [`ROLE_ROUTES`].
pub fn is_role_route(path: &str) -> bool {
    ROLE_ROUTES.iter().any(|(_, p, _)| *p == path)
}

/// GET answers that depend on who asks: never cached.
pub const PERSONAL: &[&str] = &["/api/v1/me", "/login"];

/// The user a request comes from, if it carries a live session.
#[derive(Debug, Clone, Default)]
pub struct Viewer(pub Option<User>);

impl Viewer {
    /// The user, if logged in.
    pub fn user(&self) -> Option<&User> {
        self.0.as_ref()
    }

    /// The user, or a 401 asking to log in.
    pub fn required(&self) -> ApiResult<User> {
        self.0.clone().ok_or_else(ApiError::log_in_first)
    }

    /// Whether an admin sends the request.
    pub fn is_admin(&self) -> bool {
        self.0.as_ref().is_some_and(|u| u.role == Role::Admin)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Viewer {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Viewer, Self::Rejection> {
        Ok(parts
            .extensions
            .get::<Viewer>()
            .cloned()
            .unwrap_or_default())
    }
}

/// Wrong logins by client address, in the current window of each.
#[derive(Default)]
pub(crate) struct LoginLimiter {
    by_addr: Mutex<HashMap<Option<IpAddr>, (Instant, u32)>>,
}

impl LoginLimiter {
    /// Whether `addr` has used up its wrong logins.
    fn blocked(&self, addr: Option<IpAddr>) -> bool {
        let Ok(map) = self.by_addr.lock() else {
            return true;
        };
        map.get(&addr)
            .is_some_and(|(start, n)| start.elapsed() < ADDR_WINDOW && *n >= ADDR_FAILURES)
    }

    /// Counts a wrong login from `addr`.
    fn failed(&self, addr: Option<IpAddr>) {
        let Ok(mut map) = self.by_addr.lock() else {
            return;
        };
        if map.len() > 100_000 {
            map.retain(|_, (start, _)| start.elapsed() < ADDR_WINDOW);
        }
        let e = map.entry(addr).or_insert((Instant::now(), 0));
        if e.0.elapsed() >= ADDR_WINDOW {
            *e = (Instant::now(), 0);
        }
        e.1 += 1;
    }
}

/// Session tokens in the request's cookies (several if a sibling site adds one).
fn session_tokens(headers: &HeaderMap) -> impl Iterator<Item = &str> {
    crate::csrf::cookie_values(headers, SESSION_COOKIE)
}

/// The token of an `Authorization: Bearer TOKEN` header: `None` without
/// the header, `Some(Err)` for another scheme or an unreadable value.
fn bearer(headers: &HeaderMap) -> Option<Result<&str, ()>> {
    let v = headers.get(header::AUTHORIZATION)?;
    let v = v.to_str().map_err(|_| ());
    Some(v.and_then(|v| {
        let (scheme, token) = v.trim().split_once(' ').ok_or(())?;
        if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() {
            Ok(token.trim())
        } else {
            Err(())
        }
    }))
}

/// The user of an API token, or the refusal.
async fn viewer_of_token(state: &AppState, token: Result<&str, ()>) -> ApiResult<Viewer> {
    let refused = || {
        ApiError::Unauthorized {
        code: "bad_token",
        message: "the Authorization header holds no live API token (send `Authorization: Bearer pwt_…`, made by `planwatch user token NAME`)".into(),
    }
    };
    let token = token.map_err(|()| refused())?;
    match state.store().lookup_api_token(token).await? {
        Some(user) => Ok(Viewer(Some(user))),
        None => Err(refused()),
    }
}

/// The user of the request's first live session, if any.
async fn viewer_of(state: &AppState, headers: &HeaderMap) -> ApiResult<Viewer> {
    for token in session_tokens(headers).take(4) {
        if let Some(s) = state.store().lookup_session(token).await? {
            return Ok(Viewer(Some(s.user)));
        }
    }
    Ok(Viewer(None))
}

fn is_safe(m: &Method) -> bool {
    [Method::GET, Method::HEAD, Method::OPTIONS, Method::TRACE].contains(m)
}

/// Who may send `method` to the route `path` (its pattern, as registered).
pub fn admin_only(method: &Method, path: &str) -> bool {
    if role_route(method, path).is_some() {
        return false;
    }
    ADMIN_READS.contains(&path)
        || (!is_safe(method) && !OPEN_WRITES.iter().any(|(m, p)| m == method && *p == path))
}

/// Whether the route `path` (its pattern) needs a logged-in user for `method`.
pub fn members_only(method: &Method, path: &str) -> bool {
    is_safe(method) && MEMBER_READS.contains(&path)
}

/// Whether the request carries a session cookie (live or not).
pub fn has_session_cookie(headers: &HeaderMap) -> bool {
    session_tokens(headers).next().is_some()
}

/// Middleware: finds the request's user and refuses writes that are not theirs to send.
pub async fn layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let refuse = |e: ApiError| {
        if api {
            e.into_response()
        } else {
            PageError(e).into_response()
        }
    };
    let viewer = if let Some(token) = bearer(req.headers()) {
        match viewer_of_token(&state, token).await {
            Ok(v) => v,
            Err(e) => {
                tracing::warn!(method = %req.method(), uri = %req.uri(), "API token refused");
                return refuse(e);
            }
        }
    } else if session_tokens(req.headers()).next().is_some() {
        match viewer_of(&state, req.headers()).await {
            Ok(v) => v,
            Err(e) => return refuse(e),
        }
    } else {
        Viewer(None)
    };
    // Unmatched paths fall through to the 404 fallback, which changes nothing.
    let route = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|p| p.as_str().to_string());
    if let Some(route) = route {
        if admin_only(req.method(), &route) && !viewer.is_admin() {
            tracing::warn!(method = %req.method(), uri = %req.uri(), user = ?viewer.user().map(|u| &u.name), "write refused: not an admin");
            return refuse(match viewer.user() {
                None => ApiError::Unauthorized {
                    code: "unauthorized",
                    message: "log in as an admin first (POST /login); this request changes data"
                        .into(),
                },
                Some(u) => ApiError::Forbidden {
                    code: "forbidden",
                    message: format!(
                        "user {} ({}) may not do this; it needs an admin",
                        u.name,
                        u.role.as_str()
                    ),
                },
            });
        }
        if let Some(roles) = role_route(req.method(), &route) {
            let refusal = match viewer.user() {
                None => Some(ApiError::log_in_first()),
                Some(u) if !roles.contains(&u.role) => Some(ApiError::Forbidden {
                    code: "forbidden",
                    message: format!(
                        "user {} ({}) may not do this; it needs: {}",
                        u.name,
                        u.role.as_str(),
                        roles
                            .iter()
                            .map(|r| r.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                }),
                Some(_) => None,
            };
            if let Some(e) = refusal {
                tracing::warn!(method = %req.method(), uri = %req.uri(), user = ?viewer.user().map(|u| &u.name), "refused: not this role's");
                return refuse(e);
            }
        }
        if members_only(req.method(), &route) && viewer.user().is_none() {
            tracing::warn!(method = %req.method(), uri = %req.uri(), "read refused: not logged in");
            return refuse(ApiError::Unauthorized {
                code: "unauthorized",
                message: "log in first (POST /login) or send an API token: the departments and their targets are shown to logged-in users only".into(),
            });
        }
    }
    req.extensions_mut().insert(viewer);
    next.run(req).await
}

/// The login, logout and current-user routes.
pub fn routes() -> Routes {
    Routes::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/api/v1/me", get(me))
}

/// The fields of a login form.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct LoginForm {
    /// User name.
    pub name: String,
    /// Password.
    pub password: String,
    /// The CSRF token, when not sent in `X-CSRF-Token`.
    #[serde(default)]
    pub csrf_token: Option<String>,
    /// A path on this server to go to after logging in (forms only).
    #[serde(default)]
    pub next: Option<String>,
}

/// Who is asking.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    /// Whether the request carries a live session.
    pub authenticated: bool,
    /// User name.
    pub name: Option<String>,
    /// `admin`, `reviewer`, `reporter` or `deputy`.
    pub role: Option<String>,
    /// The 单位 of a reporter.
    pub units: Vec<String>,
}

impl Me {
    fn of(user: Option<&User>) -> Me {
        Me {
            authenticated: user.is_some(),
            name: user.map(|u| u.name.clone()),
            role: user.map(|u| u.role.as_str().to_string()),
            units: user.map(|u| u.units.clone()).unwrap_or_default(),
        }
    }
}

/// The current user (or `authenticated: false`).
#[utoipa::path(get, path = "/api/v1/me", responses((status = 200, body = Me)))]
pub async fn me(viewer: Viewer) -> Response {
    let mut resp = Json(Me::of(viewer.user())).into_response();
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

fn secure(state: &AppState, headers: &HeaderMap, uri: &Uri) -> bool {
    csrf::own_scheme(headers, uri) == "https"
        || state
            .allowed_origins()
            .iter()
            .any(|o| o.starts_with("https://"))
}

fn session_cookie(value: &str, max_age: i64, secure: bool) -> ApiResult<HeaderValue> {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}"
    ))
    .map_err(|e| ApiError::Internal(format!("session cookie: {e}")))
}

/// A path on this server (`/…`, not `//…`), else `/`.
fn local_path(next: Option<&str>) -> String {
    match next.map(str::trim) {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && !p.chars().any(char::is_control) =>
        {
            p.to_string()
        }
        _ => "/".to_string(),
    }
}

/// The 登录 page with its form (carrying the CSRF token).
async fn login_page(
    State(state): State<AppState>,
    viewer: Viewer,
    headers: HeaderMap,
    uri: Uri,
    crate::api::Query(q): crate::api::Query<NextQuery>,
) -> Result<Response, PageError> {
    page(
        &state,
        &viewer,
        &headers,
        &uri,
        q.next.as_deref(),
        None,
        StatusCode::OK,
    )
}

/// `?next=` of the login page.
#[derive(Debug, Deserialize)]
pub struct NextQuery {
    /// Where to go after logging in.
    pub next: Option<String>,
}

fn page(
    state: &AppState,
    viewer: &Viewer,
    headers: &HeaderMap,
    uri: &Uri,
    next: Option<&str>,
    error: Option<&str>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let (csrf_token, cookie) = csrf::token_for(state, headers, uri)?;
    let user = viewer
        .user()
        .map(|u| context! { name => u.name, role => u.role.zh(), admin => u.role == Role::Admin });
    let html = crate::pages::render(
        state,
        "login.html",
        context! { nav => context! { current => "login" }, csrf_token, user, error, next => local_path(next) },
    )?;
    let mut resp = (status, html).into_response();
    csrf::attach(&mut resp, cookie);
    Ok(resp)
}

/// The fields of a form sent as multipart or urlencoded (small text fields only).
pub(crate) async fn form_fields(
    state: &AppState,
    req: Request,
) -> ApiResult<HashMap<String, String>> {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let mut fields = HashMap::new();
    if content_type.starts_with("multipart/form-data") {
        let mut mp = Multipart::from_request(req, state)
            .await
            .map_err(|e| ApiError::bad_request("bad_multipart", e.body_text()))?;
        while let Some(field) = mp
            .next_field()
            .await
            .map_err(|e| ApiError::multipart(e, crate::state::JSON_LIMIT))?
        {
            let Some(name) = field.name().map(str::to_string) else {
                continue;
            };
            if field.file_name().is_some() {
                continue;
            }
            let value = field
                .text()
                .await
                .map_err(|e| ApiError::multipart(e, crate::state::JSON_LIMIT))?;
            fields.entry(name).or_insert(value);
        }
    } else if content_type.starts_with("application/x-www-form-urlencoded")
        || content_type.is_empty()
    {
        let body = axum::body::to_bytes(req.into_body(), crate::state::JSON_LIMIT)
            .await
            .map_err(|_| ApiError::PayloadTooLarge {
                limit: crate::state::JSON_LIMIT,
            })?;
        for (k, v) in form_urlencoded::parse(&body) {
            fields.entry(k.into_owned()).or_insert(v.into_owned());
        }
    } else {
        return Err(ApiError::UnsupportedMediaType {
            expected: "multipart/form-data or application/x-www-form-urlencoded",
        });
    }
    Ok(fields)
}

/// Whether the CSRF check passed: by header in the layer, or by the form's field now.
pub(crate) fn check_csrf(
    gate: Option<&CsrfGate>,
    fields: &HashMap<String, String>,
) -> ApiResult<()> {
    match gate {
        None => Err(ApiError::Forbidden {
            code: "csrf",
            message: "the request did not pass the CSRF check".into(),
        }),
        Some(g) if g.passed() => Ok(()),
        Some(g) => match fields.get(csrf::FIELD) {
            Some(v) => g.check_field(v),
            None => Err(CsrfGate::missing_field()),
        },
    }
}

/// Log in: fields `name`, `password`, and `csrf_token` unless the token
/// comes in `X-CSRF-Token`. A form (no `X-CSRF-Token`) is answered with a
/// redirect (303) to `next` or `/`, or the login page again with the reason;
/// an API client (with `X-CSRF-Token`) with JSON.
#[utoipa::path(post, path = "/login",
    request_body(content = LoginForm, content_type = "application/x-www-form-urlencoded", description = "also as multipart/form-data (the login page's form); `csrf_token` when no `X-CSRF-Token` header"),
    params(("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`, sent with its cookie `planwatch_csrf`")),
    responses(
        (status = 200, body = Me, description = "logged in (API clients); the session is in the cookie `planwatch_session`",
            headers(("set-cookie" = String, description = "planwatch_session=TOKEN; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200 (Secure over https)"))),
        (status = 303, description = "logged in (forms): to `next` or `/`"),
        (status = 400, body = ErrorBody, description = "no name or password"),
        (status = 401, body = ErrorBody, description = "`bad_credentials`: unknown name or wrong password"),
        (status = 403, body = ErrorBody, description = "`csrf`, `cross_origin`, or `disabled`: the account is disabled"),
        (status = 429, body = ErrorBody, description = "`locked`: five wrong passwords locked the account for 15 minutes; `too_many_attempts`: too many wrong logins from this address")))]
pub async fn login(State(state): State<AppState>, req: Request) -> Response {
    let headers = req.headers().clone();
    let uri = req.uri().clone();
    let api = headers.contains_key(csrf::HEADER);
    let addr = state.client_addr(req.extensions(), req.headers());
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let mut next_path = None;
    let result = async {
        let fields = form_fields(&state, req).await?;
        check_csrf(gate.as_ref(), &fields)?;
        next_path = fields.get("next").cloned();
        let name = fields.get("name").map(|s| s.trim()).unwrap_or_default();
        let password = fields.get("password").map(String::as_str).unwrap_or_default();
        if name.is_empty() || password.is_empty() {
            return Err(ApiError::bad_request(
                "missing_credentials",
                "send the fields name and password",
            ));
        }
        if state.logins().blocked(addr) {
            return Err(ApiError::TooManyRequests {
                code: "too_many_attempts",
                message: "too many wrong logins from this address; try again in 15 minutes"
                    .into(),
            });
        }
        match state.store().verify_password(name, password).await? {
            Login::Ok(user) => Ok(user),
            Login::Wrong => {
                state.logins().failed(addr);
                tracing::warn!(name = %name, addr = ?addr, "wrong login");
                Err(ApiError::Unauthorized {
                    code: "bad_credentials",
                    message: "unknown user name or wrong password".into(),
                })
            }
            Login::Locked { .. } => {
                state.logins().failed(addr);
                Err(ApiError::TooManyRequests {
                    code: "locked",
                    message: "this account is locked after repeated wrong passwords; try again in 15 minutes or ask an admin to reset the password".into(),
                })
            }
            Login::Disabled => Err(ApiError::Forbidden {
                code: "disabled",
                message: "this account is disabled".into(),
            }),
        }
    }
    .await;
    let user = match result {
        Ok(u) => u,
        Err(e) if api => return e.into_response(),
        Err(e) => {
            let status = e.status();
            let reason = match e.body().code.as_str() {
                "bad_credentials" => "用户名或密码不正确。",
                "locked" => {
                    "密码错误次数过多，账户已锁定 15 分钟。请稍后再试，或请管理员重置密码。"
                }
                "too_many_attempts" => "本机登录失败次数过多，请 15 分钟后再试。",
                "disabled" => "该账户已停用。",
                "missing_credentials" => "请填写用户名和密码。",
                _ => return PageError(e).into_response(),
            };
            return page(
                &state,
                &Viewer(None),
                &headers,
                &uri,
                next_path.as_deref(),
                Some(reason),
                status,
            )
            .unwrap_or_else(IntoResponse::into_response);
        }
    };
    // A new session every time: whatever session the request carried ends here.
    let started = async {
        for token in session_tokens(&headers).take(4) {
            state.store().delete_session(token).await?;
        }
        let token = state
            .store()
            .create_session(user.id, SESSION_SECONDS)
            .await?;
        session_cookie(&token, SESSION_SECONDS, secure(&state, &headers, &uri))
    }
    .await;
    let cookie = match started {
        Ok(c) => c,
        Err(e) => return e.into_response(),
    };
    tracing::info!(name = %user.name, role = user.role.as_str(), "logged in");
    let mut resp = if api {
        Json(Me::of(Some(&user))).into_response()
    } else {
        Redirect::to(&local_path(next_path.as_deref())).into_response()
    };
    resp.headers_mut().append(header::SET_COOKIE, cookie);
    resp.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    resp
}

/// Log out: ends the request's session and clears its cookie. A form is
/// redirected (303) to `/`; an API client (with `X-CSRF-Token`) gets 204.
#[utoipa::path(post, path = "/logout",
    params(("X-CSRF-Token" = Option<String>, Header, description = "the token of `GET /api/v1/csrf`; a form sends the field `csrf_token` instead")),
    responses(
        (status = 204, description = "logged out (API clients)"),
        (status = 303, description = "logged out (forms)"),
        (status = 403, body = ErrorBody, description = "`csrf` or `cross_origin`")))]
pub async fn logout(State(state): State<AppState>, req: Request) -> Response {
    let headers = req.headers().clone();
    let uri = req.uri().clone();
    let api = headers.contains_key(csrf::HEADER);
    let gate = req.extensions().get::<CsrfGate>().cloned();
    let done = async {
        let fields = form_fields(&state, req).await?;
        check_csrf(gate.as_ref(), &fields)?;
        for token in session_tokens(&headers).take(4) {
            state.store().delete_session(token).await?;
        }
        session_cookie("", 0, secure(&state, &headers, &uri))
    }
    .await;
    let cookie = match done {
        Ok(c) => c,
        Err(e) if api => return e.into_response(),
        Err(e) => return PageError(e).into_response(),
    };
    let mut resp = if api {
        StatusCode::NO_CONTENT.into_response()
    } else {
        Redirect::to("/").into_response()
    };
    resp.headers_mut().append(header::SET_COOKIE, cookie);
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_need_an_admin_except_the_open_ones() {
        assert!(admin_only(&Method::POST, "/api/v1/documents"));
        assert!(admin_only(&Method::DELETE, "/api/v1/documents/{id}"));
        assert!(!admin_only(&Method::GET, "/api/v1/documents"));
        assert!(!admin_only(&Method::POST, "/login"));
        assert!(!admin_only(&Method::POST, "/api/v1/search"));
        assert!(admin_only(&Method::GET, "/api/v1/audit"));
        assert!(admin_only(&Method::GET, "/audit"));
        assert!(admin_only(&Method::GET, "/units"));
        assert!(admin_only(&Method::POST, "/api/v1/units"));
        assert!(!admin_only(&Method::GET, "/api/v1/units"));
        assert!(members_only(&Method::GET, "/api/v1/units"));
        assert!(!members_only(&Method::POST, "/api/v1/units"));
        assert!(!members_only(&Method::GET, "/api/v1/documents"));
    }

    #[test]
    fn next_stays_on_this_server() {
        assert_eq!(local_path(Some("/documents")), "/documents");
        assert_eq!(local_path(Some("//evil.example/")), "/");
        assert_eq!(local_path(Some("https://evil.example/")), "/");
        assert_eq!(local_path(Some("/\\evil.example")), "/");
        assert_eq!(local_path(None), "/");
    }

    #[test]
    fn the_limiter_counts_per_address() {
        let l = LoginLimiter::default();
        let a: Option<IpAddr> = "10.0.0.1".parse().ok();
        let b: Option<IpAddr> = "10.0.0.2".parse().ok();
        for _ in 0..ADDR_FAILURES {
            assert!(!l.blocked(a));
            l.failed(a);
        }
        assert!(l.blocked(a));
        assert!(!l.blocked(b));
    }
}
