//! Who may send what (issue 10): every route the router serves × anonymous
//! and each role, plus session fixation, CSRF on login/logout/upload and the
//! units' forms, and lock-out.

mod common;

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use common::{csrf_only, empty_state, login_as, send};
use planwatch_server::AppState;
use planwatch_store::Role;

/// Who may send a request to a route.
#[derive(Clone, Copy, Debug, PartialEq)]
enum May {
    /// Anyone, logged in or not.
    Anyone,
    /// Any logged-in user: 401 for anonymous.
    Member,
    /// An admin only: 401 for anonymous, 403 for other roles.
    Admin,
    /// These roles only (an admin too only if listed): 401 for anonymous,
    /// 403 for other roles.
    Roles(&'static [&'static str]),
}

/// Reporting (填报) and its review.
const REPORTER: May = May::Roles(&["reporter"]);
const REVIEWER: May = May::Roles(&["reviewer", "admin"]);
const STAFF: May = May::Roles(&["reporter", "reviewer", "admin"]);
/// Deputies' comments on targets.
const DEPUTY: May = May::Roles(&["deputy"]);
/// 督办: escalation marks.
const SUPERVISOR: May = May::Roles(&["reviewer", "admin"]);

/// The expected matrix: every (method, route) the router serves. A route
/// added without a line here fails `every_route_has_an_entry`.
const MATRIX: &[(&str, &str, May)] = &[
    ("GET", "/health", May::Anyone),
    ("GET", "/api/v1/health", May::Anyone),
    ("GET", "/api/v1/csrf", May::Anyone),
    ("GET", "/api/v1/documents", May::Anyone),
    ("POST", "/api/v1/documents", May::Admin),
    ("GET", "/api/v1/documents/{id}", May::Anyone),
    ("GET", "/api/v1/documents/{id}/text", May::Anyone),
    ("GET", "/api/v1/documents/{id}/facts", May::Anyone),
    ("GET", "/api/v1/facts", May::Anyone),
    ("GET", "/api/v1/indicators", May::Anyone),
    ("GET", "/api/v1/indicators/{name}", May::Anyone),
    ("GET", "/api/v1/series/{name}", May::Anyone),
    ("GET", "/api/v1/assessments", May::Anyone),
    ("GET", "/api/v1/findings", May::Anyone),
    ("GET", "/api/v1/search", May::Anyone),
    ("POST", "/api/v1/search", May::Anyone),
    ("GET", "/api/v1/{*rest}", May::Anyone),
    ("POST", "/api/v1/{*rest}", May::Admin),
    ("GET", "/login", May::Anyone),
    ("POST", "/login", May::Anyone),
    ("POST", "/logout", May::Anyone),
    ("GET", "/api/v1/me", May::Anyone),
    ("GET", "/audit", May::Admin),
    ("GET", "/audit.csv", May::Admin),
    ("GET", "/api/v1/audit", May::Admin),
    ("GET", "/api/v1/units", May::Member),
    ("POST", "/api/v1/units", May::Admin),
    ("POST", "/api/v1/units/import", May::Admin),
    ("POST", "/api/v1/units/assign-from-text", May::Admin),
    ("GET", "/api/v1/units/{unit}/targets", May::Member),
    (
        "GET",
        "/api/v1/documents/{id}/facts/{ord}/assignment",
        May::Member,
    ),
    (
        "PUT",
        "/api/v1/documents/{id}/facts/{ord}/assignment",
        May::Admin,
    ),
    (
        "DELETE",
        "/api/v1/documents/{id}/facts/{ord}/assignment",
        May::Admin,
    ),
    ("GET", "/units", May::Admin),
    ("POST", "/units/import", May::Admin),
    ("POST", "/units/assign-from-text", May::Admin),
    ("POST", "/documents/{id}/assign", May::Admin),
    ("GET", "/users", May::Admin),
    ("POST", "/users", May::Admin),
    ("POST", "/users/{id}", May::Admin),
    ("GET", "/api/v1/reporting/targets", REPORTER),
    ("GET", "/api/v1/submissions", STAFF),
    ("POST", "/api/v1/submissions", REPORTER),
    ("GET", "/api/v1/submissions/{id}", STAFF),
    ("PUT", "/api/v1/submissions/{id}", REPORTER),
    ("POST", "/api/v1/submissions/{id}/submit", REPORTER),
    ("POST", "/api/v1/submissions/{id}/return", REVIEWER),
    ("POST", "/api/v1/submissions/{id}/approve", REVIEWER),
    ("GET", "/api/v1/submissions/{id}/evidence", STAFF),
    ("POST", "/api/v1/submissions/{id}/evidence", REPORTER),
    ("GET", "/api/v1/evidence/{id}", STAFF),
    ("POST", "/api/v1/evidence/{id}/withdraw", REPORTER),
    ("POST", "/fill/{id}/evidence", REPORTER),
    ("POST", "/fill/evidence/{id}/withdraw", REPORTER),
    ("GET", "/fill", REPORTER),
    ("POST", "/fill", REPORTER),
    ("GET", "/review", REVIEWER),
    ("POST", "/review/{id}", REVIEWER),
    ("PUT", "/api/v1/units/{unit}/email", May::Admin),
    ("GET", "/api/v1/overdue", STAFF),
    ("POST", "/api/v1/reminders", May::Admin),
    ("GET", "/api/v1/targets/{id}/escalations", May::Member),
    ("POST", "/api/v1/targets/{id}/escalations", SUPERVISOR),
    (
        "POST",
        "/api/v1/targets/{id}/escalations/{eid}/lift",
        SUPERVISOR,
    ),
    ("GET", "/api/v1/targets/{id}/comments", May::Member),
    ("POST", "/api/v1/targets/{id}/comments", DEPUTY),
    ("POST", "/documents/{id}/comment", DEPUTY),
    ("GET", "/api/v1/documents/{id}/calendar", May::Member),
    ("PUT", "/api/v1/documents/{id}/calendar", May::Admin),
    ("POST", "/documents/{id}/calendar", May::Admin),
    ("GET", "/units/remind", STAFF),
    ("POST", "/units/remind", May::Admin),
    ("GET", "/api/v1/public", May::Anyone),
    ("POST", "/api/v1/publications", May::Admin),
    ("POST", "/api/v1/publications/{id}/unpublish", May::Admin),
    ("GET", "/public", May::Anyone),
    ("GET", "/public/plans/{id}", May::Anyone),
    ("GET", "/public/indicators/{name}", May::Anyone),
    ("POST", "/public/feedback", May::Anyone),
    ("POST", "/publish", May::Admin),
    ("GET", "/feedback", REVIEWER),
    ("POST", "/feedback/{id}", REVIEWER),
    ("GET", "/", May::Anyone),
    ("GET", "/indicators", May::Anyone),
    ("GET", "/indicators/{name}", May::Anyone),
    ("GET", "/documents", May::Anyone),
    ("GET", "/documents/{id}", May::Anyone),
    ("POST", "/documents/upload", May::Admin),
    ("GET", "/search", May::Anyone),
    ("GET", "/check", May::Anyone),
    ("GET", "/report", May::Anyone),
    ("GET", "/report/full", May::Anyone),
    ("GET", "/report/full.docx", May::Anyone),
    ("GET", "/download/{file}", May::Anyone),
    ("GET", "/assets/{name}", May::Anyone),
    ("GET", "/api/v1/docs", May::Anyone),
    ("GET", "/api/v1/docs/", May::Anyone),
    ("GET", "/api/v1/docs/{*rest}", May::Anyone),
    ("GET", "/api/v1/openapi.json", May::Anyone),
];

