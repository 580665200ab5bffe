//! Security at the edge: the bearer token that writes (and, if configured,
//! reads) need, and the headers every response carries.
//!
//! Every article field is untrusted. The templates escape everything (HTML
//! auto-escaping), links are made only from `http`/`https` URLs, and the
//! Content-Security-Policy below allows no script at all, so that even an
//! escaping mistake could not run one.

use crate::{ApiError, AppState};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use std::sync::Arc;

/// No scripts, no plugins, no frames, styles and images only from us,
/// forms only to us.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self'; \
     form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CONTENT_SECURITY_POLICY));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.insert("cross-origin-opener-policy", HeaderValue::from_static("same-origin"));
    response
}

/// Checks `Authorization: Bearer <token>` against the configured token.
fn check_token(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(token) = &state.config.token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes_disabled",
            "this server takes no writes: start it with DOSSIER_TOKEN set (or token in its config file)",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer ").or_else(|| value.strip_prefix("bearer ")));
    match given {
        None => Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "missing_token",
            "this needs a token: send the header `Authorization: Bearer <token>`",
        )),
        Some(given) if token.matches(given.trim()) => Ok(()),
        Some(_) => Err(ApiError::new(StatusCode::UNAUTHORIZED, "invalid_token", "the token is not valid")),
    }
}

/// Middleware for write routes: the token is always needed.
pub async fn require_writer(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    match check_token(&state, request.headers()) {
        Ok(()) => next.run(request).await,
        Err(error) => axum::response::IntoResponse::into_response(error),
    }
}

/// Middleware for read routes: the token is needed only when reads are
/// closed by configuration.
pub async fn require_reader(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    if state.config.public_reads {
        return next.run(request).await;
    }
    match check_token(&state, request.headers()) {
        Ok(()) => next.run(request).await,
        Err(error) => axum::response::IntoResponse::into_response(error),
    }
}

/// `url` if it is safe to link to: an absolute `http` or `https` URL.
/// Anything else (`javascript:`, `data:`, relative paths) is shown as text.
pub fn safe_link(url: &str) -> Option<&str> {
    let trimmed = url.trim();
    let scheme_end = trimmed.find(':')?;
    let scheme = &trimmed[..scheme_end];
    let rest = &trimmed[scheme_end + 1..];
    let web = scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https");
    (web && rest.starts_with("//") && !trimmed.chars().any(|c| c.is_control() || c.is_whitespace())).then_some(trimmed)
}

#[cfg(test)]
mod tests {
    use super::safe_link;

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(safe_link("https://example.com/a?b=c"), Some("https://example.com/a?b=c"));
        assert_eq!(safe_link(" HTTP://example.com/ "), Some("HTTP://example.com/"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//evil.example/",
            "/relative",
            "https:evil",
            "https://exa mple.com/\"onmouseover=\"x",
            "",
        ] {
            assert_eq!(safe_link(bad), None, "{bad}");
        }
    }
}
