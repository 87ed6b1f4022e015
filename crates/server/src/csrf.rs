//! Cross-site request refusal, until accounts exist: any page on the web
//! could otherwise make a visitor's browser post an upload here.
//!
//! Every request that is not safe (anything but GET, HEAD, OPTIONS, TRACE),
//! save the few in [`EXEMPT`], must pass two checks before its handler runs:
//!
//! 1. **Origin.** An `Origin` header (or, without one, the `Referer`'s
//!    origin) must be this server's own (scheme, from `X-Forwarded-Proto`
//!    when given, and `Host`) or one of [`Config::allowed_origins`];
//!    `Origin: null` never passes. A request with neither header (curl, a
//!    script) is left to the token. Refused: 403 `cross_origin`.
//! 2. **Token (double submit).** The cookie `planwatch_csrf`, issued by
//!    `GET /api/v1/csrf` and the pages with a form, must hold a token this
//!    process signed (HMAC-SHA256 under a key drawn at start, so a made-up
//!    cookie, or another process's, does not pass; a sibling site planting a
//!    real one is stopped by the Origin check), and the request must
//!    repeat it in the header `X-CSRF-Token` or, for a multipart form, in a
//!    field `csrf_token` before its file. Refused: 403 `csrf`. Tokens last as
//!    long as the process: after a restart, clients fetch a new one.
//!
//! A request with an `Authorization` header (an API token, see
//! [`crate::auth`]) takes neither check: no browser sends one by itself.
//!
//! [`Config::allowed_origins`]: crate::Config::allowed_origins

use std::fmt;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

use crate::error::{ApiError, ApiResult};
use crate::pages::PageError;
use crate::state::AppState;

/// The cookie holding the token.
pub const COOKIE: &str = "planwatch_csrf";
/// The header an API client repeats the token in.
pub const HEADER: &str = "x-csrf-token";
/// The multipart form field a page's form repeats the token in.
pub const FIELD: &str = "csrf_token";

/// Requests that are not safe by method but change nothing, so neither check
/// applies (a cross-site page can send them, but cannot read the answer).
pub const EXEMPT: &[(Method, &str)] = &[
    // Search with a JSON body (long queries): it reads the index, stores nothing.
    (Method::POST, "/api/v1/search"),
];

/// Paths whose GET answer carries a token (and sets the cookie): never
/// cached nor answered 304, since the token is the visitor's own.
pub const ISSUING: &[&str] = &["/api/v1/csrf", "/documents", "/login"];

const NONCE: usize = 32;
const TAG: usize = 32;
const DOMAIN: &[u8] = b"planwatch-csrf-v1\0";

/// The key tokens are signed with, drawn at start and never shown.
pub(crate) struct CsrfKey([u8; 32]);

impl fmt::Debug for CsrfKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CsrfKey(..)")
    }
}

impl CsrfKey {
    /// A fresh key from the operating system's random source.
    pub(crate) fn random() -> ApiResult<CsrfKey> {
        let mut key = [0u8; 32];
        getrandom::fill(&mut key)
            .map_err(|e| ApiError::Internal(format!("no random source for the CSRF key: {e}")))?;
        Ok(CsrfKey(key))
    }

    fn mac(&self, nonce: &[u8]) -> Option<Hmac<Sha256>> {
        let mut mac = Hmac::<Sha256>::new_from_slice(&self.0).ok()?;
        mac.update(DOMAIN);
        mac.update(nonce);
        Some(mac)
    }

    /// A new token: 32 random bytes and their signature, in hex.
    pub(crate) fn issue(&self) -> ApiResult<String> {
        let mut nonce = [0u8; NONCE];
        getrandom::fill(&mut nonce)
            .map_err(|e| ApiError::Internal(format!("no random source for a CSRF token: {e}")))?;
        let mac = self
            .mac(&nonce)
            .ok_or_else(|| ApiError::Internal("CSRF key unusable".into()))?;
        let tag = mac.finalize().into_bytes();
        let mut token = hex::encode(nonce);
        token.push_str(&hex::encode(tag));
        Ok(token)
    }

    /// Whether `token` was issued under this key (checked in constant time).
    pub(crate) fn verify(&self, token: &str) -> bool {
        // (Length first: a hostile header is not decoded whole.)
        if token.len() != 2 * (NONCE + TAG) {
            return false;
        }
        let Ok(bytes) = hex::decode(token) else {
            return false;
        };
        let (nonce, tag) = bytes.split_at(NONCE);
        self.mac(nonce).is_some_and(|m| m.verify_slice(tag).is_ok())
    }
}

/// What the layer leaves for the handler: whether the token was already
/// matched (header), or must still come as the form field [`FIELD`].
#[derive(Clone, Debug)]
pub enum CsrfGate {
    /// `X-CSRF-Token` matched the cookie.
    Passed,
    /// No header: the multipart form must carry one of these (the request's
    /// valid cookie tokens) in [`FIELD`], before its file.
    FormField(Arc<[String]>),
}

impl CsrfGate {
    /// Whether the token was already matched.
    pub fn passed(&self) -> bool {
        matches!(self, CsrfGate::Passed)
    }

