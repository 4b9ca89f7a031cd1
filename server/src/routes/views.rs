//! `POST /api/articles/{slug}/views`: one view per reader per article a day.

use super::{ApiJson, ApiPath};
use crate::AppState;
use crate::error::ServerError;
use crate::store;
use axum::Json;
use axum::extract::State;
use vestnik_api::{ViewCount, ViewRequest};

pub(super) async fn count(
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
    ApiJson(request): ApiJson<ViewRequest>,
) -> Result<Json<ViewCount>, ServerError> {
    check_reader_id(&request.reader_id)?;
    match store::count_view(
        &state.store,
        &slug,
        &request.reader_id,
        jiff::Timestamp::now(),
    )
    .await?
    {
        Some(count) => Ok(Json(count)),
        None => Err(ServerError::NotFound(format!("no article {slug:?}"))),
    }
}

/// The reader id is stored as given, so only a short token of safe characters is accepted.
fn check_reader_id(id: &str) -> Result<(), ServerError> {
    let ok =
        (8..=64).contains(&id.len()) && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    if ok {
        Ok(())
    } else {
        Err(ServerError::invalid_field(
            "reader_id",
            "must be 8 to 64 characters of A-Z, a-z, 0-9 and -",
        ))
    }
}
