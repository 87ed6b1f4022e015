//! planwatch's web server: the plan's state in a browser, and a JSON API.
//!
//! [`app`] builds the axum [`Router`] over an [`AppState`] (store, search
//! index, catalogue):
//!
//! - **API** under `/api/v1` (JSON, described by `/api/v1/openapi.json`,
//!   browsable at `/api/v1/docs`): documents (list, one, text, facts,
//!   multipart upload running the same ingestion as `planwatch ingest`),
//!   facts (filters as `planwatch facts`), indicators, series, assessments,
//!   consistency findings, search, health. Lists are paginated
//!   (`offset`/`limit`) in a stable order; GET answers carry an ETag and
//!   Last-Modified and answer `304` to a matching `If-None-Match`. Errors are
//!   `{"code", "message"}` with the status [`ApiError`] decides.
//! - **Writes** (anything but GET/HEAD) must come from this server's own
//!   origin (or an allowed one) and repeat the `planwatch_csrf` cookie's
//!   token: see [`csrf`].
//! - **Accounts**: `GET`/`POST /login`, `POST /logout`, `GET /api/v1/me`;
//!   a session cookie; every write but search, login and logout needs an
//!   admin (401/403 otherwise): see [`auth`]. Departments (单位) and the
//!   targets assigned to them are read by members and changed by admins:
//!   see [`units`]. Reporting and review: [`reporting`]; overdue
//!   reports, reminder e-mails and escalations (督办): [`supervision`];
//!   published plan snapshots and visitors' feedback: [`portal`]; accounts
//!   managed by admins on the web: [`users`]; deputies' comments on
//!   targets: [`comments`].
//!   Every route is registered
//!   through one table ([`routes::Routes`], listed by [`route_paths`]).
//! - **Pages** (Chinese, server-rendered with minijinja, no CDN: ECharts is
//!   bundled): 总览 `/`, 指标 `/indicators` and `/indicators/{name}`, 文档
//!   `/documents` and `/documents/{id}`, 检索 `/search`, 核查 `/check`,
//!   评估报告 `/report`, and CSV/XLSX downloads of every table under `/download/`.
//!
//! Reads come from an in-memory [`snapshot::Snapshot`] of the store, reloaded
//! when the data version changes; rendered GET responses are cached per version.
#![deny(missing_docs)]

pub mod api;
mod assets;
pub mod audit;
pub mod auth;
mod cache;
pub mod calendar;
pub mod client;
pub mod comments;
pub mod csrf;
pub mod download;
pub mod error;
pub mod evaluation;
pub mod evidence;
mod highlight;
pub mod mail;
pub mod pages;
pub mod portal;
pub mod reporting;
pub mod routes;
pub mod snapshot;
mod state;
pub mod supervision;
pub mod units;
pub mod users;
pub mod views;

use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, Request};
use axum::middleware;
use axum::Router;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::{ApiError, ErrorBody};
pub use state::{AppState, Config, UploadOutcome};

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The store or index could not be opened.
    #[error(transparent)]
    Store(#[from] planwatch_store::StoreError),
    /// Loading the data failed.
    #[error(transparent)]
    Api(#[from] ApiError),
    /// The address could not be bound, or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The whole application: API, pages, assets, with logging, caching, panic
/// catching, a request timeout, security headers and cross-site write refusal.
pub fn app(state: AppState) -> Router {
    let max_upload = state.config().max_upload;
    route_table(max_upload)
        .into_router()
        .fallback(pages::not_found)
        // Innermost: runs after the CSRF check, with the route matched.
        .layer(middleware::from_fn_with_state(state.clone(), auth::layer))
        .layer(middleware::from_fn_with_state(state.clone(), cache::layer))
        .layer(middleware::from_fn_with_state(state.clone(), csrf::layer))
        .layer(DefaultBodyLimit::max(state::JSON_LIMIT))
        .with_state(state)
        .layer(CatchPanicLayer::custom(api::panic_response))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            Duration::from_secs(60),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'",
            ),
        ))
        .layer(
            TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
                tracing::info_span!("request", method = %req.method(), uri = %req.uri())
            }),
        )
}

/// Every route of the application, from one table (uploads up to `max_upload` bytes).
pub fn route_table(max_upload: usize) -> routes::Routes {
    routes::Routes::new()
        .merge(api::routes(max_upload))
        .merge(auth::routes())
        .merge(audit::routes())
        .merge(units::routes())
        .merge(users::routes())
        .merge(reporting::routes())
        .merge(supervision::routes())
        .merge(comments::routes())
        .merge(calendar::routes())
        .merge(evidence::routes())
        .merge(portal::routes())
        .merge(pages::routes(max_upload))
        .merge(download::routes())
        .merge(assets::routes())
        .merge(api::docs_routes())
}

/// The path of every route [`app`] serves, as registered (`/documents/{id}`).
pub fn route_paths() -> Vec<&'static str> {
    route_table(Config::default().max_upload).paths().to_vec()
}

/// Sets up structured logs on stderr: `RUST_LOG` filters (default `info`); JSON lines when `json`.
pub fn init_logging(json: bool) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,tower_http=info,sqlx=warn,tantivy=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let result = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
    if result.is_err() {
        // A subscriber is already installed (tests): keep it.
    }
}

/// Serves `state` on `addr` until `shutdown` completes, then finishes the
/// requests in flight (graceful shutdown) and closes the store.
pub async fn serve(
    state: AppState,
    addr: SocketAddr,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    serve_on(state, listener, shutdown).await
}

/// [`serve`] on a listener already bound (port 0 in tests).
pub async fn serve_on(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let local = listener.local_addr()?;
    tracing::info!(addr = %local, store = %state.store().location(), "serving");
    let store = state.store().clone();
    // The peer's address feeds the login rate limit (`auth`).
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await?;
    tracing::info!("shut down");
    store.close().await;
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutdown signal received; finishing requests in flight");
}

/// The address a server listens on by default.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";