const METHODS: &[&str] = &["GET", "POST", "PUT", "PATCH", "DELETE"];

/// A concrete URI for a route pattern.
fn concrete(route: &str) -> String {
    route
        .replace("{id}", "sample-city-plan.txt")
        .replace("{name}", "app.css")
        .replace("{file}", "documents.csv")
        .replace("{unit}", "1")
        .replace("{ord}", "0")
        .replace("{eid}", "1")
        .replace("{*rest}", "x")
}

/// Sends `method uri` with a valid CSRF token, and `session` if any.
async fn request(state: &AppState, method: &str, uri: &str, session: Option<&str>) -> StatusCode {
    reply(state, method, uri, session).await.status
}

async fn reply(state: &AppState, method: &str, uri: &str, session: Option<&str>) -> common::Reply {
    let c = csrf_only(state).await;
    let cookie = match session {
        Some(s) => format!("{}; {s}", c.cookie),
        None => c.cookie.clone(),
    };
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .header("cookie", cookie)
        .header("x-csrf-token", &c.token)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::empty())
        .expect("request");
    send(state, req).await
}

#[tokio::test]
async fn every_route_has_an_entry() {
    let state = empty_state().await;
    let mut admin = common::admin_cookie(&state).await;
    // What the router serves: each registered path, probed with each method
    // (405 means not served).
    let mut served = BTreeSet::new();
    for path in planwatch_server::route_paths() {
        for method in METHODS {
            let r = reply(&state, method, &concrete(path), Some(&admin)).await;
            // 405: the path's route does not take the method; the fallback's
            // 404: no route has the path.
            if r.status != StatusCode::METHOD_NOT_ALLOWED && !r.text().contains("page not found:") {
                served.insert((method.to_string(), path.to_string()));
            }
            if path == "/logout" {
                // That ended the session: log in again.
                admin = common::admin_cookie(&state).await;
            }
        }
    }
    let listed: BTreeSet<(String, String)> = MATRIX
        .iter()
        .map(|(m, p, _)| (m.to_string(), p.to_string()))
        .collect();
    let missing: Vec<_> = served.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&served).collect();
    assert!(
        missing.is_empty(),
        "routes without an authorization matrix entry: {missing:?}"
    );
    assert!(stale.is_empty(), "matrix entries of no route: {stale:?}");
}

