//! Test support: states over an in-memory (or PostgreSQL) store holding the corpus, and request helpers.
#![allow(dead_code)]

use std::path::PathBuf;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use planwatch_catalog::Catalog;
use planwatch_server::{app, AppState, Config};
use planwatch_store::{SearchIndex, Store};
use tower::ServiceExt;

/// The real plan documents shipped in the repository (`samples/corpus`).
pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../samples/corpus");

/// The corpus files, sorted.
pub fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(CORPUS)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no .txt document in {CORPUS}");
    files
}

/// A state over `store` with a RAM index, the corpus ingested through the upload path.
pub async fn state_over(store: Store, config: Config) -> AppState {
    let index = SearchIndex::in_ram().expect("ram index");
    state_with(store, index, config).await
}

/// A state over `store` and `index`, the corpus ingested through the upload path.
pub async fn state_with(store: Store, index: SearchIndex, config: Config) -> AppState {
    planwatch_server::init_logging(false);
    let state = AppState::new(store, Some(index), Catalog::builtin(), config)
        .await
        .expect("state");
    for f in corpus_files() {
        let bytes = std::fs::read(&f).expect("read corpus file");
        let name = f.file_name().expect("name").to_string_lossy().to_string();
        state
            .ingest(&name, &bytes, false)
            .await
            .expect("ingest corpus file");
    }
    state
}

/// A state over `store` as it is (no corpus, no index), with [`test_config`].
pub async fn bare_state(store: Store) -> AppState {
    planwatch_server::init_logging(false);
    AppState::new(store, None, Catalog::builtin(), test_config())
        .await
        .expect("state")
}

/// A state over a fresh, empty in-memory SQLite store ([`bare_state`]).
pub async fn empty_state() -> AppState {
    bare_state(Store::in_memory().await.expect("memory store")).await
}

/// A browser of a logged-in user `name` of `role` (password
/// `a-long-password`, added if new): its cookies (CSRF and session) and
/// the CSRF token its pages carry.
pub async fn browser(
    state: &AppState,
    name: &str,
    role: planwatch_store::Role,
) -> (String, String) {
    let session = login_as(state, name, "a-long-password", role).await;
    let c = csrf_only(state).await;
    (format!("{}; {session}", c.cookie), c.token)
}

/// POSTs `fields` to `uri` as a browser's multipart form with `cookie` only.
pub async fn post_form(
    state: &AppState,
    uri: &str,
    cookie: &str,
    fields: &[(&str, &str)],
) -> Reply {
    send(
        state,
        Request::post(uri)
            .header("cookie", cookie)
            .header("content-type", "multipart/form-data; boundary=b")
            .body(Body::from(form(fields)))
            .expect("request"),
    )
    .await
}

/// A SQLite store (`planwatch.db`) and its search index in the folder `dir`.
pub async fn temp_store(dir: &std::path::Path) -> (Store, SearchIndex) {
    let db = dir.join("planwatch.db");
    let store = Store::open(db.to_str().expect("utf-8 path"))
        .await
        .expect("store");
    let index = SearchIndex::open(&dir.join("planwatch.db.index")).expect("index");
    (store, index)
}

/// A server on a loopback port over a state, until [`Running::stop`].
pub struct Running {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// The address it listens on.
    pub addr: std::net::SocketAddr,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<Result<(), planwatch_server::ServeError>>,
}

impl Running {
    /// Serves `state` on a free loopback port.
    pub async fn start(state: AppState) -> Running {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        let base = format!("http://{addr}");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(planwatch_server::serve_on(state, listener, async {
            let _ = stopped.await;
        }));
        Running {
            base,
            addr,
            stop,
            task,
        }
    }

    /// Stops the server and waits for it to shut down cleanly.
    pub async fn stop(self) {
        let _ = self.stop.send(());
        self.task
            .await
            .expect("server task")
            .expect("server shut down cleanly");
    }
}

/// A state over a fresh in-memory SQLite store holding the corpus.
pub async fn corpus_state() -> AppState {
    state_over(
        Store::in_memory().await.expect("memory store"),
        test_config(),
    )
    .await
}

