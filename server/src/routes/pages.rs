//! Pages as HTML (with `--static-dir`): `/`, `/news/{slug}`, `/tags/{slug}`,
//! rendered into the built `index.html` so they read before the Wasm and
//! without it; and, always, the sitemaps, the RSS feed and `robots.txt`.

use crate::AppState;
use crate::error::ServerError;
use crate::pages;
use crate::render::{Context, feeds, page};
use crate::static_files::NO_CACHE;
use crate::store;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use vestnik_api::links;

/// `Cache-Control` of the sitemaps, the feed and `robots.txt`.
const FEED_CACHE: &str = "public, max-age=300";

/// The public origin: `--site-url`, else the request's own `Host`.
fn context(state: &AppState, headers: &HeaderMap) -> Context {
    let origin = state.site_url.clone().unwrap_or_else(|| {
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost");
        let secure = headers
            .get("x-forwarded-proto")
            .is_some_and(|p| p.as_bytes().eq_ignore_ascii_case(b"https"));
        let scheme = if secure { "https" } else { "http" };
        let candidate = format!("{scheme}://{host}");
        match links::http_url(&candidate) {
            Ok(url) if url.rest.is_empty() && url.host.is_ascii() => url.origin(),
            _ => "http://localhost".to_owned(),
        }
    });
    Context::new(&state.site, &origin)
}

fn respond(
    status: StatusCode,
    content_type: &'static str,
    cache: &'static str,
    body: String,
) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

fn html(status: StatusCode, body: String) -> Response {
    respond(status, "text/html; charset=utf-8", NO_CACHE, body)
}

/// A page, or `index.html` as built when the data cannot be read: the app
/// then shows its own error with a retry, as before pages were rendered.
async fn page_or_app(
    state: &AppState,
    render: impl Future<Output = Result<(StatusCode, page::Page), ServerError>>,
) -> Response {
    let Some(template) = &state.template else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match render.await {
        Ok((status, page)) => html(
            status,
            template.render(&state.site.locale, &page.head, &page.body),
        ),
        Err(error) => {
            tracing::error!(%error, "cannot render a page; serving the app to render it");
            html(StatusCode::OK, template.unrendered().to_owned())
        }
    }
}

/// `/news/{slug}`.
pub(super) async fn article(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    let ctx = context(&state, &headers);
    page_or_app(&state, pages::article(&state.store, &ctx, &slug)).await
}

/// `/`: the newest article (decision 6), with its own address as canonical.
pub(super) async fn front(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let ctx = context(&state, &headers);
    page_or_app(&state, pages::front(&state.store, &ctx)).await
}

/// `/tags/{slug}`.
pub(super) async fn tag(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    let ctx = context(&state, &headers);
    page_or_app(&state, pages::tag(&state.store, &ctx, &slug)).await
}

fn xml(body: String) -> Response {
    respond(
        StatusCode::OK,
        "application/xml; charset=utf-8",
        FEED_CACHE,
        body,
    )
}

/// `/sitemap.xml`: the index of the sitemaps.
pub(super) async fn sitemap(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let count = store::count_articles(&state.store).await?;
    let ctx = context(&state, &headers);
    Ok(xml(feeds::sitemap_index(
        &ctx,
        usize::try_from(count).unwrap_or(0),
    )))
}

/// `/sitemap-articles-{n}.xml`: every article, 50,000 a file.
pub(super) async fn articles_sitemap(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let missing = || ServerError::NotFound("no such sitemap".to_owned());
    let n: usize = file
        .strip_suffix(".xml")
        .and_then(|n| n.parse().ok())
        .ok_or_else(missing)?;
    let entries = store::article_entries(&state.store, None).await?;
    let ctx = context(&state, &headers);
    feeds::articles_sitemap(&ctx, &entries, n)
        .map(xml)
        .ok_or_else(missing)
}

/// `/sitemap-news.xml`: the Google News sitemap of the last two days.
pub(super) async fn news_sitemap(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let entries = store::article_entries(&state.store, Some(feeds::NEWS_MAX_URLS as u32)).await?;
    Ok(xml(feeds::news_sitemap(
        &context(&state, &headers),
        &entries,
    )))
}

/// `/feed.xml`: RSS 2.0 of the latest stories.
pub(super) async fn feed(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ServerError> {
    let entries = store::article_entries(&state.store, Some(feeds::FEED_ITEMS)).await?;
    Ok(respond(
        StatusCode::OK,
        "application/rss+xml; charset=utf-8",
        FEED_CACHE,
        feeds::rss(&context(&state, &headers), &entries),
    ))
}

/// `/robots.txt`, naming the sitemap.
pub(super) async fn robots(State(state): State<AppState>, headers: HeaderMap) -> Response {
    respond(
        StatusCode::OK,
        "text/plain; charset=utf-8",
        FEED_CACHE,
        feeds::robots(&context(&state, &headers)),
    )
}