#[tokio::test]
async fn the_matrix_holds_for_every_role() {
    let state = empty_state().await;
    let roles = [Role::Deputy, Role::Reporter, Role::Reviewer, Role::Admin];
    for (method, route, may) in MATRIX {
        let uri = concrete(route);
        // Fresh sessions for each route (`POST /logout` ends them).
        let mut sessions: Vec<(&str, Option<String>)> = vec![("anonymous", None)];
        for role in roles {
            let name = format!("u-{}", role.as_str());
            let cookie = login_as(&state, &name, "a-long-password", role).await;
            sessions.push((role.as_str(), Some(cookie)));
        }
        for (who, session) in &sessions {
            let status = request(&state, method, &uri, session.as_deref()).await;
            let denied = status == StatusCode::UNAUTHORIZED || status == StatusCode::FORBIDDEN;
            let allowed = match may {
                May::Anyone => true,
                May::Member => session.is_some(),
                May::Admin => *who == "admin",
                May::Roles(roles) => roles.contains(who),
            };
            if allowed {
                // Login with no fields is 400, not a refusal.
                assert!(!denied, "{who} {method} {uri}: {status}");
            } else if session.is_none() {
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{who} {method} {uri}");
            } else {
                assert_eq!(status, StatusCode::FORBIDDEN, "{who} {method} {uri}");
            }
        }
    }
    // A refused upload stored nothing.
    assert_eq!(state.store().counts().await.expect("counts").revisions, 0);
}

/// The `planwatch_session=…` a login answer sets.
fn session_of(r: &common::Reply) -> Option<String> {
    r.headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("planwatch_session="))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
}

