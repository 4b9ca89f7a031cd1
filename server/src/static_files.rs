//! Serving a built SPA: real files by path, `index.html` for client-side routes,
//! pre-compressed siblings when the client accepts them, and cache headers by kind.

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{Next, from_fn, map_response};
use axum::response::Response;
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};

/// `Cache-Control` of a file whose name carries its content hash: a new build
/// gives changed content a new name, so a cached copy never goes stale.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// `Cache-Control` of HTML and `config.json`: they name the current build's
/// assets and backend, so the browser must revalidate them on every load.
pub const NO_CACHE: &str = "no-cache";
/// `Cache-Control` of any other file (favicon, robots.txt): short, because its
/// name stays the same when it changes.
pub const SHORT: &str = "public, max-age=300";

/// Adds the files under `dir` as `app`'s fallback; any unknown path gets
/// `dir/index.html` with 200 so the SPA's router can handle routes such as `/news/{slug}`.
///
/// A `file.br` or `file.gz` next to a file (which `cargo xtask build` writes) is
/// served instead of it to clients that accept that encoding, with the original's
/// `Content-Type`; the compression layer leaves such answers alone.
pub fn serve_spa<S: Clone + Send + Sync + 'static>(app: Router<S>, dir: &Path) -> Router<S> {
    let index = ServeFile::new(dir.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    // Whatever the fallback answers is index.html, even a 304 without a
    // Content-Type, so it is marked here rather than guessed from the answer.
    let index = Router::new()
        .fallback_service(index)
        .layer(map_response(|response| async {
            with_cache_control(response, NO_CACHE)
        }));
    let files = ServeDir::new(dir)
        .append_index_html_on_directories(true)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    // A router of its own, so the cache headers reach the files only, never `/api`.
    let spa = Router::new()
        .fallback_service(files)
        .layer(from_fn(cache_control));
    app.fallback_service(spa)
}

/// Sets `Cache-Control` on a static answer by the requested file's name, unless
/// the index fallback already did. Error answers are left uncached.
async fn cache_control(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let response = next.run(request).await;
    if response.headers().contains_key(header::CACHE_CONTROL) {
        return response;
    }
    let status = response.status();
    if !(status.is_success() || status == StatusCode::NOT_MODIFIED) {
        return response;
    }
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let policy = if is_html {
        NO_CACHE
    } else {
        cache_policy(&path)
    };
    with_cache_control(response, policy)
}

fn with_cache_control(mut response: Response, policy: &'static str) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

/// The `Cache-Control` for a static file at URL `path`, judged by its name alone
/// (a 304 carries no `Content-Type` to go by).
pub fn cache_policy(path: &str) -> &'static str {
    let name = path.rsplit('/').next().unwrap_or_default();
    // An empty name is a directory, answered with its index.html.
    if name.is_empty() || name.ends_with(".html") || name == "config.json" {
        NO_CACHE
    } else if has_content_hash(name) {
        IMMUTABLE
    } else {
        SHORT
    }
}

/// Whether a file name carries trunk's content hash: `-`, 12 to 16 lowercase
/// hex digits (trunk writes a 64-bit hash without leading zeros), then `.` or
/// `_` (`main-bab697ecf94eb8f9.css`, `vestnik-1c4340ee696bc54_bg.wasm`).
pub fn has_content_hash(name: &str) -> bool {
    name.match_indices('-').any(|(dash, _)| {
        let after = &name[dash + 1..];
        let digits = after
            .bytes()
            .take_while(|&d| d.is_ascii_digit() || (b'a'..=b'f').contains(&d))
            .count();
        (12..=16).contains(&digits) && matches!(after.as_bytes().get(digits), Some(b'.' | b'_'))
    })
}

/// Checks that `dir` looks like a built SPA, so a typo fails at start, not per request.
pub fn check_dir(dir: &Path) -> Result<(), crate::error::ServerError> {
    let index = dir.join("index.html");
    if index.is_file() {
        Ok(())
    } else {
        Err(crate::error::ServerError::Config(format!(
            "--static-dir {}: no index.html there (build the SPA first, e.g. `cargo xtask build`)",
            dir.display()
        )))
    }
}
