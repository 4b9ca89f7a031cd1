//! `GET /api/articles/{slug}`.

use super::ApiPath;
use crate::AppState;
use crate::error::ServerError;
use crate::store;
use axum::Json;
use axum::extract::State;
use vestnik_api::Article;

pub(super) async fn article(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
) -> Result<Json<Article>, ServerError> {
    match store::find_article(&state.store, &slug).await? {
        Some(article) => Ok(Json(article)),
        None => Err(ServerError::NotFound(format!("no article {slug:?}"))),
    }
}