/// Posts the login page's multipart form (boundary `b`) with `cookie`.
async fn post_login_form(state: &AppState, cookie: &str, form: impl Into<Body>) -> common::Reply {
    send(
        state,
        Request::post("/login")
            .header("cookie", cookie)
            .header("content-type", "multipart/form-data; boundary=b")
            .body(form.into())
            .expect("request"),
    )
    .await
}

async fn login_with(state: &AppState, cookie_extra: &str, password: &str) -> common::Reply {
    let c = csrf_only(state).await;
    send(
        state,
        Request::post("/login")
            .header("cookie", format!("{}{cookie_extra}", c.cookie))
            .header("x-csrf-token", &c.token)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(format!("name=root&password={password}")))
            .expect("request"),
    )
    .await
}

async fn me(state: &AppState, session: &str) -> serde_json::Value {
    send(
        state,
        Request::get("/api/v1/me")
            .header("cookie", session)
            .body(Body::empty())
            .expect("request"),
    )
    .await
    .json()
}

#[tokio::test]
async fn login_starts_a_new_session_every_time() {
    let state = empty_state().await;
    state
        .store()
        .add_user("root", "root-password", Role::Admin, &[], None)
        .await
        .expect("admin");
    // A session id planted before login is not the one after.
    let planted = "planwatch_session=attacker-chosen-value";
    let r = login_with(&state, &format!("; {planted}"), "root-password").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let first = session_of(&r).expect("a session cookie");
    assert_ne!(first, planted);
    let set = r.header("set-cookie").unwrap_or_default();
    let all: Vec<String> = r
        .headers
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect();
    let cookie = all
        .iter()
        .find(|c| c.starts_with("planwatch_session="))
        .expect("session cookie");
    for attr in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(cookie.contains(attr), "{cookie} ({set})");
    }
    assert!(!cookie.contains("Secure"), "plain http: {cookie}");
    assert_eq!(me(&state, &first).await["name"], "root");
    // Logging in again with a live session rotates it: the old one is dead.
    let r = login_with(&state, &format!("; {first}"), "root-password").await;
    let second = session_of(&r).expect("a session cookie");
    assert_ne!(second, first);
    assert_eq!(me(&state, &first).await["authenticated"], false);
    assert_eq!(me(&state, &second).await["authenticated"], true);
    // Behind a TLS proxy the cookie is Secure.
    let c = csrf_only(&state).await;
    let r = send(
        &state,
        Request::post("/login")
            .header("cookie", &c.cookie)
            .header("x-csrf-token", &c.token)
            .header("x-forwarded-proto", "https")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from("name=root&password=root-password"))
            .expect("request"),
    )
    .await;
    assert!(r
        .header("set-cookie")
        .is_some_and(|c| c.contains("; Secure")));
    // Logout ends the session.
    let c = csrf_only(&state).await;
    let r = send(
        &state,
        Request::post("/logout")
            .header("cookie", format!("{}; {second}", c.cookie))
            .header("x-csrf-token", &c.token)
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT, "{}", r.text());
    assert_eq!(me(&state, &second).await["authenticated"], false);
}