    /// Checks the form field's value against the cookie.
    pub fn check_field(&self, value: &str) -> ApiResult<()> {
        match self {
            CsrfGate::Passed => Ok(()),
            CsrfGate::FormField(cookies) if cookies.iter().any(|c| same(c, value.trim())) => Ok(()),
            CsrfGate::FormField(_) => Err(refused_token(
                "the form's csrf_token does not match the planwatch_csrf cookie; reload the page and send the form again",
            )),
        }
    }

    /// The refusal when the form's file came before any token.
    pub fn missing_field() -> ApiError {
        refused_token(
            "the form carries no csrf_token field before its file; reload the page and send the form again",
        )
    }
}

/// Equal strings, compared in time that depends on their length only.
fn same(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

fn refused_token(message: &str) -> ApiError {
    ApiError::Forbidden {
        code: "csrf",
        message: message.to_string(),
    }
}

fn refused_origin(message: String) -> ApiError {
    ApiError::Forbidden {
        code: "cross_origin",
        message,
    }
}

fn is_safe(m: &Method) -> bool {
    [Method::GET, Method::HEAD, Method::OPTIONS, Method::TRACE].contains(m)
}

/// Middleware: the two checks, answered in JSON under `/api/` and as a
/// page elsewhere. Runs before the body is read.
pub async fn layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path();
    if is_safe(req.method()) || EXEMPT.iter().any(|(m, p)| m == req.method() && *p == path) {
        return next.run(req).await;
    }
    // An API token is no ambient credential: a browser never adds an
    // `Authorization` header on its own, and a cross-site script cannot set
    // one without a CORS preflight this server never grants. The request is
    // then known by its token alone (cookies are not read: see crate::auth).
    if req.headers().contains_key(header::AUTHORIZATION) {
        req.extensions_mut().insert(CsrfGate::Passed);
        return next.run(req).await;
    }
    let api = path.starts_with("/api/");
    match check(&state, req.headers(), req.uri()) {
        Ok(gate) => {
            req.extensions_mut().insert(gate);
            next.run(req).await
        }
        Err(e) => {
            tracing::warn!(method = %req.method(), uri = %req.uri(), code = %e.body().code, "state-changing request refused");
            if api {
                e.into_response()
            } else {
                PageError(e).into_response()
            }
        }
    }
}

fn check(state: &AppState, headers: &HeaderMap, uri: &Uri) -> ApiResult<CsrfGate> {
    check_origin(state, headers, uri)?;
    let cookies: Vec<String> = cookie_tokens(headers)
        .filter(|t| state.csrf_key().verify(t))
        .map(str::to_string)
        .collect();
    if cookies.is_empty() {
        return Err(refused_token(
            "no valid planwatch_csrf cookie: GET /api/v1/csrf (or load the page) first, then send its token in X-CSRF-Token",
        ));
    }
    if let Some(sent) = headers.get(HEADER) {
        let sent = sent.to_str().unwrap_or("").trim();
        return if cookies.iter().any(|c| same(c, sent)) {
            Ok(CsrfGate::Passed)
        } else {
            Err(refused_token(
                "X-CSRF-Token does not match the planwatch_csrf cookie",
            ))
        };
    }
    let multipart = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.to_ascii_lowercase().starts_with("multipart/form-data"));
    if multipart {
        Ok(CsrfGate::FormField(cookies.into()))
    } else {
        Err(refused_token(
            "missing X-CSRF-Token header (its value: GET /api/v1/csrf)",
        ))
    }
}

fn check_origin(state: &AppState, headers: &HeaderMap, uri: &Uri) -> ApiResult<()> {
    let (what, value) = if let Some(v) = headers.get(header::ORIGIN) {
        ("Origin", v)
    } else if let Some(v) = headers.get(header::REFERER) {
        ("Referer", v)
    } else {
        return Ok(());
    };
    let raw = value.to_str().unwrap_or("");
    let claimed = origin_of(raw, what == "Referer");
    let shown: String = raw.chars().take(200).collect();
    let Some(claimed) = claimed else {
        return Err(refused_origin(format!(
            "{what} {shown:?} is not an origin this server accepts writes from"
        )));
    };
    if own_origin(headers, uri).as_deref() == Some(claimed.as_str())
        || state.allowed_origins().contains(&claimed)
    {
        Ok(())
    } else {
        Err(refused_origin(format!(
            "cross-origin request refused: {what} {claimed} is neither this server nor an allowed origin (planwatch serve --allow-origin)"
        )))
    }
}

/// `https` when a proxy said so (or the request URI does), else `http`.
pub(crate) fn own_scheme(headers: &HeaderMap, uri: &Uri) -> &'static str {
    let forwarded = headers
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .map(|v| v.trim().to_ascii_lowercase());
    match forwarded.as_deref() {
        Some("https") => "https",
        Some("http") => "http",
        _ if uri.scheme_str() == Some("https") => "https",
        _ => "http",
    }
}

/// The origin the request was sent to: scheme and `Host` (HTTP/2: authority).
fn own_origin(headers: &HeaderMap, uri: &Uri) -> Option<String> {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| uri.authority().map(|a| a.as_str()))?;
    origin_of(&format!("{}://{host}", own_scheme(headers, uri)), false)
}

