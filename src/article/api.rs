//! The article's API calls.

use crate::api::{ApiError, boot, get_json, read_answer};
use vestnik_api::{Article, NewsPage, rendered};

/// Fetches the article named `slug`.
pub async fn fetch_article(slug: String) -> Result<Article, ApiError> {
    // A page the server rendered carries its article.
    if let Some(article) =
        boot::take_rendered::<Article>(rendered::ARTICLE_ID).filter(|article| article.slug == slug)
    {
        return Ok(article);
    }
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
    // The server renders the front page with the newest article in it.
    if let Some(article) = boot::take_rendered::<Article>(rendered::ARTICLE_ID) {
        return Ok(article);
    }
    let newest: NewsPage = get_json("/news?limit=1").await?;
    let first = newest.items.into_iter().next().ok_or(ApiError::NotFound)?;
    fetch_article(first.slug).await
}