#[tokio::test]
async fn login_logout_uploads_and_unit_forms_need_the_csrf_token() {
    let state = empty_state().await;
    state
        .store()
        .add_user("root", "root-password", Role::Admin, &[], None)
        .await
        .expect("admin");
    let admin = common::admin_cookie(&state).await;
    for (uri, content_type, body) in [
        (
            "/login",
            "application/x-www-form-urlencoded",
            "name=root&password=root-password",
        ),
        ("/logout", "application/x-www-form-urlencoded", ""),
        (
            "/api/v1/documents",
            "multipart/form-data; boundary=b",
            "--b--\r\n",
        ),
        (
            "/documents/upload",
            "multipart/form-data; boundary=b",
            "--b--\r\n",
        ),
        ("/api/v1/units", "application/json", "[\"市统计局\"]"),
        (
            "/units/import",
            "multipart/form-data; boundary=b",
            "--b--\r\n",
        ),
        (
            "/units/assign-from-text",
            "multipart/form-data; boundary=b",
            "--b--\r\n",
        ),
        (
            "/documents/sample.txt/assign",
            "multipart/form-data; boundary=b",
            "--b--\r\n",
        ),
        ("/review/1", "multipart/form-data; boundary=b", "--b--\r\n"),
        ("/api/v1/submissions/1/approve", "application/json", "{}"),
    ] {
        // Even with an admin's session: no token, no write.
        let r = send(
            &state,
            Request::post(uri)
                .header("cookie", &admin)
                .header("content-type", content_type)
                .body(Body::from(body))
                .expect("request"),
        )
        .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{uri}: {}", r.text());
        assert!(r.text().contains("csrf"), "{uri}: {}", r.text());
        assert!(session_of(&r).is_none(), "{uri} set a session");
    }
    // The login form's multipart body needs its csrf_token field.
    let c = csrf_only(&state).await;
    let form = "--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nroot\r\n--b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nroot-password\r\n--b--\r\n";
    let r = post_login_form(&state, &c.cookie, form).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    assert!(session_of(&r).is_none());
    // With it, the form logs in and is sent on.
    let form = format!(
        "--b\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{}\r\n{}",
        c.token, form
    );
    let r = post_login_form(&state, &c.cookie, form).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.text());
    assert!(session_of(&r).is_some());
}

#[tokio::test]
async fn five_wrong_passwords_lock_the_account() {
    let state = empty_state().await;
    state
        .store()
        .add_user("root", "root-password", Role::Admin, &[], None)
        .await
        .expect("admin");
    for _ in 0..5 {
        let r = login_with(&state, "", "wrong-password").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
        assert!(r.text().contains("bad_credentials"));
    }
    let r = login_with(&state, "", "root-password").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.text());
    assert!(r.text().contains("locked"), "{}", r.text());
    assert!(session_of(&r).is_none());
    // The form gets the login page again, in Chinese.
    let c = csrf_only(&state).await;
    let form = format!("--b\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n{}\r\n--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nroot\r\n--b\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\nroot-password\r\n--b--\r\n", c.token);
    let r = post_login_form(&state, &c.cookie, form).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text().contains("账户已锁定"), "{}", r.text());
    // An admin's reset unlocks.
    state
        .store()
        .set_password("root", "root-password-2", None)
        .await
        .expect("reset");
    let r = login_with(&state, "", "root-password-2").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
}

#[tokio::test]
async fn one_address_may_get_only_so_many_logins_wrong() {
    let state = empty_state().await;
    for i in 0..planwatch_server::auth::ADDR_FAILURES {
        let r = login_with(&state, "", &format!("guess-{i}")).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    }
    let r = login_with(&state, "", "guess-again").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.text());
    assert!(r.text().contains("too_many_attempts"));
}

#[tokio::test]
async fn the_login_page_is_chinese_and_carries_a_token() {
    let state = empty_state().await;
    let r = common::get(&state, "/login").await;
    assert_eq!(r.status, StatusCode::OK);
    let html = r.text();
    assert!(html.contains("<h1>登录</h1>") && html.contains("name=\"csrf_token\""));
    assert!(r
        .header("set-cookie")
        .is_some_and(|c| c.starts_with("planwatch_csrf=")));
    let doc = common::get(&state, "/api/v1/openapi.json").await.json();
    for path in ["/login", "/logout", "/api/v1/me"] {
        assert!(
            doc["paths"][path].is_object(),
            "{path} not in the OpenAPI document"
        );
    }
}

/// `GET uri` with `auth` as the Authorization header and nothing else.
async fn get_with(state: &AppState, uri: &str, auth: &str) -> common::Reply {
    send(
        state,
        Request::get(uri)
            .header("authorization", auth)
            .body(Body::empty())
            .expect("request"),
    )
    .await
}

