//! HTTP caching of GET responses: ETag and Last-Modified from the data version,
//! `304 Not Modified` on a matching `If-None-Match`, and rendered responses kept in
//! memory until the data changes.
//!
//! A page or API answer depends only on its path, the query parameters the
//! routes read and the data version, so the ETag is a hash of these (and of
//! the build) and can be checked before any work. The cache is bounded by the
//! bytes it holds, oldest entries going first, and keyed on the parameters
//! routes read, so query strings made up by a client cannot grow it.

use std::collections::{HashMap, VecDeque};
use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

/// Responses larger than this are not kept.
const MAX_BODY: usize = 4 * 1024 * 1024;
/// Bytes of bodies, headers and keys kept at most; the oldest go first.
const MAX_BYTES: usize = 64 * 1024 * 1024;

/// Every query parameter a cached route reads (the fields of the `…Query`
/// structs of `views`, `pages` and `download`); others change no answer and
/// stay out of the key.
const ROUTE_PARAMS: &[&str] = &[
    "as_of",
    "catalogued",
    "colour",
    "doc",
    "domain",
    "format",
    "indicator",
    "kind",
    "limit",
    "offset",
    "plan",
    "q",
    "region",
    "status",
    "type",
    "year",
];

/// The cache key of a request: its path and the parameters routes read, sorted.
fn cache_key(path: &str, query: Option<&str>) -> String {
    let mut pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .filter(|(k, _)| ROUTE_PARAMS.contains(&k.as_ref()))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    pairs.sort();
    if pairs.is_empty() {
        return path.to_string();
    }
    let query: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("{path}?{query}")
}

#[derive(Clone)]
struct Entry {
    etag: String,
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

impl Entry {
    fn bytes(&self, key: &str) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len())
            .sum();
        key.len() + self.etag.len() + headers + self.body.len()
    }
}

/// Rendered responses by key, for one data version at a time.
#[derive(Default)]
pub struct ResponseCache {
    inner: Mutex<Entries>,
}

#[derive(Default)]
struct Entries {
    map: HashMap<String, Entry>,
    /// Keys oldest first (a key put again moves to the back).
    order: VecDeque<String>,
    bytes: usize,
}

impl ResponseCache {
    /// Forgets everything (the data changed).
    pub fn clear(&self) {
        if let Ok(mut e) = self.inner.lock() {
            *e = Entries::default();
        }
    }

    fn get(&self, key: &str, etag: &str) -> Option<Entry> {
        let e = self.inner.lock().ok()?;
        e.map.get(key).filter(|x| x.etag == etag).cloned()
    }

    fn put(&self, key: String, entry: Entry) {
        let size = entry.bytes(&key);
        if size > MAX_BYTES {
            return;
        }
        let Ok(mut e) = self.inner.lock() else {
            return;
        };
        if let Some(old) = e.map.remove(&key) {
            e.bytes -= old.bytes(&key);
            e.order.retain(|k| *k != key);
        }
        while e.bytes + size > MAX_BYTES {
            let Some(oldest) = e.order.pop_front() else {
                break;
            };
            if let Some(old) = e.map.remove(&oldest) {
                e.bytes -= old.bytes(&oldest);
            }
        }
        e.bytes += size;
        e.order.push_back(key.clone());
        e.map.insert(key, entry);
    }

    /// Bytes held and entries kept.
    #[cfg(test)]
    fn size(&self) -> (usize, usize) {
        self.inner
            .lock()
            .map(|e| (e.bytes, e.map.len()))
            .unwrap_or_default()
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

/// Whether answers of `path` (of the route `route`, when one matched) may be kept.
fn cacheable(path: &str, route: Option<&str>) -> bool {
    !(route.is_some_and(|r| {
        crate::auth::MEMBER_READS.contains(&r)
            || crate::auth::is_role_route(r)
            || crate::portal::UNCACHED.contains(&r)
    }) || path.starts_with("/assets/")
        || crate::csrf::ISSUING.contains(&path)
        || crate::auth::PERSONAL.contains(&path)
        || crate::auth::ADMIN_READS.contains(&path)
        || path.starts_with("/api/v1/docs")
        || path.ends_with("/health")
        || path == "/health")
}

/// Middleware: ETag, Last-Modified, 304s, and the in-memory response cache for GET and HEAD.
pub async fn layer(State(state): State<AppState>, req: Request, next: Next) -> Response {
    // (A request with an API token goes to the auth layer, which checks the
    // token: a cached answer would skip that.)
    let route = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|p| p.as_str().to_string());
    if !(req.method() == Method::GET || req.method() == Method::HEAD)
        || !cacheable(req.uri().path(), route.as_deref())
        || req
            .headers()
            .contains_key(axum::http::header::AUTHORIZATION)
    {
        return next.run(req).await;
    }
    // A page that shows a member more than the public: a visitor with a
    // session gets their own, neither from the cache nor kept in it.
    if route
        .as_deref()
        .is_some_and(|r| crate::auth::MEMBER_PAGES.contains(&r))
        && crate::auth::has_session_cookie(req.headers())
    {
        let mut resp = next.run(req).await;
        resp.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        return resp;
    }
    let snap = match state.snapshot().await {
        Ok(s) => s,
        Err(e) => return e.into_response(),
    };
    let key = cache_key(req.uri().path(), req.uri().query());
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
    // A response setting a cookie is its visitor's own.
    if !use_cache || !small || parts.headers.contains_key(header::SET_COOKIE) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(n: usize) -> Entry {
        Entry {
            etag: "W/\"1\"".into(),
            status: StatusCode::OK,
            headers: HeaderMap::new(),
            body: Bytes::from(vec![b'x'; n]),
        }
    }

    #[test]
    fn keys_hold_only_the_parameters_routes_read() {
        assert_eq!(
            cache_key("/facts", Some("year=2020&region=%E7%94%B2&junk=1")),
            cache_key("/facts", Some("region=%E7%94%B2&year=2020&other=2")),
        );
        assert_ne!(
            cache_key("/facts", Some("year=2020")),
            cache_key("/facts", Some("year=2021"))
        );
        assert_eq!(cache_key("/facts", Some("a=1&b=2")), "/facts");
    }

    #[test]
    fn the_cache_never_holds_more_than_its_bytes() {
        let cache = ResponseCache::default();
        let body = MAX_BODY;
        for i in 0..(3 * MAX_BYTES / body) {
            cache.put(format!("/doc/{i}"), entry(body));
            assert!(cache.size().0 <= MAX_BYTES);
        }
        let (bytes, n) = cache.size();
        assert!(n >= MAX_BYTES / body - 1, "{n} entries, {bytes} bytes");
        // The newest stays, the oldest went.
        let last = 3 * MAX_BYTES / body - 1;
        assert!(cache.get(&format!("/doc/{last}"), "W/\"1\"").is_some());
        assert!(cache.get("/doc/0", "W/\"1\"").is_none());
        // Put again: counted once.
        cache.put(format!("/doc/{last}"), entry(body));
        assert_eq!(cache.size().0, bytes);
    }
}
