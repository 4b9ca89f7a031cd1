//! Serving a built SPA: real files by path, `index.html` for client-side routes.

use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};

/// Adds the files under `dir` as `app`'s fallback; any unknown path gets
/// `dir/index.html` with 200 so the SPA's router can handle routes such as `/news/{slug}`.
pub fn serve_spa<S: Clone + Send + Sync + 'static>(app: Router<S>, dir: &Path) -> Router<S> {
    let files = ServeDir::new(dir)
        .append_index_html_on_directories(true)
        .fallback(ServeFile::new(dir.join("index.html")));
    app.fallback_service(files)
        .layer(axum::middleware::map_response(no_cache_for_html))
}

/// HTML names the content-hashed assets of the current build, so it must be
/// revalidated on every load; the hashed assets themselves can be cached freely.
async fn no_cache_for_html(mut response: Response) -> Response {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if is_html {
        response
            .headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    response
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