/// `POST /api/v1/documents` with one small plan as the file, `auth` as the
/// Authorization header and nothing else (no cookie, no CSRF token).
async fn upload_with_token(state: &AppState, auth: &str, name: &str) -> common::Reply {
    let text = "某市“十四五”规划纲要\n\n到2025年，地区生产总值达到1000亿元。\n";
    let (ct, body) = common::multipart("file", name, text.as_bytes());
    send(
        state,
        Request::post("/api/v1/documents")
            .header("authorization", auth)
            .header("content-type", ct)
            .header("content-length", body.len())
            .body(Body::from(body))
            .expect("request"),
    )
    .await
}

#[tokio::test]
async fn api_tokens_stand_for_their_user_and_nobody_else() {
    let state = empty_state().await;
    let store = state.store();
    store
        .add_user("root", "root-password", Role::Admin, &[], None)
        .await
        .expect("admin");
    store
        .add_user(
            "li",
            "li-password",
            Role::Reporter,
            &["市统计局".into()],
            None,
        )
        .await
        .expect("reporter");
    let admin = store
        .create_api_token("root", "上传脚本", None)
        .await
        .expect("token");
    let reporter = store.create_api_token("li", "", None).await.expect("token");

    // An admin's token uploads with no session and no CSRF token.
    let r = upload_with_token(&state, &format!("Bearer {admin}"), "token-plan.txt").await;
    assert!(r.status.is_success(), "{}: {}", r.status, r.text());
    // /api/v1/me says who the token is.
    let me = get_with(&state, "/api/v1/me", &format!("bearer {reporter}")).await;
    assert_eq!(me.json()["name"], "li");
    assert_eq!(me.json()["units"][0], "市统计局");
    // Another role's token is refused the write (403), a made-up or other
    // scheme's credential is refused everything (401), reads included.
    let r = upload_with_token(&state, &format!("Bearer {reporter}"), "b.txt").await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    for bad in [
        "Bearer pwt_0000".to_string(),
        format!("Basic {admin}"),
        "Bearer".to_string(),
        format!("Bearer {admin}x"),
    ] {
        let r = upload_with_token(&state, &bad, "c.txt").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{bad}: {}", r.text());
        assert!(r.text().contains("bad_token"), "{}", r.text());
        let r = get_with(&state, "/api/v1/documents", &bad).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "GET with {bad}");
    }
    // A bad token is not rescued by an admin's session cookie beside it.
    let cookie = common::admin_cookie(&state).await;
    let r = send(
        &state,
        Request::get("/api/v1/me")
            .header("authorization", "Bearer pwt_made_up")
            .header("cookie", cookie)
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Revoked: refused from then on.
    assert!(store
        .revoke_api_token("root", &admin, Some("root"))
        .await
        .expect("revoke"));
    let r = upload_with_token(&state, &format!("Bearer {admin}"), "d.txt").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.text());
    // Only the first upload was stored.
    assert_eq!(store.counts().await.expect("counts").revisions, 1);
}

/// The `action` of each line of an audit page.
fn actions_of(page: &serde_json::Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["action"].as_str().unwrap_or(""))
        .collect()
}

