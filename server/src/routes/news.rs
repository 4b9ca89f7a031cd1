//! `GET /api/news?before=&limit=&exclude=&tag=`.

use super::ApiQuery;
use crate::AppState;
use crate::error::ServerError;
use crate::store::{self, Cursor, NewsFilter};
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use vestnik_api::NewsPage;

/// Items per page when the client does not say.
const DEFAULT_LIMIT: i64 = 20;
/// The most items one page may hold.
const MAX_LIMIT: i64 = 50;

#[derive(Deserialize)]
pub(super) struct NewsQuery {
    before: Option<String>,
    limit: Option<i64>,
    exclude: Option<String>,
    tag: Option<String>,
}

pub(super) async fn news(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<NewsQuery>,
) -> Result<Json<NewsPage>, ServerError> {
    // An empty `before=` is what a form or a naive client sends for "from the start".
    let before = match query.before.as_deref() {
        None | Some("") => None,
        Some(text) => Some(Cursor::parse(text).ok_or_else(|| {
            ServerError::bad_field("before", "not a cursor this server produced")
        })?),
    };
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let limit = u32::try_from(limit).unwrap_or(1);
    let exclude = query.exclude.as_deref().filter(|s| !s.is_empty());
    // A tag no article carries is a wrong address, not an empty list.
    let tag = match query.tag.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(slug) => Some(
            store::find_tag(&state.store, slug)
                .await?
                .ok_or_else(|| ServerError::NotFound(format!("no news is tagged {slug:?}")))?,
        ),
    };
    let filter = NewsFilter {
        exclude,
        tag: tag.as_ref().map(|t| t.slug.as_str()),
    };
    let (items, next) = store::news_page(&state.store, before, limit, &filter).await?;
    Ok(Json(NewsPage {
        items,
        next: next.map(|c| c.to_string()),
        tag,
    }))
}