/// `scheme://host[:port]` of an http(s) URL, lower-cased, default port left
/// out; `None` for anything else. With `path` false, nothing but a `/` may
/// follow the authority (an `Origin` header, an allowed origin).
pub fn origin_of(url: &str, path: bool) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        _ => return None,
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    if !(path || tail.is_empty() || tail == "/") {
        return None;
    }
    if authority.is_empty()
        || authority.contains('@')
        || authority
            .chars()
            .any(|c| c.is_whitespace() || c.is_control())
    {
        return None;
    }
    let authority = authority.to_ascii_lowercase();
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) if !authority.ends_with(']') => (h, Some(p)),
        _ => (authority.as_str(), None),
    };
    let bracketed = host.starts_with('[') && host.ends_with(']');
    if host.is_empty() || (host.contains(':') && !bracketed) {
        return None;
    }
    let port = match port {
        None => None,
        Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
            Some(p.parse::<u16>().ok()?).filter(|&n| n != default_port)
        }
        Some(_) => return None,
    };
    Some(match port {
        Some(p) => format!("{scheme}://{host}:{p}"),
        None => format!("{scheme}://{host}"),
    })
}

/// Values of every `planwatch_csrf` cookie sent (a sibling site may add its own).
fn cookie_tokens(headers: &HeaderMap) -> impl Iterator<Item = &str> {
    cookie_values(headers, COOKIE)
}

/// Values of every cookie called `name` in the request (several if a sibling
/// site adds its own).
pub(crate) fn cookie_values<'a>(
    headers: &'a HeaderMap,
    name: &'a str,
) -> impl Iterator<Item = &'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .filter(move |(n, _)| *n == name)
        .map(|(_, value)| value.trim().trim_matches('"'))
}

/// The token a page or `GET /api/v1/csrf` hands out: the request's own
/// valid cookie (so pages open in other tabs keep working), else a new
/// one with the `Set-Cookie` that stores it.
pub(crate) fn token_for(
    state: &AppState,
    headers: &HeaderMap,
    uri: &Uri,
) -> ApiResult<(String, Option<HeaderValue>)> {
    if let Some(t) = cookie_tokens(headers).find(|t| state.csrf_key().verify(t)) {
        return Ok((t.to_string(), None));
    }
    let token = state.csrf_key().issue()?;
    let secure = if own_scheme(headers, uri) == "https" {
        "; Secure"
    } else {
        ""
    };
    let cookie = HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path=/; SameSite=Strict; HttpOnly{secure}"
    ))
    .map_err(|e| ApiError::Internal(format!("CSRF cookie: {e}")))?;
    Ok((token, Some(cookie)))
}

/// Adds the cookie (when new) and keeps the answer out of every cache.
pub(crate) fn attach(response: &mut Response, cookie: Option<HeaderValue>) {
    let h = response.headers_mut();
    if let Some(c) = cookie {
        h.append(header::SET_COOKIE, c);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_normalised_and_strict() {
        let o = |s| origin_of(s, false);
        assert_eq!(
            o("http://127.0.0.1:8080").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        assert_eq!(
            o("HTTPS://Plan.Example:443/").as_deref(),
            Some("https://plan.example")
        );
        assert_eq!(
            o("http://plan.example:80").as_deref(),
            Some("http://plan.example")
        );
        assert_eq!(o("http://[::1]:8080").as_deref(), Some("http://[::1]:8080"));
        assert_eq!(o("http://[::1]").as_deref(), Some("http://[::1]"));
        for bad in [
            "null",
            "file://x",
            "http://",
            "http://a@b.example",
            "http://a.example/path",
            "http://a.example:x",
            "http://a.example:99999",
            "http://::1",
            "javascript://x",
        ] {
            assert_eq!(o(bad), None, "{bad}");
        }
        assert_eq!(
            origin_of("https://plan.example/documents?x=1#y", true).as_deref(),
            Some("https://plan.example")
        );
    }

    #[test]
    fn tokens_verify_only_under_their_key() {
        let (a, b) = match (CsrfKey::random(), CsrfKey::random()) {
            (Ok(a), Ok(b)) => (a, b),
            _ => panic!("no random source"),
        };
        let t = a.issue().expect("token");
        assert_eq!(t.len(), 128);
        assert!(a.verify(&t));
        assert!(!b.verify(&t), "another process's key");
        let mut tampered = t.clone().into_bytes();
        tampered[0] = if tampered[0] == b'0' { b'1' } else { b'0' };
        let tampered = String::from_utf8(tampered).expect("ascii");
        assert!(!a.verify(&tampered));
        assert!(!a.verify(""));
        assert!(!a.verify(&t[..64]));
        assert!(!a.verify(&"é".repeat(64)));
        assert_ne!(a.issue().expect("token"), t, "each token is new");
    }

    #[test]
    fn the_key_is_not_printed() {
        let k = CsrfKey([7; 32]);
        assert_eq!(format!("{k:?}"), "CsrfKey(..)");
    }
}