/// Settings for tests: small upload limit, immediate refresh.
pub fn test_config() -> Config {
    Config {
        max_upload: 256 * 1024,
        refresh: std::time::Duration::from_millis(0),
        cache_responses: true,
        ..Config::default()
    }
}

/// A response's status, headers and body.
pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    }
}

/// Sends one request to a fresh router over `state`.
pub async fn send(state: &AppState, req: Request<Body>) -> Reply {
    let router: Router = app(state.clone());
    let resp = router.oneshot(req).await.expect("infallible");
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = resp
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

/// GET `uri`.
pub async fn get(state: &AppState, uri: &str) -> Reply {
    send(
        state,
        Request::get(uri).body(Body::empty()).expect("request"),
    )
    .await
}

/// A multipart body with one file field.
pub fn multipart(field: &str, file_name: &str, bytes: &[u8]) -> (String, Vec<u8>) {
    let boundary = "planwatchTESTboundary7d93";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// A CSRF token of `GET /api/v1/csrf` and the cookie it came with.
pub struct Csrf {
    pub token: String,
    /// `planwatch_csrf=…`, as a `Cookie` header sends it.
    pub cookie: String,
}

impl Csrf {
    /// `req` with the cookie and the `X-CSRF-Token` header.
    pub fn on(&self, req: axum::http::request::Builder) -> axum::http::request::Builder {
        req.header("cookie", &self.cookie)
            .header("x-csrf-token", &self.token)
    }
}

/// A token and its cookie, with an admin's session added to the cookie
/// (`planwatch_csrf=…; planwatch_session=…`): writes need both.
pub async fn csrf(state: &AppState) -> Csrf {
    let c = csrf_only(state).await;
    let session = admin_cookie(state).await;
    Csrf {
        token: c.token,
        cookie: format!("{}; {session}", c.cookie),
    }
}

/// Fetches a token (and its cookie) from `state`, as an API client does.
pub async fn csrf_only(state: &AppState) -> Csrf {
    let r = get(state, "/api/v1/csrf").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let token = r.json()["token"].as_str().expect("token").to_string();
    let set = r.header("set-cookie").expect("the cookie is set");
    let cookie = set.split(';').next().expect("name=value").to_string();
    assert_eq!(cookie, format!("planwatch_csrf={token}"));
    Csrf { token, cookie }
}

/// The name and password of the admin tests log in as ([`admin_cookie`]).
pub const ADMIN: (&str, &str) = ("test-admin", "test-admin-password");

/// Creates a user of `role` in the state's store (if not there) and logs in
/// through `POST /login`; returns `planwatch_session=…`.
pub async fn login_as(
    state: &AppState,
    name: &str,
    password: &str,
    role: planwatch_store::Role,
) -> String {
    if state
        .store()
        .find_user(name)
        .await
        .expect("find user")
        .is_none()
    {
        match state
            .store()
            .add_user(name, password, role, &[], None)
            .await
        {
            Ok(_) | Err(planwatch_store::StoreError::UserExists(_)) => {}
            Err(e) => panic!("add user: {e}"),
        }
    }
    let c = csrf_only(state).await;
    let body = format!("name={name}&password={password}");
    let r = send(
        state,
        c.on(Request::post("/login"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .expect("request"),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "login: {}", r.text());
    let set = r.header("set-cookie").expect("the session cookie is set");
    set.split(';').next().expect("name=value").to_string()
}

/// Adds the tests' admin (`ADMIN`) to a store opened outside an `AppState`.
pub async fn add_admin(store: &Store) {
    store
        .add_user(ADMIN.0, ADMIN.1, planwatch_store::Role::Admin, &[], None)
        .await
        .expect("admin");
}

/// An admin's session cookie (`planwatch_session=…`): uploads need one.
pub async fn admin_cookie(state: &AppState) -> String {
    login_as(state, ADMIN.0, ADMIN.1, planwatch_store::Role::Admin).await
}

/// A POST to `uri` carrying a fresh CSRF token, its cookie and an admin's session.
pub async fn post(state: &AppState, uri: &str) -> axum::http::request::Builder {
    csrf(state).await.on(Request::post(uri))
}

/// POSTs a multipart upload to `uri`, with a CSRF token as an API client sends it.
pub async fn upload(state: &AppState, uri: &str, file_name: &str, bytes: &[u8]) -> Reply {
    let (ct, body) = multipart("file", file_name, bytes);
    send(
        state,
        post(state, uri)
            .await
            .header("content-type", ct)
            .header("content-length", body.len())
            .body(Body::from(body))
            .expect("request"),
    )
    .await
}

/// A unit with markup in it, as an imported table may give (issue 9).
pub const HOSTILE_UNIT: &str = "<img src=x onerror=alert(1)>";
/// An indicator name with markup in it.
pub const HOSTILE_INDICATOR: &str = "测试指标<b>";

/// Stores two actuals of [`HOSTILE_INDICATOR`] in [`HOSTILE_UNIT`] the way
/// `planwatch import` does; returns the document id.
pub async fn import_hostile(state: &AppState) -> String {
    let header: Vec<String> = ["indicator", "year", "value", "unit"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let rows = [(2, "2019", "1.5"), (3, "2020", "2.5")]
        .map(|(row, year, value)| {
            (
                row,
                vec![
                    HOSTILE_INDICATOR.to_string(),
                    year.to_string(),
                    value.to_string(),
                    HOSTILE_UNIT.to_string(),
                ],
            )
        })
        .to_vec();
    let imported = planwatch_catalog::rows_to_facts("hostile.csv", &header, rows);
    assert!(imported.errors.is_empty(), "{:?}", imported.errors);
    let text = format!(
        "indicator,year,value,unit\n{HOSTILE_INDICATOR},2019,1.5,{HOSTILE_UNIT}\n{HOSTILE_INDICATOR},2020,2.5,{HOSTILE_UNIT}\n"
    );
    let doc = planwatch_store::NewDocument {
        name: "hostile.csv".into(),
        path: None,
        format: "csv".into(),
        origin: planwatch_store::Origin::Import,
        info: planwatch_core::DocumentInfo {
            title: Some("hostile.csv".into()),
            region: None,
            doc_type: planwatch_core::DocType::Other,
            period_start: None,
            period_end: None,
            year: None,
            issuer: None,
            number: None,
        },
        text,
    };
    let outcome = state
        .store()
        .put_document(&doc, &imported.facts)
        .await
        .expect("store the import");
    state.refresh().await.expect("refresh");
    match outcome {
        planwatch_store::PutOutcome::Stored(d) | planwatch_store::PutOutcome::Unchanged(d) => d.id,
    }
}

/// `s` percent-encoded for a URL path or query.
pub fn pct(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A plan (十四五, 2021–2025) with a base (2020: 800亿元) and a target (2025: 1000亿元).
pub const PLAN: &str = "锦州市国民经济和社会发展第十四个五年规划纲要\n\n\
第一章 发展目标\n\n\
2020年，全市地区生产总值达到800亿元。到2025年，全市地区生产总值达到1000亿元。\n";

/// The name [`PLAN`] is stored under.
pub const PLAN_NAME: &str = "jz-plan.txt";
/// The unit [`PLAN`]'s target is assigned to (lead).
pub const UNIT: &str = "锦州市统计局";

/// Adds a user of `role` in `units` (password `a-long-password`) and returns an API token of theirs.
pub async fn user_token(
    state: &AppState,
    name: &str,
    role: planwatch_store::Role,
    units: &[&str],
) -> String {
    let units: Vec<String> = units.iter().map(|u| u.to_string()).collect();
    state
        .store()
        .add_user(name, "a-long-password", role, &units, None)
        .await
        .expect("user");
    state
        .store()
        .create_api_token(name, "test", None)
        .await
        .expect("token")
}

/// `method uri` with `Authorization: Bearer token` (or none) and a JSON body if any.
pub async fn call(
    state: &AppState,
    method: &str,
    uri: &str,
    token: Option<&str>,
    body: Option<serde_json::Value>,
) -> Reply {
    let mut req = Request::builder().method(method).uri(uri);
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    } else if method != "GET" {
        // Anonymous writes pass the CSRF check, to meet the login check.
        req = csrf_only(state).await.on(req);
    }
    let body = match body {
        Some(j) => {
            req = req.header("content-type", "application/json");
            Body::from(j.to_string())
        }
        None => Body::empty(),
    };
    send(state, req.body(body).expect("request")).await
}

/// [`PLAN`] stored in a state, its target assigned to [`UNIT`] (lead), and
/// API tokens: an admin, a reporter of the unit (li), a reporter of another
/// unit (wu), a reviewer (zhao) and a deputy (wang).
pub struct Fixture {
    pub doc_id: String,
    pub ord: i64,
    pub admin: String,
    pub li: String,
    pub wu: String,
    pub zhao: String,
    pub wang: String,
}

/// Ingests [`PLAN`] into `state`, adds the users and the units, and assigns the target.
pub async fn fixture(state: &AppState) -> Fixture {
    use planwatch_store::Role;
    use serde_json::json;
    state
        .ingest(PLAN_NAME, PLAN.as_bytes(), false)
        .await
        .expect("ingest the plan");
    let facts = get(state, &format!("/api/v1/facts?doc={PLAN_NAME}&kind=target")).await;
    let items = facts.json()["items"].clone();
    let ord = items
        .as_array()
        .and_then(|a| a.iter().find(|f| f["value"] == 1000.0))
        .and_then(|f| f["ord"].as_i64())
        .unwrap_or_else(|| panic!("the plan's target: {items}"));
    let doc_id = state
        .store()
        .find_document(PLAN_NAME)
        .await
        .expect("find")
        .expect("stored")
        .id;
    let admin = user_token(state, "root", Role::Admin, &[]).await;
    let li = user_token(state, "li", Role::Reporter, &[UNIT]).await;
    let wu = user_token(state, "wu", Role::Reporter, &["市水务局"]).await;
    let zhao = user_token(state, "zhao", Role::Reviewer, &[]).await;
    let wang = user_token(state, "wang", Role::Deputy, &[]).await;
    // The admin adds the units and assigns the target.
    let r = call(
        state,
        "POST",
        "/api/v1/units",
        Some(&admin),
        Some(json!([UNIT, "市水务局"])),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let r = call(
        state,
        "PUT",
        &format!("/api/v1/documents/{PLAN_NAME}/facts/{ord}/assignment"),
        Some(&admin),
        Some(json!({"lead": [UNIT]})),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    Fixture {
        doc_id,
        ord,
        admin,
        li,
        wu,
        zhao,
        wang,
    }
}

/// A multipart form (boundary `b`) of text fields.
pub fn form(fields: &[(&str, &str)]) -> String {
    let mut s = String::new();
    for (k, v) in fields {
        s.push_str(&format!(
            "--b\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
        ));
    }
    s.push_str("--b--\r\n");
    s
}

/// GET `uri` with `cookie` (a session, CSRF cookie or both).
pub async fn page(state: &AppState, uri: &str, cookie: &str) -> Reply {
    send(
        state,
        Request::get(uri)
            .header("cookie", cookie)
            .body(Body::empty())
            .expect("request"),
    )
    .await
}

/// A fresh PostgreSQL database named after `name` when `PLANWATCH_TEST_PG`
/// is set: the server's URL, the database's and a store over it. `None`
/// (with a note naming `what` is skipped) when it is not set.
pub async fn postgres_store(name: &str, what: &str) -> Option<(String, String, Store)> {
    let Ok(base) = std::env::var("PLANWATCH_TEST_PG") else {
        eprintln!("note: PLANWATCH_TEST_PG is not set; skipping the PostgreSQL run of {what}");
        return None;
    };
    let url = planwatch_store::testing::fresh_postgres(&base, name)
        .await
        .expect("create test database");
    let store = Store::open(&url).await.expect("open postgres");
    Some((base, url, store))
}

/// Drops a database [`postgres_store`] made.
pub async fn drop_postgres(base: &str, url: &str) {
    planwatch_store::testing::drop_postgres(base, url)
        .await
        .expect("drop test database");
}
