//! HTTP caching of GET responses: ETag and Last-Modified from the data version,
//! `304 Not Modified` on a matching `If-None-Match`, and rendered responses kept in
//! memory until the data changes.
//!
//! A page or API answer depends only on its URL and the data version, so the
//! ETag is a hash of both (and of the build) and can be checked before any work.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// Responses larger than this are not kept.
const MAX_BODY: usize = 8 * 1024 * 1024;
/// Entries kept before the cache is emptied.
const MAX_ENTRIES: usize = 4096;

#[derive(Clone)]
struct Entry {
    etag: String,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

/// Rendered responses by URL, for one data version at a time.
#[derive(Default)]
pub struct ResponseCache {
    entries: Mutex<HashMap<String, Entry>>,
}

impl ResponseCache {
    /// Forgets everything (the data changed).
    pub fn clear(&self) {
        if let Ok(mut e) = self.entries.lock() {
            e.clear();
        }
    }

    fn get(&self, key: &str, etag: &str) -> Option<Entry> {
        let e = self.entries.lock().ok()?;
        e.get(key).filter(|x| x.etag == etag).cloned()
    }

    fn put(&self, key: String, entry: Entry) {
        if let Ok(mut e) = self.entries.lock() {
            if e.len() >= MAX_ENTRIES {
                e.clear();
            }
            e.insert(key, entry);
        }
    }
}

/// Identifies this build, so that a new binary does not answer 304 to pages it renders differently.
const BUILD: &str = concat!(env!("CARGO_PKG_NAME"), "-", env!("CARGO_PKG_VERSION"));

fn etag_for(version: (i64, i64), key: &str) -> String {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    BUILD.hash(&mut h);
    version.hash(&mut h);
    key.hash(&mut h);
    format!("W/\"{:016x}\"", h.finish())
}

fn if_none_match(headers: &HeaderMap) -> impl Iterator<Item = &str> {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
}

/// Whether `If-None-Match` names `etag` (weak comparison). Not `*`: see [`wildcard`].
fn matches(headers: &HeaderMap, etag: &str) -> bool {
    if_none_match(headers)
        .any(|t| t == etag || t.trim_start_matches("W/") == etag.trim_start_matches("W/"))
}

/// Whether `If-None-Match` is `*`, which matches any current representation
/// (RFC 9110 §13.1.2): only known once the handler answered 200, since an
/// unknown id has none and its 404 must go through.
fn wildcard(headers: &HeaderMap) -> bool {
    if_none_match(headers).any(|t| t == "*")
}

fn http_date(unix: i64) -> Option<HeaderValue> {
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(u64::try_from(unix).ok()?);
    HeaderValue::from_str(&httpdate::fmt_http_date(t)).ok()
}

fn cacheable(path: &str) -> bool {
    !(path.starts_with("/assets/")
        || path.starts_with("/api/v1/docs")
        || path.ends_with("/health")
        || path == "/health")
}

/// Middleware: ETag, Last-Modified, 304s, and the in-memory response cache for GET and HEAD.
pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    if !(req.method() == Method::GET || req.method() == Method::HEAD)
        || !cacheable(req.uri().path())
    {
        return next.run(req).await;
    }
    let snap = match state.snapshot().await {
        Ok(s) => s,
        Err(e) => return e.into_response(),
    };
    let key = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_default();
    let etag = etag_for((snap.version.revisions, snap.version.facts), &key);
    let last_modified = http_date(snap.updated_at);
    let validators = |h: &mut HeaderMap| {
        if let Ok(v) = HeaderValue::from_str(&etag) {
            h.insert(header::ETAG, v);
        }
        if let Some(lm) = &last_modified {
            h.insert(header::LAST_MODIFIED, lm.clone());
        }
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    };
    let not_modified = || {
        let mut r = StatusCode::NOT_MODIFIED.into_response();
        validators(r.headers_mut());
        r
    };
    if matches(req.headers(), &etag) {
        return not_modified();
    }
    let wildcard = wildcard(req.headers());
    // HEAD answers have their body stripped by the router: never cache them.
    let use_cache = state.config().cache_responses && req.method() == Method::GET;
    if use_cache {
        if let Some(hit) = state.cache().get(&key, &etag) {
            // Only 200s are kept, so the resource exists.
            if wildcard {
                return not_modified();
            }
            let mut r = Response::new(Body::from(hit.body));
            *r.status_mut() = hit.status;
            *r.headers_mut() = hit.headers;
            return r;
        }
    }
    let resp = next.run(req).await;
    if resp.status() != StatusCode::OK {
        return resp;
    }
    if wildcard {
        return not_modified();
    }
    let (mut parts, body) = resp.into_parts();
    validators(&mut parts.headers);
    let small = body
        .size_hint()
        .upper()
        .is_some_and(|n| n <= MAX_BODY as u64);
    if !use_cache || !small {
        return Response::from_parts(parts, body);
    }
    match axum::body::to_bytes(body, MAX_BODY).await {
        Ok(bytes) => {
            state.cache().put(
                key,
                Entry {
                    etag,
                    status: parts.status,
                    headers: parts.headers.clone(),
                    body: bytes.clone(),
                },
            );
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(e) => {
            tracing::error!(error = %e, "response body could not be buffered");
            crate::error::ApiError::Internal("response too large to buffer".into()).into_response()
        }
    }
}
