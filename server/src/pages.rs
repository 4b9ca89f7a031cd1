//! A page's data read from the store and rendered as HTML: what
//! `GET /news/{slug}`, `/` and `/tags/{slug}` answer, and what
//! `vestnik-server render` writes as files.

use crate::error::ServerError;
use crate::render::{Context, page};
use crate::store::{self, NewsFilter, Store};
use axum::http::StatusCode;
use vestnik_api::{NewsItem, NewsPage};

/// Items in the first page of a rendered list (the app's page size).
pub const FIRST_PAGE: u32 = 20;
/// Stories offered on the not-found page (the app's `FreshNews`).
const FRESH: u32 = 5;

/// A rendered page and the status it is served with (404 for what does not exist).
pub type Rendered = (StatusCode, page::Page);

/// The first `limit` items of the news `filter` selects.
pub async fn first_page(
    store: &Store,
    filter: &NewsFilter<'_>,
    limit: u32,
) -> Result<NewsPage, ServerError> {
    let (items, next) = store::news_page(store, None, limit, filter).await?;
    Ok(NewsPage {
        items,
        next: next.map(|c| c.to_string()),
        tag: None,
    })
}

/// The page for an address that names nothing, with the freshest stories.
pub async fn not_found(store: &Store, ctx: &Context) -> Result<Rendered, ServerError> {
    let fresh: Vec<NewsItem> = first_page(store, &NewsFilter::default(), FRESH)
        .await?
        .items;
    Ok((StatusCode::NOT_FOUND, page::not_found_page(ctx, &fresh)))
}

/// `/news/{slug}`: the article with the first page of other news.
pub async fn article(store: &Store, ctx: &Context, slug: &str) -> Result<Rendered, ServerError> {
    let Some(article) = store::find_article(store, slug).await? else {
        return not_found(store, ctx).await;
    };
    let filter = NewsFilter {
        exclude: Some(&article.slug),
        tag: None,
    };
    let other = first_page(store, &filter, FIRST_PAGE).await?;
    Ok((StatusCode::OK, page::article_page(ctx, &article, &other)))
}

/// `/`: the newest article (decision 6).
pub async fn front(store: &Store, ctx: &Context) -> Result<Rendered, ServerError> {
    let newest = first_page(store, &NewsFilter::default(), 1).await?;
    match newest.items.first() {
        Some(item) => article(store, ctx, &item.slug).await,
        None => not_found(store, ctx).await,
    }
}

/// `/tags/{slug}`: the tag's name and the first page of its news.
pub async fn tag(store: &Store, ctx: &Context, slug: &str) -> Result<Rendered, ServerError> {
    let Some(tag) = store::find_tag(store, slug).await? else {
        return not_found(store, ctx).await;
    };
    let filter = NewsFilter {
        exclude: None,
        tag: Some(&tag.slug),
    };
    let mut page = first_page(store, &filter, FIRST_PAGE).await?;
    page.tag = Some(tag.clone());
    Ok((
        StatusCode::OK,
        page::tag_page(ctx, &tag.slug, &tag.name, &page),
    ))
}