#[tokio::test]
async fn the_audit_trail_is_for_admins_and_shows_every_change() {
    let state = empty_state().await;
    let store = state.store();
    store
        .add_user("root", "root-password", Role::Admin, &[], None)
        .await
        .expect("admin");
    // A name a spreadsheet would run as a formula, if the CSV let it.
    store
        .add_user(
            "=cmd",
            "reporter-password",
            Role::Reporter,
            &[],
            Some("root"),
        )
        .await
        .expect("reporter");
    let token = store
        .create_api_token("=cmd", "", Some("root"))
        .await
        .expect("token");
    store
        .revoke_api_token("=cmd", &token, Some("root"))
        .await
        .expect("revoke");
    let admin = store
        .create_api_token("root", "", None)
        .await
        .expect("token");
    let page = get_with(&state, "/api/v1/audit?limit=2", &format!("Bearer {admin}")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.text());
    let j = page.json();
    let actions = actions_of(&j);
    assert_eq!(actions, ["token.add", "token.revoke"]);
    let next = j["next_before"].as_i64().expect("a next page");
    let rest = get_with(
        &state,
        &format!("/api/v1/audit?before={next}"),
        &format!("Bearer {admin}"),
    )
    .await
    .json();
    let actions = actions_of(&rest);
    assert_eq!(actions, ["token.add", "user.add", "user.add"]);
    assert!(rest["next_before"].is_null());
    // The page, in Chinese; the CSV with the formula quoted as text.
    let html = get_with(&state, "/audit", &format!("Bearer {admin}"))
        .await
        .text();
    assert!(
        html.contains("吊销 API 令牌") && html.contains("user:=cmd"),
        "{html}"
    );
    let csv = get_with(&state, "/audit.csv", &format!("Bearer {admin}")).await;
    assert_eq!(csv.status, StatusCode::OK);
    let text = csv.text();
    assert!(
        text.contains("'=cmd") || text.contains("user:=cmd"),
        "{text}"
    );
    assert!(
        !text
            .lines()
            .any(|l| l.split(',').any(|c| c.starts_with('='))),
        "{text}"
    );
    // Another role's token, and nobody, may not read it.
    let reporter = store
        .create_api_token("=cmd", "", None)
        .await
        .expect("token");
    for uri in ["/audit", "/audit.csv", "/api/v1/audit"] {
        let r = get_with(&state, uri, &format!("Bearer {reporter}")).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{uri}");
        let r = common::get(&state, uri).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{uri}");
    }
    // A bad limit is the client's error.
    let r = get_with(&state, "/api/v1/audit?limit=0", &format!("Bearer {admin}")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

/// Every method and path of the API the router serves (the matrix, which
/// `every_route_has_an_entry` holds to the router) is in the OpenAPI
/// document, so a new endpoint without its `utoipa::path` fails here; only
/// the document itself, its viewer and the JSON 404 catch-all are not.
#[tokio::test]
async fn every_api_route_is_in_the_openapi_document() {
    let state = empty_state().await;
    let doc = common::get(&state, "/api/v1/openapi.json").await.json();
    let undocumented: Vec<String> = MATRIX
        .iter()
        .filter(|(_, path, _)| path.starts_with("/api/v1/"))
        .filter(|(_, path, _)| {
            !path.starts_with("/api/v1/docs")
                && !path.contains("{*rest}")
                && *path != "/api/v1/openapi.json"
        })
        .filter(|(method, path, _)| !doc["paths"][*path][method.to_lowercase()].is_object())
        .map(|(method, path, _)| format!("{method} {path}"))
        .collect();
    assert!(
        undocumented.is_empty(),
        "API routes missing from the OpenAPI document: {undocumented:?}"
    );
}

/// An upload is a change to the facts: the audit trail names the document
/// and the user who uploaded it.
#[tokio::test]
async fn uploads_are_in_the_audit_trail_with_their_user() {
    let state = empty_state().await;
    let token = common::user_token(&state, "uploader", Role::Admin, &[]).await;
    let r = upload_with_token(&state, &format!("Bearer {token}"), "audited.txt").await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let id = r.json()["document"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let entries = state.store().audit_entries(100).await.expect("audit");
    let line = entries
        .iter()
        .find(|e| e.action == "document.ingest")
        .expect("the upload is audited");
    assert_eq!(line.actor.as_deref(), Some("uploader"));
    assert_eq!(line.subject, format!("document:{id}"));
    assert!(line
        .after
        .as_deref()
        .is_some_and(|a| a.contains("audited.txt")));
    let page = get_with(&state, "/audit", &format!("Bearer {token}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.text().contains("文档入库"), "{}", page.text());
}
