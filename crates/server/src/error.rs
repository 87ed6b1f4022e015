//! `ApiError`: every way a request can fail, and the HTTP status and JSON body each one gets.
//!
//! The body is always `{"code": "...", "message": "..."}`. Internal failures
//! (database, index, a crashed task) are logged with their cause and answered
//! with a fixed message: a 500 never shows internals.

use axum::extract::multipart::MultipartError;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

/// The JSON body of every error response.
#[derive(Debug, Clone, Serialize, serde::Deserialize, ToSchema)]
pub struct ErrorBody {
    /// Stable machine-readable code (`not_found`, `bad_request`, `payload_too_large`, `cross_origin`, `csrf`, …).
    pub code: String,
    /// One sentence for people.
    pub message: String,
}

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The thing asked for does not exist.
    #[error("{what} not found: {id}")]
    NotFound {
        /// Kind of thing (`document`, `indicator`).
        what: &'static str,
        /// The id or name asked for.
        id: String,
    },
    /// A parameter or body is wrong.
    #[error("{message}")]
    BadRequest {
        /// Machine-readable code.
        code: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A request body larger than allowed.
    #[error("request body larger than the limit of {limit} bytes")]
    PayloadTooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The body's content type is not the one the endpoint reads.
    #[error("unsupported content type: expected {expected}")]
    UnsupportedMediaType {
        /// What the endpoint reads.
        expected: &'static str,
    },
    /// The request would replace something its sender did not choose to
    /// replace (an upload named like a stored document, without `revise`).
    #[error("{message}")]
    Conflict {
        /// Machine-readable code.
        code: &'static str,
        /// What is in the way and how to go on.
        message: String,
    },
    /// A state-changing request from another origin, or without the CSRF
    /// token (`cross_origin`, `csrf`: see `crate::csrf`).
    #[error("{message}")]
    Forbidden {
        /// Machine-readable code.
        code: &'static str,
        /// Why, and what the client must send.
        message: String,
    },
    /// The request needs a logged-in user (`unauthorized`), or its
    /// credentials are wrong (`bad_credentials`).
    #[error("{message}")]
    Unauthorized {
        /// Machine-readable code.
        code: &'static str,
        /// Why, and what to do.
        message: String,
    },
    /// Too many attempts: a locked account (`locked`) or too many wrong
    /// logins from one address (`too_many_attempts`).
    #[error("{message}")]
    TooManyRequests {
        /// Machine-readable code.
        code: &'static str,
        /// Why, and when to try again.
        message: String,
    },
    /// A document that could be received but not read (ingestion refused it).
    #[error("{0}")]
    Unprocessable(String),
    /// The server is too busy to finish the request in time.
    #[error("{0}")]
    Busy(String),
    /// The store failed.
    #[error("store: {0}")]
    Store(#[from] planwatch_store::StoreError),
    /// Anything else that is our fault.
    #[error("internal: {0}")]
    Internal(String),
}

impl ApiError {
    /// A 400 with a code and message.
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError::BadRequest {
            code,
            message: message.into(),
        }
    }

    /// A 401: the request needs a logged-in user or an API token.
    pub fn log_in_first() -> ApiError {
        ApiError::Unauthorized {
            code: "unauthorized",
            message: "log in first (POST /login) or send an API token".into(),
        }
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::NotFound { .. } => StatusCode::NOT_FOUND,
            ApiError::BadRequest { .. } => StatusCode::BAD_REQUEST,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::Forbidden { .. } => StatusCode::FORBIDDEN,
            ApiError::Unauthorized { .. } => StatusCode::UNAUTHORIZED,
            ApiError::TooManyRequests { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Busy(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Unprocessable(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Store(_) | ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The body sent to the client (internal causes replaced by a fixed sentence).
    pub fn body(&self) -> ErrorBody {
        let (code, message) = match self {
            ApiError::NotFound { .. } => ("not_found", self.to_string()),
            ApiError::BadRequest { code, message } => (*code, message.clone()),
            ApiError::PayloadTooLarge { .. } => ("payload_too_large", self.to_string()),
            ApiError::UnsupportedMediaType { .. } => ("unsupported_media_type", self.to_string()),
            ApiError::Conflict { code, message }
            | ApiError::Forbidden { code, message }
            | ApiError::Unauthorized { code, message }
            | ApiError::TooManyRequests { code, message } => (*code, message.clone()),
            ApiError::Busy(m) => ("busy", m.clone()),
            ApiError::Unprocessable(m) => ("unprocessable_document", m.clone()),
            ApiError::Store(_) | ApiError::Internal(_) => (
                "internal",
                "internal server error; the cause is in the server log".to_string(),
            ),
        };
        ErrorBody {
            code: code.to_string(),
            message,
        }
    }

    /// Logs internal errors (with cause) once, where they are turned into responses.
    pub fn log(&self) {
        if self.status().is_server_error() {
            tracing::error!(error = %self, "request failed");
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        self.log();
        (self.status(), Json(self.body())).into_response()
    }
}

impl From<JsonRejection> for ApiError {
    fn from(r: JsonRejection) -> ApiError {
        match r {
            JsonRejection::MissingJsonContentType(_) => ApiError::UnsupportedMediaType {
                expected: "application/json",
            },
            JsonRejection::JsonSyntaxError(e) => {
                ApiError::bad_request("bad_json", format!("malformed JSON: {}", e.body_text()))
            }
            JsonRejection::JsonDataError(e) => {
                ApiError::bad_request("bad_json", format!("invalid JSON body: {}", e.body_text()))
            }
            JsonRejection::BytesRejection(_) => ApiError::PayloadTooLarge {
                limit: crate::state::JSON_LIMIT,
            },
            other => ApiError::bad_request("bad_request", other.body_text()),
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> ApiError {
        ApiError::bad_request("bad_query", r.body_text())
    }
}

impl From<PathRejection> for ApiError {
    fn from(r: PathRejection) -> ApiError {
        ApiError::bad_request("bad_path", r.body_text())
    }
}

impl ApiError {
    /// A multipart read error: 413 when the body was too large, else 400.
    pub fn multipart(e: MultipartError, limit: usize) -> ApiError {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge { limit }
        } else {
            ApiError::bad_request("bad_multipart", e.body_text())
        }
    }
}

/// Result alias of handlers.
pub type ApiResult<T> = Result<T, ApiError>;

/// A row id (of a `what`) from a request's path: 404 for anything else.
pub fn id_from_path(raw: &str, what: &'static str) -> ApiResult<i64> {
    raw.trim().parse::<i64>().map_err(|_| ApiError::NotFound {
        what,
        id: raw.chars().take(50).collect(),
    })
}
