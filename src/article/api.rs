//! The article's API calls.

use crate::api::{ApiError, boot, get_json, read_answer};
use vestnik_api::{Article, NewsPage};

/// Fetches the article named `slug`.
pub async fn fetch_article(slug: String) -> Result<Article, ApiError> {
    // The slug comes from the address bar: encode it so it stays one path segment.
    let encoded = String::from(js_sys::encode_uri_component(&slug));
    // The first article of a visit was usually requested by index.html already.
    if let Some(response) = boot::take_article_response(&encoded).await {
        return read_answer(response.into()).await;
    }
    get_json(&format!("/articles/{encoded}")).await
}

/// Fetches the newest article: the first item of the news list, then its body.
pub async fn fetch_latest_article() -> Result<Article, ApiError> {
    let newest: NewsPage = get_json("/news?limit=1").await?;
    let first = newest.items.into_iter().next().ok_or(ApiError::NotFound)?;
    fetch_article(first.slug).await
}
