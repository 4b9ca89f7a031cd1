//! Cross-origin access for front-ends hosted elsewhere (`--cors-origin`).
//!
//! Only listed origins get `Access-Control-Allow-Origin`; with none listed the
//! router has no CORS layer at all, so browsers keep the API same-origin.

use crate::config::CorsOrigin;
use axum::http::{HeaderName, HeaderValue, Method, header};
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// Methods a cross-origin page may use: everything the API routes answer.
pub const ALLOWED_METHODS: [Method; 5] = [
    Method::GET,
    Method::POST,
    Method::PUT,
    Method::DELETE,
    Method::OPTIONS,
];

/// Request headers a cross-origin page may send: JSON bodies, the moderator's
/// bearer token, and the event stream's resume point.
pub const ALLOWED_HEADERS: [HeaderName; 4] = [
    header::CONTENT_TYPE,
    header::ACCEPT,
    header::AUTHORIZATION,
    HeaderName::from_static("last-event-id"),
];

/// Response headers a cross-origin page may read beyond the safelisted ones:
/// a 429's `Retry-After`, which the comment outbox waits on.
pub const EXPOSED_HEADERS: [HeaderName; 1] = [header::RETRY_AFTER];

/// How long a browser may reuse a preflight answer: a day, so a reader's
/// session costs one preflight per method and path, not one per request.
pub const PREFLIGHT_MAX_AGE: Duration = Duration::from_secs(86_400);

/// The CORS layer for `origins`, or `None` when there are none (same origin only).
///
/// No credentials are allowed: the API uses no cookies, and moderation sends
/// its token in `Authorization`, which CORS governs as a plain header.
pub fn layer(origins: &[CorsOrigin]) -> Option<CorsLayer> {
    if origins.is_empty() {
        return None;
    }
    let origins: Vec<HeaderValue> = origins
        .iter()
        .map(|origin| {
            HeaderValue::from_str(origin.as_str())
                .expect("a checked origin is visible ASCII, a valid header value")
        })
        .collect();
    Some(
        CorsLayer::new()
            .allow_origin(AllowOrigin::list(origins))
            .allow_methods(ALLOWED_METHODS)
            .allow_headers(ALLOWED_HEADERS)
            .expose_headers(EXPOSED_HEADERS)
            .max_age(PREFLIGHT_MAX_AGE),
    )
}
