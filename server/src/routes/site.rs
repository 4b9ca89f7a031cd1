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
    state.store.ping().await?;
    Ok(Json(Health { status: "ok" }))
}

pub(super) async fn site(State(state): State<AppState>) -> Json<Site> {
    Json(Site::clone(&state.site))
}
