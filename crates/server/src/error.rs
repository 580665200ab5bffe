//! Errors: [`ServerError`] stops the server from starting; [`ApiError`] is
//! one failed request, answered in one JSON shape with a stable code.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use std::path::PathBuf;

/// What stops the server from starting or running.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    #[error("cannot read the config file {}", path.display())]
    ConfigRead { path: PathBuf, source: std::io::Error },
    #[error("the config file {} is not valid", path.display())]
    ConfigParse { path: PathBuf, source: toml::de::Error },
    #[error("{addr:?} is not an address to listen on: give one like 127.0.0.1:8080")]
    Address { addr: String },
    #[error("the token is too short: use at least 16 characters")]
    WeakToken,
    #[error("public_reads = false needs a token: set DOSSIER_TOKEN or token in the config file")]
    ClosedWithoutToken,
    #[error("cannot listen on {addr}")]
    Bind { addr: std::net::SocketAddr, source: std::io::Error },
    #[error("the server failed")]
    Serve(#[source] std::io::Error),
    #[error(transparent)]
    Engine(#[from] dossier_engine::EngineError),
}

/// The kind of a failed request, as meilisearch splits them: the caller's
/// mistake, missing rights, or a fault of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ErrorType {
    InvalidRequest,
    Auth,
    Internal,
}

/// The JSON body of every error: `{"message", "code", "type", "status"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// What went wrong and what to do, for a person.
    pub message: String,
    /// A stable machine code, e.g. `story_not_found`.
    pub code: &'static str,
    #[serde(rename = "type")]
    pub kind: ErrorType,
    /// The HTTP status, repeated.
    pub status: u16,
}

/// A failed request.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self { status, code, message: message.into() }
    }

    pub fn not_found(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, code, message)
    }

    pub fn bad_request(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    pub fn internal(error: &dyn std::error::Error) -> Self {
        let mut message = error.to_string();
        let mut cause = error.source();
        while let Some(inner) = cause {
            message.push_str(": ");
            message.push_str(&inner.to_string());
            cause = inner.source();
        }
        tracing::error!(target: "dossier::serve", %message, "request failed");
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", message)
    }

    pub fn kind(&self) -> ErrorType {
        match self.status {
            StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => ErrorType::Auth,
            status if status.is_server_error() => ErrorType::Internal,
            _ => ErrorType::InvalidRequest,
        }
    }

    pub fn body(&self) -> ErrorBody {
        ErrorBody { message: self.message.clone(), code: self.code, kind: self.kind(), status: self.status.as_u16() }
    }
}

impl From<dossier_engine::EngineError> for ApiError {
    fn from(error: dossier_engine::EngineError) -> Self {
        Self::internal(&error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (self.status, axum::Json(self.body())).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert("www-authenticate", axum::http::HeaderValue::from_static("Bearer"));
        }
        response
    }
}
