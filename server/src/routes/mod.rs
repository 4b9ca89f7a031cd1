//! The HTTP surface: `/api` routes, JSON fallbacks, and the optional static SPA.

mod articles;
mod comments;
mod moderation;
mod news;
mod pages;
mod site;
mod stream;
mod views;

use crate::AppState;
use crate::error::ServerError;
use crate::rate_limit;
use crate::static_files;
use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, Path, Query, Request};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::middleware::from_fn_with_state;
use axum::routing::{any, delete, get, post};
use serde::de::DeserializeOwned;
use std::convert::Infallible;
use std::net::IpAddr;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

/// The largest request body the API reads, in bytes.
pub const API_BODY_LIMIT: usize = 16 * 1024;

/// The whole application: `/api/*`, then the SPA (or a JSON 404) for every other path.
///
/// Serve it with connect info (as [`crate::serve`] does): the comment rate
/// limit is keyed by the peer address and answers 500 without one.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        // `/health` predates the split: it is the readiness check.
        .route("/health", get(site::ready))
        .route("/health/ready", get(site::ready))
        .route("/health/live", get(site::live))
        .route("/site", get(site::site))
        .route("/articles/{slug}", get(articles::article))
        .route("/articles/{slug}/views", post(views::count))
        .route(
            "/articles/{slug}/comments",
            // The limit wraps only what is layered before it: posting, not reading.
            post(comments::create)
                .layer(from_fn_with_state(
                    state.comment_limiter.clone(),
                    rate_limit::enforce,
                ))
                .get(comments::list),
        )
        .route("/articles/{slug}/comments/stream", get(stream::stream))
        .route("/comments/challenge", get(comments::challenge))
        .route(
            "/comments/{id}/reports",
            post(comments::report).layer(from_fn_with_state(
                state.report_limiter.clone(),
                rate_limit::enforce,
            )),
        )
        .route("/comments/{id}", delete(moderation::remove))
        .route("/moderation/settings", get(moderation::settings))
        .route("/moderation/queue", get(moderation::queue))
        .route(
            "/moderation/comments/{id}/approve",
            post(moderation::approve),
        )
        .route("/moderation/comments/{id}/reject", post(moderation::reject))
        .route("/moderation/comments/{id}/remove", post(moderation::remove))
        .route(
            "/moderation/comments/{id}/feature",
            post(moderation::feature),
        )
        .route("/moderation/log", get(moderation::log))
        .route(
            "/moderation/bans",
            get(moderation::list_bans).post(moderation::add_ban),
        )
        .route("/moderation/bans/{id}", delete(moderation::lift_ban))
        .route(
            "/moderation/words",
            get(moderation::words).post(moderation::add_word),
        )
        .route(
            "/moderation/words/{kind}/{word}",
            delete(moderation::remove_word),
        )
        .route(
            "/moderation/articles/{slug}",
            get(moderation::article).put(moderation::set_article),
        )
        .route("/moderation/stream-ticket", post(moderation::stream_ticket))
        .route("/moderation/stream", get(moderation::stream))
        .route("/news", get(news::news))
        // Without these an unknown API path would reach the SPA fallback and
        // answer index.html with 200, which a client would fail to parse as JSON.
        .fallback(api_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // Every API body is a few small fields; refuse anything bigger early.
        .layer(DefaultBodyLimit::max(API_BODY_LIMIT));

    let mut app = Router::new()
        .nest("/api", api)
        // `nest` covers `/api` and `/api/x` but not `/api/` itself.
        .route("/api/", any(api_not_found))
        .route("/sitemap.xml", get(pages::sitemap))
        .route("/sitemap-articles-{page}", get(pages::articles_sitemap))
        .route("/sitemap-news.xml", get(pages::news_sitemap))
        .route("/feed.xml", get(pages::feed))
        .route("/robots.txt", get(pages::robots));
    if state.template.is_some() {
        app = app
            .route("/", get(pages::front))
            .route("/news/{slug}", get(pages::article))
            .route("/tags/{slug}", get(pages::tag));
    }
    let app = match &state.static_dir {
        Some(dir) => static_files::serve_spa(app, dir),
        None => app.fallback(not_found),
    };
    let cors = crate::cors::layer(&state.cors_origins);
    let app = app.with_state(state).layer(CompressionLayer::new());
    // Outside compression and the per-route layers: this layer answers a
    // preflight itself, never a handler (so it never counts against the comment
    // rate limit), and every answer, errors and 429s included, carries the CORS
    // headers a browser needs to let the page read it.
    let app = match cors {
        Some(cors) => app.layer(cors),
        None => app,
    };
    app.layer(TraceLayer::new_for_http())
}

async fn api_not_found() -> ServerError {
    ServerError::NotFound("no such API endpoint".to_owned())
}

async fn not_found() -> ServerError {
    ServerError::NotFound("not found".to_owned())
}

async fn method_not_allowed() -> ServerError {
    ServerError::MethodNotAllowed
}

/// The reader's address, read through the trusted proxies; `None` when the
/// router is served without connect info.
pub struct ReaderAddr(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ReaderAddr {
    type Rejection = Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = crate::client_addr::peer(&parts.extensions);
        Ok(Self(crate::client_addr::client_ip(
            peer,
            &parts.headers,
            &state.trusted_proxies,
        )))
    }
}

/// `Query`, but a malformed query string answers the API's JSON 400, not plain text.
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(Self(value)),
            Err(rejection) => Err(ServerError::bad_request(rejection.body_text())),
        }
    }
}

/// `Path`, but an undecodable segment answers the API's JSON 400, not plain text.
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ServerError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Self(value)),
            Err(rejection) => Err(ServerError::bad_request(rejection.body_text())),
        }
    }
}

/// `Json`, but a bad body answers the API's JSON errors: 413 when too large,
/// 400 when it is not JSON or not the expected shape.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ServerError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(request, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Err(ServerError::PayloadTooLarge {
                    limit: API_BODY_LIMIT,
                })
            }
            Err(rejection) => Err(ServerError::bad_request(rejection.body_text())),
        }
    }
}
