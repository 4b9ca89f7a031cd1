//! `GET /api/health` (and its `live` and `ready` parts) and `GET /api/site`.

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

/// Ready: not shutting down, and the database answers. What a load balancer
/// or an orchestrator sends readers by.
pub(super) async fn ready(State(state): State<AppState>) -> Result<Json<Health>, ServerError> {
    if state.shutdown.is_draining() {
        return Err(ServerError::Draining);
    }
    // A round trip to the database, so "ok" means requests can really be served.
    state.store.ping().await?;
    Ok(Json(Health { status: "ok" }))
}

/// Live: the process answers requests. Never asks the database, so an outage
/// there does not get every replica restarted.
pub(super) async fn live() -> Json<Health> {
    Json(Health { status: "ok" })
}

pub(super) async fn site(State(state): State<AppState>) -> Json<Site> {
    Json(Site::clone(&state.site))
}
