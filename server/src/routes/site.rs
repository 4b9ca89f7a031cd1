//! `GET /api/health` and `GET /api/site`.

use crate::AppState;
use crate::error::ServerError;
use axum::Json;
use axum::extract::State;
use serde::Serialize;
use vestnik_api::Site;

#[derive(Serialize)]
pub(super) struct Health {
    status: &'static str,
}

pub(super) async fn health(State(state): State<AppState>) -> Result<Json<Health>, ServerError> {
    // A round trip to the database, so "ok" means requests can really be served.
    match sqlx::query_scalar::<_, i64>("SELECT 1")
        .fetch_one(&state.pool)
        .await
    {
        Ok(_) => Ok(Json(Health { status: "ok" })),
        Err(e) => Err(ServerError::Unavailable(e)),
    }
}

pub(super) async fn site(State(state): State<AppState>) -> Json<Site> {
    Json(Site::clone(&state.site))
}
