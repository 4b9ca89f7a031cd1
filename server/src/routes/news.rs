//! `GET /api/news?before=&limit=&exclude=`.

use super::ApiQuery;
use crate::AppState;
use crate::error::ServerError;
use crate::store::{self, Cursor};
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
    let (items, next) = store::news_page(&state.pool, before, limit, exclude).await?;
    Ok(Json(NewsPage {
        items,
        next: next.map(|c| c.to_string()),
    }))
}
